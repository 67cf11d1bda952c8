//! `ip monitor`: the kernel's change events (or a saved dump of messages,
//! `file FILE`), each printed by its object's printer from the registry,
//! after ip's headers (`-t`/`-ts` timestamps, `[LINK]`-style labels).
//!
//! Link names are kept as ip keeps its `ll_map`: a dump at the start, then
//! every link event; a name still unknown is asked of the kernel before the
//! event is printed, so the printers never ask it themselves.
//!
//! Beyond ip, `-json-all monitor` writes one JSON object per event and line
//! (the fields of the object's `-j show` plus `event`, `object`, `nsid`),
//! flushed per event.

pub mod errors;
mod stats;
mod stop;

use std::io::Read;
use std::ops::ControlFlow;

use errors::MonitorError;
use stop::StopSignals;

use crate::context::Context;
use crate::error::{Error, Result, SubjectError};
use crate::grammar::options::family_number;
use crate::grammar::options::Family;
use crate::grammar::tree::{kw, Keyword, Usage};
use crate::grammar::{matches, next_arg};
use crate::kernel::attrs::Attrs;
use crate::kernel::raw::{RawSocket, NLMSG_DONE, NLMSG_ERROR, NLMSG_NOOP};
use crate::model::link::{Link, IFLA_LINK, IFLA_MASTER};
use crate::objects::device;
use crate::output::{KnownLink, Names, PrintMessage, Printer};

/// `ip netconf` sub-commands (ip/ipnetconf.c `do_ipnetconf`), in matching
/// order.
/// `ip monitor`'s objects and options (any number, in any order).
pub(crate) const COMMANDS: &[Keyword] = &[
    kw("all", "every object, labelled"),
    kw("link", "network devices"),
    kw("address", "protocol addresses"),
    kw("route", "routes"),
    kw("mroute", "multicast routes"),
    kw("prefix", "IPv6 prefixes from router advertisements"),
    kw("neigh", "ARP and NDISC cache entries"),
    kw("netconf", "forwarding settings"),
    kw("rule", "routing policy rules"),
    kw("nsid", "namespace ids"),
    kw("nexthop", "nexthop objects"),
    kw("label", "prefix each event with its object"),
    kw("dev", "only events of one device"),
    kw("file", "print a saved dump of messages"),
    kw("help", "print the usage"),
];

/// `monitor help`: ip's usage text, with the program's name where ip has `ip monitor`.
pub(crate) const USAGE: Usage = Usage::object(include_str!("usage.txt"), "ip monitor ");

const RTM_NEWLINK: u16 = 16;
const RTM_DELLINK: u16 = 17;
const RTM_NEWADDR: u16 = 20;
const RTM_DELADDR: u16 = 21;
const RTM_NEWROUTE: u16 = 24;
const RTM_DELROUTE: u16 = 25;
const RTM_NEWNEIGH: u16 = 28;
const RTM_DELNEIGH: u16 = 29;
const RTM_GETNEIGH: u16 = 30;
const RTM_NEWRULE: u16 = 32;
const RTM_DELRULE: u16 = 33;
const RTM_NEWPREFIX: u16 = 52;
const RTM_NEWNETCONF: u16 = 80;
const RTM_DELNETCONF: u16 = 81;
const RTM_NEWSTATS: u16 = 92;
const RTM_NEWNSID: u16 = 88;
const RTM_DELNSID: u16 = 89;
const RTM_NEWNEXTHOP: u16 = 104;
const RTM_DELNEXTHOP: u16 = 105;
const RTM_NEWNEXTHOPBUCKET: u16 = 116;
const RTM_DELNEXTHOPBUCKET: u16 = 117;

const RTM_F_CLONED: u32 = 0x200;
const RTNL_FAMILY_IPMR: u8 = 128;
const RTNL_FAMILY_IP6MR: u8 = 129;
const RTA_OIF: u16 = 4;
const RTA_IIF: u16 = 3;
const NHA_OIF: u16 = 5;
const NHA_ID: u16 = 1;
const RTA_NH_ID: u16 = 30;

/// The objects of the command line (ip's IPMON_L* bits).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Watched {
    Link,
    Address,
    Route,
    Mroute,
    Prefix,
    Neigh,
    Netconf,
    Rule,
    Nsid,
    Nexthop,
    Stats,
}

/// What the command line asked for.
#[derive(Debug, Default)]
struct Request {
    file: Option<String>,
    label: bool,
    watched: Vec<Watched>,
    ifindex: i32,
    all_nsid: bool,
}

/// ip's first-match order of monitor's words.
const WORDS: [(&str, Watched); 10] = [
    ("link", Watched::Link),
    ("address", Watched::Address),
    ("route", Watched::Route),
    ("mroute", Watched::Mroute),
    ("prefix", Watched::Prefix),
    ("neigh", Watched::Neigh),
    ("netconf", Watched::Netconf),
    ("rule", Watched::Rule),
    ("nsid", Watched::Nsid),
    ("nexthop", Watched::Nexthop),
];

fn parse(ctx: &mut Context, args: &[String]) -> Result<Request> {
    let mut request = Request::default();
    let mut words = args.iter();
    while let Some(word) = words.next() {
        if matches(word, "file") {
            request.file = Some(next_arg(&mut words)?.clone());
        } else if matches(word, "label") {
            request.label = true;
        } else if let Some((_, watched)) = WORDS.iter().find(|(name, _)| matches(word, name)) {
            request.watched.push(*watched);
        } else if word == "stats" {
            request.watched.push(Watched::Stats);
        } else if word == "all" {
            request.label = true;
        } else if matches(word, "all-nsid") {
            request.all_nsid = true;
        } else if matches(word, "help") {
            return Err(Error::Usage(USAGE));
        } else if word == "dev" {
            let name = next_arg(&mut words)?;
            request.ifindex = device::index_of(ctx, name)?;
            if request.ifindex == 0 {
                return Err(Error::InvalidArgument {
                    arg: name.clone(),
                    reason: "Device does not exist\n".into(),
                });
            }
        } else {
            return Err(MonitorError::UnknownArgument(word.clone()).into());
        }
    }
    Ok(request)
}

/// The RTNLGRP_* groups ip joins for `watched` (all objects when none)
/// under the `-4`/`-6`/`-M` family.
fn groups(watched: &[Watched], family: Family) -> Vec<u32> {
    let all = watched.is_empty();
    let wants = |object| all || watched.contains(&object);
    let inet = matches!(family, Family::Unspec | Family::Inet);
    let inet6 = matches!(family, Family::Unspec | Family::Inet6);
    let mpls = matches!(family, Family::Unspec | Family::Mpls);
    let mut groups = Vec::new();
    let mut add = |wanted: bool, group: u32| {
        if wanted {
            groups.push(group);
        }
    };
    add(wants(Watched::Link), 1);
    add(wants(Watched::Address) && inet, 5);
    add(wants(Watched::Address) && inet6, 9);
    add(wants(Watched::Route) && inet, 7);
    add(wants(Watched::Route) && inet6, 11);
    add(wants(Watched::Route) && mpls, 27);
    add(wants(Watched::Mroute) && inet, 6);
    add(wants(Watched::Mroute) && inet6, 10);
    add(wants(Watched::Prefix) && inet6, 18);
    add(wants(Watched::Neigh), 3);
    add(wants(Watched::Netconf) && inet, 24);
    add(wants(Watched::Netconf) && inet6, 25);
    add(wants(Watched::Netconf) && mpls, 29);
    add(wants(Watched::Rule) && inet, 8);
    add(wants(Watched::Rule) && inet6, 19);
    add(wants(Watched::Nsid), 28);
    add(wants(Watched::Nexthop), 32);
    groups
}

/// RTNLGRP_STATS, which ip joins apart from the others: a kernel without
/// it is an error only when `stats` was asked for by name.
const RTNLGRP_STATS: u32 = 36;

pub fn run(ctx: &mut Context, args: &[String]) -> Result<()> {
    let request = parse(ctx, args)?;
    // ip dies of SIGPIPE when its reader goes away; so does rnet here.
    // SAFETY: restoring the default disposition of one signal.
    unsafe {
        nix::libc::signal(nix::libc::SIGPIPE, nix::libc::SIG_DFL);
    }
    let mut monitor = Monitor {
        names: Names {
            options: ctx.options.clone(),
            device_selected: request.ifindex != 0,
            ..Names::default()
        },
        label: request.label,
        ifindex: request.ifindex,
        live: false,
        all_nsid: request.all_nsid,
        nsid: None,
        borrowed: Vec::new(),
    };
    if let Some(file) = &request.file {
        return monitor.replay(ctx, file);
    }
    let rcvbuf = ctx.options.rcvbuf.map_or(1024 * 1024, |size| size as usize);
    let io_error = |err: std::io::Error| {
        Error::from(MonitorError::Receive(
            err.raw_os_error().unwrap_or(nix::libc::EIO),
        ))
    };
    let mut socket = RawSocket::open(rcvbuf, false).map_err(io_error)?;
    socket
        .subscribe(&groups(&request.watched, ctx.options.family))
        .map_err(io_error)?;
    let stats_named = request.watched.contains(&Watched::Stats);
    if stats_named || request.watched.is_empty() {
        let joined = socket.subscribe(&[RTNLGRP_STATS]);
        if joined.is_err() && stats_named {
            return Err(MonitorError::GroupRefused("stats").into());
        }
    }
    if request.all_nsid {
        socket.listen_all_nsid().map_err(|err| {
            Error::from(MonitorError::ListenAllNsid(
                err.raw_os_error().unwrap_or(nix::libc::EIO),
            ))
        })?;
    }
    monitor.live = true;
    monitor.learn_links(ctx)?;
    if let Ok(nsids) = ctx.nsid_names() {
        monitor.names.nsids = nsids
            .pairs()
            .map(|(id, name)| (id, name.as_encoded_bytes().to_vec()))
            .collect();
    }
    let stop = StopSignals::catch().map_err(|err| io_error(err.into()))?;
    loop {
        let mut failure = None;
        let all_nsid = request.all_nsid;
        let read = socket.receive_events_until_stopped(stop.fd(), |nsid, message| {
            // Only `all-nsid` asks for the control messages that name
            // namespaces.
            monitor.nsid = nsid.filter(|_| all_nsid);
            match monitor.accept(ctx, message.msg_type, message.flags, message.payload) {
                Ok(()) => ControlFlow::Continue(()),
                Err(error) => {
                    failure = Some(error);
                    ControlFlow::Break(())
                }
            }
        });
        if let Some(error) = failure {
            return Err(error);
        }
        match read {
            Ok(true) => {
                ctx.out.flush();
                stop.die();
            }
            Ok(false) => {}
            Err(err) => {
                let errno = err.raw_os_error().unwrap_or(nix::libc::EIO);
                if errno != nix::libc::ENOBUFS {
                    return Err(MonitorError::Receive(errno).into());
                }
                // ip reports lost events and goes on.
                ctx.out.flush();
                let lost = MonitorError::Receive(errno).message("").unwrap_or_default();
                eprintln!("{lost}");
            }
        }
    }
}

struct Monitor {
    names: Names,
    label: bool,
    ifindex: i32,
    /// Listening to the kernel (which may be asked for unknown names),
    /// rather than replaying a file.
    live: bool,
    /// `all-nsid`: events of every namespace with an nsid here, each
    /// headed by the namespace it came from.
    all_nsid: bool,
    /// The nsid of the namespace the current event came from, when the
    /// kernel said (`all-nsid`; none for this namespace's own events).
    nsid: Option<i32>,
    /// Links named for one replayed event only (`look_up_by_ioctl`),
    /// forgotten after it.
    borrowed: Vec<i32>,
}

/// One event's object: its label, registry object and printer.
struct Kind {
    label: &'static str,
    object: &'static str,
    printer: Option<PrintMessage>,
}

/// The printer the registry holds for `object`.
fn registered(object: &'static str) -> Option<PrintMessage> {
    crate::registry::find(object).and_then(|entry| entry.printer)
}

fn kind(label: &'static str, object: &'static str) -> Kind {
    Kind {
        label,
        object,
        printer: registered(object),
    }
}

impl Monitor {
    /// ip's `ll_init_map`: every link's name, flags and type.
    fn learn_links(&mut self, ctx: &mut Context) -> Result<()> {
        let mut known = Vec::new();
        let filter = crate::kernel::link::DumpFilter::default();
        crate::kernel::link::dump(ctx.raw()?, &filter, |link| known.push(link))
            .map_err(|refusal| Error::Kernel(refusal.error))?;
        for link in &known {
            self.remember(link);
        }
        Ok(())
    }

    fn remember(&mut self, link: &Link) {
        self.names.links.insert(
            link.info.index,
            KnownLink {
                name: link.name().to_vec(),
                flags: link.info.flags,
                link_type: link.info.link_type,
            },
        );
    }

    /// ip's `ll_index_to_name` misses, answered before printing: the
    /// kernel is asked for each link an event names that is not known.
    fn look_up(&mut self, ctx: &mut Context, indexes: &[i32]) -> Result<()> {
        if !self.live {
            self.look_up_by_ioctl(indexes);
            return Ok(());
        }
        for &index in indexes {
            if index <= 0 || self.names.links.contains_key(&index) {
                continue;
            }
            let found = crate::kernel::link::get(ctx.raw()?, None, index, 0, 0);
            if let Ok(Some(link)) = found {
                self.remember(&link);
            }
        }
        Ok(())
    }

    /// A file is read with ip's netlink socket closed, so a link the file
    /// has not named is named by `if_indextoname` in this namespace, for
    /// this event only (ip keeps no such name).
    fn look_up_by_ioctl(&mut self, indexes: &[i32]) {
        // Those of an event that returned before printing.
        self.forget_borrowed();
        for &index in indexes {
            if index <= 0 || self.names.links.contains_key(&index) {
                continue;
            }
            let mut buffer = [0u8; nix::libc::IF_NAMESIZE];
            // SAFETY: if_indextoname writes at most IF_NAMESIZE bytes,
            // NUL included, into the buffer.
            let found =
                unsafe { nix::libc::if_indextoname(index as u32, buffer.as_mut_ptr().cast()) };
            if found.is_null() {
                continue;
            }
            let name = crate::kernel::attrs::cstr(&buffer).to_vec();
            self.names.links.insert(
                index,
                KnownLink {
                    name,
                    ..KnownLink::default()
                },
            );
            self.borrowed.push(index);
        }
    }

    /// Drops the names `look_up_by_ioctl` lent to one event.
    fn forget_borrowed(&mut self) {
        for index in self.borrowed.drain(..) {
            self.names.links.remove(&index);
        }
    }

    /// ip's `accept_msg`: one message, printed with its headers.
    fn accept(
        &mut self,
        ctx: &mut Context,
        msg_type: u16,
        flags: u16,
        payload: &[u8],
    ) -> Result<()> {
        let family = payload.first().copied().unwrap_or(0);
        let kind = match msg_type {
            RTM_NEWROUTE | RTM_DELROUTE => {
                if payload.len() < 12 {
                    self.flush(ctx);
                    let text = format!("BUG: wrong nlmsg len {}", payload.len() as i64 - 12);
                    return Err(if self.live {
                        MonitorError::ListenEnded(text)
                    } else {
                        MonitorError::BadFile(text)
                    }
                    .into());
                }
                let route_flags =
                    u32::from_ne_bytes([payload[8], payload[9], payload[10], payload[11]]);
                if route_flags & RTM_F_CLONED != 0 {
                    return Ok(());
                }
                if family == RTNL_FAMILY_IPMR || family == RTNL_FAMILY_IP6MR {
                    kind("[MROUTE]", "mroute")
                } else {
                    kind("[ROUTE]", "route")
                }
            }
            RTM_NEWNEXTHOP | RTM_DELNEXTHOP => kind("[NEXTHOP]", "nexthop"),
            RTM_NEWNEXTHOPBUCKET | RTM_DELNEXTHOPBUCKET => kind("[NEXTHOPBUCKET]", "nexthop"),
            RTM_NEWLINK | RTM_DELLINK => {
                self.remember_event(msg_type, payload);
                kind("[LINK]", "link")
            }
            RTM_NEWADDR | RTM_DELADDR => kind("[ADDR]", "address"),
            RTM_NEWNEIGH | RTM_DELNEIGH | RTM_GETNEIGH => {
                let wanted = family_number(ctx.options.family);
                if wanted != 0 && wanted != family {
                    return Ok(());
                }
                kind("[NEIGH]", "neighbor")
            }
            RTM_NEWPREFIX => Kind {
                label: "[PREFIX]",
                object: "prefix",
                printer: Some(crate::output::prefix::print_message),
            },
            RTM_NEWRULE | RTM_DELRULE => kind("[RULE]", "rule"),
            RTM_NEWNETCONF | RTM_DELNETCONF => kind("[NETCONF]", "netconf"),
            RTM_NEWNSID | RTM_DELNSID => kind("[NSID]", "netns"),
            RTM_NEWSTATS => Kind {
                label: "[STATS]",
                object: "stats",
                printer: Some(stats::print_message),
            },
            NLMSG_ERROR | NLMSG_NOOP | NLMSG_DONE => return Ok(()),
            _ => {
                self.flush(ctx);
                let len = payload.len() + 16;
                eprintln!(
                    "Unknown message: type=0x{msg_type:08x}({msg_type}) \
                     flags=0x{flags:08x}({flags}) len=0x{len:08x}({len})"
                );
                return Ok(());
            }
        };
        if !self.passes_device_filter(msg_type, payload) {
            return Ok(());
        }
        let mut indexes = referenced_links(msg_type, payload);
        if let Some(nexthop) = self.route_nexthop(ctx, msg_type, payload)? {
            indexes.extend(
                crate::objects::route::print::nexthop_oif(&nexthop).map(|index| index as i32),
            );
        }
        self.look_up(ctx, &indexes)?;
        let Some(printer) = kind.printer else {
            return Ok(());
        };
        let nsid = match msg_type {
            RTM_NEWNSID | RTM_DELNSID => self.learn_nsid(ctx, msg_type, payload)?,
            _ => None,
        };
        // ip's monitor resets the link printer's filter
        // (`ipaddr_reset_filter`), so `-4`/`-6`/`-0` never change how a
        // link event is printed (its `link/ether` line stays).
        let family = match msg_type {
            RTM_NEWLINK | RTM_DELLINK => {
                std::mem::replace(&mut self.names.options.family, Family::Unspec)
            }
            _ => self.names.options.family,
        };
        if ctx.options.json_all {
            self.print_json(&mut ctx.out, &kind, msg_type, payload, printer);
        } else {
            self.print_headers(&mut ctx.out, kind.label);
            printer(&mut ctx.out, msg_type, payload, &self.names);
        }
        self.names.options.family = family;
        ctx.out.flush();
        // ip forgets a namespace's name once an event printed it.
        if let Some(known) = nsid {
            self.names.nsids.remove(&known);
        }
        self.forget_borrowed();
        self.cache_nexthop(msg_type, payload);
        Ok(())
    }

    /// ip's nexthop cache after a nexthop event: kept when new, dropped
    /// when deleted.
    fn cache_nexthop(&mut self, msg_type: u16, payload: &[u8]) {
        if msg_type != RTM_NEWNEXTHOP && msg_type != RTM_DELNEXTHOP {
            return;
        }
        let Some(id) = Attrs::parse(payload.get(8..).unwrap_or(&[]), 20).u32(NHA_ID) else {
            return;
        };
        if msg_type == RTM_NEWNEXTHOP {
            self.names.nexthops.insert(id, payload.to_vec());
        } else {
            self.names.nexthops.remove(&id);
        }
    }

    /// With `-d`, the nexthop object a route event names (RTA_NH_ID), from
    /// the cache or, live, asked of the kernel as ip's cache does.
    fn route_nexthop(
        &mut self,
        ctx: &mut Context,
        msg_type: u16,
        payload: &[u8],
    ) -> Result<Option<Vec<u8>>> {
        if self.names.options.details == 0 || (msg_type != RTM_NEWROUTE && msg_type != RTM_DELROUTE)
        {
            return Ok(None);
        }
        let Some(id) = Attrs::parse(payload.get(12..).unwrap_or(&[]), 30).u32(RTA_NH_ID) else {
            return Ok(None);
        };
        if !self.names.nexthops.contains_key(&id) && self.live {
            let found =
                crate::objects::route::list::nexthop_objects(ctx, std::iter::once(payload))?;
            self.names.nexthops.extend(found);
        }
        Ok(self.names.nexthops.get(&id).cloned())
    }

    /// ip's nsid cache around `print_nsid`: the nsid the event names (its
    /// current-nsid, else its nsid) when already known, so it is forgotten
    /// after printing; an unknown one of a new nsid is looked up among the
    /// named namespaces and kept.
    fn learn_nsid(
        &mut self,
        ctx: &mut Context,
        msg_type: u16,
        payload: &[u8],
    ) -> Result<Option<i32>> {
        let attrs = Attrs::parse(payload.get(4..).unwrap_or(&[]), 10);
        let Some(nsid) = attrs.i32(1) else {
            return Ok(None);
        };
        let key = attrs.i32(5).unwrap_or(nsid);
        if self.names.nsids.contains_key(&key) {
            return Ok(Some(key));
        }
        if msg_type == RTM_NEWNSID {
            if let Some(name) = crate::objects::netns::name_of_nsid(ctx, nsid)? {
                self.names
                    .nsids
                    .insert(nsid, name.as_encoded_bytes().to_vec());
            }
        }
        Ok(None)
    }

    fn flush(&self, ctx: &mut Context) {
        ctx.out.flush();
    }

    /// ip's `ll_remember_index`, before the link is printed.
    fn remember_event(&mut self, msg_type: u16, payload: &[u8]) {
        let Some(link) = Link::from_payload(msg_type, payload) else {
            return;
        };
        if msg_type == RTM_DELLINK {
            self.names.links.remove(&link.info.index);
        } else if let Some(known) = self.names.links.get_mut(&link.info.index) {
            // ip's ll_entry_update keeps the old name of a renamed link.
            known.flags = link.info.flags;
        } else if !link.name().is_empty() {
            self.remember(&link);
        }
    }

    /// ip's `dev DEVICE`: the device filters of the printers it resets
    /// (link, address, route's oif, neighbor, netconf, mroute's iif).
    fn passes_device_filter(&self, msg_type: u16, payload: &[u8]) -> bool {
        if self.ifindex == 0 {
            return true;
        }
        let at = |offset: usize| {
            payload
                .get(offset..offset + 4)
                .map(|b| i32::from_ne_bytes([b[0], b[1], b[2], b[3]]))
        };
        let attr = |header: usize, kind: u16, max: u16| {
            payload
                .get(header..)
                .and_then(|rest| Attrs::parse(rest, max).i32(kind))
        };
        let index = match msg_type {
            RTM_NEWLINK | RTM_DELLINK => at(4),
            RTM_NEWADDR | RTM_DELADDR => at(4),
            RTM_NEWNEIGH | RTM_DELNEIGH | RTM_GETNEIGH => at(4),
            RTM_NEWROUTE | RTM_DELROUTE => {
                let family = payload.first().copied().unwrap_or(0);
                if family == RTNL_FAMILY_IPMR || family == RTNL_FAMILY_IP6MR {
                    attr(12, RTA_IIF, 30)
                } else {
                    Some(attr(12, RTA_OIF, 30).unwrap_or(0))
                }
            }
            RTM_NEWNETCONF | RTM_DELNETCONF => attr(4, 1, 10),
            _ => return true,
        };
        index.is_none_or(|index| index == self.ifindex)
    }

    /// ip's `print_headers`: the timestamp and the label.
    fn print_headers(&self, p: &mut Printer, label: &str) {
        let options = &self.names.options;
        if options.timestamp > 0 {
            p.raw(timestamp(options.timestamp_short > 0));
        }
        if self.all_nsid {
            match self.nsid.filter(|nsid| *nsid >= 0) {
                Some(nsid) => p.raw(format!("[nsid {nsid}]")),
                None => p.raw("[nsid current]"),
            }
        }
        if self.label {
            p.raw(label);
        }
    }

    /// rnet's `-json-all`: the event as one JSON object on its own line,
    /// the printer's fields merged into it.
    fn print_json(
        &self,
        p: &mut Printer,
        kind: &Kind,
        msg_type: u16,
        payload: &[u8],
        printer: PrintMessage,
    ) {
        let deleted = matches!(
            msg_type,
            RTM_DELLINK
                | RTM_DELADDR
                | RTM_DELROUTE
                | RTM_DELNEIGH
                | RTM_DELRULE
                | RTM_DELNETCONF
                | RTM_DELNSID
                | RTM_DELNEXTHOP
                | RTM_DELNEXTHOPBUCKET
        );
        let object = match kind.object {
            "neighbor" => "neigh",
            "netns" => "nsid",
            "nexthop" if msg_type >= RTM_NEWNEXTHOPBUCKET => "nexthop_bucket",
            other => other,
        };
        p.begin_object_document();
        p.string(
            crate::output::Kind::Json,
            Some("event"),
            "",
            if deleted { "deleted" } else { "new" },
        );
        p.string(crate::output::Kind::Json, Some("object"), "", object);
        if let Some(nsid) = self.nsid.filter(|nsid| *nsid >= 0) {
            p.int(crate::output::Kind::Json, Some("source_nsid"), "", nsid);
        }
        p.merge_next_object();
        printer(p, msg_type, payload, &self.names);
        p.end_object_document();
    }
}

/// The link indexes a message names, which ip looks up while printing.
fn referenced_links(msg_type: u16, payload: &[u8]) -> Vec<i32> {
    let at = |offset: usize| {
        payload
            .get(offset..offset + 4)
            .map(|b| i32::from_ne_bytes([b[0], b[1], b[2], b[3]]))
    };
    let attrs = |header: usize, max: u16| Attrs::parse(payload.get(header..).unwrap_or(&[]), max);
    let mut indexes = Vec::new();
    match msg_type {
        RTM_NEWLINK | RTM_DELLINK => {
            let attrs = attrs(16, 70);
            indexes.extend(attrs.i32(IFLA_LINK));
            indexes.extend(attrs.i32(IFLA_MASTER));
        }
        RTM_NEWADDR | RTM_DELADDR | RTM_NEWNEIGH | RTM_DELNEIGH | RTM_GETNEIGH | RTM_NEWPREFIX => {
            indexes.extend(at(4));
        }
        RTM_NEWROUTE | RTM_DELROUTE => {
            let attrs = attrs(12, 30);
            indexes.extend(attrs.i32(RTA_OIF));
            indexes.extend(attrs.i32(RTA_IIF));
        }
        RTM_NEWNEXTHOP | RTM_DELNEXTHOP => indexes.extend(attrs(8, 20).i32(NHA_OIF)),
        RTM_NEWNETCONF | RTM_DELNETCONF => indexes.extend(attrs(4, 10).i32(1)),
        RTM_NEWSTATS => indexes.extend(at(4)),
        _ => {}
    }
    indexes
}

/// ip's `print_timestamp`: `Timestamp: <asctime> N usec` on a line of its
/// own, or with `-ts` `[YYYY-MM-DDTHH:MM:SS.uuuuuu] ` before the event.
fn timestamp(short: bool) -> String {
    let mut now = nix::libc::timeval {
        tv_sec: 0,
        tv_usec: 0,
    };
    // SAFETY: gettimeofday and localtime_r write into the given structs;
    // strftime writes at most the buffer's size.
    unsafe {
        nix::libc::gettimeofday(&mut now, std::ptr::null_mut());
        let mut tm: nix::libc::tm = std::mem::zeroed();
        nix::libc::localtime_r(&now.tv_sec, &mut tm);
        let mut buf = [0u8; 64];
        let format: &[u8] = if short {
            b"%Y-%m-%dT%H:%M:%S\0"
        } else {
            b"%a %b %e %H:%M:%S %Y\0"
        };
        let len = nix::libc::strftime(
            buf.as_mut_ptr().cast(),
            buf.len(),
            format.as_ptr().cast(),
            &tm,
        );
        let text = String::from_utf8_lossy(&buf[..len]);
        if short {
            format!("[{text}.{:06}] ", now.tv_usec)
        } else {
            format!("Timestamp: {text} {} usec\n", now.tv_usec)
        }
    }
}

impl Monitor {
    /// `file FILE`: ip's `rtnl_from_file`, every message printed as an
    /// event.
    fn replay(&mut self, ctx: &mut Context, file: &str) -> Result<()> {
        let mut bytes = Vec::new();
        std::fs::File::open(file)
            .and_then(|mut f| f.read_to_end(&mut bytes))
            .map_err(|err| {
                MonitorError::CannotOpen(err.raw_os_error().unwrap_or(nix::libc::EIO))
            })?;
        let mut rest = &bytes[..];
        let mut offset = 0usize;
        while !rest.is_empty() {
            let Some(header) = rest.get(..16) else {
                return Err(truncated());
            };
            let len = u32::from_ne_bytes([header[0], header[1], header[2], header[3]]) as usize;
            let msg_type = u16::from_ne_bytes([header[4], header[5]]);
            let flags = u16::from_ne_bytes([header[6], header[7]]);
            if !(16..=16384).contains(&len) {
                self.flush(ctx);
                return Err(MonitorError::BadFile(format!(
                    "!!!malformed message: len={} @{}",
                    len as i32,
                    offset + 16
                ))
                .into());
            }
            let body = crate::kernel::attrs::align4(len - 16);
            let Some(payload) = rest.get(16..16 + body) else {
                return Err(truncated());
            };
            self.accept(ctx, msg_type, flags, &payload[..len - 16])?;
            rest = &rest[16 + body..];
            offset += 16 + body;
        }
        Ok(())
    }
}

fn truncated() -> Error {
    MonitorError::BadFile("rtnl-from_file: truncated message".into()).into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_follow_objects_and_family() {
        assert_eq!(groups(&[Watched::Link], Family::Unspec), [1]);
        assert_eq!(groups(&[Watched::Route], Family::Inet6), [11]);
        assert_eq!(groups(&[Watched::Address], Family::Inet), [5]);
        let all = groups(&[], Family::Unspec);
        assert_eq!(all.len(), 17);
        assert!(all.contains(&32) && all.contains(&28));
    }

    #[test]
    fn device_filter_reads_each_object_index() {
        let monitor = Monitor {
            names: Names::default(),
            label: false,
            ifindex: 3,
            live: false,
            all_nsid: false,
            nsid: None,
            borrowed: Vec::new(),
        };
        let mut addr = vec![2, 24, 0, 0];
        addr.extend(3u32.to_ne_bytes());
        assert!(monitor.passes_device_filter(RTM_NEWADDR, &addr));
        addr[4] = 4;
        assert!(!monitor.passes_device_filter(RTM_NEWADDR, &addr));
        // A route without RTA_OIF has oif 0, which `dev` filters out.
        assert!(!monitor.passes_device_filter(RTM_NEWROUTE, &[2; 12]));
        assert!(monitor.passes_device_filter(RTM_NEWRULE, &[2; 12]));
    }
}
