//! Routing-policy rules: the `fib_rule_hdr` + FRA_* attributes of
//! RTM_NEWRULE/RTM_DELRULE messages (linux/fib_rules.h), read in place.

use crate::kernel::attrs::Attrs;

pub const RTM_NEWRULE: u16 = 32;
pub const RTM_DELRULE: u16 = 33;

pub const FRA_DST: u16 = 1;
pub const FRA_SRC: u16 = 2;
pub const FRA_IFNAME: u16 = 3;
pub const FRA_GOTO: u16 = 4;
/// RTA_GATEWAY shares this slot: `nat` rules carry their address in it.
pub const RTA_GATEWAY: u16 = 5;
pub const FRA_PRIORITY: u16 = 6;
pub const FRA_FWMARK: u16 = 10;
pub const FRA_FLOW: u16 = 11;
pub const FRA_TUN_ID: u16 = 12;
pub const FRA_SUPPRESS_IFGROUP: u16 = 13;
pub const FRA_SUPPRESS_PREFIXLEN: u16 = 14;
pub const FRA_TABLE: u16 = 15;
pub const FRA_FWMASK: u16 = 16;
pub const FRA_OIFNAME: u16 = 17;
pub const FRA_L3MDEV: u16 = 19;
pub const FRA_UID_RANGE: u16 = 20;
pub const FRA_PROTOCOL: u16 = 21;
pub const FRA_IP_PROTO: u16 = 22;
pub const FRA_SPORT_RANGE: u16 = 23;
pub const FRA_DPORT_RANGE: u16 = 24;
pub const FRA_MAX: u16 = 24;

pub const FIB_RULE_INVERT: u32 = 2;
pub const FIB_RULE_UNRESOLVED: u32 = 4;
pub const FIB_RULE_IIF_DETACHED: u32 = 8;
pub const FIB_RULE_OIF_DETACHED: u32 = 0x10;

pub const FR_ACT_UNSPEC: u8 = 0;
pub const FR_ACT_TO_TBL: u8 = 1;
pub const FR_ACT_GOTO: u8 = 2;
pub const FR_ACT_NOP: u8 = 3;
pub const RTN_NAT: u8 = 10;

pub const RT_TABLE_MAIN: u8 = 254;
pub const RTPROT_KERNEL: u8 = 2;

pub const AF_INET: u8 = 2;
pub const AF_INET6: u8 = 10;

/// Size of `struct fib_rule_hdr`.
pub const HEADER_LEN: usize = 12;

/// The fixed header of a rule message.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Header {
    pub family: u8,
    pub dst_len: u8,
    pub src_len: u8,
    pub tos: u8,
    pub table: u8,
    pub action: u8,
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
            action: bytes[7],
            flags: u32::from_ne_bytes(bytes[8..12].try_into().ok()?),
        })
    }
}

/// One rule as the kernel sent it.
pub struct Rule<'a> {
    pub header: Header,
    pub attrs: Attrs<'a>,
}

/// A `{start, end}` pair of two u16 (ports) or two u32 (uids).
pub fn range16(bytes: &[u8]) -> Option<(u16, u16)> {
    let b = bytes.get(..4)?;
    Some((
        u16::from_ne_bytes([b[0], b[1]]),
        u16::from_ne_bytes([b[2], b[3]]),
    ))
}

pub fn range32(bytes: &[u8]) -> Option<(u32, u32)> {
    let b = bytes.get(..8)?;
    Some((
        u32::from_ne_bytes(b[0..4].try_into().ok()?),
        u32::from_ne_bytes(b[4..8].try_into().ok()?),
    ))
}

impl<'a> Rule<'a> {
    /// The payload of an RTM_NEWRULE/RTM_DELRULE message.
    pub fn parse(payload: &'a [u8]) -> Option<Rule<'a>> {
        let header = Header::parse(payload)?;
        Some(Rule {
            header,
            attrs: Attrs::parse(&payload[HEADER_LEN..], FRA_MAX),
        })
    }

    /// ip's `frh_get_table`: FRA_TABLE wins over the header's 8 bits.
    pub fn table(&self) -> u32 {
        self.attrs
            .u32(FRA_TABLE)
            .unwrap_or(self.header.table.into())
    }

    pub fn priority(&self) -> Option<u32> {
        self.attrs.u32(FRA_PRIORITY)
    }
}

/// ip's `af_bit_len`.
pub fn host_len(family: u8) -> u8 {
    match family {
        AF_INET6 => 128,
        AF_INET => 32,
        28 => 20,
        _ => 0,
    }
}

/// An address attribute as ip's `rt_addr_n2a` prints it.
pub fn address_text(family: u8, bytes: &[u8]) -> String {
    match (family, bytes.len()) {
        (AF_INET, 4) => std::net::Ipv4Addr::new(bytes[0], bytes[1], bytes[2], bytes[3]).to_string(),
        (AF_INET6, 16) => {
            let octets: [u8; 16] = bytes.try_into().expect("16 bytes");
            std::net::Ipv6Addr::from(octets).to_string()
        }
        _ => "???".to_string(),
    }
}
