//! The interactive reader's runner: takes the terminal, feeds events through the keymap
//! into [`App::update`], draws, carries out effects, and always gives the terminal back —
//! on quitting, on a signal, on a panic, when the terminal goes away, and around Ctrl-Z.
//!
//! The pseudo-terminal tests reach in through [`hooks`], which do something only in a build
//! with the `test-hooks` feature.
//!
//! A large letter ([`Opening::Large`]) is read once the terminal is taken, under a note that
//! says so, rather than before a blank screen. The search index is not built before the
//! first frame: the app is told it is coming ([`Message::IndexComing`]), a worker builds it
//! once the frame is on the screen, and the loop hands it over ([`Message::IndexReady`]).

#[cfg(target_os = "linux")]
pub mod fatal;
pub mod hooks;
pub mod index;
pub mod keep;
pub mod lifecycle;
pub mod probe;
pub mod replies;
pub mod shelf;
pub mod signals;

use std::ffi::OsStr;
use std::io::{self, Write};
use std::time::{Duration, Instant};

use base64::Engine as _;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{self, Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::crossterm::terminal::{BeginSynchronizedUpdate, EndSynchronizedUpdate};
use ratatui::crossterm::{execute, queue};
use ratatui::layout::Rect;
use ratatui::{DefaultTerminal, Terminal};

use crate::action::{Action, Message};
use crate::app::{App, Effect};
use crate::colour::PaletteChoice;
use crate::kept::Restore;
use crate::keymap::action_for;
use crate::letter::load::LoadError;
use crate::letter::tree::LetterTree;
use crate::strings::Lang;
use crate::text::width::AmbiguousWidth;
use crate::ui::theme::Palette;

/// The `--ambiguous-width` setting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum AmbiguousSetting {
    /// Ask the terminal at start-up; narrow when it does not answer.
    #[default]
    Auto,
    /// One column, as most terminals draw them.
    Narrow,
    /// Two columns, as terminals set up for CJK draw them.
    Wide,
}

impl AmbiguousSetting {
    /// The width the setting names; `None` for `auto`, which asks the terminal.
    #[must_use]
    pub fn told(self) -> Option<AmbiguousWidth> {
        match self {
            AmbiguousSetting::Auto => None,
            AmbiguousSetting::Narrow => Some(AmbiguousWidth::Narrow),
            AmbiguousSetting::Wide => Some(AmbiguousWidth::Wide),
        }
    }
}

/// Whether the terminal named by `TERM` can show the full-screen reader. A dumb terminal
/// (`TERM=dumb`, as Emacs's shell and some editors' consoles set it) or none at all gets the
/// plain text instead, as when standard output is not a terminal.
#[must_use]
pub fn full_screen_capable(term: Option<&OsStr>) -> bool {
    term.is_some_and(|t| !t.is_empty() && t != "dumb")
}

/// How long the main loop waits for an event before it looks whether a signal asked for a
/// repaint. Idle, the reader wakes this often and does nothing else.
const TICK: Duration = Duration::from_millis(200);

/// How long the main loop waits for an event while the search index is being built: short,
/// so that a query typed meanwhile gets its matches as soon as the index is ready.
const INDEX_TICK: Duration = Duration::from_millis(5);

/// How long the first frame waits for the state file (the place kept from the last run).
/// A slower disk gets its frame first and the place a moment later.
const STATE_WAIT: Duration = Duration::from_millis(30);

/// How the reader is to run, as the command line and the environment settle it.
#[derive(Debug)]
pub struct Settings {
    /// Interface language.
    pub lang: Lang,
    /// How wide ambiguous characters are, or whether to ask the terminal.
    pub ambiguous: AmbiguousSetting,
    /// Colour or not, and for which background (or whether to ask).
    pub palette: PaletteChoice,
    /// Where the place is kept between runs, and whether to read it.
    pub keeping: keep::Keeping,
}

/// Reads and checks a letter (see [`Opening::Large`]).
pub type ReadLetter = Box<dyn FnOnce() -> Result<LetterTree, LoadError>>;

/// The letter the reader opens on.
pub enum Opening {
    /// Read and checked already: a letter of the usual size, read before the terminal is
    /// taken, so that one refused leaves the screen as it was.
    Read(Box<LetterTree>),
    /// A large letter, read once the terminal is taken, under `note`.
    Large {
        /// What the screen says while the letter is read.
        note: String,
        /// Reads and checks it.
        read: ReadLetter,
    },
}

/// Why the reader ended before the user quit.
#[derive(Debug)]
pub enum Ended {
    /// The terminal could not be set up or read.
    Terminal(io::Error),
    /// The large letter, read under its note, was refused.
    Refused(LoadError),
}

impl From<io::Error> for Ended {
    fn from(e: io::Error) -> Self {
        Ended::Terminal(e)
    }
}

/// Runs the reader on `opening` until the user quits, as `settings` say: drawing in the
/// palette they settle on, keeping the place where they say.
///
/// # Errors
/// When the terminal cannot be set up or read, or a large letter is refused.
pub fn run(opening: Opening, settings: Settings) -> Result<(), Ended> {
    with_terminal(|terminal| {
        read_letter(terminal, opening).and_then(|tree| read_events(terminal, tree, settings))
    })
}

/// Takes the terminal, runs `body` with it, and gives it back however `body` ended; then
/// writes the place kept.
///
/// # Errors
/// When the terminal cannot be taken, or as `body`.
fn with_terminal(
    body: impl FnOnce(&mut DefaultTerminal) -> Result<(), Ended>,
) -> Result<(), Ended> {
    // First, before any thread: the mask it sets is inherited by every thread started after.
    #[cfg(target_os = "linux")]
    fatal::spawn_fatal_signal_thread()?;
    signals::spawn_signal_thread()?;
    signals::spawn_hangup_watchdog()?;
    lifecycle::install_panic_hook();
    let mut terminal = {
        let lock = lifecycle::lock();
        let taken = lifecycle::take(&lock)
            .and_then(|()| Terminal::new(CrosstermBackend::new(io::stdout())));
        match taken {
            Ok(terminal) => terminal,
            Err(e) => {
                lifecycle::give_back(&lock);
                return Err(e.into());
            }
        }
    };
    let result = body(&mut terminal);
    lifecycle::give_back(&lifecycle::lock());
    // After the terminal is given back, so that quitting is not held up by the disk; a
    // failure costs the place, not the exit status.
    if let Err(e) = keep::save_latest() {
        let _ = writeln!(io::stderr(), "dafu: the place could not be kept: {e}");
    }
    // The cursor is shown already; ratatui's drop would try again and, with the terminal
    // gone, report the failure with `eprintln!`, which panics when stderr is gone too.
    std::mem::forget(terminal);
    result
}

/// The letter of `opening`; a large one read under its note.
///
/// # Errors
/// The error that refused it, or the terminal's.
fn read_letter(terminal: &mut DefaultTerminal, opening: Opening) -> Result<LetterTree, Ended> {
    match opening {
        Opening::Read(tree) => Ok(*tree),
        Opening::Large { note, read } => {
            {
                let _lock = lifecycle::lock();
                whole_frame(terminal, |terminal| {
                    terminal
                        .draw(|frame| crate::ui::draw_note(&note, frame))
                        .map(drop)
                })?;
            }
            hooks::wait_at("DAFU_TEST_READ_GATE");
            read().map_err(Ended::Refused)
        }
    }
}

/// The reader on one letter, from the terminal's probe until the user quits.
fn read_events(
    terminal: &mut DefaultTerminal,
    tree: LetterTree,
    settings: Settings,
) -> Result<(), Ended> {
    let Settings {
        lang,
        ambiguous,
        palette,
        keeping,
    } = settings;
    // Read while the terminal is probed.
    let mut keeper = keep::Keeper::start(keeping, &tree);
    let probed = probe_terminal(ambiguous, palette);
    let mut app = new_app(terminal, tree, lang, &probed, &mut keeper, Vec::new())?;
    letter_loop(terminal, &mut app, keeper, probed.palette, 0).map(|_| ())
}

/// How a letter's loop ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Closed {
    /// `q` (or Esc, on a shelf's letter).
    Quit,
    /// Ctrl-C: everything ends.
    Interrupted,
    /// The terminal went away.
    Gone,
}

/// The reader's loop on `app`: events in, frames out, until the user quits or the terminal
/// fails (`app` is then as the reader left it: the shelf takes its history back). `events` counts the events that moved the reader before (a search it was opened
/// with), after which a kept place that comes late is not taken.
fn letter_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    mut keeper: keep::Keeper,
    palette: Palette,
    mut events: usize,
) -> Result<Closed, Ended> {
    let mut repaint = false;
    let mut indexer: Option<index::IndexWorker> = None;
    // Late or split terminal replies are dropped here, before the keymap sees them.
    let mut replies = replies::Replies::default();
    keeper.publish(app);
    while !app.should_quit() {
        if let Some(built) = indexer.as_mut().and_then(index::IndexWorker::take) {
            app.update(Message::IndexReady(Box::new(built)));
            keeper.publish(app);
        }
        if let Some(restore) = keeper.take(Duration::ZERO, events > 0) {
            app.update(Message::Restore(Box::new(restore)));
            keeper.publish(app);
        }
        repaint |= run_effects(app)?;
        repaint |= lifecycle::take_repaint();
        hooks::before_frame(events);
        draw(terminal, app, palette, repaint)?;
        repaint = false;
        if indexer.is_none() {
            // After the first frame, which does not need it.
            indexer = Some(
                // No thread to be had: built here, still after the first frame.
                index::IndexWorker::start(app)
                    .unwrap_or_else(|_| index::IndexWorker::built_here(app)),
            );
        }
        let event = match wait_for_event(&mut indexer, &mut keeper, &mut replies, events > 0) {
            Waited::Event(event) => event,
            Waited::Repaint => {
                repaint = true;
                continue;
            }
            Waited::Index(built) => {
                app.update(Message::IndexReady(built));
                keeper.publish(app);
                continue;
            }
            Waited::Kept(restore) => {
                app.update(Message::Restore(Box::new(restore)));
                keeper.publish(app);
                continue;
            }
            Waited::Gone => return Ok(Closed::Gone),
        };
        events += 1;
        if matches!(event, Event::Resize(..)) {
            // A terminal that shrank and grew back between two events has lost what it
            // showed, though the size ratatui remembers is unchanged: repaint it all.
            repaint = true;
        }
        if let Some(action) = action_for(app, &event) {
            app.update(action);
            keeper.publish(app);
        }
    }
    Ok(if app.interrupted() {
        Closed::Interrupted
    } else {
        Closed::Quit
    })
}

/// What the terminal said when asked at the start.
struct Probed {
    /// How wide it draws ambiguous characters.
    ambiguous: AmbiguousWidth,
    /// The palette for its background.
    palette: Palette,
    /// Keys typed while it was asked.
    typed: Vec<char>,
}

/// Asks the terminal its ambiguous width and background (both in one round trip), as the
/// settings ask.
fn probe_terminal(setting: AmbiguousSetting, palette: PaletteChoice) -> Probed {
    let answer = {
        let _lock = lifecycle::lock();
        probe::ask(probe::Questions {
            width: setting == AmbiguousSetting::Auto,
            background: matches!(palette, PaletteChoice::Ask { .. }),
        })
    };
    let ambiguous = setting.told().or(answer.mode).unwrap_or_default();
    let palette = palette.resolve(answer.background);
    // crossterm writes no colour at all when NO_COLOR is set; the palette has decided already
    // (`--color always` wins over NO_COLOR), so crossterm is told what was decided.
    ratatui::crossterm::style::force_color_output(palette != Palette::Mono);
    listen_for_resizes();
    Probed {
        ambiguous,
        palette,
        typed: answer.typed,
    }
}

/// The reader on `tree` at its start: the kept place restored, and the keys typed while the
/// terminal was asked replayed.
fn new_app(
    terminal: &mut DefaultTerminal,
    tree: LetterTree,
    lang: Lang,
    probed: &Probed,
    keeper: &mut keep::Keeper,
    searched: Vec<String>,
) -> io::Result<App> {
    let size = terminal.size()?;
    let mut app = App::new(tree, lang, probed.ambiguous, (size.width, size.height));
    // Built after the first frame (see `letter_loop`): a search typed before waits for it.
    app.update(Message::IndexComing);
    // Queries searched before it opened, on the shelf: this run's, newer than any kept.
    if !searched.is_empty() {
        app.update(Message::Restore(Box::new(Restore {
            history: searched,
            ..Restore::default()
        })));
    }
    if let Some(restore) = keeper.take(STATE_WAIT, false) {
        app.update(Message::Restore(Box::new(restore)));
    }
    // Keys the user typed while the probe read the terminal are theirs: replay them.
    for &c in &probed.typed {
        let key = Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
        if let Some(action) = action_for(&app, &key) {
            app.update(action);
        }
    }
    Ok(app)
}

/// Makes crossterm catch SIGWINCH from now on, before the size of the first frame is read.
///
/// crossterm sets up its event source, and with it its SIGWINCH handler, only at the first
/// `event::poll`; until then the signal is ignored, as by default. A window that shrank and
/// grew back between the first frame and that poll would send no resize event, and the
/// screen the terminal cropped would stay cropped (ratatui's size is unchanged, so nothing is
/// sent). A resize from here on arrives as an event; one before is in the size read next.
fn listen_for_resizes() {
    // With no time to wait, the /dev/tty source reads nothing, so no key is taken here. A
    // source that cannot be made fails again at the loop's first poll, which ends the reader.
    let _ = event::poll(Duration::ZERO);
}

/// Carries out what the app asked of the world (a copy, a suspend); returns whether the
/// screen must be painted again in full.
fn run_effects(app: &mut App) -> io::Result<bool> {
    let mut repaint = false;
    for effect in app.take_effects() {
        let lock = lifecycle::lock();
        match effect {
            Effect::Copy(text) => copy_osc52(&text)?,
            Effect::Suspend => {
                lifecycle::suspend(&lock)?;
                repaint = true;
            }
            Effect::Repaint => repaint = true,
        }
    }
    Ok(repaint)
}

/// What waiting for the terminal brought.
enum Waited {
    /// An event to handle.
    Event(Event),
    /// A signal asked for a repaint.
    Repaint,
    /// The search index, built.
    Index(Box<crate::search::letter::ReaderIndex>),
    /// What was kept from earlier runs, read after the first frame.
    Kept(crate::kept::Restore),
    /// The terminal went away (EIO on a closed tty): end quietly.
    Gone,
}

/// Waits for an event, waking now and then to see whether a signal asked for a repaint, and,
/// often while they are being made, whether the search index or the kept state is ready
/// (`moved`: whether the reader has moved since it started, see [`keep::Keeper::take`]).
/// Terminal replies among the events are dropped ([`replies`]).
fn wait_for_event(
    indexer: &mut Option<index::IndexWorker>,
    keeper: &mut keep::Keeper,
    replies: &mut replies::Replies,
    moved: bool,
) -> Waited {
    loop {
        if let Some(event) = replies.next_event() {
            return Waited::Event(event);
        }
        let busy = indexer.as_ref().is_some_and(index::IndexWorker::pending) || keeper.pending();
        let mut tick = if busy { INDEX_TICK } else { TICK };
        if let Some(deadline) = replies.deadline() {
            tick = tick.min(deadline.saturating_duration_since(Instant::now()));
        }
        match event::poll(tick) {
            Ok(true) => match event::read() {
                Ok(event) => replies.feed(event, Instant::now()),
                Err(_) => return Waited::Gone,
            },
            Ok(false) if lifecycle::take_repaint() => return Waited::Repaint,
            Ok(false) => {
                replies.expire(Instant::now());
                if let Some(built) = indexer.as_mut().and_then(index::IndexWorker::take) {
                    return Waited::Index(Box::new(built));
                }
                if let Some(restore) = keeper.take(Duration::ZERO, moved) {
                    return Waited::Kept(restore);
                }
            }
            Err(_) => return Waited::Gone,
        }
    }
}

/// What the runner draws: the reader, or the shelf. Each knows the size it was laid out for,
/// takes a new one as its resize, and draws itself in a palette.
trait Drawn {
    fn size(&self) -> (u16, u16);
    fn resize(&mut self, width: u16, height: u16);
    fn draw_in(&self, palette: Palette, frame: &mut ratatui::Frame);
}

impl Drawn for App {
    fn size(&self) -> (u16, u16) {
        App::size(self)
    }
    fn resize(&mut self, width: u16, height: u16) {
        self.update(Action::Resize { width, height });
    }
    fn draw_in(&self, palette: Palette, frame: &mut ratatui::Frame) {
        crate::ui::draw_in(self, palette, frame);
    }
}

impl Drawn for crate::app::shelf::ShelfApp {
    fn size(&self) -> (u16, u16) {
        crate::app::shelf::ShelfApp::size(self)
    }
    fn resize(&mut self, width: u16, height: u16) {
        self.update(Action::Resize { width, height });
    }
    fn draw_in(&self, palette: Palette, frame: &mut ratatui::Frame) {
        crate::ui::shelf::draw_in(self, palette, frame);
    }
}

/// Draws the reader or the shelf under the terminal lock; with `repaint`, the whole screen
/// anew.
fn draw(
    terminal: &mut DefaultTerminal,
    app: &mut impl Drawn,
    palette: Palette,
    repaint: bool,
) -> io::Result<()> {
    let _lock = lifecycle::lock();
    hooks::in_frame();
    // Lay out for the size the frame will have, not the last one reported: resize events can
    // arrive late or, with a key at the same instant, not at all.
    let size = terminal.size()?;
    if (size.width, size.height) != app.size() {
        app.resize(size.width, size.height);
    }
    whole_frame(terminal, |terminal| {
        if repaint {
            // `resize` clears without asking the terminal where its cursor is, which `clear`
            // would do.
            terminal.resize(Rect::new(0, 0, size.width, size.height))?;
        }
        terminal.draw(|frame| app.draw_in(palette, frame))?;
        Ok(())
    })
}

/// Runs `paint` as one synchronized update (mode 2026): a terminal that knows the mode shows
/// the frame whole, never half the old one and half the new (the frame reaches it in many
/// writes); one that does not ignores the two sequences. Call with the lock, so that nothing
/// else is written between them.
fn whole_frame(
    terminal: &mut DefaultTerminal,
    paint: impl FnOnce(&mut DefaultTerminal) -> io::Result<()>,
) -> io::Result<()> {
    queue!(terminal.backend_mut(), BeginSynchronizedUpdate)?;
    let painted = paint(terminal);
    // Ended also when painting failed: a terminal left in the update shows nothing new.
    let ended = execute!(terminal.backend_mut(), EndSynchronizedUpdate);
    painted.and(ended)
}

/// Puts `text` on the system clipboard through the terminal (OSC 52). The text was
/// sanitised at load and is base64-encoded here, so it cannot end the sequence early.
fn copy_osc52(text: &str) -> io::Result<()> {
    let encoded = base64::engine::general_purpose::STANDARD.encode(text);
    let mut out = io::stdout();
    write!(out, "\x1b]52;c;{encoded}\x07")?;
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dumb_or_missing_terminals_get_plain_text() {
        assert!(!full_screen_capable(None));
        assert!(!full_screen_capable(Some(OsStr::new(""))));
        assert!(!full_screen_capable(Some(OsStr::new("dumb"))));
        assert!(full_screen_capable(Some(OsStr::new("xterm-256color"))));
        assert!(full_screen_capable(Some(OsStr::new("linux"))));
    }
}
