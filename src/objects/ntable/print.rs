//! One neighbour table message in ip's layout (ip/ipntable.c
//! `print_ntable`): the family and name, the thresholds, with `-s` the
//! table's configuration and statistics, and the parameter set (the
//! table's defaults, or a device's). Text and JSON from the same calls.

use crate::grammar::inet::family_name;
use crate::kernel::attrs::Attrs;
use crate::model::neighbor::*;
use crate::output::{Color, Kind, Printer};

/// ip's `ntable_strtime_delta`: the local time `msec` milliseconds ago,
/// `(error)` for 0.
fn time_ago(msec: u32) -> String {
    if msec == 0 {
        return "(error)".to_string();
    }
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    let then = (now - i64::from(msec / 1000)) as nix::libc::time_t;
    // SAFETY: `tm` is plain data filled by localtime_r; strftime writes at
    // most `buf.len()` bytes including the NUL.
    unsafe {
        let mut tm: nix::libc::tm = std::mem::zeroed();
        if nix::libc::localtime_r(&then, &mut tm).is_null() {
            return "(error)".to_string();
        }
        let mut buf = [0u8; 32];
        let len = nix::libc::strftime(
            buf.as_mut_ptr().cast(),
            buf.len(),
            c"%Y-%m-%d %T".as_ptr(),
            &tm,
        );
        String::from_utf8_lossy(&buf[..len]).into_owned()
    }
}

fn config(p: &mut Printer, c: &NdtConfig) {
    p.int(
        Kind::Any,
        Some("key_length"),
        "    config key_len {} ",
        c.key_len,
    );
    p.int(
        Kind::Any,
        Some("entry_size"),
        "entry_size {} ",
        c.entry_size,
    );
    p.int(Kind::Any, Some("entries"), "entries {} ", c.entries);
    p.nl();
    p.string(
        Kind::Any,
        Some("last_flush"),
        "        last_flush {} ",
        time_ago(c.last_flush),
    );
    p.string(
        Kind::Any,
        Some("last_rand"),
        "last_rand {} ",
        time_ago(c.last_rand),
    );
    p.nl();
    p.int(
        Kind::Any,
        Some("hash_rnd"),
        "        hash_rnd {} ",
        c.hash_rnd,
    );
    if p.is_json() {
        let mask = if c.hash_mask == 0 {
            "0".to_string()
        } else {
            format!("{:#x}", c.hash_mask)
        };
        p.string(Kind::Json, Some("hash_mask"), "", mask);
    } else {
        p.text(format!("hash_mask {:08x} ", c.hash_mask));
    }
    p.int(
        Kind::Any,
        Some("hash_chain_gc"),
        "hash_chain_gc {} ",
        c.hash_chain_gc,
    );
    p.int(
        Kind::Any,
        Some("proxy_qlen"),
        "proxy_qlen {} ",
        c.proxy_qlen,
    );
    p.nl();
}

/// The parameter set; `dev` is the name of NDTPA_IFINDEX's device.
fn parms(p: &mut Printer, tpb: &Attrs<'_>, dev: Option<&[u8]>) {
    if let Some(dev) = dev {
        p.text("    dev ");
        p.color_string(Kind::Any, Some(Color::Ifname), Some("dev"), "{} ", dev);
        p.nl();
    }
    p.text("    ");
    let u32s = |p: &mut Printer, kind: u16, key: &str, format: &str| {
        if let Some(value) = tpb.u32(kind) {
            p.int(Kind::Any, Some(key), format, value);
        }
    };
    let u64s = |p: &mut Printer, kind: u16, key: &str, format: &str| {
        if let Some(value) = tpb.u64(kind) {
            p.int(Kind::Any, Some(key), format, value);
        }
    };
    let separator = |p: &mut Printer| {
        let sl = p.line_break();
        p.text(format!("{sl}    "));
    };
    u32s(p, NDTPA_REFCNT, "refcnt", "refcnt {} ");
    u64s(p, NDTPA_REACHABLE_TIME, "reachable", "reachable {} ");
    u64s(
        p,
        NDTPA_BASE_REACHABLE_TIME,
        "base_reachable",
        "base_reachable {} ",
    );
    u64s(p, NDTPA_RETRANS_TIME, "retrans", "retrans {} ");
    separator(p);
    u64s(p, NDTPA_GC_STALETIME, "gc_stale", "gc_stale {} ");
    u64s(p, NDTPA_DELAY_PROBE_TIME, "delay_probe", "delay_probe {} ");
    u32s(p, NDTPA_QUEUE_LEN, "queue", "queue {} ");
    separator(p);
    u32s(p, NDTPA_APP_PROBES, "app_probes", "app_probes {} ");
    u32s(p, NDTPA_UCAST_PROBES, "ucast_probes", "ucast_probes {} ");
    u32s(p, NDTPA_MCAST_PROBES, "mcast_probes", "mcast_probes {} ");
    separator(p);
    u64s(p, NDTPA_ANYCAST_DELAY, "anycast_delay", "anycast_delay {} ");
    u64s(p, NDTPA_PROXY_DELAY, "proxy_delay", "proxy_delay {} ");
    u32s(p, NDTPA_PROXY_QLEN, "proxy_queue", "proxy_queue {} ");
    u64s(p, NDTPA_LOCKTIME, "locktime", "locktime {} ");
    p.nl();
}

fn stats(p: &mut Printer, stats: &[u64; 11]) {
    const FIELDS: [&str; 11] = [
        "allocs",
        "destroys",
        "hash_grows",
        "res_failed",
        "lookups",
        "hits",
        "rcv_probes_mcast",
        "rcv_probes_ucast",
        "periodic_gc_runs",
        "forced_gc_runs",
        "table_fulls",
    ];
    p.text("    stats ");
    for (i, (key, value)) in FIELDS.iter().zip(stats).enumerate() {
        // ip breaks the line after hash_grows, hits, rcv_probes_ucast and
        // forced_gc_runs.
        if matches!(i, 3 | 6 | 8 | 10) {
            let sl = p.line_break();
            p.text(format!("{sl}    "));
        }
        p.int(Kind::Any, Some(key), &format!("{key} {{}} "), *value);
    }
    p.nl();
}

/// Prints one table message. `dev` is the name of its parameter set's
/// device, when it has one; `show_stats` is `-s`.
pub fn print_ntable(p: &mut Printer, table: &NeighTable<'_>, dev: Option<&[u8]>, show_stats: bool) {
    let attrs = &table.attrs;
    p.open_object(None);
    p.string(Kind::Any, Some("family"), "{} ", family_name(table.family));
    if let Some(name) = table.name() {
        p.string(Kind::Any, Some("name"), "{} ", name);
    }
    p.nl();
    let thresholds = [NDTA_THRESH1, NDTA_THRESH2, NDTA_THRESH3, NDTA_GC_INTERVAL]
        .iter()
        .any(|kind| attrs.has(*kind));
    if thresholds {
        p.text("    ");
    }
    for (kind, key) in [
        (NDTA_THRESH1, "thresh1"),
        (NDTA_THRESH2, "thresh2"),
        (NDTA_THRESH3, "thresh3"),
    ] {
        if let Some(value) = attrs.u32(kind) {
            p.int(Kind::Any, Some(key), &format!("{key} {{}} "), value);
        }
    }
    if let Some(gc) = attrs.u64(NDTA_GC_INTERVAL) {
        p.int(Kind::Any, Some("gc_interval"), "gc_int {} ", gc);
    }
    if thresholds {
        p.nl();
    }
    if show_stats {
        if let Some(c) = attrs.get(NDTA_CONFIG).and_then(NdtConfig::parse) {
            config(p, &c);
        }
    }
    if let Some(tpb) = table.parms() {
        parms(p, &tpb, dev);
    }
    if show_stats {
        if let Some(s) = attrs.get(NDTA_STATS).and_then(ndt_stats) {
            stats(p, &s);
        }
    }
    p.text("\n");
    p.close_object();
}
