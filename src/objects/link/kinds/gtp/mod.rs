//! gtp (ip/iplink_gtp.c). This kernel lacks the kind, so its encodings are
//! checked against captured ip requests.

pub(crate) mod print;

use super::shared::inet::Seen;
use super::{explain, invarg, value, Args, Nest};
use crate::error::{Error, Result};
use crate::grammar::get_unsigned;
use crate::objects::link::errors::LinkError;

pub(crate) fn parse(args: &mut Args, data: &mut Nest) -> Result<()> {
    const PDP_HASHSIZE: u16 = 3;
    const ROLE: u16 = 4;
    const CREATE_SOCKETS: u16 = 5;
    const RESTART_COUNT: u16 = 6;
    let mut seen = Seen::default();
    data.u8(CREATE_SOCKETS, 1);
    let mut words = args.words.iter();
    while let Some(word) = words.next() {
        match word.as_str() {
            "role" => {
                let v = value(&mut words)?;
                seen.check(ROLE, "role", v)?;
                let role = match v.as_str() {
                    "sgsn" => 1,
                    "ggsn" => 0,
                    _ => return Err(invarg("invalid role, use sgsn or ggsn", v)),
                };
                data.u32(ROLE, role);
            }
            "hsize" => {
                let v = value(&mut words)?;
                seen.check(PDP_HASHSIZE, "hsize", v)?;
                let size = get_unsigned(v).ok_or_else(|| invarg("invalid PDP hash size", v))?;
                if size >= 1 << 17 {
                    return Err(invarg("PDP hash size too big", v));
                }
                data.u32(PDP_HASHSIZE, size);
            }
            "restart_count" => {
                let v = value(&mut words)?;
                seen.check(RESTART_COUNT, "restart_count", v)?;
                // get_u8(.., 10): decimal only.
                let count = v
                    .parse::<u8>()
                    .ok()
                    .filter(|_| v.bytes().all(|b| b.is_ascii_digit()))
                    .ok_or_else(|| invarg("invalid restart_count", v))?;
                data.u8(RESTART_COUNT, count);
            }
            "help" => return Err(explain("gtp", None)),
            // ip's gtp parser skips words it does not know.
            _ => {}
        }
    }
    if !seen.has(ROLE) {
        return Err(Error::from(LinkError::KindArgument(
            "gtp: role of the gtp device was not specified".into(),
        )));
    }
    if !seen.has(PDP_HASHSIZE) {
        data.u32(PDP_HASHSIZE, 1024);
    }
    Ok(())
}
