//! What the kernel says about the waited-for object, kept up to date from
//! a dump and then from events.
//!
//! Every RTM_NEW*/RTM_DEL* message, dumped or notified, carries the whole
//! object, so each one replaces what was known of that object: a watch
//! never needs to ask the kernel again except after lost events.

use std::collections::BTreeMap;

use super::grammar::{AddressWant, LinkWant, Presence};
use crate::grammar::inet::Prefix;
use crate::kernel::attrs::{cstr, Attrs};
use crate::model::route::{
    HEADER_LEN, RTA_DST, RTA_MULTIPATH, RTA_OIF, RTA_PRIORITY, RTA_TABLE, RTNH_LEN,
};

const RTM_NEWLINK: u16 = 16;
const RTM_DELLINK: u16 = 17;
pub(crate) const RTM_GETLINK: u16 = 18;
const RTM_NEWADDR: u16 = 20;
const RTM_DELADDR: u16 = 21;
const RTM_NEWROUTE: u16 = 24;
const RTM_DELROUTE: u16 = 25;
pub(crate) const RTM_GETROUTE: u16 = 26;

pub(crate) const RTNLGRP_LINK: u32 = 1;
pub(crate) const RTNLGRP_IPV4_IFADDR: u32 = 5;
pub(crate) const RTNLGRP_IPV4_ROUTE: u32 = 7;
pub(crate) const RTNLGRP_IPV6_IFADDR: u32 = 9;
pub(crate) const RTNLGRP_IPV6_ROUTE: u32 = 11;

const IFF_UP: u32 = 0x1;
const IFF_LOWER_UP: u32 = 0x10000;
const IFLA_IFNAME: u16 = 3;
const IFINFO_LEN: usize = 16;

const IFA_ADDRESS: u16 = 1;
const IFA_LOCAL: u16 = 2;
const IFA_FLAGS: u16 = 8;
const IFA_F_DADFAILED: u32 = 0x08;
const IFA_F_TENTATIVE: u32 = 0x40;
const IFADDR_LEN: usize = 8;

/// Whether a message is a link's (new, changed or deleted).
pub(crate) fn is_link_event(msg_type: u16) -> bool {
    msg_type == RTM_NEWLINK || msg_type == RTM_DELLINK
}

/// A link by name; a rename away or a move to another namespace is `gone`.
#[derive(Debug, Clone)]
pub(crate) struct LinkWatch {
    pub name: String,
    pub want: LinkWant,
    /// Index and flags while the link exists.
    seen: Option<(i32, u32)>,
}

impl LinkWatch {
    pub fn new(name: String, want: LinkWant) -> Self {
        LinkWatch {
            name,
            want,
            seen: None,
        }
    }

    pub fn clear(&mut self) {
        self.seen = None;
    }

    pub fn observe(&mut self, msg_type: u16, payload: &[u8]) {
        let Some(header) = payload.get(..IFINFO_LEN) else {
            return;
        };
        // Bridge ports are notified again with family AF_BRIDGE (and a
        // DELLINK when they leave the bridge): only the link itself counts.
        if header[0] != 0 {
            return;
        }
        let index = i32::from_ne_bytes(header[4..8].try_into().expect("4 bytes"));
        let flags = u32::from_ne_bytes(header[8..12].try_into().expect("4 bytes"));
        let attrs = Attrs::parse(&payload[IFINFO_LEN..], IFLA_IFNAME);
        let named = attrs.str(IFLA_IFNAME).map(cstr) == Some(self.name.as_bytes());
        let known = self.seen.is_some_and(|(seen, _)| seen == index);
        match msg_type {
            RTM_NEWLINK if named => self.seen = Some((index, flags)),
            RTM_NEWLINK | RTM_DELLINK if known || named => self.seen = None,
            _ => {}
        }
    }

    pub fn holds(&self) -> bool {
        let flags = self.seen.map(|(_, flags)| flags);
        match self.want {
            LinkWant::Exists => flags.is_some(),
            LinkWant::Gone => flags.is_none(),
            LinkWant::Up => flags.is_some_and(|f| f & IFF_UP != 0),
            LinkWant::Down => flags.is_some_and(|f| f & IFF_UP == 0),
            LinkWant::Carrier => flags.is_some_and(|f| f & IFF_UP != 0 && f & IFF_LOWER_UP != 0),
        }
    }

    /// What the link is now, in words: `down`, `up, no carrier`, ...
    pub fn state(&self) -> &'static str {
        match self.seen {
            None => "gone",
            Some((_, f)) if f & IFF_UP == 0 => "down",
            Some((_, f)) if f & IFF_LOWER_UP == 0 => "up, no carrier",
            Some(_) => "up, carrier",
        }
    }
}

/// Addresses equal to the waited-for one (and of its length and device,
/// when given), by device and length, with their flags.
#[derive(Debug, Clone)]
pub(crate) struct AddressWatch {
    pub address: Prefix,
    pub ifindex: Option<i32>,
    pub want: AddressWant,
    seen: BTreeMap<(i32, u8), u32>,
}

impl AddressWatch {
    pub fn new(address: Prefix, ifindex: Option<i32>, want: AddressWant) -> Self {
        AddressWatch {
            address,
            ifindex,
            want,
            seen: BTreeMap::new(),
        }
    }

    pub fn clear(&mut self) {
        self.seen.clear();
    }

    pub fn observe(&mut self, msg_type: u16, payload: &[u8]) {
        let Some(header) = payload.get(..IFADDR_LEN) else {
            return;
        };
        let (family, plen, index) = (
            header[0],
            header[1],
            i32::from_ne_bytes(header[4..8].try_into().expect("4 bytes")),
        );
        let attrs = Attrs::parse(&payload[IFADDR_LEN..], IFA_FLAGS);
        // IFA_LOCAL is the address of the device; IFA_ADDRESS is the peer's
        // on point-to-point links and the same address elsewhere.
        let local = attrs.get(IFA_LOCAL).or_else(|| attrs.get(IFA_ADDRESS));
        let wanted_length = self.address.prefix_specified;
        if family != self.address.family
            || local != Some(self.address.bytes())
            || (wanted_length && i32::from(plen) != self.address.bitlen)
            || self.ifindex.is_some_and(|wanted| wanted != index)
        {
            return;
        }
        let flags = attrs.u32(IFA_FLAGS).unwrap_or(u32::from(header[2]));
        match msg_type {
            RTM_NEWADDR => {
                self.seen.insert((index, plen), flags);
            }
            RTM_DELADDR => {
                self.seen.remove(&(index, plen));
            }
            _ => {}
        }
    }

    fn ready(flags: u32) -> bool {
        flags & (IFA_F_TENTATIVE | IFA_F_DADFAILED) == 0
    }

    pub fn holds(&self) -> bool {
        match self.want {
            AddressWant::Present => !self.seen.is_empty(),
            AddressWant::Ready => self.seen.values().any(|f| Self::ready(*f)),
            AddressWant::Gone => self.seen.is_empty(),
        }
    }

    pub fn state(&self) -> &'static str {
        if self.seen.values().any(|f| Self::ready(*f)) {
            "ready"
        } else if self.seen.values().any(|f| f & IFA_F_DADFAILED != 0) {
            "dadfailed"
        } else if self.seen.is_empty() {
            "gone"
        } else {
            "tentative"
        }
    }
}

/// Routes to exactly the waited-for prefix in the table (and through the
/// device) asked for, by table, metric and output device.
#[derive(Debug, Clone)]
pub(crate) struct RouteWatch {
    pub prefix: Prefix,
    pub table: Option<u32>,
    pub oif: Option<i32>,
    pub want: Presence,
    seen: BTreeMap<(u32, u32, u8, i32), ()>,
}

impl RouteWatch {
    pub fn new(prefix: Prefix, table: Option<u32>, oif: Option<i32>, want: Presence) -> Self {
        RouteWatch {
            prefix,
            table,
            oif,
            want,
            seen: BTreeMap::new(),
        }
    }

    pub fn clear(&mut self) {
        self.seen.clear();
    }

    pub fn observe(&mut self, msg_type: u16, payload: &[u8]) {
        if msg_type != RTM_NEWROUTE && msg_type != RTM_DELROUTE {
            return;
        }
        let Some(header) = payload.get(..HEADER_LEN) else {
            return;
        };
        let (family, dst_len, tos) = (header[0], header[1], header[3]);
        let attrs = Attrs::parse(&payload[HEADER_LEN..], RTA_TABLE);
        let table = attrs.u32(RTA_TABLE).unwrap_or(u32::from(header[4]));
        let dst = attrs.get(RTA_DST).unwrap_or(&[]);
        let wanted_dst = &self.prefix.bytes()[..(self.prefix.bitlen.max(0) as usize).div_ceil(8)];
        if family != self.prefix.family
            || i32::from(dst_len) != self.prefix.bitlen
            || dst.get(..wanted_dst.len()) != Some(wanted_dst)
            || self.table.is_some_and(|wanted| wanted != table)
        {
            return;
        }
        let oif = attrs.i32(RTA_OIF).unwrap_or(0);
        if let Some(wanted) = self.oif {
            let through = oif == wanted
                || attrs
                    .get(RTA_MULTIPATH)
                    .is_some_and(|hops| nexthop_indexes(hops).any(|index| index == wanted));
            if !through {
                return;
            }
        }
        let key = (table, attrs.u32(RTA_PRIORITY).unwrap_or(0), tos, oif);
        if msg_type == RTM_NEWROUTE {
            self.seen.insert(key, ());
        } else {
            self.seen.remove(&key);
        }
    }

    pub fn holds(&self) -> bool {
        match self.want {
            Presence::Present => !self.seen.is_empty(),
            Presence::Gone => self.seen.is_empty(),
        }
    }

    pub fn state(&self) -> &'static str {
        if self.seen.is_empty() {
            "gone"
        } else {
            "present"
        }
    }
}

/// The device indexes of an RTA_MULTIPATH's nexthops (struct rtnexthop).
fn nexthop_indexes(mut hops: &[u8]) -> impl Iterator<Item = i32> + '_ {
    std::iter::from_fn(move || {
        let len = usize::from(u16::from_ne_bytes(hops.get(..2)?.try_into().ok()?));
        if len < RTNH_LEN || len > hops.len() {
            return None;
        }
        let index = i32::from_ne_bytes(hops[4..8].try_into().ok()?);
        hops = hops.get(crate::kernel::attrs::align4(len)..).unwrap_or(&[]);
        Some(index)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grammar::inet::{get_prefix, AF_INET6};

    fn attr(kind: u16, payload: &[u8]) -> Vec<u8> {
        let mut bytes = ((4 + payload.len()) as u16).to_ne_bytes().to_vec();
        bytes.extend_from_slice(&kind.to_ne_bytes());
        bytes.extend_from_slice(payload);
        bytes.resize(crate::kernel::attrs::align4(bytes.len()), 0);
        bytes
    }

    fn link(family: u8, index: i32, flags: u32, name: &str) -> Vec<u8> {
        let mut bytes = vec![family, 0, 1, 0];
        bytes.extend_from_slice(&index.to_ne_bytes());
        bytes.extend_from_slice(&flags.to_ne_bytes());
        bytes.extend_from_slice(&0u32.to_ne_bytes());
        bytes.extend(attr(IFLA_IFNAME, format!("{name}\0").as_bytes()));
        bytes
    }

    #[test]
    fn link_follows_flags_renames_and_deletion() {
        let mut watch = LinkWatch::new("va".into(), LinkWant::Up);
        watch.observe(RTM_NEWLINK, &link(0, 5, 0, "va"));
        assert_eq!((watch.holds(), watch.state()), (false, "down"));
        watch.observe(RTM_NEWLINK, &link(0, 5, IFF_UP, "va"));
        assert_eq!((watch.holds(), watch.state()), (true, "up, no carrier"));
        // A bridge's view of its port is not the link leaving.
        watch.observe(RTM_DELLINK, &link(7, 5, IFF_UP, "va"));
        assert!(watch.holds());
        watch.observe(RTM_NEWLINK, &link(0, 5, IFF_UP, "vb"));
        assert_eq!((watch.holds(), watch.state()), (false, "gone"));
        watch.observe(RTM_NEWLINK, &link(0, 6, IFF_UP | IFF_LOWER_UP, "va"));
        watch.want = LinkWant::Carrier;
        assert!(watch.holds());
        watch.observe(RTM_DELLINK, &link(0, 6, 0, "va"));
        watch.want = LinkWant::Gone;
        assert!(watch.holds());
    }

    fn address(msg_type_flags: u32, index: i32, plen: u8, addr: &[u8]) -> Vec<u8> {
        let mut bytes = vec![AF_INET6, plen, 0, 0];
        bytes.extend_from_slice(&index.to_ne_bytes());
        bytes.extend(attr(IFA_ADDRESS, addr));
        bytes.extend(attr(IFA_FLAGS, &msg_type_flags.to_ne_bytes()));
        bytes
    }

    #[test]
    fn address_is_ready_once_dad_is_done() {
        let wanted = get_prefix("2001:db8::1", AF_INET6).unwrap();
        let mut watch = AddressWatch::new(wanted, Some(3), AddressWant::Ready);
        let other = get_prefix("2001:db8::2", AF_INET6).unwrap();
        watch.observe(RTM_NEWADDR, &address(0, 3, 64, other.bytes()));
        assert_eq!(watch.state(), "gone");
        watch.observe(RTM_NEWADDR, &address(0, 4, 64, wanted.bytes()));
        assert_eq!(watch.state(), "gone", "another device");
        watch.observe(
            RTM_NEWADDR,
            &address(IFA_F_TENTATIVE, 3, 64, wanted.bytes()),
        );
        assert_eq!((watch.holds(), watch.state()), (false, "tentative"));
        watch.observe(RTM_NEWADDR, &address(0, 3, 64, wanted.bytes()));
        assert_eq!((watch.holds(), watch.state()), (true, "ready"));
        watch.observe(RTM_DELADDR, &address(0, 3, 64, wanted.bytes()));
        watch.want = AddressWant::Gone;
        assert!(watch.holds());
    }

    fn route(msg: u16, table: u32, dst: &[u8], len: u8, oif: i32) -> (u16, Vec<u8>) {
        let mut bytes = vec![AF_INET6, len, 0, 0, 254, 3, 0, 1];
        bytes.extend_from_slice(&0u32.to_ne_bytes());
        bytes.extend(attr(RTA_TABLE, &table.to_ne_bytes()));
        bytes.extend(attr(RTA_DST, dst));
        bytes.extend(attr(RTA_OIF, &oif.to_ne_bytes()));
        (msg, bytes)
    }

    #[test]
    fn route_matches_prefix_table_and_device() {
        let prefix = get_prefix("2001:db8:1::/64", AF_INET6).unwrap();
        let mut watch = RouteWatch::new(prefix, Some(254), Some(2), Presence::Present);
        for (msg, bytes) in [
            route(RTM_NEWROUTE, 100, prefix.bytes(), 64, 2),
            route(RTM_NEWROUTE, 254, prefix.bytes(), 48, 2),
            route(RTM_NEWROUTE, 254, prefix.bytes(), 64, 3),
        ] {
            watch.observe(msg, &bytes);
            assert!(!watch.holds());
        }
        let (msg, bytes) = route(RTM_NEWROUTE, 254, prefix.bytes(), 64, 2);
        watch.observe(msg, &bytes);
        assert_eq!(watch.state(), "present");
        let (msg, bytes) = route(RTM_DELROUTE, 254, prefix.bytes(), 64, 2);
        watch.observe(msg, &bytes);
        assert_eq!(watch.state(), "gone");
    }

    #[test]
    fn multipath_nexthops_are_read() {
        let mut hops = Vec::new();
        for index in [7i32, 9] {
            hops.extend_from_slice(&8u16.to_ne_bytes());
            hops.extend_from_slice(&[0, 0]);
            hops.extend_from_slice(&index.to_ne_bytes());
        }
        assert_eq!(nexthop_indexes(&hops).collect::<Vec<_>>(), [7, 9]);
    }
}
