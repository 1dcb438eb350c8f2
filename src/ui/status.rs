//! The status row: the selected node's breadcrumb, its position, the search, key hints; or,
//! while searching, the prompt.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};

use super::{fill, put_line, theme};
use crate::app::App;
use crate::text::truncate::truncate_start;
use crate::text::width::str_width;

/// Draws the status row; returns where the terminal cursor belongs (the prompt's caret).
pub fn draw(app: &App, area: Rect, buf: &mut Buffer) -> Option<Position> {
    let strings = app.lang().strings();
    fill(buf, area, theme::STATUS);
    let width = usize::from(area.width);
    let search = &app.search();
    let count = if search.query.is_empty() {
        String::new()
    } else {
        let shown = sanitize_query(&search.query);
        let (open, close) = app.lang().editorial().quotes;
        match search.current {
            Some(i) => format!(" {open}{shown}{close} {}/{} ", i + 1, search.matches.len()),
            None => format!(" {open}{shown}{close} 0/{} ", search.matches.len()),
        }
    };
    if search.editing {
        let prompt = strings.search_prompt;
        let before_caret: String = search.query.chars().take(search.caret).collect();
        let count_tail = match search.current {
            Some(i) => format!("  {}/{}", i + 1, search.matches.len()),
            None if search.query.is_empty() => String::new(),
            None => format!("  {}", strings.no_match),
        };
        let line = Line::from(vec![
            Span::styled(prompt, theme::STATUS),
            Span::styled(search.query.clone(), theme::STATUS),
            Span::styled(count_tail, theme::NOTE),
        ]);
        put_line(buf, area, &line, app.ambiguous());
        let caret = str_width(prompt, app.ambiguous()) + str_width(&before_caret, app.ambiguous());
        let x = area.x + u16::try_from(caret.min(width.saturating_sub(1))).unwrap_or(0);
        return Some(Position::new(x, area.y));
    }
    let position = format!(" {}/{} ", app.place() + 1, app.tree().nodes.len());
    let right = match &app.note() {
        Some(note) => format!(" {} ", note.0),
        // With one pane on screen, Tab is how to reach the other: say so.
        None if app.overlay().is_none()
            && (app.areas().outline.is_none() || app.areas().reading.is_none()) =>
        {
            format!("{}{}", strings.tab_hint, strings.hints)
        }
        None => strings.hints.to_string(),
    };
    // A text imported just now says so for as long as it is open.
    let unreviewed = if app.tree().unreviewed_import {
        format!(" {} ", strings.unreviewed)
    } else {
        String::new()
    };
    let fixed = str_width(&count, app.ambiguous())
        + str_width(&unreviewed, app.ambiguous())
        + str_width(&position, app.ambiguous())
        + str_width(&right, app.ambiguous());
    // The breadcrumb takes what is left; hints go first when space is short.
    let (right, fixed) = if fixed + 12 > width && app.note().is_none() {
        (String::new(), fixed - str_width(&right, app.ambiguous()))
    } else {
        (right, fixed)
    };
    // The node in view (the deepest at the top of the text, even inside a collapsed
    // section), cut at its start: the end of a breadcrumb says where one is.
    let crumb = app.tree().breadcrumb(app.place(), app.lang());
    let crumb = truncate_start(&crumb, width.saturating_sub(fixed + 1), app.ambiguous());
    let gap = width.saturating_sub(fixed + str_width(&crumb, app.ambiguous()) + 1);
    let line = Line::from(vec![
        Span::raw(" "),
        Span::styled(crumb.into_owned(), theme::STATUS),
        Span::raw(" ".repeat(gap)),
        Span::styled(count, theme::NOTE),
        Span::styled(unreviewed, theme::NOTE),
        Span::styled(position, theme::STATUS),
        Span::styled(
            right,
            if app.note().is_some() {
                theme::NOTE
            } else {
                theme::STATUS
            },
        ),
    ])
    .style(theme::STATUS);
    put_line(buf, area, &line, app.ambiguous());
    None
}

/// The query as the status row quotes it: already one inert line (the prompt sanitises what
/// it takes), cut short so the count stays visible.
fn sanitize_query(query: &str) -> String {
    let chars: Vec<char> = query.chars().collect();
    if chars.len() > 16 {
        chars[..15].iter().chain(['…'].iter()).collect()
    } else {
        query.to_string()
    }
}
