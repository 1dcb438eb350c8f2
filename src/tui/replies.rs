//! Terminal replies are never keys. The start-up probe ([`super::probe`]) asks the terminal
//! its background (OSC 11) and where its cursor is; a terminal that answers after the probe
//! stopped waiting (a slow link), or whose answer comes a byte at a time, has the answer read
//! by crossterm, which hands it over as keys: `ESC ] 1 1 ; r g b : …` would open the search
//! prompt, `ESC [ 2 ; 2 R` jump to a suggestion.
//!
//! [`Replies`] stands between crossterm and the keymap. Events that could begin a reply are
//! held; a reply completed is dropped whole, whatever its length; held events that turn out
//! not to be one are handed on in order, as typed. Nothing is held once the input has been
//! silent for [`GAP`]: a lone Esc (a person's) goes on after that pause, and a reply whose end
//! never comes is dropped once it is certain to be one (`ESC ] digits ;`). A reader slow to
//! read (a loaded machine) makes no pause: what was waiting is read as the same stream.
//!
//! What crossterm makes of the bytes: `ESC` followed at once by a character is that
//! character with Alt; `ESC` alone is Esc; BEL is Ctrl-G; `ESC [ … R` read together is a
//! cursor report crossterm keeps to itself, so only a report split after its `ESC` reaches us.

use std::collections::VecDeque;
use std::time::{Duration, Instant};

use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

/// How long events that may begin a reply are held for the next one. A terminal sends a
/// reply in one write; even a slow link splits it into pieces much closer than this. A
/// person's Esc waits this long (less's and vim's wait is in the same range).
pub const GAP: Duration = Duration::from_millis(60);

/// Where in a reply the events held so far stand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stage {
    /// Nothing held.
    Idle,
    /// `ESC`.
    Escape,
    /// `ESC ]`, then digits (the OSC's number).
    OscNumber,
    /// `ESC ] digits ;` and what follows: certainly a reply, dropped whatever comes.
    OscBody,
    /// An `ESC` inside the body: `\` ends the reply (ST).
    OscEscape,
    /// `ESC [`, then the row's digits.
    ReportRow,
    /// `ESC [ digits ;`, then the column's digits, until `R`.
    ReportColumn,
}

/// One step of a reply, as crossterm's events spell it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Piece {
    Escape,
    Char(char),
    Bell,
    /// Anything no reply holds: a mouse event, a resize, Enter, an arrow.
    Other,
}

/// The pieces an event stands for (Alt+c is `ESC` then c).
fn pieces(event: &Event) -> [Option<Piece>; 2] {
    let Event::Key(KeyEvent {
        code, modifiers, ..
    }) = event
    else {
        return [Some(Piece::Other), None];
    };
    let plain = modifiers.difference(KeyModifiers::SHIFT).is_empty();
    match code {
        KeyCode::Esc if modifiers.is_empty() => [Some(Piece::Escape), None],
        KeyCode::Char('g') if *modifiers == KeyModifiers::CONTROL => [Some(Piece::Bell), None],
        KeyCode::Char(c) if plain => [Some(Piece::Char(*c)), None],
        KeyCode::Char(c) if modifiers.difference(KeyModifiers::SHIFT) == KeyModifiers::ALT => {
            [Some(Piece::Escape), Some(Piece::Char(*c))]
        }
        _ => [Some(Piece::Other), None],
    }
}

/// What a piece does to the stage: the next stage, or `None` when it ends the held events
/// as a reply (`Some(true)`: dropped) or as no reply (`Some(false)`: handed on).
enum Step {
    Next(Stage),
    End { reply: bool },
}

fn step(stage: Stage, piece: Piece) -> Step {
    use Piece::{Bell, Char, Escape};
    use Stage::*;
    match (stage, piece) {
        (Idle, Escape) => Step::Next(Stage::Escape),
        (Stage::Escape, Char(']')) => Step::Next(OscNumber),
        (Stage::Escape, Char('[')) => Step::Next(ReportRow),
        (OscNumber, Char(c)) if c.is_ascii_digit() => Step::Next(OscNumber),
        (OscNumber, Char(';')) => Step::Next(OscBody),
        (OscBody, Bell) => Step::End { reply: true },
        (OscBody, Escape) => Step::Next(OscEscape),
        (OscBody, Char(_)) => Step::Next(OscBody),
        // ST, or a reply cut short by something else: dropped either way.
        (OscBody | OscEscape, _) => Step::End { reply: true },
        (ReportRow, Char(c)) if c.is_ascii_digit() => Step::Next(ReportRow),
        (ReportRow, Char(';')) => Step::Next(ReportColumn),
        (ReportColumn, Char(c)) if c.is_ascii_digit() => Step::Next(ReportColumn),
        (ReportColumn, Char('R')) => Step::End { reply: true },
        _ => Step::End { reply: false },
    }
}

/// The filter between crossterm's events and the keymap (see the module's documentation).
#[derive(Debug)]
pub struct Replies {
    stage: Stage,
    /// The events held, in order.
    held: Vec<Event>,
    /// When the last event came.
    last: Option<Instant>,
    /// Events to hand on, in order.
    ready: VecDeque<Event>,
}

impl Default for Replies {
    fn default() -> Self {
        Self {
            stage: Stage::Idle,
            held: Vec::new(),
            last: None,
            ready: VecDeque::new(),
        }
    }
}

impl Replies {
    /// Takes `event`, read at `now`. An event read is never late, however long after the last
    /// one it is read: a reader kept from running (a loaded machine) reads later what was
    /// already waiting, and the rest of a long reply must not become keys for that. What is
    /// held ends only when the input itself has been silent for [`GAP`]: [`Replies::expire`],
    /// called when a wait for input found none.
    pub fn feed(&mut self, event: Event, now: Instant) {
        self.last = Some(now);
        let [first, second] = pieces(&event);
        let mut stage = self.stage;
        for (n, piece) in [first, second].into_iter().flatten().enumerate() {
            match step(stage, piece) {
                Step::Next(next) => stage = next,
                Step::End { reply: true } => {
                    // The whole reply, this event with it, is dropped. An ending that is
                    // not part of it (Enter after a cut-short reply) is handed on.
                    self.held.clear();
                    self.stage = Stage::Idle;
                    if piece == Piece::Other {
                        self.ready.push_back(event);
                    }
                    return;
                }
                Step::End { reply: false } => {
                    let broke_what_was_held = n == 0 && self.stage != Stage::Idle;
                    self.release();
                    if broke_what_was_held {
                        // This event may begin a reply of its own (Esc after Esc).
                        self.feed(event, now);
                    } else {
                        self.ready.push_back(event);
                    }
                    return;
                }
            }
        }
        self.stage = stage;
        if stage == Stage::Idle {
            self.ready.push_back(event);
        } else {
            self.held.push(event);
        }
    }

    /// Ends what is held once [`GAP`] has passed since the last event: dropped if it is
    /// certainly a reply, handed on if not.
    pub fn expire(&mut self, now: Instant) {
        if self.deadline().is_some_and(|deadline| now >= deadline) {
            if matches!(self.stage, Stage::OscBody | Stage::OscEscape) {
                self.held.clear();
            } else {
                self.release();
            }
            self.stage = Stage::Idle;
        }
    }

    /// When what is held must be ended, if anything is held.
    #[must_use]
    pub fn deadline(&self) -> Option<Instant> {
        if self.stage == Stage::Idle {
            return None;
        }
        self.last.map(|last| last + GAP)
    }

    /// The next event to hand on.
    pub fn next_event(&mut self) -> Option<Event> {
        self.ready.pop_front()
    }

    /// Hands on what is held, as typed.
    fn release(&mut self) {
        self.ready.extend(self.held.drain(..));
        self.stage = Stage::Idle;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode, modifiers: KeyModifiers) -> Event {
        Event::Key(KeyEvent::new(code, modifiers))
    }

    /// The events crossterm makes of `bytes` read one at a time.
    fn byte_by_byte(bytes: &str) -> Vec<Event> {
        bytes
            .chars()
            .map(|c| match c {
                '\x1b' => key(KeyCode::Esc, KeyModifiers::NONE),
                '\x07' => key(KeyCode::Char('g'), KeyModifiers::CONTROL),
                '\r' => key(KeyCode::Enter, KeyModifiers::NONE),
                c if c.is_uppercase() => key(KeyCode::Char(c), KeyModifiers::SHIFT),
                c => key(KeyCode::Char(c), KeyModifiers::NONE),
            })
            .collect()
    }

    /// The events crossterm makes of `bytes` read at once (ESC + c is Alt+c).
    fn whole(bytes: &str) -> Vec<Event> {
        let mut events = Vec::new();
        let mut chars = bytes.chars();
        while let Some(c) = chars.next() {
            if c == '\x1b'
                && let Some(next) = chars.next()
            {
                events.push(key(KeyCode::Char(next), KeyModifiers::ALT));
                continue;
            }
            events.extend(byte_by_byte(&c.to_string()));
        }
        events
    }

    /// What `events` give, fed `apart` from each other, after the gap has passed.
    fn handed_on(events: Vec<Event>, apart: Duration) -> Vec<Event> {
        let mut replies = Replies::default();
        let mut now = Instant::now();
        let mut out = Vec::new();
        for event in events {
            replies.feed(event, now);
            now += apart;
            out.extend(std::iter::from_fn(|| replies.next_event()));
        }
        replies.expire(now + GAP);
        out.extend(std::iter::from_fn(|| replies.next_event()));
        out
    }

    const OSC11: &str = "\x1b]11;rgb:0000/0000/0000\x1b\\";
    const MS: Duration = Duration::from_millis(1);

    #[test]
    fn a_background_answer_read_whole_or_byte_by_byte_is_dropped() {
        assert_eq!(handed_on(whole(OSC11), Duration::ZERO), []);
        assert_eq!(handed_on(byte_by_byte(OSC11), MS), []);
        let bel = "\x1b]11;rgb:ffff/ffff/ffff\x07";
        assert_eq!(handed_on(byte_by_byte(bel), MS), []);
    }

    #[test]
    fn a_split_cursor_report_is_dropped() {
        assert_eq!(handed_on(byte_by_byte("\x1b[2;3R"), MS), []);
        // ESC alone, then the rest together (crossterm sees `[2;3R` as five keys).
        let mut events = byte_by_byte("\x1b");
        events.extend(byte_by_byte("[2;3R"));
        assert_eq!(handed_on(events, Duration::ZERO), []);
    }

    #[test]
    fn keys_around_a_reply_are_kept_in_order() {
        let mut events = byte_by_byte("j");
        events.extend(whole(OSC11));
        events.extend(byte_by_byte("k"));
        assert_eq!(handed_on(events, Duration::ZERO), byte_by_byte("jk"));
    }

    #[test]
    fn a_persons_esc_and_keys_that_only_begin_like_a_reply_are_handed_on() {
        assert_eq!(handed_on(byte_by_byte("\x1b"), MS), byte_by_byte("\x1b"));
        for typed in ["\x1bj", "\x1b]x", "\x1b[2j", "\x1b[2;3x", "\x1b\x1b"] {
            assert_eq!(
                handed_on(byte_by_byte(typed), MS),
                byte_by_byte(typed),
                "{typed:?}"
            );
        }
        // Alt+j, as a person types it.
        let alt = vec![key(KeyCode::Char('j'), KeyModifiers::ALT)];
        assert_eq!(handed_on(alt.clone(), MS), alt);
    }

    #[test]
    fn a_reply_read_late_by_a_busy_reader_is_still_dropped_and_keys_still_kept() {
        // The reader was kept from running between two reads: the rest of the reply was
        // waiting, and is read long after the gap, with no silent wait in between.
        let mut replies = Replies::default();
        let start = Instant::now();
        let mut events = byte_by_byte("\x1b]11;rgb:0000/0000/0000\x1b\\");
        let rest = events.split_off(8);
        for event in events {
            replies.feed(event, start);
        }
        for event in rest {
            replies.feed(event, start + 10 * GAP);
        }
        replies.feed(
            key(KeyCode::Char('j'), KeyModifiers::NONE),
            start + 10 * GAP,
        );
        let out: Vec<Event> = std::iter::from_fn(|| replies.next_event()).collect();
        assert_eq!(out, byte_by_byte("j"));

        // A person's Esc and a key read late: both handed on, in order.
        let mut replies = Replies::default();
        replies.feed(key(KeyCode::Esc, KeyModifiers::NONE), start);
        replies.feed(
            key(KeyCode::Char('j'), KeyModifiers::NONE),
            start + 10 * GAP,
        );
        let out: Vec<Event> = std::iter::from_fn(|| replies.next_event()).collect();
        assert_eq!(out, byte_by_byte("\x1bj"));
    }

    #[test]
    fn a_held_esc_goes_on_after_the_gap_not_before() {
        let mut replies = Replies::default();
        let start = Instant::now();
        replies.feed(key(KeyCode::Esc, KeyModifiers::NONE), start);
        assert_eq!(replies.next_event(), None);
        assert_eq!(replies.deadline(), Some(start + GAP));
        replies.expire(start + GAP);
        assert_eq!(
            replies.next_event(),
            Some(key(KeyCode::Esc, KeyModifiers::NONE))
        );
        assert_eq!(replies.deadline(), None);
    }

    #[test]
    fn a_reply_of_any_size_is_dropped_and_costs_no_more_than_its_length() {
        let huge = format!("\x1b]11;{}\x1b\\", "0".repeat(100_000));
        let mut events = whole(&huge);
        events.extend(byte_by_byte("f"));
        assert_eq!(handed_on(events, Duration::ZERO), byte_by_byte("f"));
        // One whose end never comes is dropped once the gap passes.
        assert_eq!(handed_on(whole("\x1b]11;rgb:00"), MS), []);
    }
}
