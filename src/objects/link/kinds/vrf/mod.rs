//! vrf (ip/iplink_vrf.c): `table ID`.

pub(crate) mod print;

use super::{explain, invarg, value, Args, Nest};
use crate::error::Result;
use crate::grammar::{get_unsigned, matches};

const IFLA_VRF_TABLE: u16 = 1;

/// lib/rt_names.c `rtnl_rttable_a2n` with the default table names.
fn table(word: &str) -> Option<u32> {
    match word {
        "default" => Some(253),
        "main" => Some(254),
        "local" => Some(255),
        _ => get_unsigned(word),
    }
}

pub(crate) fn parse(args: &mut Args, data: &mut Nest) -> Result<()> {
    let mut words = args.words.iter();
    while let Some(word) = words.next() {
        if matches(word, "table") {
            let v = value(&mut words)?;
            let id = table(v).ok_or_else(|| invarg("invalid table ID\n", v))?;
            data.u32(IFLA_VRF_TABLE, id);
        } else if matches(word, "help") {
            return Err(explain("vrf", None));
        } else {
            return Err(explain(
                "vrf",
                Some(format!("vrf: unknown option \"{word}\"?")),
            ));
        }
    }
    Ok(())
}
