//! A harness that runs the real `dafu` binary in a pseudo-terminal and reads its screen
//! through a terminal emulator (vt100), the way a person would see it.
//!
//! A reader thread feeds everything the program writes into a [`vt100::Parser`] and keeps
//! the raw bytes too (for checks on the escape sequences themselves). It also watches for
//! cursor position requests (`ESC [ 6 n`) and answers them as a terminal would, so that
//! the ambiguous-width probe can be tested with a narrow, a wide or a silent terminal.
//!
//! Every check waits for the screen to reach a state, with a timeout, instead of sleeping.

#![allow(dead_code)]

use std::io::{Read, Write};
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, ExitStatus, MasterPty, PtySize, native_pty_system};

/// How long a check waits for the screen before it fails: generous, for loaded machines.
pub const TIMEOUT: Duration = Duration::from_secs(5);

/// How often a waiting check looks at the screen again.
const POLL: Duration = Duration::from_millis(10);

/// What the fake terminal answers to a cursor position request (`ESC [ 6 n`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Probe {
    /// `ESC [ 2 ; 2 R`: the probe character took one column.
    Narrow,
    /// `ESC [ 2 ; 3 R`: the probe character took two columns.
    Wide,
    /// No answer at all, as some terminals (and some multiplexers) do.
    Silent,
    /// These bytes, e.g. a key pressed just before the terminal's answer.
    Reply(&'static [u8]),
    /// These bytes `after` the request (a slow link), written whole or `byte_by_byte`, a
    /// few milliseconds apart (a link that splits them).
    Late {
        after: Duration,
        reply: &'static [u8],
        byte_by_byte: bool,
    },
}

impl Probe {
    fn answer(self) -> Option<&'static [u8]> {
        match self {
            Probe::Narrow => Some(b"\x1b[2;2R"),
            Probe::Wide => Some(b"\x1b[2;3R"),
            Probe::Silent => None,
            Probe::Reply(bytes) | Probe::Late { reply: bytes, .. } => Some(bytes),
        }
    }

    /// Writes `answer` as this probe answers, then counts it in `answered`.
    fn write_answer(
        self,
        answer: &'static [u8],
        writer: &Arc<Mutex<Box<dyn Write + Send>>>,
        shared: &Arc<Mutex<Shared>>,
    ) {
        let write = |bytes: &[u8]| {
            let mut w = lock(writer);
            let _ = w.write_all(bytes);
            let _ = w.flush();
        };
        match self {
            Probe::Late {
                after,
                byte_by_byte,
                ..
            } => {
                let (writer, shared) = (Arc::clone(writer), Arc::clone(shared));
                std::thread::spawn(move || {
                    std::thread::sleep(after);
                    if byte_by_byte {
                        for byte in answer {
                            let mut w = lock(&writer);
                            let _ = w.write_all(std::slice::from_ref(byte));
                            let _ = w.flush();
                            drop(w);
                            // Apart, so that the program reads them one at a time.
                            std::thread::sleep(Duration::from_millis(3));
                        }
                    } else {
                        let mut w = lock(&writer);
                        let _ = w.write_all(answer);
                        let _ = w.flush();
                    }
                    lock(&shared).answered += 1;
                });
            }
            _ => {
                write(answer);
                lock(shared).answered += 1;
            }
        }
    }
}

/// How to start the program.
#[derive(Debug, Clone)]
pub struct Options {
    /// Columns of the terminal.
    pub cols: u16,
    /// Rows of the terminal.
    pub rows: u16,
    /// Arguments after the program name.
    pub args: Vec<String>,
    /// How cursor position requests are answered.
    pub probe: Probe,
    /// Environment changes after the defaults: set (`Some`) or removed (`None`).
    pub env: Vec<(String, Option<String>)>,
    /// A program (and its arguments) that runs `dafu`, such as `setsid -w`.
    pub wrapper: Vec<String>,
}

impl Options {
    /// A `cols`×`rows` terminal that answers "narrow", running `dafu` with `args`.
    pub fn new(cols: u16, rows: u16, args: &[&str]) -> Self {
        Self {
            cols,
            rows,
            args: args.iter().map(ToString::to_string).collect(),
            probe: Probe::Narrow,
            env: Vec::new(),
            wrapper: Vec::new(),
        }
    }

    /// Sets the environment variable `key` to `value` (`None` removes it).
    pub fn env(mut self, key: &str, value: Option<&str>) -> Self {
        self.env
            .push((key.to_string(), value.map(ToString::to_string)));
        self
    }

    /// Holds the reader at `gate`, which the hook's `variable` names (`DAFU_TEST_INDEX_GATE`,
    /// `DAFU_TEST_READ_GATE`; see `src/tui/hooks.rs`) until the test opens it.
    pub fn gate(self, variable: &str, gate: &Gate) -> Self {
        let path = gate.path();
        self.env(variable, Some(&path.to_string_lossy()))
    }

    /// Runs `dafu` through `wrapper` (e.g. `["setsid", "-w"]`).
    pub fn wrapped_in(mut self, wrapper: &[&str]) -> Self {
        self.wrapper = wrapper.iter().map(ToString::to_string).collect();
        self
    }

    /// Answers cursor position requests as `probe` says.
    pub fn probe(mut self, probe: Probe) -> Self {
        self.probe = probe;
        self
    }
}

/// Records what the program asked the terminal to do besides drawing.
#[derive(Debug, Default)]
pub struct Recorder {
    /// Window titles and icon names set (OSC 0, 1, 2).
    pub titles: Vec<Vec<u8>>,
    /// Clipboard writes (OSC 52), base64 as sent.
    pub clipboard: Vec<Vec<u8>>,
    /// Bells rung.
    pub bells: usize,
}

impl vt100::Callbacks for Recorder {
    fn audible_bell(&mut self, _: &mut vt100::Screen) {
        self.bells += 1;
    }

    fn set_window_icon_name(&mut self, _: &mut vt100::Screen, name: &[u8]) {
        self.titles.push(name.to_vec());
    }

    fn set_window_title(&mut self, _: &mut vt100::Screen, title: &[u8]) {
        self.titles.push(title.to_vec());
    }

    fn copy_to_clipboard(&mut self, _: &mut vt100::Screen, _ty: &[u8], data: &[u8]) {
        self.clipboard.push(data.to_vec());
    }
}

/// What the reader thread shares with the test.
struct Shared {
    parser: vt100::Parser<Recorder>,
    /// Every byte the program wrote, in order.
    raw: Vec<u8>,
    /// How far `raw` has been searched for cursor position requests.
    scanned: usize,
    /// Cursor position requests seen so far.
    requests: usize,
    /// Answers written in full so far.
    answered: usize,
    /// When the first byte arrived.
    first_output: Option<Instant>,
    /// Set when the pty's output ended (the program and every copy of the slave are gone).
    eof: bool,
    /// Set when the emulator itself panicked on the output (a vt100 bug, not the program's).
    emulator_failed: bool,
    /// Set to make the reader thread let go of the master after its next read.
    let_go: bool,
}

/// The program running in a pseudo-terminal.
pub struct Pty {
    /// `None` once the terminal was closed ([`Pty::close_terminal`]).
    master: Option<Box<dyn MasterPty + Send>>,
    child: Box<dyn Child + Send + Sync>,
    writer: Arc<Mutex<Box<dyn Write + Send>>>,
    shared: Arc<Mutex<Shared>>,
    reader: Option<JoinHandle<()>>,
    started: Instant,
    exit: Option<ExitStatus>,
    /// The state directory made for this run (removed when it ends), if the test named none.
    own_state: Option<TempDir>,
}

/// A temporary directory removed when dropped, also when the test fails: the tests' one
/// helper ([`crate::binary::Scratch`]).
pub use crate::binary::Scratch as TempDir;

/// A gate the reader waits at until the test opens it (see `src/tui/hooks.rs`): a named pipe,
/// given to the reader by [`Options::gate`].
pub struct Gate {
    dir: TempDir,
}

impl Gate {
    /// A closed gate.
    #[track_caller]
    pub fn new() -> Self {
        let dir = TempDir::new("gate");
        let fifo = dir.join("gate");
        rustix::fs::mknodat(
            rustix::fs::CWD,
            &fifo,
            rustix::fs::FileType::Fifo,
            rustix::fs::Mode::RUSR | rustix::fs::Mode::WUSR,
            0,
        )
        .expect("make a named pipe");
        Self { dir }
    }

    /// The named pipe.
    pub fn path(&self) -> std::path::PathBuf {
        self.dir.join("gate")
    }

    /// Opens the gate: returns once the reader has come to it and gone through (opening the
    /// pipe for writing waits for its reader). Fails the test if the reader never comes.
    #[track_caller]
    pub fn open(self) {
        let path = self.path();
        let (done, opened) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let _ = done.send(std::fs::OpenOptions::new().write(true).open(path).is_ok());
        });
        assert_eq!(
            opened.recv_timeout(TIMEOUT),
            Ok(true),
            "the reader did not come to the gate within {TIMEOUT:?}"
        );
    }
}

/// The program under test.
pub fn binary() -> &'static str {
    crate::binary::DAFU
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    // A panicking test thread must not hide the screen from the next assertion.
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Finds `needle` in `haystack`.
pub fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Finds the last `needle` in `haystack`.
pub fn rfind(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

/// Counts `needle` in `haystack`.
pub fn count(haystack: &[u8], needle: &[u8]) -> usize {
    haystack
        .windows(needle.len())
        .filter(|w| *w == needle)
        .count()
}

impl Pty {
    /// Starts `dafu` as `options` say, with `TERM=xterm-256color`.
    pub fn spawn(options: Options) -> Self {
        let system = native_pty_system();
        let pair = system
            .openpty(PtySize {
                rows: options.rows,
                cols: options.cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let mut cmd = match options.wrapper.split_first() {
            Some((program, args)) => {
                let mut cmd = CommandBuilder::new(program);
                cmd.args(args);
                cmd.arg(binary());
                cmd
            }
            None => CommandBuilder::new(binary()),
        };
        cmd.args(&options.args);
        cmd.cwd(env!("CARGO_MANIFEST_DIR"));
        cmd.env("TERM", "xterm-256color");
        // Settings from the developer's environment must not change what the tests see.
        for var in [
            "DAFU_LANG",
            "DAFU_AMBIGUOUS_WIDTH",
            "COLORTERM",
            "TMUX",
            "STY",
            "NO_COLOR",
            "COLORFGBG",
            "DAFU_THEME",
        ] {
            cmd.env_remove(var);
        }
        cmd.env("LANG", "C.UTF-8");
        cmd.env("RUST_BACKTRACE", "1");
        // The place kept between runs goes to a directory of this run's own, unless the test
        // names one: no test reads the developer's state, or another test's.
        let own_state = if options.env.iter().any(|(key, _)| key == "XDG_STATE_HOME") {
            None
        } else {
            let dir = TempDir::new("state");
            cmd.env("XDG_STATE_HOME", dir.path());
            Some(dir)
        };
        for (key, value) in &options.env {
            match value {
                Some(value) => cmd.env(key, value),
                None => cmd.env_remove(key),
            }
        }
        let started = Instant::now();
        let child = pair.slave.spawn_command(cmd).expect("spawn dafu");
        // Only the child keeps the slave open, so that its exit ends our reads.
        drop(pair.slave);
        let master = pair.master;
        let writer = Arc::new(Mutex::new(master.take_writer().expect("pty writer")));
        let mut reader = master.try_clone_reader().expect("pty reader");
        let shared = Arc::new(Mutex::new(Shared {
            parser: vt100::Parser::new_with_callbacks(
                options.rows,
                options.cols,
                0,
                Recorder::default(),
            ),
            raw: Vec::new(),
            scanned: 0,
            requests: 0,
            answered: 0,
            first_output: None,
            eof: false,
            emulator_failed: false,
            let_go: false,
        }));
        let probe = options.probe;
        let answer = probe.answer();
        let thread_shared = Arc::clone(&shared);
        let thread_writer = Arc::clone(&writer);
        let handle = std::thread::spawn(move || {
            let mut chunk = [0u8; 8192];
            loop {
                let n = match reader.read(&mut chunk) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => n,
                };
                let bytes = &chunk[..n];
                let new_requests = {
                    let mut s = lock(&thread_shared);
                    s.first_output.get_or_insert_with(Instant::now);
                    let parser = &mut s.parser;
                    let processed = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                        parser.process(bytes);
                    }));
                    if processed.is_err() {
                        // Say so, rather than leave the program blocked on a full pty.
                        s.emulator_failed = true;
                        break;
                    }
                    s.raw.extend_from_slice(bytes);
                    // A request may be split across reads: look back over its length.
                    let from = s.scanned.saturating_sub(3);
                    let found = count(&s.raw[from..], b"\x1b[6n");
                    s.scanned = s.raw.len();
                    s.requests += found;
                    if s.let_go {
                        break;
                    }
                    found
                };
                if let Some(answer) = answer {
                    for _ in 0..new_requests {
                        probe.write_answer(answer, &thread_writer, &thread_shared);
                    }
                }
            }
            lock(&thread_shared).eof = true;
        });
        Self {
            master: Some(master),
            child,
            writer,
            shared,
            reader: Some(handle),
            started,
            exit: None,
            own_state,
        }
    }

    /// Starts `dafu [args]` in a `cols`×`rows` terminal that answers "narrow".
    pub fn start(cols: u16, rows: u16, args: &[&str]) -> Self {
        Self::spawn(Options::new(cols, rows, args))
    }

    /// Types `keys` (raw bytes: `"\x1b"` is Esc, `"\r"` Enter, `"\t"` Tab).
    pub fn send(&self, keys: &str) {
        let mut w = lock(&self.writer);
        w.write_all(keys.as_bytes()).expect("write to the pty");
        w.flush().expect("flush the pty");
    }

    /// Looks at the screen.
    pub fn with_screen<T>(&self, f: impl FnOnce(&vt100::Screen) -> T) -> T {
        f(lock(&self.shared).parser.screen())
    }

    /// Looks at what the program asked of the terminal besides drawing.
    pub fn with_recorder<T>(&self, f: impl FnOnce(&Recorder) -> T) -> T {
        f(lock(&self.shared).parser.callbacks())
    }

    /// The screen as text, one line a row.
    pub fn screen_text(&self) -> String {
        self.with_screen(vt100::Screen::contents)
    }

    /// The screen's rows as text (wide characters once, trailing blanks dropped).
    pub fn rows(&self) -> Vec<String> {
        self.with_screen(|s| {
            let (_, cols) = s.size();
            s.rows(0, cols).collect()
        })
    }

    /// The screen with row numbers, for failure messages.
    pub fn dump(&self) -> String {
        self.rows()
            .iter()
            .enumerate()
            .map(|(i, r)| format!("{i:>3}|{r}\n"))
            .collect()
    }

    /// Every byte the program has written so far.
    pub fn raw(&self) -> Vec<u8> {
        lock(&self.shared).raw.clone()
    }

    /// Cursor position requests the program has sent so far.
    pub fn requests(&self) -> usize {
        lock(&self.shared).requests
    }

    /// Waits until the terminal has written its answer to the first request in full.
    pub fn wait_answered(&self) {
        let start = Instant::now();
        while lock(&self.shared).answered == 0 {
            assert!(start.elapsed() < TIMEOUT, "the probe was never answered");
            std::thread::sleep(POLL);
        }
    }

    /// How long after the start the first byte of output came.
    pub fn first_output_after(&self) -> Option<Duration> {
        lock(&self.shared)
            .first_output
            .map(|t| t.duration_since(self.started))
    }

    /// When the program was started.
    pub fn started(&self) -> Instant {
        self.started
    }

    /// The program's process id.
    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("the child has a pid")
    }

    /// Waits until `pred` holds for the screen; panics with `what` and the screen if it
    /// does not within [`TIMEOUT`].
    pub fn wait_for(&self, what: &str, pred: impl Fn(&vt100::Screen) -> bool) {
        self.wait_for_within(what, TIMEOUT, pred);
    }

    /// [`Pty::wait_for`] with a timeout of its own; returns how long it took.
    pub fn wait_for_within(
        &self,
        what: &str,
        timeout: Duration,
        pred: impl Fn(&vt100::Screen) -> bool,
    ) -> Duration {
        self.wait_until_within(what, timeout, |s| {
            if pred(s) { Ok(()) } else { Err(String::new()) }
        })
    }

    /// Waits until `check` passes for the screen; panics with `what`, the last reason
    /// `check` gave and the screen if it does not within [`TIMEOUT`].
    pub fn wait_until(&self, what: &str, check: impl Fn(&vt100::Screen) -> Result<(), String>) {
        self.wait_until_within(what, TIMEOUT, check);
    }

    /// [`Pty::wait_until`] with a timeout of its own; returns how long it took.
    pub fn wait_until_within(
        &self,
        what: &str,
        timeout: Duration,
        check: impl Fn(&vt100::Screen) -> Result<(), String>,
    ) -> Duration {
        let start = Instant::now();
        loop {
            let (result, eof, emulator_failed) = {
                let s = lock(&self.shared);
                (check(s.parser.screen()), s.eof, s.emulator_failed)
            };
            let reason = match result {
                Ok(()) => return start.elapsed(),
                Err(reason) => reason,
            };
            if start.elapsed() > timeout || eof {
                let why = if emulator_failed {
                    "the terminal emulator (vt100) panicked on the output"
                } else if eof {
                    "the program's output ended"
                } else {
                    "timed out"
                };
                panic!(
                    "{why} waiting for {what} (after {:?}) {reason}\nthe screen:\n{}",
                    start.elapsed(),
                    self.dump()
                );
            }
            std::thread::sleep(POLL);
        }
    }

    /// Waits until the screen contains `text`.
    pub fn wait_for_text(&self, text: &str) {
        self.wait_for(&format!("{text:?} on the screen"), |s| {
            s.contents().contains(text)
        });
    }

    /// Waits until row `row` satisfies `pred`.
    pub fn wait_for_row(&self, what: &str, row: u16, pred: impl Fn(&str) -> bool) {
        self.wait_for(what, |s| {
            let (_, cols) = s.size();
            s.rows(0, cols)
                .nth(usize::from(row))
                .is_some_and(|r| pred(&r))
        });
    }

    /// Resizes the terminal (the emulator first, then the pty, which signals SIGWINCH).
    ///
    /// The emulator is kept at least 2×2: vt100 0.16 panics when a wide character reaches
    /// a 1-column or 1-row screen (output still in flight from the previous size).
    pub fn resize(&self, cols: u16, rows: u16) {
        let (pty_cols, pty_rows) = (cols, rows);
        let (cols, rows) = (cols.max(2), rows.max(2));
        {
            let mut s = lock(&self.shared);
            // vt100 0.16 panics on the next character written to a row whose last column,
            // after narrowing, holds the first half of a wide character. A real terminal
            // drops that character; here such rows are blanked before the resize (the
            // program clears and redraws the whole screen after a resize anyway).
            let (old_rows, old_cols) = s.parser.screen().size();
            if cols < old_cols && cols > 0 {
                let cut: Vec<u16> = (0..old_rows.min(rows))
                    .filter(|&r| {
                        s.parser
                            .screen()
                            .cell(r, cols - 1)
                            .is_some_and(vt100::Cell::is_wide)
                    })
                    .collect();
                if !cut.is_empty() {
                    let mut fix = b"\x1b7".to_vec();
                    for r in cut {
                        fix.extend_from_slice(format!("\x1b[{};1H\x1b[2K", r + 1).as_bytes());
                    }
                    fix.extend_from_slice(b"\x1b8");
                    s.parser.process(&fix);
                }
            }
            s.parser.screen_mut().set_size(rows, cols);
        }
        self.master()
            .resize(PtySize {
                rows: pty_rows,
                cols: pty_cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("resize the pty");
    }

    /// Sends `signal` (a name such as `TERM`) to the program with kill(1).
    pub fn signal(&self, signal: &str) {
        let status = std::process::Command::new("kill")
            .arg(format!("-{signal}"))
            .arg(self.pid().to_string())
            .status()
            .expect("run kill");
        assert!(status.success(), "kill -{signal} failed");
    }

    /// Whether the program is still running.
    pub fn is_running(&mut self) -> bool {
        if self.exit.is_some() {
            return false;
        }
        match self.child.try_wait() {
            Ok(Some(status)) => {
                self.exit = Some(status);
                false
            }
            Ok(None) => true,
            Err(_) => false,
        }
    }

    /// Waits for the program to end and for its last output to be read; panics after
    /// [`TIMEOUT`].
    pub fn wait_exit(&mut self) -> ExitStatus {
        let start = Instant::now();
        while self.is_running() {
            assert!(
                start.elapsed() < TIMEOUT,
                "the program did not exit; the screen:\n{}",
                self.dump()
            );
            std::thread::sleep(POLL);
        }
        // The output ends (EIO on the master) once the child's copies of the slave close.
        while !lock(&self.shared).eof {
            assert!(
                start.elapsed() < TIMEOUT,
                "the program exited but its output did not end"
            );
            std::thread::sleep(POLL);
        }
        if let Some(handle) = self.reader.take() {
            let _ = handle.join();
        }
        self.exit.clone().expect("exit status recorded")
    }

    /// The pty's terminal modes (after the program exits: whether it gave them back).
    #[cfg(unix)]
    pub fn local_flags(&self) -> Option<u64> {
        self.master()
            .get_termios()
            .map(|t| u64::from(t.local_flags.bits()))
    }

    fn master(&self) -> &(dyn MasterPty + Send) {
        self.master.as_deref().expect("the terminal is open")
    }

    /// Writes `bytes` to the emulated screen as if another program (the shell, after the
    /// reader stopped) had printed them.
    pub fn emulate_output(&self, bytes: &[u8]) {
        lock(&self.shared).parser.process(bytes);
    }

    /// Closes the terminal, as a terminal window closes: every descriptor of the master side
    /// goes, so the kernel hangs up the slave the program reads. Returns when it did.
    ///
    /// The reader thread blocks in a read on its own copy of the master; it is asked to let
    /// go after its next read, and Tab is typed (the reader redraws its pane borders) until
    /// some output wakes it.
    pub fn close_terminal(&mut self) -> Instant {
        lock(&self.shared).let_go = true;
        let start = Instant::now();
        if let Some(handle) = self.reader.take() {
            while !handle.is_finished() {
                assert!(
                    start.elapsed() < TIMEOUT,
                    "no output to wake the reader thread; the screen:\n{}",
                    self.dump()
                );
                self.send("\t");
                std::thread::sleep(Duration::from_millis(20));
            }
            let _ = handle.join();
        }
        *lock(&self.writer) = Box::new(std::io::sink());
        self.master = None;
        Instant::now()
    }
}

/// A process's state letter from `/proc/PID/stat` (`R`, `S`, `T` stopped, `Z` zombie), or
/// `None` when it is gone.
#[cfg(target_os = "linux")]
pub fn process_state(pid: u32) -> Option<char> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The command name is in parentheses and may hold spaces: the state follows the last ')'.
    let (_, rest) = stat.rsplit_once(')')?;
    rest.trim_start().chars().next()
}

/// CPU time a process has used (user + system), from `/proc/PID/stat`.
#[cfg(target_os = "linux")]
pub fn cpu_time(pid: u32) -> Option<Duration> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let (_, rest) = stat.rsplit_once(')')?;
    // Fields after the name: state is field 3, utime 14, stime 15 (1-based, whole line).
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks: u64 = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
    // USER_HZ is 100 on every Linux the tests run on.
    Some(Duration::from_millis(ticks * 10))
}

/// The children of process `pid` (found by scanning `/proc`).
#[cfg(target_os = "linux")]
pub fn children(pid: u32) -> Vec<u32> {
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    entries
        .filter_map(|e| e.ok()?.file_name().to_str()?.parse::<u32>().ok())
        .filter(|&child| {
            std::fs::read_to_string(format!("/proc/{child}/stat"))
                .ok()
                .and_then(|stat| {
                    let (_, rest) = stat.rsplit_once(')')?;
                    rest.split_whitespace().nth(1)?.parse::<u32>().ok()
                })
                == Some(pid)
        })
        .collect()
}

/// Sends `signal` (a name such as `KILL`) to process `pid` with kill(1); ignores failure.
pub fn kill(pid: u32, signal: &str) {
    let _ = std::process::Command::new("kill")
        .arg(format!("-{signal}"))
        .arg(pid.to_string())
        .status();
}

impl Drop for Pty {
    fn drop(&mut self) {
        if self.is_running() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
        // The reader thread ends by itself when the pty closes; never block on it here.
    }
}

/// Row `row` of the screen as text (wide characters once, trailing blanks dropped).
pub fn row_text(s: &vt100::Screen, row: u16) -> String {
    let (_, cols) = s.size();
    s.rows(0, cols).nth(usize::from(row)).unwrap_or_default()
}

/// The bottom row (the reader's status row).
pub fn status_row(s: &vt100::Screen) -> String {
    let (rows, _) = s.size();
    row_text(s, rows.saturating_sub(1))
}

/// The text of the cell at (`row`, `col`): a character, or "" for the right half of a wide
/// one or an empty cell.
pub fn cell(s: &vt100::Screen, row: u16, col: u16) -> String {
    s.cell(row, col)
        .map(|c| c.contents().to_string())
        .unwrap_or_default()
}
