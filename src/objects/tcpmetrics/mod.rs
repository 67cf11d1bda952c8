//! `ip tcp_metrics` (`tcpmetrics`): the kernel's per-destination TCP
//! metrics cache, over generic netlink (ip/tcp_metrics.c).
//!
//! The family id of `tcp_metrics` is looked up through the controller on a
//! generic netlink socket of the command's own (`kernel::genl`). `show`
//! dumps and filters here; `show ADDRESS`, `delete ADDRESS` and a `flush`
//! of everything are single requests; a `flush PREFIX` dumps and deletes
//! what matches, in rounds, as ip does. The printer is `tcpmetrics/print.rs`.
//!
//! ip's word loop steps two words after each selector (its `for` and its
//! body both advance), so every other word is skipped; rnet keeps that.

pub(crate) mod errors;
pub(crate) mod print;

use crate::context::Context;
use crate::error::{warn, Error, Result, Warning};
use crate::grammar::inet::{format_address, get_prefix, prefix_matches, resolve_address, Prefix};
use crate::grammar::matches;
use crate::grammar::tree::{kw, kw_alias, resolve, Keyword, Match, Usage};
use crate::kernel::attrs::{Attrs, Request};
use crate::kernel::genl::{self, LookupError, GENL_HDRLEN};
use crate::kernel::raw::{RawSocket, NLM_F_ACK, NLM_F_DUMP, NLM_F_REQUEST};
use crate::objects::rule::preferred_family;
use crate::objects::tcpmetrics::print::*;
use errors::{TcpMetricsError, TcpMetricsWarning};

/// `ip tcp_metrics` sub-commands (ip/tcp_metrics.c `do_tcp_metrics`), in
/// matching order.
pub(crate) const COMMANDS: &[Keyword] = &[
    kw_alias(
        "list",
        &[("lst", Match::Prefix), ("show", Match::Prefix)],
        "list TCP metrics entries",
    ),
    kw_alias(
        "delete",
        &[("remove", Match::Prefix)],
        "delete the entry of one address",
    ),
    kw("flush", "delete the entries a selector matches"),
    kw("help", "print the usage"),
];

/// `tcpmetrics help`: ip's usage text, with the program's name where ip has `ip`.
pub(crate) const USAGE: Usage = Usage::object(include_str!("usage.txt"), "\tip ");

const AF_UNSPEC: u8 = 0;
const AF_INET: u8 = 2;
const AF_INET6: u8 = 10;
const TCP_METRICS_GENL_NAME: &str = "tcp_metrics";
const TCP_METRICS_GENL_VERSION: u8 = 1;
const TCP_METRICS_CMD_GET: u8 = 1;
const TCP_METRICS_CMD_DEL: u8 = 2;
/// ip's flush buffer (`char flushb[4096-512]`): deletions are sent in
/// batches that fit in it.
const FLUSH_BUFFER: usize = 4096 - 512;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Command {
    List,
    Delete,
    Flush,
}

pub fn run(ctx: &mut Context, args: &[String]) -> Result<()> {
    let Some(word) = args.first() else {
        return command(ctx, Command::List, &[]);
    };
    let rest = &args[1..];
    match resolve(word, COMMANDS).map(|command| command.name) {
        Some("list") => command(ctx, Command::List, rest),
        Some("delete") => command(ctx, Command::Delete, rest),
        Some("flush") => command(ctx, Command::Flush, rest),
        Some("help") => Err(Error::Usage(USAGE)),
        _ => Err(Error::UnknownCommand {
            help_topic: "tcp_metrics help",
            word: word.clone(),
        }),
    }
}

/// The selectors of a command line.
#[derive(Debug, Default)]
struct Selector {
    /// `address` (or a bare word): a prefix, and its attribute type when it
    /// is one whole address.
    dst: Option<(Prefix, Option<u16>)>,
    /// `src`/`source`: always one whole address.
    src: Option<(Prefix, u16)>,
}

/// The attribute type of a whole address of `prefix`'s family.
fn whole_address(prefix: &Prefix, ipv4: u16, ipv6: u16) -> Option<u16> {
    if prefix.bytelen == 0 || prefix.bytelen * 8 != prefix.bitlen as usize {
        return None;
    }
    match prefix.family {
        AF_INET => Some(ipv4),
        AF_INET6 => Some(ipv6),
        _ => None,
    }
}

/// ip's `tcpm_do_cmd` word loop.
fn parse(args: &[String], command: Command, family: u8) -> Result<Selector> {
    let mut selector = Selector::default();
    let mut at = 0;
    while at < args.len() {
        let word = args[at].as_str();
        let value_at = |at: &mut usize| -> Result<&String> {
            *at += 1;
            args.get(*at).ok_or(Error::IncompleteCommand)
        };
        if word == "src" || word == "source" {
            let value = value_at(&mut at)?;
            if matches(value, "help") {
                return Err(Error::Usage(USAGE));
            }
            if selector.src.is_some() {
                return Err(duplicate(word, value));
            }
            let prefix = get_prefix(value, family)?;
            let kind = whole_address(
                &prefix,
                TCP_METRICS_ATTR_SADDR_IPV4,
                TCP_METRICS_ATTR_SADDR_IPV6,
            )
            .ok_or_else(|| TcpMetricsError::SpecificAddress(value.clone()))?;
            selector.src = Some((prefix, kind));
        } else {
            let (who, value) = if word == "addr" || word == "address" {
                (word, value_at(&mut at)?)
            } else {
                ("address", &args[at])
            };
            if matches(value, "help") {
                return Err(Error::Usage(USAGE));
            }
            if selector.dst.is_some() {
                return Err(duplicate(who, value));
            }
            let prefix = get_prefix(value, family)?;
            let kind = whole_address(
                &prefix,
                TCP_METRICS_ATTR_ADDR_IPV4,
                TCP_METRICS_ATTR_ADDR_IPV6,
            );
            if command == Command::Delete && kind.is_none() {
                return Err(TcpMetricsError::SpecificAddress(value.clone()).into());
            }
            selector.dst = Some((prefix, kind));
        }
        // ip's loop body and its `for` both step on.
        at += 2;
    }
    Ok(selector)
}

/// ip's `duparg2`.
fn duplicate(key: &str, arg: &str) -> Error {
    Error::DuplicateOrGarbage {
        key: key.to_string(),
        arg: arg.to_string(),
    }
}

/// What the command line asks of the kernel.
#[derive(Debug, PartialEq, Eq)]
enum Plan {
    /// One request (a get, or a delete with an ACK).
    Single { cmd: u8, ack: bool },
    /// A dump, printed (`show`) or deleted from (`flush`).
    Dump { flush: bool },
}

/// ip's choice between a single request and a dump.
fn plan(command: Command, selector: &Selector, family: u8) -> Plan {
    let dst_kind = selector.dst.as_ref().and_then(|(_, kind)| *kind);
    let bits = |prefix: Option<&Prefix>| prefix.map_or(-1, |prefix| prefix.bitlen);
    match command {
        Command::Delete => Plan::Single {
            cmd: TCP_METRICS_CMD_DEL,
            ack: true,
        },
        Command::Flush if dst_kind.is_some() => Plan::Single {
            cmd: TCP_METRICS_CMD_DEL,
            ack: true,
        },
        Command::Flush
            if bits(selector.dst.as_ref().map(|(p, _)| p)) <= 0
                && bits(selector.src.as_ref().map(|(p, _)| p)) <= 0
                && family == AF_UNSPEC =>
        {
            Plan::Single {
                cmd: TCP_METRICS_CMD_DEL,
                ack: true,
            }
        }
        Command::Flush => Plan::Dump { flush: true },
        Command::List if dst_kind.is_some() => Plan::Single {
            cmd: TCP_METRICS_CMD_GET,
            ack: false,
        },
        Command::List => Plan::Dump { flush: false },
    }
}

/// The request of a plan to family `id`.
fn request(id: u16, plan: &Plan, selector: &Selector) -> Request {
    match plan {
        Plan::Dump { .. } => genl::request(
            id,
            NLM_F_REQUEST | NLM_F_DUMP,
            TCP_METRICS_CMD_GET,
            TCP_METRICS_GENL_VERSION,
        ),
        Plan::Single { cmd, ack } => {
            let flags = if *ack {
                NLM_F_REQUEST | NLM_F_ACK
            } else {
                NLM_F_REQUEST
            };
            let mut request = genl::request(id, flags, *cmd, TCP_METRICS_GENL_VERSION);
            if let Some((prefix, Some(kind))) = &selector.dst {
                request = request.attr(*kind, prefix.bytes());
            }
            if let Some((prefix, kind)) = &selector.src {
                request = request.attr(*kind, prefix.bytes());
            }
            request
        }
    }
}

/// The generic socket and the id of `tcp_metrics` (ip's `genl_init_handle`).
fn connect() -> Result<(RawSocket, u16)> {
    let mut socket = genl::open().map_err(|_| TcpMetricsError::SocketOpen)?;
    let id = genl::resolve_family(&mut socket, TCP_METRICS_GENL_NAME).map_err(|err| match err {
        LookupError::Refused(err) => TcpMetricsError::FamilyRefused(err),
        LookupError::NoFamilyId => TcpMetricsError::NoFamilyId,
    })?;
    Ok((socket, id))
}

/// One entry of an answer, as ip's `process_msg` reads and filters it.
struct Entry<'a> {
    attrs: Attrs<'a>,
    /// Family, attribute type and bytes of each address.
    dst: (u8, u16, &'a [u8]),
    src: Option<(u8, u16, &'a [u8])>,
}

/// The address in whichever of the two attributes is there, if its length
/// is right.
fn address<'a>(attrs: &Attrs<'a>, ipv4: u16, ipv6: u16) -> Option<Option<(u8, u16, &'a [u8])>> {
    let (family, kind, len) = if attrs.has(ipv4) {
        (AF_INET, ipv4, 4)
    } else if attrs.has(ipv6) {
        (AF_INET6, ipv6, 16)
    } else {
        return Some(None);
    };
    let bytes = attrs.get(kind)?;
    (bytes.len() == len).then_some(Some((family, kind, bytes)))
}

/// Whether an address passes a selector: without one, only the command's
/// family (if any) is checked, as ip keeps that family in its filter.
fn passes(wanted: Option<&Prefix>, family: u8, address: (u8, u16, &[u8])) -> bool {
    let (family, bitlen, bytes) = match wanted {
        Some(prefix) => (prefix.family, prefix.bitlen, prefix.bytes()),
        None => (family, -1, &[][..]),
    };
    if family == AF_UNSPEC {
        return true;
    }
    family == address.0 && (bitlen < 0 || prefix_matches(address.2, bytes, bitlen))
}

impl<'a> Entry<'a> {
    /// `None` for a message ip skips; `Err` for one that ends ip's dump.
    fn read(
        msg_type: u16,
        payload: &'a [u8],
        id: u16,
        selector: &Selector,
        family: u8,
    ) -> std::result::Result<Option<Self>, ()> {
        if msg_type != id || payload.len() < GENL_HDRLEN {
            return Err(());
        }
        if payload[0] != TCP_METRICS_CMD_GET {
            return Ok(None);
        }
        let attrs = Attrs::parse(&payload[GENL_HDRLEN..], TCP_METRICS_ATTR_MAX);
        let Some(Some(dst)) = address(
            &attrs,
            TCP_METRICS_ATTR_ADDR_IPV4,
            TCP_METRICS_ATTR_ADDR_IPV6,
        ) else {
            return Ok(None);
        };
        if !passes(selector.dst.as_ref().map(|(p, _)| p), family, dst) {
            return Ok(None);
        }
        let Some(src) = address(
            &attrs,
            TCP_METRICS_ATTR_SADDR_IPV4,
            TCP_METRICS_ATTR_SADDR_IPV6,
        ) else {
            return Ok(None);
        };
        if let Some(src) = src {
            if !passes(selector.src.as_ref().map(|(p, _)| p), family, src) {
                return Ok(None);
            }
        }
        Ok(Some(Entry { attrs, dst, src }))
    }

    /// The deletion of this entry that ip's flush sends.
    fn delete_request(&self, id: u16) -> Request {
        let mut request = genl::request(
            id,
            NLM_F_REQUEST,
            TCP_METRICS_CMD_DEL,
            TCP_METRICS_GENL_VERSION,
        )
        .attr(self.dst.1, self.dst.2);
        if let Some((_, kind, bytes)) = self.src {
            request = request.attr(kind, bytes);
        }
        request
    }
}

/// ip's `format_host`: the resolved name under `-r`, else the address.
fn host(resolve: bool, (family, _, bytes): (u8, u16, &[u8])) -> String {
    resolve
        .then(|| resolve_address(family, bytes))
        .flatten()
        .unwrap_or_else(|| format_address(family, bytes))
}

fn print(ctx: &mut Context, entry: &Entry<'_>, deleted: bool) {
    let resolve = ctx.options.resolve > 0;
    let dst = host(resolve, entry.dst);
    let src = entry.src.map(|src| host(resolve, src));
    let hosts = Hosts {
        ipv6: entry.dst.0 == AF_INET6,
        dst: &dst,
        src: src.as_deref(),
    };
    print_entry(&mut ctx.out, &entry.attrs, &hosts, deleted);
}

/// The messages of a dump on the generic socket.
fn dump(socket: &mut RawSocket, request: Request) -> Result<Vec<(u16, Vec<u8>)>> {
    let mut messages = Vec::new();
    socket
        .talk(request, |msg| {
            messages.push((msg.msg_type, msg.payload.to_vec()))
        })
        .map_err(Error::dump_terminated)?;
    Ok(messages)
}

/// ip's `tcpm_do_cmd`.
fn command(ctx: &mut Context, command: Command, args: &[String]) -> Result<()> {
    let family = preferred_family(ctx);
    if ![AF_UNSPEC, AF_INET, AF_INET6].contains(&family) {
        return Err(TcpMetricsError::UnsupportedFamily(family).into());
    }
    let selector = parse(args, command, family)?;
    if command == Command::Delete && selector.dst.as_ref().and_then(|(_, k)| *k).is_none() {
        return Err(Error::MissingArgument("address".to_string()));
    }
    let plan = plan(command, &selector, family);
    let (mut socket, id) = connect()?;
    let request = request(id, &plan, &selector);
    match plan {
        Plan::Single { ack: true, .. } => {
            socket
                .talk(request, |_| {})
                .map_err(|refusal| Error::Kernel(refusal.error))?;
            Ok(())
        }
        Plan::Single { ack: false, .. } => {
            let mut answer = None;
            socket
                .talk(request, |msg| {
                    answer.get_or_insert((msg.msg_type, msg.payload.to_vec()));
                })
                .map_err(|refusal| Error::Kernel(refusal.error))?;
            let (msg_type, payload) =
                answer.ok_or(TcpMetricsError::NotTcpMetrics("Dump terminated"))?;
            // A single answer is printed as text even under -j: ip opens
            // no JSON document for it.
            match Entry::read(msg_type, &payload, id, &selector, family) {
                Ok(Some(entry)) => print(ctx, &entry, false),
                Ok(None) => {}
                Err(()) => return Err(TcpMetricsError::NotTcpMetrics("Dump terminated").into()),
            }
            Ok(())
        }
        Plan::Dump { flush: false } => {
            // ip opens its JSON array first and exits on a failed dump with
            // the array left open.
            ctx.out.begin_list();
            let messages = dump(&mut socket, request)?;
            for (msg_type, payload) in &messages {
                match Entry::read(*msg_type, payload, id, &selector, family) {
                    Ok(Some(entry)) => print(ctx, &entry, false),
                    Ok(None) => {}
                    Err(()) => return Err(TcpMetricsError::NotTcpMetrics("Dump terminated").into()),
                }
            }
            ctx.out.end_list();
            Ok(())
        }
        Plan::Dump { flush: true } => flush(ctx, &mut socket, id, request, &selector, family),
    }
}

/// ip's flush rounds: dump, delete what matches in batches, until a round
/// finds nothing.
fn flush(
    ctx: &mut Context,
    socket: &mut RawSocket,
    id: u16,
    request: Request,
    selector: &Selector,
    family: u8,
) -> Result<()> {
    let stats = ctx.options.stats;
    let mut round = 0;
    loop {
        let messages = dump(socket, request.clone()).map_err(|err| match err {
            Error::DumpTerminated(err) => Error::FlushTerminated(err),
            other => other,
        })?;
        let mut batch: Vec<u8> = Vec::new();
        let mut flushed = 0;
        for (msg_type, payload) in &messages {
            let entry = match Entry::read(*msg_type, payload, id, selector, family) {
                Ok(Some(entry)) => entry,
                Ok(None) => continue,
                Err(()) => return Err(TcpMetricsError::NotTcpMetrics("Flush terminated").into()),
            };
            let delete = entry.delete_request(id).finish(socket.next_seq());
            if crate::kernel::attrs::align4(batch.len()) + delete.len() > FLUSH_BUFFER {
                send_batch(socket, &mut batch)?;
            }
            batch.resize(crate::kernel::attrs::align4(batch.len()), 0);
            batch.extend_from_slice(&delete);
            flushed += 1;
            if stats >= 2 {
                print(ctx, &entry, true);
            }
        }
        if flushed == 0 {
            if round == 0 {
                warn(Warning::from(TcpMetricsWarning::NothingToFlush));
            } else if stats > 0 {
                let plural = if round > 1 { "s" } else { "" };
                ctx.out.raw(format!(
                    "*** Flush is complete after {round} round{plural} ***\n"
                ));
            }
            return Ok(());
        }
        round += 1;
        send_batch(socket, &mut batch)?;
        if stats > 0 {
            ctx.out.raw(format!(
                "\n*** Round {round}, deleting {flushed} entries ***\n"
            ));
        }
        ctx.out.flush();
    }
}

/// ip's `flush_update`: sends the batched deletions.
fn send_batch(socket: &mut RawSocket, batch: &mut Vec<u8>) -> Result<()> {
    socket
        .send_check(batch)
        .map_err(TcpMetricsError::FlushSend)?;
    batch.clear();
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(line: &str) -> Vec<String> {
        line.split_whitespace().map(String::from).collect()
    }

    fn built(command: Command, line: &str, family: u8) -> Vec<u8> {
        let selector = parse(&words(line), command, family).unwrap();
        let plan = plan(command, &selector, family);
        request(0x1b, &plan, &selector).finish(0x6b17_07ba)
    }

    fn header(len: u8, flags: u16, cmd: u8) -> Vec<u8> {
        let mut bytes = vec![len, 0, 0, 0, 0x1b, 0];
        bytes.extend_from_slice(&flags.to_ne_bytes());
        bytes.extend_from_slice(&0x6b17_07bau32.to_ne_bytes());
        bytes.extend_from_slice(&[0, 0, 0, 0, cmd, 1, 0, 0]);
        bytes
    }

    /// The bytes ip 6.1 sent (strace -X raw -e write=4): the dump of `show`
    /// and `-4 flush`, the delete of `delete 192.0.2.1`, and a flush of
    /// everything, which is one delete without an address.
    #[test]
    fn requests_match_ip_bytes() {
        assert_eq!(built(Command::List, "", 0), header(0x14, 0x301, 1));
        assert_eq!(built(Command::Flush, "", AF_INET), header(0x14, 0x301, 1));
        let mut delete = header(0x1c, 0x5, 2);
        delete.extend_from_slice(&[0x08, 0, 0x01, 0, 0xc0, 0, 0x02, 0x01]);
        assert_eq!(built(Command::Delete, "192.0.2.1", 0), delete);
        assert_eq!(built(Command::Flush, "", 0), header(0x14, 0x5, 2));
    }

    #[test]
    fn every_other_word_is_skipped_as_in_ip() {
        let selector = parse(
            &words("src 192.0.2.2 2001:db8::1 198.51.100.0/24"),
            Command::List,
            0,
        )
        .unwrap();
        assert!(selector.src.is_some());
        let (prefix, kind) = selector.dst.unwrap();
        assert_eq!((prefix.bitlen, kind), (24, None));
        assert!(matches!(
            parse(&words("192.0.2.1 x 192.0.2.2"), Command::List, 0),
            Err(Error::DuplicateOrGarbage { .. })
        ));
        assert!(matches!(
            parse(&words("192.0.2.0/24"), Command::Delete, 0),
            Err(error) if matches!(error.subject(), Some(TcpMetricsError::SpecificAddress(_)))
        ));
    }

    fn answer(cmd: u8, dst: &[u8], src: Option<&[u8]>) -> Vec<u8> {
        let kind = |bytes: &[u8], ipv4, ipv6| if bytes.len() == 4 { ipv4 } else { ipv6 };
        let mut request = genl::request(0x1b, 0, cmd, 1).attr(
            kind(dst, TCP_METRICS_ATTR_ADDR_IPV4, TCP_METRICS_ATTR_ADDR_IPV6),
            dst,
        );
        if let Some(src) = src {
            request = request.attr(
                kind(
                    src,
                    TCP_METRICS_ATTR_SADDR_IPV4,
                    TCP_METRICS_ATTR_SADDR_IPV6,
                ),
                src,
            );
        }
        let mut bytes = request.finish(0);
        bytes.drain(..16);
        bytes
    }

    fn shown(line: &str, family: u8, payload: &[u8]) -> bool {
        let selector = parse(&words(line), Command::List, family).unwrap();
        matches!(
            Entry::read(0x1b, payload, 0x1b, &selector, family),
            Ok(Some(_))
        )
    }

    #[test]
    fn entries_are_filtered_as_ip_filters_them() {
        let v4 = answer(1, &[192, 0, 2, 1], Some(&[192, 0, 2, 2]));
        let mut v6_address = [0u8; 16];
        v6_address[..4].copy_from_slice(&[0x20, 0x01, 0x0d, 0xb8]);
        let v6 = answer(1, &v6_address, None);
        assert!(shown("", 0, &v4) && shown("", 0, &v6));
        assert!(shown("", AF_INET, &v4) && !shown("", AF_INET, &v6));
        assert!(!shown("", AF_INET6, &v4) && shown("", AF_INET6, &v6));
        assert!(shown("192.0.2.0/24", 0, &v4) && !shown("192.0.2.0/24", 0, &v6));
        assert!(!shown("198.51.100.0/24", 0, &v4));
        assert!(shown("all", 0, &v4) && shown("all", 0, &v6));
        assert!(shown("src 192.0.2.2", 0, &v4) && !shown("src 192.0.2.3", 0, &v4));
        // An entry without a source passes a source selector, as in ip.
        assert!(shown("src 192.0.2.2", 0, &v6));
        // Deletion answers are skipped; messages of another family end it.
        let deleted = answer(2, &[192, 0, 2, 1], None);
        assert!(!shown("", 0, &deleted));
        let selector = Selector::default();
        assert!(Entry::read(0x10, &v4, 0x1b, &selector, 0).is_err());
    }
}
