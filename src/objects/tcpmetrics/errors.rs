//! What `ip tcp_metrics` can refuse, with ip's text and status.
//!
//! The one error table (`crate::error`) hands these here for their text,
//! status and whether ip raises them with `exit()`.

use crate::error::{strerror, KernelError, SubjectError, SubjectWarning};

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum TcpMetricsError {
    /// A family other than inet/inet6 (ip returns -1: status 1).
    UnsupportedFamily(u8),
    /// `delete`/`src` with a prefix instead of one address (status 1).
    SpecificAddress(String),
    /// The generic netlink socket could not be opened (ip exits 1).
    SocketOpen,
    /// The controller refused the family lookup: the refusal, then ip's
    /// line (ip exits 1).
    FamilyRefused(KernelError),
    /// The controller's answer held no family id (ip exits 1).
    NoFamilyId,
    /// An answer held a message that is no tcp_metrics one: ip's handler
    /// fails and ip ends with this line (`Dump terminated`, or `Flush
    /// terminated` in a flush) and exits 1.
    NotTcpMetrics(&'static str),
    /// A batch of flush deletions could not be sent or was refused (ip's
    /// `perror` of a text ending in a newline; ip exits 1).
    FlushSend(i32),
}

impl SubjectError for TcpMetricsError {
    fn status(&self) -> i32 {
        1
    }

    /// Whether ip raises it with `exit()`, which ends a batch at once.
    fn aborts_batch(&self) -> bool {
        !matches!(
            self,
            TcpMetricsError::UnsupportedFamily(_) | TcpMetricsError::SpecificAddress(_)
        )
    }

    fn message(&self, _prog: &str) -> Option<String> {
        Some(match self {
            TcpMetricsError::UnsupportedFamily(family) => {
                format!("Unsupported protocol family: {family}")
            }
            TcpMetricsError::SpecificAddress(word) => {
                format!("Error: a specific IP address is expected rather than \"{word}\"")
            }
            TcpMetricsError::SocketOpen => "Cannot open generic netlink socket".to_string(),
            TcpMetricsError::FamilyRefused(err) => {
                format!("{err}\nError talking to the kernel")
            }
            TcpMetricsError::NoFamilyId => "Missing family id TLV".to_string(),
            TcpMetricsError::NotTcpMetrics(last) => last.to_string(),
            TcpMetricsError::FlushSend(errno) => {
                format!("Failed to send flush request\n: {}", strerror(*errno))
            }
        })
    }

    /// The errno behind it, for `-json-errors`.
    fn errno(&self) -> Option<i32> {
        match self {
            TcpMetricsError::FamilyRefused(err) => Some(err.errno),
            TcpMetricsError::FlushSend(errno) => Some(*errno),
            _ => None,
        }
    }
}

/// What `ip tcp_metrics` says and goes on past.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum TcpMetricsWarning {
    /// `flush` found nothing: ip says so on stderr and succeeds.
    NothingToFlush,
}

impl SubjectWarning for TcpMetricsWarning {
    fn message(&self) -> String {
        match self {
            TcpMetricsWarning::NothingToFlush => "Nothing to flush.".to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::{shown, Error};

    #[test]
    fn tcp_metrics_errors_match_ip() {
        assert_eq!(
            shown(&TcpMetricsError::UnsupportedFamily(28).into()),
            ("Unsupported protocol family: 28".into(), 1)
        );
        let specific: Error = TcpMetricsError::SpecificAddress("192.0.2.0/24".into()).into();
        assert_eq!(
            shown(&specific),
            (
                "Error: a specific IP address is expected rather than \"192.0.2.0/24\"".into(),
                1
            )
        );
        assert!(!specific.aborts_batch());
        let send: Error = TcpMetricsError::FlushSend(nix::libc::EPERM).into();
        assert_eq!(
            shown(&send),
            (
                "Failed to send flush request\n: Operation not permitted".into(),
                1
            )
        );
        assert!(send.aborts_batch());
    }
}
