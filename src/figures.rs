//! Figures as a reader wants them: kinds of unit, values normalised for display, orders and
//! filters, and where in the text each figure stands.
//!
//! The letter's own wording of a figure is kept in [`Figure::text`]; this module only
//! derives from it. What kind of money a sum *is* (approved, allocated, paid, a fund, a
//! cap…) and which sums may be added up is decided in [`money`]; what the money chart says of
//! them, in words, in [`summary`].

pub mod detail;
pub mod money;
pub mod summary;

use std::ops::Range;

use crate::letter::places::FigurePlaces;
use crate::letter::tree::{BlockKind, LetterTree, NodeId};
use crate::letter::{Figure, Status};
use crate::numbers::units::{Hedge, Place, Unit};
use crate::numbers::{period, phrase};
use crate::strings::Lang;

/// A figure of the letter: its node, and its index in the node's `figures`.
pub type FigureRef = (NodeId, usize);

/// The kind of a figure's quantity, for grouping and filtering: one vocabulary with `check`
/// and the importer (see [`crate::numbers::units`]).
pub use crate::numbers::units::Kind as UnitKind;

/// Orders of the figures table and of `dafu figures --sort`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum FigureSort {
    /// As they stand in the letter.
    #[default]
    Order,
    /// Largest first within each kind: money by 元, then counts, then percentages. Values of
    /// different kinds are never compared (87亿元 is not "more" than 2381家).
    Value,
    /// Grouped by unit (money, then count units in the schema's order, then %), each group in
    /// letter order.
    Unit,
}

/// The figures of `tree` of kind `filter` (all when `None`), in `sort` order.
#[must_use]
pub fn rows(tree: &LetterTree, sort: FigureSort, filter: Option<UnitKind>) -> Vec<FigureRef> {
    let figure = |&(node, i): &FigureRef| &tree.nodes[node].figures[i];
    let mut rows: Vec<FigureRef> = tree
        .nodes
        .iter()
        .enumerate()
        .flat_map(|(id, n)| (0..n.figures.len()).map(move |i| (id, i)))
        .filter(|r| filter.is_none_or(|k| figure(r).kind() == k))
        .collect();
    // Sorts are stable, so ties keep letter order.
    match sort {
        FigureSort::Order => {}
        FigureSort::Value => rows.sort_by(|a, b| {
            let (fa, fb) = (figure(a), figure(b));
            let (ka, kb) = (fa.kind(), fb.kind());
            ka.rank()
                .cmp(&kb.rank())
                .then_with(|| fb.value.total_cmp(&fa.value))
        }),
        FigureSort::Unit => rows.sort_by_key(|r| {
            let f = figure(r);
            let unit = Unit::all()
                .position(|u| u.word() == f.unit)
                .unwrap_or(usize::MAX);
            (f.kind().rank(), unit)
        }),
    }
    rows
}

pub use crate::numbers::trim_number;

/// An amount in 元 as Chinese readers write it, with at most `decimals` decimals:
/// `1.8亿元`, `1300万元`, `500元`.
#[must_use]
pub fn money_text(yuan: f64, decimals: usize) -> String {
    if yuan.abs() >= 1e8 {
        format!("{}亿元", trim_number(yuan / 1e8, decimals))
    } else if yuan.abs() >= 1e4 {
        format!("{}万元", trim_number(yuan / 1e4, decimals))
    } else {
        format!("{}元", trim_number(yuan, decimals))
    }
}

/// The value as Chinese readers write amounts: `1.8亿元`, `1300万元`, `192家`, `6%`.
#[must_use]
pub fn display_value(figure: &Figure) -> String {
    match figure.kind() {
        UnitKind::Money => money_text(figure.value, 4),
        _ => format!("{}{}", trim_number(figure.value, 2), figure.unit),
    }
}

/// The value in full with digits grouped by thousands, as the detail line shows money in 元:
/// `180,000,000`; a fraction keeps up to two decimals.
#[must_use]
pub fn grouped_digits(value: f64) -> String {
    let text = trim_number(value.abs(), 2);
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let mut out = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if !fraction.is_empty() {
        out.push('.');
        out.push_str(fraction);
    }
    if value < 0.0 {
        out.insert(0, '-');
    }
    out
}

/// Whether the letter hedges `figure`: its qualifier makes the number other than the exact
/// amount — `近` (a little less), `超` and `超过`, `余`, `多`, `以上` (more), `约`, `左右`
/// (about), `最高`, `以下`, `以内` (at most). `累计` and `共` only say that a number is a sum,
/// which is exact. One vocabulary with `check` ([`Hedge`]).
#[must_use]
pub fn is_hedged(figure: &Figure) -> bool {
    figure
        .qualifier
        .as_deref()
        .and_then(Hedge::from_word)
        .is_some_and(Hedge::is_approximate)
}

/// The value with the letter's hedge where the letter writes it, as the chart and totals
/// show it: `近1.8亿元`, `最高300万元`, `400余万元`, `30多家`, `95%以上`, `3000万元左右`;
/// `80万元` (one of `80、60、40万元`). In English the hedge comes first in words (`nearly
/// 1.8亿元`, `over 400万元`), the amount in the letter's units.
#[must_use]
pub fn hedged_value(figure: &Figure, lang: Lang) -> String {
    let shown = display_value(figure);
    let hedge = figure.qualifier.as_deref().and_then(Hedge::from_word);
    match hedge {
        Some(h) if h.is_approximate() && lang == Lang::En => {
            format!("{} {shown}", (lang.strings().qualifier)(h.word()))
        }
        Some(h) if h.is_approximate() => match h.place() {
            Place::Before => format!("{}{shown}", h.word()),
            Place::After => format!("{shown}{}", h.word()),
            Place::Inside => {
                // Right after the number, before 万/亿 and the unit.
                let at = shown
                    .find(|c: char| !(c.is_ascii_digit() || matches!(c, '.' | ',')))
                    .unwrap_or(shown.len());
                let (number, rest) = shown.split_at(at);
                format!("{number}{}{rest}", h.word())
            }
        },
        _ => shown,
    }
}

/// A period in the interface's language: the letter's words in Chinese (`2019-2020年`,
/// `近5年`, `累计`), plain words in English (`2019–2020`, `past 5 years`, `cumulative`).
#[must_use]
pub fn period_label(period: &period::Period, lang: Lang) -> String {
    if lang.strings().english_periods {
        period.english()
    } else {
        period.to_string()
    }
}

/// A figure's period and status as a reader sees them, in `lang`: `2020年`, `近5年`, `累计`,
/// `计划`, `2021年、计划`, `past 5 years`, `2021, planned`; empty when the letter gives
/// neither. A period that does not read is shown as written.
#[must_use]
pub fn when_label(figure: &Figure, lang: Lang) -> String {
    let strings = lang.strings();
    let period = figure.period.as_deref().map(|p| {
        period::Period::parse(p).map_or_else(|| p.to_string(), |p| period_label(&p, lang))
    });
    let status = match figure.status {
        Status::Done => None,
        Status::Planned => Some(strings.planned),
        Status::Design => Some(strings.design),
    };
    let separator = strings.list_separator;
    match (period, status) {
        (Some(p), Some(s)) => format!("{p}{separator}{s}"),
        (Some(p), None) => p,
        (None, Some(s)) => s.to_string(),
        (None, None) => String::new(),
    }
}

/// Which amount of a list a figure is, as (item from 1, items): figures that quote one text
/// of several amounts (「300、200、100万元」) take them in order. `None` for a text of one
/// amount.
#[must_use]
pub fn list_item(tree: &LetterTree, (node, index): FigureRef) -> Option<(usize, usize)> {
    let figures = &tree.nodes.get(node)?.figures;
    let text = figures.get(index)?.text.as_str();
    let items = phrase::parse(text).ok()?.items.len();
    if items < 2 {
        return None;
    }
    let before = figures[..index].iter().filter(|f| f.text == text).count();
    Some((before % items + 1, items))
}

/// The part of a figure's place ([`locate`]: `range` of block `block`) that is its own
/// amount: the whole place for a figure of one amount; for one amount of a list
/// (「80、60、40万元」), its own number, and for the last the unit written after it too
/// (`40万元`), so that the list's second figure is set apart as 60, not as the list.
#[must_use]
pub fn own_amount(
    tree: &LetterTree,
    figure: FigureRef,
    (block, range): (usize, Range<usize>),
) -> Range<usize> {
    let Some((item, items)) = list_item(tree, figure) else {
        return range;
    };
    // Read where it stands, so that the items' byte ranges are the block's.
    let said = tree
        .blocks
        .get(block)
        .and_then(|b| b.text.get(range.clone()));
    let own = said
        .and_then(|said| phrase::parse(said).ok())
        .and_then(|p| Some(p.items.get(item - 1)?.range.clone()));
    match own {
        Some(own) if item == items => range.start + own.start..range.end,
        Some(own) => range.start + own.start..range.start + own.end,
        None => range,
    }
}

/// The figure the letter puts figure `at` in (its `part_of`): the figure of the same
/// suggestion with that text, as `dafu check` holds (遴选4项 of 共征集需求申报8项). `None`
/// for a figure that is part of none.
#[must_use]
pub fn container_of(tree: &LetterTree, (node, index): FigureRef) -> Option<FigureRef> {
    let whole = tree
        .nodes
        .get(node)?
        .figures
        .get(index)?
        .part_of
        .as_deref()?;
    let section = tree.path(node).first().copied()?;
    (tree.subtree(section))
        .flat_map(|id| (tree.nodes[id].figures.iter().enumerate()).map(move |(i, f)| ((id, i), f)))
        .find(|&(at, f)| f.text == whole && at != (node, index))
        .map(|(at, _)| at)
}

/// The value in one unit per kind, so that a column compares at a glance: money in 万元
/// (`18,000` for 1.8亿元, `40` for 40万元), counts as counted, percentages as the number;
/// with the unit to show beside it.
#[must_use]
pub fn comparable_value(figure: &Figure) -> (String, String) {
    match figure.kind() {
        UnitKind::Money => (grouped_digits(figure.value / 1e4), "万元".to_string()),
        _ => (grouped_digits(figure.value), figure.unit.clone()),
    }
}

/// The cells of the figures table, a row per figure of `refs`: its text, its value in one
/// unit per kind with the decimal points aligned over all rows, that unit, what it counts,
/// its qualifier and its period and status (both in `lang`), and its place as `place` names
/// the node. The reader's overlay and `dafu figures` show the same table.
#[must_use]
pub fn table_cells(
    tree: &LetterTree,
    refs: &[FigureRef],
    lang: Lang,
    place: impl Fn(NodeId) -> String,
) -> Vec<[String; 7]> {
    let figure = |&(node, i): &FigureRef| &tree.nodes[node].figures[i];
    let (numbers, units): (Vec<String>, Vec<String>) =
        refs.iter().map(|r| comparable_value(figure(r))).unzip();
    let numbers = align_on_point(&numbers);
    refs.iter()
        .zip(numbers.into_iter().zip(units))
        .map(|(r, (value, unit))| {
            let f = figure(r);
            [
                f.text.clone(),
                value,
                unit,
                f.what.clone(),
                f.qualifier
                    .as_deref()
                    .map(lang.strings().qualifier)
                    .unwrap_or_default(),
                when_label(f, lang),
                place(r.0),
            ]
        })
        .collect()
}

/// `numbers` padded so that their decimal points stand in one column, a number without a
/// point as if it followed its last digit: `18,000   `, `6,220.64`, `0.05     `. The numbers
/// are ASCII, so their widths are their lengths.
#[must_use]
pub fn align_on_point(numbers: &[String]) -> Vec<String> {
    let split = |n: &str| n.find('.').unwrap_or(n.len());
    let whole = numbers.iter().map(|n| split(n)).max().unwrap_or(0);
    let fraction = numbers
        .iter()
        .map(|n| n.len() - split(n))
        .max()
        .unwrap_or(0);
    numbers
        .iter()
        .map(|n| {
            let point = split(n);
            format!(
                "{}{n}{}",
                " ".repeat(whole - point),
                " ".repeat(fraction - (n.len() - point))
            )
        })
        .collect()
}

/// Where figure `index` of `node` stands in the letter: a block and the byte range of the
/// figure's text in it.
///
/// The rule is [`FigurePlaces`]'s, which the reader's marks follow too: a match that
/// continues a number (`2家` inside `192家`) is not the figure; figures with the same text
/// in one node (`3家` twice) are found at their own occurrences, in order; figures that share
/// one text (`80、60、40万元` states three amounts) all point at it. Editorial blocks (errata,
/// notes) quote the letter and are not searched.
#[must_use]
pub fn locate(tree: &LetterTree, node: NodeId, index: usize) -> Option<(usize, Range<usize>)> {
    let figures = &tree.nodes.get(node)?.figures;
    if figures.get(index)?.text.is_empty() {
        return None;
    }
    let places = FigurePlaces::new(figures);
    let found: Vec<(usize, (usize, Range<usize>))> = tree.nodes[node]
        .blocks
        .clone()
        .filter(|&b| tree.blocks[b].kind != BlockKind::Editorial)
        .flat_map(|b| {
            let found = places.in_text(&tree.blocks[b].text);
            found.into_iter().map(move |(f, range)| (f, (b, range)))
        })
        .collect();
    places.place_of(index, &found)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::letter::places::continues_a_number;

    fn money(value: f64) -> Figure {
        Figure {
            text: String::new(),
            value,
            unit: "元".into(),
            kind: None,
            what: String::new(),
            qualifier: None,
            period: None,
            status: crate::letter::Status::Done,
            part_of: None,
            money_kind: None,
        }
    }

    #[test]
    fn money_is_shown_in_yi_or_wan() {
        assert_eq!(display_value(&money(180_000_000.0)), "1.8亿元");
        assert_eq!(display_value(&money(62_206_400.0)), "6220.64万元");
        assert_eq!(display_value(&money(400_000.0)), "40万元");
        assert_eq!(display_value(&money(8_700_000_000.0)), "87亿元");
        assert_eq!(display_value(&money(500.0)), "500元");
    }

    #[test]
    fn digits_are_grouped_by_thousands() {
        assert_eq!(grouped_digits(180_000_000.0), "180,000,000");
        assert_eq!(grouped_digits(62_206_400.0), "62,206,400");
        assert_eq!(grouped_digits(999.0), "999");
        assert_eq!(grouped_digits(1000.5), "1,000.5");
        assert_eq!(grouped_digits(-1234.0), "-1,234");
    }

    #[test]
    fn values_compare_in_one_unit_aligned_on_the_point() {
        let (v, u) = comparable_value(&money(180_000_000.0));
        assert_eq!((v.as_str(), u.as_str()), ("18,000", "万元"));
        let numbers: Vec<String> = [180_000_000.0, 62_206_400.0, 400_000.0, 500.0]
            .iter()
            .map(|&v| comparable_value(&money(v)).0)
            .collect();
        assert_eq!(
            align_on_point(&numbers),
            ["18,000   ", " 6,220.64", "    40   ", "     0.05"]
        );
    }

    #[test]
    fn when_says_period_and_status_in_the_interfaces_language() {
        let mut f = money(1.0);
        assert_eq!(when_label(&f, Lang::Zh), "");
        f.period = Some("2019-2020".into());
        assert_eq!(when_label(&f, Lang::Zh), "2019-2020年");
        assert_eq!(when_label(&f, Lang::En), "2019–2020");
        f.status = Status::Planned;
        assert_eq!(when_label(&f, Lang::Zh), "2019-2020年、计划");
        assert_eq!(when_label(&f, Lang::En), "2019–2020, planned");
        f.period = None;
        assert_eq!(when_label(&f, Lang::Zh), "计划");
        f.status = Status::Design;
        assert_eq!(when_label(&f, Lang::Zh), "设计");
        assert_eq!(when_label(&f, Lang::En), "design");
        f.period = Some("近5年".into());
        f.status = Status::Done;
        assert_eq!(when_label(&f, Lang::Zh), "近5年");
        assert_eq!(when_label(&f, Lang::En), "past 5 years");
    }

    #[test]
    fn only_real_hedges_hedge() {
        let mut f = money(1.0);
        for (q, hedged) in [
            ("近", true),
            ("最高", true),
            ("余", true),
            ("左右", true),
            ("共", false),
            ("累计", false),
        ] {
            f.qualifier = Some(q.into());
            assert_eq!(is_hedged(&f), hedged, "{q}");
        }
        f.value = 4_000_000.0;
        f.qualifier = Some("余".into());
        assert_eq!(hedged_value(&f, Lang::Zh), "400余万元");
        assert_eq!(hedged_value(&f, Lang::En), "over 400万元");
        f.qualifier = Some("左右".into());
        assert_eq!(hedged_value(&f, Lang::Zh), "400万元左右");
        assert_eq!(hedged_value(&f, Lang::En), "about 400万元");
        f.qualifier = Some("近".into());
        f.value = 180_000_000.0;
        assert_eq!(hedged_value(&f, Lang::Zh), "近1.8亿元");
        assert_eq!(hedged_value(&f, Lang::En), "nearly 1.8亿元");
        f.qualifier = Some("共".into());
        assert_eq!(hedged_value(&f, Lang::En), "1.8亿元", "共 is no hedge");
    }

    #[test]
    fn a_number_inside_a_longer_number_is_not_a_match() {
        assert!(continues_a_number("共192家", "共19".len()));
        assert!(continues_a_number("1.5亿", "1.".len()));
        assert!(!continues_a_number("企业2家", "企业".len()));
        assert!(!continues_a_number("2家", 0));
    }

    /// The mark that the reader sets at figure `index`'s place, if any.
    fn mark_at(tree: &LetterTree, node: NodeId, index: usize) -> Option<crate::letter::tree::Mark> {
        let (block, range) = locate(tree, node, index)?;
        tree.blocks[block]
            .marks
            .iter()
            .find(|(r, m)| *r == range && matches!(m, crate::letter::tree::Mark::Figure(_)))
            .map(|(_, m)| *m)
    }

    #[test]
    fn every_figure_is_located_where_the_reader_marks_it() {
        let tree = LetterTree::new(crate::letter::load::embedded());
        for (node, n) in tree.nodes.iter().enumerate() {
            for (i, figure) in n.figures.iter().enumerate() {
                let first = n
                    .figures
                    .iter()
                    .position(|f| f.text == figure.text)
                    .unwrap();
                let mark = mark_at(&tree, node, i);
                assert_eq!(
                    mark,
                    Some(crate::letter::tree::Mark::Figure(first)),
                    "{}",
                    figure.text
                );
            }
        }
    }

    #[test]
    fn a_figure_ending_in_a_digit_is_not_located_inside_a_longer_number() {
        let mut letter = crate::letter::load::embedded();
        letter.opening = vec!["共30家，其中3".into()];
        let mut three = money(3.0);
        three.text = "3".into();
        letter.opening_figures = vec![three];
        let tree = LetterTree::new(letter);
        let (block, range) = locate(&tree, 0, 0).expect("located");
        assert_eq!(range.start, tree.blocks[block].text.rfind('3').unwrap());
        assert!(mark_at(&tree, 0, 0).is_some());
    }
}
