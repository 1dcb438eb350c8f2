//! A harness that runs the real `dafu` binary in a pseudo-terminal and reads its screen
//! through a terminal emulator (vt100), the way a person would see it.
//!
//! A reader thread feeds everything the program writes into a [`vt100::Parser`] and keeps
//! the raw bytes too (for checks on the escape sequences themselves). It also watches for
//! cursor position requests (`ESC [ 6 n`) and answers them as a terminal would, so that
//! the ambiguous-width probe can be tested with a narrow, a wide or a silent terminal.
//!
//! Every check waits for the screen to reach a state instead of sleeping, through the one hang
//! guard (`tests/util/wait.rs`): it says what it waited for and shows the screen if the state
//! never comes; it never says how soon it must.

#![allow(dead_code)]

use std::io::{Read, Write};
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread::JoinHandle;

use portable_pty::{Child, ExitStatus, MasterPty, PtySize, native_pty_system};

use crate::binary::{start, wait};

/// What the fake terminal answers to a cursor position request (`ESC [ 6 n`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Probe {
    /// `ESC [ 2 ; 2 R`: the probe character took one column.
    Narrow,
    /// `ESC [ 2 ; 3 R`: the probe character took two columns.
    Wide,
    /// No answer at all, as some terminals (and some multiplexers) do.
    Silent,
    /// These bytes, e.g. a key pressed just before the terminal's answer. (A terminal that
    /// answers late is a [`Probe::Silent`] one whose test writes the answer with
    /// [`Pty::send_bytes`] once the probe has stopped waiting: after the first frame.)
    Reply(&'static [u8]),
}

impl Probe {
    fn answer(self) -> Option<&'static [u8]> {
        match self {
            Probe::Narrow => Some(b"\x1b[2;2R"),
            Probe::Wide => Some(b"\x1b[2;3R"),
            Probe::Silent => None,
            Probe::Reply(bytes) => Some(bytes),
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
    /// Set when the pty's output ended (the program and every copy of the slave are gone).
    eof: bool,
    /// Set when the emulator itself panicked on the output (a vt100 bug, not the program's).
    emulator_failed: bool,
    /// Set to make the reader thread let go of the master after its next read.
    let_go: bool,
    /// What the program wrote that the emulator has not seen yet: a frame not yet ended.
    unshown: Vec<u8>,
}

/// The program begins each frame with this (a synchronized update, mode 2026)…
const FRAME_BEGINS: &[u8] = b"\x1b[?2026h";
/// …and ends it with this.
const FRAME_ENDS: &[u8] = b"\x1b[?2026l";

impl Shared {
    /// Gives the emulator the first `len` bytes of [`Shared::unshown`]; false when the
    /// emulator panicked on them.
    fn show(&mut self, len: usize) -> bool {
        let bytes: Vec<u8> = self.unshown.drain(..len).collect();
        let parser = &mut self.parser;
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| parser.process(&bytes))).is_ok()
    }
}

/// How much of `unshown` the emulator may see: all of it but a frame begun and not yet ended
/// (or the start of a frame's first sequence, split across reads). A frame reaches the pty in
/// many writes, and a test looking between two of them would see a screen the program never
/// drew: half the old frame, half the new one, a cursor not yet where the frame puts it.
fn shown_len(unshown: &[u8]) -> usize {
    let begun = rfind(unshown, FRAME_BEGINS);
    let ended = rfind(unshown, FRAME_ENDS);
    match begun {
        Some(begun) if ended.is_none_or(|ended| ended < begun) => begun,
        _ => (1..FRAME_BEGINS.len())
            .rev()
            .find(|&k| unshown.ends_with(&FRAME_BEGINS[..k]))
            .map_or(unshown.len(), |k| unshown.len() - k),
    }
}

/// The program running in a pseudo-terminal.
pub struct Pty {
    /// `None` once the terminal was closed ([`Pty::close_terminal`]).
    master: Option<Box<dyn MasterPty + Send>>,
    child: Box<dyn Child + Send + Sync>,
    writer: Arc<Mutex<Box<dyn Write + Send>>>,
    shared: Arc<Mutex<Shared>>,
    reader: Option<JoinHandle<()>>,
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
    /// The pipe, open for writing once the reader has come to the gate.
    held: Option<std::fs::File>,
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
        Self { dir, held: None }
    }

    /// The named pipe.
    pub fn path(&self) -> std::path::PathBuf {
        self.dir.join("gate")
    }

    /// Returns once the reader has come to the gate (opening the pipe for writing waits for
    /// its reader), and holds it there until [`Gate::open`].
    #[track_caller]
    pub fn reached(&mut self) {
        if self.held.is_none() {
            let path = self.path();
            let pipe = wait::on_a_thread("the reader to come to the gate", move || {
                std::fs::OpenOptions::new().write(true).open(path)
            });
            self.held = Some(pipe.expect("open the gate's pipe"));
        }
    }

    /// Opens the gate: returns once the reader has come to it, and lets it through (closing
    /// the pipe ends the reader's wait).
    #[track_caller]
    pub fn open(mut self) {
        self.reached();
        self.held = None;
    }
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
    /// Starts `dafu` as `options` say, the way every test starts it in a terminal
    /// ([`start::in_terminal`]).
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
        let wrapper: Vec<&str> = options.wrapper.iter().map(String::as_str).collect();
        let mut cmd = start::in_terminal_through(&wrapper, &options.args);
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
            eof: false,
            emulator_failed: false,
            let_go: false,
            unshown: Vec::new(),
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
                    s.unshown.extend_from_slice(bytes);
                    let shown = shown_len(&s.unshown);
                    if !s.show(shown) {
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
                    let mut w = lock(&thread_writer);
                    for _ in 0..new_requests {
                        let _ = w.write_all(answer);
                        let _ = w.flush();
                    }
                }
            }
            let mut s = lock(&thread_shared);
            // A frame the program never ended (it was killed mid-frame) is shown as it came.
            let all = s.unshown.len();
            if !s.show(all) {
                s.emulator_failed = true;
            }
            s.eof = true;
        });
        Self {
            master: Some(master),
            child,
            writer,
            shared,
            reader: Some(handle),
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
        self.send_bytes(keys.as_bytes());
    }

    /// Writes `bytes` as the terminal would: keys, or a terminal's answer.
    pub fn send_bytes(&self, bytes: &[u8]) {
        let mut w = lock(&self.writer);
        w.write_all(bytes).expect("write to the pty");
        w.flush().expect("flush the pty");
    }

    /// Writes `bytes` over the terminal's screen as another program writing to the same
    /// terminal would (a background job, `wall`): dafu does not know.
    pub fn scribble(&self, bytes: &[u8]) {
        lock(&self.shared).parser.process(bytes);
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

    /// The program's process id.
    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("the child has a pid")
    }

    /// Waits until `pred` holds for the screen; fails with `what` and the screen if it never
    /// does ([`wait::until`]) or the program's output ends first.
    #[track_caller]
    pub fn wait_for(&self, what: &str, pred: impl Fn(&vt100::Screen) -> bool) {
        self.wait_until(what, |s| if pred(s) { Ok(()) } else { Err(String::new()) });
    }

    /// Waits until `check` passes for the screen; fails with `what`, the last reason `check`
    /// gave and the screen if it never does ([`wait::until`]) or the program's output ends
    /// first.
    #[track_caller]
    pub fn wait_until(&self, what: &str, check: impl Fn(&vt100::Screen) -> Result<(), String>) {
        wait::until(what, || {
            let (result, eof, emulator_failed) = {
                let s = lock(&self.shared);
                (check(s.parser.screen()), s.eof, s.emulator_failed)
            };
            let reason = match result {
                Ok(()) => return Ok(()),
                Err(reason) => reason,
            };
            let why = if emulator_failed {
                "the terminal emulator (vt100) panicked on the output"
            } else if eof {
                "the program's output ended"
            } else {
                return Err(format!("{reason}\nthe screen:\n{}", self.dump()));
            };
            panic!(
                "{why} waiting for {what}: {reason}\nthe screen:\n{}",
                self.dump()
            );
        });
    }

    /// Waits until the screen contains `text`.
    #[track_caller]
    pub fn wait_for_text(&self, text: &str) {
        self.wait_for(&format!("{text:?} on the screen"), |s| {
            s.contents().contains(text)
        });
    }

    /// Waits until row `row` satisfies `pred`.
    #[track_caller]
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

    /// Waits for the program to end and for its last output to be read.
    #[track_caller]
    pub fn wait_exit(&mut self) -> ExitStatus {
        wait::until("the program to exit", || {
            if self.is_running() {
                Err(self.dump())
            } else {
                Ok(())
            }
        });
        // The output ends (EIO on the master) once the child's copies of the slave close.
        wait::until("the program's output to end after it exited", || {
            if lock(&self.shared).eof {
                Ok(())
            } else {
                Err(self.dump())
            }
        });
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
    #[track_caller]
    pub fn close_terminal(&mut self) {
        lock(&self.shared).let_go = true;
        if let Some(handle) = self.reader.take() {
            wait::until("output to wake the reader thread", || {
                if handle.is_finished() {
                    return Ok(());
                }
                self.send("\t");
                Err(self.dump())
            });
            let _ = handle.join();
        }
        *lock(&self.writer) = Box::new(std::io::sink());
        self.master = None;
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
pub fn cpu_time(pid: u32) -> Option<std::time::Duration> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let (_, rest) = stat.rsplit_once(')')?;
    // Fields after the name: state is field 3, utime 14, stime 15 (1-based, whole line).
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks: u64 = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
    // USER_HZ is 100 on every Linux the tests run on.
    Some(std::time::Duration::from_millis(ticks * 10))
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
