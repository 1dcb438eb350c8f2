//! Finding many quotations in one text at once: every figure of a node in the node's text,
//! every editorial note in the letter. One Aho-Corasick pass costs the length of the text
//! plus the matches, where a search per quotation would cost quotations × text.

use aho_corasick::AhoCorasick;

/// Distinct quotations, ready to be looked for in any number of texts.
pub struct Quotes {
    /// None when there is nothing to look for.
    automaton: Option<AhoCorasick>,
    /// For each pattern of the automaton, the index of its quotation (empty ones are left out).
    index_of: Vec<usize>,
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

impl Quotes {
    /// Prepares to look for `quotations`; empty ones are never found, a repeated one is found
    /// under each of its indices.
    ///
    /// # Panics
    /// Never: building the automaton fails only past limits that a letter's 64 MiB cannot
    /// reach.
    #[must_use]
    pub fn new<'a>(quotations: impl IntoIterator<Item = &'a str>) -> Self {
        let quotations: Vec<&str> = quotations.into_iter().collect();
        // An empty quotation would match everywhere: it is left out, and never found.
        let (index_of, patterns): (Vec<usize>, Vec<&str>) = quotations
            .iter()
            .enumerate()
            .filter(|(_, q)| !q.is_empty())
            .map(|(i, q)| (i, *q))
            .unzip();
        let automaton = (!patterns.is_empty()).then(|| {
            AhoCorasick::new(patterns).expect("an automaton within aho-corasick's limits")
        });
        Self {
            automaton,
            index_of,
        }
    }

    /// Every occurrence of every quotation in `text`, stopping after `budget` occurrences:
    /// quotations that are suffixes of each other (`a`, `aa`, `aaa`…) can overlap at every
    /// position of a text, and the caller decides what such a text deserves.
    #[must_use]
    pub fn find_in(&self, text: &str, budget: usize) -> Found {
        let mut matches = Vec::new();
        let mut complete = true;
        if let Some(automaton) = &self.automaton {
            for (n, m) in automaton.find_overlapping_iter(text).enumerate() {
                if n >= budget {
                    complete = false;
                    break;
                }
                matches.push((self.index_of[m.pattern().as_usize()], m.start()));
            }
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
    fn stops_at_the_budget() {
        let quotes = Quotes::new(["a", "aa"]);
        let found = quotes.find_in(&"a".repeat(100), 10);
        assert!(!found.complete);
    }
}
