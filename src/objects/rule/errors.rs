//! What `ip rule` and `ip mrule` can refuse, with ip's text and status.
//!
//! The one error table (`crate::error`) hands these here for their text,
//! status and whether ip raises them with `exit()`.

use crate::error::{Error, KernelError, SubjectError};

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum RuleError {
    /// `"ip rule add" requires arguments.` (ip returns -1: status 1).
    NeedsArguments(&'static str),
    /// `l3mdev` together with `table` (ip returns -EINVAL: status 22).
    L3mdevTable,
    /// `ip rule save WORD` (status 1).
    SaveArguments,
    /// `Error: inet prefix is expected rather than "x".` (ip exits 1).
    PrefixExpected { family: &'static str, arg: String },
    /// A prefix under `-0` (ip exits 1).
    PrefixNotAllowed(String),
    /// `nat` with something that is not an IPv4 address (ip exits 1).
    AddressExpected(String),
    /// The rule dump failed: its error, then `Dump terminated` (ip returns
    /// 1, which becomes status 255 without leaving a batch).
    DumpTerminated(KernelError),
    /// A deletion of `ip rule flush` was refused (same status).
    FlushFailed(KernelError),
    /// `ip -0 mrule` (ip exits 255).
    MulticastFamily(i32),
}

impl SubjectError for RuleError {
    fn status(&self) -> i32 {
        match self {
            RuleError::L3mdevTable => 22,
            RuleError::DumpTerminated(_)
            | RuleError::FlushFailed(_)
            | RuleError::MulticastFamily(_) => 255,
            _ => 1,
        }
    }

    /// Whether ip raises it with `exit()`, which ends a batch at once.
    fn aborts_batch(&self) -> bool {
        matches!(
            self,
            RuleError::PrefixExpected { .. }
                | RuleError::PrefixNotAllowed(_)
                | RuleError::AddressExpected(_)
                | RuleError::MulticastFamily(_)
        )
    }

    fn message(&self, prog: &str) -> Option<String> {
        Some(match self {
            RuleError::NeedsArguments(command) => {
                format!("\"ip rule {command}\" requires arguments.")
            }
            RuleError::L3mdevTable => "table can not be specified for l3mdev rules".to_string(),
            RuleError::SaveArguments => "\"ip rule save\" does not take any arguments.".to_string(),
            RuleError::PrefixExpected { family, arg } => {
                format!("Error: {family} prefix is expected rather than \"{arg}\".")
            }
            RuleError::PrefixNotAllowed(arg) => format!(
                "Error: \"{arg}\" may be inet prefix, but it is not allowed in this context."
            ),
            RuleError::AddressExpected(arg) => {
                format!("Error: an IP address is expected rather than \"{arg}\"")
            }
            RuleError::DumpTerminated(err) => {
                return Error::DumpTerminated(err.clone()).message(prog)
            }
            RuleError::FlushFailed(err) => format!("{err}\nDump terminated"),
            RuleError::MulticastFamily(family) => {
                format!("Multicast rules are only supported for IPv4/IPv6, was: {family}")
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::shown;

    #[test]
    fn rule_errors_match_ip() {
        assert_eq!(
            shown(&RuleError::NeedsArguments("add").into()),
            ("\"ip rule add\" requires arguments.".into(), 1)
        );
        assert_eq!(
            shown(&RuleError::L3mdevTable.into()),
            ("table can not be specified for l3mdev rules".into(), 22)
        );
        let prefix: Error = RuleError::PrefixExpected {
            family: "inet",
            arg: "x".into(),
        }
        .into();
        assert_eq!(
            shown(&prefix),
            (
                "Error: inet prefix is expected rather than \"x\".".into(),
                1
            )
        );
        assert!(prefix.aborts_batch());
        let flush: Error = RuleError::FlushFailed(KernelError {
            errno: 1,
            extack: None,
        })
        .into();
        assert_eq!(
            shown(&flush),
            (
                "RTNETLINK answers: Operation not permitted\nDump terminated".into(),
                255
            )
        );
        assert!(!flush.aborts_batch());
    }
}
