//! Extended ACK: the kernel's text explanation attached to an error answer.
//!
//! An NLMSG_ERROR payload is the errno, the echoed request (only its 16-byte
//! header when NETLINK_CAP_ACK is on, else all of it) and then netlink
//! attributes; NLMSGERR_ATTR_MSG (type 1) holds a NUL-terminated string.
//! netlink-packet-core hands us everything after the errno unparsed.

use super::attrs::{align4, NLMSG_HDRLEN};

const NLMSGERR_ATTR_MSG: u16 = 1;

/// The extended-ACK message of an NLMSG_ERROR; `payload` is everything
/// after the errno.
pub fn message(payload: &[u8], capped: bool) -> Option<String> {
    let echoed = if capped {
        NLMSG_HDRLEN
    } else {
        let len = u32::from_ne_bytes(payload.get(..4)?.try_into().ok()?) as usize;
        align4(len)
    };
    message_in_attributes(payload.get(echoed..)?)
}

/// The NLMSGERR_ATTR_MSG text among netlink attributes (an NLMSG_DONE
/// carries them right after its status). An empty text counts as none.
pub fn message_in_attributes(mut attrs: &[u8]) -> Option<String> {
    while attrs.len() >= 4 {
        let len = u16::from_ne_bytes([attrs[0], attrs[1]]) as usize;
        let kind = u16::from_ne_bytes([attrs[2], attrs[3]]) & 0x3fff;
        if len < 4 || len > attrs.len() {
            return None;
        }
        if kind == NLMSGERR_ATTR_MSG {
            let text = &attrs[4..len];
            let end = text.iter().position(|&b| b == 0).unwrap_or(text.len());
            return Some(String::from_utf8_lossy(&text[..end]).into_owned())
                .filter(|t| !t.is_empty());
        }
        attrs = attrs.get(align4(len)..).unwrap_or(&[]);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attr(kind: u16, value: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(&((4 + value.len()) as u16).to_ne_bytes());
        out.extend_from_slice(&kind.to_ne_bytes());
        out.extend_from_slice(value);
        out.resize(align4(out.len()), 0);
        out
    }

    #[test]
    fn finds_the_message_after_a_capped_echo() {
        let mut payload = vec![0u8; 16];
        payload.extend(attr(2, &7u32.to_ne_bytes()));
        payload.extend(attr(1, b"mtu greater than device maximum\0"));
        assert_eq!(
            message(&payload, true).as_deref(),
            Some("mtu greater than device maximum")
        );
    }

    #[test]
    fn skips_a_full_echo() {
        let mut payload = 20u32.to_ne_bytes().to_vec();
        payload.resize(20, 0);
        payload.extend(attr(1, b"Peer netns reference is invalid\0"));
        assert_eq!(
            message(&payload, false).as_deref(),
            Some("Peer netns reference is invalid")
        );
    }

    #[test]
    fn absent_or_broken_attributes_give_none() {
        assert_eq!(message(&[0u8; 16], true), None);
        assert_eq!(message(&[1, 2], false), None);
        let mut payload = vec![0u8; 16];
        payload.extend_from_slice(&[200, 0, 1, 0, b'x']);
        assert_eq!(message(&payload, true), None);
    }
}
