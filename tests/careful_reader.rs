//! What a careful first-time reader trips on, each held by a test: focus shown without colour,
//! markers visible on the selected row, readable notes in the light palette, the figures
//! table's columns, figure counts on collapsed rows and suggestions, overlays paging with the
//! panes' keys, every key that does nothing saying so, the empty search, the narrow layout's
//! way back from a leaf's text, and the focused pane kept between runs.

mod util;

use dafu::action::Action::*;
use dafu::app::{App, Focus};
use dafu::ui::theme::Palette;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::{Buffer, Cell};
use ratatui::style::{Color, Modifier};
use util::{app, buffer_text, screen};

fn draw_in(app: &App, palette: Palette) -> Buffer {
    let (w, h) = app.size();
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test backend");
    terminal
        .draw(|frame| dafu::ui::draw_in(app, palette, frame))
        .expect("draw");
    terminal.backend().buffer().clone()
}

/// The cells of row `y` that start a glyph, with their columns.
fn glyphs(buf: &Buffer, y: u16) -> Vec<(u16, &Cell)> {
    let mut out = Vec::new();
    let mut x = 0;
    while x < buf.area.width {
        let cell = &buf[(x, y)];
        out.push((x, cell));
        let w = unicode_width::UnicodeWidthStr::width(cell.symbol()).max(1);
        x += u16::try_from(w).unwrap_or(1);
    }
    out
}

/// The cells on row `y` that spell `word`, from its first occurrence.
fn cells_of<'a>(buf: &'a Buffer, y: u16, word: &str) -> Vec<&'a Cell> {
    let row = glyphs(buf, y);
    let wanted: Vec<String> = word.chars().map(String::from).collect();
    (0..row.len().saturating_sub(wanted.len() - 1))
        .find(|&s| {
            row[s..s + wanted.len()]
                .iter()
                .zip(&wanted)
                .all(|((_, c), w)| c.symbol() == w)
        })
        .map(|s| row[s..s + wanted.len()].iter().map(|(_, c)| *c).collect())
        .unwrap_or_default()
}

fn reversed(cell: &Cell) -> bool {
    cell.modifier.contains(Modifier::REVERSED)
}

// ----- 3. focus without colour -----

#[test]
fn without_colour_the_focused_pane_has_the_reversed_title() {
    let mut app = app(120, 36);
    for focus in [Focus::Outline, Focus::Reading] {
        assert_eq!(app.focus(), focus);
        let buf = draw_in(&app, Palette::Mono);
        let outline = cells_of(&buf, 1, "目录");
        let reading = cells_of(&buf, 1, "正文");
        assert!(!outline.is_empty() && !reading.is_empty(), "{}", buffer_text(&buf));
        let (focused, other) = match focus {
            Focus::Outline => (outline, reading),
            Focus::Reading => (reading, outline),
        };
        assert!(focused.iter().all(|c| reversed(c)), "{focus:?}: focused title");
        assert!(other.iter().all(|c| !reversed(c)), "{focus:?}: the other title");
        // The focused border is bold, the other's not: the weight differs too.
        let corners: Vec<&Cell> = glyphs(&buf, 1)
            .into_iter()
            .filter(|(_, c)| c.symbol() == "╭")
            .map(|(_, c)| c)
            .collect();
        assert_eq!(corners.len(), 2);
        let bold = |c: &Cell| c.modifier.contains(Modifier::BOLD);
        let (outline_bold, reading_bold) = (bold(corners[0]), bold(corners[1]));
        assert_eq!(
            (outline_bold, reading_bold),
            (focus == Focus::Outline, focus == Focus::Reading)
        );
        app.update(SwitchFocus);
    }
}

// ----- 4. markers on the selected row -----

/// The marker cell (▸ or ▾) of the selected outline row.
fn selected_marker(buf: &Buffer) -> Cell {
    (2..buf.area.height - 1)
        .find_map(|y| {
            glyphs(buf, y)
                .into_iter()
                .take_while(|(x, _)| *x < 40)
                .find(|(_, c)| {
                    (c.symbol() == "▸" || c.symbol() == "▾")
                        && (c.bg != Color::Reset || reversed(c))
                })
                .map(|(_, c)| c.clone())
        })
        .expect("the selected row has a marker")
}

#[test]
fn the_selected_rows_marker_stands_out_from_its_background_in_every_palette() {
    let mut app = app(120, 36);
    app.update(JumpToSuggestion(3));
    app.update(Down);
    for focus in [Focus::Outline, Focus::Reading] {
        assert_eq!(app.focus(), focus);
        for palette in [Palette::Dark, Palette::Light, Palette::Mono] {
            let marker = selected_marker(&draw_in(&app, palette));
            // The terminal's own colours, reversed, are two colours; any other pair must
            // differ.
            let own_reversed = marker.fg == Color::Reset && reversed(&marker);
            assert!(
                marker.fg != marker.bg || own_reversed,
                "{palette:?} {focus:?}: the marker {} is {:?} on {:?}",
                marker.symbol(),
                marker.fg,
                marker.bg
            );
        }
        app.update(SwitchFocus);
    }
}

// ----- 14. readable notes in the light palette -----

/// A colour as xterm draws it by default, for its relative luminance (WCAG 2).
fn luminance(color: Color) -> f64 {
    let (r, g, b) = match color {
        Color::Black => (0, 0, 0),
        Color::Red => (205, 0, 0),
        Color::Green => (0, 205, 0),
        Color::Yellow => (205, 205, 0),
        Color::Blue => (0, 0, 238),
        Color::Magenta => (205, 0, 205),
        Color::Cyan => (0, 205, 205),
        Color::Gray => (229, 229, 229),
        Color::DarkGray => (127, 127, 127),
        Color::LightYellow => (255, 255, 0),
        Color::White => (255, 255, 255),
        other => panic!("no xterm value for {other:?}"),
    };
    let channel = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.039_28 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
}

fn contrast(a: Color, b: Color) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

#[test]
fn a_count_in_the_light_palette_reads_well() {
    let mut app = app(100, 30);
    app.update(SwitchFocus);
    app.update(Count(1));
    let buf = draw_in(&app, Palette::Light);
    let status = buf.area.height - 1;
    let count = cells_of(&buf, status, "次数：1");
    assert!(!count.is_empty(), "{}", buffer_text(&buf));
    for cell in count {
        let ratio = contrast(cell.fg, cell.bg);
        assert!(
            ratio >= 4.5,
            "{} is {:?} on {:?}: contrast {ratio:.1}, below WCAG's 4.5",
            cell.symbol(),
            cell.fg,
            cell.bg
        );
    }
}

// ----- 9. the figures table's columns -----

/// The figures table's rows at the screen's size: the heading row and the first rows.
fn table(width: u16, height: u16) -> Vec<String> {
    let mut app = app(width, height);
    app.update(OpenFigures);
    screen(&app).lines().map(str::to_string).collect()
}

#[test]
fn the_figures_table_gives_what_a_figure_counts_and_where_room_to_read() {
    for (w, h) in [(60, 20), (80, 24)] {
        let rows = table(w, h);
        let shown = rows.join("\n");
        let heading = &rows[2];
        for column in ["原文", "数值", "单位", "内容", "位置"] {
            assert!(heading.contains(column), "{w}×{h}: no {column}\n{shown}");
        }
        // The first figure, 5条 in the opening: what it counts (提案提出的建议) and where
        // it stands (开头) are read, not guessed from `…`.
        let first = &rows[3];
        assert!(first.contains("5条"), "{first}");
        assert!(first.contains("提案提出的建"), "{w}×{h}: what is cut short\n{shown}");
        assert!(first.contains("开头"), "{w}×{h}: where is cut\n{shown}");
        // Every row's place shows whole up to its measure (`二、（一）`), not as `…`.
        let places = rows[3..].iter().filter(|r| r.contains("、（")).count();
        assert!(places >= 8, "{w}×{h}: places cut\n{shown}");
    }
}

// ----- 10. figure counts on collapsed rows and suggestions -----

/// The outline row that holds `label`.
fn outline_row<'a>(screen: &'a str, label: &str) -> &'a str {
    screen
        .lines()
        .find(|l| l.contains(label))
        .unwrap_or_else(|| panic!("no row with {label}\n{screen}"))
}

/// The figure count at the end of an outline row (`#5`), if any.
fn badge(row: &str) -> Option<usize> {
    let outline = row.split("││").next().unwrap_or(row);
    let outline = outline.trim_end_matches(['│', ' ']);
    let (_, n) = outline.rsplit_once('#')?;
    n.parse().ok()
}

#[test]
fn a_collapsed_row_counts_the_figures_under_it_and_a_suggestion_all_of_its_own() {
    let mut app = app(120, 36);
    let first = screen(&app);
    // （一）提升企业技术支撑能力 opens collapsed; its points show #5 and #4 when opened.
    let collapsed = badge(outline_row(&first, "▸ （一）提升企业技术支撑能力"));
    app.update(JumpToSuggestion(3));
    app.update(Down);
    app.update(Expand);
    let opened = screen(&app);
    let own = badge(outline_row(&opened, "▾ （一）提升企业技术支撑能力"));
    let points: usize = opened
        .lines()
        .skip_while(|l| !l.contains("▾ （一）提升企业技术支撑能力"))
        .skip(1)
        .take_while(|l| l.contains("是"))
        .filter_map(badge)
        .sum();
    assert!(points > 0, "{opened}");
    assert_eq!(collapsed, Some(points + own.unwrap_or(0)), "{first}");
    // A suggestion states no figure of its own here, and counts its measures'.
    let suggestion = badge(outline_row(&first, "三、关于打造新一代人工智能科技"));
    assert!(suggestion.is_some_and(|n| n >= points), "{first}");
}

// ----- 12. a pinyin syllable ends where it ends -----

#[test]
fn lue_finds_the_seven_lue_and_not_the_lv_of_efficiency() {
    let mut app = app(100, 30);
    app.update(OpenSearch);
    app.update(SearchInsert("lue".into()));
    app.update(SearchSubmit);
    let matches = &app.search().matches;
    let found: Vec<String> = matches
        .iter()
        .map(|m| app.tree().blocks[m.block()].text[m.bytes()].to_string())
        .collect();
    assert!(found.iter().all(|text| text == "略"), "{found:?}");
    assert_eq!(found.len(), 7, "战略 seven times in the letter: {found:?}");
}
