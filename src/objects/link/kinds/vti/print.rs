//! `vti` and `vti6` details (ip/link_vti.c, ip/link_vti6.c).

use std::net::Ipv4Addr;

use crate::kernel::attrs::Attrs;
use crate::objects::link::kinds::shared::tunnel::{self, Family};
use crate::objects::link::print::LinkStyle;
use crate::output::{Kind, Printer};

const IFLA_VTI_LINK: u16 = 1;
const IFLA_VTI_IKEY: u16 = 2;
const IFLA_VTI_OKEY: u16 = 3;
const IFLA_VTI_LOCAL: u16 = 4;
const IFLA_VTI_REMOTE: u16 = 5;
const IFLA_VTI_FWMARK: u16 = 6;
/// ip 6.1's IFLA_VTI_MAX.
const IFLA_VTI_MAX: u16 = 6;

fn print_family(p: &mut Printer, data: &[u8], family: Family) {
    let tb = Attrs::parse(data, IFLA_VTI_MAX);
    tunnel::endpoint(p, "remote", tb.get(IFLA_VTI_REMOTE), family);
    tunnel::endpoint(p, "local", tb.get(IFLA_VTI_LOCAL), family);
    tunnel::link(p, tb.u32(IFLA_VTI_LINK));
    for (attr, key) in [(IFLA_VTI_IKEY, "ikey"), (IFLA_VTI_OKEY, "okey")] {
        if let Some(b) = tb.get(attr).and_then(|b| b.get(..4)) {
            if b.iter().any(|byte| *byte != 0) {
                let text = Ipv4Addr::new(b[0], b[1], b[2], b[3]).to_string();
                p.string(Kind::Any, Some(key), &format!("{key} {{}} "), text);
            }
        }
    }
    tunnel::fwmark(p, tb.u32(IFLA_VTI_FWMARK));
}

pub(crate) fn print(p: &mut Printer, data: &[u8], _style: &LinkStyle) {
    print_family(p, data, Family::V4);
}

pub(crate) fn print6(p: &mut Printer, data: &[u8], _style: &LinkStyle) {
    print_family(p, data, Family::V6);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::objects::link::kinds::shared::print::testing::{attrs, render, text};

    #[test]
    fn keys_and_endpoints() {
        let data = attrs(&[
            (IFLA_VTI_IKEY, &[0, 0, 0, 7]),
            (IFLA_VTI_OKEY, &[0, 0, 0, 0]),
            (IFLA_VTI_LOCAL, &[203, 0, 113, 1]),
            (IFLA_VTI_FWMARK, &0x10u32.to_ne_bytes()),
        ]);
        assert_eq!(
            text("vti", print, &data),
            "remote any local 203.0.113.1 ikey 0.0.0.7 fwmark 0x10 "
        );
        assert_eq!(
            render(print6, &data, true),
            "[{\"info_data\":{\"remote\":\"any\",\"local\":\"unknown\",\"ikey\":\"0.0.0.7\",\
             \"fwmark\":\"0x10\"}}]\n"
        );
    }
}
