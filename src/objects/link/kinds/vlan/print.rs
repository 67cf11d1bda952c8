//! `vlan` details (ip/iplink_vlan.c `vlan_print_opt`): protocol, VLAN ID,
//! flags, and the ingress/egress QoS maps on lines of their own.

use crate::kernel::attrs::{iter, Attrs};
use crate::objects::link::kinds::shared::print::{ethertype, uint};
use crate::objects::link::print::LinkStyle;
use crate::output::{Kind, Printer};

const IFLA_VLAN_ID: u16 = 1;
const IFLA_VLAN_FLAGS: u16 = 2;
const IFLA_VLAN_EGRESS_QOS: u16 = 3;
const IFLA_VLAN_INGRESS_QOS: u16 = 4;
const IFLA_VLAN_PROTOCOL: u16 = 5;
/// ip 6.1's IFLA_VLAN_MAX.
const IFLA_VLAN_MAX: u16 = 5;

/// In ip's printing order, which is not the bits' order.
const FLAG_NAMES: [(u32, &str); 5] = [
    (0x1, "REORDER_HDR"),
    (0x2, "GVRP"),
    (0x8, "MVRP"),
    (0x4, "LOOSE_BINDING"),
    (0x10, "BRIDGE_BINDING"),
];

fn print_flags(p: &mut Printer, mut flags: u32) {
    let opening = if p.is_json() { "flags" } else { "<" };
    p.open_array(Kind::Any, opening, opening);
    for (bit, name) in FLAG_NAMES {
        if flags & bit != 0 {
            flags &= !bit;
            p.string(Kind::Any, None, if flags != 0 { "{}," } else { "{}" }, name);
        }
    }
    if flags != 0 {
        p.hex(Kind::Any, None, "{}", flags as u64);
    }
    p.close_array(Kind::Any, "> ");
}

/// One QoS map: `\n      NAME { FROM:TO ... } `, JSON `[{from, to}]`.
fn print_map(p: &mut Printer, json_key: &str, text_name: &str, map: &[u8]) {
    p.open_array(Kind::Json, json_key, "");
    p.nl();
    p.string(Kind::Text, None, "      {} { ", text_name);
    for (_, mapping) in iter(map) {
        // struct ifla_vlan_qos_mapping { __u32 from; __u32 to; }
        let word = |at: usize| {
            mapping
                .get(at..at + 4)
                .map_or(0, |b| u32::from_ne_bytes(b.try_into().expect("4 bytes")))
        };
        let (from, to) = (word(0), word(4));
        if p.is_json() {
            p.open_object(None);
            p.int(Kind::Json, Some("from"), "", from);
            p.int(Kind::Json, Some("to"), "", to);
            p.close_object();
        } else {
            p.text(format!("{from}:{to} "));
        }
    }
    p.close_array(Kind::Json, "");
    p.string(Kind::Text, None, "{} ", "}");
}

pub(crate) fn print(p: &mut Printer, data: &[u8], style: &LinkStyle) {
    let tb = Attrs::parse(data, IFLA_VLAN_MAX);
    if tb.get(IFLA_VLAN_PROTOCOL).is_some_and(|b| b.len() < 2) {
        return;
    }
    let Some(id) = tb.u16(IFLA_VLAN_ID) else {
        return;
    };
    let protocol = match tb.be16(IFLA_VLAN_PROTOCOL) {
        Some(protocol) => ethertype(protocol, style.numeric),
        None => "802.1q".to_string(),
    };
    p.string(Kind::Any, Some("protocol"), "protocol {} ", protocol);
    uint(p, "id", "id {} ", id);
    if let Some(flags) = tb.get(IFLA_VLAN_FLAGS) {
        // struct ifla_vlan_flags { __u32 flags; __u32 mask; }
        let Some(value) = flags.get(..8) else {
            return;
        };
        print_flags(
            p,
            u32::from_ne_bytes(value[..4].try_into().expect("4 bytes")),
        );
    }
    if let Some(map) = tb.get(IFLA_VLAN_INGRESS_QOS) {
        print_map(p, "ingress_qos", "ingress-qos-map", map);
    }
    if let Some(map) = tb.get(IFLA_VLAN_EGRESS_QOS) {
        print_map(p, "egress_qos", "egress-qos-map", map);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::objects::link::kinds::shared::print::testing::{attrs, render, text};

    fn mapping(from: u32, to: u32) -> Vec<u8> {
        let mut bytes = from.to_ne_bytes().to_vec();
        bytes.extend_from_slice(&to.to_ne_bytes());
        bytes
    }

    #[test]
    fn flags_and_qos_maps() {
        let mut flags = 0x5u32.to_ne_bytes().to_vec();
        flags.extend_from_slice(&u32::MAX.to_ne_bytes());
        let ingress = attrs(&[(1, &mapping(1, 2)), (1, &mapping(3, 4))]);
        let egress = attrs(&[(1, &mapping(5, 6))]);
        let data = attrs(&[
            (IFLA_VLAN_PROTOCOL, &0x88a8u16.to_be_bytes()),
            (IFLA_VLAN_ID, &100u16.to_ne_bytes()),
            (IFLA_VLAN_FLAGS, &flags),
            (IFLA_VLAN_EGRESS_QOS, &egress),
            (IFLA_VLAN_INGRESS_QOS, &ingress),
        ]);
        assert_eq!(
            text("vlan", print, &data),
            "protocol 802.1ad id 100 <REORDER_HDR,LOOSE_BINDING> \n      ingress-qos-map { 1:2 3:4 } \
             \n      egress-qos-map { 5:6 } "
        );
        assert_eq!(
            render(print, &data, true),
            "[{\"info_data\":{\"protocol\":\"802.1ad\",\"id\":100,\
             \"flags\":[\"REORDER_HDR\",\"LOOSE_BINDING\"],\
             \"ingress_qos\":[{\"from\":1,\"to\":2},{\"from\":3,\"to\":4}],\
             \"egress_qos\":[{\"from\":5,\"to\":6}]}}]\n"
        );
    }

    #[test]
    fn defaults_to_802_1q_and_unknown_flags_in_hex() {
        let mut flags = 0x41u32.to_ne_bytes().to_vec();
        flags.extend_from_slice(&u32::MAX.to_ne_bytes());
        let data = attrs(&[
            (IFLA_VLAN_ID, &5u16.to_ne_bytes()),
            (IFLA_VLAN_FLAGS, &flags),
        ]);
        assert_eq!(
            text("vlan", print, &data),
            "protocol 802.1q id 5 <REORDER_HDR,40> "
        );
        assert_eq!(text("vlan", print, &attrs(&[])), "");
    }
}
