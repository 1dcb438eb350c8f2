//! The place kept between runs, as less and e-book readers keep it: the reading position and
//! open sections per letter, marks (`m` + letter, `'` + letter, `''`), and the search history,
//! in the XDG state directory. A damaged, foreign or newer state file is ignored with a note.

mod util;

mod binary;
#[path = "util/pty.rs"]
mod pty;

use dafu::action::Action::*;
use dafu::action::Message;
use dafu::app::App;
use dafu::app::place::{Place, Restore, StateProblem};
use dafu::keymap::action_for;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use util::{app, screen, selected_key};

/// Presses the keys of `keys` (plain characters) through the key table.
fn keys(app: &mut App, keys: &str) {
    for c in keys.chars() {
        let event = Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
        let action = action_for(app, &event).unwrap_or_else(|| panic!("{c} is bound"));
        app.update(action);
    }
}

fn status(app: &App) -> String {
    screen(app).lines().last().unwrap().to_string()
}

fn restore(app: &mut App, restore: Restore) {
    app.update(Message::Restore(Box::new(restore)));
}

#[test]
fn a_mark_brings_the_reader_back_to_where_it_was_set() {
    let mut app = app(120, 36);
    app.update(JumpToSuggestion(3));
    app.update(SwitchFocus);
    keys(&mut app, "jjj");
    let (top, selected) = (app.reading_top(), app.selected());
    keys(&mut app, "ma");
    assert!(status(&app).contains("已设书签 a"), "{}", status(&app));
    keys(&mut app, "G");
    assert_ne!(app.reading_top(), top);
    keys(&mut app, "'a");
    assert_eq!((app.reading_top(), app.selected()), (top, selected));
}

#[test]
fn quote_quote_goes_back_to_before_the_last_jump_and_back_again() {
    let mut app = app(120, 36);
    app.update(SwitchFocus);
    keys(&mut app, "jj");
    let before = app.reading_top();
    keys(&mut app, "G");
    let end = app.reading_top();
    assert_ne!(before, end);
    keys(&mut app, "''");
    assert_eq!(app.reading_top(), before, "'' undoes G");
    keys(&mut app, "''");
    assert_eq!(app.reading_top(), end, "and pressed again, comes back");
}

#[test]
fn quote_quote_goes_back_to_before_a_search() {
    let mut app = app(120, 36);
    let before = (app.reading_top(), app.selected());
    keys(&mut app, "/");
    for c in "抄送".chars() {
        app.update(SearchInsert(c.to_string()));
    }
    app.update(SearchSubmit);
    assert_ne!((app.reading_top(), app.selected()), before);
    keys(&mut app, "''");
    assert_eq!((app.reading_top(), app.selected()), before);
}

#[test]
fn an_unset_mark_or_a_non_letter_says_so_and_moves_nothing() {
    let mut app = app(120, 36);
    let top = app.reading_top();
    keys(&mut app, "'q");
    assert!(status(&app).contains("没有这个书签：q"), "{}", status(&app));
    assert!(
        !app.should_quit(),
        "q after ' names a mark; it does not quit"
    );
    keys(&mut app, "m3");
    assert!(status(&app).contains("书签用字母"), "{}", status(&app));
    keys(&mut app, "''");
    assert!(status(&app).contains("还没有跳转过"), "{}", status(&app));
    assert_eq!(app.reading_top(), top);
}

#[test]
fn escape_after_m_sets_no_mark() {
    let mut app = app(120, 36);
    keys(&mut app, "m");
    app.update(Escape);
    assert_eq!(app.mark_key(), None);
    keys(&mut app, "j");
    assert_eq!(selected_key(&app), "s1", "j moves again");
    assert!(app.kept_place().marks.is_empty());
}

#[test]
fn a_kept_place_opens_at_the_same_words_at_another_width() {
    let mut app = app(120, 36);
    app.update(JumpToSuggestion(4));
    app.update(Expand);
    app.update(SwitchFocus);
    keys(&mut app, "jjjjmb");
    let kept = app.kept_place();
    let at = kept.at.unwrap();
    let mut again = util::app(100, 30);
    restore(
        &mut again,
        Restore {
            place: Some(kept.clone()),
            history: vec!["银行".into()],
            problem: None,
        },
    );
    assert_eq!(again.selected(), app.selected());
    assert_eq!(again.expanded(), app.expanded());
    let line = util::top_line(&again);
    assert_eq!(line.block, at.block);
    let text = &again.tree().blocks[at.block].text;
    assert!(
        line.range.contains(&at.byte) || (line.range.is_empty() && at.byte == text.len()),
        "{line:?} for {at:?}"
    );
    assert_eq!(again.kept_place().marks, kept.marks);
    assert_eq!(again.search().history(), ["银行"]);
    assert!(again.note().is_none());
}

#[test]
fn an_outline_collapsed_all_the_way_stays_collapsed() {
    let mut app = app(120, 36);
    keys(&mut app, "C");
    let kept = app.kept_place();
    assert!(kept.expanded.is_empty());
    let mut again = util::app(120, 36);
    assert!(
        again.expanded().iter().any(|&e| e),
        "top level opens by default"
    );
    restore(
        &mut again,
        Restore {
            place: Some(kept),
            ..Restore::default()
        },
    );
    assert!(again.expanded().iter().all(|&e| !e));
}

#[test]
fn a_place_that_does_not_fit_the_letter_is_left_out() {
    let mut app = app(120, 36);
    let fresh = app.kept_place();
    let wild = dafu::app::place::Spot {
        node: 100_000,
        block: 5,
        byte: usize::MAX,
    };
    restore(
        &mut app,
        Restore {
            place: Some(Place {
                at: Some(wild),
                expanded: vec![1, 999_999],
                marks: [('a', wild), ('1', fresh.at.unwrap())]
                    .into_iter()
                    .collect(),
                ..Place::default()
            }),
            history: vec!["\u{1b}]0;title\u{7}x".into(), String::new()],
            problem: None,
        },
    );
    assert_eq!(app.kept_place(), fresh, "nothing of it was taken");
    let history = app.search().history();
    assert_eq!(history.len(), 1);
    assert!(
        !history[0].contains('\u{1b}'),
        "a query from the file is made inert"
    );
}

#[test]
fn reopening_gives_the_focus_back_to_the_pane_that_had_it() {
    for (w, h) in [(120, 36), (80, 24)] {
        let mut before = app(w, h);
        before.update(JumpToSuggestion(2));
        before.update(SwitchFocus);
        keys(&mut before, "jj");
        let kept = before.kept_place();
        let mut after = app(w, h);
        restore(
            &mut after,
            Restore {
                place: Some(kept),
                ..Restore::default()
            },
        );
        assert_eq!(after.focus(), dafu::app::Focus::Reading, "{w}×{h}");
        assert_eq!(after.reading_top(), before.reading_top(), "{w}×{h}");
        // The narrow screen shows the text, as it did.
        assert!(
            screen(&after).lines().nth(1).unwrap().contains("正文"),
            "{w}×{h}"
        );
    }
}

#[test]
fn a_place_kept_before_the_focus_was_opens_in_the_outline() {
    let old = r#"{"at":{"node":3,"block":4,"byte":0},"expanded":[1],"marks":{}}"#;
    let place: Place = serde_json::from_str(old).expect("an older place still reads");
    assert_eq!(place.focus, dafu::app::Focus::Outline);
}

#[test]
fn a_byte_inside_a_character_is_no_panic() {
    let mut app = app(120, 36);
    let spot = dafu::app::place::Spot {
        node: 1,
        block: 1,
        byte: 1,
    };
    restore(
        &mut app,
        Restore {
            place: Some(Place {
                at: Some(spot),
                ..Place::default()
            }),
            ..Restore::default()
        },
    );
    assert_eq!(app.selected(), 1);
}

#[test]
fn an_ignored_state_file_is_named_in_the_status_row() {
    for (problem, note) in [
        (StateProblem::Damaged, "状态文件已损坏"),
        (StateProblem::Foreign, "不是 dafu 的"),
        (StateProblem::Newer, "更新版本"),
        (StateProblem::Unreadable, "无法读取"),
    ] {
        let mut app = app(120, 36);
        restore(
            &mut app,
            Restore {
                problem: Some(problem),
                ..Restore::default()
            },
        );
        assert!(status(&app).contains(note), "{problem:?}: {}", status(&app));
        assert_eq!(app.selected(), 0, "the reader opens at the top");
    }
}

#[test]
fn a_query_searched_before_a_slow_store_answers_stays_in_the_history() {
    let mut app = app(120, 36);
    keys(&mut app, "/");
    for c in "抄送".chars() {
        app.update(SearchInsert(c.to_string()));
    }
    app.update(SearchSubmit);
    restore(
        &mut app,
        Restore {
            history: vec!["银行".into(), "抄送".into(), "科技".into()],
            ..Restore::default()
        },
    );
    assert_eq!(app.search().history(), ["银行", "科技", "抄送"]);
}

#[test]
fn a_note_given_before_a_slow_store_answers_stays() {
    let mut app = app(120, 36);
    keys(&mut app, "m3");
    assert!(status(&app).contains("书签用字母"), "{}", status(&app));
    restore(&mut app, Restore::default());
    assert!(status(&app).contains("书签用字母"), "{}", status(&app));
}

// ----- the store on disk -----

use dafu::kept::ShelfPlace;
use dafu::state::{self, Base, Change};

/// A change that keeps `place` and `history` for the letter keyed `key`, from nothing.
fn change(key: &str, place: Place, history: &[&str]) -> Change {
    Change {
        key: key.into(),
        place,
        history: history.iter().map(ToString::to_string).collect(),
        base: Base::default(),
    }
}

fn spot(node: usize) -> dafu::app::place::Spot {
    dafu::app::place::Spot {
        node,
        block: node,
        byte: 0,
    }
}

#[test]
fn saving_and_loading_keep_one_letter_without_losing_another() {
    let dir = pty::TempDir::new("save");
    let path = dir.join("dafu/state.db");
    let app = {
        let mut app = app(120, 36);
        app.update(JumpToSuggestion(2));
        keys(&mut app, "mx");
        app
    };
    state::save(&path, &change("other", Place::default(), &["a"])).unwrap();
    let key = state::letter_key(app.tree());
    state::save(&path, &change(&key, app.kept_place(), &["a", "银行"])).unwrap();
    let restored = state::load(&path, &key);
    assert_eq!(restored.problem, None);
    assert_eq!(restored.place, Some(app.kept_place()));
    assert_eq!(restored.history, ["a", "银行"]);
    assert_eq!(state::load(&path, "other").place, Some(Place::default()));
}

/// The shelf has no letter open: it reads its own place and the history, and adds its
/// queries after those a letter searched, leaving every letter's place as it was.
#[test]
fn the_shelf_keeps_its_place_and_adds_only_what_it_searched() {
    let dir = pty::TempDir::new("shelf-history");
    let path = dir.join("dafu/state.db");
    let owned =
        |queries: &[&str]| -> Vec<String> { queries.iter().map(ToString::to_string).collect() };
    let key = state::shelf_key(&[dir.join("letters")]);
    state::save(&path, &change("k", Place::default(), &["a", "b"])).unwrap();
    let given = state::load_shelf(&path, &key);
    assert_eq!((given.place, given.problem), (None, None));
    assert_eq!(given.history, ["a", "b"]);
    // A letter searched c meanwhile; the shelf searched a again, then d, sorted by date and
    // stopped on a letter.
    state::save(&path, &change("k", Place::default(), &["a", "b", "c"])).unwrap();
    let place = ShelfPlace {
        sort: "date".into(),
        file: Some("b.yaml".into()),
    };
    state::save_shelf(
        &path,
        &key,
        Some(&place),
        &given.history,
        &owned(&["b", "a", "d"]),
    )
    .unwrap();
    let again = state::load_shelf(&path, &key);
    assert_eq!(again.history, ["b", "c", "a", "d"]);
    assert_eq!(again.place, Some(place));
    assert_eq!(state::load(&path, "k").place, Some(Place::default()));
    // Another folder has a place of its own.
    let other = state::shelf_key(&[dir.join("other")]);
    assert_ne!(other, key);
    assert_eq!(state::load_shelf(&path, &other).place, None);
}

#[test]
fn two_readers_saving_from_the_same_start_keep_both_marks_and_both_histories() {
    let dir = pty::TempDir::new("merge");
    let path = dir.join("dafu/state.db");
    let start = Place {
        marks: [('a', spot(1))].into_iter().collect(),
        ..Place::default()
    };
    state::save(&path, &change("k", start.clone(), &["old"])).unwrap();
    let given = state::load(&path, "k");
    let base = Base {
        marks: start.marks.clone(),
        history: given.history.clone(),
    };
    // Both readers started from the same place and history; each set a mark and searched.
    let mut first = start.clone();
    first.marks.insert('b', spot(2));
    let mut second = start.clone();
    second.marks.insert('c', spot(3));
    second.at = Some(spot(3));
    for (place, query) in [(first, "第一"), (second.clone(), "第二")] {
        let history = vec!["old".to_string(), query.to_string()];
        let change = Change {
            key: "k".into(),
            place,
            history,
            base: base.clone(),
        };
        state::save(&path, &change).unwrap();
    }
    let kept = state::load(&path, "k");
    let place = kept.place.unwrap();
    assert_eq!(
        place.marks.keys().copied().collect::<String>(),
        "abc",
        "the second save kept the first's mark"
    );
    assert_eq!(place.at, second.at, "the place is the last reader's");
    assert_eq!(kept.history, ["old", "第一", "第二"]);
}

#[test]
fn sixty_thousand_kept_places_are_pruned_by_one_save_in_linear_time() {
    let dir = pty::TempDir::new("prune");
    let path = dir.join("dafu/state.db");
    state::save(&path, &change("first", Place::default(), &[])).unwrap();
    {
        // As many places as 60,000 letters read, put there by hand: the store's own saves
        // never keep more than MAX_LETTERS.
        let mut store = rusqlite::Connection::open(&path).unwrap();
        let fill = store.transaction().unwrap();
        let place = serde_json::to_string(&Place::default()).unwrap();
        for n in 0..60_000_i64 {
            fill.execute(
                "INSERT INTO places (letter, used, place) VALUES (?1, ?2, ?3)",
                rusqlite::params![format!("letter{n}"), n + 10, place],
            )
            .unwrap();
        }
        fill.commit().unwrap();
    }
    let path_in_thread = path.clone();
    binary::wait::on_a_thread("a save pruning 60,000 places", move || {
        state::save(&path_in_thread, &change("last", Place::default(), &[])).unwrap();
    });
    let store = rusqlite::Connection::open(&path).unwrap();
    let count: i64 = store
        .query_row("SELECT count(*) FROM places", [], |row| row.get(0))
        .unwrap();
    assert_eq!(count, state::MAX_LETTERS as i64);
    assert!(
        state::load(&path, "last").place.is_some(),
        "the newest is kept"
    );
    assert!(state::load(&path, "letter59999").place.is_some());
    assert!(
        state::load(&path, "letter0").place.is_none(),
        "the oldest go"
    );
}

#[test]
fn a_damaged_foreign_or_newer_store_is_set_aside_with_a_note_and_a_new_one_made() {
    let dir = pty::TempDir::new("aside");
    std::fs::create_dir_all(dir.join("dafu")).unwrap();
    let path = dir.join("dafu/state.db");
    let newer = || {
        let store = rusqlite::Connection::open(&path).unwrap();
        store.execute_batch("CREATE TABLE future (x);").unwrap();
        store
            .pragma_update(None, "application_id", 0x6461_6673)
            .unwrap();
        store.pragma_update(None, "user_version", 99).unwrap();
    };
    let foreign = || {
        let store = rusqlite::Connection::open(&path).unwrap();
        store.execute_batch("CREATE TABLE moz_places (x);").unwrap();
    };
    let damaged = || std::fs::write(&path, "{\"format\":\"dafu-state\",\"vers").unwrap();
    let cases: [(&dyn Fn(), StateProblem, &str); 3] = [
        (&newer, StateProblem::Newer, "newer"),
        (&foreign, StateProblem::Foreign, "foreign"),
        (&damaged, StateProblem::Damaged, "damaged"),
    ];
    for (make, problem, word) in cases {
        make();
        assert_eq!(state::load(&path, "k").problem, Some(problem));
        let aside: Vec<String> = std::fs::read_dir(dir.join("dafu"))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|name| name.starts_with(&format!("state.db.{word}-")))
            .collect();
        assert_eq!(aside.len(), 1, "set aside, not deleted: {aside:?}");
        state::save(&path, &change("k", Place::default(), &["x"])).unwrap();
        let again = state::load(&path, "k");
        assert_eq!(
            (again.problem, again.history),
            (None, vec!["x".to_string()])
        );
        std::fs::remove_file(&path).unwrap();
        for companion in ["-wal", "-shm"] {
            let _ = std::fs::remove_file(dir.join(format!("dafu/state.db{companion}")));
        }
    }
}

#[test]
fn links_planted_at_the_store_and_its_companions_are_not_followed() {
    let dir = pty::TempDir::new("links");
    std::fs::create_dir_all(dir.join("dafu")).unwrap();
    let precious = dir.join("precious");
    std::fs::write(&precious, "mine").unwrap();
    for name in ["state.db", "state.db-wal", "state.db-shm"] {
        std::os::unix::fs::symlink(&precious, dir.join("dafu").join(name)).unwrap();
    }
    let path = dir.join("dafu/state.db");
    state::save(&path, &change("k", Place::default(), &["x"])).unwrap();
    assert_eq!(state::load(&path, "k").history, ["x"]);
    assert_eq!(std::fs::read_to_string(&precious).unwrap(), "mine");
    let kept = std::fs::symlink_metadata(&path).unwrap();
    assert!(kept.file_type().is_file(), "the store is a file of its own");
}

/// The test of 60,000 places above, within 10 s: linear work takes well under a
/// second, quadratic minutes. Opt-in, as a wall clock on a shared machine is.
#[test]
#[ignore = "timing: cargo test --test kept_place -- --ignored"]
fn timing_sixty_thousand_places_take_under_ten_seconds() {
    let tests: [(&str, fn()); 1] = [(
        "a save pruning them",
        sixty_thousand_kept_places_are_pruned_by_one_save_in_linear_time,
    )];
    binary::wait::timing_each_under(std::time::Duration::from_secs(10), &tests);
}

// ----- the real binary, run twice -----

const NARROW: [&str; 2] = ["--ambiguous-width", "narrow"];

/// Runs `dafu` in a 120×36 terminal with `state` as the state directory and `extra` arguments.
fn run_in(state: &std::path::Path, extra: &[&str]) -> pty::Pty {
    let mut args = NARROW.to_vec();
    args.extend_from_slice(extra);
    let options =
        pty::Options::new(120, 36, &args).env("XDG_STATE_HOME", Some(state.to_str().unwrap()));
    let p = pty::Pty::spawn(options);
    p.wait_for_text("中山科函");
    p
}

fn status_row(p: &pty::Pty) -> String {
    p.with_screen(pty::status_row)
}

#[test]
fn the_place_marks_and_history_come_back_on_the_next_run() {
    let state = pty::TempDir::new("two-runs");
    let mut first = run_in(&state, &[]);
    // Suggestion 3, its first measure, a few lines down; a mark; a search.
    first.send("3l");
    first.send("\t");
    first.send("jjj");
    first.send("mq");
    first.wait_for("the mark is set", |s| {
        pty::status_row(s).contains("已设书签 q")
    });
    first.send("j");
    first.wait_for("the note is gone", |s| {
        !pty::status_row(s).contains("已设书签")
    });
    let place = status_row(&first);
    // The node in view, as the status row numbers it (`15/40`).
    let crumb = |row: &str| {
        row.split_whitespace()
            .find(|t| t.ends_with("/40"))
            .unwrap_or_default()
            .to_string()
    };
    first.send("/银行\r");
    first.wait_for("the search is done", |s| {
        pty::status_row(s).contains("「银行」")
    });
    assert_ne!(
        crumb(&status_row(&first)),
        crumb(&place),
        "the search moved"
    );
    first.send("''");
    first.wait_for("back before the search", |s| {
        crumb(&pty::status_row(s)) == crumb(&place)
    });
    let screen = first.screen_text();
    first.send("q");
    assert!(first.wait_exit().success());
    assert!(state.join("dafu/state.db").exists());

    let second = run_in(&state, &[]);
    second.wait_until("the same node in the status row", |s| {
        let row = pty::status_row(s);
        // The status row without the search (which is not kept: only its query is).
        if row.split("  ").next() == place.split("  ").next() {
            Ok(())
        } else {
            Err(format!("{row}\nwanted {place}"))
        }
    });
    assert_eq!(
        second.screen_text().lines().nth(3),
        screen.lines().nth(3),
        "the same text on screen"
    );
    second.send("G");
    second.wait_for("the end", |s| pty::status_row(s).contains(" 40/40 "));
    second.send("'q");
    second.wait_until("the mark is kept", |s| {
        let got = pty::status_row(s);
        if got.contains(" 40/40 ") {
            Err(got)
        } else {
            Ok(())
        }
    });
    second.send("/\x1b[A");
    second.wait_for("↑ recalls the query of the last run", |s| {
        pty::status_row(s).starts_with("搜索：银行")
    });
    drop(second);
}

#[test]
fn a_terminal_closed_under_the_reader_keeps_its_place_too() {
    let state = pty::TempDir::new("signal");
    let mut first = run_in(&state, &[]);
    first.send("5");
    first.wait_for("suggestion 5", |s| pty::status_row(s).contains("五、"));
    let place = status_row(&first);
    first.signal("TERM");
    first.wait_exit();
    let second = run_in(&state, &[]);
    second.wait_for("suggestion 5 again", |s| {
        pty::status_row(s).split("  ").next() == place.split("  ").next()
    });
    drop(second);
}

#[test]
fn fresh_starts_at_the_top_and_a_damaged_file_is_named_not_fatal() {
    let state = pty::TempDir::new("fresh");
    let mut first = run_in(&state, &[]);
    first.send("5");
    first.wait_for("suggestion 5", |s| pty::status_row(s).contains("五、"));
    first.send("q");
    first.wait_exit();

    let mut fresh = run_in(&state, &["--fresh"]);
    fresh.wait_for("the top", |s| pty::status_row(s).contains(" 1/"));
    assert!(!status_row(&fresh).contains("五、"));
    fresh.send("q");
    fresh.wait_exit();

    std::fs::write(state.join("dafu/state.db"), "{ not json").unwrap();
    let mut damaged = run_in(&state, &[]);
    damaged.wait_for("the note", |s| {
        pty::status_row(s).contains("状态文件已损坏")
    });
    damaged.send("j");
    damaged.wait_for("the reader works", |s| {
        !pty::status_row(s).contains("状态文件")
    });
    damaged.send("q");
    assert!(damaged.wait_exit().success());
}

#[test]
fn fresh_starts_clean_without_erasing_what_was_kept() {
    let state = pty::TempDir::new("fresh-keeps");
    let mut first = run_in(&state, &[]);
    first.send("5mq");
    first.wait_for("mark q", |s| pty::status_row(s).contains("已设书签 q"));
    first.send("/银行\r");
    first.wait_for("the search", |s| pty::status_row(s).contains("「银行」"));
    first.send("q");
    assert!(first.wait_exit().success());

    let mut fresh = run_in(&state, &["--fresh"]);
    fresh.wait_for("the top", |s| pty::status_row(s).contains(" 1/"));
    fresh.send("'q");
    fresh.wait_for("no mark q in a fresh start", |s| {
        pty::status_row(s).contains("没有这个书签：q")
    });
    fresh.send("3mw");
    fresh.wait_for("mark w", |s| pty::status_row(s).contains("已设书签 w"));
    fresh.send("/抄送\r");
    fresh.wait_for("the search", |s| pty::status_row(s).contains("「抄送」"));
    fresh.send("q");
    assert!(fresh.wait_exit().success());

    // Both runs' marks and queries are kept: the fresh run added, it did not erase.
    let third = run_in(&state, &[]);
    third.send("'q");
    third.wait_for("mark q of the first run", |s| {
        pty::status_row(s).contains("五、")
    });
    third.send("'w");
    third.wait_for("mark w of the fresh run", |s| {
        pty::status_row(s).contains("三、")
    });
    third.send("/\x1b[A");
    third.wait_for("the fresh run's query", |s| {
        pty::status_row(s).starts_with("搜索：抄送")
    });
    third.send("\x1b[A");
    third.wait_for("and the first run's before it", |s| {
        pty::status_row(s).starts_with("搜索：银行")
    });
    drop(third);
}

#[test]
fn a_fifo_where_the_state_was_kept_holds_up_neither_the_start_nor_the_exit() {
    let state = pty::TempDir::new("fifo");
    std::fs::create_dir_all(state.join("dafu")).unwrap();
    let made = std::process::Command::new("mkfifo")
        .arg(state.join("dafu").join("state.db"))
        .status()
        .unwrap();
    assert!(made.success());
    let mut reader = run_in(&state, &[]);
    reader.send("5");
    reader.wait_for("suggestion 5", |s| pty::status_row(s).contains("五、"));
    reader.send("q");
    assert!(reader.wait_exit().success());
    let again = run_in(&state, &[]);
    again.wait_for("the place kept all the same", |s| {
        pty::status_row(s).contains("五、")
    });
    drop(again);
}

#[test]
fn twelve_readers_quitting_at_once_keep_twelve_places_and_every_query() {
    let state = pty::TempDir::new("twelve");
    let letters = pty::TempDir::new("twelve-letters");
    let minimal = include_str!("fixtures/minimal.yaml");
    let files: Vec<std::path::PathBuf> = (1..=12)
        .map(|n| {
            let file = letters.join(format!("letter{n}.yaml"));
            let text = minimal.replace("现答复如下：", &format!("现答复如下（第{n}封）："));
            std::fs::write(&file, text).unwrap();
            file
        })
        .collect();
    let mut readers: Vec<pty::Pty> = files
        .iter()
        .map(|file| {
            let options = pty::Options::new(100, 30, &["--ambiguous-width", "narrow"])
                .env("XDG_STATE_HOME", Some(state.to_str().unwrap()));
            let mut options = options;
            options.args.push(file.to_str().unwrap().to_string());
            pty::Pty::spawn(options)
        })
        .collect();
    for (n, reader) in (1..).zip(&readers) {
        reader.wait_for_text("某局关于某提案答复的函");
        reader.send(&format!("/第{n}封\r"));
    }
    for (n, reader) in (1..).zip(&readers) {
        // Done (its count shown), not waiting for the index: a search that waits runs when
        // the index comes, and moves the reader then.
        reader.wait_for("the search", |s| {
            pty::status_row(s).contains(&format!("「第{n}封」 1/1"))
        });
        // Away from the match (in the opening) to the end: a place no reader starts at.
        reader.send("G");
    }
    for reader in &readers {
        reader.wait_for("the end", |s| pty::status_row(s).contains(" 5/5 "));
    }
    // All at once.
    for reader in &readers {
        reader.send("q");
    }
    for reader in &mut readers {
        assert!(reader.wait_exit().success());
    }
    let path = state.join("dafu/state.db");
    let mut history = Vec::new();
    for (n, file) in (1..).zip(&files) {
        let letter =
            dafu::letter::load::parse(&std::fs::read_to_string(file).unwrap(), "letter.yaml")
                .unwrap();
        let tree = dafu::letter::tree::LetterTree::new(letter);
        let last = tree.nodes.len() - 1;
        let kept = state::load(&path, &state::letter_key(&tree));
        let at = kept.place.and_then(|p| p.at).map(|at| at.node);
        assert_eq!(at, Some(last), "letter {n}: its place, at its end");
        history = kept.history;
    }
    history.sort();
    let mut wanted: Vec<String> = (1..=12).map(|n| format!("第{n}封")).collect();
    wanted.sort();
    assert_eq!(history, wanted, "every reader's query");
}

#[test]
fn a_store_held_by_another_program_costs_neither_the_first_frame_nor_a_key() {
    let state = pty::TempDir::new("held");
    let mut first = run_in(&state, &[]);
    first.send("5");
    first.wait_for("suggestion 5", |s| pty::status_row(s).contains("五、"));
    first.send("q");
    assert!(first.wait_exit().success());
    // Another program holds the store locked (out of WAL mode, so that readers wait too).
    let holder = rusqlite::Connection::open(state.join("dafu/state.db")).unwrap();
    let mode: String = holder
        .pragma_update_and_check(None, "journal_mode", "DELETE", |row| row.get(0))
        .unwrap();
    assert_eq!(mode, "delete");
    holder.execute_batch("BEGIN EXCLUSIVE").unwrap();
    let second = run_in(&state, &[]);
    second.wait_for("the first frame, at the top", |s| {
        pty::status_row(s).contains(" 1/40 ")
    });
    holder.execute_batch("COMMIT").unwrap();
    drop(holder);
    // No key pressed: the place comes as soon as the store is read.
    second.wait_for("the place, once the store is free", |s| {
        pty::status_row(s).contains("五、")
    });
    drop(second);
}
