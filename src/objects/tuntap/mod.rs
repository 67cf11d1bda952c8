//! `ip tuntap`: persistent TUN/TAP devices (ip/iptuntap.c).
//!
//! `add` and `del` are not netlink requests: like ip they open
//! /dev/net/tun, attach to the name with TUNSETIFF (creating the device
//! when it is new) and set or clear TUNSETPERSIST, so the device outlives
//! the descriptor. `show` dumps the links of kind `tun` and reads each
//! one's flags, owner and group from /sys/class/net as ip does; with `-d`
//! it lists the processes holding /dev/net/tun open on the device (from
//! /proc/PID/fdinfo). The printer is `tuntap/print.rs`.

pub(crate) mod errors;
pub(crate) mod print;

use std::fs::File;
use std::os::fd::AsRawFd;

use crate::context::Context;
use crate::error::{warn, Error, Result};
use crate::grammar::tree::{kw, kw_alias, resolve, Keyword, Match, Usage};
use crate::grammar::{matches, next_arg};
use crate::kernel::link::{decode, dump_request, DumpFilter};
use crate::model::link::{
    Link, IFLA_INFO_DATA, IFLA_INFO_MAX, IFLA_LINKINFO, RTEXT_FILTER_VF, RTM_DELLINK, RTM_NEWLINK,
};
use crate::objects::link::parse::is_valid_ifname;
use crate::objects::tuntap::print::{
    print_tuntap, Holder, TuntapDevice, IFF_MULTI_QUEUE, IFF_NO_PI, IFF_ONE_QUEUE, IFF_TAP,
    IFF_TUN, IFF_VNET_HDR,
};
use errors::{TuntapError, TuntapWarning};

/// `ip tuntap` sub-commands (ip/iptuntap.c `do_iptuntap`), in matching order.
pub(crate) const COMMANDS: &[Keyword] = &[
    kw("add", "create a persistent TUN/TAP device"),
    kw("delete", "delete a TUN/TAP device"),
    kw_alias(
        "show",
        &[("lst", Match::Prefix), ("list", Match::Prefix)],
        "list TUN/TAP devices",
    ),
    kw("help", "print the usage"),
];

/// `tuntap help`: ip's usage text, with the program's name where ip has `ip tuntap`.
pub(crate) const USAGE: Usage = Usage::object(include_str!("usage.txt"), "ip tuntap ");

const TUN_DEVICE: &str = "/dev/net/tun";
/// The kind of TUN/TAP links.
const DRIVER: &[u8] = b"tun";
/// The tunnel-type bits of the flags (IFF_TUN, IFF_TAP).
const TUN_TYPE_MASK: u16 = 0x000f;
/// Fail instead of attaching when the device exists.
const IFF_TUN_EXCL: u16 = 0x8000;
const ARPHRD_ETHER: u16 = 1;
const ARPHRD_NONE: u16 = 0xfffe;
/// `(uid_t)-1`, `(gid_t)-1`: owner and group left alone.
const UNSET: u32 = u32::MAX;

/// The tun driver's IFLA_INFO_DATA attributes (include/uapi/linux/if_link.h).
const IFLA_TUN_OWNER: u16 = 1;
const IFLA_TUN_GROUP: u16 = 2;
const IFLA_TUN_TYPE: u16 = 3;
const IFLA_TUN_PI: u16 = 4;
const IFLA_TUN_VNET_HDR: u16 = 5;
const IFLA_TUN_PERSIST: u16 = 6;
const IFLA_TUN_MULTI_QUEUE: u16 = 7;
const IFLA_TUN_MAX: u16 = 10;

/// The ioctls of include/uapi/linux/if_tun.h (`_IOW('T', n, int)`).
const TUNSETIFF: nix::libc::Ioctl = 0x4004_54ca;
const TUNSETPERSIST: nix::libc::Ioctl = 0x4004_54cb;
const TUNSETOWNER: nix::libc::Ioctl = 0x4004_54cc;
const TUNSETGROUP: nix::libc::Ioctl = 0x4004_54ce;

pub fn run(ctx: &mut Context, args: &[String]) -> Result<()> {
    let Some(word) = args.first() else {
        return show(ctx);
    };
    let Some(command) = resolve(word, COMMANDS) else {
        return Err(Error::UnknownCommand {
            help_topic: "tuntap help",
            word: word.clone(),
        });
    };
    let rest = &args[1..];
    match command.name {
        "add" => add(ctx, rest),
        "delete" => delete(ctx, rest),
        // ip ignores the words after `show`.
        "show" => show(ctx),
        "help" => Err(Error::Usage(USAGE)),
        other => Err(Error::CommandNotImplemented {
            object: "tuntap",
            command: other,
        }),
    }
}

/// What `add`/`del` ask for: ip's `struct ifreq` and the owner and group.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Request {
    name: String,
    flags: u16,
    owner: u32,
    group: u32,
}

/// C's `strtol(word, &end, 10)` with nothing after the number, as ip reads
/// a numeric user or group (stored into a 32-bit id, overflow clamped as
/// strtol does).
fn decimal_id(word: &str) -> Option<u32> {
    let text = word.trim_start_matches([' ', '\t', '\n', '\r', '\x0b', '\x0c']);
    let (negative, digits) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    if word.is_empty() || digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let magnitude = digits.parse::<i128>().unwrap_or(i128::MAX);
    let value = if negative { -magnitude } else { magnitude };
    let value = value.clamp(i64::MIN as i128, i64::MAX as i128) as i64;
    Some(value as u32)
}

/// ip's `parse_args`. `ids` is false for `del`, where `user` and `group`
/// are not keywords (ip takes them for the device's name).
fn parse(args: &[String], ids: bool) -> Result<Request> {
    let mut request = Request {
        name: String::new(),
        flags: IFF_NO_PI as u16,
        owner: UNSET,
        group: UNSET,
    };
    let mut words = args.iter();
    while let Some(word) = words.next() {
        if matches(word, "mode") {
            let mode = next_arg(&mut words)?;
            if matches(mode, "tun") {
                if request.flags & IFF_TAP as u16 != 0 {
                    return Err(TuntapError::MoreThanOneMode.into());
                }
                request.flags |= IFF_TUN as u16;
            } else if matches(mode, "tap") {
                if request.flags & IFF_TUN as u16 != 0 {
                    return Err(TuntapError::MoreThanOneMode.into());
                }
                request.flags |= IFF_TAP as u16;
            } else {
                return Err(TuntapError::UnknownMode(mode.clone()).into());
            }
        } else if ids && matches(word, "user") {
            let user = next_arg(&mut words)?;
            request.owner = match decimal_id(user) {
                Some(id) => id,
                None => match nix::unistd::User::from_name(user) {
                    Ok(Some(found)) => found.uid.as_raw(),
                    _ => return Err(TuntapError::InvalidUser(user.clone()).into()),
                },
            };
        } else if ids && matches(word, "group") {
            let group = next_arg(&mut words)?;
            request.group = match decimal_id(group) {
                Some(id) => id,
                None => match nix::unistd::Group::from_name(group) {
                    Ok(Some(found)) => found.gid.as_raw(),
                    _ => return Err(TuntapError::InvalidGroup(group.clone()).into()),
                },
            };
        } else if matches(word, "pi") {
            request.flags &= !(IFF_NO_PI as u16);
        } else if matches(word, "one_queue") {
            request.flags |= IFF_ONE_QUEUE as u16;
        } else if matches(word, "vnet_hdr") {
            request.flags |= IFF_VNET_HDR as u16;
        } else if matches(word, "multi_queue") {
            request.flags |= IFF_MULTI_QUEUE as u16;
        } else if matches(word, "dev") {
            let name = next_arg(&mut words)?;
            request.name = valid_name(name, "\"dev\" not a valid ifname")?;
        } else {
            let name = if matches(word, "name") {
                next_arg(&mut words)?
            } else if matches(word, "help") {
                return Err(Error::Usage(USAGE));
            } else {
                word
            };
            if !request.name.is_empty() {
                return Err(Error::DuplicateOrGarbage {
                    key: "name".into(),
                    arg: name.clone(),
                });
            }
            request.name = valid_name(name, "\"name\" not a valid ifname")?;
        }
    }
    if request.flags & TUN_TYPE_MASK == 0 {
        return Err(TuntapError::NoMode.into());
    }
    Ok(request)
}

/// ip's `get_ifname`, failing with `invarg(reason)`.
fn valid_name(name: &str, reason: &str) -> Result<String> {
    if !is_valid_ifname(name) {
        return Err(Error::InvalidArgument {
            arg: name.to_string(),
            reason: reason.to_string(),
        });
    }
    Ok(name.to_string())
}

/// `struct ifreq` with a name and `ifr_flags`.
fn ifreq(request: &Request, extra_flags: u16) -> [u8; 40] {
    let mut ifr = [0u8; 40];
    let name = request.name.as_bytes();
    ifr[..name.len()].copy_from_slice(name);
    ifr[16..18].copy_from_slice(&(request.flags | extra_flags).to_ne_bytes());
    ifr
}

/// One ioctl on the /dev/net/tun descriptor, failing as ip's `perror(call)`.
fn ioctl(
    tun: &File,
    call: &'static str,
    number: nix::libc::Ioctl,
    argument: nix::libc::c_ulong,
) -> Result<()> {
    // SAFETY: the TUN ioctls called with a value read only that value.
    let done = unsafe { nix::libc::ioctl(tun.as_raw_fd(), number, argument) };
    if done != 0 {
        return Err(call_failed(call));
    }
    Ok(())
}

fn call_failed(call: &'static str) -> Error {
    let errno = std::io::Error::last_os_error()
        .raw_os_error()
        .unwrap_or(nix::libc::EIO);
    TuntapError::Call { call, errno }.into()
}

/// Opens /dev/net/tun and attaches to the requested device.
fn attach(request: &Request, extra_flags: u16) -> Result<File> {
    let tun = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open(TUN_DEVICE)
        .map_err(|err| {
            Error::from(TuntapError::Call {
                call: "open",
                errno: err.raw_os_error().unwrap_or(nix::libc::EIO),
            })
        })?;
    let mut ifr = ifreq(request, extra_flags);
    // SAFETY: TUNSETIFF reads and writes a `struct ifreq` (40 bytes).
    let done = unsafe { nix::libc::ioctl(tun.as_raw_fd(), TUNSETIFF, ifr.as_mut_ptr()) };
    if done != 0 {
        return Err(call_failed("ioctl(TUNSETIFF)"));
    }
    Ok(tun)
}

/// ip's `do_add`: a new device (never an existing one: IFF_TUN_EXCL),
/// owned as asked, made persistent.
fn add(ctx: &mut Context, args: &[String]) -> Result<()> {
    let request = parse(args, true)?;
    let tun = match attach(&request, IFF_TUN_EXCL) {
        Ok(tun) => tun,
        Err(error) => return explain_add(ctx, &request, error),
    };
    if request.owner != UNSET {
        ioctl(
            &tun,
            "ioctl(TUNSETOWNER)",
            TUNSETOWNER,
            request.owner.into(),
        )?;
    }
    if request.group != UNSET {
        ioctl(
            &tun,
            "ioctl(TUNSETGROUP)",
            TUNSETGROUP,
            request.group.into(),
        )?;
    }
    ioctl(&tun, "ioctl(TUNSETPERSIST)", TUNSETPERSIST, 1)
}

/// ip's `do_del`: attach to the device and clear its persistence, so it
/// goes when the descriptor is closed. Like ip, a name nothing has is
/// created for that moment and gone again; with `-idempotent` rnet leaves
/// an absent name alone.
fn delete(ctx: &mut Context, args: &[String]) -> Result<()> {
    let request = parse(args, false)?;
    if ctx.options.idempotent && !request.name.is_empty() && find(ctx, &request.name)?.is_none() {
        return Ok(());
    }
    let tun = attach(&request, 0)?;
    ioctl(&tun, "ioctl(TUNSETPERSIST)", TUNSETPERSIST, 0)
}

/// The link named `name`, asked of the kernel.
fn find(ctx: &mut Context, name: &str) -> Result<Option<Link>> {
    crate::objects::device::lookup(ctx, name.as_bytes())
}

/// A failed `add`: with `-idempotent` the same device already there is
/// success, another one an error saying what differs; with `-hints` a
/// missing or forbidden /dev/net/tun is explained.
fn explain_add(ctx: &mut Context, request: &Request, error: Error) -> Result<()> {
    let Some(TuntapError::Call { call, errno }) = error.subject::<TuntapError>() else {
        return Err(error);
    };
    Err(match (*call, *errno) {
        ("ioctl(TUNSETIFF)", nix::libc::EBUSY) if ctx.options.idempotent => {
            match same_device(ctx, request)? {
                None => return Ok(()),
                Some(difference) => Error::ExistsDifferently {
                    what: format!("tuntap device \"{}\"", request.name),
                    difference,
                },
            }
        }
        ("open", nix::libc::ENOENT) => Error::Explained {
            error: Box::new(error),
            hint: format!(
                "{TUN_DEVICE} is missing: load the tun module (modprobe tun), or in a container \
                 pass the device in (e.g. --device /dev/net/tun)"
            ),
            objects: vec![TUN_DEVICE.to_string()],
        },
        ("open", nix::libc::EACCES | nix::libc::EPERM) => Error::Explained {
            error: Box::new(error),
            hint: format!(
                "opening {TUN_DEVICE} needs read and write access to it (usually root), and \
                 creating a device CAP_NET_ADMIN"
            ),
            objects: vec![TUN_DEVICE.to_string()],
        },
        ("ioctl(TUNSETIFF)", nix::libc::EPERM) => Error::Explained {
            error: Box::new(error),
            hint: "creating a TUN/TAP device needs CAP_NET_ADMIN in this namespace: run as \
                   root, or in a container granted NET_ADMIN"
                .to_string(),
            objects: vec![request.name.clone()],
        },
        _ => error,
    })
}

/// For `-idempotent add`: None when the existing device is the one asked
/// for, else what differs.
fn same_device(ctx: &mut Context, request: &Request) -> Result<Option<String>> {
    let Some(link) = find(ctx, &request.name)? else {
        return Ok(Some("it vanished while being looked at".to_string()));
    };
    let kind = link.kind(false).unwrap_or_default().to_vec();
    if kind != DRIVER {
        return Ok(Some(format!(
            "it is {}, not a TUN/TAP device",
            if kind.is_empty() {
                "a device without a kind".to_string()
            } else {
                format!("kind {}", String::from_utf8_lossy(&kind))
            }
        )));
    }
    let attrs = link.attrs();
    let Some(data) = attrs
        .nested(IFLA_LINKINFO, IFLA_INFO_MAX)
        .and_then(|info| info.nested(IFLA_INFO_DATA, IFLA_TUN_MAX))
    else {
        return Ok(None);
    };
    let flag = |kind: u16| data.u8(kind).map(|value| value != 0);
    let mode = data.u8(IFLA_TUN_TYPE).map(u16::from);
    let wanted_mode = request.flags & TUN_TYPE_MASK;
    let mut differences = Vec::new();
    let mode_name = |mode: u16| if mode == IFF_TAP as u16 { "tap" } else { "tun" };
    if let Some(mode) = mode.filter(|mode| *mode != wanted_mode) {
        differences.push(format!(
            "mode {}, not {}",
            mode_name(mode),
            mode_name(wanted_mode)
        ));
    }
    let wanted = |bit: u64| request.flags & bit as u16 != 0;
    let checks = [
        ("pi", flag(IFLA_TUN_PI), !wanted(IFF_NO_PI)),
        ("vnet_hdr", flag(IFLA_TUN_VNET_HDR), wanted(IFF_VNET_HDR)),
        (
            "multi_queue",
            flag(IFLA_TUN_MULTI_QUEUE),
            wanted(IFF_MULTI_QUEUE),
        ),
        ("persist", flag(IFLA_TUN_PERSIST), true),
    ];
    for (word, has, wants) in checks {
        if let Some(has) = has.filter(|has| *has != wants) {
            differences.push(format!("{word} {}", if has { "on" } else { "off" }));
        }
    }
    for (word, attr, wanted) in [
        ("user", IFLA_TUN_OWNER, request.owner),
        ("group", IFLA_TUN_GROUP, request.group),
    ] {
        let has = data.u32(attr).unwrap_or(UNSET);
        if wanted != UNSET && has != wanted {
            differences.push(if has == UNSET {
                format!("no {word}")
            } else {
                format!("{word} {has}")
            });
        }
    }
    Ok((!differences.is_empty()).then(|| differences.join(", ")))
}

/// ip's `read_prop`: a number (strtol base 0) from
/// /sys/class/net/NAME/PROPERTY; None after ip's complaint.
fn read_property(name: &[u8], property: &'static str) -> Option<i64> {
    let path = format!(
        "/sys/class/net/{}/{property}",
        String::from_utf8_lossy(name)
    );
    let complain = |warning: TuntapWarning| {
        warn(warning.into());
        None
    };
    let text = match std::fs::read(&path) {
        Ok(text) => text,
        Err(err) => {
            return complain(TuntapWarning::Open {
                path,
                errno: err.raw_os_error().unwrap_or(nix::libc::EIO),
            })
        }
    };
    if text.is_empty() {
        return complain(TuntapWarning::Unknown { property, path });
    }
    // fgets reads the first line (at most 79 bytes); the newline goes.
    let line = text.split(|b| *b == b'\n').next().unwrap_or_default();
    let line = &line[..line.len().min(79)];
    let line = String::from_utf8_lossy(line).into_owned();
    match crate::grammar::parse_c_integer(&line, false)
        .and_then(|value| i64::try_from(value).ok())
        .filter(|_| !line.is_empty())
    {
        Some(value) => Some(value),
        None => complain(TuntapWarning::NotNumber { value: line, path }),
    }
}

/// ip's `show_processes`: every /proc/PID/fd/N that is /dev/net/tun and
/// whose fdinfo has `iff: NAME`, in /proc's order.
fn holders(name: &[u8]) -> Vec<Holder> {
    let own = std::process::id() as i32;
    let mut found = Vec::new();
    for pid in numbered_entries("/proc") {
        if pid == own {
            continue;
        }
        for fd in numbered_entries(&format!("/proc/{pid}/fd")) {
            let link = std::fs::read_link(format!("/proc/{pid}/fd/{fd}"));
            if !matches!(&link, Ok(target) if target.as_os_str() == TUN_DEVICE) {
                continue;
            }
            let Ok(info) = std::fs::read(format!("/proc/{pid}/fdinfo/{fd}")) else {
                continue;
            };
            let attached = info.split(|b| *b == b'\n').filter(|line| {
                let mut parts = line.splitn(2, |b| *b == b':');
                let key = parts.next().unwrap_or_default();
                let value = parts.next().unwrap_or_default();
                let value = value
                    .split(|b| b.is_ascii_whitespace())
                    .find(|part| !part.is_empty())
                    .unwrap_or_default();
                key == b"iff" && value == name
            });
            for _ in attached {
                found.push(Holder {
                    name: task_name(pid),
                    pid,
                });
            }
        }
    }
    found
}

/// The numeric entries of a /proc directory, in ascending order.
fn numbered_entries(path: &str) -> Vec<i32> {
    let Ok(entries) = std::fs::read_dir(path) else {
        return Vec::new();
    };
    let mut numbers: Vec<i32> = entries
        .filter_map(|entry| entry.ok()?.file_name().to_str()?.parse().ok())
        .collect();
    numbers.sort_unstable();
    numbers
}

/// lib/fs.c `get_task_name`: /proc/PID/comm without its newline.
fn task_name(pid: i32) -> Option<Vec<u8>> {
    let comm = std::fs::read(format!("/proc/{pid}/comm")).ok()?;
    let end = comm.iter().position(|b| *b == b'\n').unwrap_or(comm.len());
    Some(comm[..end].to_vec())
}

/// ip's `do_show`: the links of kind `tun`, with their /sys properties.
fn show(ctx: &mut Context) -> Result<()> {
    let filter = DumpFilter {
        family: 0,
        ext_mask: RTEXT_FILTER_VF,
        master: None,
        kind: Some(DRIVER),
    };
    let links = ctx
        .raw()?
        .dump_all(&dump_request(&filter), |message| decode(&message))
        .map_err(Error::dump_terminated)?;
    let details = ctx.options.details > 0;
    crate::kernel::namespace::sys_of_entered_namespace();
    ctx.out.begin_list();
    for link in &links {
        if let Some(device) = tuntap_device(link, details) {
            print_tuntap(&mut ctx.out, &device);
        }
    }
    ctx.out.end_list();
    ctx.out.flush();
    Ok(())
}

/// What `print_tuntap` shows of `link`, None for links ip passes over.
fn tuntap_device(link: &Link, details: bool) -> Option<TuntapDevice> {
    if link.msg_type != RTM_NEWLINK && link.msg_type != RTM_DELLINK {
        return None;
    }
    if link.info.link_type != ARPHRD_NONE && link.info.link_type != ARPHRD_ETHER {
        return None;
    }
    let name = link.name();
    if name.is_empty() || link.kind(false)? != DRIVER {
        return None;
    }
    let flags = read_property(name, "tun_flags")?;
    let owner = read_property(name, "owner")?;
    let group = read_property(name, "group")?;
    Some(TuntapDevice {
        name: name.to_vec(),
        flags,
        owner,
        group,
        holders: details.then(|| holders(name)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(line: &str) -> Vec<String> {
        line.split_whitespace().map(String::from).collect()
    }

    #[test]
    fn words_are_read_as_ip_reads_them() {
        let request = parse(&words("tap0 m tap p o v mu u 5 g 7"), true).unwrap();
        assert_eq!(request.name, "tap0");
        assert_eq!(
            request.flags,
            (IFF_TAP | IFF_ONE_QUEUE | IFF_VNET_HDR | IFF_MULTI_QUEUE) as u16
        );
        assert_eq!((request.owner, request.group), (5, 7));
        // `del` has no user/group: the word is a name.
        assert_eq!(
            parse(&words("user x mode tun"), false),
            Err(Error::DuplicateOrGarbage {
                key: "name".into(),
                arg: "x".into()
            })
        );
        assert_eq!(parse(&words("x"), true), Err(TuntapError::NoMode.into()));
        assert_eq!(parse(&words("x h"), true), Err(Error::Usage(USAGE)));
    }

    #[test]
    fn numeric_ids_are_read_like_strtol() {
        assert_eq!(decimal_id("65534"), Some(65534));
        assert_eq!(decimal_id(" -1"), Some(UNSET));
        assert_eq!(decimal_id("+3"), Some(3));
        assert_eq!(decimal_id("3x"), None);
        assert_eq!(decimal_id(""), None);
        assert_eq!(decimal_id("99999999999999999999"), Some(UNSET));
    }

    #[test]
    fn ifreq_holds_name_and_flags() {
        let request = parse(&words("dev tap9 mode tap"), true).unwrap();
        let ifr = ifreq(&request, IFF_TUN_EXCL);
        assert_eq!(&ifr[..5], b"tap9\0");
        assert_eq!(
            u16::from_ne_bytes([ifr[16], ifr[17]]),
            0x8000 | 0x1000 | 0x0002
        );
    }
}
