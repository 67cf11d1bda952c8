//! dsa (ip/iplink_dsa.c): `conduit`/`master` device.
//! This kernel lacks the kind, so its encodings are checked against
//! captured ip requests.

pub(crate) mod print;

use super::{explain, invarg, unknown, value, Args, Nest};
use crate::context::Context;
use crate::error::Result;
use crate::objects::device;

pub(crate) fn parse(ctx: &mut Context, args: &mut Args, data: &mut Nest) -> Result<()> {
    const MASTER: u16 = 1;
    let mut words = args.words.iter();
    while let Some(word) = words.next() {
        if word == "conduit" || word == "master" {
            let v = value(&mut words)?;
            let index = device::index_of(ctx, v)?;
            if index == 0 {
                return Err(invarg("Device does not exist\n", v));
            }
            data.u32(MASTER, index as u32);
        } else if word == "help" {
            return Err(explain("dsa", None));
        } else {
            return Err(unknown("dsa", "command", word));
        }
    }
    Ok(())
}
