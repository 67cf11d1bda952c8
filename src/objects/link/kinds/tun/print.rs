//! `tun` details (ip/iptuntap.c `tun_print_opt`): tun or tap, flags,
//! queues, and the owning user and group by name when they have one.

use crate::kernel::attrs::Attrs;
use crate::objects::link::kinds::shared::print::uint;
use crate::objects::link::print::LinkStyle;
use crate::output::{Kind, Printer};

const IFLA_TUN_OWNER: u16 = 1;
const IFLA_TUN_GROUP: u16 = 2;
const IFLA_TUN_TYPE: u16 = 3;
const IFLA_TUN_PI: u16 = 4;
const IFLA_TUN_VNET_HDR: u16 = 5;
const IFLA_TUN_PERSIST: u16 = 6;
const IFLA_TUN_MULTI_QUEUE: u16 = 7;
const IFLA_TUN_NUM_QUEUES: u16 = 8;
const IFLA_TUN_NUM_DISABLED_QUEUES: u16 = 9;
/// ip 6.1's IFLA_TUN_MAX.
const IFLA_TUN_MAX: u16 = 9;

const IFF_TUN: u8 = 1;
const IFF_TAP: u8 = 2;

pub(crate) fn print(p: &mut Printer, data: &[u8], _style: &LinkStyle) {
    let tb = Attrs::parse(data, IFLA_TUN_MAX);
    if let Some(kind) = tb.u8(IFLA_TUN_TYPE) {
        let name = match kind {
            IFF_TUN => "tun".to_string(),
            IFF_TAP => "tap".to_string(),
            other => format!("UNKNOWN:{other}"),
        };
        p.string(Kind::Any, Some("type"), "type {} ", name);
    }
    for (attr, key, format) in [
        (IFLA_TUN_PI, "pi", "pi {} "),
        (IFLA_TUN_VNET_HDR, "vnet_hdr", "vnet_hdr {} "),
    ] {
        if let Some(value) = tb.u8(attr) {
            crate::objects::link::kinds::shared::print::on_off(p, key, format, value != 0);
        }
    }
    if tb.u8(IFLA_TUN_MULTI_QUEUE).is_some_and(|mq| mq != 0) {
        p.boolean(Kind::Any, Some("multi_queue"), "multi_queue ", true);
        if let Some(queues) = tb.u32(IFLA_TUN_NUM_QUEUES) {
            uint(p, "numqueues", "numqueues {} ", queues);
        }
        if let Some(disabled) = tb.u32(IFLA_TUN_NUM_DISABLED_QUEUES) {
            uint(p, "numdisabled", "numdisabled {} ", disabled);
        }
    } else {
        p.boolean(Kind::Json, Some("multi_queue"), "", false);
    }
    if let Some(persist) = tb.u8(IFLA_TUN_PERSIST) {
        crate::objects::link::kinds::shared::print::on_off(
            p,
            "persist",
            "persist {} ",
            persist != 0,
        );
    }
    if let Some(uid) = tb.u32(IFLA_TUN_OWNER) {
        match nix::unistd::User::from_uid(uid.into()) {
            Ok(Some(user)) => p.string(Kind::Any, Some("user"), "user {} ", user.name),
            _ => uint(p, "user", "user {} ", uid),
        }
    }
    if let Some(gid) = tb.u32(IFLA_TUN_GROUP) {
        match nix::unistd::Group::from_gid(gid.into()) {
            Ok(Some(group)) => p.string(Kind::Any, Some("group"), "group {} ", group.name),
            _ => uint(p, "group", "group {} ", gid),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::objects::link::kinds::shared::print::testing::{attrs, render, text};

    #[test]
    fn multi_queue_and_unknown_owner() {
        let data = attrs(&[
            (IFLA_TUN_TYPE, &[1]),
            (IFLA_TUN_PI, &[1]),
            (IFLA_TUN_VNET_HDR, &[0]),
            (IFLA_TUN_MULTI_QUEUE, &[1]),
            (IFLA_TUN_NUM_QUEUES, &2u32.to_ne_bytes()),
            (IFLA_TUN_NUM_DISABLED_QUEUES, &1u32.to_ne_bytes()),
            (IFLA_TUN_PERSIST, &[1]),
            (IFLA_TUN_OWNER, &4_000_000_001u32.to_ne_bytes()),
        ]);
        assert_eq!(
            text("tun", print, &data),
            "type tun pi on vnet_hdr off multi_queue numqueues 2 numdisabled 1 persist on \
             user 4000000001 "
        );
        assert_eq!(
            render(print, &data, true),
            "[{\"info_data\":{\"type\":\"tun\",\"pi\":true,\"vnet_hdr\":false,\
             \"multi_queue\":true,\"numqueues\":2,\"numdisabled\":1,\"persist\":true,\
             \"user\":4000000001}}]\n"
        );
        let data = attrs(&[(IFLA_TUN_TYPE, &[9])]);
        assert_eq!(
            render(print, &data, true),
            "[{\"info_data\":{\"type\":\"UNKNOWN:9\",\"multi_queue\":false}}]\n"
        );
    }
}
