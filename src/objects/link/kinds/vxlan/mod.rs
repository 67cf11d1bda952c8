//! vxlan (ip/iplink_vxlan.c): the VNI, addresses, ports and switches. ip
//! checks duplicates per attribute and writes the VNI, addresses, learning
//! and the destination port after the loop.

pub(crate) mod print;

use super::shared::inet::{address, dsfield, family_of, Inet, Seen};
use super::{explain, invarg, Args, Nest};
use crate::context::Context;
use crate::error::{Error, Result};
use crate::grammar::{get_u16, get_unsigned, matches};
use crate::model::link::{AF_INET, AF_INET6};
use crate::objects::device;
use crate::objects::link::errors::{LinkError, LinkWarning};

const ID: u16 = 1;
const GROUP: u16 = 2;
const LINK: u16 = 3;
const LOCAL: u16 = 4;
const TTL: u16 = 5;
const TOS: u16 = 6;
const LEARNING: u16 = 7;
const AGEING: u16 = 8;
const LIMIT: u16 = 9;
const PORT_RANGE: u16 = 10;
const PROXY: u16 = 11;
const RSC: u16 = 12;
const L2MISS: u16 = 13;
const L3MISS: u16 = 14;
const PORT: u16 = 15;
const GROUP6: u16 = 16;
const LOCAL6: u16 = 17;
const UDP_CSUM: u16 = 18;
const UDP_ZERO_CSUM6_TX: u16 = 19;
const UDP_ZERO_CSUM6_RX: u16 = 20;
const REMCSUM_TX: u16 = 21;
const REMCSUM_RX: u16 = 22;
const GBP: u16 = 23;
const COLLECT_METADATA: u16 = 25;
const LABEL: u16 = 26;
const GPE: u16 = 27;
const TTL_INHERIT: u16 = 28;
const DF: u16 = 29;
const VNIFILTER: u16 = 30;

/// Switch words writing a u8 (word, attribute, value), in ip's order,
/// after `learning`.
const SWITCHES: &[(&str, u16, u8)] = &[
    ("noproxy", PROXY, 0),
    ("proxy", PROXY, 1),
    ("norsc", RSC, 0),
    ("rsc", RSC, 1),
    ("nol2miss", L2MISS, 0),
    ("l2miss", L2MISS, 1),
    ("nol3miss", L3MISS, 0),
    ("l3miss", L3MISS, 1),
    ("udpcsum", UDP_CSUM, 1),
    ("noudpcsum", UDP_CSUM, 0),
    ("udp6zerocsumtx", UDP_ZERO_CSUM6_TX, 1),
    ("noudp6zerocsumtx", UDP_ZERO_CSUM6_TX, 0),
    ("udp6zerocsumrx", UDP_ZERO_CSUM6_RX, 1),
    ("noudp6zerocsumrx", UDP_ZERO_CSUM6_RX, 0),
    ("remcsumtx", REMCSUM_TX, 1),
    ("noremcsumtx", REMCSUM_TX, 0),
    ("remcsumrx", REMCSUM_RX, 1),
    ("noremcsumrx", REMCSUM_RX, 0),
];

pub(crate) fn parse(ctx: &mut Context, args: &mut Args, data: &mut Nest) -> Result<()> {
    let set_op = !args.verb.creates() && args.verb != crate::objects::link::modify::Verb::Delete;
    let mut seen = Seen::default();
    let mut vni = 0u32;
    let mut learning = 1u8;
    let mut dstport = 0u16;
    let mut metadata = false;
    let mut vnifilter = false;
    let mut saddr: Option<Inet> = None;
    let mut daddr: Option<Inet> = None;
    let both = || {
        Error::from(LinkError::KindArgument(
            "vxlan: both group and remote cannot be specified".into(),
        ))
    };
    let mut words = args.words.iter();
    while let Some(word) = words.next() {
        let w = word.as_str();
        let mut next = || words.next().ok_or(Error::IncompleteCommand);
        if matches(w, "id") || matches(w, "vni") {
            let v = next()?;
            seen.check(ID, "id", v)?;
            vni = get_unsigned(v)
                .filter(|id| *id < 1 << 24)
                .ok_or_else(|| invarg("invalid id", v))?;
        } else if matches(w, "group") {
            if daddr.as_ref().is_some_and(Inet::is_not_multi) {
                return Err(both());
            }
            let v = next()?;
            seen.check(GROUP, "group", v)?;
            let a = address(v, family_of(&saddr))?;
            if !a.is_multi() {
                return Err(invarg("invalid group address", v));
            }
            daddr = Some(a);
        } else if matches(w, "remote") {
            if daddr.as_ref().is_some_and(Inet::is_multi) {
                return Err(both());
            }
            let v = next()?;
            seen.check(GROUP, "remote", v)?;
            let a = address(v, family_of(&saddr))?;
            if !a.is_not_multi() {
                return Err(invarg("invalid remote address", v));
            }
            daddr = Some(a);
        } else if matches(w, "local") {
            let v = next()?;
            seen.check(LOCAL, "local", v)?;
            let a = address(v, family_of(&daddr))?;
            if !a.is_not_multi() {
                return Err(invarg("invalid local address", v));
            }
            saddr = Some(a);
        } else if matches(w, "dev") {
            let v = next()?;
            seen.check(LINK, "dev", v)?;
            let index = device::index_of(ctx, v)?;
            if index == 0 {
                // ip's exit(nodev()): exit(-1).
                return Err(Error::from(LinkError::KindFatal(
                    format!("Cannot find device \"{v}\""),
                    255,
                )));
            }
            data.u32(LINK, index as u32);
        } else if matches(w, "ttl") || matches(w, "hoplimit") {
            let v = next()?;
            seen.check(TTL, "ttl", v)?;
            match v.as_str() {
                "inherit" => data.flag(TTL_INHERIT),
                "auto" => data.u8(TTL, 0),
                _ => {
                    let ttl = get_unsigned(v).ok_or_else(|| invarg("invalid TTL", v))?;
                    if ttl > 255 {
                        return Err(invarg("TTL must be <= 255", v));
                    }
                    data.u8(TTL, ttl as u8);
                }
            }
        } else if matches(w, "tos") || matches(w, "dsfield") {
            let v = next()?;
            seen.check(TOS, "tos", v)?;
            let tos = if v == "inherit" {
                1
            } else {
                dsfield(v).ok_or_else(|| invarg("bad TOS value", v))?
            };
            data.u8(TOS, tos);
        } else if matches(w, "df") {
            let v = next()?;
            seen.check(DF, "df", v)?;
            let df = match v.as_str() {
                "unset" => 0,
                "set" => 1,
                "inherit" => 2,
                _ => return Err(invarg("DF must be 'unset', 'set' or 'inherit'", v)),
            };
            data.u8(DF, df);
        } else if matches(w, "label") || matches(w, "flowlabel") {
            let v = next()?;
            seen.check(LABEL, "flowlabel", v)?;
            let label = get_unsigned(v)
                .filter(|l| l & !0xfffff == 0)
                .ok_or_else(|| invarg("invalid flowlabel", v))?;
            data.attr(LABEL, &label.to_be_bytes());
        } else if matches(w, "ageing") {
            let v = next()?;
            seen.check(AGEING, "ageing", v)?;
            let age = if v == "none" {
                0
            } else {
                get_unsigned(v).ok_or_else(|| invarg("ageing timer", v))?
            };
            data.u32(AGEING, age);
        } else if matches(w, "maxaddress") {
            let v = next()?;
            seen.check(LIMIT, "maxaddress", v)?;
            let max = if v == "unlimited" {
                0
            } else {
                get_unsigned(v).ok_or_else(|| invarg("max addresses", v))?
            };
            data.u32(LIMIT, max);
        } else if matches(w, "port") || matches(w, "srcport") {
            let low = next()?;
            seen.check(PORT_RANGE, "srcport", low)?;
            let low = get_u16(low).ok_or_else(|| invarg("min port", low))?;
            let high = words.next().ok_or(Error::IncompleteCommand)?;
            let high = get_u16(high).ok_or_else(|| invarg("max port", high))?;
            if low != 0 || high != 0 {
                let mut range = low.to_be_bytes().to_vec();
                range.extend_from_slice(&high.to_be_bytes());
                data.attr(PORT_RANGE, &range);
            }
        } else if matches(w, "dstport") {
            let v = next()?;
            seen.check(PORT, "dstport", v)?;
            dstport = get_u16(v).ok_or_else(|| invarg("dst port", v))?;
        } else if matches(w, "nolearning") {
            seen.check(LEARNING, w, w)?;
            learning = 0;
        } else if matches(w, "learning") {
            seen.check(LEARNING, w, w)?;
            learning = 1;
        } else if let Some((_, attr, value)) =
            SWITCHES.iter().copied().find(|(key, _, _)| matches(w, key))
        {
            seen.check(attr, w, w)?;
            data.u8(attr, value);
        } else if matches(w, "external") {
            seen.check(COLLECT_METADATA, w, w)?;
            metadata = true;
            learning = 0;
            data.u8(COLLECT_METADATA, 1);
        } else if matches(w, "noexternal") {
            seen.check(COLLECT_METADATA, w, w)?;
            metadata = false;
            data.u8(COLLECT_METADATA, 0);
        } else if matches(w, "gbp") {
            seen.check(GBP, w, w)?;
            data.flag(GBP);
        } else if matches(w, "gpe") {
            seen.check(GPE, w, w)?;
            data.flag(GPE);
        } else if w == "vnifilter" {
            seen.check(VNIFILTER, w, w)?;
            data.u8(VNIFILTER, 1);
            vnifilter = true;
        } else if w == "novnifilter" {
            seen.check(VNIFILTER, w, w)?;
            data.u8(VNIFILTER, 0);
        } else if matches(w, "help") {
            return Err(explain("vxlan", None));
        } else {
            return Err(explain(
                "vxlan",
                Some(format!("vxlan: unknown command \"{w}\"?")),
            ));
        }
    }

    let complain = |text: &str| Err(Error::from(LinkError::KindArgument(text.to_string())));
    if !metadata && vnifilter {
        return complain("vxlan: vnifilter is valid only when 'external' is set");
    }
    if metadata && seen.has(ID) {
        return complain("vxlan: both 'external' and vni cannot be specified");
    }
    if !metadata && !vnifilter && !seen.has(ID) && !set_op {
        return complain("vxlan: missing virtual network identifier");
    }
    if daddr.as_ref().is_some_and(Inet::is_multi) && !seen.has(LINK) {
        return complain("vxlan: 'group' requires 'dev' to be specified");
    }
    if !seen.has(PORT) && seen.has(GPE) {
        dstport = 4790;
    } else if !seen.has(PORT) && !set_op {
        crate::error::warn(LinkWarning::VxlanDefaultPort.into());
    }
    if seen.has(ID) {
        data.u32(ID, vni);
    }
    let mut selected_family = false;
    if let Some(a) = saddr.filter(Inet::is_inet) {
        data.attr(if a.family == AF_INET { LOCAL } else { LOCAL6 }, &a.bytes);
        selected_family = true;
    }
    if let Some(a) = daddr.filter(Inet::is_inet) {
        data.attr(if a.family == AF_INET { GROUP } else { GROUP6 }, &a.bytes);
        selected_family = true;
    }
    if !selected_family {
        // ip's `get_addr(.., "default", family)`: the zero address.
        match args.family {
            AF_INET => data.attr(GROUP, &[0; 4]),
            AF_INET6 => data.attr(GROUP6, &[0; 16]),
            _ => {}
        }
    }
    if !set_op || seen.has(LEARNING) {
        data.u8(LEARNING, learning);
    }
    if dstport != 0 {
        data.attr(PORT, &dstport.to_be_bytes());
    }
    Ok(())
}
