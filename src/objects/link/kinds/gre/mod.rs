//! gre, gretap, erspan (ip/link_gre.c) and their IPv6 forms ip6gre,
//! ip6gretap, ip6erspan (ip/link_gre6.c). As with ipip, ip sends the whole
//! tunnel description, starting on `set` from the tunnel's current values.

pub(crate) mod print;

use super::iptnl::existing;
use super::iptnl::ip6tnl::{
    self, ALLOW_LOCAL_REMOTE, IGN_ENCAP_LIMIT, RCV_DSCP_COPY, USE_ORIG_FWMARK,
};
use super::shared::inet::{address, dsfield, Inet};
use super::vti::key;
use super::{invarg, value, Args, Kind, Nest};
use crate::context::Context;
use crate::error::{Error, Result};
use crate::grammar::{get_u16, get_u8, get_unsigned, matches};
use crate::model::link::{AF_INET, AF_INET6};
use crate::objects::device;
use crate::objects::link::errors::LinkError;

const LINK: u16 = 1;
const IFLAGS: u16 = 2;
const OFLAGS: u16 = 3;
const IKEY: u16 = 4;
const OKEY: u16 = 5;
const LOCAL: u16 = 6;
const REMOTE: u16 = 7;
const TTL: u16 = 8;
const TOS: u16 = 9;
const PMTUDISC: u16 = 10;
const ENCAP_LIMIT: u16 = 11;
const FLOWINFO: u16 = 12;
const FLAGS: u16 = 13;
const ENCAP_TYPE: u16 = 14;
const ENCAP_FLAGS: u16 = 15;
const ENCAP_SPORT: u16 = 16;
const ENCAP_DPORT: u16 = 17;
const COLLECT_METADATA: u16 = 18;
const IGNORE_DF: u16 = 19;
const FWMARK: u16 = 20;
const ERSPAN_INDEX: u16 = 21;
const ERSPAN_VER: u16 = 22;
const ERSPAN_DIR: u16 = 23;
const ERSPAN_HWID: u16 = 24;
const MAX: u16 = 24;

// GRE_* flags, as the big-endian values ip keeps.
const GRE_CSUM: u16 = 0x8000;
const GRE_KEY: u16 = 0x2000;
const GRE_SEQ: u16 = 0x1000;

struct Gre {
    iflags: u16,
    oflags: u16,
    ikey: [u8; 4],
    okey: [u8; 4],
    saddr: Option<Inet>,
    daddr: Option<Inet>,
    pmtudisc: u8,
    ignore_df: u8,
    tos: u8,
    ttl: u8,
    link: u32,
    encap: [u16; 4],
    metadata: bool,
    fwmark: u32,
    erspan_idx: u32,
    erspan_ver: u8,
    erspan_dir: u8,
    erspan_hwid: u16,
    // ip6gre only.
    encap_limit: u8,
    flowinfo: u32,
    flags: u32,
}

impl Default for Gre {
    fn default() -> Self {
        Gre {
            iflags: 0,
            oflags: 0,
            ikey: [0; 4],
            okey: [0; 4],
            saddr: None,
            daddr: None,
            pmtudisc: 1,
            ignore_df: 0,
            tos: 0,
            ttl: 0,
            link: 0,
            encap: [0; 4],
            metadata: false,
            fwmark: 0,
            erspan_idx: 0,
            erspan_ver: 1,
            erspan_dir: 0,
            erspan_hwid: 0,
            encap_limit: 0,
            flowinfo: 0,
            flags: 0,
        }
    }
}

impl Gre {
    /// ip6gre's starting values (DEFAULT_TNL_HOP_LIMIT,
    /// IPV6_DEFAULT_TNL_ENCAP_LIMIT, TUNNEL_ENCAP_FLAG_CSUM6).
    fn v6() -> Gre {
        Gre {
            ttl: 64,
            encap_limit: 4,
            encap: [0, 2, 0, 0],
            ..Gre::default()
        }
    }
}

fn read_existing(g: &mut Gre, v6: bool, info: &crate::kernel::attrs::Attrs<'_>) -> Option<()> {
    let (family, len) = if v6 { (AF_INET6, 16) } else { (AF_INET, 4) };
    let addr = |bytes: &[u8]| (bytes.len() == len).then(|| Inet::typed(family, bytes.to_vec()));
    if let Some(bytes) = info.get(LOCAL) {
        g.saddr = Some(addr(bytes)?);
    }
    if let Some(bytes) = info.get(REMOTE) {
        g.daddr = Some(addr(bytes)?);
    }
    let key = |attr| info.get(attr).and_then(|b| <[u8; 4]>::try_from(b).ok());
    g.ikey = key(IKEY).unwrap_or(g.ikey);
    g.okey = key(OKEY).unwrap_or(g.okey);
    let flags = |attr| {
        info.get(attr)
            .and_then(|b| Some(u16::from_be_bytes(b.try_into().ok()?)))
    };
    g.iflags = flags(IFLAGS).unwrap_or(g.iflags);
    g.oflags = flags(OFLAGS).unwrap_or(g.oflags);
    if v6 {
        g.ttl = info.u8(TTL).unwrap_or(g.ttl);
        g.encap_limit = info.u8(ENCAP_LIMIT).unwrap_or(g.encap_limit);
        if let Some(bytes) = info.get(FLOWINFO).and_then(|b| <[u8; 4]>::try_from(b).ok()) {
            g.flowinfo = u32::from_be_bytes(bytes);
        }
        g.flags = info.u32(FLAGS).unwrap_or(g.flags);
    } else {
        g.pmtudisc = info.u8(PMTUDISC).unwrap_or(g.pmtudisc);
        if let Some(df) = info.u8(IGNORE_DF) {
            g.ignore_df = u8::from(df != 0);
        }
        g.tos = info.u8(TOS).unwrap_or(g.tos);
        g.ttl = info.u8(TTL).unwrap_or(g.ttl);
    }
    g.link = info.u32(LINK).unwrap_or(g.link);
    for (i, attr) in [ENCAP_TYPE, ENCAP_FLAGS, ENCAP_SPORT, ENCAP_DPORT]
        .into_iter()
        .enumerate()
    {
        g.encap[i] = info.u16(attr).unwrap_or(0);
    }
    g.metadata = info.has(COLLECT_METADATA);
    g.fwmark = info.u32(FWMARK).unwrap_or(0);
    g.erspan_idx = info.u32(ERSPAN_INDEX).unwrap_or(g.erspan_idx);
    g.erspan_ver = info.u8(ERSPAN_VER).unwrap_or(g.erspan_ver);
    g.erspan_dir = info.u8(ERSPAN_DIR).unwrap_or(g.erspan_dir);
    g.erspan_hwid = info.u16(ERSPAN_HWID).unwrap_or(g.erspan_hwid);
    Some(())
}

/// The flag switches: (word, GRE flag, input side, output side, set).
const SWITCHES: &[(&str, u16, bool, bool, bool)] = &[
    ("seq", GRE_SEQ, true, true, true),
    ("noseq", GRE_SEQ, true, true, false),
    ("iseq", GRE_SEQ, true, false, true),
    ("noiseq", GRE_SEQ, true, false, false),
    ("oseq", GRE_SEQ, false, true, true),
    ("nooseq", GRE_SEQ, false, true, false),
    ("csum", GRE_CSUM, true, true, true),
    ("nocsum", GRE_CSUM, true, true, false),
    ("icsum", GRE_CSUM, true, false, true),
    ("noicsum", GRE_CSUM, true, false, false),
    ("ocsum", GRE_CSUM, false, true, true),
    ("noocsum", GRE_CSUM, false, true, false),
];

fn switch(flags: &mut u16, bit: u16, on: bool) {
    if on {
        *flags |= bit;
    } else {
        *flags &= !bit;
    }
}

pub(crate) fn parse(
    ctx: &mut Context,
    kind: &Kind,
    args: &mut Args,
    data: &mut Nest,
) -> Result<()> {
    let v6 = kind.name.starts_with("ip6");
    // ip6gre takes the erspan words whatever the kind.
    let erspan = kind.name == "erspan" || v6;
    let family = if v6 { AF_INET6 } else { AF_INET };
    let mut g = if v6 { Gre::v6() } else { Gre::default() };
    if !args.verb.creates() {
        existing(ctx, args.index, MAX, |info| read_existing(&mut g, v6, info))?;
    }
    let mut words = args.words.iter();
    while let Some(word) = words.next() {
        let w = word.as_str();
        if matches(w, "key") {
            g.iflags |= GRE_KEY;
            g.oflags |= GRE_KEY;
            g.ikey = key("key", value(&mut words)?)?;
            g.okey = g.ikey;
        } else if matches(w, "nokey") {
            g.iflags &= !GRE_KEY;
            g.oflags &= !GRE_KEY;
            g.ikey = [0; 4];
            g.okey = [0; 4];
        } else if matches(w, "ikey") {
            g.iflags |= GRE_KEY;
            g.ikey = key("ikey", value(&mut words)?)?;
        } else if matches(w, "noikey") {
            g.iflags &= !GRE_KEY;
            g.ikey = [0; 4];
        } else if matches(w, "okey") {
            g.oflags |= GRE_KEY;
            g.okey = key("okey", value(&mut words)?)?;
        } else if matches(w, "nookey") {
            g.oflags &= !GRE_KEY;
            g.okey = [0; 4];
        } else if let Some(&(_, bit, input, output, on)) =
            SWITCHES.iter().find(|(k, ..)| matches(w, k))
        {
            if input {
                switch(&mut g.iflags, bit, on);
            }
            if output {
                switch(&mut g.oflags, bit, on);
            }
        } else if !v6 && matches(w, "nopmtudisc") {
            g.pmtudisc = 0;
        } else if !v6 && matches(w, "pmtudisc") {
            g.pmtudisc = 1;
        } else if matches(w, "remote") {
            g.daddr = Some(address(value(&mut words)?, family)?);
        } else if matches(w, "local") {
            g.saddr = Some(address(value(&mut words)?, family)?);
        } else if matches(w, "dev") {
            let v = value(&mut words)?;
            let index = device::index_of(ctx, v)?;
            if index == 0 {
                return Err(Error::from(LinkError::KindFatal(
                    format!("Cannot find device \"{v}\""),
                    255,
                )));
            }
            g.link = index as u32;
        } else if matches(w, "ttl") || matches(w, "hoplimit") || matches(w, "hlim") {
            let v = value(&mut words)?;
            let reason = if v6 {
                "invalid HLIM\n"
            } else {
                "invalid TTL\n"
            };
            g.ttl = if v == "inherit" {
                0
            } else {
                get_u8(v).ok_or_else(|| invarg(reason, v))?
            };
        } else if matches(w, "tos") || matches(w, "tclass") || matches(w, "dsfield") {
            let v = value(&mut words)?;
            if v6 {
                ip6tnl::tclass(v, &mut g.flowinfo, &mut g.flags)?;
            } else {
                g.tos = if v == "inherit" {
                    1
                } else {
                    dsfield(v).ok_or_else(|| invarg("bad TOS value", v))?
                };
            }
        } else if v6 && (w == "flowlabel" || w == "fl") {
            ip6tnl::flowlabel(value(&mut words)?, &mut g.flowinfo, &mut g.flags)?;
        } else if v6 && w == "dscp" {
            let v = value(&mut words)?;
            if v != "inherit" {
                return Err(invarg("not inherit", v));
            }
            g.flags |= RCV_DSCP_COPY;
        } else if super::encap_word(w, &mut words, &mut g.encap)? {
        } else if w == "external" {
            g.metadata = true;
        } else if !v6 && w == "ignore-df" {
            g.ignore_df = 1;
        } else if !v6 && w == "noignore-df" {
            // Only the low bit is sent; 2 marks "given".
            g.ignore_df = 2;
        } else if w == "fwmark" {
            let v = value(&mut words)?;
            if v6 && v == "inherit" {
                g.flags |= USE_ORIG_FWMARK;
                g.fwmark = 0;
            } else {
                g.fwmark = get_unsigned(v).ok_or_else(|| invarg("invalid fwmark\n", v))?;
                if v6 {
                    g.flags &= !USE_ORIG_FWMARK;
                }
            }
        } else if v6 && w == "allow-localremote" {
            g.flags |= ALLOW_LOCAL_REMOTE;
        } else if v6 && w == "noallow-localremote" {
            g.flags &= !ALLOW_LOCAL_REMOTE;
        } else if v6 && w == "encaplimit" {
            let v = value(&mut words)?;
            if v == "none" {
                g.flags |= IGN_ENCAP_LIMIT;
            } else {
                g.encap_limit = get_u8(v).ok_or_else(|| invarg("invalid ELIM", v))?;
                g.flags &= !IGN_ENCAP_LIMIT;
            }
        } else if erspan && w == "erspan" {
            let v = value(&mut words)?;
            let idx = get_unsigned(v).ok_or_else(|| invarg("invalid erspan index\n", v))?;
            if idx & !((1 << 20) - 1) != 0 || idx == 0 {
                return Err(invarg("erspan index must be > 0 and <= 20-bit\n", v));
            }
            g.erspan_idx = idx;
        } else if erspan && w == "erspan_ver" {
            let v = value(&mut words)?;
            let ver = get_u8(v).ok_or_else(|| invarg("invalid erspan version\n", v))?;
            if ver > 2 {
                return Err(invarg("erspan version must be 0/1/2\n", v));
            }
            g.erspan_ver = ver;
        } else if erspan && w == "erspan_dir" {
            let v = value(&mut words)?;
            g.erspan_dir = if matches(v, "ingress") {
                0
            } else if matches(v, "egress") {
                1
            } else {
                return Err(invarg("Invalid erspan direction.", v));
            };
        } else if erspan && w == "erspan_hwid" {
            let v = value(&mut words)?;
            g.erspan_hwid = get_u16(v).ok_or_else(|| invarg("invalid erspan hwid\n", v))?;
        } else {
            return Err(super::explain(kind.name, None));
        }
    }

    if let Some(daddr) = g.daddr.as_ref().filter(|a| !v6 && a.is_multi()) {
        let first: [u8; 4] = daddr.bytes[..4].try_into().unwrap_or([0; 4]);
        if g.ikey == [0; 4] {
            g.ikey = first;
            g.iflags |= GRE_KEY;
        }
        if g.okey == [0; 4] {
            g.okey = first;
            g.oflags |= GRE_KEY;
        }
        if !g.saddr.as_ref().is_some_and(Inet::is_not_unspec) {
            return Err(Error::from(LinkError::KindArgument(
                "A broadcast tunnel requires a source address.".into(),
            )));
        }
    }
    if g.metadata {
        data.flag(COLLECT_METADATA);
        return Ok(());
    }
    data.attr(IKEY, &g.ikey);
    data.attr(OKEY, &g.okey);
    data.attr(IFLAGS, &g.iflags.to_be_bytes());
    data.attr(OFLAGS, &g.oflags.to_be_bytes());
    if let Some(a) = g.saddr.filter(Inet::is_not_unspec) {
        data.attr(LOCAL, &a.bytes);
    }
    if let Some(a) = g.daddr.filter(Inet::is_not_unspec) {
        data.attr(REMOTE, &a.bytes);
    }
    if v6 {
        if g.link != 0 {
            data.u32(LINK, g.link);
        }
        data.u8(TTL, g.ttl);
        data.u8(ENCAP_LIMIT, g.encap_limit);
        data.attr(FLOWINFO, &g.flowinfo.to_be_bytes());
        data.u32(FLAGS, g.flags);
    } else {
        data.u8(PMTUDISC, g.pmtudisc);
        if g.ignore_df != 0 {
            data.u8(IGNORE_DF, g.ignore_df & 1);
        }
        data.u8(TOS, g.tos);
        if g.link != 0 {
            data.u32(LINK, g.link);
        }
        data.u8(TTL, g.ttl);
    }
    data.u32(FWMARK, g.fwmark);
    // ip6gre tests `erspan_ver <= 2`, which always holds.
    if erspan {
        data.u8(ERSPAN_VER, g.erspan_ver);
        if g.erspan_ver == 1 && g.erspan_idx != 0 {
            data.u32(ERSPAN_INDEX, g.erspan_idx);
        } else if g.erspan_ver == 2 {
            data.u8(ERSPAN_DIR, g.erspan_dir);
            data.u16(ERSPAN_HWID, g.erspan_hwid);
        }
    }
    data.u16(ENCAP_TYPE, g.encap[0]);
    data.u16(ENCAP_FLAGS, g.encap[1]);
    data.attr(ENCAP_SPORT, &g.encap[2].to_be_bytes());
    data.attr(ENCAP_DPORT, &g.encap[3].to_be_bytes());
    Ok(())
}
