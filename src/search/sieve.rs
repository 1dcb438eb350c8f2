//! The sieve: what a store keeps of a letter's documents so that, for any query, it can tell
//! the documents the query cannot match without building their [`SearchIndex`]. The matches
//! themselves are always the index's: the sieve only says where it need not look.
//!
//! It keeps the documents folded as the index folds them (one text, each document followed
//! by the index's document end), and the few characters whose original the index also reads
//! (a traditional character, whose simplified form may have lost a reading: 乾 `qian` →
//! 干 `gan`). A query may match a document only if
//! - its folded text holds the query folded (a literal match is exactly that), or
//! - the query reads as pinyin and the document has a run of characters that a looser
//!   matcher accepts: each character consumes the next one or more letters of the query
//!   (at most [`LONGEST_SYLLABLE`]), each letter among those its readings have at that
//!   place. Every way the index's matcher consumes letters (a whole syllable, its initial,
//!   `zh`/`ch`/`sh`, a prefix at the end, an ASCII letter or digit as itself) is one of
//!   these, so the looser matcher accepts wherever the index's does.
//!
//!
//! Beside the folded text it keeps filters of the pairs of neighbouring folded characters
//! the documents hold, the letter's ([`Sieve::pairs`]) and each document's
//! ([`Sieve::block_pairs`]), a few hundred bytes where the folded text is thousands: a
//! literal query of two characters or more can be in a letter, or a document, only if each
//! of its pairs is, and a store can rule most letters out with the letter's filter, and the
//! documents of the others with theirs, without reading their folded text.
//!
//! [`SearchIndex`]: super::SearchIndex

use foldhash::HashMap;

use memchr::memmem;

use super::pinyin::{LONGEST_SYLLABLE, PinyinQuery, Readings};
use super::{DOC_END, Query, fold};

/// A letter's documents as the sieve keeps them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sieve {
    /// The documents folded, each followed by the index's document end.
    pub folded: String,
    /// The folded characters (by their place in `folded`, in chars) whose original the index
    /// reads too, and that original: four bytes each, little-endian, ascending.
    pub sources: Vec<u8>,
    /// A Bloom filter of the pairs of neighbouring characters within each document of
    /// `folded` ([`pair_filters`]): a pair the documents hold always passes it, one they do not
    /// hold seldom does.
    pub pairs: Vec<u8>,
    /// Per document, in order, a pair filter of its pairs alone: one byte `n`, then its
    /// `2^n` bytes.
    pub block_pairs: Vec<u8>,
}

impl Sieve {
    /// The sieve of `docs`, folded and read as [`super::SearchIndex::new`] folds and reads them.
    #[must_use]
    pub fn new<I, S>(docs: I) -> Self
    where
        I: IntoIterator<Item = S, IntoIter: Clone>,
        S: AsRef<str>,
    {
        let docs = docs.into_iter();
        let bytes: usize = docs.clone().map(|doc| doc.as_ref().len() + 1).sum();
        let mut making = Making {
            // Folding seldom makes a text longer: room for all of it at once, not grown and
            // copied as it comes.
            folded: String::with_capacity(bytes),
            pairs: PAIRS.take(),
            ..Making::default()
        };
        for doc in docs {
            making.add(doc.as_ref());
        }
        let (pairs, block_pairs) = pair_filters(&making.pairs, &making.ends);
        // A very long letter's room is let go, not kept for the rest of the run.
        if making.pairs.capacity() <= PAIRS_KEPT {
            making.pairs.clear();
            PAIRS.set(making.pairs);
        }
        Self {
            folded: making.folded,
            sources: making.sources,
            pairs,
            block_pairs,
        }
    }
}

thread_local! {
    /// Room for a letter's pairs while its sieve is made (8 bytes a character, tens of KB a
    /// letter), kept by each thread for its next letter rather than allocated anew for each.
    static PAIRS: std::cell::Cell<Vec<u64>> = const { std::cell::Cell::new(Vec::new()) };
}

/// The most pairs' room a thread keeps (1 MiB).
const PAIRS_KEPT: usize = 1 << 17;

/// A sieve being made, one folded character at a time.
#[derive(Default)]
struct Making {
    folded: String,
    sources: Vec<u8>,
    /// The next character's place in `folded`, in chars.
    at: u32,
    /// Each document's pairs, mixed, as they come: the filters' sizes follow their number.
    pairs: Vec<u64>,
    /// Where each document's pairs end in `pairs`.
    ends: Vec<usize>,
    /// The document's last folded character, if it has one yet.
    last: Option<char>,
}

impl Making {
    /// Adds the document `doc`. Not generic, unlike [`Sieve::new`]: the folding loop is
    /// compiled here, beside the folding, whoever makes a sieve.
    fn add(&mut self, doc: &str) {
        self.start(doc);
        for (ch, source) in fold::fold_each(doc) {
            self.push(ch, source);
        }
        self.end();
    }

    /// Begins the document `doc`.
    fn start(&mut self, doc: &str) {
        // A character takes one to four bytes: room for the document's pairs at once rather
        // than as they come.
        self.pairs.reserve(doc.len() / 2);
        self.last = None;
    }

    /// Adds the folded character `ch`, folded from `source` if its cluster was one
    /// character. Once per character of every letter read: inlined into the folding loop.
    #[inline(always)]
    fn push(&mut self, ch: char, source: Option<char>) {
        self.folded.push(ch);
        if let Some(source) = source_read(ch, source) {
            self.sources.extend_from_slice(&self.at.to_le_bytes());
            self.sources
                .extend_from_slice(&u32::from(source).to_le_bytes());
        }
        if let Some(last) = self.last {
            self.pairs.push(mix(pair(last, ch)));
        }
        self.last = Some(ch);
        self.at = self.at.saturating_add(1);
    }

    /// Ends the document begun last.
    fn end(&mut self) {
        self.folded.push(DOC_END);
        self.ends.push(self.pairs.len());
        self.at = self.at.saturating_add(1);
    }
}

/// The fewest and the most bytes a pair filter takes: a short letter's is not a few bits
/// that every query passes, and a very long letter's is not a row of megabytes (it lets
/// more through, never less).
const PAIR_FILTER_BYTES: std::ops::RangeInclusive<usize> = 64..=(1 << 16);

/// The fewest and the most bytes of a document's own pair filter.
const BLOCK_FILTER_BYTES: std::ops::RangeInclusive<usize> = 8..=(1 << 12);

/// The pair filters of a letter whose documents' pairs, mixed, are `pairs`, the pairs of
/// each document ending where `ends` says: the letter's and each document's. Each pair sets
/// the two bits [`pair_bits`] gives of each filter it is in. The letter's has about two bits
/// per pair, rounded up to a power of two; a letter's text repeats about half its pairs, so
/// that is four to eight bits per distinct pair: a pair that is not there passes one time in
/// five to one in twenty, and all three pairs of a four-character word one time in a hundred
/// or fewer. A document's has twice as many (a letter passes its filter when it likely
/// holds the query, and the documents that pass theirs are searched whole).
fn pair_filters(pairs: &[u64], ends: &[usize]) -> (Vec<u8>, Vec<u8>) {
    let sized = |pairs: usize, range: &std::ops::RangeInclusive<usize>| {
        pairs
            .next_power_of_two()
            .clamp(*range.start(), *range.end())
    };
    let mut letter = vec![0u8; sized(pairs.len() / 4, &PAIR_FILTER_BYTES)];
    let mut blocks = Vec::new();
    let mut start = 0;
    for &end in ends {
        let doc = pairs.get(start..end).unwrap_or_default();
        start = end;
        let bytes = sized(doc.len() / 2, &BLOCK_FILTER_BYTES);
        // A power of two up to 2^12: its exponent fits a byte.
        blocks.push(u8::try_from(bytes.trailing_zeros()).unwrap_or(u8::MAX));
        let from = blocks.len();
        blocks.resize(from + bytes, 0);
        let block = blocks.get_mut(from..).unwrap_or_default();
        for &mixed in doc {
            set_bits(&mut letter, mixed);
            set_bits(block, mixed);
        }
    }
    (letter, blocks)
}

/// Sets the bits of the pair `mixed` in `filter`.
fn set_bits(filter: &mut [u8], mixed: u64) {
    for bit in pair_bits(mixed, filter.len() * 8) {
        if let Some(byte) = filter.get_mut(bit / 8) {
            *byte |= 1 << (bit % 8);
        }
    }
}

/// Whether `filter` has the bits of the pair `mixed`.
fn has_bits(filter: &[u8], mixed: u64) -> bool {
    pair_bits(mixed, filter.len() * 8).iter().all(|&bit| {
        filter
            .get(bit / 8)
            .is_none_or(|&byte| byte & (1 << (bit % 8)) != 0)
    })
}

/// Each pair of neighbouring characters of `folded`, as one number ([`pair`]).
fn each_pair(folded: &str, mut each: impl FnMut(u64)) {
    let mut chars = folded.chars();
    let Some(mut last) = chars.next() else {
        return;
    };
    for ch in chars {
        each(pair(last, ch));
        last = ch;
    }
}

/// Two neighbouring characters as one number.
fn pair(first: char, second: char) -> u64 {
    u64::from(first) << 32 | u64::from(second)
}

/// A pair, mixed (SplitMix64's finaliser), so that its bits in a filter look random.
fn mix(pair: u64) -> u64 {
    let mut h = pair.wrapping_add(0x9E37_79B9_7F4A_7C15);
    h = (h ^ (h >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    h = (h ^ (h >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    h ^ (h >> 31)
}

/// The two bits of a filter of `bits` bits (a power of two) that the pair `mixed` sets: its
/// low half and its high half.
fn pair_bits(h: u64, bits: usize) -> [usize; 2] {
    let mask = u64::try_from(bits).unwrap_or(u64::MAX).wrapping_sub(1);
    [h & mask, (h >> 32) & mask].map(|bit| usize::try_from(bit).unwrap_or(0))
}

/// The original of a folded character that the index reads as well: as it interns them, the
/// source only matters when folding changed a character outside ASCII.
#[inline]
fn source_read(ch: char, source: Option<char>) -> Option<char> {
    source.filter(|&s| !ch.is_ascii() && s != ch)
}

/// A query as the sieve tests it: folded, and its letters' bits when it reads as pinyin.
/// Each thread searching keeps its own (see [`SieveQuery::docs`]).
#[derive(Debug, Clone)]
pub struct SieveQuery {
    literal: memmem::Finder<'static>,
    /// The pairs of neighbouring characters of the literal query, mixed, for the pair
    /// filters (of a query that reads as pinyin, those of its characters typed as themselves
    /// side by side); empty when the filter cannot rule out a letter (a query of one
    /// character, or of pinyin alone, which may match characters that are not its letters).
    pairs: Vec<u64>,
    pinyin: Option<PinyinSieve>,
}

impl SieveQuery {
    /// `None` for a query that matches nothing (blank), as the index has it.
    #[cfg(test)]
    fn new(query: &str) -> Option<Self> {
        Query::parse(query).map(|parsed| Self::of(&parsed))
    }

    /// The sieve's side of a query the index has already read.
    #[must_use]
    pub(crate) fn of(parsed: &Query) -> Self {
        let literal: String = parsed.literal.iter().collect();
        let mut pairs = Vec::new();
        match &parsed.pinyin {
            None => each_pair(&literal, |pair| pairs.push(mix(pair))),
            // Characters typed as themselves side by side (`人工zn`) match two characters side
            // by side, whether the query matches literally or by pinyin: their pairs rule
            // letters out as a literal query's do.
            Some(pinyin) => {
                // Side by side among the letters, and in the literal too: an apostrophe
                // between them (`人'工`) is a syllable's boundary, no letter, and the literal
                // query holds it, so the two are no pair of a literal match.
                let mut literal_pairs = Vec::new();
                each_pair(&literal, |pair| literal_pairs.push(pair));
                for pair in pinyin.typed_as_themselves().windows(2) {
                    if let [(at, first), (next, second)] = *pair
                        && next == at + 1
                        && literal_pairs.contains(&self::pair(first, second))
                    {
                        pairs.push(mix(self::pair(first, second)));
                    }
                }
            }
        }
        Self {
            literal: memmem::Finder::new(literal.as_bytes()).into_owned(),
            pairs,
            pinyin: parsed.pinyin.as_ref().map(PinyinSieve::new),
        }
    }

    /// Whether the query reads as pinyin, and so needs the sieve's sources.
    #[must_use]
    pub fn is_pinyin(&self) -> bool {
        self.pinyin.is_some()
    }

    /// Whether the query has pairs for the pair filters to judge: a literal query of two
    /// characters or more, or one with characters typed as themselves side by side.
    #[must_use]
    pub fn has_pairs(&self) -> bool {
        !self.pairs.is_empty()
    }

    /// Whether a letter whose pair filter ([`Sieve::pairs`]) is `filter` may hold the query:
    /// `false` only when the query is literal and one of its pairs is not in the filter. A
    /// filter that does not read (not a power of two bytes) rules nothing out.
    #[must_use]
    pub fn may_hold(&self, filter: &[u8]) -> bool {
        if self.pairs.is_empty() || !filter.len().is_power_of_two() {
            return true;
        }
        self.in_filter(filter)
    }

    /// Whether each of the query's pairs is in `filter`.
    fn in_filter(&self, filter: &[u8]) -> bool {
        self.pairs.iter().all(|&pair| has_bits(filter, pair))
    }

    /// The documents whose own pair filters ([`Sieve::block_pairs`], here `filters`) the
    /// query may be in, ascending; `None` when the filters cannot tell (a query of one
    /// character or that reads as pinyin, or filters that do not read).
    #[must_use]
    pub fn block_docs(&self, filters: &[u8]) -> Option<Vec<usize>> {
        if self.pairs.is_empty() {
            return None;
        }
        let (mut docs, mut doc, mut at) = (Vec::new(), 0, 0);
        while let Some(&exponent) = filters.get(at) {
            let bytes = 1usize.checked_shl(u32::from(exponent))?;
            let filter = filters.get(at + 1..at + 1 + bytes)?;
            if self.in_filter(filter) {
                docs.push(doc);
            }
            (doc, at) = (doc + 1, at + 1 + bytes);
        }
        Some(docs)
    }

    /// The documents (by their place among those the sieve was made of) that the query may
    /// match, ascending: those of `folded` that hold the query, and, for a pinyin query,
    /// those where the looser matcher accepts it. Without `sources` (or with `folded` or
    /// `sources` that do not read) a pinyin query may match any document. Takes `self`
    /// mutably to remember what it learnt of each character, for the next letters.
    pub fn docs(&mut self, folded: &[u8], sources: Option<&[u8]>) -> Vec<usize> {
        let mut docs = self.literal_docs(folded);
        if let Some(pinyin) = &mut self.pinyin {
            let by_pinyin = sources
                .and_then(|sources| pinyin.docs(folded, sources))
                .unwrap_or_else(|| (0..doc_count(folded)).collect());
            docs.extend(by_pinyin);
            docs.sort_unstable();
            docs.dedup();
        }
        docs
    }

    /// The documents whose folded text holds the query.
    fn literal_docs(&self, folded: &[u8]) -> Vec<usize> {
        let mut docs = Vec::new();
        let (mut doc, mut counted) = (0, 0);
        for at in self.literal.find_iter(folded) {
            doc += doc_count(folded.get(counted..at).unwrap_or_default());
            counted = at;
            if docs.last() != Some(&doc) {
                docs.push(doc);
            }
        }
        docs
    }
}

/// How many document ends `folded` holds.
fn doc_count(folded: &[u8]) -> usize {
    let mut end = [0; 4];
    let end = DOC_END.encode_utf8(&mut end).as_bytes();
    memmem::find_iter(folded, end).count()
}

/// Per place a character may consume a letter at, the query positions whose letter it may
/// consume there, shifted back by the place: the starts of the runs it may take.
type Fits = [u64; LONGEST_SYLLABLE];

/// The pinyin half of a query, and what it learnt of each character: how its readings fit
/// the query's letters, by place.
#[derive(Debug, Clone)]
struct PinyinSieve {
    /// Each query letter's bit in a first-letter mask.
    bits: Vec<u32>,
    /// The characters typed as themselves, by their place among the query's letters: each
    /// is consumed, as the first of a character's letters, by that character alone.
    itself: Vec<(usize, char)>,
    /// The fits, by number; number 0 is a character not looked up yet.
    fits: Vec<Fits>,
    /// Per character of the Basic Multilingual Plane, its fits' number.
    plane: Vec<u16>,
    /// Other characters, and characters read with their original.
    other: HashMap<(char, Option<char>), u16>,
    readings: Readings,
}

impl PinyinSieve {
    fn new(query: &PinyinQuery) -> Self {
        Self {
            bits: query.letter_bits().collect(),
            itself: query.typed_as_themselves().to_vec(),
            fits: vec![[0; LONGEST_SYLLABLE]],
            plane: vec![0; 0x1_0000],
            other: HashMap::default(),
            readings: Readings::default(),
        }
    }

    /// The number of the fits of `ch` read with `source`.
    fn fits_of(&mut self, ch: char, source: Option<char>) -> usize {
        // Characters past the Basic Multilingual Plane, and those read with their original,
        // are kept in `other`.
        let plane = usize::try_from(u32::from(ch))
            .ok()
            .filter(|&code| code < 0x1_0000 && source.is_none());
        let known = match plane {
            Some(code) => self.plane.get(code).copied(),
            None => self.other.get(&(ch, source)).copied(),
        };
        if let Some(known) = known.filter(|&n| n != 0) {
            return usize::from(known);
        }
        let (key, _) = self.readings.key_of(ch, source);
        let places = self.readings.letters_by_place(key);
        let mut fits = [0u64; LONGEST_SYLLABLE];
        for ((place, mask), fit) in (0..).zip(places).zip(&mut fits) {
            let at = (0u32..)
                .zip(&self.bits)
                .filter(|&(_, &bit)| bit & mask != 0);
            *fit = at.fold(0u64, |set, (i, _)| set | 1 << i) >> place;
        }
        for &(place, itself) in &self.itself {
            if itself == ch {
                fits[0] |= 1 << place;
            }
        }
        self.fits.push(fits);
        let number = self.fits.len() - 1;
        // Past the numbers a u16 holds, a character is looked up each time.
        if let Ok(short) = u16::try_from(number) {
            match plane {
                Some(code) if code < self.plane.len() => self.plane[code] = short,
                _ => {
                    self.other.insert((ch, source), short);
                }
            }
        }
        number
    }

    /// The documents of `folded` where the looser matcher accepts the query; `None` when
    /// `folded` or `sources` does not read.
    fn docs(&mut self, folded: &[u8], sources: &[u8]) -> Option<Vec<usize>> {
        let mut sources = read_sources(sources)?;
        // The next character read with its original, and that original.
        let mut next_source = sources.next();
        let done = 1u64 << self.bits.len();
        let mut docs = Vec::new();
        let (mut doc, mut reach, mut found) = (0, 1u64, false);
        for (at, ch) in (0u32..).zip(Utf8Chars { bytes: folded }) {
            let ch = ch?;
            let source = match next_source {
                Some((place, source)) if place == at => {
                    next_source = sources.next();
                    Some(source)
                }
                _ => None,
            };
            if ch == DOC_END {
                if found {
                    docs.push(doc);
                }
                (doc, reach, found) = (doc + 1, 1, false);
                continue;
            }
            if found {
                continue;
            }
            let number = self.fits_of(ch, source);
            let fits = self
                .fits
                .get(number)
                .unwrap_or(&[u64::MAX; LONGEST_SYLLABLE]);
            // The starts still consuming after `place` letters, and where each run may end.
            let mut starts = reach;
            let mut next = 0;
            for (place, &fit) in (1..).zip(fits) {
                starts &= fit;
                if starts == 0 {
                    break;
                }
                next |= starts << place;
            }
            found = next & done != 0;
            // A match may start at the next character too.
            reach = (next & (done - 1)) | 1;
        }
        Some(docs)
    }
}

/// The characters of a folded text kept as UTF-8 bytes, each `None` where the bytes are not
/// UTF-8: read once, where `str::from_utf8` and then `chars` read a letter's text twice
/// (a sixth of a warm pinyin search).
struct Utf8Chars<'a> {
    bytes: &'a [u8],
}

impl Iterator for Utf8Chars<'_> {
    type Item = Option<char>;

    #[inline(always)]
    fn next(&mut self) -> Option<Option<char>> {
        let got = self.decode();
        if got == Some(None) {
            // What follows bytes that are not UTF-8 is not read as characters either.
            self.bytes = &[];
        }
        got
    }
}

impl Utf8Chars<'_> {
    /// The next character, and the bytes after it; `Some(None)` where they are not UTF-8.
    #[inline(always)]
    fn decode(&mut self) -> Option<Option<char>> {
        let (&first, rest) = self.bytes.split_first()?;
        if first.is_ascii() {
            self.bytes = rest;
            return Some(Some(char::from(first)));
        }
        // The sequence's length by its first byte, and the least code it may carry (a
        // longer way to write a smaller one is not UTF-8).
        let (len, least) = match first {
            0xC2..=0xDF => (2, 0x80),
            0xE0..=0xEF => (3, 0x800),
            0xF0..=0xF4 => (4, 0x1_0000),
            _ => return Some(None),
        };
        let Some((sequence, rest)) = self.bytes.split_at_checked(len) else {
            return Some(None);
        };
        let mut code = u32::from(first) & (0x7F >> len);
        for &byte in &sequence[1..] {
            if byte & 0xC0 != 0x80 {
                return Some(None);
            }
            code = (code << 6) | u32::from(byte & 0x3F);
        }
        self.bytes = rest;
        // `from_u32` refuses the surrogates and what is past the last code point.
        Some(char::from_u32(code).filter(|_| code >= least))
    }
}

/// The (place, original) pairs of a sieve's `sources`; `None` when they do not read.
fn read_sources(sources: &[u8]) -> Option<impl Iterator<Item = (u32, char)> + '_> {
    if !sources.len().is_multiple_of(8) {
        return None;
    }
    let word = |b: &[u8]| u32::from_le_bytes([b[0], b[1], b[2], b[3]]);
    let pairs = sources.chunks_exact(8).map(move |pair| {
        let source = char::from_u32(word(&pair[4..])).unwrap_or(char::REPLACEMENT_CHARACTER);
        (word(&pair[..4]), source)
    });
    Some(pairs)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::SearchIndex;
    use crate::search::pinyin::readings;
    use proptest::prelude::*;

    /// The documents with a match of `query`, as the index finds them.
    fn matched(docs: &[String], query: &str) -> Vec<usize> {
        let mut found: Vec<usize> = SearchIndex::new(docs)
            .find(query)
            .into_iter()
            .map(|m| m.doc)
            .collect();
        found.dedup();
        found
    }

    /// The documents the sieve lets through for `query`.
    fn sieved(docs: &[String], query: &str) -> Vec<usize> {
        let sieve = Sieve::new(docs);
        SieveQuery::new(query).map_or_else(Vec::new, |mut q| {
            q.docs(sieve.folded.as_bytes(), Some(&sieve.sources))
        })
    }

    fn strings(docs: &[&str]) -> Vec<String> {
        docs.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn the_sieve_keeps_the_documents_that_match_and_drops_the_others() {
        let docs = strings(&[
            "推进人才立法，落实人才政策",
            "结合我市传统产业的優勢",
            "德国 VDE、法国 BV 等国际权威检验检测机构",
            "中山市科学技术局",
            "",
            "ＡＢＣ１２３",
        ]);
        for (query, want) in [
            ("人才立法", vec![0]),
            ("人才", vec![0]),
            ("优势", vec![1]),
            ("優勢", vec![1]),
            ("rencailifa", vec![0]),
            ("rclf", vec![0]),
            ("rencaili", vec![0]),
            ("youshi", vec![1]),
            ("zhongshan", vec![3]),
            ("zs", vec![3]),
            ("vde", vec![2]),
            ("VDE", vec![2]),
            ("abc123", vec![5]),
            ("１２", vec![5]),
            ("不在这里", vec![]),
            ("   ", vec![]),
        ] {
            assert_eq!(matched(&docs, query), want, "the index on {query:?}");
            let through = sieved(&docs, query);
            assert!(
                want.iter().all(|doc| through.contains(doc)),
                "{query:?}: {through:?}"
            );
            // Literal queries are sieved exactly.
            if SieveQuery::new(query).is_some_and(|q| !q.is_pinyin()) {
                assert_eq!(through, want, "{query:?}");
            }
        }
        // A pinyin query passes where its letters cannot be consumed in order nowhere.
        assert_eq!(sieved(&docs, "qqqq"), Vec::<usize>::new());
    }

    /// A query of characters and pinyin whose characters stand apart in its literal (an
    /// apostrophe between them) is no pair for the filters: the literal match must pass.
    #[test]
    fn characters_parted_by_an_apostrophe_are_no_pair_of_the_filters() {
        let docs = strings(&["人'工zn", "别的"]);
        for query in ["人'工zn", "人工zn"] {
            let found = matched(&docs, query);
            let sieve = Sieve::new(&docs);
            let parsed = SieveQuery::new(query).expect("a query");
            assert!(
                found.is_empty() || parsed.may_hold(&sieve.pairs),
                "{query}: {found:?}"
            );
            if let Some(through) = parsed.block_docs(&sieve.block_pairs) {
                assert!(found.iter().all(|d| through.contains(d)), "{query}");
            }
            assert!(found.iter().all(|d| sieved(&docs, query).contains(d)));
        }
        assert_eq!(matched(&docs, "人'工zn"), [0]);
    }

    #[test]
    fn the_pair_filter_rules_out_a_letter_without_the_word_and_keeps_one_with_it() {
        let docs = strings(&[
            "推进人才立法，落实人才政策",
            "中山市科学技术局",
            "ＡＢＣ１２３",
        ]);
        let pairs = Sieve::new(&docs).pairs;
        let holds = |query: &str| SieveQuery::new(query).is_some_and(|q| q.may_hold(&pairs));
        for held in ["人才立法", "人才", "落实人才", "科学技术局", "abc", "Ｂc１"]
        {
            assert!(holds(held), "{held:?}");
        }
        // Each of these has a pair the letter does not hold (a pair across two documents
        // is not one of its pairs).
        for absent in ["不在这里", "立法政策", "政策中山", "技术政策"] {
            assert!(!holds(absent), "{absent:?}");
        }
        // One character, or pinyin, the filter cannot rule out.
        for open in ["不", "buzai", "qqqq"] {
            assert!(holds(open), "{open:?}");
        }
        // Nor can a filter that does not read.
        let query = SieveQuery::new("不在这里").expect("a query");
        assert!(query.may_hold(&[]));
        assert!(query.may_hold(&[0; 3]));
    }

    #[test]
    fn each_documents_pair_filter_keeps_the_documents_that_hold_the_word() {
        let docs = strings(&["推进人才立法", "", "落实人才政策", "中山市科学技术局"]);
        let filters = Sieve::new(&docs).block_pairs;
        let docs_of = |query: &str| SieveQuery::new(query).and_then(|q| q.block_docs(&filters));
        assert_eq!(docs_of("人才立法"), Some(vec![0]));
        assert_eq!(docs_of("人才"), Some(vec![0, 2]));
        assert_eq!(docs_of("技术局"), Some(vec![3]));
        assert_eq!(docs_of("立法政策"), Some(vec![]));
        // What they cannot judge, and filters that do not read.
        assert_eq!(docs_of("人"), None);
        assert_eq!(docs_of("rencai"), None);
        let query = SieveQuery::new("人才").expect("a query");
        assert_eq!(query.block_docs(&filters[..filters.len() - 1]), None);
        assert_eq!(query.block_docs(&[64, 0]), None);
    }

    #[test]
    fn sources_that_do_not_read_let_every_document_through() {
        let docs = strings(&["中山", "人工"]);
        let sieve = Sieve::new(&docs);
        let folded = sieve.folded.as_bytes();
        let mut query = SieveQuery::new("rg").expect("a query");
        assert_eq!(query.docs(folded, None), vec![0, 1]);
        assert_eq!(query.docs(folded, Some(&[9, 1, 0])), vec![0, 1]);
        assert_eq!(query.docs(folded, Some(&sieve.sources)), vec![1]);
    }

    #[test]
    fn a_folded_text_that_is_not_utf8_lets_every_document_through() {
        let docs = strings(&["中山", "人工", "银行"]);
        let sieve = Sieve::new(&docs);
        let mut query = SieveQuery::new("rg").expect("a query");
        assert_eq!(
            query.docs(sieve.folded.as_bytes(), Some(&sieve.sources)),
            vec![1]
        );
        // 山 cut short in the first document; a byte that never starts a character.
        let mut cut = sieve.folded.as_bytes().to_vec();
        cut.remove(4);
        assert_eq!(query.docs(&cut, Some(&sieve.sources)), vec![0, 1, 2]);
        let mut stray = sieve.folded.as_bytes().to_vec();
        stray.insert(0, 0xFF);
        assert_eq!(query.docs(&stray, Some(&sieve.sources)), vec![0, 1, 2]);
    }

    #[test]
    fn a_traditional_character_is_read_with_its_original() {
        // 乾 folds to 干 (`gan`), and keeps its own reading `qian` for pinyin.
        let docs = strings(&["乾坤", "干活"]);
        let sieve = Sieve::new(&docs);
        assert_eq!(sieve.folded, "干坤\n干活\n");
        assert_eq!(sieve.sources.len(), 8, "one original kept");
        assert_eq!(matched(&docs, "qiankun"), vec![0]);
        assert_eq!(sieved(&docs, "qiankun"), vec![0]);
        assert_eq!(sieved(&docs, "ganhuo"), vec![1]);
    }

    /// Characters for random documents: simplified and traditional (乾 reads `qian`, its
    /// simplified 干 `gan`), polyphonic (行 重 长), full-width, Latin, digits, `…`, spaces.
    const ALPHABET: &[char] = &[
        '中', '山', '人', '工', '银', '行', '優', '势', '重', '长', '乾', '干', '律', '绿', '嗯',
        'Ｚ', 'z', 'S', 'h', 'a', 'n', 'g', '…', '.', ' ', '1', '５', '，', '\'',
    ];

    /// A query made from a run of `doc`'s characters as a reader might type it: the
    /// characters, or per character a whole reading, its initial or its first two letters.
    fn typed(doc: &str, start: usize, len: usize, how: &[u8]) -> String {
        let mut query = String::new();
        for (i, ch) in doc.chars().skip(start).take(len).enumerate() {
            let reading = readings(ch).into_iter().next();
            match (how.get(i).copied().unwrap_or(0) % 4, reading) {
                (1, Some(r)) => query.push_str(&r),
                (2, Some(r)) => query.extend(r.chars().take(1)),
                (3, Some(r)) => query.extend(r.chars().take(2)),
                _ => query.push(ch),
            }
        }
        query
    }

    /// Bytes at the edges of UTF-8's ranges: ASCII, continuations, the first bytes of each
    /// length (and of the overlong and surrogate forms), and bytes that start nothing.
    const EDGE_BYTES: &[u8] = &[
        0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC2, 0xDF, 0xE0, 0xE4, 0xED, 0xEF,
        0xF0, 0xF4, 0xF5, 0xFF,
    ];

    proptest! {
        #[test]
        fn utf8_is_read_as_the_standard_library_reads_it(
            bytes in prop::collection::vec(prop::sample::select(EDGE_BYTES), 0..12),
            text in "\\PC{0,8}",
        ) {
            for bytes in [bytes, text.into_bytes()] {
                let read: Vec<Option<char>> = Utf8Chars { bytes: &bytes }.collect();
                let want: Vec<Option<char>> = match std::str::from_utf8(&bytes) {
                    Ok(text) => text.chars().map(Some).collect(),
                    // The characters before the fault, then `None`, then nothing.
                    Err(fault) => {
                        let before = bytes.get(..fault.valid_up_to()).unwrap_or_default();
                        let before = std::str::from_utf8(before).unwrap_or_default();
                        before.chars().map(Some).chain([None]).collect()
                    }
                };
                prop_assert_eq!(read, want);
            }
        }

        #[test]
        fn the_sieve_never_drops_a_document_the_index_matches(
            docs in prop::collection::vec(
                prop::collection::vec(prop::sample::select(ALPHABET), 0..24)
                    .prop_map(|chars| chars.into_iter().collect::<String>()),
                1..5,
            ),
            which in 0usize..5,
            start in 0usize..24,
            len in 1usize..6,
            how in prop::collection::vec(any::<u8>(), 6),
            random in "[a-z5' 人工中山]{1,8}",
        ) {
            let doc = &docs[which % docs.len()];
            for query in [typed(doc, start % (doc.chars().count() + 1), len, &how), random] {
                let through = sieved(&docs, &query);
                let found = matched(&docs, &query);
                let sieve = Sieve::new(&docs);
                let parsed = SieveQuery::new(&query);
                prop_assert!(
                    found.is_empty() || parsed.as_ref().is_some_and(|q| q.may_hold(&sieve.pairs)),
                    "{:?} matches {:?}, the pair filter rules it out", query, docs
                );
                if let Some(by_pairs) = parsed.and_then(|q| q.block_docs(&sieve.block_pairs)) {
                    prop_assert!(
                        found.iter().all(|doc| by_pairs.contains(doc)),
                        "{:?} matches {:?} of {:?}, the documents' filters let {:?} through",
                        query, found, docs, by_pairs
                    );
                }
                for doc in found {
                    prop_assert!(
                        through.contains(&doc),
                        "{:?} matches document {} of {:?}, the sieve let {:?} through",
                        query, doc, docs, through
                    );
                }
            }
        }
    }
}
