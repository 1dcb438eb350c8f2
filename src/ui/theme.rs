//! Styles of the reader, in one place. Figures and notes stand out by style, never by
//! added brackets, so the letter's text stays as it is.

use ratatui::style::{Color, Modifier, Style};

/// The title row.
pub const TITLE: Style = Style::new().add_modifier(Modifier::BOLD);
/// A pane's border when the pane has focus: bold as well as coloured, so that it differs
/// without colour too.
pub const BORDER_FOCUSED: Style = Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD);
/// A pane's border otherwise.
pub const BORDER: Style = Style::new().fg(Color::DarkGray);
/// The focused pane's title: in reverse video, the mark of focus that survives `NO_COLOR`
/// (the other pane's title is plain).
pub const TITLE_FOCUSED: Style = BORDER_FOCUSED.add_modifier(Modifier::REVERSED);
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
/// A search match: underlined as well as coloured, so that it shows without colour and
/// inside a selected (reversed) row.
pub const MATCH: Style = Style::new()
    .bg(Color::Yellow)
    .fg(Color::Black)
    .add_modifier(Modifier::UNDERLINED);
/// An outline row whose text holds a match.
pub const MATCH_ROW: Style = Style::new()
    .fg(Color::Yellow)
    .add_modifier(Modifier::UNDERLINED);
/// The current search match.
pub const CURRENT_MATCH: Style = Style::new()
    .bg(Color::LightRed)
    .fg(Color::Black)
    .add_modifier(Modifier::BOLD)
    .add_modifier(Modifier::UNDERLINED);
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

/// How the reader's styles meet the terminal: the dark palette they are written in, the
/// same on a light background, or no colour at all (`NO_COLOR`, `--color never`).
///
/// Drawing always uses the styles above; [`Palette::apply`] then rewrites the frame's cells
/// once, so that no pane needs to know the palette and no style can be forgotten.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Palette {
    /// Light text on a dark background, as the styles are written.
    #[default]
    Dark,
    /// Dark text on a light background: colours that vanish on white are swapped for
    /// darker ones.
    Light,
    /// No colour: only bold, underline, italic and reverse video, so every mark that a
    /// colour carried is carried by reverse video or a modifier instead.
    Mono,
}

impl Palette {
    /// Rewrites every cell of `buf` for this palette.
    pub fn apply(self, buf: &mut ratatui::buffer::Buffer) {
        if self == Self::Dark {
            return;
        }
        for cell in &mut buf.content {
            let style = cell.style();
            cell.set_style(self.restyle(style));
        }
    }

    /// One cell's style in this palette.
    #[must_use]
    pub fn restyle(self, style: Style) -> Style {
        match self {
            Self::Dark => style,
            // Only letters on the terminal's own background change: on a background of the
            // style's own (the status row's dark grey, a match's yellow) they read as written.
            Self::Light if style.bg.is_none_or(|c| c == Color::Reset) => Style {
                fg: style.fg.map(on_light),
                ..style
            },
            // A note in the status row (a count, a message): yellow on dark grey reads badly
            // in a light terminal's colours; black on light grey reads well in all of them,
            // and still stands apart from the row's own white on dark grey.
            Self::Light if style.bg == Some(Color::DarkGray) && style.fg == Some(Color::Yellow) => {
                Style {
                    fg: Some(Color::Black),
                    bg: Some(Color::Gray),
                    ..style
                }
            }
            Self::Light => style,
            Self::Mono => {
                // A background colour marked the cell (selection, match, status row): reverse
                // video marks it without colour.
                let marked = style.bg.is_some_and(|c| c != Color::Reset);
                let mut out = Style::new()
                    .add_modifier(style.add_modifier)
                    .remove_modifier(style.sub_modifier);
                out.fg = Some(Color::Reset);
                out.bg = Some(Color::Reset);
                if marked {
                    out = out.add_modifier(Modifier::REVERSED);
                }
                out
            }
        }
    }
}

/// A foreground colour readable on a light background.
fn on_light(color: Color) -> Color {
    match color {
        Color::Yellow | Color::LightYellow => Color::Red,
        Color::Cyan | Color::LightCyan | Color::LightBlue => Color::Blue,
        Color::Gray => Color::DarkGray,
        Color::LightMagenta => Color::Magenta,
        Color::LightGreen => Color::Green,
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mono_keeps_modifiers_and_turns_background_marks_into_reverse_video() {
        let mono = Palette::Mono;
        for style in [MATCH, CURRENT_MATCH, SPOTLIGHT, SELECTED_FOCUSED, STATUS] {
            let out = mono.restyle(style);
            assert!(out.add_modifier.contains(Modifier::REVERSED), "{style:?}");
            assert_eq!((out.fg, out.bg), (Some(Color::Reset), Some(Color::Reset)));
        }
        assert!(mono.restyle(FIGURE).add_modifier.contains(Modifier::BOLD));
        assert!(
            mono.restyle(NOTED)
                .add_modifier
                .contains(Modifier::UNDERLINED)
        );
    }

    #[test]
    fn light_swaps_colours_that_vanish_on_white() {
        assert_eq!(Palette::Light.restyle(FIGURE).fg, Some(Color::Red));
        assert_eq!(Palette::Light.restyle(MATCH), MATCH);
    }

    #[test]
    fn light_keeps_the_status_row_and_marks_its_notes_apart() {
        assert_eq!(Palette::Light.restyle(STATUS), STATUS);
        let note = Palette::Light.restyle(NOTE);
        assert_ne!((note.fg, note.bg), (STATUS.fg, STATUS.bg));
        assert!(note.add_modifier.contains(Modifier::BOLD));
    }
}
