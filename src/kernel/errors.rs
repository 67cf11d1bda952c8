//! What the kernel layer can report: a netlink refusal ([`KernelError`]) and
//! the failures of the namespace system calls (lib/namespace.c and
//! ip/ipnetns.c's mounts, opens and forks: [`NamespaceError`]), with ip's
//! text and status, and the warnings of both ([`KernelWarning`]). They
//! implement the traits of `crate::diagnostics`; the one error table
//! (src/error.rs, above this layer) turns them into its entries with `From`,
//! and nothing here names it.

use std::fmt;

use super::errno::text as strerror;
use crate::diagnostics::{program, SubjectError, SubjectWarning};

/// A kernel refusal: the errno of the NLMSG_ERROR and, when the kernel sent an
/// extended ACK, its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct KernelError {
    pub(crate) errno: i32,
    pub(crate) extack: Option<String>,
}

impl fmt::Display for KernelError {
    /// ip prints the extended-ACK text *instead of* the errno, never both,
    /// and adds the final full stop the kernel leaves out.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.extack {
            Some(text) if text.ends_with('.') => write!(f, "Error: {text}"),
            Some(text) => write!(f, "Error: {text}."),
            None => write!(f, "RTNETLINK answers: {}", strerror(self.errno)),
        }
    }
}

/// A failed dump as libnetlink reports it, then ip's own last line.
pub(crate) fn dump_failure(err: &KernelError, last: &str) -> String {
    match (&err.extack, err.errno) {
        (Some(_), _) => format!("{err}\n{last}"),
        (None, nix::libc::ENOENT | nix::libc::EOPNOTSUPP) => last.to_string(),
        (None, nix::libc::EMSGSIZE) => format!("Error: Buffer too small for object.\n{last}"),
        (None, _) => format!("{err}\n{last}"),
    }
}

/// How entering a named namespace can fail (lib/namespace.c `netns_switch`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum SwitchError {
    Open { name: String, errno: i32 },
    Setns { name: String, errno: i32 },
    Unshare(i32),
    MakeRslave(i32),
}

/// A namespace system call that failed (status 1 unless noted).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum NamespaceError {
    /// mkdir of the run directory.
    RunDirCreate {
        path: String,
        errno: i32,
    },
    RunDirOpen {
        path: String,
        errno: i32,
    },
    MakeShared {
        path: String,
        errno: i32,
    },
    BindRunDir {
        path: String,
        errno: i32,
    },
    NetnsFileCreate {
        path: String,
        errno: i32,
    },
    NetnsFileRemove {
        path: String,
        errno: i32,
    },
    /// Opening the current namespace to come back to it (ip exits 1).
    SaveNamespace(i32),
    /// Returning to the saved namespace (ip exits 1).
    RestoreNamespace(i32),
    Unshare {
        name: String,
        errno: i32,
    },
    Bind {
        from: String,
        to: String,
        errno: i32,
    },
    /// Opening a namespace without a name (`identify`, `pids`).
    NetnsOpenUnnamed(i32),
    NetnsStat(i32),
    ProcOpen(i32),
    RunDirList {
        path: String,
        errno: i32,
    },
    /// `-all netns delete|exec` when the run directory cannot be read
    /// (lib/namespace.c `netns_foreach`: a space after the colon, unlike
    /// `netns list`'s text).
    RunDirForeach(i32),
    /// Entering a namespace for `exec` or `-n` failed (status 255).
    Switch(SwitchError),
    /// execvp failed (status 1).
    Exec {
        command: String,
        errno: i32,
    },
    /// fork/waitpid failures (ip exits 1).
    Fork(i32),
    Wait(i32),
    /// The command run in a child did not exit by itself (a signal ended
    /// it): ip exits 1 without a word.
    ChildKilled,
}

const EPERM: i32 = nix::libc::EPERM;
const EACCES: i32 = nix::libc::EACCES;

/// What rnet says when a namespace mount or setns lacks the capability.
pub(crate) const NEED_SYS_ADMIN: &str =
    "named namespaces need CAP_SYS_ADMIN (mounts under /run/netns, setns): run as \
                              root, or in a container started with --privileged or SYS_ADMIN";

/// rnet's hint when the namespace `name` is not there.
pub(crate) fn no_such_namespace(name: &str) -> String {
    format!("there is no namespace named {name}; `rnet netns list` shows the ones there are")
}

impl SubjectError for NamespaceError {
    fn status(&self) -> i32 {
        match self {
            NamespaceError::Switch(_) => 255,
            _ => 1,
        }
    }

    /// Whether ip raises it with `exit()`, which ends a batch at once. A
    /// failed switch is returned by ip's cmd_exec, not exit()ed.
    fn aborts_batch(&self) -> bool {
        matches!(
            self,
            NamespaceError::SaveNamespace(_)
                | NamespaceError::RestoreNamespace(_)
                | NamespaceError::Fork(_)
                | NamespaceError::Wait(_)
                | NamespaceError::ChildKilled
        )
    }

    fn message(&self, _prog: &str) -> Option<String> {
        use NamespaceError::*;
        Some(match self {
            ChildKilled => return None,
            RunDirCreate { path, errno } => {
                format!("mkdir {path} failed: {}", strerror(*errno))
            }
            RunDirOpen { path, errno } => format!(
                "Cannot open netns runtime directory \"{path}\": {}",
                strerror(*errno)
            ),
            MakeShared { path, errno } => {
                format!("mount --make-shared {path} failed: {}", strerror(*errno))
            }
            BindRunDir { path, errno } => {
                format!("mount --bind {path} {path} failed: {}", strerror(*errno))
            }
            NetnsFileCreate { path, errno } => format!(
                "Cannot create namespace file \"{path}\": {}",
                strerror(*errno)
            ),
            NetnsFileRemove { path, errno } => format!(
                "Cannot remove namespace file \"{path}\": {}",
                strerror(*errno)
            ),
            SaveNamespace(errno) => format!("Cannot open init namespace: {}", strerror(*errno)),
            RestoreNamespace(errno) => format!("setns: {}", strerror(*errno)),
            Unshare { name, errno } => format!(
                "Failed to create a new network namespace \"{name}\": {}",
                strerror(*errno)
            ),
            Bind { from, to, errno } => {
                format!("Bind {from} -> {to} failed: {}", strerror(*errno))
            }
            Switch(SwitchError::Open { name, errno }) => format!(
                "Cannot open network namespace \"{name}\": {}",
                strerror(*errno)
            ),
            NetnsOpenUnnamed(errno) => {
                format!("Cannot open network namespace: {}", strerror(*errno))
            }
            NetnsStat(errno) => format!("Stat of netns failed: {}", strerror(*errno)),
            ProcOpen(errno) => format!("Open of /proc failed: {}", strerror(*errno)),
            RunDirList { path, errno } => {
                format!("Failed to open directory {path}:{}", strerror(*errno))
            }
            RunDirForeach(errno) => format!(
                "Failed to open directory {}: {}",
                crate::kernel::namespace::RUN_DIR,
                strerror(*errno)
            ),
            Switch(SwitchError::Setns { name, errno }) => format!(
                "setting the network namespace \"{name}\" failed: {}",
                strerror(*errno)
            ),
            Switch(SwitchError::Unshare(errno)) => {
                format!("unshare failed: {}", strerror(*errno))
            }
            Switch(SwitchError::MakeRslave(errno)) => {
                format!("\"mount --make-rslave /\" failed: {}", strerror(*errno))
            }
            Exec { command, errno } => {
                format!("exec of \"{command}\" failed: {}", strerror(*errno))
            }
            Fork(errno) => format!("fork: {}", strerror(*errno)),
            Wait(errno) => format!("waitpid: {}", strerror(*errno)),
        })
    }

    fn errno(&self) -> Option<i32> {
        use NamespaceError::*;
        match self {
            SaveNamespace(e) | RestoreNamespace(e) | NetnsOpenUnnamed(e) | NetnsStat(e)
            | ProcOpen(e) | RunDirForeach(e) | Fork(e) | Wait(e) => Some(*e),
            RunDirCreate { errno, .. }
            | RunDirOpen { errno, .. }
            | MakeShared { errno, .. }
            | BindRunDir { errno, .. }
            | NetnsFileCreate { errno, .. }
            | NetnsFileRemove { errno, .. }
            | Unshare { errno, .. }
            | Bind { errno, .. }
            | RunDirList { errno, .. }
            | Exec { errno, .. } => Some(*errno),
            Switch(SwitchError::Open { errno, .. } | SwitchError::Setns { errno, .. }) => {
                Some(*errno)
            }
            Switch(SwitchError::Unshare(e) | SwitchError::MakeRslave(e)) => Some(*e),
            ChildKilled => None,
        }
    }

    /// The namespaces, files and commands the failure is about.
    fn objects(&self) -> Vec<String> {
        use NamespaceError::*;
        match self {
            Unshare { name, .. }
            | Switch(SwitchError::Open { name, .. } | SwitchError::Setns { name, .. }) => {
                vec![name.clone()]
            }
            RunDirCreate { path, .. }
            | RunDirOpen { path, .. }
            | MakeShared { path, .. }
            | BindRunDir { path, .. }
            | NetnsFileCreate { path, .. }
            | NetnsFileRemove { path, .. }
            | RunDirList { path, .. } => vec![path.clone()],
            Bind { from, to, .. } => vec![from.clone(), to.clone()],
            Exec { command, .. } => vec![command.clone()],
            _ => Vec::new(),
        }
    }

    /// rnet's hint: what is missing, and what to do.
    fn hint(&self) -> Option<String> {
        use NamespaceError::*;
        Some(match self {
            MakeShared { errno, .. }
            | BindRunDir { errno, .. }
            | RunDirCreate { errno, .. }
            | NetnsFileCreate { errno, .. }
            | NetnsFileRemove { errno, .. }
                if *errno == EPERM || *errno == EACCES =>
            {
                NEED_SYS_ADMIN.to_string()
            }
            NetnsFileCreate { path, errno } if *errno == nix::libc::EEXIST => format!(
                "{path} is there already; `rnet netns list` shows it, `rnet netns delete` removes it"
            ),
            Switch(SwitchError::Setns { errno, .. }) if *errno == EPERM => {
                NEED_SYS_ADMIN.to_string()
            }
            Switch(SwitchError::Setns { name, errno }) if *errno == nix::libc::EINVAL => format!(
                "/run/netns/{name} is not a network namespace (a stale file, e.g. left after a crash): \
                 remove it with `rnet netns delete {name}`"
            ),
            Switch(SwitchError::Open { name, errno }) if *errno == nix::libc::ENOENT => {
                no_such_namespace(name)
            }
            _ => return None,
        })
    }
}

/// What the kernel layer reports on stderr and then carries on past.
#[derive(Debug)]
pub(crate) enum KernelWarning {
    /// The flock of the run directory failed (ip warns and goes on).
    FlockRunDir { path: String, errno: i32 },
    /// rnet only: `netns exec` could not give the command a fresh /sys.
    SysRemount(i32),
    /// A namespace call that failed where ip only prints its error (the
    /// clean-up of a failed `netns add`, a file of /etc/netns/NAME).
    Failed(NamespaceError),
    /// A dump was still interrupted (NLM_F_DUMP_INTR) after rnet asked
    /// again: ip's own warning, printed once the dump is used anyway.
    DumpInterrupted,
    /// rnet only: a message of a dump too short to hold its fixed header
    /// (`what`: "link", "address"…), skipped where ip skips it silently.
    Undecodable { what: &'static str, len: usize },
}

impl SubjectWarning for KernelWarning {
    fn message(&self) -> String {
        match self {
            KernelWarning::FlockRunDir { path, errno } => format!(
                "Warning: could not flock netns runtime directory \"{path}\": {}",
                strerror(*errno)
            ),
            KernelWarning::SysRemount(errno) => format!(
                "Warning: mount of /sys failed: {}; /sys still describes the previous network namespace",
                strerror(*errno)
            ),
            KernelWarning::Failed(err) => err.message(program()).unwrap_or_default(),
            KernelWarning::DumpInterrupted => {
                "Dump was interrupted and may be inconsistent.".to_string()
            }
            KernelWarning::Undecodable { what, len } => format!(
                "Warning: skipped a {what} message of {len} bytes that is too short to decode"
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text and status the error table shows for `err` (as ip).
    fn shown(err: &dyn SubjectError) -> (String, i32) {
        (err.message("ip").unwrap_or_default(), err.status())
    }

    #[test]
    fn kernel_errors_prefer_extack() {
        let plain = KernelError {
            errno: 17,
            extack: None,
        };
        assert_eq!(plain.to_string(), "RTNETLINK answers: File exists");
        let ack = KernelError {
            errno: 22,
            extack: Some("Peer netns reference is invalid".into()),
        };
        assert_eq!(ack.to_string(), "Error: Peer netns reference is invalid.");
        let dotted = KernelError {
            errno: 22,
            extack: Some("already.".into()),
        };
        assert_eq!(dotted.to_string(), "Error: already.");
    }

    #[test]
    fn namespace_errors_match_ip() {
        assert_eq!(
            shown(&NamespaceError::NetnsFileCreate {
                path: "/run/netns/a".into(),
                errno: 17
            }),
            (
                "Cannot create namespace file \"/run/netns/a\": File exists".into(),
                1
            )
        );
        let switch = NamespaceError::Switch(SwitchError::Open {
            name: "x".into(),
            errno: 2,
        });
        assert_eq!(
            shown(&switch),
            (
                "Cannot open network namespace \"x\": No such file or directory".into(),
                255
            )
        );
        assert!(!switch.aborts_batch());
    }

    // ---- reliability ----
    #[test]
    fn reliability_warnings() {
        assert_eq!(
            KernelWarning::DumpInterrupted.message(),
            "Dump was interrupted and may be inconsistent."
        );
        assert_eq!(
            KernelWarning::Failed(NamespaceError::NetnsFileRemove {
                path: "/run/netns/a".into(),
                errno: nix::libc::EBUSY
            })
            .message(),
            "Cannot remove namespace file \"/run/netns/a\": Device or resource busy"
        );
    }

    #[test]
    fn reliability_errors() {
        let error = NamespaceError::RunDirForeach(nix::libc::ENOTDIR);
        assert_eq!(
            error.message("ip").as_deref(),
            Some("Failed to open directory /run/netns: Not a directory")
        );
        assert_eq!((error.status(), error.aborts_batch()), (1, false));
        // As ip's exit(1) after a child killed by a signal: no text.
        let killed = NamespaceError::ChildKilled;
        assert_eq!(killed.message("ip"), None);
        assert_eq!((killed.status(), killed.aborts_batch()), (1, true));
    }
}
