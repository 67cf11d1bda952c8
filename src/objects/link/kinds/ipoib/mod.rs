//! ipoib (ip/iplink_ipoib.c): `pkey`, `mode` and `umcast`.
//! This kernel lacks the kind, so its encodings are checked against
//! captured ip requests.

pub(crate) mod print;

use super::{explain, invarg, unknown, value, Args, Nest};
use crate::error::{Error, Result};
use crate::grammar::{get_u16, matches};
use crate::objects::link::errors::LinkError;

pub(crate) fn parse(args: &mut Args, data: &mut Nest) -> Result<()> {
    const PKEY: u16 = 1;
    const MODE: u16 = 2;
    const UMCAST: u16 = 3;
    let mut words = args.words.iter();
    while let Some(word) = words.next() {
        if matches(word, "pkey") {
            let v = value(&mut words)?;
            data.u16(
                PKEY,
                get_u16(v).ok_or_else(|| invarg("pkey is invalid", v))?,
            );
        } else if matches(word, "mode") {
            let mode = match value(&mut words)?.as_str() {
                "datagram" => 0,
                "connected" => 1,
                _ => {
                    return Err(Error::from(LinkError::KindArgument(
                        "Error: argument of \"mode\" must be \"datagram\"or \"connected\"".into(),
                    )))
                }
            };
            data.u16(MODE, mode);
        } else if matches(word, "umcast") {
            let v = value(&mut words)?;
            data.u16(
                UMCAST,
                get_u16(v).ok_or_else(|| invarg("umcast is invalid", v))?,
            );
        } else if matches(word, "help") {
            return Err(explain("ipoib", None));
        } else {
            return Err(unknown("ipoib", "option", word));
        }
    }
    Ok(())
}
