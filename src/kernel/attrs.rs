//! Netlink attributes read in place, as iproute2's `parse_rtattr` reads them.
//!
//! Kernel answers are not decoded into typed structures: an [`Attrs`] table
//! maps each attribute type to its bytes, and printers read only what they
//! print. An attribute the kernel adds tomorrow, or one whose payload is not
//! the size we expect, therefore never hides an object; it is just not shown.
//! The same module builds request messages byte by byte.

use netlink_packet_core::Nla;

/// The flag ip sets on the type of a nested attribute (`rta_nest`).
pub(crate) const NLA_F_NESTED: u16 = 0x8000;
/// The length of a netlink message header (`struct nlmsghdr`).
pub(crate) const NLMSG_HDRLEN: usize = 16;

/// Attribute types carry two flag bits (NLA_F_NESTED, NLA_F_NET_BYTEORDER).
const TYPE_MASK: u16 = 0x3fff;
const NLA_HDRLEN: usize = 4;

pub fn align4(len: usize) -> usize {
    (len + 3) & !3
}

/// Every attribute in `buf`, in order: (type without flag bits, payload).
pub fn iter(buf: &[u8]) -> AttrIter<'_> {
    AttrIter { rest: buf }
}

pub struct AttrIter<'a> {
    rest: &'a [u8],
}

impl<'a> Iterator for AttrIter<'a> {
    type Item = (u16, &'a [u8]);

    fn next(&mut self) -> Option<Self::Item> {
        if self.rest.len() < NLA_HDRLEN {
            return None;
        }
        let len = u16::from_ne_bytes([self.rest[0], self.rest[1]]) as usize;
        let kind = u16::from_ne_bytes([self.rest[2], self.rest[3]]) & TYPE_MASK;
        if len < NLA_HDRLEN || len > self.rest.len() {
            self.rest = &[];
            return None;
        }
        let payload = &self.rest[NLA_HDRLEN..len];
        self.rest = self.rest.get(align4(len)..).unwrap_or(&[]);
        Some((kind, payload))
    }
}

/// Tables up to this many types live on the stack: every table ip needs
/// (links, link kinds, addresses) fits, so printing allocates nothing here.
const INLINE_SLOTS: usize = 64;

// The inline variant is large on purpose: boxing it would bring back the
// allocation this type exists to avoid.
#[allow(clippy::large_enum_variant)]
#[derive(Clone)]
enum Slots<'a> {
    Inline([Option<&'a [u8]>; INLINE_SLOTS]),
    Heap(Vec<Option<&'a [u8]>>),
}

/// Attributes indexed by type; the first of a repeated type wins, as in ip.
#[derive(Clone)]
pub struct Attrs<'a> {
    slots: Slots<'a>,
}

impl<'a> Attrs<'a> {
    /// Indexes the attributes of `buf` whose type is at most `max`.
    pub fn parse(buf: &'a [u8], max: u16) -> Self {
        let len = max as usize + 1;
        let mut slots = if len <= INLINE_SLOTS {
            Slots::Inline([None; INLINE_SLOTS])
        } else {
            Slots::Heap(vec![None; len])
        };
        let table: &mut [Option<&'a [u8]>] = match &mut slots {
            Slots::Inline(array) => &mut array[..len],
            Slots::Heap(vec) => vec,
        };
        for (kind, payload) in iter(buf) {
            if let Some(slot @ None) = table.get_mut(kind as usize) {
                *slot = Some(payload);
            }
        }
        Attrs { slots }
    }

    fn table(&self) -> &[Option<&'a [u8]>] {
        match &self.slots {
            Slots::Inline(array) => array,
            Slots::Heap(vec) => vec,
        }
    }

    pub fn get(&self, kind: u16) -> Option<&'a [u8]> {
        self.table().get(kind as usize).copied().flatten()
    }

    pub fn has(&self, kind: u16) -> bool {
        self.get(kind).is_some()
    }

    pub fn u8(&self, kind: u16) -> Option<u8> {
        self.get(kind).and_then(|b| b.first().copied())
    }

    pub fn u16(&self, kind: u16) -> Option<u16> {
        Some(u16::from_ne_bytes(
            self.get(kind)?.get(..2)?.try_into().ok()?,
        ))
    }

    /// A big-endian u16 (ports).
    pub fn be16(&self, kind: u16) -> Option<u16> {
        Some(u16::from_be_bytes(
            self.get(kind)?.get(..2)?.try_into().ok()?,
        ))
    }

    pub fn u32(&self, kind: u16) -> Option<u32> {
        Some(u32::from_ne_bytes(
            self.get(kind)?.get(..4)?.try_into().ok()?,
        ))
    }

    pub fn i32(&self, kind: u16) -> Option<i32> {
        self.u32(kind).map(|v| v as i32)
    }

    pub fn u64(&self, kind: u16) -> Option<u64> {
        Some(u64::from_ne_bytes(
            self.get(kind)?.get(..8)?.try_into().ok()?,
        ))
    }

    /// A string attribute, up to its NUL.
    pub fn str(&self, kind: u16) -> Option<&'a [u8]> {
        self.get(kind).map(cstr)
    }

    /// A nested attribute's own table.
    pub fn nested(&self, kind: u16, max: u16) -> Option<Attrs<'a>> {
        self.get(kind).map(|payload| Attrs::parse(payload, max))
    }
}

/// The bytes of a C string attribute, without the NUL and what follows.
pub fn cstr(bytes: &[u8]) -> &[u8] {
    let end = bytes.iter().position(|&b| b == 0).unwrap_or(bytes.len());
    &bytes[..end]
}

/// A request message built byte by byte: header, fixed part, attributes.
#[derive(Clone)]
pub struct Request {
    buf: Vec<u8>,
    /// Offsets of nests still open.
    nests: Vec<usize>,
}

impl Request {
    /// A whole message serialized elsewhere (netlink-packet-route's types);
    /// its length and sequence number are filled in when it is sent.
    pub(crate) fn from_bytes(buf: Vec<u8>) -> Self {
        Request {
            buf,
            nests: Vec::new(),
        }
    }

    /// A message of `msg_type` with `flags`; the length and sequence number
    /// are filled in when it is sent.
    pub fn new(msg_type: u16, flags: u16) -> Self {
        let mut buf = Vec::with_capacity(64);
        buf.extend_from_slice(&0u32.to_ne_bytes());
        buf.extend_from_slice(&msg_type.to_ne_bytes());
        buf.extend_from_slice(&flags.to_ne_bytes());
        buf.extend_from_slice(&[0u8; 8]);
        Request {
            buf,
            nests: Vec::new(),
        }
    }

    /// Appends the fixed header of the message family (ifinfomsg, ...).
    pub fn fixed(mut self, bytes: &[u8]) -> Self {
        self.buf.extend_from_slice(bytes);
        self.pad();
        self
    }

    fn pad(&mut self) {
        self.buf.resize(align4(self.buf.len()), 0);
    }

    pub fn attr(mut self, kind: u16, payload: &[u8]) -> Self {
        self.buf
            .extend_from_slice(&((NLA_HDRLEN + payload.len()) as u16).to_ne_bytes());
        self.buf.extend_from_slice(&kind.to_ne_bytes());
        self.buf.extend_from_slice(payload);
        self.pad();
        self
    }

    /// A netlink-packet-route attribute, written in place: its type (with
    /// NLA_F_NESTED when the attribute says it is a nest), its length, and
    /// its value as the crate emits it. One `value_len` per attribute: the
    /// crate's own slice writer asks each attribute its length several
    /// times, which a route batch of a million lines pays for.
    pub(crate) fn nla(mut self, attribute: &impl Nla) -> Self {
        let len = attribute.value_len();
        let mut kind = attribute.kind();
        if attribute.is_nested() {
            kind |= NLA_F_NESTED;
        }
        // One growth for header, value and padding.
        let start = self.buf.len();
        self.buf.resize(start + NLA_HDRLEN + align4(len), 0);
        let slot = &mut self.buf[start..];
        slot[..2].copy_from_slice(&((NLA_HDRLEN + len) as u16).to_ne_bytes());
        slot[2..4].copy_from_slice(&kind.to_ne_bytes());
        attribute.emit_value(&mut slot[NLA_HDRLEN..NLA_HDRLEN + len]);
        self
    }

    pub fn attr_u32(self, kind: u16, value: u32) -> Self {
        self.attr(kind, &value.to_ne_bytes())
    }

    /// A NUL-terminated string attribute.
    pub fn attr_str(self, kind: u16, value: &[u8]) -> Self {
        let mut payload = value.to_vec();
        payload.push(0);
        self.attr(kind, &payload)
    }

    pub fn begin_nest(mut self, kind: u16) -> Self {
        self.nests.push(self.buf.len());
        self.attr(kind, &[])
    }

    pub fn end_nest(mut self) -> Self {
        if let Some(start) = self.nests.pop() {
            let len = (self.buf.len() - start) as u16;
            self.buf[start..start + 2].copy_from_slice(&len.to_ne_bytes());
        }
        self
    }

    /// The finished message with `seq` as its sequence number.
    pub fn finish(mut self, seq: u32) -> Vec<u8> {
        let len = self.buf.len() as u32;
        self.buf[0..4].copy_from_slice(&len.to_ne_bytes());
        self.buf[8..12].copy_from_slice(&seq.to_ne_bytes());
        self.buf
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_and_reads_back_nested_attributes() {
        let msg = Request::new(18, 0x301)
            .fixed(&[0u8; 16])
            .attr_str(3, b"veth0")
            .begin_nest(18)
            .attr_str(1, b"veth")
            .end_nest()
            .attr_u32(4, 1500)
            .finish(7);
        assert_eq!(
            u32::from_ne_bytes(msg[0..4].try_into().unwrap()) as usize,
            msg.len()
        );
        assert_eq!(u32::from_ne_bytes(msg[8..12].try_into().unwrap()), 7);
        let attrs = Attrs::parse(&msg[32..], 60);
        assert_eq!(attrs.str(3), Some(&b"veth0"[..]));
        assert_eq!(attrs.u32(4), Some(1500));
        assert_eq!(attrs.nested(18, 5).unwrap().str(1), Some(&b"veth"[..]));
        assert_eq!(attrs.get(50), None);
        assert_eq!(attrs.get(500), None);
    }

    #[test]
    fn first_of_repeated_types_wins_and_broken_tails_stop() {
        let mut buf = Vec::new();
        for (kind, value) in [(1u16, 10u32), (1, 20)] {
            buf.extend_from_slice(&8u16.to_ne_bytes());
            buf.extend_from_slice(&kind.to_ne_bytes());
            buf.extend_from_slice(&value.to_ne_bytes());
        }
        buf.extend_from_slice(&[99, 0, 2, 0]);
        let attrs = Attrs::parse(&buf, 5);
        assert_eq!(attrs.u32(1), Some(10));
        assert_eq!(iter(&buf).count(), 2);
        // A short payload reads as absent instead of panicking.
        let short = [6u8, 0, 2, 0, 1, 2];
        assert_eq!(Attrs::parse(&short, 5).u32(2), None);
        assert_eq!(
            Attrs::parse(&short, 5).u16(2),
            Some(u16::from_ne_bytes([1, 2]))
        );
    }
}
