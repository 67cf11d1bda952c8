//! Kernel answers rnet cannot fully decode, fed to the link and address
//! printers: unknown attribute types, truncated attributes, payloads of
//! every wrong size, nests full of garbage, random bytes. Whatever the
//! bytes, a printer must not panic and must still print the object with
//! what it can read (its index and name at least): a newer kernel, or a
//! driver with a bug, must never make a link vanish from `ip link show`.
//! Rules (`ip rule`) get the same treatment, and so does every object's
//! `PrintMessage` (the printers `monitor` uses).

use super::Printer;
use crate::grammar::options::Options;
use crate::model::address::*;
use crate::model::link::*;
use crate::objects::address::print::{print_address, AddressStyle};
use crate::objects::link::kinds::printed_kinds;
use crate::objects::link::kinds::shared::print::testing::attrs;
use crate::objects::link::print::{print_link, print_stats_block, LinkStyle, Related};

/// Payload sizes that catch off-by-one reads of u8/u16/u32/u64 fields and
/// of the fixed structures (stats, cacheinfo, addresses).
const SIZES: &[usize] = &[0, 1, 2, 3, 4, 5, 6, 7, 8, 12, 15, 16, 17, 24, 33, 64, 200];

/// The printer configurations ip has: plain, `-d -s`, `-s -s`, JSON with
/// details and statistics, brief; for `ip link` and `ip address`.
fn styles() -> Vec<(Options, LinkStyle)> {
    let mut out = Vec::new();
    for do_link in [true, false] {
        for (json, details, stats, brief) in [
            (false, 0, 0, false),
            (false, 1, 1, false),
            (false, 1, 2, false),
            (true, 1, 2, false),
            (false, 0, 0, true),
            (true, 0, 0, true),
        ] {
            let options = Options {
                json: json as u32,
                details,
                stats,
                brief: brief as u32,
                ..Options::default()
            };
            let style = LinkStyle {
                do_link,
                details,
                stats,
                brief,
                family: if do_link { AF_PACKET } else { AF_UNSPEC },
                ..LinkStyle::default()
            };
            out.push((options, style));
        }
    }
    out
}

fn render_link(link: &Link, options: &Options, style: &LinkStyle) -> String {
    let (mut p, buffer) = Printer::capture(options);
    p.begin_list();
    p.open_object(None);
    print_link(&mut p, link, &Related::default(), style);
    if !style.do_link && style.stats > 0 {
        print_stats_block(&mut p, link, style);
    }
    p.close_object();
    p.end_list();
    p.flush();
    drop(p);
    let bytes = buffer.lock().unwrap().clone();
    String::from_utf8_lossy(&bytes).into_owned()
}

fn link_from(attr_bytes: &[u8]) -> Link {
    let header = IfInfo {
        family: AF_UNSPEC,
        link_type: 1,
        index: 42,
        flags: IFF_UP | IFF_BROADCAST | IFF_MULTICAST,
        change: 0,
    };
    let mut payload = header.to_bytes().to_vec();
    payload.extend_from_slice(attr_bytes);
    Link::from_payload(RTM_NEWLINK, &payload).expect("a full ifinfomsg")
}

/// Renders `link` in every style, checking that the object is there.
fn assert_printed(link: &Link, what: &str) {
    for (options, style) in styles() {
        let text = render_link(link, &options, &style);
        // The brief form has no index.
        assert!(
            text.contains("hx0") && (style.brief || text.contains("42")),
            "{what}: the link vanished ({options:?} {style:?}): {text:?}"
        );
    }
}

fn head() -> Vec<(u16, Vec<u8>)> {
    vec![
        (IFLA_IFNAME, b"hx0\0".to_vec()),
        (IFLA_MTU, 1500u32.to_ne_bytes().to_vec()),
    ]
}

fn tail() -> Vec<(u16, Vec<u8>)> {
    vec![
        (IFLA_QDISC, b"noqueue\0".to_vec()),
        (IFLA_OPERSTATE, vec![IF_OPER_UP]),
        (IFLA_TXQLEN, 1000u32.to_ne_bytes().to_vec()),
        (IFLA_ADDRESS, vec![2, 0, 0, 0, 0, 1]),
        (IFLA_BROADCAST, vec![0xff; 6]),
    ]
}

fn encode(list: &[(u16, Vec<u8>)]) -> Vec<u8> {
    let borrowed: Vec<(u16, &[u8])> = list.iter().map(|(k, v)| (*k, v.as_slice())).collect();
    attrs(&borrowed)
}

fn with_middle(middle: (u16, Vec<u8>)) -> Vec<u8> {
    let mut list = head();
    list.push(middle);
    list.extend(tail());
    encode(&list)
}

fn garbage(len: usize, seed: u8) -> Vec<u8> {
    (0..len)
        .map(|i| (i as u8).wrapping_mul(37).wrapping_add(seed))
        .collect()
}

#[test]
fn unknown_attributes_change_nothing() {
    let plain = link_from(&with_middle((IFLA_QDISC + 1000, vec![])));
    for unknown in [IFLA_MAX + 1, IFLA_MAX + 40, 200, 0x3fff, 0x8000 | 62] {
        let link = link_from(&with_middle((unknown, garbage(24, 9))));
        for (options, style) in styles() {
            assert_eq!(
                render_link(&link, &options, &style),
                render_link(&plain, &options, &style),
                "attribute type {unknown} is unknown and must be skipped"
            );
        }
    }
}

#[test]
fn a_field_of_the_wrong_size_is_left_out_and_the_rest_printed() {
    let (options, style) = (Options::default(), LinkStyle::default());
    // IFLA_MTU of 2 bytes: no mtu, but name, qdisc, state and qlen stay.
    let mut list = vec![
        (IFLA_IFNAME, b"hx0\0".to_vec()),
        (IFLA_MTU, vec![0xdc, 0x05]),
    ];
    list.extend(tail());
    let text = render_link(&link_from(&encode(&list)), &options, &style);
    assert!(!text.contains("mtu"), "{text}");
    for part in [
        "42: hx0: <NO-CARRIER,BROADCAST,MULTICAST,UP>",
        "qdisc noqueue",
        "state UP",
    ] {
        assert!(text.contains(part), "{part} missing: {text}");
    }
}

#[test]
fn every_attribute_with_every_wrong_size() {
    for kind in 0..=IFLA_MAX + 3 {
        if kind == IFLA_IFNAME {
            continue;
        }
        for &size in SIZES {
            for seed in [0u8, 0xff] {
                let link = link_from(&with_middle((kind, garbage(size, seed))));
                assert_printed(&link, &format!("type {kind}, {size} bytes"));
            }
        }
    }
}

#[test]
fn nests_full_of_garbage() {
    // Every attribute type as a nest of every inner type and size (the
    // containers: IFLA_LINKINFO, IFLA_AF_SPEC, IFLA_VFINFO_LIST, IFLA_XDP,
    // IFLA_PROP_LIST, IFLA_PROTO_DOWN_REASON...), and nests in nests.
    for kind in 0..=IFLA_MAX {
        if kind == IFLA_IFNAME {
            continue;
        }
        for inner in 0..24u16 {
            for &size in &[0usize, 1, 3, 4, 8, 17] {
                let leaf = attrs(&[(inner, &garbage(size, inner as u8))]);
                let deeper = attrs(&[(inner, &leaf), (AF_INET6 as u16, &leaf)]);
                for payload in [&leaf, &deeper] {
                    let link = link_from(&with_middle((kind, payload.clone())));
                    assert_printed(&link, &format!("nest {kind}/{inner}, {size} bytes"));
                }
            }
        }
    }
}

/// Kinds without a printer, fed the same garbage as the printed ones.
const UNPRINTED_KINDS: &[&str] = &["veth", "nosuchkind"];

#[test]
fn kind_data_with_every_wrong_size() {
    for kind in printed_kinds().chain(UNPRINTED_KINDS.iter().copied()) {
        let mut name = kind.as_bytes().to_vec();
        name.push(0);
        for inner in 0..48u16 {
            for &size in &[0usize, 1, 2, 3, 5, 8, 17, 40] {
                let data = attrs(&[(inner, &garbage(size, inner as u8))]);
                for (kind_attr, data_attr) in [
                    (IFLA_INFO_KIND, IFLA_INFO_DATA),
                    (IFLA_INFO_KIND, IFLA_INFO_XSTATS),
                    (IFLA_INFO_SLAVE_KIND, IFLA_INFO_SLAVE_DATA),
                ] {
                    let info = attrs(&[(kind_attr, &name), (data_attr, &data)]);
                    let link = link_from(&with_middle((IFLA_LINKINFO, info)));
                    assert_printed(&link, &format!("{kind} data {inner}, {size} bytes"));
                }
            }
        }
        // Data that is not attributes at all.
        for &size in SIZES {
            let info = attrs(&[(IFLA_INFO_KIND, &name), (IFLA_INFO_DATA, &garbage(size, 3))]);
            let link = link_from(&with_middle((IFLA_LINKINFO, info)));
            assert_printed(&link, &format!("{kind} raw data, {size} bytes"));
        }
    }
}

#[test]
fn truncated_messages_print_what_came_before_the_cut() {
    let mut list = head();
    list.push((
        IFLA_LINKINFO,
        attrs(&[
            (IFLA_INFO_KIND, b"bridge\0"),
            (IFLA_INFO_DATA, &attrs(&[(1, &300u32.to_ne_bytes())])),
        ]),
    ));
    list.push((IFLA_STATS64, garbage(24 * 8, 1)));
    list.extend(tail());
    let full = encode(&list);
    let name_end = 8;
    for cut in 0..=full.len() {
        let link = link_from(&full[..cut]);
        for (options, style) in styles() {
            let text = render_link(&link, &options, &style);
            assert!(style.brief || text.contains("42"), "cut at {cut}: {text}");
            if cut >= name_end {
                assert!(text.contains("hx0"), "cut at {cut}: {text}");
            }
        }
    }
    // An attribute whose length runs past the end of the message.
    let mut lying = full.clone();
    let last = lying.len() - 12;
    lying[last..last + 2].copy_from_slice(&500u16.to_ne_bytes());
    assert_printed(&link_from(&lying), "length past the end");
    // An attribute whose length is shorter than its own header.
    let mut short = encode(&head());
    short.extend_from_slice(&[2, 0, 4, 0]);
    short.extend(encode(&tail()));
    assert_printed(&link_from(&short), "length below the header");
}

/// xorshift: the same "random" messages on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn random_attrs(rng: &mut Rng, depth: u32) -> Vec<u8> {
    let mut list: Vec<(u16, Vec<u8>)> = Vec::new();
    for _ in 0..rng.below(6) {
        let kind = rng.below(IFLA_MAX as u64 + 4) as u16;
        let payload = if depth > 0 && rng.below(3) == 0 {
            random_attrs(rng, depth - 1)
        } else {
            let len = rng.below(40) as usize;
            (0..len).map(|_| rng.next() as u8).collect()
        };
        list.push((kind, payload));
    }
    encode(&list)
}

#[test]
fn random_link_messages() {
    let mut rng = Rng(0x5eed_1234_abcd_0001);
    for round in 0..1500 {
        let mut list = head();
        let mut bytes = encode(&list);
        bytes.extend(random_attrs(&mut rng, 3));
        list.clear();
        if rng.below(4) == 0 {
            // Flip a few bytes anywhere after the name.
            for _ in 0..3 {
                let at = 8 + rng.below((bytes.len() - 8) as u64) as usize;
                bytes[at] = rng.next() as u8;
            }
        }
        let link = link_from(&bytes);
        assert_printed(&link, &format!("random message {round}"));
    }
}

fn render_address(address: &Address, json: bool, style: &AddressStyle) -> String {
    let options = Options {
        json: json as u32,
        ..Options::default()
    };
    let (mut p, buffer) = Printer::capture(&options);
    p.begin_list();
    p.open_object(None);
    print_address(&mut p, address, b"hx0", style);
    p.close_object();
    p.end_list();
    p.flush();
    drop(p);
    let bytes = buffer.lock().unwrap().clone();
    String::from_utf8_lossy(&bytes).into_owned()
}

fn address_from(family: u8, attr_bytes: &[u8]) -> Address {
    let header = IfAddr {
        family,
        prefixlen: 24,
        flags: 0,
        scope: 0,
        index: 42,
    };
    let mut payload = header.to_bytes().to_vec();
    payload.extend_from_slice(attr_bytes);
    Address::from_payload(RTM_NEWADDR, &payload).expect("a full ifaddrmsg")
}

#[test]
fn addresses_with_every_wrong_size() {
    let address_styles = [
        AddressStyle {
            brief: false,
            with_device: true,
            numeric: false,
            resolve: false,
        },
        AddressStyle {
            brief: true,
            with_device: false,
            numeric: true,
            resolve: false,
        },
    ];
    for family in [AF_INET, AF_INET6, AF_UNSPEC, AF_PACKET, 7] {
        for kind in 0..=IFA_MAX + 3 {
            for &size in SIZES {
                let list = vec![
                    (IFA_LOCAL, vec![192, 0, 2, 1]),
                    (kind, garbage(size, kind as u8)),
                    (IFA_LABEL, b"hx0\0".to_vec()),
                ];
                let address = address_from(family, &encode(&list));
                for style in &address_styles {
                    for json in [false, true] {
                        // Must not panic; the scope (or brief address) is
                        // always printed.
                        let text = render_address(&address, json, style);
                        assert!(!text.is_empty(), "{family}/{kind}/{size}");
                    }
                }
            }
        }
    }
    // A truncated cacheinfo or a 3-byte address: the rest is printed.
    let list = vec![
        (IFA_LOCAL, vec![192, 0, 2]),
        (IFA_CACHEINFO, vec![1, 2, 3]),
        (IFA_LABEL, b"hx0\0".to_vec()),
    ];
    let text = render_address(
        &address_from(AF_INET, &encode(&list)),
        false,
        &address_styles[0],
    );
    assert!(
        text.contains("scope global") && text.contains("hx0"),
        "{text}"
    );
}

#[test]
fn a_message_too_short_for_its_header_is_refused_not_misread() {
    assert!(Link::from_payload(RTM_NEWLINK, &[0; IFINFO_LEN - 1]).is_none());
    assert!(Address::from_payload(RTM_NEWADDR, &[0; IFADDR_LEN - 1]).is_none());
}

fn render_rule(payload: &[u8], json: bool, details: bool) -> String {
    use crate::model::rule::{Rule, RTM_NEWRULE};
    use crate::objects::rule::print::{print_rule, Style};
    let options = Options {
        json: json as u32,
        ..Options::default()
    };
    let (mut p, buffer) = Printer::capture(&options);
    p.begin_list();
    let rule = Rule::parse(payload).expect("a full fib_rule_hdr");
    print_rule(
        &mut p,
        RTM_NEWRULE,
        &rule,
        Style {
            numeric: false,
            details,
        },
    );
    p.end_list();
    p.flush();
    drop(p);
    let bytes = buffer.lock().unwrap().clone();
    String::from_utf8_lossy(&bytes).into_owned()
}

#[test]
fn rules_with_every_wrong_size() {
    use crate::model::rule::{FRA_MAX, FRA_PRIORITY, FRA_TABLE, HEADER_LEN};
    for family in [AF_INET, AF_INET6, AF_UNSPEC, 7] {
        for action in [0u8, 1, 2, 3, 6, 7, 8, 200] {
            let mut header = vec![0u8; HEADER_LEN];
            header[0] = family;
            header[1] = 33;
            header[2] = 129;
            header[7] = action;
            // Flags too: invert, unresolved, detached interfaces.
            header[8] = action.wrapping_mul(3);
            for kind in 0..=FRA_MAX + 3 {
                for &size in SIZES {
                    let list = vec![
                        (FRA_PRIORITY, 77u32.to_ne_bytes().to_vec()),
                        (kind, garbage(size, kind as u8)),
                        (FRA_TABLE, 1000u32.to_ne_bytes().to_vec()),
                    ];
                    let mut payload = header.clone();
                    payload.extend(encode(&list));
                    for (json, details) in [(false, false), (false, true), (true, true)] {
                        let text = render_rule(&payload, json, details);
                        // The priority comes first and is always read.
                        assert!(
                            text.contains("77"),
                            "{family}/{action}/{kind}/{size}: {text}"
                        );
                    }
                }
            }
        }
    }
}

/// Every object's `PrintMessage`, as the registry lists them, fed garbage and cut-off messages.
mod every_printer {
    use super::super::{KnownLink, Names, PrintMessage, Printer};
    use crate::grammar::options::Options;

    /// Every printer the registry holds, and the prefix printer.
    fn printers() -> Vec<PrintMessage> {
        let mut all: Vec<PrintMessage> = crate::registry::OBJECTS
            .iter()
            .filter_map(|object| object.printer)
            .collect();
        all.push(super::super::prefix::print_message);
        all
    }

    /// A pseudo-random byte stream (xorshift), so the test is repeatable.
    fn noise(seed: u64, len: usize) -> Vec<u8> {
        let mut state = seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
        (0..len)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                state as u8
            })
            .collect()
    }

    /// A plausible message: a zeroed header of `header` bytes, then
    /// attributes of every type with lengths that lie.
    fn attributes(header: usize, seed: u64) -> Vec<u8> {
        let mut bytes = vec![0u8; header];
        let random = noise(seed, 64);
        for kind in 0u16..64 {
            let len = [4u16, 5, 6, 8, 12, 20, 3, 255][usize::from(kind) % 8];
            bytes.extend(len.to_ne_bytes());
            bytes.extend(kind.to_ne_bytes());
            let body = usize::from(len.saturating_sub(4));
            bytes.extend(random.iter().cycle().take(body));
            while !bytes.len().is_multiple_of(4) {
                bytes.push(0);
            }
        }
        bytes
    }

    #[test]
    fn every_printer_survives_garbage_and_truncation() {
        let printers = printers();
        // At least the ten of today; a new object's printer joins the test
        // through its registry line alone.
        assert!(printers.len() >= 10, "only {} printers", printers.len());
        let mut names = Names::default();
        names.links.insert(
            1,
            KnownLink {
                name: b"lo".to_vec(),
                flags: 1,
                link_type: 772,
            },
        );
        let mut messages: Vec<Vec<u8>> = Vec::new();
        for header in [4, 8, 12, 16, 28] {
            let whole = attributes(header, header as u64);
            for cut in 0..whole.len().min(200) {
                messages.push(whole[..cut].to_vec());
            }
            messages.push(whole);
        }
        for seed in 0..200 {
            messages.push(noise(seed, (seed as usize * 7) % 300));
        }
        for options in [
            Options::default(),
            Options {
                details: 2,
                stats: 2,
                json: 1,
                ..Options::default()
            },
        ] {
            names.options = options.clone();
            let (mut p, _) = Printer::capture(&options);
            for printer in &printers {
                for msg_type in 16u16..120 {
                    for message in &messages {
                        p.merge_next_object();
                        printer(&mut p, msg_type, message, &names);
                    }
                }
            }
        }
    }
}
