//! `ip nexthop bucket`: the buckets of resilient groups (ip/ipnexthop.c
//! `do_ipnh_bucket`): a dump filtered by device, master, group id and
//! member id, or one bucket by group id and index.

use super::{device_index, dump, invalid, parse_id, vrf_index, Filter};
use crate::context::Context;
use crate::error::{Error, Result};
use crate::grammar::tree::{kw, kw_alias, resolve, Keyword, Match};
use crate::grammar::{get_u16, matches, next_arg};
use crate::kernel::attrs::Request;
use crate::kernel::raw::NLM_F_REQUEST;
use crate::model::nexthop::*;
use crate::objects::nexthop::print::print_bucket;

/// `ip nexthop bucket` sub-commands (ip/ipnexthop.c `do_ipnh_bucket`), in
/// matching order.
pub(crate) const COMMANDS: &[Keyword] = &[
    kw_alias(
        "list",
        &[("show", Match::Prefix), ("lst", Match::Prefix)],
        "list the buckets of resilient groups",
    ),
    kw("get", "show one bucket"),
    kw("help", "print the usage"),
];

pub(super) fn run(ctx: &mut Context, args: &[String]) -> Result<()> {
    let Some(word) = args.first() else {
        return list(ctx, &[]);
    };
    let Some(command) = resolve(word, COMMANDS) else {
        return Err(Error::UnknownCommand {
            help_topic: "nexthop help",
            word: word.clone(),
        });
    };
    match command.name {
        "list" => list(ctx, &args[1..]),
        "get" => get(ctx, &args[1..]),
        "help" => Err(Error::Usage(crate::objects::nexthop::USAGE)),
        other => Err(Error::CommandNotImplemented {
            object: "nexthop",
            command: other,
        }),
    }
}

/// The selector of `bucket list` (ip's `filter` as `ipnh_bucket_list`
/// fills it).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct BucketFilter {
    nexthops: Filter,
    id: u32,
    nh_id: u32,
}

impl BucketFilter {
    /// ip's `nh_dump_bucket_filter`.
    fn dump_request(&self, family: u8) -> Request {
        let mut request = self.nexthops.dump_request(RTM_GETNEXTHOPBUCKET, family);
        if self.id != 0 {
            request = request.attr_u32(NHA_ID, self.id);
        }
        if self.nh_id != 0 {
            request = request
                .begin_nest(NHA_RES_BUCKET | NLA_F_NESTED)
                .attr_u32(NHA_RES_BUCKET_NH_ID, self.nh_id)
                .end_nest();
        }
        request
    }
}

/// ip's `ipnh_bucket_list`.
fn list(ctx: &mut Context, args: &[String]) -> Result<()> {
    let mut filter = BucketFilter::default();
    let mut words = args.iter();
    while let Some(word) = words.next() {
        let w = word.as_str();
        if matches(w, "dev") {
            filter.nexthops.ifindex = device_index(ctx, next_arg(&mut words)?)?;
        } else if matches(w, "master") {
            filter.nexthops.master = device_index(ctx, next_arg(&mut words)?)?;
        } else if matches(w, "vrf") {
            filter.nexthops.master = vrf_index(ctx, next_arg(&mut words)?)?;
        } else if w == "id" {
            filter.id = parse_id(next_arg(&mut words)?)?;
        } else if w == "nhid" {
            filter.nh_id = parse_id(next_arg(&mut words)?)?;
        } else if matches(w, "help") {
            return Err(Error::Usage(crate::objects::nexthop::USAGE));
        } else {
            return Err(invalid(w, ""));
        }
    }
    let family = crate::objects::rule::preferred_family(ctx);
    let messages = dump(ctx, &filter.dump_request(family));
    // As for nexthops, a refused dump leaves ip's `[` behind.
    ctx.out.begin_list();
    for (msg_type, payload) in &messages? {
        if *msg_type == RTM_NEWNEXTHOPBUCKET || *msg_type == RTM_DELNEXTHOPBUCKET {
            print_bucket(&mut ctx.out, payload);
        }
    }
    ctx.out.end_list();
    Ok(())
}

/// The RTM_GETNEXTHOPBUCKET of `bucket get id ID index INDEX`.
fn get_request(family: u8, id: u32, index: u16) -> Request {
    let header = Header {
        family,
        ..Header::default()
    };
    Request::new(RTM_GETNEXTHOPBUCKET, NLM_F_REQUEST)
        .fixed(&header.bytes())
        .attr_u32(NHA_ID, id)
        .begin_nest(NHA_RES_BUCKET | NLA_F_NESTED)
        .attr(NHA_RES_BUCKET_INDEX, &index.to_ne_bytes())
        .end_nest()
}

/// ip's `ipnh_bucket_get`: both `id` and `index`, nothing else.
fn get(ctx: &mut Context, args: &[String]) -> Result<()> {
    let mut id = 0;
    let mut index = None;
    let mut words = args.iter();
    while let Some(word) = words.next() {
        match word.as_str() {
            "id" => id = parse_id(next_arg(&mut words)?)?,
            "index" => {
                let value = next_arg(&mut words)?;
                index = Some(
                    get_u16(value).ok_or_else(|| invalid(value, "invalid bucket index value"))?,
                );
            }
            _ => return Err(Error::Usage(crate::objects::nexthop::USAGE)),
        }
    }
    let (true, Some(index)) = (id != 0, index) else {
        return Err(Error::Usage(crate::objects::nexthop::USAGE));
    };
    let family = crate::objects::rule::preferred_family(ctx);
    let mut answer: Option<Vec<u8>> = None;
    ctx.raw()?
        .talk(get_request(family, id, index), |msg| {
            if answer.is_none() {
                answer = Some(msg.payload.to_vec());
            }
        })
        .map_err(|refusal| Error::Kernel(refusal.error))?;
    ctx.out.begin_list();
    if let Some(payload) = answer {
        print_bucket(&mut ctx.out, &payload);
    }
    ctx.out.end_list();
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grammar::inet::AF_INET6;

    fn hex(dump: &str) -> Vec<u8> {
        dump.split_whitespace()
            .map(|byte| u8::from_str_radix(byte, 16).unwrap())
            .collect()
    }

    /// The bytes ip 6.1 sent (strace -e write=3).
    #[test]
    fn get_request_matches_ip_bytes() {
        let ip = hex("2c 00 00 00 76 00 01 00  0c fb 16 6b 00 00 00 00
            00 00 00 00 00 00 00 00  08 00 01 00 0b 00 00 00
            0c 00 0d 80 06 00 01 00  03 00 00 00");
        assert_eq!(get_request(0, 11, 3).finish(0x6b16_fb0c), ip);
    }

    /// `ip -6 nexthop bucket list nhid 1 id 11 dev va` (the zeroed tail of
    /// ip's buffer left out).
    #[test]
    fn list_request_matches_ip_bytes() {
        let ip = hex("34 00 00 00 76 00 01 03  0c fb 16 6b 00 00 00 00
            0a 00 00 00 00 00 00 00  08 00 05 00 03 00 00 00
            08 00 01 00 0b 00 00 00  0c 00 0d 80 08 00 03 00
            01 00 00 00");
        let filter = BucketFilter {
            nexthops: Filter {
                ifindex: 3,
                ..Filter::default()
            },
            id: 11,
            nh_id: 1,
        };
        assert_eq!(filter.dump_request(AF_INET6).finish(0x6b16_fb0c), ip);
    }
}
