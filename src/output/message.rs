//! One entry point per object with the shared [`PrintMessage`] signature:
//! a kernel message printed as ip's `print_*` function for it prints it,
//! from the message and [`Names`] alone. Each wraps the object's own
//! printer; the registry lists them and `monitor` finds them there.

use super::address::{print_address, AddressStyle};
use super::link::{print_link, LinkStyle, Peer, Related};
use super::neighbor::{print_neigh, Device};
use super::{Names, Printer};
use crate::grammar::options::Family;
use crate::model::address::Address;
use crate::model::link::{
    Link, IFF_UP, IFLA_LINK, IFLA_LINK_NETNSID, IFLA_MASTER, IFLA_NEW_NETNSID, IFLA_TXQLEN,
};
use crate::model::neighbor::Neighbor;
use crate::model::nexthop::Nexthop;
use crate::model::rule::Rule;
use crate::objects::mroute::print::{print_mroute, Mroute};
use crate::objects::netconf::print::{
    print_netconf, Netconf, NETCONFA_IFINDEX_ALL, NETCONFA_IFINDEX_DEFAULT,
};
use crate::objects::nexthop::print::{print_bucket, print_nexthop};
use crate::objects::route::print::{print_nh_info, print_route, Hidden, Lookups};
use crate::objects::rule::print::print_rule;

const RTM_NEWRULE: u16 = 32;
const RTM_DELRULE: u16 = 33;
const RTM_NEWNEXTHOPBUCKET: u16 = 116;
const RTM_DELNEXTHOPBUCKET: u16 = 117;

/// The family number of `-4`/`-6`/`-0`/... (ip's `preferred_family`).
pub(crate) fn family_number(family: Family) -> u8 {
    match family {
        Family::Unspec => 0,
        Family::Inet => 2,
        Family::Inet6 => 10,
        Family::Packet => 17,
        Family::Mpls => 28,
        Family::Bridge => 7,
    }
}

/// The links a link message names (its peer, master and the namespaces
/// of its peer), from `names` (ip's `ll_map` and nsid caches).
pub(crate) fn related(p: &Printer, link: &Link, names: &Names) -> Related {
    let attrs = link.attrs();
    let mut related = Related::default();
    if let Some(iflink) = attrs.i32(IFLA_LINK) {
        related.peer = Some(if iflink == 0 {
            Peer::None
        } else if attrs.has(IFLA_LINK_NETNSID) {
            Peer::Index(iflink)
        } else {
            let down = names
                .links
                .get(&iflink)
                .is_some_and(|known| known.flags & IFF_UP == 0);
            Peer::Named {
                name: names.link_name(iflink),
                down,
            }
        });
    }
    related.master = attrs.i32(IFLA_MASTER).map(|index| names.link_name(index));
    let nsid_name = |attr: u16| match attrs.i32(attr).filter(|id| *id >= 0) {
        Some(id) if !p.is_json() => names.nsids.get(&id).cloned(),
        _ => None,
    };
    related.link_netns = nsid_name(IFLA_LINK_NETNSID);
    related.new_netns = nsid_name(IFLA_NEW_NETNSID);
    related
}

/// ip's `print_linkinfo` outside a link listing (no mode, no qlen).
pub(crate) fn link(p: &mut Printer, msg_type: u16, payload: &[u8], names: &Names) {
    let Some(mut link) = Link::from_payload(msg_type, payload) else {
        return;
    };
    // ip shows the queue length only in listings (its `filter.showqueue`).
    link.attr_bytes = without_attribute(&link.attr_bytes, IFLA_TXQLEN);
    let o = &names.options;
    let style = LinkStyle {
        do_link: false,
        details: o.details,
        stats: o.stats,
        human: o.human > 0,
        iec: o.iec > 0,
        numeric: o.numeric > 0,
        brief: o.brief > 0,
        family: family_number(o.family),
    };
    let related = related(p, &link, names);
    p.open_object(None);
    print_link(p, &link, &related, &style);
    p.close_object();
}

/// `attrs` (netlink attributes) with those of type `kind` left out.
fn without_attribute(attrs: &[u8], kind: u16) -> Vec<u8> {
    let mut kept = Vec::with_capacity(attrs.len());
    let mut rest = attrs;
    while rest.len() >= 4 {
        let len = usize::from(u16::from_ne_bytes([rest[0], rest[1]]));
        if len < 4 || len > rest.len() {
            break;
        }
        let end = crate::kernel::attrs::align4(len).min(rest.len());
        if u16::from_ne_bytes([rest[2], rest[3]]) & 0x3fff != kind {
            kept.extend_from_slice(&rest[..end]);
        }
        rest = &rest[end..];
    }
    kept
}

/// ip's `print_addrinfo` outside a link listing: the device comes first.
pub(crate) fn address(p: &mut Printer, msg_type: u16, payload: &[u8], names: &Names) {
    let Some(address) = Address::from_payload(msg_type, payload) else {
        return;
    };
    let o = &names.options;
    let style = AddressStyle {
        brief: o.brief > 0,
        with_device: true,
        numeric: o.numeric > 0,
        resolve: o.resolve > 0,
    };
    let device = names.link_name(address.header.index as i32);
    p.open_object(None);
    print_address(p, &address, &device, &style);
    p.close_object();
}

/// ip's `print_route` of any table.
pub(crate) fn route(p: &mut Printer, msg_type: u16, payload: &[u8], names: &Names) {
    let o = &names.options;
    let style = crate::objects::route::print::Style {
        numeric: o.numeric > 0,
        details: o.details > 0,
        stats: o.stats > 0,
        resolve: o.resolve > 0,
    };
    let link_name = |index: u32| names.link_name(index as i32);
    let plain = Lookups {
        link_name: &link_name,
        nexthop: None,
    };
    let nh_info = |p: &mut Printer, id: u32| {
        if let Some(payload) = names.nexthops.get(&id) {
            print_nh_info(p, payload, style, &plain);
        }
    };
    let lookups = Lookups {
        link_name: &link_name,
        nexthop: style.details.then_some(&nh_info as _),
    };
    let hidden = Hidden {
        dev: names.device_selected,
        ..Hidden::default()
    };
    print_route(p, msg_type, payload, style, &hidden, &lookups);
}

/// ip's `print_mroute` of any table.
pub(crate) fn mroute(p: &mut Printer, msg_type: u16, payload: &[u8], names: &Names) {
    let Some(route) = Mroute::parse(payload) else {
        return;
    };
    let o = &names.options;
    let style = crate::objects::mroute::print::Style {
        stats: o.stats > 0,
        details: o.details > 0,
        numeric: o.numeric > 0,
        table_filter: false,
    };
    let iif = match route.iif() {
        0 => None,
        index => Some(names.link_name(index)),
    };
    let oifs: Vec<Vec<u8>> = route
        .oifs()
        .into_iter()
        .map(|(index, _)| names.link_name(index))
        .collect();
    print_mroute(p, msg_type, &route, iif.as_deref(), &oifs, style);
}

/// ip's `print_neigh` with the device shown.
pub(crate) fn neighbor(p: &mut Printer, msg_type: u16, payload: &[u8], names: &Names) {
    let Some(neigh) = Neighbor::parse(payload) else {
        return;
    };
    let o = &names.options;
    // SAFETY: sysconf only reads a system constant.
    let hz = unsafe { nix::libc::sysconf(nix::libc::_SC_CLK_TCK) };
    let style = super::neighbor::Style {
        stats: o.stats > 0,
        numeric: o.numeric > 0,
        resolve: o.resolve > 0,
        brief: o.brief > 0,
        hide_dev: names.device_selected,
        hz: u32::try_from(hz).unwrap_or(100),
    };
    let index = neigh.header.ifindex;
    let name = names.link_name(index);
    let device = Device {
        name: &name,
        link_type: names.link_type(index),
    };
    print_neigh(p, msg_type, &neigh, Some(device), style);
}

/// ip's `print_rule`.
pub(crate) fn rule(p: &mut Printer, msg_type: u16, payload: &[u8], names: &Names) {
    if msg_type != RTM_NEWRULE && msg_type != RTM_DELRULE {
        return;
    }
    let Some(rule) = Rule::parse(payload) else {
        return;
    };
    let style = crate::objects::rule::print::Style {
        numeric: names.options.numeric > 0,
        details: names.options.details > 0,
    };
    print_rule(p, msg_type, &rule, style);
}

/// ip's `print_cache_nexthop` (and `print_nexthop_bucket` for buckets).
pub(crate) fn nexthop(p: &mut Printer, msg_type: u16, payload: &[u8], names: &Names) {
    if msg_type == RTM_NEWNEXTHOPBUCKET || msg_type == RTM_DELNEXTHOPBUCKET {
        print_bucket(p, payload);
        return;
    }
    let Some(nh) = Nexthop::parse(payload) else {
        return;
    };
    let dev = nh.oif().map(|index| names.link_name(index as i32));
    let o = &names.options;
    let style = crate::objects::nexthop::print::Style {
        details: o.details > 0,
        numeric: o.numeric > 0,
        resolve: o.resolve > 0,
    };
    // An unprintable message already got ip's marker.
    let _ = print_nexthop(p, msg_type, &nh, dev.as_deref(), style);
}

/// ip's `print_netconf`.
pub(crate) fn netconf(p: &mut Printer, msg_type: u16, payload: &[u8], names: &Names) {
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
    use super::super::{KnownLink, Names, PrintMessage, Printer};
    use crate::grammar::options::Options;

    /// Every printer the registry holds, and the prefix printer.
    fn printers() -> Vec<PrintMessage> {
        let mut all: Vec<PrintMessage> = crate::registry::OBJECTS
            .iter()
            .filter_map(|object| object.printer)
            .collect();
        all.push(super::super::prefix::print_message);
        all
    }

    /// A pseudo-random byte stream (xorshift), so the test is repeatable.
    fn noise(seed: u64, len: usize) -> Vec<u8> {
        let mut state = seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
        (0..len)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                state as u8
            })
            .collect()
    }

    /// A plausible message: a zeroed header of `header` bytes, then
    /// attributes of every type with lengths that lie.
    fn attributes(header: usize, seed: u64) -> Vec<u8> {
        let mut bytes = vec![0u8; header];
        let random = noise(seed, 64);
        for kind in 0u16..64 {
            let len = [4u16, 5, 6, 8, 12, 20, 3, 255][usize::from(kind) % 8];
            bytes.extend(len.to_ne_bytes());
            bytes.extend(kind.to_ne_bytes());
            let body = usize::from(len.saturating_sub(4));
            bytes.extend(random.iter().cycle().take(body));
            while !bytes.len().is_multiple_of(4) {
                bytes.push(0);
            }
        }
        bytes
    }

    #[test]
    fn every_printer_survives_garbage_and_truncation() {
        let printers = printers();
        assert_eq!(printers.len(), 10);
        let mut names = Names::default();
        names.links.insert(
            1,
            KnownLink {
                name: b"lo".to_vec(),
                flags: 1,
                link_type: 772,
            },
        );
        let mut messages: Vec<Vec<u8>> = Vec::new();
        for header in [4, 8, 12, 16, 28] {
            let whole = attributes(header, header as u64);
            for cut in 0..whole.len().min(200) {
                messages.push(whole[..cut].to_vec());
            }
            messages.push(whole);
        }
        for seed in 0..200 {
            messages.push(noise(seed, (seed as usize * 7) % 300));
        }
        for options in [
            Options::default(),
            Options {
                details: 2,
                stats: 2,
                json: 1,
                ..Options::default()
            },
        ] {
            names.options = options.clone();
            let (mut p, _) = Printer::capture(&options);
            for printer in &printers {
                for msg_type in 16u16..120 {
                    for message in &messages {
                        p.merge_next_object();
                        printer(&mut p, msg_type, message, &names);
                    }
                }
            }
        }
    }
}
