//! State of the figures view: which figures are listed, in what order, which is selected,
//! which rows are in view; and the same for the money chart.
//!
//! Scroll offsets live here, not in the drawing code, so that drawing stays a pure function
//! of the app. The number of rows in view comes from [`FiguresView::list_rows`], which the
//! drawing code lays out by too; the chart's words are broken to the screen's width here
//! ([`ChartView::fit`]), so that the view scrolls by the rows they take.

use std::ops::Range;

use crate::figures::money::{self, SectionTotal};
use crate::figures::{self, FigureRef, UnitKind, detail, summary};
use crate::layout;
use crate::letter::tree::LetterTree;
use crate::strings::Lang;
use crate::text::width::AmbiguousWidth;
use crate::text::wrap::hanging;

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

/// How far the words under a section's bars stand in, each row of them: under the bars'
/// labels, past the column of the selection mark and that of the hedge mark.
const WORDS_INDENT: &str = "  ";

/// The fewest chart lines a legend broken over several rows leaves in view: a heading, a
/// bar and the first row of words under it. On a screen shorter than that the legend keeps a
/// row a sentence, cut at the edge, as it was: the bars come first.
const LINES_BESIDE_LEGEND: usize = 3;

/// The money chart: its lines, broken to the width it was last fitted to
/// ([`ChartView::fit`]), the selected bar and the first line in view.
#[derive(Debug, Clone, Default)]
pub struct ChartView {
    /// Per section that states money: its totals, and why each sum is in one or not.
    pub totals: Vec<SectionTotal>,
    /// The chart's lines, top to bottom: a line of words (what a total adds, why nothing
    /// was added, a note) once for each row it is broken into, so that the view scrolls by
    /// the rows a reader sees.
    pub lines: Vec<ChartLine>,
    /// What each of [`Self::lines`] that is words shows on its row, its indent included;
    /// empty for the other lines, which the drawing makes of the figures.
    pub words: Vec<String>,
    /// The legend's rows, above the scale: its two sentences, each broken under its start.
    pub legend: Vec<String>,
    /// The line of each bar, in order; [`Self::selected`] indexes this.
    pub bars: Vec<usize>,
    /// The selected bar.
    pub selected: usize,
    /// The first line in view.
    pub offset: usize,
    /// Whether `j`, `k`, a page or the wheel turned the view away from the selected bar,
    /// rather than select a bar whose view would pass lines never shown: the words under a
    /// section's bars, broken over more rows than a short screen holds beside the next
    /// bar, or the notes below the last. The bar stays selected, out of view.
    turned: bool,
}

impl ChartView {
    /// The chart of `tree`'s money figures, section by section in letter order, each line
    /// of words on one row until [`Self::fit`] breaks them.
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
        if lines.iter().any(|l| matches!(l, ChartLine::Bar(_))) {
            lines.push(ChartLine::Gap);
            let notes = Lang::Zh.strings().chart_notes.len();
            lines.extend((0..notes).map(ChartLine::Note));
        }
        let mut view = Self {
            totals,
            words: vec![String::new(); lines.len()],
            lines,
            ..Self::default()
        };
        view.find_bars();
        view
    }

    /// The line of each bar, found again once the lines have changed.
    fn find_bars(&mut self) {
        self.bars = (self.lines.iter().enumerate())
            .filter(|(_, l)| matches!(l, ChartLine::Bar(_)))
            .map(|(i, _)| i)
            .collect();
    }

    /// Breaks the chart's words in `lang`, measured in `mode`, to the chart's width on a
    /// `width`×`height` screen: each line of words and each sentence of the legend takes the
    /// rows it needs, its further rows under its start. Cut at the edge, they had lost what a
    /// total adds or why nothing was added. The line at the top stays there.
    pub fn fit(
        &mut self,
        tree: &LetterTree,
        lang: Lang,
        mode: AmbiguousWidth,
        size: (u16, u16),
        detail_rows: u16,
    ) {
        let width = layout::figures_text_width(size.0, size.1);
        let top = self.lines.get(self.offset).copied();
        let (mut lines, mut words) = (Vec::new(), Vec::new());
        // Each line once, whatever the width: a line broken over rows repeats for each, and
        // no two lines in a row are the same one.
        let mut unbroken = self.lines.clone();
        unbroken.dedup();
        for line in unbroken {
            let Some((lead, text)) = self.words_of(line, tree, lang) else {
                lines.push(line);
                words.push(String::new());
                continue;
            };
            for row in hanging(lead, &text, width, mode) {
                lines.push(line);
                words.push(row);
            }
        }
        (self.lines, self.words) = (lines, words);
        self.find_bars();
        self.offset = top
            .and_then(|top| self.lines.iter().position(|&l| l == top))
            .unwrap_or(0);
        let legend = summary::legend(lang, mode);
        let broken: Vec<String> = (legend.iter())
            .flat_map(|(mark, text)| hanging(mark, text, width, mode))
            .collect();
        // Rows for the legend and the lines, under the scale's row.
        let room = layout::figures_list_rows(size.0, size.1, 1, detail_rows);
        self.legend = if room >= broken.len() + LINES_BESIDE_LEGEND {
            broken
        } else {
            legend.map(|(mark, text)| format!("{mark}{text}")).to_vec()
        };
        // A view turned away from the selected bar that shows it again on this screen is
        // back at the bar: the next resize keeps the bar in view.
        let rows = layout::figures_list_rows(size.0, size.1, self.head_rows(), detail_rows);
        let first = self.first_in_view(rows);
        if (self.bars.get(self.selected)).is_some_and(|bar| (first..first + rows).contains(bar)) {
            self.turned = false;
        }
    }

    /// What `line` says, if it is words, in `lang`, and what stands before it on its first
    /// row: the indent of the words under a section's bars; nothing before a note.
    fn words_of(&self, line: ChartLine, tree: &LetterTree, lang: Lang) -> Option<(&str, String)> {
        match line {
            ChartLine::Adds(t, k) => Some((
                WORDS_INDENT,
                summary::adds(tree, lang, &self.totals[t].totals[k]),
            )),
            ChartLine::NothingAdded(t) => Some((
                WORDS_INDENT,
                summary::nothing_added(tree, lang, &self.totals[t]),
            )),
            ChartLine::Note(k) => Some(("", lang.strings().chart_notes.get(k)?.to_string())),
            ChartLine::Section(_) | ChartLine::Bar(_) | ChartLine::Gap => None,
        }
    }

    /// Rows above the lines: the legend's, and the scale's.
    #[must_use]
    pub fn head_rows(&self) -> u16 {
        let legend = u16::try_from(self.legend.len()).unwrap_or(u16::MAX);
        legend
            .saturating_add(1)
            .max(layout::FIGURES_CHART_HEAD_ROWS)
    }

    /// The selected bar's figure, if any.
    #[must_use]
    pub fn current(&self) -> Option<FigureRef> {
        match self.lines.get(*self.bars.get(self.selected)?)? {
            ChartLine::Bar(f) => Some(*f),
            _ => None,
        }
    }

    /// The first line in view of `rows`: [`Self::offset`], never past the last page, and
    /// showing the selected bar unless the view was turned away from it.
    #[must_use]
    pub fn first_in_view(&self, rows: usize) -> usize {
        let len = self.lines.len();
        match self.bars.get(self.selected) {
            Some(&line) if !self.turned => layout::offset_showing(self.offset, line, rows, len),
            _ => self.offset.min(len.saturating_sub(rows.max(1))),
        }
    }

    /// Whether the view was turned away from the selected bar ([`Self::turned`]).
    #[must_use]
    pub fn is_turned(&self) -> bool {
        self.turned
    }

    /// Moves the selection by `delta` bars, a bar at a time ([`Self::down`], [`Self::up`]).
    fn step(&mut self, delta: isize, rows: usize) {
        // Each step selects a bar or turns a line: no more steps than that can take.
        for _ in 0..delta.unsigned_abs().min(self.lines.len() + 1) {
            if delta > 0 {
                self.down(rows);
            } else {
                self.up(rows);
            }
        }
    }

    /// `j`: the next bar, unless its view would pass lines never shown (the words under a
    /// section's bars, broken over more rows than a short screen holds beside its next
    /// heading and bar), or there is none: then the view turns a line on, through them to
    /// the chart's end, the selection staying where it is.
    fn down(&mut self, rows: usize) {
        let rows = rows.max(1);
        let first = self.first_in_view(rows);
        let next = self.selected + 1;
        if let (Some(&bar), Some(&to)) = (self.bars.get(self.selected), self.bars.get(next))
            && self.moves_cleanly(first, self.kept(next, first, rows), rows, bar + 1..to)
        {
            self.select(next, rows);
        } else {
            self.offset = first + 1;
            self.turned = true;
            self.keep_visible(rows);
        }
    }

    /// `k`: back towards the selected bar while the view was turned on past it, else the bar
    /// before, unless its view would pass lines never shown: then the view turns a line
    /// back.
    fn up(&mut self, rows: usize) {
        let rows = rows.max(1);
        let first = self.first_in_view(rows);
        let bar = self.bars.get(self.selected).copied().unwrap_or(0);
        let Some(before) = self
            .selected
            .checked_sub(1)
            .filter(|_| !self.turned || first <= bar)
        else {
            self.offset = first.saturating_sub(1);
            self.keep_visible(rows);
            return;
        };
        let from = self.bars[before] + 1;
        if self.moves_cleanly(first, self.kept(before, first, rows), rows, from..bar) {
            self.select(before, rows);
        } else {
            self.offset = first - 1;
            self.turned = true;
            self.keep_visible(rows);
        }
    }

    /// Whether the view may go from `from` to `to` (the first of `rows` lines in view) as the
    /// selection moves to the next or the previous bar, the lines `between` the two bars
    /// passing by: no line is passed unseen, and each line of words among them, not passed
    /// yet, that fits the view stands whole in one of the two views, not half in each (a
    /// reader would have to piece the sentence together).
    fn moves_cleanly(&self, from: usize, to: usize, rows: usize, between: Range<usize>) -> bool {
        let whole = |top: usize, run: &Range<usize>| top <= run.start && run.end <= top + rows;
        // Behind the edge of the view it moves away from: shown on the way there.
        let passed = |run: &Range<usize>| {
            if to >= from {
                run.start < from
            } else {
                run.end > from + rows
            }
        };
        from.abs_diff(to) <= rows
            && self
                .runs_of_words(between)
                .all(|run| run.len() > rows || passed(&run) || whole(from, &run) || whole(to, &run))
    }

    /// The lines of words among `lines`, each as the range of the rows it is broken into.
    fn runs_of_words(&self, lines: Range<usize>) -> impl Iterator<Item = Range<usize>> + '_ {
        let end = lines.end;
        let mut at = lines.start;
        std::iter::from_fn(move || {
            while at < end && self.words[at].is_empty() {
                at += 1;
            }
            let start = at;
            at = (start..end)
                .find(|&l| self.lines[l] != self.lines[start])
                .unwrap_or(end);
            (start < end).then_some(start..at)
        })
    }

    /// Selects bar `index` and shows it ([`Self::keep_visible`]) from where the view stands.
    fn select(&mut self, index: usize, rows: usize) {
        self.offset = self.first_in_view(rows);
        self.selected = index;
        self.turned = false;
        self.keep_visible(rows);
    }

    /// Selects bar `index`, counted from 0, or the last when there are fewer.
    fn go_to(&mut self, index: usize) {
        self.selected = index.min(self.bars.len().saturating_sub(1));
        self.turned = false;
    }

    /// A page key: the selection moves about `delta` lines and the view of `rows` lines turns
    /// as far as the bar's line moved, then keeps it in view as [`ChartView::keep_visible`]
    /// does. Where that would pass lines never shown (the next bar is more than a page
    /// away), or the selection can go no farther, the view turns `delta` lines instead.
    fn turn(&mut self, delta: isize, rows: usize) {
        let Some(&bar) = self.bars.get(self.selected) else {
            return;
        };
        let rows = rows.max(1);
        let (reach, first) = (delta.unsigned_abs(), self.first_in_view(rows));
        // Where the selection stands on the screen, or the edge of the view it is beyond.
        let from = bar.clamp(first, first + rows - 1);
        // `delta` lines, not bars: a section's heading between two bars is a line too, and a
        // page of bars would turn past lines never shown. The selection goes to the farthest
        // bar within reach (the bars' lines ascend), and at least to the next one.
        let last = self.bars.len().saturating_sub(1);
        let to = if delta >= 0 {
            let within = self.bars.partition_point(|&line| line <= from + reach);
            within.saturating_sub(1).max(self.selected + 1).min(last)
        } else {
            let within = self.bars.partition_point(|&line| line + reach < from);
            within.min(self.selected.saturating_sub(1))
        };
        let paged = layout::offset_paged(first, from, self.bars[to], rows, self.lines.len());
        let shown = self.kept(to, paged, rows);
        let turned = if delta >= 0 {
            first + reach
        } else {
            first.saturating_sub(reach)
        };
        let passes = if delta >= 0 {
            turned < shown
        } else {
            turned > shown
        };
        if to == self.selected || passes {
            self.offset = turned;
            self.turned = true;
        } else {
            (self.selected, self.offset, self.turned) = (to, shown, false);
        }
        self.keep_visible(rows);
    }

    /// The first line in view with bar `selected` selected, scrolled from `offset` so that
    /// the bar is among `rows` lines, with its section's heading when it is the section's
    /// first bar, and with the notes when it is the last bar (so that End shows them).
    fn kept(&self, selected: usize, offset: usize, rows: usize) -> usize {
        let Some(&line) = self.bars.get(selected) else {
            return 0;
        };
        let top = match line.checked_sub(1).map(|l| self.lines[l]) {
            Some(ChartLine::Section(_)) => line - 1,
            _ => line,
        };
        let bottom = if selected + 1 == self.bars.len() {
            self.lines.len().saturating_sub(1).max(line)
        } else {
            line
        };
        // Bottom, then top, then the bar itself: the bar wins over its heading and the notes
        // when they do not all fit.
        [bottom, top, line]
            .into_iter()
            .fold(offset, |offset, index| {
                layout::offset_showing(offset, index, rows, self.lines.len())
            })
    }

    /// Scrolls so that the selected bar is in `rows` lines of view ([`Self::kept`]); a view
    /// turned away from it stays where it was turned, within the chart.
    fn keep_visible(&mut self, rows: usize) {
        self.offset = if self.turned {
            self.first_in_view(rows)
        } else {
            self.kept(self.selected, self.offset, rows.max(1))
        };
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
    /// The rows kept under the list for what the view says of the selected figure: those of
    /// the figure whose words take the most, up to what the screen spares ([`Self::fit`]).
    said_rows: u16,
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

    /// Rows of headings above the list: the table's column headings, or the chart's legend
    /// and scale.
    #[must_use]
    pub fn head_rows(&self) -> u16 {
        match self.mode {
            FiguresMode::Table => layout::FIGURES_TABLE_HEAD_ROWS,
            FiguresMode::Chart => self.chart.head_rows(),
        }
    }

    /// How many table rows or chart lines are in view on a `width`×`height` screen, under
    /// [`Self::head_rows`] and above [`Self::detail_rows`]. The app scrolls by it; drawing
    /// lays out by it.
    #[must_use]
    pub fn list_rows(&self, width: u16, height: u16) -> usize {
        layout::figures_list_rows(width, height, self.head_rows(), self.detail_rows())
    }

    /// The rows under the list for the selected figure: what it says (a row at least), then
    /// what it counts and where.
    #[must_use]
    pub fn detail_rows(&self) -> u16 {
        self.said_rows.max(1).saturating_add(1)
    }

    /// Lays the view out for a `width`×`height` screen (`size`), in `lang` measured in
    /// `mode`: the rows the selected figure's words need, then the chart's words.
    pub fn fit(&mut self, tree: &LetterTree, lang: Lang, mode: AmbiguousWidth, size: (u16, u16)) {
        let width = layout::figures_text_width(size.0, size.1);
        let most = usize::from(layout::figures_said_rows(size.0, size.1));
        let said = detail::said_rows(tree, lang, &self.chart.totals, (width, mode), most);
        self.said_rows = u16::try_from(said).unwrap_or(1);
        self.chart.fit(tree, lang, mode, size, self.detail_rows());
    }

    /// Moves the selection by `delta` rows (table) or bars (chart), stopping at the ends. In
    /// the chart, with `rows` lines in view, a move that would pass lines never shown turns
    /// the view a line instead, and so does a move on from the last bar, to the chart's end.
    pub fn step(&mut self, delta: isize, rows: usize) {
        match self.mode {
            FiguresMode::Table => {
                let last = self.rows.len().saturating_sub(1);
                self.selected = self.selected.saturating_add_signed(delta).min(last);
            }
            FiguresMode::Chart => self.chart.step(delta, rows),
        }
    }

    /// Selects row (table) or bar (chart) `index`, counted from 0, or the last when there
    /// are fewer.
    pub fn go_to(&mut self, index: usize) {
        match self.mode {
            FiguresMode::Table => self.selected = index.min(self.rows.len().saturating_sub(1)),
            FiguresMode::Chart => self.chart.go_to(index),
        }
    }

    /// A page key: the selection moves `delta` rows (table) or bars (chart) and the view of
    /// `rows` rows turns with it ([`layout::offset_paged`]).
    pub fn turn(&mut self, delta: isize, rows: usize) {
        match self.mode {
            FiguresMode::Table => {
                let from = self.selected;
                self.step(delta, rows);
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
                    self.chart.go_to(bar);
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
        // The first line in view as drawing finds it ([`layout::offset_showing`],
        // [`ChartView::first_in_view`]).
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
                let offset = chart.first_in_view(rows);
                let index = chart.bars.iter().position(|&l| l == offset + line)?;
                // The view stays as it is, the bar clicked in it.
                (chart.offset, chart.turned) = (offset, false);
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
