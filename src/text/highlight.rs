//! Splitting a wrapped line into plain and highlighted pieces, and converting a position
//! counted in `char`s (as a prompt's caret is) into the byte offset that slicing works in.

use std::ops::Range;

/// Splits `line` (a byte range of some text, e.g. from [`crate::text::wrap`] or
/// [`crate::text::visible`]) into pieces for styling.
///
/// `highlights` are byte ranges over the whole text, sorted by start and not overlapping
/// (search hits). The result covers `line` exactly, in order, with no empty piece: each piece
/// is `(range, None)` for plain text or `(range, Some(k))` for the part of `highlights[k]`
/// that falls on this line. A highlight spanning several lines yields one piece on each. If
/// highlights do overlap, a later one loses the part an earlier one already covered.
///
/// Highlight bounds should lie on grapheme boundaries, or a styled piece may end inside a
/// cluster and draw oddly.
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
    }
}
