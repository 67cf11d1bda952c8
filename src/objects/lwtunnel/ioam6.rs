//! `encap ioam6 [ freq K/N ] [ mode inline|encap|auto ] [ tundst ADDR ]
//! trace prealloc type T ns N size S` (IOAM6_IPTUNNEL_*, as
//! netlink-packet-route's `RouteIoam6Tunnel`).
//!
//! Unlike the other families, ip reads the first parts in a fixed order
//! and only loops over the trace fields.

use super::{duplicate, invalid, read_u32, read_u8, Cursor, Writer};
use crate::error::{Error, Result};
use crate::grammar::get_u16;
use crate::grammar::inet::{format_address, get_addr, AF_INET6};
use crate::kernel::attrs::Attrs;
use crate::model::rt_names::{get_u32, strtoul};
use crate::output::{Kind, Printer};
use netlink_packet_route::route::{Ioam6Mode, Ioam6TraceHdr, RouteIoam6Tunnel};
use std::net::IpAddr;

const MODE: u16 = 1;
const DST: u16 = 2;
const TRACE: u16 = 3;
const FREQ_K: u16 = 4;
const FREQ_N: u16 = 5;
const MAX: u16 = 5;

const MODE_INLINE: u8 = 1;
/// The mode names, from IOAM6_IPTUNNEL_MODE_INLINE (1) on.
const MODES: [&str; 3] = ["inline", "encap", "auto"];

const FREQ_MIN: u32 = 1;
const FREQ_MAX: u32 = 1_000_000;
/// IOAM6_TRACE_DATA_SIZE_MAX.
const TRACE_SIZE_MAX: u16 = 244;

/// ip's `parse_ioam6_freq`: exactly one `/` between two decimal numbers.
fn frequency(text: &str) -> Option<(u32, u32)> {
    if text.matches('/').count() != 1 {
        return None;
    }
    let decimal = |part: &str| strtoul(part, 10).and_then(|v| u32::try_from(v).ok());
    // strtok skips empty parts, so "/5" has no second number.
    let mut parts = text.split('/').filter(|p| !p.is_empty());
    let k = decimal(parts.next()?)?;
    let n = decimal(parts.next()?)?;
    Some((k, n))
}

pub(super) fn parse(cursor: &mut Cursor, out: &mut Writer) -> Result<()> {
    let (mut freq_k, mut freq_n) = (FREQ_MIN, FREQ_MIN);
    if cursor.is("freq") {
        let value = cursor.next_arg()?;
        if value.len() > 15 {
            return Err(invalid(value, "Invalid frequency (too long)"));
        }
        (freq_k, freq_n) =
            frequency(value).ok_or_else(|| invalid(value, "Invalid frequency (malformed)"))?;
        if !(FREQ_MIN..=FREQ_MAX).contains(&freq_k) {
            return Err(invalid(value, "Out of bound \"k\" frequency"));
        }
        if !(FREQ_MIN..=FREQ_MAX).contains(&freq_n) {
            return Err(invalid(value, "Out of bound \"n\" frequency"));
        }
        if freq_k > freq_n {
            return Err(invalid(value, "Frequency with k > n is forbidden"));
        }
        cursor.next_arg()?;
    }
    let mut mode = MODE_INLINE;
    if cursor.is("mode") {
        let value = cursor.next_arg()?;
        let found = MODES.iter().position(|m| *m == value);
        mode = found.ok_or_else(|| invalid(value, "Invalid mode"))? as u8 + MODE_INLINE;
        cursor.next_arg()?;
    }
    let mut tunnel_dst = None;
    if cursor.is("tundst") {
        if mode == MODE_INLINE {
            return Err(invalid(
                cursor.current(),
                "Inline mode does not need tundst",
            ));
        }
        let value = cursor.next_arg()?;
        tunnel_dst = Some(get_addr(value, AF_INET6)?);
        cursor.next_arg()?;
    } else if mode != MODE_INLINE {
        return Err(Error::MissingArgument("tundst".into()));
    }
    if !cursor.is("trace") {
        return Err(Error::MissingArgument("trace".into()));
    }
    cursor.next_arg()?;
    if !cursor.is("prealloc") {
        return Err(Error::MissingArgument("prealloc".into()));
    }
    let (mut trace_type, mut namespace, mut size) = (0u32, None::<u16>, 0u16);
    while cursor.next_arg_ok() {
        cursor.forward();
        match cursor.current() {
            "type" => {
                let value = cursor.next_arg()?;
                if trace_type != 0 {
                    return Err(duplicate("type", value));
                }
                trace_type = get_u32(value)
                    .filter(|t| *t != 0)
                    .ok_or_else(|| invalid(value, "Invalid trace type"))?;
            }
            "ns" => {
                let value = cursor.next_arg()?;
                if namespace.is_some() {
                    return Err(duplicate("ns", value));
                }
                namespace =
                    Some(get_u16(value).ok_or_else(|| invalid(value, "Invalid namespace ID"))?);
            }
            "size" => {
                let value = cursor.next_arg()?;
                if size != 0 {
                    return Err(duplicate("size", value));
                }
                size = get_u16(value)
                    .filter(|s| *s != 0)
                    .ok_or_else(|| invalid(value, "Invalid trace size"))?;
                if size % 4 != 0 {
                    return Err(invalid(value, "Trace size must be a 4-octet multiple"));
                }
                if size > TRACE_SIZE_MAX {
                    return Err(invalid(value, "Trace size is too big"));
                }
            }
            _ => break,
        }
    }
    if trace_type == 0 {
        return Err(Error::MissingArgument("type".into()));
    }
    let Some(namespace) = namespace else {
        return Err(Error::MissingArgument("ns".into()));
    };
    if size == 0 {
        return Err(Error::MissingArgument("size".into()));
    }
    out.typed(&RouteIoam6Tunnel::FreqK(freq_k));
    out.typed(&RouteIoam6Tunnel::FreqN(freq_n));
    out.typed(&RouteIoam6Tunnel::Mode(Ioam6Mode::from(mode)));
    if let Some(dst) = tunnel_dst {
        match crate::kernel::typed_ip(dst.bytes()) {
            Some(IpAddr::V6(dst)) => out.typed(&RouteIoam6Tunnel::Dst(dst)),
            // get_addr gave no IPv6 address: nothing to type.
            _ => out.attr(DST, dst.bytes()),
        }
    }
    // struct ioam6_trace_hdr: the remaining length in 4-octet units.
    let mut trace = Ioam6TraceHdr::default();
    trace.namespace_id = namespace;
    trace.remlen = (size / 4) as u8;
    trace.trace_type = trace_type;
    out.typed(&RouteIoam6Tunnel::Trace(trace));
    Ok(())
}

pub(super) fn print(out: &mut Printer, encap: &[u8]) {
    let attrs = Attrs::parse(encap, MAX);
    let (Some(mode), Some(trace), Some(freq_k), Some(freq_n)) = (
        attrs.get(MODE),
        attrs.get(TRACE),
        attrs.get(FREQ_K),
        attrs.get(FREQ_N),
    ) else {
        return;
    };
    out.int(Kind::Any, Some("freqk"), "freq {}", read_u32(freq_k));
    out.int(Kind::Any, Some("freqn"), "/{} ", read_u32(freq_n));
    let mode = read_u8(mode);
    let dst = attrs.get(DST);
    if dst.is_none() && mode != MODE_INLINE {
        return;
    }
    let name = mode
        .checked_sub(MODE_INLINE)
        .and_then(|m| MODES.get(m as usize))
        .unwrap_or(&"<unknown>");
    out.string(Kind::Any, Some("mode"), "mode {} ", name);
    if let (Some(dst), false) = (dst, mode == MODE_INLINE) {
        out.string(
            Kind::Any,
            Some("tundst"),
            "tundst {} ",
            format_address(AF_INET6, dst),
        );
    }
    let mut header = [0u8; 8];
    let n = trace.len().min(8);
    header[..n].copy_from_slice(&trace[..n]);
    for key in ["trace", "prealloc"] {
        out.null(key);
        out.text(format!("{key} "));
    }
    let trace_type = u32::from_be_bytes([header[4], header[5], header[6], header[7]]) >> 8;
    if out.is_json() {
        out.string(Kind::Json, Some("type"), "", format!("{trace_type:x}"));
    } else {
        out.text(format!("type {} ", c_alternate_hex(trace_type, 8)));
    }
    let namespace = u16::from_be_bytes([header[0], header[1]]);
    out.int(Kind::Any, Some("ns"), "ns {} ", namespace);
    out.int(
        Kind::Any,
        Some("size"),
        "size {} ",
        u32::from(header[3] & 0x7f) * 4,
    );
}

/// C's `%#0Nx`: `0x` counts in the width, and zero gets no prefix.
fn c_alternate_hex(value: u32, width: usize) -> String {
    if value == 0 {
        return format!("{:0width$}", 0);
    }
    format!("{value:#0width$x}")
}
