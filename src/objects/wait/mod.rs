//! `rnet wait`: blocks until a link, address, route or named namespace is
//! in the asked-for state, or a timeout passes (rnet's own object; ip has
//! none), so scripts need no `sleep` loops.
//!
//! No polling and no missed change: the events are subscribed to first (a
//! socket of their own, joined to the object's netlink groups, or inotify
//! and the mount table for namespaces), then the current state is read,
//! then events are read, each one blocking `poll` bounded by the deadline,
//! until the condition holds. A change between the subscription and the
//! read is in both, which is harmless, as every message carries the whole
//! object: what is answered is whether the condition held at some moment
//! after the wait began. Lost events (ENOBUFS) make the state be read again.

pub(crate) mod errors;
pub(crate) mod grammar;
pub(crate) mod print;
mod watch;

use std::ops::ControlFlow;
use std::os::fd::{AsFd, AsRawFd};
use std::path::Path;
use std::time::Instant;

use crate::context::Context;
use crate::error::{Error, Result};
use crate::grammar::inet::{format_address, Prefix, AF_INET, AF_INET6, AF_UNSPEC};
use crate::grammar::options::Family;
use crate::grammar::tree::{kw, resolve, Keyword, Usage};
use crate::kernel::attrs::Request;
use crate::kernel::namespace::RUN_DIR;
use crate::kernel::raw::{
    dump_consistently, poll_before, RawSocket, DUMP_ATTEMPTS, NLM_F_DUMP, NLM_F_REQUEST,
};
use crate::model::rt_names::table_name;
use crate::objects::device;
use crate::objects::netns::errors::NetnsError;
use crate::objects::wait::print::{condition_awaited, print_outcome, Outcome};
use errors::WaitError;
use grammar::{AddressWant, LinkWant, Presence, Target, WaitFor};
use watch::{AddressWatch, LinkWatch, RouteWatch};

/// `rnet wait` conditions (rnet's own object, not ip's).
pub(crate) const COMMANDS: &[Keyword] = &[
    kw(
        "link",
        "until a device exists, is up or down, has carrier or is gone",
    ),
    kw(
        "address",
        "until an address is present, ready (DAD done) or gone",
    ),
    kw("route", "until a route is present or gone"),
    kw("netns", "until a named network namespace exists or is gone"),
    kw("help", "print the usage"),
];

/// `wait help`: ip's usage text, with the program's name where ip has `rnet wait`.
pub(crate) const USAGE: Usage = Usage::object(include_str!("usage.txt"), "rnet wait");

/// Receive buffer of the event socket, as ip's (lib/libnetlink.c).
const EVENT_RCVBUF: usize = 1024 * 1024;

pub fn run(ctx: &mut Context, args: &[String]) -> Result<()> {
    let Some(word) = args.first() else {
        return Err(Error::Usage(USAGE));
    };
    let Some(command) = resolve(word, COMMANDS) else {
        return Err(Error::UnknownCommand {
            help_topic: "wait help",
            word: word.clone(),
        });
    };
    if command.name == "help" {
        return Err(Error::Usage(USAGE));
    }
    let family = match ctx.options.family {
        Family::Inet => AF_INET,
        Family::Inet6 => AF_INET6,
        _ => AF_UNSPEC,
    };
    let request = grammar::parse(command.name, &args[1..], family)?;
    wait(ctx, &request, command.name)
}

/// An address or prefix as messages name it: `2001:db8::1/64`,
/// `default`; the length only where one was given.
fn prefix_text(prefix: &Prefix) -> String {
    if prefix.prefix_specified && prefix.bitlen == 0 {
        return "default".to_string();
    }
    let address = format_address(prefix.family, prefix.bytes());
    if prefix.prefix_specified {
        format!("{address}/{}", prefix.bitlen)
    } else {
        address
    }
}

/// The object as named in messages: the target and its selectors.
fn subject(target: &Target) -> String {
    let with_dev = |text: String, dev: &Option<String>| match dev {
        Some(dev) => format!("{text} dev {dev}"),
        None => text,
    };
    match target {
        Target::Link { name, .. } | Target::Netns { name, .. } => name.clone(),
        Target::Address { address, dev, .. } => with_dev(prefix_text(address), dev),
        Target::Route {
            prefix, table, dev, ..
        } => {
            let table = table.map_or("all".to_string(), |id| table_name(id, false));
            with_dev(format!("{} table {table}", prefix_text(prefix)), dev)
        }
    }
}

fn wait(ctx: &mut Context, request: &WaitFor, kind: &'static str) -> Result<()> {
    let started = Instant::now();
    let deadline = started + request.timeout;
    let (condition, (held, state)) = match &request.target {
        Target::Link { name, want } => (
            link_word(*want),
            Watch::Link(LinkWatch::new(name.clone(), *want)).run(ctx, deadline)?,
        ),
        Target::Address { address, dev, want } => {
            let ifindex = dev.as_deref().map(|d| index_of(ctx, d)).transpose()?;
            let watch = AddressWatch::new(*address, ifindex, *want);
            (
                address_word(*want),
                Watch::Address(watch).run(ctx, deadline)?,
            )
        }
        Target::Route {
            prefix,
            table,
            dev,
            want,
        } => {
            let oif = dev.as_deref().map(|d| index_of(ctx, d)).transpose()?;
            let watch = RouteWatch::new(*prefix, *table, oif, *want);
            (
                presence_word(*want, "present"),
                Watch::Route(watch).run(ctx, deadline)?,
            )
        }
        Target::Netns { name, want } => (
            presence_word(*want, "exists"),
            wait_netns(name, *want, deadline)?,
        ),
    };
    let outcome = Outcome {
        kind,
        subject: subject(&request.target),
        condition,
        held,
        state,
        elapsed: started.elapsed(),
    };
    print_outcome(&mut ctx.out, &outcome);
    if held {
        return Ok(());
    }
    Err(WaitError::TimedOut {
        after: request.timeout.as_secs_f64().to_string(),
        waiting_for: format!(
            "{kind} {} {}",
            outcome.subject,
            condition_awaited(condition)
        ),
        state: state.to_string(),
    }
    .into())
}

fn index_of(ctx: &mut Context, name: &str) -> Result<i32> {
    match device::index_of(ctx, name)? {
        0 => Err(Error::CannotFindDevice(name.to_string())),
        index => Ok(index),
    }
}

fn link_word(want: LinkWant) -> &'static str {
    match want {
        LinkWant::Exists => "exists",
        LinkWant::Up => "up",
        LinkWant::Down => "down",
        LinkWant::Carrier => "carrier",
        LinkWant::Gone => "gone",
    }
}

fn address_word(want: AddressWant) -> &'static str {
    match want {
        AddressWant::Present => "present",
        AddressWant::Ready => "ready",
        AddressWant::Gone => "gone",
    }
}

fn presence_word(want: Presence, present: &'static str) -> &'static str {
    match want {
        Presence::Present => present,
        Presence::Gone => "gone",
    }
}

/// A netlink watch: which groups to join, which dump gives the state.
enum Watch {
    Link(LinkWatch),
    Address(AddressWatch),
    Route(RouteWatch),
}

impl Watch {
    /// The groups to join. Routes also follow links: the kernel removes
    /// IPv4 routes of a device going down without a notification each.
    fn groups(&self) -> Vec<u32> {
        match self {
            Watch::Link(_) => vec![watch::RTNLGRP_LINK],
            Watch::Address(watch) => vec![if watch.address.family == AF_INET6 {
                watch::RTNLGRP_IPV6_IFADDR
            } else {
                watch::RTNLGRP_IPV4_IFADDR
            }],
            Watch::Route(watch) => vec![
                watch::RTNLGRP_LINK,
                if watch.prefix.family == AF_INET6 {
                    watch::RTNLGRP_IPV6_ROUTE
                } else {
                    watch::RTNLGRP_IPV4_ROUTE
                },
            ],
        }
    }

    /// The dump request giving the current state.
    fn dump_request(&self) -> Request {
        let flags = NLM_F_REQUEST | NLM_F_DUMP;
        match self {
            Watch::Link(_) => Request::new(watch::RTM_GETLINK, flags).fixed(&[0; 16]),
            // All the links' addresses of the family, as `ip addr` asks.
            Watch::Address(watch) => crate::kernel::address::dump_request(watch.address.family, 0),
            Watch::Route(watch) => {
                let mut header = [0u8; 12];
                header[0] = watch.prefix.family;
                Request::new(watch::RTM_GETROUTE, flags).fixed(&header)
            }
        }
    }

    fn clear(&mut self) {
        match self {
            Watch::Link(watch) => watch.clear(),
            Watch::Address(watch) => watch.clear(),
            Watch::Route(watch) => watch.clear(),
        }
    }

    fn observe(&mut self, msg_type: u16, payload: &[u8]) {
        match self {
            Watch::Link(watch) => watch.observe(msg_type, payload),
            Watch::Address(watch) => watch.observe(msg_type, payload),
            Watch::Route(watch) => watch.observe(msg_type, payload),
        }
    }

    fn holds(&self) -> bool {
        match self {
            Watch::Link(watch) => watch.holds(),
            Watch::Address(watch) => watch.holds(),
            Watch::Route(watch) => watch.holds(),
        }
    }

    fn state(&self) -> &'static str {
        match self {
            Watch::Link(watch) => watch.state(),
            Watch::Address(watch) => watch.state(),
            Watch::Route(watch) => watch.state(),
        }
    }

    /// Whether an event asks for the state to be dumped again rather than
    /// observed: a link event while routes are watched.
    fn needs_dump_after(&self, msg_type: u16) -> bool {
        matches!(self, Watch::Route(_)) && watch::is_link_event(msg_type)
    }

    /// Replaces what is known with a dump on the command socket.
    fn read_state(&mut self, raw: &mut RawSocket) -> Result<()> {
        let (messages, _) = dump_consistently(DUMP_ATTEMPTS, |messages: &mut Vec<_>| {
            raw.talk(self.dump_request(), |message| {
                messages.push((message.msg_type, message.payload.to_vec()))
            })
        })
        .map_err(Error::dump_terminated)?;
        self.clear();
        for (msg_type, payload) in &messages {
            self.observe(*msg_type, payload);
        }
        Ok(())
    }

    /// Waits until the condition holds or `deadline` passes: whether it
    /// held, and the state last seen.
    fn run(mut self, ctx: &mut Context, deadline: Instant) -> Result<(bool, &'static str)> {
        let events_error = |err: std::io::Error| WaitError::Events(err.raw_os_error().unwrap_or(0));
        let mut events = RawSocket::open(EVENT_RCVBUF, false).map_err(events_error)?;
        events.subscribe(&self.groups()).map_err(events_error)?;
        self.read_state(ctx.raw()?)?;
        loop {
            if self.holds() {
                return Ok((true, self.state()));
            }
            let mut dump_again = false;
            let read = events.receive_events_until(Some(deadline), |message| {
                // Once it held, later messages of the same read are not
                // looked at: the condition was met at that moment.
                if dump_again || self.holds() {
                    return ControlFlow::Break(());
                }
                if self.needs_dump_after(message.msg_type) {
                    dump_again = true;
                    return ControlFlow::Break(());
                }
                self.observe(message.msg_type, message.payload);
                if self.holds() {
                    ControlFlow::Break(())
                } else {
                    ControlFlow::Continue(())
                }
            });
            match read {
                Ok(true) if dump_again => self.read_state(ctx.raw()?)?,
                Ok(true) => {}
                Ok(false) => return Ok((false, self.state())),
                Err(err) if err.raw_os_error() == Some(nix::libc::ENOBUFS) => {
                    self.read_state(ctx.raw()?)?
                }
                Err(err) => return Err(events_error(err).into()),
            }
        }
    }
}

/// What a named namespace is: bound (its file is an nsfs mount), a file
/// not bound yet (`ip netns add` creates it, then mounts it), or absent.
fn netns_state(path: &Path) -> &'static str {
    match nix::sys::statfs::statfs(path) {
        Ok(fs) if fs.filesystem_type() == nix::sys::statfs::NSFS_MAGIC => "present",
        Ok(_) => "not mounted",
        Err(_) if path.exists() => "not mounted",
        Err(_) => "gone",
    }
}

/// Waits for `/run/netns/NAME` to be a bound namespace or to be gone.
/// inotify on /run/netns sees files come and go; the bind mount itself
/// makes no inotify event, so /proc/self/mountinfo, which `poll` reports
/// with POLLPRI at every mount change, is watched too.
fn wait_netns(name: &str, want: Presence, deadline: Instant) -> Result<(bool, &'static str)> {
    use nix::sys::inotify::{AddWatchFlags, InitFlags, Inotify};

    let inotify = Inotify::init(InitFlags::IN_NONBLOCK | InitFlags::IN_CLOEXEC)
        .map_err(|errno| Error::from(NetnsError::InotifyInit(errno as i32)))?;
    let mountinfo = std::fs::File::open("/proc/self/mountinfo")
        .map_err(|err| WaitError::Mountinfo(err.raw_os_error().unwrap_or(0)))?;
    let flags = AddWatchFlags::IN_CREATE
        | AddWatchFlags::IN_DELETE
        | AddWatchFlags::IN_MOVED_FROM
        | AddWatchFlags::IN_MOVED_TO;
    // /run/netns may not exist yet: its creation is a mount change too
    // (ip makes it a mount point), after which the watch is added.
    let mut watching = inotify.add_watch(RUN_DIR, flags).is_ok();
    let path = Path::new(RUN_DIR).join(name);
    loop {
        let state = netns_state(&path);
        let held = match want {
            Presence::Present => state == "present",
            Presence::Gone => state == "gone",
        };
        if held {
            return Ok((true, state));
        }
        let mut fds = [
            nix::libc::pollfd {
                fd: inotify.as_fd().as_raw_fd(),
                events: nix::libc::POLLIN,
                revents: 0,
            },
            nix::libc::pollfd {
                fd: mountinfo.as_raw_fd(),
                events: nix::libc::POLLPRI,
                revents: 0,
            },
        ];
        let ready = poll_before(&mut fds, Some(deadline))
            .map_err(|err| Error::from(NetnsError::InotifyRead(err.raw_os_error().unwrap_or(0))))?;
        if ready == 0 {
            return Ok((false, state));
        }
        // Drained only to empty the queue: the state is read from the
        // file system itself.
        while let Ok(events) = inotify.read_events() {
            if events.is_empty() {
                break;
            }
        }
        if !watching {
            watching = inotify.add_watch(RUN_DIR, flags).is_ok();
        }
    }
}
