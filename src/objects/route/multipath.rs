//! `nexthop …` words of `ip route add` (iproute.c `parse_nexthops` and
//! `parse_one_nh`): RTA_MULTIPATH, one netlink-packet-route `RouteNextHop`
//! with its attributes per hop.
//!
//! ip counts a hop's length by adding each attribute's header and payload
//! without padding (RTA_VIA and RTA_ENCAP padded), and the kernel walks the
//! hops by that length, so it is reproduced here rather than measured.
//! RTA_MULTIPATH stays raw, hops written by netlink-packet-route's
//! `RouteNextHop` with ip's lengths put in, when the crate cannot write a
//! hop as ip does: `RouteNextHop` writes the padded length (ip counts a
//! payload whose size is not a multiple of 4, a link-layer gateway,
//! unpadded) and holds only `RouteAttribute`s (a hop's RTA_ENCAP is raw,
//! see `request::parse_encap`).

use super::errors::RouteError;
use crate::error::Result;
use crate::grammar::inet::{self, AF_UNSPEC};
use crate::grammar::{get_unsigned, matches, next_arg};
use crate::kernel::attrs::align4;
use crate::model::rt_names;
use netlink_packet_core::{DefaultNla, Emitable};
use netlink_packet_route::route::{RouteAttribute, RouteNextHop, RouteNextHopFlags};

use super::request::{
    address, invalid, new_destination, parse_encap, parse_via, realm_of, via, Names, RouteAttr,
    RouteAttrs,
};
use crate::model::route::{Header, RTA_MULTIPATH, RTNH_F_ONLINK};

const RTNEXTHOP_LEN: usize = 8;

/// One hop as ip builds it: its `rtnexthop` fields (in a `RouteNextHop`
/// without attributes), its attributes, and ip's length of it.
struct Hop {
    header: RouteNextHop,
    attributes: RouteAttrs,
    length: u16,
}

impl Hop {
    /// The hop as netlink-packet-route's `RouteNextHop`, when the crate
    /// writes what ip writes.
    fn typed(&self) -> Option<RouteNextHop> {
        let attributes = self
            .attributes
            .iter()
            .map(|attribute| match attribute {
                RouteAttr::Typed(typed) => Some(typed.clone()),
                RouteAttr::Raw(_) => None,
            })
            .collect::<Option<Vec<_>>>()?;
        let mut hop = self.header.clone();
        hop.attributes = attributes;
        (hop.buffer_len() == self.length as usize).then_some(hop)
    }

    /// The hop's bytes, with ip's length.
    fn write(&self, out: &mut Vec<u8>) {
        let start = out.len();
        let header_len = self.header.buffer_len();
        let attributes = self.attributes.as_slice();
        out.resize(start + header_len + attributes.buffer_len(), 0);
        self.header.emit(&mut out[start..start + header_len]);
        attributes.emit(&mut out[start + header_len..]);
        out[start..start + 2].copy_from_slice(&self.length.to_ne_bytes());
    }
}

/// ip's `parse_nexthops`: `words` start at the first `nexthop`. Returns
/// RTA_MULTIPATH (none when there is no hop).
pub fn parse(
    header: &mut Header,
    words: &[String],
    names: &mut dyn Names,
) -> Result<Option<RouteAttr>> {
    let mut hops = Vec::new();
    let mut rest = words;
    while let Some(first) = rest.first() {
        if first != "nexthop" {
            return Err(RouteError::NexthopExpected(first.clone()).into());
        }
        if rest.len() <= 1 {
            return Err(RouteError::NexthopEndOfLine.into());
        }
        let (hop, used) = parse_one(header, &rest[1..], names)?;
        hops.push(hop);
        rest = &rest[1 + used..];
    }
    if hops.is_empty() {
        return Ok(None);
    }
    if let Some(typed) = hops.iter().map(Hop::typed).collect::<Option<Vec<_>>>() {
        return Ok(Some(RouteAttribute::MultiPath(typed).into()));
    }
    let mut payload = Vec::new();
    for hop in &hops {
        hop.write(&mut payload);
    }
    Ok(Some(RouteAttr::Raw(DefaultNla::new(
        RTA_MULTIPATH,
        payload,
    ))))
}

/// ip's `parse_one_nh`: the words of one hop, up to the first it does not
/// know. Returns the hop and how many words it took.
fn parse_one(header: &mut Header, words: &[String], names: &mut dyn Names) -> Result<(Hop, usize)> {
    let mut hop = Hop {
        header: RouteNextHop::default(),
        attributes: RouteAttrs::new(),
        length: RTNEXTHOP_LEN as u16,
    };
    let mut iter = words.iter();
    loop {
        let rest = iter.as_slice();
        let Some(word) = iter.next() else {
            break;
        };
        let w = word.as_str();
        if w == "via" {
            let gateway = parse_via(&mut iter, header.family)?;
            if header.family == AF_UNSPEC {
                header.family = gateway.family;
            }
            if gateway.family == header.family {
                hop.attributes
                    .push(RouteAttribute::Gateway(address(&gateway)).into());
                hop.length += 4 + gateway.bytelen as u16;
            } else {
                hop.attributes.push(via(&gateway).into());
                hop.length += align4(4 + gateway.bytelen + 2) as u16;
            }
        } else if w == "dev" {
            let name = next_arg(&mut iter)?;
            let index = names.index(name)?;
            if index == 0 {
                return Err(RouteError::NexthopDevice(name.clone()).into());
            }
            hop.header.interface_index = index as u32;
        } else if w == "weight" {
            let value = next_arg(&mut iter)?;
            let weight = get_unsigned(value)
                .filter(|w| (1..=256).contains(w))
                .ok_or_else(|| invalid(value, "\"weight\" is invalid\n"))?;
            hop.header.hops = (weight - 1) as u8;
        } else if w == "onlink" {
            hop.header.flags |= RouteNextHopFlags::from_bits_retain(RTNH_F_ONLINK);
        } else if matches(w, "realms") {
            let value = next_arg(&mut iter)?;
            let realm = rt_names::realms(value)
                .ok_or_else(|| invalid(value, "\"realm\" value is invalid\n"))?;
            hop.attributes
                .push(RouteAttribute::Realm(realm_of(realm)).into());
            hop.length += 8;
        } else if w == "encap" {
            let (encap, used) = parse_encap(iter.as_slice())?;
            hop.length += encap.as_slice().buffer_len() as u16;
            hop.attributes.extend(encap);
            if used > 0 {
                iter.nth(used - 1);
            }
        } else if w == "as" {
            let mut value = next_arg(&mut iter)?;
            if value == "to" {
                value = next_arg(&mut iter)?;
            }
            let address = inet::get_addr(value, header.family)?;
            hop.attributes.push(new_destination(&address).into());
            hop.length += 4 + address.bytelen as u16;
        } else {
            return Ok((hop, words.len() - rest.len()));
        }
    }
    Ok((hop, words.len()))
}
