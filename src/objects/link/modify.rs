//! `ip link add | set | change | replace | delete` (ip/iplink.c
//! `iplink_modify`): the generic options (parse.rs), then IFLA_LINKINFO
//! with the kind and its own options (kinds/), sent as one RTM_NEWLINK or
//! RTM_DELLINK. IFLA_LINKINFO is written by hand because ip sends the kind
//! without the NUL that netlink-packet-route's `InfoKind` adds.

use netlink_packet_core::{NLM_F_CREATE, NLM_F_EXCL, NLM_F_REPLACE};
use netlink_packet_route::link::LinkAttribute;
use netlink_packet_route::RouteNetlinkMessage;

use super::hints;
use super::kinds;
use super::nla::Nest;
use super::parse::{parse, raw, Parsed};
use crate::context::Context;
use crate::error::{Error, Result};
use crate::grammar::matches;
use crate::model::link::*;
use crate::objects::existing::{self, State};
use crate::objects::link::errors::LinkError;
use crate::objects::show;

const ENODEV: i32 = nix::libc::ENODEV;
const EEXIST: i32 = nix::libc::EEXIST;

/// Which verb is running; decides the netlink flags and a few checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verb {
    Add,
    Set,
    Replace,
    Delete,
}

impl Verb {
    /// Whether ip's request carries NLM_F_CREATE (several checks hang on it).
    pub fn creates(self) -> bool {
        matches!(self, Verb::Add | Verb::Replace)
    }

    fn netlink_flags(self) -> u16 {
        match self {
            Verb::Add => NLM_F_CREATE | NLM_F_EXCL,
            Verb::Replace => NLM_F_CREATE | NLM_F_REPLACE,
            Verb::Set | Verb::Delete => 0,
        }
    }
}

/// Builds the whole request of `ip link VERB …` (ip's `iplink_modify`
/// without the sending): the parsed generic part plus IFLA_LINKINFO.
pub fn build(ctx: &mut Context, words: &[String], verb: Verb) -> Result<Parsed> {
    let mut parsed = parse(ctx, words, verb)?;
    let rest = &words[parsed.consumed.min(words.len())..];
    if let Some(kind) = parsed.kind.clone() {
        let mut info = Nest::default();
        info.attr(IFLA_INFO_KIND, kind.as_bytes());
        let util = kinds::find(&kind);
        if let (Some(util), false) = (util, rest.is_empty()) {
            let slave = kind.find('_').is_some_and(|at| &kind[at..] == "_slave");
            let data = info.begin(if slave {
                IFLA_INFO_SLAVE_DATA
            } else {
                IFLA_INFO_DATA
            });
            let mut args = kinds::Args {
                words: rest,
                verb,
                index: parsed.index,
                family: show::family_number(ctx.options.family),
                files: Vec::new(),
            };
            kinds::parse(ctx, util, &mut args, &mut info)?;
            parsed.files.append(&mut args.files);
            info.end(data);
        } else if let Some(first) = rest.first() {
            if matches(first, "help") {
                return Err(Error::Usage(crate::objects::link::USAGE));
            }
            return Err(Error::from(LinkError::GarbageArguments {
                word: first.clone(),
                exits: false,
            }));
        }
        parsed
            .attributes
            .push(raw(IFLA_LINKINFO, info.into_bytes()));
    } else if verb.creates() {
        return Err(Error::from(LinkError::TypeRequired));
    }
    Ok(parsed)
}

/// `ip link add | set | change | replace | delete`.
pub fn run(ctx: &mut Context, words: &[String], verb: Verb) -> Result<()> {
    let idempotent = ctx.options.idempotent;
    let parsed = match build(ctx, words, verb) {
        // rnet's -idempotent: deleting a device that is not there is done.
        Err(Error::CannotFindDevice(_)) if idempotent && verb == Verb::Delete => return Ok(()),
        other => other?,
    };
    if verb == Verb::Set {
        refuse_half_done_move(&parsed)?;
    }
    let family = show::family_number(ctx.options.family);
    if idempotent && verb == Verb::Add && already_there(ctx, &parsed, family, words)? {
        return Ok(());
    }
    let message = parsed.message(family);
    let request = if verb == Verb::Delete {
        RouteNetlinkMessage::DelLink(message)
    } else {
        RouteNetlinkMessage::NewLink(message)
    };
    let sent = if ctx.options.echo > 0 {
        match ctx.raw()?.ack_echo(request, verb.netlink_flags()) {
            Ok(Some(answer)) => print_echo(ctx, &answer),
            Ok(None) => Ok(()),
            Err(err) => Err(err.into()),
        }
    } else {
        ctx.raw()?
            .ack(request, verb.netlink_flags())
            .map_err(Error::from)
    };
    let sent = match sent {
        // Gone between the look-up and the request: still done.
        Err(Error::Kernel(k)) if idempotent && verb == Verb::Delete && k.errno == ENODEV => Ok(()),
        // Made between the look-up and the request: judged again.
        Err(Error::Kernel(k)) if idempotent && verb == Verb::Add && k.errno == EEXIST => {
            match already_there(ctx, &parsed, family, words) {
                Ok(true) => Ok(()),
                Ok(false) => Err(hints::explain(
                    ctx,
                    &parsed,
                    family,
                    verb,
                    words,
                    Error::Kernel(k),
                )),
                Err(err) => Err(err),
            }
        }
        Err(err) => Err(hints::explain(ctx, &parsed, family, verb, words, err)),
        ok => ok,
    };
    drop(parsed.files);
    sent?;
    // ip drops the device from its cache so the next use reads it afresh.
    ctx.links.forget(parsed.index);
    Ok(())
}

/// rnet's `-idempotent` for `link add`: true when the same link is there,
/// an error saying what differs when another link has its name.
fn already_there(ctx: &mut Context, parsed: &Parsed, family: u8, words: &[String]) -> Result<bool> {
    match existing::link_state(ctx, parsed, family, words)? {
        State::Absent => Ok(false),
        State::Same => Ok(true),
        State::Differs(difference) => {
            let name = existing::requested_name(parsed, family).unwrap_or_default();
            Err(Error::ExistsDifferently {
                what: format!("link \"{}\"", String::from_utf8_lossy(&name)),
                difference,
            })
        }
    }
}

/// `set DEV netns N name NEW` when N already has a NEW: the kernel moves
/// the device and only then fails to rename it, so ip leaves it moved
/// under its old name and reports `File exists`. rnet looks NEW up inside
/// N first and refuses with the same error before anything is sent
/// (a deliberate difference: nothing changes). Where N cannot be looked
/// into (no privilege to enter it), the kernel decides, as with ip.
fn refuse_half_done_move(parsed: &Parsed) -> Result<()> {
    use std::os::fd::BorrowedFd;
    let mut target: Option<std::fs::File> = None;
    let mut new_name: Option<&str> = None;
    for attribute in &parsed.attributes {
        match attribute {
            LinkAttribute::NetNsFd(fd) => {
                // SAFETY: the descriptor belongs to a file held open in
                // `parsed.files` for as long as `parsed` lives.
                let borrowed = unsafe { BorrowedFd::borrow_raw(*fd) };
                target = borrowed.try_clone_to_owned().ok().map(std::fs::File::from);
            }
            LinkAttribute::NetNsPid(pid) => {
                target = std::fs::File::open(format!("/proc/{pid}/ns/net")).ok();
            }
            LinkAttribute::IfName(name) => new_name = Some(name),
            _ => {}
        }
    }
    let (Some(target), Some(new_name)) = (target, new_name) else {
        return Ok(());
    };
    if crate::kernel::namespace::name_taken_in(&target, new_name.as_bytes())? == Some(true) {
        return Err(Error::Kernel(crate::error::KernelError {
            errno: nix::libc::EEXIST,
            extack: None,
        }));
    }
    Ok(())
}

/// `-echo`: the kernel's copy of the link (ip's `rtnl_echo_talk` with
/// `print_linkinfo`).
fn print_echo(ctx: &mut Context, answer: &RouteNetlinkMessage) -> Result<()> {
    use netlink_packet_core::Emitable;
    let (msg_type, message) = match answer {
        RouteNetlinkMessage::NewLink(m) => (RTM_NEWLINK, m),
        RouteNetlinkMessage::DelLink(m) => (RTM_DELLINK, m),
        _ => return Ok(()),
    };
    // ip's `filter.showqueue` is only set by the listing code either: the
    // echo never shows `qlen`, so the queue length is left out here.
    let mut message = message.clone();
    message
        .attributes
        .retain(|a| !matches!(a, LinkAttribute::TxQueueLen(_)));
    let mut payload = vec![0u8; message.buffer_len()];
    message.emit(&mut payload);
    let Some(link) = Link::from_payload(msg_type, &payload) else {
        return Ok(());
    };
    // ip's global `do_link` is only set by the listing code, so the echo is
    // printed in `ip address`'s layout (no mode, no qlen).
    let style = show::style(ctx, false, show::family_number(ctx.options.family));
    let related = show::related(ctx, &link)?;
    ctx.out.begin_list();
    ctx.out.open_object(None);
    crate::objects::link::print::print_link(&mut ctx.out, &link, &related, &style);
    ctx.out.close_object();
    ctx.out.end_list();
    Ok(())
}
