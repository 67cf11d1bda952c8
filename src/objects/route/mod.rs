//! `ip route`: the routing tables (ip/iproute.c).
//!
//! `do_iproute`'s sub-command words, in ip's matching order, each handed to
//! the module that owns it: `modify` builds RTM_NEWROUTE/RTM_DELROUTE
//! requests, `list` dumps, filters, flushes and saves, `get` asks the kernel
//! for one route.

pub(crate) mod errors;
mod get;
mod hints;
pub(crate) mod list;
mod metrics;
mod modify;
mod multipath;
mod request;
#[cfg(test)]
mod request_tests;

use crate::context::Context;
use crate::error::{Error, Result};
use crate::grammar::tree::{resolve, Usage, ROUTE_COMMANDS};

pub fn run(ctx: &mut Context, args: &[String]) -> Result<()> {
    let Some(word) = args.first() else {
        return list::run(ctx, list::Action::List, &[]);
    };
    let Some(command) = resolve(word, ROUTE_COMMANDS) else {
        return Err(Error::UnknownCommand {
            help_topic: "route help",
            word: word.clone(),
        });
    };
    let rest = &args[1..];
    match command.name {
        "add" | "change" | "replace" | "prepend" | "append" | "test" | "delete" => {
            modify::run(ctx, command.name, rest)
        }
        "list" => list::run(ctx, list::Action::List, rest),
        "flush" => list::run(ctx, list::Action::Flush, rest),
        "save" => list::run(ctx, list::Action::Save, rest),
        "restore" => list::restore(ctx),
        "showdump" => list::showdump(ctx),
        "get" => get::run(ctx, rest),
        "help" => Err(Error::Usage(Usage::Route)),
        other => Err(Error::CommandNotImplemented {
            object: "route",
            command: other,
        }),
    }
}
