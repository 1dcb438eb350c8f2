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

/// The line at the top of the reading pane (wrapped: the pane shows it).
pub fn top_line(app: &App) -> dafu::app::reading::ReadingLine {
    app.reading()
        .line(app.reading_top())
        .expect("the top line is wrapped")
        .clone()
}

/// How many lines the top of the reading pane is below the letter's first line, counted at
/// the pane's width on a copy of its layout.
pub fn top_line_number(app: &App) -> usize {
    let mut layout = app.reading().clone();
    let start = layout.start(app.tree());
    layout.lines_between(app.tree(), start, app.reading_top())
}

/// A search for `query` as typed at the prompt, finished with Enter.
pub fn search(app: &mut App, query: &str) {
    app.update(Action::OpenSearch);
    app.update(Action::SearchInsert(query.into()));
    app.update(Action::SearchSubmit);
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

/// Checks that a frame drawn for `app` stays inside the screen, as a person would see it on
/// a terminal: the frame is exactly the screen's size; no wide character starts in the last
/// column of a row or has its right half drawn over; every box on the screen (the panes,
/// and the open overlay) has all four corners and both side edges, so that no text ran over
/// a border; and the panes' bottom edges are whole (their titles are on the top edge; an
/// overlay may show its keys on its bottom edge). Err names the first cell that is wrong.
pub fn frame_fits(app: &App, buffer: &ratatui::buffer::Buffer) -> Result<(), String> {
    use dafu::app::Overlay;
    use dafu::text::width::str_width;
    use ratatui::layout::Rect;

    let (w, h) = app.size();
    if buffer.area != Rect::new(0, 0, w, h) {
        return Err(format!("frame {:?} for a {w}×{h} screen", buffer.area));
    }
    for y in 0..h {
        let mut x = 0;
        while x < w {
            let symbol = buffer[(x, y)].symbol();
            let width = u16::try_from(str_width(symbol, app.ambiguous())).unwrap_or(u16::MAX);
            if width > 1 {
                if x + width > w {
                    return Err(format!("{symbol:?} at ({x}, {y}) sticks out of the screen"));
                }
                for covered in x + 1..x + width {
                    let under = buffer[(covered, y)].symbol();
                    if !under.trim().is_empty() {
                        return Err(format!(
                            "{under:?} at ({covered}, {y}) is drawn over the right half of \
                             {symbol:?} at ({x}, {y})"
                        ));
                    }
                }
            }
            x += width.max(1);
        }
    }
    let areas = app.areas();
    if areas.too_small {
        return Ok(());
    }
    let overlay = match app.overlay() {
        Some(Overlay::Help) => Some(dafu::ui::help::area(
            app.lang(),
            app.on_shelf(),
            app.ambiguous(),
            areas.screen,
        )),
        Some(Overlay::Figures) => Some(dafu::layout::figures_overlay(areas.screen)),
        None => None,
    };
    let set = dafu::ui::border_set(app.ambiguous());
    let check_box = |area: Rect, hidden: Option<Rect>, whole_bottom: bool| -> Result<(), String> {
        if area.width < 2 || area.height < 2 {
            return Ok(());
        }
        let (left, right) = (area.x, area.right() - 1);
        let (top, bottom) = (area.y, area.bottom() - 1);
        let mut cells = vec![
            (left, top, set.top_left),
            (right, top, set.top_right),
            (left, bottom, set.bottom_left),
            (right, bottom, set.bottom_right),
        ];
        for y in top + 1..bottom {
            cells.push((left, y, set.vertical_left));
            cells.push((right, y, set.vertical_right));
        }
        if whole_bottom {
            for x in left + 1..right {
                cells.push((x, bottom, set.horizontal_bottom));
            }
        }
        for (x, y, want) in cells {
            if hidden.is_some_and(|o| o.contains((x, y).into())) {
                continue;
            }
            let got = buffer[(x, y)].symbol();
            if got != want {
                return Err(format!(
                    "the border of {area:?} at ({x}, {y}) is {got:?}, not {want:?}"
                ));
            }
        }
        Ok(())
    };
    // An overlay stands instead of the panes (they are not drawn under it).
    match overlay {
        Some(area) => check_box(area, None, false)?,
        None => {
            for pane in [areas.outline, areas.reading].into_iter().flatten() {
                check_box(pane, None, true)?;
            }
        }
    }
    Ok(())
}

/// [`draw`], then [`frame_fits`]; panics with the screen when the frame does not fit.
pub fn draw_checked(app: &App) -> Terminal<TestBackend> {
    let terminal = draw(app);
    if let Err(problem) = frame_fits(app, terminal.backend().buffer()) {
        panic!(
            "{problem} ({}×{}); the screen:\n{}",
            app.size().0,
            app.size().1,
            buffer_text(terminal.backend().buffer())
        );
    }
    terminal
}
