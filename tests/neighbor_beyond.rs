//! rnet's options beyond ip for `ip neighbor`: `-idempotent` add/delete,
//! `-hints` on kernel refusals and `-table` for show. ip cannot be the
//! oracle, so statuses and texts are checked against fixed values and the
//! kernel state is read back with the real ip.

mod common;

use common::run_rnet as run;

const SETUP: &str =
    "$IP link add va type veth peer name vb; $IP link set va up; $IP link set vb up";

#[test]
fn idempotent_neighbors() {
    let Some(out) = run(
        "idempotent_neighbors",
        &[
            SETUP,
            "$RNET -idempotent neigh add 192.0.2.5 lladdr 2:0:0:0:0:5 dev va",
            "$RNET -idempotent neigh add 192.0.2.5 lladdr 2:0:0:0:0:5 dev va",
            "$RNET -idempotent neigh add 192.0.2.5 lladdr 2:0:0:0:0:6 dev va router",
            "$RNET -idempotent neigh add 192.0.2.5 lladdr 2:0:0:0:0:5 dev va nud stale",
            "$RNET -idempotent neigh add 192.0.2.5 lladdr 2:0:0:0:0:5 dev va protocol static",
            "$RNET -idempotent neigh add proxy 192.0.2.7 dev va",
            "$RNET -idempotent neigh add proxy 192.0.2.7 dev va",
            "$RNET -idempotent -6 neigh add 2001:db8::1 lladdr 2:0:0:0:0:1 dev va",
            "$RNET -idempotent neigh add 2001:db8::1 lladdr 2:0:0:0:0:1 dev va",
            "$RNET neigh add 192.0.2.5 lladdr 2:0:0:0:0:5 dev va",
            "$RNET -idempotent neigh del 192.0.2.9 dev va",
            "$RNET -idempotent neigh del 192.0.2.5 dev va",
            "$RNET -idempotent neigh del 192.0.2.5 dev va",
            "$RNET neigh del 192.0.2.5 dev va",
            "$IP neigh show dev va; $IP neigh show proxy",
        ],
    ) else {
        return;
    };
    let statuses: Vec<i32> = out.iter().map(|o| o.status).collect();
    assert_eq!(
        statuses,
        [0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 2, 0, 0, 0, 2, 0],
        "{out:#?}"
    );
    for quiet in [1, 2, 6, 7, 8, 9, 11, 12, 13] {
        assert_eq!(
            (out[quiet].stdout.as_str(), out[quiet].stderr.as_str()),
            ("", ""),
            "{:#?}",
            out[quiet]
        );
    }
    let refused = |at: usize, difference: &str| {
        assert_eq!(
            out[at].stderr,
            format!("Error: neighbour 192.0.2.5 on va exists already but differs: {difference}.\n")
        );
    };
    refused(
        3,
        "its lladdr is 02:00:00:00:00:05, not 02:00:00:00:00:06, it is not router",
    );
    refused(4, "it is PERMANENT, not STALE");
    refused(5, "its protocol is unspec, not static");
    assert_eq!(out[10].stderr, "RTNETLINK answers: File exists\n");
    assert_eq!(
        out[14].stderr,
        "RTNETLINK answers: No such file or directory\n"
    );
    assert_eq!(
        out[15].stdout,
        "2001:db8::1 lladdr 02:00:00:00:00:01 PERMANENT \n192.0.2.7 dev va proxy \n"
    );
}

#[test]
fn hints_explain_neighbor_refusals() {
    let Some(out) = run(
        "neighbor_hints",
        &[
            "$IP link add va type veth peer name vb; $IP link set va up; $IP link set vb up; \
             $IP addr add 192.0.2.1/24 dev va",
            "$IP neigh add 192.0.2.5 lladdr 2:0:0:0:0:5 dev va",
            "$RNET -hints neigh add 192.0.2.5 lladdr 2:0:0:0:0:5 dev va",
            "$RNET -hints neigh del 192.0.2.9 dev va",
            "$RNET -hints neigh add 192.0.2.10 dev va",
            "$RNET -hints neigh add 192.0.2.10 dev va lladdr 1:2",
            "$RNET neigh add 192.0.2.10 dev va lladdr 1:2",
        ],
    ) else {
        return;
    };
    let statuses: Vec<i32> = out.iter().map(|o| o.status).collect();
    assert_eq!(statuses, [0, 0, 2, 2, 2, 2, 2], "{out:#?}");
    assert_eq!(
        out[2].stderr,
        "RTNETLINK answers: File exists\nhint: neighbour 192.0.2.5 on va exists already \
         (`rnet neigh show 192.0.2.5 dev va`); -idempotent accepts an identical entry, \
         `rnet neigh replace` updates it\n"
    );
    assert_eq!(
        out[3].stderr,
        "RTNETLINK answers: No such file or directory\nhint: there is no neighbour 192.0.2.9 \
         on va (`rnet neigh show dev va nud all` lists them); -idempotent makes deleting a \
         missing entry succeed\n"
    );
    assert_eq!(
        out[4].stderr,
        "Error: No link layer address given.\nhint: a PERMANENT entry on va needs `lladdr \
         LLADDR`: only a device without ARP (NOARP flag, `rnet link set va arp off`) needs none\n"
    );
    assert_eq!(
        out[5].stderr,
        "Error: Invalid link address.\nhint: va's link-layer addresses are 6 bytes long; \
         this lladdr has 2\n"
    );
    // Without -hints (and no terminal), ip's text alone.
    assert_eq!(out[6].stderr, "Error: Invalid link address.\n");
}

#[test]
fn table_lists_neighbors() {
    let Some(out) = run(
        "neighbor_table",
        &[
            SETUP,
            "$IP neigh add 192.0.2.5 lladdr 2:0:0:0:0:5 dev va; \
             $IP neigh add 192.0.2.6 lladdr 2:0:0:0:0:6 dev vb nud stale router protocol static",
            "$RNET -table neigh show dev vb",
            "$RNET -table neigh show to 192.0.2.5",
            "$RNET -table -j neigh show dev vb",
        ],
    ) else {
        return;
    };
    assert_eq!(
        out[2].stdout,
        "ADDRESS    DEVICE  LLADDR             STATE  FLAGS   PROTO\n\
         ------------------------------------------------------------\n\
         192.0.2.6  vb      02:00:00:00:00:06  STALE  router  static\n"
    );
    assert_eq!(
        out[3].stdout,
        "ADDRESS    DEVICE  LLADDR             STATE      FLAGS  PROTO\n\
         --------------------------------------------------------------\n\
         192.0.2.5  va      02:00:00:00:00:05  PERMANENT\n"
    );
    // -table leaves JSON as ip prints it.
    assert_eq!(
        out[4].stdout,
        "[{\"dst\":\"192.0.2.6\",\"lladdr\":\"02:00:00:00:00:06\",\"router\":null,\
         \"state\":[\"STALE\"],\"protocol\":\"static\"}]\n"
    );
}

#[test]
fn json_all_covers_flush_and_get() {
    let Some(out) = run(
        "neighbor_json_all",
        &[
            SETUP,
            "$IP neigh add 192.0.2.5 lladdr 2:0:0:0:0:5 dev va nud stale; \
             $IP neigh add 192.0.2.6 lladdr 2:0:0:0:0:6 dev va",
            "$RNET -json-all neigh get 192.0.2.6 dev va",
            "$RNET -j neigh get 192.0.2.6 dev va",
            "$RNET -json-all -s neigh flush dev va",
            "$RNET -json-all -s neigh flush dev va",
        ],
    ) else {
        return;
    };
    assert_eq!(
        out[2].stdout,
        "{\"dst\":\"192.0.2.6\",\"dev\":\"va\",\"lladdr\":\"02:00:00:00:00:06\",\
         \"state\":[\"PERMANENT\"]}\n"
    );
    // ip's -j leaves get's answer as text.
    assert_eq!(
        out[3].stdout,
        "192.0.2.6 dev va lladdr 02:00:00:00:00:06 PERMANENT \n"
    );
    assert_eq!(
        out[4].stdout,
        "{\"round\":1,\"deleted\":1}\n{\"complete\":true,\"rounds\":1}\n"
    );
    assert_eq!(out[5].stdout, "{\"complete\":true,\"rounds\":0}\n");
}
