//! The kernel side: one rtnetlink socket per namespace per process, and
//! namespace syscalls.
//!
//! Every request goes over [`raw::RawSocket`]: dumps are streamed from it
//! message by message through its one `dump` (which also asks again on
//! NLM_F_DUMP_INTR, warns and reports refusals, once for every object),
//! and the requests netlink-packet-route has types for (links, nsids,
//! addresses, rules, neighbours, address labels) are built with those
//! types and serialized onto the same socket ([`typed_request`]); routes
//! write their typed header and attributes into the request in place
//! (`attrs::Request::nla`); link and nsid answers are decoded back
//! with them, address and rule answers are read in place ([`attrs`]). One socket means one place for
//! extended ACK (the kernel's own explanation, which ip prints instead of the
//! errno text), strict dump checking and the receive buffer, and no async
//! runtime in a short-lived, single-threaded tool: network namespaces belong
//! to threads, so one thread is also what keeps `-n NAME` simple.
//!
//! This layer sits below the error table, the objects, the printers and
//! the context, and imports none of them: its functions return its own
//! errors (`errors::KernelError`, `errors::NamespaceError`, `raw::Refusal`,
//! `raw::DumpFailed`, io errors), which callers turn into the table's with
//! `?`, and its warnings go through `crate::diagnostics`. Nor does it reach
//! them through the modules it does import (the model, and the word
//! parsers in `crate::words` that the model uses): `import_tests` follows
//! every import from here, file by file, and keeps it that way.

pub(crate) mod errors;

pub(crate) mod address;
pub(crate) mod attrs;
pub(crate) mod errno;
pub(crate) mod extack;
pub(crate) mod genl;
pub(crate) mod link;
pub(crate) mod namespace;
pub(crate) mod nsid;
pub(crate) mod raw;

use raw::NLM_F_ECHO;
use std::net::IpAddr;

use netlink_packet_core::{NetlinkMessage, NetlinkPayload, NLM_F_ACK, NLM_F_DUMP, NLM_F_REQUEST};
use netlink_packet_route::RouteNetlinkMessage;

use attrs::Request;
use errors::KernelError;
use raw::{RawSocket, Refusal};

/// A netlink-packet-route message serialized with `flags` into a
/// [`Request`] for the raw socket (its sequence number is set when it is
/// sent), for callers that read the answers as bytes themselves.
pub(crate) fn typed_request(message: RouteNetlinkMessage, flags: u16) -> Request {
    let mut request = NetlinkMessage::from(message);
    request.header.flags = flags;
    // finalize() sets the header's length to the message's whole length.
    request.finalize();
    let mut bytes = vec![0; request.header.length as usize];
    request.serialize(&mut bytes);
    Request::from_bytes(bytes)
}

/// Bytes as netlink-packet-route's `IpAddr` attributes hold them: 4 or 16,
/// `None` for the other lengths ip may send (such attributes stay raw).
pub(crate) fn typed_ip(bytes: &[u8]) -> Option<IpAddr> {
    if let Ok(v4) = <[u8; 4]>::try_from(bytes) {
        Some(IpAddr::from(v4))
    } else {
        <[u8; 16]>::try_from(bytes).ok().map(IpAddr::from)
    }
}

impl RawSocket {
    /// Sends a typed message with `flags` and decodes every answer until
    /// the kernel's ACK, NLMSG_DONE or refusal. An answer the types cannot
    /// decode is left out (a printer never sees half a message).
    fn exchange(
        &mut self,
        message: RouteNetlinkMessage,
        flags: u16,
    ) -> Result<Vec<RouteNetlinkMessage>, Refusal> {
        let mut answers = Vec::new();
        let mut whole = Vec::new();
        self.talk(typed_request(message, flags), |answer| {
            whole.clear();
            whole.extend_from_slice(answer.header);
            whole.extend_from_slice(answer.payload);
            if let Ok(decoded) = NetlinkMessage::<RouteNetlinkMessage>::deserialize(&whole) {
                if let NetlinkPayload::InnerMessage(inner) = decoded.payload {
                    answers.push(inner);
                }
            }
        })?;
        Ok(answers)
    }

    /// A request that expects only an acknowledgement (ip's `rtnl_talk`
    /// with no answer buffer).
    pub(crate) fn ack(
        &mut self,
        message: RouteNetlinkMessage,
        flags: u16,
    ) -> Result<(), KernelError> {
        self.exchange(message, NLM_F_REQUEST | NLM_F_ACK | flags)
            .map_err(|refusal| refusal.error)?;
        Ok(())
    }

    /// A change with NLM_F_ECHO (ip's `rtnl_echo_talk`): the kernel's copy
    /// of the resulting object, if it sent one, before the ACK.
    pub(crate) fn ack_echo(
        &mut self,
        message: RouteNetlinkMessage,
        flags: u16,
    ) -> Result<Option<RouteNetlinkMessage>, KernelError> {
        let answers = self
            .exchange(message, NLM_F_REQUEST | NLM_F_ACK | NLM_F_ECHO | flags)
            .map_err(|refusal| refusal.error)?;
        Ok(answers.into_iter().next())
    }

    /// A request answered by one message (ip's `rtnl_talk` with an answer).
    pub(crate) fn query(
        &mut self,
        message: RouteNetlinkMessage,
    ) -> Result<Option<RouteNetlinkMessage>, KernelError> {
        let answers = self
            .exchange(message, NLM_F_REQUEST)
            .map_err(|refusal| refusal.error)?;
        Ok(answers.into_iter().next())
    }

    /// A typed dump: every object of the kind the message asks for; a
    /// refusal is ip's `Dump terminated` (the error table's
    /// `dump_terminated`).
    pub(crate) fn dump_typed(
        &mut self,
        message: RouteNetlinkMessage,
    ) -> Result<Vec<RouteNetlinkMessage>, Refusal> {
        self.exchange(message, NLM_F_REQUEST | NLM_F_DUMP)
    }
}

#[cfg(test)]
mod import_tests;
