//! Properties of `dafu::text` over random mixes of Chinese, Latin, digits, Chinese
//! punctuation, ambiguous-width characters, spaces and newlines, at random widths in both
//! ambiguous-width modes.

use dafu::text::{
    AmbiguousWidth, ELLIPSIS, is_bidi_control, sanitize, sanitize_line, str_width, truncate,
    visible, wrap,
};
use proptest::prelude::*;
use proptest::sample::select;
use unicode_linebreak::{BreakOpportunity, linebreaks};
use unicode_segmentation::UnicodeSegmentation;

/// The part of `s` at `range`, a range `dafu::text` made of `s`.
fn slice(s: &str, range: std::ops::Range<usize>) -> &str {
    s.get(range)
        .expect("a range of this text, on its characters")
}

/// Han characters from the letter.
const HAN: &str = "近年来我市累计投入科技资金亿元加强顶层设计放管服改革中山函号创新发展未来一二三";
/// Punctuation that must not start a line (the brief's list).
const CLOSING: &str = "，。、；：？！）》」』”’…";
/// Punctuation that must not end a line (the brief's list).
const OPENING: &str = "（《「『“‘";

/// Each character of `s` as its own string, for `select`.
fn chars_of(s: &str) -> Vec<String> {
    s.chars().map(String::from).collect()
}

/// The given clusters as owned strings, for `select`.
fn chars_of_clusters(clusters: &[&str]) -> Vec<String> {
    clusters.iter().map(|&c| c.to_owned()).collect()
}

/// One piece of text: a character or a short run.
fn token() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => select(chars_of(HAN)),
        2 => "[a-zA-Z]{1,12}",
        1 => "[0-9]{1,4}",
        1 => Just("1.8".to_owned()),
        3 => select(chars_of(CLOSING)),
        2 => select(chars_of(OPENING)),
        2 => select(vec!["“".to_owned(), "”".to_owned(), "—".to_owned(), "…".to_owned(),
                         "·".to_owned(), "①".to_owned(), "——".to_owned(), "……".to_owned()]),
        2 => Just(" ".to_owned()),
        1 => Just("\n".to_owned()),
        // Clusters of several code points, and characters with odd widths or classes.
        1 => select(chars_of_clusters(&[
            "e\u{301}", "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}", "\u{1F1E8}\u{1F1F3}",
            "\u{200B}", "\u{3000}", "\r\n", "\u{00A0}", "-",
            // Hangul conjoining jamo, which join with their neighbours into clusters of two,
            // four or more columns; an emoji made of a text symbol; halfwidth katakana with
            // its sound mark; a Devanagari conjunct.
            "\u{1100}\u{1161}\u{11A8}", "\u{1100}\u{1100}\u{1161}", "\u{1100}", "\u{1161}",
            "\u{11A8}", "\u{2764}\u{FE0F}", "\u{FF76}\u{FF9E}", "\u{0915}\u{094D}\u{0937}",
        ])),
    ]
}

/// A random text of up to 80 pieces.
fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(token(), 0..80).prop_map(|pieces| pieces.concat())
}

/// Either ambiguous-width mode.
fn mode() -> impl Strategy<Value = AmbiguousWidth> {
    prop_oneof![Just(AmbiguousWidth::Narrow), Just(AmbiguousWidth::Wide)]
}

/// The byte offsets where a grapheme starts, plus the end of the text.
fn grapheme_boundaries(s: &str) -> Vec<usize> {
    s.grapheme_indices(true)
        .map(|(i, _)| i)
        .chain([s.len()])
        .collect()
}

/// The positions where UAX #14 allows (not forces) a break, on grapheme boundaries, and where
/// breaking would neither start a line with a `CLOSING` mark nor end one (ignoring trailing
/// spaces) with an `OPENING` mark. An independent statement of "a legal break".
fn legal_breaks(s: &str) -> Vec<usize> {
    let boundaries = grapheme_boundaries(s);
    linebreaks(s)
        .filter(|&(p, op)| op == BreakOpportunity::Allowed && boundaries.binary_search(&p).is_ok())
        .map(|(p, _)| p)
        .filter(|&p| {
            let next = s.get(p..).and_then(|t| t.chars().next());
            let prev = s
                .get(..p)
                .and_then(|t| t.trim_end_matches(' ').chars().next_back());
            !next.is_some_and(|c| CLOSING.contains(c)) && !prev.is_some_and(|c| OPENING.contains(c))
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// (a) No line's visible part is wider than the width, unless it is one grapheme that is
    /// wider by itself. (b) The lines are contiguous, non-empty, on grapheme boundaries, and
    /// give back the text.
    #[test]
    fn lines_fit_and_rebuild_the_text(s in text(), width in 1usize..80, mode in mode()) {
        let lines = wrap(&s, width, mode);
        let boundaries = grapheme_boundaries(&s);
        let mut rebuilt = String::new();
        let mut expected_start = 0;
        for line in &lines {
            prop_assert_eq!(line.start, expected_start);
            prop_assert!(line.start < line.end, "empty line {:?}", line);
            prop_assert!(boundaries.binary_search(&line.end).is_ok(), "{:?} splits a grapheme", line);
            let shown = slice(&s, visible(&s, line.clone()));
            let shown_width = str_width(shown, mode);
            prop_assert!(
                shown_width <= width || shown.graphemes(true).count() == 1,
                "line {:?} is {} wide at width {}", shown, shown_width, width
            );
            rebuilt.push_str(slice(&s, line.clone()));
            expected_start = line.end;
        }
        prop_assert_eq!(expected_start, s.len());
        prop_assert_eq!(rebuilt, s);
    }

    /// (c) Where a line starts with a `CLOSING` mark, or visibly ends with an `OPENING` mark,
    /// and the line before it did not end at a `\n`, then the line that was cut had no
    /// [`legal_breaks`] position strictly inside it: the cut was a fallback, not a choice.
    /// (Any position inside a line that fits also fits, so "would have fit" holds for all.)
    #[test]
    fn no_avoidable_punctuation_at_line_edges(s in text(), width in 1usize..80, mode in mode()) {
        let lines = wrap(&s, width, mode);
        let legal = legal_breaks(&s);
        for pair in lines.windows(2) {
            let (cut, next) = (&pair[0], &pair[1]);
            let cut_text = slice(&s, cut.clone());
            if cut_text.ends_with('\n') {
                continue;
            }
            let starts_closing = slice(&s, next.clone()).chars().next().is_some_and(|c| CLOSING.contains(c));
            let ends_opening = slice(&s, visible(&s, cut.clone()))
                .chars()
                .next_back()
                .is_some_and(|c| OPENING.contains(c));
            if starts_closing || ends_opening {
                let inside: Vec<_> = legal.iter().filter(|&&p| cut.start < p && p < cut.end).collect();
                prop_assert!(
                    inside.is_empty(),
                    "{:?} | {:?}: legal breaks at {:?} were not used",
                    cut_text, slice(&s, next.clone()), inside
                );
            }
        }
    }

    /// Every grapheme measures, in narrow mode, the columns ratatui gives it when it draws
    /// (`Buffer::set_stringn` measures with `CellWidth`), or 0 if ratatui does not draw it; so
    /// a wrapped line drawn by ratatui takes exactly the width the wrapping counted.
    #[test]
    fn graphemes_measure_what_ratatui_draws(s in text()) {
        use ratatui::buffer::CellWidth;
        for g in s.graphemes(true) {
            let drawn = if g.contains(char::is_control) { 0 } else { usize::from(g.cell_width()) };
            prop_assert_eq!(
                dafu::text::grapheme_width(g, AmbiguousWidth::Narrow), drawn, "{:?}", g
            );
        }
    }

    /// Width 0 cuts at `\n` only.
    #[test]
    fn width_zero_keeps_lines_whole(s in text(), mode in mode()) {
        let lines: Vec<&str> = wrap(&s, 0, mode).into_iter().map(|r| slice(&s, r)).collect();
        let expected: Vec<&str> = s.split_inclusive('\n').collect();
        prop_assert_eq!(lines, expected);
    }

    /// (e) A truncated text fits and is a prefix of the text, possibly followed by `…`; a
    /// text that fits is returned unchanged.
    #[test]
    fn truncate_fits_and_is_a_prefix(s in text(), max in 0usize..80, mode in mode()) {
        let line = sanitize_line(&s);
        let out = truncate(&line, max, mode);
        prop_assert!(str_width(&out, mode) <= max, "{:?} is wider than {}", out, max);
        let body = out.strip_suffix(ELLIPSIS).unwrap_or(&out);
        prop_assert!(line.starts_with(body), "{:?} is not a prefix of {:?}", body, line);
        if str_width(&line, mode) <= max {
            prop_assert_eq!(&*out, &*line);
        } else if max > 0 {
            prop_assert!(out.len() < line.len() || out.ends_with(ELLIPSIS));
        }
    }

    /// (f) After `sanitize` nothing is a control character but `\n`, there are no bidi
    /// controls, and sanitising again changes nothing; after `sanitize_line` there is no `\n`
    /// either.
    #[test]
    fn sanitized_text_is_inert(
        pieces in prop::collection::vec(
            prop_oneof![
                3 => any::<String>(),
                1 => select(chars_of("\x1b\x07\r\n\t\x00\x7f\u{85}\u{9b}\u{202e}\u{2066}\u{200f}\u{061c}\u{feff}\u{2028}\u{2029}")),
                1 => text(),
            ],
            0..8,
        )
    ) {
        let s = pieces.concat();
        let clean = sanitize(&s);
        for c in clean.chars() {
            prop_assert!(c == '\n' || !c.is_control(), "{:?} survived", c);
            prop_assert!(!is_bidi_control(c), "{:?} survived", c);
        }
        prop_assert_eq!(&*sanitize(&clean), &*clean);
        let line = sanitize_line(&s);
        for c in line.chars() {
            prop_assert!(!c.is_control() && !is_bidi_control(c), "{:?} survived", c);
        }
    }
}
