//! The one table of everything that can go wrong, with ip's text and status.
//!
//! Handlers return an [`Error`] that says *what* failed (the objects and the
//! errno involved); [`Error::message`] and [`Error::status`] turn it into the
//! exact stderr text and exit status of iproute2 6.1, and nothing else in the
//! crate writes error text. ip distinguishes two families, and so do we:
//! errors that ip raises with `exit()` (usage, bad arguments: status 255)
//! abort a batch even under `-force`; errors a handler *returns* (status 1,
//! kernel refusals with status 2) make a batch print `Command failed`.
//!
//! The traits error and warning types implement, and the printing of a
//! warning, live below in `crate::diagnostics` (re-exported here): the kernel
//! layer uses them and returns its own error types, which this table turns
//! into [`Error`]s with `From`, so imports run one way only (error → kernel
//! → diagnostics).

pub(crate) use crate::diagnostics::{program, set_program, SubjectError, SubjectWarning};
use crate::grammar::tree::Usage;
use crate::kernel::errors::KernelWarning;
pub(crate) use crate::kernel::errors::{dump_failure, KernelError};
use crate::kernel::raw::{DumpFailed, Refusal};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    // ---- grammar (ip's exit(-1) family, status 255 unless noted) ----
    /// An object's usage text, printed on `help` and on bad grammar.
    Usage(Usage),
    /// `ip foo` (status 1).
    UnknownObject(String),
    /// An object of ip's table that rnet does not implement (status 1).
    ObjectNotImplemented(&'static str),
    /// A sub-command of ip's that rnet does not implement (status 1).
    CommandNotImplemented {
        object: &'static str,
        command: &'static str,
    },
    /// `ip link foo`; `help_topic` is what follows "try "ip ": `link help`.
    UnknownCommand {
        help_topic: &'static str,
        word: String,
    },
    /// `ip -foo`.
    UnknownOption(String),
    /// ip's `invarg()`: `reason` may end in "\n", which ip prints as an
    /// extra empty line.
    InvalidArgument {
        arg: String,
        reason: String,
    },
    /// ip's `duparg()`.
    DuplicateArgument {
        key: String,
        arg: String,
    },
    /// ip's `duparg2()`.
    DuplicateOrGarbage {
        key: String,
        arg: String,
    },
    /// ip's `incomplete_command()`.
    IncompleteCommand,
    /// `-rcvbuf` with a value that is not a number.
    InvalidRcvbuf(String),
    /// rnet's `-completions` with a shell it has no script for (status 255).
    UnknownShell(String),
    /// `netns exec` or `vrf exec` without a command (status 1).
    NoCommand,

    // ---- kernel ----
    /// An NLMSG_ERROR answer to a request (status 2).
    Kernel(KernelError),
    /// A dump that the kernel aborted: the error, then `Dump terminated`
    /// (ip exits 1 at once).
    DumpTerminated(KernelError),
    /// The netlink socket could not be opened (ip exits 1).
    NetlinkOpen(i32),

    // ---- devices ----
    /// `Device "x" does not exist.` (show, flush).
    DeviceDoesNotExist(String),
    /// `Cannot find device "x"` (set, delete, address changes).
    CannotFindDevice(String),
    /// The single RTM_GETLINK of `ip link show DEV` failed (ip exits 1).
    LinkGetFailed(i32),
    /// The RTM_GETLINK by index of a listing failed (ip goes on, status 0).
    LinkRequestFailed(i32),

    // ---- batch ----
    BatchOpen {
        path: String,
        errno: i32,
    },
    /// A line ends in a backslash and the file ends (the batch just stops).
    MissingContinuation,
    /// More than 511 words on a line (ip exits 1).
    TooManyArguments,
    /// A quote that is never closed (ip exits 1).
    UnterminatedQuote,
    /// Printed after a failed line.
    CommandFailed {
        file: String,
        line: usize,
    },
    /// rnet's pipelined batch: a line applied ahead of an earlier line
    /// that failed, which could not be taken back (the batch stops).
    TakeBackFailed {
        line: usize,
        failed_line: usize,
        error: KernelError,
    },
    /// rnet's pipelined batch: the kernel's answers to a window of lines
    /// could not be sent or read, so which of them were applied is unknown
    /// (the batch ends at once, status 2).
    WindowLost {
        first_line: usize,
        last_line: usize,
        errno: i32,
    },

    // ---- rnet's own ----
    /// An error that the code raising it can explain better than its kind
    /// alone (which of two names clashed, where): shown as `hint:`.
    Explained {
        error: Box<Error>,
        hint: String,
        objects: Vec<String>,
    },

    // ---- addresses and the listings' flush, save and restore ----
    /// `Error: inet6 prefix is expected rather than "x".` (ip exits 1).
    PrefixExpected {
        family: &'static str,
        arg: String,
    },
    /// `Error: inet address is expected rather than "x".` (ip exits 1).
    AddressExpected {
        family: &'static str,
        arg: String,
    },
    /// A prefix under `-0` (ip exits 1).
    PrefixNotAllowed(String),
    /// `ip addr flush` with no argument.
    FlushNeedsArguments,
    /// `ip -0 addr flush`.
    FlushLinkAddresses,
    /// Sending a batch of RTM_DELADDR failed (the handler returns 1, which
    /// ip turns into status 255 without leaving a batch).
    FlushSend(i32),
    /// A flush round failed while reading its dump (ip exits 1).
    FlushTerminated(KernelError),
    /// `*** Flush remains incomplete after N rounds. ***`.
    FlushIncomplete(i32),
    /// `ip addr save` to a terminal (ip exits 1).
    SaveToTerminal,
    /// The magic of `addr save`/`rule save` could not be written: stdout is
    /// full or closed (ip exits 1, so a backup never written never looks
    /// like a success).
    DumpMagicWrite,
    /// The dump of `ip addr save` failed (ip exits 1).
    SaveTerminated(KernelError),
    /// A dump file that ends inside a message (ip exits 255).
    TruncatedDump,
    /// A message length that cannot be right, and where it was read (ip
    /// exits 255).
    MalformedDump {
        len: i32,
        position: u64,
    },
    /// `ip addr restore`/`showdump` from a terminal (ip exits 255).
    RestoreFromTerminal(&'static str),
    /// A dump file that does not start with ip's magic (ip exits 255).
    MagicMismatch {
        elements: usize,
        magic: u32,
    },

    // ---- link changes ----
    /// `ip link set` / `delete` without a device (status 255).
    DevRequired,
    /// ip's `missarg()` (status 255).
    MissingArgument(String),
    /// A word ip accepts that rnet cannot honour: `xdp*` with a BPF program
    /// to load (rnet has no BPF loader; `off`/`none` work).
    LinkWordUnsupported(String),

    // ---- objects with error modules of their own ----
    /// An error of an object's own `errors.rs` (or of the kernel layer's
    /// namespace calls): its type says its text, status and more through
    /// [`SubjectError`], so this table needs no line per object.
    Subject(Box<dyn SubjectError>),

    // ---- rnet options ----
    /// `-idempotent`: an object of that name exists but is not the one the
    /// command describes (status 1).
    ExistsDifferently {
        what: String,
        difference: String,
    },

    /// A line ip prints just before `error` (same status).
    AfterNotice {
        notice: &'static str,
        error: Box<Error>,
    },
    /// An error ip reports and then *returns* with `status` (not exit()):
    /// the text of `error`, the status given, and a batch goes on.
    Returned {
        error: Box<Error>,
        status: i32,
    },

    // ---- plain statuses ----
    /// A command's own exit status, nothing to print (`netns exec` in batch).
    Status(i32),
    /// ip's `exit(code)` after it already said everything (aborts a batch).
    Exit(i32),
}

pub type Result<T> = std::result::Result<T, Error>;

impl<E: SubjectError> From<E> for Error {
    fn from(error: E) -> Self {
        Error::Subject(Box::new(error))
    }
}

impl From<KernelError> for Error {
    fn from(err: KernelError) -> Self {
        Error::Kernel(err)
    }
}

/// The kernel layer's functions return their own errors ([`KernelError`],
/// a dump's [`DumpFailed`] and [`Refusal`], and the namespace calls'
/// [`NamespaceError`](crate::kernel::errors::NamespaceError), a
/// [`SubjectError`]): `?` turns them into this table's entries through the
/// impls here, so the kernel layer never names the table.
impl<E: Into<Error>> From<DumpFailed<E>> for Error {
    /// ip's `Dump terminated` ([`Error::dump_terminated`]), or the
    /// caller's own error.
    fn from(failed: DumpFailed<E>) -> Error {
        match failed {
            DumpFailed::Refused(refusal) => Error::dump_terminated(refusal),
            DumpFailed::Stopped(error) => error.into(),
        }
    }
}

impl Error {
    /// The object's own error inside, when it is one of type `E` (to tell
    /// one refusal from another where a handler goes on after some).
    pub(crate) fn subject<E: SubjectError>(&self) -> Option<&E> {
        match self {
            Error::Subject(error) => error.as_any().downcast_ref(),
            _ => None,
        }
    }

    /// This error, reported as ip reports it, then returned with `status`
    /// (ip's handlers that `return -N` instead of calling exit()).
    pub fn returned(self, status: i32) -> Error {
        Error::Returned {
            error: Box::new(self),
            status,
        }
    }

    /// A failed dump as ip's `Dump terminated`; what of the kernel's error
    /// ip shows is decided in one place, [`Refusal::dump_error`].
    pub fn dump_terminated(refusal: Refusal) -> Error {
        Error::DumpTerminated(refusal.dump_error())
    }

    /// The exit status ip ends with for this error.
    pub fn status(&self) -> i32 {
        use Error::*;
        match self {
            Explained { error, .. } => error.status(),
            Usage(_)
            | UnknownCommand { .. }
            | UnknownOption(_)
            | InvalidArgument { .. }
            | DuplicateArgument { .. }
            | DuplicateOrGarbage { .. }
            | IncompleteCommand
            | InvalidRcvbuf(_)
            | UnknownShell(_) => 255,
            // ---- link changes ----
            DevRequired | MissingArgument(_) => 255,
            Kernel(_) | WindowLost { .. } => 2,
            // ---- addresses ----
            FlushSend(_)
            | FlushIncomplete(_)
            | RestoreFromTerminal(_)
            | MagicMismatch { .. }
            | TruncatedDump
            | MalformedDump { .. } => 255,
            Subject(error) => error.status(),
            AfterNotice { error, .. } => error.status(),
            Returned { status, .. } => *status,
            Status(code) | Exit(code) => *code,
            _ => 1,
        }
    }

    /// Whether ip raises this with `exit()`: such errors end a batch at once,
    /// with their own status and no `Command failed` line, even under -force.
    pub fn aborts_batch(&self) -> bool {
        use Error::*;
        match self {
            Explained { error, .. } => error.aborts_batch(),
            Usage(_)
            | UnknownCommand { .. }
            | UnknownOption(_)
            | InvalidArgument { .. }
            | DuplicateArgument { .. }
            | DuplicateOrGarbage { .. }
            | IncompleteCommand
            | InvalidRcvbuf(_)
            | UnknownShell(_)
            | DumpTerminated(_)
            | NetlinkOpen(_)
            | LinkGetFailed(_)
            | TooManyArguments
            | UnterminatedQuote
            | WindowLost { .. }
            | Exit(_) => true,
            // ---- addresses ----
            PrefixExpected { .. }
            | AddressExpected { .. }
            | PrefixNotAllowed(_)
            | FlushTerminated(_)
            | SaveToTerminal
            | DumpMagicWrite
            | SaveTerminated(_)
            | RestoreFromTerminal(_)
            | MagicMismatch { .. }
            | TruncatedDump
            | MalformedDump { .. } => true,
            // ---- link changes ----
            DevRequired | MissingArgument(_) => true,
            Subject(error) => error.aborts_batch(),
            AfterNotice { error, .. } => error.aborts_batch(),
            _ => false,
        }
    }

    /// The exact stderr text (without the final newline), or `None` when
    /// ip prints nothing. `prog` is the name rnet was invoked as (`ip` when
    /// installed as ip), used where ip names itself.
    pub fn message(&self, prog: &str) -> Option<String> {
        use Error::*;
        let text = match self {
            Explained { error, .. } => return error.message(prog),
            Usage(usage) => return Some(usage.text(prog).trim_end_matches('\n').to_string()),
            UnknownObject(word) => format!("Object \"{word}\" is unknown, try \"{prog} help\"."),
            ObjectNotImplemented(object) => {
                let names = crate::grammar::tree::implemented_objects();
                let (last, others) = names.split_last().unwrap_or((&"", &[]));
                format!(
                    "Object \"{object}\" is not implemented by rnet; it implements {} and {last}.",
                    others.join(", ")
                )
            }
            CommandNotImplemented { object, command } => {
                format!("Command \"{command}\" of \"{object}\" is not implemented by rnet.")
            }
            UnknownCommand { help_topic, word } => {
                format!("Command \"{word}\" is unknown, try \"{prog} {help_topic}\".")
            }
            UnknownOption(opt) => format!("Option \"{opt}\" is unknown, try \"{prog} -help\"."),
            InvalidArgument { arg, reason } => {
                format!("Error: argument \"{arg}\" is wrong: {reason}")
            }
            DuplicateArgument { key, arg } => {
                format!("Error: duplicate \"{key}\": \"{arg}\" is the second value.")
            }
            DuplicateOrGarbage { key, arg } => {
                format!("Error: either \"{key}\" is duplicate, or \"{arg}\" is a garbage.")
            }
            IncompleteCommand => "Command line is not complete. Try option \"help\"".to_string(),
            NoCommand => "No command specified".to_string(),
            InvalidRcvbuf(word) => format!("Invalid rcvbuf size '{word}'"),
            UnknownShell(shell) => {
                format!("No completion script for \"{shell}\": try bash, zsh or fish.")
            }

            Kernel(err) => err.to_string(),
            DumpTerminated(err) => dump_failure(err, "Dump terminated"),
            NetlinkOpen(errno) => format!("Cannot open netlink socket: {}", strerror(*errno)),

            DeviceDoesNotExist(name) => format!("Device \"{name}\" does not exist."),
            CannotFindDevice(name) => format!("Cannot find device \"{name}\""),
            LinkGetFailed(errno) => format!("Cannot send link get request: {}", strerror(*errno)),
            LinkRequestFailed(errno) => format!("Cannot send link request: {}", strerror(*errno)),

            Subject(error) => return error.message(prog),

            BatchOpen { path, errno } => {
                format!(
                    "Cannot open file \"{path}\" for reading: {}",
                    strerror(*errno)
                )
            }
            MissingContinuation => "Missing continuation line".to_string(),
            TooManyArguments => "Too many arguments to command".to_string(),
            UnterminatedQuote => "Unterminated quoted string".to_string(),
            CommandFailed { file, line } => format!("Command failed {file}:{line}"),
            TakeBackFailed {
                line,
                failed_line,
                error,
            } => format!(
                "rnet: line {line} was applied ahead of line {failed_line}, which failed, and \
                 could not be taken back: {error}"
            ),
            WindowLost {
                first_line,
                last_line,
                errno,
            } => format!(
                "rnet: the kernel's answers to lines {first_line}-{last_line} were lost ({}): \
                 which of them were applied is unknown",
                strerror(*errno)
            ),

            // ---- addresses ----
            PrefixExpected { family, arg } => {
                format!("Error: {family} prefix is expected rather than \"{arg}\".")
            }
            AddressExpected { family, arg } => {
                format!("Error: {family} address is expected rather than \"{arg}\".")
            }
            PrefixNotAllowed(arg) => format!(
                "Error: \"{arg}\" may be inet prefix, but it is not allowed in this context."
            ),
            FlushNeedsArguments => "Flush requires arguments.".to_string(),
            FlushLinkAddresses => "Cannot flush link addresses.".to_string(),
            FlushSend(errno) => format!("Failed to send flush request: {}", strerror(*errno)),
            FlushTerminated(err) => dump_failure(err, "Flush terminated"),
            FlushIncomplete(rounds) => {
                format!("*** Flush remains incomplete after {rounds} rounds. ***")
            }
            SaveToTerminal => "Not sending a binary stream to stdout".to_string(),
            DumpMagicWrite => "Can't write magic to dump file".to_string(),
            SaveTerminated(err) => dump_failure(err, "Save terminated"),
            TruncatedDump => "rtnl-from_file: truncated message".to_string(),
            MalformedDump { len, position } => {
                format!("!!!malformed message: len={len} @{position}")
            }
            RestoreFromTerminal(subject) => format!("Can't restore {subject} dump from a terminal"),
            MagicMismatch { elements, magic } => {
                format!("Magic mismatch ({elements} elems, {magic:x} magic)")
            }

            // ---- link changes ----
            DevRequired => "Not enough information: \"dev\" argument is required.".to_string(),
            MissingArgument(key) => format!("Error: argument \"{key}\" is required"),
            LinkWordUnsupported(word) => {
                format!("\"{word}\" is accepted by ip but not supported by rnet.")
            }

            // ---- rnet options ----
            ExistsDifferently { what, difference } => {
                format!("Error: {what} exists already but differs: {difference}.")
            }

            AfterNotice { notice, error } => {
                format!("{notice}\n{}", error.message(prog).unwrap_or_default())
            }
            Returned { error, .. } => return error.message(prog),

            Status(_) | Exit(_) => return None,
        };
        Some(text)
    }
}

/// A problem ip reports on stderr and then carries on past.
#[derive(Debug)]
pub enum Warning {
    /// A kernel refusal that does not end the command (e.g. the nsid of a
    /// stale file under /run/netns).
    Kernel(KernelError),
    /// An error whose text ip prints without stopping.
    Reported(Error),

    // ---- addresses ----
    /// `ip addr del 192.0.2.1 dev X`: the address and its implied length.
    WildcardDelete { address: String, bits: usize },
    /// A read-only address flag given to `ip addr add`.
    FlagNotMutable(&'static str),
    /// An IPv6-only flag given before an IPv6 address was seen.
    FlagOnlyIpv6(&'static str),
    /// A link-layer address ip cannot read (before its caller's error).
    InvalidLladdr(String),
    /// A line of an /etc/iproute2 name file that is not `NUMBER NAME`
    /// (`rest` keeps the line's newline, as ip prints it).
    DatabaseCorrupted { path: String, rest: String },
    /// ip's warning before it sends a `nat` rule.
    NatDeprecated,
    /// An object's own warning (`objects/<object>/errors.rs`): ip's text
    /// through [`SubjectWarning`], never a status.
    Subject(Box<dyn SubjectWarning>),

    // ---- reliability ----
    /// rnet only: a message of a dump too short to hold its fixed header
    /// (`what`: "link", "address"…), skipped where ip skips it silently
    /// (the kernel layer's own [`KernelWarning::Undecodable`] says it).
    Undecodable { what: &'static str, len: usize },
    /// rnet only: `/run/netns/NAME` is a symbolic link leading out of
    /// /run/netns, which rnet does not follow.
    NetnsLinkOutside(String),
}

impl Warning {
    pub fn message(&self) -> String {
        match self {
            Warning::Kernel(err) => err.to_string(),
            Warning::Reported(err) => err.message(program()).unwrap_or_default(),
            Warning::WildcardDelete { address, bits } => format!(
                "Warning: Executing wildcard deletion to stay compatible with old scripts.\n\
                 \x20        Explicitly specify the prefix length ({address}/{bits}) to avoid this warning.\n\
                 \x20        This special behaviour is likely to disappear in further releases,\n\
                 \x20        fix your scripts!"
            ),
            Warning::FlagNotMutable(flag) => {
                format!("Warning: {flag} option is not mutable from userspace")
            }
            Warning::FlagOnlyIpv6(flag) => {
                format!("Warning: {flag} option can be set only for IPv6 addresses")
            }
            Warning::InvalidLladdr(part) => format!("\"{part}\" is invalid lladdr."),
            Warning::DatabaseCorrupted { path, rest } => {
                format!("Database {path} is corrupted at {rest}")
            }
            Warning::NatDeprecated => "Warning: route NAT is deprecated".to_string(),
            Warning::Subject(warning) => warning.message(),
            // ---- reliability ----
            Warning::Undecodable { what, len } => KernelWarning::Undecodable {
                what,
                len: *len,
            }
            .message(),
            Warning::NetnsLinkOutside(name) => format!(
                "Warning: /run/netns/{name} is a symbolic link out of /run/netns; not followed"
            ),
        }
    }
}

impl<W: SubjectWarning + 'static> From<W> for Warning {
    fn from(warning: W) -> Self {
        Warning::Subject(Box::new(warning))
    }
}

/// Prints a warning to stderr.
pub fn warn(warning: Warning) {
    crate::diagnostics::print_line(&warning.message());
}

/// Prints an error to stderr: ip's text (if it has one), then rnet's hint
/// or, with -json-errors, one JSON object instead (see `explain`).
pub fn report(err: &Error) {
    if let Some(text) = crate::explain::render(err, program()) {
        crate::diagnostics::print_line(&text);
    }
}

/// [`report`]s an error and gives the status ip exits with for it: what a
/// forked child does before `_exit` (`kernel::namespace::run_command_in_child`).
pub(crate) fn report_for_exit(err: &Error) -> i32 {
    report(err);
    err.status()
}

/// glibc's `strerror` text for an errno, as ip prints it.
pub fn strerror(errno: i32) -> String {
    crate::kernel::errno::text(errno)
}

/// An error's text as ip would print it and its status (for tests).
#[cfg(test)]
pub(crate) fn shown(err: &Error) -> (String, i32) {
    (err.message("ip").unwrap_or_default(), err.status())
}

#[cfg(test)]
mod tests {
    use super::*;

    // ---- rnet options ----
    #[test]
    fn exists_differently_says_what_differs() {
        let err = Error::ExistsDifferently {
            what: "link \"a\"".into(),
            difference: "it is kind bridge, not veth".into(),
        };
        assert_eq!(
            shown(&err),
            (
                "Error: link \"a\" exists already but differs: it is kind bridge, not veth.".into(),
                1
            )
        );
        assert!(!err.aborts_batch());
    }

    #[test]
    fn grammar_errors_match_ip() {
        assert_eq!(
            shown(&Error::UnknownObject("foo".into())),
            ("Object \"foo\" is unknown, try \"ip help\".".into(), 1)
        );
        assert_eq!(
            shown(&Error::UnknownCommand {
                help_topic: "netns help",
                word: "foo".into()
            }),
            (
                "Command \"foo\" is unknown, try \"ip netns help\".".into(),
                255
            )
        );
        assert_eq!(
            shown(&Error::UnknownOption("-foo".into())),
            ("Option \"-foo\" is unknown, try \"ip -help\".".into(), 255)
        );
        assert_eq!(
            shown(&Error::InvalidArgument {
                arg: "bogus".into(),
                reason: "invalid protocol family".into()
            }),
            (
                "Error: argument \"bogus\" is wrong: invalid protocol family".into(),
                255
            )
        );
        assert!(Error::IncompleteCommand.aborts_batch());
        assert_eq!(shown(&Error::NoCommand), ("No command specified".into(), 1));
        let rnet = Error::UnknownObject("foo".into()).message("rnet").unwrap();
        assert_eq!(rnet, "Object \"foo\" is unknown, try \"rnet help\".");
    }

    #[test]
    fn dump_file_errors_match_ip() {
        assert_eq!(
            shown(&Error::MagicMismatch {
                elements: 0,
                magic: 0
            }),
            ("Magic mismatch (0 elems, 0 magic)".into(), 255)
        );
    }

    #[test]
    fn flush_and_save_errors_match_ip() {
        assert_eq!(
            shown(&Error::FlushIncomplete(10)),
            (
                "*** Flush remains incomplete after 10 rounds. ***".into(),
                255
            )
        );
        assert!(!Error::FlushIncomplete(10).aborts_batch());
        assert_eq!(
            shown(&Error::FlushSend(1)),
            (
                "Failed to send flush request: Operation not permitted".into(),
                255
            )
        );
        assert_eq!(
            shown(&Error::MagicMismatch {
                elements: 1,
                magic: 0x78787878
            }),
            ("Magic mismatch (1 elems, 78787878 magic)".into(), 255)
        );
        assert!(Error::SaveToTerminal.aborts_batch());
        assert_eq!(Error::SaveToTerminal.status(), 1);
        let wildcard = Warning::WildcardDelete {
            address: "192.0.2.1".into(),
            bits: 32,
        }
        .message();
        assert_eq!(wildcard.lines().count(), 4);
        assert!(wildcard.contains("         Explicitly specify the prefix length (192.0.2.1/32)"));
        assert_eq!(
            Warning::FlagOnlyIpv6("nodad").message(),
            "Warning: nodad option can be set only for IPv6 addresses"
        );
    }

    #[test]
    fn kernel_layer_errors_convert_with_their_status() {
        let refusal = KernelError {
            errno: 17,
            extack: None,
        };
        assert_eq!(
            shown(&refusal.into()),
            ("RTNETLINK answers: File exists".into(), 2)
        );
        let switch: Error = crate::kernel::errors::NamespaceError::Switch(
            crate::kernel::errors::SwitchError::Open {
                name: "x".into(),
                errno: 2,
            },
        )
        .into();
        assert_eq!(switch.status(), 255);
        assert!(!switch.aborts_batch());
    }

    #[test]
    fn reliability_warnings() {
        assert_eq!(
            Warning::Undecodable {
                what: "link",
                len: 3
            }
            .message(),
            "Warning: skipped a link message of 3 bytes that is too short to decode"
        );
    }
}
