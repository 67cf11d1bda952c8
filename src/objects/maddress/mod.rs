//! `ip maddress`: multicast addresses (ip/ipmaddr.c).
//!
//! `show` reads what ip reads: /proc/net/dev_mcast (link-layer),
//! /proc/net/igmp (IPv4) and /proc/net/igmp6 (IPv6), filtered by device and
//! `-0`/`-4`/`-6`, grouped by device index; the printer is
//! `maddress/print.rs`. `add`/`del` join or leave a link-layer group with the
//! SIOCADDMULTI/SIOCDELMULTI ioctls, as ip does (no netlink), and like ip
//! end with `exit()`, which also ends a batch.

pub(crate) mod errors;
pub(crate) mod print;

use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::sync::Mutex;

use crate::context::Context;
use crate::error::{Error, Result};
use crate::grammar::inet::{get_addr_1, AF_INET, AF_INET6, AF_PACKET};
use crate::grammar::tree::{kw, kw_alias, resolve, Keyword, Match, Usage};
use crate::grammar::{matches, next_arg};
use crate::objects::link::parse::is_valid_ifname;
use crate::objects::maddress::print::{print_memberships, Membership};
use crate::objects::rule::preferred_family;
use errors::MaddressError;

/// `ip maddress` sub-commands (ip/ipmaddr.c `do_multiaddr`), in matching
/// order.
pub(crate) const COMMANDS: &[Keyword] = &[
    kw("add", "join a link-layer multicast address"),
    kw("delete", "leave a link-layer multicast address"),
    kw_alias(
        "list",
        &[("show", Match::Prefix), ("lst", Match::Prefix)],
        "list multicast addresses",
    ),
    kw("help", "print the usage"),
];

/// `maddress help`: ip's usage text, with the program's name where ip has `ip maddr`.
pub(crate) const USAGE: Usage = Usage::object(include_str!("usage.txt"), "ip maddr ");

const SIOCADDMULTI: nix::libc::Ioctl = 0x8931;
const SIOCDELMULTI: nix::libc::Ioctl = 0x8932;
/// An Ethernet address: the only length ip accepts.
const ETH_ALEN: usize = 6;
/// `sizeof(sa_data)`, where ip's lladdr parser stops.
const SA_DATA_LEN: usize = 14;

pub fn run(ctx: &mut Context, args: &[String]) -> Result<()> {
    let Some(word) = args.first() else {
        return show(ctx, &[]);
    };
    let Some(command) = resolve(word, COMMANDS) else {
        return Err(Error::UnknownCommand {
            help_topic: "maddr help",
            word: word.clone(),
        });
    };
    let rest = &args[1..];
    match command.name {
        "add" => modify(ctx, SIOCADDMULTI, rest),
        "delete" => modify(ctx, SIOCDELMULTI, rest),
        "list" => show(ctx, rest),
        "help" => Err(Error::Usage(USAGE)),
        other => Err(Error::CommandNotImplemented {
            object: "maddress",
            command: other,
        }),
    }
}

/// ip's `parse_hex`: pairs of hex digits; None for an odd digit out.
fn parse_hex(text: &str) -> Option<Vec<u8>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        if at + 1 >= bytes.len() {
            return None;
        }
        let pair = std::str::from_utf8(&bytes[at..at + 2]).ok()?;
        // sscanf("%02x") takes what hex digits there are (at least one).
        let digits: String = pair.chars().take_while(char::is_ascii_hexdigit).collect();
        out.push(u8::from_str_radix(&digits, 16).ok()?);
        at += 2;
    }
    Some(out)
}

/// C's `%d`: a leading integer, 0 when there is none.
fn leading_int(word: &str) -> i32 {
    let end = word
        .char_indices()
        .find(|(at, c)| !(c.is_ascii_digit() || (*at == 0 && (*c == '-' || *c == '+'))))
        .map_or(word.len(), |(at, _)| at);
    word[..end].parse().unwrap_or(0)
}

/// /proc/net/dev_mcast: `INDEX NAME USERS STATIC HEX`.
fn read_dev_mcast(text: &str, device: Option<&str>, list: &mut Vec<Membership>) {
    for line in text.lines() {
        let fields: Vec<&str> = line.split_whitespace().collect();
        if fields.len() < 5 || device.is_some_and(|name| name != fields[1]) {
            continue;
        }
        if let Some(address) = parse_hex(fields[4]) {
            insert(
                list,
                Membership {
                    index: leading_int(fields[0]),
                    device: fields[1].as_bytes().to_vec(),
                    family: AF_PACKET,
                    address,
                    users: leading_int(fields[2]),
                    is_static: leading_int(fields[3]) != 0,
                },
            );
        }
    }
}

/// /proc/net/igmp: a header line, then per device `INDEX NAME: ...` and
/// its groups on lines starting with a tab (`HEXADDR USERS ...`).
fn read_igmp(text: &str, device: Option<&str>, list: &mut Vec<Membership>) {
    let mut index = 0;
    let mut name = String::new();
    for line in text.lines().skip(1) {
        if !line.starts_with('\t') {
            let mut fields = line.split_whitespace();
            index = fields.next().map_or(index, leading_int);
            if let Some(word) = fields.next() {
                name = word.strip_suffix(':').unwrap_or(word).to_string();
            }
            continue;
        }
        if device.is_some_and(|wanted| wanted != name) {
            continue;
        }
        let mut fields = line.split_whitespace();
        let Some(group) = fields
            .next()
            .and_then(|hex| u32::from_str_radix(hex, 16).ok())
        else {
            continue;
        };
        insert(
            list,
            Membership {
                index,
                device: name.as_bytes().to_vec(),
                family: AF_INET,
                address: group.to_ne_bytes().to_vec(),
                users: fields.next().map_or(0, leading_int),
                is_static: false,
            },
        );
    }
}

/// /proc/net/igmp6: `INDEX NAME HEXADDR USERS ...`.
fn read_igmp6(text: &str, device: Option<&str>, list: &mut Vec<Membership>) {
    for line in text.lines() {
        let fields: Vec<&str> = line.split_whitespace().collect();
        if fields.len() < 4 || device.is_some_and(|name| name != fields[1]) {
            continue;
        }
        if let Some(address) = parse_hex(fields[2]) {
            insert(
                list,
                Membership {
                    index: leading_int(fields[0]),
                    device: fields[1].as_bytes().to_vec(),
                    family: AF_INET6,
                    address,
                    users: leading_int(fields[3]),
                    is_static: false,
                },
            );
        }
    }
}

/// ip's `maddr_ins`: after every entry whose index is not larger.
fn insert(list: &mut Vec<Membership>, entry: Membership) {
    let at = list
        .iter()
        .position(|other| other.index > entry.index)
        .unwrap_or(list.len());
    list.insert(at, entry);
}

/// ip's `filter` of `maddr show`: a static of the process, so in a batch
/// a device or family given once stays for the lines after it (and a
/// second `dev` is a duplicate), as with ip. ip keeps a pointer into its
/// line buffer, so a later, longer line can change the name it filters
/// by; rnet keeps the name, which agrees while later lines are shorter.
static FILTER: Mutex<Filter> = Mutex::new(Filter {
    family: 0,
    device: None,
});

struct Filter {
    family: u8,
    device: Option<String>,
}

/// ip's `multiaddr_list`.
fn show(ctx: &mut Context, args: &[String]) -> Result<()> {
    let mut filter = FILTER
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    if filter.family == 0 {
        filter.family = preferred_family(ctx);
    }
    let mut words = args.iter();
    while let Some(word) = words.next() {
        let name = if word == "dev" {
            next_arg(&mut words)?
        } else if matches(word, "help") {
            return Err(Error::Usage(USAGE));
        } else {
            word
        };
        if filter.device.is_some() {
            return Err(Error::DuplicateOrGarbage {
                key: "dev".into(),
                arg: name.clone(),
            });
        }
        filter.device = Some(name.clone());
    }
    let family = filter.family;
    let device = filter.device.as_deref();
    let read = |path: &str| std::fs::read_to_string(path).ok();
    let mut list = Vec::new();
    if family == 0 || family == AF_PACKET {
        if let Some(text) = read("/proc/net/dev_mcast") {
            read_dev_mcast(&text, device, &mut list);
        }
    }
    if family == 0 || family == AF_INET {
        if let Some(text) = read("/proc/net/igmp") {
            read_igmp(&text, device, &mut list);
        }
    }
    if family == 0 || family == AF_INET6 {
        if let Some(text) = read("/proc/net/igmp6") {
            read_igmp6(&text, device, &mut list);
        }
    }
    let oneline = ctx.options.oneline > 0;
    let resolve = ctx.options.resolve > 0;
    print_memberships(&mut ctx.out, &list, oneline, resolve);
    ctx.out.flush();
    Ok(())
}

/// ip's `multiaddr_modify`: the words, then the ioctl; ip ends with
/// `exit(0)` on success.
fn modify(ctx: &mut Context, request: nix::libc::Ioctl, args: &[String]) -> Result<()> {
    let mut name: Option<&str> = None;
    let mut address: Option<Vec<u8>> = None;
    let mut words = args.iter();
    while let Some(word) = words.next() {
        if word == "dev" {
            let value = next_arg(&mut words)?;
            if name.is_some() {
                return Err(Error::DuplicateArgument {
                    key: "dev".into(),
                    arg: value.clone(),
                });
            }
            if !is_valid_ifname(value) {
                return Err(Error::InvalidArgument {
                    arg: value.clone(),
                    reason: "\"dev\" not a valid ifname".into(),
                });
            }
            name = Some(value);
        } else {
            let value = if matches(word, "address") {
                next_arg(&mut words)?
            } else {
                word
            };
            if matches(value, "help") {
                return Err(Error::Usage(USAGE));
            }
            // ip sees an address already given only when its first byte
            // is not zero.
            if address.as_ref().is_some_and(|bytes| bytes[0] != 0) {
                return Err(Error::DuplicateArgument {
                    key: "address".into(),
                    arg: value.clone(),
                });
            }
            // ip's parser has said why it failed.
            let parsed = get_addr_1(value, AF_PACKET).ok_or(Error::Exit(1))?;
            let len = parsed.bytelen.min(SA_DATA_LEN + 1);
            if len != ETH_ALEN {
                return Err(MaddressError::InvalidLength(len).into());
            }
            address = Some(parsed.bytes().to_vec());
        }
    }
    let Some(name) = name else {
        return Err(MaddressError::DevRequired.into());
    };
    let family = match preferred_family(ctx) {
        family @ (AF_INET6 | AF_PACKET | AF_INET) => family,
        _ => AF_INET,
    };
    // `struct ifreq`: the name, then `ifr_hwaddr` (family 0, sa_data).
    let mut ifr = [0u8; 40];
    ifr[..name.len()].copy_from_slice(name.as_bytes());
    if let Some(address) = &address {
        ifr[18..18 + address.len()].copy_from_slice(address);
    }
    // SAFETY: socket() has no memory preconditions; the descriptor is owned
    // below.
    let fd = unsafe { nix::libc::socket(family.into(), nix::libc::SOCK_DGRAM, 0) };
    if fd < 0 {
        return Err(MaddressError::Socket(last_errno()).into());
    }
    // SAFETY: `fd` is a new descriptor nothing else owns.
    let socket = unsafe { OwnedFd::from_raw_fd(fd) };
    // SAFETY: SIOCADDMULTI/SIOCDELMULTI read a 40-byte `struct ifreq`.
    let done = unsafe { nix::libc::ioctl(socket.as_raw_fd(), request, ifr.as_mut_ptr()) };
    if done != 0 {
        return Err(MaddressError::Ioctl(last_errno()).into());
    }
    Err(Error::Exit(0))
}

fn last_errno() -> i32 {
    std::io::Error::last_os_error()
        .raw_os_error()
        .unwrap_or(nix::libc::EIO)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn proc_files_are_read_and_grouped_as_ip_does() {
        let mut list = Vec::new();
        read_dev_mcast(
            "2    veth0           1     0     333300000001\n1    lo              2     1     01005e000001\n",
            None,
            &mut list,
        );
        read_igmp(
            "Idx\tDevice    : Count Querier\tGroup    Users Timer\tReporter\n\
             1\tlo        :     1      V3\n\
             \t\t\t\t010000E0     1 0:00000000\t\t0\n",
            None,
            &mut list,
        );
        read_igmp6(
            "2    veth0           ff020000000000000000000000000001     1 0000000C 0\n",
            Some("veth0"),
            &mut list,
        );
        let summary: Vec<(i32, u8, Vec<u8>)> = list
            .iter()
            .map(|m| (m.index, m.family, m.address.clone()))
            .collect();
        let mut v6 = vec![0u8; 16];
        v6[0] = 0xff;
        v6[1] = 0x02;
        v6[15] = 1;
        assert_eq!(
            summary,
            vec![
                (1, AF_PACKET, vec![1, 0, 0x5e, 0, 0, 1]),
                (1, AF_INET, 0xE000_0001u32.to_be_bytes().to_vec()),
                (2, AF_PACKET, vec![0x33, 0x33, 0, 0, 0, 1]),
                (2, AF_INET6, v6),
            ]
        );
        assert!(list[0].is_static && list[0].users == 2);
    }

    #[test]
    fn odd_hex_is_refused() {
        assert_eq!(parse_hex("0102"), Some(vec![1, 2]));
        assert_eq!(parse_hex("010"), None);
    }
}
