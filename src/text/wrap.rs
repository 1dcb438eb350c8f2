//! Line breaking for Chinese (and mixed) text by display width.
//!
//! ratatui's `Paragraph::wrap` breaks only at whitespace, so a run of Chinese is one long
//! "word" cut wherever it overflows, and a line may start with `，`. Here the break
//! opportunities come from UAX #14 (crate `unicode-linebreak`), whose classes already give
//! the basic 避头尾 rules: no break before `，。、）》」』` (CL), `！？` (EX), `：；` (NS),
//! `……` (IN) or after `（《「『` (OP); `——` (B2 B2) stays whole; `“ ”` (QU) glue to what they
//! quote (a quoted phrase may still break inside: `“放|管|服”`);
//! `1.8` (NU IS NU), `50%` (NU PO) and `$5` stay whole, though `1.8|亿元` may break.
//!
//! Two tailorings. A break is allowed before `“` and after `”` where Chinese stands on the
//! other side (`的|“云税贷”|和`), as Unicode 15.1's LB19a allows and the crate's older rules
//! do not. UAX #14 still allows a break between a space and `：；“”…` (its rule LB18 comes
//! first); those opportunities are removed, so that closing punctuation never starts a line
//! and opening punctuation never ends one while a legal break was available. Lines are
//! filled greedily, breaking at the last opportunity that fits.

use std::ops::Range;

use unicode_linebreak::{BreakClass, BreakOpportunity, break_property, linebreaks};
use unicode_segmentation::UnicodeSegmentation;

use super::width::{AmbiguousWidth, grapheme_width, str_width};

/// One grapheme of the text being wrapped.
#[derive(Debug, Clone, Copy)]
struct Grapheme {
    /// Byte offset of its first byte.
    start: usize,
    /// Its display width.
    width: usize,
    /// Whether it may hang past the right edge: see [`is_trimmable`].
    trimmable: bool,
    /// The UAX #14 class of its first character, for the 避头尾 checks.
    class: BreakClass,
    /// Its first character, for the 避头尾 checks.
    first: char,
}

/// Whether `g` is a line terminator that UAX #14 breaks after unconditionally.
fn is_line_terminator(g: &str) -> bool {
    g.starts_with([
        '\n', '\r', '\u{0B}', '\u{0C}', '\u{85}', '\u{2028}', '\u{2029}',
    ])
}

/// Whether the grapheme `g` does not count towards a line's width when it comes last on the
/// line: a plain space (UAX #14 puts the break *after* a run of spaces, so they end the line
/// they follow, where nobody needs to see them) or a line terminator. The ideographic space
/// U+3000 is not trimmable: it is visible indentation in Chinese text.
fn is_trimmable(g: &str) -> bool {
    g == " " || is_line_terminator(g)
}

/// The range of `line` (a range into `s` from [`wrap`]) without its trailing spaces and line
/// terminator: the part to draw. Its width is what [`wrap`] keeps within the line width.
#[must_use]
pub fn visible(s: &str, line: Range<usize>) -> Range<usize> {
    let mut end = line.end;
    let text = s.get(line.clone()).unwrap_or_default();
    for (i, g) in text.grapheme_indices(true).rev() {
        if !is_trimmable(g) {
            break;
        }
        end = line.start + i;
    }
    line.start..end
}

/// Whether a line may not start with the grapheme whose first character is `c` of class
/// `class`: closing brackets and quotation marks, `，。、！？：；`, `…` and the like.
fn no_line_start(c: char, class: BreakClass) -> bool {
    matches!(
        class,
        BreakClass::ClosePunctuation
            | BreakClass::CloseParenthesis
            | BreakClass::Exclamation
            | BreakClass::InfixSeparator
            | BreakClass::NonStarter
            | BreakClass::Inseparable
            | BreakClass::ConditionalJapaneseStarter
    ) || matches!(c, '”' | '’' | '»' | '›' | '〞' | '〟')
}

/// Whether a line may not end with the grapheme whose first character is `c` of class
/// `class`: opening brackets and opening quotation marks.
fn no_line_end(c: char, class: BreakClass) -> bool {
    class == BreakClass::OpenPunctuation || matches!(c, '“' | '‘' | '«' | '‹' | '〝')
}

/// Removes the allowed break opportunities that would start a line with closing punctuation or
/// end one with opening punctuation.
///
/// UAX #14 forbids these already, except after spaces: its rule LB18 (break after spaces)
/// comes before the rules for `：；` (NS), `“ ”` (QU) and `…` (IN), so `见 ：` or `“ 放管服`
/// could break between the space and the mark. Chinese text does not put spaces there often,
/// but the letter's tables and quoted English do, and the 避头尾 rule should hold regardless.
fn forbid_breaks_around_punctuation(
    graphemes: &[Grapheme],
    opportunity: &mut [Option<BreakOpportunity>],
) {
    // The last grapheme before the current position that is not a trailing space: what the
    // line would visibly end with if it were cut here.
    let mut last_visible: Option<&Grapheme> = None;
    for (g, op) in graphemes.iter().zip(opportunity.iter_mut()) {
        match op {
            Some(BreakOpportunity::Mandatory) => last_visible = None,
            Some(BreakOpportunity::Allowed)
                if no_line_start(g.first, g.class)
                    || last_visible.is_some_and(|v| no_line_end(v.first, v.class)) =>
            {
                *op = None;
            }
            Some(BreakOpportunity::Allowed) | None => {}
        }
        if !g.trimmable {
            last_visible = Some(g);
        }
    }
}

/// True between a number and the Chinese unit or measure word after it (`100|家`,
/// `1.8|亿元`, `2020|年`) and inside a compound unit (`万|元`, `亿|元`): UAX #14 allows these
/// breaks, but a figure cut from its unit reads badly, and the letter is full of figures.
/// Only a preference: such a break is taken when no other allowed break fits the line, so
/// it never costs a punctuation rule.
fn splits_number_from_unit(before: char, after: char) -> bool {
    let ideograph = |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c);
    (before.is_ascii_digit() && ideograph(after))
        || (matches!(before, '万' | '亿' | '千' | '百') && after == '元')
}

/// How far back the fallback breaker looks for a grapheme boundary that keeps closing
/// punctuation off the start of the next line. A run of closers longer than this (`”）。》`
/// is four) is rare, and giving up costs only looks, never correctness.
const FALLBACK_LOOKBACK: usize = 4;

/// Chooses where to cut when no UAX #14 opportunity fits: the boundary before grapheme `at`
/// (the first that overflows), or up to [`FALLBACK_LOOKBACK`] graphemes earlier if that keeps
/// closing punctuation and spaces off the next line's start, opening punctuation off this
/// line's end, and `——` and `……` whole; failing that, one that at least keeps spaces off the
/// start and the marks whole. Returns an index in `start + 1..=at`, so the line is never
/// empty.
fn fallback_break(graphemes: &[Grapheme], start: usize, at: usize) -> usize {
    let lowest = (start + 1).max(at.saturating_sub(FALLBACK_LOOKBACK));
    let candidates = || (lowest..=at).rev();
    // `——` (B2 B2) and `……` (IN IN) are one mark each; splitting one is worse than starting
    // a line with it, and starting a line with a space is worse than either.
    let splits_pair = |b: usize| {
        let (before, after) = (&graphemes[b - 1], &graphemes[b]);
        before.class == after.class
            && matches!(
                before.class,
                BreakClass::BeforeAndAfter | BreakClass::Inseparable
            )
    };
    let acceptable = |b: usize| !graphemes[b].trimmable && !splits_pair(b);
    let good = |b: usize| {
        let (before, after) = (&graphemes[b - 1], &graphemes[b]);
        acceptable(b)
            && !no_line_start(after.first, after.class)
            && !no_line_end(before.first, before.class)
    };
    candidates()
        .find(|&b| good(b))
        .or_else(|| candidates().find(|&b| acceptable(b)))
        .unwrap_or(at)
}

/// Breaks `s` into lines no wider than `width` columns under `mode`.
///
/// Returns the byte range of each line in `s`. The ranges are contiguous and in order:
/// concatenating them gives back `s` exactly. Each starts and ends on a grapheme boundary.
/// An empty `s` gives no lines; otherwise no range is empty.
///
/// - A line ends at a mandatory break (`\n` and the other UAX #14 line terminators); the
///   terminator belongs to the line it ends, so `"a\nb"` is `["a\n", "b"]` and `"a\n"` is one
///   line, as with [`str::lines`].
/// - Otherwise a line ends at the last UAX #14 break opportunity at which it fits, never
///   before closing punctuation (`，。、；：？！）》」』”’…`) nor after opening punctuation
///   (`（《「『“‘`), and never inside `——` or `……`. Spaces
///   before the break stay at the end of the line they follow and do not count towards its
///   width; draw the [`visible`] part.
/// - When no opportunity fits (a Latin word longer than the line, a quoted phrase glued by
///   `“ ”`, a width smaller than one character) the line is cut between graphemes instead,
///   moving the cut back a little if that keeps `，。）` and the like off the next line's start.
/// - A grapheme wider than `width` goes on a line by itself (with any trailing spaces and
///   terminator), so that even width 1 with Chinese text makes progress.
/// - `width == 0` means "no room to lay out": lines are cut at mandatory breaks only.
///
/// So for every line, the width of its [`visible`] part is at most `width`, unless that part
/// is a single grapheme wider than `width`.
#[must_use]
pub fn wrap(s: &str, width: usize, mode: AmbiguousWidth) -> Vec<Range<usize>> {
    if s.is_empty() {
        return Vec::new();
    }
    let graphemes = graphemes_of(s, mode);
    let opportunity = break_opportunities(s, &graphemes);
    let discouraged = discouraged_breaks(&graphemes);
    fill(&graphemes, &opportunity, &discouraged, width)
        .into_iter()
        .map(|lines| {
            let byte_at = |i: usize| graphemes.get(i).map_or(s.len(), |g| g.start);
            byte_at(lines.start)..byte_at(lines.end)
        })
        .collect()
}

/// `text` broken into rows `width` columns wide, the first after `lead` (a mark, an indent)
/// and each further row indented as far, so that the text reads as one block beside its lead:
/// a sentence too long for a row goes on under its own start rather than being cut. Each row
/// is its [`visible`] part; an empty `text` gives the lead alone.
#[must_use]
pub fn hanging(lead: &str, text: &str, width: usize, mode: AmbiguousWidth) -> Vec<String> {
    let indent = str_width(lead, mode);
    let rows = wrap(text, width.saturating_sub(indent).max(1), mode);
    if rows.is_empty() {
        return vec![lead.to_string()];
    }
    rows.into_iter()
        .enumerate()
        .map(|(i, row)| {
            let part = text.get(visible(text, row)).unwrap_or_default();
            if i == 0 {
                format!("{lead}{part}")
            } else {
                format!("{}{part}", " ".repeat(indent))
            }
        })
        .collect()
}

/// The graphemes of `s`, measured under `mode`.
fn graphemes_of(s: &str, mode: AmbiguousWidth) -> Vec<Grapheme> {
    s.grapheme_indices(true)
        .map(|(start, g)| {
            let first = g.chars().next().unwrap_or(' ');
            Grapheme {
                start,
                width: grapheme_width(g, mode),
                trimmable: is_trimmable(g),
                class: break_property(u32::from(first)),
                first,
            }
        })
        .collect()
}

/// The break opportunity before each grapheme of `s` (index `graphemes.len()`: the end of
/// the text), less those that punctuation forbids.
///
/// UAX #14 works on code points; an opportunity inside a grapheme cluster (possible only in
/// odd sequences) is dropped, so that no line splits a cluster. Mandatory breaks follow line
/// terminators, which are always cluster boundaries.
fn break_opportunities(s: &str, graphemes: &[Grapheme]) -> Vec<Option<BreakOpportunity>> {
    let n = graphemes.len();
    let byte_at = |i: usize| graphemes.get(i).map_or(s.len(), |g| g.start);
    let mut opportunity: Vec<Option<BreakOpportunity>> = vec![None; n + 1];
    let mut gi = 0;
    for (pos, op) in linebreaks(s) {
        while gi < n && graphemes[gi].start < pos {
            gi += 1;
        }
        if byte_at(gi) == pos {
            opportunity[gi] = Some(op);
        }
    }
    allow_breaks_outside_chinese_quotes(graphemes, &mut opportunity);
    forbid_breaks_around_punctuation(graphemes, &mut opportunity);
    opportunity
}

/// Allows a break before an opening quotation mark and after a closing one where Chinese
/// stands on the other side (`的|“云税贷”|和`), as Chinese is set and as Unicode 15.1's rule
/// LB19a allows between East Asian characters. The `unicode-linebreak` crate follows the
/// older rule that glues `“ ”` to both neighbours, so a line ran short by a whole quotation:
/// gaps of up to eleven columns before `“云税贷”`. Inside the marks they still glue (`“|放`
/// and `服|”` never break), which [`forbid_breaks_around_punctuation`] holds.
fn allow_breaks_outside_chinese_quotes(
    graphemes: &[Grapheme],
    opportunity: &mut [Option<BreakOpportunity>],
) {
    // Han characters are of the class ID; `，。、` of CL.
    let chinese = |g: &Grapheme| {
        matches!(
            g.class,
            BreakClass::ClosePunctuation | BreakClass::Ideographic
        )
    };
    for (i, pair) in graphemes.windows(2).enumerate() {
        let [before, after] = pair else { continue };
        let opens = matches!(after.first, '“' | '‘')
            && (chinese(before) || matches!(before.first, '”' | '’'));
        let closes = matches!(before.first, '”' | '’') && chinese(after);
        if let Some(op @ None) = opportunity.get_mut(i + 1)
            && (opens || closes)
        {
            *op = Some(BreakOpportunity::Allowed);
        }
    }
}

/// For each grapheme, whether the break before it would cut a number from its unit, or a
/// word joined by a hyphen (`Ctrl-d`, `2019-2021`) at the hyphen. The last visible grapheme
/// before each position is carried along rather than searched for, so that a long run of
/// spaces or line breaks costs one step per grapheme, not one per pair.
fn discouraged_breaks(graphemes: &[Grapheme]) -> Vec<bool> {
    let mut discouraged = vec![false; graphemes.len() + 1];
    let mut last_visible: Option<char> = None;
    for (i, g) in graphemes.iter().enumerate() {
        let hyphenated = i >= 2
            && graphemes[i - 1].first == '-'
            && graphemes[i - 2].first.is_ascii_alphanumeric()
            && g.first.is_ascii_alphanumeric();
        discouraged[i] =
            hyphenated || last_visible.is_some_and(|v| splits_number_from_unit(v, g.first));
        if !g.trimmable {
            last_visible = Some(g.first);
        }
    }
    discouraged
}

/// Fills lines greedily (see [`wrap`]), as ranges of grapheme indices.
fn fill(
    graphemes: &[Grapheme],
    opportunity: &[Option<BreakOpportunity>],
    discouraged: &[bool],
    width: usize,
) -> Vec<Range<usize>> {
    let n = graphemes.len();
    let mut lines = Vec::new();
    let mut start = 0; // grapheme index of the current line's start
    let mut used = 0; // width of graphemes[start..i], trailing trimmables included
    let mut last_fit: Option<usize> = None; // last allowed opportunity in start+1..=i
    let mut last_discouraged: Option<usize> = None; // the same, among discouraged ones
    let mut i = 0;
    while i < n {
        if i > start {
            match opportunity[i] {
                Some(BreakOpportunity::Mandatory) => {
                    lines.push(start..i);
                    start = i;
                    used = 0;
                    last_fit = None;
                    last_discouraged = None;
                }
                // Everything before i has been taken onto the line, so the line fits if cut here.
                Some(BreakOpportunity::Allowed) if discouraged[i] => last_discouraged = Some(i),
                Some(BreakOpportunity::Allowed) => last_fit = Some(i),
                None => {}
            }
        }
        let g = graphemes[i];
        // A trimmable grapheme can hang past the edge; any other makes everything before it
        // visible, trailing spaces included, hence `used + width`.
        if width == 0 || g.trimmable || used + g.width <= width || i == start {
            used += g.width;
            i += 1;
            continue;
        }
        let cut = last_fit
            .or(last_discouraged)
            .unwrap_or_else(|| fallback_break(graphemes, start, i));
        lines.push(start..cut);
        start = cut;
        i = cut;
        used = 0;
        last_fit = None;
        last_discouraged = None;
    }
    if start < n {
        lines.push(start..n);
    }
    lines
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_key_joined_by_a_hyphen_is_not_broken_at_it_while_another_break_fits() {
        let text = "同 less；d、Ctrl-d 半页";
        let lines: Vec<&str> = wrap(text, 17, AmbiguousWidth::Narrow)
            .into_iter()
            .map(|r| text.get(r).unwrap_or_default())
            .collect();
        assert!(lines.iter().any(|l| l.contains("Ctrl-d")), "{lines:?}");
        // With no other place to break, the hyphen still gives one.
        let lines = wrap("Ctrl-d", 5, AmbiguousWidth::Narrow);
        assert_eq!(lines.len(), 2);
    }

    use super::super::str_width;
    use super::*;
    use AmbiguousWidth::{Narrow, Wide};

    /// The part of `s` at `range`, a range wrapping made of `s`.
    fn slice(s: &str, range: Range<usize>) -> &str {
        s.get(range)
            .expect("a range of this text, on its characters")
    }

    /// The lines of `s` wrapped to `width`, as strings.
    fn lines(s: &str, width: usize, mode: AmbiguousWidth) -> Vec<&str> {
        wrap(s, width, mode)
            .into_iter()
            .map(|r| slice(s, r))
            .collect()
    }

    const FUNDING: &str = "近年来，我市累计投入科技资金近1.8亿元。";

    #[test]
    fn a_hanging_text_goes_on_under_its_start() {
        let text = "表示原文是约数或上限（近、超、超过、约、最高）。";
        let rows = hanging("~ ", text, 38, Narrow);
        assert_eq!(
            rows,
            ["~ 表示原文是约数或上限（近、超、超过、", "  约、最高）。"]
        );
        let rows = hanging("  ", "kinds differ, not added: paid (2020)", 20, Narrow);
        assert_eq!(rows, ["  kinds differ, not", "  added: paid (2020)"]);
        assert!(rows.iter().all(|r| str_width(r, Narrow) <= 20));
        assert_eq!(hanging("", "合计", 10, Wide), ["合计"]);
        assert_eq!(hanging("~ ", "", 10, Narrow), ["~ "]);
    }

    #[test]
    fn chinese_breaks_between_characters() {
        assert_eq!(lines("加强顶层设计", 4, Narrow), ["加强", "顶层", "设计"]);
        assert_eq!(lines("加强顶层设计", 5, Narrow), ["加强", "顶层", "设计"]);
        assert_eq!(lines("加强顶层设计", 12, Narrow), ["加强顶层设计"]);
    }

    #[test]
    fn comma_never_starts_a_line() {
        // 近年来 is 6 columns; the ， must not go to the next line alone, so 来 goes with it.
        assert_eq!(
            lines(FUNDING, 6, Narrow),
            [
                "近年",
                "来，我",
                "市累计",
                "投入科",
                "技资金",
                // 1.8亿元。 is wider than the line: the figure must be cut, and the cut
                // keeps the number with its first unit character.
                "近",
                "1.8亿",
                "元。"
            ]
        );
    }

    #[test]
    fn number_with_decimal_point_stays_whole() {
        // From width 3 on, where 1.8 fits on a line at all.
        for w in 3..=10 {
            for line in lines("资金近1.8亿元", w, Narrow) {
                assert!(
                    !line.ends_with('1') && !line.starts_with('.'),
                    "{line:?} at {w}"
                );
                assert!(
                    !line.ends_with('.') && !line.starts_with('8'),
                    "{line:?} at {w}"
                );
            }
        }
    }

    #[test]
    fn opening_bracket_never_ends_a_line() {
        assert_eq!(
            lines("（一）加强顶层设计", 6, Narrow),
            ["（一）", "加强顶", "层设计"]
        );
        assert_eq!(lines("见《通知》", 4, Narrow), ["见", "《通", "知》"]);
    }

    #[test]
    fn dashes_and_ellipses_stay_whole() {
        // —— is B2 B2 and …… IN IN: no break inside either, and none before ……
        let s = "创新——发展……未来";
        assert_eq!(lines(s, 8, Narrow), ["创新——发", "展……未来"]);
        assert_eq!(lines(s, 8, Wide), ["创新——", "发展……", "未来"]);
        assert_eq!(lines(s, 6, Wide), ["创新", "——发", "展……", "未来"]);
        // From width 4 on, where —— and …… fit on a line in both modes, neither is split,
        // even when the fallback must cut 展…… (6 columns wide) at width 4.
        for mode in [Narrow, Wide] {
            for w in 4..=20 {
                let ranges = wrap(s, w, mode);
                for pair in ranges.windows(2) {
                    let before = slice(s, pair[0].clone());
                    let after = slice(s, pair[1].clone());
                    let split = (before.ends_with('—') && after.starts_with('—'))
                        || (before.ends_with('…') && after.starts_with('…'));
                    assert!(!split, "{before:?} | {after:?} at {w} {mode:?}");
                }
            }
        }
        assert_eq!(lines(s, 4, Wide), ["创新", "——", "发", "展", "……", "未来"]);
    }

    #[test]
    fn quoted_phrase_is_glued_and_falls_back_within_width() {
        let s = "“放管服”改革";
        assert_eq!(lines(s, 12, Narrow), ["“放管服”改革"]);
        for mode in [Narrow, Wide] {
            for w in 1..=14 {
                for r in wrap(s, w, mode) {
                    let v = slice(s, visible(s, r));
                    assert!(
                        str_width(v, mode) <= w || v.graphemes(true).count() == 1,
                        "{v:?} at {w} {mode:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn spaces_hang_at_the_end_of_the_line_they_follow() {
        let s = "hello world";
        assert_eq!(lines(s, 5, Narrow), ["hello ", "world"]);
        assert_eq!(visible(s, 0..6), 0..5);
        assert_eq!(lines(s, 11, Narrow), ["hello world"]);
    }

    #[test]
    fn colon_after_a_space_does_not_start_a_line() {
        // UAX #14 alone allows 确认 | ：是 (LB18, break after spaces); the tailoring does not,
        // because 确|认 was a legal break earlier.
        assert_eq!(lines("确认 ：是", 6, Narrow), ["确", "认 ：", "是"]);
        assert_eq!(lines("确认 （是", 6, Narrow), ["确认 ", "（是"]);
        assert_eq!(lines("确 “是”", 6, Wide), ["确 ", "“是”"]);
    }

    #[test]
    fn a_number_keeps_its_unit_across_spaces() {
        // 100 | 家 is allowed after the spaces (UAX #14 breaks after spaces), but the number
        // would lose its unit; the break before 100 fits as well and is taken instead.
        for spaces in [1, 2, 3] {
            let s = format!("共有 100{}家", " ".repeat(spaces));
            assert_eq!(
                lines(&s, 8, Narrow),
                ["共有 ", &format!("100{}家", " ".repeat(spaces))],
                "{spaces} spaces"
            );
        }
    }

    #[test]
    fn long_latin_word_is_cut_at_graphemes() {
        assert_eq!(lines("abcdefgh", 3, Narrow), ["abc", "def", "gh"]);
        // The fallback moves the cut back so the ， does not start a line.
        assert_eq!(lines("abcdef，", 6, Narrow), ["abcde", "f，"]);
    }

    #[test]
    fn newline_ends_a_line_and_belongs_to_it() {
        let s = "第一段。\n第二段。\n";
        assert_eq!(lines(s, 80, Narrow), ["第一段。\n", "第二段。\n"]);
        assert_eq!(lines("\n\n", 80, Narrow), ["\n", "\n"]);
        assert_eq!(visible(s, 0..13), 0..12);
    }

    #[test]
    fn width_one_makes_progress_with_wide_characters() {
        assert_eq!(lines("中文，", 1, Narrow), ["中", "文", "，"]);
        assert_eq!(lines("中\n文", 1, Narrow), ["中\n", "文"]);
        assert_eq!(lines("“”", 1, Wide), ["“", "”"]);
    }

    #[test]
    fn width_zero_cuts_at_mandatory_breaks_only() {
        assert_eq!(lines("一二三\n四五", 0, Narrow), ["一二三\n", "四五"]);
    }

    #[test]
    fn empty_text_has_no_lines() {
        assert!(wrap("", 10, Narrow).is_empty());
    }

    #[test]
    fn quotation_marks_glue_to_their_inner_neighbour() {
        // Breaks between the Han characters inside the quotes, and outside the marks where
        // Chinese stands there, but not between a mark and what it quotes: “放|管|服”|改|革.
        let s = "“放管服”改革";
        assert_eq!(lines(s, 5, Narrow), ["“放管", "服”改", "革"]);
        assert_eq!(lines(s, 3, Narrow), ["“放", "管", "服”", "改", "革"]);
        assert_eq!(lines(s, 8, Narrow), ["“放管服”", "改革"]);
    }

    #[test]
    fn a_line_may_break_before_an_opening_quote_and_after_a_closing_one() {
        // The letter's list of loans: the line takes the whole of “生意贷” (the marks had
        // glued it to “市民贷” after it, and the line stopped at 生意), and the next one
        // 贷” without 等，(which had glued to it).
        let s = "农商行的“生意贷”“市民贷”等，客户";
        assert_eq!(
            lines(s, 16, Narrow),
            ["农商行的“生意贷”", "“市民贷”等，客户"]
        );
        assert_eq!(
            lines(s, 24, Narrow),
            ["农商行的“生意贷”“市民贷”", "等，客户"]
        );
        // Before an opening mark after Chinese: 为全角|“（一）”，.
        assert_eq!(
            lines("为全角“（一）”，统一", 10, Narrow),
            ["为全角", "“（一）”，", "统一"]
        );
        // Latin text keeps the rule of UAX #14: it breaks at its spaces.
        assert_eq!(lines("say “hi” now", 6, Narrow), ["say ", "“hi” ", "now"]);
    }

    #[test]
    fn ambiguous_mode_changes_the_fit() {
        let s = "“放管服”改革";
        // Narrow: “放管服”改 is 10 columns; wide: 12.
        assert_eq!(lines(s, 10, Narrow), ["“放管服”改", "革"]);
        assert_eq!(lines(s, 10, Wide), ["“放管服”", "改革"]);
    }
}
