//! `rmnet` details (ip/iplink_rmnet.c `rmnet_print_opt`): the mux ID.

use crate::kernel::attrs::Attrs;
use crate::objects::link::print::LinkStyle;
use crate::output::Printer;

const IFLA_RMNET_MUX_ID: u16 = 1;
/// ip 6.1's IFLA_RMNET_MAX.
const IFLA_RMNET_MAX: u16 = 2;

pub(crate) fn print(p: &mut Printer, data: &[u8], _style: &LinkStyle) {
    if let Some(id) = Attrs::parse(data, IFLA_RMNET_MAX).u16(IFLA_RMNET_MUX_ID) {
        crate::objects::link::kinds::shared::print::uint(p, "mux_id", "mux_id {} ", id);
    }
}
