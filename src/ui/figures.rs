//! The figures overlay: every figure as a table aligned by display width.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::layout::inner;
use super::{centered, clear_overlay, pane, put_line, theme};
use crate::app::App;
use crate::app::figures_view::FigureSort;
use crate::figures::{UnitKind, display_value};
use crate::text::truncate::truncate;
use crate::text::width::str_width;

/// Draws the figures overlay over `screen`.
pub fn draw(app: &App, screen: Rect, buf: &mut Buffer) {
    let strings = app.lang.strings();
    let view = &app.figures;
    let area = centered(
        screen,
        screen.width.saturating_sub(4),
        screen.height.saturating_sub(2),
    );
    clear_overlay(area, buf);
    let sort = match view.sort {
        FigureSort::Order => "order",
        FigureSort::Value => "value",
        FigureSort::Unit => "unit",
    };
    let filter = match view.filter {
        None => "all",
        Some(UnitKind::Money) => "money",
        Some(UnitKind::Count) => "count",
        Some(UnitKind::Percent) => "percent",
    };
    let title = format!(
        "{} {}  s:{sort} u:{filter}",
        strings.figures_title,
        view.rows.len()
    );
    pane(&title, true, app.ambiguous).render(area, buf);
    let body = inner(area);
    if body.height < 2 {
        return;
    }
    let mode = app.ambiguous;
    let cells: Vec<[String; 4]> = view
        .rows
        .iter()
        .map(|&(node, i)| {
            let f = &app.tree.nodes[node].figures[i];
            [
                f.text.clone(),
                display_value(f),
                f.what.clone(),
                app.tree.breadcrumb(node, app.lang),
            ]
        })
        .collect();
    let c = strings.figure_columns;
    let header = [c[0], c[1], c[3], c[5]].map(str::to_string);
    let mut widths = [0usize; 4];
    for row in std::iter::once(&header).chain(&cells) {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(str_width(cell, mode));
        }
    }
    // The breadcrumb column takes what is left.
    let total = usize::from(body.width);
    widths[2] = widths[2].min(total / 3);
    let used: usize = widths[..3].iter().sum::<usize>() + 6;
    widths[3] = total.saturating_sub(used + 1);
    let visible = usize::from(body.height) - 1;
    let offset = view.selected.saturating_sub(visible.saturating_sub(1));
    let draw_row = |buf: &mut Buffer, y: u16, row: &[String; 4], style: Style| {
        let mut spans = Vec::new();
        for (i, (cell, w)) in row.iter().zip(widths).enumerate() {
            let cut = truncate(cell, w, mode);
            let pad = w.saturating_sub(str_width(&cut, mode));
            // Values read best right-aligned.
            if i == 1 {
                spans.push(Span::raw(" ".repeat(pad)));
                spans.push(Span::styled(cut.into_owned(), theme::FIGURE));
            } else {
                spans.push(Span::raw(cut.into_owned()));
                spans.push(Span::raw(" ".repeat(pad)));
            }
            spans.push(Span::raw("  "));
        }
        let area = Rect::new(body.x, y, body.width, 1);
        buf.set_style(area, style);
        put_line(buf, area, &Line::from(spans).style(style), mode);
    };
    draw_row(buf, body.y, &header, theme::HEADING);
    for (i, row) in cells.iter().enumerate().skip(offset).take(visible) {
        let y = body.y + 1 + u16::try_from(i - offset).unwrap_or(0);
        let style = if i == view.selected {
            theme::SELECTED_FOCUSED
        } else {
            Style::new()
        };
        draw_row(buf, y, row, style);
    }
}
