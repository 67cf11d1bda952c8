//! `ip addrlabel`: the IPv6 address-selection label table (RFC 6724) of
//! ip/ipaddrlabel.c.
//!
//! `add`/`del` send one `ifaddrlblmsg` with IFAL_LABEL and IFAL_ADDRESS
//! (netlink-packet-route's `AddrLabelMessage`, as is the dump request);
//! `list` dumps the table (IPv6 unless `-4`/`-0` says otherwise) and prints
//! it with `addrlabel/print.rs`; `flush` sends every dumped label back as a
//! deletion, as ip does.

pub(crate) mod errors;
pub(crate) mod print;

use crate::context::Context;
use crate::error::{Error, Result};
use crate::grammar::inet::{get_prefix, AF_INET6};
use crate::grammar::next_arg;
use crate::grammar::tree::{kw, kw_alias, resolve, Keyword, Match, Usage};
use crate::kernel::attrs::{Attrs, Request};
use crate::kernel::raw::{NLM_F_ACK, NLM_F_DUMP, NLM_F_REQUEST};
use crate::kernel::raw::{NLM_F_CREATE, NLM_F_EXCL};
use crate::kernel::{typed_ip, typed_request};
use crate::objects::addrlabel::print::{
    print_addrlabel, Addrlabel, IFADDRLBLMSG_LEN, IFAL_ADDRESS, IFAL_MAX, RTM_DELADDRLABEL,
    RTM_NEWADDRLABEL,
};
use crate::objects::device;
use crate::objects::rule::preferred_family;
use errors::AddrlabelError;
use netlink_packet_core::DefaultNla;
use netlink_packet_route::addrlabel::{AddrLabelAttribute, AddrLabelHeader, AddrLabelMessage};
use netlink_packet_route::RouteNetlinkMessage;

/// `ip addrlabel` sub-commands (ip/ipaddrlabel.c `do_ipaddrlabel`), in
/// matching order.
pub(crate) const COMMANDS: &[Keyword] = &[
    kw_alias(
        "list",
        &[("lst", Match::Prefix), ("show", Match::Prefix)],
        "list address labels",
    ),
    kw("add", "add an address label"),
    kw("delete", "delete an address label"),
    kw("flush", "delete every address label"),
    kw("help", "print the usage"),
];

/// `addrlabel help`: ip's usage text, with the program's name where ip has `ip addrlabel`.
pub(crate) const USAGE: Usage = Usage::object(include_str!("usage.txt"), "ip addrlabel ");

/// The label value ip refuses (it is the kernel's "no label").
const NO_LABEL: u32 = u32::MAX;

pub fn run(ctx: &mut Context, args: &[String]) -> Result<()> {
    let Some(word) = args.first() else {
        return list(ctx, &[]);
    };
    let Some(command) = resolve(word, COMMANDS) else {
        return Err(Error::UnknownCommand {
            help_topic: "addrlabel help",
            word: word.clone(),
        });
    };
    let rest = &args[1..];
    match command.name {
        "list" => list(ctx, rest),
        "add" => modify(ctx, RTM_NEWADDRLABEL, rest),
        "delete" => modify(ctx, RTM_DELADDRLABEL, rest),
        "flush" => flush(ctx, rest),
        "help" => Err(Error::Usage(USAGE)),
        other => Err(Error::CommandNotImplemented {
            object: "addrlabel",
            command: other,
        }),
    }
}

/// The family a dump asks for: `-4`/`-6`/`-0`'s, IPv6 by default.
fn dump_family(ctx: &Context) -> u8 {
    match preferred_family(ctx) {
        0 => AF_INET6,
        family => family,
    }
}

/// ip's `ipaddrlabel_modify` request. `index_of` is ip's
/// `ll_name_to_index` (0 for no such device).
fn build(
    msg_type: u16,
    family: u8,
    args: &[String],
    mut index_of: impl FnMut(&str) -> Result<i32>,
) -> Result<Request> {
    let mut prefix = None;
    let mut label = None;
    let mut index = 0i32;
    let mut words = args.iter();
    // ip skips words it does not know.
    while let Some(word) = words.next() {
        match word.as_str() {
            "prefix" => {
                let value = next_arg(&mut words)?;
                prefix = Some(get_prefix(value, family)?);
            }
            "dev" => {
                let value = next_arg(&mut words)?;
                index = index_of(value)?;
                if index == 0 {
                    return Err(invalid(value, "dev is invalid\n"));
                }
            }
            "label" => {
                let value = next_arg(&mut words)?;
                label = Some(
                    crate::grammar::get_unsigned(value)
                        .filter(|label| *label != NO_LABEL)
                        .ok_or_else(|| invalid(value, "label is invalid\n"))?,
                );
            }
            _ => {}
        }
    }
    let prefix = prefix.ok_or(AddrlabelError::PrefixRequired)?;
    let label = label.ok_or(AddrlabelError::LabelRequired)?;
    let mut flags = NLM_F_REQUEST | NLM_F_ACK;
    if msg_type == RTM_NEWADDRLABEL {
        flags |= NLM_F_CREATE | NLM_F_EXCL;
    }
    let family = if family == 0 { AF_INET6 } else { family };
    let address = match typed_ip(prefix.bytes()) {
        Some(address) => AddrLabelAttribute::Address(address),
        // AddrLabelAttribute::Address holds 4 or 16 bytes only.
        None => AddrLabelAttribute::Other(DefaultNla::new(IFAL_ADDRESS, prefix.bytes().to_vec())),
    };
    let message = label_message(
        family,
        prefix.bitlen as u8,
        index as u32,
        vec![AddrLabelAttribute::Label(label), address],
    );
    let message = if msg_type == RTM_DELADDRLABEL {
        RouteNetlinkMessage::DelAddrLabel(message)
    } else {
        RouteNetlinkMessage::NewAddrLabel(message)
    };
    Ok(typed_request(message, flags))
}

/// netlink-packet-route's `AddrLabelMessage` of an `ifaddrlblmsg` with
/// these fields (flags and sequence 0, as ip sends them).
fn label_message(
    family: u8,
    prefix_len: u8,
    index: u32,
    attributes: Vec<AddrLabelAttribute>,
) -> AddrLabelMessage {
    let mut message = AddrLabelMessage::default();
    message.header = AddrLabelHeader {
        family: family.into(),
        prefix_len,
        flags: 0,
        index,
        sequence: 0,
    };
    message.attributes = attributes;
    message
}

fn invalid(arg: &str, reason: &str) -> Error {
    Error::InvalidArgument {
        arg: arg.to_string(),
        reason: reason.to_string(),
    }
}

fn modify(ctx: &mut Context, msg_type: u16, args: &[String]) -> Result<()> {
    let family = preferred_family(ctx);
    let request = build(msg_type, family, args, |name| device::index_of(ctx, name))?;
    ctx.raw()?
        .talk(request, |_| {})
        .map_err(|refusal| Error::Kernel(refusal.error))?;
    Ok(())
}

/// The table as the kernel lists it: (message type, payload) pairs.
fn dump(ctx: &mut Context) -> Result<Vec<(u16, Vec<u8>)>> {
    let request = dump_request(dump_family(ctx));
    let messages = ctx
        .raw()?
        .dump_all(&request, |msg| Some((msg.msg_type, msg.payload.to_vec())))
        .map_err(|refusal| {
            let in_done = refusal.in_done;
            AddrlabelError::DumpTerminated {
                error: refusal.dump_error(),
                in_done,
            }
        })?;
    Ok(messages)
}

/// The RTM_GETADDRLABEL dump of `family`: a bare header, as ip sends it.
fn dump_request(family: u8) -> Request {
    typed_request(
        RouteNetlinkMessage::GetAddrLabel(label_message(family, 0, 0, Vec::new())),
        NLM_F_REQUEST | NLM_F_DUMP,
    )
}

fn list(ctx: &mut Context, args: &[String]) -> Result<()> {
    if !args.is_empty() {
        return Err(AddrlabelError::ShowArguments.into());
    }
    let messages = dump(ctx)?;
    let resolve = ctx.options.resolve > 0;
    let mut labels = Vec::new();
    for (msg_type, payload) in &messages {
        let Some(label) = Addrlabel::parse(*msg_type, payload) else {
            continue;
        };
        let device = if label.index == 0 {
            Vec::new()
        } else {
            device::name_of(ctx, label.index as i32)?
        };
        labels.push((label, device));
    }
    ctx.out.begin_list();
    for (label, device) in &labels {
        print_addrlabel(&mut ctx.out, label, device, resolve);
    }
    ctx.out.end_list();
    ctx.out.flush();
    Ok(())
}

/// ip's `ipaddrlabel_flush`: each dumped label with an address is sent
/// back as RTM_DELADDRLABEL; the first refusal ends the flush.
fn flush(ctx: &mut Context, args: &[String]) -> Result<()> {
    if !args.is_empty() {
        return Err(AddrlabelError::FlushArguments.into());
    }
    for (_, payload) in dump(ctx)? {
        let Some(attrs) = payload.get(IFADDRLBLMSG_LEN..) else {
            continue;
        };
        if !Attrs::parse(attrs, IFAL_MAX).has(IFAL_ADDRESS) {
            continue;
        }
        // The kernel's own bytes go back, as ip sends them.
        let request = Request::new(RTM_DELADDRLABEL, NLM_F_REQUEST | NLM_F_ACK).fixed(&payload);
        ctx.raw()?
            .talk(request, |_| {})
            .map_err(|refusal| AddrlabelError::FlushTerminated(refusal.error))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(bytes: &[u8]) -> String {
        bytes.iter().map(|b| format!("{b:02x}")).collect()
    }

    fn encode(msg_type: u16, family: u8, line: &str) -> String {
        let words: Vec<String> = line.split_whitespace().map(String::from).collect();
        let request = build(msg_type, family, &words, |name| {
            Ok(if name == "lo" { 1 } else { 0 })
        })
        .unwrap_or_else(|err| panic!("{line}: {err:?}"));
        let bytes = request.finish(0);
        hex(&bytes[4..8]) + &hex(&bytes[16..])
    }

    /// ip 6.1's messages (type and flags, then the payload), captured with
    /// `strace -e inject=sendmsg:error=EPERM -e write=3`, so the kernel
    /// never saw them.
    #[test]
    fn requests_match_the_bytes_ip_sends() {
        let cases: &[(u16, u8, &str, &str)] = &[
            (RTM_NEWADDRLABEL, 0, "prefix 2001:db8::/32 label 100", "480005060a002000000000000000000008000200640000001400010020010db8000000000000000000000000"),
            (RTM_NEWADDRLABEL, 0, "prefix 2001:db8:1::/48 dev lo label 0x10", "480005060a003000010000000000000008000200100000001400010020010db8000100000000000000000000"),
            (RTM_DELADDRLABEL, AF_INET6, "prefix 2001:db8::1 label 7", "490005000a008000000000000000000008000200070000001400010020010db8000000000000000000000001"),
            (RTM_NEWADDRLABEL, 2, "prefix 192.0.2.0/24 label 5", "48000506020018000000000000000000080002000500000008000100c0000200"),
            (RTM_NEWADDRLABEL, 0, "prefix 10.0.0.0/8 label 3", "480005060a00080000000000000000000800020003000000080001000a000000"),
        ];
        for (msg_type, family, line, want) in cases {
            assert_eq!(encode(*msg_type, *family, line), *want, "{line}");
        }
    }

    /// ip's dump request: type 74 with NLM_F_REQUEST|NLM_F_DUMP, a bare
    /// `ifaddrlblmsg` of the family.
    #[test]
    fn dump_request_is_a_bare_header() {
        for family in [2u8, AF_INET6] {
            let bytes = dump_request(family).finish(0);
            let mut want = format!("1c0000004a0001030000000000000000{family:02x}");
            want.push_str(&"00".repeat(11));
            assert_eq!(hex(&bytes), want);
        }
    }
}
