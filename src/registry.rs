//! The object registry: ip's objects in ip's matching order (ip/ip.c
//! `cmds[]`), each with its sub-command table and its handler.
//!
//! Everything that lists objects derives from this one table: dispatch (with
//! ip's first-match abbreviations: `a` is address, `n` neighbor), the clap
//! tree and so the completions and the man page, `rnet help`'s object list
//! and the "not implemented" message. An object ip has and rnet does not is
//! an [`Object::absent`] entry, refused by name. Adding an object is its
//! module under `objects/` and one line here.

use clap::{Arg, ArgAction, Command};

use crate::context::Context;
use crate::error::{Error, Result};
use crate::grammar::tree::{kw, kw_alias, kw_exact, resolve_by, Keyword, Match, Usage};
use crate::objects;
use crate::output::PrintMessage;

/// Runs one object's command line (the words after the object).
pub(crate) type Handler = fn(&mut Context, &[String]) -> Result<()>;

/// One of ip's objects.
pub(crate) struct Object {
    pub(crate) keyword: Keyword,
    /// Its sub-commands in ip's matching order (for completion and help).
    pub(crate) commands: &'static [Keyword],
    /// `None` where ip has the object and rnet refuses it by name.
    pub(crate) run: Option<Handler>,
    /// The object's message printer (`monitor` prints its events with it).
    pub(crate) printer: Option<PrintMessage>,
    /// Whether a batch line (the words after the object) sends a request
    /// that may wait in the batch's window (`context::pipeline`).
    pub(crate) defers: Option<Defers>,
}

/// Tells from a line's words whether its request may be deferred.
pub(crate) type Defers = fn(&[String]) -> bool;

impl Object {
    const fn new(keyword: Keyword, commands: &'static [Keyword], run: Handler) -> Self {
        Object {
            keyword,
            commands,
            run: Some(run),
            printer: None,
            defers: None,
        }
    }

    /// The object whose batch lines may defer their requests.
    const fn deferring(self, defers: Defers) -> Self {
        Object {
            defers: Some(defers),
            ..self
        }
    }

    /// The object with its message printer.
    const fn printing(self, printer: PrintMessage) -> Self {
        Object {
            printer: Some(printer),
            ..self
        }
    }

    const fn absent(keyword: Keyword) -> Self {
        Object {
            keyword,
            commands: &[],
            run: None,
            printer: None,
            defers: None,
        }
    }
}

/// `ip help`: ip's usage, listing rnet's objects.
fn help(_: &mut Context, _: &[String]) -> Result<()> {
    Err(Error::Usage(Usage::Ip))
}

/// ip's object table, in its order.
pub(crate) const OBJECTS: &[Object] = &[
    Object::new(
        kw("address", "protocol (IP or IPv6) address on a device"),
        objects::address::COMMANDS,
        objects::address::run,
    )
    .printing(objects::address::print::message),
    Object::new(
        kw(
            "addrlabel",
            "label configuration for protocol address selection",
        ),
        objects::addrlabel::COMMANDS,
        objects::addrlabel::run,
    ),
    Object::new(
        kw("maddress", "multicast address"),
        objects::maddress::COMMANDS,
        objects::maddress::run,
    ),
    Object::new(
        kw("route", "routing table entry"),
        objects::route::COMMANDS,
        objects::route::run,
    )
    .printing(objects::route::print::message)
    .deferring(objects::route::defers),
    Object::new(
        kw("rule", "rule in routing policy database"),
        objects::rule::COMMANDS,
        objects::rule::run,
    )
    .printing(objects::rule::print::message),
    Object::new(
        kw_alias(
            "neighbor",
            &[("neighbour", Match::Prefix)],
            "ARP or NDISC cache entry",
        ),
        objects::neighbor::COMMANDS,
        objects::neighbor::run,
    )
    .printing(objects::neighbor::print::message),
    Object::new(
        kw_alias("ntable", &[("ntbl", Match::Prefix)], "neighbor table"),
        objects::ntable::COMMANDS,
        objects::ntable::run,
    ),
    Object::new(
        kw("link", "network device"),
        objects::link::COMMANDS,
        objects::link::run,
    )
    .printing(objects::link::print::message),
    Object::absent(kw("l2tp", "tunnel ethernet over IP (L2TPv3)")),
    Object::absent(kw("fou", "Foo-over-UDP receive port configuration")),
    Object::absent(kw("ila", "manage identifier locator addresses (ILA)")),
    Object::absent(kw("macsec", "MACsec device configuration")),
    Object::absent(kw_alias(
        "tunnel",
        &[("tunl", Match::Prefix)],
        "tunnel over IP",
    )),
    Object::new(
        kw_alias(
            "tuntap",
            &[("tap", Match::Prefix)],
            "manage TUN/TAP devices",
        ),
        objects::tuntap::COMMANDS,
        objects::tuntap::run,
    ),
    Object::new(
        kw("token", "tokenized interface identifiers"),
        objects::token::COMMANDS,
        objects::token::run,
    ),
    Object::new(
        kw_alias(
            "tcpmetrics",
            &[("tcp_metrics", Match::Prefix)],
            "TCP metrics",
        ),
        objects::tcpmetrics::COMMANDS,
        objects::tcpmetrics::run,
    ),
    Object::new(
        kw("monitor", "watch for netlink messages"),
        objects::monitor::COMMANDS,
        objects::monitor::run,
    ),
    Object::absent(kw("xfrm", "manage IPSec policies")),
    Object::new(
        kw("mroute", "multicast routing cache entry"),
        objects::mroute::COMMANDS,
        objects::mroute::run,
    )
    .printing(objects::mroute::print::message),
    Object::new(
        kw("mrule", "rule in multicast routing policy database"),
        objects::rule::COMMANDS,
        objects::rule::run_multicast,
    ),
    Object::new(
        kw("netns", "manage network namespaces"),
        objects::netns::COMMANDS,
        objects::netns::run,
    )
    .printing(objects::netns::print::message),
    Object::new(
        kw("netconf", "network configuration monitoring"),
        objects::netconf::COMMANDS,
        objects::netconf::run,
    )
    .printing(objects::netconf::print::message),
    Object::new(
        kw("vrf", "manage virtual routing and forwarding devices"),
        objects::vrf::COMMANDS,
        objects::vrf::run,
    ),
    Object::absent(kw("sr", "segment routing")),
    Object::new(
        kw("nexthop", "nexthop objects"),
        objects::nexthop::COMMANDS,
        objects::nexthop::run,
    )
    .printing(objects::nexthop::print::message),
    Object::absent(kw("mptcp", "MPTCP path manager")),
    Object::absent(kw("ioam", "IOAM namespaces and schemas")),
    Object::new(kw("help", "print the usage"), &[], help),
    Object::absent(kw("stats", "interface statistics")),
    // rnet's own objects, after all of ip's and only as whole words, so
    // every abbreviation means what it means to ip.
    Object::new(
        kw_exact(
            "wait",
            "block until a link, address, route or netns is in a state",
        ),
        objects::wait::COMMANDS,
        objects::wait::run,
    ),
    Object::new(
        kw_exact(
            "apply",
            "build a topology file's namespaces, links, addresses and routes",
        ),
        objects::apply::COMMANDS,
        objects::apply::run,
    ),
    Object::new(
        kw_exact("destroy", "remove what a topology file owns"),
        objects::apply::DESTROY_COMMANDS,
        objects::apply::run_destroy,
    ),
];

/// The object `word` selects under ip's first-match rule.
pub(crate) fn find(word: &str) -> Option<&'static Object> {
    resolve_by(word, OBJECTS, |object| &object.keyword)
}

/// The objects rnet implements, in ip's order.
pub(crate) fn implemented() -> impl Iterator<Item = &'static Object> {
    OBJECTS.iter().filter(|object| object.run.is_some())
}

/// The names of the implemented objects, `help` left out.
pub(crate) fn implemented_names() -> Vec<&'static str> {
    implemented()
        .map(|object| object.keyword.name)
        .filter(|name| *name != "help")
        .collect()
}

/// Whether the batch line `word args` may defer its request.
pub(crate) fn defers(word: &str, args: &[String]) -> bool {
    find(word)
        .and_then(|object| object.defers)
        .is_some_and(|defers| defers(args))
}

/// ip's `do_cmd`: runs the object named by `word` with `args`.
pub(crate) fn run_object(ctx: &mut Context, word: &str, args: &[String]) -> Result<()> {
    let Some(object) = find(word) else {
        return Err(Error::UnknownObject(word.to_string()));
    };
    match object.run {
        Some(run) => run(ctx, args),
        None => Err(Error::ObjectNotImplemented(object.keyword.name)),
    }
}

/// The clap tree of rnet's implemented objects. Each leaf takes the rest of
/// the line as raw words: ip's per-object grammars (keyword/value pairs in any
/// order, prefix rules, ip's own error texts) are parsed by the objects.
pub(crate) fn command_tree() -> Command {
    let words = || {
        Arg::new("args")
            .num_args(0..)
            .action(ArgAction::Append)
            .allow_hyphen_values(true)
            .trailing_var_arg(true)
    };
    let leaf = |keyword: &Keyword| {
        Command::new(keyword.name)
            .about(keyword.about)
            .aliases(keyword.aliases.iter().map(|(alias, _)| *alias))
            .arg(words())
            .disable_help_flag(true)
    };
    let object = |Object {
                      keyword, commands, ..
                  }: &Object| {
        Command::new(keyword.name)
            .about(keyword.about)
            .subcommands(commands.iter().map(leaf))
            .disable_help_flag(true)
            .disable_help_subcommand(true)
    };
    Command::new("rnet")
        .about("show and manipulate network namespaces, devices and addresses")
        .disable_help_flag(true)
        .disable_help_subcommand(true)
        .disable_version_flag(true)
        .subcommands(
            implemented()
                .filter(|entry| entry.keyword.name != "help")
                .map(object),
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(word: &str) -> Option<&'static str> {
        find(word).map(|object| object.keyword.name)
    }

    #[test]
    fn objects_resolve_in_ip_order() {
        assert_eq!(name("a"), Some("address"));
        assert_eq!(name("addres"), Some("address"));
        assert_eq!(name("addresss"), None);
        assert_eq!(name("l"), Some("link"));
        assert_eq!(name("n"), Some("neighbor"));
        assert_eq!(name("ne"), Some("neighbor"));
        assert_eq!(name("net"), Some("netns"));
        assert_eq!(name("neighbour"), Some("neighbor"));
        assert_eq!(name("tap"), Some("tuntap"));
        assert_eq!(name("h"), Some("help"));
        assert_eq!(name("r"), Some("route"));
        assert_eq!(name("ro"), Some("route"));
        assert_eq!(name("ru"), Some("rule"));
        assert_eq!(name("nexth"), Some("nexthop"));
        // rnet's own `wait` takes no abbreviation ip would refuse.
        assert_eq!(name("wait"), Some("wait"));
        assert_eq!(name("w"), None);
        assert_eq!(name("wai"), None);
        // Nor do `apply` and `destroy`: `a` stays address, `d` unknown.
        assert_eq!(name("apply"), Some("apply"));
        assert_eq!(name("ap"), None);
        assert_eq!(name("destroy"), Some("destroy"));
        assert_eq!(name("d"), None);
        assert_eq!(name("de"), None);
    }

    #[test]
    fn implemented_objects_have_commands() {
        for object in implemented() {
            assert_eq!(
                object.commands.is_empty(),
                object.keyword.name == "help",
                "{}",
                object.keyword.name
            );
        }
        assert_eq!(
            implemented_names(),
            [
                "address",
                "addrlabel",
                "maddress",
                "route",
                "rule",
                "neighbor",
                "ntable",
                "link",
                "tuntap",
                "token",
                "tcpmetrics",
                "monitor",
                "mroute",
                "mrule",
                "netns",
                "netconf",
                "vrf",
                "nexthop",
                "wait",
                "apply",
                "destroy"
            ]
        );
    }

    #[test]
    fn clap_tree_holds_every_implemented_command() {
        let tree = command_tree();
        tree.clone().debug_assert();
        for object in implemented_names() {
            let node = tree.find_subcommand(object).expect("object in tree");
            for keyword in find(object).expect("registered").commands {
                assert!(
                    node.find_subcommand(keyword.name).is_some(),
                    "{object} {}",
                    keyword.name
                );
            }
        }
        let parsed = tree
            .try_get_matches_from(["rnet", "netns", "exec", "ns1", "ip", "-j", "link"])
            .expect("raw words pass through");
        let (object, sub) = parsed.subcommand().unwrap();
        let (command, leaf) = sub.subcommand().unwrap();
        let words: Vec<&String> = leaf.get_many::<String>("args").unwrap().collect();
        assert_eq!((object, command, words.len()), ("netns", "exec", 4));
    }
}
