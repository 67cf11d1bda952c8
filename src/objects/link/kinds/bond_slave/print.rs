//! `bond_slave` details of a bond port (ip/iplink_bond_slave.c
//! `bond_slave_print_opt`): state, MII status, counters, 802.3ad states.

use crate::kernel::attrs::Attrs;
use crate::objects::link::kinds::shared::print::{mac, uint};
use crate::objects::link::print::LinkStyle;
use crate::output::{Kind, Printer};

const IFLA_BOND_SLAVE_STATE: u16 = 1;
const IFLA_BOND_SLAVE_MII_STATUS: u16 = 2;
const IFLA_BOND_SLAVE_LINK_FAILURE_COUNT: u16 = 3;
const IFLA_BOND_SLAVE_PERM_HWADDR: u16 = 4;
const IFLA_BOND_SLAVE_QUEUE_ID: u16 = 5;
const IFLA_BOND_SLAVE_AD_AGGREGATOR_ID: u16 = 6;
const IFLA_BOND_SLAVE_AD_ACTOR_OPER_PORT_STATE: u16 = 7;
const IFLA_BOND_SLAVE_AD_PARTNER_OPER_PORT_STATE: u16 = 8;
const IFLA_BOND_SLAVE_PRIO: u16 = 9;
/// ip 6.1's IFLA_BOND_SLAVE_MAX.
const IFLA_BOND_SLAVE_MAX: u16 = 9;

const STATES: [&str; 2] = ["ACTIVE", "BACKUP"];
const MII_STATUS: [&str; 4] = ["UP", "GOING_DOWN", "DOWN", "GOING_BACK"];
const LACP_STATES: [(u8, &str); 8] = [
    (0x01, "active"),
    (0x02, "short_timeout"),
    (0x04, "aggregating"),
    (0x08, "in_sync"),
    (0x10, "collecting"),
    (0x20, "distributing"),
    (0x40, "defaulted"),
    (0x80, "expired"),
];

/// ip's `print_slave_oper_state`. ip opens the array with PRINT_ANY, so the
/// text form shows the JSON key too: `KEY <active,in_sync> `.
fn print_oper_state(p: &mut Printer, key: &str, mut state: u8) {
    p.open_array(Kind::Any, key, key);
    p.text(" <");
    for (bit, name) in LACP_STATES {
        if state & bit != 0 {
            state &= !bit;
            p.string(Kind::Any, None, if state != 0 { "{}," } else { "{}" }, name);
        }
    }
    p.close_array(Kind::Any, "> ");
}

pub(crate) fn print(p: &mut Printer, data: &[u8], _style: &LinkStyle) {
    let tb = Attrs::parse(data, IFLA_BOND_SLAVE_MAX);
    if let Some(state) = tb.u8(IFLA_BOND_SLAVE_STATE) {
        match STATES.get(state as usize) {
            Some(name) => p.string(Kind::Any, Some("state"), "state {} ", name),
            None => p.int(Kind::Any, Some("state_index"), "state {} ", state),
        }
    }
    if let Some(status) = tb.u8(IFLA_BOND_SLAVE_MII_STATUS) {
        match MII_STATUS.get(status as usize) {
            Some(name) => p.string(Kind::Any, Some("mii_status"), "mii_status {} ", name),
            None => p.int(
                Kind::Any,
                Some("mii_status_index"),
                "mii_status {} ",
                status,
            ),
        }
    }
    if let Some(count) = tb.u32(IFLA_BOND_SLAVE_LINK_FAILURE_COUNT) {
        uint(
            p,
            "link_failure_count",
            "link_failure_count {} ",
            count as i32,
        );
    }
    if let Some(addr) = tb.get(IFLA_BOND_SLAVE_PERM_HWADDR) {
        p.string(Kind::Any, Some("perm_hwaddr"), "perm_hwaddr {} ", mac(addr));
    }
    if let Some(queue) = tb.u16(IFLA_BOND_SLAVE_QUEUE_ID) {
        uint(p, "queue_id", "queue_id {} ", queue);
    }
    if let Some(prio) = tb.i32(IFLA_BOND_SLAVE_PRIO) {
        uint(p, "prio", "prio {} ", prio);
    }
    if let Some(id) = tb.u16(IFLA_BOND_SLAVE_AD_AGGREGATOR_ID) {
        uint(p, "ad_aggregator_id", "ad_aggregator_id {} ", id);
    }
    for (attr, key) in [
        (
            IFLA_BOND_SLAVE_AD_ACTOR_OPER_PORT_STATE,
            "ad_actor_oper_port_state",
        ),
        (
            IFLA_BOND_SLAVE_AD_PARTNER_OPER_PORT_STATE,
            "ad_partner_oper_port_state",
        ),
    ] {
        if let Some(state) = tb.u8(attr) {
            uint(p, key, &format!("{key} {{}} "), state);
            print_oper_state(p, &format!("{key}_str"), state);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::objects::link::kinds::shared::print::testing::{attrs, render, text};

    fn sample() -> Vec<u8> {
        attrs(&[
            (IFLA_BOND_SLAVE_STATE, &[1]),
            (IFLA_BOND_SLAVE_MII_STATUS, &[7]),
            (IFLA_BOND_SLAVE_LINK_FAILURE_COUNT, &0u32.to_ne_bytes()),
            (IFLA_BOND_SLAVE_PERM_HWADDR, &[2, 0, 0, 0, 0, 0x11]),
            (IFLA_BOND_SLAVE_QUEUE_ID, &0u16.to_ne_bytes()),
            (IFLA_BOND_SLAVE_PRIO, &(-3i32).to_ne_bytes()),
            (IFLA_BOND_SLAVE_AD_AGGREGATOR_ID, &1u16.to_ne_bytes()),
            (IFLA_BOND_SLAVE_AD_ACTOR_OPER_PORT_STATE, &[0x3d]),
            (IFLA_BOND_SLAVE_AD_PARTNER_OPER_PORT_STATE, &[0]),
        ])
    }

    #[test]
    fn text_and_json() {
        assert_eq!(
            text("bond_slave", print, &sample()),
            "state BACKUP mii_status 7 link_failure_count 0 perm_hwaddr 02:00:00:00:00:11 \
             queue_id 0 prio -3 ad_aggregator_id 1 ad_actor_oper_port_state 61 \
             ad_actor_oper_port_state_str <active,aggregating,in_sync,collecting,distributing> \
             ad_partner_oper_port_state 0 ad_partner_oper_port_state_str <> "
        );
        assert_eq!(
            render(print, &sample(), true),
            "[{\"info_data\":{\"state\":\"BACKUP\",\"mii_status_index\":7,\
             \"link_failure_count\":0,\"perm_hwaddr\":\"02:00:00:00:00:11\",\"queue_id\":0,\
             \"prio\":-3,\"ad_aggregator_id\":1,\"ad_actor_oper_port_state\":61,\
             \"ad_actor_oper_port_state_str\":[\"active\",\"aggregating\",\"in_sync\",\
             \"collecting\",\"distributing\"],\"ad_partner_oper_port_state\":0,\
             \"ad_partner_oper_port_state_str\":[]}}]\n"
        );
    }
}
