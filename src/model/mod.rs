//! What the kernel told us, in a form the printers and filters can read.
//!
//! Messages are kept as the kernel sent them (owned bytes) with their
//! attributes indexed on demand; see `kernel::attrs` for why nothing is
//! decoded ahead of printing.

pub mod address;
pub mod bond;
pub mod link;
pub mod names;
pub mod neighbor;
pub mod nexthop;
pub mod route;
pub mod rt_names;
pub mod rule;

/// Hashing for interface indexes: they are small, distinct integers chosen
/// by the kernel, so SipHash's protection against chosen keys buys nothing,
/// while a dump of ten thousand links hashes tens of thousands of them.
#[derive(Default)]
pub struct IndexHasher(u64);

impl std::hash::Hasher for IndexHasher {
    fn finish(&self) -> u64 {
        // Fibonacci hashing spreads consecutive indexes over the table.
        self.0.wrapping_mul(0x9e37_79b9_7f4a_7c15)
    }

    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 = (self.0 << 8) | u64::from(byte);
        }
    }

    fn write_u32(&mut self, value: u32) {
        self.0 = u64::from(value);
    }

    fn write_i32(&mut self, value: i32) {
        self.0 = u64::from(value as u32);
    }
}

/// A map keyed by interface index.
pub type IndexMap<K, V> =
    std::collections::HashMap<K, V, std::hash::BuildHasherDefault<IndexHasher>>;
