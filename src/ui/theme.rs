//! Styles of the reader, in one place. Figures and notes stand out by style, never by
//! added brackets, so the letter's text stays as it is.

use ratatui::style::{Color, Modifier, Style};

/// The title row.
pub const TITLE: Style = Style::new().add_modifier(Modifier::BOLD);
/// A pane's border when the pane has focus.
pub const BORDER_FOCUSED: Style = Style::new().fg(Color::Cyan);
/// A pane's border otherwise.
pub const BORDER: Style = Style::new().fg(Color::DarkGray);
/// The selected outline row when the outline has focus.
pub const SELECTED_FOCUSED: Style = Style::new()
    .bg(Color::Cyan)
    .fg(Color::Black)
    .add_modifier(Modifier::BOLD);
/// The selected outline row when the reading pane has focus.
pub const SELECTED: Style = Style::new().add_modifier(Modifier::REVERSED);
/// Tree markers ▸ ▾.
pub const MARKER: Style = Style::new().fg(Color::Cyan);
/// The figure-count badge.
pub const BADGE: Style = Style::new().fg(Color::Yellow);
/// Headings and the letter's numbering.
pub const HEADING: Style = Style::new().add_modifier(Modifier::BOLD);
/// The letter's title line.
pub const LETTER_TITLE: Style = Style::new()
    .add_modifier(Modifier::BOLD)
    .fg(Color::LightCyan);
/// Header and signature lines.
pub const META: Style = Style::new().fg(Color::Gray);
/// Editorial notes and errata (not the letter's words).
pub const EDITORIAL: Style = Style::new()
    .fg(Color::DarkGray)
    .add_modifier(Modifier::ITALIC);
/// A figure in the text.
pub const FIGURE: Style = Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD);
/// Wording with an editorial note.
pub const NOTED: Style = Style::new()
    .fg(Color::Magenta)
    .add_modifier(Modifier::UNDERLINED);
/// Text corrected from the extraction.
pub const CORRECTED: Style = Style::new()
    .fg(Color::LightBlue)
    .add_modifier(Modifier::UNDERLINED);
/// A search match.
pub const MATCH: Style = Style::new().bg(Color::Yellow).fg(Color::Black);
/// An outline row whose text holds a match.
pub const MATCH_ROW: Style = Style::new().fg(Color::Yellow);
/// The current search match.
pub const CURRENT_MATCH: Style = Style::new()
    .bg(Color::LightRed)
    .fg(Color::Black)
    .add_modifier(Modifier::BOLD);
/// A figure just jumped to.
pub const SPOTLIGHT: Style = Style::new()
    .bg(Color::Yellow)
    .fg(Color::Black)
    .add_modifier(Modifier::BOLD);
/// The bar beside the selected node's text.
pub const SELECTION_BAR: Style = Style::new().bg(Color::Cyan);
/// The status row.
pub const STATUS: Style = Style::new().bg(Color::DarkGray).fg(Color::White);
/// A transient note in the status row.
pub const NOTE: Style = Style::new()
    .bg(Color::DarkGray)
    .fg(Color::Yellow)
    .add_modifier(Modifier::BOLD);
/// Secondary text: hints, dim columns.
pub const DIM: Style = Style::new().fg(Color::DarkGray);
