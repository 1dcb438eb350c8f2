//! The one vocabulary of figures: the units a letter counts and measures in, each with the
//! kind of quantity it makes, and the hedges a letter puts around a number. `dafu check`, the
//! importer and the figures view all read and name them from here.

use serde::{Deserialize, Serialize};

/// What kind of quantity a figure is: the figures view groups and filters by it, and only
/// money is ever added up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, clap::ValueEnum)]
#[serde(
    rename_all = "snake_case",
    expecting = "one of money, count, measure, percent"
)]
pub enum Kind {
    /// Amounts in 元.
    Money,
    /// Counts of firms, projects, vehicles, people….
    Count,
    /// Lengths, areas, volumes, weights: km, 公里, 平方米, 亩, 方, 吨….
    Measure,
    /// Percentages.
    Percent,
}

impl Kind {
    /// Where the kind stands when figures are grouped: money, counts, measures, percentages.
    #[must_use]
    pub fn rank(self) -> u8 {
        match self {
            Self::Money => 0,
            Self::Count => 1,
            Self::Measure => 2,
            Self::Percent => 3,
        }
    }

    /// The kind's name in the schema: `money`, `count`, `measure`, `percent`.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Money => "money",
            Self::Count => "count",
            Self::Measure => "measure",
            Self::Percent => "percent",
        }
    }
}

/// The units a figure may have, as the letter writes them, and the kind each makes. Longer
/// words come before the words they begin with (`平方米` before `平方`…), so that the
/// longest is read.
const UNITS: [(&str, Kind); 45] = [
    ("元", Kind::Money),
    ("%", Kind::Percent),
    // A change in a rate: 「增长5个百分点」 is no count of 个.
    ("个百分点", Kind::Percent),
    ("家", Kind::Count),
    ("项", Kind::Count),
    ("个", Kind::Count),
    ("名", Kind::Count),
    ("件", Kind::Count),
    ("条", Kind::Count),
    ("支", Kind::Count),
    ("辆", Kind::Count),
    ("处", Kind::Count),
    ("所", Kind::Count),
    ("台", Kind::Count),
    ("套", Kind::Count),
    ("座", Kind::Count),
    ("人次", Kind::Count),
    ("次", Kind::Count),
    ("人", Kind::Count),
    ("户", Kind::Count),
    ("张", Kind::Count),
    ("根", Kind::Count),
    ("株", Kind::Count),
    ("棵", Kind::Count),
    ("盏", Kind::Count),
    ("间", Kind::Count),
    ("栋", Kind::Count),
    ("册", Kind::Count),
    ("篇", Kind::Count),
    ("场", Kind::Count),
    ("批", Kind::Count),
    ("起", Kind::Count),
    ("km", Kind::Measure),
    ("平方公里", Kind::Measure),
    ("公里", Kind::Measure),
    ("平方米", Kind::Measure),
    ("立方米", Kind::Measure),
    ("米", Kind::Measure),
    ("公顷", Kind::Measure),
    ("亩", Kind::Measure),
    ("方", Kind::Measure),
    ("吨", Kind::Measure),
    ("公斤", Kind::Measure),
    ("m²", Kind::Measure),
    ("m³", Kind::Measure),
];

/// Units that begin other words, and the characters that, after the unit, make them: 五次会议
/// (a session), 人大 (a congress), 方面 (an aspect), 处理, 所有, 台湾, 根据, 3月起步, 批准….
const WORDS_BEGUN: [(&str, &str); 16] = [
    ("次", "会"),
    ("间", "接隔断歇"),
    ("场", "所地景合馆"),
    ("批", "准示复"),
    ("起", "来步草点码始到"),
    ("人", "大民次"),
    ("方", "面案式法向针"),
    ("处", "理置长室"),
    ("所", "有以在属"),
    ("台", "湾阶"),
    ("套", "餐"),
    ("座", "谈"),
    ("张", "贴"),
    ("根", "据本"),
    ("户", "口籍"),
    ("米", "粮"),
];

/// A unit of the vocabulary: the measure word as the letter writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Unit(usize);

impl Unit {
    /// Every unit, in the vocabulary's order (money, percent, counts, measures).
    pub fn all() -> impl Iterator<Item = Self> {
        (0..UNITS.len()).map(Self)
    }

    /// The unit written `word` (`％` is `%`, `KM` is `km`).
    #[must_use]
    pub fn from_word(word: &str) -> Option<Self> {
        let word = match word {
            "％" => "%",
            "KM" | "Km" | "ｋｍ" => "km",
            w => w,
        };
        UNITS.iter().position(|(w, _)| *w == word).map(Self)
    }

    /// The unit that starts `text`, and how many bytes it takes: the longest that fits.
    /// A Latin unit must not run on into a longer word (`km` of `kmh` is none).
    #[must_use]
    pub fn at_start(text: &str) -> Option<(Self, usize)> {
        if let Some(rest) = text.strip_prefix('％') {
            let _ = rest;
            return Some((Self::from_word("%")?, '％'.len_utf8()));
        }
        let found = UNITS
            .iter()
            .enumerate()
            .filter(|(_, (w, _))| text.starts_with(w))
            .max_by_key(|(_, (w, _))| w.len())?;
        let (i, (word, _)) = found;
        let rest = text.get(word.len()..).unwrap_or("");
        let next = rest.chars().next();
        let latin = word.starts_with(|c: char| c.is_ascii_alphabetic());
        let runs_on = latin && next.is_some_and(|c| c.is_ascii_alphanumeric());
        // A stray space from extraction may stand inside the other word (`五次 会议`).
        let next_word = rest.trim_start_matches([' ', '\u{3000}']).chars().next();
        let other_word = WORDS_BEGUN
            .iter()
            .any(|(w, after)| w == word && next_word.is_some_and(|c| after.contains(c)));
        (!(runs_on || other_word)).then_some((Self(i), word.len()))
    }

    /// The word, as the letter writes it: `元`, `家`, `km`, `%`.
    #[must_use]
    pub fn word(self) -> &'static str {
        UNITS[self.0].0
    }

    /// The kind of quantity it makes.
    #[must_use]
    pub fn kind(self) -> Kind {
        UNITS[self.0].1
    }

    /// Whether it counts whole things (a count's value has no fraction).
    #[must_use]
    pub fn counts(self) -> bool {
        self.kind() == Kind::Count
    }

    /// Every unit's word, for messages: `元 % 家 …`.
    #[must_use]
    pub fn words() -> String {
        UNITS.iter().map(|(w, _)| *w).collect::<Vec<_>>().join(" ")
    }
}

/// Where a hedge stands: before the number (`近1.8亿元`), between the number and the unit
/// (`400余万元`, `30多家`), or after the unit (`95%以上`, `3000万元左右`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// Before the number.
    Before,
    /// Right after the number (and before its multiplier and unit).
    Inside,
    /// After the unit.
    After,
}

/// The hedges a figure may have, in the letter's words, with where each stands; those that
/// begin with another come first (`超过` before `超`).
const HEDGES: [(&str, Place, Bound); 13] = [
    ("超过", Place::Before, Bound::AtLeast),
    ("最高", Place::Before, Bound::AtMost),
    ("累计", Place::Before, Bound::Exact),
    ("近", Place::Before, Bound::AtMost),
    ("超", Place::Before, Bound::AtLeast),
    ("约", Place::Before, Bound::About),
    ("共", Place::Before, Bound::Exact),
    ("余", Place::Inside, Bound::AtLeast),
    ("多", Place::Inside, Bound::AtLeast),
    ("以上", Place::After, Bound::AtLeast),
    ("以下", Place::After, Bound::AtMost),
    ("左右", Place::After, Bound::About),
    ("以内", Place::After, Bound::AtMost),
];

/// What a hedge says of the true value against the number written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bound {
    /// The number is the value (`累计`, `共`: they only say it is a total).
    Exact,
    /// The value is at least the number, or more (`超过`, `余`, `以上`).
    AtLeast,
    /// The value is at most the number, or less (`近`, `最高`, `以下`).
    AtMost,
    /// The value is near the number (`约`, `左右`).
    About,
}

/// A hedge of the vocabulary, as the letter writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Hedge(usize);

impl Hedge {
    /// The hedge written `word`.
    #[must_use]
    pub fn from_word(word: &str) -> Option<Self> {
        HEDGES.iter().position(|(w, ..)| *w == word).map(Self)
    }

    /// The hedge of place `place` that starts `text`, if any.
    #[must_use]
    pub fn at_start(text: &str, place: Place) -> Option<Self> {
        HEDGES
            .iter()
            .position(|(w, p, _)| *p == place && text.starts_with(w))
            .map(Self)
    }

    /// The hedge of place `place` that ends `text`, if any.
    #[must_use]
    pub fn at_end(text: &str, place: Place) -> Option<Self> {
        HEDGES
            .iter()
            .position(|(w, p, _)| *p == place && text.ends_with(w))
            .map(Self)
    }

    /// The word: `近`, `超过`, `余`, `以上`.
    #[must_use]
    pub fn word(self) -> &'static str {
        HEDGES[self.0].0
    }

    /// Where it stands.
    #[must_use]
    pub fn place(self) -> Place {
        HEDGES[self.0].1
    }

    /// What it says of the value.
    #[must_use]
    pub fn bound(self) -> Bound {
        HEDGES[self.0].2
    }

    /// Whether the value is not exactly the number written (everything but 累计 and 共).
    #[must_use]
    pub fn is_approximate(self) -> bool {
        self.bound() != Bound::Exact
    }

    /// Every hedge's word, for messages.
    #[must_use]
    pub fn words() -> String {
        HEDGES
            .iter()
            .map(|(w, ..)| *w)
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The hedges of place `place`, longest first where one begins another.
    pub fn of_place(place: Place) -> impl Iterator<Item = Self> {
        (0..HEDGES.len())
            .map(Self)
            .filter(move |h| h.place() == place)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_longest_unit_is_read() {
        let word = |t: &str| Unit::at_start(t).map(|(u, len)| (u.word(), len));
        assert_eq!(word("平方米的"), Some(("平方米", "平方米".len())));
        assert_eq!(word("方；"), Some(("方", "方".len())));
        assert_eq!(word("km；"), Some(("km", 2)));
        assert_eq!(word("kmh"), None);
        assert_eq!(word("次会议"), None);
        assert_eq!(word("方面"), None);
        assert_eq!(word("次，"), Some(("次", "次".len())));
        assert_eq!(word("％以上"), Some(("%", '％'.len_utf8())));
        assert_eq!(Unit::from_word("辆").map(Unit::kind), Some(Kind::Count));
        assert_eq!(Unit::from_word("元").map(Unit::kind), Some(Kind::Money));
        assert_eq!(Unit::from_word("公里").map(Unit::kind), Some(Kind::Measure));
        assert_eq!(Unit::from_word("瓶"), None);
    }

    #[test]
    fn hedges_know_their_place() {
        assert_eq!(
            Hedge::at_start("超过100家", Place::Before).map(Hedge::word),
            Some("超过")
        );
        assert_eq!(
            Hedge::at_start("余万元", Place::Inside).map(Hedge::word),
            Some("余")
        );
        assert_eq!(
            Hedge::at_start("以上的", Place::After).map(Hedge::word),
            Some("以上")
        );
        assert_eq!(Hedge::at_start("以上", Place::Before), None);
        assert!(Hedge::from_word("共").is_some_and(|h| !h.is_approximate()));
        assert!(Hedge::from_word("左右").is_some_and(Hedge::is_approximate));
    }
}
