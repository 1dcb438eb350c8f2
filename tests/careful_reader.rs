//! What a careful first-time reader trips on, each held by a test: focus shown without colour,
//! markers visible on the selected row, readable notes in the light palette, the figures
//! table's columns, figure counts on collapsed rows and suggestions, overlays paging with the
//! panes' keys, every key that does nothing saying so, the empty search, the narrow layout's
//! way back from a leaf's text, a move that cannot be made saying so, and the focused pane
//! kept between runs.

mod util;

use dafu::action::Action::*;
use dafu::app::{App, Focus, Overlay};
use dafu::keymap::action_for;
use dafu::ui::theme::Palette;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::{Buffer, Cell};
use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyModifiers, MouseEvent, MouseEventKind,
};
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
        assert!(
            !outline.is_empty() && !reading.is_empty(),
            "{}",
            buffer_text(&buf)
        );
        let (focused, other) = match focus {
            Focus::Outline => (outline, reading),
            Focus::Reading => (reading, outline),
        };
        assert!(
            focused.iter().all(|c| reversed(c)),
            "{focus:?}: focused title"
        );
        assert!(
            other.iter().all(|c| !reversed(c)),
            "{focus:?}: the other title"
        );
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
        assert!(
            first.contains("提案提出的建"),
            "{w}×{h}: what is cut short\n{shown}"
        );
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
        .map(|m| {
            app.tree().blocks[m.block()]
                .text
                .get(m.bytes())
                .unwrap_or_default()
                .to_string()
        })
        .collect();
    assert!(found.iter().all(|text| text == "略"), "{found:?}");
    assert_eq!(found.len(), 7, "战略 seven times in the letter: {found:?}");
}

// ----- 5. overlays page with the panes' keys and the wheel -----

fn press(app: &mut App, code: KeyCode, modifiers: KeyModifiers) {
    let event = Event::Key(KeyEvent::new(code, modifiers));
    if let Some(action) = action_for(app, &event) {
        app.update(action);
    }
}

fn plain(app: &mut App, code: KeyCode) {
    press(app, code, KeyModifiers::NONE);
}

/// The help's bottom border: ` 27–53/53 …`, as `(first, last, of)`.
fn help_position(app: &App) -> (usize, usize, usize) {
    let screen = screen(app);
    let bottom = screen
        .lines()
        .find(|l| l.contains('/') && l.contains('–') && l.contains('╰'))
        .unwrap_or_else(|| panic!("no help position\n{screen}"));
    let part = bottom
        .split_whitespace()
        .find(|w| w.contains('–') && w.contains('/'))
        .expect("first–last/of");
    let (range, of) = part.split_once('/').expect("/");
    let (first, last) = range.split_once('–').expect("–");
    (
        first.parse().expect("first"),
        last.parse().expect("last"),
        of.parse().expect("of"),
    )
}

fn wheel(app: &mut App, down: bool) {
    let event = Event::Mouse(MouseEvent {
        kind: if down {
            MouseEventKind::ScrollDown
        } else {
            MouseEventKind::ScrollUp
        },
        column: 50,
        row: 10,
        modifiers: KeyModifiers::NONE,
    });
    if let Some(action) = action_for(app, &event) {
        app.update(action);
    }
}

#[test]
fn the_help_pages_like_the_text_and_stops_at_its_end() {
    let mut app = app(100, 30);
    app.update(OpenHelp);
    let (first, last, of) = help_position(&app);
    assert_eq!(first, 1);
    let page = last - first + 1;
    assert!(of > page, "the help is longer than the screen");
    plain(&mut app, KeyCode::Char(' '));
    assert_eq!(
        help_position(&app).0,
        page,
        "Space: a page on, one row kept"
    );
    plain(&mut app, KeyCode::Char('b'));
    assert_eq!(help_position(&app).0, 1, "b: back");
    plain(&mut app, KeyCode::PageDown);
    assert!(help_position(&app).0 > 1, "PgDn");
    plain(&mut app, KeyCode::Home);
    assert_eq!(help_position(&app).0, 1, "Home");
    press(&mut app, KeyCode::Char('f'), KeyModifiers::CONTROL);
    assert!(help_position(&app).0 > 1, "Ctrl-f");
    plain(&mut app, KeyCode::Char('g'));
    plain(&mut app, KeyCode::Char('d'));
    assert_eq!(help_position(&app).0, 1 + page / 2, "d: half a page");
    wheel(&mut app, true);
    assert_eq!(help_position(&app).0, 1 + page / 2 + 3, "the wheel");
    wheel(&mut app, false);
    assert_eq!(help_position(&app).0, 1 + page / 2, "the wheel back");
    for code in [KeyCode::Char('G'), KeyCode::End] {
        plain(&mut app, KeyCode::Char('g'));
        plain(&mut app, code);
        assert_eq!(
            help_position(&app),
            (of - page + 1, of, of),
            "{code:?}: the last page"
        );
    }
    for _ in 0..5 {
        plain(&mut app, KeyCode::Char(' '));
        plain(&mut app, KeyCode::Char('j'));
        wheel(&mut app, true);
    }
    assert_eq!(
        help_position(&app),
        (of - page + 1, of, of),
        "never past the end: no blank rows under the last key"
    );
}

#[test]
fn the_figures_view_pages_with_space_d_and_the_wheel() {
    let mut app = app(100, 30);
    app.update(OpenFigures);
    let selected = |app: &App| app.figures().expect("open").selected;
    plain(&mut app, KeyCode::Char(' '));
    let page = selected(&app);
    assert!(page > 1, "Space: a page down");
    plain(&mut app, KeyCode::Char('b'));
    assert_eq!(selected(&app), 0, "b: a page up");
    plain(&mut app, KeyCode::Char('d'));
    assert_eq!(selected(&app), page / 2, "d: half a page");
    wheel(&mut app, true);
    assert_eq!(selected(&app), page / 2 + 3, "the wheel");
    wheel(&mut app, false);
    assert_eq!(selected(&app), page / 2);
}

// ----- 6. every key that does nothing says so; F1; the figures view's ? and / -----

#[test]
fn a_named_key_that_does_nothing_is_named_and_replaces_the_last_message() {
    for (code, modifiers, name) in [
        (KeyCode::F(5), KeyModifiers::NONE, "F5"),
        (KeyCode::Insert, KeyModifiers::NONE, "Insert"),
        (KeyCode::Char('x'), KeyModifiers::CONTROL, "Ctrl-x"),
        (KeyCode::Char('g'), KeyModifiers::CONTROL, "Ctrl-g"),
        (KeyCode::Char('o'), KeyModifiers::CONTROL, "Ctrl-o"),
        (KeyCode::Delete, KeyModifiers::NONE, "Del"),
    ] {
        let mut app = app(100, 30);
        app.update(Copy);
        assert!(
            status(&app).contains("已发给终端剪贴板"),
            "{}",
            status(&app)
        );
        press(&mut app, code, modifiers);
        let row = status(&app);
        assert!(row.contains(name), "{name}: {row}");
        assert!(
            !row.contains("已发给终端剪贴板"),
            "{name}: the last message stays: {row}"
        );
    }
}

#[test]
fn f1_opens_the_help_and_closes_it() {
    let mut app = app(100, 30);
    plain(&mut app, KeyCode::F(1));
    assert_eq!(app.overlay(), Some(Overlay::Help));
    plain(&mut app, KeyCode::F(1));
    assert_eq!(app.overlay(), None);
}

#[test]
fn in_the_figures_view_help_and_search_open_and_other_keys_say_so() {
    let mut app = app(100, 30);
    app.update(OpenFigures);
    plain(&mut app, KeyCode::Char('z'));
    assert!(status(&app).contains('z'), "{}", status(&app));
    assert_eq!(app.overlay(), Some(Overlay::Figures));
    plain(&mut app, KeyCode::Char('?'));
    assert_eq!(
        app.overlay(),
        Some(Overlay::Help),
        "? as the status row offers"
    );
    plain(&mut app, KeyCode::Char('q'));
    app.update(OpenFigures);
    plain(&mut app, KeyCode::Char('/'));
    assert_eq!(app.overlay(), None);
    assert!(app.search().editing, "/ opens the search prompt");
}

fn status(app: &App) -> String {
    screen(app).lines().last().unwrap_or_default().to_string()
}

// ----- 7. an empty search repeats the last one -----

fn search(app: &mut App, query: &str) {
    app.update(OpenSearch);
    if !query.is_empty() {
        app.update(SearchInsert(query.into()));
    }
    app.update(SearchSubmit);
}

#[test]
fn slash_enter_repeats_the_last_search_as_less_does() {
    let mut app = app(100, 30);
    search(&mut app, "银行");
    let first = app.search().current.expect("a match");
    search(&mut app, "");
    assert_eq!(app.search().query, "银行", "the search is kept");
    assert_eq!(
        app.search().current,
        Some(first + 1),
        "and goes on to the next match"
    );
    assert!(!status(&app).contains("还没有搜索"), "{}", status(&app));
    // After Esc cleared it, the newest query of the history runs again.
    app.update(Escape);
    assert!(app.search().query.is_empty());
    search(&mut app, "");
    assert_eq!(app.search().query, "银行");
    assert!(app.search().current.is_some());
    // With no search ever, it says there is none.
    let mut fresh = util::app(100, 30);
    search(&mut fresh, "");
    assert!(!fresh.search().editing);
    assert!(status(&fresh).contains("还没有搜索"), "{}", status(&fresh));
}

// ----- 8. the way back from a leaf's text, and Enter on a leaf -----

/// The first leaf of the outline: 二、（一）, a measure without points.
fn to_a_leaf(app: &mut App) {
    app.update(JumpToSuggestion(2));
    app.update(Down);
    let id = app.selected();
    assert!(app.tree().nodes[id].children.is_empty(), "a leaf");
}

#[test]
fn in_the_narrow_layout_esc_backspace_h_and_left_go_back_from_a_leafs_text() {
    for back in [
        KeyCode::Esc,
        KeyCode::Backspace,
        KeyCode::Char('h'),
        KeyCode::Left,
    ] {
        let mut app = app(60, 20);
        to_a_leaf(&mut app);
        let leaf = app.selected();
        plain(&mut app, KeyCode::Enter);
        assert_eq!(app.focus(), Focus::Reading, "Enter shows the leaf's text");
        assert!(screen(&app).lines().nth(1).unwrap().contains("正文"));
        plain(&mut app, back);
        assert_eq!(app.focus(), Focus::Outline, "{back:?} goes back");
        assert!(
            screen(&app).lines().nth(1).unwrap().contains("目录"),
            "{back:?}"
        );
        assert_eq!(app.selected(), leaf, "{back:?}: on the same node");
    }
}

#[test]
fn in_the_wide_layout_enter_on_a_leaf_moves_to_its_text() {
    let mut app = app(100, 30);
    to_a_leaf(&mut app);
    plain(&mut app, KeyCode::Enter);
    assert_eq!(app.focus(), Focus::Reading);
    // Both panes stay; ← there still walks the outline, as before.
    plain(&mut app, KeyCode::Backspace);
    assert_eq!(app.focus(), Focus::Outline, "Backspace goes back");
}

#[test]
fn space_and_b_page_the_text_from_the_outline_as_in_less_and_enter_toggles() {
    let mut app = app(120, 36);
    assert_eq!(app.focus(), Focus::Outline);
    let top = util::top_line_number(&app);
    plain(&mut app, KeyCode::Char(' '));
    // The first Space on a fresh start reads on; the outline keeps the focus.
    assert_eq!(app.focus(), Focus::Outline);
    assert!(util::top_line_number(&app) > top, "{}", screen(&app));
    plain(&mut app, KeyCode::Char('b'));
    assert_eq!(util::top_line_number(&app), top, "{}", screen(&app));
    // Enter on a node with children opens and closes it.
    plain(&mut app, KeyCode::Char('1'));
    let one = app.selected();
    let open = app.expanded()[one];
    plain(&mut app, KeyCode::Enter);
    assert_ne!(app.expanded()[one], open);
}

// ----- 15. a move that cannot be made, and an Esc with nothing to do, say so -----

/// The status row's note that the outline is at its top level with nothing to close.
const TOP_LEVEL: &str = "已在最上一级，没有可折叠的";
/// The status row's note that Esc has nothing to close, clear or go back from.
const NOTHING_TO_ESCAPE: &str = "Esc：没有可关闭或清除的（q 退出）";

#[test]
fn h_left_and_backspace_on_a_top_level_leaf_say_there_is_no_level_above() {
    for key in [KeyCode::Char('h'), KeyCode::Left, KeyCode::Backspace] {
        // The first screen selects 开头, a leaf of the top level.
        let mut app = app(100, 30);
        let opening = app.selected();
        assert!(app.tree().nodes[opening].parent.is_none());
        assert!(app.tree().nodes[opening].children.is_empty());
        plain(&mut app, key);
        assert_eq!(app.selected(), opening, "{key:?}");
        assert_eq!(app.focus(), Focus::Outline, "{key:?}");
        assert!(
            status(&app).contains(TOP_LEVEL),
            "{key:?}: {}",
            status(&app)
        );
        // The next key takes the note away, as every note.
        plain(&mut app, KeyCode::Char('j'));
        assert!(!status(&app).contains(TOP_LEVEL), "{}", status(&app));
    }
}

#[test]
fn backspace_in_the_outline_closes_a_node_then_goes_to_its_parent_as_h_does() {
    let mut app = app(100, 30);
    app.update(JumpToSuggestion(3));
    let three = app.selected();
    assert!(app.expanded()[three], "the suggestions start open");
    plain(&mut app, KeyCode::Down);
    let measure = app.selected();
    plain(&mut app, KeyCode::Backspace);
    assert_eq!(app.selected(), three, "from a measure to its suggestion");
    plain(&mut app, KeyCode::Backspace);
    assert!(!app.expanded()[three], "then the suggestion is closed");
    assert!(!status(&app).contains(TOP_LEVEL), "{}", status(&app));
    // Closed, at the top level: nothing more to do, and it says so.
    plain(&mut app, KeyCode::Backspace);
    assert_eq!(app.selected(), three);
    assert!(status(&app).contains(TOP_LEVEL), "{}", status(&app));
    assert_ne!(measure, three);
}

#[test]
fn esc_with_nothing_to_close_clear_or_go_back_from_says_so_and_does_not_quit() {
    let mut app = app(100, 30);
    plain(&mut app, KeyCode::Esc);
    assert!(!app.should_quit());
    assert!(status(&app).contains(NOTHING_TO_ESCAPE), "{}", status(&app));
    // The text beside the outline has nothing to go back from either.
    plain(&mut app, KeyCode::Tab);
    plain(&mut app, KeyCode::Esc);
    assert_eq!(app.focus(), Focus::Reading);
    assert!(status(&app).contains(NOTHING_TO_ESCAPE), "{}", status(&app));
    // Where Esc has something to do, it does it without a word.
    util::search(&mut app, "银行");
    plain(&mut app, KeyCode::Esc);
    assert!(app.search().query.is_empty(), "Esc cleared the search");
    assert!(
        !status(&app).contains(NOTHING_TO_ESCAPE),
        "{}",
        status(&app)
    );
    plain(&mut app, KeyCode::Char('3'));
    plain(&mut app, KeyCode::Esc);
    assert!(
        !status(&app).contains(NOTHING_TO_ESCAPE),
        "a count is dropped"
    );
    let mut narrow = util::app(60, 20);
    plain(&mut narrow, KeyCode::Tab);
    plain(&mut narrow, KeyCode::Esc);
    assert_eq!(narrow.focus(), Focus::Outline, "the text alone goes back");
    assert!(!status(&narrow).contains(NOTHING_TO_ESCAPE));
}

#[test]
fn the_notes_of_a_move_refused_are_in_english_too() {
    let tree = dafu::letter::tree::LetterTree::new(dafu::letter::load::embedded());
    let mut app = App::new(
        tree.with_lang(dafu::strings::Lang::En),
        dafu::strings::Lang::En,
        dafu::text::width::AmbiguousWidth::Narrow,
        (100, 30),
    );
    plain(&mut app, KeyCode::Char('h'));
    assert!(
        status(&app).contains("top level: nothing to collapse"),
        "{}",
        status(&app)
    );
    plain(&mut app, KeyCode::Esc);
    assert!(
        status(&app).contains("Esc: nothing to close; q quits"),
        "{}",
        status(&app)
    );
}

#[test]
fn backspace_in_an_overlay_is_still_named_as_a_key_that_does_nothing_there() {
    let mut app = app(100, 30);
    app.update(OpenHelp);
    plain(&mut app, KeyCode::Backspace);
    assert_eq!(app.overlay(), Some(Overlay::Help));
    assert!(status(&app).contains("Backspace"), "{}", status(&app));
}
