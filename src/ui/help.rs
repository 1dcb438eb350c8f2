//! The help overlay: every key, from the table in [`crate::keys`] that the README's key
//! table is checked against; the reader's, and the shelf's ([`draw_rows`]).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::{pane, put_line, theme};
use crate::app::App;
use crate::keys::help_rows;
use crate::layout::{HelpLayout, help_layout, inner};
use crate::strings::Lang;
use crate::text::truncate::truncate;
use crate::text::width::AmbiguousWidth;
use crate::text::width::str_width;

/// Where the help overlay stands on `screen` ([`crate::layout::help_layout`]).
#[must_use]
pub fn area(lang: Lang, on_shelf: bool, mode: AmbiguousWidth, screen: Rect) -> Rect {
    area_of(&help_rows(lang, on_shelf), mode, screen)
}

/// Where a help of `rows` stands on `screen` (see [`area`]).
#[must_use]
pub fn area_of(rows: &[(String, &str)], mode: AmbiguousWidth, screen: Rect) -> Rect {
    help_layout(rows, mode, screen).area
}

/// Draws the reader's help overlay over `screen`.
pub fn draw(app: &App, screen: Rect, buf: &mut Buffer) {
    let rows = help_rows(app.lang(), app.on_shelf());
    draw_rows(
        &rows,
        app.help_offset(),
        app.lang(),
        app.ambiguous(),
        screen,
        buf,
    );
}

/// Draws a help of `rows` over `screen`, from row `offset` (the reader's and the shelf's).
pub fn draw_rows(
    rows: &[(String, &str)],
    offset: usize,
    lang: Lang,
    mode: AmbiguousWidth,
    screen: Rect,
    buf: &mut Buffer,
) {
    let strings = lang.strings();
    let HelpLayout {
        area,
        key_width,
        room,
        lines,
    } = help_layout(rows, mode, screen);
    let body = inner(area);
    // Which lines are in view, since the help is longer than a small screen.
    let first = offset.min(lines.len().saturating_sub(usize::from(body.height)));
    let last = (first + usize::from(body.height)).min(lines.len());
    let position = format!(" {}–{}/{} ", first + 1, last, lines.len());
    // The keys that page it, when the border has room for them whole: a hint cut short
    // (`q c`) says nothing.
    let hinted = format!("{position} {} ", strings.help_hints);
    let border = usize::from(area.width).saturating_sub(2);
    let position = if str_width(hinted.trim_end(), mode) <= border {
        hinted
    } else {
        position
    };
    pane(strings.help_title, true, mode)
        .title_bottom(Line::from(position).style(theme::DIM))
        .render(area, buf);
    for (i, (key, what)) in lines
        .iter()
        .skip(first)
        .take(usize::from(body.height))
        .enumerate()
    {
        let y = body.y + u16::try_from(i).unwrap_or(0);
        let pad = " ".repeat(key_width.saturating_sub(str_width(key, mode)));
        // The lines are broken to `room` already; cut to it too, so that nothing but the
        // border stands in the margin.
        let line = Line::from(vec![
            Span::styled(format!(" {key}{pad}  "), theme::HEADING),
            Span::raw(truncate(what, room, mode).into_owned()),
        ]);
        put_line(buf, Rect::new(body.x, y, body.width, 1), &line, mode);
    }
}
