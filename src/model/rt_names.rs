//! Routing names ↔ numbers, as iproute2's lib/rt_names.c and ip/rtm_map.c
//! give them: routing tables, DS fields, route protocols, realms, route
//! types and IP protocols.
//!
//! The tables are read from `/etc/iproute2` the way ip reads them, including
//! ip's laziness: a table with built-in names (protocols, realms) is only
//! read from its file when a name is missing or a name is looked up, so the
//! built-in `unknown` for realm 0 wins over the file's `cosmos` unless the
//! file was read before, exactly as with ip. Numbers are parsed with C's
//! `strtoul` rules (base 0 or 16, sign, leading blanks).

use std::sync::Mutex;

/// Route scopes (`rt_scopes`) are read with the address scopes, where
/// `ip address` needed them first; routes name them from here too.
pub use super::address::{scope_name, scope_number};

const CONFDIR: &str = "/etc/iproute2";

/// C's `strtoul(word, &end, radix)` over the whole word (radix 0, 10 or 16).
/// `None` for no digits, trailing garbage or overflow (ERANGE); a leading
/// minus negates in unsigned arithmetic, as C does.
pub fn strtoul(word: &str, radix: u32) -> Option<u64> {
    let text = word.trim_start_matches([' ', '\t', '\n', '\r', '\x0b', '\x0c']);
    let (negative, body) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    let hex_body = body
        .strip_prefix("0x")
        .or_else(|| body.strip_prefix("0X"))
        .filter(|rest| rest.starts_with(|c: char| c.is_ascii_hexdigit()));
    let (radix, digits) = match (radix, hex_body) {
        (0 | 16, Some(hex)) => (16, hex),
        (0, None) if body.len() > 1 && body.starts_with('0') => (8, &body[1..]),
        (0, None) => (10, body),
        (radix, _) => (radix, body),
    };
    if digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) {
        return None;
    }
    let magnitude = u64::from_str_radix(digits, radix).ok()?;
    Some(if negative {
        magnitude.wrapping_neg()
    } else {
        magnitude
    })
}

/// iproute2's `get_u32(&val, word, 0)`.
pub fn get_u32(word: &str) -> Option<u32> {
    strtoul(word, 0).and_then(|v| u32::try_from(v).ok())
}

/// iproute2's `get_u64(&val, word, 0)`.
pub fn get_u64(word: &str) -> Option<u64> {
    strtoul(word, 0)
}

/// iproute2's `get_u8(&val, word, 10)`.
fn get_u8_decimal(word: &str) -> Option<u8> {
    strtoul(word, 10).and_then(|v| u8::try_from(v).ok())
}

/// What one line of an `/etc/iproute2` file holds.
#[derive(Debug, PartialEq, Eq)]
enum Line {
    Skip,
    Entry(i64, String),
    /// Neither form matched: ip reports the rest of the line and stops
    /// reading the file.
    Corrupted(String),
}

fn is_c_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0b' | '\x0c')
}

/// sscanf's `%x`/`%d` then ` %s`: a number in `radix`, blanks, a word.
fn scan_entry(text: &str, radix: u32) -> Option<(i64, String)> {
    let text = text.trim_start_matches(is_c_space);
    let (negative, mut body) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    if radix == 16 {
        if let Some(rest) = body
            .strip_prefix("0x")
            .or_else(|| body.strip_prefix("0X"))
            .filter(|rest| rest.starts_with(|c: char| c.is_ascii_hexdigit()))
        {
            body = rest;
        }
    }
    let end = body
        .find(|c: char| !c.is_digit(radix))
        .unwrap_or(body.len());
    if end == 0 {
        return None;
    }
    let magnitude = u64::from_str_radix(&body[..end], radix).unwrap_or(u64::MAX);
    // Both conversions store into an int.
    let value = if negative {
        (magnitude as u32).wrapping_neg() as i32
    } else {
        magnitude as u32 as i32
    };
    let rest = body[end..].trim_start_matches(is_c_space);
    let name_end = rest.find(is_c_space).unwrap_or(rest.len());
    if name_end == 0 {
        return None;
    }
    Some((value.into(), rest[..name_end].to_string()))
}

/// One line (with its newline) as ip's fread_id_name reads it: `0x%x %s`
/// first, then `%d %s`.
fn parse_line(line: &str) -> Line {
    let line = line.trim_start_matches([' ', '\t']);
    if line.starts_with(['#', '\n']) || line.is_empty() {
        return Line::Skip;
    }
    let entry = line
        .strip_prefix("0x")
        .and_then(|rest| scan_entry(rest, 16))
        .or_else(|| scan_entry(line, 10));
    match entry {
        Some((id, name)) => Line::Entry(id, name),
        None => Line::Corrupted(line.to_string()),
    }
}

fn read_entries(path: &str) -> Vec<(i64, String)> {
    let Ok(text) = std::fs::read(path) else {
        return Vec::new();
    };
    let text = String::from_utf8_lossy(&text);
    let mut entries = Vec::new();
    for line in text.split_inclusive('\n') {
        match parse_line(line) {
            Line::Skip => {}
            Line::Entry(id, name) => entries.push((id, name)),
            Line::Corrupted(rest) => {
                crate::error::warn(crate::error::Warning::DatabaseCorrupted {
                    path: path.to_string(),
                    rest,
                });
                break;
            }
        }
    }
    entries
}

/// `DIR/*.conf` in directory order (ip reads them with readdir).
fn conf_files(dir: &str) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter_map(|entry| entry.file_name().into_string().ok())
        .filter(|name| !name.starts_with('.') && name.len() > 5 && name.ends_with(".conf"))
        .map(|name| format!("{dir}/{name}"))
        .collect()
}

/// A 256-slot table (ip's `rtnl_tab_initialize` tables).
struct Tab {
    names: Vec<Option<String>>,
    loaded: bool,
}

impl Tab {
    fn new(builtin: &[(usize, &str)]) -> Self {
        let mut names = vec![None; 256];
        for (id, name) in builtin {
            names[*id] = Some(name.to_string());
        }
        Tab {
            names,
            loaded: false,
        }
    }

    fn load(&mut self, files: &[String]) {
        if self.loaded {
            return;
        }
        self.loaded = true;
        for file in files {
            for (id, name) in read_entries(file) {
                if (0..256).contains(&id) {
                    self.names[id as usize] = Some(name);
                }
            }
        }
    }

    /// The name of `id`; the files are read only when no name is known yet.
    fn name(&mut self, id: u32, files: impl FnOnce() -> Vec<String>) -> Option<String> {
        let slot = id as usize;
        if slot >= 256 {
            return None;
        }
        if self.names[slot].is_none() {
            self.load(&files());
        }
        self.names[slot].clone()
    }

    fn number(&mut self, word: &str, files: impl FnOnce() -> Vec<String>) -> Option<u32> {
        self.load(&files());
        self.names
            .iter()
            .position(|name| name.as_deref() == Some(word))
            .map(|id| id as u32)
    }
}

fn with_tab<T>(
    cell: &Mutex<Option<Tab>>,
    builtin: &[(usize, &str)],
    f: impl FnOnce(&mut Tab) -> T,
) -> T {
    let mut guard = cell.lock().unwrap_or_else(|poison| poison.into_inner());
    f(guard.get_or_insert_with(|| Tab::new(builtin)))
}

static PROTOCOLS: Mutex<Option<Tab>> = Mutex::new(None);
static REALMS: Mutex<Option<Tab>> = Mutex::new(None);
static DSFIELDS: Mutex<Option<Tab>> = Mutex::new(None);

const BUILTIN_PROTOCOLS: &[(usize, &str)] = &[
    (0, "unspec"),
    (1, "redirect"),
    (2, "kernel"),
    (3, "boot"),
    (4, "static"),
    (8, "gated"),
    (9, "ra"),
    (10, "mrt"),
    (11, "zebra"),
    (12, "bird"),
    (42, "babel"),
    (13, "dnrouted"),
    (14, "xorp"),
    (15, "ntk"),
    (16, "dhcp"),
    (18, "keepalived"),
    (186, "bgp"),
    (187, "isis"),
    (188, "ospf"),
    (189, "rip"),
    (192, "eigrp"),
];

fn protocol_files() -> Vec<String> {
    let mut files = vec![format!("{CONFDIR}/rt_protos")];
    files.extend(conf_files(&format!("{CONFDIR}/rt_protos.d")));
    files
}

/// ip's `rtnl_rtprot_n2a`.
pub fn protocol_name(id: u8, numeric: bool) -> String {
    if numeric {
        return id.to_string();
    }
    with_tab(&PROTOCOLS, BUILTIN_PROTOCOLS, |tab| {
        tab.name(id.into(), protocol_files)
    })
    .unwrap_or_else(|| id.to_string())
}

/// ip's `rtnl_rtprot_a2n`: a name, or a number up to 255.
pub fn protocol_number(word: &str) -> Option<u8> {
    with_tab(&PROTOCOLS, BUILTIN_PROTOCOLS, |tab| {
        tab.number(word, protocol_files)
    })
    .map(|id| id as u8)
    .or_else(|| strtoul(word, 0).and_then(|v| u8::try_from(v).ok()))
}

fn realm_files() -> Vec<String> {
    vec![format!("{CONFDIR}/rt_realms")]
}

/// ip's `rtnl_rtrealm_n2a`.
pub fn realm_name(id: u32, numeric: bool) -> String {
    if numeric || id >= 256 {
        return (id as i32).to_string();
    }
    with_tab(&REALMS, &[(0, "unknown")], |tab| tab.name(id, realm_files))
        .unwrap_or_else(|| id.to_string())
}

/// ip's `rtnl_rtrealm_a2n`.
fn realm_number(word: &str) -> Option<u32> {
    with_tab(&REALMS, &[(0, "unknown")], |tab| {
        tab.number(word, realm_files)
    })
    .or_else(|| strtoul(word, 0).filter(|v| *v <= 255).map(|v| v as u32))
}

/// ip's `get_rt_realms_or_raw`: `[FROM/]TO` realms (FROM in the upper 16
/// bits), else a raw 32-bit number.
pub fn realms(word: &str) -> Option<u32> {
    let by_name = || -> Option<u32> {
        let (from, to) = match word.split_once('/') {
            Some((from, to)) => (realm_number(from)? << 16, to),
            None => (0, word),
        };
        let to = if to.is_empty() { 0 } else { realm_number(to)? };
        Some(from | to)
    };
    by_name().or_else(|| crate::words::get_unsigned(word))
}

fn dsfield_files() -> Vec<String> {
    vec![format!("{CONFDIR}/rt_dsfield")]
}

/// ip's `rtnl_dsfield_n2a`: a name, or `0x%02x`.
pub fn dsfield_name(id: u8, numeric: bool) -> String {
    if !numeric {
        if let Some(name) = with_tab(&DSFIELDS, &[(0, "0")], |tab| {
            tab.name(id.into(), dsfield_files)
        }) {
            return name;
        }
    }
    format!("0x{id:02x}")
}

/// ip's `rtnl_dsfield_a2n`: a name, or a hexadecimal number up to 0xff.
pub fn dsfield_number(word: &str) -> Option<u8> {
    with_tab(&DSFIELDS, &[(0, "0")], |tab| {
        tab.number(word, dsfield_files)
    })
    .map(|id| id as u8)
    .or_else(|| strtoul(word, 16).and_then(|v| u8::try_from(v).ok()))
}

/// The routing-table names, in ip's hash order: built-ins first, then
/// each file's entries; later entries shadow earlier ones.
fn tables() -> &'static [(u32, String)] {
    static TABLES: std::sync::OnceLock<Vec<(u32, String)>> = std::sync::OnceLock::new();
    TABLES.get_or_init(|| {
        let mut table = vec![
            (253, "default".to_string()),
            (254, "main".to_string()),
            (255, "local".to_string()),
        ];
        let mut files = vec![format!("{CONFDIR}/rt_tables")];
        files.extend(conf_files(&format!("{CONFDIR}/rt_tables.d")));
        for file in files {
            table.extend(
                read_entries(&file)
                    .into_iter()
                    .filter(|(id, _)| *id >= 0)
                    .map(|(id, name)| (id as u32, name)),
            );
        }
        table
    })
}

/// ip's `rtnl_rttable_n2a`.
pub fn table_name(id: u32, numeric: bool) -> String {
    if !numeric {
        if let Some((_, name)) = tables().iter().rev().find(|(number, _)| *number == id) {
            return name.clone();
        }
    }
    id.to_string()
}

/// ip's `rtnl_rttable_a2n`: a name (searched bucket by bucket, as ip's
/// hash is), or a number.
pub fn table_number(word: &str) -> Option<u32> {
    let table = tables();
    for bucket in 0..256u32 {
        if let Some((id, _)) = table
            .iter()
            .rev()
            .find(|(id, name)| id & 255 == bucket && name == word)
        {
            return Some(*id);
        }
    }
    get_u32(word)
}

/// ip's `rtnl_rtntype_n2a`.
pub fn route_type_name(id: u8, numeric: bool) -> String {
    let name = match id {
        _ if numeric => return id.to_string(),
        0 => "none",
        1 => "unicast",
        2 => "local",
        3 => "broadcast",
        4 => "anycast",
        5 => "multicast",
        6 => "blackhole",
        7 => "unreachable",
        8 => "prohibit",
        9 => "throw",
        10 => "nat",
        11 => "xresolve",
        _ => return id.to_string(),
    };
    name.to_string()
}

/// ip's `rtnl_rtntype_a2n` (some names exact, some prefixes, in ip's order).
pub fn route_type_number(word: &str) -> Option<u8> {
    use crate::words::matches;
    let id = if word == "local" {
        2
    } else if word == "nat" {
        10
    } else if matches(word, "broadcast") || word == "brd" {
        3
    } else if matches(word, "anycast") {
        4
    } else if matches(word, "multicast") {
        5
    } else if matches(word, "prohibit") {
        8
    } else if matches(word, "unreachable") {
        7
    } else if matches(word, "blackhole") {
        6
    } else if matches(word, "xresolve") {
        11
    } else if matches(word, "unicast") {
        1
    } else if word == "throw" {
        9
    } else {
        return strtoul(word, 0).and_then(|v| u8::try_from(v).ok());
    };
    Some(id)
}

/// ip's `inet_proto_n2a`: the name in /etc/protocols, or `ipproto-N`.
pub fn ip_protocol_name(id: u8, numeric: bool) -> String {
    if !numeric {
        // SAFETY: getprotobynumber returns a pointer into static storage (or
        // NULL); the name is copied out before any other call.
        let name = unsafe {
            let entry = nix::libc::getprotobynumber(id.into());
            (!entry.is_null()).then(|| {
                std::ffi::CStr::from_ptr((*entry).p_name)
                    .to_string_lossy()
                    .into_owned()
            })
        };
        if let Some(name) = name {
            return name;
        }
    }
    format!("ipproto-{id}")
}

/// ip's `inet_proto_a2n`: a decimal number up to 255, or a name in
/// /etc/protocols.
pub fn ip_protocol_number(word: &str) -> Option<u8> {
    if let Some(id) = get_u8_decimal(word) {
        return Some(id);
    }
    let name = std::ffi::CString::new(word).ok()?;
    // SAFETY: getprotobyname reads a NUL-terminated string we own and
    // returns static storage (or NULL), read at once.
    unsafe {
        let entry = nix::libc::getprotobyname(name.as_ptr());
        (!entry.is_null()).then(|| (*entry).p_proto as u8)
    }
}

/// ip's `rtnl_group_n2a` (a number prints signed, as ip's `%d`).
pub fn group_name(id: u32, numeric: bool) -> String {
    let name = super::names::group_name(id, numeric);
    if name == id.to_string() {
        (id as i32).to_string()
    } else {
        name
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strtoul_follows_c() {
        assert_eq!(strtoul("0x10", 16), Some(16));
        assert_eq!(strtoul("10", 16), Some(16));
        assert_eq!(strtoul("10", 0), Some(10));
        assert_eq!(strtoul("010", 0), Some(8));
        assert_eq!(strtoul("-1", 0), Some(u64::MAX));
        assert_eq!(strtoul("0x", 16), None);
        assert_eq!(strtoul("", 0), None);
        assert_eq!(strtoul("1a", 10), None);
        assert_eq!(get_u32("4294967296"), None);
        assert_eq!(get_u32("-1"), None);
    }

    #[test]
    fn lines_follow_fread_id_name() {
        let entry = |id, name: &str| Line::Entry(id, name.to_string());
        assert_eq!(parse_line("255\tlocal\n"), entry(255, "local"));
        assert_eq!(parse_line("  0x28 AF11 # x\n"), entry(0x28, "AF11"));
        assert_eq!(parse_line("100abc def\n"), entry(100, "abc"));
        assert_eq!(parse_line("-1 neg\n"), entry(-1, "neg"));
        assert_eq!(parse_line("# comment\n"), Line::Skip);
        assert_eq!(parse_line("\n"), Line::Skip);
        assert_eq!(parse_line("   \n"), Line::Skip);
        assert_eq!(
            parse_line("foo bar\n"),
            Line::Corrupted("foo bar\n".to_string())
        );
        assert_eq!(parse_line("7\n"), Line::Corrupted("7\n".to_string()));
    }

    #[test]
    fn built_in_names() {
        assert_eq!(table_name(254, false), "main");
        assert_eq!(table_name(254, true), "254");
        assert_eq!(table_name(100, false), "100");
        assert_eq!(table_number("local"), Some(255));
        assert_eq!(table_number("0x10"), Some(16));
        assert_eq!(table_number("bogus"), None);
        assert_eq!(route_type_number("unr"), Some(7));
        assert_eq!(route_type_number("local"), Some(2));
        assert_eq!(route_type_number("loc"), None);
        assert_eq!(route_type_name(6, false), "blackhole");
        assert_eq!(protocol_name(4, false), "static");
        assert_eq!(protocol_name(77, false), "77");
        assert_eq!(protocol_number("kernel"), Some(2));
        assert_eq!(protocol_number("300"), None);
        assert_eq!(dsfield_name(0x10, false), "0x10");
        assert_eq!(dsfield_name(0x10, true), "0x10");
        assert_eq!(dsfield_number("0x10"), Some(16));
        assert_eq!(dsfield_number("ff"), Some(255));
        assert_eq!(dsfield_number("100"), None);
        assert_eq!(ip_protocol_number("17"), Some(17));
        assert_eq!(realms("3/4"), Some(3 << 16 | 4));
        assert_eq!(realms("5"), Some(5));
    }
}
