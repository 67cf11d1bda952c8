//! `ip nexthop`: nexthop objects and groups (ip/ipnexthop.c).
//!
//! `add`/`replace`/`delete` build one request from the words (`modify`);
//! `list`, `flush` and `get` share ip's selector and its kernel-side dump
//! filter; `bucket` lists or gets the buckets of resilient groups
//! (`bucket`). The printers are `nexthop/print.rs`.

mod bucket;
pub(crate) mod errors;
mod idempotent;
mod modify;
pub(crate) mod print;

use crate::context::Context;
use crate::error::{warn, Error, Result, Warning};
use crate::grammar::tree::{kw, kw_alias, resolve, Keyword, Match, Usage};
use crate::grammar::{get_unsigned, matches, next_arg};
use crate::kernel::attrs::Request;
use crate::kernel::raw::{NLM_F_ACK, NLM_F_DUMP, NLM_F_REQUEST};
use crate::kernel::raw::{NLM_F_CREATE, NLM_F_ECHO, NLM_F_EXCL, NLM_F_REPLACE};
use crate::model::nexthop::*;
use crate::objects::device;
use crate::objects::existing::State;
use crate::objects::nexthop::print::{print_nexthop, Style};
use crate::output::Kind;
use errors::NexthopError;

/// `ip nexthop` sub-commands (ip/ipnexthop.c `do_ipnh`), in matching order.
pub(crate) const COMMANDS: &[Keyword] = &[
    kw("add", "add a nexthop"),
    kw("replace", "add a nexthop or change it"),
    kw("delete", "delete a nexthop"),
    kw_alias(
        "list",
        &[("show", Match::Prefix), ("lst", Match::Prefix)],
        "list nexthops",
    ),
    kw("get", "show one nexthop"),
    kw("flush", "delete the nexthops a filter selects"),
    kw("bucket", "show resilient group buckets"),
    kw("help", "print the usage"),
];

/// `nexthop help`: ip's usage text, with the program's name where ip has `ip nexthop`.
pub(crate) const USAGE: Usage = Usage::object(include_str!("usage.txt"), "ip nexthop ");

pub fn run(ctx: &mut Context, args: &[String]) -> Result<()> {
    let Some(word) = args.first() else {
        return list_or_flush(ctx, &[], Action::List);
    };
    let Some(command) = resolve(word, COMMANDS) else {
        return Err(Error::UnknownCommand {
            help_topic: "nexthop help",
            word: word.clone(),
        });
    };
    let rest = &args[1..];
    match command.name {
        "add" => modify(ctx, RTM_NEWNEXTHOP, NLM_F_CREATE | NLM_F_EXCL, rest),
        "replace" => modify(ctx, RTM_NEWNEXTHOP, NLM_F_CREATE | NLM_F_REPLACE, rest),
        "delete" => modify(ctx, RTM_DELNEXTHOP, 0, rest),
        "list" => list_or_flush(ctx, rest, Action::List),
        "get" => get(ctx, rest),
        "flush" => list_or_flush(ctx, rest, Action::Flush),
        "bucket" => bucket::run(ctx, rest),
        "help" => Err(Error::Usage(USAGE)),
        other => Err(Error::CommandNotImplemented {
            object: "nexthop",
            command: other,
        }),
    }
}

fn invalid(arg: &str, reason: &str) -> Error {
    Error::InvalidArgument {
        arg: arg.to_string(),
        reason: reason.to_string(),
    }
}

/// ip's `ipnh_parse_id`.
fn parse_id(word: &str) -> Result<u32> {
    get_unsigned(word).ok_or_else(|| invalid(word, "invalid id value"))
}

fn style(ctx: &Context) -> Style {
    Style {
        details: ctx.options.details > 0,
        numeric: ctx.options.numeric > 0,
        resolve: ctx.options.resolve > 0,
    }
}

/// ip's `ll_name_to_index` behind `dev`/`master`, refused as ip refuses
/// an unknown device.
fn device_index(ctx: &mut Context, name: &str) -> Result<u32> {
    match device::index_of(ctx, name)? {
        0 => Err(invalid(name, "Device does not exist\n")),
        index => Ok(index as u32),
    }
}

/// ip's `vrf NAME` selector: a device of kind vrf.
fn vrf_index(ctx: &mut Context, name: &str) -> Result<u32> {
    if !crate::objects::link::parse::is_vrf(ctx, name)? {
        return Err(invalid(name, "Invalid VRF\n"));
    }
    match device::index_of(ctx, name)? {
        0 => Err(invalid(name, "VRF does not exist\n")),
        index => Ok(index as u32),
    }
}

/// Prints one nexthop message of the kernel's, its device named first.
/// A message ip cannot read ends the command as ip ends it (`in_dump`: in
/// the middle of a dump).
fn print_message(ctx: &mut Context, msg_type: u16, payload: &[u8], in_dump: bool) -> Result<()> {
    let unparsable = Error::from(NexthopError::Unparsable { in_dump });
    // A message shorter than its header is ip's "BUG: wrong nlmsg len";
    // the kernel never sends one.
    let nh = Nexthop::parse(payload).ok_or(unparsable.clone())?;
    let dev = match nh.oif() {
        Some(index) => Some(device::name_of(ctx, index as i32)?),
        None => None,
    };
    let style = style(ctx);
    print_nexthop(&mut ctx.out, msg_type, &nh, dev.as_deref(), style).map_err(|_| unparsable)
}

/// ip's `ipnh_modify`.
fn modify(ctx: &mut Context, msg_type: u16, flags: u16, args: &[String]) -> Result<()> {
    let family = crate::objects::rule::preferred_family(ctx);
    let planned = {
        let mut lookup = |name: &str| -> Result<u32> { Ok(device::index_of(ctx, name)? as u32) };
        modify::plan(args, family, &mut lookup)?
    };
    let creating = msg_type == RTM_NEWNEXTHOP && flags & NLM_F_EXCL != 0;
    let deleting = msg_type == RTM_DELNEXTHOP;
    if ctx.options.idempotent && already_done(ctx, &planned, creating, deleting)? {
        return Ok(());
    }
    let echo = ctx.options.echo > 0;
    let flags = if echo { flags | NLM_F_ECHO } else { flags };
    let mut answer: Option<(u16, Vec<u8>)> = None;
    let sent = ctx.raw()?.talk(planned.request(msg_type, flags), |msg| {
        if answer.is_none() {
            answer = Some((msg.msg_type, msg.payload.to_vec()));
        }
    });
    if let Err(refusal) = sent {
        // rnet's -idempotent: added or deleted by someone else between the
        // look-up and the request; judged again.
        let errno = refusal.error.errno;
        let raced =
            (creating && errno == nix::libc::EEXIST) || (deleting && errno == nix::libc::ENOENT);
        if ctx.options.idempotent && raced && already_done(ctx, &planned, creating, deleting)? {
            return Ok(());
        }
        return Err(Error::Kernel(refusal.error));
    }
    if echo {
        // ip's rtnl_echo_talk wraps print_nexthop's own object in another
        // (`[{{…}}]`, not JSON); rnet's -json-all leaves the outer one out.
        let wrap = !ctx.options.json_all;
        ctx.out.begin_list();
        if wrap {
            ctx.out.open_object(None);
        }
        if let Some((msg_type, payload)) = answer {
            if msg_type == RTM_NEWNEXTHOP || msg_type == RTM_DELNEXTHOP {
                print_message(ctx, msg_type, &payload, false)?;
            }
        }
        if wrap {
            ctx.out.close_object();
        }
        ctx.out.end_list();
    }
    Ok(())
}

/// The RTM_NEWNEXTHOP payload of nexthop `id` (asked with `family` in its
/// header, as ip asks with `-4`/`-6`'s), or `None` when the kernel has no
/// such nexthop. `ip route -d` prints it as `nh_info` with
/// `print::print_entry`.
pub fn lookup(ctx: &mut Context, id: u32, family: u8) -> Result<Option<Vec<u8>>> {
    let mut answer = None;
    let sent = ctx.raw()?.talk(get_request(family, id), |msg| {
        if answer.is_none() && msg.msg_type == RTM_NEWNEXTHOP {
            answer = Some(msg.payload.to_vec());
        }
    });
    match sent {
        Ok(_) => Ok(answer),
        Err(refusal) if refusal.error.errno == nix::libc::ENOENT => Ok(None),
        Err(refusal) => Err(Error::Kernel(refusal.error)),
    }
}

/// rnet's `-idempotent`: whether an `add` finds the same nexthop under its
/// id or a `delete` finds none; an `add` that finds another is an error
/// saying how it differs.
fn already_done(
    ctx: &mut Context,
    planned: &modify::Planned,
    creating: bool,
    deleting: bool,
) -> Result<bool> {
    if deleting {
        return idempotent::is_gone(ctx, planned);
    }
    if !creating {
        return Ok(false);
    }
    match idempotent::add_state(ctx, planned)? {
        State::Absent => Ok(false),
        State::Same => Ok(true),
        State::Differs(difference) => Err(Error::ExistsDifferently {
            what: idempotent::describe(planned),
            difference,
        }),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Action {
    List,
    Flush,
}

/// The selector of `list`/`flush` (ip's `filter`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Filter {
    ifindex: u32,
    groups: bool,
    master: u32,
    fdb: bool,
    /// Compared with the whole `nh_protocol` in user space; 0 is none.
    protocol: u32,
}

impl Filter {
    fn accepts(&self, payload: &[u8]) -> bool {
        self.protocol == 0
            || Header::parse(payload).is_some_and(|h| u32::from(h.protocol) == self.protocol)
    }

    /// The dump request, with the filters the kernel applies itself
    /// (ip's `nh_dump_filter`).
    fn dump_request(&self, msg_type: u16, family: u8) -> Request {
        let header = Header {
            family,
            ..Header::default()
        };
        let mut request = Request::new(msg_type, NLM_F_REQUEST | NLM_F_DUMP).fixed(&header.bytes());
        if self.ifindex != 0 {
            request = request.attr_u32(NHA_OIF, self.ifindex);
        }
        if self.groups {
            request = request.attr(NHA_GROUPS, &[]);
        }
        if self.master != 0 {
            request = request.attr_u32(NHA_MASTER, self.master);
        }
        if self.fdb {
            request = request.attr(NHA_FDB, &[]);
        }
        request
    }
}

/// The payloads of a dump, asked again while the kernel says it was
/// interrupted.
fn dump(ctx: &mut Context, request: &Request) -> Result<Vec<(u16, Vec<u8>)>> {
    let messages = ctx
        .raw()?
        .dump_all(request, |msg| Some((msg.msg_type, msg.payload.to_vec())))
        .map_err(|refusal| NexthopError::DumpTerminated(refusal.dump_error()))?;
    Ok(messages)
}

/// ip's `ipnh_list_flush`.
fn list_or_flush(ctx: &mut Context, args: &[String], action: Action) -> Result<()> {
    let all = args.is_empty();
    let mut filter = Filter::default();
    let mut words = args.iter();
    while let Some(word) = words.next() {
        let w = word.as_str();
        if matches(w, "dev") {
            filter.ifindex = device_index(ctx, next_arg(&mut words)?)?;
        } else if matches(w, "groups") {
            filter.groups = true;
        } else if matches(w, "master") {
            filter.master = device_index(ctx, next_arg(&mut words)?)?;
        } else if matches(w, "vrf") {
            filter.master = vrf_index(ctx, next_arg(&mut words)?)?;
        } else if w == "id" {
            let id = parse_id(next_arg(&mut words)?)?;
            return match action {
                Action::List => get_id(ctx, id, filter.protocol),
                Action::Flush => delete_id(ctx, id).map_err(|err| match err {
                    Error::Kernel(err) => NexthopError::DeleteFailed(err).into(),
                    other => other,
                }),
            };
        } else if matches(w, "protocol") {
            let value = next_arg(&mut words)?;
            filter.protocol =
                get_unsigned(value).ok_or_else(|| invalid(value, "invalid protocol value"))?;
        } else if matches(w, "fdb") {
            filter.fdb = true;
        } else if matches(w, "help") {
            return Err(Error::Usage(USAGE));
        } else {
            return Err(invalid(w, ""));
        }
    }
    let family = crate::objects::rule::preferred_family(ctx);
    match action {
        Action::List => list(ctx, &filter, family),
        Action::Flush => flush(ctx, filter, family, all),
    }
}

fn list(ctx: &mut Context, filter: &Filter, family: u8) -> Result<()> {
    let messages = dump(ctx, &filter.dump_request(RTM_GETNEXTHOP, family));
    // ip opens its JSON array before it reads the dump, so a refused dump
    // leaves a lone `[` on stdout.
    ctx.out.begin_list();
    for (msg_type, payload) in &messages? {
        if *msg_type != RTM_NEWNEXTHOP && *msg_type != RTM_DELNEXTHOP {
            continue;
        }
        if !filter.accepts(payload) {
            continue;
        }
        print_message(ctx, *msg_type, payload, true)?;
    }
    ctx.out.end_list();
    Ok(())
}

/// ip's `delete_nexthop`: one RTM_DELNEXTHOP by id; a refusal is
/// `Error::Kernel`.
fn delete_id(ctx: &mut Context, id: u32) -> Result<()> {
    let request = Request::new(RTM_DELNEXTHOP, NLM_F_REQUEST | NLM_F_ACK)
        .fixed(&Header::default().bytes())
        .attr_u32(NHA_ID, id);
    ctx.raw()?
        .talk(request, |_| {})
        .map(|_| ())
        .map_err(|refusal| Error::Kernel(refusal.error))
}

/// ip's `ipnh_flush`: every nexthop the filter selects deleted by id, and
/// without a selector the groups first (a group would otherwise be
/// changed, not deleted, as its members go).
fn flush(ctx: &mut Context, mut filter: Filter, family: u8, all: bool) -> Result<()> {
    if all {
        filter.groups = true;
        filter.ifindex = 0;
        filter.master = 0;
    }
    let mut flushed = 0u32;
    let outcome = loop {
        let messages = match dump(ctx, &filter.dump_request(RTM_GETNEXTHOP, family)) {
            Ok(messages) => messages,
            Err(error) => match error.subject::<NexthopError>() {
                Some(NexthopError::DumpTerminated(err)) => {
                    break Err(NexthopError::FlushDumpTerminated(err.clone()).into())
                }
                _ => break Err(error),
            },
        };
        for (_, payload) in &messages {
            if !filter.accepts(payload) {
                continue;
            }
            let id = Nexthop::parse(payload).map_or(0, |nh| nh.id());
            if id == 0 {
                continue;
            }
            match delete_id(ctx, id) {
                Ok(()) => flushed += 1,
                // ip says why and goes on with the next one.
                Err(Error::Kernel(err)) => warn(Warning::Kernel(err)),
                Err(other) => return Err(other),
            }
        }
        if all && filter.groups {
            filter.groups = false;
            continue;
        }
        break Ok(());
    };
    if ctx.options.json_all {
        // rnet's -json-all: the count as one JSON object.
        ctx.out.begin_object_document();
        ctx.out.int(Kind::Any, Some("flushed"), "{}", flushed);
        ctx.out.end_object_document();
    } else {
        // ip prints the count with printf, JSON or not.
        let summary = if flushed == 0 {
            "Nothing to flush\n".to_string()
        } else {
            format!("Flushed {flushed} nexthops\n")
        };
        ctx.out.raw(summary);
    }
    outcome
}

/// ip's `__ipnh_get_id`: the RTM_GETNEXTHOP of one id.
fn get_request(family: u8, id: u32) -> Request {
    let header = Header {
        family,
        ..Header::default()
    };
    Request::new(RTM_GETNEXTHOP, NLM_F_REQUEST)
        .fixed(&header.bytes())
        .attr_u32(NHA_ID, id)
}

/// ip's `ipnh_get`: `get id ID`, nothing else.
fn get(ctx: &mut Context, args: &[String]) -> Result<()> {
    let mut id = 0;
    let mut words = args.iter();
    while let Some(word) = words.next() {
        if word != "id" {
            return Err(Error::Usage(USAGE));
        }
        id = parse_id(next_arg(&mut words)?)?;
    }
    if id == 0 {
        return Err(Error::Usage(USAGE));
    }
    get_id(ctx, id, 0)
}

/// ip's `ipnh_get_id`: RTM_GETNEXTHOP for one id, printed as a list of one
/// (unless the protocol selector of `list … id` rejects it).
fn get_id(ctx: &mut Context, id: u32, protocol: u32) -> Result<()> {
    let request = get_request(crate::objects::rule::preferred_family(ctx), id);
    let mut answer: Option<(u16, Vec<u8>)> = None;
    ctx.raw()?
        .talk(request, |msg| {
            if answer.is_none() {
                answer = Some((msg.msg_type, msg.payload.to_vec()));
            }
        })
        .map_err(|refusal| Error::Kernel(refusal.error))?;
    ctx.out.begin_list();
    if let Some((msg_type, payload)) = answer {
        let filter = Filter {
            protocol,
            ..Filter::default()
        };
        if filter.accepts(&payload) {
            print_message(ctx, msg_type, &payload, false)?;
        }
    }
    ctx.out.end_list();
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(dump: &str) -> Vec<u8> {
        dump.split_whitespace()
            .map(|byte| u8::from_str_radix(byte, 16).unwrap())
            .collect()
    }

    // The bytes ip 6.1 sent (strace -e write=3) without the zeroed tail of
    // its request buffer, which nlmsg_len leaves out.

    #[test]
    fn get_request_matches_ip_bytes() {
        let ip = hex("20 00 00 00 6a 00 01 00  0c fb 16 6b 00 00 00 00
            00 00 00 00 00 00 00 00  08 00 01 00 01 00 00 00");
        assert_eq!(get_request(0, 1).finish(0x6b16_fb0c), ip);
    }

    #[test]
    fn dump_filter_by_device() {
        let ip = hex("20 00 00 00 6a 00 01 03  0c fb 16 6b 00 00 00 00
            00 00 00 00 00 00 00 00  08 00 05 00 03 00 00 00");
        let filter = Filter {
            ifindex: 3,
            ..Filter::default()
        };
        assert_eq!(
            filter.dump_request(RTM_GETNEXTHOP, 0).finish(0x6b16_fb0c),
            ip
        );
    }

    #[test]
    fn dump_filter_groups_and_fdb() {
        let ip = hex("20 00 00 00 6a 00 01 03  0c fb 16 6b 00 00 00 00
            00 00 00 00 00 00 00 00  04 00 09 00 04 00 0b 00");
        let filter = Filter {
            groups: true,
            fdb: true,
            ..Filter::default()
        };
        assert_eq!(
            filter.dump_request(RTM_GETNEXTHOP, 0).finish(0x6b16_fb0c),
            ip
        );
    }

    #[test]
    fn protocol_selector_compares_the_whole_number() {
        let mut payload = Header {
            protocol: 4,
            ..Header::default()
        }
        .bytes()
        .to_vec();
        payload.extend_from_slice(&[8, 0, 1, 0, 1, 0, 0, 0]);
        let filter = |protocol| Filter {
            protocol,
            ..Filter::default()
        };
        assert!(filter(0).accepts(&payload));
        assert!(filter(4).accepts(&payload));
        assert!(!filter(5).accepts(&payload));
        assert!(!filter(260).accepts(&payload));
    }
}
