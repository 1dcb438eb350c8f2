//! The money chart: every sum of money as a horizontal bar on a logarithmic scale, grouped by
//! section under a heading with the section's totals, each followed by what it adds (or by
//! why nothing was added), each bar with its period and its kind of money.
//!
//! Bars are drawn by hand rather than with ratatui's `BarChart`, so that labels with Chinese
//! text are cut by display width and the glyphs follow the terminal's ambiguous width: `█`
//! and the eighth blocks are East Asian Ambiguous, so a terminal that draws them two columns
//! wide gets `#`. A scale from 10万 to 100亿 keeps 40万元 and 87亿元 both readable, and the
//! chart says it is logarithmic, because a reader would otherwise take bar lengths as
//! proportional.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_segmentation::UnicodeSegmentation;

use super::SELECTED_MARK;
use crate::app::App;
use crate::app::figures_view::{ChartLine, ChartView};
use crate::figures::money::{SectionTotal, Verdict, kind_of};
use crate::figures::summary::{HEDGE_MARK, LEFT_OUT_GLYPH, added_glyph, money_label, total_text};
use crate::figures::{FigureRef, hedged_value, is_hedged, when_label};
use crate::layout::RIGHT_MARGIN;
use crate::letter::Figure;
use crate::strings::{Lang, Strings};
use crate::text::truncate::fit;
use crate::text::width::{AmbiguousWidth, str_width};
use crate::ui::{put_line, theme};

/// Partial cells of a bar, in eighths (1/8 to 7/8), for narrow mode.
const EIGHTHS: [char; 7] = ['▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/// A logarithmic scale over whole decades of 元, from the decade at or below the smallest
/// sum to the decade at or above the largest.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LogScale {
    /// Exponent of the scale's left end (10^low 元).
    pub low: i32,
    /// Exponent of the scale's right end; always above `low`.
    pub high: i32,
}

impl LogScale {
    /// The scale for sums `values` (non-positive ones are ignored); 1万 to 1亿 when there are
    /// none.
    #[must_use]
    pub fn over(values: impl IntoIterator<Item = f64>) -> Self {
        let (mut min, mut max) = (f64::INFINITY, f64::NEG_INFINITY);
        for v in values.into_iter().filter(|v| *v > 0.0 && v.is_finite()) {
            min = min.min(v);
            max = max.max(v);
        }
        if min > max {
            return Self { low: 4, high: 8 };
        }
        let low = clamp_exponent(min.log10().floor());
        let high = clamp_exponent(max.log10().ceil()).max(low + 1);
        Self { low, high }
    }

    /// Where `value` falls on the scale: 0 at the left end, 1 at the right.
    #[must_use]
    pub fn fraction(self, value: f64) -> f64 {
        if value <= 0.0 {
            return 0.0;
        }
        let span = f64::from(self.high - self.low);
        ((value.log10() - f64::from(self.low)) / span).clamp(0.0, 1.0)
    }
}

/// A decade exponent as an `i32`, kept to 10^0..10^18 元 (more is no sum of money).
fn clamp_exponent(e: f64) -> i32 {
    // `e` is a whole number (floor or ceil), and the clamp makes the cast exact.
    e.clamp(0.0, 18.0) as i32
}

/// A decade of 元 as the scale labels it: `10万`, `1亿`, `100亿`.
#[must_use]
pub fn decade_label(exponent: i32) -> String {
    let e = u32::try_from(exponent.clamp(0, 18)).unwrap_or(0);
    let (unit, base) = match e {
        12.. => ("万亿", 12),
        8..=11 => ("亿", 8),
        4..=7 => ("万", 4),
        _ => ("元", 0),
    };
    format!("{}{unit}", 10u64.pow(e - base))
}

/// A bar `fraction` of `width` cells long, in `glyph`; in narrow mode a bar of added sums
/// ends in an eighth block, so that close sums still differ. Never empty for a sum above 0.
#[must_use]
pub fn bar(fraction: f64, width: usize, added: bool, mode: AmbiguousWidth) -> String {
    if width == 0 {
        return String::new();
    }
    let fraction = fraction.clamp(0.0, 1.0);
    // A screen width in eighths is exact in f64, and the product lies in 0..=width*8, so
    // the casts lose nothing.
    let eighths = ((fraction * width as f64 * 8.0).round() as usize).clamp(1, width * 8);
    if !added {
        return LEFT_OUT_GLYPH.to_string().repeat(eighths.div_ceil(8));
    }
    let glyph = added_glyph(mode);
    match mode {
        AmbiguousWidth::Narrow => {
            let mut out = glyph.to_string().repeat(eighths / 8);
            if !eighths.is_multiple_of(8) {
                out.push(EIGHTHS[eighths % 8 - 1]);
            }
            out
        }
        AmbiguousWidth::Wide => glyph.to_string().repeat(eighths.div_ceil(8)),
    }
}

/// Where a bar row's parts start, left to right, in a body `width` columns wide.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Columns {
    /// Width of the label (what the sum is).
    label: usize,
    /// Width of the bar.
    bar: usize,
    /// Width of the value (`近1.8亿元`).
    value: usize,
    /// Width of the period and status (`2019-2020年`, `计划`); 0 when it gave way, and then
    /// without the gap before it.
    when: usize,
    /// Width of the tag, the kind of money (`立项`, `补助`…).
    tag: usize,
    /// Whether the bars are drawn to scale. Where fewer than [`MIN_BAR`] cells are left, a
    /// bar would be a cell or two whatever the sum, which says nothing: each row has one cell
    /// of the glyph instead, which says only whether the sum is added, and the scale's row
    /// says that the screen is too narrow for bars.
    scaled: bool,
}

/// Columns before the label: one for the selection mark (an indent under the heading),
/// one for the hedge mark.
const LEAD: usize = 2;

/// The narrowest the period column is cut to, so that the bars keep room (the detail line
/// gives it in full).
const MIN_WHEN: usize = 6;
/// The narrowest the tag column is cut to: the kind of money matters more than its period,
/// and `allocated`, `per award` still read whole.
const MIN_TAG: usize = 9;
/// The narrowest the label column is cut to while the bars are drawn: four characters and
/// `…`, so that at 40 columns, with a blank one before the border, the bars keep their cells
/// (the detail line says what a sum is in full).
const MIN_LABEL: usize = 9;
/// The fewest cells bars are drawn in: over the five decades of this letter's sums
/// (10万 to 100亿), a decade in a cell and a half, and sums a decade apart still differ.
const MIN_BAR: usize = 8;

impl Columns {
    fn new(width: usize, label: usize, value: usize, when: usize, tag: usize) -> Self {
        // A third of the width for labels, at most 40 columns: the detail line has the rest.
        let mut c = Self {
            label: label.min((width * 30 / 100).clamp(8, 40)),
            bar: 0,
            value,
            when,
            tag,
            scaled: true,
        };
        // On a narrow screen (English words are long) the bars keep a sixth of the width,
        // and at least `MIN_BAR`: the period, the tag, then the label give up columns, each
        // down to its least; then the period gives way, as in the table (the detail line
        // says it).
        let want = (width / 6).max(MIN_BAR);
        for (column, least) in [(1, MIN_WHEN), (2, MIN_TAG), (0, MIN_LABEL)] {
            let short = want.saturating_sub(c.room(width));
            let cell = match column {
                0 => &mut c.label,
                1 => &mut c.when,
                _ => &mut c.tag,
            };
            *cell -= short.min(cell.saturating_sub(least));
        }
        if c.room(width) < want {
            c.when = 0;
        }
        c.bar = c.room(width);
        if c.bar < MIN_BAR {
            // One cell for the glyph; the label takes the rest, up to its own width.
            c.scaled = false;
            c.bar = 1;
            let others = c.fixed() - c.label + c.bar;
            c.label = width.saturating_sub(others).min(label);
        }
        c
    }

    /// The columns of everything but the bar, with the gaps between the parts.
    fn fixed(self) -> usize {
        let when = if self.when > 0 { self.when + 1 } else { 0 };
        LEAD + self.label + 1 + 1 + self.value + 1 + when + self.tag
    }

    /// What is left of `width` for the bar.
    fn room(self, width: usize) -> usize {
        width.saturating_sub(self.fixed())
    }

    fn bar_x(self) -> usize {
        LEAD + self.label + 1
    }
}

/// What drawing the chart's lines needs: the figures, the strings, and the columns and
/// scale fitted to the bars.
struct Chart<'a> {
    app: &'a App,
    lang: Lang,
    strings: &'a Strings,
    chart: &'a ChartView,
    mode: AmbiguousWidth,
    width: usize,
    columns: Columns,
    scale: LogScale,
    /// The body width from which bars are drawn to scale, when they are not.
    scaled_from: Option<usize>,
}

impl<'a> Chart<'a> {
    /// The chart `chart` of `app` fitted to `width` columns.
    fn new(app: &'a App, chart: &'a ChartView, width: usize) -> Self {
        let mode = app.ambiguous();
        let bars: Vec<FigureRef> = chart
            .lines
            .iter()
            .filter_map(|l| match l {
                ChartLine::Bar(f) => Some(*f),
                _ => None,
            })
            .collect();
        let mut this = Self {
            app,
            lang: app.lang(),
            strings: app.lang().strings(),
            chart,
            mode,
            width,
            columns: Columns::new(width, 0, 0, 0, 0),
            scale: LogScale::over(std::iter::empty()),
            scaled_from: None,
        };
        let widest = |it: &mut dyn Iterator<Item = String>| {
            it.map(|s| str_width(&s, mode)).max().unwrap_or(0)
        };
        let natural = [
            widest(&mut bars.iter().map(|f| this.figure(f).what.clone())),
            widest(&mut bars.iter().map(|f| hedged_value(this.figure(f), this.lang))),
            widest(&mut bars.iter().map(|f| this.when(f))),
            widest(&mut bars.iter().map(|f| this.tag(f))),
        ];
        let columns = |width| {
            let [label, value, when, tag] = natural;
            Columns::new(width, label, value, when, tag)
        };
        this.columns = columns(width);
        // How wide the bars need the body to be, to say so (a column more each step: few).
        this.scaled_from = (!this.columns.scaled)
            .then(|| (width + 1..width + 200).find(|&w| columns(w).scaled))
            .flatten();
        this.scale = LogScale::over(bars.iter().map(|f| this.figure(f).value));
        this
    }

    fn figure(&self, &(node, i): &FigureRef) -> &'a Figure {
        &self.app.tree().nodes[node].figures[i]
    }

    fn tag(&self, f: &FigureRef) -> String {
        let figure = self.figure(f);
        kind_of(figure).map_or(self.strings.unclassified.to_string(), |k| {
            money_label(self.lang, k, [figure])
        })
    }

    fn when(&self, f: &FigureRef) -> String {
        when_label(self.figure(f), self.lang)
    }

    fn added(&self, f: &FigureRef) -> bool {
        self.chart
            .totals
            .iter()
            .find_map(|t| t.verdict(*f))
            .is_some_and(Verdict::is_added)
    }

    /// The legend's rows, its marks set apart, then the scale with its decades where their
    /// labels fit.
    fn head(&self) -> Vec<Line<'static>> {
        let (strings, mode) = (self.strings, self.mode);
        let axis = match self.scaled_from {
            // The overlay's border takes a column each side of the body, and the margin one
            // more.
            Some(body) => format!(
                "{}{}",
                " ".repeat(LEAD),
                (strings.chart_too_narrow)(body + 2 + usize::from(RIGHT_MARGIN))
            ),
            None => scale_line(
                strings.log_scale,
                self.scale,
                self.columns,
                self.width,
                mode,
            ),
        };
        (self.chart.legend.iter())
            .map(|row| legend_row(row, mode))
            .chain([Line::styled(axis, theme::DIM)])
            .collect()
    }

    /// Line `i` of the chart, set as selected or not.
    fn line(&self, i: usize, selected: bool) -> Line<'static> {
        // A row of words, broken to the width by the view ([`ChartView::fit`]).
        let words = || self.chart.words.get(i).cloned().unwrap_or_default();
        match self.chart.lines[i] {
            ChartLine::Section(t) => self.section(&self.chart.totals[t]),
            ChartLine::Adds(..) => Line::styled(words(), theme::FIGURE),
            ChartLine::NothingAdded(_) | ChartLine::Note(_) => Line::styled(words(), theme::DIM),
            ChartLine::Bar(f) => self.bar(i, f, selected),
            ChartLine::Gap => Line::default(),
        }
    }

    /// A section's heading with its totals.
    fn section(&self, total: &SectionTotal) -> Line<'static> {
        let (strings, mode) = (self.strings, self.mode);
        let (sum, style) = if total.totals.is_empty() {
            (strings.no_total.to_string(), theme::DIM)
        } else {
            let sums: Vec<String> = (total.totals.iter())
                .map(|s| total_text(self.app.tree(), self.lang, s))
                .collect();
            (sums.join(strings.list_separator), theme::FIGURE)
        };
        let sum_w = str_width(&sum, mode);
        let name = self.app.tree().name(total.section, self.app.lang());
        let name_w = self.width.saturating_sub(sum_w + 2);
        Line::from(vec![
            Span::styled(fit(&name, name_w, false, mode), theme::HEADING),
            Span::raw("  "),
            Span::styled(sum, style),
        ])
    }

    /// The bar of figure `f`, line `i` of the chart.
    fn bar(&self, i: usize, f: FigureRef, selected: bool) -> Line<'static> {
        let (mode, columns) = (self.mode, self.columns);
        let fig = self.figure(&f);
        let above = i.checked_sub(1).and_then(|p| match self.chart.lines[p] {
            ChartLine::Bar(g) => Some(self.figure(&g).what.as_str()),
            _ => None,
        });
        let added = self.added(&f);
        let plain = |style: Style| if selected { Style::new() } else { style };
        let mark = if is_hedged(fig) { HEDGE_MARK } else { " " };
        let fraction = if columns.scaled {
            self.scale.fraction(fig.value)
        } else {
            // Too narrow for bars: one full cell, whose glyph says whether the sum is added.
            1.0
        };
        let filled = bar(fraction, columns.bar, added, mode);
        let filled_w = str_width(&filled, mode);
        let bar_style = if added { theme::FIGURE } else { theme::DIM };
        let mut spans = vec![
            Span::raw(if selected { SELECTED_MARK } else { " " }),
            Span::styled(mark, plain(theme::FIGURE)),
            Span::raw(fit(
                &bar_label(&fig.what, above, columns.label, mode),
                columns.label,
                false,
                mode,
            )),
            Span::raw(" "),
            Span::styled(filled, plain(bar_style)),
            Span::raw(" ".repeat(columns.bar.saturating_sub(filled_w) + 1)),
            Span::styled(
                fit(&hedged_value(fig, self.lang), columns.value, true, mode),
                plain(theme::FIGURE),
            ),
            Span::raw(" "),
        ];
        // A period that gave way leaves no gap.
        if columns.when > 0 {
            let when = fit(&self.when(&f), columns.when, false, mode);
            spans.extend([Span::styled(when, plain(theme::DIM)), Span::raw(" ")]);
        }
        let tag = fit(&self.tag(&f), columns.tag, false, mode);
        spans.push(Span::styled(tag, plain(bar_style)));
        Line::from(spans)
    }
}

/// Draws the chart's head (legend, scale) and its lines in view into `body`, their text
/// `width` columns wide; returns the rows of the head.
pub(super) fn draw(app: &App, (body, width): (Rect, usize), list: usize, buf: &mut Buffer) -> u16 {
    let mode = app.ambiguous();
    let Some(figures) = app.figures() else {
        return 0;
    };
    let head = figures.head_rows();
    let row = |i: u16| Rect::new(body.x, body.y + i, body.width, 1);
    // No sum of money: no axis to scale, and a line that says why the chart is empty.
    if figures.chart.bars.is_empty() {
        let none = Line::styled(format!(" {}", app.lang().strings().chart_none), theme::DIM);
        if body.height > 0 {
            put_line(buf, row(0), &none, mode);
        }
        return head;
    }
    let view = Chart::new(app, &figures.chart, width);
    let chart = view.chart;
    for (y, line) in (0..body.height.min(head)).zip(view.head()) {
        put_line(buf, row(y), &line, mode);
    }
    let selected_line = chart.bars.get(chart.selected).copied();
    let offset = chart.first_in_view(list);
    for (n, i) in (offset..chart.lines.len()).take(list).enumerate() {
        let y = head + u16::try_from(n).unwrap_or(0);
        if y >= body.height {
            break;
        }
        let area = row(y);
        let selected = Some(i) == selected_line;
        let line = view.line(i, selected);
        if selected {
            buf.set_style(area, theme::SELECTED_FOCUSED);
            put_line(buf, area, &line.style(theme::SELECTED_FOCUSED), mode);
        } else {
            put_line(buf, area, &line, mode);
        }
    }
    head
}

/// A row of the legend, its marks (`~`, the glyphs of a bar added and of one left out) in
/// the styles of what they mark, its words plain.
fn legend_row(row: &str, mode: AmbiguousWidth) -> Line<'static> {
    let marks = [
        (HEDGE_MARK.to_string(), theme::FIGURE),
        (added_glyph(mode).to_string(), theme::FIGURE),
        (LEFT_OUT_GLYPH.to_string(), theme::DIM),
    ];
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut words = String::new();
    for g in row.graphemes(true) {
        if let Some((mark, style)) = marks.iter().find(|(m, _)| m == g) {
            spans.push(Span::raw(std::mem::take(&mut words)));
            spans.push(Span::styled(mark.clone(), *style));
        } else {
            words.push_str(g);
        }
    }
    spans.push(Span::raw(words));
    Line::from(spans)
}

/// A bar's label, to be fitted into `width` columns. When `what` does not fit and begins
/// like the label of the bar above (`中国创新创业大赛广东省决赛一等奖…` over `…二等奖…`), the
/// shared beginning is elided to `…`, so that what tells the bars apart is what shows; the
/// detail line has the label in full.
#[must_use]
pub fn bar_label(what: &str, above: Option<&str>, width: usize, mode: AmbiguousWidth) -> String {
    let Some(above) = above.filter(|_| str_width(what, mode) > width) else {
        return what.to_string();
    };
    let (mut shared, mut count) = (0, 0);
    for (a, b) in what.graphemes(true).zip(above.graphemes(true)) {
        if a != b {
            break;
        }
        shared += a.len();
        count += 1;
    }
    // A character or two in common is chance, not a shared name.
    if count <= 2 || shared == what.len() {
        return what.to_string();
    }
    format!("…{}", what.get(shared..).unwrap_or_default())
}

/// The scale's row: `label` (对数刻度) in the label column, then decades' labels where they
/// fall over the bars, left-aligned on their ticks. Every decade when they fit; else every
/// second or fourth (exponents divisible by 2 or 4, so that 1亿 and 1万 stay among them);
/// a label that would still overlap the one before or run past the row is dropped.
fn scale_line(
    label: &str,
    scale: LogScale,
    columns: Columns,
    width: usize,
    mode: AmbiguousWidth,
) -> String {
    let head = format!(
        "{}{} ",
        " ".repeat(LEAD),
        fit(label, columns.label, false, mode)
    );
    let span = f64::from(scale.high - scale.low);
    let ticks = |step: i32| -> Vec<(usize, String)> {
        (scale.low..=scale.high)
            .filter(|e| step == 1 || e % step == 0)
            .map(|e| {
                // A fraction in 0..=1 of a screen width: the casts lose nothing.
                let at = columns.bar_x()
                    + ((f64::from(e - scale.low) / span) * columns.bar as f64).round() as usize;
                (at, decade_label(e))
            })
            .collect()
    };
    let fits = |ticks: &[(usize, String)]| {
        let mut used = str_width(&head, mode);
        ticks.iter().all(|(at, text)| {
            let ok = *at >= used && at + str_width(text, mode) <= width;
            used = at + str_width(text, mode) + 1;
            ok
        })
    };
    let chosen = [1, 2, 4]
        .into_iter()
        .map(ticks)
        .find(|t| fits(t))
        .unwrap_or_else(|| ticks(4));
    let mut out = head;
    let mut used = str_width(&out, mode);
    for (at, text) in chosen {
        let w = str_width(&text, mode);
        if at < used || at + w > width {
            continue;
        }
        out.push_str(&" ".repeat(at - used));
        out.push_str(&text);
        out.push(' ');
        used = at + w + 1;
    }
    out.trim_end().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scale_spans_whole_decades_around_the_sums() {
        let s = LogScale::over([400_000.0, 8_700_000_000.0, 0.0]);
        assert_eq!(s, LogScale { low: 5, high: 10 });
        assert!((s.fraction(1e5)).abs() < 1e-9);
        assert!((s.fraction(1e10) - 1.0).abs() < 1e-9);
        assert!(s.fraction(400_000.0) > 0.1, "40万元 is readable");
        assert_eq!(LogScale::over([]), LogScale { low: 4, high: 8 });
        assert_eq!(LogScale::over([1e6]), LogScale { low: 6, high: 7 });
    }

    #[test]
    fn decades_are_labelled_as_chinese_amounts() {
        let labels: Vec<String> = (3..=13).map(decade_label).collect();
        assert_eq!(
            labels,
            [
                "1000元", "1万", "10万", "100万", "1000万", "1亿", "10亿", "100亿", "1000亿",
                "1万亿", "10万亿"
            ]
        );
    }

    #[test]
    fn bars_use_eighths_when_narrow_and_ascii_when_wide() {
        let n = AmbiguousWidth::Narrow;
        assert_eq!(bar(0.5, 10, true, n), "█████");
        assert_eq!(bar(0.55, 10, true, n), "█████▌");
        assert_eq!(
            bar(0.0001, 10, true, n),
            "▏",
            "a sum above 0 is never invisible"
        );
        assert_eq!(bar(0.55, 10, true, AmbiguousWidth::Wide), "######");
        assert_eq!(bar(0.55, 10, false, n), "░░░░░░");
        assert_eq!(bar(1.0, 0, true, n), "");
        for mode in [n, AmbiguousWidth::Wide] {
            for f in [0.0, 0.3, 0.99, 1.0] {
                for added in [true, false] {
                    assert!(str_width(&bar(f, 7, added, mode), mode) <= 7);
                }
            }
        }
    }

    #[test]
    fn a_label_too_long_elides_what_it_shares_with_the_one_above() {
        let n = AmbiguousWidth::Narrow;
        let first = "中国创新创业大赛广东省决赛一等奖企业补助额度";
        let second = "中国创新创业大赛广东省决赛二等奖企业补助额度";
        assert_eq!(bar_label(second, Some(first), 24, n), "…二等奖企业补助额度");
        assert_eq!(
            bar_label(first, None, 24, n),
            first,
            "the first keeps its beginning"
        );
        assert_eq!(
            bar_label(second, Some(first), 80, n),
            second,
            "it fits: kept whole"
        );
        assert_eq!(
            bar_label("科技贷款贴息资金的很长很长的说明", Some("科技银行"), 10, n),
            "科技贷款贴息资金的很长很长的说明",
            "two characters in common are chance"
        );
    }

    #[test]
    fn on_a_narrow_screen_the_period_and_tag_give_way_to_the_bars() {
        // 60 columns in English: `at most 300万元`, `past 5 years`, `running total`.
        let c = Columns::new(58, 30, 15, 12, 13);
        assert_eq!(c.bar, 58 / 6, "{c:?}");
        assert_eq!((c.when, c.tag), (MIN_WHEN, MIN_TAG), "{c:?}");
        assert!(c.label >= MIN_LABEL, "{c:?}");
        assert_eq!(
            LEAD + c.label + 1 + c.bar + 1 + c.value + 1 + c.when + 1 + c.tag,
            58
        );
        // With room to spare nothing is cut.
        let c = Columns::new(118, 30, 15, 12, 13);
        assert_eq!((c.when, c.tag), (12, 13));
    }

    #[test]
    fn bars_too_short_to_mean_anything_give_way_to_a_cell_that_marks_them() {
        // 40 columns in Chinese: the period gives way, the bars keep eight cells.
        let c = Columns::new(38, 30, 11, 11, 4);
        assert!(c.scaled && c.when == 0 && c.bar >= MIN_BAR, "{c:?}");
        // In English (`at most 300万元`, `running total`): no room for eight, one cell.
        let c = Columns::new(38, 30, 15, 12, 13);
        assert!(!c.scaled && c.bar == 1, "{c:?}");
        for width in 30..160 {
            for natural in [(30, 11, 11, 4), (30, 15, 12, 13)] {
                let (label, value, when, tag) = natural;
                let c = Columns::new(width, label, value, when, tag);
                assert!(c.fixed() + c.bar <= width, "{width}: {c:?}");
                assert!(!c.scaled || c.bar >= MIN_BAR, "{width}: {c:?}");
            }
        }
    }

    #[test]
    fn the_scale_row_says_log_and_keeps_labels_apart() {
        let columns = Columns::new(74, 60, 11, 0, 4);
        let scale = LogScale { low: 5, high: 10 };
        let row = scale_line("对数刻度", scale, columns, 74, AmbiguousWidth::Narrow);
        assert!(row.contains("对数刻度"));
        assert!(row.contains("100万") && row.contains("1亿") && row.contains("100亿"));
        assert!(str_width(&row, AmbiguousWidth::Narrow) <= 74);
        let at = |label: &str| row.find(label).unwrap();
        assert!(at("100万") < at("1亿"));
        let wide = Columns::new(114, 60, 11, 0, 4);
        let row = scale_line("对数刻度", scale, wide, 114, AmbiguousWidth::Narrow);
        for label in ["10万", "1000万", "10亿"] {
            assert!(
                row.contains(label),
                "every decade fits in 114 columns: {row}"
            );
        }
    }
}
