//! `encap mpls LABEL[/LABEL…] [ ttl TTL ]` (MPLS_IPTUNNEL_*, as
//! netlink-packet-route's `RouteMplsIpTunnel`).

use super::{duplicate, invalid, read_u8, Cursor, Writer};
use crate::error::Error;
use crate::error::Result;
use crate::grammar::get_u8;
use crate::grammar::inet::{format_address, strtoul_prefix, AF_MPLS};
use crate::kernel::attrs::Attrs;
use crate::output::{Kind, Printer};
use netlink_packet_route::route::{MplsLabel, RouteMplsIpTunnel};

const MPLS_IPTUNNEL_DST: u16 = 1;
const MPLS_IPTUNNEL_TTL: u16 = 2;
const MPLS_IPTUNNEL_MAX: u16 = 2;

pub(super) fn parse(cursor: &mut Cursor, out: &mut Writer) -> Result<()> {
    let word = cursor.current();
    let labels = labels(word)?;
    out.typed(&RouteMplsIpTunnel::Destination(labels));
    cursor.forward();
    let mut ttl_seen = false;
    while cursor.argc() > 0 && cursor.is("ttl") {
        let value = cursor.next_arg()?;
        if std::mem::replace(&mut ttl_seen, true) {
            return Err(duplicate("ttl", value));
        }
        let ttl = get_u8(value).ok_or_else(|| invalid(value, "\"ttl\" value is invalid\n"))?;
        out.typed(&RouteMplsIpTunnel::Ttl(ttl));
        cursor.forward();
    }
    Ok(())
}

/// The most labels ip's address buffer holds (`inet_prefix.data`).
const MAX_LABELS: usize = 64;

/// ip's `get_addr(…, AF_MPLS)` with `mpls_pton`: `LABEL[/LABEL…]`, each a
/// base-0 number below 2^20, as label stack entries with the bottom of
/// stack bit on the last.
fn labels(word: &str) -> Result<Vec<MplsLabel>> {
    let refused = || Error::AddressExpected {
        family: "mpls",
        arg: word.to_string(),
    };
    let mut entries = Vec::new();
    let mut rest = word.as_bytes();
    while entries.len() < MAX_LABELS {
        let (label, used) = strtoul_prefix(rest).ok_or_else(refused)?;
        if label >= 1 << 20 {
            return Err(refused());
        }
        let last = used == rest.len();
        let entry = ((label as u32) << 12) | if last { 1 << 8 } else { 0 };
        entries.push(MplsLabel::from(entry));
        if last {
            return Ok(entries);
        }
        if rest[used] != b'/' {
            return Err(refused());
        }
        rest = &rest[used + 1..];
    }
    Err(Error::AfterNotice {
        notice: "Error: too many labels.",
        error: Box::new(refused()),
    })
}

pub(super) fn print(out: &mut Printer, encap: &[u8]) {
    let attrs = Attrs::parse(encap, MPLS_IPTUNNEL_MAX);
    if let Some(labels) = attrs.get(MPLS_IPTUNNEL_DST) {
        out.string(
            Kind::Any,
            Some("dst"),
            " {} ",
            format_address(AF_MPLS, labels),
        );
    }
    if let Some(ttl) = attrs.get(MPLS_IPTUNNEL_TTL) {
        out.int(Kind::Any, Some("ttl"), "ttl {} ", read_u8(ttl));
    }
}
