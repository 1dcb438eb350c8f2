//! Helpers for the tests that run the built `dafu` binary: run it and collect what it
//! printed, find fixtures, make scratch directories, read CSV. The binary is started the one
//! way the tests and the benchmarks start it ([`start`]); the pseudo-terminal harness
//! (`tests/util/pty.rs`) starts it in a terminal the same way.
//!
//! Every run is waited for under the hang guard ([`wait`]), so a hang fails its test instead
//! of hanging CI; no run is asked to be quick. Runs start with no stdin (so the interactive
//! reader never starts).

#![allow(dead_code, reason = "each test crate uses a different subset")]

#[path = "start.rs"]
pub mod start;
#[path = "../util/wait.rs"]
pub mod wait;

use std::fmt;
use std::io::Read;
use std::path::Path;
use std::process::{Child, Command, ExitStatus};
use std::thread::{self, JoinHandle};

#[allow(unused_imports, reason = "each test crate uses a different subset")]
pub use start::{Scratch, dafu};

/// The letter that ships with dafu, as its YAML source.
pub const LETTER_YAML: &str = include_str!("../../content/zhongshan-kjj-2021-142.yaml");

/// What a finished run of dafu left behind.
pub struct Output {
    /// How it ended.
    pub status: ExitStatus,
    /// Everything it wrote to stdout.
    pub stdout: Vec<u8>,
    /// Everything it wrote to stderr.
    pub stderr: Vec<u8>,
}

impl Output {
    /// The exit status, or `None` when a signal ended it.
    pub fn code(&self) -> Option<i32> {
        self.status.code()
    }

    /// The signal that ended it, if one did.
    #[cfg(unix)]
    pub fn signal(&self) -> Option<i32> {
        use std::os::unix::process::ExitStatusExt;
        self.status.signal()
    }

    /// The signal that ended it, if one did.
    #[cfg(not(unix))]
    pub fn signal(&self) -> Option<i32> {
        None
    }

    /// Stdout as text; a test fails if it is not UTF-8.
    pub fn stdout(&self) -> String {
        String::from_utf8(self.stdout.clone()).expect("dafu's stdout is UTF-8")
    }

    /// Stderr as text; a test fails if it is not UTF-8.
    pub fn stderr(&self) -> String {
        String::from_utf8(self.stderr.clone()).expect("dafu's stderr is UTF-8")
    }

    /// Asserts that dafu refused its input the way `dafu check` documents: exit status 2,
    /// nothing on stdout, one message on stderr that starts with `prefix` (`FILE:LINE:COL: `
    /// or `FILE: `). Returns the message.
    #[track_caller]
    pub fn assert_refused(&self, prefix: &str) -> String {
        assert_eq!(self.code(), Some(2), "exit status\n{self:?}");
        assert!(self.stdout.is_empty(), "stdout is not empty\n{self:?}");
        let stderr = self.stderr();
        assert!(
            stderr.starts_with(prefix),
            "stderr does not start with {prefix:?}\n{self:?}"
        );
        assert!(
            stderr.ends_with('\n') && stderr.lines().count() == 1,
            "the message is not one line\n{self:?}"
        );
        stderr
    }
}

impl fmt::Debug for Output {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let show = |bytes: &[u8]| {
            let text = String::from_utf8_lossy(bytes);
            let mut shown: String = text.chars().take(2000).collect();
            if shown.len() < text.len() {
                shown.push('…');
            }
            shown
        };
        writeln!(f, "status: {:?}", self.status)?;
        writeln!(f, "stdout: {:?}", show(&self.stdout))?;
        write!(f, "stderr: {:?}", show(&self.stderr))
    }
}

/// A command that runs dafu with `args` under a limit on its address space (`ulimit -v`, in
/// KiB), so that a test of memory exhaustion fails instead of exhausting the machine.
#[cfg(unix)]
pub fn dafu_with_memory_limit<I, S>(kib: u64, args: I) -> Command
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    let script = r#"ulimit -v "$1" || exit 99; shift; exec "$@""#;
    start::dafu_through("/bin/sh", &["-c", script, "sh", &kib.to_string()], args)
}

/// Runs dafu with `args` and waits for it to end.
#[track_caller]
pub fn run<I, S>(args: I) -> Output
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    run_command(&mut dafu(args))
}

/// Runs `command` and waits for it to end.
#[track_caller]
pub fn run_command(command: &mut Command) -> Output {
    let child = command.spawn().expect("start dafu");
    finish(child)
}

/// Waits for `child` to end (under the hang guard: a child that never ends is killed and
/// fails the test), reading whichever of its stdout and stderr are still piped.
#[track_caller]
pub fn finish(child: Child) -> Output {
    let mut child = KillOnDrop(child);
    // Drain both pipes while waiting, so that a chatty child never blocks on a full pipe.
    let stdout = child.0.stdout.take().map(drain);
    let stderr = child.0.stderr.take().map(drain);
    let status = wait::until(&format!("dafu (pid {}) to end", child.0.id()), || {
        child
            .0
            .try_wait()
            .expect("wait for dafu")
            .ok_or_else(|| "it still runs".to_string())
    });
    Output {
        status,
        stdout: stdout.map(collect).unwrap_or_default(),
        stderr: stderr.map(collect).unwrap_or_default(),
    }
}

/// A child killed if the test fails (or hangs) before it ended.
struct KillOnDrop(Child);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        if let Ok(None) = self.0.try_wait() {
            let _ = self.0.kill();
            let _ = self.0.wait();
        }
    }
}

fn drain(mut pipe: impl Read + Send + 'static) -> JoinHandle<Vec<u8>> {
    thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = pipe.read_to_end(&mut bytes);
        bytes
    })
}

fn collect(reader: JoinHandle<Vec<u8>>) -> Vec<u8> {
    reader.join().expect("pipe reader thread")
}

/// The path of a fixture, as dafu is given it and names it in messages (relative to the
/// crate's directory, where every run starts).
#[track_caller]
pub fn fixture(name: &str) -> String {
    let path = format!("tests/fixtures/{name}");
    let exists = Path::new(env!("CARGO_MANIFEST_DIR")).join(&path).exists();
    assert!(exists, "fixture {path} is missing");
    path
}

/// Splits RFC 4180 CSV into records of fields. Quoted fields may hold commas, doubled quotes
/// and line breaks; a quote anywhere else fails the test, since it means the writer did not
/// quote a field that needed it.
#[track_caller]
pub fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    // Whether the current field began with a quote, and whether that quote is still open.
    let (mut quoted, mut open) = (false, false);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if open {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => open = false,
                _ => field.push(c),
            }
            continue;
        }
        match c {
            '"' if field.is_empty() && !quoted => (quoted, open) = (true, true),
            '"' => panic!("stray quote in CSV field {field:?}"),
            ',' => {
                record.push(std::mem::take(&mut field));
                quoted = false;
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' => {
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
                quoted = false;
            }
            _ if quoted => panic!("text after the closing quote of CSV field {field:?}"),
            _ => field.push(c),
        }
    }
    assert!(!open, "unterminated quoted CSV field {field:?}");
    if !field.is_empty() || !record.is_empty() || quoted {
        record.push(field);
        records.push(record);
    }
    records
}

/// The display column (narrow ambiguous width, as dafu assumes for pipes) at which byte
/// offset `at` of `line` begins.
pub fn display_column(line: &str, at: usize) -> usize {
    use unicode_width::UnicodeWidthStr;
    line.get(..at).expect("a char boundary").width()
}
