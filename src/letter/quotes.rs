//! Finding many quotations in one text at once: every figure of a node in the node's text,
//! every editorial note in the letter. One Aho-Corasick pass costs the length of the text
//! plus the matches, where a search per quotation would cost quotations × text. But most
//! nodes quote a figure or two, and building an automaton for them cost more than reading
//! the letter (a fifth of `dafu check`): a few short quotations are looked for one at a
//! time, which stays within a fixed multiple of the text.

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind};
use memchr::memmem::Finder;

/// How many overlapping matches of quotations a text may hold per byte: quotations that are
/// suffixes of each other (`a`, `aa`, `aaa`…) can match at every position, which no letter
/// needs. Validation refuses a letter past it, and every other search stops at it, so that no
/// walk over a text costs more than a fixed multiple of its length, checked or not.
const MATCHES_PER_BYTE: usize = 8;

/// At most this many quotations, each of at most [`SHORT`] bytes, are looked for one at a
/// time, which costs at most `FEW` passes of a text plus, for each occurrence, a comparison
/// of at most `SHORT` bytes; past one occurrence per byte of the text (or the budget), the
/// automaton takes over. A letter's notes and errata (fifteen in the shipped letter) and a
/// node's figures are within it.
const FEW: usize = 16;

/// See [`FEW`].
const SHORT: usize = 128;

/// The most bytes of quotations a DFA is built for. Its making follows, for each state and
/// each byte, the chain of states a mismatch falls back to, which in a long repetitive
/// quotation (a paragraph of one sentence written again and again, quoted whole by a note on
/// a text cut short) is as long as the quotation: 16 KB took 0.6 s, 66 KB 15 s.
const DFA_BYTES: usize = 4096;

/// The match budget for a text of `len` bytes (see [`MATCHES_PER_BYTE`]).
#[must_use]
pub fn match_budget(len: usize) -> usize {
    len.saturating_add(64).saturating_mul(MATCHES_PER_BYTE)
}

/// Quotations, ready to be looked for in any number of texts.
pub struct Quotes<'a> {
    /// The non-empty quotations, with the index each had in the list given.
    patterns: Vec<(usize, &'a str)>,
    /// Each quotation's own finder, when they are few and short (see [`FEW`]); empty when
    /// the automaton looks for them.
    finders: Vec<Finder<'a>>,
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
    /// for a few dozen quotations), built once; for quotations of more than [`DFA_BYTES`] in
    /// all, the one fastest to search among those built in time linear in them.
    #[must_use]
    pub fn for_many_texts(quotations: impl IntoIterator<Item = &'a str>) -> Self {
        let quotes = Self::build(quotations, None);
        let bytes: usize = quotes.patterns.iter().map(|(_, q)| q.len()).sum();
        if bytes > DFA_BYTES {
            return Self {
                kind: Some(AhoCorasickKind::ContiguousNFA),
                ..quotes
            };
        }
        quotes
    }

    fn build(quotations: impl IntoIterator<Item = &'a str>, kind: Option<AhoCorasickKind>) -> Self {
        // An empty quotation would match everywhere: it is left out, and never found.
        let patterns: Vec<(usize, &str)> = (quotations.into_iter().enumerate())
            .filter(|(_, q)| !q.is_empty())
            .collect();
        let few = patterns.len() <= FEW && patterns.iter().all(|(_, q)| q.len() <= SHORT);
        let finders = if few {
            patterns.iter().map(|&(_, q)| Finder::new(q)).collect()
        } else {
            Vec::new()
        };
        Self {
            patterns,
            finders,
            kind,
            automaton: OnceLock::new(),
        }
    }

    /// Every occurrence of every quotation in `text`, stopping after `budget` occurrences:
    /// quotations that are suffixes of each other (`a`, `aa`, `aaa`…) can overlap at every
    /// position of a text, and the caller decides what such a text deserves. A pass of
    /// `text` per quotation when they are few and short ([`FEW`]), else one pass of an
    /// automaton.
    ///
    /// # Panics
    /// Never: building the automaton fails only past limits that a letter's 64 MiB cannot
    /// reach.
    #[must_use]
    pub fn find_in(&self, text: &str, budget: usize) -> Found {
        if let Some(found) = self.find_each_in(text, budget) {
            return found;
        }
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

    /// What [`Quotes::find_in`] finds, each quotation looked for on its own, when they are
    /// few and short; `None` when they are not, or when they occur more than `budget` times
    /// (the automaton then says which `budget` occurrences are kept) or more than once per
    /// byte of `text` (which only quotations made to overlap do, and which the automaton
    /// finds at less cost).
    fn find_each_in(&self, text: &str, budget: usize) -> Option<Found> {
        if self.finders.is_empty() && !self.patterns.is_empty() {
            return None;
        }
        let budget = budget.min(text.len());
        let bytes = text.as_bytes();
        let mut matches = Vec::new();
        for (&(quotation, _), finder) in self.patterns.iter().zip(&self.finders) {
            let mut from = 0;
            // Overlapping occurrences too: the next is looked for a byte after the last's
            // start (a quotation's first byte starts a character, so it only matches at one).
            while let Some(at) = bytes.get(from..).and_then(|rest| finder.find(rest)) {
                if matches.len() == budget {
                    return None;
                }
                matches.push((quotation, from + at));
                from += at + 1;
            }
        }
        matches.sort_unstable();
        Some(Found {
            matches,
            complete: true,
        })
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

    /// `quotations` as the automaton alone finds them, never one at a time.
    fn by_automaton<'a>(quotations: &[&'a str]) -> Quotes<'a> {
        Quotes {
            finders: Vec::new(),
            ..Quotes::new(quotations.iter().copied())
        }
    }

    #[test]
    fn quotations_looked_for_one_at_a_time_are_found_where_the_automaton_finds_them() {
        let long = "长".repeat(50);
        let many: Vec<String> = (0..20).map(|i| format!("{i}家")).collect();
        let cases: Vec<(Vec<&str>, String)> = vec![
            (
                vec!["优势", "优", "", "势优", "优势"],
                "优势优势，优".into(),
            ),
            (vec!["aa", "a", "aaa"], "aaaaab aa".into()),
            (vec!["192家", "2家", "92"], "共192家，2家，共192家".into()),
            (vec![long.as_str(), "长长"], format!("{long}长{long}")),
            (
                many.iter().map(String::as_str).collect(),
                "共12家、3家、19家、10家".into(),
            ),
            (vec!["无"], "没有".into()),
        ];
        for (quotations, text) in cases {
            let quotes = Quotes::new(quotations.iter().copied());
            let few = quotations.len() <= FEW && quotations.iter().all(|q| q.len() <= SHORT);
            assert_eq!(!quotes.finders.is_empty(), few, "{quotations:?}");
            let found = quotes.find_in(&text, usize::MAX);
            let expected = by_automaton(&quotations).find_in(&text, usize::MAX);
            assert!(found.complete && expected.complete);
            assert_eq!(found.matches, expected.matches, "{quotations:?} in {text}");
        }
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
