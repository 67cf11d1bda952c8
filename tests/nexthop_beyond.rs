//! rnet's `-idempotent` for `ip nexthop add` and `delete`: ip cannot be the
//! oracle, so statuses and messages are checked against fixed values and
//! the kernel state is read back with the real ip.

mod common;

use common::run_rnet as run;

#[test]
fn idempotent_nexthops() {
    let Some(out) = run(
        "idempotent_nexthops",
        &[
            "$IP link set lo up; $IP link add va type veth peer name vb; $IP link set va up; \
             $IP link set vb up; $IP addr add 192.0.2.1/24 dev va",
            "$RNET -idempotent nexthop add id 1 via 192.0.2.2 dev va",
            "$RNET -idempotent nexthop add id 1 via 192.0.2.2 dev va",
            "$RNET -idempotent nexthop add id 1 via 192.0.2.3 dev va",
            "$RNET -idempotent nexthop add id 1 via 192.0.2.2 dev vb",
            "$RNET -idempotent nexthop add id 1 via 192.0.2.2 dev va onlink",
            "$RNET -idempotent -6 nexthop add id 2 blackhole",
            "$RNET -idempotent nexthop add id 2 blackhole",
            "$RNET -idempotent nexthop add id 3 via 192.0.2.3 dev va",
            "$RNET -idempotent nexthop add id 10 group 1/3,3",
            "$RNET -idempotent nexthop add id 10 group 1/3,3 type mpath",
            "$RNET -idempotent nexthop add id 10 group 1/3",
            "$RNET -idempotent nexthop add id 11 group 1/3 type resilient buckets 4",
            "$RNET -idempotent nexthop add id 11 group 1/3 type resilient buckets 4 idle_timer 120",
            "$RNET -idempotent nexthop add id 11 group 1/3 type resilient buckets 8",
            "$RNET -idempotent nexthop add id 11 group 1/3 type resilient idle_timer 5",
            "$RNET nexthop add id 1 via 192.0.2.2 dev va",
            "$RNET -idempotent nexthop del id 10",
            "$RNET -idempotent nexthop del id 10",
            "$RNET nexthop del id 10",
            "$IP nexthop",
        ],
    ) else {
        return;
    };
    let statuses: Vec<i32> = out.iter().map(|o| o.status).collect();
    assert_eq!(
        statuses,
        [0, 0, 0, 1, 1, 1, 0, 1, 0, 0, 0, 1, 0, 0, 1, 1, 2, 0, 0, 2, 0],
        "{out:#?}"
    );
    for quiet in [1, 2, 6, 8, 9, 10, 12, 13, 17, 18] {
        assert_eq!(
            (out[quiet].stdout.as_str(), out[quiet].stderr.as_str()),
            ("", ""),
            "{:#?}",
            out[quiet]
        );
    }
    let refused = |at: usize, difference: &str, id: u32| {
        assert_eq!(
            out[at].stderr,
            format!("Error: nexthop id {id} exists already but differs: {difference}.\n")
        );
    };
    refused(3, "its gateway is 192.0.2.2, not 192.0.2.3", 1);
    refused(4, "its device is va, not vb", 1);
    refused(5, "it is not onlink", 1);
    refused(7, "it is inet6, not inet", 2);
    refused(11, "its group is 1/3,3, not 1/3", 10);
    refused(14, "it has 4 buckets, not 8", 11);
    refused(15, "its idle_timer is 120s, not 5s", 11);
    assert_eq!(out[16].stderr, "RTNETLINK answers: File exists\n");
    assert_eq!(
        out[20].stdout,
        "id 1 via 192.0.2.2 dev va scope link \nid 2 blackhole \n\
         id 3 via 192.0.2.3 dev va scope link \n\
         id 11 group 1/3 type resilient buckets 4 idle_timer 120 unbalanced_timer 0 unbalanced_time 0 \n"
    );
}

#[test]
fn json_all_flush_count() {
    let Some(out) = run(
        "json_all_nexthop_flush",
        &[
            "$RNET -json-all nexthop flush",
            "$IP link set lo up; $IP nexthop add id 1 blackhole; $IP nexthop add id 2 group 1",
            "$RNET -json-all nexthop flush",
            "$RNET -j nexthop flush",
        ],
    ) else {
        return;
    };
    let stdout: Vec<&str> = out.iter().map(|o| o.stdout.as_str()).collect();
    assert_eq!(
        stdout,
        [
            "{\"flushed\":0}\n",
            "",
            "{\"flushed\":2}\n",
            "Nothing to flush\n"
        ],
        "{out:#?}"
    );
}
