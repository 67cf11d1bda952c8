import json
rows = []
for l in open('/tmp/lwt/pout.jsonl'):
    c = json.loads(l)
    rows.append('    (%s, %d, "%s", "%s", %s),' % (json.dumps(c["name"]), c["kind"], "" if c["attrs"] == "-" else c["attrs"], " ".join(c["opts"]), json.dumps(c["out"]).replace("\\u001b", "\\x1b")))
print('''//! What ip prints for the encapsulation of a route, from the attributes.
//!
//! The expected texts come from iproute2 6.1 itself: each RTA_ENCAP below
//! was put in a route message that `ip route show` was made to read (a
//! shim answering its dump), and the ` encap …` part of its text, `-j`,
//! `-s`, `-N`, `-o`, `-h`, `-c` and `-d` output cut out
//! (colors as on a light background: COLORFGBG unset). The attributes are the
//! kernel's answers for ip/ip6 and the requests ip builds for the others
//! (which the kernel echoes); the geneve/vxlan/erspan sets are laid out as
//! the kernel answers them.

use super::{print_with, PrintOptions, SystemDevices};
use crate::grammar::options::{ColorMode, Options};
use crate::output::Printer;

fn bytes(hex: &str) -> Vec<u8> {
    (0..hex.len())
        .step_by(2)
        .map(|at| u8::from_str_radix(&hex[at..at + 2], 16).expect("hex"))
        .collect()
}

/// What rnet prints for one case with ip's options `flags`.
fn printed(kind: u16, hex: &str, flags: &str) -> String {
    let mut options = Options::default();
    let mut print_options = PrintOptions::default();
    for flag in flags.split_whitespace() {
        match flag {
            "-j" => options.json = 1,
            "-o" => options.oneline = 1,
            "-s" => print_options.stats = true,
            "-N" => print_options.numeric = true,
            "-h" => print_options.human = true,
            "-iec" => print_options.iec = true,
            "-d" => options.details = 1,
            "-c" => options.color = ColorMode::Always,
            other => panic!("unknown flag {other}"),
        }
    }
    let (mut out, buffer) = Printer::capture(&options);
    out.begin_list();
    out.open_object(None);
    print_with(&mut out, kind, &bytes(hex), &print_options, &mut SystemDevices);
    out.close_object();
    out.end_list();
    out.flush();
    let text = buffer.lock().expect("capture").clone();
    String::from_utf8(text).expect("utf-8")
}

#[rustfmt::skip]
const CASES: &[(&str, u16, &str, &str, &str)] = &[
%s
];

#[test]
fn encap_printed_as_ip_prints_it() {
    let mut failures = Vec::new();
    for (name, kind, hex, flags, expected) in CASES {
        // The colors were taken for a light background.
        if flags.contains("-c") && std::env::var_os("COLORFGBG").is_some() {
            continue;
        }
        let got = printed(*kind, hex, flags);
        if got != *expected {
            failures.push(format!("{name} [{flags}]:\\n  ip:   {expected:?}\\n  rnet: {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{} of {} differ:\\n{}", failures.len(), CASES.len(), failures.join("\\n"));
}
''' % "\n".join(rows))
