//! One query, no index: the documents are folded and searched one at a time, once each.
//!
//! [`SearchIndex`](super::SearchIndex) pays for folding every document and noting every
//! character's place so that many queries are quick; `dafu search` has one query, and needs
//! only one pass. [`StreamSearch`] folds a document with the same [`fold`] loop, looks up the
//! same pinyin keys, and picks matches by the same rule — at each folded position the longest
//! of the literal and the pinyin match, leftmost first, never overlapping — so it reports the
//! very matches [`SearchIndex::find_hits`](super::SearchIndex::find_hits) does. It keeps one
//! document's folded text at a time: memory is bounded by the longest document.
//!
//! Most documents do not hold the query. When the folded query has Chinese characters, a
//! document can only match if, for each of them, it holds a character that folds to it — the
//! character itself, a traditional form of it, or a compatibility form (`⼈` for `人`); a
//! document without is passed over unfolded, after one look at each of its characters (see
//! [`StreamSearch::cannot_match`]).

use std::ops::Range;

use unicode_normalization::char::decompose_compatible;

use super::fold::is_unified_ideograph;
use super::pinyin::Readings;
use super::{Hit, Query, fold, pend, t2s};

/// One folded character of the current document, with its pinyin key and the original
/// cluster it came from.
#[derive(Debug, Clone)]
struct FoldedChar {
    ch: char,
    /// Its pinyin key (see [`super::pinyin`]); only looked up for a pinyin query.
    key: u32,
    /// Its first-letter mask (see [`super::pinyin`]), likewise.
    mask: u32,
    /// The original cluster, in chars and in bytes of the document.
    chars: Range<usize>,
    bytes: Range<usize>,
}

/// A query ready to be matched against documents given one at a time.
pub struct StreamSearch {
    query: Query,
    /// The pinyin keys of the characters seen so far (only for a pinyin query).
    readings: Readings,
    /// The (key, mask) of each ideograph folded to itself, once looked up: most of a letter,
    /// read here without hashing (see [`StreamSearch::key_of`]).
    ideograph_keys: Vec<(u32, u32)>,
    /// The characters that fold to a Chinese character of the folded query when normalisation
    /// leaves them alone, each with the bit of the query's character it folds to (see
    /// [`StreamSearch::cannot_match`]).
    forms: Vec<(char, u32)>,
    /// The bits of all the query's Chinese characters that `forms` stand for.
    all_forms: u32,
    /// The folded text of the document being searched; kept to reuse its memory.
    folded: Vec<FoldedChar>,
}

impl std::fmt::Debug for StreamSearch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StreamSearch")
            .field("literal", &self.query.literal)
            .field("pinyin", &self.query.pinyin.is_some())
            .finish_non_exhaustive()
    }
}

impl StreamSearch {
    /// Prepares `query`; `None` if it matches nothing by its nature (empty or blank), as
    /// [`SearchIndex::find`](super::SearchIndex::find) finds nothing for it.
    #[must_use]
    pub fn new(query: &str) -> Option<Self> {
        let query = Query::parse(query)?;
        let mut chinese: Vec<char> = query
            .literal
            .iter()
            .copied()
            .filter(|&ch| is_unified_ideograph(ch))
            .collect();
        chinese.sort_unstable();
        chinese.dedup();
        // Any of the query's characters would do to pass a document over; 32 are plenty.
        chinese.truncate(32);
        let mut forms = Vec::new();
        let mut all_forms = 0;
        for (n, ch) in chinese.into_iter().enumerate() {
            let bit = 1u32 << n;
            forms.extend(folds_to(ch).into_iter().map(|form| (form, bit)));
            all_forms |= bit;
        }
        Some(Self {
            query,
            readings: Readings::default(),
            ideograph_keys: Vec::new(),
            forms,
            all_forms,
            folded: Vec::new(),
        })
    }

    /// Calls `each` with every match in `text`, in order, labelled `doc`: the hits that
    /// [`SearchIndex::find_hits`](super::SearchIndex::find_hits) gives for a document at
    /// position `doc`.
    pub fn find_in(&mut self, doc: usize, text: &str, mut each: impl FnMut(Hit)) {
        if self.cannot_match(text) {
            return;
        }
        self.fold(text);
        let mut pending: Option<Hit> = None;
        let mut start = 0;
        while start < self.folded.len() {
            let Some(end) = self.match_end(start) else {
                start += 1;
                continue;
            };
            let (Some(first), Some(last)) = (self.folded.get(start), self.folded.get(end - 1))
            else {
                break;
            };
            let chars = first.chars.start..last.chars.end;
            let bytes = first.bytes.start..last.bytes.end;
            start = end;
            if let Some(last) = pend(&mut pending, Hit { doc, chars, bytes }) {
                each(last);
            }
        }
        if let Some(last) = pending {
            each(last);
        }
    }

    /// Whether `text` surely holds no match, found without folding it: the folded query has a
    /// Chinese character that nothing in `text` folds to.
    ///
    /// Folding makes an ideograph only from a character whose compatibility decomposition
    /// holds it or a traditional form of it: composition and case mapping never make one,
    /// and the table maps ideographs to ideographs. So each character is looked up alone,
    /// whatever cluster it stands in.
    fn cannot_match(&self, text: &str) -> bool {
        if self.all_forms == 0 {
            return false;
        }
        let mut found = 0;
        for ch in text.chars() {
            if ch.is_ascii() {
                continue;
            }
            if is_unified_ideograph(ch) {
                // Its own decomposition.
                found |= self.form_bits(ch);
            } else {
                decompose_compatible(ch, |part| found |= self.form_bits(part));
            }
            if found == self.all_forms {
                return false;
            }
        }
        true
    }

    /// The bits of the query's Chinese characters that `ch` folds to, if normalisation leaves
    /// it alone.
    fn form_bits(&self, ch: char) -> u32 {
        self.forms
            .iter()
            .filter(|&&(form, _)| form == ch)
            .fold(0, |bits, &(_, bit)| bits | bit)
    }

    /// Folds `text` into `self.folded`, with pinyin keys for a pinyin query.
    fn fold(&mut self, text: &str) {
        let mut folded = std::mem::take(&mut self.folded);
        folded.clear();
        let pinyin = self.query.pinyin.is_some();
        fold::fold_with_bytes(text, false, |ch, chars, bytes, source| {
            let (key, mask) = if pinyin {
                self.key_of(ch, source)
            } else {
                (super::pinyin::NO_KEY, 0)
            };
            folded.push(FoldedChar {
                ch,
                key,
                mask,
                chars,
                bytes,
            });
        });
        self.folded = folded;
    }

    /// The pinyin key and first-letter mask of the folded character `ch` from the original
    /// `source`, as the index has them ([`Readings::key_of`]).
    fn key_of(&mut self, ch: char, source: Option<char>) -> (u32, u32) {
        /// The mask of an entry not looked up yet: masks have 27 bits.
        const UNKNOWN: u32 = u32::MAX;
        let first = u32::from(FIRST_KEPT);
        let slot = u32::from(ch).wrapping_sub(first) as usize;
        if !(FIRST_KEPT..=LAST_KEPT).contains(&ch) || source.is_some_and(|source| source != ch) {
            return self.readings.key_of(ch, source);
        }
        if self.ideograph_keys.is_empty() {
            let len = (u32::from(LAST_KEPT) - first + 1) as usize;
            self.ideograph_keys = vec![(0, UNKNOWN); len];
        }
        match self.ideograph_keys.get(slot) {
            Some(&(key, mask)) if mask != UNKNOWN => (key, mask),
            _ => {
                let found = self.readings.key_of(ch, source);
                if let Some(entry) = self.ideograph_keys.get_mut(slot) {
                    *entry = found;
                }
                found
            }
        }
    }

    /// The end of the longest match at folded position `start` of the current document: the
    /// longer of the literal and the pinyin match there.
    fn match_end(&self, start: usize) -> Option<usize> {
        let first = self.folded.get(start)?;
        let literal = &self.query.literal;
        let literal_end = (literal.first() == Some(&first.ch)
            && self
                .folded
                .get(start..start + literal.len())
                .is_some_and(|run| run.iter().zip(literal).all(|(f, &ch)| f.ch == ch)))
        .then_some(start + literal.len());
        let pinyin_end = self.query.pinyin.as_ref().and_then(|pinyin| {
            // A pinyin match starts where a reading (or a letter or digit) begins with the
            // query's first letter; anywhere else the matcher would find nothing.
            if first.mask & 1u32.checked_shl(pinyin.first_class() as u32).unwrap_or(0) == 0 {
                return None;
            }
            self.readings
                .longest_match_by(pinyin, |at| self.folded.get(at).map(|f| f.key), start)
        });
        literal_end.max(pinyin_end)
    }
}

/// The first and last of the ideographs whose pinyin keys [`StreamSearch::key_of`] keeps in a
/// table.
const FIRST_KEPT: char = '\u{3400}';
const LAST_KEPT: char = '\u{9FFF}';

/// Every match of `query` in `docs`: what [`SearchIndex::find_hits`](super::SearchIndex)
/// gives, found in one pass over the documents without building an index.
#[must_use]
pub fn find_hits<I, S>(docs: I, query: &str) -> Vec<Hit>
where
    I: IntoIterator<Item = S>,
    S: AsRef<str>,
{
    let mut hits = Vec::new();
    if let Some(mut search) = StreamSearch::new(query) {
        for (doc, text) in docs.into_iter().enumerate() {
            search.find_in(doc, text.as_ref(), |hit| hits.push(hit));
        }
    }
    hits
}

/// The characters that fold to the ideograph `ch` when normalisation leaves them alone:
/// `ch` itself (unless it is a traditional form of another) and its traditional forms.
fn folds_to(ch: char) -> Vec<char> {
    std::iter::once(ch)
        .chain(
            t2s::PAIRS
                .iter()
                .filter(|&&(_, simple)| simple == ch)
                .map(|&(traditional, _)| traditional),
        )
        .filter(|&original| t2s::simplified(original) == ch)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::SearchIndex;
    use super::*;
    use proptest::prelude::*;

    const LETTER: &str = include_str!("../../content/source/zhongshan-kjj-2021-142.txt");

    fn paragraphs() -> Vec<&'static str> {
        LETTER
            .lines()
            .filter(|line| !line.trim().is_empty())
            .collect()
    }

    #[test]
    fn the_letter_gives_the_indexs_hits() {
        let docs = paragraphs();
        let index = SearchIndex::new(&docs);
        for query in [
            "人工智能",
            "rengongzhineng",
            "rgzn",
            "rengzn",
            "優勢",
            "优势",
            "（一）",
            "(一)",
            "１２",
            "100家",
            "…",
            ".",
            "zhong shan",
            "xi'an",
            "2021年",
            "tcl",
            "5g",
            "z",
            "中",
            "e\u{301}",
        ] {
            let streamed = find_hits(&docs, query);
            assert_eq!(streamed, index.find_hits(query), "{query}");
        }
        assert!(find_hits(&docs, "人工智能").len() > 20);
    }

    #[test]
    fn a_query_of_many_chinese_characters_is_looked_for_by_some() {
        let query: String = ('\u{4E00}'..='\u{4E40}').collect();
        let text = format!("前{query}后");
        assert_eq!(find_hits([&text], &query).len(), 1);
        assert!(find_hits(["\u{4E00}"], &query).is_empty());
    }

    #[test]
    fn blank_queries_find_nothing() {
        assert!(StreamSearch::new("").is_none());
        assert!(StreamSearch::new(" \u{3000}").is_none());
        assert!(find_hits(["中山"], "  ").is_empty());
    }

    #[test]
    fn a_document_with_no_form_of_the_query_is_passed_over_unfolded() {
        let search = StreamSearch::new("优势").expect("a query");
        assert!(search.cannot_match("发挥产业特色，（一）"));
        assert!(search.cannot_match("产业优秀"), "势 is missing");
        assert!(!search.cannot_match("传统产业的優勢"), "traditional forms");
        assert!(!search.cannot_match("产业优势"));
        let search = StreamSearch::new("人工").expect("a query");
        assert!(
            !search.cannot_match("⼈工"),
            "⼈ is a compatibility form of 人"
        );
        assert_eq!(find_hits(["⼈工", "人工"], "人工").len(), 2);
    }

    #[test]
    fn traditional_forms_are_searched_for() {
        assert_eq!(folds_to('优'), vec!['优', '優']);
        // 乾 folds to 干, so a text with 乾 must be folded to find 干.
        assert!(folds_to('干').contains(&'乾'));
        assert!(!folds_to('干').is_empty());
    }

    /// Characters for random documents and queries: simplified and traditional, full-width
    /// forms, NFKC expansions and compatibility forms, a combining mark, whitespace, letters
    /// and digits (so pinyin takes part), and hanzi whose readings overlap.
    const ALPHABET: &[char] = &[
        '中', '山', '人', '工', '智', '能', '银', '行', '優', '优', '势', '勢', '乾', '干', '啊',
        '阿', '⼈', '一', '㈠', 'Ｚ', 'z', 'S', 'h', 'a', 'n', 'g', 'r', 'e', '\u{301}', '…', '.',
        ' ', '\u{3000}', '1', '５', '(', '（', '\'',
    ];

    fn text(max: usize) -> impl Strategy<Value = String> {
        prop::collection::vec(prop::sample::select(ALPHABET), 0..max)
            .prop_map(|chars| chars.into_iter().collect())
    }

    proptest! {
        #[test]
        fn streaming_finds_what_the_index_finds(
            docs in prop::collection::vec(text(30), 1..5),
            query in text(8),
        ) {
            let index = SearchIndex::new(&docs);
            prop_assert_eq!(find_hits(&docs, &query), index.find_hits(&query), "{:?}", query);
        }

        #[test]
        fn a_query_cut_from_a_document_is_found_as_the_index_finds_it(
            docs in prop::collection::vec(text(30), 1..4),
            pick in any::<prop::sample::Index>(),
            cut in any::<(prop::sample::Index, prop::sample::Index)>(),
        ) {
            let doc: Vec<char> = docs[pick.index(docs.len())].chars().collect();
            let (a, b) = (cut.0.index(doc.len() + 1), cut.1.index(doc.len() + 1));
            let query: String = doc[a.min(b)..a.max(b)].iter().collect();
            let index = SearchIndex::new(&docs);
            prop_assert_eq!(find_hits(&docs, &query), index.find_hits(&query), "{:?}", query);
        }
    }
}
