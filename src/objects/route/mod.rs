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
pub(crate) mod print;
mod request;
#[cfg(test)]
mod request_tests;

use crate::context::Context;
use crate::error::{Error, Result};
use crate::grammar::tree::{kw, kw_alias, resolve, Keyword, Match, Usage};

/// `ip route` sub-commands (ip/iproute.c `do_iproute`), in matching order.
pub(crate) const COMMANDS: &[Keyword] = &[
    kw("add", "add a route"),
    kw_alias("change", &[("chg", Match::Exact)], "change a route"),
    kw("replace", "add a route or change it"),
    kw("prepend", "add a route before the others of its kind"),
    kw("append", "add a route after the others of its kind"),
    kw("test", "check a route without adding it"),
    kw("delete", "delete a route"),
    kw_alias(
        "list",
        &[("show", Match::Prefix), ("lst", Match::Prefix)],
        "list routes",
    ),
    kw("get", "ask the kernel which route a packet takes"),
    kw("flush", "delete the routes a filter selects"),
    kw("save", "write the routes as a binary dump"),
    kw("restore", "add the routes of a binary dump"),
    kw("showdump", "print a binary dump"),
    kw("help", "print the usage"),
];

/// `route help`: ip's usage text, with the program's name where ip has `ip route`.
pub(crate) const USAGE: Usage = Usage::object(include_str!("usage.txt"), "ip route ");

/// A batch line whose request may wait in the batch's window: `route add`,
/// whose change the same message as RTM_DELROUTE takes back exactly.
pub(crate) fn defers(args: &[String]) -> bool {
    args.first()
        .and_then(|word| resolve(word, COMMANDS))
        .is_some_and(|command| command.name == "add")
}

pub fn run(ctx: &mut Context, args: &[String]) -> Result<()> {
    let Some(word) = args.first() else {
        return list::run(ctx, list::Action::List, &[]);
    };
    let Some(command) = resolve(word, COMMANDS) else {
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
        "help" => Err(Error::Usage(USAGE)),
        other => Err(Error::CommandNotImplemented {
            object: "route",
            command: other,
        }),
    }
}
