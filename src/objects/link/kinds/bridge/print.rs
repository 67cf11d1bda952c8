//! `bridge` details (ip/iplink_bridge.c `bridge_print_opt`): STP settings
//! and state, bridge IDs, timers, VLAN and multicast options.

use crate::kernel::attrs::Attrs;
use crate::objects::link::kinds::shared::print::{ether_ntoa, ethertype, hex0x, mac, timer, uint};
use crate::objects::link::print::LinkStyle;
use crate::output::{Kind, Printer};

const IFLA_BR_FORWARD_DELAY: u16 = 1;
const IFLA_BR_HELLO_TIME: u16 = 2;
const IFLA_BR_MAX_AGE: u16 = 3;
const IFLA_BR_AGEING_TIME: u16 = 4;
const IFLA_BR_STP_STATE: u16 = 5;
const IFLA_BR_PRIORITY: u16 = 6;
const IFLA_BR_VLAN_FILTERING: u16 = 7;
const IFLA_BR_VLAN_PROTOCOL: u16 = 8;
const IFLA_BR_GROUP_FWD_MASK: u16 = 9;
const IFLA_BR_ROOT_ID: u16 = 10;
const IFLA_BR_BRIDGE_ID: u16 = 11;
const IFLA_BR_ROOT_PORT: u16 = 12;
const IFLA_BR_ROOT_PATH_COST: u16 = 13;
const IFLA_BR_TOPOLOGY_CHANGE: u16 = 14;
const IFLA_BR_TOPOLOGY_CHANGE_DETECTED: u16 = 15;
const IFLA_BR_HELLO_TIMER: u16 = 16;
const IFLA_BR_TCN_TIMER: u16 = 17;
const IFLA_BR_TOPOLOGY_CHANGE_TIMER: u16 = 18;
const IFLA_BR_GC_TIMER: u16 = 19;
const IFLA_BR_GROUP_ADDR: u16 = 20;
const IFLA_BR_MCAST_ROUTER: u16 = 22;
const IFLA_BR_MCAST_SNOOPING: u16 = 23;
const IFLA_BR_MCAST_QUERY_USE_IFADDR: u16 = 24;
const IFLA_BR_MCAST_QUERIER: u16 = 25;
const IFLA_BR_MCAST_HASH_ELASTICITY: u16 = 26;
const IFLA_BR_MCAST_HASH_MAX: u16 = 27;
const IFLA_BR_MCAST_LAST_MEMBER_CNT: u16 = 28;
const IFLA_BR_MCAST_STARTUP_QUERY_CNT: u16 = 29;
const IFLA_BR_MCAST_LAST_MEMBER_INTVL: u16 = 30;
const IFLA_BR_MCAST_MEMBERSHIP_INTVL: u16 = 31;
const IFLA_BR_MCAST_QUERIER_INTVL: u16 = 32;
const IFLA_BR_MCAST_QUERY_INTVL: u16 = 33;
const IFLA_BR_MCAST_QUERY_RESPONSE_INTVL: u16 = 34;
const IFLA_BR_MCAST_STARTUP_QUERY_INTVL: u16 = 35;
const IFLA_BR_NF_CALL_IPTABLES: u16 = 36;
const IFLA_BR_NF_CALL_IP6TABLES: u16 = 37;
const IFLA_BR_NF_CALL_ARPTABLES: u16 = 38;
const IFLA_BR_VLAN_DEFAULT_PVID: u16 = 39;
const IFLA_BR_VLAN_STATS_ENABLED: u16 = 41;
const IFLA_BR_MCAST_STATS_ENABLED: u16 = 42;
const IFLA_BR_MCAST_IGMP_VERSION: u16 = 43;
const IFLA_BR_MCAST_MLD_VERSION: u16 = 44;
const IFLA_BR_VLAN_STATS_PER_PORT: u16 = 45;
const IFLA_BR_MULTI_BOOLOPT: u16 = 46;
/// ip 6.1's IFLA_BR_MAX: newer attributes are not looked at.
const IFLA_BR_MAX: u16 = 47;

const BR_BOOLOPT_NO_LL_LEARN: u32 = 0;
const BR_BOOLOPT_MCAST_VLAN_SNOOPING: u32 = 1;

/// ip's `br_dump_bridge_id`: two priority bytes in hex, a dot, and the
/// address as glibc's `ether_ntoa` writes it (`8000.2:0:0:0:0:b0`).
pub(crate) fn bridge_id(id: &[u8]) -> String {
    let prio = [
        id.first().copied().unwrap_or(0),
        id.get(1).copied().unwrap_or(0),
    ];
    let addr = id.get(2..8).unwrap_or(&[0; 6]);
    format!("{:02x}{:02x}.{}", prio[0], prio[1], ether_ntoa(addr))
}

pub(crate) fn print(p: &mut Printer, data: &[u8], style: &LinkStyle) {
    let tb = Attrs::parse(data, IFLA_BR_MAX);
    let u32_field = |p: &mut Printer, attr: u16, key: &str, format: &str| {
        if let Some(value) = tb.u32(attr) {
            uint(p, key, format, value);
        }
    };
    let u16_field = |p: &mut Printer, attr: u16, key: &str, format: &str| {
        if let Some(value) = tb.u16(attr) {
            uint(p, key, format, value);
        }
    };
    let u8_field = |p: &mut Printer, attr: u16, key: &str, format: &str| {
        if let Some(value) = tb.u8(attr) {
            uint(p, key, format, value);
        }
    };
    let u64_field = |p: &mut Printer, attr: u16, key: &str, format: &str| {
        if let Some(value) = tb.u64(attr) {
            uint(p, key, format, value);
        }
    };
    let timer_field = |p: &mut Printer, attr: u16, key: &str| {
        if let Some(value) = tb.u64(attr) {
            timer(p, key, value);
        }
    };

    u32_field(
        p,
        IFLA_BR_FORWARD_DELAY,
        "forward_delay",
        "forward_delay {} ",
    );
    u32_field(p, IFLA_BR_HELLO_TIME, "hello_time", "hello_time {} ");
    u32_field(p, IFLA_BR_MAX_AGE, "max_age", "max_age {} ");
    u32_field(p, IFLA_BR_AGEING_TIME, "ageing_time", "ageing_time {} ");
    u32_field(p, IFLA_BR_STP_STATE, "stp_state", "stp_state {} ");
    u16_field(p, IFLA_BR_PRIORITY, "priority", "priority {} ");
    u8_field(
        p,
        IFLA_BR_VLAN_FILTERING,
        "vlan_filtering",
        "vlan_filtering {} ",
    );
    if let Some(protocol) = tb.be16(IFLA_BR_VLAN_PROTOCOL) {
        p.string(
            Kind::Any,
            Some("vlan_protocol"),
            "vlan_protocol {} ",
            ethertype(protocol, style.numeric),
        );
    }
    if let Some(id) = tb.get(IFLA_BR_BRIDGE_ID) {
        p.string(Kind::Any, Some("bridge_id"), "bridge_id {} ", bridge_id(id));
    }
    if tb.has(IFLA_BR_ROOT_ID) {
        // ip 6.1 prints the bridge's own ID here (it reads IFLA_BR_BRIDGE_ID
        // for designated_root), so the real root ID never shows.
        if let Some(id) = tb.get(IFLA_BR_BRIDGE_ID) {
            p.string(
                Kind::Any,
                Some("root_id"),
                "designated_root {} ",
                bridge_id(id),
            );
        }
    }
    u16_field(p, IFLA_BR_ROOT_PORT, "root_port", "root_port {} ");
    u32_field(
        p,
        IFLA_BR_ROOT_PATH_COST,
        "root_path_cost",
        "root_path_cost {} ",
    );
    u8_field(
        p,
        IFLA_BR_TOPOLOGY_CHANGE,
        "topology_change",
        "topology_change {} ",
    );
    u8_field(
        p,
        IFLA_BR_TOPOLOGY_CHANGE_DETECTED,
        "topology_change_detected",
        "topology_change_detected {} ",
    );
    timer_field(p, IFLA_BR_HELLO_TIMER, "hello_timer");
    timer_field(p, IFLA_BR_TCN_TIMER, "tcn_timer");
    timer_field(p, IFLA_BR_TOPOLOGY_CHANGE_TIMER, "topology_change_timer");
    timer_field(p, IFLA_BR_GC_TIMER, "gc_timer");
    u16_field(
        p,
        IFLA_BR_VLAN_DEFAULT_PVID,
        "vlan_default_pvid",
        "vlan_default_pvid {} ",
    );
    u8_field(
        p,
        IFLA_BR_VLAN_STATS_ENABLED,
        "vlan_stats_enabled",
        "vlan_stats_enabled {} ",
    );
    u8_field(
        p,
        IFLA_BR_VLAN_STATS_PER_PORT,
        "vlan_stats_per_port",
        "vlan_stats_per_port {} ",
    );
    if let Some(mask) = tb.u16(IFLA_BR_GROUP_FWD_MASK) {
        hex0x(
            p,
            Kind::Any,
            "group_fwd_mask",
            "group_fwd_mask {} ",
            mask as u64,
        );
    }
    if let Some(addr) = tb.get(IFLA_BR_GROUP_ADDR) {
        p.string(
            Kind::Any,
            Some("group_addr"),
            "group_address {} ",
            mac(addr),
        );
    }
    u8_field(
        p,
        IFLA_BR_MCAST_SNOOPING,
        "mcast_snooping",
        "mcast_snooping {} ",
    );
    if let Some(boolopt) = tb.get(IFLA_BR_MULTI_BOOLOPT) {
        // struct br_boolopt_multi { __u32 optval; __u32 optmask; }
        let word = |at: usize| {
            boolopt
                .get(at..at + 4)
                .map_or(0, |b| u32::from_ne_bytes(b.try_into().expect("4 bytes")))
        };
        let (optval, optmask) = (word(0), word(4));
        for (bit, key) in [
            (BR_BOOLOPT_NO_LL_LEARN, "no_linklocal_learn"),
            (BR_BOOLOPT_MCAST_VLAN_SNOOPING, "mcast_vlan_snooping"),
        ] {
            if optmask & (1 << bit) != 0 {
                uint(
                    p,
                    key,
                    &format!("{key} {{}} "),
                    (optval & (1 << bit) != 0) as u8,
                );
            }
        }
    }
    u8_field(p, IFLA_BR_MCAST_ROUTER, "mcast_router", "mcast_router {} ");
    u8_field(
        p,
        IFLA_BR_MCAST_QUERY_USE_IFADDR,
        "mcast_query_use_ifaddr",
        "mcast_query_use_ifaddr {} ",
    );
    u8_field(
        p,
        IFLA_BR_MCAST_QUERIER,
        "mcast_querier",
        "mcast_querier {} ",
    );
    u32_field(
        p,
        IFLA_BR_MCAST_HASH_ELASTICITY,
        "mcast_hash_elasticity",
        "mcast_hash_elasticity {} ",
    );
    u32_field(
        p,
        IFLA_BR_MCAST_HASH_MAX,
        "mcast_hash_max",
        "mcast_hash_max {} ",
    );
    u32_field(
        p,
        IFLA_BR_MCAST_LAST_MEMBER_CNT,
        "mcast_last_member_cnt",
        "mcast_last_member_count {} ",
    );
    u32_field(
        p,
        IFLA_BR_MCAST_STARTUP_QUERY_CNT,
        "mcast_startup_query_cnt",
        "mcast_startup_query_count {} ",
    );
    u64_field(
        p,
        IFLA_BR_MCAST_LAST_MEMBER_INTVL,
        "mcast_last_member_intvl",
        "mcast_last_member_interval {} ",
    );
    u64_field(
        p,
        IFLA_BR_MCAST_MEMBERSHIP_INTVL,
        "mcast_membership_intvl",
        "mcast_membership_interval {} ",
    );
    u64_field(
        p,
        IFLA_BR_MCAST_QUERIER_INTVL,
        "mcast_querier_intvl",
        "mcast_querier_interval {} ",
    );
    u64_field(
        p,
        IFLA_BR_MCAST_QUERY_INTVL,
        "mcast_query_intvl",
        "mcast_query_interval {} ",
    );
    u64_field(
        p,
        IFLA_BR_MCAST_QUERY_RESPONSE_INTVL,
        "mcast_query_response_intvl",
        "mcast_query_response_interval {} ",
    );
    u64_field(
        p,
        IFLA_BR_MCAST_STARTUP_QUERY_INTVL,
        "mcast_startup_query_intvl",
        "mcast_startup_query_interval {} ",
    );
    u8_field(
        p,
        IFLA_BR_MCAST_STATS_ENABLED,
        "mcast_stats_enabled",
        "mcast_stats_enabled {} ",
    );
    u8_field(
        p,
        IFLA_BR_MCAST_IGMP_VERSION,
        "mcast_igmp_version",
        "mcast_igmp_version {} ",
    );
    u8_field(
        p,
        IFLA_BR_MCAST_MLD_VERSION,
        "mcast_mld_version",
        "mcast_mld_version {} ",
    );
    u8_field(
        p,
        IFLA_BR_NF_CALL_IPTABLES,
        "nf_call_iptables",
        "nf_call_iptables {} ",
    );
    u8_field(
        p,
        IFLA_BR_NF_CALL_IP6TABLES,
        "nf_call_ip6tables",
        "nf_call_ip6tables {} ",
    );
    u8_field(
        p,
        IFLA_BR_NF_CALL_ARPTABLES,
        "nf_call_arptables",
        "nf_call_arptables {} ",
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::objects::link::kinds::shared::print::testing::{attrs, render, text};

    #[test]
    fn timers_ids_and_masks() {
        let id = [0x80, 0x00, 2, 0, 0, 0, 0, 0xb0];
        let data = attrs(&[
            (IFLA_BR_PRIORITY, &0x8000u16.to_ne_bytes()),
            (IFLA_BR_ROOT_ID, &[0x10, 0, 2, 0, 0, 0, 0, 1]),
            (IFLA_BR_BRIDGE_ID, &id),
            (IFLA_BR_HELLO_TIMER, &12345u64.to_ne_bytes()),
            (IFLA_BR_GROUP_FWD_MASK, &8u16.to_ne_bytes()),
            (IFLA_BR_VLAN_PROTOCOL, &0x88a8u16.to_be_bytes()),
            (IFLA_BR_MULTI_BOOLOPT, &[1, 0, 0, 0, 3, 0, 0, 0]),
        ]);
        assert_eq!(
            text("bridge", print, &data),
            "priority 32768 vlan_protocol 802.1ad bridge_id 8000.2:0:0:0:0:b0 \
             designated_root 8000.2:0:0:0:0:b0 hello_timer  123.45 group_fwd_mask 0x8 \
             no_linklocal_learn 1 mcast_vlan_snooping 0 "
        );
        assert_eq!(
            render(print, &data, true),
            "[{\"info_data\":{\"priority\":32768,\"vlan_protocol\":\"802.1ad\",\
             \"bridge_id\":\"8000.2:0:0:0:0:b0\",\"root_id\":\"8000.2:0:0:0:0:b0\",\
             \"hello_timer\":123.45,\"group_fwd_mask\":\"0x8\",\"no_linklocal_learn\":1,\
             \"mcast_vlan_snooping\":0}}]\n"
        );
    }
}
