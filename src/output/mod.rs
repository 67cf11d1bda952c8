//! The printing layer: one set of calls emits both ip's text and ip's JSON.
//!
//! Like iproute2's json_print.c, every field is printed once with a kind
//! ([`Kind::Any`]: both forms, [`Kind::Text`]: text only, [`Kind::Json`]: JSON
//! only), a JSON key and a text format. The format holds `{}` where the value
//! goes, so `p.int(Kind::Any, "id", " (id: {})", 5)` prints ` (id: 5)` in text
//! and `"id":5` in JSON. Objects never format their own JSON, so the two
//! forms cannot disagree. stdout is block-buffered (as ip's is into a pipe)
//! and flushed before anything that hands the terminal to another process.
//!
//! Only what several objects share lives here: the [`Printer`], the
//! [`PrintMessage`] signature and the [`Names`] it is given, ip's number
//! formats, `-table` and the prefix events `monitor` prints. Each object's
//! printer, its `PrintMessage` included, is its folder's `print.rs`
//! (`objects/route/print.rs`), which the registry names.

pub mod json;
pub mod prefix;
pub mod table;

#[cfg(test)]
mod hostile_tests;

use std::io::{BufWriter, Write};

use json::JsonWriter;

use crate::grammar::options::{ColorMode, Options};

/// ip's guess from COLORFGBG: a last field of 0-6 or 8 means dark.
fn dark_background() -> bool {
    std::env::var("COLORFGBG").is_ok_and(|value| {
        value
            .rsplit_once(';')
            .is_some_and(|(_, last)| matches!(last.as_bytes(), [b'0'..=b'6'] | [b'8']))
    })
}

/// File descriptor 1 without std's line buffering (which would cost a
/// system call per line on large dumps).
#[derive(Default)]
pub struct RawStdout {
    /// Unit tests collect the output here instead of writing it out.
    #[cfg(test)]
    capture: Option<std::sync::Arc<std::sync::Mutex<Vec<u8>>>>,
}

impl Write for RawStdout {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        #[cfg(test)]
        if let Some(capture) = &self.capture {
            capture.lock().expect("capture lock").extend_from_slice(buf);
            return Ok(buf.len());
        }
        loop {
            // SAFETY: writing from a valid slice to a descriptor we do not own
            // or close.
            let written = unsafe { nix::libc::write(1, buf.as_ptr().cast(), buf.len()) };
            if written >= 0 {
                return Ok(written as usize);
            }
            let err = std::io::Error::last_os_error();
            if err.kind() != std::io::ErrorKind::Interrupted {
                return Err(err);
            }
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// `format` split around its `{}`. A byte scan: this runs for every field
/// of every record, and a general substring search costs more than the
/// printing around it.
fn split_placeholder(format: &str) -> Option<(&str, &str)> {
    let bytes = format.as_bytes();
    let at = bytes.windows(2).position(|pair| pair == b"{}")?;
    Some((&format[..at], &format[at + 2..]))
}

/// `value` in decimal, written into `buf` without allocating.
fn decimal(value: i128, buf: &mut [u8; 40]) -> &[u8] {
    // 10^19: the largest power of ten below 2^64. Digits are written in
    // chunks of 19 with 64-bit arithmetic, because 128-bit division is slow
    // and every value ip prints fits in one chunk.
    const CHUNK: u128 = 10_000_000_000_000_000_000;
    let mut at = buf.len();
    let mut rest = value.unsigned_abs();
    loop {
        let (high, low) = match u64::try_from(rest) {
            Ok(small) if u128::from(small) < CHUNK => (0, small),
            _ => (rest / CHUNK, (rest % CHUNK) as u64),
        };
        let mut chunk = low;
        let mut written = 0;
        // A lower chunk keeps its leading zeros (19 digits); the top one not.
        while written == 0 || chunk != 0 || (high != 0 && written < 19) {
            at -= 1;
            buf[at] = b'0' + (chunk % 10) as u8;
            chunk /= 10;
            written += 1;
        }
        if high == 0 {
            break;
        }
        rest = high;
    }
    if value < 0 {
        at -= 1;
        buf[at] = b'-';
    }
    &buf[at..]
}

/// Which output forms a field appears in (ip's PRINT_ANY/PRINT_FP/PRINT_JSON).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Any,
    Text,
    Json,
}

/// What a colored field is, which picks its color (lib/color.c).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Color {
    Ifname,
    Mac,
    Inet,
    Inet6,
    OperUp,
    OperDown,
}

impl Color {
    fn code(self, dark_background: bool) -> &'static str {
        match (self, dark_background) {
            (Color::Ifname, false) => "\x1b[36m",
            (Color::Mac, false) => "\x1b[33m",
            (Color::Inet, false) => "\x1b[35m",
            (Color::Inet6, false) => "\x1b[34m",
            (Color::OperUp, false) => "\x1b[32m",
            (Color::OperDown, false) => "\x1b[31m",
            (Color::Ifname, true) => "\x1b[1;36m",
            (Color::Mac, true) => "\x1b[1;33m",
            (Color::Inet, true) => "\x1b[1;35m",
            (Color::Inet6, true) => "\x1b[1;34m",
            (Color::OperUp, true) => "\x1b[1;32m",
            (Color::OperDown, true) => "\x1b[1;31m",
        }
    }
}

const COLOR_RESET: &str = "\x1b[0m";

pub struct Printer {
    out: BufWriter<RawStdout>,
    json_enabled: bool,
    pretty: bool,
    json: Option<JsonWriter>,
    /// `Some(dark_background)` when colors are on.
    colors: Option<bool>,
    /// `-oneline`: record-internal newlines become a backslash.
    oneline: bool,
    /// [`Printer::merge_next_object`]: the next unnamed object's braces
    /// are left out (`Some(0)` armed, then the depth inside it plus one).
    merging: Option<usize>,
}

impl Printer {
    /// A printer on stdout for the given global options.
    pub fn stdout(options: &Options) -> Self {
        let json = options.json > 0;
        let colors_wanted = match options.color {
            ColorMode::Never => false,
            ColorMode::Always => true,
            // SAFETY: isatty only inspects the descriptor.
            ColorMode::Auto => unsafe { nix::libc::isatty(1) == 1 },
        };
        Printer {
            out: BufWriter::with_capacity(64 * 1024, RawStdout::default()),
            json_enabled: json,
            pretty: options.pretty > 0,
            json: None,
            colors: (colors_wanted && !json).then(dark_background),
            oneline: options.oneline > 0,
            merging: None,
        }
    }

    /// A printer whose output lands in the returned buffer (unit tests).
    #[cfg(test)]
    pub fn capture(options: &Options) -> (Self, std::sync::Arc<std::sync::Mutex<Vec<u8>>>) {
        let buffer = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let mut printer = Printer::stdout(options);
        printer.out = BufWriter::new(RawStdout {
            capture: Some(buffer.clone()),
        });
        (printer, buffer)
    }

    /// Whether a JSON document is open (ip's `is_json_context()`).
    pub fn is_json(&self) -> bool {
        self.json.is_some()
    }

    /// Starts a JSON document with `open` when `-j` is on.
    fn begin_document(&mut self, open: fn(&mut JsonWriter, &mut BufWriter<RawStdout>)) {
        if self.json_enabled && self.json.is_none() {
            let mut writer = JsonWriter::new(self.pretty);
            open(&mut writer, &mut self.out);
            self.json = Some(writer);
        }
    }

    /// Ends the document with `close` and the final newline.
    fn end_document(&mut self, close: fn(&mut JsonWriter, &mut BufWriter<RawStdout>)) {
        if let Some(mut writer) = self.json.take() {
            close(&mut writer, &mut self.out);
            writer.finish(&mut self.out);
        }
    }

    /// Starts the top-level JSON array when `-j` is on (ip's `new_json_obj`).
    pub fn begin_list(&mut self) {
        self.begin_document(|w, out| w.start_array(out));
    }

    /// Closes the top-level array and ends the line (ip's `delete_json_obj`).
    pub fn end_list(&mut self) {
        self.end_document(|w, out| w.end_array(out));
    }

    /// Starts a JSON document that is one object rather than ip's array
    /// (rnet's `-json-all` answers of `netns identify` and `monitor`).
    pub fn begin_object_document(&mut self) {
        self.begin_document(|w, out| w.start_object(out));
    }

    /// The next unnamed object a printer opens is merged into the one
    /// open now (rnet's `-json-all monitor` adds its fields to a printer's
    /// object this way).
    pub fn merge_next_object(&mut self) {
        if self.json.is_some() {
            self.merging = Some(0);
        }
    }

    /// Closes the document `begin_object_document` opened, with its newline.
    pub fn end_object_document(&mut self) {
        self.merging = None;
        self.end_document(|w, out| w.end_object(out));
    }

    pub fn open_object(&mut self, key: Option<&str>) {
        match self.merging {
            Some(0) if key.is_none() => {
                self.merging = Some(1);
                return;
            }
            Some(depth) if depth > 0 => self.merging = Some(depth + 1),
            _ => {}
        }
        if let Some(writer) = self.json.as_mut() {
            if let Some(key) = key {
                writer.name(&mut self.out, key);
            }
            writer.start_object(&mut self.out);
        }
    }

    pub fn close_object(&mut self) {
        match self.merging {
            Some(1) => {
                self.merging = None;
                return;
            }
            Some(depth) if depth > 1 => self.merging = Some(depth - 1),
            _ => {}
        }
        if let Some(writer) = self.json.as_mut() {
            writer.end_object(&mut self.out);
        }
    }

    fn wants_text(&self, kind: Kind) -> bool {
        self.json.is_none() && kind != Kind::Json
    }

    fn wants_json(&self, kind: Kind) -> bool {
        self.json.is_some() && kind != Kind::Text
    }

    /// Text output of `format` with `value` in place of its `{}`.
    /// Like printf, a format without a conversion prints just itself.
    fn formatted(&mut self, format: &str, value: &[u8]) {
        match split_placeholder(format) {
            Some((before, after)) => {
                let _ = self.out.write_all(before.as_bytes());
                let _ = self.out.write_all(value);
                let _ = self.out.write_all(after.as_bytes());
            }
            None => {
                let _ = self.out.write_all(format.as_bytes());
            }
        }
    }

    fn json_value(
        &mut self,
        key: Option<&str>,
        emit: impl FnOnce(&mut JsonWriter, &mut BufWriter<RawStdout>),
    ) {
        if let Some(writer) = self.json.as_mut() {
            if let Some(key) = key {
                writer.name(&mut self.out, key);
            }
            emit(writer, &mut self.out);
        }
    }

    /// A string field. `value` is bytes because names from the kernel and
    /// the file system need not be UTF-8; ip prints them unchanged.
    pub fn string(&mut self, kind: Kind, key: Option<&str>, format: &str, value: impl AsRef<[u8]>) {
        let value = value.as_ref();
        if self.wants_json(kind) {
            self.json_value(key, |w, out| w.string(out, value));
        } else if self.wants_text(kind) {
            self.formatted(format, value);
        }
    }

    /// A string field in a color when colors are on (the whole formatted
    /// text, separators included, is colored, as ip does).
    pub fn color_string(
        &mut self,
        kind: Kind,
        color: Option<Color>,
        key: Option<&str>,
        format: &str,
        value: impl AsRef<[u8]>,
    ) {
        let painted = match (self.colors, color) {
            (Some(dark), Some(color)) if self.wants_text(kind) => Some(color.code(dark)),
            _ => None,
        };
        match painted {
            Some(code) => {
                let _ = self.out.write_all(code.as_bytes());
                self.formatted(format, value.as_ref());
                let _ = self.out.write_all(COLOR_RESET.as_bytes());
            }
            None => self.string(kind, key, format, value),
        }
    }

    /// A number printed in hex: `format` in text, a hex string in JSON.
    pub fn hex(&mut self, kind: Kind, key: Option<&str>, format: &str, value: u64) {
        let text = format!("{value:x}");
        if self.wants_json(kind) {
            self.json_value(key, |w, out| w.string(out, text.as_bytes()));
        } else if self.wants_text(kind) {
            self.formatted(format, text.as_bytes());
        }
    }

    /// Opens an array: JSON `"key": [`, or `text` in the text form.
    pub fn open_array(&mut self, kind: Kind, key: &str, text: &str) {
        if self.wants_json(kind) {
            self.json_value(Some(key), |w, out| w.start_array(out));
        } else if self.wants_text(kind) {
            let _ = self.out.write_all(text.as_bytes());
        }
    }

    pub fn close_array(&mut self, kind: Kind, text: &str) {
        if self.wants_json(kind) {
            if let Some(writer) = self.json.as_mut() {
                writer.end_array(&mut self.out);
            }
        } else if self.wants_text(kind) {
            let _ = self.out.write_all(text.as_bytes());
        }
    }

    /// JSON `null` (text prints nothing).
    pub fn null(&mut self, key: &str) {
        if self.json.is_some() {
            self.json_value(Some(key), |w, out| w.raw(out, "null"));
        }
    }

    /// ip's `print_nl()`: a line break inside a record, which `-oneline`
    /// turns into a backslash.
    pub fn nl(&mut self) {
        self.text(if self.oneline { "\\" } else { "\n" });
    }

    /// The record separator inside a record as a string (ip's `_SL_`).
    pub fn line_break(&self) -> &'static str {
        if self.oneline {
            "\\"
        } else {
            "\n"
        }
    }

    /// A signed or unsigned integer field.
    pub fn int(&mut self, kind: Kind, key: Option<&str>, format: &str, value: impl Into<i128>) {
        let mut digits = [0u8; 40];
        let number = decimal(value.into(), &mut digits);
        if self.wants_json(kind) {
            // Digits are ASCII.
            let text = std::str::from_utf8(number).unwrap_or_default();
            self.json_value(key, |w, out| w.raw(out, text));
        } else if self.wants_text(kind) {
            self.formatted(format, number);
        }
    }

    /// A number already formatted (ip's `jsonw_printf` of a number, e.g.
    /// the bridge timers' `0.00`): bare in JSON, `format` in text.
    pub fn number(&mut self, kind: Kind, key: Option<&str>, format: &str, number: &str) {
        if self.wants_json(kind) {
            self.json_value(key, |w, out| w.raw(out, number));
        } else if self.wants_text(kind) {
            self.formatted(format, number.as_bytes());
        }
    }

    /// A boolean field: JSON `true`/`false`; in text, `format` when true.
    pub fn boolean(&mut self, kind: Kind, key: Option<&str>, format: &str, value: bool) {
        if self.wants_json(kind) {
            self.json_value(key, |w, out| {
                w.raw(out, if value { "true" } else { "false" })
            });
        } else if self.wants_text(kind) && value {
            self.formatted(format, b"");
        }
    }

    /// Text that only the text form shows (separators, newlines).
    pub fn text(&mut self, text: impl AsRef<[u8]>) {
        if self.json.is_none() {
            let _ = self.out.write_all(text.as_ref());
        }
    }

    /// Bytes printed as they are, in every mode (ip's plain `printf`, used
    /// where ip prints text even under -j).
    pub fn raw(&mut self, bytes: impl AsRef<[u8]>) {
        let _ = self.out.write_all(bytes.as_ref());
    }

    /// Writes `bytes` to the descriptor at once, after what is buffered, and
    /// says whether it all went out (ip's plain `write()` of a dump magic).
    pub fn write_now(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        self.out.flush()?;
        self.out.get_mut().write_all(bytes)
    }

    /// Pushes buffered output to the file descriptor.
    pub fn flush(&mut self) {
        let _ = self.out.flush();
    }
}

impl Drop for Printer {
    fn drop(&mut self) {
        self.flush();
    }
}

/// A link as a printer may name it (ip's `ll_map` entry): its name, flags
/// (for `M-DOWN`) and hardware type (for neighbor addresses).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct KnownLink {
    pub name: Vec<u8>,
    pub flags: u32,
    pub link_type: u16,
}

/// What printers need that must be looked up before printing: link names
/// by index, namespace names by nsid, and the global display switches. A
/// printer given `Names` never asks the kernel, so `monitor` and the
/// listings share them.
#[derive(Debug, Clone, Default)]
pub(crate) struct Names {
    pub links: std::collections::HashMap<i32, KnownLink>,
    pub nsids: std::collections::HashMap<i32, Vec<u8>>,
    pub options: Options,
    /// A device selector is in force (`monitor dev D`): the printers that
    /// hide a selected device (route's `dev`, neighbor's) leave it out.
    pub device_selected: bool,
    /// Nexthop objects by id (RTM_NEWNEXTHOP payloads), for the `nh_info`
    /// that `-d` prints with a route naming one (ip's nexthop cache).
    pub nexthops: std::collections::HashMap<u32, Vec<u8>>,
}

impl Names {
    /// ip's `ll_index_to_name`: `*` for 0, `ifN` for an unknown index.
    pub fn link_name(&self, index: i32) -> Vec<u8> {
        match (index, self.links.get(&index)) {
            (0, _) => b"*".to_vec(),
            (_, Some(known)) => known.name.clone(),
            _ => format!("if{index}").into_bytes(),
        }
    }

    /// ip's `ll_index_to_type`: 0 for an unknown index.
    pub fn link_type(&self, index: i32) -> u16 {
        self.links.get(&index).map_or(0, |known| known.link_type)
    }
}

/// Every object's printer: one kernel message (its type and the payload
/// after the netlink header) printed as ip prints it. A message too short
/// or malformed for its object prints nothing (or ip's marker), never
/// panics.
pub(crate) type PrintMessage = fn(&mut Printer, msg_type: u16, payload: &[u8], names: &Names);

/// C's `printf("%g", value)`.
pub(crate) fn format_g(value: f64) -> String {
    let mut buf = [0 as nix::libc::c_char; 64];
    // SAFETY: the format takes one double, and snprintf writes at most
    // `buf.len()` bytes, NUL included.
    let written =
        unsafe { nix::libc::snprintf(buf.as_mut_ptr(), buf.len(), c"%g".as_ptr(), value) };
    if written < 0 {
        return String::new();
    }
    // SAFETY: snprintf NUL-terminated the buffer.
    unsafe { std::ffi::CStr::from_ptr(buf.as_ptr()) }
        .to_string_lossy()
        .into_owned()
}

/// ip's `print_num`: a counter in `width` columns, scaled with `human`
/// (`-h`) by powers of 1000, or of 1024 with `iec` (`-iec`).
pub(crate) fn print_num(width: usize, count: u64, human: bool, iec: bool) -> String {
    let base: u64 = if iec { 1024 } else { 1000 };
    if !human || count < base {
        let mut text = String::with_capacity(width.max(20) + 1);
        push_right(&mut text, &count.to_string(), width);
        text.push(' ');
        return text;
    }
    let prefixes = b"kMGTPE";
    let mut prefix = 0;
    let mut power: u64 = 1;
    loop {
        power = power.saturating_mul(base);
        if count / base < power || prefix + 1 >= prefixes.len() {
            break;
        }
        prefix += 1;
    }
    let mut precision = 2;
    let mut digits: u64 = 1;
    while precision > 0 {
        digits *= 10;
        if count / power < digits {
            break;
        }
        precision -= 1;
    }
    let text = format!(
        "{:.*}{}{}",
        precision,
        count as f64 / power as f64,
        prefixes[prefix] as char,
        if iec { "i" } else { "" }
    );
    format!("{text:>width$} ")
}

/// printf's `%*s`: `value` right-aligned in `width` columns.
pub(crate) fn push_right(text: &mut String, value: &str, width: usize) {
    for _ in value.len()..width {
        text.push(' ');
    }
    text.push_str(value);
}

/// ip's `print_null`: the text in text mode, `"key": null` in JSON.
pub(crate) fn null(p: &mut Printer, key: &str, text: &str) {
    if p.is_json() {
        p.null(key);
    } else {
        p.text(text);
    }
}

#[cfg(test)]
mod placeholder_tests {
    use super::{decimal, split_placeholder};

    #[test]
    fn placeholders_and_numbers() {
        assert_eq!(split_placeholder("mtu {} "), Some(("mtu ", " ")));
        assert_eq!(split_placeholder("{}"), Some(("", "")));
        assert_eq!(split_placeholder("none"), None);
        let mut buf = [0u8; 40];
        assert_eq!(decimal(0, &mut buf), b"0");
        assert_eq!(decimal(-42, &mut buf), b"-42");
        assert_eq!(decimal(u64::MAX as i128, &mut buf), b"18446744073709551615");
        assert_eq!(
            decimal(i128::MIN, &mut buf),
            i128::MIN.to_string().as_bytes()
        );
    }
}
