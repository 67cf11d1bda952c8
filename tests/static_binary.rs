//! The static build (scripts/build-static.sh) runs in an empty root that
//! holds only the binary, /proc and /sys: what a scratch or distroless
//! container offers.

mod common;

use std::path::Path;
use std::process::Command;

use common::{run_in_sandbox, sandbox_available};

#[test]
fn static_binary_lists_links_in_an_empty_root() {
    if !sandbox_available("static_binary") {
        return;
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let built = Command::new(root.join("scripts/build-static.sh"))
        .output()
        .expect("run build-static.sh");
    assert!(
        built.status.success(),
        "static build failed: {}",
        String::from_utf8_lossy(&built.stderr)
    );
    let binary = String::from_utf8(built.stdout).unwrap().trim().to_string();
    let commands = [
        format!(
            "mkdir -p /run/empty/proc /run/empty/sys && cp {binary} /run/empty/rnet && \
             mount -t proc proc /run/empty/proc && mount -t sysfs sysfs /run/empty/sys && ls -A /run/empty"
        ),
        "chroot /run/empty /rnet link show lo".to_string(),
        "chroot /run/empty /rnet -j link show lo".to_string(),
        // No /run there: netns add fails exactly as ip's would.
        "chroot /run/empty /rnet netns add inside".to_string(),
    ];
    let out = run_in_sandbox(Path::new(common::REAL_IP), &commands);
    assert_eq!(out[0].stdout, "proc\nrnet\nsys\n", "{out:?}");
    assert_eq!(out[1].status, 0, "{out:?}");
    assert!(
        out[1]
            .stdout
            .starts_with("1: lo: <LOOPBACK> mtu 65536 qdisc noop state DOWN"),
        "{out:?}"
    );
    assert!(
        out[2]
            .stdout
            .starts_with("[{\"ifindex\":1,\"ifname\":\"lo\""),
        "{out:?}"
    );
    assert_eq!(
        (out[3].status, out[3].stderr.as_str()),
        (1, "mkdir /run/netns failed: No such file or directory\n"),
        "{out:?}"
    );
}
