//! `ip route get` (iproute.c `iproute_get`).

use crate::context::Context;
use crate::error::{Error, Result};

pub fn run(_ctx: &mut Context, _args: &[String]) -> Result<()> {
    Err(Error::CommandNotImplemented {
        object: "route",
        command: "get",
    })
}
