//! One netconf entry in ip's layout (ip/ipnetconf.c `print_netconf`):
//! `FAMILY [IFNAME ][forwarding on|off ][rp_filter off|strict|loose ]...`,
//! the same calls giving text and JSON.

use crate::grammar::inet::family_name;
use crate::kernel::attrs::Attrs;
use crate::output::{Color, Kind, Names, Printer};

pub const RTM_NEWNETCONF: u16 = 80;
pub const RTM_DELNETCONF: u16 = 81;
pub const RTM_GETNETCONF: u16 = 82;

pub const NETCONFA_IFINDEX: u16 = 1;
const NETCONFA_FORWARDING: u16 = 2;
const NETCONFA_RP_FILTER: u16 = 3;
const NETCONFA_MC_FORWARDING: u16 = 4;
const NETCONFA_PROXY_NEIGH: u16 = 5;
const NETCONFA_IGNORE_ROUTES_WITH_LINKDOWN: u16 = 6;
const NETCONFA_INPUT: u16 = 7;
pub const NETCONFA_MAX: u16 = 10;

/// The pseudo-devices of the `all` and `default` settings.
pub const NETCONFA_IFINDEX_ALL: i32 = -1;
pub const NETCONFA_IFINDEX_DEFAULT: i32 = -2;

/// The settings of one netconf message: its family and its attributes.
pub struct Netconf<'a> {
    pub family: u8,
    pub attrs: Attrs<'a>,
}

impl<'a> Netconf<'a> {
    /// The payload of an RTM_NEWNETCONF (netconfmsg, padded to 4 bytes,
    /// then attributes); `None` when it is shorter than its header.
    pub fn parse(payload: &'a [u8]) -> Option<Self> {
        let family = *payload.first()?;
        let attrs = Attrs::parse(payload.get(4..)?, NETCONFA_MAX);
        Some(Netconf { family, attrs })
    }

    /// The device the settings are for (`NETCONFA_IFINDEX_ALL`, ...).
    pub fn ifindex(&self) -> Option<i32> {
        self.attrs.i32(NETCONFA_IFINDEX)
    }
}

/// ip's `print_on_off`: `on`/`off` in text, a boolean in JSON.
fn on_off(p: &mut Printer, key: &str, format: &str, value: u32) {
    if p.is_json() {
        p.boolean(Kind::Json, Some(key), "", value != 0);
    } else {
        p.string(
            Kind::Text,
            None,
            format,
            if value != 0 { "on" } else { "off" },
        );
    }
}

const RP_FILTER_NAMES: [&str; 3] = ["off", "strict", "loose"];

/// Prints one entry. `dev` is the device's name, looked up beforehand
/// (`all` and `default` for the pseudo-devices).
pub fn print_netconf(p: &mut Printer, msg_type: u16, netconf: &Netconf<'_>, dev: Option<&[u8]>) {
    let attrs = &netconf.attrs;
    p.open_object(None);
    if msg_type == RTM_DELNETCONF {
        p.boolean(Kind::Any, Some("deleted"), "Deleted ", true);
    }
    p.string(
        Kind::Any,
        Some("family"),
        "{} ",
        family_name(netconf.family),
    );
    if let Some(dev) = dev {
        p.color_string(
            Kind::Any,
            Some(Color::Ifname),
            Some("interface"),
            "{} ",
            dev,
        );
    }
    if let Some(value) = attrs.u32(NETCONFA_FORWARDING) {
        on_off(p, "forwarding", "forwarding {} ", value);
    }
    if let Some(value) = attrs.u32(NETCONFA_RP_FILTER) {
        match RP_FILTER_NAMES.get(value as usize) {
            Some(name) => p.string(Kind::Any, Some("rp_filter"), "rp_filter {} ", name),
            None => p.int(Kind::Any, Some("rp_filter"), "rp_filter {} ", value),
        }
    }
    if let Some(value) = attrs.u32(NETCONFA_MC_FORWARDING) {
        on_off(p, "mc_forwarding", "mc_forwarding {} ", value);
    }
    if let Some(value) = attrs.u32(NETCONFA_PROXY_NEIGH) {
        on_off(p, "proxy_neigh", "proxy_neigh {} ", value);
    }
    if let Some(value) = attrs.u32(NETCONFA_IGNORE_ROUTES_WITH_LINKDOWN) {
        on_off(
            p,
            "ignore_routes_with_linkdown",
            "ignore_routes_with_linkdown {} ",
            value,
        );
    }
    if let Some(value) = attrs.u32(NETCONFA_INPUT) {
        on_off(p, "input", "input {} ", value);
    }
    p.close_object();
    p.text("\n");
}

/// ip's `print_netconf`.
pub(crate) fn message(p: &mut Printer, msg_type: u16, payload: &[u8], names: &Names) {
    let Some(netconf) = Netconf::parse(payload) else {
        return;
    };
    let dev = netconf.ifindex().map(|index| match index {
        NETCONFA_IFINDEX_ALL => b"all".to_vec(),
        NETCONFA_IFINDEX_DEFAULT => b"default".to_vec(),
        index => names.link_name(index),
    });
    print_netconf(p, msg_type, &netconf, dev.as_deref());
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grammar::options::Options;
    use crate::kernel::attrs::Request;

    fn message(family: u8, attrs: &[(u16, u32)]) -> Vec<u8> {
        let mut request = Request::new(RTM_NEWNETCONF, 0).fixed(&[family]);
        for (kind, value) in attrs {
            request = request.attr_u32(*kind, *value);
        }
        request.finish(0)[16..].to_vec()
    }

    fn printed(options: &Options, payload: &[u8], dev: Option<&[u8]>) -> String {
        let (mut p, buffer) = Printer::capture(options);
        p.begin_list();
        print_netconf(
            &mut p,
            RTM_DELNETCONF,
            &Netconf::parse(payload).unwrap(),
            dev,
        );
        p.end_list();
        p.flush();
        let text = String::from_utf8(buffer.lock().unwrap().clone()).unwrap();
        text
    }

    #[test]
    fn every_setting_in_ip_order() {
        let payload = message(
            2,
            &[
                (NETCONFA_INPUT, 1),
                (NETCONFA_IFINDEX, 1),
                (NETCONFA_RP_FILTER, 7),
                (NETCONFA_FORWARDING, 1),
                (NETCONFA_PROXY_NEIGH, 0),
            ],
        );
        assert_eq!(
            printed(&Options::default(), &payload, Some(b"lo")),
            "Deleted inet lo forwarding on rp_filter 7 proxy_neigh off input on \n"
        );
        let json = Options {
            json: 1,
            ..Options::default()
        };
        assert_eq!(
            printed(&json, &payload, Some(b"lo")),
            "[{\"deleted\":true,\"family\":\"inet\",\"interface\":\"lo\",\"forwarding\":true,\
             \"rp_filter\":7,\"proxy_neigh\":false,\"input\":true}]\n"
        );
    }
}
