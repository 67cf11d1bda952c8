//! `bridge_slave` details of a bridge port (ip/iplink_bridge_slave.c
//! `bridge_slave_print_opt`): STP port state, flags, timers, masks.

use crate::kernel::attrs::Attrs;
use crate::objects::link::kinds::bridge::print::bridge_id;
use crate::objects::link::kinds::shared::print::{hex0x, index_name, on_off, timer, uint};
use crate::objects::link::print::LinkStyle;
use crate::output::{Kind, Printer};

const IFLA_BRPORT_STATE: u16 = 1;
const IFLA_BRPORT_PRIORITY: u16 = 2;
const IFLA_BRPORT_COST: u16 = 3;
const IFLA_BRPORT_MODE: u16 = 4;
const IFLA_BRPORT_GUARD: u16 = 5;
const IFLA_BRPORT_PROTECT: u16 = 6;
const IFLA_BRPORT_FAST_LEAVE: u16 = 7;
const IFLA_BRPORT_LEARNING: u16 = 8;
const IFLA_BRPORT_UNICAST_FLOOD: u16 = 9;
const IFLA_BRPORT_PROXYARP: u16 = 10;
const IFLA_BRPORT_PROXYARP_WIFI: u16 = 12;
const IFLA_BRPORT_ROOT_ID: u16 = 13;
const IFLA_BRPORT_BRIDGE_ID: u16 = 14;
const IFLA_BRPORT_DESIGNATED_PORT: u16 = 15;
const IFLA_BRPORT_DESIGNATED_COST: u16 = 16;
const IFLA_BRPORT_ID: u16 = 17;
const IFLA_BRPORT_NO: u16 = 18;
const IFLA_BRPORT_TOPOLOGY_CHANGE_ACK: u16 = 19;
const IFLA_BRPORT_CONFIG_PENDING: u16 = 20;
const IFLA_BRPORT_MESSAGE_AGE_TIMER: u16 = 21;
const IFLA_BRPORT_FORWARD_DELAY_TIMER: u16 = 22;
const IFLA_BRPORT_HOLD_TIMER: u16 = 23;
const IFLA_BRPORT_MULTICAST_ROUTER: u16 = 25;
const IFLA_BRPORT_MCAST_FLOOD: u16 = 27;
const IFLA_BRPORT_MCAST_TO_UCAST: u16 = 28;
const IFLA_BRPORT_VLAN_TUNNEL: u16 = 29;
const IFLA_BRPORT_BCAST_FLOOD: u16 = 30;
const IFLA_BRPORT_GROUP_FWD_MASK: u16 = 31;
const IFLA_BRPORT_NEIGH_SUPPRESS: u16 = 32;
const IFLA_BRPORT_ISOLATED: u16 = 33;
const IFLA_BRPORT_BACKUP_PORT: u16 = 34;
const IFLA_BRPORT_LOCKED: u16 = 39;
/// ip 6.1's IFLA_BRPORT_MAX: newer attributes are not looked at.
const IFLA_BRPORT_MAX: u16 = 39;

const PORT_STATES: [&str; 5] = [
    "disabled",
    "listening",
    "learning",
    "forwarding",
    "blocking",
];

/// ip's `_bitmask2str` over the group forward mask's names: named bits by
/// name, others as `0x<bit>`, comma separated; `0x0` for none.
fn fwd_mask_names(mask: u16) -> String {
    let names: Vec<String> = (0..16)
        .filter(|bit| mask & (1 << bit) != 0)
        .map(|bit| match bit {
            0 => "stp".to_string(),
            2 => "lacp".to_string(),
            14 => "lldp".to_string(),
            _ => format!("0x{:x}", 1u32 << bit),
        })
        .collect();
    if names.is_empty() {
        "0x0".to_string()
    } else {
        names.join(",")
    }
}

pub(crate) fn print(p: &mut Printer, data: &[u8], _style: &LinkStyle) {
    let tb = Attrs::parse(data, IFLA_BRPORT_MAX);
    let flag = |p: &mut Printer, attr: u16, key: &str, format: &str| {
        if let Some(value) = tb.u8(attr) {
            on_off(p, key, format, value != 0);
        }
    };
    let u8_field = |p: &mut Printer, attr: u16, key: &str, format: &str| {
        if let Some(value) = tb.u8(attr) {
            uint(p, key, format, value);
        }
    };
    let timer_field = |p: &mut Printer, attr: u16, key: &str| {
        if let Some(value) = tb.u64(attr) {
            timer(p, key, value);
        }
    };

    if let Some(state) = tb.u8(IFLA_BRPORT_STATE) {
        match PORT_STATES.get(state as usize) {
            Some(name) => p.string(Kind::Any, Some("state"), "state {} ", name),
            None => p.int(Kind::Any, Some("state_index"), "state ({}) ", state),
        }
    }
    if let Some(priority) = tb.u16(IFLA_BRPORT_PRIORITY) {
        uint(p, "priority", "priority {} ", priority);
    }
    if let Some(cost) = tb.u32(IFLA_BRPORT_COST) {
        // print_int: a cost above INT_MAX shows negative, as in ip.
        uint(p, "cost", "cost {} ", cost as i32);
    }
    flag(p, IFLA_BRPORT_MODE, "hairpin", "hairpin {} ");
    flag(p, IFLA_BRPORT_GUARD, "guard", "guard {} ");
    flag(p, IFLA_BRPORT_PROTECT, "root_block", "root_block {} ");
    flag(p, IFLA_BRPORT_FAST_LEAVE, "fastleave", "fastleave {} ");
    flag(p, IFLA_BRPORT_LEARNING, "learning", "learning {} ");
    flag(p, IFLA_BRPORT_UNICAST_FLOOD, "flood", "flood {} ");
    if let Some(id) = tb.u16(IFLA_BRPORT_ID) {
        hex0x(p, Kind::Any, "id", "port_id {} ", id as u64);
    }
    if let Some(no) = tb.u16(IFLA_BRPORT_NO) {
        hex0x(p, Kind::Any, "no", "port_no {} ", no as u64);
    }
    if let Some(port) = tb.u16(IFLA_BRPORT_DESIGNATED_PORT) {
        uint(p, "designated_port", "designated_port {} ", port);
    }
    if let Some(cost) = tb.u16(IFLA_BRPORT_DESIGNATED_COST) {
        uint(p, "designated_cost", "designated_cost {} ", cost);
    }
    if let Some(id) = tb.get(IFLA_BRPORT_BRIDGE_ID) {
        p.string(
            Kind::Any,
            Some("bridge_id"),
            "designated_bridge {} ",
            bridge_id(id),
        );
    }
    if let Some(id) = tb.get(IFLA_BRPORT_ROOT_ID) {
        p.string(
            Kind::Any,
            Some("root_id"),
            "designated_root {} ",
            bridge_id(id),
        );
    }
    timer_field(p, IFLA_BRPORT_HOLD_TIMER, "hold_timer");
    timer_field(p, IFLA_BRPORT_MESSAGE_AGE_TIMER, "message_age_timer");
    timer_field(p, IFLA_BRPORT_FORWARD_DELAY_TIMER, "forward_delay_timer");
    u8_field(
        p,
        IFLA_BRPORT_TOPOLOGY_CHANGE_ACK,
        "topology_change_ack",
        "topology_change_ack {} ",
    );
    u8_field(
        p,
        IFLA_BRPORT_CONFIG_PENDING,
        "config_pending",
        "config_pending {} ",
    );
    flag(p, IFLA_BRPORT_PROXYARP, "proxy_arp", "proxy_arp {} ");
    flag(
        p,
        IFLA_BRPORT_PROXYARP_WIFI,
        "proxy_arp_wifi",
        "proxy_arp_wifi {} ",
    );
    u8_field(
        p,
        IFLA_BRPORT_MULTICAST_ROUTER,
        "multicast_router",
        "mcast_router {} ",
    );
    if let Some(fast_leave) = tb.u8(IFLA_BRPORT_FAST_LEAVE) {
        // Text only: JSON already has it as "fastleave".
        p.string(
            Kind::Text,
            None,
            "mcast_fast_leave {} ",
            if fast_leave != 0 { "on" } else { "off" },
        );
    }
    flag(p, IFLA_BRPORT_MCAST_FLOOD, "mcast_flood", "mcast_flood {} ");
    flag(p, IFLA_BRPORT_BCAST_FLOOD, "bcast_flood", "bcast_flood {} ");
    flag(
        p,
        IFLA_BRPORT_MCAST_TO_UCAST,
        "mcast_to_unicast",
        "mcast_to_unicast {} ",
    );
    flag(
        p,
        IFLA_BRPORT_NEIGH_SUPPRESS,
        "neigh_suppress",
        "neigh_suppress {} ",
    );
    if let Some(mask) = tb.u16(IFLA_BRPORT_GROUP_FWD_MASK) {
        hex0x(
            p,
            Kind::Any,
            "group_fwd_mask",
            "group_fwd_mask {} ",
            mask as u64,
        );
        p.string(
            Kind::Any,
            Some("group_fwd_mask_str"),
            "group_fwd_mask_str {} ",
            fwd_mask_names(mask),
        );
    }
    flag(p, IFLA_BRPORT_VLAN_TUNNEL, "vlan_tunnel", "vlan_tunnel {} ");
    flag(p, IFLA_BRPORT_ISOLATED, "isolated", "isolated {} ");
    flag(p, IFLA_BRPORT_LOCKED, "locked", "locked {} ");
    if let Some(index) = tb.u32(IFLA_BRPORT_BACKUP_PORT) {
        p.string(
            Kind::Any,
            Some("backup_port"),
            "backup_port {} ",
            index_name(index),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::objects::link::kinds::shared::print::testing::{attrs, render, text};

    #[test]
    fn group_fwd_mask_names() {
        assert_eq!(fwd_mask_names(0), "0x0");
        assert_eq!(fwd_mask_names(0x4005), "stp,lacp,lldp");
        assert_eq!(fwd_mask_names(0x0009), "stp,0x8");
    }

    #[test]
    fn states_flags_and_timers() {
        let data = attrs(&[
            (IFLA_BRPORT_STATE, &[7]),
            (IFLA_BRPORT_FAST_LEAVE, &[1]),
            (IFLA_BRPORT_ID, &0x8002u16.to_ne_bytes()),
            (IFLA_BRPORT_HOLD_TIMER, &5u64.to_ne_bytes()),
            (IFLA_BRPORT_GROUP_FWD_MASK, &4u16.to_ne_bytes()),
        ]);
        assert_eq!(
            text("bridge_slave", print, &data),
            "state (7) fastleave on port_id 0x8002 hold_timer    0.05 mcast_fast_leave on \
             group_fwd_mask 0x4 group_fwd_mask_str lacp "
        );
        assert_eq!(
            render(print, &data, true),
            "[{\"info_data\":{\"state_index\":7,\"fastleave\":true,\"id\":\"0x8002\",\
             \"hold_timer\":0.05,\"group_fwd_mask\":\"0x4\",\"group_fwd_mask_str\":\"lacp\"}}]\n"
        );
    }
}
