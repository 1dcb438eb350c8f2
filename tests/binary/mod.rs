//! Helpers for the tests that run the built `dafu` binary: run it with a deadline and collect
//! what it printed, find fixtures, make scratch directories, read CSV. The one way the tests
//! start the binary without a terminal ([`dafu`]) and make a directory ([`Scratch`]); the
//! pseudo-terminal harness (`tests/util/pty.rs`) starts it in a terminal, and uses both.
//!
//! Every run has a deadline, so a hang fails its test instead of hanging CI, and every run
//! starts from the same place: the crate's directory (so fixture paths in messages read
//! `tests/fixtures/…`), no stdin (so the interactive reader never starts), and none of dafu's
//! environment variables.

#![allow(dead_code, reason = "each test crate uses a different subset")]

use std::ffi::OsStr;
use std::fmt;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

/// The binary under test.
pub const DAFU: &str = env!("CARGO_BIN_EXE_dafu");

/// How long an ordinary run may take before the test fails (debug builds on a loaded CI
/// machine are slow; a real letter takes milliseconds).
pub const DEADLINE: Duration = Duration::from_secs(60);

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
    /// How long it ran.
    pub elapsed: Duration,
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
        writeln!(f, "status: {:?} after {:?}", self.status, self.elapsed)?;
        writeln!(f, "stdout: {:?}", show(&self.stdout))?;
        write!(f, "stderr: {:?}", show(&self.stderr))
    }
}

/// A command that runs dafu with `args` from the crate's directory, with no stdin, stdout
/// and stderr captured, and none of dafu's environment variables.
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

/// A command that runs dafu with `args` under a limit on its address space (`ulimit -v`, in
/// KiB), so that a test of memory exhaustion fails instead of exhausting the machine.
#[cfg(unix)]
pub fn dafu_with_memory_limit<I, S>(kib: u64, args: I) -> Command
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    let mut command = Command::new("/bin/sh");
    command
        .arg("-c")
        .arg(r#"ulimit -v "$1" || exit 99; shift; exec "$@""#)
        .arg("sh")
        .arg(kib.to_string())
        .arg(DAFU)
        .args(args);
    prepare(&mut command);
    command
}

fn prepare(command: &mut Command) {
    command
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("DAFU_LANG")
        .env_remove("DAFU_AMBIGUOUS_WIDTH")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
}

/// Runs dafu with `args` and waits for it, for at most [`DEADLINE`].
#[track_caller]
pub fn run<I, S>(args: I) -> Output
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    run_within(&mut dafu(args), DEADLINE)
}

/// Runs `command` and waits for it for at most `limit`; kills it and fails the test when it
/// takes longer.
#[track_caller]
pub fn run_within(command: &mut Command, limit: Duration) -> Output {
    let child = command.spawn().expect("start dafu");
    finish_within(child, limit)
}

/// Waits for `child` for at most `limit`, reading whichever of its stdout and stderr are still
/// piped; kills it and fails the test when it takes longer.
#[track_caller]
pub fn finish_within(mut child: Child, limit: Duration) -> Output {
    let start = Instant::now();
    // Drain both pipes while waiting, so that a chatty child never blocks on a full pipe.
    let stdout = child.stdout.take().map(drain);
    let stderr = child.stderr.take().map(drain);
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for dafu") {
            break status;
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            let stderr = stderr.map(collect).unwrap_or_default();
            panic!(
                "dafu did not finish within {limit:?}; it was killed. stderr: {:?}",
                String::from_utf8_lossy(&stderr)
            );
        }
        thread::sleep(Duration::from_millis(5));
    };
    let elapsed = start.elapsed();
    Output {
        status,
        stdout: stdout.map(collect).unwrap_or_default(),
        stderr: stderr.map(collect).unwrap_or_default(),
        elapsed,
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

/// A scratch directory of its own (the `tempfile` crate's), removed when dropped, also when
/// the test fails: the one way the tests make a directory.
pub struct Scratch(tempfile::TempDir);

impl Scratch {
    /// Makes an empty scratch directory for the test `name` (which its name carries).
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
