//! `ip route list|flush|save|restore|showdump` (iproute.c
//! `iproute_list_flush_or_save`, `iproute_restore`, `iproute_showdump`).

use crate::context::Context;
use crate::error::{Error, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    List,
    Flush,
    Save,
}

pub fn run(_ctx: &mut Context, action: Action, _args: &[String]) -> Result<()> {
    Err(Error::CommandNotImplemented {
        object: "route",
        command: match action {
            Action::List => "list",
            Action::Flush => "flush",
            Action::Save => "save",
        },
    })
}

pub fn restore(_ctx: &mut Context) -> Result<()> {
    Err(Error::CommandNotImplemented {
        object: "route",
        command: "restore",
    })
}

pub fn showdump(_ctx: &mut Context) -> Result<()> {
    Err(Error::CommandNotImplemented {
        object: "route",
        command: "showdump",
    })
}
