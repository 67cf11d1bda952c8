//! macvlan and macvtap (ip/iplink_macvlan.c): mode, flags, source MAC
//! lists and the broadcast queue length.

pub(crate) mod print;

use super::{explain, Args, Kind, Nest};
use crate::error::{Error, Result};
use crate::grammar::{get_unsigned, matches};
use crate::objects::link::errors::LinkError;
use crate::objects::link::lladdr;

const IFLA_MACVLAN_MODE: u16 = 1;
const IFLA_MACVLAN_FLAGS: u16 = 2;
const IFLA_MACVLAN_MACADDR_MODE: u16 = 3;
const IFLA_MACVLAN_MACADDR: u16 = 4;
const IFLA_MACVLAN_MACADDR_DATA: u16 = 5;
const IFLA_MACVLAN_BC_QUEUE_LEN: u16 = 7;

const MODE_PASSTHRU: u32 = 8;
const FLAG_NOPROMISC: u16 = 1;
const FLAG_NODST: u16 = 2;

/// A MAC address of exactly six bytes, or None (ip's `!= ETH_ALEN` test;
/// a parse error has already been printed by ll_addr_a2n in that case).
fn mac(word: &str) -> std::result::Result<[u8; 6], Error> {
    let bytes = lladdr::parse(word)?;
    <[u8; 6]>::try_from(bytes.as_slice()).map_err(|_| Error::Status(1))
}

pub(crate) fn parse(kind: &Kind, args: &mut Args, data: &mut Nest) -> Result<()> {
    let id = kind.name;
    let mut mode = 0u32;
    let mut flags = 0u16;
    let mut has_flags = false;
    let mut words = args.words.iter().peekable();
    while let Some(word) = words.next() {
        let w = word.as_str();
        let mut next = || words.next().ok_or(Error::IncompleteCommand);
        if matches(w, "mode") {
            let v = next()?;
            mode = match v.as_str() {
                "private" => 1,
                "vepa" => 2,
                "bridge" => 4,
                "passthru" => 8,
                "source" => 16,
                _ => {
                    return Err(Error::from(LinkError::KindArgument(format!(
                        "Error: argument of \"mode\" must be \"private\", \"vepa\", \"bridge\", \"passthru\" or \"source\", not \"{v}\""
                    ))))
                }
            };
        } else if matches(w, "flag") {
            let v = next()?;
            flags |= match v.as_str() {
                "nopromisc" => FLAG_NOPROMISC,
                "nodst" => FLAG_NODST,
                "null" => 0,
                _ => {
                    return Err(Error::from(LinkError::KindArgument(format!(
                        "Error: argument of \"flag\" must be \"nopromisc\", \"nodst\" or \"null\", not \"{v}\""
                    ))))
                }
            };
            has_flags = true;
        } else if matches(w, "macaddr") {
            let v = next()?;
            let mac_mode = match v.as_str() {
                "add" => 0,
                "del" => 1,
                "set" => 3,
                "flush" => 2,
                _ => return Err(explain(id, None)),
            };
            data.u32(IFLA_MACVLAN_MACADDR_MODE, mac_mode);
            if mac_mode <= 1 {
                let address = mac(next()?)?;
                data.attr(IFLA_MACVLAN_MACADDR, &address);
            }
            if mac_mode == 3 {
                let list = data.begin(IFLA_MACVLAN_MACADDR_DATA);
                // ip takes words while they are MAC addresses; the first
                // other word goes back to the option loop.
                while let Some(candidate) = words.peek() {
                    match lladdr::parse(candidate)
                        .ok()
                        .and_then(|b| <[u8; 6]>::try_from(b.as_slice()).ok())
                    {
                        Some(address) => {
                            data.attr(IFLA_MACVLAN_MACADDR, &address);
                            words.next();
                        }
                        None => break,
                    }
                }
                data.end(list);
            }
        } else if matches(w, "nopromisc") {
            flags |= FLAG_NOPROMISC;
            has_flags = true;
        } else if matches(w, "nodst") {
            flags |= FLAG_NODST;
            has_flags = true;
        } else if matches(w, "bcqueuelen") {
            let v = next()?;
            let len = get_unsigned(v).ok_or_else(|| Error::from(LinkError::KindArgument(format!(
                "Error: argument of \"bcqueuelen\" must be a positive integer [0-4294967295], not \"{v}\""
            ))))?;
            data.u32(IFLA_MACVLAN_BC_QUEUE_LEN, len);
        } else if matches(w, "help") {
            return Err(explain(id, None));
        } else {
            return Err(explain(id, Some(format!("{id}: unknown option \"{w}\"?"))));
        }
    }
    if mode != 0 {
        data.u32(IFLA_MACVLAN_MODE, mode);
    }
    if has_flags {
        if flags & FLAG_NOPROMISC != 0 && mode != MODE_PASSTHRU {
            return Err(explain(
                id,
                Some(format!("{id}: nopromisc flag only valid in passthru mode")),
            ));
        }
        data.u16(IFLA_MACVLAN_FLAGS, flags);
    }
    Ok(())
}
