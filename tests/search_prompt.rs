//! The search prompt as readline and less users expect it: Esc gives back the search that was
//! there before, ↑/↓ recall earlier queries, Ctrl-U/Ctrl-K/Ctrl-W/Ctrl-A/Ctrl-E and ←/→ edit by
//! character, the visible part of a long query follows the caret, and `lue`/`nue` are pinyin.

mod util;

use dafu::action::Action::*;
use dafu::app::App;
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

