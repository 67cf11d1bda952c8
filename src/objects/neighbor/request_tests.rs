//! Requests of `ip neighbor` against the bytes ip 6.1 sent (strace -e
//! write=3, sequence numbers included), device `va` being index 3.

use super::*;

fn hex(dump: &str) -> Vec<u8> {
    dump.split_whitespace()
        .map(|byte| u8::from_str_radix(byte, 16).unwrap())
        .collect()
}

/// `line` as ip reads it: global options (-4/-6), then the command words
/// after `neigh`.
fn bytes_of(line: &str, ip: &str) -> (Vec<u8>, Vec<u8>) {
    let ip = hex(ip);
    let seq = u32::from_ne_bytes(ip[8..12].try_into().unwrap());
    let mut words: Vec<String> = line.split(' ').map(String::from).collect();
    let family = match words[0].as_str() {
        "-6" => {
            words.remove(0);
            AF_INET6
        }
        "-4" => {
            words.remove(0);
            inet::AF_INET
        }
        _ => 0,
    };
    assert_eq!(words.remove(0), "neigh");
    let command = words.remove(0);
    let ifindex = 3;
    let request = match command.as_str() {
        "get" => {
            let (mut header, dst, _) = get_request(&words, family).unwrap();
            header.ifindex = ifindex;
            get_message(&header, &dst)
        }
        other => {
            let (cmd, flags) = match other {
                "add" => (RTM_NEWNEIGH, NLM_F_CREATE | NLM_F_EXCL),
                "change" => (RTM_NEWNEIGH, NLM_F_REPLACE),
                "replace" => (RTM_NEWNEIGH, NLM_F_CREATE | NLM_F_REPLACE),
                "del" => (RTM_DELNEIGH, 0),
                _ => unreachable!(),
            };
            plan(&words, family).unwrap().request(cmd, flags, ifindex)
        }
    };
    (request.finish(seq), ip)
}

const AF_INET6: u8 = inet::AF_INET6;

#[test]
fn neigh_add_192_0_2_5_lladdr_02_00_00_00_00_05_dev_va_nud_stal() {
    let (ours, ip) = bytes_of(
        "neigh add 192.0.2.5 lladdr 02:00:00:00:00:05 dev va nud stale router protocol static",
        "38 00 00 00 1c 00 05 06 a5 05 17 6b 00 00 00 00
             02 00 00 00 03 00 00 00 04 00 80 00 05 00 0c 00
             04 00 00 00 08 00 01 00 c0 00 02 05 0a 00 02 00
             02 00 00 00 00 05 00 00",
    );
    assert_eq!(ours, ip);
}

#[test]
fn neigh_replace_192_0_2_6_lladdr_2_0_0_0_0_6_dev_va_nud_reacha() {
    let (ours, ip) = bytes_of(
        "neigh replace 192.0.2.6 lladdr 2:0:0:0:0:6 dev va nud reachable extern_learn",
        "30 00 00 00 1c 00 05 05 a5 05 17 6b 00 00 00 00
             02 00 00 00 03 00 00 00 02 00 10 00 08 00 01 00
             c0 00 02 06 0a 00 02 00 02 00 00 00 00 06 00 00",
    );
    assert_eq!(ours, ip);
}

#[test]
fn neigh_change_192_0_2_50_lladdr_02_00_00_00_00_51_dev_va_use() {
    let (ours, ip) = bytes_of(
        "neigh change 192.0.2.50 lladdr 02:00:00:00:00:51 dev va use",
        "30 00 00 00 1c 00 05 01 a5 05 17 6b 00 00 00 00
             02 00 00 00 03 00 00 00 80 00 01 00 08 00 01 00
             c0 00 02 32 0a 00 02 00 02 00 00 00 00 51 00 00",
    );
    assert_eq!(ours, ip);
}

#[test]
fn neigh_del_192_0_2_50_dev_va() {
    let (ours, ip) = bytes_of(
        "neigh del 192.0.2.50 dev va",
        "24 00 00 00 1d 00 05 00 a5 05 17 6b 00 00 00 00
             02 00 00 00 03 00 00 00 80 00 00 00 08 00 01 00
             c0 00 02 32",
    );
    assert_eq!(ours, ip);
}

#[test]
fn ipv6_neigh_add_2001_db8_7_dev_va_managed() {
    let (ours, ip) = bytes_of(
        "-6 neigh add 2001:db8::7 dev va managed",
        "38 00 00 00 1c 00 05 06 a5 05 17 6b 00 00 00 00
             0a 00 00 00 03 00 00 00 00 00 00 00 14 00 01 00
             20 01 0d b8 00 00 00 00 00 00 00 00 00 00 00 07
             08 00 0f 00 01 00 00 00",
    );
    assert_eq!(ours, ip);
}

#[test]
fn neigh_add_proxy_198_51_100_1_dev_va() {
    let (ours, ip) = bytes_of(
        "neigh add proxy 198.51.100.1 dev va",
        "24 00 00 00 1c 00 05 06 a6 05 17 6b 00 00 00 00
             02 00 00 00 03 00 00 00 80 00 08 00 08 00 01 00
             c6 33 64 01",
    );
    assert_eq!(ours, ip);
}

#[test]
fn neigh_add_192_0_2_8_dev_va_nud_noarp_lladdr_null() {
    let (ours, ip) = bytes_of(
        "neigh add 192.0.2.8 dev va nud noarp lladdr null",
        "24 00 00 00 1c 00 05 06 a6 05 17 6b 00 00 00 00
             02 00 00 00 03 00 00 00 40 00 00 00 08 00 01 00
             c0 00 02 08",
    );
    assert_eq!(ours, ip);
}

#[test]
fn neigh_add_to_192_0_2_9_dev_va_nud_0x10_lladdr_192_0_2_1() {
    let (ours, ip) = bytes_of(
        "neigh add to 192.0.2.9 dev va nud 0x10 lladdr 192.0.2.1",
        "2c 00 00 00 1c 00 05 06 a6 05 17 6b 00 00 00 00
             02 00 00 00 03 00 00 00 10 00 00 00 08 00 01 00
             c0 00 02 09 08 00 02 00 c0 00 02 01",
    );
    assert_eq!(ours, ip);
}

#[test]
fn neigh_add_192_0_2_10_dev_va_nud_fail_protocol_99() {
    let (ours, ip) = bytes_of(
        "neigh add 192.0.2.10 dev va nud fail protocol 99",
        "2c 00 00 00 1c 00 05 06 a6 05 17 6b 00 00 00 00
             02 00 00 00 03 00 00 00 20 00 00 00 05 00 0c 00
             63 00 00 00 08 00 01 00 c0 00 02 0a",
    );
    assert_eq!(ours, ip);
}

#[test]
fn neigh_get_192_0_2_50_dev_va() {
    let (ours, ip) = bytes_of(
        "neigh get 192.0.2.50 dev va",
        "24 00 00 00 1e 00 01 00 a5 05 17 6b 00 00 00 00
             02 00 00 00 03 00 00 00 00 00 00 00 08 00 01 00
             c0 00 02 32",
    );
    assert_eq!(ours, ip);
}

#[test]
fn neigh_get_proxy_198_51_100_1_dev_va() {
    let (ours, ip) = bytes_of(
        "neigh get proxy 198.51.100.1 dev va",
        "24 00 00 00 1e 00 01 00 a5 05 17 6b 00 00 00 00
             02 00 00 00 03 00 00 00 00 00 08 00 08 00 01 00
             c6 33 64 01",
    );
    assert_eq!(ours, ip);
}

/// ip's dump requests (only their first nlmsg_len bytes count: ip sends
/// its whole buffer).
fn dump_bytes(filter: &Filter, ip: &str) -> (Vec<u8>, Vec<u8>) {
    let ip = hex(ip);
    let seq = u32::from_ne_bytes(ip[8..12].try_into().unwrap());
    (filter.dump_request().finish(seq), ip)
}

#[test]
fn dump_by_device_of_proxies() {
    let filter = Filter {
        index: 3,
        ndm_flags: NTF_PROXY,
        ..Filter::new(0, false)
    };
    let (ours, ip) = dump_bytes(
        &filter,
        "24 00 00 00 1e 00 01 03 65 08 17 6b 00 00 00 00
         00 00 00 00 00 00 00 00 00 00 08 00 08 00 08 00
         03 00 00 00",
    );
    assert_eq!(ours, ip);
}

#[test]
fn dump_by_master() {
    let filter = Filter {
        master: 5,
        ..Filter::new(AF_INET6, false)
    };
    let (ours, ip) = dump_bytes(
        &filter,
        "24 00 00 00 1e 00 01 03 65 08 17 6b 00 00 00 00
         0a 00 00 00 00 00 00 00 00 00 00 00 08 00 09 00
         05 00 00 00",
    );
    assert_eq!(ours, ip);
}

#[test]
fn dump_without_master() {
    let filter = Filter {
        master: -1,
        ..Filter::new(0, true)
    };
    let (ours, ip) = dump_bytes(
        &filter,
        "24 00 00 00 1e 00 01 03 65 08 17 6b 00 00 00 00
         00 00 00 00 00 00 00 00 00 00 00 00 08 00 09 00
         ff ff ff ff",
    );
    assert_eq!(ours, ip);
}

fn entry(state: u16, flags: u8, dst: &[u8]) -> Vec<u8> {
    let header = NdMsg {
        family: if dst.len() == 4 { 2 } else { AF_INET6 },
        ifindex: 3,
        state,
        flags,
        kind: 0,
    };
    Request::new(RTM_NEWNEIGH, 0)
        .fixed(&header.bytes())
        .attr(NDA_DST, dst)
        .finish(1)[16..]
        .to_vec()
}

#[test]
fn filters_select_as_print_neigh_does() {
    let accepts =
        |filter: &Filter, payload: &[u8]| filter.accepts(&Neighbor::parse(payload).unwrap());
    let show = Filter::new(0, false);
    let flush = Filter::new(0, true);
    let permanent = entry(NUD_PERMANENT, 0, &[192, 0, 2, 1]);
    let noarp = entry(NUD_NOARP, 0, &[192, 0, 2, 2]);
    let none = entry(NUD_NONE, 0, &[192, 0, 2, 3]);
    let proxy = entry(NUD_NONE, NTF_PROXY, &[192, 0, 2, 4]);
    // show leaves NOARP and NONE out, flush PERMANENT and NOARP.
    assert!(accepts(&show, &permanent));
    assert!(!accepts(&show, &noarp));
    assert!(!accepts(&show, &none));
    assert!(!accepts(&flush, &permanent));
    assert!(!accepts(&flush, &noarp));
    // Proxies pass the state test whatever their state.
    assert!(accepts(&show, &proxy));
    // `nud none` is bit 0x100.
    let nud_none = Filter {
        state: 0x100,
        ..show.clone()
    };
    assert!(accepts(&nud_none, &none));
    assert!(!accepts(&nud_none, &permanent));
    // Prefixes: an IPv6 entry never matches an IPv4 prefix.
    let to = Filter {
        prefix: Some(inet::get_prefix("192.0.2.0/31", 0).unwrap()),
        ..show.clone()
    };
    assert!(accepts(&to, &permanent));
    let other = entry(NUD_PERMANENT, 0, &[192, 0, 2, 9]);
    assert!(!accepts(&to, &other));
    let v6 = entry(
        NUD_PERMANENT,
        0,
        &[0x20, 1, 0xd, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1],
    );
    assert!(!accepts(&to, &v6));
    let family = Filter {
        family: AF_INET6,
        ..show
    };
    assert!(accepts(&family, &v6));
    assert!(!accepts(&family, &permanent));
}
