//! `dsa` details (ip/iplink_dsa.c `dsa_print_opt`): the conduit device.

use crate::kernel::attrs::Attrs;
use crate::objects::link::print::LinkStyle;
use crate::output::{Kind, Printer};

const IFLA_DSA_MASTER: u16 = 1;

pub(crate) fn print(p: &mut Printer, data: &[u8], _style: &LinkStyle) {
    if let Some(index) = Attrs::parse(data, IFLA_DSA_MASTER).u32(IFLA_DSA_MASTER) {
        p.string(
            Kind::Any,
            Some("conduit"),
            "conduit {} ",
            crate::objects::link::kinds::shared::print::index_name(index),
        );
    }
}
