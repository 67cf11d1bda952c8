//! Hints for refused link changes, where only this code knows the context:
//! which of a veth's two names exists and in which namespace, why `replace`
//! cannot turn an existing link into the one described, which device a
//! missing capability concerned. The error itself (ip's text, ip's status)
//! is kept inside [`Error::Explained`]; the hint shows only with `-hints`,
//! on a terminal, or in `-json-errors`.

use super::modify::Verb;
use super::parse::Parsed;
use crate::context::Context;
use crate::error::Error;
use crate::kernel::namespace;
use crate::objects::{device, existing};

const EEXIST: i32 = nix::libc::EEXIST;
const EOPNOTSUPP: i32 = nix::libc::EOPNOTSUPP;
const EPERM: i32 = nix::libc::EPERM;

/// Wraps a kernel refusal of `link VERB` with what is known about it.
pub fn explain(
    ctx: &mut Context,
    parsed: &Parsed,
    family: u8,
    verb: Verb,
    words: &[String],
    err: Error,
) -> Error {
    let Error::Kernel(kernel) = &err else {
        return err;
    };
    // The device acted on: by index for set/delete (a `name` there is the
    // new name), by the name given for add.
    let name = match parsed.index {
        0 => existing::requested_name(parsed, family).unwrap_or_default(),
        index => device::name_of(ctx, index).unwrap_or_default(),
    };
    let name = String::from_utf8_lossy(&name).into_owned();
    let (hint, objects) = match kernel.errno {
        EEXIST if verb == Verb::Add => match clash(ctx, parsed, family, words, &name) {
            Some(found) => found,
            None => return err,
        },
        EOPNOTSUPP if verb == Verb::Replace => (
            format!(
                "`link replace` cannot change the existing link {name}: the kernel only creates \
                 links with replace, and will not turn one into another kind or redo its kind's \
                 settings; use `rnet link set {name} …` for its settings, or delete it and add \
                 it again"
            ),
            vec![name.clone()],
        ),
        EPERM => (
            format!(
                "changing link {name} needs CAP_NET_ADMIN in this network namespace: run as \
                 root, or in a container granted NET_ADMIN"
            ),
            vec![name.clone()],
        ),
        _ => return err,
    };
    Error::Explained {
        error: Box::new(err),
        hint,
        objects,
    }
}

/// Which name of a `link add` is taken, and where.
fn clash(
    ctx: &mut Context,
    parsed: &Parsed,
    family: u8,
    words: &[String],
    name: &str,
) -> Option<(String, Vec<String>)> {
    let here = device::lookup(ctx, name.as_bytes())
        .ok()
        .flatten()
        .is_some();
    let peer = existing::requested_peer(parsed, family);
    let mut taken = Vec::new();
    let mut objects = Vec::new();
    if here {
        taken.push(format!("{name} exists in this namespace"));
        objects.push(name.to_string());
    }
    if let Some((Some(peer_name), elsewhere)) = peer {
        let peer_text = String::from_utf8_lossy(&peer_name).into_owned();
        let place = if elsewhere {
            existing::peer_netns(words).map(|netns| {
                let exists = namespace::open(std::ffi::OsStr::new(netns))
                    .ok()
                    .map(|file| existing::link_in(&file, &peer_name).is_some());
                (format!("namespace {netns}"), exists)
            })
        } else {
            let exists = device::lookup(ctx, &peer_name).ok().map(|l| l.is_some());
            Some(("this namespace".to_string(), exists))
        };
        if let Some((place, Some(true))) = place {
            taken.push(format!("the peer name {peer_text} exists in {place}"));
            objects.push(peer_text);
        }
    }
    if taken.is_empty() {
        return None;
    }
    Some((
        format!(
            "{}; pick another name, remove it with `rnet link delete`, or re-run with \
             -idempotent to accept an identical link",
            taken.join(" and ")
        ),
        objects,
    ))
}
