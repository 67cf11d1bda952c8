//! `ip link`: network devices (ip/iplink.c).

use crate::app::Context;
use crate::error::{Error, Result};
use crate::grammar::tree::{resolve, Usage, LINK_COMMANDS};
use crate::objects::show;

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
        "show" => show::list(ctx, rest, true),
        "help" if rest.is_empty() => Err(Error::Usage(Usage::Link)),
        name => Err(Error::CommandNotImplemented {
            object: "link",
            command: name,
        }),
    }
}
