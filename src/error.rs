//! The one table of everything that can go wrong, with ip's text and status.
//!
//! Handlers return an [`Error`] that says *what* failed (the objects and the
//! errno involved); [`Error::message`] and [`Error::status`] turn it into the
//! exact stderr text and exit status of iproute2 6.1, and nothing else in the
//! crate writes error text. ip distinguishes two families, and so do we:
//! errors that ip raises with `exit()` (usage, bad arguments: status 255)
//! abort a batch even under `-force`; errors a handler *returns* (status 1,
//! kernel refusals with status 2) make a batch print `Command failed`.

use std::fmt;
use std::io::Write;

use crate::grammar::tree::Usage;

/// A kernel refusal: the errno of the NLMSG_ERROR and, when the kernel sent an
/// extended ACK, its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KernelError {
    pub errno: i32,
    pub extack: Option<String>,
}

impl fmt::Display for KernelError {
    /// ip prints the extended-ACK text *instead of* the errno, never both,
    /// and adds the final full stop the kernel leaves out.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.extack {
            Some(text) if text.ends_with('.') => write!(f, "Error: {text}"),
            Some(text) => write!(f, "Error: {text}."),
            None => write!(f, "RTNETLINK answers: {}", strerror(self.errno)),
        }
    }
}

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

    // ---- netns (status 1 unless noted) ----
    /// `Invalid netns name "x"` (status 255).
    InvalidNetnsName(String),
    NoNetnsName,
    NoNetnsNameAndPid,
    NoCommand,
    NoNsid,
    ExtraArguments,
    NotAPid(String),
    InvalidPid(String),
    /// mkdir of the run directory.
    RunDirCreate {
        path: String,
        errno: i32,
    },
    RunDirOpen {
        path: String,
        errno: i32,
    },
    MakeShared {
        path: String,
        errno: i32,
    },
    BindRunDir {
        path: String,
        errno: i32,
    },
    NetnsFileCreate {
        path: String,
        errno: i32,
    },
    NetnsFileRemove {
        path: String,
        errno: i32,
    },
    /// Opening the current namespace to come back to it (ip exits 1).
    SaveNamespace(i32),
    /// Returning to the saved namespace (ip exits 1).
    RestoreNamespace(i32),
    Unshare {
        name: String,
        errno: i32,
    },
    Bind {
        from: String,
        to: String,
        errno: i32,
    },
    /// `Cannot open network namespace "x": ...` where a handler returns it.
    NetnsOpen {
        name: String,
        errno: i32,
    },
    /// The same open, without a name (`identify`, `pids`).
    NetnsOpenUnnamed(i32),
    NetnsStat(i32),
    ProcOpen(i32),
    RunDirList {
        path: String,
        errno: i32,
    },
    /// Entering a namespace for `exec` or `-n` failed (status 255).
    Switch(SwitchError),
    /// execvp failed (status 1).
    Exec {
        command: String,
        errno: i32,
    },
    InotifyInit(i32),
    InotifyWatch(i32),
    InotifyRead(i32),
    /// fork/waitpid failures (ip exits 1).
    Fork(i32),
    Wait(i32),

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

    // ---- rnet's own ----
    /// An error that the code raising it can explain better than its kind
    /// alone (which of two names clashed, where): shown as `hint:`.
    Explained {
        error: Box<Error>,
        hint: String,
        objects: Vec<String>,
    },

    // ---- addresses ----
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
    /// `ip addr add` without `dev` (status 1, unlike `ip link set`).
    AddressNeedsDevice,
    /// `brd +`/`brd -` on a non-IPv4 address.
    BroadcastOnlyIpv4,
    ValidLifetimeZero,
    PreferredAboveValid,
    AutojoinNeedsMulticast,
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
    /// A kind's own parser (ip/iplink_*.c) printed this text and returned
    /// -1: a complaint, often followed by the kind's usage (status 1).
    KindArgument(String),
    /// The same, where ip then calls exit(status): ends a batch.
    KindFatal(String, i32),
    /// `Garbage instead of arguments "x ...". Try "ip link help".`; ip
    /// returns it after a kind without a parser (status 1) but exit()s with
    /// it in the `group` form (status 255).
    GarbageArguments {
        word: String,
        exits: bool,
    },
    /// `ip link add NAME` without `type` (status 1).
    TypeRequired,
    /// `ip link set` / `delete` without a device (status 255).
    DevRequired,
    /// `ip link add name a dev b` (status 255).
    NameAndDev,
    /// `ip link add group G` (status 255).
    GroupOnCreate,
    /// `index` outside add and netns moves (status 255).
    IndexNotAllowed,
    /// lib/ll_addr.c `ll_addr_a2n`: one part is not a hex byte (status 1).
    InvalidLladdr(String),
    /// A new address whose length is not the device's (status 1).
    AddressLength {
        got: usize,
        want: usize,
    },
    /// iplink.c `on_off` (status 1).
    OnOff {
        key: String,
        word: String,
    },
    /// lib/utils.c `parse_on_off` for carrier/protodown: ip returns -EINVAL.
    OneOfOnOff {
        key: String,
        word: String,
    },
    /// ip's `missarg()` (status 255).
    MissingArgument(String),
    /// `ip link property foo` (status 255).
    PropertyOperatorRequired,
    /// `ip link property add altname x` (status 255).
    PropertyDevRequired,
    /// A word ip accepts that rnet cannot honour: `xdp*` with a BPF program
    /// to load (rnet has no BPF loader; `off`/`none` work).
    LinkWordUnsupported(String),

    // ---- objects with error modules of their own ----
    /// `ip rule`/`ip mrule` (objects/rule/errors.rs).
    Rule(crate::objects::rule::errors::RuleError),
    /// `rnet wait` (objects/wait/errors.rs).
    Waiting(crate::objects::wait::errors::WaitError),
    /// `rnet apply`/`rnet destroy` (objects/apply/errors.rs).
    Apply(crate::objects::apply::errors::ApplyError),
    /// `ip nexthop` (objects/nexthop/errors.rs).
    Nexthop(crate::objects::nexthop::errors::NexthopError),
    /// `ip route` (objects/route/errors.rs).
    Route(crate::objects::route::errors::RouteError),
    /// `encap …` of routes and nexthops (objects/lwtunnel/errors.rs).
    Encap(crate::objects::lwtunnel::errors::EncapError),
    /// `ip tuntap` (objects/tuntap/errors.rs).
    Tuntap(crate::objects::tuntap::errors::TuntapError),
    /// `ip addrlabel` (objects/addrlabel/errors.rs).
    Addrlabel(crate::objects::addrlabel::errors::AddrlabelError),
    /// `ip token` (objects/token/errors.rs).
    Token(crate::objects::token::errors::TokenError),
    /// `ip maddress` (objects/maddress/errors.rs).
    Maddress(crate::objects::maddress::errors::MaddressError),
    /// `ip neighbor`/`ip ntable` (objects/neighbor/errors.rs).
    Neighbor(crate::objects::neighbor::errors::NeighborError),
    /// `ip netconf` (objects/netconf/errors.rs).
    Netconf(crate::objects::netconf::errors::NetconfError),
    /// `ip monitor` (objects/monitor/errors.rs).
    Monitor(crate::objects::monitor::errors::MonitorError),
    /// `ip vrf` (objects/vrf/errors.rs).
    Vrf(crate::objects::vrf::errors::VrfError),
    /// `ip mroute` (objects/mroute/errors.rs).
    Mroute(crate::objects::mroute::errors::MrouteError),
    /// `ip tcp_metrics` (objects/tcpmetrics/errors.rs).
    TcpMetrics(crate::objects::tcpmetrics::errors::TcpMetricsError),

    /// A line of an /etc/iproute2 name file that is not `NUMBER NAME`
    /// (`rest` keeps the line's newline, as ip prints it: a warning).
    DatabaseCorrupted {
        path: String,
        rest: String,
    },

    // ---- rnet options ----
    /// `-idempotent`: an object of that name exists but is not the one the
    /// command describes (status 1).
    ExistsDifferently {
        what: String,
        difference: String,
    },

    // ---- reliability ----
    /// `-all netns delete|exec` when the run directory cannot be read
    /// (lib/namespace.c `netns_foreach`: a space after the colon, unlike
    /// `netns list`'s text).
    RunDirForeach(i32),

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

/// How entering a named namespace can fail (lib/namespace.c `netns_switch`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SwitchError {
    Open { name: String, errno: i32 },
    Setns { name: String, errno: i32 },
    Unshare(i32),
    MakeRslave(i32),
}

pub type Result<T> = std::result::Result<T, Error>;

impl From<KernelError> for Error {
    fn from(err: KernelError) -> Self {
        Error::Kernel(err)
    }
}

impl Error {
    /// This error, reported as ip reports it, then returned with `status`
    /// (ip's handlers that `return -N` instead of calling exit()).
    pub fn returned(self, status: i32) -> Error {
        Error::Returned {
            error: Box::new(self),
            status,
        }
    }

    /// A failed dump, as ip reports it (the kernel's text only when it came
    /// in the dump's NLMSG_DONE).
    pub fn dump_terminated(refusal: crate::kernel::raw::Refusal) -> Error {
        let mut error = refusal.error;
        if !refusal.in_done {
            error.extack = None;
        }
        Error::DumpTerminated(error)
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
            | UnknownShell(_)
            | InvalidNetnsName(_)
            | Switch(_) => 255,
            // ---- link changes ----
            GarbageArguments { exits: true, .. }
            | DevRequired
            | NameAndDev
            | GroupOnCreate
            | IndexNotAllowed
            | MissingArgument(_)
            | PropertyOperatorRequired
            | PropertyDevRequired => 255,
            OneOfOnOff { .. } => 22,
            KindFatal(_, status) => *status,
            Kernel(_) => 2,
            // ---- addresses ----
            FlushSend(_)
            | FlushIncomplete(_)
            | RestoreFromTerminal(_)
            | MagicMismatch { .. }
            | TruncatedDump
            | MalformedDump { .. } => 255,
            // ---- rules ----
            Rule(error) => error.status(),
            Waiting(error) => error.status(),
            Apply(error) => error.status(),
            Nexthop(error) => error.status(),
            Neighbor(error) => error.status(),
            Encap(error) => error.status(),
            Route(error) => error.status(),
            Tuntap(error) => error.status(),
            Addrlabel(error) => error.status(),
            Token(error) => error.status(),
            Maddress(error) => error.status(),
            Netconf(error) => error.status(),
            Monitor(error) => error.status(),
            Vrf(error) => error.status(),
            Mroute(error) => error.status(),
            TcpMetrics(error) => error.status(),
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
            | InvalidNetnsName(_)
            | DumpTerminated(_)
            | NetlinkOpen(_)
            | LinkGetFailed(_)
            | SaveNamespace(_)
            | RestoreNamespace(_)
            | Fork(_)
            | Wait(_)
            | TooManyArguments
            | UnterminatedQuote
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
            GarbageArguments { exits, .. } => *exits,
            KindFatal(..) => true,
            DevRequired
            | NameAndDev
            | GroupOnCreate
            | IndexNotAllowed
            | MissingArgument(_)
            | PropertyOperatorRequired
            | PropertyDevRequired => true,
            // ---- rules ----
            Rule(error) => error.aborts_batch(),
            Waiting(error) => error.aborts_batch(),
            Apply(error) => error.aborts_batch(),
            Nexthop(_) => false,
            Neighbor(error) => error.aborts_batch(),
            Encap(error) => error.aborts_batch(),
            Route(error) => error.aborts_batch(),
            Tuntap(error) => error.aborts_batch(),
            Addrlabel(error) => error.aborts_batch(),
            Token(error) => error.aborts_batch(),
            Maddress(error) => error.aborts_batch(),
            Netconf(error) => error.aborts_batch(),
            Monitor(error) => error.aborts_batch(),
            Vrf(_) => false,
            Mroute(error) => error.aborts_batch(),
            TcpMetrics(error) => error.aborts_batch(),
            AfterNotice { error, .. } => error.aborts_batch(),
            // A failed switch is returned by ip's cmd_exec, not exit()ed.
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
            CommandNotImplemented { object, command } => format!(
                "Command \"{command}\" of \"{object}\" is not implemented by rnet."
            ),
            UnknownCommand { help_topic, word } => {
                format!("Command \"{word}\" is unknown, try \"{prog} {help_topic}\".")
            }
            UnknownOption(opt) => format!("Option \"{opt}\" is unknown, try \"{prog} -help\"."),
            InvalidArgument { arg, reason } => format!("Error: argument \"{arg}\" is wrong: {reason}"),
            DuplicateArgument { key, arg } => {
                format!("Error: duplicate \"{key}\": \"{arg}\" is the second value.")
            }
            DuplicateOrGarbage { key, arg } => {
                format!("Error: either \"{key}\" is duplicate, or \"{arg}\" is a garbage.")
            }
            IncompleteCommand => "Command line is not complete. Try option \"help\"".to_string(),
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

            InvalidNetnsName(name) => format!("Invalid netns name \"{name}\""),
            NoNetnsName => "No netns name specified".to_string(),
            NoNetnsNameAndPid => "No netns name and PID specified".to_string(),
            NoCommand => "No command specified".to_string(),
            NoNsid => "No nsid specified".to_string(),
            ExtraArguments => "extra arguments specified".to_string(),
            NotAPid(word) => format!("Specified string '{word}' is not a pid"),
            InvalidPid(word) => format!("Invalid PID: {word}"),
            RunDirCreate { path, errno } => format!("mkdir {path} failed: {}", strerror(*errno)),
            RunDirOpen { path, errno } => format!(
                "Cannot open netns runtime directory \"{path}\": {}",
                strerror(*errno)
            ),
            MakeShared { path, errno } => {
                format!("mount --make-shared {path} failed: {}", strerror(*errno))
            }
            BindRunDir { path, errno } => {
                format!("mount --bind {path} {path} failed: {}", strerror(*errno))
            }
            NetnsFileCreate { path, errno } => format!(
                "Cannot create namespace file \"{path}\": {}",
                strerror(*errno)
            ),
            NetnsFileRemove { path, errno } => format!(
                "Cannot remove namespace file \"{path}\": {}",
                strerror(*errno)
            ),
            SaveNamespace(errno) => format!("Cannot open init namespace: {}", strerror(*errno)),
            RestoreNamespace(errno) => format!("setns: {}", strerror(*errno)),
            Unshare { name, errno } => format!(
                "Failed to create a new network namespace \"{name}\": {}",
                strerror(*errno)
            ),
            Bind { from, to, errno } => format!("Bind {from} -> {to} failed: {}", strerror(*errno)),
            NetnsOpen { name, errno } | Switch(SwitchError::Open { name, errno }) => format!(
                "Cannot open network namespace \"{name}\": {}",
                strerror(*errno)
            ),
            NetnsOpenUnnamed(errno) => {
                format!("Cannot open network namespace: {}", strerror(*errno))
            }
            NetnsStat(errno) => format!("Stat of netns failed: {}", strerror(*errno)),
            ProcOpen(errno) => format!("Open of /proc failed: {}", strerror(*errno)),
            RunDirList { path, errno } => {
                format!("Failed to open directory {path}:{}", strerror(*errno))
            }
            // ---- reliability ----
            RunDirForeach(errno) => format!(
                "Failed to open directory {}: {}",
                crate::kernel::namespace::RUN_DIR,
                strerror(*errno)
            ),
            Switch(SwitchError::Setns { name, errno }) => format!(
                "setting the network namespace \"{name}\" failed: {}",
                strerror(*errno)
            ),
            Switch(SwitchError::Unshare(errno)) => format!("unshare failed: {}", strerror(*errno)),
            Switch(SwitchError::MakeRslave(errno)) => {
                format!("\"mount --make-rslave /\" failed: {}", strerror(*errno))
            }
            Exec { command, errno } => {
                format!("exec of \"{command}\" failed: {}", strerror(*errno))
            }
            InotifyInit(errno) => format!("inotify_init failed: {}", strerror(*errno)),
            InotifyWatch(errno) => format!("inotify_add_watch failed: {}", strerror(*errno)),
            InotifyRead(errno) => format!("read failed: {}", strerror(*errno)),
            Fork(errno) => format!("fork: {}", strerror(*errno)),
            Wait(errno) => format!("waitpid: {}", strerror(*errno)),

            BatchOpen { path, errno } => {
                format!("Cannot open file \"{path}\" for reading: {}", strerror(*errno))
            }
            MissingContinuation => "Missing continuation line".to_string(),
            TooManyArguments => "Too many arguments to command".to_string(),
            UnterminatedQuote => "Unterminated quoted string".to_string(),
            CommandFailed { file, line } => format!("Command failed {file}:{line}"),

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
            AddressNeedsDevice => {
                "Not enough information: \"dev\" argument is required.".to_string()
            }
            BroadcastOnlyIpv4 => "Broadcast can be set only for IPv4 addresses".to_string(),
            ValidLifetimeZero => "valid_lft is zero".to_string(),
            PreferredAboveValid => "preferred_lft is greater than valid_lft".to_string(),
            AutojoinNeedsMulticast => "autojoin needs multicast address".to_string(),
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
            KindArgument(text) | KindFatal(text, _) => text.trim_end_matches('\n').to_string(),
            GarbageArguments { word, .. } => format!(
                "Garbage instead of arguments \"{word} ...\". Try \"{prog} link help\"."
            ),
            TypeRequired => "Not enough information: \"type\" argument is required".to_string(),
            DevRequired => "Not enough information: \"dev\" argument is required.".to_string(),
            NameAndDev => {
                "both \"name\" and \"dev\" cannot be used when creating devices.".to_string()
            }
            GroupOnCreate => "group cannot be used when creating devices.".to_string(),
            IndexNotAllowed => "index can be used only when creating devices or when moving device to another netns.".to_string(),
            InvalidLladdr(part) => format!("\"{part}\" is invalid lladdr."),
            AddressLength { got, want } => {
                format!("Invalid address length {got} - must be {want} bytes")
            }
            OnOff { key, word } => {
                format!("Error: argument of \"{key}\" must be \"on\" or \"off\", not \"{word}\"")
            }
            OneOfOnOff { key, word } => format!(
                "Error: argument of \"{key}\" must be one of \"off\", \"on\", not \"{word}\""
            ),
            MissingArgument(key) => format!("Error: argument \"{key}\" is required"),
            PropertyOperatorRequired => "Operator required".to_string(),
            PropertyDevRequired => {
                "Not enough of information: \"dev\" argument is required.".to_string()
            }
            LinkWordUnsupported(word) => {
                format!("\"{word}\" is accepted by ip but not supported by rnet.")
            }

            Rule(error) => return error.message(prog),
            Waiting(error) => return error.message(prog),
            Apply(error) => return error.message(prog),
            Nexthop(error) => return error.message(prog),
            Neighbor(error) => return error.message(),
            Encap(error) => return Some(error.message()),
            Route(error) => return Some(error.message()),
            Tuntap(error) => return Some(error.message()),
            Addrlabel(error) => return error.message(prog),
            Token(error) => return error.message(prog),
            Maddress(error) => return Some(error.message()),
            Netconf(error) => return Some(error.message()),
            Monitor(error) => return Some(error.message(prog)),
            Vrf(error) => return Some(error.message()),
            Mroute(error) => return Some(error.message()),
            TcpMetrics(error) => return Some(error.message()),
            DatabaseCorrupted { path, rest } => {
                format!("Database {path} is corrupted at {rest}")
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

/// A failed dump as libnetlink reports it, then ip's own last line.
pub(crate) fn dump_failure(err: &KernelError, last: &str) -> String {
    match (&err.extack, err.errno) {
        (Some(_), _) => format!("{err}\n{last}"),
        (None, nix::libc::ENOENT | nix::libc::EOPNOTSUPP) => last.to_string(),
        (None, nix::libc::EMSGSIZE) => format!("Error: Buffer too small for object.\n{last}"),
        (None, _) => format!("{err}\n{last}"),
    }
}

/// A problem ip reports on stderr and then carries on past.
#[derive(Debug)]
pub enum Warning {
    FlockRunDir {
        path: String,
        errno: i32,
    },
    /// rnet only: `netns exec` could not give the command a fresh /sys.
    SysRemount(i32),
    /// A kernel refusal that does not end the command (e.g. the nsid of a
    /// stale file under /run/netns).
    Kernel(KernelError),
    /// An error whose text ip prints without stopping.
    Reported(Error),

    // ---- addresses ----
    /// `ip addr del 192.0.2.1 dev X`: the address and its implied length.
    WildcardDelete {
        address: String,
        bits: usize,
    },
    /// A read-only address flag given to `ip addr add`.
    FlagNotMutable(&'static str),
    /// An IPv6-only flag given before an IPv6 address was seen.
    FlagOnlyIpv6(&'static str),
    /// A link-layer address ip cannot read (before its caller's error).
    InvalidLladdr(String),

    // ---- reliability ----
    /// A dump was still interrupted (NLM_F_DUMP_INTR) after rnet asked
    /// again: ip's own warning, printed once the dump is used anyway.
    DumpInterrupted,
    /// rnet only: a message of a dump too short to hold its fixed header
    /// (`what`: "link", "address"…), skipped where ip skips it silently.
    Undecodable {
        what: &'static str,
        len: usize,
    },
    /// rnet only: `/run/netns/NAME` is a symbolic link leading out of
    /// /run/netns, which rnet does not follow.
    NetnsLinkOutside(String),
}

impl Warning {
    pub fn message(&self) -> String {
        match self {
            Warning::FlockRunDir { path, errno } => format!(
                "Warning: could not flock netns runtime directory \"{path}\": {}",
                strerror(*errno)
            ),
            Warning::SysRemount(errno) => format!(
                "Warning: mount of /sys failed: {}; /sys still describes the previous network namespace",
                strerror(*errno)
            ),
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
            // ---- reliability ----
            Warning::DumpInterrupted => "Dump was interrupted and may be inconsistent.".to_string(),
            Warning::Undecodable { what, len } => format!(
                "Warning: skipped a {what} message of {len} bytes that is too short to decode"
            ),
            Warning::NetnsLinkOutside(name) => format!(
                "Warning: /run/netns/{name} is a symbolic link out of /run/netns; not followed"
            ),
        }
    }
}

static PROGRAM: std::sync::OnceLock<&'static str> = std::sync::OnceLock::new();

/// Records the name rnet was invoked as: `ip` when installed as ip, else
/// `rnet`. Messages that name the program use it.
pub fn set_program(invoked_as: &str) {
    let name = if invoked_as == "ip" { "ip" } else { "rnet" };
    let _ = PROGRAM.set(name);
}

pub fn program() -> &'static str {
    PROGRAM.get().copied().unwrap_or("rnet")
}

/// Prints a warning to stderr.
pub fn warn(warning: Warning) {
    // A closed stderr is no reason to fail the command.
    let _ = writeln!(std::io::stderr(), "{}", warning.message());
}

/// Prints an error to stderr: ip's text (if it has one), then rnet's hint
/// or, with -json-errors, one JSON object instead (see `explain`).
pub fn report(err: &Error) {
    if let Some(text) = crate::explain::render(err, program()) {
        let _ = writeln!(std::io::stderr(), "{text}");
    }
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
        let rnet = Error::UnknownObject("foo".into()).message("rnet").unwrap();
        assert_eq!(rnet, "Object \"foo\" is unknown, try \"rnet help\".");
    }

    #[test]
    fn kernel_errors_prefer_extack() {
        let plain = KernelError {
            errno: 17,
            extack: None,
        };
        assert_eq!(plain.to_string(), "RTNETLINK answers: File exists");
        let ack = KernelError {
            errno: 22,
            extack: Some("Peer netns reference is invalid".into()),
        };
        assert_eq!(ack.to_string(), "Error: Peer netns reference is invalid.");
        let dotted = KernelError {
            errno: 22,
            extack: Some("already.".into()),
        };
        assert_eq!(dotted.to_string(), "Error: already.");
        assert_eq!(Error::Kernel(plain).status(), 2);
    }

    #[test]
    fn netns_errors_match_ip() {
        assert_eq!(
            shown(&Error::NetnsFileCreate {
                path: "/run/netns/a".into(),
                errno: 17
            }),
            (
                "Cannot create namespace file \"/run/netns/a\": File exists".into(),
                1
            )
        );
        assert_eq!(
            shown(&Error::InvalidNetnsName("a/b".into())),
            ("Invalid netns name \"a/b\"".into(), 255)
        );
        let switch = Error::Switch(SwitchError::Open {
            name: "x".into(),
            errno: 2,
        });
        assert_eq!(
            shown(&switch),
            (
                "Cannot open network namespace \"x\": No such file or directory".into(),
                255
            )
        );
        assert!(!switch.aborts_batch());
        assert!(Error::IncompleteCommand.aborts_batch());
        assert!(!Error::NoNetnsName.aborts_batch());
        assert_eq!(strerror(1), "Operation not permitted");
        assert_eq!(strerror(99999), "Unknown error 99999");
    }

    #[test]
    fn link_change_errors_match_ip() {
        assert_eq!(
            shown(&Error::GarbageArguments {
                word: "extra".into(),
                exits: false
            }),
            (
                "Garbage instead of arguments \"extra ...\". Try \"ip link help\".".into(),
                1
            )
        );
        let exiting = Error::GarbageArguments {
            word: "x".into(),
            exits: true,
        };
        assert_eq!(exiting.status(), 255);
        assert!(exiting.aborts_batch());
        assert_eq!(
            shown(&Error::TypeRequired),
            (
                "Not enough information: \"type\" argument is required".into(),
                1
            )
        );
        assert_eq!(
            shown(&Error::DevRequired),
            (
                "Not enough information: \"dev\" argument is required.".into(),
                255
            )
        );
        assert_eq!(
            shown(&Error::AddressLength { got: 3, want: 6 }),
            ("Invalid address length 3 - must be 6 bytes".into(), 1)
        );
        assert_eq!(
            shown(&Error::InvalidLladdr("zz".into())),
            ("\"zz\" is invalid lladdr.".into(), 1)
        );
        assert_eq!(
            shown(&Error::OnOff {
                key: "arp".into(),
                word: "maybe".into()
            }),
            (
                "Error: argument of \"arp\" must be \"on\" or \"off\", not \"maybe\"".into(),
                1
            )
        );
        let carrier = Error::OneOfOnOff {
            key: "carrier".into(),
            word: "maybe".into(),
        };
        assert_eq!(
            shown(&carrier),
            (
                "Error: argument of \"carrier\" must be one of \"off\", \"on\", not \"maybe\""
                    .into(),
                22
            )
        );
        assert!(!carrier.aborts_batch());
        assert_eq!(shown(&Error::IndexNotAllowed).1, 255);
        assert_eq!(shown(&Error::NameAndDev).1, 255);
        assert_eq!(shown(&Error::GroupOnCreate).1, 255);
        assert_eq!(
            shown(&Error::PropertyOperatorRequired),
            ("Operator required".into(), 255)
        );
        assert_eq!(
            shown(&Error::PropertyDevRequired),
            (
                "Not enough of information: \"dev\" argument is required.".into(),
                255
            )
        );
        let fatal = Error::KindFatal("Cannot find device \"x\"\n".into(), 255);
        assert_eq!(shown(&fatal), ("Cannot find device \"x\"".into(), 255));
        assert!(fatal.aborts_batch());
        let usage = Error::KindArgument("vrf: unknown option \"x\"?\nUsage: ...\n".into());
        assert_eq!(shown(&usage).1, 1);
        assert!(!usage.aborts_batch());
        assert_eq!(shown(&Error::LinkWordUnsupported("xdp".into())).1, 1);
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
    fn address_errors_match_ip() {
        assert_eq!(
            shown(&Error::AddressNeedsDevice),
            (
                "Not enough information: \"dev\" argument is required.".into(),
                1
            )
        );
        assert!(!Error::AddressNeedsDevice.aborts_batch());
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

    // ---- reliability ----
    #[test]
    fn reliability_errors() {
        let error = Error::RunDirForeach(nix::libc::ENOTDIR);
        assert_eq!(
            error.message("ip").as_deref(),
            Some("Failed to open directory /run/netns: Not a directory")
        );
        assert_eq!((error.status(), error.aborts_batch()), (1, false));
    }

    #[test]
    fn reliability_warnings() {
        assert_eq!(
            Warning::DumpInterrupted.message(),
            "Dump was interrupted and may be inconsistent."
        );
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
