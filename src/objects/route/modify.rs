//! `ip route add|change|replace|prepend|append|test|delete` (iproute.c
//! `iproute_modify`).

use crate::context::Context;
use crate::error::{Error, Result};

pub fn run(_ctx: &mut Context, command: &'static str, _args: &[String]) -> Result<()> {
    Err(Error::CommandNotImplemented {
        object: "route",
        command,
    })
}
