//! Reliability under failure, checked against the kernel's state in a
//! sandbox: concurrent use (with ip too), changes that must not be half
//! done, hostile files under /run/netns, and bounded memory on a huge
//! batch. These are explicit tests because rnet deliberately does better
//! than ip here, or because ip cannot be compared (timing, concurrency).

mod common;

use common::{rnet_binary, run_in_sandbox, sandbox_available, Outcome};

fn run(test: &str, commands: &[&str]) -> Option<Vec<Outcome>> {
    if !sandbox_available(test) {
        return None;
    }
    let commands: Vec<String> = commands.iter().map(|c| c.to_string()).collect();
    Some(run_in_sandbox(&rnet_binary(), &commands))
}

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
