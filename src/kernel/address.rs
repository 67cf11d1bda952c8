//! Address requests on the raw socket: the RTM_GETADDR dump.

use super::attrs::Request;
use super::raw::{Message, RawSocket, Refusal, NLM_F_DUMP, NLM_F_REQUEST};
use crate::model::address::{Address, IfAddr, RTM_GETADDR};

/// Every message of an address dump of `family` (0: all), of the link
/// `index` only when it is not 0 (the kernel filters by index under strict
/// checking, as ip asks it to), handed to `each` in kernel order.
pub fn dump_messages(
    raw: &mut RawSocket,
    family: u8,
    index: i32,
    each: impl FnMut(Message<'_>),
) -> Result<bool, Refusal> {
    let header = IfAddr {
        family,
        index: index as u32,
        ..IfAddr::default()
    };
    let request = Request::new(RTM_GETADDR, NLM_F_REQUEST | NLM_F_DUMP).fixed(&header.to_bytes());
    raw.talk(request, each)
}

/// The addresses of such a dump, with each message's payload.
pub fn dump(
    raw: &mut RawSocket,
    family: u8,
    index: i32,
    mut each: impl FnMut(Address, &[u8]),
) -> Result<bool, Refusal> {
    dump_messages(raw, family, index, |message| {
        match Address::from_payload(message.msg_type, message.payload) {
            Some(address) => each(address, message.payload),
            // ip's print_addrinfo skips it without a word; say so.
            None => crate::error::warn(crate::error::Warning::Undecodable {
                what: "address",
                len: message.payload.len(),
            }),
        }
    })
}
