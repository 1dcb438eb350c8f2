//! A large letter read on both cores: the guard ([`super::scan`]) walks the document and,
//! as soon as it has walked one of the suggestions, hands over its text; `serde_yaml` reads
//! that text on the other core while the guard goes on. `serde_yaml` still reads nothing the
//! guard has not bounded, and holds the parsed events of one suggestion at a time rather
//! than of the whole file.
//!
//! Only a letter of the plain shape is read so — a mapping with a block list of
//! `suggestions`, one document, no anchors, aliases or tags — and the rest of it is read
//! with an empty list in place of the suggestions, every other line kept at its line and
//! column. For any other shape, or when a piece does not read, the caller reads the whole
//! document at once, as it would without pieces, which also gives `serde_yaml`'s error at
//! its place in the file.

use std::ops::Range;

use saphyr_parser::{Event, Span};

use super::scan::{Refusal, guard_observed, starts_node};

/// One suggestion's text, walked by the guard, for `serde_yaml` to read alone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    /// Its place among the suggestions.
    pub index: usize,
    /// Its bytes in the source: from its first key to where the next suggestion, or what
    /// follows the list, begins.
    pub range: Range<usize>,
    /// The column (in characters) of its first key.
    pub column: usize,
}

impl Piece {
    /// The piece as a document of its own, indented as it stands in the file, so that each
    /// of its lines keeps its column and the piece reads as it does in place.
    #[must_use]
    pub fn text(&self, source: &str) -> String {
        let body = source.get(self.range.clone()).unwrap_or_default();
        let mut text = String::with_capacity(self.column + body.len());
        text.extend(std::iter::repeat_n(' ', self.column));
        text.push_str(body);
        text
    }
}

/// Where the list of suggestions stands in a letter of the plain shape.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outline {
    /// From the list's first `-` to where what follows the list begins.
    list: Range<usize>,
    /// How many line breaks the list spans.
    line_breaks: usize,
    /// The column (in characters) of what follows the list.
    after_column: usize,
    /// How many suggestions the list holds.
    pub count: usize,
}

impl Outline {
    /// The letter with an empty list in place of its suggestions, every other line at its
    /// own line and column (so that `serde_yaml`'s positions in it are positions in the file).
    #[must_use]
    pub fn rest(&self, source: &str) -> String {
        let before = source.get(..self.list.start).unwrap_or_default();
        let after = source.get(self.list.end..).unwrap_or_default();
        let mut rest = String::with_capacity(
            before.len() + 3 + self.line_breaks + self.after_column + after.len(),
        );
        rest.push_str(before);
        // One column further in than the `-` it replaces: a flow list may not stand at its
        // key's column, as a block list may.
        rest.push_str(" []");
        rest.extend(std::iter::repeat_n('\n', self.line_breaks));
        rest.extend(std::iter::repeat_n(' ', self.after_column));
        rest.push_str(after);
        rest
    }
}

/// Guards `source` as [`super::scan::guard`] does, calling `on_piece` with each suggestion as
/// soon as the guard has walked it. Returns where the list stands when the letter has the
/// plain shape (and the pieces given are then all of its suggestions, in order), `None`
/// when it has another (the pieces given, if any, are then to be dropped).
///
/// # Errors
/// The guard's [`Refusal`], as [`super::scan::guard`] gives it.
pub fn guard(source: &str, mut on_piece: impl FnMut(Piece)) -> Result<Option<Outline>, Refusal> {
    let mut finder = Finder::new(source);
    guard_observed(source, &mut |event, span, depth| {
        if let Some(piece) = finder.observe(event, span, depth) {
            on_piece(piece);
        }
    })?;
    Ok(finder.outline())
}

/// Follows the events of the document to find its suggestions, and whether its shape is
/// the plain one.
struct Finder<'s> {
    source: &'s str,
    /// A character index of the source and its byte offset: markers count characters, and
    /// come in order, so each is found by walking on from the last.
    cursor: (usize, usize),
    /// False from the first event that the plain shape does not allow.
    plain: bool,
    documents: usize,
    /// Whether the next node at the top level is a key.
    expect_key: bool,
    /// The line of the last top-level key, and whether it was `suggestions`.
    key: (usize, bool),
    list: List,
}

/// Where the walk is with respect to the list of suggestions.
enum List {
    Before,
    /// Inside it: where it began, on which line, how many suggestions so far, and the start
    /// and column of the one being walked.
    Inside {
        start: usize,
        line: usize,
        count: usize,
        item: Option<(usize, usize)>,
    },
    After(Outline),
}

impl<'s> Finder<'s> {
    fn new(source: &'s str) -> Self {
        Self {
            source,
            cursor: (0, 0),
            plain: true,
            documents: 0,
            expect_key: true,
            key: (0, false),
            list: List::Before,
        }
    }

    fn outline(self) -> Option<Outline> {
        match self.list {
            List::After(outline) if self.plain => Some(outline),
            _ => None,
        }
    }

    /// Looks at one event, `depth` collections deep; returns a suggestion that has just
    /// been walked to its end.
    fn observe(&mut self, event: &Event<'_>, span: &Span, depth: usize) -> Option<Piece> {
        if !self.plain {
            return None;
        }
        self.plain = self.allows(event);
        let starts_node = starts_node(event);
        match depth {
            0 if starts_node => self.plain &= matches!(event, Event::MappingStart(..)),
            1 if starts_node => self.top_level(event, span),
            2 if starts_node => self.item_starts(event, span),
            3 if matches!(event, Event::MappingEnd) => return self.item_ends(span),
            2 if matches!(event, Event::SequenceEnd) => self.list_ends(span),
            _ => {}
        }
        None
    }

    /// Whether the plain shape allows `event` anywhere: no alias, anchor or tag, one document.
    fn allows(&mut self, event: &Event<'_>) -> bool {
        match event {
            Event::DocumentStart(_) => {
                self.documents += 1;
                self.documents == 1
            }
            Event::Alias(_) => false,
            Event::Scalar(_, _, anchor, tag) => *anchor == 0 && tag.is_none(),
            Event::SequenceStart(anchor, tag) | Event::MappingStart(anchor, tag) => {
                *anchor == 0 && tag.is_none()
            }
            _ => true,
        }
    }

    /// A key or a value of the letter's mapping.
    fn top_level(&mut self, event: &Event<'_>, span: &Span) {
        if self.expect_key {
            self.expect_key = false;
            let is_suggestions = matches!(event, Event::Scalar(key, ..) if key == "suggestions");
            self.key = (span.start.line(), is_suggestions);
            return;
        }
        self.expect_key = true;
        let (key_line, is_suggestions) = self.key;
        if !is_suggestions {
            return;
        }
        // A block list on the lines below its key: its first `-` is the first character of
        // the line where the first suggestion begins.
        let at = self.byte_at(span.start.index());
        let line_start = self.line_start(at);
        let indent = self
            .source
            .get(line_start..)
            .map_or(0, |line| line.len() - line.trim_start_matches(' ').len());
        let dash = line_start + indent;
        let block_list = matches!(event, Event::SequenceStart(..))
            && span.start.line() > key_line
            && self.source.as_bytes().get(dash) == Some(&b'-');
        if block_list && matches!(self.list, List::Before) {
            self.list = List::Inside {
                start: dash,
                line: span.start.line(),
                count: 0,
                item: None,
            };
        } else {
            self.plain = false;
        }
    }

    /// A node two deep: in the list, a suggestion begins, which must be a mapping.
    fn item_starts(&mut self, event: &Event<'_>, span: &Span) {
        if !matches!(self.list, List::Inside { .. }) {
            return;
        }
        if !matches!(event, Event::MappingStart(..)) {
            self.plain = false;
            return;
        }
        let start = self.byte_at(span.start.index());
        if let List::Inside { item, .. } = &mut self.list {
            *item = Some((start, span.start.col()));
        }
    }

    /// A mapping three deep ends: in the list, the suggestion being walked. (A block
    /// mapping's end is where the next token begins; a flow mapping's spans its `}`.)
    fn item_ends(&mut self, span: &Span) -> Option<Piece> {
        let end = self.byte_at(span.end.index());
        let List::Inside { count, item, .. } = &mut self.list else {
            return None;
        };
        let (start, column) = item.take()?;
        let piece = Piece {
            index: *count,
            range: start..end,
            column,
        };
        *count += 1;
        Some(piece)
    }

    /// A list two deep ends: in the letter's mapping, the list of suggestions.
    fn list_ends(&mut self, span: &Span) {
        let List::Inside {
            start, line, count, ..
        } = self.list
        else {
            return;
        };
        let end = self.byte_at(span.start.index());
        // What follows the list stands after spaces only, which `Outline::rest` puts back.
        let line_start = self.line_start(end);
        let indented = self
            .source
            .get(line_start..end)
            .is_some_and(|s| s.bytes().all(|b| b == b' '));
        self.plain &= indented && span.start.line() > line;
        self.list = List::After(Outline {
            list: start..end,
            line_breaks: span.start.line().saturating_sub(line),
            after_column: span.start.col(),
            count,
        });
    }

    /// The byte offset of the start of the line that byte `at` is on.
    fn line_start(&self, at: usize) -> usize {
        self.source
            .get(..at)
            .and_then(|before| before.rfind('\n'))
            .map_or(0, |n| n + 1)
    }

    /// The byte offset of the character at index `chars`, walking from the last one found.
    fn byte_at(&mut self, chars: usize) -> usize {
        let (at_chars, at_byte) = self.cursor;
        let byte = if chars >= at_chars {
            skip_characters(self.source.as_bytes(), at_byte, chars - at_chars)
        } else {
            let before = self.source.get(..at_byte).unwrap_or_default();
            before
                .char_indices()
                .rev()
                .nth(at_chars - chars - 1)
                .map_or(0, |(b, _)| b)
        };
        self.cursor = (chars, byte);
        byte
    }
}

/// The byte offset of the character `count` characters after the one starting at byte `at`
/// (or the end of `bytes`): characters are counted by the bytes that start them, a block of
/// bytes at a time, so that the whole letter can be walked at the cost of reading it.
fn skip_characters(bytes: &[u8], mut at: usize, count: usize) -> usize {
    // Starts still to pass, the one sought included.
    let mut left = count + 1;
    let starts = |b: &u8| (*b as i8) >= -0x40;
    while let Some(block) = bytes.get(at..at + 64) {
        let here = block.iter().filter(|b| starts(b)).count();
        if here >= left {
            break;
        }
        left -= here;
        at += 64;
    }
    for (i, b) in bytes.iter().enumerate().skip(at) {
        if starts(b) {
            left -= 1;
            if left == 0 {
                return i;
            }
        }
    }
    bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::letter::{Letter, Suggestion};

    /// The letter read in pieces, as the loader reads it, when it has the plain shape.
    fn in_pieces(source: &str) -> Option<Letter> {
        let mut pieces = Vec::new();
        let outline = guard(source, |piece| pieces.push(piece)).expect("guarded")?;
        assert_eq!(pieces.len(), outline.count);
        let suggestions: Vec<Suggestion> = pieces
            .iter()
            .map(|p| serde_yaml::from_str(&p.text(source)).expect("a piece reads"))
            .collect();
        let mut letter: Letter = serde_yaml::from_str(&outline.rest(source)).expect("rest reads");
        assert!(letter.suggestions.is_empty());
        letter.suggestions = suggestions;
        Some(letter)
    }

    fn whole(source: &str) -> Letter {
        serde_yaml::from_str(source).expect("the whole reads")
    }

    const SHIPPED: &str = crate::letter::load::EMBEDDED_LETTER;

    #[test]
    fn the_shipped_letter_reads_the_same_in_pieces() {
        let letter = in_pieces(SHIPPED).expect("the plain shape");
        assert_eq!(letter, whole(SHIPPED));
        assert_eq!(letter.suggestions.len(), 5);
    }

    /// The shipped letter, written in the other ways YAML allows for the same values.
    fn restyled() -> Vec<(&'static str, String)> {
        let compact = serde_yaml::to_string(&whole(SHIPPED)).expect("serialises");
        let mut styles = vec![
            (
                "written by serde_yaml, lists at their key's column",
                compact.clone(),
            ),
            ("line breaks as CR LF", SHIPPED.replace('\n', "\r\n")),
            (
                "the root indented",
                SHIPPED
                    .lines()
                    .map(|l| {
                        if l.is_empty() || l.starts_with('#') {
                            l.to_string()
                        } else {
                            format!("  {l}")
                        }
                    })
                    .collect::<Vec<_>>()
                    .join("\n"),
            ),
        ];
        // Each suggestion in flow style, as JSON writes it.
        let letter = whole(SHIPPED);
        let flow: String = letter
            .suggestions
            .iter()
            .map(|s| format!("  - {}\n", serde_json::to_string(s).expect("serialises")))
            .collect();
        styles.push((
            "each suggestion in flow style",
            format!(
                "{head}suggestions:\n{flow}closing:{rest}",
                head = compact.split_once("suggestions:\n").expect("a list").0,
                rest = compact.split_once("\nclosing:").expect("a closing").1
            ),
        ));
        // The list last in the file.
        let (head, tail) = compact.split_once("suggestions:\n").expect("a list");
        let (list, rest) = tail.split_once("closing:").expect("a closing");
        styles.push((
            "the list last",
            format!("{head}closing:{rest}suggestions:\n{list}"),
        ));
        // Comments between suggestions and after the list, and a block scalar.
        let commented = SHIPPED
            .replacen(
                "\nsuggestions:\n",
                "\nsuggestions: # the five\n\n  # first\n",
                1,
            )
            .replacen("\nclosing:", "\n  # after the list\n\nclosing:", 1);
        styles.push(("comments around the list", commented));
        styles
    }

    #[test]
    fn every_way_of_writing_the_list_reads_as_the_whole() {
        for (how, source) in restyled() {
            let expected: Letter = serde_yaml::from_str(&source)
                .unwrap_or_else(|e| panic!("{how}: the whole does not read: {e}"));
            match in_pieces(&source) {
                Some(letter) => assert_eq!(letter, expected, "{how}"),
                None => panic!("{how}: not read in pieces"),
            }
        }
    }

    /// The letter read in pieces, or `None` when it is not of the plain shape or a part of it
    /// does not read (the loader then reads it whole).
    fn maybe_in_pieces(source: &str) -> Option<Letter> {
        let mut pieces = Vec::new();
        let outline = guard(source, |piece| pieces.push(piece)).ok()??;
        let suggestions = pieces
            .iter()
            .map(|p| serde_yaml::from_str::<Suggestion>(&p.text(source)).ok())
            .collect::<Option<Vec<_>>>()?;
        let mut letter: Letter = serde_yaml::from_str(&outline.rest(source)).ok()?;
        letter.suggestions = suggestions;
        Some(letter)
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
        /// However the letter's lines are indented, commented, padded or ended, what is read in
        /// pieces is what is read whole.
        #[test]
        fn a_restyled_letter_reads_in_pieces_as_it_reads_whole(
            crlf: bool,
            indent: bool,
            comments in proptest::collection::vec(proptest::bool::weighted(0.05), 1..64),
            padding in proptest::collection::vec(proptest::bool::weighted(0.05), 1..64),
        ) {
            let compact = serde_yaml::to_string(&whole(SHIPPED)).expect("serialises");
            let mut lines = Vec::new();
            for (n, line) in compact.lines().enumerate() {
                let margin = line.len() - line.trim_start().len();
                if comments[n % comments.len()] {
                    lines.push(format!("{}# {n}", " ".repeat(margin)));
                }
                let pad = if padding[n % padding.len()] { "  " } else { "" };
                lines.push(format!("{}{line}{pad}", if indent { "  " } else { "" }));
            }
            let end = if crlf { "\r\n" } else { "\n" };
            let source = lines.join(end) + end;
            if let Some(letter) = maybe_in_pieces(&source) {
                let expected: Result<Letter, _> = serde_yaml::from_str(&source);
                proptest::prop_assert_eq!(Some(letter), expected.ok());
            }
        }
    }

    #[test]
    fn characters_are_skipped_as_decoding_would() {
        let text = "优势 ab，共192家。".repeat(40);
        let starts: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        for (n, &from) in starts.iter().enumerate().step_by(7) {
            for count in [0, 1, 2, 30, 100, starts.len() - n - 1, starts.len() - n + 5] {
                let expected = starts.get(n + count).copied().unwrap_or(text.len());
                assert_eq!(skip_characters(text.as_bytes(), from, count), expected);
            }
        }
    }

    #[test]
    fn a_list_last_without_a_final_line_break_is_read_whole() {
        let source = "title: t\nsuggestions:\n- title: a\n  response: b";
        assert_eq!(guard(source, |_| ()), Ok(None));
    }

    #[test]
    fn other_shapes_are_read_whole() {
        let one = "suggestions:\n  - &s {title: a, response: b}\n  - *s\n";
        let flow = "suggestions: [{title: a, response: b}]\nx: 1\n";
        let tagged = "suggestions:\n  - title: !!str a\n    response: b\nx: 1\n";
        let two_documents = "suggestions:\n  - title: a\n    response: b\nx: 1\n---\ny: 2\n";
        let list_of_lists = "suggestions:\n  - - a\nx: 1\n";
        let list_root = "- a\n- b\n";
        for source in [one, flow, tagged, two_documents, list_of_lists, list_root] {
            assert_eq!(guard(source, |_| ()), Ok(None), "{source}");
        }
    }

    #[test]
    fn pieces_keep_their_lines_and_columns() {
        let source = "title: t\nsuggestions:\n  - title: a\n    response: b\n  - title: c\n    response: d\nx: 1\n";
        let mut pieces = Vec::new();
        let _ = guard(source, |p| pieces.push(p));
        let first = pieces.first().expect("a piece").text(source);
        assert!(
            first.starts_with("    title: a\n    response: b\n"),
            "{first:?}"
        );
        let outline = guard(
            "a: 1\nsuggestions:\n  - title: a\n    response: b\nz: 2\n",
            |_| (),
        )
        .expect("guarded")
        .expect("plain");
        assert_eq!(
            outline.rest("a: 1\nsuggestions:\n  - title: a\n    response: b\nz: 2\n"),
            "a: 1\nsuggestions:\n   []\n\nz: 2\n"
        );
    }
}
