//! `nexthop …` words of `ip route add` (iproute.c `parse_nexthops` and
//! `parse_one_nh`): the payload of RTA_MULTIPATH, one `struct rtnexthop`
//! with its attributes per hop.
//!
//! ip counts a hop's length by adding each attribute's header and payload
//! without padding (RTA_VIA and RTA_ENCAP padded), and the kernel walks the
//! hops by that length, so it is reproduced here rather than measured.

use super::errors::RouteError;
use crate::error::Result;
use crate::grammar::inet::{self, AF_UNSPEC};
use crate::grammar::{get_unsigned, matches, next_arg};
use crate::kernel::attrs::align4;
use crate::model::rt_names;

use super::request::{invalid, parse_encap, parse_via, via_payload, Names};
use crate::model::route::{Header, RTA_FLOW, RTA_GATEWAY, RTA_NEWDST, RTA_VIA, RTNH_F_ONLINK};

const RTNEXTHOP_LEN: usize = 8;

/// One hop being built: its rtnexthop fields and attributes.
struct Hop {
    len: u16,
    flags: u8,
    hops: u8,
    ifindex: i32,
    attrs: Vec<u8>,
}

impl Hop {
    fn add(&mut self, kind: u16, payload: &[u8]) {
        self.attrs
            .extend_from_slice(&((4 + payload.len()) as u16).to_ne_bytes());
        self.attrs.extend_from_slice(&kind.to_ne_bytes());
        self.attrs.extend_from_slice(payload);
        self.attrs.resize(align4(self.attrs.len()), 0);
    }

    fn write(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.len.to_ne_bytes());
        out.push(self.flags);
        out.push(self.hops);
        out.extend_from_slice(&self.ifindex.to_ne_bytes());
        out.extend_from_slice(&self.attrs);
    }
}

/// ip's `parse_nexthops`: `words` start at the first `nexthop`. Returns
/// the payload of RTA_MULTIPATH (none when there is no hop).
pub fn parse(
    header: &mut Header,
    words: &[String],
    names: &mut dyn Names,
) -> Result<Option<Vec<u8>>> {
    let mut payload = Vec::new();
    let mut rest = words;
    while let Some(first) = rest.first() {
        if first != "nexthop" {
            return Err(RouteError::NexthopExpected(first.clone()).into());
        }
        if rest.len() <= 1 {
            return Err(RouteError::NexthopEndOfLine.into());
        }
        let (hop, used) = parse_one(header, &rest[1..], names)?;
        hop.write(&mut payload);
        rest = &rest[1 + used..];
    }
    Ok((!payload.is_empty()).then_some(payload))
}

/// ip's `parse_one_nh`: the words of one hop, up to the first it does not
/// know. Returns the hop and how many words it took.
fn parse_one(header: &mut Header, words: &[String], names: &mut dyn Names) -> Result<(Hop, usize)> {
    let mut hop = Hop {
        len: RTNEXTHOP_LEN as u16,
        flags: 0,
        hops: 0,
        ifindex: 0,
        attrs: Vec::new(),
    };
    let mut iter = words.iter();
    loop {
        let rest = iter.as_slice();
        let Some(word) = iter.next() else {
            break;
        };
        let w = word.as_str();
        if w == "via" {
            let address = parse_via(&mut iter, header.family)?;
            if header.family == AF_UNSPEC {
                header.family = address.family;
            }
            if address.family == header.family {
                hop.add(RTA_GATEWAY, address.bytes());
                hop.len += 4 + address.bytelen as u16;
            } else {
                hop.add(RTA_VIA, &via_payload(&address));
                hop.len += align4(4 + address.bytelen + 2) as u16;
            }
        } else if w == "dev" {
            let name = next_arg(&mut iter)?;
            hop.ifindex = names.index(name)?;
            if hop.ifindex == 0 {
                return Err(RouteError::NexthopDevice(name.clone()).into());
            }
        } else if w == "weight" {
            let value = next_arg(&mut iter)?;
            let weight = get_unsigned(value)
                .filter(|w| (1..=256).contains(w))
                .ok_or_else(|| invalid(value, "\"weight\" is invalid\n"))?;
            hop.hops = (weight - 1) as u8;
        } else if w == "onlink" {
            hop.flags |= RTNH_F_ONLINK;
        } else if matches(w, "realms") {
            let value = next_arg(&mut iter)?;
            let realm = rt_names::realms(value)
                .ok_or_else(|| invalid(value, "\"realm\" value is invalid\n"))?;
            hop.add(RTA_FLOW, &realm.to_ne_bytes());
            hop.len += 8;
        } else if w == "encap" {
            let (encap, used) = parse_encap(iter.as_slice())?;
            let before = hop.attrs.len();
            for (kind, payload) in encap {
                hop.add(kind, &payload);
            }
            hop.len += (hop.attrs.len() - before) as u16;
            if used > 0 {
                iter.nth(used - 1);
            }
        } else if w == "as" {
            let mut value = next_arg(&mut iter)?;
            if value == "to" {
                value = next_arg(&mut iter)?;
            }
            let address = inet::get_addr(value, header.family)?;
            hop.add(RTA_NEWDST, address.bytes());
            hop.len += 4 + address.bytelen as u16;
        } else {
            return Ok((hop, words.len() - rest.len()));
        }
    }
    Ok((hop, words.len()))
}
