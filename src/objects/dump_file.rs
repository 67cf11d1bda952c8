//! ip's binary dumps (`ip address|route save`, read back by `restore` and
//! `showdump`): a 32-bit magic number of the object, then netlink messages
//! as the kernel sent them. One reader and one writer for every object.

use crate::app::Context;
use crate::error::{warn, Error, Result, Warning};
use crate::kernel::attrs::Request;
use crate::kernel::raw::{RawSocket, NLM_F_ACK, NLM_F_REQUEST};

const NLM_F_CREATE: u16 = 0x400;

/// A dump on stdin whose magic was checked.
pub struct Dump {
    bytes: Vec<u8>,
    /// Whether stdin is a file (ip's `ftell` fails on a pipe).
    seekable: bool,
}

/// Reads stdin, which must not be a terminal (`from_terminal` is the
/// object's refusal) and must start with `magic`.
pub fn read(magic: u32, from_terminal: Error) -> Result<Dump> {
    use std::io::Read;
    // SAFETY: isatty only inspects the descriptor.
    if unsafe { nix::libc::isatty(0) } == 1 {
        return Err(from_terminal);
    }
    let mut bytes = Vec::new();
    let _ = std::io::stdin().lock().read_to_end(&mut bytes);
    let found = bytes
        .get(..4)
        .map(|b| u32::from_ne_bytes(b.try_into().expect("4 bytes")));
    if found != Some(magic) {
        // fread leaves what it could read of a short magic in place; a
        // short read leaves the variable's 0.
        return Err(Error::MagicMismatch {
            elements: usize::from(found.is_some()),
            magic: found.unwrap_or(0),
        });
    }
    // SAFETY: lseek only inspects the descriptor's offset.
    let seekable = unsafe { nix::libc::lseek(0, 0, nix::libc::SEEK_CUR) } >= 0;
    Ok(Dump { bytes, seekable })
}

impl Dump {
    /// ip's `rtnl_from_file`: each message in turn, until the end or a
    /// broken message (messages before it are handled first, as in ip).
    pub fn each(&self, mut each: impl FnMut(u16, u16, &[u8]) -> Result<()>) -> Result<()> {
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

/// Sends one saved message back with NLM_F_CREATE. A refusal is printed;
/// returns whether restoring may go on (only EEXIST lets it).
pub fn restore_one(raw: &mut RawSocket, msg_type: u16, flags: u16, payload: &[u8]) -> bool {
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

/// Starts a save: stdout must not be a terminal; the magic goes first.
pub fn start_save(ctx: &mut Context, magic: u32) -> Result<()> {
    // SAFETY: isatty only inspects the descriptor.
    if unsafe { nix::libc::isatty(1) } == 1 {
        return Err(Error::SaveToTerminal);
    }
    ctx.out.raw(magic.to_ne_bytes());
    Ok(())
}
