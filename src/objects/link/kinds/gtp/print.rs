//! `gtp` details (ip/iplink_gtp.c `gtp_print_opt`).

use crate::kernel::attrs::Attrs;
use crate::objects::link::kinds::shared::print::uint;
use crate::objects::link::print::LinkStyle;
use crate::output::{Kind, Printer};

const IFLA_GTP_PDP_HASHSIZE: u16 = 3;
const IFLA_GTP_ROLE: u16 = 4;
const IFLA_GTP_RESTART_COUNT: u16 = 6;
/// ip 6.1's IFLA_GTP_MAX.
const IFLA_GTP_MAX: u16 = 6;

pub(crate) fn print(p: &mut Printer, data: &[u8], _style: &LinkStyle) {
    let tb = Attrs::parse(data, IFLA_GTP_MAX);
    if let Some(role) = tb.u32(IFLA_GTP_ROLE) {
        let name = match role {
            0 => "ggsn",
            1 => "sgsn",
            _ => "unknown",
        };
        p.string(Kind::Any, Some("role"), "role {} ", name);
    }
    if let Some(size) = tb.u32(IFLA_GTP_PDP_HASHSIZE) {
        uint(p, "hsize", "hsize {} ", size);
    }
    if let Some(count) = tb.u8(IFLA_GTP_RESTART_COUNT) {
        uint(p, "restart_count", "restart_count {} ", count);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::objects::link::kinds::shared::print::testing::{attrs, render, text};

    #[test]
    fn role_and_sizes() {
        let data = attrs(&[
            (IFLA_GTP_PDP_HASHSIZE, &1024u32.to_ne_bytes()),
            (IFLA_GTP_ROLE, &1u32.to_ne_bytes()),
            (IFLA_GTP_RESTART_COUNT, &[3]),
        ]);
        assert_eq!(
            text("gtp", print, &data),
            "role sgsn hsize 1024 restart_count 3 "
        );
        assert_eq!(
            render(print, &data, true),
            "[{\"info_data\":{\"role\":\"sgsn\",\"hsize\":1024,\"restart_count\":3}}]\n"
        );
    }
}
