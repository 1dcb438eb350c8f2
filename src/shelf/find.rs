//! A query over the whole shelf: each letter's text searched by the reader's own engine
//! ([`SearchIndex`]), by the reader's rules (Chinese, pinyin, initials, traditional and
//! full-width forms folded). The letters are spread over the cores by whoever reads them
//! ([`super::summaries_each`]).

use std::ops::Range;

use super::LetterText;
use crate::search::SearchIndex;

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
