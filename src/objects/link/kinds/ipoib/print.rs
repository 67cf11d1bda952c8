//! `ipoib` details (ip/iplink_ipoib.c `ipoib_print_opt`).

use crate::kernel::attrs::Attrs;
use crate::objects::link::print::LinkStyle;
use crate::output::{Kind, Printer};

const IFLA_IPOIB_PKEY: u16 = 1;
const IFLA_IPOIB_MODE: u16 = 2;
const IFLA_IPOIB_UMCAST: u16 = 3;
/// ip 6.1's IFLA_IPOIB_MAX.
const IFLA_IPOIB_MAX: u16 = 3;

/// C's `%#.4x`: at least four digits, `0x` only before non-zero values.
fn pkey_text(pkey: u16) -> String {
    if pkey == 0 {
        "0000".to_string()
    } else {
        format!("0x{pkey:04x}")
    }
}

pub(crate) fn print(p: &mut Printer, data: &[u8], _style: &LinkStyle) {
    let tb = Attrs::parse(data, IFLA_IPOIB_MAX);
    let Some(pkey) = tb.u16(IFLA_IPOIB_PKEY) else {
        return;
    };
    p.string(Kind::Any, Some("key"), "pkey {} ", pkey_text(pkey));
    let Some(mode) = tb.u16(IFLA_IPOIB_MODE) else {
        return;
    };
    let name = match mode {
        0 => "datagram",
        1 => "connected",
        _ => "unknown",
    };
    p.string(Kind::Any, Some("mode"), "mode {} ", name);
    let Some(umcast) = tb.u16(IFLA_IPOIB_UMCAST) else {
        return;
    };
    p.string(
        Kind::Any,
        Some("umcast"),
        "umcast {} ",
        format!("{umcast:04x}"),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::objects::link::kinds::shared::print::testing::{attrs, render, text};

    #[test]
    fn pkey_mode_umcast() {
        let data = attrs(&[
            (IFLA_IPOIB_PKEY, &0xffffu16.to_ne_bytes()),
            (IFLA_IPOIB_MODE, &1u16.to_ne_bytes()),
            (IFLA_IPOIB_UMCAST, &1u16.to_ne_bytes()),
        ]);
        assert_eq!(
            text("ipoib", print, &data),
            "pkey 0xffff mode connected umcast 0001 "
        );
        assert_eq!(
            render(print, &data, true),
            "[{\"info_data\":{\"key\":\"0xffff\",\"mode\":\"connected\",\"umcast\":\"0001\"}}]\n"
        );
        let data = attrs(&[(IFLA_IPOIB_PKEY, &0u16.to_ne_bytes())]);
        assert_eq!(text("ipoib", print, &data), "pkey 0000 ");
    }
}
