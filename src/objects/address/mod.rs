//! `ip address`: protocol addresses on devices (ip/ipaddress.c).
//!
//! `add`, `change`, `replace` and `delete` share one parser (ip's
//! `ipaddr_modify`) whose quirks scripts rely on: flags checked against the
//! family known *when the flag is read*, the IPv4 wildcard delete, `brd +`
//! computed client-side only up to /30, scope `host` for 127/8. The request
//! is netlink-packet-route's `AddressMessage`, attributes in ip's order; the
//! payloads ip sends that the crate's types cannot hold stay raw `Other`
//! attributes (see [`ip_attribute`], [`broadcast_attribute`],
//! [`anycast_attribute`]). Listing and flushing live in `show.rs`, shared
//! with `ip link show` as in ip; flush sends the kernel's own bytes back.

pub(crate) mod errors;
pub(crate) mod print;

use crate::context::Context;
use crate::error::{warn, Error, KernelError, Result, Warning};
use crate::grammar::inet::{self, Prefix, AF_INET, AF_UNSPEC};
use crate::grammar::tree::{kw, kw_alias, resolve, Keyword, Match, Usage};
use crate::grammar::{get_unsigned, matches, next_arg};
use crate::kernel::raw::{NLM_F_CREATE, NLM_F_ECHO, NLM_F_EXCL, NLM_F_REPLACE};
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use netlink_packet_core::DefaultNla;
use netlink_packet_route::address::{AddressAttribute, AddressFlags, AddressMessage, CacheInfo};
use netlink_packet_route::RouteNetlinkMessage;

use crate::kernel::address::typed_header;
use crate::kernel::attrs::Request;
use crate::kernel::raw::{NLM_F_ACK, NLM_F_REQUEST};
use crate::kernel::{typed_ip, typed_request};
use crate::model::address::*;
use crate::objects::address::errors::AddressError;
use crate::objects::address::print::{print_address, AddressStyle};
use crate::objects::{device, dumpfile, existing, show};
use crate::output::Kind;

/// `ip address` sub-commands (ip/ipaddress.c `do_ipaddr`), in matching order.
pub(crate) const COMMANDS: &[Keyword] = &[
    kw("add", "add an address"),
    kw_alias(
        "change",
        &[("chg", Match::Exact)],
        "change an address's attributes",
    ),
    kw("replace", "add an address or change it"),
    kw("delete", "delete an address"),
    kw_alias(
        "list",
        &[("show", Match::Prefix), ("lst", Match::Prefix)],
        "list addresses",
    ),
    kw("flush", "delete the addresses a filter selects"),
    kw("save", "write the addresses as a binary dump"),
    kw("showdump", "print a binary dump"),
    kw("restore", "add the addresses of a binary dump"),
    kw("help", "print the usage"),
];

/// `address help`: ip's usage text, with the program's name where ip has `ip address`.
pub(crate) const USAGE: Usage = Usage::object(include_str!("usage.txt"), "ip address ");

pub fn run(ctx: &mut Context, args: &[String]) -> Result<()> {
    let Some(word) = args.first() else {
        return show::list_addresses(ctx, &[], show::Action::List);
    };
    let Some(command) = resolve(word, COMMANDS) else {
        return Err(Error::UnknownCommand {
            help_topic: "address help",
            word: word.clone(),
        });
    };
    let rest = &args[1..];
    match command.name {
        "add" => modify(ctx, RTM_NEWADDR, NLM_F_CREATE | NLM_F_EXCL, rest),
        "change" => modify(ctx, RTM_NEWADDR, NLM_F_REPLACE, rest),
        "replace" => modify(ctx, RTM_NEWADDR, NLM_F_CREATE | NLM_F_REPLACE, rest),
        "delete" => modify(ctx, RTM_DELADDR, 0, rest),
        "list" => show::list_addresses(ctx, rest, show::Action::List),
        "flush" => show::list_addresses(ctx, rest, show::Action::Flush),
        "save" => show::list_addresses(ctx, rest, show::Action::Save),
        "showdump" => showdump(ctx),
        "restore" => restore(ctx),
        "help" => Err(Error::Usage(USAGE)),
        other => Err(Error::CommandNotImplemented {
            object: "address",
            command: other,
        }),
    }
}

/// `ip addr showdump`: an `ip addr save` dump, printed.
fn showdump(ctx: &mut Context) -> Result<()> {
    let dump = dumpfile::read("address", show::DUMP_MAGIC)?;
    let style = AddressStyle {
        brief: ctx.options.brief > 0,
        with_device: ctx.options.echo > 0,
        numeric: ctx.options.numeric > 0,
        resolve: ctx.options.resolve > 0,
    };
    ctx.out.begin_list();
    ctx.out.open_object(None);
    ctx.out.open_array(Kind::Json, "addr_info", "");
    let out = &mut ctx.out;
    let result = dump.each(|msg_type, _, payload| {
        let Some(address) = Address::from_payload(msg_type, payload) else {
            return Ok(());
        };
        out.open_object(None);
        out.int(Kind::Any, Some("index"), "if{}:", address.header.index);
        out.nl();
        if msg_type == RTM_NEWADDR || msg_type == RTM_DELADDR {
            print_address(out, &address, b"", &style);
        }
        out.close_object();
        Ok(())
    });
    ctx.out.close_array(Kind::Json, "");
    ctx.out.close_object();
    ctx.out.end_list();
    result?;
    // ip ends with exit(), which also ends a batch.
    Err(Error::Exit(0))
}

/// `ip addr restore`: the addresses of an `ip addr save` dump, added again.
/// Addresses that exist are reported and skipped, as ip does.
fn restore(ctx: &mut Context) -> Result<()> {
    let dump = dumpfile::read("address", show::DUMP_MAGIC)?;
    let raw = ctx.raw()?;
    dump.each(|msg_type, flags, payload| {
        if !dumpfile::restore_one(raw, msg_type, flags, payload) {
            return Err(Error::Exit(255));
        }
        Ok(())
    })?;
    Err(Error::Exit(0))
}

/// `valid_lft`/`preferred_lft` and its value: once only (`seen` holds the
/// value given first), as ip's `duparg` checks.
fn lifetime_arg<'a>(
    key: &str,
    word: &str,
    seen: &mut Option<&'a String>,
    words: &mut std::slice::Iter<'a, String>,
) -> Result<u32> {
    if seen.is_some() {
        return Err(Error::DuplicateArgument {
            key: key.into(),
            arg: word.to_string(),
        });
    }
    let value = next_arg(words)?;
    *seen = Some(value);
    lifetime(value).ok_or_else(|| Error::InvalidArgument {
        arg: value.clone(),
        reason: format!("{key} value"),
    })
}

/// ip's `set_lifetime`: `forever` or a u32 number of seconds.
fn lifetime(word: &str) -> Option<u32> {
    if word == "forever" {
        Some(INFINITY_LIFE_TIME)
    } else {
        get_unsigned(word)
    }
}

/// `brd +` (set) or `brd -` (clear): the host bits of `prefix`, or nothing
/// for /31 and /32.
fn broadcast_of(prefix: &Prefix, set: bool) -> Option<[u8; 4]> {
    if prefix.bitlen > 30 {
        return None;
    }
    let mut address = u32::from_be_bytes(prefix.data[..4].try_into().expect("4 bytes"));
    let host_bits = 32 - prefix.bitlen.max(0) as u32;
    let mask = if host_bits >= 32 {
        u32::MAX
    } else {
        (1u32 << host_bits) - 1
    };
    if set {
        address |= mask;
    } else {
        address &= !mask;
    }
    Some(address.to_be_bytes())
}

/// ip's `default_scope`: `host` for 127/8, else global.
fn default_scope(local: &Prefix) -> u8 {
    if local.family == AF_INET && local.bytelen >= 1 && local.data[0] == 127 {
        RT_SCOPE_HOST
    } else {
        0
    }
}

/// What `brd` asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Broadcast {
    None,
    Given,
    SetHostBits,
    ClearHostBits,
}

/// A request parsed up to the device lookup (ip checks what is left after
/// it).
struct Planned {
    cmd: u16,
    header: IfAddr,
    /// Attributes in the order ip adds them, so the request matches ip's.
    attrs: Vec<AddressAttribute>,
    device: String,
    /// (valid, preferred) when either was given.
    lifetimes: Option<(u32, u32)>,
    /// `autojoin` on an address that is not multicast.
    autojoin_without_multicast: bool,
}

/// ip's `ipaddr_modify`: RTM_NEWADDR / RTM_DELADDR from the words.
fn modify(ctx: &mut Context, cmd: u16, flags: u16, args: &[String]) -> Result<()> {
    let family = show::family_number(ctx.options.family);
    let planned = plan(cmd, family, args)?;
    let index = device::index_of(ctx, &planned.device)?;
    if index == 0 {
        return Err(Error::CannotFindDevice(planned.device.clone()));
    }
    let wanted = existing::WantedAddress::from_attrs(
        index,
        planned.header.family,
        planned.header.prefixlen,
        &planned.attrs,
    );
    let creating = cmd == RTM_NEWADDR && flags & NLM_F_EXCL != 0;
    if let (true, Some(wanted)) = (ctx.options.idempotent, &wanted) {
        if already_done(ctx, wanted, cmd, creating, &planned.device)? {
            return Ok(());
        }
    }
    let device_name = planned.device.clone();
    let echo = ctx.options.echo > 0;
    let flags = if echo { flags | NLM_F_ECHO } else { flags };
    let request = finish(planned, flags, index as u32)?;
    // With -echo, ip prints the first answer, the kernel's copy of the
    // change (none comes for IPv6 here, and then ip prints nothing).
    let mut answer: Option<Address> = None;
    let sent = ctx.raw()?.talk(request, |message| {
        if answer.is_none() {
            answer = Address::from_payload(message.msg_type, message.payload);
        }
    });
    if let Err(refusal) = sent {
        let error = refusal.error;
        // rnet's -idempotent: added between the look-up and the request,
        // or gone before the delete; judged again.
        if let (true, Some(wanted)) = (ctx.options.idempotent, &wanted) {
            let state = existing::address_state(ctx, wanted)?;
            match (state, error.errno) {
                (existing::State::Same, nix::libc::EEXIST) if creating => return Ok(()),
                (existing::State::Absent, nix::libc::EADDRNOTAVAIL) if cmd == RTM_DELADDR => {
                    return Ok(())
                }
                _ => {}
            }
        }
        return Err(explain(error, wanted.as_ref(), &device_name));
    }
    if echo {
        ctx.out.begin_list();
        ctx.out.open_object(None);
        if let Some(address) =
            answer.filter(|a| a.msg_type == RTM_NEWADDR || a.msg_type == RTM_DELADDR)
        {
            let name = device::name_of(ctx, address.header.index as i32)?;
            let style = AddressStyle {
                brief: ctx.options.brief > 0,
                with_device: true,
                numeric: ctx.options.numeric > 0,
                resolve: ctx.options.resolve > 0,
            };
            print_address(&mut ctx.out, &address, &name, &style);
        }
        ctx.out.close_object();
        ctx.out.end_list();
    }
    Ok(())
}

/// rnet's `-idempotent`: whether an `add` finds the same address there or
/// a `delete` finds none; an `add` that finds the address with another
/// prefix length or peer is an error saying so.
fn already_done(
    ctx: &mut Context,
    wanted: &existing::WantedAddress,
    cmd: u16,
    creating: bool,
    device: &str,
) -> Result<bool> {
    match (existing::address_state(ctx, wanted)?, cmd) {
        (existing::State::Same, RTM_NEWADDR) if creating => Ok(true),
        (existing::State::Differs(difference), RTM_NEWADDR) if creating => {
            Err(Error::ExistsDifferently {
                what: format!(
                    "address {} on {device}",
                    existing::address_text(&wanted.local)
                ),
                difference,
            })
        }
        (existing::State::Absent, RTM_DELADDR) => Ok(true),
        _ => Ok(false),
    }
}

/// A refused address change, with the device and address it concerned
/// (shown as a hint with `-hints`; ip's text and status are unchanged).
fn explain(error: KernelError, wanted: Option<&existing::WantedAddress>, device: &str) -> Error {
    let address = wanted.map(|w| existing::address_text(&w.local));
    let hint = match (error.errno, &address) {
        (nix::libc::EEXIST, Some(address)) => format!(
            "{address} is already on {device} (`rnet addr show dev {device}`); -idempotent \
             accepts an identical address, `rnet addr replace` updates it"
        ),
        (nix::libc::EPERM, _) => format!(
            "changing the addresses of {device} needs CAP_NET_ADMIN in this network namespace: \
             run as root, or in a container granted NET_ADMIN"
        ),
        _ => return Error::Kernel(error),
    };
    let mut objects = vec![device.to_string()];
    objects.extend(address);
    Error::Explained {
        error: Box::new(Error::Kernel(error)),
        hint,
        objects,
    }
}

/// The checks ip makes after the device lookup, then the request.
fn finish(mut planned: Planned, flags: u16, index: u32) -> Result<Request> {
    planned.header.index = index;
    if let Some((valid_lft, preferred_lft)) = planned.lifetimes {
        if valid_lft == 0 {
            return Err(Error::from(AddressError::ValidLifetimeZero));
        }
        if valid_lft < preferred_lft {
            return Err(Error::from(AddressError::PreferredAboveValid));
        }
        // Only the lifetimes are set; the time stamps stay 0, as ip sends them.
        let mut cacheinfo = CacheInfo::default();
        cacheinfo.ifa_preferred = preferred_lft;
        cacheinfo.ifa_valid = valid_lft;
        planned.attrs.push(AddressAttribute::CacheInfo(cacheinfo));
    }
    if planned.autojoin_without_multicast {
        return Err(Error::from(AddressError::AutojoinNeedsMulticast));
    }
    Ok(build_request(
        planned.cmd,
        NLM_F_REQUEST | NLM_F_ACK | flags,
        planned.header,
        planned.attrs,
    ))
}

/// ip's `ipaddr_modify` up to the device lookup: the words, in ip's order
/// of checks.
fn plan(cmd: u16, family: u8, args: &[String]) -> Result<Planned> {
    let mut header = IfAddr {
        family,
        ..IfAddr::default()
    };
    // Attributes in the order ip adds them, so the request matches ip's.
    let mut attrs: Vec<AddressAttribute> = Vec::new();
    let mut device_name: Option<&String> = None;
    let mut local_arg: Option<&String> = None;
    let mut local: Option<Prefix> = None;
    let mut local_len = 0;
    let mut peer: Option<Prefix> = None;
    let mut peer_len = 0;
    let mut broadcast = Broadcast::None;
    let mut anycast_len = 0;
    let mut scoped = false;
    let mut valid_arg: Option<&String> = None;
    let mut preferred_arg: Option<&String> = None;
    let mut valid_lft = INFINITY_LIFE_TIME;
    let mut preferred_lft = INFINITY_LIFE_TIME;
    let mut ifa_flags: u32 = 0;

    let mut words = args.iter();
    while let Some(word) = words.next() {
        let w = word.as_str();
        if w == "peer" || w == "remote" {
            let value = next_arg(&mut words)?;
            if peer_len != 0 {
                return Err(Error::DuplicateArgument {
                    key: "peer".into(),
                    arg: value.clone(),
                });
            }
            let prefix = inet::get_prefix(value, header.family)?;
            peer_len = prefix.bytelen;
            if header.family == AF_UNSPEC {
                header.family = prefix.family;
            }
            attrs.push(ip_attribute(
                IFA_ADDRESS,
                prefix.bytes(),
                AddressAttribute::Address,
            ));
            header.prefixlen = prefix.bitlen as u8;
            peer = Some(prefix);
        } else if matches(w, "broadcast") || w == "brd" {
            let value = next_arg(&mut words)?;
            if broadcast != Broadcast::None {
                return Err(Error::DuplicateArgument {
                    key: "broadcast".into(),
                    arg: value.clone(),
                });
            }
            broadcast = match value.as_str() {
                "+" => Broadcast::SetHostBits,
                "-" => Broadcast::ClearHostBits,
                _ => {
                    let address = inet::get_addr(value, header.family)?;
                    if header.family == AF_UNSPEC {
                        header.family = address.family;
                    }
                    attrs.push(broadcast_attribute(address.bytes()));
                    // ip remembers the length; an empty `any` counts as unset.
                    if address.bytelen == 0 {
                        Broadcast::None
                    } else {
                        Broadcast::Given
                    }
                }
            };
        } else if w == "anycast" {
            let value = next_arg(&mut words)?;
            if anycast_len != 0 {
                return Err(Error::DuplicateArgument {
                    key: "anycast".into(),
                    arg: value.clone(),
                });
            }
            let address = inet::get_addr(value, header.family)?;
            if header.family == AF_UNSPEC {
                header.family = address.family;
            }
            attrs.push(anycast_attribute(address.bytes()));
            anycast_len = address.bytelen;
        } else if w == "scope" {
            let value = next_arg(&mut words)?;
            header.scope = scope_number(value).ok_or_else(|| Error::InvalidArgument {
                arg: value.clone(),
                reason: "invalid scope value.".into(),
            })?;
            scoped = true;
        } else if w == "dev" {
            device_name = Some(next_arg(&mut words)?);
        } else if w == "label" {
            let value = next_arg(&mut words)?;
            attrs.push(AddressAttribute::Label(value.clone()));
        } else if matches(w, "metric") || matches(w, "priority") || matches(w, "preference") {
            let value = next_arg(&mut words)?;
            let metric = get_unsigned(value).ok_or_else(|| Error::InvalidArgument {
                arg: value.clone(),
                reason: "\"metric\" value is invalid\n".into(),
            })?;
            attrs.push(AddressAttribute::RoutePriority(metric));
        } else if matches(w, "valid_lft") {
            valid_lft = lifetime_arg("valid_lft", word, &mut valid_arg, &mut words)?;
        } else if matches(w, "preferred_lft") {
            preferred_lft = lifetime_arg("preferred_lft", word, &mut preferred_arg, &mut words)?;
        } else if let Some(flag) = flag_by_name(w) {
            if flag.readonly {
                warn(Warning::FlagNotMutable(flag.name));
            } else if flag.v6only && header.family != inet::AF_INET6 {
                warn(Warning::FlagOnlyIpv6(flag.name));
            } else {
                ifa_flags |= flag.mask;
            }
        } else {
            let value = if w == "local" {
                next_arg(&mut words)?
            } else {
                word
            };
            if matches(value, "help") {
                return Err(Error::Usage(USAGE));
            }
            if local_len != 0 {
                return Err(Error::DuplicateOrGarbage {
                    key: "local".into(),
                    arg: value.clone(),
                });
            }
            local_arg = Some(value);
            let prefix = inet::get_prefix(value, header.family)?;
            if header.family == AF_UNSPEC {
                header.family = prefix.family;
            }
            attrs.push(ip_attribute(
                IFA_LOCAL,
                prefix.bytes(),
                AddressAttribute::Local,
            ));
            local_len = prefix.bytelen;
            local = Some(prefix);
        }
    }
    if ifa_flags <= 0xff {
        header.flags = ifa_flags as u8;
    } else {
        attrs.push(AddressAttribute::Flags(AddressFlags::from_bits_retain(
            ifa_flags,
        )));
    }

    let Some(device_name) = device_name else {
        return Err(Error::from(AddressError::NeedsDevice));
    };

    // ip's `inet_prefix lcl = {}`: a zero prefix when no local was given.
    let local = local.unwrap_or(Prefix {
        family: AF_UNSPEC,
        bytelen: 0,
        bitlen: 0,
        prefix_specified: false,
        data: [0; 16],
    });
    if peer_len == 0 && local_len != 0 {
        if cmd == RTM_DELADDR && local.family == AF_INET && !local.prefix_specified {
            warn(Warning::WildcardDelete {
                address: local_arg.cloned().unwrap_or_default(),
                bits: local_len * 8,
            });
        } else {
            peer = Some(local);
            attrs.push(ip_attribute(
                IFA_ADDRESS,
                local.bytes(),
                AddressAttribute::Address,
            ));
        }
    }
    if header.prefixlen == 0 {
        header.prefixlen = local.bitlen as u8;
    }

    if matches!(broadcast, Broadcast::SetHostBits | Broadcast::ClearHostBits) && cmd != RTM_DELADDR
    {
        if header.family != AF_INET {
            return Err(Error::from(AddressError::BroadcastOnlyIpv4));
        }
        // ip reads an uninitialised peer here when there is no address at
        // all; a zero /0 stands in for it.
        let base = peer.unwrap_or(local);
        if let Some(address) = broadcast_of(&base, broadcast == Broadcast::SetHostBits) {
            // ip sends as many bytes as the prefix has: none for its
            // stand-in, which the kernel then refuses.
            attrs.push(broadcast_attribute(&address[..base.bytelen.min(4)]));
        }
    }
    if !scoped && cmd != RTM_DELADDR {
        header.scope = default_scope(&local);
    }

    Ok(Planned {
        cmd,
        header,
        attrs,
        device: device_name.clone(),
        lifetimes: (valid_arg.is_some() || preferred_arg.is_some())
            .then_some((valid_lft, preferred_lft)),
        autojoin_without_multicast: ifa_flags & IFA_F_MCAUTOJOIN != 0 && !local.is_multicast(),
    })
}

/// An IFA_ADDRESS or IFA_LOCAL of ip's bytes: netlink-packet-route 0.34
/// types both as an `IpAddr`, which holds only 4 or 16 bytes; ip sends the
/// prefix's bytes whatever their number (none for a family-less `any`), and
/// those other lengths stay raw.
fn ip_attribute(
    kind: u16,
    bytes: &[u8],
    typed: fn(IpAddr) -> AddressAttribute,
) -> AddressAttribute {
    match typed_ip(bytes) {
        Some(address) => typed(address),
        None => AddressAttribute::Other(DefaultNla::new(kind, bytes.to_vec())),
    }
}

/// IFA_BROADCAST: netlink-packet-route 0.34 has only an `Ipv4Addr` for it;
/// ip also sends an IPv6 `brd`'s 16 bytes and the shortened `brd +` of a
/// prefix with fewer than 4 bytes, which stay raw.
fn broadcast_attribute(bytes: &[u8]) -> AddressAttribute {
    match <[u8; 4]>::try_from(bytes) {
        Ok(v4) => AddressAttribute::Broadcast(Ipv4Addr::from(v4)),
        Err(_) => AddressAttribute::Other(DefaultNla::new(IFA_BROADCAST, bytes.to_vec())),
    }
}

/// IFA_ANYCAST: netlink-packet-route 0.34 has only an `Ipv6Addr` for it;
/// ip also sends an IPv4 `anycast`'s 4 bytes, which stay raw.
fn anycast_attribute(bytes: &[u8]) -> AddressAttribute {
    match <[u8; 16]>::try_from(bytes) {
        Ok(v6) => AddressAttribute::Anycast(Ipv6Addr::from(v6)),
        Err(_) => AddressAttribute::Other(DefaultNla::new(IFA_ANYCAST, bytes.to_vec())),
    }
}

/// The RTM_NEWADDR/RTM_DELADDR message as netlink-packet-route's
/// `AddressMessage`, attributes in ip's order.
fn build_request(cmd: u16, flags: u16, header: IfAddr, attrs: Vec<AddressAttribute>) -> Request {
    let mut message = AddressMessage::default();
    message.header = typed_header(&header);
    message.attributes = attrs;
    let message = if cmd == RTM_DELADDR {
        RouteNetlinkMessage::DelAddress(message)
    } else {
        RouteNetlinkMessage::NewAddress(message)
    };
    typed_request(message, flags)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn broadcast_host_bits() {
        let p = inet::get_prefix_1("192.0.2.1/24", AF_UNSPEC).unwrap();
        assert_eq!(broadcast_of(&p, true), Some([192, 0, 2, 255]));
        assert_eq!(broadcast_of(&p, false), Some([192, 0, 2, 0]));
        let p = inet::get_prefix_1("192.0.2.1/30", AF_UNSPEC).unwrap();
        assert_eq!(broadcast_of(&p, true), Some([192, 0, 2, 3]));
        let p = inet::get_prefix_1("192.0.2.1/31", AF_UNSPEC).unwrap();
        assert_eq!(broadcast_of(&p, true), None);
        let p = inet::get_prefix_1("192.0.2.1/0", AF_UNSPEC).unwrap();
        assert_eq!(broadcast_of(&p, true), Some([255, 255, 255, 255]));
    }

    #[test]
    fn default_scope_is_host_for_loopback_net() {
        let p = inet::get_prefix_1("127.1.2.3/8", AF_UNSPEC).unwrap();
        assert_eq!(default_scope(&p), RT_SCOPE_HOST);
        let p = inet::get_prefix_1("192.0.2.1", AF_UNSPEC).unwrap();
        assert_eq!(default_scope(&p), 0);
        assert_eq!(lifetime("forever"), Some(u32::MAX));
        assert_eq!(lifetime("0x10"), Some(16));
        assert_eq!(lifetime("abc"), None);
    }

    fn words(line: &str) -> Vec<String> {
        line.split_whitespace().map(String::from).collect()
    }

    fn request_bytes(cmd: u16, flags: u16, line: &str) -> Vec<u8> {
        let planned = plan(cmd, AF_UNSPEC, &words(line)).unwrap();
        finish(planned, flags, 2).unwrap().finish(0)
    }

    /// The bytes ip 6.1 sends for `ip addr add 192.0.2.1/24 brd + label
    /// ifb0:x metric 5 valid_lft 100 preferred_lft 50 dev ifb0` (ifb0 has
    /// index 2), captured with `strace -e write=3`, sequence number zeroed.
    #[test]
    fn add_request_matches_ip_bytes() {
        let bytes = request_bytes(
            RTM_NEWADDR,
            NLM_F_CREATE | NLM_F_EXCL,
            "192.0.2.1/24 brd + label ifb0:x metric 5 valid_lft 100 preferred_lft 50 dev ifb0",
        );
        assert_eq!(bytes, ADD_FROM_IP);
    }

    const ADD_FROM_IP: &[u8] = &[
        0x58, 0x00, 0x00, 0x00, 0x14, 0x00, 0x05, 0x06, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
        0x00, 0x02, 0x18, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x08, 0x00, 0x02, 0x00, 0xc0, 0x00,
        0x02, 0x01, 0x0b, 0x00, 0x03, 0x00, 0x69, 0x66, 0x62, 0x30, 0x3a, 0x78, 0x00, 0x00, 0x08,
        0x00, 0x09, 0x00, 0x05, 0x00, 0x00, 0x00, 0x08, 0x00, 0x01, 0x00, 0xc0, 0x00, 0x02, 0x01,
        0x08, 0x00, 0x04, 0x00, 0xc0, 0x00, 0x02, 0xff, 0x14, 0x00, 0x06, 0x00, 0x32, 0x00, 0x00,
        0x00, 0x64, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    ];

    /// `ip addr add 2001:db8::1/64 nodad noprefixroute peer 2001:db8::2/128
    /// scope link dev ifb0`: flags above 0xff go in IFA_FLAGS, the peer
    /// sets the prefix length.
    #[test]
    fn ipv6_request_matches_ip_bytes() {
        let bytes = request_bytes(
            RTM_NEWADDR,
            NLM_F_CREATE | NLM_F_EXCL,
            "2001:db8::1/64 nodad noprefixroute peer 2001:db8::2/128 scope link dev ifb0",
        );
        let mut expected = vec![
            0x48, 0x00, 0x00, 0x00, 0x14, 0x00, 0x05, 0x06, 0, 0, 0, 0, 0, 0, 0, 0, 0x0a, 0x80,
            0x00, 0xfd, 0x02, 0x00, 0x00, 0x00, 0x14, 0x00, 0x02, 0x00,
        ];
        expected.extend_from_slice(&[0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
        expected.extend_from_slice(&[0x14, 0x00, 0x01, 0x00]);
        expected.extend_from_slice(&[0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2]);
        expected.extend_from_slice(&[0x08, 0x00, 0x08, 0x00, 0x02, 0x02, 0x00, 0x00]);
        assert_eq!(bytes, expected);
    }

    /// `ip addr del 192.0.2.1 dev ifb0`: the wildcard delete sends no
    /// IFA_ADDRESS and a /32.
    #[test]
    fn wildcard_delete_matches_ip_bytes() {
        let bytes = request_bytes(RTM_DELADDR, 0, "192.0.2.1 dev ifb0");
        let expected = [
            0x20, 0x00, 0x00, 0x00, 0x15, 0x00, 0x05, 0x00, 0, 0, 0, 0, 0, 0, 0, 0, 0x02, 0x20,
            0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x08, 0x00, 0x02, 0x00, 0xc0, 0x00, 0x02, 0x01,
        ];
        assert_eq!(bytes, expected);
    }

    #[test]
    fn parse_errors_in_ip_order() {
        let err = |line: &str| plan(RTM_NEWADDR, AF_UNSPEC, &words(line)).err();
        assert_eq!(
            err("192.0.2.1/24"),
            Some(Error::from(AddressError::NeedsDevice))
        );
        assert_eq!(
            err("2001:db8::1/64 brd + dev x"),
            Some(Error::from(AddressError::BroadcastOnlyIpv4))
        );
        assert!(matches!(
            err("192.0.2.1/24 192.0.2.2/24 dev x"),
            Some(Error::DuplicateOrGarbage { .. })
        ));
        assert!(matches!(
            err("192.0.2.1/24 scope bogus dev x"),
            Some(Error::InvalidArgument { .. })
        ));
        assert_eq!(err("help"), Some(Error::Usage(USAGE)));
        let planned = plan(RTM_NEWADDR, AF_UNSPEC, &words("dev x valid_lft 0")).unwrap();
        assert_eq!(
            finish(planned, 0, 1).err(),
            Some(Error::from(AddressError::ValidLifetimeZero))
        );
    }

    fn hex(dump: &str) -> Vec<u8> {
        dump.split_whitespace()
            .map(|byte| u8::from_str_radix(byte, 16).unwrap())
            .collect()
    }

    /// (command, flags, family, words, bytes): the requests rnet's raw
    /// builder (`Request::new(..).fixed(..).attr(..)`) sent before they went
    /// through netlink-packet-route's `AddressMessage`, captured from it
    /// with sequence number 0 and device index 2. They cover every attribute
    /// ip sends, and each one the crate cannot type (IPv4 anycast, IPv6
    /// broadcast, empty `any` and `brd +` payloads).
    const RAW_BUILDER_REQUESTS: &[(u16, u16, u8, &str, &str)] = &[
        (
            RTM_NEWADDR,
            NLM_F_CREATE | NLM_F_EXCL,
            AF_UNSPEC,
            "192.0.2.1/24 peer 192.0.2.2/24 brd 192.0.2.255 label lo:x valid_lft 100 preferred_lft 50 noprefixroute metric 7 dev lo",
            "60 00 00 00 14 00 05 06 00 00 00 00 00 00 00 00
             02 18 00 00 02 00 00 00 08 00 02 00 c0 00 02 01
             08 00 01 00 c0 00 02 02 08 00 04 00 c0 00 02 ff
             09 00 03 00 6c 6f 3a 78 00 00 00 00 08 00 09 00
             07 00 00 00 08 00 08 00 00 02 00 00 14 00 06 00
             32 00 00 00 64 00 00 00 00 00 00 00 00 00 00 00",
        ),
        (
            RTM_NEWADDR,
            NLM_F_CREATE | NLM_F_EXCL,
            AF_UNSPEC,
            "192.0.2.1/24 anycast 192.0.2.9 dev lo",
            "30 00 00 00 14 00 05 06 00 00 00 00 00 00 00 00
             02 18 00 00 02 00 00 00 08 00 02 00 c0 00 02 01
             08 00 05 00 c0 00 02 09 08 00 01 00 c0 00 02 01",
        ),
        (
            RTM_NEWADDR,
            NLM_F_CREATE | NLM_F_EXCL,
            AF_UNSPEC,
            "any dev lo",
            "1c 00 00 00 14 00 05 06 00 00 00 00 00 00 00 00
             00 00 00 00 02 00 00 00 04 00 02 00",
        ),
        (
            RTM_NEWADDR,
            NLM_F_CREATE | NLM_F_EXCL,
            AF_INET,
            "brd + dev lo",
            "1c 00 00 00 14 00 05 06 00 00 00 00 00 00 00 00
             02 00 00 00 02 00 00 00 04 00 04 00",
        ),
        (
            RTM_NEWADDR,
            NLM_F_CREATE | NLM_F_EXCL,
            AF_UNSPEC,
            "2001:db8::1/64 brd 2001:db8::ff dev lo",
            "54 00 00 00 14 00 05 06 00 00 00 00 00 00 00 00
             0a 40 00 00 02 00 00 00 14 00 02 00 20 01 0d b8
             00 00 00 00 00 00 00 00 00 00 00 01 14 00 04 00
             20 01 0d b8 00 00 00 00 00 00 00 00 00 00 00 ff
             14 00 01 00 20 01 0d b8 00 00 00 00 00 00 00 00
             00 00 00 01",
        ),
        (
            RTM_NEWADDR,
            NLM_F_REPLACE,
            AF_UNSPEC,
            "192.0.2.1/24 brd - preferred_lft 0 valid_lft forever dev lo",
            "44 00 00 00 14 00 05 01 00 00 00 00 00 00 00 00
             02 18 00 00 02 00 00 00 08 00 02 00 c0 00 02 01
             08 00 01 00 c0 00 02 01 08 00 04 00 c0 00 02 00
             14 00 06 00 00 00 00 00 ff ff ff ff 00 00 00 00
             00 00 00 00",
        ),
        (
            RTM_NEWADDR,
            NLM_F_CREATE | NLM_F_REPLACE,
            AF_UNSPEC,
            "10.1.2.3/8 scope link label lo:y dev lo",
            "34 00 00 00 14 00 05 05 00 00 00 00 00 00 00 00
             02 08 00 fd 02 00 00 00 08 00 02 00 0a 01 02 03
             09 00 03 00 6c 6f 3a 79 00 00 00 00 08 00 01 00
             0a 01 02 03",
        ),
        (
            RTM_DELADDR,
            0,
            AF_UNSPEC,
            "192.0.2.1/24 dev lo",
            "28 00 00 00 15 00 05 00 00 00 00 00 00 00 00 00
             02 18 00 00 02 00 00 00 08 00 02 00 c0 00 02 01
             08 00 01 00 c0 00 02 01",
        ),
        (
            RTM_DELADDR,
            0,
            AF_UNSPEC,
            "192.0.2.1 dev lo",
            "20 00 00 00 15 00 05 00 00 00 00 00 00 00 00 00
             02 20 00 00 02 00 00 00 08 00 02 00 c0 00 02 01",
        ),
        (
            RTM_DELADDR,
            0,
            AF_UNSPEC,
            "2001:db8::1/64 dev lo",
            "40 00 00 00 15 00 05 00 00 00 00 00 00 00 00 00
             0a 40 00 00 02 00 00 00 14 00 02 00 20 01 0d b8
             00 00 00 00 00 00 00 00 00 00 00 01 14 00 01 00
             20 01 0d b8 00 00 00 00 00 00 00 00 00 00 00 01",
        ),
    ];

    #[test]
    fn typed_requests_match_raw_builder_bytes() {
        for (cmd, flags, family, line, bytes) in RAW_BUILDER_REQUESTS {
            let planned = plan(*cmd, *family, &words(line)).unwrap();
            let request = finish(planned, *flags, 2).unwrap().finish(0);
            assert_eq!(request, hex(bytes), "{line}");
        }
    }

    /// The address dump request, typed, against the raw builder's bytes.
    #[test]
    fn dump_request_matches_raw_builder_bytes() {
        for (family, index, bytes) in [
            (
                AF_UNSPEC,
                0,
                "18 00 00 00 16 00 01 03 00 00 00 00 00 00 00 00
             00 00 00 00 00 00 00 00",
            ),
            (
                AF_INET,
                5,
                "18 00 00 00 16 00 01 03 00 00 00 00 00 00 00 00
             02 00 00 00 05 00 00 00",
            ),
            (
                inet::AF_INET6,
                1,
                "18 00 00 00 16 00 01 03 00 00 00 00 00 00 00 00
             0a 00 00 00 01 00 00 00",
            ),
        ] {
            let request = crate::kernel::address::dump_request(family, index).finish(0);
            assert_eq!(request, hex(bytes), "family {family} index {index}");
        }
    }
}
