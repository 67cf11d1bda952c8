//! `rnet apply` and `rnet destroy` (rnet's own objects; ip has none). The
//! kernel's state is read after each step with /usr/sbin/ip, never from
//! rnet's own output, and the printed plan is run through /usr/sbin/ip in
//! a second sandbox to show that it is what rnet did.

mod common;

use std::path::Path;

use common::{run_in_sandbox, sandbox_available, Outcome, REAL_IP};

/// Prints every namespace's links (with kind), addresses, main-table
/// routes and permanent neighbours as ip's JSON, one section per
/// namespace, rnet's own (the sandbox's) first as `==`.
const STATE: &str = r#"for ns in '' $(ip netns list | cut -d' ' -f1 | sort); do
  echo "== $ns"; if [ -n "$ns" ]; then n="-n $ns"; else n=""; fi
  ip -d -j $n link show; ip -j $n address show; ip -j $n route show
  ip -j $n -6 route show; ip -j $n neigh show nud permanent
done"#;

fn example(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples")
        .join(name);
    path.display().to_string()
}

/// Runs `commands` in a fresh sandbox with the real ip as `ip`.
fn sandbox(test: &str, commands: &[String]) -> Option<Vec<Outcome>> {
    if !sandbox_available(test) {
        return None;
    }
    Some(run_in_sandbox(Path::new(REAL_IP), commands))
}

/// Writes `text` to `name` in the sandbox's directory.
fn write_file(name: &str, text: &str) -> String {
    let quoted = text.replace('\'', r"'\''");
    format!("printf '%s\\n' '{quoted}' > {name}")
}

/// The facts of a STATE dump, sorted: what is compared between sandboxes
/// and before/after (names, kinds, up/down, masters, addresses, routes,
/// neighbours; not indexes, MACs or link-local addresses).
fn facts(dump: &str) -> Vec<String> {
    let mut facts = Vec::new();
    let mut netns = String::new();
    for line in dump.lines() {
        if let Some(name) = line.strip_prefix("==") {
            netns = name.trim().to_string();
            facts.push(format!("netns {netns:?}"));
            continue;
        }
        let value: serde_json::Value =
            serde_json::from_str(line).unwrap_or_else(|err| panic!("{err}: {line}"));
        for object in value.as_array().expect("ip -j prints an array") {
            let text = |key: &str| object[key].as_str().unwrap_or("-").to_string();
            if object.get("addr_info").is_some() {
                for info in object["addr_info"].as_array().unwrap() {
                    if info["scope"] == "link" {
                        continue;
                    }
                    facts.push(format!(
                        "{netns}: address {} {}/{} scope {}",
                        text("ifname"),
                        info["local"].as_str().unwrap(),
                        info["prefixlen"],
                        info["scope"].as_str().unwrap()
                    ));
                }
            } else if object.get("ifname").is_some() {
                let up = object["flags"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|flag| flag == "UP");
                let kind = object["linkinfo"]["info_kind"].as_str().unwrap_or("-");
                facts.push(format!(
                    "{netns}: link {} kind {kind} up {up} master {}",
                    text("ifname"),
                    text("master")
                ));
            } else if object.get("lladdr").is_some() || object.get("state").is_some() {
                facts.push(format!(
                    "{netns}: neigh {} dev {} lladdr {}",
                    text("dst"),
                    text("dev"),
                    text("lladdr")
                ));
            } else if object.get("dst").is_some() {
                if text("dst").starts_with("fe80") || text("dst").starts_with("ff00") {
                    continue;
                }
                facts.push(format!(
                    "{netns}: route {} via {} dev {} proto {} scope {}",
                    text("dst"),
                    text("gateway"),
                    text("dev"),
                    text("protocol"),
                    text("scope")
                ));
            }
        }
    }
    facts.sort();
    facts
}

/// The ip lines of a plan (comments left out).
fn plan_lines(stdout: &str) -> Vec<String> {
    stdout
        .lines()
        .filter(|line| !line.starts_with('#') && !line.is_empty())
        .map(String::from)
        .collect()
}

#[test]
fn apply_reapply_change_one_address_destroy() {
    let seed = example("seed.yaml");
    let commands = [
        STATE.to_string(),
        format!("$RNET apply {seed}"),
        STATE.to_string(),
        "ip netns exec test1 ping -c 1 -W 2 172.17.0.102".to_string(),
        format!("$RNET apply {seed}"),
        STATE.to_string(),
        format!(
            "sed 's/172.17.0.101/172.17.0.111/' {seed} > changed.yaml && $RNET apply changed.yaml"
        ),
        STATE.to_string(),
        "$RNET destroy changed.yaml".to_string(),
        STATE.to_string(),
        "$RNET destroy changed.yaml".to_string(),
    ];
    let Some(out) = sandbox("apply_reapply_change_destroy", &commands) else {
        return;
    };
    let before = facts(&out[0].stdout);
    assert_eq!(out[1].status, 0, "{:?}", out[1]);
    assert_eq!(
        plan_lines(&out[1].stdout),
        [
            "ip netns add test1",
            "ip netns add test2",
            "ip -n test1 link add veth1 type veth peer name veth2 netns test2",
            "ip -n test1 link set dev veth1 up",
            "ip -n test2 link set dev veth2 up",
            "ip -n test1 address add 172.17.0.101/24 dev veth1",
            "ip -n test2 address add 172.17.0.102/24 dev veth2",
        ]
    );
    let applied = facts(&out[2].stdout);
    for fact in [
        "test1: link veth1 kind veth up true master -",
        "test2: link veth2 kind veth up true master -",
        "test1: address veth1 172.17.0.101/24 scope global",
        "test2: address veth2 172.17.0.102/24 scope global",
    ] {
        assert!(applied.contains(&fact.to_string()), "{fact}: {applied:#?}");
    }
    assert_eq!(out[3].status, 0, "ping: {:?}", out[3]);
    // The second apply changes nothing and says so, with status 3.
    assert_eq!(
        (out[4].status, out[4].stdout.as_str()),
        (
            3,
            format!("# apply: nothing to do, the kernel matches {seed}\n").as_str()
        )
    );
    assert_eq!(facts(&out[5].stdout), applied);
    // One address changed: only it is replaced.
    assert_eq!(out[6].status, 0, "{:?}", out[6]);
    assert_eq!(
        plan_lines(&out[6].stdout),
        [
            "ip -n test1 address del 172.17.0.101/24 dev veth1",
            "ip -n test1 address add 172.17.0.111/24 dev veth1",
        ]
    );
    let changed = facts(&out[7].stdout);
    let expected: Vec<String> = applied
        .iter()
        .map(|fact| fact.replace("172.17.0.101/24", "172.17.0.111/24"))
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    assert_eq!(changed, expected);
    // destroy leaves the kernel as it was before apply.
    assert_eq!(out[8].status, 0, "{:?}", out[8]);
    assert_eq!(
        plan_lines(&out[8].stdout),
        ["ip netns del test1", "ip netns del test2"]
    );
    assert_eq!(facts(&out[9].stdout), before);
    assert_eq!(out[10].status, 3, "{:?}", out[10]);
}

#[test]
fn dry_run_changes_nothing_and_json_parses() {
    let (seed, lab) = (example("seed.yaml"), example("routed-lab.yaml"));
    let commands = [
        STATE.to_string(),
        format!("$RNET apply -dry-run {lab}"),
        STATE.to_string(),
        format!("$RNET apply -dry-run -j {seed}"),
        format!("$RNET -j apply {seed}"),
        format!("$RNET apply -j -dry-run {seed}"),
        format!("$RNET destroy -dry-run -j {seed}"),
        STATE.to_string(),
    ];
    let Some(out) = sandbox("apply_dry_run_json", &commands) else {
        return;
    };
    assert_eq!(out[1].status, 0, "{:?}", out[1]);
    assert_eq!(plan_lines(&out[1].stdout).len(), 21, "{}", out[1].stdout);
    assert!(out[1]
        .stdout
        .ends_with("# apply -dry-run: 21 change(s) planned, none made\n"));
    assert_eq!(facts(&out[0].stdout), facts(&out[2].stdout));
    let json = |outcome: &Outcome| -> serde_json::Value {
        serde_json::from_str(&outcome.stdout).unwrap_or_else(|err| panic!("{err}: {outcome:?}"))
    };
    let planned = json(&out[3]);
    assert_eq!(planned["dry_run"], true);
    assert_eq!(planned["changes"], 7);
    assert_eq!(planned["steps"][0]["command"], "ip netns add test1");
    assert_eq!(planned["steps"][0]["undo"], "ip netns del test1");
    assert_eq!(planned["steps"][0]["netns"], serde_json::Value::Null);
    assert_eq!(planned["steps"][5]["netns"], "test1");
    // -j as the global option applies, and prints the same plan.
    assert_eq!(out[4].status, 0, "{:?}", out[4]);
    assert_eq!(json(&out[4])["steps"], planned["steps"]);
    let again = json(&out[5]);
    assert_eq!((out[5].status, &again["changes"]), (3, &0.into()));
    let destroy = json(&out[6]);
    assert_eq!(destroy["steps"][1]["command"], "ip netns del test2");
    assert_eq!(destroy["steps"][1]["undo"], serde_json::Value::Null);
    let after_apply = facts(&out[7].stdout);
    assert!(after_apply.contains(&"netns \"test2\"".to_string()));
}

/// Applies `file` with rnet in one sandbox and runs its printed plan with
/// /usr/sbin/ip in another: the two kernels must hold the same.
fn assert_plan_is_real(test: &str, file: &str, extra: &str) {
    let applied = sandbox(
        test,
        &[
            format!("$RNET apply {file}"),
            STATE.to_string(),
            extra.to_string(),
        ],
    );
    let Some(applied) = applied else { return };
    assert_eq!(applied[0].status, 0, "{:?}", applied[0]);
    let mut commands = plan_lines(&applied[0].stdout);
    let steps = commands.len();
    commands.push(STATE.to_string());
    commands.push(extra.to_string());
    let by_ip = sandbox(test, &commands).expect("sandbox");
    for outcome in &by_ip[..steps] {
        assert_eq!(outcome.status, 0, "ip ran the plan: {outcome:?}");
    }
    let rnet_state = facts(&applied[1].stdout);
    assert!(rnet_state.len() > 5, "{rnet_state:#?}");
    assert_eq!(rnet_state, facts(&by_ip[steps].stdout));
    assert_eq!(applied[2].stdout, by_ip[steps + 1].stdout);
}

#[test]
fn the_seed_plan_is_real() {
    assert_plan_is_real("apply_seed_plan_is_real", &example("seed.yaml"), "true");
}

#[test]
fn the_routed_lab_plan_is_real_and_routes() {
    let lab = example("routed-lab.yaml");
    assert_plan_is_real(
        "apply_lab_plan_is_real",
        &lab,
        "cat /proc/sys/net/ipv4/ip_forward; ip netns exec r1 cat /proc/sys/net/ipv4/ip_forward",
    );
    let Some(out) = sandbox(
        "apply_lab_routes",
        &[
            format!("$RNET apply {lab} >/dev/null"),
            "ip netns exec h1 ping -c 1 -W 2 10.0.2.2".to_string(),
            format!("$RNET apply {lab}"),
        ],
    ) else {
        return;
    };
    assert_eq!(out[0].status, 0, "{:?}", out[0]);
    assert_eq!(out[1].status, 0, "h1 reaches h2 through r1: {:?}", out[1]);
    assert_eq!(out[2].status, 3, "{:?}", out[2]);
}

/// Runs `setup` (with ip), then applies `file`, which must fail at
/// `failing` and leave the kernel as it was.
fn assert_rolled_back(test: &str, setup: &str, file: &str, failing: &str, kernel_error: &str) {
    let commands = [
        setup.to_string(),
        STATE.to_string(),
        write_file("topology.yaml", file),
        "$RNET apply topology.yaml".to_string(),
        STATE.to_string(),
    ];
    let Some(out) = sandbox(test, &commands) else {
        return;
    };
    assert_eq!(out[0].status, 0, "{:?}", out[0]);
    let failed = &out[3];
    assert_eq!(failed.status, 2, "{failed:?}");
    assert!(failed.stderr.contains(kernel_error), "{failed:?}");
    assert!(failed.stderr.contains(failing), "{failed:?}");
    assert!(
        failed.stderr.contains("the kernel is as it was"),
        "{failed:?}"
    );
    // The steps before the failing one were run: it failed halfway.
    let planned = plan_lines(&failed.stdout);
    let at = planned.iter().position(|line| line == failing).unwrap();
    assert!(at >= 3, "{planned:#?}");
    assert_eq!(facts(&out[1].stdout), facts(&out[4].stdout));
}

#[test]
fn a_name_that_clashes_halfway_is_rolled_back() {
    // `br1` is an altname of an existing bridge: the plan cannot see the
    // clash, the kernel refuses the name when the bridge is made.
    let file = "namespaces:
  - name: fa
  - name: fb
links:
  - name: va
    netns: fa
    kind: veth
    peer: { name: vb, netns: fb }
  - name: br1
    kind: bridge
addresses:
  - { netns: fa, dev: va, address: 10.9.0.1/24 }";
    assert_rolled_back(
        "apply_clash_rolled_back",
        "ip link add foo type bridge && ip link property add dev foo altname br1",
        file,
        "ip link add br1 type bridge",
        "RTNETLINK answers: File exists",
    );
}

#[test]
fn a_kind_this_kernel_lacks_is_rolled_back() {
    // This machine's kernel has neither dummy nor vlan; the first one
    // missing is the injected failure.
    let probe = sandbox(
        "apply_kind_probe",
        &[
            "ip link add d0 type dummy".to_string(),
            "ip link add v0 type veth peer name v1 && ip link add link v0 name vl type vlan id 5"
                .to_string(),
        ],
    );
    let Some(probe) = probe else { return };
    let (kind, extra, failing) = if probe[0].status != 0 {
        ("dummy", "", "ip -n k1 link add d0 type dummy")
    } else if probe[1].status != 0 {
        (
            "vlan",
            "\n    link: p0\n    id: 5",
            "ip -n k1 link add d0 link p0 type vlan id 5",
        )
    } else {
        panic!("this kernel has dummy and vlan: no kind to inject a failure with");
    };
    let file = format!(
        "namespaces:
  - name: k1
links:
  - name: p0
    netns: k1
    kind: veth
    peer: {{ name: p1 }}
  - name: kbr
    kind: bridge
    state: down
  - name: d0
    netns: k1
    kind: {kind}{extra}"
    );
    assert_rolled_back(
        "apply_unknown_kind_rolled_back",
        "true",
        &file,
        failing,
        "Unknown device type",
    );
}

#[test]
fn bad_files_change_nothing() {
    let cases: &[(&str, &str, &str)] = &[
        (
            "unknown.yaml",
            "namespaces:\n  - name: a\nlinks:\n  - name: x\n    netns: a\n    kind: bridge\n    colour: red",
            "rnet: unknown.yaml:7: unknown field `colour`",
        ),
        (
            "type.yaml",
            "namespaces:\n  - name: a\nlinks:\n  - name: x\n    netns: a\n    kind: bridge\nroutes:\n  - netns: a\n    to: default\n    dev: x\n    metric: many",
            "rnet: type.yaml:11:",
        ),
        (
            "dangling.yaml",
            "namespaces:\n  - name: a\nlinks:\n  - name: x\n    netns: a\n    kind: bridge\naddresses:\n  - netns: a\n    dev: y\n    address: 10.1.0.1/24",
            "rnet: dangling.yaml:9: link \"y\" in namespace \"a\" is not declared in links",
        ),
        (
            "port.yaml",
            "links:\n  - name: v0\n    kind: veth\n    peer:\n      name: v1\n      master: br7",
            "rnet: port.yaml:6: bridge \"br7\" is not declared in links",
        ),
        (
            "twice.yaml",
            "namespaces:\n  - name: a\nlinks:\n  - name: x\n    netns: a\n    kind: bridge\n  - name: x\n    netns: a\n    kind: tap",
            "rnet: twice.yaml:7: link \"x\" in namespace \"a\" is declared twice (first on line 4)",
        ),
        (
            "twice.json",
            "{\"namespaces\": [{\"name\": \"a\"},\n {\"name\": \"a\"}]}",
            "rnet: twice.json:2: namespace \"a\" is declared twice (first on line 1)",
        ),
        (
            "json-unknown.json",
            "{\"namespaces\": [{\"name\": \"a\", \"sysctl\": {}}]}",
            "rnet: json-unknown.json:1: unknown field `sysctl`",
        ),
    ];
    let mut commands = vec![STATE.to_string()];
    for (name, text, _) in cases {
        commands.push(format!("{} && $RNET apply {name}", write_file(name, text)));
    }
    commands.push(STATE.to_string());
    let Some(out) = sandbox("apply_bad_files", &commands) else {
        return;
    };
    for ((_, _, error), outcome) in cases.iter().zip(&out[1..]) {
        assert_eq!(outcome.status, 1, "{outcome:?}");
        assert_eq!(outcome.stdout, "", "{outcome:?}");
        assert!(outcome.stderr.starts_with(error), "{error}: {outcome:?}");
    }
    assert_eq!(
        facts(&out[0].stdout),
        facts(out.last().unwrap().stdout.as_str())
    );
}

/// Every kind of link, some in the sandbox's own namespace, beside things
/// the file does not own.
const EVERY_KIND: &str = "namespaces:
  - name: x1
    sysctls:
      net.ipv6.conf.all.forwarding: 1
links:
  - name: lo
  - name: hbr
    kind: bridge
  - name: hv0
    kind: veth
    master: hbr
    peer: { name: xv0, netns: x1 }
  - name: hv1
    kind: veth
    peer: { name: hv2, state: down }
  - name: mv0
    kind: macvlan
    link: hv1
    mode: private
  - name: vx0
    kind: vxlan
    id: 42
    local: 192.0.2.1
    remote: 192.0.2.7
    link: hbr
  - name: tp0
    kind: tap
    state: down
addresses:
  - { dev: hbr, address: 192.0.2.1/24 }
  - { dev: lo, address: 198.51.100.1/32 }
  - { netns: x1, dev: xv0, address: \"2001:db8::2/64\" }
routes:
  - { to: 203.0.113.0/24, via: 192.0.2.2 }
  - { to: 198.51.100.64/26, dev: lo, metric: 7 }
  - { netns: x1, to: default, via: \"2001:db8::1\" }
neighbors:
  - { dev: hbr, address: 192.0.2.9, lladdr: \"02:00:00:00:00:09\" }";

#[test]
fn every_kind_applies_reapplies_and_is_destroyed_leaving_the_rest() {
    let commands = [
        "ip link add keep0 type bridge && ip address add 10.7.0.1/24 dev keep0 && ip netns add other && ip -n other link add keep1 type bridge".to_string(),
        STATE.to_string(),
        write_file("every.yaml", EVERY_KIND),
        "$RNET apply every.yaml".to_string(),
        STATE.to_string(),
        "$RNET apply every.yaml".to_string(),
        "$RNET destroy every.yaml".to_string(),
        STATE.to_string(),
    ];
    let Some(out) = sandbox("apply_every_kind", &commands) else {
        return;
    };
    assert_eq!(out[0].status, 0, "{:?}", out[0]);
    assert_eq!(out[3].status, 0, "{:?}", out[3]);
    let applied = facts(&out[4].stdout);
    for fact in [
        ": link hv0 kind veth up true master hbr",
        ": link hv2 kind veth up false master -",
        ": link mv0 kind macvlan up true master -",
        ": link vx0 kind vxlan up true master -",
        ": link tp0 kind tun up false master -",
        ": address lo 198.51.100.1/32 scope global",
        ": route 198.51.100.64/26 via - dev lo proto - scope link",
        ": route 203.0.113.0/24 via 192.0.2.2 dev hbr proto - scope -",
        ": neigh 192.0.2.9 dev hbr lladdr 02:00:00:00:00:09",
        "x1: link xv0 kind veth up true master -",
        "x1: address xv0 2001:db8::2/64 scope global",
        "x1: route default via 2001:db8::1 dev xv0 proto - scope -",
    ] {
        assert!(applied.contains(&fact.to_string()), "{fact}: {applied:#?}");
    }
    assert_eq!(
        (out[5].status, out[5].stdout.as_str()),
        (3, "# apply: nothing to do, the kernel matches every.yaml\n")
    );
    assert_eq!(out[6].status, 0, "{:?}", out[6]);
    // Only what the file owns went: keep0, its address and `other` stay;
    // lo keeps its state (the file does not create it) but loses the
    // file's address and route.
    let lo_address = |fact: &String| fact.starts_with(": address lo ");
    let after = facts(&out[7].stdout);
    assert!(
        !after.iter().any(|fact| fact.contains("198.51.100.")),
        "{after:#?}"
    );
    let mut expected: Vec<String> = facts(&out[1].stdout)
        .into_iter()
        .filter(|fact| !lo_address(fact))
        .map(|fact| match fact.as_str() {
            ": link lo kind - up false master -" => ": link lo kind - up true master -".into(),
            _ => fact,
        })
        .collect();
    expected.sort();
    let after: Vec<String> = after.into_iter().filter(|fact| !lo_address(fact)).collect();
    assert_eq!(after, expected);
    for kept in [
        "other: link keep1 kind bridge up false master -",
        ": address keep0 10.7.0.1/24 scope global",
    ] {
        assert!(after.contains(&kept.to_string()), "{kept}: {after:#?}");
    }
}

#[test]
fn every_kind_plan_is_real() {
    let dir = std::env::temp_dir().join(format!("rnet-apply-every-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("every.yaml");
    std::fs::write(&file, EVERY_KIND).unwrap();
    assert_plan_is_real(
        "apply_every_kind_plan_is_real",
        &file.display().to_string(),
        "ip netns exec x1 cat /proc/sys/net/ipv6/conf/all/forwarding",
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_link_of_another_kind_is_a_conflict_that_changes_nothing() {
    let file = "namespaces:\n  - name: c1\nlinks:\n  - name: x0\n    kind: tap";
    let commands = [
        "ip link add x0 type bridge".to_string(),
        STATE.to_string(),
        write_file("conflict.yaml", file),
        "$RNET apply conflict.yaml".to_string(),
        STATE.to_string(),
    ];
    let Some(out) = sandbox("apply_conflict", &commands) else {
        return;
    };
    assert_eq!(
        (
            out[3].status,
            out[3].stdout.as_str(),
            out[3].stderr.as_str()
        ),
        (
            1,
            "",
            "rnet: link \"x0\" exists as bridge, the file says tap; nothing was changed\n"
        )
    );
    assert_eq!(facts(&out[1].stdout), facts(&out[4].stdout));
}
