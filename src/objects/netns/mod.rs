//! `ip netns`: named network namespaces (ip/ipnetns.c).
//!
//! The words after `netns` are checked the way ip checks them: the name
//! check on the second word comes first (so `netns foo a/b` is an invalid
//! name, not an unknown command), then the sub-command in ip's order. File
//! and mount work lives in `kernel::namespace`, nsid requests in
//! `kernel::nsid`; this module parses and prints.

pub(crate) mod errors;
pub(crate) mod print;

use std::ffi::{OsStr, OsString};
use std::os::unix::ffi::OsStrExt;

use crate::context::Context;
use crate::error::{report, report_for_exit, warn, Error, Result, Warning};
use crate::grammar::tree::{kw, kw_alias, resolve, Keyword, Match, Usage};
use crate::grammar::{get_integer, get_s32};
use crate::kernel::namespace::{self, Source};
use crate::kernel::nsid::{self, NsidRecord};
use crate::objects::netns::errors::NetnsError;
use crate::output::{table, Kind};

/// `ip netns` sub-commands (ip/ipnetns.c `do_netns`), in matching order.
pub(crate) const COMMANDS: &[Keyword] = &[
    kw_alias(
        "list",
        &[("show", Match::Prefix), ("lst", Match::Prefix)],
        "list named network namespaces",
    ),
    kw("list-id", "list network namespace ids (nsid)"),
    kw("help", "print the usage"),
    kw("add", "create a named network namespace"),
    kw("set", "assign a network namespace id"),
    kw("delete", "delete a named network namespace"),
    kw("identify", "name the namespace of a process"),
    kw("pids", "list the processes in a namespace"),
    kw("exec", "run a command inside a namespace"),
    kw("monitor", "report namespaces as they are added and deleted"),
    kw("attach", "name the namespace of a running process"),
];

/// `netns help`: ip's usage text, with the program's name where ip has `ip`.
pub(crate) const USAGE: Usage = Usage::object(include_str!("usage.txt"), "\tip ");

pub fn run(ctx: &mut Context, args: &[String]) -> Result<()> {
    let Some(word) = args.first() else {
        return list(ctx);
    };
    if !ctx.options.all {
        if let Some(name) = args.get(1).filter(|name| !namespace::is_valid_name(name)) {
            return Err(Error::from(NetnsError::InvalidName(name.clone())));
        }
    }
    let Some(command) = resolve(word, COMMANDS) else {
        return Err(Error::UnknownCommand {
            help_topic: "netns help",
            word: word.clone(),
        });
    };
    let rest = &args[1..];
    match command.name {
        "list" => list(ctx),
        "list-id" => list_id(ctx, rest),
        "help" => Err(Error::Usage(USAGE)),
        "add" => add(ctx, rest),
        "set" => set(ctx, rest),
        "delete" => delete(ctx, rest),
        "identify" => identify(ctx, rest),
        "pids" => pids(ctx, rest),
        "exec" => exec(ctx, rest),
        "monitor" => monitor(ctx),
        "attach" => attach(rest),
        other => Err(Error::CommandNotImplemented {
            object: "netns",
            command: other,
        }),
    }
}

fn os(word: &str) -> &OsStr {
    OsStr::new(word)
}

/// The nsid of a named namespace; kernel refusals (a stale file that is not
/// a namespace) are printed and count as "no id", as in ip.
pub(crate) fn nsid_of_name(ctx: &mut Context, name: &OsStr) -> Result<Option<i32>> {
    let file = if name.as_bytes().contains(&b'/') {
        namespace::open_by_name_or_path(name)
    } else {
        match namespace::open(name) {
            Ok(file) => Some(file),
            // ip would follow it (and print the kernel's complaint when it
            // is no namespace); rnet says why it does not.
            Err(nix::libc::ELOOP) => {
                warn(Warning::NetnsLinkOutside(
                    name.to_string_lossy().into_owned(),
                ));
                None
            }
            Err(_) => None,
        }
    };
    let Some(file) = file else {
        return Ok(None);
    };
    match nsid::of_file(ctx.raw()?, &file) {
        Ok(id) => Ok(id),
        Err(refusal) => {
            warn(Warning::Kernel(refusal));
            Ok(None)
        }
    }
}

/// ip's nsid→name cache: every named namespace that has an nsid here, first
/// name in directory order winning. Built once per process (a batch shares
/// it), like ip's `netns_map_init`.
#[derive(Debug, Default)]
pub struct NsidNames(Vec<(i32, OsString)>);

impl NsidNames {
    pub(crate) fn build(ctx: &mut Context) -> Result<Self> {
        let mut names = NsidNames(Vec::new());
        for name in namespace::entries().unwrap_or_default() {
            if let Some(id) = nsid_of_name(ctx, &name)? {
                names.add(id, name);
            }
        }
        Ok(names)
    }

    fn add(&mut self, id: i32, name: OsString) {
        if !self.0.iter().any(|(known, _)| *known == id) {
            self.0.push((id, name));
        }
    }

    /// Every known nsid with its namespace's name.
    pub fn pairs(&self) -> impl Iterator<Item = (i32, &OsString)> {
        self.0.iter().map(|(id, name)| (*id, name))
    }

    pub fn name_of(&self, id: i32) -> Option<&OsString> {
        self.0
            .iter()
            .find(|(known, _)| *known == id)
            .map(|(_, name)| name)
    }

    fn take(&mut self, id: i32) -> Option<OsString> {
        let at = self.0.iter().position(|(known, _)| *known == id)?;
        Some(self.0.remove(at).1)
    }
}

/// `ip netns list`: names in directory order, ` (id: N)` where an nsid exists.
fn list(ctx: &mut Context) -> Result<()> {
    // Made here for its side effect, as in ip: stale entries are reported
    // while the cache is made, and again while listing.
    ctx.nsid_names()?;
    let Ok(names) = namespace::entries() else {
        return Ok(());
    };
    if ctx.options.table && ctx.options.json == 0 {
        let mut rows = Vec::new();
        for name in names {
            let id = nsid_of_name(ctx, &name)?;
            rows.push((name.to_string_lossy().into_owned(), id));
        }
        table::print(&mut ctx.out, &table::namespaces(&rows, table::width()));
        return Ok(());
    }
    ctx.out.begin_list();
    for name in names {
        ctx.out.open_object(None);
        ctx.out
            .string(Kind::Any, Some("name"), "{}", name.as_bytes());
        if let Some(id) = nsid_of_name(ctx, &name)? {
            ctx.out.int(Kind::Any, Some("id"), " (id: {})", id);
        }
        ctx.out.text("\n");
        ctx.out.close_object();
    }
    ctx.out.end_list();
    Ok(())
}

/// The name of the namespace whose nsid is `id`, by scanning the directory.
pub(crate) fn name_of_nsid(ctx: &mut Context, id: i32) -> Result<Option<OsString>> {
    for name in namespace::entries().unwrap_or_default() {
        if nsid_of_name(ctx, &name)? == Some(id) {
            return Ok(Some(name));
        }
    }
    Ok(None)
}

fn print_nsid(ctx: &mut Context, record: &NsidRecord, names: &mut NsidNames) -> Result<()> {
    ctx.out.open_object(None);
    if record.nsid < 0 {
        ctx.out.string(Kind::Text, None, "{}", "nsid unassigned ");
    } else {
        ctx.out
            .int(Kind::Any, Some("nsid"), "nsid {} ", record.nsid);
    }
    if let Some(current) = record.current {
        if current < 0 {
            ctx.out
                .string(Kind::Text, None, "{}", "current-nsid unassigned ");
        } else {
            ctx.out
                .int(Kind::Any, Some("current-nsid"), "current-nsid {} ", current);
        }
    }
    let name = match names.take(record.current.unwrap_or(record.nsid)) {
        Some(name) => Some(name),
        None => {
            let found = name_of_nsid(ctx, record.nsid)?;
            if let Some(name) = &found {
                names.add(record.nsid, name.clone());
            }
            found
        }
    };
    if let Some(name) = name {
        ctx.out.string(
            Kind::Any,
            Some("name"),
            "(iproute2 netns name: {})",
            name.as_bytes(),
        );
    }
    ctx.out.text("\n");
    ctx.out.close_object();
    Ok(())
}

/// Reads the value after an nsid keyword, with ip's checks and texts.
fn nsid_value(args: &[String], at: usize, key: &str) -> Result<i32> {
    let value = args.get(at).ok_or(Error::IncompleteCommand)?;
    let id = get_integer(value).ok_or_else(|| Error::InvalidArgument {
        arg: value.clone(),
        reason: format!("\"{key}\" value is invalid"),
    })?;
    if id < 0 {
        // ip names the word *after* the value here (its argv[1]).
        return Err(Error::InvalidArgument {
            arg: args.get(at + 1).cloned().unwrap_or_else(|| "(null)".into()),
            reason: format!("\"{key}\" value should be >= 0"),
        });
    }
    Ok(id)
}

/// `ip netns list-id [target-nsid N] [nsid N]`.
fn list_id(ctx: &mut Context, args: &[String]) -> Result<()> {
    ctx.nsid_names()?;
    let mut names = ctx.take_nsid_names();
    let result = list_id_with(ctx, args, &mut names);
    ctx.put_nsid_names(names);
    result
}

fn list_id_with(ctx: &mut Context, args: &[String], names: &mut NsidNames) -> Result<()> {
    let mut target = None;
    let mut wanted = None;
    let mut at = 0;
    while let Some(word) = args.get(at) {
        let slot = match word.as_str() {
            "target-nsid" => &mut target,
            "nsid" => &mut wanted,
            _ => return Err(Error::Usage(USAGE)),
        };
        if slot.is_some() {
            return Err(Error::DuplicateArgument {
                key: word.clone(),
                arg: word.clone(),
            });
        }
        at += 1;
        *slot = Some(nsid_value(args, at, word)?);
        at += 1;
    }
    let records = match wanted {
        Some(id) => nsid::get(ctx.raw()?, id, target)?.into_iter().collect(),
        None => nsid::dump(ctx.raw()?, target).map_err(Error::dump_terminated)?,
    };
    ctx.out.begin_list();
    for record in &records {
        print_nsid(ctx, record, names)?;
    }
    ctx.out.end_list();
    Ok(())
}

fn add(ctx: &Context, args: &[String]) -> Result<()> {
    let name = args.first().ok_or(Error::from(NetnsError::NoName))?;
    if ctx.options.idempotent {
        match namespace::is_namespace(os(name)) {
            Some(true) => return Ok(()),
            Some(false) => {
                return Err(Error::ExistsDifferently {
                    what: format!("namespace \"{name}\""),
                    difference: format!(
                        "{} is not a network namespace (a stale file); `rnet netns delete {name}` removes it",
                        namespace::path_of(os(name)).to_string_lossy()
                    ),
                })
            }
            None => {}
        }
    }
    Ok(namespace::add(os(name), Source::New)?)
}

fn attach(args: &[String]) -> Result<()> {
    let [name, pid, ..] = args else {
        return Err(Error::from(NetnsError::NoNameAndPid));
    };
    let pid = get_s32(pid)
        .filter(|pid| *pid != 0)
        .ok_or_else(|| Error::from(NetnsError::InvalidPid(pid.clone())))?;
    Ok(namespace::add(os(name), Source::Process(pid))?)
}

/// `ip netns delete NAME`, or with `-all` every name, stopping (with status
/// 0, as ip) at the first that cannot be removed.
fn delete(ctx: &mut Context, args: &[String]) -> Result<()> {
    if ctx.options.all {
        for name in namespace::entries_for_all()? {
            if let Err(err) = namespace::delete(&name) {
                report(&err.into());
                break;
            }
        }
        return Ok(());
    }
    let name = args.first().ok_or(Error::from(NetnsError::NoName))?;
    // rnet's -idempotent: a name that is not there is already deleted.
    if ctx.options.idempotent && namespace::is_namespace(os(name)).is_none() {
        return Ok(());
    }
    Ok(namespace::delete(os(name))?)
}

/// `ip netns set NAME auto|N`.
fn set(ctx: &mut Context, args: &[String]) -> Result<()> {
    let name = args.first().ok_or(Error::from(NetnsError::NoName))?;
    let value = args.get(1).ok_or(Error::from(NetnsError::NoNsid))?;
    let id = if value == "auto" {
        -1
    } else {
        let id = get_integer(value).ok_or_else(|| Error::InvalidArgument {
            arg: value.clone(),
            reason: "Invalid \"netnsid\" value".into(),
        })?;
        if id < 0 {
            return Err(Error::InvalidArgument {
                arg: value.clone(),
                reason: "\"netnsid\" value should be >= 0".into(),
            });
        }
        id
    };
    namespace::open(os(name)).map_err(|errno| {
        Error::from(NetnsError::Open {
            name: name.clone(),
            errno,
        })
    })?;
    let Some(file) = namespace::open_by_name_or_path(os(name)) else {
        return Err(Error::Status(1));
    };
    Ok(nsid::assign(ctx.raw()?, &file, id)?)
}

/// `ip netns identify [PID]`: printed as plain text even with -j, as ip
/// does; rnet's `-json-all` gives `{"name":"NAME"}` (`null` when none).
fn identify(ctx: &mut Context, args: &[String]) -> Result<()> {
    let pid = match args {
        [] => "self",
        [pid] if pid.bytes().all(|b| b.is_ascii_digit()) => pid,
        [word] => return Err(Error::from(NetnsError::NotAPid(word.clone()))),
        _ => return Err(Error::from(NetnsError::ExtraArguments)),
    };
    let name = namespace::identify(pid)?;
    if ctx.options.json_all {
        ctx.out.begin_object_document();
        if name.is_empty() {
            ctx.out.null("name");
        } else {
            ctx.out
                .string(Kind::Any, Some("name"), "{}", name.as_bytes());
        }
        ctx.out.end_object_document();
        return Ok(());
    }
    ctx.out.raw(name.as_bytes());
    ctx.out.raw(b"\n");
    Ok(())
}

/// `ip netns pids NAME`: plain text even with -j, as ip does; rnet's
/// `-json-all` gives an array of numbers.
fn pids(ctx: &mut Context, args: &[String]) -> Result<()> {
    let name = match args {
        [] => return Err(Error::from(NetnsError::NoName)),
        [name] => name,
        _ => return Err(Error::from(NetnsError::ExtraArguments)),
    };
    let pids = namespace::pids(os(name))?;
    if ctx.options.json_all {
        ctx.out.begin_list();
        for pid in pids {
            let number: i128 = pid.to_string_lossy().parse().unwrap_or_default();
            ctx.out.int(Kind::Any, None, "{}\n", number);
        }
        ctx.out.end_list();
        return Ok(());
    }
    for pid in pids {
        ctx.out.raw(pid.as_bytes());
        ctx.out.raw(b"\n");
    }
    Ok(())
}

/// `ip netns exec NAME CMD...`: replaces rnet with CMD inside NAME, so the
/// exit status is CMD's. In batch mode, and for `-all`, CMD runs in a child.
fn exec(ctx: &mut Context, args: &[String]) -> Result<()> {
    let all = ctx.options.all;
    if args.is_empty() && !all {
        return Err(Error::from(NetnsError::NoName));
    }
    if (args.len() < 2 && !all) || (args.is_empty() && all) {
        return Err(Error::NoCommand);
    }
    ctx.out.flush();
    if all {
        for name in namespace::entries_for_all()? {
            ctx.out.raw(b"\nnetns: ");
            ctx.out.raw(name.as_bytes());
            ctx.out.raw(b"\n");
            ctx.out.flush();
            let name = name.to_string_lossy();
            namespace::run_command_in_child(|| enter_for_exec(&name), args, report_for_exit)?;
        }
        return Ok(());
    }
    let (name, command) = (&args[0], &args[1..]);
    if ctx.batch_mode {
        return match namespace::run_command_in_child(
            || enter_for_exec(name),
            command,
            report_for_exit,
        )? {
            0 => Ok(()),
            status => Err(Error::Status(status)),
        };
    }
    enter_for_exec(name)?;
    Err(namespace::exec(command).into())
}

/// ip's `do_switch` of `netns exec`: the process first leaves any VRF its
/// cgroup binds it to (a VRF device of the old namespace means nothing in
/// the new one), then enters namespace `name`.
fn enter_for_exec(name: &str) -> Result<()> {
    crate::objects::vrf::reset()?;
    Ok(namespace::switch_for_exec(name)?)
}

/// One line of `netns monitor`: ip's `add NAME`, or with rnet's `-json-all`
/// `{"event":"add","name":"NAME"}`.
fn monitor_event(ctx: &mut Context, event: &str, name: &[u8]) {
    if ctx.options.json_all {
        ctx.out.begin_object_document();
        ctx.out.string(Kind::Any, Some("event"), "{} ", event);
        ctx.out.string(Kind::Any, Some("name"), "{}\n", name);
        ctx.out.end_object_document();
    } else {
        ctx.out.raw(event.as_bytes());
        ctx.out.raw(b" ");
        ctx.out.raw(name);
        ctx.out.raw(b"\n");
    }
}

/// `ip netns monitor`: `add NAME` / `delete NAME` as names come and go.
/// Each event is flushed at once (ip's block-buffered stdout shows nothing
/// in a pipe until 4 KiB have gathered).
fn monitor(ctx: &mut Context) -> Result<()> {
    use nix::sys::inotify::{AddWatchFlags, InitFlags, Inotify};

    let inotify = Inotify::init(InitFlags::empty())
        .map_err(|errno| Error::from(NetnsError::InotifyInit(errno as i32)))?;
    namespace::create_run_dir()?;
    inotify
        .add_watch(
            namespace::RUN_DIR,
            AddWatchFlags::IN_CREATE | AddWatchFlags::IN_DELETE,
        )
        .map_err(|errno| Error::from(NetnsError::InotifyWatch(errno as i32)))?;
    loop {
        let events = inotify
            .read_events()
            .map_err(|errno| Error::from(NetnsError::InotifyRead(errno as i32)))?;
        for event in events {
            let name = event.name.unwrap_or_default();
            if event.mask.contains(AddWatchFlags::IN_CREATE) {
                monitor_event(ctx, "add", name.as_bytes());
            }
            if event.mask.contains(AddWatchFlags::IN_DELETE) {
                monitor_event(ctx, "delete", name.as_bytes());
            }
        }
        ctx.out.flush();
    }
}
