//! Finding many quotations in one text at once: every figure of a node in the node's text,
//! every editorial note in the letter. One Aho-Corasick pass costs the length of the text
//! plus the matches, where a search per quotation would cost quotations × text.

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind};
use memchr::memmem;

/// Up to this many quotations, none longer than [`SHORT`] bytes, are looked for one by
/// one: a text is searched a few times (each by a vectorised substring search, a fraction of
/// an instruction per byte), which costs less than building an automaton for every node of a
/// letter, and less than walking an automaton's overlapping matches through a long text
/// (tens of instructions per byte) for the dozen notes and errata of a letter.
const FEW: usize = 16;

/// More quotations are looked for one by one too, when the text is short enough that all
/// the searches together read no more than this many bytes: a node's dozen figures in its
/// few hundred bytes of text cost a few microseconds so, where building an automaton costs
/// tens (and a letter holds a hundred thousand such nodes when scaled ×1000).
const ONE_BY_ONE_BYTES: usize = 64 * 1024;

/// See [`FEW`]. Searched one by one, a quotation that matches at every position of a text
/// (`aaa…` in `aaaa…`) costs its length at each; bounded, that stays linear.
const SHORT: usize = 64;

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
    /// How many quotations are no longer than [`SHORT`].
    short: usize,
    /// All the quotations, built on the first search that needs it (see
    /// [`Quotes::one_by_one`]).
    automaton: OnceLock<Automaton>,
    /// Only those longer than [`SHORT`], for a search that takes the short ones one by one.
    long_automaton: OnceLock<Automaton>,
    /// One searcher per short quotation (as its index in `patterns`), built on the first
    /// search one by one.
    finders: OnceLock<Vec<(usize, memmem::Finder<'a>)>>,
}

/// An automaton of some of the quotations: their indices in `patterns`, in the automaton's
/// order.
type Automaton = (Vec<usize>, AhoCorasick);

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

    /// Like [`Quotes::new`], for quotations looked for in every block of a letter: the
    /// automaton that is fastest to search (a DFA, for a few dozen quotations).
    #[must_use]
    pub fn for_many_texts(quotations: impl IntoIterator<Item = &'a str>) -> Self {
        Self::build(quotations, None)
    }

    /// # Panics
    /// Never: building the automaton fails only past limits that a letter's 64 MiB cannot
    /// reach.
    fn build(quotations: impl IntoIterator<Item = &'a str>, kind: Option<AhoCorasickKind>) -> Self {
        // An empty quotation would match everywhere: it is left out, and never found.
        let patterns: Vec<(usize, &str)> = quotations
            .into_iter()
            .enumerate()
            .filter(|(_, q)| !q.is_empty())
            .collect();
        let short = patterns.iter().filter(|(_, q)| q.len() <= SHORT).count();
        Self {
            patterns,
            kind,
            short,
            automaton: OnceLock::new(),
            long_automaton: OnceLock::new(),
            finders: OnceLock::new(),
        }
    }

    /// Whether the short quotations are looked for in `text` one by one (and the long ones,
    /// if any, by an automaton of their own) rather than all by one automaton: for a few of
    /// them, or any number in a text short enough that all the searches read no more than
    /// [`ONE_BY_ONE_BYTES`].
    fn one_by_one(&self, text: &str) -> bool {
        self.short <= FEW || self.short.saturating_mul(text.len()) <= ONE_BY_ONE_BYTES
    }

    /// An automaton of the quotations that `include` picks by their length.
    fn automaton_of(&self, include: impl Fn(usize) -> bool) -> Automaton {
        let picked: Vec<usize> = (0..self.patterns.len())
            .filter(|&p| include(self.patterns[p].1.len()))
            .collect();
        let automaton = AhoCorasick::builder()
            .kind(self.kind)
            .build(picked.iter().map(|&p| self.patterns[p].1))
            .expect("an automaton within aho-corasick's limits");
        (picked, automaton)
    }

    /// Gives `record` every occurrence `automaton` finds in `text`, overlapping ones included,
    /// until it returns false.
    fn record_by(
        &self,
        (picked, automaton): &Automaton,
        text: &str,
        record: &mut impl FnMut(usize, usize) -> bool,
    ) {
        for m in automaton.find_overlapping_iter(text) {
            if !record(self.patterns[picked[m.pattern().as_usize()]].0, m.start()) {
                break;
            }
        }
    }

    /// Every occurrence of every quotation in `text`, stopping after `budget` occurrences:
    /// quotations that are suffixes of each other (`a`, `aa`, `aaa`…) can overlap at every
    /// position of a text, and the caller decides what such a text deserves.
    #[must_use]
    pub fn find_in(&self, text: &str, budget: usize) -> Found {
        let mut matches = Vec::new();
        let mut complete = true;
        let mut record = |quotation: usize, at: usize| {
            complete = matches.len() < budget;
            if complete {
                matches.push((quotation, at));
            }
            complete
        };
        if !self.one_by_one(text) {
            let automaton = self.automaton.get_or_init(|| self.automaton_of(|_| true));
            self.record_by(automaton, text, &mut record);
            matches.sort_unstable();
            return Found { matches, complete };
        }
        let finders = self.finders.get_or_init(|| {
            (self.patterns.iter().enumerate())
                .filter(|(_, (_, q))| q.len() <= SHORT)
                .map(|(p, (_, q))| (p, memmem::Finder::new(q.as_bytes())))
                .collect()
        });
        let mut stopped = false;
        'short: for (p, finder) in finders {
            let (quotation, pattern) = self.patterns[*p];
            // The next occurrence may overlap this one: look again one character on.
            let step = pattern.chars().next().map_or(1, char::len_utf8);
            let mut from = 0;
            while let Some(at) = text
                .get(from..)
                .and_then(|rest| finder.find(rest.as_bytes()))
            {
                if !record(quotation, from + at) {
                    stopped = true;
                    break 'short;
                }
                from += at + step;
            }
        }
        if !stopped && self.short < self.patterns.len() {
            let automaton = self
                .long_automaton
                .get_or_init(|| self.automaton_of(|len| len > SHORT));
            self.record_by(automaton, text, &mut record);
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
    fn few_and_many_quotations_are_found_alike() {
        let text = "优势优势，共192家，2家，共192家";
        let few = ["优势", "势优", "2家", "192家"];
        // More than `FEW`: one by one only in a short text.
        let absent: Vec<String> = (0..FEW).map(|n| format!("无{n}")).collect();
        let many: Vec<&str> = (few.iter().copied())
            .chain(["无", "没有", "也无"])
            .chain(absent.iter().map(String::as_str))
            .collect();
        let by_one = Quotes::new(few).find_in(text, usize::MAX);
        let many_quotes = Quotes::new(many.iter().copied());
        let many_by_one = many_quotes.find_in(text, usize::MAX);
        assert!(
            many_quotes.automaton.get().is_none(),
            "a short text: one by one"
        );
        // The same text, long enough that the automaton costs less than a search per quotation.
        let long_text = text.repeat(ONE_BY_ONE_BYTES / text.len() / many.len() + 1);
        let by_automaton = many_quotes.find_in(&long_text, usize::MAX);
        assert!(many_quotes.automaton.get().is_some());
        let by_dfa = Quotes::for_many_texts(many.iter().copied()).find_in(&long_text, usize::MAX);
        assert_eq!(by_dfa.matches, by_automaton.matches);
        let by_one_in_long = Quotes::new(few).find_in(&long_text, usize::MAX);
        let found_where = |keep: &dyn Fn(usize, usize) -> bool| -> Vec<(usize, usize)> {
            (by_automaton.matches.iter().copied())
                .filter(|&(q, at)| keep(q, at))
                .collect()
        };
        assert_eq!(by_one_in_long.matches, found_where(&|q, _| q < few.len()));
        assert_eq!(many_by_one.matches, found_where(&|_, at| at < text.len()));
        assert_eq!(by_one.starts(4)[2].len(), 3, "{:?}", by_one.matches);
        // A quotation longer than `SHORT` is found by an automaton of its own, the short
        // ones beside it one by one, and all are found as by one automaton.
        let long = format!("{}，共192家", "优势".repeat(SHORT));
        let long_text = format!("{long}{long}，2家");
        let mixed = [long.as_str(), "优势", "2家", "192家"];
        let mixed_quotes = Quotes::new(mixed);
        let found = mixed_quotes.find_in(&long_text, usize::MAX);
        assert!(mixed_quotes.long_automaton.get().is_some());
        assert!(mixed_quotes.automaton.get().is_none());
        let by_dfa = Quotes::for_many_texts(mixed).find_in(&long_text, usize::MAX);
        assert_eq!(found.matches, by_dfa.matches);
        assert_eq!(found.starts(4)[0], vec![0, long.len()]);
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
