//! One module per ip object: each turns its words into kernel requests and
//! hands the answers to the printing layer.

pub mod address;
pub mod device;
pub(crate) mod dumpfile;
pub mod existing;
pub mod link;
pub mod netns;
pub mod rule;
pub mod show;
