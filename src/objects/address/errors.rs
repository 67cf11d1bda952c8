//! What `ip address` can refuse, with ip's text and status.
//!
//! The one error table (`crate::error`) hands these here for their text,
//! status and whether ip raises them with `exit()`. The flush and save
//! errors `objects/show.rs` raises, shared with the other listings, stay in
//! that table.

use crate::error::SubjectError;

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum AddressError {
    /// `ip addr add` without `dev` (status 1, unlike `ip link set`).
    NeedsDevice,
    /// `brd +`/`brd -` on a non-IPv4 address.
    BroadcastOnlyIpv4,
    ValidLifetimeZero,
    PreferredAboveValid,
    AutojoinNeedsMulticast,
}

impl SubjectError for AddressError {
    /// ip returns all of them with -1: status 1, and a batch goes on.
    fn status(&self) -> i32 {
        1
    }

    fn aborts_batch(&self) -> bool {
        false
    }

    fn message(&self, _prog: &str) -> Option<String> {
        Some(match self {
            AddressError::NeedsDevice => {
                "Not enough information: \"dev\" argument is required.".to_string()
            }
            AddressError::BroadcastOnlyIpv4 => {
                "Broadcast can be set only for IPv4 addresses".to_string()
            }
            AddressError::ValidLifetimeZero => "valid_lft is zero".to_string(),
            AddressError::PreferredAboveValid => {
                "preferred_lft is greater than valid_lft".to_string()
            }
            AddressError::AutojoinNeedsMulticast => "autojoin needs multicast address".to_string(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::{shown, Error};

    #[test]
    fn address_errors_match_ip() {
        let error: Error = AddressError::NeedsDevice.into();
        assert_eq!(
            shown(&error),
            (
                "Not enough information: \"dev\" argument is required.".into(),
                1
            )
        );
        assert!(!error.aborts_batch());
        assert_eq!(
            shown(&AddressError::PreferredAboveValid.into()),
            ("preferred_lft is greater than valid_lft".into(), 1)
        );
    }
}
