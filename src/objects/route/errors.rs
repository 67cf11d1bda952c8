//! What `ip route` can refuse, beyond the shared grammar and kernel errors,
//! with ip's text and status.

use crate::error::Error;

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum RouteError {
    /// A word after a route's hops that is not `nexthop` (status 255).
    NexthopExpected(String),
    /// `nexthop` as the last word (status 255).
    NexthopEndOfLine,
    /// A hop's `dev` names no device: ip says so, then that the hop could
    /// not be parsed, and exits (status 255).
    NexthopDevice(String),
    /// A route's `encap` that would make the request longer than ip's
    /// 1024 bytes: ip says so (a warning) and leaves the encap out.
    RequestBound(usize),
}

impl RouteError {
    pub(crate) fn status(&self) -> i32 {
        match self {
            RouteError::RequestBound(_) => 1,
            _ => 255,
        }
    }

    /// Whether ip raises it with `exit()`, which ends a batch at once.
    pub(crate) fn aborts_batch(&self) -> bool {
        !matches!(self, RouteError::RequestBound(_))
    }

    pub(crate) fn message(&self) -> String {
        match self {
            RouteError::NexthopExpected(word) => {
                format!("Error: \"nexthop\" or end of line is expected instead of \"{word}\"")
            }
            RouteError::NexthopEndOfLine => {
                "Error: unexpected end of line after \"nexthop\"".to_string()
            }
            RouteError::NexthopDevice(name) => {
                format!("Cannot find device \"{name}\"\nError: cannot parse nexthop")
            }
            RouteError::RequestBound(bound) => {
                format!("addraw_l ERROR: message exceeded bound of {bound}")
            }
        }
    }
}

impl From<RouteError> for Error {
    fn from(error: RouteError) -> Self {
        Error::Route(error)
    }
}
