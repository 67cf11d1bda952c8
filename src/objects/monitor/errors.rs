//! What `ip monitor` can refuse or end with, with ip's text and status.
//!
//! The one error table (`crate::error`) hands these here for their text,
//! status and whether ip raises them with `exit()`.

use crate::error::{strerror, SubjectError};

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum MonitorError {
    /// A word that is no object or option of monitor's.
    UnknownArgument(String),
    /// `file FILE` could not be opened (ip's `perror("Cannot fopen")`).
    CannotOpen(i32),
    /// A saved dump ended inside a message, or held an impossible length:
    /// ip's own text.
    BadFile(String),
    /// Reading events failed for good (ip's `rtnl_listen` gave up).
    Receive(i32),
    /// `all-nsid` could not be turned on (ip's `perror`, exit 1).
    ListenAllNsid(i32),
    /// An event ip cannot read ended the listening, with ip's text.
    ListenEnded(String),
    /// The kernel refused a multicast group asked for by name (ip's
    /// `Failed to add stats group to list`, exit 1).
    GroupRefused(&'static str),
}

impl SubjectError for MonitorError {
    fn status(&self) -> i32 {
        match self {
            MonitorError::Receive(_) | MonitorError::ListenEnded(_) => 2,
            MonitorError::BadFile(_)
            | MonitorError::ListenAllNsid(_)
            | MonitorError::GroupRefused(_) => 1,
            _ => 255,
        }
    }

    /// Whether ip raises it with `exit()`, which ends a batch at once.
    fn aborts_batch(&self) -> bool {
        !matches!(self, MonitorError::BadFile(_))
    }

    fn message(&self, prog: &str) -> Option<String> {
        Some(match self {
            MonitorError::UnknownArgument(word) => {
                format!("Argument \"{word}\" is unknown, try \"{prog} monitor help\".")
            }
            MonitorError::CannotOpen(errno) => format!("Cannot fopen: {}", strerror(*errno)),
            MonitorError::ListenAllNsid(errno) => {
                format!("NETLINK_LISTEN_ALL_NSID: {}", strerror(*errno))
            }
            MonitorError::BadFile(text) | MonitorError::ListenEnded(text) => text.clone(),
            MonitorError::GroupRefused(group) => format!("Failed to add {group} group to list"),
            MonitorError::Receive(errno) => {
                format!("netlink receive error {} ({errno})", strerror(*errno))
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::{shown, Error};

    #[test]
    fn texts_and_statuses_are_ips() {
        let error: Error = MonitorError::UnknownArgument("foo".into()).into();
        assert_eq!(
            shown(&error),
            (
                "Argument \"foo\" is unknown, try \"ip monitor help\".".into(),
                255
            )
        );
        let error: Error = MonitorError::GroupRefused("stats").into();
        assert_eq!(
            shown(&error),
            ("Failed to add stats group to list".into(), 1)
        );
        let error: Error = MonitorError::CannotOpen(nix::libc::ENOENT).into();
        assert_eq!(
            shown(&error),
            ("Cannot fopen: No such file or directory".into(), 255)
        );
    }
}
