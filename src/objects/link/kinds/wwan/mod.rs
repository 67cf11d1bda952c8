//! wwan (ip/iplink_wwan.c): `linkid LINKID`.
//! This kernel lacks the kind, so its encodings are checked against
//! captured ip requests.

pub(crate) mod print;

use super::{explain, invarg, unknown, value, Args, Nest};
use crate::error::Result;
use crate::grammar::{get_unsigned, matches};

pub(crate) fn parse(args: &mut Args, data: &mut Nest) -> Result<()> {
    const LINK_ID: u16 = 1;
    let mut words = args.words.iter();
    while let Some(word) = words.next() {
        if matches(word, "linkid") {
            let v = value(&mut words)?;
            data.u32(LINK_ID, get_unsigned(v).ok_or_else(|| invarg("linkid", v))?);
        } else if matches(word, "help") {
            return Err(explain("wwan", None));
        } else {
            return Err(unknown("wwan", "command", word));
        }
    }
    Ok(())
}
