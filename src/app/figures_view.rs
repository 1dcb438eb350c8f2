//! State of the figures view: which figures are listed, in what order, which is selected,
//! which rows are in view; and the same for the money chart.
//!
//! Scroll offsets live here, not in the drawing code, so that drawing stays a pure function
//! of the app. The number of rows in view comes from [`list_rows`], which the drawing code
//! lays out by too.

use crate::figures::money::{self, SectionTotal};
use crate::figures::{self, FigureRef, UnitKind};
use crate::layout;
use crate::letter::tree::LetterTree;
use crate::strings::Lang;

pub use crate::figures::FigureSort;

/// What the figures view shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum FiguresMode {
    /// Every figure, one a row.
    #[default]
    Table,
    /// The money figures as bars on a logarithmic scale, grouped by section with totals.
    Chart,
}

impl FiguresMode {
    /// Rows of headings above the list.
    #[must_use]
    pub fn head_rows(self) -> u16 {
        match self {
            Self::Table => layout::FIGURES_TABLE_HEAD_ROWS,
            Self::Chart => layout::FIGURES_CHART_HEAD_ROWS,
        }
    }
}

/// How many table rows or chart lines are in view on a `width`×`height` screen. The app
/// scrolls by it; drawing lays out by it.
#[must_use]
pub fn list_rows(width: u16, height: u16, mode: FiguresMode) -> usize {
    layout::figures_list_rows(width, height, mode.head_rows())
}

/// One line of the money chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartLine {
    /// A section's heading with its totals: an index into [`ChartView::totals`].
    Section(usize),
    /// What one total of a section adds, under the section's bars: indices into
    /// [`ChartView::totals`] and into that section's [`SectionTotal::totals`].
    Adds(usize, usize),
    /// Why nothing of a section was added (when it has no total), under its bars: an index
    /// into [`ChartView::totals`].
    NothingAdded(usize),
    /// One money figure as a bar.
    Bar(FigureRef),
    /// An empty line before the notes.
    Gap,
    /// A note on how the totals were made: an index into `Strings::chart_notes`.
    Note(usize),
}

/// The money chart: its lines (fixed for a letter), the selected bar and the first line in
/// view.
#[derive(Debug, Clone, Default)]
pub struct ChartView {
    /// Per section that states money: its totals, and why each sum is in one or not.
    pub totals: Vec<SectionTotal>,
    /// The chart's lines, top to bottom.
    pub lines: Vec<ChartLine>,
    /// The line of each bar, in order; [`Self::selected`] indexes this.
    pub bars: Vec<usize>,
    /// The selected bar.
    pub selected: usize,
    /// The first line in view.
    pub offset: usize,
}

impl ChartView {
    /// The chart of `tree`'s money figures, section by section in letter order.
    #[must_use]
    pub fn new(tree: &LetterTree) -> Self {
        let totals = money::totals(tree);
        let mut lines = Vec::new();
        for (t, total) in totals.iter().enumerate() {
            lines.push(ChartLine::Section(t));
            // In letter order, as `totals` lists them.
            lines.extend(total.figures.iter().map(|(f, _)| ChartLine::Bar(*f)));
            // Under the bars, what the heading's total adds, or why nothing was added.
            if total.totals.is_empty() {
                lines.push(ChartLine::NothingAdded(t));
            }
            lines.extend((0..total.totals.len()).map(|k| ChartLine::Adds(t, k)));
        }
        let bars = lines
            .iter()
            .enumerate()
            .filter(|(_, l)| matches!(l, ChartLine::Bar(_)))
            .map(|(i, _)| i)
            .collect::<Vec<_>>();
        if !bars.is_empty() {
            lines.push(ChartLine::Gap);
            let notes = Lang::Zh.strings().chart_notes.len();
            lines.extend((0..notes).map(ChartLine::Note));
        }
        Self {
            totals,
            lines,
            bars,
            selected: 0,
            offset: 0,
        }
    }

    /// The selected bar's figure, if any.
    #[must_use]
    pub fn current(&self) -> Option<FigureRef> {
        match self.lines.get(*self.bars.get(self.selected)?)? {
            ChartLine::Bar(f) => Some(*f),
            _ => None,
        }
    }

    /// Moves the selection by `delta` bars, stopping at the ends.
    fn step(&mut self, delta: isize) {
        let last = self.bars.len().saturating_sub(1);
        self.selected = self.selected.saturating_add_signed(delta).min(last);
    }

    /// A page key: the selection moves about `delta` lines and the view of `rows` lines turns
    /// as far as the bar's line moved, then keeps it in view as [`ChartView::keep_visible`]
    /// does.
    fn turn(&mut self, delta: isize, rows: usize) {
        let Some(&from) = self.bars.get(self.selected) else {
            return;
        };
        // `delta` lines, not bars: a section's heading between two bars is a line too, and a
        // page of bars would turn past lines never shown. The selection goes to the farthest
        // bar within reach (the bars' lines ascend), and at least to the next one.
        let reach = delta.unsigned_abs();
        let last = self.bars.len().saturating_sub(1);
        self.selected = if delta >= 0 {
            let within = self.bars.partition_point(|&line| line <= from + reach);
            within.saturating_sub(1).max(self.selected + 1).min(last)
        } else {
            let within = self.bars.partition_point(|&line| line + reach < from);
            within.min(self.selected.saturating_sub(1))
        };
        let to = self.bars.get(self.selected).copied().unwrap_or(from);
        self.offset = layout::offset_paged(self.offset, from, to, rows, self.lines.len());
        self.keep_visible(rows);
    }

    /// Scrolls so that the selected bar is in `rows` lines of view, with its section's
    /// heading when it is the section's first bar, and with the notes when it is the last
    /// bar (so that End shows them).
    fn keep_visible(&mut self, rows: usize) {
        let rows = rows.max(1);
        let Some(&line) = self.bars.get(self.selected) else {
            self.offset = 0;
            return;
        };
        let top = match line.checked_sub(1).map(|l| self.lines[l]) {
            Some(ChartLine::Section(_)) => line - 1,
            _ => line,
        };
        let bottom = if self.selected + 1 == self.bars.len() {
            self.lines.len().saturating_sub(1).max(line)
        } else {
            line
        };
        // Bottom, then top, then the bar itself: the bar wins over its heading and the notes
        // when they do not all fit.
        self.offset = [bottom, top, line]
            .into_iter()
            .fold(self.offset, |offset, index| {
                layout::offset_showing(offset, index, rows, self.lines.len())
            });
    }
}

/// The figures view.
#[derive(Debug, Clone, Default)]
pub struct FiguresView {
    /// Rows shown: (node, index into the node's figures), in display order.
    pub rows: Vec<FigureRef>,
    /// The selected row.
    pub selected: usize,
    /// The first row in view.
    pub offset: usize,
    /// Current order.
    pub sort: FigureSort,
    /// Only figures of this kind, when set.
    pub filter: Option<UnitKind>,
    /// Table or chart.
    pub mode: FiguresMode,
    /// The money chart.
    pub chart: ChartView,
}

impl FiguresView {
    /// Every figure of `tree`, in letter order, as a table.
    #[must_use]
    pub fn new(tree: &LetterTree) -> Self {
        let mut view = Self {
            chart: ChartView::new(tree),
            ..Self::default()
        };
        view.rebuild(tree);
        view
    }

    /// Lists the rows again for the current sort and filter, keeping the selected figure
    /// selected when it is still listed.
    fn rebuild(&mut self, tree: &LetterTree) {
        let current = self.current_row();
        self.rows = figures::rows(tree, self.sort, self.filter);
        self.selected = current
            .and_then(|f| self.rows.iter().position(|r| *r == f))
            .unwrap_or(0);
    }

    /// The selected row's figure in the table, if any.
    fn current_row(&self) -> Option<FigureRef> {
        self.rows.get(self.selected).copied()
    }

    /// Moves the selection by `delta` rows (table) or bars (chart), stopping at the ends.
    pub fn step(&mut self, delta: isize) {
        match self.mode {
            FiguresMode::Table => {
                let last = self.rows.len().saturating_sub(1);
                self.selected = self.selected.saturating_add_signed(delta).min(last);
            }
            FiguresMode::Chart => self.chart.step(delta),
        }
    }

    /// Selects row (table) or bar (chart) `index`, counted from 0, or the last when there
    /// are fewer.
    pub fn go_to(&mut self, index: usize) {
        self.step(isize::MIN / 2);
        self.step(isize::try_from(index).unwrap_or(isize::MAX / 2));
    }

    /// A page key: the selection moves `delta` rows (table) or bars (chart) and the view of
    /// `rows` rows turns with it ([`layout::offset_paged`]).
    pub fn turn(&mut self, delta: isize, rows: usize) {
        match self.mode {
            FiguresMode::Table => {
                let from = self.selected;
                self.step(delta);
                let len = self.rows.len();
                self.offset = layout::offset_paged(self.offset, from, self.selected, rows, len);
            }
            FiguresMode::Chart => self.chart.turn(delta, rows),
        }
    }

    /// Scrolls the table or chart so that the selection is among the `rows` rows in view.
    pub fn keep_visible(&mut self, rows: usize) {
        match self.mode {
            FiguresMode::Table => {
                self.offset =
                    layout::offset_showing(self.offset, self.selected, rows, self.rows.len());
            }
            FiguresMode::Chart => self.chart.keep_visible(rows),
        }
    }

    /// Next sort order.
    pub fn cycle_sort(&mut self, tree: &LetterTree) {
        self.sort = match self.sort {
            FigureSort::Order => FigureSort::Value,
            FigureSort::Value => FigureSort::Unit,
            FigureSort::Unit => FigureSort::Order,
        };
        self.rebuild(tree);
    }

    /// Next unit filter: all, money, counts, measures, percentages.
    /// A kind the letter states no figure of is passed over: a filter that lists nothing
    /// says nothing.
    pub fn cycle_filter(&mut self, tree: &LetterTree) {
        // At most once round the five settings; "all" always lists what there is.
        for _ in 0..5 {
            self.filter = match self.filter {
                None => Some(UnitKind::Money),
                Some(UnitKind::Money) => Some(UnitKind::Count),
                Some(UnitKind::Count) => Some(UnitKind::Measure),
                Some(UnitKind::Measure) => Some(UnitKind::Percent),
                Some(UnitKind::Percent) => None,
            };
            self.rebuild(tree);
            if self.filter.is_none() || !self.rows.is_empty() {
                break;
            }
        }
    }

    /// Switches between table and chart, carrying the selected figure across when the
    /// other side lists it.
    pub fn toggle_chart(&mut self) {
        match self.mode {
            FiguresMode::Table => {
                if let Some(bar) = self.current_row().and_then(|f| self.chart_bar_of(f)) {
                    self.chart.selected = bar;
                }
                self.mode = FiguresMode::Chart;
            }
            FiguresMode::Chart => {
                if let Some(row) = self
                    .chart
                    .current()
                    .and_then(|f| self.rows.iter().position(|r| *r == f))
                {
                    self.selected = row;
                }
                self.mode = FiguresMode::Table;
            }
        }
    }

    /// The chart's bar for figure `f`, if it has one.
    fn chart_bar_of(&self, f: FigureRef) -> Option<usize> {
        self.chart
            .bars
            .iter()
            .position(|&l| self.chart.lines[l] == ChartLine::Bar(f))
    }

    /// Selects the figure on line `line` of the list in view (`rows` lines), if one is
    /// there, and says whether it was selected already (a second click goes to it, as Enter
    /// does); `None` on a line without a figure (a heading, a total, a note).
    pub fn click(&mut self, line: usize, rows: usize) -> Option<bool> {
        if line >= rows {
            return None;
        }
        // The first line in view as drawing finds it ([`layout::offset_showing`]).
        let (selected, index) = match self.mode {
            FiguresMode::Table => {
                let offset =
                    layout::offset_showing(self.offset, self.selected, rows, self.rows.len());
                let index = offset + line;
                (
                    &mut self.selected,
                    (index < self.rows.len()).then_some(index)?,
                )
            }
            FiguresMode::Chart => {
                let chart = &mut self.chart;
                let at = chart.bars.get(chart.selected).copied().unwrap_or(0);
                let offset = layout::offset_showing(chart.offset, at, rows, chart.lines.len());
                let index = chart.bars.iter().position(|&l| l == offset + line)?;
                (&mut chart.selected, index)
            }
        };
        let again = *selected == index;
        *selected = index;
        Some(again)
    }

    /// The selected figure, in the table or the chart, if any.
    #[must_use]
    pub fn current(&self) -> Option<FigureRef> {
        match self.mode {
            FiguresMode::Table => self.current_row(),
            FiguresMode::Chart => self.chart.current(),
        }
    }
}
