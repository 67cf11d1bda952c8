//! `ip nexthop add|replace|delete`: the words of ip's `ipnh_modify` turned
//! into one RTM_NEWNEXTHOP/RTM_DELNEXTHOP, attributes in the order of the
//! words as ip appends them.
//!
//! The request is raw bytes: netlink-packet-route 0.34 has no nexthop
//! messages (no `struct nhmsg`, no NHA_* attributes, no RTM_*NEXTHOP in
//! `RouteNetlinkMessage`), and neither does rtnetlink 0.24. Only NHA_ENCAP's
//! content is typed, by the lwtunnel module the route requests share.

use crate::error::{Error, Result};
use crate::grammar::inet::{get_addr, AF_BRIDGE, AF_INET, AF_INET6};
use crate::grammar::inet::{AF_MPLS, AF_PACKET, AF_UNSPEC};
use crate::grammar::{get_u16, get_unsigned, matches};
use crate::kernel::attrs::Request;
use crate::kernel::raw::{NLM_F_ACK, NLM_F_REQUEST};
use crate::model::nexthop::*;
use crate::model::rt_names;

use super::{invalid, parse_id};

/// What a `modify` request is made of before it is sent.
pub(super) struct Planned {
    pub header: Header,
    /// Attributes in the order ip appends them (nested ones already
    /// serialized, their type carrying NLA_F_NESTED).
    pub attrs: Vec<(u16, Vec<u8>)>,
}

impl Planned {
    pub fn request(&self, msg_type: u16, flags: u16) -> Request {
        let mut request =
            Request::new(msg_type, NLM_F_REQUEST | NLM_F_ACK | flags).fixed(&self.header.bytes());
        for (kind, payload) in &self.attrs {
            request = request.attr(*kind, payload);
        }
        request
    }
}

/// ip's `read_family`.
fn read_family(word: &str) -> u8 {
    match word {
        "inet" => AF_INET,
        "inet6" => AF_INET6,
        "link" => AF_PACKET,
        "mpls" => AF_MPLS,
        "bridge" => AF_BRIDGE,
        _ => AF_UNSPEC,
    }
}

/// The next word after position `at`, as ip's `NEXT_ARG()`.
fn next<'a>(args: &'a [String], at: &mut usize) -> Result<&'a str> {
    *at += 1;
    args.get(*at)
        .map(String::as_str)
        .ok_or(Error::IncompleteCommand)
}

/// One attribute header and payload, padded, as they sit inside a nest.
fn nested_attr(buf: &mut Vec<u8>, kind: u16, payload: &[u8]) {
    buf.extend_from_slice(&((4 + payload.len()) as u16).to_ne_bytes());
    buf.extend_from_slice(&kind.to_ne_bytes());
    buf.extend_from_slice(payload);
    buf.resize(crate::kernel::attrs::align4(buf.len()), 0);
}

/// ip's `add_nh_group_attr`: `ID[,WEIGHT][/ID[,WEIGHT]]…`. ip cuts the word
/// at its first `/` and `,` in place before it may fail, so the failing
/// word it names is that first piece.
fn group_members(word: &str) -> Result<Vec<GroupMember>> {
    let whole_invalid = || {
        let shown = word.split(['/', ',']).next().unwrap_or("");
        invalid(shown, "\"group\" value is invalid\n")
    };
    if word.is_empty() {
        return Err(whole_invalid());
    }
    let mut members = Vec::new();
    for piece in word.split('/') {
        let (id, weight) = match piece.split_once(',') {
            Some((id, weight)) => (id, Some(weight)),
            None => (piece, None),
        };
        let id = get_unsigned(id).ok_or_else(whole_invalid)?;
        let weight = match weight {
            Some(text) => match get_unsigned(text) {
                Some(w @ 1..=256) => (w - 1) as u8,
                _ => return Err(invalid(text, "\"weight\" is invalid\n")),
            },
            None => 0,
        };
        members.push(GroupMember { id, weight });
    }
    Ok(members)
}

/// A resilient timer in seconds, sent in clock ticks.
fn timer(word: &str, reason: &str) -> Result<u32> {
    match get_unsigned(word) {
        Some(seconds) if seconds < u32::MAX / 100 => Ok(seconds * 100),
        _ => Err(invalid(word, reason)),
    }
}

/// ip's `parse_nh_group_type` with `at` on `type`; leaves `at` on the last
/// word it used.
fn group_type(args: &[String], at: &mut usize, attrs: &mut Vec<(u16, Vec<u8>)>) -> Result<()> {
    let word = next(args, at)?;
    let kind = match word {
        "mpath" => NEXTHOP_GRP_TYPE_MPATH,
        "resilient" => NEXTHOP_GRP_TYPE_RES,
        _ => return Err(invalid(word, "\"type\" value is invalid\n")),
    };
    // Only when words follow does ip open NHA_RES_GROUP, even if none of
    // them is one of its arguments.
    if kind == NEXTHOP_GRP_TYPE_RES && *at + 1 < args.len() {
        let mut nest = Vec::new();
        *at += 1;
        while let Some(word) = args.get(*at) {
            match word.as_str() {
                "buckets" => {
                    let value = next(args, at)?;
                    let buckets =
                        get_u16(value).ok_or_else(|| invalid(value, "invalid buckets value"))?;
                    nested_attr(&mut nest, NHA_RES_GROUP_BUCKETS, &buckets.to_ne_bytes());
                }
                "idle_timer" => {
                    let value = next(args, at)?;
                    let ticks = timer(value, "invalid idle timer value")?;
                    nested_attr(&mut nest, NHA_RES_GROUP_IDLE_TIMER, &ticks.to_ne_bytes());
                }
                "unbalanced_timer" => {
                    let value = next(args, at)?;
                    let ticks = timer(value, "invalid unbalanced timer value")?;
                    nested_attr(
                        &mut nest,
                        NHA_RES_GROUP_UNBALANCED_TIMER,
                        &ticks.to_ne_bytes(),
                    );
                }
                _ => break,
            }
            *at += 1;
        }
        // Back to the last word used: the caller's loop moves past it.
        *at -= 1;
        attrs.push((NHA_RES_GROUP | NLA_F_NESTED, nest));
    }
    attrs.push((NHA_GROUP_TYPE, kind.to_ne_bytes().to_vec()));
    Ok(())
}

/// ip's `ipnh_modify` word loop. `family` is `-4`/`-6`'s; `device_index`
/// is ip's `ll_name_to_index` (0 for no such device).
pub(super) fn plan(
    args: &[String],
    family: u8,
    device_index: &mut dyn FnMut(&str) -> Result<u32>,
) -> Result<Planned> {
    let mut header = Header {
        family,
        ..Header::default()
    };
    let mut attrs: Vec<(u16, Vec<u8>)> = Vec::new();
    let mut at = 0;
    while let Some(word) = args.get(at) {
        match word.as_str() {
            "id" => {
                let id = parse_id(next(args, &mut at)?)?;
                attrs.push((NHA_ID, id.to_ne_bytes().to_vec()));
            }
            "dev" => {
                let name = next(args, &mut at)?;
                let index = device_index(name)?;
                if index == 0 {
                    return Err(invalid(name, "Device does not exist\n"));
                }
                attrs.push((NHA_OIF, index.to_ne_bytes().to_vec()));
                if header.family == AF_UNSPEC {
                    header.family = AF_INET;
                }
            }
            "via" => {
                let mut value = next(args, &mut at)?;
                let mut address_family = read_family(value);
                if address_family == AF_UNSPEC {
                    address_family = header.family;
                } else {
                    value = next(args, &mut at)?;
                }
                let address = get_addr(value, address_family)?;
                if header.family == AF_UNSPEC {
                    header.family = address.family;
                } else if header.family != address.family {
                    return Err(invalid(value, "address family mismatch\n"));
                }
                attrs.push((NHA_GATEWAY, address.bytes().to_vec()));
            }
            "encap" => {
                let rest = args.get(at + 1..).unwrap_or(&[]);
                if rest.is_empty() {
                    return Err(Error::IncompleteCommand);
                }
                let (encap, used) = crate::objects::lwtunnel::parse(rest)?;
                // ip's loop moves past the last word the encapsulation used.
                at += used.max(1);
                attrs.push((NHA_ENCAP | NLA_F_NESTED, encap.attrs));
                attrs.push((NHA_ENCAP_TYPE, encap.kind.to_ne_bytes().to_vec()));
            }
            "blackhole" => {
                attrs.push((NHA_BLACKHOLE, Vec::new()));
                if header.family == AF_UNSPEC {
                    header.family = AF_INET;
                }
            }
            "fdb" => attrs.push((NHA_FDB, Vec::new())),
            "onlink" => header.flags |= RTNH_F_ONLINK,
            "group" => {
                let value = next(args, &mut at)?;
                let mut bytes = Vec::new();
                for member in group_members(value)? {
                    bytes.extend_from_slice(&member.bytes());
                }
                attrs.push((NHA_GROUP, bytes));
            }
            "type" => group_type(args, &mut at, &mut attrs)?,
            "help" => return Err(Error::Usage(crate::objects::nexthop::USAGE)),
            w if matches(w, "protocol") => {
                let value = next(args, &mut at)?;
                header.protocol = rt_names::protocol_number(value)
                    .ok_or_else(|| invalid(value, "\"protocol\" value is invalid\n"))?;
            }
            w => return Err(invalid(w, "")),
        }
        at += 1;
    }
    Ok(Planned { header, attrs })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kernel::raw::{NLM_F_CREATE, NLM_F_EXCL, NLM_F_REPLACE};
    /// The sequence number of the captured requests.
    const SEQ: u32 = 0x6b16_fb0c;

    fn words(line: &str) -> Vec<String> {
        line.split(' ').map(String::from).collect()
    }

    fn hex(dump: &str) -> Vec<u8> {
        dump.split_whitespace()
            .map(|byte| u8::from_str_radix(byte, 16).unwrap())
            .collect()
    }

    /// `va` is index 3, as in the sandbox the bytes were captured in.
    fn devices(name: &str) -> Result<u32> {
        Ok(if name == "va" { 3 } else { 0 })
    }

    fn request(line: &str, family: u8, msg_type: u16, flags: u16) -> Vec<u8> {
        let planned = plan(&words(line), family, &mut devices).unwrap();
        planned.request(msg_type, flags).finish(SEQ)
    }

    fn add(line: &str) -> Vec<u8> {
        request(line, 0, RTM_NEWNEXTHOP, NLM_F_CREATE | NLM_F_EXCL)
    }

    // The bytes ip 6.1 sent (strace -e write=3), sequence number included.

    #[test]
    fn gateway_and_device() {
        let ip = hex("30 00 00 00 68 00 05 06  0c fb 16 6b 00 00 00 00
            02 00 00 00 00 00 00 00  08 00 01 00 01 00 00 00
            08 00 06 00 c0 00 02 02  08 00 05 00 03 00 00 00");
        assert_eq!(add("id 1 via 192.0.2.2 dev va"), ip);
    }

    #[test]
    fn gateway_with_family_word() {
        let ip = hex("3c 00 00 00 68 00 05 06  0c fb 16 6b 00 00 00 00
            0a 00 00 00 00 00 00 00  08 00 01 00 02 00 00 00
            14 00 06 00 20 01 0d b8  00 00 00 00 00 00 00 00
            00 00 00 02 08 00 05 00  03 00 00 00");
        assert_eq!(add("id 2 via inet6 2001:db8::2 dev va"), ip);
    }

    #[test]
    fn replace_blackhole_with_protocol() {
        let ip = hex("24 00 00 00 68 00 05 05  0c fb 16 6b 00 00 00 00
            02 00 04 00 00 00 00 00  08 00 01 00 03 00 00 00
            04 00 04 00");
        let got = request(
            "id 3 blackhole proto static",
            0,
            RTM_NEWNEXTHOP,
            NLM_F_CREATE | NLM_F_REPLACE,
        );
        assert_eq!(got, ip);
    }

    #[test]
    fn onlink_flag() {
        let ip = hex("30 00 00 00 68 00 05 06  0c fb 16 6b 00 00 00 00
            02 00 00 00 04 00 00 00  08 00 01 00 05 00 00 00
            08 00 06 00 c0 00 02 03  08 00 05 00 03 00 00 00");
        assert_eq!(add("id 5 via 192.0.2.3 dev va onlink"), ip);
    }

    #[test]
    fn group_with_weight() {
        let ip = hex("34 00 00 00 68 00 05 06  0c fb 16 6b 00 00 00 00
            00 00 00 00 00 00 00 00  08 00 01 00 0a 00 00 00
            14 00 02 00 01 00 00 00  00 00 00 00 05 00 00 00
            02 00 00 00");
        assert_eq!(add("id 10 group 1/5,3"), ip);
    }

    #[test]
    fn resilient_group_with_all_arguments() {
        let ip = hex("58 00 00 00 68 00 05 06  0c fb 16 6b 00 00 00 00
            00 00 00 00 00 00 00 00  08 00 01 00 0b 00 00 00
            14 00 02 00 01 00 00 00  04 00 00 00 05 00 00 00
            00 00 00 00 1c 00 0c 80  06 00 01 00 08 00 00 00
            08 00 02 00 e8 03 00 00  08 00 03 00 d0 07 00 00
            06 00 03 00 01 00 00 00");
        assert_eq!(
            add("id 11 group 1,5/5 type resilient buckets 8 idle_timer 10 unbalanced_timer 20"),
            ip
        );
    }

    #[test]
    fn mpath_type_is_sent() {
        let ip = hex("3c 00 00 00 68 00 05 06  0c fb 16 6b 00 00 00 00
            00 00 00 00 00 00 00 00  08 00 01 00 0c 00 00 00
            14 00 02 00 01 00 00 00  00 00 00 00 05 00 00 00
            00 00 00 00 06 00 03 00  00 00 00 00");
        assert_eq!(add("id 12 group 1/5 type mpath"), ip);
    }

    #[test]
    fn fdb_nexthop_and_group() {
        let ip = hex("2c 00 00 00 68 00 05 06  0c fb 16 6b 00 00 00 00
            02 00 00 00 00 00 00 00  08 00 01 00 14 00 00 00
            08 00 06 00 c0 00 02 09  04 00 0b 00");
        assert_eq!(add("id 20 via 192.0.2.9 fdb"), ip);
        let ip = hex("30 00 00 00 68 00 05 06  0c fb 16 6b 00 00 00 00
            00 00 00 00 00 00 00 00  08 00 01 00 15 00 00 00
            0c 00 02 00 14 00 00 00  00 00 00 00 04 00 0b 00");
        assert_eq!(add("id 21 group 20 fdb"), ip);
    }

    #[test]
    fn ipv6_blackhole() {
        let ip = hex("24 00 00 00 68 00 05 06  0c fb 16 6b 00 00 00 00
            0a 00 00 00 00 00 00 00  08 00 01 00 1e 00 00 00
            04 00 04 00");
        let got = request(
            "id 30 blackhole",
            AF_INET6,
            RTM_NEWNEXTHOP,
            NLM_F_CREATE | NLM_F_EXCL,
        );
        assert_eq!(got, ip);
    }

    #[test]
    fn delete() {
        let ip = hex("20 00 00 00 69 00 05 00  0c fb 16 6b 00 00 00 00
            00 00 00 00 00 00 00 00  08 00 01 00 1e 00 00 00");
        assert_eq!(request("id 30", 0, RTM_DELNEXTHOP, 0), ip);
    }

    #[test]
    fn no_id_numeric_protocol() {
        let ip = hex("20 00 00 00 68 00 05 06  0c fb 16 6b 00 00 00 00
            02 00 63 00 00 00 00 00  08 00 05 00 03 00 00 00");
        assert_eq!(add("dev va protocol 99"), ip);
    }

    #[test]
    fn resilient_without_arguments_has_no_nest() {
        let ip = hex("3c 00 00 00 68 00 05 06  0c fb 16 6b 00 00 00 00
            00 00 00 00 00 00 00 00  08 00 01 00 0d 00 00 00
            14 00 02 00 01 00 00 00  00 00 00 00 05 00 00 00
            00 00 00 00 06 00 03 00  01 00 00 00");
        assert_eq!(add("id 13 group 1/5 type resilient"), ip);
    }

    #[test]
    fn resilient_followed_by_other_words_has_an_empty_nest() {
        let ip = hex("40 00 00 00 68 00 05 06  0c fb 16 6b 00 00 00 00
            00 00 04 00 00 00 00 00  08 00 01 00 0e 00 00 00
            14 00 02 00 01 00 00 00  00 00 00 00 05 00 00 00
            ff 00 00 00 04 00 0c 80  06 00 03 00 01 00 00 00");
        assert_eq!(add("id 14 group 1/5,256 type resilient protocol 4"), ip);
    }

    #[test]
    fn group_errors_name_what_ip_names() {
        let err = |line: &str| match plan(&words(line), 0, &mut devices) {
            Err(Error::InvalidArgument { arg, reason }) => (arg, reason),
            other => panic!("{line}: {:?}", other.err()),
        };
        let group = "\"group\" value is invalid\n".to_string();
        assert_eq!(err("group 1/"), ("1".into(), group.clone()));
        assert_eq!(err("group x,2/3"), ("x".into(), group.clone()));
        assert_eq!(err("group 1/x"), ("1".into(), group));
        let weight = "\"weight\" is invalid\n".to_string();
        assert_eq!(err("group 1,2,3"), ("2,3".into(), weight.clone()));
        assert_eq!(err("group 2,0"), ("0".into(), weight));
        assert_eq!(
            err("group 1 type resilient idle_timer 42949672"),
            ("42949672".into(), "invalid idle timer value".into())
        );
        assert_eq!(
            err("dev vb"),
            ("vb".into(), "Device does not exist\n".into())
        );
        assert_eq!(
            err("via 192.0.2.1 via inet6 ::1"),
            ("::1".into(), "address family mismatch\n".into())
        );
        assert_eq!(
            err("pro x"),
            ("x".into(), "\"protocol\" value is invalid\n".into())
        );
        assert_eq!(err("foo"), ("foo".into(), String::new()));
        assert!(matches!(
            plan(&words("group 1 type"), 0, &mut devices),
            Err(Error::IncompleteCommand)
        ));
        assert!(matches!(
            plan(&words("id 1 help"), 0, &mut devices),
            Err(Error::Usage(_))
        ));
    }
}
