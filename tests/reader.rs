//! The reader driven through `Action` sequences, as jless tests its viewer: after each step,
//! the selected node, the reading position and what the screen shows.

mod util;

use dafu::action::Action::{self, *};
use dafu::app::reading::ReadingPos;
use dafu::app::{App, Focus, Overlay};
use util::{app, key, screen, selected_key};

fn run(app: &mut App, actions: impl IntoIterator<Item = Action>) {
    for a in actions {
        app.update(a);
    }
}

#[test]
fn down_and_up_walk_the_visible_nodes() {
    let mut app = app(120, 36);
    assert_eq!(selected_key(&app), "opening");
    app.update(Down);
    assert_eq!(selected_key(&app), "s1");
    app.update(Down);
    assert_eq!(selected_key(&app), "s1.m1");
    // s1.m1 is collapsed, so its points are skipped.
    app.update(Down);
    assert_eq!(selected_key(&app), "s1.m2");
    app.update(Up);
    app.update(Up);
    assert_eq!(selected_key(&app), "s1");
    app.update(Up);
    app.update(Up);
    assert_eq!(selected_key(&app), "opening", "Up stops at the first node");
}

#[test]
fn right_expands_then_descends_left_collapses_then_ascends() {
    let mut app = app(120, 36);
    run(&mut app, [JumpToSuggestion(3), Down]);
    assert_eq!(selected_key(&app), "s3.m1");
    let m1 = app.selected();
    assert!(!app.expanded()[m1]);
    app.update(Expand);
    assert!(app.expanded()[m1], "→ on a collapsed node expands it");
    assert_eq!(selected_key(&app), "s3.m1");
    app.update(Expand);
    assert_eq!(
        selected_key(&app),
        "s3.m1.p1",
        "→ on an expanded node goes to its first child"
    );
    app.update(Collapse);
    assert_eq!(
        selected_key(&app),
        "s3.m1",
        "← on a leaf goes to the parent"
    );
    app.update(Collapse);
    assert!(!app.expanded()[m1], "← on an expanded node collapses it");
    app.update(Collapse);
    assert_eq!(selected_key(&app), "s3");
}

#[test]
fn siblings_numbers_and_ends() {
    let mut app = app(120, 36);
    app.update(JumpToSuggestion(3));
    assert_eq!(selected_key(&app), "s3");
    app.update(NextSibling);
    assert_eq!(selected_key(&app), "s4");
    app.update(PrevSibling);
    app.update(PrevSibling);
    assert_eq!(selected_key(&app), "s2");
    app.update(JumpToSuggestion(9));
    assert_eq!(
        selected_key(&app),
        "s2",
        "a suggestion the letter lacks changes nothing"
    );
    app.update(Last);
    assert_eq!(selected_key(&app), "closing");
    app.update(First);
    assert_eq!(selected_key(&app), "opening");
}

#[test]
fn enter_toggles_and_expand_all_collapse_all() {
    let mut app = app(120, 36);
    app.update(JumpToSuggestion(1));
    let s1 = app.selected();
    app.update(Toggle);
    assert!(!app.expanded()[s1]);
    app.update(Toggle);
    assert!(app.expanded()[s1]);
    app.update(ExpandAll);
    assert_eq!(app.visible_nodes().len(), app.tree().nodes.len());
    run(&mut app, [Down, Down]);
    assert_eq!(selected_key(&app), "s1.m1.p1");
    app.update(CollapseAll);
    assert_eq!(
        app.visible_nodes().len(),
        7,
        "opening, five suggestions, closing"
    );
    assert_eq!(
        selected_key(&app),
        "s1",
        "the selection moves to its visible ancestor"
    );
}

#[test]
fn selecting_a_node_scrolls_the_text_to_it() {
    let mut app = app(120, 36);
    app.update(JumpToSuggestion(4));
    let block = app.tree().nodes[app.selected()].blocks.start;
    assert_eq!(app.reading_top(), ReadingPos { block, line: 0 });
    assert!(screen(&app).contains("四、关于引进培育新一代智能产业平台创新人才的建议"));
}

#[test]
fn scrolling_the_text_moves_the_outline_selection() {
    let mut app = app(120, 36);
    app.update(SwitchFocus);
    assert_eq!(app.focus(), Focus::Reading);
    let before = app.reading_top();
    app.update(PageDown);
    assert!(app.reading_top() > before);
    for _ in 0..6 {
        app.update(PageDown);
    }
    let top_block = util::top_line(&app).block;
    let node = app.tree().blocks[top_block].node;
    assert!(
        app.tree().path(node).contains(&app.selected()),
        "the selection is the section in view or its visible ancestor"
    );
    assert_ne!(selected_key(&app), "opening");
    app.update(First);
    assert_eq!(util::top_line_number(&app), 0);
    assert_eq!(selected_key(&app), "opening");
}

#[test]
fn keys_reach_actions_through_the_keymap() {
    let mut app = app(120, 36);
    for k in ['3', 'j', 'l'] {
        let action = key(&app, k).expect("mapped");
        app.update(action);
    }
    assert_eq!(selected_key(&app), "s3.m1");
    assert!(app.expanded()[app.selected()]);
    let action = key(&app, '?').unwrap();
    app.update(action);
    assert_eq!(app.overlay(), Some(Overlay::Help));
    app.update(Escape);
    assert_eq!(app.overlay(), None);
    let action = key(&app, 'q').unwrap();
    app.update(action);
    assert!(app.should_quit());
}

#[test]
fn narrow_screens_show_one_pane_and_tab_switches() {
    let mut app = app(80, 24);
    let s = screen(&app);
    assert!(s.contains("目录"));
    assert!(!s.contains("正文"));
    app.update(SwitchFocus);
    let s = screen(&app);
    assert!(s.contains("正文"));
    assert!(!s.contains(" 目录 "));
}

#[test]
fn copy_queues_the_selected_text_for_the_clipboard() {
    let mut app = app(120, 36);
    run(&mut app, [JumpToSuggestion(5), Down, Copy]);
    let effects = app.take_effects();
    let [dafu::app::Effect::Copy(text)] = effects.as_slice() else {
        panic!("one copy effect expected, got {effects:?}");
    };
    assert!(text.starts_with("（一）促进科技金融产业融合"));
    assert!(text.contains("二是进一步完善政府与银行风险分担机制"));
}

#[test]
fn figures_view_jumps_to_the_figure() {
    let mut app = app(120, 36);
    app.update(OpenFigures);
    assert_eq!(app.overlay(), Some(Overlay::Figures));
    let target = app
        .figures()
        .expect("the view is open")
        .rows
        .iter()
        .position(|&(n, i)| app.tree().nodes[n].figures[i].text == "2381家")
        .unwrap();
    for _ in 0..target {
        app.update(Down);
    }
    app.update(Activate);
    assert_eq!(app.overlay(), None);
    assert_eq!(selected_key(&app), "s5.m1.p2");
    let (block, range) = app.spotlight().cloned().expect("the figure is set apart");
    assert_eq!(app.tree().blocks[block].text.get(range), Some("2381家"));
    assert!(screen(&app).contains("2381家"));
}

#[test]
fn no_size_panics_or_draws_past_the_edge() {
    for (w, h) in [
        (1, 1),
        (2, 1),
        (10, 3),
        (39, 9),
        (40, 10),
        (41, 11),
        (60, 20),
        (99, 30),
        (100, 30),
        (300, 100),
    ] {
        let mut app = app(w, h);
        for action in [
            Down,
            JumpToSuggestion(3),
            Expand,
            Expand,
            OpenHelp,
            Escape,
            OpenFigures,
            Down,
            Escape,
            SwitchFocus,
            PageDown,
            Last,
        ] {
            app.update(action);
            util::draw_checked(&app);
        }
    }
}

#[test]
fn too_small_says_so_and_nothing_else() {
    let app = app(39, 9);
    let s = screen(&app);
    assert!(s.starts_with("终端太小"), "{s}");
    // It names the size the reader needs, and nothing else is drawn.
    assert_eq!(s.trim_end(), "终端太小，至少需要 40×10");
}

/// While the screen is too small, keys do nothing unseen: letters typed into an open prompt
/// had come back in it with the screen (`rgzn` became `rgznab`), and `j` moved the outline.
/// `q` still quits.
#[test]
fn while_the_screen_is_too_small_keys_act_on_nothing_unseen() {
    let press = |app: &App, c: char| key(app, c);
    let mut app = util::app(80, 24);
    app.update(OpenSearch);
    app.update(SearchInsert("rgzn".into()));
    app.update(Resize {
        width: 30,
        height: 8,
    });
    for c in ['a', 'b', 'q'] {
        assert_eq!(press(&app, c), None, "{c} in the prompt");
    }
    app.update(Resize {
        width: 80,
        height: 24,
    });
    assert_eq!(app.search().query, "rgzn");
    app.update(SearchCancel);
    app.update(Resize {
        width: 30,
        height: 8,
    });
    assert_eq!(press(&app, 'j'), None);
    assert_eq!(press(&app, 'q'), Some(Quit));
}

/// Scrolls the text of a reader at 120×36 down until its top line starts inside a paragraph
/// long enough to wrap differently at every width.
fn reading_inside_a_long_paragraph(mode: dafu::text::width::AmbiguousWidth) -> App {
    let mut app = util::app_with(120, 36, mode);
    app.update(SwitchFocus);
    loop {
        let top = util::top_line(&app);
        if top.range.start > 0 && app.tree().blocks[top.block].text.len() > 1000 {
            return app;
        }
        app.update(Down);
    }
}

#[test]
fn a_resize_keeps_the_words_at_the_top_of_the_text() {
    use dafu::text::width::AmbiguousWidth;
    for mode in [AmbiguousWidth::Narrow, AmbiguousWidth::Wide] {
        let mut app = reading_inside_a_long_paragraph(mode);
        let before = util::top_line(&app);
        let (block, byte) = (before.block, before.range.start);
        // Wider, narrower, one pane, far narrower, and back.
        for width in [160, 100, 60, 200, 45, 120] {
            app.update(Resize { width, height: 36 });
            let top = util::top_line(&app);
            assert_eq!(top.block, block, "at {width} columns");
            assert!(
                top.range.contains(&byte),
                "{top:?} for {byte} at {width} columns"
            );
            // And the screen shows those words on the pane's first row of text.
            let text = &app.tree().blocks[block].text;
            let words = text.get(top.shown()).expect("a line is whole characters");
            let first_row = screen(&app).lines().nth(2).unwrap_or_default().to_string();
            assert!(
                first_row.contains(words),
                "{first_row:?} at {width} columns"
            );
        }
        // Back at the first width, the same line is at the top: the resizes did not drift.
        assert_eq!(util::top_line(&app), before);
        // A resize after a scroll keeps the new top line.
        app.update(Down);
        let moved = util::top_line(&app);
        app.update(Resize {
            width: 90,
            height: 36,
        });
        let top = util::top_line(&app);
        assert!(
            top.range.contains(&moved.range.start),
            "{top:?} for {moved:?}"
        );
    }
}

/// With the outline alone on the screen, a page key turns it a page with the selection, as a
/// pager does (the rows in view are rows not seen), stopping at its last page.
#[test]
fn on_one_pane_a_page_turns_the_outline_with_its_selection() {
    let mut app = app(80, 12);
    assert_eq!(app.focus(), Focus::Outline);
    let rows = usize::from(dafu::layout::inner(app.areas().outline.unwrap()).height);
    let len = app.visible_nodes().len();
    assert!(
        len > 2 * rows,
        "the outline is longer than two screens: {len}/{rows}"
    );
    app.update(PageDown);
    let at = |app: &dafu::app::App| {
        (app.visible_nodes().iter())
            .position(|&n| n == app.selected())
            .unwrap()
    };
    assert_eq!(at(&app), rows, "the selection moves a page");
    assert_eq!(app.outline_offset(), rows, "and the outline turns with it");
    app.update(PageUp);
    assert_eq!((at(&app), app.outline_offset()), (0, 0));
}

/// Opened on the last row of the outline's window, a node's children come into view under
/// it (as many as fit), the node staying in view.
#[test]
fn opening_a_node_on_the_last_row_brings_its_children_into_view() {
    let mut app = app(80, 12);
    let rows = usize::from(dafu::layout::inner(app.areas().outline.unwrap()).height);
    while selected_key(&app) != "s5.m1" {
        app.update(Down);
    }
    let at = |app: &dafu::app::App, node| {
        (app.visible_nodes().iter())
            .position(|&n| n == node)
            .unwrap()
    };
    let node = app.selected();
    assert!(!app.expanded()[node], "s5.m1 starts closed");
    assert_eq!(
        at(&app, node),
        app.outline_offset() + rows - 1,
        "on the last row"
    );
    app.update(Toggle);
    let last_child = *app.tree().nodes[node].children.last().unwrap();
    let offset = app.outline_offset();
    assert!(
        at(&app, last_child) < offset + rows,
        "its children are in view"
    );
    assert!(at(&app, node) >= offset, "and so is the node");
}
