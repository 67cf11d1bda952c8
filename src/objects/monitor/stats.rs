//! ip's `ipstats_print`: one RTM_NEWSTATS event (`ip monitor stats`), which
//! the kernel sends when a link's hardware statistics are switched on or
//! off (`ip stats set dev D l3_stats on`). ip shows only the
//! `hw_stats_info` leaf of its stats tree: whether L3 statistics were
//! requested and whether the hardware uses them.
//!
//! rnet has no `stats` object yet, so this printer lives with `monitor`,
//! the one caller; it has the registry's printer signature so that it can
//! move to the object once there is one.

use crate::kernel::attrs::Attrs;
use crate::output::{Color, Kind, Names, Printer};

/// `struct if_stats_msg`: family, two pad fields, ifindex, filter mask.
const IF_STATS_MSG_LEN: usize = 12;
const IFLA_STATS_MAX: u16 = 5;
const IFLA_STATS_LINK_OFFLOAD_XSTATS: u16 = 4;
const IFLA_OFFLOAD_XSTATS_MAX: u16 = 3;
const IFLA_OFFLOAD_XSTATS_HW_S_INFO: u16 = 2;
const IFLA_OFFLOAD_XSTATS_L3_STATS: u16 = 3;
const IFLA_OFFLOAD_XSTATS_HW_S_INFO_MAX: u16 = 2;
const IFLA_OFFLOAD_XSTATS_HW_S_INFO_REQUEST: u16 = 1;
const IFLA_OFFLOAD_XSTATS_HW_S_INFO_USED: u16 = 2;

/// A hardware-stats flag as ip reads it (`enum ipstats_maybe_on_off`):
/// absent or invalid (`None`, not printed), on or off.
type MaybeOnOff = Option<bool>;

/// One kind of hardware statistics: requested, and used by the hardware.
struct HwStatsInfo {
    request: MaybeOnOff,
    used: MaybeOnOff,
}

pub(crate) fn print_message(p: &mut Printer, _msg_type: u16, payload: &[u8], names: &Names) {
    let Some(header) = payload.get(..IF_STATS_MSG_LEN) else {
        eprintln!(
            "BUG: wrong nlmsg len {}",
            payload.len() as i64 - IF_STATS_MSG_LEN as i64
        );
        return;
    };
    // ip prints the unsigned ifindex with %d.
    let ifindex = i32::from_ne_bytes([header[4], header[5], header[6], header[7]]);
    let attrs = Attrs::parse(&payload[IF_STATS_MSG_LEN..], IFLA_STATS_MAX);
    p.open_object(None);
    p.int(Kind::Any, Some("ifindex"), "{}:", ifindex);
    p.color_string(
        Kind::Any,
        Some(Color::Ifname),
        Some("ifname"),
        " {}:",
        names.link_name(ifindex),
    );
    let shown = print_hw_stats_info(p, &attrs);
    // ip gives up on an invalid `request` without closing the object or
    // ending the line; rnet still closes the object so that `-json-all`
    // writes a whole one.
    p.close_object();
    if shown.is_ok() {
        p.nl();
    }
}

/// ip's `hw_stats_info` leaf: nothing when the message has no such nest,
/// else a new line and each known kind of statistics (only `l3_stats`).
fn print_hw_stats_info(p: &mut Printer, attrs: &Attrs<'_>) -> Result<(), ()> {
    let Some(info) = attrs
        .nested(IFLA_STATS_LINK_OFFLOAD_XSTATS, IFLA_OFFLOAD_XSTATS_MAX)
        .and_then(|offload| offload.get(IFLA_OFFLOAD_XSTATS_HW_S_INFO))
    else {
        return Ok(());
    };
    p.nl();
    let info = Attrs::parse(info, IFLA_OFFLOAD_XSTATS_MAX);
    let l3 = info
        .get(IFLA_OFFLOAD_XSTATS_L3_STATS)
        .map(dissect_one)
        .transpose()?;
    p.open_object(Some("info"));
    if let Some(l3) = l3 {
        p.string(Kind::Text, None, "    {}", "l3_stats");
        p.open_object(Some("l3_stats"));
        print_on_off(p, "request", " {}", l3.request);
        print_on_off(p, "used", " used {}", l3.used);
        p.close_object();
    }
    p.close_object();
    Ok(())
}

/// ip's `ipstats_dissect_hw_s_info_one`: a `request` that is present must
/// be 0 or 1, or the event is not printed further.
fn dissect_one(nest: &[u8]) -> Result<HwStatsInfo, ()> {
    let attrs = Attrs::parse(nest, IFLA_OFFLOAD_XSTATS_HW_S_INFO_MAX);
    // A u8 attribute without a byte: ip reads past it; rnet reads 0.
    let flag = |kind: u16, what: &str| -> Option<MaybeOnOff> {
        let value = attrs.get(kind)?.first().copied().unwrap_or(0);
        Some(match value {
            0 => Some(false),
            1 => Some(true),
            _ => {
                eprintln!("Invalid value for {what}: expected 0 or 1, got {value}.");
                None
            }
        })
    };
    let request = flag(IFLA_OFFLOAD_XSTATS_HW_S_INFO_REQUEST, "request");
    if request == Some(None) {
        return Err(());
    }
    let used = flag(IFLA_OFFLOAD_XSTATS_HW_S_INFO_USED, "used");
    Ok(HwStatsInfo {
        request: request.flatten(),
        used: used.flatten(),
    })
}

/// ip's `print_on_off` of a flag that may be absent: `on`/`off` in
/// `format` as text, a boolean in JSON.
fn print_on_off(p: &mut Printer, key: &str, format: &str, value: MaybeOnOff) {
    let Some(value) = value else {
        return;
    };
    p.boolean(Kind::Json, Some(key), "", value);
    p.string(Kind::Text, None, format, if value { "on" } else { "off" });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grammar::options::Options;
    use crate::output::KnownLink;

    const RTM_NEWSTATS: u16 = 92;

    /// One netlink attribute, padded.
    fn attr(kind: u16, payload: &[u8]) -> Vec<u8> {
        let mut bytes = ((4 + payload.len()) as u16).to_ne_bytes().to_vec();
        bytes.extend(kind.to_ne_bytes());
        bytes.extend(payload);
        while !bytes.len().is_multiple_of(4) {
            bytes.push(0);
        }
        bytes
    }

    /// An RTM_NEWSTATS payload for `ifindex` whose hardware-stats info
    /// nest holds `l3` (the REQUEST/USED attributes) when given.
    fn message(ifindex: u32, l3: Option<Vec<u8>>) -> Vec<u8> {
        let mut payload = vec![0u8; 4];
        payload.extend(ifindex.to_ne_bytes());
        payload.extend(0u32.to_ne_bytes());
        let info = l3.map_or_else(Vec::new, |l3| attr(IFLA_OFFLOAD_XSTATS_L3_STATS, &l3));
        let offload = attr(IFLA_OFFLOAD_XSTATS_HW_S_INFO, &info);
        payload.extend(attr(IFLA_STATS_LINK_OFFLOAD_XSTATS, &offload));
        payload
    }

    fn flags(request: Option<u8>, used: Option<u8>) -> Vec<u8> {
        let mut bytes = Vec::new();
        if let Some(request) = request {
            bytes.extend(attr(IFLA_OFFLOAD_XSTATS_HW_S_INFO_REQUEST, &[request]));
        }
        if let Some(used) = used {
            bytes.extend(attr(IFLA_OFFLOAD_XSTATS_HW_S_INFO_USED, &[used]));
        }
        bytes
    }

    fn printed(options: Options, payload: &[u8]) -> String {
        let mut names = Names {
            options: options.clone(),
            ..Names::default()
        };
        names.links.insert(
            3,
            KnownLink {
                name: b"va".to_vec(),
                ..KnownLink::default()
            },
        );
        let (mut p, buffer) = Printer::capture(&options);
        if options.json > 0 {
            p.begin_object_document();
            p.merge_next_object();
        }
        print_message(&mut p, RTM_NEWSTATS, payload, &names);
        if options.json > 0 {
            p.end_object_document();
        }
        p.flush();
        let bytes = buffer.lock().unwrap().clone();
        String::from_utf8(bytes).unwrap()
    }

    #[test]
    fn hardware_stats_info_as_ip_prints_it() {
        let text = |payload: &[u8]| printed(Options::default(), payload);
        // What `ip stats set dev va l3_stats on` makes the kernel send.
        assert_eq!(
            text(&message(3, Some(flags(Some(1), Some(0))))),
            "3: va:\n    l3_stats on used off\n"
        );
        assert_eq!(
            text(&message(3, Some(flags(Some(0), Some(1))))),
            "3: va:\n    l3_stats off used on\n"
        );
        // Absent flags are left out; an unknown link is ifN.
        assert_eq!(
            text(&message(9, Some(flags(None, Some(1))))),
            "9: if9:\n    l3_stats used on\n"
        );
        // An info nest without L3 statistics: an empty second line.
        assert_eq!(text(&message(3, None)), "3: va:\n\n");
        // No info nest at all: the header line only.
        let mut bare = message(3, None);
        bare.truncate(IF_STATS_MSG_LEN);
        assert_eq!(text(&bare), "3: va:\n");
        // An invalid `used` is not printed; an invalid `request` ends the
        // event after its header (ip's error return).
        assert_eq!(
            text(&message(3, Some(flags(Some(1), Some(7))))),
            "3: va:\n    l3_stats on\n"
        );
        assert_eq!(text(&message(3, Some(flags(Some(2), Some(0))))), "3: va:\n");
        assert_eq!(text(&[0; 11]), "");
    }

    #[test]
    fn oneline_and_json_forms() {
        let oneline = Options {
            oneline: 1,
            ..Options::default()
        };
        assert_eq!(
            printed(oneline, &message(3, Some(flags(Some(1), Some(0))))),
            "3: va:\\    l3_stats on used off\\"
        );
        let json = Options {
            json: 1,
            ..Options::default()
        };
        assert_eq!(
            printed(json.clone(), &message(3, Some(flags(Some(1), Some(0))))),
            "{\"ifindex\":3,\"ifname\":\"va\",\"info\":{\"l3_stats\":{\"request\":true,\"used\":false}}}\n"
        );
        assert_eq!(
            printed(json, &message(3, Some(flags(Some(5), None)))),
            "{\"ifindex\":3,\"ifname\":\"va\"}\n"
        );
    }

    #[test]
    fn garbage_never_panics() {
        let whole = message(3, Some(flags(Some(1), Some(0))));
        for cut in 0..whole.len() {
            printed(Options::default(), &whole[..cut]);
        }
        let mut lying = whole.clone();
        lying[12] = 0xff;
        printed(Options::default(), &lying);
    }
}
