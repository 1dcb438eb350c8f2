//! One selection, two views: whatever moves the text moves the selection, whatever moves
//! the selection moves the text, and the status row names where the reader is — even inside
//! a collapsed section, and at the end of the letter.

mod util;

use dafu::action::Action::*;
use dafu::app::{App, Focus};
use util::{app, screen, selected_key};

fn status_row(app: &App) -> String {
    screen(app).lines().last().unwrap_or_default().to_string()
}

fn key_of(app: &App, id: usize) -> String {
    app.tree().nodes[id].key.clone()
}

/// Does `action` until `reached` holds, at most `most` times (else fails, naming `what`).
fn press_until(
    app: &mut App,
    action: dafu::action::Action,
    most: usize,
    what: &str,
    reached: impl Fn(&App) -> bool,
) {
    for _ in 0..most {
        if reached(app) {
            return;
        }
        app.update(action.clone());
    }
    assert!(reached(app), "never reached {what}");
}

/// The block at the top of the reading pane belongs to `key`'s node.
fn text_at_top_is(app: &App, key: &str) -> bool {
    let line = util::top_line(app);
    key_of(app, app.tree().blocks[line.block].node) == key
}

#[test]
fn clicking_a_marker_moves_the_text_as_well_as_the_selection() {
    let mut app = app(120, 36);
    // s3.m1 stands, collapsed, on the outline's row for it; find its marker's column.
    let row = app
        .visible_nodes()
        .iter()
        .position(|&id| key_of(&app, id) == "s3.m1")
        .expect("s3.m1 is in the outline");
    let depth = u16::try_from(app.tree().nodes[app.visible_nodes()[row]].depth).unwrap();
    let (x, y) = (1 + 2 * depth, 2 + u16::try_from(row).unwrap());
    app.update(Click { x, y });
    assert_eq!(selected_key(&app), "s3.m1");
    assert!(app.expanded()[app.selected()], "the click on ▸ expanded it");
    assert!(text_at_top_is(&app, "s3.m1"), "the text followed the click");
}

#[test]
fn reading_to_the_end_selects_the_closing() {
    let mut app = app(120, 36);
    app.update(SwitchFocus);
    for _ in 0..200 {
        app.update(PageDown);
    }
    assert_eq!(key_of(&app, app.place()), "closing");
    assert_eq!(selected_key(&app), "closing");
    assert!(status_row(&app).contains("结尾"), "{}", status_row(&app));
    // And back: paging up leaves the end, and the place with it.
    app.update(PageUp);
    assert_ne!(key_of(&app, app.place()), "closing");
}

#[test]
fn scrolling_inside_a_collapsed_section_names_the_deepest_node_in_view() {
    let mut app = app(120, 36);
    app.update(CollapseAll);
    app.update(JumpToSuggestion(3));
    app.update(SwitchFocus);
    // Down a line at a time until the top of the text is inside a point of s3.
    press_until(&mut app, Down, 400, "a point of suggestion 3", |app| {
        key_of(app, app.place()).contains(".p")
    });
    assert_eq!(
        selected_key(&app),
        "s3",
        "the outline shows only what is expanded"
    );
    let place = key_of(&app, app.place());
    assert!(place.starts_with("s3.m"), "{place}");
    let status = status_row(&app);
    assert!(
        status.contains("是"),
        "the status row names the point: {status}"
    );
}

/// With one pane on the screen (80 columns), the reader pages the text inside a collapsed
/// section, then goes back to the outline: the row lit there is the node the status row
/// names, opened to, and Enter acts on it, not on its section.
#[test]
fn back_in_the_outline_from_the_text_the_place_is_selected_and_named() {
    let mut app = app(80, 24);
    app.update(CollapseAll);
    app.update(SwitchFocus);
    for _ in 0..4 {
        app.update(PageDown);
    }
    let place = app.place();
    assert!(
        key_of(&app, place).contains(".m"),
        "inside a collapsed suggestion: {}",
        key_of(&app, place)
    );
    app.update(SwitchFocus);
    assert_eq!(app.focus(), Focus::Outline);
    assert!(app.areas().reading.is_none(), "one pane");
    assert_eq!(app.selected(), place, "the place is selected");
    let screen = screen(&app);
    let title = &app.tree().nodes[place].title;
    let lit = screen
        .lines()
        .find(|line| line.contains(title.as_str()))
        .unwrap_or_default();
    assert!(!lit.is_empty(), "its row is on the screen:\n{screen}");
    let status = status_row(&app);
    let (_, position) = status.trim_end().rsplit_once(' ').unwrap_or_default();
    assert!(
        status.contains(&format!(" {}/", place + 1)),
        "the status row names it ({position}): {status}"
    );
    // Enter acts on it (it has points: they open under it), not on its suggestion.
    app.update(Activate);
    assert_eq!(app.selected(), place);
    assert!(
        app.visible_nodes().contains(&(place + 1)),
        "its points show"
    );
}

/// With the outline filtered to a search's matches (`&`), Tab back from the text selects a
/// row the outline shows: the nearest shown ancestor of a place the filter hides, never the
/// hidden place itself (no row lit, and ↓ jumping to the top).
#[test]
fn back_in_a_filtered_outline_the_selection_is_a_row_it_shows() {
    let mut app = app(120, 36);
    util::search(&mut app, "专利");
    app.update(ToggleFilter);
    app.update(SwitchFocus);
    press_until(&mut app, PageDown, 60, "a node the filter hides", |app| {
        !app.visible_nodes().contains(&app.place())
    });
    app.update(SwitchFocus);
    assert_eq!(app.focus(), Focus::Outline);
    assert!(
        app.visible_nodes().contains(&app.selected()),
        "selected {} is a shown row",
        key_of(&app, app.selected())
    );
    assert!(
        app.tree().path(app.place()).contains(&app.selected()),
        "an ancestor of the place"
    );
}

/// With the outline alone on the screen, the status row names the row lit there, even when
/// the place is inside a section the outline shows closed: here paged to from the outline
/// beside the text, then the terminal made narrower.
#[test]
fn with_the_outline_alone_the_status_row_names_the_row_lit() {
    let mut app = app(120, 36);
    app.update(CollapseAll);
    press_until(&mut app, PageDown, 40, "a measure", |app| {
        key_of(app, app.place()).contains(".m")
    });
    assert_eq!(app.focus(), Focus::Outline);
    let (place, selected) = (app.place(), app.selected());
    assert_ne!(
        place, selected,
        "the place is inside a collapsed suggestion"
    );
    app.update(Resize {
        width: 60,
        height: 20,
    });
    assert!(app.areas().reading.is_none(), "the outline alone");
    let status = status_row(&app);
    assert!(
        status.contains(&format!(" {}/", selected + 1)),
        "names the row lit, {}: {status}",
        key_of(&app, selected)
    );
}

#[test]
fn the_breadcrumb_keeps_its_numbers_when_cut() {
    let mut app = app(60, 20);
    app.update(JumpToSuggestion(1));
    app.update(Down);
    app.update(Down);
    assert_eq!(selected_key(&app), "s1.m2");
    let status = status_row(&app);
    assert!(status.contains("…"), "cut: {status}");
    // s1.m2 is 「（二）创新工作机制，加强核心技术攻关」: too long for the row beside the
    // heading above it, it keeps the numbers that say where it is, and its name's start.
    assert!(
        status.trim_start().starts_with("一、（二）创新"),
        "the numbers survive: {status}"
    );
    // Where there is room for it beside the end, the number of the suggestion above.
    let mut app = util::app(90, 20);
    app.update(JumpToSuggestion(1));
    app.update(Down);
    app.update(Down);
    let status = status_row(&app);
    assert!(status.contains("加强核心技术攻关 "), "{status}");
    assert!(
        status.trim_start().starts_with("一、"),
        "and 一、: {status}"
    );
    // A suggestion's heading alone, too long for the row, keeps its number and its start:
    // it had been cut at its start (`…融资平台的建议`), which of the five not said.
    for (width, height) in [(80, 24), (40, 15)] {
        let mut app = util::app(width, height);
        app.update(JumpToSuggestion(5));
        assert_eq!(selected_key(&app), "s5");
        let status = status_row(&app);
        assert!(status.contains('…'), "cut: {status}");
        assert!(
            status.trim_start().starts_with("五、关于构建"),
            "{width}x{height}: {status}"
        );
    }
}

#[test]
fn one_pane_screens_say_how_to_reach_the_other() {
    let app = app(80, 24);
    assert!(status_row(&app).contains("Tab"), "{}", status_row(&app));
    let wide = util::app(120, 36);
    assert!(!status_row(&wide).contains("Tab"), "{}", status_row(&wide));
    // Where the full hints do not fit, the short ones still name Tab (60 columns, English).
    let tree = dafu::letter::tree::LetterTree::new(dafu::letter::load::embedded());
    let narrow = App::new(
        tree,
        dafu::strings::Lang::En,
        dafu::text::AmbiguousWidth::Narrow,
        (60, 20),
    );
    assert!(
        status_row(&narrow).contains("Tab"),
        "{}",
        status_row(&narrow)
    );
}

#[test]
fn filter_and_next_without_a_search_say_there_is_none() {
    let mut app = app(120, 36);
    app.update(ToggleFilter);
    let note = app.note().expect("a note").text.clone();
    assert!(note.contains('/'), "{note}");
    app.update(NextMatch);
    assert!(app.note().is_some(), "n without a search says so");
}

#[test]
fn selecting_in_the_outline_brings_the_text_and_the_place() {
    let mut app = app(80, 24);
    app.update(JumpToSuggestion(4));
    assert_eq!(key_of(&app, app.place()), "s4");
    app.update(SwitchFocus);
    assert_eq!(app.focus(), Focus::Reading);
    assert!(text_at_top_is(&app, "s4"));
}

#[test]
fn a_second_click_on_an_outline_row_does_what_enter_does() {
    // One pane at 60 columns: the second click on a leaf is the way to its text.
    let mut app = app(60, 20);
    app.update(JumpToSuggestion(1));
    while !app.tree().nodes[app.selected()].children.is_empty() {
        app.update(Expand);
    }
    let leaf = app.selected();
    assert!(
        app.tree().nodes[leaf].children.is_empty(),
        "{}",
        key_of(&app, leaf)
    );
    let row = app
        .visible_nodes()
        .iter()
        .position(|&id| id == leaf)
        .expect("the leaf is in the outline");
    // The outline's rows start under the title row and the pane's border.
    let y = 2 + u16::try_from(row).unwrap();
    click(&mut app, 20, y);
    assert_eq!(app.focus(), Focus::Reading, "{}", screen(&app));
    assert!(text_at_top_is(&app, &key_of(&app, leaf)));
    // On a row not selected, a click selects it and no more.
    let mut app = util::app(60, 20);
    click(&mut app, 20, 3);
    assert_eq!(app.focus(), Focus::Outline);
}

/// A left click at (`x`, `y`), as the terminal reports it: through the keymap, as typed.
fn click(app: &mut App, x: u16, y: u16) {
    use ratatui::crossterm::event::{Event, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
    let event = Event::Mouse(MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column: x,
        row: y,
        modifiers: KeyModifiers::NONE,
    });
    if let Some(action) = dafu::keymap::action_for(app, &event) {
        app.update(action);
    }
}

#[test]
fn a_click_on_a_figure_selects_it_and_a_second_goes_to_it() {
    let mut app = app(100, 30);
    app.update(OpenFigures);
    let first = app.figures().and_then(|f| f.current()).expect("a figure");
    // The rows start under the border, the pane's margin and the headings: find the third
    // figure's row on the screen by its selection moving there.
    let shown = screen(&app);
    let heading = shown
        .lines()
        .position(|l| l.contains("数值"))
        .expect("the headings");
    let y = u16::try_from(heading + 3).unwrap();
    click(&mut app, 10, y);
    let picked = app.figures().and_then(|f| f.current()).expect("a figure");
    assert_ne!(picked, first, "{}", screen(&app));
    assert_eq!(
        app.figures().map(|f| f.selected),
        Some(2),
        "{}",
        screen(&app)
    );
    click(&mut app, 10, y);
    assert!(
        !screen(&app).contains("数值"),
        "the view closed at the figure"
    );
    assert_eq!(app.place(), picked.0);
}

#[test]
fn paging_from_the_outline_reads_on_in_the_text_beside_it() {
    let mut app = app(120, 36);
    assert_eq!(app.focus(), Focus::Outline);
    let top = util::top_line_number(&app);
    app.update(PageDown);
    // The text moved on by a page, less a line of context; the outline kept the focus.
    assert_eq!(app.focus(), Focus::Outline);
    assert!(util::top_line_number(&app) > top + 10, "{}", screen(&app));
    // Reading on, the selection follows the text, and never skips a part of it.
    let mut app = util::app(120, 36);
    let mut seen = vec![selected_key(&app)];
    for _ in 0..60 {
        app.update(PageDown);
        if seen.last() != Some(&selected_key(&app)) {
            seen.push(selected_key(&app));
        }
    }
    assert_eq!(seen.first().map(String::as_str), Some("opening"));
    assert!(seen.iter().any(|k| k == "s1.m1"), "{seen:?}");
    assert_eq!(seen.last().map(String::as_str), Some("closing"), "{seen:?}");
    // With one pane, the outline pages itself.
    let mut app = util::app(60, 20);
    app.update(PageDown);
    assert_eq!(app.focus(), Focus::Outline);
    assert!(app.selected() > 5, "{}", screen(&app));
}

#[test]
fn a_second_click_on_a_bar_of_the_chart_goes_to_it_without_the_chart_moving() {
    let mut app = app(100, 34);
    app.update(OpenFigures);
    app.update(ToggleFiguresChart);
    app.update(Last);
    let last = app.figures().and_then(|f| f.current()).expect("a bar");
    let text = app.tree().nodes[last.0].figures[last.1].text.clone();
    app.update(First);
    // The last bar is on the first screen of the chart, the notes under it are not: a click
    // that scrolled to show them would move the bar from under the pointer.
    let shown = screen(&app);
    let lines: Vec<&str> = shown.lines().collect();
    let y = lines
        .iter()
        .rposition(|l| l.contains(&text))
        .unwrap_or_else(|| panic!("{text} on the screen:\n{shown}"));
    let y = u16::try_from(y).unwrap();
    click(&mut app, 10, y);
    assert_eq!(
        app.figures().and_then(|f| f.current()),
        Some(last),
        "{}",
        screen(&app)
    );
    click(&mut app, 10, y);
    assert_eq!(app.place(), last.0, "{}", screen(&app));
}

/// Over the help or the figures the status row names none of the reader's keys: `q退出`
/// (`q` closes the view there) and `Tab切换` (Tab does not change panes under it) said what
/// they do not do. The overlay's border names its own keys.
#[test]
fn over_an_overlay_the_status_row_names_no_key_of_the_readers() {
    for (width, height) in [(120, 36), (80, 24), (40, 15)] {
        for open in [OpenHelp, OpenFigures] {
            let mut app = util::app(width, height);
            assert!(status_row(&app).contains("帮助"), "{}", status_row(&app));
            app.update(open.clone());
            let status = status_row(&app);
            for hint in ["q退出", "Tab切换", "?帮助"] {
                assert!(
                    !status.contains(hint),
                    "{width}x{height} {open:?}: {status}"
                );
            }
            assert!(status.contains("1/40"), "the position stays: {status}");
        }
    }
}
