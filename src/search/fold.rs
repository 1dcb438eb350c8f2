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
pub(crate) fn fold_with_bytes(
    text: &str,
    keep_whitespace: bool,
    mut emit: impl FnMut(char, Range<usize>, Range<usize>, Option<char>),
) {
    let mut start = 0;
    for (byte, cluster) in text.grapheme_indices(true) {
        let bytes = byte..byte + cluster.len();
        let mut chars = cluster.chars();
        let first = chars.next();
        let single = first.filter(|_| chars.next().is_none());
        let end = start + cluster.chars().count();
        match single {
            // ASCII is its own NFKC and never traditional: skip the normaliser, which is most
            // of the cost of folding Latin text.
            Some(ch) if ch.is_ascii() => {
                if keep_whitespace || !ch.is_ascii_whitespace() {
                    emit(ch.to_ascii_lowercase(), start..end, bytes, single);
                }
            }
            // Nor does a lone ideograph need it, having no decomposition and no case: the
            // table is all that folds it. Most of a Chinese letter takes this way.
            Some(ch) if is_unified_ideograph(ch) => {
                emit(super::t2s::simplified(ch), start..end, bytes, single);
            }
            _ => {
                for normal in cluster.nfkc() {
                    for lower in super::t2s::simplified(normal).to_lowercase() {
                        if keep_whitespace || !lower.is_whitespace() {
                            emit(lower, start..end, bytes.clone(), single);
                        }
                    }
                }
            }
        }
        start = end;
    }
}

/// Whether `ch` is a CJK unified ideograph (the basic block or extension A): a character
/// with no decomposition, that no decomposition, composition or case mapping produces.
pub(crate) fn is_unified_ideograph(ch: char) -> bool {
    matches!(ch, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}')
}

#[cfg(test)]
mod tests {
    use super::*;

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
