//! Explicit expectations for netns behaviour where rnet deliberately differs
//! from ip, or where ip's output cannot be compared (timing, its buffering).

mod common;

use common::run_rnet as run;

#[test]
fn monitor_reports_each_event_at_once_into_a_pipe() {
    let Some(out) = run(
        "monitor",
        &[
            "ip netns monitor > events & echo $! > monitor.pid",
            "sleep 0.3; ip netns add m1; ip netns add m2; ip netns delete m1; sleep 0.3",
            // Still running: what is in the file was flushed event by event.
            "cat events; kill $(cat monitor.pid)",
        ],
    ) else {
        return;
    };
    assert_eq!(out[2].stdout, "add m1\nadd m2\ndelete m1\n", "{out:?}");
}

#[test]
fn dash_n_stays_in_the_callers_mount_namespace() {
    let Some(out) = run(
        "dash_n_mounts",
        &[
            "ip netns add ns1",
            "ip -n ns1 netns monitor > /dev/null & echo $! > monitor.pid; sleep 0.3",
            "P=$(cat monitor.pid); [ $(readlink /proc/$P/ns/mnt) = $(readlink /proc/self/ns/mnt) ] && echo same-mnt; \
             [ $(readlink /proc/$P/ns/net) = $(readlink /run/netns/ns1 2>/dev/null || stat -L -c 'net:[%i]' /run/netns/ns1) ] && echo in-ns1; \
             kill $P",
            "ip -n ns1 netns identify",
        ],
    ) else {
        return;
    };
    assert_eq!(out[2].stdout, "same-mnt\nin-ns1\n", "{out:?}");
    assert_eq!((out[3].stdout.as_str(), out[3].status), ("ns1\n", 0));
}

#[test]
fn messages_name_the_program_it_was_invoked_as() {
    let Some(out) = run(
        "program_name",
        &[
            "$RNET foo",
            "ip foo",
            "$RNET netns foo",
            "$RNET -V",
            "ip -V",
            "$RNET help 2>&1 | head -3",
        ],
    ) else {
        return;
    };
    assert_eq!(
        out[0].stderr,
        "Object \"foo\" is unknown, try \"rnet help\".\n"
    );
    assert_eq!(out[0].status, 1);
    assert_eq!(
        out[1].stderr,
        "Object \"foo\" is unknown, try \"ip help\".\n"
    );
    assert_eq!(
        out[2].stderr,
        "Command \"foo\" is unknown, try \"rnet netns help\".\n"
    );
    assert_eq!(out[2].status, 255);
    let version = env!("CARGO_PKG_VERSION");
    assert_eq!(
        out[3].stdout,
        format!("rnet utility, iproute2-6.1.0 compatible, rnet {version}\n")
    );
    assert_eq!(
        out[4].stdout,
        format!("ip utility, iproute2-6.1.0 compatible, rnet {version}\n")
    );
    assert_eq!(
        out[5].stdout,
        "Usage: rnet [ OPTIONS ] OBJECT { COMMAND | help }\n       rnet [ -force ] -batch filename\nwhere  OBJECT := { address | addrlabel | apply | destroy | link | maddress | monitor | mroute | mrule | neighbor | netconf | netns | nexthop | ntable | route | rule | tcpmetrics | token | tuntap | vrf | wait | help }\n"
    );
}

#[test]
fn unimplemented_objects_are_refused_by_name() {
    let Some(out) = run(
        "unimplemented",
        &["ip link xstats", "ip tunnel show", "ip xfrm"],
    ) else {
        return;
    };
    for (outcome, object) in out.iter().zip(["link", "tunnel", "xfrm"]) {
        assert_eq!(outcome.status, 1, "{outcome:?}");
        assert!(
            outcome
                .stderr
                .contains(&format!("\"{object}\" is not implemented")),
            "{outcome:?}"
        );
        assert!(outcome.stdout.is_empty());
    }
}

#[test]
fn failed_adds_leave_no_file_and_no_mount() {
    let Some(out) = run(
        "failed_add",
        &[
            "grep -c netns /proc/self/mountinfo",
            "ip netns attach gone 999999",
            "ip netns attach gone 0",
            "ip netns add ok; ip netns add ok",
            "ls -A /run/netns; grep -c netns /proc/self/mountinfo",
        ],
    ) else {
        return;
    };
    let before: usize = out[0].stdout.trim().parse().unwrap();
    assert_eq!(out[1].status, 1);
    assert_eq!(
        out[1].stderr,
        "Bind /proc/999999/ns/net -> /run/netns/gone failed: No such file or directory\n"
    );
    assert_eq!(
        out[3].stderr,
        "Cannot create namespace file \"/run/netns/ok\": File exists\n"
    );
    // Only "ok" is left, with exactly one more mount (its nsfs bind).
    assert_eq!(out[4].stdout, format!("ok\n{}\n", before + 1));
}

#[test]
fn failing_exec_in_a_batch_runs_the_rest_once() {
    // ip's forked child goes back into the batch loop when it cannot enter
    // the namespace, so the remaining lines run twice; rnet runs them once.
    let Some(out) = run(
        "batch_exec",
        &[
            "ip netns add b1",
            "printf 'netns exec nonexist true\\nnetns list\\n' > exec.batch; ip -force -batch exec.batch",
        ],
    ) else {
        return;
    };
    assert_eq!(out[1].stdout, "b1\n");
    assert_eq!(
        out[1].stderr,
        "Cannot open network namespace \"nonexist\": No such file or directory\nCommand failed exec.batch:1\n"
    );
    assert_eq!(out[1].status, 1);
}
