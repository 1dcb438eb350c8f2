//! What each sum of money in the letter is, and totals that add up honestly.
//!
//! A reply letter states sums of very different sorts side by side: money spent
//! (安排资金近1.8亿元), the size of a fund (总规模50亿元), loans approved over the years
//! (累计审批贷款超87亿元), ceilings (最高补助300万元), amounts per award (80、60、40万元) and
//! results (创造直接经济效益6.97亿元). Only the first sort is spending; adding the others
//! to it would be adding stocks to flows. [`MoneyRole::of`] sorts them by a rule read off the
//! figure's qualifier and its `what`.
//!
//! Spending is then added only where the letter supports the sum ([`totals`]): figures of one
//! section, reported as done, of the same period (a five-year amount and a 2020 amount are
//! not added; nor a running 累计 and a year's), and never a figure together with one that
//! may contain it (`part_of`). A total of fewer than two figures is no total, and the chart
//! says why nothing was added. A hedged part hedges the total: 近 or 约 make it 约, 超 or 超过
//! make it 至少.

use super::{FigureRef, UnitKind};
use crate::letter::tree::{LetterTree, NodeId};
use crate::letter::{Figure, Status};
use crate::numbers::period::Period;

/// What a sum of money is, for deciding whether it may be added to others.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MoneyRole {
    /// Money paid out or granted: 资金, 金额, 补助, 贴息, 经费. Counted in totals.
    Spending,
    /// A size or a running sum: a fund's 规模, loans 累计 approved. Not spending.
    Stock,
    /// A ceiling (`最高`): what one award or loan may reach, not what was paid.
    Cap,
    /// An amount per award or per loan (额度): how many were paid is not stated.
    PerAward,
    /// A result attributed to the spending: 效益, 产值. Not spending.
    Outcome,
    /// Matches no rule; left out of totals rather than guessed into them.
    Unclassified,
}

/// Words of `what` that name a size or a running sum.
const STOCK_WORDS: [&str; 2] = ["规模", "累计"];
/// Words of `what` that name a result rather than money spent.
const OUTCOME_WORDS: [&str; 4] = ["效益", "产值", "营业收入", "销售额"];
/// Words of `what` that name money paid out or granted.
const SPENDING_WORDS: [&str; 6] = ["资金", "金额", "补助", "贴息", "经费", "奖励"];

impl MoneyRole {
    /// Every role, in the order labels are listed in [`crate::strings::Strings`].
    pub const ALL: [Self; 6] = [
        Self::Spending,
        Self::Stock,
        Self::Cap,
        Self::PerAward,
        Self::Outcome,
        Self::Unclassified,
    ];

    /// The role of a money figure, `None` for counts and percentages.
    ///
    /// The rule, first match wins (the order matters: `最高额度200万元` is a cap, and
    /// `补助额度` is a per-award amount although it says 补助):
    /// 1. qualifier `最高` → [`Cap`](Self::Cap);
    /// 2. `what` says 额度 → [`PerAward`](Self::PerAward);
    /// 3. qualifier `累计`, or `what` says 规模 or 累计 → [`Stock`](Self::Stock);
    /// 4. `what` says 效益, 产值, 营业收入 or 销售额 → [`Outcome`](Self::Outcome);
    /// 5. `what` says 资金, 金额, 补助, 贴息, 经费 or 奖励 → [`Spending`](Self::Spending);
    /// 6. otherwise [`Unclassified`](Self::Unclassified).
    #[must_use]
    pub fn of(figure: &Figure) -> Option<Self> {
        if figure.kind() != UnitKind::Money {
            return None;
        }
        let what = figure.what.as_str();
        let says = |words: &[&str]| words.iter().any(|w| what.contains(w));
        let qualifier = figure.qualifier.as_deref();
        Some(if qualifier == Some("最高") {
            Self::Cap
        } else if what.contains("额度") {
            Self::PerAward
        } else if qualifier == Some("累计") || says(&STOCK_WORDS) {
            Self::Stock
        } else if says(&OUTCOME_WORDS) {
            Self::Outcome
        } else if says(&SPENDING_WORDS) {
            Self::Spending
        } else {
            Self::Unclassified
        })
    }

    /// Position in [`Self::ALL`], for looking up labels.
    #[must_use]
    pub fn index(self) -> usize {
        Self::ALL.iter().position(|r| *r == self).unwrap_or(0)
    }

    /// Whether figures of this role go into a total.
    #[must_use]
    pub fn is_added(self) -> bool {
        self == Self::Spending
    }
}

/// Why a money figure is or is not in a total.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Added into the section's total with this index in [`SectionTotal::totals`].
    Added(usize),
    /// Not spending: a stock, a cap, an amount per award, a result….
    NotSpending(MoneyRole),
    /// Spending the letter reports as planned: nothing was paid yet.
    Planned,
    /// Spending with no period: what it could be added to is not known.
    NoPeriod,
    /// May be contained in this other figure of the same period, which is in the total.
    PartOf(FigureRef),
    /// The only spending of its period in the section: there is nothing to add it to.
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

/// One total: spending of one period in one section.
#[derive(Debug, Clone, PartialEq)]
pub struct Total {
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
    /// The totals the letter supports: one per period with two or more figures to add.
    pub totals: Vec<Total>,
    /// Every money figure of the section, in letter order, with its verdict.
    pub figures: Vec<(FigureRef, Verdict)>,
}

impl SectionTotal {
    /// The verdict on `figure`, if it is one of the section's.
    #[must_use]
    pub fn verdict(&self, figure: FigureRef) -> Option<Verdict> {
        self.figures
            .iter()
            .find(|(f, _)| *f == figure)
            .map(|(_, v)| *v)
    }

    /// The spending left out for want of a partner, with its periods: what the chart says
    /// when a section has no total.
    #[must_use]
    pub fn lone_periods(&self, tree: &LetterTree) -> Vec<Period> {
        let mut out: Vec<Period> = Vec::new();
        for (f, v) in &self.figures {
            if *v == Verdict::Alone
                && let Some(p) = period_of(&tree.nodes[f.0].figures[f.1])
                && !out.iter().any(|q| q.same_as(&p))
            {
                out.push(p);
            }
        }
        out
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

/// Per top-level section that states any money, in letter order: its totals and a verdict on
/// each money figure. See the module's documentation for the rule.
#[must_use]
pub fn totals(tree: &LetterTree) -> Vec<SectionTotal> {
    let mut out: Vec<SectionTotal> = Vec::new();
    // Per section, the figures still to be grouped by period.
    let mut candidates: Vec<Vec<(FigureRef, Period)>> = Vec::new();
    for (node, n) in tree.nodes.iter().enumerate() {
        for (i, figure) in n.figures.iter().enumerate() {
            let Some(role) = MoneyRole::of(figure) else {
                continue;
            };
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
            let verdict = if !role.is_added() {
                Verdict::NotSpending(role)
            } else if figure.status == Status::Planned {
                Verdict::Planned
            } else if let Some(period) = period_of(figure) {
                open.push(((node, i), period));
                // Decided below, once the section's figures are all known.
                Verdict::Alone
            } else {
                Verdict::NoPeriod
            };
            total.figures.push(((node, i), verdict));
        }
    }
    for (total, open) in out.iter_mut().zip(candidates) {
        group(tree, total, open);
    }
    out
}

/// Groups a section's dated spending by period, sets aside what may be contained in another
/// member of its group, and makes a total of each group with two or more left.
fn group(tree: &LetterTree, total: &mut SectionTotal, open: Vec<(FigureRef, Period)>) {
    let figure = |r: FigureRef| &tree.nodes[r.0].figures[r.1];
    let mut groups: Vec<(Period, Vec<FigureRef>)> = Vec::new();
    for (r, p) in open {
        match groups.iter_mut().find(|(q, _)| q.same_as(&p)) {
            Some((_, members)) => members.push(r),
            None => groups.push((p, vec![r])),
        }
    }
    for (period, members) in groups {
        let contained: Vec<(FigureRef, FigureRef)> = members
            .iter()
            .filter_map(|&r| {
                let container = figure(r).part_of.as_deref()?;
                members
                    .iter()
                    .find(|&&c| c != r && figure(c).text == container)
                    .map(|&c| (r, c))
            })
            .collect();
        let parts: Vec<FigureRef> = members
            .into_iter()
            .filter(|r| !contained.iter().any(|(c, _)| c == r))
            .collect();
        let set = |total: &mut SectionTotal, r: FigureRef, v: Verdict| {
            if let Some(slot) = total.figures.iter_mut().find(|(f, _)| *f == r) {
                slot.1 = v;
            }
        };
        for (r, c) in contained {
            set(total, r, Verdict::PartOf(c));
        }
        if parts.len() < 2 {
            continue;
        }
        let index = total.totals.len();
        for &r in &parts {
            set(total, r, Verdict::Added(index));
        }
        total.totals.push(Total {
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
        }
    }

    #[test]
    fn the_rule_reads_qualifier_then_what() {
        let cases = [
            ("科技成果转化项目安排资金", Some("近"), MoneyRole::Spending),
            ("线上渠道自助办理贷款的额度", Some("最高"), MoneyRole::Cap),
            ("企业补助", Some("最高"), MoneyRole::Cap),
            ("一等奖企业补助额度", None, MoneyRole::PerAward),
            ("市产业投资基金总规模", None, MoneyRole::Stock),
            ("累计审批科技贷款", Some("超过"), MoneyRole::Stock),
            ("审批科技贷款", Some("累计"), MoneyRole::Stock),
            ("上述团队创造的直接经济效益", None, MoneyRole::Outcome),
            ("科技贷款贴息", None, MoneyRole::Spending),
            ("某项投资", None, MoneyRole::Unclassified),
        ];
        for (what, q, role) in cases {
            assert_eq!(MoneyRole::of(&money(what, q)), Some(role), "{what}");
        }
        let count = Figure {
            unit: "家".into(),
            ..money("企业", None)
        };
        assert_eq!(MoneyRole::of(&count), None);
    }

    #[test]
    fn a_hedged_part_hedges_the_total() {
        assert_eq!(total_hedge([None, None]), TotalHedge::Exact);
        assert_eq!(total_hedge([None, Some("共")]), TotalHedge::Exact);
        assert_eq!(total_hedge([Some("超"), None]), TotalHedge::AtLeast);
        assert_eq!(total_hedge([Some("超过"), Some("约")]), TotalHedge::About);
        assert_eq!(total_hedge([Some("近"), Some("超过")]), TotalHedge::About);
        let t = Total {
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
