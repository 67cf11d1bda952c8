//! Running a plan: each step through rnet's own object dispatch, in the
//! step's namespace, with a journal of what this run changed, undone in
//! reverse order when a step fails.

use std::fs::File;
use std::os::fd::AsFd;

use nix::sched::{setns, CloneFlags};

use super::errors::ApplyError;
use super::plan::{Action, Command, Step};
use super::state::sysctl_path;
use super::topology::Netns;
use crate::context::Context;
use crate::error::{report, Error, Result};
use crate::grammar::options::Options;
use crate::kernel::errors::NamespaceError;
use crate::kernel::namespace;
use crate::registry::run_object;

/// Runs `work` with a fresh context (so a socket, and a link cache, of
/// that namespace) inside `netns`, and comes back to rnet's own namespace
/// whatever happened.
pub(crate) fn in_namespace<T>(
    netns: &Netns,
    work: impl FnOnce(&mut Context) -> Result<T>,
) -> Result<T> {
    let Some(name) = netns else {
        return work(&mut Context::new(Options::default()));
    };
    let home = File::open("/proc/self/ns/net").map_err(|err| {
        Error::from(NamespaceError::SaveNamespace(
            err.raw_os_error().unwrap_or(nix::libc::EBADF),
        ))
    })?;
    namespace::enter(name)?;
    let result = {
        let mut ctx = Context::new(Options::default());
        let result = work(&mut ctx);
        ctx.out.flush();
        result
    };
    setns(home.as_fd(), CloneFlags::CLONE_NEWNET)
        .map_err(|errno| Error::from(NamespaceError::RestoreNamespace(errno as i32)))?;
    result
}

/// Runs one command.
pub(crate) fn run(command: &Command) -> Result<()> {
    match &command.action {
        // As `rnet -n NS WORDS` runs them: a fresh context in NS.
        Action::Ip(words) => in_namespace(&command.netns, |ctx| {
            run_object(ctx, &words[0], &words[1..])
        }),
        Action::Sysctl { key, value } => in_namespace(&command.netns, |_| {
            std::fs::write(sysctl_path(key), value).map_err(|err| {
                ApplyError::Sysctl {
                    key: key.clone(),
                    netns: command.netns.clone().unwrap_or_default(),
                    errno: err.raw_os_error().unwrap_or(0),
                }
                .into()
            })
        }),
    }
}

/// Runs `steps` in order. On a failure the error is reported, the steps
/// done so far are undone in reverse order, and the failing step is named.
pub(crate) fn run_all(steps: &[Step]) -> Result<()> {
    let mut journal: Vec<&Command> = Vec::new();
    for (at, step) in steps.iter().enumerate() {
        if let Err(error) = run(&step.command) {
            report(&error);
            let undone = journal.len();
            let mut undo_failures = Vec::new();
            for undo in journal.into_iter().rev() {
                if let Err(undo_error) = run(undo) {
                    let text = undo_error
                        .message(crate::error::program())
                        .unwrap_or_default();
                    undo_failures.push(format!("{}: {}", undo.text(), text.replace('\n', " ")));
                }
            }
            return Err(ApplyError::StepFailed {
                number: at + 1,
                of: steps.len(),
                command: step.command.text(),
                undone,
                undo_failures,
            }
            .into());
        }
        if let Some(undo) = &step.undo {
            journal.push(undo);
        }
    }
    Ok(())
}
