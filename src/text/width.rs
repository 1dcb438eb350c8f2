//! Display widths, measured one way everywhere.
//!
//! Wrapping, truncation, column layout and cursor placement must agree on how wide a piece of
//! text is, or rows drift. Everything in the crate measures through [`grapheme_width`] and
//! [`str_width`], with the terminal's treatment of East Asian *Ambiguous* characters
//! (`“ ” — … · ①`, box drawing) given explicitly as an [`AmbiguousWidth`].

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// How the terminal draws East Asian *Ambiguous* characters such as `“ ” — … · ①` and the
/// box-drawing lines: one column (most Western setups, and what ratatui assumes) or two (a CJK
/// setting in iTerm2, VTE, mintty, Windows Terminal). It can be probed at start-up by printing
/// one such character and asking for the cursor position.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum AmbiguousWidth {
    /// Ambiguous characters take one column (UAX #11's advice outside East Asian contexts).
    #[default]
    Narrow,
    /// Ambiguous characters take two columns.
    Wide,
}

/// The width of one `char` in columns under `mode`; control characters count 0 (they are
/// never drawn: [`crate::text::sanitize()`] turns them into visible symbols first).
#[must_use]
pub fn char_width(c: char, mode: AmbiguousWidth) -> usize {
    match mode {
        AmbiguousWidth::Narrow => c.width(),
        AmbiguousWidth::Wide => c.width_cjk(),
    }
    .unwrap_or(0)
}

/// The width of one extended grapheme cluster `g` in columns under `mode`: the columns that
/// ratatui gives it in its buffer, and that a terminal's cursor moves over when it prints it.
///
/// ratatui (`Buffer::set_stringn`, and the diff that sends cells to the terminal) measures
/// each grapheme with `unicode-width`'s `UnicodeWidthStr::width`, which adds up the widths of
/// the cluster's characters as a terminal's `wcwidth` does, plus one column for each halfwidth
/// katakana sound mark (U+FF9E, U+FF9F), which terminals draw as a character of its own. A
/// cluster measured narrower than that would overrun what follows it on screen: a cluster of
/// Hangul conjoining jamo such as `\u{1100}\u{1100}\u{1161}` (two leading consonants and a
/// vowel, one cluster) is four columns to ratatui and to the terminal, though it starts with
/// one two-column character. So every cluster is measured the same way, here, for wrapping,
/// truncation and drawing alike: `e\u{301}` is 1, `中` is 2, a cluster of zero-width
/// characters only is 0, and so is anything holding a control character (ratatui does not
/// draw those; [`crate::text::sanitize()`] turns them into visible symbols first). In
/// [`AmbiguousWidth::Wide`] mode the characters are measured as a CJK terminal draws them.
#[must_use]
pub fn grapheme_width(g: &str, mode: AmbiguousWidth) -> usize {
    if g.contains(char::is_control) {
        return 0;
    }
    let sound_marks = g
        .chars()
        .filter(|c| matches!(c, '\u{FF9E}' | '\u{FF9F}'))
        .count();
    match mode {
        // One byte is one ASCII character, one column: ratatui's fast path.
        AmbiguousWidth::Narrow if g.len() == 1 => 1,
        AmbiguousWidth::Narrow => g.width() + sound_marks,
        AmbiguousWidth::Wide => g.width_cjk() + sound_marks,
    }
}

/// The width of `s` in columns under `mode`: the sum of its graphemes' [`grapheme_width`]s.
/// A `\n` counts 0, so measure one line at a time.
#[must_use]
pub fn str_width(s: &str, mode: AmbiguousWidth) -> usize {
    s.graphemes(true).map(|g| grapheme_width(g, mode)).sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use AmbiguousWidth::{Narrow, Wide};

    /// Whether `c`'s width depends on the mode (East Asian *Ambiguous*).
    fn is_ambiguous(c: char) -> bool {
        c.width() != c.width_cjk()
    }

    #[test]
    fn han_and_fullwidth_punctuation_are_two_in_both_modes() {
        for g in [
            "中", "，", "。", "（", "）", "《", "》", "、", "：", "〔", "〕", "　",
        ] {
            assert_eq!(grapheme_width(g, Narrow), 2, "{g}");
            assert_eq!(grapheme_width(g, Wide), 2, "{g}");
        }
    }

    #[test]
    fn ambiguous_characters_depend_on_mode() {
        for c in ['“', '”', '‘', '’', '—', '…', '·', '①', '─', '│', '┌'] {
            assert!(is_ambiguous(c), "{c}");
            let g = c.to_string();
            assert_eq!(grapheme_width(&g, Narrow), 1, "{c}");
            assert_eq!(grapheme_width(&g, Wide), 2, "{c}");
        }
        for c in ['中', 'a', '1', '，', ' ', '\n', '▸', '▾'] {
            assert!(!is_ambiguous(c), "{c:?}");
        }
    }

    #[test]
    fn quoted_phrase_widths() {
        // “放管服”改革: 5 Han characters and two quotation marks.
        assert_eq!(str_width("“放管服”改革", Narrow), 12);
        assert_eq!(str_width("“放管服”改革", Wide), 14);
        assert_eq!(str_width("资金近1.8亿元。", Narrow), 15);
        assert_eq!(str_width("资金近1.8亿元。", Wide), 15);
        assert_eq!(str_width("……——", Narrow), 4);
        assert_eq!(str_width("……——", Wide), 8);
    }

    #[test]
    fn cluster_width_is_what_the_terminal_advances() {
        assert_eq!(grapheme_width("e\u{301}", Narrow), 1);
        assert_eq!(grapheme_width("\u{1F468}\u{200D}\u{1F469}", Narrow), 2);
        assert_eq!(grapheme_width("\u{200B}", Narrow), 0);
        assert_eq!(grapheme_width("\r\n", Narrow), 0);
        assert_eq!(grapheme_width("\n", Narrow), 0);
        assert_eq!(grapheme_width("", Wide), 0);
        // Hangul conjoining jamo: a syllable (leading consonant, vowel, trailing consonant) is
        // one cluster of two columns; two leading consonants before the vowel are one cluster
        // of four, as each of them is drawn two columns wide.
        assert_eq!(grapheme_width("\u{1100}\u{1161}\u{11A8}", Narrow), 2);
        assert_eq!(grapheme_width("\u{1100}\u{1100}\u{1161}", Narrow), 4);
        assert_eq!(grapheme_width("\u{1100}\u{1100}\u{1161}", Wide), 4);
        assert_eq!(str_width("\u{1100}\u{1100}\u{1100}\u{1161}中", Narrow), 8);
        // A regional-indicator pair and a text symbol made an emoji: two columns.
        assert_eq!(grapheme_width("\u{1F1E6}\u{1F1E7}", Narrow), 2);
        assert_eq!(grapheme_width("\u{2764}\u{FE0F}", Narrow), 2);
    }

    #[test]
    fn control_pictures_from_sanitize_are_narrow() {
        // sanitize() writes these; a wide one would need checking in layouts.
        for c in ['␛', '␀', '␇', '␡', '\u{FFFD}'] {
            assert_eq!(char_width(c, Narrow), 1, "{c}");
        }
    }
}
