//! Addresses (RTM_NEWADDR messages): constants, the `ifaddrmsg` header,
//! address flags in ip's table order, and route scope names.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::OnceLock;

use crate::kernel::attrs::Attrs;

pub const RTM_NEWADDR: u16 = 20;
pub const RTM_DELADDR: u16 = 21;

pub const IFA_ADDRESS: u16 = 1;
pub const IFA_LOCAL: u16 = 2;
pub const IFA_LABEL: u16 = 3;
pub const IFA_BROADCAST: u16 = 4;
pub const IFA_ANYCAST: u16 = 5;
pub const IFA_CACHEINFO: u16 = 6;
pub const IFA_FLAGS: u16 = 8;
pub const IFA_RT_PRIORITY: u16 = 9;
/// The highest attribute iproute2 6.1 reads.
pub const IFA_MAX: u16 = 11;

pub const IFA_F_SECONDARY: u32 = 0x01;
pub const IFA_F_NODAD: u32 = 0x02;
pub const IFA_F_OPTIMISTIC: u32 = 0x04;
pub const IFA_F_DADFAILED: u32 = 0x08;
pub const IFA_F_HOMEADDRESS: u32 = 0x10;
pub const IFA_F_DEPRECATED: u32 = 0x20;
pub const IFA_F_TENTATIVE: u32 = 0x40;
pub const IFA_F_PERMANENT: u32 = 0x80;
pub const IFA_F_MANAGETEMPADDR: u32 = 0x100;
pub const IFA_F_NOPREFIXROUTE: u32 = 0x200;
pub const IFA_F_MCAUTOJOIN: u32 = 0x400;
pub const IFA_F_STABLE_PRIVACY: u32 = 0x800;

/// The lifetime that means "forever".
pub const INFINITY_LIFE_TIME: u32 = u32::MAX;

pub const RT_SCOPE_HOST: u8 = 254;
pub const RT_SCOPE_NOWHERE: u8 = 255;

/// One row of ip's `ifa_flag_data` table.
#[derive(Debug, Clone, Copy)]
pub struct FlagName {
    pub name: &'static str,
    pub mask: u32,
    /// Only the kernel sets it.
    pub readonly: bool,
    /// Meaningful for IPv6 addresses only.
    pub v6only: bool,
}

const fn flag(name: &'static str, mask: u32, readonly: bool, v6only: bool) -> FlagName {
    FlagName {
        name,
        mask,
        readonly,
        v6only,
    }
}

/// Address flags in the order ip matches and prints them.
pub const FLAG_NAMES: &[FlagName] = &[
    flag("secondary", IFA_F_SECONDARY, true, false),
    flag("temporary", IFA_F_SECONDARY, true, false),
    flag("nodad", IFA_F_NODAD, false, true),
    flag("optimistic", IFA_F_OPTIMISTIC, false, true),
    flag("dadfailed", IFA_F_DADFAILED, true, true),
    flag("home", IFA_F_HOMEADDRESS, false, true),
    flag("deprecated", IFA_F_DEPRECATED, true, true),
    flag("tentative", IFA_F_TENTATIVE, true, true),
    flag("permanent", IFA_F_PERMANENT, true, true),
    flag("mngtmpaddr", IFA_F_MANAGETEMPADDR, false, true),
    flag("noprefixroute", IFA_F_NOPREFIXROUTE, false, false),
    flag("autojoin", IFA_F_MCAUTOJOIN, false, false),
    flag("stable-privacy", IFA_F_STABLE_PRIVACY, true, true),
];

/// ip's `lookup_flag_data_by_name` (exact names).
pub fn flag_by_name(word: &str) -> Option<&'static FlagName> {
    FLAG_NAMES.iter().find(|flag| flag.name == word)
}

/// `struct ifaddrmsg`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct IfAddr {
    pub family: u8,
    pub prefixlen: u8,
    pub flags: u8,
    pub scope: u8,
    pub index: u32,
}

pub const IFADDR_LEN: usize = 8;

impl IfAddr {
    pub fn parse(bytes: &[u8]) -> Option<IfAddr> {
        let b = bytes.get(..IFADDR_LEN)?;
        Some(IfAddr {
            family: b[0],
            prefixlen: b[1],
            flags: b[2],
            scope: b[3],
            index: u32::from_ne_bytes(b[4..8].try_into().ok()?),
        })
    }

    /// The header's bytes, for tests: requests carry netlink-packet-route's
    /// `AddressHeader` (see `kernel::address::typed_header`).
    #[cfg(test)]
    pub fn to_bytes(self) -> [u8; IFADDR_LEN] {
        let mut b = [0u8; IFADDR_LEN];
        b[0] = self.family;
        b[1] = self.prefixlen;
        b[2] = self.flags;
        b[3] = self.scope;
        b[4..8].copy_from_slice(&self.index.to_ne_bytes());
        b
    }
}

/// One address as the kernel described it.
#[derive(Debug, Clone)]
pub struct Address {
    pub header: IfAddr,
    pub msg_type: u16,
    /// The attribute bytes after the ifaddrmsg.
    pub attr_bytes: Vec<u8>,
}

impl Address {
    pub fn from_payload(msg_type: u16, payload: &[u8]) -> Option<Address> {
        Some(Address {
            header: IfAddr::parse(payload)?,
            msg_type,
            attr_bytes: payload[IFADDR_LEN..].to_vec(),
        })
    }

    pub fn attrs(&self) -> Attrs<'_> {
        Attrs::parse(&self.attr_bytes, IFA_MAX)
    }

    /// ip's `get_ifa_flags`: IFA_FLAGS when present, else the header's.
    pub fn flags(&self, attrs: &Attrs) -> u32 {
        attrs.u32(IFA_FLAGS).unwrap_or(self.header.flags as u32)
    }

    /// IFA_LOCAL, or IFA_ADDRESS when there is none (ip's fallback).
    pub fn local<'a>(&self, attrs: &Attrs<'a>) -> Option<&'a [u8]> {
        attrs.get(IFA_LOCAL).or_else(|| attrs.get(IFA_ADDRESS))
    }
}

/// ip's built-in scope names.
const DEFAULT_SCOPES: &[(u8, &str)] = &[
    (0, "global"),
    (255, "nowhere"),
    (254, "host"),
    (253, "link"),
    (200, "site"),
];

/// Whether the file has been read: until then ip prints its built-in names
/// even where the file renames them.
static SCOPES_READ: AtomicBool = AtomicBool::new(false);

/// The built-in names with `/etc/iproute2/rt_scopes` read over them (later
/// lines override earlier ones and the defaults).
fn scopes() -> &'static [Option<String>] {
    static SCOPES: OnceLock<Vec<Option<String>>> = OnceLock::new();
    SCOPES.get_or_init(|| {
        SCOPES_READ.store(true, Ordering::Relaxed);
        let mut table: Vec<Option<String>> = vec![None; 256];
        for (id, name) in DEFAULT_SCOPES {
            table[*id as usize] = Some(name.to_string());
        }
        for (id, name) in crate::model::names::read_table("/etc/iproute2/rt_scopes") {
            if let Some(slot) = table.get_mut(id as usize) {
                *slot = Some(name);
            }
        }
        table
    })
}

/// ip's `rtnl_rtscope_n2a`.
pub fn scope_name(scope: u8, numeric: bool) -> String {
    if numeric {
        return scope.to_string();
    }
    if !SCOPES_READ.load(Ordering::Relaxed) {
        if let Some((_, name)) = DEFAULT_SCOPES.iter().find(|(id, _)| *id == scope) {
            return name.to_string();
        }
    }
    scopes()[scope as usize]
        .clone()
        .unwrap_or_else(|| scope.to_string())
}

/// ip's `rtnl_rtscope_a2n`: a name (lowest number first) or 0..=255.
pub fn scope_number(word: &str) -> Option<u8> {
    if let Some(id) = scopes()
        .iter()
        .position(|name| name.as_deref() == Some(word))
    {
        return Some(id as u8);
    }
    let (value, used) = crate::words::strtoul_prefix(word.as_bytes())?;
    (used == word.len() && value <= 255).then_some(value as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scope_names_and_numbers() {
        assert_eq!(scope_name(0, false), "global");
        assert_eq!(scope_name(253, false), "link");
        assert_eq!(scope_name(254, true), "254");
        assert_eq!(scope_name(100, false), "100");
        assert_eq!(scope_number("host"), Some(254));
        assert_eq!(scope_number("site"), Some(200));
        assert_eq!(scope_number("0x10"), Some(16));
        assert_eq!(scope_number("256"), None);
        assert_eq!(scope_number("bogus"), None);
        assert_eq!(scope_number(""), None);
    }

    #[test]
    fn header_round_trip() {
        let header = IfAddr {
            family: 2,
            prefixlen: 24,
            flags: 0x80,
            scope: 0,
            index: 7,
        };
        assert_eq!(IfAddr::parse(&header.to_bytes()), Some(header));
        assert_eq!(flag_by_name("nodad").map(|f| f.mask), Some(IFA_F_NODAD));
        assert!(flag_by_name("dynamic").is_none());
    }
}
