//! ip6tnl (ip/link_ip6tnl.c): IPv6 tunnels. Like ipip, ip sends the whole
//! description, starting on `set` from the tunnel's current values.

use super::existing;
use crate::context::Context;
use crate::error::{Error, Result};
use crate::grammar::{get_u8, get_unsigned, matches};
use crate::model::link::AF_INET6;
use crate::objects::device;
use crate::objects::link::errors::LinkError;
use crate::objects::link::kinds::shared::inet::{address, hex_u32, Inet};
use crate::objects::link::kinds::{encap_word, explain, invarg, value, Args, Kind, Nest};

const LINK: u16 = 1;
const LOCAL: u16 = 2;
const REMOTE: u16 = 3;
const TTL: u16 = 4;
const ENCAP_LIMIT: u16 = 6;
const FLOWINFO: u16 = 7;
const FLAGS: u16 = 8;
const PROTO: u16 = 9;
const ENCAP_TYPE: u16 = 15;
const ENCAP_FLAGS: u16 = 16;
const ENCAP_SPORT: u16 = 17;
const ENCAP_DPORT: u16 = 18;
const COLLECT_METADATA: u16 = 19;
const FWMARK: u16 = 20;
const MAX: u16 = 20;

// IP6_TNL_F_* (linux/ip6_tunnel.h).
pub(crate) const IGN_ENCAP_LIMIT: u32 = 0x1;
pub(crate) const USE_ORIG_TCLASS: u32 = 0x2;
pub(crate) const USE_ORIG_FLOWLABEL: u32 = 0x4;
pub(crate) const RCV_DSCP_COPY: u32 = 0x10;
pub(crate) const USE_ORIG_FWMARK: u32 = 0x20;
pub(crate) const ALLOW_LOCAL_REMOTE: u32 = 0x40;
/// IP6_FLOWINFO_TCLASS and IP6_FLOWINFO_FLOWLABEL, on the big-endian value.
pub(crate) const FLOWINFO_TCLASS: u32 = 0x0ff0_0000;
pub(crate) const FLOWINFO_FLOWLABEL: u32 = 0x000f_ffff;

const IPPROTO_IPIP: u8 = 4;
const IPPROTO_IPV6: u8 = 41;

/// The traffic class and flow label words shared with ip6gre: the flow
/// information is kept as its big-endian value.
pub(crate) fn tclass(word: &str, flowinfo: &mut u32, flags: &mut u32) -> Result<()> {
    *flowinfo &= !FLOWINFO_TCLASS;
    if word == "inherit" {
        *flags |= USE_ORIG_TCLASS;
    } else {
        let class = hex_u32(word)
            .and_then(|v| u8::try_from(v).ok())
            .ok_or_else(|| invarg("invalid TClass", word))?;
        *flowinfo |= (u32::from(class) << 20) & FLOWINFO_TCLASS;
        *flags &= !USE_ORIG_TCLASS;
    }
    Ok(())
}

pub(crate) fn flowlabel(word: &str, flowinfo: &mut u32, flags: &mut u32) -> Result<()> {
    *flowinfo &= !FLOWINFO_FLOWLABEL;
    if word == "inherit" {
        *flags |= USE_ORIG_FLOWLABEL;
    } else {
        let label = hex_u32(word)
            .filter(|l| *l <= 0xfffff)
            .ok_or_else(|| invarg("invalid Flowlabel", word))?;
        *flowinfo |= label & FLOWINFO_FLOWLABEL;
        *flags &= !USE_ORIG_FLOWLABEL;
    }
    Ok(())
}

pub(crate) fn parse(
    ctx: &mut Context,
    kind: &Kind,
    args: &mut Args,
    data: &mut Nest,
) -> Result<()> {
    let (mut saddr, mut daddr): (Option<Inet>, Option<Inet>) = (None, None);
    // DEFAULT_TNL_HOP_LIMIT and IPV6_DEFAULT_TNL_ENCAP_LIMIT.
    let (mut hop_limit, mut encap_limit) = (64u8, 4u8);
    let (mut flowinfo, mut flags, mut proto, mut link) = (0u32, 0u32, 0u8, 0u32);
    // ip starts with TUNNEL_ENCAP_FLAG_CSUM6 set.
    let mut encap = [0u16, 2, 0, 0];
    let (mut metadata, mut fwmark) = (false, 0u32);
    if !args.verb.creates() {
        existing(ctx, args.index, MAX, |info| {
            let v6 =
                |bytes: &[u8]| (bytes.len() == 16).then(|| Inet::typed(AF_INET6, bytes.to_vec()));
            if let Some(bytes) = info.get(LOCAL) {
                saddr = Some(v6(bytes)?);
            }
            if let Some(bytes) = info.get(REMOTE) {
                daddr = Some(v6(bytes)?);
            }
            hop_limit = info.u8(TTL).unwrap_or(hop_limit);
            encap_limit = info.u8(ENCAP_LIMIT).unwrap_or(encap_limit);
            if let Some(bytes) = info.get(FLOWINFO).and_then(|b| <[u8; 4]>::try_from(b).ok()) {
                flowinfo = u32::from_be_bytes(bytes);
            }
            flags = info.u32(FLAGS).unwrap_or(flags);
            link = info.u32(LINK).unwrap_or(link);
            proto = info.u8(PROTO).unwrap_or(proto);
            metadata = info.has(COLLECT_METADATA);
            fwmark = info.u32(FWMARK).unwrap_or(fwmark);
            Some(())
        })?;
    }
    let mut words = args.words.iter();
    while let Some(word) = words.next() {
        let w = word.as_str();
        match w {
            "mode" => {
                let v = value(&mut words)?;
                proto = match v.as_str() {
                    "ipv6/ipv6" | "ip6ip6" => IPPROTO_IPV6,
                    "ip/ipv6" | "ipv4/ipv6" | "ipip6" | "ip4ip6" => IPPROTO_IPIP,
                    "any/ipv6" | "any" => 0,
                    _ => return Err(invarg("Cannot guess tunnel mode.", v)),
                };
            }
            "remote" => daddr = Some(address(value(&mut words)?, AF_INET6)?),
            "local" => saddr = Some(address(value(&mut words)?, AF_INET6)?),
            "ttl" | "hoplimit" | "hlim" => {
                let v = value(&mut words)?;
                hop_limit = if v == "inherit" {
                    0
                } else {
                    get_u8(v).ok_or_else(|| invarg("invalid HLIM\n", v))?
                };
            }
            "encaplimit" => {
                let v = value(&mut words)?;
                if v == "none" {
                    flags |= IGN_ENCAP_LIMIT;
                } else {
                    // ip never rejects the value (its check cannot fail) and
                    // then sends an uninitialised byte; rnet sends 0.
                    encap_limit = get_u8(v).unwrap_or(0);
                    flags &= !IGN_ENCAP_LIMIT;
                }
            }
            "tos" | "tclass" | "tc" => tclass(value(&mut words)?, &mut flowinfo, &mut flags)?,
            "flowlabel" | "fl" => flowlabel(value(&mut words)?, &mut flowinfo, &mut flags)?,
            "dscp" => {
                let v = value(&mut words)?;
                if v != "inherit" {
                    return Err(invarg("not inherit", v));
                }
                flags |= RCV_DSCP_COPY;
            }
            "fwmark" => {
                let v = value(&mut words)?;
                if v == "inherit" {
                    flags |= USE_ORIG_FWMARK;
                    fwmark = 0;
                } else {
                    fwmark = get_unsigned(v).ok_or_else(|| invarg("invalid fwmark\n", v))?;
                    flags &= !USE_ORIG_FWMARK;
                }
            }
            "allow-localremote" => flags |= ALLOW_LOCAL_REMOTE,
            "noallow-localremote" => flags &= !ALLOW_LOCAL_REMOTE,
            _ if encap_word(w, &mut words, &mut encap)? => {}
            "external" => metadata = true,
            _ if matches(w, "dev") => {
                let v = value(&mut words)?;
                let index = device::index_of(ctx, v)?;
                if index == 0 {
                    return Err(Error::from(LinkError::KindFatal(
                        format!("Cannot find device \"{v}\""),
                        255,
                    )));
                }
                link = index as u32;
            }
            _ if matches(w, "dsfield") => tclass(value(&mut words)?, &mut flowinfo, &mut flags)?,
            _ => return Err(explain(kind.name, None)),
        }
    }
    data.u8(PROTO, proto);
    if metadata {
        data.flag(COLLECT_METADATA);
        return Ok(());
    }
    if let Some(a) = saddr.filter(Inet::is_not_unspec) {
        data.attr(LOCAL, &a.bytes);
    }
    if let Some(a) = daddr.filter(Inet::is_not_unspec) {
        data.attr(REMOTE, &a.bytes);
    }
    data.u8(TTL, hop_limit);
    data.u8(ENCAP_LIMIT, encap_limit);
    data.attr(FLOWINFO, &flowinfo.to_be_bytes());
    data.u32(FLAGS, flags);
    data.u32(LINK, link);
    data.u32(FWMARK, fwmark);
    data.u16(ENCAP_TYPE, encap[0]);
    data.u16(ENCAP_FLAGS, encap[1]);
    data.attr(ENCAP_SPORT, &encap[2].to_be_bytes());
    data.attr(ENCAP_DPORT, &encap[3].to_be_bytes());
    Ok(())
}
