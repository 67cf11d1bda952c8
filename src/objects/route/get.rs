//! `ip route get` (iproute.c `iproute_get`): one RTM_GETROUTE built from
//! the words (netlink-packet-route's `RouteHeader` and `RouteAttribute`s),
//! and the kernel's answer printed by `route/print.rs`.

use super::errors::{RouteError, RouteWarning};
use super::list::{invalid, preferred_family, print_routes, vrf_table};
use crate::context::Context;
use crate::error::{warn, Error, Result, Warning};
use crate::grammar::inet::{get_addr, get_prefix, AF_INET, AF_INET6, AF_UNSPEC};
use crate::grammar::{get_u16, get_unsigned, matches, next_arg};
use crate::kernel::attrs::{Attrs, Request};
use crate::kernel::raw::NLM_F_REQUEST;
use crate::model::route::*;
use crate::model::rt_names;
use crate::objects::device;
use crate::objects::route::print::Hidden;
use netlink_packet_route::route::RouteAttribute;

use super::request::{address, new_destination, typed_message};

/// The request of `ip route get ARGS`, before the devices are looked up.
#[derive(Debug, Default)]
struct Planned {
    header: Header,
    /// Attributes in the order of the words, as ip adds them.
    attrs: Vec<RouteAttribute>,
    iif: Option<String>,
    oif: Option<String>,
    mark: u32,
    connected: bool,
    fib_match: bool,
    from_given: bool,
}

/// Walks the words as iproute_get does. `vrf` needs the kernel (is the
/// device a VRF?), so it is asked through `is_vrf`.
fn plan(
    family: u8,
    args: &[String],
    is_vrf: &mut dyn FnMut(&str) -> Result<bool>,
) -> Result<Planned> {
    let mut planned = Planned {
        header: Header {
            family,
            ..Header::default()
        },
        ..Planned::default()
    };
    let mut address_found = false;
    let mut words = args.iter();
    while let Some(word) = words.next() {
        let w = word.as_str();
        let r = &mut planned.header;
        if w == "tos" || matches(w, "dsfield") {
            let value = next_arg(&mut words)?;
            r.tos = rt_names::dsfield_number(value)
                .ok_or_else(|| invalid(value, "TOS value is invalid\n"))?;
        } else if matches(w, "from") {
            let value = next_arg(&mut words)?;
            if matches(value, "help") {
                return Err(Error::Usage(crate::objects::route::USAGE));
            }
            planned.from_given = true;
            let prefix = get_prefix(value, r.family)?;
            if r.family == AF_UNSPEC {
                r.family = prefix.family;
            }
            if prefix.bytelen > 0 {
                planned.attrs.push(RouteAttribute::Source(address(&prefix)));
            }
            r.src_len = prefix.bitlen as u8;
        } else if matches(w, "iif") {
            planned.iif = Some(next_arg(&mut words)?.clone());
        } else if matches(w, "mark") {
            let value = next_arg(&mut words)?;
            planned.mark =
                get_unsigned(value).ok_or_else(|| invalid(value, "invalid mark value"))?;
        } else if matches(w, "oif") || w == "dev" {
            planned.oif = Some(next_arg(&mut words)?.clone());
        } else if matches(w, "notify") {
            r.flags |= RTM_F_NOTIFY;
        } else if matches(w, "connected") {
            planned.connected = true;
        } else if matches(w, "vrf") {
            let value = next_arg(&mut words)?;
            if !is_vrf(value)? {
                return Err(invalid(value, "Invalid VRF\n"));
            }
            planned.oif = Some(value.clone());
        } else if matches(w, "uid") {
            let value = next_arg(&mut words)?;
            let uid = get_unsigned(value).ok_or_else(|| invalid(value, "invalid UID\n"))?;
            planned.attrs.push(RouteAttribute::Uid(uid));
        } else if matches(w, "fibmatch") {
            planned.fib_match = true;
        } else if w == "as" {
            let mut value = next_arg(&mut words)?;
            if value == "to" {
                value = next_arg(&mut words)?;
            }
            let address = get_addr(value, r.family)?;
            if r.family == AF_UNSPEC {
                r.family = address.family;
            }
            planned.attrs.push(new_destination(&address));
        } else if matches(w, "sport") || matches(w, "dport") {
            let value = next_arg(&mut words)?;
            let (kind, reason): (fn(u16) -> RouteAttribute, _) = if matches(w, "sport") {
                (RouteAttribute::Sport, "invalid sport\n")
            } else {
                (RouteAttribute::Dport, "invalid dport\n")
            };
            let port = get_u16(value).ok_or_else(|| invalid(value, reason))?;
            planned.attrs.push(kind(port));
        } else if matches(w, "ipproto") {
            let value = next_arg(&mut words)?;
            let proto = rt_names::ip_protocol_number(value)
                .ok_or_else(|| invalid(value, "Invalid \"ipproto\" value\n"))?;
            planned.attrs.push(RouteAttribute::IpProto(proto));
        } else {
            let value = if w == "to" {
                next_arg(&mut words)?
            } else {
                word
            };
            if matches(value, "help") {
                return Err(Error::Usage(crate::objects::route::USAGE));
            }
            let prefix = get_prefix(value, r.family)?;
            if r.family == AF_UNSPEC {
                r.family = prefix.family;
            }
            if prefix.bytelen > 0 {
                planned
                    .attrs
                    .push(RouteAttribute::Destination(address(&prefix)));
            }
            let host = match r.family {
                AF_INET => 32,
                AF_INET6 => 128,
                _ => prefix.bitlen,
            };
            if prefix.bitlen != host {
                warn(Warning::from(RouteWarning::GetPrefixLength {
                    given: prefix.bitlen,
                    host,
                }));
            }
            r.dst_len = host as u8;
            address_found = true;
        }
    }
    if !address_found {
        return Err(Error::from(RouteError::GetNeedsDestination));
    }
    Ok(planned)
}

/// The finished request, with the devices' indexes.
fn request(planned: &Planned, iif: Option<u32>, oif: Option<u32>) -> Request {
    let mut header = planned.header;
    if header.family == AF_UNSPEC {
        header.family = AF_INET;
    }
    // Only IPv4 knows RTM_F_LOOKUP_TABLE.
    if header.family == AF_INET {
        header.flags |= RTM_F_LOOKUP_TABLE;
    }
    if planned.fib_match {
        header.flags |= RTM_F_FIB_MATCH;
    }
    let mut request = typed_message(RTM_GETROUTE, NLM_F_REQUEST, &header, &planned.attrs);
    if let Some(index) = iif {
        request = request.nla(&RouteAttribute::Iif(index));
    }
    if let Some(index) = oif {
        request = request.nla(&RouteAttribute::Oif(index));
    }
    if planned.mark != 0 {
        request = request.nla(&RouteAttribute::Mark(planned.mark));
    }
    request
}

/// ip's `name_is_vrf`: a device of kind `vrf`.
fn is_vrf(ctx: &mut Context, name: &str) -> Result<bool> {
    Ok(device::lookup(ctx, name.as_bytes())?.is_some() && vrf_table(ctx, name)? != 0)
}

/// The device's index, or ip's `Cannot find device`.
fn index_of(ctx: &mut Context, name: &Option<String>) -> Result<Option<u32>> {
    let Some(name) = name else {
        return Ok(None);
    };
    match device::index_of(ctx, name)? {
        0 => Err(Error::CannotFindDevice(name.clone())),
        index => Ok(Some(index as u32)),
    }
}

/// Asks the kernel; the answer's type and payload.
fn ask(ctx: &mut Context, request: Request) -> Result<(u16, Vec<u8>)> {
    let mut answer = None;
    ctx.raw()?
        .talk(request, |msg| {
            if answer.is_none() {
                answer = Some((msg.msg_type, msg.payload.to_vec()));
            }
        })
        .map_err(|refusal| Error::Kernel(refusal.error))?;
    answer.ok_or(Error::Kernel(crate::error::KernelError {
        errno: nix::libc::EIO,
        extack: None,
    }))
}

pub fn run(ctx: &mut Context, args: &[String]) -> Result<()> {
    let family = preferred_family(ctx);
    let planned = plan(family, args, &mut |name| is_vrf(ctx, name))?;
    let iif = index_of(ctx, &planned.iif)?;
    let oif = index_of(ctx, &planned.oif)?;
    let (msg_type, payload) = ask(ctx, request(&planned, iif, oif))?;
    let hidden = Hidden::default();
    ctx.out.begin_list();
    if planned.connected && !planned.from_given {
        print_routes(
            ctx,
            std::iter::once((msg_type, payload.as_slice())),
            &hidden,
        )?;
        let attrs = Attrs::parse(payload.get(HEADER_LEN..).unwrap_or_default(), RTA_MAX);
        if !attrs.has(RTA_PREFSRC) && !attrs.has(RTA_SRC) {
            ctx.out.flush();
            return Err(Error::from(RouteError::ConnectFailed));
        }
        ctx.out.end_list();
        // ip asks again with the same request, and prints the answer with
        // its JSON document already closed.
        let (msg_type, payload) = ask(ctx, request(&planned, iif, oif))?;
        print_routes(
            ctx,
            std::iter::once((msg_type, payload.as_slice())),
            &hidden,
        )?;
        return Ok(());
    }
    print_routes(
        ctx,
        std::iter::once((msg_type, payload.as_slice())),
        &hidden,
    )?;
    ctx.out.end_list();
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(line: &str) -> Vec<String> {
        line.split_whitespace().map(String::from).collect()
    }

    fn hex(dump: &str) -> Vec<u8> {
        dump.split_whitespace()
            .map(|byte| u8::from_str_radix(byte, 16).unwrap())
            .collect()
    }

    fn planned(line: &str) -> Result<Planned> {
        plan(AF_UNSPEC, &words(line), &mut |_| Ok(true))
    }

    #[test]
    fn get_request_matches_ip_bytes() {
        let ip = hex(GET_REQUEST);
        let planned = planned(
            "to 198.51.100.7 from 192.0.2.1 tos 0x10 uid 1000 ipproto udp sport 53 dport 5353 mark 7 fibmatch",
        )
        .unwrap();
        let request = request(&planned, Some(3), Some(2));
        assert_eq!(request.finish(0x1234_5678), ip);
    }

    #[test]
    fn words_need_a_destination() {
        assert!(matches!(
            planned("from 192.0.2.1"),
            Err(error) if error.subject() == Some(&RouteError::GetNeedsDestination)
        ));
        assert!(planned("sport x 1.2.3.4").is_err());
    }

    /// ip 6.1's bytes for `ip route get to 198.51.100.7 from 192.0.2.1 tos
    /// 0x10 uid 1000 ipproto udp sport 53 dport 5353 mark 7 fibmatch iif
    /// v0 oif v1` (v0 = 3, v1 = 2), captured with strace, sequence number
    /// replaced.
    const GET_REQUEST: &str = "64 00 00 00 1a 00 01 00  78 56 34 12 00 00 00 00
        02 20 20 10 00 00 00 00  00 30 00 00 08 00 01 00
        c6 33 64 07 08 00 02 00  c0 00 02 01 08 00 19 00
        e8 03 00 00 05 00 1b 00  11 00 00 00 06 00 1c 00
        00 35 00 00 06 00 1d 00  14 e9 00 00 08 00 03 00
        03 00 00 00 08 00 04 00  02 00 00 00 08 00 10 00
        07 00 00 00";
}
