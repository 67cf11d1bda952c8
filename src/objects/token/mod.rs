//! `ip token`: tokenized IPv6 interface identifiers (ip/iptoken.c).
//!
//! `list`/`get` dump the AF_INET6 view of the links and print each one's
//! IFLA_INET6_TOKEN (`token/print.rs`); `set`/`del` send RTM_SETLINK with the
//! token (all zeros to delete) nested in IFLA_AF_SPEC/AF_INET6, as ip does.

pub(crate) mod errors;
pub(crate) mod print;

use crate::context::Context;
use crate::error::{Error, Result};
use crate::grammar::inet::{get_prefix, AF_INET6};
use crate::grammar::tree::{kw, kw_alias, resolve, Keyword, Match, Usage};
use crate::grammar::{matches, next_arg};
use crate::kernel::attrs::Request;
use crate::kernel::link::{decode, dump_request, DumpFilter};
use crate::kernel::raw::{NLM_F_ACK, NLM_F_REQUEST};
use crate::model::link::{IfInfo, Link, IFLA_AF_SPEC, RTM_NEWLINK};
use crate::objects::device;
use crate::objects::token::print::print_token;
use errors::TokenError;

/// `ip token` sub-commands (ip/iptoken.c `do_iptoken`), in matching order.
pub(crate) const COMMANDS: &[Keyword] = &[
    kw_alias(
        "list",
        &[("lst", Match::Prefix), ("show", Match::Prefix)],
        "list IPv6 interface tokens",
    ),
    kw_alias(
        "set",
        &[("add", Match::Prefix)],
        "set a device's IPv6 token",
    ),
    kw("delete", "clear a device's IPv6 token"),
    kw("get", "show the IPv6 token of devices"),
    kw("help", "print the usage"),
];

/// `token help`: ip's usage text, with the program's name where ip has `ip token`.
pub(crate) const USAGE: Usage = Usage::object(include_str!("usage.txt"), "ip token ");

const RTM_SETLINK: u16 = 19;
const IFLA_PROTINFO: u16 = 12;
const IFLA_INET6_TOKEN: u16 = 7;
const IFLA_INET6_MAX: u16 = 10;
const IFF_LOOPBACK: u32 = 0x8;
const IFF_NOARP: u32 = 0x80;

pub fn run(ctx: &mut Context, args: &[String]) -> Result<()> {
    let Some(word) = args.first() else {
        return list(ctx, &[]);
    };
    let Some(command) = resolve(word, COMMANDS) else {
        return Err(Error::UnknownCommand {
            help_topic: "token help",
            word: word.clone(),
        });
    };
    let rest = &args[1..];
    match command.name {
        "list" | "get" => list(ctx, rest),
        "set" => set(ctx, rest, false),
        "delete" => set(ctx, rest, true),
        "help" => Err(Error::Usage(USAGE)),
        other => Err(Error::CommandNotImplemented {
            object: "token",
            command: other,
        }),
    }
}

fn dev_is_invalid(name: &str) -> Error {
    Error::InvalidArgument {
        arg: name.to_string(),
        reason: "dev is invalid\n".to_string(),
    }
}

/// ip's `iptoken_list`: every token, or the one of `dev NAME` (the words
/// before `dev` are skipped, and everything after its name).
fn list(ctx: &mut Context, args: &[String]) -> Result<()> {
    let mut only = 0;
    let mut words = args.iter();
    while let Some(word) = words.next() {
        if word == "dev" {
            let name = next_arg(&mut words)?;
            only = device::index_of(ctx, name)?;
            if only == 0 {
                return Err(dev_is_invalid(name));
            }
            break;
        }
    }
    let filter = DumpFilter {
        family: AF_INET6,
        ext_mask: 0,
        master: None,
        kind: None,
    };
    let links = ctx
        .raw()?
        .dump_all(&dump_request(&filter), |message| decode(&message))
        .map_err(|refusal| {
            let in_done = refusal.in_done;
            TokenError::DumpTerminated {
                error: refusal.dump_error(),
                in_done,
            }
        })?;
    let resolve = ctx.options.resolve > 0;
    ctx.out.begin_list();
    let mut failure = None;
    for link in &links {
        match token_of(link, only) {
            Ok(Some(token)) => print_token(&mut ctx.out, &token, link.name(), resolve),
            Ok(None) => {}
            Err(error) => {
                failure = Some(error);
                break;
            }
        }
    }
    ctx.out.end_list();
    ctx.out.flush();
    failure.map_or(Ok(()), Err)
}

/// ip's `print_token` filter: the token of `link`, None for links it passes
/// over, an error where ip ends the dump.
fn token_of(link: &Link, only: i32) -> Result<Option<Vec<u8>>> {
    let info = &link.info;
    if link.msg_type != RTM_NEWLINK {
        return Err(TokenError::DumpStopped.into());
    }
    if info.family != AF_INET6 || info.index == 0 || (only > 0 && info.index != only) {
        return Ok(None);
    }
    if info.flags & (IFF_LOOPBACK | IFF_NOARP) != 0 {
        return Ok(None);
    }
    let attrs = link.attrs();
    let Some(protinfo) = attrs.nested(IFLA_PROTINFO, IFLA_INET6_MAX) else {
        return Err(TokenError::DumpStopped.into());
    };
    match protinfo.get(IFLA_INET6_TOKEN) {
        Some(token) => Ok(Some(token.to_vec())),
        None => Err(TokenError::NoTokenSupport.into()),
    }
}

/// ip's `iptoken_set` request. `index_of` is ip's `ll_name_to_index`.
fn build(
    args: &[String],
    delete: bool,
    mut index_of: impl FnMut(&str) -> Result<i32>,
) -> Result<Request> {
    let mut token = [0u8; 16];
    let mut have_token = delete;
    let mut index = None;
    let mut words = args.iter();
    while let Some(word) = words.next() {
        if word == "dev" {
            let name = next_arg(&mut words)?;
            if index.is_none() {
                let found = index_of(name)?;
                if found == 0 {
                    return Err(dev_is_invalid(name));
                }
                index = Some(found);
            }
        } else {
            if matches(word, "help") {
                return Err(Error::Usage(USAGE));
            }
            if !have_token {
                let prefix = get_prefix(word, AF_INET6)?;
                token.copy_from_slice(&prefix.data);
                have_token = true;
            }
        }
    }
    if !have_token {
        return Err(TokenError::TokenRequired.into());
    }
    let Some(index) = index else {
        return Err(TokenError::DevRequired.into());
    };
    let header = IfInfo {
        family: AF_INET6,
        index,
        ..IfInfo::default()
    };
    Ok(Request::new(RTM_SETLINK, NLM_F_REQUEST | NLM_F_ACK)
        .fixed(&header.to_bytes())
        .begin_nest(IFLA_AF_SPEC)
        .begin_nest(AF_INET6.into())
        .attr(IFLA_INET6_TOKEN, &token)
        .end_nest()
        .end_nest())
}

fn set(ctx: &mut Context, args: &[String], delete: bool) -> Result<()> {
    let request = build(args, delete, |name| device::index_of(ctx, name))?;
    ctx.raw()?
        .talk(request, |_| {})
        .map_err(|refusal| Error::Kernel(refusal.error))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(bytes: &[u8]) -> String {
        bytes.iter().map(|b| format!("{b:02x}")).collect()
    }

    fn encode(line: &str, delete: bool) -> String {
        let words: Vec<String> = line.split_whitespace().map(String::from).collect();
        let request = build(&words, delete, |name| Ok(if name == "lo" { 1 } else { 0 }))
            .unwrap_or_else(|err| panic!("{line}: {err:?}"));
        let bytes = request.finish(0);
        hex(&bytes[4..8]) + &hex(&bytes[16..])
    }

    /// ip 6.1's messages (type and flags, then the payload), captured with
    /// `strace -e inject=sendmsg:error=EPERM -e write=3`, so the kernel
    /// never saw them.
    #[test]
    fn requests_match_the_bytes_ip_sends() {
        let cases: &[(&str, bool, &str)] = &[
            ("::1:2:3:4 dev lo", false, "130005000a0000000100000000000000000000001c001a0018000a001400070000000000000000000001000200030004"),
            ("::abcd/64 dev lo", false, "130005000a0000000100000000000000000000001c001a0018000a00140007000000000000000000000000000000abcd"),
            ("dev lo", true, "130005000a0000000100000000000000000000001c001a0018000a001400070000000000000000000000000000000000"),
            ("dev lo ::5", true, "130005000a0000000100000000000000000000001c001a0018000a001400070000000000000000000000000000000000"),
        ];
        for (line, delete, want) in cases {
            assert_eq!(encode(line, *delete), *want, "{line}");
        }
    }

    #[test]
    fn missing_parts_are_refused_as_ip_does() {
        let words =
            |line: &str| -> Vec<String> { line.split_whitespace().map(String::from).collect() };
        let index = |_: &str| Ok(1);
        assert_eq!(
            build(&words("dev lo"), false, index).err(),
            Some(TokenError::TokenRequired.into())
        );
        assert_eq!(
            build(&words("::1"), false, index).err(),
            Some(TokenError::DevRequired.into())
        );
        assert_eq!(
            build(&words("::1 dev lo help"), false, index).err(),
            Some(Error::Usage(USAGE))
        );
    }
}
