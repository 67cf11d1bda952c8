//! Address requests on the raw socket: the RTM_GETADDR dump, and the
//! fixed header every address request carries.
//!
//! Requests are netlink-packet-route's `AddressMessage`s ([`typed_header`]
//! makes their header from rnet's); answers are read in place
//! ([`crate::model::address::Address`]).

use netlink_packet_route::address::{AddressHeader, AddressHeaderFlags, AddressMessage};
use netlink_packet_route::RouteNetlinkMessage;

use super::attrs::Request;
use super::raw::{Message, RawSocket, Refusal, NLM_F_DUMP, NLM_F_REQUEST};
use super::typed_request;
use crate::model::address::{Address, IfAddr};

/// Every message of an address dump of `family` (0: all), of the link
/// `index` only when it is not 0 (the kernel filters by index under strict
/// checking, as ip asks it to), handed to `each` in kernel order.
pub fn dump_messages(
    raw: &mut RawSocket,
    family: u8,
    index: i32,
    each: impl FnMut(Message<'_>),
) -> Result<bool, Refusal> {
    raw.talk(dump_request(family, index), each)
}

/// The request of such a dump, for [`RawSocket::dump`].
pub fn dump_request(family: u8, index: i32) -> Request {
    let mut message = AddressMessage::default();
    message.header = typed_header(&IfAddr {
        family,
        index: index as u32,
        ..IfAddr::default()
    });
    typed_request(
        RouteNetlinkMessage::GetAddress(message),
        NLM_F_REQUEST | NLM_F_DUMP,
    )
}

/// rnet's `ifaddrmsg` as netlink-packet-route's header; every field keeps
/// its value (family, flags and scope convert both ways without loss).
pub(crate) fn typed_header(header: &IfAddr) -> AddressHeader {
    AddressHeader {
        family: header.family.into(),
        prefix_len: header.prefixlen,
        flags: AddressHeaderFlags::from_bits_retain(header.flags),
        scope: header.scope.into(),
        index: header.index,
    }
}

/// The address a dumped message holds; one too short for its header is
/// reported and left out (ip's `print_addrinfo` skips it without a word).
pub fn decode(message: &Message<'_>) -> Option<Address> {
    header(message)?;
    Address::from_payload(message.msg_type, message.payload)
}

/// The fixed header of a dumped address message, reported and `None` as
/// [`decode`] does when the message is too short for it.
pub fn header(message: &Message<'_>) -> Option<IfAddr> {
    super::raw::or_report(IfAddr::parse(message.payload), "address", message)
}

/// The addresses of such a dump, with each message's payload.
pub fn dump(
    raw: &mut RawSocket,
    family: u8,
    index: i32,
    mut each: impl FnMut(Address, &[u8]),
) -> Result<bool, Refusal> {
    dump_messages(raw, family, index, |message| {
        if let Some(address) = decode(&message) {
            each(address, message.payload);
        }
    })
}
