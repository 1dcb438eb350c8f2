//! The keys people bring from less and vim, typed as key events through the keymap: paging
//! the text with Space, b, d, u, < and >; counts (`3j`); q and Esc closing the top overlay first; and a
//! key that does nothing saying so.

mod util;

use dafu::app::{App, Focus, Overlay};
use dafu::keymap::action_for;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use util::{app, selected_key, top_line_number};

/// Types `keys` as a person would: each char a key press, through the keymap.
fn type_keys(app: &mut App, keys: &str) {
    for c in keys.chars() {
        press(app, KeyCode::Char(c), KeyModifiers::NONE);
    }
}

fn press(app: &mut App, code: KeyCode, modifiers: KeyModifiers) {
    let event = Event::Key(KeyEvent::new(code, modifiers));
    if let Some(action) = action_for(app, &event) {
        app.update(action);
    }
}

/// A reader at 120×36 with the reading pane focused.
fn reading() -> App {
    let mut app = app(120, 36);
    press(&mut app, KeyCode::Tab, KeyModifiers::NONE);
    assert_eq!(app.focus(), Focus::Reading);
    app
}

/// Rows of the reading pane's text at 120×36: the screen less title, status and borders.
const TEXT_ROWS: usize = 36 - 2 - 2;

#[test]
fn space_and_b_page_the_text_keeping_a_line_as_less_does() {
    let mut app = reading();
    type_keys(&mut app, " ");
    assert_eq!(top_line_number(&app), TEXT_ROWS - 1);
    type_keys(&mut app, " ");
    assert_eq!(top_line_number(&app), 2 * (TEXT_ROWS - 1));
    type_keys(&mut app, "b");
    assert_eq!(top_line_number(&app), TEXT_ROWS - 1);
    press(&mut app, KeyCode::PageUp, KeyModifiers::NONE);
    assert_eq!(top_line_number(&app), 0);
}

#[test]
fn d_and_u_and_ctrl_d_and_ctrl_u_move_half_a_page() {
    let mut app = reading();
    type_keys(&mut app, "d");
    assert_eq!(top_line_number(&app), TEXT_ROWS / 2);
    press(&mut app, KeyCode::Char('d'), KeyModifiers::CONTROL);
    assert_eq!(top_line_number(&app), TEXT_ROWS);
    type_keys(&mut app, "u");
    assert_eq!(top_line_number(&app), TEXT_ROWS / 2);
    press(&mut app, KeyCode::Char('u'), KeyModifiers::CONTROL);
    assert_eq!(top_line_number(&app), 0);
}

#[test]
fn angle_brackets_go_to_the_start_and_the_end_as_g_and_shift_g_do() {
    let mut app = reading();
    type_keys(&mut app, "G");
    let end = top_line_number(&app);
    assert!(end > TEXT_ROWS, "the letter is longer than a page: {end}");
    type_keys(&mut app, "<");
    assert_eq!(top_line_number(&app), 0);
    type_keys(&mut app, ">");
    assert_eq!(top_line_number(&app), end);
    assert!(app.note().is_none(), "{:?}", app.note());
}

#[test]
fn a_count_repeats_the_next_move_only() {
    let mut app = reading();
    type_keys(&mut app, "3j");
    assert_eq!(top_line_number(&app), 3);
    type_keys(&mut app, "j");
    assert_eq!(top_line_number(&app), 4, "the count is spent by one move");
    type_keys(&mut app, "12j");
    assert_eq!(top_line_number(&app), 16);
    type_keys(&mut app, "2 ");
    assert_eq!(top_line_number(&app), 16 + 2 * (TEXT_ROWS - 1));
    type_keys(&mut app, "10k");
    assert_eq!(top_line_number(&app), 6 + 2 * (TEXT_ROWS - 1));
}

#[test]
fn a_count_being_typed_shows_and_esc_drops_it() {
    let mut app = reading();
    type_keys(&mut app, "5");
    let note = app.note().expect("the count is shown").0.clone();
    assert!(note.ends_with('5'), "{note}");
    press(&mut app, KeyCode::Esc, KeyModifiers::NONE);
    type_keys(&mut app, "j");
    assert_eq!(top_line_number(&app), 1, "Esc dropped the count");
}

#[test]
fn a_huge_count_is_capped_not_overflowed() {
    let mut app = reading();
    type_keys(&mut app, &"9".repeat(40));
    type_keys(&mut app, "j");
    assert!(top_line_number(&app) > 0);
    type_keys(&mut app, &"9".repeat(40));
    type_keys(&mut app, "k");
    assert_eq!(top_line_number(&app), 0);
}

#[test]
fn digits_in_the_outline_still_jump_to_suggestions() {
    let mut app = app(120, 36);
    type_keys(&mut app, "3");
    assert_eq!(selected_key(&app), "s3");
}

#[test]
fn a_suggestion_the_letter_lacks_is_named_not_ignored() {
    let mut app = app(120, 36);
    type_keys(&mut app, "7");
    assert_eq!(selected_key(&app), "opening");
    let note = app.note().expect("a note says why nothing moved").0.clone();
    assert!(note.contains('7'), "{note}");
}

#[test]
fn an_unbound_key_is_named_in_the_status_row() {
    let mut app = app(120, 36);
    type_keys(&mut app, "z");
    let note = app.note().expect("an unbound key is named").0.clone();
    assert!(note.contains('z') && note.contains('?'), "{note}");
}

#[test]
fn q_closes_help_and_figures_before_it_quits() {
    let mut app = app(120, 36);
    type_keys(&mut app, "?");
    assert_eq!(app.overlay(), Some(Overlay::Help));
    type_keys(&mut app, "q");
    assert_eq!(app.overlay(), None);
    assert!(!app.should_quit(), "q closed the help only");
    type_keys(&mut app, "f");
    assert_eq!(app.overlay(), Some(Overlay::Figures));
    type_keys(&mut app, "q");
    assert_eq!(app.overlay(), None);
    assert!(!app.should_quit(), "q closed the figures only");
    type_keys(&mut app, "q");
    assert!(app.should_quit());
}

#[test]
fn ctrl_c_quits_from_an_overlay() {
    let mut app = app(120, 36);
    type_keys(&mut app, "?");
    press(&mut app, KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert!(app.should_quit());
}

#[test]
fn enter_on_a_leaf_opens_its_text() {
    let mut app = app(80, 24);
    type_keys(&mut app, "1");
    press(&mut app, KeyCode::Down, KeyModifiers::NONE);
    press(&mut app, KeyCode::Down, KeyModifiers::NONE);
    assert_eq!(selected_key(&app), "s1.m2", "a measure without points");
    press(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    assert_eq!(app.focus(), Focus::Reading);
    // Side by side too: a leaf has nothing to toggle, and Enter goes on to its text.
    let mut wide = util::app(120, 36);
    type_keys(&mut wide, "1");
    press(&mut wide, KeyCode::Down, KeyModifiers::NONE);
    press(&mut wide, KeyCode::Down, KeyModifiers::NONE);
    press(&mut wide, KeyCode::Enter, KeyModifiers::NONE);
    assert_eq!(wide.focus(), Focus::Reading);
}
