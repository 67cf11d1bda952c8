//! One routing-policy rule in ip's layout (ip/iprule.c `print_rule`):
//! `PRIO:\tfrom SRC [to DST] [selectors] [lookup TABLE] [action] [proto P]`,
//! the same calls giving text and JSON.

use crate::model::rt_names;
use crate::model::rule::*;
use crate::output::{null, Color, Kind, Names, Printer};

/// What the names depend on: `-N` and `-d`.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub numeric: bool,
    pub details: bool,
}

pub(crate) fn family_color(family: u8) -> Option<Color> {
    match family {
        AF_INET => Some(Color::Inet),
        AF_INET6 => Some(Color::Inet6),
        _ => None,
    }
}

/// ip's `%#llx`: `0` for zero, `0x…` otherwise.
fn hash_hex(value: u32) -> String {
    if value == 0 {
        "0".to_string()
    } else {
        format!("{value:#x}")
    }
}

pub fn print_rule(p: &mut Printer, msg_type: u16, rule: &Rule<'_>, style: Style) {
    let header = &rule.header;
    let attrs = &rule.attrs;
    let host_len = host_len(header.family);
    let color = family_color(header.family);
    let numeric = style.numeric;

    p.open_object(None);
    if msg_type == RTM_DELRULE {
        p.boolean(Kind::Any, Some("deleted"), "Deleted ", true);
    }
    p.int(
        Kind::Any,
        Some("priority"),
        "{}:\t",
        rule.priority().unwrap_or(0),
    );
    if header.flags & FIB_RULE_INVERT != 0 {
        null(p, "not", "not ");
    }

    if let Some(src) = attrs.get(FRA_SRC) {
        p.string(Kind::Text, None, "from ", "");
        p.color_string(
            Kind::Any,
            color,
            Some("src"),
            "{}",
            address_text(header.family, src),
        );
        if header.src_len != host_len {
            p.int(Kind::Any, Some("srclen"), "/{}", header.src_len);
        }
    } else if header.src_len != 0 {
        p.string(Kind::Any, Some("src"), "from {}", "0");
        p.int(Kind::Any, Some("srclen"), "/{}", header.src_len);
    } else {
        p.string(Kind::Any, Some("src"), "from {}", "all");
    }

    if let Some(dst) = attrs.get(FRA_DST) {
        p.string(Kind::Text, None, " to ", "");
        p.color_string(
            Kind::Any,
            color,
            Some("dst"),
            "{}",
            address_text(header.family, dst),
        );
        if header.dst_len != host_len {
            p.int(Kind::Any, Some("dstlen"), "/{}", header.dst_len);
        }
    } else if header.dst_len != 0 {
        p.string(Kind::Any, Some("dst"), " to {}", "0");
        p.int(Kind::Any, Some("dstlen"), "/{}", header.dst_len);
    }

    if header.tos != 0 {
        p.string(
            Kind::Any,
            Some("tos"),
            " tos {}",
            rt_names::dsfield_name(header.tos, numeric),
        );
    }

    if attrs.has(FRA_FWMARK) || attrs.has(FRA_FWMASK) {
        let mark = attrs.u32(FRA_FWMARK).unwrap_or(0);
        p.string(Kind::Any, Some("fwmark"), " fwmark {}", hash_hex(mark));
        if let Some(mask) = attrs.u32(FRA_FWMASK).filter(|mask| *mask != u32::MAX) {
            p.string(Kind::Any, Some("fwmask"), "/{}", hash_hex(mask));
        }
    }

    for (kind, key, detached, detached_key) in [
        (FRA_IFNAME, "iif", FIB_RULE_IIF_DETACHED, "iif_detached"),
        (FRA_OIFNAME, "oif", FIB_RULE_OIF_DETACHED, "oif_detached"),
    ] {
        if let Some(name) = attrs.str(kind) {
            p.text(format!(" {key} "));
            p.color_string(Kind::Any, Some(Color::Ifname), Some(key), "{}", name);
            if header.flags & detached != 0 {
                null(p, detached_key, " [detached]");
            }
        }
    }

    if attrs.u8(FRA_L3MDEV).is_some_and(|mdev| mdev != 0) {
        null(p, "l3mdev", " lookup [l3mdev-table]");
    }

    if let Some((start, end)) = attrs.get(FRA_UID_RANGE).and_then(range32) {
        p.int(Kind::Any, Some("uid_start"), " uidrange {}", start);
        p.int(Kind::Any, Some("uid_end"), "-{}", end);
    }

    if let Some(proto) = attrs.u8(FRA_IP_PROTO) {
        p.string(
            Kind::Any,
            Some("ipproto"),
            " ipproto {}",
            rt_names::ip_protocol_name(proto, numeric),
        );
    }

    for (kind, word) in [(FRA_SPORT_RANGE, "sport"), (FRA_DPORT_RANGE, "dport")] {
        if let Some((start, end)) = attrs.get(kind).and_then(range16) {
            let format = format!(" {word} {{}}");
            if start == end {
                p.int(Kind::Any, Some(word), &format, start);
            } else {
                p.int(Kind::Any, Some(&format!("{word}_start")), &format, start);
                p.int(Kind::Any, Some(&format!("{word}_end")), "-{}", end);
            }
        }
    }

    if let Some(tun_id) = attrs.u64(FRA_TUN_ID) {
        p.int(
            Kind::Any,
            Some("tun_id"),
            " tun_id {}",
            u64::from_be(tun_id),
        );
    }

    let table = rule.table();
    if table != 0 {
        p.string(
            Kind::Any,
            Some("table"),
            " lookup {}",
            rt_names::table_name(table, numeric),
        );
        if let Some(length) = attrs.i32(FRA_SUPPRESS_PREFIXLEN).filter(|l| *l != -1) {
            p.int(
                Kind::Any,
                Some("suppress_prefixlen"),
                " suppress_prefixlength {}",
                length,
            );
        }
        if let Some(group) = attrs.i32(FRA_SUPPRESS_IFGROUP).filter(|g| *g != -1) {
            p.string(
                Kind::Any,
                Some("suppress_ifgroup"),
                " suppress_ifgroup {}",
                rt_names::group_name(group as u32, numeric),
            );
        }
    }

    if let Some(flow) = attrs.u32(FRA_FLOW) {
        let from = flow >> 16;
        let to = flow & 0xffff;
        if from != 0 {
            p.string(
                Kind::Any,
                Some("flow_from"),
                " realms {}/",
                rt_names::realm_name(from, numeric),
            );
        } else {
            p.text(" realms ");
        }
        p.string(
            Kind::Any,
            Some("flow_to"),
            "{}",
            rt_names::realm_name(to, numeric),
        );
    }

    match header.action {
        RTN_NAT => match attrs.get(RTA_GATEWAY) {
            Some(gateway) => p.string(
                Kind::Any,
                Some("nat_gateway"),
                " map-to {}",
                address_text(header.family, gateway),
            ),
            None => null(p, "masquerade", " masquerade"),
        },
        FR_ACT_GOTO => {
            match attrs.u32(FRA_GOTO) {
                Some(target) => p.int(Kind::Any, Some("goto"), " goto {}", target),
                None => p.string(Kind::Any, Some("goto"), " goto {}", "none"),
            }
            if header.flags & FIB_RULE_UNRESOLVED != 0 {
                null(p, "unresolved", " [unresolved]");
            }
        }
        FR_ACT_NOP => null(p, "nop", " nop"),
        FR_ACT_TO_TBL => {}
        action => p.string(
            Kind::Any,
            Some("action"),
            " {}",
            rt_names::route_type_name(action, numeric),
        ),
    }

    if let Some(protocol) = attrs.u8(FRA_PROTOCOL) {
        if (protocol != 0 && protocol != RTPROT_KERNEL) || style.details {
            p.string(
                Kind::Any,
                Some("protocol"),
                " proto {}",
                rt_names::protocol_name(protocol, numeric),
            );
        }
    }
    p.text("\n");
    p.close_object();
}

/// ip's `print_rule`.
pub(crate) fn message(p: &mut Printer, msg_type: u16, payload: &[u8], names: &Names) {
    if msg_type != RTM_NEWRULE && msg_type != RTM_DELRULE {
        return;
    }
    let Some(rule) = Rule::parse(payload) else {
        return;
    };
    let style = Style {
        numeric: names.options.numeric > 0,
        details: names.options.details > 0,
    };
    print_rule(p, msg_type, &rule, style);
}
