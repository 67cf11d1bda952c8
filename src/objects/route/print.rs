//! One route in ip's layout (ip/iproute.c `print_route`): `[type] DST [from
//! SRC] [nhid N] [encap …] [tos T] [via GW] [dev D] [table T] [proto P]
//! [scope S] [src PREFSRC] [metric M] [flags] …`, the same calls giving text
//! and JSON.
//!
//! The printer is a pure function of the message: interface names come from
//! a lookup the caller filled beforehand, and the fields a listing selected
//! on (ip leaves out what the filter fixed) arrive as [`Hidden`], so `list`,
//! `get`, `showdump`, `monitor` and `-echo` share it.

use crate::grammar::inet::{
    af_bit_len, family_name, format_address, resolve_address, AF_INET, AF_INET6, AF_MPLS,
};
use crate::kernel::attrs::Attrs;
use crate::model::route::*;
use crate::model::rt_names;
use crate::model::rt_names::scope_name;
use crate::output::{null, Color, Kind, Names, Printer};

/// What the names and extra lines depend on: `-N`, `-d`, `-s`.
#[derive(Debug, Clone, Copy, Default)]
pub struct Style {
    pub numeric: bool,
    pub details: bool,
    pub stats: bool,
    /// `-resolve`: host names for addresses (ip's `format_host`).
    pub resolve: bool,
}

/// The fields a listing's selectors fixed, which ip does not repeat on each
/// line (the `-1` masks of iproute.c's filter). All false outside `list`.
#[derive(Debug, Clone, Copy, Default)]
pub struct Hidden {
    /// A `table` was selected (ip's `filter.tb` non-zero).
    pub table: bool,
    pub tos: bool,
    pub dev: bool,
    pub iif: bool,
    pub protocol: bool,
    pub scope: bool,
    pub metric: bool,
    /// Both halves of `realms FROM/TO` were given.
    pub realms: bool,
    /// `src` was a full-length address (its prefix length).
    pub prefsrc_len: Option<i32>,
    /// `via` was a full-length address (its prefix length).
    pub via_len: Option<i32>,
}

/// Prints the ` nh_info` object of a nexthop id.
pub type NexthopPrinter<'a> = &'a dyn Fn(&mut Printer, u32);

/// What the printer may need beyond the message.
pub struct Lookups<'a> {
    /// ip's `ll_index_to_name`: the name of an interface index.
    pub link_name: &'a dyn Fn(u32) -> Vec<u8>,
    /// `-d` with RTA_NH_ID: prints the nexthop's ` nh_info` object (ip's
    /// `print_cache_nexthop_id`); `None` prints nothing.
    pub nexthop: Option<NexthopPrinter<'a>>,
}

fn family_color(family: u8) -> Option<Color> {
    match family {
        AF_INET => Some(Color::Inet),
        AF_INET6 => Some(Color::Inet6),
        _ => None,
    }
}

/// ip's `get_real_family`: multicast routes of the IPMR families print as
/// their address family.
fn real_family(kind: u8, family: u8) -> u8 {
    match (kind, family) {
        (RTN_MULTICAST, 128) => AF_INET,
        (RTN_MULTICAST, 129) => AF_INET6,
        _ => family,
    }
}

/// ip's `print_0xhex` in JSON: `%#llx` as a string.
fn hash_hex(value: u64) -> String {
    if value == 0 {
        "0".to_string()
    } else {
        format!("{value:#x}")
    }
}

/// ip's `format_host`: the host name with `-resolve` when one is found,
/// else the address.
fn host(family: u8, bytes: &[u8], resolve: bool) -> String {
    resolve
        .then(|| resolve_address(family, bytes))
        .flatten()
        .unwrap_or_else(|| format_address(family, bytes))
}

/// A prefix attribute (`DST` or `from SRC`): `ADDR/LEN`, or the bare
/// address (a host name with `-resolve`) when it is a host route.
fn prefix_text(family: u8, bytes: &[u8], len: u8, resolve: bool) -> String {
    if i32::from(len) != af_bit_len(family) {
        format!("{}/{len}", format_address(family, bytes))
    } else {
        host(family, bytes, resolve)
    }
}

/// ip's `print_rt_flags` (route and nexthop flags share one namespace).
pub fn print_flags(p: &mut Printer, flags: u32) {
    p.open_array(Kind::Json, "flags", "");
    for (bit, name) in [
        (u32::from(RTNH_F_DEAD), "dead"),
        (u32::from(RTNH_F_ONLINK), "onlink"),
        (u32::from(RTNH_F_PERVASIVE), "pervasive"),
        (u32::from(RTNH_F_OFFLOAD), "offload"),
        (u32::from(RTNH_F_TRAP), "trap"),
        (RTM_F_NOTIFY, "notify"),
        (u32::from(RTNH_F_LINKDOWN), "linkdown"),
        (u32::from(RTNH_F_UNRESOLVED), "unresolved"),
        (RTM_F_OFFLOAD, "rt_offload"),
        (RTM_F_TRAP, "rt_trap"),
        (RTM_F_OFFLOAD_FAILED, "rt_offload_failed"),
    ] {
        if flags & bit != 0 {
            p.string(Kind::Any, None, "{} ", name);
        }
    }
    p.close_array(Kind::Json, "");
}

/// ip's `print_rta_ifidx`: `KEY NAME ` (the name colored).
fn print_ifindex(p: &mut Printer, key: &str, index: u32, lookups: &Lookups<'_>) {
    let name = (lookups.link_name)(index);
    if p.is_json() {
        p.string(Kind::Json, Some(key), "", name);
    } else {
        p.text(format!("{key} "));
        p.color_string(Kind::Text, Some(Color::Ifname), None, "{} ", name);
    }
}

/// ip's `print_rta_gateway`.
fn print_gateway(p: &mut Printer, family: u8, bytes: &[u8], resolve: bool) {
    let gateway = host(family, bytes, resolve);
    if p.is_json() {
        p.string(Kind::Json, Some("gateway"), "", gateway);
    } else {
        p.text("via ");
        p.color_string(Kind::Text, family_color(family), None, "{} ", gateway);
    }
}

/// ip's `print_rta_via` (a gateway of another family: `via inet6 ADDR`).
fn print_via(p: &mut Printer, bytes: &[u8], resolve: bool) {
    if bytes.len() < 2 {
        return;
    }
    let family = u16::from_ne_bytes([bytes[0], bytes[1]]) as u8;
    let host = host(family, &bytes[2..], resolve);
    if p.is_json() {
        p.open_object(Some("via"));
        p.string(Kind::Json, Some("family"), "", family_name(family));
        p.string(Kind::Json, Some("host"), "", host);
        p.close_object();
    } else {
        p.string(Kind::Text, None, "via {} ", family_name(family));
        p.color_string(Kind::Text, family_color(family), None, "{} ", host);
    }
}

/// ip's `print_rta_newdst` (`as to ADDR`).
fn print_newdst(p: &mut Printer, family: u8, bytes: &[u8], resolve: bool) {
    let newdst = host(family, bytes, resolve);
    if p.is_json() {
        p.string(Kind::Json, Some("to"), "", newdst);
    } else {
        p.text("as to ");
        p.color_string(Kind::Text, family_color(family), None, "{} ", newdst);
    }
}

/// ip's `print_rta_flow`: `realm TO ` or `realms FROM/TO `.
fn print_flow(p: &mut Printer, flow: u32, numeric: bool) {
    let from = flow >> 16;
    let to = flow & 0xffff;
    if p.is_json() {
        p.open_object(Some("flow"));
        if from != 0 {
            p.string(
                Kind::Json,
                Some("from"),
                "",
                rt_names::realm_name(from, numeric),
            );
        }
        p.string(
            Kind::Json,
            Some("to"),
            "",
            rt_names::realm_name(to, numeric),
        );
        p.close_object();
    } else {
        p.text(if from != 0 { "realms " } else { "realm " });
        if from != 0 {
            p.text(format!("{}/", rt_names::realm_name(from, numeric)));
        }
        p.text(format!("{} ", rt_names::realm_name(to, numeric)));
    }
}

/// RTCF_* cache flags (linux/in_route.h) in ip's order and words.
const CACHE_FLAGS: &[(u32, &str)] = &[
    (0x8000_0000, "local"),
    (0x4000_0000, "reject"),
    (0x2000_0000, "mc"),
    (0x1000_0000, "brd"),
    (0x0800_0000, "dst-nat"),
    (0x0080_0000, "src-nat"),
    (0x0040_0000, "masq"),
    (0x0002_0000, "dst-direct"),
    (0x0400_0000, "src-direct"),
    (0x0004_0000, "redirected"),
    (0x0100_0000, "redirect"),
    (0x0020_0000, "fastroute"),
    (0x0001_0000, "notify"),
    (0x0008_0000, "proxy"),
];

/// ip's `print_cache_flags`: the `    cache <…>` line of a cloned IPv4 route.
fn print_cache_flags(p: &mut Printer, flags: u32) {
    let mut flags = flags & !0xffff;
    if p.is_json() {
        p.open_array(Kind::Json, "cache", "");
    } else {
        p.text(format!("{}    cache ", p.line_break()));
        if flags == 0 {
            return;
        }
        p.text("<");
    }
    for (bit, name) in CACHE_FLAGS {
        if flags & bit != 0 {
            flags &= !bit;
            if p.is_json() {
                p.string(Kind::Json, None, "", name);
            } else {
                p.text(format!("{name}{}", if flags != 0 { "," } else { "> " }));
            }
        }
    }
    if flags != 0 {
        p.hex(Kind::Any, Some("flags"), "{}>", flags.into());
    }
    if p.is_json() {
        p.close_array(Kind::Json, "");
    }
}

/// ip's `print_rta_cacheinfo` (`struct rta_cacheinfo`, times in USER_HZ).
fn print_cacheinfo(p: &mut Printer, bytes: &[u8], stats: bool) {
    let field = |i: usize| {
        bytes
            .get(i * 4..i * 4 + 4)
            .map_or(0, |b| u32::from_ne_bytes(b.try_into().expect("4 bytes")))
    };
    let (clntref, lastuse, expires, error) = (field(0), field(1), field(2) as i32, field(3));
    let (used, id, ts, tsage) = (field(4), field(5), field(6), field(7));
    let hz = user_hz();
    if expires != 0 {
        p.int(Kind::Any, Some("expires"), "expires {}sec ", expires / hz);
    }
    if error != 0 {
        p.int(Kind::Any, Some("error"), "error {} ", error);
    }
    if stats {
        if clntref != 0 {
            p.int(Kind::Any, Some("users"), "users {} ", clntref);
        }
        if used != 0 {
            p.int(Kind::Any, Some("used"), "used {} ", used);
        }
        if lastuse != 0 {
            p.int(Kind::Any, Some("age"), "age {}sec ", lastuse / hz as u32);
        }
    }
    if id != 0 {
        p.string(Kind::Json, Some("ipid"), "", hash_hex(id.into()));
        p.text(format!("ipid 0x{id:04x} "));
    }
    if ts != 0 || tsage != 0 {
        p.string(Kind::Json, Some("ts"), "", hash_hex(ts.into()));
        p.text(format!("ts 0x{ts:x}"));
        p.int(Kind::Any, Some("tsage"), "tsage {}sec ", tsage);
    }
}

/// ip's `get_user_hz` (sysconf's clock ticks).
fn user_hz() -> i32 {
    // SAFETY: sysconf only reads a system constant.
    let hz = unsafe { nix::libc::sysconf(nix::libc::_SC_CLK_TCK) };
    if hz > 0 {
        hz as i32
    } else {
        100
    }
}

/// ip's `mx_names`.
fn metric_name(kind: u16) -> Option<&'static str> {
    Some(match kind {
        RTAX_MTU => "mtu",
        RTAX_WINDOW => "window",
        RTAX_RTT => "rtt",
        RTAX_RTTVAR => "rttvar",
        RTAX_SSTHRESH => "ssthresh",
        RTAX_CWND => "cwnd",
        RTAX_ADVMSS => "advmss",
        RTAX_REORDERING => "reordering",
        RTAX_HOPLIMIT => "hoplimit",
        RTAX_INITCWND => "initcwnd",
        RTAX_FEATURES => "features",
        RTAX_RTO_MIN => "rto_min",
        RTAX_INITRWND => "initrwnd",
        RTAX_QUICKACK => "quickack",
        RTAX_CC_ALGO => "congctl",
        RTAX_FASTOPEN_NO_COOKIE => "fastopen_no_cookie",
        _ => return None,
    })
}

/// ip's `%g` of a number of seconds below 4.3 million (at most six
/// significant digits, no trailing zeros).
fn g_format(value: f64) -> String {
    if value == 0.0 {
        return "0".to_string();
    }
    let exponent = value.abs().log10().floor() as i32;
    if !(-4..6).contains(&exponent) {
        return format!("{value:e}");
    }
    let decimals = (5 - exponent).max(0) as usize;
    let text = format!("{value:.decimals$}");
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        text
    }
}

/// ip's `print_rta_metrics`.
fn print_metrics(p: &mut Printer, payload: &[u8]) {
    let metrics = Attrs::parse(payload, RTAX_MAX);
    p.open_array(Kind::Json, "metrics", "");
    p.open_object(None);
    let lock = metrics.u32(RTAX_LOCK).unwrap_or(0);
    for kind in 2..=RTAX_MAX {
        let locked = lock & (1 << kind) != 0;
        if !metrics.has(kind) && !locked {
            continue;
        }
        let value = if kind == RTAX_CC_ALGO {
            0
        } else {
            metrics.u32(kind).unwrap_or(0)
        };
        if kind == RTAX_HOPLIMIT && value as i32 == -1 {
            continue;
        }
        let name = metric_name(kind);
        if !p.is_json() {
            match name {
                Some(name) => p.text(format!("{name} ")),
                None => p.text(format!("metric {kind} ")),
            }
            if locked {
                p.text("lock ");
            }
        }
        let key = name.unwrap_or("");
        match kind {
            RTAX_FEATURES => {
                let mut rest = value;
                if rest & RTAX_FEATURE_ECN != 0 {
                    null(p, "ecn", "ecn ");
                    rest &= !RTAX_FEATURE_ECN;
                }
                if rest != 0 {
                    p.string(Kind::Json, Some("features"), "", hash_hex(value.into()));
                    p.text(format!("{value:#x} "));
                }
            }
            RTAX_RTT | RTAX_RTTVAR | RTAX_RTO_MIN => {
                let value = match kind {
                    RTAX_RTT => value / 8,
                    RTAX_RTTVAR => value / 4,
                    _ => value,
                };
                if p.is_json() {
                    p.int(Kind::Json, Some(key), "", value);
                } else if value >= 1000 {
                    p.text(format!("{}s ", g_format(f64::from(value) / 1e3)));
                } else {
                    p.text(format!("{value}ms "));
                }
            }
            RTAX_CC_ALGO => {
                let algo = metrics.str(kind).unwrap_or_default();
                p.string(Kind::Any, Some("congestion"), "{} ", algo);
            }
            _ => p.int(Kind::Any, Some(key), "{} ", value),
        }
    }
    p.close_object();
    p.close_array(Kind::Json, "");
}

/// ip's `print_rta_multipath`.
fn print_multipath(
    p: &mut Printer,
    header: &Header,
    payload: &[u8],
    lookups: &Lookups<'_>,
    style: Style,
) {
    let numeric = style.numeric;
    let multicast_cache = header.flags & RTM_F_CLONED != 0 && header.kind == RTN_MULTICAST;
    p.open_array(Kind::Json, "nexthops", "");
    for (i, hop) in nexthops(payload).iter().enumerate() {
        p.open_object(None);
        if multicast_cache {
            p.text(if i == 0 { "Oifs: " } else { " " });
        } else {
            p.text(format!("{}\tnexthop ", p.line_break()));
        }
        if !hop.attrs.is_empty() {
            let attrs = Attrs::parse(hop.attrs, RTA_MAX);
            if let (Some(kind), Some(encap)) = (attrs.u16(RTA_ENCAP_TYPE), attrs.get(RTA_ENCAP)) {
                crate::objects::lwtunnel::print(p, kind, encap);
            }
            if let Some(newdst) = attrs.get(RTA_NEWDST) {
                print_newdst(p, header.family, newdst, style.resolve);
            }
            if let Some(gateway) = attrs.get(RTA_GATEWAY) {
                print_gateway(p, header.family, gateway, style.resolve);
            }
            if let Some(via) = attrs.get(RTA_VIA) {
                print_via(p, via, style.resolve);
            }
            if let Some(flow) = attrs.u32(RTA_FLOW) {
                print_flow(p, flow, numeric);
            }
        }
        let dev = (lookups.link_name)(hop.ifindex as u32);
        if multicast_cache {
            p.string(Kind::Any, Some("dev"), "{}", dev);
            if hop.hops != 1 {
                p.int(Kind::Any, Some("ttl"), "(ttl>{})", hop.hops);
            }
            p.text(" ");
        } else {
            p.string(Kind::Any, Some("dev"), "dev {} ", dev);
            if header.family != AF_MPLS {
                p.int(
                    Kind::Any,
                    Some("weight"),
                    "weight {} ",
                    i32::from(hop.hops) + 1,
                );
            }
        }
        print_flags(p, hop.flags.into());
        p.close_object();
    }
    p.close_array(Kind::Json, "");
}

/// The attributes of a nexthop object (linux/nexthop.h) that `nh_info`
/// shows.
const NHA_ID: u16 = 1;
const NHA_GROUP: u16 = 2;
const NHA_GROUP_TYPE: u16 = 3;
const NHA_BLACKHOLE: u16 = 4;
const NHA_OIF: u16 = 5;
const NHA_GATEWAY: u16 = 6;
const NHA_ENCAP_TYPE: u16 = 7;
const NHA_ENCAP: u16 = 8;
const NHA_FDB: u16 = 11;
const NHA_RES_GROUP: u16 = 12;
const NHA_MAX: u16 = 13;
/// Size of `struct nhmsg`.
const NHMSG_LEN: usize = 8;

/// The interface a nexthop object (an RTM_NEWNEXTHOP payload) goes out of.
pub fn nexthop_oif(payload: &[u8]) -> Option<u32> {
    Attrs::parse(payload.get(NHMSG_LEN..)?, NHA_MAX).u32(NHA_OIF)
}

/// ip's `print_nh_res_group`: a resilient group's bucket count and timers
/// (clock ticks, printed as seconds with `%g`).
fn print_resilient(p: &mut Printer, payload: &[u8]) {
    let args = Attrs::parse(payload, 4);
    let seconds = |ticks: u64| g_format(ticks as f64 / 100.0);
    p.open_object(Some("resilient_args"));
    p.int(
        Kind::Any,
        Some("buckets"),
        "buckets {} ",
        args.u16(1).unwrap_or(0),
    );
    for (kind, key) in [(2, "idle_timer"), (3, "unbalanced_timer")] {
        let value = seconds(args.u32(kind).unwrap_or(0).into());
        p.number(Kind::Any, Some(key), &format!("{key} {{}} "), &value);
    }
    let value = seconds(args.u64(4).unwrap_or(0));
    p.number(
        Kind::Any,
        Some("unbalanced_time"),
        "unbalanced_time {} ",
        &value,
    );
    p.close_object();
}

/// `-d`'s ` nh_info` of a route with a nexthop id (ip's
/// `print_cache_nexthop_id` → `__print_nexthop_entry`), from the nexthop
/// object the caller asked the kernel for (an RTM_NEWNEXTHOP payload).
pub fn print_nh_info(p: &mut Printer, payload: &[u8], style: Style, lookups: &Lookups<'_>) {
    let Some(header) = payload.get(..NHMSG_LEN) else {
        return;
    };
    let (family, scope, protocol) = (header[0], header[1], header[2]);
    let flags = u32::from_ne_bytes(header[4..8].try_into().expect("4 bytes"));
    let attrs = Attrs::parse(&payload[NHMSG_LEN..], NHA_MAX);
    p.text("\n\tnh_info ");
    p.open_object(Some("nh_info"));
    p.int(
        Kind::Any,
        Some("id"),
        "id {} ",
        attrs.u32(NHA_ID).unwrap_or(0),
    );
    if let Some(group) = attrs.get(NHA_GROUP).filter(|g| !g.is_empty()) {
        p.open_array(Kind::Json, "group", "");
        p.text("group ");
        for (i, member) in group.chunks_exact(8).enumerate() {
            p.open_object(None);
            if i > 0 {
                p.text("/");
            }
            let id = u32::from_ne_bytes(member[..4].try_into().expect("4 bytes"));
            p.int(Kind::Any, Some("id"), "{}", id);
            if member[4] != 0 {
                p.int(Kind::Any, Some("weight"), ",{}", u32::from(member[4]) + 1);
            }
            p.close_object();
        }
        p.text(" ");
        p.close_array(Kind::Json, "");
    }
    match attrs.u16(NHA_GROUP_TYPE).unwrap_or(0) {
        0 => {}
        kind => p.string(
            Kind::Any,
            Some("type"),
            "type {} ",
            if kind == 1 {
                "resilient"
            } else {
                "<unknown type>"
            },
        ),
    }
    if let Some(resilient) = attrs.get(NHA_RES_GROUP) {
        print_resilient(p, resilient);
    }
    if let (Some(kind), Some(encap)) = (attrs.u16(NHA_ENCAP_TYPE), attrs.get(NHA_ENCAP)) {
        crate::objects::lwtunnel::print(p, kind, encap);
    }
    if let Some(gateway) = attrs.get(NHA_GATEWAY).filter(|g| !g.is_empty()) {
        print_gateway(p, family, gateway, style.resolve);
    }
    if let Some(oif) = attrs.u32(NHA_OIF).filter(|oif| *oif != 0) {
        print_ifindex(p, "dev", oif, lookups);
    }
    if scope != RT_SCOPE_UNIVERSE || style.details {
        p.string(
            Kind::Any,
            Some("scope"),
            "scope {} ",
            scope_name(scope, style.numeric),
        );
    }
    if attrs.has(NHA_BLACKHOLE) {
        null(p, "blackhole", "blackhole ");
    }
    if protocol != RTPROT_UNSPEC || style.details {
        p.string(
            Kind::Any,
            Some("protocol"),
            "proto {} ",
            rt_names::protocol_name(protocol, style.numeric),
        );
    }
    print_flags(p, flags);
    if attrs.has(NHA_FDB) {
        null(p, "fdb", "fdb");
    }
    p.close_object();
}

/// ip's `print_route` for an RTM_NEWROUTE/RTM_DELROUTE payload (the
/// `rtmsg` and its attributes). Returns false when the payload is too
/// short to be a route.
pub fn print_route(
    p: &mut Printer,
    msg_type: u16,
    payload: &[u8],
    style: Style,
    hidden: &Hidden,
    lookups: &Lookups<'_>,
) -> bool {
    let Some(header) = Header::parse(payload) else {
        return false;
    };
    let attrs = Attrs::parse(&payload[HEADER_LEN..], RTA_MAX);
    let numeric = style.numeric;
    let host_len = af_bit_len(header.family);
    let table = attrs.u32(RTA_TABLE).unwrap_or(header.table.into());

    p.open_object(None);
    if msg_type == RTM_DELROUTE {
        p.boolean(Kind::Any, Some("deleted"), "Deleted ", true);
    }
    if header.kind != RTN_UNICAST || style.details {
        p.string(
            Kind::Any,
            Some("type"),
            "{} ",
            rt_names::route_type_name(header.kind, numeric),
        );
    }

    let family = real_family(header.kind, header.family);
    let (dst, color) = match attrs.get(RTA_DST) {
        Some(bytes) => (
            prefix_text(family, bytes, header.dst_len, style.resolve),
            family_color(family),
        ),
        None if header.dst_len != 0 => (format!("0/{} ", header.dst_len), None),
        None => ("default".to_string(), None),
    };
    p.color_string(Kind::Any, color, Some("dst"), "{} ", dst);

    if let Some(src) = attrs.get(RTA_SRC) {
        p.color_string(
            Kind::Any,
            family_color(family),
            Some("from"),
            "from {} ",
            prefix_text(family, src, header.src_len, style.resolve),
        );
    } else if header.src_len != 0 {
        p.string(
            Kind::Any,
            Some("src"),
            "from {} ",
            format!("0/{}", header.src_len),
        );
    }

    if let Some(id) = attrs.u32(RTA_NH_ID) {
        p.int(Kind::Any, Some("nhid"), "nhid {} ", id);
    }
    if let Some(newdst) = attrs.get(RTA_NEWDST) {
        print_newdst(p, header.family, newdst, style.resolve);
    }
    if let (Some(kind), Some(encap)) = (attrs.u16(RTA_ENCAP_TYPE), attrs.get(RTA_ENCAP)) {
        crate::objects::lwtunnel::print(p, kind, encap);
    }
    if header.tos != 0 && !hidden.tos {
        p.string(
            Kind::Any,
            Some("tos"),
            "tos {} ",
            rt_names::dsfield_name(header.tos, numeric),
        );
    }
    if let Some(gateway) = attrs.get(RTA_GATEWAY) {
        if hidden.via_len != Some(host_len) {
            print_gateway(p, header.family, gateway, style.resolve);
        }
    }
    if let Some(via) = attrs.get(RTA_VIA) {
        print_via(p, via, style.resolve);
    }
    if let Some(oif) = attrs.u32(RTA_OIF) {
        if !hidden.dev {
            print_ifindex(p, "dev", oif, lookups);
        }
    }
    if table != 0 && (table != RT_TABLE_MAIN || style.details) && !hidden.table {
        p.string(
            Kind::Any,
            Some("table"),
            "table {} ",
            rt_names::table_name(table, numeric),
        );
    }
    if header.flags & RTM_F_CLONED == 0 {
        if (header.protocol != RTPROT_BOOT || style.details) && !hidden.protocol {
            p.string(
                Kind::Any,
                Some("protocol"),
                "proto {} ",
                rt_names::protocol_name(header.protocol, numeric),
            );
        }
        if (header.scope != RT_SCOPE_UNIVERSE || style.details) && !hidden.scope {
            p.string(
                Kind::Any,
                Some("scope"),
                "scope {} ",
                scope_name(header.scope, numeric),
            );
        }
    }
    if let Some(prefsrc) = attrs.get(RTA_PREFSRC) {
        if hidden.prefsrc_len != Some(host_len) {
            let text = format_address(header.family, prefsrc);
            if p.is_json() {
                p.string(Kind::Json, Some("prefsrc"), "", text);
            } else {
                p.text("src ");
                p.color_string(Kind::Text, family_color(header.family), None, "{} ", text);
            }
        }
    }
    if let Some(metric) = attrs.u32(RTA_PRIORITY) {
        if !hidden.metric {
            p.int(Kind::Any, Some("metric"), "metric {} ", metric);
        }
    }
    print_flags(p, header.flags);
    if let Some(mark) = attrs.u32(RTA_MARK).filter(|mark| *mark != 0) {
        if p.is_json() {
            p.int(Kind::Json, Some("mark"), "", mark);
        } else if mark >= 16 {
            p.text(format!("mark {mark:#x} "));
        } else {
            p.text(format!("mark {mark} "));
        }
    }
    if let Some(flow) = attrs.u32(RTA_FLOW) {
        if !hidden.realms {
            print_flow(p, flow, numeric);
        }
    }
    if let Some(uid) = attrs.u32(RTA_UID) {
        p.int(Kind::Any, Some("uid"), "uid {} ", uid);
    }
    if header.family == AF_INET && header.flags & RTM_F_CLONED != 0 {
        print_cache_flags(p, header.flags);
    }
    if header.family == AF_INET || header.family == AF_INET6 {
        if let Some(cacheinfo) = attrs.get(RTA_CACHEINFO) {
            print_cacheinfo(p, cacheinfo, style.stats);
        }
    }
    if let Some(metrics) = attrs.get(RTA_METRICS) {
        print_metrics(p, metrics);
    }
    if let Some(iif) = attrs.u32(RTA_IIF) {
        if !hidden.iif {
            print_ifindex(p, "iif", iif, lookups);
        }
    }
    if let Some(pref) = attrs.u8(RTA_PREF) {
        match pref {
            ICMPV6_ROUTER_PREF_LOW => p.string(Kind::Any, Some("pref"), "pref {}", "low"),
            ICMPV6_ROUTER_PREF_MEDIUM => p.string(Kind::Any, Some("pref"), "pref {}", "medium"),
            ICMPV6_ROUTER_PREF_HIGH => p.string(Kind::Any, Some("pref"), "pref {}", "high"),
            other => p.int(Kind::Any, Some("pref"), "{}", other),
        }
    }
    if let Some(propagate) = attrs.u8(RTA_TTL_PROPAGATE) {
        let propagate = propagate != 0;
        p.boolean(Kind::Json, Some("ttl-propogate"), "", propagate);
        p.text(format!(
            "ttl-propogate {}",
            if propagate { "enabled" } else { "disabled" }
        ));
    }
    if let (Some(id), true) = (attrs.u32(RTA_NH_ID), style.details) {
        if let Some(nexthop) = lookups.nexthop {
            nexthop(p, id);
        }
    }
    if let Some(multipath) = attrs.get(RTA_MULTIPATH) {
        print_multipath(p, &header, multipath, lookups, style);
    }
    p.text("\n");
    p.close_object();
    true
}

/// ip's `print_route` of any table.
pub(crate) fn message(p: &mut Printer, msg_type: u16, payload: &[u8], names: &Names) {
    let o = &names.options;
    let style = Style {
        numeric: o.numeric > 0,
        details: o.details > 0,
        stats: o.stats > 0,
        resolve: o.resolve > 0,
    };
    let link_name = |index: u32| names.link_name(index as i32);
    let plain = Lookups {
        link_name: &link_name,
        nexthop: None,
    };
    let nh_info = |p: &mut Printer, id: u32| {
        if let Some(payload) = names.nexthops.get(&id) {
            print_nh_info(p, payload, style, &plain);
        }
    };
    let lookups = Lookups {
        link_name: &link_name,
        nexthop: style.details.then_some(&nh_info as _),
    };
    let hidden = Hidden {
        dev: names.device_selected,
        ..Hidden::default()
    };
    print_route(p, msg_type, payload, style, &hidden, &lookups);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grammar::options::Options;

    /// `ip route save root 10.2.0.0/15` of a route with metrics and a
    /// multipath route (v0 is link 3, b0 link 4), as ip 6.1 wrote it.
    const SAVED: &str = "2412314558000000180022003905176bc265000002100000fe04fd01000000\
        0008000f00fe000000080001000a020000240008000800010004000000080002007805000008000400c05d\
        000008000c0001000000080004000300000050000000180022003905176bc265000002100000fe030001\
        0000000008000f00fe000000080001000a03000024000900100000010300000008000500c000020210000\
        4000400000008000500c6336402";

    fn saved_routes() -> Vec<(u16, Vec<u8>)> {
        let bytes: Vec<u8> = (0..SAVED.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&SAVED[i..i + 2], 16).unwrap())
            .collect();
        let mut at = 4;
        let mut routes = Vec::new();
        while at < bytes.len() {
            let len = u32::from_ne_bytes(bytes[at..at + 4].try_into().unwrap()) as usize;
            let msg_type = u16::from_ne_bytes([bytes[at + 4], bytes[at + 5]]);
            routes.push((msg_type, bytes[at + 16..at + len].to_vec()));
            at += len;
        }
        routes
    }

    /// The routes printed as `ip [-j] [-d] route show` prints them (the
    /// table selected, so not shown).
    fn render(json: bool, details: bool) -> String {
        let options = Options {
            json: json as u32,
            ..Options::default()
        };
        let (mut p, buffer) = Printer::capture(&options);
        let link_name = |index: u32| match index {
            3 => b"v0".to_vec(),
            4 => b"b0".to_vec(),
            other => format!("if{other}").into_bytes(),
        };
        let lookups = Lookups {
            link_name: &link_name,
            nexthop: None,
        };
        let style = Style {
            details,
            ..Style::default()
        };
        let hidden = Hidden {
            table: true,
            ..Hidden::default()
        };
        p.begin_list();
        for (msg_type, payload) in saved_routes() {
            assert!(print_route(
                &mut p, msg_type, &payload, style, &hidden, &lookups
            ));
        }
        p.end_list();
        drop(p);
        let bytes = buffer.lock().unwrap().clone();
        String::from_utf8(bytes).unwrap()
    }

    #[test]
    fn routes_print_as_ip_prints_them() {
        assert_eq!(
            render(false, false),
            "10.2.0.0/16 dev v0 proto static scope link mtu lock 1400 rtt 3s features ecn \n\
             10.3.0.0/16 \n\
             \tnexthop via 192.0.2.2 dev v0 weight 2 \n\
             \tnexthop via 198.51.100.2 dev b0 weight 1 onlink \n"
        );
        assert_eq!(
            render(false, true),
            "unicast 10.2.0.0/16 dev v0 proto static scope link mtu lock 1400 rtt 3s features ecn \n\
             unicast 10.3.0.0/16 proto boot scope global \n\
             \tnexthop via 192.0.2.2 dev v0 weight 2 \n\
             \tnexthop via 198.51.100.2 dev b0 weight 1 onlink \n"
        );
        assert_eq!(
            render(true, false),
            "[{\"dst\":\"10.2.0.0/16\",\"dev\":\"v0\",\"protocol\":\"static\",\"scope\":\"link\",\
             \"flags\":[],\"metrics\":[{\"mtu\":1400,\"rtt\":3000,\"ecn\":null}]},\
             {\"dst\":\"10.3.0.0/16\",\"flags\":[],\"nexthops\":[{\"gateway\":\"192.0.2.2\",\
             \"dev\":\"v0\",\"weight\":2,\"flags\":[]},{\"gateway\":\"198.51.100.2\",\
             \"dev\":\"b0\",\"weight\":1,\"flags\":[\"onlink\"]}]}]\n"
        );
    }

    #[test]
    fn g_format_follows_printf() {
        assert_eq!(g_format(1.0), "1");
        assert_eq!(g_format(1.5), "1.5");
        assert_eq!(g_format(12.345), "12.345");
        assert_eq!(g_format(1.234_567_8), "1.23457");
        assert_eq!(g_format(0.0), "0");
        assert_eq!(g_format(0.5), "0.5");
    }

    #[test]
    fn prefixes_print_their_length_unless_host() {
        assert_eq!(
            prefix_text(AF_INET, &[192, 0, 2, 0], 24, false),
            "192.0.2.0/24"
        );
        assert_eq!(
            prefix_text(AF_INET, &[192, 0, 2, 1], 32, false),
            "192.0.2.1"
        );
    }
}
