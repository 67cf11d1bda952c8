//! `ip vrf`: VRF devices and the processes bound to them (ip/ipvrf.c).
//!
//! `show` lists the links of kind `vrf` (the dump asks the kernel to filter
//! on the kind; older kernels ignore that, so the kind is checked here as
//! ip checks it), `show NAME` prints one VRF's table. A process is in a VRF
//! through its cgroup (`cgroup.rs`): `identify` and `pids` read that, `exec`
//! joins it, with a BPF program binding the cgroup's sockets to the VRF
//! device (`bpf.rs`). The printer is `vrf/print.rs`.

mod bpf;
mod caps;
mod cgroup;
pub(crate) mod errors;
pub(crate) mod print;

use crate::context::Context;
use crate::error::{report_for_exit, warn, Error, Result, Warning};
use crate::grammar::tree::{kw, kw_alias, resolve, Keyword, Match, Usage};
use crate::kernel::attrs::{Attrs, Request};
use crate::kernel::namespace;
use crate::kernel::raw::{NLM_F_DUMP, NLM_F_REQUEST};
use crate::model::rt_names;
use crate::objects::rule::preferred_family;
use crate::objects::vrf::print::{print_header, print_none, print_vrf};
use errors::{CgroupFailure, VrfError, VrfWarning};

/// `ip vrf` sub-commands (ip/ipvrf.c `do_ipvrf`), in matching order.
pub(crate) const COMMANDS: &[Keyword] = &[
    kw("identify", "name the VRF of a process"),
    kw("pids", "list the processes in a VRF"),
    kw("exec", "run a command inside a VRF"),
    kw_alias(
        "show",
        &[("lst", Match::Prefix), ("list", Match::Prefix)],
        "list VRFs, or show one VRF's table",
    ),
    kw("help", "print the usage"),
];

/// `vrf help`: ip's usage text, with the program's name where ip has `ip vrf`.
pub(crate) const USAGE: Usage = Usage::object(include_str!("usage.txt"), "ip vrf ");

const AF_UNSPEC: u8 = 0;
const AF_PACKET: u8 = 17;
const RTM_NEWLINK: u16 = 16;
const RTM_GETLINK: u16 = 18;
const IFINFOMSG_LEN: usize = 16;
const IFLA_IFNAME: u16 = 3;
const IFLA_LINKINFO: u16 = 18;
const IFLA_INFO_KIND: u16 = 1;
const IFLA_INFO_DATA: u16 = 2;
const IFLA_VRF_TABLE: u16 = 1;
/// Enough for every IFLA_* this module reads.
const IFLA_READ_MAX: u16 = 64;

pub fn run(ctx: &mut Context, args: &[String]) -> Result<()> {
    let Some(word) = args.first() else {
        return show(ctx, &[]);
    };
    let rest = &args[1..];
    match resolve(word, COMMANDS).map(|command| command.name) {
        Some("identify") => identify(ctx, rest),
        Some("pids") => pids(ctx, rest),
        Some("exec") => exec(ctx, rest),
        Some("show") => show(ctx, rest),
        Some("help") => Err(Error::Usage(USAGE)),
        _ => Err(Error::UnknownCommand {
            help_topic: "vrf help",
            word: word.clone(),
        }),
    }
}

/// ifinfomsg with only the family set.
fn ifinfomsg(family: u8) -> [u8; IFINFOMSG_LEN] {
    let mut header = [0u8; IFINFOMSG_LEN];
    header[0] = family;
    header
}

/// ip's `ipvrf_show` dump: every link, the kernel asked to keep those of
/// kind `vrf` (the kind without its NUL, as ip sends it). libnetlink adds
/// that filter for AF_UNSPEC and AF_PACKET only; other families get a bare
/// dump.
fn list_request(family: u8) -> Request {
    let request = Request::new(RTM_GETLINK, NLM_F_REQUEST | NLM_F_DUMP).fixed(&ifinfomsg(family));
    if family != AF_UNSPEC && family != AF_PACKET {
        return request;
    }
    request
        .begin_nest(IFLA_LINKINFO)
        .attr(IFLA_INFO_KIND, b"vrf")
        .end_nest()
}

/// The RTM_GETLINK of one device by name (ip's `name_is_vrf` and
/// `ipvrf_get_table`).
fn link_request(family: u8, name: &str) -> Request {
    Request::new(RTM_GETLINK, NLM_F_REQUEST)
        .fixed(&ifinfomsg(family))
        .attr_str(IFLA_IFNAME, name.as_bytes())
}

/// A link message seen as a VRF: its index, name and table (0 when the
/// kernel gave none), or `None` for a link of another kind.
struct Vrf<'a> {
    index: i32,
    name: &'a [u8],
    /// Whether the kind's data came at all (`show NAME` complains about a
    /// missing table only inside it).
    has_data: bool,
    table: u32,
}

impl<'a> Vrf<'a> {
    fn parse(payload: &'a [u8]) -> Option<Self> {
        let index = i32::from_ne_bytes(payload.get(4..8)?.try_into().ok()?);
        let attrs = Attrs::parse(payload.get(IFINFOMSG_LEN..)?, IFLA_READ_MAX);
        let info = attrs.nested(IFLA_LINKINFO, IFLA_INFO_DATA)?;
        if info.str(IFLA_INFO_KIND)? != b"vrf" {
            return None;
        }
        let data = info.nested(IFLA_INFO_DATA, IFLA_VRF_TABLE);
        Some(Vrf {
            index,
            name: attrs.str(IFLA_IFNAME).unwrap_or_default(),
            has_data: data.is_some(),
            table: data.and_then(|data| data.u32(IFLA_VRF_TABLE)).unwrap_or(0),
        })
    }
}

/// The kernel's answer about device `name`: its message, or the errno.
fn link(ctx: &mut Context, name: &str) -> Result<std::result::Result<Vec<u8>, i32>> {
    let family = preferred_family(ctx);
    let mut answer = Vec::new();
    let result = ctx.raw()?.talk(link_request(family, name), |msg| {
        if msg.msg_type == RTM_NEWLINK {
            answer = msg.payload.to_vec();
        }
    });
    Ok(result
        .map(|_| answer)
        .map_err(|refusal| refusal.error.errno))
}

/// ip's `name_is_vrf`: the index of VRF device `name`, 0 when it is none.
fn vrf_index(ctx: &mut Context, name: &str) -> Result<i32> {
    Ok(match link(ctx, name)? {
        Ok(payload) => Vrf::parse(&payload).map_or(0, |vrf| vrf.index),
        Err(_) => 0,
    })
}

/// ip's `ipvrf_get_table`: the table of VRF `name`, 0 when it is none;
/// `default` is the main table unless a device has that name.
fn vrf_table(ctx: &mut Context, name: &str) -> Result<u32> {
    Ok(match link(ctx, name)? {
        Ok(payload) => match Vrf::parse(&payload) {
            Some(vrf) if vrf.table == 0 && vrf.has_data => {
                warn(Warning::from(VrfWarning::MissingTable(name.to_string())));
                0
            }
            Some(vrf) => vrf.table,
            None => 0,
        },
        Err(errno) if errno == nix::libc::ENODEV && name == "default" => {
            rt_names::table_number("main").unwrap_or(0)
        }
        Err(_) => 0,
    })
}

/// ip's `ipvrf_show`.
fn show(ctx: &mut Context, args: &[String]) -> Result<()> {
    if args.len() > 1 {
        return Err(Error::Usage(USAGE));
    }
    if let Some(name) = args.first() {
        let table = vrf_table(ctx, name)?;
        if table == 0 {
            return Err(VrfError::InvalidVrf.into());
        }
        // ip prints this with printf, JSON or not.
        ctx.out.raw(format!("{name} {table}\n"));
        return Ok(());
    }
    let request = list_request(preferred_family(ctx));
    let messages = ctx
        .raw()?
        .dump_all(&request, |msg| Some((msg.msg_type, msg.payload.to_vec())))
        .map_err(|refusal| VrfError::DumpTerminated(refusal.dump_error()))?;
    let p = &mut ctx.out;
    p.begin_list();
    print_header(p);
    let mut listed = 0;
    for (msg_type, payload) in &messages {
        if *msg_type != RTM_NEWLINK {
            continue;
        }
        match Vrf::parse(payload) {
            Some(vrf) if vrf.table != 0 => {
                print_vrf(p, vrf.name, vrf.table);
                listed += 1;
            }
            Some(vrf) => warn(Warning::from(VrfWarning::MissingTable(
                String::from_utf8_lossy(vrf.name).into_owned(),
            ))),
            None => {}
        }
    }
    if listed == 0 {
        print_none(p);
    }
    p.end_list();
    Ok(())
}

/// ip's `ipvrf_identify`: the VRF of process PID (rnet's own by default).
fn identify(ctx: &mut Context, args: &[String]) -> Result<()> {
    let pid = match args {
        [] => std::process::id(),
        [_, extra, ..] => return Err(invalid(extra, "Extra arguments specified\n")),
        [word] => rt_names::strtoul(word, 10)
            .and_then(|pid| u32::try_from(pid).ok())
            .ok_or_else(|| invalid(word, "Invalid pid\n"))?,
    };
    let name = cgroup::identify(pid).map_err(VrfError::LookupFailed)?;
    if !name.is_empty() {
        ctx.out.raw([&name[..], b"\n"].concat());
    }
    Ok(())
}

fn invalid(arg: &str, reason: &str) -> Error {
    Error::InvalidArgument {
        arg: arg.to_string(),
        reason: reason.to_string(),
    }
}

/// ip's `ipvrf_pids`: the processes in VRF NAME's cgroups.
fn pids(ctx: &mut Context, args: &[String]) -> Result<()> {
    let [name] = args else {
        return Err(VrfError::InvalidArguments.into());
    };
    if vrf_index(ctx, name)? == 0 {
        return Err(VrfError::Pids(CgroupFailure::InvalidName).into());
    }
    let mount = cgroup::cgroup2_mount().map_err(VrfError::Pids)?;
    let netns = cgroup::netns_dir().map_err(VrfError::Pids)?;
    match cgroup::pids(&mount, name.as_bytes(), &netns) {
        Ok(lines) => {
            ctx.out.raw(lines);
            Ok(())
        }
        // ip stops at a directory it cannot read and returns -1, silently.
        Err(lines) => {
            ctx.out.raw(lines);
            Err(Error::Status(1))
        }
    }
}

/// ip's `vrf_switch`: this process joins VRF `name` (`default`: leaves any).
fn switch(ctx: &mut Context, name: &str) -> Result<()> {
    let ifindex = if name == "default" {
        None
    } else {
        match vrf_index(ctx, name)? {
            0 => return Err(VrfError::Switch(CgroupFailure::InvalidName).into()),
            index => Some(index),
        }
    };
    join(name.as_bytes(), ifindex)
}

/// The cgroup side of ip's `vrf_switch`, with the capabilities dropped
/// afterwards whether the move worked or not (not when there is no cgroup2
/// mount: ip returns before that).
fn join(name: &[u8], ifindex: Option<i32>) -> Result<()> {
    let mount = cgroup::cgroup2_mount().map_err(VrfError::Switch)?;
    let joined = cgroup::switch(&mount, name, ifindex);
    caps::drop_capabilities().map_err(|()| Error::Exit(1))?;
    joined.map_err(|failure| VrfError::Switch(failure).into())
}

/// ip's `vrf_reset` (`netns exec` calls it before it switches): a process
/// bound to a VRF by its cgroup moves to the default VRF's. A failed move is
/// reported and the caller goes on, as in ip; only ip's exit when the
/// capabilities cannot be dropped ends the command.
pub(crate) fn reset() -> Result<()> {
    match cgroup::identify(std::process::id()) {
        Ok(name) if !name.is_empty() => match join(b"default", None) {
            Err(failure) if failure.subject::<VrfError>().is_some() => {
                warn(Warning::Reported(failure));
                Ok(())
            }
            other => other,
        },
        _ => Ok(()),
    }
}

/// ip's `ipvrf_exec`: runs CMD in VRF NAME; rnet is replaced by CMD, or in
/// batch mode CMD runs in a child and its status is the line's.
fn exec(ctx: &mut Context, args: &[String]) -> Result<()> {
    let Some(name) = args.first() else {
        return Err(VrfError::NoName.into());
    };
    if args.len() < 2 {
        return Err(Error::NoCommand);
    }
    let command = &args[1..];
    ctx.out.flush();
    if ctx.batch_mode {
        return match namespace::run_command_in_child(
            || switch(ctx, name),
            command,
            report_for_exit,
        )? {
            0 => Ok(()),
            status => Err(Error::Status(status)),
        };
    }
    switch(ctx, name)?;
    Err(namespace::exec(command).into())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(dump: &str) -> Vec<u8> {
        dump.split_whitespace()
            .map(|byte| u8::from_str_radix(byte, 16).unwrap())
            .collect()
    }

    /// The bytes ip 6.1 sent for `ip vrf show` and `ip -6 vrf show lo`
    /// (strace -X raw -e write=3), sequence number included.
    #[test]
    fn requests_match_ip_bytes() {
        let list = hex("2c 00 00 00 12 00 01 03  47 05 17 6b 00 00 00 00
             00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00
             0c 00 12 00 07 00 01 00  76 72 66 00");
        assert_eq!(list_request(0).finish(0x6b17_0547), list);
        let get = hex("28 00 00 00 12 00 01 00  47 05 17 6b 00 00 00 00
             0a 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00
             07 00 03 00 6c 6f 00 00");
        assert_eq!(link_request(10, "lo").finish(0x6b17_0547), get);
        let bare = list_request(10).finish(0x6b17_0547);
        assert_eq!((bare.len(), bare[16]), (32, 10));
    }

    #[test]
    fn only_links_of_kind_vrf_are_vrfs() {
        let message = |kind: &[u8]| {
            let mut bytes = Request::new(RTM_NEWLINK, 0)
                .fixed(&[0, 0, 0, 0, 7, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])
                .attr_str(IFLA_IFNAME, b"blue")
                .begin_nest(IFLA_LINKINFO)
                .attr_str(IFLA_INFO_KIND, kind)
                .begin_nest(IFLA_INFO_DATA)
                .attr_u32(IFLA_VRF_TABLE, 10)
                .end_nest()
                .end_nest()
                .finish(0);
            bytes.drain(..16);
            bytes
        };
        let payload = message(b"vrf");
        let vrf = Vrf::parse(&payload).unwrap();
        assert_eq!((vrf.index, vrf.name, vrf.table), (7, &b"blue"[..], 10));
        assert!(Vrf::parse(&message(b"veth")).is_none());
    }
}
