//! What `ip route` can refuse, beyond the shared grammar and kernel errors,
//! with ip's text and status.

use crate::error::{strerror, SubjectError, SubjectWarning};

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum RouteError {
    /// A word after a route's hops that is not `nexthop` (status 255).
    NexthopExpected(String),
    /// `nexthop` as the last word (status 255).
    NexthopEndOfLine,
    /// A hop's `dev` names no device: ip says so, then that the hop could
    /// not be parsed, and exits (status 255).
    NexthopDevice(String),
    /// `ip route flush` with no selector (status 1).
    FlushNeedsArguments,
    /// `ip route get` without an address (status 1).
    GetNeedsDestination,
    /// `route get … connected` whose answer has no route (status 1).
    ConnectFailed,
}

impl SubjectError for RouteError {
    /// The device a nexthop names.
    fn objects(&self) -> Vec<String> {
        match self {
            RouteError::NexthopDevice(name) => vec![name.clone()],
            _ => Vec::new(),
        }
    }

    fn status(&self) -> i32 {
        if self.aborts_batch() {
            255
        } else {
            1
        }
    }

    /// Whether ip raises it with `exit()`, which ends a batch at once.
    fn aborts_batch(&self) -> bool {
        matches!(
            self,
            RouteError::NexthopExpected(_)
                | RouteError::NexthopEndOfLine
                | RouteError::NexthopDevice(_)
        )
    }

    fn message(&self, _prog: &str) -> Option<String> {
        Some(match self {
            RouteError::NexthopExpected(word) => {
                format!("Error: \"nexthop\" or end of line is expected instead of \"{word}\"")
            }
            RouteError::NexthopEndOfLine => {
                "Error: unexpected end of line after \"nexthop\"".to_string()
            }
            RouteError::NexthopDevice(name) => {
                format!("Cannot find device \"{name}\"\nError: cannot parse nexthop")
            }
            RouteError::FlushNeedsArguments => "\"ip route flush\" requires arguments.".to_string(),
            RouteError::GetNeedsDestination => "need at least a destination address".to_string(),
            RouteError::ConnectFailed => "Failed to connect the route".to_string(),
        })
    }
}

/// What `ip route` complains about and goes on past (warnings, no status).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum RouteWarning {
    /// A route's `encap` that would make the request longer than ip's
    /// 1024 bytes: ip says so (a warning) and leaves the encap out.
    RequestBound(usize),
    /// A message of a route dump that is no route (a warning).
    NotARoute { len: u32, msg_type: u16, flags: u16 },
    /// `flush cache` could not open the kernel's flush file (a warning).
    CacheFlushOpen { path: &'static str, errno: i32 },
    /// `flush cache` could not write it (a warning).
    CacheFlushFailed,
    /// `route get ADDR/LEN` with a length other than the host's (a
    /// warning).
    GetPrefixLength { given: i32, host: i32 },
}

impl SubjectWarning for RouteWarning {
    fn message(&self) -> String {
        match self {
            RouteWarning::RequestBound(bound) => {
                format!("addraw_l ERROR: message exceeded bound of {bound}")
            }
            RouteWarning::NotARoute {
                len,
                msg_type,
                flags,
            } => format!("Not a route: {len:08x} {msg_type:08x} {flags:08x}"),
            RouteWarning::CacheFlushOpen { path, errno } => {
                format!("Cannot open \"{path}\": {}", strerror(*errno))
            }
            RouteWarning::CacheFlushFailed => "Cannot flush routing cache".to_string(),
            RouteWarning::GetPrefixLength { given, host } => format!(
                "Warning: /{given} as prefix is invalid, only /{host} (or none) is supported."
            ),
        }
    }
}
