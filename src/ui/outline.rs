//! The outline pane: opening, suggestions, measures, points, closing, as a tree.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::{pane, put_line, theme};
use crate::app::{App, Focus};
use crate::layout::inner;
use crate::letter::tree::NodeKind;
use crate::text::truncate::truncate;
use crate::text::width::str_width;

/// Unambiguous tree markers: `▶ ▼` are East Asian Ambiguous and would drift in a CJK
/// terminal; `▸ ▾` are narrow everywhere.
pub const COLLAPSED: &str = "▸ ";
/// See [`COLLAPSED`].
pub const EXPANDED: &str = "▾ ";

/// Draws the outline into `area` (border included).
pub fn draw(app: &App, area: Rect, buf: &mut Buffer) {
    let strings = app.lang().strings();
    let focused = app.focus() == Focus::Outline;
    let title = if app.search().filter {
        format!("{} / {}", strings.outline, strings.filtered)
    } else {
        strings.outline.to_string()
    };
    pane(&title, focused, app.ambiguous()).render(area, buf);
    let pane = inner(area);
    let visible = app.visible_nodes();
    for (row, &id) in visible
        .iter()
        .skip(app.outline_offset())
        .take(usize::from(pane.height))
        .enumerate()
    {
        let y = pane.y + u16::try_from(row).unwrap_or(u16::MAX);
        let row_area = Rect::new(pane.x, y, pane.width, 1);
        let node = &app.tree().nodes[id];
        let selected = id == app.selected();
        let row_style = match (selected, focused) {
            (true, true) => theme::SELECTED_FOCUSED,
            (true, false) => theme::SELECTED,
            _ => Style::new(),
        };
        buf.set_style(row_area, row_style);

        let indent = " ".repeat(2 * node.depth);
        let (marker, badge) = marker_and_badge(app, id);
        let width = usize::from(pane.width);
        // A badge begins with a space; a row without one keeps a column before the border,
        // so that a label cut short (`…`) does not run into it.
        let margin = usize::from(badge.is_empty());
        let fixed = indent.len() + 2 + str_width(&badge, app.ambiguous()) + margin;
        let label = app.tree().outline_label(id, app.lang());
        let text = truncate(&label, width.saturating_sub(fixed), app.ambiguous());
        let text_style = match node.kind {
            NodeKind::Suggestion => theme::HEADING,
            _ => Style::new(),
        };
        // A row whose text holds a match shows its label's own hits; a row whose match is
        // only in its body text is tinted, so the eye finds it either way.
        // Rows whose own text holds a match stand out; ancestors only lead the way to them.
        let text_style = if !selected && app.search().own_match(app.tree(), id) {
            text_style.patch(theme::MATCH_ROW)
        } else {
            text_style
        };
        let gap = width.saturating_sub(fixed + str_width(&text, app.ambiguous()));
        // On the selected row the marker takes the row's colours: cyan on the cyan
        // selection would hide whether the node is open.
        let marker_style = if selected {
            Style::new()
        } else {
            theme::MARKER
        };
        let mut spans = vec![Span::raw(indent), Span::styled(marker, marker_style)];
        spans.extend(highlighted(
            &text,
            &app.search().row_matches[id],
            text_style,
        ));
        spans.extend([
            Span::raw(" ".repeat(gap)),
            Span::styled(badge, if selected { Style::new() } else { theme::BADGE }),
        ]);
        let line = Line::from(spans).style(row_style);
        put_line(buf, row_area, &line, app.ambiguous());
    }
}

/// A row's marker (`▸ `, `▾ `, or blanks for a leaf) and its figure count (` #5`, or
/// nothing). A row counts the figures no row below it shows: its own when it is open, all
/// those under it when it is closed; a suggestion, a heading, always counts all under it.
fn marker_and_badge(app: &App, id: usize) -> (&'static str, String) {
    let node = &app.tree().nodes[id];
    let open = app.expanded()[id] || app.search().filter;
    let marker = if node.children.is_empty() {
        "  "
    } else if open {
        EXPANDED
    } else {
        COLLAPSED
    };
    let held = if (node.children.is_empty() || open) && node.kind != NodeKind::Suggestion {
        node.figures.len()
    } else {
        app.tree().figures_under(id)
    };
    let badge = match held {
        0 => String::new(),
        n => format!(" {}{n}", app.lang().strings().figure_badge),
    };
    (marker, badge)
}

/// `text` (a label, possibly cut short with `…`) as spans, with the byte ranges `hits` of
/// the full label set apart where they survive the cut.
fn highlighted(text: &str, hits: &[std::ops::Range<usize>], style: Style) -> Vec<Span<'static>> {
    let kept = text
        .strip_suffix(crate::text::ELLIPSIS)
        .unwrap_or(text)
        .len();
    let mut spans = Vec::new();
    let mut at = 0;
    for hit in hits {
        let (start, end) = (hit.start.min(kept), hit.end.min(kept));
        if start >= end || start < at {
            continue;
        }
        spans.push(Span::styled(
            text.get(at..start).unwrap_or_default().to_string(),
            style,
        ));
        spans.push(Span::styled(
            text.get(start..end).unwrap_or_default().to_string(),
            style.patch(theme::MATCH),
        ));
        at = end;
    }
    spans.push(Span::styled(
        text.get(at..).unwrap_or_default().to_string(),
        style,
    ));
    spans
}
