//! The bottom of error reporting: the traits every error and warning type
//! implements ([`SubjectError`], [`SubjectWarning`]), the name rnet was
//! invoked as, and the one way a warning reaches stderr ([`warn`]).
//!
//! It imports nothing of the crate, so that every layer can depend on it:
//! the kernel layer's errors and warnings implement these traits here, and
//! the one error table (`crate::error`), which sits above the kernel layer,
//! turns them into ip's texts and statuses. Without this module the kernel
//! layer would import the error table that imports it (a circle).

use std::any::Any;
use std::fmt;
use std::io::Write;

/// What an object's own error type (`objects/<object>/errors.rs`, and the
/// kernel layer's `kernel/errors.rs`) gives the one table: ip's text and
/// status, whether ip `exit()`s with it, and what `-json-errors` and the
/// hints say. Implementing it is all a new object's errors need: `?` turns
/// the type into a `crate::error::Error`, and nothing there names it.
pub(crate) trait SubjectError: ErrorValue + fmt::Debug + Send + Sync + 'static {
    /// The exit status ip ends with.
    fn status(&self) -> i32;

    /// Whether ip raises it with `exit()`, which ends a batch at once even
    /// under -force. Most of an object's errors are returned, so: no.
    fn aborts_batch(&self) -> bool {
        false
    }

    /// The exact stderr text (without the final newline), or `None` when
    /// ip prints nothing; `prog` is the name rnet was invoked as.
    fn message(&self, prog: &str) -> Option<String>;

    /// The errno behind it, for `-json-errors`.
    fn errno(&self) -> Option<i32> {
        None
    }

    /// The names of the objects it is about (devices, namespaces, files).
    fn objects(&self) -> Vec<String> {
        Vec::new()
    }

    /// rnet's hint: what clashed or is missing, and what to do.
    fn hint(&self) -> Option<String> {
        None
    }
}

/// What lets `crate::error::Error` stay `Clone` and `Eq` while it holds any
/// [`SubjectError`]; every `Clone + PartialEq` type has it.
pub(crate) trait ErrorValue {
    fn boxed(&self) -> Box<dyn SubjectError>;
    fn same_as(&self, other: &dyn SubjectError) -> bool;
    fn as_any(&self) -> &dyn Any;
}

impl<T: SubjectError + Clone + PartialEq> ErrorValue for T {
    fn boxed(&self) -> Box<dyn SubjectError> {
        Box::new(self.clone())
    }

    fn same_as(&self, other: &dyn SubjectError) -> bool {
        other.as_any().downcast_ref::<T>() == Some(self)
    }

    fn as_any(&self) -> &dyn Any {
        self
    }
}

impl Clone for Box<dyn SubjectError> {
    fn clone(&self) -> Self {
        self.boxed()
    }
}

impl PartialEq for Box<dyn SubjectError> {
    fn eq(&self, other: &Self) -> bool {
        self.same_as(other.as_ref())
    }
}

impl Eq for Box<dyn SubjectError> {}

/// What a warning type gives the warning table: ip's text. A warning is
/// printed and the command goes on; it has no status.
pub(crate) trait SubjectWarning: fmt::Debug {
    fn message(&self) -> String;
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

/// Prints a warning to stderr and carries on.
pub(crate) fn warn(warning: &dyn SubjectWarning) {
    print_line(&warning.message());
}

/// Writes one line of diagnostics to stderr: the one place warnings and
/// reported errors are written.
pub(crate) fn print_line(text: &str) {
    // A closed stderr is no reason to fail the command.
    let _ = writeln!(std::io::stderr(), "{text}");
}
