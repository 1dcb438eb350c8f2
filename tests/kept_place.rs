//! The place kept between runs, as less and e-book readers keep it: the reading position and
//! open sections per letter, marks (`m` + letter, `'` + letter, `''`), and the search history,
//! in the XDG state directory. A damaged, foreign or newer state file is ignored with a note.

mod util;

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

// ----- the state file on disk -----

#[test]
fn saving_and_loading_keep_one_letter_without_losing_another() {
    let dir = pty::TempDir::new("save");
    let path = dir.join("dafu/state.json");
    let app = {
        let mut app = app(120, 36);
        app.update(JumpToSuggestion(2));
        keys(&mut app, "mx");
        app
    };
    dafu::state::save(&path, "other", Place::default(), vec!["a".into()]).unwrap();
    let key = dafu::state::letter_key(app.tree());
    dafu::state::save(&path, &key, app.kept_place(), vec!["银行".into()]).unwrap();
    let loaded = dafu::state::load(&path);
    assert_eq!(loaded.problem, None);
    assert!(loaded.file.letters.contains_key("other"));
    let restored = loaded.restore_for(&key);
    assert_eq!(restored.place, Some(app.kept_place()));
    assert_eq!(restored.history, ["银行"]);
    let leftovers: Vec<_> = std::fs::read_dir(dir.join("dafu")).unwrap().collect();
    assert_eq!(leftovers.len(), 1, "no temporary file is left beside it");
}

#[test]
fn a_newer_state_file_is_ignored_and_left_as_it_is() {
    let dir = pty::TempDir::new("newer");
    let path = dir.join("state.json");
    let newer = r#"{"format":"dafu-state","version":2,"everything":"different"}"#;
    std::fs::write(&path, newer).unwrap();
    assert_eq!(dafu::state::load(&path).problem, Some(StateProblem::Newer));
    dafu::state::save(&path, "k", Place::default(), Vec::new()).unwrap();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), newer);
}

#[test]
fn a_damaged_state_file_is_replaced_on_the_next_save() {
    let dir = pty::TempDir::new("damaged");
    let path = dir.join("state.json");
    std::fs::write(&path, "{\"format\":\"dafu-state\",\"vers").unwrap();
    assert_eq!(
        dafu::state::load(&path).problem,
        Some(StateProblem::Damaged)
    );
    dafu::state::save(&path, "k", Place::default(), vec!["x".into()]).unwrap();
    let loaded = dafu::state::load(&path);
    assert_eq!(loaded.problem, None);
    assert_eq!(loaded.file.history, ["x"]);
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
    assert!(state.join("dafu/state.json").exists());

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

    std::fs::write(state.join("dafu/state.json"), "{ not json").unwrap();
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
