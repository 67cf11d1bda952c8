//! Device names ↔ indexes, as iproute2's ll_map does it: a cache filled by
//! dumps, a kernel lookup on a miss (names and altnames), then `ifN`.

use crate::context::Context;
use crate::error::Result;
use crate::kernel::link;
use crate::model::link::{Link, RTEXT_FILTER_SKIP_STATS, RTEXT_FILTER_VF};

/// The link named `name` (or having it as an altname), asked of the kernel.
/// Kernel refusals mean "no such link", as in ip's lookups.
pub fn lookup(ctx: &mut Context, name: &[u8]) -> Result<Option<Link>> {
    let found = link::get(
        ctx.raw()?,
        Some(name),
        0,
        0,
        RTEXT_FILTER_VF | RTEXT_FILTER_SKIP_STATS,
    );
    let found = found.ok().flatten();
    if let Some(link) = &found {
        ctx.links.remember(link);
    }
    Ok(found)
}

/// ip's `ll_name_to_index`: 0 when nothing has that name.
pub fn index_of(ctx: &mut Context, name: &str) -> Result<i32> {
    if let Some(index) = ctx.links.index_of(name.as_bytes()) {
        return Ok(index);
    }
    if let Some(link) = lookup(ctx, name.as_bytes())? {
        return Ok(link.info.index);
    }
    Ok(ifn_index(name))
}

/// The `ifN` form: N, or 0.
pub(crate) fn ifn_index(name: &str) -> i32 {
    let Some(digits) = name.strip_prefix("if") else {
        return 0;
    };
    // sscanf("%u") accepts leading blanks, a sign and trailing garbage.
    let digits = digits.trim_start();
    let (negative, digits) = match digits.as_bytes().first() {
        Some(b'-') => (true, &digits[1..]),
        Some(b'+') => (false, &digits[1..]),
        _ => (false, digits),
    };
    let end = digits
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(digits.len());
    if end == 0 {
        return 0;
    }
    let value = digits[..end].parse::<u64>().unwrap_or(u64::MAX) as u32;
    (if negative {
        value.wrapping_neg()
    } else {
        value
    }) as i32
}

/// ip's `ll_index_to_name`: the cached name, else the kernel's, else `ifN`.
pub fn name_of(ctx: &mut Context, index: i32) -> Result<Vec<u8>> {
    if index == 0 {
        return Ok(b"*".to_vec());
    }
    if let Some(known) = ctx.links.get(index) {
        return Ok(known.name.clone());
    }
    let found = link::get(
        ctx.raw()?,
        None,
        index,
        0,
        RTEXT_FILTER_VF | RTEXT_FILTER_SKIP_STATS,
    );
    if let Ok(Some(link)) = found {
        ctx.links.remember(&link);
        return Ok(link.name().to_vec());
    }
    Ok(format!("if{index}").into_bytes())
}

#[cfg(test)]
mod tests {
    use super::ifn_index;

    #[test]
    fn ifn_form_is_read_like_sscanf() {
        assert_eq!(ifn_index("if7"), 7);
        assert_eq!(ifn_index("if12abc"), 12);
        assert_eq!(ifn_index("if"), 0);
        assert_eq!(ifn_index("eth0"), 0);
        assert_eq!(ifn_index("ifx"), 0);
    }
}
