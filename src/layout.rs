//! Where everything goes on the screen, as a pure function of the terminal's size and the
//! focus. The app (scrolling, paging, mouse hit-testing) and the drawing both read it, so
//! they can never disagree; it sits below both and imports neither.

use ratatui::layout::Rect;

use crate::text::width::{AmbiguousWidth, str_width};
use crate::text::wrap::{visible, wrap};

/// Which pane takes the navigation keys, and which one shows when only one fits. Kept
/// between runs with the place ([`crate::kept::Place`]), by name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Focus {
    /// The tree of suggestions, measures and points.
    #[default]
    Outline,
    /// The letter's running text.
    Reading,
}

/// Below this many columns, or rows, the reader shows only a "too small" line.
pub const MIN_WIDTH: u16 = 40;
/// See [`MIN_WIDTH`].
pub const MIN_HEIGHT: u16 = 10;
/// From this many columns on, the outline and the reading pane stand side by side.
pub const SIDE_BY_SIDE_WIDTH: u16 = 100;

/// The screen's areas for one frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Areas {
    /// The whole screen.
    pub screen: Rect,
    /// True when the screen is below the minimum: nothing else is drawn.
    pub too_small: bool,
    /// The title row.
    pub title: Rect,
    /// The outline pane with its border, when shown.
    pub outline: Option<Rect>,
    /// The reading pane with its border, when shown.
    pub reading: Option<Rect>,
    /// The status row (also the search prompt's row).
    pub status: Rect,
}

/// The inside of a bordered pane.
#[must_use]
pub fn inner(area: Rect) -> Rect {
    Rect {
        x: area.x.saturating_add(1),
        y: area.y.saturating_add(1),
        width: area.width.saturating_sub(2),
        height: area.height.saturating_sub(2),
    }
}

/// Whether a screen of `width`×`height` cells is too small for anything but saying so: the
/// reader's and the shelf's alike.
#[must_use]
pub fn too_small(width: u16, height: u16) -> bool {
    width < MIN_WIDTH || height < MIN_HEIGHT
}

/// Splits a screen of `width`×`height` cells.
#[must_use]
pub fn areas(width: u16, height: u16, focus: Focus) -> Areas {
    let screen = Rect::new(0, 0, width, height);
    if too_small(width, height) {
        return Areas {
            screen,
            too_small: true,
            ..Areas::default()
        };
    }
    let title = Rect::new(0, 0, width, 1);
    let status = Rect::new(0, height - 1, width, 1);
    let body = Rect::new(0, 1, width, height - 2);
    let (outline, reading) = if width >= SIDE_BY_SIDE_WIDTH {
        // The outline gets about a third, enough for a measure's title, capped so the text
        // keeps most of a wide screen.
        let left = (width * 36 / 100).clamp(36, 56);
        (
            Some(Rect::new(0, body.y, left, body.height)),
            Some(Rect::new(left, body.y, width - left, body.height)),
        )
    } else {
        match focus {
            Focus::Outline => (Some(body), None),
            Focus::Reading => (None, Some(body)),
        }
    };
    Areas {
        screen,
        too_small: false,
        title,
        outline,
        reading,
        status,
    }
}

/// Columns the reading pane keeps left of the text for the selection bar and a gap.
pub const READING_GUTTER: u16 = 2;

/// Columns the reading pane, the help and the figures view keep blank inside their right
/// border: text that ran up to it read as run into it, a wide character worst of all.
pub const RIGHT_MARGIN: u16 = 1;

/// The width text in the reading pane is wrapped to.
#[must_use]
pub fn reading_text_width(areas: &Areas) -> usize {
    areas.reading.map_or(0, |r| {
        usize::from(inner(r).width.saturating_sub(READING_GUTTER + RIGHT_MARGIN))
    })
}

/// `width`×`height` (at most the screen's) in the middle of `screen`.
#[must_use]
pub fn centered(screen: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(screen.width);
    let height = height.min(screen.height);
    Rect::new(
        screen.x + (screen.width - width) / 2,
        screen.y + (screen.height - height) / 2,
        width,
        height,
    )
}

/// How many of the help's `rows` lines are in view on a screen `height` rows high: the
/// overlay stands in the body, as tall as its lines and its border allow.
#[must_use]
pub fn help_rows_in_view(height: u16, rows: usize) -> usize {
    let body = body(Rect::new(0, 0, 1, height));
    usize::from(body.height.saturating_sub(2)).min(rows)
}

/// The help overlay of some rows (keys, what they do) on a screen, as the drawing shows it
/// and the app pages it ([`help_layout`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpLayout<'a> {
    /// Where it stands: in the body between the title and status rows, wide enough for its
    /// longest row (borders, margins and the gap included) but never wider than the screen
    /// less a margin, as tall as its lines (and its border) allow.
    pub area: Rect,
    /// The width of its column of keys.
    pub key_width: usize,
    /// The most columns a line of a description takes: what is left of the inside after
    /// the keys (or, under them, an indent) and the [`RIGHT_MARGIN`].
    pub room: usize,
    /// Its lines: each row's keys and what they do, the description broken (where Chinese
    /// and English may break) to the room beside the keys, its further lines with no keys. A
    /// row too long for a narrow screen is read whole, not cut.
    pub lines: Vec<(&'a str, &'a str)>,
}

/// The fewest columns the help's descriptions take beside its keys; narrower, they go under
/// them.
const HELP_DESCRIPTION_ROOM: usize = 24;

/// The help overlay of `rows` on `screen` (see [`HelpLayout`]): the lines are broken once, for
/// both where it stands and what it shows.
#[must_use]
pub fn help_layout<'a>(
    rows: &'a [(String, &str)],
    mode: AmbiguousWidth,
    screen: Rect,
) -> HelpLayout<'a> {
    let key_width = rows
        .iter()
        .map(|r| str_width(&r.0, mode))
        .max()
        .unwrap_or(0);
    let whats = rows.iter().map(|r| str_width(r.1, mode)).max().unwrap_or(0);
    let margin = usize::from(RIGHT_MARGIN);
    // Inside the border: a space, the keys, two spaces, the description, the margin.
    let width = u16::try_from(key_width + whats + 5 + margin).unwrap_or(u16::MAX);
    let width = width.min(screen.width.saturating_sub(4).max(1));
    let inside = usize::from(width).saturating_sub(2);
    let beside = inside.saturating_sub(key_width + 3 + margin);
    // Too narrow for the descriptions beside the keys (a word or two a line, unless every
    // one is that short), each row's keys stand on a line of their own and what they do goes
    // under them, indented.
    let stacked = beside < HELP_DESCRIPTION_ROOM.min(whats);
    let (key_width, room) = if stacked {
        (0, inside.saturating_sub(3 + margin).max(1))
    } else {
        (key_width, beside.max(1))
    };
    let mut lines = Vec::with_capacity(rows.len() * if stacked { 3 } else { 1 });
    for (key, what) in rows {
        if stacked {
            lines.push((key.as_str(), ""));
        }
        for (i, range) in wrap(what, room, mode).into_iter().enumerate() {
            let shown = what.get(visible(what, range)).unwrap_or_default();
            let key = if i == 0 && !stacked { key.as_str() } else { "" };
            lines.push((key, shown));
        }
    }
    let height = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
    HelpLayout {
        area: centered(body(screen), width, height),
        key_width,
        room,
        lines,
    }
}

/// The most rows the figures overlay gives, below its list, to what it says of the selected
/// figure (its value, its period and why a sum was or was not added), where the screen has
/// them ([`figures_said_rows`]); a row more says what it counts and where.
pub const FIGURES_SAID_ROWS: u16 = 3;
/// Rows of the figures table above the list: the column headings.
pub const FIGURES_TABLE_HEAD_ROWS: u16 = 1;
/// Rows of the money chart above the list, at the least: the legend's two sentences, a row
/// each, and the scale. A sentence too long for the width takes more rows where the screen
/// has them (`app::figures_view::ChartView::fit`).
pub const FIGURES_CHART_HEAD_ROWS: u16 = 3;

/// The rows between the title row and the status row, where the panes stand and where an
/// overlay stands instead of them.
#[must_use]
pub fn body(screen: Rect) -> Rect {
    Rect::new(
        screen.x,
        screen.y.saturating_add(1),
        screen.width,
        screen.height.saturating_sub(2),
    )
}

/// The figures overlay's frame on a screen: the whole body, so that the title and the status
/// row stay in view and nothing of the panes shows beside it.
#[must_use]
pub fn figures_overlay(screen: Rect) -> Rect {
    body(screen)
}

/// How many list rows the figures overlay has in view on a `width`×`height` screen, below
/// `head_rows` rows of headings and above `detail_rows` rows of detail.
#[must_use]
pub fn figures_list_rows(width: u16, height: u16, head_rows: u16, detail_rows: u16) -> usize {
    let body = figures_body(width, height);
    usize::from(
        body.height
            .saturating_sub(head_rows.saturating_add(detail_rows)),
    )
}

/// The most rows the figures overlay gives to what it says of the selected figure on a
/// `width`×`height` screen: [`FIGURES_SAID_ROWS`] where the list keeps most of the body,
/// fewer on a short screen, and at least one.
#[must_use]
pub fn figures_said_rows(width: u16, height: u16) -> u16 {
    let body = figures_body(width, height);
    (body.height.saturating_sub(6) / 3).clamp(1, FIGURES_SAID_ROWS)
}

/// The figures overlay's inside, within its border, on a `width`×`height` screen: its
/// headings, then its list.
#[must_use]
pub fn figures_body(width: u16, height: u16) -> Rect {
    inner(figures_overlay(Rect::new(0, 0, width, height)))
}

/// The columns the figures view's table, chart and detail take on a `width`×`height` screen:
/// its inside less the [`RIGHT_MARGIN`]. A selected row's colour still runs to the border.
#[must_use]
pub fn figures_text_width(width: u16, height: u16) -> usize {
    usize::from(
        figures_body(width, height)
            .width
            .saturating_sub(RIGHT_MARGIN),
    )
}

/// The first row to show of a list of `len` rows in a window of `rows`, scrolled as little
/// as possible from `offset` so that row `index` is in view, and never past the list's end.
/// Every scrolled list (outline, figures table, chart) keeps its selection in view with it.
#[must_use]
pub fn offset_showing(offset: usize, index: usize, rows: usize, len: usize) -> usize {
    let rows = rows.max(1);
    let offset = if index < offset {
        index
    } else if index >= offset + rows {
        index + 1 - rows
    } else {
        offset
    };
    offset.min(len.saturating_sub(rows))
}

/// The first row to show of a list of `len` rows in a window of `rows`, after a page key
/// moved its selection from row `from` to row `to`: the view turns as far as the selection
/// moved, so that the selection keeps its place on the screen, as a pager turns its page (a
/// page from the top shows a page of rows not seen), and stops at the list's ends.
#[must_use]
pub fn offset_paged(offset: usize, from: usize, to: usize, rows: usize, len: usize) -> usize {
    let turned = if to >= from {
        offset.saturating_add(to - from)
    } else {
        offset.saturating_sub(from - to)
    };
    offset_showing(turned.min(len.saturating_sub(rows.max(1))), to, rows, len)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_turns_the_view_as_far_as_the_selection_moved() {
        // 100 rows, 20 in view, the selection on the top row: a page shows rows 20–39.
        assert_eq!(offset_paged(0, 0, 20, 20, 100), 20);
        // From the middle of the view, the selection keeps its row.
        assert_eq!(offset_paged(10, 15, 35, 20, 100), 30);
        // Near the end, the view stops at the last page; back up, at the first.
        assert_eq!(offset_paged(75, 80, 99, 20, 100), 80);
        assert_eq!(offset_paged(5, 10, 0, 20, 100), 0);
        // A list that fits the window does not scroll.
        assert_eq!(offset_paged(0, 0, 9, 20, 10), 0);
    }

    #[test]
    fn wide_screens_show_both_panes_side_by_side() {
        let a = areas(120, 36, Focus::Outline);
        let (o, r) = (a.outline.unwrap(), a.reading.unwrap());
        assert_eq!(o.right(), r.x);
        assert_eq!(r.right(), 120);
    }

    #[test]
    fn narrow_screens_show_the_focused_pane_only() {
        let a = areas(80, 24, Focus::Reading);
        assert!(a.outline.is_none());
        assert_eq!(a.reading.unwrap().width, 80);
    }

    #[test]
    fn scrolling_shows_the_index_and_stops_at_the_end() {
        assert_eq!(offset_showing(0, 5, 10, 56), 0);
        assert_eq!(offset_showing(0, 12, 10, 56), 3);
        assert_eq!(offset_showing(20, 12, 10, 56), 12);
        assert_eq!(offset_showing(50, 55, 10, 56), 46);
        assert_eq!(offset_showing(7, 0, 0, 3), 0);
    }

    #[test]
    fn tiny_screens_are_too_small() {
        assert!(areas(39, 20, Focus::Outline).too_small);
        assert!(areas(80, 9, Focus::Outline).too_small);
        assert!(!areas(40, 10, Focus::Outline).too_small);
    }
}
