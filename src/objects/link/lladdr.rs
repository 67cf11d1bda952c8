//! Link-layer addresses typed on the command line (lib/ll_addr.c
//! `ll_addr_a2n`) and ip's lenient IPv4 reading (lib/utils.c
//! `get_addr_ipv4`), which `ll_addr_a2n` uses for dotted values.

use crate::error::{Error, Result};
use crate::objects::link::errors::LinkError;

/// The most bytes ip's buffer holds (`char abuf[32]`).
const MAX_LEN: usize = 32;

/// `ll_addr_a2n`: colon-separated parts, each read like `sscanf("%x")`; a
/// value with a `.` is an IPv4 address (4 bytes).
pub fn parse(word: &str) -> Result<Vec<u8>> {
    if word.as_bytes().contains(&b'.') {
        return ipv4(word)
            .map(|a| a.to_vec())
            .ok_or_else(|| Error::from(LinkError::InvalidLladdr(word.to_string())));
    }
    let mut bytes = Vec::with_capacity(8);
    for part in word.split(':') {
        let value = scanf_hex(part)
            .ok_or_else(|| Error::from(LinkError::InvalidLladdr(part.to_string())))?;
        if !(0..=255).contains(&value) {
            return Err(Error::from(LinkError::InvalidLladdr(part.to_string())));
        }
        bytes.push(value as u8);
        // ip stops filling its buffer when it is full and ignores the rest.
        if bytes.len() == MAX_LEN {
            break;
        }
    }
    Ok(bytes)
}

/// `sscanf(part, "%x", &int)`: blanks, a sign, an optional `0x`, then as many
/// hex digits as there are; anything after them is ignored. None when no
/// digit was read.
fn scanf_hex(part: &str) -> Option<i64> {
    let text = part.trim_start_matches([' ', '\t', '\n', '\r', '\x0b', '\x0c']);
    let (negative, body) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    let after_prefix = body
        .strip_prefix("0x")
        .or_else(|| body.strip_prefix("0X"))
        .filter(|rest| rest.starts_with(|c: char| c.is_ascii_hexdigit()))
        .unwrap_or(body);
    // Read in place, not collected first: a batch of neighbours reads six
    // of these a line. Past 64 bits the value stays at u64::MAX.
    let mut digits = 0;
    let mut wide: Option<u64> = Some(0);
    for digit in after_prefix.bytes().map_while(|b| (b as char).to_digit(16)) {
        digits += 1;
        wide = wide
            .and_then(|v| v.checked_mul(16))
            .and_then(|v| v.checked_add(u64::from(digit)));
    }
    if digits == 0 {
        return None;
    }
    // %x into an int: large values wrap, as with glibc.
    let value = wide.unwrap_or(u64::MAX) as u32 as i32 as i64;
    Some(if negative { -value } else { value })
}

/// `get_addr_ipv4`: up to four parts, each a C number (`0x`, octal) ≤ 255.
pub fn ipv4(word: &str) -> Option<[u8; 4]> {
    let mut address = [0u8; 4];
    let mut rest = word;
    for (i, slot) in address.iter_mut().enumerate() {
        let end = rest.find('.').unwrap_or(rest.len());
        let part = &rest[..end];
        let value = crate::grammar::get_unsigned(part).filter(|v| *v <= 255)?;
        *slot = value as u8;
        if end == rest.len() {
            return Some(address);
        }
        if i == 3 {
            return None;
        }
        rest = &rest[end + 1..];
    }
    Some(address)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_like_ll_addr_a2n() {
        assert_eq!(parse("02:00:00:00:00:01").unwrap(), vec![2, 0, 0, 0, 0, 1]);
        assert_eq!(parse("2:0:0:0:0:1").unwrap(), vec![2, 0, 0, 0, 0, 1]);
        assert_eq!(parse("00-11-22").unwrap(), vec![0]);
        assert_eq!(parse("192.0.2.1").unwrap(), vec![192, 0, 2, 1]);
        for (word, bad) in [("zz:zz", "zz"), ("100:1", "100"), ("1:-1", "-1"), ("", "")] {
            let error = Error::from(LinkError::InvalidLladdr(bad.into()));
            assert_eq!(parse(word), Err(error), "{word}");
        }
        assert_eq!(parse("0x1f:2g").unwrap(), vec![0x1f, 2]);
        // %x wraps into an int; past 64 bits it is ULONG_MAX, so -1.
        assert_eq!(parse("100000000ff:1").unwrap(), vec![0xff, 1]);
        let huge = "10000000000000000ff";
        assert_eq!(
            parse(huge),
            Err(Error::from(LinkError::InvalidLladdr(huge.into())))
        );
        assert_eq!(parse(" +0X0a").unwrap(), vec![10]);
    }

    #[test]
    fn reads_ipv4_like_get_addr_ipv4() {
        assert_eq!(ipv4("10.1"), Some([10, 1, 0, 0]));
        assert_eq!(ipv4("0x0a.010.0.1"), Some([10, 8, 0, 1]));
        assert_eq!(ipv4("1.2.3.256"), None);
        assert_eq!(ipv4("1.2.3.4.5"), None);
        assert_eq!(ipv4("1..2"), None);
    }
}
