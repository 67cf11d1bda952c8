//! `vf N …`: settings of an SR-IOV virtual function (ip/iplink.c
//! `iplink_parse_vf`), sent as IFLA_VFINFO_LIST { IFLA_VF_INFO { … } }
//! with ip's C structures.

use netlink_packet_route::link::LinkAttribute;

use super::choice;
use super::lladdr;
use super::nla::Nest;
use super::parse::raw;
use crate::context::Context;
use crate::error::{Error, Result};
use crate::grammar::{get_unsigned, matches};
use crate::kernel::link;
use crate::model::link::{IFLA_ADDRESS, IFLA_NUM_VF, IFLA_VFINFO_LIST, RTEXT_FILTER_VF};
use crate::objects::device;
use crate::objects::link::errors::LinkError;

const IFLA_VF_INFO: u16 = 1;
const IFLA_VF_MAC: u16 = 1;
const IFLA_VF_VLAN: u16 = 2;
const IFLA_VF_TX_RATE: u16 = 3;
const IFLA_VF_SPOOFCHK: u16 = 4;
const IFLA_VF_LINK_STATE: u16 = 5;
const IFLA_VF_RATE: u16 = 6;
const IFLA_VF_RSS_QUERY_EN: u16 = 7;
const IFLA_VF_TRUST: u16 = 9;
const IFLA_VF_IB_NODE_GUID: u16 = 10;
const IFLA_VF_IB_PORT_GUID: u16 = 11;
const IFLA_VF_VLAN_LIST: u16 = 12;
const IFLA_VF_VLAN_INFO: u16 = 1;
const ETH_P_8021Q: u16 = 0x8100;
const ETH_P_8021AD: u16 = 0x88a8;

fn invarg(reason: &str, arg: &str) -> Error {
    Error::InvalidArgument {
        arg: arg.to_string(),
        reason: reason.to_string(),
    }
}

/// Words after `vf N`, read like ip's NEXT_ARG / PREV_ARG.
struct Cursor<'a> {
    words: &'a [String],
    at: usize,
}

impl<'a> Cursor<'a> {
    fn next(&mut self) -> Result<&'a str> {
        let word = self.words.get(self.at).ok_or(Error::IncompleteCommand)?;
        self.at += 1;
        Ok(word)
    }

    fn peek(&self) -> Option<&'a str> {
        self.words.get(self.at).map(String::as_str)
    }
}

/// u32 fields in native order, as ip's structures hold them.
fn fields(values: &[u32]) -> Vec<u8> {
    values.iter().flat_map(|v| v.to_ne_bytes()).collect()
}

/// `iplink_parse_vf_vlan_info`: VLAN [qos Q] [proto P] as
/// `struct ifla_vf_vlan_info` (vf, vlan, qos, be16 proto, padding).
fn vlan_info(cursor: &mut Cursor) -> Result<(u32, u32, u16)> {
    let v = cursor.next()?;
    let vlan = get_unsigned(v)
        .filter(|id| *id <= 4095)
        .ok_or_else(|| invarg("Invalid \"vlan\" value\n", v))?;
    let mut qos = 0;
    if cursor.peek().is_some_and(|w| matches(w, "qos")) {
        cursor.next()?;
        let v = cursor.next()?;
        qos = get_unsigned(v).ok_or_else(|| invarg("Invalid \"qos\" value\n", v))?;
    }
    let mut proto = ETH_P_8021Q;
    if cursor.peek().is_some_and(|w| matches(w, "proto")) {
        cursor.next()?;
        let v = cursor.next()?;
        let bytes = crate::objects::link::kinds::ll_proto(v)
            .ok_or_else(|| invarg("protocol is invalid\n", v))?;
        proto = u16::from_be_bytes(bytes);
        if proto != ETH_P_8021AD && proto != ETH_P_8021Q {
            return Err(invarg(
                "Invalid \"vlan protocol\" value - supported 802.1Q, 802.1ad\n",
                v,
            ));
        }
    }
    Ok((vlan, qos, proto))
}

fn vlan_info_bytes(vf: u32, (vlan, qos, proto): (u32, u32, u16)) -> Vec<u8> {
    let mut bytes = fields(&[vf, vlan, qos]);
    bytes.extend_from_slice(&proto.to_be_bytes());
    bytes.extend_from_slice(&[0, 0]);
    bytes
}

/// lib/utils.c `get_guid`: exactly xx:xx:xx:xx:xx:xx:xx:xx.
fn guid(word: &str) -> Option<u64> {
    let bytes = word.as_bytes();
    if bytes.len() != 23 || (0..7).any(|i| bytes[2 + i * 3] != b':') {
        return None;
    }
    (0..8).try_fold(0u64, |acc, i| {
        let part = &word[i * 3..i * 3 + 2];
        let value = u8::from_str_radix(part.trim_start_matches('+'), 16).ok()?;
        Some(acc | (u64::from(value) << (56 - 8 * i)))
    })
}

/// The current min/max rates of VF `vf` (ip's `ipaddr_get_vf_rate`).
fn current_rates(ctx: &mut Context, vf: u32, dev: &str) -> Result<(u32, u32)> {
    let index = device::index_of(ctx, dev)?;
    if index == 0 {
        return Err(Error::from(LinkError::KindFatal(
            format!("Device {dev} does not exist"),
            1,
        )));
    }
    let found = link::get(ctx.raw()?, None, index, 0, RTEXT_FILTER_VF)
        .ok()
        .flatten();
    let Some(found) = found else {
        return Ok((0, 0));
    };
    let attrs = found.attrs();
    let (Some(list), true) = (attrs.get(IFLA_VFINFO_LIST), attrs.has(IFLA_NUM_VF)) else {
        // ip reads uninitialised values here; rnet keeps 0.
        return Ok((0, 0));
    };
    for (_, info) in crate::kernel::attrs::iter(list) {
        let vf_attrs = crate::kernel::attrs::Attrs::parse(info, 20);
        let Some(rate) = vf_attrs.get(IFLA_VF_RATE) else {
            return Err(Error::from(LinkError::KindFatal(
                "VF min/max rate API not supported".into(),
                1,
            )));
        };
        let field = |i: usize| {
            rate.get(i * 4..i * 4 + 4)
                .map_or(0, |b| u32::from_ne_bytes(b.try_into().unwrap_or([0; 4])))
        };
        if field(0) == vf {
            return Ok((field(1), field(2)));
        }
    }
    Err(Error::from(LinkError::KindFatal(
        format!("Cannot find VF {vf}"),
        1,
    )))
}

/// Parses the settings after `vf N` (the number is already read); returns
/// IFLA_VFINFO_LIST and how many words it used.
pub fn parse(
    ctx: &mut Context,
    vf: i32,
    words: &[String],
    dev: &str,
) -> Result<(LinkAttribute, usize)> {
    let vf = vf as u32;
    // ip looks ahead over every remaining word for the new rate API.
    let new_rate_api = words
        .iter()
        .any(|w| matches(w, "max_tx_rate") || matches(w, "min_tx_rate"));
    let override_legacy_rate = words.iter().any(|w| matches(w, "max_tx_rate"));
    let (mut min_rate, mut max_rate): (Option<u32>, Option<u32>) = (None, None);
    let mut cursor = Cursor { words, at: 0 };
    let mut info = Nest::default();
    while let Some(word) = cursor.peek() {
        cursor.at += 1;
        if matches(word, "mac") {
            let v = cursor.next()?;
            let mut mac = lladdr::parse(v)?;
            let halen = device::lookup(ctx, dev.as_bytes())?
                .and_then(|l| l.attrs().get(IFLA_ADDRESS).map(<[u8]>::len));
            if let Some(want) = halen.filter(|n| *n > 0) {
                if mac.len() != want {
                    return Err(Error::from(LinkError::AddressLength {
                        got: mac.len(),
                        want,
                    }));
                }
            }
            mac.resize(32, 0);
            let mut bytes = vf.to_ne_bytes().to_vec();
            bytes.extend_from_slice(&mac);
            info.attr(IFLA_VF_MAC, &bytes);
        } else if matches(word, "vlan") {
            let first = vlan_info(&mut cursor)?;
            if first.2 == ETH_P_8021Q {
                info.attr(IFLA_VF_VLAN, &fields(&[vf, first.0, first.1]));
            } else {
                let list = info.begin(IFLA_VF_VLAN_LIST);
                info.attr(IFLA_VF_VLAN_INFO, &vlan_info_bytes(vf, first));
                while cursor.peek().is_some_and(|w| matches(w, "vlan")) {
                    cursor.at += 1;
                    let more = vlan_info(&mut cursor)?;
                    info.attr(IFLA_VF_VLAN_INFO, &vlan_info_bytes(vf, more));
                }
                info.end(list);
            }
        } else if matches(word, "rate") {
            let v = cursor.next()?;
            let rate = get_unsigned(v).ok_or_else(|| invarg("Invalid \"rate\" value\n", v))?;
            if !new_rate_api {
                info.attr(IFLA_VF_TX_RATE, &fields(&[vf, rate]));
            } else if !override_legacy_rate {
                max_rate = Some(rate);
            }
        } else if matches(word, "max_tx_rate") {
            let v = cursor.next()?;
            max_rate =
                Some(get_unsigned(v).ok_or_else(|| invarg("Invalid \"max tx rate\" value\n", v))?);
        } else if matches(word, "min_tx_rate") {
            let v = cursor.next()?;
            min_rate =
                Some(get_unsigned(v).ok_or_else(|| invarg("Invalid \"min tx rate\" value\n", v))?);
        } else if let Some((key, attr)) = [
            ("spoofchk", IFLA_VF_SPOOFCHK),
            ("query_rss", IFLA_VF_RSS_QUERY_EN),
            ("trust", IFLA_VF_TRUST),
        ]
        .into_iter()
        .find(|(key, _)| matches(word, key))
        {
            let v = cursor.next()?;
            let on = choice::on_off(key, v)
                .map_err(|text| Error::from(LinkError::KindArgument(text)))?;
            info.attr(attr, &fields(&[vf, u32::from(on)]));
        } else if matches(word, "state") {
            let v = cursor.next()?;
            let state = ["auto", "enable", "disable"]
                .iter()
                .position(|s| matches(v, s))
                .ok_or_else(|| invarg("Invalid \"state\" value\n", v))?;
            info.attr(IFLA_VF_LINK_STATE, &fields(&[vf, state as u32]));
        } else if matches(word, "node_guid") || matches(word, "port_guid") {
            let attr = if matches(word, "node_guid") {
                IFLA_VF_IB_NODE_GUID
            } else {
                IFLA_VF_IB_PORT_GUID
            };
            let v = cursor.next()?;
            let value = guid(v).ok_or_else(|| invarg("Invalid GUID format\n", v))?;
            let mut bytes = fields(&[vf, 0]);
            bytes.extend_from_slice(&value.to_ne_bytes());
            info.attr(attr, &bytes);
        } else {
            // Not a VF word: it belongs to the generic options again.
            cursor.at -= 1;
            break;
        }
    }
    if new_rate_api {
        // ip marks "not given" with -1, so 4294967295 counts as not given.
        min_rate = min_rate.filter(|r| *r != u32::MAX);
        max_rate = max_rate.filter(|r| *r != u32::MAX);
        if min_rate.is_none() || max_rate.is_none() {
            let (min, max) = current_rates(ctx, vf, dev)?;
            min_rate.get_or_insert(min);
            max_rate.get_or_insert(max);
        }
        let (min, max) = (min_rate.unwrap_or(0), max_rate.unwrap_or(0));
        if max != 0 && min > max {
            return Err(Error::from(LinkError::KindArgument(format!(
                "Invalid min_tx_rate {} - must be <= max_tx_rate {}",
                min as i32, max as i32
            ))));
        }
        info.attr(IFLA_VF_RATE, &fields(&[vf, min, max]));
    }
    if cursor.at == 0 {
        return Err(Error::IncompleteCommand);
    }
    let mut list = Nest::default();
    let entry = list.begin(IFLA_VF_INFO);
    list.append(info);
    list.end(entry);
    Ok((raw(IFLA_VFINFO_LIST, list.into_bytes()), cursor.at))
}

#[cfg(test)]
mod tests {
    use super::guid;

    #[test]
    fn guids_are_strict() {
        assert_eq!(guid("00:11:22:33:44:55:66:77"), Some(0x0011223344556677));
        assert_eq!(guid("00:11:22:33:44:55:66"), None);
        assert_eq!(guid("00-11:22:33:44:55:66:77"), None);
        assert_eq!(guid("0g:11:22:33:44:55:66:77"), None);
    }
}
