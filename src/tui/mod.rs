//! The interactive reader's runner: takes the terminal, feeds events through the keymap
//! into [`App::update`], draws, carries out effects, and always gives the terminal back.

pub mod probe;

use std::io::{self, Write};

use base64::Engine as _;
use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::crossterm::execute;

use crate::action::Action;
use crate::app::{App, Effect};
use crate::keymap::action_for;
use crate::letter::tree::LetterTree;
use crate::strings::Lang;
use crate::text::width::AmbiguousWidth;

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

/// Runs the reader until the user quits.
///
/// # Errors
/// When the terminal cannot be set up or read.
pub fn run(tree: LetterTree, lang: Lang, setting: AmbiguousSetting) -> io::Result<()> {
    install_signal_handlers()?;
    // `ratatui::init` installs a panic hook that restores the terminal before the panic
    // message prints; it enters raw mode and the alternate screen.
    let mut terminal = ratatui::init();
    let result = (|| {
        let (ambiguous, typed) = match setting {
            AmbiguousSetting::Narrow => (AmbiguousWidth::Narrow, Vec::new()),
            AmbiguousSetting::Wide => (AmbiguousWidth::Wide, Vec::new()),
            AmbiguousSetting::Auto => {
                let answer = probe::ambiguous_width();
                (answer.mode.unwrap_or_default(), answer.typed)
            }
        };
        execute!(io::stdout(), EnableMouseCapture, EnableBracketedPaste)?;
        let size = terminal.size()?;
        let mut app = App::new(tree, lang, ambiguous, (size.width, size.height));
        // Keys the user typed while the probe read the terminal are theirs: replay them.
        for c in typed {
            let key = Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
            if let Some(action) = action_for(&app, &key) {
                app.update(action);
            }
        }
        if app.should_quit() {
            return Ok(());
        }
        terminal.draw(|frame| crate::ui::draw(&app, frame))?;
        // Blocking read: an idle reader uses no CPU. An error means the terminal went away
        // (EIO on a closed tty): end quietly.
        while let Ok(event) = event::read() {
            if matches!(event, Event::Resize(..)) {
                // A terminal that shrank and grew back between two events has lost what it
                // showed, though the size ratatui remembers is unchanged: repaint it all.
                // (`resize` clears without asking the terminal where its cursor is, which
                // `clear` would do.)
                let size = terminal.size()?;
                terminal.resize(ratatui::layout::Rect::new(0, 0, size.width, size.height))?;
            }
            if let Some(action) = action_for(&app, &event) {
                app.update(action);
            }
            if app.should_quit() {
                break;
            }
            for effect in app.take_effects() {
                match effect {
                    Effect::Copy(text) => copy_osc52(&text)?,
                }
            }
            // Lay out for the size the frame will have, not the last one reported: resize
            // events can arrive late or, with a key at the same instant, not at all.
            let size = terminal.size()?;
            if (size.width, size.height) != app.size() {
                app.update(Action::Resize {
                    width: size.width,
                    height: size.height,
                });
            }
            terminal.draw(|frame| crate::ui::draw(&app, frame))?;
        }
        Ok(())
    })();
    restore_terminal();
    result
}

/// Gives the terminal back: mouse and paste modes off, raw mode off, the main screen, and
/// the cursor shown (`ratatui::restore` leaves showing it to the terminal's drop, which a
/// signal's exit skips).
fn restore_terminal() {
    let _ = execute!(io::stdout(), DisableMouseCapture, DisableBracketedPaste);
    ratatui::restore();
    let _ = execute!(io::stdout(), Show);
}

/// Puts `text` on the system clipboard through the terminal (OSC 52). The text was
/// sanitised at load and is base64-encoded here, so it cannot end the sequence early.
fn copy_osc52(text: &str) -> io::Result<()> {
    let encoded = base64::engine::general_purpose::STANDARD.encode(text);
    let mut out = io::stdout();
    write!(out, "\x1b]52;c;{encoded}\x07")?;
    out.flush()
}

/// SIGTERM and SIGHUP end the reader with the terminal restored; the handler runs on a
/// thread of its own because the main thread may be blocked reading the terminal.
fn install_signal_handlers() -> io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT])?;
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            restore_terminal();
            std::process::exit(128 + signal);
        }
    });
    Ok(())
}
