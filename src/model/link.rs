//! Links (RTM_NEWLINK messages): constants, the fixed header, and the table
//! of every link of a dump by index.

use crate::kernel::attrs::{cstr, Attrs};

// Attribute types (linux/if_link.h, as known to iproute2 6.1).
pub const IFLA_ADDRESS: u16 = 1;
pub const IFLA_BROADCAST: u16 = 2;
pub const IFLA_IFNAME: u16 = 3;
pub const IFLA_MTU: u16 = 4;
pub const IFLA_LINK: u16 = 5;
pub const IFLA_QDISC: u16 = 6;
pub const IFLA_STATS: u16 = 7;
pub const IFLA_MASTER: u16 = 10;
pub const IFLA_TXQLEN: u16 = 13;
pub const IFLA_OPERSTATE: u16 = 16;
pub const IFLA_LINKMODE: u16 = 17;
pub const IFLA_LINKINFO: u16 = 18;
pub const IFLA_NET_NS_PID: u16 = 19;
pub const IFLA_IFALIAS: u16 = 20;
pub const IFLA_NUM_VF: u16 = 21;
pub const IFLA_VFINFO_LIST: u16 = 22;
pub const IFLA_STATS64: u16 = 23;
pub const IFLA_AF_SPEC: u16 = 26;
pub const IFLA_GROUP: u16 = 27;
pub const IFLA_NET_NS_FD: u16 = 28;
pub const IFLA_EXT_MASK: u16 = 29;
pub const IFLA_PROMISCUITY: u16 = 30;
pub const IFLA_NUM_TX_QUEUES: u16 = 31;
pub const IFLA_NUM_RX_QUEUES: u16 = 32;
pub const IFLA_PHYS_PORT_ID: u16 = 34;
pub const IFLA_CARRIER_CHANGES: u16 = 35;
pub const IFLA_PHYS_SWITCH_ID: u16 = 36;
pub const IFLA_LINK_NETNSID: u16 = 37;
pub const IFLA_PHYS_PORT_NAME: u16 = 38;
pub const IFLA_PROTO_DOWN: u16 = 39;
pub const IFLA_GSO_MAX_SEGS: u16 = 40;
pub const IFLA_GSO_MAX_SIZE: u16 = 41;
pub const IFLA_XDP: u16 = 43;
pub const IFLA_EVENT: u16 = 44;
pub const IFLA_NEW_NETNSID: u16 = 45;
pub const IFLA_NEW_IFINDEX: u16 = 49;
pub const IFLA_MIN_MTU: u16 = 50;
pub const IFLA_MAX_MTU: u16 = 51;
pub const IFLA_PROP_LIST: u16 = 52;
pub const IFLA_ALT_IFNAME: u16 = 53;
pub const IFLA_PERM_ADDRESS: u16 = 54;
pub const IFLA_PROTO_DOWN_REASON: u16 = 55;
pub const IFLA_PARENT_DEV_NAME: u16 = 56;
pub const IFLA_PARENT_DEV_BUS_NAME: u16 = 57;
pub const IFLA_GRO_MAX_SIZE: u16 = 58;
pub const IFLA_TSO_MAX_SIZE: u16 = 59;
pub const IFLA_TSO_MAX_SEGS: u16 = 60;
pub const IFLA_ALLMULTI: u16 = 61;
/// The highest attribute iproute2 6.1 knows; later ones are not printed.
pub const IFLA_MAX: u16 = 61;

pub const IFLA_INFO_KIND: u16 = 1;
pub const IFLA_INFO_DATA: u16 = 2;
pub const IFLA_INFO_XSTATS: u16 = 3;
pub const IFLA_INFO_SLAVE_KIND: u16 = 4;
pub const IFLA_INFO_SLAVE_DATA: u16 = 5;
pub const IFLA_INFO_MAX: u16 = 5;

pub const IFLA_INET6_ADDR_GEN_MODE: u16 = 8;
pub const IFLA_INET6_MAX: u16 = 9;

pub const RTM_NEWLINK: u16 = 16;
pub const RTM_DELLINK: u16 = 17;
pub const RTM_GETLINK: u16 = 18;

pub const RTEXT_FILTER_VF: u32 = 1;
pub const RTEXT_FILTER_SKIP_STATS: u32 = 1 << 3;

pub const AF_UNSPEC: u8 = 0;
pub const AF_INET: u8 = 2;
pub const AF_INET6: u8 = 10;
pub const AF_PACKET: u8 = 17;

// Interface flags (linux/if.h).
pub const IFF_UP: u32 = 0x1;
pub const IFF_BROADCAST: u32 = 0x2;
pub const IFF_DEBUG: u32 = 0x4;
pub const IFF_LOOPBACK: u32 = 0x8;
pub const IFF_POINTOPOINT: u32 = 0x10;
pub const IFF_NOTRAILERS: u32 = 0x20;
pub const IFF_RUNNING: u32 = 0x40;
pub const IFF_NOARP: u32 = 0x80;
pub const IFF_PROMISC: u32 = 0x100;
pub const IFF_ALLMULTI: u32 = 0x200;
pub const IFF_MASTER: u32 = 0x400;
pub const IFF_SLAVE: u32 = 0x800;
pub const IFF_MULTICAST: u32 = 0x1000;
pub const IFF_PORTSEL: u32 = 0x2000;
pub const IFF_AUTOMEDIA: u32 = 0x4000;
pub const IFF_DYNAMIC: u32 = 0x8000;
pub const IFF_LOWER_UP: u32 = 0x10000;
pub const IFF_DORMANT: u32 = 0x20000;
pub const IFF_ECHO: u32 = 0x40000;

/// Flags in the order ip prints them.
pub const FLAG_NAMES: &[(u32, &str)] = &[
    (IFF_LOOPBACK, "LOOPBACK"),
    (IFF_BROADCAST, "BROADCAST"),
    (IFF_POINTOPOINT, "POINTOPOINT"),
    (IFF_MULTICAST, "MULTICAST"),
    (IFF_NOARP, "NOARP"),
    (IFF_ALLMULTI, "ALLMULTI"),
    (IFF_PROMISC, "PROMISC"),
    (IFF_MASTER, "MASTER"),
    (IFF_SLAVE, "SLAVE"),
    (IFF_DEBUG, "DEBUG"),
    (IFF_DYNAMIC, "DYNAMIC"),
    (IFF_AUTOMEDIA, "AUTOMEDIA"),
    (IFF_PORTSEL, "PORTSEL"),
    (IFF_NOTRAILERS, "NOTRAILERS"),
    (IFF_UP, "UP"),
    (IFF_LOWER_UP, "LOWER_UP"),
    (IFF_DORMANT, "DORMANT"),
    (IFF_ECHO, "ECHO"),
];

pub const OPER_STATES: &[&str] = &[
    "UNKNOWN",
    "NOTPRESENT",
    "DOWN",
    "LOWERLAYERDOWN",
    "TESTING",
    "DORMANT",
    "UP",
];
pub const IF_OPER_DOWN: u8 = 2;
pub const IF_OPER_UP: u8 = 6;
pub const LINK_MODES: &[&str] = &["DEFAULT", "DORMANT"];

/// `struct ifinfomsg`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct IfInfo {
    pub family: u8,
    pub link_type: u16,
    pub index: i32,
    pub flags: u32,
    pub change: u32,
}

pub const IFINFO_LEN: usize = 16;

impl IfInfo {
    pub fn parse(bytes: &[u8]) -> Option<IfInfo> {
        let b = bytes.get(..IFINFO_LEN)?;
        Some(IfInfo {
            family: b[0],
            link_type: u16::from_ne_bytes([b[2], b[3]]),
            index: i32::from_ne_bytes(b[4..8].try_into().ok()?),
            flags: u32::from_ne_bytes(b[8..12].try_into().ok()?),
            change: u32::from_ne_bytes(b[12..16].try_into().ok()?),
        })
    }

    pub fn to_bytes(self) -> [u8; IFINFO_LEN] {
        let mut b = [0u8; IFINFO_LEN];
        b[0] = self.family;
        b[2..4].copy_from_slice(&self.link_type.to_ne_bytes());
        b[4..8].copy_from_slice(&self.index.to_ne_bytes());
        b[8..12].copy_from_slice(&self.flags.to_ne_bytes());
        b[12..16].copy_from_slice(&self.change.to_ne_bytes());
        b
    }
}

/// One link as the kernel described it.
#[derive(Debug, Clone)]
pub struct Link {
    pub info: IfInfo,
    /// The message's type: RTM_NEWLINK, or RTM_DELLINK in monitor output.
    pub msg_type: u16,
    /// The attribute bytes after the ifinfomsg.
    pub attr_bytes: Vec<u8>,
}

impl Link {
    /// A link from an RTM_NEWLINK/RTM_DELLINK payload.
    pub fn from_payload(msg_type: u16, payload: &[u8]) -> Option<Link> {
        let info = IfInfo::parse(payload)?;
        Some(Link {
            info,
            msg_type,
            attr_bytes: payload[IFINFO_LEN..].to_vec(),
        })
    }

    pub fn attrs(&self) -> Attrs<'_> {
        Attrs::parse(&self.attr_bytes, IFLA_MAX)
    }

    /// IFLA_IFNAME, found without indexing every attribute (it comes early).
    pub fn name(&self) -> &[u8] {
        crate::kernel::attrs::iter(&self.attr_bytes)
            .find(|(kind, _)| *kind == IFLA_IFNAME)
            .map(|(_, name)| cstr(name))
            .unwrap_or_default()
    }

    /// The link's kind (`IFLA_INFO_KIND`), or its port kind with `slave`.
    pub fn kind(&self, slave: bool) -> Option<&[u8]> {
        let info = self.attrs().nested(IFLA_LINKINFO, IFLA_INFO_MAX)?;
        info.str(if slave {
            IFLA_INFO_SLAVE_KIND
        } else {
            IFLA_INFO_KIND
        })
    }
}

/// What ip's link cache remembers of each link.
#[derive(Debug, Clone)]
pub struct Known {
    pub name: Vec<u8>,
    pub flags: u32,
}

/// Links by index (iproute2's ll_map cache), filled from dumps and lookups.
#[derive(Debug, Default)]
pub struct LinkCache {
    by_index: crate::model::IndexMap<i32, Known>,
    /// Names to indexes, so a batch of ten thousand lines that each name a
    /// device does not scan every cached link for each of them.
    by_name: std::collections::HashMap<Vec<u8>, i32>,
}

impl LinkCache {
    pub fn remember(&mut self, link: &Link) {
        let name = link.name().to_vec();
        self.forget(link.info.index);
        self.by_name.insert(name.clone(), link.info.index);
        self.by_index.insert(
            link.info.index,
            Known {
                name,
                flags: link.info.flags,
            },
        );
    }

    /// Drops a link that was just changed (ip's `ll_drop_by_index`): the
    /// next use reads it from the kernel again.
    pub fn forget(&mut self, index: i32) {
        if let Some(known) = self.by_index.remove(&index) {
            if self.by_name.get(&known.name) == Some(&index) {
                self.by_name.remove(&known.name);
            }
        }
    }

    pub fn get(&self, index: i32) -> Option<&Known> {
        self.by_index.get(&index)
    }

    pub fn index_of(&self, name: &[u8]) -> Option<i32> {
        self.by_name.get(name).copied()
    }
}
