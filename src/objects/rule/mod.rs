//! `ip rule`: the routing policy database (ip/iprule.c).
//!
//! `add`/`delete` walk the words in iprule.c's order (some keywords are
//! exact, some prefixes, and a word nothing else claims is a rule type) and
//! build netlink-packet-route's `RuleMessage` (header and FRA_* attributes in
//! ip's order; the few ip sends that the crate cannot type stay raw
//! `Other` attributes, each saying why), as does the `list` dump request.
//! `flush` sends back the kernel's own bytes, as ip does. `list`, `flush`
//! and `save` share ip's selector parser and filter; the printer is
//! `rule/print.rs`. The family is `-4`/`-6`'s, AF_INET by default: as in ip,
//! a prefix does not change it (an IPv6 `from` without `-6` is refused by the
//! kernel). `ip mrule` is the same code over the multicast families
//! (RTNL_FAMILY_IPMR/IP6MR), as ip's `do_multirule`.

pub(crate) mod errors;
pub(crate) mod print;

use crate::kernel::raw::{NLM_F_CREATE, NLM_F_ECHO, NLM_F_EXCL};
use std::io::Write;

use crate::context::Context;
use crate::error::{warn, Error, Result, Warning};
use crate::grammar::options::Family;
use crate::grammar::tree::{kw, kw_alias, resolve, Keyword, Match, Usage};
use crate::grammar::{get_s32, get_unsigned, matches, next_arg};
use std::net::IpAddr;

use netlink_packet_core::DefaultNla;
use netlink_packet_route::route::{RouteProtocol, RouteRealm};
use netlink_packet_route::rule::{
    RuleAction, RuleAttribute, RuleFlags, RuleHeader, RuleMessage, RulePortRange, RuleUidRange,
};
use netlink_packet_route::{IpProtocol, RouteNetlinkMessage};

use crate::kernel::attrs::Request;
use crate::kernel::raw::{NLM_F_ACK, NLM_F_DUMP, NLM_F_REQUEST};
use crate::kernel::{typed_ip, typed_request};
use crate::model::names;
use crate::model::rt_names;
use crate::model::rule::*;
use crate::objects::dumpfile;
use crate::objects::rule::print::{print_rule, Style};
use errors::RuleError;

/// `ip rule` sub-commands (ip/iprule.c `do_iprule`), in matching order.
pub(crate) const COMMANDS: &[Keyword] = &[
    kw_alias(
        "list",
        &[("lst", Match::Prefix), ("show", Match::Prefix)],
        "list rules",
    ),
    kw("save", "write the rules to stdout in binary form"),
    kw("restore", "add the rules of a binary dump read from stdin"),
    kw("add", "add a rule"),
    kw("delete", "delete a rule"),
    kw("flush", "delete every rule that matches the selector"),
    kw("help", "print the usage"),
];

/// `rule help`: ip's usage text, with the program's name where ip has `ip rule`.
pub(crate) const USAGE: Usage = Usage::object(include_str!("usage.txt"), "ip rule ");
const AF_PACKET: u8 = 17;
const AF_MPLS: u8 = 28;
const AF_BRIDGE: u8 = 7;
const RTNL_FAMILY_IPMR: u8 = 128;
const RTNL_FAMILY_IP6MR: u8 = 129;
/// ip's magic at the start of `ip rule save` output.
const DUMP_MAGIC: u32 = 0x7170_6986;

pub fn run(ctx: &mut Context, args: &[String]) -> Result<()> {
    let family = preferred_family(ctx);
    run_family(ctx, args, family)
}

/// `ip mrule` (ip/iprule.c `do_multirule`): the same commands over the
/// multicast routing rules, whose families are RTNL_FAMILY_IPMR/IP6MR.
pub fn run_multicast(ctx: &mut Context, args: &[String]) -> Result<()> {
    let family = match preferred_family(ctx) {
        0 | AF_INET => RTNL_FAMILY_IPMR,
        AF_INET6 => RTNL_FAMILY_IP6MR,
        other => return Err(RuleError::MulticastFamily(other.into()).into()),
    };
    run_family(ctx, args, family)
}

/// ip's `do_iprule` with `preferred_family` = `family`.
fn run_family(ctx: &mut Context, args: &[String], family: u8) -> Result<()> {
    let Some(word) = args.first() else {
        return list_flush_or_save(ctx, &[], Action::List, family);
    };
    let Some(command) = resolve(word, COMMANDS) else {
        return Err(Error::UnknownCommand {
            help_topic: "rule help",
            word: word.clone(),
        });
    };
    let rest = &args[1..];
    match command.name {
        "list" => list_flush_or_save(ctx, rest, Action::List, family),
        "save" => list_flush_or_save(ctx, rest, Action::Save, family),
        "restore" => restore(ctx),
        "add" => modify(ctx, RTM_NEWRULE, rest, family),
        "delete" => modify(ctx, RTM_DELRULE, rest, family),
        "flush" => list_flush_or_save(ctx, rest, Action::Flush, family),
        "help" => Err(Error::Usage(USAGE)),
        other => Err(Error::CommandNotImplemented {
            object: "rule",
            command: other,
        }),
    }
}

/// ip's `preferred_family` as a number.
pub(crate) fn preferred_family(ctx: &Context) -> u8 {
    match ctx.options.family {
        Family::Unspec => 0,
        Family::Inet => AF_INET,
        Family::Inet6 => AF_INET6,
        Family::Packet => AF_PACKET,
        Family::Mpls => AF_MPLS,
        Family::Bridge => AF_BRIDGE,
    }
}

/// ip's `inet_prefix` as `get_prefix` fills it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Prefix {
    family: u8,
    /// Address bytes actually given (0 for `all`/`any`).
    data: Vec<u8>,
    bitlen: u8,
}

/// lib/utils.c `get_addr_ipv4`: one to four dotted numbers (base 0 each).
fn ipv4_parts(word: &str) -> Option<[u8; 4]> {
    let mut out = [0u8; 4];
    let mut parts = word.split('.');
    for (i, slot) in out.iter_mut().enumerate() {
        let Some(part) = parts.next() else {
            // strtoul stops at the end of the string: fewer parts are fine,
            // but an empty last part ("1.") is not.
            return if i == 0 { None } else { Some(out) };
        };
        let number = rt_names::strtoul(part, 0)?;
        *slot = u8::try_from(number).ok()?;
    }
    if parts.next().is_some() {
        return None;
    }
    Some(out)
}

/// The address part of ip's `__get_addr_1`: (family, bytes, bitlen), where
/// bitlen `None` is ip's -2 (`default`, `all`, `any`).
fn get_addr(word: &str, family: u8) -> Option<(u8, Vec<u8>, Option<u8>)> {
    let byte_len = |family| usize::from(host_len(family) / 8);
    if word == "default" {
        if family == AF_MPLS {
            return None;
        }
        return Some((family, vec![0; byte_len(family)], None));
    }
    if word == "all" || word == "any" {
        if family == AF_MPLS {
            return None;
        }
        return Some((family, Vec::new(), None));
    }
    if word.contains(':') {
        if family != 0 && family != AF_INET6 {
            return None;
        }
        let address: std::net::Ipv6Addr = word.parse().ok()?;
        return Some((AF_INET6, address.octets().to_vec(), Some(128)));
    }
    if family == AF_MPLS {
        // lib/mpls_pton.c: one label (get_prefix_1 already cut at '/'),
        // with the bottom-of-stack bit.
        let label = rt_names::strtoul(word, 0).filter(|label| *label < 1 << 20)?;
        let entry = (label as u32) << 12 | 1 << 8;
        return Some((AF_MPLS, entry.to_be_bytes().to_vec(), Some(20)));
    }
    if family != 0 && family != AF_INET {
        return None;
    }
    Some((AF_INET, ipv4_parts(word)?.to_vec(), Some(32)))
}

/// lib/utils.c `get_netmask`: a number, or a dotted netmask.
fn get_netmask(word: &str) -> Option<u32> {
    if let Some(bits) = get_unsigned(word) {
        return Some(bits);
    }
    let (_, bytes, _) = get_addr(word, AF_INET).filter(|(f, _, _)| *f == AF_INET)?;
    let mask = u32::from_be_bytes(bytes.try_into().ok()?);
    let host = !mask;
    if host & host.wrapping_add(1) != 0 {
        return None;
    }
    Some(mask.leading_ones())
}

/// lib/utils.c `get_prefix_1`.
fn get_prefix_1(word: &str, family: u8) -> Option<Prefix> {
    let (address, length) = match word.split_once('/') {
        Some((address, length)) => (address, Some(length)),
        None => (word, None),
    };
    let (family, data, bitlen) = get_addr(address, family)?;
    let max = host_len(family);
    let bitlen = match (length, bitlen) {
        (Some(_), None) => return None,
        (Some(length), Some(_)) => {
            let length = get_netmask(length)?;
            if length > u32::from(max) {
                return None;
            }
            length as u8
        }
        (None, None) => 0,
        (None, Some(_)) => max,
    };
    Some(Prefix {
        family,
        data,
        bitlen,
    })
}

/// lib/utils.c `get_prefix`, whose errors exit.
fn get_prefix(word: &str, family: u8) -> Result<Prefix> {
    if family == AF_PACKET {
        return Err(RuleError::PrefixNotAllowed(word.to_string()).into());
    }
    get_prefix_1(word, family).ok_or_else(|| {
        RuleError::PrefixExpected {
            family: match family {
                0 => "any valid",
                AF_INET => "inet",
                AF_INET6 => "inet6",
                AF_MPLS => "mpls",
                AF_BRIDGE => "bridge",
                _ => "???",
            },
            arg: word.to_string(),
        }
        .into()
    })
}

/// lib/utils.c `check_ifname`.
/// The interface name after `dev`, `iif` or `oif`, checked as ip checks it.
fn interface_word<'a>(keyword: &str, value: &'a String) -> Result<&'a String> {
    if valid_ifname(value) {
        return Ok(value);
    }
    let reason = if keyword == "oif" {
        "\"oif\" not a valid ifname"
    } else {
        "\"iif\"/\"dev\" not a valid ifname"
    };
    Err(invalid(value, reason))
}

fn valid_ifname(name: &str) -> bool {
    !name.is_empty()
        && name.len() < 16
        && !name
            .bytes()
            .any(|b| b == b'/' || b.is_ascii_whitespace() || b == 0x0b)
}

/// glibc `sscanf(word, "%u-%u")`: how many numbers matched, and their
/// values (each as `strtoul` gives it, truncated by the caller).
fn scan_range(word: &str) -> (usize, u64, u64) {
    fn number(text: &str) -> Option<(u64, &str)> {
        let text = text.trim_start_matches([' ', '\t', '\n', '\r', '\x0b', '\x0c']);
        let (negative, body) = match text.as_bytes().first() {
            Some(b'-') => (true, &text[1..]),
            Some(b'+') => (false, &text[1..]),
            _ => (false, text),
        };
        let end = body
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(body.len());
        if end == 0 {
            return None;
        }
        let value = body[..end].parse::<u64>().unwrap_or(u64::MAX);
        let value = if negative {
            value.wrapping_neg()
        } else {
            value
        };
        Some((value, &body[end..]))
    }
    let Some((start, rest)) = number(word) else {
        return (0, 0, 0);
    };
    let Some(rest) = rest.strip_prefix('-') else {
        return (1, start, 0);
    };
    match number(rest) {
        Some((end, _)) => (2, start, end),
        None => (1, start, 0),
    }
}

/// `uidrange A-B`: both numbers required.
fn uid_range(word: &str) -> Option<(u32, u32)> {
    match scan_range(word) {
        (2, start, end) => Some((start as u32, end as u32)),
        _ => None,
    }
}

/// `sport`/`dport` `A[-B]`.
fn port_range(word: &str) -> Option<(u16, u16)> {
    match scan_range(word) {
        (1, start, _) => Some((start as u16, start as u16)),
        (2, start, end) => Some((start as u16, end as u16)),
        _ => None,
    }
}

fn invalid(arg: &str, reason: &str) -> Error {
    Error::InvalidArgument {
        arg: arg.to_string(),
        reason: reason.to_string(),
    }
}

/// `fwmark MARK[/MASK]`.
fn fwmark(word: &str) -> Result<(u32, Option<u32>)> {
    let (mark, mask) = match word.split_once('/') {
        Some((mark, mask)) => (mark, Some(mask)),
        None => (word, None),
    };
    let mark = rt_names::get_u32(mark).ok_or_else(|| invalid(mark, "fwmark value is invalid\n"))?;
    let mask = mask
        .map(|mask| {
            rt_names::get_u32(mask).ok_or_else(|| invalid(mask, "fwmask value is invalid\n"))
        })
        .transpose()?;
    Ok((mark, mask))
}

/// ip's `iprule_modify`.
fn modify(ctx: &mut Context, cmd: u16, args: &[String], family: u8) -> Result<()> {
    let echo = ctx.options.echo > 0;
    let request = modify_request(cmd, family, args, echo)?;
    let mut echoed: Vec<(u16, Vec<u8>)> = Vec::new();
    ctx.raw()?
        .talk(request, |msg| {
            echoed.push((msg.msg_type, msg.payload.to_vec()))
        })
        .map_err(|refusal| Error::Kernel(refusal.error))?;
    if echo {
        // ip's rtnl_echo_talk wraps print_rule's own object in another,
        // which makes `[{{…}}]`, not JSON; rnet's -json-all leaves the
        // outer one out.
        let wrap = !ctx.options.json_all;
        let style = style(ctx);
        let p = &mut ctx.out;
        p.begin_list();
        if wrap {
            p.open_object(None);
        }
        for (msg_type, payload) in &echoed {
            if let Some(rule) = Rule::parse(payload) {
                if msg_type == &RTM_NEWRULE || msg_type == &RTM_DELRULE {
                    print_rule(p, *msg_type, &rule, style);
                }
            }
        }
        if wrap {
            p.close_object();
        }
        p.end_list();
    }
    Ok(())
}

/// The RTM_NEWRULE/RTM_DELRULE message of `ip rule add|delete ARGS`, built
/// as ip builds it (attributes in the order of the words).
fn modify_request(cmd: u16, family: u8, args: &[String], echo: bool) -> Result<Request> {
    let mut header = Header {
        family,
        action: FR_ACT_UNSPEC,
        ..Header::default()
    };
    let mut flags = NLM_F_REQUEST | NLM_F_ACK;
    if cmd == RTM_NEWRULE {
        if args.is_empty() {
            return Err(RuleError::NeedsArguments("add").into());
        }
        flags |= NLM_F_CREATE | NLM_F_EXCL;
        header.action = FR_ACT_TO_TBL;
    }
    if cmd == RTM_DELRULE && args.is_empty() {
        return Err(RuleError::NeedsArguments("del").into());
    }
    // Attributes in the order of the words, as ip appends them.
    let mut attrs: Vec<RuleAttribute> = Vec::new();
    let mut table_ok = false;
    let mut l3mdev_rule = false;
    let mut tid = 0u32;

    let mut words = args.iter();
    while let Some(word) = words.next() {
        let w = word.as_str();
        if w == "not" {
            header.flags |= FIB_RULE_INVERT;
        } else if w == "from" || w == "to" {
            let prefix = get_prefix(next_arg(&mut words)?, header.family)?;
            if w == "from" {
                header.src_len = prefix.bitlen;
                attrs.push(address_attribute(
                    FRA_SRC,
                    prefix.data,
                    RuleAttribute::Source,
                ));
            } else {
                header.dst_len = prefix.bitlen;
                attrs.push(address_attribute(
                    FRA_DST,
                    prefix.data,
                    RuleAttribute::Destination,
                ));
            }
        } else if matches(w, "preference") || matches(w, "order") || matches(w, "priority") {
            let value = next_arg(&mut words)?;
            let pref = rt_names::get_u32(value)
                .ok_or_else(|| invalid(value, "preference value is invalid\n"))?;
            attrs.push(RuleAttribute::Priority(pref));
        } else if w == "tos" || matches(w, "dsfield") {
            let value = next_arg(&mut words)?;
            header.tos = rt_names::dsfield_number(value)
                .ok_or_else(|| invalid(value, "TOS value is invalid\n"))?;
        } else if w == "fwmark" {
            let (mark, mask) = fwmark(next_arg(&mut words)?)?;
            attrs.push(RuleAttribute::FwMark(mark));
            if let Some(mask) = mask {
                attrs.push(RuleAttribute::FwMask(mask));
            }
        } else if matches(w, "realms") {
            let value = next_arg(&mut words)?;
            let realm =
                rt_names::realms(value).ok_or_else(|| invalid(value, "invalid realms\n"))?;
            // RouteRealm emits (source << 16) | destination, ip's u32.
            attrs.push(RuleAttribute::Realm(RouteRealm {
                source: (realm >> 16) as u16,
                destination: realm as u16,
            }));
        } else if matches(w, "protocol") {
            let value = next_arg(&mut words)?;
            let proto = rt_names::protocol_number(value)
                .ok_or_else(|| invalid(value, "\"protocol\" value is invalid\n"))?;
            attrs.push(RuleAttribute::Protocol(RouteProtocol::from(proto)));
        } else if matches(w, "tun_id") {
            let value = next_arg(&mut words)?;
            let tun_id = rt_names::get_u64(value)
                .ok_or_else(|| invalid(value, "\"tun_id\" value is invalid\n"))?;
            // TunId is emitted big-endian, as ip sends it.
            attrs.push(RuleAttribute::TunId(tun_id));
        } else if matches(w, "table") || w == "lookup" {
            let value = next_arg(&mut words)?;
            tid = rt_names::table_number(value)
                .ok_or_else(|| invalid(value, "invalid table ID\n"))?;
            if tid < 256 {
                header.table = tid as u8;
            } else {
                header.table = 0;
                attrs.push(RuleAttribute::Table(tid));
            }
            table_ok = true;
        } else if matches(w, "suppress_prefixlength") || w == "sup_pl" {
            let value = next_arg(&mut words)?;
            let length = get_s32(value)
                .filter(|length| *length >= 0)
                .ok_or_else(|| invalid(value, "suppress_prefixlength value is invalid\n"))?;
            attrs.push(RuleAttribute::SuppressPrefixLen(length as u32));
        } else if matches(w, "suppress_ifgroup") || w == "sup_group" {
            let value = next_arg(&mut words)?;
            let group = names::group_number(value)
                .ok_or_else(|| invalid(value, "Invalid \"suppress_ifgroup\" value\n"))?;
            attrs.push(RuleAttribute::SuppressIfGroup(group));
        } else if w == "dev" || w == "iif" || w == "oif" {
            let value = interface_word(w, next_arg(&mut words)?)?;
            let name = value.clone();
            attrs.push(if w == "oif" {
                RuleAttribute::Oifname(name)
            } else {
                RuleAttribute::Iifname(name)
            });
        } else if w == "l3mdev" {
            attrs.push(RuleAttribute::L3MDev(true));
            table_ok = true;
            l3mdev_rule = true;
        } else if w == "uidrange" {
            let value = next_arg(&mut words)?;
            let (start, end) =
                uid_range(value).ok_or_else(|| invalid(value, "invalid UID range\n"))?;
            attrs.push(RuleAttribute::UidRange(RuleUidRange { start, end }));
        } else if w == "nat" || matches(w, "map-to") {
            let value = next_arg(&mut words)?;
            warn(Warning::NatDeprecated);
            let (_, bytes, _) = get_addr(value, AF_INET)
                .ok_or_else(|| RuleError::AddressExpected(value.clone()))?;
            let mut address = [0u8; 4];
            address[..bytes.len().min(4)].copy_from_slice(&bytes[..bytes.len().min(4)]);
            // netlink-packet-route 0.34 has no rule attribute of type 5
            // (RTA_GATEWAY, FRA_UNUSED2 to the kernel), which ip still
            // sends for `nat`: it stays raw.
            attrs.push(RuleAttribute::Other(DefaultNla::new(
                RTA_GATEWAY,
                address.to_vec(),
            )));
            header.action = RTN_NAT;
        } else if w == "ipproto" {
            let value = next_arg(&mut words)?;
            let proto = rt_names::ip_protocol_number(value)
                .ok_or_else(|| invalid(value, "Invalid \"ipproto\" value\n"))?;
            attrs.push(RuleAttribute::IpProtocol(IpProtocol::from(proto)));
        } else if w == "sport" || w == "dport" {
            let value = next_arg(&mut words)?;
            let (start, end) = port_range(value).ok_or_else(|| {
                invalid(
                    value,
                    if w == "sport" {
                        "invalid port range\n"
                    } else {
                        "invalid dport range\n"
                    },
                )
            })?;
            let range = RulePortRange { start, end };
            attrs.push(if w == "sport" {
                RuleAttribute::SourcePortRange(range)
            } else {
                RuleAttribute::DestinationPortRange(range)
            });
        } else {
            let word = if w == "type" {
                next_arg(&mut words)?.as_str()
            } else {
                w
            };
            if matches(word, "help") {
                return Err(Error::Usage(USAGE));
            } else if matches(word, "goto") {
                let value = next_arg(&mut words)?;
                let target =
                    rt_names::get_u32(value).ok_or_else(|| invalid(value, "invalid target\n"))?;
                attrs.push(RuleAttribute::Goto(target));
                header.action = FR_ACT_GOTO;
            } else if matches(word, "nop") {
                header.action = FR_ACT_NOP;
            } else {
                header.action = rt_names::route_type_number(word)
                    .ok_or_else(|| invalid(word, "Failed to parse rule type"))?;
            }
            table_ok = true;
        }
    }

    if l3mdev_rule && tid != 0 {
        return Err(RuleError::L3mdevTable.into());
    }
    if header.family == 0 {
        header.family = AF_INET;
    }
    if !table_ok && cmd == RTM_NEWRULE {
        header.table = RT_TABLE_MAIN;
    }

    if echo {
        flags |= NLM_F_ECHO;
    }
    let mut message = RuleMessage::default();
    message.header = typed_header(&header);
    message.attributes = attrs;
    let message = if cmd == RTM_DELRULE {
        RouteNetlinkMessage::DelRule(message)
    } else {
        RouteNetlinkMessage::NewRule(message)
    };
    Ok(typed_request(message, flags))
}

/// rnet's `fib_rule_hdr` as netlink-packet-route's header; every field
/// keeps its value (family, action and flags convert both ways without
/// loss).
fn typed_header(header: &Header) -> RuleHeader {
    RuleHeader {
        family: header.family.into(),
        dst_len: header.dst_len,
        src_len: header.src_len,
        tos: header.tos,
        table: header.table,
        action: RuleAction::from(header.action),
        flags: RuleFlags::from_bits_retain(header.flags),
    }
}

/// The RTM_GETRULE dump of family `af`: a bare header, as ip sends it.
fn dump_request(af: u8) -> Request {
    let mut message = RuleMessage::default();
    message.header = typed_header(&Header {
        family: af,
        ..Header::default()
    });
    typed_request(
        RouteNetlinkMessage::GetRule(message),
        NLM_F_REQUEST | NLM_F_DUMP,
    )
}

/// FRA_SRC or FRA_DST of ip's bytes: netlink-packet-route 0.34 types both
/// as an `IpAddr`, which holds only 4 or 16 bytes; ip sends none for
/// `all`, and that stays raw.
fn address_attribute(
    kind: u16,
    bytes: Vec<u8>,
    typed: fn(IpAddr) -> RuleAttribute,
) -> RuleAttribute {
    match typed_ip(&bytes) {
        Some(address) => typed(address),
        None => RuleAttribute::Other(DefaultNla::new(kind, bytes)),
    }
}

fn style(ctx: &Context) -> Style {
    Style {
        numeric: ctx.options.numeric > 0,
        details: ctx.options.details > 0,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Action {
    List,
    Flush,
    Save,
}

/// ip's static `filter` of iprule.c.
#[derive(Debug, Default)]
struct Filter {
    family: u8,
    not: bool,
    l3mdev: bool,
    table: u32,
    tos: Option<u8>,
    pref: Option<u32>,
    fwmark: u32,
    fwmask: u32,
    tun_id: u64,
    iif: Option<String>,
    oif: Option<String>,
    uid_range: Option<(u32, u32)>,
    src: Option<Prefix>,
    dst: Option<Prefix>,
    protocol: u8,
    protocol_mask: u8,
    sport: (u16, u16),
    dport: (u16, u16),
    ipproto: u8,
}

/// lib/utils.c `inet_addr_match_rta` (true when the address matches).
fn prefix_matches(prefix: &Prefix, address: Option<&[u8]>) -> bool {
    let Some(address) = address else {
        return true;
    };
    if prefix.family == 0 || prefix.bitlen == 0 {
        return true;
    }
    let width = match address.len() {
        4 => AF_INET,
        16 => AF_INET6,
        _ => return false,
    };
    if width != prefix.family {
        return false;
    }
    let bits = usize::from(prefix.bitlen);
    let (whole, rest) = (bits / 8, bits % 8);
    let wanted = |i: usize| prefix.data.get(i).copied().unwrap_or(0);
    if (0..whole).any(|i| address[i] != wanted(i)) {
        return false;
    }
    rest == 0 || (address[whole] ^ wanted(whole)) & (0xffu8 << (8 - rest)) == 0
}

impl Filter {
    /// ip's `filter_nlmsg`.
    fn accepts(&self, rule: &Rule<'_>) -> bool {
        let header = &rule.header;
        let attrs = &rule.attrs;
        if self.family != 0 && header.family != self.family {
            return false;
        }
        if self
            .pref
            .is_some_and(|pref| pref != rule.priority().unwrap_or(0))
        {
            return false;
        }
        if self.not && header.flags & FIB_RULE_INVERT == 0 {
            return false;
        }
        for (prefix, len, kind) in [
            (&self.src, header.src_len, FRA_SRC),
            (&self.dst, header.dst_len, FRA_DST),
        ] {
            if let Some(prefix) = prefix.as_ref().filter(|p| p.family != 0) {
                if prefix.family != header.family || prefix.bitlen > len {
                    return false;
                }
                if !prefix_matches(prefix, attrs.get(kind)) {
                    return false;
                }
            }
        }
        if self.tos.is_some_and(|tos| tos != header.tos) {
            return false;
        }
        if self.fwmark != 0 && self.fwmark != attrs.u32(FRA_FWMARK).unwrap_or(0) {
            return false;
        }
        if self.fwmask != 0 && self.fwmask != attrs.u32(FRA_FWMASK).unwrap_or(0) {
            return false;
        }
        for (name, kind) in [(&self.iif, FRA_IFNAME), (&self.oif, FRA_OIFNAME)] {
            if let Some(name) = name {
                if attrs.str(kind) != Some(name.as_bytes()) {
                    return false;
                }
            }
        }
        if self.l3mdev && attrs.u8(FRA_L3MDEV).is_none_or(|mdev| mdev == 0) {
            return false;
        }
        if let Some(range) = self.uid_range {
            if attrs.get(FRA_UID_RANGE).and_then(range32) != Some(range) {
                return false;
            }
        }
        if self.ipproto != 0 && self.ipproto != attrs.u8(FRA_IP_PROTO).unwrap_or(0) {
            return false;
        }
        for (range, kind) in [(self.sport, FRA_SPORT_RANGE), (self.dport, FRA_DPORT_RANGE)] {
            if range.0 != 0 && attrs.get(kind).and_then(range16) != Some(range) {
                return false;
            }
        }
        if self.tun_id != 0 && attrs.u64(FRA_TUN_ID).map(u64::from_be) != Some(self.tun_id) {
            return false;
        }
        if self.table > 0 && self.table != rule.table() {
            return false;
        }
        true
    }
}

/// The selector words of `list`/`flush`/`save` (iprule_list_flush_or_save).
fn parse_filter(args: &[String], af: u8) -> Result<Filter> {
    let mut filter = Filter::default();
    let mut words = args.iter();
    while let Some(word) = words.next() {
        let w = word.as_str();
        if matches(w, "preference") || matches(w, "order") || matches(w, "priority") {
            let value = next_arg(&mut words)?;
            filter.pref = Some(
                rt_names::get_u32(value)
                    .ok_or_else(|| invalid(value, "preference value is invalid\n"))?,
            );
        } else if w == "not" {
            filter.not = true;
        } else if w == "tos" || w == "dsfield" {
            let value = next_arg(&mut words)?;
            filter.tos = Some(
                rt_names::dsfield_number(value)
                    .ok_or_else(|| invalid(value, "TOS value is invalid\n"))?,
            );
        } else if w == "fwmark" {
            let (mark, mask) = fwmark(next_arg(&mut words)?)?;
            filter.fwmark = mark;
            if let Some(mask) = mask {
                filter.fwmask = mask;
            }
        } else if w == "dev" || w == "iif" || w == "oif" {
            let value = interface_word(w, next_arg(&mut words)?)?;
            if w == "oif" {
                filter.oif = Some(value.clone());
            } else {
                filter.iif = Some(value.clone());
            }
        } else if w == "l3mdev" {
            filter.l3mdev = true;
        } else if w == "uidrange" {
            let value = next_arg(&mut words)?;
            let (count, start, end) = scan_range(value);
            // ip sets the filter before it checks the value.
            filter.uid_range = Some((start as u32, end as u32));
            if count != 2 {
                return Err(invalid(value, "invalid UID range\n"));
            }
        } else if matches(w, "tun_id") {
            let value = next_arg(&mut words)?;
            filter.tun_id = rt_names::get_u64(value)
                .ok_or_else(|| invalid(value, "\"tun_id\" value is invalid\n"))?;
        } else if matches(w, "lookup") || matches(w, "table") {
            let value = next_arg(&mut words)?;
            filter.table = rt_names::table_number(value)
                .ok_or_else(|| invalid(value, "table id value is invalid\n"))?;
        } else if matches(w, "from") || matches(w, "src") {
            filter.src = Some(get_prefix(next_arg(&mut words)?, af)?);
        } else if matches(w, "protocol") {
            let value = next_arg(&mut words)?;
            filter.protocol_mask = 0xff;
            match rt_names::protocol_number(value) {
                Some(proto) => filter.protocol = proto,
                None if value == "all" => {
                    filter.protocol = 0;
                    filter.protocol_mask = 0;
                }
                None => return Err(invalid(value, "invalid \"protocol\"\n")),
            }
        } else if w == "ipproto" {
            let value = next_arg(&mut words)?;
            filter.ipproto = rt_names::ip_protocol_number(value)
                .ok_or_else(|| invalid(value, "Invalid \"ipproto\" value\n"))?;
        } else if w == "sport" || w == "dport" {
            let value = next_arg(&mut words)?;
            let reason = if w == "sport" {
                "invalid port range\n"
            } else {
                "invalid dport range\n"
            };
            let range = port_range(value).ok_or_else(|| invalid(value, reason))?;
            if w == "sport" {
                filter.sport = range;
            } else {
                filter.dport = range;
            }
        } else {
            // ip takes any other word as the `to` prefix.
            let value = if matches(w, "dst") || matches(w, "to") {
                next_arg(&mut words)?
            } else {
                word
            };
            filter.dst = Some(get_prefix(value, af)?);
        }
    }
    Ok(filter)
}

fn is_tty(fd: i32) -> bool {
    // SAFETY: isatty only inspects the descriptor.
    unsafe { nix::libc::isatty(fd) == 1 }
}

/// ip's `iprule_list_flush_or_save`.
fn list_flush_or_save(
    ctx: &mut Context,
    args: &[String],
    action: Action,
    preferred: u8,
) -> Result<()> {
    let af = if preferred == 0 { AF_INET } else { preferred };
    if action == Action::Save {
        if !args.is_empty() {
            return Err(RuleError::SaveArguments.into());
        }
        if is_tty(1) {
            return Err(Error::SaveToTerminal);
        }
        // The magic goes out before the dump, as ip writes it.
        dumpfile::start_save(ctx, DUMP_MAGIC)?;
    }
    let mut filter = parse_filter(args, af)?;
    filter.family = preferred;

    let request = dump_request(af);
    // ip opens its JSON array before it dumps, whatever the action (`-j rule
    // flush` prints `[]`), and leaves it open when the dump or a deletion
    // fails (`-j mrule` on a kernel without multicast rules prints `[`).
    ctx.out.begin_list();
    let messages = ctx
        .raw()?
        .dump_all(&request, |msg| {
            Some((msg.msg_type, msg.flags, msg.payload.to_vec()))
        })
        .map_err(|refusal| RuleError::DumpTerminated(refusal.dump_error()))?;

    match action {
        Action::List => {
            let style = style(ctx);
            let p = &mut ctx.out;
            for (msg_type, _, payload) in &messages {
                if *msg_type != RTM_NEWRULE && *msg_type != RTM_DELRULE {
                    continue;
                }
                match Rule::parse(payload) {
                    Some(rule) if filter.accepts(&rule) => print_rule(p, *msg_type, &rule, style),
                    Some(_) => {}
                    // ip ends the dump there ("Dump terminated"); rnet
                    // says what it skipped and prints the other rules.
                    None => crate::error::warn(crate::error::Warning::Undecodable {
                        what: "rule",
                        len: payload.len(),
                    }),
                }
            }
        }
        Action::Flush => {
            for (_, _, payload) in &messages {
                let Some(rule) = Rule::parse(payload).filter(|rule| filter.accepts(rule)) else {
                    continue;
                };
                if let Some(protocol) = rule.attrs.u8(FRA_PROTOCOL) {
                    if (filter.protocol ^ protocol) & filter.protocol_mask != 0 {
                        continue;
                    }
                }
                if rule.priority().is_none() {
                    continue;
                }
                // The kernel's own bytes go back, as ip sends them: decoding
                // them into a RuleMessage and encoding it again is not
                // guaranteed to give the same bytes (attributes the crate
                // does not know, or re-encodes differently).
                let request = Request::new(RTM_DELRULE, NLM_F_REQUEST | NLM_F_ACK).fixed(payload);
                ctx.raw()?
                    .talk(request, |_| {})
                    .map_err(|refusal| RuleError::FlushFailed(refusal.error))?;
            }
        }
        Action::Save => {
            let mut out = crate::output::RawStdout::default();
            let mut bytes = Vec::new();
            // ip's save_rule writes every message of the dump, unfiltered.
            for (msg_type, flags, payload) in &messages {
                // The sequence number and port id of the dump are not kept;
                // restore replaces the one and the kernel ignores the other.
                let len = (16 + payload.len()) as u32;
                bytes.extend_from_slice(&len.to_ne_bytes());
                bytes.extend_from_slice(&msg_type.to_ne_bytes());
                bytes.extend_from_slice(&flags.to_ne_bytes());
                bytes.extend_from_slice(&[0u8; 8]);
                bytes.extend_from_slice(payload);
            }
            let _ = out.write_all(&bytes);
        }
    }
    ctx.out.end_list();
    Ok(())
}

/// ip's `iprule_restore`: every message of a `save` dump, sent again with
/// NLM_F_CREATE. Refusals are printed; only EEXIST lets restore go on.
fn restore(ctx: &mut Context) -> Result<()> {
    let dump = dumpfile::read("rule", DUMP_MAGIC)?;
    let raw = ctx.raw()?;
    dump.each(|msg_type, flags, payload| {
        if !dumpfile::restore_one(raw, msg_type, flags, payload) {
            return Err(Error::Exit(255));
        }
        Ok(())
    })?;
    // ip ends `rule restore` with exit(), which also ends a batch.
    Err(Error::Exit(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_follow_get_prefix() {
        let p = get_prefix_1("192.0.2.0/24", AF_INET).unwrap();
        assert_eq!(
            (p.family, p.bitlen, p.data),
            (AF_INET, 24, vec![192, 0, 2, 0])
        );
        let p = get_prefix_1("10", 0).unwrap();
        assert_eq!((p.bitlen, p.data), (32, vec![10, 0, 0, 0]));
        let p = get_prefix_1("all", 0).unwrap();
        assert_eq!((p.family, p.bitlen, p.data.len()), (0, 0, 0));
        let p = get_prefix_1("default", AF_INET).unwrap();
        assert_eq!((p.bitlen, p.data.len()), (0, 4));
        assert_eq!(get_prefix_1("all/8", AF_INET), None);
        assert_eq!(get_prefix_1("2001:db8::1", AF_INET), None);
        let p = get_prefix_1("2001:db8::/32", AF_INET6).unwrap();
        assert_eq!(p.bitlen, 32);
        let p = get_prefix_1("192.0.2.0/255.255.255.0", 0).unwrap();
        assert_eq!(p.bitlen, 24);
        assert_eq!(get_prefix_1("192.0.2.0/33", 0), None);
        assert_eq!(get_prefix_1("256.0.0.1", 0), None);
        assert_eq!(get_prefix_1("1.2.3.4.5", 0), None);
        assert_eq!(get_prefix_1("1.", 0), None);
        let p = get_prefix_1("100", AF_MPLS).unwrap();
        assert_eq!(
            (p.family, p.bitlen, p.data),
            (AF_MPLS, 20, vec![0, 0x06, 0x41, 0])
        );
        assert_eq!(get_prefix_1("1048576", AF_MPLS), None);
    }

    #[test]
    fn ranges_follow_sscanf() {
        assert_eq!(port_range("80"), Some((80, 80)));
        assert_eq!(port_range("80-90"), Some((80, 90)));
        assert_eq!(port_range("80-"), Some((80, 80)));
        assert_eq!(port_range("x"), None);
        assert_eq!(uid_range("1-2"), Some((1, 2)));
        assert_eq!(uid_range("1"), None);
        assert_eq!(uid_range(" 1- 2"), Some((1, 2)));
    }

    fn words(line: &str) -> Vec<String> {
        line.split(' ').map(String::from).collect()
    }

    fn hex(dump: &str) -> Vec<u8> {
        dump.split_whitespace()
            .map(|byte| u8::from_str_radix(byte, 16).unwrap())
            .collect()
    }

    /// The bytes ip 6.1 sent (strace -e write=3), sequence number included.
    #[test]
    fn add_request_matches_ip_bytes() {
        let ip = hex("9c 00 00 00 20 00 05 06  0e 60 0f 6b 00 00 00 00
             02 20 18 10 00 00 00 01  02 00 00 00 08 00 02 00
             c0 00 02 00 08 00 01 00  c6 33 64 01 08 00 0a 00
             05 00 00 00 08 00 10 00  ff 00 00 00 07 00 03 00
             6c 6f 00 00 07 00 11 00  6c 6f 00 00 08 00 06 00
             64 00 00 00 08 00 0f 00  e8 03 00 00 0c 00 14 00
             01 00 00 00 02 00 00 00  05 00 16 00 06 00 00 00
             08 00 17 00 50 00 50 00  08 00 18 00 e8 03 d0 07
             08 00 0b 00 04 00 03 00  05 00 15 00 04 00 00 00
             0c 00 0c 00 00 00 00 00  00 00 00 07");
        let args = words(
            "not from 192.0.2.0/24 to 198.51.100.1 tos 0x10 fwmark 5/0xff iif lo oif lo \
             pref 100 table 1000 uidrange 1-2 ipproto tcp sport 80 dport 1000-2000 \
             realms 3/4 protocol static tun_id 7",
        );
        let args: Vec<String> = args.into_iter().filter(|w| !w.is_empty()).collect();
        let request = modify_request(RTM_NEWRULE, 0, &args, false).unwrap();
        assert_eq!(request.finish(0x6b0f_600e), ip);
    }

    #[test]
    fn delete_request_matches_ip_bytes() {
        let ip = hex("50 00 00 00 21 00 05 00  0e 60 0f 6b 00 00 00 00
             0a 00 20 00 00 00 00 02  00 00 00 00 14 00 02 00
             20 01 0d b8 00 00 00 00  00 00 00 00 00 00 00 00
             08 00 04 00 05 00 00 00  08 00 0e 00 03 00 00 00
             08 00 0d 00 02 00 00 00  05 00 13 00 01 00 00 00");
        let args =
            words("from 2001:db8::/32 goto 5 suppress_prefixlength 3 suppress_ifgroup 2 l3mdev");
        let request = modify_request(RTM_DELRULE, AF_INET6, &args, false).unwrap();
        assert_eq!(request.finish(0x6b0f_600e), ip);
    }

    #[test]
    fn filter_matches_prefixes() {
        let prefix = get_prefix_1("192.0.2.0/24", AF_INET).unwrap();
        assert!(prefix_matches(&prefix, Some(&[192, 0, 2, 7])));
        assert!(!prefix_matches(&prefix, Some(&[192, 0, 3, 7])));
        assert!(prefix_matches(&prefix, None));
        let prefix = get_prefix_1("192.0.2.128/25", AF_INET).unwrap();
        assert!(!prefix_matches(&prefix, Some(&[192, 0, 2, 7])));
    }

    /// (command, family, echo, words, bytes): the requests rnet's raw
    /// builder sent before they went through netlink-packet-route's
    /// `RuleMessage`, captured from it with sequence number 0: every rule
    /// type and selector, and the attributes the crate cannot type (`nat`'s
    /// RTA_GATEWAY, the empty FRA_SRC/FRA_DST of `all`).
    const RAW_BUILDER_REQUESTS: &[(u16, u8, bool, &str, &str)] = &[
        (
            RTM_NEWRULE,
            0,
            false,
            "from all to all lookup main",
            "24 00 00 00 20 00 05 06 00 00 00 00 00 00 00 00
             02 00 00 00 fe 00 00 01 00 00 00 00 04 00 02 00
             04 00 01 00",
        ),
        (
            RTM_NEWRULE,
            0,
            false,
            "from 192.0.2.1 nat 198.51.100.1 pref 5",
            "34 00 00 00 20 00 05 06 00 00 00 00 00 00 00 00
             02 00 20 00 fe 00 00 0a 00 00 00 00 08 00 02 00
             c0 00 02 01 08 00 05 00 c6 33 64 01 08 00 06 00
             05 00 00 00",
        ),
        (
            RTM_NEWRULE,
            0,
            false,
            "type unreachable pref 6",
            "24 00 00 00 20 00 05 06 00 00 00 00 00 00 00 00
             02 00 00 00 00 00 00 07 00 00 00 00 08 00 06 00
             06 00 00 00",
        ),
        (
            RTM_NEWRULE,
            0,
            false,
            "blackhole",
            "1c 00 00 00 20 00 05 06 00 00 00 00 00 00 00 00
             02 00 00 00 00 00 00 06 00 00 00 00",
        ),
        (
            RTM_NEWRULE,
            0,
            false,
            "prohibit fwmark 0x10",
            "24 00 00 00 20 00 05 06 00 00 00 00 00 00 00 00
             02 00 00 00 00 00 00 08 00 00 00 00 08 00 0a 00
             10 00 00 00",
        ),
        (
            RTM_NEWRULE,
            0,
            false,
            "nop",
            "1c 00 00 00 20 00 05 06 00 00 00 00 00 00 00 00
             02 00 00 00 00 00 00 03 00 00 00 00",
        ),
        (
            RTM_NEWRULE,
            0,
            false,
            "goto 10 pref 9",
            "2c 00 00 00 20 00 05 06 00 00 00 00 00 00 00 00
             02 00 00 00 00 00 00 02 00 00 00 00 08 00 04 00
             0a 00 00 00 08 00 06 00 09 00 00 00",
        ),
        (
            RTM_NEWRULE,
            AF_INET6,
            false,
            "l3mdev pref 1000",
            "2c 00 00 00 20 00 05 06 00 00 00 00 00 00 00 00
             0a 00 00 00 00 00 00 01 00 00 00 00 05 00 13 00
             01 00 00 00 08 00 06 00 e8 03 00 00",
        ),
        (
            RTM_NEWRULE,
            0,
            true,
            "not dev lo table 100000 sup_pl 0 sup_group 3",
            "3c 00 00 00 20 00 0d 06 00 00 00 00 00 00 00 00
             02 00 00 00 00 00 00 01 02 00 00 00 07 00 03 00
             6c 6f 00 00 08 00 0f 00 a0 86 01 00 08 00 0e 00
             00 00 00 00 08 00 0d 00 03 00 00 00",
        ),
        (
            RTM_NEWRULE,
            AF_INET6,
            false,
            "from 2001:db8::/32 to 2001:db8:1::1 ipproto udp sport 53 dport 1-1024 uidrange 100-200",
            "68 00 00 00 20 00 05 06 00 00 00 00 00 00 00 00
             0a 80 20 00 fe 00 00 01 00 00 00 00 14 00 02 00
             20 01 0d b8 00 00 00 00 00 00 00 00 00 00 00 00
             14 00 01 00 20 01 0d b8 00 01 00 00 00 00 00 00
             00 00 00 01 05 00 16 00 11 00 00 00 08 00 17 00
             35 00 35 00 08 00 18 00 01 00 00 04 0c 00 14 00
             64 00 00 00 c8 00 00 00",
        ),
        (
            RTM_NEWRULE,
            0,
            false,
            "realms 7 protocol 200 tun_id 0x1122334455667788 oif lo table local",
            "40 00 00 00 20 00 05 06 00 00 00 00 00 00 00 00
             02 00 00 00 ff 00 00 01 00 00 00 00 08 00 0b 00
             07 00 00 00 05 00 15 00 c8 00 00 00 0c 00 0c 00
             11 22 33 44 55 66 77 88 07 00 11 00 6c 6f 00 00",
        ),
        (
            RTM_NEWRULE,
            0,
            false,
            "from 10.0.0.0/8 realms 1/2 lookup 300 priority 77",
            "3c 00 00 00 20 00 05 06 00 00 00 00 00 00 00 00
             02 00 08 00 00 00 00 01 00 00 00 00 08 00 02 00
             0a 00 00 00 08 00 0b 00 02 00 01 00 08 00 0f 00
             2c 01 00 00 08 00 06 00 4d 00 00 00",
        ),
        (
            RTM_DELRULE,
            0,
            false,
            "pref 5",
            "24 00 00 00 21 00 05 00 00 00 00 00 00 00 00 00
             02 00 00 00 00 00 00 00 00 00 00 00 08 00 06 00
             05 00 00 00",
        ),
        (
            RTM_DELRULE,
            0,
            false,
            "from all lookup 1000",
            "28 00 00 00 21 00 05 00 00 00 00 00 00 00 00 00
             02 00 00 00 00 00 00 00 00 00 00 00 04 00 02 00
             08 00 0f 00 e8 03 00 00",
        ),
        (
            RTM_DELRULE,
            AF_INET6,
            true,
            "to 2001:db8::/64 goto 100",
            "38 00 00 00 21 00 0d 00 00 00 00 00 00 00 00 00
             0a 40 00 00 00 00 00 02 00 00 00 00 14 00 01 00
             20 01 0d b8 00 00 00 00 00 00 00 00 00 00 00 00
             08 00 04 00 64 00 00 00",
        ),
    ];

    #[test]
    fn typed_requests_match_raw_builder_bytes() {
        for (cmd, family, echo, line, bytes) in RAW_BUILDER_REQUESTS {
            let args: Vec<String> = line.split_whitespace().map(String::from).collect();
            let request = modify_request(*cmd, *family, &args, *echo).unwrap();
            assert_eq!(request.finish(0), hex(bytes), "{line}");
        }
    }

    /// The `list` dump request: a bare `fib_rule_hdr` of the family.
    #[test]
    fn dump_request_is_a_bare_header() {
        for family in [AF_INET, AF_INET6] {
            let request = dump_request(family);
            let mut expected = hex("1c 00 00 00 22 00 01 03 00 00 00 00 00 00 00 00");
            expected.push(family);
            expected.extend_from_slice(&[0; 11]);
            assert_eq!(request.finish(0), expected);
        }
    }
}
