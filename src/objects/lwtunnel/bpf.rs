//! `encap bpf [ in BPF ] [ out BPF ] [ xmit BPF ] [ headroom SIZE ]`
//! (LWT_BPF_*), and the BPF program words that seg6local's `endpoint`
//! shares (lib/bpf_legacy.c `bpf_do_parse`). The attributes are raw:
//! netlink-packet-route 0.34 has no bpf encapsulation.
//!
//! rnet has no BPF loader: `obj FILE` is checked as far as ip checks a file
//! before loading it (so a missing or foreign file fails with ip's words),
//! then refused. A pinned program (`pinned PATH`) is opened with
//! BPF_OBJ_GET, as ip does.

use super::errors::EncapError;
use super::{invalid, read_u32, Cursor, Writer};
use crate::error::{Error, Result};
use crate::grammar::{get_unsigned, matches};
use crate::kernel::attrs::{cstr, Attrs};
use crate::output::{Kind, Printer};

const IN: u16 = 1;
const OUT: u16 = 2;
const XMIT: u16 = 3;
const XMIT_HEADROOM: u16 = 4;

const PROG_FD: u16 = 1;
const PROG_NAME: u16 = 2;

pub(super) fn parse(cursor: &mut Cursor, out: &mut Writer) -> Result<()> {
    let mut headroom_seen = false;
    while cursor.argc() > 0 {
        match cursor.current() {
            "in" | "out" | "xmit" => {
                let kind = match cursor.current() {
                    "in" => IN,
                    "out" => OUT,
                    _ => XMIT,
                };
                cursor.next_arg()?;
                parse_program(cursor, out, kind)?;
            }
            "headroom" => {
                let value = cursor.next_arg()?;
                let headroom = get_unsigned(value)
                    .filter(|h| *h != 0)
                    .ok_or_else(|| invalid(value, "headroom is invalid\n"))?;
                // Only the first headroom counts.
                if !std::mem::replace(&mut headroom_seen, true) {
                    out.u32(XMIT_HEADROOM, headroom);
                }
            }
            "help" => return Err(EncapError::BpfUsage.into()),
            _ => break,
        }
        cursor.forward();
    }
    Ok(())
}

/// One program (the cursor on its first word), nested in `attr`: `obj FILE
/// [ section NAME ] [ program NAME ] [ verbose ]` or `pinned PATH`. Leaves
/// the cursor on the last word taken.
pub(super) fn parse_program(cursor: &mut Cursor, out: &mut Writer, attr: u16) -> Result<()> {
    let mode = cursor.current();
    let object = mode == "obj" || matches(mode, "object-file");
    let pinned = !object
        && (matches(mode, "object-pinned") || matches(mode, "pinned") || matches(mode, "fd"));
    if !object && !pinned {
        // ip returns -1 here, which it prints as EPERM.
        return Err(EncapError::BpfProgram {
            text: format!("What mode is \"{mode}\"?"),
            errno: nix::libc::EPERM,
        }
        .into());
    }
    let file = cursor.next_arg()?;
    cursor.forward();
    if cursor.argc() > 0 && matches(cursor.current(), "section") {
        cursor.next_arg()?;
        cursor.forward();
    }
    if cursor.argc() > 0 && cursor.is("program") {
        cursor.next_arg()?;
        cursor.forward();
    }
    if cursor.argc() > 0 && matches(cursor.current(), "verbose") {
        cursor.forward();
    }
    cursor.back();
    if object {
        check_object(file)?;
        return Err(Error::LinkWordUnsupported(format!("obj {file}")));
    }
    let fd = pinned_program(file).map_err(|errno| EncapError::BpfProgram {
        text: format!(
            "Couldn't retrieve pinned program '{file}': {}",
            crate::error::strerror(errno)
        ),
        errno: nix::libc::EPERM,
    })?;
    let base = file.rsplit('/').next().unwrap_or(file);
    out.begin_nest(attr);
    out.u32(PROG_FD, fd as u32);
    let mut name = format!("{base}:[*fsobj]").into_bytes();
    name.push(0);
    out.attr(PROG_NAME, &name);
    out.end_nest();
    Ok(())
}

/// What ip's ELF reader (lib/bpf_legacy.c `bpf_elf_ctx_init`) refuses
/// before loading anything: a file it cannot open (its -1 reads as EPERM),
/// one that is not ELF, a header cut short, or an ELF file that is not a
/// little-endian eBPF relocatable object.
fn check_object(path: &str) -> Result<()> {
    const ET_REL: u16 = 1;
    const EM_NONE: u16 = 0;
    const EM_BPF: u16 = 247;
    let fail = |text: &str, errno: i32| -> crate::error::Error {
        EncapError::BpfProgram {
            text: format!("{text}Cannot initialize ELF context!"),
            errno,
        }
        .into()
    };
    let Ok(bytes) = std::fs::read(path).or_else(|err| match err.raw_os_error() {
        // A directory opens (ip reads nothing from it).
        Some(nix::libc::EISDIR) => Ok(Vec::new()),
        _ => Err(err),
    }) else {
        return Err(fail("", nix::libc::EPERM));
    };
    let class = bytes.get(4).copied();
    if !bytes.starts_with(b"\x7fELF") || !matches!(class, Some(1 | 2)) {
        return Err(fail("", nix::libc::EINVAL));
    }
    let header_len = if class == Some(2) { 64 } else { 52 };
    if bytes.len() < header_len {
        return Err(fail("", nix::libc::EIO));
    }
    let big_endian = bytes[5] == 2;
    let half = |at: usize| {
        let pair = [bytes[at], bytes[at + 1]];
        if big_endian {
            u16::from_be_bytes(pair)
        } else {
            u16::from_le_bytes(pair)
        }
    };
    let version = if big_endian {
        u32::from_be_bytes([bytes[20], bytes[21], bytes[22], bytes[23]])
    } else {
        u32::from_le_bytes([bytes[20], bytes[21], bytes[22], bytes[23]])
    };
    let machine = half(18);
    if half(16) != ET_REL || (machine != EM_NONE && machine != EM_BPF) || version != 1 {
        return Err(fail(
            "ELF format error, ELF file not for eBPF?\n",
            nix::libc::EINVAL,
        ));
    }
    match bytes[5] {
        1 => Ok(()),
        2 => Err(fail(
            "We are little endian, eBPF object is big endian!\n",
            nix::libc::EIO,
        )),
        _ => Err(fail(
            "ELF format error, wrong endianness info?\n",
            nix::libc::EINVAL,
        )),
    }
}

/// BPF_OBJ_GET of a pinned program: a descriptor that stays open until
/// rnet exits, since the request only carries its number.
fn pinned_program(path: &str) -> std::result::Result<i32, i32> {
    const BPF_OBJ_GET: nix::libc::c_long = 7;
    let c_path = std::ffi::CString::new(path).map_err(|_| nix::libc::ENOENT)?;
    // union bpf_attr, of which BPF_OBJ_GET reads pathname, bpf_fd and
    // file_flags; the kernel wants the rest zero.
    let mut attr = [0u64; 16];
    attr[0] = c_path.as_ptr() as u64;
    // SAFETY: `attr` is a zeroed bpf_attr whose pathname points to a live
    // NUL-terminated string.
    let fd = unsafe {
        nix::libc::syscall(
            nix::libc::SYS_bpf,
            BPF_OBJ_GET,
            attr.as_mut_ptr(),
            std::mem::size_of_val(&attr),
        )
    };
    if fd < 0 {
        return Err(std::io::Error::last_os_error().raw_os_error().unwrap_or(0));
    }
    Ok(fd as i32)
}

/// ip's `print_encap_bpf_prog`: the direction, and the program's name.
pub(super) fn print_program(out: &mut Printer, program: &[u8], key: &str) {
    let attrs = Attrs::parse(program, PROG_NAME);
    let name = attrs.get(PROG_NAME).map(cstr);
    if out.is_json() {
        out.string(Kind::Json, Some(key), "", name.unwrap_or(b"<unknown>"));
    } else {
        out.text(format!("{key} "));
        if let Some(name) = name {
            out.text(name);
            out.text(" ");
        }
    }
}

pub(super) fn print(out: &mut Printer, encap: &[u8]) {
    let attrs = Attrs::parse(encap, XMIT_HEADROOM);
    for (kind, key) in [(IN, "in"), (OUT, "out"), (XMIT, "xmit")] {
        if let Some(program) = attrs.get(kind) {
            print_program(out, program, key);
        }
    }
    if let Some(headroom) = attrs.get(XMIT_HEADROOM) {
        out.int(Kind::Any, Some("headroom"), " {} ", read_u32(headroom));
    }
}
