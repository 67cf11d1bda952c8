//! One neighbour cache entry in ip's layout (ip/ipneigh.c `print_neigh`):
//! `DST [dev DEV] [lladdr LLADDR] [flags] [stats] [STATE…] [proto P]`,
//! and the `-brief` columns. Text and JSON come from the same calls; the
//! device's name and link type are looked up by the caller beforehand
//! ([`message`], the object's [`crate::output::PrintMessage`], takes them
//! from `Names`).

use crate::grammar::inet::{format_address, resolve_address, AF_BRIDGE, AF_INET, AF_INET6};
use crate::model::names::link_address;
use crate::model::neighbor::*;
use crate::model::rt_names;
use crate::objects::rule::print::family_color;
use crate::output::{Color, Kind, Names, Printer};

/// What the output depends on besides the message.
#[derive(Debug, Clone, Copy, Default)]
pub struct Style {
    /// `-s`: cache times and probes.
    pub stats: bool,
    pub numeric: bool,
    pub resolve: bool,
    pub brief: bool,
    /// A `dev` filter was given: ip leaves the device out.
    pub hide_dev: bool,
    /// USER_HZ, the unit of the cache times.
    pub hz: u32,
}

/// The device an entry is on: its name (ip's `ll_index_to_name`) and link
/// type (`ll_index_to_type`, which decides how the lladdr is written).
#[derive(Debug, Clone, Copy)]
pub struct Device<'a> {
    pub name: &'a [u8],
    pub link_type: u16,
}

/// The destination and the family its color and text follow (a bridge
/// entry's address is IPv4 or IPv6 by its length).
fn destination(neigh: &Neighbor<'_>, resolve: bool) -> Option<(u8, String)> {
    let dst = neigh.dst()?;
    let family = match neigh.header.family {
        AF_BRIDGE if dst.len() == 16 => AF_INET6,
        AF_BRIDGE => AF_INET,
        family => family,
    };
    let text = resolve
        .then(|| resolve_address(family, dst))
        .flatten()
        .unwrap_or_else(|| format_address(family, dst));
    Some((family, text))
}

/// ip's `print_null`: the text in text mode, `"key": null` in JSON.
fn null(p: &mut Printer, key: &str) {
    if p.is_json() {
        p.null(key);
    } else {
        p.text(format!("{key} "));
    }
}

pub fn print_neigh(
    p: &mut Printer,
    msg_type: u16,
    neigh: &Neighbor<'_>,
    device: Option<Device<'_>>,
    style: Style,
) {
    p.open_object(None);
    print_fields(p, msg_type, neigh, device, style);
    p.close_object();
}

/// The entry's fields, in the object the caller opened (rnet's
/// `-json-all` prints each as a document of its own).
pub fn print_fields(
    p: &mut Printer,
    msg_type: u16,
    neigh: &Neighbor<'_>,
    device: Option<Device<'_>>,
    style: Style,
) {
    let header = &neigh.header;
    if msg_type == RTM_DELNEIGH {
        p.boolean(Kind::Any, Some("deleted"), "Deleted ", true);
    } else if msg_type == RTM_GETNEIGH {
        null(p, "miss");
    }
    let show_dev = !style.hide_dev && header.ifindex != 0;
    let lladdr = neigh
        .lladdr()
        .map(|bytes| link_address(bytes, device.map_or(0, |d| d.link_type)));
    let dev_name = device.map_or(&b""[..], |d| d.name);
    let json = p.is_json();

    if style.brief {
        if let Some((family, dst)) = destination(neigh, style.resolve) {
            let dst = if json { dst } else { format!("{dst:<39}") };
            p.color_string(Kind::Any, family_color(family), Some("dst"), "{} ", dst);
        }
        if show_dev {
            let mut name = dev_name.to_vec();
            if !json && name.len() < 16 {
                name.resize(16, b' ');
            }
            p.color_string(Kind::Any, Some(Color::Ifname), Some("dev"), "{} ", name);
        }
        if let Some(lladdr) = lladdr {
            p.color_string(Kind::Any, Some(Color::Mac), Some("lladdr"), "{}", lladdr);
        }
        p.text("\n");
        return;
    }

    if let Some((family, dst)) = destination(neigh, style.resolve) {
        p.color_string(Kind::Any, family_color(family), Some("dst"), "{} ", dst);
    }
    if show_dev {
        p.text("dev ");
        p.color_string(Kind::Any, Some(Color::Ifname), Some("dev"), "{} ", dev_name);
    }
    if let Some(lladdr) = lladdr {
        p.text("lladdr ");
        p.color_string(Kind::Any, Some(Color::Mac), Some("lladdr"), "{} ", lladdr);
    }
    if header.flags & NTF_ROUTER != 0 {
        null(p, "router");
    }
    if header.flags & NTF_PROXY != 0 {
        null(p, "proxy");
    }
    if neigh.ext_flags() & NTF_EXT_MANAGED != 0 {
        null(p, "managed");
    }
    if header.flags & NTF_EXT_LEARNED != 0 {
        null(p, "extern_learn");
    }
    if header.flags & NTF_OFFLOADED != 0 {
        null(p, "offload");
    }
    if style.stats {
        if let Some(info) = neigh.cacheinfo() {
            let hz = style.hz.max(1);
            if info.refcnt != 0 {
                p.int(Kind::Any, Some("refcnt"), " ref {}", info.refcnt);
            }
            p.int(Kind::Any, Some("used"), " used {}", info.used / hz);
            p.int(Kind::Any, Some("confirmed"), "/{}", info.confirmed / hz);
            p.int(Kind::Any, Some("updated"), "/{}", info.updated / hz);
        }
        if let Some(probes) = neigh.attrs.u32(NDA_PROBES) {
            p.int(Kind::Any, Some("probes"), "probes {} ", probes);
        }
    }
    if header.state != 0 {
        p.open_array(Kind::Json, "state", "");
        for (bit, name) in NUD_NAMES {
            if header.state & bit != 0 {
                p.string(Kind::Any, None, "{} ", name);
            }
        }
        p.close_array(Kind::Json, "");
    }
    let protocol = neigh.protocol();
    if protocol != 0 {
        p.string(
            Kind::Any,
            Some("protocol"),
            "proto {} ",
            rt_names::protocol_name(protocol, style.numeric),
        );
    }
    p.text("\n");
}

/// ip's `print_neigh` with the device shown.
pub(crate) fn message(p: &mut Printer, msg_type: u16, payload: &[u8], names: &Names) {
    let Some(neigh) = Neighbor::parse(payload) else {
        return;
    };
    let o = &names.options;
    // SAFETY: sysconf only reads a system constant.
    let hz = unsafe { nix::libc::sysconf(nix::libc::_SC_CLK_TCK) };
    let style = Style {
        stats: o.stats > 0,
        numeric: o.numeric > 0,
        resolve: o.resolve > 0,
        brief: o.brief > 0,
        hide_dev: names.device_selected,
        hz: u32::try_from(hz).unwrap_or(100),
    };
    let index = neigh.header.ifindex;
    let name = names.link_name(index);
    let device = Device {
        name: &name,
        link_type: names.link_type(index),
    };
    print_neigh(p, msg_type, &neigh, Some(device), style);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grammar::options::Options;

    fn message() -> Vec<u8> {
        let header = NdMsg {
            family: AF_INET,
            ifindex: 3,
            state: NUD_STALE,
            flags: NTF_ROUTER,
            kind: 1,
        };
        crate::kernel::attrs::Request::new(RTM_NEWNEIGH, 0)
            .fixed(&header.bytes())
            .attr(NDA_DST, &[192, 0, 2, 6])
            .attr(NDA_LLADDR, &[2, 0, 0, 0, 0, 6])
            .attr(
                NDA_CACHEINFO,
                &[0, 0, 0, 0, 100, 0, 0, 0, 200, 0, 0, 0, 1, 0, 0, 0],
            )
            .attr(NDA_PROBES, &[0, 0, 0, 0])
            .attr(NDA_PROTOCOL, &[4])
            .finish(1)[16..]
            .to_vec()
    }

    fn render(json: bool, style: Style) -> String {
        let options = Options {
            json: u32::from(json),
            ..Options::default()
        };
        let (mut p, buffer) = Printer::capture(&options);
        let payload = message();
        let neigh = Neighbor::parse(&payload).unwrap();
        p.begin_list();
        let device = Device {
            name: b"va",
            link_type: 1,
        };
        print_neigh(&mut p, RTM_NEWNEIGH, &neigh, Some(device), style);
        p.end_list();
        p.flush();
        let text = String::from_utf8(buffer.lock().unwrap().clone()).unwrap();
        text
    }

    #[test]
    fn entries_print_as_ip_prints_them() {
        let style = Style {
            hz: 100,
            ..Style::default()
        };
        assert_eq!(
            render(false, style),
            "192.0.2.6 dev va lladdr 02:00:00:00:00:06 router STALE proto static \n"
        );
        let stats = Style {
            stats: true,
            ..style
        };
        assert_eq!(
            render(false, stats),
            "192.0.2.6 dev va lladdr 02:00:00:00:00:06 router  ref 1 used 1/0/2probes 0 \
             STALE proto static \n"
        );
        assert_eq!(
            render(true, style),
            "[{\"dst\":\"192.0.2.6\",\"dev\":\"va\",\"lladdr\":\"02:00:00:00:00:06\",\
             \"router\":null,\"state\":[\"STALE\"],\"protocol\":\"static\"}]\n"
        );
    }
}
