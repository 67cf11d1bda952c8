//! `ip link`: network devices (ip/iplink.c).

pub(crate) mod errors;

mod choice;
mod hints;
pub(crate) mod kinds;
pub(crate) mod lladdr;
mod modify;
mod nla;
pub(crate) mod parse;
mod property;
mod vf;

use crate::context::Context;
use crate::error::{Error, Result};
use crate::grammar::tree::{resolve, LINK_COMMANDS};
use crate::objects::show;
use modify::Verb;

pub fn run(ctx: &mut Context, args: &[String]) -> Result<()> {
    let Some(word) = args.first() else {
        return show::list(ctx, &[], true);
    };
    let Some(command) = resolve(word, LINK_COMMANDS) else {
        return Err(Error::UnknownCommand {
            help_topic: "link help",
            word: word.clone(),
        });
    };
    let rest = &args[1..];
    match command.name {
        "add" => modify::run(ctx, rest, Verb::Add),
        "set" | "change" => modify::run(ctx, rest, Verb::Set),
        "replace" => modify::run(ctx, rest, Verb::Replace),
        "delete" => modify::run(ctx, rest, Verb::Delete),
        "show" => show::list(ctx, rest, true),
        "property" => property::run(ctx, rest),
        "help" => kinds::help(rest),
        name => Err(Error::CommandNotImplemented {
            object: "link",
            command: name,
        }),
    }
}

#[cfg(test)]
mod encoding_tests;
