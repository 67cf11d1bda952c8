//! Link kinds, one folder each as iproute2 has one file each
//! (ip/iplink_vxlan.c): a folder's `mod.rs` parses `type KIND …` (ip's
//! `parse_opt`), its `print.rs` prints `-d` details (`print_opt`), and one
//! `KIND.txt` per kind it serves is `ip link help KIND` (`print_help`).
//! Kinds that share one attribute set share a folder (gre, gretap, erspan,
//! ip6gre, …); `plain/` holds the help of kinds ip neither parses nor
//! prints, and `shared/` what several kinds use (address words, the IP
//! tunnel printers, the print helpers and their test support).
//!
//! [`KINDS`] is the one list: parsing, help and printing all look a kind up
//! there, so what is parsed and what is printed cannot drift apart.
//!
//! A kind's parser writes IFLA_INFO_DATA (or IFLA_INFO_SLAVE_DATA) bytes in
//! the order of the words, as ip does.

mod amt;
mod bareudp;
mod batadv;
mod bond;
mod bond_slave;
mod bridge;
mod bridge_slave;
mod can;
mod dsa;
mod geneve;
mod gre;
mod gtp;
mod hsr;
mod ipoib;
mod iptnl;
mod ipvlan;
mod macsec;
mod macvlan;
mod rmnet;
pub(crate) mod shared;
mod tun;
mod veth;
mod vlan;
mod vrf;
mod vti;
mod vxlan;
mod wwan;
mod xfrm;

use std::fs::File;

use super::modify::Verb;
use super::nla::Nest;
use crate::context::Context;
use crate::error::{Error, Result};
use crate::grammar::{get_u16, get_u64, get_u8, get_unsigned, matches};
use crate::objects::link::errors::LinkError;
use crate::objects::link::print::LinkStyle;
use crate::output::Printer;

/// How ip treats the words after `type KIND`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Parser {
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

/// Prints a kind's IFLA_INFO_DATA (or port's IFLA_INFO_SLAVE_DATA) payload.
pub(crate) type KindPrinter = fn(&mut Printer, &[u8], &LinkStyle);

/// A kind ip knows: its name, its parser, its help text and its printers.
pub(crate) struct Kind {
    pub(crate) name: &'static str,
    pub(crate) parser: Parser,
    /// `ip link help KIND`; `None` for the kinds ip only prints (`tun`,
    /// `vrf_slave`), which `type KIND` and `ip link help` do not know.
    pub(crate) help: Option<&'static str>,
    /// `-d` details. ip opens an `info_data` JSON object for a kind with a
    /// printer even when the kernel sends no data; kinds without one
    /// (veth, dummy, ifb, …) print nothing but their name.
    pub(crate) print: Option<KindPrinter>,
    /// `-s -d` extra statistics: in ip 6.1 only `can` has them (`bridge`
    /// and `bond` print theirs through `ip link xstats`).
    pub(crate) xstats: Option<KindPrinter>,
}

impl Kind {
    /// A kind `type KIND` creates, with its help text.
    const fn new(name: &'static str, parser: Parser, help: &'static str) -> Kind {
        Kind {
            name,
            parser,
            help: Some(help),
            print: None,
            xstats: None,
        }
    }

    /// A kind ip only prints.
    const fn printed(name: &'static str, print: KindPrinter) -> Kind {
        Kind {
            name,
            parser: Parser::None,
            help: None,
            print: Some(print),
            xstats: None,
        }
    }

    const fn prints(self, print: KindPrinter) -> Kind {
        Kind {
            print: Some(print),
            ..self
        }
    }

    const fn xstats(self, xstats: KindPrinter) -> Kind {
        Kind {
            xstats: Some(xstats),
            ..self
        }
    }
}

/// `Kind::new` with the help text read from `FOLDER/NAME.txt`.
macro_rules! kind {
    ($folder:ident, $name:literal, $parser:ident) => {
        Kind::new(
            $name,
            Parser::$parser,
            include_str!(concat!(stringify!($folder), "/", $name, ".txt")),
        )
    };
}

/// ip 6.1's link_utils: every kind it parses, prints or has help for.
pub(crate) static KINDS: &[Kind] = &[
    kind!(amt, "amt", Amt).prints(amt::print::print),
    kind!(bareudp, "bareudp", Bareudp).prints(bareudp::print::print),
    kind!(batadv, "batadv", Batadv),
    kind!(bond, "bond", Bond).prints(bond::print::print),
    kind!(bond_slave, "bond_slave", BondSlave).prints(bond_slave::print::print),
    kind!(bridge, "bridge", Bridge).prints(bridge::print::print),
    kind!(bridge_slave, "bridge_slave", BridgeSlave).prints(bridge_slave::print::print),
    kind!(can, "can", Can)
        .prints(can::print::print)
        .xstats(can::print::print_xstats),
    kind!(dsa, "dsa", Dsa).prints(dsa::print::print),
    kind!(plain, "dummy", None),
    kind!(gre, "erspan", Gre).prints(gre::print::print),
    kind!(geneve, "geneve", Geneve).prints(geneve::print::print),
    kind!(gre, "gre", Gre).prints(gre::print::print),
    kind!(gre, "gretap", Gre).prints(gre::print::print),
    kind!(gtp, "gtp", Gtp).prints(gtp::print::print),
    kind!(hsr, "hsr", Hsr).prints(hsr::print::print),
    kind!(plain, "ifb", None),
    kind!(gre, "ip6erspan", Gre).prints(gre::print::print6),
    kind!(gre, "ip6gre", Gre).prints(gre::print::print6),
    kind!(gre, "ip6gretap", Gre).prints(gre::print::print6),
    kind!(iptnl, "ip6tnl", Ip6tnl).prints(iptnl::print::print6),
    kind!(iptnl, "ipip", Iptnl).prints(iptnl::print::print),
    kind!(ipoib, "ipoib", Ipoib).prints(ipoib::print::print),
    kind!(ipvlan, "ipvlan", Ipvlan).prints(ipvlan::print::print),
    kind!(ipvlan, "ipvtap", Ipvlan).prints(ipvlan::print::print),
    kind!(macsec, "macsec", Macsec).prints(macsec::print::print),
    kind!(macvlan, "macvlan", Macvlan).prints(macvlan::print::print),
    kind!(macvlan, "macvtap", Macvlan).prints(macvlan::print::print),
    kind!(plain, "netdevsim", None),
    kind!(plain, "nlmon", None),
    kind!(rmnet, "rmnet", Rmnet).prints(rmnet::print::print),
    kind!(iptnl, "sit", Iptnl).prints(iptnl::print::print),
    kind!(plain, "team", None),
    kind!(plain, "team_slave", None),
    Kind::printed("tun", tun::print::print),
    kind!(plain, "vcan", None),
    kind!(veth, "veth", Veth),
    kind!(plain, "virt_wifi", None),
    kind!(vlan, "vlan", Vlan).prints(vlan::print::print),
    kind!(vrf, "vrf", Vrf).prints(vrf::print::print),
    Kind::printed("vrf_slave", vrf::print::print_slave),
    kind!(vti, "vti", Vti).prints(vti::print::print),
    kind!(vti, "vti6", Vti).prints(vti::print::print6),
    kind!(veth, "vxcan", Vxcan),
    kind!(vxlan, "vxlan", Vxlan).prints(vxlan::print::print),
    kind!(wwan, "wwan", Wwan).prints(wwan::print::print),
    kind!(xfrm, "xfrm", Xfrm).prints(xfrm::print::print),
];

/// ip's `get_link_kind` for `type KIND` and `ip link help KIND`.
pub(crate) fn find(name: &str) -> Option<&'static Kind> {
    KINDS
        .iter()
        .find(|kind| kind.name == name && kind.help.is_some())
}

/// The `-d` printer for `kind` (`bridge`, `bridge_slave`, ...), if ip has one.
pub(crate) fn printer(kind: &[u8]) -> Option<KindPrinter> {
    KINDS
        .iter()
        .find(|k| k.name.as_bytes() == kind)
        .and_then(|k| k.print)
}

/// The `-s -d` extra statistics printer for `kind`, if ip has one.
pub(crate) fn xstats_printer(kind: &[u8]) -> Option<KindPrinter> {
    KINDS
        .iter()
        .find(|k| k.name.as_bytes() == kind)
        .and_then(|k| k.xstats)
}

/// Every kind and port kind [`printer`] has a printer for.
#[cfg(test)]
pub(crate) fn printed_kinds() -> impl Iterator<Item = &'static str> {
    KINDS.iter().filter(|k| k.print.is_some()).map(|k| k.name)
}

/// What a kind's parser works on.
pub(crate) struct Args<'a> {
    pub(crate) words: &'a [String],
    pub(crate) verb: Verb,
    /// The ifindex of the request (the device being changed, on set).
    pub(crate) index: i32,
    /// ip's `preferred_family` (-4/-6).
    pub(crate) family: u8,
    /// Namespace files the data refers to (veth peers), kept open until the
    /// request is answered.
    pub(crate) files: Vec<File>,
}

/// Runs the kind's parser over `args.words`, writing into `data`.
pub(crate) fn parse(
    ctx: &mut Context,
    kind: &Kind,
    args: &mut Args,
    data: &mut Nest,
) -> Result<()> {
    match kind.parser {
        Parser::None => Ok(()),
        Parser::Veth => veth::parse(ctx, kind, args, data),
        Parser::Bridge => bridge::parse(args, data),
        Parser::BridgeSlave => bridge_slave::parse(ctx, args, data),
        Parser::Macvlan => macvlan::parse(kind, args, data),
        Parser::Vxlan => vxlan::parse(ctx, args, data),
        Parser::Vlan => vlan::parse(args, data),
        Parser::Bond => bond::parse(ctx, args, data),
        Parser::BondSlave => bond_slave::parse(args, data),
        Parser::Vrf => vrf::parse(args, data),
        Parser::Ipvlan => ipvlan::parse(kind, args, data),
        Parser::Vxcan => veth::parse(ctx, kind, args, data),
        Parser::Macsec => macsec::parse(args, data),
        Parser::Can => can::parse(args, data),
        Parser::Geneve => geneve::parse(args, data),
        Parser::Iptnl => iptnl::parse(ctx, kind, args, data),
        Parser::Ip6tnl => iptnl::ip6tnl::parse(ctx, kind, args, data),
        Parser::Gre => gre::parse(ctx, kind, args, data),
        Parser::Vti => vti::parse(ctx, kind, args, data),
        Parser::Bareudp => bareudp::parse(args, data),
        Parser::Gtp => gtp::parse(args, data),
        Parser::Amt => amt::parse(ctx, args, data),
        Parser::Hsr => hsr::parse(ctx, args, data),
        Parser::Xfrm => xfrm::parse(ctx, args, data),
        Parser::Rmnet => rmnet::parse(args, data),
        Parser::Wwan => wwan::parse(args, data),
        Parser::Dsa => dsa::parse(ctx, args, data),
        Parser::Ipoib => ipoib::parse(args, data),
        Parser::Batadv => batadv::parse(args, data),
    }
}

/// `ip link help [KIND]`.
pub(crate) fn help(words: &[String]) -> Result<()> {
    let Some(kind) = words.first().and_then(|name| find(name)) else {
        return Err(Error::Usage(crate::objects::link::USAGE));
    };
    use std::io::Write;
    let mut out = std::io::stdout();
    let _ = out.write_all(kind.help.unwrap_or("").as_bytes());
    let _ = out.flush();
    Ok(())
}

/// A complaint of a kind's parser followed by its usage (ip's
/// `explain()` after an `fprintf`), status 1.
pub(crate) fn explain(kind: &str, first: Option<String>) -> Error {
    let help = find(kind).and_then(|k| k.help).unwrap_or("");
    let text = match first {
        Some(line) => format!("{line}\n{help}"),
        None => help.to_string(),
    };
    Error::from(LinkError::KindArgument(text))
}

/// A parser's `unknown WHAT "WORD"?` complaint, then its help.
pub(crate) fn unknown(kind: &str, what: &str, word: &str) -> Error {
    explain(kind, Some(format!("{kind}: unknown {what} \"{word}\"?")))
}

pub(crate) fn invarg(reason: &str, arg: &str) -> Error {
    Error::InvalidArgument {
        arg: arg.to_string(),
        reason: reason.to_string(),
    }
}

/// The value after a keyword (ip's NEXT_ARG).
pub(crate) fn value<'a>(words: &mut std::slice::Iter<'a, String>) -> Result<&'a String> {
    crate::grammar::next_arg(words)
}

/// The encapsulation words the IP tunnels share (ipip/sit, ip6tnl and the
/// gre family): `encap` holds type, flags, source port and destination
/// port, in the order of the IFLA_*_ENCAP_* attributes. Returns whether
/// `word` was one of them.
pub(crate) fn encap_word(
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
pub(crate) enum Width {
    U8,
    U16,
    U32,
    U64,
}

/// `keyword` (prefix-matched unless `exact`) takes a number of `width`
/// written as attribute `attr`; ip's invarg text `invalid KEYWORD` otherwise.
pub(crate) struct NumberOption {
    pub(crate) keyword: &'static str,
    pub(crate) exact: bool,
    pub(crate) attr: u16,
    pub(crate) width: Width,
}

impl NumberOption {
    pub(crate) fn hits(&self, word: &str) -> bool {
        if self.exact {
            word == self.keyword
        } else {
            matches(word, self.keyword)
        }
    }

    /// Reads the value and writes the attribute.
    pub(crate) fn apply(&self, word: &str, data: &mut Nest) -> Result<()> {
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
pub(crate) fn ll_proto(word: &str) -> Option<[u8; 2]> {
    crate::model::names::ll_proto_number(word).map(u16::to_be_bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registry_follows_ip() {
        for kind in printed_kinds() {
            assert!(printer(kind.as_bytes()).is_some(), "{kind}");
        }
        assert_eq!(printed_kinds().count(), 36);
        for kind in ["veth", "dummy", "ifb", "nlmon", "team", "vcan", "x"] {
            assert!(printer(kind.as_bytes()).is_none(), "{kind}");
        }
        assert!(xstats_printer(b"can").is_some());
        assert!(xstats_printer(b"bridge").is_none());
        // Only printed, never parsed: ip has no `type tun` or `vrf_slave`.
        assert!(find("tun").is_none() && find("vrf_slave").is_none());
        assert_eq!(KINDS.iter().filter(|k| k.help.is_some()).count(), 45);
    }
}
