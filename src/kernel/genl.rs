//! Generic netlink (libgenl.c): its own socket, the family lookup by name
//! through the controller, and the genlmsghdr of requests.
//!
//! A generic netlink family (`tcp_metrics`) is not reachable over the
//! rtnetlink socket every other object uses: it is a different netlink
//! protocol (NETLINK_GENERIC), so it needs a socket of its own, opened only
//! by the commands that talk to such a family, as ip opens its `grth`.

use super::attrs::{Attrs, Request};
use super::errors::KernelError;
use super::raw::{RawSocket, NLM_F_REQUEST};

/// netlink-sys's number for NETLINK_GENERIC.
const NETLINK_GENERIC: isize = 16;
/// The controller's fixed family id and commands.
const GENL_ID_CTRL: u16 = 0x10;
const CTRL_CMD_NEWFAMILY: u8 = 1;
const CTRL_CMD_GETFAMILY: u8 = 3;
const CTRL_ATTR_FAMILY_ID: u16 = 1;
const CTRL_ATTR_FAMILY_NAME: u16 = 2;
/// genlmsghdr: cmd, version, reserved.
pub const GENL_HDRLEN: usize = 4;
/// ip's receive buffer for its generic socket (rtnl_open_byproto's default).
const RCVBUF: usize = 1024 * 1024;

/// Why a family could not be resolved (each ends ip with status 1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LookupError {
    /// The controller refused the lookup (no such family: ENOENT).
    Refused(KernelError),
    /// Its answer was not a NEWFAMILY with an id.
    NoFamilyId,
}

/// Opens a generic netlink socket.
pub fn open() -> std::io::Result<RawSocket> {
    RawSocket::open_protocol(NETLINK_GENERIC, RCVBUF, false)
}

/// A request to generic family `family`: netlink header and genlmsghdr.
pub fn request(family: u16, flags: u16, cmd: u8, version: u8) -> Request {
    Request::new(family, flags).fixed(&[cmd, version, 0, 0])
}

/// libgenl's CTRL_CMD_GETFAMILY for `name` (NUL included).
pub fn family_request(name: &str) -> Request {
    request(GENL_ID_CTRL, NLM_F_REQUEST, CTRL_CMD_GETFAMILY, 0)
        .attr_str(CTRL_ATTR_FAMILY_NAME, name.as_bytes())
}

/// libgenl's `genl_resolve_family`: the id of family `name`.
pub fn resolve_family(socket: &mut RawSocket, name: &str) -> Result<u16, LookupError> {
    let mut answer: Option<(u16, Vec<u8>)> = None;
    socket
        .talk(family_request(name), |msg| {
            answer.get_or_insert((msg.msg_type, msg.payload.to_vec()));
        })
        .map_err(|refusal| LookupError::Refused(refusal.error))?;
    let (msg_type, payload) = answer.ok_or(LookupError::NoFamilyId)?;
    if msg_type != GENL_ID_CTRL || payload.first() != Some(&CTRL_CMD_NEWFAMILY) {
        return Err(LookupError::NoFamilyId);
    }
    let attrs = Attrs::parse(payload.get(GENL_HDRLEN..).unwrap_or_default(), 16);
    attrs
        .u16(CTRL_ATTR_FAMILY_ID)
        .ok_or(LookupError::NoFamilyId)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The bytes ip 6.1 sent to look up `tcp_metrics` (strace -X raw).
    #[test]
    fn family_lookup_matches_ip_bytes() {
        let mut ip = vec![0x24, 0, 0, 0, 0x10, 0, 0x01, 0];
        ip.extend_from_slice(&0x6b17_07b9u32.to_ne_bytes());
        ip.extend_from_slice(&[0, 0, 0, 0, 0x03, 0, 0, 0, 0x10, 0, 0x02, 0]);
        ip.extend_from_slice(b"tcp_metrics\0");
        assert_eq!(family_request("tcp_metrics").finish(0x6b17_07b9), ip);
    }
}
