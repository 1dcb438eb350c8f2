//! Terminal events → [`Action`]s. Only key presses count: a terminal that reports releases
//! and repeats (kitty's protocol, Windows) must not act twice.

use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};

use crate::action::Action;
use crate::app::{App, Overlay};

/// Lines one notch of the mouse wheel scrolls.
const WHEEL_LINES: i32 = 3;

/// The action an event asks for in the app's current mode, if any.
#[must_use]
pub fn action_for(app: &App, event: &Event) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind == KeyEventKind::Press => key_action(app, key),
        Event::Paste(text) if app.search.editing => Some(Action::SearchInsert(text.clone())),
        Event::Mouse(mouse) if app.overlay.is_none() => match mouse.kind {
            MouseEventKind::ScrollDown => Some(Action::Wheel {
                x: mouse.column,
                y: mouse.row,
                lines: WHEEL_LINES,
            }),
            MouseEventKind::ScrollUp => Some(Action::Wheel {
                x: mouse.column,
                y: mouse.row,
                lines: -WHEEL_LINES,
            }),
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click {
                x: mouse.column,
                y: mouse.row,
            }),
            _ => None,
        },
        Event::Resize(width, height) => Some(Action::Resize {
            width: *width,
            height: *height,
        }),
        _ => None,
    }
}

fn key_action(app: &App, key: &KeyEvent) -> Option<Action> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    if ctrl && key.code == KeyCode::Char('c') {
        return Some(Action::Quit);
    }
    // In raw mode the terminal sends Ctrl-Z as a key, not as SIGTSTP: suspend in every mode.
    if ctrl && key.code == KeyCode::Char('z') {
        return Some(Action::Suspend);
    }
    if app.search.editing {
        return prompt_key(key, ctrl);
    }
    if app.overlay == Some(Overlay::Figures) {
        match key.code {
            KeyCode::Char('s') => return Some(Action::CycleSort),
            KeyCode::Char('u') => return Some(Action::CycleUnitFilter),
            KeyCode::Char('c') => return Some(Action::ToggleFiguresChart),
            KeyCode::Enter => return Some(Action::Activate),
            _ => {}
        }
    }
    let action = match key.code {
        KeyCode::Char('d') if ctrl => Action::PageDown,
        KeyCode::Char('u') if ctrl => Action::PageUp,
        KeyCode::Char('f') if ctrl => Action::PageDown,
        KeyCode::Char('b') if ctrl => Action::PageUp,
        _ if ctrl => return None,
        KeyCode::Down | KeyCode::Char('j') => Action::Down,
        KeyCode::Up | KeyCode::Char('k') => Action::Up,
        KeyCode::Right | KeyCode::Char('l') => Action::Expand,
        KeyCode::Left | KeyCode::Char('h') => Action::Collapse,
        KeyCode::Enter | KeyCode::Char(' ') => Action::Toggle,
        KeyCode::Char('J') => Action::NextSibling,
        KeyCode::Char('K') => Action::PrevSibling,
        KeyCode::Char(c @ '1'..='9') => Action::JumpToSuggestion(c as usize - '0' as usize),
        KeyCode::Char('E') => Action::ExpandAll,
        KeyCode::Char('C') => Action::CollapseAll,
        KeyCode::Char('g') | KeyCode::Home => Action::First,
        KeyCode::Char('G') | KeyCode::End => Action::Last,
        KeyCode::PageDown => Action::PageDown,
        KeyCode::PageUp => Action::PageUp,
        KeyCode::Tab | KeyCode::BackTab => Action::SwitchFocus,
        KeyCode::Char('/') => Action::OpenSearch,
        KeyCode::Char('n') => Action::NextMatch,
        KeyCode::Char('N') => Action::PrevMatch,
        KeyCode::Char('&') => Action::ToggleFilter,
        KeyCode::Char('f') => Action::OpenFigures,
        KeyCode::Char('y') => Action::Copy,
        KeyCode::Char('?') => Action::OpenHelp,
        KeyCode::Esc => Action::Escape,
        KeyCode::Char('q') => Action::Quit,
        _ => return None,
    };
    Some(action)
}

fn prompt_key(key: &KeyEvent, ctrl: bool) -> Option<Action> {
    Some(match key.code {
        KeyCode::Char('w') if ctrl => Action::SearchDeleteWord,
        KeyCode::Char('a') if ctrl => Action::SearchHome,
        KeyCode::Char('e') if ctrl => Action::SearchEnd,
        _ if ctrl => return None,
        // An input method commits each character as a key event of its own.
        KeyCode::Char(c) => Action::SearchInsert(c.to_string()),
        KeyCode::Backspace => Action::SearchBackspace,
        KeyCode::Delete => Action::SearchDelete,
        KeyCode::Left => Action::SearchLeft,
        KeyCode::Right => Action::SearchRight,
        KeyCode::Home => Action::SearchHome,
        KeyCode::End => Action::SearchEnd,
        KeyCode::Enter => Action::SearchSubmit,
        KeyCode::Esc => Action::SearchCancel,
        _ => return None,
    })
}
