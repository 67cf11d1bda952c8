//! rmnet (ip/iplink_rmnet.c): `mux_id MUXID`.
//! This kernel lacks the kind, so its encodings are checked against
//! captured ip requests.

pub(crate) mod print;

use super::{explain, invarg, unknown, value, Args, Nest};
use crate::error::Result;
use crate::grammar::{get_u16, matches};

pub(crate) fn parse(args: &mut Args, data: &mut Nest) -> Result<()> {
    const MUX_ID: u16 = 1;
    let mut words = args.words.iter();
    while let Some(word) = words.next() {
        if matches(word, "mux_id") {
            let v = value(&mut words)?;
            data.u16(
                MUX_ID,
                get_u16(v).ok_or_else(|| invarg("mux_id is invalid", v))?,
            );
        } else if matches(word, "help") {
            return Err(explain("rmnet", None));
        } else {
            return Err(unknown("rmnet", "command", word));
        }
    }
    Ok(())
}
