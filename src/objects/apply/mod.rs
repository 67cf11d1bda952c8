//! `rnet apply FILE` and `rnet destroy FILE` (rnet's own objects; ip has
//! none): a whole test topology (namespaces, veth pairs, bridges, macvlan,
//! vxlan and tap links, addresses, routes, neighbours, sysctls, link
//! states) from one YAML or JSON file, planned against the kernel's state,
//! applied all-or-nothing, and removed again.
//!
//! `apply` prints the plan as the ip command lines it runs, then runs them
//! through rnet's own object dispatch (`topology` reads the file, `state`
//! the kernel, `plan` diffs them, `execute` runs and undoes). A second
//! apply of an unchanged file finds nothing to do and says so with its own
//! exit status, [`errors::NOTHING_TO_DO`].

pub(crate) mod errors;
mod execute;
mod plan;
mod state;
pub(crate) mod topology;

use crate::context::Context;
use crate::error::{Error, Result};
use crate::grammar::tree::{kw, kw_exact, Keyword, Usage};
use crate::output::Kind;
use errors::ApplyError;
use plan::Step;

/// `rnet apply` words besides FILE (rnet's own object).
pub(crate) const COMMANDS: &[Keyword] = &[
    kw_exact("-dry-run", "print the plan, change nothing"),
    kw_exact("-j", "print the plan as JSON"),
    kw("help", "print the usage"),
];

/// `rnet destroy` words besides FILE.
pub(crate) const DESTROY_COMMANDS: &[Keyword] = &[
    kw_exact("-dry-run", "print what would be removed, remove nothing"),
    kw_exact("-j", "print the plan as JSON"),
    kw("help", "print the usage"),
];

/// `rnet apply help` and `rnet destroy help`: one text for both.
pub(crate) const USAGE: Usage = Usage::object(include_str!("usage.txt"), "rnet ");

/// What the command line asked for.
struct Request {
    file: String,
    dry_run: bool,
    json: bool,
}

fn parse(args: &[String], verb: &str) -> Result<Request> {
    let mut request = Request {
        file: String::new(),
        dry_run: false,
        json: false,
    };
    let mut file = None;
    for arg in args {
        match arg.as_str() {
            "-dry-run" | "--dry-run" => request.dry_run = true,
            "-j" | "-json" | "--json" => request.json = true,
            "help" | "-h" | "-help" | "--help" if file.is_none() => {
                return Err(Error::Usage(USAGE))
            }
            word if word.starts_with('-') && word.len() > 1 => {
                return Err(ApplyError::Usage(format!(
                    "Option \"{word}\" is unknown, try \"{} {} help\".",
                    crate::error::program(),
                    verb
                ))
                .into())
            }
            word if file.is_none() => file = Some(word.to_string()),
            word => {
                return Err(ApplyError::Usage(format!(
                    "Garbage after FILE: \"{word}\", try \"{} {} help\".",
                    crate::error::program(),
                    verb
                ))
                .into())
            }
        }
    }
    request.file = file.ok_or(Error::Usage(USAGE))?;
    Ok(request)
}

/// `rnet apply [ -dry-run ] [ -j ] FILE`.
pub fn run(ctx: &mut Context, args: &[String]) -> Result<()> {
    let request = parse(args, "apply")?;
    let checked = read(&request.file)?;
    let steps = plan::apply(&checked)?;
    finish(ctx, &request, &steps, "apply")
}

/// `rnet destroy [ -dry-run ] [ -j ] FILE`.
pub fn run_destroy(ctx: &mut Context, args: &[String]) -> Result<()> {
    let request = parse(args, "destroy")?;
    let checked = read(&request.file)?;
    let steps = plan::destroy(&checked)?;
    finish(ctx, &request, &steps, "destroy")
}

fn read(path: &str) -> Result<topology::Checked> {
    let text = std::fs::read_to_string(path).map_err(|err| ApplyError::Read {
        path: path.to_string(),
        errno: err.raw_os_error().unwrap_or(nix::libc::EINVAL),
    })?;
    Ok(topology::read(path, &text)?)
}

/// Prints the plan, runs it unless it is a dry run, and ends with the
/// status that tells changes from nothing to do.
fn finish(ctx: &mut Context, request: &Request, steps: &[Step], verb: &str) -> Result<()> {
    let json = request.json || ctx.options.json > 0;
    print_plan(ctx, request, steps, verb, json);
    if steps.is_empty() {
        return Err(ApplyError::NothingToDo.into());
    }
    if request.dry_run {
        return Ok(());
    }
    execute::run_all(steps)?;
    if !json {
        ctx.out.text(format!(
            "# {verb}: {} change(s) made, from {}\n",
            steps.len(),
            request.file
        ));
        ctx.out.flush();
    }
    Ok(())
}

/// The plan as ip lines (with `#` comments, so that the whole output is a
/// shell script), or as one JSON object.
fn print_plan(ctx: &mut Context, request: &Request, steps: &[Step], verb: &str, json: bool) {
    if json && ctx.options.json == 0 {
        let mut options = ctx.options.clone();
        options.json = 1;
        ctx.out = crate::output::Printer::stdout(&options);
    }
    let p = &mut ctx.out;
    p.begin_object_document();
    p.string(Kind::Json, Some("action"), "", verb);
    p.string(Kind::Json, Some("file"), "", &request.file);
    p.boolean(Kind::Json, Some("dry_run"), "", request.dry_run);
    p.int(Kind::Json, Some("changes"), "", steps.len() as u64);
    p.open_array(Kind::Json, "steps", "");
    for step in steps {
        p.open_object(None);
        match &step.command.netns {
            Some(name) => p.string(Kind::Json, Some("netns"), "", name),
            None => p.null("netns"),
        }
        p.string(Kind::Any, Some("command"), "{}\n", step.command.text());
        match &step.undo {
            Some(undo) => p.string(Kind::Json, Some("undo"), "", undo.text()),
            None => p.null("undo"),
        }
        p.close_object();
    }
    p.close_array(Kind::Json, "");
    if steps.is_empty() {
        p.text(format!(
            "# {verb}: nothing to do, the kernel matches {}\n",
            request.file
        ));
    } else if request.dry_run {
        p.text(format!(
            "# {verb} -dry-run: {} change(s) planned, none made\n",
            steps.len()
        ));
    }
    p.end_object_document();
    p.flush();
}
