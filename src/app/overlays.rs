//! The help and the figures view, drawn over the panes: they page with the panes' keys and
//! the wheel, never past their end, and every other key says what it does there.

use super::figures_view::{FiguresMode, FiguresView};
use super::{App, Note, Overlay};
use crate::action::Action;
use crate::layout;
use crate::letter::tree::NodeId;

/// What a key does to a help of `rows` rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Paged {
    /// It pages: the first row in view is this one, never past the last page.
    At(usize),
    /// It closes the help (Esc, `q`, `?`, F1).
    Closed,
    /// It is not a key of the help.
    Not,
}

/// The help of `rows` lines (see [`layout::help_layout`]), at `offset`, on a screen `height`
/// rows high, after `action`: the reader's help and the shelf's page alike.
pub(super) fn page_help(action: &Action, offset: usize, rows: usize, height: u16) -> Paged {
    let page = layout::help_rows_in_view(height, rows).max(1);
    let last = rows.saturating_sub(page);
    let step = page.saturating_sub(1).max(1);
    let at = match action {
        Action::Escape | Action::OpenHelp => return Paged::Closed,
        Action::Down => offset.saturating_add(1),
        Action::Up => offset.saturating_sub(1),
        Action::PageDown => offset.saturating_add(step),
        Action::PageUp => offset.saturating_sub(step),
        Action::HalfPageDown => offset.saturating_add(page / 2),
        Action::HalfPageUp => offset.saturating_sub(page / 2),
        Action::First => 0,
        Action::Last => last,
        Action::Wheel { lines, .. } => {
            offset.saturating_add_signed(isize::try_from(*lines).unwrap_or(0))
        }
        _ => return Paged::Not,
    };
    Paged::At(at.min(last))
}

/// How many lines the help of `rows` takes on a screen of `size` (its descriptions broken to
/// the overlay's width).
pub(super) fn help_line_count(
    rows: &[(String, &str)],
    mode: crate::text::width::AmbiguousWidth,
    (width, height): (u16, u16),
) -> usize {
    let screen = ratatui::layout::Rect::new(0, 0, width, height);
    layout::help_layout(rows, mode, screen).lines.len()
}

/// The help's first line in view after a resize from `from` to `to`: the first line of the
/// row that was first in view at `offset` (a row's description takes more lines on a narrower
/// screen, and a line in the middle of one would start the page mid-sentence), never past
/// the help's last page.
pub(super) fn help_offset_within(
    offset: usize,
    rows: &[(String, &str)],
    mode: crate::text::width::AmbiguousWidth,
    (from, to): ((u16, u16), (u16, u16)),
) -> usize {
    let lines = |(width, height): (u16, u16)| {
        let screen = ratatui::layout::Rect::new(0, 0, width, height);
        layout::help_layout(rows, mode, screen).lines
    };
    let (before, after) = (lines(from), lines(to));
    // A row's first line has its keys; its further lines have none.
    let first_lines = |lines: &[(&str, &str)]| {
        (lines.iter().enumerate())
            .filter(|(_, (keys, _))| !keys.is_empty())
            .map(|(i, _)| i)
            .collect::<Vec<usize>>()
    };
    let row = first_lines(&before).partition_point(|&start| start <= offset);
    let start = first_lines(&after)
        .get(row.saturating_sub(1))
        .copied()
        .unwrap_or_default();
    let page = layout::help_rows_in_view(to.1, after.len()).max(1);
    start.min(after.len().saturating_sub(page))
}

impl App {
    /// The help's first row in view, after `action`; never past the last page.
    pub(super) fn update_help(&mut self, action: Action) {
        let rows = crate::keys::help_rows(self.lang(), self.on_shelf);
        let lines = help_line_count(&rows, self.ambiguous(), self.size);
        match page_help(&action, self.help_offset, lines, self.size.1) {
            Paged::At(offset) => self.help_offset = offset,
            Paged::Closed => self.overlay = None,
            Paged::Not => self.leave_overlay_for(action),
        }
    }

    /// Opens the figures view, preparing it the first time.
    pub(super) fn open_figures(&mut self) {
        let tree = &self.tree;
        let view = self.figures.get_or_insert_with(|| FiguresView::new(tree));
        view.fit(tree, self.lang, self.ambiguous, self.size);
        view.keep_visible(view.list_rows(self.size.0, self.size.1));
        self.overlay = Some(Overlay::Figures);
    }

    pub(super) fn update_figures(&mut self, action: Action) {
        if let Action::Count(digit) = action {
            self.type_count(digit);
            return;
        }
        // A count applies to the move that follows it, as in the text: `5j` five rows down,
        // `3 Space` three pages, `12G` the twelfth row, as on the shelf.
        let counted = self.count.take();
        let times = counted.unwrap_or(1).max(1).cast_signed();
        let Some(figures) = self.figures.as_mut() else {
            // The overlay is only ever opened with its view prepared.
            self.overlay = None;
            return;
        };
        let page = figures
            .list_rows(self.size.0, self.size.1)
            .max(1)
            .cast_signed();
        let rows = page.cast_unsigned();
        let clicked = matches!(action, Action::Click { .. });
        match action {
            // Esc first drops a count being typed, as in the text.
            Action::Escape if counted.is_some() => {}
            Action::Escape | Action::OpenFigures => self.overlay = None,
            Action::Down => figures.step(times, rows),
            Action::Up => figures.step(-times, rows),
            Action::PageDown => figures.turn(page * times, rows),
            Action::PageUp => figures.turn(-page * times, rows),
            Action::HalfPageDown => figures.turn((page / 2).max(1) * times, rows),
            Action::HalfPageUp => figures.turn(-(page / 2).max(1) * times, rows),
            Action::Wheel { lines, .. } => {
                figures.step(isize::try_from(lines).unwrap_or(0), rows);
            }
            Action::First | Action::Last if let Some(n) = counted => {
                figures.go_to(n.saturating_sub(1))
            }
            Action::First => figures.go_to(0),
            Action::Last => figures.go_to(usize::MAX),
            Action::CycleSort => figures.cycle_sort(&self.tree),
            Action::CycleUnitFilter => figures.cycle_filter(&self.tree),
            Action::ToggleFiguresChart => figures.toggle_chart(),
            Action::Activate | Action::Toggle => self.go_to_selected_figure(),
            Action::Click { y, .. } => {
                // The list's lines start under the pane's border and the headings.
                let body = layout::figures_body(self.size.0, self.size.1);
                let first = body.y + figures.head_rows();
                let rows = figures.list_rows(self.size.0, self.size.1);
                let line = y.checked_sub(first).map(usize::from);
                if line.and_then(|line| figures.click(line, rows)) == Some(true) {
                    self.go_to_selected_figure();
                }
            }
            other => self.leave_overlay_for(other),
        }
        // After the action: a toggle changes how many rows are in view. A click picks a line
        // in view and scrolls nothing: a second click in the same place is on the same line.
        if !clicked && let Some(figures) = self.figures.as_mut() {
            figures.keep_visible(figures.list_rows(self.size.0, self.size.1));
        }
    }

    /// Closes the figures view at the selected figure's place in the text (`''` comes back).
    /// With nothing listed (a letter that states no figure, or no sum for the chart), the
    /// status row says so.
    fn go_to_selected_figure(&mut self) {
        let Some(figures) = self.figures.as_ref() else {
            return;
        };
        let Some((node, index)) = figures.current() else {
            let strings = self.lang.strings();
            self.note = Some(Note::new(match figures.mode {
                FiguresMode::Table => strings.figures_none,
                FiguresMode::Chart => strings.chart_none,
            }));
            return;
        };
        self.overlay = None;
        let before = self.spot();
        self.jump_to_figure(node, index);
        self.jumped_from = Some(before);
    }

    /// A key an overlay does not take: the help, the figures view and the search, which the
    /// status row offers, open in its place; anything else says it does nothing here.
    fn leave_overlay_for(&mut self, action: Action) {
        match action {
            Action::OpenHelp => {
                self.overlay = Some(Overlay::Help);
                self.help_offset = 0;
            }
            Action::OpenFigures => self.open_figures(),
            // Over the prompt (F1), `/` goes back to the query being typed.
            Action::OpenSearch if self.search.editing => self.overlay = None,
            // The letter is searched, with the overlay out of the way of its matches; Esc in
            // the prompt brings it back where it was.
            Action::OpenSearch => {
                self.prompt_over = self.overlay.take();
                self.open_search();
            }
            Action::Unbound(key) => self.say_unbound(&key),
            _ => {}
        }
    }

    /// Selects a figure's node and puts the figure in view, set apart.
    fn jump_to_figure(&mut self, node: NodeId, index: usize) {
        self.select(node);
        if let Some((block, range)) = crate::figures::locate(&self.tree, node, index) {
            // The whole phrase in view, the unit at its end too when a line breaks inside it;
            // its start wins when they do not both fit.
            let end = self
                .reading
                .line_of(&self.tree, block, range.end.saturating_sub(1));
            self.show_reading_line(end);
            let line = self.reading.line_of(&self.tree, block, range.start);
            self.show_reading_line(line);
            // One amount of a list is set apart alone: 60 of 「80、60、40万元」.
            let own = crate::figures::own_amount(&self.tree, (node, index), (block, range));
            self.spotlight = Some((block, own));
            // With one pane on the screen, the text, where the figure is, not the outline.
            self.bring_text_forward();
        }
    }
}
