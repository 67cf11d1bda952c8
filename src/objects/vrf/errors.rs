//! What `ip vrf` can refuse, with ip's text and status.
//!
//! The one error table (`crate::error`) hands these here for their text and
//! status. ip returns every one of them (none ends a batch); the status
//! depends on the command: `pids` and `identify` return -1 (status 1),
//! `show NAME` and a failed `exec` switch return 1 (status 255).

use crate::error::{dump_failure, strerror, Error, KernelError, SubjectError, SubjectWarning};

/// Why joining or reading a VRF's cgroup failed (lib/fs.c, ip/ipvrf.c).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum CgroupFailure {
    /// The name is not a VRF device (`default` is one for `exec`).
    InvalidName,
    /// /proc/mounts could not be read.
    MountsOpen(i32),
    /// No cgroup2 mount, and making ip's own mount point failed.
    MountPointCreate { path: String, errno: i32 },
    /// Mounting cgroup2 there failed.
    Mount(i32),
    /// Naming this process's network namespace failed: the namespace
    /// lookup's own complaint, then ip's line with the errno.
    NetnsName { lookup: Box<Error>, errno: i32 },
    /// This process's /proc/PID/cgroup could not be read.
    BasePath(i32),
    /// A directory of the VRF's cgroup path could not be made.
    Directory { path: String, errno: i32 },
    /// The VRF's cgroup directory could not be opened for the BPF program.
    CgroupOpen(i32),
    /// The kernel refused the socket-binding BPF program, with its log.
    BpfLoad { errno: i32, log: String },
    /// The kernel refused to attach it to the cgroup.
    BpfAttach(i32),
    /// The cgroup's `cgroup.procs` could not be opened.
    ProcsOpen(i32),
    /// Writing our pid to it failed.
    Join,
}

impl CgroupFailure {
    fn message(&self) -> String {
        match self {
            CgroupFailure::InvalidName => "Invalid VRF name".to_string(),
            CgroupFailure::MountsOpen(errno) => {
                format!("Failed to open mounts file: {}", strerror(*errno))
            }
            CgroupFailure::MountPointCreate { path, errno } => format!(
                "mkdir failed for {path}: {}\nFailed to setup cgroup2 directory",
                strerror(*errno)
            ),
            CgroupFailure::Mount(errno) if *errno == nix::libc::ENODEV => {
                "Failed to mount cgroup2. Are CGROUPS enabled in your kernel?".to_string()
            }
            CgroupFailure::Mount(errno) => {
                format!("Failed to mount cgroup2: {}", strerror(*errno))
            }
            CgroupFailure::NetnsName { lookup, errno } => format!(
                "{}\nFailed to get name of network namespace: {}",
                lookup.message("ip").unwrap_or_default(),
                strerror(*errno)
            ),
            CgroupFailure::BasePath(errno) => {
                format!("Failed to get base cgroup path: {}", strerror(*errno))
            }
            CgroupFailure::Directory { path, errno } => format!(
                "mkdir failed for {path}: {}\nFailed to setup vrf cgroup2 directory",
                strerror(*errno)
            ),
            CgroupFailure::CgroupOpen(errno) => {
                format!("Failed to open cgroup path: '{}'", strerror(*errno))
            }
            CgroupFailure::BpfLoad { errno, log } => {
                let mut text = format!("Failed to load BPF prog: '{}'\n{log}", strerror(*errno));
                if *errno != nix::libc::EPERM {
                    text.push_str("Kernel compiled with CGROUP_BPF enabled?");
                }
                text.trim_end_matches('\n').to_string()
            }
            CgroupFailure::BpfAttach(errno) => {
                format!("Failed to attach prog to cgroup: '{}'", strerror(*errno))
            }
            CgroupFailure::ProcsOpen(errno) => {
                format!("Failed to open cgroups.procs file: {}.", strerror(*errno))
            }
            CgroupFailure::Join => "Failed to join cgroup".to_string(),
        }
    }

    fn errno(&self) -> Option<i32> {
        match self {
            CgroupFailure::InvalidName | CgroupFailure::Join => None,
            CgroupFailure::MountsOpen(errno)
            | CgroupFailure::MountPointCreate { errno, .. }
            | CgroupFailure::Mount(errno)
            | CgroupFailure::NetnsName { errno, .. }
            | CgroupFailure::BasePath(errno)
            | CgroupFailure::Directory { errno, .. }
            | CgroupFailure::CgroupOpen(errno)
            | CgroupFailure::BpfLoad { errno, .. }
            | CgroupFailure::BpfAttach(errno)
            | CgroupFailure::ProcsOpen(errno) => Some(*errno),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum VrfError {
    /// `ip vrf show NAME` where NAME is no VRF (status 255).
    InvalidVrf,
    /// The link dump of `ip vrf show` failed (status 255).
    DumpTerminated(KernelError),
    /// `/proc/PID/cgroup` of `identify` could not be read (status 1).
    LookupFailed(i32),
    /// `ip vrf pids` without exactly one name (status 1).
    InvalidArguments,
    /// `ip vrf exec` without a name (status 1).
    NoName,
    /// `ip vrf pids NAME` could not look at the cgroups (status 1).
    Pids(CgroupFailure),
    /// `ip vrf exec NAME` could not move into the VRF (status 255).
    Switch(CgroupFailure),
}

impl SubjectError for VrfError {
    fn status(&self) -> i32 {
        match self {
            VrfError::InvalidVrf | VrfError::DumpTerminated(_) | VrfError::Switch(_) => 255,
            _ => 1,
        }
    }

    fn message(&self, _prog: &str) -> Option<String> {
        Some(match self {
            VrfError::InvalidVrf => "Invalid VRF".to_string(),
            VrfError::DumpTerminated(err) => dump_failure(err, "Dump terminated"),
            VrfError::LookupFailed(errno) => {
                format!("Failed to lookup vrf association: {}", strerror(*errno))
            }
            VrfError::InvalidArguments => "Invalid arguments".to_string(),
            VrfError::NoName => "No VRF name specified".to_string(),
            VrfError::Pids(failure) | VrfError::Switch(failure) => failure.message(),
        })
    }

    /// The errno behind it, for `-json-errors`.
    fn errno(&self) -> Option<i32> {
        match self {
            VrfError::DumpTerminated(err) => Some(err.errno),
            VrfError::LookupFailed(errno) => Some(*errno),
            VrfError::Pids(failure) | VrfError::Switch(failure) => failure.errno(),
            _ => None,
        }
    }
}

/// What `ip vrf` complains about and goes on past.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum VrfWarning {
    /// A VRF device without a table: ip's complaint, printed as it goes on
    /// (a warning; its status is never used).
    MissingTable(String),
}

impl SubjectWarning for VrfWarning {
    fn message(&self) -> String {
        match self {
            VrfWarning::MissingTable(name) => format!("BUG: VRF {name} is missing table id"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::shown;

    #[test]
    fn vrf_errors_match_ip() {
        assert_eq!(
            shown(&VrfError::InvalidVrf.into()),
            ("Invalid VRF".into(), 255)
        );
        assert_eq!(
            shown(&VrfError::Pids(CgroupFailure::InvalidName).into()),
            ("Invalid VRF name".into(), 1)
        );
        assert_eq!(
            shown(&VrfError::Switch(CgroupFailure::InvalidName).into()),
            ("Invalid VRF name".into(), 255)
        );
        assert_eq!(
            shown(&VrfError::LookupFailed(nix::libc::ENOENT).into()),
            (
                "Failed to lookup vrf association: No such file or directory".into(),
                1
            )
        );
        let load = CgroupFailure::BpfLoad {
            errno: nix::libc::EINVAL,
            log: String::new(),
        };
        assert_eq!(
            load.message(),
            "Failed to load BPF prog: 'Invalid argument'\nKernel compiled with CGROUP_BPF enabled?"
        );
        let error: Error = VrfError::Switch(CgroupFailure::Join).into();
        assert!(!error.aborts_batch());
    }
}
