//! `ip mroute`: the multicast forwarding cache (ip/ipmroute.c).
//!
//! A route dump of family RTNL_FAMILY_IPMR (`-6`: IP6MR), asking the kernel
//! for table 253 (`default`) unless a `table` is given, as ip does for
//! backward compatibility; other families have no multicast routing and
//! print nothing. The `from`/`to` prefixes are parsed in the multicast
//! family, as ip parses them; it has no address syntax, so only `default`,
//! `all` and `any` pass, and being zero-length they select every route. The printer is `mroute/print.rs`.

pub(crate) mod errors;
pub(crate) mod print;

use crate::context::Context;
use crate::error::{warn, Error, Result, Warning};
use crate::grammar::inet::get_prefix;
use crate::grammar::tree::{kw, kw_alias, resolve, Keyword, Match, Usage};
use crate::grammar::{matches, next_arg};
use crate::kernel::attrs::Request;
use crate::kernel::raw::{NLM_F_DUMP, NLM_F_REQUEST};
use crate::model::route::RTA_TABLE;
use crate::model::rt_names;
use crate::objects::device;
use crate::objects::mroute::print::*;
use crate::objects::rule::preferred_family;
use errors::{MrouteError, MrouteWarning};

/// `ip mroute` sub-commands (ip/ipmroute.c `do_multiroute`), in matching
/// order.
pub(crate) const COMMANDS: &[Keyword] = &[
    kw_alias(
        "list",
        &[("show", Match::Prefix), ("lst", Match::Prefix)],
        "list multicast routes",
    ),
    kw("help", "print the usage"),
];

/// `mroute help`: ip's usage text, with the program's name where ip has `ip mroute`.
pub(crate) const USAGE: Usage = Usage::object(include_str!("usage.txt"), "ip mroute ");

const AF_UNSPEC: u8 = 0;
const AF_INET: u8 = 2;
const AF_INET6: u8 = 10;
/// ip's default table filter for IPv4 (`RT_TABLE_DEFAULT`).
const RT_TABLE_DEFAULT: u32 = 253;

pub fn run(ctx: &mut Context, args: &[String]) -> Result<()> {
    let Some(word) = args.first() else {
        return list(ctx, &[]);
    };
    match resolve(word, COMMANDS).map(|command| command.name) {
        Some("list") => list(ctx, &args[1..]),
        Some("help") => Err(Error::Usage(USAGE)),
        _ => Err(Error::UnknownCommand {
            help_topic: "mroute help",
            word: word.clone(),
        }),
    }
}

/// What `show` selects.
#[derive(Debug, Default, PartialEq, Eq)]
struct Filter {
    family: u8,
    /// 0 for every table.
    table: u32,
    iif: Option<String>,
}

/// ip's `mroute_list` argument loop; `None` for families without multicast
/// routing.
fn parse(args: &[String], preferred: u8) -> Result<Option<Filter>> {
    let mut filter = match preferred {
        AF_UNSPEC | AF_INET => Filter {
            family: RTNL_FAMILY_IPMR,
            table: RT_TABLE_DEFAULT,
            iif: None,
        },
        AF_INET6 => Filter {
            family: RTNL_FAMILY_IP6MR,
            table: 0,
            iif: None,
        },
        _ => return Ok(None),
    };
    let mut words = args.iter();
    while let Some(word) = words.next() {
        if matches(word, "table") {
            let value = next_arg(&mut words)?;
            filter.table = match rt_names::table_number(value) {
                Some(table) => table,
                None if value == "all" => 0,
                None if value == "help" => return Err(Error::Usage(USAGE)),
                None => {
                    return Err(Error::InvalidArgument {
                        arg: value.clone(),
                        reason: "table id value is invalid\n".to_string(),
                    })
                }
            };
        } else if word == "iif" {
            filter.iif = Some(next_arg(&mut words)?.clone());
        } else if matches(word, "from") {
            get_prefix(next_arg(&mut words)?, filter.family)?;
        } else {
            let value = if word == "to" {
                next_arg(&mut words)?
            } else {
                word
            };
            if matches(value, "help") {
                return Err(Error::Usage(USAGE));
            }
            get_prefix(value, filter.family)?;
        }
    }
    Ok(Some(filter))
}

/// ip's `rtnl_routedump_req` with the table filter.
fn dump_request(family: u8, table: u32) -> Request {
    let mut rtmsg = [0u8; 12];
    rtmsg[0] = family;
    let request = Request::new(RTM_GETROUTE, NLM_F_REQUEST | NLM_F_DUMP).fixed(&rtmsg);
    if table == 0 {
        return request;
    }
    request.attr_u32(RTA_TABLE, table)
}

/// ip's `mroute_list`.
fn list(ctx: &mut Context, args: &[String]) -> Result<()> {
    let Some(filter) = parse(args, preferred_family(ctx))? else {
        return Ok(());
    };
    let iif = match &filter.iif {
        Some(name) => match device::index_of(ctx, name)? {
            0 => return Err(Error::CannotFindDevice(name.clone())),
            index => index,
        },
        None => 0,
    };
    let request = dump_request(filter.family, filter.table);
    // ip opens its JSON array before the dump and closes it even when the
    // dump fails.
    ctx.out.begin_list();
    let dumped = ctx.raw()?.dump_all(&request, |msg| {
        Some((msg.msg_type, msg.flags, msg.payload.to_vec()))
    });
    let messages = match dumped {
        Ok(messages) => messages,
        Err(refusal) => {
            ctx.out.end_list();
            return Err(Error::dump_terminated(refusal));
        }
    };
    let style = Style {
        stats: ctx.options.stats > 0,
        details: ctx.options.details > 0,
        numeric: ctx.options.numeric > 0,
        table_filter: filter.table != 0,
    };
    let printed = print_routes(ctx, &messages, &filter, iif, style);
    ctx.out.end_list();
    printed
}

/// Prints the routes `filter` and `iif` select, naming their devices first.
fn print_routes(
    ctx: &mut Context,
    messages: &[(u16, u16, Vec<u8>)],
    filter: &Filter,
    iif: i32,
    style: Style,
) -> Result<()> {
    for (msg_type, flags, payload) in messages {
        if *msg_type != RTM_NEWROUTE && *msg_type != RTM_DELROUTE {
            warn(Warning::from(MrouteWarning::NotARoute {
                len: (payload.len() + 16) as u32,
                msg_type: *msg_type,
                flags: *flags,
            }));
            continue;
        }
        let Some(route) = Mroute::parse(payload) else {
            continue;
        };
        if route.route_type != RTN_MULTICAST {
            return Err(MrouteError::NotMulticast.into());
        }
        if filter.table > 0 && filter.table != route.table_id() {
            continue;
        }
        if iif != 0 && iif != route.iif() {
            continue;
        }
        if filter.family != route.family {
            continue;
        }
        let iif_name = match route.iif() {
            0 => None,
            index => Some(device::name_of(ctx, index)?),
        };
        let oifs = route
            .oifs()
            .into_iter()
            .map(|(index, _)| device::name_of(ctx, index))
            .collect::<Result<Vec<_>>>()?;
        print_mroute(
            &mut ctx.out,
            *msg_type,
            &route,
            iif_name.as_deref(),
            &oifs,
            style,
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(line: &str) -> Vec<String> {
        line.split_whitespace().map(String::from).collect()
    }

    /// The first 36 bytes ip 6.1 sent for `ip mroute` and `ip -6 mroute
    /// show table 5` (it sends its whole 156-byte buffer; the rest is
    /// zeros past nlmsg_len).
    #[test]
    fn requests_match_ip_bytes() {
        let mut ipv4 = vec![0x24, 0, 0, 0, 0x1a, 0, 0x01, 0x03];
        ipv4.extend_from_slice(&0x6b17_06b6u32.to_ne_bytes());
        ipv4.extend_from_slice(&[0, 0, 0, 0, 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        ipv4.extend_from_slice(&[0x08, 0, 0x0f, 0, 0xfd, 0, 0, 0]);
        let filter = parse(&[], AF_UNSPEC).unwrap().unwrap();
        assert_eq!(
            dump_request(filter.family, filter.table).finish(0x6b17_06b6),
            ipv4
        );
        let filter = parse(&words("table 5"), AF_INET6).unwrap().unwrap();
        let mut ipv6 = ipv4.clone();
        ipv6[16] = 0x81;
        ipv6[32] = 5;
        assert_eq!(
            dump_request(filter.family, filter.table).finish(0x6b17_06b6),
            ipv6
        );
        let every = parse(&words("table all"), AF_INET6).unwrap().unwrap();
        assert_eq!(dump_request(every.family, every.table).finish(1).len(), 28);
    }

    #[test]
    fn arguments_follow_ip() {
        assert_eq!(parse(&[], 28).unwrap(), None);
        let filter = parse(&words("from all to any default iif va table main"), 0)
            .unwrap()
            .unwrap();
        assert_eq!((filter.table, filter.iif.as_deref()), (254, Some("va")));
        assert_eq!(
            parse(&words("192.0.2.1"), 0),
            Err(Error::PrefixExpected {
                family: "???",
                arg: "192.0.2.1".into()
            })
        );
        assert_eq!(parse(&words("to h"), 0), Err(Error::Usage(USAGE)));
        assert_eq!(parse(&words("table"), 0), Err(Error::IncompleteCommand));
    }
}
