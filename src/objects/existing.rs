//! What already exists where an `add` or `delete` is about to act.
//!
//! rnet's `-idempotent` decides "already done" by looking the object up and
//! comparing its key attributes with the request, never by ignoring the
//! kernel's error; the hints after EEXIST use the same look-ups to say which
//! name clashed and where. Nothing here prints: it answers [`State`]s.

use std::fs::File;
use std::net::{Ipv4Addr, Ipv6Addr};
use std::os::fd::AsFd;

use netlink_packet_core::{Emitable, Nla};
use netlink_packet_route::address::AddressAttribute;
use nix::sched::{setns, CloneFlags};

use crate::context::Context;
use crate::error::Result;
use crate::grammar::matches;
use crate::kernel::attrs::{cstr, Attrs};
use crate::kernel::link;
use crate::kernel::namespace;
use crate::kernel::raw::RawSocket;
use crate::model::address::{IFA_ADDRESS, IFA_LOCAL};
use crate::model::link::*;
use crate::objects::device;
use crate::objects::link::parse::Parsed;

/// How an existing object compares with the one a command describes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum State {
    Absent,
    Same,
    /// Something of that name is there, unlike the request in this way.
    Differs(String),
}

const VETH_INFO_PEER: u16 = 1;
const IFINFO_LEN: usize = 16;
/// The one key attribute of a kind's IFLA_INFO_DATA that makes two links of
/// that kind different objects: (kind, attribute, what to call it).
const KEY_DATA: &[(&str, u16, &str)] = &[
    ("vxlan", 1, "id"),     // IFLA_VXLAN_ID
    ("vlan", 1, "id"),      // IFLA_VLAN_ID
    ("macvlan", 1, "mode"), // IFLA_MACVLAN_MODE
    ("macvtap", 1, "mode"),
];
/// Kinds whose lower device (IFLA_LINK) is part of what they are.
const KEY_LINK: &[&str] = &["vlan", "macvlan", "macvtap", "ipvlan"];

/// The attributes of the link a parsed `link add` describes, as bytes.
fn request_bytes(parsed: &Parsed, family: u8) -> Vec<u8> {
    let message = parsed.message(family);
    let mut bytes = vec![0u8; message.buffer_len()];
    message.emit(&mut bytes);
    bytes.get(IFINFO_LEN..).unwrap_or_default().to_vec()
}

/// The name a `link add` gives its new link.
pub fn requested_name(parsed: &Parsed, family: u8) -> Option<Vec<u8>> {
    let bytes = request_bytes(parsed, family);
    Attrs::parse(&bytes, IFLA_MAX)
        .str(IFLA_IFNAME)
        .map(|name| cstr(name).to_vec())
}

/// A veth request's peer: its name (when given) and whether it goes to
/// another namespace.
pub fn requested_peer(parsed: &Parsed, family: u8) -> Option<(Option<Vec<u8>>, bool)> {
    let bytes = request_bytes(parsed, family);
    let attrs = Attrs::parse(&bytes, IFLA_MAX);
    let info = attrs.nested(IFLA_LINKINFO, IFLA_INFO_MAX)?;
    let peer = info
        .nested(IFLA_INFO_DATA, VETH_INFO_PEER)?
        .get(VETH_INFO_PEER)?;
    let peer = Attrs::parse(peer.get(IFINFO_LEN..)?, IFLA_MAX);
    let name = peer.str(IFLA_IFNAME).map(|name| cstr(name).to_vec());
    let elsewhere = peer.has(IFLA_NET_NS_FD) || peer.has(IFLA_NET_NS_PID);
    Some((name, elsewhere))
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// The namespace word after `peer … netns NAME` in a veth request.
pub fn peer_netns(words: &[String]) -> Option<&str> {
    let peer = words.iter().position(|w| w == "peer")?;
    let rest = &words[peer + 1..];
    let at = rest.iter().position(|w| matches(w, "netns"))?;
    rest.get(at + 1).map(String::as_str)
}

/// Compares the link named in a `link add` request (`words`) with what is
/// there.
pub fn link_state(
    ctx: &mut Context,
    parsed: &Parsed,
    family: u8,
    words: &[String],
) -> Result<State> {
    let Some(name) = requested_name(parsed, family) else {
        return Ok(State::Absent);
    };
    let Some(existing) = device::lookup(ctx, &name)? else {
        return Ok(State::Absent);
    };
    let wanted_kind = parsed.kind.clone().unwrap_or_default();
    let kind = existing.kind(false).map(text);
    if kind.as_deref() != Some(wanted_kind.as_str()) {
        let is = kind.map_or("a device without a kind".to_string(), |k| {
            format!("kind {k}")
        });
        return Ok(State::Differs(format!("it is {is}, not {wanted_kind}")));
    }
    let request = request_bytes(parsed, family);
    let wanted = Attrs::parse(&request, IFLA_MAX);
    let attrs = existing.attrs();
    if wanted_kind == "veth" {
        let index = existing.info.index;
        if let Some(difference) = veth_difference(ctx, parsed, family, &attrs, index, words)? {
            return Ok(State::Differs(difference));
        }
    }
    if KEY_LINK.contains(&wanted_kind.as_str()) {
        if let (Some(want), have) = (wanted.u32(IFLA_LINK), attrs.u32(IFLA_LINK)) {
            if Some(want) != have {
                let want = text(&device::name_of(ctx, want as i32)?);
                let have = text(&device::name_of(ctx, have.unwrap_or(0) as i32)?);
                return Ok(State::Differs(format!("its link is {have}, not {want}")));
            }
        }
    }
    Ok(data_difference(&wanted_kind, &wanted, &attrs).map_or(State::Same, State::Differs))
}

/// IFLA_INFO_DATA of a link's attributes.
fn info_data<'a>(attrs: &Attrs<'a>) -> Option<&'a [u8]> {
    Attrs::parse(attrs.get(IFLA_LINKINFO)?, IFLA_INFO_MAX).get(IFLA_INFO_DATA)
}

/// How the kind's key attribute (vxlan/vlan id, macvlan mode) of the
/// existing link (`have`) differs from the request's (`wanted`), when the
/// request gives one.
fn data_difference(kind: &str, wanted: &Attrs<'_>, have: &Attrs<'_>) -> Option<String> {
    let (_, key, label) = KEY_DATA.iter().find(|(k, _, _)| *k == kind)?;
    let want = Attrs::parse(info_data(wanted)?, *key).get(*key)?;
    let have = info_data(have).and_then(|data| Attrs::parse(data, *key).get(*key));
    if have == Some(want) {
        return None;
    }
    let show = |bytes: &[u8]| match *label {
        "mode" => macvlan_mode(bytes),
        _ => number(bytes),
    };
    Some(format!(
        "its {label} is {}, not {}",
        show(have.unwrap_or_default()),
        show(want)
    ))
}

/// A key attribute's value for messages (u16 or u32, host order).
fn number(bytes: &[u8]) -> String {
    match bytes.len() {
        2 => u16::from_ne_bytes([bytes[0], bytes[1]]).to_string(),
        4 => u32::from_ne_bytes(bytes.try_into().expect("4 bytes")).to_string(),
        _ => "none".to_string(),
    }
}

/// A macvlan/macvtap mode by ip's name for it.
fn macvlan_mode(bytes: &[u8]) -> String {
    match number(bytes).as_str() {
        "1" => "private".into(),
        "2" => "vepa".into(),
        "4" => "bridge".into(),
        "8" => "passthru".into(),
        "16" => "source".into(),
        other => other.into(),
    }
}

/// How an existing veth's peer differs from the requested one. A peer in
/// another namespace is looked up there: it must carry the requested name
/// and point back at this link.
fn veth_difference(
    ctx: &mut Context,
    parsed: &Parsed,
    family: u8,
    attrs: &Attrs<'_>,
    index: i32,
    words: &[String],
) -> Result<Option<String>> {
    let Some((want_name, want_elsewhere)) = requested_peer(parsed, family) else {
        return Ok(None);
    };
    let have_elsewhere = attrs.has(IFLA_LINK_NETNSID);
    if want_elsewhere != have_elsewhere {
        let (have, want) = if have_elsewhere {
            ("another namespace", "this one")
        } else {
            ("this namespace", "another one")
        };
        return Ok(Some(format!("its peer is in {have}, not {want}")));
    }
    let Some(want) = want_name else {
        return Ok(None);
    };
    let peer = attrs.u32(IFLA_LINK).unwrap_or(0) as i32;
    if !have_elsewhere {
        let have = device::name_of(ctx, peer)?;
        if have != want {
            return Ok(Some(format!(
                "its peer is {}, not {}",
                text(&have),
                text(&want)
            )));
        }
        return Ok(None);
    }
    // `netns NAME` (a PID cannot be opened as a name: nothing to compare).
    let Some(netns) = peer_netns(words) else {
        return Ok(None);
    };
    let Ok(file) = namespace::open(std::ffi::OsStr::new(netns)) else {
        return Ok(None);
    };
    // Indexes repeat across namespaces: the nsid must be that namespace's.
    let same_netns = crate::objects::netns::nsid_of_name(ctx, std::ffi::OsStr::new(netns))?
        == attrs.i32(IFLA_LINK_NETNSID);
    let found = link_in(&file, &want);
    let points_back = found
        .as_ref()
        .is_some_and(|link| link.info.index == peer && link.attrs().i32(IFLA_LINK) == Some(index));
    if same_netns && points_back {
        return Ok(None);
    }
    Ok(Some(format!(
        "its peer is not {} in namespace {netns}",
        text(&want)
    )))
}

/// The link named `name` in the namespace of `netns` (a file under
/// /run/netns): a socket is opened there and the current namespace restored.
pub fn link_in(netns: &File, name: &[u8]) -> Option<Link> {
    let home = File::open("/proc/self/ns/net").ok()?;
    setns(netns.as_fd(), CloneFlags::CLONE_NEWNET).ok()?;
    let socket = RawSocket::open(32 * 1024, true);
    setns(home.as_fd(), CloneFlags::CLONE_NEWNET).ok()?;
    link::get(&mut socket.ok()?, Some(name), 0, 0, 0)
        .ok()
        .flatten()
}

/// An address of `family` (4 or 16 bytes) as text.
pub fn address_text(bytes: &[u8]) -> String {
    match bytes.len() {
        4 => Ipv4Addr::from(<[u8; 4]>::try_from(bytes).expect("4 bytes")).to_string(),
        16 => Ipv6Addr::from(<[u8; 16]>::try_from(bytes).expect("16 bytes")).to_string(),
        _ => format!("{bytes:?}"),
    }
}

/// An address request, as the comparison needs it.
#[derive(Debug, Clone)]
pub struct WantedAddress {
    pub index: i32,
    pub family: u8,
    pub prefixlen: u8,
    pub local: Vec<u8>,
    /// IFA_ADDRESS when it differs from the local address (`peer`).
    pub peer: Option<Vec<u8>>,
}

impl WantedAddress {
    /// From the attributes of a planned RTM_NEWADDR/RTM_DELADDR.
    pub fn from_attrs(
        index: i32,
        family: u8,
        prefixlen: u8,
        attrs: &[AddressAttribute],
    ) -> Option<Self> {
        // The bytes the request carries, whichever type holds them.
        let get = |kind: u16| {
            attrs.iter().find(|a| a.kind() == kind).map(|a| {
                let mut value = vec![0; a.value_len()];
                a.emit_value(&mut value);
                value
            })
        };
        let local = get(IFA_LOCAL).or_else(|| get(IFA_ADDRESS))?;
        let peer = get(IFA_ADDRESS).filter(|address| *address != local);
        let family = match (family, local.len()) {
            (0, 4) => 2,
            (0, _) => 10,
            (family, _) => family,
        };
        Some(WantedAddress {
            index,
            family,
            prefixlen,
            local,
            peer,
        })
    }
}

/// Compares the address of a request with those on its device.
pub fn address_state(ctx: &mut Context, wanted: &WantedAddress) -> Result<State> {
    let mut state = State::Absent;
    let mut found: Vec<(u8, Vec<u8>, Option<Vec<u8>>)> = Vec::new();
    // A failed dump finds nothing: the request is then sent and the kernel
    // has the last word, as without -idempotent.
    let _ = crate::kernel::address::dump(ctx.raw()?, wanted.family, wanted.index, |address, _| {
        if address.header.index as i32 != wanted.index {
            return;
        }
        let attrs = address.attrs();
        let Some(local) = address.local(&attrs) else {
            return;
        };
        if local != wanted.local.as_slice() {
            return;
        }
        let peer = attrs
            .get(IFA_ADDRESS)
            .filter(|peer| attrs.has(IFA_LOCAL) && *peer != local)
            .map(<[u8]>::to_vec);
        found.push((address.header.prefixlen, local.to_vec(), peer));
    });
    for (prefixlen, local, peer) in found {
        if prefixlen == wanted.prefixlen && peer == wanted.peer {
            return Ok(State::Same);
        }
        let have = match &peer {
            Some(peer) => format!(
                "{} peer {}/{prefixlen}",
                address_text(&local),
                address_text(peer)
            ),
            None => format!("{}/{prefixlen}", address_text(&local)),
        };
        let want = match &wanted.peer {
            Some(peer) => format!("peer {}/{}", address_text(peer), wanted.prefixlen),
            None => format!("/{}", wanted.prefixlen),
        };
        state = State::Differs(format!("it is there as {have}, not {want}"));
    }
    Ok(state)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        text.split(' ').map(String::from).collect()
    }

    #[test]
    fn peer_namespace_is_the_word_after_peer_netns() {
        assert_eq!(
            peer_netns(&words("va type veth peer name vb netns blue")),
            Some("blue")
        );
        assert_eq!(peer_netns(&words("va type veth peer name vb")), None);
        // A `netns` before `peer` moves the link itself, not its peer.
        assert_eq!(peer_netns(&words("va netns x type veth peer vb")), None);
        assert_eq!(peer_netns(&words("va type veth peer vb net x")), Some("x"));
    }

    #[test]
    fn wanted_address_reads_local_and_peer() {
        let local = vec![192, 0, 2, 5];
        let peer = vec![192, 0, 2, 6];
        let ip = |bytes: &[u8]| match bytes.len() {
            4 => std::net::IpAddr::from(<[u8; 4]>::try_from(bytes).unwrap()),
            _ => std::net::IpAddr::from(<[u8; 16]>::try_from(bytes).unwrap()),
        };
        let plain = WantedAddress::from_attrs(
            3,
            0,
            24,
            &[
                AddressAttribute::Local(ip(&local)),
                AddressAttribute::Address(ip(&local)),
            ],
        )
        .unwrap();
        assert_eq!(
            (plain.family, plain.local.clone(), plain.peer),
            (2, local.clone(), None)
        );
        let with_peer = WantedAddress::from_attrs(
            3,
            2,
            32,
            &[
                AddressAttribute::Local(ip(&local)),
                AddressAttribute::Address(ip(&peer)),
            ],
        )
        .unwrap();
        assert_eq!(with_peer.peer, Some(peer));
        assert_eq!(address_text(&with_peer.local), "192.0.2.5");
        let v6 = WantedAddress::from_attrs(3, 0, 64, &[AddressAttribute::Address(ip(&[0x20; 16]))])
            .unwrap();
        assert_eq!(v6.family, 10);
        assert!(WantedAddress::from_attrs(3, 0, 64, &[]).is_none());
    }

    fn nla(kind: u16, payload: &[u8]) -> Vec<u8> {
        let mut out = ((4 + payload.len()) as u16).to_ne_bytes().to_vec();
        out.extend_from_slice(&kind.to_ne_bytes());
        out.extend_from_slice(payload);
        out.resize(crate::kernel::attrs::align4(out.len()), 0);
        out
    }

    /// A link's attributes with IFLA_LINKINFO { kind, data { key } }.
    fn link_with(kind: &str, key: Option<&[u8]>) -> Vec<u8> {
        let mut info = nla(IFLA_INFO_KIND, kind.as_bytes());
        if let Some(key) = key {
            info.extend(nla(IFLA_INFO_DATA, &nla(1, key)));
        }
        nla(IFLA_LINKINFO, &info)
    }

    fn attrs(bytes: &[u8]) -> Attrs<'_> {
        Attrs::parse(bytes, IFLA_MAX)
    }

    #[test]
    fn key_attributes_of_kinds_this_kernel_lacks() {
        let vlan5 = link_with("vlan", Some(&5u16.to_ne_bytes()));
        let vlan6 = link_with("vlan", Some(&6u16.to_ne_bytes()));
        let vlan_any = link_with("vlan", None);
        assert_eq!(
            data_difference("vlan", &attrs(&vlan5), &attrs(&vlan5)),
            None
        );
        assert_eq!(
            data_difference("vlan", &attrs(&vlan6), &attrs(&vlan5)).as_deref(),
            Some("its id is 5, not 6")
        );
        // A request without the key accepts any.
        assert_eq!(
            data_difference("vlan", &attrs(&vlan_any), &attrs(&vlan5)),
            None
        );
        let bridge = link_with("macvlan", Some(&4u32.to_ne_bytes()));
        let vepa = link_with("macvlan", Some(&2u32.to_ne_bytes()));
        assert_eq!(
            data_difference("macvlan", &attrs(&vepa), &attrs(&bridge)).as_deref(),
            Some("its mode is bridge, not vepa")
        );
        assert_eq!(
            data_difference("bridge", &attrs(&vepa), &attrs(&bridge)),
            None
        );
    }

    #[test]
    fn key_values_are_shown_by_name() {
        assert_eq!(macvlan_mode(&4u32.to_ne_bytes()), "bridge");
        assert_eq!(macvlan_mode(&2u32.to_ne_bytes()), "vepa");
        assert_eq!(number(&100u16.to_ne_bytes()), "100");
        assert_eq!(number(&[]), "none");
    }
}
