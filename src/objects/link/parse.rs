//! ip's generic link grammar (ip/iplink.c `iplink_parse`): every option
//! before `type`, shared by add, set, change, replace, delete and by the
//! peers of veth and vxcan.
//!
//! ip appends each attribute to its request the moment it reads the word,
//! so the attribute order follows the command line; [`Parsed`] keeps the
//! list in that order. Generic attributes use netlink-packet-route's typed
//! `LinkAttribute`s where npr encodes them exactly like ip; where it does
//! not (IFLA_IFALIAS without a NUL, IFLA_AF_SPEC, IFLA_XDP,
//! IFLA_PROTO_DOWN_REASON) the bytes are written by hand and carried as
//! `LinkAttribute::Other`, so the kernel receives ip's bytes.

use std::fs::File;

use netlink_packet_core::DefaultNla;
use netlink_packet_route::link::{
    LinkAttribute, LinkFlags, LinkHeader, LinkLayerType, LinkMessage, LinkMode, State,
};
use netlink_packet_route::AddressFamily;

use super::lladdr;
use super::modify::Verb;
use super::nla::Nest;
use crate::context::Context;
use crate::error::{Error, Result};
use crate::grammar::{get_integer, get_unsigned, matches, next_arg};
use crate::kernel::{namespace, nsid};
use crate::model::link::*;
use crate::model::names::group_number;
use crate::objects::device;
use crate::objects::link::errors::LinkError;

/// One parsed `iplink_parse` run: the ifinfomsg, the attributes in ip's
/// order, the kind after `type`, and how many words were used.
#[derive(Debug, Default)]
pub struct Parsed {
    pub index: i32,
    pub flags: u32,
    pub change: u32,
    pub attributes: Vec<LinkAttribute>,
    pub kind: Option<String>,
    pub consumed: usize,
    /// Namespace files whose descriptors the request refers to: they must
    /// stay open until the kernel has answered.
    pub files: Vec<File>,
}

impl Parsed {
    pub fn message(&self, family: u8) -> LinkMessage {
        let mut message = LinkMessage::default();
        message.header = LinkHeader {
            interface_family: AddressFamily::from(family),
            index: self.index as u32,
            link_layer_type: LinkLayerType::from(0u16),
            flags: LinkFlags::from_bits_retain(self.flags),
            change_mask: LinkFlags::from_bits_retain(self.change),
        };
        message.attributes = self.attributes.clone();
        message
    }
}

const IFLA_PROTO_DOWN_REASON_MASK: u16 = 1;
const IFLA_PROTO_DOWN_REASON_VALUE: u16 = 2;
use crate::kernel::attrs::NLA_F_NESTED;
const IFLA_XDP_FD: u16 = 1;
const IFLA_XDP_FLAGS: u16 = 3;
const XDP_FLAGS_UPDATE_IF_NOEXIST: u32 = 1;
const XDP_FLAGS_SKB_MODE: u32 = 2;
const XDP_FLAGS_DRV_MODE: u32 = 4;
const XDP_FLAGS_HW_MODE: u32 = 8;

pub fn raw(kind: u16, payload: Vec<u8>) -> LinkAttribute {
    LinkAttribute::Other(DefaultNla::new(kind, payload))
}

fn invarg(reason: &str, arg: &str) -> Error {
    Error::InvalidArgument {
        arg: arg.to_string(),
        reason: reason.to_string(),
    }
}

fn duparg(key: &str, arg: &str) -> Error {
    Error::DuplicateArgument {
        key: key.to_string(),
        arg: arg.to_string(),
    }
}

/// lib/utils.c `check_altifname`: not empty, no `/`, no C white space
/// (which includes the vertical tab).
pub fn is_valid_altname(name: &str) -> bool {
    !name.is_empty()
        && !name
            .bytes()
            .any(|b| b == b'/' || b.is_ascii_whitespace() || b == 0x0b)
}

/// lib/utils.c `check_ifname`: an altname shorter than IFNAMSIZ.
pub fn is_valid_ifname(name: &str) -> bool {
    name.len() < 16 && is_valid_altname(name)
}

/// ip's `on`/`off` flags: (keyword, flag, whether `on` sets the bit).
const FLAG_WORDS: &[(&str, u32, bool)] = &[
    ("multicast", IFF_MULTICAST, true),
    ("allmulticast", IFF_ALLMULTI, true),
    ("promisc", IFF_PROMISC, true),
    ("trailers", IFF_NOTRAILERS, false),
    ("arp", IFF_NOARP, false),
];

/// ip's `get_link_mode`.
fn link_mode(word: &str) -> Option<u8> {
    LINK_MODES
        .iter()
        .position(|mode| mode.eq_ignore_ascii_case(word))
        .map(|i| i as u8)
}

/// ip's `get_operstate`.
fn operstate(word: &str) -> Option<u8> {
    OPER_STATES
        .iter()
        .position(|state| state.eq_ignore_ascii_case(word))
        .map(|i| i as u8)
}

/// ip's `get_addr_gen_mode` (IN6_ADDR_GEN_MODE_*).
fn addr_gen_mode(word: &str) -> Option<u8> {
    [
        ("eui64", 0),
        ("none", 1),
        ("stable_secret", 2),
        ("random", 3),
    ]
    .iter()
    .find(|(name, _)| name.eq_ignore_ascii_case(word))
    .map(|(_, mode)| *mode)
}

/// `parse_on_off` (carrier, protodown): ip returns -EINVAL on a bad value.
fn on_off_value(key: &str, word: &str) -> Result<u8> {
    super::choice::on_off(key, word).map(u8::from).map_err(|_| {
        Error::from(LinkError::OneOfOnOff {
            key: key.to_string(),
            word: word.to_string(),
        })
    })
}

/// The nsid this namespace has for the named one, assigning one when there
/// is none (ip's get/set_netnsid_from_name).
fn link_netnsid(ctx: &mut Context, name: &str) -> Option<i32> {
    let file = namespace::open_by_name_or_path(name.as_ref())?;
    let netlink = ctx.raw().ok()?;
    if let Ok(Some(id)) = nsid::of_file(netlink, &file) {
        return Some(id);
    }
    // ip prints the kernel's refusal and goes on; the lookup below then
    // finds nothing.
    if let Err(err) = nsid::assign(netlink, &file, -1) {
        crate::error::warn(crate::error::Warning::Kernel(err));
    }
    nsid::of_file(netlink, &file).ok().flatten()
}

/// The length of the device's current hardware address (ip's
/// `nl_get_ll_addr_len`), None when it has none or is unknown.
fn address_length(ctx: &mut Context, name: &str) -> Result<Option<usize>> {
    let Some(link) = device::lookup(ctx, name.as_bytes())? else {
        return Ok(None);
    };
    Ok(link.attrs().get(IFLA_ADDRESS).map(<[u8]>::len))
}

/// `xdp* off|none` (ip/iplink_xdp.c `xdp_parse` + `xdp_delete`): detach
/// the program. ip takes `off`/`none` as such only as the last word;
/// anything else is a BPF object to load, which rnet cannot do.
fn xdp_detach(
    ctx: &mut Context,
    keyword: &str,
    value: &str,
    last: bool,
    dev: &str,
) -> Result<LinkAttribute> {
    if keyword == "xdpoffload" && device::index_of(ctx, dev)? == 0 {
        return Err(Error::IncompleteCommand);
    }
    if !matches!(value, "off" | "none") || !last {
        return Err(Error::LinkWordUnsupported(keyword.to_string()));
    }
    let mut flags = if ctx.options.force > 0 {
        0
    } else {
        XDP_FLAGS_UPDATE_IF_NOEXIST
    };
    flags |= match keyword {
        "xdpgeneric" => XDP_FLAGS_SKB_MODE,
        "xdpdrv" => XDP_FLAGS_DRV_MODE,
        "xdpoffload" => XDP_FLAGS_HW_MODE,
        _ => 0,
    };
    let mut xdp = Nest::default();
    xdp.u32(IFLA_XDP_FD, u32::MAX);
    if flags != 0 {
        xdp.u32(IFLA_XDP_FLAGS, flags);
    }
    Ok(raw(IFLA_XDP, xdp.into_bytes()))
}

/// The REASON of `protodown_reason REASON on|off`. Reason names would
/// come from /etc/iproute2/protodown_reasons.d, which iproute2 does not
/// install; numbers 0-31 are read here.
fn protodown_bit(reason: &str) -> Result<u32> {
    get_unsigned(reason)
        .filter(|bit| *bit < 32)
        .ok_or_else(|| invarg("invalid protodown reason\n", reason))
}

/// IFLA_PROTO_DOWN_REASON for one reason bit switched on or off.
fn protodown_reason(bit: u32, switch: &str) -> Result<LinkAttribute> {
    let mask = 1u32 << bit;
    let value = if matches(switch, "on") {
        mask
    } else if matches(switch, "off") {
        0
    } else {
        return Err(Error::from(LinkError::OnOff {
            key: "protodown_reason".into(),
            word: switch.to_string(),
        }));
    };
    let mut reasons = Nest::default();
    reasons.u32(IFLA_PROTO_DOWN_REASON_MASK, mask);
    reasons.u32(IFLA_PROTO_DOWN_REASON_VALUE, value);
    Ok(raw(
        IFLA_PROTO_DOWN_REASON | NLA_F_NESTED,
        reasons.into_bytes(),
    ))
}

/// ip's `iplink_parse`: the generic options, up to and including `type`.
pub fn parse(ctx: &mut Context, words: &[String], verb: Verb) -> Result<Parsed> {
    let mut parsed = Parsed::default();
    // Word positions stand in for ip's `char *` identities: ip compares the
    // pointers `name` and `dev`, not their text.
    let mut name: Option<usize> = None;
    let mut dev: Option<usize> = None;
    let mut link: Option<&str> = None;
    let mut qlen_seen = false;
    let mut mtu_seen = false;
    let mut netns_seen = false;
    let mut move_netns = false;
    let mut txq_seen = false;
    let mut rxq_seen = false;
    let mut link_netnsid_seen = false;
    let mut index = 0;
    let mut group: Option<u32> = None;
    let mut addr_len = 0;

    let mut iter = words.iter();
    while let Some(word) = iter.next() {
        let w = word.as_str();
        if w == "up" {
            parsed.change |= IFF_UP;
            parsed.flags |= IFF_UP;
        } else if w == "down" {
            parsed.change |= IFF_UP;
            parsed.flags &= !IFF_UP;
        } else if w == "name" {
            let value = next_arg(&mut iter)?;
            if name.is_some() {
                return Err(duparg("name", value));
            }
            if !is_valid_ifname(value) {
                return Err(invarg("\"name\" not a valid ifname", value));
            }
            let at = position(words, &iter);
            name = Some(at);
            if dev.is_none() {
                dev = Some(at);
            }
        } else if w == "index" {
            let value = next_arg(&mut iter)?;
            if index != 0 {
                return Err(duparg("index", value));
            }
            index = crate::grammar::atoi(value);
            if index <= 0 {
                return Err(invarg("Invalid \"index\" value", value));
            }
        } else if matches(w, "link") {
            link = Some(next_arg(&mut iter)?);
        } else if matches(w, "address") {
            let bytes = lladdr::parse(next_arg(&mut iter)?)?;
            addr_len = bytes.len();
            parsed.attributes.push(LinkAttribute::Address(bytes));
        } else if matches(w, "broadcast") || w == "brd" {
            let bytes = lladdr::parse(next_arg(&mut iter)?)?;
            parsed.attributes.push(LinkAttribute::Broadcast(bytes));
        } else if matches(w, "txqueuelen") || w == "qlen" || matches(w, "txqlen") {
            let value = next_arg(&mut iter)?;
            if qlen_seen {
                return Err(duparg("txqueuelen", value));
            }
            let qlen = get_integer(value)
                .ok_or_else(|| invarg("Invalid \"txqueuelen\" value\n", value))?;
            qlen_seen = true;
            parsed
                .attributes
                .push(LinkAttribute::TxQueueLen(qlen as u32));
        } else if w == "mtu" {
            let value = next_arg(&mut iter)?;
            if mtu_seen {
                return Err(duparg("mtu", value));
            }
            let mtu = get_integer(value).ok_or_else(|| invarg("Invalid \"mtu\" value\n", value))?;
            mtu_seen = true;
            parsed.attributes.push(LinkAttribute::Mtu(mtu as u32));
        } else if matches!(w, "xdpgeneric" | "xdpdrv" | "xdpoffload" | "xdp") {
            let value = next_arg(&mut iter)?;
            let last = iter.len() == 0;
            let dev_name = text_at(words, dev).to_string();
            parsed
                .attributes
                .push(xdp_detach(ctx, w, value, last, &dev_name)?);
            if w == "xdpoffload" && name == dev {
                dev = None;
            }
        } else if w == "netns" {
            let value = next_arg(&mut iter)?;
            if netns_seen {
                return Err(duparg("netns", value));
            }
            netns_seen = true;
            if let Some(file) = namespace::open_by_name_or_path(value.as_ref()) {
                use std::os::fd::AsRawFd;
                parsed
                    .attributes
                    .push(LinkAttribute::NetNsFd(file.as_raw_fd()));
                parsed.files.push(file);
            } else if let Some(pid) = get_integer(value) {
                parsed.attributes.push(LinkAttribute::NetNsPid(pid as u32));
            } else {
                return Err(invarg("Invalid \"netns\" value\n", value));
            }
            move_netns = true;
        } else if let Some((key, flag, on_sets)) =
            FLAG_WORDS.iter().find(|(key, _, _)| *key == w).copied()
        {
            let value = next_arg(&mut iter)?;
            parsed.change |= flag;
            let set = match value.as_str() {
                "on" => on_sets,
                "off" => !on_sets,
                _ => {
                    return Err(Error::from(LinkError::OnOff {
                        key: key.to_string(),
                        word: value.clone(),
                    }))
                }
            };
            if set {
                parsed.flags |= flag;
            } else {
                parsed.flags &= !flag;
            }
        } else if w == "carrier" {
            let value = on_off_value("carrier", next_arg(&mut iter)?)?;
            parsed.attributes.push(LinkAttribute::Carrier(value));
        } else if w == "vf" {
            let value = next_arg(&mut iter)?;
            let vf = get_integer(value).ok_or_else(|| invarg("Invalid \"vf\" value\n", value))?;
            if dev.is_none() {
                return Err(Error::MissingArgument("dev".into()));
            }
            let dev_name = text_at(words, dev).to_string();
            let (attribute, used) = super::vf::parse(ctx, vf, iter.as_slice(), &dev_name)?;
            parsed.attributes.push(attribute);
            if used > 0 {
                iter.nth(used - 1);
            }
            if name == dev {
                dev = None;
            }
        } else if matches(w, "master") {
            let value = next_arg(&mut iter)?;
            let ifindex = device::index_of(ctx, value)?;
            if ifindex == 0 {
                return Err(invarg("Device does not exist\n", value));
            }
            parsed
                .attributes
                .push(LinkAttribute::Controller(ifindex as u32));
        } else if w == "vrf" {
            let value = next_arg(&mut iter)?;
            let ifindex = device::index_of(ctx, value)?;
            if ifindex == 0 || !is_vrf(ctx, value)? {
                return Err(invarg("Not a valid VRF name\n", value));
            }
            parsed
                .attributes
                .push(LinkAttribute::Controller(ifindex as u32));
        } else if matches(w, "nomaster") {
            parsed.attributes.push(LinkAttribute::Controller(0));
        } else if matches(w, "dynamic") {
            let value = next_arg(&mut iter)?;
            parsed.change |= IFF_DYNAMIC;
            match value.as_str() {
                "on" => parsed.flags |= IFF_DYNAMIC,
                "off" => parsed.flags &= !IFF_DYNAMIC,
                _ => {
                    return Err(Error::from(LinkError::OnOff {
                        key: "dynamic".into(),
                        word: value.clone(),
                    }))
                }
            }
        } else if matches(w, "type") {
            let value = next_arg(&mut iter)?;
            parsed.kind = Some(value.clone());
            break;
        } else if matches(w, "alias") {
            let value = next_arg(&mut iter)?;
            if value.len() >= 256 {
                return Err(invarg("alias too long\n", value));
            }
            parsed
                .attributes
                .push(raw(IFLA_IFALIAS, value.as_bytes().to_vec()));
        } else if w == "group" {
            let value = next_arg(&mut iter)?;
            if group.is_some() {
                return Err(duparg("group", value));
            }
            let id =
                group_number(value).ok_or_else(|| invarg("Invalid \"group\" value\n", value))?;
            group = Some(id);
            parsed.attributes.push(LinkAttribute::Group(id));
        } else if w == "mode" {
            let value = next_arg(&mut iter)?;
            let mode = link_mode(value).ok_or_else(|| invarg("Invalid link mode\n", value))?;
            parsed
                .attributes
                .push(LinkAttribute::Mode(LinkMode::from(mode)));
        } else if w == "state" {
            let value = next_arg(&mut iter)?;
            let state = operstate(value).ok_or_else(|| invarg("Invalid operstate\n", value))?;
            parsed
                .attributes
                .push(LinkAttribute::OperState(State::from(state)));
        } else if matches(w, "numtxqueues") {
            let value = next_arg(&mut iter)?;
            if txq_seen {
                return Err(duparg("numtxqueues", value));
            }
            let n = get_integer(value)
                .ok_or_else(|| invarg("Invalid \"numtxqueues\" value\n", value))?;
            txq_seen = true;
            parsed.attributes.push(LinkAttribute::NumTxQueues(n as u32));
        } else if matches(w, "numrxqueues") {
            let value = next_arg(&mut iter)?;
            if rxq_seen {
                return Err(duparg("numrxqueues", value));
            }
            let n = get_integer(value)
                .ok_or_else(|| invarg("Invalid \"numrxqueues\" value\n", value))?;
            rxq_seen = true;
            parsed.attributes.push(LinkAttribute::NumRxQueues(n as u32));
        } else if matches(w, "addrgenmode") {
            let value = next_arg(&mut iter)?;
            let mode = addr_gen_mode(value)
                .ok_or_else(|| invarg("Invalid address generation mode\n", value))?;
            let mut spec = Nest::default();
            let inet6 = spec.begin(AF_INET6 as u16);
            spec.u8(IFLA_INET6_ADDR_GEN_MODE, mode);
            spec.end(inet6);
            parsed.attributes.push(raw(IFLA_AF_SPEC, spec.into_bytes()));
        } else if matches(w, "link-netns") {
            let value = next_arg(&mut iter)?;
            if link_netnsid_seen {
                return Err(duparg("link-netns/link-netnsid", value));
            }
            link_netnsid_seen = true;
            let id = link_netnsid(ctx, value)
                .ok_or_else(|| invarg("Invalid \"link-netns\" value\n", value))?;
            parsed.attributes.push(LinkAttribute::LinkNetNsId(id));
        } else if matches(w, "link-netnsid") {
            let value = next_arg(&mut iter)?;
            if link_netnsid_seen {
                return Err(duparg("link-netns/link-netnsid", value));
            }
            link_netnsid_seen = true;
            let id = get_integer(value)
                .ok_or_else(|| invarg("Invalid \"link-netnsid\" value\n", value))?;
            parsed.attributes.push(LinkAttribute::LinkNetNsId(id));
        } else if w == "protodown" {
            let value = on_off_value("protodown", next_arg(&mut iter)?)?;
            parsed.attributes.push(LinkAttribute::ProtoDown(value));
        } else if w == "protodown_reason" {
            let bit = protodown_bit(next_arg(&mut iter)?)?;
            let switch = next_arg(&mut iter)?;
            parsed.attributes.push(protodown_reason(bit, switch)?);
        } else if w == "parentdev" {
            let value = next_arg(&mut iter)?;
            parsed
                .attributes
                .push(LinkAttribute::ParentDevName(value.clone()));
        } else if w == "gso_max_size" {
            let value = next_arg(&mut iter)?;
            let size = get_unsigned(value)
                .ok_or_else(|| invarg("Invalid \"gso_max_size\" value\n", value))?;
            parsed.attributes.push(LinkAttribute::GsoMaxSize(size));
        } else if w == "gso_max_segs" {
            let value = next_arg(&mut iter)?;
            // GSO_MAX_SEGS in the kernel headers ip is built with.
            let segs = get_unsigned(value)
                .filter(|segs| *segs <= 65535)
                .ok_or_else(|| invarg("Invalid \"gso_max_segs\" value\n", value))?;
            parsed.attributes.push(LinkAttribute::GsoMaxSegs(segs));
        } else if w == "gro_max_size" {
            let value = next_arg(&mut iter)?;
            let size = get_unsigned(value)
                .ok_or_else(|| invarg("Invalid \"gro_max_size\" value\n", value))?;
            parsed.attributes.push(LinkAttribute::GroMaxSize(size));
        } else {
            if matches(w, "help") {
                return Err(Error::Usage(crate::objects::link::USAGE));
            }
            let value = if w == "dev" {
                next_arg(&mut iter)?
            } else {
                word
            };
            if dev != name {
                return Err(Error::DuplicateOrGarbage {
                    key: "dev".into(),
                    arg: value.clone(),
                });
            }
            if !is_valid_altname(value) {
                return Err(invarg("\"dev\" not a valid ifname", value));
            }
            dev = Some(position(words, &iter));
        }
    }
    parsed.consumed = words.len() - iter.len();
    let remaining = iter.len();

    let text = |at: Option<usize>| at.map(|i| words[i].as_str());
    // "ip link add dev X" and "ip link add name X" are the same thing.
    if name.is_none() {
        name = dev;
    } else if dev.is_none() {
        dev = name;
    } else if text(name) == text(dev) {
        name = dev;
    }

    if let Some(dev_name) = text(dev) {
        if addr_len != 0 && !verb.creates() {
            if let Some(want) = address_length(ctx, dev_name)? {
                if want != addr_len {
                    return Err(Error::from(LinkError::AddressLength {
                        got: addr_len,
                        want,
                    }));
                }
            }
        }
    }

    if index != 0 && !verb.creates() && !move_netns {
        return Err(Error::from(LinkError::IndexNotAllowed));
    }

    if group.is_some() && dev.is_none() {
        if remaining > 0 {
            return Err(Error::from(LinkError::GarbageArguments {
                word: words[parsed.consumed].clone(),
                exits: true,
            }));
        }
        if verb.creates() {
            return Err(Error::from(LinkError::GroupOnCreate));
        }
        parsed.kind = None;
        return Ok(parsed);
    }

    if !verb.creates() {
        let Some(dev_name) = text(dev) else {
            return Err(Error::DevRequired);
        };
        parsed.index = device::index_of(ctx, dev_name)?;
        if parsed.index == 0 {
            return Err(Error::CannotFindDevice(dev_name.to_string()));
        }
        // Not renaming to the same name.
        if name == dev {
            name = None;
        }
        if index != 0 {
            parsed.attributes.push(LinkAttribute::NewIfIndex(index));
        }
    } else {
        if name != dev {
            return Err(Error::from(LinkError::NameAndDev));
        }
        if let Some(link) = link {
            let ifindex = device::index_of(ctx, link)?;
            if ifindex == 0 {
                return Err(Error::CannotFindDevice(link.to_string()));
            }
            parsed.attributes.push(LinkAttribute::Link(ifindex as u32));
        }
        parsed.index = index;
    }

    if let Some(name) = text(name) {
        parsed
            .attributes
            .push(LinkAttribute::IfName(name.to_string()));
    }
    Ok(parsed)
}

/// The word at a position, or "" (ip passes a NULL name, which no device
/// has).
fn text_at(words: &[String], at: Option<usize>) -> &str {
    at.map_or("", |i| words[i].as_str())
}

/// The position in `words` of the word `iter` returned last.
fn position(words: &[String], iter: &std::slice::Iter<'_, String>) -> usize {
    words.len() - iter.len() - 1
}

/// ip's `name_is_vrf`: the device's kind is `vrf`.
pub(crate) fn is_vrf(ctx: &mut Context, name: &str) -> Result<bool> {
    Ok(device::lookup(ctx, name.as_bytes())?
        .and_then(|link| link.kind(false).map(|kind| kind == b"vrf"))
        .unwrap_or(false))
}
