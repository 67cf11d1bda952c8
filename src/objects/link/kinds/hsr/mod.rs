//! hsr (ip/iplink_hsr.c). This kernel lacks the kind, so its encodings are
//! checked against captured ip requests.

pub(crate) mod print;

use super::{explain, invarg, value, Args, Nest};
use crate::context::Context;
use crate::error::Result;
use crate::grammar::{get_u8, matches};
use crate::objects::device;

pub(crate) fn parse(ctx: &mut Context, args: &mut Args, data: &mut Nest) -> Result<()> {
    const SLAVE1: u16 = 1;
    const SLAVE2: u16 = 2;
    const MULTICAST_SPEC: u16 = 3;
    const VERSION: u16 = 6;
    const PROTOCOL: u16 = 7;
    let mut words = args.words.iter();
    while let Some(word) = words.next() {
        let w = word.as_str();
        if matches(w, "supervision") {
            let v = value(&mut words)?;
            data.u8(
                MULTICAST_SPEC,
                get_u8(v).ok_or_else(|| invarg("ADDR-BYTE is invalid", v))?,
            );
        } else if matches(w, "version") {
            // ip compares get_u8's return code, not the value: any byte
            // passes.
            let v = value(&mut words)?;
            data.u8(
                VERSION,
                get_u8(v).ok_or_else(|| invarg("version is invalid", v))?,
            );
        } else if matches(w, "proto") {
            let v = value(&mut words)?;
            data.u8(
                PROTOCOL,
                get_u8(v).ok_or_else(|| invarg("protocol is invalid", v))?,
            );
        } else if matches(w, "slave1") || matches(w, "slave2") {
            let attr = if matches(w, "slave1") { SLAVE1 } else { SLAVE2 };
            let v = value(&mut words)?;
            let index = device::index_of(ctx, v)?;
            if index == 0 {
                return Err(invarg("No such interface", v));
            }
            data.u32(attr, index as u32);
        } else if matches(w, "help") {
            return Err(explain("hsr", None));
        } else {
            return Err(explain("hsr", Some(format!("hsr: what is \"{w}\"?"))));
        }
    }
    Ok(())
}
