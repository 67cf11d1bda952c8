//! `encap xfrm if_id IF_ID [ link_dev LINK ]` (LWT_XFRM_*, as
//! netlink-packet-route's `RouteXfrmTunnel`).
//!
//! ip's loop has no way out: it walks over every remaining word, ignoring
//! the ones it does not know, so nothing after `encap xfrm` reaches the
//! route parser.

use super::errors::EncapError;
use super::{duplicate, invalid, read_u32, Cursor, Devices, Writer};
use crate::error::Result;
use crate::kernel::attrs::Attrs;
use crate::model::rt_names::get_u32;
use crate::output::{Kind, Printer};
use netlink_packet_route::route::RouteXfrmTunnel;

const IF_ID: u16 = 1;
const LINK: u16 = 2;

pub(super) fn parse(
    cursor: &mut Cursor,
    out: &mut Writer,
    devices: &mut dyn Devices,
) -> Result<()> {
    let (mut if_id_seen, mut link_seen) = (false, false);
    while cursor.argc() > 0 {
        match cursor.current() {
            "if_id" => {
                let value = cursor.next_arg()?;
                if std::mem::replace(&mut if_id_seen, true) {
                    return Err(duplicate("if_id", value));
                }
                let if_id = get_u32(value)
                    .filter(|id| *id != 0)
                    .ok_or_else(|| invalid(value, "\"if_id\" value is invalid\n"))?;
                out.typed(&RouteXfrmTunnel::IfId(if_id));
            }
            "link_dev" => {
                let value = cursor.next_arg()?;
                if std::mem::replace(&mut link_seen, true) {
                    return Err(duplicate("link_dev", value));
                }
                let index = devices.index_of(value);
                if index == 0 {
                    return Err(EncapError::NoDevice(value.to_string()).into());
                }
                out.typed(&RouteXfrmTunnel::Link(index));
            }
            "help" => return Err(EncapError::XfrmUsage.into()),
            _ => {}
        }
        cursor.forward();
    }
    if !if_id_seen {
        return Err(EncapError::XfrmUsage.into());
    }
    Ok(())
}

pub(super) fn print(out: &mut Printer, encap: &[u8], devices: &mut dyn Devices) {
    let attrs = Attrs::parse(encap, LINK);
    if let Some(if_id) = attrs.get(IF_ID) {
        out.int(Kind::Any, Some("if_id"), "if_id {} ", read_u32(if_id));
    }
    if let Some(link) = attrs.get(LINK) {
        let name = devices.name_of(read_u32(link));
        out.string(Kind::Any, Some("link_dev"), "link_dev {} ", name);
    }
}
