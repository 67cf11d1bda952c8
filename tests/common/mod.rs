//! Test harness: throw-away sandboxes and the differential runner.
//!
//! A sandbox is a fresh network, mount and PID namespace (`unshare`, as root;
//! with a user namespace otherwise) whose /run is a private tmpfs and whose
//! /etc is an overlay, so `/run/netns` and `/etc/netns` exist only inside it
//! and nothing touches the host's network or files. When the sandbox's first
//! process ends, the PID namespace takes every process it started with it.
//!
//! A scenario is a list of shell command lines. The differential runner runs
//! it twice, each time in a fresh sandbox: once with `/usr/sbin/ip` as `ip` on
//! PATH and once with rnet as `ip`, and compares stdout, stderr and exit
//! status command by command. `$IP` (the real ip) and `$RNET` are set in both
//! runs, so a scenario can mix the two tools to check that they share state.

#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

pub const REAL_IP: &str = "/usr/sbin/ip";

pub fn rnet_binary() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_rnet"))
}

/// What one command printed and returned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub command: String,
    pub stdout: String,
    pub stderr: String,
    pub status: i32,
}

fn is_root() -> bool {
    // SAFETY: geteuid has no preconditions.
    unsafe { nix::libc::geteuid() == 0 }
}

/// The unshare invocation for a sandbox, or why none can be made here.
fn unshare_prefix() -> Result<Vec<&'static str>, String> {
    let base = [
        "unshare",
        "--net",
        "--mount",
        "--pid",
        "--fork",
        "--mount-proc",
        "--propagation",
        "private",
    ];
    let mut prefix: Vec<&str> = base.to_vec();
    if !is_root() {
        prefix.insert(1, "--user");
        prefix.insert(2, "--map-root-user");
    }
    let probe = Command::new(prefix[0])
        .args(&prefix[1..])
        .arg("true")
        .output();
    match probe {
        Ok(out) if out.status.success() => Ok(prefix),
        Ok(out) => Err(format!(
            "unshare failed: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        )),
        Err(err) => Err(format!("cannot run unshare: {err}")),
    }
}

/// Whether sandboxes can be made. As root (CI) they must be: a sandbox test
/// that cannot run there is a failure. Elsewhere the test is skipped with
/// the reason printed.
pub fn sandbox_available(test: &str) -> bool {
    match unshare_prefix() {
        Ok(_) => true,
        Err(reason) if is_root() => panic!("{test}: running as root but no sandbox: {reason}"),
        Err(reason) => {
            eprintln!("SKIP {test}: no user namespaces here ({reason})");
            false
        }
    }
}

static NEXT_DIR: AtomicUsize = AtomicUsize::new(0);

fn scratch_dir() -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "rnet-test-{}-{}",
        std::process::id(),
        NEXT_DIR.fetch_add(1, Ordering::SeqCst)
    ));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(dir.join("bin")).expect("scratch dir");
    dir
}

fn shell_quote(text: &str) -> String {
    format!("'{}'", text.replace('\'', r"'\''"))
}

const PROLOGUE: &str = r#"
set -u
mount -t tmpfs tmpfs /run
mkdir -p /run/netns /run/etc-overlay/upper /run/etc-overlay/work
mount -t tmpfs -o mode=755 tmpfs /run/netns
mount -t overlay overlay -o lowerdir=/etc,upperdir=/run/etc-overlay/upper,workdir=/run/etc-overlay/work /etc
mkdir -p /etc/netns
mount -t tmpfs -o mode=755 tmpfs /etc/netns
"#;

/// Runs `commands` in one fresh sandbox with `ip_binary` installed as `ip`.
pub fn run_in_sandbox(ip_binary: &Path, commands: &[String]) -> Vec<Outcome> {
    let prefix = unshare_prefix().expect("sandbox");
    let dir = scratch_dir();
    std::os::unix::fs::symlink(ip_binary, dir.join("bin/ip")).expect("ip link");
    std::os::unix::fs::symlink(rnet_binary(), dir.join("bin/rnet")).expect("rnet link");
    let mut script = String::from(PROLOGUE);
    let d = dir.display();
    // $SCENARIOS lets a scenario source a setup shared with others.
    script.push_str(&format!(
        "export PATH={d}/bin:$PATH IP={REAL_IP} RNET={} SCENARIOS={} LC_ALL=C\ncd {d}\n",
        shell_quote(&rnet_binary().display().to_string()),
        shell_quote(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/scenarios")),
    ));
    for (index, command) in commands.iter().enumerate() {
        script.push_str(&format!("( {command}\n) >{d}/out.{index} 2>{d}/err.{index} </dev/null; echo $? >{d}/rc.{index}\n"));
    }
    let run = Command::new(prefix[0])
        .args(&prefix[1..])
        .args(["sh", "-c", &script])
        .output()
        .expect("run sandbox");
    let read =
        |name: String| fs::read(dir.join(name)).map(|b| String::from_utf8_lossy(&b).into_owned());
    let outcomes = commands
        .iter()
        .enumerate()
        .map(|(index, command)| {
            let status = read(format!("rc.{index}")).unwrap_or_else(|_| {
                panic!(
                    "sandbox did not reach {command:?}: {}",
                    String::from_utf8_lossy(&run.stderr)
                )
            });
            Outcome {
                command: command.clone(),
                stdout: read(format!("out.{index}")).unwrap_or_default(),
                stderr: read(format!("err.{index}")).unwrap_or_default(),
                status: status.trim().parse().expect("status"),
            }
        })
        .collect();
    let _ = fs::remove_dir_all(&dir);
    outcomes
}

/// Runs `commands` with rnet as `ip` in one sandbox; None (after saying
/// why) where no sandbox can be made and the test may be skipped.
pub fn run_rnet(test: &str, commands: &[&str]) -> Option<Vec<Outcome>> {
    if !sandbox_available(test) {
        return None;
    }
    let commands: Vec<String> = commands.iter().map(|c| c.to_string()).collect();
    Some(run_in_sandbox(&rnet_binary(), &commands))
}

/// The command lines of a scenario file: one per line, blank lines and
/// lines starting with `#` left out.
pub fn scenario_commands(path: &Path) -> Vec<String> {
    fs::read_to_string(path)
        .unwrap_or_else(|err| panic!("{}: {err}", path.display()))
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(String::from)
        .collect()
}

/// Replaces random link-layer addresses (and the IPv6 link-local addresses
/// derived from them) with stable placeholders numbered by first
/// appearance, so two sandboxes can be compared. All-zero and broadcast
/// addresses are kept.
pub fn normalise_random_addresses(outcomes: &mut [Outcome]) {
    let mut seen: Vec<String> = Vec::new();
    let mut placeholder = |token: &str, prefix: &str| -> String {
        let at = seen.iter().position(|s| s == token).unwrap_or_else(|| {
            seen.push(token.to_string());
            seen.len() - 1
        });
        format!("{prefix}{at}")
    };
    for outcome in outcomes.iter_mut() {
        for text in [&mut outcome.stdout, &mut outcome.stderr] {
            *text = replace_tokens(text, &mut placeholder);
        }
    }
}

fn is_mac(token: &str) -> bool {
    let parts: Vec<&str> = token.split(':').collect();
    parts.len() == 6
        && parts
            .iter()
            .all(|p| p.len() == 2 && p.chars().all(|c| c.is_ascii_hexdigit()))
}

fn replace_tokens(text: &str, placeholder: &mut impl FnMut(&str, &str) -> String) -> String {
    let mut out = String::with_capacity(text.len());
    let mut token = String::new();
    let flush = |token: &mut String,
                 out: &mut String,
                 placeholder: &mut dyn FnMut(&str, &str) -> String| {
        if is_mac(token) && token != "00:00:00:00:00:00" && token != "ff:ff:ff:ff:ff:ff" {
            out.push_str(&placeholder(token, "MAC"));
        } else if token.starts_with("fe80::") {
            out.push_str(&placeholder(token, "fe80::LL"));
        } else {
            out.push_str(token);
        }
        token.clear();
    };
    for c in text.chars() {
        if c.is_ascii_hexdigit() || c == ':' {
            token.push(c);
        } else {
            flush(&mut token, &mut out, placeholder);
            out.push(c);
        }
    }
    flush(&mut token, &mut out, placeholder);
    out
}

/// Runs a scenario under ip and under rnet and asserts identical results.
pub fn assert_same_as_ip(scenario: &str) {
    if !sandbox_available(scenario) {
        return;
    }
    assert!(
        Path::new(REAL_IP).exists(),
        "{REAL_IP} is the oracle and must be installed"
    );
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/scenarios")
        .join(scenario);
    let commands = scenario_commands(&path);
    assert!(!commands.is_empty(), "{scenario} has no commands");
    let mut expected = run_in_sandbox(Path::new(REAL_IP), &commands);
    let mut actual = run_in_sandbox(&rnet_binary(), &commands);
    normalise_random_addresses(&mut expected);
    normalise_random_addresses(&mut actual);
    let mut report = String::new();
    for (want, got) in expected.iter().zip(&actual) {
        if want != got {
            report.push_str(&format!(
                "\n--- {}\n  ip:   status {} stdout {:?} stderr {:?}\n  rnet: status {} stdout {:?} stderr {:?}\n",
                want.command, want.status, want.stdout, want.stderr, got.status, got.stdout, got.stderr
            ));
        }
    }
    assert!(report.is_empty(), "{scenario} differs from ip:{report}");
}
