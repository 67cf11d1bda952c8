//! The BPF program `ip vrf exec` attaches to a VRF's cgroup: every socket
//! created in the cgroup gets the VRF device as its `sk_bound_dev_if`
//! (ip/ipvrf.c `prog_load`, lib/bpf_legacy.c `bpf_prog_load_dev`).
//!
//! Six instructions, loaded and attached with two `bpf()` calls; no BPF
//! library is needed for that.

use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};

use super::errors::CgroupFailure;

const BPF_PROG_LOAD: i64 = 5;
const BPF_PROG_ATTACH: i64 = 8;
const BPF_PROG_TYPE_CGROUP_SOCK: u32 = 9;
const BPF_CGROUP_INET_SOCK_CREATE: u32 = 2;
/// `offsetof(struct bpf_sock, bound_dev_if)`: its first field.
const BOUND_DEV_IF: i16 = 0;
/// ip's verifier log buffer.
const LOG_SIZE: usize = 256 * 1024;
/// Large enough for every `union bpf_attr` field used here; the kernel
/// accepts a longer one whose tail is zero.
const ATTR_SIZE: usize = 128;

/// One `struct bpf_insn`.
fn insn(code: u8, dst: u8, src: u8, off: i16, imm: i32) -> [u8; 8] {
    let mut bytes = [0u8; 8];
    bytes[0] = code;
    bytes[1] = (src << 4) | (dst & 0x0f);
    bytes[2..4].copy_from_slice(&off.to_ne_bytes());
    bytes[4..8].copy_from_slice(&imm.to_ne_bytes());
    bytes
}

/// The program: `r6 = r1; r3 = ifindex; r2 = offset; *(u32 *)(r1 + offset)
/// = r3; r0 = 1; exit` (the verdict 1 lets the socket be created).
pub(crate) fn program(ifindex: i32) -> Vec<u8> {
    const MOV64_X: u8 = 0xbf;
    const MOV64_K: u8 = 0xb7;
    const STX_MEM_W: u8 = 0x63;
    const EXIT: u8 = 0x95;
    [
        insn(MOV64_X, 6, 1, 0, 0),
        insn(MOV64_K, 3, 0, 0, ifindex),
        insn(MOV64_K, 2, 0, 0, i32::from(BOUND_DEV_IF)),
        insn(STX_MEM_W, 1, 3, BOUND_DEV_IF, 0),
        insn(MOV64_K, 0, 0, 0, 1),
        insn(EXIT, 0, 0, 0, 0),
    ]
    .concat()
}

fn bpf(command: i64, attr: &mut [u8; ATTR_SIZE]) -> Result<i64, i32> {
    // SAFETY: `attr` is a zero-padded `union bpf_attr` that outlives the
    // call, and the pointers inside it point at buffers the caller keeps.
    let ret = unsafe {
        nix::libc::syscall(
            nix::libc::SYS_bpf,
            command,
            attr.as_mut_ptr(),
            ATTR_SIZE as u32,
        )
    };
    if ret < 0 {
        Err(std::io::Error::last_os_error()
            .raw_os_error()
            .unwrap_or(nix::libc::EIO))
    } else {
        Ok(ret)
    }
}

fn put(attr: &mut [u8; ATTR_SIZE], offset: usize, bytes: &[u8]) {
    attr[offset..offset + bytes.len()].copy_from_slice(bytes);
}

/// Loads the program for `ifindex` and attaches it to the cgroup `cgroup`
/// (an open directory), as ip's `vrf_configure_cgroup` does.
pub(crate) fn attach(cgroup: &impl AsRawFd, ifindex: i32) -> Result<(), CgroupFailure> {
    let insns = program(ifindex);
    let license = b"GPL\0";
    let mut log = vec![0u8; LOG_SIZE];
    let mut attr = [0u8; ATTR_SIZE];
    put(&mut attr, 0, &BPF_PROG_TYPE_CGROUP_SOCK.to_ne_bytes());
    put(&mut attr, 4, &((insns.len() / 8) as u32).to_ne_bytes());
    put(&mut attr, 8, &(insns.as_ptr() as u64).to_ne_bytes());
    put(&mut attr, 16, &(license.as_ptr() as u64).to_ne_bytes());
    put(&mut attr, 24, &1u32.to_ne_bytes());
    put(&mut attr, 28, &(LOG_SIZE as u32).to_ne_bytes());
    put(&mut attr, 32, &(log.as_mut_ptr() as u64).to_ne_bytes());
    let program = bpf(BPF_PROG_LOAD, &mut attr).map_err(|errno| CgroupFailure::BpfLoad {
        errno,
        log: String::from_utf8_lossy(crate::kernel::attrs::cstr(&log)).into_owned(),
    })?;
    // SAFETY: the kernel just handed us this descriptor; nothing else owns it.
    let program = unsafe { OwnedFd::from_raw_fd(program as i32) };
    let mut attr = [0u8; ATTR_SIZE];
    put(&mut attr, 0, &(cgroup.as_raw_fd() as u32).to_ne_bytes());
    put(&mut attr, 4, &(program.as_raw_fd() as u32).to_ne_bytes());
    put(&mut attr, 8, &BPF_CGROUP_INET_SOCK_CREATE.to_ne_bytes());
    bpf(BPF_PROG_ATTACH, &mut attr).map_err(CgroupFailure::BpfAttach)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The instructions of ip's `prog_load` for ifindex 7, as the kernel's
    /// BPF_MOV64_REG/BPF_MOV64_IMM/BPF_STX_MEM/BPF_EXIT_INSN macros lay
    /// them out on a little-endian machine.
    #[cfg(target_endian = "little")]
    #[test]
    fn program_matches_ip_instructions() {
        let expected: Vec<u8> = [
            [0xbf, 0x16, 0, 0, 0, 0, 0, 0],
            [0xb7, 0x03, 0, 0, 7, 0, 0, 0],
            [0xb7, 0x02, 0, 0, 0, 0, 0, 0],
            [0x63, 0x31, 0, 0, 0, 0, 0, 0],
            [0xb7, 0x00, 0, 0, 1, 0, 0, 0],
            [0x95, 0x00, 0, 0, 0, 0, 0, 0],
        ]
        .concat();
        assert_eq!(program(7), expected);
    }
}
