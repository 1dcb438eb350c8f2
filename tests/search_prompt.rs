//! The search prompt as readline and less users expect it: Esc gives back the search that was
//! there before, ↑/↓ recall earlier queries, Ctrl-U/Ctrl-K/Ctrl-W/Ctrl-A/Ctrl-E and ←/→ edit by
//! character, the visible part of a long query follows the caret, and `lue`/`nue` are pinyin.

mod util;

use dafu::action::Action::*;
use dafu::action::Message;
use dafu::app::App;
use dafu::keymap::action_for;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use util::app;

/// Types `text` into the open prompt, a character at a time, as a keyboard does.
fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(SearchInsert(c.to_string()));
    }
}

/// A search for `query`, finished with Enter.
fn search(app: &mut App, query: &str) {
    app.update(OpenSearch);
    type_text(app, query);
    app.update(SearchSubmit);
}

#[test]
fn zhanlue_finds_what_zhanlve_finds() {
    let mut app = app(120, 36);
    search(&mut app, "zhanlve");
    let lve = app.search().matches.clone();
    assert_eq!(lve.len(), 7, "战略 in the letter");
    search(&mut app, "zhanlue");
    assert_eq!(app.search().matches, lve);
}

/// Presses a key as the terminal reports it, through the key table.
fn press(app: &mut App, code: KeyCode, modifiers: KeyModifiers) {
    let event = Event::Key(KeyEvent::new(code, modifiers));
    let action = action_for(app, &event).unwrap_or_else(|| panic!("{code:?} is bound"));
    app.update(action);
}

fn key(app: &mut App, code: KeyCode) {
    press(app, code, KeyModifiers::NONE);
}

fn ctrl(app: &mut App, c: char) {
    press(app, KeyCode::Char(c), KeyModifiers::CONTROL);
}

/// Types `text` through the key table, as a keyboard (or an input method) does.
fn type_keys(app: &mut App, text: &str) {
    for c in text.chars() {
        key(app, KeyCode::Char(c));
    }
}

/// The prompt's query and caret (in characters).
fn prompt(app: &App) -> (String, usize) {
    (app.search().query.clone(), app.search().caret)
}

#[test]
fn escape_from_a_new_search_brings_back_the_previous_one_and_n_goes_on() {
    let mut app = app(120, 36);
    key(&mut app, KeyCode::Char('/'));
    type_keys(&mut app, "银行");
    key(&mut app, KeyCode::Enter);
    let matches = app.search().matches.clone();
    assert!(matches.len() > 1, "银行 is in the letter more than once");
    key(&mut app, KeyCode::Char('n'));
    assert_eq!(app.search().current, Some(1));
    let (top, selected) = (app.reading_top(), app.selected());
    key(&mut app, KeyCode::Char('/'));
    type_keys(&mut app, "优势");
    assert_ne!(app.search().matches, matches);
    key(&mut app, KeyCode::Esc);
    assert!(!app.search().editing);
    assert_eq!(app.search().query, "银行");
    assert_eq!(app.search().matches, matches);
    assert_eq!(
        app.search().current,
        Some(1),
        "the current match is kept too"
    );
    assert_eq!((app.reading_top(), app.selected()), (top, selected));
    let status = util::screen(&app).lines().last().unwrap().to_string();
    assert!(
        status.contains(&format!("「银行」 2/{}", matches.len())),
        "{status}"
    );
    key(&mut app, KeyCode::Char('n'));
    assert_eq!(
        app.search().current,
        Some(2),
        "n goes on from the kept search"
    );
}

#[test]
fn backspace_on_an_empty_prompt_also_keeps_the_previous_search() {
    let mut app = app(120, 36);
    search(&mut app, "银行");
    key(&mut app, KeyCode::Char('/'));
    key(&mut app, KeyCode::Backspace);
    assert!(!app.search().editing);
    assert_eq!(app.search().query, "银行");
    assert!(!app.search().matches.is_empty());
}

#[test]
fn escape_with_no_earlier_search_leaves_none() {
    let mut app = app(120, 36);
    key(&mut app, KeyCode::Char('/'));
    type_keys(&mut app, "优势");
    key(&mut app, KeyCode::Esc);
    assert!(app.search().query.is_empty());
    assert!(app.search().matches.is_empty());
}

#[test]
fn up_and_down_walk_the_history_and_give_back_what_was_typed() {
    let mut app = app(120, 36);
    for query in ["银行", "优势", "rgzn"] {
        search(&mut app, query);
    }
    key(&mut app, KeyCode::Char('/'));
    type_keys(&mut app, "zh");
    key(&mut app, KeyCode::Up);
    assert_eq!(
        prompt(&app),
        ("rgzn".into(), 4),
        "the newest first, caret at its end"
    );
    assert!(
        !app.search().matches.is_empty(),
        "a recalled query is searched"
    );
    key(&mut app, KeyCode::Up);
    assert_eq!(prompt(&app).0, "优势");
    key(&mut app, KeyCode::Up);
    assert_eq!(prompt(&app).0, "银行");
    key(&mut app, KeyCode::Up);
    assert_eq!(prompt(&app).0, "银行", "the oldest stays");
    key(&mut app, KeyCode::Down);
    assert_eq!(prompt(&app).0, "优势");
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Down);
    assert_eq!(
        prompt(&app),
        ("zh".into(), 2),
        "past the newest: what was typed"
    );
    key(&mut app, KeyCode::Down);
    assert_eq!(prompt(&app).0, "zh");
}

#[test]
fn a_repeated_query_moves_to_the_front_of_the_history_once() {
    let mut app = app(120, 36);
    for query in ["银行", "优势", "银行"] {
        search(&mut app, query);
    }
    assert_eq!(app.search().history(), ["优势", "银行"]);
    key(&mut app, KeyCode::Char('/'));
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.search().history(), ["优势", "银行"], "Esc adds nothing");
}

#[test]
fn ctrl_u_deletes_before_the_caret_and_ctrl_k_after_it() {
    let mut app = app(120, 36);
    key(&mut app, KeyCode::Char('/'));
    type_keys(&mut app, "人工智能产业");
    for _ in 0..2 {
        key(&mut app, KeyCode::Left);
    }
    ctrl(&mut app, 'u');
    assert_eq!(prompt(&app), ("产业".into(), 0));
    assert!(app.search().editing, "Ctrl-U edits; it does not page");
    type_keys(&mut app, "人工");
    ctrl(&mut app, 'k');
    assert_eq!(prompt(&app), ("人工".into(), 2));
    assert_eq!(app.search().matches.len(), {
        let mut other = util::app(120, 36);
        search(&mut other, "人工");
        other.search().matches.len()
    });
}

#[test]
fn ctrl_w_deletes_the_word_before_the_caret() {
    let mut app = app(120, 36);
    key(&mut app, KeyCode::Char('/'));
    type_keys(&mut app, "zhong shan");
    ctrl(&mut app, 'w');
    assert_eq!(prompt(&app), ("zhong ".into(), 6));
    ctrl(&mut app, 'w');
    assert_eq!(prompt(&app), (String::new(), 0));
}

#[test]
fn ctrl_a_ctrl_e_and_the_arrows_move_by_character() {
    let mut app = app(120, 36);
    key(&mut app, KeyCode::Char('/'));
    type_keys(&mut app, "人工智能");
    ctrl(&mut app, 'a');
    assert_eq!(prompt(&app).1, 0);
    key(&mut app, KeyCode::Left);
    assert_eq!(prompt(&app).1, 0, "not before the start");
    key(&mut app, KeyCode::Right);
    assert_eq!(prompt(&app).1, 1, "one character, though 人 is two columns");
    type_keys(&mut app, "x");
    assert_eq!(prompt(&app), ("人x工智能".into(), 2));
    ctrl(&mut app, 'e');
    assert_eq!(prompt(&app).1, 5);
    key(&mut app, KeyCode::Right);
    assert_eq!(prompt(&app).1, 5, "not past the end");
    key(&mut app, KeyCode::Home);
    assert_eq!(prompt(&app).1, 0);
    key(&mut app, KeyCode::End);
    assert_eq!(prompt(&app).1, 5);
    key(&mut app, KeyCode::Left);
    key(&mut app, KeyCode::Delete);
    assert_eq!(prompt(&app), ("人x工智".into(), 4));
}

#[test]
fn a_long_query_shows_the_part_around_the_caret() {
    let mut app = app(60, 20);
    key(&mut app, KeyCode::Char('/'));
    let query = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    type_keys(&mut app, query);
    let mut terminal = util::draw(&app);
    let status = util::buffer_text(terminal.backend().buffer());
    let status = status.lines().last().unwrap().to_string();
    assert!(status.contains("XYZ"), "the caret's end is shown: {status}");
    assert!(!status.contains("abc"), "{status}");
    let cursor = terminal.get_cursor_position().unwrap();
    assert!(cursor.x < 60, "the caret is on screen");
    let before = terminal.backend().buffer()[(cursor.x - 1, cursor.y)].symbol();
    assert_eq!(before, "Z", "the caret follows Z: {status}");
    ctrl(&mut app, 'a');
    let mut terminal = util::draw(&app);
    let status = util::buffer_text(terminal.backend().buffer());
    let status = status.lines().last().unwrap().to_string();
    assert!(status.contains("搜索：abc"), "{status}");
    assert!(
        status.contains("…  无匹配"),
        "the cut end is marked: {status}"
    );
    assert_eq!(terminal.get_cursor_position().unwrap().x, 6);
}

// ----- the index, built in the background (issue 15) -----

/// The index the runner builds on its worker, handed over as the runner hands it.
fn index_ready(app: &App) -> Message {
    let index = dafu::search::letter::ReaderIndex::build(app.tree(), app.lang());
    Message::IndexReady(Box::new(index))
}

/// What a reader shows of a search: its query, matches, current one and whether the prompt
/// is open; where the reader is; the outline's rows and their marks; the status note.
fn seen(app: &App) -> String {
    let search = app.search();
    format!(
        "{:?} {:?} {:?} {} | {:?} {:?} {} {:?} | {:?} {:?} | {:?}",
        search.query,
        search.matches,
        search.current,
        search.editing,
        app.selected(),
        app.reading_top(),
        app.outline_offset(),
        app.visible_nodes(),
        (0..app.tree().nodes.len())
            .map(|id| search.own_match(app.tree(), id))
            .collect::<Vec<_>>(),
        search.row_matches,
        app.note(),
    )
}

/// Runs `keys` on a reader whose index is ready, and on one whose index comes after them:
/// once it has come, the two agree.
fn same_after_the_index_comes(keys: &[dafu::action::Action]) {
    let mut ready = app(120, 36);
    let mut waiting = app(120, 36);
    waiting.update(Message::IndexComing);
    for key in keys {
        ready.update(key.clone());
        waiting.update(key.clone());
    }
    assert!(waiting.search().waiting(), "{keys:?}: nothing waits");
    let built = index_ready(&waiting);
    waiting.update(built);
    assert!(!waiting.search().waiting());
    assert_eq!(seen(&waiting), seen(&ready), "{keys:?}");
    // And the screens: the text a late query moved to is wrapped and drawn.
    assert_eq!(util::screen(&waiting), util::screen(&ready), "{keys:?}");
}

#[test]
fn a_query_typed_before_the_index_comes_runs_when_it_comes() {
    let typed = [
        OpenSearch,
        SearchInsert("r".into()),
        SearchInsert("gzn".into()),
    ];
    same_after_the_index_comes(&typed);
    // Enter meanwhile: the query is kept, and Enter's jump happens when it runs.
    let entered = [typed.as_slice(), &[SearchSubmit]].concat();
    same_after_the_index_comes(&entered);
    // A second prompt abandoned with Esc gives the first search back, still to be run.
    let abandoned = [
        entered.as_slice(),
        &[OpenSearch, SearchInsert("x".into()), SearchCancel],
    ]
    .concat();
    same_after_the_index_comes(&abandoned);
    // A query whose only match is far from the start moves the view there.
    same_after_the_index_comes(&[OpenSearch, SearchInsert("2381家".into()), SearchSubmit]);
    // A query that finds nothing says so when it has run.
    same_after_the_index_comes(&[OpenSearch, SearchInsert("qqqq".into()), SearchSubmit]);
}

#[test]
fn keys_that_need_matches_say_the_index_is_coming() {
    let mut app = app(120, 36);
    app.update(Message::IndexComing);
    search(&mut app, "rgzn");
    let before = (app.selected(), app.reading_top());
    for key in [NextMatch, PrevMatch, ToggleFilter] {
        app.update(key.clone());
        assert_eq!(
            app.note().map(|n| n.text.as_str()),
            Some("正在准备索引…"),
            "{key:?}"
        );
        assert_eq!((app.selected(), app.reading_top()), before, "{key:?}");
        assert_eq!(app.search().query, "rgzn");
    }
    let built = index_ready(&app);
    app.update(built);
    assert_eq!(app.note(), None, "the note about the index is out of date");
    assert!(!app.search().matches.is_empty());
}

/// A one-character query's matches are placed when asked; the filter still lists exactly the
/// nodes whose text, or whose descendants' text, holds one, and the outline marks exactly the
/// rows whose own text does.
#[test]
fn the_filter_on_one_character_lists_the_nodes_that_hold_its_matches() {
    let mut app = app(120, 36);
    search(&mut app, "科");
    let tree = app.tree().clone();
    let blocks: Vec<usize> = app.search().matches.iter().map(|m| m.block()).collect();
    assert!(blocks.len() > 10, "{}", blocks.len());
    let holds = |range: &std::ops::Range<usize>| blocks.iter().any(|b| range.contains(b));
    for (id, node) in tree.nodes.iter().enumerate() {
        assert_eq!(
            app.search().own_match(&tree, id),
            holds(&node.blocks),
            "node {id}"
        );
    }
    app.update(ToggleFilter);
    let want: Vec<usize> = (0..tree.nodes.len())
        .filter(|&id| holds(&tree.nodes[id].subtree_blocks))
        .collect();
    assert!(want.len() < tree.nodes.len(), "some node holds no 科");
    assert_eq!(app.visible_nodes(), want);
}
