//! Pieces the IP tunnel printers share (ip/tunnel.c): endpoints, the
//! TTL/TOS forms, UDP encapsulation, and IPv6 tunnel flow information.

use std::net::{Ipv4Addr, Ipv6Addr};

use super::print::{hex0x, uint};
use crate::kernel::attrs::Attrs;
use crate::output::{Kind, Printer};

/// `external` (collect metadata: the tunnel is a flow-based device).
pub(crate) fn external(p: &mut Printer, collect_metadata: bool) {
    if collect_metadata {
        p.boolean(Kind::Any, Some("external"), "external ", true);
    }
}

/// Address family an endpoint must have.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Family {
    V4,
    V6,
}

/// ip's `tnl_print_endpoint`: `NAME ADDR ` (`any` when absent or all
/// zeros, `unknown` when the payload is not an address of `family`).
pub(crate) fn endpoint(p: &mut Printer, name: &str, bytes: Option<&[u8]>, family: Family) {
    let value = match bytes {
        None => "any".to_string(),
        Some(b) if b.len() == 4 && family == Family::V4 => {
            let addr = Ipv4Addr::new(b[0], b[1], b[2], b[3]);
            if addr.is_unspecified() {
                "any".to_string()
            } else {
                addr.to_string()
            }
        }
        Some(b) if b.len() == 16 && family == Family::V6 => {
            let addr = Ipv6Addr::from(<[u8; 16]>::try_from(b).expect("16 bytes"));
            if addr.is_unspecified() {
                "any".to_string()
            } else {
                addr.to_string()
            }
        }
        Some(_) => "unknown".to_string(),
    };
    p.string(Kind::Any, Some(name), &format!("{name} {{}}"), value);
    p.text(" ");
}

/// `dev NAME ` for a non-zero lower device index.
pub(crate) fn link(p: &mut Printer, index: Option<u32>) {
    if let Some(index) = index.filter(|index| *index != 0) {
        p.string(
            Kind::Any,
            Some("link"),
            "dev {} ",
            super::print::index_name(index),
        );
    }
}

/// `ttl N `, or `ttl inherit ` for 0 in text (`word` is `ttl` or
/// `hoplimit`); JSON always has the number.
pub(crate) fn ttl(p: &mut Printer, word: &str, ttl: u8) {
    if p.is_json() || ttl != 0 {
        uint(p, "ttl", &format!("{word} {{}} "), ttl);
    } else {
        p.string(Kind::Text, None, &format!("{word} {{}} "), "inherit");
    }
}

/// `tos 0xN ` when set, `tos inherit ` for 1 in text.
pub(crate) fn tos(p: &mut Printer, tos: u8) {
    if tos != 0 {
        if p.is_json() || tos != 1 {
            hex0x(p, Kind::Any, "tos", "tos {} ", tos as u64);
        } else {
            p.string(Kind::Text, None, "tos {} ", "inherit");
        }
    }
}

/// `fwmark 0xN ` when non-zero.
pub(crate) fn fwmark(p: &mut Printer, mark: Option<u32>) {
    if let Some(mark) = mark.filter(|mark| *mark != 0) {
        hex0x(p, Kind::Any, "fwmark", "fwmark {} ", mark as u64);
    }
}

const TUNNEL_ENCAP_NONE: u16 = 0;
const TUNNEL_ENCAP_FOU: u16 = 1;
const TUNNEL_ENCAP_GUE: u16 = 2;
const TUNNEL_ENCAP_FLAG_CSUM: u16 = 1;
const TUNNEL_ENCAP_FLAG_CSUM6: u16 = 2;
const TUNNEL_ENCAP_FLAG_REMCSUM: u16 = 4;

/// ip's `tnl_print_encap` over the four encap attributes (type, flags,
/// source and destination port).
pub(crate) fn encap(p: &mut Printer, tb: &Attrs, attrs: [u16; 4]) {
    let [type_attr, flags_attr, sport_attr, dport_attr] = attrs;
    let Some(kind) = tb.u16(type_attr) else {
        return;
    };
    if kind == TUNNEL_ENCAP_NONE {
        return;
    }
    let flags = tb.u16(flags_attr).unwrap_or(0);
    let sport = tb.be16(sport_attr).unwrap_or(0);
    let dport = tb.be16(dport_attr).unwrap_or(0);
    p.open_object(Some("encap"));
    p.text("encap ");
    match kind {
        TUNNEL_ENCAP_FOU => p.string(Kind::Any, Some("type"), "{} ", "fou"),
        TUNNEL_ENCAP_GUE => p.string(Kind::Any, Some("type"), "{} ", "gue"),
        _ => {
            p.null("type");
            p.text("unknown ");
        }
    }
    if p.is_json() {
        p.int(Kind::Json, Some("sport"), "", sport);
        p.int(Kind::Json, Some("dport"), "", dport);
        p.boolean(
            Kind::Json,
            Some("csum"),
            "",
            flags & TUNNEL_ENCAP_FLAG_CSUM != 0,
        );
        p.boolean(
            Kind::Json,
            Some("csum6"),
            "",
            flags & TUNNEL_ENCAP_FLAG_CSUM6 != 0,
        );
        p.boolean(
            Kind::Json,
            Some("remcsum"),
            "",
            flags & TUNNEL_ENCAP_FLAG_REMCSUM != 0,
        );
        p.close_object();
    } else {
        if sport == 0 {
            p.text("encap-sport auto ");
        } else {
            p.text(format!("encap-sport {sport} "));
        }
        p.text(format!("encap-dport {dport} "));
        for (bit, name) in [
            (TUNNEL_ENCAP_FLAG_CSUM, "csum"),
            (TUNNEL_ENCAP_FLAG_CSUM6, "csum6"),
            (TUNNEL_ENCAP_FLAG_REMCSUM, "remcsum"),
        ] {
            let no = if flags & bit != 0 { "" } else { "no" };
            p.text(format!("{no}encap-{name} "));
        }
    }
}

pub(crate) const IP6_TNL_F_IGN_ENCAP_LIMIT: u32 = 0x1;
pub(crate) const IP6_TNL_F_USE_ORIG_TCLASS: u32 = 0x2;
pub(crate) const IP6_TNL_F_USE_ORIG_FLOWLABEL: u32 = 0x4;
pub(crate) const IP6_TNL_F_MIP6_DEV: u32 = 0x8;
pub(crate) const IP6_TNL_F_RCV_DSCP_COPY: u32 = 0x10;
pub(crate) const IP6_TNL_F_USE_ORIG_FWMARK: u32 = 0x20;
pub(crate) const IP6_TNL_F_ALLOW_LOCAL_REMOTE: u32 = 0x40;

/// The IPv6 tunnels' encaplimit, tclass and flowlabel, from the tunnel
/// flags, the encap limit attribute and the flow information (read in
/// network order).
pub(crate) fn ip6_flow(
    p: &mut Printer,
    flags: u32,
    encap_limit: Option<u8>,
    flowinfo: Option<u32>,
) {
    if flags & IP6_TNL_F_IGN_ENCAP_LIMIT != 0 {
        p.boolean(
            Kind::Any,
            Some("ip6_tnl_f_ign_encap_limit"),
            "encaplimit none ",
            true,
        );
    } else if let Some(limit) = encap_limit {
        uint(p, "encap_limit", "encaplimit {} ", limit);
    }
    if flags & IP6_TNL_F_USE_ORIG_TCLASS != 0 {
        p.boolean(
            Kind::Any,
            Some("ip6_tnl_f_use_orig_tclass"),
            "tclass inherit ",
            true,
        );
    } else if let Some(info) = flowinfo {
        let tclass = (info & 0x0ff0_0000) >> 20;
        p.string(
            Kind::Any,
            Some("tclass"),
            "tclass {} ",
            format!("0x{tclass:02x}"),
        );
    }
    if flags & IP6_TNL_F_USE_ORIG_FLOWLABEL != 0 {
        p.boolean(
            Kind::Any,
            Some("ip6_tnl_f_use_orig_flowlabel"),
            "flowlabel inherit ",
            true,
        );
    } else if let Some(info) = flowinfo {
        let label = info & 0x000f_ffff;
        p.string(
            Kind::Any,
            Some("flowlabel"),
            "flowlabel {} ",
            format!("0x{label:05x}"),
        );
    }
    if flags & IP6_TNL_F_RCV_DSCP_COPY != 0 {
        p.boolean(
            Kind::Any,
            Some("ip6_tnl_f_rcv_dscp_copy"),
            "dscp inherit ",
            true,
        );
    }
}

/// `fwmark inherit ` by flag, else the mark (IPv6 tunnels).
pub(crate) fn ip6_fwmark(p: &mut Printer, flags: u32, mark: Option<u32>) {
    if flags & IP6_TNL_F_USE_ORIG_FWMARK != 0 {
        p.boolean(
            Kind::Any,
            Some("ip6_tnl_f_use_orig_fwmark"),
            "fwmark inherit ",
            true,
        );
    } else {
        fwmark(p, mark);
    }
}
