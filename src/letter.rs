//! The schema of a reply letter: the serde types that the YAML in `content/` is read into.
//!
//! A [`Letter`] is immutable once loaded. Every text field holds the letter's own wording,
//! already sanitised by the loader (see [`crate::text::sanitize`]); editorial matter
//! (errata, notes) is kept apart from it so that the reader can show both and never mix them.

pub mod check;
pub mod fields;
pub mod load;
pub mod places;
pub mod quotes;
pub mod tree;

use serde::{Deserialize, Serialize};

/// One reply letter (答复函), in reading order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Letter {
    /// Public-disclosure class printed at the top, e.g. `A类`.
    pub classification: String,
    /// The body that issues the letter, e.g. `中山市科学技术局`.
    pub issuer: String,
    /// The document number, e.g. `中山科函〔2021〕142号`.
    pub doc_number: String,
    /// The letter's title line.
    pub title: String,
    /// The proposal this letter answers.
    pub proposal: Proposal,
    /// Who the letter is addressed to, without the trailing colon.
    pub addressee: String,
    /// Paragraphs before the first suggestion.
    pub opening: Vec<String>,
    /// Figures stated in the opening paragraphs.
    #[serde(default)]
    pub opening_figures: Vec<Figure>,
    /// The proposal's suggestions and the bureau's answer to each.
    pub suggestions: Vec<Suggestion>,
    /// Paragraphs after the last suggestion, before the signature.
    #[serde(default)]
    pub closing: Vec<String>,
    /// Who signed, and when.
    pub signature: Signature,
    /// The contact line, verbatim, e.g. `(联系人及电话：…)`.
    #[serde(default)]
    pub contact: Option<String>,
    /// The disclosure line, verbatim, e.g. `公开方式：主动公开`.
    #[serde(default)]
    pub disclosure: Option<String>,
    /// The copy line, verbatim, e.g. `抄送：…。`.
    #[serde(default)]
    pub cc: Option<String>,
    /// Corrections of artifacts of the text's extraction (not of the letter's wording).
    #[serde(default)]
    pub errata: Vec<Erratum>,
    /// Editorial notes on wording that is kept verbatim though it looks odd.
    #[serde(default)]
    pub notes: Vec<EditorialNote>,
}

/// The proposal a letter answers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Proposal {
    /// The proposal's number, e.g. 125053.
    pub number: u64,
    /// The session it was raised at, e.g. `中山市政协十二届五次会议`.
    pub session: String,
    /// The proposal's title, without book-title marks.
    pub title: String,
}

/// One suggestion of the proposal (一、关于…的建议) and the answer to it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Suggestion {
    /// The suggestion's title without its ordinal, e.g. `关于…的建议`.
    pub title: String,
    /// The bureau's verdict, e.g. `吸取采纳该建议。`.
    pub response: String,
    /// Paragraphs that stand before the measures, if any.
    #[serde(default)]
    pub paragraphs: Vec<String>,
    /// Figures stated in `paragraphs`.
    #[serde(default)]
    pub figures: Vec<Figure>,
    /// The measures taken, （一）（二）….
    #[serde(default)]
    pub measures: Vec<Measure>,
}

/// One measure (（一）…) of a suggestion's answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Measure {
    /// The measure's heading, without ordinal or final full stop, e.g. `加强顶层设计和资金扶持`.
    pub title: String,
    /// The measure's text that comes before its points (or all of it when it has none).
    #[serde(default)]
    pub paragraphs: Vec<String>,
    /// Figures stated in `paragraphs`.
    #[serde(default)]
    pub figures: Vec<Figure>,
    /// Enumerated points 一是、二是…, in order.
    #[serde(default)]
    pub points: Vec<Point>,
}

/// One enumerated point (一是、二是…) of a measure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Point {
    /// The point's text, verbatim, without its enumerator.
    pub text: String,
    /// Figures stated in `text`.
    #[serde(default)]
    pub figures: Vec<Figure>,
}

/// An amount, count or percentage that the letter states in Arabic numerals.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Figure {
    /// The figure as written in its node's text, e.g. `近1.8亿元`.
    pub text: String,
    /// The value: money in 元, counts as counted, percentages as the number before `%`.
    pub value: f64,
    /// The unit: `元`, `家`, `项`, `个`, `名`, `件`, `条`, `支` or `%`.
    pub unit: String,
    /// A short label of what is counted, e.g. `科技成果转化项目安排资金`.
    pub what: String,
    /// The letter's hedge, if any, in the letter's own word: `近`, `超`, `超过`, `约`, `最高`,
    /// `累计`, `共` (「超87亿元」 says 超, and so does its qualifier).
    #[serde(default)]
    pub qualifier: Option<String>,
    /// When, in the letter's words: a year (`2020`), years (`2019-2020`), `近5年`,
    /// `2017年以来`, a date (`截止2020年底`), `目前`, or `累计` for a running total. A number
    /// is accepted for a year. See [`crate::numbers::period::Period`].
    #[serde(
        default,
        deserialize_with = "period_text",
        skip_serializing_if = "Option::is_none"
    )]
    pub period: Option<String>,
    /// Whether the letter reports the figure as done (the default) or as planned
    /// (「将筹备组建」「计划…设立」).
    #[serde(default, skip_serializing_if = "Status::is_done")]
    pub status: Status,
    /// The text of another figure of the same suggestion that may already contain this one
    /// (the 2020 amount inside a five-year amount; a fund's first tranche inside its size):
    /// a total never adds the two together.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part_of: Option<String>,
}

/// Whether a figure reports what was done or what is planned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Done, or true at the time of the letter.
    #[default]
    Done,
    /// Planned: the letter says 将, 计划, 拟….
    Planned,
}

impl Status {
    /// Whether this is [`Status::Done`] (the default, left out when written).
    #[must_use]
    pub fn is_done(&self) -> bool {
        *self == Self::Done
    }
}

/// Reads a period written as text (`近5年`, `2019-2020`) or as a bare year (`2020`), which
/// YAML reads as a number.
fn period_text<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    struct Visitor;
    impl serde::de::Visitor<'_> for Visitor {
        type Value = Option<String>;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a period such as 2020, 2019-2020, 近5年 or 累计")
        }
        fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Self::Value, E> {
            Ok(Some(v.to_string()))
        }
        fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Self::Value, E> {
            Ok(Some(v.to_string()))
        }
        fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Self::Value, E> {
            Ok(Some(v.to_string()))
        }
        fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
    }
    d.deserialize_any(Visitor)
}

/// The signature block.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Signature {
    /// The signing body.
    pub issuer: String,
    /// The date, ISO 8601 (`2021-07-28`).
    pub date: String,
}

/// A correction of an artifact of the text's extraction.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Erratum {
    /// The text as the extraction gave it.
    pub original: String,
    /// The text as encoded here.
    pub corrected: String,
    /// Why, in plain words.
    pub note: String,
    /// Only suspected, not applied: the text still holds `original`, and `corrected` is what
    /// it would become. A person decides: drop the flag and apply it, or drop the entry.
    /// `dafu import` marks so a character repeated across a page break, which may be the
    /// extraction's or the letter's own.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub suspected: bool,
}

impl Erratum {
    /// What of the erratum stands in the letter's text: the correction, or the original
    /// while the correction is only suspected.
    #[must_use]
    pub fn in_text(&self) -> &str {
        if self.suspected {
            &self.original
        } else {
            &self.corrected
        }
    }
}

/// A note on wording that is the letter's own and is kept verbatim though it looks odd.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EditorialNote {
    /// The wording as it stands in the letter; it occurs verbatim in the letter's text.
    pub text: String,
    /// What is odd about it, and what was probably meant.
    pub note: String,
}

/// The units a figure may have.
pub const FIGURE_UNITS: [&str; 9] = ["元", "家", "项", "个", "名", "件", "条", "支", "%"];

/// The hedges a figure's qualifier may be: the letter's own words, 超 apart from 超过.
pub const FIGURE_QUALIFIERS: [&str; 7] = ["近", "超", "超过", "约", "最高", "累计", "共"];
