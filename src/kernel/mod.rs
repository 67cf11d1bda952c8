//! The kernel side: one rtnetlink session per process, and namespace syscalls.
//!
//! Requests are built with netlink-packet-route types and sent through
//! rtnetlink's low-level `Handle::request` on a current-thread tokio runtime:
//! rnet is a short-lived, single-threaded tool, and one thread matters here
//! because network namespaces belong to threads. Extended ACK is switched on
//! so that kernel errors carry the kernel's own explanation, which ip prints
//! instead of the errno text.

pub mod address;
pub mod attrs;
pub mod extack;
pub mod link;
pub mod namespace;
pub mod nsid;
pub mod raw;

use futures::StreamExt;
use netlink_packet_core::{NetlinkMessage, NetlinkPayload, NLM_F_ACK, NLM_F_DUMP, NLM_F_REQUEST};
use netlink_packet_route::RouteNetlinkMessage;
use netlink_sys::AsyncSocket;

use crate::error::{Error, KernelError, Result};

/// ip's receive buffer for rtnetlink sockets (lib/libnetlink.c).
const RCVBUF: usize = 1024 * 1024;

pub struct Netlink {
    runtime: tokio::runtime::Runtime,
    handle: rtnetlink::Handle,
    /// Whether NETLINK_CAP_ACK took effect: error answers then echo only the
    /// request's header, which fixes where the extended-ACK attributes start.
    capped_acks: bool,
}

impl Netlink {
    /// Opens an rtnetlink socket in the calling thread's network namespace.
    /// `strict` asks the kernel to check dump requests and honour their
    /// filters (ip turns it on except in batch mode).
    pub fn open(rcvbuf: Option<u32>, strict: bool) -> Result<Self> {
        let errno = |err: std::io::Error| Error::NetlinkOpen(err.raw_os_error().unwrap_or(0));
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_io()
            .build()
            .map_err(errno)?;
        let (mut connection, handle, _) = {
            let _context = runtime.enter();
            rtnetlink::new_connection().map_err(errno)?
        };
        // A dump that fails after it started reports the failure in its
        // NLMSG_DONE, which netlink-proto would otherwise swallow.
        connection.set_forward_done(true);
        let socket = connection.socket_mut().socket_mut();
        // Without extended ACK the kernel's explanations are lost; ip goes on
        // without them on kernels that refuse, and so do we.
        let _ = socket.set_ext_ack(true);
        let capped_acks = socket.set_cap_ack(true).is_ok();
        let _ = socket.set_rx_buf_sz(rcvbuf.map_or(RCVBUF, |size| size as usize));
        if strict {
            let _ = socket.set_netlink_get_strict_chk(true);
        }
        runtime.spawn(connection);
        Ok(Netlink {
            runtime,
            handle,
            capped_acks,
        })
    }

    fn refusal(&self, error: netlink_packet_core::ErrorMessage) -> Option<KernelError> {
        let code = error.code?;
        Some(KernelError {
            errno: -code.get(),
            extack: extack::message(&error.header, self.capped_acks),
        })
    }

    /// Sends one request and collects every answer until the kernel's ACK,
    /// `NLMSG_DONE` or error. A refusal says whether it came in an
    /// NLMSG_DONE (a dump that failed after it started).
    fn exchange(
        &mut self,
        message: RouteNetlinkMessage,
        flags: u16,
    ) -> std::result::Result<Vec<RouteNetlinkMessage>, (KernelError, bool)> {
        let mut request = NetlinkMessage::from(message);
        request.header.flags = flags;
        let mut stream = match self.handle.request(request) {
            Ok(stream) => stream,
            // The connection task is gone: the socket failed under us.
            Err(_) => {
                return Err((
                    KernelError {
                        errno: nix::libc::EIO,
                        extack: None,
                    },
                    false,
                ))
            }
        };
        let mut answers = Vec::new();
        let mut refusal = None;
        self.runtime.block_on(async {
            while let Some(answer) = stream.next().await {
                match answer.payload {
                    NetlinkPayload::InnerMessage(message) => answers.push(message),
                    NetlinkPayload::Error(error) => {
                        refusal = self.refusal(error).map(|err| (err, false));
                        break;
                    }
                    NetlinkPayload::Done(done) if done.code < 0 => {
                        let extack = extack::message_in_attributes(&done.extended_ack);
                        refusal = Some((
                            KernelError {
                                errno: -done.code,
                                extack,
                            },
                            true,
                        ));
                        break;
                    }
                    _ => {}
                }
            }
        });
        match refusal {
            Some(err) => Err(err),
            None => Ok(answers),
        }
    }

    /// A request that expects only an acknowledgement (ip's `rtnl_talk`
    /// with no answer buffer).
    pub fn ack(&mut self, message: RouteNetlinkMessage, flags: u16) -> Result<()> {
        self.exchange(message, NLM_F_REQUEST | NLM_F_ACK | flags)
            .map_err(|(err, _)| Error::Kernel(err))?;
        Ok(())
    }

    /// A change with NLM_F_ECHO (ip's `rtnl_echo_talk`): the kernel's copy
    /// of the resulting object, if it sent one, before the ACK.
    pub fn ack_echo(
        &mut self,
        message: RouteNetlinkMessage,
        flags: u16,
    ) -> Result<Option<RouteNetlinkMessage>> {
        const NLM_F_ECHO: u16 = 0x08;
        let answers = self
            .exchange(message, NLM_F_REQUEST | NLM_F_ACK | NLM_F_ECHO | flags)
            .map_err(|(err, _)| Error::Kernel(err))?;
        Ok(answers.into_iter().next())
    }

    /// A request answered by one message (ip's `rtnl_talk` with an answer).
    pub fn query(
        &mut self,
        message: RouteNetlinkMessage,
    ) -> std::result::Result<Option<RouteNetlinkMessage>, KernelError> {
        let answers = self
            .exchange(message, NLM_F_REQUEST)
            .map_err(|(err, _)| err)?;
        Ok(answers.into_iter().next())
    }

    /// A dump request: every object of the kind the message asks for.
    pub fn dump(&mut self, message: RouteNetlinkMessage) -> Result<Vec<RouteNetlinkMessage>> {
        self.exchange(message, NLM_F_REQUEST | NLM_F_DUMP)
            .map_err(|(mut err, in_done)| {
                // ip reads the kernel's explanation only from an NLMSG_DONE.
                if !in_done {
                    err.extack = None;
                }
                Error::DumpTerminated(err)
            })
    }
}
