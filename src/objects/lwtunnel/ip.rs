//! `encap ip …` and `encap ip6 …` (LWTUNNEL_IP_* / LWTUNNEL_IP6_*, which
//! share their numbers): tunnel id, endpoints, ttl/hoplimit, tos/tc, the
//! key/csum/seq flags and the geneve/vxlan/erspan option sets, written as
//! netlink-packet-route's `RouteIpTunnel` / `RouteIp6Tunnel`.
//!
//! The option sets are only ever built here and checked against captured
//! bytes: a route carrying them crashes some kernels (ip_tun_parse_opts).

use super::{duplicate, invalid, read_u16, read_u64, read_u8, Cursor, Writer};
use crate::error::{Error, Result};
use crate::grammar::inet::{format_address, get_addr, AF_INET, AF_INET6};
use crate::grammar::{get_u16, get_u64, get_u8, get_unsigned};
use crate::kernel::attrs::Attrs;
use crate::model::rt_names::dsfield_number;
use crate::output::{Color, Kind, Printer};
use netlink_packet_core::{DefaultNla, Emitable};
use netlink_packet_route::route::{
    RouteErspanOpt, RouteGeneveOpt, RouteIp6Tunnel, RouteIp6TunnelFlags, RouteIpTunnel,
    RouteIpTunnelFlags, RouteLwTunnelOpt, RouteVxlanOpt,
};
use std::net::IpAddr;

use crate::kernel::attrs::NLA_F_NESTED;

const ID: u16 = 1;
const DST: u16 = 2;
const SRC: u16 = 3;
/// LWTUNNEL_IP_TTL / LWTUNNEL_IP6_HOPLIMIT.
const TTL: u16 = 4;
/// LWTUNNEL_IP_TOS / LWTUNNEL_IP6_TC.
const TOS: u16 = 5;
const FLAGS: u16 = 6;
const OPTS: u16 = 8;
const MAX: u16 = 8;

const OPTS_GENEVE: u16 = 1;
const OPTS_VXLAN: u16 = 2;
const OPTS_ERSPAN: u16 = 3;

/// TUNNEL_CSUM, TUNNEL_KEY and TUNNEL_SEQ are big-endian bits.
const TUNNEL_CSUM: u16 = 0x01;
const TUNNEL_KEY: u16 = 0x04;
const TUNNEL_SEQ: u16 = 0x08;

/// What differs between `ip` and `ip6`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Family {
    V4,
    V6,
}

impl Family {
    fn af(self) -> u8 {
        match self {
            Family::V4 => AF_INET,
            Family::V6 => AF_INET6,
        }
    }

    fn color(self) -> Color {
        match self {
            Family::V4 => Color::Inet,
            Family::V6 => Color::Inet6,
        }
    }

    /// The keywords of LWTUNNEL_IP_TTL and LWTUNNEL_IP_TOS.
    fn ttl_word(self) -> &'static str {
        match self {
            Family::V4 => "ttl",
            Family::V6 => "hoplimit",
        }
    }

    fn tos_word(self) -> &'static str {
        match self {
            Family::V4 => "tos",
            Family::V6 => "tc",
        }
    }
}

pub(super) fn parse(cursor: &mut Cursor, out: &mut Writer, family: Family) -> Result<()> {
    let mut seen: Vec<&'static str> = Vec::new();
    // ip keeps one counter for all three option sets, named "opts".
    let mut once = |key: &'static str, arg: &str| {
        if seen.contains(&key) {
            return Err(duplicate(key, arg));
        }
        seen.push(key);
        Ok(())
    };
    let mut flags = 0u16;
    while cursor.argc() > 0 {
        let word = cursor.current();
        match word {
            "id" => {
                let value = cursor.next_arg()?;
                once("id", value)?;
                let id =
                    get_u64(value).ok_or_else(|| invalid(value, "\"id\" value is invalid\n"))?;
                put(out, family, Field::Id(id));
            }
            "dst" | "src" => {
                let value = cursor.next_arg()?;
                once(if word == "dst" { "dst" } else { "src" }, value)?;
                let address = get_addr(value, family.af())?;
                match crate::kernel::typed_ip(address.bytes()) {
                    Some(ip) if word == "dst" => put(out, family, Field::Destination(ip)),
                    Some(ip) => put(out, family, Field::Source(ip)),
                    // An address of neither 4 nor 16 bytes has no type.
                    None => out.attr(if word == "dst" { DST } else { SRC }, address.bytes()),
                }
            }
            _ if word == family.tos_word() => {
                let value = cursor.next_arg()?;
                once(family.tos_word(), value)?;
                let reason = format!("\"{}\" value is invalid\n", family.tos_word());
                let tos = dsfield_number(value).ok_or_else(|| invalid(value, &reason))?;
                put(out, family, Field::Tos(tos));
            }
            _ if word == family.ttl_word() => {
                let value = cursor.next_arg()?;
                once(family.ttl_word(), value)?;
                let reason = format!("\"{}\" value is invalid\n", family.ttl_word());
                let ttl = get_u8(value).ok_or_else(|| invalid(value, &reason))?;
                put(out, family, Field::Ttl(ttl));
            }
            "geneve_opts" | "vxlan_opts" | "erspan_opts" => {
                once("opts", word)?;
                let value = cursor.next_arg()?;
                let built = match word {
                    "geneve_opts" => geneve_options(value),
                    "vxlan_opts" => vxlan_options(value),
                    _ => erspan_options(value),
                };
                match built {
                    Ok(options) => put(out, family, Field::Options(options)),
                    Err(failure) => {
                        // ip's strsep has cut the word at its first separator
                        // by the time invarg prints it.
                        let separators: &[char] = match word {
                            "geneve_opts" => &[',', ':'],
                            "vxlan_opts" => &[],
                            _ => &[':'],
                        };
                        let shown = value.split(separators).next().unwrap_or(value);
                        let error = invalid(shown, &format!("\"{word}\" value is invalid\n"));
                        return Err(match failure {
                            OptionFailure::Value => error,
                            OptionFailure::TooManyFields => Error::AfterNotice {
                                notice: "Unknown \"geneve_opts\" type",
                                error: Box::new(error),
                            },
                        });
                    }
                }
            }
            "key" | "csum" | "seq" => {
                let (key, bit) = match word {
                    "key" => ("key", TUNNEL_KEY),
                    "csum" => ("csum", TUNNEL_CSUM),
                    _ => ("seq", TUNNEL_SEQ),
                };
                once(key, word)?;
                flags |= bit;
            }
            _ => break,
        }
        cursor.forward();
    }
    if flags != 0 {
        put(out, family, Field::Flags(flags));
    }
    Ok(())
}

/// One LWTUNNEL_IP_* / LWTUNNEL_IP6_* value (the two share their numbers).
enum Field {
    Id(u64),
    Destination(IpAddr),
    Source(IpAddr),
    Ttl(u8),
    Tos(u8),
    Flags(u16),
    Options(Vec<RouteLwTunnelOpt>),
}

/// Writes `field` as netlink-packet-route's `RouteIpTunnel` or
/// `RouteIp6Tunnel`; an address of the other family (which ip's get_addr
/// refuses before this) is written raw.
fn put(out: &mut Writer, family: Family, field: Field) {
    match family {
        Family::V4 => match field {
            Field::Id(id) => out.typed(&RouteIpTunnel::Id(id)),
            Field::Destination(IpAddr::V4(ip)) => out.typed(&RouteIpTunnel::Destination(ip)),
            Field::Source(IpAddr::V4(ip)) => out.typed(&RouteIpTunnel::Source(ip)),
            Field::Ttl(ttl) => out.typed(&RouteIpTunnel::Ttl(ttl)),
            Field::Tos(tos) => out.typed(&RouteIpTunnel::Tos(tos)),
            Field::Flags(flags) => out.typed(&RouteIpTunnel::Flags(
                RouteIpTunnelFlags::from_bits_retain(flags),
            )),
            Field::Options(options) => out.typed(&RouteIpTunnel::Opts(options)),
            Field::Destination(ip) => out.attr(DST, &octets(ip)),
            Field::Source(ip) => out.attr(SRC, &octets(ip)),
        },
        Family::V6 => match field {
            Field::Id(id) => out.typed(&RouteIp6Tunnel::Id(id)),
            Field::Destination(IpAddr::V6(ip)) => out.typed(&RouteIp6Tunnel::Destination(ip)),
            Field::Source(IpAddr::V6(ip)) => out.typed(&RouteIp6Tunnel::Source(ip)),
            Field::Ttl(hoplimit) => out.typed(&RouteIp6Tunnel::Hoplimit(hoplimit)),
            Field::Tos(tc) => out.typed(&RouteIp6Tunnel::Tc(tc)),
            Field::Flags(flags) => out.typed(&RouteIp6Tunnel::Flags(
                RouteIp6TunnelFlags::from_bits_retain(flags),
            )),
            Field::Options(options) => out.typed(&RouteIp6Tunnel::Opts(options)),
            Field::Destination(ip) => out.attr(DST, &octets(ip)),
            Field::Source(ip) => out.attr(SRC, &octets(ip)),
        },
    }
}

fn octets(ip: IpAddr) -> Vec<u8> {
    match ip {
        IpAddr::V4(ip) => ip.octets().to_vec(),
        IpAddr::V6(ip) => ip.octets().to_vec(),
    }
}

/// Why an option set was refused: a value ip's parsers reject, or more
/// `:`-separated fields than the set has (which ip reports first).
enum OptionFailure {
    Value,
    TooManyFields,
}

/// The fields of one `:`-separated option, in attribute order (1, 2, …),
/// skipping empty ones as ip does; `add` writes one field or refuses it.
fn option_fields(
    text: &str,
    fields: u16,
    mut add: impl FnMut(u16, &str) -> std::result::Result<(), OptionFailure>,
) -> std::result::Result<(), OptionFailure> {
    for (at, field) in text.split(':').enumerate() {
        let kind = at as u16 + 1;
        if kind > fields {
            return Err(OptionFailure::TooManyFields);
        }
        if !field.is_empty() {
            add(kind, field)?;
        }
    }
    Ok(())
}

/// `CLASS:TYPE:DATA[,CLASS:TYPE:DATA…]`: one nest per option. An option
/// with its three fields is netlink-packet-route's `RouteGeneveOpt`, in a
/// `Geneve` set of its own (ip writes one nest per option; the crate
/// writes a set's options into one nest). One with a field left out stays
/// raw: ip skips an empty field, the crate writes all three.
fn geneve_options(text: &str) -> std::result::Result<Vec<RouteLwTunnelOpt>, OptionFailure> {
    let mut options = Vec::new();
    for option in text.split(',') {
        let mut given = RouteGeneveOpt::default();
        let mut raw = Vec::new();
        let mut fields = 0;
        option_fields(option, 3, |kind, field| {
            let payload = match kind {
                1 => {
                    given.class = get_u16(field).ok_or(OptionFailure::Value)?;
                    given.class.to_be_bytes().to_vec()
                }
                2 => {
                    given.typ = get_u8(field).ok_or(OptionFailure::Value)?;
                    vec![given.typ]
                }
                _ => {
                    given.data = hex_bytes(field).ok_or(OptionFailure::Value)?;
                    given.data.clone()
                }
            };
            fields += 1;
            raw.push(DefaultNla::new(kind, payload));
            Ok(())
        })?;
        options.push(if fields == 3 {
            RouteLwTunnelOpt::Geneve(vec![given])
        } else {
            let mut payload = vec![0; raw.as_slice().buffer_len()];
            raw.as_slice().emit(&mut payload);
            RouteLwTunnelOpt::Other(DefaultNla::new(OPTS_GENEVE | NLA_F_NESTED, payload))
        });
    }
    Ok(options)
}

/// ip's `hex2mem` over half the length of `text` (a last odd digit is
/// ignored).
fn hex_bytes(text: &str) -> Option<Vec<u8>> {
    text.as_bytes()
        .chunks_exact(2)
        .map(|pair| {
            let high = (pair[0] as char).to_digit(16)?;
            let low = (pair[1] as char).to_digit(16)?;
            Some((high * 16 + low) as u8)
        })
        .collect()
}

/// `GBP`.
fn vxlan_options(text: &str) -> std::result::Result<Vec<RouteLwTunnelOpt>, OptionFailure> {
    let gbp = get_unsigned(text).ok_or(OptionFailure::Value)?;
    Ok(vec![RouteLwTunnelOpt::Vxlan(vec![RouteVxlanOpt::Gbp(gbp)])])
}

/// `VER:INDEX:DIR:HWID`, the fields given.
fn erspan_options(text: &str) -> std::result::Result<Vec<RouteLwTunnelOpt>, OptionFailure> {
    let mut fields = Vec::new();
    option_fields(text, 4, |kind, field| {
        fields.push(match kind {
            1 => RouteErspanOpt::Ver(get_u8(field).ok_or(OptionFailure::Value)?),
            2 => RouteErspanOpt::Index(get_unsigned(field).ok_or(OptionFailure::Value)?),
            3 => RouteErspanOpt::Dir(get_u8(field).ok_or(OptionFailure::Value)?),
            _ => RouteErspanOpt::Hwid(get_u8(field).ok_or(OptionFailure::Value)?),
        });
        Ok(())
    })?;
    Ok(vec![RouteLwTunnelOpt::Erspan(fields)])
}

pub(super) fn print(out: &mut Printer, encap: &[u8], family: Family) {
    let attrs = Attrs::parse(encap, MAX);
    if let Some(id) = attrs.get(ID) {
        out.int(Kind::Any, Some("id"), "id {} ", u64::from_be(read_u64(id)));
    }
    for (kind, key) in [(SRC, "src"), (DST, "dst")] {
        if let Some(address) = attrs.get(kind) {
            out.color_string(
                Kind::Any,
                Some(family.color()),
                Some(key),
                &format!("{key} {{}} "),
                format_address(family.af(), address),
            );
        }
    }
    if let Some(ttl) = attrs.get(TTL) {
        let word = family.ttl_word();
        out.int(
            Kind::Any,
            Some(word),
            &format!("{word} {{}} "),
            read_u8(ttl),
        );
    }
    if let Some(tos) = attrs.get(TOS) {
        let word = family.tos_word();
        out.int(
            Kind::Any,
            Some(word),
            &format!("{word} {{}} "),
            read_u8(tos),
        );
    }
    if let Some(flags) = attrs.get(FLAGS) {
        let flags = u16::from_be(read_u16(flags));
        for (bit, key) in [
            (TUNNEL_KEY, "key"),
            (TUNNEL_CSUM, "csum"),
            (TUNNEL_SEQ, "seq"),
        ] {
            if flags & bit != 0 {
                out.boolean(Kind::Any, Some(key), &format!("{key} "), true);
            }
        }
    }
    if let Some(options) = attrs.nested(OPTS, 3) {
        if let Some(geneve) = options.get(OPTS_GENEVE) {
            print_geneve(out, geneve);
        } else if let Some(vxlan) = options.get(OPTS_VXLAN) {
            print_vxlan(out, vxlan);
        } else if let Some(erspan) = options.get(OPTS_ERSPAN) {
            print_erspan(out, erspan);
        }
    }
}

/// The start of an option set: on a line of its own in text, an array in
/// JSON.
fn open_options(out: &mut Printer, name: &str) {
    out.nl();
    out.string(Kind::Text, None, "\t{} ", name);
    out.open_array(Kind::Json, name, "");
}

/// The kernel answers with one nest holding CLASS, TYPE and DATA of every
/// option in a row; ip steps over them assuming each DATA is a multiple of
/// four bytes long (which the kernel enforces).
fn print_geneve(out: &mut Printer, payload: &[u8]) {
    open_options(out, "geneve_opts");
    let mut offset = 0usize;
    while offset < payload.len() {
        let rest = &payload[offset..];
        let fields = Attrs::parse(rest, 3);
        let class = fields.get(1).map_or(0, |c| u16::from_be(read_u16(c)));
        let kind = fields.get(2).map_or(0, read_u8);
        let data = fields.get(3).unwrap_or(&[]);
        let hex: String = data.iter().map(|b| format!("{b:02x}")).collect();
        offset += data.len() + 20;
        out.open_object(None);
        out.int(Kind::Any, Some("class"), "{}", class);
        out.int(Kind::Any, Some("type"), ":{}", kind);
        let format = if offset < payload.len() {
            ":{},"
        } else {
            ":{} "
        };
        out.string(Kind::Any, Some("data"), format, hex);
        out.close_object();
    }
    out.close_array(Kind::Json, "");
}

fn print_vxlan(out: &mut Printer, payload: &[u8]) {
    let fields = Attrs::parse(payload, 1);
    open_options(out, "vxlan_opts");
    out.open_object(None);
    out.int(Kind::Any, Some("gbp"), "{} ", fields.u32(1).unwrap_or(0));
    out.close_object();
    out.close_array(Kind::Json, "");
}

fn print_erspan(out: &mut Printer, payload: &[u8]) {
    let fields = Attrs::parse(payload, 4);
    let version = fields.get(1).map_or(0, read_u8);
    let (index, dir, hwid) = if version == 1 {
        let index = fields
            .get(2)
            .map_or(0, |i| u32::from_be(super::read_u32(i)));
        (index, 0, 0)
    } else {
        (
            0,
            fields.get(3).map_or(0, read_u8),
            fields.get(4).map_or(0, read_u8),
        )
    };
    open_options(out, "erspan_opts");
    out.open_object(None);
    out.int(Kind::Any, Some("ver"), "{}", version);
    out.int(Kind::Any, Some("index"), ":{}", index);
    out.int(Kind::Any, Some("dir"), ":{}", dir);
    out.int(Kind::Any, Some("hwid"), ":{} ", hwid);
    out.close_object();
    out.close_array(Kind::Json, "");
}
