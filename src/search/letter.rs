//! The search index over a letter: its text blocks as documents, for the reader and for
//! `dafu search` alike; and, for the reader, its outline labels.

use super::SearchIndex;
use crate::letter::tree::{Block, BlockKind, LetterTree};
use crate::strings::Lang;

/// The letter's searchable blocks, by block number with their text, in reading order: every
/// text block but the editorial notes, which are not the letter's words.
pub fn letter_docs(tree: &LetterTree) -> impl Iterator<Item = (usize, &str)> {
    tree.blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| searched(b))
        .map(|(i, b)| (i, b.text.as_str()))
}

/// Whether a search reads `block`: the editorial notes are not the letter's words.
#[must_use]
pub fn searched(block: &Block) -> bool {
    block.kind != BlockKind::Editorial
}

/// dafu's own notes and errata under the letter's text, which a search does not read: looked
/// in only to say that a query matching nothing else is found there.
pub fn note_docs(tree: &LetterTree) -> impl Iterator<Item = &str> {
    (tree.blocks.iter())
        .filter(|block| !searched(block))
        .map(|block| block.text.as_str())
}

/// The search index over [`letter_docs`], and for each indexed document the block it came
/// from.
#[must_use]
pub fn letter_index(tree: &LetterTree) -> (SearchIndex, Vec<usize>) {
    let block_of_doc: Vec<usize> = letter_docs(tree).map(|(i, _)| i).collect();
    let index = SearchIndex::new(letter_docs(tree).map(|(_, text)| text));
    (index, block_of_doc)
}

/// Everything the reader searches: the letter's text and the outline's labels.
///
/// Built by [`ReaderIndex::build`] alone, whether the reader builds it when a search first
/// needs it or the runner builds it on a worker thread after the first frame: the two ways
/// cannot come to different indexes.
#[derive(Debug, Clone)]
pub struct ReaderIndex {
    /// The text blocks, as [`letter_index`] gives them.
    pub text: SearchIndex,
    /// Per document of `text`, its block.
    pub block_of_doc: Vec<usize>,
    /// The outline rows' labels in the interface's language, one document per node, so that
    /// the outline can highlight exactly what matched in a row.
    pub rows: SearchIndex,
    /// dafu's own notes and errata under the text, which a search does not read: searched
    /// only to say that a query matching nothing else is found there.
    pub notes: SearchIndex,
}

impl ReaderIndex {
    /// The reader's index over `tree`, with the outline labels in `lang`.
    #[must_use]
    pub fn build(tree: &LetterTree, lang: Lang) -> Self {
        let (text, block_of_doc) = letter_index(tree);
        let rows = SearchIndex::new((0..tree.nodes.len()).map(|id| tree.outline_label(id, lang)));
        Self {
            text,
            block_of_doc,
            rows,
            notes: SearchIndex::new(note_docs(tree)),
        }
    }
}
