//! `amt` details (ip/iplink_amt.c `amt_print_opt`).

use std::net::Ipv4Addr;

use crate::kernel::attrs::Attrs;
use crate::objects::link::kinds::shared::print::{index_name, uint};
use crate::objects::link::print::LinkStyle;
use crate::output::{Kind, Printer};

const IFLA_AMT_MODE: u16 = 1;
const IFLA_AMT_RELAY_PORT: u16 = 2;
const IFLA_AMT_GATEWAY_PORT: u16 = 3;
const IFLA_AMT_LINK: u16 = 4;
const IFLA_AMT_LOCAL_IP: u16 = 5;
const IFLA_AMT_REMOTE_IP: u16 = 6;
const IFLA_AMT_DISCOVERY_IP: u16 = 7;
const IFLA_AMT_MAX_TUNNELS: u16 = 8;
/// ip 6.1's IFLA_AMT_MAX.
const IFLA_AMT_MAX: u16 = 8;

pub(crate) fn print(p: &mut Printer, data: &[u8], _style: &LinkStyle) {
    let tb = Attrs::parse(data, IFLA_AMT_MAX);
    // ip indexes its two-name table with the raw value; the kernel only
    // knows these two modes.
    match tb.u32(IFLA_AMT_MODE) {
        Some(0) => p.string(Kind::Any, Some("mode"), "{} ", "gateway"),
        Some(1) => p.string(Kind::Any, Some("mode"), "{} ", "relay"),
        _ => {}
    }
    if let Some(port) = tb.be16(IFLA_AMT_GATEWAY_PORT) {
        uint(p, "gateway_port", "gateway_port {} ", port);
    }
    if let Some(port) = tb.be16(IFLA_AMT_RELAY_PORT) {
        uint(p, "relay_port", "relay_port {} ", port);
    }
    for (attr, key) in [
        (IFLA_AMT_LOCAL_IP, "local"),
        (IFLA_AMT_REMOTE_IP, "remote"),
        (IFLA_AMT_DISCOVERY_IP, "discovery"),
    ] {
        if let Some(b) = tb.get(attr).and_then(|b| b.get(..4)) {
            let addr = Ipv4Addr::new(b[0], b[1], b[2], b[3]).to_string();
            p.string(Kind::Any, Some(key), &format!("{key} {{}} "), addr);
        }
    }
    if let Some(link) = tb.u32(IFLA_AMT_LINK) {
        p.string(Kind::Any, Some("link"), "dev {} ", index_name(link));
    }
    if let Some(max) = tb.u32(IFLA_AMT_MAX_TUNNELS) {
        uint(p, "max_tunnels", "max_tunnels {} ", max);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::objects::link::kinds::shared::print::testing::{attrs, render, text};

    #[test]
    fn gateway() {
        let data = attrs(&[
            (IFLA_AMT_MODE, &0u32.to_ne_bytes()),
            (IFLA_AMT_RELAY_PORT, &2268u16.to_be_bytes()),
            (IFLA_AMT_GATEWAY_PORT, &2268u16.to_be_bytes()),
            (IFLA_AMT_LINK, &0u32.to_ne_bytes()),
            (IFLA_AMT_LOCAL_IP, &[192, 0, 2, 1]),
            (IFLA_AMT_DISCOVERY_IP, &[198, 51, 100, 1]),
            (IFLA_AMT_MAX_TUNNELS, &128u32.to_ne_bytes()),
        ]);
        assert_eq!(
            text("amt", print, &data),
            "gateway gateway_port 2268 relay_port 2268 local 192.0.2.1 \
             discovery 198.51.100.1 dev * max_tunnels 128 "
        );
        assert_eq!(
            render(print, &data, true),
            "[{\"info_data\":{\"mode\":\"gateway\",\"gateway_port\":2268,\"relay_port\":2268,\
             \"local\":\"192.0.2.1\",\"discovery\":\"198.51.100.1\",\"link\":\"*\",\
             \"max_tunnels\":128}}]\n"
        );
    }
}
