//! The batch pipeline: requests of consecutive batch lines sent together,
//! their answers read together.
//!
//! ip sends each line's request and waits for its acknowledgement: three
//! system calls and one kernel acknowledgement per line. A window of
//! requests in one datagram, without NLM_F_ACK, costs two system calls in
//! all, and the kernel answers only the requests it refuses, each answer
//! carrying its request's sequence number, so each error is still reported
//! against its own line.
//!
//! The kernel handles the requests of a datagram one after the other and
//! does not stop at a refusal, so the requests after a refused one have
//! been applied by the time rnet learns of it. Without `-force`, ip applies
//! nothing after a failing line; rnet therefore takes each of those changes
//! back (newest first) before reporting the failure, and only requests with
//! an exact inverse are deferred: a `route add` (NLM_F_EXCL, so it created
//! a route that did not exist, which the same message as RTM_DELROUTE
//! removes). The state left is ip's; a monitor running meanwhile sees the
//! changes made and taken back. With `-force` ip applies every line, and so
//! does the window, with nothing taken back.

use crate::error::{Error, Result};
use crate::kernel::attrs::{align4, Request};
use crate::kernel::errors::KernelError;

use super::Context;

/// A window holds at most this many requests: their refusals (an error
/// message of ~100 bytes each, capped acks) fit many times over in the
/// smallest receive buffer a system may grant (rmem_max's default 208 KiB),
/// and 64 lines a datagram already make the two system calls' share of a
/// line small.
const WINDOW_REQUESTS: usize = 64;

/// ...and at most this many bytes, far below the send buffer's limit.
const WINDOW_BYTES: usize = 16 * 1024;

/// A request sent ahead of its answer.
pub(crate) trait Deferred {
    /// The request that takes the change back (NLM_F_ACK set).
    fn undo(&self) -> Request;

    /// The error ip prints for the kernel's refusal of the request.
    fn refused(self: Box<Self>, ctx: &mut Context, error: KernelError) -> Error;
}

struct Pending {
    line: usize,
    seq: u32,
    request: Box<dyn Deferred>,
}

/// The requests sent in the next datagram.
#[derive(Default)]
pub(crate) struct Pipeline {
    /// The batch line being run may defer its request (its object said so).
    deferring: Option<usize>,
    bytes: Vec<u8>,
    pending: Vec<Pending>,
}

/// A line the window's answer refused.
pub(crate) struct LineFailed {
    pub(crate) line: usize,
    pub(crate) error: Error,
}

impl Pipeline {
    pub(crate) fn is_empty(&self) -> bool {
        self.pending.is_empty()
    }

    fn is_full(&self) -> bool {
        self.pending.len() >= WINDOW_REQUESTS || self.bytes.len() >= WINDOW_BYTES
    }
}

impl Context {
    /// Turns the pipeline on for the rest of a batch.
    pub(crate) fn start_pipeline(&mut self) {
        self.pipeline = Some(Pipeline::default());
    }

    /// Whether requests wait in the window.
    pub(crate) fn pipeline_pending(&self) -> bool {
        self.pipeline
            .as_ref()
            .is_some_and(|pipeline| !pipeline.is_empty())
    }

    /// Whether the window should be sent before the next line is read.
    pub(crate) fn pipeline_full(&self) -> bool {
        self.pipeline.as_ref().is_some_and(Pipeline::is_full)
    }

    /// Marks the batch line about to run as one whose request may wait in
    /// the window (`Some(line)`), or not.
    pub(crate) fn set_deferring(&mut self, line: Option<usize>) {
        if let Some(pipeline) = &mut self.pipeline {
            pipeline.deferring = line;
        }
    }

    /// Whether the batch line being run may put its request in the window.
    pub(crate) fn deferring(&self) -> bool {
        self.pipeline
            .as_ref()
            .is_some_and(|pipeline| pipeline.deferring.is_some())
    }

    /// Puts `request` (without NLM_F_ACK) in the window, for a line that
    /// may defer it ([`Context::deferring`]); its answer is read when the
    /// batch flushes the window.
    pub(crate) fn defer(&mut self, request: Request, deferred: Box<dyn Deferred>) -> Result<()> {
        let line = self
            .pipeline
            .as_ref()
            .and_then(|pipeline| pipeline.deferring)
            .expect("only a deferring line defers");
        let seq = self.raw()?.next_seq();
        let pipeline = self.pipeline.as_mut().expect("checked above");
        // Each message of a datagram starts 4-aligned (NLMSG_ALIGN).
        let start = align4(pipeline.bytes.len());
        pipeline.bytes.resize(start, 0);
        pipeline.bytes.extend_from_slice(&request.finish(seq));
        pipeline.pending.push(Pending {
            line,
            seq,
            request: deferred,
        });
        Ok(())
    }

    /// Sends the window and reads its answer: the lines the kernel refused,
    /// in order. Without `-force` only the first is returned, the changes of
    /// the lines after it having been taken back.
    pub(crate) fn flush_pipeline(&mut self) -> Result<Vec<LineFailed>> {
        let Some(pipeline) = self.pipeline.as_mut() else {
            return Ok(Vec::new());
        };
        if pipeline.is_empty() {
            return Ok(Vec::new());
        }
        let bytes = std::mem::take(&mut pipeline.bytes);
        let mut pending = std::mem::take(&mut pipeline.pending);
        let refusals = self
            .raw()?
            .send_window(&bytes)
            .map_err(|err| Error::WindowLost {
                first_line: pending.first().map_or(0, |first| first.line),
                last_line: pending.last().map_or(0, |last| last.line),
                errno: err.raw_os_error().unwrap_or(nix::libc::EIO),
            })?;
        // The buffer's allocation is kept for the next window.
        let pipeline = self.pipeline.as_mut().expect("checked above");
        pipeline.bytes = bytes;
        pipeline.bytes.clear();
        let keep_going = self.options.force > 0;
        let mut refused = refusals.into_iter().peekable();
        let mut failed = Vec::new();
        let mut requests = pending.drain(..);
        while let Some(Pending { line, seq, request }) = requests.next() {
            let Some((_, error)) = refused.next_if(|(refused_seq, _)| *refused_seq == seq) else {
                continue;
            };
            if keep_going {
                let error = request.refused(self, error);
                failed.push(LineFailed { line, error });
                continue;
            }
            let applied_after: Vec<Pending> = requests
                .filter(|later| refused.next_if(|(seq, _)| *seq == later.seq).is_none())
                .collect();
            // Taken back first, so that the error is explained (rnet's
            // hints look at the routes) in the state ip would be in.
            let not_taken_back = self.take_back(applied_after, line)?;
            let error = request.refused(self, error);
            failed.push(LineFailed { line, error });
            failed.extend(not_taken_back);
            break;
        }
        Ok(failed)
    }

    /// Undoes the changes of lines applied after `failed_line` failed,
    /// newest first. One that cannot be undone does not stop the others;
    /// the first such is returned.
    fn take_back(
        &mut self,
        applied: Vec<Pending>,
        failed_line: usize,
    ) -> Result<Option<LineFailed>> {
        let mut first_failure = None;
        for Pending { line, request, .. } in applied.into_iter().rev() {
            if let Err(refusal) = self.raw()?.talk(request.undo(), |_| {}) {
                first_failure.get_or_insert(LineFailed {
                    line,
                    error: Error::TakeBackFailed {
                        line,
                        failed_line,
                        error: refusal.error,
                    },
                });
            }
        }
        Ok(first_failure)
    }
}
