//! The bodies of dafu's fuzz targets, shared with `tests/fuzz_regressions.rs` (which
//! includes this file with `#[path]`), so that a crash input replays through exactly the
//! code that found it.
//!
//! * [`load`]: bytes → a letter → the command line's outputs and one look at the reader.
//! * [`reader`]: bytes → a terminal size and a sequence of events ([`decode`]) → actions,
//!   updates and frames on a `TestBackend`, on the embedded letter.
//!
//! Besides "no panic", both check what issue 7 promises: nothing from a letter reaches the
//! terminal or stdout as a control character, a bidi control or a BOM ([`assert_inert`]); so
//! the command line's outputs go to a `Vec` and are checked, rather than to `io::sink()`.

use std::sync::OnceLock;

use dafu::action::Action;
use dafu::app::{App, Effect};
use dafu::cli::{self, SearchOptions, figures};
use dafu::figures::{FigureSort, UnitKind};
use dafu::keymap::action_for;
use dafu::letter::load;
use dafu::letter::tree::LetterTree;
use dafu::strings::Lang;
use dafu::text::sanitize::is_bidi_control;
use dafu::text::width::AmbiguousWidth;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

/// The name letters are loaded under (it appears in error messages).
pub const NAME: &str = "fuzz.yaml";

/// Queries the `load` target searches for (one a run): Chinese, pinyin initials, ASCII, a digit.
const QUERIES: [&str; 4] = ["人工智能", "rgzn", "a", "1"];

/// Panics if `text` holds a character that the sanitiser promises never reaches the
/// terminal: a control character (C0, DEL, C1; a line feed only where `newlines` allows it),
/// a bidi control or BOM, or a Unicode line or paragraph separator.
///
/// # Panics
/// On the first such character, naming `what` and where it is.
pub fn assert_inert(text: &str, newlines: bool, what: &str) {
    for (at, c) in text.char_indices() {
        let bad = (c.is_control() && !(newlines && c == '\n'))
            || is_bidi_control(c)
            || c == '\u{2028}'
            || c == '\u{2029}';
        assert!(
            !bad,
            "{what}: {c:?} (U+{:04X}) at byte {at} reaches the output",
            u32::from(c)
        );
    }
}

/// Panics if any cell of the terminal's buffer holds a character that must not reach it.
fn assert_screen_inert(terminal: &Terminal<TestBackend>) {
    let buffer = terminal.backend().buffer();
    for (i, cell) in buffer.content.iter().enumerate() {
        assert_inert(cell.symbol(), false, &format!("screen cell {i}"));
    }
}

/// Draws `app` on `terminal` and checks the frame.
///
/// # Panics
/// When drawing fails or the screen shows a character that must not reach it.
fn draw(app: &App, terminal: &mut Terminal<TestBackend>) {
    terminal
        .draw(|frame| dafu::ui::draw(app, frame))
        .expect("drawing on a TestBackend cannot fail");
    assert_screen_inert(terminal);
}

/// Checks the reader's invariants after an update and carries out its effects as the runner
/// would (here: only checks what would be copied).
fn after_update(app: &mut App) {
    assert!(
        app.selected() < app.tree().nodes.len(),
        "selection {} out of {} nodes",
        app.selected(),
        app.tree().nodes.len()
    );
    assert!(
        app.search().filter || app.visible_nodes().contains(&app.selected()),
        "the selected node {} is hidden",
        app.selected()
    );
    for effect in app.take_effects() {
        match effect {
            Effect::Copy(text) => assert_inert(&text, true, "clipboard copy"),
            // Stopping the process, and painting the screen again, are the runner's
            // business; nothing reaches the terminal.
            Effect::Suspend | Effect::Repaint => {}
        }
    }
}

/// The `load` target: parse `data` as a letter file; when it loads, print it in every form
/// the command line has, search it, and open it in the reader once.
///
/// # Panics
/// On any bug it finds.
pub fn load(data: &[u8]) {
    let letter = match load::from_bytes(data, NAME) {
        Ok(letter) => letter,
        Err(error) => {
            // The message quotes the file; it is printed on stderr, so it must be inert too.
            assert_inert(&error.to_string(), false, "load error");
            return;
        }
    };
    let tree = LetterTree::new(letter);
    let mut out: Vec<u8> = Vec::new();
    cli::print_letter(&tree, &mut out).expect("writing to a Vec");
    cli::print_outline(&tree, None, Lang::Zh, &mut out).expect("writing to a Vec");
    cli::print_outline(&tree, Some(1), Lang::En, &mut out).expect("writing to a Vec");
    // One query a run (the index is built afresh on every search, and that is most of the
    // cost), picked by the input's length, so the corpus covers all of them.
    let query = QUERIES[data.len() % QUERIES.len()];
    let options = SearchOptions {
        color: false,
        lang: Lang::Zh,
    };
    cli::search(&tree, query, options, &mut out).expect("writing to a Vec");
    // Every format; the order and the unit filter picked by the input's length.
    let sorts = [FigureSort::Order, FigureSort::Value, FigureSort::Unit];
    let units = [
        None,
        Some(UnitKind::Money),
        Some(UnitKind::Count),
        Some(UnitKind::Percent),
    ];
    for format in [
        figures::Format::Table,
        figures::Format::Csv,
        figures::Format::Json,
    ] {
        let options = figures::Options {
            format,
            sort: sorts[data.len() % sorts.len()],
            unit: units[data.len() / sorts.len() % units.len()],
            lang: Lang::Zh,
            // Half the inputs fitted to a terminal of some width, as a terminal's table is.
            terminal: data.len().is_multiple_of(2).then(|| cli::Terminal {
                width: 10 + data.len() % 120,
                mode: AmbiguousWidth::Narrow,
            }),
        };
        figures::print(&tree, options, &mut out).expect("writing to a Vec");
    }
    let out = String::from_utf8(out).expect("the command line writes UTF-8");
    assert_inert(&out, true, "command-line output");

    // A look at the reader: the opening screen; everything expanded, the end of the text in
    // the reading pane; the query searched, matches filtered and stepped through; the figures
    // view, sorted and filtered, its chart, a row opened; then a small screen whose size
    // depends on the input, and the chart on it.
    let (w, h) = (80, 24);
    let mut app = App::new(tree, Lang::Zh, AmbiguousWidth::Narrow, (w, h));
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test backend");
    draw(&app, &mut terminal);
    let small = (
        u16::try_from(data.len() % 40).unwrap_or(0) + 1,
        u16::try_from(data.len() % 12).unwrap_or(0) + 1,
    );
    let steps = [
        vec![
            Action::ExpandAll,
            Action::Last,
            Action::SwitchFocus,
            Action::Last,
        ],
        vec![
            Action::OpenSearch,
            Action::SearchInsert(query.to_string()),
            Action::SearchSubmit,
            Action::ToggleFilter,
            Action::NextMatch,
            Action::PrevMatch,
            Action::Copy,
        ],
        vec![
            Action::OpenFigures,
            Action::CycleSort,
            Action::CycleUnitFilter,
            Action::Last,
        ],
        vec![Action::ToggleFiguresChart],
        vec![Action::ToggleFiguresChart, Action::Activate],
        vec![Action::Resize {
            width: small.0,
            height: small.1,
        }],
        vec![Action::OpenFigures, Action::ToggleFiguresChart],
    ];
    for step in steps {
        for action in step {
            if let Action::Resize { width, height } = action {
                terminal.backend_mut().resize(width, height);
            }
            app.update(action);
            after_update(&mut app);
        }
        draw(&app, &mut terminal);
    }
}

/// The most events one input is decoded into (keeps each run short).
pub const MAX_EVENTS: usize = 64;

/// Characters a fuzzer would rarely hit by chance but that matter here: the letter's own
/// script, escapes, bidi controls, zero-width and combining characters, emoji sequences,
/// characters that case folding or NFKC expand, ambiguous-width punctuation.
const INTERESTING: [char; 40] = [
    '人',
    '工',
    '智',
    '能',
    '優',
    '（',
    '“',
    '〔',
    '号',
    '\u{3000}',
    '\u{1b}',
    '\u{7}',
    '\0',
    '\r',
    '\n',
    '\t',
    '\u{7f}',
    '\u{85}',
    '\u{9b}',
    '\u{202e}',
    '\u{2066}',
    '\u{200f}',
    '\u{feff}',
    '\u{2028}',
    '\u{200b}',
    '\u{200d}',
    '\u{301}',
    '\u{fe0f}',
    '😀',
    '\u{1f1e8}',
    'İ',
    'ß',
    'ﬃ',
    '㍻',
    'Å',
    'ａ',
    '·',
    '…',
    '—',
    '\u{10ffff}',
];

/// Keys other than characters.
const SPECIAL_KEYS: [KeyCode; 17] = [
    KeyCode::Up,
    KeyCode::Down,
    KeyCode::Left,
    KeyCode::Right,
    KeyCode::Enter,
    KeyCode::Esc,
    KeyCode::Tab,
    KeyCode::BackTab,
    KeyCode::Backspace,
    KeyCode::Delete,
    KeyCode::Home,
    KeyCode::End,
    KeyCode::PageUp,
    KeyCode::PageDown,
    KeyCode::Insert,
    KeyCode::F(1),
    KeyCode::Null,
];

/// Mouse events, of which the reader uses the wheel and the left button.
const MOUSE_KINDS: [MouseEventKind; 8] = [
    MouseEventKind::ScrollDown,
    MouseEventKind::ScrollUp,
    MouseEventKind::Down(MouseButton::Left),
    MouseEventKind::Down(MouseButton::Right),
    MouseEventKind::Up(MouseButton::Left),
    MouseEventKind::Drag(MouseButton::Left),
    MouseEventKind::Moved,
    MouseEventKind::ScrollLeft,
];

/// Reads bytes one at a time; past the end every read is 0.
struct Bytes<'a>(&'a [u8]);

impl Bytes<'_> {
    fn u8(&mut self) -> u8 {
        match self.0.split_first() {
            Some((&b, rest)) => {
                self.0 = rest;
                b
            }
            None => 0,
        }
    }

    fn u16(&mut self) -> u16 {
        u16::from_le_bytes([self.u8(), self.u8()])
    }

    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// A printable ASCII character, an interesting one, or any scalar value.
    fn char(&mut self) -> char {
        let b = self.u8();
        match b {
            0..=0x7f => char::from(b % 95 + 32),
            0x80..=0xbf => INTERESTING[usize::from(b) % INTERESTING.len()],
            _ => {
                let raw = u32::from_le_bytes([self.u8(), self.u8(), b & 0x1f, 0]);
                char::from_u32(raw).unwrap_or('\u{fffd}')
            }
        }
    }

    fn one_of<T: Clone>(&mut self, items: &[T]) -> T {
        items[usize::from(self.u8()) % items.len()].clone()
    }
}

/// Decodes the `reader` target's input: the first three bytes give the starting size
/// (width 1..=300 from a little-endian u16, height 1..=100) and one more byte the interface
/// language (bit 0) and ambiguous width (bit 1); then each event is a tag byte whose low four
/// bits pick the kind and whose high four bits the modifiers (14: Alt, 15: Ctrl), followed by
/// the kind's own bytes. Every byte string decodes to something.
#[must_use]
pub fn decode(data: &[u8]) -> ((u16, u16), Lang, AmbiguousWidth, Vec<Event>) {
    let mut bytes = Bytes(data);
    let size = (bytes.u16() % 300 + 1, u16::from(bytes.u8()) % 100 + 1);
    let flags = bytes.u8();
    let lang = if flags & 1 == 0 { Lang::Zh } else { Lang::En };
    let ambiguous = if flags & 2 == 0 {
        AmbiguousWidth::Narrow
    } else {
        AmbiguousWidth::Wide
    };
    let mut events = Vec::new();
    while !bytes.is_empty() && events.len() < MAX_EVENTS {
        let tag = bytes.u8();
        let modifiers = match tag >> 4 {
            15 => KeyModifiers::CONTROL,
            14 => KeyModifiers::ALT,
            13 => KeyModifiers::SHIFT,
            _ => KeyModifiers::NONE,
        };
        let key = |code| Event::Key(KeyEvent::new(code, modifiers));
        let event = match tag & 0x0f {
            // Mostly plain keys: the reader is driven by them.
            0..=6 => key(KeyCode::Char(char::from(bytes.u8() % 95 + 32))),
            7 => key(KeyCode::Char(bytes.one_of(&INTERESTING))),
            8 => key(KeyCode::Char(bytes.char())),
            9 | 10 => key(bytes.one_of(&SPECIAL_KEYS)),
            11 => Event::Mouse(MouseEvent {
                kind: bytes.one_of(&MOUSE_KINDS),
                column: bytes.u16() % 320,
                row: bytes.u16() % 120,
                modifiers,
            }),
            12 => Event::Resize(bytes.u16() % 300 + 1, u16::from(bytes.u8()) % 100 + 1),
            13 => {
                let len = bytes.u8() % 32;
                Event::Paste((0..len).map(|_| bytes.char()).collect())
            }
            14 => {
                // A release or repeat, which a terminal with kitty's protocol reports.
                let mut event =
                    KeyEvent::new(KeyCode::Char(char::from(bytes.u8() % 95 + 32)), modifiers);
                event.kind = if tag & 0x10 == 0 {
                    KeyEventKind::Release
                } else {
                    KeyEventKind::Repeat
                };
                Event::Key(event)
            }
            _ => {
                if tag & 0x10 == 0 {
                    Event::FocusGained
                } else {
                    Event::FocusLost
                }
            }
        };
        events.push(event);
    }
    (size, lang, ambiguous, events)
}

/// The embedded letter's tree, built once.
fn embedded_tree() -> LetterTree {
    static TREE: OnceLock<LetterTree> = OnceLock::new();
    TREE.get_or_init(|| LetterTree::new(load::embedded()))
        .clone()
}

/// The `reader` target: decode `data` ([`decode`]) and play the events on the embedded letter
/// as the runner does (skipping `Quit`), drawing after every action on a `TestBackend` that
/// follows the resizes.
///
/// # Panics
/// On any bug it finds.
pub fn reader(data: &[u8]) {
    let ((w, h), lang, ambiguous, events) = decode(data);
    let mut app = App::new(embedded_tree(), lang, ambiguous, (w, h));
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test backend");
    draw(&app, &mut terminal);
    for event in &events {
        if let Event::Resize(w, h) = event {
            terminal.backend_mut().resize(*w, *h);
        }
        let Some(action) = action_for(&app, event) else {
            continue;
        };
        if action == Action::Quit {
            continue;
        }
        app.update(action);
        after_update(&mut app);
        draw(&app, &mut terminal);
    }
}
