//! `wwan` details (ip/iplink_wwan.c `wwan_print_opt`): the link ID.

use crate::kernel::attrs::Attrs;
use crate::objects::link::print::LinkStyle;
use crate::output::Printer;

const IFLA_WWAN_LINK_ID: u16 = 1;

pub(crate) fn print(p: &mut Printer, data: &[u8], _style: &LinkStyle) {
    if let Some(id) = Attrs::parse(data, IFLA_WWAN_LINK_ID).u32(IFLA_WWAN_LINK_ID) {
        crate::objects::link::kinds::shared::print::uint(p, "linkid", "linkid {} ", id);
    }
}
