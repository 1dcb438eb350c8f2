//! Search in the reader: incremental counts, opening what hides a match, the filter, the
//! prompt's editing by character.

mod util;

use dafu::action::Action::*;
use dafu::search::SearchIndex;
use util::{app, screen, selected_key};

/// The number of matches an independent run of the engine finds over the same blocks.
fn expected_count(app: &dafu::app::App, query: &str) -> usize {
    let (index, _): (SearchIndex, _) = dafu::search::letter::letter_index(app.tree());
    index.find(query).len()
}

#[test]
fn typing_a_query_keeps_the_count_right_at_each_step() {
    let mut app = app(120, 36);
    app.update(OpenSearch);
    let mut typed = String::new();
    for c in "rengongzhineng".chars() {
        typed.push(c);
        app.update(SearchInsert(c.to_string()));
        let n = expected_count(&app, &typed);
        assert_eq!(app.search().matches.len(), n, "after typing {typed}");
        assert!(n > 0, "{typed} should match while being typed");
        let status = screen(&app).lines().last().unwrap().to_string();
        assert!(status.contains(&format!("1/{n}")), "{typed}: {status}");
    }
    // 人工智能 appears 47 times in the letter's text; its pinyin finds each of them.
    assert_eq!(app.search().matches.len(), expected_count(&app, "人工智能"));
    app.update(SearchSubmit);
    assert!(!app.search().editing);
    let status = screen(&app).lines().last().unwrap().to_string();
    assert!(status.contains("「rengongzhineng」 1/"), "{status}");
}

#[test]
fn a_match_inside_a_collapsed_measure_opens_it() {
    let mut app = app(120, 36);
    // 2381家 stands in 五、（一） 二是, whose measure starts collapsed.
    let measure = app
        .tree()
        .nodes
        .iter()
        .position(|n| n.key == "s5.m1")
        .unwrap();
    assert!(!app.expanded()[measure]);
    app.update(OpenSearch);
    for c in "2381".chars() {
        app.update(SearchInsert(c.to_string()));
    }
    assert_eq!(app.search().matches.len(), 1);
    assert!(
        app.expanded()[measure],
        "the measure hiding the match is opened"
    );
    assert_eq!(selected_key(&app), "s5.m1.p2");
    assert!(app.visible_nodes().contains(&app.selected()));
    assert!(screen(&app).contains("2381"));
}

#[test]
fn n_and_shift_n_step_and_wrap_with_a_note() {
    let mut app = app(120, 36);
    app.update(OpenSearch);
    app.update(SearchInsert("优势".into()));
    app.update(SearchSubmit);
    let n = app.search().matches.len();
    assert_eq!(n, 3, "優勢 (traditional), and 优势 twice");
    assert_eq!(app.search().current, Some(0));
    app.update(NextMatch);
    app.update(NextMatch);
    assert_eq!(app.search().current, Some(2));
    app.update(NextMatch);
    assert_eq!(app.search().current, Some(0));
    assert!(app.note().is_some(), "wrapping says so");
    app.update(PrevMatch);
    assert_eq!(app.search().current, Some(2));
    assert!(app.note().is_some());
}

#[test]
fn ampersand_filters_the_outline_to_matches_and_ancestors() {
    let mut app = app(120, 36);
    app.update(OpenSearch);
    app.update(SearchInsert("保险".into()));
    app.update(SearchSubmit);
    let full = app.visible_nodes().len();
    app.update(ToggleFilter);
    let shown = app.visible_nodes();
    assert!(shown.len() < full);
    for &id in &shown {
        let holds = app.search().matches.iter().any(|m| {
            app.tree()
                .path(app.tree().blocks[m.block()].node)
                .contains(&id)
        });
        assert!(
            holds,
            "{} is shown but holds no match",
            app.tree().nodes[id].key
        );
    }
    assert!(screen(&app).contains("筛选"));
    app.update(ToggleFilter);
    assert_eq!(app.visible_nodes().len(), full);
}

#[test]
fn backspace_removes_one_character_and_the_caret_is_placed_by_width() {
    let mut app = app(120, 36);
    app.update(OpenSearch);
    app.update(SearchInsert("人工智".into()));
    app.update(SearchBackspace);
    assert_eq!(app.search().query, "人工");
    app.update(SearchLeft);
    app.update(SearchInsert("x".into()));
    assert_eq!(app.search().query, "人x工");
    let terminal = util::draw(&app);
    let mut terminal = terminal;
    let cursor = terminal.get_cursor_position().unwrap();
    // 搜索： is 6 columns, 人 2, x 1: the caret stands before 工.
    assert_eq!((cursor.x, cursor.y), (9, 35));
}

#[test]
fn pasted_text_is_one_inert_line() {
    let mut app = app(120, 36);
    app.update(OpenSearch);
    app.update(SearchInsert("人工\n智能\u{1b}[2J".into()));
    assert!(!app.search().query.contains('\n'));
    assert!(!app.search().query.contains('\u{1b}'));
}

#[test]
fn escape_while_typing_returns_to_where_the_reader_was() {
    let mut app = app(120, 36);
    app.update(JumpToSuggestion(2));
    let (top, selected) = (app.reading_top(), app.selected());
    app.update(OpenSearch);
    app.update(SearchInsert("抄送".into()));
    assert_ne!(app.reading_top(), top);
    app.update(SearchCancel);
    assert_eq!((app.reading_top(), app.selected()), (top, selected));
    assert!(app.search().matches.is_empty());
}

#[test]
fn outline_rows_highlight_exactly_the_matched_characters() {
    let mut app = app(120, 36);
    app.update(OpenSearch);
    app.update(SearchInsert("rgzn".into()));
    app.update(SearchSubmit);
    app.update(JumpToSuggestion(2));
    let terminal = util::draw(&app);
    let buffer = terminal.backend().buffer();
    // Row of 一、关于健全新一代人工智能… in the outline: find 人 and check the highlight
    // covers 人工智能 and nothing around it.
    let y = (0..36u16)
        .find(|&y| (0..44u16).any(|x| buffer[(x, y)].symbol() == "健"))
        .expect("suggestion 一 is in the outline");
    let x = (0..44u16)
        .find(|&x| buffer[(x, y)].symbol() == "人")
        .unwrap();
    let bg = |x: u16| buffer[(x, y)].bg;
    let hit = ratatui::style::Color::Yellow;
    for dx in [0, 2, 4, 6] {
        assert_eq!(bg(x + dx), hit, "人工智能 is highlighted");
    }
    assert_ne!(bg(x - 2), hit, "代 before it is not");
    assert_ne!(bg(x + 8), hit, "产 after it is not");
}

#[test]
fn reading_pane_highlights_the_original_characters_of_a_folded_match() {
    let mut app = app(120, 36);
    app.update(OpenSearch);
    app.update(SearchInsert("优势".into()));
    // The first match is the letter's own traditional 優勢.
    let terminal = util::draw(&app);
    let buffer = terminal.backend().buffer();
    let cell = (0..36u16)
        .flat_map(|y| (44..120u16).map(move |x| (x, y)))
        .find(|&p| buffer[p].symbol() == "優")
        .expect("優勢 is in view");
    let (x, y) = cell;
    assert_eq!(buffer[(x + 2, y)].symbol(), "勢");
    let current = ratatui::style::Color::LightRed;
    assert_eq!(buffer[(x, y)].bg, current);
    assert_eq!(buffer[(x + 2, y)].bg, current);
    assert_ne!(buffer[(x - 2, y)].bg, current);
    assert_ne!(buffer[(x + 4, y)].bg, current);
}

/// Checks every cell of the reading pane's text against the matches, found by a plain scan of
/// all of them: a grapheme inside a match has the match's background (the current one's if
/// it is the current match), any other grapheme neither.
fn assert_matches_in_view_highlighted(app: &dafu::app::App) {
    use dafu::layout::{READING_GUTTER, inner};
    use ratatui::style::Color;
    use unicode_segmentation::UnicodeSegmentation;
    let terminal = util::draw(app);
    let buffer = terminal.backend().buffer();
    let pane = inner(app.areas().reading.expect("the reading pane is shown"));
    let mut checked = 0;
    for (row, line) in app
        .reading()
        .lines_from(app.reading_top())
        .map(|(_, line)| line)
        .take(usize::from(pane.height))
        .enumerate()
    {
        let y = pane.y + u16::try_from(row).unwrap();
        let text = &app.tree().blocks[line.block].text;
        let mut x = pane.x + READING_GUTTER;
        for (offset, g) in text
            .get(line.shown())
            .expect("a line of this text")
            .grapheme_indices(true)
        {
            let at = line.range.start + offset;
            let hit = app
                .search()
                .matches
                .iter()
                .position(|m| m.block() == line.block && m.bytes().contains(&at));
            let cell = &buffer[(x, y)];
            assert_eq!(cell.symbol(), g, "row {y} column {x}");
            let expected = match hit {
                Some(i) if app.search().current == Some(i) => Some(Color::LightRed),
                Some(_) => Some(Color::Yellow),
                None => None,
            };
            match expected {
                Some(bg) => assert_eq!(cell.bg, bg, "{g} at row {y} column {x}"),
                None => assert!(
                    ![Color::Yellow, Color::LightRed].contains(&cell.bg),
                    "{g} at row {y} column {x} is not in a match"
                ),
            }
            checked += usize::from(hit.is_some());
            x += u16::try_from(dafu::text::str_width(g, app.ambiguous())).unwrap();
        }
    }
    assert!(checked > 0, "some match is in view");
}

#[test]
fn every_match_in_view_is_highlighted_and_nothing_else() {
    // Dense queries (a first letter matches every eighth character or so), a phrase, and a
    // narrow pane where matches run across line ends.
    for (width, query) in [(120, "z"), (120, "rgzn"), (60, "人工智能"), (60, "s")] {
        let mut app = app(width, 36);
        app.update(OpenSearch);
        app.update(SearchInsert(query.into()));
        app.update(SearchSubmit);
        // The text has the focus: side by side, by Tab; on one pane, the search showed it.
        if app.focus() == dafu::app::Focus::Outline {
            app.update(SwitchFocus);
        }
        for _ in 0..3 {
            assert_matches_in_view_highlighted(&app);
            app.update(NextMatch);
            app.update(PageDown);
        }
    }
}

/// Where the current match starts: its block and byte.
fn current_match(app: &dafu::app::App) -> (usize, usize) {
    let search = app.search();
    let m = search.current.and_then(|i| search.matches.get(i));
    let m = m.expect("a current match");
    (m.block(), m.bytes().start)
}

/// Whether the line holding byte `byte` of block `block` is among the reading pane's rows as
/// the pane shows them: with the focus, which at a narrow width is when Tab has shown it.
fn in_view(app: &dafu::app::App, (block, byte): (usize, usize)) -> bool {
    use dafu::layout::{Focus, areas, inner};
    let (width, height) = app.size();
    let pane = areas(width, height, Focus::Reading)
        .reading
        .expect("room for the pane");
    app.reading()
        .lines_from(app.reading_top())
        .take(usize::from(inner(pane).height))
        .any(|(_, line)| line.block == block && line.range.contains(&byte))
}

/// The user's report: a match near the letter's end is in view on a wide screen, the screen
/// goes narrow (one pane, the outline's), Tab shows the text, and the match was gone from it.
#[test]
fn a_resize_keeps_the_current_match_in_view_and_tab_at_a_narrow_width_shows_it() {
    let mut app = app(120, 36);
    util::search(&mut app, "周岳");
    assert_eq!(app.search().matches.len(), 1, "the contact's name, once");
    let (place, matched) = (app.place(), current_match(&app));
    // On the letter's last page, far below its top line: a narrower pane wraps the lines
    // above it into more than a page.
    assert!(in_view(&app, matched));
    app.update(Resize {
        width: 60,
        height: 20,
    });
    assert_eq!(app.focus(), dafu::layout::Focus::Outline);
    assert!(in_view(&app, matched), "in the text Tab will show");
    app.update(SwitchFocus);
    assert!(in_view(&app, matched), "in the text Tab showed");
    app.update(Resize {
        width: 120,
        height: 36,
    });
    assert!(in_view(&app, matched), "and wide again");
    assert_eq!(
        app.place(),
        place,
        "the status row names the match's section"
    );
    assert_eq!(current_match(&app), matched);
}

/// A match the reader has scrolled away from is not their place: a resize keeps the words
/// at the top of the text, as it does without a search, and does not pull the match back.
#[test]
fn a_resize_leaves_a_match_scrolled_out_of_view_where_it_is() {
    let mut app = app(120, 36);
    util::search(&mut app, "周岳");
    let matched = current_match(&app);
    app.update(SwitchFocus);
    app.update(First);
    assert!(!in_view(&app, matched));
    let top = util::top_line(&app);
    app.update(Resize {
        width: 60,
        height: 20,
    });
    assert!(!in_view(&app, matched));
    let now = util::top_line(&app);
    assert_eq!(now.block, top.block);
    assert!(now.range.contains(&top.range.start), "{now:?} for {top:?}");
}

/// With one pane on a narrow screen, a search from the outline scrolls the text Tab will
/// show as a search from the text does, not as if the pane, hidden, had a single row (the
/// match on its first row).
#[test]
fn at_a_narrow_width_a_match_found_from_the_outline_shows_as_from_the_text() {
    let found = |tab_first: bool| {
        let mut app = app(60, 20);
        if tab_first {
            app.update(SwitchFocus);
        }
        util::search(&mut app, "抄送");
        if !tab_first {
            app.update(SwitchFocus);
        }
        assert!(in_view(&app, current_match(&app)));
        app.reading_top()
    };
    assert_eq!(found(false), found(true));
}

/// The node the match `i` of the active search stands in.
fn node_of_match(app: &dafu::app::App, i: usize) -> usize {
    let m = app.search().matches.get(i).expect("a match");
    app.tree().blocks[m.block()].node
}

#[test]
fn n_and_shift_n_go_on_from_where_the_reader_is_once_away_from_the_current_match() {
    let mut app = app(100, 30);
    app.update(ExpandAll);
    app.update(OpenSearch);
    app.update(SearchInsert("专利".into()));
    app.update(SearchSubmit);
    assert_eq!(app.search().matches.len(), 2);
    assert_eq!(app.search().current, Some(0));
    // In the outline: on the second match's node, away from the first, `n` finds the match
    // there, not the one after the first; `N` from there the one before it.
    let second = node_of_match(&app, 1);
    while app.selected() != second {
        app.update(Down);
    }
    app.update(NextMatch);
    assert_eq!(app.search().current, Some(1));
    app.update(First);
    app.update(Down);
    let before_both = app.selected();
    assert!(before_both < node_of_match(&app, 0));
    app.update(PrevMatch);
    assert_eq!(
        app.search().current,
        Some(1),
        "N from before both comes round to the last"
    );
    assert!(app.note().is_some(), "and says so");
    // In the text: the current match is the first; `g` goes back to the letter's start,
    // where it is out of view, and `n` finds the first match from there again, as less does,
    // rather than the second.
    app.update(SwitchFocus);
    app.update(PrevMatch);
    assert_eq!(app.search().current, Some(0));
    app.update(First);
    assert!(!in_view(&app, current_match(&app)));
    app.update(NextMatch);
    assert_eq!(app.search().current, Some(0));
    assert!(in_view(&app, current_match(&app)));
    // At the current match, `n` steps on from it.
    app.update(NextMatch);
    assert_eq!(app.search().current, Some(1));
}

/// A word seen only in dafu's own notes (提取, in the errata) is not the letter's: the search
/// finds nothing, and says that the notes hold it and are not searched, typed in pinyin too,
/// as the query is typed and after Enter. A word nowhere on the screen is only "no match".
#[test]
fn a_word_only_in_dafus_notes_is_not_found_and_the_reader_is_told_why() {
    let strings = dafu::strings::Lang::Zh.strings();
    for (query, said) in [
        ("提取", strings.only_in_notes),
        ("tiqu", strings.only_in_notes),
        ("zzzq", strings.no_match),
    ] {
        let mut app = app(120, 36);
        app.update(OpenSearch);
        app.update(SearchInsert(query.into()));
        let prompt = screen(&app).lines().last().unwrap().to_string();
        assert!(prompt.contains(said), "{query} as typed: {prompt}");
        app.update(SearchSubmit);
        assert!(app.search().matches.is_empty(), "{query}");
        assert_eq!(app.note().map(|n| n.text.as_str()), Some(said), "{query}");
        let status = screen(&app).lines().last().unwrap().to_string();
        assert!(status.contains(said), "{query}: {status}");
        // `n` after it says the same.
        app.update(NextMatch);
        assert_eq!(
            app.note().map(|n| n.text.as_str()),
            Some(said),
            "{query}: n"
        );
    }
}

/// At 44 columns, in either language, the note that a word is only in dafu's notes is said
/// whole: the position and the search's count make room for it, and come back with the
/// next key.
#[test]
fn the_only_in_notes_note_is_whole_at_44_columns() {
    use dafu::letter::tree::LetterTree;
    use dafu::strings::Lang;
    for lang in [Lang::Zh, Lang::En] {
        let tree = LetterTree::in_lang(dafu::letter::load::embedded(), lang);
        let mut app = dafu::app::App::new(
            tree,
            lang,
            dafu::text::width::AmbiguousWidth::Narrow,
            (44, 20),
        );
        app.update(OpenSearch);
        app.update(SearchInsert("提取".into()));
        app.update(SearchSubmit);
        let said = lang.strings().only_in_notes;
        let status = screen(&app).lines().last().unwrap().to_string();
        assert!(status.contains(said), "{lang:?}: {status}");
        app.update(Down);
        let status = screen(&app).lines().last().unwrap().to_string();
        assert!(
            !status.contains(said),
            "{lang:?}: the note goes with the next key: {status}"
        );
        assert!(
            status.contains("0/0"),
            "{lang:?}: the count is back: {status}"
        );
    }
    // A note too long for the row even alone is cut, and takes nothing else's room.
    let tree = LetterTree::in_lang(dafu::letter::load::embedded(), Lang::En);
    let mut app = dafu::app::App::new(
        tree,
        Lang::En,
        dafu::text::width::AmbiguousWidth::Narrow,
        (40, 20),
    );
    util::search(&mut app, "提取");
    let status = screen(&app).lines().last().unwrap().to_string();
    assert!(status.contains("0/0"), "{status}");
}

/// Spaces alone are no query: the prompt counts nothing while they are typed, and Enter on
/// them is an empty Enter (no search yet: the status row says there is none), not 无匹配.
#[test]
fn spaces_alone_are_no_query() {
    let strings = dafu::strings::Lang::Zh.strings();
    let mut app = app(120, 36);
    app.update(OpenSearch);
    app.update(SearchInsert("  ".into()));
    let prompt = screen(&app).lines().last().unwrap().to_string();
    assert!(!prompt.contains(strings.no_match), "{prompt}");
    app.update(SearchSubmit);
    let status = screen(&app).lines().last().unwrap().to_string();
    assert!(!status.contains(strings.no_match), "{status}");
    assert_eq!(app.note().map(|n| n.text.as_str()), Some(strings.no_search));
    assert!(app.search().query.is_empty());
    // With a search before, spaces and Enter go on to its next match, as an empty Enter does.
    util::search(&mut app, "人工智能");
    let first = app.search().current;
    app.update(OpenSearch);
    app.update(SearchInsert(" ".into()));
    app.update(SearchSubmit);
    assert_eq!(app.search().query, "人工智能");
    assert_ne!(app.search().current, first);
}

/// A reader with the Chinese for part of a word types it, and pinyin for the rest: 人工 then
/// `zn` finds 人工智能 wherever it stands, and only there, at each keystroke.
#[test]
fn characters_and_pinyin_in_one_query_find_the_word() {
    let mut app = app(120, 36);
    let whole = expected_count(&app, "人工智能");
    assert_eq!(whole, 47);
    app.update(OpenSearch);
    app.update(SearchInsert("人工".into()));
    let mut typed = String::from("人工");
    for c in ["z", "n"] {
        typed.push_str(c);
        app.update(SearchInsert(c.into()));
        assert_eq!(
            app.search().matches.len(),
            expected_count(&app, &typed),
            "after typing {typed}"
        );
    }
    assert_eq!(app.search().matches.len(), whole);
    for query in ["rg智能", "人gong智neng"] {
        assert_eq!(expected_count(&app, query), whole, "{query}");
    }
}

/// With one pane on the screen (80 columns), a search that goes to a match shows the text
/// there, where the match is, not the outline's line for its node; while the query is typed
/// the outline stays, following it. Side by side (120 columns), the focus stays where it was.
#[test]
fn on_one_pane_a_search_shows_the_text_at_its_match() {
    for (width, text_shown) in [(80, true), (120, false)] {
        let mut app = app(width, 24);
        app.update(OpenSearch);
        app.update(SearchInsert("医疗".into()));
        assert_eq!(app.focus(), dafu::app::Focus::Outline, "{width}: typing");
        app.update(SearchSubmit);
        let expected = if text_shown {
            dafu::app::Focus::Reading
        } else {
            dafu::app::Focus::Outline
        };
        assert_eq!(app.focus(), expected, "{width}: after Enter");
        let shot = screen(&app);
        assert!(
            shot.contains("智慧医疗"),
            "{width}: the match is on the screen\n{shot}"
        );
        if text_shown {
            app.update(SwitchFocus);
            assert_eq!(app.focus(), dafu::app::Focus::Outline);
            app.update(NextMatch);
            assert_eq!(
                app.focus(),
                dafu::app::Focus::Reading,
                "n shows the text too"
            );
            assert!(screen(&app).contains("医疗"), "{}", screen(&app));
        }
    }
}

/// On a narrow screen a long query is quoted cut short, and the count, which `n` moves,
/// stays whole on the status row.
#[test]
fn a_long_query_is_cut_so_that_its_count_stays_whole() {
    let mut app = app(40, 15);
    app.update(OpenSearch);
    app.update(SearchInsert("人工智能与数字经济产业发展实施意见".into()));
    app.update(SearchSubmit);
    let n = app.search().matches.len();
    assert!(n > 0);
    let status = screen(&app).lines().last().unwrap().to_string();
    assert!(status.contains(&format!("」 1/{n} ")), "{status}");
    assert!(status.contains("「人工智能…」"), "{status}");
}
