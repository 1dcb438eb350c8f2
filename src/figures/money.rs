//! What each sum of money in the letter is, and totals that add up honestly.
//!
//! A reply letter states sums of very different sorts side by side: money spent
//! (安排资金近1.8亿元), the size of a fund (总规模50亿元), loans approved over the years
//! (累计审批贷款超87亿元), ceilings (最高补助300万元), amounts per award (80、60、40万元) and
//! results (创造直接经济效益6.97亿元). Only the first sort is spending; adding the others
//! to it would be adding stocks to flows. [`MoneyRole::of`] sorts them by a rule read off the
//! figure's qualifier and its `what`; [`totals`] adds, per section, only the spending, and
//! marks a total approximate when a hedged figure went into it.

use super::{FigureRef, UnitKind, is_hedged};
use crate::letter::Figure;
use crate::letter::tree::{LetterTree, NodeId};

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
        if UnitKind::of(figure) != UnitKind::Money {
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

/// The money of one top-level section (a suggestion, or the opening or closing): what was
/// added up and what was left out.
#[derive(Debug, Clone, PartialEq)]
pub struct SectionTotal {
    /// The top-level node.
    pub section: NodeId,
    /// Spending figures added into [`Self::sum`], in letter order.
    pub included: Vec<FigureRef>,
    /// Money figures left out, in letter order, with the reason.
    pub excluded: Vec<(FigureRef, MoneyRole)>,
    /// The sum of the included figures, in 元.
    pub sum: f64,
    /// True when a hedged figure (近, 超过, 约) went into the sum.
    pub approximate: bool,
}

impl SectionTotal {
    /// The total as it is shown: `约3.66亿元` when approximate (rounded, since more digits
    /// would claim a precision the letter does not have), `7381.41万元` when exact; `None`
    /// when nothing was added.
    #[must_use]
    pub fn text(&self, approx: &str) -> Option<String> {
        if self.included.is_empty() {
            None
        } else if self.approximate {
            Some(format!("{approx}{}", super::money_text(self.sum, 2)))
        } else {
            Some(super::money_text(self.sum, 4))
        }
    }
}

/// Per top-level section that states any money, in letter order: the sum of its spending
/// and the money left out of it.
#[must_use]
pub fn totals(tree: &LetterTree) -> Vec<SectionTotal> {
    let mut out: Vec<SectionTotal> = Vec::new();
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
                    included: Vec::new(),
                    excluded: Vec::new(),
                    sum: 0.0,
                    approximate: false,
                });
            }
            let Some(total) = out.last_mut() else {
                continue;
            };
            if role.is_added() {
                total.included.push((node, i));
                total.sum += figure.value;
                total.approximate |= is_hedged(figure);
            } else {
                total.excluded.push(((node, i), role));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn money(what: &str, qualifier: Option<&str>) -> Figure {
        Figure {
            text: String::new(),
            value: 1.0,
            unit: "元".into(),
            what: what.into(),
            qualifier: qualifier.map(str::to_string),
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
    fn a_total_is_approximate_only_with_a_hedged_figure_in_it() {
        let t = SectionTotal {
            section: 0,
            included: vec![(0, 0)],
            excluded: Vec::new(),
            sum: 365_520_000.0,
            approximate: true,
        };
        assert_eq!(t.text("约").as_deref(), Some("约3.66亿元"));
        let exact = SectionTotal {
            approximate: false,
            sum: 73_814_100.0,
            ..t.clone()
        };
        assert_eq!(exact.text("约").as_deref(), Some("7381.41万元"));
        let empty = SectionTotal {
            included: Vec::new(),
            ..t
        };
        assert_eq!(empty.text("约"), None);
    }
}
