//! rnet's `-table`: `link show`, `address show` and `netns list` as a table
//! for people, with headers, sized to the terminal.
//!
//! The listings decide what is shown (same kernel requests, same filters);
//! they hand each link here as a [`Row`] instead of printing it, and the
//! table is drawn once at the end with the `tabled` crate. The width is the
//! terminal's (TIOCGWINSZ on stdout), else `$COLUMNS`; the widest column is
//! wrapped to fit. With neither (a pipe, a file) nothing is wrapped: each
//! row gets the full width it needs, so `grep` and `awk` see whole names.

use tabled::builder::Builder;
use tabled::settings::style::HorizontalLine;
use tabled::settings::{Padding, Style};

use super::Printer;
use crate::grammar::inet::format_address;
use crate::model::address::{Address, IFA_ADDRESS};
use crate::model::link::*;
use crate::model::names::link_address;
use crate::objects::link::print::{Peer, Related};

const LINK_HEADERS: [&str; 8] = [
    "INDEX",
    "NAME",
    "STATE",
    "MTU",
    "MAC",
    "MASTER",
    "NETNS",
    "ADDRESSES",
];

/// One link of the table.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Row {
    pub cells: [String; 7],
    pub addresses: Vec<String>,
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// The link's own columns (addresses are added by the listing, which knows
/// which of them its filter keeps).
pub fn link_row(link: &Link, related: &Related) -> Row {
    let attrs = link.attrs();
    let mut name = text(link.name());
    match &related.peer {
        Some(Peer::Named { name: peer, .. }) => name = format!("{name}@{}", text(peer)),
        Some(Peer::Index(index)) => name = format!("{name}@if{index}"),
        Some(Peer::None) => name.push_str("@NONE"),
        None => {}
    }
    let state = attrs
        .u8(IFLA_OPERSTATE)
        .map(|state| {
            OPER_STATES
                .get(state as usize)
                .map_or_else(|| format!("{state:#x}"), |s| s.to_string())
        })
        .unwrap_or_default();
    let mtu = attrs
        .u32(IFLA_MTU)
        .map(|m| m.to_string())
        .unwrap_or_default();
    let mac = attrs
        .get(IFLA_ADDRESS)
        .map(|a| link_address(a, link.info.link_type))
        .unwrap_or_default();
    let master = related.master.as_deref().map(text).unwrap_or_default();
    let netns = match (&related.link_netns, attrs.i32(IFLA_LINK_NETNSID)) {
        (Some(name), _) => text(name),
        (None, Some(id)) if id >= 0 => format!("nsid {id}"),
        _ => String::new(),
    };
    Row {
        cells: [
            link.info.index.to_string(),
            name,
            state,
            mtu,
            mac,
            master,
            netns,
        ],
        addresses: Vec::new(),
    }
}

/// An address as the table shows it: `LOCAL/LEN` or `LOCAL peer PEER/LEN`.
pub fn address_cell(address: &Address) -> Option<String> {
    let attrs = address.attrs();
    let family = address.header.family;
    let local = address.local(&attrs)?;
    let len = address.header.prefixlen;
    let peer = attrs.get(IFA_ADDRESS).filter(|peer| *peer != local);
    Some(match peer {
        Some(peer) => format!(
            "{} peer {}/{len}",
            format_address(family, local),
            format_address(family, peer)
        ),
        None => format!("{}/{len}", format_address(family, local)),
    })
}

/// The width to fit: the terminal's, `$COLUMNS`, or unlimited.
pub fn width() -> usize {
    let mut size = nix::libc::winsize {
        ws_row: 0,
        ws_col: 0,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    // SAFETY: TIOCGWINSZ writes one winsize into the struct it is given.
    let ok = unsafe { nix::libc::ioctl(1, nix::libc::TIOCGWINSZ, &mut size) } == 0;
    if ok && size.ws_col > 0 {
        return size.ws_col as usize;
    }
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse().ok())
        .filter(|c: &usize| *c > 0)
        .unwrap_or(usize::MAX)
}

/// The widest line of each column.
fn column_widths(records: &[Vec<String>]) -> Vec<usize> {
    let mut widths = Vec::new();
    for record in records {
        widths.resize(widths.len().max(record.len()), 0);
        for (at, cell) in record.iter().enumerate() {
            let widest = cell.lines().map(|l| l.chars().count()).max().unwrap_or(0);
            widths[at] = widths[at].max(widest);
        }
    }
    widths
}

/// Columns two spaces apart under a rule: more room for the data than
/// boxed cells on an 80-column terminal.
const GAP: usize = 2;
/// A wrapped column keeps at least this many characters; a table that
/// cannot fit then stays wider than the terminal rather than being shredded.
const NARROWEST: usize = 10;

/// The width each column gets: while the table is wider than `width`, the
/// widest column that may wrap loses one character.
fn fitted(mut widths: Vec<usize>, wraps: &[bool], width: usize) -> Vec<usize> {
    loop {
        let total: usize = widths.iter().map(|w| w + GAP).sum();
        if total <= width {
            return widths;
        }
        let widest = (0..widths.len())
            .filter(|&at| wraps.get(at).copied().unwrap_or(true) && widths[at] > NARROWEST)
            .max_by_key(|&at| (widths[at], at));
        match widest {
            Some(at) => widths[at] -= 1,
            None => return widths,
        }
    }
}

/// `line` in lines of at most `width` characters, broken at spaces where
/// it can be and inside a word where a word is longer than a line.
fn wrap_line(line: &str, width: usize, out: &mut Vec<String>) {
    let mut current = String::new();
    for word in line.split(' ') {
        let mut word: Vec<char> = word.chars().collect();
        let used = current.chars().count();
        if used > 0 && used + 1 + word.len() <= width {
            current.push(' ');
            current.extend(&word);
            continue;
        }
        if used > 0 {
            out.push(std::mem::take(&mut current));
        }
        while word.len() > width {
            out.push(word.drain(..width).collect());
        }
        current.extend(&word);
    }
    out.push(current);
}

fn wrap_cell(cell: &str, width: usize) -> String {
    let mut lines = Vec::new();
    for line in cell.lines() {
        wrap_line(line, width, &mut lines);
    }
    lines.join("\n")
}

/// Draws `records` (headers first); `wraps` says which columns may wrap.
fn draw(mut records: Vec<Vec<String>>, wraps: &[bool], width: usize) -> String {
    let natural = column_widths(&records);
    let widths = fitted(natural.clone(), wraps, width);
    for record in records.iter_mut() {
        for (at, cell) in record.iter_mut().enumerate() {
            if widths[at] < natural[at] {
                *cell = wrap_cell(cell, widths[at]);
            }
        }
    }
    let mut builder = Builder::default();
    for record in records {
        builder.push_record(record);
    }
    let mut table = builder.build();
    // Blank style: one space between columns, plus one of padding.
    table
        .with(Style::blank().horizontals([(1, HorizontalLine::new('-').intersection('-'))]))
        .with(Padding::new(0, GAP - 1, 0, 0));
    let mut text = String::new();
    for line in table.to_string().lines() {
        text.push_str(line.trim_end());
        text.push('\n');
    }
    text
}

/// Renders the link table.
pub fn links(rows: &[Row], width: usize) -> String {
    let mut records = vec![LINK_HEADERS.iter().map(|h| h.to_string()).collect()];
    for row in rows {
        let mut record: Vec<String> = row.cells.to_vec();
        record.push(row.addresses.join("\n"));
        records.push(record);
    }
    // Index, MTU and MAC never wrap: a broken MAC is harder to read than a
    // table wider than the terminal.
    let wraps = [false, true, true, false, false, true, true, true];
    draw(records, &wraps, width)
}

/// Renders the namespace table: name and nsid.
pub fn namespaces(rows: &[(String, Option<i32>)], width: usize) -> String {
    let mut records = vec![vec!["NAME".to_string(), "ID".to_string()]];
    for (name, id) in rows {
        records.push(vec![
            name.clone(),
            id.map(|id| id.to_string()).unwrap_or_default(),
        ]);
    }
    draw(records, &[true, false], width)
}

const ROUTE_HEADERS: [&str; 8] = [
    "DESTINATION",
    "GATEWAY",
    "DEV",
    "PROTO",
    "SCOPE",
    "SRC",
    "METRIC",
    "TABLE",
];

/// One route of the table, from its RTM_NEWROUTE payload: what ip's line
/// shows, one column each (names as `-N` asks). A multipath route lists its
/// nexthops one per line in GATEWAY and DEV. `None` for a payload that is
/// no route.
pub fn route_row(
    payload: &[u8],
    link_name: &dyn Fn(u32) -> Vec<u8>,
    numeric: bool,
) -> Option<Vec<String>> {
    use crate::grammar::inet::af_bit_len;
    use crate::model::route::*;
    use crate::model::rt_names;
    let header = Header::parse(payload)?;
    let attrs = crate::kernel::attrs::Attrs::parse(&payload[HEADER_LEN..], RTA_MAX);
    let family = header.family;
    let mut destination = match attrs.get(RTA_DST) {
        Some(dst) if i32::from(header.dst_len) == af_bit_len(family) => format_address(family, dst),
        Some(dst) => format!("{}/{}", format_address(family, dst), header.dst_len),
        None if header.dst_len != 0 => format!("0/{}", header.dst_len),
        None => "default".to_string(),
    };
    if header.kind != RTN_UNICAST {
        destination = format!(
            "{} {destination}",
            rt_names::route_type_name(header.kind, numeric)
        );
    }
    let via = |attrs: &crate::kernel::attrs::Attrs<'_>| {
        attrs
            .get(RTA_GATEWAY)
            .map(|gateway| format_address(family, gateway))
            .or_else(|| {
                attrs
                    .get(RTA_VIA)
                    .filter(|v| v.len() > 2)
                    .map(|v| format_address(u16::from_ne_bytes([v[0], v[1]]) as u8, &v[2..]))
            })
            .unwrap_or_default()
    };
    let mut gateways = vec![via(&attrs)];
    let mut devices = vec![attrs
        .u32(RTA_OIF)
        .map(|index| text(&link_name(index)))
        .unwrap_or_default()];
    if let Some(multipath) = attrs.get(RTA_MULTIPATH) {
        gateways.clear();
        devices.clear();
        for hop in nexthops(multipath) {
            let hop_attrs = crate::kernel::attrs::Attrs::parse(hop.attrs, RTA_MAX);
            gateways.push(via(&hop_attrs));
            devices.push(text(&link_name(hop.ifindex as u32)));
        }
    }
    let table = attrs.u32(RTA_TABLE).unwrap_or(header.table.into());
    Some(vec![
        destination,
        gateways.join("\n"),
        devices.join("\n"),
        rt_names::protocol_name(header.protocol, numeric),
        rt_names::scope_name(header.scope, numeric),
        attrs
            .get(RTA_PREFSRC)
            .map(|src| format_address(family, src))
            .unwrap_or_default(),
        attrs
            .u32(RTA_PRIORITY)
            .map(|metric| metric.to_string())
            .unwrap_or_default(),
        rt_names::table_name(table, numeric),
    ])
}

/// Renders the route table.
pub fn routes(rows: &[Vec<String>], width: usize) -> String {
    let mut records = vec![ROUTE_HEADERS.iter().map(|h| h.to_string()).collect()];
    records.extend(rows.iter().cloned());
    // Addresses do not wrap: a broken address reads as another one.
    let wraps = [false, false, true, true, true, false, false, true];
    draw(records, &wraps, width)
}

const NEIGHBOR_HEADERS: [&str; 6] = ["ADDRESS", "DEVICE", "LLADDR", "STATE", "FLAGS", "PROTO"];

/// One neighbour entry's cells; `dev` and `link_type` are its device's.
pub fn neighbor_row(
    neigh: &crate::model::neighbor::Neighbor<'_>,
    dev: &[u8],
    link_type: u16,
    numeric: bool,
) -> [String; 6] {
    use crate::model::neighbor::*;
    let address = neigh
        .dst()
        .map(|dst| {
            let family = match (neigh.header.family, dst.len()) {
                (crate::grammar::inet::AF_BRIDGE, 16) => crate::grammar::inet::AF_INET6,
                (crate::grammar::inet::AF_BRIDGE, _) => crate::grammar::inet::AF_INET,
                (family, _) => family,
            };
            format_address(family, dst)
        })
        .unwrap_or_default();
    let lladdr = neigh
        .lladdr()
        .map(|bytes| link_address(bytes, link_type))
        .unwrap_or_default();
    let states: Vec<&str> = NUD_NAMES
        .iter()
        .filter(|(bit, _)| neigh.header.state & bit != 0)
        .map(|(_, name)| *name)
        .collect();
    let mut flags = Vec::new();
    for (flag, name) in [
        (NTF_ROUTER, "router"),
        (NTF_PROXY, "proxy"),
        (NTF_EXT_LEARNED, "extern_learn"),
        (NTF_OFFLOADED, "offload"),
    ] {
        if neigh.header.flags & flag != 0 {
            flags.push(name);
        }
    }
    if neigh.ext_flags() & NTF_EXT_MANAGED != 0 {
        flags.push("managed");
    }
    let protocol = match neigh.protocol() {
        0 => String::new(),
        protocol => crate::model::rt_names::protocol_name(protocol, numeric),
    };
    [
        address,
        text(dev),
        lladdr,
        states.join(" "),
        flags.join(" "),
        protocol,
    ]
}

/// Renders the neighbour table.
pub fn neighbors(rows: &[[String; 6]], width: usize) -> String {
    let mut records = vec![NEIGHBOR_HEADERS.iter().map(|h| h.to_string()).collect()];
    records.extend(rows.iter().map(|row| row.to_vec()));
    draw(records, &[true, true, false, true, true, true], width)
}

/// Writes a rendered table.
pub fn print(p: &mut Printer, table: &str) {
    p.raw(table.as_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_have_headers_and_fit() {
        let row = Row {
            cells: [
                "2".into(),
                "veth0@veth1".into(),
                "UP".into(),
                "1500".into(),
                "aa:bb:cc:dd:ee:ff".into(),
                String::new(),
                "ns1".into(),
            ],
            addresses: vec!["192.0.2.1/24".into(), "2001:db8::1/64".into()],
        };
        let text = links(std::slice::from_ref(&row), 80);
        assert!(
            text.lines().all(|line| line.chars().count() <= 80),
            "{text}"
        );
        assert!(
            text.lines()
                .nth(2)
                .unwrap()
                .starts_with("2      veth0@veth1"),
            "{text}"
        );
        let mut lines = Vec::new();
        wrap_line("192.0.2.5 peer 192.0.2.6/32", 12, &mut lines);
        assert_eq!(lines, ["192.0.2.5", "peer", "192.0.2.6/32"]);
        assert_eq!(
            wrap_cell("192.0.2.1/24\n2001:db8::1/64", 12),
            "192.0.2.1/24\n2001:db8::1/\n64"
        );
        let wide = links(&[row], 200);
        assert_eq!(wide.lines().count(), 4, "{wide}");
        assert!(
            wide.lines()
                .nth(2)
                .unwrap()
                .ends_with("ns1    192.0.2.1/24"),
            "{wide}"
        );
        assert!(text.lines().next().unwrap().contains("INDEX"));
        let text = namespaces(&[("a".into(), Some(0)), ("b".into(), None)], 80);
        assert_eq!(text.lines().count(), 4, "{text}");
        let route = [
            2u8, 24, 0, 0, 254, 4, 0, 1, 0, 0, 0, 0, 8, 0, 1, 0, 192, 0, 2, 0, 8, 0, 5, 0, 198, 51,
            100, 1, 8, 0, 4, 0, 3, 0, 0, 0,
        ];
        let row = route_row(&route, &|_| b"v0".to_vec(), false).unwrap();
        assert_eq!(
            row,
            [
                "192.0.2.0/24",
                "198.51.100.1",
                "v0",
                "static",
                "global",
                "",
                "",
                "main"
            ]
        );
        let text = routes(&[row], 80);
        assert!(
            text.lines().next().unwrap().starts_with("DESTINATION"),
            "{text}"
        );
        assert_eq!(text.lines().count(), 3, "{text}");
    }
}
