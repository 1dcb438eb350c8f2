//! The shelf's screen and keys as a person meets them, drawn on a test backend: `?` and F1
//! open the shelf's keys in the interface's language, paging as the reader's help does; the
//! shelf's prompt edits as the reader's; the wheel moves the list as it scrolls a pane.

use std::path::PathBuf;

use dafu::action::Action;
use dafu::app::shelf::{Known, ShelfApp, ShelfEffect, ShelfNews};
use dafu::keymap::shelf_action_for;
use dafu::shelf::Head;
use dafu::strings::Lang;
use dafu::text::width::AmbiguousWidth;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyModifiers, MouseEvent, MouseEventKind,
};
use ratatui::layout::Rect;

/// How many letters the shelf holds: more than a screen.
const LETTERS: usize = 40;

/// A shelf of read letters, `letter-00.yaml`…, each with a date, an issuer and a title.
fn shelf(lang: Lang, size: (u16, u16)) -> ShelfApp {
    let paths = (0..LETTERS)
        .map(|i| PathBuf::from(format!("letter-{i:02}.yaml")))
        .collect();
    let mut app = ShelfApp::new(paths, None, lang, AmbiguousWidth::Narrow, size);
    app.learn((0..LETTERS).map(|i| {
        let head = Head {
            date: Some(format!("2021-01-{:02}", i % 28 + 1)),
            issuer: Some("某局".into()),
            title: Some(format!("关于第{i}件事的答复")),
            ..Head::default()
        };
        ShelfNews::Read(i, Known::Read(head))
    }));
    app
}

/// The screen, one line a row, wide characters once.
fn screen(app: &ShelfApp) -> String {
    let (w, h) = app.size();
    let mut buf = Buffer::empty(Rect::new(0, 0, w, h));
    dafu::ui::shelf::draw(app, buf.area, &mut buf);
    let mut out = String::new();
    for y in 0..h {
        let mut x = 0;
        while x < w {
            let symbol = buf[(x, y)].symbol();
            out.push_str(symbol);
            x += u16::try_from(unicode_width::UnicodeWidthStr::width(symbol).max(1)).unwrap_or(1);
        }
        out.push('\n');
    }
    out
}

fn status(app: &ShelfApp) -> String {
    screen(app).lines().last().unwrap_or_default().to_string()
}

/// Sends `event` through the shelf's keymap, as the runner does.
fn send(app: &mut ShelfApp, event: Event) {
    if let Some(action) = shelf_action_for(app, &event) {
        app.update(action);
    }
}

fn key(app: &mut ShelfApp, code: KeyCode) {
    send(app, Event::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

fn ctrl(app: &mut ShelfApp, c: char) {
    send(
        app,
        Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)),
    );
}

fn typed(app: &mut ShelfApp, text: &str) {
    for c in text.chars() {
        key(app, KeyCode::Char(c));
    }
}

/// The prompt as the status row shows it, without the search's progress after the query
/// (the query is searched as it is typed).
fn typed_query(app: &ShelfApp) -> String {
    let searching = format!("  {}", app.lang().strings().shelf_searching);
    let row = status(app);
    row.split(&searching)
        .next()
        .unwrap_or_default()
        .trim_end()
        .to_string()
}

/// `/`, `query` typed key by key, Enter: the id of the last search the shelf asked for (as
/// the query was typed, the whole query's).
fn search_typed(app: &mut ShelfApp, query: &str) -> u64 {
    key(app, KeyCode::Char('/'));
    typed(app, query);
    key(app, KeyCode::Enter);
    last_search_id(app)
}

/// The id of the last search the shelf asked for.
fn last_search_id(app: &mut ShelfApp) -> u64 {
    (app.take_effects().into_iter())
        .rev()
        .find_map(|effect| match effect {
            ShelfEffect::Search { id, .. } => Some(id),
            _ => None,
        })
        .expect("the search is started")
}

/// The help's bottom border: `first–last/rows`.
fn help_position(screen: &str) -> Option<(usize, usize, usize)> {
    let line = screen.lines().find(|l| l.contains('╰'))?;
    let at = line.find(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'])?;
    let rest = line.get(at..)?;
    let (first, rest) = rest.split_once('–')?;
    let (last, rest) = rest.split_once('/')?;
    let rows: String = rest.chars().take_while(char::is_ascii_digit).collect();
    Some((first.parse().ok()?, last.parse().ok()?, rows.parse().ok()?))
}

#[test]
fn question_mark_opens_the_shelfs_keys_in_the_interface_language() {
    for (lang, title, own, prompt, not_here) in [
        (
            Lang::Zh,
            "╭ 按键",
            "书架：下一封",
            "搜索框：删除前一个词",
            "数字一览",
        ),
        (
            Lang::En,
            "╭ Keys",
            "shelf: next letter",
            "prompt: delete the word before the caret",
            "figures view",
        ),
    ] {
        let mut app = shelf(lang, (100, 30));
        assert!(
            status(&app).contains('?'),
            "the hints name ?: {}",
            status(&app)
        );
        key(&mut app, KeyCode::Char('?'));
        let shown = screen(&app);
        assert!(shown.contains(title), "{lang:?}: the help opens:\n{shown}");
        assert!(shown.contains(own), "{lang:?}: the shelf's keys:\n{shown}");
        assert!(
            !shown.contains(not_here),
            "{lang:?}: only the shelf's keys, not the reader's figures view:\n{shown}"
        );
        assert!(
            !shown.contains("关于第0件事的答复"),
            "opaque, over the list:\n{shown}"
        );
        // The prompt's keys are further down: the help pages to them.
        key(&mut app, KeyCode::Char('G'));
        assert!(screen(&app).contains(prompt), "{}", screen(&app));
        key(&mut app, KeyCode::Esc);
        assert!(screen(&app).contains("关于第0件事的答复"), "Esc closes it");
        // F1 opens it too, and closes it.
        key(&mut app, KeyCode::F(1));
        assert!(screen(&app).contains(title));
        key(&mut app, KeyCode::F(1));
        assert!(!screen(&app).contains(title));
    }
}

#[test]
fn the_shelfs_help_pages_as_the_readers_and_never_past_its_end() {
    let mut app = shelf(Lang::Zh, (60, 20));
    key(&mut app, KeyCode::Char('?'));
    let (first, last, rows) = help_position(&screen(&app)).expect("the help's position");
    assert_eq!(first, 1);
    assert!(last < rows, "longer than a 60×20 screen: {last}/{rows}");
    key(&mut app, KeyCode::Char('j'));
    assert_eq!(
        help_position(&screen(&app)).map(|p| p.0),
        Some(2),
        "j: a row"
    );
    key(&mut app, KeyCode::Char(' '));
    let (first, ..) = help_position(&screen(&app)).expect("paged");
    assert!(first > last / 2, "Space: about a page: {first}");
    for _ in 0..10 {
        key(&mut app, KeyCode::PageDown);
    }
    let (_, end, all) = help_position(&screen(&app)).expect("at the end");
    assert_eq!(end, all, "the last row in view, no further");
    assert!(screen(&app).contains("鼠标"), "the mouse, last");
    send(
        &mut app,
        Event::Mouse(MouseEvent {
            kind: MouseEventKind::ScrollUp,
            column: 10,
            row: 10,
            modifiers: KeyModifiers::NONE,
        }),
    );
    assert!(
        help_position(&screen(&app)).is_some_and(|p| p.1 < all),
        "the wheel pages"
    );
    key(&mut app, KeyCode::Char('g'));
    assert_eq!(help_position(&screen(&app)).map(|p| p.0), Some(1));
    key(&mut app, KeyCode::Char('q'));
    assert!(help_position(&screen(&app)).is_none(), "q closes the help");
    assert!(!app.should_quit(), "and does not quit the shelf");
}

#[test]
fn f1_from_the_shelfs_prompt_opens_the_help_and_comes_back_to_the_query() {
    let mut app = shelf(Lang::En, (100, 30));
    key(&mut app, KeyCode::Char('/'));
    typed(&mut app, "rgzn");
    // Searched as it was typed, letter by letter.
    let searched = app.take_effects();
    assert_eq!(
        searched.last(),
        Some(&ShelfEffect::Search {
            query: "rgzn".into(),
            id: 4
        }),
        "{searched:?}"
    );
    key(&mut app, KeyCode::F(1));
    assert!(screen(&app).contains("╭ Keys"), "{}", screen(&app));
    // The help has the keys now: `j` pages it and types nothing.
    key(&mut app, KeyCode::Char('j'));
    key(&mut app, KeyCode::Esc);
    assert!(
        status(&app).starts_with("search the shelf: rgzn"),
        "{}",
        status(&app)
    );
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.take_effects(), [], "already searched as typed");
    assert_eq!(app.search().map(|s| s.query.as_str()), Some("rgzn"));
    let title = screen(&app).lines().next().unwrap_or_default().to_string();
    assert!(title.contains("rgzn"), "{title}");
}

#[test]
fn the_shelfs_prompt_edits_as_the_readers_does() {
    let mut app = shelf(Lang::En, (60, 20));
    key(&mut app, KeyCode::Char('/'));
    typed(&mut app, "rengong zhineng");
    ctrl(&mut app, 'w');
    assert_eq!(typed_query(&app), "search the shelf: rengong");
    ctrl(&mut app, 'a');
    key(&mut app, KeyCode::Delete);
    ctrl(&mut app, 'e');
    typed(&mut app, "x");
    assert_eq!(typed_query(&app), "search the shelf: engong x");
    ctrl(&mut app, 'u');
    // A query longer than the row: the caret's end in view, the cut start marked.
    typed(&mut app, &"abcdefghij".repeat(8));
    let row = typed_query(&app);
    assert!(row.contains("…") && row.ends_with("ghij"), "{row}");
    ctrl(&mut app, 'a');
    let row = typed_query(&app);
    assert!(row.starts_with("search the shelf: abcdefghij"), "{row}");
    assert!(row.ends_with('…'), "the cut end marked: {row}");
}

#[test]
fn the_wheel_moves_the_list_as_it_scrolls_a_pane() {
    let mut app = shelf(Lang::Zh, (100, 30));
    let wheel = |kind| {
        Event::Mouse(MouseEvent {
            kind,
            column: 20,
            row: 10,
            modifiers: KeyModifiers::NONE,
        })
    };
    send(&mut app, wheel(MouseEventKind::ScrollDown));
    assert_eq!(
        app.selected(),
        Some(3),
        "a notch is three rows, as in the reader"
    );
    send(&mut app, wheel(MouseEventKind::ScrollDown));
    send(&mut app, wheel(MouseEventKind::ScrollUp));
    assert_eq!(app.selected(), Some(3));
    assert_eq!(
        Some(Action::Wheel {
            x: 20,
            y: 10,
            lines: 3
        }),
        shelf_action_for(&app, &wheel(MouseEventKind::ScrollDown))
    );
}

/// The list pages with less's keys: Space and Ctrl-f forward a window, `b` back,
/// `d` and `u` half a window, `g` and `G` (`<` and `>`) to the ends.
#[test]
fn the_list_pages_with_the_keys_of_less() {
    let mut app = shelf(Lang::En, (100, 20));
    key(&mut app, KeyCode::PageDown);
    let page = app.selected().expect("a selection");
    assert!(page > 1, "a page is more than a row: {page}");
    key(&mut app, KeyCode::Char('g'));
    key(&mut app, KeyCode::Char(' '));
    assert_eq!(app.selected(), Some(page), "Space pages as PgDn does");
    // The list turns a whole page with the selection, which keeps its row at the top: every
    // row in view is one not seen before.
    assert_eq!(app.offset(), page, "Space turns the list a page");
    assert!(
        !status(&app).contains("not a shelf key"),
        "{}",
        status(&app)
    );
    ctrl(&mut app, 'f');
    assert_eq!(app.selected(), Some(2 * page), "Ctrl-f pages as PgDn does");
    key(&mut app, KeyCode::Char('b'));
    assert_eq!(app.selected(), Some(page), "b pages back");
    key(&mut app, KeyCode::Char('d'));
    key(&mut app, KeyCode::Char('u'));
    assert_eq!(
        app.selected(),
        Some(page),
        "d and u are half a page each way"
    );
    key(&mut app, KeyCode::Char('G'));
    assert_eq!(app.selected(), Some(LETTERS - 1));
    key(&mut app, KeyCode::Char('<'));
    assert_eq!(app.selected(), Some(0), "< is g");
    key(&mut app, KeyCode::Char('>'));
    assert_eq!(app.selected(), Some(LETTERS - 1), "> is G");
}

/// A refused letter's row names the file as the list does (not the folder's whole path) and
/// keeps room for why at 60 columns; Enter on it says the error in the status row, in the
/// interface's language, with nothing of the folder's path before it; a search says the
/// letter was not searched.
#[test]
fn a_refused_letter_says_why_at_60_columns() {
    let folder = PathBuf::from("/home/reader/replies/2021");
    let path = folder.join("broken.yaml");
    let error = dafu::letter::load::parse("title: \"unclosed\n", &path.display().to_string())
        .expect_err("an unclosed quotation is refused");
    let (line, column) = error.position.expect("a syntax error has its place");
    for lang in [Lang::Zh, Lang::En] {
        let mut app = ShelfApp::new(
            vec![path.clone()],
            Some(&folder),
            lang,
            AmbiguousWidth::Narrow,
            (60, 20),
        );
        app.learn([ShelfNews::Read(0, Known::Refused(error.clone()))]);
        let said = format!("broken.yaml:{line}:{column}: ");
        let why: String = error
            .in_lang(lang)
            .rsplit_once(": ")
            .map(|(_, why)| why.chars().take(3).collect())
            .unwrap_or_default();
        let shown = screen(&app);
        let row = shown.lines().nth(2).unwrap_or_default();
        assert!(row.contains(&format!("{said}{why}")), "{lang:?}:\n{shown}");
        assert!(!shown.contains("/home/reader"), "{lang:?}:\n{shown}");
        key(&mut app, KeyCode::Enter);
        assert!(
            status(&app).contains(&format!("{said}{why}")),
            "{lang:?}:\n{}",
            screen(&app)
        );
        // A search says that the letter was not searched, as `dafu search` says it.
        typed(&mut app, "/停车");
        key(&mut app, KeyCode::Enter);
        let title = screen(&app).lines().next().unwrap_or_default().to_string();
        assert!(
            title.contains(&(lang.strings().shelf_unsearched)(1)),
            "{lang:?}: {title}"
        );
    }
}

#[test]
fn the_first_screen_is_up_while_the_folder_is_listed_and_the_list_fills_it() {
    for (lang, listing, count) in [
        (Lang::Zh, "正在列出文件…", "2封"),
        (Lang::En, "listing the files…", "2 letters"),
    ] {
        let mut app = ShelfApp::listing(None, lang, AmbiguousWidth::Narrow, (60, 20));
        let first = screen(&app);
        let lines: Vec<&str> = first.lines().collect();
        assert!(lines[0].contains(listing), "{lang:?}, title:\n{first}");
        assert!(
            lines.iter().skip(2).any(|l| l.contains(listing)),
            "{lang:?}, the list says so rather than that the folder is empty:\n{first}"
        );
        let empty = lang.strings().shelf_empty;
        assert!(!first.contains(empty), "{lang:?}:\n{first}");
        // q quits before any row came.
        key(&mut app, KeyCode::Char('q'));
        assert!(app.should_quit(), "{lang:?}");

        let mut app = ShelfApp::listing(None, lang, AmbiguousWidth::Narrow, (60, 20));
        let found: Vec<dafu::shelf::walk::Found> = ["a.yaml", "b.yaml"]
            .into_iter()
            .map(|name| dafu::shelf::walk::Found::File(PathBuf::from(name), None))
            .collect();
        app.learn([ShelfNews::Listed(found.into())]);
        let listed = screen(&app);
        assert!(!listed.contains(listing), "{lang:?}:\n{listed}");
        assert!(
            listed.lines().next().unwrap_or_default().contains(count),
            "{listed}"
        );
        assert!(
            listed.contains("a.yaml") && listed.contains("b.yaml"),
            "{listed}"
        );
    }
}

#[test]
fn equals_on_a_narrow_shelf_keeps_the_place_in_the_list_and_cuts_the_names_start() {
    let long =
        "二〇二一年市政协十三届一次会议提案第125053号关于加快新一代人工智能产业发展的答复.yaml";
    let paths = vec![PathBuf::from("a.yaml"), PathBuf::from(long)];
    let mut app = ShelfApp::new(paths, None, Lang::Zh, AmbiguousWidth::Narrow, (60, 20));
    key(&mut app, KeyCode::Char('j'));
    typed(&mut app, "=");
    let row = status(&app);
    let row = row.trim_end();
    assert!(row.ends_with("的答复.yaml　第 2/2 封"), "{row}");
    assert!(row.contains('…') && !row.contains("二〇二一年"), "{row}");
    // A note that fits is shown whole.
    key(&mut app, KeyCode::Char('k'));
    typed(&mut app, "=");
    assert!(
        status(&app).contains("a.yaml　第 1/2 封"),
        "{}",
        status(&app)
    );
}

/// The first row of a shelf of one letter, `head`, drawn at `size`.
fn first_row(head: &Head, lang: Lang, size: (u16, u16)) -> String {
    let paths = vec![PathBuf::from("a.yaml")];
    let mut app = ShelfApp::new(paths, None, lang, AmbiguousWidth::Narrow, size);
    app.learn([ShelfNews::Read(0, Known::Read(head.clone()))]);
    screen(&app).lines().nth(2).unwrap_or_default().to_string()
}

#[test]
fn a_wide_screen_shows_an_offices_whole_name_and_a_long_document_number() {
    let long = Head {
        date: Some("2025-06-01".into()),
        issuer: Some("中山市人力资源和社会保障局".into()),
        doc_number: Some("临建建议字〔2025〕第1号".into()),
        proposal: Some("A20250015".into()),
        title: Some("关于某事的答复".into()),
        ..Head::default()
    };
    // The issuer whole on a wide screen only; a document number of 23 columns from 100 on;
    // the proposal's number, which tells apart replies whose titles differ only there, from
    // 70 on.
    for width in [70, 99] {
        let row = first_row(&long, Lang::Zh, (width, 20));
        assert!(
            row.contains("A20250015") && !row.contains("临建"),
            "{width}: {row}"
        );
    }
    assert!(!first_row(&long, Lang::Zh, (69, 20)).contains("A2025"));
    for (width, issuer) in [(200, true), (120, false), (100, false)] {
        let row = first_row(&long, Lang::Zh, (width, 20));
        assert_eq!(
            row.contains("中山市人力资源和社会保障局"),
            issuer,
            "{width}: {row}"
        );
        assert!(row.contains("临建建议字〔2025〕第1号"), "{width}: {row}");
        assert!(row.contains("A20250015"), "{width}: {row}");
        assert!(row.contains("关于某事的答复"), "{width}: {row}");
    }
    // A number longer than its column keeps its year and serial: cut at its end, its last
    // digit had given way to `…`, and the number read as a longer one.
    let longer = Head {
        doc_number: Some("中山市监函〔2022〕10000号".into()),
        ..long
    };
    let row = first_row(&longer, Lang::Zh, (120, 20));
    assert!(row.contains("…山市监函〔2022〕10000号"), "{row}");
}

#[test]
fn at_40_columns_the_title_keeps_room_before_the_issuer() {
    let head = Head {
        date: Some("2025-06-01".into()),
        issuer: Some("中山市科学技术局".into()),
        title: Some("关于某某事项的答复".into()),
        unreviewed: true,
        ..Head::default()
    };
    for lang in [Lang::En, Lang::Zh] {
        let row = first_row(&head, lang, (40, 12));
        assert!(row.contains("关于某某事项"), "{lang:?}: {row}");
        assert!(
            !row.contains("中山市"),
            "{lang:?}: the issuer gives way: {row}"
        );
    }
}

#[test]
fn a_letter_written_in_sections_counts_no_suggestions_as_a_dash_not_a_zero() {
    let head = |suggestions| Head {
        date: Some("2022-07-27".into()),
        title: Some("关于某事的答复".into()),
        suggestions,
        figures: 7,
        ..Head::default()
    };
    assert!(first_row(&head(3), Lang::Zh, (120, 12)).contains(" 3/7 "));
    let row = first_row(&head(0), Lang::Zh, (120, 12));
    assert!(row.contains(" —/7 ") && !row.contains("0/7"), "{row}");
}

#[test]
fn up_and_down_in_the_shelfs_prompt_recall_the_queries_searched() {
    let mut app = shelf(Lang::En, (60, 20));
    app.learn([ShelfNews::History {
        queries: vec!["rclf".into()],
        problem: None,
        place: None,
    }]);
    key(&mut app, KeyCode::Char('/'));
    typed(&mut app, "ren");
    key(&mut app, KeyCode::Up);
    assert_eq!(typed_query(&app), "search the shelf: rclf");
    key(&mut app, KeyCode::Down);
    assert_eq!(typed_query(&app), "search the shelf: ren");
}

/// A letter's head with a date and `title`, an unreviewed import or not.
fn dated(title: &str, unreviewed: bool) -> Head {
    Head {
        date: Some("2025-06-01".into()),
        title: Some(title.into()),
        unreviewed,
        ..Head::default()
    }
}

/// A shelf of two letters, `a` and `b`, read as `heads` say, drawn at `size`.
fn two_letters(lang: Lang, size: (u16, u16), heads: [Head; 2]) -> ShelfApp {
    let paths = vec![PathBuf::from("a.yaml"), PathBuf::from("b.txt")];
    let mut app = ShelfApp::new(paths, None, lang, AmbiguousWidth::Narrow, size);
    let [a, b] = heads;
    app.learn([
        ShelfNews::Read(0, Known::Read(a)),
        ShelfNews::Read(1, Known::Read(b)),
    ]);
    app
}

/// A letter's state (unreviewed, refused) heads its title rather than take a column of its
/// own, which most shelves would leave blank; when some letter has one, every title stands
/// after a slot for it, and the heading names it over the slot: the titles and their heading
/// keep one column, whatever each letter's state.
#[test]
fn a_letters_state_heads_its_title_in_a_slot_under_its_heading() {
    let head = |unreviewed| dated("关于某某事项的答复", unreviewed);
    let width = |s: &str| dafu::text::width::str_width(s, AmbiguousWidth::Narrow);
    for (lang, word, state, title) in [
        (Lang::En, "unreviewed", "state", "subject"),
        (Lang::Zh, "未审阅", "状态", "事由"),
    ] {
        // Two letters, one an unreviewed import: the reviewed one's title has a blank slot.
        let app = two_letters(lang, (120, 12), [head(false), head(true)]);
        let shot = screen(&app);
        let lines: Vec<&str> = shot.lines().collect();
        let at = |line: &str, what: &str| {
            let byte = line.find(what).unwrap_or_else(|| panic!("{what}: {shot}"));
            width(line.get(..byte).unwrap_or_default())
        };
        let column = at(lines[1], title);
        assert_eq!(at(lines[1], state), at(lines[3], word), "{shot}");
        for row in &lines[2..4] {
            assert_eq!(at(row, "关于某某事项的答复"), column, "{shot}");
        }
        // A shelf with no state to show: the title alone, and no heading for a state.
        let row = first_row(&head(false), lang, (100, 12));
        assert!(!row.contains(word) && row.contains("2025-06-01 "), "{row}");
        let app = shelf(lang, (100, 12));
        let headings = screen(&app).lines().nth(1).unwrap_or_default().to_string();
        assert!(!headings.contains(state), "{headings}");
    }
}

/// A state every letter shares (a shelf of transcripts: all unreviewed imports) is said once,
/// in the shelf's title, not in a slot on every row: the subject has the room. One letter
/// reviewed, and the slot is back.
#[test]
fn a_state_every_letter_shares_is_said_once_in_the_title() {
    let head = |unreviewed| dated("关于修建千庄、顶丘防火隔离带的建议", unreviewed);
    for (lang, all) in [(Lang::Zh, "均未审阅"), (Lang::En, "all unreviewed")] {
        let mut app = two_letters(lang, (40, 12), [head(true), head(true)]);
        let shot = screen(&app);
        let lines: Vec<&str> = shot.lines().collect();
        assert!(lines[0].contains(all), "{shot}");
        let word = lang.strings().list_states[0];
        assert!(!lines[2].contains(word), "{shot}");
        assert!(lines[2].contains("关于修建千庄、顶丘防火"), "{shot}");
        // With a search's count beside it at 40 columns, the state stays whole (it had been
        // cut to `al…`): the shelf's name gives way, then the count is cut.
        let id = search_typed(&mut app, "fanghuogelidai");
        app.learn((0..2).map(|row| ShelfNews::Found { id, row, count: 12 }));
        let shot = screen(&app);
        let title = shot.lines().next().unwrap_or_default();
        assert!(title.contains(all), "{shot}");
        assert!(!title.contains(lang.strings().shelf_title), "{shot}");
        app.learn([ShelfNews::Read(1, Known::Read(head(false)))]);
        let shot = screen(&app);
        assert!(
            !shot.lines().next().unwrap_or_default().contains(all),
            "{shot}"
        );
        assert!(shot.contains(word), "{shot}");
    }
}

#[test]
fn a_narrow_status_row_keeps_help_and_quit_whole() {
    for (lang, keys, all) in [
        (Lang::Zh, "?帮助 q退出", "Enter打开"),
        (Lang::En, "?help q quit", "Enter open"),
    ] {
        for (width, whole) in [(100, true), (40, false)] {
            let row = status(&shelf(lang, (width, 12)));
            assert!(row.trim_end().ends_with(keys), "{width}: {row}");
            assert_eq!(row.contains(all), whole, "{width}: {row}");
        }
    }
}

/// On a narrow screen the shelf's help breaks a long description over lines rather than
/// cutting it: paged from its first line to its last, no line of it ends cut (`…`), and every
/// description is there whole.
#[test]
fn on_a_narrow_screen_the_help_breaks_descriptions_rather_than_cutting_them() {
    for lang in [Lang::Zh, Lang::En] {
        for size in [(60, 20), (40, 12)] {
            let mut app = shelf(lang, size);
            key(&mut app, KeyCode::Char('?'));
            let mut seen = String::new();
            for _ in 0..400 {
                let shown = screen(&app);
                for line in shown.lines().filter(|l| l.contains('│')) {
                    let inside = line.split('│').nth(1).unwrap_or_default().trim_end();
                    assert!(!inside.ends_with('…'), "{lang:?} {size:?}: cut: {line}");
                    seen.push_str(inside);
                }
                let (_, last, all) = help_position(&shown).expect("the help's position");
                if last == all {
                    break;
                }
                key(&mut app, KeyCode::Char('j'));
            }
            let seen: String = seen.split_whitespace().collect();
            for (_, what) in dafu::keys::shelf_help_rows(lang) {
                let what: String = what.split_whitespace().collect();
                assert!(seen.contains(&what), "{lang:?} {size:?}: {what} not whole");
            }
        }
    }
}

/// The help at its end, then a wider screen, where it takes fewer lines: still a full page
/// at its end, not its last line alone.
#[test]
fn a_resize_keeps_the_help_a_full_page_at_its_end() {
    let mut app = shelf(Lang::Zh, (40, 12));
    key(&mut app, KeyCode::Char('?'));
    key(&mut app, KeyCode::End);
    send(&mut app, Event::Resize(120, 20));
    let (first, last, all) = help_position(&screen(&app)).expect("the help's position");
    assert_eq!(last, all, "at its end");
    assert!(last - first + 1 > 10, "a full page: {first}–{last}/{all}");
    key(&mut app, KeyCode::Char('k'));
    let (up, ..) = help_position(&screen(&app)).expect("the help's position");
    assert_eq!(up, first - 1, "k: one line up from there");
}

#[test]
fn a_shelf_search_that_finds_no_letter_says_so_where_the_letters_were() {
    for (lang, words) in [(Lang::Zh, "无匹配"), (Lang::En, "no match")] {
        let mut app = shelf(lang, (80, 24));
        let id = search_typed(&mut app, "没有的词");
        // While letters are still being searched, the list waits, blank, for them.
        app.learn((0..LETTERS - 1).map(|row| ShelfNews::Found { id, row, count: 0 }));
        assert!(!screen(&app).contains(words), "{}", screen(&app));
        app.learn([ShelfNews::Found {
            id,
            row: LETTERS - 1,
            count: 0,
        }]);
        let shown = screen(&app);
        assert!(app.shown().is_empty());
        assert_eq!(
            shown.lines().filter(|l| l.contains(words)).count(),
            1,
            "{shown}"
        );
    }
}

#[test]
fn digits_on_the_shelf_count_the_next_move_as_in_the_reader() {
    let mut app = shelf(Lang::Zh, (80, 24));
    typed(&mut app, "5");
    assert!(status(&app).contains("次数：5"), "{}", status(&app));
    typed(&mut app, "j");
    assert_eq!(app.selected(), Some(5));
    typed(&mut app, "12G");
    assert_eq!(app.selected(), Some(11));
}

#[test]
fn a_column_no_letter_fills_is_left_out_and_the_title_has_its_room() {
    let head = Head {
        date: Some("2022-07-27".into()),
        issuer: Some("神木市林业局".into()),
        proposal: Some("118".into()),
        title: Some("关于市十八届人大二次会议第118号建议的答复".into()),
        ..Head::default()
    };
    let paths = vec![PathBuf::from("a.yaml")];
    let mut app = ShelfApp::new(paths, None, Lang::Zh, AmbiguousWidth::Narrow, (100, 12));
    app.learn([ShelfNews::Read(0, Known::Read(head.clone()))]);
    let shown = screen(&app);
    let headings = shown.lines().nth(1).unwrap_or_default();
    // No document number, no class: no column of dashes.
    assert!(
        !headings.contains("文号") && !headings.contains("类别"),
        "{shown}"
    );
    assert!(headings.contains("提案号"), "{shown}");
    let row = shown.lines().nth(2).unwrap_or_default();
    assert!(
        row.contains(head.title.as_deref().unwrap_or_default()),
        "{shown}"
    );
    assert!(!row.contains(" — "), "{shown}");
}

#[test]
fn at_100_columns_the_title_keeps_room_before_the_counts_and_the_class() {
    let head = Head {
        date: Some("2025-06-01".into()),
        issuer: Some("中山市人力资源和社会保障局".into()),
        doc_number: Some("临建建议字〔2025〕第1号".into()),
        classification: Some("A类".into()),
        proposal: Some("A20250015".into()),
        title: Some("关于对市二十届人大四次会议第A20250015号建议的答复".into()),
        figures: 3,
        ..Head::default()
    };
    let row = first_row(&head, Lang::Zh, (100, 12));
    // Fifteen characters of the title or more, where the counts stood.
    assert!(row.contains("关于对市二十届人大四次会议第A20"), "{row}");
    assert!(!row.contains("/3"), "{row}");
    assert!(row.contains("临建建议字〔2025〕第1号"), "{row}");
    // With room for all, the counts and the class come back.
    let row = first_row(&head, Lang::Zh, (140, 12));
    assert!(row.contains("—/3") && row.contains("A类"), "{row}");
}

#[test]
fn a_wide_screen_names_each_letters_file_which_alone_tells_copies_apart() {
    let head = Head {
        date: Some("2022-06-28".into()),
        title: Some("关于县第十八届人大第一次会议第122号建议答复的函".into()),
        ..Head::default()
    };
    let paths = vec![
        PathBuf::from("shilin-weijian-2022.txt"),
        PathBuf::from("variants/shilin-weijian-2022-webcopy.txt"),
    ];
    let mut app = ShelfApp::new(paths, None, Lang::En, AmbiguousWidth::Narrow, (160, 12));
    app.learn((0..2).map(|i| ShelfNews::Read(i, Known::Read(head.clone()))));
    let shown = screen(&app);
    assert!(
        shown
            .lines()
            .nth(1)
            .unwrap_or_default()
            .starts_with("file "),
        "{shown}"
    );
    assert!(
        shown
            .lines()
            .nth(2)
            .unwrap_or_default()
            .starts_with("shilin-weijian-2022.txt "),
        "{shown}"
    );
    // A name too long for the column keeps its end, where copies differ.
    assert!(
        shown
            .lines()
            .nth(3)
            .unwrap_or_default()
            .contains("webcopy.txt "),
        "{shown}"
    );
    let narrower = first_row(&head, Lang::En, (149, 12));
    assert!(!narrower.contains("a.yaml"), "{narrower}");
    assert!(first_row(&head, Lang::En, (150, 12)).starts_with("a.yaml "));
}

/// The class column is as wide as its heading: `class` whole in English, over a class of a
/// letter or two.
#[test]
fn the_class_column_heading_is_whole_in_either_language() {
    for (lang, heading) in [(Lang::En, "class"), (Lang::Zh, "类别")] {
        let head = Head {
            date: Some("2025-06-01".into()),
            classification: Some("B".into()),
            title: Some("关于某某事项的答复".into()),
            ..Head::default()
        };
        let paths = vec![PathBuf::from("a.yaml")];
        let mut app = ShelfApp::new(paths, None, lang, AmbiguousWidth::Narrow, (170, 12));
        app.learn([ShelfNews::Read(0, Known::Read(head))]);
        let shot = screen(&app);
        let headings = shot.lines().nth(1).unwrap_or_default();
        assert!(headings.contains(&format!("{heading} ")), "{shot}");
    }
}

/// Ctrl-L on the shelf paints the screen again, as in the reader and in less, and says
/// nothing in the status row.
#[test]
fn ctrl_l_on_the_shelf_asks_for_a_repaint() {
    let mut app = shelf(Lang::Zh, (80, 24));
    let before = status(&app);
    ctrl(&mut app, 'l');
    assert_eq!(app.take_effects(), [ShelfEffect::Repaint]);
    assert_eq!(status(&app), before);
}

#[test]
fn a_searchs_count_column_is_headed_whole_in_either_language() {
    for (lang, heading) in [(Lang::En, "matches"), (Lang::Zh, "处")] {
        let mut app = shelf(lang, (60, 20));
        let id = search_typed(&mut app, "rgzn");
        app.learn([ShelfNews::Found {
            id,
            row: 0,
            count: 12,
        }]);
        let shot = screen(&app);
        let headings = shot.lines().nth(1).unwrap_or_default();
        assert!(headings.starts_with(heading), "{shot}");
        let row = shot.lines().nth(2).unwrap_or_default();
        assert!(row.starts_with("12 "), "{shot}");
    }
}

/// The query is searched as it is typed: while letters are still being searched, the prompt
/// says how far the search is, so that a count that is still growing, or still 0, is not taken
/// for the answer.
#[test]
fn the_prompt_says_how_far_a_search_typed_is() {
    for lang in [Lang::Zh, Lang::En] {
        let mut app = shelf(lang, (80, 24));
        key(&mut app, KeyCode::Char('/'));
        typed(&mut app, "rgzn");
        let id = last_search_id(&mut app);
        app.learn((0..5).map(|row| ShelfNews::Found { id, row, count: 0 }));
        let searching = lang.strings().shelf_searching;
        let row = status(&app);
        assert!(row.contains("rgzn"), "{row}");
        assert!(row.contains(&format!("{searching} 5/{LETTERS}")), "{row}");
        app.learn((5..LETTERS).map(|row| ShelfNews::Found { id, row, count: 0 }));
        let row = status(&app);
        assert!(!row.contains(searching), "finished: {row}");
    }
}

/// The subject keeps about fifteen characters when a letter's state heads it: the slot for
/// the state is not counted in its room. Regression: at 100 columns, with an unreviewed
/// import on the shelf, the subject kept 11 characters, fewer than at 80.
#[test]
fn the_subject_keeps_its_room_beside_a_letters_state() {
    let subject = "将黄河石林国家地质公园自然保护地生态红线划定调整建议";
    let head = |unreviewed| Head {
        date: Some("2022-09-05".into()),
        issuer: Some("白银市自然资源局".into()),
        doc_number: Some("白自然资函〔2022〕16号".into()),
        proposal: Some("016".into()),
        subject: Some(subject.into()),
        suggestions: 3,
        figures: 2,
        unreviewed,
        ..Head::default()
    };
    for width in [80, 100, 120] {
        let paths = vec![PathBuf::from("a.yaml"), PathBuf::from("b.txt")];
        let mut app = ShelfApp::new(paths, None, Lang::Zh, AmbiguousWidth::Narrow, (width, 12));
        app.learn([
            ShelfNews::Read(0, Known::Read(head(false))),
            ShelfNews::Read(1, Known::Read(head(true))),
        ]);
        let shot = screen(&app);
        let row = shot.lines().nth(3).unwrap_or_default();
        let fifteen: String = subject.chars().take(15).collect();
        assert!(row.contains(&fifteen), "{width}: {shot}");
    }
}

/// On a screen too small to show the list, keys act on nothing unseen, as in the reader;
/// `q` still quits.
#[test]
fn while_the_shelf_is_too_small_only_q_acts() {
    let app = shelf(Lang::Zh, (30, 8));
    let action = |c: char| {
        shelf_action_for(
            &app,
            &Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)),
        )
    };
    assert_eq!(action('j'), None);
    assert_eq!(action('/'), None);
    assert_eq!(action('q'), Some(Action::Quit));
}
