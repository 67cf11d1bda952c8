//! rnet's options beyond ip: `-json-all` (JSON wherever ip prints text),
//! `-idempotent` (add/delete that can be run twice), `-table`, and the hints
//! raised where only the failing code knows the context. Each runs in a
//! sandbox; ip cannot be the oracle, so outputs are checked against fixed
//! schemas and the kernel state is read back with the real ip.

mod common;

use common::{rnet_binary, run_in_sandbox, sandbox_available, Outcome};
use serde_json::Value;

fn run(test: &str, commands: &[&str]) -> Option<Vec<Outcome>> {
    if !sandbox_available(test) {
        return None;
    }
    let commands: Vec<String> = commands.iter().map(|c| c.to_string()).collect();
    Some(run_in_sandbox(&rnet_binary(), &commands))
}

fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|err| panic!("not JSON ({err}): {text:?}"))
}

fn json_lines(text: &str) -> Vec<Value> {
    text.lines().map(json).collect()
}

#[test]
fn json_all_covers_what_ip_prints_as_text() {
    let Some(out) = run(
        "json_all",
        &[
            "$IP netns add a; $IP netns exec a sleep 30 & sleep 0.5; $RNET -json-all netns pids a",
            "$RNET -json-all netns identify",
            "$IP netns exec a $RNET -json-all netns identify",
            "$RNET -j netns identify; $IP netns exec a $RNET -j netns identify",
            "( timeout 2 $RNET -json-all netns monitor & sleep 0.5; $IP netns add b; $IP netns del b; wait )",
            "$IP link add v0 type veth peer name v1; $IP addr add 192.0.2.1/24 dev v0; \
             $IP addr add 192.0.2.2/24 dev v0; $RNET -json-all -s addr flush dev v0",
            "$RNET -json-all -s addr flush dev v0",
            "$RNET -j -s addr flush dev v0",
            "$RNET -json-all netns add a",
            "$RNET -json-all link",
        ],
    ) else {
        return;
    };
    let pids = json(&out[0].stdout);
    let pids = pids.as_array().expect("array of pids");
    assert!(
        !pids.is_empty() && pids.iter().all(Value::is_u64),
        "{pids:?}"
    );

    assert_eq!(json(&out[1].stdout), serde_json::json!({ "name": null }));
    assert_eq!(json(&out[2].stdout), serde_json::json!({ "name": "a" }));
    // Without -json-all, ip's text under -j.
    assert_eq!(out[3].stdout, "\na\n");

    let events = json_lines(&out[4].stdout);
    assert_eq!(
        events,
        [
            serde_json::json!({"event": "add", "name": "b"}),
            serde_json::json!({"event": "delete", "name": "b"}),
        ]
    );

    assert_eq!(
        json_lines(&out[5].stdout),
        [
            serde_json::json!({"round": 1, "deleted": 2}),
            serde_json::json!({"complete": true, "rounds": 1}),
        ]
    );
    assert_eq!(
        json(&out[6].stdout),
        serde_json::json!({"complete": true, "rounds": 0})
    );
    assert_eq!(out[7].stdout, "Nothing to flush.\n");

    // Errors are JSON too (-json-all implies -json-errors), listings -j.
    let error = json(&out[8].stderr);
    assert_eq!(error["errno"], 17);
    assert_eq!(error["exit_code"], 1);
    assert_eq!(out[8].status, 1);
    let links = json(&out[9].stdout);
    assert!(links
        .as_array()
        .unwrap()
        .iter()
        .all(|l| l["ifname"].is_string()));
}
