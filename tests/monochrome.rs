//! Without colour (`NO_COLOR`, `--color never`) every mark the reader makes still shows:
//! the selected row, every search match, the status row — by reverse video and modifiers.

mod util;

use dafu::action::Action::*;
use dafu::app::App;
use dafu::ui::theme::Palette;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};
use util::app;

fn draw_mono(app: &App) -> Buffer {
    let (w, h) = app.size();
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal
        .draw(|frame| dafu::ui::draw_in(app, Palette::Mono, frame))
        .unwrap();
    terminal.backend().buffer().clone()
}

/// The cells of row `y` from column `from` that start a glyph (a wide glyph's second cell
/// is skipped), with their columns.
fn glyphs(buf: &Buffer, y: u16, from: u16) -> Vec<(u16, &ratatui::buffer::Cell)> {
    let mut out = Vec::new();
    let mut x = from;
    while x < buf.area.width {
        let cell = &buf[(x, y)];
        out.push((x, cell));
        let w = unicode_width::UnicodeWidthStr::width(cell.symbol()).max(1);
        x += u16::try_from(w).unwrap_or(1);
    }
    out
}

fn row_text(buf: &Buffer, y: u16) -> String {
    glyphs(buf, y, 0).iter().map(|(_, c)| c.symbol()).collect()
}

#[test]
fn no_cell_has_a_colour() {
    let mut app = app(120, 36);
    app.update(OpenSearch);
    app.update(SearchInsert("银行".into()));
    app.update(SearchSubmit);
    for buf in [draw_mono(&app), {
        app.update(OpenFigures);
        draw_mono(&app)
    }] {
        for cell in &buf.content {
            assert!(
                matches!(cell.fg, Color::Reset) && matches!(cell.bg, Color::Reset),
                "a coloured cell {:?} {:?} at {:?}",
                cell.fg,
                cell.bg,
                cell.symbol()
            );
        }
    }
}

#[test]
fn the_selected_outline_row_is_reversed() {
    let mut app = app(120, 36);
    app.update(JumpToSuggestion(2));
    let buf = draw_mono(&app);
    // The outline is the left 43 columns at 120×36.
    let y = (0..buf.area.height)
        .find(|&y| {
            glyphs(&buf, y, 0)
                .iter()
                .take_while(|(x, _)| *x < 43)
                .map(|(_, c)| c.symbol())
                .collect::<String>()
                .contains("二、关于")
        })
        .expect("suggestion 2's row");
    // Each glyph of the row (a wide glyph's second cell takes the first's look).
    let plain: Vec<(u16, String)> = glyphs(&buf, y, 1)
        .into_iter()
        .take_while(|(x, _)| *x < 30)
        .filter(|(_, c)| !c.modifier.contains(Modifier::REVERSED))
        .map(|(x, c)| (x, c.symbol().to_string()))
        .collect();
    assert!(plain.is_empty(), "row {y}: {} {plain:?}", row_text(&buf, y));
    // And only that row of the outline.
    let reversed_rows = (2..34)
        .filter(|&y| buf[(5, y)].modifier.contains(Modifier::REVERSED))
        .count();
    assert_eq!(reversed_rows, 1);
}

#[test]
fn every_visible_match_is_marked_without_colour() {
    let mut app = app(120, 36);
    app.update(OpenSearch);
    app.update(SearchInsert("人工智能".into()));
    app.update(SearchSubmit);
    let buf = draw_mono(&app);
    let reading_left = 46;
    // dafu's own notes are not searched: a 人工智能 quoted in an erratum is no match.
    let pane = dafu::layout::inner(app.areas().reading.expect("the text is shown"));
    let notes: Vec<u16> = (app.reading().lines_from(app.reading_top()))
        .take(usize::from(pane.height))
        .enumerate()
        .filter(|(_, (_, line))| {
            app.tree().blocks[line.block].kind == dafu::letter::tree::BlockKind::Editorial
        })
        .map(|(row, _)| pane.y + u16::try_from(row).expect("a row"))
        .collect();
    assert!(!notes.is_empty(), "an erratum quoting 人工智能 is in view");
    let mut marked = 0;
    for y in (1..buf.area.height - 1).filter(|y| !notes.contains(y)) {
        let row = glyphs(&buf, y, reading_left);
        let text: Vec<&str> = row.iter().map(|(_, c)| c.symbol()).collect();
        for start in 0..text.len().saturating_sub(3) {
            if text[start..start + 4].concat() == "人工智能" {
                for (_, cell) in &row[start..start + 4] {
                    assert!(
                        cell.modifier.contains(Modifier::UNDERLINED)
                            && cell.modifier.contains(Modifier::REVERSED),
                        "an unmarked match on row {y}: {}",
                        text.concat()
                    );
                }
                marked += 1;
            }
        }
    }
    assert!(marked >= 3, "matches on screen: {marked}");
}
