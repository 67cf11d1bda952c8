//! amt (ip/iplink_amt.c). This kernel lacks the kind, so its encodings are
//! checked against captured ip requests.

pub(crate) mod print;

use super::shared::inet::{address, Seen};
use super::{explain, invarg, value, Args, Nest};
use crate::context::Context;
use crate::error::{Error, Result};
use crate::grammar::{get_u16, get_unsigned};
use crate::objects::device;
use crate::objects::link::errors::LinkError;

pub(crate) fn parse(ctx: &mut Context, args: &mut Args, data: &mut Nest) -> Result<()> {
    const MODE: u16 = 1;
    const RELAY_PORT: u16 = 2;
    const GATEWAY_PORT: u16 = 3;
    const LINK: u16 = 4;
    const LOCAL_IP: u16 = 5;
    const DISCOVERY_IP: u16 = 7;
    const MAX_TUNNELS: u16 = 8;
    let mut seen = Seen::default();
    let mut discovery_family = 0;
    let mut words = args.words.iter();
    while let Some(word) = words.next() {
        match word.as_str() {
            "mode" => {
                let mode = match value(&mut words)?.as_str() {
                    "gateway" => 0,
                    "relay" => 1,
                    _ => return Err(explain("amt", None)),
                };
                data.u32(MODE, mode);
            }
            key @ ("relay_port" | "gateway_port") => {
                let v = value(&mut words)?;
                let port = get_u16(v).ok_or_else(|| invarg(key, v))?;
                let attr = if key == "relay_port" {
                    RELAY_PORT
                } else {
                    GATEWAY_PORT
                };
                data.attr(attr, &port.to_be_bytes());
            }
            "max_tunnels" => {
                let v = value(&mut words)?;
                let max = get_unsigned(v).ok_or_else(|| invarg("max_tunnels", v))?;
                data.u32(MAX_TUNNELS, max);
            }
            "dev" => {
                let v = value(&mut words)?;
                let index = device::index_of(ctx, v)?;
                if index == 0 {
                    return Err(Error::from(LinkError::KindFatal(
                        format!("Cannot find device \"{v}\""),
                        255,
                    )));
                }
                data.u32(LINK, index as u32);
            }
            key @ ("local" | "discovery") => {
                let v = value(&mut words)?;
                let attr = if key == "local" {
                    LOCAL_IP
                } else {
                    DISCOVERY_IP
                };
                seen.check(attr, key, v)?;
                let a = address(v, discovery_family)?;
                if key == "discovery" {
                    discovery_family = a.family;
                }
                if a.is_inet() {
                    data.attr(attr, &a.bytes);
                }
            }
            "help" => return Err(explain("amt", None)),
            w => {
                return Err(explain(
                    "amt",
                    Some(format!("amt: unknown command \"{w}\"?")),
                ))
            }
        }
    }
    Ok(())
}
