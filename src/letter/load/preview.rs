//! A large letter's first screens, read before the whole of it: the part before its list of
//! suggestions, the first of them, and everything after the list, as a document of its own.
//!
//! The reader shows this preview while the whole letter is read on the other threads, as
//! `less` shows a file while it reads on; the whole letter then takes its place. The preview
//! is found by lines alone, without walking the document: the list is the block list under a
//! top-level `suggestions:` key, each of its items a line with a `-` at the list's column,
//! and it ends at the first line that stands further out. A document where those lines mean
//! something else (a quoted scalar carried over several lines at the margin, say) gives a
//! preview that does not read, or does not match the whole letter; the first means no
//! preview and the second is replaced by the whole letter when it is read, which is checked
//! as every letter given by path is. Nothing of the preview is shown unchecked: it passes the
//! guard, the schema and each node's checks; only the checks over the whole letter (notes
//! quote its text, the date) wait for the whole letter.

use memchr::{memchr, memchr_iter, memmem};

/// Letters smaller than this are read whole before the first frame, which then costs a few
/// tens of milliseconds at most: the preview is for the letters that take longer.
pub const PREVIEW_FROM_BYTES: usize = 1 << 20;

/// How much of the list a preview takes, at least (whole suggestions, so a little more):
/// enough for the outline and the text of the first screens at any terminal size, and read
/// in a few milliseconds.
const PREVIEW_LIST_BYTES: usize = 128 * 1024;

/// The preview of `source` as YAML text: the letter with only the first of its suggestions,
/// or `None` when it is small, has another shape, or has too few suggestions for a preview
/// to read less than the whole.
#[must_use]
pub fn preview_document(source: &[u8]) -> Option<Vec<u8>> {
    if source.len() < PREVIEW_FROM_BYTES {
        return None;
    }
    start_document(source, PREVIEW_LIST_BYTES)
}

/// The letter with as many of its first suggestions as fill `list_bytes` of the list, and
/// what comes after the list; `None` when that would be the whole list.
fn start_document(source: &[u8], list_bytes: usize) -> Option<Vec<u8>> {
    let list = suggestions_list(source)?;
    let first = list.first_item_from(source, list.start)?;
    // One item at least, then as many as fill `list_bytes`.
    let cut = list.first_item_from(source, (list.start + list_bytes).max(first + 1))?;
    let after = list.end(source);
    let mut preview = Vec::with_capacity(cut + (source.len() - after));
    preview.extend_from_slice(&source[..cut]);
    preview.extend_from_slice(&source[after..]);
    Some(preview)
}

/// Where a block list of suggestions stands: from the line after `suggestions:`, its items'
/// `-` at `column`.
struct List {
    /// The byte where the line after `suggestions:` starts.
    start: usize,
    /// The column of the items' `-` (spaces before it).
    column: usize,
}

/// The list under the first top-level `suggestions:` key, when it is a block list (at the
/// margin, as `serde_yaml` writes it, or indented).
fn suggestions_list(source: &[u8]) -> Option<List> {
    const KEY: &[u8] = b"suggestions:";
    let key = memmem::find_iter(source, KEY).find(|&at| at == 0 || source[at - 1] == b'\n')?;
    let start = key + memchr(b'\n', &source[key..])? + 1;
    // Nothing after the colon but blanks or a comment: the value is on the lines below.
    if !blank_or_comment(&source[key + KEY.len()..]) {
        return None;
    }
    let first = line_starts(source, start).find(|&at| !blank_or_comment(&source[at..]))?;
    let line = &source[first..];
    let column = line.iter().take_while(|&&b| b == b' ').count();
    is_item(&line[column..]).then_some(List { start, column })
}

impl List {
    /// The start of the first item starting at or past byte `from`, if the list has one there.
    fn first_item_from(&self, source: &[u8], from: usize) -> Option<usize> {
        let from = from.clamp(self.start, source.len());
        // From the first line that starts at `from` or later.
        let line_start = if from == 0 || source[from - 1] == b'\n' {
            from
        } else {
            from + memchr(b'\n', &source[from..])? + 1
        };
        line_starts(source, line_start)
            .find(|&at| self.stands_out(&source[at..]) || self.starts_item(&source[at..]))
            .filter(|&at| self.starts_item(&source[at..]))
    }

    /// Where the list ends: the start of the first line that stands out of it, or the end of
    /// the document.
    fn end(&self, source: &[u8]) -> usize {
        line_starts(source, self.start)
            .find(|&at| self.stands_out(&source[at..]))
            .unwrap_or(source.len())
    }

    /// Whether the line `line` starts is outside the list: not blank nor a comment, and less
    /// indented than the items, or as indented and not an item. Only the line's first bytes
    /// are read, which makes a pass over the list cost a few bytes a line.
    fn stands_out(&self, line: &[u8]) -> bool {
        let indent = line
            .iter()
            .take(self.column + 1)
            .take_while(|&&b| b == b' ')
            .count();
        if indent > self.column || blank_or_comment(line) {
            return false;
        }
        indent < self.column || !is_item(&line[indent..])
    }

    /// Whether the line `line` starts is an item of the list.
    fn starts_item(&self, line: &[u8]) -> bool {
        line.len() > self.column
            && line[..self.column].iter().all(|&b| b == b' ')
            && is_item(&line[self.column..])
    }
}

/// Whether text that follows an indentation is a block list's item: `-` then a space or the
/// end of the line.
fn is_item(rest: &[u8]) -> bool {
    matches!(rest, [b'-', b' ' | b'\n' | b'\r', ..] | [b'-'])
}

/// Whether the line `line` starts holds only blanks, or a comment after them (read up to its
/// first character that is not a blank).
fn blank_or_comment(line: &[u8]) -> bool {
    matches!(
        line.iter().find(|&&b| !matches!(b, b' ' | b'\t')),
        None | Some(b'\n' | b'\r' | b'#')
    )
}

/// Where each line from byte `at` (a line's start) on starts.
fn line_starts(source: &[u8], at: usize) -> impl Iterator<Item = usize> {
    let rest = source.get(at..).unwrap_or_default();
    std::iter::once(0)
        .chain(memchr_iter(b'\n', rest).map(|n| n + 1))
        .filter(move |&n| n < rest.len())
        .map(move |n| at + n)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The start of `yaml` with the list cut after `list_bytes`, as text.
    fn start(yaml: &str, list_bytes: usize) -> Option<String> {
        start_document(yaml.as_bytes(), list_bytes).map(|d| String::from_utf8(d).expect("UTF-8"))
    }

    const INDENTED: &str = "title: t\nsuggestions:   # the five\n\n  - title: a\n    text: |\n      - not an item\n\n  # between\n  - title: b\n  - title: c\nclosing:\n  - c\n";

    #[test]
    fn the_start_keeps_whole_items_and_what_follows_the_list() {
        assert_eq!(
            start(INDENTED, 1).as_deref(),
            Some(
                "title: t\nsuggestions:   # the five\n\n  - title: a\n    text: |\n      - not an item\n\n  # between\nclosing:\n  - c\n"
            )
        );
        let margin = "suggestions:\n- a: 1\n  b: 2\n- a: 3\n-\n  a: 4\nnotes: []\n";
        assert_eq!(
            start(margin, 1).as_deref(),
            Some("suggestions:\n- a: 1\n  b: 2\nnotes: []\n")
        );
        // Cut past the second item's start: two items.
        assert_eq!(
            start(margin, 20).as_deref(),
            Some("suggestions:\n- a: 1\n  b: 2\n- a: 3\nnotes: []\n")
        );
        // A list that runs to the end of the document.
        assert_eq!(
            start("suggestions:\n- a\n- b\n", 1).as_deref(),
            Some("suggestions:\n- a\n")
        );
    }

    #[test]
    fn no_start_when_it_would_be_the_whole_list_or_the_shape_is_another() {
        assert_eq!(start(INDENTED, 1 << 20), None, "the whole list");
        assert_eq!(
            start("suggestions: [a, b]\nclosing: []\n", 1),
            None,
            "a flow list"
        );
        assert_eq!(start("suggestions:\n  a: 1\n", 1), None, "a mapping");
        assert_eq!(
            start("x:\n  suggestions:\n  - a\n  - b\n", 1),
            None,
            "not at the top"
        );
        assert_eq!(start("title: t\n", 1), None, "no list");
    }

    #[test]
    fn a_small_letter_has_no_start() {
        let small = INDENTED.repeat(100);
        assert!(small.len() < PREVIEW_FROM_BYTES);
        assert_eq!(preview_document(small.as_bytes()), None);
    }
}
