//! `-d` kind details of links this kernel cannot create (vlan, bond, can,
//! gre, ...), compared with ip 6.1 end to end. A test-only LD_PRELOAD shim
//! (tests/support/linkinfo_shim.c) appends a crafted IFLA_LINKINFO to
//! the kernel's answers about lo, in whichever program reads them; both
//! `ip` and rnet then print lo as a link of that kind, in every output
//! mode, each in a fresh sandbox. Only answers are changed: nothing is sent
//! to the kernel that `ip link show` would not send.

mod common;
#[path = "support/shim.rs"]
mod shim;

use std::path::Path;

fn attr(kind: u16, payload: &[u8]) -> Vec<u8> {
    let mut out = ((4 + payload.len()) as u16).to_ne_bytes().to_vec();
    out.extend_from_slice(&kind.to_ne_bytes());
    out.extend_from_slice(payload);
    while !out.len().is_multiple_of(4) {
        out.push(0);
    }
    out
}

fn attrs(list: &[(u16, Vec<u8>)]) -> Vec<u8> {
    list.iter().flat_map(|(k, v)| attr(*k, v)).collect()
}

fn u16b(v: u16) -> Vec<u8> {
    v.to_ne_bytes().to_vec()
}

fn u32b(v: u32) -> Vec<u8> {
    v.to_ne_bytes().to_vec()
}

fn name(kind: &str) -> Vec<u8> {
    let mut b = kind.as_bytes().to_vec();
    b.push(0);
    b
}

/// IFLA_LINKINFO with a kind and/or a port kind, their data and xstats.
fn linkinfo(
    kind: Option<(&str, Vec<u8>)>,
    xstats: Option<Vec<u8>>,
    port: Option<(&str, Vec<u8>)>,
) -> Vec<u8> {
    let mut inner = Vec::new();
    if let Some((kind, data)) = kind {
        inner.push((1, name(kind)));
        inner.push((2, data));
    }
    if let Some(stats) = xstats {
        inner.push((3, stats));
    }
    if let Some((kind, data)) = port {
        inner.push((4, name(kind)));
        inner.push((5, data));
    }
    attr(18, &attrs(&inner))
}

fn cases() -> Vec<(&'static str, Vec<u8>)> {
    let mut vlan_flags = u32b(0x1d);
    vlan_flags.extend(u32b(u32::MAX));
    let qos = |pairs: &[(u32, u32)]| {
        attrs(
            &pairs
                .iter()
                .map(|(f, t)| {
                    let mut m = u32b(*f);
                    m.extend(u32b(*t));
                    (1, m)
                })
                .collect::<Vec<_>>(),
        )
    };
    let vlan = attrs(&[
        (1, u16b(100)),
        (2, vlan_flags),
        (3, qos(&[(1, 2)])),
        (4, qos(&[(3, 4), (5, 6)])),
        (5, 0x8100u16.to_be_bytes().to_vec()),
    ]);
    let bond = attrs(&[
        (1, vec![4]),
        (2, u32b(1)),
        (3, u32b(100)),
        (
            8,
            attrs(&[(0, vec![192, 0, 2, 1]), (1, vec![198, 51, 100, 9])]),
        ),
        (9, u32b(0)),
        (
            23,
            attrs(&[
                (1, u16b(1)),
                (2, u16b(2)),
                (3, u16b(9)),
                (4, u16b(0)),
                (5, vec![2, 0, 0, 0, 0, 1]),
            ]),
        ),
        (26, vec![2, 0, 0, 0, 0, 2]),
    ]);
    let bond_slave = attrs(&[
        (1, vec![0]),
        (2, vec![0]),
        (3, u32b(3)),
        (4, vec![2, 0, 0, 0, 0, 3]),
        (5, u16b(0)),
        (7, vec![0x3d]),
        (8, vec![0x05]),
    ]);
    let mut can_bt = Vec::new();
    for v in [500000u32, 875, 125, 6, 7, 2, 1, 1] {
        can_bt.extend(u32b(v));
    }
    let mut can_btc = b"sja1000\0\0\0\0\0\0\0\0\0".to_vec();
    for v in [1u32, 16, 1, 8, 4, 1, 64, 1] {
        can_btc.extend(u32b(v));
    }
    let mut can_cm = u32b(u32::MAX);
    can_cm.extend(u32b(0x12));
    let can = attrs(&[
        (1, can_bt),
        (2, can_btc),
        (3, u32b(8_000_000)),
        (4, u32b(0)),
        (5, can_cm),
        (6, u32b(100)),
        (8, vec![1, 0, 2, 0]),
    ]);
    let can_stats: Vec<u8> = [1u32, 2, 3, 4, 5, 6]
        .iter()
        .flat_map(|v| u32b(*v))
        .collect();
    let gre = attrs(&[
        (2, 0x2000u16.to_be_bytes().to_vec()),
        (3, 0x2000u16.to_be_bytes().to_vec()),
        (4, vec![0, 0, 0, 7]),
        (5, vec![0, 0, 0, 7]),
        (6, vec![192, 0, 2, 1]),
        (7, vec![192, 0, 2, 2]),
        (8, vec![64]),
        (10, vec![1]),
        (14, u16b(2)),
        (15, u16b(3)),
        (16, 0u16.to_be_bytes().to_vec()),
        (17, 6080u16.to_be_bytes().to_vec()),
    ]);
    vec![
        ("vlan", linkinfo(Some(("vlan", vlan.clone())), None, None)),
        ("bond", linkinfo(Some(("bond", bond)), None, None)),
        (
            "bond port",
            linkinfo(Some(("veth", Vec::new())), None, Some(("bond", bond_slave))),
        ),
        (
            "vlan in a vrf",
            linkinfo(
                Some(("vlan", vlan)),
                None,
                Some(("vrf", attrs(&[(1, u32b(1001))]))),
            ),
        ),
        ("can", linkinfo(Some(("can", can)), Some(can_stats), None)),
        ("gre", linkinfo(Some(("gre", gre)), None, None)),
        (
            "ipvlan",
            linkinfo(
                Some(("ipvlan", attrs(&[(1, u16b(1)), (2, u16b(1))]))),
                None,
                None,
            ),
        ),
    ]
}

#[test]
fn kinds_this_kernel_lacks_print_as_ip_prints_them() {
    if !common::sandbox_available("kind_shim") {
        return;
    }
    let dir = std::env::temp_dir().join(format!("rnet-kind-shim-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("scratch dir");
    let Some(shim) = shim::linkinfo_shim() else {
        eprintln!("no C compiler: the shim cannot be built here");
        return;
    };
    let mut commands = Vec::new();
    for (index, (_, info)) in cases().iter().enumerate() {
        let file = dir.join(format!("linkinfo.{index}"));
        std::fs::write(&file, info).expect("linkinfo file");
        let env = format!(
            "KD_LINKINFO={} LD_PRELOAD={}",
            file.display(),
            shim.display()
        );
        for args in [
            "-d link show lo",
            "-d link show",
            "-d -j link show lo",
            "-d -j -p link show lo",
            "-d -o link show lo",
            "-s -d link show lo",
            "-s -s -d -j link show lo",
            "-d -br link show lo",
            "-d -N link show lo",
        ] {
            commands.push(format!("{env} ip {args}"));
        }
    }
    let expected = common::run_in_sandbox(Path::new(common::REAL_IP), &commands);
    let actual = common::run_in_sandbox(&common::rnet_binary(), &commands);
    let _ = std::fs::remove_dir_all(&dir);
    // KIND_SHIM_SHOW=1 shows what ip printed, to see the shim at work.
    if std::env::var_os("KIND_SHIM_SHOW").is_some() {
        for outcome in &expected {
            eprintln!("{}\n{}", outcome.command, outcome.stdout);
        }
    }
    let mut report = String::new();
    for (want, got) in expected.iter().zip(&actual) {
        assert!(
            want.stdout.contains("lo"),
            "the shim did not work for ip: {want:?}"
        );
        if want != got {
            report.push_str(&format!(
                "\n--- {}\n  ip:   {:?}\n  rnet: {:?}\n",
                want.command, want.stdout, got.stdout
            ));
        }
    }
    assert!(report.is_empty(), "rnet differs from ip:{report}");
}
