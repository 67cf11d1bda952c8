//! ip's word primitives: its `matches()` prefix rule and C's number
//! parsers (`strtol`/`strtoul` with base 0, `atoi`).
//!
//! A leaf: it imports nothing of the crate. The grammar re-exports it for
//! the object parsers, and the model's name tables (scopes, groups,
//! protocols) read their numbers with it directly: through the grammar,
//! which reports errors, the kernel layer below the model would reach the
//! error table above it.

/// ip's `matches(word, keyword)`: `word` is a non-empty prefix of `keyword`.
pub(crate) fn matches(word: &str, keyword: &str) -> bool {
    !word.is_empty() && keyword.as_bytes().starts_with(word.as_bytes())
}

/// C's `strtol`/`strtoul` with base 0 over the whole word: optional leading
/// white space and sign, `0x` for hex, a leading `0` for octal. Returns `None`
/// when there are no digits, trailing garbage, or the value overflows 64 bits
/// (ERANGE). `unsigned` mirrors strtoul, which negates after conversion.
pub(crate) fn parse_c_integer(word: &str, unsigned: bool) -> Option<i128> {
    let text = word.trim_start_matches([' ', '\t', '\n', '\r', '\x0b', '\x0c']);
    let (negative, body) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    let (radix, digits) = if let Some(hex) = body
        .strip_prefix("0x")
        .or_else(|| body.strip_prefix("0X"))
        .filter(|rest| rest.starts_with(|c: char| c.is_ascii_hexdigit()))
    {
        (16, hex)
    } else if body.len() > 1 && body.starts_with('0') {
        (8, &body[1..])
    } else {
        (10, body)
    };
    if digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) {
        // A lone "0" followed by garbage such as "0x" or "08" is trailing garbage.
        return None;
    }
    let magnitude = u128::from_str_radix(digits, radix).ok()?;
    let limit: u128 = if unsigned {
        u64::MAX as u128
    } else if negative {
        1u128 << 63
    } else {
        i64::MAX as u128
    };
    if magnitude > limit {
        return None;
    }
    let value = magnitude as i128;
    if !negative {
        Some(value)
    } else if unsigned {
        // strtoul("-1") is ULONG_MAX: negation happens in unsigned arithmetic.
        Some(((u64::MAX as u128 + 1 - magnitude) % (u64::MAX as u128 + 1)) as i128)
    } else {
        Some(-value)
    }
}

/// iproute2's `get_integer(&int, arg, 0)`.
pub(crate) fn get_integer(word: &str) -> Option<i32> {
    parse_c_integer(word, false).and_then(|v| i32::try_from(v).ok())
}

/// iproute2's `get_s32(&s32, arg, 0)` (same range as `get_integer`).
pub(crate) fn get_s32(word: &str) -> Option<i32> {
    get_integer(word)
}

/// iproute2's `get_unsigned(&unsigned, arg, 0)`.
pub(crate) fn get_unsigned(word: &str) -> Option<u32> {
    parse_c_integer(word, true).and_then(|v| u32::try_from(v).ok())
}

/// iproute2's `get_u64(&u64, arg, 0)` (strtoull: `-1` wraps to the maximum).
pub(crate) fn get_u64(word: &str) -> Option<u64> {
    parse_c_integer(word, true).map(|v| v as u64)
}

/// iproute2's `get_u16(&u16, arg, 0)`.
pub(crate) fn get_u16(word: &str) -> Option<u16> {
    get_unsigned(word).and_then(|v| u16::try_from(v).ok())
}

/// iproute2's `get_u8(&u8, arg, 0)`.
pub(crate) fn get_u8(word: &str) -> Option<u8> {
    get_unsigned(word).and_then(|v| u8::try_from(v).ok())
}

/// C's `atoi`: leading number, anything after it ignored, 0 when none.
pub(crate) fn atoi(word: &str) -> i32 {
    let text = word.trim_start();
    let (negative, body) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    let digits: String = body.chars().take_while(|c| c.is_ascii_digit()).collect();
    let value = digits.parse::<i64>().unwrap_or(0);
    (if negative { -value } else { value }) as i32
}

fn is_c_space(byte: u8) -> bool {
    matches!(byte, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

/// C's `strtoul(text, &end, 0)`: the value (ULONG_MAX on overflow, negated
/// modulo 2^64 after a `-`) and how many bytes it used, or `None` when there
/// are no digits (`end == text`).
pub(crate) fn strtoul_prefix(text: &[u8]) -> Option<(u64, usize)> {
    let mut at = 0;
    while at < text.len() && is_c_space(text[at]) {
        at += 1;
    }
    let mut negative = false;
    if let Some(sign @ (b'-' | b'+')) = text.get(at) {
        negative = *sign == b'-';
        at += 1;
    }
    let (radix, start) = if text.get(at) == Some(&b'0')
        && matches!(text.get(at + 1), Some(b'x' | b'X'))
        && text.get(at + 2).is_some_and(u8::is_ascii_hexdigit)
    {
        (16, at + 2)
    } else if text.get(at) == Some(&b'0') {
        (8, at)
    } else {
        (10, at)
    };
    let mut end = start;
    let mut value: u64 = 0;
    let mut overflow = false;
    while let Some(digit) = text.get(end).and_then(|b| (*b as char).to_digit(radix)) {
        match value
            .checked_mul(radix as u64)
            .and_then(|v| v.checked_add(digit as u64))
        {
            Some(next) => value = next,
            None => overflow = true,
        }
        end += 1;
    }
    if end == start {
        return None;
    }
    let value = if overflow {
        u64::MAX
    } else if negative {
        value.wrapping_neg()
    } else {
        value
    };
    Some((value, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefix_rule_is_case_sensitive() {
        assert!(matches("ad", "address"));
        assert!(!matches("", "address"));
        assert!(!matches("addresss", "address"));
        assert!(!matches("List", "list"), "matching is case-sensitive");
    }

    #[test]
    fn integers_follow_strtol_base_zero() {
        assert_eq!(get_integer("42"), Some(42));
        assert_eq!(get_integer("0x10"), Some(16));
        assert_eq!(get_integer("010"), Some(8));
        assert_eq!(get_integer(" +7"), Some(7));
        assert_eq!(get_integer("-5"), Some(-5));
        assert_eq!(get_integer("0"), Some(0));
        assert_eq!(get_integer("08"), None);
        assert_eq!(get_integer("0x"), None);
        assert_eq!(get_integer("5a"), None);
        assert_eq!(get_integer(""), None);
        assert_eq!(get_integer("-"), None);
        assert_eq!(get_integer("2147483648"), None);
        assert_eq!(get_integer("-2147483648"), Some(i32::MIN));
        assert_eq!(get_unsigned("4294967295"), Some(u32::MAX));
        assert_eq!(get_unsigned("4294967296"), None);
        assert_eq!(get_unsigned("-1"), None);
        assert_eq!(atoi("12abc"), 12);
        assert_eq!(atoi("abc"), 0);
    }

    #[test]
    fn strtoul_stops_where_c_stops() {
        assert_eq!(strtoul_prefix(b"12.3"), Some((12, 2)));
        assert_eq!(strtoul_prefix(b"0x1g"), Some((1, 3)));
        assert_eq!(strtoul_prefix(b"0xg"), Some((0, 1)));
        assert_eq!(strtoul_prefix(b"089"), Some((0, 1)));
        assert_eq!(strtoul_prefix(b"-1"), Some((u64::MAX, 2)));
        assert_eq!(strtoul_prefix(b"x"), None);
        assert_eq!(strtoul_prefix(b"-"), None);
    }
}
