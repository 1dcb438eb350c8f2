//! The search index over a letter: its text blocks as documents, for the reader and for
//! `dafu search` alike.

use super::SearchIndex;
use crate::letter::tree::{BlockKind, LetterTree};

/// The search index over the letter's text blocks (editorial notes excluded: they are not
/// the letter's words), and for each indexed document the block it came from.
#[must_use]
pub fn letter_index(tree: &LetterTree) -> (SearchIndex, Vec<usize>) {
    let block_of_doc: Vec<usize> = tree
        .blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| b.kind != BlockKind::Editorial)
        .map(|(i, _)| i)
        .collect();
    let index = SearchIndex::new(block_of_doc.iter().map(|&i| tree.blocks[i].text.as_str()));
    (index, block_of_doc)
}
