//! `encap seg6 mode MODE segs ADDR[,ADDR…] [ hmac KEYID ]` (SEG6_IPTUNNEL_SRH),
//! and the IPv6 segment routing header that seg6local's `srh` shares
//! (netlink-packet-route's `Seg6Header` and `Seg6LocalSrh`; a header too
//! long for its length field stays raw, see [`fits`]).

use super::{duplicate, invalid, read_u32, Cursor, Writer};
use crate::error::Result;
use crate::grammar::inet::{format_address, get_addr, AF_INET6};
use crate::kernel::attrs::Attrs;
use crate::model::rt_names::get_u32;
use crate::output::{Color, Kind, Printer};
use netlink_packet_route::route::{RouteSeg6IpTunnel, Seg6Header, Seg6Mode};
use std::net::Ipv6Addr;

const SEG6_IPTUNNEL_SRH: u16 = 1;

const MODES: [&str; 5] = ["inline", "encap", "l2encap", "encap.red", "l2encap.red"];

/// The routing header type of segment routing.
pub(super) const IPV6_SRCRT_TYPE_4: u8 = 4;
/// The flag saying an HMAC TLV follows the segments.
const SR6_FLAG1_HMAC: u8 = 1 << 3;
const SR6_TLV_HMAC: u8 = 5;
/// The HMAC TLV: type, length, reserved, key id, 32 bytes of HMAC.
const HMAC_TLV_LEN: usize = 40;

/// ip keeps at most 1023 bytes of the `segs` value (`strlcpy` into 1024).
pub(super) fn segment_text(word: &str) -> String {
    let mut end = word.len().min(1023);
    while !word.is_char_boundary(end) {
        end -= 1;
    }
    word[..end].to_string()
}

/// The slots of a routing header as ip fills them (`parse_srh`, and
/// rpl's): `count` slots, the listed segments from the last slot down,
/// empty items counted but not filled (so the lowest slots stay zero).
pub(super) fn slots(segments: &str, count: usize) -> Result<Vec<Ipv6Addr>> {
    let mut slots = vec![Ipv6Addr::UNSPECIFIED; count];
    let mut slot = count - 1;
    for segment in segments.split(',').filter(|s| !s.is_empty()) {
        let address = get_addr(segment, AF_INET6)?;
        let mut octets = [0u8; 16];
        octets.copy_from_slice(address.bytes());
        slots[slot] = Ipv6Addr::from(octets);
        slot = slot.wrapping_sub(1);
    }
    Ok(slots)
}

/// Whether a routing header of `length` bytes fits its one-byte length
/// field. ip copies only as much as that field says, which has wrapped
/// around for 128 segments and more; netlink-packet-route's headers
/// write every segment, so a header that does not fit stays raw.
pub(super) fn fits(length: usize) -> bool {
    (length >> 3) - 1 <= u8::MAX as usize
}

/// ip's `parse_srh`: the segments listed last to first, an extra empty
/// first segment unless `encap` (the destination itself, in inline mode),
/// and the HMAC TLV when `hmac` is not zero.
pub(super) struct Srh {
    /// The header's segment slots, slot 0 first.
    pub slots: Vec<Ipv6Addr>,
    pub hmac: u32,
}

impl Srh {
    pub(super) fn parse(segments: &str, hmac: u32, encap: bool) -> Result<Srh> {
        // Empty items count in the length but are skipped when filling it,
        // as with ip's comma count and strtok.
        let mut count = segments.matches(',').count() + 1;
        if !encap {
            count += 1;
        }
        Ok(Srh {
            slots: slots(segments, count)?,
            hmac,
        })
    }

    /// The header's length before ip cuts it.
    pub(super) fn length(&self) -> usize {
        8 + 16 * self.slots.len() + if self.hmac != 0 { HMAC_TLV_LEN } else { 0 }
    }

    /// The header as ip writes it, cut to its length field.
    pub(super) fn bytes(&self) -> Vec<u8> {
        let count = self.slots.len();
        let length = self.length();
        let mut srh = vec![0u8; length];
        srh[1] = ((length >> 3) - 1) as u8;
        srh[2] = IPV6_SRCRT_TYPE_4;
        srh[3] = (count - 1) as u8;
        srh[4] = (count - 1) as u8;
        if self.hmac != 0 {
            srh[5] |= SR6_FLAG1_HMAC;
        }
        for (slot, address) in self.slots.iter().enumerate() {
            let at = 8 + 16 * slot;
            srh[at..at + 16].copy_from_slice(&address.octets());
        }
        if self.hmac != 0 {
            let tlv = length - HMAC_TLV_LEN;
            srh[tlv] = SR6_TLV_HMAC;
            srh[tlv + 1] = (HMAC_TLV_LEN - 2) as u8;
            srh[tlv + 4..tlv + 8].copy_from_slice(&self.hmac.to_be_bytes());
        }
        cut_to_header_length(srh)
    }
}

/// ip copies as much of a routing header as its one-byte length field
/// says, which has wrapped around for 128 segments and more.
pub(super) fn cut_to_header_length(mut header: Vec<u8>) -> Vec<u8> {
    let length = (header[1] as usize + 1) << 3;
    header.truncate(length);
    header
}

pub(super) fn parse(cursor: &mut Cursor, out: &mut Writer) -> Result<()> {
    let mut mode: Option<i32> = None;
    let (mut mode_seen, mut segs_seen, mut hmac_seen) = (false, false, false);
    let mut segments = String::new();
    let mut hmac = 0u32;
    while cursor.argc() > 0 {
        match cursor.current() {
            "mode" => {
                let value = cursor.next_arg()?;
                if std::mem::replace(&mut mode_seen, true) {
                    return Err(duplicate("mode", value));
                }
                let found = MODES.iter().position(|m| *m == value);
                let found = found.ok_or_else(|| invalid(value, "\"mode\" value is invalid\n"))?;
                mode = Some(found as i32);
            }
            "segs" => {
                let value = cursor.next_arg()?;
                if std::mem::replace(&mut segs_seen, true) {
                    return Err(duplicate("segs", value));
                }
                if mode.is_none() {
                    return Err(invalid(value, "\"segs\" provided before \"mode\"\n"));
                }
                segments = segment_text(value);
            }
            "hmac" => {
                let value = cursor.next_arg()?;
                if std::mem::replace(&mut hmac_seen, true) {
                    return Err(duplicate("hmac", value));
                }
                // A value that is not a number leaves the HMAC off.
                if let Some(key) = get_u32(value) {
                    hmac = key;
                }
            }
            _ => break,
        }
        cursor.forward();
    }
    // Without `mode`, ip's mode stays -1: not inline, and sent as is.
    let mode = mode.unwrap_or(-1);
    let srh = Srh::parse(&segments, hmac, mode != 0)?;
    if fits(srh.length()) {
        // Seg6Header writes its segments last first: the slots reversed.
        let mut header = Seg6Header::default();
        header.mode = Seg6Mode::from(mode as u32);
        header.segments = srh.slots.into_iter().rev().collect();
        header.hmac = (hmac != 0).then_some(hmac);
        out.typed(&RouteSeg6IpTunnel::Seg6(header));
    } else {
        let mut tunnel = mode.to_ne_bytes().to_vec();
        tunnel.extend_from_slice(&srh.bytes());
        out.attr(SEG6_IPTUNNEL_SRH, &tunnel);
    }
    Ok(())
}

/// ip's `print_srh`: the segments first to last, then the HMAC key id.
pub(super) fn print_srh(out: &mut Printer, srh: &[u8]) {
    let first = srh.get(4).copied().unwrap_or(0) as usize;
    if out.is_json() {
        out.open_array(Kind::Json, "segs", "");
    } else {
        out.text(format!("segs {} [ ", first + 1));
    }
    for slot in (0..=first).rev() {
        let at = 8 + 16 * slot;
        let address = srh.get(at..at + 16).unwrap_or(&[0; 16]);
        out.color_string(
            Kind::Any,
            Some(Color::Inet6),
            None,
            "{} ",
            format_address(AF_INET6, address),
        );
    }
    if out.is_json() {
        out.close_array(Kind::Json, "");
    } else {
        out.text("] ");
    }
    let flags = srh.get(5).copied().unwrap_or(0);
    if flags & SR6_FLAG1_HMAC != 0 {
        let header_len = srh.get(1).copied().unwrap_or(0) as usize;
        let tlv = ((header_len + 1) << 3).saturating_sub(HMAC_TLV_LEN);
        let key = srh
            .get(tlv + 4..tlv + 8)
            .map_or(0, |k| u32::from_be(read_u32(k)));
        if out.is_json() {
            // C's %#llx: no 0x before a zero.
            let text = if key == 0 {
                "0".to_string()
            } else {
                format!("{key:#x}")
            };
            out.string(Kind::Json, Some("hmac"), "", text);
        } else {
            out.text(format!("hmac {key:X} "));
        }
    }
}

pub(super) fn print(out: &mut Printer, encap: &[u8]) {
    let attrs = Attrs::parse(encap, SEG6_IPTUNNEL_SRH);
    let Some(tunnel) = attrs.get(SEG6_IPTUNNEL_SRH) else {
        return;
    };
    let mode = read_u32(tunnel) as i32;
    let name = usize::try_from(mode)
        .ok()
        .and_then(|m| MODES.get(m))
        .unwrap_or(&"<unknown>");
    out.string(Kind::Any, Some("mode"), "mode {} ", name);
    print_srh(out, tunnel.get(4..).unwrap_or(&[]));
}
