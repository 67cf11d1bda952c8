//! bridge and bridge_slave (ip/iplink_bridge.c, ip/iplink_bridge_slave.c):
//! mostly numbers, each written as its own attribute in word order.

pub(crate) mod print;

use super::Width::{U16, U32, U64, U8};
use super::{explain, invarg, ll_proto, value, Args, Nest, NumberOption};
use crate::error::Result;
use crate::grammar::{get_u8, matches};
use crate::objects::link::lladdr;

pub(crate) const fn opt(keyword: &'static str, attr: u16, width: super::Width) -> NumberOption {
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

pub(crate) fn parse(args: &mut Args, data: &mut Nest) -> Result<()> {
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
