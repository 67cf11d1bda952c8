//! What `ip netns` can refuse, with ip's text and status (status 1 unless
//! noted). The namespace system calls' own failures are the kernel layer's
//! (`crate::kernel::errors::NamespaceError`).
//!
//! The one error table (`crate::error`) hands these here for their text,
//! status and whether ip raises them with `exit()`.

use crate::error::{strerror, SubjectError};

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum NetnsError {
    /// `Invalid netns name "x"` (ip exits 255).
    InvalidName(String),
    NoName,
    NoNameAndPid,
    NoNsid,
    ExtraArguments,
    NotAPid(String),
    InvalidPid(String),
    /// `Cannot open network namespace "x": ...` where a handler returns it.
    Open {
        name: String,
        errno: i32,
    },
    /// The inotify calls of `netns monitor` (and `rnet wait`).
    InotifyInit(i32),
    InotifyWatch(i32),
    InotifyRead(i32),
}

impl SubjectError for NetnsError {
    fn status(&self) -> i32 {
        match self {
            NetnsError::InvalidName(_) => 255,
            _ => 1,
        }
    }

    fn aborts_batch(&self) -> bool {
        matches!(self, NetnsError::InvalidName(_))
    }

    fn message(&self, _prog: &str) -> Option<String> {
        Some(match self {
            NetnsError::InvalidName(name) => format!("Invalid netns name \"{name}\""),
            NetnsError::NoName => "No netns name specified".to_string(),
            NetnsError::NoNameAndPid => "No netns name and PID specified".to_string(),
            NetnsError::NoNsid => "No nsid specified".to_string(),
            NetnsError::ExtraArguments => "extra arguments specified".to_string(),
            NetnsError::NotAPid(word) => format!("Specified string '{word}' is not a pid"),
            NetnsError::InvalidPid(word) => format!("Invalid PID: {word}"),
            NetnsError::Open { name, errno } => format!(
                "Cannot open network namespace \"{name}\": {}",
                strerror(*errno)
            ),
            NetnsError::InotifyInit(errno) => {
                format!("inotify_init failed: {}", strerror(*errno))
            }
            NetnsError::InotifyWatch(errno) => {
                format!("inotify_add_watch failed: {}", strerror(*errno))
            }
            NetnsError::InotifyRead(errno) => format!("read failed: {}", strerror(*errno)),
        })
    }

    fn errno(&self) -> Option<i32> {
        match self {
            NetnsError::Open { errno, .. }
            | NetnsError::InotifyInit(errno)
            | NetnsError::InotifyWatch(errno)
            | NetnsError::InotifyRead(errno) => Some(*errno),
            _ => None,
        }
    }

    /// The namespaces and pids the error is about.
    fn objects(&self) -> Vec<String> {
        match self {
            NetnsError::InvalidName(name)
            | NetnsError::NotAPid(name)
            | NetnsError::InvalidPid(name)
            | NetnsError::Open { name, .. } => vec![name.clone()],
            _ => Vec::new(),
        }
    }

    fn hint(&self) -> Option<String> {
        match self {
            NetnsError::Open { name, errno } if *errno == nix::libc::ENOENT => {
                Some(crate::kernel::errors::no_such_namespace(name))
            }
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::{shown, Error};

    #[test]
    fn netns_errors_match_ip() {
        let invalid: Error = NetnsError::InvalidName("a/b".into()).into();
        assert_eq!(shown(&invalid), ("Invalid netns name \"a/b\"".into(), 255));
        let no_name: Error = NetnsError::NoName.into();
        assert!(!no_name.aborts_batch());
        assert_eq!(shown(&no_name), ("No netns name specified".into(), 1));
        assert_eq!(strerror(1), "Operation not permitted");
        assert_eq!(strerror(99999), "Unknown error 99999");
    }
}
