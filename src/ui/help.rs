//! The help overlay: every key, from the same table the README lists.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::layout::inner;
use super::{centered, clear_overlay, pane, put_line, theme};
use crate::app::App;
use crate::strings::Lang;
use crate::text::truncate::truncate;
use crate::text::width::AmbiguousWidth;
use crate::text::width::str_width;

/// Where the help overlay stands on `screen`: wide enough for its longest row (borders,
/// margins and the gap included), never wider than the screen less a margin that keeps the
/// panes' edges in view, one row a key.
#[must_use]
pub fn area(lang: Lang, mode: AmbiguousWidth, screen: Rect) -> Rect {
    let rows = lang.strings().help;
    let keys = rows.iter().map(|r| str_width(r.0, mode)).max().unwrap_or(0);
    let whats = rows.iter().map(|r| str_width(r.1, mode)).max().unwrap_or(0);
    let width = u16::try_from(keys + whats + 6).unwrap_or(u16::MAX);
    let width = width.min(screen.width.saturating_sub(4).max(1));
    let height = u16::try_from(rows.len() + 2).unwrap_or(u16::MAX);
    centered(screen, width, height)
}

/// Draws the help overlay over `screen`.
pub fn draw(app: &App, screen: Rect, buf: &mut Buffer) {
    let strings = app.lang.strings();
    let rows = strings.help;
    let key_width = rows
        .iter()
        .map(|(k, _)| str_width(k, app.ambiguous))
        .max()
        .unwrap_or(0);
    let area = area(app.lang, app.ambiguous, screen);
    clear_overlay(area, buf, app.ambiguous);
    pane(strings.help_title, true, app.ambiguous).render(area, buf);
    let body = inner(area);
    for (i, (key, what)) in rows
        .iter()
        .skip(app.help_offset)
        .take(usize::from(body.height))
        .enumerate()
    {
        let y = body.y + u16::try_from(i).unwrap_or(0);
        let pad = " ".repeat(key_width.saturating_sub(str_width(key, app.ambiguous)));
        let rest = usize::from(body.width).saturating_sub(key_width + 3);
        let line = Line::from(vec![
            Span::styled(format!(" {key}{pad}  "), theme::HEADING),
            Span::raw(truncate(what, rest, app.ambiguous).into_owned()),
        ]);
        put_line(
            buf,
            Rect::new(body.x, y, body.width, 1),
            &line,
            app.ambiguous,
        );
    }
}
