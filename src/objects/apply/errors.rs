//! What `rnet apply` and `rnet destroy` can end with besides success: a
//! file that cannot be read or is wrong (status 1, nothing changed), a kernel
//! that differs from the file where apply does not change things (status 1),
//! a step the kernel refused (status 2, everything undone) and an undo that
//! failed as well (status 4: something is left). "Nothing to do" is an
//! answer, not a failure, and has its own status (3).
//!
//! The one error table (`crate::error`) hands these here for their text,
//! status and whether they end a batch.

use crate::error::{strerror, SubjectError};

/// The status of an apply or destroy that found nothing to change.
pub(crate) const NOTHING_TO_DO: i32 = 3;

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum ApplyError {
    /// The file cannot be opened or read.
    Read { path: String, errno: i32 },
    /// The YAML/JSON reader refused the file (syntax, unknown key, type).
    Parse {
        path: String,
        line: Option<u64>,
        message: String,
    },
    /// The file reads but is wrong: a dangling reference, a duplicate.
    Invalid {
        path: String,
        line: u64,
        message: String,
    },
    /// The kernel has something the file names, in a shape apply does not
    /// change (a link of another kind), so no plan is made.
    Conflict(String),
    /// A step failed; the steps before it were undone.
    StepFailed {
        number: usize,
        of: usize,
        command: String,
        undone: usize,
        /// The undo steps that failed in turn, each with its error text.
        undo_failures: Vec<String>,
    },
    /// A sysctl could not be read while planning (status 1: nothing was
    /// changed), or written by a step (then reported before `StepFailed`).
    Sysctl {
        key: String,
        netns: String,
        errno: i32,
    },
    /// No FILE after `apply`/`destroy`, or a word apply does not take.
    Usage(String),
    /// apply/destroy found nothing to change (status 3, no message).
    NothingToDo,
}

impl SubjectError for ApplyError {
    fn status(&self) -> i32 {
        match self {
            ApplyError::NothingToDo => NOTHING_TO_DO,
            ApplyError::StepFailed { undo_failures, .. } if !undo_failures.is_empty() => 4,
            ApplyError::StepFailed { .. } => 2,
            ApplyError::Usage(_) => 255,
            _ => 1,
        }
    }

    // Every apply error is the answer of that one line: a batch goes on
    // (the trait's default `aborts_batch`).

    fn message(&self, prog: &str) -> Option<String> {
        Some(match self {
            ApplyError::Read { path, errno } => {
                format!("{prog}: cannot read {path}: {}", strerror(*errno))
            }
            ApplyError::Parse {
                path,
                line: Some(line),
                message,
            } => format!("{prog}: {path}:{line}: {message}"),
            ApplyError::Parse {
                path,
                line: None,
                message,
            } => format!("{prog}: {path}: {message}"),
            ApplyError::Invalid {
                path,
                line,
                message,
            } => format!("{prog}: {path}:{line}: {message}"),
            ApplyError::Conflict(text) => format!("{prog}: {text}"),
            ApplyError::StepFailed {
                number,
                of,
                command,
                undone,
                undo_failures,
            } => {
                let mut text = format!("{prog}: step {number} of {of} failed: {command}\n");
                if undo_failures.is_empty() {
                    text.push_str(&format!(
                        "{prog}: undid the {undone} step(s) before it: the kernel is as it was"
                    ));
                } else {
                    text.push_str(&format!(
                        "{prog}: undid {} of the {undone} step(s) before it; these failed:",
                        undone - undo_failures.len()
                    ));
                    for failure in undo_failures {
                        text.push_str(&format!("\n  {failure}"));
                    }
                }
                text
            }
            ApplyError::Sysctl { key, netns, errno } => format!(
                "{prog}: sysctl {key} in namespace \"{netns}\": {}",
                strerror(*errno)
            ),
            ApplyError::Usage(text) => text.clone(),
            ApplyError::NothingToDo => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Error;

    #[test]
    fn statuses_and_texts() {
        let failed = |undo_failures: Vec<String>| {
            Error::from(ApplyError::StepFailed {
                number: 3,
                of: 5,
                command: "ip -n a link add x type dummy".into(),
                undone: 2,
                undo_failures,
            })
        };
        assert_eq!(failed(vec![]).status(), 2);
        assert_eq!(
            failed(vec![]).message("rnet").unwrap(),
            "rnet: step 3 of 5 failed: ip -n a link add x type dummy\n\
             rnet: undid the 2 step(s) before it: the kernel is as it was"
        );
        assert_eq!(failed(vec!["x".into()]).status(), 4);
        let nothing = Error::from(ApplyError::NothingToDo);
        assert_eq!((nothing.status(), nothing.message("rnet")), (3, None));
    }
}
