//! Kinds with a handful of options each: xfrm (ip/link_xfrm.c), rmnet,
//! wwan, dsa, ipoib and batadv (ip/iplink_*.c). This kernel has none of
//! them, so their encodings are checked against captured ip requests.

use super::{explain, invarg, value, Args, Nest};
use crate::context::Context;
use crate::error::{Error, Result};
use crate::grammar::{get_u16, get_unsigned, matches};
use crate::objects::device;

fn unknown(kind: &str, what: &str, word: &str) -> Error {
    explain(kind, Some(format!("{kind}: unknown {what} \"{word}\"?")))
}

pub fn xfrm(ctx: &mut Context, args: &mut Args, data: &mut Nest) -> Result<()> {
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
                return Err(Error::KindFatal(format!("Cannot find device \"{v}\""), 255));
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
            return Err(Error::KindArgument(
                "xfrmi: both 'external' and if_id/link cannot be specified".into(),
            ));
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

pub fn rmnet(args: &mut Args, data: &mut Nest) -> Result<()> {
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

pub fn wwan(args: &mut Args, data: &mut Nest) -> Result<()> {
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

pub fn dsa(ctx: &mut Context, args: &mut Args, data: &mut Nest) -> Result<()> {
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

pub fn ipoib(args: &mut Args, data: &mut Nest) -> Result<()> {
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
                    return Err(Error::KindArgument(
                        "Error: argument of \"mode\" must be \"datagram\"or \"connected\"".into(),
                    ))
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

pub fn batadv(args: &mut Args, data: &mut Nest) -> Result<()> {
    const ALGO_NAME: u16 = 1;
    let mut words = args.words.iter();
    while let Some(word) = words.next() {
        if matches(word, "ra") {
            let mut name = value(&mut words)?.as_bytes().to_vec();
            name.push(0);
            data.attr(ALGO_NAME, &name);
        } else if matches(word, "help") {
            return Err(explain("batadv", None));
        } else {
            return Err(unknown("batadv", "command", word));
        }
    }
    Ok(())
}
