//! What `ip tuntap` can refuse or complain about, with ip's text and status.
//!
//! The one error table (`crate::error`) hands these here for their text,
//! status and whether ip raises them with `exit()`.

use crate::error::{strerror, SubjectError, SubjectWarning};

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum TuntapError {
    /// `mode tun` and `mode tap` together (ip exits 255).
    MoreThanOneMode,
    /// `mode x` (ip exits 255).
    UnknownMode(String),
    /// A user name the password database does not know (ip exits 255).
    InvalidUser(String),
    /// A group name the group database does not know (ip exits 255).
    InvalidGroup(String),
    /// No `mode` (ip returns -1: status 1).
    NoMode,
    /// A system call on /dev/net/tun failed: ip's `perror(call)` (status 1).
    Call { call: &'static str, errno: i32 },
}

impl SubjectError for TuntapError {
    fn status(&self) -> i32 {
        match self {
            TuntapError::MoreThanOneMode
            | TuntapError::UnknownMode(_)
            | TuntapError::InvalidUser(_)
            | TuntapError::InvalidGroup(_) => 255,
            _ => 1,
        }
    }

    /// Whether ip raises it with `exit()`, which ends a batch at once.
    fn aborts_batch(&self) -> bool {
        self.status() == 255
    }

    fn errno(&self) -> Option<i32> {
        match self {
            TuntapError::Call { errno, .. } => Some(*errno),
            _ => None,
        }
    }

    fn message(&self, _prog: &str) -> Option<String> {
        Some(match self {
            TuntapError::MoreThanOneMode => {
                "You managed to ask for more than one tunnel mode.".to_string()
            }
            TuntapError::UnknownMode(word) => format!("Unknown tunnel mode \"{word}\""),
            TuntapError::InvalidUser(word) => format!("invalid user \"{word}\""),
            TuntapError::InvalidGroup(word) => format!("invalid group \"{word}\""),
            TuntapError::NoMode => "You failed to specify a tunnel mode".to_string(),
            TuntapError::Call { call, errno } => format!("{call}: {}", strerror(*errno)),
        })
    }
}

/// What `ip tuntap show` complains about and goes on past (a /sys property it cannot read: the device is still listed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum TuntapWarning {
    /// A /sys/class/net property could not be opened (a warning: the device
    /// is left out of the listing).
    Open { path: String, errno: i32 },
    /// A property file that is empty (a warning, as above).
    Unknown {
        property: &'static str,
        path: String,
    },
    /// A property file that does not hold a number (a warning, as above).
    NotNumber { value: String, path: String },
}

impl SubjectWarning for TuntapWarning {
    fn message(&self) -> String {
        match self {
            TuntapWarning::Open { path, errno } => {
                format!("fopen {path}: {}", strerror(*errno))
            }
            TuntapWarning::Unknown { property, path } => format!(
                "property \"{property}\" in file {path} is currently unknown\nFailed to parse {path}"
            ),
            TuntapWarning::NotNumber { value, path } => format!(
                "value \"{value}\" in file {path} is not a number\nFailed to parse {path}"
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::{shown, Error};

    #[test]
    fn tuntap_errors_match_ip() {
        assert_eq!(
            shown(
                &TuntapError::Call {
                    call: "ioctl(TUNSETIFF)",
                    errno: nix::libc::EBUSY
                }
                .into()
            ),
            ("ioctl(TUNSETIFF): Device or resource busy".into(), 1)
        );
        let mode: Error = TuntapError::UnknownMode("foo".into()).into();
        assert_eq!(shown(&mode), ("Unknown tunnel mode \"foo\"".into(), 255));
        assert!(mode.aborts_batch());
        assert_eq!(
            shown(&TuntapError::NoMode.into()),
            ("You failed to specify a tunnel mode".into(), 1)
        );
    }
}
