//! `ip link`: network devices (ip/iplink.c).

mod choice;
pub(crate) mod errors;
mod hints;
pub(crate) mod kinds;
pub(crate) mod lladdr;
mod modify;
mod nla;
pub(crate) mod parse;
pub(crate) mod print;
mod property;
mod vf;

use crate::context::Context;
use crate::error::{Error, Result};
use crate::grammar::tree::{kw, kw_alias, resolve, Keyword, Match, Usage};
use crate::objects::show;
use modify::Verb;

/// `ip link` sub-commands (ip/iplink.c `do_iplink`), in matching order.
pub(crate) const COMMANDS: &[Keyword] = &[
    kw("add", "create a device"),
    kw_alias(
        "set",
        &[("change", Match::Prefix)],
        "change a device's attributes",
    ),
    kw("replace", "create a device or change it"),
    kw("delete", "delete a device"),
    kw_alias(
        "show",
        &[("lst", Match::Prefix), ("list", Match::Prefix)],
        "list devices",
    ),
    kw("xstats", "show extended statistics"),
    kw("afstats", "show address-family statistics"),
    kw("property", "add or delete alternative names"),
    kw("help", "print the usage, or a kind's usage"),
];

/// `link help`: ip's usage text, with the program's name where ip has `ip link`.
pub(crate) const USAGE: Usage = Usage::object(include_str!("usage.txt"), "ip link ");

pub fn run(ctx: &mut Context, args: &[String]) -> Result<()> {
    let Some(word) = args.first() else {
        return show::list(ctx, &[], true);
    };
    let Some(command) = resolve(word, COMMANDS) else {
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
