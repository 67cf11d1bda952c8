//! What rnet adds to ip's error line: a hint for people, a JSON object for
//! machines.
//!
//! ip's text always comes first and unchanged, so scripts that match it keep
//! working. Hints follow on a line of their own starting with `hint:`, when
//! stderr is a terminal or `-hints` is given; nothing else changes, so a
//! script capturing stderr sees exactly ip's text. With `-json-errors` the
//! error is one JSON object on stderr instead (`errno`, `exit_code`,
//! `message`, `objects`, `hint`).

use std::sync::atomic::{AtomicBool, Ordering};

use crate::error::Error;
use crate::output::json::JsonWriter;

static HINTS: AtomicBool = AtomicBool::new(false);
static JSON: AtomicBool = AtomicBool::new(false);

/// Chooses how errors are reported: at start-up from the terminal alone,
/// then again once the options are read.
pub fn configure(hints: bool, json: bool) {
    HINTS.store(hints, Ordering::Relaxed);
    JSON.store(json, Ordering::Relaxed);
}

/// Whether errors get more than ip's text (a hint, or JSON with a hint):
/// then what the hint says may depend on the kernel's state at the error.
pub fn hints_shown() -> bool {
    HINTS.load(Ordering::Relaxed) || JSON.load(Ordering::Relaxed)
}

/// Whether stderr is a terminal (hints are on by default there).
pub fn stderr_is_terminal() -> bool {
    // SAFETY: isatty only inspects the descriptor.
    unsafe { nix::libc::isatty(2) == 1 }
}

const EPERM: i32 = nix::libc::EPERM;
#[cfg(test)]
const EINVAL: i32 = nix::libc::EINVAL;

/// The errno behind an error, when there is one.
pub fn errno(err: &Error) -> Option<i32> {
    use Error::*;
    match err {
        Explained { error, .. } => errno(error),
        Returned { error, .. } => errno(error),
        FlushTerminated(k) => Some(k.errno),
        FlushSend(e) => Some(*e),
        Kernel(k) | DumpTerminated(k) => Some(k.errno),
        Subject(error) => error.errno(),
        NetlinkOpen(e) | LinkGetFailed(e) | LinkRequestFailed(e) => Some(*e),
        BatchOpen { errno, .. } | WindowLost { errno, .. } => Some(*errno),
        TakeBackFailed { error, .. } => Some(error.errno),
        _ => None,
    }
}

/// The names of the objects an error is about (devices, namespaces, files).
pub fn objects(err: &Error) -> Vec<String> {
    use Error::*;
    match err {
        Explained { error, objects, .. } => {
            let mut all = objects.clone();
            all.extend(self::objects(error));
            all.dedup();
            all
        }
        Returned { error, .. } => self::objects(error),
        Subject(error) => error.objects(),
        DeviceDoesNotExist(n) | CannotFindDevice(n) => {
            vec![n.clone()]
        }
        BatchOpen { path, .. } => vec![path.clone()],
        InvalidArgument { arg, .. }
        | DuplicateArgument { arg, .. }
        | DuplicateOrGarbage { arg, .. } => {
            vec![arg.clone()]
        }
        _ => Vec::new(),
    }
}

const NEED_NET_ADMIN: &str =
    "changing network state needs CAP_NET_ADMIN in this namespace: run as root, \
                              or in a container granted NET_ADMIN";

/// A short explanation of what clashed or is missing, and what to do.
pub fn hint(err: &Error) -> Option<String> {
    use Error::*;
    let text = match err {
        Explained { hint, .. } => hint.clone(),
        Returned { error, .. } => return self::hint(error),
        Kernel(k) if k.errno == EPERM => NEED_NET_ADMIN.to_string(),
        Kernel(k) if k.extack.as_deref() == Some("Unknown device type") => {
            "this kernel has no driver for that link kind; load its module (modprobe) or use another kind"
                .to_string()
        }
        Subject(error) => return error.hint(),
        DeviceDoesNotExist(name) | CannotFindDevice(name) => format!(
            "there is no device named {name} in this namespace; `rnet -br link` lists them \
             (add -n NAME for another namespace)"
        ),
        _ => return None,
    };
    Some(text)
}

/// What to print on stderr for `err`, as one string without the final
/// newline; None when nothing is printed.
pub fn render(err: &Error, prog: &str) -> Option<String> {
    let message = err.message(prog);
    if JSON.load(Ordering::Relaxed) {
        return Some(render_json(err, message.as_deref()));
    }
    let message = message?;
    match hint(err).filter(|_| HINTS.load(Ordering::Relaxed)) {
        Some(hint) => Some(format!("{message}\nhint: {hint}")),
        None => Some(message),
    }
}

fn render_json(err: &Error, message: Option<&str>) -> String {
    let mut out = Vec::new();
    let mut w = JsonWriter::new(false);
    w.start_object(&mut out);
    w.name(&mut out, "errno");
    match errno(err) {
        Some(errno) => w.raw(&mut out, &errno.to_string()),
        None => w.raw(&mut out, "null"),
    }
    w.name(&mut out, "exit_code");
    w.raw(&mut out, &(err.status() & 0xff).to_string());
    w.name(&mut out, "message");
    w.string(
        &mut out,
        message.unwrap_or("").trim_end_matches('\n').as_bytes(),
    );
    w.name(&mut out, "objects");
    w.start_array(&mut out);
    for object in objects(err) {
        w.string(&mut out, object.as_bytes());
    }
    w.end_array(&mut out);
    if let Some(hint) = hint(err) {
        w.name(&mut out, "hint");
        w.string(&mut out, hint.as_bytes());
    }
    w.end_object(&mut out);
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::KernelError;
    use crate::kernel::errors::{NamespaceError, SwitchError};
    use crate::objects::netns::errors::NetnsError;

    #[test]
    fn json_form_names_errno_objects_and_status() {
        let err: Error = NamespaceError::NetnsFileCreate {
            path: "/run/netns/a".into(),
            errno: nix::libc::EEXIST,
        }
        .into();
        let text = render_json(&err, err.message("ip").as_deref());
        assert_eq!(
            text,
            "{\"errno\":17,\"exit_code\":1,\"message\":\"Cannot create namespace file \\\"/run/netns/a\\\": \
             File exists\",\"objects\":[\"/run/netns/a\"],\"hint\":\"/run/netns/a is there already; `rnet \
             netns list` shows it, `rnet netns delete` removes it\"}"
        );
        let usage = Error::UnknownObject("foo".into());
        let text = render_json(&usage, usage.message("ip").as_deref());
        assert!(
            text.starts_with("{\"errno\":null,\"exit_code\":1,"),
            "{text}"
        );
    }

    #[test]
    fn hints_name_what_is_missing() {
        let eperm = Error::Kernel(KernelError {
            errno: EPERM,
            extack: None,
        });
        assert!(hint(&eperm).unwrap().contains("CAP_NET_ADMIN"));
        let stale: Error = NamespaceError::Switch(SwitchError::Setns {
            name: "old".into(),
            errno: EINVAL,
        })
        .into();
        assert!(hint(&stale).unwrap().contains("`rnet netns delete old`"));
        let unknown = Error::Kernel(KernelError {
            errno: 95,
            extack: Some("Unknown device type".into()),
        });
        assert!(hint(&unknown).unwrap().contains("no driver"));
        assert_eq!(hint(&NetnsError::NoName.into()), None);
        let explained = Error::Explained {
            error: Box::new(eperm),
            hint: "custom".into(),
            objects: vec!["veth0".into()],
        };
        assert_eq!(hint(&explained).as_deref(), Some("custom"));
        assert_eq!(explained.status(), 2);
        assert_eq!(objects(&explained), ["veth0"]);
    }
}
