//! One TUN/TAP device in `ip tuntap show`'s layout (ip/iptuntap.c
//! `print_tuntap`): `NAME: FLAGS [user N] [group N]`, and with `-d` the
//! processes that hold the device open. The same calls give text and JSON.

use crate::output::{Color, Kind, Printer};

pub const IFF_TUN: u64 = 0x0001;
pub const IFF_TAP: u64 = 0x0002;
pub const IFF_MULTI_QUEUE: u64 = 0x0100;
pub const IFF_PERSIST: u64 = 0x0800;
pub const IFF_NO_PI: u64 = 0x1000;
pub const IFF_ONE_QUEUE: u64 = 0x2000;
pub const IFF_VNET_HDR: u64 = 0x4000;
/// The read-only "no filter attached" flag shares IFF_NO_PI's bit, so a
/// device with packet information always shows `filter` too, as with ip.
pub const IFF_NOFILTER: u64 = 0x1000;

/// A process that has the device open: its command name (None when
/// /proc/PID/comm could not be read) and its id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Holder {
    pub name: Option<Vec<u8>>,
    pub pid: i32,
}

/// What `ip tuntap show` prints of one device, read from /sys/class/net.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TuntapDevice {
    pub name: Vec<u8>,
    /// `tun_flags` (a C long).
    pub flags: i64,
    /// `owner` and `group`; -1 when unset.
    pub owner: i64,
    pub group: i64,
    /// With `-d`: the processes attached to it.
    pub holders: Option<Vec<Holder>>,
}

/// ip's `print_flags`: the words of the flags it knows, then the rest in
/// hex.
fn print_flags(p: &mut Printer, flags: i64) {
    let flags = flags as u64;
    p.open_array(Kind::Json, "flags", "");
    let words = [
        (flags & IFF_TUN != 0, "tun"),
        (flags & IFF_TAP != 0, "tap"),
        (flags & IFF_NO_PI == 0, "pi"),
        (flags & IFF_ONE_QUEUE != 0, "one_queue"),
        (flags & IFF_MULTI_QUEUE != 0, "multi_queue"),
        (flags & IFF_VNET_HDR != 0, "vnet_hdr"),
        (flags & IFF_PERSIST != 0, "persist"),
        (flags & IFF_NOFILTER == 0, "filter"),
    ];
    for (shown, word) in words {
        if shown {
            p.string(Kind::Any, None, " {}", word);
        }
    }
    let rest = flags
        & !(IFF_TUN
            | IFF_TAP
            | IFF_NO_PI
            | IFF_ONE_QUEUE
            | IFF_MULTI_QUEUE
            | IFF_VNET_HDR
            | IFF_PERSIST
            | IFF_NOFILTER);
    if rest != 0 {
        p.string(Kind::Text, None, " {}", format!("{rest:#x}"));
        p.string(Kind::Json, None, "", format!("{rest:#x}"));
    }
    p.close_array(Kind::Json, "");
}

pub fn print_tuntap(p: &mut Printer, device: &TuntapDevice) {
    p.open_object(None);
    p.color_string(
        Kind::Any,
        Some(Color::Ifname),
        Some("ifname"),
        "{}:",
        &device.name,
    );
    print_flags(p, device.flags);
    if device.owner != -1 {
        // ip prints the long with print_u64: -2 would be 18446744073709551614.
        p.int(Kind::Any, Some("user"), " user {}", device.owner as u64);
    }
    if device.group != -1 {
        p.int(Kind::Any, Some("group"), " group {}", device.group as u64);
    }
    if let Some(holders) = &device.holders {
        let separator = p.line_break();
        p.text(format!("{separator}\tAttached to processes:"));
        p.open_array(Kind::Json, "processes", "");
        for holder in holders {
            let name = holder.name.as_deref().unwrap_or(b"<NULL>");
            p.string(Kind::Any, Some("name"), "{}", name);
            p.int(Kind::Any, Some("pid"), "({})", holder.pid);
        }
        p.close_array(Kind::Json, "");
    }
    p.close_object();
    p.text("\n");
}
