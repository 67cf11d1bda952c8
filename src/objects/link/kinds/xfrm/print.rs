//! `xfrm` details (ip/link_xfrm.c `xfrm_print_opt`): external mode or the
//! interface ID.

use crate::kernel::attrs::Attrs;
use crate::objects::link::kinds::shared::print::hex0x;
use crate::objects::link::print::LinkStyle;
use crate::output::{Kind, Printer};

const IFLA_XFRM_IF_ID: u16 = 2;
const IFLA_XFRM_COLLECT_METADATA: u16 = 3;
/// ip 6.1's IFLA_XFRM_MAX.
const IFLA_XFRM_MAX: u16 = 3;

pub(crate) fn print(p: &mut Printer, data: &[u8], _style: &LinkStyle) {
    let tb = Attrs::parse(data, IFLA_XFRM_MAX);
    if tb.has(IFLA_XFRM_COLLECT_METADATA) {
        p.boolean(Kind::Any, Some("external"), "external ", true);
        return;
    }
    if let Some(id) = tb.u32(IFLA_XFRM_IF_ID) {
        hex0x(p, Kind::Any, "if_id", "if_id {} ", id as u64);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::objects::link::kinds::shared::print::testing::{attrs, render, text};

    #[test]
    fn id_or_external() {
        let data = attrs(&[(IFLA_XFRM_IF_ID, &0x2au32.to_ne_bytes())]);
        assert_eq!(text("xfrm", print, &data), "if_id 0x2a ");
        assert_eq!(
            render(print, &data, true),
            "[{\"info_data\":{\"if_id\":\"0x2a\"}}]\n"
        );
        let data = attrs(&[
            (IFLA_XFRM_COLLECT_METADATA, &[]),
            (IFLA_XFRM_IF_ID, &0u32.to_ne_bytes()),
        ]);
        assert_eq!(text("xfrm", print, &data), "external ");
    }
}
