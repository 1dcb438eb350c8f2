//! What the money chart says in words: the names of kinds of money and of totals, what each
//! total adds, why a section has none, and the legend of the marks its bars carry.
//!
//! Here, below the reader's model, so that the model can break these sentences to the
//! chart's width and scroll by the rows they take, and the drawing shows the same rows.

use super::FigureRef;
use super::money::{SectionTotal, Total, Verdict, kind_of, own_word, period_of};
use super::{hedged_value, period_label};
use crate::letter::tree::LetterTree;
use crate::letter::{Figure, MoneyKind, Status};
use crate::numbers::period::Period;
use crate::strings::{Lang, Strings};
use crate::text::width::AmbiguousWidth;

/// Marks a sum the letter hedges (近, 超过, 约, 最高). Plain ASCII: `≈` is ambiguous width.
pub const HEDGE_MARK: &str = "~";
/// Fills a bar of a sum left out of the totals; not ambiguous, so one glyph serves both modes.
pub const LEFT_OUT_GLYPH: char = '░';

/// The glyph filling a bar of a sum added into a total: `█` where ambiguous characters are
/// narrow, `#` where the terminal would draw `█` two columns wide.
#[must_use]
pub fn added_glyph(mode: AmbiguousWidth) -> char {
    match mode {
        AmbiguousWidth::Narrow => '█',
        AmbiguousWidth::Wide => '#',
    }
}

/// The legend's two sentences, each after the mark it explains: what `~` means, then what
/// the glyphs of a bar added and of a bar left out mean. Each is a mark, a space, then words:
/// [`crate::text::wrap::hanging`] breaks the words under their start.
#[must_use]
pub fn legend(lang: Lang, mode: AmbiguousWidth) -> [(String, String); 2] {
    let strings = lang.strings();
    [
        (format!("{HEDGE_MARK} "), strings.legend_hedged.to_string()),
        (
            format!("{} ", added_glyph(mode)),
            format!(
                "{}{LEFT_OUT_GLYPH} {}",
                strings.legend_added, strings.legend_left_out
            ),
        ),
    ]
}

/// A kind of money, named by `label` ([`money_label`]), in a period, in `lang`: `2020年立项`,
/// `approved (2020)`.
#[must_use]
pub fn kind_in_period(lang: Lang, label: &str, period: &Period) -> String {
    (lang.strings().kind_in_period)(label, &period_label(period, lang))
}

/// What kind of money `figures` (all of `kind`) are, as the chart names it: in Chinese the
/// letter's own word for each where the kind has several ([`own_word`]: 扶持资金 and 贴息
/// are money paid, which 补助 would mislabel), both words where they differ (补助、奖励);
/// otherwise, and in English, the kind's label, whose plain word covers them all (`paid`).
#[must_use]
pub fn money_label<'f>(
    lang: Lang,
    kind: MoneyKind,
    figures: impl IntoIterator<Item = &'f Figure>,
) -> String {
    let strings = lang.strings();
    let label = strings.money_kinds[kind.index()];
    let mut words: Vec<&str> = Vec::new();
    if strings.own_money_words {
        for word in figures.into_iter().map(|f| own_word(f).unwrap_or(label)) {
            if !words.contains(&word) {
                words.push(word);
            }
        }
    }
    if words.is_empty() {
        label.to_string()
    } else {
        words.join(strings.list_separator)
    }
}

fn figure<'t>(tree: &'t LetterTree, &(node, i): &FigureRef) -> &'t Figure {
    &tree.nodes[node].figures[i]
}

/// A total's kind in its period, named by the words of its parts: `2020年补助合计`'s
/// `2020年补助`.
#[must_use]
pub fn total_name(tree: &LetterTree, lang: Lang, total: &Total) -> String {
    let parts = total.parts.iter().map(|f| figure(tree, f));
    let label = money_label(lang, total.kind, parts);
    kind_in_period(lang, &label, &total.period)
}

/// A total's label and amount: `2020年补助合计 约3552万元`, `total paid (2020): about …`.
#[must_use]
pub fn total_text(tree: &LetterTree, lang: Lang, total: &Total) -> String {
    let strings = lang.strings();
    format!(
        "{}{}",
        (strings.total_label)(&total_name(tree, lang, total)),
        total.text(strings.approx, strings.at_least)
    )
}

/// What a total adds, under its section's bars: its label and amount, then its parts as the
/// letter states them (`2020年补助合计 约3552万元 = 约1900万元 + 1652万元`).
#[must_use]
pub fn adds(tree: &LetterTree, lang: Lang, total: &Total) -> String {
    let parts: Vec<String> = (total.parts.iter())
        .map(|f| hedged_value(figure(tree, f), lang))
        .collect();
    format!("{} = {}", total_text(tree, lang, total), parts.join(" + "))
}

/// A sum's kind in its period, in the letter's word for it: `近5年扶持`, `paid (past 5
/// years)`; `None` for a sum of no known kind or period.
#[must_use]
pub fn sum_name(lang: Lang, figure: &Figure) -> Option<String> {
    let (kind, period) = (kind_of(figure)?, period_of(figure)?);
    Some(kind_in_period(
        lang,
        &money_label(lang, kind, [figure]),
        &period,
    ))
}

/// Why nothing of a section was added: its sums that add up differ in kind or period (each
/// named), or there is one only, or none of its sums is of a kind that adds up; then the
/// kinds of the sums it left out otherwise (a fund, a cap, a plan…), so that every bar
/// under the heading is accounted for. Empty when the section has a total.
#[must_use]
pub fn nothing_added(tree: &LetterTree, lang: Lang, total: &SectionTotal) -> String {
    let strings = lang.strings();
    let Some(none) = total.no_total() else {
        return String::new();
    };
    let named: Vec<String> = (none.apart.iter())
        .filter_map(|f| sum_name(lang, figure(tree, f)))
        .collect();
    let mut left_out: Vec<String> = Vec::new();
    // The sums `none.left_out` names, each with its verdict at hand.
    let left_out_sums = (total.figures.iter()).filter(|(_, v)| *v != Verdict::Alone);
    for (at, verdict) in left_out_sums {
        let f = figure(tree, at);
        let Some(kind) = kind_of(f) else {
            continue;
        };
        let label = left_out_name(strings, Some(*verdict), money_label(lang, kind, [f]));
        if !left_out.contains(&label) {
            left_out.push(label);
        }
    }
    let why = match named.len() {
        0 => strings.why_none_adds_up.to_string(),
        1 => (strings.why_one)(&named.join(strings.list_separator)),
        _ => (strings.why_apart)(&named.join(strings.list_separator)),
    };
    if left_out.is_empty() {
        why
    } else {
        let left_out = left_out.join(strings.list_separator);
        format!("{why}{}", (strings.also_left_out)(&left_out))
    }
}

/// A sum left out of a section's total, as its summary names it: by its kind when its kind
/// never adds up (每项, 上限, 规模…), and by its kind and why when a sum of that kind might have
/// been added (补助（计划）, paid (part)): named by its kind alone, it would read as left out
/// and added up at once.
fn left_out_name(strings: &Strings, verdict: Option<Verdict>, kind: String) -> String {
    let why = match verdict {
        Some(Verdict::NotDone(Status::Design)) => strings.design,
        Some(Verdict::NotDone(_)) => strings.planned,
        Some(Verdict::PartOf(_)) => strings.part,
        Some(Verdict::NoPeriod) => strings.no_period,
        _ => return kind,
    };
    (strings.kind_because)(&kind, why)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_legend_words_never_hold_the_marks_they_explain() {
        // The drawing sets the marks apart by their glyphs: words holding one would be lit.
        for lang in [Lang::Zh, Lang::En] {
            for mode in [AmbiguousWidth::Narrow, AmbiguousWidth::Wide] {
                let s = lang.strings();
                for words in [s.legend_hedged, s.legend_added, s.legend_left_out] {
                    let marks = [HEDGE_MARK.chars().next(), Some(added_glyph(mode))];
                    assert!(!words.contains(LEFT_OUT_GLYPH), "{words}");
                    assert!(
                        marks.iter().flatten().all(|m| !words.contains(*m)),
                        "{words}"
                    );
                }
            }
        }
    }
}
