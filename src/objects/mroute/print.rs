//! One multicast route in ip's layout (ip/ipmroute.c `print_mroute`):
//! `(SRC,DST) padded to 32, Iif: IIF Oifs: OIF[(ttl N)] ... State: S`,
//! the same calls giving text and JSON.

use crate::kernel::attrs::{align4, Attrs};
use crate::model::route::{
    HEADER_LEN, RTA_EXPIRES, RTA_IIF, RTA_MAX, RTA_MFC_STATS, RTA_MULTIPATH, RTA_TABLE, RTNH_LEN,
};
use crate::model::rt_names;
use crate::model::rule::address_text;
use crate::output::{format_g, null, Color, Kind, Names, Printer};

pub const RTM_NEWROUTE: u16 = 24;
pub const RTM_DELROUTE: u16 = 25;
pub const RTM_GETROUTE: u16 = 26;
pub const RTN_MULTICAST: u8 = 5;
pub const RTNL_FAMILY_IPMR: u8 = 128;
pub const RTNL_FAMILY_IP6MR: u8 = 129;
pub const RTA_DST: u16 = 1;
pub const RTA_SRC: u16 = 2;
const RTNH_F_OFFLOAD: u32 = 8;
const RTNH_F_UNRESOLVED: u32 = 32;
const RT_TABLE_MAIN: u32 = 254;

/// One RTM_NEWROUTE/RTM_DELROUTE of a multicast route dump.
pub struct Mroute<'a> {
    pub family: u8,
    pub table: u8,
    pub route_type: u8,
    pub flags: u32,
    pub attrs: Attrs<'a>,
}

impl<'a> Mroute<'a> {
    /// `None` when the payload is shorter than its rtmsg.
    pub fn parse(payload: &'a [u8]) -> Option<Self> {
        let header = payload.get(..HEADER_LEN)?;
        Some(Mroute {
            family: header[0],
            table: header[4],
            route_type: header[7],
            flags: u32::from_ne_bytes(header[8..12].try_into().ok()?),
            attrs: Attrs::parse(&payload[HEADER_LEN..], RTA_MAX),
        })
    }

    /// ip's `rtm_get_table`: RTA_TABLE, else the header's table.
    pub fn table_id(&self) -> u32 {
        self.attrs.u32(RTA_TABLE).unwrap_or(u32::from(self.table))
    }

    /// The incoming device, 0 when unresolved.
    pub fn iif(&self) -> i32 {
        self.attrs.i32(RTA_IIF).unwrap_or(0)
    }

    /// The outgoing devices and their TTL thresholds, as ip walks them.
    pub fn oifs(&self) -> Vec<(i32, u8)> {
        let mut oifs = Vec::new();
        let mut rest = self.attrs.get(RTA_MULTIPATH).unwrap_or_default();
        while rest.len() >= RTNH_LEN {
            let len = usize::from(u16::from_ne_bytes([rest[0], rest[1]]));
            // A length below the header's would make ip loop forever.
            if len > rest.len() || len < RTNH_LEN {
                break;
            }
            let ifindex = i32::from_ne_bytes(rest[4..8].try_into().expect("4 bytes"));
            oifs.push((ifindex, rest[3]));
            rest = rest.get(align4(len)..).unwrap_or_default();
        }
        oifs
    }

    /// The address family of the addresses (ip's `get_real_family`).
    fn address_family(&self) -> u8 {
        match self.family {
            RTNL_FAMILY_IPMR => 2,
            RTNL_FAMILY_IP6MR => 10,
            other => other,
        }
    }
}

/// What the layout depends on: `-s`, `-d`, `-N` and a `table` filter.
#[derive(Debug, Clone, Copy, Default)]
pub struct Style {
    pub stats: bool,
    pub details: bool,
    pub numeric: bool,
    /// A table was asked for (then the table is not printed).
    pub table_filter: bool,
}

/// Prints one route; `iif` and `oifs` are the device names, looked up
/// beforehand (`oifs` in the order of [`Mroute::oifs`]).
pub fn print_mroute(
    p: &mut Printer,
    msg_type: u16,
    route: &Mroute<'_>,
    iif: Option<&[u8]>,
    oifs: &[Vec<u8>],
    style: Style,
) {
    let attrs = &route.attrs;
    let family = route.address_family();
    let address = |kind| {
        attrs
            .get(kind)
            .map_or("unknown".to_string(), |bytes| address_text(family, bytes))
    };
    p.open_object(None);
    if msg_type == RTM_DELROUTE {
        p.boolean(Kind::Any, Some("deleted"), "Deleted ", true);
    }
    let (src, dst) = (address(RTA_SRC), address(RTA_DST));
    if p.is_json() {
        p.string(Kind::Json, Some("src"), "", &src);
        p.string(Kind::Json, Some("dst"), "", &dst);
    } else {
        let pair = format!("({src},{dst})");
        p.text(format!("{pair:<32} Iif: "));
    }
    match iif {
        Some(name) if p.is_json() => p.string(Kind::Json, Some("iif"), "", name),
        Some(name) => {
            let mut padded = name.to_vec();
            padded.resize(name.len().max(10), b' ');
            p.color_string(Kind::Text, Some(Color::Ifname), None, "{} ", padded);
        }
        None => p.string(Kind::Any, Some("iif"), "{} ", "unresolved"),
    }
    if attrs.has(RTA_MULTIPATH) {
        p.open_array(Kind::Json, "multipath", "");
        for (at, ((_, hops), name)) in route.oifs().iter().zip(oifs).enumerate() {
            p.open_object(None);
            if at == 0 {
                p.text("Oifs: ");
            }
            p.color_string(Kind::Any, Some(Color::Ifname), Some("oif"), "{}", name);
            if *hops > 1 {
                p.int(Kind::Any, Some("ttl"), "(ttl {}) ", *hops);
            } else {
                p.text(" ");
            }
            p.close_object();
        }
        p.close_array(Kind::Json, "");
    }
    let state = if route.flags & RTNH_F_UNRESOLVED != 0 {
        "unresolved"
    } else {
        "resolved"
    };
    p.string(Kind::Any, Some("state"), " State: {}", state);
    if route.flags & RTNH_F_OFFLOAD != 0 {
        null(p, "offload", " offload");
    }
    if style.stats {
        if let Some(stats) = attrs.get(RTA_MFC_STATS).filter(|s| s.len() >= 24) {
            let counter = |at: usize| u64::from_ne_bytes(stats[at..at + 8].try_into().expect("8"));
            p.nl();
            p.int(Kind::Any, Some("packets"), "  {} packets,", counter(0));
            p.int(Kind::Any, Some("bytes"), " {} bytes", counter(8));
            if counter(16) != 0 {
                p.int(
                    Kind::Any,
                    Some("wrong_if"),
                    ", {} arrived on wrong iif.",
                    counter(16),
                );
            }
        }
        if let Some(jiffies) = attrs.u64(RTA_EXPIRES) {
            // ip's __jiffies_to_tv counts 100 ticks a second.
            let usec = jiffies.wrapping_mul(10_000);
            let age = (usec / 1_000_000) as f64 + (usec % 1_000_000) as f64 / 1_000_000.0;
            p.number(Kind::Json, Some("expires"), "", &format_g(age));
            p.text(format!(", Age {age:.2}"));
        }
    }
    let table = route.table_id();
    if table != 0 && (table != RT_TABLE_MAIN || style.details) && !style.table_filter {
        p.string(
            Kind::Any,
            Some("table"),
            " Table: {}",
            rt_names::table_name(table, style.numeric),
        );
    }
    p.text("\n");
    p.close_object();
}

/// ip's `print_mroute` of any table.
pub(crate) fn message(p: &mut Printer, msg_type: u16, payload: &[u8], names: &Names) {
    let Some(route) = Mroute::parse(payload) else {
        return;
    };
    let o = &names.options;
    let style = Style {
        stats: o.stats > 0,
        details: o.details > 0,
        numeric: o.numeric > 0,
        table_filter: false,
    };
    let iif = match route.iif() {
        0 => None,
        index => Some(names.link_name(index)),
    };
    let oifs: Vec<Vec<u8>> = route
        .oifs()
        .into_iter()
        .map(|(index, _)| names.link_name(index))
        .collect();
    print_mroute(p, msg_type, &route, iif.as_deref(), &oifs, style);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grammar::options::Options;
    use crate::kernel::attrs::Request;

    fn route() -> Vec<u8> {
        let mut nexthops = Vec::new();
        for (ifindex, hops) in [(3i32, 1u8), (4, 2)] {
            nexthops.extend_from_slice(&8u16.to_ne_bytes());
            nexthops.extend_from_slice(&[0, hops]);
            nexthops.extend_from_slice(&ifindex.to_ne_bytes());
        }
        let mut stats = Vec::new();
        for value in [5u64, 420, 1] {
            stats.extend_from_slice(&value.to_ne_bytes());
        }
        let mut bytes = Request::new(RTM_NEWROUTE, 0)
            .fixed(&[128, 32, 32, 0, 253, 0, 0, 5, 32, 0, 0, 0])
            .attr_u32(RTA_TABLE, 253)
            .attr(RTA_SRC, &[192, 0, 2, 1])
            .attr(RTA_DST, &[239, 1, 1, 1])
            .attr_u32(RTA_IIF, 2)
            .attr(RTA_MULTIPATH, &nexthops)
            .attr(RTA_MFC_STATS, &stats)
            .attr(RTA_EXPIRES, &150u64.to_ne_bytes())
            .finish(0);
        bytes.drain(..16);
        bytes
    }

    fn printed(options: &Options, style: Style) -> String {
        let payload = route();
        let route = Mroute::parse(&payload).unwrap();
        assert_eq!(route.oifs(), [(3, 1), (4, 2)]);
        let names = [b"vb".to_vec(), b"vc".to_vec()];
        let (mut p, buffer) = Printer::capture(options);
        p.begin_list();
        print_mroute(&mut p, RTM_NEWROUTE, &route, Some(b"va"), &names, style);
        p.end_list();
        p.flush();
        let text = String::from_utf8(buffer.lock().unwrap().clone()).unwrap();
        text
    }

    /// Expected texts follow ipmroute.c's format strings: this machine's
    /// kernel has no multicast routing, so there is no ip output to copy.
    #[test]
    fn routes_in_ip_layout() {
        let style = Style {
            stats: true,
            ..Style::default()
        };
        assert_eq!(
            printed(&Options::default(), style),
            "(192.0.2.1,239.1.1.1)            Iif: va         Oifs: vb vc(ttl 2)  \
             State: unresolved\n  5 packets, 420 bytes, 1 arrived on wrong iif., Age 1.50 \
             Table: default\n"
        );
        let json = Options {
            json: 1,
            ..Options::default()
        };
        assert_eq!(
            printed(&json, Style::default()),
            "[{\"src\":\"192.0.2.1\",\"dst\":\"239.1.1.1\",\"iif\":\"va\",\"multipath\":\
             [{\"oif\":\"vb\"},{\"oif\":\"vc\",\"ttl\":2}],\"state\":\"unresolved\",\
             \"table\":\"default\"}]\n"
        );
    }
}
