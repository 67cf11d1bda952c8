//! Internet addresses and small values as ip's tunnel kinds read them
//! (lib/utils.c `get_addr`, `check_duparg`, lib/rt_names.c
//! `rtnl_dsfield_a2n`), shared by the tunnel kinds.

use std::net::Ipv6Addr;

use crate::error::{Error, Result};
use crate::model::link::{AF_INET, AF_INET6};
use crate::objects::link::errors::LinkError;
use crate::objects::link::lladdr;

/// `strtoul(word, .., 16)` over the whole word, as `get_u32(.., 16)` takes
/// it: a `+` and a `0x` are allowed, a negative value wraps out of range.
pub(crate) fn hex_u32(word: &str) -> Option<u32> {
    if word.starts_with('-') {
        return None;
    }
    let word = word.strip_prefix('+').unwrap_or(word);
    let digits = word
        .strip_prefix("0x")
        .or_else(|| word.strip_prefix("0X"))
        .unwrap_or(word);
    u32::from_str_radix(digits, 16).ok()
}

/// `rtnl_dsfield_a2n` without /etc/iproute2/rt_dsfield names: a hex number
/// up to 255.
pub(crate) fn dsfield(word: &str) -> Option<u8> {
    hex_u32(word).and_then(|t| u8::try_from(t).ok())
}

/// ip's `check_duparg` over a set of attribute types.
#[derive(Default)]
pub(crate) struct Seen(u64);

impl Seen {
    pub(crate) fn check(&mut self, attr: u16, key: &str, arg: &str) -> Result<()> {
        if self.has(attr) {
            return Err(Error::DuplicateOrGarbage {
                key: key.to_string(),
                arg: arg.to_string(),
            });
        }
        self.0 |= 1 << attr;
        Ok(())
    }

    pub(crate) fn has(&self, attr: u16) -> bool {
        self.0 & (1 << attr) != 0
    }
}

/// ip's `inet_prefix` as vxlan uses it: family, bytes and address type.
#[derive(Debug, Clone)]
pub(crate) struct Inet {
    pub(crate) family: u8,
    pub(crate) bytes: Vec<u8>,
    flags: u8,
}

// ADDRTYPE_* (include/utils.h).
const INET: u8 = 1 << 1;
const UNSPEC: u8 = 1 << 2;
const MULTI: u8 = 1 << 3;

impl Inet {
    pub(crate) fn is_inet(&self) -> bool {
        self.flags & INET != 0
    }

    pub(crate) fn is_multi(&self) -> bool {
        self.flags & (INET | MULTI) == INET | MULTI
    }

    pub(crate) fn is_not_unspec(&self) -> bool {
        self.flags & (INET | UNSPEC) == INET
    }

    pub(crate) fn is_not_multi(&self) -> bool {
        self.flags & (INET | MULTI) == INET
    }

    /// `set_address_type`: zero addresses are "unspecified" inet addresses.
    pub(crate) fn typed(family: u8, bytes: Vec<u8>) -> Inet {
        let flags = match family {
            AF_INET | AF_INET6 if bytes.iter().all(|b| *b == 0) => INET | UNSPEC,
            AF_INET if bytes.first().is_some_and(|b| b & 0xf0 == 0xe0) => INET | MULTI,
            AF_INET6 if bytes.first() == Some(&0xff) => INET | MULTI,
            AF_INET | AF_INET6 => INET,
            _ => 0,
        };
        Inet {
            family,
            bytes,
            flags,
        }
    }
}

/// `get_addr(&addr, word, family)` (lib/utils.c `__get_addr_1`): `default`
/// (the zero address of `family`), `any`/`all` (no bytes), an IPv6 literal
/// or ip's lenient IPv4; ip exit(1)s on anything else.
pub(crate) fn address(word: &str, family: u8) -> Result<Inet> {
    let byte_len = |family| match family {
        AF_INET => 4,
        AF_INET6 => 16,
        _ => 0,
    };
    let parsed = match word {
        "default" => Some(Inet::typed(family, vec![0; byte_len(family)])),
        "any" | "all" => Some(Inet {
            bytes: Vec::new(),
            ..Inet::typed(family, vec![0; byte_len(family)])
        }),
        _ if word.contains(':') => word
            .parse::<Ipv6Addr>()
            .ok()
            .filter(|_| family != AF_INET)
            .map(|a| Inet::typed(AF_INET6, a.octets().to_vec())),
        _ => lladdr::ipv4(word)
            .filter(|_| family != AF_INET6)
            .map(|a| Inet::typed(AF_INET, a.to_vec())),
    };
    parsed.ok_or_else(|| {
        let name = match family {
            AF_INET => "inet",
            AF_INET6 => "inet6",
            _ => "any valid",
        };
        Error::from(LinkError::KindFatal(
            format!("Error: {name} address is expected rather than \"{word}\"."),
            1,
        ))
    })
}

pub(crate) fn family_of(address: &Option<Inet>) -> u8 {
    address.as_ref().map_or(0, |a| a.family)
}
