//! Netlink attributes written byte by byte, as ip's `addattr*` and
//! `addattr_nest` write them (native byte order, 4-byte padding, nests
//! without NLA_F_NESTED). Used for the parts of a link request whose bytes
//! netlink-packet-route would encode differently from ip.

use crate::kernel::attrs::align4;

/// A growing attribute buffer.
#[derive(Debug, Default, Clone)]
pub struct Nest {
    bytes: Vec<u8>,
}

impl Nest {
    pub fn attr(&mut self, kind: u16, payload: &[u8]) {
        let len = 4 + payload.len();
        self.bytes.extend_from_slice(&(len as u16).to_ne_bytes());
        self.bytes.extend_from_slice(&kind.to_ne_bytes());
        self.bytes.extend_from_slice(payload);
        self.bytes.resize(align4(self.bytes.len()), 0);
    }

    pub fn flag(&mut self, kind: u16) {
        self.attr(kind, &[]);
    }

    pub fn u8(&mut self, kind: u16, value: u8) {
        self.attr(kind, &[value]);
    }

    pub fn u16(&mut self, kind: u16, value: u16) {
        self.attr(kind, &value.to_ne_bytes());
    }

    pub fn u32(&mut self, kind: u16, value: u32) {
        self.attr(kind, &value.to_ne_bytes());
    }

    pub fn u64(&mut self, kind: u16, value: u64) {
        self.attr(kind, &value.to_ne_bytes());
    }

    /// Opens a nest; returns where it starts, for [`Nest::end`].
    pub fn begin(&mut self, kind: u16) -> usize {
        let start = self.bytes.len();
        self.attr(kind, &[]);
        start
    }

    /// Closes the nest opened at `start`: its length now covers everything
    /// written since (ip's `addattr_nest_end`).
    pub fn end(&mut self, start: usize) {
        let len = (self.bytes.len() - start) as u16;
        self.bytes[start..start + 2].copy_from_slice(&len.to_ne_bytes());
    }

    /// Appends attributes written separately (they are already padded).
    pub fn append(&mut self, other: Nest) {
        self.bytes.extend_from_slice(&other.bytes);
    }

    pub fn into_bytes(self) -> Vec<u8> {
        self.bytes
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pads_and_nests_like_addattr() {
        let mut nest = Nest::default();
        let outer = nest.begin(18);
        nest.attr(1, b"veth");
        nest.u8(2, 7);
        nest.end(outer);
        let bytes = nest.into_bytes();
        assert_eq!(bytes.len(), 4 + 8 + 8);
        assert_eq!(u16::from_ne_bytes([bytes[0], bytes[1]]), 20);
        assert_eq!(&bytes[8..12], b"veth");
        assert_eq!(u16::from_ne_bytes([bytes[12], bytes[13]]), 5);
    }
}
