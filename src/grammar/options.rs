//! ip's global options (`ip [ OPTIONS ] OBJECT ...`), parsed as ip/ip.c does.
//!
//! Options are read left to right until the first word that does not start
//! with `-`; `--` ends them and `--x` means `-x`. Each word is tested against
//! the option table in ip's order with the prefix rule, so `-h` is `-human`
//! (not help), `-b` is `-batch` and `-n` is `-netns`. `-netns` takes effect at
//! once, exactly where it appears, as it does in ip.

use super::{atoi, get_unsigned, matches};
use crate::error::{Error, Result};
use crate::grammar::tree::Usage;

/// The address family selected by `-4`, `-6`, `-0`, `-M`, `-B` or `-family`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Family {
    #[default]
    Unspec,
    Inet,
    Inet6,
    /// `-0` / `-family link`: link-layer only.
    Packet,
    Mpls,
    Bridge,
}

/// The family number of `-4`/`-6`/`-0`/... (ip's `preferred_family`).
pub(crate) fn family_number(family: Family) -> u8 {
    match family {
        Family::Unspec => 0,
        Family::Inet => 2,
        Family::Inet6 => 10,
        Family::Packet => 17,
        Family::Mpls => 28,
        Family::Bridge => 7,
    }
}

/// `-color[=always|auto|never]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ColorMode {
    #[default]
    Never,
    Always,
    Auto,
}

/// Everything the global options set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    pub family: Family,
    pub max_flush_loops: i32,
    pub human: u32,
    pub iec: u32,
    pub stats: u32,
    pub details: u32,
    pub resolve: u32,
    pub oneline: u32,
    pub timestamp: u32,
    pub timestamp_short: u32,
    pub force: u32,
    pub batch: Option<String>,
    pub brief: u32,
    pub json: u32,
    pub pretty: u32,
    pub rcvbuf: Option<u32>,
    pub color: ColorMode,
    pub numeric: u32,
    pub all: bool,
    pub echo: u32,
    /// rnet's `-hints`: explain errors even when stderr is not a terminal.
    pub hints: bool,
    /// rnet's `-json-errors`: errors as one JSON object on stderr.
    pub json_errors: bool,
    /// rnet's `-json-all`: `-j` and `-json-errors`, plus JSON for what ip
    /// prints as text even under `-j` (netns identify/pids/monitor).
    pub json_all: bool,
    /// rnet's `-table`: link, address and netns listings as a table.
    pub table: bool,
    /// rnet's `-idempotent`: add/delete succeed when the wanted state is
    /// already there, and fail clearly when a different object is.
    pub idempotent: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            family: Family::Unspec,
            max_flush_loops: 10,
            human: 0,
            iec: 0,
            stats: 0,
            details: 0,
            resolve: 0,
            oneline: 0,
            timestamp: 0,
            timestamp_short: 0,
            force: 0,
            batch: None,
            brief: 0,
            json: 0,
            pretty: 0,
            rcvbuf: None,
            color: ColorMode::Never,
            numeric: 0,
            all: false,
            echo: 0,
            hints: false,
            json_errors: false,
            json_all: false,
            table: false,
            idempotent: false,
        }
    }
}

/// What the option words asked for.
#[derive(Debug, PartialEq, Eq)]
pub enum Parsed {
    /// Run the command that starts at this index of the argument list.
    Run { options: Options, rest: usize },
    /// `-Version`: print the version and exit 0.
    Version,
    /// rnet's `-completions SHELL`: print a completion script.
    Completions(String),
    /// rnet's `-man`: print the man page.
    Man,
}

/// `-family` values (lib/utils.c `read_family`).
fn read_family(word: &str) -> Family {
    match word {
        "inet" => Family::Inet,
        "inet6" => Family::Inet6,
        "link" => Family::Packet,
        "mpls" => Family::Mpls,
        "bridge" => Family::Bridge,
        _ => Family::Unspec,
    }
}

/// lib/color.c `matches_color`: `-c`, `-color`, `-color=always|auto|never`.
fn read_color(word: &str) -> Option<ColorMode> {
    let (name, value) = match word.split_once('=') {
        Some((name, value)) => (name, Some(value)),
        None => (word, None),
    };
    if !matches(name, "-color") {
        return None;
    }
    match value {
        None | Some("") | Some("always") => Some(ColorMode::Always),
        Some("auto") => Some(ColorMode::Auto),
        Some("never") => Some(ColorMode::Never),
        Some(_) => None,
    }
}

/// Parses the options in `args` (program name excluded). `enter_netns` is
/// called for each `-netns NAME` at the point where it appears.
pub fn parse(args: &[String], mut enter_netns: impl FnMut(&str) -> Result<()>) -> Result<Parsed> {
    let mut options = Options::default();
    let mut index = 0;
    // Value of an option that takes one; ip prints its usage when missing.
    let value = |index: usize| args.get(index).ok_or(Error::Usage(Usage::Ip));

    while let Some(word) = args.get(index) {
        if word == "--" {
            index += 1;
            break;
        }
        if !word.starts_with('-') {
            break;
        }
        let opt = if word.starts_with("--") {
            &word[1..]
        } else {
            word.as_str()
        };
        let counter = |field: &mut u32| *field += 1;
        if matches(opt, "-loops") {
            index += 1;
            options.max_flush_loops = atoi(value(index)?);
        } else if matches(opt, "-family") {
            index += 1;
            let name = value(index)?;
            if name == "help" {
                return Err(Error::Usage(Usage::Ip));
            }
            options.family = read_family(name);
            if options.family == Family::Unspec {
                return Err(Error::InvalidArgument {
                    arg: name.clone(),
                    reason: "invalid protocol family".into(),
                });
            }
        } else if opt == "-4" {
            options.family = Family::Inet;
        } else if opt == "-6" {
            options.family = Family::Inet6;
        } else if opt == "-0" {
            options.family = Family::Packet;
        } else if opt == "-M" {
            options.family = Family::Mpls;
        } else if opt == "-B" {
            options.family = Family::Bridge;
        } else if matches(opt, "-human") || matches(opt, "-human-readable") {
            counter(&mut options.human);
        } else if matches(opt, "-iec") {
            counter(&mut options.iec);
        } else if matches(opt, "-stats") || matches(opt, "-statistics") {
            counter(&mut options.stats);
        } else if matches(opt, "-details") {
            counter(&mut options.details);
        } else if matches(opt, "-resolve") {
            counter(&mut options.resolve);
        } else if matches(opt, "-oneline") {
            counter(&mut options.oneline);
        } else if matches(opt, "-timestamp") {
            counter(&mut options.timestamp);
        } else if matches(opt, "-tshort") {
            counter(&mut options.timestamp);
            counter(&mut options.timestamp_short);
        } else if matches(opt, "-Version") {
            return Ok(Parsed::Version);
        } else if matches(opt, "-force") {
            counter(&mut options.force);
        } else if matches(opt, "-batch") {
            index += 1;
            options.batch = Some(value(index)?.clone());
        } else if matches(opt, "-brief") {
            counter(&mut options.brief);
        } else if matches(opt, "-json") {
            counter(&mut options.json);
        } else if matches(opt, "-pretty") {
            counter(&mut options.pretty);
        } else if matches(opt, "-rcvbuf") {
            index += 1;
            let size = value(index)?;
            options.rcvbuf =
                Some(get_unsigned(size).ok_or_else(|| Error::InvalidRcvbuf(size.clone()))?);
        } else if let Some(color) = read_color(opt) {
            options.color = color;
        } else if matches(opt, "-help") {
            return Err(Error::Usage(Usage::Ip));
        } else if matches(opt, "-netns") {
            // ip's NEXT_ARG() here only fails when the list is exhausted
            // *before* the option, so a trailing `-n` opens "(null)".
            index += 1;
            enter_netns(args.get(index).map_or("(null)", String::as_str))?;
        } else if matches(opt, "-Numeric") {
            counter(&mut options.numeric);
        } else if matches(opt, "-all") {
            options.all = true;
        } else if opt == "-echo" {
            counter(&mut options.echo);
        } else if opt == "-completions" {
            // rnet's own options match exactly, so they never take a prefix
            // that ip would read as one of its options.
            index += 1;
            return Ok(Parsed::Completions(value(index)?.clone()));
        } else if opt == "-man" {
            return Ok(Parsed::Man);
        } else if opt == "-hints" {
            options.hints = true;
        } else if opt == "-json-errors" {
            options.json_errors = true;
        } else if opt == "-json-all" {
            options.json_all = true;
            options.json_errors = true;
            options.json = options.json.max(1);
        } else if opt == "-table" {
            options.table = true;
        } else if opt == "-idempotent" {
            options.idempotent = true;
        } else {
            return Err(Error::UnknownOption(opt.to_string()));
        }
        index += 1;
    }
    Ok(Parsed::Run {
        options,
        rest: index,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(words: &[&str]) -> Result<(Options, usize)> {
        let args: Vec<String> = words.iter().map(|w| w.to_string()).collect();
        match parse(&args, |_| Ok(()))? {
            Parsed::Run { options, rest } => Ok((options, rest)),
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn prefixes_follow_ip_table_order() {
        let (o, rest) = run(&["-h", "-s", "-s", "-d", "-j", "-p", "-br", "-o", "link"]).unwrap();
        assert_eq!(
            (o.human, o.stats, o.details, o.json, o.pretty, o.brief, o.oneline),
            (1, 2, 1, 1, 1, 1, 1)
        );
        assert_eq!(rest, 8);
        let (o, _) = run(&["-ts", "-fo", "-a", "-N", "-i", "-echo", "x"]).unwrap();
        assert_eq!(
            (
                o.timestamp,
                o.timestamp_short,
                o.force,
                o.all,
                o.numeric,
                o.iec,
                o.echo
            ),
            (1, 1, 1, true, 1, 1, 1)
        );
        let (o, _) = run(&["-b", "file", "-l", "3x", "x"]).unwrap();
        assert_eq!((o.batch.as_deref(), o.max_flush_loops), (Some("file"), 3));
    }

    #[test]
    fn families_and_double_dash() {
        assert_eq!(run(&["-4", "-6", "a"]).unwrap().0.family, Family::Inet6);
        assert_eq!(run(&["-f", "link", "a"]).unwrap().0.family, Family::Packet);
        assert_eq!(run(&["--details", "a"]).unwrap().0.details, 1);
        assert_eq!(run(&["--", "-4"]).unwrap(), (Options::default(), 1));
        assert_eq!(
            run(&["-family", "bogus"]),
            Err(Error::InvalidArgument {
                arg: "bogus".into(),
                reason: "invalid protocol family".into()
            })
        );
        assert_eq!(run(&["-f", "help"]), Err(Error::Usage(Usage::Ip)));
        assert_eq!(run(&["-f"]), Err(Error::Usage(Usage::Ip)));
    }

    #[test]
    fn colors_and_unknown_options() {
        assert_eq!(run(&["-c", "x"]).unwrap().0.color, ColorMode::Always);
        assert_eq!(run(&["-color=auto", "x"]).unwrap().0.color, ColorMode::Auto);
        assert_eq!(run(&["-c=never", "x"]).unwrap().0.color, ColorMode::Never);
        assert_eq!(
            run(&["-c=bogus"]),
            Err(Error::UnknownOption("-c=bogus".into()))
        );
        assert_eq!(run(&["-jp"]), Err(Error::UnknownOption("-jp".into())));
        assert_eq!(run(&["--foo"]), Err(Error::UnknownOption("-foo".into())));
        assert_eq!(run(&["-e"]), Err(Error::UnknownOption("-e".into())));
        assert_eq!(run(&["-he"]), Err(Error::Usage(Usage::Ip)));
        assert_eq!(
            run(&["-rc", "abc"]),
            Err(Error::InvalidRcvbuf("abc".into()))
        );
        let args = vec!["-V".to_string()];
        assert_eq!(parse(&args, |_| Ok(())).unwrap(), Parsed::Version);
    }

    #[test]
    fn rnet_options_match_exactly() {
        let (o, _) = run(&["-json-all", "-table", "-idempotent", "x"]).unwrap();
        assert!(o.json_all && o.json_errors && o.table && o.idempotent);
        assert_eq!(o.json, 1);
        assert_eq!(
            run(&["-json-a"]),
            Err(Error::UnknownOption("-json-a".into()))
        );
        assert_eq!(run(&["-tab"]), Err(Error::UnknownOption("-tab".into())));
        assert_eq!(run(&["-idem"]), Err(Error::UnknownOption("-idem".into())));
    }

    #[test]
    fn netns_is_entered_in_place() {
        let args: Vec<String> = ["-n", "a", "-n"].iter().map(|w| w.to_string()).collect();
        let mut seen = Vec::new();
        let _ = parse(&args, |name| {
            seen.push(name.to_string());
            Ok(())
        });
        assert_eq!(seen, ["a", "(null)"]);
    }
}
