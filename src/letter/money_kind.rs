//! What kind of money a figure is, in the letter's own word: money approved for projects
//! (立项), allocated (安排), paid out (补助), the size of a fund (规模)…. A reply letter states
//! these side by side, and they do not add up: 1300万元 approved and 352万元 allocated are not
//! 1652万元 spent. The YAML says the kind of each sum (`money_kind`), or its `what` words it
//! ([`kind_of`]); `dafu check` refuses a kind whose word the figure's own clause does not use
//! ([`crate::numbers::clause`]).

use serde::{Deserialize, Serialize};

use super::{Figure, Kind};

/// The kind of a sum of money, as the letter words it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(
    rename_all = "snake_case",
    expecting = "one of approved, allocated, paid, fund, running_total, cap, per_award, outcome"
)]
pub enum MoneyKind {
    /// Approved when projects were approved: 立项金额.
    Approved,
    /// Allocated or arranged for a purpose: 安排资金.
    Allocated,
    /// Paid out or granted: 补助, 扶持, 贴息, 拨付, 奖励, 支出.
    Paid,
    /// The size of a fund: 总规模, 首期.
    Fund,
    /// A running total over the years, such as loans approved: 累计审批贷款.
    RunningTotal,
    /// A ceiling that one award or loan may reach: 最高.
    Cap,
    /// An amount per award, how many were paid not stated: 补助额度.
    PerAward,
    /// A result credited to the work, not money given: 经济效益.
    Outcome,
}

impl MoneyKind {
    /// Every kind, in the order their labels are listed in [`crate::strings::Strings`].
    pub const ALL: [Self; 8] = [
        Self::Approved,
        Self::Allocated,
        Self::Paid,
        Self::Fund,
        Self::RunningTotal,
        Self::Cap,
        Self::PerAward,
        Self::Outcome,
    ];

    /// Position in [`Self::ALL`], for looking up labels.
    #[must_use]
    pub fn index(self) -> usize {
        Self::ALL.iter().position(|k| *k == self).unwrap_or(0)
    }

    /// The kind as the YAML writes it: `approved`, `running_total`….
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Approved => "approved",
            Self::Allocated => "allocated",
            Self::Paid => "paid",
            Self::Fund => "fund",
            Self::RunningTotal => "running_total",
            Self::Cap => "cap",
            Self::PerAward => "per_award",
            Self::Outcome => "outcome",
        }
    }

    /// The words by which a letter names money of this kind: a figure's clause must use one of
    /// them for the figure to be of the kind, and a `what` that uses one reads as the kind
    /// when the YAML does not say it.
    #[must_use]
    pub fn words(self) -> &'static [&'static str] {
        match self {
            Self::Approved => &["立项"],
            Self::Allocated => &["安排"],
            Self::Paid => &["补助", "扶持", "贴息", "拨付", "奖励", "支出"],
            // 「总规模50亿元，首期10亿元」: the first tranche's clause says only 首期.
            Self::Fund => &["规模", "基金", "首期"],
            Self::RunningTotal => &["累计"],
            Self::Cap => &["最高"],
            Self::PerAward => &["额度"],
            Self::Outcome => &["效益", "产值", "营业收入", "销售额"],
        }
    }

    /// Whether `words` say one of this kind's [`MoneyKind::words`].
    #[must_use]
    pub fn said_in(self, words: &str) -> bool {
        self.words().iter().any(|w| words.contains(w))
    }

    /// Whether sums of this kind are flows that may be added up (approved to approved, paid
    /// to paid): a fund's size, a running total, a cap, an amount per award or an outcome
    /// is never added to anything.
    #[must_use]
    pub fn adds_up(self) -> bool {
        matches!(self, Self::Approved | Self::Allocated | Self::Paid)
    }
}

/// The kinds the rule reads from the words of `what` ([`MoneyKind::words`]), first match
/// wins (see [`kind_of`]).
const RULE: [MoneyKind; 5] = [
    MoneyKind::Fund,
    MoneyKind::Outcome,
    MoneyKind::Approved,
    MoneyKind::Allocated,
    MoneyKind::Paid,
];

/// The kind of a sum of money: the YAML's `money_kind`, or else the rule's reading; `None`
/// for counts and percentages, and for money the rule cannot place (left out of totals
/// rather than guessed into them).
///
/// The rule, first match wins (the order matters: `最高补助` is a cap although it says 补助,
/// and `补助额度` is per award):
/// 1. qualifier `最高` → cap;
/// 2. `what` says 额度 → per award;
/// 3. qualifier `累计`, or `what` says 累计 → running total;
/// 4. `what` says 规模, 基金 or 首期 → fund; 效益, 产值, 营业收入 or 销售额 → outcome; 立项 →
///    approved; 安排 → allocated; 补助, 扶持, 贴息, 拨付, 奖励 or 支出 → paid.
#[must_use]
pub fn kind_of(figure: &Figure) -> Option<MoneyKind> {
    if figure.kind() != Kind::Money {
        return None;
    }
    if figure.money_kind.is_some() {
        return figure.money_kind;
    }
    let what = figure.what.as_str();
    let qualifier = figure.qualifier.as_deref();
    if qualifier.is_some_and(|q| MoneyKind::Cap.said_in(q)) {
        return Some(MoneyKind::Cap);
    }
    if MoneyKind::PerAward.said_in(what) {
        return Some(MoneyKind::PerAward);
    }
    if qualifier.is_some_and(|q| MoneyKind::RunningTotal.said_in(q))
        || MoneyKind::RunningTotal.said_in(what)
    {
        return Some(MoneyKind::RunningTotal);
    }
    RULE.into_iter().find(|kind| kind.said_in(what))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_the_yamls() {
        for kind in MoneyKind::ALL {
            let yaml = serde_yaml::to_string(&kind).unwrap_or_default();
            assert_eq!(yaml.trim(), kind.name());
            assert_eq!(MoneyKind::ALL[kind.index()], kind);
        }
    }
}
