//! `ip route list|flush|save|restore|showdump` (iproute.c
//! `iproute_list_flush_or_save`, `iproute_restore`, `iproute_showdump`).
//!
//! One selector parser and one filter (ip's `filter_nlmsg`, masks and all)
//! serve listing, flushing and saving. The kernel is asked for a strict dump
//! filtered by table, device, protocol and the cloned flag, as ip asks;
//! everything else is filtered here. The printer is `route/print.rs`; what
//! the selectors fixed is left out of each line, as ip does.

use std::sync::atomic::{AtomicBool, Ordering};

use super::errors::{RouteError, RouteWarning};
use super::request::typed_message;
use crate::context::Context;
use crate::error::{warn, Error, Result, Warning};
use crate::grammar::inet::{
    af_bit_len, get_prefix, prefix_matches, Prefix, AF_BRIDGE, AF_INET, AF_INET6, AF_MPLS,
    AF_PACKET, AF_UNSPEC,
};
use crate::grammar::{get_unsigned, matches, next_arg};
use crate::kernel::attrs::{Attrs, Request};
use crate::kernel::raw::{self, DumpFailed, DUMP_ATTEMPTS, NLM_F_DUMP, NLM_F_REQUEST};
use crate::model::link::{IFLA_INFO_DATA, IFLA_INFO_KIND, IFLA_INFO_MAX, IFLA_LINKINFO};
use crate::model::route::*;
use crate::model::rt_names;
use crate::model::rt_names::scope_number;
use crate::objects::route::print::{
    nexthop_oif, print_nh_info, print_route, Hidden, Lookups, Style,
};
use crate::objects::{device, dumpfile, show};
use crate::output::table;
use netlink_packet_route::route::RouteAttribute;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    List,
    Flush,
    Save,
}

/// ip's magic at the start of an `ip route save` dump.
pub const DUMP_MAGIC: u32 = 0x4531_1224;

/// ip's `filter` of iproute.c: a value and a mask per selector.
#[derive(Debug, Clone, Default)]
pub(super) struct Filter {
    pub table: u32,
    /// 0: only routes that are not cloned; 1: only cloned ones; 2 (`get`):
    /// both.
    pub cloned: u8,
    pub protocol: u8,
    pub protocol_mask: u8,
    pub scope: u8,
    pub scope_mask: u8,
    pub type_mask: u64,
    pub tos: u8,
    pub tos_mask: u8,
    pub iif: u32,
    pub iif_mask: u32,
    pub oif: u32,
    pub oif_mask: u32,
    pub mark: u32,
    pub mark_mask: u32,
    pub realm: u32,
    pub realm_mask: u32,
    pub metric: u32,
    pub metric_mask: u32,
    pub prefsrc: Option<Prefix>,
    pub via: Option<Prefix>,
    /// `root PREFIX` (routes inside it).
    pub root_dst: Option<Prefix>,
    /// `match PREFIX` (routes covering it).
    pub match_dst: Option<Prefix>,
    pub root_src: Option<Prefix>,
    pub match_src: Option<Prefix>,
    /// Deleting: the IPv6 null route of `lo` is never flushed.
    pub flushing: bool,
}

/// ip's `ip6_multiple_tables`: once an IPv6 route outside `main` was seen,
/// IPv6 tables are told apart by number rather than by route type. ip keeps
/// it for the life of the process (a whole batch).
static IP6_MULTIPLE_TABLES: AtomicBool = AtomicBool::new(false);

/// A prefix as the filter compares it: 16 bytes, zero-padded.
fn padded(bytes: &[u8], len: usize) -> [u8; 16] {
    let mut out = [0u8; 16];
    let len = len.min(bytes.len()).min(16);
    out[..len].copy_from_slice(&bytes[..len]);
    out
}

/// ip's `inet_addr_match` over zero-padded addresses.
fn addr_match(address: &[u8; 16], prefix: &Prefix, bits: i32) -> bool {
    prefix_matches(address, &prefix.data, bits)
}

/// Whether a prefix selector takes part (ip: a family, or a length given).
fn active(prefix: &Option<Prefix>) -> Option<&Prefix> {
    prefix
        .as_ref()
        .filter(|p| p.family != AF_UNSPEC || p.prefix_specified)
}

impl Filter {
    /// ip's `filter_nlmsg` for a route payload.
    pub fn accepts(&self, preferred_family: u8, payload: &[u8]) -> bool {
        let Some(r) = Header::parse(payload) else {
            return false;
        };
        let tb = Attrs::parse(&payload[HEADER_LEN..], RTA_MAX);
        let table = tb.u32(RTA_TABLE).unwrap_or(r.table.into());
        let host_len = af_bit_len(r.family);

        if preferred_family != AF_UNSPEC && r.family != preferred_family {
            return false;
        }
        if r.family == AF_INET6 && table != RT_TABLE_MAIN {
            IP6_MULTIPLE_TABLES.store(true, Ordering::Relaxed);
        }
        let cloned = r.flags & RTM_F_CLONED != 0;
        if self.cloned == u8::from(!cloned) {
            return false;
        }
        if r.family == AF_INET6 && !IP6_MULTIPLE_TABLES.load(Ordering::Relaxed) {
            if self.table != 0 {
                let keep = match self.table {
                    RT_TABLE_LOCAL => r.kind == RTN_LOCAL,
                    RT_TABLE_MAIN => r.kind != RTN_LOCAL,
                    _ => false,
                };
                if !keep {
                    return false;
                }
            }
        } else if self.table > 0 && self.table != table {
            return false;
        }
        if (self.protocol ^ r.protocol) & self.protocol_mask != 0 {
            return false;
        }
        if (self.scope ^ r.scope) & self.scope_mask != 0 {
            return false;
        }
        if self.type_mask != 0 && self.type_mask & (1u64 << (r.kind & 63)) == 0 {
            return false;
        }
        if (self.tos ^ r.tos) & self.tos_mask != 0 {
            return false;
        }
        let dst_len = i32::from(r.dst_len);
        let src_len = i32::from(r.src_len);
        for (root, len) in [(&self.root_dst, dst_len), (&self.root_src, src_len)] {
            if let Some(root) = active(root) {
                if (root.family != AF_UNSPEC && r.family != root.family) || root.bitlen > len {
                    return false;
                }
            }
        }
        for (within, len) in [(&self.match_dst, dst_len), (&self.match_src, src_len)] {
            if let Some(within) = active(within) {
                if (within.family != AF_UNSPEC && r.family != within.family)
                    || (within.bitlen >= 0 && within.bitlen < len)
                {
                    return false;
                }
            }
        }
        if let Some(via) = self.via.as_ref().filter(|p| p.family != AF_UNSPEC) {
            let family = tb
                .get(RTA_VIA)
                .and_then(|v| v.get(..2))
                .map_or(r.family, |v| u16::from_ne_bytes([v[0], v[1]]) as u8);
            if family != via.family {
                return false;
            }
        }
        if let Some(prefsrc) = self.prefsrc.as_ref().filter(|p| p.family != AF_UNSPEC) {
            if r.family != prefsrc.family {
                return false;
            }
        }

        let dst = padded(
            tb.get(RTA_DST).unwrap_or_default(),
            usize::from(r.dst_len).div_ceil(8),
        );
        let src = padded(
            tb.get(RTA_SRC).unwrap_or_default(),
            usize::from(r.src_len).div_ceil(8),
        );
        let host_bytes = (host_len / 8) as usize;
        if let Some(root) = active(&self.root_dst) {
            if !addr_match(&dst, root, root.bitlen) {
                return false;
            }
        }
        if let Some(within) = active(&self.match_dst) {
            if !addr_match(&dst, within, dst_len) {
                return false;
            }
        }
        if let Some(root) = active(&self.root_src) {
            if !addr_match(&src, root, root.bitlen) {
                return false;
            }
        }
        if let Some(within) = active(&self.match_src) {
            if within.bitlen >= 0 && !addr_match(&src, within, src_len) {
                return false;
            }
        }
        if let Some(via) = self.via.as_ref().filter(|p| p.family != AF_UNSPEC) {
            let mut address = [0u8; 16];
            if via.bitlen > 0 {
                if let Some(gateway) = tb.get(RTA_GATEWAY) {
                    address = padded(gateway, host_bytes);
                }
                if let Some(rtvia) = tb.get(RTA_VIA).filter(|v| v.len() >= 2) {
                    address = padded(&rtvia[2..], rtvia.len() - 2);
                }
            }
            if !addr_match(&address, via, via.bitlen) {
                return false;
            }
        }
        if let Some(prefsrc) = self.prefsrc.as_ref().filter(|p| p.family != AF_UNSPEC) {
            let mut address = [0u8; 16];
            if prefsrc.bitlen > 0 {
                if let Some(bytes) = tb.get(RTA_PREFSRC) {
                    address = padded(bytes, host_bytes);
                }
            }
            if !addr_match(&address, prefsrc, prefsrc.bitlen) {
                return false;
            }
        }
        let masked = |kind: u16, value: u32, mask: u32| {
            mask == 0 || (tb.u32(kind).unwrap_or(0) ^ value) & mask == 0
        };
        if !masked(RTA_FLOW, self.realm, self.realm_mask)
            || !masked(RTA_IIF, self.iif, self.iif_mask)
            || !masked(RTA_OIF, self.oif, self.oif_mask)
            || !masked(RTA_MARK, self.mark, self.mark_mask)
            || !masked(RTA_PRIORITY, self.metric, self.metric_mask)
        {
            return false;
        }
        if self.flushing
            && r.family == AF_INET6
            && r.dst_len == 0
            && r.kind == RTN_UNREACHABLE
            && tb.u32(RTA_PRIORITY) == Some(u32::MAX)
        {
            return false;
        }
        true
    }

    /// What a listing leaves out of each line.
    pub fn hidden(&self) -> Hidden {
        Hidden {
            table: self.table != 0,
            tos: self.tos_mask == 0xff,
            dev: self.oif_mask == u32::MAX,
            iif: self.iif_mask == u32::MAX,
            protocol: self.protocol_mask == 0xff,
            scope: self.scope_mask == 0xff,
            metric: self.metric_mask == u32::MAX,
            realms: self.realm_mask == u32::MAX,
            prefsrc_len: self.prefsrc.as_ref().map(|p| p.bitlen),
            via_len: self.via.as_ref().map(|p| p.bitlen),
        }
    }
}

pub(super) fn invalid(arg: &str, reason: &str) -> Error {
    Error::InvalidArgument {
        arg: arg.to_string(),
        reason: reason.to_string(),
    }
}

/// ip's `preferred_family` as a number.
pub(super) fn preferred_family(ctx: &Context) -> u8 {
    show::family_number(ctx.options.family)
}

/// ip's `read_family`.
fn read_family(word: &str) -> u8 {
    match word {
        "inet" => AF_INET,
        "inet6" => AF_INET6,
        "link" => AF_PACKET,
        "mpls" => AF_MPLS,
        "bridge" => AF_BRIDGE,
        _ => AF_UNSPEC,
    }
}

/// ip's `ipvrf_get_table`: the table of a VRF device, `main` for a
/// `default` that is no device, 0 otherwise.
pub(super) fn vrf_table(ctx: &mut Context, name: &str) -> Result<u32> {
    let Some(link) = device::lookup(ctx, name.as_bytes())? else {
        return Ok(if name == "default" { RT_TABLE_MAIN } else { 0 });
    };
    let attrs = link.attrs();
    let Some(info) = attrs.nested(IFLA_LINKINFO, IFLA_INFO_MAX) else {
        return Ok(0);
    };
    if info.str(IFLA_INFO_KIND) != Some(b"vrf".as_slice()) {
        return Ok(0);
    }
    Ok(info
        .nested(IFLA_INFO_DATA, 1)
        .and_then(|data| data.u32(1))
        .unwrap_or(0))
}

/// The selectors of `ip route list|flush|save`, and the family to dump.
fn parse_selectors(ctx: &mut Context, args: &[String]) -> Result<(Filter, u8)> {
    let mut dump_family = preferred_family(ctx);
    let mut filter = Filter {
        table: RT_TABLE_MAIN,
        ..Filter::default()
    };
    let mut iif_name: Option<&String> = None;
    let mut oif_name: Option<&String> = None;
    let mut mark = 0u32;
    let mut words = args.iter();
    while let Some(word) = words.next() {
        let w = word.as_str();
        if matches(w, "table") {
            let value = next_arg(&mut words)?;
            match rt_names::table_number(value) {
                Some(id) => filter.table = id,
                None if value == "all" => filter.table = 0,
                None if value == "cache" => filter.cloned = 1,
                None if value == "help" => return Err(Error::Usage(crate::objects::route::USAGE)),
                None => return Err(invalid(value, "table id value is invalid\n")),
            }
        } else if matches(w, "vrf") {
            let value = next_arg(&mut words)?;
            let id = vrf_table(ctx, value)?;
            if id == 0 {
                return Err(invalid(value, "Invalid VRF\n"));
            }
            filter.table = id;
            // ip's int `~(1 << RTN_LOCAL | 1 << RTN_BROADCAST)`, widened.
            filter.type_mask = !((1u64 << RTN_LOCAL) | (1u64 << RTN_BROADCAST));
        } else if matches(w, "cached") || matches(w, "cloned") {
            filter.cloned = 1;
        } else if w == "tos" || matches(w, "dsfield") {
            let value = next_arg(&mut words)?;
            filter.tos = rt_names::dsfield_number(value)
                .ok_or_else(|| invalid(value, "TOS value is invalid\n"))?;
            filter.tos_mask = 0xff;
        } else if matches(w, "protocol") {
            let value = next_arg(&mut words)?;
            filter.protocol_mask = 0xff;
            match rt_names::protocol_number(value) {
                Some(id) => filter.protocol = id,
                None if value == "all" => {
                    filter.protocol = 0;
                    filter.protocol_mask = 0;
                }
                None => return Err(invalid(value, "invalid \"protocol\"\n")),
            }
        } else if matches(w, "scope") {
            let value = next_arg(&mut words)?;
            filter.scope_mask = 0xff;
            match scope_number(value) {
                Some(id) => filter.scope = id,
                None if value == "all" => {
                    filter.scope = RT_SCOPE_NOWHERE;
                    filter.scope_mask = 0;
                }
                None => return Err(invalid(value, "invalid \"scope\"\n")),
            }
        } else if matches(w, "type") {
            let value = next_arg(&mut words)?;
            let kind = rt_names::route_type_number(value)
                .ok_or_else(|| invalid(value, "node type value is invalid\n"))?;
            // ip's `1 << type` on an int, stored in a 64-bit mask.
            filter.type_mask = i64::from(1i32.wrapping_shl(kind.into())) as u64;
        } else if w == "dev" || w == "oif" {
            oif_name = Some(next_arg(&mut words)?);
        } else if w == "iif" {
            iif_name = Some(next_arg(&mut words)?);
        } else if w == "mark" {
            let value = next_arg(&mut words)?;
            mark = get_unsigned(value).ok_or_else(|| invalid(value, "invalid mark value"))?;
            filter.mark_mask = u32::MAX;
        } else if matches(w, "metric") || matches(w, "priority") || w == "preference" {
            let value = next_arg(&mut words)?;
            filter.metric = rt_names::get_u32(value)
                .ok_or_else(|| invalid(value, "\"metric\" value is invalid\n"))?;
            filter.metric_mask = u32::MAX;
        } else if w == "via" {
            let mut value = next_arg(&mut words)?;
            let mut family = read_family(value);
            if family == AF_UNSPEC {
                family = dump_family;
            } else {
                value = next_arg(&mut words)?;
            }
            filter.via = Some(get_prefix(value, family)?);
        } else if w == "src" {
            let value = next_arg(&mut words)?;
            filter.prefsrc = Some(get_prefix(value, dump_family)?);
        } else if matches(w, "realms") {
            let value = next_arg(&mut words)?;
            let realm =
                rt_names::realms(value).ok_or_else(|| invalid(value, "invalid realms\n"))?;
            filter.realm = realm;
            filter.realm_mask = u32::MAX;
            if realm & 0xffff == 0 && value.ends_with('/') {
                filter.realm_mask &= !0xffff;
            }
            if realm & 0xffff_0000 == 0 && (!value.contains('/') || value.starts_with('/')) {
                filter.realm_mask &= !0xffff_0000;
            }
        } else if matches(w, "from") {
            let first = next_arg(&mut words)?;
            let (root, within) = prefix_selector(&mut words, first, dump_family)?;
            filter.root_src = root;
            filter.match_src = within;
        } else {
            let value = if matches(w, "to") {
                next_arg(&mut words)?
            } else {
                word
            };
            let (root, within) = prefix_selector(&mut words, value, dump_family)?;
            filter.root_dst = root;
            filter.match_dst = within;
        }
    }
    if dump_family == AF_UNSPEC && filter.table != 0 {
        dump_family = AF_INET;
    }
    if let Some(name) = iif_name {
        let index = device::index_of(ctx, name)?;
        if index == 0 {
            return Err(Error::CannotFindDevice(name.clone()));
        }
        filter.iif = index as u32;
        filter.iif_mask = u32::MAX;
    }
    if let Some(name) = oif_name {
        let index = device::index_of(ctx, name)?;
        if index == 0 {
            return Err(Error::CannotFindDevice(name.clone()));
        }
        filter.oif = index as u32;
        filter.oif_mask = u32::MAX;
    }
    filter.mark = mark;
    Ok((filter, dump_family))
}

/// `[root|match|exact] PREFIX` after `to` or `from`: (root, match).
fn prefix_selector<'a>(
    words: &mut std::slice::Iter<'a, String>,
    first: &'a String,
    family: u8,
) -> Result<(Option<Prefix>, Option<Prefix>)> {
    if matches(first, "root") {
        let prefix = get_prefix(next_arg(words)?, family)?;
        return Ok((Some(prefix), None));
    }
    if matches(first, "match") {
        let prefix = get_prefix(next_arg(words)?, family)?;
        return Ok((None, Some(prefix)));
    }
    let value = if matches(first, "exact") {
        next_arg(words)?
    } else {
        first
    };
    let prefix = get_prefix(value, family)?;
    Ok((Some(prefix), Some(prefix)))
}

/// ip's `rtnl_routedump_req` with `iproute_dump_filter`.
fn dump_request(family: u8, filter: &Filter) -> Request {
    let header = Header {
        family,
        protocol: filter.protocol,
        flags: if filter.cloned == 1 { RTM_F_CLONED } else { 0 },
        ..Header::default()
    };
    let mut attributes = Vec::new();
    if filter.table != 0 {
        attributes.push(RouteAttribute::Table(filter.table));
    }
    if filter.oif != 0 {
        attributes.push(RouteAttribute::Oif(filter.oif));
    }
    typed_message(
        RTM_GETROUTE,
        NLM_F_REQUEST | NLM_F_DUMP,
        &header,
        &attributes,
    )
}

/// One message of a dump: type, whole netlink header, payload.
pub(super) struct Dumped {
    pub msg_type: u16,
    pub header: Vec<u8>,
    pub payload: Vec<u8>,
}

/// The route dump for `action`, asked again while interrupted.
fn dump(ctx: &mut Context, family: u8, filter: &Filter, action: Action) -> Result<Vec<Dumped>> {
    let request = dump_request(family, filter);
    let mut messages = Vec::new();
    let dumped = ctx.dump(&request, DUMP_ATTEMPTS, |_, dumped| {
        match dumped {
            raw::Dumped::Again => messages.clear(),
            raw::Dumped::Message(msg) => messages.push(Dumped {
                msg_type: msg.msg_type,
                header: msg.header.to_vec(),
                payload: msg.payload.to_vec(),
            }),
        }
        Ok(())
    });
    match dumped {
        Ok(()) => Ok(messages),
        Err(failed) => {
            dump_failed(failed, filter, action == Action::Flush)?;
            Ok(Vec::new())
        }
    }
}

/// A route dump that ended early. ip's last line of a refusal differs
/// between listing and flushing, and listing and saving (not flushing)
/// take a missing main table for an empty one (ip's
/// `save_route_errhndlr`): `Ok` then.
fn dump_failed(failed: DumpFailed<Error>, filter: &Filter, flushing: bool) -> Result<()> {
    let refusal = match failed {
        DumpFailed::Stopped(error) => return Err(error),
        DumpFailed::Refused(refusal) => refusal,
    };
    if !flushing
        && refusal.in_done
        && refusal.error.errno == nix::libc::ENOENT
        && filter.table == RT_TABLE_MAIN
    {
        return Ok(());
    }
    let error = refusal.dump_error();
    // ip returns -2 from the command: status 2, and a batch goes on.
    let error = if flushing {
        Error::FlushTerminated(error)
    } else {
        Error::DumpTerminated(error)
    };
    Err(error.returned(2))
}

/// `ip route list` printed message by message while the dump is read. The
/// names of the links are read first (one link dump, as ip's cache fills),
/// so that no lookup has to be made while the route dump is being read. A
/// dump interrupted by a change is not asked again here (what was printed
/// stays printed, and routes have no short key to skip them by): ip's
/// warning says so.
fn list_streaming(ctx: &mut Context, family: u8, filter: &Filter) -> Result<()> {
    let names = all_link_names(ctx)?;
    let style = style(ctx);
    let preferred = preferred_family(ctx);
    let hidden = filter.hidden();
    let link_name = |index: u32| known_name(&names, index);
    let lookups = Lookups {
        link_name: &link_name,
        nexthop: None,
    };
    let request = dump_request(family, filter);
    let dumped = ctx.dump(&request, 1, |ctx, dumped| {
        if let raw::Dumped::Message(msg) = dumped {
            if (msg.msg_type == RTM_NEWROUTE || msg.msg_type == RTM_DELROUTE)
                && filter.accepts(preferred, msg.payload)
            {
                print_route(
                    &mut ctx.out,
                    msg.msg_type,
                    msg.payload,
                    style,
                    &hidden,
                    &lookups,
                );
            }
        }
        Ok(())
    });
    if let Err(failed) = dumped {
        dump_failed(failed, filter, false)?;
    }
    ctx.out.end_list();
    Ok(())
}

/// Every link's name by index, from one link dump.
fn all_link_names(ctx: &mut Context) -> Result<std::collections::HashMap<u32, Vec<u8>>> {
    use crate::kernel::link::{decode, dump_request, DumpFilter};
    use crate::model::link::RTEXT_FILTER_SKIP_STATS;
    let mut names = std::collections::HashMap::new();
    let request = dump_request(&DumpFilter {
        family: AF_UNSPEC,
        ext_mask: RTEXT_FILTER_SKIP_STATS,
        master: None,
        kind: None,
    });
    ctx.dump(&request, DUMP_ATTEMPTS, |_, dumped| {
        match dumped {
            raw::Dumped::Again => names.clear(),
            raw::Dumped::Message(message) => {
                if let Some(link) = decode(&message) {
                    names.insert(link.info.index as u32, link.name().to_vec());
                }
            }
        }
        Ok(())
    })
    .map_err(|failed| Error::from(failed).returned(2))?;
    Ok(names)
}

/// The names of the interfaces `payloads` mention, asked for before
/// printing (ip's `ll_index_to_name` lookups).
pub(crate) fn link_names<'a>(
    ctx: &mut Context,
    payloads: impl Iterator<Item = &'a [u8]>,
) -> Result<std::collections::HashMap<u32, Vec<u8>>> {
    let mut names = std::collections::HashMap::new();
    let mut indexes = Vec::new();
    for payload in payloads {
        if payload.len() < HEADER_LEN {
            continue;
        }
        let attrs = Attrs::parse(&payload[HEADER_LEN..], RTA_MAX);
        indexes.extend(attrs.u32(RTA_OIF));
        indexes.extend(attrs.u32(RTA_IIF));
        if let Some(multipath) = attrs.get(RTA_MULTIPATH) {
            indexes.extend(nexthops(multipath).iter().map(|hop| hop.ifindex as u32));
        }
    }
    for index in indexes {
        if let std::collections::hash_map::Entry::Vacant(slot) = names.entry(index) {
            slot.insert(device::name_of(ctx, index as i32)?);
        }
    }
    Ok(names)
}

/// A name `link_names` found, else ip's `ifN`.
fn known_name(names: &std::collections::HashMap<u32, Vec<u8>>, index: u32) -> Vec<u8> {
    names
        .get(&index)
        .cloned()
        .unwrap_or_else(|| format!("if{index}").into_bytes())
}

pub(crate) fn style(ctx: &Context) -> Style {
    Style {
        numeric: ctx.options.numeric > 0,
        details: ctx.options.details > 0,
        stats: ctx.options.stats > 0,
        resolve: ctx.options.resolve > 0,
    }
}

/// Prints route payloads (type, rtmsg + attributes) as ip's `print_route`,
/// after asking for the interface names they mention: the entry point for
/// `-echo` of route changes and for `monitor`.
pub(crate) fn print_routes<'a>(
    ctx: &mut Context,
    messages: impl Iterator<Item = (u16, &'a [u8])> + Clone,
    hidden: &Hidden,
) -> Result<()> {
    let style = style(ctx);
    // `-d` shows each nexthop object a route names (ip asks for each id once).
    let nexthops = if style.details {
        nexthop_objects(ctx, messages.clone().map(|(_, payload)| payload))?
    } else {
        std::collections::HashMap::new()
    };
    let mut names = link_names(ctx, messages.clone().map(|(_, payload)| payload))?;
    for payload in nexthops.values() {
        if let Some(index) = nexthop_oif(payload) {
            if let std::collections::hash_map::Entry::Vacant(slot) = names.entry(index) {
                slot.insert(device::name_of(ctx, index as i32)?);
            }
        }
    }
    let link_name = |index: u32| known_name(&names, index);
    let plain = Lookups {
        link_name: &link_name,
        nexthop: None,
    };
    let nh_info = |p: &mut crate::output::Printer, id: u32| {
        if let Some(payload) = nexthops.get(&id) {
            print_nh_info(p, payload, style, &plain);
        }
    };
    let lookups = Lookups {
        link_name: &link_name,
        nexthop: Some(&nh_info),
    };
    for (msg_type, payload) in messages {
        print_route(&mut ctx.out, msg_type, payload, style, hidden, &lookups);
    }
    Ok(())
}

const RTM_GETNEXTHOP: u16 = 106;
const RTM_NEWNEXTHOP: u16 = 104;

/// The nexthop objects (RTM_NEWNEXTHOP payloads) that routes name by id,
/// asked for one by one as ip's nexthop cache does. A nexthop the kernel
/// does not give is left out (ip then prints no `nh_info`).
pub(crate) fn nexthop_objects<'a>(
    ctx: &mut Context,
    payloads: impl Iterator<Item = &'a [u8]>,
) -> Result<std::collections::HashMap<u32, Vec<u8>>> {
    let family = preferred_family(ctx);
    let mut objects = std::collections::HashMap::new();
    for payload in payloads {
        let Some(attrs) = payload
            .get(HEADER_LEN..)
            .map(|rest| Attrs::parse(rest, RTA_MAX))
        else {
            continue;
        };
        let Some(id) = attrs.u32(RTA_NH_ID) else {
            continue;
        };
        if objects.contains_key(&id) {
            continue;
        }
        // A nexthop request: raw, netlink-packet-route 0.34 has no nexthop
        // messages (nexthop/modify.rs).
        let request = Request::new(RTM_GETNEXTHOP, NLM_F_REQUEST)
            .fixed(&[family, 0, 0, 0, 0, 0, 0, 0])
            .attr_u32(1, id);
        let mut found = None;
        let asked = ctx.raw()?.talk(request, |msg| {
            if found.is_none() && msg.msg_type == RTM_NEWNEXTHOP {
                found = Some(msg.payload.to_vec());
            }
        });
        if let (Ok(_), Some(object)) = (asked, found) {
            objects.insert(id, object);
        }
    }
    Ok(objects)
}

/// rnet's `-table`: the listed routes as a table for people.
fn print_table(ctx: &mut Context, routes: &[(u16, &[u8])]) -> Result<()> {
    let names = link_names(ctx, routes.iter().map(|(_, payload)| *payload))?;
    let link_name = |index: u32| known_name(&names, index);
    let numeric = ctx.options.numeric > 0;
    let rows: Vec<Vec<String>> = routes
        .iter()
        .filter_map(|(_, payload)| table::route_row(payload, &link_name, numeric))
        .collect();
    table::print(&mut ctx.out, &table::routes(&rows, table::width()));
    Ok(())
}

pub fn run(ctx: &mut Context, action: Action, args: &[String]) -> Result<()> {
    if action == Action::Save {
        dumpfile::start_save(ctx, DUMP_MAGIC).map_err(|err| err.returned(1))?;
    }
    if action == Action::Flush && args.is_empty() {
        return Err(Error::from(RouteError::FlushNeedsArguments));
    }
    let (filter, family) = parse_selectors(ctx, args)?;
    if action == Action::Flush {
        return flush(ctx, family, filter);
    }
    if action == Action::List {
        // ip opens its JSON array before reading the dump: a refused dump
        // leaves `[` on stdout.
        ctx.out.begin_list();
        // A full table is printed as it is read, as ip streams it: memory
        // stays flat whatever the table's size. `-d` (nexthop objects by
        // id) and `-table` (column widths) need every route first.
        if !(ctx.options.details > 0 || ctx.options.table && ctx.options.json == 0) {
            return list_streaming(ctx, family, &filter);
        }
    }
    let messages = dump(ctx, family, &filter, action);
    if action == Action::Save && messages.is_err() {
        // ip's JSON array sits in stdio's buffer while the messages go out
        // with write(2): with -j it lands after them, `[` alone when the
        // dump fails.
        ctx.out.begin_list();
    }
    let messages = messages?;
    let preferred = preferred_family(ctx);
    let selected = messages.iter().filter(|m| {
        (m.msg_type == RTM_NEWROUTE || m.msg_type == RTM_DELROUTE)
            && filter.accepts(preferred, &m.payload)
    });
    if action == Action::Save {
        for message in selected {
            ctx.out.raw(&message.header);
            ctx.out.raw(&message.payload);
        }
        ctx.out.begin_list();
        ctx.out.end_list();
        ctx.out.flush();
        return Ok(());
    }
    let hidden = filter.hidden();
    let selected: Vec<(u16, &[u8])> = selected
        .map(|m| (m.msg_type, m.payload.as_slice()))
        .collect();
    if ctx.options.table && ctx.options.json == 0 {
        return print_table(ctx, &selected);
    }
    print_routes(ctx, selected.iter().copied(), &hidden)?;
    ctx.out.end_list();
    Ok(())
}

const ROUTE_FLUSH_PATH: &str = "/proc/sys/net/ipv4/route/flush";

/// ip's `iproute_flush_cache`: writes `-1` to the IPv4 cache's flush file.
fn flush_ipv4_cache() {
    use std::io::Write;
    match std::fs::OpenOptions::new()
        .write(true)
        .open(ROUTE_FLUSH_PATH)
    {
        Ok(mut file) => {
            if file.write_all(b"-1").is_err() {
                warn(Warning::from(RouteWarning::CacheFlushFailed));
            }
        }
        Err(err) => warn(Warning::from(RouteWarning::CacheFlushOpen {
            path: ROUTE_FLUSH_PATH,
            errno: err.raw_os_error().unwrap_or(0),
        })),
    }
}

/// The routes a flush round deletes: their payloads, read from the dump
/// into one buffer (a million routes are a million payloads: one
/// allocation each would cost more than the deletions' own work here).
struct Doomed {
    bytes: Vec<u8>,
    ends: Vec<usize>,
}

impl Doomed {
    fn payloads(&self) -> impl Iterator<Item = &[u8]> {
        let starts = std::iter::once(0).chain(self.ends.iter().copied());
        starts
            .zip(self.ends.iter().copied())
            .map(|(start, end)| &self.bytes[start..end])
    }
}

/// One flush round's dump: the routes `filter` selects. An interrupted
/// dump needs no second try here (ip's one try and warning): the flush
/// dumps again until nothing is left.
fn doomed_routes(ctx: &mut Context, family: u8, filter: &Filter, preferred: u8) -> Result<Doomed> {
    let mut doomed = Doomed {
        bytes: Vec::new(),
        ends: Vec::new(),
    };
    let request = dump_request(family, filter);
    let result = ctx.dump(&request, 1, |_, dumped| {
        if let raw::Dumped::Message(msg) = dumped {
            if msg.msg_type == RTM_NEWROUTE && filter.accepts(preferred, msg.payload) {
                doomed.bytes.extend_from_slice(msg.payload);
                doomed.ends.push(doomed.bytes.len());
            }
        }
        Ok(())
    });
    match result {
        Ok(()) => Ok(doomed),
        Err(DumpFailed::Stopped(error)) => Err(error),
        // ip returns -2 from the command: status 2, and a batch goes on.
        Err(DumpFailed::Refused(refusal)) => {
            Err(Error::FlushTerminated(refusal.dump_error()).returned(2))
        }
    }
}

/// ip's `iproute_flush`: dump, delete what matches, until nothing does.
fn flush(ctx: &mut Context, family: u8, mut filter: Filter) -> Result<()> {
    let stats = ctx.options.stats;
    if filter.cloned == 1 {
        if family != AF_INET6 {
            flush_ipv4_cache();
            if stats > 0 {
                ctx.out.raw("*** IPv4 routing cache is flushed.\n");
            }
        }
        if family == AF_INET {
            ctx.out.flush();
            return Ok(());
        }
    }
    filter.flushing = true;
    let preferred = preferred_family(ctx);
    let hidden = filter.hidden();
    let start = std::time::Instant::now();
    let mut round = 0;
    loop {
        let doomed = doomed_routes(ctx, family, &filter, preferred)?;
        let selected: Vec<&[u8]> = doomed.payloads().collect();
        if stats >= 2 {
            print_routes(
                ctx,
                selected.iter().map(|payload| (RTM_NEWROUTE, *payload)),
                &hidden,
            )?;
        }
        if selected.is_empty() {
            if stats > 0 {
                if round == 0 && (filter.cloned == 0 || family == AF_INET6) {
                    ctx.out.raw("Nothing to flush.\n");
                } else {
                    ctx.out.raw(format!(
                        "*** Flush is complete after {round} round{} ***\n",
                        if round > 1 { "s" } else { "" }
                    ));
                }
            }
            ctx.out.flush();
            return Ok(());
        }
        round += 1;
        ctx.out.flush();
        ctx.raw()?
            .send_batched(RTM_DELROUTE, &selected)
            .map_err(|errno| Error::FlushSend(errno).returned(2))?;
        let elapsed = start.elapsed().as_secs();
        if elapsed > 30 {
            ctx.out.raw(format!(
                "\n*** Flush not completed after {elapsed} seconds, {} entries remain ***\n",
                selected.len()
            ));
            ctx.out.flush();
            return Err(Error::Status(1));
        }
        if stats > 0 {
            ctx.out.raw(format!(
                "\n*** Round {round}, deleting {} entries ***\n",
                selected.len()
            ));
            ctx.out.flush();
        }
    }
}

/// ip's `restore_handler` order: routes to local addresses first, then
/// those to local networks, then the rest (through gateways).
fn restore_rank(payload: &[u8]) -> u8 {
    let attrs = Attrs::parse(payload.get(HEADER_LEN..).unwrap_or_default(), RTA_MAX);
    let gateway = attrs.has(RTA_GATEWAY);
    let prefsrc = attrs.get(RTA_PREFSRC);
    // ip's rtattr_cmp: equal only when both exist with the same bytes.
    let prefsrc_is_dst = prefsrc.is_some() && prefsrc == attrs.get(RTA_DST);
    if gateway {
        2
    } else if prefsrc.is_none() || prefsrc_is_dst {
        0
    } else {
        1
    }
}

/// ip's `route_dump_check_magic`, whose failures return status 1.
fn read_dump() -> Result<dumpfile::Dump> {
    dumpfile::read("route", DUMP_MAGIC).map_err(|err| err.returned(1))
}

/// A broken dump file ends `restore` and `showdump` with status 2.
fn broken_dump(err: Error) -> Error {
    match err {
        Error::TruncatedDump | Error::MalformedDump { .. } => err.returned(2),
        other => other,
    }
}

/// `ip route restore`: a `save` dump, added back in three passes.
pub fn restore(ctx: &mut Context) -> Result<()> {
    let dump = read_dump()?;
    for rank in 0..3 {
        let raw = ctx.raw()?;
        dump.each(|msg_type, flags, payload| {
            if restore_rank(payload) != rank || dumpfile::restore_one(raw, msg_type, flags, payload)
            {
                Ok(())
            } else {
                Err(Error::Status(2))
            }
        })
        .map_err(broken_dump)?;
    }
    Ok(())
}

/// `ip route showdump`: a `save` dump, printed.
pub fn showdump(ctx: &mut Context) -> Result<()> {
    let dump = read_dump()?;
    let mut messages: Vec<(u16, u16, Vec<u8>)> = Vec::new();
    let result = dump.each(|msg_type, flags, payload| {
        messages.push((msg_type, flags, payload.to_vec()));
        Ok(())
    });
    // ip prints through its zeroed filter: no cloned routes.
    let filter = Filter::default();
    let preferred = preferred_family(ctx);
    let mut routes = Vec::new();
    for (msg_type, flags, payload) in &messages {
        if *msg_type == RTM_NEWROUTE || *msg_type == RTM_DELROUTE {
            if filter.accepts(preferred, payload) {
                routes.push((*msg_type, payload.as_slice()));
            }
        } else {
            warn(Warning::from(RouteWarning::NotARoute {
                len: (16 + payload.len()) as u32,
                msg_type: *msg_type,
                flags: *flags,
            }));
        }
    }
    print_routes(ctx, routes.iter().copied(), &Hidden::default())?;
    ctx.out.flush();
    result.map_err(broken_dump)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn route(family: u8, dst: &[u8], dst_len: u8, table: u8, kind: u8) -> Vec<u8> {
        let header = Header {
            family,
            dst_len,
            table,
            kind,
            protocol: RTPROT_STATIC,
            ..Header::default()
        };
        let mut payload = header.bytes().to_vec();
        payload.extend_from_slice(&((4 + dst.len()) as u16).to_ne_bytes());
        payload.extend_from_slice(&RTA_DST.to_ne_bytes());
        payload.extend_from_slice(dst);
        payload
    }

    fn prefix(text: &str) -> Prefix {
        get_prefix(text, AF_UNSPEC).unwrap()
    }

    #[test]
    fn root_and_match_select_like_ip() {
        let r = route(AF_INET, &[192, 0, 2, 0], 24, 254, RTN_UNICAST);
        let mut filter = Filter {
            root_dst: Some(prefix("192.0.2.0/16")),
            ..Filter::default()
        };
        assert!(filter.accepts(AF_UNSPEC, &r));
        filter.root_dst = Some(prefix("192.0.2.0/25"));
        assert!(!filter.accepts(AF_UNSPEC, &r));
        filter.root_dst = None;
        filter.match_dst = Some(prefix("192.0.2.7"));
        assert!(filter.accepts(AF_UNSPEC, &r));
        filter.match_dst = Some(prefix("198.51.100.7"));
        assert!(!filter.accepts(AF_UNSPEC, &r));
        // exact: both.
        filter.match_dst = Some(prefix("192.0.2.0/24"));
        filter.root_dst = Some(prefix("192.0.2.0/24"));
        assert!(filter.accepts(AF_UNSPEC, &r));
        filter.root_dst = Some(prefix("192.0.2.0/23"));
        filter.match_dst = filter.root_dst;
        assert!(!filter.accepts(AF_UNSPEC, &r));
    }

    #[test]
    fn type_and_table_masks() {
        let r = route(AF_INET, &[192, 0, 2, 0], 24, 100, RTN_BLACKHOLE);
        let filter = Filter {
            table: 100,
            type_mask: 1 << RTN_BLACKHOLE,
            ..Filter::default()
        };
        assert!(filter.accepts(AF_UNSPEC, &r));
        let filter = Filter {
            table: 101,
            ..Filter::default()
        };
        assert!(!filter.accepts(AF_UNSPEC, &r));
        assert!(!Filter::default().accepts(AF_INET6, &r));
    }

    #[test]
    fn restore_order() {
        let mut r = route(AF_INET, &[192, 0, 2, 0], 24, 254, RTN_UNICAST);
        assert_eq!(restore_rank(&r), 0);
        r.extend_from_slice(&[8, 0, RTA_PREFSRC as u8, 0, 192, 0, 2, 1]);
        assert_eq!(restore_rank(&r), 1);
        r.extend_from_slice(&[8, 0, RTA_GATEWAY as u8, 0, 192, 0, 2, 254]);
        assert_eq!(restore_rank(&r), 2);
    }

    /// The dump request as the raw builder wrote it before it became a
    /// netlink-packet-route `RouteMessage`: ip's `rtnl_routedump_req`
    /// header, then RTA_TABLE and RTA_OIF.
    #[test]
    fn dump_request_keeps_its_bytes() {
        let hex = |bytes: Vec<u8>| -> String { bytes.iter().map(|b| format!("{b:02x}")).collect() };
        let bare = Filter::default();
        assert_eq!(
            hex(dump_request(AF_INET6, &bare).finish(0)),
            "1c0000001a00010300000000000000000a0000000000000000000000"
        );
        let filtered = Filter {
            table: 300,
            oif: 3,
            protocol: RTPROT_STATIC,
            cloned: 1,
            ..Filter::default()
        };
        assert_eq!(
            hex(dump_request(AF_INET, &filtered).finish(0)),
            "2c0000001a0001030000000000000000020000000004000000020000\
             08000f002c0100000800040003000000"
        );
    }
}
