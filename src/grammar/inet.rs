//! Network addresses and prefixes as ip reads them (lib/utils.c
//! `get_addr_1`, `get_prefix_1`, `get_netmask`).
//!
//! ip does not use `inet_aton` or `inet_pton` for IPv4: it keeps a legacy
//! parser in which `10.1` is 10.1.0.0 (not 10.0.0.1), each part goes through
//! `strtoul` with base 0 (so `010` is 8 and `0x0a` is 10), and a prefix
//! length is either a base-0 number (`/024` is /20) or a contiguous dotted
//! netmask. `default`, `all` and `any` are words with their own meaning.
//! Scripts depend on all of that, so it is reproduced here exactly. IPv6
//! (any word containing `:`) is read as glibc's `inet_pton` reads it, as in
//! ip, and addresses are printed as glibc's `inet_ntop` prints them: both
//! are written here, so that the static build, linked with musl, agrees.

use crate::error::Error;
// C's strtoul is a word primitive (the model reads numbers with it too).
pub(crate) use crate::words::strtoul_prefix;

pub const AF_UNSPEC: u8 = 0;
pub const AF_INET: u8 = 2;
pub const AF_BRIDGE: u8 = 7;
pub const AF_INET6: u8 = 10;
pub const AF_PACKET: u8 = 17;
pub const AF_MPLS: u8 = 28;

/// What `bitlen` holds for `default`, `all` and `any`.
const BITLEN_SPECIAL: i32 = -2;
/// What `bitlen` holds for a bare address before a prefix is applied.
const BITLEN_UNSET: i32 = -1;

/// ip's `inet_prefix`: an address, how many of its bytes are meaningful, and
/// a prefix length.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Prefix {
    pub family: u8,
    pub bytelen: usize,
    /// The prefix length; -1 for a bare address, -2 for `all`/`any`.
    pub bitlen: i32,
    /// A `/LEN` was written (or the word was `default`).
    pub prefix_specified: bool,
    pub data: [u8; 16],
}

impl Prefix {
    fn empty(family: u8) -> Self {
        Prefix {
            family,
            bytelen: 0,
            bitlen: 0,
            prefix_specified: false,
            data: [0; 16],
        }
    }

    /// The meaningful bytes.
    pub fn bytes(&self) -> &[u8] {
        &self.data[..self.bytelen.min(16)]
    }

    pub fn is_multicast(&self) -> bool {
        match self.family {
            AF_INET => self.data[0] & 0xf0 == 0xe0,
            AF_INET6 => self.data[0] == 0xff,
            _ => false,
        }
    }
}

/// ip's `family_name`.
pub fn family_name(family: u8) -> &'static str {
    match family {
        AF_INET => "inet",
        AF_INET6 => "inet6",
        AF_PACKET => "link",
        AF_MPLS => "mpls",
        AF_BRIDGE => "bridge",
        _ => "???",
    }
}

/// ip's `family_name_verbose`: `any valid` when no family is known yet.
pub fn family_name_verbose(family: u8) -> &'static str {
    if family == AF_UNSPEC {
        "any valid"
    } else {
        family_name(family)
    }
}

/// ip's `af_bit_len`.
pub fn af_bit_len(family: u8) -> i32 {
    match family {
        AF_INET6 => 128,
        AF_INET => 32,
        AF_MPLS => 20,
        _ => 0,
    }
}

/// ip's `get_addr_ipv4`: one to four dot-separated parts, missing parts 0.
fn parse_ipv4(text: &[u8]) -> Option<[u8; 4]> {
    let mut bytes = [0u8; 4];
    let mut rest = text;
    for (i, byte) in bytes.iter_mut().enumerate() {
        let (value, used) = strtoul_prefix(rest)?;
        if value > 255 {
            return None;
        }
        *byte = value as u8;
        match rest.get(used) {
            None => return Some(bytes),
            Some(b'.') if i < 3 => rest = &rest[used + 1..],
            Some(_) => return None,
        }
    }
    Some(bytes)
}

// The C library's converters (the libc crate does not bind them).
extern "C" {
    fn gethostbyaddr(
        addr: *const nix::libc::c_void,
        len: nix::libc::socklen_t,
        af: nix::libc::c_int,
    ) -> *const HostEnt;
}

/// The start of C's `struct hostent`: only the name is read.
#[repr(C)]
struct HostEnt {
    h_name: *const nix::libc::c_char,
}

/// ip's `resolve_address` (`-resolve`): the host name the C library finds
/// for an address (IPv4-mapped IPv6 addresses as IPv4), remembered for the
/// rest of the process, failures included.
pub fn resolve_address(family: u8, bytes: &[u8]) -> Option<String> {
    use std::cell::RefCell;
    use std::collections::HashMap;
    /// Names found (or not) so far, by family and address.
    type Names = HashMap<(u8, Vec<u8>), Option<String>>;
    thread_local! {
        static NAMES: RefCell<Names> = RefCell::new(HashMap::new());
    }
    let (family, bytes) = if family == AF_INET6
        && bytes.len() == 16
        && bytes[..10].iter().all(|b| *b == 0)
        && bytes[10..12] == [0xff, 0xff]
    {
        (AF_INET, &bytes[12..])
    } else {
        (family, bytes)
    };
    let af = match family {
        AF_INET => nix::libc::AF_INET,
        AF_INET6 => nix::libc::AF_INET6,
        _ => return None,
    };
    let key = (family, bytes.to_vec());
    if let Some(known) = NAMES.with(|names| names.borrow().get(&key).cloned()) {
        return known;
    }
    // SAFETY: `bytes` is an address of `af`'s size; the returned entry (a
    // static buffer of the C library) is copied out at once.
    let name = unsafe {
        let entry = gethostbyaddr(bytes.as_ptr().cast(), bytes.len() as u32, af);
        if entry.is_null() || (*entry).h_name.is_null() {
            None
        } else {
            Some(
                std::ffi::CStr::from_ptr((*entry).h_name)
                    .to_string_lossy()
                    .into_owned(),
            )
        }
    };
    NAMES.with(|names| names.borrow_mut().insert(key, name.clone()));
    name
}

/// glibc's `inet_pton(AF_INET6, ...)`, which ip calls: up to four hex
/// digits a group, one `::`, and a dotted IPv4 tail whose parts have no
/// leading zero. Written here so that the static (musl) build reads
/// addresses exactly as ip does.
fn parse_ipv6(text: &str) -> Option<[u8; 16]> {
    if text.is_empty() {
        return None;
    }
    let mut src = text.as_bytes();
    let mut bytes = [0u8; 16];
    let mut filled = 0;
    // Where `::` stands, as a count of bytes filled before it.
    let mut gap: Option<usize> = None;
    if let Some(rest) = src.strip_prefix(b":") {
        if !rest.starts_with(b":") {
            return None;
        }
        src = rest;
    }
    let mut group_start = 0;
    let mut digits = 0;
    let mut value: u32 = 0;
    let mut i = 0;
    while i < src.len() {
        let ch = src[i];
        i += 1;
        if let Some(digit) = char::from(ch).to_digit(16) {
            if digits == 4 {
                return None;
            }
            value = value << 4 | digit;
            digits += 1;
            continue;
        }
        if ch == b':' {
            group_start = i;
            if digits == 0 {
                if gap.is_some() {
                    return None;
                }
                gap = Some(filled);
                continue;
            }
            if i == src.len() || filled + 2 > 16 {
                return None;
            }
            bytes[filled..filled + 2].copy_from_slice(&(value as u16).to_be_bytes());
            filled += 2;
            digits = 0;
            value = 0;
            continue;
        }
        if ch == b'.' && filled + 4 <= 16 {
            let tail = parse_dotted_quad(&src[group_start..])?;
            bytes[filled..filled + 4].copy_from_slice(&tail);
            filled += 4;
            digits = 0;
            break;
        }
        return None;
    }
    if digits > 0 {
        if filled + 2 > 16 {
            return None;
        }
        bytes[filled..filled + 2].copy_from_slice(&(value as u16).to_be_bytes());
        filled += 2;
    }
    if let Some(at) = gap {
        if filled == 16 {
            return None;
        }
        let moved = filled - at;
        bytes.copy_within(at..filled, 16 - moved);
        bytes[at..16 - moved].fill(0);
        filled = 16;
    }
    (filled == 16).then_some(bytes)
}

/// glibc's `inet_pton4`: exactly four decimal parts up to 255, none with a
/// leading zero.
fn parse_dotted_quad(text: &[u8]) -> Option<[u8; 4]> {
    let mut parts = [0u8; 4];
    let mut count = 0;
    let mut in_part = false;
    let mut part: u32 = 0;
    for &ch in text {
        match ch {
            b'0'..=b'9' => {
                if in_part && part == 0 {
                    return None;
                }
                part = part * 10 + u32::from(ch - b'0');
                if part > 255 {
                    return None;
                }
                if !in_part {
                    count += 1;
                    if count > 4 {
                        return None;
                    }
                    in_part = true;
                }
                parts[count - 1] = part as u8;
            }
            b'.' if in_part => {
                if count == 4 {
                    return None;
                }
                in_part = false;
                part = 0;
            }
            _ => return None,
        }
    }
    (count == 4).then_some(parts)
}

/// lib/mpls_pton.c: labels separated by `/`, the last with bottom-of-stack.
fn parse_mpls(text: &[u8]) -> Option<([u8; 16], usize)> {
    let mut data = [0u8; 16];
    let mut rest = text;
    for count in 0..4 {
        let (label, used) = strtoul_prefix(rest)?;
        if label >= 1 << 20 {
            return None;
        }
        let mut entry = (label as u32) << 12;
        let last = rest.get(used).is_none();
        if last {
            entry |= 1 << 8;
        }
        data[count * 4..count * 4 + 4].copy_from_slice(&entry.to_be_bytes());
        if last {
            return Some((data, (count + 1) * 4));
        }
        if rest[used] != b'/' {
            return None;
        }
        rest = &rest[used + 1..];
    }
    None
}

/// C's `sscanf(text, "%x", &int)`: a hex number at the start of `text`
/// (blanks, a sign and `0x` allowed, anything after it ignored).
fn scan_hex(text: &str) -> Option<i64> {
    let text = text.trim_start_matches(|c: char| c.is_ascii_whitespace());
    let (negative, text) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    let digits = match text.strip_prefix("0x").or_else(|| text.strip_prefix("0X")) {
        Some(rest) if rest.starts_with(|c: char| c.is_ascii_hexdigit()) => rest,
        _ => text,
    };
    let end = digits
        .find(|c: char| !c.is_ascii_hexdigit())
        .unwrap_or(digits.len());
    if end == 0 {
        return None;
    }
    // %x stores into an int: the value wraps to 32 bits.
    let value = u64::from_str_radix(&digits[..end], 16).unwrap_or(u64::MAX) as u32;
    let value = if negative {
        value.wrapping_neg()
    } else {
        value
    };
    Some(value as i32 as i64)
}

/// ip's `ll_addr_a2n`: a dotted IPv4 address, or colon-separated hex
/// bytes. ip says why it fails before its caller does.
fn parse_lladdr(text: &str) -> Option<([u8; 16], usize)> {
    let invalid = |part: &str| {
        crate::error::warn(crate::error::Warning::InvalidLladdr(part.to_string()));
        None
    };
    let mut data = [0u8; 16];
    if text.contains('.') {
        let Some(address) = get_addr_1(text, AF_INET) else {
            return invalid(text);
        };
        data[..4].copy_from_slice(&address.data[..4]);
        return Some((data, 4));
    }
    let mut count = 0;
    for part in text.split(':') {
        let Some(value) = scan_hex(part).filter(|v| (0..=255).contains(v)) else {
            return invalid(part);
        };
        // Longer link-layer addresses than 16 bytes are cut short here.
        if count < data.len() {
            data[count] = value as u8;
        }
        count += 1;
    }
    Some((data, count.min(16)))
}

/// ip's `get_addr_1`: one address of `family` (or of any family when it is
/// AF_UNSPEC). `None` when ip would fail.
pub fn get_addr_1(name: &str, family: u8) -> Option<Prefix> {
    if name == "default" {
        if family == AF_MPLS {
            return None;
        }
        return Some(Prefix {
            bytelen: (af_bit_len(family) / 8) as usize,
            bitlen: BITLEN_SPECIAL,
            prefix_specified: true,
            ..Prefix::empty(family)
        });
    }
    if name == "all" || name == "any" {
        if family == AF_MPLS {
            return None;
        }
        return Some(Prefix {
            bitlen: BITLEN_SPECIAL,
            ..Prefix::empty(family)
        });
    }
    if family == AF_PACKET {
        let data = parse_lladdr(name)?;
        return Some(Prefix {
            bytelen: data.1,
            bitlen: (data.1 * 8) as i32,
            data: data.0,
            ..Prefix::empty(AF_PACKET)
        });
    }
    if name.contains(':') {
        if family != AF_UNSPEC && family != AF_INET6 {
            return None;
        }
        let data = parse_ipv6(name)?;
        return Some(Prefix {
            bytelen: 16,
            bitlen: BITLEN_UNSET,
            data,
            ..Prefix::empty(AF_INET6)
        });
    }
    if family == AF_MPLS {
        let (data, bytelen) = parse_mpls(name.as_bytes())?;
        return Some(Prefix {
            bytelen,
            bitlen: 20,
            data,
            ..Prefix::empty(AF_MPLS)
        });
    }
    if family != AF_UNSPEC && family != AF_INET {
        return None;
    }
    let octets = parse_ipv4(name.as_bytes())?;
    let mut data = [0u8; 16];
    data[..4].copy_from_slice(&octets);
    Some(Prefix {
        bytelen: 4,
        bitlen: BITLEN_UNSET,
        data,
        ..Prefix::empty(AF_INET)
    })
}

/// ip's `mask2bits`: the length of a contiguous netmask.
fn mask_bits(mask: u32) -> Option<i32> {
    let host = !mask;
    if host & host.wrapping_add(1) != 0 {
        return None;
    }
    Some(mask.leading_ones() as i32)
}

/// ip's `get_netmask`: a base-0 number, or a dotted netmask.
fn get_netmask(text: &str) -> Option<u32> {
    if let Some(value) = super::get_unsigned(text) {
        return Some(value);
    }
    let mask = get_addr_1(text, AF_INET).filter(|p| p.family == AF_INET)?;
    let bits = mask_bits(u32::from_be_bytes(mask.data[..4].try_into().ok()?))?;
    Some(bits as u32)
}

/// ip's `get_prefix_1`: `ADDR[/LEN]`.
pub fn get_prefix_1(arg: &str, family: u8) -> Option<Prefix> {
    let (address, length) = match arg.split_once('/') {
        Some((address, length)) => (address, Some(length)),
        None => (arg, None),
    };
    let mut prefix = get_addr_1(address, family)?;
    let mut bitlen = af_bit_len(prefix.family);
    match length {
        Some(length) => {
            if prefix.bitlen == BITLEN_SPECIAL {
                return None;
            }
            let plen = get_netmask(length)?;
            if plen as i64 > bitlen as i64 {
                return None;
            }
            prefix.prefix_specified = true;
            bitlen = plen as i32;
        }
        None if prefix.bitlen == BITLEN_SPECIAL => bitlen = 0,
        None => {}
    }
    prefix.bitlen = bitlen;
    Some(prefix)
}

/// ip's `get_prefix`, whose failures end ip with status 1.
pub fn get_prefix(arg: &str, family: u8) -> Result<Prefix, Error> {
    if family == AF_PACKET {
        return Err(Error::PrefixNotAllowed(arg.to_string()));
    }
    get_prefix_1(arg, family).ok_or_else(|| Error::PrefixExpected {
        family: family_name_verbose(family),
        arg: arg.to_string(),
    })
}

/// ip's `get_addr`, whose failures end ip with status 1.
pub fn get_addr(arg: &str, family: u8) -> Result<Prefix, Error> {
    get_addr_1(arg, family).ok_or_else(|| {
        // ip's lladdr parser cuts the word at its colons in place, so the
        // error names only the first part.
        let shown = if family == AF_PACKET && !arg.contains('.') {
            arg.split(':').next().unwrap_or(arg)
        } else {
            arg
        };
        Error::AddressExpected {
            family: family_name_verbose(family),
            arg: shown.to_string(),
        }
    })
}

/// An address as glibc's `inet_ntop` writes it, which is what ip prints
/// (Rust's formatting differs for IPv4-compatible IPv6 addresses such as
/// `::1.2.3.4`, and so does musl's `inet_ntop`, which a static build links).
/// Written here rather than called: musl's goes through `snprintf`, a third
/// of `route show`'s instructions over a full table.
pub fn format_address(family: u8, bytes: &[u8]) -> String {
    match (family, bytes.len()) {
        (AF_INET, 4) => format_ipv4(bytes),
        (AF_INET6, 16) => format_ipv6(bytes),
        _ => format_unknown(family, bytes),
    }
}

fn format_ipv4(bytes: &[u8]) -> String {
    let mut text = String::with_capacity(15);
    for (i, byte) in bytes.iter().enumerate() {
        if i > 0 {
            text.push('.');
        }
        // Digits by hand: this runs for every address of a full table.
        if *byte >= 100 {
            text.push(char::from(b'0' + byte / 100));
        }
        if *byte >= 10 {
            text.push(char::from(b'0' + byte / 10 % 10));
        }
        text.push(char::from(b'0' + byte % 10));
    }
    text
}

/// glibc's `inet_ntop6`: the longest run of two or more zero words (the
/// first of equal runs) becomes `::`, words are lower-case hex without
/// leading zeros, and the last 32 bits are dotted when the address is
/// IPv4-compatible (`::a.b.c.d`, six zero words) or IPv4-mapped
/// (`::ffff:a.b.c.d`).
fn format_ipv6(bytes: &[u8]) -> String {
    use std::fmt::Write;
    let mut words = [0u16; 8];
    for (word, pair) in words.iter_mut().zip(bytes.chunks_exact(2)) {
        *word = u16::from_be_bytes([pair[0], pair[1]]);
    }
    // (start, length) of the longest run of zero words.
    let mut best: Option<(usize, usize)> = None;
    let mut run: Option<(usize, usize)> = None;
    for (i, word) in words.iter().enumerate() {
        if *word == 0 {
            run = Some(run.map_or((i, 1), |(start, len)| (start, len + 1)));
        } else if let Some(current) = run.take() {
            if best.is_none_or(|(_, len)| current.1 > len) {
                best = Some(current);
            }
        }
    }
    if let Some(current) = run {
        if best.is_none_or(|(_, len)| current.1 > len) {
            best = Some(current);
        }
    }
    let best = best.filter(|(_, len)| *len >= 2);
    let mut text = String::with_capacity(39);
    for (i, word) in words.iter().enumerate() {
        if let Some((start, len)) = best {
            if (start..start + len).contains(&i) {
                if i == start {
                    text.push(':');
                }
                continue;
            }
        }
        if i != 0 {
            text.push(':');
        }
        let embeds_ipv4 =
            matches!(best, Some((0, 6))) || (matches!(best, Some((0, 5))) && words[5] == 0xffff);
        if i == 6 && embeds_ipv4 {
            text.push_str(&format_ipv4(&bytes[12..]));
            return text;
        }
        let _ = write!(text, "{word:x}");
    }
    if best.is_some_and(|(start, len)| start + len == 8) {
        text.push(':');
    }
    text
}

/// ip's `rt_addr_n2a` for the other families: MPLS label stacks, and `???`
/// for what it cannot print.
fn format_unknown(family: u8, bytes: &[u8]) -> String {
    if family == AF_MPLS {
        let mut labels = Vec::new();
        for chunk in bytes.chunks_exact(4) {
            let entry = u32::from_be_bytes(chunk.try_into().expect("4 bytes"));
            labels.push((entry >> 12).to_string());
            if entry & (1 << 8) != 0 {
                break;
            }
        }
        return labels.join("/");
    }
    "???".to_string()
}

/// ip's `inet_addr_match`: whether the first `bits` bits of two addresses
/// agree.
pub fn prefix_matches(address: &[u8], prefix: &[u8], bits: i32) -> bool {
    let bits = bits.max(0) as usize;
    let whole = bits / 8;
    if address.len() < whole || prefix.len() < whole || address[..whole] != prefix[..whole] {
        return false;
    }
    let rest = bits % 8;
    if rest == 0 {
        return true;
    }
    let mask = 0xffu8 << (8 - rest);
    match (address.get(whole), prefix.get(whole)) {
        (Some(a), Some(b)) => (a ^ b) & mask == 0,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v4(text: &str) -> Option<([u8; 4], i32, bool)> {
        get_prefix_1(text, AF_UNSPEC).map(|p| {
            assert_eq!(p.family, AF_INET, "{text}");
            (
                p.data[..4].try_into().unwrap(),
                p.bitlen,
                p.prefix_specified,
            )
        })
    }

    #[test]
    fn legacy_ipv4_parts() {
        assert_eq!(v4("192.0.2.1"), Some(([192, 0, 2, 1], 32, false)));
        assert_eq!(v4("10.1"), Some(([10, 1, 0, 0], 32, false)));
        assert_eq!(v4("10"), Some(([10, 0, 0, 0], 32, false)));
        assert_eq!(v4("010.0.0.1"), Some(([8, 0, 0, 1], 32, false)));
        assert_eq!(v4("0x0a.0.0.2"), Some(([10, 0, 0, 2], 32, false)));
        assert_eq!(v4("0X0A.0.0.2"), Some(([10, 0, 0, 2], 32, false)));
        assert_eq!(v4(" 10. +1"), Some(([10, 1, 0, 0], 32, false)));
        assert_eq!(v4("0x0a020304"), None);
        assert_eq!(v4("192.0.2.300"), None);
        assert_eq!(v4("1.2.3.4.5"), None);
        assert_eq!(v4("1.2.3."), None);
        assert_eq!(v4("1..3"), None);
        assert_eq!(v4("foo"), None);
        assert_eq!(v4(""), None);
        assert_eq!(v4("08.1"), None);
        assert_eq!(v4("0x.1"), None);
        assert_eq!(v4("-1.0.0.0"), None);
        assert_eq!(v4("-0.0.0.1"), Some(([0, 0, 0, 1], 32, false)));
        assert_eq!(v4("99999999999999999999999.1"), None);
    }

    #[test]
    fn prefix_lengths() {
        assert_eq!(v4("192.0.2.1/24"), Some(([192, 0, 2, 1], 24, true)));
        assert_eq!(v4("192.0.2.1/024"), Some(([192, 0, 2, 1], 20, true)));
        assert_eq!(v4("192.0.2.1/0x18"), Some(([192, 0, 2, 1], 24, true)));
        assert_eq!(
            v4("192.0.2.1/255.255.255.0"),
            Some(([192, 0, 2, 1], 24, true))
        );
        assert_eq!(v4("192.0.2.1/255.255"), Some(([192, 0, 2, 1], 16, true)));
        assert_eq!(v4("192.0.2.1/0.0.0.0"), Some(([192, 0, 2, 1], 0, true)));
        assert_eq!(v4("192.0.2.1/default"), Some(([192, 0, 2, 1], 0, true)));
        assert_eq!(v4("192.0.2.1/255.0.255.0"), None);
        assert_eq!(v4("192.0.2.1/33"), None);
        assert_eq!(v4("192.0.2.1/"), None);
        assert_eq!(v4("192.0.2.1/-1"), None);
        assert_eq!(v4("192.0.2.1/24/2"), None);
        assert_eq!(v4("192.0.2.1/0"), Some(([192, 0, 2, 1], 0, true)));
    }

    #[test]
    fn ipv6_and_special_words() {
        let p = get_prefix_1("2001:db8::1/64", AF_UNSPEC).unwrap();
        assert_eq!((p.family, p.bitlen, p.bytelen), (AF_INET6, 64, 16));
        assert_eq!(p.data[..4], [0x20, 0x01, 0x0d, 0xb8]);
        let p = get_prefix_1("2001:db8::1", AF_UNSPEC).unwrap();
        assert_eq!((p.bitlen, p.prefix_specified), (128, false));
        assert!(get_prefix_1("2001:db8::1/129", AF_UNSPEC).is_none());
        assert!(get_prefix_1("2001:db8::1", AF_INET).is_none());
        assert!(get_prefix_1("192.0.2.1", AF_INET6).is_none());
        assert!(get_prefix_1("2001:db8:::1", AF_UNSPEC).is_none());
        assert!(get_prefix_1("2001:db8::1/ffff::", AF_UNSPEC).is_none());
        let p = get_prefix_1("default", AF_UNSPEC).unwrap();
        assert_eq!((p.family, p.bytelen, p.bitlen), (AF_UNSPEC, 0, 0));
        assert!(p.prefix_specified);
        let p = get_prefix_1("default", AF_INET).unwrap();
        assert_eq!((p.family, p.bytelen, p.bitlen), (AF_INET, 4, 0));
        let p = get_prefix_1("any", AF_INET6).unwrap();
        assert_eq!((p.family, p.bytelen, p.bitlen), (AF_INET6, 0, 0));
        assert!(!p.prefix_specified);
        assert!(get_prefix_1("all/8", AF_UNSPEC).is_none());
        assert!(get_prefix_1("1.2.3.4", AF_BRIDGE).is_none());
    }

    #[test]
    fn errors_name_the_family() {
        let shown = |err: Error| err.message("ip").unwrap();
        assert_eq!(
            shown(get_prefix("192.0.2.300/24", AF_UNSPEC).unwrap_err()),
            "Error: any valid prefix is expected rather than \"192.0.2.300/24\"."
        );
        assert_eq!(
            shown(get_prefix("192.0.2.6/24", AF_INET6).unwrap_err()),
            "Error: inet6 prefix is expected rather than \"192.0.2.6/24\"."
        );
        assert_eq!(
            shown(get_addr("x", AF_INET).unwrap_err()),
            "Error: inet address is expected rather than \"x\"."
        );
        let err = get_prefix("1.2.3.4", AF_PACKET).unwrap_err();
        assert_eq!(
            shown(err.clone()),
            "Error: \"1.2.3.4\" may be inet prefix, but it is not allowed in this context."
        );
        assert_eq!(err.status(), 1);
        assert!(err.aborts_batch());
    }

    #[test]
    fn mpls_labels() {
        let p = get_addr_1("100", AF_MPLS).unwrap();
        assert_eq!((p.bytelen, p.bitlen), (4, 20));
        assert_eq!(format_address(AF_MPLS, p.bytes()), "100");
        let p = get_addr_1("100/200", AF_MPLS).unwrap();
        assert_eq!(format_address(AF_MPLS, p.bytes()), "100/200");
        assert!(get_addr_1("1048576", AF_MPLS).is_none());
    }

    #[test]
    fn printing_follows_inet_ntop() {
        assert_eq!(format_address(AF_INET, &[192, 0, 2, 1]), "192.0.2.1");
        assert_eq!(format_address(AF_INET, &[0, 9, 10, 255]), "0.9.10.255");
        assert_eq!(
            format_address(AF_INET, &[100, 101, 99, 200]),
            "100.101.99.200"
        );
        let mut v6 = [0u8; 16];
        v6[15] = 1;
        assert_eq!(format_address(AF_INET6, &v6), "::1");
        v6[12..].copy_from_slice(&[1, 2, 3, 4]);
        assert_eq!(format_address(AF_INET6, &v6), "::1.2.3.4");
        assert_eq!(format_address(AF_INET, &[1, 2]), "???");
    }

    /// glibc's own `inet_ntop` as the oracle (a musl build has another).
    #[cfg(target_env = "gnu")]
    #[test]
    fn ipv6_printing_equals_glibc_inet_ntop() {
        extern "C" {
            fn inet_ntop(
                af: nix::libc::c_int,
                src: *const nix::libc::c_void,
                dst: *mut nix::libc::c_char,
                size: nix::libc::socklen_t,
            ) -> *const nix::libc::c_char;
        }
        let glibc = |bytes: &[u8; 16]| {
            let mut buf = [0 as nix::libc::c_char; 64];
            // SAFETY: a 16-byte address and a buffer larger than any text.
            unsafe {
                inet_ntop(
                    nix::libc::AF_INET6,
                    bytes.as_ptr().cast(),
                    buf.as_mut_ptr(),
                    64,
                );
                std::ffi::CStr::from_ptr(buf.as_ptr())
                    .to_str()
                    .unwrap()
                    .to_string()
            }
        };
        // Every pattern of zero and non-zero words (with 0xffff in word 5
        // for the mapped form), and a pseudo-random walk over values.
        let mut state = 0x2545_f491_4f6c_dd1du64;
        for pattern in 0u32..(1 << 8) {
            for filler in [1u16, 0xffff, 0x0102, 0xabcd] {
                let mut bytes = [0u8; 16];
                for word in 0..8 {
                    if pattern & (1 << word) != 0 {
                        state ^= state << 13;
                        state ^= state >> 7;
                        state ^= state << 17;
                        let value = if word == 5 {
                            filler
                        } else {
                            (state as u16) | 1
                        };
                        bytes[word * 2..word * 2 + 2].copy_from_slice(&value.to_be_bytes());
                    }
                }
                assert_eq!(format_address(AF_INET6, &bytes), glibc(&bytes), "{bytes:?}");
            }
        }
    }

    /// glibc's own `inet_pton` as the oracle, over words near the edges of
    /// the grammar.
    #[cfg(target_env = "gnu")]
    #[test]
    fn ipv6_parsing_equals_glibc_inet_pton() {
        extern "C" {
            fn inet_pton(
                af: nix::libc::c_int,
                src: *const nix::libc::c_char,
                dst: *mut nix::libc::c_void,
            ) -> nix::libc::c_int;
        }
        let glibc = |text: &str| {
            let c = std::ffi::CString::new(text).unwrap();
            let mut bytes = [0u8; 16];
            // SAFETY: a NUL-terminated string and a 16-byte buffer.
            let ok =
                unsafe { inet_pton(nix::libc::AF_INET6, c.as_ptr(), bytes.as_mut_ptr().cast()) };
            (ok == 1).then_some(bytes)
        };
        let pieces = [
            "",
            ":",
            "::",
            "0",
            "1",
            "01",
            "00001",
            "ffff",
            "FfFf",
            "g",
            "12345",
            "1.2.3.4",
            "01.2.3.4",
            "1.2.3.04",
            "255.255.255.255",
            "256.1.1.1",
            "1.2.3",
            "1.2.3.4.5",
            "1..2.3",
            "0.0.0.0",
            ".",
        ];
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        let mut checked = 0;
        for _ in 0..200_000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let mut word = String::new();
            let mut bits = state;
            for _ in 0..(bits % 9) {
                bits /= 9;
                word.push_str(pieces[(bits % pieces.len() as u64) as usize]);
                bits /= pieces.len() as u64;
                word.push(if bits.is_multiple_of(3) { '.' } else { ':' });
            }
            if state & 1 == 1 {
                word.pop();
            }
            assert_eq!(parse_ipv6(&word), glibc(&word), "{word:?}");
            checked += usize::from(glibc(&word).is_some());
        }
        for word in [
            "::",
            "::1",
            "1::",
            "1:2:3:4:5:6:7:8",
            "1:2:3:4:5:6:7::",
            "::2:3:4:5:6:7:8",
            "1:2:3:4:5:6:1.2.3.4",
            "::ffff:1.2.3.4",
            "1::2::3",
            ":1::",
            "1:::2",
            "1:2:3:4:5:6:7:8:9",
            "::1.2.3.4",
            "1::1.2.3.4",
            "1.2.3.4::",
            "fe80::1%eth0",
            "::1 ",
        ] {
            assert_eq!(parse_ipv6(word), glibc(word), "{word:?}");
        }
        assert!(checked > 100, "too few valid words: {checked}");
    }

    #[test]
    fn prefix_matching() {
        assert!(prefix_matches(&[192, 0, 2, 9], &[192, 0, 2, 0], 24));
        assert!(!prefix_matches(&[192, 0, 3, 9], &[192, 0, 2, 0], 24));
        assert!(prefix_matches(&[192, 0, 3, 9], &[192, 0, 2, 0], 22));
        assert!(!prefix_matches(&[192, 0, 4, 9], &[192, 0, 2, 0], 22));
        assert!(prefix_matches(&[1, 2, 3, 4], &[9, 9, 9, 9], 0));
        assert_eq!(mask_bits(0xffffff00), Some(24));
        assert_eq!(mask_bits(0), Some(0));
        assert_eq!(mask_bits(0xff00ff00), None);
    }
}
