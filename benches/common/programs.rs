//! Other programs the benchmarks time dafu against (`jless`, `less`, `rg`), found once, and
//! whole processes timed the one way: dafu started as the tests start it
//! (`tests/binary/start.rs`), the others as they are.

use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// A tool by the path in `variable`, else by `name` on PATH.
pub fn tool(variable: &str, name: &str) -> Option<PathBuf> {
    if let Some(path) = std::env::var_os(variable) {
        return Some(PathBuf::from(path));
    }
    std::env::split_paths(&std::env::var_os("PATH")?)
        .map(|dir| dir.join(name))
        .find(|path| path.is_file())
}

/// Runs `command` to its end, its output discarded, and returns how long it took.
///
/// # Errors
/// When it cannot be started.
pub fn time_quietly(command: &mut Command) -> std::io::Result<Duration> {
    let started = Instant::now();
    command
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()?;
    Ok(started.elapsed())
}

/// `program` with `args`, to be started in a pseudo-terminal (`first_frame::run`).
pub fn in_a_terminal(program: &std::path::Path, args: &[&str]) -> portable_pty::CommandBuilder {
    let mut command = portable_pty::CommandBuilder::new(program);
    command.args(args);
    command
}
