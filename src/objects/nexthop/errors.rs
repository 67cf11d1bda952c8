//! What `ip nexthop` can refuse, with ip's text and status.
//!
//! The one error table (`crate::error`) hands these here for their text and
//! status; none of them is raised with `exit()`, so a batch goes on.

use crate::error::{dump_failure, Error, KernelError, SubjectError};

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum NexthopError {
    /// A nexthop or bucket dump the kernel refused: its error, then `Dump
    /// terminated` (ip returns -2: status 2, a batch goes on).
    DumpTerminated(KernelError),
    /// The dump of `ip nexthop flush` was refused (status 2, after the
    /// count is printed).
    FlushDumpTerminated(KernelError),
    /// The deletion of `ip nexthop flush id N` was refused (status 1).
    DeleteFailed(KernelError),
    /// A nexthop message ip cannot read (a group or gateway of a bad
    /// length); in a dump ip then ends it (status 2), else status 1.
    Unparsable { in_dump: bool },
}

impl SubjectError for NexthopError {
    fn status(&self) -> i32 {
        match self {
            NexthopError::DumpTerminated(_) | NexthopError::FlushDumpTerminated(_) => 2,
            NexthopError::Unparsable { in_dump: true } => 2,
            _ => 1,
        }
    }

    fn message(&self, prog: &str) -> Option<String> {
        Some(match self {
            NexthopError::DumpTerminated(err) => {
                return Error::DumpTerminated(err.clone()).message(prog)
            }
            NexthopError::FlushDumpTerminated(err) => {
                dump_failure(err, "Dump terminated. Failed to flush nexthops")
            }
            NexthopError::DeleteFailed(err) => err.to_string(),
            NexthopError::Unparsable { in_dump } => {
                let text = "Error parsing nexthop: Invalid argument";
                if *in_dump {
                    format!("{text}\nDump terminated")
                } else {
                    text.to_string()
                }
            }
        })
    }

    /// The kernel's errno behind it, for `-json-errors`.
    fn errno(&self) -> Option<i32> {
        match self {
            NexthopError::DumpTerminated(k)
            | NexthopError::FlushDumpTerminated(k)
            | NexthopError::DeleteFailed(k) => Some(k.errno),
            NexthopError::Unparsable { .. } => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::shown;

    #[test]
    fn nexthop_errors_match_ip() {
        let extack = KernelError {
            errno: 22,
            extack: Some("Not a nexthop group".into()),
        };
        let enoent = KernelError {
            errno: 2,
            extack: None,
        };
        let dump: Error = NexthopError::DumpTerminated(extack).into();
        assert_eq!(
            shown(&dump),
            ("Error: Not a nexthop group.\nDump terminated".into(), 2)
        );
        assert!(!dump.aborts_batch());
        assert_eq!(
            shown(&NexthopError::DumpTerminated(enoent.clone()).into()),
            ("Dump terminated".into(), 2)
        );
        assert_eq!(
            shown(&NexthopError::FlushDumpTerminated(enoent.clone()).into()),
            ("Dump terminated. Failed to flush nexthops".into(), 2)
        );
        let delete: Error = NexthopError::DeleteFailed(enoent).into();
        assert_eq!(
            shown(&delete),
            ("RTNETLINK answers: No such file or directory".into(), 1)
        );
        assert!(!delete.aborts_batch());
        assert_eq!(
            shown(&NexthopError::Unparsable { in_dump: true }.into()),
            (
                "Error parsing nexthop: Invalid argument\nDump terminated".into(),
                2
            )
        );
        assert_eq!(
            shown(&NexthopError::Unparsable { in_dump: false }.into()).1,
            1
        );
    }
}
