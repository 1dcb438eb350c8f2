//! A query over the whole shelf: each letter's text searched by the reader's own engine
//! ([`SearchIndex`]), by the reader's rules (Chinese, pinyin, initials, traditional and
//! full-width forms folded), the letters spread over the cores.

use std::ops::Range;

use super::LetterText;
use super::parallel;
use crate::search::SearchIndex;

/// Where a query matched in one letter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LetterHits {
    /// The letter, by its place in the shelf.
    pub letter: usize,
    /// Each match: the document of the letter's [`LetterText`] and the bytes matched there,
    /// in reading order.
    pub hits: Vec<(usize, Range<usize>)>,
}

/// The matches of `query` in one letter's text, in reading order.
#[must_use]
pub fn find_in(text: &LetterText, query: &str) -> Vec<(usize, Range<usize>)> {
    let index = SearchIndex::new(text.docs.iter().map(|(_, doc)| doc.as_str()));
    index
        .find_hits(query)
        .into_iter()
        .map(|hit| (hit.doc, hit.bytes))
        .collect()
}

/// The letters among `texts` (`None` for a letter that has no text: refused) where `query`
/// matches, in the shelf's order, with their matches.
#[must_use]
pub fn find(texts: &[Option<&LetterText>], query: &str) -> Vec<LetterHits> {
    let found = parallel::map_in_order(texts, |text| {
        text.map(|text| find_in(text, query)).unwrap_or_default()
    });
    found
        .into_iter()
        .enumerate()
        .filter(|(_, hits)| !hits.is_empty())
        .map(|(letter, hits)| LetterHits { letter, hits })
        .collect()
}
