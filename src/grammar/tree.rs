//! Keywords and sub-command tables, in ip's matching order, and ip's usage
//! texts.
//!
//! Word matching walks a table in order (first hit wins, as in ip). The
//! object table itself is the registry's (`registry.rs`), which hands each
//! object's sub-command table from here to dispatch, the clap tree, the
//! completions and the man page. Usage texts are ip's, byte for byte,
//! because scripts and tests read them from stderr.

use super::matches;

/// How an alias is compared with the typed word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Match {
    /// The word may be any non-empty prefix (ip's `matches()`).
    Prefix,
    /// The word must be exactly the alias (ip's `strcmp()`).
    Exact,
}

/// One keyword of a table: its canonical name, the other spellings ip tries
/// right after it, and a line of help.
#[derive(Debug)]
pub struct Keyword {
    pub name: &'static str,
    pub aliases: &'static [(&'static str, Match)],
    pub about: &'static str,
    /// How the name itself is compared: a prefix for ip's keywords, the
    /// whole word for rnet's additions that must not take over an
    /// abbreviation ip refuses.
    pub name_match: Match,
}

impl Keyword {
    fn spellings(&self) -> impl Iterator<Item = (&'static str, Match)> + '_ {
        std::iter::once((self.name, self.name_match)).chain(self.aliases.iter().copied())
    }

    fn accepts(&self, word: &str) -> bool {
        self.spellings().any(|(spelling, how)| match how {
            Match::Prefix => matches(word, spelling),
            Match::Exact => word == spelling,
        })
    }
}

/// The keyword of `table` that `word` selects under ip's first-match rule.
pub fn resolve<'t>(word: &str, table: &'t [Keyword]) -> Option<&'t Keyword> {
    resolve_by(word, table, |keyword| keyword)
}

/// The entry of `table` whose keyword `word` selects, first match first.
pub(crate) fn resolve_by<'t, T>(
    word: &str,
    table: &'t [T],
    keyword: impl Fn(&T) -> &Keyword,
) -> Option<&'t T> {
    table.iter().find(|entry| keyword(entry).accepts(word))
}

pub(crate) const fn kw(name: &'static str, about: &'static str) -> Keyword {
    Keyword {
        name,
        aliases: &[],
        about,
        name_match: Match::Prefix,
    }
}

/// A keyword accepted only as the whole word (rnet's own objects, placed
/// after ip's, so `ip w` stays unknown as in ip).
pub(crate) const fn kw_exact(name: &'static str, about: &'static str) -> Keyword {
    Keyword {
        name,
        aliases: &[],
        about,
        name_match: Match::Exact,
    }
}

pub(crate) const fn kw_alias(
    name: &'static str,
    aliases: &'static [(&'static str, Match)],
    about: &'static str,
) -> Keyword {
    Keyword {
        name,
        aliases,
        about,
        name_match: Match::Prefix,
    }
}

/// `ip address` sub-commands (ip/ipaddress.c `do_ipaddr`), in matching order.
pub const ADDRESS_COMMANDS: &[Keyword] = &[
    kw("add", "add an address"),
    kw_alias(
        "change",
        &[("chg", Match::Exact)],
        "change an address's attributes",
    ),
    kw("replace", "add an address or change it"),
    kw("delete", "delete an address"),
    kw_alias(
        "list",
        &[("show", Match::Prefix), ("lst", Match::Prefix)],
        "list addresses",
    ),
    kw("flush", "delete the addresses a filter selects"),
    kw("save", "write the addresses as a binary dump"),
    kw("showdump", "print a binary dump"),
    kw("restore", "add the addresses of a binary dump"),
    kw("help", "print the usage"),
];

/// `ip link` sub-commands (ip/iplink.c `do_iplink`), in matching order.
pub const LINK_COMMANDS: &[Keyword] = &[
    kw("add", "create a device"),
    kw_alias(
        "set",
        &[("change", Match::Prefix)],
        "change a device's attributes",
    ),
    kw("replace", "create a device or change it"),
    kw("delete", "delete a device"),
    kw_alias(
        "show",
        &[("lst", Match::Prefix), ("list", Match::Prefix)],
        "list devices",
    ),
    kw("xstats", "show extended statistics"),
    kw("afstats", "show address-family statistics"),
    kw("property", "add or delete alternative names"),
    kw("help", "print the usage, or a kind's usage"),
];

/// `ip netns` sub-commands (ip/ipnetns.c `do_netns`), in matching order.
pub const NETNS_COMMANDS: &[Keyword] = &[
    kw_alias(
        "list",
        &[("show", Match::Prefix), ("lst", Match::Prefix)],
        "list named network namespaces",
    ),
    kw("list-id", "list network namespace ids (nsid)"),
    kw("help", "print the usage"),
    kw("add", "create a named network namespace"),
    kw("set", "assign a network namespace id"),
    kw("delete", "delete a named network namespace"),
    kw("identify", "name the namespace of a process"),
    kw("pids", "list the processes in a namespace"),
    kw("exec", "run a command inside a namespace"),
    kw("monitor", "report namespaces as they are added and deleted"),
    kw("attach", "name the namespace of a running process"),
];

/// `ip rule` sub-commands (ip/iprule.c `do_iprule`), in matching order.
pub const RULE_COMMANDS: &[Keyword] = &[
    kw_alias(
        "list",
        &[("lst", Match::Prefix), ("show", Match::Prefix)],
        "list rules",
    ),
    kw("save", "write the rules to stdout in binary form"),
    kw("restore", "add the rules of a binary dump read from stdin"),
    kw("add", "add a rule"),
    kw("delete", "delete a rule"),
    kw("flush", "delete every rule that matches the selector"),
    kw("help", "print the usage"),
];

/// `ip route` sub-commands (ip/iproute.c `do_iproute`), in matching order.
pub const ROUTE_COMMANDS: &[Keyword] = &[
    kw("add", "add a route"),
    kw_alias("change", &[("chg", Match::Exact)], "change a route"),
    kw("replace", "add a route or change it"),
    kw("prepend", "add a route before the others of its kind"),
    kw("append", "add a route after the others of its kind"),
    kw("test", "check a route without adding it"),
    kw("delete", "delete a route"),
    kw_alias(
        "list",
        &[("show", Match::Prefix), ("lst", Match::Prefix)],
        "list routes",
    ),
    kw("get", "ask the kernel which route a packet takes"),
    kw("flush", "delete the routes a filter selects"),
    kw("save", "write the routes as a binary dump"),
    kw("restore", "add the routes of a binary dump"),
    kw("showdump", "print a binary dump"),
    kw("help", "print the usage"),
];

/// `ip nexthop` sub-commands (ip/ipnexthop.c `do_ipnh`), in matching order.
pub const NEXTHOP_COMMANDS: &[Keyword] = &[
    kw("add", "add a nexthop"),
    kw("replace", "add a nexthop or change it"),
    kw("delete", "delete a nexthop"),
    kw_alias(
        "list",
        &[("show", Match::Prefix), ("lst", Match::Prefix)],
        "list nexthops",
    ),
    kw("get", "show one nexthop"),
    kw("flush", "delete the nexthops a filter selects"),
    kw("bucket", "show resilient group buckets"),
    kw("help", "print the usage"),
];
/// `ip tuntap` sub-commands (ip/iptuntap.c `do_iptuntap`), in matching order.
pub const TUNTAP_COMMANDS: &[Keyword] = &[
    kw("add", "create a persistent TUN/TAP device"),
    kw("delete", "delete a TUN/TAP device"),
    kw_alias(
        "show",
        &[("lst", Match::Prefix), ("list", Match::Prefix)],
        "list TUN/TAP devices",
    ),
    kw("help", "print the usage"),
];

/// `ip addrlabel` sub-commands (ip/ipaddrlabel.c `do_ipaddrlabel`), in
/// matching order.
pub const ADDRLABEL_COMMANDS: &[Keyword] = &[
    kw_alias(
        "list",
        &[("lst", Match::Prefix), ("show", Match::Prefix)],
        "list address labels",
    ),
    kw("add", "add an address label"),
    kw("delete", "delete an address label"),
    kw("flush", "delete every address label"),
    kw("help", "print the usage"),
];

/// `ip token` sub-commands (ip/iptoken.c `do_iptoken`), in matching order.
pub const TOKEN_COMMANDS: &[Keyword] = &[
    kw_alias(
        "list",
        &[("lst", Match::Prefix), ("show", Match::Prefix)],
        "list IPv6 interface tokens",
    ),
    kw_alias(
        "set",
        &[("add", Match::Prefix)],
        "set a device's IPv6 token",
    ),
    kw("delete", "clear a device's IPv6 token"),
    kw("get", "show the IPv6 token of devices"),
    kw("help", "print the usage"),
];

/// `ip maddress` sub-commands (ip/ipmaddr.c `do_multiaddr`), in matching
/// order.
pub const MADDRESS_COMMANDS: &[Keyword] = &[
    kw("add", "join a link-layer multicast address"),
    kw("delete", "leave a link-layer multicast address"),
    kw_alias(
        "list",
        &[("show", Match::Prefix), ("lst", Match::Prefix)],
        "list multicast addresses",
    ),
    kw("help", "print the usage"),
];

/// `ip neighbor` sub-commands (ip/ipneigh.c `do_ipneigh`), in matching order.
pub const NEIGHBOR_COMMANDS: &[Keyword] = &[
    kw("add", "add a neighbour entry"),
    kw_alias(
        "change",
        &[("chg", Match::Exact)],
        "change an existing entry",
    ),
    kw("replace", "add an entry or change it"),
    kw("delete", "delete an entry"),
    kw("get", "look up one entry"),
    kw_alias(
        "show",
        &[("lst", Match::Prefix), ("list", Match::Prefix)],
        "list entries",
    ),
    kw("flush", "delete the entries a filter selects"),
    kw("help", "print the usage"),
];

/// `ip ntable` sub-commands (ip/ipntable.c `do_ipntable`), in matching order.
pub const NTABLE_COMMANDS: &[Keyword] = &[
    kw_alias(
        "change",
        &[("chg", Match::Prefix)],
        "change a table's parameters",
    ),
    kw_alias(
        "show",
        &[("lst", Match::Prefix), ("list", Match::Prefix)],
        "list the neighbour tables",
    ),
    kw("help", "print the usage"),
];

/// `ip netconf` sub-commands (ip/ipnetconf.c `do_ipnetconf`), in matching
/// order.
/// `ip monitor`'s objects and options (any number, in any order).
pub const MONITOR_COMMANDS: &[Keyword] = &[
    kw("all", "every object, labelled"),
    kw("link", "network devices"),
    kw("address", "protocol addresses"),
    kw("route", "routes"),
    kw("mroute", "multicast routes"),
    kw("prefix", "IPv6 prefixes from router advertisements"),
    kw("neigh", "ARP and NDISC cache entries"),
    kw("netconf", "forwarding settings"),
    kw("rule", "routing policy rules"),
    kw("nsid", "namespace ids"),
    kw("nexthop", "nexthop objects"),
    kw("label", "prefix each event with its object"),
    kw("dev", "only events of one device"),
    kw("file", "print a saved dump of messages"),
    kw("help", "print the usage"),
];

pub const NETCONF_COMMANDS: &[Keyword] = &[
    kw_alias(
        "show",
        &[("lst", Match::Prefix), ("list", Match::Prefix)],
        "show forwarding settings",
    ),
    kw("help", "print the usage"),
];

/// `ip vrf` sub-commands (ip/ipvrf.c `do_ipvrf`), in matching order.
pub const VRF_COMMANDS: &[Keyword] = &[
    kw("identify", "name the VRF of a process"),
    kw("pids", "list the processes in a VRF"),
    kw("exec", "run a command inside a VRF"),
    kw_alias(
        "show",
        &[("lst", Match::Prefix), ("list", Match::Prefix)],
        "list VRFs, or show one VRF's table",
    ),
    kw("help", "print the usage"),
];

/// `ip mroute` sub-commands (ip/ipmroute.c `do_multiroute`), in matching
/// order.
pub const MROUTE_COMMANDS: &[Keyword] = &[
    kw_alias(
        "list",
        &[("show", Match::Prefix), ("lst", Match::Prefix)],
        "list multicast routes",
    ),
    kw("help", "print the usage"),
];

/// `ip tcp_metrics` sub-commands (ip/tcp_metrics.c `do_tcp_metrics`), in
/// matching order.
pub const TCPMETRICS_COMMANDS: &[Keyword] = &[
    kw_alias(
        "list",
        &[("lst", Match::Prefix), ("show", Match::Prefix)],
        "list TCP metrics entries",
    ),
    kw_alias(
        "delete",
        &[("remove", Match::Prefix)],
        "delete the entry of one address",
    ),
    kw("flush", "delete the entries a selector matches"),
    kw("help", "print the usage"),
];

/// `rnet wait` conditions (rnet's own object, not ip's).
pub const WAIT_COMMANDS: &[Keyword] = &[
    kw(
        "link",
        "until a device exists, is up or down, has carrier or is gone",
    ),
    kw(
        "address",
        "until an address is present, ready (DAD done) or gone",
    ),
    kw("route", "until a route is present or gone"),
    kw("netns", "until a named network namespace exists or is gone"),
    kw("help", "print the usage"),
];

/// `rnet apply` words besides FILE (rnet's own object).
pub const APPLY_COMMANDS: &[Keyword] = &[
    kw_exact("-dry-run", "print the plan, change nothing"),
    kw_exact("-j", "print the plan as JSON"),
    kw("help", "print the usage"),
];

/// `rnet destroy` words besides FILE (rnet's own object).
pub const DESTROY_COMMANDS: &[Keyword] = &[
    kw_exact("-dry-run", "print what would be removed, remove nothing"),
    kw_exact("-j", "print the plan as JSON"),
    kw("help", "print the usage"),
];

static IMPLEMENTED: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();

/// Records the objects rnet implements (the registry's, sorted), for the
/// texts that list them. The registry is above the grammar, so it hands the
/// list down instead of being asked for it.
pub(crate) fn set_implemented_objects(mut names: Vec<&'static str>) {
    names.sort_unstable();
    let _ = IMPLEMENTED.set(names);
}

/// The objects rnet implements, sorted, without `help`.
pub(crate) fn implemented_objects() -> &'static [&'static str] {
    IMPLEMENTED.get().map_or(&[], Vec::as_slice)
}

/// `ip nexthop bucket` sub-commands (ip/ipnexthop.c `do_ipnh_bucket`), in
/// matching order.
pub const NEXTHOP_BUCKET_COMMANDS: &[Keyword] = &[
    kw_alias(
        "list",
        &[("show", Match::Prefix), ("lst", Match::Prefix)],
        "list the buckets of resilient groups",
    ),
    kw("get", "show one bucket"),
    kw("help", "print the usage"),
];

/// Which usage text to print.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Usage {
    Ip,
    Netns,
    Link,
    Address,
    Route,
    Rule,
    Nexthop,
    Tuntap,
    Addrlabel,
    Token,
    Maddress,
    Neighbor,
    Ntable,
    Netconf,
    Vrf,
    Mroute,
    TcpMetrics,
    Wait,
    Monitor,
    Apply,
    Destroy,
}

impl Usage {
    /// The text ip prints to stderr, with its own name replaced by `prog`.
    pub fn text(self, prog: &str) -> String {
        match self {
            Usage::Ip if prog == "ip" => IP_USAGE.to_string(),
            Usage::Ip => format!(
                "Usage: {prog} [ OPTIONS ] OBJECT {{ COMMAND | help }}\n\
                 \x20      {prog} [ -force ] -batch filename\n\
                 where  OBJECT := {{ {objects} | help }}\n{options}",
                objects = implemented_objects().join(" | "),
                options = &IP_USAGE[IP_USAGE.find("       OPTIONS").unwrap_or(0)..],
            ),
            Usage::Netns => NETNS_USAGE.replace("\tip ", &format!("\t{prog} ")),
            Usage::Link => {
                include_str!("usage/link.txt").replace("ip link ", &format!("{prog} link "))
            }
            Usage::Address => include_str!("usage/address.txt")
                .replace("ip address ", &format!("{prog} address ")),
            Usage::Route => {
                include_str!("usage/route.txt").replace("ip route ", &format!("{prog} route "))
            }
            Usage::Rule => {
                include_str!("usage/rule.txt").replace("ip rule ", &format!("{prog} rule "))
            }
            Usage::Nexthop => include_str!("usage/nexthop.txt")
                .replace("ip nexthop ", &format!("{prog} nexthop ")),
            Usage::Tuntap => {
                include_str!("usage/tuntap.txt").replace("ip tuntap ", &format!("{prog} tuntap "))
            }
            Usage::Addrlabel => include_str!("usage/addrlabel.txt")
                .replace("ip addrlabel ", &format!("{prog} addrlabel ")),
            Usage::Token => {
                include_str!("usage/token.txt").replace("ip token ", &format!("{prog} token "))
            }
            Usage::Maddress => {
                include_str!("usage/maddress.txt").replace("ip maddr ", &format!("{prog} maddr "))
            }
            Usage::Neighbor => {
                include_str!("usage/neighbor.txt").replace("ip neigh ", &format!("{prog} neigh "))
            }
            Usage::Ntable => {
                include_str!("usage/ntable.txt").replace("ip ntable ", &format!("{prog} ntable "))
            }
            Usage::Netconf => include_str!("usage/netconf.txt")
                .replace("ip netconf ", &format!("{prog} netconf ")),
            Usage::Vrf => include_str!("usage/vrf.txt").replace("ip vrf ", &format!("{prog} vrf ")),
            Usage::Mroute => {
                include_str!("usage/mroute.txt").replace("ip mroute ", &format!("{prog} mroute "))
            }
            Usage::Monitor => include_str!("usage/monitor.txt")
                .replace("ip monitor ", &format!("{prog} monitor ")),
            Usage::TcpMetrics => {
                include_str!("usage/tcpmetrics.txt").replace("\tip ", &format!("\t{prog} "))
            }
            Usage::Wait => {
                include_str!("usage/wait.txt").replace("rnet wait", &format!("{prog} wait"))
            }
            Usage::Apply | Usage::Destroy => {
                include_str!("usage/apply.txt").replace("rnet ", &format!("{prog} "))
            }
        }
    }
}

const IP_USAGE: &str = "Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }
       ip [ -force ] -batch filename
where  OBJECT := { address | addrlabel | amt | fou | help | ila | ioam | l2tp |
                   link | macsec | maddress | monitor | mptcp | mroute | mrule |
                   neighbor | neighbour | netconf | netns | nexthop | ntable |
                   ntbl | route | rule | sr | tap | tcpmetrics |
                   token | tunnel | tuntap | vrf | xfrm }
       OPTIONS := { -V[ersion] | -s[tatistics] | -d[etails] | -r[esolve] |
                    -h[uman-readable] | -iec | -j[son] | -p[retty] |
                    -f[amily] { inet | inet6 | mpls | bridge | link } |
                    -4 | -6 | -M | -B | -0 |
                    -l[oops] { maximum-addr-flush-attempts } | -br[ief] |
                    -o[neline] | -t[imestamp] | -ts[hort] | -b[atch] [filename] |
                    -rc[vbuf] [size] | -n[etns] name | -N[umeric] | -a[ll] |
                    -c[olor]}
";

const NETNS_USAGE: &str = "Usage:\tip netns list
\tip netns add NAME
\tip netns attach NAME PID
\tip netns set NAME NETNSID
\tip [-all] netns delete [NAME]
\tip netns identify [PID]
\tip netns pids NAME
\tip [-all] netns exec [NAME] cmd ...
\tip netns monitor
\tip netns list-id [target-nsid POSITIVE-INT] [nsid POSITIVE-INT]
NETNSID := auto | POSITIVE-INT
";

#[cfg(test)]
mod tests {
    use super::*;

    fn name(word: &str, table: &[Keyword]) -> Option<&'static str> {
        resolve(word, table).map(|keyword| keyword.name)
    }

    #[test]
    fn address_commands_resolve_in_ip_order() {
        let cases = [
            ("a", "add"),
            ("c", "change"),
            ("chg", "change"),
            ("r", "replace"),
            ("d", "delete"),
            ("l", "list"),
            ("ls", "list"),
            ("s", "list"),
            ("sh", "list"),
            ("show", "list"),
            ("f", "flush"),
            ("sa", "save"),
            ("showd", "showdump"),
            ("re", "replace"),
            ("res", "restore"),
            ("h", "help"),
        ];
        for (word, expected) in cases {
            assert_eq!(
                name(word, ADDRESS_COMMANDS),
                Some(expected),
                "word {word:?}"
            );
        }
        assert_eq!(name("ch", ADDRESS_COMMANDS), Some("change"));
        assert_eq!(name("chgx", ADDRESS_COMMANDS), None);
        assert_eq!(name("x", ADDRESS_COMMANDS), None);
    }

    #[test]
    fn netns_commands_resolve_in_ip_order() {
        let cases = [
            ("l", "list"),
            ("ls", "list"),
            ("s", "list"),
            ("sh", "list"),
            ("se", "set"),
            ("a", "add"),
            ("at", "attach"),
            ("d", "delete"),
            ("e", "exec"),
            ("i", "identify"),
            ("p", "pids"),
            ("m", "monitor"),
            ("h", "help"),
            ("list-", "list-id"),
            ("list-i", "list-id"),
        ];
        for (word, expected) in cases {
            assert_eq!(name(word, NETNS_COMMANDS), Some(expected), "word {word:?}");
        }
        assert_eq!(name("lists", NETNS_COMMANDS), None);
        assert_eq!(name("x", NETNS_COMMANDS), None);
    }

    #[test]
    fn rule_commands_resolve_in_ip_order() {
        let cases = [
            ("l", "list"),
            ("ls", "list"),
            ("s", "list"),
            ("sh", "list"),
            ("sa", "save"),
            ("r", "restore"),
            ("a", "add"),
            ("d", "delete"),
            ("f", "flush"),
            ("h", "help"),
        ];
        for (word, expected) in cases {
            assert_eq!(name(word, RULE_COMMANDS), Some(expected), "word {word:?}");
        }
        assert_eq!(name("x", RULE_COMMANDS), None);
        assert_eq!(name("lists", RULE_COMMANDS), None);
    }

    #[test]
    fn usage_names_the_program() {
        assert!(Usage::Ip.text("ip").starts_with("Usage: ip [ OPTIONS ]"));
        assert_eq!(Usage::Ip.text("ip"), IP_USAGE);
        let rnet = Usage::Ip.text("rnet");
        assert!(rnet.starts_with("Usage: rnet [ OPTIONS ] OBJECT"));
        assert!(
            rnet.contains("\n       rnet [ -force ] -batch filename\n"),
            "{rnet}"
        );
        assert!(Usage::Netns
            .text("rnet")
            .contains("\trnet [-all] netns exec"));
    }
}
