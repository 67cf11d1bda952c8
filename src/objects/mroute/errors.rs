//! What `ip mroute` can refuse, with ip's text and status.
//!
//! The one error table (`crate::error`) hands these here for their text,
//! status and whether ip raises them with `exit()`.

use crate::error::{SubjectError, SubjectWarning};

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum MrouteError {
    /// The dump held a route that is not a multicast one: the kernel answered
    /// a multicast dump with unicast routes (ip stops the dump and exits 1).
    NotMulticast,
}

impl SubjectError for MrouteError {
    fn status(&self) -> i32 {
        1
    }

    /// Whether ip raises it with `exit()`, which ends a batch at once.
    fn aborts_batch(&self) -> bool {
        matches!(self, MrouteError::NotMulticast)
    }

    fn message(&self, _prog: &str) -> Option<String> {
        Some(match self {
            MrouteError::NotMulticast => {
                "Non multicast route received, kernel does support IP multicast?\nDump terminated"
                    .to_string()
            }
        })
    }
}

/// What `ip mroute` complains about and goes on past.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum MrouteWarning {
    /// A message of the dump that is no route at all (ip complains and goes
    /// on: a warning).
    NotARoute { len: u32, msg_type: u16, flags: u16 },
}

impl SubjectWarning for MrouteWarning {
    fn message(&self) -> String {
        match self {
            MrouteWarning::NotARoute {
                len,
                msg_type,
                flags,
            } => format!("Not a multicast route: {len:08x} {msg_type:08x} {flags:08x}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::{shown, Error, SubjectWarning};

    #[test]
    fn mroute_errors_match_ip() {
        let error: Error = MrouteError::NotMulticast.into();
        assert_eq!(
            shown(&error),
            (
                "Non multicast route received, kernel does support IP multicast?\nDump terminated"
                    .into(),
                1
            )
        );
        assert!(error.aborts_batch());
        let odd = MrouteWarning::NotARoute {
            len: 20,
            msg_type: 3,
            flags: 2,
        };
        assert_eq!(
            odd.message(),
            "Not a multicast route: 00000014 00000003 00000002"
        );
    }
}
