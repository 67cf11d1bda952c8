//! Reliability under failure, checked against the kernel's state in a
//! sandbox: concurrent use (with ip too), changes that must not be half
//! done, hostile files under /run/netns, and bounded memory on a huge
//! batch. These are explicit tests because rnet deliberately does better
//! than ip here, or because ip cannot be compared (timing, concurrency).

mod common;

use common::{rnet_binary, run_in_sandbox, run_rnet as run, sandbox_available};

// ---- no half-done changes ----

#[test]
fn moving_a_link_onto_a_taken_name_fails_without_moving_it() {
    let Some(out) = run(
        "half_done_move",
        &[
            "ip netns add n1 && $IP link add a1 type veth peer name b1 && $IP -n n1 link add y1 type ifb",
            "ip link set a1 netns n1 name y1",
            "ip link show a1 > /dev/null && echo a1-still-here",
            "ip -n n1 -br link show | cut -d' ' -f1 | sort",
            // With ip the same command moves a1 and then fails.
            "$IP link set a1 netns n1 name y1; echo status=$?; ip -n n1 -br link show | cut -d' ' -f1 | sort",
        ],
    ) else {
        return;
    };
    assert_eq!(out[0].status, 0, "{out:?}");
    assert_eq!(
        (out[1].stderr.as_str(), out[1].status),
        ("RTNETLINK answers: File exists\n", 2),
        "{out:?}"
    );
    assert_eq!(out[2].stdout, "a1-still-here\n", "{out:?}");
    assert_eq!(out[3].stdout, "lo\ny1\n", "{out:?}");
    // The oracle's own behaviour, which rnet deliberately does not copy.
    assert_eq!(out[4].stdout, "status=2\na1@if2\nlo\ny1\n", "{out:?}");
}

#[test]
fn moving_a_link_onto_a_taken_altname_or_into_a_process_namespace() {
    let Some(out) = run(
        "half_done_move_pid",
        &[
            "ip netns add n1 && $IP link add a1 type veth peer name b1 && $IP -n n1 link add y1 type ifb && $IP -n n1 link property add dev y1 altname alt1",
            "ip link set a1 netns n1 name alt1",
            "$IP netns exec n1 sleep 30 > /dev/null 2>&1 & echo $! > sleeper.pid; sleep 0.3; ip link set a1 netns $(cat sleeper.pid) name y1",
            "ip -br link show | cut -d' ' -f1 | sort; ip -n n1 -br link show | cut -d' ' -f1 | sort; kill $(cat sleeper.pid)",
        ],
    ) else {
        return;
    };
    assert_eq!(out[0].status, 0, "{out:?}");
    for line in [1, 2] {
        assert_eq!(
            (out[line].stderr.as_str(), out[line].status),
            ("RTNETLINK answers: File exists\n", 2),
            "{out:?}"
        );
    }
    assert_eq!(out[3].stdout, "a1@b1\nb1@a1\nlo\nlo\ny1\n", "{out:?}");
}

#[test]
fn moving_a_link_to_a_free_name_still_works() {
    let Some(out) = run(
        "move_rename",
        &[
            "ip netns add n1 && $IP link add a1 type veth peer name b1 && $IP -n n1 link add y1 type ifb",
            "ip link set a1 netns n1 name z1",
            "ip -n n1 -br link show | cut -d' ' -f1 | sort",
            // Moving into the namespace it is already in, keeping its name.
            "ip link set b1 netns $(readlink /proc/self/ns/net >/dev/null; echo /proc/self/ns/net) name b1",
        ],
    ) else {
        return;
    };
    assert_eq!((out[1].status, out[1].stderr.as_str()), (0, ""), "{out:?}");
    assert_eq!(out[2].stdout, "lo\ny1\nz1@if2\n", "{out:?}");
    assert_eq!((out[3].status, out[3].stderr.as_str()), (0, ""), "{out:?}");
}

#[test]
fn a_batch_stops_at_the_failing_line_with_everything_before_applied() {
    let Some(out) = run(
        "batch_stops",
        &[
            "ip netns add n1 && $IP link add a1 type veth peer name b1 && $IP -n n1 link add y1 type ifb",
            "printf 'link add c1 type ifb\\naddress add 192.0.2.1/24 dev c1\\nlink set a1 netns n1 name y1\\nlink add c3 type ifb\\naddress add 192.0.2.3/24 dev c1\\n' > batch; ip -b batch",
            "ip -br link show | cut -d' ' -f1 | sort; ip -br -4 addr show dev c1",
            "ip -n n1 -br link show | cut -d' ' -f1 | sort",
        ],
    ) else {
        return;
    };
    assert_eq!(
        (out[1].stderr.as_str(), out[1].status),
        (
            "RTNETLINK answers: File exists\nCommand failed batch:3\n",
            1
        ),
        "{out:?}"
    );
    assert_eq!(
        out[2].stdout, "a1@b1\nb1@a1\nc1\nlo\nc1               DOWN           192.0.2.1/24 \n",
        "{out:?}"
    );
    assert_eq!(out[3].stdout, "lo\ny1\n", "{out:?}");
}

// ---- concurrency ----

#[test]
fn thirty_two_namespaces_added_at_once_by_rnet_and_ip() {
    let Some(out) = run(
        "concurrent_netns",
        &[
            "wc -l < /proc/self/mountinfo > before",
            // 16 rnet and 16 ip processes at once, each writing its status.
            "for i in $(seq 1 16); do (ip netns add r$i; echo $? > st.r$i) & ($IP netns add i$i; echo $? > st.i$i) & done; wait; cat st.* | sort | uniq -c | sed 's/^ *//'",
            "ls /run/netns | wc -l",
            "for i in $(seq 1 16); do ip netns exec r$i true || echo r$i; $IP netns exec i$i true || echo i$i; done",
            "for i in $(seq 1 8); do (ip netns del r$i) & ($IP netns del i$i) & done; wait; for i in $(seq 9 16); do (ip netns del i$i) & ($IP netns del r$i) & done; wait; ls -A /run/netns | wc -l",
            "after=$(wc -l < /proc/self/mountinfo); [ $after -le $(cat before) ] && echo no-leak || { echo leak $(cat before) $after; cat /proc/self/mountinfo; }",
        ],
    ) else {
        return;
    };
    assert_eq!(out[1].stdout, "32 0\n", "{out:?}");
    assert_eq!(out[1].stderr, "", "{out:?}");
    assert_eq!(out[2].stdout, "32\n", "{out:?}");
    assert_eq!(out[3].stdout, "", "{out:?}");
    assert_eq!(out[4].stdout, "0\n", "{out:?}");
    assert_eq!(out[5].stdout, "no-leak\n", "{out:?}");
}

#[test]
fn thirty_two_namespaces_racing_to_create_the_run_directory() {
    // No /run/netns yet: every process races to create it and to make it
    // a shared mount point (bound onto itself). It must be bound once.
    let Some(out) = run(
        "concurrent_run_dir",
        &[
            "umount /run/netns && rmdir /run/netns && wc -l < /proc/self/mountinfo > before",
            "for i in $(seq 1 16); do (ip netns add r$i; echo $? > st.r$i) & ($IP netns add i$i; echo $? > st.i$i) & done; wait; cat st.* | sort | uniq -c | sed 's/^ *//'",
            "for i in $(seq 1 16); do ip netns del r$i; $IP netns del i$i; done; ls -A /run/netns | wc -l",
            "grep -c ' /run/netns ' /proc/self/mountinfo; echo $(( $(wc -l < /proc/self/mountinfo) - $(cat before) ))",
        ],
    ) else {
        return;
    };
    assert_eq!(out[0].status, 0, "{out:?}");
    assert_eq!(out[1].stdout, "32 0\n", "{out:?}");
    assert_eq!(out[2].stdout, "0\n", "{out:?}");
    // The run directory's own bind mount stays, as ip leaves it.
    assert_eq!(out[3].stdout, "1\n1\n", "{out:?}");
}

#[test]
fn the_same_link_added_by_sixteen_processes_at_once() {
    let Some(out) = run(
        "concurrent_link_add",
        &[
            "for i in $(seq 1 16); do (ip link add same0 type ifb 2> e.$i; echo $? > st.$i) & done; wait; cat st.* | sort | uniq -c | sed 's/^ *//'",
            "cat e.* | sort | uniq -c | sed 's/^ *//'",
            "ip -br link show | cut -d' ' -f1 | sort",
        ],
    ) else {
        return;
    };
    assert_eq!(out[0].stdout, "1 0\n15 2\n", "{out:?}");
    assert_eq!(
        out[1].stdout, "15 RTNETLINK answers: File exists\n",
        "{out:?}"
    );
    assert_eq!(out[2].stdout, "lo\nsame0\n", "{out:?}");
}

// ---- stale and hostile namespace files ----

/// Entries under /run/netns that are not what they seem: a namespace
/// bound outside /run/netns with a symbolic link to it, a link to a mount
/// point elsewhere, a link to an entry of /run/netns, a dangling link.
const HOSTILE_SETUP: &str = "ip netns add good && ip netns add other && touch outns && mount --bind /run/netns/other outns && ip netns delete other \
     && mkdir mnt && mount -t tmpfs tmpfs mnt && ln -s $PWD/outns /run/netns/evil && ln -s $PWD/mnt /run/netns/tomnt \
     && ln -s good /run/netns/alias && ln -s nowhere /run/netns/dangling && touch /run/netns/plain && mkdir /run/netns/adir";

#[test]
fn symbolic_links_out_of_the_run_directory_are_not_followed() {
    let refused = "Too many levels of symbolic links";
    let Some(out) = run(
        "hostile_links",
        &[
            HOSTILE_SETUP,
            "ip netns exec evil true",
            "ip -n evil link show lo",
            "ip netns pids evil",
            "ip netns set evil 5",
            "ip netns list",
            "ip netns exec alias ip -br link show lo",
            "ip netns set alias 7 && ip netns list-id",
            "ip netns identify",
            "ip netns exec plain true; ip netns exec adir true; ip netns exec dangling true",
            // Deleting a link removes the link, never the mount it points at.
            "ip netns delete tomnt; ip netns delete evil; grep -c \" $PWD/mnt \" /proc/self/mountinfo; grep -c \" $PWD/outns \" /proc/self/mountinfo",
            "ls /run/netns | sort | tr '\\n' ' '",
            // ip follows the link and detaches the mount it points at.
            "ln -s $PWD/mnt /run/netns/tomnt && $IP netns delete tomnt; grep -c \" $PWD/mnt \" /proc/self/mountinfo",
        ],
    ) else {
        return;
    };
    assert_eq!(out[0].status, 0, "{out:?}");
    assert_eq!(
        (out[1].stderr.clone(), out[1].status),
        (
            format!("Cannot open network namespace \"evil\": {refused}\n"),
            255
        ),
        "{out:?}"
    );
    assert_eq!(
        (out[2].stderr.clone(), out[2].status),
        (
            format!("Cannot open network namespace \"evil\": {refused}\n"),
            255
        ),
        "{out:?}"
    );
    assert_eq!(
        (out[3].stderr.clone(), out[3].status),
        (format!("Cannot open network namespace: {refused}\n"), 1),
        "{out:?}"
    );
    assert_eq!(
        (out[4].stderr.clone(), out[4].status),
        (
            format!("Cannot open network namespace \"evil\": {refused}\n"),
            1
        ),
        "{out:?}"
    );
    assert_eq!(out[5].status, 0, "{out:?}");
    for name in [
        "good", "evil", "tomnt", "alias", "dangling", "plain", "adir",
    ] {
        assert!(out[5].stdout.lines().any(|l| l == name), "{name}: {out:?}");
    }
    assert!(
        out[5].stderr.contains(
            "Warning: /run/netns/evil is a symbolic link out of /run/netns; not followed\n"
        ),
        "{out:?}"
    );
    assert_eq!(
        out[6].stdout.split_whitespace().next(),
        Some("lo"),
        "{out:?}"
    );
    assert!(
        out[7].stdout.contains("nsid 7 (iproute2 netns name: "),
        "{out:?}"
    );
    assert_eq!(
        (out[8].stdout.as_str(), out[8].status),
        ("\n", 0),
        "{out:?}"
    );
    assert_eq!(out[9].status, 255, "{out:?}");
    assert_eq!(out[10].stdout, "1\n1\n", "{out:?}");
    assert_eq!(out[11].stdout, "adir alias dangling good plain ", "{out:?}");
    assert_eq!(out[12].stdout, "0\n", "{out:?}");
}

#[test]
fn names_with_control_characters_never_reach_the_file_system() {
    let Some(out) = run(
        "hostile_names",
        &[
            "ip netns add \"$(printf 'a\\nb')\"",
            "ip netns add \"$(printf 'esc\\033[2J')\"",
            "ip netns add \"$(printf 'tab\\tx')\"",
            "ip netns attach \"$(printf 'a\\nb')\" $$",
            "ip netns delete \"$(printf 'a\\nb')\"",
            "ls -A /run/netns | wc -l",
        ],
    ) else {
        return;
    };
    assert_eq!(
        (out[0].stderr.as_str(), out[0].status),
        ("Invalid netns name \"a\nb\"\n", 255),
        "{out:?}"
    );
    for outcome in &out[1..5] {
        assert_eq!(outcome.status, 255, "{out:?}");
        assert!(
            outcome.stderr.starts_with("Invalid netns name \""),
            "{out:?}"
        );
    }
    assert_eq!(out[5].stdout, "0\n", "{out:?}");
}

// ---- huge input ----

#[test]
fn a_batch_of_a_million_lines_runs_in_bounded_memory() {
    // One line in ten shows lo (two lines of output each), the rest are
    // comments and blank lines: a million lines read one at a time.
    let Some(out) = run(
        "million_lines",
        &[
            "awk 'BEGIN { for (i = 0; i < 1000000; i++) print (i % 10 == 0 ? \"link show lo\" : (i % 10 == 5 ? \"\" : \"# comment \" i)) }' > big; wc -l < big",
            "/usr/bin/time -o rss -f %M ip -b big | sort | uniq -c | sed 's/^ *//'; cat rss",
        ],
    ) else {
        return;
    };
    assert_eq!(out[0].stdout, "1000000\n", "{out:?}");
    let lines: Vec<&str> = out[1].stdout.lines().collect();
    assert_eq!(lines.len(), 3, "{out:?}");
    assert_eq!(out[1].stderr, "", "{out:?}");
    assert!(lines[1].starts_with("100000 1: lo: <LOOPBACK>"), "{out:?}");
    assert!(
        lines[0].starts_with("100000     link/loopback 00:00:00:00:00:00"),
        "{out:?}"
    );
    let peak_kib: u64 = lines[2].trim().parse().expect("peak RSS");
    assert!(peak_kib < 64 * 1024, "peak RSS {peak_kib} KiB");
}

// ---- interrupted dumps ----

#[test]
fn dumps_interrupted_by_concurrent_changes_are_asked_again_a_bounded_number_of_times() {
    // 3000 links, and a loop adding and deleting one more all the time:
    // nearly every dump of the list is interrupted (NLM_F_DUMP_INTR).
    let mut commands = vec![
        "for i in $(seq 1 3000); do echo link add d$i group 7 type ifb; done > mk; $IP -b mk && $IP -o link | wc -l".to_string(),
        "( while :; do $IP link add t0 type ifb; $IP link del t0; done ) > /dev/null 2>&1 & echo $! > churn.pid".to_string(),
    ];
    for (run, what) in [(0, "link show"), (1, "link show"), (2, "-4 addr show")] {
        commands.push(format!(
            "strace -f -e trace=sendto,sendmsg -o strace.{run} ip {what} > shown.{run}; \
             grep -c RTM_GETLINK strace.{run}; grep -c RTM_GETADDR strace.{run}; \
             cut -d: -f1 shown.{run} | grep -v '^ ' | sort | uniq -d | wc -l"
        ));
    }
    // Deleted here rather than with the namespace, whose cleanup would hold
    // the kernel's locks for a while after the test.
    commands.push("kill $(cat churn.pid); $IP link del group 7".to_string());
    if !sandbox_available("interrupted_dumps") {
        return;
    }
    let out = run_in_sandbox(&rnet_binary(), &commands);
    assert_eq!(out[0].stdout, "3001\n", "{out:?}");
    let mut retried = false;
    for (run, outcome) in out[2..5].iter().enumerate() {
        let lines: Vec<u32> = outcome
            .stdout
            .lines()
            .map(|l| l.trim().parse().expect("a count"))
            .collect();
        let [links, addresses, duplicates] = lines[..] else {
            panic!("{out:?}");
        };
        assert!((1..=5).contains(&links), "{out:?}");
        if run == 2 {
            assert!((1..=5).contains(&addresses), "{out:?}");
        }
        retried |= links > 1 || addresses > 1;
        assert_eq!(duplicates, 0, "an index printed twice: {out:?}");
        let warning = "Dump was interrupted and may be inconsistent.\n";
        if links < 5 && addresses < 5 {
            // Asked again until each answer was whole: no warning.
            assert_eq!(outcome.stderr, "", "{out:?}");
        } else {
            assert!(
                outcome.stderr.is_empty() || outcome.stderr == warning,
                "{out:?}"
            );
        }
    }
    assert!(retried, "no dump was interrupted or asked again: {out:?}");
}

#[test]
fn dash_n_never_leaves_the_run_directory() {
    let Some(out) = run(
        "dash_n_names",
        &[
            "ip netns add a",
            "ip -n ../netns/a link show lo",
            "ip -n ../../proc/self/ns/net link show lo",
            "ip -n \"$(printf 'a\\nb')\" link show lo",
            "ip -n '' link show lo",
            "ip -n a -br link show lo",
        ],
    ) else {
        return;
    };
    // Not looked up at all: answered as for a name /run/netns lacks.
    for (line, name) in [
        (1, "../netns/a"),
        (2, "../../proc/self/ns/net"),
        (3, "a\nb"),
    ] {
        assert_eq!(
            (out[line].stderr.clone(), out[line].status),
            (
                format!("Cannot open network namespace \"{name}\": No such file or directory\n"),
                255
            ),
            "{out:?}"
        );
    }
    // ip's answer for the empty name (it opens /run/netns itself).
    assert_eq!(
        (out[4].stderr.as_str(), out[4].status),
        (
            "setting the network namespace \"\" failed: Invalid argument\n",
            255
        ),
        "{out:?}"
    );
    assert!(out[5].stdout.starts_with("lo "), "{out:?}");
}
