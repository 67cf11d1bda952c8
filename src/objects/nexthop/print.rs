//! Nexthops and resilient-group buckets in ip's layout (ip/ipnexthop.c
//! `__print_nexthop_entry`, `print_nexthop_bucket`):
//! `[Deleted ]id N [group A[,W]/B ][type T ][RESILIENT ][encap …][via GW ]
//! [dev IF ][scope S ][blackhole ][proto P ][FLAGS ][fdb]`.
//!
//! The printers are pure functions of the message and the name of its
//! device, which the caller looks up beforehand (`ip monitor` prints the
//! same records from its own messages).

use crate::grammar::inet::{format_address, resolve_address, AF_INET, AF_INET6};
use crate::model::nexthop::*;
use crate::model::rt_names;
use crate::output::{format_g, null, Color, Kind, Names, Printer};

/// What the names depend on: `-d`, `-N` and `-r`.
#[derive(Debug, Clone, Copy, Default)]
pub struct Style {
    pub details: bool,
    pub numeric: bool,
    pub resolve: bool,
}

/// A message ip refuses to print; its text goes to stdout before ip gives
/// up the dump (`<nexthop id 5 invalid nexthop group>`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unprintable;

/// ip's `__jiffies_to_tv` + `print_tv`: clock ticks (1/100 s) as seconds
/// with `%g`, in both forms.
fn ticks(p: &mut Printer, key: &str, format: &str, ticks: u64) {
    let micros = 10_000u128 * u128::from(ticks);
    let seconds = (micros / 1_000_000) as f64 + (micros % 1_000_000) as f64 / 1_000_000.0;
    p.number(Kind::Any, Some(key), format, &format_g(seconds));
}

fn family_color(family: u8) -> Option<Color> {
    match family {
        AF_INET => Some(Color::Inet),
        AF_INET6 => Some(Color::Inet6),
        _ => None,
    }
}

/// ip's `print_rt_flags`: the nexthop flags as words, a `flags` array in
/// JSON.
pub fn print_flags(p: &mut Printer, flags: u32) {
    const NAMES: &[(u32, &str)] = &[
        (RTNH_F_DEAD, "dead"),
        (RTNH_F_ONLINK, "onlink"),
        (RTNH_F_PERVASIVE, "pervasive"),
        (RTNH_F_OFFLOAD, "offload"),
        (RTNH_F_TRAP, "trap"),
        (RTM_F_NOTIFY, "notify"),
        (RTNH_F_LINKDOWN, "linkdown"),
        (RTNH_F_UNRESOLVED, "unresolved"),
        (RTM_F_OFFLOAD, "rt_offload"),
        (RTM_F_TRAP, "rt_trap"),
        (RTM_F_OFFLOAD_FAILED, "rt_offload_failed"),
    ];
    p.open_array(Kind::Json, "flags", "");
    for (bit, name) in NAMES {
        if flags & bit != 0 {
            p.string(Kind::Any, None, "{} ", name);
        }
    }
    p.close_array(Kind::Json, "");
}

fn print_group(p: &mut Printer, members: &[GroupMember]) {
    p.open_array(Kind::Json, "group", "");
    p.text("group ");
    for (i, member) in members.iter().enumerate() {
        p.open_object(None);
        if i > 0 {
            p.text("/");
        }
        p.int(Kind::Any, Some("id"), "{}", member.id);
        if member.weight != 0 {
            p.int(
                Kind::Any,
                Some("weight"),
                ",{}",
                u32::from(member.weight) + 1,
            );
        }
        p.close_object();
    }
    p.text(" ");
    p.close_array(Kind::Json, "");
}

fn print_resilient(p: &mut Printer, group: &ResilientGroup) {
    p.open_object(Some("resilient_args"));
    p.int(Kind::Any, Some("buckets"), "buckets {} ", group.buckets);
    ticks(p, "idle_timer", "idle_timer {} ", group.idle_timer.into());
    ticks(
        p,
        "unbalanced_timer",
        "unbalanced_timer {} ",
        group.unbalanced_timer.into(),
    );
    ticks(
        p,
        "unbalanced_time",
        "unbalanced_time {} ",
        group.unbalanced_time,
    );
    p.close_object();
}

/// ip's `ipnh_parse_nhmsg` checks: the text ip prints where it gives up.
fn check(nh: &Nexthop<'_>) -> Result<(), String> {
    if let Some(gateway) = nh.attrs.get(NHA_GATEWAY) {
        if gateway.len() > 16 {
            return Err(format!(
                "<nexthop id {} invalid gateway length {}>\n",
                nh.id(),
                gateway.len()
            ));
        }
    }
    if let Some(Err(())) = nh.group() {
        return Err(format!("<nexthop id {} invalid nexthop group>", nh.id()));
    }
    Ok(())
}

/// ip's `__print_nexthop_entry`: one nexthop without its line end, in an
/// object under `key` in JSON (`nh_info` for routes' `-d`). `dev` is the
/// name of NHA_OIF.
pub fn print_entry(
    p: &mut Printer,
    key: Option<&str>,
    nh: &Nexthop<'_>,
    deleted: bool,
    dev: Option<&[u8]>,
    style: Style,
) {
    let header = &nh.header;
    let attrs = &nh.attrs;
    p.open_object(key);
    if deleted {
        p.boolean(Kind::Any, Some("deleted"), "Deleted ", true);
    }
    p.int(Kind::Any, Some("id"), "id {} ", nh.id());
    if let Some(Ok(members)) = nh.group() {
        print_group(p, &members);
    }
    match nh.group_type() {
        NEXTHOP_GRP_TYPE_MPATH => {}
        kind => {
            let name = match kind {
                NEXTHOP_GRP_TYPE_RES => "resilient",
                _ => "<unknown type>",
            };
            p.string(Kind::Any, Some("type"), "type {} ", name);
        }
    }
    if let Some(group) = nh.resilient() {
        print_resilient(p, &group);
    }
    if let Some(encap) = attrs.get(NHA_ENCAP) {
        let kind = attrs.u16(NHA_ENCAP_TYPE).unwrap_or(0);
        crate::objects::lwtunnel::print(p, kind, encap);
    }
    if let Some(gateway) = attrs.get(NHA_GATEWAY).filter(|g| !g.is_empty()) {
        let text = style
            .resolve
            .then(|| resolve_address(header.family, gateway))
            .flatten()
            .unwrap_or_else(|| format_address(header.family, gateway));
        p.string(Kind::Json, Some("gateway"), "", &text);
        p.text("via ");
        p.color_string(Kind::Text, family_color(header.family), None, "{} ", &text);
    }
    if nh.oif().is_some() {
        let name = dev.unwrap_or(b"");
        p.string(Kind::Json, Some("dev"), "", name);
        p.text("dev ");
        p.color_string(Kind::Text, Some(Color::Ifname), None, "{} ", name);
    }
    if header.scope != RT_SCOPE_UNIVERSE || style.details {
        p.string(
            Kind::Any,
            Some("scope"),
            "scope {} ",
            rt_names::scope_name(header.scope, style.numeric),
        );
    }
    if attrs.has(NHA_BLACKHOLE) {
        null(p, "blackhole", "blackhole ");
    }
    if header.protocol != RTPROT_UNSPEC || style.details {
        p.string(
            Kind::Any,
            Some("protocol"),
            "proto {} ",
            rt_names::protocol_name(header.protocol, style.numeric),
        );
    }
    print_flags(p, header.flags);
    if attrs.has(NHA_FDB) {
        null(p, "fdb", "fdb");
    }
    p.close_object();
}

/// ip's `print_cache_nexthop` for one RTM_NEWNEXTHOP/RTM_DELNEXTHOP: the
/// record and its line end. A message ip cannot read gets ip's marker on
/// stdout and `Unprintable`, after which ip ends the dump.
pub fn print_nexthop(
    p: &mut Printer,
    msg_type: u16,
    nh: &Nexthop<'_>,
    dev: Option<&[u8]>,
    style: Style,
) -> Result<(), Unprintable> {
    if let Err(marker) = check(nh) {
        p.raw(marker);
        return Err(Unprintable);
    }
    print_entry(p, None, nh, msg_type == RTM_DELNEXTHOP, dev, style);
    p.text("\n");
    Ok(())
}

/// ip's `print_nexthop_bucket` for the payload of one
/// RTM_NEWNEXTHOPBUCKET. (ip checks for RTM_DELNEXTHOP to print `Deleted`,
/// which a bucket message never is, so it never prints it.)
pub fn print_bucket(p: &mut Printer, payload: &[u8]) {
    let Some(header) = Header::parse(payload) else {
        return;
    };
    let attrs = crate::kernel::attrs::Attrs::parse(&payload[HEADER_LEN..], NHA_MAX);
    p.open_object(None);
    if let Some(id) = attrs.u32(NHA_ID) {
        p.int(Kind::Any, Some("id"), "id {} ", id);
    }
    if let Some(nest) = attrs.nested(NHA_RES_BUCKET, NHA_RES_BUCKET_MAX) {
        let bucket = Bucket::parse(&nest);
        p.open_object(Some("bucket"));
        if let Some(index) = bucket.index {
            p.int(Kind::Any, Some("index"), "index {} ", index);
        }
        if let Some(idle) = bucket.idle_time {
            ticks(p, "idle_time", "idle_time {} ", idle);
        }
        if let Some(id) = bucket.nh_id {
            p.int(Kind::Any, Some("nhid"), "nhid {} ", id);
        }
        p.close_object();
    }
    print_flags(p, header.flags);
    p.text("\n");
    p.close_object();
}

/// ip's `print_cache_nexthop` (and `print_nexthop_bucket` for buckets).
pub(crate) fn message(p: &mut Printer, msg_type: u16, payload: &[u8], names: &Names) {
    if msg_type == RTM_NEWNEXTHOPBUCKET || msg_type == RTM_DELNEXTHOPBUCKET {
        print_bucket(p, payload);
        return;
    }
    let Some(nh) = Nexthop::parse(payload) else {
        return;
    };
    let dev = nh.oif().map(|index| names.link_name(index as i32));
    let o = &names.options;
    let style = Style {
        details: o.details > 0,
        numeric: o.numeric > 0,
        resolve: o.resolve > 0,
    };
    // An unprintable message already got ip's marker.
    let _ = print_nexthop(p, msg_type, &nh, dev.as_deref(), style);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grammar::options::Options;

    fn printed(json: bool, f: impl FnOnce(&mut Printer)) -> String {
        let options = Options {
            json: u32::from(json),
            ..Options::default()
        };
        let (mut p, buffer) = Printer::capture(&options);
        p.begin_list();
        f(&mut p);
        p.end_list();
        p.flush();
        drop(p);
        let bytes = buffer.lock().unwrap().clone();
        String::from_utf8(bytes).unwrap()
    }

    fn message(header: Header, attrs: &[(u16, Vec<u8>)]) -> Vec<u8> {
        let mut payload = header.bytes().to_vec();
        for (kind, value) in attrs {
            payload.extend_from_slice(&((4 + value.len()) as u16).to_ne_bytes());
            payload.extend_from_slice(&kind.to_ne_bytes());
            payload.extend_from_slice(value);
            payload.resize(crate::kernel::attrs::align4(payload.len()), 0);
        }
        payload
    }

    #[test]
    fn g_format_is_c_printf() {
        assert_eq!(format_g(0.0), "0");
        assert_eq!(format_g(0.07), "0.07");
        assert_eq!(format_g(120.0), "120");
        assert_eq!(format_g(1234567.0), "1.23457e+06");
    }

    #[test]
    fn gateway_device_and_flags() {
        let payload = message(
            Header {
                family: AF_INET,
                scope: 253,
                protocol: 4,
                flags: RTNH_F_ONLINK,
            },
            &[
                (NHA_ID, 5u32.to_ne_bytes().to_vec()),
                (NHA_GATEWAY, vec![192, 0, 2, 3]),
                (NHA_OIF, 3u32.to_ne_bytes().to_vec()),
            ],
        );
        let nh = Nexthop::parse(&payload).unwrap();
        let style = Style::default();
        let text = printed(false, |p| {
            print_nexthop(p, RTM_NEWNEXTHOP, &nh, Some(b"va"), style).unwrap()
        });
        assert_eq!(
            text,
            "id 5 via 192.0.2.3 dev va scope link proto static onlink \n"
        );
        let json = printed(true, |p| {
            print_nexthop(p, RTM_DELNEXTHOP, &nh, Some(b"va"), style).unwrap()
        });
        assert_eq!(
            json,
            "[{\"deleted\":true,\"id\":5,\"gateway\":\"192.0.2.3\",\"dev\":\"va\",\
             \"scope\":\"link\",\"protocol\":\"static\",\"flags\":[\"onlink\"]}]\n"
        );
    }

    #[test]
    fn resilient_group() {
        let mut res = Vec::new();
        for (kind, value) in [
            (NHA_RES_GROUP_BUCKETS, 8u16.to_ne_bytes().to_vec()),
            (NHA_RES_GROUP_IDLE_TIMER, 1000u32.to_ne_bytes().to_vec()),
            (NHA_RES_GROUP_UNBALANCED_TIMER, 7u32.to_ne_bytes().to_vec()),
            (NHA_RES_GROUP_UNBALANCED_TIME, 0u64.to_ne_bytes().to_vec()),
        ] {
            res.extend_from_slice(&((4 + value.len()) as u16).to_ne_bytes());
            res.extend_from_slice(&kind.to_ne_bytes());
            res.extend_from_slice(&value);
            res.resize(crate::kernel::attrs::align4(res.len()), 0);
        }
        let mut group = GroupMember { id: 1, weight: 4 }.bytes().to_vec();
        group.extend_from_slice(&GroupMember { id: 5, weight: 0 }.bytes());
        let payload = message(
            Header::default(),
            &[
                (NHA_ID, 11u32.to_ne_bytes().to_vec()),
                (NHA_GROUP, group),
                (NHA_GROUP_TYPE, NEXTHOP_GRP_TYPE_RES.to_ne_bytes().to_vec()),
                (NHA_RES_GROUP, res),
            ],
        );
        let nh = Nexthop::parse(&payload).unwrap();
        let style = Style {
            details: true,
            ..Style::default()
        };
        let text = printed(false, |p| {
            print_nexthop(p, RTM_NEWNEXTHOP, &nh, None, style).unwrap()
        });
        assert_eq!(
            text,
            "id 11 group 1,5/5 type resilient buckets 8 idle_timer 10 unbalanced_timer 0.07 \
             unbalanced_time 0 scope global proto unspec \n"
        );
    }

    #[test]
    fn bad_group_is_refused_with_ips_marker() {
        let payload = message(
            Header::default(),
            &[(NHA_ID, 9u32.to_ne_bytes().to_vec()), (NHA_GROUP, vec![1])],
        );
        let nh = Nexthop::parse(&payload).unwrap();
        let mut result = Ok(());
        let text = printed(false, |p| {
            result = print_nexthop(p, RTM_NEWNEXTHOP, &nh, None, Style::default())
        });
        assert_eq!(result, Err(Unprintable));
        assert_eq!(text, "<nexthop id 9 invalid nexthop group>");
    }
}
