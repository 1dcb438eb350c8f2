//! Hostile letters through the library: escapes planted in every text field, a byte-order
//! mark, CRLF line endings. What the loader lets through must be inert wherever it goes —
//! the loaded letter, every command-line face, and the screen.

mod util;

use dafu::cli::{self, SearchOptions};
use dafu::letter::load;
use dafu::letter::tree::LetterTree;
use dafu::strings::Lang;
use serde_yaml::Value;

/// What is planted: a window title, a screen clear, a clipboard write, a bell, C1 CSI and
/// a right-to-left override.
const PAYLOAD: &str = "\u{1b}]0;pwned\u{7}\u{1b}[2J\u{1b}]52;c;cHduZWQ=\u{7}\u{9b}31m\u{202e}";

/// Keys whose values must keep their meaning for the letter to stay valid: a figure's text
/// must quote its node, a note's text the letter; units, hedges, periods, statuses, kinds of
/// money, the figure a figure is part of, and dates are checked.
fn keep(path: &[String]) -> bool {
    let last = path.last().map(String::as_str);
    let parent = path.iter().rev().nth(1).map(String::as_str);
    matches!(
        last,
        Some(
            "unit"
                | "kind"
                | "qualifier"
                | "period"
                | "status"
                | "part_of"
                | "money_kind"
                | "date"
                | "value"
                | "number"
                | "contact_person"
                | "contact_phone"
                | "contact_unit"
        )
    ) || (last == Some("text") && parent.is_some_and(|p| p.ends_with("figures") || p == "notes"))
}

/// Appends the payload to every string that may carry it.
fn plant(value: &mut Value, path: &mut Vec<String>) {
    match value {
        Value::String(s) if !keep(path) => s.push_str(PAYLOAD),
        Value::Mapping(map) => {
            for (k, v) in map.iter_mut() {
                path.push(k.as_str().unwrap_or_default().to_string());
                plant(v, path);
                path.pop();
            }
        }
        Value::Sequence(items) => {
            // Sequence elements sit under their sequence's key (`figures`, `notes`…).
            let key = path.last().cloned().unwrap_or_default();
            for v in items {
                path.push(key.clone());
                plant(v, path);
                path.pop();
            }
        }
        _ => {}
    }
}

fn hostile_letter() -> String {
    let mut value: Value = serde_yaml::from_str(load::EMBEDDED_LETTER).unwrap();
    plant(&mut value, &mut Vec::new());
    serde_yaml::to_string(&value).unwrap()
}

/// A character that must never reach a terminal from a letter.
fn dangerous(c: char) -> bool {
    (c.is_control() && c != '\n') || dafu::text::is_bidi_control(c)
}

fn assert_inert(what: &str, text: &str) {
    if let Some(c) = text.chars().find(|&c| dangerous(c)) {
        panic!("{what} carries {c:?}");
    }
}

#[test]
fn escapes_in_every_field_are_made_inert_at_load() {
    let source = hostile_letter();
    assert!(
        source.matches("pwned").count() > 100,
        "the payload is planted widely"
    );
    let letter = load::parse(&source, "hostile.yaml").expect("still a valid letter");
    // Every string of the loaded letter, walked through its serialised form.
    let json = serde_json::to_string(&letter).unwrap();
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    let mut strings = Vec::new();
    let mut stack = vec![&value];
    while let Some(v) = stack.pop() {
        match v {
            serde_json::Value::String(s) => strings.push(s.clone()),
            serde_json::Value::Array(a) => stack.extend(a),
            serde_json::Value::Object(o) => stack.extend(o.values()),
            _ => {}
        }
    }
    assert!(
        strings.iter().any(|s| s.contains("␛]0;pwned␇")),
        "shown as symbols"
    );
    for s in &strings {
        assert_inert("a loaded field", s);
    }
}

#[test]
fn no_face_of_a_hostile_letter_lets_an_escape_through() {
    let letter = load::parse(&hostile_letter(), "hostile.yaml").unwrap();
    let tree = LetterTree::new(letter);
    let mut out = Vec::new();
    cli::print_letter(&tree, &mut out).unwrap();
    cli::print_outline(&tree, None, Lang::En, &mut out).unwrap();
    let options = SearchOptions {
        color: false,
        lang: Lang::Zh,
    };
    assert!(cli::search(&tree, "pwned", options, &mut out).unwrap() > 0);
    for format in [
        cli::figures::Format::Table,
        cli::figures::Format::Csv,
        cli::figures::Format::Json,
    ] {
        let options = cli::figures::Options {
            format,
            sort: Default::default(),
            unit: None,
            lang: Lang::Zh,
            terminal: None,
        };
        cli::figures::print(&tree, options, &mut out).unwrap();
    }
    let printed = String::from_utf8(out).unwrap();
    assert!(printed.contains("pwned"));
    assert_inert("command-line output", &printed);
    // The clipboard copy of every node.
    for id in 0..tree.nodes.len() {
        assert_inert("a copy", &tree.subtree_text(id));
    }
}

#[test]
fn a_hostile_letter_on_screen_shows_symbols() {
    let letter = load::parse(&hostile_letter(), "hostile.yaml").unwrap();
    let tree = LetterTree::new(letter);
    let app = dafu::app::App::new(
        tree,
        Lang::Zh,
        dafu::text::AmbiguousWidth::Narrow,
        (120, 36),
    );
    let screen = util::screen(&app);
    assert!(screen.contains('␛'), "{screen}");
    assert_inert("the screen", &screen.replace('\n', ""));
}

#[test]
fn a_byte_order_mark_is_accepted_and_dropped() {
    let mut bytes = "\u{feff}".as_bytes().to_vec();
    bytes.extend_from_slice(load::EMBEDDED_LETTER.as_bytes());
    let letter = load::from_bytes(&bytes, "bom.yaml").expect("a BOM is legal in UTF-8 YAML");
    assert_eq!(letter, load::embedded());
}

#[test]
fn crlf_line_endings_load_the_same_letter() {
    let crlf = load::EMBEDDED_LETTER.replace('\n', "\r\n");
    let letter = load::from_bytes(crlf.as_bytes(), "crlf.yaml").expect("CRLF is legal YAML");
    assert_eq!(letter, load::embedded());
}
