//! The `rnet` binary (also installable as `ip`).

fn main() {
    // Rust ignores SIGPIPE by default; ip does not, and an ignored SIGPIPE
    // would also be inherited by every program `netns exec` starts. With the
    // default action, `rnet link | head -1` ends quietly as ip does.
    // SAFETY: setting a signal disposition before any thread exists.
    unsafe {
        nix::libc::signal(nix::libc::SIGPIPE, nix::libc::SIG_DFL);
    }
    let argv: Vec<String> = std::env::args_os()
        .map(|arg| {
            arg.into_string()
                .unwrap_or_else(|arg| arg.to_string_lossy().into_owned())
        })
        .collect();
    std::process::exit(rnet::app::main_with_args(&argv));
}
