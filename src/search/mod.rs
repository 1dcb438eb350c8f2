//! Search over the letter's texts: folding, pinyin, matching.
//!
//! One engine for the reader's incremental search and the command line: build a
//! [`SearchIndex`] once from the documents (paragraphs, headings, captions), then call
//! [`SearchIndex::find`] on every keystroke. Building does the expensive work — folding every
//! document ([`fold`]), looking up every character's readings ([`pinyin`]), and noting where
//! each character and each first letter occurs — so that a query only visits the places where
//! it can start, over flat arrays, with no allocation per character.
//!
//! A query matches the folded text literally, and, when it is ASCII letters, also by pinyin;
//! the two kinds of match compete, leftmost then longest, and never overlap.

pub mod fold;
pub mod pinyin;

use std::collections::HashMap;
use std::ops::Range;

use self::pinyin::{PinyinQuery, Readings};

/// One place where a query matched.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Match {
    /// The document, by its position in the sequence given to [`SearchIndex::new`].
    pub doc: usize,
    /// The matched characters of the ORIGINAL document text, as char (not byte) indices. It
    /// covers whole grapheme clusters, and the whitespace inside the match that folding
    /// ignored (`100家` covers `100 家`).
    pub chars: Range<usize>,
}

/// The folding character that ends every document in the index; folded text and queries never
/// contain whitespace, so no match can run from one document into the next.
const DOC_END: char = '\n';

/// Documents prepared for searching.
///
/// All documents are folded into one flat run of characters, each document followed by
/// [`DOC_END`], so that a query is one pass rather than one per document. Per folded character
/// the index keeps its original char range and its pinyin key (see [`pinyin`]); and, like a
/// book's index, where each folded character occurs and where each first letter of a reading
/// occurs, so that a query only visits the places where it can start.
#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    /// The folded text of all documents, each followed by [`DOC_END`].
    folded: Vec<char>,
    /// Per folded character, the original char range (within its document) it came from.
    origins: Vec<(u32, u32)>,
    /// Per folded character, its pinyin key: ASCII byte, reading set, or none.
    keys: Vec<u32>,
    /// Per folded character, its positions in `folded`, ascending.
    by_char: HashMap<char, Vec<u32>>,
    /// Per first-letter class (see [`pinyin::INITIAL_CLASSES`]), the positions in `folded` of
    /// the characters a pinyin query starting with that letter can start on, ascending.
    by_initial: Vec<Vec<u32>>,
    /// Per document, the index of its first folded character.
    doc_starts: Vec<usize>,
    /// The interned readings that `keys` refer to.
    readings: Readings,
}

impl SearchIndex {
    /// Builds the index of `docs`; a match's [`Match::doc`] is the position in this sequence.
    ///
    /// # Panics
    /// If the documents together have more than `u32::MAX` characters.
    #[must_use]
    pub fn new<I, S>(docs: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let to_u32 = |at: usize| u32::try_from(at).expect("documents under 4G chars in all");
        let mut index = Self {
            by_initial: vec![Vec::new(); pinyin::INITIAL_CLASSES],
            ..Self::default()
        };
        for doc in docs {
            let doc = doc.as_ref();
            index.doc_starts.push(index.folded.len());
            fold::fold_with(doc, false, |ch, origin, source| {
                let at = to_u32(index.folded.len());
                let (key, mut mask) = index.readings.key_of(ch, source);
                index.folded.push(ch);
                index
                    .origins
                    .push((to_u32(origin.start), to_u32(origin.end)));
                index.keys.push(key);
                index.by_char.entry(ch).or_default().push(at);
                while mask != 0 {
                    let class = mask.trailing_zeros() as usize;
                    mask &= mask - 1;
                    if let Some(positions) = index.by_initial.get_mut(class) {
                        positions.push(at);
                    }
                }
            });
            index.folded.push(DOC_END);
            index.origins.push((0, 0));
            index.keys.push(pinyin::NO_KEY);
        }
        index.readings.finish();
        index
    }

    /// The number of documents.
    #[must_use]
    pub fn doc_count(&self) -> usize {
        self.doc_starts.len()
    }

    /// Every match of `query` in the documents, sorted by document and start, not overlapping.
    ///
    /// The query is folded like the text. It matches the folded text literally; if it is
    /// ASCII letters (with spaces or `'` between syllables; digits allowed), it also matches
    /// runs of Chinese characters by their readings (see [`pinyin`]). Where matches compete,
    /// the leftmost wins, then the longest. An empty or all-whitespace query matches nothing.
    #[must_use]
    pub fn find(&self, query: &str) -> Vec<Match> {
        let literal: Vec<char> = fold::fold_str(query).chars().collect();
        let mut found = Found::new(self);
        if literal.is_empty() {
            return found.matches;
        }
        let pinyin = PinyinQuery::parse(query);
        let pinyin_starts = pinyin
            .as_ref()
            .and_then(|pinyin| self.by_initial.get(pinyin.first_class()))
            .map_or(&[][..], Vec::as_slice);
        let mut end = 0;
        for start in merge(self.literal_starts(&literal), pinyin_starts.iter().copied()) {
            let start = start as usize;
            if start < end {
                // Inside the last match: leftmost-longest has already decided.
                continue;
            }
            let literal_end = self
                .folded
                .get(start..)
                .is_some_and(|rest| rest.starts_with(&literal))
                .then_some(start + literal.len());
            let pinyin_end = pinyin
                .as_ref()
                .and_then(|pinyin| self.readings.longest_match(pinyin, &self.keys, start));
            if let Some(match_end) = literal_end.max(pinyin_end) {
                found.push(start..match_end);
                end = match_end;
            }
        }
        found.matches
    }

    /// Where `literal` can start, ascending: the positions of its rarest character, less that
    /// character's offset in `literal`. Empty if some character of it occurs nowhere.
    fn literal_starts(&self, literal: &[char]) -> impl Iterator<Item = u32> {
        let mut rarest: Option<(u32, &[u32])> = None;
        for (offset, ch) in (0u32..).zip(literal) {
            let positions = self.by_char.get(ch).map_or(&[][..], Vec::as_slice);
            if rarest.is_none_or(|(_, rarest)| positions.len() < rarest.len()) {
                rarest = Some((offset, positions));
            }
        }
        let (offset, positions) = rarest.unwrap_or_default();
        positions
            .iter()
            .filter_map(move |&position| position.checked_sub(offset))
    }
}

/// The union of two ascending sequences, ascending, each value once.
fn merge(
    left: impl Iterator<Item = u32>,
    right: impl Iterator<Item = u32>,
) -> impl Iterator<Item = u32> {
    let mut left = left.peekable();
    let mut right = right.peekable();
    std::iter::from_fn(move || match (left.peek(), right.peek()) {
        (Some(&l), Some(&r)) => {
            if l <= r {
                left.next();
            }
            if r <= l {
                right.next();
            }
            Some(l.min(r))
        }
        (Some(_), None) => left.next(),
        (None, _) => right.next(),
    })
}

/// Matches as they are found (in folded positions, ascending), turned into [`Match`]es.
struct Found<'a> {
    index: &'a SearchIndex,
    /// The document of the last match; matches come in order, so this only moves forward.
    doc: usize,
    matches: Vec<Match>,
}

impl<'a> Found<'a> {
    fn new(index: &'a SearchIndex) -> Self {
        Self {
            index,
            doc: 0,
            matches: Vec::new(),
        }
    }

    /// Adds the match of folded characters `folded` (never empty, never across a document end).
    fn push(&mut self, folded: Range<usize>) {
        let starts = &self.index.doc_starts;
        while starts
            .get(self.doc + 1)
            .is_some_and(|&next| next <= folded.start)
        {
            self.doc += 1;
        }
        let origins = &self.index.origins;
        let (Some(&(start, _)), Some(&(_, end))) = (
            origins.get(folded.start),
            folded.end.checked_sub(1).and_then(|last| origins.get(last)),
        ) else {
            return;
        };
        let chars = start as usize..end as usize;
        // Two folded matches can come from one original cluster (`.` twice in the `...` of
        // one `…`); their original ranges then overlap, and they are one match to the reader.
        if let Some(last) = self.matches.last_mut()
            && last.doc == self.doc
            && chars.start < last.chars.end
        {
            last.chars.end = last.chars.end.max(chars.end);
            return;
        }
        self.matches.push(Match {
            doc: self.doc,
            chars,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const LETTER: &str = include_str!("../../content/source/zhongshan-kjj-2021-142.txt");

    /// The original text of each match, for readable assertions.
    fn found(docs: &[&str], query: &str) -> Vec<(usize, String)> {
        SearchIndex::new(docs)
            .find(query)
            .into_iter()
            .map(|found| {
                let text = docs[found.doc]
                    .chars()
                    .skip(found.chars.start)
                    .take(found.chars.len())
                    .collect();
                (found.doc, text)
            })
            .collect()
    }

    fn texts(docs: &[&str], query: &str) -> Vec<String> {
        found(docs, query)
            .into_iter()
            .map(|(_, text)| text)
            .collect()
    }

    #[test]
    fn empty_and_blank_queries_match_nothing() {
        let index = SearchIndex::new(["中山市科学技术局"]);
        assert!(index.find("").is_empty());
        assert!(index.find("  \u{3000}").is_empty());
    }

    #[test]
    fn literal_match_gives_char_indices() {
        let index = SearchIndex::new(["农工党中山市委会", "中山科函〔2021〕142号"]);
        assert_eq!(
            index.find("中山"),
            vec![
                Match {
                    doc: 0,
                    chars: 3..5
                },
                Match {
                    doc: 1,
                    chars: 0..2
                },
            ]
        );
    }

    #[test]
    fn full_width_brackets_match_half_width_and_back() {
        let docs = ["（一）加强顶层设计", "(一) 加强组织领导"];
        let index = SearchIndex::new(docs);
        let expected = vec![
            Match {
                doc: 0,
                chars: 0..3,
            },
            Match {
                doc: 1,
                chars: 0..3,
            },
        ];
        assert_eq!(index.find("(一)"), expected);
        assert_eq!(index.find("（一）"), expected);
        assert_eq!(texts(&docs, "(一)加强"), vec!["（一）加强", "(一) 加强"]);
    }

    #[test]
    fn full_width_digits_and_latin_match_ascii() {
        let docs = ["科技银行１２家", "德国 ＶＤＥ、法国 BV"];
        assert_eq!(texts(&docs, "12家"), vec!["１２家"]);
        assert_eq!(texts(&docs, "德国VDE"), vec!["德国 ＶＤＥ"]);
    }

    #[test]
    fn traditional_and_simplified_find_each_other() {
        let docs = ["结合我市传统产业的優勢", "发挥产业优势"];
        assert_eq!(
            found(&docs, "优势"),
            vec![(0, "優勢".into()), (1, "优势".into())]
        );
        assert_eq!(
            found(&docs, "優勢"),
            vec![(0, "優勢".into()), (1, "优势".into())]
        );
    }

    #[test]
    fn latin_case_is_ignored() {
        let docs = ["推动益达服装、TCL 空调器"];
        assert_eq!(texts(&docs, "tcl"), vec!["TCL"]);
        assert_eq!(texts(&docs, "Tcl空调"), vec!["TCL 空调"]);
    }

    #[test]
    fn spaces_are_ignored_in_text_and_query() {
        let docs = ["人工智能相关高新技术企业超过 100 家"];
        let index = SearchIndex::new(docs);
        // `超过 100 家`: 超 is char 12, 家 char 20; `100家` covers `100 家`, chars 15..20.
        assert_eq!(
            index.find("100家"),
            vec![Match {
                doc: 0,
                chars: 15..20
            }]
        );
        assert_eq!(index.find("1 0 0 家"), index.find("100家"));
        assert_eq!(texts(&docs, "超过100"), vec!["超过 100"]);
    }

    #[test]
    fn a_match_never_ends_on_ignored_whitespace() {
        assert_eq!(texts(&["超过 100 家"], "超过"), vec!["超过"]);
    }

    #[test]
    fn nfkc_expansions_map_back_whole() {
        let docs = ["研究…等等"];
        assert_eq!(texts(&docs, "..."), vec!["…"]);
        assert_eq!(texts(&docs, "…"), vec!["…"]);
        assert_eq!(texts(&docs, "究."), vec!["究…"]);
        // Three one-dot matches inside one `…` are one match to the reader.
        assert_eq!(texts(&docs, "."), vec!["…"]);
    }

    #[test]
    fn matches_do_not_cross_documents() {
        let docs = ["中", "山"];
        assert!(found(&docs, "中山").is_empty());
        assert!(found(&docs, "zhongshan").is_empty());
        assert_eq!(found(&docs, "zs"), Vec::new());
    }

    #[test]
    fn pinyin_full_initials_and_mixed() {
        let docs = ["高起点布局推动新一代人工智能产业发展"];
        for query in [
            "rengongzhineng",
            "rgzn",
            "rengzn",
            "rgongzhineng",
            "ren gong zhi neng",
        ] {
            assert_eq!(texts(&docs, query), vec!["人工智能"], "{query}");
        }
        assert_eq!(texts(&docs, "rengongzhi"), vec!["人工智"]);
    }

    #[test]
    fn pinyin_finds_the_letter_examples() {
        let docs = [
            "中山市科学技术局",
            "引导银行、保险、证券",
            "“重振虎威 加快高质量崛起”",
        ];
        assert_eq!(found(&docs, "zhongshan"), vec![(0, "中山".into())]);
        assert_eq!(found(&docs, "zhongsh"), vec![(0, "中山".into())]);
        assert_eq!(found(&docs, "zs"), vec![(0, "中山".into())]);
        assert_eq!(found(&docs, "zhs"), vec![(0, "中山".into())]);
        assert_eq!(found(&docs, "yinhang"), vec![(1, "银行".into())]);
        assert_eq!(found(&docs, "chongzhen"), vec![(2, "重振".into())]);
        assert_eq!(found(&docs, "chongzhenhuwei"), vec![(2, "重振虎威".into())]);
        assert_eq!(found(&docs, "czhwjk"), vec![(2, "重振虎威 加快".into())]);
    }

    #[test]
    fn pinyin_v_for_u_umlaut() {
        let docs = ["推进人才立法", "依法依律办事", "开辟绿色通道"];
        assert_eq!(found(&docs, "lv"), vec![(1, "律".into()), (2, "绿".into())]);
        assert_eq!(found(&docs, "lvse"), vec![(2, "绿色".into())]);
        assert_eq!(found(&docs, "yilv"), vec![(1, "依律".into())]);
    }

    #[test]
    fn latin_words_match_literally_and_pinyin_crosses_into_them() {
        let docs = [
            "德国 VDE、法国 BV 等国际权威检验检测机构",
            "利用5G、工业互联网",
            "TCL 空调器",
        ];
        assert_eq!(found(&docs, "VDE"), found(&docs, "vde"));
        // `vde` is also `V` + 等 (`de`, a syllable cut short while typing): both are found.
        assert_eq!(
            found(&docs, "vde"),
            vec![(0, "VDE".into()), (0, "V 等".into())]
        );
        assert_eq!(found(&docs, "5g"), vec![(1, "5G".into())]);
        assert_eq!(found(&docs, "degvde"), vec![(0, "德国 VDE".into())]);
        assert_eq!(found(&docs, "tclkongtiao"), vec![(2, "TCL 空调".into())]);
        assert_eq!(found(&docs, "liyong5g"), vec![(1, "利用5G".into())]);
    }

    #[test]
    fn literal_and_pinyin_compete_leftmost_then_longest() {
        // Pinyin `da` at 大 comes before the literal `da` later in the text.
        let docs = ["大力支持 data"];
        assert_eq!(texts(&docs, "da"), vec!["大", "da"]);
        assert_eq!(texts(&docs, "dalizhichi"), vec!["大力支持"]);
        // At one start the longer wins: `tcl` is literal, and `tclk` (TCL + 空) is longer.
        let docs = ["TCL 空调器"];
        assert_eq!(texts(&docs, "tcl"), vec!["TCL"]);
        assert_eq!(texts(&docs, "tclk"), vec!["TCL 空"]);
        // And the literal wins where it is the longer: `ab'c` matches only `ab'c` literally.
        let docs = ["ab'cd 阿"];
        assert_eq!(texts(&docs, "ab'c"), vec!["ab'c"]);
    }

    #[test]
    fn merge_is_an_ascending_union() {
        let merged: Vec<u32> = merge([1, 3, 5, 9].into_iter(), [2, 3, 9, 10].into_iter()).collect();
        assert_eq!(merged, vec![1, 2, 3, 5, 9, 10]);
        assert_eq!(
            merge([].into_iter(), [4].into_iter()).collect::<Vec<_>>(),
            vec![4]
        );
    }

    #[test]
    fn one_letter_finds_every_initial() {
        let docs = ["人工智能产业"];
        assert_eq!(texts(&docs, "r"), vec!["人"]);
        assert_eq!(texts(&docs, "z"), vec!["智"]);
        // 产 is `chan`; nothing else here starts with `c`.
        assert_eq!(texts(&docs, "c"), vec!["产"]);
    }

    #[test]
    fn the_whole_letter_is_searchable() {
        let paragraphs: Vec<&str> = LETTER
            .lines()
            .filter(|line| !line.trim().is_empty())
            .collect();
        let index = SearchIndex::new(&paragraphs);
        let by_chars = index.find("人工智能");
        let by_pinyin = index.find("rengongzhineng");
        let by_initials = index.find("rgzn");
        assert!(by_chars.len() > 20, "{}", by_chars.len());
        // Every literal 人工智能 is found by its pinyin as well (and nothing else is).
        assert_eq!(by_pinyin, by_chars);
        for found in &by_initials {
            assert_eq!(found.chars.len(), 4);
        }
        assert!(by_initials.len() >= by_chars.len());
        for found in index.find("優勢").iter().chain(&index.find("优势")) {
            let text: String = paragraphs[found.doc]
                .chars()
                .skip(found.chars.start)
                .take(found.chars.len())
                .collect();
            assert!(text == "優勢" || text == "优势", "{text}");
        }
    }

    /// Characters for random documents: simplified and traditional, full-width forms, an NFKC
    /// expansion, spaces, punctuation; no ASCII letters, so that no query reads as pinyin and
    /// every match is literal; nothing folding to more than one char.
    const PLAIN: &[char] = &[
        '中', '山', '人', '工', '优', '優', '势', '勢', '（', '(', '）', ')', '１', '1', '2', ' ',
        '\u{3000}', '，', '、', '。',
    ];

    /// As [`PLAIN`], with letters (so pinyin takes part) and `…` (which folds to three chars).
    const MIXED: &[char] = &[
        '中', '山', '人', '工', '银', '行', '優', '势', 'Ｚ', 'z', 'S', 'h', 'a', 'n', '…', '.',
        ' ', '1', '５',
    ];

    /// A random document from `alphabet` and a random non-blank substring of it (char range).
    fn doc_and_query(alphabet: &'static [char]) -> impl Strategy<Value = (String, Range<usize>)> {
        prop::collection::vec(prop::sample::select(alphabet), 1..40).prop_flat_map(|chars| {
            let len = chars.len();
            let doc: String = chars.into_iter().collect();
            (
                Just(doc),
                (0..len).prop_flat_map(move |start| (Just(start), start + 1..=len)),
            )
                .prop_map(|(doc, (start, end))| (doc, start..end))
        })
    }

    fn substring(text: &str, chars: Range<usize>) -> String {
        text.chars().skip(chars.start).take(chars.len()).collect()
    }

    proptest! {
        #[test]
        fn a_literal_query_finds_text_that_folds_to_it((doc, range) in doc_and_query(PLAIN)) {
            let query = substring(&doc, range);
            let folded_query = fold::fold_str(&query);
            let matches = SearchIndex::new([&doc]).find(&query);
            if folded_query.is_empty() {
                prop_assert!(matches.is_empty());
            } else {
                prop_assert!(!matches.is_empty());
                for found in matches {
                    let original = substring(&doc, found.chars);
                    prop_assert_eq!(fold::fold_str(&original), folded_query.clone());
                }
            }
        }

        #[test]
        fn a_query_taken_from_the_text_is_found_there((doc, range) in doc_and_query(MIXED)) {
            let query = substring(&doc, range.clone());
            let folded_query = fold::fold_str(&query);
            let matches = SearchIndex::new([&doc]).find(&query);
            if folded_query.is_empty() {
                // A blank query is a case, not a reject: blanks are common in this alphabet.
                prop_assert!(matches.is_empty());
                return Ok(());
            }
            // Leftmost-longest may pick an earlier, overlapping match instead of this very
            // occurrence, but something must cover it.
            prop_assert!(
                matches.iter().any(|found| found.chars.start < range.end && range.start < found.chars.end),
                "{:?} in {:?}: {:?}", query, doc, matches
            );
            let mut last_end = 0;
            for found in &matches {
                prop_assert!(found.chars.start >= last_end && found.chars.start < found.chars.end);
                last_end = found.chars.end;
                // Every match holds the query, folded, or is a pinyin match of letters.
                let original = fold::fold_str(&substring(&doc, found.chars.clone()));
                prop_assert!(
                    original.contains(&folded_query) || PinyinQuery::parse(&query).is_some(),
                    "{:?} matched {:?}", query, original
                );
            }
        }
    }
}
