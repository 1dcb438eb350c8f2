//! Terminal events → [`Action`]s, by the table in [`crate::keys`]. Only key presses count: a
//! terminal that reports releases and repeats (kitty's protocol, Windows) must not act twice.

use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};

use crate::action::Action;
use crate::app::shelf::ShelfApp;
use crate::app::{App, Focus, Overlay};
use crate::keys::{Mode, describe, lookup};

/// Lines one notch of the mouse wheel scrolls.
const WHEEL_LINES: i32 = 3;

/// The action an event asks for in the app's current mode, if any.
#[must_use]
pub fn action_for(app: &App, event: &Event) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind == KeyEventKind::Press => key_action(app, key),
        Event::Paste(text) if app.search().editing => Some(Action::SearchInsert(text.clone())),
        // The wheel scrolls an overlay too; a click means nothing over the help, and picks a
        // figure in the figures view.
        _ => pointer_or_resize(
            event,
            matches!(app.overlay(), None | Some(Overlay::Figures)),
        ),
    }
}

fn key_action(app: &App, key: &KeyEvent) -> Option<Action> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    if let Some(action) = lookup(Mode::Always, key, ctrl) {
        return Some(action);
    }
    if app.areas().too_small {
        return quit_only(key, ctrl, app.search().editing);
    }
    // The key after `m` or `'` names a mark, whatever it means elsewhere.
    if app.mark_key().is_some()
        && let KeyCode::Char(c) = key.code
        && !ctrl
    {
        return Some(Action::MarkLetter(c));
    }
    // The help opened from the prompt (F1) takes the keys until it closes.
    if app.search().editing && app.overlay().is_none() {
        return lookup(Mode::Prompt, key, ctrl).or_else(|| match key.code {
            // An input method commits each character as a key event of its own.
            KeyCode::Char(c) if !ctrl => Some(Action::SearchInsert(c.to_string())),
            _ => None,
        });
    }
    let modes: &[Mode] = match (app.overlay(), app.focus()) {
        (Some(Overlay::Figures), _) => &[Mode::Figures, Mode::Overlay],
        (Some(Overlay::Help), _) => &[Mode::Overlay],
        (None, Focus::Outline) => &[Mode::Outline],
        (None, Focus::Reading) => &[Mode::Reading],
    };
    modes
        .iter()
        .chain(&[Mode::Browse])
        .find_map(|&mode| lookup(mode, key, ctrl))
        // A key that does nothing here is named in the status row, so that a habit from
        // another tool does not fail silently (F5, Ctrl-x or Insert as much as `z`).
        .or_else(|| describe(key, app.lang()).map(Action::Unbound))
}

/// The action an event asks for on the shelf, if any: the prompt's keys while it is open,
/// else the shelf's own, then the moves of the reader.
#[must_use]
pub fn shelf_action_for(app: &ShelfApp, event: &Event) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind == KeyEventKind::Press => shelf_key_action(app, key),
        Event::Paste(text) if app.prompt().is_some() => Some(Action::SearchInsert(text.clone())),
        // The wheel pages the help too; a click means nothing there.
        _ => pointer_or_resize(event, app.help_offset().is_none()),
    }
}

/// The action of `key` on a screen too small to show a pane, a prompt or an overlay: a key
/// would act unseen there (a word typed into a prompt no one sees came back with the
/// screen), so none does but `q`, which quits, unless a prompt is open (`editing`).
fn quit_only(key: &KeyEvent, ctrl: bool, editing: bool) -> Option<Action> {
    let quit = key.code == KeyCode::Char('q') && !ctrl && !editing;
    quit.then_some(Action::Quit)
}

/// The wheel, a click (where `clicks` allows one) and a resize: the same in the reader and on
/// the shelf.
fn pointer_or_resize(event: &Event, clicks: bool) -> Option<Action> {
    match event {
        Event::Mouse(mouse) => match mouse.kind {
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
            MouseEventKind::Down(MouseButton::Left) if clicks => Some(Action::Click {
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

fn shelf_key_action(app: &ShelfApp, key: &KeyEvent) -> Option<Action> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    if let Some(action) = lookup(Mode::Always, key, ctrl) {
        return Some(action);
    }
    let (width, height) = app.size();
    if crate::layout::too_small(width, height) {
        return quit_only(key, ctrl, app.prompt().is_some());
    }
    // The help (`?`, F1, also from the prompt) pages with the overlays' keys, then the list's.
    let help = app.help_offset().is_some();
    if app.prompt().is_some() && !help {
        return lookup(Mode::Prompt, key, ctrl).or_else(|| match key.code {
            KeyCode::Char(c) if !ctrl => Some(Action::SearchInsert(c.to_string())),
            _ => None,
        });
    }
    help.then(|| lookup(Mode::Overlay, key, ctrl))
        .flatten()
        .or_else(|| lookup(Mode::Shelf, key, ctrl))
        .or_else(|| lookup(Mode::Browse, key, ctrl))
        .or_else(|| match key.code {
            KeyCode::Char(c) if !ctrl && !c.is_control() => Some(Action::Unbound(c.to_string())),
            _ => None,
        })
}
