//! The requests rnet builds, byte for byte against the ones iproute2 6.1
//! sends. `testdata/requests.txt` holds, per line, the command and the hex
//! of ip's RTM_NEWLINK after the netlink header, captured once in a sandbox
//! with `strace -f -e trace=sendmsg -e write=3 ip …` (ip sends the request
//! even for kinds this kernel lacks: dummy, vlan, bond, vrf, ipvlan).

use netlink_packet_core::Emitable;

use super::modify::{self, Verb};
use crate::context::Context;
use crate::grammar::options::{Family, Options};
use crate::objects::show;

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn encode(command: &str) -> String {
    let mut words: Vec<String> = command.split_whitespace().map(String::from).collect();
    let mut options = Options::default();
    match words[0].as_str() {
        "-4" => options.family = Family::Inet,
        "-6" => options.family = Family::Inet6,
        _ => {}
    }
    if words[0].starts_with('-') {
        words.remove(0);
    }
    assert_eq!(words[0], "link");
    let verb = match words[1].as_str() {
        "add" => Verb::Add,
        "replace" => Verb::Replace,
        other => panic!("no capture for {other}"),
    };
    let mut ctx = Context::new(options);
    let parsed = modify::build(&mut ctx, &words[2..], verb)
        .unwrap_or_else(|err| panic!("{command}: {err:?}"));
    let message = parsed.message(show::family_number(ctx.options.family));
    let mut bytes = vec![0u8; message.buffer_len()];
    message.emit(&mut bytes);
    hex(&bytes)
}

#[test]
fn requests_match_the_bytes_ip_sends() {
    let data = include_str!("testdata/requests.txt");
    let mut checked = 0;
    for line in data.lines().filter(|l| !l.trim().is_empty()) {
        let (command, want) = line.split_once('|').expect("command|hex");
        assert_eq!(encode(command), want, "{command}");
        checked += 1;
    }
    assert!(checked >= 20);
}
