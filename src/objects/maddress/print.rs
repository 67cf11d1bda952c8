//! Multicast addresses in `ip maddress show`'s layout (ip/ipmaddr.c
//! `print_mlist`): a `INDEX:\tNAME` header per device, then one line per
//! address (`link  MAC`, `inet  ADDR`, `inet6 ADDR`, with `users N` and
//! `static` where they apply). The same calls give text and JSON.

use crate::grammar::inet::{family_name, AF_PACKET};
use crate::objects::addrlabel::print::{family_color, host_text};
use crate::output::{Color, Kind, Printer};

/// One multicast address of one device, as /proc/net lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Membership {
    pub index: i32,
    pub device: Vec<u8>,
    /// AF_PACKET for link-layer addresses, else AF_INET/AF_INET6.
    pub family: u8,
    pub address: Vec<u8>,
    pub users: i32,
    /// A static link-layer entry (dev_mcast's `st` column).
    pub is_static: bool,
}

/// lib/ll_addr.c `ll_addr_n2a` for a link-layer address: hex bytes
/// separated by colons.
fn link_text(bytes: &[u8]) -> String {
    let parts: Vec<String> = bytes.iter().map(|b| format!("{b:02x}")).collect();
    parts.join(":")
}

fn print_membership(p: &mut Printer, entry: &Membership, resolve: bool) {
    p.text("\t");
    p.open_object(None);
    if entry.family == AF_PACKET {
        p.text("link  ");
        p.color_string(
            Kind::Any,
            Some(Color::Mac),
            Some("link"),
            "{}",
            link_text(&entry.address),
        );
    } else {
        let name = family_name(entry.family);
        if p.is_json() {
            p.string(Kind::Json, Some("family"), "", name);
        } else {
            p.text(format!("{name:<5} "));
        }
        p.color_string(
            Kind::Any,
            family_color(entry.family),
            Some("address"),
            "{}",
            host_text(entry.family, &entry.address, resolve),
        );
    }
    if entry.users != 1 {
        p.int(Kind::Any, Some("users"), " users {}", entry.users as u32);
    }
    if entry.is_static {
        p.string(Kind::Any, Some("features"), " {}", "static");
    }
    p.text("\n");
    p.close_object();
}

/// The whole list, grouped by device (sorted by index beforehand); with
/// `oneline` every address gets its own device header, as with ip.
pub fn print_memberships(p: &mut Printer, list: &[Membership], oneline: bool, resolve: bool) {
    let mut current = 0;
    p.begin_list();
    for entry in list {
        if entry.index != current || oneline {
            if current != 0 {
                p.close_array(Kind::Json, "");
                p.close_object();
            }
            p.open_object(None);
            p.int(Kind::Any, Some("ifindex"), "{}:", entry.index);
            p.color_string(
                Kind::Any,
                Some(Color::Ifname),
                Some("ifname"),
                "\t{}",
                &entry.device,
            );
            p.nl();
            current = entry.index;
            p.open_array(Kind::Json, "maddr", "");
        }
        print_membership(p, entry, resolve);
    }
    if current != 0 {
        p.close_array(Kind::Json, "");
        p.close_object();
    }
    p.end_list();
}
