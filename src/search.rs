//! Search over the letter's texts: folding, pinyin, matching.
//!
//! One engine for the reader's incremental search and the command line: build a
//! [`SearchIndex`] once from the documents (paragraphs, headings, captions), then call
//! [`SearchIndex::find`] for one query, or keep a [`Searcher`] and give it the prompt's text on
//! every keystroke. Building does the expensive work — folding every document ([`fold`]),
//! looking up every character's readings ([`pinyin`]), and noting where each character and
//! each first letter occurs — so that a query only visits the places where it can start, over
//! flat arrays, with no allocation per character. A [`Searcher`] also remembers, per query it
//! was given, where that query matched, so that a keystroke that extends the query only tests
//! those places again.
//!
//! A query matches the folded text literally, and, when it is ASCII letters, also by pinyin;
//! the two kinds of match compete, leftmost then longest, and never overlap.

pub mod fold;
pub mod letter;
pub mod pinyin;
pub mod sieve;
pub mod t2s;

// Keyed by characters, hashed often while building and never by anyone's choice of keys:
// a fast hash, not one that resists flooding.
use foldhash::HashMap;
use std::ops::Range;
use std::sync::Arc;

use self::pinyin::{PinyinQuery, QueryStart, Readings};

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

/// One place where a query matched, in chars and in bytes: what [`Searcher::search`] reports.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Hit {
    /// The document, by its position in the sequence given to [`SearchIndex::new`].
    pub doc: usize,
    /// As [`Match::chars`].
    pub chars: Range<usize>,
    /// The same span of the original document text as UTF-8 byte offsets.
    pub bytes: Range<usize>,
}

/// The folding character that ends every document in the index; folded text and queries never
/// contain whitespace, so no match can run from one document into the next.
const DOC_END: char = '\n';

/// The symbol of [`DOC_END`].
const DOC_END_SYMBOL: u32 = 0;

/// A folded character and its pinyin key: what the index stores, once, for all the places
/// where that character (from that original character) occurs.
#[derive(Debug, Clone, Copy)]
struct Symbol {
    ch: char,
    /// Its pinyin key: ASCII byte, reading set, or none (see [`pinyin`]).
    key: u32,
}

/// A run of folded characters whose original positions follow one rule, so that the index
/// keeps a few of these per paragraph rather than an original range per character.
#[derive(Debug, Clone, Copy)]
struct Segment {
    /// The first folded position of the run; it lasts until the next segment's.
    folded: u32,
    /// The original char and byte offsets, within its document, of the run's first character.
    char: u32,
    byte: u32,
    /// Non-zero: every character of the run came from the next single original character of
    /// `width` bytes. Zero: every character came from one cluster of `cluster_chars` chars and
    /// `cluster_bytes` bytes (`...` from `…`, or a letter and its combining mark).
    width: u32,
    cluster_chars: u32,
    cluster_bytes: u32,
}

impl Segment {
    /// The original (chars, bytes) of folded position `at`, which lies in this segment.
    fn origin(&self, at: u32) -> (Range<u32>, Range<u32>) {
        if self.width == 0 {
            (
                self.char..self.char + self.cluster_chars,
                self.byte..self.byte + self.cluster_bytes,
            )
        } else {
            let k = at - self.folded;
            let byte = self.byte + k * self.width;
            (self.char + k..self.char + k + 1, byte..byte + self.width)
        }
    }
}

/// How an index is built: with the characters' readings (without them it answers only
/// queries that do not read as pinyin), and for about how many characters its tables are
/// made at first.
#[derive(Debug, Clone, Copy)]
struct Build<'a> {
    pinyin: bool,
    chars: usize,
    /// The only characters whose positions are kept, sorted, or `None` for every
    /// character's. An index built for one query looks up the positions of that query's
    /// characters only: the others' would be kept for nothing. Sorted because every
    /// distinct character of the text is looked up: a long query costs its logarithm per
    /// character, not its length.
    positions_of: Option<&'a [char]>,
}

/// The most characters an index's tables are made for before any is read: past it they
/// grow as they fill.
const MAX_RESERVED: usize = 1 << 16;

/// Documents prepared for searching.
///
/// All documents are folded into one flat run of characters, each document followed by
/// [`DOC_END`], so that a query is one pass rather than one per document. Per folded character
/// the index keeps one symbol number (the folded character and its pinyin key, see
/// [`pinyin`]); the way back to the original text is kept per run of characters that map back
/// alike ([`Segment`]). And, like a book's index, it keeps where each folded character occurs
/// and where each first letter of a reading occurs, so that a query only visits the places
/// where it can start.
#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    /// The folded text of all documents, each followed by [`DOC_END`], as symbol numbers.
    text: Vec<u32>,
    /// The symbols `text` refers to.
    symbols: Vec<Symbol>,
    /// How folded positions map back to the documents' chars and bytes, by `folded`. (This,
    /// `doc_starts`, the table of positions and the first letters' lists are shared with the
    /// [`Sparse`] matches of a one-character query, which read them long after it ran.)
    segments: Arc<Vec<Segment>>,
    /// The segments of width 0 (one cluster) that hold more than one folded character, by
    /// their index in `segments`: the only places where two matches can be one to the reader.
    clusters: Vec<u32>,
    /// Every folded character's positions in the folded text, one character's after
    /// another, ascending within each: one table rather than a list per character (a letter
    /// has about a thousand distinct characters, and a list is an allocation).
    positions: Arc<Vec<u32>>,
    /// Per folded character, where its positions lie in `positions`.
    by_char: HashMap<char, Range<u32>>,
    /// Per first-letter class (see [`pinyin::INITIAL_CLASSES`]), the positions in the folded
    /// text of the characters a pinyin query starting with that letter can start on, ascending.
    by_initial: Vec<Arc<Vec<u32>>>,
    /// Per document, the folded position of its first character.
    doc_starts: Arc<Vec<u32>>,
    /// The interned readings that the symbols' keys refer to.
    readings: Readings,
}

/// `chars` sorted, each once.
fn sorted_chars(chars: &[char]) -> Vec<char> {
    let mut sorted = chars.to_vec();
    sorted.sort_unstable();
    sorted.dedup();
    sorted
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
        Self::build(
            docs,
            Build {
                pinyin: true,
                chars: 0,
                positions_of: None,
            },
        )
    }

    /// The matches of `query` in `docs`: what [`SearchIndex::find_hits`] gives on
    /// `SearchIndex::new(docs)`, from an index built for this query alone, which does not
    /// look up the characters' readings when the query does not read as pinyin (most of the
    /// cost of building an index over a few short documents).
    ///
    /// # Panics
    /// If the documents together have more than `u32::MAX` characters.
    #[must_use]
    pub fn find_hits_in<I, S>(docs: I, query: &str) -> Vec<Hit>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        match Query::parse(query) {
            Some(parsed) => Self::find_parsed_in(docs, query, &parsed),
            None => Vec::new(),
        }
    }

    /// As [`SearchIndex::find_hits_in`], `query` read already as `parsed` (a shelf reads it
    /// once for all its letters).
    pub(crate) fn find_parsed_in<I, S>(docs: I, query: &str, parsed: &Query) -> Vec<Hit>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let docs: Vec<S> = docs.into_iter().collect();
        // The tables are made as large as the text could need at once, not grown as it comes.
        let bytes: usize = docs.iter().map(|doc| doc.as_ref().len()).sum();
        let literal = sorted_chars(&parsed.literal);
        let build = Build {
            pinyin: parsed.pinyin.is_some(),
            chars: bytes.min(MAX_RESERVED),
            positions_of: Some(&literal),
        };
        let index = Self::build(docs, build);
        index.hits_of(Level::parsed(&index, query, parsed))
    }

    /// Builds the index of `docs` as `how` says.
    fn build<I, S>(docs: I, how: Build) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let (pinyin, chars, positions_of) = (how.pinyin, how.chars, how.positions_of);
        let kept = |ch: char| positions_of.is_none_or(|only| only.binary_search(&ch).is_ok());
        let to_u32 = |at: usize| u32::try_from(at).expect("documents under 4G chars in all");
        let mut text = Vec::with_capacity(chars);
        let mut symbols = vec![Symbol {
            ch: DOC_END,
            key: pinyin::NO_KEY,
        }];
        let mut readings = Readings::default();
        let mut segments = Vec::new();
        // Without readings no character has a first letter: no lists of them to make.
        let classes = if pinyin { pinyin::INITIAL_CLASSES } else { 0 };
        let mut by_initial = vec![Vec::new(); classes];
        let mut doc_starts = Vec::new();
        // Build-time: symbol numbers by (folded, original if it matters), and their masks.
        let mut interned: HashMap<(char, Option<char>), (u32, u32)> =
            HashMap::with_capacity_and_hasher(chars, Default::default());
        for doc in docs {
            let doc = doc.as_ref();
            doc_starts.push(to_u32(text.len()));
            // The original char start of the previous folded character, if in this document.
            let mut last_cluster: Option<usize> = None;
            fold::fold_with_bytes(doc, false, |ch, chars, bytes, source| {
                let at = to_u32(text.len());
                let source_key = source.filter(|&s| !ch.is_ascii() && s != ch);
                let (symbol, mask) = *interned.entry((ch, source_key)).or_insert_with(|| {
                    let (key, mask) = if pinyin {
                        readings.key_of(ch, source)
                    } else {
                        (pinyin::NO_KEY, 0)
                    };
                    symbols.push(Symbol { ch, key });
                    (to_u32(symbols.len() - 1), mask)
                });
                text.push(symbol);
                let same_cluster = last_cluster == Some(chars.start);
                add_origin(&mut segments, at, same_cluster, &chars, &bytes);
                last_cluster = Some(chars.start);
                note_initials(&mut by_initial, mask, at);
            });
            text.push(DOC_END_SYMBOL);
        }
        readings.finish();
        text.shrink_to_fit();
        symbols.shrink_to_fit();
        segments.shrink_to_fit();
        doc_starts.shrink_to_fit();
        let clusters = clusters(&segments, to_u32(text.len()));
        let (positions, by_char) = positions_by_char(&text, &symbols, kept);
        let shared = |mut positions: Vec<u32>| {
            positions.shrink_to_fit();
            Arc::new(positions)
        };
        Self {
            text,
            symbols,
            // Shared as built, not copied into a new allocation.
            segments: Arc::new(segments),
            clusters,
            positions: Arc::new(positions),
            by_char,
            by_initial: by_initial.into_iter().map(shared).collect(),
            doc_starts: Arc::new(doc_starts),
            readings,
        }
    }

    /// Every match of `query` in the documents, sorted by document and start, not overlapping.
    ///
    /// The query is folded like the text. It matches the folded text literally; if it is
    /// ASCII letters (with spaces or `'` between syllables; digits allowed), it also matches
    /// runs of Chinese characters by their readings (see [`pinyin`]). Where matches compete,
    /// the leftmost wins, then the longest. An empty or all-whitespace query matches nothing.
    #[must_use]
    pub fn find(&self, query: &str) -> Vec<Match> {
        let hits = self.find_hits(query).into_iter();
        hits.map(|Hit { doc, chars, .. }| Match { doc, chars })
            .collect()
    }

    /// As [`SearchIndex::find`], with each match's byte range too.
    #[must_use]
    pub fn find_hits(&self, query: &str) -> Vec<Hit> {
        self.hits_of(Level::full(self, query))
    }

    /// The matches of `level`, if there is one.
    fn hits_of(&self, level: Option<Level>) -> Vec<Hit> {
        let mut hits = Vec::new();
        if let Some(level) = level {
            self.report(&level, |hit| hits.push(hit));
        }
        hits
    }

    /// Where the positions of the folded character `ch` lie in [`SearchIndex::positions`].
    fn range_of(&self, ch: char) -> Option<Range<usize>> {
        let range = self.by_char.get(&ch)?;
        Some(range.start as usize..range.end as usize)
    }

    /// The positions of the folded character `ch`, ascending.
    fn positions_of(&self, ch: char) -> &[u32] {
        let range = self.range_of(ch).unwrap_or_default();
        self.positions.get(range).unwrap_or_default()
    }

    /// Where `literal` can start, ascending: the positions of its rarest character, less that
    /// character's offset in `literal`. Empty if some character of it occurs nowhere.
    fn literal_starts(&self, literal: &[char]) -> impl Iterator<Item = u32> {
        let mut rarest: Option<(u32, &[u32])> = None;
        for (offset, ch) in (0u32..).zip(literal) {
            let positions = self.positions_of(*ch);
            if rarest.is_none_or(|(_, rarest)| positions.len() < rarest.len()) {
                rarest = Some((offset, positions));
            }
        }
        let (offset, positions) = rarest.unwrap_or_default();
        positions
            .iter()
            .filter_map(move |&position| position.checked_sub(offset))
    }

    /// The folded character at `at`.
    fn char_at(&self, at: usize) -> Option<char> {
        let &symbol = self.text.get(at)?;
        Some(self.symbols.get(symbol as usize)?.ch)
    }

    /// The pinyin key of the folded character at `at`, and that character.
    fn key_at(&self, at: usize) -> Option<(u32, char)> {
        let &symbol = self.text.get(at)?;
        let symbol = self.symbols.get(symbol as usize)?;
        Some((symbol.key, symbol.ch))
    }

    /// The end of the longest match of `query` starting at folded position `start`, whose
    /// symbol is `first`.
    fn match_end(&self, query: &Query, start: usize, first: u32) -> Option<usize> {
        let first = self.symbols.get(first as usize)?;
        let literal_end = (query.literal.first() == Some(&first.ch)
            && (1..query.literal.len()).all(|i| self.char_at(start + i) == Some(query.literal[i])))
        .then_some(start + query.literal.len());
        let pinyin_end = query.pinyin.as_ref().and_then(|pinyin| {
            self.readings.longest_match_by(
                pinyin,
                |at| {
                    if at == start {
                        Some((first.key, first.ch))
                    } else {
                        self.key_at(at)
                    }
                },
                start,
            )
        });
        literal_end.max(pinyin_end)
    }

    /// Reports `level`'s matches, leftmost-longest and not overlapping, in order, in the
    /// original documents' chars and bytes.
    fn report(&self, level: &Level, mut each: impl FnMut(Hit)) {
        let segments = &self.segments;
        let mut walk = Walk::new(segments, &self.doc_starts);
        let mut pending: Option<Hit> = None;
        let mut end = 0;
        for (i, &start) in level.starts().iter().enumerate() {
            if start < end {
                // Inside the last match: leftmost-longest has already decided.
                continue;
            }
            end = start + level.lens.get(i).copied().unwrap_or(1);
            walk.to(start);
            let Some(first) = segments.get(walk.segment) else {
                continue;
            };
            let last = end - 1;
            let (first_chars, first_bytes) = first.origin(start);
            let (last_chars, last_bytes) = if last < walk.segment_next {
                first.origin(last)
            } else {
                let Some(segment) = segments.get(seek(segments, walk.segment, last, |s| s.folded))
                else {
                    continue;
                };
                segment.origin(last)
            };
            let chars = first_chars.start as usize..last_chars.end as usize;
            let bytes = first_bytes.start as usize..last_bytes.end as usize;
            let doc = walk.doc;
            if let Some(last) = pend(&mut pending, Hit { doc, chars, bytes }) {
                each(last);
            }
        }
        if let Some(last) = pending {
            each(last);
        }
    }

    /// The indices into `starts` (ascending folded positions of one-character matches) of those
    /// that are one match with the one before them, both of one cluster.
    fn absorbed(&self, starts: &[u32]) -> Vec<u32> {
        let mut absorbed = Vec::new();
        for &cluster in &self.clusters {
            let index = cluster as usize;
            let Some(segment) = self.segments.get(index) else {
                continue;
            };
            let next = self.segments.get(index + 1).map_or(u32::MAX, |s| s.folded);
            let from = starts.partition_point(|&s| s < segment.folded);
            let to = from
                + starts
                    .get(from..)
                    .unwrap_or_default()
                    .partition_point(|&s| s < next);
            absorbed.extend((from + 1..to).filter_map(|i| u32::try_from(i).ok()));
        }
        absorbed
    }

    /// As [`SearchIndex::report`], in documents and bytes only, which a level of one-character
    /// matches gives much faster: a first letter can match a million places, and the reader
    /// needs no more than where they are in bytes.
    fn report_bytes(&self, level: &Level, mut each: impl FnMut(usize, Range<usize>)) {
        if !level.lens.is_empty() {
            return self.report(level, |hit| each(hit.doc, hit.bytes));
        }
        // Every match is one folded character, so none hides another; two folded characters
        // of one cluster (`.` twice in the `...` of one `…`) are one match, and a cluster is a
        // segment of width 0 (see `add_origin`), which never spans two documents.
        let mut walk = Walk::new(&self.segments, &self.doc_starts);
        let mut last_cluster = None;
        for &start in level.starts() {
            walk.to(start);
            let (doc, segment) = (walk.doc, walk.segment);
            let Some(origin) = self.segments.get(segment) else {
                continue;
            };
            if origin.width == 0 {
                if last_cluster == Some(segment) {
                    continue;
                }
                last_cluster = Some(segment);
            }
            let (_, bytes) = origin.origin(start);
            each(doc, bytes.start as usize..bytes.end as usize);
        }
    }
}

/// Positions shared with the index rather than copied (a first letter can start at a
/// million places): a range of one of its tables.
#[derive(Debug, Clone, Default)]
struct SharedPositions {
    table: Arc<Vec<u32>>,
    range: Range<usize>,
}

impl SharedPositions {
    /// All of `table`.
    fn whole(table: &Arc<Vec<u32>>) -> Self {
        Self {
            table: Arc::clone(table),
            range: 0..table.len(),
        }
    }
}

impl std::ops::Deref for SharedPositions {
    type Target = [u32];

    fn deref(&self) -> &[u32] {
        self.table.get(self.range.clone()).unwrap_or_default()
    }
}

/// Each folded character's positions in `text` (numbers of `symbols`), those `kept` allows:
/// one table, a character's positions after another's, ascending within each, and where
/// each character's lie. Counted first, then filled: no list per character grows as it goes.
fn positions_by_char(
    text: &[u32],
    symbols: &[Symbol],
    kept: impl Fn(char) -> bool,
) -> (Vec<u32>, HashMap<char, Range<u32>>) {
    const NONE: u32 = u32::MAX;
    // Per symbol, its character's slot: symbols of one character (read with different
    // originals) share one.
    let mut slot_of_char: HashMap<char, u32> = HashMap::default();
    let mut chars = Vec::new();
    let slot_of_symbol: Vec<u32> = symbols
        .iter()
        .zip(0u32..)
        .map(|(symbol, number)| {
            if number == DOC_END_SYMBOL || !kept(symbol.ch) {
                return NONE;
            }
            *slot_of_char.entry(symbol.ch).or_insert_with(|| {
                chars.push(symbol.ch);
                u32::try_from(chars.len() - 1).unwrap_or(NONE)
            })
        })
        .collect();
    drop(slot_of_char);
    let slot_at = |symbol: u32| {
        slot_of_symbol
            .get(symbol as usize)
            .copied()
            .filter(|&slot| slot != NONE)
    };
    let mut counts = vec![0u32; chars.len()];
    for &symbol in text {
        if let Some(count) = slot_at(symbol).and_then(|slot| counts.get_mut(slot as usize)) {
            *count += 1;
        }
    }
    // Where each character's positions begin, then, as they are filled, where they end.
    let mut next = Vec::with_capacity(counts.len());
    let mut total = 0u32;
    for &count in &counts {
        next.push(total);
        total += count;
    }
    let mut positions = vec![0; total as usize];
    for (&symbol, at) in text.iter().zip(0u32..) {
        let Some(end) = slot_at(symbol).and_then(|slot| next.get_mut(slot as usize)) else {
            continue;
        };
        if let Some(place) = positions.get_mut(*end as usize) {
            *place = at;
        }
        *end += 1;
    }
    let by_char = chars
        .into_iter()
        .zip(next.into_iter().zip(counts))
        .map(|(ch, (end, count))| (ch, end - count..end))
        .collect();
    (positions, by_char)
}

/// Notes that the folded character at `at` can start a pinyin match of every first-letter
/// class in `mask`.
fn note_initials(by_initial: &mut [Vec<u32>], mut mask: u32, at: u32) {
    while mask != 0 {
        let class = mask.trailing_zeros() as usize;
        mask &= mask - 1;
        if let Some(positions) = by_initial.get_mut(class) {
            positions.push(at);
        }
    }
}

/// The segments of width 0 (one cluster) that hold more than one folded character, by index
/// (see [`SearchIndex::clusters`]); `end` is where the folded text ends.
fn clusters(segments: &[Segment], end: u32) -> Vec<u32> {
    let nexts = segments.iter().skip(1).map(|s| s.folded).chain([end]);
    (0u32..)
        .zip(segments.iter().zip(nexts))
        .filter(|(_, (segment, next))| segment.width == 0 && *next > segment.folded + 1)
        .map(|(i, _)| i)
        .collect()
}

/// Where ascending folded positions fall: their document and their segment, found by moving
/// forward only, as matches come in order.
struct Walk<'a> {
    segments: &'a [Segment],
    doc_starts: &'a [u32],
    /// The document of the last position, and where the next one starts.
    doc: usize,
    doc_next: u32,
    /// The segment of the last position, and where the next one starts.
    segment: usize,
    segment_next: u32,
}

impl<'a> Walk<'a> {
    fn new(segments: &'a [Segment], doc_starts: &'a [u32]) -> Self {
        Self {
            segments,
            doc_starts,
            doc: 0,
            doc_next: doc_starts.get(1).copied().unwrap_or(u32::MAX),
            segment: 0,
            segment_next: segments.get(1).map_or(u32::MAX, |s| s.folded),
        }
    }

    /// Moves on to folded position `at`, no earlier than the last.
    fn to(&mut self, at: u32) {
        if at >= self.doc_next {
            self.doc = seek(self.doc_starts, self.doc, at, |&s| s);
            self.doc_next = self
                .doc_starts
                .get(self.doc + 1)
                .copied()
                .unwrap_or(u32::MAX);
        }
        if at >= self.segment_next {
            self.segment = seek(self.segments, self.segment, at, |s| s.folded);
            self.segment_next = self
                .segments
                .get(self.segment + 1)
                .map_or(u32::MAX, |s| s.folded);
        }
    }
}

/// Notes that folded position `at` came from the original `chars` and `bytes`;
/// `same_cluster` if the previous folded position came from the same cluster.
fn add_origin(
    segments: &mut Vec<Segment>,
    at: u32,
    same_cluster: bool,
    chars: &Range<usize>,
    bytes: &Range<usize>,
) {
    let to_u32 = |n: usize| u32::try_from(n).expect("documents under 4G bytes in all");
    let (char, byte) = (to_u32(chars.start), to_u32(bytes.start));
    let (cluster_chars, cluster_bytes) = (to_u32(chars.len()), to_u32(bytes.len()));
    let cluster = Segment {
        folded: at,
        char,
        byte,
        width: 0,
        cluster_chars,
        cluster_bytes,
    };
    if same_cluster {
        // A second folded character from one cluster: the previous position must map to
        // the whole cluster as well.
        let Some(last) = segments.last_mut() else {
            return;
        };
        if last.width == 0 {
            return;
        }
        let previous = at - 1;
        if last.folded == previous {
            *last = Segment {
                folded: previous,
                ..cluster
            };
        } else {
            segments.push(Segment {
                folded: previous,
                ..cluster
            });
        }
        return;
    }
    if let Some(last) = segments.last()
        && last.width != 0
        && cluster_chars == 1
        && last.width == cluster_bytes
    {
        let k = at - last.folded;
        if last.char.checked_add(k) == Some(char)
            && k.checked_mul(last.width)
                .and_then(|d| last.byte.checked_add(d))
                == Some(byte)
        {
            return;
        }
    }
    segments.push(if cluster_chars == 1 {
        Segment {
            width: cluster_bytes,
            ..cluster
        }
    } else {
        cluster
    });
}

/// Holds `hit`, the next match in order, back until the one after it is known, and gives the
/// hit it held before, if that one is final: two folded matches can come from one original
/// cluster (`.` twice in the `...` of one `…`); their original ranges then overlap, and they
/// are one match to the reader.
pub(crate) fn pend(pending: &mut Option<Hit>, hit: Hit) -> Option<Hit> {
    if let Some(last) = pending
        && last.doc == hit.doc
        && hit.chars.start < last.chars.end
    {
        last.chars.end = last.chars.end.max(hit.chars.end);
        last.bytes.end = last.bytes.end.max(hit.bytes.end);
        return None;
    }
    pending.replace(hit)
}

/// A query, folded and read as pinyin.
#[derive(Debug, Clone)]
pub(crate) struct Query {
    pub(crate) literal: Vec<char>,
    pub(crate) pinyin: Option<PinyinQuery>,
}

impl Query {
    /// `None` for a query that matches nothing (empty or blank).
    pub(crate) fn parse(query: &str) -> Option<Self> {
        let literal: Vec<char> = fold::fold_str(query).chars().collect();
        if literal.is_empty() {
            return None;
        }
        Some(Self {
            literal,
            pinyin: PinyinQuery::parse(query),
        })
    }
}

/// Where one query matched: every folded position where a match starts, and its longest
/// length there, before leftmost-longest picks the ones that do not overlap. (A start hidden
/// inside an earlier match is kept: a longer query may no longer match there, and then the
/// hidden start is the leftmost.)
#[derive(Debug, Clone)]
struct Level {
    /// The query as given.
    query: String,
    /// The query folded.
    folded: String,
    /// Whether the query reads as pinyin.
    pinyin: bool,
    starts: Starts,
    /// Per start, the length of the longest match there; empty if every length is 1.
    lens: Vec<u32>,
    /// With every length 1: the indices into `starts` of the characters that are one match
    /// with the one before them, being of one cluster (see [`Sparse`]).
    absorbed: Vec<u32>,
}

/// Where a level's matches start: a list of its own, or, for a query of one character, a
/// range of the index's table of positions or one of its first letters' lists, shared rather
/// than copied (a first letter can start at a million places).
#[derive(Debug, Clone)]
enum Starts {
    Own(Vec<u32>),
    /// One of [`SearchIndex::by_initial`]'s lists, or one character's part of
    /// [`SearchIndex::positions`].
    Shared(SharedPositions),
}

impl Level {
    /// The folded positions where this level's matches start, ascending.
    fn starts(&self) -> &[u32] {
        match &self.starts {
            Starts::Own(starts) => starts,
            Starts::Shared(starts) => starts,
        }
    }

    /// Searches for `query` from scratch; `None` if it matches nothing by its nature.
    fn full(index: &SearchIndex, query: &str) -> Option<Self> {
        Self::parsed(index, query, &Query::parse(query)?)
    }

    /// As [`Level::full`], `query` read already as `parsed`.
    fn parsed(index: &SearchIndex, query: &str, parsed: &Query) -> Option<Self> {
        let mut level = Self::empty(query, parsed);
        // Where a pinyin match may start: on its first letter's class (`initial`), or on the
        // character it begins with, typed as itself.
        let (initial, pinyin_starts) = match parsed.pinyin.as_ref().map(PinyinQuery::start) {
            Some(QueryStart::Class(class)) => (
                Some(class),
                index.by_initial.get(class).map_or(&[][..], |p| &p[..]),
            ),
            Some(QueryStart::Itself(ch)) => (None, index.positions_of(ch)),
            None => (None, &[][..]),
        };
        let one_letter = parsed.pinyin.as_ref().is_some_and(|p| p.len() == 1)
            && parsed.literal[0].is_ascii_lowercase();
        if parsed.literal.len() == 1 && (parsed.pinyin.is_none() || one_letter) {
            // One character matches wherever it (or, for a letter, a reading starting with it)
            // occurs, one character long: the positions are the answer.
            let starts = match initial {
                // A lower-case ASCII letter: its own positions are among its initial's.
                Some(class) => index.by_initial.get(class).map(SharedPositions::whole),
                None => (index.range_of(parsed.literal[0])).map(|range| SharedPositions {
                    table: Arc::clone(&index.positions),
                    range,
                }),
            }
            .unwrap_or_default();
            level.absorbed = index.absorbed(&starts);
            level.starts = Starts::Shared(starts);
            // `lens` left empty: every match is one character long.
            return Some(level);
        }
        let candidates = merge(
            index.literal_starts(&parsed.literal),
            pinyin_starts.iter().copied(),
        );
        level.fill(index, parsed, candidates);
        Some(level)
    }

    /// Searches for `query`, an extension of this level's query, among this level's starts.
    fn narrow(&self, index: &SearchIndex, query: &str) -> Option<Self> {
        let parsed = Query::parse(query)?;
        let mut level = Self::empty(query, &parsed);
        level.fill(index, &parsed, self.starts().iter().copied());
        Some(level)
    }

    fn empty(query: &str, parsed: &Query) -> Self {
        Self {
            query: query.to_string(),
            folded: parsed.literal.iter().collect(),
            pinyin: parsed.pinyin.is_some(),
            starts: Starts::Own(Vec::new()),
            lens: Vec::new(),
            absorbed: Vec::new(),
        }
    }

    /// Keeps the `candidates` where `query` matches.
    fn fill(&mut self, index: &SearchIndex, query: &Query, candidates: impl Iterator<Item = u32>) {
        let mut starts = Vec::new();
        for start in candidates {
            let first = index.text.get(start as usize).copied();
            let Some(end) = first.and_then(|first| index.match_end(query, start as usize, first))
            else {
                continue;
            };
            starts.push(start);
            self.lens
                .push(u32::try_from(end - start as usize).unwrap_or(u32::MAX));
        }
        starts.shrink_to_fit();
        self.starts = Starts::Own(starts);
        self.lens.shrink_to_fit();
    }

    /// Whether every match of `query` starts where this level's query matches, so that
    /// `query` need only be tried there.
    fn covers(&self, query: &str) -> bool {
        // The query grew at its end, and folding did not change what was there (a combining
        // mark typed after a letter would), so the literal match grew at its end too. A pinyin
        // match's first letters match a prefix of the run (the last character by a prefix of
        // its reading), but only if this level's query read as pinyin as well (`5` + `g`: the
        // letter makes `5g` pinyin, whose matches start at digits or at nothing literal).
        query.starts_with(&self.query)
            && fold::fold_str(query).starts_with(&self.folded)
            && (self.pinyin || PinyinQuery::parse(query).is_none())
    }
}

/// An incremental search: give it the query on every keystroke, and it tests a query that
/// extends an earlier one only where the earlier one matched. It keeps, per query since the
/// last unrelated one, where that query matched, so that Backspace costs no search at all.
#[derive(Debug, Clone, Default)]
pub struct Searcher {
    index: SearchIndex,
    /// Each level's query extends the one below it.
    levels: Vec<Level>,
}

impl Searcher {
    /// A searcher over `index`, with no query yet.
    #[must_use]
    pub fn new(index: SearchIndex) -> Self {
        Self {
            index,
            levels: Vec::new(),
        }
    }

    /// Forgets the queries seen (keeps the index).
    pub fn reset(&mut self) {
        self.levels = Vec::new();
    }

    /// Calls `each` with every match of `query`, in order: the same matches as
    /// [`SearchIndex::find`] (with byte ranges), found faster when `query` extends or shortens
    /// one given before.
    pub fn search(&mut self, query: &str, each: impl FnMut(Hit)) {
        if self.settle(query)
            && let Some(level) = self.levels.last()
        {
            self.index.report(level, each);
        }
    }

    /// As [`Searcher::search`], each match as its document and its bytes there: the same
    /// matches, found as fast, and given much faster when there are many of one character.
    pub fn search_bytes(&mut self, query: &str, each: impl FnMut(usize, Range<usize>)) {
        if self.settle(query)
            && let Some(level) = self.levels.last()
        {
            self.index.report_bytes(level, each);
        }
    }

    /// The matches of `query` as [`Sparse`], if it is one character (a first letter, say),
    /// whose matches can be too many to list; `None` for any other query, whose matches
    /// [`Searcher::search_bytes`] gives.
    pub fn sparse(&mut self, query: &str) -> Option<Sparse> {
        if !self.settle(query) {
            return None;
        }
        let level = self.levels.last()?;
        let Starts::Shared(starts) = &level.starts else {
            return None;
        };
        level.lens.is_empty().then(|| Sparse {
            starts: starts.clone(),
            segments: Arc::clone(&self.index.segments),
            doc_starts: Arc::clone(&self.index.doc_starts),
            absorbed: level.absorbed.clone(),
        })
    }

    /// Puts `query`'s level on top, found from the levels below it where it can be; false if
    /// `query` matches nothing by its nature (blank).
    fn settle(&mut self, query: &str) -> bool {
        while let Some(top) = self.levels.last() {
            if top.query == query {
                return true;
            }
            if top.covers(query) {
                break;
            }
            self.levels.pop();
        }
        let level = match self.levels.last() {
            Some(top) => top.narrow(&self.index, query),
            None => Level::full(&self.index, query),
        };
        level.map(|level| self.levels.push(level)).is_some()
    }

    /// The matches of `query`, as [`SearchIndex::find`] gives them.
    pub fn find(&mut self, query: &str) -> Vec<Match> {
        let mut matches = Vec::new();
        self.search(query, |Hit { doc, chars, .. }| {
            matches.push(Match { doc, chars })
        });
        matches
    }
}

/// The matches of a query of one character, kept as where they start rather than listed: a
/// first letter can match a million places, and a reader needs their count, the ones in view
/// and the one next to the current, each found when asked in a few binary searches.
///
/// The same matches as [`SearchIndex::find_hits`] gives, in the same order (a test holds it).
/// It shares the index's tables rather than copying them, and keeps them alive while it lives
/// (the reader keeps its index alive anyway).
#[derive(Debug, Clone)]
pub struct Sparse {
    /// Where the matching characters are in the folded text, ascending.
    starts: SharedPositions,
    segments: Arc<Vec<Segment>>,
    doc_starts: Arc<Vec<u32>>,
    /// Indices into `starts` of the characters that are one match with the one before them
    /// (of one cluster), ascending.
    absorbed: Vec<u32>,
}

impl Sparse {
    /// How many matches.
    #[must_use]
    pub fn len(&self) -> usize {
        self.starts.len() - self.absorbed.len()
    }

    /// Whether there is none.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Match `i`: its document and its bytes there.
    #[must_use]
    pub fn get(&self, i: usize) -> Option<(usize, Range<usize>)> {
        if i >= self.len() {
            return None;
        }
        // `absorbed[t] - t` (the matches before the t-th absorbed character) ascends: those
        // with at most `i` lie before match `i`'s character.
        let (mut low, mut high) = (0, self.absorbed.len());
        while low < high {
            let mid = low + (high - low) / 2;
            if (self.absorbed[mid] as usize) - mid <= i {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        let start = *self.starts.get(i + low)?;
        let doc = self
            .doc_starts
            .partition_point(|&s| s <= start)
            .checked_sub(1)?;
        let segment = self
            .segments
            .partition_point(|s| s.folded <= start)
            .checked_sub(1)?;
        let (_, bytes) = self.segments.get(segment)?.origin(start);
        Some((doc, bytes.start as usize..bytes.end as usize))
    }

    /// How many matches lie in the documents before `doc`: the index of the first match in
    /// `doc` or after it.
    #[must_use]
    pub fn before_doc(&self, doc: usize) -> usize {
        let at = self.doc_starts.get(doc).copied().unwrap_or(u32::MAX);
        let j = self.starts.partition_point(|&s| s < at);
        j - self.absorbed.partition_point(|&a| (a as usize) < j)
    }

    /// Calls `each` with every document that holds a match, once, in order.
    pub fn each_doc(&self, mut each: impl FnMut(usize)) {
        let doc_starts = &self.doc_starts;
        let next_of = |i: usize| doc_starts.get(i + 1).copied().unwrap_or(u32::MAX);
        let mut doc = None;
        let mut doc_next = 0;
        for &start in self.starts.iter() {
            if start >= doc_next || doc.is_none() {
                let found = seek(doc_starts, doc.unwrap_or(0), start, |&s| s);
                doc = Some(found);
                doc_next = next_of(found);
                each(found);
            }
        }
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

/// The index of the last element of ascending `items` whose key is at most `at`, searching
/// forward from `from`, whose key is at most `at` too: matches come in order, so this gallops
/// forward, in a few steps when the next match is near and in a few more when it is far.
fn seek<T>(items: &[T], from: usize, at: u32, key: impl Fn(&T) -> u32) -> usize {
    let mut low = from;
    let mut step = 1;
    let high = loop {
        let probe = low + step;
        match items.get(probe) {
            Some(item) if key(item) <= at => {
                low = probe;
                step *= 2;
            }
            _ => break probe.min(items.len()),
        }
    };
    low + items
        .get(low + 1..high)
        .unwrap_or_default()
        .partition_point(|item| key(item) <= at)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const LETTER: &str = include_str!("../content/source/zhongshan-kjj-2021-142.txt");

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
    fn each_character_s_positions_are_all_its_places_ascending_and_no_document_end() {
        // 中 山 中 ⟂ 山 Ａ(→a) ⟂: folded positions 0 1 2 (3) 4 5 (6).
        let index = SearchIndex::new(["中山中", "山Ａ"]);
        assert_eq!(index.positions_of('中'), [0, 2]);
        assert_eq!(index.positions_of('山'), [1, 4]);
        assert_eq!(index.positions_of('a'), [5], "by its folded form");
        assert!(index.positions_of('Ａ').is_empty() && index.positions_of(DOC_END).is_empty());
        let total: usize = index
            .by_char
            .keys()
            .map(|&ch| index.positions_of(ch).len())
            .sum();
        assert_eq!(
            total,
            index.positions.len(),
            "every position belongs to one character"
        );
    }

    #[test]
    fn one_character_read_from_two_originals_keeps_its_places_in_order() {
        // 优 folded from 優 and 优 as written: two symbols, one character, one list in order.
        let docs = ["優优優", "优"];
        let index = SearchIndex::new(docs);
        assert_eq!(index.positions_of('优'), [0, 1, 2, 4]);
        assert_eq!(texts(&docs, "优"), ["優", "优", "優", "优"]);
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

    /// Hits in bytes cover the same text as in chars.
    fn check_bytes(docs: &[String], hits: &[Hit]) {
        for hit in hits {
            let doc = &docs[hit.doc];
            assert_eq!(
                doc.get(hit.bytes.clone()),
                Some(substring(doc, hit.chars.clone()).as_str()),
                "{hit:?} in {doc:?}"
            );
        }
    }

    #[test]
    fn a_searcher_narrows_and_pops_like_fresh_finds() {
        let paragraphs: Vec<String> = LETTER
            .lines()
            .filter(|line| !line.trim().is_empty())
            .map(String::from)
            .collect();
        let index = SearchIndex::new(&paragraphs);
        let mut searcher = Searcher::new(index.clone());
        let mut steps: Vec<String> = Vec::new();
        for query in ["rengongzhineng", "人工智能", "zhong shan", "2021年", "…等"] {
            let chars: Vec<char> = query.chars().collect();
            for n in (1..=chars.len()).chain((0..chars.len()).rev()) {
                steps.push(chars[..n].iter().collect());
            }
        }
        steps.extend(
            [
                "人x工", "人工", "z", "zs", "5", "5g", "e", "e\u{301}", ".", "…",
            ]
            .map(String::from),
        );
        for query in &steps {
            let mut hits = Vec::new();
            searcher.search(query, |hit| hits.push(hit));
            let fresh = index.find(query);
            let chars: Vec<Match> = hits
                .iter()
                .map(|hit| Match {
                    doc: hit.doc,
                    chars: hit.chars.clone(),
                })
                .collect();
            assert_eq!(chars, fresh, "{query}");
            assert_eq!(hits, index.find_hits(query), "{query}");
            let mut bytes = Vec::new();
            searcher.search_bytes(query, |doc, range| bytes.push((doc, range)));
            let want: Vec<_> = hits
                .iter()
                .map(|hit| (hit.doc, hit.bytes.clone()))
                .collect();
            assert_eq!(bytes, want, "{query}");
            check_sparse(&mut searcher, query, &want);
            check_bytes(&paragraphs, &hits);
        }
    }

    /// A one-character query's [`Sparse`] matches are `want`, and finds them by document.
    fn check_sparse(searcher: &mut Searcher, query: &str, want: &[(usize, Range<usize>)]) {
        let Some(sparse) = searcher.sparse(query) else {
            return;
        };
        assert_eq!(sparse.len(), want.len(), "{query:?}");
        let got: Vec<_> = (0..sparse.len()).filter_map(|i| sparse.get(i)).collect();
        assert_eq!(got, want, "{query:?}");
        assert_eq!(sparse.get(want.len()), None);
        let mut docs = Vec::new();
        sparse.each_doc(|doc| docs.push(doc));
        let mut want_docs: Vec<usize> = want.iter().map(|(doc, _)| *doc).collect();
        want_docs.dedup();
        assert_eq!(docs, want_docs, "{query:?}");
        for doc in 0..=want_docs.last().map_or(0, |d| d + 1) {
            let before = want.iter().filter(|(d, _)| *d < doc).count();
            assert_eq!(sparse.before_doc(doc), before, "{query:?} before {doc}");
        }
    }

    /// Random edits of a query: type a character from the alphabet, or delete the last one.
    fn edits(alphabet: &'static [char]) -> impl Strategy<Value = Vec<Option<char>>> {
        prop::collection::vec(
            prop::option::weighted(0.75, prop::sample::select(alphabet)),
            1..20,
        )
    }

    proptest! {
        #[test]
        fn a_searcher_agrees_with_find_while_typing(
            docs in prop::collection::vec(
                prop::collection::vec(prop::sample::select(MIXED), 0..30)
                    .prop_map(|chars| chars.into_iter().collect::<String>()),
                1..4,
            ),
            steps in edits(MIXED),
        ) {
            let index = SearchIndex::new(&docs);
            let mut searcher = Searcher::new(index.clone());
            let mut query = String::new();
            for step in steps {
                match step {
                    Some(ch) => query.push(ch),
                    None => {
                        query.pop();
                    }
                }
                let mut hits = Vec::new();
                searcher.search(&query, |hit| hits.push(hit));
                prop_assert_eq!(&hits, &index.find_hits(&query), "{:?} in {:?}", query, docs);
                let mut bytes = Vec::new();
                searcher.search_bytes(&query, |doc, range| bytes.push((doc, range)));
                let want: Vec<_> = hits.iter().map(|hit| (hit.doc, hit.bytes.clone())).collect();
                check_sparse(&mut searcher, &query, &want);
                prop_assert_eq!(bytes, want, "{:?} in {:?}", query, docs);
                prop_assert_eq!(searcher.find(&query), index.find(&query));
                prop_assert_eq!(SearchIndex::find_hits_in(&docs, &query), hits.clone());
                check_bytes(&docs, &hits);
            }
        }
    }
}
