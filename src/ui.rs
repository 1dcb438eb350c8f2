//! Drawing: a pure function of the [`App`]. Nothing here changes the app's state.

pub mod figures;
pub mod help;
pub mod outline;
pub mod reading;
pub mod shelf;
pub mod status;
pub mod theme;

use ratatui::Frame;
use ratatui::buffer::{Buffer, CellDiffOption, CellWidth};
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::symbols::border;
use ratatui::text::{Line, Span};
use ratatui::widgets::Block;
use unicode_segmentation::UnicodeSegmentation;

use crate::app::{App, Overlay};
use crate::text::truncate::{ELLIPSIS, truncate};
use crate::text::width::{AmbiguousWidth, grapheme_width, str_width};

/// Draws the whole screen in `palette` (see [`theme::Palette`]).
pub fn draw_in(app: &App, palette: theme::Palette, frame: &mut Frame) {
    draw(app, frame);
    palette.apply(frame.buffer_mut());
}

/// Draws the whole screen in the styles as written (the dark palette).
pub fn draw(app: &App, frame: &mut Frame) {
    let areas = app.areas();
    let buf = frame.buffer_mut();
    if areas.too_small {
        draw_too_small(app.lang(), app.ambiguous(), areas.screen, buf);
        return;
    }
    draw_title(app, areas.title, buf);
    // An overlay is opaque: it stands on a cleared body instead of the panes, so that no
    // pane's border, marker or half a glyph shows beside it.
    match app.overlay() {
        Some(Overlay::Help) => help::draw(app, areas.screen, buf),
        Some(Overlay::Figures) => figures::draw(app, areas.screen, buf),
        None => {
            if let Some(area) = areas.outline {
                outline::draw(app, area, buf);
            }
            if let Some(area) = areas.reading {
                reading::draw(app, area, buf);
            }
        }
    }
    let cursor = status::draw(app, areas.status, buf);
    // Under the help opened from the prompt, keys go to the help: no caret to type at.
    if let Some(position) = cursor.filter(|_| app.overlay().is_none()) {
        // The real cursor at the caret, so an input method's candidate window opens there.
        frame.set_cursor_position(position);
    }
}

/// Says that the screen is smaller than the reader and the shelf need, and how large it must be.
fn draw_too_small(
    lang: crate::strings::Lang,
    mode: AmbiguousWidth,
    screen: Rect,
    buf: &mut Buffer,
) {
    let text = format!(
        "{} {}×{}",
        lang.strings().too_small,
        crate::layout::MIN_WIDTH,
        crate::layout::MIN_HEIGHT
    );
    draw_note_in(&text, screen, buf, mode);
}

/// Draws `text` alone on the screen, before there is an app to draw: what the runner shows
/// while a large letter is read. The text is shown as given; the caller sanitises it.
pub fn draw_note(text: &str, frame: &mut Frame) {
    let screen = frame.area();
    // Before the terminal is asked: narrow, as most draw ambiguous characters.
    draw_note_in(text, screen, frame.buffer_mut(), AmbiguousWidth::Narrow);
}

/// `text` from the top left of `screen`, wrapped, not cut: on a narrow screen its end must
/// still show. The last row that fits ends in `…` if need be.
fn draw_note_in(text: &str, screen: Rect, buf: &mut Buffer, ambiguous: AmbiguousWidth) {
    if screen.width == 0 || screen.height == 0 {
        return;
    }
    let width = usize::from(screen.width);
    let lines = crate::text::wrap::wrap(text, width, ambiguous);
    let rows = usize::from(screen.height);
    let style = theme::NOTE.bg(ratatui::style::Color::Reset);
    for (row, line) in lines.iter().enumerate().take(rows) {
        let shown = if row + 1 == rows && lines.len() > rows {
            let rest = text.get(line.start..).unwrap_or_default();
            truncate(rest, width, ambiguous).into_owned()
        } else {
            let part = crate::text::wrap::visible(text, line.clone());
            text.get(part).unwrap_or_default().to_string()
        };
        let y = screen.y + u16::try_from(row).unwrap_or(u16::MAX);
        buf.set_stringn(screen.x, y, shown, width, style);
    }
}

fn draw_title(app: &App, area: Rect, buf: &mut Buffer) {
    let letter = &app.tree().letter;
    // What there is: the number and the title, or whichever of them the letter has, or the
    // body that wrote it.
    let parts: Vec<&str> = [&letter.doc_number, &letter.title]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .collect();
    let text = if parts.is_empty() {
        [&letter.issuer, &letter.signature.issuer]
            .into_iter()
            .flatten()
            .next()
            .cloned()
            .unwrap_or_default()
    } else {
        parts.join("  ")
    };
    let text = truncate(&text, usize::from(area.width), app.ambiguous());
    put_line(
        buf,
        area,
        &Line::from(Span::styled(text, theme::TITLE)),
        app.ambiguous(),
    );
}

/// The border set for the ambiguous-width mode: box-drawing lines are ambiguous, so a
/// terminal that draws them two columns wide gets plain ASCII instead.
#[must_use]
pub fn border_set(mode: AmbiguousWidth) -> border::Set<'static> {
    match mode {
        AmbiguousWidth::Narrow => border::ROUNDED,
        AmbiguousWidth::Wide => border::Set {
            top_left: "+",
            top_right: "+",
            bottom_left: "+",
            bottom_right: "+",
            vertical_left: "|",
            vertical_right: "|",
            horizontal_top: "-",
            horizontal_bottom: "-",
        },
    }
}

/// A bordered pane with a title.
#[must_use]
pub fn pane<'a>(title: &'a str, focused: bool, mode: AmbiguousWidth) -> Block<'a> {
    let (style, title_style) = if focused {
        (theme::BORDER_FOCUSED, theme::TITLE_FOCUSED)
    } else {
        (theme::BORDER, theme::BORDER)
    };
    Block::bordered()
        .border_set(border_set(mode))
        .border_style(style)
        .title(Span::styled(format!(" {title} "), title_style))
}

/// Writes `line` into one row of `area`, measuring graphemes in `mode` and never drawing past
/// the area's right edge. A line too long for the row ends in `…` where it is cut, so that a
/// cut never looks like the end of the text (trailing spaces that do not fit are no cut).
pub fn put_line(buf: &mut Buffer, area: Rect, line: &Line<'_>, mode: AmbiguousWidth) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    let mut x = area.x;
    // Never past the buffer either: a wide glyph in its last column would make the
    // terminal wrap it onto the next row.
    let right = area.right().min(buf.area.right());
    let y = area.y;
    let graphemes = || {
        line.spans.iter().flat_map(move |span| {
            let style = line.style.patch(span.style);
            span.content
                .graphemes(true)
                .map(move |g| (g, grapheme_width(g, mode), style))
        })
    };
    // How wide the line is up to its last visible character, to know whether it is cut.
    let mut needed = 0;
    let mut used = 0;
    for (g, w, _) in graphemes() {
        used += w;
        if !g.trim().is_empty() {
            needed = used;
        }
    }
    let room = usize::from(right.saturating_sub(x));
    let ellipsis = str_width(ELLIPSIS, mode);
    let limit = if needed > room {
        room.saturating_sub(ellipsis)
    } else {
        room
    };
    let mut drawn = 0;
    for (g, w, style) in graphemes() {
        if w == 0 {
            continue;
        }
        if drawn + w > limit {
            if needed > room && ellipsis <= room - drawn {
                let w16 = u16::try_from(ellipsis).unwrap_or(1);
                put_grapheme(buf, x, y, ELLIPSIS, w16, style);
            }
            return;
        }
        let Ok(w16) = u16::try_from(w) else { return };
        put_grapheme(buf, x, y, g, w16, style);
        x += w16;
        drawn += w;
    }
}

/// Writes one grapheme of width `w` at (x, y) and blanks the cells it covers.
///
/// ratatui measures symbols with `unicode-width`'s narrow rule ([`CellWidth`]), as
/// [`crate::text::grapheme_width`] does in narrow mode. When we measure wider (an ambiguous
/// character on a terminal that draws it two columns wide), the cell carries a forced width,
/// so that ratatui's diff skips the covered column and positions what follows by our measure,
/// not its own.
fn put_grapheme(buf: &mut Buffer, x: u16, y: u16, g: &str, w: u16, style: Style) {
    if let Some(cell) = buf.cell_mut((x, y)) {
        cell.set_symbol(g).set_style(style);
        if w != g.cell_width()
            && let Some(forced) = std::num::NonZeroU16::new(w)
        {
            cell.set_diff_option(CellDiffOption::ForcedWidth(forced));
        }
    }
    for dx in 1..w {
        if let Some(cell) = buf.cell_mut((x + dx, y)) {
            cell.reset();
            cell.set_style(style);
        }
    }
}
