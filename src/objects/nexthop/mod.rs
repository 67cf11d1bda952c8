//! `ip nexthop`: nexthop objects and groups (ip/ipnexthop.c).

use crate::context::Context;
use crate::error::{Error, Result};
use crate::grammar::tree::{resolve, Usage, NEXTHOP_COMMANDS};

pub fn run(ctx: &mut Context, args: &[String]) -> Result<()> {
    let _ = ctx;
    let Some(word) = args.first() else {
        return Err(Error::CommandNotImplemented {
            object: "nexthop",
            command: "list",
        });
    };
    let Some(command) = resolve(word, NEXTHOP_COMMANDS) else {
        return Err(Error::UnknownCommand {
            help_topic: "nexthop help",
            word: word.clone(),
        });
    };
    match command.name {
        "help" => Err(Error::Usage(Usage::Nexthop)),
        name => Err(Error::CommandNotImplemented {
            object: "nexthop",
            command: name,
        }),
    }
}
