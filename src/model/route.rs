//! Routes: the `rtmsg` header and RTA_* attributes of RTM_NEWROUTE /
//! RTM_DELROUTE / RTM_GETROUTE messages (linux/rtnetlink.h), read in place.
//!
//! Prefixes and addresses are parsed with `crate::grammar::inet`
//! (`get_prefix`, `get_addr`), which `Prefix` and the parsers are re-exported
//! from here so route code has one place to import from.

pub const RTM_NEWROUTE: u16 = 24;
pub const RTM_DELROUTE: u16 = 25;
pub const RTM_GETROUTE: u16 = 26;

pub const RTA_DST: u16 = 1;
pub const RTA_SRC: u16 = 2;
pub const RTA_IIF: u16 = 3;
pub const RTA_OIF: u16 = 4;
pub const RTA_GATEWAY: u16 = 5;
pub const RTA_PRIORITY: u16 = 6;
pub const RTA_PREFSRC: u16 = 7;
pub const RTA_METRICS: u16 = 8;
pub const RTA_MULTIPATH: u16 = 9;
pub const RTA_FLOW: u16 = 11;
pub const RTA_CACHEINFO: u16 = 12;
pub const RTA_TABLE: u16 = 15;
pub const RTA_MARK: u16 = 16;
pub const RTA_MFC_STATS: u16 = 17;
pub const RTA_VIA: u16 = 18;
pub const RTA_NEWDST: u16 = 19;
pub const RTA_PREF: u16 = 20;
pub const RTA_ENCAP_TYPE: u16 = 21;
pub const RTA_ENCAP: u16 = 22;
pub const RTA_EXPIRES: u16 = 23;
pub const RTA_UID: u16 = 25;
pub const RTA_TTL_PROPAGATE: u16 = 26;
pub const RTA_NH_ID: u16 = 30;
pub const RTA_MAX: u16 = 30;

pub const RTN_UNSPEC: u8 = 0;
pub const RTN_UNICAST: u8 = 1;
pub const RTN_LOCAL: u8 = 2;
pub const RTN_BROADCAST: u8 = 3;
pub const RTN_ANYCAST: u8 = 4;
pub const RTN_MULTICAST: u8 = 5;
#[cfg(test)]
pub const RTN_BLACKHOLE: u8 = 6;
pub const RTN_UNREACHABLE: u8 = 7;
pub const RTN_NAT: u8 = 10;

pub const RTPROT_UNSPEC: u8 = 0;
pub const RTPROT_BOOT: u8 = 3;
#[cfg(test)]
pub const RTPROT_STATIC: u8 = 4;

pub const RT_SCOPE_UNIVERSE: u8 = 0;
pub const RT_SCOPE_LINK: u8 = 253;
pub const RT_SCOPE_HOST: u8 = 254;
pub const RT_SCOPE_NOWHERE: u8 = 255;

pub const RT_TABLE_UNSPEC: u32 = 0;
pub const RT_TABLE_MAIN: u32 = 254;
pub const RT_TABLE_LOCAL: u32 = 255;

pub const RTM_F_NOTIFY: u32 = 0x100;
pub const RTM_F_CLONED: u32 = 0x200;
pub const RTM_F_LOOKUP_TABLE: u32 = 0x1000;
pub const RTM_F_FIB_MATCH: u32 = 0x2000;
pub const RTM_F_OFFLOAD: u32 = 0x4000;
pub const RTM_F_TRAP: u32 = 0x8000;
pub const RTM_F_OFFLOAD_FAILED: u32 = 0x2000_0000;

pub const RTNH_F_DEAD: u8 = 1;
pub const RTNH_F_PERVASIVE: u8 = 2;
pub const RTNH_F_ONLINK: u8 = 4;
pub const RTNH_F_OFFLOAD: u8 = 8;
pub const RTNH_F_LINKDOWN: u8 = 16;
pub const RTNH_F_UNRESOLVED: u8 = 32;
pub const RTNH_F_TRAP: u8 = 64;

pub const RTAX_LOCK: u16 = 1;
pub const RTAX_MTU: u16 = 2;
pub const RTAX_WINDOW: u16 = 3;
pub const RTAX_RTT: u16 = 4;
pub const RTAX_RTTVAR: u16 = 5;
pub const RTAX_SSTHRESH: u16 = 6;
pub const RTAX_CWND: u16 = 7;
pub const RTAX_ADVMSS: u16 = 8;
pub const RTAX_REORDERING: u16 = 9;
pub const RTAX_HOPLIMIT: u16 = 10;
pub const RTAX_INITCWND: u16 = 11;
pub const RTAX_FEATURES: u16 = 12;
pub const RTAX_RTO_MIN: u16 = 13;
pub const RTAX_INITRWND: u16 = 14;
pub const RTAX_QUICKACK: u16 = 15;
pub const RTAX_CC_ALGO: u16 = 16;
pub const RTAX_FASTOPEN_NO_COOKIE: u16 = 17;
pub const RTAX_MAX: u16 = 17;
pub const RTAX_FEATURE_ECN: u32 = 1;

/// RTA_PREF values (ICMPv6 router preference).
pub const ICMPV6_ROUTER_PREF_LOW: u8 = 3;
pub const ICMPV6_ROUTER_PREF_MEDIUM: u8 = 0;
pub const ICMPV6_ROUTER_PREF_HIGH: u8 = 1;

/// Size of `struct rtmsg`.
pub const HEADER_LEN: usize = 12;
/// Size of `struct rtnexthop`.
pub const RTNH_LEN: usize = 8;

/// The fixed header of a route message (`struct rtmsg`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Header {
    pub family: u8,
    pub dst_len: u8,
    pub src_len: u8,
    pub tos: u8,
    pub table: u8,
    pub protocol: u8,
    pub scope: u8,
    pub kind: u8,
    pub flags: u32,
}

impl Header {
    pub fn parse(bytes: &[u8]) -> Option<Header> {
        let bytes = bytes.get(..HEADER_LEN)?;
        Some(Header {
            family: bytes[0],
            dst_len: bytes[1],
            src_len: bytes[2],
            tos: bytes[3],
            table: bytes[4],
            protocol: bytes[5],
            scope: bytes[6],
            kind: bytes[7],
            flags: u32::from_ne_bytes(bytes[8..12].try_into().ok()?),
        })
    }

    /// The header as the kernel sends it (tests build answers with it;
    /// requests are netlink-packet-route's `RouteHeader`).
    #[cfg(test)]
    pub fn bytes(&self) -> [u8; HEADER_LEN] {
        let mut out = [0u8; HEADER_LEN];
        out[0] = self.family;
        out[1] = self.dst_len;
        out[2] = self.src_len;
        out[3] = self.tos;
        out[4] = self.table;
        out[5] = self.protocol;
        out[6] = self.scope;
        out[7] = self.kind;
        out[8..12].copy_from_slice(&self.flags.to_ne_bytes());
        out
    }
}

/// One `struct rtnexthop` of an RTA_MULTIPATH payload, with its attributes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NextHop<'a> {
    pub flags: u8,
    pub hops: u8,
    pub ifindex: i32,
    /// The nexthop's own attributes (RTA_GATEWAY, RTA_VIA, RTA_ENCAP...).
    pub attrs: &'a [u8],
}

/// The nexthops of an RTA_MULTIPATH payload, stopping (like ip) at the
/// first malformed one.
pub fn nexthops(mut payload: &[u8]) -> Vec<NextHop<'_>> {
    let mut hops = Vec::new();
    while payload.len() >= RTNH_LEN {
        let len = u16::from_ne_bytes([payload[0], payload[1]]) as usize;
        if len < RTNH_LEN || len > payload.len() {
            break;
        }
        hops.push(NextHop {
            flags: payload[2],
            hops: payload[3],
            ifindex: i32::from_ne_bytes(payload[4..8].try_into().expect("4 bytes")),
            attrs: &payload[RTNH_LEN..len],
        });
        let step = crate::kernel::attrs::align4(len);
        if step >= payload.len() {
            break;
        }
        payload = &payload[step..];
    }
    hops
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_round_trips() {
        let header = Header {
            family: 2,
            dst_len: 24,
            table: 254,
            protocol: 4,
            scope: 253,
            kind: 1,
            flags: RTM_F_CLONED,
            ..Header::default()
        };
        assert_eq!(Header::parse(&header.bytes()), Some(header));
    }

    #[test]
    fn nexthops_split() {
        // Two rtnexthops: the first with an 8-byte RTA_GATEWAY, the second bare.
        let mut payload = vec![16, 0, 4, 1, 3, 0, 0, 0, 8, 0, 5, 0, 192, 0, 2, 1];
        payload.extend([8, 0, 0, 0, 4, 0, 0, 0]);
        let hops = nexthops(&payload);
        assert_eq!(hops.len(), 2);
        assert_eq!(hops[0].flags, RTNH_F_ONLINK);
        assert_eq!(hops[0].hops, 1);
        assert_eq!(hops[0].ifindex, 3);
        assert_eq!(hops[0].attrs.len(), 8);
        assert_eq!(hops[1].ifindex, 4);
        assert!(hops[1].attrs.is_empty());
    }
}
