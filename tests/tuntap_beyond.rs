//! rnet's `-idempotent` for `ip tuntap add`/`del` and its `-hints` when
//! /dev/net/tun is missing or out of reach: ip cannot be the oracle, so
//! statuses and messages are checked against fixed values and the kernel
//! state is read back with the real ip.

mod common;

use common::run_rnet as run;

#[test]
fn idempotent_tuntap() {
    let Some(out) = run(
        "idempotent_tuntap",
        &[
            "$RNET -idempotent tuntap add tap0 mode tap",
            "$RNET -idempotent tuntap add tap0 mode tap",
            "$RNET -idempotent tuntap add tap0 mode tun",
            "$RNET -idempotent tuntap add tap0 mode tap vnet_hdr user 5",
            "$RNET tuntap add tap1 mode tap user 7 multi_queue",
            "$RNET -idempotent tuntap add tap1 mode tap user 7 multi_queue",
            "$RNET -idempotent tuntap add tap1 mode tap user 8 multi_queue",
            "$IP link add va type veth peer name vb; $RNET -idempotent tuntap add va mode tap",
            "$RNET tuntap add tap0 mode tap",
            "$RNET -idempotent tuntap del tap0 mode tap",
            "$RNET -idempotent tuntap del tap0 mode tap",
            "$IP -br link show type tun",
        ],
    ) else {
        return;
    };
    let statuses: Vec<i32> = out.iter().map(|o| o.status).collect();
    assert_eq!(statuses, [0, 0, 1, 1, 0, 0, 1, 1, 1, 0, 0, 0], "{out:#?}");
    assert_eq!(
        out[2].stderr,
        "Error: tuntap device \"tap0\" exists already but differs: mode tap, not tun.\n"
    );
    assert_eq!(
        out[3].stderr,
        "Error: tuntap device \"tap0\" exists already but differs: vnet_hdr off, no user.\n"
    );
    assert_eq!(
        out[6].stderr,
        "Error: tuntap device \"tap1\" exists already but differs: user 7.\n"
    );
    assert!(out[7].stderr.contains("it is kind veth"), "{:?}", out[7]);
    // Without -idempotent, ip's refusal.
    assert_eq!(out[8].stderr, "ioctl(TUNSETIFF): Device or resource busy\n");
    assert!(out[1].stderr.is_empty() && out[10].stderr.is_empty());
    let left: Vec<&str> = out[11]
        .stdout
        .lines()
        .filter_map(|line| line.split_whitespace().next())
        .collect();
    assert_eq!(left, ["tap1"], "{:?}", out[11]);
}

#[test]
fn hints_for_a_missing_or_forbidden_tun_device() {
    let Some(out) = run(
        "tuntap_hints",
        &[
            "setpriv --reuid=65534 --regid=65534 --clear-groups $RNET -hints tuntap add tap5 mode tap",
            "setpriv --reuid=65534 --regid=65534 --clear-groups $RNET tuntap add tap5 mode tap",
            "mount -t tmpfs t /dev/net; $RNET -hints tuntap add tap5 mode tap",
            "mount -t tmpfs t /dev/net; $RNET tuntap add tap5 mode tap",
            "mount -t tmpfs t /dev/net; mknod /dev/net/tun c 10 200; chmod 666 /dev/net/tun; \
             setpriv --reuid=65534 --regid=65534 --clear-groups $RNET -hints tuntap add tap5 mode tap",
        ],
    ) else {
        return;
    };
    assert!(
        out[0]
            .stderr
            .starts_with("open: Permission denied\nhint: opening /dev/net/tun needs"),
        "{:?}",
        out[0]
    );
    assert_eq!(out[1].stderr, "open: Permission denied\n");
    assert!(
        out[2]
            .stderr
            .starts_with("open: No such file or directory\nhint: /dev/net/tun is missing"),
        "{:?}",
        out[2]
    );
    assert_eq!(out[3].stderr, "open: No such file or directory\n");
    assert!(
        out[4]
            .stderr
            .starts_with("ioctl(TUNSETIFF): Operation not permitted\nhint: creating a TUN/TAP device needs CAP_NET_ADMIN"),
        "{:?}",
        out[4]
    );
    assert!(out.iter().all(|o| o.status == 1), "{out:#?}");
}
