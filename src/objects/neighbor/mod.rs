//! `ip neighbor`: the ARP and NDISC caches (ip/ipneigh.c).
//!
//! add/change/replace/delete read the words in ipneigh.c's order into a
//! `struct ndmsg` with NDA_* attributes ([`plan`]), then name the device
//! and send it as netlink-packet-route's `NeighbourMessage`, the type the
//! get and dump requests are built with too. show and flush share ip's selector parser and filter; show
//! prints each entry as the dump brings it ([`stream_entries`]), flush
//! deletes in rounds, as ip does, until a dump finds nothing left. The
//! printer is in `print.rs`; `get` asks the kernel for one entry.

pub(crate) mod errors;
mod idempotent;
pub(crate) mod print;
#[cfg(test)]
mod request_tests;

use crate::kernel::raw::{NLM_F_CREATE, NLM_F_DUMP_FILTERED, NLM_F_EXCL, NLM_F_REPLACE};
use std::collections::HashMap;

use crate::context::Context;
use crate::error::{Error, Result};
use crate::grammar::inet::{self, Prefix, AF_UNSPEC};
use crate::grammar::tree::{kw, kw_alias, resolve, Keyword, Match, Usage};
use crate::grammar::{matches, next_arg};
use crate::kernel::attrs::Request;
use crate::kernel::raw::{
    DumpFailed, Dumped, RawSocket, DUMP_ATTEMPTS, NLM_F_ACK, NLM_F_DUMP, NLM_F_REQUEST,
};
use crate::kernel::{typed_ip, typed_request};
use crate::model::neighbor::*;
use crate::model::rt_names;
use crate::objects::neighbor::print::{print_fields, print_neigh, Device, Style};
use crate::objects::rule::preferred_family;
use crate::objects::{device, show};
use crate::output::Printer;
use errors::NeighborError;
use netlink_packet_route::neighbour::{
    NeighbourAddress, NeighbourAttribute, NeighbourExtFlags, NeighbourFlags, NeighbourHeader,
    NeighbourMessage, NeighbourState,
};
use netlink_packet_route::route::{RouteProtocol, RouteType};
use netlink_packet_route::RouteNetlinkMessage;

/// `ip neighbor` sub-commands (ip/ipneigh.c `do_ipneigh`), in matching order.
pub(crate) const COMMANDS: &[Keyword] = &[
    kw("add", "add a neighbour entry"),
    kw_alias(
        "change",
        &[("chg", Match::Exact)],
        "change an existing entry",
    ),
    kw("replace", "add an entry or change it"),
    kw("delete", "delete an entry"),
    kw("get", "look up one entry"),
    kw_alias(
        "show",
        &[("lst", Match::Prefix), ("list", Match::Prefix)],
        "list entries",
    ),
    kw("flush", "delete the entries a filter selects"),
    kw("help", "print the usage"),
];

/// `neighbor help`: ip's usage text, with the program's name where ip has `ip neigh`.
pub(crate) const USAGE: Usage = Usage::object(include_str!("usage.txt"), "ip neigh ");
/// ip gives up a flush after this many rounds.
const MAX_ROUNDS: i32 = 10;

pub fn run(ctx: &mut Context, args: &[String]) -> Result<()> {
    let Some(word) = args.first() else {
        return show_or_flush(ctx, &[], false);
    };
    let Some(command) = resolve(word, COMMANDS) else {
        return Err(Error::UnknownCommand {
            help_topic: "neigh help",
            word: word.clone(),
        });
    };
    let rest = &args[1..];
    match command.name {
        "add" => modify(ctx, RTM_NEWNEIGH, NLM_F_CREATE | NLM_F_EXCL, rest),
        "change" => modify(ctx, RTM_NEWNEIGH, NLM_F_REPLACE, rest),
        "replace" => modify(ctx, RTM_NEWNEIGH, NLM_F_CREATE | NLM_F_REPLACE, rest),
        "delete" => modify(ctx, RTM_DELNEIGH, 0, rest),
        "get" => get(ctx, rest),
        "show" => show_or_flush(ctx, rest, false),
        "flush" => show_or_flush(ctx, rest, true),
        "help" => Err(Error::Usage(USAGE)),
        other => Err(Error::CommandNotImplemented {
            object: "neighbor",
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

/// An add/change/replace/delete as ip reads it, before the device is named.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Plan {
    /// The header; its ifindex is filled when the device is known.
    pub header: NdMsg,
    pub dst: Prefix,
    pub lladdr: Option<Vec<u8>>,
    pub ext_flags: u32,
    pub protocol: Option<u8>,
    pub dev: Option<String>,
}

impl Plan {
    /// The request: netlink-packet-route's `NeighbourMessage`, attributes
    /// in ip's order.
    pub(crate) fn request(&self, cmd: u16, flags: u16, ifindex: i32) -> Request {
        let header = NdMsg {
            ifindex,
            ..self.header
        };
        let mut attributes = Vec::with_capacity(4);
        if let Some(protocol) = self.protocol {
            attributes.push(NeighbourAttribute::Protocol(RouteProtocol::from(protocol)));
        }
        attributes.push(destination(&self.dst));
        if self.ext_flags != 0 {
            attributes.push(NeighbourAttribute::ExtFlags(
                NeighbourExtFlags::from_bits_retain(self.ext_flags),
            ));
        }
        if let Some(lladdr) = &self.lladdr {
            attributes.push(NeighbourAttribute::LinkLayerAddress(lladdr.clone()));
        }
        let message = neighbour_message(&header, attributes);
        let message = if cmd == RTM_DELNEIGH {
            RouteNetlinkMessage::DelNeighbour(message)
        } else {
            RouteNetlinkMessage::NewNeighbour(message)
        };
        typed_request(message, NLM_F_REQUEST | NLM_F_ACK | flags)
    }
}

/// rnet's `ndmsg` as netlink-packet-route's header, with `attributes`;
/// every field keeps its value (family, state, flags and type convert both
/// ways without loss).
fn neighbour_message(header: &NdMsg, attributes: Vec<NeighbourAttribute>) -> NeighbourMessage {
    let mut message = NeighbourMessage::default();
    message.header = NeighbourHeader {
        family: header.family.into(),
        ifindex: header.ifindex as u32,
        state: NeighbourState::from(header.state),
        flags: NeighbourFlags::from_bits_retain(header.flags),
        kind: RouteType::from(header.kind),
    };
    message.attributes = attributes;
    message
}

/// NDA_DST: an IPv4 or IPv6 address typed, any other length as the
/// crate's untyped `NeighbourAddress::Other`.
fn destination(dst: &Prefix) -> NeighbourAttribute {
    let bytes = dst.bytes();
    NeighbourAttribute::Destination(match typed_ip(bytes) {
        Some(address) => NeighbourAddress::from(address),
        None => NeighbourAddress::Other(bytes.to_vec()),
    })
}

/// The RTM_GETNEIGH of one entry (`get`, and -idempotent's lookup).
fn get_message(header: &NdMsg, dst: &Prefix) -> Request {
    typed_request(
        RouteNetlinkMessage::GetNeighbour(neighbour_message(header, vec![destination(dst)])),
        NLM_F_REQUEST,
    )
}

/// ip's `ipneigh_modify` up to the device lookup.
pub(crate) fn plan(args: &[String], family: u8) -> Result<Plan> {
    let mut header = NdMsg {
        family,
        state: NUD_PERMANENT,
        ..NdMsg::default()
    };
    let mut ext_flags = 0u32;
    let mut protocol = None;
    let mut dev = None;
    let mut dst: Option<Prefix> = None;
    let mut dev_ok = false;
    let mut lla: Option<&String> = None;

    let mut words = args.iter();
    while let Some(word) = words.next() {
        let w = word.as_str();
        if matches(w, "lladdr") {
            let value = next_arg(&mut words)?;
            if lla.is_some() {
                return Err(Error::DuplicateArgument {
                    key: "lladdr".into(),
                    arg: value.clone(),
                });
            }
            lla = Some(value);
        } else if w == "nud" {
            let value = next_arg(&mut words)?;
            header.state = nud_state(value).ok_or_else(|| invalid(value, "nud state is bad"))?;
        } else if matches(w, "proxy") {
            dst = Some(proxy_address(next_arg(&mut words)?, dst.is_some(), family)?);
            dev_ok = true;
            header.flags |= NTF_PROXY;
        } else if w == "router" {
            header.flags |= NTF_ROUTER;
        } else if w == "use" {
            header.flags |= NTF_USE;
        } else if w == "managed" {
            ext_flags |= NTF_EXT_MANAGED;
            header.state = NUD_NONE;
        } else if matches(w, "extern_learn") {
            header.flags |= NTF_EXT_LEARNED;
        } else if w == "dev" {
            dev = Some(next_arg(&mut words)?.clone());
            dev_ok = true;
        } else if matches(w, "protocol") {
            let value = next_arg(&mut words)?;
            protocol = Some(
                rt_names::protocol_number(value)
                    .ok_or_else(|| invalid(value, "\"protocol\" value is invalid\n"))?,
            );
        } else {
            let mut value = word;
            if w == "to" {
                value = next_arg(&mut words)?;
            }
            // ip skips a word that abbreviates "help" here.
            if matches(value, "help") {
                value = next_arg(&mut words)?;
            }
            if dst.is_some() {
                return Err(Error::DuplicateOrGarbage {
                    key: "to".into(),
                    arg: value.clone(),
                });
            }
            dst = Some(inet::get_addr(value, family)?);
        }
    }
    let dst = match dst {
        Some(dst) if dev_ok && dst.family != AF_UNSPEC => dst,
        _ => return Err(NeighborError::DeviceAndDestination.into()),
    };
    header.family = dst.family;
    let lladdr = match lla {
        Some(word) if word != "null" => {
            let mut bytes = crate::objects::link::lladdr::parse(word)?;
            // ip's buffer holds 20 bytes.
            bytes.truncate(20);
            Some(bytes)
        }
        _ => None,
    };
    Ok(Plan {
        header,
        dst,
        lladdr,
        ext_flags,
        protocol,
        dev,
    })
}

/// ip's `ll_name_to_index`, failing as `nodev` does.
fn device_index(ctx: &mut Context, name: &str) -> Result<i32> {
    match device::index_of(ctx, name)? {
        0 => Err(Error::CannotFindDevice(name.to_string())),
        index => Ok(index),
    }
}

fn modify(ctx: &mut Context, cmd: u16, flags: u16, args: &[String]) -> Result<()> {
    let plan = plan(args, preferred_family(ctx))?;
    let ifindex = match &plan.dev {
        Some(dev) => device_index(ctx, dev)?,
        None => 0,
    };
    let request = plan.request(cmd, flags, ifindex);
    let Err(refusal) = ctx.raw()?.talk(request, |_| {}) else {
        return Ok(());
    };
    let error = refusal.error;
    if ctx.options.idempotent {
        let creating = cmd == RTM_NEWNEIGH && flags & NLM_F_EXCL != 0;
        let deleting = cmd == RTM_DELNEIGH;
        if let Some(outcome) =
            idempotent::judge(ctx, &plan, ifindex, creating, deleting, error.errno)?
        {
            return outcome;
        }
    }
    Err(idempotent::explain(ctx, &plan, ifindex, error))
}

/// ip's static `filter` of ipneigh.c.
#[derive(Debug, Clone)]
struct Filter {
    family: u8,
    index: i32,
    state: u32,
    unused_only: bool,
    prefix: Option<Prefix>,
    master: i32,
    protocol: u8,
    ndm_flags: u8,
}

impl Filter {
    fn new(family: u8, flush: bool) -> Filter {
        let state = if flush {
            !u32::from(NUD_PERMANENT | NUD_NOARP)
        } else {
            0xff & !u32::from(NUD_NOARP)
        };
        Filter {
            family,
            index: 0,
            state,
            unused_only: false,
            prefix: None,
            master: 0,
            protocol: 0,
            ndm_flags: 0,
        }
    }

    /// The filter of `get`: everything.
    fn everything() -> Filter {
        Filter {
            state: !0,
            ..Filter::new(0, false)
        }
    }

    /// The dump request, with the kernel-side filters ip adds.
    fn dump_request(&self) -> Request {
        let header = NdMsg {
            family: self.family,
            flags: self.ndm_flags,
            ..NdMsg::default()
        };
        let mut attributes = Vec::new();
        if self.index != 0 {
            attributes.push(NeighbourAttribute::IfIndex(self.index as u32));
        }
        if self.master != 0 {
            // NDA_MASTER; -1 (`nomaster`) goes out as its u32 bits.
            attributes.push(NeighbourAttribute::Controller(self.master as u32));
        }
        typed_request(
            RouteNetlinkMessage::GetNeighbour(neighbour_message(&header, attributes)),
            NLM_F_REQUEST | NLM_F_DUMP,
        )
    }

    /// print_neigh's checks.
    fn accepts(&self, neigh: &Neighbor<'_>) -> bool {
        let header = &neigh.header;
        if self.family != 0 && self.family != header.family {
            return false;
        }
        if self.index != 0 && self.index != header.ifindex {
            return false;
        }
        let state = u32::from(header.state);
        if self.state & state == 0
            && header.flags & (NTF_PROXY | NTF_EXT_LEARNED) == 0
            && (state != 0 || self.state & 0x100 == 0)
        {
            return false;
        }
        if !self
            .prefix
            .as_ref()
            .is_none_or(|p| prefix_matches(p, neigh.dst()))
        {
            return false;
        }
        if self.protocol != 0 && self.protocol != neigh.protocol() {
            return false;
        }
        if self.unused_only && neigh.cacheinfo().is_some_and(|info| info.refcnt != 0) {
            return false;
        }
        true
    }
}

/// lib/utils.c `inet_addr_match_rta`: true when the address is in the
/// prefix (or there is nothing to compare).
fn prefix_matches(prefix: &Prefix, dst: Option<&[u8]>) -> bool {
    let Some(dst) = dst else {
        return true;
    };
    if prefix.family == AF_UNSPEC || prefix.bitlen <= 0 {
        return true;
    }
    let family = match dst.len() {
        4 => inet::AF_INET,
        16 => inet::AF_INET6,
        _ => return false,
    };
    family == prefix.family && inet::prefix_matches(dst, prefix.bytes(), prefix.bitlen)
}

/// The selector words of show and flush.
fn parse_filter(
    ctx: &mut Context,
    args: &[String],
    flush: bool,
) -> Result<(Filter, Option<String>)> {
    let mut filter = Filter::new(preferred_family(ctx), flush);
    let mut filter_dev: Option<String> = None;
    let mut state_given = false;
    let mut words = args.iter();
    while let Some(word) = words.next() {
        let w = word.as_str();
        if w == "dev" {
            let value = next_arg(&mut words)?;
            if filter_dev.is_some() {
                return Err(Error::DuplicateArgument {
                    key: "dev".into(),
                    arg: value.clone(),
                });
            }
            filter_dev = Some(value.clone());
        } else if w == "master" {
            let value = next_arg(&mut words)?;
            filter.master = device::index_of(ctx, value)?;
            if filter.master == 0 {
                return Err(invalid(value, "Device does not exist\n"));
            }
        } else if w == "vrf" {
            let value = next_arg(&mut words)?;
            let index = device::index_of(ctx, value)?;
            if index == 0 || !crate::objects::link::parse::is_vrf(ctx, value)? {
                return Err(invalid(value, "Not a valid VRF name\n"));
            }
            filter.master = index;
        } else if w == "nomaster" {
            filter.master = -1;
        } else if w == "unused" {
            filter.unused_only = true;
        } else if w == "nud" {
            let value = next_arg(&mut words)?;
            if !state_given {
                state_given = true;
                filter.state = 0;
            }
            let mut state = match nud_state(value) {
                Some(state) => u32::from(state),
                None if value == "all" => {
                    if flush {
                        !u32::from(NUD_NOARP)
                    } else {
                        !0
                    }
                }
                None => return Err(invalid(value, "nud state is bad")),
            };
            if state == 0 {
                state = 0x100;
            }
            filter.state |= state;
        } else if w == "proxy" {
            filter.ndm_flags = NTF_PROXY;
        } else if matches(w, "protocol") {
            let value = next_arg(&mut words)?;
            filter.protocol = match rt_names::protocol_number(value) {
                Some(protocol) => protocol,
                None if value == "all" => 0,
                None => return Err(invalid(value, "invalid \"protocol\"\n")),
            };
        } else {
            let value = if w == "to" {
                next_arg(&mut words)?
            } else {
                word
            };
            if matches(value, "help") {
                return Err(Error::Usage(USAGE));
            }
            let prefix = inet::get_prefix(value, filter.family)?;
            if filter.family == AF_UNSPEC {
                filter.family = prefix.family;
            }
            filter.prefix = Some(prefix);
        }
    }
    Ok((filter, filter_dev))
}

/// Names and link types of the devices entries are on (ip's `ll_map`):
/// every link read before the entries, as ip's `ll_init_map` does, so no
/// lookup has to interrupt the dump being printed.
#[derive(Default)]
struct Devices {
    known: HashMap<i32, (Vec<u8>, u16)>,
    /// A socket of its own for a link the first reading did not have (made
    /// since), asked while the main socket is still reading entries; ip's
    /// `ll_index_to_name` opens a fresh one for a miss too.
    spare: Option<RawSocket>,
}

impl Devices {
    /// Every link, from one dump.
    fn all(ctx: &mut Context) -> Result<Devices> {
        let mut known = HashMap::new();
        let filter = crate::kernel::link::DumpFilter {
            ext_mask: crate::model::link::RTEXT_FILTER_SKIP_STATS,
            ..crate::kernel::link::DumpFilter::default()
        };
        crate::kernel::link::dump(ctx.raw()?, &filter, |link| {
            known.insert(link.info.index, (link.name().to_vec(), link.info.link_type));
        })
        .map_err(Error::dump_terminated)?;
        Ok(Devices { known, spare: None })
    }

    /// The name and link type of the device at `index`; one the kernel does
    /// not know is `ifN` of type 0.
    fn get(&mut self, index: i32) -> (&[u8], u16) {
        if index == 0 {
            return (b"*", 0);
        }
        if !self.known.contains_key(&index) {
            let link = self.ask(index);
            self.known.insert(index, link);
        }
        let (name, link_type) = &self.known[&index];
        (name, *link_type)
    }

    fn ask(&mut self, index: i32) -> (Vec<u8>, u16) {
        if self.spare.is_none() {
            self.spare = RawSocket::open(SPARE_RCVBUF, false).ok();
        }
        let found = self.spare.as_mut().and_then(|raw| {
            crate::kernel::link::get(raw, None, index, 0, RTEXT_FILTER_VF_SKIP_STATS)
                .ok()
                .flatten()
        });
        match found {
            Some(link) => (link.name().to_vec(), link.info.link_type),
            None => (format!("if{index}").into_bytes(), 0),
        }
    }
}

/// The spare socket reads one link at a time.
const SPARE_RCVBUF: usize = 256 * 1024;
/// RTEXT_FILTER_VF | RTEXT_FILTER_SKIP_STATS, the mask of ip's link lookups.
const RTEXT_FILTER_VF_SKIP_STATS: u32 =
    crate::model::link::RTEXT_FILTER_VF | crate::model::link::RTEXT_FILTER_SKIP_STATS;

fn style(ctx: &Context, hide_dev: bool) -> Style {
    // SAFETY: sysconf only reads a system constant.
    let hz = unsafe { nix::libc::sysconf(nix::libc::_SC_CLK_TCK) };
    Style {
        stats: ctx.options.stats > 0,
        numeric: ctx.options.numeric > 0,
        resolve: ctx.options.resolve > 0,
        brief: ctx.options.brief > 0,
        hide_dev,
        hz: u32::try_from(hz).unwrap_or(100),
    }
}

/// Prints one entry, its device looked up first; `alone` makes it a JSON
/// document of its own (rnet's -json-all).
fn print_entry(
    out: &mut Printer,
    devices: &mut Devices,
    msg_type: u16,
    neigh: &Neighbor<'_>,
    style: Style,
    alone: bool,
) {
    let (name, link_type) = devices.get(neigh.header.ifindex);
    let device = Device { name, link_type };
    if alone {
        out.begin_object_document();
        print_fields(out, msg_type, neigh, Some(device), style);
        out.end_object_document();
    } else {
        print_neigh(out, msg_type, neigh, Some(device), style);
    }
}

type Messages = Vec<(u16, u16, Vec<u8>)>;

/// The filter's dump, read whole (flush deletes what it read), asked again
/// when a change interrupted it. A refusal is ip's text, ended by
/// `failed`'s last line (`Dump terminated`, `Flush terminated`).
fn dump(
    ctx: &mut Context,
    filter: &Filter,
    failed: fn(crate::error::KernelError) -> Error,
) -> Result<Messages> {
    let mut messages = Messages::new();
    let dumped = ctx.dump(&filter.dump_request(), DUMP_ATTEMPTS, |_, dumped| {
        match dumped {
            Dumped::Again => messages.clear(),
            Dumped::Message(msg) => messages.push((msg.msg_type, msg.flags, msg.payload.to_vec())),
        }
        Ok(())
    });
    match dumped {
        Ok(()) => Ok(messages),
        Err(DumpFailed::Refused(refusal)) => Err(match Error::dump_terminated(refusal) {
            Error::DumpTerminated(err) => failed(err),
            other => other,
        }),
        Err(DumpFailed::Stopped(err)) => Err(err),
    }
}

/// The entries of the filter's dump, each handed to `each` (with its message
/// type and netlink flags) as its message arrives: nothing of the dump is
/// kept, so `show` over any number of entries needs the same memory. One
/// try, as ip's listing makes (the kernel layer warns when it was
/// interrupted).
fn stream_entries(
    ctx: &mut Context,
    filter: &Filter,
    mut each: impl FnMut(&mut Context, u16, u16, &Neighbor<'_>),
) -> Result<()> {
    ctx.dump(&filter.dump_request(), 1, |ctx, dumped| {
        let Dumped::Message(msg) = dumped else {
            return Ok(());
        };
        if !matches!(msg.msg_type, RTM_NEWNEIGH | RTM_DELNEIGH | RTM_GETNEIGH) {
            return Ok(());
        }
        if let Some(neigh) = Neighbor::parse(msg.payload).filter(|n| filter.accepts(n)) {
            each(ctx, msg.msg_type, msg.flags, &neigh);
        }
        Ok(())
    })?;
    Ok(())
}

/// ip's `do_show_or_flush`.
fn show_or_flush(ctx: &mut Context, args: &[String], flush: bool) -> Result<()> {
    if flush && args.is_empty() {
        return Err(NeighborError::FlushRequiresArguments.into());
    }
    // The socket is opened before the words are read, as ip's is.
    ctx.raw()?;
    let (mut filter, filter_dev) = parse_filter(ctx, args, flush)?;
    if let Some(dev) = &filter_dev {
        filter.index = device_index(ctx, dev)?;
    }
    let style = style(ctx, filter.index != 0);
    if flush {
        return flush_rounds(ctx, filter, style);
    }
    let mut devices = Devices::all(ctx)?;
    let table = ctx.options.table && ctx.options.json == 0;
    // ip opens its JSON array before the dump: a refused one leaves `[`.
    ctx.out.begin_list();
    let mut warned = false;
    // Only -table keeps rows: its column widths need all of them.
    let mut rows = Vec::new();
    stream_entries(ctx, &filter, |ctx, msg_type, flags, neigh| {
        if filter.master != 0 && flags & NLM_F_DUMP_FILTERED == 0 && !warned {
            warned = true;
            ctx.out
                .raw("\nWARNING: Kernel does not support filtering by master device\n\n");
        }
        if table {
            let (name, link_type) = devices.get(neigh.header.ifindex);
            rows.push(crate::output::table::neighbor_row(
                neigh,
                name,
                link_type,
                style.numeric,
            ));
        } else {
            print_entry(&mut ctx.out, &mut devices, msg_type, neigh, style, false);
        }
    })?;
    if table {
        let text = crate::output::table::neighbors(&rows, crate::output::table::width());
        crate::output::table::print(&mut ctx.out, &text);
    }
    ctx.out.end_list();
    Ok(())
}

/// The flush half of `do_show_or_flush`: rounds of dump and delete.
fn flush_rounds(ctx: &mut Context, mut filter: Filter, style: Style) -> Result<()> {
    let stats = ctx.options.stats;
    // Only -s -s prints the entries, and names their devices.
    let mut devices = if stats >= 2 {
        Devices::all(ctx)?
    } else {
        Devices::default()
    };
    let mut round = 0;
    while round < MAX_ROUNDS {
        let messages = dump(ctx, &filter, Error::FlushTerminated)?;
        let mut doomed = Vec::new();
        for (msg_type, _, payload) in &messages {
            if *msg_type != RTM_NEWNEIGH {
                continue;
            }
            let Some(neigh) = Neighbor::parse(payload).filter(|n| filter.accepts(n)) else {
                continue;
            };
            doomed.push(payload.clone());
            if stats >= 2 {
                // rnet's -json-all: each entry to delete as one object.
                let alone = ctx.options.json_all;
                print_entry(&mut ctx.out, &mut devices, *msg_type, &neigh, style, alone);
            }
        }
        if doomed.is_empty() {
            show::flush_done(ctx, round);
            return Ok(());
        }
        round += 1;
        ctx.raw()?
            .send_batched(RTM_DELNEIGH, &doomed)
            .map_err(NeighborError::FlushSend)?;
        show::flush_round_done(ctx, round, doomed.len(), "entries");
        filter.state &= !u32::from(NUD_FAILED);
    }
    ctx.out.raw(format!(
        "*** Flush not complete bailing out after {MAX_ROUNDS} rounds\n"
    ));
    Err(NeighborError::FlushNotComplete.into())
}

/// The RTM_GETNEIGH of `get`: one entry by address and device.
fn get_request(args: &[String], family: u8) -> Result<(NdMsg, Prefix, Option<String>)> {
    let mut header = NdMsg {
        family,
        ..NdMsg::default()
    };
    let mut dev = None;
    let mut dst: Option<Prefix> = None;
    let mut dev_ok = false;
    let mut words = args.iter();
    while let Some(word) = words.next() {
        let w = word.as_str();
        if w == "dev" {
            dev = Some(next_arg(&mut words)?.clone());
            dev_ok = true;
        } else if matches(w, "proxy") {
            dst = Some(proxy_address(next_arg(&mut words)?, dst.is_some(), family)?);
            dev_ok = true;
            header.flags |= NTF_PROXY;
        } else {
            let value = if w == "to" {
                next_arg(&mut words)?
            } else {
                word
            };
            if matches(value, "help") {
                return Err(Error::Usage(USAGE));
            }
            if dst.is_some() {
                return Err(Error::DuplicateOrGarbage {
                    key: "to".into(),
                    arg: value.clone(),
                });
            }
            dst = Some(inet::get_addr(value, family)?);
        }
    }
    match dst {
        Some(dst) if dev_ok && dst.family != AF_UNSPEC => {
            header.family = dst.family;
            Ok((header, dst, dev))
        }
        _ => Err(NeighborError::DeviceAndAddress.into()),
    }
}

/// The address after `proxy`, as ip's modify and get both read it: `help`
/// prints the usage, and a second address is a duplicate.
fn proxy_address(value: &str, have_address: bool, family: u8) -> Result<inet::Prefix> {
    if matches(value, "help") {
        return Err(Error::Usage(USAGE));
    }
    if have_address {
        return Err(Error::DuplicateArgument {
            key: "address".into(),
            arg: value.to_string(),
        });
    }
    inet::get_addr(value, family)
}

/// ip's `ipneigh_get`.
fn get(ctx: &mut Context, args: &[String]) -> Result<()> {
    let (mut header, dst, dev) = get_request(args, preferred_family(ctx))?;
    if let Some(dev) = &dev {
        header.ifindex = device_index(ctx, dev)?;
    }
    let request = get_message(&header, &dst);
    let mut answer: Option<(u16, Vec<u8>)> = None;
    ctx.raw()?
        .talk(request, |msg| {
            if answer.is_none() {
                answer = Some((msg.msg_type, msg.payload.to_vec()));
            }
        })
        .map_err(|refusal| Error::Kernel(refusal.error))?;
    let Some((msg_type, payload)) = answer else {
        return Ok(());
    };
    let filter = Filter::everything();
    if let Some(neigh) = Neighbor::parse(&payload).filter(|n| filter.accepts(n)) {
        let style = style(ctx, false);
        // ip prints text even under -j; rnet's -json-all prints an object.
        let alone = ctx.options.json_all;
        print_entry(
            &mut ctx.out,
            &mut Devices::default(),
            msg_type,
            &neigh,
            style,
            alone,
        );
    }
    Ok(())
}

/// The entry `plan` names, as the kernel has it (for -idempotent).
pub(crate) fn lookup(ctx: &mut Context, plan: &Plan, ifindex: i32) -> Result<Option<Vec<u8>>> {
    let header = NdMsg {
        family: plan.header.family,
        ifindex,
        flags: plan.header.flags & NTF_PROXY,
        ..NdMsg::default()
    };
    let request = get_message(&header, &plan.dst);
    let mut answer = None;
    match ctx.raw()?.talk(request, |msg| {
        if answer.is_none() && msg.msg_type == RTM_NEWNEIGH {
            answer = Some(msg.payload.to_vec());
        }
    }) {
        Ok(_) => Ok(answer),
        Err(_) => Ok(None),
    }
}

#[cfg(test)]
mod device_tests {
    use super::*;

    #[test]
    fn a_device_missing_from_the_first_reading_is_asked_on_the_spare_socket() {
        // Index 1 is the loopback of whatever namespace the test runs in;
        // the lookup only reads.
        let mut devices = Devices::default();
        assert_eq!(devices.get(1), (&b"lo"[..], 772));
        assert!(devices.spare.is_some());
        assert_eq!(devices.get(0), (&b"*"[..], 0));
        let missing = i32::MAX - 7;
        let expected = format!("if{missing}");
        assert_eq!(devices.get(missing), (expected.as_bytes(), 0));
    }
}
