//! Finding many quotations in one text at once: every figure of a node in the node's text,
//! every editorial note in the letter. One Aho-Corasick pass costs the length of the text
//! plus the matches, where a search per quotation would cost quotations × text.

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind};

/// How many overlapping matches of quotations a text may hold per byte: quotations that are
/// suffixes of each other (`a`, `aa`, `aaa`…) can match at every position, which no letter
/// needs. Validation refuses a letter past it, and every other search stops at it, so that no
/// walk over a text costs more than a fixed multiple of its length, checked or not.
const MATCHES_PER_BYTE: usize = 8;

/// The match budget for a text of `len` bytes (see [`MATCHES_PER_BYTE`]).
#[must_use]
pub fn match_budget(len: usize) -> usize {
    len.saturating_add(64).saturating_mul(MATCHES_PER_BYTE)
}

/// Quotations, ready to be looked for in any number of texts.
pub struct Quotes<'a> {
    /// The non-empty quotations, with the index each had in the list given.
    patterns: Vec<(usize, &'a str)>,
    /// The automaton's kind: `None` for the one fastest to search.
    kind: Option<AhoCorasickKind>,
    /// Built on the first search; `None` when there is nothing to look for.
    automaton: OnceLock<Option<AhoCorasick>>,
}

/// Where the quotations occur in one text.
pub struct Found {
    /// Each occurrence as (the quotation's index in [`Quotes::new`]'s list, the byte offset
    /// at which it starts), overlapping ones included, sorted. Only what occurs is listed,
    /// so that many quotations cost nothing in a text that holds few of them.
    pub matches: Vec<(usize, usize)>,
    /// False when the walk stopped at the budget: the list may be incomplete.
    pub complete: bool,
}

impl Found {
    /// For each of `count` quotations, the offsets at which it starts, in order.
    #[must_use]
    pub fn starts(&self, count: usize) -> Vec<Vec<usize>> {
        let mut starts = vec![Vec::new(); count];
        for &(quotation, at) in &self.matches {
            if let Some(list) = starts.get_mut(quotation) {
                list.push(at);
            }
        }
        starts
    }
}

impl<'a> Quotes<'a> {
    /// Prepares to look for `quotations` in one text or a few; empty ones are never found, a
    /// repeated one is found under each of its indices.
    #[must_use]
    pub fn new(quotations: impl IntoIterator<Item = &'a str>) -> Self {
        // A node's figures are looked for in its few paragraphs: the automaton that is
        // cheapest to build.
        Self::build(quotations, Some(AhoCorasickKind::NoncontiguousNFA))
    }

    /// Like [`Quotes::new`], for quotations looked for in much text (every block of a
    /// letter, or the whole letter's text): the automaton that is fastest to search (a DFA,
    /// for a few dozen quotations), built once.
    #[must_use]
    pub fn for_many_texts(quotations: impl IntoIterator<Item = &'a str>) -> Self {
        Self::build(quotations, None)
    }

    fn build(quotations: impl IntoIterator<Item = &'a str>, kind: Option<AhoCorasickKind>) -> Self {
        // An empty quotation would match everywhere: it is left out, and never found.
        let patterns = (quotations.into_iter().enumerate())
            .filter(|(_, q)| !q.is_empty())
            .collect();
        Self {
            patterns,
            kind,
            automaton: OnceLock::new(),
        }
    }

    /// Every occurrence of every quotation in `text`, stopping after `budget` occurrences:
    /// quotations that are suffixes of each other (`a`, `aa`, `aaa`…) can overlap at every
    /// position of a text, and the caller decides what such a text deserves. One pass of an
    /// automaton over `text`.
    ///
    /// # Panics
    /// Never: building the automaton fails only past limits that a letter's 64 MiB cannot
    /// reach.
    #[must_use]
    pub fn find_in(&self, text: &str, budget: usize) -> Found {
        let automaton = self.automaton.get_or_init(|| {
            (!self.patterns.is_empty()).then(|| {
                AhoCorasick::builder()
                    .kind(self.kind)
                    .build(self.patterns.iter().map(|(_, q)| q))
                    .expect("an automaton within aho-corasick's limits")
            })
        });
        let mut matches = Vec::new();
        let mut complete = true;
        for m in automaton.iter().flat_map(|a| a.find_overlapping_iter(text)) {
            if matches.len() == budget {
                complete = false;
                break;
            }
            matches.push((self.patterns[m.pattern().as_usize()].0, m.start()));
        }
        matches.sort_unstable();
        Found { matches, complete }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_overlapping_and_nested_quotations() {
        let quotes = Quotes::new(["优势", "优", "", "势优"]);
        let found = quotes.find_in("优势优势", usize::MAX);
        assert!(found.complete);
        let starts = found.starts(4);
        assert_eq!(starts[0], vec![0, 6]);
        assert_eq!(starts[1], vec![0, 6]);
        assert!(starts[2].is_empty());
        assert_eq!(starts[3], vec![3]);
        let twice = Quotes::new(["优势", "优势"]).find_in("优势", usize::MAX);
        assert_eq!(twice.matches, vec![(0, 0), (1, 0)]);
    }

    #[test]
    fn an_automaton_for_many_texts_finds_what_one_for_a_few_finds() {
        let text = "优势优势，共192家，2家，共192家";
        let quotations = ["优势", "势优", "2家", "192家", "无"];
        let few = Quotes::new(quotations).find_in(text, usize::MAX);
        let many = Quotes::for_many_texts(quotations).find_in(text, usize::MAX);
        assert_eq!(few.matches, many.matches);
        assert_eq!(few.starts(5)[2].len(), 3, "{:?}", few.matches);
    }

    #[test]
    fn stops_at_the_budget() {
        for quotations in [&["a", "aa"][..], &["a", "aa", "aaa", "aaaa", "aaaaa"]] {
            let found = Quotes::new(quotations.iter().copied()).find_in(&"a".repeat(100), 10);
            assert!(!found.complete);
            assert_eq!(found.matches.len(), 10);
        }
    }
}
