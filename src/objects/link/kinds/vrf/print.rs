//! `vrf` and `vrf_slave` details (ip/iplink_vrf.c): the routing table.

use crate::kernel::attrs::Attrs;
use crate::objects::link::kinds::shared::print::uint;
use crate::objects::link::print::LinkStyle;
use crate::output::Printer;

/// IFLA_VRF_TABLE and IFLA_VRF_PORT_TABLE (both attribute 1, the only one).
const TABLE: u16 = 1;

pub(crate) fn print(p: &mut Printer, data: &[u8], _style: &LinkStyle) {
    if let Some(table) = Attrs::parse(data, TABLE).u32(TABLE) {
        uint(p, "table", "table {} ", table);
    }
}

pub(crate) fn print_slave(p: &mut Printer, data: &[u8], style: &LinkStyle) {
    print(p, data, style);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::objects::link::kinds::shared::print::testing::{attrs, render, text};

    #[test]
    fn table() {
        let data = attrs(&[(TABLE, &1001u32.to_ne_bytes())]);
        assert_eq!(text("vrf", print, &data), "table 1001 ");
        assert_eq!(
            render(print_slave, &data, true),
            "[{\"info_data\":{\"table\":1001}}]\n"
        );
        assert_eq!(text("vrf", print, &[]), "");
    }
}
