//! How a live `monitor` ends on SIGINT or SIGTERM: as ip does (killed by
//! the signal, nothing on stderr, status 130 or 143 in a shell), but only
//! after printing the events the kernel had already queued.
//!
//! ip dies where the signal finds it, so an event the kernel queued just
//! before the signal is lost when ip had not been scheduled to read it yet:
//! `ip route add …; kill $monitor` may or may not show the route. Scripts
//! (the kernel's fib_nexthops.sh among them) count those lines. rnet blocks
//! the two signals and reads them from a signalfd next to the netlink
//! socket, so such an event is always printed before it ends.

use std::os::fd::AsRawFd;

use nix::sys::signal::{SigSet, Signal};
use nix::sys::signalfd::{SfdFlags, SignalFd};

/// SIGINT and SIGTERM, held back and readable on a descriptor.
pub(super) struct StopSignals {
    mask: SigSet,
    fd: SignalFd,
}

impl StopSignals {
    pub(super) fn catch() -> nix::Result<Self> {
        let mut mask = SigSet::empty();
        mask.add(Signal::SIGINT);
        mask.add(Signal::SIGTERM);
        mask.thread_block()?;
        let fd = SignalFd::with_flags(&mask, SfdFlags::SFD_CLOEXEC)?;
        Ok(StopSignals { mask, fd })
    }

    /// The descriptor that becomes readable when a stop signal comes.
    pub(super) fn fd(&self) -> i32 {
        self.fd.as_raw_fd()
    }

    /// Ends the process by the signal that came, with its default action,
    /// as ip ends (the caller has printed and flushed what was queued).
    pub(super) fn die(self) -> ! {
        let signal = self
            .fd
            .read_signal()
            .ok()
            .flatten()
            .and_then(|info| Signal::try_from(info.ssi_signo as i32).ok())
            .unwrap_or(Signal::SIGTERM);
        // SAFETY: restoring the default disposition of one signal.
        unsafe {
            nix::libc::signal(signal as i32, nix::libc::SIG_DFL);
        }
        let _ = self.mask.thread_unblock();
        let _ = nix::sys::signal::raise(signal);
        // Not reached: the default action of both signals ends the process.
        std::process::exit(128 + signal as i32)
    }
}
