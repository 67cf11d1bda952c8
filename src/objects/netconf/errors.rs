//! What `ip netconf` can refuse, with ip's text and status.
//!
//! The one error table (`crate::error`) hands these here for their text,
//! status and whether ip raises them with `exit()`.

use crate::error::{strerror, SubjectError};

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum NetconfError {
    /// The kernel refused a netconf dump with this errno: ip silences
    /// libnetlink's own report, `perror`s the errno and exits 1.
    DumpTerminated(i32),
}

impl SubjectError for NetconfError {
    fn status(&self) -> i32 {
        match self {
            NetconfError::DumpTerminated(_) => 1,
        }
    }

    /// Whether ip raises it with `exit()`, which ends a batch at once.
    fn aborts_batch(&self) -> bool {
        match self {
            NetconfError::DumpTerminated(_) => true,
        }
    }

    fn message(&self, _prog: &str) -> Option<String> {
        Some(match self {
            NetconfError::DumpTerminated(errno) => {
                format!("RTNETLINK answers: {}\nDump terminated", strerror(*errno))
            }
        })
    }

    /// The errno behind it, for `-json-errors`.
    fn errno(&self) -> Option<i32> {
        match self {
            NetconfError::DumpTerminated(errno) => Some(*errno),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::{shown, Error};

    #[test]
    fn a_refused_dump_reads_as_ip_perrors_it() {
        let error: Error = NetconfError::DumpTerminated(nix::libc::EPERM).into();
        assert_eq!(
            shown(&error),
            (
                "RTNETLINK answers: Operation not permitted\nDump terminated".into(),
                1
            )
        );
        assert!(error.aborts_batch());
    }
}
