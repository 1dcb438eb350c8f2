//! Splitting a wrapped line into plain and highlighted pieces, and converting the positions
//! that search reports (in `char`s) into the byte ranges that wrapping works in.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

/// Splits `line` (a byte range of some text, e.g. from [`crate::text::wrap`] or
/// [`crate::text::visible`]) into pieces for styling.
///
/// `highlights` are byte ranges over the whole text, sorted by start and not overlapping
/// (search hits). The result covers `line` exactly, in order, with no empty piece: each piece
/// is `(range, None)` for plain text or `(range, Some(k))` for the part of `highlights[k]`
/// that falls on this line. A highlight spanning several lines yields one piece on each. If
/// highlights do overlap, a later one loses the part an earlier one already covered.
///
/// Highlight bounds should lie on grapheme boundaries ([`snap_to_graphemes`]), or a styled
/// piece may end inside a cluster and draw oddly.
#[must_use]
pub fn segments(
    line: Range<usize>,
    highlights: &[Range<usize>],
) -> Vec<(Range<usize>, Option<usize>)> {
    let mut pieces = Vec::new();
    let mut pos = line.start;
    // Sorted and disjoint, so the ends are sorted too: skip the ones before the line.
    let first = highlights.partition_point(|h| h.end <= line.start);
    for (k, h) in highlights.iter().enumerate().skip(first) {
        if h.start >= line.end {
            break;
        }
        let from = h.start.max(pos);
        let to = h.end.min(line.end);
        if from >= to {
            continue;
        }
        if pos < from {
            pieces.push((pos..from, None));
        }
        pieces.push((from..to, Some(k)));
        pos = to;
    }
    if pos < line.end {
        pieces.push((pos..line.end, None));
    }
    pieces
}

/// The byte offset in `s` of the `char` with index `char_idx`; `s.len()` if there are not that
/// many characters. Search reports hits in `char`s; wrapping and slicing work in bytes.
#[must_use]
pub fn char_to_byte(s: &str, char_idx: usize) -> usize {
    s.char_indices().nth(char_idx).map_or(s.len(), |(i, _)| i)
}

/// The `char` index of byte offset `byte_idx` in `s`: how many characters start before it.
/// For an offset inside a character that counts the character; past the end it is the number
/// of characters.
#[must_use]
pub fn byte_to_char(s: &str, byte_idx: usize) -> usize {
    s.char_indices().take_while(|&(i, _)| i < byte_idx).count()
}

/// [`char_to_byte`] for both ends of a range of `char` indices.
#[must_use]
pub fn char_range_to_bytes(s: &str, chars: Range<usize>) -> Range<usize> {
    char_to_byte(s, chars.start)..char_to_byte(s, chars.end)
}

/// Widens the byte range `r` outwards to the nearest grapheme boundaries of `s`, so that a hit
/// on a base character also covers its combining marks (and never half a cluster). Bounds past
/// the end are clamped to `s.len()`.
#[must_use]
pub fn snap_to_graphemes(s: &str, r: Range<usize>) -> Range<usize> {
    let boundaries = || {
        s.grapheme_indices(true)
            .map(|(i, _)| i)
            .chain(std::iter::once(s.len()))
    };
    let want_start = r.start.min(s.len());
    let want_end = r.end.min(s.len()).max(want_start);
    let start = boundaries()
        .take_while(|&b| b <= want_start)
        .last()
        .unwrap_or(0);
    let end = boundaries().find(|&b| b >= want_end).unwrap_or(s.len());
    start..end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_line_is_one_piece() {
        assert_eq!(segments(3..9, &[]), [(3..9, None)]);
        assert_eq!(segments(3..9, &[0..3, 9..12]), [(3..9, None)]);
        assert!(segments(5..5, &[0..4, 4..10]).is_empty());
    }

    #[test]
    fn highlights_split_the_line() {
        assert_eq!(
            segments(10..30, &[0..2, 12..15, 15..18, 25..40]),
            [
                (10..12, None),
                (12..15, Some(1)),
                (15..18, Some(2)),
                (18..25, None),
                (25..30, Some(3)),
            ]
        );
    }

    #[test]
    fn a_highlight_across_lines_appears_on_each() {
        let hl = [5..25, 40..41];
        assert_eq!(segments(0..10, &hl), [(0..5, None), (5..10, Some(0))]);
        assert_eq!(segments(10..20, &hl), [(10..20, Some(0))]);
        assert_eq!(segments(20..30, &hl), [(20..25, Some(0)), (25..30, None)]);
    }

    #[test]
    fn empty_and_overlapping_highlights_are_tolerated() {
        assert_eq!(segments(0..10, &[3..3, 12..13]), [(0..10, None)]);
        assert_eq!(
            segments(0..10, &[2..6, 4..8]),
            [
                (0..2, None),
                (2..6, Some(0)),
                (6..8, Some(1)),
                (8..10, None)
            ]
        );
    }

    #[test]
    fn char_and_byte_offsets_in_chinese() {
        let s = "资金近1.8亿元。";
        // 资金近 are 3 bytes each, then ASCII 1.8.
        assert_eq!(char_to_byte(s, 0), 0);
        assert_eq!(char_to_byte(s, 3), 9);
        assert_eq!(char_to_byte(s, 6), 12);
        assert_eq!(char_to_byte(s, 100), s.len());
        assert_eq!(byte_to_char(s, 9), 3);
        assert_eq!(byte_to_char(s, 10), 4);
        assert_eq!(byte_to_char(s, 1), 1);
        assert_eq!(byte_to_char(s, s.len()), s.chars().count());
        // 1.8亿 is chars 3..7.
        let r = char_range_to_bytes(s, 3..7);
        assert_eq!(s.get(r), Some("1.8亿"));
    }

    #[test]
    fn snapping_covers_whole_clusters() {
        let s = "ae\u{301}b";
        // 'e' alone (bytes 1..2) widens to include its combining acute accent.
        assert_eq!(snap_to_graphemes(s, 1..2), 1..4);
        assert_eq!(snap_to_graphemes(s, 2..3), 1..4);
        assert_eq!(snap_to_graphemes(s, 0..1), 0..1);
        assert_eq!(snap_to_graphemes(s, 4..5), 4..5);
        assert_eq!(snap_to_graphemes(s, 5..5), 5..5);
        assert_eq!(snap_to_graphemes(s, 3..99), 1..5);
        assert_eq!(snap_to_graphemes("", 0..0), 0..0);
    }
}
