//! What the kernel told us, in a form the printers and filters can read.
//!
//! Messages are kept as the kernel sent them (owned bytes) with their
//! attributes indexed on demand; see `kernel::attrs` for why nothing is
//! decoded ahead of printing.

pub mod address;
pub mod bond;
pub mod link;
pub mod names;
pub mod rt_names;
pub mod rule;
