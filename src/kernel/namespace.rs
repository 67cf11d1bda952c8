//! Named network namespaces on the file system, done as iproute2 does them.
//!
//! A named namespace is an nsfs bind mount on `/run/netns/NAME`. rnet uses the
//! same directory, lock, mount propagation and file mode as ip, so that both
//! tools see and manage each other's namespaces. Everything here is a direct
//! system call; nothing forks except where ip forks (`exec` in batch mode and
//! with `-all`), so the process stays single-threaded and can change its own
//! namespaces.

use std::ffi::{CString, OsStr, OsString};
use std::fs::File;
use std::os::fd::{AsFd, AsRawFd};
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::MetadataExt;

use nix::errno::Errno;
use nix::fcntl::OFlag;
use nix::mount::{mount, umount2, MntFlags, MsFlags};
use nix::sched::{setns, unshare, CloneFlags};
use nix::sys::stat::Mode;
use nix::sys::statvfs::{statvfs, FsFlags};

use crate::diagnostics::warn;
use crate::kernel::errors::{KernelWarning, NamespaceError, SwitchError};

/// What the namespace calls return: their own errors, which the error
/// table turns into its entries with `?`.
type Result<T> = std::result::Result<T, NamespaceError>;

/// Where named namespaces live (Debian's iproute2 is built with /run/netns).
pub const RUN_DIR: &str = "/run/netns";
/// Per-namespace files bound over /etc by `exec`.
pub const ETC_DIR: &str = "/etc/netns";
/// The longest file name (NAME_MAX).
const NAME_MAX: usize = 255;

const SELF_NET: &str = "/proc/self/ns/net";

fn errno_of(err: std::io::Error) -> i32 {
    err.raw_os_error().unwrap_or(nix::libc::EIO)
}

/// `/run/netns/NAME`.
pub fn path_of(name: &OsStr) -> OsString {
    let mut path = OsString::from(RUN_DIR);
    path.push("/");
    path.push(name);
    path
}

fn lossy(text: &OsStr) -> String {
    text.to_string_lossy().into_owned()
}

/// ip's name check: empty, longer than NAME_MAX, `/`, `.` or `..` are refused
/// before any file is touched. rnet also refuses control characters (a
/// newline or an escape sequence in a name would forge lines of `netns
/// list` and of the output of scripts that read it); ip accepts them.
pub fn is_valid_name(name: &str) -> bool {
    !(name.is_empty()
        || name.len() > NAME_MAX
        || name.contains('/')
        || name == "."
        || name == ".."
        || name.chars().any(char::is_control))
}

/// The entries `-all` walks (ip's `netns_foreach`): none when the run
/// directory does not exist, an error when it cannot be read.
pub fn entries_for_all() -> Result<Vec<OsString>> {
    match entries() {
        Ok(names) => Ok(names),
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => Ok(Vec::new()),
        Err(err) => Err(NamespaceError::RunDirForeach(errno_of(err))),
    }
}

/// The run directory's entries in raw `readdir` order (ip does not sort).
pub fn entries() -> std::io::Result<Vec<OsString>> {
    std::fs::read_dir(RUN_DIR)?
        .map(|entry| entry.map(|entry| entry.file_name()))
        .collect()
}

/// Opens a namespace by name, or by path when the name holds a `/`
/// (lib/namespace.c `netns_get_fd`).
pub fn open_by_name_or_path(name: &OsStr) -> Option<File> {
    if name.as_bytes().contains(&b'/') {
        File::open(name).ok()
    } else {
        open(name).ok()
    }
}

/// Opens `/run/netns/NAME` read-only. Unlike ip, a symbolic link there is
/// followed only when it resolves to another entry of /run/netns: one that
/// leads anywhere else (a namespace of another tree, /proc/1/ns/net, a
/// file) is refused with ELOOP, as an O_NOFOLLOW open refuses it.
pub fn open(name: &OsStr) -> std::result::Result<File, i32> {
    let flags = OFlag::O_RDONLY | OFlag::O_NOFOLLOW | OFlag::O_CLOEXEC;
    let path = path_of(name);
    match nix::fcntl::open(path.as_os_str(), flags, Mode::empty()) {
        Ok(fd) => Ok(File::from(fd)),
        Err(Errno::ELOOP) => {
            let resolved = resolve_inside(&path)?;
            nix::fcntl::open(resolved.as_os_str(), flags, Mode::empty())
                .map(File::from)
                .map_err(|errno| errno as i32)
        }
        Err(errno) => Err(errno as i32),
    }
}

/// Where the symbolic link `path` (under /run/netns) leads, if that is an
/// entry of /run/netns itself; ELOOP otherwise.
fn resolve_inside(path: &OsStr) -> std::result::Result<std::path::PathBuf, i32> {
    let resolved = std::fs::canonicalize(path).map_err(errno_of)?;
    let dir = std::fs::canonicalize(RUN_DIR).map_err(errno_of)?;
    if resolved.parent() == Some(dir.as_path()) {
        Ok(resolved)
    } else {
        Err(nix::libc::ELOOP)
    }
}

/// Creates the run directory if needed (mode 0755 before umask).
pub fn create_run_dir() -> Result<()> {
    match nix::unistd::mkdir(RUN_DIR, Mode::from_bits_truncate(0o755)) {
        Ok(()) | Err(Errno::EEXIST) => Ok(()),
        Err(errno) => Err(NamespaceError::RunDirCreate {
            path: RUN_DIR.into(),
            errno: errno as i32,
        }),
    }
}

/// Makes the run directory a shared mount point, so that a namespace
/// unmounted in one mount namespace is unmounted in all of them. The flock
/// keeps parallel adds from stacking bind mounts (Debian bug 949235).
fn share_run_dir() -> Result<()> {
    // O_DIRECTORY as ip: a plain file there must not be bound onto itself.
    let lock = nix::fcntl::open(
        RUN_DIR,
        OFlag::O_RDONLY | OFlag::O_DIRECTORY | OFlag::O_CLOEXEC,
        Mode::empty(),
    )
    .map(File::from)
    .map_err(|errno| NamespaceError::RunDirOpen {
        path: RUN_DIR.into(),
        errno: errno as i32,
    })?;
    // SAFETY: flock on a descriptor we own; the lock goes with the descriptor.
    let locked = unsafe { nix::libc::flock(lock.as_raw_fd(), nix::libc::LOCK_EX) } == 0;
    if !locked {
        warn(&KernelWarning::FlockRunDir {
            path: RUN_DIR.into(),
            errno: Errno::last_raw(),
        });
    }
    let mut made_mount_point = false;
    loop {
        match mount(
            Some(""),
            RUN_DIR,
            Some("none"),
            MsFlags::MS_SHARED | MsFlags::MS_REC,
            None::<&str>,
        ) {
            Ok(()) => return Ok(()),
            // EINVAL: not a mount point yet; bind it onto itself once.
            Err(Errno::EINVAL) if !made_mount_point => {
                mount(
                    Some(RUN_DIR),
                    RUN_DIR,
                    Some("none"),
                    MsFlags::MS_BIND | MsFlags::MS_REC,
                    None::<&str>,
                )
                .map_err(|errno| NamespaceError::BindRunDir {
                    path: RUN_DIR.into(),
                    errno: errno as i32,
                })?;
                made_mount_point = true;
            }
            Err(errno) => {
                return Err(NamespaceError::MakeShared {
                    path: RUN_DIR.into(),
                    errno: errno as i32,
                })
            }
        }
    }
}

/// What a new name is bound to.
#[derive(Debug, Clone, Copy)]
pub enum Source {
    /// A fresh network namespace (`netns add`).
    New,
    /// The namespace of a running process (`netns attach`).
    Process(i32),
}

/// `ip netns add` / `attach`: the name file is created with mode 0 and
/// O_EXCL, then the namespace is bound onto it. Any failure after the file
/// exists removes it again, so a failed add leaves nothing behind.
pub fn add(name: &OsStr, source: Source) -> Result<()> {
    let path = path_of(name);
    create_run_dir()?;
    share_run_dir()?;
    let file = nix::fcntl::open(
        path.as_os_str(),
        OFlag::O_RDONLY | OFlag::O_CREAT | OFlag::O_EXCL,
        Mode::empty(),
    )
    .map_err(|errno| NamespaceError::NetnsFileCreate {
        path: lossy(&path),
        errno: errno as i32,
    })?;
    drop(file);

    let bound = match source {
        Source::New => {
            let home =
                File::open(SELF_NET).map_err(|err| NamespaceError::SaveNamespace(errno_of(err)))?;
            let result = unshare(CloneFlags::CLONE_NEWNET)
                .map_err(|errno| NamespaceError::Unshare {
                    name: lossy(name),
                    errno: errno as i32,
                })
                .and_then(|()| bind(SELF_NET.as_ref(), &path));
            setns(home.as_fd(), CloneFlags::CLONE_NEWNET)
                .map_err(|errno| NamespaceError::RestoreNamespace(errno as i32))?;
            result
        }
        Source::Process(pid) => bind(OsStr::new(&format!("/proc/{pid}/ns/net")), &path),
    };
    if let Err(err) = bound {
        if let Err(cleanup) = delete(name) {
            warn(&KernelWarning::Failed(cleanup));
        }
        return Err(err);
    }
    Ok(())
}

fn bind(from: &OsStr, to: &OsStr) -> Result<()> {
    mount(Some(from), to, Some("none"), MsFlags::MS_BIND, None::<&str>).map_err(|errno| {
        NamespaceError::Bind {
            from: lossy(from),
            to: lossy(to),
            errno: errno as i32,
        }
    })
}

/// `ip netns delete`: detach the mount (errors ignored, as ip does) and
/// remove the file.
pub fn delete(name: &OsStr) -> Result<()> {
    let path = path_of(name);
    // Never through a symbolic link: ip would detach whatever mount the
    // link points at (anywhere on the system); rnet removes the link only.
    let _ = umount2(
        path.as_os_str(),
        MntFlags::MNT_DETACH | MntFlags::UMOUNT_NOFOLLOW,
    );
    std::fs::remove_file(&path).map_err(|err| NamespaceError::NetnsFileRemove {
        path: lossy(&path),
        errno: errno_of(err),
    })
}

/// Whether /run/netns/NAME is there (`None`: it is not) and is a mounted
/// network namespace rather than a plain file left behind (rnet's
/// `-idempotent` tells the two apart).
pub fn is_namespace(name: &OsStr) -> Option<bool> {
    let path = path_of(name);
    std::fs::symlink_metadata(&path).ok()?;
    let is_nsfs = nix::sys::statfs::statfs(path.as_os_str())
        .map(|fs| fs.filesystem_type() == nix::sys::statfs::NSFS_MAGIC)
        .unwrap_or(false);
    Some(is_nsfs)
}

/// The namespace file's identity, for comparing with `/proc/PID/ns/net`.
fn identity(file: &File) -> std::result::Result<(u64, u64), i32> {
    file.metadata()
        .map(|meta| (meta.dev(), meta.ino()))
        .map_err(errno_of)
}

fn identity_of_path(path: &OsStr) -> Option<(u64, u64)> {
    std::fs::metadata(path)
        .ok()
        .map(|meta| (meta.dev(), meta.ino()))
}

/// `ip netns identify`: the last name bound to the namespace of `pid`
/// (`self` or digits), or an empty string when none is.
pub fn identify(pid: &str) -> Result<OsString> {
    let file = File::open(format!("/proc/{pid}/ns/net"))
        .map_err(|err| NamespaceError::NetnsOpenUnnamed(errno_of(err)))?;
    let wanted = identity(&file).map_err(NamespaceError::NetnsStat)?;
    let names = match entries() {
        Ok(names) => names,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(OsString::new()),
        Err(err) => {
            return Err(NamespaceError::RunDirList {
                path: RUN_DIR.into(),
                errno: errno_of(err),
            })
        }
    };
    // The last match in directory order wins, as in ip.
    Ok(names
        .into_iter()
        .rev()
        .find(|name| open(name).ok().and_then(|file| identity(&file).ok()) == Some(wanted))
        .unwrap_or_default())
}

/// Whether the network namespace of `target` has a link called `name`
/// (by name or altname), asked on a netlink socket opened inside it; this
/// process enters it only for the `socket()` call and comes straight back.
/// `None` when that cannot be done (e.g. without CAP_SYS_ADMIN), or when
/// `target` is this process's own namespace (where the kernel's own checks
/// change nothing before failing).
pub fn name_taken_in(target: &File, name: &[u8]) -> Result<Option<bool>> {
    let Ok(home) = File::open("/proc/thread-self/ns/net") else {
        return Ok(None);
    };
    match (identity(&home), identity(target)) {
        (Ok(a), Ok(b)) if a != b => {}
        _ => return Ok(None),
    }
    if setns(target.as_fd(), CloneFlags::CLONE_NEWNET).is_err() {
        return Ok(None);
    }
    let socket = crate::kernel::raw::RawSocket::open(64 * 1024, true);
    // Carrying on in the wrong namespace would change the wrong links.
    setns(home.as_fd(), CloneFlags::CLONE_NEWNET)
        .map_err(|errno| NamespaceError::RestoreNamespace(errno as i32))?;
    let Ok(mut socket) = socket else {
        return Ok(None);
    };
    Ok(
        match crate::kernel::link::get(&mut socket, Some(name), 0, 0, 0) {
            Ok(found) => Some(found.is_some()),
            Err(refusal) if refusal.error.errno == nix::libc::ENODEV => Some(false),
            Err(_) => None,
        },
    )
}

/// `ip netns pids`: every process whose network namespace is NAME's, in
/// `/proc` order.
pub fn pids(name: &OsStr) -> Result<Vec<OsString>> {
    let file = open(name).map_err(NamespaceError::NetnsOpenUnnamed)?;
    let wanted = identity(&file).map_err(NamespaceError::NetnsStat)?;
    let proc_dir =
        std::fs::read_dir("/proc").map_err(|err| NamespaceError::ProcOpen(errno_of(err)))?;
    Ok(proc_dir
        .filter_map(|entry| entry.ok().map(|entry| entry.file_name()))
        .filter(|pid| pid.as_bytes().iter().all(u8::is_ascii_digit))
        .filter(|pid| {
            let mut path = OsString::from("/proc/");
            path.push(pid);
            path.push("/ns/net");
            identity_of_path(&path) == Some(wanted)
        })
        .collect())
}

/// Enters NAME's network namespace: the whole of rnet's `-n NAME`. Unlike
/// ip, no mount namespace is made and /sys is not remounted: netlink needs
/// neither, and this works in containers that forbid mounts.
pub fn enter(name: &str) -> Result<()> {
    // ip opens `/run/netns/NAME` for `-n` whatever NAME holds, so
    // `-n ../../proc/1/ns/net` leaves /run/netns. rnet never looks a name
    // with `/`, `.`, `..`, control characters or over 255 bytes up: no
    // entry of /run/netns can have it, so it answers what ip answers for a
    // missing one. (The empty name is ip's: /run/netns itself, no namespace.)
    if !name.is_empty() && !is_valid_name(name) {
        return Err(NamespaceError::Switch(SwitchError::Open {
            name: name.into(),
            errno: nix::libc::ENOENT,
        }));
    }
    let file = open(OsStr::new(name)).map_err(|errno| {
        NamespaceError::Switch(SwitchError::Open {
            name: name.into(),
            errno,
        })
    })?;
    setns(file.as_fd(), CloneFlags::CLONE_NEWNET).map_err(|errno| {
        NamespaceError::Switch(SwitchError::Setns {
            name: name.into(),
            errno: errno as i32,
        })
    })?;
    ENTERED.store(true, std::sync::atomic::Ordering::Relaxed);
    Ok(())
}

/// Set once this process has entered a named namespace (`-n NAME`), whose
/// devices the inherited /sys does not describe.
static ENTERED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// For the few commands that read /sys (`tuntap show`): after `-n`, gives
/// this process what ip's `-n` always gives it, a mount namespace of its
/// own whose /sys is the entered network namespace's. Where that cannot be
/// done, a warning, and /sys stays as it was.
pub fn sys_of_entered_namespace() {
    if !ENTERED.load(std::sync::atomic::Ordering::Relaxed) {
        return;
    }
    if unshare(CloneFlags::CLONE_NEWNS).is_err() {
        return;
    }
    let slave = mount(
        Some(""),
        "/",
        Some("none"),
        MsFlags::MS_SLAVE | MsFlags::MS_REC,
        None::<&str>,
    );
    if slave.is_ok() {
        remount_sys("sysfs");
    }
    ENTERED.store(false, std::sync::atomic::Ordering::Relaxed);
}

/// Prepares this process to run a program "inside" NAME, as `ip netns exec`
/// does: the network namespace, a private mount namespace that receives but
/// never sends mounts, a /sys that describes the new namespace, and
/// `/etc/netns/NAME/*` bound over `/etc`.
pub fn switch_for_exec(name: &str) -> Result<()> {
    enter(name)?;
    unshare(CloneFlags::CLONE_NEWNS)
        .map_err(|errno| NamespaceError::Switch(SwitchError::Unshare(errno as i32)))?;
    mount(
        Some(""),
        "/",
        Some("none"),
        MsFlags::MS_SLAVE | MsFlags::MS_REC,
        None::<&str>,
    )
    .map_err(|errno| NamespaceError::Switch(SwitchError::MakeRslave(errno as i32)))?;
    remount_sys(name);
    bind_etc(name);
    Ok(())
}

/// Replaces /sys with a sysfs of the current network namespace. Where that
/// is impossible (some containers, user namespaces that do not own the
/// network namespace) ip gives up; rnet warns and carries on, since most
/// programs never look at /sys.
fn remount_sys(name: &str) {
    let mut flags = MsFlags::empty();
    if umount2("/sys", MntFlags::MNT_DETACH).is_err() {
        // Could not detach it: a read-only /sys can only be shadowed by a
        // read-only one.
        if statvfs("/sys").is_ok_and(|stat| stat.flags().contains(FsFlags::ST_RDONLY)) {
            flags = MsFlags::MS_RDONLY;
        }
    }
    if let Err(errno) = mount(Some(name), "/sys", Some("sysfs"), flags, None::<&str>) {
        warn(&KernelWarning::SysRemount(errno as i32));
    }
}

fn bind_etc(name: &str) {
    if name.len() >= NAME_MAX {
        return;
    }
    let dir = format!("{ETC_DIR}/{name}");
    let Ok(listing) = std::fs::read_dir(&dir) else {
        return;
    };
    for entry in listing.flatten() {
        let file = entry.file_name();
        let from = OsString::from(format!("{dir}/{}", file.to_string_lossy()));
        let to = OsString::from(format!("/etc/{}", file.to_string_lossy()));
        if let Err(err) = bind(&from, &to) {
            warn(&KernelWarning::Failed(err));
        }
    }
}

/// Replaces the process with `command` (searched in PATH); returns only on
/// failure.
pub fn exec(command: &[String]) -> NamespaceError {
    let program = &command[0];
    let exec_error = |errno: i32| NamespaceError::Exec {
        command: program.clone(),
        errno,
    };
    let Ok(args) = command
        .iter()
        .map(|arg| CString::new(arg.as_bytes()))
        .collect::<std::result::Result<Vec<_>, _>>()
    else {
        return exec_error(nix::libc::EINVAL);
    };
    match nix::unistd::execvp(&args[0], &args) {
        Err(errno) => exec_error(errno as i32),
        Ok(never) => match never {},
    }
}

/// A child process that runs `setup` and then `command`; the parent waits
/// and gets the exit status. A failed setup or exec is the child's to
/// report: `report` prints the error as ip does and gives the status the
/// child exits with (the caller's error table says both, so `setup` may
/// fail with the caller's own error type). `netns exec` and `vrf exec` fork
/// like this.
pub fn run_command_in_child<E: From<NamespaceError>>(
    setup: impl FnOnce() -> std::result::Result<(), E>,
    command: &[String],
    report: impl FnOnce(&E) -> i32,
) -> std::result::Result<i32, E> {
    use nix::sys::wait::{waitpid, WaitStatus};
    use nix::unistd::{fork, ForkResult};

    // SAFETY: rnet is single-threaded here, so the child may run ordinary
    // code (allocation, formatting) before it execs or exits.
    match unsafe { fork() } {
        Err(errno) => Err(NamespaceError::Fork(errno as i32).into()),
        Ok(ForkResult::Child) => {
            let err = match setup() {
                Ok(()) => E::from(exec(command)),
                Err(err) => err,
            };
            let status = report(&err);
            // SAFETY: _exit skips the parent's atexit handlers and buffers.
            unsafe { nix::libc::_exit(status) }
        }
        Ok(ForkResult::Parent { child }) => match waitpid(child, None) {
            Ok(WaitStatus::Exited(_, status)) => Ok(status),
            Ok(_) => Err(NamespaceError::ChildKilled.into()),
            Err(errno) => Err(NamespaceError::Wait(errno as i32).into()),
        },
    }
}
