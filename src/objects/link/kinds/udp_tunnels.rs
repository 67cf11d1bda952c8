//! bareudp, gtp, amt (ip/iplink_bareudp.c, iplink_gtp.c, iplink_amt.c) and
//! hsr (ip/iplink_hsr.c): kinds this kernel lacks, checked against
//! captured ip requests.

use super::inet::{address, Seen};
use super::{explain, invarg, ll_proto, value, Args, Nest};
use crate::context::Context;
use crate::error::{Error, Result};
use crate::grammar::{get_u16, get_u8, get_unsigned, matches};
use crate::objects::device;

pub fn bareudp(args: &mut Args, data: &mut Nest) -> Result<()> {
    const PORT: u16 = 1;
    const ETHERTYPE: u16 = 2;
    const SRCPORT_MIN: u16 = 3;
    const MULTIPROTO_MODE: u16 = 4;
    let mut seen = Seen::default();
    let (mut dstport, mut ethertype, mut srcportmin) = ([0u8; 2], [0u8; 2], 0u16);
    let mut multiproto = false;
    let mut words = args.words.iter();
    while let Some(word) = words.next() {
        let w = word.as_str();
        if matches(w, "dstport") {
            let v = value(&mut words)?;
            seen.check(PORT, "dstport", v)?;
            dstport = get_u16(v)
                .map(u16::to_be_bytes)
                .ok_or_else(|| invarg("dstport", v))?;
        } else if matches(w, "ethertype") {
            let v = value(&mut words)?;
            seen.check(ETHERTYPE, "ethertype", v)?;
            ethertype = ll_proto(v).ok_or_else(|| invarg("ethertype", v))?;
        } else if matches(w, "srcportmin") {
            let v = value(&mut words)?;
            seen.check(SRCPORT_MIN, "srcportmin", v)?;
            srcportmin = get_u16(v).ok_or_else(|| invarg("srcportmin", v))?;
        } else if matches(w, "multiproto") {
            seen.check(MULTIPROTO_MODE, w, w)?;
            multiproto = true;
        } else if matches(w, "nomultiproto") {
            seen.check(MULTIPROTO_MODE, w, w)?;
            multiproto = false;
        } else if matches(w, "help") {
            return Err(explain("bareudp", None));
        } else {
            return Err(explain(
                "bareudp",
                Some(format!("bareudp: unknown command \"{w}\"?")),
            ));
        }
    }
    if !seen.has(PORT) {
        return Err(Error::MissingArgument("dstport".into()));
    }
    if !seen.has(ETHERTYPE) {
        return Err(Error::MissingArgument("ethertype".into()));
    }
    data.attr(PORT, &dstport);
    data.attr(ETHERTYPE, &ethertype);
    if seen.has(SRCPORT_MIN) {
        data.u16(SRCPORT_MIN, srcportmin);
    }
    if multiproto {
        data.flag(MULTIPROTO_MODE);
    }
    Ok(())
}

pub fn gtp(args: &mut Args, data: &mut Nest) -> Result<()> {
    const PDP_HASHSIZE: u16 = 3;
    const ROLE: u16 = 4;
    const CREATE_SOCKETS: u16 = 5;
    const RESTART_COUNT: u16 = 6;
    let mut seen = Seen::default();
    data.u8(CREATE_SOCKETS, 1);
    let mut words = args.words.iter();
    while let Some(word) = words.next() {
        match word.as_str() {
            "role" => {
                let v = value(&mut words)?;
                seen.check(ROLE, "role", v)?;
                let role = match v.as_str() {
                    "sgsn" => 1,
                    "ggsn" => 0,
                    _ => return Err(invarg("invalid role, use sgsn or ggsn", v)),
                };
                data.u32(ROLE, role);
            }
            "hsize" => {
                let v = value(&mut words)?;
                seen.check(PDP_HASHSIZE, "hsize", v)?;
                let size = get_unsigned(v).ok_or_else(|| invarg("invalid PDP hash size", v))?;
                if size >= 1 << 17 {
                    return Err(invarg("PDP hash size too big", v));
                }
                data.u32(PDP_HASHSIZE, size);
            }
            "restart_count" => {
                let v = value(&mut words)?;
                seen.check(RESTART_COUNT, "restart_count", v)?;
                // get_u8(.., 10): decimal only.
                let count = v
                    .parse::<u8>()
                    .ok()
                    .filter(|_| v.bytes().all(|b| b.is_ascii_digit()))
                    .ok_or_else(|| invarg("invalid restart_count", v))?;
                data.u8(RESTART_COUNT, count);
            }
            "help" => return Err(explain("gtp", None)),
            // ip's gtp parser skips words it does not know.
            _ => {}
        }
    }
    if !seen.has(ROLE) {
        return Err(Error::KindArgument(
            "gtp: role of the gtp device was not specified".into(),
        ));
    }
    if !seen.has(PDP_HASHSIZE) {
        data.u32(PDP_HASHSIZE, 1024);
    }
    Ok(())
}

pub fn amt(ctx: &mut Context, args: &mut Args, data: &mut Nest) -> Result<()> {
    const MODE: u16 = 1;
    const RELAY_PORT: u16 = 2;
    const GATEWAY_PORT: u16 = 3;
    const LINK: u16 = 4;
    const LOCAL_IP: u16 = 5;
    const DISCOVERY_IP: u16 = 7;
    const MAX_TUNNELS: u16 = 8;
    let mut seen = Seen::default();
    let mut discovery_family = 0;
    let mut words = args.words.iter();
    while let Some(word) = words.next() {
        match word.as_str() {
            "mode" => {
                let mode = match value(&mut words)?.as_str() {
                    "gateway" => 0,
                    "relay" => 1,
                    _ => return Err(explain("amt", None)),
                };
                data.u32(MODE, mode);
            }
            key @ ("relay_port" | "gateway_port") => {
                let v = value(&mut words)?;
                let port = get_u16(v).ok_or_else(|| invarg(key, v))?;
                let attr = if key == "relay_port" {
                    RELAY_PORT
                } else {
                    GATEWAY_PORT
                };
                data.attr(attr, &port.to_be_bytes());
            }
            "max_tunnels" => {
                let v = value(&mut words)?;
                let max = get_unsigned(v).ok_or_else(|| invarg("max_tunnels", v))?;
                data.u32(MAX_TUNNELS, max);
            }
            "dev" => {
                let v = value(&mut words)?;
                let index = device::index_of(ctx, v)?;
                if index == 0 {
                    return Err(Error::KindFatal(format!("Cannot find device \"{v}\""), 255));
                }
                data.u32(LINK, index as u32);
            }
            key @ ("local" | "discovery") => {
                let v = value(&mut words)?;
                let attr = if key == "local" {
                    LOCAL_IP
                } else {
                    DISCOVERY_IP
                };
                seen.check(attr, key, v)?;
                let a = address(v, discovery_family)?;
                if key == "discovery" {
                    discovery_family = a.family;
                }
                if a.is_inet() {
                    data.attr(attr, &a.bytes);
                }
            }
            "help" => return Err(explain("amt", None)),
            w => {
                return Err(explain(
                    "amt",
                    Some(format!("amt: unknown command \"{w}\"?")),
                ))
            }
        }
    }
    Ok(())
}

pub fn hsr(ctx: &mut Context, args: &mut Args, data: &mut Nest) -> Result<()> {
    const SLAVE1: u16 = 1;
    const SLAVE2: u16 = 2;
    const MULTICAST_SPEC: u16 = 3;
    const VERSION: u16 = 6;
    const PROTOCOL: u16 = 7;
    let mut words = args.words.iter();
    while let Some(word) = words.next() {
        let w = word.as_str();
        if matches(w, "supervision") {
            let v = value(&mut words)?;
            data.u8(
                MULTICAST_SPEC,
                get_u8(v).ok_or_else(|| invarg("ADDR-BYTE is invalid", v))?,
            );
        } else if matches(w, "version") {
            // ip compares get_u8's return code, not the value: any byte
            // passes.
            let v = value(&mut words)?;
            data.u8(
                VERSION,
                get_u8(v).ok_or_else(|| invarg("version is invalid", v))?,
            );
        } else if matches(w, "proto") {
            let v = value(&mut words)?;
            data.u8(
                PROTOCOL,
                get_u8(v).ok_or_else(|| invarg("protocol is invalid", v))?,
            );
        } else if matches(w, "slave1") || matches(w, "slave2") {
            let attr = if matches(w, "slave1") { SLAVE1 } else { SLAVE2 };
            let v = value(&mut words)?;
            let index = device::index_of(ctx, v)?;
            if index == 0 {
                return Err(invarg("No such interface", v));
            }
            data.u32(attr, index as u32);
        } else if matches(w, "help") {
            return Err(explain("hsr", None));
        } else {
            return Err(explain("hsr", Some(format!("hsr: what is \"{w}\"?"))));
        }
    }
    Ok(())
}
