//! ip's link record (ip/ipaddress.c `print_linkinfo`): the header line, the
//! `link/…` line, `-d` details, `-s` statistics, altnames, and the brief
//! form. `ip link show` and `ip address show` both print links through here,
//! and `monitor` prints link events through [`message`], the object's
//! [`crate::output::PrintMessage`].

use crate::grammar::options::{family_number, Options};
use crate::kernel::attrs::{cstr, Attrs};
use crate::model::link::*;
use crate::model::names::{group_name, hardware_type, link_address};
use crate::objects::link::kinds;
use crate::output::{print_num, push_right, Color, Kind, Names, Printer};

/// How the caller wants links printed.
#[derive(Debug, Clone, Copy, Default)]
pub struct LinkStyle {
    /// `ip link` (true) or `ip address` (false): `mode`, addrgenmode,
    /// alias and stats placement differ.
    pub do_link: bool,
    pub details: u32,
    pub stats: u32,
    pub human: bool,
    pub iec: bool,
    pub numeric: bool,
    pub brief: bool,
    /// The address family filter (`AF_PACKET` for `ip link`).
    pub family: u8,
}

impl LinkStyle {
    /// The style the global options ask for, in `ip link` (`do_link`) or
    /// `ip address` form, for links of `family`.
    pub(crate) fn new(options: &Options, do_link: bool, family: u8) -> Self {
        LinkStyle {
            do_link,
            details: options.details,
            stats: options.stats,
            human: options.human > 0,
            iec: options.iec > 0,
            numeric: options.numeric > 0,
            brief: options.brief > 0,
            family,
        }
    }
}

/// What the link's attributes point at, resolved by the caller (the
/// printer itself never asks the kernel anything).
#[derive(Debug, Clone, Default)]
pub struct Related {
    /// IFLA_LINK: the parent or peer.
    pub peer: Option<Peer>,
    /// IFLA_MASTER's name.
    pub master: Option<Vec<u8>>,
    /// The name of the namespace IFLA_LINK_NETNSID refers to.
    pub link_netns: Option<Vec<u8>>,
    /// The name of the namespace IFLA_NEW_NETNSID refers to.
    pub new_netns: Option<Vec<u8>>,
}

#[derive(Debug, Clone)]
pub enum Peer {
    /// IFLA_LINK is 0: `@NONE`, JSON `"link": null`.
    None,
    /// In another namespace: `@ifN`, JSON `"link_index": N`.
    Index(i32),
    /// In this namespace, with whether it is down (` M-DOWN`).
    Named { name: Vec<u8>, down: bool },
}

/// `NAME[@LINK]` as text, after printing the JSON keys that stand for the
/// `@LINK` part; also returns whether M-DOWN applies.
fn name_and_link(p: &mut Printer, name: &[u8], related: &Related) -> (Vec<u8>, bool) {
    let mut shown = name.to_vec();
    let mut m_down = false;
    match &related.peer {
        None => {}
        Some(Peer::None) => {
            if p.is_json() {
                p.null("link");
            } else {
                shown.extend_from_slice(b"@NONE");
            }
        }
        Some(Peer::Index(index)) => {
            if p.is_json() {
                p.int(Kind::Json, Some("link_index"), "", *index);
            } else {
                shown.extend_from_slice(format!("@if{index}").as_bytes());
            }
        }
        Some(Peer::Named { name: peer, down }) => {
            if p.is_json() {
                p.string(Kind::Json, Some("link"), "", peer);
            } else {
                shown.push(b'@');
                shown.extend_from_slice(peer);
            }
            m_down = *down;
        }
    }
    (shown, m_down)
}

/// `NAME[@LINK]` in `format`; returns whether M-DOWN applies.
fn print_name_and_link(p: &mut Printer, format: &str, name: &[u8], related: &Related) -> bool {
    let (shown, m_down) = name_and_link(p, name, related);
    p.color_string(
        Kind::Any,
        Some(Color::Ifname),
        Some("ifname"),
        format,
        &shown,
    );
    m_down
}

pub fn print_flags(p: &mut Printer, flags: u32, m_down: bool) {
    p.open_array(Kind::Any, "flags", "<");
    let mut rest = flags;
    if rest & IFF_UP != 0 && rest & IFF_RUNNING == 0 {
        p.string(
            Kind::Any,
            None,
            if rest != 0 { "{}," } else { "{}" },
            "NO-CARRIER",
        );
    }
    rest &= !IFF_RUNNING;
    for (bit, name) in FLAG_NAMES {
        if rest & bit != 0 {
            rest &= !bit;
            p.string(Kind::Any, None, if rest != 0 { "{}," } else { "{}" }, name);
        }
    }
    if rest != 0 {
        p.hex(Kind::Any, None, "{}", rest as u64);
    }
    if m_down {
        p.string(Kind::Any, None, ",{}", "M-DOWN");
    }
    p.close_array(Kind::Any, "> ");
}

fn print_operstate(p: &mut Printer, state: u8, brief: bool) {
    let color = match state {
        IF_OPER_UP => Some(Color::OperUp),
        IF_OPER_DOWN => Some(Color::OperDown),
        _ => None,
    };
    match OPER_STATES.get(state as usize) {
        None if p.is_json() => p.int(Kind::Json, Some("operstate_index"), "", state),
        None => p.text(format!("state {:#x}", state)),
        Some(name) if p.is_json() => p.string(Kind::Json, Some("operstate"), "", name),
        Some(name) if brief => p.color_string(Kind::Text, color, None, "{} ", pad(name, 14)),
        Some(name) => {
            p.text("state ");
            p.color_string(Kind::Text, color, None, "{} ", name);
        }
    }
}

/// Left-aligns `text` in `width` columns (printf's `%-Ns`).
pub fn pad(text: &str, width: usize) -> String {
    format!("{text:<width$}")
}

fn print_link_addresses(p: &mut Printer, info: &IfInfo, attrs: &Attrs, numeric: bool) {
    p.nl();
    p.string(
        Kind::Any,
        Some("link_type"),
        "    link/{} ",
        hardware_type(info.link_type, numeric),
    );
    if let Some(address) = attrs.get(IFLA_ADDRESS) {
        p.color_string(
            Kind::Any,
            Some(Color::Mac),
            Some("address"),
            "{}",
            link_address(address, info.link_type),
        );
    }
    if let Some(broadcast) = attrs.get(IFLA_BROADCAST) {
        if info.flags & IFF_POINTOPOINT != 0 {
            p.text(" peer ");
            p.boolean(Kind::Json, Some("link_pointtopoint"), "", true);
        } else {
            p.text(" brd ");
        }
        p.color_string(
            Kind::Any,
            Some(Color::Mac),
            Some("broadcast"),
            "{}",
            link_address(broadcast, info.link_type),
        );
    }
    if let Some(permanent) = attrs.get(IFLA_PERM_ADDRESS) {
        if attrs.get(IFLA_ADDRESS) != Some(permanent) {
            p.text(" permaddr ");
            p.color_string(
                Kind::Any,
                Some(Color::Mac),
                Some("permaddr"),
                "{}",
                link_address(permanent, info.link_type),
            );
        }
    }
}

fn print_proto_down(p: &mut Printer, attrs: &Attrs) {
    if attrs.u8(IFLA_PROTO_DOWN).is_some_and(|down| down != 0) {
        p.boolean(Kind::Any, Some("proto_down"), " protodown on ", true);
    }
}

fn print_linktype(p: &mut Printer, linkinfo: &[u8], style: &LinkStyle) {
    let info = Attrs::parse(linkinfo, IFLA_INFO_MAX);
    p.open_object(Some("linkinfo"));
    if let Some(kind) = info.str(IFLA_INFO_KIND) {
        p.nl();
        p.string(Kind::Any, Some("info_kind"), "    {} ", kind);
        if let Some(printer) = kinds::printer(kind) {
            p.open_object(Some("info_data"));
            if let Some(data) = info.get(IFLA_INFO_DATA) {
                printer(p, data, style);
            }
            p.close_object();
            if let (Some(xstats), true, Some(print_xstats)) = (
                info.get(IFLA_INFO_XSTATS),
                style.stats > 0,
                kinds::xstats_printer(kind),
            ) {
                p.open_object(Some("info_xstats"));
                print_xstats(p, xstats, style);
                p.close_object();
            }
        }
    }
    if let Some(slave_kind) = info.str(IFLA_INFO_SLAVE_KIND) {
        p.nl();
        p.string(
            Kind::Any,
            Some("info_slave_kind"),
            "    {}_slave ",
            slave_kind,
        );
        let mut port_kind = slave_kind.to_vec();
        port_kind.extend_from_slice(b"_slave");
        if let Some(printer) = kinds::printer(&port_kind) {
            p.open_object(Some("info_slave_data"));
            if let Some(data) = info.get(IFLA_INFO_SLAVE_DATA) {
                printer(p, data, style);
            }
            p.close_object();
        }
    }
    p.close_object();
}

fn print_af_spec(p: &mut Printer, af_spec: &[u8]) {
    let Some(inet6) =
        Attrs::parse(af_spec, AF_INET6 as u16).nested(AF_INET6 as u16, IFLA_INET6_MAX)
    else {
        return;
    };
    if let Some(mode) = inet6.u8(IFLA_INET6_ADDR_GEN_MODE) {
        let name = match mode {
            0 => "eui64".to_string(),
            1 => "none".to_string(),
            2 => "stable_secret".to_string(),
            3 => "random".to_string(),
            other => format!("{other:#04x}"),
        };
        p.string(
            Kind::Any,
            Some("inet6_addr_gen_mode"),
            "addrgenmode {} ",
            name,
        );
    }
}

fn hex_bytes(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn print_details(p: &mut Printer, attrs: &Attrs, style: &LinkStyle) {
    let uint = |p: &mut Printer, attr: u16, key: &str, format: &str| {
        if let Some(value) = attrs.u32(attr) {
            p.int(Kind::Any, Some(key), format, value);
        }
    };
    uint(p, IFLA_PROMISCUITY, "promiscuity", " promiscuity {} ");
    uint(p, IFLA_ALLMULTI, "allmulti", " allmulti {} ");
    uint(p, IFLA_MIN_MTU, "min_mtu", "minmtu {} ");
    uint(p, IFLA_MAX_MTU, "max_mtu", "maxmtu {} ");
    if let Some(linkinfo) = attrs.get(IFLA_LINKINFO) {
        print_linktype(p, linkinfo, style);
    }
    if style.do_link {
        if let Some(af_spec) = attrs.get(IFLA_AF_SPEC) {
            print_af_spec(p, af_spec);
        }
    }
    uint(p, IFLA_NUM_TX_QUEUES, "num_tx_queues", "numtxqueues {} ");
    uint(p, IFLA_NUM_RX_QUEUES, "num_rx_queues", "numrxqueues {} ");
    uint(p, IFLA_GSO_MAX_SIZE, "gso_max_size", "gso_max_size {} ");
    uint(p, IFLA_GSO_MAX_SEGS, "gso_max_segs", "gso_max_segs {} ");
    uint(p, IFLA_TSO_MAX_SIZE, "tso_max_size", "tso_max_size {} ");
    uint(p, IFLA_TSO_MAX_SEGS, "tso_max_segs", "tso_max_segs {} ");
    uint(p, IFLA_GRO_MAX_SIZE, "gro_max_size", "gro_max_size {} ");
    if let Some(name) = attrs.str(IFLA_PHYS_PORT_NAME) {
        p.string(Kind::Any, Some("phys_port_name"), "portname {} ", name);
    }
    if let Some(id) = attrs.get(IFLA_PHYS_PORT_ID) {
        p.string(Kind::Any, Some("phys_port_id"), "portid {} ", hex_bytes(id));
    }
    if let Some(id) = attrs.get(IFLA_PHYS_SWITCH_ID) {
        p.string(
            Kind::Any,
            Some("phys_switch_id"),
            "switchid {} ",
            hex_bytes(id),
        );
    }
    if let Some(bus) = attrs.str(IFLA_PARENT_DEV_BUS_NAME) {
        p.string(Kind::Any, Some("parentbus"), "parentbus {} ", bus);
    }
    if let Some(dev) = attrs.str(IFLA_PARENT_DEV_NAME) {
        p.string(Kind::Any, Some("parentdev"), "parentdev {} ", dev);
    }
}

/// The brief form (`-br`): name, state, and for `ip link` address and flags.
fn print_brief(p: &mut Printer, link: &Link, attrs: &Attrs, related: &Related, style: &LinkStyle) {
    let m_down = print_name_and_link_padded(p, link.name(), related);
    if let Some(state) = attrs.u8(IFLA_OPERSTATE) {
        print_operstate(p, state, true);
    }
    if style.family == AF_PACKET {
        if let Some(address) = attrs.get(IFLA_ADDRESS) {
            p.color_string(
                Kind::Any,
                Some(Color::Mac),
                Some("address"),
                "{} ",
                link_address(address, link.info.link_type),
            );
        }
        print_flags(p, link.info.flags, m_down);
        p.text("\n");
    }
}

/// `%-16s ` of the name (with `@link`), which never truncates.
fn print_name_and_link_padded(p: &mut Printer, name: &[u8], related: &Related) -> bool {
    let (mut shown, m_down) = name_and_link(p, name, related);
    if p.is_json() {
        p.string(Kind::Json, Some("ifname"), "", &shown);
    } else {
        if shown.len() < 16 {
            shown.resize(16, b' ');
        }
        p.color_string(Kind::Text, Some(Color::Ifname), None, "{} ", &shown);
    }
    m_down
}

/// One link record (the brief form with `style.brief`).
pub fn print_link(p: &mut Printer, link: &Link, related: &Related, style: &LinkStyle) {
    let attrs = link.attrs();
    let info = &link.info;
    if link.msg_type == RTM_DELLINK {
        p.boolean(Kind::Any, Some("deleted"), "Deleted ", true);
    }
    if style.brief {
        print_brief(p, link, &attrs, related, style);
        return;
    }
    p.int(Kind::Any, Some("ifindex"), "{}: ", info.index);
    let m_down = print_name_and_link(p, "{}: ", link.name(), related);
    print_flags(p, info.flags, m_down);
    if let Some(mtu) = attrs.u32(IFLA_MTU) {
        p.int(Kind::Any, Some("mtu"), "mtu {} ", mtu);
    }
    if let Some(qdisc) = attrs.str(IFLA_QDISC) {
        p.string(Kind::Any, Some("qdisc"), "qdisc {} ", qdisc);
    }
    if attrs.has(IFLA_MASTER) {
        p.string(
            Kind::Any,
            Some("master"),
            "master {} ",
            related.master.as_deref().unwrap_or(b"*"),
        );
    }
    if let Some(state) = attrs.u8(IFLA_OPERSTATE) {
        print_operstate(p, state, false);
    }
    if style.do_link {
        if let Some(mode) = attrs.u8(IFLA_LINKMODE) {
            match LINK_MODES.get(mode as usize) {
                Some(name) => p.string(Kind::Any, Some("linkmode"), "mode {} ", name),
                None => p.int(Kind::Any, Some("linkmode_index"), "mode {} ", mode),
            }
        }
    }
    if let Some(group) = attrs.u32(IFLA_GROUP) {
        p.string(
            Kind::Any,
            Some("group"),
            "group {} ",
            group_name(group, style.numeric),
        );
    }
    if let Some(qlen) = attrs.i32(IFLA_TXQLEN).filter(|qlen| *qlen != 0) {
        p.int(Kind::Any, Some("txqlen"), "qlen {}", qlen);
    }
    if let Some(event) = attrs.u32(IFLA_EVENT) {
        print_event(p, event);
    }
    if style.family == AF_UNSPEC || style.family == AF_PACKET || style.details > 0 {
        print_link_addresses(p, info, &attrs, style.numeric);
    }
    if let Some(id) = attrs.i32(IFLA_LINK_NETNSID) {
        if p.is_json() {
            p.int(Kind::Json, Some("link_netnsid"), "", id);
        } else if id < 0 {
            p.text(" link-netnsid unknown");
        } else if let Some(name) = &related.link_netns {
            p.text(b" link-netns ");
            p.text(name);
        } else {
            p.text(format!(" link-netnsid {id}"));
        }
    }
    if let Some(id) = attrs.i32(IFLA_NEW_NETNSID) {
        match &related.new_netns {
            Some(name) => {
                p.text(b" new-netns ");
                p.text(name);
            }
            None => p.text(format!(" new-netnsid {id}")),
        }
    }
    if let Some(index) = attrs.i32(IFLA_NEW_IFINDEX) {
        p.text(format!(" new-ifindex {index}"));
    }
    print_proto_down(p, &attrs);
    if style.details > 0 {
        print_details(p, &attrs, style);
    }
    if style.do_link || style.details > 0 {
        if let Some(alias) = attrs.str(IFLA_IFALIAS) {
            let separator = p.line_break();
            p.text(separator);
            p.text("    ");
            p.string(Kind::Any, Some("ifalias"), "alias {}", alias);
        }
    }
    if style.do_link && style.stats > 0 {
        p.nl();
        print_link_stats(p, &attrs, style);
    }
    if let Some(props) = attrs.get(IFLA_PROP_LIST) {
        p.open_array(Kind::Json, "altnames", "");
        for (kind, name) in crate::kernel::attrs::iter(props) {
            if kind == IFLA_ALT_IFNAME {
                let separator = p.line_break();
                p.text(separator);
                p.text("    altname ");
                p.string(Kind::Any, None, "{}", cstr(name));
            }
        }
        p.close_array(Kind::Json, "");
    }
    p.text("\n");
}

fn print_event(p: &mut Printer, event: u32) {
    const EVENTS: &[&str] = &[
        "NONE",
        "REBOOT",
        "FEATURE CHANGE",
        "BONDING FAILOVER",
        "NOTIFY PEERS",
        "RESEND IGMP",
        "BONDING OPTION",
    ];
    match EVENTS.get(event as usize) {
        None => p.int(Kind::Any, Some("event"), "event {} ", event),
        Some(_) if event == 0 => {}
        Some(name) => p.string(Kind::Any, Some("event"), "event {} ", name),
    }
}

/// `struct rtnl_link_stats64`, read from IFLA_STATS64 or the 32-bit
/// IFLA_STATS (missing trailing counters read as zero).
#[derive(Debug, Default, Clone, Copy)]
struct Stats {
    rx_packets: u64,
    tx_packets: u64,
    rx_bytes: u64,
    tx_bytes: u64,
    rx_errors: u64,
    tx_errors: u64,
    rx_dropped: u64,
    tx_dropped: u64,
    multicast: u64,
    collisions: u64,
    rx_length_errors: u64,
    rx_over_errors: u64,
    rx_crc_errors: u64,
    rx_frame_errors: u64,
    rx_fifo_errors: u64,
    rx_missed_errors: u64,
    tx_aborted_errors: u64,
    tx_carrier_errors: u64,
    tx_fifo_errors: u64,
    tx_heartbeat_errors: u64,
    tx_window_errors: u64,
    rx_compressed: u64,
    tx_compressed: u64,
    rx_nohandler: u64,
    rx_otherhost_dropped: u64,
}

const STATS_FIELDS: usize = 25;

impl Stats {
    /// The counters, and whether they came from IFLA_STATS64.
    fn read(attrs: &Attrs) -> Option<(Stats, bool)> {
        let (bytes, width, is64) = match (attrs.get(IFLA_STATS64), attrs.get(IFLA_STATS)) {
            (Some(bytes), _) => (bytes, 8, true),
            (None, Some(bytes)) => (bytes, 4, false),
            (None, None) => return None,
        };
        let mut values = [0u64; STATS_FIELDS];
        let count = if is64 { STATS_FIELDS } else { 24 };
        for (i, value) in values.iter_mut().enumerate().take(count) {
            let Some(chunk) = bytes.get(i * width..(i + 1) * width) else {
                break;
            };
            *value = if width == 8 {
                u64::from_ne_bytes(chunk.try_into().expect("8 bytes"))
            } else {
                u32::from_ne_bytes(chunk.try_into().expect("4 bytes")) as u64
            };
        }
        let v = values;
        let stats = Stats {
            rx_packets: v[0],
            tx_packets: v[1],
            rx_bytes: v[2],
            tx_bytes: v[3],
            rx_errors: v[4],
            tx_errors: v[5],
            rx_dropped: v[6],
            tx_dropped: v[7],
            multicast: v[8],
            collisions: v[9],
            rx_length_errors: v[10],
            rx_over_errors: v[11],
            rx_crc_errors: v[12],
            rx_frame_errors: v[13],
            rx_fifo_errors: v[14],
            rx_missed_errors: v[15],
            tx_aborted_errors: v[16],
            tx_carrier_errors: v[17],
            tx_fifo_errors: v[18],
            tx_heartbeat_errors: v[19],
            tx_window_errors: v[20],
            rx_compressed: v[21],
            tx_compressed: v[22],
            rx_nohandler: v[23],
            rx_otherhost_dropped: v[24],
        };
        Some((stats, is64))
    }
}

/// ip's `print_num` with the style's `-h` and `-iec`.
fn number(width: usize, count: u64, style: &LinkStyle) -> String {
    print_num(width, count, style.human, style.iec)
}

/// The number of decimal digits of `value`.
fn digit_count(mut value: u64) -> usize {
    let mut digits = 1;
    while value >= 10 {
        value /= 10;
        digits += 1;
    }
    digits
}

fn size_columns(cols: &mut [usize; 8], values: [u64; 8], style: &LinkStyle) {
    if style.human {
        return;
    }
    for (col, value) in cols.iter_mut().zip(values) {
        let len = digit_count(value);
        if len > *col {
            *col = len;
        }
    }
}

/// The title row and value row of one direction (`RX:` or `TX:`): six
/// counters, and a seventh `compressed` column only when it is not zero.
#[allow(clippy::too_many_arguments)]
fn main_rows(
    text: &mut String,
    label: &str,
    titles: [&str; 6],
    values: [u64; 6],
    compressed: u64,
    cols: &[usize; 8],
    sl: &str,
    style: &LinkStyle,
) {
    text.push_str("    ");
    text.push_str(label);
    text.push_str(": ");
    push_right(text, titles[0], cols[0] - 4);
    for (title, width) in titles[1..].iter().zip(&cols[1..6]) {
        text.push(' ');
        push_right(text, title, *width);
    }
    text.push(' ');
    push_right(
        text,
        if compressed != 0 { "compressed" } else { "" },
        cols[6],
    );
    text.push_str(sl);
    text.push_str("    ");
    for (value, width) in values.iter().zip(&cols[..6]) {
        text.push_str(&number(*width, *value, style));
    }
    if compressed != 0 {
        text.push_str(&number(cols[6], compressed, style));
    }
}

/// One direction of the JSON statistics: the counters, `compressed` when
/// not zero, and with `-s -s` the error counters, of which the optional
/// ones appear only when given.
type ErrorCounters<'a> = (&'a [(&'a str, u64)], &'a [(&'a str, Option<u64>)]);

fn json_direction(
    p: &mut Printer,
    key: &str,
    counters: &[(&str, u64)],
    compressed: u64,
    errors: Option<ErrorCounters>,
) {
    let u = |p: &mut Printer, key: &str, value: u64| p.int(Kind::Json, Some(key), "", value);
    p.open_object(Some(key));
    for (name, value) in counters {
        u(p, name, *value);
    }
    if compressed != 0 {
        u(p, "compressed", compressed);
    }
    if let Some((always, optional)) = errors {
        for (name, value) in always {
            u(p, name, *value);
        }
        for (name, value) in optional {
            if let Some(value) = value {
                u(p, name, *value);
            }
        }
    }
    p.close_object();
}

/// ip's `print_stats64`, text and JSON.
fn print_link_stats(p: &mut Printer, attrs: &Attrs, style: &LinkStyle) {
    let Some((s, is64)) = Stats::read(attrs) else {
        return;
    };
    let carrier_changes = attrs.u32(IFLA_CARRIER_CHANGES);
    let detail = style.stats > 1;
    if p.is_json() {
        p.open_object(Some(if is64 { "stats64" } else { "stats" }));
        let nonzero = |value: u64| (value != 0).then_some(value);
        json_direction(
            p,
            "rx",
            &[
                ("bytes", s.rx_bytes),
                ("packets", s.rx_packets),
                ("errors", s.rx_errors),
                ("dropped", s.rx_dropped),
                ("over_errors", s.rx_over_errors),
                ("multicast", s.multicast),
            ],
            s.rx_compressed,
            detail.then_some((
                &[
                    ("length_errors", s.rx_length_errors),
                    ("crc_errors", s.rx_crc_errors),
                    ("frame_errors", s.rx_frame_errors),
                    ("fifo_errors", s.rx_fifo_errors),
                    ("missed_errors", s.rx_missed_errors),
                ][..],
                &[
                    ("nohandler", nonzero(s.rx_nohandler)),
                    ("otherhost", nonzero(s.rx_otherhost_dropped)),
                ][..],
            )),
        );
        json_direction(
            p,
            "tx",
            &[
                ("bytes", s.tx_bytes),
                ("packets", s.tx_packets),
                ("errors", s.tx_errors),
                ("dropped", s.tx_dropped),
                ("carrier_errors", s.tx_carrier_errors),
                ("collisions", s.collisions),
            ],
            s.tx_compressed,
            detail.then_some((
                &[
                    ("aborted_errors", s.tx_aborted_errors),
                    ("fifo_errors", s.tx_fifo_errors),
                    ("window_errors", s.tx_window_errors),
                    ("heartbeat_errors", s.tx_heartbeat_errors),
                ][..],
                &[("carrier_changes", carrier_changes.map(u64::from))][..],
            )),
        );
        p.close_object();
        return;
    }
    let mut cols: [usize; 8] = [10, 7, 6, 7, 7, 7, 10, 9];
    size_columns(
        &mut cols,
        [
            s.rx_bytes,
            s.rx_packets,
            s.rx_errors,
            s.rx_dropped,
            s.rx_missed_errors,
            s.multicast,
            s.rx_compressed,
            0,
        ],
        style,
    );
    if detail {
        size_columns(
            &mut cols,
            [
                0,
                s.rx_length_errors,
                s.rx_crc_errors,
                s.rx_frame_errors,
                s.rx_fifo_errors,
                s.rx_over_errors,
                s.rx_nohandler,
                s.rx_otherhost_dropped,
            ],
            style,
        );
    }
    size_columns(
        &mut cols,
        [
            s.tx_bytes,
            s.tx_packets,
            s.tx_errors,
            s.tx_dropped,
            s.tx_carrier_errors,
            s.collisions,
            s.tx_compressed,
            0,
        ],
        style,
    );
    if detail {
        size_columns(
            &mut cols,
            [
                0,
                0,
                s.tx_aborted_errors,
                s.tx_fifo_errors,
                s.tx_window_errors,
                s.tx_heartbeat_errors,
                carrier_changes.unwrap_or(0) as u64,
                0,
            ],
            style,
        );
    }
    let sl = p.line_break();
    let mut text = String::new();
    let row = |text: &mut String, values: &[(usize, u64)]| {
        for (width, value) in values {
            text.push_str(&number(*width, *value, style));
        }
    };
    main_rows(
        &mut text,
        "RX",
        ["bytes", "packets", "errors", "dropped", "missed", "mcast"],
        [
            s.rx_bytes,
            s.rx_packets,
            s.rx_errors,
            s.rx_dropped,
            s.rx_missed_errors,
            s.multicast,
        ],
        s.rx_compressed,
        &cols,
        sl,
        style,
    );
    if detail {
        text.push_str(sl);
        text.push_str(&format!(
            "    RX errors:{:>w0$} {:>w1$} {:>w2$} {:>w3$} {:>w4$} {:>w5$}{:>w6$}{:>w7$}{sl}",
            "",
            "length",
            "crc",
            "frame",
            "fifo",
            "overrun",
            if s.rx_nohandler != 0 {
                " nohandler"
            } else {
                ""
            },
            if s.rx_otherhost_dropped != 0 {
                " otherhost"
            } else {
                ""
            },
            w0 = cols[0].saturating_sub(10),
            w1 = cols[1],
            w2 = cols[2],
            w3 = cols[3],
            w4 = cols[4],
            w5 = cols[5],
            w6 = if s.rx_nohandler != 0 { cols[6] + 1 } else { 0 },
            w7 = if s.rx_otherhost_dropped != 0 {
                cols[7] + 1
            } else {
                0
            },
        ));
        text.push_str(&" ".repeat(cols[0] + 5));
        row(
            &mut text,
            &[
                (cols[1], s.rx_length_errors),
                (cols[2], s.rx_crc_errors),
                (cols[3], s.rx_frame_errors),
                (cols[4], s.rx_fifo_errors),
                (cols[5], s.rx_over_errors),
            ],
        );
        if s.rx_nohandler != 0 {
            row(&mut text, &[(cols[6], s.rx_nohandler)]);
        }
        if s.rx_otherhost_dropped != 0 {
            row(&mut text, &[(cols[7], s.rx_otherhost_dropped)]);
        }
    }
    text.push_str(sl);
    main_rows(
        &mut text,
        "TX",
        [
            "bytes", "packets", "errors", "dropped", "carrier", "collsns",
        ],
        [
            s.tx_bytes,
            s.tx_packets,
            s.tx_errors,
            s.tx_dropped,
            s.tx_carrier_errors,
            s.collisions,
        ],
        s.tx_compressed,
        &cols,
        sl,
        style,
    );
    if detail {
        text.push_str(sl);
        text.push_str(&format!(
            "    TX errors:{:>w0$} {:>w1$} {:>w2$} {:>w3$} {:>w4$} {:>w5$}{sl}",
            "",
            "aborted",
            "fifo",
            "window",
            "heartbt",
            if carrier_changes.is_some() {
                "transns"
            } else {
                ""
            },
            w0 = cols[0].saturating_sub(10),
            w1 = cols[1],
            w2 = cols[2],
            w3 = cols[3],
            w4 = cols[4],
            w5 = cols[5],
        ));
        text.push_str(&" ".repeat(cols[0] + 5));
        row(
            &mut text,
            &[
                (cols[1], s.tx_aborted_errors),
                (cols[2], s.tx_fifo_errors),
                (cols[3], s.tx_window_errors),
                (cols[4], s.tx_heartbeat_errors),
            ],
        );
        if let Some(changes) = carrier_changes {
            row(&mut text, &[(cols[5], changes as u64)]);
        }
    }
    p.text(text);
}

/// Statistics on their own (ip's `print_link_stats`, used by `ip -s addr`).
pub fn print_stats_block(p: &mut Printer, link: &Link, style: &LinkStyle) {
    print_link_stats(p, &link.attrs(), style);
    p.nl();
}

/// Where the names a link message points at come from: a listing asks the
/// kernel for those it has not seen yet, `monitor` has them all in
/// [`Names`].
pub(crate) trait LinkNames {
    type Error;
    /// Link `index`'s name, and whether it is known to be down (ip's
    /// `M-DOWN`, shown only for a link it has in its cache).
    fn link(&mut self, index: i32) -> Result<(Vec<u8>, bool), Self::Error>;
    /// The name of the namespace whose nsid is `id`, if it has one.
    fn namespace(&mut self, id: i32) -> Result<Option<Vec<u8>>, Self::Error>;
}

/// `monitor`'s names: ip's `ll_map` and nsid caches, filled beforehand.
impl LinkNames for &Names {
    type Error = std::convert::Infallible;

    fn link(&mut self, index: i32) -> Result<(Vec<u8>, bool), Self::Error> {
        let down = self
            .links
            .get(&index)
            .is_some_and(|known| known.flags & IFF_UP == 0);
        Ok((self.link_name(index), down))
    }

    fn namespace(&mut self, id: i32) -> Result<Option<Vec<u8>>, Self::Error> {
        Ok(self.nsids.get(&id).cloned())
    }
}

/// The links a link message names (its peer, its master) and the
/// namespaces of its peer, by `names`, in ip's order of lookups. The
/// namespaces are named in text only (`json`: not at all).
pub(crate) fn related<N: LinkNames>(
    link: &Link,
    json: bool,
    mut names: N,
) -> Result<Related, N::Error> {
    let attrs = link.attrs();
    let mut related = Related::default();
    if let Some(iflink) = attrs.i32(IFLA_LINK) {
        related.peer = Some(if iflink == 0 {
            Peer::None
        } else if attrs.has(IFLA_LINK_NETNSID) {
            Peer::Index(iflink)
        } else {
            let (name, down) = names.link(iflink)?;
            Peer::Named { name, down }
        });
    }
    if let Some(master) = attrs.i32(IFLA_MASTER) {
        related.master = Some(names.link(master)?.0);
    }
    for (attr, slot) in [
        (IFLA_LINK_NETNSID, &mut related.link_netns),
        (IFLA_NEW_NETNSID, &mut related.new_netns),
    ] {
        if let Some(id) = attrs.i32(attr).filter(|id| *id >= 0 && !json) {
            *slot = names.namespace(id)?;
        }
    }
    Ok(related)
}

/// ip's `print_linkinfo` outside a link listing (no mode, no qlen).
pub(crate) fn message(p: &mut Printer, msg_type: u16, payload: &[u8], names: &Names) {
    let Some(mut link) = Link::from_payload(msg_type, payload) else {
        return;
    };
    // ip shows the queue length only in listings (its `filter.showqueue`).
    link.attr_bytes = without_attribute(&link.attr_bytes, IFLA_TXQLEN);
    let o = &names.options;
    let style = LinkStyle::new(o, false, family_number(o.family));
    let Ok(related) = related(&link, p.is_json(), names);
    p.open_object(None);
    print_link(p, &link, &related, &style);
    p.close_object();
}

/// `attrs` (netlink attributes) with those of type `kind` left out.
fn without_attribute(attrs: &[u8], kind: u16) -> Vec<u8> {
    let mut kept = Vec::with_capacity(attrs.len());
    let mut rest = attrs;
    while rest.len() >= 4 {
        let len = usize::from(u16::from_ne_bytes([rest[0], rest[1]]));
        if len < 4 || len > rest.len() {
            break;
        }
        let end = crate::kernel::attrs::align4(len).min(rest.len());
        if u16::from_ne_bytes([rest[2], rest[3]]) & 0x3fff != kind {
            kept.extend_from_slice(&rest[..end]);
        }
        rest = &rest[end..];
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    fn style(human: bool, iec: bool) -> LinkStyle {
        LinkStyle {
            human,
            iec,
            ..LinkStyle::default()
        }
    }

    #[test]
    fn digit_counts_and_padding() {
        assert_eq!(digit_count(0), 1);
        assert_eq!(digit_count(9), 1);
        assert_eq!(digit_count(10), 2);
        assert_eq!(digit_count(u64::MAX), 20);
        let mut text = String::new();
        push_right(&mut text, "ab", 5);
        push_right(&mut text, "toolong", 3);
        assert_eq!(text, "   abtoolong");
    }

    #[test]
    fn human_numbers_follow_print_num() {
        assert_eq!(number(7, 999, &style(true, false)), "    999 ");
        assert_eq!(number(10, 1_484_000, &style(true, false)), "     1.48M ");
        assert_eq!(number(7, 10_000, &style(true, false)), "  10.0k ");
        assert_eq!(number(7, 123_456, &style(true, false)), "   123k ");
        assert_eq!(number(10, 1_484_000, &style(true, true)), "    1.42Mi ");
        assert_eq!(number(7, 10_000, &style(true, true)), " 9.77ki ");
        assert_eq!(number(7, 5, &style(false, false)), "      5 ");
    }
}
