//! Robustness: random command lines and batch files never make rnet panic
//! or hang, and it always ends with one of ip's exit statuses.
//!
//! The words are drawn from ip's own vocabulary mixed with hostile values
//! (huge numbers, control characters, `..`, very long names), with a fixed
//! seed so a failure can be replayed; `RNET_FUZZ_CASES` raises the count for
//! a longer run. Every case runs inside one sandbox, so nothing random ever
//! reaches the host's network.

mod common;

use common::{rnet_binary, run_in_sandbox, sandbox_available};

/// Words ip knows, and values that stress parsers.
const VOCABULARY: &[&str] = &[
    "link",
    "address",
    "addr",
    "a",
    "l",
    "netns",
    "net",
    "help",
    "route",
    "rule",
    "neigh",
    "add",
    "del",
    "delete",
    "set",
    "change",
    "replace",
    "show",
    "list",
    "lst",
    "flush",
    "identify",
    "pids",
    "attach",
    "list-id",
    "property",
    "altname",
    "dev",
    "name",
    "type",
    "veth",
    "bridge",
    "ifb",
    "vxlan",
    "macvlan",
    "dummy",
    "vlan",
    "bond",
    "peer",
    "up",
    "down",
    "mtu",
    "address",
    "broadcast",
    "brd",
    "txqueuelen",
    "master",
    "nomaster",
    "alias",
    "group",
    "netns",
    "index",
    "id",
    "mode",
    "state",
    "arp",
    "on",
    "off",
    "promisc",
    "carrier",
    "local",
    "scope",
    "label",
    "metric",
    "valid_lft",
    "preferred_lft",
    "forever",
    "nodad",
    "secondary",
    "primary",
    "-4",
    "-6",
    "-0",
    "-j",
    "-p",
    "-d",
    "-s",
    "-br",
    "-o",
    "-c",
    "-h",
    "-n",
    "-a",
    "-all",
    "-force",
    "-family",
    "inet",
    "inet6",
    "--",
    "lo",
    "v0",
    "v1",
    "br0",
    "ns1",
    "ns2",
    "0",
    "1",
    "-1",
    "4294967295",
    "4294967296",
    "18446744073709551616",
    "0x",
    "0x10",
    "010",
    "08",
    "192.0.2.1",
    "192.0.2.1/24",
    "192.0.2.300/24",
    "2001:db8::1/64",
    "1.2.3.4/",
    "/",
    "..",
    ".",
    "",
    "a/b",
    "02:00:00:00:00:01",
    "zz:zz",
    "::",
    "default",
    "all",
    "auto",
    "target-nsid",
    "nsid",
    "aaaaaaaaaaaaaaaa",
    "é",
    "\u{1}",
    "\t",
    "x y",
    "-",
    "-x",
    "--json",
];

/// A small deterministic generator (xorshift64*): no crate needed.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn word(&mut self) -> String {
        match self.below(20) {
            0 => "n".repeat(1 + self.below(300)),
            1 => format!("{}", self.next()),
            _ => VOCABULARY[self.below(VOCABULARY.len())].to_string(),
        }
    }
}

fn shell_quote(text: &str) -> String {
    format!("'{}'", text.replace('\'', r"'\''"))
}

fn cases() -> usize {
    std::env::var("RNET_FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(400)
}

/// ip's statuses: success, failure, kernel refusal, usage (255), and 22 for
/// carrier/protodown on/off errors.
const STATUSES: &[i32] = &[0, 1, 2, 22, 255];

fn check(outcomes: &[common::Outcome]) {
    for outcome in outcomes {
        assert!(!outcome.stderr.contains("panicked"), "panic: {outcome:?}");
        assert!(outcome.status != 124, "hang (timeout): {outcome:?}");
        assert!(
            STATUSES.contains(&outcome.status),
            "unexpected status: {outcome:?}"
        );
    }
}

#[test]
fn random_command_lines() {
    if !sandbox_available("random_command_lines") {
        return;
    }
    let mut random = Random(0x5eed_1234_abcd_0001);
    let mut commands =
        vec!["ip link add v0 type veth peer name v1; ip netns add ns1; true".to_string()];
    for _ in 0..cases() {
        let words: Vec<String> = (0..1 + random.below(8)).map(|_| random.word()).collect();
        // Never run programs or wait for events: exec and monitor are left out.
        if words
            .iter()
            .any(|w| w == "exec" || w == "monitor" || w.starts_with("-b"))
        {
            continue;
        }
        let quoted: Vec<String> = words.iter().map(|w| shell_quote(w)).collect();
        commands.push(format!("timeout 5 ip {}", quoted.join(" ")));
    }
    check(&run_in_sandbox(&rnet_binary(), &commands)[1..]);
}

#[test]
fn random_batch_files() {
    if !sandbox_available("random_batch_files") {
        return;
    }
    let mut random = Random(0x5eed_1234_abcd_0002);
    let mut commands = Vec::new();
    for case in 0..cases() / 10 {
        let mut text = String::new();
        for _ in 0..1 + random.below(12) {
            let words: Vec<String> = (0..random.below(7)).map(|_| random.word()).collect();
            if words.iter().any(|w| w == "exec" || w == "monitor") {
                continue;
            }
            let mut line = words.join(" ");
            match random.below(8) {
                0 => line.push_str(" \\"),
                1 => line.push_str(" # comment"),
                2 => line.insert(0, '"'),
                3 => line.push('\''),
                _ => {}
            }
            text.push_str(&line);
            text.push('\n');
        }
        let file = format!("fuzz{case}.batch");
        commands.push(format!(
            "printf '%s' {} > {file}; timeout 5 ip -force -batch {file}",
            shell_quote(&text)
        ));
    }
    check(&run_in_sandbox(&rnet_binary(), &commands));
}

#[test]
fn broken_pipes_end_quietly_like_ip() {
    if !sandbox_available("broken_pipes") {
        return;
    }
    let setup = "for i in $(seq 1 1500); do echo link add ifb$i type ifb; done > many.batch; $IP -batch many.batch";
    let probe = "bash -c 'ip -d link | head -1 >/dev/null; echo ${PIPESTATUS[0]}; ip -j link | head -c 10 >/dev/null; echo ${PIPESTATUS[0]}'";
    let commands = [setup.to_string(), probe.to_string()];
    let rnet = run_in_sandbox(&rnet_binary(), &commands);
    let ip = run_in_sandbox(std::path::Path::new(common::REAL_IP), &commands);
    // Killed by SIGPIPE (128 + 13) without a word, exactly as ip.
    assert_eq!(rnet[1].stdout, "141\n141\n", "{rnet:?}");
    assert_eq!(rnet[1].stderr, "");
    assert_eq!(
        (rnet[1].stdout.as_str(), rnet[1].stderr.as_str()),
        (ip[1].stdout.as_str(), ip[1].stderr.as_str())
    );
}
