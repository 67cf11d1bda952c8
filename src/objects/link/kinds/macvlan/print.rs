//! `macvlan` and `macvtap` details (ip/iplink_macvlan.c
//! `macvlan_print_opt`): mode, flags, broadcast queue, and in source mode
//! the list of allowed source addresses.

use crate::kernel::attrs::{iter, Attrs};
use crate::objects::link::kinds::shared::print::uint;
use crate::objects::link::print::LinkStyle;
use crate::output::{Kind, Printer};

const IFLA_MACVLAN_MODE: u16 = 1;
const IFLA_MACVLAN_FLAGS: u16 = 2;
const IFLA_MACVLAN_MACADDR: u16 = 4;
const IFLA_MACVLAN_MACADDR_DATA: u16 = 5;
const IFLA_MACVLAN_MACADDR_COUNT: u16 = 6;
const IFLA_MACVLAN_BC_QUEUE_LEN: u16 = 7;
const IFLA_MACVLAN_BC_QUEUE_LEN_USED: u16 = 8;
/// ip 6.1's IFLA_MACVLAN_MAX.
const IFLA_MACVLAN_MAX: u16 = 8;

const MACVLAN_MODE_PRIVATE: u32 = 1;
const MACVLAN_MODE_VEPA: u32 = 2;
const MACVLAN_MODE_BRIDGE: u32 = 4;
const MACVLAN_MODE_PASSTHRU: u32 = 8;
const MACVLAN_MODE_SOURCE: u32 = 16;
const MACVLAN_FLAG_NOPROMISC: u16 = 1;
const MACVLAN_FLAG_NODST: u16 = 2;

pub(crate) fn print(p: &mut Printer, data: &[u8], _style: &LinkStyle) {
    let tb = Attrs::parse(data, IFLA_MACVLAN_MAX);
    let Some(mode) = tb.u32(IFLA_MACVLAN_MODE) else {
        return;
    };
    let name = match mode {
        MACVLAN_MODE_PRIVATE => "private",
        MACVLAN_MODE_VEPA => "vepa",
        MACVLAN_MODE_BRIDGE => "bridge",
        MACVLAN_MODE_PASSTHRU => "passthru",
        MACVLAN_MODE_SOURCE => "source",
        _ => "unknown",
    };
    p.string(Kind::Any, Some("mode"), "mode {} ", name);
    let flags = tb.u16(IFLA_MACVLAN_FLAGS).unwrap_or(0);
    if flags & MACVLAN_FLAG_NOPROMISC != 0 {
        p.boolean(Kind::Any, Some("nopromisc"), "nopromisc ", true);
    }
    if flags & MACVLAN_FLAG_NODST != 0 {
        p.boolean(Kind::Any, Some("nodst"), "nodst ", true);
    }
    if let Some(len) = tb.u32(IFLA_MACVLAN_BC_QUEUE_LEN) {
        uint(p, "bcqueuelen", "bcqueuelen {} ", len);
    }
    if let Some(len) = tb.u32(IFLA_MACVLAN_BC_QUEUE_LEN_USED) {
        uint(p, "usedbcqueuelen", "usedbcqueuelen {} ", len);
    }
    if mode != MACVLAN_MODE_SOURCE {
        return;
    }
    let Some(count) = tb.u32(IFLA_MACVLAN_MACADDR_COUNT) else {
        return;
    };
    uint(p, "macaddr_count", "remotes ({}) ", count as i32);
    let Some(list) = tb.get(IFLA_MACVLAN_MACADDR_DATA) else {
        return;
    };
    p.open_array(Kind::Json, "macaddr_data", "");
    for (kind, addr) in iter(list) {
        if kind != IFLA_MACVLAN_MACADDR || addr.len() < 6 {
            continue;
        }
        let text = addr[..6]
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect::<Vec<_>>()
            .join(":");
        p.string(Kind::Any, None, "{} ", text);
    }
    p.close_array(Kind::Json, "");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::objects::link::kinds::shared::print::testing::{attrs, render, text};

    #[test]
    fn source_mode_lists_addresses() {
        let list = attrs(&[
            (IFLA_MACVLAN_MACADDR, &[2, 0, 0, 0, 0, 0xa1]),
            (IFLA_MACVLAN_MACADDR, &[2, 0, 0, 0, 0, 0xa2]),
        ]);
        let data = attrs(&[
            (IFLA_MACVLAN_MODE, &MACVLAN_MODE_SOURCE.to_ne_bytes()),
            (IFLA_MACVLAN_FLAGS, &MACVLAN_FLAG_NODST.to_ne_bytes()),
            (IFLA_MACVLAN_MACADDR_COUNT, &2u32.to_ne_bytes()),
            (IFLA_MACVLAN_MACADDR_DATA, &list),
        ]);
        assert_eq!(
            text("macvlan", print, &data),
            "mode source nodst remotes (2) 02:00:00:00:00:a1 02:00:00:00:00:a2 "
        );
        assert_eq!(
            render(print, &data, true),
            "[{\"info_data\":{\"mode\":\"source\",\"nodst\":true,\"macaddr_count\":2,\
             \"macaddr_data\":[\"02:00:00:00:00:a1\",\"02:00:00:00:00:a2\"]}}]\n"
        );
    }
}
