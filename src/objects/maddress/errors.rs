//! What `ip maddress` can refuse, with ip's text and status.
//!
//! The one error table (`crate::error`) hands these here for their text,
//! status and whether ip raises them with `exit()` (all of them: `add` and
//! `del` end with `exit()` even when they succeed).

use crate::error::{strerror, SubjectError};

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum MaddressError {
    /// An address that is not six bytes long (ip exits 1).
    InvalidLength(usize),
    /// `add`/`del` without `dev` (ip exits 255).
    DevRequired,
    /// The socket for the ioctl could not be made (ip exits 1).
    Socket(i32),
    /// SIOCADDMULTI/SIOCDELMULTI failed (ip exits 1).
    Ioctl(i32),
}

impl SubjectError for MaddressError {
    fn status(&self) -> i32 {
        match self {
            MaddressError::DevRequired => 255,
            _ => 1,
        }
    }

    fn aborts_batch(&self) -> bool {
        true
    }

    fn errno(&self) -> Option<i32> {
        match self {
            MaddressError::Socket(errno) | MaddressError::Ioctl(errno) => Some(*errno),
            _ => None,
        }
    }

    fn message(&self, _prog: &str) -> Option<String> {
        Some(match self {
            MaddressError::InvalidLength(len) => {
                format!("Error: Invalid address length {len} - must be 6 bytes")
            }
            MaddressError::DevRequired => {
                "Not enough information: \"dev\" is required.".to_string()
            }
            MaddressError::Socket(errno) => {
                format!("Cannot create socket: {}", strerror(*errno))
            }
            MaddressError::Ioctl(errno) => format!("ioctl: {}", strerror(*errno)),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::{shown, Error};

    #[test]
    fn maddress_errors_match_ip() {
        assert_eq!(
            shown(&MaddressError::Ioctl(nix::libc::ENODEV).into()),
            ("ioctl: No such device".into(), 1)
        );
        let dev: Error = MaddressError::DevRequired.into();
        assert_eq!(
            shown(&dev),
            ("Not enough information: \"dev\" is required.".into(), 255)
        );
        assert!(dev.aborts_batch());
    }
}
