//! `ipvlan` and `ipvtap` details (ip/iplink_ipvlan.c `ipvlan_print_opt`):
//! the mode and the port's private/vepa/bridge flag.

use crate::kernel::attrs::Attrs;
use crate::objects::link::print::LinkStyle;
use crate::output::{Kind, Printer};

const IFLA_IPVLAN_MODE: u16 = 1;
const IFLA_IPVLAN_FLAGS: u16 = 2;
/// ip 6.1's IFLA_IPVLAN_MAX.
const IFLA_IPVLAN_MAX: u16 = 2;

const IPVLAN_F_PRIVATE: u16 = 1;
const IPVLAN_F_VEPA: u16 = 2;

pub(crate) fn print(p: &mut Printer, data: &[u8], _style: &LinkStyle) {
    let tb = Attrs::parse(data, IFLA_IPVLAN_MAX);
    // ip reads both attributes only when they are exactly a u16.
    let exact_u16 = |attr: u16| {
        tb.get(attr)
            .filter(|bytes| bytes.len() == 2)
            .map(|bytes| u16::from_ne_bytes([bytes[0], bytes[1]]))
    };
    if let Some(mode) = exact_u16(IFLA_IPVLAN_MODE) {
        let name = match mode {
            0 => "l2",
            1 => "l3",
            2 => "l3s",
            _ => "unknown",
        };
        // ip's format starts with a space: `ipvlan  mode l2 `.
        p.string(Kind::Any, Some("mode"), " mode {} ", name);
    }
    if let Some(flags) = exact_u16(IFLA_IPVLAN_FLAGS) {
        let (key, text) = if flags & IPVLAN_F_PRIVATE != 0 {
            ("private", "private ")
        } else if flags & IPVLAN_F_VEPA != 0 {
            ("vepa", "vepa ")
        } else {
            ("bridge", "bridge ")
        };
        p.boolean(Kind::Any, Some(key), text, true);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::objects::link::kinds::shared::print::testing::{attrs, render, text};

    #[test]
    fn mode_and_flags() {
        let data = attrs(&[
            (IFLA_IPVLAN_MODE, &2u16.to_ne_bytes()),
            (IFLA_IPVLAN_FLAGS, &0u16.to_ne_bytes()),
        ]);
        assert_eq!(text("ipvlan", print, &data), " mode l3s bridge ");
        assert_eq!(
            render(print, &data, true),
            "[{\"info_data\":{\"mode\":\"l3s\",\"bridge\":true}}]\n"
        );
        let data = attrs(&[
            (IFLA_IPVLAN_MODE, &9u16.to_ne_bytes()),
            (IFLA_IPVLAN_FLAGS, &IPVLAN_F_VEPA.to_ne_bytes()),
        ]);
        assert_eq!(text("ipvlan", print, &data), " mode unknown vepa ");
        // A mode that is not exactly two bytes is skipped, as ip does.
        let data = attrs(&[(IFLA_IPVLAN_MODE, &0u32.to_ne_bytes())]);
        assert_eq!(text("ipvlan", print, &data), "");
    }
}
