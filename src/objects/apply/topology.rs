//! The topology file: what `rnet apply` builds and `rnet destroy` removes.
//!
//! One serde model read from YAML (JSON is YAML, so the same reader takes
//! both). Every struct refuses unknown keys, and the names that other
//! entries refer to carry their line (`Spanned`), so that a dangling
//! reference or a duplicate is reported where it stands. [`Topology::read`]
//! returns a file that is checked whole: every reference resolves, every
//! name is unique where the kernel needs it unique, every address parses.

use std::collections::BTreeMap;
use std::net::IpAddr;

use serde::Deserialize;
use serde_saphyr::Spanned;

use super::errors::ApplyError;

/// The whole file.
#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(crate) struct Topology {
    #[serde(default)]
    pub namespaces: Vec<Namespace>,
    #[serde(default)]
    pub links: Vec<LinkEntry>,
    #[serde(default)]
    pub addresses: Vec<AddressEntry>,
    #[serde(default)]
    pub routes: Vec<RouteEntry>,
    #[serde(default)]
    pub neighbors: Vec<NeighborEntry>,
}

/// A namespace the file owns: created by apply, deleted by destroy.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Namespace {
    pub name: Spanned<String>,
    /// `net.ipv4.ip_forward: 1`, written under /proc/sys inside it.
    #[serde(default)]
    pub sysctls: BTreeMap<String, SysctlValue>,
}

/// A sysctl's value: a number, a word or a boolean, kept as the text the
/// kernel reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SysctlValue(pub String);

impl<'de> Deserialize<'de> for SysctlValue {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = SysctlValue;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a number, a word or a boolean")
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<SysctlValue, E> {
                Ok(SysctlValue(text.to_string()))
            }
            fn visit_i64<E: serde::de::Error>(self, number: i64) -> Result<SysctlValue, E> {
                Ok(SysctlValue(number.to_string()))
            }
            fn visit_u64<E: serde::de::Error>(self, number: u64) -> Result<SysctlValue, E> {
                Ok(SysctlValue(number.to_string()))
            }
            fn visit_bool<E: serde::de::Error>(self, on: bool) -> Result<SysctlValue, E> {
                Ok(SysctlValue(u8::from(on).to_string()))
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

/// Whether a link is to be up or down.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub(crate) enum State {
    #[default]
    Up,
    Down,
}

/// The kinds of link a file can create. A link without a kind is one that
/// already exists (`lo`): apply sets its state and addresses, never
/// creates or deletes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Kind {
    Veth,
    Bridge,
    Macvlan,
    Vxlan,
    Tap,
    Dummy,
    Vlan,
}

impl Kind {
    /// The kind as the file names it.
    pub(crate) fn file_name(self) -> &'static str {
        match self {
            Kind::Tap => "tap",
            other => other.kernel_name(),
        }
    }

    /// The kind as the kernel reports it (IFLA_INFO_KIND).
    pub(crate) fn kernel_name(self) -> &'static str {
        match self {
            Kind::Veth => "veth",
            Kind::Bridge => "bridge",
            Kind::Macvlan => "macvlan",
            Kind::Vxlan => "vxlan",
            Kind::Tap => "tun",
            Kind::Dummy => "dummy",
            Kind::Vlan => "vlan",
        }
    }
}

/// One `links:` entry.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct LinkEntry {
    pub name: Spanned<String>,
    /// A declared namespace; none is the namespace rnet runs in.
    pub netns: Option<Spanned<String>>,
    pub kind: Option<Kind>,
    #[serde(default)]
    pub state: State,
    /// A bridge of the same namespace this link is a port of.
    pub master: Option<Spanned<String>>,
    /// veth: the other end.
    pub peer: Option<Peer>,
    /// macvlan, vlan: the parent; vxlan: the underlying device.
    pub link: Option<Spanned<String>>,
    /// macvlan: private, vepa, bridge (default), passthru, source.
    pub mode: Option<String>,
    /// vxlan: the VNI; vlan: the VLAN id.
    pub id: Option<u32>,
    /// vxlan.
    pub local: Option<IpAddr>,
    /// vxlan.
    pub remote: Option<IpAddr>,
    /// vxlan: the UDP port (default 4789).
    pub dstport: Option<u16>,
}

/// The other end of a veth pair.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Peer {
    pub name: Spanned<String>,
    pub netns: Option<Spanned<String>>,
    #[serde(default)]
    pub state: State,
    pub master: Option<Spanned<String>>,
}

/// One `addresses:` entry.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct AddressEntry {
    pub netns: Option<Spanned<String>>,
    pub dev: Spanned<String>,
    pub address: Spanned<String>,
}

/// One `routes:` entry.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RouteEntry {
    pub netns: Option<Spanned<String>>,
    /// `default` or a prefix.
    pub to: Spanned<String>,
    pub via: Option<IpAddr>,
    pub dev: Option<Spanned<String>>,
    pub metric: Option<u32>,
}

/// One `neighbors:` entry: a permanent neighbour.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct NeighborEntry {
    pub netns: Option<Spanned<String>>,
    pub dev: Spanned<String>,
    pub address: IpAddr,
    pub lladdr: Spanned<String>,
}

/// An address or route prefix: `192.0.2.1/24`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct Prefix {
    pub address: IpAddr,
    pub length: u8,
}

impl Prefix {
    /// `ADDR[/LEN]`, the length defaulting to the whole address.
    pub(crate) fn parse(text: &str) -> Option<Prefix> {
        let (address, length) = match text.split_once('/') {
            Some((address, length)) => (address, Some(length)),
            None => (text, None),
        };
        let address: IpAddr = address.parse().ok()?;
        let max = if address.is_ipv4() { 32 } else { 128 };
        let length = match length {
            Some(length) => length.parse::<u8>().ok().filter(|len| *len <= max)?,
            None => max,
        };
        Some(Prefix { address, length })
    }

    /// A route destination: `default` is the whole space of `family_of`'s
    /// family (IPv4 unless the gateway is IPv6).
    pub(crate) fn route(text: &str, family_of: Option<IpAddr>) -> Option<Prefix> {
        if text == "default" {
            let address = match family_of {
                Some(IpAddr::V6(_)) => IpAddr::V6(std::net::Ipv6Addr::UNSPECIFIED),
                _ => IpAddr::V4(std::net::Ipv4Addr::UNSPECIFIED),
            };
            return Some(Prefix { address, length: 0 });
        }
        Prefix::parse(text)
    }

    /// How ip is told this destination: `default` for a whole IPv4 space,
    /// else `ADDR/LEN`.
    pub(crate) fn route_text(&self) -> String {
        if self.length == 0 && self.address.is_ipv4() {
            "default".to_string()
        } else {
            self.to_string()
        }
    }
}

impl std::fmt::Display for Prefix {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}", self.address, self.length)
    }
}

/// Where a namespace reference points: `None` is rnet's own namespace.
pub(crate) type Netns = Option<String>;

fn netns_of(netns: &Option<Spanned<String>>) -> Netns {
    netns.as_ref().map(|name| name.value.clone())
}

/// A link as apply handles it: each veth end is one.
#[derive(Debug, Clone)]
pub(crate) struct Link {
    pub netns: Netns,
    pub name: String,
    /// `None`: a device that exists already (`lo`).
    pub kind: Option<Kind>,
    pub state: State,
    pub master: Option<String>,
    /// The index in `links:` of the entry that creates this link; a veth's
    /// peer is created by its other end.
    pub created_by_entry: Option<usize>,
}

/// An address of the file, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Address {
    pub netns: Netns,
    pub dev: String,
    pub prefix: Prefix,
}

/// A permanent neighbour of the file, checked (`lladdr` in lower case, as
/// the kernel's is printed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Neighbor {
    pub netns: Netns,
    pub dev: String,
    pub address: IpAddr,
    pub lladdr: String,
}

/// A route of the file, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Route {
    pub netns: Netns,
    pub to: Prefix,
    pub via: Option<IpAddr>,
    pub dev: Option<String>,
    pub metric: Option<u32>,
}

/// The file, checked: every name resolved.
#[derive(Debug)]
pub(crate) struct Checked {
    pub file: Topology,
    pub links: Vec<Link>,
    pub addresses: Vec<Address>,
    pub routes: Vec<Route>,
    pub neighbors: Vec<Neighbor>,
}

impl Checked {
    /// The link `name` of `netns`.
    pub(crate) fn link(&self, netns: &Netns, name: &str) -> Option<&Link> {
        self.links
            .iter()
            .find(|link| &link.netns == netns && link.name == name)
    }
}

fn line_of<T>(spanned: &Spanned<T>) -> u64 {
    spanned.referenced.line()
}

/// Reads `text` (the contents of `path`) and checks it whole.
pub(crate) fn read(path: &str, text: &str) -> Result<Checked, ApplyError> {
    let file: Topology = serde_saphyr::from_str(text).map_err(|error| ApplyError::Parse {
        path: path.to_string(),
        line: error.location().map(|at| at.line()),
        message: plain_message(&error),
    })?;
    check(path, file)
}

/// The parser's own text without its rendering of the source lines and
/// without its position (rnet says `FILE:LINE:` in front instead).
fn plain_message(error: &serde_saphyr::Error) -> String {
    let text = error.to_string();
    let first = text.lines().next().unwrap_or_default().trim();
    let first = first.trim_start_matches("error: ");
    // `line 7 column 5: unknown field ...`: the line is said in front.
    let first = match first
        .strip_prefix("line ")
        .and_then(|rest| rest.split_once(": "))
    {
        Some((position, rest)) if position.contains(" column ") => rest,
        _ => first,
    };
    match first.rfind(" at line ") {
        Some(at) => first[..at].to_string(),
        None => first.to_string(),
    }
}

fn check(path: &str, file: Topology) -> Result<Checked, ApplyError> {
    let invalid = |line: u64, message: String| ApplyError::Invalid {
        path: path.to_string(),
        line,
        message,
    };
    // Namespaces: valid, unique names.
    for (at, namespace) in file.namespaces.iter().enumerate() {
        let name = &namespace.name.value;
        if !crate::kernel::namespace::is_valid_name(name) {
            return Err(invalid(
                line_of(&namespace.name),
                format!("\"{name}\" is not a valid namespace name"),
            ));
        }
        if let Some(first) = file.namespaces[..at]
            .iter()
            .find(|other| &other.name.value == name)
        {
            return Err(invalid(
                line_of(&namespace.name),
                format!(
                    "namespace \"{name}\" is declared twice (first on line {})",
                    line_of(&first.name)
                ),
            ));
        }
        for key in namespace.sysctls.keys() {
            if !key.starts_with("net.")
                || key.split('.').any(|part| part.is_empty() || part == "..")
                || key.contains('/')
            {
                return Err(invalid(
                    line_of(&namespace.name),
                    format!("sysctl \"{key}\" of namespace \"{name}\" is not a net.* sysctl"),
                ));
            }
        }
    }
    let declared = |netns: &Option<Spanned<String>>| -> Result<Netns, ApplyError> {
        if let Some(name) = netns {
            if !file
                .namespaces
                .iter()
                .any(|namespace| namespace.name.value == name.value)
            {
                return Err(invalid(
                    line_of(name),
                    format!("namespace \"{}\" is not declared in namespaces", name.value),
                ));
            }
        }
        Ok(netns_of(netns))
    };

    // Links, each veth end one, unique per namespace.
    let mut links: Vec<(Link, u64)> = Vec::new();
    let mut add_link = |link: Link, line: u64| -> Result<(), ApplyError> {
        if !crate::kernel::link::is_valid_ifname(link.name.as_bytes()) {
            return Err(invalid(
                line,
                format!("\"{}\" is not a valid link name", link.name),
            ));
        }
        if let Some((_, first)) = links
            .iter()
            .find(|(other, _)| other.netns == link.netns && other.name == link.name)
        {
            return Err(invalid(
                line,
                format!(
                    "link \"{}\"{} is declared twice (first on line {first})",
                    link.name,
                    in_netns(&link.netns)
                ),
            ));
        }
        links.push((link, line));
        Ok(())
    };
    for (at, entry) in file.links.iter().enumerate() {
        let netns = declared(&entry.netns)?;
        let line = line_of(&entry.name);
        let allowed: &[(&str, bool)] = &[
            ("peer", entry.peer.is_some()),
            ("link", entry.link.is_some()),
            ("mode", entry.mode.is_some()),
            ("id", entry.id.is_some()),
            ("local", entry.local.is_some()),
            ("remote", entry.remote.is_some()),
            ("dstport", entry.dstport.is_some()),
        ];
        let takes: &[&str] = match entry.kind {
            Some(Kind::Veth) => &["peer"],
            Some(Kind::Macvlan) => &["link", "mode"],
            Some(Kind::Vxlan) => &["link", "id", "local", "remote", "dstport"],
            Some(Kind::Vlan) => &["link", "id"],
            _ => &[],
        };
        if let Some((key, _)) = allowed
            .iter()
            .find(|(key, given)| *given && !takes.contains(key))
        {
            let kind = entry.kind.map_or("an existing link", Kind::kernel_name);
            return Err(invalid(
                line,
                format!(
                    "link \"{}\": \"{key}\" does not apply to {kind}",
                    entry.name.value
                ),
            ));
        }
        let needs: &[(&str, bool)] = match entry.kind {
            Some(Kind::Veth) => &[("peer", entry.peer.is_some())],
            Some(Kind::Macvlan) => &[("link", entry.link.is_some())],
            Some(Kind::Vxlan) => &[("id", entry.id.is_some())],
            Some(Kind::Vlan) => &[("link", entry.link.is_some()), ("id", entry.id.is_some())],
            _ => &[],
        };
        if let Some((key, _)) = needs.iter().find(|(_, given)| !given) {
            return Err(invalid(
                line,
                format!("link \"{}\" needs \"{key}\"", entry.name.value),
            ));
        }
        add_link(
            Link {
                netns: netns.clone(),
                name: entry.name.value.clone(),
                kind: entry.kind,
                state: entry.state,
                master: entry.master.as_ref().map(|name| name.value.clone()),
                created_by_entry: entry.kind.map(|_| at),
            },
            line,
        )?;
        if let Some(peer) = &entry.peer {
            let peer_netns = match &peer.netns {
                Some(_) => declared(&peer.netns)?,
                None => netns.clone(),
            };
            add_link(
                Link {
                    netns: peer_netns,
                    name: peer.name.value.clone(),
                    kind: Some(Kind::Veth),
                    state: peer.state,
                    master: peer.master.as_ref().map(|name| name.value.clone()),
                    created_by_entry: None,
                },
                line_of(&peer.name),
            )?;
        }
    }
    // Masters and parents must be declared links of the same namespace.
    let find = |netns: &Netns, name: &str| {
        links
            .iter()
            .find(|(link, _)| &link.netns == netns && link.name == name)
            .map(|(link, _)| link)
    };
    let masters = file.links.iter().flat_map(|entry| {
        let netns = netns_of(&entry.netns);
        let own = entry.master.as_ref().map(|master| (netns.clone(), master));
        let peer = entry.peer.as_ref().and_then(|peer| {
            let netns = peer.netns.as_ref().map_or(netns, |n| Some(n.value.clone()));
            peer.master.as_ref().map(|master| (netns, master))
        });
        own.into_iter().chain(peer)
    });
    for (netns, master) in masters {
        match find(&netns, &master.value) {
            Some(link) if link.kind == Some(Kind::Bridge) => {}
            Some(_) => {
                return Err(invalid(
                    line_of(master),
                    format!(
                        "master \"{}\"{} is not a bridge",
                        master.value,
                        in_netns(&netns)
                    ),
                ))
            }
            None => {
                return Err(invalid(
                    line_of(master),
                    format!(
                        "bridge \"{}\"{} is not declared in links",
                        master.value,
                        in_netns(&netns)
                    ),
                ))
            }
        }
    }
    for entry in &file.links {
        if let Some(parent) = &entry.link {
            let netns = netns_of(&entry.netns);
            if find(&netns, &parent.value).is_none() {
                return Err(invalid(
                    line_of(parent),
                    format!(
                        "link \"{}\"{} is not declared in links",
                        parent.value,
                        in_netns(&netns)
                    ),
                ));
            }
        }
    }
    let dev_declared = |netns: &Netns, dev: &Spanned<String>| -> Result<(), ApplyError> {
        match find(netns, &dev.value) {
            Some(_) => Ok(()),
            None => Err(invalid(
                line_of(dev),
                format!(
                    "link \"{}\"{} is not declared in links",
                    dev.value,
                    in_netns(netns)
                ),
            )),
        }
    };

    let mut addresses = Vec::new();
    for entry in &file.addresses {
        let netns = declared(&entry.netns)?;
        dev_declared(&netns, &entry.dev)?;
        let Some(prefix) = Prefix::parse(&entry.address.value) else {
            return Err(invalid(
                line_of(&entry.address),
                format!("\"{}\" is not an address", entry.address.value),
            ));
        };
        let address = Address {
            netns,
            dev: entry.dev.value.clone(),
            prefix,
        };
        if addresses.iter().any(|other: &Address| {
            other.netns == address.netns && other.prefix.address == prefix.address
        }) {
            return Err(invalid(
                line_of(&entry.address),
                format!(
                    "address {}{} is declared twice",
                    prefix.address,
                    in_netns(&address.netns)
                ),
            ));
        }
        addresses.push(address);
    }

    let mut routes = Vec::new();
    for entry in &file.routes {
        let netns = declared(&entry.netns)?;
        if let Some(dev) = &entry.dev {
            dev_declared(&netns, dev)?;
        }
        let Some(to) = Prefix::route(&entry.to.value, entry.via) else {
            return Err(invalid(
                line_of(&entry.to),
                format!("\"{}\" is not a route destination", entry.to.value),
            ));
        };
        if entry.via.is_none() && entry.dev.is_none() {
            return Err(invalid(
                line_of(&entry.to),
                format!("route to {} needs \"via\" or \"dev\"", entry.to.value),
            ));
        }
        if entry
            .via
            .is_some_and(|via| via.is_ipv4() != to.address.is_ipv4())
        {
            return Err(invalid(
                line_of(&entry.to),
                format!(
                    "route to {}: \"via\" is of another address family",
                    entry.to.value
                ),
            ));
        }
        let route = Route {
            netns,
            to,
            via: entry.via,
            dev: entry.dev.as_ref().map(|dev| dev.value.clone()),
            metric: entry.metric,
        };
        if routes.iter().any(|other: &Route| {
            other.netns == route.netns && other.to == to && other.metric == route.metric
        }) {
            return Err(invalid(
                line_of(&entry.to),
                format!(
                    "route to {}{} is declared twice",
                    entry.to.value,
                    in_netns(&route.netns)
                ),
            ));
        }
        routes.push(route);
    }

    let mut neighbors = Vec::new();
    for entry in &file.neighbors {
        let netns = declared(&entry.netns)?;
        dev_declared(&netns, &entry.dev)?;
        if parse_lladdr(&entry.lladdr.value).is_none() {
            return Err(invalid(
                line_of(&entry.lladdr),
                format!("\"{}\" is not a link-layer address", entry.lladdr.value),
            ));
        }
        let neighbor = Neighbor {
            netns,
            dev: entry.dev.value.clone(),
            address: entry.address,
            lladdr: entry.lladdr.value.to_ascii_lowercase(),
        };
        if neighbors.iter().any(|other: &Neighbor| {
            other.netns == neighbor.netns
                && other.dev == neighbor.dev
                && other.address == neighbor.address
        }) {
            return Err(invalid(
                line_of(&entry.dev),
                format!(
                    "neighbour {} on \"{}\"{} is declared twice",
                    entry.address,
                    entry.dev.value,
                    in_netns(&neighbor.netns)
                ),
            ));
        }
        neighbors.push(neighbor);
    }

    Ok(Checked {
        file,
        links: links.into_iter().map(|(link, _)| link).collect(),
        addresses,
        routes,
        neighbors,
    })
}

/// `aa:bb:cc:dd:ee:ff` as bytes.
pub(crate) fn parse_lladdr(text: &str) -> Option<Vec<u8>> {
    text.split(':')
        .map(|part| {
            (part.len() <= 2)
                .then(|| u8::from_str_radix(part, 16).ok())
                .flatten()
        })
        .collect::<Option<Vec<u8>>>()
        .filter(|bytes| bytes.len() == 6)
}

/// ` in namespace "NS"`, or nothing for rnet's own namespace.
pub(crate) fn in_netns(netns: &Netns) -> String {
    match netns {
        Some(name) => format!(" in namespace \"{name}\""),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error_of(text: &str) -> String {
        let error = read("t.yaml", text).unwrap_err();
        crate::error::Error::from(error)
            .message("rnet")
            .unwrap_or_default()
    }

    const SEED: &str = include_str!("../../../examples/seed.yaml");

    #[test]
    fn the_seed_reads() {
        let checked = read("seed.yaml", SEED).unwrap();
        assert_eq!(checked.links.len(), 2);
        assert_eq!(checked.addresses.len(), 2);
    }

    #[test]
    fn unknown_keys_are_named_with_their_line() {
        let text = "namespaces:\n  - name: a\nlinks:\n  - name: x\n    netns: a\n    kind: bridge\n    colour: red\n";
        let message = error_of(text);
        assert!(message.contains("t.yaml:7:"), "{message}");
        assert!(message.contains("colour"), "{message}");
    }

    #[test]
    fn wrong_types_have_their_line() {
        let message = error_of(
            "namespaces:\n  - name: a\nroutes:\n  - to: default\n    metric: many\n    dev: x\n",
        );
        assert!(message.contains("t.yaml:5:"), "{message}");
    }

    #[test]
    fn dangling_references_and_duplicates() {
        let message = error_of(
            "links:\n  - name: x\n    kind: bridge\naddresses:\n  - dev: y\n    address: 192.0.2.1/24\n",
        );
        assert_eq!(
            message,
            "rnet: t.yaml:5: link \"y\" is not declared in links"
        );
        let message = error_of("links:\n  - name: p\n    kind: tap\n    master: br9\n");
        assert_eq!(
            message,
            "rnet: t.yaml:4: bridge \"br9\" is not declared in links"
        );
        let message = error_of("namespaces:\n  - name: a\n  - name: a\n");
        assert_eq!(
            message,
            "rnet: t.yaml:3: namespace \"a\" is declared twice (first on line 2)"
        );
        let message = error_of("links:\n  - name: x\n    netns: b\n    kind: bridge\n");
        assert_eq!(
            message,
            "rnet: t.yaml:3: namespace \"b\" is not declared in namespaces"
        );
    }

    #[test]
    fn prefixes() {
        assert_eq!(
            Prefix::parse("192.0.2.1").unwrap().to_string(),
            "192.0.2.1/32"
        );
        assert!(Prefix::parse("192.0.2.1/33").is_none());
        let v6 = Prefix::route("default", Some("2001:db8::1".parse().unwrap())).unwrap();
        assert_eq!(v6.route_text(), "::/0");
        assert_eq!(
            Prefix::route("default", None).unwrap().route_text(),
            "default"
        );
        assert_eq!(parse_lladdr("02:00:00:00:00:0a").unwrap()[5], 10);
        assert!(parse_lladdr("02:00").is_none());
    }
}
