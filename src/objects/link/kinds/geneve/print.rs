//! `geneve` details (ip/iplink_geneve.c `geneve_print_opt`): VNI, remote,
//! TTL/TOS/DF, flow label, port and checksum flags.

use std::net::{Ipv4Addr, Ipv6Addr};

use crate::kernel::attrs::Attrs;
use crate::objects::link::kinds::shared::print::{hex0x, uint};
use crate::objects::link::print::LinkStyle;
use crate::output::{Kind, Printer};

const IFLA_GENEVE_ID: u16 = 1;
const IFLA_GENEVE_REMOTE: u16 = 2;
const IFLA_GENEVE_TTL: u16 = 3;
const IFLA_GENEVE_TOS: u16 = 4;
const IFLA_GENEVE_PORT: u16 = 5;
const IFLA_GENEVE_COLLECT_METADATA: u16 = 6;
const IFLA_GENEVE_REMOTE6: u16 = 7;
const IFLA_GENEVE_UDP_CSUM: u16 = 8;
const IFLA_GENEVE_UDP_ZERO_CSUM6_TX: u16 = 9;
const IFLA_GENEVE_UDP_ZERO_CSUM6_RX: u16 = 10;
const IFLA_GENEVE_LABEL: u16 = 11;
const IFLA_GENEVE_TTL_INHERIT: u16 = 12;
const IFLA_GENEVE_DF: u16 = 13;
const IFLA_GENEVE_INNER_PROTO_INHERIT: u16 = 14;
/// ip 6.1's IFLA_GENEVE_MAX.
const IFLA_GENEVE_MAX: u16 = 14;

pub(crate) fn print(p: &mut Printer, data: &[u8], _style: &LinkStyle) {
    let tb = Attrs::parse(data, IFLA_GENEVE_MAX);
    if tb.has(IFLA_GENEVE_COLLECT_METADATA) {
        p.boolean(Kind::Any, Some("external"), "external ", true);
    }
    if let Some(id) = tb.u32(IFLA_GENEVE_ID) {
        uint(p, "id", "id {} ", id);
    }
    if tb.has(IFLA_GENEVE_REMOTE) {
        let addr = tb.u32(IFLA_GENEVE_REMOTE).unwrap_or(0);
        if addr != 0 {
            let addr = Ipv4Addr::from(u32::from_be(addr));
            p.string(Kind::Any, Some("remote"), "remote {} ", addr.to_string());
        }
    } else if let Some(bytes) = tb.get(IFLA_GENEVE_REMOTE6).and_then(|b| b.get(..16)) {
        let addr = Ipv6Addr::from(<[u8; 16]>::try_from(bytes).expect("16 bytes"));
        // ip shows a multicast remote not at all.
        if !addr.is_unspecified() && !addr.is_multicast() {
            p.string(Kind::Any, Some("remote6"), "remote {} ", addr.to_string());
        }
    }
    if tb.u8(IFLA_GENEVE_TTL_INHERIT).is_some_and(|v| v != 0) {
        p.string(Kind::Text, None, "ttl {} ", "inherit");
    } else if let Some(ttl) = tb.u8(IFLA_GENEVE_TTL) {
        if p.is_json() || ttl != 0 {
            uint(p, "ttl", "ttl {} ", ttl);
        } else {
            p.string(Kind::Text, None, "ttl {} ", "auto");
        }
    }
    let tos = tb.u8(IFLA_GENEVE_TOS).unwrap_or(0);
    if tos != 0 {
        if p.is_json() || tos != 1 {
            hex0x(p, Kind::Any, "tos", "tos {} ", tos as u64);
        } else {
            p.string(Kind::Text, None, "tos {} ", "inherit");
        }
    }
    if let Some(df) = tb.u8(IFLA_GENEVE_DF) {
        match df {
            0 => p.string(Kind::Json, Some("df"), "df {} ", "unset"),
            1 => p.string(Kind::Any, Some("df"), "df {} ", "set"),
            2 => p.string(Kind::Any, Some("df"), "df {} ", "inherit"),
            _ => {}
        }
    }
    if let Some(label) = tb.u32(IFLA_GENEVE_LABEL).filter(|label| *label != 0) {
        hex0x(
            p,
            Kind::Any,
            "label",
            "flowlabel {} ",
            u32::from_be(label) as u64,
        );
    }
    if let Some(port) = tb.be16(IFLA_GENEVE_PORT) {
        uint(p, "port", "dstport {} ", port);
    }
    crate::objects::link::kinds::shared::print::csum_flags(
        p,
        &tb,
        &[
            (IFLA_GENEVE_UDP_CSUM, "udp_csum", "udpcsum "),
            (
                IFLA_GENEVE_UDP_ZERO_CSUM6_TX,
                "udp_zero_csum6_tx",
                "udp6zerocsumtx ",
            ),
            (
                IFLA_GENEVE_UDP_ZERO_CSUM6_RX,
                "udp_zero_csum6_rx",
                "udp6zerocsumrx ",
            ),
        ],
    );
    if tb.has(IFLA_GENEVE_INNER_PROTO_INHERIT) {
        p.boolean(
            Kind::Any,
            Some("inner_proto_inherit"),
            "innerprotoinherit ",
            true,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::objects::link::kinds::shared::print::testing::{attrs, render, text};

    #[test]
    fn text_and_json() {
        let data = attrs(&[
            (IFLA_GENEVE_ID, &100u32.to_ne_bytes()),
            (IFLA_GENEVE_REMOTE, &[192, 0, 2, 7]),
            (IFLA_GENEVE_TTL, &[0]),
            (IFLA_GENEVE_TOS, &[1]),
            (IFLA_GENEVE_DF, &[1]),
            (IFLA_GENEVE_PORT, &6081u16.to_be_bytes()),
            (IFLA_GENEVE_UDP_CSUM, &[0]),
            (IFLA_GENEVE_UDP_ZERO_CSUM6_TX, &[1]),
            (IFLA_GENEVE_INNER_PROTO_INHERIT, &[]),
        ]);
        assert_eq!(
            text("geneve", print, &data),
            "id 100 remote 192.0.2.7 ttl auto tos inherit df set dstport 6081 noudpcsum \
             udp6zerocsumtx innerprotoinherit "
        );
        assert_eq!(
            render(print, &data, true),
            "[{\"info_data\":{\"id\":100,\"remote\":\"192.0.2.7\",\"ttl\":0,\"tos\":\"0x1\",\
             \"df\":\"set\",\"port\":6081,\"udp_csum\":false,\"udp_zero_csum6_tx\":true,\
             \"inner_proto_inherit\":true}}]\n"
        );
        let mcast: Ipv6Addr = "ff02::9".parse().unwrap();
        let data = attrs(&[
            (IFLA_GENEVE_COLLECT_METADATA, &[]),
            (IFLA_GENEVE_REMOTE6, &mcast.octets()),
        ]);
        assert_eq!(text("geneve", print, &data), "external ");
    }
}
