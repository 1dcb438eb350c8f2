//! A shelf of letters: a folder (or a list of files) read as one collection.
//!
//! The walk finds the letter files ([`walk`]); each letter is read on its own, on whichever
//! core is free ([`parallel`]), into what the shelf shows of it ([`head`]) and the text it
//! searches ([`LetterText`]); a letter that is refused keeps its place in the list with its
//! error and never hides the others. Results come back in the walk's order whatever the
//! order in which the cores finish.

pub mod find;
pub mod head;
pub mod parallel;
pub mod walk;

use std::path::{Path, PathBuf};

use crate::letter::load::{self, LoadError};
use crate::letter::tree::LetterTree;
use crate::strings::Lang;
pub use head::Head;

/// One letter of the shelf: its file and what reading it gave.
#[derive(Debug, Clone)]
pub struct Entry<T> {
    /// The file, as the walk found it.
    pub path: PathBuf,
    /// The letter as `T`, or why it was refused (at `FILE:LINE:COL` where there is a place).
    pub letter: Result<T, LoadError>,
}

/// What the shelf keeps of a letter it has read: the row it shows and the text it searches.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    /// The row of the list.
    pub head: Head,
    /// The searchable text.
    pub text: LetterText,
}

impl Summary {
    /// The summary of a read letter.
    #[must_use]
    pub fn of(tree: &LetterTree) -> Self {
        Self {
            head: Head::of(tree),
            text: LetterText::of(tree),
        }
    }
}

/// A letter's searchable text, apart from its tree: each text block (as the reader's search
/// sees them, editorial notes left out) with the breadcrumb of the node it belongs to.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LetterText {
    /// Per node, its breadcrumb in Chinese and in English.
    pub crumbs: Vec<[String; 2]>,
    /// The searchable blocks in reading order: the node (into `crumbs`) and the text.
    pub docs: Vec<(usize, String)>,
}

impl LetterText {
    /// The searchable text of `tree`.
    #[must_use]
    pub fn of(tree: &LetterTree) -> Self {
        let crumbs = (0..tree.nodes.len())
            .map(|id| [tree.breadcrumb(id, Lang::Zh), tree.breadcrumb(id, Lang::En)])
            .collect();
        let docs = crate::search::letter::letter_docs(tree)
            .map(|(block, text)| (tree.blocks[block].node, text.to_string()))
            .collect();
        Self { crumbs, docs }
    }

    /// The breadcrumb of document `doc` in `lang`.
    #[must_use]
    pub fn crumb(&self, doc: usize, lang: Lang) -> &str {
        let node = self.docs.get(doc).map_or(usize::MAX, |(node, _)| *node);
        let at = usize::from(lang == Lang::En);
        self.crumbs
            .get(node)
            .and_then(|pair| pair.get(at))
            .map_or("", String::as_str)
    }

    /// The text of document `doc`.
    #[must_use]
    pub fn doc(&self, doc: usize) -> &str {
        self.docs.get(doc).map_or("", |(_, text)| text.as_str())
    }

    /// The bytes this text holds, for the shelf's memory budget.
    #[must_use]
    pub fn bytes(&self) -> usize {
        let crumbs: usize = self.crumbs.iter().flatten().map(String::len).sum();
        crumbs + self.docs.iter().map(|(_, t)| t.len()).sum::<usize>()
    }
}

/// Reads the letter at `path` as the reader opens it: a YAML letter loaded and checked, a
/// `.txt` transcript imported in memory and marked as an unreviewed import.
///
/// # Errors
/// Why the letter is refused, at its place.
pub fn read_letter(path: &Path, lang: Lang) -> Result<LetterTree, LoadError> {
    if crate::import::is_text(path) {
        return crate::import::tree_from_path(path).map(|tree| tree.with_lang(lang));
    }
    load::from_path(path).map(|letter| LetterTree::in_lang(letter, lang))
}

/// Every letter named by `paths` (files, and the letter files in folders, see [`walk`]),
/// each read and made into a `T` by `make`, on both cores, in the walk's order. A path that
/// cannot be walked is an entry with its error.
pub fn read_all<T: Send>(
    paths: &[PathBuf],
    lang: Lang,
    make: impl Fn(LetterTree) -> T + Sync,
) -> Vec<Entry<T>> {
    let found = walk::letter_files(paths);
    let letters = parallel::map_in_order(&found, |item| match item {
        walk::Found::File(path) => read_letter(path, lang).map(&make),
        walk::Found::Unreadable(_, error) => Err(error.clone()),
    });
    found
        .into_iter()
        .zip(letters)
        .map(|(item, letter)| Entry {
            path: item.path().to_path_buf(),
            letter,
        })
        .collect()
}

/// The shelf's summaries of the letters named by `paths`, in the walk's order.
#[must_use]
pub fn summaries(paths: &[PathBuf]) -> Vec<Entry<Summary>> {
    read_all(paths, Lang::Zh, |tree| Summary::of(&tree))
}
