//! tun and tap (ip/iptuntap.c): ip only prints their details; `ip tuntap`
//! creates them, not `ip link add type tun`.

pub(crate) mod print;
