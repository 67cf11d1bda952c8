//! `ipip`, `sit` and `ip6tnl` details (ip/link_iptnl.c `iptunnel_print_opt`,
//! ip/link_ip6tnl.c `ip6tunnel_print_opt`).

use std::net::{Ipv4Addr, Ipv6Addr};

use crate::kernel::attrs::Attrs;
use crate::objects::link::kinds::shared::tunnel::{self, Family};
use crate::objects::link::print::LinkStyle;
use crate::output::{Kind, Printer};

const IFLA_IPTUN_LINK: u16 = 1;
const IFLA_IPTUN_LOCAL: u16 = 2;
const IFLA_IPTUN_REMOTE: u16 = 3;
const IFLA_IPTUN_TTL: u16 = 4;
const IFLA_IPTUN_TOS: u16 = 5;
const IFLA_IPTUN_ENCAP_LIMIT: u16 = 6;
const IFLA_IPTUN_FLOWINFO: u16 = 7;
const IFLA_IPTUN_FLAGS: u16 = 8;
const IFLA_IPTUN_PROTO: u16 = 9;
const IFLA_IPTUN_PMTUDISC: u16 = 10;
const IFLA_IPTUN_6RD_PREFIX: u16 = 11;
const IFLA_IPTUN_6RD_RELAY_PREFIX: u16 = 12;
const IFLA_IPTUN_6RD_PREFIXLEN: u16 = 13;
const IFLA_IPTUN_6RD_RELAY_PREFIXLEN: u16 = 14;
const IFLA_IPTUN_ENCAP_TYPE: u16 = 15;
const IFLA_IPTUN_ENCAP_FLAGS: u16 = 16;
const IFLA_IPTUN_ENCAP_SPORT: u16 = 17;
const IFLA_IPTUN_ENCAP_DPORT: u16 = 18;
const IFLA_IPTUN_COLLECT_METADATA: u16 = 19;
const IFLA_IPTUN_FWMARK: u16 = 20;
/// ip 6.1's IFLA_IPTUN_MAX.
const IFLA_IPTUN_MAX: u16 = 20;

const ENCAP: [u16; 4] = [
    IFLA_IPTUN_ENCAP_TYPE,
    IFLA_IPTUN_ENCAP_FLAGS,
    IFLA_IPTUN_ENCAP_SPORT,
    IFLA_IPTUN_ENCAP_DPORT,
];

const IPPROTO_IPIP: u8 = 4;
const IPPROTO_IPV6: u8 = 41;
const IPPROTO_MPLS: u8 = 137;
const SIT_ISATAP: u16 = 1;

/// ipip and sit.
pub(crate) fn print(p: &mut Printer, data: &[u8], _style: &LinkStyle) {
    let tb = Attrs::parse(data, IFLA_IPTUN_MAX);
    tunnel::external(p, tb.has(IFLA_IPTUN_COLLECT_METADATA));
    if let Some(proto) = tb.u8(IFLA_IPTUN_PROTO) {
        let name = match proto {
            IPPROTO_IPIP => Some("ipip"),
            IPPROTO_IPV6 => Some("ip6ip"),
            IPPROTO_MPLS => Some("mplsip"),
            0 => Some("any"),
            _ => None,
        };
        if let Some(name) = name {
            p.string(Kind::Any, Some("proto"), "{} ", name);
        }
    }
    tunnel::endpoint(p, "remote", tb.get(IFLA_IPTUN_REMOTE), Family::V4);
    tunnel::endpoint(p, "local", tb.get(IFLA_IPTUN_LOCAL), Family::V4);
    tunnel::link(p, tb.u32(IFLA_IPTUN_LINK));
    tunnel::ttl(p, "ttl", tb.u8(IFLA_IPTUN_TTL).unwrap_or(0));
    tunnel::tos(p, tb.u8(IFLA_IPTUN_TOS).unwrap_or(0));
    // ip prints the text of a false print_bool too.
    if tb.u8(IFLA_IPTUN_PMTUDISC).is_some_and(|v| v != 0) {
        p.boolean(Kind::Any, Some("pmtudisc"), "pmtudisc ", true);
    } else {
        p.boolean(Kind::Json, Some("pmtudisc"), "", false);
        p.text("nopmtudisc ");
    }
    if tb
        .u16(IFLA_IPTUN_FLAGS)
        .is_some_and(|flags| flags & SIT_ISATAP != 0)
    {
        p.boolean(Kind::Any, Some("isatap"), "isatap ", true);
    }
    if let Some(prefixlen) = tb.u16(IFLA_IPTUN_6RD_PREFIXLEN).filter(|len| *len != 0) {
        let relay_len = tb.u16(IFLA_IPTUN_6RD_RELAY_PREFIXLEN).unwrap_or(0);
        let relay = tb.get(IFLA_IPTUN_6RD_RELAY_PREFIX).and_then(|b| b.get(..4));
        let prefix = tb
            .get(IFLA_IPTUN_6RD_PREFIX)
            .and_then(|b| b.get(..16))
            .map_or_else(
                || "::".to_string(),
                |b| Ipv6Addr::from(<[u8; 16]>::try_from(b).expect("16 bytes")).to_string(),
            );
        let relay = relay
            .filter(|b| b.iter().any(|byte| *byte != 0))
            .map(|b| Ipv4Addr::new(b[0], b[1], b[2], b[3]).to_string());
        if p.is_json() {
            p.string(Kind::Json, Some("prefix"), "", &prefix);
            p.int(Kind::Json, Some("prefixlen"), "", prefixlen);
            if let Some(relay) = &relay {
                p.string(Kind::Json, Some("relay_prefix"), "", relay);
                p.int(Kind::Json, Some("relay_prefixlen"), "", relay_len);
            }
        } else {
            p.text(format!("6rd-prefix {prefix}/{prefixlen} "));
            if let Some(relay) = &relay {
                p.text(format!("6rd-relay_prefix {relay}/{relay_len} "));
            }
        }
    }
    tunnel::fwmark(p, tb.u32(IFLA_IPTUN_FWMARK));
    tunnel::encap(p, &tb, ENCAP);
}

/// ip6tnl.
pub(crate) fn print6(p: &mut Printer, data: &[u8], _style: &LinkStyle) {
    let tb = Attrs::parse(data, IFLA_IPTUN_MAX);
    tunnel::external(p, tb.has(IFLA_IPTUN_COLLECT_METADATA));
    let flags = tb.u32(IFLA_IPTUN_FLAGS).unwrap_or(0);
    if let Some(proto) = tb.u8(IFLA_IPTUN_PROTO) {
        let name = match proto {
            IPPROTO_IPIP => Some("ipip6"),
            IPPROTO_IPV6 => Some("ip6ip6"),
            0 => Some("any"),
            _ => None,
        };
        if let Some(name) = name {
            p.string(Kind::Any, Some("proto"), "{} ", name);
        }
    }
    tunnel::endpoint(p, "remote", tb.get(IFLA_IPTUN_REMOTE), Family::V6);
    tunnel::endpoint(p, "local", tb.get(IFLA_IPTUN_LOCAL), Family::V6);
    tunnel::link(p, tb.u32(IFLA_IPTUN_LINK));
    tunnel::ttl(p, "hoplimit", tb.u8(IFLA_IPTUN_TTL).unwrap_or(0));
    let flowinfo = tb.get(IFLA_IPTUN_FLOWINFO).map(|b| {
        b.get(..4)
            .map_or(0, |b| u32::from_be_bytes(b.try_into().expect("4 bytes")))
    });
    tunnel::ip6_flow(p, flags, tb.u8(IFLA_IPTUN_ENCAP_LIMIT), flowinfo);
    if flags & tunnel::IP6_TNL_F_MIP6_DEV != 0 {
        p.boolean(Kind::Any, Some("ip6_tnl_f_mip6_dev"), "mip6 ", true);
    }
    if flags & tunnel::IP6_TNL_F_ALLOW_LOCAL_REMOTE != 0 {
        p.boolean(
            Kind::Any,
            Some("ip6_tnl_f_allow_local_remote"),
            "allow-localremote ",
            true,
        );
    }
    tunnel::ip6_fwmark(p, flags, tb.u32(IFLA_IPTUN_FWMARK));
    tunnel::encap(p, &tb, ENCAP);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::objects::link::kinds::shared::print::testing::{attrs, render, text};

    #[test]
    fn sit_with_6rd_and_encap() {
        let prefix: Ipv6Addr = "2001:db8::".parse().unwrap();
        let data = attrs(&[
            (IFLA_IPTUN_PROTO, &[IPPROTO_IPV6]),
            (IFLA_IPTUN_LOCAL, &[192, 0, 2, 1]),
            (IFLA_IPTUN_REMOTE, &[0, 0, 0, 0]),
            (IFLA_IPTUN_LINK, &0u32.to_ne_bytes()),
            (IFLA_IPTUN_TTL, &[0]),
            (IFLA_IPTUN_TOS, &[1]),
            (IFLA_IPTUN_PMTUDISC, &[1]),
            (IFLA_IPTUN_FLAGS, &SIT_ISATAP.to_ne_bytes()),
            (IFLA_IPTUN_6RD_PREFIX, &prefix.octets()),
            (IFLA_IPTUN_6RD_RELAY_PREFIX, &[192, 0, 2, 0]),
            (IFLA_IPTUN_6RD_PREFIXLEN, &32u16.to_ne_bytes()),
            (IFLA_IPTUN_6RD_RELAY_PREFIXLEN, &24u16.to_ne_bytes()),
            (IFLA_IPTUN_ENCAP_TYPE, &1u16.to_ne_bytes()),
            (IFLA_IPTUN_ENCAP_FLAGS, &1u16.to_ne_bytes()),
            (IFLA_IPTUN_ENCAP_SPORT, &0u16.to_be_bytes()),
            (IFLA_IPTUN_ENCAP_DPORT, &5555u16.to_be_bytes()),
            (IFLA_IPTUN_FWMARK, &0u32.to_ne_bytes()),
        ]);
        assert_eq!(
            text("sit", print, &data),
            "ip6ip remote any local 192.0.2.1 ttl inherit tos inherit pmtudisc isatap \
             6rd-prefix 2001:db8::/32 6rd-relay_prefix 192.0.2.0/24 encap fou \
             encap-sport auto encap-dport 5555 encap-csum noencap-csum6 noencap-remcsum "
        );
        assert_eq!(
            render(print, &data, true),
            "[{\"info_data\":{\"proto\":\"ip6ip\",\"remote\":\"any\",\"local\":\"192.0.2.1\",\
             \"ttl\":0,\"tos\":\"0x1\",\"pmtudisc\":true,\"isatap\":true,\
             \"prefix\":\"2001:db8::\",\"prefixlen\":32,\"relay_prefix\":\"192.0.2.0\",\
             \"relay_prefixlen\":24,\"encap\":{\"type\":\"fou\",\"sport\":0,\"dport\":5555,\
             \"csum\":true,\"csum6\":false,\"remcsum\":false}}}]\n"
        );
    }

    #[test]
    fn ipip_defaults() {
        let data = attrs(&[
            (IFLA_IPTUN_LOCAL, &[0, 0, 0, 0]),
            (IFLA_IPTUN_REMOTE, &[198, 51, 100, 1, 0, 0, 0, 0]),
            (IFLA_IPTUN_TTL, &[64]),
            (IFLA_IPTUN_PMTUDISC, &[0]),
        ]);
        assert_eq!(
            text("sit", print, &data),
            "remote unknown local any ttl 64 nopmtudisc "
        );
        assert_eq!(
            render(print, &data, true),
            "[{\"info_data\":{\"remote\":\"unknown\",\"local\":\"any\",\"ttl\":64,\
             \"pmtudisc\":false}}]\n"
        );
    }

    #[test]
    fn ip6tnl_flow_and_flags() {
        let remote: Ipv6Addr = "2001:db8::2".parse().unwrap();
        let data = attrs(&[
            (IFLA_IPTUN_PROTO, &[0]),
            (IFLA_IPTUN_REMOTE, &remote.octets()),
            (IFLA_IPTUN_LOCAL, &[0; 16]),
            (IFLA_IPTUN_TTL, &[64]),
            (IFLA_IPTUN_ENCAP_LIMIT, &[4]),
            (IFLA_IPTUN_FLOWINFO, &0x0ab1_2345u32.to_be_bytes()),
            (IFLA_IPTUN_FLAGS, &0x58u32.to_ne_bytes()),
            (IFLA_IPTUN_FWMARK, &7u32.to_ne_bytes()),
        ]);
        assert_eq!(
            text("ip6tnl", print6, &data),
            "any remote 2001:db8::2 local any hoplimit 64 encaplimit 4 tclass 0xab \
             flowlabel 0x12345 dscp inherit mip6 allow-localremote fwmark 0x7 "
        );
        assert_eq!(
            render(print6, &data, true),
            "[{\"info_data\":{\"proto\":\"any\",\"remote\":\"2001:db8::2\",\"local\":\"any\",\
             \"ttl\":64,\"encap_limit\":4,\"tclass\":\"0xab\",\"flowlabel\":\"0x12345\",\
             \"ip6_tnl_f_rcv_dscp_copy\":true,\"ip6_tnl_f_mip6_dev\":true,\
             \"ip6_tnl_f_allow_local_remote\":true,\"fwmark\":\"0x7\"}}]\n"
        );
        let data = attrs(&[(IFLA_IPTUN_FLAGS, &0x27u32.to_ne_bytes())]);
        assert_eq!(
            text("ip6tnl", print6, &data),
            "remote any local any hoplimit inherit encaplimit none tclass inherit \
             flowlabel inherit fwmark inherit "
        );
    }
}
