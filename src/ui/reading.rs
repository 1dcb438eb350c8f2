//! The reading pane: the letter's running text, wrapped as it is needed (see
//! [`crate::app::reading`]); only the lines in view are styled and drawn.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::{pane, put_line, theme};
use crate::app::{App, Focus};
use crate::layout::{READING_GUTTER, inner};
use crate::letter::tree::{BlockKind, Mark};

/// Draws the reading pane into `area` (border included).
pub fn draw(app: &App, area: Rect, buf: &mut Buffer) {
    let focused = app.focus() == Focus::Reading;
    let rows = usize::from(inner(area).height);
    let title = format!(
        "{} {}%",
        app.lang().strings().reading,
        app.reading().percent(app.reading_top(), rows)
    );
    pane(&title, focused, app.ambiguous()).render(area, buf);
    let pane = inner(area);
    if pane.width <= READING_GUTTER {
        return;
    }
    let selected_blocks = app.tree().nodes[app.selected()].subtree_blocks.clone();
    // The lines in view are wrapped by every update (see `ReadingLayout`): drawing only
    // reads them.
    for (row, (_, line)) in app
        .reading()
        .lines_from(app.reading_top())
        .take(rows)
        .enumerate()
    {
        let y = pane.y + u16::try_from(row).unwrap_or(u16::MAX);
        if selected_blocks.contains(&line.block) && !line.range.is_empty() {
            // The selected node's text is marked by a bar in the gutter (a coloured blank,
            // so that no ambiguous-width glyph is involved).
            buf.set_style(Rect::new(pane.x, y, 1, 1), theme::SELECTION_BAR);
        }
        let text_area = Rect::new(pane.x + READING_GUTTER, y, pane.width - READING_GUTTER, 1);
        put_line(
            buf,
            text_area,
            &styled_line(app, line.block, line.shown()),
            app.ambiguous(),
        );
    }
}

/// The spans of one wrapped line of block `block`, whose part to draw is the byte range `range`
/// (a reading line's [`shown`](crate::app::reading::ReadingLine::shown) part), styled by block
/// kind, marks (headings, figures, noted wording, corrections), search matches and the
/// spotlight, in rising precedence.
///
/// Only what overlaps the line is looked at: the matches by binary search, so that a line
/// costs the same whether the query matched ten places in its paragraph or a million.
#[must_use]
pub fn styled_line(app: &App, block: usize, range: Range<usize>) -> Line<'static> {
    let b = &app.tree().blocks[block];
    if range.is_empty() {
        return Line::default();
    }
    let base = match b.kind {
        BlockKind::Meta => theme::META,
        BlockKind::Title => theme::LETTER_TITLE,
        BlockKind::Heading => theme::HEADING,
        BlockKind::Paragraph => Style::new(),
        BlockKind::Editorial => theme::EDITORIAL,
    };
    let overlaps = |r: &Range<usize>| r.start < range.end && range.start < r.end;
    let mut layers: Vec<(Range<usize>, Style)> = Vec::new();
    // Marks are sorted by start: none from the first that starts after the line.
    let before_end = b.marks.partition_point(|(r, _)| r.start < range.end);
    for (r, mark) in b.marks.iter().take(before_end) {
        if !overlaps(r) {
            continue;
        }
        let style = match mark {
            Mark::Heading => theme::HEADING,
            Mark::Figure(_) => theme::FIGURE,
            Mark::Note(_) => theme::NOTED,
            Mark::Erratum(_) => theme::CORRECTED,
        };
        layers.push((r.clone(), style));
    }
    for (i, m) in app.search().in_range(block, range.clone()) {
        let style = if app.search().current == Some(i) {
            theme::CURRENT_MATCH
        } else {
            theme::MATCH
        };
        layers.push((m.bytes(), style));
    }
    if let Some((sb, r)) = &app.spotlight()
        && *sb == block
        && overlaps(r)
    {
        layers.push((r.clone(), theme::SPOTLIGHT));
    }
    // Cut the line at every layer boundary inside it; each piece takes the styles of the
    // layers covering it, later layers on top.
    let mut cuts = vec![range.start, range.end];
    for (r, _) in &layers {
        for at in [r.start, r.end] {
            if range.start < at && at < range.end {
                cuts.push(at);
            }
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    let spans = cuts
        .windows(2)
        .filter_map(|w| {
            let (a, z) = (w[0], w[1]);
            let piece = b.text.get(a..z)?;
            let style = layers
                .iter()
                .filter(|(r, _)| r.start <= a && z <= r.end)
                .fold(base, |s, (_, layer)| s.patch(*layer));
            Some(Span::styled(piece.to_string(), style))
        })
        .collect::<Vec<_>>();
    Line::from(spans)
}
