//! The row a letter takes on the shelf: what identifies it (date, issuer, document number,
//! classification, title, the proposal it answers) and what it holds (suggestions, figures).
//!
//! The letter's header is read through the small accessors below and nowhere else: a field a
//! letter does not give is `None`, never an empty string shown as if it were one.

use serde::{Deserialize, Serialize};

use crate::letter::Letter;
use crate::letter::tree::LetterTree;

/// What the shelf shows of one letter.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Head {
    /// The date it was signed, `YYYY-MM-DD`.
    pub date: Option<String>,
    /// The body that issued it.
    pub issuer: Option<String>,
    /// Its document number (`中山科函〔2021〕142号`).
    pub doc_number: Option<String>,
    /// Its reply class (`A类`): how the proposal was dealt with (A: solved or adopted), not how
    /// the letter is published, which is its `disclosure`.
    pub classification: Option<String>,
    /// Its title line.
    pub title: Option<String>,
    /// The number of the proposal it answers, as the letter writes it (`016`, `A20250015`).
    pub proposal: Option<String>,
    /// The title of the proposal it answers (`关于加强西林地区公交设施建设的建议`): what the
    /// letter is about, where its own title names only the proposal's number.
    #[serde(default)]
    pub subject: Option<String>,
    /// How many suggestions it answers.
    pub suggestions: usize,
    /// How many sections it is written in, when it answers in sections rather than
    /// suggestion by suggestion (0 otherwise).
    pub sections: usize,
    /// How many figures it states.
    pub figures: usize,
    /// Imported from a transcript just now, and not reviewed by anyone.
    pub unreviewed: bool,
}

impl Head {
    /// The row of a read letter.
    #[must_use]
    pub fn of(tree: &LetterTree) -> Self {
        let letter = &tree.letter;
        Self {
            date: date(letter).map(str::to_string),
            issuer: issuer(letter).map(str::to_string),
            doc_number: doc_number(letter).map(str::to_string),
            classification: classification(letter).map(str::to_string),
            title: title(letter).map(str::to_string),
            proposal: proposal(letter).map(str::to_string),
            subject: subject(letter).map(str::to_string),
            suggestions: letter.suggestions.len(),
            sections: letter.sections.len(),
            figures: tree.figures().count(),
            unreviewed: tree.unreviewed_import(),
        }
    }
}

/// A letter's suggestions as a list shows them (the shelf's and `dafu list`'s table): their
/// number, or `—` for a letter that answers none one by one (written in sections, or in
/// paragraphs alone), where 0 would read as a reply that answered nothing. The JSON and the
/// CSV keep the number, and give the sections beside it.
#[must_use]
pub fn suggestions_shown(suggestions: usize) -> String {
    match suggestions {
        0 => crate::text::columns::NOTHING.to_string(),
        n => n.to_string(),
    }
}

/// A header field as given, or `None` when the letter does not give it or leaves it empty.
fn given(field: &Option<String>) -> Option<&str> {
    field.as_deref().map(str::trim).filter(|f| !f.is_empty())
}

/// The date the letter was signed.
#[must_use]
pub fn date(letter: &Letter) -> Option<&str> {
    given(&letter.signature.date)
}

/// The issuing body: the letterhead's, or else the signature's, or else the one the title
/// names at its head (`某局关于…`).
#[must_use]
pub fn issuer(letter: &Letter) -> Option<&str> {
    given(&letter.issuer)
        .or_else(|| given(&letter.signature.issuer))
        .or_else(|| title(letter).and_then(crate::import::issuer_before))
}

/// The document number.
#[must_use]
pub fn doc_number(letter: &Letter) -> Option<&str> {
    given(&letter.doc_number)
}

/// The reply class, without the label a letter writes it with: `B` of
/// `类别：B` and of `类 别： B`, `A` of `办理类型：A` and of `A类`. The letter keeps the line as
/// written; a list shows, and sorts by, the class.
#[must_use]
pub fn classification(letter: &Letter) -> Option<&str> {
    let written = given(&letter.classification)?;
    let value = written
        .rsplit_once(['：', ':'])
        .map_or(written, |(_, value)| value)
        .trim();
    let value = value
        .strip_suffix('类')
        .filter(|class| !class.trim().is_empty())
        .map_or(value, str::trim);
    Some(value).filter(|v| !v.is_empty()).or(Some(written))
}

/// The title line.
#[must_use]
pub fn title(letter: &Letter) -> Option<&str> {
    given(&letter.title)
}

/// The title of the proposal the letter answers.
#[must_use]
pub fn subject(letter: &Letter) -> Option<&str> {
    given(&letter.proposal.title)
}

/// What a list of letters shows to tell them apart: the proposal's title, or else the
/// letter's own. A county's replies are titled alike (`关于对县政协十二届一次会议第24号提案的
/// 复函`), differing in a number the proposal column already shows; what each answers is
/// the proposal's title.
#[must_use]
pub fn subject_or_title(head: &Head) -> Option<&str> {
    head.subject.as_deref().or(head.title.as_deref())
}

/// The number of the proposal the letter answers, as the letter writes it.
#[must_use]
pub fn proposal(letter: &Letter) -> Option<&str> {
    given(&letter.proposal.number)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_class_is_read_without_its_label() {
        let class = |written: &str| {
            let letter = crate::letter::Letter {
                classification: Some(written.to_string()),
                ..crate::letter::load::embedded()
            };
            classification(&letter).map(str::to_string)
        };
        for (written, shown) in [
            ("类别：B", "B"),
            ("类 别： B", "B"),
            ("办理类型：A", "A"),
            ("A类", "A"),
            ("B", "B"),
            ("类别：", "类别："),
        ] {
            assert_eq!(class(written).as_deref(), Some(shown), "{written}");
        }
    }
}
