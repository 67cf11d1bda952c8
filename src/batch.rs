//! `-batch FILE`: many commands, one process, one netlink socket.
//!
//! Lines are read as ip's `getcmdline` reads them (text after `#` dropped, a
//! trailing backslash joins the next physical line) and split as `makeargs`
//! splits them (blanks, and words in single or double quotes without
//! escapes). Input is streamed line by line, so memory stays bounded.

use std::fs::File;
use std::io::BufRead;
use std::os::fd::AsRawFd;

use crate::context::pipeline::LineFailed;
use crate::context::Context;
use crate::error::{report, Error, Result};
use crate::kernel::raw::readable_before;
use crate::registry::run_object;

/// ip's MAX_ARGS: a line may hold at most 511 words.
const MAX_WORDS: usize = 511;

/// Reads the next command line into `line` (its old content dropped, its
/// allocation kept for the next line); false at the end of the input.
/// `line_number` counts physical lines.
fn next_command(
    input: &mut impl BufRead,
    line_number: &mut usize,
    line: &mut Vec<u8>,
) -> Result<bool> {
    line.clear();
    if input.read_until(b'\n', line).unwrap_or(0) == 0 {
        return Ok(false);
    }
    *line_number += 1;
    cut_comment(line);
    // ip looks for the first backslash-newline from the start each time.
    // A physical line holds one newline, at its end, and a joined line
    // keeps only the last one's: so the only backslash-newline there can
    // be ends the line (one that straddles the joint too, the next line
    // being just "\n"), and looking at the end is ip's search.
    while line.ends_with(b"\\\n") {
        line.truncate(line.len() - 2);
        let joined = line.len();
        if input.read_until(b'\n', line).unwrap_or(0) == 0 {
            return Err(Error::MissingContinuation);
        }
        *line_number += 1;
        cut_comment_from(line, joined);
    }
    Ok(true)
}

fn cut_comment(line: &mut Vec<u8>) {
    cut_comment_from(line, 0);
}

/// Drops the text after the first `#` at or after `from`.
fn cut_comment_from(line: &mut Vec<u8>, from: usize) {
    if let Some(hash) = line[from..].iter().position(|&b| b == b'#') {
        line.truncate(from + hash);
    }
}

/// Splits a command line into words (lib/utils.c `makeargs`).
fn split_words(line: &[u8]) -> Result<Vec<String>> {
    let is_blank = |b: u8| matches!(b, b' ' | b'\t' | b'\r' | b'\n');
    // Room for a typical line's words without growing.
    let mut words = Vec::with_capacity(16);
    // Checked once for the line rather than word by word.
    let text = std::str::from_utf8(line).ok();
    let mut at = 0;
    while at < line.len() {
        while at < line.len() && is_blank(line[at]) {
            at += 1;
        }
        if at == line.len() {
            break;
        }
        if words.len() >= MAX_WORDS {
            return Err(Error::TooManyArguments);
        }
        let quote = line[at];
        let (start, end, next) = if quote == b'\'' || quote == b'"' {
            let start = at + 1;
            let Some(len) = line[start..].iter().position(|&b| b == quote) else {
                return Err(Error::UnterminatedQuote);
            };
            // The character after the closing quote is consumed with it.
            (start, start + len, start + len + 1)
        } else {
            let len = line[at..]
                .iter()
                .position(|&b| is_blank(b))
                .unwrap_or(line.len() - at);
            (at, at + len, at + len + 1)
        };
        // A word of a UTF-8 line is cut from it as it is (words start and
        // end at ASCII blanks and quotes, so they are whole characters); a
        // word of another line is decoded on its own.
        words.push(match text.and_then(|text| text.get(start..end)) {
            Some(word) => word.to_owned(),
            None => String::from_utf8_lossy(&line[start..end]).into_owned(),
        });
        at = next;
    }
    Ok(words)
}

/// Whether the batch may send requests ahead of their answers
/// (`context::pipeline`). Not with `-echo` (ip prints each line's answer
/// as it comes) nor `-idempotent` (its verdict reads the kernel's state
/// right after the line); nor with `-force` when hints are shown, as the
/// lines after a refused one are then applied before its hint looks at
/// the routes.
fn may_pipeline(ctx: &Context) -> bool {
    let options = &ctx.options;
    options.echo == 0
        && !options.idempotent
        && !(options.force > 0 && crate::explain::hints_shown())
}

/// Whether reading stdin can wait for its writer (a pipe, a terminal), so
/// that deferred requests must be sent before reading on.
fn stdin_can_block() -> bool {
    // SAFETY: fstat fills a stat buffer we own.
    let mut stat: nix::libc::stat = unsafe { std::mem::zeroed() };
    let is_file = unsafe { nix::libc::fstat(0, &mut stat) } == 0
        && stat.st_mode & nix::libc::S_IFMT == nix::libc::S_IFREG;
    !is_file
}

/// Whether stdin has input (or its end) ready to read at once; a failed
/// poll counts as not ready, which only sends the window sooner.
fn stdin_ready() -> bool {
    readable_before(0, Some(std::time::Instant::now())).unwrap_or(false)
}

/// The batch's state between lines.
struct Batch<'a> {
    name: &'a str,
    failed: bool,
}

impl Batch<'_> {
    /// Reports a failed line as ip does: its error, then `Command failed`.
    fn report_line(&mut self, line: usize, err: &Error) {
        report(err);
        report(&Error::CommandFailed {
            file: self.name.to_string(),
            line,
        });
        self.failed = true;
    }

    /// Sends the deferred requests and reports the lines refused; true when
    /// the batch must stop (a refusal without `-force`).
    fn settle(&mut self, ctx: &mut Context) -> Result<bool> {
        let refused = ctx.flush_pipeline()?;
        let stop = !refused.is_empty() && ctx.options.force == 0;
        for LineFailed { line, error } in refused {
            if error.aborts_batch() {
                return Err(error);
            }
            self.report_line(line, &error);
        }
        Ok(stop)
    }
}

/// Runs every command of the batch; the status is 0, or 1 when a command
/// failed. Errors of ip's exit() family end the batch at once.
pub fn run(ctx: &mut Context, name: &str) -> Result<()> {
    if name != "-" {
        // ip freopen()s the file as stdin: a command that reads stdin in a
        // batch (`rule restore`, `addr showdump`) gets the rest of the file.
        let file = File::open(name).map_err(|err| Error::BatchOpen {
            path: name.to_string(),
            errno: err.raw_os_error().unwrap_or(0),
        })?;
        // SAFETY: dup2 onto descriptor 0 from a descriptor we own; stdin has
        // not been read yet, so no buffered bytes of the old stdin are lost.
        if unsafe { nix::libc::dup2(file.as_raw_fd(), 0) } < 0 {
            return Err(Error::BatchOpen {
                path: name.to_string(),
                errno: std::io::Error::last_os_error().raw_os_error().unwrap_or(0),
            });
        }
    }
    // The lines are read through Rust's one stdin buffer, locked only while
    // a line is read, so that a command reading stdin continues exactly
    // where the batch stopped, as with ip's shared stdio buffer.
    let stdin = std::io::stdin();
    ctx.batch_mode = true;
    let pipelined = may_pipeline(ctx);
    if pipelined {
        ctx.start_pipeline();
    }
    let can_block = stdin_can_block();
    let family = ctx.options.family;
    let mut batch = Batch {
        name,
        failed: false,
    };
    let mut line_number = 0;
    let mut line = Vec::new();
    loop {
        // The window is sent when full, and before a read that could wait
        // for a writer that waits for the lines already read to be applied.
        if ctx.pipeline_pending()
            && (ctx.pipeline_full() || (can_block && !stdin_ready()))
            && batch.settle(ctx)?
        {
            break;
        }
        let words = match next_command(&mut stdin.lock(), &mut line_number, &mut line)
            .and_then(|more| more.then(|| split_words(&line)).transpose())
        {
            Ok(Some(words)) => words,
            Ok(None) => break,
            Err(err) => {
                // The lines before it come first, as in ip.
                if batch.settle(ctx)? {
                    break;
                }
                if err.aborts_batch() {
                    return Err(err);
                }
                report(&err);
                break;
            }
        };
        let Some((object, args)) = words.split_first() else {
            continue;
        };
        let defers = pipelined && crate::registry::defers(object, args);
        if !defers && batch.settle(ctx)? {
            break;
        }
        ctx.set_deferring(defers.then_some(line_number));
        ctx.options.family = family;
        let ran = run_object(ctx, object, args);
        ctx.set_deferring(None);
        if let Err(err) = ran {
            if batch.settle(ctx)? {
                break;
            }
            if err.aborts_batch() {
                return Err(err);
            }
            batch.report_line(line_number, &err);
            if ctx.options.force == 0 {
                break;
            }
        }
    }
    // What is still deferred at the end (or at a stop, where nothing is).
    batch.settle(ctx)?;
    if batch.failed {
        Err(Error::Status(1))
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn commands(text: &str) -> (Vec<Vec<String>>, Vec<usize>) {
        let mut input = text.as_bytes();
        let mut number = 0;
        let mut lines = Vec::new();
        let mut numbers = Vec::new();
        let mut line = Vec::new();
        while let Ok(true) = next_command(&mut input, &mut number, &mut line) {
            let words = split_words(&line).unwrap();
            if !words.is_empty() {
                lines.push(words);
                numbers.push(number);
            }
        }
        (lines, numbers)
    }

    #[test]
    fn comments_continuations_and_quotes() {
        let (lines, numbers) = commands(
            "# header\nnetns add a # trailing\n\nnetns exec a \\\n  sh -c 'echo  hi' \"x y\"z\n",
        );
        assert_eq!(lines[0], ["netns", "add", "a"]);
        assert_eq!(
            lines[1],
            ["netns", "exec", "a", "sh", "-c", "echo  hi", "x y", "z"]
        );
        assert_eq!(numbers, [2, 5]);
    }

    #[test]
    fn quote_errors_and_word_limit() {
        assert_eq!(split_words(b"a 'b"), Err(Error::UnterminatedQuote));
        let many = "w ".repeat(512);
        assert_eq!(split_words(many.as_bytes()), Err(Error::TooManyArguments));
        assert_eq!(split_words("w ".repeat(511).as_bytes()).unwrap().len(), 511);
    }

    #[test]
    fn words_keep_their_characters_or_are_decoded_lossily() {
        assert_eq!(
            split_words("é 'x'éz \"ü\"".as_bytes()).unwrap(),
            ["é", "x", "éz", "ü"]
        );
        assert_eq!(
            split_words(b"dev \xff0 up").unwrap(),
            ["dev", "\u{fffd}0", "up"]
        );
    }

    #[test]
    fn missing_continuation() {
        let mut input: &[u8] = b"netns list \\\n";
        let mut number = 0;
        assert_eq!(
            next_command(&mut input, &mut number, &mut Vec::new()),
            Err(Error::MissingContinuation)
        );
    }

    // ---- reliability ----
    /// ip's getcmdline, searching from the start every time.
    fn joined_like_ip(text: &[u8]) -> Option<Vec<u8>> {
        let mut physical = text.split_inclusive(|&b| b == b'\n');
        let mut line = physical.next()?.to_vec();
        cut_comment(&mut line);
        while let Some(at) = line.windows(2).position(|pair| pair == b"\\\n") {
            let mut next = physical.next()?.to_vec();
            line.truncate(at);
            cut_comment(&mut next);
            line.extend_from_slice(&next);
        }
        Some(line)
    }

    #[test]
    fn continuations_join_as_ip_joins_them() {
        for text in [
            &b"a \\\nb\n"[..],
            b"a\\\n\\\n\\\nb\n",
            b"a\\\\\n\nb\n",
            b"a\\\n\n",
            b"x\\\n\\\n\n",
            b"a \\\n# c \\\nb\n",
            b"\\\n\\\nz\n",
            b"a # c \\\nb\n",
            b"a\\\nb # c\\\nd\n",
            b"a\\\n",
        ] {
            let mut input = text;
            let mut number = 0;
            let mut line = Vec::new();
            let ours = next_command(&mut input, &mut number, &mut line)
                .ok()
                .and_then(|more| more.then_some(line));
            assert_eq!(
                ours,
                joined_like_ip(text),
                "{:?}",
                String::from_utf8_lossy(text)
            );
        }
    }

    #[test]
    fn a_long_chain_of_continuations_is_read_in_linear_time() {
        let mut text = b"x \\\n".repeat(200_000);
        text.extend_from_slice(b"end\n");
        let mut input = &text[..];
        let mut number = 0;
        let started = std::time::Instant::now();
        let mut line = Vec::new();
        assert!(next_command(&mut input, &mut number, &mut line).unwrap());
        assert_eq!((line.len(), number), (400_004, 200_001));
        assert!(started.elapsed().as_secs() < 5, "{:?}", started.elapsed());
    }
}
