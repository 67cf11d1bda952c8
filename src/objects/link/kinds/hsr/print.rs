//! `hsr` details (ip/iplink_hsr.c `hsr_print_opt`).

use crate::kernel::attrs::Attrs;
use crate::objects::link::print::LinkStyle;
use crate::output::{Kind, Printer};

const IFLA_HSR_SLAVE1: u16 = 1;
const IFLA_HSR_SLAVE2: u16 = 2;
const IFLA_HSR_SUPERVISION_ADDR: u16 = 4;
const IFLA_HSR_SEQ_NR: u16 = 5;
const IFLA_HSR_PROTOCOL: u16 = 7;
/// ip 6.1's IFLA_HSR_MAX.
const IFLA_HSR_MAX: u16 = 7;

pub(crate) fn print(p: &mut Printer, data: &[u8], _style: &LinkStyle) {
    let tb = Attrs::parse(data, IFLA_HSR_MAX);
    // ip prints nothing at all when one of these is too short.
    let short = |attr: u16, min: usize| tb.get(attr).is_some_and(|b| b.len() < min);
    if short(IFLA_HSR_SLAVE1, 4)
        || short(IFLA_HSR_SLAVE2, 4)
        || short(IFLA_HSR_SEQ_NR, 2)
        || short(IFLA_HSR_SUPERVISION_ADDR, 6)
    {
        return;
    }
    for (attr, key) in [(IFLA_HSR_SLAVE1, "slave1"), (IFLA_HSR_SLAVE2, "slave2")] {
        match tb.u32(attr) {
            Some(index) => p.string(
                Kind::Any,
                Some(key),
                &format!("{key} {{}} "),
                crate::objects::link::kinds::shared::print::index_name(index),
            ),
            None => {
                p.null(key);
                p.text(format!("{key} <none> "));
            }
        }
    }
    if let Some(seq) = tb.u16(IFLA_HSR_SEQ_NR) {
        p.int(Kind::Any, Some("seq_nr"), "sequence {} ", seq);
    }
    if let Some(addr) = tb.get(IFLA_HSR_SUPERVISION_ADDR) {
        p.string(
            Kind::Any,
            Some("supervision_addr"),
            "supervision {} ",
            crate::objects::link::kinds::shared::print::mac(addr),
        );
    }
    if let Some(proto) = tb.u8(IFLA_HSR_PROTOCOL) {
        p.int(Kind::Any, Some("proto"), "proto {} ", proto);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::objects::link::kinds::shared::print::testing::{attrs, render, text};

    #[test]
    fn missing_ports_and_supervision() {
        let data = attrs(&[
            (IFLA_HSR_SLAVE1, &0u32.to_ne_bytes()),
            (IFLA_HSR_SUPERVISION_ADDR, &[1, 0x15, 0x4e, 0, 1, 0]),
            (IFLA_HSR_SEQ_NR, &65535u16.to_ne_bytes()),
            (IFLA_HSR_PROTOCOL, &[1]),
        ]);
        assert_eq!(
            text("hsr", print, &data),
            "slave1 * slave2 <none> sequence 65535 supervision 01:15:4e:00:01:00 proto 1 "
        );
        assert_eq!(
            render(print, &data, true),
            "[{\"info_data\":{\"slave1\":\"*\",\"slave2\":null,\"seq_nr\":65535,\
             \"supervision_addr\":\"01:15:4e:00:01:00\",\"proto\":1}}]\n"
        );
        let data = attrs(&[(IFLA_HSR_SEQ_NR, &[1])]);
        assert_eq!(text("hsr", print, &data), "");
    }
}
