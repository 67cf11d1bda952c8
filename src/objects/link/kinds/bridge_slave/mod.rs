//! bridge_slave (ip/iplink_bridge_slave.c): the port options, numbers
//! and on/off switches, each written as its own attribute in word order.

pub(crate) mod print;

use super::bridge::opt;
use super::Width::{U16, U32, U8};
use super::{explain, invarg, value, Args, Nest};
use crate::error::{Error, Result};
use crate::grammar::matches;
use crate::objects::link::errors::LinkError;

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
        .map_err(|text| Error::from(LinkError::KindFatal(text, 1)))?;
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

pub(crate) fn parse(
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
