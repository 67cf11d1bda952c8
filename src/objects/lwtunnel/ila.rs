//! `encap ila LOCATOR [ csum-mode MODE ] [ ident-type TYPE ] [ hook-type
//! TYPE ]` (ILA_ATTR_*): identifier-locator addressing. The attributes
//! are raw: netlink-packet-route 0.34 has no ila encapsulation.

use super::errors::EncapError;
use super::{invalid, read_u8, Cursor, Writer};
use crate::error::Result;
use crate::kernel::attrs::Attrs;
use crate::output::{Kind, Printer};

const LOCATOR: u16 = 1;
const CSUM_MODE: u16 = 7;
const IDENT_TYPE: u16 = 8;
const HOOK_TYPE: u16 = 9;
const MAX: u16 = 9;

/// Checksum modes by ILA_CSUM_* number.
const CSUM_MODES: [&str; 4] = [
    "adj-transport",
    "neutral-map",
    "no-action",
    "neutral-map-auto",
];
/// Identifier types ip can print, by ILA_ATYPE_* number.
const IDENT_TYPES: [(u8, &str); 7] = [
    (0, "iid"),
    (1, "luid"),
    (2, "virt-v4"),
    (3, "virt-uni-v6"),
    (4, "virt-multi-v6"),
    (5, "nonlocal-addr"),
    (32, "use-format"),
];
/// The identifier types ip accepts (the kernel configures no others).
const SETTABLE_IDENT_TYPES: [&str; 2] = ["luid", "use-format"];
const HOOK_TYPES: [&str; 2] = ["output", "input"];

/// C's `strtoul(text, &end, 16)`: the value and the bytes used, `None`
/// without digits.
fn hex_prefix(text: &str) -> Option<(u64, usize)> {
    let bytes = text.as_bytes();
    let mut at = bytes
        .iter()
        .position(|b| !matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c))
        .unwrap_or(bytes.len());
    let negative = bytes.get(at) == Some(&b'-');
    if matches!(bytes.get(at), Some(b'-' | b'+')) {
        at += 1;
    }
    if bytes.get(at) == Some(&b'0')
        && matches!(bytes.get(at + 1), Some(b'x' | b'X'))
        && bytes.get(at + 2).is_some_and(u8::is_ascii_hexdigit)
    {
        at += 2;
    }
    let start = at;
    let mut value: u64 = 0;
    while let Some(digit) = bytes.get(at).and_then(|b| (*b as char).to_digit(16)) {
        value = value.saturating_mul(16).saturating_add(digit.into());
        at += 1;
    }
    if at == start {
        return None;
    }
    Some((
        if negative {
            value.wrapping_neg()
        } else {
            value
        },
        at,
    ))
}

/// ip's `get_addr64`: up to four `:`-separated 16-bit hex groups. ip
/// leaves the groups of a shorter locator uninitialised; they are zero
/// here.
fn locator(text: &str) -> Option<[u8; 8]> {
    let mut groups = [0u8; 8];
    let mut rest = text;
    for group in 0..4 {
        let (value, used) = hex_prefix(rest)?;
        if value > 0xffff {
            return None;
        }
        groups[group * 2..group * 2 + 2].copy_from_slice(&(value as u16).to_be_bytes());
        match rest.as_bytes().get(used) {
            None => return Some(groups),
            Some(b':') if group < 3 => rest = &rest[used + 1..],
            _ => return None,
        }
    }
    None
}

pub(super) fn parse(cursor: &mut Cursor, out: &mut Writer) -> Result<()> {
    let word = cursor.current();
    let locator = locator(word).ok_or_else(|| EncapError::BadLocator(word.to_string()))?;
    cursor.forward();
    out.attr(LOCATOR, &locator);
    while cursor.argc() > 0 {
        let (kind, names, key): (u16, &[&str], &str) = match cursor.current() {
            "csum-mode" => (CSUM_MODE, &CSUM_MODES, "csum-mode"),
            "ident-type" => (IDENT_TYPE, &SETTABLE_IDENT_TYPES, "ident-type"),
            "hook-type" => (HOOK_TYPE, &HOOK_TYPES, "hook-type"),
            _ => break,
        };
        let value = cursor.next_arg()?;
        let reason = format!("\"{key}\" value is invalid\n");
        let at = names
            .iter()
            .position(|n| *n == value)
            .ok_or_else(|| invalid(value, &reason))?;
        let number = match kind {
            IDENT_TYPE => IDENT_TYPES
                .iter()
                .find(|(_, n)| *n == names[at])
                .map_or(0, |(v, _)| *v),
            _ => at as u8,
        };
        out.u8(kind, number);
        cursor.forward();
    }
    Ok(())
}

pub(super) fn print(out: &mut Printer, encap: &[u8]) {
    let attrs = Attrs::parse(encap, MAX);
    if let Some(locator) = attrs.get(LOCATOR) {
        let mut bytes = [0u8; 8];
        let n = locator.len().min(8);
        bytes[..n].copy_from_slice(&locator[..n]);
        let text = bytes
            .chunks_exact(2)
            .map(|g| format!("{:x}", u16::from_be_bytes([g[0], g[1]])))
            .collect::<Vec<_>>()
            .join(":");
        out.string(Kind::Any, Some("locator"), " {} ", text);
    }
    let name_of =
        |table: &[&'static str], value: u8| table.get(value as usize).copied().unwrap_or("unknown");
    if let Some(mode) = attrs.get(CSUM_MODE) {
        let name = name_of(&CSUM_MODES, read_u8(mode));
        out.string(Kind::Any, Some("csum_mode"), " csum-mode {} ", name);
    }
    if let Some(ident) = attrs.get(IDENT_TYPE) {
        let value = read_u8(ident);
        let name = IDENT_TYPES
            .iter()
            .find(|(v, _)| *v == value)
            .map_or("unknown", |(_, n)| n);
        out.string(Kind::Any, Some("ident_type"), " ident-type {} ", name);
    }
    if let Some(hook) = attrs.get(HOOK_TYPE) {
        let name = name_of(&HOOK_TYPES, read_u8(hook));
        out.string(Kind::Any, Some("hook_type"), " hook-type {} ", name);
    }
}
