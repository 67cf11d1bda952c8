//! The words of `ip route add|change|replace|prepend|append|test|delete`
//! turned into an rtmsg and its RTA_* attributes, word by word in
//! iproute.c's `iproute_modify` order (which decides what an abbreviation
//! means: `p` is `priority`, `pre` is `pref`, `pro` is `protocol`), with
//! ip's defaults applied once all words are read.
//!
//! The request is netlink-packet-route's: a `RouteHeader` and
//! `RouteAttribute`s (`RouteMetric`s in RTA_METRICS, `RouteNextHop`s in
//! RTA_MULTIPATH), written from the parsed route into the request's buffer
//! ([`RouteRequest::message`], no copy of the attributes).
//! What stays raw ([`RouteAttr::Raw`], a `RouteMetric::Other`), each
//! where it is made, says why: RTA_ENCAP's outer attribute, the congestion
//! control name, and RTA_MULTIPATH when a hop holds an encap or has a
//! length ip counts unpadded.

use super::errors::RouteWarning;
use crate::error::{warn, Error, Result, Warning};
use crate::grammar::inet::{self, AF_INET, AF_INET6, AF_MPLS, AF_PACKET, AF_UNSPEC};
use crate::grammar::{get_u8, matches, next_arg};
use crate::kernel::attrs::{Request, NLMSG_HDRLEN};
use crate::model::route::*;
use crate::model::{address::scope_number, rt_names};
use crate::objects::lwtunnel::errors::EncapError;

use super::metrics::Metrics;
use super::multipath;

use crate::kernel::attrs::NLA_F_NESTED;
use netlink_packet_core::{DefaultNla, Emitable, Nla};
use netlink_packet_route::route::{
    MplsLabel, RouteAddress, RouteAttribute, RouteFlags, RouteHeader, RouteLwEnCapType,
    RouteMplsTtlPropagation, RoutePreference, RouteProtocol, RouteRealm, RouteScope, RouteType,
    RouteVia,
};
use netlink_packet_route::AddressFamily;
use std::net::IpAddr;
/// The bound ip gives its route request when it adds an encap to it.
const ENCAP_REQUEST_BOUND: usize = 1024;

/// What the parser needs to know of the system: device indexes (ip's
/// `ll_name_to_index`, 0 when there is none) and VRF tables.
pub trait Names {
    fn index(&mut self, name: &str) -> Result<i32>;
    /// ip's `ipvrf_get_table`: 0 when `name` is not a VRF.
    fn vrf_table(&mut self, name: &str) -> Result<u32>;
}

/// Attributes in the order they go out.
pub type RouteAttrs = Vec<RouteAttr>;

/// One attribute of a route request: netlink-packet-route's, or raw where
/// the crate cannot write ip's bytes (each raw one says why where it is
/// made). Raw attributes are not `RouteAttribute::Other`: that one drops
/// NLA_F_NESTED, which ip sets on every nest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RouteAttr {
    Typed(RouteAttribute),
    Raw(DefaultNla),
}

impl From<RouteAttribute> for RouteAttr {
    fn from(attribute: RouteAttribute) -> Self {
        RouteAttr::Typed(attribute)
    }
}

impl Nla for RouteAttr {
    fn value_len(&self) -> usize {
        match self {
            RouteAttr::Typed(attribute) => attribute.value_len(),
            RouteAttr::Raw(attribute) => attribute.value_len(),
        }
    }

    fn kind(&self) -> u16 {
        match self {
            RouteAttr::Typed(attribute) => attribute.kind(),
            RouteAttr::Raw(attribute) => attribute.kind(),
        }
    }

    fn emit_value(&self, buffer: &mut [u8]) {
        match self {
            RouteAttr::Typed(attribute) => attribute.emit_value(buffer),
            RouteAttr::Raw(attribute) => attribute.emit_value(buffer),
        }
    }

    fn is_nested(&self) -> bool {
        match self {
            RouteAttr::Typed(attribute) => attribute.is_nested(),
            RouteAttr::Raw(attribute) => attribute.is_nested(),
        }
    }
}

/// A parsed route request: the rtmsg and the attributes in ip's order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RouteRequest {
    pub header: Header,
    pub attrs: RouteAttrs,
    /// The table the route goes to (RTA_TABLE or rtm_table).
    pub table: u32,
    /// The device named by `dev`/`oif`, with its index.
    pub device: Option<(String, i32)>,
}

impl RouteRequest {
    /// The payload of the first attribute of type `kind`, as it goes out.
    pub fn attr(&self, kind: u16) -> Option<Vec<u8>> {
        let found = self
            .attrs
            .iter()
            .find(|attr| attr.kind() & !NLA_F_NESTED == kind)?;
        let mut payload = vec![0; found.value_len()];
        found.emit_value(&mut payload);
        Some(payload)
    }

    /// The netlink message, with `flags` (NLM_F_REQUEST and NLM_F_ACK
    /// included by the caller).
    pub fn message(&self, msg_type: u16, flags: u16) -> Request {
        typed_message(msg_type, flags, &self.header, &self.attrs)
    }
}

/// A route message of `msg_type` with `flags`: `header` as
/// netlink-packet-route's `RouteHeader`, then `attributes` in order.
pub(super) fn typed_message(
    msg_type: u16,
    flags: u16,
    header: &Header,
    attributes: &[impl Nla],
) -> Request {
    let mut fixed = [0; HEADER_LEN];
    typed_header(header).emit(&mut fixed);
    let mut request = Request::new(msg_type, flags).fixed(&fixed);
    for attribute in attributes {
        request = request.nla(attribute);
    }
    request
}

/// rnet's `rtmsg` as netlink-packet-route's header; every field keeps its
/// value (family, protocol, scope, type and flags convert both ways without
/// loss).
fn typed_header(header: &Header) -> RouteHeader {
    RouteHeader {
        address_family: header.family.into(),
        destination_prefix_length: header.dst_len,
        source_prefix_length: header.src_len,
        tos: header.tos,
        table: header.table,
        protocol: RouteProtocol::from(header.protocol),
        scope: RouteScope::from(header.scope),
        kind: RouteType::from(header.kind),
        flags: RouteFlags::from_bits_retain(header.flags),
    }
}

/// An address as RTA_DST, RTA_SRC, RTA_GATEWAY, RTA_PREFSRC or a
/// non-MPLS RTA_NEWDST hold it: IPv4, IPv6 and one MPLS label typed, any
/// other family or length (a label stack, a link-layer address) as the
/// crate's untyped `RouteAddress::Other`.
pub(super) fn address(address: &inet::Prefix) -> RouteAddress {
    let bytes = address.bytes();
    match (address.family, inet_ip(address)) {
        (_, Some(ip)) => RouteAddress::from(ip),
        (AF_MPLS, _) if bytes.len() == 4 => RouteAddress::Mpls(label(bytes)),
        _ => RouteAddress::Other(bytes.to_vec()),
    }
}

/// An IPv4 or IPv6 address whose family and length agree, as an `IpAddr`
/// (how RTA_DST, RTA_GATEWAY and RTA_VIA type it).
fn inet_ip(address: &inet::Prefix) -> Option<IpAddr> {
    match (address.family, crate::kernel::typed_ip(address.bytes())) {
        (AF_INET, Some(ip @ IpAddr::V4(_))) | (AF_INET6, Some(ip @ IpAddr::V6(_))) => Some(ip),
        _ => None,
    }
}

/// One MPLS label stack entry, as it is on the wire (big-endian).
fn label(entry: &[u8]) -> MplsLabel {
    let mut word = [0u8; 4];
    word.copy_from_slice(&entry[..4]);
    MplsLabel::from(u32::from_be_bytes(word))
}

/// RTA_NEWDST (`as`): an MPLS route's label stack, another family's
/// address.
pub(super) fn new_destination(address: &inet::Prefix) -> RouteAttribute {
    let bytes = address.bytes();
    if address.family == AF_MPLS && bytes.len().is_multiple_of(4) && !bytes.is_empty() {
        RouteAttribute::NewDestination(bytes.chunks(4).map(label).collect())
    } else {
        RouteAttribute::NewDestinationAddress(self::address(address))
    }
}

/// RTA_VIA: the address family (host order, as in ip's `inet_prefix`)
/// followed by the address.
pub(super) fn via(address: &inet::Prefix) -> RouteAttribute {
    let bytes = address.bytes();
    RouteAttribute::Via(match (address.family, inet_ip(address)) {
        (_, Some(ip)) => RouteVia::from(ip),
        (AF_PACKET, _) => RouteVia::Packet(bytes.to_vec()),
        (family, _) => RouteVia::Other((AddressFamily::from(family), bytes.to_vec())),
    })
}

pub(super) fn invalid(arg: &str, reason: &str) -> Error {
    Error::InvalidArgument {
        arg: arg.to_string(),
        reason: reason.to_string(),
    }
}

/// lib/utils.c `read_family`.
pub(super) fn read_family(word: &str) -> u8 {
    match word {
        "inet" => AF_INET,
        "inet6" => AF_INET6,
        "link" => AF_PACKET,
        "mpls" => AF_MPLS,
        "bridge" => 7,
        _ => AF_UNSPEC,
    }
}

/// The words after `via`: `[FAMILY] ADDRESS`, read against `family` (the
/// route's so far). Returns the address.
pub(super) fn parse_via<'a>(
    words: &mut std::slice::Iter<'a, String>,
    family: u8,
) -> Result<inet::Prefix> {
    let mut word = next_arg(words)?;
    let mut wanted = read_family(word);
    if wanted == AF_UNSPEC {
        wanted = family;
    } else {
        word = next_arg(words)?;
    }
    inet::get_addr(word, wanted)
}

/// An RTA_ENCAP (nested, as ip's `rta_nest` marks it) and RTA_ENCAP_TYPE
/// from the words after `encap`; returns them and how many words they took.
/// An encap too long for ip's buffer is reported and left out, and parsing
/// goes on at its TYPE word, as ip does.
pub(super) fn parse_encap(words: &[String]) -> Result<(RouteAttrs, usize)> {
    let (encap, used) = match crate::objects::lwtunnel::parse(words) {
        Err(error) if error.subject() == Some(&EncapError::TooLong) => {
            warn(Warning::Reported(EncapError::TooLong.into()));
            return Ok((Vec::new(), 0));
        }
        parsed => parsed?,
    };
    Ok((
        vec![
            // netlink-packet-route 0.34 marks RTA_ENCAP NLA_F_NESTED only
            // for some encapsulations (seg6, rpl, ioam6, xfrm, ip/ip6 with
            // opts); ip's rta_nest marks it always, so the outer attribute
            // is raw. Its content is written with the crate's encap types
            // (`lwtunnel`).
            RouteAttr::Raw(DefaultNla::new(RTA_ENCAP | NLA_F_NESTED, encap.attrs)),
            RouteAttribute::EncapType(RouteLwEnCapType::from(encap.kind)).into(),
        ],
        used,
    ))
}

/// RTA_FLOW's value (ip's `get_rt_realms_or_raw`: source realm in the high
/// half) as netlink-packet-route's realm pair.
pub(super) fn realm_of(realm: u32) -> RouteRealm {
    RouteRealm {
        source: (realm >> 16) as u16,
        destination: realm as u16,
    }
}

/// `rtm_table` and, for ids above 255, RTA_TABLE.
fn set_table(header: &mut Header, attrs: &mut RouteAttrs, id: u32) {
    if id < 256 {
        header.table = id as u8;
    } else {
        header.table = RT_TABLE_UNSPEC as u8;
        attrs.push(RouteAttribute::Table(id).into());
    }
}

/// ip's `iproute_modify` up to the request: `family` is ip's
/// `preferred_family`.
pub fn parse(cmd: u16, family: u8, args: &[String], names: &mut dyn Names) -> Result<RouteRequest> {
    let mut header = Header {
        family,
        table: RT_TABLE_MAIN as u8,
        scope: RT_SCOPE_NOWHERE,
        ..Header::default()
    };
    if cmd != RTM_DELROUTE {
        header.protocol = RTPROT_BOOT;
        header.scope = RT_SCOPE_UNIVERSE;
        header.kind = RTN_UNICAST;
    }
    let mut attrs = RouteAttrs::new();
    let mut metrics = Metrics::default();
    let mut device: Option<&String> = None;
    let mut gw_ok = false;
    let mut dst_ok = false;
    let mut scope_ok = false;
    let mut table_ok = false;
    let mut type_ok = false;
    let mut nhid = 0u32;
    let mut table = RT_TABLE_MAIN;
    let mut nexthops: Option<&[String]> = None;

    let mut words = args.iter();
    while let Some(word) = words.next() {
        let w = word.as_str();
        if w == "src" {
            let address = inet::get_addr(next_arg(&mut words)?, header.family)?;
            if header.family == AF_UNSPEC {
                header.family = address.family;
            }
            attrs.push(RouteAttribute::PrefSource(self::address(&address)).into());
        } else if w == "as" {
            let mut value = next_arg(&mut words)?;
            if value == "to" {
                value = next_arg(&mut words)?;
            }
            let address = inet::get_addr(value, header.family)?;
            if header.family == AF_UNSPEC {
                header.family = address.family;
            }
            attrs.push(new_destination(&address).into());
        } else if w == "via" {
            if gw_ok {
                return Err(invalid(w, "use nexthop syntax to specify multiple via\n"));
            }
            gw_ok = true;
            let address = parse_via(&mut words, header.family)?;
            if header.family == AF_UNSPEC {
                header.family = address.family;
            }
            if address.family == header.family {
                attrs.push(RouteAttribute::Gateway(self::address(&address)).into());
            } else {
                attrs.push(via(&address).into());
            }
        } else if w == "from" {
            let prefix = inet::get_prefix(next_arg(&mut words)?, header.family)?;
            if header.family == AF_UNSPEC {
                header.family = prefix.family;
            }
            if prefix.bytelen > 0 {
                attrs.push(RouteAttribute::Source(address(&prefix)).into());
            }
            header.src_len = prefix.bitlen as u8;
        } else if w == "tos" || matches(w, "dsfield") {
            let value = next_arg(&mut words)?;
            header.tos = rt_names::dsfield_number(value)
                .ok_or_else(|| invalid(value, "\"tos\" value is invalid\n"))?;
        } else if w == "expires" {
            let value = next_arg(&mut words)?;
            let expires = rt_names::get_u32(value)
                .ok_or_else(|| invalid(value, "\"expires\" value is invalid\n"))?;
            attrs.push(RouteAttribute::Expires(expires).into());
        } else if matches(w, "metric") || matches(w, "priority") || w == "preference" {
            let value = next_arg(&mut words)?;
            let metric = rt_names::get_u32(value)
                .ok_or_else(|| invalid(value, "\"metric\" value is invalid\n"))?;
            attrs.push(RouteAttribute::Priority(metric).into());
        } else if w == "scope" {
            let value = next_arg(&mut words)?;
            header.scope =
                scope_number(value).ok_or_else(|| invalid(value, "invalid \"scope\" value\n"))?;
            scope_ok = true;
        } else if metrics.parse(w, &mut words)? {
            // An RTAX_* value, kept for RTA_METRICS.
        } else if matches(w, "realms") {
            let value = next_arg(&mut words)?;
            let realm = rt_names::realms(value)
                .ok_or_else(|| invalid(value, "\"realm\" value is invalid\n"))?;
            attrs.push(RouteAttribute::Realm(realm_of(realm)).into());
        } else if w == "onlink" {
            header.flags |= u32::from(RTNH_F_ONLINK);
        } else if w == "nexthop" {
            let rest = words.as_slice();
            nexthops = Some(&args[args.len() - rest.len() - 1..]);
            break;
        } else if w == "nhid" {
            let value = next_arg(&mut words)?;
            nhid = rt_names::get_u32(value)
                .ok_or_else(|| invalid(value, "\"id\" value is invalid\n"))?;
            attrs.push(RouteAttribute::NhId(nhid).into());
        } else if matches(w, "protocol") {
            let value = next_arg(&mut words)?;
            header.protocol = rt_names::protocol_number(value)
                .ok_or_else(|| invalid(value, "\"protocol\" value is invalid\n"))?;
        } else if matches(w, "table") {
            let value = next_arg(&mut words)?;
            table = rt_names::table_number(value)
                .ok_or_else(|| invalid(value, "\"table\" value is invalid\n"))?;
            set_table(&mut header, &mut attrs, table);
            table_ok = true;
        } else if matches(w, "vrf") {
            let value = next_arg(&mut words)?;
            table = names.vrf_table(value)?;
            if table == 0 {
                return Err(invalid(value, "Invalid VRF\n"));
            }
            set_table(&mut header, &mut attrs, table);
            table_ok = true;
        } else if w == "dev" || w == "oif" {
            device = Some(next_arg(&mut words)?);
        } else if matches(w, "pref") {
            let value = next_arg(&mut words)?;
            let pref = match value.as_str() {
                "low" => ICMPV6_ROUTER_PREF_LOW,
                "medium" => ICMPV6_ROUTER_PREF_MEDIUM,
                "high" => ICMPV6_ROUTER_PREF_HIGH,
                _ => get_u8(value).ok_or_else(|| invalid(value, "\"pref\" value is invalid\n"))?,
            };
            attrs.push(RouteAttribute::Preference(RoutePreference::from(pref)).into());
        } else if w == "encap" {
            let (encap, used) = parse_encap(words.as_slice())?;
            // ip appends the encap to a request it bounds at 1024 bytes.
            let length = |attrs: &RouteAttrs| attrs.as_slice().buffer_len();
            if NLMSG_HDRLEN + HEADER_LEN + length(&attrs) + length(&encap) > ENCAP_REQUEST_BOUND {
                warn(Warning::from(RouteWarning::RequestBound(
                    ENCAP_REQUEST_BOUND,
                )));
            } else {
                attrs.extend(encap);
            }
            if used > 0 {
                words.nth(used - 1);
            }
        } else if w == "ttl-propagate" {
            let value = next_arg(&mut words)?;
            let propagate = if matches(value, "enabled") {
                1
            } else if matches(value, "disabled") {
                0
            } else {
                return Err(invalid(value, "\"ttl-propagate\" value is invalid\n"));
            };
            attrs.push(
                RouteAttribute::TtlPropagate(RouteMplsTtlPropagation::from(propagate)).into(),
            );
        } else {
            let mut value = word;
            if w == "to" {
                value = next_arg(&mut words)?;
            }
            if !value.starts_with(|c: char| c.is_ascii_digit()) {
                if let Some(kind) = rt_names::route_type_number(value) {
                    value = next_arg(&mut words)?;
                    header.kind = kind;
                    type_ok = true;
                }
            }
            if matches(value, "help") {
                return Err(Error::Usage(crate::objects::route::USAGE));
            }
            if dst_ok {
                return Err(Error::DuplicateOrGarbage {
                    key: "to".to_string(),
                    arg: value.clone(),
                });
            }
            let prefix = inet::get_prefix(value, header.family)?;
            if header.family == AF_UNSPEC {
                header.family = prefix.family;
            }
            header.dst_len = prefix.bitlen as u8;
            dst_ok = true;
            if prefix.bytelen > 0 {
                attrs.push(RouteAttribute::Destination(address(&prefix)).into());
            }
        }
    }

    if !dst_ok {
        return Err(Error::Usage(crate::objects::route::USAGE));
    }
    let device = match device {
        Some(name) => {
            let index = names.index(name)?;
            if index == 0 {
                return Err(Error::CannotFindDevice(name.clone()));
            }
            attrs.push(RouteAttribute::Oif(index as u32).into());
            Some((name.clone(), index))
        }
        None => None,
    };
    if let Some(metrics) = metrics.finish() {
        attrs.push(RouteAttribute::Metrics(metrics).into());
    }
    if let Some(words) = nexthops {
        if let Some(hops) = multipath::parse(&mut header, words, names)? {
            attrs.push(hops);
        }
    }

    if header.family == AF_UNSPEC {
        header.family = AF_INET;
    }
    if !table_ok
        && matches!(
            header.kind,
            RTN_LOCAL | RTN_BROADCAST | RTN_NAT | RTN_ANYCAST
        )
    {
        header.table = RT_TABLE_LOCAL as u8;
        table = RT_TABLE_LOCAL;
    }
    if !scope_ok {
        if header.family == AF_INET6 || header.family == AF_MPLS {
            header.scope = RT_SCOPE_UNIVERSE;
        } else if matches!(header.kind, RTN_LOCAL | RTN_NAT) {
            header.scope = RT_SCOPE_HOST;
        } else if matches!(header.kind, RTN_BROADCAST | RTN_MULTICAST | RTN_ANYCAST) {
            header.scope = RT_SCOPE_LINK;
        } else if matches!(header.kind, RTN_UNICAST | RTN_UNSPEC) {
            if cmd == RTM_DELROUTE {
                header.scope = RT_SCOPE_NOWHERE;
            } else if !gw_ok && nexthops.is_none() && nhid == 0 {
                header.scope = RT_SCOPE_LINK;
            }
        }
    }
    if !type_ok && header.family == AF_MPLS {
        header.kind = RTN_UNICAST;
    }
    Ok(RouteRequest {
        header,
        attrs,
        table,
        device,
    })
}
