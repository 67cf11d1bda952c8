//! ip's binary dump files: `save`, `restore` and `showdump` of address, rule
//! and route.
//!
//! `ip X save` writes a 4-byte magic and then the kernel's messages as they
//! came. Reading follows ip's `*_dump_check_magic` and `rtnl_from_file`:
//! stdin must not be a terminal, the magic must match (a short one is
//! compared with what `fread` left in place), and each message is handed
//! on in turn until the end or the first broken one.

use crate::kernel::raw::NLM_F_CREATE;
use std::io::Read;

use crate::context::Context;
use crate::error::{warn, Error, Result, Warning};
use crate::kernel::attrs::Request;
use crate::kernel::raw::{RawSocket, NLM_F_ACK, NLM_F_REQUEST};

/// Starts a save: stdout must not be a terminal, and the magic must be
/// written out (a full or closed stdout fails, as ip's `write()` does).
pub(crate) fn start_save(ctx: &mut Context, magic: u32) -> Result<()> {
    // SAFETY: isatty only inspects the descriptor.
    if unsafe { nix::libc::isatty(1) } == 1 {
        return Err(Error::SaveToTerminal);
    }
    ctx.out
        .write_now(&magic.to_ne_bytes())
        .map_err(|_| Error::DumpMagicWrite)
}

/// Sends one saved message back with NLM_F_CREATE. A refusal is printed;
/// returns whether restoring may go on (only EEXIST lets it).
pub(crate) fn restore_one(raw: &mut RawSocket, msg_type: u16, flags: u16, payload: &[u8]) -> bool {
    let request =
        Request::new(msg_type, flags | NLM_F_REQUEST | NLM_F_CREATE | NLM_F_ACK).fixed(payload);
    match raw.talk(request, |_| {}) {
        Ok(_) => true,
        Err(refusal) => {
            warn(Warning::Kernel(refusal.error.clone()));
            refusal.error.errno == nix::libc::EEXIST
        }
    }
}

/// A dump read from stdin whose magic matched.
pub(crate) struct Dump {
    bytes: Vec<u8>,
    /// Whether stdin is a file: ip reports where a broken message was with
    /// `ftell`, which fails (-1, printed unsigned) on a pipe.
    seekable: bool,
}

/// Reads stdin as the dump of `subject` ("address", "rule", "route"),
/// whose save writes `magic` first.
pub(crate) fn read(subject: &'static str, magic: u32) -> Result<Dump> {
    // SAFETY: isatty only inspects the descriptor.
    if unsafe { nix::libc::isatty(0) } == 1 {
        return Err(Error::RestoreFromTerminal(subject));
    }
    let mut bytes = Vec::new();
    let _ = std::io::stdin().lock().read_to_end(&mut bytes);
    // fread leaves what it could read of a short magic in place.
    let mut found = [0u8; 4];
    let got = bytes.len().min(4);
    found[..got].copy_from_slice(&bytes[..got]);
    let found = u32::from_ne_bytes(found);
    if found != magic || got < 4 {
        return Err(Error::MagicMismatch {
            elements: usize::from(got == 4),
            magic: found,
        });
    }
    // SAFETY: lseek with SEEK_CUR and offset 0 only asks for the position.
    let seekable = unsafe { nix::libc::lseek(0, 0, nix::libc::SEEK_CUR) } >= 0;
    Ok(Dump { bytes, seekable })
}

impl Dump {
    /// ip's `rtnl_from_file`: `each(type, flags, payload)` for every
    /// message in turn; the messages before a broken one are handled first.
    pub(crate) fn each(&self, mut each: impl FnMut(u16, u16, &[u8]) -> Result<()>) -> Result<()> {
        let input = &self.bytes;
        let mut at = 4;
        while at < input.len() {
            let Some(header) = input.get(at..at + 16) else {
                return Err(Error::TruncatedDump);
            };
            let len = i32::from_ne_bytes(header[0..4].try_into().expect("4 bytes"));
            let msg_type = u16::from_ne_bytes([header[4], header[5]]);
            let flags = u16::from_ne_bytes([header[6], header[7]]);
            if !(16..=16384).contains(&len) {
                return Err(Error::MalformedDump {
                    len,
                    position: if self.seekable {
                        (at + 16) as u64
                    } else {
                        u64::MAX
                    },
                });
            }
            let body = crate::kernel::attrs::align4(len as usize - 16);
            let Some(payload) = input.get(at + 16..at + 16 + body) else {
                return Err(Error::TruncatedDump);
            };
            each(msg_type, flags, &payload[..len as usize - 16])?;
            at += 16 + body;
        }
        Ok(())
    }
}
