//! The schema of a reply letter: the serde types that the YAML in `content/` is read into.
//!
//! A [`Letter`] is immutable once loaded. Every text field holds the letter's own wording,
//! already sanitised by the loader (see [`crate::text::sanitize()`]); editorial matter
//! (errata, notes) is kept apart from it so that the reader can show both and never mix them.

pub mod check;
pub mod fields;
pub mod load;
pub mod money_kind;
pub mod places;
pub mod quotes;
pub mod tree;

use serde::{Deserialize, Serialize};

pub use crate::numbers::units::Kind;
use crate::numbers::units::Unit;
pub use money_kind::MoneyKind;

/// One reply letter (答复函), in reading order.
///
/// Nothing of the header or the signature is required: letters as published often have no
/// document number, title, signing body or date. What a letter has is shown; what it lacks is
/// listed by [`Letter::missing`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, expecting = "a letter (a mapping)")]
pub struct Letter {
    /// The reply class as printed at the top, e.g. `A类`, `类别：B`, `办理类型：A`: how the
    /// proposal was dealt with (A: solved or adopted), not how the letter is published.
    #[serde(default)]
    pub classification: Option<String>,
    /// The letterhead: the body that issues the letter, on a line of its own above the
    /// document number, e.g. `中山市科学技术局`.
    #[serde(default)]
    pub issuer: Option<String>,
    /// The document number, e.g. `中山科函〔2021〕142号`.
    #[serde(default)]
    pub doc_number: Option<String>,
    /// The official who authorised the letter (签发人), e.g. `高继强`.
    #[serde(default)]
    pub issued_by: Option<String>,
    /// The letter's title (over two lines in the letter, one here).
    #[serde(default)]
    pub title: Option<String>,
    /// The proposal this letter answers.
    #[serde(default)]
    pub proposal: Proposal,
    /// Who the letter is addressed to, without the trailing colon.
    #[serde(default)]
    pub addressee: Option<String>,
    /// Paragraphs before the first suggestion or section.
    #[serde(default)]
    pub opening: Vec<String>,
    /// Figures stated in the opening paragraphs.
    #[serde(default)]
    pub opening_figures: Vec<Figure>,
    /// The proposal's suggestions and the bureau's answer to each.
    #[serde(default)]
    pub suggestions: Vec<Suggestion>,
    /// Numbered sections (一、基本情况; 一、a numbered paragraph), for a reply not written
    /// suggestion by suggestion. A letter has suggestions or sections, not both.
    #[serde(default)]
    pub sections: Vec<Section>,
    /// Paragraphs after the last suggestion or section, before the signature.
    #[serde(default)]
    pub closing: Vec<String>,
    /// Figures stated in the closing paragraphs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub closing_figures: Vec<Figure>,
    /// Who signed, and when; either may be missing (`signature: {}`).
    pub signature: Signature,
    /// The contact lines, each verbatim, e.g. `(联系人及电话：…)`, wherever the letter puts
    /// them (before the signature or after the date). One line may be written as a string.
    #[serde(
        default,
        deserialize_with = "one_or_more",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub contact: Vec<String>,
    /// The contact person, as the contact lines name them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact_person: Option<String>,
    /// The contact telephone number, as the contact lines write it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact_phone: Option<String>,
    /// The contact unit (联系单位), as the contact lines name it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact_unit: Option<String>,
    /// The disclosure line, verbatim, e.g. `公开方式：主动公开`.
    #[serde(default)]
    pub disclosure: Option<String>,
    /// The copy lines (抄送, 抄报), each verbatim, e.g. `抄送：…。`. One line may be written
    /// as a string.
    #[serde(
        default,
        deserialize_with = "one_or_more",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub cc: Vec<String>,
    /// Any other line around the signature, verbatim, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub other_lines: Vec<String>,
    /// Corrections of artifacts of the text's extraction (not of the letter's wording).
    #[serde(default)]
    pub errata: Vec<Erratum>,
    /// Editorial notes on wording that is kept verbatim though it looks odd.
    #[serde(default)]
    pub notes: Vec<EditorialNote>,
    /// Whether the file is a draft `dafu import` wrote and no one has reviewed yet: it still
    /// begins with the lines the import heads it with ([`load::DRAFT_MARK`]), which the
    /// reviewer deletes. Not a field of the YAML: the loader sets it.
    #[serde(skip)]
    pub draft: bool,
}

impl Letter {
    /// The fields of the header and signature that the letter does not have, by their names
    /// in the schema, in reading order. A letter dated with a day the calendar does not have
    /// ([`Letter::impossible_date`]) has a date, though not one the schema can hold.
    #[must_use]
    pub fn missing(&self) -> Vec<&'static str> {
        let undated = self.signature.date.is_none() && self.impossible_date().is_none();
        let fields = [
            ("classification", self.classification.is_none()),
            ("issuer", self.issuer.is_none()),
            ("doc_number", self.doc_number.is_none()),
            ("title", self.title.is_none()),
            ("proposal.number", self.proposal.number.is_none()),
            ("proposal.session", self.proposal.session.is_none()),
            ("proposal.title", self.proposal.title.is_none()),
            ("addressee", self.addressee.is_none()),
            ("signature.issuer", self.signature.issuer.is_none()),
            ("signature.date", undated),
        ];
        fields
            .into_iter()
            .filter_map(|(name, missing)| missing.then_some(name))
            .collect()
    }

    /// The line around the signature written as a date of a day the calendar does not have
    /// (`2023年2月30日`), and what is wrong with it in the words `dafu check` refuses such a
    /// date with, when the letter has no date of its own: the letter is dated, impossibly.
    /// `dafu import` keeps such a line as written among the `other_lines`, the schema's date
    /// being one of the calendar; read from the letter, this holds for a draft read back or
    /// reviewed as for a text imported in memory.
    #[must_use]
    pub fn impossible_date(&self) -> Option<(&str, String)> {
        if self.signature.date.is_some() {
            return None;
        }
        self.other_lines.iter().find_map(|line| {
            let iso = crate::numbers::date::written_iso(line)?;
            Some((line.as_str(), load::calendar_problem(&iso)?))
        })
    }

    /// The header's lines as the letter prints them above its title, in order: the
    /// classification (`(A类)`, or a labelled line as written), issuer, document number, 签发人.
    #[must_use]
    pub fn header_lines(&self) -> Vec<String> {
        let mut out = Vec::new();
        if let Some(class) = &self.classification {
            // `A类` is printed in parentheses at the head of the letter; `类别：B` as it is.
            if class.contains(['：', ':']) {
                out.push(class.clone());
            } else {
                out.push(format!("({class})"));
            }
        }
        out.extend(self.issuer.iter().cloned());
        out.extend(self.doc_number.iter().cloned());
        if let Some(name) = &self.issued_by {
            out.push(format!("签发人：{name}"));
        }
        out
    }
}

/// A list of lines, or one line written as a string (as the hand-made letter writes its
/// contact and copy lines).
fn one_or_more<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum OneOrMore {
        One(String),
        More(Vec<String>),
        Nothing(()),
    }
    Ok(match OneOrMore::deserialize(d)? {
        OneOrMore::One(s) => vec![s],
        OneOrMore::More(v) => v,
        OneOrMore::Nothing(()) => Vec::new(),
    })
}

/// The proposal a letter answers; any part may be missing.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, expecting = "a proposal (a mapping)")]
pub struct Proposal {
    /// The proposal's number as the letter writes it, e.g. `125053`, `016`, `A20250015`
    /// (written bare or quoted, it is read as text).
    #[serde(default)]
    pub number: Option<String>,
    /// The session it was raised at, e.g. `中山市政协十二届五次会议`.
    #[serde(default)]
    pub session: Option<String>,
    /// The proposal's title, without book-title marks.
    #[serde(default)]
    pub title: Option<String>,
}

/// A numbered section (一、…) of a reply written section by section: a heading
/// (`一、基本情况`), or a numbered paragraph (`一、我县按照…。`) whose text runs after its
/// number.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, expecting = "a section (a mapping)")]
pub struct Section {
    /// The heading without its ordinal, e.g. `基本情况`; none for a numbered paragraph.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The section's paragraphs; a numbered paragraph's first is the one its number opens.
    #[serde(default)]
    pub paragraphs: Vec<String>,
    /// Figures stated in `paragraphs`.
    #[serde(default)]
    pub figures: Vec<Figure>,
    /// Enumerated points 一是、二是… after its paragraphs, in order (`三是基础设施…`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub points: Vec<Point>,
}

/// One suggestion of the proposal (一、关于…的建议) and the answer to it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, expecting = "a suggestion (a mapping)")]
pub struct Suggestion {
    /// The suggestion's title without its ordinal, e.g. `关于…的建议`.
    pub title: String,
    /// The bureau's verdict, e.g. `吸取采纳该建议。`; empty when the letter gives none.
    #[serde(default)]
    pub response: String,
    /// Paragraphs that stand before the measures, if any.
    #[serde(default)]
    pub paragraphs: Vec<String>,
    /// Figures stated in `response` and `paragraphs`.
    #[serde(default)]
    pub figures: Vec<Figure>,
    /// The measures taken, （一）（二）….
    #[serde(default)]
    pub measures: Vec<Measure>,
}

/// One measure (（一）…) of a suggestion's answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, expecting = "a measure (a mapping)")]
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

impl Measure {
    /// A measure's heading as the letter writes it after its ordinal: its title and the full
    /// stop the title is kept without (`加强顶层设计和资金扶持。`). The reader shows it so,
    /// and import quotes it so.
    #[must_use]
    pub fn heading(title: &str) -> String {
        format!("{title}。")
    }
}

/// One enumerated point (一是、二是…) of a measure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, expecting = "a point (a mapping)")]
pub struct Point {
    /// The point's text, verbatim, without its enumerator.
    pub text: String,
    /// Figures stated in `text`.
    #[serde(default)]
    pub figures: Vec<Figure>,
}

/// An amount, count or percentage that the letter states in Arabic numerals.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, expecting = "a figure (a mapping)")]
pub struct Figure {
    /// The figure as written in its node's text, e.g. `近1.8亿元`.
    pub text: String,
    /// The value: money in 元, counts as counted, percentages as the number before `%`.
    pub value: f64,
    /// The unit, the measure word as written: `元`, `家`, `个`, `辆`, `km`, `方`, `%`… (one
    /// of [`crate::numbers::units::Unit`]).
    pub unit: String,
    /// What kind of quantity it is (`money`, `count`, `measure`, `percent`); when left out,
    /// the unit's kind. See [`Figure::kind`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<Kind>,
    /// A short label of what is counted, e.g. `科技成果转化项目安排资金`.
    pub what: String,
    /// The letter's hedge, if any, in the letter's own word, before the number (`近`, `超`,
    /// `超过`, `约`, `最高`, `累计`, `共`) or after it (`余`, `多`, `以上`, `以下`, `左右`,
    /// `以内`): 「超87亿元」 says 超, and so does its qualifier. One of
    /// [`crate::numbers::units::Hedge`].
    #[serde(default)]
    pub qualifier: Option<String>,
    /// When, in the letter's words: a year (`2020`), years (`2019-2020`), `近5年`,
    /// `2017年以来`, a date (`截止2020年底`), `目前`, or `累计` for a running total. A bare
    /// year (`2020`) is read as its text. See [`crate::numbers::period::Period`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
    /// Whether the letter reports the figure as done (the default) or as planned
    /// (「将筹备组建」「计划…设立」).
    #[serde(default, skip_serializing_if = "Status::is_done")]
    pub status: Status,
    /// The text of another figure of the same suggestion that the letter says contains this
    /// one (「遴选4项」 of 「8项」, 「其中有15家」 of 「20家」, a fund's first tranche of its size):
    /// a total never adds the two together. Only where the letter says so.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part_of: Option<String>,
    /// For money: what kind of money it is, in the letter's word (approved 立项, allocated
    /// 安排, paid 补助…). See [`MoneyKind`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub money_kind: Option<MoneyKind>,
}

impl Figure {
    /// The kind of quantity: as written in `kind`, else its unit's (a count when the unit is
    /// unknown, which validation refuses).
    #[must_use]
    pub fn kind(&self) -> Kind {
        self.kind
            .or_else(|| Unit::from_word(&self.unit).map(Unit::kind))
            .unwrap_or(Kind::Count)
    }
}

/// Whether a figure reports what was done or what is planned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", expecting = "one of done, planned, design")]
pub enum Status {
    /// Done, or true at the time of the letter.
    #[default]
    Done,
    /// Planned: the letter says 将, 计划, 拟….
    Planned,
    /// Part of how a scheme is designed, neither done nor planned: the 「1个平台体系」 of a
    /// 「1+1+9+N」 scheme.
    Design,
}

impl Status {
    /// Whether this is [`Status::Done`] (the default, left out when written).
    #[must_use]
    pub fn is_done(&self) -> bool {
        *self == Self::Done
    }
}

/// The signature block: the signing body (an organisation, never a sentence) and the date;
/// either may be missing.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, expecting = "a signature (a mapping)")]
pub struct Signature {
    /// The signing body.
    #[serde(default)]
    pub issuer: Option<String>,
    /// The date, ISO 8601 (`2021-07-28`).
    #[serde(default)]
    pub date: Option<String>,
}

/// A correction of an artifact of the text's extraction.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, expecting = "an erratum (a mapping)")]
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
#[serde(deny_unknown_fields, expecting = "an editorial note (a mapping)")]
pub struct EditorialNote {
    /// The wording as it stands in the letter; it occurs verbatim in the letter's text.
    pub text: String,
    /// What is odd about it, and what was probably meant.
    pub note: String,
}
