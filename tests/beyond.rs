//! rnet's options beyond ip: `-json-all` (JSON wherever ip prints text),
//! `-idempotent` (add/delete that can be run twice), `-table`, and the hints
//! raised where only the failing code knows the context. Each runs in a
//! sandbox; ip cannot be the oracle, so outputs are checked against fixed
//! schemas and the kernel state is read back with the real ip.

mod common;

use common::{run_rnet as run, Outcome};
use serde_json::Value;

fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|err| panic!("not JSON ({err}): {text:?}"))
}

fn json_lines(text: &str) -> Vec<Value> {
    text.lines().map(json).collect()
}

#[test]
fn json_all_covers_what_ip_prints_as_text() {
    let Some(out) = run(
        "json_all",
        &[
            "$IP netns add a; $IP netns exec a sleep 30 & sleep 0.5; $RNET -json-all netns pids a",
            "$RNET -json-all netns identify",
            "$IP netns exec a $RNET -json-all netns identify",
            "$RNET -j netns identify; $IP netns exec a $RNET -j netns identify",
            "( timeout 2 $RNET -json-all netns monitor & sleep 0.5; $IP netns add b; $IP netns del b; wait )",
            "$IP link add v0 type veth peer name v1; $IP addr add 192.0.2.1/24 dev v0; \
             $IP addr add 192.0.2.2/24 dev v0; $RNET -json-all -s addr flush dev v0",
            "$RNET -json-all -s addr flush dev v0",
            "$RNET -j -s addr flush dev v0",
            "$RNET -json-all netns add a",
            "$RNET -json-all link",
            "$RNET -json-all -echo rule add pref 100 table 5",
            "$RNET -j -echo rule add pref 101 table 6",
            "$RNET -json-all -echo addr add 198.51.100.1/24 dev v1",
            "$RNET -json-all -s -s addr flush dev v1",
        ],
    ) else {
        return;
    };
    let pids = json(&out[0].stdout);
    let pids = pids.as_array().expect("array of pids");
    assert!(
        !pids.is_empty() && pids.iter().all(Value::is_u64),
        "{pids:?}"
    );

    assert_eq!(json(&out[1].stdout), serde_json::json!({ "name": null }));
    assert_eq!(json(&out[2].stdout), serde_json::json!({ "name": "a" }));
    // Without -json-all, ip's text under -j.
    assert_eq!(out[3].stdout, "\na\n");

    let events = json_lines(&out[4].stdout);
    assert_eq!(
        events,
        [
            serde_json::json!({"event": "add", "name": "b"}),
            serde_json::json!({"event": "delete", "name": "b"}),
        ]
    );

    assert_eq!(
        json_lines(&out[5].stdout),
        [
            serde_json::json!({"round": 1, "deleted": 2}),
            serde_json::json!({"complete": true, "rounds": 1}),
        ]
    );
    assert_eq!(
        json(&out[6].stdout),
        serde_json::json!({"complete": true, "rounds": 0})
    );
    assert_eq!(out[7].stdout, "Nothing to flush.\n");

    // Errors are JSON too (-json-all implies -json-errors), listings -j.
    let error = json(&out[8].stderr);
    assert_eq!(error["errno"], 17);
    assert_eq!(error["exit_code"], 1);
    assert_eq!(out[8].status, 1);
    let links = json(&out[9].stdout);
    assert!(links
        .as_array()
        .unwrap()
        .iter()
        .all(|l| l["ifname"].is_string()));
}

/// The lines of `$IP -br link` / `-br addr` output, trailing blanks trimmed.
fn brief(text: &str) -> Vec<String> {
    text.lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect()
}

#[test]
fn idempotent_links() {
    let Some(out) = run(
        "idempotent_links",
        &[
            "$RNET -idempotent link add va type veth peer name vb",
            "$RNET -idempotent link add va type veth peer name vb",
            "$RNET -idempotent link add va type veth peer name vc",
            "$RNET -idempotent link add va type bridge",
            "$RNET -idempotent link add mv link va type macvlan mode bridge",
            "$RNET -idempotent link add mv link va type macvlan mode bridge",
            "$RNET -idempotent link add mv link va type macvlan mode vepa",
            "$RNET -idempotent link add mv link vb type macvlan mode bridge",
            "$RNET -idempotent link add vx type vxlan id 5 dstport 4789",
            "$RNET -idempotent link add vx type vxlan id 6 dstport 4789",
            "$RNET link add va type veth peer name vb",
            "$IP -br link show type veth; $IP -br link show type macvlan; $IP -br link show type vxlan",
            "$RNET -idempotent link del vx",
            "$RNET -idempotent link del vx",
            "$RNET -idempotent link del dev vx",
            "$RNET link del vx",
            "$IP -br link show type vxlan",
        ],
    ) else {
        return;
    };
    let statuses: Vec<i32> = out.iter().map(|o| o.status).collect();
    assert_eq!(
        statuses,
        [0, 0, 1, 1, 0, 0, 1, 1, 0, 1, 2, 0, 0, 0, 0, 1, 0],
        "{out:#?}"
    );
    for quiet in [0, 1, 4, 5, 8, 12, 13, 14] {
        assert_eq!(
            (out[quiet].stdout.as_str(), out[quiet].stderr.as_str()),
            ("", "")
        );
    }
    assert_eq!(
        out[2].stderr,
        "Error: link \"va\" exists already but differs: its peer is vb, not vc.\n"
    );
    assert_eq!(
        out[3].stderr,
        "Error: link \"va\" exists already but differs: it is kind veth, not bridge.\n"
    );
    assert_eq!(
        out[6].stderr,
        "Error: link \"mv\" exists already but differs: its mode is bridge, not vepa.\n"
    );
    assert_eq!(
        out[7].stderr,
        "Error: link \"mv\" exists already but differs: its link is va, not vb.\n"
    );
    assert_eq!(
        out[9].stderr,
        "Error: link \"vx\" exists already but differs: its id is 5, not 6.\n"
    );
    // Without the option: ip's refusal, unchanged.
    assert_eq!(out[10].stderr, "RTNETLINK answers: File exists\n");
    let state = brief(&out[11].stdout);
    let names: Vec<&str> = state.iter().map(|l| l.split(' ').next().unwrap()).collect();
    assert_eq!(names, ["vb@va", "va@vb", "mv@va", "vx"]);
    assert_eq!(out[15].stderr, "Cannot find device \"vx\"\n");
    assert_eq!(out[16].stdout, "");
}

#[test]
fn idempotent_addresses_and_namespaces() {
    let Some(out) = run(
        "idempotent_addresses",
        &[
            "$IP link add va type veth peer name vb",
            "$RNET -idempotent addr add 192.0.2.1/24 dev va",
            "$RNET -idempotent addr add 192.0.2.1/24 dev va",
            "$RNET -idempotent addr add 192.0.2.1/25 dev va",
            "$RNET -idempotent addr add 2001:db8::1/64 dev va",
            "$RNET -idempotent addr add 2001:db8::1/64 dev va",
            "$RNET -idempotent addr add 2001:db8::1/48 dev va",
            "$RNET -idempotent addr add 192.0.2.5 peer 192.0.2.6 dev va",
            "$RNET -idempotent addr add 192.0.2.5 peer 192.0.2.7 dev va",
            "$IP -br addr show dev va",
            "$RNET -idempotent addr del 192.0.2.1/24 dev va",
            "$RNET -idempotent addr del 192.0.2.1/24 dev va",
            "$RNET addr del 192.0.2.1/24 dev va",
            "$IP -br -4 addr show dev va",
            "$RNET -idempotent netns add x",
            "$RNET -idempotent netns add x",
            "touch /run/netns/stale; $RNET -idempotent netns add stale",
            "$RNET -idempotent netns del x; $RNET -idempotent netns del x; $RNET -idempotent netns del never",
            "$IP netns list",
        ],
    ) else {
        return;
    };
    let statuses: Vec<i32> = out.iter().map(|o| o.status).collect();
    assert_eq!(
        statuses,
        [0, 0, 0, 1, 0, 0, 1, 0, 1, 0, 0, 0, 2, 0, 0, 0, 1, 0, 0],
        "{out:#?}"
    );
    assert_eq!(
        out[3].stderr,
        "Error: address 192.0.2.1 on va exists already but differs: it is there as \
         192.0.2.1/24, not /25.\n"
    );
    assert_eq!(
        out[6].stderr,
        "Error: address 2001:db8::1 on va exists already but differs: it is there as \
         2001:db8::1/64, not /48.\n"
    );
    assert_eq!(
        out[8].stderr,
        "Error: address 192.0.2.5 on va exists already but differs: it is there as \
         192.0.2.5 peer 192.0.2.6/32, not peer 192.0.2.7/32.\n"
    );
    assert_eq!(
        brief(&out[9].stdout),
        ["va@vb DOWN 192.0.2.1/24 192.0.2.5 peer 192.0.2.6/32 2001:db8::1/64"]
    );
    assert_eq!(out[12].stderr, "Error: ipv4: Address not found.\n");
    assert_eq!(
        brief(&out[13].stdout),
        ["va@vb DOWN 192.0.2.5 peer 192.0.2.6/32"]
    );
    assert!(
        out[16].stderr.contains("is not a network namespace"),
        "{:?}",
        out[16]
    );
    assert_eq!(out[17].stderr, "");
    assert_eq!(out[18].stdout, "stale\n");
}

#[test]
fn hints_name_the_clashing_object() {
    let Some(out) = run(
        "beyond_hints",
        &[
            "$IP link add va type veth peer name vb; $IP netns add n; $IP -n n link add vq type bridge",
            "$RNET -hints link add name vb type veth peer name vz",
            "$RNET -hints link add name vr type veth peer name va",
            "$RNET -hints link add name vr type veth peer name vq netns n",
            "$RNET link add name vr type veth peer name vq netns n",
            "$RNET -hints link replace va type bridge",
            "$RNET link replace va type bridge",
            "$IP addr add 192.0.2.1/24 dev va; $RNET -hints addr add 192.0.2.1/24 dev va",
            "$RNET addr add 192.0.2.1/24 dev va",
            "setpriv --reuid=65534 --regid=65534 --clear-groups $RNET -hints link add q type bridge",
            "setpriv --reuid=65534 --regid=65534 --clear-groups $RNET -hints addr add 192.0.2.9/24 dev va",
            "$RNET -json-errors link add name vr type veth peer name vq netns n",
        ],
    ) else {
        return;
    };
    let hint = |o: &Outcome| o.stderr.lines().nth(1).unwrap_or_default().to_string();
    assert_eq!(
        out[1].stderr.lines().next(),
        Some("RTNETLINK answers: File exists")
    );
    assert!(
        hint(&out[1]).starts_with("hint: vb exists in this namespace;"),
        "{:?}",
        out[1]
    );
    assert!(
        hint(&out[2]).starts_with("hint: the peer name va exists in this namespace;"),
        "{:?}",
        out[2]
    );
    assert!(
        hint(&out[3]).starts_with("hint: the peer name vq exists in namespace n;"),
        "{:?}",
        out[3]
    );
    // Without -hints (stderr is not a terminal here): exactly ip's text.
    assert_eq!(out[4].stderr, "RTNETLINK answers: File exists\n");
    assert_eq!(out[4].status, 2);
    assert!(
        hint(&out[5]).contains("`rnet link set va …`"),
        "{:?}",
        out[5]
    );
    assert_eq!(
        out[6].stderr,
        "RTNETLINK answers: Operation not supported\n"
    );
    assert!(
        hint(&out[7]).starts_with("hint: 192.0.2.1 is already on va"),
        "{:?}",
        out[7]
    );
    assert_eq!(out[8].stderr, "Error: ipv4: Address already assigned.\n");
    if !out[9].stderr.contains("setpriv") {
        assert_eq!(
            hint(&out[9]),
            "hint: changing link q needs CAP_NET_ADMIN in this network namespace: run as \
             root, or in a container granted NET_ADMIN"
        );
        assert!(
            hint(&out[10]).contains("the addresses of va"),
            "{:?}",
            out[10]
        );
    }
    let error = json(&out[11].stderr);
    assert_eq!(error["errno"], 17);
    assert_eq!(error["objects"], serde_json::json!(["vq"]));
}

/// The cells of a `-table` line (columns are two or more spaces apart).
fn cells(line: &str) -> Vec<String> {
    line.split("  ")
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(String::from)
        .collect()
}

#[test]
fn tables_for_people() {
    let Some(out) = run(
        "table",
        &[
            "$IP netns add n1; $IP netns add n2; $IP netns set n1 5; \
             $IP link add va type veth peer name vb; $IP link add br0 type bridge; \
             $IP link set va master br0; $IP link add vc type veth peer name vd netns n1; \
             $IP addr add 192.0.2.1/24 dev br0; $IP addr add 2001:db8::1/64 dev br0",
            "COLUMNS=200 $RNET -table link",
            "COLUMNS=200 $RNET -table -4 addr",
            "COLUMNS=200 $RNET -table addr show dev br0",
            "$RNET -table netns",
            "COLUMNS=72 $RNET -table addr show dev br0",
            "$RNET -j -table link show br0",
            "$IP link add veth-long-name1 type veth peer name \
             veth-long-peer2; unset COLUMNS; $RNET -table link | cat",
        ],
    ) else {
        return;
    };
    assert!(out.iter().all(|o| o.status == 0), "{out:#?}");
    let lines: Vec<&str> = out[1].stdout.lines().collect();
    assert_eq!(
        cells(lines[0]),
        [
            "INDEX",
            "NAME",
            "STATE",
            "MTU",
            "MAC",
            "MASTER",
            "NETNS",
            "ADDRESSES"
        ]
    );
    assert!(lines[1].chars().all(|c| c == '-'));
    // One line per link here (no address wraps at 200 columns): lo, vb,
    // va, br0, vc, and br0's two addresses on two lines.
    let names: Vec<String> = lines[2..]
        .iter()
        .filter(|l| !l.starts_with(' '))
        .map(|l| cells(l)[1].clone())
        .collect();
    assert_eq!(names, ["lo", "vb@va", "va@vb", "br0", "vc@if2"]);
    let va = cells(lines.iter().find(|l| l.contains("va@vb")).unwrap());
    assert_eq!(va[5], "br0", "{va:?}");
    let vc = cells(lines.iter().find(|l| l.contains("vc@if2")).unwrap());
    assert_eq!(vc.last().unwrap(), "n1", "{vc:?}");
    let br0 = lines
        .iter()
        .position(|l| l.contains("br0  ") && !l.contains('@'))
        .unwrap();
    assert!(lines[br0].ends_with("192.0.2.1/24"), "{}", lines[br0]);
    assert!(lines[br0 + 1].trim() == "2001:db8::1/64", "{lines:?}");

    let v4: Vec<&str> = out[2].stdout.lines().collect();
    assert_eq!(v4.len(), 3, "{v4:?}");
    assert!(v4[2].ends_with("192.0.2.1/24"));
    assert_eq!(out[3].stdout.lines().count(), 4);

    assert_eq!(
        out[4].stdout.lines().map(cells).collect::<Vec<_>>(),
        [
            vec!["NAME", "ID"],
            vec!["---------"],
            vec!["n2"],
            vec!["n1", "5"]
        ]
    );
    // Too wide for 72 columns: the widest column (the addresses) wraps.
    let narrow = &out[5].stdout;
    assert!(narrow.lines().all(|l| l.chars().count() <= 72), "{narrow}");
    assert!(narrow.lines().count() > 4, "{narrow}");
    // JSON wins over the table.
    assert!(json(&out[6].stdout).is_array());
    // No terminal and no $COLUMNS: nothing wraps, a name stays on its row.
    let piped = &out[7].stdout;
    assert!(
        piped
            .lines()
            .any(|l| l.contains("veth-long-name1@veth-long-peer2")),
        "{piped}"
    );
}

#[test]
fn options_are_documented_and_completed() {
    let Some(out) = run(
        "beyond_completion",
        &[
            "rnet -completions bash > rnet.bash",
            "bash -c '. ./rnet.bash; COMP_WORDS=(rnet -json-); COMP_CWORD=1; _rnet; \
             printf \"%s\\n\" \"${COMPREPLY[@]}\"'",
            "bash -c '. ./rnet.bash; COMP_WORDS=(rnet -ta); COMP_CWORD=1; _rnet; \
             printf \"%s\\n\" \"${COMPREPLY[@]}\"'",
            "rnet -man",
            "rnet -tab link",
        ],
    ) else {
        return;
    };
    assert_eq!(out[1].stdout, "-json-errors\n-json-all\n", "{:?}", out[1]);
    assert_eq!(out[2].stdout, "-table\n");
    for option in ["json\\-all", "table", "idempotent"] {
        assert!(
            out[3].stdout.contains(&format!("\\fB\\-\\-{option}\\fR")),
            "{option}"
        );
    }
    // Exact names only: a prefix is not the option (ip would say unknown).
    assert_eq!(
        out[4].stderr,
        "Option \"-tab\" is unknown, try \"rnet -help\".\n"
    );
    assert_eq!(out[4].status, 255);
}

#[test]
fn idempotent_veth_with_peer_elsewhere() {
    let Some(out) = run(
        "idempotent_veth_netns",
        &[
            "$IP netns add n; $IP netns add m; $IP -n m link add vq type veth peer name vb",
            "$RNET -idempotent link add name va type veth peer name vb netns n",
            "$RNET -idempotent link add name va type veth peer name vb netns n",
            "$RNET -idempotent link add name va type veth peer name vc netns n",
            "$RNET -idempotent link add name va type veth peer name vb netns m",
            "$RNET -idempotent link add name va type veth peer name vb",
            "$IP -br link show type veth; $IP -n n -br link show type veth",
        ],
    ) else {
        return;
    };
    let statuses: Vec<i32> = out.iter().map(|o| o.status).collect();
    assert_eq!(statuses, [0, 0, 0, 1, 1, 1, 0], "{out:#?}");
    assert_eq!(
        out[3].stderr,
        "Error: link \"va\" exists already but differs: its peer is not vc in namespace n.\n"
    );
    assert_eq!(
        out[4].stderr,
        "Error: link \"va\" exists already but differs: its peer is not vb in namespace m.\n"
    );
    assert_eq!(
        out[5].stderr,
        "Error: link \"va\" exists already but differs: its peer is in another namespace, \
         not this one.\n"
    );
    let names: Vec<String> = brief(&out[6].stdout)
        .iter()
        .map(|l| l.split(' ').next().unwrap().to_string())
        .collect();
    assert_eq!(names, ["va@if2", "vb@if2"]);
}

#[test]
fn route_tables_for_people() {
    let Some(out) = run(
        "route_table",
        &[
            "$IP link add va type veth peer name vb; $IP link set va up; $IP link set vb up; \
             $IP addr add 192.0.2.1/24 dev va; \
             $IP route add 198.51.100.0/24 via 192.0.2.2 metric 7 proto static; \
             $IP route add 203.0.113.0/24 nexthop via 192.0.2.3 nexthop via 192.0.2.4; \
             $IP route add blackhole 10.9.0.0/16 table 100",
            "COLUMNS=200 $RNET -table route",
            "COLUMNS=200 $RNET -table route show table 100",
            "$RNET -j -table route",
            "$RNET route show table 100",
        ],
    ) else {
        return;
    };
    assert!(out.iter().all(|o| o.status == 0), "{out:#?}");
    let lines: Vec<&str> = out[1].stdout.lines().collect();
    assert_eq!(
        cells(lines[0]),
        [
            "DESTINATION",
            "GATEWAY",
            "DEV",
            "PROTO",
            "SCOPE",
            "SRC",
            "METRIC",
            "TABLE"
        ]
    );
    assert!(lines[1].chars().all(|c| c == '-'));
    let static_route = lines
        .iter()
        .find(|l| l.starts_with("198.51.100.0/24"))
        .unwrap();
    assert_eq!(
        cells(static_route),
        [
            "198.51.100.0/24",
            "192.0.2.2",
            "va",
            "static",
            "global",
            "7",
            "main"
        ]
    );
    // A multipath route: one nexthop per line.
    let at = lines
        .iter()
        .position(|l| l.starts_with("203.0.113.0/24"))
        .unwrap();
    assert!(lines[at].contains("192.0.2.3"), "{lines:?}");
    assert_eq!(cells(lines[at + 1]), ["192.0.2.4", "va"]);
    assert_eq!(
        cells(out[2].stdout.lines().nth(2).unwrap()),
        ["blackhole 10.9.0.0/16", "boot", "global", "100"]
    );
    // JSON wins over the table; without -table nothing changes.
    assert!(json(&out[3].stdout).is_array());
    assert_eq!(out[4].stdout, "blackhole 10.9.0.0/16 \n");
}

#[test]
fn json_all_monitor_writes_one_object_per_event_and_line() {
    let Some(out) = run(
        "json_all_monitor",
        &[
            "$IP link set lo up; $IP netns add a; \
             ( timeout 3 $RNET -json-all monitor > /run/events & sleep 0.5; \
             $IP link add v0 type veth peer name v1; $IP addr add 192.0.2.1/24 dev v0; \
             $IP rule add pref 100 table 5; \
             $IP rule del pref 100 table 5; $IP netns set a 9; sleep 0.5; wait ); cat /run/events",
            "( timeout 2 $RNET -j monitor link & sleep 0.5; $IP link set v1 mtu 1400; wait )",
        ],
    ) else {
        return;
    };
    let events = json_lines(&out[0].stdout);
    let find = |object: &str, event: &str, key: &str, value: Value| {
        events
            .iter()
            .any(|e| e["object"] == object && e["event"] == event && e[key] == value)
    };
    assert!(find("link", "new", "ifname", "v0".into()), "{events:?}");
    assert!(
        find("address", "new", "local", "192.0.2.1".into()),
        "{events:?}"
    );
    assert!(
        find("route", "new", "dst", "192.0.2.1".into()),
        "{events:?}"
    );
    assert!(find("rule", "new", "priority", 100.into()), "{events:?}");
    assert!(
        find("rule", "deleted", "priority", 100.into()),
        "{events:?}"
    );
    assert!(find("nsid", "new", "nsid", 9.into()), "{events:?}");
    assert!(find("nsid", "new", "name", "a".into()), "{events:?}");
    assert!(events
        .iter()
        .all(|e| e["event"] == "new" || e["event"] == "deleted"));
    // Plain -j monitor prints ip's text, as ip does.
    assert!(
        out[1].stdout.starts_with("2: v1@v0: <"),
        "{:?}",
        out[1].stdout
    );
}
