//! rnet's additions to ip's error line: hints and JSON errors. ip's own text
//! stays first and unchanged; without the options (and without a terminal)
//! stderr is exactly ip's, which the differential tests hold.

mod common;

use common::{run_rnet as run, Outcome};

const NOBODY: &str = "setpriv --reuid=65534 --regid=65534 --clear-groups";

#[test]
fn hints_follow_ips_line() {
    let Some(out) = run(
        "hints",
        &[
            "ip -hints netns exec nosuch true",
            "touch /run/netns/stale; ip -hints netns exec stale true",
            &format!("{NOBODY} ip -hints netns add x1"),
            "ip -hints link show nosuch",
            "ip netns exec nosuch true",
            "ip -hints netns add ok; ip -hints netns add ok",
        ],
    ) else {
        return;
    };
    let lines = |o: &Outcome| o.stderr.lines().map(String::from).collect::<Vec<_>>();
    let first = lines(&out[0]);
    assert_eq!(
        first[0],
        "Cannot open network namespace \"nosuch\": No such file or directory"
    );
    assert_eq!(
        first[1],
        "hint: there is no namespace named nosuch; `rnet netns list` shows the ones there are"
    );
    assert_eq!(out[0].status, 255);
    let stale = lines(&out[1]);
    assert_eq!(
        stale[0],
        "setting the network namespace \"stale\" failed: Invalid argument"
    );
    assert!(
        stale[1].starts_with("hint: /run/netns/stale is not a network namespace"),
        "{stale:?}"
    );
    if !out[2].stderr.contains("setpriv") {
        let unprivileged = lines(&out[2]);
        assert_eq!(
            unprivileged[0],
            "mount --make-shared /run/netns failed: Operation not permitted"
        );
        assert!(
            unprivileged[1].contains("CAP_SYS_ADMIN"),
            "{unprivileged:?}"
        );
    }
    assert!(lines(&out[3])[1].starts_with("hint: there is no device named nosuch"));
    // Without -hints and without a terminal: ip's line alone.
    assert_eq!(
        out[4].stderr,
        "Cannot open network namespace \"nosuch\": No such file or directory\n"
    );
    assert!(
        out[5]
            .stderr
            .contains("\nhint: /run/netns/ok is there already"),
        "{:?}",
        out[5]
    );
}

#[test]
fn json_errors_are_one_object_with_a_fixed_schema() {
    let Some(out) = run(
        "json_errors",
        &[
            "ip -json-errors netns exec nosuch true",
            "ip -json-errors foo",
            "ip -json-errors link show nosuch",
        ],
    ) else {
        return;
    };
    for (outcome, (errno, exit_code, objects)) in out.iter().zip([
        (Some(2), 255, vec!["nosuch"]),
        (None, 1, vec![]),
        (None, 1, vec!["nosuch"]),
    ]) {
        assert_eq!(outcome.stderr.lines().count(), 1, "{outcome:?}");
        let value: serde_json::Value =
            serde_json::from_str(&outcome.stderr).expect("stderr is JSON");
        let object = value.as_object().expect("an object");
        assert!(object
            .keys()
            .all(|k| ["errno", "exit_code", "message", "objects", "hint"].contains(&k.as_str())));
        // Keys come in a fixed order.
        let at = |key: &str| outcome.stderr.find(&format!("\"{key}\":")).expect(key);
        assert!(
            at("errno") < at("exit_code")
                && at("exit_code") < at("message")
                && at("message") < at("objects")
        );
        assert_eq!(
            object["errno"].as_i64(),
            errno.map(i64::from),
            "{outcome:?}"
        );
        assert_eq!(object["exit_code"].as_i64(), Some(exit_code));
        assert_eq!(outcome.status, exit_code as i32);
        assert!(object["message"].is_string());
        let names: Vec<&str> = object["objects"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap())
            .collect();
        assert_eq!(names, objects);
    }
}
