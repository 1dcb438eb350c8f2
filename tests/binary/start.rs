//! The one way the tests and the benchmarks start the built `dafu` and make a scratch
//! directory (the benchmarks include this file by its path).
//!
//! Every run starts from the same place: the crate's directory (so fixture paths in messages
//! read `tests/fixtures/…`) and none of the developer's settings that change what dafu shows
//! (its own variables, the terminal's colour hints), so that neither a check nor a figure
//! depends on who runs it.

#![allow(
    dead_code,
    reason = "each test crate and benchmark uses a different subset"
)]

use std::ffi::OsStr;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use portable_pty::CommandBuilder;

/// The binary under test.
pub const DAFU: &str = env!("CARGO_BIN_EXE_dafu");

/// dafu's own settings, removed from every run.
const DAFU_VARIABLES: [&str; 3] = ["DAFU_LANG", "DAFU_AMBIGUOUS_WIDTH", "DAFU_THEME"];

/// What a terminal or multiplexer tells a program about colour, removed from runs in a
/// terminal, where [`in_terminal`] sets `TERM` itself.
const TERMINAL_VARIABLES: [&str; 5] = ["COLORTERM", "TMUX", "STY", "NO_COLOR", "COLORFGBG"];

/// A command that runs dafu with `args` from the crate's directory, with no stdin, stdout and
/// stderr captured, and none of dafu's environment variables.
pub fn dafu<I, S>(args: I) -> Command
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    let mut command = Command::new(DAFU);
    command.args(args);
    prepare(&mut command);
    command
}

/// [`dafu`] run by `program` with `args` before dafu's path, such as `/bin/sh -c '…'`
/// (the program gets dafu's path and `dafu_args` as its last arguments).
pub fn dafu_through<I, S>(program: &str, args: &[&str], dafu_args: I) -> Command
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    let mut command = Command::new(program);
    command.args(args).arg(DAFU).args(dafu_args);
    prepare(&mut command);
    command
}

fn prepare(command: &mut Command) {
    command.current_dir(env!("CARGO_MANIFEST_DIR"));
    for variable in DAFU_VARIABLES {
        command.env_remove(variable);
    }
    command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
}

/// dafu with `args`, to be started in a pseudo-terminal: from the crate's directory, with
/// `TERM=xterm-256color`, a UTF-8 locale, and none of dafu's or the terminal's settings.
pub fn in_terminal<I, S>(args: I) -> CommandBuilder
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    in_terminal_through(&[], args)
}

/// [`in_terminal`], run by `wrapper` (e.g. `["setsid", "-w"]`), which gets dafu's path and
/// `args` after its own.
pub fn in_terminal_through<I, S>(wrapper: &[&str], args: I) -> CommandBuilder
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    let mut command = match wrapper.split_first() {
        Some((program, before)) => {
            let mut command = CommandBuilder::new(program);
            command.args(before);
            command.arg(DAFU);
            command
        }
        None => CommandBuilder::new(DAFU),
    };
    command.args(args);
    command.cwd(env!("CARGO_MANIFEST_DIR"));
    command.env("TERM", "xterm-256color");
    for variable in DAFU_VARIABLES.iter().chain(&TERMINAL_VARIABLES) {
        command.env_remove(variable);
    }
    command.env("LANG", "C.UTF-8");
    command
}

/// A scratch directory of its own (the `tempfile` crate's), removed when dropped, also when
/// a test fails: the one way the tests and the benchmarks make a directory.
pub struct Scratch(tempfile::TempDir);

impl Scratch {
    /// Makes an empty scratch directory for `name` (which its name carries).
    #[track_caller]
    pub fn new(name: &str) -> Self {
        let dir = tempfile::Builder::new()
            .prefix(&format!("dafu-{name}-"))
            .tempdir()
            .expect("create a scratch directory");
        Self(dir)
    }

    /// Writes `contents` to the file `name` in the directory and returns its path.
    #[track_caller]
    pub fn write(&self, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let path = self.0.path().join(name);
        fs::write(&path, contents).expect("write a scratch file");
        path
    }

    /// The directory.
    pub fn path(&self) -> &Path {
        self.0.path()
    }
}

impl std::ops::Deref for Scratch {
    type Target = Path;
    fn deref(&self) -> &Path {
        self.0.path()
    }
}
