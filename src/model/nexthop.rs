//! Nexthop objects: the `nhmsg` + NHA_* attributes of RTM_*NEXTHOP and
//! RTM_*NEXTHOPBUCKET messages (linux/nexthop.h), read in place.
//!
//! ip 6.1 knows the attributes up to NHA_RES_BUCKET; newer kernels send
//! more (group statistics, op flags), which are ignored as ip ignores them.

use crate::kernel::attrs::Attrs;

pub const RTM_NEWNEXTHOP: u16 = 104;
pub const RTM_DELNEXTHOP: u16 = 105;
pub const RTM_GETNEXTHOP: u16 = 106;
pub const RTM_NEWNEXTHOPBUCKET: u16 = 116;
pub const RTM_DELNEXTHOPBUCKET: u16 = 117;
pub const RTM_GETNEXTHOPBUCKET: u16 = 118;

pub const NHA_ID: u16 = 1;
pub const NHA_GROUP: u16 = 2;
pub const NHA_GROUP_TYPE: u16 = 3;
pub const NHA_BLACKHOLE: u16 = 4;
pub const NHA_OIF: u16 = 5;
pub const NHA_GATEWAY: u16 = 6;
pub const NHA_ENCAP_TYPE: u16 = 7;
pub const NHA_ENCAP: u16 = 8;
pub const NHA_GROUPS: u16 = 9;
pub const NHA_MASTER: u16 = 10;
pub const NHA_FDB: u16 = 11;
pub const NHA_RES_GROUP: u16 = 12;
pub const NHA_RES_BUCKET: u16 = 13;
/// The last attribute ip 6.1 reads.
pub const NHA_MAX: u16 = 13;

pub const NHA_RES_GROUP_BUCKETS: u16 = 1;
pub const NHA_RES_GROUP_IDLE_TIMER: u16 = 2;
pub const NHA_RES_GROUP_UNBALANCED_TIMER: u16 = 3;
pub const NHA_RES_GROUP_UNBALANCED_TIME: u16 = 4;
pub const NHA_RES_GROUP_MAX: u16 = 4;

pub const NHA_RES_BUCKET_INDEX: u16 = 1;
pub const NHA_RES_BUCKET_IDLE_TIME: u16 = 2;
pub const NHA_RES_BUCKET_NH_ID: u16 = 3;
pub const NHA_RES_BUCKET_MAX: u16 = 3;

pub const NEXTHOP_GRP_TYPE_MPATH: u16 = 0;
pub const NEXTHOP_GRP_TYPE_RES: u16 = 1;

/// Nested attributes carry this bit in their type on the wire.
pub(crate) use crate::kernel::attrs::NLA_F_NESTED;

// Nexthop and route flags (linux/rtnetlink.h), printed by print_rt_flags.
pub const RTNH_F_DEAD: u32 = 1;
pub const RTNH_F_PERVASIVE: u32 = 2;
pub const RTNH_F_ONLINK: u32 = 4;
pub const RTNH_F_OFFLOAD: u32 = 8;
pub const RTNH_F_LINKDOWN: u32 = 16;
pub const RTNH_F_UNRESOLVED: u32 = 32;
pub const RTNH_F_TRAP: u32 = 64;
pub const RTM_F_NOTIFY: u32 = 0x100;
pub const RTM_F_OFFLOAD: u32 = 0x4000;
pub const RTM_F_TRAP: u32 = 0x8000;
pub const RTM_F_OFFLOAD_FAILED: u32 = 0x2000_0000;

pub const RT_SCOPE_UNIVERSE: u8 = 0;
pub const RTPROT_UNSPEC: u8 = 0;

/// Size of `struct nhmsg`.
pub const HEADER_LEN: usize = 8;
/// Size of one `struct nexthop_grp`.
pub const GROUP_ENTRY_LEN: usize = 8;

/// The fixed header of a nexthop message.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Header {
    pub family: u8,
    pub scope: u8,
    pub protocol: u8,
    pub flags: u32,
}

impl Header {
    pub fn parse(bytes: &[u8]) -> Option<Header> {
        let bytes = bytes.get(..HEADER_LEN)?;
        Some(Header {
            family: bytes[0],
            scope: bytes[1],
            protocol: bytes[2],
            flags: u32::from_ne_bytes(bytes[4..8].try_into().ok()?),
        })
    }

    pub fn bytes(&self) -> [u8; HEADER_LEN] {
        let mut out = [0u8; HEADER_LEN];
        out[0] = self.family;
        out[1] = self.scope;
        out[2] = self.protocol;
        out[4..8].copy_from_slice(&self.flags.to_ne_bytes());
        out
    }
}

/// One member of a group: its id and its weight as the kernel keeps it
/// (one less than the weight written and printed).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GroupMember {
    pub id: u32,
    pub weight: u8,
}

impl GroupMember {
    pub fn bytes(&self) -> [u8; GROUP_ENTRY_LEN] {
        let mut out = [0u8; GROUP_ENTRY_LEN];
        out[0..4].copy_from_slice(&self.id.to_ne_bytes());
        out[4] = self.weight;
        out
    }
}

/// The NHA_RES_GROUP nest of a resilient group; timers in clock ticks
/// (1/100 s), absent values 0 as ip reads them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ResilientGroup {
    pub buckets: u16,
    pub idle_timer: u32,
    pub unbalanced_timer: u32,
    pub unbalanced_time: u64,
}

/// A nexthop message: header and attributes.
pub struct Nexthop<'a> {
    pub header: Header,
    pub attrs: Attrs<'a>,
}

impl<'a> Nexthop<'a> {
    /// A message of the kernel's; `None` when it is shorter than its header.
    pub fn parse(payload: &'a [u8]) -> Option<Nexthop<'a>> {
        let header = Header::parse(payload)?;
        Some(Nexthop {
            header,
            attrs: Attrs::parse(&payload[HEADER_LEN..], NHA_MAX),
        })
    }

    pub fn id(&self) -> u32 {
        self.attrs.u32(NHA_ID).unwrap_or(0)
    }

    /// NHA_OIF, when non-zero (ip prints no device for index 0).
    pub fn oif(&self) -> Option<u32> {
        self.attrs.u32(NHA_OIF).filter(|index| *index != 0)
    }

    pub fn group_type(&self) -> u16 {
        self.attrs
            .u16(NHA_GROUP_TYPE)
            .unwrap_or(NEXTHOP_GRP_TYPE_MPATH)
    }

    /// The members of NHA_GROUP: `None` without one, `Some(Err(()))` when
    /// its length is not a non-zero multiple of an entry (ip refuses it).
    pub fn group(&self) -> Option<Result<Vec<GroupMember>, ()>> {
        let bytes = self.attrs.get(NHA_GROUP)?;
        if bytes.is_empty() || bytes.len() % GROUP_ENTRY_LEN != 0 {
            return Some(Err(()));
        }
        Some(Ok(bytes
            .chunks_exact(GROUP_ENTRY_LEN)
            .map(|entry| GroupMember {
                id: u32::from_ne_bytes(entry[0..4].try_into().expect("4 bytes")),
                weight: entry[4],
            })
            .collect()))
    }

    pub fn resilient(&self) -> Option<ResilientGroup> {
        let nest = self.attrs.nested(NHA_RES_GROUP, NHA_RES_GROUP_MAX)?;
        Some(ResilientGroup {
            buckets: nest.u16(NHA_RES_GROUP_BUCKETS).unwrap_or(0),
            idle_timer: nest.u32(NHA_RES_GROUP_IDLE_TIMER).unwrap_or(0),
            unbalanced_timer: nest.u32(NHA_RES_GROUP_UNBALANCED_TIMER).unwrap_or(0),
            unbalanced_time: nest.u64(NHA_RES_GROUP_UNBALANCED_TIME).unwrap_or(0),
        })
    }
}

/// One bucket of a resilient group (NHA_RES_BUCKET's nest).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Bucket {
    pub index: Option<u16>,
    /// Clock ticks since the bucket was last used.
    pub idle_time: Option<u64>,
    pub nh_id: Option<u32>,
}

impl Bucket {
    pub fn parse(nest: &Attrs<'_>) -> Bucket {
        Bucket {
            index: nest.u16(NHA_RES_BUCKET_INDEX),
            idle_time: nest.u64(NHA_RES_BUCKET_IDLE_TIME),
            nh_id: nest.u32(NHA_RES_BUCKET_NH_ID),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_are_read_and_bad_lengths_refused() {
        let mut payload = Header {
            family: 0,
            ..Header::default()
        }
        .bytes()
        .to_vec();
        // NHA_ID 10, NHA_GROUP {1,w0}{5,w2}
        payload.extend_from_slice(&[8, 0, 1, 0, 10, 0, 0, 0, 20, 0, 2, 0]);
        payload.extend_from_slice(&GroupMember { id: 1, weight: 0 }.bytes());
        payload.extend_from_slice(&GroupMember { id: 5, weight: 2 }.bytes());
        let nh = Nexthop::parse(&payload).unwrap();
        assert_eq!(nh.id(), 10);
        assert_eq!(
            nh.group(),
            Some(Ok(vec![
                GroupMember { id: 1, weight: 0 },
                GroupMember { id: 5, weight: 2 }
            ]))
        );
        let short = [0u8, 0, 0, 0, 0, 0, 0, 0, 7, 0, 2, 0, 1, 0, 0, 0];
        assert_eq!(Nexthop::parse(&short).unwrap().group(), Some(Err(())));
        assert!(Nexthop::parse(&[0u8; 7]).is_none());
    }
}
