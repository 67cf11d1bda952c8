//! GRE family details: `gre`, `gretap`, `erspan` (ip/link_gre.c) and
//! `ip6gre`, `ip6gretap`, `ip6erspan` (ip/link_gre6.c), both named
//! `gre_print_opt` in ip.

use std::net::Ipv4Addr;

use crate::kernel::attrs::Attrs;
use crate::objects::link::kinds::shared::print::{hex0x, uint};
use crate::objects::link::kinds::shared::tunnel::{self, Family};
use crate::objects::link::print::LinkStyle;
use crate::output::{Kind, Printer};

const IFLA_GRE_LINK: u16 = 1;
const IFLA_GRE_IFLAGS: u16 = 2;
const IFLA_GRE_OFLAGS: u16 = 3;
const IFLA_GRE_IKEY: u16 = 4;
const IFLA_GRE_OKEY: u16 = 5;
const IFLA_GRE_LOCAL: u16 = 6;
const IFLA_GRE_REMOTE: u16 = 7;
const IFLA_GRE_TTL: u16 = 8;
const IFLA_GRE_TOS: u16 = 9;
const IFLA_GRE_PMTUDISC: u16 = 10;
const IFLA_GRE_ENCAP_LIMIT: u16 = 11;
const IFLA_GRE_FLOWINFO: u16 = 12;
const IFLA_GRE_FLAGS: u16 = 13;
const IFLA_GRE_ENCAP_TYPE: u16 = 14;
const IFLA_GRE_ENCAP_FLAGS: u16 = 15;
const IFLA_GRE_ENCAP_SPORT: u16 = 16;
const IFLA_GRE_ENCAP_DPORT: u16 = 17;
const IFLA_GRE_COLLECT_METADATA: u16 = 18;
const IFLA_GRE_IGNORE_DF: u16 = 19;
const IFLA_GRE_FWMARK: u16 = 20;
const IFLA_GRE_ERSPAN_INDEX: u16 = 21;
const IFLA_GRE_ERSPAN_VER: u16 = 22;
const IFLA_GRE_ERSPAN_DIR: u16 = 23;
const IFLA_GRE_ERSPAN_HWID: u16 = 24;
/// ip 6.1's IFLA_GRE_MAX.
const IFLA_GRE_MAX: u16 = 24;

/// GRE header flags, as the kernel sends them (network order).
const GRE_CSUM: u16 = 0x8000;
const GRE_KEY: u16 = 0x2000;
const GRE_SEQ: u16 = 0x1000;

/// `ikey`/`okey` (dotted quads, as ip prints keys) and the seq/csum flags.
fn keys_and_flags(p: &mut Printer, tb: &Attrs) {
    let iflags = tb.be16(IFLA_GRE_IFLAGS).unwrap_or(0);
    let oflags = tb.be16(IFLA_GRE_OFLAGS).unwrap_or(0);
    for (flags, attr, key) in [
        (iflags, IFLA_GRE_IKEY, "ikey"),
        (oflags, IFLA_GRE_OKEY, "okey"),
    ] {
        if flags & GRE_KEY != 0 {
            if let Some(b) = tb.get(attr).and_then(|b| b.get(..4)) {
                let text = Ipv4Addr::new(b[0], b[1], b[2], b[3]).to_string();
                p.string(Kind::Any, Some(key), &format!("{key} {{}} "), text);
            }
        }
    }
    for (set, key) in [
        (iflags & GRE_SEQ, "iseq"),
        (oflags & GRE_SEQ, "oseq"),
        (iflags & GRE_CSUM, "icsum"),
        (oflags & GRE_CSUM, "ocsum"),
    ] {
        if set != 0 {
            p.boolean(Kind::Any, Some(key), &format!("{key} "), true);
        }
    }
}

fn erspan_and_encap(p: &mut Printer, tb: &Attrs) {
    if let Some(index) = tb.u32(IFLA_GRE_ERSPAN_INDEX) {
        uint(p, "erspan_index", "erspan_index {} ", index);
    }
    if let Some(version) = tb.u8(IFLA_GRE_ERSPAN_VER) {
        uint(p, "erspan_ver", "erspan_ver {} ", version);
    }
    if let Some(dir) = tb.u8(IFLA_GRE_ERSPAN_DIR) {
        let name = if dir == 0 { "ingress" } else { "egress" };
        p.string(Kind::Any, Some("erspan_dir"), "erspan_dir {} ", name);
    }
    if let Some(hwid) = tb.u16(IFLA_GRE_ERSPAN_HWID) {
        hex0x(p, Kind::Any, "erspan_hwid", "erspan_hwid {} ", hwid as u64);
    }
    tunnel::encap(
        p,
        tb,
        [
            IFLA_GRE_ENCAP_TYPE,
            IFLA_GRE_ENCAP_FLAGS,
            IFLA_GRE_ENCAP_SPORT,
            IFLA_GRE_ENCAP_DPORT,
        ],
    );
}

/// gre, gretap, erspan.
pub(crate) fn print(p: &mut Printer, data: &[u8], _style: &LinkStyle) {
    let tb = Attrs::parse(data, IFLA_GRE_MAX);
    tunnel::external(p, tb.has(IFLA_GRE_COLLECT_METADATA));
    tunnel::endpoint(p, "remote", tb.get(IFLA_GRE_REMOTE), Family::V4);
    tunnel::endpoint(p, "local", tb.get(IFLA_GRE_LOCAL), Family::V4);
    tunnel::link(p, tb.u32(IFLA_GRE_LINK));
    tunnel::ttl(p, "ttl", tb.u8(IFLA_GRE_TTL).unwrap_or(0));
    tunnel::tos(p, tb.u8(IFLA_GRE_TOS).unwrap_or(0));
    if let Some(pmtudisc) = tb.u8(IFLA_GRE_PMTUDISC) {
        p.boolean(Kind::Json, Some("pmtudisc"), "", pmtudisc != 0);
        if pmtudisc == 0 {
            // ip prints the text of a false print_bool too.
            p.text("nopmtudisc ");
        }
    }
    if tb.u8(IFLA_GRE_IGNORE_DF).is_some_and(|v| v != 0) {
        p.boolean(Kind::Any, Some("ignore_df"), "ignore-df ", true);
    }
    keys_and_flags(p, &tb);
    tunnel::fwmark(p, tb.u32(IFLA_GRE_FWMARK));
    erspan_and_encap(p, &tb);
}

/// ip6gre, ip6gretap, ip6erspan.
pub(crate) fn print6(p: &mut Printer, data: &[u8], _style: &LinkStyle) {
    let tb = Attrs::parse(data, IFLA_GRE_MAX);
    tunnel::external(p, tb.has(IFLA_GRE_COLLECT_METADATA));
    let flags = tb.u32(IFLA_GRE_FLAGS).unwrap_or(0);
    tunnel::endpoint(p, "remote", tb.get(IFLA_GRE_REMOTE), Family::V6);
    tunnel::endpoint(p, "local", tb.get(IFLA_GRE_LOCAL), Family::V6);
    tunnel::link(p, tb.u32(IFLA_GRE_LINK));
    tunnel::ttl(p, "hoplimit", tb.u8(IFLA_GRE_TTL).unwrap_or(0));
    let flowinfo = tb.get(IFLA_GRE_FLOWINFO).map(|b| {
        b.get(..4)
            .map_or(0, |b| u32::from_be_bytes(b.try_into().expect("4 bytes")))
    });
    tunnel::ip6_flow(p, flags, tb.u8(IFLA_GRE_ENCAP_LIMIT), flowinfo);
    keys_and_flags(p, &tb);
    if flags & tunnel::IP6_TNL_F_ALLOW_LOCAL_REMOTE != 0 {
        p.boolean(
            Kind::Any,
            Some("ip6_tnl_f_allow_local_remote"),
            "allow-localremote ",
            true,
        );
    }
    tunnel::ip6_fwmark(p, flags, tb.u32(IFLA_GRE_FWMARK));
    erspan_and_encap(p, &tb);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::objects::link::kinds::shared::print::testing::{attrs, render, text};

    #[test]
    fn gre_keys_flags_and_erspan() {
        let data = attrs(&[
            (IFLA_GRE_LINK, &0u32.to_ne_bytes()),
            (IFLA_GRE_IFLAGS, &(GRE_KEY | GRE_SEQ).to_be_bytes()),
            (IFLA_GRE_OFLAGS, &(GRE_KEY | GRE_CSUM).to_be_bytes()),
            (IFLA_GRE_IKEY, &[0, 0, 0, 5]),
            (IFLA_GRE_OKEY, &[0, 0, 1, 0]),
            (IFLA_GRE_LOCAL, &[192, 0, 2, 1]),
            (IFLA_GRE_REMOTE, &[192, 0, 2, 2]),
            (IFLA_GRE_TTL, &[0]),
            (IFLA_GRE_TOS, &[0x10]),
            (IFLA_GRE_PMTUDISC, &[0]),
            (IFLA_GRE_IGNORE_DF, &[1]),
            (IFLA_GRE_FWMARK, &0u32.to_ne_bytes()),
            (IFLA_GRE_ERSPAN_INDEX, &9u32.to_ne_bytes()),
            (IFLA_GRE_ERSPAN_VER, &[2]),
            (IFLA_GRE_ERSPAN_DIR, &[1]),
            (IFLA_GRE_ERSPAN_HWID, &0x17u16.to_ne_bytes()),
        ]);
        assert_eq!(
            text("gre", print, &data),
            "remote 192.0.2.2 local 192.0.2.1 ttl inherit tos 0x10 nopmtudisc ignore-df \
             ikey 0.0.0.5 okey 0.0.1.0 iseq ocsum erspan_index 9 erspan_ver 2 \
             erspan_dir egress erspan_hwid 0x17 "
        );
        assert_eq!(
            render(print, &data, true),
            "[{\"info_data\":{\"remote\":\"192.0.2.2\",\"local\":\"192.0.2.1\",\"ttl\":0,\
             \"tos\":\"0x10\",\"pmtudisc\":false,\"ignore_df\":true,\"ikey\":\"0.0.0.5\",\
             \"okey\":\"0.0.1.0\",\"iseq\":true,\"ocsum\":true,\"erspan_index\":9,\
             \"erspan_ver\":2,\"erspan_dir\":\"egress\",\"erspan_hwid\":\"0x17\"}}]\n"
        );
    }

    #[test]
    fn ip6gre() {
        let data = attrs(&[
            (IFLA_GRE_COLLECT_METADATA, &[]),
            (IFLA_GRE_TTL, &[64]),
            (IFLA_GRE_ENCAP_LIMIT, &[4]),
            (IFLA_GRE_FLOWINFO, &0u32.to_be_bytes()),
            (IFLA_GRE_FLAGS, &0x40u32.to_ne_bytes()),
            (IFLA_GRE_PMTUDISC, &[1]),
        ]);
        assert_eq!(
            text("ip6gre", print6, &data),
            "external remote any local any hoplimit 64 encaplimit 4 tclass 0x00 \
             flowlabel 0x00000 allow-localremote "
        );
    }
}
