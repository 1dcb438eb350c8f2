//! Under `--lang en` the interface speaks English everywhere: every screen of the reader and
//! every face of the command line, the headings of editorial notes and errata included.
//!
//! The letter is tests/fixtures/english.yaml, whose own words are ASCII apart from what the
//! schema asks to be Chinese (its figures' units). The letter as the reader sets it (its
//! numbering 一、（一）一是, its date 2021年7月28日) is the letter's, not the interface's: those
//! characters are allowed, taken from the blocks the tree builds for the letter's text. Any
//! other CJK character on a screen or in an output comes from the interface's own strings.

mod binary;
mod util;

use std::collections::BTreeSet;

use dafu::action::Action::{self, *};
use dafu::app::App;
use dafu::letter::load;
use dafu::letter::tree::{BlockKind, LetterTree};
use dafu::strings::Lang;
use dafu::text::width::AmbiguousWidth;
use util::{buffer_text, draw};

const FIXTURE: &str = "tests/fixtures/english.yaml";

/// East Asian scripts and their punctuation: CJK symbols (「」、。), ideographs, kana,
/// hangul, fullwidth forms (（）：).
fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{2E80}'..='\u{A4CF}' | '\u{AC00}'..='\u{D7AF}' | '\u{F900}'..='\u{FAFF}'
        | '\u{FE30}'..='\u{FE4F}' | '\u{FF00}'..='\u{FFEF}' | '\u{20000}'..='\u{3FFFF}')
}

fn letter() -> dafu::letter::Letter {
    let source = std::fs::read_to_string(FIXTURE).expect("the fixture");
    load::parse(&source, FIXTURE).expect("the English fixture is a valid letter")
}

/// The CJK characters the letter itself brings: its file's, and those of the text the tree
/// sets for it (numbering, date, the colon after the addressee), editorial notes left out.
fn letters_own() -> BTreeSet<char> {
    let source = std::fs::read_to_string(FIXTURE).expect("the fixture");
    let tree = LetterTree::in_lang(letter(), Lang::En);
    let set_text = tree
        .blocks
        .iter()
        .filter(|b| b.kind != BlockKind::Editorial)
        .flat_map(|b| b.text.chars());
    source
        .chars()
        .chain(set_text)
        .filter(|&c| is_cjk(c))
        .collect()
}

/// Amounts of money are written in the letter's unit and its multiples (`40万元`, `1亿`), in
/// either language, as the letter writes them: the figures view compares and adds them in
/// the letter's own terms instead of converting them.
const MONEY_MULTIPLIERS: [char; 2] = ['万', '亿'];

/// The CJK characters of `text` that are not the letter's own.
fn interface_cjk(text: &str) -> BTreeSet<char> {
    let own = letters_own();
    text.chars()
        .filter(|&c| is_cjk(c) && !own.contains(&c) && !MONEY_MULTIPLIERS.contains(&c))
        .collect()
}

fn app(width: u16, height: u16) -> App {
    let tree = LetterTree::in_lang(letter(), Lang::En);
    App::new(tree, Lang::En, AmbiguousWidth::Narrow, (width, height))
}

fn screen(app: &App) -> String {
    buffer_text(draw(app).backend().buffer())
}

/// Runs `actions` on a fresh reader at each size and checks every screen on the way.
fn check(name: &str, actions: &[Action]) {
    for (w, h) in [(120, 36), (80, 24), (60, 20)] {
        let mut app = app(w, h);
        let mut shown = vec![screen(&app)];
        for action in actions {
            app.update(action.clone());
            shown.push(screen(&app));
        }
        for (step, text) in shown.iter().enumerate() {
            let found = interface_cjk(text);
            assert!(
                found.is_empty(),
                "{name} at {w}×{h}, after {step} actions: {found:?}\n{text}"
            );
        }
    }
}

#[test]
fn the_fixture_letter_brings_only_its_units_and_the_letters_form() {
    // The allowance is small: a label of the interface's is unlikely to hide in it.
    let own: String = letters_own().into_iter().collect();
    assert!(own.chars().count() <= 16, "{own}");
}

#[test]
fn the_reading_screens_are_english() {
    check("main screen", &[]);
    check(
        "notes and errata in the text",
        &[SwitchFocus, Last, JumpToSuggestion(1), Down, Down],
    );
    check(
        "an unbound key and a count",
        &[Unbound("Z".into()), Count(3)],
    );
    check("a copy", &[Copy]);
    check("help", &[OpenHelp]);
}

#[test]
fn the_search_screens_are_english() {
    check(
        "search",
        &[
            OpenSearch,
            SearchInsert("item".into()),
            SearchSubmit,
            NextMatch,
            NextMatch,
            NextMatch,
            ToggleFilter,
        ],
    );
    check(
        "no match",
        &[OpenSearch, SearchInsert("zzzz".into()), SearchSubmit],
    );
    check("no search", &[NextMatch, ToggleFilter]);
}

#[test]
fn the_figures_screens_are_english() {
    check(
        "figures",
        &[
            OpenFigures,
            Down,
            CycleSort,
            CycleUnitFilter,
            ToggleFiguresChart,
            Down,
        ],
    );
}

#[test]
fn the_too_small_screen_is_english() {
    let app = app(30, 8);
    let text = screen(&app);
    assert!(interface_cjk(&text).is_empty(), "{text}");
}

#[test]
fn editorial_headings_follow_the_interface_language() {
    let tree = LetterTree::in_lang(letter(), Lang::En);
    let editorial: Vec<&str> = tree
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Editorial)
        .map(|b| b.text.as_str())
        .collect();
    assert_eq!(
        editorial,
        [
            "※ erratum: \"a  first item\" → \"a first item\" A doubled space from the \
             extraction, removed.",
            "※ note: \"odd wording\" Sic.",
        ]
    );
    let chinese = LetterTree::new(letter());
    assert!(
        chinese
            .blocks
            .iter()
            .any(|b| b.text.starts_with("※ 勘误 「a  first item」"))
    );
}

/// `dafu --lang en ARGS` (the fixture given as FILE where `file` says so); stdout and stderr.
fn run(args: &[&str]) -> String {
    let out = binary::run(["--lang", "en"].iter().chain(args));
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

#[test]
fn the_command_line_is_english() {
    for args in [
        &[FIXTURE][..],
        &[FIXTURE, "outline"],
        &["search", "item", FIXTURE],
        &["search", "nothing-like-this", FIXTURE],
        &["figures", FIXTURE],
        &["figures", FIXTURE, "--format", "csv"],
        &["figures", FIXTURE, "--format", "json"],
        &["check", FIXTURE],
    ] {
        let text = run(args);
        let found = interface_cjk(&text);
        assert!(
            found.is_empty(),
            "dafu --lang en {args:?}: {found:?}\n{text}"
        );
    }
    // The plain text sets the errata's headings in English too.
    let plain = run(&[FIXTURE]);
    assert!(plain.contains("※ erratum: \"a  first item\""), "{plain}");
}

#[test]
fn too_small_keeps_the_minimum_on_a_narrow_screen() {
    // Cut at the width, the English message lost its end, the one thing it is for.
    for (w, h) in [(30, 8), (20, 9), (12, 9)] {
        let text = screen(&app(w, h));
        assert!(text.contains("40×10"), "{w}×{h}:\n{text}");
    }
    let chinese = LetterTree::new(letter());
    let app = App::new(chinese, Lang::Zh, AmbiguousWidth::Narrow, (14, 6));
    let text = screen(&app);
    assert!(text.contains("40×10"), "{text}");
    assert!(text.starts_with("终端太小"), "{text}");
}

#[test]
fn an_imported_text_gets_english_headings_too() {
    // A `.txt` is imported in memory and its tree rebuilt in the interface's language.
    let plain = run(&["content/source/zhongshan-kjj-2021-142.txt"]);
    assert!(plain.contains("※ erratum: "), "{plain}");
    assert!(!plain.contains("※ 勘误"), "{plain}");
}

/// The part of `line` between display columns `from` and `to`, trimmed.
fn columns(line: &str, from: usize, to: usize) -> String {
    let mut at = 0;
    let mut out = String::new();
    for c in line.chars() {
        if (from..to).contains(&at) {
            out.push(c);
        }
        at += dafu::text::width::str_width(&c.to_string(), AmbiguousWidth::Narrow);
    }
    out.trim().to_string()
}

/// `dafu --lang en figures` on the shipped letter: the periods and qualifiers in English words,
/// nothing called a hedge, a stock or spent; the JSON says each kind of money in plain words.
#[test]
fn the_shipped_letters_figures_are_quoted_in_english() {
    let table = run(&["figures"]);
    let lines: Vec<&str> = table.lines().collect();
    assert_eq!(lines.len(), 57, "{table}");
    let header = lines[0];
    let at = |name: &str| {
        header
            .find(name)
            .unwrap_or_else(|| panic!("{name}: {header}"))
    };
    let (qualifier, period, place) = (at("qualifier"), at("period"), at("where"));
    let mut periods = BTreeSet::new();
    for line in &lines[1..] {
        for (from, to) in [(qualifier, period), (period, place)] {
            let cell = columns(line, from, to);
            assert!(!cell.chars().any(is_cjk), "{cell:?} in {line}");
            if from == period && !cell.is_empty() {
                periods.insert(cell);
            }
        }
    }
    for expected in [
        "2020",
        "2019–2020",
        "past 5 years",
        "cumulative",
        "to end-2020",
        "current",
        "2021, planned",
        "planned",
        "design",
    ] {
        assert!(periods.contains(expected), "{expected}: {periods:?}");
    }
    for word in ["hedge", "stock", "spent", "each"] {
        assert!(!table.contains(word), "{word}\n{table}");
    }
    let json = run(&["figures", "--format", "json", "--unit", "money"]);
    let rows: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    for row in rows.as_array().expect("an array") {
        let kind = row["money_kind"].as_str().unwrap_or_default();
        assert!(
            [
                "approved",
                "allocated",
                "paid",
                "fund",
                "running_total",
                "cap",
                "per_award",
                "outcome"
            ]
            .contains(&kind),
            "{row}"
        );
        if let Some(p) = row["period"].as_str() {
            assert!(!p.chars().any(is_cjk), "{row}");
        }
    }
}
