//! Start to first frame, timed from outside: a full-screen program is started in a fresh
//! 120×36 pseudo-terminal, and the clock stops when it has drawn its first frame and quit on
//! the `q` typed as soon as it took the screen. The same way for `dafu`, `less` and `jless`,
//! so that their times can be compared side by side.
//!
//! What counts as "took the screen": the switch to the alternate screen (`ESC [ ? 1049 h`),
//! which all three send before drawing. Each of them reads keys only after its first frame is
//! drawn, so the `q` typed then ends the program right after that frame.
//!
//! The harness answers a cursor position request (`ESC [ 6 n`) as a terminal would, at once:
//! `dafu` asks one at start (its terminal probe), and a pseudo-terminal with no emulator
//! behind it would leave it waiting out its timeout, a delay no real terminal causes.

use std::io::{self, Read, Write};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

/// What a full-screen program sends before its first frame.
const ALTERNATE_SCREEN: &[u8] = b"\x1b[?1049h";

/// A cursor position request, and the report the harness answers it with (row 2, column 2:
/// what a terminal that draws ambiguous characters narrow reports to `dafu`'s probe).
const POSITION_REQUEST: &[u8] = b"\x1b[6n";
const POSITION_REPORT: &[u8] = b"\x1b[2;2R";

/// Runs `command` in a 120×36 pseudo-terminal until its first frame is up, types `q`, waits
/// for it to exit, and returns how long all of that took and its exit code. `dafu` is given as
/// the tests start it in a terminal (`tests/binary/start.rs`, `in_terminal`); another program
/// as `CommandBuilder::new`. Each gets `TERM=xterm-256color`, and the current directory if
/// the command names none.
///
/// # Errors
/// When the pseudo-terminal cannot be opened or the program cannot be started.
pub fn run(mut command: CommandBuilder) -> io::Result<(Duration, u32)> {
    let to_io = |e: anyhow::Error| io::Error::other(e.to_string());
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 36,
            cols: 120,
            pixel_width: 0,
            pixel_height: 0,
        })
        .map_err(to_io)?;
    command.env("TERM", "xterm-256color");
    if command.get_cwd().is_none() {
        command.cwd(std::env::current_dir()?);
    }
    let started = Instant::now();
    let mut child = pair.slave.spawn_command(command).map_err(to_io)?;
    // Only the child holds the terminal's other end now, so reading ends when it exits.
    drop(pair.slave);
    let mut output = pair.master.try_clone_reader().map_err(to_io)?;
    // Kept until the child exits: dropping it would send an end-of-file.
    let mut keyboard = pair.master.take_writer().map_err(to_io)?;
    // What was read since the last request answered, bounded: a request may be split
    // between two reads, so the tail of the last one is kept.
    let mut seen: Vec<u8> = Vec::new();
    let mut typed = false;
    let mut buffer = [0u8; 65536];
    loop {
        let read = match output.read(&mut buffer) {
            Ok(0) | Err(_) => break, // The child has gone: EOF, or EIO on Linux.
            Ok(n) => n,
        };
        seen.extend_from_slice(buffer.get(..read).unwrap_or_default());
        if !typed && contains(&seen, ALTERNATE_SCREEN) {
            keyboard.write_all(b"q")?;
            keyboard.flush()?;
            typed = true;
        }
        while let Some(at) = find(&seen, POSITION_REQUEST) {
            keyboard.write_all(POSITION_REPORT)?;
            keyboard.flush()?;
            seen.drain(..at + POSITION_REQUEST.len());
        }
        let keep = ALTERNATE_SCREEN.len().max(POSITION_REQUEST.len());
        if seen.len() > keep {
            seen.drain(..seen.len() - keep);
        }
    }
    let status = child.wait()?;
    Ok((started.elapsed(), status.exit_code()))
}

/// Where `needle` first occurs in `haystack`.
fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    find(haystack, needle).is_some()
}
