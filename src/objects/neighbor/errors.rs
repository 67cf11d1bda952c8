//! What `ip neighbor` and `ip ntable` can refuse, with ip's text and status.
//!
//! The one error table (`crate::error`) hands these here for their text,
//! status and whether ip raises them with `exit()`.

use crate::error::{strerror, KernelError, SubjectError};

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum NeighborError {
    /// add/del/change/replace without a device or an address (ip exits 255).
    DeviceAndDestination,
    /// `get` without a device or an address (ip returns -1: status 1).
    DeviceAndAddress,
    /// `flush` without a selector (status 1).
    FlushRequiresArguments,
    /// The deletions of a flush round could not be sent (ip exits 1).
    FlushSend(i32),
    /// ten rounds and still entries to delete: ip prints it on stdout and
    /// returns 1 (status 255).
    FlushNotComplete,
    /// The kernel refused a change; ip exits 2.
    Refused(KernelError),
    /// `ip ntable change` with nothing to change (ip exits 255).
    NothingToChange,
}

impl SubjectError for NeighborError {
    fn status(&self) -> i32 {
        match self {
            NeighborError::DeviceAndDestination
            | NeighborError::FlushNotComplete
            | NeighborError::NothingToChange => 255,
            NeighborError::Refused(_) => 2,
            _ => 1,
        }
    }

    /// Whether ip raises it with `exit()`, which ends a batch at once.
    fn aborts_batch(&self) -> bool {
        matches!(
            self,
            NeighborError::DeviceAndDestination
                | NeighborError::FlushSend(_)
                | NeighborError::Refused(_)
                | NeighborError::NothingToChange
        )
    }

    fn message(&self, _prog: &str) -> Option<String> {
        Some(match self {
            NeighborError::DeviceAndDestination => {
                "Device and destination are required arguments.".to_string()
            }
            NeighborError::DeviceAndAddress => {
                "Device and address are required arguments.".to_string()
            }
            NeighborError::FlushRequiresArguments => "Flush requires arguments.".to_string(),
            NeighborError::FlushSend(errno) => {
                format!("Failed to send flush request: {}", strerror(*errno))
            }
            // Already printed on stdout, as ip prints it.
            NeighborError::FlushNotComplete => return None,
            NeighborError::Refused(err) => err.to_string(),
            NeighborError::NothingToChange => {
                "Not enough information: changeable attributes required.".to_string()
            }
        })
    }

    /// The kernel's errno behind it, for `-json-errors`.
    fn errno(&self) -> Option<i32> {
        match self {
            NeighborError::Refused(err) => Some(err.errno),
            NeighborError::FlushSend(errno) => Some(*errno),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::{shown, Error};

    #[test]
    fn neighbor_errors_match_ip() {
        let missing: Error = NeighborError::DeviceAndDestination.into();
        assert_eq!(
            shown(&missing),
            ("Device and destination are required arguments.".into(), 255)
        );
        assert!(missing.aborts_batch());
        let get: Error = NeighborError::DeviceAndAddress.into();
        assert_eq!(
            shown(&get),
            ("Device and address are required arguments.".into(), 1)
        );
        assert!(!get.aborts_batch());
        let refused: Error = NeighborError::Refused(KernelError {
            errno: nix::libc::EEXIST,
            extack: None,
        })
        .into();
        assert_eq!(
            shown(&refused),
            ("RTNETLINK answers: File exists".into(), 2)
        );
        assert!(refused.aborts_batch());
        assert_eq!(
            shown(&NeighborError::FlushRequiresArguments.into()),
            ("Flush requires arguments.".into(), 1)
        );
    }
}
