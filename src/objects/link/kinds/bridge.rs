//! bridge and bridge_slave (ip/iplink_bridge.c, ip/iplink_bridge_slave.c):
//! mostly numbers, each written as its own attribute in word order.

use super::Width::{U16, U32, U64, U8};
use super::{explain, invarg, ll_proto, value, Args, Nest, NumberOption};
use crate::error::{Error, Result};
use crate::grammar::{get_u8, matches};
use crate::objects::link::lladdr;

const fn opt(keyword: &'static str, attr: u16, width: super::Width) -> NumberOption {
    NumberOption {
        keyword,
        exact: false,
        attr,
        width,
    }
}

// IFLA_BR_* (linux/if_link.h).
const IFLA_BR_VLAN_PROTOCOL: u16 = 8;
const IFLA_BR_GROUP_ADDR: u16 = 20;
const IFLA_BR_FDB_FLUSH: u16 = 21;
const IFLA_BR_MULTI_BOOLOPT: u16 = 46;
const BR_BOOLOPT_NO_LL_LEARN: u32 = 0;
const BR_BOOLOPT_MCAST_VLAN_SNOOPING: u32 = 1;

/// The bridge's number options in ip's test order; the ones ip handles
/// otherwise (vlan_protocol, group_address, boolopts, fdb_flush) are placed
/// by `special` between them.
const BEFORE_PROTOCOL: &[NumberOption] = &[
    opt("forward_delay", 1, U32),
    opt("hello_time", 2, U32),
    opt("max_age", 3, U32),
    opt("ageing_time", 4, U32),
    opt("stp_state", 5, U32),
    opt("priority", 6, U16),
    opt("vlan_filtering", 7, U8),
];
const AFTER_PROTOCOL: &[NumberOption] = &[opt("group_fwd_mask", 9, U16)];
const AFTER_FLUSH: &[NumberOption] = &[
    opt("vlan_default_pvid", 39, U16),
    opt("vlan_stats_enabled", 41, U8),
    opt("vlan_stats_per_port", 45, U8),
    opt("mcast_router", 22, U8),
    opt("mcast_snooping", 23, U8),
];
const AFTER_VLAN_SNOOPING: &[NumberOption] = &[
    opt("mcast_query_use_ifaddr", 24, U8),
    opt("mcast_querier", 25, U8),
    opt("mcast_hash_elasticity", 26, U32),
    opt("mcast_hash_max", 27, U32),
    opt("mcast_last_member_count", 28, U32),
    opt("mcast_startup_query_count", 29, U32),
    opt("mcast_last_member_interval", 30, U64),
    opt("mcast_membership_interval", 31, U64),
    opt("mcast_querier_interval", 32, U64),
    opt("mcast_query_interval", 33, U64),
    opt("mcast_query_response_interval", 34, U64),
    opt("mcast_startup_query_interval", 35, U64),
    opt("mcast_stats_enabled", 42, U8),
    opt("mcast_igmp_version", 43, U8),
    opt("mcast_mld_version", 44, U8),
    opt("nf_call_iptables", 36, U8),
    opt("nf_call_ip6tables", 37, U8),
    opt("nf_call_arptables", 38, U8),
];

fn find<'t>(table: &'t [NumberOption], word: &str) -> Option<&'t NumberOption> {
    table.iter().find(|o| o.hits(word))
}

/// `struct br_boolopt_multi { optval, optmask }`.
#[derive(Default)]
struct BoolOpts {
    value: u32,
    mask: u32,
}

impl BoolOpts {
    fn set(&mut self, key: &str, bit: u32, word: &str) -> Result<()> {
        let on = get_u8(word).ok_or_else(|| invarg(&format!("invalid {key}"), word))?;
        self.mask |= 1 << bit;
        if on != 0 {
            self.value |= 1 << bit;
        } else {
            self.value &= !(1 << bit);
        }
        Ok(())
    }
}

pub fn parse(args: &mut Args, data: &mut Nest) -> Result<()> {
    let mut bools = BoolOpts::default();
    let mut words = args.words.iter();
    while let Some(word) = words.next() {
        let w = word.as_str();
        if let Some(o) = find(BEFORE_PROTOCOL, w) {
            o.apply(value(&mut words)?, data)?;
        } else if matches(w, "vlan_protocol") {
            let v = value(&mut words)?;
            let proto = ll_proto(v).ok_or_else(|| invarg("invalid vlan_protocol", v))?;
            data.attr(IFLA_BR_VLAN_PROTOCOL, &proto);
        } else if let Some(o) = find(AFTER_PROTOCOL, w) {
            o.apply(value(&mut words)?, data)?;
        } else if matches(w, "group_address") {
            let bytes = lladdr::parse(value(&mut words)?)?;
            data.attr(IFLA_BR_GROUP_ADDR, &bytes);
        } else if w == "no_linklocal_learn" {
            bools.set(w, BR_BOOLOPT_NO_LL_LEARN, value(&mut words)?)?;
        } else if matches(w, "fdb_flush") {
            data.flag(IFLA_BR_FDB_FLUSH);
        } else if let Some(o) = find(AFTER_FLUSH, w) {
            o.apply(value(&mut words)?, data)?;
        } else if w == "mcast_vlan_snooping" {
            bools.set(w, BR_BOOLOPT_MCAST_VLAN_SNOOPING, value(&mut words)?)?;
        } else if let Some(o) = find(AFTER_VLAN_SNOOPING, w) {
            o.apply(value(&mut words)?, data)?;
        } else if matches(w, "help") {
            return Err(explain("bridge", None));
        } else {
            return Err(explain(
                "bridge",
                Some(format!("bridge: unknown command \"{w}\"?")),
            ));
        }
    }
    if bools.mask != 0 {
        let mut bytes = bools.value.to_ne_bytes().to_vec();
        bytes.extend_from_slice(&bools.mask.to_ne_bytes());
        data.attr(IFLA_BR_MULTI_BOOLOPT, &bytes);
    }
    Ok(())
}

// IFLA_BRPORT_* (linux/if_link.h).
const IFLA_BRPORT_FLUSH: u16 = 24;
const IFLA_BRPORT_BACKUP_PORT: u16 = 34;

/// The port's on/off options in ip's test order, between `cost` and
/// `mcast_router` (the ones after it are in `LATE_SWITCHES`).
const SWITCHES: &[(&str, u16)] = &[
    ("hairpin", 4),
    ("guard", 5),
    ("root_block", 6),
    ("fastleave", 7),
    ("learning", 8),
    ("flood", 9),
    ("mcast_flood", 27),
    ("bcast_flood", 30),
    ("mcast_to_unicast", 28),
    ("proxy_arp", 10),
    ("proxy_arp_wifi", 12),
];
const LATE_SWITCHES: &[(&str, u16)] = &[("mcast_fast_leave", 7), ("neigh_suppress", 32)];
const LAST_SWITCHES: &[(&str, u16)] = &[("vlan_tunnel", 29), ("isolated", 33), ("locked", 39)];

fn port_switch(table: &[(&'static str, u16)], word: &str) -> Option<(&'static str, u16)> {
    table.iter().copied().find(|(key, _)| matches(word, key))
}

/// `bridge_slave_parse_on_off`: ip exit(1)s on a bad value.
fn on_off(key: &str, word: &str, attr: u16, data: &mut Nest) -> Result<()> {
    let on = crate::objects::link::choice::on_off(key, word)
        .map_err(|text| Error::KindFatal(text, 1))?;
    data.u8(attr, u8::from(on));
    Ok(())
}

fn port_number(
    keyword: &'static str,
    attr: u16,
    width: super::Width,
    reason: &str,
    word: &str,
    data: &mut Nest,
) -> Result<()> {
    let option = opt(keyword, attr, width);
    option.apply(word, data).map_err(|_| invarg(reason, word))
}

pub fn parse_slave(
    ctx: &mut crate::context::Context,
    args: &mut Args,
    data: &mut Nest,
) -> Result<()> {
    let mut words = args.words.iter();
    while let Some(word) = words.next() {
        let w = word.as_str();
        if matches(w, "fdb_flush") {
            data.flag(IFLA_BRPORT_FLUSH);
        } else if matches(w, "state") {
            port_number("state", 1, U8, "state is invalid", value(&mut words)?, data)?;
        } else if matches(w, "priority") {
            port_number(
                "priority",
                2,
                U16,
                "priority is invalid",
                value(&mut words)?,
                data,
            )?;
        } else if matches(w, "cost") {
            port_number("cost", 3, U32, "cost is invalid", value(&mut words)?, data)?;
        } else if let Some((key, attr)) = port_switch(SWITCHES, w) {
            on_off(key, value(&mut words)?, attr, data)?;
        } else if matches(w, "mcast_router") {
            port_number(
                "mcast_router",
                25,
                U8,
                "invalid mcast_router",
                value(&mut words)?,
                data,
            )?;
        } else if let Some((key, attr)) = port_switch(LATE_SWITCHES, w) {
            on_off(key, value(&mut words)?, attr, data)?;
        } else if matches(w, "group_fwd_mask") {
            port_number(
                "group_fwd_mask",
                31,
                U16,
                "invalid group_fwd_mask",
                value(&mut words)?,
                data,
            )?;
        } else if let Some((key, attr)) = port_switch(LAST_SWITCHES, w) {
            on_off(key, value(&mut words)?, attr, data)?;
        } else if matches(w, "backup_port") {
            let v = value(&mut words)?;
            let index = crate::objects::device::index_of(ctx, v)?;
            if index == 0 {
                return Err(invarg("Device does not exist\n", v));
            }
            data.u32(IFLA_BRPORT_BACKUP_PORT, index as u32);
        } else if matches(w, "nobackup_port") {
            data.u32(IFLA_BRPORT_BACKUP_PORT, 0);
        } else if matches(w, "help") {
            return Err(explain("bridge_slave", None));
        } else {
            return Err(explain(
                "bridge_slave",
                Some(format!("bridge_slave: unknown option \"{w}\"?")),
            ));
        }
    }
    Ok(())
}
