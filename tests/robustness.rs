//! Random sequences of keys, mouse events and resizes, at sizes from 1×1 to 300×100: the
//! reader never panics, and every frame stays inside the screen — the frame is the screen's
//! size, no wide character is cut by an edge or drawn over, and no text runs over a border
//! (`util::frame_fits`).

mod util;

use dafu::action::Action;
use dafu::app::App;
use dafu::keymap::action_for;
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

/// Keys a person might press, including the prompt's editing keys and some Chinese.
fn key_code() -> impl Strategy<Value = KeyCode> {
    prop_oneof![
        prop::sample::select(vec![
            'j', 'k', 'h', 'l', 'J', 'K', 'g', 'G', 'E', 'C', '/', 'n', 'N', '&', 'f', 's', 'u',
            'y', '?', ' ', '1', '3', '5', '9', 'r', 'z', '人', '優', '（', '“', '\u{1b}',
        ])
        .prop_map(KeyCode::Char),
        prop::sample::select(vec![
            KeyCode::Up,
            KeyCode::Down,
            KeyCode::Left,
            KeyCode::Right,
            KeyCode::Enter,
            KeyCode::Esc,
            KeyCode::Tab,
            KeyCode::Backspace,
            KeyCode::Delete,
            KeyCode::Home,
            KeyCode::End,
            KeyCode::PageUp,
            KeyCode::PageDown,
        ]),
    ]
}

fn event() -> impl Strategy<Value = Event> {
    prop_oneof![
        8 => (key_code(), any::<bool>()).prop_map(|(code, ctrl)| {
            let mods = if ctrl { KeyModifiers::CONTROL } else { KeyModifiers::NONE };
            Event::Key(KeyEvent::new(code, mods))
        }),
        1 => (0u16..310, 0u16..110, 0u8..3).prop_map(|(column, row, kind)| {
            let kind = match kind {
                0 => MouseEventKind::ScrollDown,
                1 => MouseEventKind::ScrollUp,
                _ => MouseEventKind::Down(MouseButton::Left),
            };
            Event::Mouse(MouseEvent { kind, column, row, modifiers: KeyModifiers::NONE })
        }),
        1 => (1u16..=300, 1u16..=100).prop_map(|(w, h)| Event::Resize(w, h)),
        1 => "[人工智能a-z\\n\\u{1b}]{0,12}".prop_map(Event::Paste),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn random_sessions_never_panic(
        size in (1u16..=300, 1u16..=100),
        events in prop::collection::vec(event(), 1..40),
    ) {
        let mut app: App = util::app(size.0, size.1);
        let mut terminal = Terminal::new(TestBackend::new(size.0, size.1)).unwrap();
        for event in &events {
            if let Event::Resize(w, h) = event {
                terminal.backend_mut().resize(*w, *h);
            }
            if let Some(action) = action_for(&app, event) {
                if matches!(action, Action::Quit | Action::Interrupt) {
                    continue;
                }
                app.update(action);
            }
            // The frame as drawn, not the test backend's copy: ratatui sends the terminal only
            // the cells that changed, and a real terminal draws a wide character over the
            // cell it covers, which the test backend keeps as it was.
            let frame = terminal.draw(|frame| dafu::ui::draw(&app, frame)).unwrap();
            let fits = util::frame_fits(&app, frame.buffer);
            prop_assert!(fits.is_ok(), "{}; the screen:\n{}", fits.unwrap_err(),
                util::buffer_text(frame.buffer));
            prop_assert!(app.selected() < app.tree().nodes.len());
            prop_assert!(app.visible_nodes().contains(&app.selected())
                || app.search().filter, "selection hidden");
        }
    }
}
