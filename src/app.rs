//! From argv to exit status: global options, the object table, batch mode.
//!
//! This is ip/ip.c: options first (`-netns` takes effect where it stands),
//! then the object word, resolved in ip's table order, gets the rest of the
//! words. Every error comes back here and is printed once, from the table in
//! `error.rs`.

use std::io::Write;

use crate::error::{self, Error, Result};
use crate::grammar::generate;
use crate::grammar::options::{self, Options, Parsed};
use crate::grammar::tree::{self, Usage, IMPLEMENTED_OBJECTS, OBJECTS};
use crate::kernel::namespace;
use crate::kernel::raw::RawSocket;
use crate::kernel::Netlink;
use crate::model::link::LinkCache;
use crate::objects;
use crate::objects::netns::NsidNames;
use crate::output::Printer;

/// What every command handler works with.
pub struct Context {
    pub options: Options,
    pub out: Printer,
    /// In batch mode `netns exec` forks instead of replacing rnet.
    pub batch_mode: bool,
    /// Links seen so far, by index (ip's ll_map), shared by a whole batch.
    pub links: LinkCache,
    netlink: Option<Netlink>,
    raw: Option<RawSocket>,
    nsid_names: Option<NsidNames>,
}

/// ip's receive buffer for rtnetlink sockets (lib/libnetlink.c).
const RCVBUF: usize = 1024 * 1024;

impl Context {
    pub fn new(options: Options) -> Self {
        let out = Printer::stdout(&options);
        Context {
            options,
            out,
            batch_mode: false,
            links: LinkCache::default(),
            netlink: None,
            raw: None,
            nsid_names: None,
        }
    }

    /// The nsid → namespace name cache, made on first use.
    pub fn nsid_names(&mut self) -> Result<&NsidNames> {
        if self.nsid_names.is_none() {
            let names = NsidNames::build(self)?;
            self.nsid_names = Some(names);
        }
        Ok(self.nsid_names.as_ref().expect("made above"))
    }

    /// Takes the cache out to update it (`netns list-id` does).
    pub fn take_nsid_names(&mut self) -> NsidNames {
        self.nsid_names.take().unwrap_or_default()
    }

    pub fn put_nsid_names(&mut self, names: NsidNames) {
        self.nsid_names = Some(names);
    }

    /// The socket for dumps and lookups, opened on first use.
    pub fn raw(&mut self) -> Result<&mut RawSocket> {
        if self.raw.is_none() {
            let rcvbuf = self.options.rcvbuf.map_or(RCVBUF, |size| size as usize);
            let socket = RawSocket::open(rcvbuf, !self.batch_mode)
                .map_err(|err| Error::NetlinkOpen(err.raw_os_error().unwrap_or(0)))?;
            self.raw = Some(socket);
        }
        Ok(self.raw.as_mut().expect("opened above"))
    }

    /// The rtnetlink session, opened on first use (many netns commands never
    /// talk to the kernel over netlink).
    pub fn netlink(&mut self) -> Result<&mut Netlink> {
        if self.netlink.is_none() {
            self.netlink = Some(Netlink::open(self.options.rcvbuf, !self.batch_mode)?);
        }
        Ok(self.netlink.as_mut().expect("opened above"))
    }
}

/// ip's `do_cmd`: runs the object named by `word` with `args`.
pub fn run_object(ctx: &mut Context, word: &str, args: &[String]) -> Result<()> {
    let Some(object) = tree::resolve(word, OBJECTS) else {
        return Err(Error::UnknownObject(word.to_string()));
    };
    if !IMPLEMENTED_OBJECTS.contains(&object.name) {
        return Err(Error::ObjectNotImplemented(object.name));
    }
    match object.name {
        "netns" => objects::netns::run(ctx, args),
        "link" => objects::link::run(ctx, args),
        "address" => objects::address::run(ctx, args),
        "route" => objects::route::run(ctx, args),
        "rule" => objects::rule::run(ctx, args),
        "nexthop" => objects::nexthop::run(ctx, args),
        "mrule" => objects::rule::run_multicast(ctx, args),
        "help" => Err(Error::Usage(Usage::Ip)),
        // An object listed as implemented without a handler here.
        other => Err(Error::ObjectNotImplemented(other)),
    }
}

fn version_line() -> String {
    format!(
        "{} utility, iproute2-6.1.0 compatible, rnet {}",
        error::program(),
        env!("CARGO_PKG_VERSION")
    )
}

fn run(argv: &[String]) -> Result<()> {
    let invoked_as = argv
        .first()
        .map(|arg0| arg0.rsplit('/').next().unwrap_or(arg0).to_string())
        .unwrap_or_default();
    error::set_program(&invoked_as);
    crate::explain::configure(crate::explain::stderr_is_terminal(), false);
    let args = argv.get(1..).unwrap_or(&[]);

    let (options, rest) = match options::parse(args, namespace::enter)? {
        Parsed::Version => {
            println!("{}", version_line());
            return Ok(());
        }
        Parsed::Completions(shell) => {
            let script = generate::completions(&shell).ok_or(Error::UnknownShell(shell))?;
            let _ = std::io::stdout().write_all(&script);
            return Ok(());
        }
        Parsed::Man => {
            let _ = std::io::stdout().write_all(&generate::man_page());
            return Ok(());
        }
        Parsed::Run { options, rest } => (options, rest),
    };
    crate::explain::configure(
        options.hints || crate::explain::stderr_is_terminal(),
        options.json_errors,
    );
    let batch_file = options.batch.clone();
    let mut ctx = Context::new(options);
    if let Some(file) = batch_file {
        return crate::batch::run(&mut ctx, &file);
    }
    let words = &args[rest..];
    // ip's multi-call trick: invoked as `iplink`, `link` is the object.
    if let Some(object) = invoked_as
        .get(2..)
        .filter(|name| !name.is_empty() && invoked_as.len() > 2)
    {
        if tree::resolve(object, OBJECTS).is_some() {
            return run_object(&mut ctx, object, words);
        }
    }
    match words.split_first() {
        Some((object, rest)) => run_object(&mut ctx, object, rest),
        None => Err(Error::Usage(Usage::Ip)),
    }
}

/// The whole program; returns the exit status.
pub fn main_with_args(argv: &[String]) -> i32 {
    match run(argv) {
        Ok(()) => 0,
        Err(err) => {
            let _ = std::io::stdout().flush();
            error::report(&err);
            err.status() & 0xff
        }
    }
}
