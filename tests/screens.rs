//! Whole screens on a `TestBackend`, snapshot-tested with insta (as gitui does): what a
//! person sees at common sizes, and that Chinese text never pushes a border out of line.

mod util;

use dafu::action::Action::*;
use dafu::app::App;
use dafu::letter::tree::LetterTree;
use dafu::strings::Lang;
use dafu::text::width::AmbiguousWidth;
use ratatui::buffer::Buffer;
use util::{app, app_with, buffer_text, draw};

fn snapshot(app: &App) -> String {
    buffer_text(draw(app).backend().buffer())
}

/// Columns (in cells) where a vertical border symbol stands on row `y`.
fn border_columns(buffer: &Buffer, y: u16, symbols: &[&str]) -> Vec<u16> {
    (0..buffer.area.width)
        .filter(|&x| symbols.contains(&buffer[(x, y)].symbol()))
        .collect()
}

/// Every body row has its vertical borders at the same columns as the first body row.
fn assert_borders_in_line(app: &App, symbols: &[&str]) {
    let terminal = draw(app);
    let buffer = terminal.backend().buffer();
    let (_, h) = app.size();
    let expected = border_columns(buffer, 2, symbols);
    assert!(
        !expected.is_empty(),
        "no border found:\n{}",
        buffer_text(buffer)
    );
    for y in 2..h - 2 {
        assert_eq!(
            border_columns(buffer, y, symbols),
            expected,
            "row {y} out of line:\n{}",
            buffer_text(buffer)
        );
    }
}

#[test]
fn opening_screen_120x36() {
    insta::assert_snapshot!(snapshot(&app(120, 36)));
}

#[test]
fn opening_screen_80x24() {
    insta::assert_snapshot!(snapshot(&app(80, 24)));
}

#[test]
fn reading_pane_60x20() {
    let mut app = app(60, 20);
    app.update(JumpToSuggestion(3));
    app.update(SwitchFocus);
    insta::assert_snapshot!(snapshot(&app));
}

/// The user's report, as they saw it: the current match near the letter's end, the screen
/// narrowed to one pane (the outline's), and Tab to the text, which must show the match.
#[test]
fn after_a_resize_tab_shows_the_current_match_at_60x20() {
    let mut app = app(120, 36);
    util::search(&mut app, "周岳");
    assert!(
        snapshot(&app).contains("周岳"),
        "in view on the wide screen"
    );
    app.update(Resize {
        width: 60,
        height: 20,
    });
    app.update(SwitchFocus);
    let screen = snapshot(&app);
    let lines: Vec<&str> = screen.lines().collect();
    assert!(
        lines[1].contains("正文"),
        "the text is the pane shown:\n{screen}"
    );
    assert!(
        lines[2..lines.len() - 1].iter().any(|l| l.contains("周岳")),
        "the match is in the pane:\n{screen}"
    );
    let status = lines[lines.len() - 1];
    assert!(
        status.contains("结尾") && status.contains("「周岳」 1/1"),
        "{status}"
    );
}

#[test]
fn measure_with_points_expanded_120x36() {
    let mut app = app(120, 36);
    for a in [JumpToSuggestion(5), Down, Expand, Expand, Down] {
        app.update(a);
    }
    insta::assert_snapshot!(snapshot(&app));
}

#[test]
fn help_overlay_120x36() {
    let mut app = app(120, 36);
    app.update(OpenHelp);
    insta::assert_snapshot!(snapshot(&app));
}

/// The reader's help, paged from its first row to its last, ends on the mouse's row and
/// lists none of the shelf's keys (they do nothing in a letter; the shelf's help has them).
#[test]
fn reader_help_pages_to_its_last_row_without_the_shelfs_keys() {
    for (lang, shelf) in [(Lang::Zh, "书架："), (Lang::En, "shelf:")] {
        let tree = LetterTree::new(dafu::letter::load::embedded());
        let mut app = App::new(tree, lang, AmbiguousWidth::Narrow, (60, 20));
        app.update(OpenHelp);
        let mut pages = vec![snapshot(&app)];
        for _ in 0..dafu::keys::help_rows(lang, false).len() {
            app.update(PageDown);
            let page = snapshot(&app);
            if pages.last() == Some(&page) {
                break;
            }
            pages.push(page);
        }
        let all = pages.join("\n");
        let mouse = lang.strings().help_mouse.0;
        assert!(
            pages.last().is_some_and(|p| p.contains(mouse)),
            "{lang:?}: the last page lacks the mouse's row:\n{all}"
        );
        assert!(!all.contains(shelf), "{lang:?}: a shelf's key:\n{all}");
    }
}

#[test]
fn figures_overlay_120x36() {
    let mut app = app(120, 36);
    app.update(OpenFigures);
    insta::assert_snapshot!(snapshot(&app));
}

#[test]
fn help_overlay_60x20() {
    let mut app = app(60, 20);
    app.update(OpenHelp);
    insta::assert_snapshot!(snapshot(&app));
}

/// On a screen too narrow for the descriptions beside the keys (40 columns), each row's keys
/// stand on a line of their own and what they do goes under them, indented: a description is
/// not a column of two words a line.
#[test]
fn help_overlay_40x15_puts_descriptions_under_their_keys() {
    for lang in [Lang::Zh, Lang::En] {
        let tree = LetterTree::new(dafu::letter::load::embedded());
        let mut app = App::new(tree, lang, AmbiguousWidth::Narrow, (40, 15));
        app.update(OpenHelp);
        let shot = snapshot(&app);
        let lines: Vec<&str> = shot.lines().collect();
        let key = lines
            .iter()
            .position(|l| l.contains("│ ↓ j "))
            .unwrap_or_else(|| panic!("{shot}"));
        assert_eq!(
            lines[key].trim_end_matches(['│', ' ']).trim_end(),
            "  │ ↓ j",
            "{shot}"
        );
        let next = match lang {
            Lang::Zh => "  │   下一项（正文中：向下滚动一行）",
            Lang::En => "  │   next node (text pane: scroll",
        };
        assert!(lines[key + 1].starts_with(next), "{shot}");
        insta::assert_snapshot!(format!("help_overlay_40x15_{lang:?}"), shot);
    }
}

/// At 40 columns the figures view's border holds what fits whole: the count and the sort,
/// and of the keys, Esc; no part is cut to a word that says nothing (`筛选：全`).
#[test]
fn figures_overlay_40x15_shows_whole_parts_in_its_border() {
    let mut app = app(40, 15);
    app.update(OpenFigures);
    let shot = snapshot(&app);
    let title = shot.lines().nth(1).unwrap_or_default();
    assert!(
        title.starts_with("╭ 数字一览 56  排序：原文顺序 ─"),
        "{shot}"
    );
    let lines: Vec<&str> = shot.lines().collect();
    assert!(!title.contains("筛选"), "{shot}");
    assert!(lines[13].starts_with("╰ Esc关闭 ─"), "{shot}");
}

/// Regression: at 40 columns every bar of the money chart was one `░` whatever its sum, and in
/// English no bar at all, its kind cut to `…`. The period gives way and the bars keep eight
/// cells, 超87亿元's longer than 40万元's; in English, where not even that is left, the scale's
/// row says how wide the bars need the screen, each row keeps one cell whose glyph says
/// whether the sum is added, and the kind of money keeps nine columns.
#[test]
fn money_chart_at_40_columns_uses_its_room_or_says_it_is_too_narrow() {
    for lang in [Lang::Zh, Lang::En] {
        let tree = LetterTree::in_lang(dafu::letter::load::embedded(), lang);
        let mut app = App::new(tree, lang, AmbiguousWidth::Narrow, (40, 30));
        app.update(OpenFigures);
        app.update(ToggleFiguresChart);
        let top = snapshot(&app);
        // The bars of its first screen and of its last: the words under each section's bars
        // take the rows they need, and the first screen holds fewer bars than it did.
        app.update(Last);
        let shot = format!("{top}{}", snapshot(&app));
        let bars: Vec<usize> = (shot.lines())
            .filter(|l| l.contains('░'))
            .map(|l| l.matches('░').count())
            .collect();
        assert!(bars.len() > 10, "{shot}");
        match lang {
            Lang::Zh => {
                assert!(bars.iter().max() >= Some(&8), "{shot}");
                assert!(bars.iter().min() < bars.iter().max(), "bars differ: {shot}");
            }
            Lang::En => {
                assert!(shot.contains("too narrow for bars: 49 columns"), "{shot}");
                assert!(bars.iter().all(|&n| n == 1), "{shot}");
                // The kind of money keeps nine columns: `allocated`, `per award` whole,
                // `running…` cut (the detail line says it whole).
                for kind in ["allocated", "approved", "per award", "cap", "running…"] {
                    assert!(shot.contains(&format!(" {kind}")), "{kind}: {shot}");
                }
            }
        }
        insta::assert_snapshot!(format!("money_chart_40x30_{lang:?}"), top);
    }
}

#[test]
fn figures_overlay_80x24() {
    let mut app = app(80, 24);
    app.update(OpenFigures);
    insta::assert_snapshot!(snapshot(&app));
}

#[test]
fn figures_overlay_60x20() {
    let mut app = app(60, 20);
    app.update(OpenFigures);
    insta::assert_snapshot!(snapshot(&app));
}

/// Cells outside `area` between the title and the status row that are not blank.
fn showing_through(buffer: &Buffer, area: ratatui::layout::Rect) -> Vec<(u16, u16, String)> {
    let (w, h) = (buffer.area.width, buffer.area.height);
    let mut out = Vec::new();
    for y in 1..h - 1 {
        for x in 0..w {
            let symbol = buffer[(x, y)].symbol();
            if !area.contains((x, y).into()) && symbol != " " && !symbol.is_empty() {
                out.push((x, y, symbol.to_string()));
            }
        }
    }
    out
}

#[test]
fn overlays_are_opaque_at_every_size() {
    for (w, h) in [(120, 36), (100, 30), (80, 24), (60, 20), (40, 10)] {
        let mut app = app(w, h);
        app.update(ExpandAll);
        app.update(OpenHelp);
        let terminal = draw(&app);
        let buffer = terminal.backend().buffer();
        let area = dafu::ui::help::area(app.lang(), app.on_shelf(), app.ambiguous(), buffer.area);
        let through = showing_through(buffer, area);
        assert!(
            through.is_empty(),
            "{w}×{h}: beside the help: {through:?}\n{}",
            buffer_text(buffer)
        );
        app.update(Escape);
        app.update(OpenFigures);
        let terminal = draw(&app);
        let buffer = terminal.backend().buffer();
        let area = dafu::layout::figures_overlay(buffer.area);
        let through = showing_through(buffer, area);
        assert!(
            through.is_empty(),
            "{w}×{h}: beside the figures: {through:?}\n{}",
            buffer_text(buffer)
        );
        // The title and the status row stay whole above and below an overlay.
        assert!(buffer_text(buffer).starts_with("中山科函"), "{w}×{h}");
    }
}

#[test]
fn borders_stay_in_line_in_narrow_mode() {
    for (w, h) in [(120, 36), (100, 30), (80, 24), (60, 20)] {
        let mut app = app(w, h);
        assert_borders_in_line(&app, &["│"]);
        app.update(JumpToSuggestion(2));
        app.update(SwitchFocus);
        app.update(PageDown);
        assert_borders_in_line(&app, &["│"]);
    }
}

#[test]
fn borders_stay_in_line_and_turn_ascii_in_wide_mode() {
    for (w, h) in [(120, 36), (80, 24)] {
        let mut app = app_with(w, h, AmbiguousWidth::Wide);
        let s = snapshot(&app);
        assert!(
            !s.contains('│') && !s.contains('╭'),
            "box drawing is ambiguous: {s}"
        );
        assert_borders_in_line(&app, &["|"]);
        app.update(JumpToSuggestion(1));
        assert_borders_in_line(&app, &["|"]);
    }
}

#[test]
fn a_letter_opened_from_the_shelf_says_q_goes_back_to_it() {
    for (lang, quits, back, hint) in [
        (Lang::Zh, "退出", "回到书架", "q回书架"),
        (Lang::En, "quit", "back to the shelf", "q shelf"),
    ] {
        let reader = || {
            let tree = LetterTree::in_lang(dafu::letter::load::embedded(), lang);
            App::new(tree, lang, AmbiguousWidth::Narrow, (120, 36))
        };
        let (mut alone, mut from_shelf) = (reader(), reader());
        from_shelf.update(dafu::action::Message::OnShelf);
        // The status row's hints.
        let status = |app: &App| {
            let text = buffer_text(draw(app).backend().buffer());
            text.lines().last().unwrap_or_default().to_string()
        };
        assert!(
            status(&from_shelf).contains(hint),
            "{}",
            status(&from_shelf)
        );
        assert!(!status(&alone).contains(hint), "{}", status(&alone));
        // The help's row for q.
        for app in [&mut alone, &mut from_shelf] {
            app.update(OpenHelp);
        }
        // The help's pages, as the reader pages through them.
        let pages = |app: &mut App| {
            let mut seen = String::new();
            for _ in 0..dafu::keys::help_rows(lang, true).len() {
                seen.push_str(&buffer_text(draw(app).backend().buffer()));
                app.update(PageDown);
            }
            seen
        };
        let q_row = |pages: &str| {
            let row = pages
                .lines()
                .find(|l| l.contains("│ q "))
                .unwrap_or_default();
            row.to_string()
        };
        let (alone, from_shelf) = (pages(&mut alone), pages(&mut from_shelf));
        assert!(q_row(&from_shelf).contains(back), "{from_shelf}");
        assert!(q_row(&alone).contains(quits), "{alone}");
        assert!(!q_row(&alone).contains(back), "{alone}");
    }
}

#[test]
fn every_help_row_fits_whole_at_80_columns_in_both_languages() {
    let screen = ratatui::layout::Rect::new(0, 0, 80, 24);
    for lang in [Lang::Zh, Lang::En] {
        for rows in [
            dafu::keys::help_rows(lang, false),
            dafu::keys::help_rows(lang, true),
            dafu::keys::shelf_help_rows(lang),
        ] {
            let keys = rows.iter().map(|r| r.0.as_str());
            let whats = rows.iter().map(|r| r.1);
            let widest = |texts: &mut dyn Iterator<Item = &str>| {
                texts
                    .map(|t| dafu::text::str_width(t, AmbiguousWidth::Narrow))
                    .max()
                    .unwrap_or(0)
            };
            let natural = widest(&mut keys.clone()) + widest(&mut whats.clone()) + 6;
            let area = dafu::ui::help::area_of(&rows, AmbiguousWidth::Narrow, screen);
            assert_eq!(
                usize::from(area.width),
                natural,
                "{lang:?}: the help is cut to {} columns",
                area.width
            );
        }
    }
}

#[test]
fn overlay_over_wide_text_leaves_no_half_glyph() {
    let mut app = app(120, 36);
    app.update(ExpandAll);
    app.update(OpenHelp);
    let terminal = draw(&app);
    let buffer = terminal.backend().buffer();
    let rows = u16::try_from(dafu::keys::help_rows(app.lang(), app.on_shelf()).len() + 2).unwrap();
    let area = dafu::ui::help::area(app.lang(), app.on_shelf(), app.ambiguous(), buffer.area);
    // As tall as its rows, within the rows between the title and the status row.
    assert_eq!(area.height, rows.min(buffer.area.height - 2));
    // Walking each row by the display width of its cells must land on the overlay's left
    // border: a wide glyph straddling that edge would be drawn over the border.
    let mut straddled = 0;
    for y in area.top()..area.bottom() {
        let mut x = 0u16;
        while x < area.x {
            let w = unicode_width::UnicodeWidthStr::width(buffer[(x, y)].symbol()).max(1);
            x += u16::try_from(w).unwrap();
        }
        assert_eq!(
            x,
            area.x,
            "row {y} has a glyph across the overlay edge:\n{}",
            buffer_text(buffer)
        );
        if buffer[(area.x - 1, y)].symbol() == " " {
            straddled += 1;
        }
    }
    assert!(
        straddled > 0,
        "the test needs wide text under the overlay's edge"
    );
}

#[test]
fn wide_mode_forces_two_columns_for_ambiguous_characters() {
    use ratatui::buffer::CellDiffOption;
    let mut app = app_with(120, 36, AmbiguousWidth::Wide);
    // The opening holds “双十” and “重振虎威 加快高质量崛起”: ambiguous quotation marks.
    app.update(SwitchFocus);
    let terminal = draw(&app);
    let buffer = terminal.backend().buffer();
    let mut quotes = 0;
    for y in 0..36 {
        for x in 0..120 {
            let cell = &buffer[(x, y)];
            if cell.symbol() == "“" || cell.symbol() == "”" {
                quotes += 1;
                assert!(
                    matches!(cell.diff_option, CellDiffOption::ForcedWidth(w) if w.get() == 2),
                    "({x},{y}) {:?}\n{}",
                    cell.diff_option,
                    util::buffer_text(buffer)
                );
                assert_eq!(
                    buffer[(x + 1, y)].symbol(),
                    " ",
                    "the covered column is blank"
                );
            }
        }
    }
    assert!(quotes >= 4, "the test needs quotation marks on screen");
    // In narrow mode the same characters take one column and no forced width.
    let app = util::app(120, 36);
    let terminal = draw(&app);
    let buffer = terminal.backend().buffer();
    for y in 0..36 {
        for x in 0..120 {
            assert_eq!(buffer[(x, y)].diff_option, CellDiffOption::None);
        }
    }
}

/// The glyphs of row `y` that a terminal draws over the glyph after them, as `(column, what)`:
/// ratatui sends each cell it does not skip (it skips the columns it believes the cell before
/// covers) to that cell's column, and the terminal moves right by the symbol's own width,
/// whatever ratatui was told (each character's `wcwidth`, which `unicode-width` follows).
fn glyphs_drawn_over(buffer: &Buffer, y: u16) -> Vec<(u16, String)> {
    use ratatui::buffer::CellWidth;
    let mut over = Vec::new();
    let (mut x, mut covered_to) = (0u16, 0u16);
    while x < buffer.area.width {
        let cell = &buffer[(x, y)];
        if x < covered_to {
            over.push((x, cell.symbol().to_string()));
        }
        covered_to = x + cell.symbol().cell_width();
        x += cell.cell_width().max(1);
    }
    if covered_to > buffer.area.width {
        over.push((buffer.area.width, "the screen's edge".to_string()));
    }
    over
}

#[test]
fn hangul_jamo_clusters_stay_inside_the_reading_pane() {
    use dafu::letter::load;
    use dafu::letter::tree::LetterTree;
    // Syllables of conjoining jamo: leading consonant, vowel, trailing consonant (각, two
    // columns); clusters with two or three leading consonants (four and six columns, as each
    // consonant is drawn two wide), one before a precomposed syllable; and Chinese between.
    let jamo = "\u{1100}\u{1161}\u{11A8}".repeat(3);
    let clusters = [
        "\u{1100}\u{1100}\u{1161}",
        "\u{1100}\u{1100}\u{1100}\u{1161}\u{11A8}",
        "\u{1100}\u{AC00}",
    ];
    let paragraph: String = (0..40)
        .map(|i| format!("{jamo}中文{}{}", clusters[i % 3], "山".repeat(i % 5)))
        .collect();
    let mut letter = load::parse(include_str!("fixtures/minimal.yaml"), "minimal.yaml").unwrap();
    letter.opening.push(paragraph);
    let yaml = serde_yaml::to_string(&letter).unwrap();
    let letter = load::parse(&yaml, "jamo.yaml").expect("the letter loads");
    for mode in [AmbiguousWidth::Narrow, AmbiguousWidth::Wide] {
        let border = match mode {
            AmbiguousWidth::Narrow => "│",
            AmbiguousWidth::Wide => "|",
        };
        for (width, height) in [(120, 36), (101, 30), (80, 24), (61, 24), (45, 20)] {
            let mut app = App::new(
                LetterTree::new(letter.clone()),
                dafu::strings::Lang::Zh,
                mode,
                (width, height),
            );
            app.update(SwitchFocus);
            assert_borders_in_line(&app, &[border]);
            let terminal = draw(&app);
            let buffer = terminal.backend().buffer();
            let text = buffer_text(buffer);
            assert!(text.contains("\u{1100}\u{1100}\u{1161}"), "{text}");
            for y in 0..height {
                assert_eq!(
                    glyphs_drawn_over(buffer, y),
                    [],
                    "row {y} at {width}×{height} {mode:?}:\n{text}"
                );
            }
        }
    }
}

#[test]
fn a_line_cut_at_the_edge_ends_in_an_ellipsis() {
    use ratatui::layout::Rect;
    use ratatui::text::Line;
    let mut buf = Buffer::empty(Rect::new(0, 0, 12, 2));
    let row = |y| Rect::new(0, y, 12, 1);
    dafu::ui::put_line(
        &mut buf,
        row(0),
        &Line::from("how many were paid"),
        AmbiguousWidth::Narrow,
    );
    // Trailing spaces that do not fit cut nothing a reader would miss.
    dafu::ui::put_line(
        &mut buf,
        row(1),
        &Line::from("支出合计      "),
        AmbiguousWidth::Narrow,
    );
    let text = util::buffer_text(&buf);
    let rows: Vec<&str> = text.lines().collect();
    assert_eq!(rows[0], "how many we…");
    assert_eq!(rows[1].trim_end(), "支出合计");
}

/// The note a large letter is read under: the whole of it on the screen, wrapped on a narrow
/// one, never a blank screen.
#[test]
fn the_reading_note_shows_whole_at_any_size() {
    let note = "正在读取 letters/zhongshan-kjj-2021-142-x1000.yaml…";
    for (w, h) in [(120, 36), (60, 20), (20, 10)] {
        let mut terminal =
            ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).expect("backend");
        terminal
            .draw(|frame| dafu::ui::draw_note(note, frame))
            .expect("draw");
        let text: String = buffer_text(terminal.backend().buffer())
            .lines()
            .map(str::trim_end)
            .collect();
        assert_eq!(text, note, "at {w}×{h}");
    }
}

/// The reader's help at its end, then a wider screen, where it takes fewer lines: still a full
/// page at its end, its last rows the mouse's and the outline's badge's.
#[test]
fn a_resize_keeps_the_readers_help_a_full_page_at_its_end() {
    let mut app = app(40, 20);
    app.update(OpenHelp);
    app.update(Last);
    app.update(Resize {
        width: 120,
        height: 20,
    });
    let shown = buffer_text(draw(&app).backend().buffer());
    let inside: Vec<&str> = shown.lines().filter(|l| l.contains('│')).collect();
    assert!(inside.len() > 10, "{shown}");
    assert!(
        inside
            .iter()
            .all(|l| !l.split('│').nth(1).unwrap_or_default().trim().is_empty()),
        "no blank rows under the last line:\n{shown}"
    );
    assert!(inside.last().is_some_and(|l| l.contains("#5")), "{shown}");
    assert!(inside[inside.len() - 2].contains("鼠标"), "{shown}");
}

/// The help's rows in view, inside its border, as they are drawn.
fn help_rows_shown(app: &App) -> Vec<String> {
    let shown = buffer_text(draw(app).backend().buffer());
    (shown.lines())
        .filter(|l| l.contains('│'))
        .map(|l| l.split('│').nth(1).unwrap_or_default().to_string())
        .collect()
}

/// The keys a help row shows first (its first word); none on a description's further line.
fn first_keys(app: &App) -> String {
    let rows = help_rows_shown(app);
    let first = rows.first().map(String::as_str).unwrap_or_default();
    first
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .to_string()
}

#[test]
fn a_resize_keeps_the_same_row_of_the_help_first_never_half_a_description() {
    let mut app = app(120, 36);
    app.update(OpenHelp);
    for _ in 0..7 {
        app.update(Down);
    }
    let rows = help_rows_shown(&app);
    let keys = first_keys(&app);
    assert!(rows[0].starts_with(&format!(" {keys}")), "{rows:?}");
    // Narrower, the descriptions take more lines: the page starts at the same row's keys.
    app.update(Resize {
        width: 60,
        height: 20,
    });
    let narrow = help_rows_shown(&app);
    assert!(
        narrow[0].starts_with(&format!(" {keys}")),
        "{keys}: {narrow:?}"
    );
    // And wider again, the same.
    app.update(Resize {
        width: 120,
        height: 36,
    });
    assert_eq!(first_keys(&app), keys);
}

/// What stands in the column inside `area`'s right border, on each row between its top and
/// bottom borders, where it is not blank: a glyph that starts there, or a wide one that
/// starts a column before and covers it (ratatui leaves that column a blank cell).
fn in_the_right_margin(buffer: &Buffer, area: ratatui::layout::Rect) -> Vec<(u16, String)> {
    let margin = area.right() - 2;
    let mut out = Vec::new();
    for y in area.y + 1..area.bottom() - 1 {
        let mut x = area.x + 1;
        while x <= margin {
            let symbol = buffer[(x, y)].symbol();
            let width = u16::try_from(dafu::text::width::str_width(symbol, AmbiguousWidth::Narrow))
                .unwrap_or(1)
                .max(1);
            if x + width > margin && !symbol.trim().is_empty() {
                out.push((y, symbol.to_string()));
            }
            x += width;
        }
    }
    out
}

/// Every page of a help of `rows`, drawn on a `width`×`height` screen: the help's area and
/// its buffer, a page after another.
fn help_pages(rows: &[(String, &str)], lang: Lang, (width, height): (u16, u16)) -> Vec<Buffer> {
    let screen = ratatui::layout::Rect::new(0, 0, width, height);
    let area = dafu::ui::help::area_of(rows, AmbiguousWidth::Narrow, screen);
    (0..rows.len() * 3)
        .step_by(usize::from(area.height.saturating_sub(2).max(1)))
        .map(|offset| {
            let mut buffer = Buffer::empty(screen);
            dafu::ui::help::draw_rows(
                rows,
                offset,
                lang,
                AmbiguousWidth::Narrow,
                screen,
                &mut buffer,
            );
            buffer
        })
        .collect()
}

/// Regression: at 60×20 the help's rows `Enter` and `Backspace` ran their descriptions into
/// the last column inside the border (`到它的正│`), and at 80×24 and 120×36 the figures
/// table's place column (`三、（一）一是│`), the money chart's kinds (`安排│`) and the
/// selected figure's detail did. Every row keeps a blank column before the right border, as
/// the reading pane does: the reader's help and the shelf's, the table and the chart, for
/// every figure selected, in both languages.
#[test]
fn no_text_touches_the_right_border_of_the_help_or_the_figures_view() {
    let mut found = Vec::new();
    for (width, height) in [(60, 20), (80, 24), (120, 36), (41, 15), (99, 30)] {
        for lang in [Lang::Zh, Lang::En] {
            let screen = ratatui::layout::Rect::new(0, 0, width, height);
            let helps = [
                ("help", dafu::keys::help_rows(lang, false)),
                ("shelf help", dafu::keys::shelf_help_rows(lang)),
            ];
            for (name, rows) in helps {
                let area = dafu::ui::help::area_of(&rows, AmbiguousWidth::Narrow, screen);
                for buffer in help_pages(&rows, lang, (width, height)) {
                    for (y, symbol) in in_the_right_margin(&buffer, area) {
                        found.push(format!(
                            "{width}×{height} {lang:?} {name}: {symbol} on row {y}"
                        ));
                    }
                }
            }
            let tree = LetterTree::in_lang(dafu::letter::load::embedded(), lang);
            let mut app = App::new(tree, lang, AmbiguousWidth::Narrow, (width, height));
            app.update(OpenFigures);
            let area = dafu::layout::figures_overlay(screen);
            for view in ["table", "chart"] {
                for _ in 0..60 {
                    let terminal = draw(&app);
                    for (y, symbol) in in_the_right_margin(terminal.backend().buffer(), area) {
                        found.push(format!(
                            "{width}×{height} {lang:?} {view}: {symbol} on row {y}"
                        ));
                    }
                    app.update(Down);
                }
                app.update(First);
                app.update(ToggleFiguresChart);
            }
        }
    }
    found.dedup();
    assert!(
        found.is_empty(),
        "{} places, such as:\n{}",
        found.len(),
        found[..found.len().min(20)].join("\n")
    );
}
