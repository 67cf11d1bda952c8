//! What `ip token` can refuse, with ip's text and status.
//!
//! The one error table (`crate::error`) hands these here for their text,
//! status and whether ip raises them with `exit()`.

use crate::error::{Error, KernelError, SubjectError};

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum TokenError {
    /// `set`/`add` without a token (ip returns -1: status 1).
    TokenRequired,
    /// `set`/`del` without `dev` (status 1).
    DevRequired,
    /// The link dump failed (status 1); `in_done` as for addrlabel: the
    /// kernel said so in NLMSG_DONE, where libnetlink is quiet about ENOENT
    /// and EOPNOTSUPP.
    DumpTerminated { error: KernelError, in_done: bool },
    /// A link without IFLA_PROTINFO: ip's printer stops the dump, which
    /// ends with `Dump terminated` (status 1).
    DumpStopped,
    /// A link without IFLA_INET6_TOKEN: ip's complaint, then `Dump
    /// terminated` (status 1).
    NoTokenSupport,
}

impl SubjectError for TokenError {
    fn status(&self) -> i32 {
        1
    }

    /// ip returns every one of them to its caller: a batch goes on.
    fn aborts_batch(&self) -> bool {
        false
    }

    fn errno(&self) -> Option<i32> {
        match self {
            TokenError::DumpTerminated { error, .. } => Some(error.errno),
            _ => None,
        }
    }

    fn message(&self, prog: &str) -> Option<String> {
        Some(match self {
            TokenError::TokenRequired => "Not enough information: token is required.".to_string(),
            TokenError::DevRequired => {
                "Not enough information: \"dev\" argument is required.".to_string()
            }
            TokenError::DumpTerminated {
                error,
                in_done: true,
            } => return Error::DumpTerminated(error.clone()).message(prog),
            TokenError::DumpTerminated { error, .. } => format!("{error}\nDump terminated"),
            TokenError::DumpStopped => "Dump terminated".to_string(),
            TokenError::NoTokenSupport => {
                "Seems there's no support for IPv6 token!\nDump terminated".to_string()
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::shown;

    #[test]
    fn token_errors_match_ip() {
        assert_eq!(
            shown(&TokenError::DevRequired.into()),
            (
                "Not enough information: \"dev\" argument is required.".into(),
                1
            )
        );
        assert_eq!(
            shown(&TokenError::TokenRequired.into()),
            ("Not enough information: token is required.".into(), 1)
        );
    }
}
