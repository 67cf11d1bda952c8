//! ip's address record (ip/ipaddress.c `print_addrinfo`): one
//! `    inet ...` line (plus its lifetimes line), its brief form, and the
//! JSON object with the same fields. [`message`] is the object's
//! [`crate::output::PrintMessage`], which `monitor` prints events with.

use crate::grammar::inet::{family_name, format_address, resolve_address, AF_INET, AF_INET6};
use crate::model::address::*;
use crate::output::{Color, Kind, Names, Printer};

/// How the caller wants addresses printed.
#[derive(Debug, Clone, Copy, Default)]
pub struct AddressStyle {
    pub brief: bool,
    /// Lead each address with `INDEX: DEV` (ip does under `-o`, in a flush
    /// and for `-echo`).
    pub with_device: bool,
    pub numeric: bool,
    /// `-resolve`: host names instead of addresses.
    pub resolve: bool,
}

fn family_color(family: u8) -> Option<Color> {
    match family {
        AF_INET => Some(Color::Inet),
        AF_INET6 => Some(Color::Inet6),
        _ => None,
    }
}

/// ip's `print_ifa_flags`.
fn print_flags(p: &mut Printer, family: u8, flags: u32) {
    let mut rest = flags;
    for flag in FLAG_NAMES {
        if flag.mask == IFA_F_PERMANENT {
            if rest & flag.mask == 0 {
                p.boolean(Kind::Any, Some("dynamic"), "dynamic ", true);
            }
        } else if rest & flag.mask != 0 {
            if flag.mask == IFA_F_SECONDARY && family == AF_INET6 {
                p.boolean(Kind::Any, Some("temporary"), "temporary ", true);
            } else {
                p.string(Kind::Text, None, "{} ", flag.name);
                p.boolean(Kind::Json, Some(flag.name), "", true);
            }
        }
        rest &= !flag.mask;
    }
    if rest != 0 {
        let text = format!("{rest:02x}");
        p.string(Kind::Json, Some("ifa_flags"), "", &text);
        p.string(Kind::Text, None, "flags {} ", &text);
    }
}

/// `struct ifa_cacheinfo`: preferred and valid lifetimes.
fn lifetimes(bytes: &[u8]) -> Option<(u32, u32)> {
    let preferred = u32::from_ne_bytes(bytes.get(0..4)?.try_into().ok()?);
    let valid = u32::from_ne_bytes(bytes.get(4..8)?.try_into().ok()?);
    Some((preferred, valid))
}

fn print_lifetimes(p: &mut Printer, cacheinfo: &[u8], flags: u32) {
    let Some((preferred, valid)) = lifetimes(cacheinfo) else {
        return;
    };
    p.nl();
    p.text("       valid_lft ");
    if valid == INFINITY_LIFE_TIME {
        p.int(Kind::Json, Some("valid_life_time"), "", INFINITY_LIFE_TIME);
        p.text("forever");
    } else {
        p.int(Kind::Any, Some("valid_life_time"), "{}sec", valid);
    }
    p.text(" preferred_lft ");
    if preferred == INFINITY_LIFE_TIME {
        p.int(
            Kind::Json,
            Some("preferred_life_time"),
            "",
            INFINITY_LIFE_TIME,
        );
        p.text("forever");
    } else if flags & IFA_F_DEPRECATED != 0 {
        // ip prints a deprecated address's lifetime signed.
        p.int(
            Kind::Any,
            Some("preferred_life_time"),
            "{}sec",
            preferred as i32,
        );
    } else {
        p.int(Kind::Any, Some("preferred_life_time"), "{}sec", preferred);
    }
}

/// One address. `device` is the name of the address's link (printed with
/// `style.with_device`).
pub fn print_address(p: &mut Printer, address: &Address, device: &[u8], style: &AddressStyle) {
    let attrs = address.attrs();
    let header = &address.header;
    let flags = address.flags(&attrs);
    let local = address.local(&attrs);
    let peer = attrs.get(IFA_ADDRESS).or(local);
    let color = family_color(header.family);
    let show = |bytes: &[u8]| {
        style
            .resolve
            .then(|| resolve_address(header.family, bytes))
            .flatten()
            .unwrap_or_else(|| format_address(header.family, bytes))
    };

    if address.msg_type == RTM_DELADDR {
        p.boolean(Kind::Any, Some("deleted"), "Deleted ", true);
    }
    if !style.brief {
        if style.with_device {
            if p.is_json() {
                p.int(Kind::Json, Some("index"), "", header.index);
                p.string(Kind::Json, Some("dev"), "", device);
            } else {
                p.text(format!("{}: ", header.index));
                p.text(device);
            }
        }
        match family_name(header.family) {
            "???" => p.int(
                Kind::Any,
                Some("family_index"),
                "    family {} ",
                header.family,
            ),
            name => p.string(Kind::Any, Some("family"), "    {} ", name),
        }
    }
    if let Some(local) = local {
        p.color_string(Kind::Any, color, Some("local"), "{}", show(local));
        let width = if header.family == AF_INET { 4 } else { 16 };
        if let Some(peer) = peer {
            let differs = match (peer.get(..width), local.get(..width)) {
                (Some(a), Some(b)) => a != b,
                // ip compares fixed widths; short attributes never occur.
                _ => peer != local,
            };
            if differs {
                p.text(" peer ");
                p.color_string(Kind::Any, color, Some("address"), "{}", show(peer));
            }
        }
        p.int(Kind::Any, Some("prefixlen"), "/{} ", header.prefixlen);
        if let Some(metric) = attrs.u32(IFA_RT_PRIORITY) {
            p.int(Kind::Any, Some("metric"), "metric {} ", metric);
        }
    }
    if style.brief {
        return;
    }
    if let Some(broadcast) = attrs.get(IFA_BROADCAST) {
        p.text("brd ");
        p.color_string(Kind::Any, color, Some("broadcast"), "{} ", show(broadcast));
    }
    if let Some(anycast) = attrs.get(IFA_ANYCAST) {
        p.text("any ");
        p.color_string(Kind::Any, color, Some("anycast"), "{} ", show(anycast));
    }
    p.string(
        Kind::Any,
        Some("scope"),
        "scope {} ",
        scope_name(header.scope, style.numeric),
    );
    print_flags(p, header.family, flags);
    if let Some(label) = attrs.str(IFA_LABEL) {
        p.string(Kind::Any, Some("label"), "{}", label);
    }
    if let Some(cacheinfo) = attrs.get(IFA_CACHEINFO) {
        print_lifetimes(p, cacheinfo, flags);
    }
    p.text("\n");
}

/// ip's `print_addrinfo` outside a link listing: the device comes first.
pub(crate) fn message(p: &mut Printer, msg_type: u16, payload: &[u8], names: &Names) {
    let Some(address) = Address::from_payload(msg_type, payload) else {
        return;
    };
    let o = &names.options;
    let style = AddressStyle {
        brief: o.brief > 0,
        with_device: true,
        numeric: o.numeric > 0,
        resolve: o.resolve > 0,
    };
    let device = names.link_name(address.header.index as i32);
    p.open_object(None);
    print_address(p, &address, &device, &style);
    p.close_object();
}
