//! What `ip addrlabel` can refuse, with ip's text and status.
//!
//! The one error table (`crate::error`) hands these here for their text,
//! status and whether ip raises them with `exit()`.

use crate::error::{Error, KernelError, SubjectError};

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum AddrlabelError {
    /// `ip addrlabel show WORD` (ip returns -1: status 1).
    ShowArguments,
    /// `ip addrlabel flush WORD` (status 1).
    FlushArguments,
    /// `add`/`del` without `prefix` (status 1).
    PrefixRequired,
    /// `add`/`del` without `label` (status 1).
    LabelRequired,
    /// The label dump failed (ip returns 1: status 255). `in_done`: the
    /// kernel said so in NLMSG_DONE, where libnetlink keeps quiet about
    /// ENOENT and EOPNOTSUPP; an NLMSG_ERROR is always printed.
    DumpTerminated { error: KernelError, in_done: bool },
    /// A deletion of `flush` was refused: its error, then `Flush
    /// terminated` (status 1).
    FlushTerminated(KernelError),
}

impl SubjectError for AddrlabelError {
    fn status(&self) -> i32 {
        match self {
            AddrlabelError::DumpTerminated { .. } => 255,
            _ => 1,
        }
    }

    /// ip returns every one of them to its caller: a batch goes on.
    fn aborts_batch(&self) -> bool {
        false
    }

    fn errno(&self) -> Option<i32> {
        match self {
            AddrlabelError::DumpTerminated { error, .. }
            | AddrlabelError::FlushTerminated(error) => Some(error.errno),
            _ => None,
        }
    }

    fn message(&self, prog: &str) -> Option<String> {
        Some(match self {
            AddrlabelError::ShowArguments => {
                "\"ip addrlabel show\" does not take any arguments.".to_string()
            }
            AddrlabelError::FlushArguments => {
                "\"ip addrlabel flush\" does not allow extra arguments".to_string()
            }
            AddrlabelError::PrefixRequired => {
                "Not enough information: \"prefix\" argument is required.".to_string()
            }
            AddrlabelError::LabelRequired => {
                "Not enough information: \"label\" argument is required.".to_string()
            }
            AddrlabelError::DumpTerminated {
                error,
                in_done: true,
            } => return Error::DumpTerminated(error.clone()).message(prog),
            AddrlabelError::DumpTerminated { error, .. } => format!("{error}\nDump terminated"),
            AddrlabelError::FlushTerminated(err) => format!("{err}\nFlush terminated"),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::shown;

    #[test]
    fn addrlabel_errors_match_ip() {
        assert_eq!(
            shown(&AddrlabelError::LabelRequired.into()),
            (
                "Not enough information: \"label\" argument is required.".into(),
                1
            )
        );
        let flush: Error = AddrlabelError::FlushTerminated(KernelError {
            errno: 1,
            extack: None,
        })
        .into();
        assert_eq!(
            shown(&flush),
            (
                "RTNETLINK answers: Operation not permitted\nFlush terminated".into(),
                1
            )
        );
    }
}
