//! Finding many quotations in one text at once: every figure of a node in the node's text,
//! every editorial note in the letter. One Aho-Corasick pass costs the length of the text
//! plus the matches, where a search per quotation would cost quotations × text.
//!
//! A node has a few figures in a few hundred bytes of text, and building an automaton for
//! them costs more than reading the text once per figure: up to [`FEW`] quotations in a short
//! text are looked for one by one, within a fixed multiple of the text's length, and the
//! automaton is built only when they are more, the text longer, or that reading would cost
//! more (a quotation that overlaps itself at every place, or more matches than the budget).

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind};

/// How many overlapping matches of quotations a text may hold per byte: quotations that are
/// suffixes of each other (`a`, `aa`, `aaa`…) can match at every position, which no letter
/// needs. Validation refuses a letter past it, and every other search stops at it, so that no
/// walk over a text costs more than a fixed multiple of its length, checked or not.
const MATCHES_PER_BYTE: usize = 8;

/// Up to this many quotations are looked for one by one (see the module's doc).
const FEW: usize = 8;

/// Quotations times the text's bytes up to which they are looked for one by one: past it,
/// building the automaton is a small part of one pass of it.
const ONE_BY_ONE_BYTES: usize = 64 * 1024;

/// How many bytes, per quotation and per byte of the text, reading one by one may look at
/// before it gives way to the automaton: each quotation is read through once, and its matches
/// add its length each; past this, a quotation matches over and over inside itself.
const READS_PER_BYTE: usize = 2;

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
    /// Whether a few quotations in a short text are looked for one by one: not when one
    /// automaton serves many texts.
    few_one_by_one: bool,
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
        Self::build(quotations, Some(AhoCorasickKind::NoncontiguousNFA), true)
    }

    /// Like [`Quotes::new`], for quotations looked for in much text (every block of a
    /// letter, or the whole letter's text): the automaton that is fastest to search (a DFA,
    /// for a few dozen quotations), built once, and never a reading one by one.
    #[must_use]
    pub fn for_many_texts(quotations: impl IntoIterator<Item = &'a str>) -> Self {
        Self::build(quotations, None, false)
    }

    fn build(
        quotations: impl IntoIterator<Item = &'a str>,
        kind: Option<AhoCorasickKind>,
        few_one_by_one: bool,
    ) -> Self {
        // An empty quotation would match everywhere: it is left out, and never found.
        let patterns = (quotations.into_iter().enumerate())
            .filter(|(_, q)| !q.is_empty())
            .collect();
        Self {
            patterns,
            kind,
            few_one_by_one,
            automaton: OnceLock::new(),
        }
    }

    /// Every occurrence of every quotation in `text`, stopping after `budget` occurrences:
    /// quotations that are suffixes of each other (`a`, `aa`, `aaa`…) can overlap at every
    /// position of a text, and the caller decides what such a text deserves.
    #[must_use]
    pub fn find_in(&self, text: &str, budget: usize) -> Found {
        let few = self.patterns.len() <= FEW
            && self.patterns.len().saturating_mul(text.len()) <= ONE_BY_ONE_BYTES;
        if self.few_one_by_one
            && few
            && let Some(found) = self.one_by_one(text, budget)
        {
            return found;
        }
        self.with_automaton(text, budget)
    }

    /// What [`Quotes::find_in`] finds, each quotation looked for on its own; `None` when that
    /// would read more than [`READS_PER_BYTE`] bytes per quotation and byte of the text, or
    /// find more than `budget` matches (the automaton then says which ones are kept).
    fn one_by_one(&self, text: &str, budget: usize) -> Option<Found> {
        let mut reads_left = text
            .len()
            .saturating_add(64)
            .saturating_mul(READS_PER_BYTE)
            .saturating_mul(self.patterns.len());
        let mut matches = Vec::new();
        for &(index, quotation) in &self.patterns {
            // Matches may overlap: the next is looked for from the character after a start.
            let step = quotation.chars().next().map_or(1, char::len_utf8);
            let mut from = 0;
            while let Some(rest) = text.get(from..) {
                let found = rest.find(quotation);
                let read = found.map_or(rest.len(), |at| at + quotation.len());
                reads_left = reads_left.checked_sub(read)?;
                let Some(at) = found else { break };
                if matches.len() == budget {
                    return None;
                }
                matches.push((index, from + at));
                from += at + step;
            }
        }
        matches.sort_unstable();
        Some(Found {
            matches,
            complete: true,
        })
    }

    /// What [`Quotes::find_in`] finds, in one pass of an automaton over `text`.
    ///
    /// # Panics
    /// Never: building the automaton fails only past limits that a letter's 64 MiB cannot
    /// reach.
    fn with_automaton(&self, text: &str, budget: usize) -> Found {
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

    proptest::proptest! {
        /// A few quotations read one by one are found where the automaton finds them: on
        /// texts and quotations of a small alphabet, where they overlap and repeat often.
        #[test]
        fn one_by_one_finds_what_the_automaton_finds(
            text in "[a优势1]{0,40}",
            quotations in proptest::collection::vec("[a优势1]{0,4}", 0..=FEW),
            budget in 0usize..60,
        ) {
            let quotes = Quotes::new(quotations.iter().map(String::as_str));
            let automaton = quotes.with_automaton(&text, budget);
            match quotes.one_by_one(&text, budget) {
                Some(found) => {
                    proptest::prop_assert!(automaton.complete);
                    proptest::prop_assert_eq!(&found.matches, &automaton.matches);
                }
                // Given way only past the budget, or when the matches cover more than the
                // text (and its margin) again: reading them would pass the bound.
                None => {
                    let covered: usize = automaton
                        .matches
                        .iter()
                        .map(|&(q, _)| quotations[q].len())
                        .sum();
                    proptest::prop_assert!(
                        !automaton.complete || covered > text.len() + 128,
                        "{covered}"
                    );
                }
            }
            let found = quotes.find_in(&text, budget);
            proptest::prop_assert_eq!(found.complete, automaton.complete);
            proptest::prop_assert_eq!(&found.matches, &automaton.matches);
        }
    }

    #[test]
    fn a_quotation_overlapping_itself_everywhere_gives_way_to_the_automaton() {
        // 100 `a`s match at each of a million `a`s: reading one by one would read each match
        // whole; it stops within twice the text and the automaton takes over.
        let text = "a".repeat(1_000_000);
        let quotation = "a".repeat(100);
        let quotes = Quotes::new([quotation.as_str()]);
        assert!(quotes.one_by_one(&text, match_budget(text.len())).is_none());
        let found = quotes.find_in(&text, match_budget(text.len()));
        assert!(found.complete);
        assert_eq!(found.matches.len(), text.len() - quotation.len() + 1);
    }

    #[test]
    fn more_quotations_than_a_few_are_found_by_the_automaton() {
        let quotations: Vec<String> = (0..=FEW).map(|n| format!("{n}家")).collect();
        let quotes = Quotes::new(quotations.iter().map(String::as_str));
        let found = quotes.find_in("共0家，共8家，共18家", usize::MAX);
        assert!(quotes.automaton.get().is_some(), "the automaton was built");
        assert_eq!(found.matches, vec![(0, 3), (8, 13), (8, 24)]);
        let few = Quotes::new(["8家"]);
        let _ = few.find_in("共8家", usize::MAX);
        assert!(
            few.automaton.get().is_none(),
            "one quotation needs no automaton"
        );
        let many_texts = Quotes::for_many_texts(["8家"]);
        let _ = many_texts.find_in("共8家", usize::MAX);
        assert!(
            many_texts.automaton.get().is_some(),
            "built once for every text"
        );
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
