//! The formatting helpers of ip's lib/ that the kinds' `-d` printers share
//! (`print_on_off`, `print_0xhex`, jiffies timers, ethertype names), and
//! the printers' test support.
//!
//! Most kinds cannot be created on the machines rnet is tested on, so the
//! tests ask ip 6.1 itself: `ip -d monitor file F` prints a crafted
//! RTM_NEWLINK through ip's own print_linkinfo (text), and a test-only
//! LD_PRELOAD shim (tests/support/linkinfo_shim.c) makes the kernel's answers about
//! lo carry a crafted IFLA_LINKINFO for `ip -j -d link show lo` (JSON).
//! `fuzz.rs` runs every kind through both with random attributes.

#[cfg(test)]
#[path = "../../../../../tests/support/shim.rs"]
mod support_shim;

use crate::output::{Kind, Printer};

/// ip's `print_uint`/`print_int` of a field in both forms.
pub(crate) fn uint(p: &mut Printer, key: &str, format: &str, value: impl Into<i128>) {
    p.int(Kind::Any, Some(key), format, value);
}

/// ip's `print_on_off`: `on`/`off` in text, true/false in JSON.
pub(crate) fn on_off(p: &mut Printer, key: &str, format: &str, value: bool) {
    if p.is_json() {
        p.boolean(Kind::Json, Some(key), "", value);
    } else {
        p.string(Kind::Text, None, format, if value { "on" } else { "off" });
    }
}

/// Checksum flags that ip prints as `[no]NAME ` in text and booleans in
/// JSON (vxlan, geneve).
pub(crate) fn csum_flags(
    p: &mut Printer,
    tb: &crate::kernel::attrs::Attrs,
    flags: &[(u16, &str, &str)],
) {
    for (attr, key, text) in flags {
        if let Some(value) = tb.u8(*attr) {
            if p.is_json() {
                p.boolean(Kind::Json, Some(key), "", value != 0);
            } else {
                if value == 0 {
                    p.text("no");
                }
                p.text(text);
            }
        }
    }
}

/// C's `%#llx`: `0x` before non-zero values only.
pub(crate) fn alt_hex(value: u64) -> String {
    if value == 0 {
        "0".to_string()
    } else {
        format!("{value:#x}")
    }
}

/// ip's `print_0xhex`: `%#llx` in text and a JSON string.
pub(crate) fn hex0x(p: &mut Printer, kind: Kind, key: &str, format: &str, value: u64) {
    p.string(kind, Some(key), format, alt_hex(value));
}

/// A bridge timer in jiffies (USER_HZ) as ip's `_print_timer` shows it:
/// `name %4i.%.2i ` in text, a bare `%i.%.2i` number in JSON.
pub(crate) fn timer(p: &mut Printer, key: &str, jiffies: u64) {
    let centis = jiffies.wrapping_mul(10_000) / 10_000;
    let seconds = (centis / 100) as i32;
    let hundredths = (centis % 100) as i32;
    if p.is_json() {
        p.number(
            Kind::Json,
            Some(key),
            "",
            &format!("{seconds}.{hundredths:02}"),
        );
    } else {
        p.text(format!("{key} {seconds:4}.{hundredths:02} "));
    }
}

/// ll_proto_n2a: an ethertype (read in network order) by name, `[N]` when
/// unknown or with `-N`.
pub(crate) fn ethertype(value: u16, numeric: bool) -> String {
    crate::model::names::ll_proto_name(value, numeric)
}

/// glibc's `ether_ntoa`: hex bytes without zero padding (`2:0:0:0:0:b0`).
pub(crate) fn ether_ntoa(addr: &[u8]) -> String {
    addr.iter()
        .map(|b| format!("{b:x}"))
        .collect::<Vec<_>>()
        .join(":")
}

/// A link-layer address as ip's `ll_addr_n2a` prints an Ethernet one.
pub(crate) fn mac(addr: &[u8]) -> String {
    crate::model::names::link_address(addr, 1)
}

/// ip's `ll_index_to_name`: the device's name in this namespace, `*` for
/// index 0, `if<N>` when there is none.
pub(crate) fn index_name(index: u32) -> Vec<u8> {
    if index == 0 {
        return b"*".to_vec();
    }
    let mut buf = [0u8; nix::libc::IF_NAMESIZE];
    // SAFETY: buf holds IF_NAMESIZE bytes as if_indextoname requires.
    let found = unsafe { nix::libc::if_indextoname(index, buf.as_mut_ptr().cast()) };
    if found.is_null() {
        format!("if{index}").into_bytes()
    } else {
        crate::kernel::attrs::cstr(&buf).to_vec()
    }
}

/// Test support: the text and JSON a printer produces for a payload.
#[cfg(test)]
pub(crate) mod testing {
    use crate::grammar::options::Options;
    use crate::objects::link::kinds::KindPrinter;
    use crate::objects::link::print::LinkStyle;
    use crate::output::Printer;

    /// Runs `printer` on `data` (inside an `info_data` object for JSON)
    /// and returns what it wrote.
    pub(crate) fn render(printer: KindPrinter, data: &[u8], json: bool) -> String {
        let mut options = Options::default();
        if json {
            options.json = 1;
        }
        let (mut p, buffer) = Printer::capture(&options);
        p.begin_list();
        p.open_object(None);
        p.open_object(Some("info_data"));
        printer(&mut p, data, &LinkStyle::default());
        p.close_object();
        p.close_object();
        p.end_list();
        p.flush();
        drop(p);
        let bytes = buffer.lock().unwrap().clone();
        String::from_utf8(bytes).unwrap()
    }

    /// Whether iproute2 6.1's ip is here to compare with. Without it the
    /// comparisons are skipped with a message, except as root (CI), where a
    /// missing or different oracle is a failure: a test that compares with
    /// nothing must not pass.
    pub(crate) fn oracle_present() -> bool {
        static PRESENT: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
        *PRESENT.get_or_init(check_oracle)
    }

    fn check_oracle() -> bool {
        let version = std::process::Command::new("/usr/sbin/ip")
            .arg("-V")
            .output()
            .map(|out| String::from_utf8_lossy(&out.stdout).into_owned())
            .unwrap_or_default();
        if version.contains("iproute2-6.1.0") {
            return true;
        }
        // SAFETY: geteuid only reads the process's credentials.
        let root = unsafe { nix::libc::geteuid() } == 0;
        assert!(
            !root,
            "/usr/sbin/ip is not iproute2 6.1.0 (it says {version:?}): nothing to compare with"
        );
        eprintln!("iproute2 6.1's ip is not installed here: nothing to compare with");
        false
    }

    /// What ip 6.1 itself prints for `kind` with `data`, when it is
    /// installed: `ip -d monitor file F` replays a crafted RTM_NEWLINK
    /// through ip's own print_linkinfo, touching no network state. The
    /// result is the text after `    KIND ` up to the end of the record.
    /// `xstats` puts `data` in IFLA_INFO_XSTATS (and adds `-s`) instead.
    pub(crate) fn oracle(kind: &str, data: &[u8], xstats: bool) -> Option<String> {
        const IP: &str = "/usr/sbin/ip";
        if !oracle_present() {
            return None;
        }
        let (kind_attr, data_attr, shown) = match kind.strip_suffix("_slave") {
            Some(master) => (4u16, 5u16, master),
            None => (1, if xstats { 3 } else { 2 }, kind),
        };
        let mut kind_name = shown.as_bytes().to_vec();
        kind_name.push(0);
        let linkinfo = attrs(&[(kind_attr, &kind_name), (data_attr, data)]);
        let mut ifinfo = vec![0u8, 0];
        ifinfo.extend_from_slice(&1u16.to_ne_bytes());
        // An index no host has, so no lookup can find a real device.
        ifinfo.extend_from_slice(&987_654i32.to_ne_bytes());
        ifinfo.extend_from_slice(&[0; 8]);
        let message = crate::kernel::attrs::Request::new(16, 0)
            .fixed(&ifinfo)
            .attr_str(3, b"kd0")
            .attr(18, &linkinfo)
            .finish(0);
        static COUNTER: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let path = std::env::temp_dir().join(format!(
            "rnet-kind-oracle-{}-{}.bin",
            std::process::id(),
            COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
        ));
        std::fs::write(&path, &message).ok()?;
        let mut command = std::process::Command::new(IP);
        command.arg("-d");
        if xstats {
            command.arg("-s");
        }
        let output = command.arg("monitor").arg("file").arg(&path).output();
        let _ = std::fs::remove_file(&path);
        let stdout = String::from_utf8(output.ok()?.stdout).ok()?;
        let marker = format!("\n    {kind} ");
        let start = stdout.find(&marker)? + marker.len();
        Some(stdout[start..].trim_end_matches('\n').to_string())
    }

    use super::support_shim::linkinfo_shim as shim;

    /// The JSON object following `"key":` in `json` (strings skipped).
    pub(crate) fn object_after(json: &str, key: &str) -> Option<String> {
        let start = json.find(&format!("\"{key}\":"))? + key.len() + 3;
        let bytes = json.as_bytes();
        let (mut depth, mut in_string, mut escaped) = (0, false, false);
        for (i, &b) in bytes.iter().enumerate().skip(start) {
            if in_string {
                match (escaped, b) {
                    (true, _) => escaped = false,
                    (false, b'\\') => escaped = true,
                    (false, b'"') => in_string = false,
                    _ => {}
                }
                continue;
            }
            match b {
                b'"' => in_string = true,
                b'{' => depth += 1,
                b'}' => {
                    depth -= 1;
                    if depth == 0 {
                        return Some(json[start..=i].to_string());
                    }
                }
                _ => {}
            }
        }
        None
    }

    /// ip 6.1's JSON object for `kind` with `data` (`info_data`,
    /// `info_slave_data` or, with `xstats`, `info_xstats`): the shim makes
    /// the kernel's answer about lo carry this IFLA_LINKINFO, and
    /// `ip -j -d link show lo` prints it. Only reads from the kernel.
    pub(crate) fn json_oracle(kind: &str, data: &[u8], xstats: bool) -> Option<String> {
        const IP: &str = "/usr/sbin/ip";
        if !oracle_present() {
            return None;
        }
        let Some(shim) = shim() else {
            // SAFETY: geteuid only reads the process's credentials.
            assert!(
                unsafe { nix::libc::geteuid() } != 0,
                "no C compiler to build the link-info shim"
            );
            return None;
        };
        let (kind_attr, data_attr, shown, key) = match kind.strip_suffix("_slave") {
            Some(master) => (4u16, 5u16, master, "info_slave_data"),
            None if xstats => (1, 3, kind, "info_xstats"),
            None => (1, 2, kind, "info_data"),
        };
        let mut kind_name = shown.as_bytes().to_vec();
        kind_name.push(0);
        let linkinfo = attrs(&[(18, &attrs(&[(kind_attr, &kind_name), (data_attr, data)]))]);
        static COUNTER: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let path = std::env::temp_dir().join(format!(
            "rnet-kind-linkinfo-{}-{}.bin",
            std::process::id(),
            COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
        ));
        std::fs::write(&path, &linkinfo).ok()?;
        let mut command = std::process::Command::new(IP);
        command.env("LD_PRELOAD", shim).env("KD_LINKINFO", &path);
        command.args(["-j", "-d"]);
        if xstats {
            command.arg("-s");
        }
        let output = command.args(["link", "show", "lo"]).output();
        let _ = std::fs::remove_file(&path);
        let stdout = String::from_utf8(output.ok()?.stdout).ok()?;
        object_after(&stdout, key)
    }

    /// Our JSON object for the same, as [`json_oracle`] extracts ip's.
    fn json_ours(printer: KindPrinter, data: &[u8]) -> String {
        object_after(&render(printer, data, true), "info_data").expect("an info_data object")
    }

    /// The text form of `printer` on `data`, checked against ip itself
    /// (see [`oracle`]) where ip is installed.
    pub(crate) fn text(kind: &str, printer: KindPrinter, data: &[u8]) -> String {
        let ours = render(printer, data, false);
        if let Some(theirs) = oracle(kind, data, false) {
            assert_eq!(ours, theirs, "{kind}: rnet and ip 6.1 disagree");
        }
        if let Some(theirs) = json_oracle(kind, data, false) {
            assert_eq!(
                json_ours(printer, data),
                theirs,
                "{kind}: rnet and ip 6.1 disagree on JSON"
            );
        }
        ours
    }

    /// [`text`] for an extra statistics printer.
    pub(crate) fn xstats_text(kind: &str, printer: KindPrinter, data: &[u8]) -> String {
        let ours = render(printer, data, false);
        if let Some(theirs) = oracle(kind, data, true) {
            assert_eq!(ours, theirs, "{kind} xstats: rnet and ip 6.1 disagree");
        }
        if let Some(theirs) = json_oracle(kind, data, true) {
            assert_eq!(
                json_ours(printer, data),
                theirs,
                "{kind} xstats: rnet and ip 6.1 disagree on JSON"
            );
        }
        ours
    }

    /// Attributes laid out as the kernel sends them.
    pub(crate) fn attrs(list: &[(u16, &[u8])]) -> Vec<u8> {
        let mut buf = Vec::new();
        for (kind, payload) in list {
            buf.extend_from_slice(&((4 + payload.len()) as u16).to_ne_bytes());
            buf.extend_from_slice(&kind.to_ne_bytes());
            buf.extend_from_slice(payload);
            buf.resize(crate::kernel::attrs::align4(buf.len()), 0);
        }
        buf
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn helpers_match_c_formats() {
        assert_eq!(alt_hex(0), "0");
        assert_eq!(alt_hex(0x8001), "0x8001");
        assert_eq!(ethertype(0x8100, false), "802.1Q");
        assert_eq!(ethertype(0x88a8, false), "802.1ad");
        assert_eq!(ethertype(0x8100, true), "[33024]");
        assert_eq!(ethertype(0x1234, false), "[4660]");
        assert_eq!(ether_ntoa(&[2, 0, 0, 0, 0, 0xb0]), "2:0:0:0:0:b0");
    }
}
