//! lib/utils.c `drop_cap`, which `ip vrf exec` runs before the command: a
//! caller that is not root but holds capabilities (a binary with file
//! capabilities) gives them all up, unless CAP_NET_ADMIN is inheritable
//! (a program with ambient capabilities that runs ip on purpose).

/// `_LINUX_CAPABILITY_VERSION_3`: two 32-bit words per set.
const VERSION_3: u32 = 0x2008_0522;
const CAP_NET_ADMIN: u32 = 12;

/// The capability sets of this process: effective, permitted and
/// inheritable, for capabilities 0-31 then 32-63 (`struct
/// __user_cap_data_struct[2]`).
type Sets = [u32; 6];

fn capget() -> Option<Sets> {
    let mut header = [VERSION_3, 0];
    let mut sets: Sets = [0; 6];
    // SAFETY: a version-3 header for this process and room for two data
    // structs, as capget(2) wants.
    let ret = unsafe {
        nix::libc::syscall(
            nix::libc::SYS_capget,
            header.as_mut_ptr(),
            sets.as_mut_ptr(),
        )
    };
    (ret == 0).then_some(sets)
}

fn capset(sets: &Sets) -> bool {
    let mut header = [VERSION_3, 0];
    // SAFETY: as in `capget`; the kernel only reads the sets.
    let ret =
        unsafe { nix::libc::syscall(nix::libc::SYS_capset, header.as_mut_ptr(), sets.as_ptr()) };
    ret == 0
}

/// Whether `sets` hold CAP_NET_ADMIN as inheritable.
fn net_admin_inheritable(sets: &Sets) -> bool {
    sets[2] & (1 << CAP_NET_ADMIN) != 0
}

/// Drops every capability as ip does; `Err` where ip exits with status 1
/// (the sets could not be read or cleared).
pub(crate) fn drop_capabilities() -> Result<(), ()> {
    // SAFETY: getuid and geteuid have no preconditions.
    let root = unsafe { nix::libc::getuid() == 0 || nix::libc::geteuid() == 0 };
    if root {
        return Ok(());
    }
    let sets = capget().ok_or(())?;
    if net_admin_inheritable(&sets) || capset(&[0; 6]) {
        Ok(())
    } else {
        Err(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn net_admin_is_read_from_the_inheritable_set() {
        let mut sets: Sets = [0; 6];
        sets[0] = 1 << CAP_NET_ADMIN;
        assert!(!net_admin_inheritable(&sets));
        sets[2] = 1 << CAP_NET_ADMIN;
        assert!(net_admin_inheritable(&sets));
        assert!(capget().is_some());
    }
}
