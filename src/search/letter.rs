//! The search index over a letter: its text blocks as documents, for the reader and for
//! `dafu search` alike.

use super::SearchIndex;
use crate::letter::tree::{BlockKind, LetterTree};

/// The letter's searchable blocks, by block number with their text, in reading order: every
/// text block but the editorial notes, which are not the letter's words.
pub fn letter_docs(tree: &LetterTree) -> impl Iterator<Item = (usize, &str)> {
    tree.blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| b.kind != BlockKind::Editorial)
        .map(|(i, b)| (i, b.text.as_str()))
}

/// The search index over [`letter_docs`], and for each indexed document the block it came
/// from.
#[must_use]
pub fn letter_index(tree: &LetterTree) -> (SearchIndex, Vec<usize>) {
    let block_of_doc: Vec<usize> = letter_docs(tree).map(|(i, _)| i).collect();
    let index = SearchIndex::new(letter_docs(tree).map(|(_, text)| text));
    (index, block_of_doc)
}
