//! `bond` details (ip/iplink_bond.c `bond_print_opt`): mode and the
//! bonding driver's options, ARP/NS targets, and 802.3ad information.

use crate::model::bond::{
    AD_SELECT, ARP_ALL_TARGETS, ARP_VALIDATE, FAIL_OVER_MAC, LACP_ACTIVE, LACP_RATE, MODES,
    PRIMARY_RESELECT, XMIT_HASH_POLICY,
};
use std::net::{Ipv4Addr, Ipv6Addr};

use crate::kernel::attrs::Attrs;
use crate::objects::link::kinds::shared::print::{index_name, mac, uint};
use crate::objects::link::print::LinkStyle;
use crate::output::{Kind, Printer};

const IFLA_BOND_MODE: u16 = 1;
const IFLA_BOND_ACTIVE_SLAVE: u16 = 2;
const IFLA_BOND_MIIMON: u16 = 3;
const IFLA_BOND_UPDELAY: u16 = 4;
const IFLA_BOND_DOWNDELAY: u16 = 5;
const IFLA_BOND_USE_CARRIER: u16 = 6;
const IFLA_BOND_ARP_INTERVAL: u16 = 7;
const IFLA_BOND_ARP_IP_TARGET: u16 = 8;
const IFLA_BOND_ARP_VALIDATE: u16 = 9;
const IFLA_BOND_ARP_ALL_TARGETS: u16 = 10;
const IFLA_BOND_PRIMARY: u16 = 11;
const IFLA_BOND_PRIMARY_RESELECT: u16 = 12;
const IFLA_BOND_FAIL_OVER_MAC: u16 = 13;
const IFLA_BOND_XMIT_HASH_POLICY: u16 = 14;
const IFLA_BOND_RESEND_IGMP: u16 = 15;
const IFLA_BOND_NUM_PEER_NOTIF: u16 = 16;
const IFLA_BOND_ALL_SLAVES_ACTIVE: u16 = 17;
const IFLA_BOND_MIN_LINKS: u16 = 18;
const IFLA_BOND_LP_INTERVAL: u16 = 19;
const IFLA_BOND_PACKETS_PER_SLAVE: u16 = 20;
const IFLA_BOND_AD_LACP_RATE: u16 = 21;
const IFLA_BOND_AD_SELECT: u16 = 22;
const IFLA_BOND_AD_INFO: u16 = 23;
const IFLA_BOND_AD_ACTOR_SYS_PRIO: u16 = 24;
const IFLA_BOND_AD_USER_PORT_KEY: u16 = 25;
const IFLA_BOND_AD_ACTOR_SYSTEM: u16 = 26;
const IFLA_BOND_TLB_DYNAMIC_LB: u16 = 27;
const IFLA_BOND_PEER_NOTIF_DELAY: u16 = 28;
const IFLA_BOND_AD_LACP_ACTIVE: u16 = 29;
const IFLA_BOND_MISSED_MAX: u16 = 30;
const IFLA_BOND_NS_IP6_TARGET: u16 = 31;
/// ip 6.1's IFLA_BOND_MAX.
const IFLA_BOND_MAX: u16 = 31;

const IFLA_BOND_AD_INFO_AGGREGATOR: u16 = 1;
const IFLA_BOND_AD_INFO_NUM_PORTS: u16 = 2;
const IFLA_BOND_AD_INFO_ACTOR_KEY: u16 = 3;
const IFLA_BOND_AD_INFO_PARTNER_KEY: u16 = 4;
const IFLA_BOND_AD_INFO_PARTNER_MAC: u16 = 5;
const IFLA_BOND_AD_INFO_MAX: u16 = 5;

/// BOND_MAX_ARP_TARGETS (and BOND_MAX_NS_TARGETS).
const MAX_TARGETS: u16 = 16;

/// ip's `get_name`: the table entry, `UNKNOWN` past its end.
fn name(table: &[&'static str], index: u32) -> &'static str {
    table.get(index as usize).copied().unwrap_or("UNKNOWN")
}

/// ARP or NS targets: `NAME a,b,c ` in text, a JSON array of strings. ip
/// reads slots 0..15 of the nest and starts the list only if slot 0 is set.
fn print_targets(p: &mut Printer, key: &str, nest: &[u8], format: fn(&[u8]) -> String) {
    let targets = Attrs::parse(nest, MAX_TARGETS);
    let first = targets.has(0);
    if first {
        p.open_array(Kind::Json, key, "");
        p.text(format!("{key} "));
    }
    for slot in 0..MAX_TARGETS {
        if let Some(addr) = targets.get(slot) {
            p.string(Kind::Any, None, "{}", format(addr));
        }
        if !p.is_json() && slot < MAX_TARGETS - 1 && targets.has(slot + 1) {
            p.text(",");
        }
    }
    if first {
        p.text(" ");
        p.close_array(Kind::Json, "");
    }
}

fn ipv4_text(bytes: &[u8]) -> String {
    match bytes.get(..4) {
        Some(b) => Ipv4Addr::new(b[0], b[1], b[2], b[3]).to_string(),
        None => "???".to_string(),
    }
}

fn ipv6_text(bytes: &[u8]) -> String {
    match bytes.get(..16) {
        Some(b) => Ipv6Addr::from(<[u8; 16]>::try_from(b).expect("16 bytes")).to_string(),
        None => "???".to_string(),
    }
}

pub(crate) fn print(p: &mut Printer, data: &[u8], _style: &LinkStyle) {
    let tb = Attrs::parse(data, IFLA_BOND_MAX);
    let u32_field = |p: &mut Printer, attr: u16, key: &str, format: &str| {
        if let Some(value) = tb.u32(attr) {
            uint(p, key, format, value);
        }
    };
    let u8_field = |p: &mut Printer, attr: u16, key: &str, format: &str| {
        if let Some(value) = tb.u8(attr) {
            uint(p, key, format, value);
        }
    };
    let u16_field = |p: &mut Printer, attr: u16, key: &str, format: &str| {
        if let Some(value) = tb.u16(attr) {
            uint(p, key, format, value);
        }
    };
    let named_u8 = |p: &mut Printer, attr: u16, table, key: &str, format: &str| {
        if let Some(value) = tb.u8(attr) {
            p.string(Kind::Any, Some(key), format, name(table, value as u32));
        }
    };
    let device = |p: &mut Printer, attr: u16, key: &str, format: &str| {
        if let Some(index) = tb.u32(attr).filter(|index| *index != 0) {
            p.string(Kind::Any, Some(key), format, index_name(index));
        }
    };

    named_u8(p, IFLA_BOND_MODE, MODES, "mode", "mode {} ");
    device(
        p,
        IFLA_BOND_ACTIVE_SLAVE,
        "active_slave",
        "active_slave {} ",
    );
    u32_field(p, IFLA_BOND_MIIMON, "miimon", "miimon {} ");
    u32_field(p, IFLA_BOND_UPDELAY, "updelay", "updelay {} ");
    u32_field(p, IFLA_BOND_DOWNDELAY, "downdelay", "downdelay {} ");
    u32_field(
        p,
        IFLA_BOND_PEER_NOTIF_DELAY,
        "peer_notify_delay",
        "peer_notify_delay {} ",
    );
    u8_field(p, IFLA_BOND_USE_CARRIER, "use_carrier", "use_carrier {} ");
    u32_field(
        p,
        IFLA_BOND_ARP_INTERVAL,
        "arp_interval",
        "arp_interval {} ",
    );
    u8_field(
        p,
        IFLA_BOND_MISSED_MAX,
        "arp_missed_max",
        "arp_missed_max {} ",
    );
    if let Some(nest) = tb.get(IFLA_BOND_ARP_IP_TARGET) {
        print_targets(p, "arp_ip_target", nest, ipv4_text);
    }
    if let Some(nest) = tb.get(IFLA_BOND_NS_IP6_TARGET) {
        print_targets(p, "ns_ip6_target", nest, ipv6_text);
    }
    if let Some(validate) = tb.u32(IFLA_BOND_ARP_VALIDATE) {
        if validate == 0 && p.is_json() {
            p.null("arp_validate");
        } else {
            p.string(
                Kind::Any,
                Some("arp_validate"),
                "arp_validate {} ",
                name(ARP_VALIDATE, validate),
            );
        }
    }
    if let Some(all) = tb.u32(IFLA_BOND_ARP_ALL_TARGETS) {
        p.string(
            Kind::Any,
            Some("arp_all_targets"),
            "arp_all_targets {} ",
            name(ARP_ALL_TARGETS, all),
        );
    }
    device(p, IFLA_BOND_PRIMARY, "primary", "primary {} ");
    named_u8(
        p,
        IFLA_BOND_PRIMARY_RESELECT,
        PRIMARY_RESELECT,
        "primary_reselect",
        "primary_reselect {} ",
    );
    named_u8(
        p,
        IFLA_BOND_FAIL_OVER_MAC,
        FAIL_OVER_MAC,
        "fail_over_mac",
        "fail_over_mac {} ",
    );
    named_u8(
        p,
        IFLA_BOND_XMIT_HASH_POLICY,
        XMIT_HASH_POLICY,
        "xmit_hash_policy",
        "xmit_hash_policy {} ",
    );
    u32_field(p, IFLA_BOND_RESEND_IGMP, "resend_igmp", "resend_igmp {} ");
    u8_field(
        p,
        IFLA_BOND_NUM_PEER_NOTIF,
        "num_peer_notif",
        "num_grat_arp {} ",
    );
    u8_field(
        p,
        IFLA_BOND_ALL_SLAVES_ACTIVE,
        "all_slaves_active",
        "all_slaves_active {} ",
    );
    u32_field(p, IFLA_BOND_MIN_LINKS, "min_links", "min_links {} ");
    u32_field(p, IFLA_BOND_LP_INTERVAL, "lp_interval", "lp_interval {} ");
    u32_field(
        p,
        IFLA_BOND_PACKETS_PER_SLAVE,
        "packets_per_slave",
        "packets_per_slave {} ",
    );
    named_u8(
        p,
        IFLA_BOND_AD_LACP_ACTIVE,
        LACP_ACTIVE,
        "ad_lacp_active",
        "lacp_active {} ",
    );
    named_u8(
        p,
        IFLA_BOND_AD_LACP_RATE,
        LACP_RATE,
        "ad_lacp_rate",
        "lacp_rate {} ",
    );
    named_u8(
        p,
        IFLA_BOND_AD_SELECT,
        AD_SELECT,
        "ad_select",
        "ad_select {} ",
    );
    if let Some(info) = tb.nested(IFLA_BOND_AD_INFO, IFLA_BOND_AD_INFO_MAX) {
        p.open_object(Some("ad_info"));
        for (attr, key, format) in [
            (
                IFLA_BOND_AD_INFO_AGGREGATOR,
                "aggregator",
                "ad_aggregator {} ",
            ),
            (IFLA_BOND_AD_INFO_NUM_PORTS, "num_ports", "ad_num_ports {} "),
            (IFLA_BOND_AD_INFO_ACTOR_KEY, "actor_key", "ad_actor_key {} "),
            (
                IFLA_BOND_AD_INFO_PARTNER_KEY,
                "partner_key",
                "ad_partner_key {} ",
            ),
        ] {
            if let Some(value) = info.u16(attr) {
                uint(p, key, format, value);
            }
        }
        if let Some(partner) = info.get(IFLA_BOND_AD_INFO_PARTNER_MAC) {
            let addr = partner.get(..6).unwrap_or(partner);
            p.string(
                Kind::Any,
                Some("partner_mac"),
                "ad_partner_mac {} ",
                mac(addr),
            );
        }
        p.close_object();
    }
    u16_field(
        p,
        IFLA_BOND_AD_ACTOR_SYS_PRIO,
        "ad_actor_sys_prio",
        "ad_actor_sys_prio {} ",
    );
    u16_field(
        p,
        IFLA_BOND_AD_USER_PORT_KEY,
        "ad_user_port_key",
        "ad_user_port_key {} ",
    );
    if let Some(system) = tb.get(IFLA_BOND_AD_ACTOR_SYSTEM) {
        p.string(
            Kind::Any,
            Some("ad_actor_system"),
            "ad_actor_system {} ",
            mac(system),
        );
    }
    u8_field(
        p,
        IFLA_BOND_TLB_DYNAMIC_LB,
        "tlb_dynamic_lb",
        "tlb_dynamic_lb {} ",
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::objects::link::kinds::shared::print::testing::{attrs, render, text};

    /// What a fresh `ip link add bond0 type bond mode 802.3ad` reports,
    /// plus two ARP targets and an NS target.
    fn sample() -> Vec<u8> {
        let arp = attrs(&[(0, &[192, 0, 2, 1]), (1, &[198, 51, 100, 7])]);
        let ns6: std::net::Ipv6Addr = "2001:db8::5".parse().unwrap();
        let ns = attrs(&[(0, &ns6.octets())]);
        let ad_info = attrs(&[
            (IFLA_BOND_AD_INFO_AGGREGATOR, &1u16.to_ne_bytes()),
            (IFLA_BOND_AD_INFO_NUM_PORTS, &0u16.to_ne_bytes()),
            (IFLA_BOND_AD_INFO_PARTNER_MAC, &[0; 6]),
        ]);
        attrs(&[
            (IFLA_BOND_MODE, &[4]),
            (IFLA_BOND_MIIMON, &100u32.to_ne_bytes()),
            (IFLA_BOND_USE_CARRIER, &[1]),
            (IFLA_BOND_ARP_IP_TARGET, &arp),
            (IFLA_BOND_NS_IP6_TARGET, &ns),
            (IFLA_BOND_ARP_VALIDATE, &0u32.to_ne_bytes()),
            (IFLA_BOND_PRIMARY_RESELECT, &[9]),
            (IFLA_BOND_XMIT_HASH_POLICY, &[2]),
            (IFLA_BOND_NUM_PEER_NOTIF, &[1]),
            (IFLA_BOND_AD_LACP_RATE, &[1]),
            (IFLA_BOND_AD_INFO, &ad_info),
            (IFLA_BOND_AD_ACTOR_SYSTEM, &[0; 6]),
        ])
    }

    #[test]
    fn text_follows_bond_print_opt() {
        assert_eq!(
            text("bond", print, &sample()),
            "mode 802.3ad miimon 100 use_carrier 1 arp_ip_target 192.0.2.1,198.51.100.7 \
             ns_ip6_target 2001:db8::5 arp_validate none primary_reselect UNKNOWN \
             xmit_hash_policy layer2+3 num_grat_arp 1 lacp_rate fast ad_aggregator 1 \
             ad_num_ports 0 ad_partner_mac 00:00:00:00:00:00 ad_actor_system 00:00:00:00:00:00 "
        );
    }

    #[test]
    fn json_follows_bond_print_opt() {
        assert_eq!(
            render(print, &sample(), true),
            "[{\"info_data\":{\"mode\":\"802.3ad\",\"miimon\":100,\"use_carrier\":1,\
             \"arp_ip_target\":[\"192.0.2.1\",\"198.51.100.7\"],\
             \"ns_ip6_target\":[\"2001:db8::5\"],\"arp_validate\":null,\
             \"primary_reselect\":\"UNKNOWN\",\"xmit_hash_policy\":\"layer2+3\",\
             \"num_peer_notif\":1,\"ad_lacp_rate\":\"fast\",\
             \"ad_info\":{\"aggregator\":1,\"num_ports\":0,\"partner_mac\":\"00:00:00:00:00:00\"},\
             \"ad_actor_system\":\"00:00:00:00:00:00\"}}]\n"
        );
    }
}
