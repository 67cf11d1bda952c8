//! `rnet wait` (rnet's own object; ip has none, so these are explicit
//! expectations). Each wait is timed by the shell: bounds are generous,
//! they say "it waited for the event" and "it did not sleep the timeout
//! away", not how fast it is.

mod common;

use common::{run_rnet as run, Outcome};

/// Runs `command` timed: its stdout gets a last line `elapsed=MS`.
fn timed(command: &str) -> String {
    format!(
        "s=$(date +%s%N); {command}; rc=$?; echo elapsed=$(( ($(date +%s%N) - s) / 1000000 )); exit $rc"
    )
}

/// The output before the `elapsed=` line, and the milliseconds.
fn split_elapsed(outcome: &Outcome) -> (String, u64) {
    let (before, ms) = outcome
        .stdout
        .rsplit_once("elapsed=")
        .unwrap_or_else(|| panic!("not timed: {outcome:?}"));
    (before.to_string(), ms.trim().parse().expect("milliseconds"))
}

/// Asserts a wait held after an event about a second later.
fn assert_waited(outcome: &Outcome, stdout: &str) {
    let (text, ms) = split_elapsed(outcome);
    assert_eq!((outcome.status, text.as_str()), (0, stdout), "{outcome:?}");
    assert!((500..9000).contains(&ms), "waited {ms} ms: {outcome:?}");
}

const VETH: &str = "$IP link add va type veth peer name vb";

#[test]
fn link_up_after_a_delay() {
    let Some(out) = run(
        "wait_link_up",
        &[
            VETH,
            &timed("(sleep 1; $IP link set va up) & $RNET wait link va up timeout 10"),
        ],
    ) else {
        return;
    };
    assert_waited(&out[1], "link va is up\n");
}

#[test]
fn link_carrier_once_the_peer_is_up() {
    let Some(out) = run(
        "wait_link_carrier",
        &[
            VETH,
            "$IP link set va up",
            // Up without carrier: the peer is down.
            "$RNET wait link va carrier timeout 0",
            &timed("(sleep 1; $IP link set vb up) & $RNET wait link va carrier timeout 10"),
        ],
    ) else {
        return;
    };
    assert_eq!(
        (out[2].status, out[2].stderr.as_str()),
        (
            1,
            "Timed out after 0s waiting for link va to have carrier: it is up, no carrier\n"
        ),
        "{out:?}"
    );
    assert_waited(&out[3], "link va has carrier\n");
}

#[test]
fn link_gone_and_renamed_away() {
    let Some(out) = run(
        "wait_link_gone",
        &[
            VETH,
            &timed("(sleep 1; $IP link del va) & $RNET wait link va gone timeout 10"),
            "$IP link add d1 type veth peer name d2",
            &timed("(sleep 1; $IP link set d1 name other) & $RNET wait link d1 gone"),
            "$RNET wait link nothere gone timeout 0; $RNET wait link nothere timeout 0",
        ],
    ) else {
        return;
    };
    assert_waited(&out[1], "link va is gone\n");
    assert_waited(&out[3], "link d1 is gone\n");
    assert_eq!(
        (
            out[4].status,
            out[4].stdout.as_str(),
            out[4].stderr.as_str()
        ),
        (
            1,
            "link nothere is gone\n",
            "Timed out after 0s waiting for link nothere to exist: it is gone\n"
        )
    );
}

#[test]
fn ipv6_address_ready_after_duplicate_address_detection() {
    let Some(out) = run(
        "wait_address_ready",
        &[
            "$IP link add va type veth peer name vb; $IP link set vb up; $IP link set va up",
            // Right after it is added, DAD (a second at least) is running.
            "$IP address add 2001:db8::1/64 dev va; \
             $RNET wait address 2001:db8::1/64 dev va ready timeout 0; \
             $RNET wait address 2001:db8::1 dev va present timeout 0",
            &timed("$RNET wait address 2001:db8::1 dev va ready timeout 10"),
            "$IP -6 address show dev va tentative to 2001:db8::1/128",
            &timed("(sleep 1; $IP address del 2001:db8::1/64 dev va) & $RNET wait address 2001:db8::1 gone"),
            "$RNET wait address 2001:db8::1 dev nope",
        ],
    ) else {
        return;
    };
    assert_eq!(
        (out[1].status, out[1].stdout.as_str(), out[1].stderr.as_str()),
        (
            0,
            "address 2001:db8::1 dev va is present\n",
            "Timed out after 0s waiting for address 2001:db8::1/64 dev va to be ready: it is tentative\n"
        ),
        "{out:?}"
    );
    let (text, ms) = split_elapsed(&out[2]);
    assert_eq!(
        (out[2].status, text.as_str()),
        (0, "address 2001:db8::1 dev va is ready\n")
    );
    assert!(ms < 9000, "{ms}");
    assert_eq!(out[3].stdout, "", "no longer tentative: {out:?}");
    assert_waited(&out[4], "address 2001:db8::1 is gone\n");
    assert_eq!(
        (out[5].status, out[5].stderr.as_str()),
        (1, "Cannot find device \"nope\"\n")
    );
}

#[test]
fn route_present_and_gone() {
    let Some(out) = run(
        "wait_route",
        &[
            "$IP link add va type veth peer name vb; $IP link set va up",
            &timed(
                "(sleep 1; $IP route add 2001:db8:5::/64 dev va table 100) & \
                    $RNET -j wait route 2001:db8:5::/64 table 100 dev va timeout 10",
            ),
            "$RNET wait route 2001:db8:5::/64 timeout 0",
            "$IP address add 192.0.2.1/24 dev va; $IP route add 198.51.100.0/24 via 192.0.2.2",
            // The kernel drops IPv4 routes of a device going down without
            // a notification each: the link event makes wait look again.
            &timed("(sleep 1; $IP link set va down) & $RNET wait route 198.51.100.0/24 gone"),
        ],
    ) else {
        return;
    };
    let (json, ms) = split_elapsed(&out[1]);
    assert_eq!(out[1].status, 0, "{out:?}");
    assert!((500..9000).contains(&ms), "{ms}");
    assert!(
        json.starts_with(
            "{\"wait\":\"route\",\"target\":\"2001:db8:5::/64 table 100 dev va\",\
             \"condition\":\"present\",\"held\":true,\"state\":\"present\",\"elapsed\":"
        ),
        "{json}"
    );
    assert_eq!(
        (out[2].status, out[2].stderr.as_str()),
        (
            1,
            "Timed out after 0s waiting for route 2001:db8:5::/64 table main to be present: it is gone\n"
        )
    );
    assert_waited(&out[4], "route 198.51.100.0/24 table main is gone\n");
}

#[test]
fn netns_exists_and_gone() {
    let Some(out) = run(
        "wait_netns",
        &[
            &timed("(sleep 1; $IP netns add n1) & $RNET wait netns n1 exists timeout 10"),
            // Bound: usable at once.
            "$IP netns exec n1 true && echo usable",
            &timed("(sleep 1; $IP netns delete n1) & $RNET wait netns n1 gone timeout 10"),
            "$RNET wait netns n1 timeout 0.3",
        ],
    ) else {
        return;
    };
    assert_waited(&out[0], "netns n1 exists\n");
    assert_eq!(out[1].stdout, "usable\n");
    assert_waited(&out[2], "netns n1 is gone\n");
    assert_eq!(
        (
            out[3].status,
            out[3].stdout.as_str(),
            out[3].stderr.as_str()
        ),
        (
            1,
            "",
            "Timed out after 0.3s waiting for netns n1 to exist: it is gone\n"
        )
    );
}

#[test]
fn timeout_path_waits_then_fails_with_status_1() {
    let Some(out) = run(
        "wait_timeout",
        &[
            VETH,
            &timed("$RNET wait link va up timeout 0.5"),
            "$RNET -j wait link va up timeout 0",
        ],
    ) else {
        return;
    };
    let (text, ms) = split_elapsed(&out[1]);
    assert_eq!(
        (out[1].status, text.as_str(), out[1].stderr.as_str()),
        (
            1,
            "",
            "Timed out after 0.5s waiting for link va to be up: it is down\n"
        )
    );
    assert!((400..5000).contains(&ms), "{ms}");
    assert!(
        out[2].stdout.starts_with(
            "{\"wait\":\"link\",\"target\":\"va\",\"condition\":\"up\",\"held\":false,\"state\":\"down\","
        ),
        "{out:?}"
    );
    assert_eq!(out[2].status, 1);
}

#[test]
fn in_other_namespaces() {
    let Some(out) = run(
        "wait_namespaces",
        &[
            "$IP netns add n1; $IP -n n1 link add va type veth peer name vb",
            &timed("(sleep 1; $IP -n n1 link set va up) & $RNET -n n1 wait link va up"),
            "$IP netns exec n1 $RNET wait link va up timeout 0",
            "$RNET wait link va timeout 0",
        ],
    ) else {
        return;
    };
    assert_waited(&out[1], "link va is up\n");
    assert_eq!(
        (out[2].status, out[2].stdout.as_str()),
        (0, "link va is up\n")
    );
    assert_eq!(out[3].status, 1, "not in the sandbox's own namespace");
}

#[test]
fn help_and_abbreviations() {
    let Some(out) = run(
        "wait_help",
        &[
            "$RNET wait help",
            "$RNET wait",
            "$RNET w; $IP w",
            "$RNET wait link",
            "$RNET wait link va timeout soon",
            "$RNET wait bogus",
        ],
    ) else {
        return;
    };
    assert_eq!(out[0].status, 255);
    assert!(
        out[0]
            .stderr
            .starts_with("Usage: rnet wait link DEV [ exists | up | down | carrier | gone ]"),
        "{out:?}"
    );
    assert_eq!((out[1].status, &out[1].stderr), (255, &out[0].stderr));
    // ip has no `wait`: its abbreviations stay unknown, as in ip.
    assert_eq!(
        out[2].stderr,
        "Object \"w\" is unknown, try \"rnet help\".\nObject \"w\" is unknown, try \"ip help\".\n"
    );
    assert_eq!(
        (out[3].status, out[3].stderr.as_str()),
        (255, "Command line is not complete. Try option \"help\"\n")
    );
    assert_eq!(
        out[4].stderr,
        "Error: argument \"soon\" is wrong: invalid timeout\n"
    );
    assert_eq!(
        (out[5].status, out[5].stderr.as_str()),
        (
            255,
            "Command \"bogus\" is unknown, try \"rnet wait help\".\n"
        )
    );
}

/// Sources the helpers that start a command with the default signal
/// actions and say how it ended (`ended`, `reaped`, `polling`).
const ENDS: &str = ". \"$SCENARIOS/monitor/ends.inc\"; rm -f pid how gone";

#[test]
fn sigint_and_sigterm_end_a_wait_as_they_end_ip() {
    // Like ip, wait catches neither: it dies of the signal, which a shell
    // reports as 130 and 143, with nothing printed.
    let script = |signal: &str, target: &str| {
        format!(
            "{ENDS}; ended $RNET wait {target} timeout 20 > w.out 2> w.err & polling && kill -{signal} $(cat pid); reaped; cat w.out w.err"
        )
    };
    let Some(out) = run(
        "wait_signals",
        &[
            VETH,
            &script("INT", "link va up"),
            &script("TERM", "link va carrier"),
            &script("INT", "address 192.0.2.1"),
            &script("TERM", "route 198.51.100.0/24"),
            &script("INT", "netns n1"),
            // The shell's view of the same end.
            "$RNET wait link va up timeout 20 & p=$!; sleep 0.5; kill -TERM $p; wait $p; echo status=$?",
        ],
    ) else {
        return;
    };
    for (line, signal) in [(1, 2), (2, 15), (3, 2), (4, 15), (5, 2)] {
        assert_eq!(
            (out[line].stdout.as_str(), out[line].stderr.as_str()),
            (format!("killed by signal {signal}\n").as_str(), ""),
            "{out:?}"
        );
    }
    assert_eq!(out[6].stdout, "status=143\n", "{out:?}");
}

#[test]
fn a_wait_whose_reader_is_gone_dies_of_sigpipe_as_ip_would() {
    // The reader closes its end first; the condition then holds and the
    // wait's one line meets the closed pipe: SIGPIPE, nothing on stderr
    // (Rust would otherwise panic on EPIPE with status 101).
    let closed = |options: &str, then: &str| {
        format!(
            "{ENDS}; ended $RNET {options} wait link va up timeout 20 2> w.err | {{ exec 0<&-; touch gone; }} & \
             until [ -e gone ]; do sleep 0.05; done; {then}; reaped; cat w.err; $IP link set va down"
        )
    };
    let Some(out) = run(
        "wait_closed_pipe",
        &[
            VETH,
            &closed("", "polling && $IP link set va up"),
            &closed("-j", "polling && $IP link set va up"),
            // Held at once (the first look), before any event.
            &closed("", "$IP link set va up"),
            // The timeout's message into a closed stderr.
            &format!("{ENDS}; ended $RNET wait link va up timeout 0.2 2>&1 | {{ exec 0<&-; touch gone; }} & reaped"),
        ],
    ) else {
        return;
    };
    for line in 1..=4 {
        assert_eq!(
            (out[line].stdout.as_str(), out[line].stderr.as_str()),
            ("killed by signal 13\n", ""),
            "{out:?}"
        );
    }
}
