//! What the kernel has, in the terms of a topology file: per namespace its
//! links (name, kind, up, master), addresses, routes of the main table that
//! were added by hand (protocol boot or static) and permanent neighbours.
//! The plan is the difference between this and the file.

use std::net::IpAddr;

use netlink_packet_route::address::{AddressAttribute, AddressMessage, AddressScope};
use netlink_packet_route::link::{LinkAttribute, LinkFlags, LinkInfo, LinkMessage};
use netlink_packet_route::neighbour::{
    NeighbourAddress, NeighbourAttribute, NeighbourMessage, NeighbourState,
};
use netlink_packet_route::route::{
    RouteAddress, RouteAttribute, RouteMessage, RouteProtocol, RouteType,
};
use netlink_packet_route::RouteNetlinkMessage;

use super::topology::{Netns, Prefix};
use crate::context::Context;
use crate::error::{Error, Result};

/// The main routing table's id.
const MAIN_TABLE: u32 = 254;

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct LinkState {
    pub index: u32,
    pub name: String,
    /// IFLA_INFO_KIND: `veth`, `bridge`, `tun`; none for `lo`.
    pub kind: Option<String>,
    pub up: bool,
    pub master: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct AddressState {
    pub dev: String,
    pub prefix: Prefix,
    /// Only addresses of global scope are the file's business: link-local
    /// and host addresses are the kernel's own.
    pub global: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RouteState {
    pub to: Prefix,
    pub via: Option<IpAddr>,
    pub dev: Option<String>,
    pub metric: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct NeighborState {
    pub dev: String,
    pub address: IpAddr,
    pub lladdr: String,
}

/// One namespace's state.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct NamespaceState {
    pub links: Vec<LinkState>,
    pub addresses: Vec<AddressState>,
    pub routes: Vec<RouteState>,
    pub neighbors: Vec<NeighborState>,
}

impl NamespaceState {
    /// What a namespace `netns add` has just made holds: `lo`, down.
    pub(crate) fn fresh() -> Self {
        NamespaceState {
            links: vec![LinkState {
                index: 1,
                name: "lo".to_string(),
                kind: None,
                up: false,
                master: None,
            }],
            ..NamespaceState::default()
        }
    }

    pub(crate) fn link(&self, name: &str) -> Option<&LinkState> {
        self.links.iter().find(|link| link.name == name)
    }
}

/// Reads the state of `netns` (entered for the read), or `None` when that
/// namespace does not exist.
pub(crate) fn read(netns: &Netns) -> Result<Option<NamespaceState>> {
    if let Some(name) = netns {
        if crate::kernel::namespace::is_namespace(std::ffi::OsStr::new(name)) != Some(true) {
            return Ok(None);
        }
    }
    super::execute::in_namespace(netns, |ctx| read_here(ctx).map(Some))
}

fn read_here(ctx: &mut Context) -> Result<NamespaceState> {
    let raw = ctx.raw()?;
    let mut state = NamespaceState::default();
    let links = raw
        .dump_typed(RouteNetlinkMessage::GetLink(LinkMessage::default()))
        .map_err(Error::dump_terminated)?;
    let mut masters = Vec::new();
    for message in links {
        let RouteNetlinkMessage::NewLink(link) = message else {
            continue;
        };
        let mut name = None;
        let mut kind = None;
        let mut master = None;
        for attribute in &link.attributes {
            match attribute {
                LinkAttribute::IfName(text) => name = Some(text.clone()),
                LinkAttribute::Controller(index) => master = Some(*index),
                LinkAttribute::LinkInfo(infos) => {
                    for info in infos {
                        if let LinkInfo::Kind(found) = info {
                            kind = Some(found.to_string());
                        }
                    }
                }
                _ => {}
            }
        }
        masters.push(master);
        state.links.push(LinkState {
            index: link.header.index,
            name: name.unwrap_or_default(),
            kind,
            up: link.header.flags.contains(LinkFlags::Up),
            master: None,
        });
    }
    let name_of = |links: &[LinkState], index: u32| {
        links
            .iter()
            .find(|link| link.index == index)
            .map(|link| link.name.clone())
    };
    for (at, master) in masters.into_iter().enumerate() {
        state.links[at].master = master.and_then(|index| name_of(&state.links, index));
    }

    let addresses = raw
        .dump_typed(RouteNetlinkMessage::GetAddress(AddressMessage::default()))
        .map_err(Error::dump_terminated)?;
    for message in addresses {
        let RouteNetlinkMessage::NewAddress(address) = message else {
            continue;
        };
        let mut local = None;
        let mut peer = None;
        for attribute in &address.attributes {
            match attribute {
                AddressAttribute::Local(ip) => local = Some(*ip),
                AddressAttribute::Address(ip) => peer = Some(*ip),
                _ => {}
            }
        }
        let Some(ip) = local.or(peer) else { continue };
        let Some(dev) = name_of(&state.links, address.header.index) else {
            continue;
        };
        state.addresses.push(AddressState {
            dev,
            prefix: Prefix {
                address: ip,
                length: address.header.prefix_len,
            },
            global: address.header.scope == AddressScope::Universe,
        });
    }

    let routes = raw
        .dump_typed(RouteNetlinkMessage::GetRoute(RouteMessage::default()))
        .map_err(Error::dump_terminated)?;
    for message in routes {
        let RouteNetlinkMessage::NewRoute(route) = message else {
            continue;
        };
        let header = &route.header;
        if !matches!(header.protocol, RouteProtocol::Boot | RouteProtocol::Static)
            || header.kind != RouteType::Unicast
        {
            continue;
        }
        let mut table = u32::from(header.table);
        let mut to = None;
        let mut via = None;
        let mut dev = None;
        let mut metric = None;
        for attribute in &route.attributes {
            match attribute {
                RouteAttribute::Table(id) => table = *id,
                RouteAttribute::Destination(address) => to = ip_of(address),
                RouteAttribute::Gateway(address) => via = ip_of(address),
                RouteAttribute::Oif(index) => dev = name_of(&state.links, *index),
                RouteAttribute::Priority(value) => metric = Some(*value),
                _ => {}
            }
        }
        if table != MAIN_TABLE {
            continue;
        }
        let ipv6 = header.address_family == netlink_packet_route::AddressFamily::Inet6;
        let to = to.unwrap_or(if ipv6 {
            IpAddr::V6(std::net::Ipv6Addr::UNSPECIFIED)
        } else {
            IpAddr::V4(std::net::Ipv4Addr::UNSPECIFIED)
        });
        state.routes.push(RouteState {
            to: Prefix {
                address: to,
                length: header.destination_prefix_length,
            },
            via,
            dev,
            metric,
        });
    }

    let neighbors = raw
        .dump_typed(RouteNetlinkMessage::GetNeighbour(
            NeighbourMessage::default(),
        ))
        .map_err(Error::dump_terminated)?;
    for message in neighbors {
        let RouteNetlinkMessage::NewNeighbour(neighbor) = message else {
            continue;
        };
        if neighbor.header.state != NeighbourState::Permanent {
            continue;
        }
        let mut address = None;
        let mut lladdr = None;
        for attribute in &neighbor.attributes {
            match attribute {
                NeighbourAttribute::Destination(NeighbourAddress::Inet(ip)) => {
                    address = Some(IpAddr::V4(*ip))
                }
                NeighbourAttribute::Destination(NeighbourAddress::Inet6(ip)) => {
                    address = Some(IpAddr::V6(*ip))
                }
                NeighbourAttribute::LinkLayerAddress(bytes) => lladdr = Some(mac_text(bytes)),
                _ => {}
            }
        }
        let (Some(address), Some(lladdr)) = (address, lladdr) else {
            continue;
        };
        let Some(dev) = name_of(&state.links, neighbor.header.ifindex) else {
            continue;
        };
        state.neighbors.push(NeighborState {
            dev,
            address,
            lladdr,
        });
    }
    Ok(state)
}

fn ip_of(address: &RouteAddress) -> Option<IpAddr> {
    match address {
        RouteAddress::Inet(ip) => Some(IpAddr::V4(*ip)),
        RouteAddress::Inet6(ip) => Some(IpAddr::V6(*ip)),
        _ => None,
    }
}

fn mac_text(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect::<Vec<_>>()
        .join(":")
}

/// A sysctl's current value in `netns`, read under /proc/sys there.
pub(crate) fn sysctl(netns: &Netns, key: &str) -> Result<std::result::Result<String, i32>> {
    super::execute::in_namespace(netns, |_| {
        Ok(std::fs::read_to_string(sysctl_path(key))
            .map(|text| text.trim_end().to_string())
            .map_err(|err| err.raw_os_error().unwrap_or(0)))
    })
}

/// `net.ipv4.ip_forward` → `/proc/sys/net/ipv4/ip_forward`.
pub(crate) fn sysctl_path(key: &str) -> String {
    format!("/proc/sys/{}", key.replace('.', "/"))
}
