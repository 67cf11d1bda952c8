//! `vxlan` details (ip/iplink_vxlan.c `vxlan_print_opt`): VNI, endpoints,
//! ports, and the tunnel's flags, several of which ip prints differently in
//! text (`noudpcsum`, `ttl auto`) and JSON (booleans, numbers).

use std::net::{Ipv4Addr, Ipv6Addr};

use crate::kernel::attrs::Attrs;
use crate::objects::link::kinds::shared::print::{hex0x, index_name, uint};
use crate::objects::link::print::LinkStyle;
use crate::output::{Kind, Printer};

const IFLA_VXLAN_ID: u16 = 1;
const IFLA_VXLAN_GROUP: u16 = 2;
const IFLA_VXLAN_LINK: u16 = 3;
const IFLA_VXLAN_LOCAL: u16 = 4;
const IFLA_VXLAN_TTL: u16 = 5;
const IFLA_VXLAN_TOS: u16 = 6;
const IFLA_VXLAN_LEARNING: u16 = 7;
const IFLA_VXLAN_AGEING: u16 = 8;
const IFLA_VXLAN_LIMIT: u16 = 9;
const IFLA_VXLAN_PORT_RANGE: u16 = 10;
const IFLA_VXLAN_PROXY: u16 = 11;
const IFLA_VXLAN_RSC: u16 = 12;
const IFLA_VXLAN_L2MISS: u16 = 13;
const IFLA_VXLAN_L3MISS: u16 = 14;
const IFLA_VXLAN_PORT: u16 = 15;
const IFLA_VXLAN_GROUP6: u16 = 16;
const IFLA_VXLAN_LOCAL6: u16 = 17;
const IFLA_VXLAN_UDP_CSUM: u16 = 18;
const IFLA_VXLAN_UDP_ZERO_CSUM6_TX: u16 = 19;
const IFLA_VXLAN_UDP_ZERO_CSUM6_RX: u16 = 20;
const IFLA_VXLAN_REMCSUM_TX: u16 = 21;
const IFLA_VXLAN_REMCSUM_RX: u16 = 22;
const IFLA_VXLAN_GBP: u16 = 23;
const IFLA_VXLAN_COLLECT_METADATA: u16 = 25;
const IFLA_VXLAN_LABEL: u16 = 26;
const IFLA_VXLAN_GPE: u16 = 27;
const IFLA_VXLAN_TTL_INHERIT: u16 = 28;
const IFLA_VXLAN_DF: u16 = 29;
const IFLA_VXLAN_VNIFILTER: u16 = 30;
/// ip 6.1's IFLA_VXLAN_MAX.
const IFLA_VXLAN_MAX: u16 = 30;

const VXLAN_DF_UNSET: u8 = 0;
const VXLAN_DF_SET: u8 = 1;
const VXLAN_DF_INHERIT: u8 = 2;

fn ipv6(bytes: &[u8]) -> Option<Ipv6Addr> {
    let octets: [u8; 16] = bytes.get(..16)?.try_into().ok()?;
    Some(Ipv6Addr::from(octets))
}

pub(crate) fn print(p: &mut Printer, data: &[u8], _style: &LinkStyle) {
    let tb = Attrs::parse(data, IFLA_VXLAN_MAX);
    let set = |attr: u16| tb.u8(attr).is_some_and(|v| v != 0);

    if set(IFLA_VXLAN_COLLECT_METADATA) {
        p.boolean(Kind::Any, Some("external"), "external ", true);
    }
    if set(IFLA_VXLAN_VNIFILTER) {
        p.boolean(Kind::Any, Some("vnifilter"), "vnifilter", true);
    }
    if let Some(id) = tb.u32(IFLA_VXLAN_ID) {
        uint(p, "id", "id {} ", id);
    }
    if tb.has(IFLA_VXLAN_GROUP) {
        let addr = tb.u32(IFLA_VXLAN_GROUP).unwrap_or(0);
        if addr != 0 {
            let addr = Ipv4Addr::from(u32::from_be(addr));
            if addr.is_multicast() {
                p.string(Kind::Any, Some("group"), "group {} ", addr.to_string());
            } else {
                p.string(Kind::Any, Some("remote"), "remote {} ", addr.to_string());
            }
        }
    } else if let Some(addr) = tb.get(IFLA_VXLAN_GROUP6).and_then(ipv6) {
        if !addr.is_unspecified() {
            if addr.is_multicast() {
                p.string(Kind::Any, Some("group6"), "group {} ", addr.to_string());
            } else {
                p.string(Kind::Any, Some("remote6"), "remote {} ", addr.to_string());
            }
        }
    }
    if tb.has(IFLA_VXLAN_LOCAL) {
        let addr = tb.u32(IFLA_VXLAN_LOCAL).unwrap_or(0);
        if addr != 0 {
            let addr = Ipv4Addr::from(u32::from_be(addr));
            p.string(Kind::Any, Some("local"), "local {} ", addr.to_string());
        }
    } else if let Some(addr) = tb.get(IFLA_VXLAN_LOCAL6).and_then(ipv6) {
        if !addr.is_unspecified() {
            p.string(Kind::Any, Some("local6"), "local {} ", addr.to_string());
        }
    }
    if let Some(link) = tb.u32(IFLA_VXLAN_LINK).filter(|link| *link != 0) {
        p.string(Kind::Any, Some("link"), "dev {} ", index_name(link));
    }
    if let Some(range) = tb.get(IFLA_VXLAN_PORT_RANGE) {
        let port = |at: usize| {
            range
                .get(at..at + 2)
                .map_or(0, |b| u16::from_be_bytes([b[0], b[1]]))
        };
        let (low, high) = (port(0), port(2));
        if p.is_json() {
            p.open_object(Some("port_range"));
            p.int(Kind::Json, Some("low"), "", low);
            p.int(Kind::Json, Some("high"), "", high);
            p.close_object();
        } else {
            p.text(format!("srcport {low} {high} "));
        }
    }
    if let Some(port) = tb.be16(IFLA_VXLAN_PORT) {
        uint(p, "port", "dstport {} ", port);
    }
    if let Some(learning) = tb.u8(IFLA_VXLAN_LEARNING) {
        p.boolean(Kind::Json, Some("learning"), "", learning != 0);
        if learning == 0 {
            p.boolean(Kind::Text, None, "nolearning ", true);
        }
    }
    for (attr, key, format) in [
        (IFLA_VXLAN_PROXY, "proxy", "proxy "),
        (IFLA_VXLAN_RSC, "rsc", "rsc "),
        (IFLA_VXLAN_L2MISS, "l2miss", "l2miss "),
        (IFLA_VXLAN_L3MISS, "l3miss", "l3miss "),
    ] {
        if set(attr) {
            p.boolean(Kind::Any, Some(key), format, true);
        }
    }
    let tos = tb.u8(IFLA_VXLAN_TOS).unwrap_or(0);
    if tos != 0 {
        if p.is_json() || tos != 1 {
            hex0x(p, Kind::Any, "tos", "tos {} ", tos as u64);
        } else {
            p.string(Kind::Text, None, "tos {} ", "inherit");
        }
    }
    if set(IFLA_VXLAN_TTL_INHERIT) {
        p.string(Kind::Text, None, "ttl {} ", "inherit");
    } else if let Some(ttl) = tb.u8(IFLA_VXLAN_TTL) {
        if p.is_json() || ttl != 0 {
            uint(p, "ttl", "ttl {} ", ttl);
        } else {
            p.string(Kind::Text, None, "ttl {} ", "auto");
        }
    }
    if let Some(df) = tb.u8(IFLA_VXLAN_DF) {
        match df {
            VXLAN_DF_UNSET => p.string(Kind::Json, Some("df"), "df {} ", "unset"),
            VXLAN_DF_SET => p.string(Kind::Any, Some("df"), "df {} ", "set"),
            VXLAN_DF_INHERIT => p.string(Kind::Any, Some("df"), "df {} ", "inherit"),
            _ => {}
        }
    }
    if let Some(label) = tb.u32(IFLA_VXLAN_LABEL).filter(|label| *label != 0) {
        hex0x(
            p,
            Kind::Any,
            "label",
            "flowlabel {} ",
            u32::from_be(label) as u64,
        );
    }
    if let Some(age) = tb.u32(IFLA_VXLAN_AGEING) {
        if age == 0 {
            uint(p, "ageing", "ageing none ", 0);
        } else {
            uint(p, "ageing", "ageing {} ", age);
        }
    }
    if let Some(limit) = tb.u32(IFLA_VXLAN_LIMIT).filter(|limit| *limit != 0) {
        uint(p, "limit", "maxaddr {} ", limit);
    }
    crate::objects::link::kinds::shared::print::csum_flags(
        p,
        &tb,
        &[
            (IFLA_VXLAN_UDP_CSUM, "udp_csum", "udpcsum "),
            (
                IFLA_VXLAN_UDP_ZERO_CSUM6_TX,
                "udp_zero_csum6_tx",
                "udp6zerocsumtx ",
            ),
            (
                IFLA_VXLAN_UDP_ZERO_CSUM6_RX,
                "udp_zero_csum6_rx",
                "udp6zerocsumrx ",
            ),
        ],
    );
    if set(IFLA_VXLAN_REMCSUM_TX) {
        p.boolean(Kind::Any, Some("remcsum_tx"), "remcsumtx ", true);
    }
    if set(IFLA_VXLAN_REMCSUM_RX) {
        p.boolean(Kind::Any, Some("remcsum_rx"), "remcsumrx ", true);
    }
    // Flag attributes: their presence is the setting.
    if tb.has(IFLA_VXLAN_GBP) {
        p.boolean(Kind::Any, Some("gbp"), "gbp ", true);
    }
    if tb.has(IFLA_VXLAN_GPE) {
        p.boolean(Kind::Any, Some("gpe"), "gpe ", true);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::objects::link::kinds::shared::print::testing::{attrs, render, text};

    #[test]
    fn ipv6_endpoints_and_inherit() {
        let group: Ipv6Addr = "ff02::1:2".parse().unwrap();
        let local: Ipv6Addr = "2001:db8::1".parse().unwrap();
        let data = attrs(&[
            (IFLA_VXLAN_ID, &7u32.to_ne_bytes()),
            (IFLA_VXLAN_GROUP6, &group.octets()),
            (IFLA_VXLAN_LOCAL6, &local.octets()),
            (IFLA_VXLAN_TOS, &[1]),
            (IFLA_VXLAN_TTL_INHERIT, &[1]),
            (IFLA_VXLAN_DF, &[0]),
            (IFLA_VXLAN_LABEL, &0x12345u32.to_be_bytes()),
            (IFLA_VXLAN_AGEING, &0u32.to_ne_bytes()),
            (IFLA_VXLAN_GPE, &[]),
        ]);
        assert_eq!(
            text("vxlan", print, &data),
            "id 7 group ff02::1:2 local 2001:db8::1 tos inherit ttl inherit \
             flowlabel 0x12345 ageing none gpe "
        );
        assert_eq!(
            render(print, &data, true),
            "[{\"info_data\":{\"id\":7,\"group6\":\"ff02::1:2\",\"local6\":\"2001:db8::1\",\
             \"tos\":\"0x1\",\"df\":\"unset\",\"label\":\"0x12345\",\"ageing\":0,\"gpe\":true}}]\n"
        );
    }
}
