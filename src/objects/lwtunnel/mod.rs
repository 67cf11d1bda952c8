//! Lightweight tunnel encapsulation (`encap …` of routes and nexthops,
//! ip/iproute_lwtunnel.c): the words parsed into RTA_ENCAP/RTA_ENCAP_TYPE,
//! and the attributes printed back.
//!
//! Each encapsulation family has its own module with its parser and its
//! printer. They walk the words with [`Cursor`], which moves exactly like
//! ip's `argc`/`argv` pair, because what a family consumes (and what it
//! leaves for the route parser, sometimes by accident) is part of ip's
//! behaviour: `encap xfrm` swallows every word after it, `encap ioam6`
//! hands its last value back to the caller when the line ends on it.

mod bpf;
pub(crate) mod errors;
mod ila;
mod ioam6;
mod ip;
mod mpls;
mod rpl;
mod seg6;
mod seg6local;
mod xfrm;

#[cfg(test)]
mod print_tests;
#[cfg(test)]
mod request_tests;

use crate::error::{Error, Result};
use crate::kernel::attrs::Request;
use crate::output::{Kind, Printer};
use errors::EncapError;

pub const LWTUNNEL_ENCAP_MPLS: u16 = 1;
pub const LWTUNNEL_ENCAP_IP: u16 = 2;
pub const LWTUNNEL_ENCAP_ILA: u16 = 3;
pub const LWTUNNEL_ENCAP_IP6: u16 = 4;
pub const LWTUNNEL_ENCAP_SEG6: u16 = 5;
pub const LWTUNNEL_ENCAP_BPF: u16 = 6;
pub const LWTUNNEL_ENCAP_SEG6_LOCAL: u16 = 7;
pub const LWTUNNEL_ENCAP_RPL: u16 = 8;
pub const LWTUNNEL_ENCAP_IOAM6: u16 = 9;
pub const LWTUNNEL_ENCAP_XFRM: u16 = 10;

/// The size of ip's buffer for RTA_ENCAP (iproute.c, ipnexthop.c).
const ENCAP_BUFFER: usize = 1024;

/// The bit ip's `rta_nest` sets on every nest it opens.
use crate::kernel::attrs::NLA_F_NESTED;

/// The type names, in LWTUNNEL_ENCAP_* order (index + 1 is the type).
const TYPE_NAMES: [&str; 10] = [
    "mpls",
    "ip",
    "ila",
    "ip6",
    "seg6",
    "bpf",
    "seg6local",
    "rpl",
    "ioam6",
    "xfrm",
];

/// A parsed `encap TYPE …`: the LWTUNNEL_ENCAP_* type (RTA_ENCAP_TYPE) and
/// the nested attributes that go inside RTA_ENCAP, already serialized
/// (routes and nexthops both carry them). Each family writes
/// netlink-packet-route's types of its attributes (`RouteMplsIpTunnel`,
/// `RouteIpTunnel`, …) where the crate has them and writes ip's bytes;
/// ila and bpf, which the crate lacks, and the attributes it cannot write
/// as ip does stay raw, each saying why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Encap {
    pub kind: u16,
    pub attrs: Vec<u8>,
}

/// How names of devices are found while parsing and printing (ip's
/// `ll_name_to_index` and `ll_index_to_name`).
pub trait Devices {
    /// The index of `name`, 0 when there is none.
    fn index_of(&mut self, name: &str) -> u32;
    /// The name of `index` (`ifN` when it has none).
    fn name_of(&mut self, index: u32) -> Vec<u8>;
}

/// The devices of the current namespace, asked of the C library (ip's own
/// fallback after its cache): used by [`parse`] and [`print`].
pub struct SystemDevices;

impl Devices for SystemDevices {
    fn index_of(&mut self, name: &str) -> u32 {
        let Ok(c_name) = std::ffi::CString::new(name) else {
            return 0;
        };
        // SAFETY: a valid NUL-terminated string.
        let index = unsafe { nix::libc::if_nametoindex(c_name.as_ptr()) };
        if index != 0 {
            return index;
        }
        // ip's last resort: `ifN`.
        crate::objects::device::ifn_index(name) as u32
    }

    fn name_of(&mut self, index: u32) -> Vec<u8> {
        let mut buf = [0 as nix::libc::c_char; nix::libc::IF_NAMESIZE];
        // SAFETY: `buf` has the IF_NAMESIZE bytes if_indextoname writes.
        let found = unsafe { nix::libc::if_indextoname(index, buf.as_mut_ptr()) };
        if found.is_null() {
            return format!("if{index}").into_bytes();
        }
        // SAFETY: if_indextoname wrote a NUL-terminated name into `buf`.
        unsafe { std::ffi::CStr::from_ptr(buf.as_ptr()) }
            .to_bytes()
            .to_vec()
    }
}

/// The devices as rnet's context knows them (its cache, then the kernel,
/// altnames included), for callers that have a context.
impl Devices for crate::context::Context {
    fn index_of(&mut self, name: &str) -> u32 {
        crate::objects::device::index_of(self, name).unwrap_or(0) as u32
    }

    fn name_of(&mut self, index: u32) -> Vec<u8> {
        crate::objects::device::name_of(self, index as i32)
            .unwrap_or_else(|_| format!("if{index}").into_bytes())
    }
}

/// ip's `lwt_parse_encap`: `words` start at TYPE (the word after `encap`)
/// and run to the end of the command line (ip checks what is left). Returns
/// the encapsulation and how many words it took: the caller goes on with
/// `words[consumed]`, which ip sometimes hands back although it read it
/// (`encap ioam6 … size 4` at the end of a line, `srh segs LIST` at the end).
///
/// [`EncapError::TooLong`] is not an ordinary error: ip prints it, keeps
/// no encap, and its caller goes on parsing at TYPE (`words[0]`).
///
/// Callers put the result in their request as RTA_ENCAP (nested) and
/// RTA_ENCAP_TYPE, or the NHA_ pair; ip then drops the encap with `addraw_l ERROR: message exceeded bound of
/// 1024` when the request would grow past 1024 bytes (its caller's check).
pub fn parse(words: &[String]) -> Result<(Encap, usize)> {
    parse_with(words, &mut SystemDevices)
}

/// [`parse`], with device names looked up in `devices`.
pub fn parse_with(words: &[String], devices: &mut dyn Devices) -> Result<(Encap, usize)> {
    let Some(type_word) = words.first() else {
        return Err(Error::IncompleteCommand);
    };
    let kind = match type_word.as_str() {
        "help" => return Err(EncapError::TypeUsage.into()),
        word => TYPE_NAMES
            .iter()
            .position(|name| *name == word)
            .map(|at| at as u16 + 1)
            .ok_or_else(|| invalid(type_word, "\"encap type\" value is invalid\n"))?,
    };
    let mut cursor = Cursor { words, at: 0 };
    cursor.next_arg()?;
    if cursor.argc() <= 1 {
        return Err(EncapError::UnexpectedEnd.into());
    }
    let mut out = Writer::new();
    match kind {
        LWTUNNEL_ENCAP_MPLS => mpls::parse(&mut cursor, &mut out)?,
        LWTUNNEL_ENCAP_IP => ip::parse(&mut cursor, &mut out, ip::Family::V4)?,
        LWTUNNEL_ENCAP_ILA => ila::parse(&mut cursor, &mut out)?,
        LWTUNNEL_ENCAP_IP6 => ip::parse(&mut cursor, &mut out, ip::Family::V6)?,
        LWTUNNEL_ENCAP_SEG6 => seg6::parse(&mut cursor, &mut out)?,
        LWTUNNEL_ENCAP_BPF => bpf::parse(&mut cursor, &mut out)?,
        LWTUNNEL_ENCAP_SEG6_LOCAL => seg6local::parse(&mut cursor, &mut out, devices)?,
        LWTUNNEL_ENCAP_RPL => rpl::parse(&mut cursor, &mut out)?,
        LWTUNNEL_ENCAP_IOAM6 => ioam6::parse(&mut cursor, &mut out)?,
        _ => xfrm::parse(&mut cursor, &mut out, devices)?,
    }
    let attrs = out.finish();
    // ip builds RTA_ENCAP in a 1024-byte buffer that already holds two
    // attribute headers; the attribute that does not fit fails (only the
    // SRHs of seg6, seg6local and rpl can grow that large).
    if 2 * 4 + attrs.len() > ENCAP_BUFFER {
        return Err(EncapError::TooLong.into());
    }
    // When only RTA_ENCAP_TYPE does not fit, ip says so and goes on; the
    // encap is then too large for its request anyway and gets dropped.
    if 2 * 4 + attrs.len() + 8 > ENCAP_BUFFER {
        crate::error::warn(crate::error::Warning::Reported(EncapError::TooLong.into()));
    }
    let encap = Encap { kind, attrs };
    Ok((encap, cursor.at.min(words.len())))
}

/// What printing needs besides the attributes: ip's global options.
#[derive(Debug, Clone, Copy, Default)]
pub struct PrintOptions {
    /// `-s`: seg6local counters.
    pub stats: bool,
    /// `-N`: table numbers instead of names.
    pub numeric: bool,
    /// `-h` and `-iec`: how counters are scaled.
    pub human: bool,
    pub iec: bool,
}

/// ip's `lwt_print_encap`: prints ` encap TYPE …` for RTA_ENCAP_TYPE `kind`
/// and the payload of RTA_ENCAP.
pub fn print(out: &mut Printer, kind: u16, encap: &[u8]) {
    print_with(
        out,
        kind,
        encap,
        &PrintOptions::default(),
        &mut SystemDevices,
    );
}

/// [`print`] with ip's options and device names from `devices`.
pub fn print_with(
    out: &mut Printer,
    kind: u16,
    encap: &[u8],
    options: &PrintOptions,
    devices: &mut dyn Devices,
) {
    let name = kind
        .checked_sub(1)
        .and_then(|at| TYPE_NAMES.get(at as usize))
        .unwrap_or(&"unknown");
    out.string(Kind::Any, Some("encap"), " encap {} ", name);
    match kind {
        LWTUNNEL_ENCAP_MPLS => mpls::print(out, encap),
        LWTUNNEL_ENCAP_IP => ip::print(out, encap, ip::Family::V4),
        LWTUNNEL_ENCAP_ILA => ila::print(out, encap),
        LWTUNNEL_ENCAP_IP6 => ip::print(out, encap, ip::Family::V6),
        LWTUNNEL_ENCAP_BPF => bpf::print(out, encap),
        LWTUNNEL_ENCAP_SEG6 => seg6::print(out, encap),
        LWTUNNEL_ENCAP_SEG6_LOCAL => seg6local::print(out, encap, options, devices),
        LWTUNNEL_ENCAP_RPL => rpl::print(out, encap),
        LWTUNNEL_ENCAP_IOAM6 => ioam6::print(out, encap),
        LWTUNNEL_ENCAP_XFRM => xfrm::print(out, encap, devices),
        _ => {}
    }
}

/// ip's `invarg(reason, arg)`.
fn invalid(arg: &str, reason: &str) -> Error {
    Error::InvalidArgument {
        arg: arg.to_string(),
        reason: reason.to_string(),
    }
}

/// ip's `duparg2(key, arg)`.
fn duplicate(key: &str, arg: &str) -> Error {
    Error::DuplicateOrGarbage {
        key: key.to_string(),
        arg: arg.to_string(),
    }
}

/// ip's `argc`/`argv` over the words after `encap`: `at` is argv's index
/// (0 is TYPE), and argc is what is left from there. A family parser stops
/// with `at` on the first word it did not take, which is then how many
/// words the encapsulation consumed.
struct Cursor<'a> {
    words: &'a [String],
    at: usize,
}

impl<'a> Cursor<'a> {
    /// ip's `argc`.
    fn argc(&self) -> usize {
        self.words.len().saturating_sub(self.at)
    }

    /// `*argv`: `None` past the end (ip's NULL).
    fn word(&self) -> Option<&'a str> {
        self.words.get(self.at).map(String::as_str)
    }

    /// `*argv` where ip knows argc > 0.
    fn current(&self) -> &'a str {
        self.word().unwrap_or("")
    }

    /// Whether `*argv` is `keyword` (false past the end).
    fn is(&self, keyword: &str) -> bool {
        self.word() == Some(keyword)
    }

    /// ip's `NEXT_ARG()`: the value after a keyword, or "Command line is
    /// not complete".
    fn next_arg(&mut self) -> Result<&'a str> {
        self.at += 1;
        if self.argc() == 0 {
            return Err(Error::IncompleteCommand);
        }
        Ok(self.current())
    }

    /// ip's `NEXT_ARG_OK()`.
    fn next_arg_ok(&self) -> bool {
        self.argc() > 1
    }

    /// ip's `NEXT_ARG_FWD()` (and the loops' `argc--; argv++`).
    fn forward(&mut self) {
        self.at += 1;
    }

    /// ip's `PREV_ARG()`.
    fn back(&mut self) {
        self.at -= 1;
    }
}

/// The nested attributes being built (ip's `rta_addattr*` and `rta_nest`
/// on the encap buffer). Padding is zero, where ip leaves whatever its
/// stack buffer held.
struct Writer {
    request: Request,
}

impl Writer {
    fn new() -> Self {
        Writer {
            request: Request::new(0, 0),
        }
    }

    fn update(&mut self, step: impl FnOnce(Request) -> Request) {
        let request = std::mem::replace(&mut self.request, Request::new(0, 0));
        self.request = step(request);
    }

    /// A raw attribute; each caller says what netlink-packet-route lacks.
    fn attr(&mut self, kind: u16, payload: &[u8]) {
        self.update(|r| r.attr(kind, payload));
    }

    /// An attribute as netlink-packet-route's type of it writes it.
    fn typed(&mut self, attribute: &impl netlink_packet_core::Nla) {
        self.update(|r| r.nla(attribute));
    }

    fn u8(&mut self, kind: u16, value: u8) {
        self.attr(kind, &[value]);
    }

    fn u32(&mut self, kind: u16, value: u32) {
        self.attr(kind, &value.to_ne_bytes());
    }

    fn u64(&mut self, kind: u16, value: u64) {
        self.attr(kind, &value.to_ne_bytes());
    }

    /// ip's `rta_nest`, which always marks the nest NLA_F_NESTED.
    fn begin_nest(&mut self, kind: u16) {
        self.update(|r| r.begin_nest(kind | NLA_F_NESTED));
    }

    fn end_nest(&mut self) {
        self.update(Request::end_nest);
    }

    /// The attributes, without the message header `Request` keeps.
    fn finish(self) -> Vec<u8> {
        self.request.finish(0)[16..].to_vec()
    }
}

/// An attribute's payload as a C `u32`/`u16`/`u8` getter reads it: short
/// payloads read as zero rather than beyond their end.
fn read_u32(payload: &[u8]) -> u32 {
    let mut bytes = [0u8; 4];
    let n = payload.len().min(4);
    bytes[..n].copy_from_slice(&payload[..n]);
    u32::from_ne_bytes(bytes)
}

fn read_u8(payload: &[u8]) -> u8 {
    payload.first().copied().unwrap_or(0)
}

fn read_u16(payload: &[u8]) -> u16 {
    let mut bytes = [0u8; 2];
    let n = payload.len().min(2);
    bytes[..n].copy_from_slice(&payload[..n]);
    u16::from_ne_bytes(bytes)
}

fn read_u64(payload: &[u8]) -> u64 {
    let mut bytes = [0u8; 8];
    let n = payload.len().min(8);
    bytes[..n].copy_from_slice(&payload[..n]);
    u64::from_ne_bytes(bytes)
}
