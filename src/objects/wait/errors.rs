//! What `rnet wait` can end with besides success: the timeout (status 1,
//! so a script can tell it from an error) and failures to listen.
//!
//! The one error table (`crate::error`) hands these here for their text,
//! status and whether they end a batch.

use crate::error::{strerror, SubjectError};

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum WaitError {
    /// The condition did not hold before the timeout passed (status 1).
    TimedOut {
        /// The timeout as given, in seconds.
        after: String,
        /// `link va to be up`.
        waiting_for: String,
        /// What the object was when time ran out: `down`.
        state: String,
    },
    /// Joining the netlink groups, or reading their events, failed.
    Events(i32),
    /// /proc/self/mountinfo, watched for namespace mounts, cannot be opened.
    Mountinfo(i32),
}

impl SubjectError for WaitError {
    fn status(&self) -> i32 {
        match self {
            WaitError::TimedOut { .. } => 1,
            WaitError::Events(_) | WaitError::Mountinfo(_) => 2,
        }
    }

    /// A timeout is an answer, not a broken line: a batch goes on.
    fn aborts_batch(&self) -> bool {
        false
    }

    fn message(&self, _prog: &str) -> Option<String> {
        Some(match self {
            WaitError::TimedOut {
                after,
                waiting_for,
                state,
            } => format!("Timed out after {after}s waiting for {waiting_for}: it is {state}"),
            WaitError::Events(errno) => {
                format!("Cannot listen to netlink events: {}", strerror(*errno))
            }
            WaitError::Mountinfo(errno) => {
                format!("Cannot watch /proc/self/mountinfo: {}", strerror(*errno))
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Error;

    #[test]
    fn timeout_text_and_status() {
        let error = Error::from(WaitError::TimedOut {
            after: "5".into(),
            waiting_for: "link va to be up".into(),
            state: "down".into(),
        });
        assert_eq!(
            error.message("rnet").as_deref(),
            Some("Timed out after 5s waiting for link va to be up: it is down")
        );
        assert_eq!((error.status(), error.aborts_batch()), (1, false));
        assert_eq!(Error::from(WaitError::Events(105)).status(), 2);
    }
}
