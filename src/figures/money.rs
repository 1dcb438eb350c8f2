//! What kind of money each sum of the letter is, and totals that add up honestly.
//!
//! A reply letter states sums of different kinds side by side: money approved with projects
//! (立项金额1300万元), money allocated (安排352万元), money paid out (补助约1900万元), the size
//! of a fund (总规模50亿元), loans approved over the years (累计审批贷款超87亿元), ceilings
//! (最高补助300万元), amounts per award (80、60、40万元) and results (直接经济效益6.97亿元).
//! Approved, allocated and paid are three different things: 1300万元 approved and 352万元
//! allocated are not 1652万元 spent. The YAML says each sum's kind (`money_kind`); a letter
//! that does not is read by a rule off the figure's qualifier and `what` ([`kind_of`]).
//!
//! A total ([`totals`]) adds only sums of one kind that adds up (approved, allocated or paid),
//! of one section, reported as done, of one period (a five-year amount and a 2020 amount are
//! not added; nor a running 累计 and a year's), and never a part with the whole the letter
//! puts it in (`part_of`). A total of fewer than two sums is no total, and the chart says why
//! nothing was added. A hedged part hedges the total: 近 or 约 make it 约, 超 or 超过 make it
//! 至少.

use std::collections::HashMap;

use super::{FigureRef, UnitKind};
use crate::letter::tree::{LetterTree, NodeId};
use crate::letter::{Figure, MoneyKind, Status};
use crate::numbers::period::Period;

pub use crate::letter::money_kind::kind_of;

/// The letter's own word for the kind of money `figure` is, where the kind has several: the
/// first of [`MoneyKind::words`] its `what` says (扶持 of 核心技术攻关扶持资金, 贴息 of
/// 科技贷款贴息, both money paid). `None` for a kind of one word, which its label names
/// (上限 for 最高), and when `what` says none of them.
#[must_use]
pub fn own_word(figure: &Figure) -> Option<&'static str> {
    let words = kind_of(figure)?.words();
    if words.len() < 2 {
        return None;
    }
    words.iter().copied().find(|w| figure.what.contains(w))
}

/// Why a money figure is or is not in a total.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Added to the section's total with this index in [`SectionTotal::totals`].
    Added(usize),
    /// Of a kind that is never added: a fund's size, a running total, a cap, an amount per
    /// award, an outcome.
    NeverAdded(MoneyKind),
    /// Money whose kind is not known.
    Unclassified,
    /// The letter reports it as planned, or as part of a scheme's design: nothing was paid.
    NotDone(Status),
    /// No period: what it could be added to is not known.
    NoPeriod,
    /// Part of this other figure of the same kind and period, as the letter says.
    PartOf(FigureRef),
    /// The only sum of its kind and period in the section: there is nothing to add it to.
    Alone,
}

impl Verdict {
    /// Whether the figure went into a total.
    #[must_use]
    pub fn is_added(self) -> bool {
        matches!(self, Self::Added(_))
    }
}

/// How exact a total is, from the hedges of its parts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TotalHedge {
    /// Every part is exact.
    Exact,
    /// A part is 近 or 约: the total is about the sum.
    About,
    /// Parts are exact or more than stated (超, 超过): the total is at least the sum.
    AtLeast,
}

/// One total: sums of one kind and one period in one section.
#[derive(Debug, Clone, PartialEq)]
pub struct Total {
    /// The kind every part is.
    pub kind: MoneyKind,
    /// The period every part has.
    pub period: Period,
    /// The figures added, in letter order; at least two.
    pub parts: Vec<FigureRef>,
    /// Their sum, in 元.
    pub sum: f64,
    /// How exact the sum is.
    pub hedge: TotalHedge,
}

impl Total {
    /// The total as it is shown, with `about` or `at_least` in front when hedged:
    /// `约3552万元` (rounded: more digits would claim a precision the letter does not have),
    /// `至少…`, or exactly `7381.41万元`.
    #[must_use]
    pub fn text(&self, about: &str, at_least: &str) -> String {
        match self.hedge {
            TotalHedge::About => format!("{about}{}", super::money_text(self.sum, 2)),
            TotalHedge::AtLeast => format!("{at_least}{}", super::money_text(self.sum, 4)),
            TotalHedge::Exact => super::money_text(self.sum, 4),
        }
    }
}

/// The money of one top-level section (a suggestion, or the opening or closing): its totals,
/// and why each money figure is or is not in one.
#[derive(Debug, Clone, PartialEq)]
pub struct SectionTotal {
    /// The top-level node.
    pub section: NodeId,
    /// The totals the letter supports: one per kind and period with two or more sums.
    pub totals: Vec<Total>,
    /// Every money figure of the section, in letter order, with its verdict.
    pub figures: Vec<(FigureRef, Verdict)>,
}

/// Why a section has no total: the reason the chart gives under its bars, which names every
/// sum of the section, among the one or the other.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoTotal {
    /// Sums that add up, but each alone in its kind and period (one a kind and period), in
    /// letter order: empty when no sum adds up at all.
    pub apart: Vec<FigureRef>,
    /// The section's other sums, left out for their kind (a fund, a cap…), a plan, no
    /// period, or as a part of another, in letter order.
    pub left_out: Vec<FigureRef>,
}

impl SectionTotal {
    /// The verdict on `figure`, if it is one of the section's.
    #[must_use]
    pub fn verdict(&self, figure: FigureRef) -> Option<Verdict> {
        // In the letter's order, as [`totals`] walks it.
        let at = (self.figures)
            .binary_search_by_key(&figure, |&(f, _)| f)
            .ok()?;
        self.figures.get(at).map(|&(_, v)| v)
    }

    /// Why the section has no total; `None` when it has one.
    #[must_use]
    pub fn no_total(&self) -> Option<NoTotal> {
        if !self.totals.is_empty() {
            return None;
        }
        // Without a total no sum was added: each is alone, or left out for its own reason.
        let (apart, left_out): (Vec<_>, Vec<_>) =
            self.figures.iter().partition(|(_, v)| *v == Verdict::Alone);
        let refs = |list: Vec<&(FigureRef, Verdict)>| list.into_iter().map(|(f, _)| *f).collect();
        Some(NoTotal {
            apart: refs(apart),
            left_out: refs(left_out),
        })
    }
}

/// The period of a figure, when it has one that reads.
#[must_use]
pub fn period_of(figure: &Figure) -> Option<Period> {
    figure.period.as_deref().and_then(Period::parse)
}

/// The hedge a total takes from the hedges of its parts: about when one part is near its
/// number (`近`, `约`, `左右`, `以下`), at least when one is more (`超`, `余`, `以上`).
fn total_hedge<'a>(qualifiers: impl IntoIterator<Item = Option<&'a str>>) -> TotalHedge {
    use crate::numbers::units::{Bound, Hedge};
    let mut hedge = TotalHedge::Exact;
    for q in qualifiers {
        match q.and_then(Hedge::from_word).map(Hedge::bound) {
            Some(Bound::About | Bound::AtMost) => return TotalHedge::About,
            Some(Bound::AtLeast) => hedge = TotalHedge::AtLeast,
            Some(Bound::Exact) | None => {}
        }
    }
    hedge
}

/// A money figure before it is grouped: its kind and period when it may go into a total,
/// else the verdict that keeps it out.
fn first_verdict(figure: &Figure) -> Result<(MoneyKind, Period), Verdict> {
    let kind = kind_of(figure).ok_or(Verdict::Unclassified)?;
    if !kind.adds_up() {
        return Err(Verdict::NeverAdded(kind));
    }
    if figure.status != Status::Done {
        return Err(Verdict::NotDone(figure.status));
    }
    let period = period_of(figure).ok_or(Verdict::NoPeriod)?;
    Ok((kind, period))
}

/// Per top-level section that states any money, in letter order: its totals and a verdict on
/// each money figure. See the module's documentation for the rule.
#[must_use]
pub fn totals(tree: &LetterTree) -> Vec<SectionTotal> {
    let mut out: Vec<SectionTotal> = Vec::new();
    // Per section, the figures still to be grouped by kind and period.
    let mut candidates: Vec<Vec<(FigureRef, MoneyKind, Period)>> = Vec::new();
    for (node, n) in tree.nodes.iter().enumerate() {
        for (i, figure) in n.figures.iter().enumerate() {
            if figure.kind() != UnitKind::Money {
                continue;
            }
            let section = tree.path(node)[0];
            // Nodes are in pre-order, so a section's figures come together.
            if out.last().is_none_or(|t| t.section != section) {
                out.push(SectionTotal {
                    section,
                    totals: Vec::new(),
                    figures: Vec::new(),
                });
                candidates.push(Vec::new());
            }
            let (Some(total), Some(open)) = (out.last_mut(), candidates.last_mut()) else {
                continue;
            };
            let verdict = match first_verdict(figure) {
                Ok((kind, period)) => {
                    open.push(((node, i), kind, period));
                    // Decided below, once the section's figures are all known.
                    Verdict::Alone
                }
                Err(verdict) => verdict,
            };
            total.figures.push(((node, i), verdict));
        }
    }
    for (total, open) in out.iter_mut().zip(candidates) {
        group(tree, total, open);
    }
    out
}

/// Groups a section's candidates by kind and period, sets aside what the letter puts inside
/// another member of its group, and makes a total of each group with two or more left.
///
/// Linear in the section's figures: groups are few (a kind and a period each), and a figure's
/// slot and a container's text are looked up in maps, not searched for.
fn group(tree: &LetterTree, total: &mut SectionTotal, open: Vec<(FigureRef, MoneyKind, Period)>) {
    let figure = |r: FigureRef| &tree.nodes[r.0].figures[r.1];
    let mut groups: Vec<(MoneyKind, Period, Vec<FigureRef>)> = Vec::new();
    for (r, kind, p) in open {
        match groups
            .iter_mut()
            .find(|(k, q, _)| *k == kind && q.same_as(&p))
        {
            Some((_, _, members)) => members.push(r),
            None => groups.push((kind, p, vec![r])),
        }
    }
    let slots: HashMap<FigureRef, usize> = total
        .figures
        .iter()
        .enumerate()
        .map(|(i, (f, _))| (*f, i))
        .collect();
    let set = |total: &mut SectionTotal, r: FigureRef, v: Verdict| {
        if let Some(&i) = slots.get(&r) {
            total.figures[i].1 = v;
        }
    };
    for (kind, period, members) in groups {
        // The first member of each text, as `part_of` names a figure by its text.
        let mut by_text: HashMap<&str, FigureRef> = HashMap::new();
        for &r in &members {
            by_text.entry(figure(r).text.as_str()).or_insert(r);
        }
        let mut parts = Vec::new();
        for r in members {
            let container = figure(r)
                .part_of
                .as_deref()
                .and_then(|text| by_text.get(text))
                .filter(|&&c| c != r);
            match container {
                Some(&c) => set(total, r, Verdict::PartOf(c)),
                None => parts.push(r),
            }
        }
        if parts.len() < 2 {
            continue;
        }
        let index = total.totals.len();
        for &r in &parts {
            set(total, r, Verdict::Added(index));
        }
        total.totals.push(Total {
            kind,
            sum: parts.iter().map(|&r| figure(r).value).sum(),
            hedge: total_hedge(parts.iter().map(|&r| figure(r).qualifier.as_deref())),
            period,
            parts,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn money(what: &str, qualifier: Option<&str>) -> Figure {
        Figure {
            text: String::new(),
            value: 1.0,
            unit: "元".into(),
            kind: None,
            what: what.into(),
            qualifier: qualifier.map(str::to_string),
            period: None,
            status: Status::Done,
            part_of: None,
            money_kind: None,
        }
    }

    #[test]
    fn the_rule_reads_qualifier_then_what() {
        use MoneyKind::*;
        let cases = [
            ("科技成果转化项目安排的资金", Some("近"), Some(Allocated)),
            ("重大科技专项项目立项金额", None, Some(Approved)),
            ("标杆企业研发费后补助合计金额", Some("约"), Some(Paid)),
            ("线上渠道自助办理贷款的额度", Some("最高"), Some(Cap)),
            ("企业补助", Some("最高"), Some(Cap)),
            ("一等奖企业补助额度", None, Some(PerAward)),
            ("市产业投资基金总规模", None, Some(Fund)),
            ("累计审批科技贷款", Some("超"), Some(RunningTotal)),
            ("审批科技贷款", Some("累计"), Some(RunningTotal)),
            ("上述团队创造的直接经济效益", None, Some(Outcome)),
            ("科技贷款贴息", None, Some(Paid)),
            ("某项投资", None, None),
        ];
        for (what, q, kind) in cases {
            assert_eq!(kind_of(&money(what, q)), kind, "{what}");
        }
        let count = Figure {
            unit: "家".into(),
            ..money("企业补助", None)
        };
        assert_eq!(kind_of(&count), None);
        // The YAML's word wins over the rule.
        let said = Figure {
            money_kind: Some(Allocated),
            ..money("企业补助", None)
        };
        assert_eq!(kind_of(&said), Some(Allocated));
    }

    #[test]
    fn own_word_is_the_letters_word_for_a_kind_of_several() {
        let said = |what: &str, qualifier| own_word(&money(what, qualifier));
        assert_eq!(said("近5年核心技术攻关扶持资金", None), Some("扶持"));
        assert_eq!(said("科技贷款贴息", None), Some("贴息"));
        // Two words: the kind's order, the money's name before the act of paying it.
        assert_eq!(said("2020年拨付的科技保险补助资金", None), Some("补助"));
        assert_eq!(said("市产业投资基金总规模", None), Some("规模"));
        // A kind of one word is named by its label (上限, not 最高).
        assert_eq!(said("企业补助", Some("最高")), None);
        assert_eq!(said("立项金额", None), None);
        assert_eq!(said("某项投资", None), None);
    }

    #[test]
    fn a_hedged_part_hedges_the_total() {
        assert_eq!(total_hedge([None, None]), TotalHedge::Exact);
        assert_eq!(total_hedge([None, Some("共")]), TotalHedge::Exact);
        assert_eq!(total_hedge([Some("超"), None]), TotalHedge::AtLeast);
        assert_eq!(total_hedge([Some("超过"), Some("约")]), TotalHedge::About);
        assert_eq!(total_hedge([Some("近"), Some("超过")]), TotalHedge::About);
        let t = Total {
            kind: MoneyKind::Paid,
            period: Period::Year(2020),
            parts: vec![(0, 0), (0, 1)],
            sum: 35_520_000.0,
            hedge: TotalHedge::About,
        };
        assert_eq!(t.text("约", "至少"), "约3552万元");
        let t = Total {
            sum: 73_814_100.0,
            hedge: TotalHedge::Exact,
            ..t
        };
        assert_eq!(t.text("约", "至少"), "7381.41万元");
        let t = Total {
            hedge: TotalHedge::AtLeast,
            ..t
        };
        assert_eq!(t.text("约", "至少"), "至少7381.41万元");
    }
}
