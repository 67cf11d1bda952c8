//! The cgroup side of `ip vrf`: a process belongs to VRF NAME when its
//! cgroup2 path is `BASE[/NETNS-ns]/vrf/NAME` (ip/ipvrf.c, lib/fs.c).
//!
//! `identify` reads /proc/PID/cgroup, `pids` walks the cgroup2 tree for
//! such directories, and `exec` makes the directory, attaches the VRF's
//! socket-binding program (`bpf.rs`) and writes its own pid into it.

use std::ffi::OsStr;
use std::fs::{File, OpenOptions};
use std::io::Write;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::DirBuilderExt;

use super::bpf;
use super::errors::CgroupFailure;
use crate::kernel::namespace;

/// ip's mount point for cgroup2 when none is mounted.
const OWN_MOUNT: &str = "/var/run/cgroup2";
/// ip reads /proc files with `fgets` into 4096-byte buffers.
const LINE_BUFFER: usize = 4096;
/// ip keeps a VRF name in 32 bytes, NUL included.
const NAME_MAX: usize = 31;

fn errno_of(err: &std::io::Error) -> i32 {
    err.raw_os_error().unwrap_or(nix::libc::EIO)
}

/// The pieces `fgets` hands out: lines, with long ones cut every 4095 bytes.
fn fgets_pieces(text: &[u8]) -> impl Iterator<Item = &[u8]> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let limit = rest.len().min(LINE_BUFFER - 1);
        let end = rest[..limit]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(limit, |at| at + 1);
        let (piece, tail) = rest.split_at(end);
        rest = tail;
        Some(piece)
    })
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|window| window == needle)
}

/// Up to the first newline (or NUL, where C would stop).
fn line_end(text: &[u8]) -> &[u8] {
    let end = text
        .iter()
        .position(|&b| b == b'\n' || b == 0)
        .unwrap_or(text.len());
    &text[..end]
}

/// ip's `vrf_identify` over the text of /proc/PID/cgroup: the NAME after
/// `/vrf/` on the first controller-less line that has one, or nothing.
pub(crate) fn vrf_of(cgroup: &[u8]) -> Vec<u8> {
    for piece in fgets_pieces(cgroup) {
        if find(piece, b"::/").is_none() {
            continue;
        }
        if let Some(at) = find(piece, b"/vrf/") {
            let name = line_end(&piece[at + 5..]);
            return name[..name.len().min(NAME_MAX)].to_vec();
        }
    }
    Vec::new()
}

/// The VRF of process `pid` (ip casts the number to `pid_t`).
pub(crate) fn identify(pid: u32) -> Result<Vec<u8>, i32> {
    let path = format!("/proc/{}/cgroup", pid as i32);
    std::fs::read(path)
        .map(|text| vrf_of(&text))
        .map_err(|err| errno_of(&err))
}

/// ip's `vrf_path` over /proc/PID/cgroup: the controller-less cgroup path
/// with any `/vrf...` tail cut off, empty for the root.
pub(crate) fn base_path(cgroup: &[u8]) -> Vec<u8> {
    for piece in fgets_pieces(cgroup) {
        let Some(at) = find(piece, b"::/") else {
            continue;
        };
        let mut path = line_end(&piece[at + 2..]);
        if let Some(vrf) = find(path, b"/vrf") {
            path = &path[..vrf];
        }
        return if path == b"/" {
            Vec::new()
        } else {
            path.to_vec()
        };
    }
    Vec::new()
}

/// lib/fs.c `find_fs_mount`: the mount point of the first cgroup2 mount in
/// /proc/mounts (as written there, escapes and all).
fn cgroup2_mount_point() -> Result<Option<Vec<u8>>, CgroupFailure> {
    let mounts =
        std::fs::read("/proc/mounts").map_err(|err| CgroupFailure::MountsOpen(errno_of(&err)))?;
    for line in mounts.split(|&b| b == b'\n') {
        let mut fields = line
            .split(|b| b.is_ascii_whitespace())
            .filter(|field| !field.is_empty());
        let (Some(_), Some(path), Some(kind)) = (fields.next(), fields.next(), fields.next())
        else {
            break;
        };
        if kind == b"cgroup2" {
            return Ok(Some(path.to_vec()));
        }
    }
    Ok(None)
}

/// lib/fs.c `make_path`: every directory of `path` from the top, those that
/// exist left alone.
fn make_path(path: &[u8]) -> Result<(), (Vec<u8>, i32)> {
    let mut builder = std::fs::DirBuilder::new();
    builder.mode(0o755);
    let mut ends: Vec<usize> = path
        .iter()
        .enumerate()
        .skip(1)
        .filter(|(_, &b)| b == b'/')
        .map(|(at, _)| at)
        .collect();
    if path.last() != Some(&b'/') {
        ends.push(path.len());
    }
    for end in ends {
        let dir = &path[..end];
        match builder.create(OsStr::from_bytes(dir)) {
            Ok(()) => {}
            Err(err) if err.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(err) => return Err((dir.to_vec(), errno_of(&err))),
        }
    }
    Ok(())
}

/// lib/fs.c `find_cgroup2_mount(true)`: the cgroup2 mount, mounted at
/// ip's own place when there is none.
pub(crate) fn cgroup2_mount() -> Result<Vec<u8>, CgroupFailure> {
    if let Some(path) = cgroup2_mount_point()? {
        return Ok(path);
    }
    make_path(OWN_MOUNT.as_bytes()).map_err(|(path, errno)| CgroupFailure::MountPointCreate {
        path: String::from_utf8_lossy(&path).into_owned(),
        errno,
    })?;
    match nix::mount::mount(
        Some("none"),
        OWN_MOUNT,
        Some("cgroup2"),
        nix::mount::MsFlags::empty(),
        None::<&str>,
    ) {
        Ok(()) | Err(nix::errno::Errno::EBUSY) => Ok(OWN_MOUNT.as_bytes().to_vec()),
        Err(errno) => Err(CgroupFailure::Mount(errno as i32)),
    }
}

/// ip's `ipvrf_get_netns`: `NAME-ns` for a named network namespace, else
/// nothing.
pub(crate) fn netns_dir() -> Result<Vec<u8>, CgroupFailure> {
    match namespace::identify("self") {
        Ok(name) if name.is_empty() => Ok(Vec::new()),
        Ok(name) => Ok([name.as_bytes(), b"-ns"].concat()),
        Err(lookup) => {
            let lookup = crate::error::Error::from(lookup);
            let errno = crate::explain::errno(&lookup).unwrap_or(0);
            Err(CgroupFailure::NetnsName {
                lookup: Box::new(lookup),
                errno,
            })
        }
    }
}

/// The cgroup directory of VRF `name` for this process (ip's `vrf_switch`
/// path: `MOUNT BASE / [NETNS-ns/] vrf/ NAME`); `name` empty for the
/// default VRF.
pub(crate) fn switch_path(mount: &[u8], base: &[u8], netns: &[u8], name: &[u8]) -> Vec<u8> {
    let mut base = base.to_vec();
    let mut netns = netns.to_vec();
    if !netns.is_empty() {
        let last = base.iter().rposition(|&b| b == b'/').map_or(0, |at| at + 1);
        if base[last..] == netns[..] {
            base.truncate(last);
        }
        netns.push(b'/');
    }
    [mount, &base, b"/", &netns, b"vrf/", name].concat()
}

/// ip's `vrf_switch` once the cgroup2 mount is known: moves this process
/// into the cgroup of the VRF whose device is `ifindex` (`None` for the
/// default VRF).
pub(crate) fn switch(mount: &[u8], name: &[u8], ifindex: Option<i32>) -> Result<(), CgroupFailure> {
    let netns = netns_dir()?;
    let own = std::fs::read(format!("/proc/{}/cgroup", std::process::id()))
        .map_err(|err| CgroupFailure::BasePath(errno_of(&err)))?;
    let name = if ifindex.is_some() { name } else { b"" };
    let path = switch_path(mount, &base_path(&own), &netns, name);
    make_path(&path).map_err(|(path, errno)| CgroupFailure::Directory {
        path: String::from_utf8_lossy(&path).into_owned(),
        errno,
    })?;
    if let Some(ifindex) = ifindex {
        let cgroup = File::open(OsStr::from_bytes(&path))
            .map_err(|err| CgroupFailure::CgroupOpen(errno_of(&err)))?;
        bpf::attach(&cgroup, ifindex)?;
    }
    let procs = [&path[..], b"/cgroup.procs"].concat();
    let mut file = OpenOptions::new()
        .read(true)
        .append(true)
        .open(OsStr::from_bytes(&procs))
        .map_err(|err| CgroupFailure::ProcsOpen(errno_of(&err)))?;
    file.write_all(std::process::id().to_string().as_bytes())
        .map_err(|_| CgroupFailure::Join)
}

/// lib/fs.c `get_command_name`: the `Name:` of /proc/PID/status.
fn command_name(pid: &[u8]) -> Option<Vec<u8>> {
    let status = std::fs::read(OsStr::from_bytes(&[b"/proc/", pid, b"/status"].concat())).ok()?;
    for line in status.split(|&b| b == b'\n') {
        if let Some(at) = find(line, b"Name:") {
            let name = line[at + 5..]
                .iter()
                .position(|b| !b.is_ascii_whitespace())
                .map_or(&[][..], |start| &line[at + 5 + start..]);
            return Some(name[..name.len().min(NAME_MAX)].to_vec());
        }
    }
    Some(Vec::new())
}

/// One `ip vrf pids` line: the pid right-aligned in 5, then its command.
fn pid_line(pid: &[u8]) -> Vec<u8> {
    let comm = command_name(pid).unwrap_or_else(|| b"<terminated?>".to_vec());
    let pad = 5usize.saturating_sub(pid.len());
    [&vec![b' '; pad][..], pid, b"  ", &comm, b"\n"].concat()
}

/// ip's `recurse_dir`: the lines of every process in a `vrf/NAME` cgroup
/// under `dir` (only under `NETNS-ns` directories when `netns` is given),
/// or `Err` with what was found before a directory could not be read.
pub(crate) fn pids(dir: &[u8], name: &[u8], netns: &[u8]) -> Result<Vec<u8>, Vec<u8>> {
    let mut out = Vec::new();
    walk(dir, name, netns, &mut out)
        .map(|()| out.clone())
        .map_err(|()| out)
}

fn walk(dir: &[u8], name: &[u8], netns: &[u8], out: &mut Vec<u8>) -> Result<(), ()> {
    let entries = std::fs::read_dir(OsStr::from_bytes(dir)).map_err(|_| ())?;
    for entry in entries.flatten() {
        let file = entry.file_name();
        let file = file.as_bytes();
        if file == b"vrf" {
            let parent = dir
                .iter()
                .rposition(|&b| b == b'/')
                .map(|at| &dir[at + 1..]);
            if netns.is_empty() || parent == Some(netns) {
                let procs = [dir, b"/vrf/", name, b"/cgroup.procs"].concat();
                if let Ok(text) = std::fs::read(OsStr::from_bytes(&procs)) {
                    for pid in fgets_pieces(&text) {
                        out.extend(pid_line(line_end(pid)));
                    }
                }
            }
            continue;
        }
        let path = [dir, b"/", file].concat();
        let Ok(meta) = std::fs::symlink_metadata(OsStr::from_bytes(&path)) else {
            continue;
        };
        if meta.is_dir() {
            walk(&path, name, netns, out)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_vrf_is_read_from_the_controller_less_line() {
        let text = b"4:memory:/vrf/not-this\n0::/user/vrf/blue\n";
        assert_eq!(vrf_of(text), b"blue");
        assert_eq!(vrf_of(b"0::/\n"), b"");
        assert_eq!(vrf_of(b"0::/vrf/\n"), b"");
        let long = format!("0::/vrf/{}\n", "x".repeat(40));
        assert_eq!(vrf_of(long.as_bytes()), "x".repeat(31).as_bytes());
    }

    #[test]
    fn the_base_path_drops_the_vrf_tail() {
        assert_eq!(base_path(b"1:cpu:/a\n0::/\n"), b"");
        assert_eq!(base_path(b"0::/user/vrf/blue\n"), b"/user");
        assert_eq!(base_path(b"0::/user\n"), b"/user");
    }

    #[test]
    fn switch_paths_follow_ip() {
        let path = switch_path(b"/sys/fs/cgroup/unified", b"", b"", b"");
        assert_eq!(path, b"/sys/fs/cgroup/unified/vrf/");
        let path = switch_path(b"/cg", b"/user/ns1-ns", b"ns1-ns", b"blue");
        assert_eq!(path, b"/cg/user//ns1-ns/vrf/blue");
        let path = switch_path(b"/cg", b"/user", b"ns1-ns", b"blue");
        assert_eq!(path, b"/cg/user/ns1-ns/vrf/blue");
    }

    #[test]
    fn long_lines_come_in_fgets_pieces() {
        let line = vec![b'a'; 5000];
        let pieces: Vec<usize> = fgets_pieces(&line).map(<[u8]>::len).collect();
        assert_eq!(pieces, [4095, 905]);
    }
}
