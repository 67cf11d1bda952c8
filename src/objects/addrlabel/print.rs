//! One address label in `ip addrlabel list`'s layout (ip/ipaddrlabel.c
//! `print_addrlabel`): `prefix ADDR/LEN [dev NAME] label N`, the same calls
//! giving text and JSON.

use crate::grammar::inet::{format_address, resolve_address, AF_INET, AF_INET6};
use crate::kernel::attrs::Attrs;
use crate::output::{Color, Kind, Printer};

pub const RTM_NEWADDRLABEL: u16 = 72;
pub const RTM_DELADDRLABEL: u16 = 73;
pub const IFAL_ADDRESS: u16 = 1;
pub const IFAL_LABEL: u16 = 2;
pub const IFAL_MAX: u16 = 2;
/// `struct ifaddrlblmsg`: family, reserved, prefixlen, flags, index, seq.
pub const IFADDRLBLMSG_LEN: usize = 12;

/// One RTM_NEWADDRLABEL/RTM_DELADDRLABEL message.
#[derive(Debug, Clone, Copy)]
pub struct Addrlabel<'a> {
    pub msg_type: u16,
    pub family: u8,
    pub prefixlen: u8,
    pub index: u32,
    pub attrs: &'a [u8],
}

impl<'a> Addrlabel<'a> {
    /// The message's parts, None when it is too short to be one.
    pub fn parse(msg_type: u16, payload: &'a [u8]) -> Option<Self> {
        if payload.len() < IFADDRLBLMSG_LEN {
            return None;
        }
        Some(Addrlabel {
            msg_type,
            family: payload[0],
            prefixlen: payload[2],
            index: u32::from_ne_bytes(payload[4..8].try_into().ok()?),
            attrs: &payload[IFADDRLBLMSG_LEN..],
        })
    }
}

pub(crate) fn family_color(family: u8) -> Option<Color> {
    match family {
        AF_INET => Some(Color::Inet),
        AF_INET6 => Some(Color::Inet6),
        _ => None,
    }
}

/// ip's `format_host`: the name `-resolve` finds, else the address.
pub(crate) fn host_text(family: u8, bytes: &[u8], resolve: bool) -> String {
    resolve
        .then(|| resolve_address(family, bytes))
        .flatten()
        .unwrap_or_else(|| format_address(family, bytes))
}

/// Prints one label; `device` is the name of its link (looked up before).
pub fn print_addrlabel(p: &mut Printer, label: &Addrlabel<'_>, device: &[u8], resolve: bool) {
    if label.msg_type != RTM_NEWADDRLABEL && label.msg_type != RTM_DELADDRLABEL {
        return;
    }
    let attrs = Attrs::parse(label.attrs, IFAL_MAX);
    p.open_object(None);
    if label.msg_type == RTM_DELADDRLABEL {
        p.boolean(Kind::Any, Some("deleted"), "Deleted ", true);
    }
    if let Some(address) = attrs.get(IFAL_ADDRESS) {
        p.text("prefix ");
        p.color_string(
            Kind::Any,
            family_color(label.family),
            Some("address"),
            "{}",
            host_text(label.family, address, resolve),
        );
        p.int(Kind::Any, Some("prefixlen"), "/{} ", label.prefixlen);
    }
    if label.index != 0 {
        p.text("dev ");
        p.color_string(
            Kind::Any,
            Some(Color::Ifname),
            Some("ifname"),
            "{} ",
            device,
        );
    }
    if let Some(value) = attrs.get(IFAL_LABEL).filter(|value| value.len() == 4) {
        let value = u32::from_ne_bytes(value.try_into().expect("4 bytes"));
        p.int(Kind::Any, Some("label"), "label {} ", value);
    }
    p.text("\n");
    p.close_object();
}
