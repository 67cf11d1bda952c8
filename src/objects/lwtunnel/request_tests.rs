//! The bytes `ip route add 203.0.113.0/24 encap … dev lo` puts in RTA_ENCAP,
//! captured from iproute2 6.1 with strace swallowing the request (so no
//! kernel ever saw it), with ip's stderr and status where it refused the
//! words. ip leaves stack garbage in attribute padding; it is zero here.

use super::parse;
use crate::kernel::attrs::align4;

enum Expect {
    /// RTA_ENCAP_TYPE, the RTA_ENCAP payload in hex, the words taken.
    Encap {
        kind: u16,
        attrs: &'static str,
        consumed: usize,
    },
    /// ip's stderr and exit status.
    Fails { stderr: &'static str, status: i32 },
    /// The route parser refuses what encap left it: only the count matters.
    Consumed(usize),
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn check(cases: &[(&str, Expect)]) {
    let mut failures = Vec::new();
    for (line, expect) in cases {
        let words: Vec<String> = line.split(' ').map(String::from).collect();
        let got = parse(&words);
        let ok = match (expect, &got) {
            (
                Expect::Encap {
                    kind,
                    attrs,
                    consumed,
                },
                Ok((encap, taken)),
            ) => encap.kind == *kind && hex(&encap.attrs) == *attrs && taken == consumed,
            (Expect::Fails { stderr, status }, Err(error)) => {
                error.message("ip").map(|m| m + "\n").as_deref() == Some(*stderr)
                    && error.status() == *status
            }
            (Expect::Consumed(count), Ok((_, taken))) => taken == count,
            _ => false,
        };
        if !ok {
            let shown = match &got {
                Ok((encap, taken)) => format!(
                    "kind {} attrs {} took {taken}",
                    encap.kind,
                    hex(&encap.attrs)
                ),
                Err(error) => format!("{:?} status {}", error.message("ip"), error.status()),
            };
            failures.push(format!("encap {line}: got {shown}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} differ:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn padding_is_zero_and_lengths_aligned() {
    let words: Vec<String> = "ip ttl 5 tos 0x10 dev lo"
        .split(' ')
        .map(String::from)
        .collect();
    let (encap, _) = parse(&words).unwrap();
    assert_eq!(encap.attrs.len(), align4(encap.attrs.len()));
    assert_eq!(hex(&encap.attrs), "05000400050000000500050010000000");
}

#[rustfmt::skip]
const MPLS: &[(&str, Expect)] = &[
    ("mpls 100 dev lo", Expect::Encap { kind: 1, attrs: "0800010000064100", consumed: 2 }),
    ("mpls 100/200/300 dev lo", Expect::Encap { kind: 1, attrs: "1000010000064000000c80000012c100", consumed: 2 }),
    ("mpls 100 ttl 10 dev lo", Expect::Encap { kind: 1, attrs: "0800010000064100050002000a000000", consumed: 4 }),
    ("mpls 0x10 ttl 0x20 dev lo", Expect::Encap { kind: 1, attrs: "08000100000101000500020020000000", consumed: 4 }),
    ("mpls 100 ttl 300 dev lo", Expect::Fails { stderr: "Error: argument \"300\" is wrong: \"ttl\" value is invalid\n\n", status: 255 }),
    ("mpls 100 ttl 10 ttl 11 dev lo", Expect::Fails { stderr: "Error: either \"ttl\" is duplicate, or \"11\" is a garbage.\n", status: 255 }),
    ("mpls foo dev lo", Expect::Fails { stderr: "Error: mpls address is expected rather than \"foo\".\n", status: 1 }),
    ("mpls 100", Expect::Fails { stderr: "Error: unexpected end of line after \"encap\"\n", status: 255 }),
    ("mpls 1048576 dev lo", Expect::Fails { stderr: "Error: mpls address is expected rather than \"1048576\".\n", status: 1 }),
    ("mpls default dev lo", Expect::Fails { stderr: "Error: mpls address is expected rather than \"default\".\n", status: 1 }),
    ("mpls 16/17 ttl 255 dev lo", Expect::Encap { kind: 1, attrs: "0c000100000100000001110005000200ff000000", consumed: 4 }),
];

#[test]
fn mpls() {
    check(MPLS);
}

#[rustfmt::skip]
const IP_AND_IP6: &[(&str, Expect)] = &[
    ("ip id 1 dst 198.51.100.1 dev lo", Expect::Encap { kind: 2, attrs: "0c000100000000000000000108000200c6336401", consumed: 5 }),
    ("ip id 0x1234567890 src 192.0.2.1 dst 198.51.100.1 ttl 64 tos 0x10 dev lo", Expect::Encap { kind: 2, attrs: "0c000100000000123456789008000300c000020108000200c633640105000400400000000500050010000000", consumed: 11 }),
    ("ip dst 198.51.100.1 key csum seq dev lo", Expect::Encap { kind: 2, attrs: "08000200c633640106000600000d0000", consumed: 6 }),
    ("ip dst 198.51.100.1 seq key dev lo", Expect::Encap { kind: 2, attrs: "08000200c633640106000600000c0000", consumed: 5 }),
    ("ip dst 198.51.100.1 tos lowdelay dev lo", Expect::Fails { stderr: "Error: argument \"lowdelay\" is wrong: \"tos\" value is invalid\n\n", status: 255 }),
    ("ip dst 198.51.100.1 tos 0x100 dev lo", Expect::Fails { stderr: "Error: argument \"0x100\" is wrong: \"tos\" value is invalid\n\n", status: 255 }),
    ("ip dst 198.51.100.1 tos foo dev lo", Expect::Fails { stderr: "Error: argument \"foo\" is wrong: \"tos\" value is invalid\n\n", status: 255 }),
    ("ip id foo dev lo", Expect::Fails { stderr: "Error: argument \"foo\" is wrong: \"id\" value is invalid\n\n", status: 255 }),
    ("ip id -1 dev lo", Expect::Encap { kind: 2, attrs: "0c000100ffffffffffffffff", consumed: 3 }),
    ("ip id 18446744073709551615 dev lo", Expect::Encap { kind: 2, attrs: "0c000100ffffffffffffffff", consumed: 3 }),
    ("ip dst 2001:db8::1 dev lo", Expect::Fails { stderr: "Error: inet address is expected rather than \"2001:db8::1\".\n", status: 1 }),
    ("ip dst default dev lo", Expect::Encap { kind: 2, attrs: "0800020000000000", consumed: 3 }),
    ("ip ttl 256 dev lo", Expect::Fails { stderr: "Error: argument \"256\" is wrong: \"ttl\" value is invalid\n\n", status: 255 }),
    ("ip key key dev lo", Expect::Fails { stderr: "Error: either \"key\" is duplicate, or \"key\" is a garbage.\n", status: 255 }),
    ("ip dst 198.51.100.1 dst 198.51.100.2 dev lo", Expect::Fails { stderr: "Error: either \"dst\" is duplicate, or \"198.51.100.2\" is a garbage.\n", status: 255 }),
    ("ip dst 198.51.100.1 geneve_opts 0102:80:00112233,0:1: dev lo", Expect::Encap { kind: 2, attrs: "08000200c6336401340008801c0001800600010000420000050002005000000008000300001122331400018006000100000000000500020001000000", consumed: 5 }),
    ("ip dst 198.51.100.1 geneve_opts ::0011 dev lo", Expect::Encap { kind: 2, attrs: "08000200c6336401100008800c0001800600030000110000", consumed: 5 }),
    ("ip dst 198.51.100.1 geneve_opts 1:2:3:4 dev lo", Expect::Fails { stderr: "Unknown \"geneve_opts\" type\nError: argument \"1\" is wrong: \"geneve_opts\" value is invalid\n\n", status: 255 }),
    ("ip dst 198.51.100.1 geneve_opts 1:2:abc dev lo", Expect::Encap { kind: 2, attrs: "08000200c6336401200008801c0001800600010000010000050002000200000005000300ab000000", consumed: 5 }),
    ("ip dst 198.51.100.1 geneve_opts 1:2:zz dev lo", Expect::Fails { stderr: "Error: argument \"1\" is wrong: \"geneve_opts\" value is invalid\n\n", status: 255 }),
    ("ip dst 198.51.100.1 vxlan_opts 1234 dev lo", Expect::Encap { kind: 2, attrs: "08000200c6336401100008800c00028008000100d2040000", consumed: 5 }),
    ("ip dst 198.51.100.1 vxlan_opts foo dev lo", Expect::Fails { stderr: "Error: argument \"foo\" is wrong: \"vxlan_opts\" value is invalid\n\n", status: 255 }),
    ("ip dst 198.51.100.1 erspan_opts 1:12345678:: dev lo", Expect::Encap { kind: 2, attrs: "08000200c6336401180008801400038005000100010000000800020000bc614e", consumed: 5 }),
    ("ip dst 198.51.100.1 erspan_opts 2::1:17 dev lo", Expect::Encap { kind: 2, attrs: "08000200c6336401200008801c000380050001000200000005000300010000000500040011000000", consumed: 5 }),
    ("ip dst 198.51.100.1 erspan_opts 2::1:17:5 dev lo", Expect::Fails { stderr: "Unknown \"geneve_opts\" type\nError: argument \"2\" is wrong: \"erspan_opts\" value is invalid\n\n", status: 255 }),
    ("ip dst 198.51.100.1 vxlan_opts 1 geneve_opts 1:2:3 dev lo", Expect::Fails { stderr: "Error: either \"opts\" is duplicate, or \"geneve_opts\" is a garbage.\n", status: 255 }),
    ("ip6 id 7 dst 2001:db8::1 src 2001:db8::2 hoplimit 5 tc 0x20 key csum seq dev lo", Expect::Encap { kind: 4, attrs: "0c00010000000000000000071400020020010db80000000000000000000000011400030020010db80000000000000000000000020500040005000000050005002000000006000600000d0000", consumed: 14 }),
    ("ip6 dst 198.51.100.1 dev lo", Expect::Fails { stderr: "Error: inet6 address is expected rather than \"198.51.100.1\".\n", status: 1 }),
    ("ip6 tc foo dev lo", Expect::Fails { stderr: "Error: argument \"foo\" is wrong: \"tc\" value is invalid\n\n", status: 255 }),
    ("ip6 hoplimit 256 dev lo", Expect::Fails { stderr: "Error: argument \"256\" is wrong: \"hoplimit\" value is invalid\n\n", status: 255 }),
    ("ip6 tc 1 tc 2 dev lo", Expect::Fails { stderr: "Error: either \"tc\" is duplicate, or \"2\" is a garbage.\n", status: 255 }),
    ("ip6 dst 2001:db8::1 geneve_opts 1:2:0a0b dev lo", Expect::Encap { kind: 4, attrs: "1400020020010db8000000000000000000000001200008801c00018006000100000100000500020002000000060003000a0b0000", consumed: 5 }),
    ("ip dev lo", Expect::Encap { kind: 2, attrs: "", consumed: 1 }),
    ("ip", Expect::Fails { stderr: "Command line is not complete. Try option \"help\"\n", status: 255 }),
    ("ip dev", Expect::Fails { stderr: "Error: unexpected end of line after \"encap\"\n", status: 255 }),
    ("ip id", Expect::Fails { stderr: "Error: unexpected end of line after \"encap\"\n", status: 255 }),
    ("ip id 5", Expect::Encap { kind: 2, attrs: "0c0001000000000000000005", consumed: 3 }),
    ("ip src 192.0.2.1 dev lo", Expect::Encap { kind: 2, attrs: "08000300c0000201", consumed: 3 }),
    ("ip dst 198.51.100.1 geneve_opts 1:2:00,3:4:0102030405060708 dev lo", Expect::Encap { kind: 2, attrs: "08000200c6336401400008801c00018006000100000100000500020002000000050003000000000020000180060001000003000005000200040000000c0003000102030405060708", consumed: 5 }),
    ("ip dst 198.51.100.1 geneve_opts 1:2:a dev lo", Expect::Encap { kind: 2, attrs: "08000200c63364011c000880180001800600010000010000050002000200000004000300", consumed: 5 }),
    ("ip dst 198.51.100.1 geneve_opts 1:2:3,,4:5:6 dev lo", Expect::Encap { kind: 2, attrs: "08000200c63364013800088018000180060001000001000005000200020000000400030004000180180001800600010000040000050002000500000004000300", consumed: 5 }),
    ("ip dst 198.51.100.1 geneve_opts 70000:2:00 dev lo", Expect::Fails { stderr: "Error: argument \"70000\" is wrong: \"geneve_opts\" value is invalid\n\n", status: 255 }),
    ("ip dst 198.51.100.1 geneve_opts 1:300:00 dev lo", Expect::Fails { stderr: "Error: argument \"1\" is wrong: \"geneve_opts\" value is invalid\n\n", status: 255 }),
    ("ip dst 198.51.100.1 erspan_opts 1:70000:: dev lo", Expect::Encap { kind: 2, attrs: "08000200c6336401180008801400038005000100010000000800020000011170", consumed: 5 }),
    ("ip dst 198.51.100.1 erspan_opts foo:1 dev lo", Expect::Fails { stderr: "Error: argument \"foo\" is wrong: \"erspan_opts\" value is invalid\n\n", status: 255 }),
    ("ip dst 198.51.100.1 vxlan_opts 0x10 vxlan_opts 2 dev lo", Expect::Fails { stderr: "Error: either \"opts\" is duplicate, or \"vxlan_opts\" is a garbage.\n", status: 255 }),
    ("ip6 dst 2001:db8::1 vxlan_opts 5 dev lo", Expect::Encap { kind: 4, attrs: "1400020020010db8000000000000000000000001100008800c0002800800010005000000", consumed: 5 }),
    ("ip6 dst 2001:db8::1 erspan_opts 2:0:1:3 dev lo", Expect::Encap { kind: 4, attrs: "1400020020010db800000000000000000000000128000880240003800500010002000000080002000000000005000300010000000500040003000000", consumed: 5 }),
    ("ip6 hoplimit 1 hoplimit 2 dev lo", Expect::Fails { stderr: "Error: either \"hoplimit\" is duplicate, or \"2\" is a garbage.\n", status: 255 }),
    ("ip6 id 1 id 2 dev lo", Expect::Fails { stderr: "Error: either \"id\" is duplicate, or \"2\" is a garbage.\n", status: 255 }),
    ("ip tos 0x10 tos 0x20 dev lo", Expect::Fails { stderr: "Error: either \"tos\" is duplicate, or \"0x20\" is a garbage.\n", status: 255 }),
    ("ip6 tc 0x1f dev lo", Expect::Encap { kind: 4, attrs: "050005001f000000", consumed: 3 }),
    ("ip6 src 2001:db8::2 dst 2001:db8::1 csum dev lo", Expect::Encap { kind: 4, attrs: "1400030020010db80000000000000000000000021400020020010db80000000000000000000000010600060000010000", consumed: 6 }),
];

#[test]
fn ip_and_ip6() {
    check(IP_AND_IP6);
}

#[rustfmt::skip]
const SEG6: &[(&str, Expect)] = &[
    ("seg6 mode inline segs 2001:db8::1 dev lo", Expect::Encap { kind: 5, attrs: "300001000000000000040401010000000000000000000000000000000000000020010db8000000000000000000000001", consumed: 5 }),
    ("seg6 mode encap segs 2001:db8::1,2001:db8::2,2001:db8::3 dev lo", Expect::Encap { kind: 5, attrs: "4000010001000000000604020200000020010db800000000000000000000000320010db800000000000000000000000220010db8000000000000000000000001", consumed: 5 }),
    ("seg6 mode l2encap segs 2001:db8::1 dev lo", Expect::Encap { kind: 5, attrs: "2000010002000000000204000000000020010db8000000000000000000000001", consumed: 5 }),
    ("seg6 mode encap.red segs 2001:db8::1 dev lo", Expect::Encap { kind: 5, attrs: "2000010003000000000204000000000020010db8000000000000000000000001", consumed: 5 }),
    ("seg6 mode l2encap.red segs 2001:db8::1 dev lo", Expect::Encap { kind: 5, attrs: "2000010004000000000204000000000020010db8000000000000000000000001", consumed: 5 }),
    ("seg6 mode encap segs 2001:db8::1 hmac 5 dev lo", Expect::Encap { kind: 5, attrs: "4800010001000000000704000008000020010db800000000000000000000000105260000000000050000000000000000000000000000000000000000000000000000000000000000", consumed: 7 }),
    ("seg6 mode inline segs 2001:db8::1,2001:db8::2 hmac 0x10 dev lo", Expect::Encap { kind: 5, attrs: "6800010000000000000b0402020800000000000000000000000000000000000020010db800000000000000000000000220010db800000000000000000000000105260000000000100000000000000000000000000000000000000000000000000000000000000000", consumed: 7 }),
    ("seg6 hmac 7 mode encap segs 2001:db8::1 dev lo", Expect::Encap { kind: 5, attrs: "4800010001000000000704000008000020010db800000000000000000000000105260000000000070000000000000000000000000000000000000000000000000000000000000000", consumed: 7 }),
    ("seg6 mode foo segs 2001:db8::1 dev lo", Expect::Fails { stderr: "Error: argument \"foo\" is wrong: \"mode\" value is invalid\n\n", status: 255 }),
    ("seg6 segs 2001:db8::1 mode encap dev lo", Expect::Fails { stderr: "Error: argument \"2001:db8::1\" is wrong: \"segs\" provided before \"mode\"\n\n", status: 255 }),
    ("seg6 mode encap mode encap dev lo", Expect::Fails { stderr: "Error: either \"mode\" is duplicate, or \"encap\" is a garbage.\n", status: 255 }),
    ("seg6 mode encap dev lo", Expect::Encap { kind: 5, attrs: "2000010001000000000204000000000000000000000000000000000000000000", consumed: 3 }),
    ("seg6 mode encap segs 192.0.2.1 dev lo", Expect::Fails { stderr: "Error: inet6 address is expected rather than \"192.0.2.1\".\n", status: 1 }),
    ("seg6 mode encap segs 2001:db8::1 hmac foo dev lo", Expect::Encap { kind: 5, attrs: "2000010001000000000204000000000020010db8000000000000000000000001", consumed: 7 }),
    ("seg6 mode encap segs 2001:db8::1,,2001:db8::2 dev lo", Expect::Encap { kind: 5, attrs: "400001000100000000060402020000000000000000000000000000000000000020010db800000000000000000000000220010db8000000000000000000000001", consumed: 5 }),
    ("seg6 dev lo", Expect::Encap { kind: 5, attrs: "20000100ffffffff000204000000000000000000000000000000000000000000", consumed: 1 }),
    ("seg6 mode inline segs 2001:db8::1 mode encap dev lo", Expect::Fails { stderr: "Error: either \"mode\" is duplicate, or \"encap\" is a garbage.\n", status: 255 }),
    ("seg6 mode encap segs 2001:db8::1 segs 2001:db8::2 dev lo", Expect::Fails { stderr: "Error: either \"segs\" is duplicate, or \"2001:db8::2\" is a garbage.\n", status: 255 }),
    ("seg6 mode encap segs 2001:db8::1 hmac 1 hmac 2 dev lo", Expect::Fails { stderr: "Error: either \"hmac\" is duplicate, or \"2\" is a garbage.\n", status: 255 }),
    ("seg6 mode encap segs ::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1 dev lo", Expect::Encap { kind: 5, attrs: "10000100010000000000047f7f000000", consumed: 5 }),
    ("seg6 mode inline segs ::1,::2,::3,::4,::5,::6,::7,::8,::9,::a,::b,::c,::d,::e,::f,::10,::11,::12,::13,::14,::15,::16,::17,::18,::19,::1a,::1b,::1c,::1d,::1e,::1f,::20,::21,::22,::23,::24,::25,::26,::27,::28,::29,::2a,::2b,::2c,::2d,::2e,::2f,::30,::31,::32,::33,::34,::35,::36,::37,::38,::39,::3a,::3b,::3c,::3d,::3e,::3f,::40,::41,::42,::43,::44,::45,::46,::47,::48,::49,::4a,::4b,::4c,::4d,::4e,::4f,::50,::51,::52,::53,::54,::55,::56,::57,::58,::59,::5a,::5b,::5c,::5d,::5e,::5f,::60,::61,::62,::63,::64,::65,::66,::67,::68,::69,::6a,::6b,::6c,::6d,::6e,::6f,::70,::71,::72,::73,::74,::75,::76,::77,::78,::79,::7a,::7b,::7c,::7d,::7e,::7f,::80,::81,::82,::83,::84,::85,::86,::87,::88,::89,::8a,::8b,::8c,::8d,::8e,::8f,::90,::91,::92,::93,::94,::95,::96,::97,::98,::99,::9a,::9b,::9c,::9d,::9e,::9f,::a0,::a1,::a2,::a3,::a4,::a5,::a6,::a7,::a8,::a9,::aa,::ab,::ac,::ad,::ae,::af,::b0,::b1,::b2,::b3,::b4,::b5,::b6,::b7,::b8,::b9,::ba,::bb,::bc,::bd,::be,::bf,::c0,::c1,::c2,::c3,::c4,::c5,::c6,::c7,::c8 dev lo", Expect::Fails { stderr: "rta_addattr_l: Error! max allowed bound 1024 exceeded\n", status: 255 }),
    ("seg6 mode encap segs ::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,::,:: hmac 4 dev lo", Expect::Encap { kind: 5, attrs: "3800010001000000000504ffff08000000000000000000000000000000000000000000000000000000000000000000000000000000000000", consumed: 7 }),
];

#[test]
fn seg6() {
    check(SEG6);
}

#[rustfmt::skip]
const SEG6LOCAL: &[(&str, Expect)] = &[
    ("seg6local action End dev lo", Expect::Encap { kind: 7, attrs: "0800010001000000", consumed: 3 }),
    ("seg6local action End.X nh6 2001:db8::1 dev lo", Expect::Encap { kind: 7, attrs: "08000100020000001400050020010db8000000000000000000000001", consumed: 5 }),
    ("seg6local action End.T table 100 dev lo", Expect::Encap { kind: 7, attrs: "08000100030000000800030064000000", consumed: 5 }),
    ("seg6local action End.T table main dev lo", Expect::Encap { kind: 7, attrs: "080001000300000008000300fe000000", consumed: 5 }),
    ("seg6local action End.DX2 oif lo dev lo", Expect::Encap { kind: 7, attrs: "08000100040000000800070001000000", consumed: 5 }),
    ("seg6local action End.DX6 nh6 2001:db8::1 dev lo", Expect::Encap { kind: 7, attrs: "08000100050000001400050020010db8000000000000000000000001", consumed: 5 }),
    ("seg6local action End.DX4 nh4 192.0.2.1 dev lo", Expect::Encap { kind: 7, attrs: "080001000600000008000400c0000201", consumed: 5 }),
    ("seg6local action End.DT6 table 200 dev lo", Expect::Encap { kind: 7, attrs: "080001000700000008000300c8000000", consumed: 5 }),
    ("seg6local action End.DT4 vrftable 300 dev lo", Expect::Encap { kind: 7, attrs: "0800010008000000080009002c010000", consumed: 5 }),
    ("seg6local action End.DT46 vrftable local dev lo", Expect::Encap { kind: 7, attrs: "080001001000000008000900ff000000", consumed: 5 }),
    ("seg6local action End.B6 srh segs 2001:db8::1,2001:db8::2 dev lo", Expect::Encap { kind: 7, attrs: "08000100090000003c00020000060402020000000000000000000000000000000000000020010db800000000000000000000000220010db8000000000000000000000001", consumed: 6 }),
    ("seg6local action End.B6.Encaps srh segs 2001:db8::1 hmac 9 dev lo", Expect::Encap { kind: 7, attrs: "080001000a00000044000200000704000008000020010db800000000000000000000000105260000000000090000000000000000000000000000000000000000000000000000000000000000", consumed: 8 }),
    ("seg6local action End.BM srh segs 2001:db8::1 dev lo", Expect::Encap { kind: 7, attrs: "080001000b0000002c00020000040401010000000000000000000000000000000000000020010db8000000000000000000000001", consumed: 6 }),
    ("seg6local action End.S dev lo", Expect::Encap { kind: 7, attrs: "080001000c000000", consumed: 3 }),
    ("seg6local action End.AS dev lo", Expect::Encap { kind: 7, attrs: "080001000d000000", consumed: 3 }),
    ("seg6local action End.AM dev lo", Expect::Encap { kind: 7, attrs: "080001000e000000", consumed: 3 }),
    ("seg6local action End.BPF dev lo", Expect::Encap { kind: 7, attrs: "080001000f000000", consumed: 3 }),
    ("seg6local action End iif lo dev lo", Expect::Encap { kind: 7, attrs: "08000100010000000800060001000000", consumed: 5 }),
    ("seg6local action End count dev lo", Expect::Encap { kind: 7, attrs: "080001000100000028000a800c00020000000000000000000c00030000000000000000000c0004000000000000000000", consumed: 4 }),
    ("seg6local action End flavors psp dev lo", Expect::Encap { kind: 7, attrs: "08000100010000000c000b800800010002000000", consumed: 5 }),
    ("seg6local action End flavors psp,usp,usd dev lo", Expect::Encap { kind: 7, attrs: "08000100010000000c000b80080001000e000000", consumed: 5 }),
    ("seg6local action End flavors next-csid dev lo", Expect::Encap { kind: 7, attrs: "08000100010000000c000b800800010010000000", consumed: 5 }),
    ("seg6local action End flavors next-csid lblen 32 nflen 16 dev lo", Expect::Encap { kind: 7, attrs: "08000100010000001c000b80080001001000000005000200200000000500030010000000", consumed: 9 }),
    ("seg6local action End flavors next-csid nflen 16 dev lo", Expect::Encap { kind: 7, attrs: "080001000100000014000b8008000100100000000500030010000000", consumed: 7 }),
    ("seg6local action End flavors NEXT-CSID,PSP lblen 8 dev lo", Expect::Encap { kind: 7, attrs: "080001000100000014000b8008000100120000000500020008000000", consumed: 7 }),
    ("seg6local action End flavors foo dev lo", Expect::Fails { stderr: "Error: argument \"foo\" is wrong: invalid \"flavors\" attribute\n\n", status: 255 }),
    ("seg6local action End flavors psp,psp dev lo", Expect::Fails { stderr: "Error: argument \"psp,psp\" is wrong: invalid \"flavors\" attribute\n\n", status: 255 }),
    ("seg6local action End flavors next-csid lblen 300 dev lo", Expect::Fails { stderr: "Error: argument \"300\" is wrong: \"locator-block length\" value is invalid\n\n", status: 255 }),
    ("seg6local action End flavors next-csid lblen 8 lblen 9 dev lo", Expect::Consumed(7)),
    ("seg6local action End flavors next-csid nflen 8 lblen 9 dev lo", Expect::Consumed(7)),
    ("seg6local action End flavors next-csid count dev lo", Expect::Encap { kind: 7, attrs: "08000100010000000c000b80080001001000000028000a800c00020000000000000000000c00030000000000000000000c0004000000000000000000", consumed: 6 }),
    ("seg6local action End flavors psp count dev lo", Expect::Encap { kind: 7, attrs: "08000100010000000c000b80080001000200000028000a800c00020000000000000000000c00030000000000000000000c0004000000000000000000", consumed: 6 }),
    ("seg6local action Foo dev lo", Expect::Fails { stderr: "Error: argument \"Foo\" is wrong: \"action\" value is invalid\n\n", status: 255 }),
    ("seg6local table 100 dev lo", Expect::Fails { stderr: "Missing action type\n", status: 255 }),
    ("seg6local dev lo", Expect::Fails { stderr: "Missing action type\n", status: 255 }),
    ("seg6local action End action End dev lo", Expect::Fails { stderr: "Error: either \"action\" is duplicate, or \"End\" is a garbage.\n", status: 255 }),
    ("seg6local action End oif nosuchdev dev lo", Expect::Fails { stderr: "Cannot find device \"nosuchdev\"\n", status: 255 }),
    ("seg6local action End iif nosuchdev dev lo", Expect::Fails { stderr: "Cannot find device \"nosuchdev\"\n", status: 255 }),
    ("seg6local action End table foo dev lo", Expect::Fails { stderr: "Error: argument \"foo\" is wrong: invalid table id\n\n", status: 255 }),
    ("seg6local action End vrftable foo dev lo", Expect::Fails { stderr: "Error: argument \"foo\" is wrong: invalid vrf table id\n\n", status: 255 }),
    ("seg6local action End nh4 2001:db8::1 dev lo", Expect::Fails { stderr: "Error: inet address is expected rather than \"2001:db8::1\".\n", status: 1 }),
    ("seg6local action End srh foo dev lo", Expect::Fails { stderr: "Error: argument \"foo\" is wrong: missing \"segs\" attribute for srh\n\n", status: 255 }),
    ("seg6local action End srh segs 2001:db8::1 srh segs 2001:db8::2 dev lo", Expect::Fails { stderr: "Error: either \"srh\" is duplicate, or \"segs\" is a garbage.\n", status: 255 }),
    ("seg6local action End srh segs 2001:db8::1", Expect::Consumed(5)),
    ("seg6local action End srh segs 2001:db8::1 hmac 3 hmac 4 dev lo", Expect::Consumed(8)),
    ("seg6local action End count count dev lo", Expect::Fails { stderr: "Error: either \"count\" is duplicate, or \"count\" is a garbage.\n", status: 255 }),
    ("seg6local action End.DT6 table 1 count flavors psp dev lo", Expect::Encap { kind: 7, attrs: "0800010007000000080003000100000028000a800c00020000000000000000000c00030000000000000000000c00040000000000000000000c000b800800010002000000", consumed: 8 }),
    ("seg6local srh segs 2001:db8::1 action End.B6.Encaps dev lo", Expect::Encap { kind: 7, attrs: "080001000a0000001c000200000204000000000020010db8000000000000000000000001", consumed: 6 }),
    ("seg6local action End srh segs 2001:db8::1 table 5 dev lo", Expect::Encap { kind: 7, attrs: "080001000100000008000300050000002c00020000040401010000000000000000000000000000000000000020010db8000000000000000000000001", consumed: 8 }),
    ("seg6local action End endpoint obj /nonexistent dev lo", Expect::Fails { stderr: "Cannot initialize ELF context!\nFailed to parse eBPF program: Operation not permitted\n", status: 255 }),
    ("seg6local action End nh6 2001:db8::1 nh4 192.0.2.1 iif lo oif lo table 7 vrftable 8 dev lo", Expect::Encap { kind: 7, attrs: "08000100010000001400050020010db800000000000000000000000108000400c00002010800060001000000080007000100000008000300070000000800090008000000", consumed: 15 }),
    ("seg6local action End endpoint foo dev lo", Expect::Fails { stderr: "What mode is \"foo\"?\nFailed to parse eBPF program: Operation not permitted\n", status: 255 }),
    ("seg6local action End.DX4 nh4 192.0.2.1 nh4 192.0.2.2 dev lo", Expect::Fails { stderr: "Error: either \"nh4\" is duplicate, or \"192.0.2.2\" is a garbage.\n", status: 255 }),
    ("seg6local action End.DX6 nh6 2001:db8::1 nh6 2001:db8::2 dev lo", Expect::Fails { stderr: "Error: either \"nh6\" is duplicate, or \"2001:db8::2\" is a garbage.\n", status: 255 }),
    ("seg6local action End table 1 table 2 dev lo", Expect::Fails { stderr: "Error: either \"table\" is duplicate, or \"2\" is a garbage.\n", status: 255 }),
    ("seg6local action End flavors psp flavors usp dev lo", Expect::Fails { stderr: "Error: either \"flavors\" is duplicate, or \"usp\" is a garbage.\n", status: 255 }),
    ("seg6local action End iif lo iif lo dev lo", Expect::Fails { stderr: "Error: either \"iif\" is duplicate, or \"lo\" is a garbage.\n", status: 255 }),
    ("seg6local action End flavors ,psp,, dev lo", Expect::Encap { kind: 7, attrs: "08000100010000000c000b800800010002000000", consumed: 5 }),
    ("seg6local action End flavors , dev lo", Expect::Encap { kind: 7, attrs: "08000100010000000c000b800800010000000000", consumed: 5 }),
    ("seg6local action End.BPF endpoint obj /bin/true dev lo", Expect::Fails { stderr: "ELF format error, ELF file not for eBPF?\nCannot initialize ELF context!\nFailed to parse eBPF program: Invalid argument\n", status: 255 }),
    ("seg6local action End.B6 srh segs ::1,::2,::3,::4,::5,::6,::7,::8,::9,::a,::b,::c,::d,::e,::f,::10,::11,::12,::13,::14,::15,::16,::17,::18,::19,::1a,::1b,::1c,::1d,::1e,::1f,::20,::21,::22,::23,::24,::25,::26,::27,::28,::29,::2a,::2b,::2c,::2d,::2e,::2f,::30,::31,::32,::33,::34,::35,::36,::37,::38,::39,::3a,::3b,::3c,::3d,::3e,::3f,::40,::41,::42,::43,::44,::45,::46,::47,::48,::49,::4a,::4b,::4c,::4d,::4e,::4f,::50,::51,::52,::53,::54,::55,::56,::57,::58,::59,::5a,::5b,::5c,::5d,::5e,::5f,::60,::61,::62,::63,::64,::65,::66,::67,::68,::69,::6a,::6b,::6c,::6d,::6e,::6f,::70,::71,::72,::73,::74,::75,::76,::77,::78,::79,::7a,::7b,::7c,::7d,::7e,::7f,::80,::81,::82,::83,::84,::85,::86,::87,::88,::89,::8a,::8b,::8c,::8d,::8e,::8f,::90,::91,::92,::93,::94,::95,::96,::97,::98,::99,::9a,::9b,::9c,::9d,::9e,::9f,::a0,::a1,::a2,::a3,::a4,::a5,::a6,::a7,::a8,::a9,::aa,::ab,::ac,::ad,::ae,::af,::b0,::b1,::b2,::b3,::b4,::b5,::b6,::b7,::b8,::b9,::ba,::bb,::bc,::bd,::be,::bf,::c0,::c1,::c2,::c3,::c4,::c5,::c6,::c7,::c8 dev lo", Expect::Fails { stderr: "rta_addattr_l: Error! max allowed bound 1024 exceeded\n", status: 255 }),
];

#[test]
fn seg6local() {
    check(SEG6LOCAL);
}

#[rustfmt::skip]
const RPL: &[(&str, Expect)] = &[
    ("rpl segs 2001:db8::1 dev lo", Expect::Encap { kind: 8, attrs: "1c000100000203010000000020010db8000000000000000000000001", consumed: 3 }),
    ("rpl segs 2001:db8::1,2001:db8::2,2001:db8::3 dev lo", Expect::Encap { kind: 8, attrs: "3c000100000603030000000020010db800000000000000000000000320010db800000000000000000000000220010db8000000000000000000000001", consumed: 3 }),
    ("rpl segs 2001:db8::1 segs 2001:db8::2 dev lo", Expect::Fails { stderr: "Error: either \"segs\" is duplicate, or \"2001:db8::2\" is a garbage.\n", status: 255 }),
    ("rpl dev lo", Expect::Encap { kind: 8, attrs: "1c000100000203010000000000000000000000000000000000000000", consumed: 1 }),
    ("rpl segs 10.0.0.1 dev lo", Expect::Fails { stderr: "Error: inet6 address is expected rather than \"10.0.0.1\".\n", status: 1 }),
    ("rpl segs 2001:db8::1,,2001:db8::3 dev lo", Expect::Encap { kind: 8, attrs: "3c00010000060303000000000000000000000000000000000000000020010db800000000000000000000000320010db8000000000000000000000001", consumed: 3 }),
    ("rpl segs ::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1,::1 dev lo", Expect::Encap { kind: 8, attrs: "0c0001000000038000000000", consumed: 3 }),
];

#[test]
fn rpl() {
    check(RPL);
}

#[rustfmt::skip]
const IOAM6: &[(&str, Expect)] = &[
    ("ioam6 trace prealloc type 0x800000 ns 1 size 12 dev lo", Expect::Encap { kind: 9, attrs: "0800040001000000080005000100000005000100010000000c0003000001000380000000", consumed: 9 }),
    ("ioam6 freq 2/5 mode encap tundst 2001:db8::1 trace prealloc type 0x1 ns 0xffff size 244 dev lo", Expect::Encap { kind: 9, attrs: "0800040002000000080005000500000005000100020000001400020020010db80000000000000000000000010c000300ffff003d00000100", consumed: 15 }),
    ("ioam6 mode auto tundst 2001:db8::1 trace prealloc type 0x800000 ns 1 size 4 dev lo", Expect::Encap { kind: 9, attrs: "0800040001000000080005000100000005000100030000001400020020010db80000000000000000000000010c0003000001000180000000", consumed: 13 }),
    ("ioam6 mode inline trace prealloc size 8 ns 2 type 3 dev lo", Expect::Encap { kind: 9, attrs: "0800040001000000080005000100000005000100010000000c0003000002000200000300", consumed: 11 }),
    ("ioam6 freq 5/2 trace prealloc type 1 ns 1 size 4 dev lo", Expect::Fails { stderr: "Error: argument \"5/2\" is wrong: Frequency with k > n is forbidden\n", status: 255 }),
    ("ioam6 freq 0/2 trace prealloc type 1 ns 1 size 4 dev lo", Expect::Fails { stderr: "Error: argument \"0/2\" is wrong: Out of bound \"k\" frequency\n", status: 255 }),
    ("ioam6 freq 1/1000001 trace prealloc type 1 ns 1 size 4 dev lo", Expect::Fails { stderr: "Error: argument \"1/1000001\" is wrong: Out of bound \"n\" frequency\n", status: 255 }),
    ("ioam6 freq 1 trace prealloc type 1 ns 1 size 4 dev lo", Expect::Fails { stderr: "Error: argument \"1\" is wrong: Invalid frequency (malformed)\n", status: 255 }),
    ("ioam6 freq 1/2/3 trace prealloc type 1 ns 1 size 4 dev lo", Expect::Fails { stderr: "Error: argument \"1/2/3\" is wrong: Invalid frequency (malformed)\n", status: 255 }),
    ("ioam6 freq 12345678901234/1 trace prealloc type 1 ns 1 size 4 dev lo", Expect::Fails { stderr: "Error: argument \"12345678901234/1\" is wrong: Invalid frequency (too long)\n", status: 255 }),
    ("ioam6 mode foo trace prealloc type 1 ns 1 size 4 dev lo", Expect::Fails { stderr: "Error: argument \"foo\" is wrong: Invalid mode\n", status: 255 }),
    ("ioam6 mode encap trace prealloc type 1 ns 1 size 4 dev lo", Expect::Fails { stderr: "Error: argument \"tundst\" is required\n", status: 255 }),
    ("ioam6 mode inline tundst 2001:db8::1 trace prealloc type 1 ns 1 size 4 dev lo", Expect::Fails { stderr: "Error: argument \"tundst\" is wrong: Inline mode does not need tundst\n", status: 255 }),
    ("ioam6 mode encap tundst 192.0.2.1 trace prealloc type 1 ns 1 size 4 dev lo", Expect::Fails { stderr: "Error: inet6 address is expected rather than \"192.0.2.1\".\n", status: 1 }),
    ("ioam6 prealloc type 1 ns 1 size 4 dev lo", Expect::Fails { stderr: "Error: argument \"trace\" is required\n", status: 255 }),
    ("ioam6 trace type 1 ns 1 size 4 dev lo", Expect::Fails { stderr: "Error: argument \"prealloc\" is required\n", status: 255 }),
    ("ioam6 trace prealloc type 0 ns 1 size 4 dev lo", Expect::Fails { stderr: "Error: argument \"0\" is wrong: Invalid trace type\n", status: 255 }),
    ("ioam6 trace prealloc type 1 ns 1 size 5 dev lo", Expect::Fails { stderr: "Error: argument \"5\" is wrong: Trace size must be a 4-octet multiple\n", status: 255 }),
    ("ioam6 trace prealloc type 1 ns 1 size 248 dev lo", Expect::Fails { stderr: "Error: argument \"248\" is wrong: Trace size is too big\n", status: 255 }),
    ("ioam6 trace prealloc type 1 ns 1 size 0 dev lo", Expect::Fails { stderr: "Error: argument \"0\" is wrong: Invalid trace size\n", status: 255 }),
    ("ioam6 trace prealloc type 1 ns 70000 size 4 dev lo", Expect::Fails { stderr: "Error: argument \"70000\" is wrong: Invalid namespace ID\n", status: 255 }),
    ("ioam6 trace prealloc type 1 type 2 ns 1 size 4 dev lo", Expect::Fails { stderr: "Error: either \"type\" is duplicate, or \"2\" is a garbage.\n", status: 255 }),
    ("ioam6 trace prealloc type 1 ns 1 ns 2 size 4 dev lo", Expect::Fails { stderr: "Error: either \"ns\" is duplicate, or \"2\" is a garbage.\n", status: 255 }),
    ("ioam6 trace prealloc type 1 ns 1 size 4 size 8 dev lo", Expect::Fails { stderr: "Error: either \"size\" is duplicate, or \"8\" is a garbage.\n", status: 255 }),
    ("ioam6 trace prealloc ns 1 size 4 dev lo", Expect::Fails { stderr: "Error: argument \"type\" is required\n", status: 255 }),
    ("ioam6 trace prealloc type 1 size 4 dev lo", Expect::Fails { stderr: "Error: argument \"ns\" is required\n", status: 255 }),
    ("ioam6 trace prealloc type 1 ns 1 dev lo", Expect::Fails { stderr: "Error: argument \"size\" is required\n", status: 255 }),
    ("ioam6 trace prealloc type 1 ns 1 size 4", Expect::Consumed(8)),
    ("ioam6 trace prealloc type 1 ns 1 size", Expect::Fails { stderr: "Command line is not complete. Try option \"help\"\n", status: 255 }),
    ("ioam6 freq 1/1 trace prealloc type 1 ns 1 size 4 dev lo", Expect::Encap { kind: 9, attrs: "0800040001000000080005000100000005000100010000000c0003000001000100000100", consumed: 11 }),
    ("ioam6 freq /5 trace prealloc type 1 ns 1 size 4 dev lo", Expect::Fails { stderr: "Error: argument \"/5\" is wrong: Invalid frequency (malformed)\n", status: 255 }),
    ("ioam6 freq 0x1/2 trace prealloc type 1 ns 1 size 4 dev lo", Expect::Fails { stderr: "Error: argument \"0x1/2\" is wrong: Invalid frequency (malformed)\n", status: 255 }),
    ("ioam6 mode auto trace prealloc type 1 ns 1 size 4 dev lo", Expect::Fails { stderr: "Error: argument \"tundst\" is required\n", status: 255 }),
];

#[test]
fn ioam6() {
    check(IOAM6);
}

#[rustfmt::skip]
const XFRM: &[(&str, Expect)] = &[
    ("xfrm if_id 5 dev lo", Expect::Encap { kind: 10, attrs: "0800010005000000", consumed: 5 }),
    ("xfrm if_id 5 link_dev lo", Expect::Encap { kind: 10, attrs: "08000100050000000800020001000000", consumed: 5 }),
    ("xfrm if_id 0 link_dev lo", Expect::Fails { stderr: "Error: argument \"0\" is wrong: \"if_id\" value is invalid\n\n", status: 255 }),
    ("xfrm if_id foo link_dev lo", Expect::Fails { stderr: "Error: argument \"foo\" is wrong: \"if_id\" value is invalid\n\n", status: 255 }),
    ("xfrm link_dev lo if_id 5", Expect::Encap { kind: 10, attrs: "08000200010000000800010005000000", consumed: 5 }),
    ("xfrm link_dev nosuch if_id 5", Expect::Fails { stderr: "Cannot find device \"nosuch\"\n", status: 255 }),
    ("xfrm if_id 5 if_id 6", Expect::Fails { stderr: "Error: either \"if_id\" is duplicate, or \"6\" is a garbage.\n", status: 255 }),
    ("xfrm link_dev lo link_dev lo", Expect::Fails { stderr: "Error: either \"link_dev\" is duplicate, or \"lo\" is a garbage.\n", status: 255 }),
    ("xfrm help foo", Expect::Fails { stderr: "Usage: ip route ... encap xfrm if_id IF_ID [ link_dev LINK ]\n", status: 255 }),
    ("xfrm link_dev lo foo", Expect::Fails { stderr: "Usage: ip route ... encap xfrm if_id IF_ID [ link_dev LINK ]\n", status: 255 }),
    ("xfrm if_id 0xffffffff dev lo", Expect::Encap { kind: 10, attrs: "08000100ffffffff", consumed: 5 }),
];

#[test]
fn xfrm() {
    check(XFRM);
}

#[rustfmt::skip]
const ILA: &[(&str, Expect)] = &[
    ("ila 2001:db8:1:2 dev lo", Expect::Encap { kind: 3, attrs: "0c00010020010db800010002", consumed: 2 }),
    ("ila 2001:db8:1:2 csum-mode adj-transport ident-type luid hook-type output dev lo", Expect::Encap { kind: 3, attrs: "0c00010020010db800010002050007000000000005000800010000000500090000000000", consumed: 8 }),
    ("ila 2001:db8:1:2 csum-mode neutral-map ident-type use-format hook-type input dev lo", Expect::Encap { kind: 3, attrs: "0c00010020010db800010002050007000100000005000800200000000500090001000000", consumed: 8 }),
    ("ila 2001:db8:1:2 csum-mode no-action csum-mode neutral-map-auto dev lo", Expect::Encap { kind: 3, attrs: "0c00010020010db80001000205000700020000000500070003000000", consumed: 6 }),
    ("ila foo dev lo", Expect::Fails { stderr: "Bad locator: foo\n", status: 1 }),
    ("ila 2001:db8:1:2 csum-mode foo dev lo", Expect::Fails { stderr: "Error: argument \"foo\" is wrong: \"csum-mode\" value is invalid\n\n", status: 255 }),
    ("ila 2001:db8:1:2 ident-type foo dev lo", Expect::Fails { stderr: "Error: argument \"foo\" is wrong: \"ident-type\" value is invalid\n\n", status: 255 }),
    ("ila 2001:db8:1:2 hook-type foo dev lo", Expect::Fails { stderr: "Error: argument \"foo\" is wrong: \"hook-type\" value is invalid\n\n", status: 255 }),
    ("ila 0x1:ffff:0:10000 dev lo", Expect::Fails { stderr: "Bad locator: 0x1:ffff:0:10000\n", status: 1 }),
    ("ila 1:2:3:4:5 dev lo", Expect::Fails { stderr: "Bad locator: 1:2:3:4:5\n", status: 1 }),
];

#[test]
fn ila() {
    check(ILA);
}

#[rustfmt::skip]
const BPF: &[(&str, Expect)] = &[
    ("bpf headroom 10 dev lo", Expect::Encap { kind: 6, attrs: "080004000a000000", consumed: 3 }),
    ("bpf headroom 10 headroom 20 dev lo", Expect::Encap { kind: 6, attrs: "080004000a000000", consumed: 5 }),
    ("bpf headroom 0 dev lo", Expect::Fails { stderr: "Error: argument \"0\" is wrong: headroom is invalid\n\n", status: 255 }),
    ("bpf headroom foo dev lo", Expect::Fails { stderr: "Error: argument \"foo\" is wrong: headroom is invalid\n\n", status: 255 }),
    ("bpf help dev lo", Expect::Fails { stderr: "Usage: ip route ... encap bpf [ in BPF ] [ out BPF ] [ xmit BPF ] [...]\nBPF := obj FILE [ section NAME ] [ verbose ]\n", status: 255 }),
    ("bpf in obj /nonexistent dev lo", Expect::Fails { stderr: "Cannot initialize ELF context!\nFailed to parse eBPF program: Operation not permitted\n", status: 255 }),
    ("bpf in foo dev lo", Expect::Fails { stderr: "What mode is \"foo\"?\nFailed to parse eBPF program: Operation not permitted\n", status: 255 }),
    ("bpf dev lo", Expect::Encap { kind: 6, attrs: "", consumed: 1 }),
    ("bpf xmit obj /nonexistent section foo headroom 5 dev lo", Expect::Fails { stderr: "Cannot initialize ELF context!\nFailed to parse eBPF program: Operation not permitted\n", status: 255 }),
    ("bpf in pinned /nonexistent dev lo", Expect::Fails { stderr: "Couldn't retrieve pinned program '/nonexistent': No such file or directory\nFailed to parse eBPF program: Operation not permitted\n", status: 255 }),
    ("bpf in bytecode 1 dev lo", Expect::Fails { stderr: "What mode is \"bytecode\"?\nFailed to parse eBPF program: Operation not permitted\n", status: 255 }),
    ("bpf in obj /nonexistent dev lo", Expect::Fails { stderr: "Cannot initialize ELF context!\nFailed to parse eBPF program: Operation not permitted\n", status: 255 }),
    ("bpf in obj /etc/passwd dev lo", Expect::Fails { stderr: "Cannot initialize ELF context!\nFailed to parse eBPF program: Invalid argument\n", status: 255 }),
    ("bpf out obj / section foo dev lo", Expect::Fails { stderr: "Cannot initialize ELF context!\nFailed to parse eBPF program: Invalid argument\n", status: 255 }),
    ("bpf xmit obj /bin/true section foo verbose dev lo", Expect::Fails { stderr: "ELF format error, ELF file not for eBPF?\nCannot initialize ELF context!\nFailed to parse eBPF program: Invalid argument\n", status: 255 }),
    ("bpf in obj", Expect::Fails { stderr: "Command line is not complete. Try option \"help\"\n", status: 255 }),
    ("bpf in obj /bin/true section", Expect::Fails { stderr: "Command line is not complete. Try option \"help\"\n", status: 255 }),
];

#[test]
fn bpf() {
    check(BPF);
}

#[rustfmt::skip]
const ENCAP_TYPES: &[(&str, Expect)] = &[
    ("foo dev lo", Expect::Fails { stderr: "Error: argument \"foo\" is wrong: \"encap type\" value is invalid\n\n", status: 255 }),
    ("help dev lo", Expect::Fails { stderr: "Usage: ip route ... encap TYPE [ OPTIONS ] [...]\nmpls TYPE := \nip       \nila       \nip6       \nseg6       \nbpf       \nseg6local       \nrpl       \nioam6       \nxfrm       \n", status: 255 }),
    ("MPLS 100 dev lo", Expect::Fails { stderr: "Error: argument \"MPLS\" is wrong: \"encap type\" value is invalid\n\n", status: 255 }),
];

#[test]
fn encap_types() {
    check(ENCAP_TYPES);
}

#[rustfmt::skip]
const TOO_LONG: &[(&str, Expect)] = &[
    ("seg6 mode encap segs 2001:db8::1,2001:db8::2,2001:db8::3,2001:db8::4,2001:db8::5,2001:db8::6,2001:db8::7,2001:db8::8,2001:db8::9,2001:db8::a,2001:db8::b,2001:db8::c,2001:db8::d,2001:db8::e,2001:db8::f,2001:db8::10,2001:db8::11,2001:db8::12,2001:db8::13,2001:db8::14,2001:db8::15,2001:db8::16,2001:db8::17,2001:db8::18,2001:db8::19,2001:db8::1a,2001:db8::1b,2001:db8::1c,2001:db8::1d,2001:db8::1e,2001:db8::1f,2001:db8::20,2001:db8::21,2001:db8::22,2001:db8::23,2001:db8::24,2001:db8::25,2001:db8::26,2001:db8::27,2001:db8::28,2001:db8::29,2001:db8::2a,2001:db8::2b,2001:db8::2c,2001:db8::2d,2001:db8::2e,2001:db8::2f,2001:db8::30,2001:db8::31,2001:db8::32,2001:db8::33,2001:db8::34,2001:db8::35,2001:db8::36,2001:db8::37,2001:db8::38,2001:db8::39,2001:db8::3a,2001:db8::3b,2001:db8::3c,2001:db8::3d,2001:db8::3e dev lo", Expect::Consumed(5)),
    ("seg6 mode encap segs 2001:db8::1,2001:db8::2,2001:db8::3,2001:db8::4,2001:db8::5,2001:db8::6,2001:db8::7,2001:db8::8,2001:db8::9,2001:db8::a,2001:db8::b,2001:db8::c,2001:db8::d,2001:db8::e,2001:db8::f,2001:db8::10,2001:db8::11,2001:db8::12,2001:db8::13,2001:db8::14,2001:db8::15,2001:db8::16,2001:db8::17,2001:db8::18,2001:db8::19,2001:db8::1a,2001:db8::1b,2001:db8::1c,2001:db8::1d,2001:db8::1e,2001:db8::1f,2001:db8::20,2001:db8::21,2001:db8::22,2001:db8::23,2001:db8::24,2001:db8::25,2001:db8::26,2001:db8::27,2001:db8::28,2001:db8::29,2001:db8::2a,2001:db8::2b,2001:db8::2c,2001:db8::2d,2001:db8::2e,2001:db8::2f,2001:db8::30,2001:db8::31,2001:db8::32,2001:db8::33,2001:db8::34,2001:db8::35,2001:db8::36,2001:db8::37,2001:db8::38,2001:db8::39,2001:db8::3a,2001:db8::3b,2001:db8::3c,2001:db8::3d,2001:db8::3e,2001:db8::3f dev lo", Expect::Fails { stderr: "rta_addattr_l: Error! max allowed bound 1024 exceeded\n", status: 255 }),
    ("seg6 mode inline segs 2001:db8::1,2001:db8::2,2001:db8::3,2001:db8::4,2001:db8::5,2001:db8::6,2001:db8::7,2001:db8::8,2001:db8::9,2001:db8::a,2001:db8::b,2001:db8::c,2001:db8::d,2001:db8::e,2001:db8::f,2001:db8::10,2001:db8::11,2001:db8::12,2001:db8::13,2001:db8::14,2001:db8::15,2001:db8::16,2001:db8::17,2001:db8::18,2001:db8::19,2001:db8::1a,2001:db8::1b,2001:db8::1c,2001:db8::1d,2001:db8::1e,2001:db8::1f,2001:db8::20,2001:db8::21,2001:db8::22,2001:db8::23,2001:db8::24,2001:db8::25,2001:db8::26,2001:db8::27,2001:db8::28,2001:db8::29,2001:db8::2a,2001:db8::2b,2001:db8::2c,2001:db8::2d,2001:db8::2e,2001:db8::2f,2001:db8::30,2001:db8::31,2001:db8::32,2001:db8::33,2001:db8::34,2001:db8::35,2001:db8::36,2001:db8::37,2001:db8::38,2001:db8::39,2001:db8::3a,2001:db8::3b,2001:db8::3c,2001:db8::3d,2001:db8::3e dev lo", Expect::Fails { stderr: "rta_addattr_l: Error! max allowed bound 1024 exceeded\n", status: 255 }),
    ("rpl segs 2001:db8::1,2001:db8::2,2001:db8::3,2001:db8::4,2001:db8::5,2001:db8::6,2001:db8::7,2001:db8::8,2001:db8::9,2001:db8::a,2001:db8::b,2001:db8::c,2001:db8::d,2001:db8::e,2001:db8::f,2001:db8::10,2001:db8::11,2001:db8::12,2001:db8::13,2001:db8::14,2001:db8::15,2001:db8::16,2001:db8::17,2001:db8::18,2001:db8::19,2001:db8::1a,2001:db8::1b,2001:db8::1c,2001:db8::1d,2001:db8::1e,2001:db8::1f,2001:db8::20,2001:db8::21,2001:db8::22,2001:db8::23,2001:db8::24,2001:db8::25,2001:db8::26,2001:db8::27,2001:db8::28,2001:db8::29,2001:db8::2a,2001:db8::2b,2001:db8::2c,2001:db8::2d,2001:db8::2e,2001:db8::2f,2001:db8::30,2001:db8::31,2001:db8::32,2001:db8::33,2001:db8::34,2001:db8::35,2001:db8::36,2001:db8::37,2001:db8::38,2001:db8::39,2001:db8::3a,2001:db8::3b,2001:db8::3c,2001:db8::3d,2001:db8::3e,2001:db8::3f dev lo", Expect::Fails { stderr: "rta_addattr_l: Error! max allowed bound 1024 exceeded\n", status: 255 }),
    ("rpl segs 2001:db8::1,2001:db8::2,2001:db8::3,2001:db8::4,2001:db8::5,2001:db8::6,2001:db8::7,2001:db8::8,2001:db8::9,2001:db8::a,2001:db8::b,2001:db8::c,2001:db8::d,2001:db8::e,2001:db8::f,2001:db8::10,2001:db8::11,2001:db8::12,2001:db8::13,2001:db8::14,2001:db8::15,2001:db8::16,2001:db8::17,2001:db8::18,2001:db8::19,2001:db8::1a,2001:db8::1b,2001:db8::1c,2001:db8::1d,2001:db8::1e,2001:db8::1f,2001:db8::20,2001:db8::21,2001:db8::22,2001:db8::23,2001:db8::24,2001:db8::25,2001:db8::26,2001:db8::27,2001:db8::28,2001:db8::29,2001:db8::2a,2001:db8::2b,2001:db8::2c,2001:db8::2d,2001:db8::2e,2001:db8::2f,2001:db8::30,2001:db8::31,2001:db8::32,2001:db8::33,2001:db8::34,2001:db8::35,2001:db8::36,2001:db8::37,2001:db8::38,2001:db8::39,2001:db8::3a,2001:db8::3b,2001:db8::3c,2001:db8::3d,2001:db8::3e dev lo", Expect::Consumed(3)),
    ("seg6local action End.B6.Encaps srh segs 2001:db8::1,2001:db8::2,2001:db8::3,2001:db8::4,2001:db8::5,2001:db8::6,2001:db8::7,2001:db8::8,2001:db8::9,2001:db8::a,2001:db8::b,2001:db8::c,2001:db8::d,2001:db8::e,2001:db8::f,2001:db8::10,2001:db8::11,2001:db8::12,2001:db8::13,2001:db8::14,2001:db8::15,2001:db8::16,2001:db8::17,2001:db8::18,2001:db8::19,2001:db8::1a,2001:db8::1b,2001:db8::1c,2001:db8::1d,2001:db8::1e,2001:db8::1f,2001:db8::20,2001:db8::21,2001:db8::22,2001:db8::23,2001:db8::24,2001:db8::25,2001:db8::26,2001:db8::27,2001:db8::28,2001:db8::29,2001:db8::2a,2001:db8::2b,2001:db8::2c,2001:db8::2d,2001:db8::2e,2001:db8::2f,2001:db8::30,2001:db8::31,2001:db8::32,2001:db8::33,2001:db8::34,2001:db8::35,2001:db8::36,2001:db8::37,2001:db8::38,2001:db8::39,2001:db8::3a,2001:db8::3b,2001:db8::3c,2001:db8::3d,2001:db8::3e,2001:db8::3f dev lo", Expect::Fails { stderr: "rta_addattr_l: Error! max allowed bound 1024 exceeded\n", status: 255 }),
    ("seg6local action End.B6.Encaps srh segs 2001:db8::1,2001:db8::2,2001:db8::3,2001:db8::4,2001:db8::5,2001:db8::6,2001:db8::7,2001:db8::8,2001:db8::9,2001:db8::a,2001:db8::b,2001:db8::c,2001:db8::d,2001:db8::e,2001:db8::f,2001:db8::10,2001:db8::11,2001:db8::12,2001:db8::13,2001:db8::14,2001:db8::15,2001:db8::16,2001:db8::17,2001:db8::18,2001:db8::19,2001:db8::1a,2001:db8::1b,2001:db8::1c,2001:db8::1d,2001:db8::1e,2001:db8::1f,2001:db8::20,2001:db8::21,2001:db8::22,2001:db8::23,2001:db8::24,2001:db8::25,2001:db8::26,2001:db8::27,2001:db8::28,2001:db8::29,2001:db8::2a,2001:db8::2b,2001:db8::2c,2001:db8::2d,2001:db8::2e,2001:db8::2f,2001:db8::30,2001:db8::31,2001:db8::32,2001:db8::33,2001:db8::34,2001:db8::35,2001:db8::36,2001:db8::37,2001:db8::38,2001:db8::39,2001:db8::3a,2001:db8::3b,2001:db8::3c,2001:db8::3d,2001:db8::3e dev lo", Expect::Consumed(6)),
];

/// ip's 1024-byte encap buffer: the SRH that does not fit is refused (ip
/// then reads TYPE again as a route word: "to" is duplicate).
#[test]
fn too_long() {
    check(TOO_LONG);
}
