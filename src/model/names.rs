//! Number ↔ name tables ip prints with: hardware types, device groups.
//!
//! Device groups come from `/etc/iproute2/group` like ip reads them, so a
//! site's own group names print the same with both tools.

use std::sync::OnceLock;

/// ARPHRD_* names as `ip` prints them after `link/`.
const HARDWARE_TYPES: &[(u16, &str)] = &[
    (0, "netrom"),
    (1, "ether"),
    (2, "eether"),
    (3, "ax25"),
    (4, "pronet"),
    (5, "chaos"),
    (6, "ieee802"),
    (7, "arcnet"),
    (8, "atalk"),
    (15, "dlci"),
    (19, "atm"),
    (23, "metricom"),
    (24, "ieee1394"),
    (32, "infiniband"),
    (256, "slip"),
    (257, "cslip"),
    (258, "slip6"),
    (259, "cslip6"),
    (260, "rsrvd"),
    (264, "adapt"),
    (270, "rose"),
    (271, "x25"),
    (272, "hwx25"),
    (280, "can"),
    (512, "ppp"),
    (513, "hdlc"),
    (516, "lapb"),
    (517, "ddcmp"),
    (518, "rawhdlc"),
    (768, "ipip"),
    (769, "tunnel6"),
    (770, "frad"),
    (771, "skip"),
    (772, "loopback"),
    (773, "ltalk"),
    (774, "fddi"),
    (775, "bif"),
    (776, "sit"),
    (778, "gre"),
    (779, "pimreg"),
    (780, "hippi"),
    (781, "ash"),
    (782, "econet"),
    (783, "irda"),
    (784, "fcpp"),
    (785, "fcal"),
    (786, "fcpl"),
    (787, "fcfb0"),
    (788, "fcfb1"),
    (789, "fcfb2"),
    (790, "fcfb3"),
    (791, "fcfb4"),
    (792, "fcfb5"),
    (793, "fcfb6"),
    (794, "fcfb7"),
    (795, "fcfb8"),
    (796, "fcfb9"),
    (797, "fcfb10"),
    (798, "fcfb11"),
    (799, "fcfb12"),
    (800, "tr"),
    (801, "ieee802.11"),
    (802, "ieee802.11/prism"),
    (803, "ieee802.11/radiotap"),
    (804, "ieee802.15.4"),
    (805, "ieee802.15.4/monitor"),
    (820, "phonet"),
    (821, "phonet_pipe"),
    (822, "caif"),
    (823, "gre6"),
    (824, "netlink"),
    (825, "6lowpan"),
    (0xfffe, "none"),
    (0xffff, "void"),
];

pub const ARPHRD_TUNNEL: u16 = 768;
pub const ARPHRD_TUNNEL6: u16 = 769;
pub const ARPHRD_SIT: u16 = 776;
pub const ARPHRD_IPGRE: u16 = 778;
pub const ARPHRD_IP6GRE: u16 = 823;

/// `ether`, `loopback`, ..., or `[N]` for a type ip has no name for.
pub fn hardware_type(link_type: u16, numeric: bool) -> String {
    HARDWARE_TYPES
        .iter()
        .find(|(number, _)| !numeric && *number == link_type)
        .map_or_else(|| format!("[{link_type}]"), |(_, name)| name.to_string())
}

/// A link-layer address as ip prints it: tunnel endpoints as IP addresses,
/// everything else as colon-separated hex bytes.
pub fn link_address(bytes: &[u8], link_type: u16) -> String {
    if bytes.len() == 4 && matches!(link_type, ARPHRD_TUNNEL | ARPHRD_SIT | ARPHRD_IPGRE) {
        return std::net::Ipv4Addr::new(bytes[0], bytes[1], bytes[2], bytes[3]).to_string();
    }
    if bytes.len() == 16 && matches!(link_type, ARPHRD_TUNNEL6 | ARPHRD_IP6GRE) {
        let octets: [u8; 16] = bytes.try_into().expect("16 bytes");
        return std::net::Ipv6Addr::from(octets).to_string();
    }
    if bytes.is_empty() {
        // ip formats the first byte even of an empty address.
        return "00".to_string();
    }
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut text = String::with_capacity(bytes.len() * 3);
    for (i, byte) in bytes.iter().enumerate() {
        if i > 0 {
            text.push(':');
        }
        text.push(HEX[(byte >> 4) as usize] as char);
        text.push(HEX[(byte & 15) as usize] as char);
    }
    text
}

/// `/etc/iproute2/<file>` entries: `NUMBER NAME` lines, `#` comments.
pub(crate) fn read_table(path: &str) -> Vec<(u32, String)> {
    let Ok(text) = std::fs::read_to_string(path) else {
        return Vec::new();
    };
    text.lines()
        .filter_map(|line| {
            let line = line.trim_start_matches([' ', '\t']);
            if line.starts_with('#') || line.is_empty() {
                return None;
            }
            let mut words = line.split_whitespace();
            let id = words.next()?;
            let name = words.next()?;
            let id = match id.strip_prefix("0x") {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => id.parse::<i32>().ok()? as u32,
            };
            Some((id, name.to_string()))
        })
        .collect()
}

fn groups() -> &'static [(u32, String)] {
    static GROUPS: OnceLock<Vec<(u32, String)>> = OnceLock::new();
    GROUPS.get_or_init(|| {
        let mut table = read_table("/etc/iproute2/group");
        // ip finds the entry read last first.
        table.reverse();
        table
    })
}

/// A device group's name, or its number.
pub fn group_name(id: u32, numeric: bool) -> String {
    groups()
        .iter()
        .find(|(number, _)| !numeric && *number == id)
        .map_or_else(|| id.to_string(), |(_, name)| name.clone())
}

/// A device group from a name or a non-negative number (ip's
/// `rtnl_group_a2n`).
pub fn group_number(word: &str) -> Option<u32> {
    if let Some((id, _)) = groups().iter().find(|(_, name)| name == word) {
        return Some(*id);
    }
    // ip's rtnl_group_a2n: `int i = strtol(arg, …)`, refused when negative.
    // strtol saturates out of range values and the int keeps the low 32
    // bits: 4294967296 is group 0, 4294967295 is -1 and refused, LONG_MAX
    // is -1 and LONG_MIN is 0.
    let long = match crate::words::parse_c_integer(word, false) {
        Some(value) => value as i64,
        None => {
            let text = word.trim_start();
            let (negative, body) = match text.strip_prefix('-') {
                Some(rest) => (true, rest),
                None => (false, text.strip_prefix('+').unwrap_or(text)),
            };
            let (radix, digits) = match body.strip_prefix("0x").or(body.strip_prefix("0X")) {
                Some(hex) => (16, hex),
                None => (10, body),
            };
            // Only a well-formed number too large for a long gets here
            // (an octal one is all decimal digits too).
            if digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) {
                return None;
            }
            if negative {
                i64::MIN
            } else {
                i64::MAX
            }
        }
    };
    let id = long as i32;
    (id >= 0).then_some(id as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hardware_names_and_addresses() {
        assert_eq!(hardware_type(1, false), "ether");
        assert_eq!(hardware_type(772, false), "loopback");
        assert_eq!(hardware_type(65534, false), "none");
        assert_eq!(hardware_type(1, true), "[1]");
        assert_eq!(hardware_type(12345, false), "[12345]");
        assert_eq!(link_address(&[2, 0, 0, 0, 0, 0xab], 1), "02:00:00:00:00:ab");
        assert_eq!(link_address(&[192, 0, 2, 1], ARPHRD_IPGRE), "192.0.2.1");
        assert_eq!(link_address(&[192, 0, 2, 1], 1), "c0:00:02:01");
    }

    #[test]
    fn default_group() {
        assert_eq!(group_name(0, false), "default");
        assert_eq!(group_name(0, true), "0");
        assert_eq!(group_name(7, false), "7");
        assert_eq!(group_number("default"), Some(0));
        assert_eq!(group_number("0x10"), Some(16));
        assert_eq!(group_number("-3"), None);
        // ---- reliability: strtol into an int, as ip ----
        assert_eq!(group_number("4294967296"), Some(0));
        assert_eq!(group_number("4294967295"), None);
        assert_eq!(group_number("2147483647"), Some(2147483647));
        assert_eq!(group_number("2147483648"), None);
        assert_eq!(group_number("0x100000005"), Some(5));
        assert_eq!(group_number("99999999999999999999"), None);
        assert_eq!(group_number("-99999999999999999999"), Some(0));
        assert_eq!(group_number("bogus"), None);
    }
}

/// lib/ll_proto.c's ethertype names, in its order: the first entry with a
/// value is the name printed, the first with a name (any case) is parsed.
const LL_PROTO_NAMES: &[(u16, &str)] = &[
    (0x0060, "loop"),
    (0x0200, "pup"),
    (0x0201, "pupat"),
    (0x0800, "ip"),
    (0x0805, "x25"),
    (0x0806, "arp"),
    (0x08ff, "bpq"),
    (0x0a00, "ieeepup"),
    (0x0a01, "ieeepupat"),
    (0x6000, "dec"),
    (0x6001, "dna_dl"),
    (0x6002, "dna_rc"),
    (0x6003, "dna_rt"),
    (0x6004, "lat"),
    (0x6005, "diag"),
    (0x6006, "cust"),
    (0x6007, "sca"),
    (0x8035, "rarp"),
    (0x809b, "atalk"),
    (0x80f3, "aarp"),
    (0x8137, "ipx"),
    (0x86dd, "ipv6"),
    (0x8863, "ppp_disc"),
    (0x8864, "ppp_ses"),
    (0x884c, "atmmpoa"),
    (0x8884, "atmfate"),
    (0x0001, "802_3"),
    (0x0002, "ax25"),
    (0x0003, "all"),
    (0x0004, "802_2"),
    (0x0005, "snap"),
    (0x0006, "ddcmp"),
    (0x0007, "wan_ppp"),
    (0x0008, "ppp_mp"),
    (0x0009, "localtalk"),
    (0x000c, "can"),
    (0x0010, "ppptalk"),
    (0x0011, "tr_802_2"),
    (0x0015, "mobitex"),
    (0x0016, "control"),
    (0x0017, "irda"),
    (0x0018, "econet"),
    (0x88ca, "tipc"),
    (0x8892, "profinet"),
    (0x88a2, "aoe"),
    (0x88a4, "ethercat"),
    (0x8100, "802.1Q"),
    (0x88a8, "802.1ad"),
    (0x8847, "mpls_uc"),
    (0x8848, "mpls_mc"),
    (0x6558, "teb"),
    (0x88cc, "LLDP"),
];

/// ip's `ll_proto_n2a`: the name of an ethertype, `[N]` when unknown or
/// with `-N`.
pub(crate) fn ll_proto_name(value: u16, numeric: bool) -> String {
    LL_PROTO_NAMES
        .iter()
        .find(|(id, _)| !numeric && *id == value)
        .map_or_else(|| format!("[{value}]"), |(_, name)| name.to_string())
}

/// ip's `ll_proto_a2n`: an ethertype by name (any case) or number.
pub(crate) fn ll_proto_number(word: &str) -> Option<u16> {
    LL_PROTO_NAMES
        .iter()
        .find(|(_, name)| name.eq_ignore_ascii_case(word))
        .map(|(id, _)| *id)
        .or_else(|| crate::words::get_u16(word))
}

#[cfg(test)]
mod ll_proto_tests {
    use super::*;

    #[test]
    fn every_name_reads_back_to_its_number() {
        for (id, name) in LL_PROTO_NAMES {
            assert_eq!(ll_proto_number(name), Some(*id), "{name}");
            assert_eq!(ll_proto_name(*id, false), *name);
        }
        assert_eq!(ll_proto_number("X25"), Some(0x0805));
        assert_eq!(ll_proto_number("0x88cc"), Some(0x88cc));
        assert_eq!(ll_proto_number("nosuch"), None);
        assert_eq!(ll_proto_name(0x0805, true), "[2053]");
    }
}
