//! The keys people bring from less and vim, typed as key events through the keymap: paging
//! the text with Space, b, d, u, < and >; counts (`3j`, `5G`, `50%`); `=` saying where the reader is; q and
//! Esc closing the top overlay first; and a key that does nothing saying so.

mod binary;
mod util;

use dafu::app::{App, Focus, Overlay};
use dafu::keymap::action_for;
use dafu::letter::tree::BlockKind;
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
fn a_count_before_g_or_shift_g_goes_to_that_line_as_in_less() {
    let mut app = reading();
    type_keys(&mut app, "G");
    let end = top_line_number(&app);
    type_keys(&mut app, "5G");
    assert_eq!(top_line_number(&app), 4, "line 5 at the top");
    type_keys(&mut app, "20g");
    assert_eq!(top_line_number(&app), 19);
    type_keys(&mut app, "1G");
    assert_eq!(top_line_number(&app), 0);
    type_keys(&mut app, "99999G");
    assert_eq!(top_line_number(&app), end, "past the end is the end");
    type_keys(&mut app, "G");
    assert_eq!(top_line_number(&app), end, "no count is still the end");
}

#[test]
fn a_percentage_goes_that_far_into_the_letter_as_in_less() {
    let mut app = reading();
    type_keys(&mut app, "G");
    let end = top_line_number(&app);
    let mut tops = Vec::new();
    for percent in ["25%", "50%", "75%"] {
        type_keys(&mut app, percent);
        tops.push(top_line_number(&app));
    }
    assert!(
        0 < tops[0] && tops[0] < tops[1] && tops[1] < tops[2] && tops[2] <= end,
        "{tops:?} of {end}"
    );
    type_keys(&mut app, "100%");
    assert_eq!(top_line_number(&app), end);
    type_keys(&mut app, "%");
    assert_eq!(top_line_number(&app), 0, "no count is the top, as in less");
    // A jump: `''` goes back to where it was made.
    type_keys(&mut app, "10j50%");
    assert_eq!(top_line_number(&app), tops[1]);
    type_keys(&mut app, "''");
    assert_eq!(top_line_number(&app), 10, "back from 50%");
}

#[test]
fn a_count_being_typed_shows_and_esc_drops_it() {
    let mut app = reading();
    type_keys(&mut app, "5");
    let note = app.note().expect("the count is shown").text.clone();
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
    let note = app
        .note()
        .expect("a note says why nothing moved")
        .text
        .clone();
    assert!(note.contains('7'), "{note}");
}

#[test]
fn an_unbound_key_is_named_in_the_status_row() {
    let mut app = app(120, 36);
    type_keys(&mut app, "z");
    let note = app.note().expect("an unbound key is named").text.clone();
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

/// What `=` says, parsed: the file, the first and last characters in view, the letter's
/// characters, the per cent.
fn where_am_i(app: &mut App) -> (String, usize, usize, usize, usize) {
    type_keys(app, "=");
    let note = app.note().expect("= says where the reader is").text.clone();
    let parts: Vec<&str> = note.split('　').collect();
    let [file, chars, percent] = parts[..] else {
        panic!("{note}");
    };
    let (range, total) = chars
        .strip_prefix("字 ")
        .and_then(|c| c.split_once('/'))
        .expect("字 a–b/n");
    let (first, last) = range.split_once('–').expect("a–b");
    let number = |s: &str| s.parse::<usize>().expect("a number");
    let percent = number(percent.strip_suffix('%').expect("a per cent"));
    (
        file.to_string(),
        number(first),
        number(last),
        number(total),
        percent,
    )
}

/// The per cent the reading pane's title shows on the screen (`正文 N%`).
fn title_percent(app: &App) -> usize {
    let screen = util::screen(app);
    let (_, after) = screen
        .split_once("正文 ")
        .expect("the reading pane's title");
    let digits: String = after.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().expect("a per cent")
}

/// Whether block `block` is the letter's own text: not one of dafu's notes and errata.
fn own(app: &App, block: usize) -> bool {
    app.tree().blocks[block].kind != BlockKind::Editorial
}

/// The letter's own text, one block after another, as characters.
fn letter_chars(app: &App) -> Vec<char> {
    (app.tree().blocks.iter())
        .filter(|b| b.kind != BlockKind::Editorial)
        .flat_map(|b| b.text.chars())
        .collect()
}

/// Counted from 1 through the letter's text: the first character of the first line of text
/// from the `nth` line in view on.
fn first_char_from_line(app: &App, nth: usize) -> usize {
    let (_, line) = app
        .reading()
        .lines_from(app.reading_top())
        .skip(nth)
        .find(|(_, line)| !line.range.is_empty() && own(app, line.block))
        .expect("a line of text");
    let blocks = &app.tree().blocks;
    let before: usize = blocks[..line.block]
        .iter()
        .filter(|b| b.kind != BlockKind::Editorial)
        .map(|b| b.text.chars().count())
        .sum();
    let text = &blocks[line.block].text;
    before
        + text
            .get(..line.range.start)
            .map_or(0, |t| t.chars().count())
        + 1
}

/// `=` counts the letter's characters, not dafu's notes and errata under its paragraphs,
/// whose words are the interface's: the shipped letter had 8354 characters in Chinese and
/// 8479 in English. At its end, in both languages, the count and the last character in view
/// are the same.
#[test]
fn equals_counts_the_letters_characters_the_same_in_both_languages() {
    let mut counts = Vec::new();
    for lang in [dafu::strings::Lang::Zh, dafu::strings::Lang::En] {
        let tree = dafu::letter::tree::LetterTree::in_lang(dafu::letter::load::embedded(), lang);
        let mut app = App::new(
            tree,
            lang,
            dafu::text::width::AmbiguousWidth::Narrow,
            (80, 24),
        );
        type_keys(&mut app, "\t>=");
        let note = app.note().expect("= says where the reader is").text.clone();
        let chars = letter_chars(&app).len();
        assert!(note.contains(&format!("–{chars}/{chars}")), "{note}");
        counts.push(chars);
    }
    assert_eq!(counts[0], counts[1]);
    let tree = dafu::letter::tree::LetterTree::new(dafu::letter::load::embedded());
    let all: usize = tree.blocks.iter().map(|b| b.text.chars().count()).sum();
    assert!(
        counts[0] < all,
        "the notes are not counted: {} of {all}",
        counts[0]
    );
}

#[test]
fn equals_says_the_file_the_characters_in_view_and_the_per_cent_as_less_does() {
    let mut app = reading();
    let chars = letter_chars(&app);
    let (file, first, last, total, percent) = where_am_i(&mut app);
    assert_eq!(file, "内置的答复", "the letter built into dafu");
    assert_eq!((first, total), (1, chars.len()));
    assert_eq!(
        percent,
        title_percent(&app),
        "the per cent the pane's title shows"
    );
    // The last character in view ends the pane's last line of text.
    let (_, last_line) = app
        .reading()
        .lines_from(app.reading_top())
        .take(TEXT_ROWS)
        .filter(|(_, line)| !line.range.is_empty() && own(&app, line.block))
        .last()
        .expect("text in view");
    let block = &app.tree().blocks[last_line.block].text;
    assert_eq!(
        block
            .get(..last_line.range.end)
            .and_then(|t| t.chars().last()),
        Some(chars[last - 1]),
        "character {last}"
    );
    // A page on, the last line in view is the first, and the first of the letter's
    // characters in view begins the count.
    let line_at = |app: &App, nth: usize| {
        let (_, line) = (app.reading().lines_from(app.reading_top()))
            .nth(nth)
            .expect("a line in view");
        (line.block, line.range.clone())
    };
    let kept = line_at(&app, TEXT_ROWS - 1);
    type_keys(&mut app, " ");
    assert_eq!(line_at(&app, 0), kept);
    let (_, paged, _, _, percent) = where_am_i(&mut app);
    assert_eq!(paged, first_char_from_line(&app, 0));
    assert_eq!(percent, title_percent(&app));
    type_keys(&mut app, ">");
    let (_, _, end, _, percent) = where_am_i(&mut app);
    assert_eq!((end, percent), (total, 100));
}

#[test]
fn equals_with_the_outline_alone_on_screen_says_what_the_text_would_show() {
    // 60 columns: one pane at a time, the outline first.
    let mut app = app(60, 20);
    type_keys(&mut app, "j");
    assert_eq!(app.focus(), Focus::Outline);
    let outline = where_am_i(&mut app);
    press(&mut app, KeyCode::Tab, KeyModifiers::NONE);
    assert_eq!(app.focus(), Focus::Reading);
    let text = where_am_i(&mut app);
    assert_eq!(outline, text);
    assert!(text.2 > text.1, "more than one character in view: {text:?}");
}

/// The reader in English at `size`, on the letter at `path` (as `dafu FILE` reads it) or on
/// the built-in one.
fn in_english(path: Option<&std::path::Path>, size: (u16, u16)) -> App {
    let lang = dafu::strings::Lang::En;
    let tree = match path {
        Some(path) => dafu::shelf::read_letter(path, lang).expect("read"),
        None => dafu::letter::tree::LetterTree::new(dafu::letter::load::embedded()),
    };
    App::new(tree, lang, dafu::text::width::AmbiguousWidth::Narrow, size)
}

#[test]
fn equals_names_the_file_a_letter_was_read_from_made_safe_to_print() {
    let dir = binary::Scratch::new("less-keys");
    let path = dir.write("复函\u{1b}[2J.yaml", dafu::letter::load::EMBEDDED_LETTER);
    let mut app = in_english(Some(&path), (80, 24));
    type_keys(&mut app, "=");
    let note = app.note().expect("= says where the reader is").text.clone();
    let shown = format!("{}/复函␛[2J.yaml  chars 1–", dir.path().display());
    assert!(note.starts_with(&shown), "{note}");
    assert!(!note.contains('\u{1b}'), "{note}");
}

/// `=` pressed in the English reader: what its note says after `chars ` (the characters in
/// view and the per cent), and the status row as the screen shows it.
fn equals_in_english(app: &mut App) -> (String, String) {
    type_keys(app, "=");
    let note = app.note().expect("= says where the reader is").text.clone();
    let (_, tail) = note.split_once("  chars ").expect("the characters in view");
    let screen = util::screen(app);
    let status = screen.lines().last().expect("a status row").trim_end();
    (tail.to_string(), status.to_string())
}

#[test]
fn equals_on_a_narrow_screen_keeps_the_characters_and_the_per_cent_and_cuts_the_path() {
    let dir = binary::Scratch::new("less-keys");
    let deep = dir
        .path()
        .join("各县市区政协提案答复")
        .join("二〇二一年第四次会议");
    std::fs::create_dir_all(&deep).expect("folders made");
    let path = deep.join("中山科函2021第142号关于新一代人工智能产业的答复.yaml");
    std::fs::write(&path, dafu::letter::load::EMBEDDED_LETTER).expect("written");
    let mut app = in_english(Some(&path), (60, 20));
    let (tail, status) = equals_in_english(&mut app);
    // The row is too narrow for the whole note: its start goes, marked, and what `=` was
    // asked for stays.
    assert!(status.ends_with(&format!("chars {tail}")), "{status}");
    assert!(status.contains("…"), "{status}");
    assert!(status.contains("答复.yaml"), "{status}");
    assert!(
        !status.contains(&dir.path().display().to_string()),
        "{status}"
    );
    assert!(dafu::text::width::str_width(&status, dafu::text::width::AmbiguousWidth::Narrow) <= 60);
}

/// At the narrowest screen, on a transcript imported as it is opened (which the status row
/// marks as not reviewed), `=` still shows the characters in view and the per cent whole: the
/// node's position gives way to them, and the file's name and the word before them go first.
#[test]
fn equals_at_forty_columns_on_an_unreviewed_import_shows_the_range_whole() {
    let dir = binary::Scratch::new("less-keys");
    let transcript = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/real-letters/shenmu-linye-2022.txt"
    );
    let path = dir.write(
        "神木林业局答复.txt",
        std::fs::read_to_string(transcript).expect("the transcript"),
    );
    let mut app = in_english(Some(&path), (40, 15));
    type_keys(&mut app, "\t");
    let (tail, status) = equals_in_english(&mut app);
    assert!(status.contains("unreviewed import"), "{status}");
    assert!(status.ends_with(&tail), "{status}");
    assert!(
        !status.contains(" 1/"),
        "the node's position gave way: {status}"
    );
    assert!(dafu::text::width::str_width(&status, dafu::text::width::AmbiguousWidth::Narrow) <= 40);
}

#[test]
fn a_note_too_long_for_a_narrow_screen_keeps_its_start() {
    // A key the reader does not know is named first; the rest of the hint may go.
    let mut app = in_english(None, (40, 20));
    type_keys(&mut app, "Z");
    let screen = util::screen(&app);
    let status = screen.lines().last().expect("a status row");
    assert!(status.contains("nothing is bound to Z"), "{status}");
    assert!(!status.contains("lists the keys"), "{status}");
}

#[test]
fn what_equals_said_follows_a_resize_to_what_is_then_in_view() {
    let mut app = app(100, 30);
    type_keys(&mut app, "\t");
    let (_, first, wide_last, _, _) = where_am_i(&mut app);
    app.update(dafu::action::Action::Resize {
        width: 60,
        height: 12,
    });
    // The note is said again for the smaller pane: fewer characters in view.
    let note = app.note().expect("still said").text.clone();
    let last: usize = note
        .split('–')
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .and_then(|n| n.parse().ok())
        .expect("字 a–b/n");
    assert!(note.contains(&format!("字 {first}–")), "{note}");
    assert!(last < wide_last, "{note}: {last} against {wide_last}");
}

#[test]
fn h_in_the_text_goes_back_to_the_outline_and_l_on_a_leaf_goes_to_its_text_with_two_panes() {
    let mut app = app(120, 36);
    // 开头, the opening, is a leaf.
    assert_eq!(selected_key(&app), "opening");
    assert!(app.tree().nodes[app.selected()].children.is_empty());
    type_keys(&mut app, "l");
    assert_eq!(app.focus(), Focus::Reading);
    assert_eq!(selected_key(&app), "opening");
    type_keys(&mut app, "h");
    assert_eq!(app.focus(), Focus::Outline);
    press(&mut app, KeyCode::Tab, KeyModifiers::NONE);
    press(&mut app, KeyCode::Left, KeyModifiers::NONE);
    assert_eq!(app.focus(), Focus::Outline);
    // On a node with children (a suggestion, a root), h closes it and l opens it, as before.
    type_keys(&mut app, "j");
    let node = app.selected();
    assert!(!app.tree().nodes[node].children.is_empty());
    type_keys(&mut app, "h");
    assert!(!app.expanded()[node] && app.selected() == node);
    type_keys(&mut app, "l");
    assert!(app.expanded()[node] && app.focus() == Focus::Outline);
    type_keys(&mut app, "h");
    assert!(!app.expanded()[node]);
}
