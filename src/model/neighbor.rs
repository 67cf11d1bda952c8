//! Neighbour cache entries and neighbour tables as the kernel sends them
//! (include/uapi/linux/neighbour.h): `struct ndmsg` with NDA_* attributes,
//! `struct ndtmsg` with NDTA_*/NDTPA_* attributes, and ip's names of the
//! NUD states (ip/ipneigh.c `nud_state_a2n`).

use crate::kernel::attrs::Attrs;
use crate::words::matches;

pub const RTM_NEWNEIGH: u16 = 28;
pub const RTM_DELNEIGH: u16 = 29;
pub const RTM_GETNEIGH: u16 = 30;
pub const RTM_NEWNEIGHTBL: u16 = 64;
pub const RTM_GETNEIGHTBL: u16 = 66;
pub const RTM_SETNEIGHTBL: u16 = 67;

pub const NDA_DST: u16 = 1;
pub const NDA_LLADDR: u16 = 2;
pub const NDA_CACHEINFO: u16 = 3;
pub const NDA_PROBES: u16 = 4;
pub const NDA_PROTOCOL: u16 = 12;
pub const NDA_FLAGS_EXT: u16 = 15;
pub const NDA_MAX: u16 = 17;

pub const NTF_USE: u8 = 1 << 0;
pub const NTF_PROXY: u8 = 1 << 3;
pub const NTF_EXT_LEARNED: u8 = 1 << 4;
pub const NTF_OFFLOADED: u8 = 1 << 5;
pub const NTF_ROUTER: u8 = 1 << 7;
/// In NDA_FLAGS_EXT.
pub const NTF_EXT_MANAGED: u32 = 1 << 0;

pub const NUD_INCOMPLETE: u16 = 0x01;
pub const NUD_REACHABLE: u16 = 0x02;
pub const NUD_STALE: u16 = 0x04;
pub const NUD_DELAY: u16 = 0x08;
pub const NUD_PROBE: u16 = 0x10;
pub const NUD_FAILED: u16 = 0x20;
pub const NUD_NOARP: u16 = 0x40;
pub const NUD_PERMANENT: u16 = 0x80;
pub const NUD_NONE: u16 = 0x00;

/// The state names in the order ip prints them.
pub const NUD_NAMES: [(u16, &str); 8] = [
    (NUD_INCOMPLETE, "INCOMPLETE"),
    (NUD_REACHABLE, "REACHABLE"),
    (NUD_STALE, "STALE"),
    (NUD_DELAY, "DELAY"),
    (NUD_PROBE, "PROBE"),
    (NUD_FAILED, "FAILED"),
    (NUD_NOARP, "NOARP"),
    (NUD_PERMANENT, "PERMANENT"),
];

/// `sizeof(struct ndmsg)`.
pub const NDMSG_LEN: usize = 12;

/// `struct ndmsg`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct NdMsg {
    pub family: u8,
    pub ifindex: i32,
    pub state: u16,
    pub flags: u8,
    pub kind: u8,
}

impl NdMsg {
    pub fn parse(bytes: &[u8]) -> Option<NdMsg> {
        let b = bytes.get(..NDMSG_LEN)?;
        Some(NdMsg {
            family: b[0],
            ifindex: i32::from_ne_bytes(b[4..8].try_into().ok()?),
            state: u16::from_ne_bytes([b[8], b[9]]),
            flags: b[10],
            kind: b[11],
        })
    }

    /// The header as the kernel sends it (tests build answers with it;
    /// requests are netlink-packet-route's `NeighbourHeader`).
    #[cfg(test)]
    pub fn bytes(&self) -> [u8; NDMSG_LEN] {
        let mut b = [0u8; NDMSG_LEN];
        b[0] = self.family;
        b[4..8].copy_from_slice(&self.ifindex.to_ne_bytes());
        b[8..10].copy_from_slice(&self.state.to_ne_bytes());
        b[10] = self.flags;
        b[11] = self.kind;
        b
    }
}

/// `struct nda_cacheinfo`: times in USER_HZ ticks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CacheInfo {
    pub confirmed: u32,
    pub used: u32,
    pub updated: u32,
    pub refcnt: u32,
}

/// One RTM_NEWNEIGH/RTM_DELNEIGH/RTM_GETNEIGH payload.
#[derive(Clone)]
pub struct Neighbor<'a> {
    pub header: NdMsg,
    pub attrs: Attrs<'a>,
}

impl<'a> Neighbor<'a> {
    pub fn parse(payload: &'a [u8]) -> Option<Neighbor<'a>> {
        let header = NdMsg::parse(payload)?;
        let attrs = Attrs::parse(payload.get(NDMSG_LEN..).unwrap_or(&[]), NDA_MAX);
        Some(Neighbor { header, attrs })
    }

    pub fn dst(&self) -> Option<&'a [u8]> {
        self.attrs.get(NDA_DST)
    }

    pub fn lladdr(&self) -> Option<&'a [u8]> {
        self.attrs.get(NDA_LLADDR)
    }

    pub fn protocol(&self) -> u8 {
        self.attrs.u8(NDA_PROTOCOL).unwrap_or(0)
    }

    pub fn ext_flags(&self) -> u32 {
        self.attrs.u32(NDA_FLAGS_EXT).unwrap_or(0)
    }

    pub fn cacheinfo(&self) -> Option<CacheInfo> {
        let b = self.attrs.get(NDA_CACHEINFO)?.get(..16)?;
        let word = |i: usize| u32::from_ne_bytes(b[i..i + 4].try_into().expect("4 bytes"));
        Some(CacheInfo {
            confirmed: word(0),
            used: word(4),
            updated: word(8),
            refcnt: word(12),
        })
    }
}

/// ip's `nud_state_a2n`: a state name (some are prefixes, some exact), or
/// a number with at most one bit set below 0x100.
pub fn nud_state(word: &str) -> Option<u16> {
    let named = [
        ("permanent", true, NUD_PERMANENT),
        ("reachable", true, NUD_REACHABLE),
        ("noarp", false, NUD_NOARP),
        ("none", false, NUD_NONE),
        ("stale", false, NUD_STALE),
        ("incomplete", false, NUD_INCOMPLETE),
        ("delay", false, NUD_DELAY),
        ("probe", false, NUD_PROBE),
        ("failed", true, NUD_FAILED),
    ];
    for (name, prefix, state) in named {
        if (prefix && matches(word, name)) || word == name {
            return Some(state);
        }
    }
    let state = crate::words::get_unsigned(word)?;
    if state >= 0x100 || state & state.wrapping_sub(1) != 0 {
        return None;
    }
    Some(state as u16)
}

// ---- neighbour tables ----

pub const NDTA_NAME: u16 = 1;
pub const NDTA_THRESH1: u16 = 2;
pub const NDTA_THRESH2: u16 = 3;
pub const NDTA_THRESH3: u16 = 4;
pub const NDTA_CONFIG: u16 = 5;
pub const NDTA_PARMS: u16 = 6;
pub const NDTA_STATS: u16 = 7;
pub const NDTA_GC_INTERVAL: u16 = 8;
pub const NDTA_MAX: u16 = 9;

pub const NDTPA_IFINDEX: u16 = 1;
pub const NDTPA_REFCNT: u16 = 2;
pub const NDTPA_REACHABLE_TIME: u16 = 3;
pub const NDTPA_BASE_REACHABLE_TIME: u16 = 4;
pub const NDTPA_RETRANS_TIME: u16 = 5;
pub const NDTPA_GC_STALETIME: u16 = 6;
pub const NDTPA_DELAY_PROBE_TIME: u16 = 7;
pub const NDTPA_QUEUE_LEN: u16 = 8;
pub const NDTPA_APP_PROBES: u16 = 9;
pub const NDTPA_UCAST_PROBES: u16 = 10;
pub const NDTPA_MCAST_PROBES: u16 = 11;
pub const NDTPA_ANYCAST_DELAY: u16 = 12;
pub const NDTPA_PROXY_DELAY: u16 = 13;
pub const NDTPA_PROXY_QLEN: u16 = 14;
pub const NDTPA_LOCKTIME: u16 = 15;
pub const NDTPA_MAX: u16 = 19;

/// `sizeof(struct ndtmsg)`.
pub const NDTMSG_LEN: usize = 4;

/// `struct ndt_config`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NdtConfig {
    pub key_len: u16,
    pub entry_size: u16,
    pub entries: u32,
    pub last_flush: u32,
    pub last_rand: u32,
    pub hash_rnd: u32,
    pub hash_mask: u32,
    pub hash_chain_gc: u32,
    pub proxy_qlen: u32,
}

impl NdtConfig {
    pub fn parse(b: &[u8]) -> Option<NdtConfig> {
        let b = b.get(..32)?;
        let word = |i: usize| u32::from_ne_bytes(b[i..i + 4].try_into().expect("4 bytes"));
        Some(NdtConfig {
            key_len: u16::from_ne_bytes([b[0], b[1]]),
            entry_size: u16::from_ne_bytes([b[2], b[3]]),
            entries: word(4),
            last_flush: word(8),
            last_rand: word(12),
            hash_rnd: word(16),
            hash_mask: word(20),
            hash_chain_gc: word(24),
            proxy_qlen: word(28),
        })
    }
}

/// `struct ndt_stats`, in its order: allocs, destroys, hash_grows,
/// res_failed, lookups, hits, rcv_probes_mcast, rcv_probes_ucast,
/// periodic_gc_runs, forced_gc_runs, table_fulls.
pub fn ndt_stats(b: &[u8]) -> Option<[u64; 11]> {
    let b = b.get(..88)?;
    let mut out = [0u64; 11];
    for (i, slot) in out.iter_mut().enumerate() {
        *slot = u64::from_ne_bytes(b[i * 8..i * 8 + 8].try_into().ok()?);
    }
    Some(out)
}

/// One RTM_NEWNEIGHTBL payload.
#[derive(Clone)]
pub struct NeighTable<'a> {
    pub family: u8,
    pub attrs: Attrs<'a>,
}

impl<'a> NeighTable<'a> {
    pub fn parse(payload: &'a [u8]) -> Option<NeighTable<'a>> {
        let family = *payload.first()?;
        payload.get(..NDTMSG_LEN)?;
        let attrs = Attrs::parse(&payload[NDTMSG_LEN..], NDTA_MAX);
        Some(NeighTable { family, attrs })
    }

    pub fn name(&self) -> Option<&'a [u8]> {
        self.attrs.str(NDTA_NAME)
    }

    pub fn parms(&self) -> Option<Attrs<'a>> {
        self.attrs.nested(NDTA_PARMS, NDTPA_MAX)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nud_states_read_like_ip() {
        assert_eq!(nud_state("perm"), Some(NUD_PERMANENT));
        assert_eq!(nud_state("reach"), Some(NUD_REACHABLE));
        assert_eq!(nud_state("fail"), Some(NUD_FAILED));
        assert_eq!(nud_state("stal"), None);
        assert_eq!(nud_state("none"), Some(NUD_NONE));
        assert_eq!(nud_state("0x40"), Some(NUD_NOARP));
        assert_eq!(nud_state("3"), None);
        assert_eq!(nud_state("256"), None);
        assert_eq!(nud_state("0"), Some(0));
    }

    #[test]
    fn ndmsg_round_trips() {
        let header = NdMsg {
            family: 2,
            ifindex: 7,
            state: NUD_STALE,
            flags: NTF_ROUTER,
            kind: 0,
        };
        assert_eq!(NdMsg::parse(&header.bytes()), Some(header));
    }
}
