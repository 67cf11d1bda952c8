//! rnet's options beyond ip for `route add|delete`: `-idempotent` (an add
//! that finds the identical route and a delete that finds none succeed; an
//! add that finds a different route with the same key says what differs)
//! and `-hints` (what the kernel's refusal is about). ip cannot be the
//! oracle, so results are checked against fixed texts, and the kernel state
//! is read back with the real ip.

mod common;

use common::run_rnet as run;

const SETUP: &str =
    "$IP link add va type veth peer name vb; $IP link add vc type veth peer name vd; \
     $IP link set va up; $IP link set vb up; $IP link set vc up; $IP link set vd up; \
     $IP addr add 192.0.2.1/24 dev va; $IP addr add 198.51.100.1/24 dev vc; \
     $IP addr add 2001:db8::1/64 dev va nodad";

#[test]
fn idempotent_routes() {
    let Some(out) = run(
        "idempotent_routes",
        &[
            SETUP,
            "$RNET -idempotent route add 10.1.0.0/16 via 192.0.2.2 src 192.0.2.1",
            "$RNET -idempotent route add 10.1.0.0/16 via 192.0.2.2 src 192.0.2.1",
            "$RNET -idempotent route add 10.1.0.0/16 via 192.0.2.3",
            "$RNET -idempotent route add 10.1.0.0/16 dev vc",
            "$RNET -idempotent route add unreachable 10.1.0.0/16",
            "$RNET -idempotent route add 10.1.0.0/16 via 192.0.2.2 proto static",
            "$RNET -idempotent route add 10.1.0.0/16 via 192.0.2.3 metric 5",
            "$RNET -idempotent route add 10.2.0.0/16 nexthop via 192.0.2.2 nexthop via 198.51.100.2 weight 2",
            "$RNET -idempotent route add 10.2.0.0/16 nexthop via 192.0.2.2 dev va nexthop via 198.51.100.2 weight 2",
            "$RNET -idempotent route add 10.2.0.0/16 nexthop via 192.0.2.2 nexthop via 198.51.100.2",
            "$RNET -idempotent route add 2001:db8:5::/64 via 2001:db8::2",
            "$RNET -idempotent route add 2001:db8:5::/64 via 2001:db8::2",
            "$RNET -idempotent route add 2001:db8:5::/64 via 2001:db8::3",
            "$RNET -idempotent route add 10.3.0.0/16 dev va table 100",
            "$RNET -idempotent route add 10.3.0.0/16 dev va table 100",
            "$RNET route add 10.3.0.0/16 dev va table 100",
            "$RNET -idempotent route add 10.4.0.0/16 dev va mtu lock 1400 congctl reno quickack 0 rtt 10ms",
            "$RNET -idempotent route add 10.4.0.0/16 dev va mtu lock 1400 congctl reno quickack 0 rtt 10ms",
            "$RNET -idempotent route add 10.4.0.0/16 dev va mtu 1400 congctl reno rtt 10ms",
            "$RNET -idempotent route add 10.4.0.0/16 dev va mtu lock 1300 congctl reno rtt 10ms",
            "$RNET -idempotent route add 10.4.0.0/16 dev va mtu lock 1400 congctl cubic rtt 10ms",
            "$RNET -idempotent route add 10.4.0.0/16 dev va",
            "$IP route show table all | grep -v fe80 | grep -v ff00",
            "$RNET -idempotent route del 10.1.0.0/16 via 192.0.2.2",
            "$RNET -idempotent route del 10.1.0.0/16 via 192.0.2.2",
            "$RNET -idempotent route del 10.9.0.0/16",
            "$RNET route del 10.9.0.0/16",
            // No table 99: no such route either, which is what was asked.
            "$RNET -idempotent route del 10.9.0.0/16 table 99",
            "$IP route show 10.1.0.0/16",
        ],
    ) else {
        return;
    };
    let statuses: Vec<i32> = out.iter().map(|o| o.status).collect();
    assert_eq!(
        statuses,
        [
            0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 1, 0, 0, 1, 0, 0, 2, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0, 2, 0,
            0
        ],
        "{out:#?}"
    );
    for quiet in [1, 2, 7, 8, 9, 11, 12, 14, 15, 17, 18, 24, 25, 26, 28] {
        assert_eq!(
            (out[quiet].stdout.as_str(), out[quiet].stderr.as_str()),
            ("", ""),
            "{:?}",
            out[quiet].command
        );
    }
    let differs = |index: usize, what: &str| {
        assert_eq!(
            out[index].stderr,
            format!("Error: {what}.\n"),
            "{:?}",
            out[index].command
        )
    };
    differs(
        3,
        "route 10.1.0.0/16 in table main exists already but differs: its gateway is 192.0.2.2",
    );
    differs(
        4,
        "route 10.1.0.0/16 in table main exists already but differs: its device is va",
    );
    differs(
        5,
        "route 10.1.0.0/16 in table main exists already but differs: its type is unicast, not unreachable",
    );
    differs(
        6,
        "route 10.1.0.0/16 in table main exists already but differs: its protocol is boot, not static",
    );
    differs(
        10,
        "route 10.2.0.0/16 in table main exists already but differs: its nexthops are others",
    );
    differs(
        13,
        "route 2001:db8:5::/64 in table main exists already but differs: its gateway is 2001:db8::2",
    );
    assert_eq!(out[16].stderr, "RTNETLINK answers: File exists\n");
    // Metrics are compared in full, locks last.
    differs(
        19,
        "route 10.4.0.0/16 in table main exists already but differs: its locked metrics differ",
    );
    differs(
        20,
        "route 10.4.0.0/16 in table main exists already but differs: its mtu is 1400",
    );
    differs(
        21,
        "route 10.4.0.0/16 in table main exists already but differs: its congctl is reno",
    );
    differs(
        22,
        "route 10.4.0.0/16 in table main exists already but differs: its mtu is 1400",
    );
    assert_eq!(out[27].stderr, "RTNETLINK answers: No such process\n");
    let table = &out[23].stdout;
    for route in [
        "10.1.0.0/16 via 192.0.2.2 dev va src 192.0.2.1 \n",
        "10.1.0.0/16 via 192.0.2.3 dev va metric 5 \n",
        "10.2.0.0/16 \n\tnexthop via 192.0.2.2 dev va weight 1 \n\tnexthop via 198.51.100.2 dev vc weight 2 \n",
        "10.3.0.0/16 dev va table 100 scope link \n",
        "2001:db8:5::/64 via 2001:db8::2 dev va metric 1024 pref medium\n",
    ] {
        assert!(table.contains(route), "{route:?} not in {table}");
    }
    // The deleted route is gone, the one with metric 5 stays.
    assert_eq!(
        out[29].stdout,
        "10.1.0.0/16 via 192.0.2.3 dev va metric 5 \n"
    );
}

#[test]
fn route_hints() {
    let Some(out) = run(
        "route_hints",
        &[
            SETUP,
            "$RNET -hints route add 10.6.0.0/16 via 10.99.9.9 dev va",
            "$RNET -hints route add 10.6.0.0/16 via 10.99.9.9",
            "$RNET -hints route add 2001:db8:7::/64 via 2001:db8:99::1 dev va",
            "$RNET -hints route add 192.0.2.0/24 dev va proto kernel scope link src 192.0.2.1",
            "$RNET -hints route del 10.7.0.0/16",
            "$RNET -hints route del 10.7.0.0/16 table 99",
            "$RNET -hints route change 10.7.0.0/16 dev va",
            "$RNET -hints route add 10.6.0.0/16 via 10.99.9.9 dev vc",
            "$RNET route del 10.7.0.0/16",
        ],
    ) else {
        return;
    };
    let expect = |index: usize, error: &str, hint: &str| {
        assert_eq!(out[index].status, 2, "{:?}", out[index].command);
        assert_eq!(
            out[index].stderr,
            format!("{error}\nhint: {hint}\n"),
            "{:?}",
            out[index].command
        );
    };
    expect(
        1,
        "Error: Nexthop has invalid gateway.",
        "10.99.9.9 is not on a prefix of va: no address or route of va covers it (va has \
         192.0.2.1/24; an on-link prefix such as 10.99.9.0/24 is missing). Give va an address \
         in that prefix (`ip addr add ADDRESS/LEN dev va`), or add `onlink` if 10.99.9.9 is \
         reachable on va anyway",
    );
    expect(
        2,
        "Error: Nexthop has invalid gateway.",
        "no connected route covers 10.99.9.9 (an on-link prefix such as 10.99.9.0/24 is \
         missing): give a device an address in that prefix, or name the device with `dev` and \
         add `onlink`",
    );
    expect(
        3,
        "RTNETLINK answers: No route to host",
        "2001:db8:99::1 is not on a prefix of va: no address or route of va covers it (va has \
         2001:db8::1/64; an on-link prefix such as 2001:db8:99::/64 is missing). Give va an \
         address in that prefix (`ip addr add ADDRESS/LEN dev va`), or add `onlink` if \
         2001:db8:99::1 is reachable on va anyway",
    );
    expect(
        4,
        "RTNETLINK answers: File exists",
        "table main has a route to 192.0.2.0/24 with this metric already (`ip route show table \
         main 192.0.2.0/24`); `ip route replace` changes it, -idempotent accepts an identical one",
    );
    expect(
        5,
        "RTNETLINK answers: No such process",
        "no route to 10.7.0.0/16 in table main matches the words given (`ip route show table \
         main 10.7.0.0/16` lists what is there); -idempotent accepts deleting a route that is \
         not there",
    );
    expect(
        6,
        "Error: FIB table does not exist.",
        "table 99 does not exist: the kernel makes a table when a route is first added to it",
    );
    expect(
        7,
        "RTNETLINK answers: No such file or directory",
        "no route to 10.7.0.0/16 in table main has this metric and TOS, and `change` does not \
         create one; `ip route replace` adds it when it is missing",
    );
    expect(
        8,
        "Error: Nexthop has invalid gateway.",
        "10.99.9.9 is not on a prefix of vc: no address or route of vc covers it (vc has \
         198.51.100.1/24; an on-link prefix such as 10.99.9.0/24 is missing). Give vc an \
         address in that prefix (`ip addr add ADDRESS/LEN dev vc`), or add `onlink` if \
         10.99.9.9 is reachable on vc anyway",
    );
    // Without -hints (and no terminal) only ip's line.
    assert_eq!(out[9].stderr, "RTNETLINK answers: No such process\n");
}

/// rnet's batch sends `route add` lines in windows; a line read from a pipe
/// is applied before rnet waits for the next one, so a writer that waits
/// for its line's effect is never left waiting.
#[test]
fn batch_from_a_pipe_applies_each_line_before_reading_on() {
    let Some(out) = run(
        "batch_from_a_pipe_applies_each_line_before_reading_on",
        &[
            SETUP,
            "mkfifo lines; $RNET -batch - <lines & exec 3>lines; \
             echo 'route add 10.1.0.0/16 via 192.0.2.2' >&3; \
             i=0; while [ $i -lt 200 ] && ! $IP route show 10.1.0.0/16 | grep -q via; \
             do sleep 0.05; i=$((i+1)); done; \
             $IP route show 10.1.0.0/16; \
             echo 'route add 10.1.0.0/16 via 192.0.2.2' >&3; exec 3>&-; wait $!",
        ],
    ) else {
        return;
    };
    assert_eq!(out[1].stdout, "10.1.0.0/16 via 192.0.2.2 dev va \n");
    assert_eq!(
        out[1].stderr,
        "RTNETLINK answers: File exists\nCommand failed -:2\n"
    );
    assert_eq!(out[1].status, 1);
}
