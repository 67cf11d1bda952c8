//! ip's JSON writer (lib/json_writer.c), reproduced for byte-identical `-j`.
//!
//! serde_json's compact form happens to equal ip's, but ip's pretty form does
//! not: arrays open as `[ {`, objects are separated by `},{`, and values that
//! have no key (string arrays such as link flags) stay on one line. Those
//! shapes fall out of the writer's small state machine — a depth, a pending
//! separator and the pretty switch — so this module keeps the same machine.

use std::io::Write;

#[derive(Debug)]
pub struct JsonWriter {
    depth: usize,
    pretty: bool,
    /// Separator owed before the next value: `None` right after an opening
    /// bracket or a key, `Some(b',')` after a value.
    pending_comma: bool,
}

impl JsonWriter {
    pub fn new(pretty: bool) -> Self {
        JsonWriter {
            depth: 0,
            pretty,
            pending_comma: false,
        }
    }

    fn end_of_line(&self, out: &mut impl Write) {
        if self.pretty {
            let _ = out.write_all(b"\n");
            for _ in 0..self.depth {
                let _ = out.write_all(b"    ");
            }
        }
    }

    fn end_of_record(&mut self, out: &mut impl Write) {
        if self.pending_comma {
            let _ = out.write_all(b",");
        }
        self.pending_comma = true;
    }

    fn begin(&mut self, out: &mut impl Write, bracket: u8) {
        self.end_of_record(out);
        let _ = out.write_all(&[bracket]);
        self.depth += 1;
        self.pending_comma = false;
    }

    fn end(&mut self, out: &mut impl Write, bracket: u8) {
        self.depth = self.depth.saturating_sub(1);
        if self.pending_comma {
            self.end_of_line(out);
        }
        let _ = out.write_all(&[bracket]);
        self.pending_comma = true;
    }

    pub fn name(&mut self, out: &mut impl Write, name: &str) {
        self.end_of_record(out);
        self.end_of_line(out);
        self.pending_comma = false;
        put_string(out, name.as_bytes());
        let _ = out.write_all(if self.pretty { b": " } else { b":" });
    }

    pub fn start_object(&mut self, out: &mut impl Write) {
        self.begin(out, b'{');
    }

    pub fn end_object(&mut self, out: &mut impl Write) {
        self.end(out, b'}');
    }

    pub fn start_array(&mut self, out: &mut impl Write) {
        self.begin(out, b'[');
        if self.pretty {
            let _ = out.write_all(b" ");
        }
    }

    pub fn end_array(&mut self, out: &mut impl Write) {
        if self.pretty && self.pending_comma {
            let _ = out.write_all(b" ");
        }
        self.pending_comma = false;
        self.end(out, b']');
    }

    pub fn string(&mut self, out: &mut impl Write, value: &[u8]) {
        self.end_of_record(out);
        put_string(out, value);
    }

    /// A number, `true`/`false` or `null`: written as is.
    pub fn raw(&mut self, out: &mut impl Write, value: &str) {
        self.end_of_record(out);
        let _ = out.write_all(value.as_bytes());
    }

    /// Ends the document (ip's `jsonw_destroy` prints the final newline).
    pub fn finish(self, out: &mut impl Write) {
        let _ = out.write_all(b"\n");
    }
}

/// A JSON string with ip's escapes: only `\t \n \r \f \b \\ \"`; every other
/// byte, control characters and invalid UTF-8 included, goes out unchanged.
/// The escape of each byte that needs one (ip escapes only these seven).
const fn escape_of(byte: u8) -> Option<&'static [u8]> {
    match byte {
        b'\t' => Some(b"\\t"),
        b'\n' => Some(b"\\n"),
        b'\r' => Some(b"\\r"),
        0x0c => Some(b"\\f"),
        0x08 => Some(b"\\b"),
        b'\\' => Some(b"\\\\"),
        b'"' => Some(b"\\\""),
        _ => None,
    }
}

/// Which bytes need an escape, as a table: the scan below runs over every
/// byte of every string of a large JSON dump.
const NEEDS_ESCAPE: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 256 {
        table[byte] = escape_of(byte as u8).is_some();
        byte += 1;
    }
    table
};

fn put_string(out: &mut impl Write, value: &[u8]) {
    let _ = out.write_all(b"\"");
    // Runs without escapes go out in one piece: most values have none.
    let mut rest = value;
    while let Some(at) = rest.iter().position(|&byte| NEEDS_ESCAPE[byte as usize]) {
        let _ = out.write_all(&rest[..at]);
        let _ = out.write_all(escape_of(rest[at]).unwrap_or_default());
        rest = &rest[at + 1..];
    }
    let _ = out.write_all(rest);
    let _ = out.write_all(b"\"");
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Writes `[{"name":"a","flags":["UP","LOWER_UP"],"id":5},{"name":"b"}]`.
    fn sample(pretty: bool) -> String {
        let mut out = Vec::new();
        let mut w = JsonWriter::new(pretty);
        w.start_array(&mut out);
        w.start_object(&mut out);
        w.name(&mut out, "name");
        w.string(&mut out, b"a\"\t");
        w.name(&mut out, "flags");
        w.start_array(&mut out);
        w.string(&mut out, b"UP");
        w.string(&mut out, b"LOWER_UP");
        w.end_array(&mut out);
        w.name(&mut out, "id");
        w.raw(&mut out, "5");
        w.end_object(&mut out);
        w.start_object(&mut out);
        w.name(&mut out, "name");
        w.string(&mut out, b"b");
        w.end_object(&mut out);
        w.end_array(&mut out);
        w.finish(&mut out);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn compact_has_no_spaces() {
        assert_eq!(
            sample(false),
            "[{\"name\":\"a\\\"\\t\",\"flags\":[\"UP\",\"LOWER_UP\"],\"id\":5},{\"name\":\"b\"}]\n"
        );
    }

    #[test]
    fn pretty_matches_ip_layout() {
        let expected = "[ {\n        \"name\": \"a\\\"\\t\",\n        \"flags\": [ \"UP\",\"LOWER_UP\" ],\n        \"id\": 5\n    },{\n        \"name\": \"b\"\n    } ]\n";
        assert_eq!(sample(true), expected);
    }

    #[test]
    fn empty_array() {
        for pretty in [false, true] {
            let mut out = Vec::new();
            let mut w = JsonWriter::new(pretty);
            w.start_array(&mut out);
            w.end_array(&mut out);
            w.finish(&mut out);
            let expected = if pretty { "[ ]\n" } else { "[]\n" };
            assert_eq!(String::from_utf8(out).unwrap(), expected);
        }
    }
}
