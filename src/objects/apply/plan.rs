//! The plan: the kernel's state compared with the file, as the ordered ip
//! command lines that make the one into the other, each with the command
//! that undoes it.
//!
//! Each step is an ip command line (words) that rnet runs through its own
//! object dispatch, and prints as `ip ...`: so the printed plan is exactly
//! what is run, and `/usr/sbin/ip` can run it too. The one exception is a
//! sysctl, printed as `ip netns exec NS sysctl -qw KEY=VALUE` and done by
//! writing /proc/sys inside the namespace.
//!
//! Order: namespaces; links without a parent, then links on a parent;
//! bridge ports; sysctls; stale addresses removed; link states; addresses
//! added; stale routes removed; routes added (a gateway needs its link up
//! and its subnet's address); neighbours.

use super::errors::ApplyError;
use super::state::{self, NamespaceState, RouteState};
use super::topology::{in_netns, Checked, Kind, Link, Netns, Prefix, Route, State};
use crate::error::Result;

/// What a step does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Action {
    /// An ip command line, without `ip` and `-n NS`.
    Ip(Vec<String>),
    /// A sysctl written under /proc/sys.
    Sysctl { key: String, value: String },
}

/// An action and the namespace it runs in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Command {
    pub netns: Netns,
    pub action: Action,
}

impl Command {
    fn ip(netns: &Netns, words: &[&str]) -> Command {
        Command {
            netns: netns.clone(),
            action: Action::Ip(words.iter().map(|word| word.to_string()).collect()),
        }
    }

    fn ip_owned(netns: &Netns, words: Vec<String>) -> Command {
        Command {
            netns: netns.clone(),
            action: Action::Ip(words),
        }
    }

    /// The command as a shell line /usr/sbin/ip runs.
    pub(crate) fn text(&self) -> String {
        let mut words: Vec<String> = Vec::new();
        match (&self.action, &self.netns) {
            (Action::Ip(ip_words), netns) => {
                words.push("ip".into());
                if let Some(name) = netns {
                    words.extend(["-n".into(), name.clone()]);
                }
                words.extend(ip_words.iter().cloned());
            }
            (Action::Sysctl { key, value }, Some(name)) => {
                words.extend(["ip", "netns", "exec"].map(String::from));
                words.push(name.clone());
                words.extend(["sysctl".into(), "-qw".into(), format!("{key}={value}")]);
            }
            (Action::Sysctl { key, value }, None) => {
                words.extend(["sysctl".into(), "-qw".into(), format!("{key}={value}")]);
            }
        }
        words
            .iter()
            .map(|word| shell_word(word))
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// A word as a POSIX shell reads it back unchanged.
fn shell_word(word: &str) -> String {
    let plain = !word.is_empty()
        && word
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_./:=@%+,".contains(&b));
    if plain {
        word.to_string()
    } else {
        format!("'{}'", word.replace('\'', "'\\''"))
    }
}

/// One step of a plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Step {
    pub command: Command,
    /// What puts things back as they were; `None` where nothing needs to
    /// (a step of `destroy`, a sysctl in a namespace this run made).
    pub undo: Option<Command>,
}

fn step(command: Command, undo: Command) -> Step {
    Step {
        command,
        undo: Some(undo),
    }
}

/// The known state of every namespace the file names, updated as steps
/// are planned (a namespace to be made starts as a fresh one).
struct Kernel {
    namespaces: Vec<(Netns, NamespaceState)>,
}

impl Kernel {
    fn get(&self, netns: &Netns) -> &NamespaceState {
        &self
            .namespaces
            .iter()
            .find(|(name, _)| name == netns)
            .expect("every namespace the file names was read")
            .1
    }

    fn get_mut(&mut self, netns: &Netns) -> &mut NamespaceState {
        &mut self
            .namespaces
            .iter_mut()
            .find(|(name, _)| name == netns)
            .expect("every namespace the file names was read")
            .1
    }
}

/// Every namespace the file names: the declared ones and, if anything is
/// in it, rnet's own.
fn named_namespaces(file: &Checked) -> Vec<Netns> {
    let mut names: Vec<Netns> = file
        .file
        .namespaces
        .iter()
        .map(|namespace| Some(namespace.name.value.clone()))
        .collect();
    let home_used = file.links.iter().any(|link| link.netns.is_none());
    if home_used {
        names.insert(0, None);
    }
    names
}

/// The steps that make the kernel what `file` says.
pub(crate) fn apply(file: &Checked) -> Result<Vec<Step>> {
    let mut steps = Vec::new();
    let mut kernel = Kernel {
        namespaces: Vec::new(),
    };
    let mut made = Vec::new();
    for netns in named_namespaces(file) {
        let state = match state::read(&netns)? {
            Some(state) => state,
            None => {
                let name = netns.clone().expect("rnet's own namespace exists");
                steps.push(step(
                    Command::ip(&None, &["netns", "add", &name]),
                    Command::ip(&None, &["netns", "del", &name]),
                ));
                made.push(netns.clone());
                NamespaceState::fresh()
            }
        };
        kernel.namespaces.push((netns, state));
    }

    // Links: those on no parent first, so that a parent exists in time.
    let on_parent = |link: &&Link| {
        link.created_by_entry
            .is_some_and(|at| file.file.links[at].link.is_some())
    };
    let (later, first): (Vec<&Link>, Vec<&Link>) = file.links.iter().partition(on_parent);
    for link in first.into_iter().chain(later) {
        create_link(file, &mut kernel, link, &mut steps)?;
    }

    // Bridge ports.
    for link in &file.links {
        let current = kernel
            .get(&link.netns)
            .link(&link.name)
            .and_then(|known| known.master.clone());
        if current == link.master {
            continue;
        }
        let set = |master: &Option<String>| match master {
            Some(bridge) => Command::ip(
                &link.netns,
                &["link", "set", "dev", &link.name, "master", bridge],
            ),
            None => Command::ip(&link.netns, &["link", "set", "dev", &link.name, "nomaster"]),
        };
        steps.push(step(set(&link.master), set(&current)));
    }

    // Sysctls: the old value is read where the namespace exists already.
    for namespace in &file.file.namespaces {
        let netns = Some(namespace.name.value.clone());
        for (key, value) in &namespace.sysctls {
            let command = Command {
                netns: netns.clone(),
                action: Action::Sysctl {
                    key: key.clone(),
                    value: value.0.clone(),
                },
            };
            if made.contains(&netns) {
                steps.push(Step {
                    command,
                    undo: None,
                });
                continue;
            }
            let old = state::sysctl(&netns, key)?.map_err(|errno| ApplyError::Sysctl {
                key: key.clone(),
                netns: namespace.name.value.clone(),
                errno,
            })?;
            if old != value.0 {
                let undo = Command {
                    netns: netns.clone(),
                    action: Action::Sysctl {
                        key: key.clone(),
                        value: old,
                    },
                };
                steps.push(step(command, undo));
            }
        }
    }

    // Addresses on the file's links that the file does not have.
    for link in &file.links {
        let stale: Vec<Prefix> = kernel
            .get(&link.netns)
            .addresses
            .iter()
            .filter(|address| address.dev == link.name && address.global)
            .filter(|address| {
                !file.addresses.iter().any(|declared| {
                    declared.netns == link.netns
                        && declared.dev == link.name
                        && declared.prefix == address.prefix
                })
            })
            .map(|address| address.prefix)
            .collect();
        for prefix in stale {
            steps.push(address_step(&link.netns, "del", prefix, &link.name));
        }
    }

    // Link states.
    for link in &file.links {
        let up = kernel
            .get(&link.netns)
            .link(&link.name)
            .is_some_and(|known| known.up);
        let want = link.state == State::Up;
        if up != want {
            let word = |up: bool| if up { "up" } else { "down" };
            steps.push(step(
                Command::ip(&link.netns, &["link", "set", "dev", &link.name, word(want)]),
                Command::ip(&link.netns, &["link", "set", "dev", &link.name, word(up)]),
            ));
        }
    }

    // Addresses to add.
    for declared in &file.addresses {
        let present = kernel
            .get(&declared.netns)
            .addresses
            .iter()
            .any(|address| address.dev == declared.dev && address.prefix == declared.prefix);
        if !present {
            steps.push(address_step(
                &declared.netns,
                "add",
                declared.prefix,
                &declared.dev,
            ));
        }
    }

    // Routes: those the kernel has in a namespace the file owns, or on a
    // link it declares, that no route of the file matches, go.
    for (netns, state) in &kernel.namespaces {
        for route in &state.routes {
            let ours = netns.is_some()
                || route
                    .dev
                    .as_ref()
                    .is_some_and(|dev| file.link(netns, dev).is_some());
            let wanted = file
                .routes
                .iter()
                .any(|declared| &declared.netns == netns && route_matches(declared, route));
            if ours && !wanted {
                let words = route_words(route);
                steps.push(step(
                    Command::ip_owned(netns, with_verb("del", &words)),
                    Command::ip_owned(netns, with_verb("add", &words)),
                ));
            }
        }
    }
    for declared in &file.routes {
        let netns = &declared.netns;
        if kernel
            .get(netns)
            .routes
            .iter()
            .any(|route| route_matches(declared, route))
        {
            continue;
        }
        let words = route_words(&RouteState {
            to: declared.to,
            via: declared.via,
            dev: declared.dev.clone(),
            metric: declared.metric,
        });
        steps.push(step(
            Command::ip_owned(netns, with_verb("add", &words)),
            Command::ip_owned(netns, with_verb("del", &words)),
        ));
    }

    // Permanent neighbours.
    for declared in &file.neighbors {
        let (netns, dev, lladdr) = (&declared.netns, &declared.dev, &declared.lladdr);
        let address = declared.address.to_string();
        let current = kernel
            .get(netns)
            .neighbors
            .iter()
            .find(|known| &known.dev == dev && known.address.to_string() == address)
            .map(|known| known.lladdr.clone());
        let set = |verb: &str, lladdr: &str| {
            Command::ip(
                netns,
                &[
                    "neigh",
                    verb,
                    &address,
                    "lladdr",
                    lladdr,
                    "dev",
                    dev,
                    "nud",
                    "permanent",
                ],
            )
        };
        match current {
            None => steps.push(step(
                set("add", lladdr),
                Command::ip(netns, &["neigh", "del", &address, "dev", dev]),
            )),
            Some(old) if &old != lladdr => {
                steps.push(step(set("replace", lladdr), set("replace", &old)))
            }
            Some(_) => {}
        }
    }
    Ok(steps)
}

fn address_step(netns: &Netns, verb: &str, prefix: Prefix, dev: &str) -> Step {
    let text = prefix.to_string();
    let other = if verb == "add" { "del" } else { "add" };
    step(
        Command::ip(netns, &["address", verb, &text, "dev", dev]),
        Command::ip(netns, &["address", other, &text, "dev", dev]),
    )
}

fn route_matches(declared: &Route, route: &RouteState) -> bool {
    declared.to == route.to
        && declared.via == route.via
        && (declared.dev.is_none() || declared.dev == route.dev)
        && (declared.metric.is_none() || declared.metric == route.metric)
}

/// `TO [via GW] [dev DEV] [metric M]`.
fn route_words(route: &RouteState) -> Vec<String> {
    let mut words = vec![route.to.route_text()];
    if let Some(via) = route.via {
        words.extend(["via".into(), via.to_string()]);
    }
    if let Some(dev) = &route.dev {
        words.extend(["dev".into(), dev.clone()]);
    }
    if let Some(metric) = route.metric {
        words.extend(["metric".into(), metric.to_string()]);
    }
    words
}

fn with_verb(verb: &str, words: &[String]) -> Vec<String> {
    let mut all = vec!["route".to_string(), verb.to_string()];
    all.extend(words.iter().cloned());
    all
}

/// Plans the creation of `link` where it is missing, and checks that an
/// existing one is of the file's kind.
fn create_link(
    file: &Checked,
    kernel: &mut Kernel,
    link: &Link,
    steps: &mut Vec<Step>,
) -> Result<()> {
    let existing = kernel.get(&link.netns).link(&link.name).cloned();
    let Some(kind) = link.kind else {
        if existing.is_none() {
            return Err(ApplyError::Conflict(format!(
                "link \"{}\"{} does not exist, and without a kind the file cannot create it",
                link.name,
                in_netns(&link.netns)
            ))
            .into());
        }
        return Ok(());
    };
    if let Some(existing) = &existing {
        let found = existing.kind.as_deref().unwrap_or("a device of no kind");
        if found != kind.kernel_name() {
            return Err(ApplyError::Conflict(format!(
                "link \"{}\"{} exists as {found}, the file says {}; nothing was changed",
                link.name,
                in_netns(&link.netns),
                kind.file_name()
            ))
            .into());
        }
    }
    let Some(at) = link.created_by_entry else {
        // A veth's peer end: made with its other end.
        return Ok(());
    };
    let entry = &file.file.links[at];
    let peer = entry.peer.as_ref().map(|peer| {
        let netns = match &peer.netns {
            Some(name) => Some(name.value.clone()),
            None => link.netns.clone(),
        };
        (netns, peer.name.value.clone())
    });
    if existing.is_some() {
        if let Some((netns, name)) = &peer {
            if kernel.get(netns).link(name).is_none() {
                return Err(ApplyError::Conflict(format!(
                    "veth \"{}\"{} exists but its peer \"{name}\"{} does not",
                    link.name,
                    in_netns(&link.netns),
                    in_netns(netns)
                ))
                .into());
            }
        }
        return Ok(());
    }
    let name = link.name.as_str();
    let created = |kind: &str| state::LinkState {
        index: 0,
        name: String::new(),
        kind: Some(kind.to_string()),
        up: false,
        master: None,
    };
    match kind {
        Kind::Veth => {
            let (peer_netns, peer_name) = peer.expect("checked: a veth has a peer");
            // A peer is in its main end's namespace unless it names one,
            // so rnet's own namespace, which has no name, is never `there`.
            let (here, here_name, there, there_name) =
                (&link.netns, name, &peer_netns, peer_name.as_str());
            let mut words = vec![
                "link", "add", here_name, "type", "veth", "peer", "name", there_name,
            ];
            if there != here {
                words.extend(["netns", there.as_deref().expect("named")]);
            }
            steps.push(step(
                Command::ip(here, &words),
                Command::ip(here, &["link", "del", here_name]),
            ));
            let peer_state = state::LinkState {
                name: peer_name.clone(),
                ..created("veth")
            };
            kernel.get_mut(&peer_netns).links.push(peer_state);
        }
        Kind::Tap => steps.push(step(
            Command::ip(&link.netns, &["tuntap", "add", "dev", name, "mode", "tap"]),
            Command::ip(&link.netns, &["tuntap", "del", "dev", name, "mode", "tap"]),
        )),
        _ => {
            let mut words: Vec<String> = vec!["link".into(), "add".into(), name.into()];
            if let (Some(parent), Kind::Macvlan | Kind::Vlan) = (&entry.link, kind) {
                words.extend(["link".into(), parent.value.clone()]);
            }
            words.extend(["type".into(), kind.kernel_name().into()]);
            match kind {
                Kind::Macvlan => {
                    let mode = entry.mode.clone().unwrap_or_else(|| "bridge".into());
                    words.extend(["mode".into(), mode]);
                }
                Kind::Vlan | Kind::Vxlan => {
                    let id = entry.id.expect("checked: vlan and vxlan have an id");
                    words.extend(["id".into(), id.to_string()]);
                }
                _ => {}
            }
            if kind == Kind::Vxlan {
                if let Some(local) = entry.local {
                    words.extend(["local".into(), local.to_string()]);
                }
                if let Some(remote) = entry.remote {
                    words.extend(["remote".into(), remote.to_string()]);
                }
                if let Some(dev) = &entry.link {
                    words.extend(["dev".into(), dev.value.clone()]);
                }
                let port = entry.dstport.unwrap_or(4789);
                words.extend(["dstport".into(), port.to_string()]);
            }
            steps.push(step(
                Command::ip_owned(&link.netns, words),
                Command::ip(&link.netns, &["link", "del", name]),
            ));
        }
    }
    kernel.get_mut(&link.netns).links.push(state::LinkState {
        name: name.to_string(),
        ..created(kind.kernel_name())
    });
    Ok(())
}

/// The steps that remove what `file` owns: links it creates in rnet's own
/// namespace (those on a parent first), what it put on links it did not
/// create there, and its namespaces, with all they hold. Nothing else.
pub(crate) fn destroy(file: &Checked) -> Result<Vec<Step>> {
    let mut steps = Vec::new();
    let home = if file.links.iter().any(|link| link.netns.is_none()) {
        state::read(&None)?
    } else {
        None
    };
    let remove = |command: Command| Step {
        command,
        undo: None,
    };
    if let Some(home_state) = &home {
        let none: Netns = None;
        // Routes and addresses on links of rnet's namespace that stay.
        let stays = |dev: &str| {
            file.link(&none, dev)
                .is_some_and(|link| link.kind.is_none())
        };
        for declared in file.routes.iter().filter(|route| route.netns.is_none()) {
            for route in &home_state.routes {
                if route_matches(declared, route) && route.dev.as_deref().is_none_or(stays) {
                    steps.push(remove(Command::ip_owned(
                        &none,
                        with_verb("del", &route_words(route)),
                    )));
                }
            }
        }
        for declared in file.addresses.iter().filter(|a| a.netns.is_none()) {
            let present = home_state
                .addresses
                .iter()
                .any(|address| address.dev == declared.dev && address.prefix == declared.prefix);
            if present && stays(&declared.dev) {
                let step = address_step(&none, "del", declared.prefix, &declared.dev);
                steps.push(step.without_undo());
            }
        }
        for declared in file.neighbors.iter().filter(|n| n.netns.is_none()) {
            let present = home_state
                .neighbors
                .iter()
                .any(|known| known.dev == declared.dev && known.address == declared.address);
            if present && stays(&declared.dev) {
                steps.push(remove(Command::ip(
                    &none,
                    &[
                        "neigh",
                        "del",
                        &declared.address.to_string(),
                        "dev",
                        &declared.dev,
                    ],
                )));
            }
        }
        // Links made by the file that have an end here; a veth whose
        // other end is in a namespace of the file is deleted from here,
        // so that nothing waits for the namespace's asynchronous cleanup.
        let mut ordered: Vec<&Link> = file
            .links
            .iter()
            .filter(|link| link.created_by_entry.is_some())
            .collect();
        ordered.sort_by_key(|link| {
            link.created_by_entry
                .is_some_and(|at| file.file.links[at].link.is_none())
        });
        // (A veth's peer is in its main end's namespace unless it names
        // one, so a pair with an end here has its main end here.)
        for link in ordered.into_iter().filter(|link| link.netns.is_none()) {
            let name = link.name.clone();
            if home_state.link(&name).is_none() {
                continue;
            }
            let command = if link.kind == Some(Kind::Tap) {
                Command::ip(&none, &["tuntap", "del", "dev", &name, "mode", "tap"])
            } else {
                Command::ip(&none, &["link", "del", &name])
            };
            steps.push(remove(command));
        }
    }
    for namespace in &file.file.namespaces {
        let name = &namespace.name.value;
        if crate::kernel::namespace::is_namespace(std::ffi::OsStr::new(name)).is_some() {
            steps.push(remove(Command::ip(&None, &["netns", "del", name])));
        }
    }
    Ok(steps)
}

impl Step {
    fn without_undo(self) -> Step {
        Step { undo: None, ..self }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commands_print_as_ip_lines() {
        let netns = Some("r1".to_string());
        assert_eq!(
            Command::ip(&netns, &["link", "add", "br0", "type", "bridge"]).text(),
            "ip -n r1 link add br0 type bridge"
        );
        let sysctl = Command {
            netns,
            action: Action::Sysctl {
                key: "net.ipv4.ip_forward".into(),
                value: "1".into(),
            },
        };
        assert_eq!(
            sysctl.text(),
            "ip netns exec r1 sysctl -qw net.ipv4.ip_forward=1"
        );
        assert_eq!(shell_word("a b'c"), "'a b'\\''c'");
    }

    #[test]
    fn routes_match_with_dev_and_metric_optional() {
        let to = Prefix::route("default", None).unwrap();
        let via = Some("10.0.1.1".parse().unwrap());
        let kernel = RouteState {
            to,
            via,
            dev: Some("e0".into()),
            metric: None,
        };
        let declared = |dev: Option<&str>| Route {
            netns: None,
            to,
            via,
            dev: dev.map(String::from),
            metric: None,
        };
        assert!(route_matches(&declared(None), &kernel));
        assert!(!route_matches(&declared(Some("e1")), &kernel));
        assert_eq!(
            route_words(&kernel).join(" "),
            "default via 10.0.1.1 dev e0"
        );
    }
}
