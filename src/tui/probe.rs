//! Asking the terminal how wide it draws East Asian Ambiguous characters.
//!
//! We print one ambiguous character (`“`) at the start of row 2, ask where the cursor is
//! (a cursor position report, `ESC [ 6 n`), and read the answer ourselves with a short
//! timeout: crossterm's own `cursor::position` waits two seconds for a terminal that never
//! answers. Row 2, not row 1, because a report for row 1 (`ESC [ 1 ; C R`) reads like the
//! key code of Shift-F3 (vim does the same).

use std::fs::File;
use std::io::{self, Read, Write};
use std::time::{Duration, Instant};

use crate::text::width::AmbiguousWidth;

/// How long a terminal may take to answer before we assume narrow.
pub const TIMEOUT: Duration = Duration::from_millis(100);

/// The probe's character: East Asian Ambiguous, one column in most terminals.
const PROBE: &str = "\u{201c}";

/// Asks the terminal (already in raw mode) and returns its ambiguous width, or `None` when
/// it does not answer in time or answers nonsense.
#[must_use]
pub fn ambiguous_width() -> Option<AmbiguousWidth> {
    let mut tty = File::options()
        .read(true)
        .write(true)
        .open("/dev/tty")
        .ok()?;
    let asked = write!(tty, "\x1b[2;1H{PROBE}\x1b[6n").and_then(|()| tty.flush());
    let answer = asked.ok().and_then(|()| read_report(&mut tty));
    // Wipe the probe character whatever happened.
    let _ = write!(tty, "\x1b[2;1H\x1b[2K").and_then(|()| tty.flush());
    let (_, column) = answer?;
    mode_from_column(column)
}

/// After printing the probe at column 1, the cursor stands at column 2 (narrow) or 3 (wide).
#[must_use]
pub fn mode_from_column(column: u16) -> Option<AmbiguousWidth> {
    match column {
        2 => Some(AmbiguousWidth::Narrow),
        3 => Some(AmbiguousWidth::Wide),
        _ => None,
    }
}

fn read_report(tty: &mut File) -> Option<(u16, u16)> {
    use rustix::event::{PollFd, PollFlags, Timespec, poll};
    let deadline = Instant::now() + TIMEOUT;
    let mut received = Vec::new();
    let mut chunk = [0u8; 64];
    loop {
        let left = deadline.checked_duration_since(Instant::now())?;
        let timeout = Timespec {
            tv_sec: 0,
            tv_nsec: i64::from(left.subsec_nanos()),
        };
        let mut fds = [PollFd::new(&*tty, PollFlags::IN)];
        match poll(&mut fds, Some(&timeout)) {
            Ok(0) => return None,
            Ok(_) => {}
            Err(rustix::io::Errno::INTR) => continue,
            Err(_) => return None,
        }
        let n = match tty.read(&mut chunk) {
            Ok(0) => return None,
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(_) => return None,
        };
        received.extend_from_slice(chunk.get(..n)?);
        if let Some(report) = parse_report(&received) {
            return Some(report);
        }
    }
}

/// Finds a cursor position report `ESC [ row ; column R` in `bytes` (other input, such as
/// a key pressed during the probe, may surround it).
#[must_use]
pub fn parse_report(bytes: &[u8]) -> Option<(u16, u16)> {
    let start = bytes.windows(2).rposition(|w| w == b"\x1b[")?;
    let rest = bytes.get(start + 2..)?;
    let end = rest.iter().position(|&b| b == b'R')?;
    let body = std::str::from_utf8(rest.get(..end)?).ok()?;
    let (row, column) = body.split_once(';')?;
    Some((row.parse().ok()?, column.parse().ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_are_parsed_among_other_bytes() {
        assert_eq!(parse_report(b"\x1b[2;3R"), Some((2, 3)));
        assert_eq!(parse_report(b"q\x1b[2;2R"), Some((2, 2)));
        assert_eq!(parse_report(b"\x1b[2;"), None);
        assert_eq!(parse_report(b"\x1b[x;2R"), None);
    }

    #[test]
    fn column_after_probe_gives_mode() {
        assert_eq!(mode_from_column(2), Some(AmbiguousWidth::Narrow));
        assert_eq!(mode_from_column(3), Some(AmbiguousWidth::Wide));
        assert_eq!(mode_from_column(7), None);
    }
}
