//! vti and vti6 (ip/link_vti.c, ip/link_vti6.c): keys, endpoints, the
//! lower device and a firewall mark. Like ipip, `set` starts from the
//! tunnel's current values.

pub(crate) mod print;

use super::iptnl::existing;
use super::shared::inet::{address, Inet};
use super::{value, Args, Kind, Nest};
use crate::context::Context;
use crate::error::{Error, Result};
use crate::grammar::{get_unsigned, matches};
use crate::model::link::{AF_INET, AF_INET6};
use crate::objects::link::errors::LinkError;
use crate::objects::{device, link::lladdr};

const LINK: u16 = 1;
const IKEY: u16 = 2;
const OKEY: u16 = 3;
const LOCAL: u16 = 4;
const REMOTE: u16 = 5;
const FWMARK: u16 = 6;
const MAX: u16 = 6;

/// ip/tunnel.c `tnl_parse_key`: a dotted quad, or a number sent in
/// network order.
pub(crate) fn key(name: &str, word: &str) -> Result<[u8; 4]> {
    if word.contains('.') {
        return lladdr::ipv4(word).ok_or_else(|| {
            Error::from(LinkError::KindFatal(
                format!("Error: an IP address is expected rather than \"{word}\""),
                1,
            ))
        });
    }
    get_unsigned(word).map(u32::to_be_bytes).ok_or_else(|| {
        Error::from(LinkError::KindFatal(
            format!("invalid value for \"{name}\": \"{word}\"; it should be an unsigned integer"),
            255,
        ))
    })
}

pub(crate) fn parse(
    ctx: &mut Context,
    kind: &Kind,
    args: &mut Args,
    data: &mut Nest,
) -> Result<()> {
    let family = if kind.name == "vti6" {
        AF_INET6
    } else {
        AF_INET
    };
    let (mut ikey, mut okey) = ([0u8; 4], [0u8; 4]);
    let (mut saddr, mut daddr): (Option<Inet>, Option<Inet>) = (None, None);
    let (mut link, mut fwmark) = (0u32, 0u32);
    if !args.verb.creates() {
        existing(ctx, args.index, MAX, |info| {
            let read = |attr| -> Option<Option<Inet>> {
                match info.get(attr) {
                    None => Some(None),
                    Some(bytes) => {
                        let a = match bytes.len() {
                            4 => Inet::typed(AF_INET, bytes.to_vec()),
                            16 => Inet::typed(AF_INET6, bytes.to_vec()),
                            _ => return None,
                        };
                        (a.family == family).then_some(Some(a))
                    }
                }
            };
            saddr = read(LOCAL)?;
            daddr = read(REMOTE)?;
            ikey = info
                .get(IKEY)
                .and_then(|b| b.try_into().ok())
                .unwrap_or(ikey);
            okey = info
                .get(OKEY)
                .and_then(|b| b.try_into().ok())
                .unwrap_or(okey);
            // ip reads the link as a u8 here.
            link = info.u8(LINK).map_or(0, u32::from);
            fwmark = info.u32(FWMARK).unwrap_or(0);
            Some(())
        })?;
    }
    let mut words = args.words.iter();
    while let Some(word) = words.next() {
        let w = word.as_str();
        if matches(w, "key") {
            ikey = key("key", value(&mut words)?)?;
            okey = ikey;
        } else if matches(w, "ikey") {
            ikey = key("ikey", value(&mut words)?)?;
        } else if matches(w, "okey") {
            okey = key("okey", value(&mut words)?)?;
        } else if matches(w, "remote") {
            daddr = Some(address(value(&mut words)?, family)?);
        } else if matches(w, "local") {
            saddr = Some(address(value(&mut words)?, family)?);
        } else if matches(w, "dev") {
            let v = value(&mut words)?;
            let index = device::index_of(ctx, v)?;
            if index == 0 {
                return Err(Error::from(LinkError::KindFatal(
                    format!("Cannot find device \"{v}\""),
                    255,
                )));
            }
            link = index as u32;
        } else if w == "fwmark" {
            let v = value(&mut words)?;
            fwmark = get_unsigned(v).ok_or_else(|| super::invarg("invalid fwmark\n", v))?;
        } else {
            return Err(super::explain(kind.name, None));
        }
    }
    data.attr(IKEY, &ikey);
    data.attr(OKEY, &okey);
    if let Some(a) = saddr.filter(Inet::is_not_unspec) {
        data.attr(LOCAL, &a.bytes);
    }
    if let Some(a) = daddr.filter(Inet::is_not_unspec) {
        data.attr(REMOTE, &a.bytes);
    }
    data.u32(FWMARK, fwmark);
    if link != 0 {
        data.u32(LINK, link);
    }
    Ok(())
}
