//! From argv to exit status: global options, the object table, batch mode.
//!
//! This is ip/ip.c: options first (`-netns` takes effect where it stands),
//! then the object word, resolved in ip's table order, gets the rest of the
//! words. Every error comes back here and is printed once, from the table in
//! `error.rs`.

use std::io::Write;

use crate::context::Context;
use crate::error::{self, Error, Result};
use crate::generate;
use crate::grammar::options::{self, Parsed};
use crate::grammar::tree::{self, Usage};
use crate::kernel::namespace;
use crate::registry::{self, run_object};

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
    tree::set_implemented_objects(registry::implemented_names());
    crate::explain::configure(crate::explain::stderr_is_terminal(), false);
    let args = argv.get(1..).unwrap_or(&[]);

    let (options, rest) = match options::parse(args, |name| Ok(namespace::enter(name)?))? {
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
        if registry::find(object).is_some() {
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
