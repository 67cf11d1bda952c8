//! ip's `print_prefix`: one RTM_NEWPREFIX, an IPv6 prefix a router
//! advertised (`ip monitor prefix`). Text only (nothing under JSON), as ip prints it (its
//! missing space before `dev` included).

use super::{Names, Printer};
use crate::grammar::inet::format_address;
use crate::grammar::options::Family;
use crate::kernel::attrs::Attrs;

const RTM_NEWPREFIX: u16 = 52;
const PREFIXMSG_LEN: usize = 12;
const PREFIX_ADDRESS: u16 = 1;
const PREFIX_CACHEINFO: u16 = 2;
const ND_OPT_PREFIX_INFORMATION: u8 = 3;
const IF_PREFIX_ONLINK: u8 = 1;
const IF_PREFIX_AUTOCONF: u8 = 2;
const AF_INET6: u8 = 10;

pub(crate) fn print_message(p: &mut Printer, msg_type: u16, payload: &[u8], names: &Names) {
    if msg_type != RTM_NEWPREFIX {
        // ip's values: nlmsg_len, type, flags (flags unknown here: 0).
        eprintln!(
            "Not a prefix: {:08x} {:08x} {:08x}",
            payload.len() + 16,
            msg_type,
            0
        );
        return;
    }
    let Some(header) = payload.get(..PREFIXMSG_LEN) else {
        eprintln!(
            "BUG: wrong nlmsg len {}",
            payload.len() as i64 - PREFIXMSG_LEN as i64
        );
        return;
    };
    if !matches!(names.options.family, Family::Unspec | Family::Inet6) {
        return;
    }
    let family = header[0];
    if family != AF_INET6 {
        eprintln!("incorrect protocol family: {family}");
        return;
    }
    if header[8] != ND_OPT_PREFIX_INFORMATION {
        eprintln!("wrong ND type {}", header[8]);
        return;
    }
    let ifindex = i32::from_ne_bytes([header[4], header[5], header[6], header[7]]);
    let (length, flags) = (header[9], header[10]);
    let attrs = Attrs::parse(&payload[PREFIXMSG_LEN..], PREFIX_CACHEINFO);
    let mut line = String::new();
    if let Some(address) = attrs.get(PREFIX_ADDRESS) {
        line += &format!("prefix {}/{length}", format_address(AF_INET6, address));
    }
    p.text(line);
    p.text(b"dev ");
    p.text(names.link_name(ifindex));
    p.text(b" ");
    if flags & IF_PREFIX_ONLINK != 0 {
        p.text(b"onlink ");
    }
    if flags & IF_PREFIX_AUTOCONF != 0 {
        p.text(b"autoconf ");
    }
    if let Some(info) = attrs.get(PREFIX_CACHEINFO).filter(|info| info.len() >= 8) {
        let valid = u32::from_ne_bytes([info[4], info[5], info[6], info[7]]);
        let preferred = u32::from_ne_bytes([info[0], info[1], info[2], info[3]]);
        p.text(format!("valid {valid} preferred {preferred} "));
    }
    p.text(b"\n");
}
