//! `ip netconf`: the per-device forwarding settings (ip/ipnetconf.c).
//!
//! `show dev NAME` with a family (`-4`, `-6`, ...) asks for that one entry
//! with an RTM_GETNETCONF get; anything else dumps, the family filtered here
//! as ip filters it. ip answers a get with text even under `-j` (it opens no
//! JSON document there) and says nothing when the kernel refuses the get.
//! The printer is `netconf/print.rs`.

pub(crate) mod errors;
pub(crate) mod print;

use crate::context::Context;
use crate::error::{Error, Result};
use crate::grammar::next_arg;
use crate::grammar::tree::{kw, kw_alias, resolve, Keyword, Match, Usage};
use crate::kernel::attrs::Request;
use crate::kernel::raw::{NLM_F_ACK, NLM_F_DUMP, NLM_F_REQUEST};
use crate::objects::device;
use crate::objects::netconf::print::*;
use errors::NetconfError;

pub(crate) const COMMANDS: &[Keyword] = &[
    kw_alias(
        "show",
        &[("lst", Match::Prefix), ("list", Match::Prefix)],
        "show forwarding settings",
    ),
    kw("help", "print the usage"),
];

/// `netconf help`: ip's usage text, with the program's name where ip has `ip netconf`.
pub(crate) const USAGE: Usage = Usage::object(include_str!("usage.txt"), "ip netconf ");

/// The messages of an answer: type and payload.
type Answers = Vec<(u16, Vec<u8>)>;

const AF_UNSPEC: u8 = 0;
const AF_INET: u8 = 2;
const AF_INET6: u8 = 10;

pub fn run(ctx: &mut Context, args: &[String]) -> Result<()> {
    let Some(word) = args.first() else {
        return show(ctx, &[]);
    };
    match resolve(word, COMMANDS).map(|command| command.name) {
        Some("show") => show(ctx, &args[1..]),
        Some("help") => Err(Error::Usage(USAGE)),
        _ => Err(Error::UnknownCommand {
            help_topic: "netconf help",
            word: word.clone(),
        }),
    }
}

/// The device `show` is limited to: ip reads only `dev NAME` and steps
/// over every other word.
fn device_filter(ctx: &mut Context, args: &[String]) -> Result<i32> {
    let mut ifindex = 0;
    let mut words = args.iter();
    while let Some(word) = words.next() {
        if word == "dev" {
            let name = next_arg(&mut words)?;
            ifindex = device::index_of(ctx, name)?;
            if ifindex <= 0 {
                return Err(Error::DeviceDoesNotExist(name.clone()));
            }
        }
    }
    Ok(ifindex)
}

/// ip's RTM_GETNETCONF for one device of one family.
fn get_request(family: u8, ifindex: i32) -> Request {
    Request::new(RTM_GETNETCONF, NLM_F_REQUEST | NLM_F_ACK)
        .fixed(&[family])
        .attr(NETCONFA_IFINDEX, &ifindex.to_ne_bytes())
}

/// ip's `rtnl_netconfdump_req`.
fn dump_request(family: u8) -> Request {
    Request::new(RTM_GETNETCONF, NLM_F_REQUEST | NLM_F_DUMP).fixed(&[family])
}

/// ip's `do_show`.
fn show(ctx: &mut Context, args: &[String]) -> Result<()> {
    let preferred = crate::objects::rule::preferred_family(ctx);
    let ifindex = device_filter(ctx, args)?;
    if ifindex != 0 && preferred != AF_UNSPEC {
        let mut answers: Answers = Vec::new();
        // A refusal ends ip's listening loop in silence.
        let _ = ctx.raw()?.talk(get_request(preferred, ifindex), |msg| {
            answers.push((msg.msg_type, msg.payload.to_vec()))
        });
        return print_entries(ctx, &answers, preferred, ifindex);
    }
    let mut family = preferred;
    loop {
        ctx.out.begin_list();
        let answers = match dump(ctx, family)? {
            Ok(answers) => answers,
            // Kernels without an AF_UNSPEC netconf dump: ask per family.
            Err(errno) if errno == nix::libc::EOPNOTSUPP && family == AF_UNSPEC => {
                family = AF_INET;
                continue;
            }
            Err(errno) => return Err(NetconfError::DumpTerminated(errno).into()),
        };
        print_entries(ctx, &answers, family, ifindex)?;
        ctx.out.end_list();
        if preferred == AF_UNSPEC && family == AF_INET {
            family = AF_INET6;
            continue;
        }
        return Ok(());
    }
}

/// The messages of one netconf dump, or the errno it was refused with.
fn dump(ctx: &mut Context, family: u8) -> Result<std::result::Result<Answers, i32>> {
    let request = dump_request(family);
    let answer = ctx
        .raw()?
        .dump_all(&request, |msg| Some((msg.msg_type, msg.payload.to_vec())));
    Ok(answer.map_err(|refusal| refusal.error.errno))
}

/// Prints the entries of `family` (all when 0) and `ifindex` (all when 0),
/// naming their devices first.
fn print_entries(
    ctx: &mut Context,
    answers: &[(u16, Vec<u8>)],
    family: u8,
    ifindex: i32,
) -> Result<()> {
    for (msg_type, payload) in answers {
        if *msg_type != RTM_NEWNETCONF && *msg_type != RTM_DELNETCONF {
            continue;
        }
        let Some(netconf) = Netconf::parse(payload) else {
            continue;
        };
        if family != AF_UNSPEC && family != netconf.family {
            continue;
        }
        let index = netconf.ifindex();
        if ifindex != 0 && ifindex != index.unwrap_or(0) {
            continue;
        }
        let dev = match index {
            None => None,
            Some(NETCONFA_IFINDEX_ALL) => Some(b"all".to_vec()),
            Some(NETCONFA_IFINDEX_DEFAULT) => Some(b"default".to_vec()),
            Some(index) => Some(device::name_of(ctx, index)?),
        };
        print_netconf(&mut ctx.out, *msg_type, &netconf, dev.as_deref());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The bytes ip 6.1 sent for `ip -4 netconf show dev lo` and
    /// `ip -6 netconf` (strace -X raw -e write=3), sequence number included.
    #[test]
    fn requests_match_ip_bytes() {
        let get: Vec<u8> = [
            0x1c, 0, 0, 0, 0x52, 0, 0x05, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x02, 0, 0, 0, 0x08, 0, 0x01,
            0, 0x01, 0, 0, 0,
        ]
        .to_vec();
        assert_eq!(get_request(AF_INET, 1).finish(0), get);
        let mut dump = vec![0x14, 0, 0, 0, 0x52, 0, 0x01, 0x03];
        dump.extend_from_slice(&1_796_670_575u32.to_ne_bytes());
        dump.extend_from_slice(&[0, 0, 0, 0, 0x0a, 0, 0, 0]);
        assert_eq!(dump_request(AF_INET6).finish(1_796_670_575), dump);
    }
}
