//! xfrm (ip/link_xfrm.c): `dev PHYS_DEV`, `if_id IF_ID` and `external`.
//! This kernel lacks the kind, so its encodings are checked against
//! captured ip requests.

pub(crate) mod print;

use super::{explain, invarg, value, Args, Nest};
use crate::context::Context;
use crate::error::{Error, Result};
use crate::grammar::{get_unsigned, matches};
use crate::objects::device;
use crate::objects::link::errors::LinkError;

pub(crate) fn parse(ctx: &mut Context, args: &mut Args, data: &mut Nest) -> Result<()> {
    const LINK: u16 = 1;
    const IF_ID: u16 = 2;
    const COLLECT_METADATA: u16 = 3;
    let (mut link, mut if_id, mut metadata) = (0, 0, false);
    let mut words = args.words.iter();
    while let Some(word) = words.next() {
        if matches(word, "dev") {
            let v = value(&mut words)?;
            link = device::index_of(ctx, v)?;
            if link == 0 {
                return Err(Error::from(LinkError::KindFatal(
                    format!("Cannot find device \"{v}\""),
                    255,
                )));
            }
        } else if matches(word, "if_id") {
            let v = value(&mut words)?;
            if_id = get_unsigned(v)
                .filter(|id| *id != 0)
                .ok_or_else(|| invarg("if_id value is invalid", v))?;
            data.u32(IF_ID, if_id);
        } else if word == "external" {
            metadata = true;
        } else {
            return Err(explain("xfrm", None));
        }
    }
    if metadata {
        if if_id != 0 || link != 0 {
            return Err(Error::from(LinkError::KindArgument(
                "xfrmi: both 'external' and if_id/link cannot be specified".into(),
            )));
        }
        data.flag(COLLECT_METADATA);
        return Ok(());
    }
    if if_id == 0 {
        return Err(Error::MissingArgument("IF_ID".into()));
    }
    if link != 0 {
        data.u32(LINK, link as u32);
    }
    Ok(())
}
