//! Folding: the one normal form that both a document and a query are compared in.
//!
//! A reader types what their keyboard gives them: half-width brackets for `（一）`, ASCII digits
//! for `１２`, simplified characters for a traditional `優勢`, lower case for `VDE`, and spaces
//! wherever they like. Folding maps all of these to one form, and remembers for every folded
//! character which original characters produced it, so that a match found in the folded text
//! can be shown on the original.
//!
//! The rules, applied per grapheme cluster:
//! 1. NFKC. Per cluster rather than per character, so that a base letter and its combining mark
//!    compose as they would in the whole string, and the offset map can point at the cluster.
//! 2. Traditional → simplified, one character at a time by the table in [`super::t2s`]. Per
//!    character (not by word context) so that a query folds the same way whatever surrounds it
//!    in the text; a character table is enough for finding.
//! 3. Lower case ([`char::to_lowercase`]).
//! 4. Whitespace is dropped, so `100家` finds `100 家` and `德国VDE` finds `德国 VDE`.

use std::ops::Range;
use std::sync::OnceLock;

use unicode_normalization::UnicodeNormalization;
use unicode_segmentation::UnicodeSegmentation;

/// A text after folding, with the way back to the original.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Folded {
    /// The folded characters, whitespace removed.
    pub chars: Vec<char>,
    /// For each folded character, the original characters (char indices, not bytes) it came
    /// from: the whole grapheme cluster, so that `...` folded from `…` points at the `…`.
    pub origins: Vec<Range<usize>>,
}

impl Folded {
    /// The original characters that produced the folded characters `folded`, covering every
    /// cluster they came from whole; `None` for an empty or out-of-bounds range.
    #[must_use]
    pub fn original_range(&self, folded: Range<usize>) -> Option<Range<usize>> {
        if folded.is_empty() {
            return None;
        }
        let first = self.origins.get(folded.start)?;
        let last = self.origins.get(folded.end - 1)?;
        Some(first.start..last.end)
    }
}

/// Folds `text`, keeping the map from folded characters back to original ones.
#[must_use]
pub fn fold(text: &str) -> Folded {
    let mut folded = Folded::default();
    fold_with(text, false, |ch, origin, _| {
        folded.chars.push(ch);
        folded.origins.push(origin);
    });
    folded
}

/// Folds `text` into a string, for when the way back is not needed (a query, a test).
#[must_use]
pub fn fold_str(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_with(text, false, |ch, _, _| out.push(ch));
    out
}

/// The folding loop behind [`fold`] and the search index: calls `emit` with every folded
/// character, the original char range of the cluster it came from, and the original character
/// itself when the cluster is a single character (the index looks up that character's pinyin
/// as well as the folded one's, because simplifying can lose a reading: 乾 qian → 干 gan).
///
/// With `keep_whitespace`, whitespace is emitted too: the pinyin query parser reads a space as
/// a syllable boundary.
pub(crate) fn fold_with(
    text: &str,
    keep_whitespace: bool,
    mut emit: impl FnMut(char, Range<usize>, Option<char>),
) {
    fold_with_bytes(text, keep_whitespace, |ch, chars, _, source| {
        emit(ch, chars, source);
    });
}

/// As [`fold_with`], also giving `emit` the cluster's original byte range (after its char
/// range), so that the index can map a match to bytes without walking the text.
///
/// Segmenting into grapheme clusters is most of the cost of folding a Chinese text, and most
/// of its characters need none: a character of the [`plain`] kind between two others (or the
/// text's ends) is a cluster of its own, whatever the rules, and is folded as one at once.
/// Only the stretches around other characters are segmented, and each such stretch begins and
/// ends between two plain characters, where every rule breaks, so it is segmented as it would
/// be in the whole text.
pub(crate) fn fold_with_bytes(
    text: &str,
    keep_whitespace: bool,
    mut emit: impl FnMut(char, Range<usize>, Range<usize>, Option<char>),
) {
    let mut start = 0;
    let mut fold = |cluster: &str, byte: usize| {
        start = fold_cluster(cluster, byte, start, keep_whitespace, &mut emit);
    };
    for piece in pieces(text) {
        match piece {
            Piece::Stretch(range) => fold_segmented(text, range, &mut fold),
            Piece::Plain(byte, ch) => fold(
                text.get(byte..byte + ch.len_utf8()).unwrap_or_default(),
                byte,
            ),
        }
    }
}

/// Gives `fold` each grapheme cluster of the stretch `bytes` of `text`, with its first byte.
fn fold_segmented(text: &str, bytes: Range<usize>, fold: &mut impl FnMut(&str, usize)) {
    let from = bytes.start;
    for (at, cluster) in text.get(bytes).unwrap_or_default().grapheme_indices(true) {
        fold(cluster, from + at);
    }
}

/// Folds one grapheme `cluster` that starts at byte `byte` and character `start` of the text;
/// returns the character where the next cluster starts.
fn fold_cluster(
    cluster: &str,
    byte: usize,
    start: usize,
    keep_whitespace: bool,
    emit: &mut impl FnMut(char, Range<usize>, Range<usize>, Option<char>),
) -> usize {
    let bytes = byte..byte + cluster.len();
    let mut chars = cluster.chars();
    let first = chars.next();
    let single = first.filter(|_| chars.next().is_none());
    let end = start
        + if single.is_some() {
            1
        } else {
            cluster.chars().count()
        };
    match single {
        Some(ch) => fold_one(ch, keep_whitespace, |lower| {
            emit(lower, start..end, bytes.clone(), single);
        }),
        None => {
            for lower in fold_by_the_rules(cluster) {
                if keep_whitespace || !lower.is_whitespace() {
                    emit(lower, start..end, bytes.clone(), single);
                }
            }
        }
    }
    end
}

/// Folds a cluster of the one character `ch`.
fn fold_one(ch: char, keep_whitespace: bool, mut emit: impl FnMut(char)) {
    if let Some(folded) = fold_simple(ch, keep_whitespace) {
        if let Some(lower) = folded {
            emit(lower);
        }
        return;
    }
    let kept = |lower: &char| keep_whitespace || !lower.is_whitespace();
    match folded_punctuation(ch) {
        Some(folded) => folded.iter().copied().filter(kept).for_each(emit),
        None => {
            let mut one = [0; 4];
            let folded = fold_by_the_rules(ch.encode_utf8(&mut one));
            folded.filter(kept).for_each(emit);
        }
    }
}

/// The fold of `ch` when it folds to one character: `Some(Some(lower))`, or `Some(None)`
/// when that is whitespace and `keep_whitespace` is not asked; `None` for the rarer
/// characters, which [`fold_one`] folds by the rules. Most of a Chinese letter folds here,
/// once per character of every letter read: inlined where it is called.
#[inline(always)]
fn fold_simple(ch: char, keep_whitespace: bool) -> Option<Option<char>> {
    let (lower, space) = if is_unified_ideograph(ch) {
        // A lone ideograph has no decomposition and no case: the table is all that folds
        // it.
        (super::t2s::simplified(ch), false)
    } else if ch.is_ascii() {
        // ASCII is its own NFKC and never traditional: no normaliser, which is most of the
        // cost of folding Latin text.
        (ch.to_ascii_lowercase(), ch.is_ascii_whitespace())
    } else if let Some(&[lower]) = folded_punctuation(ch) {
        // The punctuation of a Chinese text, folded once by the rules and looked up.
        (lower, lower.is_whitespace())
    } else {
        return None;
    };
    Some((keep_whitespace || !space).then_some(lower))
}

/// The characters of `text` folded as [`fold_with`] folds them (whitespace dropped), each
/// with, when its cluster is one character, that character: all the sieve needs, without
/// the cost of keeping where each came from. A character of the [`plain`] kind between two
/// others is folded at once; the stretches around the others, as [`fold_with`] folds them.
pub(crate) fn fold_each(text: &str) -> FoldEach<'_> {
    FoldEach {
        text,
        pieces: pieces(text),
        rarer: Vec::new(),
        given: 0,
    }
}

/// The walk of [`fold_each`]: the loop of a cold shelf's every letter, once per character.
/// What folds to one character ([`fold_simple`]) is folded where the caller's loop is; the
/// rarer pieces out of line, into a few characters kept to be given next.
pub(crate) struct FoldEach<'a> {
    text: &'a str,
    pieces: Pieces<'a>,
    /// What the last rarer piece folded to, and how many of them were given.
    rarer: Vec<(char, Option<char>)>,
    given: usize,
}

impl Iterator for FoldEach<'_> {
    type Item = (char, Option<char>);

    #[inline(always)]
    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(&folded) = self.rarer.get(self.given) {
                self.given += 1;
                return Some(folded);
            }
            match self.pieces.next()? {
                Piece::Plain(_, ch) if let Some(folded) = fold_simple(ch, false) => {
                    if let Some(lower) = folded {
                        return Some((lower, Some(ch)));
                    }
                }
                piece => self.fold_rarer(piece),
            }
        }
    }
}

impl FoldEach<'_> {
    /// Folds a piece that [`fold_simple`] does not into [`FoldEach::rarer`].
    #[inline(never)]
    fn fold_rarer(&mut self, piece: Piece) {
        self.rarer.clear();
        self.given = 0;
        let rarer = &mut self.rarer;
        match piece {
            Piece::Plain(_, ch) => fold_one(ch, false, |lower| rarer.push((lower, Some(ch)))),
            Piece::Stretch(range) => {
                let part = self.text.get(range).unwrap_or_default();
                fold_with(part, false, |lower, _, source| rarer.push((lower, source)));
            }
        }
    }
}

/// A piece of a text as folding takes it: a [`plain`] character between two others (or the
/// text's ends), which is a cluster of its own whatever the rules, at its byte; or a stretch
/// around other characters, which must be segmented, beginning and ending between two plain
/// characters, where every rule breaks.
enum Piece {
    Plain(usize, char),
    Stretch(Range<usize>),
}

/// The pieces of `text` in order (see [`Piece`]), from one walk over it.
fn pieces(text: &str) -> Pieces<'_> {
    let mut chars = text.char_indices();
    Pieces {
        text,
        next: chars.next().map(classed),
        chars,
        previous_plain: true,
        held: None,
    }
}

/// A character, at its byte, and whether it is [`plain`].
#[inline(always)]
fn classed((byte, ch): (usize, char)) -> (usize, char, bool) {
    (byte, ch, plain(ch))
}

/// The walk of [`pieces`]. Each character is classed once, as it comes next, and kept for
/// its turn.
struct Pieces<'a> {
    text: &'a str,
    chars: std::str::CharIndices<'a>,
    /// The character to take next.
    next: Option<(usize, char, bool)>,
    /// Whether the character taken last was plain (the text's start counts as plain).
    previous_plain: bool,
    /// A plain character found alone just after a stretch: the piece after that stretch.
    held: Option<(usize, char)>,
}

impl Iterator for Pieces<'_> {
    type Item = Piece;

    #[inline(always)]
    fn next(&mut self) -> Option<Piece> {
        if let Some((byte, ch)) = self.held.take() {
            return Some(Piece::Plain(byte, ch));
        }
        // Where the stretch being gathered began, if one is open.
        let mut stretch: Option<usize> = None;
        while let Some((byte, ch, this_plain)) = self.next {
            self.next = self.chars.next().map(classed);
            let alone =
                this_plain && self.previous_plain && self.next.is_none_or(|(_, _, plain)| plain);
            self.previous_plain = this_plain;
            if !alone {
                stretch.get_or_insert(byte);
                continue;
            }
            if let Some(from) = stretch {
                self.held = Some((byte, ch));
                return Some(Piece::Stretch(from..byte));
            }
            return Some(Piece::Plain(byte, ch));
        }
        stretch.map(|from| Piece::Stretch(from..self.text.len()))
    }
}

/// Rules 1–3 of the module's: NFKC, traditional → simplified, lower case.
fn fold_by_the_rules(cluster: &str) -> impl Iterator<Item = char> + '_ {
    cluster
        .nfkc()
        .flat_map(|normal| super::t2s::simplified(normal).to_lowercase())
}

/// The punctuation blocks of a Chinese text: general punctuation, CJK symbols and
/// punctuation, and the full-width forms.
const PUNCTUATION: [(u32, u32); 3] = [(0x2010, 0x205E), (0x3000, 0x303F), (0xFF01, 0xFF60)];

/// How `ch` folds, when it is in [`PUNCTUATION`]: computed once for each by
/// [`fold_by_the_rules`], which is the cost of folding a Chinese text's every tenth character.
fn folded_punctuation(ch: char) -> Option<&'static [char]> {
    static TABLE: OnceLock<Vec<Vec<char>>> = OnceLock::new();
    let code = u32::from(ch);
    let mut index = 0;
    let mut found = None;
    for (first, last) in PUNCTUATION {
        if (first..=last).contains(&code) {
            found = Some(index + (code - first) as usize);
            break;
        }
        index += (last - first + 1) as usize;
    }
    let table = TABLE.get_or_init(|| {
        (PUNCTUATION.iter())
            .flat_map(|&(first, last)| first..=last)
            .map(|code| {
                char::from_u32(code).map_or_else(Vec::new, |c| {
                    fold_by_the_rules(c.encode_utf8(&mut [0; 4])).collect()
                })
            })
            .collect()
    });
    found.and_then(|i| table.get(i)).map(Vec::as_slice)
}

/// Whether `ch` is of a kind that no rule of grapheme clustering (UAX #29) joins to a
/// neighbour: printable ASCII, the CJK ideographs, the CJK symbols and punctuation but their
/// tone marks, the full-width forms, and the general punctuation but its format characters.
/// Each has the cluster break property Other. (Tested against the segmenter: see the tests.)
#[inline]
fn plain(ch: char) -> bool {
    // The ideographs first, on their own: most of a Chinese text, told by one comparison.
    is_unified_ideograph(ch)
        || matches!(ch,
            ' '..='~'
            | '\u{3000}'..='\u{3029}'
            | '\u{3030}'..='\u{303F}'
            | '\u{FF01}'..='\u{FF60}'
            | '\u{2010}'..='\u{2027}'
            | '\u{2030}'..='\u{205E}'
        )
}

/// Whether `ch` is a CJK unified ideograph (the basic block or extension A): a character
/// with no decomposition, that no decomposition, composition or case mapping produces.
pub(crate) fn is_unified_ideograph(ch: char) -> bool {
    matches!(ch, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every character of the plain kind is a cluster of its own between two others of that
    /// kind (or at the text's ends), and the segmenter breaks between any two of them: what
    /// the fast way of `fold_with_bytes` relies on.
    #[test]
    fn plain_characters_stand_alone_between_plain_neighbours() {
        let neighbours = [
            None,
            Some('a'),
            Some(' '),
            Some('优'),
            Some('（'),
            Some('〇'),
            Some('“'),
        ];
        for c in (0..=0xFFFF)
            .filter_map(char::from_u32)
            .filter(|&c| plain(c))
        {
            for before in neighbours {
                for after in neighbours {
                    let text: String = before.into_iter().chain([c]).chain(after).collect();
                    let at = before.map_or(0, char::len_utf8);
                    let clusters: Vec<(usize, &str)> = text.grapheme_indices(true).collect();
                    assert!(
                        clusters
                            .iter()
                            .any(|&(b, g)| b == at && g.chars().count() == 1),
                        "U+{:04X}: {clusters:?}",
                        u32::from(c),
                    );
                }
            }
        }
    }

    #[test]
    fn punctuation_folds_as_the_rules_fold_it() {
        for (first, last) in PUNCTUATION {
            for c in (first..=last).filter_map(char::from_u32) {
                let by_rules: Vec<char> = fold_by_the_rules(c.encode_utf8(&mut [0; 4])).collect();
                assert_eq!(
                    folded_punctuation(c),
                    Some(&by_rules[..]),
                    "U+{:04X}",
                    u32::from(c)
                );
            }
        }
        assert_eq!(fold_str("（一）…　“优势”"), "(一)...\u{201c}优势\u{201d}");
        assert_eq!(folded_punctuation('a'), None);
    }

    /// What folding emits for one character: it, its cluster's characters and bytes, and the
    /// character itself when the cluster is one.
    type Emitted = (char, Range<usize>, Range<usize>, Option<char>);

    /// The old way: every cluster from the segmenter.
    fn folded_by_segmenting(text: &str) -> Vec<Emitted> {
        let mut out = Vec::new();
        let mut start = 0;
        for (byte, cluster) in text.grapheme_indices(true) {
            start = fold_cluster(cluster, byte, start, true, &mut |c, r, b, s| {
                out.push((c, r, b, s));
            });
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn folding_is_the_same_as_segmenting_every_cluster(
            pieces in proptest::collection::vec(proptest::sample::select(vec![
                "优势", "優勢", "a", "VDE", " ", "（一）", "１２", "…", "“", "e\u{301}", "\u{301}",
                "\r\n", "\r", "\n", "\u{200D}", "\u{1F468}\u{200D}\u{1F469}", "\u{1F1E8}\u{1F1F3}",
                "\u{1F1E8}", "\u{600}1", "\u{1100}\u{1161}", "\u{AC00}\u{11A8}", "\u{FE0F}", "〇",
                "\u{302A}", "ｶﾞ", "\u{200B}", "\t",
            ]), 0..24)
        ) {
            let text: String = pieces.concat();
            let mut fast = Vec::new();
            fold_with_bytes(&text, true, |c, r, b, s| fast.push((c, r, b, s)));
            proptest::prop_assert_eq!(&fast, &folded_by_segmenting(&text));
            // Without its ranges, and without whitespace, the same characters.
            let each: Vec<(char, Option<char>)> = fold_each(&text).collect();
            let kept: Vec<(char, Option<char>)> = fast
                .iter()
                .filter(|e| !e.0.is_whitespace())
                .map(|e| (e.0, e.3))
                .collect();
            proptest::prop_assert_eq!(each, kept);
        }
    }

    #[test]
    fn full_width_brackets_fold_to_ascii() {
        // The letter writes both `（一）` and `(一)` for its numbered points.
        assert_eq!(fold_str("（一）加强"), "(一)加强");
        assert_eq!(fold_str("(一) 加强"), "(一)加强");
    }

    #[test]
    fn full_width_digits_and_latin_fold_to_ascii() {
        assert_eq!(fold_str("１２"), "12");
        assert_eq!(fold_str("德国 ＶＤＥ"), "德国vde");
    }

    #[test]
    fn ideographs_fold_as_normalisation_would_fold_them() {
        // The lone-ideograph shortcut gives what the general way gives.
        for ch in ('\u{3400}'..='\u{4DBF}').chain('\u{4E00}'..='\u{9FFF}') {
            let general: String = ch
                .to_string()
                .nfkc()
                .map(super::super::t2s::simplified)
                .flat_map(char::to_lowercase)
                .collect();
            assert_eq!(fold_str(&ch.to_string()), general, "{ch}");
        }
    }

    #[test]
    fn traditional_folds_to_simplified() {
        // The letter has 「传统产业的優勢」 in traditional characters.
        assert_eq!(fold_str("優勢"), "优势");
        assert_eq!(fold_str("优势"), "优势");
        assert_eq!(fold_str("後來"), "后来");
    }

    #[test]
    fn latin_case_folds() {
        assert_eq!(fold_str("TCL 空调器"), "tcl空调器");
        assert_eq!(fold_str("5G"), "5g");
    }

    #[test]
    fn whitespace_is_dropped() {
        assert_eq!(fold_str("超过 100 家"), "超过100家");
        // Ideographic space and no-break space are whitespace too once NFKC has seen them.
        assert_eq!(
            fold_str("重振虎威\u{3000}加快\u{a0}高质量"),
            "重振虎威加快高质量"
        );
        assert_eq!(fold_str(" \t\n "), "");
    }

    #[test]
    fn origins_point_at_original_chars() {
        let folded = fold("（一）加强");
        assert_eq!(folded.original_range(0..3), Some(0..3));
        let folded = fold("超过 100 家");
        // `100家` is folded chars 2..6; the original's `100 家` is chars 3..8.
        assert_eq!(folded.original_range(2..6), Some(3..8));
    }

    #[test]
    fn an_expansion_maps_back_to_the_whole_original_char() {
        // NFKC turns one `…` into three dots; any of them points at the `…`.
        let folded = fold("等…等");
        assert_eq!(folded.chars.iter().collect::<String>(), "等...等");
        assert_eq!(folded.original_range(1..4), Some(1..2));
        assert_eq!(folded.original_range(2..3), Some(1..2));
        assert_eq!(folded.original_range(3..5), Some(1..3));
    }

    #[test]
    fn a_combining_sequence_folds_as_one_cluster() {
        // `e` + combining acute composes to `é` and both chars map to the cluster.
        let folded = fold("cafe\u{301}!");
        assert_eq!(folded.chars, vec!['c', 'a', 'f', 'é', '!']);
        assert_eq!(folded.original_range(3..4), Some(3..5));
        assert_eq!(
            fold_str("CAFÉ"),
            folded.chars[..4].iter().collect::<String>()
        );
    }
}
