//! Request bytes: each case is what ip 6.1 sent for the same words
//! (captured with `strace -e trace=sendmsg -e write=all` in a sandbox where
//! veth va has index 3 and vc index 5), sequence number included. ip pads
//! RTA_METRICS and RTA_MULTIPATH from uninitialized stack buffers; those
//! padding bytes are zero here (one, after `congctl cubic`, was 0x7f).

use super::errors::RouteError;
use super::modify::message_of;
use super::request::{parse, Names};
use crate::error::{Error, Result};
use crate::grammar::inet::{AF_INET, AF_INET6, AF_MPLS};
use crate::kernel::raw::{NLM_F_ACK, NLM_F_REQUEST};

/// The sandbox's devices; `vrf default` is the main table as there.
struct Sandbox;

impl Names for Sandbox {
    fn index(&mut self, name: &str) -> Result<i32> {
        Ok(match name {
            "vb" => 2,
            "va" => 3,
            "vd" => 4,
            "vc" => 5,
            _ => 0,
        })
    }

    fn vrf_table(&mut self, name: &str) -> Result<u32> {
        Ok(if name == "default" { 254 } else { 0 })
    }
}

fn hex(dump: &str) -> Vec<u8> {
    dump.split_whitespace()
        .map(|byte| u8::from_str_radix(byte, 16).unwrap())
        .collect()
}

fn words(line: &str) -> Vec<String> {
    line.split_whitespace().map(String::from).collect()
}

/// The request rnet builds for `ip [-family] route COMMAND ARGS`.
fn request(command: &str, family: u8, args: &str, seq: u32) -> Result<Vec<u8>> {
    let (msg_type, flags) = message_of(command);
    let route = parse(msg_type, family, &words(args), &mut Sandbox)?;
    Ok(route
        .message(msg_type, flags | NLM_F_REQUEST | NLM_F_ACK)
        .finish(seq))
}

/// (command, preferred family, words after the command, ip's bytes).
const IP_REQUESTS: &[(&str, u8, &str, &str)] = &[
    (
        "add",
        0,
        "203.0.113.0/24 oif va ttl-propagate disabled",
        "34 00 00 00 18 00 05 06 15 00 17 6b 00 00 00 00
             02 18 00 00 fe 03 fd 01 00 00 00 00 08 00 01 00
             cb 00 71 00 05 00 1a 00 00 00 00 00 08 00 04 00
             03 00 00 00",
    ),
    (
        "add",
        AF_INET,
        "all dev va",
        "24 00 00 00 18 00 05 06 15 00 17 6b 00 00 00 00
             02 00 00 00 fe 03 fd 01 00 00 00 00 08 00 04 00
             03 00 00 00",
    ),
    (
        "add",
        0,
        "2001:db8:5::/64 dev va metric 1024 realms 2 tos 0x4",
        "48 00 00 00 18 00 05 06 15 00 17 6b 00 00 00 00
             0a 40 00 04 fe 03 00 01 00 00 00 00 14 00 01 00
             20 01 0d b8 00 05 00 00 00 00 00 00 00 00 00 00
             08 00 06 00 00 04 00 00 08 00 0b 00 02 00 00 00
             08 00 04 00 03 00 00 00",
    ),
    (
        "add",
        0,
        "203.0.113.0/24 via 192.0.2.2 dev va table 300 expires 5 mtu 1400 nexthop via 198.51.100.2 dev vc",
        "64 00 00 00 18 00 05 06 15 00 17 6b 00 00 00 00
             02 18 00 00 00 03 00 01 00 00 00 00 08 00 01 00
             cb 00 71 00 08 00 05 00 c0 00 02 02 08 00 0f 00
             2c 01 00 00 08 00 17 00 05 00 00 00 08 00 04 00
             03 00 00 00 0c 00 08 00 08 00 02 00 78 05 00 00
             14 00 09 00 10 00 00 00 05 00 00 00 08 00 05 00
             c6 33 64 02",
    ),
    (
        "add",
        0,
        "203.0.113.0/24 dev va",
        "2c 00 00 00 18 00 05 06 48 fd 16 6b 00 00 00 00
             02 18 00 00 fe 03 fd 01 00 00 00 00 08 00 01 00
             cb 00 71 00 08 00 04 00 03 00 00 00",
    ),
    (
        "add",
        0,
        "203.0.113.0/24 via 192.0.2.2 dev va src 192.0.2.1 metric 10 table 100 proto static scope global",
        "44 00 00 00 18 00 05 06 48 fd 16 6b 00 00 00 00
             02 18 00 00 64 04 00 01 00 00 00 00 08 00 01 00
             cb 00 71 00 08 00 05 00 c0 00 02 02 08 00 07 00
             c0 00 02 01 08 00 06 00 0a 00 00 00 08 00 04 00
             03 00 00 00",
    ),
    (
        "add",
        0,
        "default via 192.0.2.2",
        "24 00 00 00 18 00 05 06 48 fd 16 6b 00 00 00 00
             02 00 00 00 fe 03 00 01 00 00 00 00 08 00 05 00
             c0 00 02 02",
    ),
    (
        "add",
        0,
        "default via 2001:db8::2",
        "30 00 00 00 18 00 05 06 49 fd 16 6b 00 00 00 00
             0a 00 00 00 fe 03 00 01 00 00 00 00 14 00 05 00
             20 01 0d b8 00 00 00 00 00 00 00 00 00 00 00 02",
    ),
    (
        "add",
        AF_INET6,
        "default dev va",
        "38 00 00 00 18 00 05 06 49 fd 16 6b 00 00 00 00
             0a 00 00 00 fe 03 00 01 00 00 00 00 14 00 01 00
             00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
             08 00 04 00 03 00 00 00",
    ),
    (
        "add",
        0,
        "203.0.113.7 dev va",
        "2c 00 00 00 18 00 05 06 49 fd 16 6b 00 00 00 00
             02 20 00 00 fe 03 fd 01 00 00 00 00 08 00 01 00
             cb 00 71 07 08 00 04 00 03 00 00 00",
    ),
    (
        "add",
        0,
        "to unicast 203.0.113.0/24 dev va",
        "2c 00 00 00 18 00 05 06 49 fd 16 6b 00 00 00 00
             02 18 00 00 fe 03 fd 01 00 00 00 00 08 00 01 00
             cb 00 71 00 08 00 04 00 03 00 00 00",
    ),
    (
        "add",
        0,
        "local 203.0.113.5 dev va",
        "2c 00 00 00 18 00 05 06 49 fd 16 6b 00 00 00 00
             02 20 00 00 ff 03 fe 02 00 00 00 00 08 00 01 00
             cb 00 71 05 08 00 04 00 03 00 00 00",
    ),
    (
        "add",
        0,
        "broadcast 203.0.113.255 dev va",
        "2c 00 00 00 18 00 05 06 4a fd 16 6b 00 00 00 00
             02 20 00 00 ff 03 fd 03 00 00 00 00 08 00 01 00
             cb 00 71 ff 08 00 04 00 03 00 00 00",
    ),
    (
        "add",
        0,
        "anycast 203.0.113.9 dev va",
        "2c 00 00 00 18 00 05 06 4a fd 16 6b 00 00 00 00
             02 20 00 00 ff 03 fd 04 00 00 00 00 08 00 01 00
             cb 00 71 09 08 00 04 00 03 00 00 00",
    ),
    (
        "add",
        0,
        "multicast 239.1.0.0/16 dev va",
        "2c 00 00 00 18 00 05 06 4a fd 16 6b 00 00 00 00
             02 10 00 00 fe 03 fd 05 00 00 00 00 08 00 01 00
             ef 01 00 00 08 00 04 00 03 00 00 00",
    ),
    (
        "add",
        0,
        "unreachable 203.0.113.0/24",
        "24 00 00 00 18 00 05 06 4a fd 16 6b 00 00 00 00
             02 18 00 00 fe 03 00 07 00 00 00 00 08 00 01 00
             cb 00 71 00",
    ),
    (
        "add",
        0,
        "prohibit 203.0.113.0/24 metric 5",
        "2c 00 00 00 18 00 05 06 4a fd 16 6b 00 00 00 00
             02 18 00 00 fe 03 00 08 00 00 00 00 08 00 01 00
             cb 00 71 00 08 00 06 00 05 00 00 00",
    ),
    (
        "add",
        0,
        "blackhole 203.0.113.0/24 table 5000",
        "2c 00 00 00 18 00 05 06 4b fd 16 6b 00 00 00 00
             02 18 00 00 00 03 00 06 00 00 00 00 08 00 01 00
             cb 00 71 00 08 00 0f 00 88 13 00 00",
    ),
    (
        "add",
        0,
        "throw 203.0.113.0/24 table 7",
        "24 00 00 00 18 00 05 06 4b fd 16 6b 00 00 00 00
             02 18 00 00 07 03 00 09 00 00 00 00 08 00 01 00
             cb 00 71 00",
    ),
    (
        "add",
        0,
        "nat 203.0.113.0/24 via 192.0.2.9",
        "2c 00 00 00 18 00 05 06 4b fd 16 6b 00 00 00 00
             02 18 00 00 ff 03 fe 0a 00 00 00 00 08 00 01 00
             cb 00 71 00 08 00 05 00 c0 00 02 09",
    ),
    (
        "add",
        0,
        "203.0.113.0/24 via inet6 2001:db8::2 dev va",
        "44 00 00 00 18 00 05 06 4b fd 16 6b 00 00 00 00
             02 18 00 00 fe 03 00 01 00 00 00 00 08 00 01 00
             cb 00 71 00 16 00 12 00 0a 00 20 01 0d b8 00 00
             00 00 00 00 00 00 00 00 00 02 00 00 08 00 04 00
             03 00 00 00",
    ),
    (
        "add",
        0,
        "2001:db8:5::/64 via 2001:db8::2 dev va expires 100 pref high",
        "5c 00 00 00 18 00 05 06 4c fd 16 6b 00 00 00 00
             0a 40 00 00 fe 03 00 01 00 00 00 00 14 00 01 00
             20 01 0d b8 00 05 00 00 00 00 00 00 00 00 00 00
             14 00 05 00 20 01 0d b8 00 00 00 00 00 00 00 00
             00 00 00 02 08 00 17 00 64 00 00 00 05 00 14 00
             01 00 00 00 08 00 04 00 03 00 00 00",
    ),
    (
        "add",
        0,
        "2001:db8:5::/64 from 2001:db8:7::/64 dev va pref low",
        "54 00 00 00 18 00 05 06 4c fd 16 6b 00 00 00 00
             0a 40 40 00 fe 03 00 01 00 00 00 00 14 00 01 00
             20 01 0d b8 00 05 00 00 00 00 00 00 00 00 00 00
             14 00 02 00 20 01 0d b8 00 07 00 00 00 00 00 00
             00 00 00 00 05 00 14 00 03 00 00 00 08 00 04 00
             03 00 00 00",
    ),
    (
        "add",
        0,
        "203.0.113.0/24 dev va tos 0x10 realms 3/4",
        "34 00 00 00 18 00 05 06 4c fd 16 6b 00 00 00 00
             02 18 00 10 fe 03 fd 01 00 00 00 00 08 00 01 00
             cb 00 71 00 08 00 0b 00 04 00 03 00 08 00 04 00
             03 00 00 00",
    ),
    (
        "add",
        0,
        "203.0.113.0/24 via 10.9.9.9 onlink dev va",
        "34 00 00 00 18 00 05 06 4d fd 16 6b 00 00 00 00
             02 18 00 00 fe 03 00 01 04 00 00 00 08 00 01 00
             cb 00 71 00 08 00 05 00 0a 09 09 09 08 00 04 00
             03 00 00 00",
    ),
    (
        "add",
        0,
        "203.0.113.0/24 dev va mtu lock 1400 hoplimit 64 advmss 1300 rtt 50 rttvar 20ms reordering 3 window 1000 cwnd 10 initcwnd 20 initrwnd 30 ssthresh lock 5 quickack 1 congctl lock reno features ecn rto_min 200ms fastopen_no_cookie 1",
        "b8 00 00 00 18 00 05 06 4d fd 16 6b 00 00 00 00
             02 18 00 00 fe 03 fd 01 00 00 00 00 08 00 01 00
             cb 00 71 00 08 00 04 00 03 00 00 00 8c 00 08 00
             08 00 02 00 78 05 00 00 08 00 0a 00 40 00 00 00
             08 00 08 00 14 05 00 00 08 00 04 00 32 00 00 00
             08 00 05 00 50 00 00 00 08 00 09 00 03 00 00 00
             08 00 03 00 e8 03 00 00 08 00 07 00 0a 00 00 00
             08 00 0b 00 14 00 00 00 08 00 0e 00 1e 00 00 00
             08 00 06 00 05 00 00 00 08 00 0f 00 01 00 00 00
             08 00 10 00 72 65 6e 6f 08 00 0c 00 01 00 00 00
             08 00 0d 00 c8 00 00 00 08 00 11 00 01 00 00 00
             08 00 01 00 44 20 01 00",
    ),
    (
        "add",
        0,
        "203.0.113.0/24 dev va rtt 1.5s rttvar lock 3 cwnd lock 4 window lock 9 congctl cubic",
        "64 00 00 00 18 00 05 06 4d fd 16 6b 00 00 00 00
             02 18 00 00 fe 03 fd 01 00 00 00 00 08 00 01 00
             cb 00 71 00 08 00 04 00 03 00 00 00 38 00 08 00
             08 00 04 00 e0 2e 00 00 08 00 05 00 03 00 00 00
             08 00 07 00 04 00 00 00 08 00 03 00 09 00 00 00
             09 00 10 00 63 75 62 69 63 00 00 00 08 00 01 00
             a8 00 00 00",
    ),
    (
        "add",
        0,
        "203.0.113.0/24 nexthop via 192.0.2.2 dev va weight 3 nexthop via 198.51.100.2 dev vc",
        "48 00 00 00 18 00 05 06 4e fd 16 6b 00 00 00 00
             02 18 00 00 fe 03 00 01 00 00 00 00 08 00 01 00
             cb 00 71 00 24 00 09 00 10 00 00 02 03 00 00 00
             08 00 05 00 c0 00 02 02 10 00 00 00 05 00 00 00
             08 00 05 00 c6 33 64 02",
    ),
    (
        "add",
        0,
        "203.0.113.0/24 nexthop via 192.0.2.2 dev va onlink realms 5 nexthop dev vc weight 256",
        "48 00 00 00 18 00 05 06 4e fd 16 6b 00 00 00 00
             02 18 00 00 fe 03 00 01 00 00 00 00 08 00 01 00
             cb 00 71 00 24 00 09 00 18 00 04 00 03 00 00 00
             08 00 05 00 c0 00 02 02 08 00 0b 00 05 00 00 00
             08 00 00 ff 05 00 00 00",
    ),
    (
        "add",
        0,
        "2001:db8:9::/64 nexthop via 2001:db8::2 dev va nexthop via 2001:db8::3 dev va weight 2",
        "6c 00 00 00 18 00 05 06 4e fd 16 6b 00 00 00 00
             0a 40 00 00 fe 03 00 01 00 00 00 00 14 00 01 00
             20 01 0d b8 00 09 00 00 00 00 00 00 00 00 00 00
             3c 00 09 00 1c 00 00 00 03 00 00 00 14 00 05 00
             20 01 0d b8 00 00 00 00 00 00 00 00 00 00 00 02
             1c 00 00 01 03 00 00 00 14 00 05 00 20 01 0d b8
             00 00 00 00 00 00 00 00 00 00 00 03",
    ),
    (
        "add",
        0,
        "203.0.113.0/24 nexthop via 192.0.2.2 as 10.0.0.1 nexthop via 198.51.100.2 dev vc realms 1/2",
        "58 00 00 00 18 00 05 06 4e fd 16 6b 00 00 00 00
             02 18 00 00 fe 03 00 01 00 00 00 00 08 00 01 00
             cb 00 71 00 34 00 09 00 18 00 00 00 00 00 00 00
             08 00 05 00 c0 00 02 02 08 00 13 00 0a 00 00 01
             18 00 00 00 05 00 00 00 08 00 05 00 c6 33 64 02
             08 00 0b 00 02 00 01 00",
    ),
    (
        "add",
        0,
        "203.0.113.0/24 dev va ttl-propagate enabled nhid 5",
        "3c 00 00 00 18 00 05 06 4e fd 16 6b 00 00 00 00
             02 18 00 00 fe 03 00 01 00 00 00 00 08 00 01 00
             cb 00 71 00 05 00 1a 00 01 00 00 00 08 00 1e 00
             05 00 00 00 08 00 04 00 03 00 00 00",
    ),
    (
        "add",
        0,
        "203.0.113.0/24 dev va vrf default",
        "2c 00 00 00 18 00 05 06 4f fd 16 6b 00 00 00 00
             02 18 00 00 fe 03 fd 01 00 00 00 00 08 00 01 00
             cb 00 71 00 08 00 04 00 03 00 00 00",
    ),
    (
        "add",
        0,
        "10.0.0.0/8 via 192.0.2.2 as to 10.1.1.1",
        "34 00 00 00 18 00 05 06 4e fd 16 6b 00 00 00 00
             02 08 00 00 fe 03 00 01 00 00 00 00 08 00 01 00
             0a 00 00 00 08 00 05 00 c0 00 02 02 08 00 13 00
             0a 01 01 01",
    ),
    (
        "add",
        0,
        "203.0.113.0/24 dev va m 5 pre 1 pro 5 t 5 r 5 s 5 c 5 w 5 i 5 q 1 f ecn fa 0",
        "80 00 00 00 18 00 05 06 4f fd 16 6b 00 00 00 00
             02 18 00 00 05 05 fd 01 00 00 00 00 08 00 01 00
             cb 00 71 00 08 00 06 00 05 00 00 00 05 00 14 00
             01 00 00 00 08 00 04 00 03 00 00 00 44 00 08 00
             08 00 09 00 05 00 00 00 08 00 06 00 05 00 00 00
             08 00 07 00 05 00 00 00 08 00 03 00 05 00 00 00
             08 00 0b 00 05 00 00 00 08 00 0f 00 01 00 00 00
             08 00 0c 00 01 00 00 00 08 00 11 00 00 00 00 00",
    ),
    (
        "add",
        0,
        "b 203.0.113.255 dev va",
        "2c 00 00 00 18 00 05 06 4f fd 16 6b 00 00 00 00
             02 20 00 00 ff 03 fd 03 00 00 00 00 08 00 01 00
             cb 00 71 ff 08 00 04 00 03 00 00 00",
    ),
    (
        "add",
        0,
        "203.0.113.0/24 dev va table 0x100 scope 200 dsfield 0x10",
        "34 00 00 00 18 00 05 06 4f fd 16 6b 00 00 00 00
             02 18 00 10 00 03 c8 01 00 00 00 00 08 00 01 00
             cb 00 71 00 08 00 0f 00 00 01 00 00 08 00 04 00
             03 00 00 00",
    ),
    (
        "add",
        AF_MPLS,
        "100 as 200 via inet 192.0.2.2",
        "38 00 00 00 18 00 05 06 4f fd 16 6b 00 00 00 00
             1c 14 00 00 fe 03 00 01 00 00 00 00 08 00 01 00
             00 06 41 00 08 00 13 00 00 0c 81 00 0a 00 12 00
             02 00 c0 00 02 02 00 00",
    ),
    (
        "change",
        0,
        "192.0.2.0/24 dev va proto kernel scope link src 192.0.2.1",
        "34 00 00 00 18 00 05 01 4f fd 16 6b 00 00 00 00
             02 18 00 00 fe 02 fd 01 00 00 00 00 08 00 01 00
             c0 00 02 00 08 00 07 00 c0 00 02 01 08 00 04 00
             03 00 00 00",
    ),
    (
        "replace",
        0,
        "203.0.113.0/24 dev va",
        "2c 00 00 00 18 00 05 05 4f fd 16 6b 00 00 00 00
             02 18 00 00 fe 03 fd 01 00 00 00 00 08 00 01 00
             cb 00 71 00 08 00 04 00 03 00 00 00",
    ),
    (
        "prepend",
        0,
        "203.0.113.0/24 dev va",
        "2c 00 00 00 18 00 05 04 4f fd 16 6b 00 00 00 00
             02 18 00 00 fe 03 fd 01 00 00 00 00 08 00 01 00
             cb 00 71 00 08 00 04 00 03 00 00 00",
    ),
    (
        "append",
        0,
        "203.0.113.0/24 dev va",
        "2c 00 00 00 18 00 05 0c 50 fd 16 6b 00 00 00 00
             02 18 00 00 fe 03 fd 01 00 00 00 00 08 00 01 00
             cb 00 71 00 08 00 04 00 03 00 00 00",
    ),
    (
        "test",
        0,
        "203.0.113.0/24 dev va",
        "2c 00 00 00 18 00 05 02 50 fd 16 6b 00 00 00 00
             02 18 00 00 fe 03 fd 01 00 00 00 00 08 00 01 00
             cb 00 71 00 08 00 04 00 03 00 00 00",
    ),
    (
        "delete",
        0,
        "192.0.2.0/24 dev va",
        "2c 00 00 00 19 00 05 00 50 fd 16 6b 00 00 00 00
             02 18 00 00 fe 00 ff 00 00 00 00 00 08 00 01 00
             c0 00 02 00 08 00 04 00 03 00 00 00",
    ),
    (
        "delete",
        0,
        "local 192.0.2.1 table local",
        "24 00 00 00 19 00 05 00 50 fd 16 6b 00 00 00 00
             02 20 00 00 ff 00 fe 02 00 00 00 00 08 00 01 00
             c0 00 02 01",
    ),
    (
        "delete",
        0,
        "2001:db8::/64 dev va",
        "38 00 00 00 19 00 05 00 50 fd 16 6b 00 00 00 00
             0a 40 00 00 fe 00 00 00 00 00 00 00 14 00 01 00
             20 01 0d b8 00 00 00 00 00 00 00 00 00 00 00 00
             08 00 04 00 03 00 00 00",
    ),
];

#[test]
fn requests_match_ip_bytes() {
    assert!(IP_REQUESTS.len() >= 30);
    for (command, family, args, bytes) in IP_REQUESTS {
        let expected = hex(bytes);
        let seq = u32::from_ne_bytes(expected[8..12].try_into().unwrap());
        let got = request(command, *family, args, seq)
            .unwrap_or_else(|err| panic!("{command} {args}: {err:?}"));
        assert_eq!(got, expected, "ip route {command} {args}");
    }
}

fn error(command: &str, args: &str) -> Error {
    request(command, 0, args, 1).expect_err(args)
}

fn invalid(arg: &str, reason: &str) -> Error {
    Error::InvalidArgument {
        arg: arg.to_string(),
        reason: reason.to_string(),
    }
}

#[test]
fn errors_are_ips() {
    assert_eq!(error("add", ""), Error::Usage(crate::objects::route::USAGE));
    assert_eq!(
        error("add", "dev va"),
        Error::Usage(crate::objects::route::USAGE)
    );
    assert_eq!(
        error("add", "help"),
        Error::Usage(crate::objects::route::USAGE)
    );
    assert_eq!(
        error("add", "unicast h"),
        Error::Usage(crate::objects::route::USAGE)
    );
    assert_eq!(error("add", "192.0.2.0/24 via"), Error::IncompleteCommand);
    assert_eq!(
        error("add", "192.0.2.0/24 via 192.0.2.1 via 192.0.2.2"),
        invalid("via", "use nexthop syntax to specify multiple via\n")
    );
    assert_eq!(
        error("add", "192.0.2.0/24 via 192.0.2.1 mark 3"),
        Error::DuplicateOrGarbage {
            key: "to".into(),
            arg: "mark".into()
        }
    );
    assert_eq!(
        error("add", "10.0.0.300/8"),
        Error::PrefixExpected {
            family: "any valid",
            arg: "10.0.0.300/8".into()
        }
    );
    assert_eq!(
        error("add", "10.5.0.0/16 via 2001:db8::2"),
        Error::AddressExpected {
            family: "inet",
            arg: "2001:db8::2".into()
        }
    );
    assert_eq!(
        error("add", "10.5.0.0/16 dev nosuch"),
        Error::CannotFindDevice("nosuch".into())
    );
    assert_eq!(
        error("add", "10.5.0.0/16 table foo"),
        invalid("foo", "\"table\" value is invalid\n")
    );
    assert_eq!(
        error("add", "10.5.0.0/16 scope foo"),
        invalid("foo", "invalid \"scope\" value\n")
    );
    assert_eq!(
        error("add", "10.5.0.0/16 hoplimit 256"),
        invalid("256", "\"hoplimit\" value is invalid\n")
    );
    assert_eq!(
        error("add", "10.5.0.0/16 nhid x"),
        invalid("x", "\"id\" value is invalid\n")
    );
    assert_eq!(
        error("add", "10.5.0.0/16 vrf va"),
        invalid("va", "Invalid VRF\n")
    );
    assert_eq!(
        error("add", "10.5.0.0/16 nexthop via 192.0.2.2 weight 0"),
        invalid("0", "\"weight\" is invalid\n")
    );
    assert_eq!(
        error("add", "10.5.0.0/16 nexthop via 192.0.2.2 foo"),
        Error::from(RouteError::NexthopExpected("foo".into()))
    );
    assert_eq!(
        error("add", "10.5.0.0/16 nexthop"),
        Error::from(RouteError::NexthopEndOfLine)
    );
    assert_eq!(
        error("add", "10.5.0.0/16 nexthop dev nosuch"),
        Error::from(RouteError::NexthopDevice("nosuch".into()))
    );
    assert_eq!(
        error("add", "10.5.0.0/16 ttl-propagate maybe"),
        invalid("maybe", "\"ttl-propagate\" value is invalid\n")
    );
}

#[test]
fn hop_length_counts_unpadded_attributes_as_ip_does() {
    // A 6-byte link-layer gateway on a route whose family is still
    // unknown: ip counts 4 + 6, the attribute takes 12.
    let got = request(
        "add",
        0,
        "default nexthop via link 00:11:22:33:44:55 dev va",
        1,
    )
    .unwrap();
    let multipath = &got[28..];
    assert_eq!(&multipath[..4], &[24, 0, 9, 0]);
    assert_eq!(&multipath[4..6], &[18, 0]);
}

/// Requests ip's captured bytes above do not cover (encapsulations, hops
/// with encaps, congctl, MPLS labels, RTA_VIA, delete): (command,
/// preferred family, words, the bytes of rnet's raw builder before the
/// request became netlink-packet-route's `RouteMessage`, sequence 0).
const RAW_BUILDER_REQUESTS: &[(&str, u8, &str, &str)] = &[
    (
        "add",
        0,
        "203.0.113.0/24 encap mpls 100/200 ttl 5 dev va",
        "4c00000018000506000000000000000002180000fe03fd010000000008000100cb007100180016800c00010000064000000c8100050002000500000006001500010000000800040003000000",
    ),
    (
        "add",
        0,
        "203.0.113.0/24 encap ip id 7 dst 198.51.100.1 ttl 64 key csum dev va",
        "5c00000018000506000000000000000002180000fe03fd010000000008000100cb007100280016800c000100000000000000000708000200c63364010500040040000000060006000005000006001500020000000800040003000000",
    ),
    (
        "add",
        0,
        "2001:db8:5::/64 encap ip6 dst 2001:db8::1 hoplimit 5 dev va",
        "600000001800050600000000000000000a400000fe030001000000001400010020010db8000500000000000000000000200016801400020020010db8000000000000000000000001050004000500000006001500040000000800040003000000",
    ),
    (
        "add",
        0,
        "2001:db8:5::/64 encap seg6 mode encap segs 2001:db8::1,2001:db8::2 dev va",
        "740000001800050600000000000000000a400000fe030001000000001400010020010db8000500000000000000000000340016803000010001000000000404010100000020010db800000000000000000000000220010db800000000000000000000000106001500050000000800040003000000",
    ),
    (
        "add",
        0,
        "2001:db8:5::/64 encap seg6local action End.DT6 table 100 dev va",
        "540000001800050600000000000000000a400000fe030001000000001400010020010db8000500000000000000000000140016800800010007000000080003006400000006001500070000000800040003000000",
    ),
    (
        "add",
        0,
        "2001:db8:5::/64 encap rpl segs 2001:db8::1 dev va",
        "600000001800050600000000000000000a400000fe030001000000001400010020010db8000500000000000000000000200016801c000100000203010000000020010db800000000000000000000000106001500080000000800040003000000",
    ),
    (
        "add",
        0,
        "2001:db8:5::/64 encap ioam6 trace prealloc type 0x800000 ns 1 size 12 dev va",
        "680000001800050600000000000000000a400000fe030001000000001400010020010db8000500000000000000000000280016800800040001000000080005000100000005000100010000000c000300000100038000000006001500090000000800040003000000",
    ),
    (
        "add",
        0,
        "203.0.113.0/24 encap xfrm if_id 5 dev va",
        "3800000018000506000000000000000002180000fe03fd010000000008000100cb0071000c0016800800010005000000060015000a000000",
    ),
    (
        "add",
        0,
        "2001:db8:5::/64 encap ila 2001:db8:1:2 csum-mode adj-transport dev va",
        "580000001800050600000000000000000a400000fe030001000000001400010020010db8000500000000000000000000180016800c00010020010db800010002050007000000000006001500030000000800040003000000",
    ),
    (
        "add",
        0,
        "203.0.113.0/24 nexthop via 192.0.2.2 dev va encap mpls 300 nexthop via 198.51.100.2 dev vc encap ip dst 198.51.100.9",
        "7000000018000506000000000000000002180000fe0300010000000008000100cb0071004c000900240000000300000008000500c00002020c001680080001000012c1000600150001000000240000000500000008000500c63364020c00168008000200c63364090600150002000000",
    ),
    (
        "add",
        0,
        "203.0.113.0/24 dev va congctl lock cubic mtu 1400 quickack 1",
        "5400000018000506000000000000000002180000fe03fd010000000008000100cb007100080004000300000028000800090010006375626963000000080002007805000008000f00010000000800010000000100",
    ),
    (
        "add",
        AF_MPLS,
        "100 as 200/300 via inet 192.0.2.2 dev va",
        "440000001800050600000000000000001c140000fe0300010000000008000100000641000c001300000c80000012c1000a0012000200c000020200000800040003000000",
    ),
    (
        "add",
        0,
        "203.0.113.0/24 via inet6 fe80::1 dev va src 192.0.2.1 expires 10",
        "5400000018000506000000000000000002180000fe0300010000000008000100cb007100160012000a00fe800000000000000000000000000001000008000700c0000201080017000a0000000800040003000000",
    ),
    (
        "replace",
        0,
        "2001:db8:5::/64 from 2001:db8:7::/64 via 2001:db8::2 dev va table 1000 pref medium",
        "700000001800050500000000000000000a40400000030001000000001400010020010db80005000000000000000000001400020020010db80007000000000000000000001400050020010db800000000000000000000000208000f00e803000005001400000000000800040003000000",
    ),
    (
        "delete",
        0,
        "203.0.113.0/24 via 192.0.2.2 dev va metric 7 tos 0x10 scope link",
        "3c00000019000500000000000000000002180010fe00fd000000000008000100cb00710008000500c000020208000600070000000800040003000000",
    ),
];

#[test]
fn typed_requests_match_raw_builder_bytes() {
    for (command, family, args, bytes) in RAW_BUILDER_REQUESTS {
        let got: String = request(command, *family, args, 0)
            .unwrap()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(got, *bytes, "{command} {args}");
    }
}
