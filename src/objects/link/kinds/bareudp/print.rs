//! `bareudp` details (ip/iplink_bareudp.c `bareudp_print_opt`).

use crate::kernel::attrs::Attrs;
use crate::objects::link::kinds::shared::print::{ethertype, uint};
use crate::objects::link::print::LinkStyle;
use crate::output::{Kind, Printer};

const IFLA_BAREUDP_PORT: u16 = 1;
const IFLA_BAREUDP_ETHERTYPE: u16 = 2;
const IFLA_BAREUDP_SRCPORT_MIN: u16 = 3;
const IFLA_BAREUDP_MULTIPROTO_MODE: u16 = 4;
/// ip 6.1's IFLA_BAREUDP_MAX.
const IFLA_BAREUDP_MAX: u16 = 4;

pub(crate) fn print(p: &mut Printer, data: &[u8], style: &LinkStyle) {
    let tb = Attrs::parse(data, IFLA_BAREUDP_MAX);
    if let Some(port) = tb.be16(IFLA_BAREUDP_PORT) {
        uint(p, "dstport", "dstport {} ", port);
    }
    if let Some(protocol) = tb.be16(IFLA_BAREUDP_ETHERTYPE) {
        p.string(
            Kind::Any,
            Some("ethertype"),
            "ethertype {} ",
            ethertype(protocol, style.numeric),
        );
    }
    if let Some(port) = tb.u16(IFLA_BAREUDP_SRCPORT_MIN) {
        uint(p, "srcportmin", "srcportmin {} ", port);
    }
    // ip prints the text of a false print_bool too: `nomultiproto `.
    let multiproto = tb.has(IFLA_BAREUDP_MULTIPROTO_MODE);
    p.boolean(Kind::Json, Some("multiproto"), "", multiproto);
    p.text(if multiproto {
        "multiproto "
    } else {
        "nomultiproto "
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::objects::link::kinds::shared::print::testing::{attrs, render, text};

    #[test]
    fn text_and_json() {
        let data = attrs(&[
            (IFLA_BAREUDP_PORT, &6635u16.to_be_bytes()),
            (IFLA_BAREUDP_ETHERTYPE, &0x8847u16.to_be_bytes()),
            (IFLA_BAREUDP_SRCPORT_MIN, &49153u16.to_ne_bytes()),
        ]);
        assert_eq!(
            text("bareudp", print, &data),
            "dstport 6635 ethertype mpls_uc srcportmin 49153 nomultiproto "
        );
        assert_eq!(
            render(print, &data, true),
            "[{\"info_data\":{\"dstport\":6635,\"ethertype\":\"mpls_uc\",\"srcportmin\":49153,\
             \"multiproto\":false}}]\n"
        );
        let data = attrs(&[(IFLA_BAREUDP_MULTIPROTO_MODE, &[])]);
        assert_eq!(text("bareudp", print, &data), "multiproto ");
    }
}
