//! A large letter opens on its start while the rest is read (issue 15): the start is the
//! whole letter's first nodes and blocks, checked as they are; the reader shows it, says the
//! rest is coming, keeps the totals for the whole letter, and stays where it is when the
//! whole letter takes its place.

#[path = "../benches/common/mod.rs"]
mod common;

use dafu::action::{Action, WholeLetter};
use dafu::app::{App, Overlay};
use dafu::letter::load::{self, preview::PREVIEW_FROM_BYTES};
use dafu::letter::tree::{LetterTree, NodeKind};
use dafu::strings::Lang;
use dafu::text::width::AmbiguousWidth;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use unicode_width::UnicodeWidthStr as _;

/// A scaled letter just over the size from which a preview is read.
const SCALE: usize = 40;

/// The scaled letter ×[`SCALE`] as YAML.
fn large_yaml() -> String {
    let yaml = common::scaled_yaml(SCALE);
    assert!(yaml.len() > PREVIEW_FROM_BYTES, "×{SCALE} is large enough");
    yaml
}

/// The start of `yaml` as the reader opens on it.
fn start_of(yaml: &str) -> Option<LetterTree> {
    load::preview(yaml.as_bytes(), "large.yaml")
        .map(|letter| LetterTree::new(letter).before_closing())
}

/// `yaml` with its list of suggestions indented by two spaces, as a person writes it.
fn list_indented(yaml: &str) -> String {
    let mut inside = false;
    let mut out = String::with_capacity(yaml.len() * 11 / 10);
    for line in yaml.split_inclusive('\n') {
        if inside && !line.starts_with(['-', ' ', '\n']) {
            inside = false;
        }
        if inside && line != "\n" {
            out.push_str("  ");
        }
        out.push_str(line);
        if line == "suggestions:\n" {
            inside = true;
        }
    }
    out
}

#[test]
fn the_start_is_the_whole_letters_first_nodes_and_blocks() {
    for yaml in [large_yaml(), list_indented(&large_yaml())] {
        let whole = common::load_tree(&yaml);
        let start = start_of(&yaml).expect("a large letter of the plain shape has a start");
        assert!(whole.starts_with(&start), "the start is the whole letter's");
        let suggestions = |t: &LetterTree| {
            t.nodes
                .iter()
                .filter(|n| n.kind == NodeKind::Suggestion)
                .count()
        };
        assert!(suggestions(&start) >= 5, "the start fills a screen");
        assert!(
            suggestions(&start) * 4 < suggestions(&whole),
            "the start is a small part: {} of {}",
            suggestions(&start),
            suggestions(&whole)
        );
        assert!(start.nodes.iter().all(|n| n.kind != NodeKind::Closing));
        // The errata after the list are read with the start: the title's correction shows.
        assert_eq!(start.letter.errata, whole.letter.errata);
        assert_eq!(start.blocks[..8], whole.blocks[..8]);
    }
}

#[test]
fn a_small_letter_or_another_shape_is_read_whole() {
    assert!(
        start_of(&common::scaled_yaml(1)).is_none(),
        "×1 is read whole"
    );
    assert!(
        start_of(&common::scaled_yaml(20)).is_none(),
        "half a MiB is read whole"
    );
    // Not a block list under `suggestions:`: no start is guessed.
    let flow = large_yaml().replacen(
        "suggestions:\n",
        "suggestions: [] # none\nold_suggestions:\n",
        1,
    );
    assert!(start_of(&flow).is_none());
}

#[test]
fn a_start_with_a_bad_figure_is_not_shown_and_the_whole_letter_says_why() {
    let yaml = large_yaml();
    // The first figure of the letter, given a value its text does not say.
    let bad = yaml.replacen("value: 13000000.0", "value: 13000001.0", 1);
    assert_ne!(bad, yaml, "the figure is in the letter");
    assert!(
        start_of(&bad).is_none(),
        "the start is checked node by node"
    );
    let error = load::from_bytes(bad.as_bytes(), "large.yaml").expect_err("the whole is refused");
    assert!(error.to_string().starts_with("large.yaml:"), "{error}");
}

#[test]
fn a_start_is_shown_though_the_rest_is_refused_later() {
    let yaml = large_yaml();
    let (bad, line) = common::refused_at_its_end(&yaml);
    assert!(start_of(&bad).is_some(), "the start passes its checks");
    let error = load::from_bytes(bad.as_bytes(), "large.yaml").expect_err("the whole is refused");
    assert!(
        error
            .to_string()
            .starts_with(&format!("large.yaml:{line}:")),
        "{error}"
    );
}

/// The text of a test screen's row, as a terminal shows it (a wide character once).
fn row(terminal: &Terminal<TestBackend>, y: u16) -> String {
    let buffer = terminal.backend().buffer();
    let mut text = String::new();
    let mut x = 0;
    while x < buffer.area.width {
        let symbol = buffer[(x, y)].symbol();
        text.push_str(symbol);
        x += u16::try_from(symbol.width().max(1)).unwrap_or(1);
    }
    text
}

fn draw(app: &App, terminal: &mut Terminal<TestBackend>) {
    terminal
        .draw(|frame| dafu::ui::draw(app, frame))
        .expect("draw");
}

#[test]
fn the_reader_on_a_start_says_the_rest_is_coming_and_stays_put_when_it_comes() {
    let yaml = large_yaml();
    let whole = common::load_tree(&yaml);
    let start = start_of(&yaml).expect("a start");
    let (width, height) = (100, 30);
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test backend");
    let mut app = App::new(start, Lang::Zh, AmbiguousWidth::Narrow, (width, height));
    app.update(Action::IndexComing);
    app.update(Action::RestComing);
    draw(&app, &mut terminal);
    let status = row(&terminal, height - 1);
    assert!(status.contains("1/… 正在读取全文…"), "{status}");
    assert!(
        row(&terminal, 1).contains("正文 …"),
        "no percentage of a part: {}",
        row(&terminal, 1)
    );

    // The figures' totals would add only the start: the view waits, and says why.
    app.update(Action::OpenFigures);
    assert_eq!(app.overlay(), None);
    draw(&app, &mut terminal);
    assert!(row(&terminal, height - 1).contains("全文读完后才能看数字"));

    // Moves, a section opened, a mark, a query typed: all kept when the whole letter comes.
    for _ in 0..5 {
        app.update(Action::Down);
    }
    app.update(Action::Expand);
    app.update(Action::SwitchFocus);
    app.update(Action::PageDown);
    app.update(Action::SetMark);
    app.update(Action::MarkLetter('a'));
    app.update(Action::OpenSearch);
    app.update(Action::SearchInsert("rgzn".into()));
    let (selected, top, place) = (app.selected(), app.reading_top(), app.kept_place());
    draw(&app, &mut terminal);
    let text_before: Vec<String> = (2..height - 2).map(|y| row(&terminal, y)).collect();

    let nodes = whole.nodes.len();
    app.update(Action::RestRead(WholeLetter(std::sync::Arc::new(whole))));
    assert!(!app.rest_coming());
    assert_eq!(app.tree().nodes.len(), nodes);
    assert_eq!(app.selected(), selected);
    assert_eq!(app.reading_top(), top);
    let kept = app.kept_place();
    assert_eq!(
        (kept.at, &kept.marks),
        (place.at, &place.marks),
        "place and marks"
    );
    // The sections open on the start stay open; the rest open as they would have.
    assert!(kept.expanded.starts_with(&place.expanded));
    assert!(kept.expanded.len() > place.expanded.len());
    assert!(app.search().editing && app.search().query == "rgzn");
    draw(&app, &mut terminal);
    let text_after: Vec<String> = (2..height - 2).map(|y| row(&terminal, y)).collect();
    assert_eq!(text_after, text_before, "the same text in view");

    app.update(Action::Escape);
    app.update(Action::Escape);
    app.update(Action::OpenFigures);
    assert_eq!(
        app.overlay(),
        Some(Overlay::Figures),
        "the figures open on the whole letter"
    );
    draw(&app, &mut terminal);
    assert!(!row(&terminal, height - 1).contains("正在读取全文…"));
}
