//! `encap rpl segs ADDR[,ADDR…]` (RPL_IPTUNNEL_SRH): an RPL source routing
//! header with full, uncompressed addresses (netlink-packet-route's
//! `RplSrh`; one too long for its length field stays raw).

use super::{duplicate, Cursor, Writer};
use crate::error::Result;
use crate::grammar::inet::{format_address, AF_INET6};
use crate::kernel::attrs::Attrs;
use crate::output::{Color, Kind, Printer};
use netlink_packet_route::route::{RouteRplIpTunnel, RplSrh};

const RPL_IPTUNNEL_SRH: u16 = 1;
/// The routing header type of RPL.
const IPV6_SRCRT_TYPE_3: u8 = 3;

pub(super) fn parse(cursor: &mut Cursor, out: &mut Writer) -> Result<()> {
    let mut segments: Option<String> = None;
    while cursor.argc() > 0 && cursor.is("segs") {
        let value = cursor.next_arg()?;
        if segments.is_some() {
            return Err(duplicate("segs", value));
        }
        segments = Some(super::seg6::segment_text(value));
        cursor.forward();
    }
    let segments = segments.unwrap_or_default();
    // As in seg6, empty items count but are not filled; the list goes in
    // from its last slot down.
    let count = segments.matches(',').count() + 1;
    let slots = super::seg6::slots(&segments, count)?;
    let length = 8 + 16 * count;
    if super::seg6::fits(length) {
        let mut srh = RplSrh::default();
        srh.routing_type = IPV6_SRCRT_TYPE_3;
        srh.segments_left = count as u8;
        srh.segments = slots;
        out.typed(&RouteRplIpTunnel::Srh(srh));
        return Ok(());
    }
    let mut srh = vec![0u8; length];
    srh[1] = ((length >> 3) - 1) as u8;
    srh[2] = IPV6_SRCRT_TYPE_3;
    srh[3] = count as u8;
    for (slot, address) in slots.iter().enumerate() {
        let at = 8 + 16 * slot;
        srh[at..at + 16].copy_from_slice(&address.octets());
    }
    out.attr(RPL_IPTUNNEL_SRH, &super::seg6::cut_to_header_length(srh));
    Ok(())
}

pub(super) fn print(out: &mut Printer, encap: &[u8]) {
    let attrs = Attrs::parse(encap, RPL_IPTUNNEL_SRH);
    let Some(srh) = attrs.get(RPL_IPTUNNEL_SRH) else {
        return;
    };
    let left = srh.get(3).copied().unwrap_or(0) as usize;
    if out.is_json() {
        out.open_array(Kind::Json, "segs", "");
    } else {
        out.text(format!("segs {left} [ "));
    }
    for slot in (0..left).rev() {
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
}
