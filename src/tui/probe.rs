//! Asking the terminal how wide it draws East Asian Ambiguous characters, and what colour
//! its background is, in one round trip.
//!
//! For the width we print one ambiguous character (`“`) at the start of row 2, ask where the
//! cursor is (a cursor position report, `ESC [ 6 n`), and read the answer ourselves with a
//! short timeout: crossterm's own `cursor::position` waits two seconds for a terminal that
//! never answers. Row 2, not row 1, because a report for row 1 (`ESC [ 1 ; C R`) reads like
//! the key code of Shift-F3 (vim does the same).
//!
//! For the background we ask with OSC 11 (`ESC ] 11 ; ? ST`) *before* the position request.
//! Terminals answer in order, and every terminal answers the position request, so its report
//! ends the wait: a terminal that ignores OSC 11 costs no timeout, and one that answers it
//! has answered by the time the report arrives.

use std::fs::File;
use std::io::{self, Read, Write};
use std::time::{Duration, Instant};

use crate::colour::palette_from_osc11;
use crate::text::width::AmbiguousWidth;
use crate::ui::theme::Palette;

/// How long a terminal may take to answer before we assume narrow (and no background).
pub const TIMEOUT: Duration = Duration::from_millis(100);

/// The probe's character: East Asian Ambiguous, one column in most terminals.
const PROBE: &str = "\u{201c}";

/// What to ask the terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Questions {
    /// How wide it draws ambiguous characters.
    pub width: bool,
    /// Whether its background is light or dark.
    pub background: bool,
}

/// What the probe learnt: the answers, where the terminal gave sensible ones, and the keys
/// the user typed while it waited, which the probe read and must hand on.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Answer {
    /// The terminal's ambiguous width, or `None` when not asked, not answered in time or
    /// answered with nonsense.
    pub mode: Option<AmbiguousWidth>,
    /// The palette for the terminal's background ([`Palette::Light`] or [`Palette::Dark`]),
    /// or `None` as for `mode`.
    pub background: Option<Palette>,
    /// Printable keys typed around the answers, in order.
    pub typed: Vec<char>,
}

/// Asks the terminal's ambiguous width (the terminal is already in raw mode).
#[must_use]
pub fn ambiguous_width() -> Answer {
    ask(Questions {
        width: true,
        background: false,
    })
}

/// Asks the terminal (already in raw mode) what `questions` want to know, in one round trip.
#[must_use]
pub fn ask(questions: Questions) -> Answer {
    if questions == Questions::default() {
        return Answer::default();
    }
    let Ok(mut tty) = File::options().read(true).write(true).open("/dev/tty") else {
        return Answer::default();
    };
    let mut request = String::new();
    if questions.background {
        // Ended by ST, not BEL: a BEL the terminal does not take as the end rings its bell.
        request.push_str("\x1b]11;?\x1b\\");
    }
    if questions.width {
        request.push_str("\x1b[2;1H");
        request.push_str(PROBE);
    }
    // Asked last even when the width is not wanted: its report says the terminal is done.
    request.push_str("\x1b[6n");
    let asked = tty.write_all(request.as_bytes()).and_then(|()| tty.flush());
    let received = match asked {
        Ok(()) => read_until_report(&mut tty),
        Err(_) => Vec::new(),
    };
    if questions.width {
        // Wipe the probe character whatever happened.
        let _ = write!(tty, "\x1b[2;1H\x1b[2K").and_then(|()| tty.flush());
    }
    Answer {
        mode: parse_report(&received)
            .filter(|_| questions.width)
            .and_then(|(_, column)| mode_from_column(column)),
        background: palette_from_osc11(&received).filter(|_| questions.background),
        typed: typed_keys(&received),
    }
}

/// The printable characters in `bytes` outside escape sequences: keys a person pressed while
/// the probe was reading the terminal. Special keys (arrows, function keys) are sequences and
/// are dropped, and so is an OSC answer (`ESC ] … BEL` or `ESC ] … ESC \\`).
#[must_use]
pub fn typed_keys(bytes: &[u8]) -> Vec<char> {
    let text = String::from_utf8_lossy(bytes);
    let mut keys = Vec::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            // Skip a CSI sequence (ESC [ … final byte), an OSC one (ESC ] … BEL or ST), or a
            // lone ESC and the char after it.
            match chars.next() {
                Some('[') => {
                    for c in chars.by_ref() {
                        if ('@'..='~').contains(&c) {
                            break;
                        }
                    }
                }
                Some(']') => {
                    while let Some(c) = chars.next() {
                        if c == '\x07' {
                            break;
                        }
                        if c == '\x1b' {
                            chars.next();
                            break;
                        }
                    }
                }
                _ => {}
            }
        } else if !c.is_control() && c != char::REPLACEMENT_CHARACTER {
            keys.push(c);
        }
    }
    keys
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

/// How long a sequence the terminal has begun by [`TIMEOUT`] may take to end: read whole,
/// its rest is not left for the reader to take as keys.
pub const SEQUENCE_LIMIT: Duration = Duration::from_millis(500);

/// Reads from the terminal until a cursor position report arrives or [`TIMEOUT`] passes, and
/// past that until a sequence begun has ended (at most [`SEQUENCE_LIMIT`]); returns
/// everything read.
fn read_until_report(tty: &mut File) -> Vec<u8> {
    use rustix::event::{PollFd, PollFlags, Timespec, poll};
    let started = Instant::now();
    let mut received = Vec::new();
    let mut sequences = Sequences::default();
    let mut chunk = [0u8; 4096];
    loop {
        let limit = if sequences.inside() {
            SEQUENCE_LIMIT
        } else {
            TIMEOUT
        };
        let Some(left) = (started + limit).checked_duration_since(Instant::now()) else {
            break;
        };
        let timeout = Timespec {
            tv_sec: 0,
            tv_nsec: i64::from(left.subsec_nanos()),
        };
        let mut fds = [PollFd::new(&*tty, PollFlags::IN)];
        match poll(&mut fds, Some(&timeout)) {
            Ok(0) => break,
            Ok(_) => {}
            Err(rustix::io::Errno::INTR) => continue,
            Err(_) => break,
        }
        let n = match tty.read(&mut chunk) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(_) => break,
        };
        let bytes = chunk.get(..n).unwrap_or_default();
        received.extend_from_slice(bytes);
        sequences.feed(bytes);
        if sequences.report_seen && !sequences.inside() {
            break;
        }
    }
    received
}

/// Where a stream of bytes from the terminal stands: between sequences or inside one (`ESC`,
/// a CSI `ESC [ …`, an OSC `ESC ] … BEL/ST`), and whether a cursor position report has
/// ended. Fed piece by piece, it looks at each byte once.
#[derive(Debug, Default)]
struct Sequences {
    state: SequenceState,
    /// The CSI's bytes so far (a report is a few).
    csi: Vec<u8>,
    report_seen: bool,
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
enum SequenceState {
    #[default]
    Ground,
    Escape,
    Csi,
    Osc,
}

impl Sequences {
    fn inside(&self) -> bool {
        self.state != SequenceState::Ground
    }

    fn feed(&mut self, bytes: &[u8]) {
        use SequenceState::*;
        for &b in bytes {
            self.state = match (self.state, b) {
                // In an OSC, ESC begins its end (ST, `ESC \\`).
                (Ground | Csi | Osc, 0x1b) => Escape,
                (Ground, _) => Ground,
                (Escape, b'[') => {
                    self.csi.clear();
                    Csi
                }
                (Escape, b']') => Osc,
                (Escape, _) => Ground,
                (Csi, 0x40..=0x7e) => {
                    self.csi.push(b);
                    let report = [b"\x1b[", self.csi.as_slice()].concat();
                    if b == b'R' && parse_report(&report).is_some() {
                        self.report_seen = true;
                    }
                    Ground
                }
                (Csi, _) => {
                    if self.csi.len() < 32 {
                        self.csi.push(b);
                    }
                    Csi
                }
                (Osc, 0x07) => Ground,
                (Osc, _) => Osc,
            };
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
    fn keys_typed_around_the_report_are_kept() {
        assert_eq!(typed_keys(b"3\x1b[2;2R"), vec!['3']);
        assert_eq!(typed_keys(b"j\x1b[2;3Rk"), vec!['j', 'k']);
        assert_eq!(typed_keys(b"\x1b[A\x1b[2;2R"), Vec::<char>::new());
        assert_eq!(typed_keys("人\x1b[2;2R".as_bytes()), vec!['人']);
    }

    #[test]
    fn a_background_answer_is_not_taken_for_typed_keys() {
        let bel = b"q\x1b]11;rgb:ffff/ffff/ffff\x07\x1b[2;2R";
        assert_eq!(typed_keys(bel), vec!['q']);
        let st = b"\x1b]11;rgb:0000/0000/0000\x1b\\j\x1b[2;2R";
        assert_eq!(typed_keys(st), vec!['j']);
    }

    #[test]
    fn a_sequence_is_known_to_be_unfinished_wherever_it_is_cut() {
        let reply = b"j\x1b]11;rgb:0000/0000/0000\x1b\\\x1b[2;3Rk";
        for cut in 0..=reply.len() {
            let (before, after) = reply.split_at(cut);
            let mut sequences = Sequences::default();
            sequences.feed(before);
            // The OSC runs from byte 1 to its ST at 24–25, the report from 26 to 31.
            let inside = (2..=25).contains(&cut) || (27..=31).contains(&cut);
            assert_eq!(sequences.inside(), inside, "cut at {cut}");
            sequences.feed(after);
            assert!(!sequences.inside());
            assert!(sequences.report_seen);
        }
    }

    #[test]
    fn column_after_probe_gives_mode() {
        assert_eq!(mode_from_column(2), Some(AmbiguousWidth::Narrow));
        assert_eq!(mode_from_column(3), Some(AmbiguousWidth::Wide));
        assert_eq!(mode_from_column(7), None);
    }
}
