//! ipip and sit (ip/link_iptnl.c). ip writes the whole tunnel description
//! every time: on `set` it first reads the tunnel's current values from
//! the kernel, then applies the words, then sends them all.

pub(crate) mod ip6tnl;
pub(crate) mod print;

use super::shared::inet::{address, dsfield, Inet};
use super::{invarg, value, Args, Kind, Nest};
use crate::context::Context;
use crate::error::{Error, Result};
use crate::grammar::{get_u8, get_unsigned, matches};
use crate::kernel::attrs::Request;
use crate::kernel::raw::{Refusal, NLM_F_REQUEST};
use crate::model::link::{
    IfInfo, Link, AF_INET, AF_INET6, IFLA_INFO_DATA, IFLA_INFO_MAX, IFLA_LINKINFO, RTM_GETLINK,
    RTM_NEWLINK,
};
use crate::objects::link::errors::LinkError;
use crate::objects::{device, show};

const LINK: u16 = 1;
const LOCAL: u16 = 2;
const REMOTE: u16 = 3;
const TTL: u16 = 4;
const TOS: u16 = 5;
const FLAGS: u16 = 8;
const PROTO: u16 = 9;
const PMTUDISC: u16 = 10;
const PREFIX_6RD: u16 = 11;
const RELAY_PREFIX_6RD: u16 = 12;
const PREFIXLEN_6RD: u16 = 13;
const RELAY_PREFIXLEN_6RD: u16 = 14;
const ENCAP_TYPE: u16 = 15;
const ENCAP_FLAGS: u16 = 16;
const ENCAP_SPORT: u16 = 17;
const ENCAP_DPORT: u16 = 18;
const COLLECT_METADATA: u16 = 19;
const FWMARK: u16 = 20;
const MAX: u16 = 20;

const IPPROTO_IPIP: u8 = 4;
const IPPROTO_IPV6: u8 = 41;
const IPPROTO_MPLS: u8 = 137;
const SIT_ISATAP: u16 = 1;

/// Everything ip sends for an ipip/sit tunnel.
struct Tunnel {
    saddr: Option<Inet>,
    daddr: Option<Inet>,
    prefix: Option<(Inet, u16)>,
    relay_prefix: Option<(Inet, u16)>,
    pmtudisc: u8,
    tos: u8,
    iflags: u16,
    ttl: u8,
    proto: u8,
    link: u32,
    /// Type, flags, source and destination port (see `encap_word`).
    encap: [u16; 4],
    metadata: bool,
    fwmark: u32,
}

impl Default for Tunnel {
    fn default() -> Self {
        Tunnel {
            saddr: None,
            daddr: None,
            prefix: None,
            relay_prefix: None,
            pmtudisc: 1,
            tos: 0,
            iflags: 0,
            ttl: 0,
            proto: 0,
            link: 0,
            encap: [0; 4],
            metadata: false,
            fwmark: 0,
        }
    }
}

/// lib/utils.c `get_addr_rta`: a 4- or 16-byte address from the kernel.
fn address_of(bytes: &[u8]) -> Option<Inet> {
    match bytes.len() {
        4 => Some(Inet::typed(AF_INET, bytes.to_vec())),
        16 => Some(Inet::typed(AF_INET6, bytes.to_vec())),
        _ => None,
    }
}

/// The kernel's description of the tunnel being changed (ip's "existing
/// tunnel info"); ip gives up with the kernel's error, if any, and its own
/// line when the tunnel has no data.
pub(crate) fn existing(
    ctx: &mut Context,
    index: i32,
    max: u16,
    read: impl FnOnce(&crate::kernel::attrs::Attrs<'_>) -> Option<()>,
) -> Result<()> {
    const FAILED: &str = "Failed to get existing tunnel info.";
    let family = show::family_number(ctx.options.family);
    let link = match tunnel_of(ctx, index, family)? {
        Ok(Some(link)) => link,
        Ok(None) => return Err(Error::from(LinkError::KindArgument(FAILED.into()))),
        Err(refusal) => {
            return Err(Error::from(LinkError::KindArgument(format!(
                "{}\n{FAILED}",
                refusal.error
            ))));
        }
    };
    let attrs = link.attrs();
    let data = attrs
        .nested(IFLA_LINKINFO, IFLA_INFO_MAX)
        .and_then(|info| info.nested(IFLA_INFO_DATA, max));
    match data.and_then(|data| read(&data)) {
        Some(()) => Ok(()),
        None => Err(Error::from(LinkError::KindArgument(FAILED.into()))),
    }
}

/// ip's RTM_GETLINK for the tunnel: by index, without IFLA_EXT_MASK.
fn tunnel_of(
    ctx: &mut Context,
    index: i32,
    family: u8,
) -> Result<std::result::Result<Option<Link>, Refusal>> {
    let header = IfInfo {
        family,
        index,
        ..IfInfo::default()
    };
    let request = Request::new(RTM_GETLINK, NLM_F_REQUEST).fixed(&header.to_bytes());
    let mut found = None;
    let answer = ctx.raw()?.talk(request, |message| {
        if found.is_none() && message.msg_type == RTM_NEWLINK {
            found = Link::from_payload(message.msg_type, message.payload);
        }
    });
    Ok(answer.map(|_| found))
}

/// lib/utils.c `get_prefix`: ADDRESS[/LEN] of `family`; ip exit(1)s on a
/// bad one.
fn prefix(word: &str, family: u8) -> Result<(Inet, u16)> {
    let bad = || {
        let name = if family == AF_INET { "inet" } else { "inet6" };
        Error::from(LinkError::KindFatal(
            format!("Error: {name} prefix is expected rather than \"{word}\"."),
            1,
        ))
    };
    let (addr, len) = match word.split_once('/') {
        Some((addr, len)) => (addr, Some(len)),
        None => (word, None),
    };
    let special = matches!(addr, "default" | "any" | "all");
    let inet = address(addr, family).map_err(|_| bad())?;
    let full = if inet.family == AF_INET { 32 } else { 128 };
    let bits = match len {
        None if special => 0,
        None => full,
        Some(_) if special => return Err(bad()),
        Some(len) => {
            let bits = get_unsigned(len)
                .or_else(|| mask_bits(len))
                .ok_or_else(bad)?;
            if bits > full {
                return Err(bad());
            }
            bits
        }
    };
    Ok((inet, bits as u16))
}

/// A dotted netmask as a prefix length (ip's `mask2bits`).
fn mask_bits(word: &str) -> Option<u32> {
    let mask = u32::from_be_bytes(super::super::lladdr::ipv4(word)?);
    let bits = mask.leading_ones();
    (mask.checked_shl(bits).unwrap_or(0) == 0).then_some(bits)
}

fn read_existing(tunnel: &mut Tunnel, data: &crate::kernel::attrs::Attrs<'_>) -> Option<()> {
    if let Some(bytes) = data.get(LOCAL) {
        tunnel.saddr = Some(address_of(bytes).filter(|a| a.family == AF_INET)?);
    }
    if let Some(bytes) = data.get(REMOTE) {
        tunnel.daddr = Some(address_of(bytes).filter(|a| a.family == AF_INET)?);
    }
    let prefixlen = data.u16(PREFIXLEN_6RD).unwrap_or(0);
    if let Some(bytes) = data.get(PREFIX_6RD) {
        tunnel.prefix = Some((
            address_of(bytes).filter(|a| a.family == AF_INET6)?,
            prefixlen,
        ));
    }
    let relaylen = data.u16(RELAY_PREFIXLEN_6RD).unwrap_or(0);
    if let Some(bytes) = data.get(RELAY_PREFIX_6RD) {
        tunnel.relay_prefix = Some((address_of(bytes).filter(|a| a.family == AF_INET)?, relaylen));
    }
    tunnel.ttl = data.u8(TTL).unwrap_or(tunnel.ttl);
    tunnel.pmtudisc = data.u8(PMTUDISC).unwrap_or(tunnel.pmtudisc);
    tunnel.tos = data.u8(TOS).unwrap_or(tunnel.tos);
    tunnel.iflags = data.u16(FLAGS).unwrap_or(tunnel.iflags);
    tunnel.link = data.u32(LINK).unwrap_or(tunnel.link);
    tunnel.proto = data.u8(PROTO).unwrap_or(tunnel.proto);
    tunnel.encap =
        [ENCAP_TYPE, ENCAP_FLAGS, ENCAP_SPORT, ENCAP_DPORT].map(|attr| data.u16(attr).unwrap_or(0));
    tunnel.metadata = data.has(COLLECT_METADATA);
    tunnel.fwmark = data.u32(FWMARK).unwrap_or(0);
    Some(())
}

pub(crate) fn parse(
    ctx: &mut Context,
    kind: &Kind,
    args: &mut Args,
    data: &mut Nest,
) -> Result<()> {
    let sit = kind.name == "sit";
    let mut t = Tunnel::default();
    if !args.verb.creates() {
        existing(ctx, args.index, MAX, |attrs| read_existing(&mut t, attrs))?;
    }
    let mut words = args.words.iter();
    while let Some(word) = words.next() {
        let w = word.as_str();
        match w {
            "mode" => {
                let v = value(&mut words)?;
                t.proto = match v.as_str() {
                    "ipv6/ipv4" | "ip6ip" if sit => IPPROTO_IPV6,
                    "ipv4/ipv4" | "ipip" | "ip4ip4" => IPPROTO_IPIP,
                    "mpls/ipv4" | "mplsip" => IPPROTO_MPLS,
                    "any/ipv4" | "any" => 0,
                    _ => return Err(invarg("Cannot guess tunnel mode.", v)),
                };
            }
            "remote" => t.daddr = Some(address(value(&mut words)?, AF_INET)?),
            "local" => t.saddr = Some(address(value(&mut words)?, AF_INET)?),
            "ttl" | "hoplimit" | "hlim" => {
                let v = value(&mut words)?;
                t.ttl = if v == "inherit" {
                    0
                } else {
                    get_u8(v).ok_or_else(|| invarg("invalid TTL\n", v))?
                };
            }
            "tos" | "tclass" | "tc" => t.tos = tos(value(&mut words)?)?,
            "nopmtudisc" => t.pmtudisc = 0,
            "pmtudisc" => t.pmtudisc = 1,
            "isatap" if sit => t.iflags |= SIT_ISATAP,
            _ if super::encap_word(w, &mut words, &mut t.encap)? => {}
            "external" => t.metadata = true,
            "6rd-prefix" => t.prefix = Some(prefix(value(&mut words)?, AF_INET6)?),
            "6rd-relay_prefix" => t.relay_prefix = Some(prefix(value(&mut words)?, AF_INET)?),
            "6rd-reset" => {
                t.prefix = Some(prefix("2002::/16", AF_INET6)?);
                t.relay_prefix = None;
            }
            "fwmark" => {
                let v = value(&mut words)?;
                t.fwmark = get_unsigned(v).ok_or_else(|| invarg("invalid fwmark\n", v))?;
            }
            _ if matches(w, "dev") => {
                let v = value(&mut words)?;
                let index = device::index_of(ctx, v)?;
                if index == 0 {
                    return Err(Error::from(LinkError::KindFatal(
                        format!("Cannot find device \"{v}\""),
                        255,
                    )));
                }
                t.link = index as u32;
            }
            _ if matches(w, "dsfield") => t.tos = tos(value(&mut words)?)?,
            _ => return Err(super::explain(kind.name, None)),
        }
    }
    if t.ttl != 0 && t.pmtudisc == 0 {
        return Err(Error::from(LinkError::KindFatal(
            "ttl != 0 and nopmtudisc are incompatible".into(),
            255,
        )));
    }
    data.u8(PROTO, t.proto);
    if t.metadata {
        data.flag(COLLECT_METADATA);
        return Ok(());
    }
    let specified = |a: &Option<Inet>| a.clone().filter(Inet::is_not_unspec);
    if let Some(a) = specified(&t.saddr) {
        data.attr(LOCAL, &a.bytes);
    }
    if let Some(a) = specified(&t.daddr) {
        data.attr(REMOTE, &a.bytes);
    }
    data.u8(PMTUDISC, t.pmtudisc);
    data.u8(TOS, t.tos);
    data.u8(TTL, t.ttl);
    data.u32(LINK, t.link);
    data.u32(FWMARK, t.fwmark);
    data.u16(ENCAP_TYPE, t.encap[0]);
    data.u16(ENCAP_FLAGS, t.encap[1]);
    data.attr(ENCAP_SPORT, &t.encap[2].to_be_bytes());
    data.attr(ENCAP_DPORT, &t.encap[3].to_be_bytes());
    if sit {
        data.u16(FLAGS, t.iflags);
        if let Some((a, bits)) = t.prefix.filter(|(a, _)| a.is_inet()) {
            data.attr(PREFIX_6RD, &a.bytes);
            data.u16(PREFIXLEN_6RD, bits);
        }
        if let Some((a, bits)) = t.relay_prefix.filter(|(a, _)| a.is_inet()) {
            let mut first = [0u8; 4];
            first[..a.bytes.len().min(4)].copy_from_slice(&a.bytes[..a.bytes.len().min(4)]);
            data.attr(RELAY_PREFIX_6RD, &first);
            data.u16(RELAY_PREFIXLEN_6RD, bits);
        }
    }
    Ok(())
}

fn tos(v: &str) -> Result<u8> {
    if v == "inherit" {
        return Ok(1);
    }
    dsfield(v).ok_or_else(|| invarg("bad TOS value", v))
}
