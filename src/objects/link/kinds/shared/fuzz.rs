//! Randomised comparison with ip 6.1 itself: for every kind, messages with
//! random subsets of well-formed attributes and random values go through
//! both rnet's printer and ip's (`ip -d monitor file`, see
//! `testing::oracle`), and the texts must be equal. Attribute sizes are
//! always right: ip reads short payloads out of bounds, so malformed
//! input has no defined output to compare with. The generator is a fixed
//! xorshift, so every run checks the same messages.

use super::print::testing::{attrs, json_oracle, object_after, oracle, oracle_present, render};
use crate::objects::link::kinds::{printer, KindPrinter};

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

    /// Mostly small numbers (0, 1, 2 and the like), sometimes anything.
    fn number(&mut self, bits: u32) -> u64 {
        let value = match self.below(4) {
            0 => 0,
            1 => 1,
            2 => self.below(8),
            _ => self.next(),
        };
        if bits == 64 {
            value
        } else {
            value & ((1u64 << bits) - 1)
        }
    }

    fn bytes(&mut self, n: usize) -> Vec<u8> {
        // Zero addresses matter to several printers: make them common.
        if self.below(4) == 0 {
            return vec![0; n];
        }
        (0..n).map(|_| self.next() as u8).collect()
    }
}

#[derive(Clone, Copy)]
enum Shape {
    U8,
    U16,
    Be16,
    U32,
    U64,
    Bytes(usize),
    Flag,
    /// A device index: 0 (`*`) or 1 (lo), the same on every host.
    Index,
    /// One of a few ethertypes, or a random one, in network order.
    Ether,
    /// A small enum value (0..n), sometimes out of range.
    Small(u64),
    Custom(fn(&mut Rng) -> Vec<u8>),
}

fn value(rng: &mut Rng, shape: Shape) -> Vec<u8> {
    match shape {
        Shape::U8 => vec![rng.number(8) as u8],
        Shape::U16 => (rng.number(16) as u16).to_ne_bytes().to_vec(),
        Shape::Be16 => (rng.number(16) as u16).to_be_bytes().to_vec(),
        Shape::U32 => (rng.number(32) as u32).to_ne_bytes().to_vec(),
        Shape::U64 => rng.number(64).to_ne_bytes().to_vec(),
        Shape::Bytes(n) => rng.bytes(n),
        Shape::Flag => Vec::new(),
        Shape::Index => (rng.below(2) as u32).to_ne_bytes().to_vec(),
        Shape::Ether => {
            let known = [0x8100u16, 0x88a8, 0x0800, 0x86dd, 0x8847, 0x6558];
            let id = if rng.below(3) == 0 {
                rng.next() as u16
            } else {
                known[rng.below(known.len() as u64) as usize]
            };
            id.to_be_bytes().to_vec()
        }
        Shape::Small(n) => {
            let v = rng.below(n + 1);
            v.to_ne_bytes()[..1].to_vec()
        }
        Shape::Custom(make) => make(rng),
    }
}

fn small_u32(rng: &mut Rng, n: u64) -> Vec<u8> {
    (rng.below(n) as u32).to_ne_bytes().to_vec()
}

fn nest(rng: &mut Rng, count: u64, shape: Shape) -> Vec<u8> {
    let n = rng.below(count + 1);
    let items: Vec<(u16, Vec<u8>)> = (0..n).map(|i| (i as u16, value(rng, shape))).collect();
    let list: Vec<(u16, &[u8])> = items.iter().map(|(t, v)| (*t, v.as_slice())).collect();
    attrs(&list)
}

use Shape::*;

const BRIDGE: &[(u16, Shape)] = &[
    (1, U32),
    (2, U32),
    (3, U32),
    (4, U32),
    (5, U32),
    (6, U16),
    (7, U8),
    (8, Ether),
    (9, U16),
    (12, U16),
    (13, U32),
    (14, U8),
    (15, U8),
    (16, U64),
    (17, U64),
    (18, U64),
    (19, U64),
    (20, Bytes(6)),
    (22, U8),
    (23, U8),
    (24, U8),
    (25, U8),
    (26, U32),
    (27, U32),
    (28, U32),
    (29, U32),
    (30, U64),
    (31, U64),
    (32, U64),
    (33, U64),
    (34, U64),
    (35, U64),
    (36, U8),
    (37, U8),
    (38, U8),
    (39, U16),
    (41, U8),
    (42, U8),
    (43, U8),
    (44, U8),
    (45, U8),
    (46, Bytes(8)),
];

const BRIDGE_SLAVE: &[(u16, Shape)] = &[
    (1, Small(6)),
    (2, U16),
    (3, U32),
    (4, U8),
    (5, U8),
    (6, U8),
    (7, U8),
    (8, U8),
    (9, U8),
    (10, U8),
    (12, U8),
    (13, Bytes(8)),
    (14, Bytes(8)),
    (15, U16),
    (16, U16),
    (17, U16),
    (18, U16),
    (19, U8),
    (20, U8),
    (21, U64),
    (22, U64),
    (23, U64),
    (25, U8),
    (27, U8),
    (28, U8),
    (29, U8),
    (30, U8),
    (31, U16),
    (32, U8),
    (33, U8),
    (34, Index),
    (39, U8),
];

const VXLAN: &[(u16, Shape)] = &[
    (1, U32),
    (2, Bytes(4)),
    (3, Index),
    (4, Bytes(4)),
    (5, U8),
    (6, U8),
    (7, U8),
    (8, U32),
    (9, U32),
    (10, Bytes(4)),
    (11, U8),
    (12, U8),
    (13, U8),
    (14, U8),
    (15, Be16),
    (16, Bytes(16)),
    (17, Bytes(16)),
    (18, U8),
    (19, U8),
    (20, U8),
    (21, U8),
    (22, U8),
    (23, Flag),
    (25, U8),
    (26, U32),
    (27, Flag),
    (28, U8),
    (29, Small(3)),
    (30, U8),
];

fn macaddrs(rng: &mut Rng) -> Vec<u8> {
    let n = rng.below(4);
    let items: Vec<Vec<u8>> = (0..n).map(|_| rng.bytes(6)).collect();
    let list: Vec<(u16, &[u8])> = items.iter().map(|v| (4u16, v.as_slice())).collect();
    attrs(&list)
}

const MACVLAN: &[(u16, Shape)] = &[
    (
        1,
        Custom(|rng| {
            let modes = [1u32, 2, 4, 8, 16, 16, 16, 3];
            modes[rng.below(8) as usize].to_ne_bytes().to_vec()
        }),
    ),
    (
        2,
        Custom(|rng| (rng.below(4) as u16).to_ne_bytes().to_vec()),
    ),
    (5, Custom(macaddrs)),
    (6, U32),
    (7, U32),
    (8, U32),
];

fn qos_map(rng: &mut Rng) -> Vec<u8> {
    let n = rng.below(4);
    let items: Vec<Vec<u8>> = (0..n)
        .map(|_| {
            let mut m = (rng.below(8) as u32).to_ne_bytes().to_vec();
            m.extend_from_slice(&(rng.below(8) as u32).to_ne_bytes());
            m
        })
        .collect();
    let list: Vec<(u16, &[u8])> = items.iter().map(|v| (1u16, v.as_slice())).collect();
    attrs(&list)
}

const VLAN: &[(u16, Shape)] = &[
    (1, U16),
    (
        2,
        Custom(|rng| {
            let mut f = (rng.below(64) as u32).to_ne_bytes().to_vec();
            f.extend_from_slice(&u32::MAX.to_ne_bytes());
            f
        }),
    ),
    (3, Custom(qos_map)),
    (4, Custom(qos_map)),
    (5, Ether),
];

const BOND: &[(u16, Shape)] = &[
    (1, Small(8)),
    (2, Index),
    (3, U32),
    (4, U32),
    (5, U32),
    (6, U8),
    (7, U32),
    (8, Custom(|rng| nest(rng, 3, Bytes(4)))),
    (9, Custom(|rng| small_u32(rng, 8))),
    (10, Custom(|rng| small_u32(rng, 3))),
    (11, Index),
    (12, Small(4)),
    (13, Small(4)),
    (14, Small(7)),
    (15, U32),
    (16, U8),
    (17, U8),
    (18, U32),
    (19, U32),
    (20, U32),
    (21, Small(3)),
    (22, Small(4)),
    (
        23,
        Custom(|rng| {
            let partner = rng.bytes(6);
            let a = (rng.number(16) as u16).to_ne_bytes();
            let b = (rng.number(16) as u16).to_ne_bytes();
            attrs(&[(1, &a), (2, &b), (3, &a), (4, &b), (5, &partner)])
        }),
    ),
    (24, U16),
    (25, U16),
    (26, Bytes(6)),
    (27, U8),
    (28, U32),
    (29, Small(3)),
    (30, U8),
    (31, Custom(|rng| nest(rng, 2, Bytes(16)))),
];

const BOND_SLAVE: &[(u16, Shape)] = &[
    (1, Small(3)),
    (2, Small(5)),
    (3, U32),
    (4, Bytes(6)),
    (5, U16),
    (6, U16),
    (7, U8),
    (8, U8),
    (9, U32),
];

const TUN: &[(u16, Shape)] = &[
    (
        1,
        Custom(|rng| [0u32, 4242][rng.below(2) as usize].to_ne_bytes().to_vec()),
    ),
    (
        2,
        Custom(|rng| [0u32, 4343][rng.below(2) as usize].to_ne_bytes().to_vec()),
    ),
    (3, Small(3)),
    (4, U8),
    (5, U8),
    (6, U8),
    (7, U8),
    (8, U32),
    (9, U32),
];

const GENEVE: &[(u16, Shape)] = &[
    (1, U32),
    (2, Bytes(4)),
    (3, U8),
    (4, U8),
    (5, Be16),
    (6, Flag),
    (7, Bytes(16)),
    (8, U8),
    (9, U8),
    (10, U8),
    (11, U32),
    (12, U8),
    (13, Small(3)),
    (14, Flag),
];

const IPTNL: &[(u16, Shape)] = &[
    (1, Index),
    (2, Bytes(4)),
    (3, Bytes(4)),
    (4, U8),
    (5, U8),
    (8, U16),
    (
        9,
        Custom(|rng| vec![[0u8, 4, 41, 137, 7][rng.below(5) as usize]]),
    ),
    (10, U8),
    (11, Bytes(16)),
    (12, Bytes(4)),
    (13, U16),
    (14, U16),
    (
        15,
        Custom(|rng| (rng.below(4) as u16).to_ne_bytes().to_vec()),
    ),
    (16, U16),
    (17, Be16),
    (18, Be16),
    (19, Flag),
    (20, U32),
];

const IP6TNL: &[(u16, Shape)] = &[
    (1, Index),
    (2, Bytes(16)),
    (3, Bytes(16)),
    (4, U8),
    (6, U8),
    (7, U32),
    (
        8,
        Custom(|rng| (rng.below(128) as u32).to_ne_bytes().to_vec()),
    ),
    (
        9,
        Custom(|rng| vec![[0u8, 4, 41, 7][rng.below(4) as usize]]),
    ),
    (
        15,
        Custom(|rng| (rng.below(4) as u16).to_ne_bytes().to_vec()),
    ),
    (16, U16),
    (17, Be16),
    (18, Be16),
    (19, Flag),
    (20, U32),
];

fn gre_flags(rng: &mut Rng) -> Vec<u8> {
    let bits = [0u16, 0x8000, 0x2000, 0x1000];
    let mut f = 0;
    for bit in bits {
        if rng.below(2) == 0 {
            f |= bit;
        }
    }
    f.to_be_bytes().to_vec()
}

const GRE: &[(u16, Shape)] = &[
    (1, Index),
    (2, Custom(gre_flags)),
    (3, Custom(gre_flags)),
    (4, Bytes(4)),
    (5, Bytes(4)),
    (6, Bytes(4)),
    (7, Bytes(4)),
    (8, U8),
    (9, U8),
    (10, U8),
    (
        14,
        Custom(|rng| (rng.below(4) as u16).to_ne_bytes().to_vec()),
    ),
    (15, U16),
    (16, Be16),
    (17, Be16),
    (18, Flag),
    (19, U8),
    (20, U32),
    (21, U32),
    (22, U8),
    (23, U8),
    (24, U16),
];

const GRE6: &[(u16, Shape)] = &[
    (1, Index),
    (2, Custom(gre_flags)),
    (3, Custom(gre_flags)),
    (4, Bytes(4)),
    (5, Bytes(4)),
    (6, Bytes(16)),
    (7, Bytes(16)),
    (8, U8),
    (11, U8),
    (12, U32),
    (
        13,
        Custom(|rng| (rng.below(128) as u32).to_ne_bytes().to_vec()),
    ),
    (18, Flag),
    (20, U32),
    (21, U32),
    (22, U8),
    (23, U8),
    (24, U16),
];

const VTI: &[(u16, Shape)] = &[
    (1, Index),
    (2, Bytes(4)),
    (3, Bytes(4)),
    (4, Bytes(4)),
    (5, Bytes(4)),
    (6, U32),
];

const VTI6: &[(u16, Shape)] = &[
    (1, Index),
    (2, Bytes(4)),
    (3, Bytes(4)),
    (4, Bytes(16)),
    (5, Bytes(16)),
    (6, U32),
];

const MACSEC: &[(u16, Shape)] = &[
    (1, U64),
    (3, U8),
    (
        4,
        Custom(|rng| {
            let ids = [
                0x0080_0200_0100_0001u64,
                0x0080_C200_0100_0001,
                0x0080_C200_0100_0002,
                0x0080_C200_0100_0003,
                0x0080_C200_0100_0004,
                7,
            ];
            ids[rng.below(6) as usize].to_ne_bytes().to_vec()
        }),
    ),
    (5, U32),
    (6, U8),
    (7, U8),
    (8, U8),
    (9, U8),
    (10, U8),
    (11, U8),
    (12, U8),
    (13, Small(4)),
    (15, Small(4)),
];

const CAN: &[(u16, Shape)] = &[
    (
        1,
        Custom(|rng| {
            (0..8)
                .flat_map(|_| (rng.number(16) as u32).to_ne_bytes())
                .collect()
        }),
    ),
    (
        2,
        Custom(|rng| {
            let mut c = b"ctrl\0\0\0\0\0\0\0\0\0\0\0\0".to_vec();
            c.extend((0..8).flat_map(|_| (rng.number(8) as u32).to_ne_bytes()));
            c
        }),
    ),
    (3, U32),
    (4, Custom(|rng| small_u32(rng, 8))),
    (
        5,
        Custom(|rng| {
            let mut c = u32::MAX.to_ne_bytes().to_vec();
            c.extend_from_slice(&(rng.below(0x1000) as u32).to_ne_bytes());
            c
        }),
    ),
    (6, U32),
    (8, Bytes(4)),
    (
        9,
        Custom(|rng| {
            (0..8)
                .flat_map(|_| (rng.number(16) as u32).to_ne_bytes())
                .collect()
        }),
    ),
    (
        10,
        Custom(|rng| {
            let mut c = b"data\0\0\0\0\0\0\0\0\0\0\0\0".to_vec();
            c.extend((0..8).flat_map(|_| (rng.number(8) as u32).to_ne_bytes()));
            c
        }),
    ),
    (11, U16),
    (
        12,
        Custom(|rng| {
            (0..rng.below(4))
                .flat_map(|_| (rng.number(8) as u16).to_ne_bytes())
                .collect()
        }),
    ),
    (
        13,
        Custom(|rng| {
            (0..rng.below(14))
                .flat_map(|_| (rng.number(20) as u32).to_ne_bytes())
                .collect()
        }),
    ),
    (
        14,
        Custom(|rng| {
            (0..rng.below(8))
                .flat_map(|_| (rng.number(20) as u32).to_ne_bytes())
                .collect()
        }),
    ),
    (
        16,
        Custom(|rng| {
            let mut items: Vec<(u16, Vec<u8>)> = Vec::new();
            for t in 1..=9u16 {
                if rng.below(2) == 0 {
                    items.push((t, (rng.number(8) as u32).to_ne_bytes().to_vec()));
                }
            }
            let list: Vec<(u16, &[u8])> = items.iter().map(|(t, v)| (*t, v.as_slice())).collect();
            attrs(&list)
        }),
    ),
    (
        17,
        Custom(|rng| {
            let supported = (rng.below(0x800) as u32).to_ne_bytes();
            attrs(&[(1, &supported)])
        }),
    ),
];

/// (kind as ip names it, attributes it may carry).
const KINDS: &[(&str, &[(u16, Shape)])] = &[
    ("bridge", BRIDGE),
    ("bridge_slave", BRIDGE_SLAVE),
    ("vxlan", VXLAN),
    ("macvlan", MACVLAN),
    ("macvtap", MACVLAN),
    ("vlan", VLAN),
    ("bond", BOND),
    ("bond_slave", BOND_SLAVE),
    ("vrf", &[(1, U32)]),
    ("vrf_slave", &[(1, U32)]),
    ("ipvlan", &[(1, Small(4)), (2, Small(4))]),
    ("ipvtap", &[(1, Small(4)), (2, Small(4))]),
    ("tun", TUN),
    ("geneve", GENEVE),
    ("xfrm", &[(2, U32), (3, Flag)]),
    ("bareudp", &[(1, Be16), (2, Ether), (3, U16), (4, Flag)]),
    ("ipip", IPTNL),
    ("sit", IPTNL),
    ("ip6tnl", IP6TNL),
    ("gre", GRE),
    ("gretap", GRE),
    ("erspan", GRE),
    ("ip6gre", GRE6),
    ("ip6gretap", GRE6),
    ("ip6erspan", GRE6),
    ("vti", VTI),
    ("vti6", VTI6),
    (
        "amt",
        &[
            (1, Custom(|rng| small_u32(rng, 2))),
            (2, Be16),
            (3, Be16),
            (4, Index),
            (5, Bytes(4)),
            (6, Bytes(4)),
            (7, Bytes(4)),
            (8, U32),
        ],
    ),
    ("dsa", &[(1, Index)]),
    (
        "gtp",
        &[(3, U32), (4, Custom(|rng| small_u32(rng, 3))), (6, U8)],
    ),
    (
        "hsr",
        &[(1, Index), (2, Index), (4, Bytes(6)), (5, U16), (7, U8)],
    ),
    ("ipoib", &[(1, U16), (2, Small(3)), (3, U16)]),
    ("macsec", MACSEC),
    ("can", CAN),
    ("rmnet", &[(1, U16), (2, Bytes(8))]),
    ("wwan", &[(1, U32)]),
];

/// Fields whose shape is a small enum are stored as one byte above; widen
/// them to the attribute's real size here.
fn widen(kind: &str, attr: u16, mut bytes: Vec<u8>) -> Vec<u8> {
    let u16_attrs: &[(&str, u16)] = &[
        ("ipvlan", 1),
        ("ipvlan", 2),
        ("ipvtap", 1),
        ("ipvtap", 2),
        ("ipoib", 2),
    ];
    if bytes.len() == 1 && u16_attrs.contains(&(kind, attr)) {
        bytes.push(0);
    }
    bytes
}

#[test]
fn random_messages_print_as_ip_prints_them() {
    if !oracle_present() {
        return;
    }
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    let mut compared = 0;
    let mut json_compared = 0;
    for (kind, shapes) in KINDS {
        let print: KindPrinter = printer(kind.as_bytes()).expect("registered");
        for _ in 0..40 {
            let mut chosen: Vec<(u16, Vec<u8>)> = Vec::new();
            for (attr, shape) in shapes.iter() {
                if rng.below(3) != 0 {
                    let bytes = value(&mut rng, *shape);
                    chosen.push((*attr, widen(kind, *attr, bytes)));
                }
            }
            // ip reads these without checking they are there: the kernel
            // always sends them together.
            let together: &[(u16, &[u16])] = match *kind {
                "ipip" | "sit" => &[(15, &[16, 17, 18]), (13, &[11, 12, 14])],
                "ip6tnl" => &[(15, &[16, 17, 18])],
                "gre" | "gretap" | "erspan" => &[(14, &[15, 16, 17])],
                _ => &[],
            };
            for (trigger, needed) in together {
                if chosen.iter().any(|(a, _)| a == trigger) {
                    for need in needed.iter() {
                        if !chosen.iter().any(|(a, _)| a == need) {
                            let shape = shapes
                                .iter()
                                .find(|(a, _)| a == need)
                                .map(|(_, shape)| *shape)
                                .expect("shape");
                            let bytes = value(&mut rng, shape);
                            chosen.push((*need, bytes));
                        }
                    }
                }
            }
            // ip dereferences the bridge ID to print the root ID.
            let chosen: Vec<(u16, Vec<u8>)> = if *kind == "bridge"
                && chosen.iter().any(|(a, _)| *a == 10)
                && !chosen.iter().any(|(a, _)| *a == 11)
            {
                chosen.into_iter().filter(|(a, _)| *a != 10).collect()
            } else {
                chosen
            };
            let list: Vec<(u16, &[u8])> = chosen.iter().map(|(a, v)| (*a, v.as_slice())).collect();
            let data = attrs(&list);
            let ours = render(print, &data, false);
            let Some(theirs) = oracle(kind, &data, false) else {
                panic!("{kind}: ip printed no record for {list:?}");
            };
            assert_eq!(ours, theirs, "{kind}: attributes {list:?}");
            if let Some(theirs) = json_oracle(kind, &data, false) {
                let ours = object_after(&render(print, &data, true), "info_data");
                assert_eq!(ours, Some(theirs), "{kind} JSON: attributes {list:?}");
                json_compared += 1;
            }
            compared += 1;
        }
    }
    assert!(compared > 0);
    eprintln!("{compared} texts and {json_compared} JSON objects compared with ip");
}
