//! vlan (ip/iplink_vlan.c): id, protocol, flag switches and QoS maps.

pub(crate) mod print;

use super::{explain, invarg, ll_proto, Args, Nest};
use crate::error::{Error, Result};
use crate::grammar::{get_u16, get_unsigned, matches};
use crate::objects::link::errors::LinkError;

const IFLA_VLAN_ID: u16 = 1;
const IFLA_VLAN_FLAGS: u16 = 2;
const IFLA_VLAN_EGRESS_QOS: u16 = 3;
const IFLA_VLAN_INGRESS_QOS: u16 = 4;
const IFLA_VLAN_PROTOCOL: u16 = 5;
const IFLA_VLAN_QOS_MAPPING: u16 = 1;

/// The flag switches in ip's test order, with their VLAN_FLAG_* bits.
const SWITCHES: &[(&str, u32)] = &[
    ("reorder_hdr", 0x1),
    ("gvrp", 0x2),
    ("mvrp", 0x8),
    ("loose_binding", 0x4),
    ("bridge_binding", 0x10),
];

/// `parse_mapping`: FROM:TO words until one without a colon. Returns the
/// word that failed (its text before the colon, as ip prints it).
fn qos_map<'a>(
    words: &mut std::iter::Peekable<std::slice::Iter<'a, String>>,
    data: &mut Nest,
) -> std::result::Result<(), String> {
    while let Some(word) = words.peek() {
        let Some((from, to)) = word.split_once(':') else {
            break;
        };
        let from_value = get_unsigned(from).ok_or_else(|| from.to_string())?;
        let to_value = get_unsigned(to).ok_or_else(|| from.to_string())?;
        let mut mapping = from_value.to_ne_bytes().to_vec();
        mapping.extend_from_slice(&to_value.to_ne_bytes());
        data.attr(IFLA_VLAN_QOS_MAPPING, &mapping);
        words.next();
    }
    Ok(())
}

pub(crate) fn parse(args: &mut Args, data: &mut Nest) -> Result<()> {
    let (mut flags, mut mask) = (0u32, 0u32);
    let mut words = args.words.iter().peekable();
    while let Some(word) = words.next() {
        let w = word.as_str();
        let mut next = || words.next().ok_or(Error::IncompleteCommand);
        if matches(w, "protocol") {
            let v = next()?;
            let proto = ll_proto(v).ok_or_else(|| invarg("protocol is invalid", v))?;
            data.attr(IFLA_VLAN_PROTOCOL, &proto);
        } else if matches(w, "id") {
            let v = next()?;
            let id = get_u16(v).ok_or_else(|| invarg("id is invalid", v))?;
            data.u16(IFLA_VLAN_ID, id);
        } else if let Some((key, bit)) = SWITCHES.iter().copied().find(|(k, _)| matches(w, k)) {
            let v = next()?;
            mask |= bit;
            match v.as_str() {
                "on" => flags |= bit,
                "off" => flags &= !bit,
                _ => {
                    return Err(Error::from(LinkError::KindArgument(format!(
                        "Error: argument of \"{key}\" must be \"on\" or \"off\", not \"{v}\""
                    ))))
                }
            }
        } else if matches(w, "ingress-qos-map") || matches(w, "egress-qos-map") {
            let (attr, what) = if matches(w, "ingress-qos-map") {
                (IFLA_VLAN_INGRESS_QOS, "invalid ingress-qos-map")
            } else {
                (IFLA_VLAN_EGRESS_QOS, "invalid egress-qos-map")
            };
            if words.peek().is_none() {
                return Err(Error::IncompleteCommand);
            }
            let nest = data.begin(attr);
            qos_map(&mut words, data).map_err(|bad| invarg(what, &bad))?;
            data.end(nest);
        } else if matches(w, "help") {
            return Err(explain("vlan", None));
        } else {
            return Err(explain(
                "vlan",
                Some(format!("vlan: unknown command \"{w}\"?")),
            ));
        }
    }
    if mask != 0 {
        let mut bytes = flags.to_ne_bytes().to_vec();
        bytes.extend_from_slice(&mask.to_ne_bytes());
        data.attr(IFLA_VLAN_FLAGS, &bytes);
    }
    Ok(())
}
