//! The figures overlay: every figure as a table aligned by display width, or the money
//! figures as a chart ([`chart`]). `c` switches between them.
//!
//! Both share the overlay's frame: a title saying what is shown (sort, filter, scale), the
//! key hints in the bottom border, and the detail of the selected figure (`figures::detail`,
//! broken over the rows it needs, then a row of what it counts and where), which gives
//! what the columns had to cut: the value in 元, what it counts in full, where it stands.

pub mod chart;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::{pane, put_line, theme};
use crate::app::App;
use crate::app::figures_view::{FigureSort, FiguresMode};
use crate::figures::detail::{Tone, detail};
use crate::figures::{FigureRef, UnitKind, table_cells};
use crate::layout::{
    FIGURES_TABLE_HEAD_ROWS as TABLE_HEAD_ROWS, figures_overlay as overlay_area,
    figures_text_width, inner, offset_showing,
};
use crate::text::truncate::{truncate, truncate_crumb};
use crate::text::width::{AmbiguousWidth, str_width};
use crate::text::wrap::{visible, wrap};

/// Columns before a row: the selection mark and a space.
const LEAD: usize = 2;
/// Marks the selected row or bar, so that the selection shows without colour. `▸` is not
/// ambiguous in width.
pub const SELECTED_MARK: &str = "▸";

/// What the figures view's border holds, `width` columns wide: the title's parts that fit
/// whole, from the first, and the keys' `hints`, or else the last of them (Esc, which closes
/// the view). A part cut short says nothing (`筛选：全`).
fn border_words<'h>(
    title: &[String],
    hints: &'h str,
    width: usize,
    mode: AmbiguousWidth,
) -> (String, &'h str) {
    let room = width.saturating_sub(4);
    let mut shown = String::new();
    for part in title {
        let next = if shown.is_empty() {
            part.clone()
        } else {
            format!("{shown}  {part}")
        };
        if str_width(&next, mode) > room && !shown.is_empty() {
            break;
        }
        shown = next;
    }
    let hints = if str_width(hints, mode) <= room {
        hints
    } else {
        (hints.rsplit_once("  ").or_else(|| hints.rsplit_once(' '))).map_or(hints, |(_, last)| last)
    };
    (shown, hints)
}

/// Draws the figures overlay over `screen`.
pub fn draw(app: &App, screen: Rect, buf: &mut Buffer) {
    let strings = app.lang().strings();
    let Some(view) = app.figures() else {
        return;
    };
    let area = overlay_area(screen);
    if area.width < 3 || area.height < 3 {
        return;
    }
    let (title, hints) = match view.mode {
        FiguresMode::Table => {
            let sort = strings.figures_sorts[match view.sort {
                FigureSort::Order => 0,
                FigureSort::Value => 1,
                FigureSort::Unit => 2,
            }];
            let filter = strings.figures_filters[match view.filter {
                None => 0,
                Some(UnitKind::Money) => 1,
                Some(UnitKind::Count) => 2,
                Some(UnitKind::Measure) => 3,
                Some(UnitKind::Percent) => 4,
            }];
            let title = [
                format!("{} {}", strings.figures_title, view.rows.len()),
                format!("{}{sort}", strings.figures_sort_label),
                format!("{}{filter}", strings.figures_filter_label),
            ];
            (title, strings.figures_table_hints)
        }
        FiguresMode::Chart => {
            let title = [
                strings.figures_title,
                strings.chart_title,
                strings.log_scale,
            ]
            .map(str::to_string);
            (title, strings.figures_chart_hints)
        }
    };
    let mode = app.ambiguous();
    let (shown, hints) = border_words(&title, hints, usize::from(area.width), mode);
    pane(&shown, true, mode)
        .title_bottom(Line::from(format!(" {hints} ")).style(theme::DIM))
        .render(area, buf);
    let body = inner(area);
    // The rows run to the border (a selected one's colour too), their text short of it.
    let width = figures_text_width(screen.width, screen.height);
    let list = view.list_rows(screen.width, screen.height);
    let head = match view.mode {
        FiguresMode::Table => draw_table(app, (body, width), list, buf),
        FiguresMode::Chart => chart::draw(app, (body, width), list, buf),
    };
    if let Some(figure) = view.current() {
        let y = body.y + head + u16::try_from(list).unwrap_or(0);
        let said = usize::from(view.detail_rows().saturating_sub(1));
        let lines = detail_lines(app, figure, width, said);
        for (i, line) in lines.iter().enumerate() {
            let row = y + u16::try_from(i).unwrap_or(0);
            if row < body.bottom() {
                put_line(
                    buf,
                    Rect::new(body.x, row, body.width, 1),
                    line,
                    app.ambiguous(),
                );
            }
        }
    }
}

/// One row of the table as a line, its cells cut or padded to `widths` with `gap` between;
/// `plain` leaves the cells unstyled (the header, the selected row).
fn row_line(
    row: &[String; 7],
    (widths, gap): ([usize; 7], usize),
    style: Style,
    plain: bool,
    mode: AmbiguousWidth,
) -> Line<'static> {
    // The selected row is marked in text too, not by colour alone.
    let lead = if style == theme::SELECTED_FOCUSED {
        SELECTED_MARK
    } else {
        " "
    };
    let mut spans = vec![Span::raw(format!("{lead} "))];
    for (i, (cell, w)) in row.iter().zip(widths).enumerate() {
        if w == 0 {
            continue;
        }
        let cut = truncate(cell, w, mode).into_owned();
        let pad = " ".repeat(w.saturating_sub(str_width(&cut, mode)));
        // Values stand right-aligned, so that their decimal points stay in one column.
        if i == 1 {
            spans.push(Span::raw(pad));
            let style = if plain { Style::new() } else { theme::FIGURE };
            spans.push(Span::styled(cut, style));
        } else {
            let style = if i >= 5 && !plain {
                theme::DIM
            } else {
                Style::new()
            };
            spans.push(Span::styled(cut, style));
            spans.push(Span::raw(pad));
        }
        spans.push(Span::raw(" ".repeat(gap)));
    }
    Line::from(spans).style(style)
}

/// Draws the table into `body`, its text `width` columns wide, with `list` rows of figures;
/// returns the rows above them.
fn draw_table(app: &App, (body, width): (Rect, usize), list: usize, buf: &mut Buffer) -> u16 {
    let strings = app.lang().strings();
    let Some(view) = app.figures() else {
        return 0;
    };
    let mode = app.ambiguous();
    let cells = table_cells(app.tree(), &view.rows, app.lang(), |node| place(app, node));
    let header = strings.figure_columns.map(str::to_string);
    // Widths over every row, not only those in view, so columns stay put while scrolling.
    let mut natural = [0usize; 7];
    for row in std::iter::once(&header).chain(&cells) {
        for (w, cell) in natural.iter_mut().zip(row) {
            *w = (*w).max(str_width(cell, mode));
        }
    }
    let columns = column_widths(natural, width.saturating_sub(LEAD));
    let draw_row = |buf: &mut Buffer, y: u16, row: &[String; 7], style: Style, plain: bool| {
        let area = Rect::new(body.x, y, body.width, 1);
        buf.set_style(area, style);
        put_line(buf, area, &row_line(row, columns, style, plain, mode), mode);
    };
    if body.height == 0 {
        return TABLE_HEAD_ROWS;
    }
    draw_row(buf, body.y, &header, theme::HEADING, true);
    if cells.is_empty() && body.height > TABLE_HEAD_ROWS {
        let area = Rect::new(body.x, body.y + TABLE_HEAD_ROWS, body.width, 1);
        let line = Line::styled(format!("{:LEAD$}{}", "", strings.figures_none), theme::DIM);
        put_line(buf, area, &line, mode);
    }
    let offset = offset_showing(view.offset, view.selected, list, cells.len());
    for (i, row) in cells.iter().enumerate().skip(offset).take(list) {
        let y = body.y + TABLE_HEAD_ROWS + u16::try_from(i - offset).unwrap_or(0);
        if i == view.selected {
            draw_row(buf, y, row, theme::SELECTED_FOCUSED, true);
        } else {
            draw_row(buf, y, row, Style::new(), false);
        }
    }
    TABLE_HEAD_ROWS
}

/// Where a figure stands, in the letter's own numbering: `五、（一）二是`, or the section's
/// name for the opening and closing. Short enough for a column; the detail line gives the
/// breadcrumb in full.
fn place(app: &App, node: usize) -> String {
    app.tree()
        .path(node)
        .into_iter()
        .map(|n| match app.tree().nodes[n].label.as_str() {
            "" => app.tree().name(n, app.lang()),
            label => label.to_string(),
        })
        .collect()
}

/// The table's long columns, by their place in a row.
const TEXT: usize = 0;
const WHAT: usize = 3;
const PLACE: usize = 6;
/// The columns whose cells run long and may be cut (the detail lines give them in full).
const LONG: [usize; 3] = [TEXT, WHAT, PLACE];
/// Short columns that give way, in this order, when the long ones would get too little:
/// the hedge (written in the figure's text too), then the period (in the detail line).
const GIVE_WAY: [usize; 2] = [4, 5];
/// The fewest columns a long column should get before a short one gives way: the letter's
/// wording of most figures, or seven characters of what one counts.
const LONG_MIN: usize = 14;

/// Widths of the table's columns (text, value, unit, what, hedge, period, where) in `total`
/// columns, and the gap between columns: two, or one below 100 columns. The short columns
/// keep their natural widths (a value or a unit is never cut); the long ones share what is
/// left evenly, none more than its widest cell, so that no column keeps blank cells while
/// another is cut to `…`. Room to spare pads the last column.
fn column_widths(natural: [usize; 7], total: usize) -> ([usize; 7], usize) {
    let gap = if total >= 100 { 2 } else { 1 };
    let mut widths = [0usize; 7];
    let mut room = 0;
    for dropped in 0..=GIVE_WAY.len() {
        let shown: Vec<usize> = (0..7)
            .filter(|i| !GIVE_WAY[..dropped].contains(i))
            .collect();
        widths = std::array::from_fn(|i| {
            if shown.contains(&i) && !LONG.contains(&i) {
                natural[i]
            } else {
                0
            }
        });
        let short: usize = widths.iter().sum();
        room = total.saturating_sub(short + (shown.len() - 1) * gap);
        if room >= LONG_MIN * LONG.len() {
            break;
        }
    }
    // The narrowest first: each takes what it needs, at most an even share of what is left.
    let mut by_need = LONG;
    by_need.sort_by_key(|&i| natural[i]);
    for (k, &i) in by_need.iter().enumerate() {
        widths[i] = natural[i].min(room / (LONG.len() - k));
        room -= widths[i];
    }
    widths[PLACE] += room;
    (widths, gap)
}

/// The detail rows for `figure`, `width` columns wide: what it says ([`detail`]), broken over
/// `said_rows` rows (the last cut with `…` where it needs more), then what it counts and
/// where it stands, cut with a mark where the row ends, so that a cut breadcrumb shows it is
/// cut.
fn detail_lines(
    app: &App,
    figure: FigureRef,
    width: usize,
    said_rows: usize,
) -> Vec<Line<'static>> {
    let totals = app.figures().map_or(&[][..], |view| &view.chart.totals[..]);
    let detail = detail(app.tree(), app.lang(), totals, figure);
    let mode = app.ambiguous();
    let text = detail.said_text();
    // Each part's bytes in `text`, with its tone.
    let mut parts = Vec::with_capacity(detail.said.len());
    let mut at = 0;
    for (tone, part) in &detail.said {
        parts.push((at..at + part.len(), *tone));
        at += part.len();
    }
    let rows = wrap(&text, width, mode);
    let mut lines = Vec::with_capacity(said_rows + 1);
    for (i, row) in rows.iter().enumerate().take(said_rows) {
        let rest = text.get(row.start..).unwrap_or_default();
        let more = i + 1 == said_rows && rows.len() > said_rows;
        let cut = more.then(|| truncate(rest, width, mode));
        let (shown, mark) = match cut.filter(|cut| cut.len() < rest.len()) {
            Some(cut) => {
                let kept = cut.strip_suffix('…').unwrap_or(&cut).len();
                (row.start..row.start + kept, "…")
            }
            None => (visible(&text, row.clone()), ""),
        };
        let mut spans = styled_parts(&text, &shown, &parts);
        if !mark.is_empty() {
            spans.push(Span::styled(mark, theme::DIM));
        }
        lines.push(Line::from(spans));
    }
    // What it counts stays on the same row from figure to figure.
    lines.resize(said_rows, Line::default());
    // What it counts is cut at the width as the rest is (the table's column has it too),
    // rather than left to the row's edge, which is past the margin.
    let what = truncate(&detail.what, width, mode).into_owned();
    let what_w = str_width(&what, mode);
    let room = width.saturating_sub(what_w + 2);
    lines.push(Line::from(vec![
        Span::raw(what),
        Span::styled(
            format!("  {}", truncate_crumb(&detail.crumb, room, mode)),
            theme::DIM,
        ),
    ]));
    lines
}

/// The bytes `shown` of `text` as spans, each part (its bytes in `text`, its tone) drawn in
/// its tone.
fn styled_parts(
    text: &str,
    shown: &std::ops::Range<usize>,
    parts: &[(std::ops::Range<usize>, Tone)],
) -> Vec<Span<'static>> {
    parts
        .iter()
        .filter_map(|(bytes, tone)| {
            let from = bytes.start.max(shown.start);
            let to = bytes.end.min(shown.end);
            let piece = text.get(from..to).filter(|p| !p.is_empty())?;
            let style = match tone {
                Tone::Figure => theme::FIGURE,
                Tone::Plain => Style::new(),
                Tone::Dim => theme::DIM,
            };
            Some(Span::styled(piece.to_string(), style))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_columns_share_the_width_evenly_and_short_ones_keep_theirs() {
        // A 24-column text does not keep 24 columns from what a figure counts.
        let natural = [24, 11, 4, 53, 4, 11, 14];
        let (w, gap) = column_widths(natural, 76);
        assert_eq!(gap, 1, "narrow screens get narrow gaps");
        assert_eq!(w[1..3], [11, 4], "values and units are never cut");
        assert_eq!(w[4], 0, "the hedge gave way to the long columns");
        assert_eq!(w[5], 11);
        let room = 76 - 5 - 11 - 4 - 11;
        assert_eq!(w[6], 14, "the place fits whole");
        assert_eq!((w[0], w[3]), ((room - 14) / 2, room - 14 - (room - 14) / 2));
        // Narrower: the period gives way too.
        let (w, _) = column_widths(natural, 56);
        assert_eq!((w[4], w[5]), (0, 0));
        assert!(w[0] >= 12 && w[3] >= 12 && w[6] >= 12, "{w:?}");
        // Room to spare: every column whole, the last one padded.
        let (w, gap) = column_widths(natural, 160);
        assert_eq!(gap, 2);
        assert_eq!(w[..6], natural[..6]);
        assert_eq!(w.iter().sum::<usize>() + 6 * gap, 160);
    }
}
