//! What the figures view says of its selected figure under the table or the chart: what the
//! columns had to cut. First what the figure says (its text with the value in full, money in
//! 元, its period, the whole it is part of, and whether it was added to a total and why),
//! then what it counts and where it stands.
//!
//! The first is broken over as many rows as it needs, up to a few: it holds the reason a sum
//! was or was not added, which a reader checking the totals must see whole. The view keeps
//! rows enough for the longest of the letter's ([`said_rows`]), so that moving from figure to
//! figure does not move the list.

use super::money::{SectionTotal, Verdict, kind_of};
use super::{
    FigureRef, UnitKind, container_of, display_value, grouped_digits, hedged_value, list_item,
    summary, when_label,
};
use crate::letter::tree::LetterTree;
use crate::letter::{Figure, Status};
use crate::strings::Lang;
use crate::text::width::{AmbiguousWidth, str_width};
use crate::text::wrap::wrap;

/// How a part of what a figure says is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// The figure's own words, as the letter writes them.
    Figure,
    /// What is said of it.
    Plain,
    /// What matters less: a reason a sum was left out of a total.
    Dim,
}

/// What the view says of one figure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Detail {
    /// What the figure says, in parts, each with its tone: read together, one text.
    pub said: Vec<(Tone, String)>,
    /// What it counts.
    pub what: String,
    /// Where it stands: its node's breadcrumb.
    pub crumb: String,
}

impl Detail {
    /// [`Detail::said`] as one text.
    #[must_use]
    pub fn said_text(&self) -> String {
        self.said.iter().map(|(_, part)| part.as_str()).collect()
    }
}

/// What the view says of `figure` of `tree` in `lang`, its sums judged by `totals` (the
/// chart's sections).
#[must_use]
pub fn detail(tree: &LetterTree, lang: Lang, totals: &[SectionTotal], figure: FigureRef) -> Detail {
    let (node, index) = figure;
    Detail {
        said: said(tree, lang, totals, figure),
        what: tree.nodes[node].figures[index].what.clone(),
        crumb: tree.breadcrumb(node, lang),
    }
}

/// What the figure says ([`Detail::said`]), in parts, each with its tone.
fn said(
    tree: &LetterTree,
    lang: Lang,
    totals: &[SectionTotal],
    figure: FigureRef,
) -> Vec<(Tone, String)> {
    let strings = lang.strings();
    let (node, index) = figure;
    let f = &tree.nodes[node].figures[index];
    let full = match f.kind() {
        UnitKind::Money => format!("{}元", grouped_digits(f.value)),
        _ => display_value(f),
    };
    let mut said = vec![(Tone::Figure, f.text.clone())];
    let mut plain = |text: String| said.push((Tone::Plain, text));
    // A list states several amounts: say which one this figure is, and that amount alone
    // (「300、200、100万元」 is not 3,000,000元; its first item is), with its hedge, which is
    // then said.
    let list = list_item(tree, figure);
    if let Some((item, items)) = list {
        plain(format!(
            " {}{} = {full}",
            (strings.list_item)(item, items),
            hedged_value(f, lang)
        ));
    } else if full != f.text {
        // `4项 = 4项` says nothing; `超过100家 = 100家` and money in 元 do.
        plain(format!(" = {full}"));
    }
    // A hedge the letter writes apart from the figure's words (最高 of 最高额度200万元): its
    // column is the first to give way in a narrow view, and the hedge must not go with it.
    if let Some(qualifier) = (f.qualifier.as_deref())
        .filter(|q| !f.text.contains(q))
        .filter(|_| list.is_none())
    {
        plain(format!("  {}", (strings.qualifier)(qualifier)));
    }
    let reason = money_reason(tree, lang, totals, figure);
    // A reason that names the sum's kind in its period (`2020年安排；…`) says the period:
    // `2020年  2020年安排` said it twice.
    let when = when_label(f, lang);
    if !when.is_empty() && !reason.as_ref().is_some_and(|r| r.names_period) {
        plain(format!("  {when}"));
    }
    // The whole the letter puts it in (`part_of`), which the view had shown nowhere.
    if let Some((n, i)) = container_of(tree, figure) {
        let whole = hedged_value(&tree.nodes[n].figures[i], lang);
        plain(format!("  {}", (strings.part_of)(&whole)));
    }
    if let Some(reason) = reason {
        let tone = if reason.added { Tone::Plain } else { Tone::Dim };
        said.push((tone, format!("  {}", reason.text)));
    }
    said
}

/// The most figures whose words [`said_rows`] measures: a letter has tens of figures, a few
/// hundred at most; what is said of one may name a whole of many parts.
const MEASURED: usize = 1000;

/// The most rows, up to `most`, that what the view says of any figure of `tree` takes when
/// broken `width` columns wide: the rows the view keeps for it. At least one. A letter of
/// more than [`MEASURED`] figures is given `most` rows, rather than every figure's words made
/// each time the screen changes size.
#[must_use]
pub fn said_rows(
    tree: &LetterTree,
    lang: Lang,
    totals: &[SectionTotal],
    (width, mode): (usize, AmbiguousWidth),
    most: usize,
) -> usize {
    let mut rows = 1;
    let figures: Vec<FigureRef> = (tree.nodes.iter().enumerate())
        .flat_map(|(node, n)| (0..n.figures.len()).map(move |i| (node, i)))
        .take(MEASURED + 1)
        .collect();
    if figures.len() > MEASURED {
        return most.max(1);
    }
    for figure in figures {
        if rows >= most {
            break;
        }
        let text: String = (said(tree, lang, totals, figure).into_iter())
            .map(|(_, part)| part)
            .collect();
        // Most fit one row, which needs no breaking to know.
        if str_width(&text, mode) > width {
            rows = rows.max(wrap(&text, width, mode).len());
        }
    }
    rows.min(most).max(1)
}

/// Why a sum of money is or is not in a total.
struct Reason {
    text: String,
    /// Whether it was added to a total (else it is drawn dim).
    added: bool,
    /// Whether the reason names the sum's period: a sum added names its total, a sum alone
    /// its kind in its period.
    names_period: bool,
}

/// For a sum of money, why it is or is not in a total; `None` for a figure that is not money.
fn money_reason(
    tree: &LetterTree,
    lang: Lang,
    totals: &[SectionTotal],
    figure: FigureRef,
) -> Option<Reason> {
    let strings = lang.strings();
    let f = &tree.nodes[figure.0].figures[figure.1];
    if f.kind() != UnitKind::Money {
        return None;
    }
    let section = totals.iter().find_map(|t| Some((t, t.verdict(figure)?)));
    let verdict = section.map(|(_, v)| v);
    let text = match (section, kind_of(f)) {
        (Some((section, v)), _) => verdict_reason(tree, lang, section, v, f),
        (None, Some(kind)) => strings.money_kind_reasons[kind.index()].to_string(),
        (None, None) => strings.reason_unclassified.to_string(),
    };
    Some(Reason {
        text,
        added: verdict.is_some_and(Verdict::is_added),
        names_period: matches!(verdict, Some(Verdict::Added(_) | Verdict::Alone)),
    })
}

/// Why a sum of money of `section` is or is not in a total, in `lang`.
fn verdict_reason(
    tree: &LetterTree,
    lang: Lang,
    section: &SectionTotal,
    verdict: Verdict,
    f: &Figure,
) -> String {
    let strings = lang.strings();
    match verdict {
        // The total by the words of all its parts (2020年补助、奖励), as its heading names it.
        Verdict::Added(i) => {
            let total = section
                .totals
                .get(i)
                .map(|t| summary::total_name(tree, lang, t));
            (strings.reason_added)(&total.unwrap_or_default())
        }
        Verdict::NeverAdded(kind) => strings.money_kind_reasons[kind.index()].to_string(),
        Verdict::Unclassified => strings.reason_unclassified.to_string(),
        Verdict::NotDone(Status::Design) => strings.reason_design.to_string(),
        Verdict::NotDone(_) => strings.reason_planned.to_string(),
        Verdict::NoPeriod => strings.reason_no_period.to_string(),
        // The whole is named before the reason, as for any part.
        Verdict::PartOf(_) => strings.reason_part_of.to_string(),
        // Only sums of a known kind and period are alone in theirs.
        Verdict::Alone => (strings.reason_alone)(&summary::sum_name(lang, f).unwrap_or_default()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::figures::money::totals;
    use crate::letter::load;

    /// The rows kept are those the longest words take: none is cut on a wide screen, where
    /// every figure's words fit one row; on a narrow one they are the most any figure needs,
    /// up to what the screen spares.
    #[test]
    fn the_rows_kept_are_those_the_longest_words_take() {
        let tree = LetterTree::new(load::embedded());
        let totals = totals(&tree);
        let mode = AmbiguousWidth::Narrow;
        let needed = |width: usize| {
            let figures = (tree.nodes.iter().enumerate())
                .flat_map(|(node, n)| (0..n.figures.len()).map(move |i| (node, i)));
            figures
                .map(|f| {
                    wrap(
                        &detail(&tree, Lang::Zh, &totals, f).said_text(),
                        width,
                        mode,
                    )
                    .len()
                })
                .max()
                .unwrap_or(1)
        };
        assert_eq!(needed(200), 1);
        assert_eq!(said_rows(&tree, Lang::Zh, &totals, (200, mode), 3), 1);
        assert_eq!(needed(78), 2, "at 80 columns the longest takes two rows");
        assert_eq!(said_rows(&tree, Lang::Zh, &totals, (78, mode), 3), 2);
        assert!(needed(30) > 3);
        assert_eq!(said_rows(&tree, Lang::Zh, &totals, (30, mode), 3), 3);
        assert_eq!(said_rows(&tree, Lang::Zh, &totals, (30, mode), 1), 1);
    }
}
