//! `ip ntable`: the neighbour tables' parameters (ip/ipntable.c).
//!
//! `change` sends RTM_SETNEIGHTBL with the table's name, its thresholds and
//! a parameter set (the table's defaults, or a device's with `dev`); `show`
//! dumps the tables, filtered by name and device, printed by
//! `ntable/print.rs`.

pub(crate) mod print;

use crate::context::Context;
use crate::error::{Error, Result};
use crate::grammar::next_arg;
use crate::grammar::tree::{kw, kw_alias, resolve, Keyword, Match, Usage};
use crate::kernel::attrs::Request;
use crate::kernel::raw::NLM_F_REPLACE;
use crate::kernel::raw::{NLM_F_ACK, NLM_F_DUMP, NLM_F_REQUEST};
use crate::model::neighbor::*;
use crate::model::rt_names::{get_u32, get_u64};
use crate::objects::device;
use crate::objects::neighbor::errors::NeighborError;
use crate::objects::ntable::print::print_ntable;
use crate::objects::rule::preferred_family;

/// `ip ntable` sub-commands (ip/ipntable.c `do_ipntable`), in matching order.
pub(crate) const COMMANDS: &[Keyword] = &[
    kw_alias(
        "change",
        &[("chg", Match::Prefix)],
        "change a table's parameters",
    ),
    kw_alias(
        "show",
        &[("lst", Match::Prefix), ("list", Match::Prefix)],
        "list the neighbour tables",
    ),
    kw("help", "print the usage"),
];

/// `ntable help`: ip's usage text, with the program's name where ip has `ip ntable`.
pub(crate) const USAGE: Usage = Usage::object(include_str!("usage.txt"), "ip ntable ");
/// ip's filter for `dev none`: only the tables' default parameter sets.
const NONE_DEV: i32 = -1;

pub fn run(ctx: &mut Context, args: &[String]) -> Result<()> {
    // ip reads the device list before anything else.
    ctx.raw()?;
    let Some(word) = args.first() else {
        return show(ctx, &[]);
    };
    let Some(command) = resolve(word, COMMANDS) else {
        return Err(Error::UnknownCommand {
            help_topic: "ntable help",
            word: word.clone(),
        });
    };
    let rest = &args[1..];
    match command.name {
        "change" => change(ctx, rest),
        "show" => show(ctx, rest),
        "help" => Err(Error::Usage(USAGE)),
        other => Err(Error::CommandNotImplemented {
            object: "ntable",
            command: other,
        }),
    }
}

fn invalid(arg: &str, reason: &str) -> Error {
    Error::InvalidArgument {
        arg: arg.to_string(),
        reason: reason.to_string(),
    }
}

/// The parameters of `change` that go in NDTA_PARMS: keyword, attribute,
/// and whether the value is 64 bits wide.
const PARAMETERS: [(&str, u16, bool); 12] = [
    ("base_reachable", NDTPA_BASE_REACHABLE_TIME, true),
    ("retrans", NDTPA_RETRANS_TIME, true),
    ("gc_stale", NDTPA_GC_STALETIME, true),
    ("delay_probe", NDTPA_DELAY_PROBE_TIME, true),
    ("queue", NDTPA_QUEUE_LEN, false),
    ("app_probes", NDTPA_APP_PROBES, false),
    ("ucast_probes", NDTPA_UCAST_PROBES, false),
    ("mcast_probes", NDTPA_MCAST_PROBES, false),
    ("anycast_delay", NDTPA_ANYCAST_DELAY, true),
    ("proxy_delay", NDTPA_PROXY_DELAY, true),
    ("proxy_queue", NDTPA_PROXY_QLEN, false),
    ("locktime", NDTPA_LOCKTIME, true),
];

/// ip's `ipntable_modify`: the RTM_SETNEIGHTBL request. `index_of` names
/// devices (0: no such device).
fn change_request(
    args: &[String],
    family: u8,
    index_of: &mut dyn FnMut(&str) -> Result<i32>,
) -> Result<Request> {
    let header = [family, 0, 0, 0];
    let mut request =
        Request::new(RTM_SETNEIGHTBL, NLM_F_REQUEST | NLM_F_ACK | NLM_F_REPLACE).fixed(&header);
    let mut parms: Vec<(u16, Vec<u8>)> = Vec::new();
    let mut named = false;
    let mut changes = false;
    let mut words = args.iter();
    while let Some(word) = words.next() {
        let w = word.as_str();
        let number = |value: &str, wide: bool, key: &str| -> Result<Vec<u8>> {
            let reason = format!("\"{key}\" value is invalid");
            if wide {
                get_u64(value).map(|v| v.to_ne_bytes().to_vec())
            } else {
                get_u32(value).map(|v| v.to_ne_bytes().to_vec())
            }
            .ok_or_else(|| invalid(value, &reason))
        };
        if w == "name" {
            let value = next_arg(&mut words)?;
            if named {
                return Err(Error::DuplicateArgument {
                    key: "NAME".into(),
                    arg: value.clone(),
                });
            }
            named = true;
            request = request.attr_str(NDTA_NAME, value.as_bytes());
        } else if let Some(kind) = ["thresh1", "thresh2", "thresh3", "gc_int"]
            .iter()
            .position(|key| *key == w)
        {
            let value = next_arg(&mut words)?;
            let kinds = [NDTA_THRESH1, NDTA_THRESH2, NDTA_THRESH3, NDTA_GC_INTERVAL];
            request = request.attr(kinds[kind], &number(value, kind == 3, w)?);
            changes = true;
        } else if w == "dev" {
            let value = next_arg(&mut words)?;
            let index = index_of(value)?;
            if index == 0 {
                return Err(Error::CannotFindDevice(value.clone()));
            }
            parms.push((NDTPA_IFINDEX, (index as u32).to_ne_bytes().to_vec()));
        } else if let Some((key, kind, wide)) = PARAMETERS.iter().find(|(key, ..)| *key == w) {
            let value = next_arg(&mut words)?;
            parms.push((*kind, number(value, *wide, key)?));
            changes = true;
        } else {
            return Err(invalid(w, "unknown"));
        }
    }
    if !named {
        return Err(Error::MissingArgument("NAME".into()));
    }
    if !changes {
        return Err(NeighborError::NothingToChange.into());
    }
    if !parms.is_empty() {
        request = request.begin_nest(NDTA_PARMS);
        for (kind, payload) in &parms {
            request = request.attr(*kind, payload);
        }
        request = request.end_nest();
    }
    Ok(request)
}

fn change(ctx: &mut Context, args: &[String]) -> Result<()> {
    let family = preferred_family(ctx);
    let request = {
        let mut index_of = |name: &str| device::index_of(ctx, name);
        change_request(args, family, &mut index_of)?
    };
    ctx.raw()?
        .talk(request, |_| {})
        .map_err(|refusal| NeighborError::Refused(refusal.error))?;
    Ok(())
}

/// ip's `ipntable_show`.
fn show(ctx: &mut Context, args: &[String]) -> Result<()> {
    let mut index = 0;
    let mut name: Option<&String> = None;
    let mut words = args.iter();
    while let Some(word) = words.next() {
        if word == "dev" {
            let value = next_arg(&mut words)?;
            index = if value == "none" {
                NONE_DEV
            } else {
                match device::index_of(ctx, value)? {
                    0 => return Err(invalid(value, "\"DEV\" is invalid")),
                    index => index,
                }
            };
        } else if word == "name" {
            name = Some(next_arg(&mut words)?);
        } else {
            return Err(invalid(word, "unknown"));
        }
    }
    let family = preferred_family(ctx);
    let request =
        Request::new(RTM_GETNEIGHTBL, NLM_F_REQUEST | NLM_F_DUMP).fixed(&[family, 0, 0, 0]);
    let mut messages: Vec<(u16, Vec<u8>)> = Vec::new();
    ctx.raw()?
        .talk(request, |msg| {
            messages.push((msg.msg_type, msg.payload.to_vec()))
        })
        .map_err(Error::dump_terminated)?;
    let stats = ctx.options.stats > 0;
    ctx.out.begin_list();
    for (msg_type, payload) in &messages {
        if *msg_type != RTM_NEWNEIGHTBL {
            continue;
        }
        let Some(table) = NeighTable::parse(payload) else {
            continue;
        };
        if family != 0 && family != table.family {
            continue;
        }
        if let (Some(wanted), Some(have)) = (name, table.name()) {
            if wanted.as_bytes() != have {
                continue;
            }
        }
        let mut dev = None;
        if let Some(parms) = table.parms() {
            match parms.u32(NDTPA_IFINDEX) {
                Some(ifindex) => {
                    if index != 0 && index != ifindex as i32 {
                        continue;
                    }
                    dev = Some(device::name_of(ctx, ifindex as i32)?);
                }
                None if index != 0 && index != NONE_DEV => continue,
                None => {}
            }
        }
        print_ntable(&mut ctx.out, &table, dev.as_deref(), stats);
    }
    ctx.out.end_list();
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(line: &str) -> Vec<String> {
        line.split(' ').map(String::from).collect()
    }

    fn hex(dump: &str) -> Vec<u8> {
        dump.split_whitespace()
            .map(|byte| u8::from_str_radix(byte, 16).unwrap())
            .collect()
    }

    fn request(line: &str) -> Result<Request> {
        change_request(&words(line), 0, &mut |name: &str| {
            Ok(if name == "va" { 2 } else { 0 })
        })
    }

    #[test]
    fn change_refusals_follow_ip() {
        assert!(matches!(
            request("thresh1 5"),
            Err(Error::MissingArgument(key)) if key == "NAME"
        ));
        assert_eq!(
            request("name arp_cache").err(),
            Some(NeighborError::NothingToChange.into())
        );
        assert_eq!(
            request("name arp_cache dev nosuch queue 3").err(),
            Some(Error::CannotFindDevice("nosuch".into()))
        );
        assert_eq!(
            request("name arp_cache foo").err(),
            Some(invalid("foo", "unknown"))
        );
        assert_eq!(
            request("name arp_cache queue x").err(),
            Some(invalid("x", "\"queue\" value is invalid"))
        );
    }

    #[test]
    fn ntable_change_name_arp_cache_thresh1_64_thresh2_512_thresh3_() {
        let ip = hex("48 00 00 00 43 00 05 01 a6 05 17 6b 00 00 00 00
             00 00 00 00 0e 00 01 00 61 72 70 5f 63 61 63 68
             65 00 00 00 08 00 02 00 40 00 00 00 08 00 03 00
             00 02 00 00 08 00 04 00 00 04 00 00 0c 00 08 00
             30 75 00 00 00 00 00 00");
        let seq = u32::from_ne_bytes(ip[8..12].try_into().unwrap());
        let request = change_request(
            &words("name arp_cache thresh1 64 thresh2 512 thresh3 1024 gc_int 30000"),
            0,
            &mut |name: &str| Ok(if name == "va" { 3 } else { 0 }),
        )
        .unwrap();
        assert_eq!(request.finish(seq), ip);
    }

    #[test]
    fn ntable_change_name_arp_cache_dev_va_base_reachable_30000_ret() {
        let ip = hex("ac 00 00 00 43 00 05 01 a6 05 17 6b 00 00 00 00
             00 00 00 00 0e 00 01 00 61 72 70 5f 63 61 63 68
             65 00 00 00 88 00 06 00 08 00 01 00 03 00 00 00
             0c 00 04 00 30 75 00 00 00 00 00 00 0c 00 05 00
             e8 03 00 00 00 00 00 00 0c 00 06 00 60 ea 00 00
             00 00 00 00 0c 00 07 00 88 13 00 00 00 00 00 00
             08 00 08 00 65 00 00 00 08 00 09 00 00 00 00 00
             08 00 0a 00 03 00 00 00 08 00 0b 00 03 00 00 00
             0c 00 0c 00 e8 03 00 00 00 00 00 00 0c 00 0d 00
             20 03 00 00 00 00 00 00 08 00 0e 00 40 00 00 00
             0c 00 0f 00 e8 03 00 00 00 00 00 00");
        let seq = u32::from_ne_bytes(ip[8..12].try_into().unwrap());
        let request = change_request(&words("name arp_cache dev va base_reachable 30000 retrans 1000 gc_stale 60000 delay_probe 5000 queue 101 app_probes 0 ucast_probes 3 mcast_probes 3 anycast_delay 1000 proxy_delay 800 proxy_queue 64 locktime 1000"), 0, &mut |name: &str| {
            Ok(if name == "va" { 3 } else { 0 })
        })
        .unwrap();
        assert_eq!(request.finish(seq), ip);
    }

    #[test]
    fn ipv6_ntable_change_name_ndisc_cache_queue_10() {
        let ip = hex("30 00 00 00 43 00 05 01 a6 05 17 6b 00 00 00 00
             0a 00 00 00 10 00 01 00 6e 64 69 73 63 5f 63 61
             63 68 65 00 0c 00 06 00 08 00 08 00 0a 00 00 00");
        let seq = u32::from_ne_bytes(ip[8..12].try_into().unwrap());
        let request = change_request(
            &words("name ndisc_cache queue 10"),
            10,
            &mut |name: &str| Ok(if name == "va" { 3 } else { 0 }),
        )
        .unwrap();
        assert_eq!(request.finish(seq), ip);
    }
}
