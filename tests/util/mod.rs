//! Helpers shared by the reader's tests: an app on the embedded letter, its screen as text.

#![allow(dead_code, reason = "each test crate uses a different subset")]

use dafu::action::Action;
use dafu::app::App;
use dafu::keymap::action_for;
use dafu::letter::load;
use dafu::letter::tree::LetterTree;
use dafu::strings::Lang;
use dafu::text::width::AmbiguousWidth;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

/// A reader on the embedded letter, Chinese interface, narrow ambiguous width.
pub fn app(width: u16, height: u16) -> App {
    app_with(width, height, AmbiguousWidth::Narrow)
}

/// As [`app`], in a given ambiguous-width mode.
pub fn app_with(width: u16, height: u16, mode: AmbiguousWidth) -> App {
    let tree = LetterTree::new(load::embedded());
    App::new(tree, Lang::Zh, mode, (width, height))
}

/// The stable key of the selected node (`s3.m1.p2`).
pub fn selected_key(app: &App) -> String {
    app.tree().nodes[app.selected()].key.clone()
}

/// The action a plain key press maps to.
pub fn key(app: &App, c: char) -> Option<Action> {
    action_for(
        app,
        &Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)),
    )
}

/// Draws the app and returns the terminal for inspection.
pub fn draw(app: &App) -> Terminal<TestBackend> {
    let (w, h) = app.size();
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test backend");
    terminal
        .draw(|frame| dafu::ui::draw(app, frame))
        .expect("draw");
    terminal
}

/// The screen as text, one line a row, wide characters once (their covered cells skipped).
pub fn screen(app: &App) -> String {
    let terminal = draw(app);
    buffer_text(terminal.backend().buffer())
}

/// A buffer as text, one line a row.
pub fn buffer_text(buffer: &ratatui::buffer::Buffer) -> String {
    let area = buffer.area;
    let mut out = String::new();
    for y in 0..area.height {
        let mut x = 0;
        while x < area.width {
            let cell = &buffer[(x, y)];
            let symbol = cell.symbol();
            out.push_str(symbol);
            let w = unicode_width::UnicodeWidthStr::width(symbol).max(1);
            x += u16::try_from(w).unwrap_or(1);
        }
        out.push('\n');
    }
    out
}
