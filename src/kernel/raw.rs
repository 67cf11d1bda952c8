//! rnet's one netlink socket, read message by message.
//!
//! Dumps (every link, every address, every route) are streamed from the
//! socket to the caller without being decoded into typed values, so a dump of
//! ten thousand links costs one pass over the bytes, and a message a typed
//! decoder would reject is still handed over. [`RawSocket::dump`] is the one
//! way to read a dump: the caller sees each message as it arrives, and the
//! protocol around it (asking again when interrupted, ip's warning, the
//! refusal) lives there. Typed requests (`kernel/mod.rs`)
//! go over the same socket.

use std::ops::ControlFlow;

use netlink_sys::{protocols::NETLINK_ROUTE, Socket};

use super::attrs::{Request, NLMSG_HDRLEN};
use super::errors::{KernelError, KernelWarning};
use super::extack;
use crate::diagnostics::warn;

pub const NLMSG_NOOP: u16 = 1;
pub const NLMSG_ERROR: u16 = 2;
pub const NLMSG_DONE: u16 = 3;
pub const NLM_F_REQUEST: u16 = 1;
pub const NLM_F_MULTI: u16 = 2;
pub const NLM_F_ACK: u16 = 4;
pub const NLM_F_DUMP_INTR: u16 = 16;
pub const NLM_F_DUMP: u16 = 0x300;
pub const NLM_F_ECHO: u16 = 0x8;
/// Set by the kernel on a dump it filtered as asked (strict checking).
pub const NLM_F_DUMP_FILTERED: u16 = 0x20;
// Modifiers of a NEW request.
pub const NLM_F_REPLACE: u16 = 0x100;
pub const NLM_F_EXCL: u16 = 0x200;
pub const NLM_F_CREATE: u16 = 0x400;
pub const NLM_F_APPEND: u16 = 0x800;
const SOL_NETLINK: i32 = 270;
const NETLINK_LISTEN_ALL_NSID: i32 = 8;

fn recv(fd: i32, buf: &mut [u8], flags: i32) -> std::io::Result<usize> {
    loop {
        // SAFETY: receiving into a buffer we own, of the length we pass.
        let n = unsafe { nix::libc::recv(fd, buf.as_mut_ptr().cast(), buf.len(), flags) };
        if n >= 0 {
            return Ok(n as usize);
        }
        let err = std::io::Error::last_os_error();
        if err.kind() != std::io::ErrorKind::Interrupted {
            return Err(err);
        }
    }
}

/// The error field that starts an NLMSG_ERROR or NLMSG_DONE payload: 0
/// for an acknowledgement or a dump's end, a negative errno for a refusal.
fn error_code(payload: &[u8]) -> i32 {
    payload
        .get(..4)
        .map_or(0, |b| i32::from_ne_bytes(b.try_into().expect("4 bytes")))
}

/// One message of an answer.
pub struct Message<'a> {
    pub msg_type: u16,
    pub flags: u16,
    /// Everything after the netlink header.
    pub payload: &'a [u8],
    /// The netlink header itself (`ip addr save` writes it out).
    pub header: &'a [u8],
}

impl Message<'_> {
    /// The sequence number of the request it answers.
    pub fn seq(&self) -> u32 {
        u32::from_ne_bytes(self.header[8..12].try_into().expect("a netlink header"))
    }
}

/// The netlink messages of one datagram, in order. A message whose length
/// is cut or impossible ends the walk, as ip's NLMSG_OK does.
pub(crate) fn messages(datagram: &[u8]) -> impl Iterator<Item = Message<'_>> {
    let mut rest = datagram;
    std::iter::from_fn(move || {
        if rest.len() < NLMSG_HDRLEN {
            return None;
        }
        let len = u32::from_ne_bytes(rest[0..4].try_into().expect("4 bytes")) as usize;
        if len < NLMSG_HDRLEN || len > rest.len() {
            return None;
        }
        let message = Message {
            msg_type: u16::from_ne_bytes([rest[4], rest[5]]),
            flags: u16::from_ne_bytes([rest[6], rest[7]]),
            payload: &rest[NLMSG_HDRLEN..len],
            header: &rest[..NLMSG_HDRLEN],
        };
        rest = rest.get(super::attrs::align4(len)..).unwrap_or(&[]);
        Some(message)
    })
}

/// How a request ended badly.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub error: KernelError,
    /// The error came in the NLMSG_DONE of a dump rather than an
    /// NLMSG_ERROR (ip only prints the kernel's text for the former).
    pub in_done: bool,
}

impl Refusal {
    /// The kernel's error as ip reports a failed dump (`Dump terminated`
    /// and its kin): with the kernel's text only when it came in the dump's
    /// NLMSG_DONE.
    pub(crate) fn dump_error(self) -> KernelError {
        let mut error = self.error;
        if !self.in_done {
            error.extack = None;
        }
        error
    }
}

pub struct RawSocket {
    socket: Socket,
    seq: u32,
    capped_acks: bool,
    /// Receive buffer, kept between reads. Its size matters: the kernel
    /// sizes dump datagrams after the reader's buffer, so a large one gets
    /// many links per datagram (and a tiny peek gets one).
    buffer: Vec<u8>,
}

/// ip reads with at least 32 KiB; dump datagrams are at most about that.
const MIN_BUFFER: usize = 64 * 1024;

impl RawSocket {
    pub fn open(rcvbuf: usize, strict: bool) -> std::io::Result<Self> {
        Self::open_protocol(NETLINK_ROUTE, rcvbuf, strict)
    }

    /// A socket of another netlink protocol (generic netlink for
    /// `tcp_metrics`), read and written the same way.
    pub fn open_protocol(protocol: isize, rcvbuf: usize, strict: bool) -> std::io::Result<Self> {
        let mut socket = Socket::new(protocol)?;
        socket.bind_auto()?;
        let _ = socket.set_ext_ack(true);
        let capped_acks = socket.set_cap_ack(true).is_ok();
        // An int, as ip passes it: the kernel reads an int's worth of
        // whatever it is given, which for a usize is only right on
        // little-endian machines. Sizes past i32::MAX wrap as in ip.
        let _ = socket.set_rx_buf_sz(rcvbuf as nix::libc::c_int);
        if strict {
            let _ = socket.set_netlink_get_strict_chk(true);
        }
        Ok(RawSocket {
            socket,
            seq: 0,
            capped_acks,
            buffer: vec![0; MIN_BUFFER],
        })
    }

    /// Reads one datagram into the buffer, growing it first when the
    /// datagram is larger (peeked with MSG_TRUNC, as ip's rtnl_recvmsg).
    fn receive(&mut self) -> std::io::Result<usize> {
        self.fit_next_datagram()?;
        use std::os::fd::AsRawFd;
        recv(self.socket.as_raw_fd(), &mut self.buffer, 0)
    }

    /// Grows the buffer to the size of the datagram waiting to be read
    /// (peeked with MSG_TRUNC, which gives its whole length).
    fn fit_next_datagram(&mut self) -> std::io::Result<()> {
        use std::os::fd::AsRawFd;
        let size = recv(
            self.socket.as_raw_fd(),
            &mut self.buffer,
            nix::libc::MSG_PEEK | nix::libc::MSG_TRUNC,
        )?;
        if size > self.buffer.len() {
            self.buffer.resize(size, 0);
        }
        Ok(())
    }

    /// Joins the multicast groups `groups` (RTNLGRP_* numbers): the
    /// kernel then sends their events to this socket.
    pub fn subscribe(&mut self, groups: &[u32]) -> std::io::Result<()> {
        for group in groups {
            self.socket.add_membership(*group)?;
        }
        Ok(())
    }

    /// Asks the kernel for the events of every namespace that has an nsid
    /// here (NETLINK_LISTEN_ALL_NSID); [`RawSocket::receive_events_until_stopped`]
    /// then says which one each came from.
    pub fn listen_all_nsid(&mut self) -> std::io::Result<()> {
        use std::os::fd::AsRawFd;
        let on: nix::libc::c_int = 1;
        // SAFETY: setsockopt reads an int from a valid pointer.
        let done = unsafe {
            nix::libc::setsockopt(
                self.socket.as_raw_fd(),
                SOL_NETLINK,
                NETLINK_LISTEN_ALL_NSID,
                (&on as *const nix::libc::c_int).cast(),
                std::mem::size_of::<nix::libc::c_int>() as nix::libc::socklen_t,
            )
        };
        if done < 0 {
            return Err(std::io::Error::last_os_error());
        }
        Ok(())
    }

    /// Reads events, one datagram at a time, handing every message, with
    /// the nsid of the namespace it came from when the kernel gave one
    /// (after [`RawSocket::listen_all_nsid`]), to `each` until it breaks
    /// (false), or until `stop` (a signalfd) is readable: then the events
    /// already queued are still handed over, and it returns true. A receive
    /// error (ENOBUFS when events were lost) is returned; the socket can be
    /// read again after it.
    /// The events a change made are queued before the change's request
    /// returns, so a reader stopped right after a change still sees it.
    pub(crate) fn receive_events_until_stopped(
        &mut self,
        stop: i32,
        mut each: impl FnMut(Option<i32>, Message<'_>) -> std::ops::ControlFlow<()>,
    ) -> std::io::Result<bool> {
        use std::os::fd::AsRawFd;
        let fd = self.socket.as_raw_fd();
        // One datagram read and handed over; false when `each` stopped.
        let mut read_one = |socket: &mut Self| -> std::io::Result<bool> {
            let (len, nsid) = socket.receive_with_nsid()?;
            Ok(messages(&socket.buffer[..len]).all(|message| each(nsid, message).is_continue()))
        };
        loop {
            let mut fds = [fd, stop].map(|fd| nix::libc::pollfd {
                fd,
                events: nix::libc::POLLIN,
                revents: 0,
            });
            poll_before(&mut fds, None)?;
            if fds[0].revents != 0 && !read_one(self)? {
                return Ok(false);
            }
            if fds[1].revents != 0 {
                // What the kernel queued before the signal, then the end.
                while readable_before(fd, Some(std::time::Instant::now()))? {
                    if !read_one(self)? {
                        return Ok(false);
                    }
                }
                return Ok(true);
            }
        }
    }

    /// One datagram into the buffer (grown first as [`RawSocket::receive`]
    /// does), with the NETLINK_LISTEN_ALL_NSID control message's nsid.
    fn receive_with_nsid(&mut self) -> std::io::Result<(usize, Option<i32>)> {
        use std::os::fd::AsRawFd;
        self.fit_next_datagram()?;
        let fd = self.socket.as_raw_fd();
        let mut control = [0u64; 16];
        loop {
            let mut iov = nix::libc::iovec {
                iov_base: self.buffer.as_mut_ptr().cast(),
                iov_len: self.buffer.len(),
            };
            // SAFETY: msghdr is plain data; the fields set below point at
            // live buffers of the stated sizes.
            let mut header: nix::libc::msghdr = unsafe { std::mem::zeroed() };
            header.msg_iov = &mut iov;
            header.msg_iovlen = 1;
            header.msg_control = control.as_mut_ptr().cast();
            header.msg_controllen = std::mem::size_of_val(&control) as _;
            // SAFETY: recvmsg writes within the buffers `header` describes.
            let got = unsafe { nix::libc::recvmsg(fd, &mut header, 0) };
            if got < 0 {
                let err = std::io::Error::last_os_error();
                if err.kind() == std::io::ErrorKind::Interrupted {
                    continue;
                }
                return Err(err);
            }
            let mut nsid = None;
            // SAFETY: the CMSG macros walk the control buffer recvmsg filled,
            // within msg_controllen.
            unsafe {
                let mut cmsg = nix::libc::CMSG_FIRSTHDR(&header);
                while !cmsg.is_null() {
                    if (*cmsg).cmsg_level == SOL_NETLINK
                        && (*cmsg).cmsg_type == NETLINK_LISTEN_ALL_NSID
                        && (*cmsg).cmsg_len as usize
                            == nix::libc::CMSG_LEN(std::mem::size_of::<i32>() as u32) as usize
                    {
                        nsid = Some(std::ptr::read_unaligned(
                            nix::libc::CMSG_DATA(cmsg).cast::<i32>(),
                        ));
                    }
                    cmsg = nix::libc::CMSG_NXTHDR(&header, cmsg);
                }
            }
            return Ok((got as usize, nsid));
        }
    }

    /// A fresh sequence number, for messages built outside [`Request`]
    /// (ip numbers every RTM_DELADDR of a flush).
    pub fn next_seq(&mut self) -> u32 {
        self.seq = self.seq.wrapping_add(1);
        self.seq
    }

    /// ip's `rtnl_send_check`: sends `bytes` (requests without NLM_F_ACK)
    /// and looks, without waiting, at the first answer already queued: an
    /// error there is the errno returned. The kernel handles the requests
    /// of one send before the send returns, so a refusal of the first
    /// failing request is always there to be seen. Answers left in the queue
    /// carry old sequence numbers, which [`RawSocket::talk`] skips.
    pub fn send_check(&mut self, bytes: &[u8]) -> Result<(), i32> {
        let errno = |err: std::io::Error| err.raw_os_error().unwrap_or(nix::libc::EIO);
        self.socket.send(bytes, 0).map_err(errno)?;
        let mut buf: Vec<u8> = Vec::with_capacity(16384);
        match self.socket.recv(&mut buf, nix::libc::MSG_DONTWAIT) {
            Ok(_) => {}
            Err(err) if err.kind() == std::io::ErrorKind::WouldBlock => return Ok(()),
            Err(err) => return Err(errno(err)),
        }
        for message in messages(&buf) {
            if message.msg_type == NLMSG_ERROR {
                let code = error_code(message.payload);
                return Err(-code);
            }
        }
        Ok(())
    }

    /// Sends a window of requests without NLM_F_ACK in one datagram and
    /// returns the refusals, in the order the requests were sent, each with
    /// the sequence number of the request it refuses. The kernel handles
    /// every request of the datagram before the send returns, and answers
    /// only those it refuses, so what is queued then is the whole answer:
    /// it is read without waiting. The socket's receive buffer (ip's 1 MiB)
    /// holds hundreds of refusals, far more than a window's requests; a
    /// refusal lost all the same (ENOBUFS) is an error, never a success.
    pub(crate) fn send_window(&mut self, bytes: &[u8]) -> std::io::Result<Vec<(u32, KernelError)>> {
        use std::os::fd::AsRawFd;
        self.socket.send(bytes, 0)?;
        let fd = self.socket.as_raw_fd();
        let mut refusals = Vec::new();
        loop {
            let len = match recv(fd, &mut self.buffer, nix::libc::MSG_DONTWAIT) {
                Ok(len) => len,
                Err(err) if err.kind() == std::io::ErrorKind::WouldBlock => return Ok(refusals),
                Err(err) => return Err(err),
            };
            for message in messages(&self.buffer[..len]) {
                if message.msg_type != NLMSG_ERROR {
                    continue;
                }
                let code = error_code(message.payload);
                if code == 0 {
                    continue;
                }
                let extack =
                    extack::message(message.payload.get(4..).unwrap_or(&[]), self.capped_acks);
                refusals.push((
                    message.seq(),
                    KernelError {
                        errno: -code,
                        extack,
                    },
                ));
            }
        }
    }

    /// Sends `bytes` (requests without NLM_F_ACK) and throws away what the
    /// kernel answers to them, which the kernel has queued by the time the
    /// send returns (ip's flush does not see those refusals either).
    fn send_discarding_answers(&mut self, bytes: &[u8]) -> Result<(), i32> {
        self.send_window(bytes)
            .map(drop)
            .map_err(|err| err.raw_os_error().unwrap_or(nix::libc::EIO))
    }

    /// ip's flush: copies of `payloads` as `msg_type` requests (no ACK),
    /// each numbered, sent in batches of ip's flush buffer (3584 bytes).
    /// ip sends each full buffer while still reading the dump, and its
    /// check for a refusal then peeks at the dump's next part instead:
    /// refusals of those batches go unseen. Only the last, partial buffer,
    /// sent after the dump, is checked (`send_check`); its errno is returned.
    pub fn send_batched<P: AsRef<[u8]>>(
        &mut self,
        msg_type: u16,
        payloads: &[P],
    ) -> Result<(), i32> {
        const FLUSH_BUFFER: usize = 4096 - 512;
        let mut buffer: Vec<u8> = Vec::with_capacity(FLUSH_BUFFER);
        for payload in payloads {
            let payload = payload.as_ref();
            let len = NLMSG_HDRLEN + payload.len();
            let start = super::attrs::align4(buffer.len());
            if start + len > FLUSH_BUFFER {
                self.send_discarding_answers(&buffer)?;
                buffer.clear();
            }
            buffer.resize(super::attrs::align4(buffer.len()), 0);
            let seq = self.next_seq();
            buffer.extend_from_slice(&(len as u32).to_ne_bytes());
            buffer.extend_from_slice(&msg_type.to_ne_bytes());
            buffer.extend_from_slice(&NLM_F_REQUEST.to_ne_bytes());
            buffer.extend_from_slice(&seq.to_ne_bytes());
            buffer.extend_from_slice(&0u32.to_ne_bytes());
            buffer.extend_from_slice(payload);
        }
        if buffer.is_empty() {
            return Ok(());
        }
        self.send_check(&buffer)
    }

    /// Reads events as [`RawSocket::receive_events_until_stopped`] does,
    /// but gives up at `deadline` (a `poll` on the socket, no busy wait):
    /// false when it passed with `each` still wanting more. A datagram already being read is read to its end.
    pub fn receive_events_until(
        &mut self,
        deadline: Option<std::time::Instant>,
        mut each: impl FnMut(Message<'_>) -> ControlFlow<()>,
    ) -> std::io::Result<bool> {
        use std::os::fd::AsRawFd;
        loop {
            if !readable_before(self.socket.as_raw_fd(), deadline)? {
                return Ok(false);
            }
            let len = self.receive()?;
            let mut done = false;
            for message in messages(&self.buffer[..len]) {
                done |= each(message).is_break();
            }
            if done {
                return Ok(true);
            }
        }
    }

    /// Sends `request` and hands every answer message to `each` until the
    /// kernel says it is done (NLMSG_DONE, an ACK, or the single answer of a
    /// non-dump request). Returns whether a dump was interrupted by a change
    /// (NLM_F_DUMP_INTR), in which case its content may be inconsistent.
    pub fn talk(
        &mut self,
        request: Request,
        mut each: impl FnMut(Message<'_>),
    ) -> Result<bool, Refusal> {
        let answer = self.talk_until(request, |message| {
            each(message);
            ControlFlow::Continue(())
        })?;
        Ok(answer == Answer::Interrupted)
    }

    /// [`RawSocket::talk`] whose `each` may stop early. The answers after
    /// the stop are still read (and dropped) up to the kernel's end: a
    /// socket with a dump half read would refuse the next dump (EBUSY).
    fn talk_until(
        &mut self,
        request: Request,
        mut each: impl FnMut(Message<'_>) -> ControlFlow<()>,
    ) -> Result<Answer, Refusal> {
        self.seq = self.seq.wrapping_add(1);
        let seq = self.seq;
        let bytes = request.finish(seq);
        let flags = u16::from_ne_bytes([bytes[6], bytes[7]]);
        let is_dump = flags & NLM_F_DUMP == NLM_F_DUMP;
        let io_refusal = |err: std::io::Error| Refusal {
            error: KernelError {
                errno: err.raw_os_error().unwrap_or(nix::libc::EIO),
                extack: None,
            },
            in_done: false,
        };
        self.socket.send(&bytes, 0).map_err(io_refusal)?;
        let mut interrupted = false;
        let mut stopped = false;
        let end = |interrupted: bool, stopped: bool| {
            Ok(if stopped {
                Answer::Stopped
            } else if interrupted {
                Answer::Interrupted
            } else {
                Answer::Whole
            })
        };
        loop {
            let len = self.receive().map_err(io_refusal)?;
            for message in messages(&self.buffer[..len]) {
                if message.seq() != seq {
                    continue;
                }
                let Message {
                    msg_type,
                    flags: msg_flags,
                    payload,
                    header,
                } = message;
                interrupted |= msg_flags & NLM_F_DUMP_INTR != 0;
                match msg_type {
                    NLMSG_DONE => {
                        let code = error_code(payload);
                        if code < 0 && !stopped {
                            let extack =
                                extack::message_in_attributes(payload.get(4..).unwrap_or(&[]));
                            return Err(Refusal {
                                error: KernelError {
                                    errno: -code,
                                    extack,
                                },
                                in_done: true,
                            });
                        }
                        return end(interrupted, stopped);
                    }
                    NLMSG_ERROR => {
                        let code = error_code(payload);
                        if code == 0 || stopped {
                            return end(interrupted, stopped);
                        }
                        let extack =
                            extack::message(payload.get(4..).unwrap_or(&[]), self.capped_acks);
                        return Err(Refusal {
                            error: KernelError {
                                errno: -code,
                                extack,
                            },
                            in_done: false,
                        });
                    }
                    _ => {
                        if !stopped {
                            stopped = each(Message {
                                msg_type,
                                flags: msg_flags,
                                payload,
                                header,
                            })
                            .is_break();
                        }
                        if !is_dump && msg_flags & NLM_F_MULTI == 0 && flags & NLM_F_ACK == 0 {
                            return end(interrupted, stopped);
                        }
                    }
                }
            }
        }
    }

    /// The one streaming dump: sends `request` and hands each message to
    /// `each` as it is read, in the socket's one buffer (nothing is
    /// collected here). A dump the kernel marks as interrupted by a change
    /// (NLM_F_DUMP_INTR) is asked for again, at most `attempts` times in
    /// all, with [`Dumped::Again`] before the messages of each new attempt;
    /// if the last one is still interrupted, ip's warning `Dump was
    /// interrupted and may be inconsistent.` is printed here. ip asks only
    /// once; asking again is rnet's addition, so that a script sees a
    /// consistent list when one can be had. `attempts` 1 is ip's behaviour,
    /// for callers that can do nothing with a second answer.
    ///
    /// A refusal (ip's `Dump terminated`) ends the dump with
    /// [`DumpFailed::Refused`]; the error table's `From` turns it into ip's
    /// message.
    /// An error from `each` stops the dump (its rest is read and dropped)
    /// and is returned as [`DumpFailed::Stopped`].
    pub(crate) fn dump<E>(
        &mut self,
        request: &Request,
        attempts: usize,
        each: impl FnMut(Dumped<'_>) -> Result<(), E>,
    ) -> Result<(), DumpFailed<E>> {
        let interrupted = with_retries(
            attempts,
            |message| self.talk_until(request.clone(), message),
            each,
        )?;
        if interrupted {
            warn(&KernelWarning::DumpInterrupted);
        }
        Ok(())
    }
}

impl RawSocket {
    /// [`RawSocket::dump`] for callers that need the whole answer before
    /// they print (sorting, groups, column widths): `keep` turns each
    /// message into what is kept (or `None`), and only the last attempt's
    /// are returned.
    pub(crate) fn dump_all<T>(
        &mut self,
        request: &Request,
        mut keep: impl FnMut(Message<'_>) -> Option<T>,
    ) -> Result<Vec<T>, Refusal> {
        let mut kept = Vec::new();
        let dumped = self.dump(request, DUMP_ATTEMPTS, |dumped| {
            match dumped {
                Dumped::Again => kept.clear(),
                Dumped::Message(message) => kept.extend(keep(message)),
            }
            Ok::<(), std::convert::Infallible>(())
        });
        match dumped {
            Ok(()) => Ok(kept),
            Err(DumpFailed::Refused(refusal)) => Err(refusal),
            Err(DumpFailed::Stopped(never)) => match never {},
        }
    }
}

/// What one attempt of a dump hands each message to.
type EachMessage<'f> = dyn FnMut(Message<'_>) -> ControlFlow<()> + 'f;

/// [`RawSocket::dump`]'s asking again, apart from the socket (so that it
/// can be tried against a fake kernel): `talk` makes one attempt, handing
/// each message to the function it is given. True when the last attempt
/// was still interrupted.
fn with_retries<E>(
    attempts: usize,
    mut talk: impl FnMut(&mut EachMessage<'_>) -> Result<Answer, Refusal>,
    mut each: impl FnMut(Dumped<'_>) -> Result<(), E>,
) -> Result<bool, DumpFailed<E>> {
    let mut failure = None;
    for attempt in 1..=attempts.max(1) {
        if attempt > 1 {
            each(Dumped::Again).map_err(DumpFailed::Stopped)?;
        }
        let answer = talk(&mut |message| match each(Dumped::Message(message)) {
            Ok(()) => ControlFlow::Continue(()),
            Err(err) => {
                failure = Some(err);
                ControlFlow::Break(())
            }
        })
        .map_err(DumpFailed::Refused)?;
        match answer {
            Answer::Stopped => {
                return Err(DumpFailed::Stopped(failure.take().expect("set on a stop")))
            }
            Answer::Whole => return Ok(false),
            Answer::Interrupted => {}
        }
    }
    Ok(true)
}

/// `decoded`, or a report that a dumped `what` message was too short to
/// decode (ip skips such a message without a word; rnet says so).
pub(crate) fn or_report<T>(
    decoded: Option<T>,
    what: &'static str,
    message: &Message<'_>,
) -> Option<T> {
    if decoded.is_none() {
        warn(&KernelWarning::Undecodable {
            what,
            len: message.payload.len(),
        });
    }
    decoded
}

/// How an exchange ended, for [`RawSocket::talk_until`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Answer {
    Whole,
    /// A dump some message of which carried NLM_F_DUMP_INTR.
    Interrupted,
    /// The caller stopped reading.
    Stopped,
}

/// What [`RawSocket::dump`] hands to its caller.
pub(crate) enum Dumped<'a> {
    /// One message of the dump, in the socket's buffer.
    Message(Message<'a>),
    /// The attempt before was interrupted by a change and the dump starts
    /// again: what it brought may be missing objects, doubled or stale. A
    /// caller collecting drops what it has; a caller printing skips what it
    /// already printed.
    Again,
}

/// Why a [`RawSocket::dump`] ended early.
#[derive(Debug)]
pub(crate) enum DumpFailed<E> {
    /// The kernel refused the dump (ip's `Dump terminated`).
    Refused(Refusal),
    /// The caller's `each` failed.
    Stopped(E),
}

/// Waits until `fd` has something to read or `deadline` passes (`None`:
/// no deadline); false when it passed. One `poll`, restarted after signals.
pub fn readable_before(fd: i32, deadline: Option<std::time::Instant>) -> std::io::Result<bool> {
    let mut fds = [nix::libc::pollfd {
        fd,
        events: nix::libc::POLLIN,
        revents: 0,
    }];
    Ok(poll_before(&mut fds, deadline)? > 0)
}

/// `poll` on `fds` until one is ready or `deadline` passes; the number of
/// ready descriptors (0: the deadline passed).
pub fn poll_before(
    fds: &mut [nix::libc::pollfd],
    deadline: Option<std::time::Instant>,
) -> std::io::Result<usize> {
    loop {
        let timeout_ms = match deadline {
            None => -1,
            Some(deadline) => {
                let left = deadline.saturating_duration_since(std::time::Instant::now());
                // Rounded up, so the deadline has passed when poll returns 0.
                left.as_micros().div_ceil(1000).min(i32::MAX as u128) as i32
            }
        };
        // SAFETY: fds is a live slice of pollfd of the length passed.
        let n = unsafe {
            nix::libc::poll(fds.as_mut_ptr(), fds.len() as nix::libc::nfds_t, timeout_ms)
        };
        if n >= 0 {
            return Ok(n as usize);
        }
        let err = std::io::Error::last_os_error();
        if err.kind() != std::io::ErrorKind::Interrupted {
            return Err(err);
        }
    }
}

/// How many times an interrupted dump is asked for in all before its last
/// answer is used as it is (with ip's warning).
pub const DUMP_ATTEMPTS: usize = 5;

/// Runs `dump` until the kernel answers without NLM_F_DUMP_INTR, at most
/// `attempts` times, each time into a fresh `T`: an interrupted dump may
/// have missed or doubled objects, so nothing of it is kept once it is
/// asked again. Returns the last collection and whether it is still
/// inconsistent. ip asks only once and warns; retrying first is rnet's
/// addition, so a script sees a consistent list when one can be had.
/// [`RawSocket::dump`] is the one dump; this older form is left to the two
/// callers not moved to it yet (`neighbor`, and `wait`, which must not
/// print ip's warning).
pub fn dump_consistently<T: Default, E>(
    attempts: usize,
    mut dump: impl FnMut(&mut T) -> Result<bool, E>,
) -> Result<(T, bool), E> {
    let mut attempt = 0;
    loop {
        attempt += 1;
        let mut collected = T::default();
        let interrupted = dump(&mut collected)?;
        if !interrupted || attempt >= attempts.max(1) {
            return Ok((collected, interrupted));
        }
    }
}

#[cfg(test)]
mod reliability_tests {
    use super::*;

    /// A fake kernel for [`with_retries`]: attempt N sends message types
    /// N*10 and N*10+1, then ends as `ends[N-1]` says.
    fn fake_kernel(
        ends: &[Answer],
    ) -> impl FnMut(&mut EachMessage<'_>) -> Result<Answer, Refusal> + '_ {
        let mut attempt = 0u16;
        move |each| {
            attempt += 1;
            for msg_type in [attempt * 10, attempt * 10 + 1] {
                let message = Message {
                    msg_type,
                    flags: 0,
                    payload: &[],
                    header: &[],
                };
                if each(message).is_break() {
                    return Ok(Answer::Stopped);
                }
            }
            Ok(ends[attempt as usize - 1])
        }
    }

    /// What the caller of [`with_retries`] was handed: message types, and
    /// 0 for [`Dumped::Again`].
    fn seen(events: &mut Vec<u16>) -> impl FnMut(Dumped<'_>) -> Result<(), ()> + '_ {
        |dumped| {
            events.push(match dumped {
                Dumped::Again => 0,
                Dumped::Message(message) => message.msg_type,
            });
            Ok(())
        }
    }

    #[test]
    fn a_streamed_dump_interrupted_twice_is_streamed_again_after_each_notice() {
        use Answer::*;
        let mut events = Vec::new();
        let ends = [Interrupted, Interrupted, Whole];
        let still = with_retries(DUMP_ATTEMPTS, fake_kernel(&ends), seen(&mut events)).unwrap();
        assert!(!still);
        assert_eq!(events, [10, 11, 0, 20, 21, 0, 30, 31]);
    }

    #[test]
    fn a_streamed_dump_interrupted_every_time_ends_after_the_last_attempt() {
        let mut events = Vec::new();
        let ends = [Answer::Interrupted; DUMP_ATTEMPTS];
        let still = with_retries(DUMP_ATTEMPTS, fake_kernel(&ends), seen(&mut events)).unwrap();
        assert!(still, "the caller warns");
        assert_eq!(
            events.iter().filter(|e| **e == 0).count(),
            DUMP_ATTEMPTS - 1
        );
        assert_eq!(events.last(), Some(&(DUMP_ATTEMPTS as u16 * 10 + 1)));
    }

    #[test]
    fn a_streamed_dump_with_one_attempt_is_never_asked_again() {
        let mut events = Vec::new();
        let ends = [Answer::Interrupted];
        let still = with_retries(1, fake_kernel(&ends), seen(&mut events)).unwrap();
        assert!(still);
        assert_eq!(events, [10, 11]);
    }

    #[test]
    fn a_refused_streamed_dump_is_not_asked_again() {
        let mut calls = 0;
        let mut events = Vec::new();
        let refusal = Refusal {
            error: KernelError {
                errno: nix::libc::EINVAL,
                extack: None,
            },
            in_done: true,
        };
        let result = with_retries(
            DUMP_ATTEMPTS,
            |_| {
                calls += 1;
                Err(refusal.clone())
            },
            seen(&mut events),
        );
        assert!(matches!(result, Err(DumpFailed::Refused(r)) if r == refusal));
        assert_eq!((calls, events.len()), (1, 0));
    }

    #[test]
    fn a_caller_that_fails_stops_the_streamed_dump() {
        let ends = [Answer::Interrupted, Answer::Whole];
        let mut handed = 0;
        let result = with_retries(DUMP_ATTEMPTS, fake_kernel(&ends), |_| {
            handed += 1;
            Err("cannot print")
        });
        assert!(matches!(result, Err(DumpFailed::Stopped("cannot print"))));
        assert_eq!(handed, 1, "nothing handed over after the failure");
    }

    #[test]
    fn an_interrupted_dump_is_asked_again_into_a_fresh_collection() {
        // Interrupted twice, then consistent: only the third answer is kept.
        let mut calls = 0;
        let (items, interrupted) = dump_consistently(DUMP_ATTEMPTS, |items: &mut Vec<u32>| {
            calls += 1;
            items.push(calls);
            Ok::<_, ()>(calls < 3)
        })
        .unwrap();
        assert_eq!((items, interrupted, calls), (vec![3], false, 3));
    }

    #[test]
    fn a_dump_interrupted_every_time_is_asked_a_bounded_number_of_times() {
        let mut calls = 0;
        let (items, interrupted) = dump_consistently(DUMP_ATTEMPTS, |items: &mut Vec<u32>| {
            calls += 1;
            items.push(calls);
            Ok::<_, ()>(true)
        })
        .unwrap();
        assert_eq!(calls as usize, DUMP_ATTEMPTS);
        assert_eq!((items, interrupted), (vec![DUMP_ATTEMPTS as u32], true));
    }

    #[test]
    fn a_refused_dump_is_not_asked_again() {
        let mut calls = 0;
        let result = dump_consistently(DUMP_ATTEMPTS, |_: &mut Vec<u32>| {
            calls += 1;
            Err::<bool, _>("refused")
        });
        assert_eq!((result, calls), (Err("refused"), 1));
    }

    #[test]
    fn a_consistent_dump_is_asked_once() {
        let mut calls = 0;
        let (items, interrupted) = dump_consistently(DUMP_ATTEMPTS, |items: &mut Vec<u32>| {
            calls += 1;
            items.push(7);
            Ok::<_, ()>(false)
        })
        .unwrap();
        assert_eq!((items, interrupted, calls), (vec![7], false, 1));
    }
}
