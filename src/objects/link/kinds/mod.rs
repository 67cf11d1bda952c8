//! Link kinds: which kinds ip 6.1 knows (its `link_util`s), their help
//! texts (`ip link help KIND`), and the parsers of their `type KIND …`
//! arguments (each kind's `parse_opt` in ip/iplink_*.c and ip/link_*.c).
//!
//! A kind's parser writes IFLA_INFO_DATA (or IFLA_INFO_SLAVE_DATA) bytes in
//! the order of the words, as ip does.

mod bond;
mod bridge;
mod can;
mod geneve;
mod gre;
mod inet;
mod ip6tnl;
mod iptnl;
mod ipvlan;
mod macsec;
mod macvlan;
mod small;
mod udp_tunnels;
mod veth;
mod vlan;
mod vrf;
mod vti;
mod vxlan;

use std::fs::File;

use super::modify::Verb;
use super::nla::Nest;
use crate::context::Context;
use crate::error::{Error, Result};
use crate::grammar::{get_u16, get_u64, get_u8, get_unsigned, matches};

/// How ip treats the words after `type KIND`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Parser {
    /// ip has no parser for the kind: the words are silently ignored (an
    /// empty IFLA_INFO_DATA nest is still sent).
    None,
    Veth,
    Bridge,
    BridgeSlave,
    Macvlan,
    Vxlan,
    Vlan,
    Bond,
    BondSlave,
    Vrf,
    Ipvlan,
    Vxcan,
    Can,
    Macsec,
    Geneve,
    Iptnl,
    Ip6tnl,
    Gre,
    Vti,
    Bareudp,
    Gtp,
    Amt,
    Hsr,
    Xfrm,
    Rmnet,
    Wwan,
    Dsa,
    Ipoib,
    Batadv,
}

/// A kind ip knows: its name, its parser, and its help text.
pub struct Kind {
    pub name: &'static str,
    pub parser: Parser,
    pub help: &'static str,
}

macro_rules! kinds {
    ($($name:literal => $parser:ident,)*) => {
        /// ip 6.1's link_utils, with the text `ip link help KIND` prints.
        pub static KINDS: &[Kind] = &[
            $(Kind {
                name: $name,
                parser: Parser::$parser,
                help: include_str!(concat!("help/", $name, ".txt")),
            },)*
        ];
    };
}

kinds! {
    "amt" => Amt,
    "bareudp" => Bareudp,
    "batadv" => Batadv,
    "bond" => Bond,
    "bond_slave" => BondSlave,
    "bridge" => Bridge,
    "bridge_slave" => BridgeSlave,
    "can" => Can,
    "dsa" => Dsa,
    "dummy" => None,
    "erspan" => Gre,
    "geneve" => Geneve,
    "gre" => Gre,
    "gretap" => Gre,
    "gtp" => Gtp,
    "hsr" => Hsr,
    "ifb" => None,
    "ip6erspan" => Gre,
    "ip6gre" => Gre,
    "ip6gretap" => Gre,
    "ip6tnl" => Ip6tnl,
    "ipip" => Iptnl,
    "ipoib" => Ipoib,
    "ipvlan" => Ipvlan,
    "ipvtap" => Ipvlan,
    "macsec" => Macsec,
    "macvlan" => Macvlan,
    "macvtap" => Macvlan,
    "netdevsim" => None,
    "nlmon" => None,
    "rmnet" => Rmnet,
    "sit" => Iptnl,
    "team" => None,
    "team_slave" => None,
    "vcan" => None,
    "veth" => Veth,
    "virt_wifi" => None,
    "vlan" => Vlan,
    "vrf" => Vrf,
    "vti" => Vti,
    "vti6" => Vti,
    "vxcan" => Vxcan,
    "vxlan" => Vxlan,
    "wwan" => Wwan,
    "xfrm" => Xfrm,
}

/// ip's `get_link_kind`.
pub fn find(name: &str) -> Option<&'static Kind> {
    KINDS.iter().find(|kind| kind.name == name)
}

/// What a kind's parser works on.
pub struct Args<'a> {
    pub words: &'a [String],
    pub verb: Verb,
    /// The ifindex of the request (the device being changed, on set).
    pub index: i32,
    /// ip's `preferred_family` (-4/-6).
    pub family: u8,
    /// Namespace files the data refers to (veth peers), kept open until the
    /// request is answered.
    pub files: Vec<File>,
}

/// Runs the kind's parser over `args.words`, writing into `data`.
pub fn parse(ctx: &mut Context, kind: &Kind, args: &mut Args, data: &mut Nest) -> Result<()> {
    match kind.parser {
        Parser::None => Ok(()),
        Parser::Veth => veth::parse(ctx, kind, args, data),
        Parser::Bridge => bridge::parse(args, data),
        Parser::BridgeSlave => bridge::parse_slave(ctx, args, data),
        Parser::Macvlan => macvlan::parse(kind, args, data),
        Parser::Vxlan => vxlan::parse(ctx, args, data),
        Parser::Vlan => vlan::parse(args, data),
        Parser::Bond => bond::parse(ctx, args, data),
        Parser::BondSlave => bond::parse_slave(args, data),
        Parser::Vrf => vrf::parse(args, data),
        Parser::Ipvlan => ipvlan::parse(kind, args, data),
        Parser::Vxcan => veth::parse(ctx, kind, args, data),
        Parser::Macsec => macsec::parse(args, data),
        Parser::Can => can::parse(args, data),
        Parser::Geneve => geneve::parse(args, data),
        Parser::Iptnl => iptnl::parse(ctx, kind, args, data),
        Parser::Ip6tnl => ip6tnl::parse(ctx, kind, args, data),
        Parser::Gre => gre::parse(ctx, kind, args, data),
        Parser::Vti => vti::parse(ctx, kind, args, data),
        Parser::Bareudp => udp_tunnels::bareudp(args, data),
        Parser::Gtp => udp_tunnels::gtp(args, data),
        Parser::Amt => udp_tunnels::amt(ctx, args, data),
        Parser::Hsr => udp_tunnels::hsr(ctx, args, data),
        Parser::Xfrm => small::xfrm(ctx, args, data),
        Parser::Rmnet => small::rmnet(args, data),
        Parser::Wwan => small::wwan(args, data),
        Parser::Dsa => small::dsa(ctx, args, data),
        Parser::Ipoib => small::ipoib(args, data),
        Parser::Batadv => small::batadv(args, data),
    }
}

/// `ip link help [KIND]`.
pub fn help(words: &[String]) -> Result<()> {
    let Some(kind) = words.first().and_then(|name| find(name)) else {
        return Err(Error::Usage(crate::grammar::tree::Usage::Link));
    };
    use std::io::Write;
    let mut out = std::io::stdout();
    let _ = out.write_all(kind.help.as_bytes());
    let _ = out.flush();
    Ok(())
}

/// A complaint of a kind's parser followed by its usage (ip's
/// `explain()` after an `fprintf`), status 1.
pub fn explain(kind: &str, first: Option<String>) -> Error {
    let help = find(kind).map_or("", |k| k.help);
    let text = match first {
        Some(line) => format!("{line}\n{help}"),
        None => help.to_string(),
    };
    Error::KindArgument(text)
}

pub fn invarg(reason: &str, arg: &str) -> Error {
    Error::InvalidArgument {
        arg: arg.to_string(),
        reason: reason.to_string(),
    }
}

/// The value after a keyword (ip's NEXT_ARG).
pub fn value<'a>(words: &mut std::slice::Iter<'a, String>) -> Result<&'a String> {
    crate::grammar::next_arg(words)
}

/// The encapsulation words the IP tunnels share (ipip/sit, ip6tnl and the
/// gre family): `encap` holds type, flags, source port and destination
/// port, in the order of the IFLA_*_ENCAP_* attributes. Returns whether
/// `word` was one of them.
pub fn encap_word(
    word: &str,
    words: &mut std::slice::Iter<'_, String>,
    encap: &mut [u16; 4],
) -> Result<bool> {
    let flag = |name: &str| match name {
        "csum" => Some(1),
        "udp6-csum" => Some(2),
        "remcsum" => Some(4),
        _ => None,
    };
    match word {
        "noencap" => encap[0] = 0,
        "encap" => {
            let v = value(words)?;
            encap[0] = match v.as_str() {
                "fou" => 1,
                "gue" => 2,
                "none" => 0,
                _ => return Err(invarg("Invalid encap type.", v)),
            };
        }
        "encap-sport" => {
            let v = value(words)?;
            encap[2] = if v == "auto" {
                0
            } else {
                get_u16(v).ok_or_else(|| invarg("Invalid source port.", v))?
            };
        }
        "encap-dport" => {
            let v = value(words)?;
            encap[3] = get_u16(v).ok_or_else(|| invarg("Invalid destination port.", v))?;
        }
        _ => {
            if let Some(bit) = word.strip_prefix("noencap-").and_then(flag) {
                encap[1] &= !bit;
            } else if let Some(bit) = word.strip_prefix("encap-").and_then(flag) {
                encap[1] |= bit;
            } else {
                return Ok(false);
            }
        }
    }
    Ok(true)
}

/// The integer widths of table-driven options.
#[derive(Debug, Clone, Copy)]
pub enum Width {
    U8,
    U16,
    U32,
    U64,
}

/// `keyword` (prefix-matched unless `exact`) takes a number of `width`
/// written as attribute `attr`; ip's invarg text `invalid KEYWORD` otherwise.
pub struct NumberOption {
    pub keyword: &'static str,
    pub exact: bool,
    pub attr: u16,
    pub width: Width,
}

impl NumberOption {
    pub fn hits(&self, word: &str) -> bool {
        if self.exact {
            word == self.keyword
        } else {
            matches(word, self.keyword)
        }
    }

    /// Reads the value and writes the attribute.
    pub fn apply(&self, word: &str, data: &mut Nest) -> Result<()> {
        let bad = || invarg(&format!("invalid {}", self.keyword), word);
        match self.width {
            Width::U8 => data.u8(self.attr, get_u8(word).ok_or_else(bad)?),
            Width::U16 => data.u16(self.attr, get_u16(word).ok_or_else(bad)?),
            Width::U32 => data.u32(self.attr, get_unsigned(word).ok_or_else(bad)?),
            Width::U64 => data.u64(self.attr, get_u64(word).ok_or_else(bad)?),
        }
        Ok(())
    }
}

/// lib/ll_proto.c `ll_proto_a2n`, in network byte order as ip keeps it.
pub fn ll_proto(word: &str) -> Option<[u8; 2]> {
    crate::model::names::ll_proto_number(word).map(u16::to_be_bytes)
}
