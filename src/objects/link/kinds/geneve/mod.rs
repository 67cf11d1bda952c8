//! geneve (ip/iplink_geneve.c): like vxlan, most values are collected and
//! written after the loop, in ip's fixed order.

pub(crate) mod print;

use super::shared::inet::{address, dsfield, Inet, Seen};
use super::{explain, invarg, Args, Nest};
use crate::error::{Error, Result};
use crate::grammar::{get_u16, get_unsigned, matches};
use crate::model::link::AF_INET;
use crate::objects::link::errors::LinkError;
use crate::objects::link::modify::Verb;

const ID: u16 = 1;
const REMOTE: u16 = 2;
const TTL: u16 = 3;
const TOS: u16 = 4;
const PORT: u16 = 5;
const COLLECT_METADATA: u16 = 6;
const REMOTE6: u16 = 7;
const UDP_CSUM: u16 = 8;
const UDP_ZERO_CSUM6_TX: u16 = 9;
const UDP_ZERO_CSUM6_RX: u16 = 10;
const LABEL: u16 = 11;
const TTL_INHERIT: u16 = 12;
const DF: u16 = 13;
const INNER_PROTO_INHERIT: u16 = 14;

/// The checksum switches: (word, attribute, value), in ip's order.
const SWITCHES: &[(&str, u16, u8)] = &[
    ("udpcsum", UDP_CSUM, 1),
    ("noudpcsum", UDP_CSUM, 0),
    ("udp6zerocsumtx", UDP_ZERO_CSUM6_TX, 1),
    ("noudp6zerocsumtx", UDP_ZERO_CSUM6_TX, 0),
    ("udp6zerocsumrx", UDP_ZERO_CSUM6_RX, 1),
    ("noudp6zerocsumrx", UDP_ZERO_CSUM6_RX, 0),
];

pub(crate) fn parse(args: &mut Args, data: &mut Nest) -> Result<()> {
    let set_op = args.verb == Verb::Set;
    let mut seen = Seen::default();
    let (mut vni, mut label, mut ttl, mut tos, mut dstport) = (0u32, 0u32, 0u8, 0u8, 0u16);
    let mut metadata = false;
    let mut inner_proto_inherit = false;
    let mut switches = [0u8; 3];
    let mut daddr: Option<Inet> = None;
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
        } else if matches(w, "remote") {
            let v = next()?;
            seen.check(REMOTE, "remote", v)?;
            let a = address(v, 0)?;
            if !a.is_not_multi() {
                return Err(invarg("invalid remote address", v));
            }
            daddr = Some(a);
        } else if matches(w, "ttl") || matches(w, "hoplimit") {
            let v = next()?;
            seen.check(TTL, "ttl", v)?;
            if v == "inherit" {
                data.u8(TTL_INHERIT, 1);
            } else if v != "auto" {
                let value = get_unsigned(v).ok_or_else(|| invarg("invalid TTL", v))?;
                if value > 255 {
                    return Err(invarg("TTL must be <= 255", v));
                }
                ttl = value as u8;
            }
        } else if matches(w, "tos") || matches(w, "dsfield") {
            let v = next()?;
            seen.check(TOS, "tos", v)?;
            tos = if v == "inherit" {
                1
            } else {
                dsfield(v).ok_or_else(|| invarg("bad TOS value", v))?
            };
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
            label = get_unsigned(v)
                .filter(|l| l & !0xfffff == 0)
                .ok_or_else(|| invarg("invalid flowlabel", v))?;
        } else if matches(w, "dstport") {
            let v = next()?;
            seen.check(PORT, "dstport", v)?;
            dstport = get_u16(v).ok_or_else(|| invarg("dstport", v))?;
        } else if matches(w, "external") {
            seen.check(COLLECT_METADATA, w, w)?;
            metadata = true;
        } else if matches(w, "noexternal") {
            seen.check(COLLECT_METADATA, w, w)?;
            metadata = false;
        } else if let Some((_, attr, value)) =
            SWITCHES.iter().copied().find(|(key, _, _)| matches(w, key))
        {
            seen.check(attr, w, w)?;
            switches[(attr - UDP_CSUM) as usize] = value;
        } else if w == "innerprotoinherit" {
            seen.check(INNER_PROTO_INHERIT, w, w)?;
            inner_proto_inherit = true;
        } else if matches(w, "help") {
            return Err(explain("geneve", None));
        } else {
            return Err(explain(
                "geneve",
                Some(format!("geneve: unknown command \"{w}\"?")),
            ));
        }
    }

    let complain = |text: &str| Err(Error::from(LinkError::KindArgument(text.to_string())));
    if metadata && seen.has(ID) {
        return complain("geneve: both 'external' and vni cannot be specified");
    }
    if !metadata {
        if !seen.has(ID) {
            return complain("geneve: missing virtual network identifier");
        }
        if !set_op && !daddr.as_ref().is_some_and(Inet::is_inet) {
            return complain("geneve: remote link partner not specified");
        }
    }
    data.u32(ID, vni);
    if let Some(a) = daddr.filter(Inet::is_inet) {
        data.attr(if a.family == AF_INET { REMOTE } else { REMOTE6 }, &a.bytes);
    }
    if !set_op || seen.has(LABEL) {
        data.attr(LABEL, &label.to_be_bytes());
    }
    if !set_op || seen.has(TTL) {
        data.u8(TTL, ttl);
    }
    if !set_op || seen.has(TOS) {
        data.u8(TOS, tos);
    }
    if dstport != 0 {
        data.attr(PORT, &dstport.to_be_bytes());
    }
    if metadata {
        data.flag(COLLECT_METADATA);
    }
    if inner_proto_inherit {
        data.flag(INNER_PROTO_INHERIT);
    }
    for (i, attr) in [UDP_CSUM, UDP_ZERO_CSUM6_TX, UDP_ZERO_CSUM6_RX]
        .into_iter()
        .enumerate()
    {
        if seen.has(attr) {
            data.u8(attr, switches[i]);
        }
    }
    Ok(())
}
