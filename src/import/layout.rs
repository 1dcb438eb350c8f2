//! From extracted lines to the letter's paragraphs: the page's layout undone.
//!
//! Extraction keeps the page's lines (hard wraps), marks a page break with a blank line even
//! inside a sentence, and may keep page numbers. Here a line joins the next when it was full
//! (the next line's first word would not have fitted on it); a paragraph joins the next across
//! a blank line when it stops in mid-sentence; page numbers go. Each repair is recorded.

use super::errata::{Errata, Kind, is_cjk_punct, is_han};
use super::ordinal::starts_part;
use crate::text::width::{AmbiguousWidth, char_width, str_width};

/// One non-blank line of the input, trimmed.
#[derive(Debug, Clone)]
pub(crate) struct Line {
    /// The line without leading and trailing whitespace.
    pub text: String,
    /// It began with an indent of at least two columns (a paragraph's first line in
    /// `pdftotext -layout` output).
    pub indented: bool,
    /// Its width in columns, indent included: how much of the page's measure it fills.
    pub width: usize,
    /// Its length in characters, indent included: how much of a measure counted in
    /// characters it fills (a two-space indent stands for the letter's own indent).
    pub chars: usize,
    /// 1-based line number in the input, for messages.
    pub number: usize,
    /// Its words are set apart by a wide gap (`某政办函〔2023〕5号            签发人：李华`,
    /// `联系人：辛长生         联系电话：…`): columns of a form, not running text, so it fills
    /// no measure, however wide the gap makes it.
    pub set_apart: bool,
}

impl Line {
    /// How much of the page's measure the line fills, in columns and in characters: none,
    /// when it is [`Line::set_apart`].
    fn extent(&self) -> (usize, usize) {
        if self.set_apart {
            (0, 0)
        } else {
            (self.width, self.chars)
        }
    }
}

/// The narrowest gap, in columns, that sets a line's words apart: wider than the spaces
/// extraction leaves between words, or a justified line between its characters.
const GAP_COLUMNS: usize = 4;

/// Whether `text` (trimmed) holds a run of whitespace at least [`GAP_COLUMNS`] wide.
fn has_gap(text: &str) -> bool {
    let mut run = 0;
    text.chars().any(|c| {
        run = if c.is_whitespace() {
            run + char_width(c, AmbiguousWidth::Narrow).max(1)
        } else {
            0
        };
        run >= GAP_COLUMNS
    })
}

/// A paragraph of the letter.
#[derive(Debug, Clone)]
pub(crate) struct Paragraph {
    pub text: String,
    /// It holds a full stop (so it is no bare heading); kept as lines join, so that no join
    /// reads the whole paragraph again.
    has_stop: bool,
    /// How much of the measure its last line fills ([`Line::extent`]).
    last: (usize, usize),
}

impl Paragraph {
    /// A paragraph of one line.
    pub(crate) fn new(text: String) -> Self {
        Self {
            has_stop: has_stop(&text),
            last: (0, 0),
            text,
        }
    }
}

/// Whether a line holds a full stop.
fn has_stop(text: &str) -> bool {
    text.contains(['。', '！', '？'])
}

/// How many columns short of the widest line a line may be and still count as full: one
/// Chinese character, which justified text can squeeze out of a line.
const SLACK: usize = 2;

/// The input's lines, blank ones as `None`; page-number lines are dropped (and recorded).
pub(crate) fn lines(text: &str, errata: &mut Errata) -> Vec<Option<Line>> {
    text.split('\n')
        .enumerate()
        .map(|(i, raw)| {
            let text = raw.trim();
            if text.is_empty() {
                return None;
            }
            if is_page_number(text) {
                errata.group(Kind::PageNumber, || (text.to_string(), String::new()));
                return None;
            }
            let indent: String = raw.chars().take_while(|c| c.is_whitespace()).collect();
            let indent = str_width(&indent, AmbiguousWidth::Narrow);
            Some(Line {
                text: text.to_string(),
                indented: indent >= 2,
                width: indent + str_width(text, AmbiguousWidth::Narrow),
                chars: raw.chars().take_while(|c| c.is_whitespace()).count() + text.chars().count(),
                number: i + 1,
                set_apart: has_gap(text),
            })
        })
        .collect()
}

/// `- 2 -`, `— 2 —`, `－2－`, `第2页`, `第 2 页 共 5 页`.
fn is_page_number(line: &str) -> bool {
    let dashes = |c: char| matches!(c, '-' | '－' | '—' | '–' | '_' | '‒');
    let inner = line.trim_matches(|c: char| dashes(c) || c.is_whitespace());
    let digits = |s: &str| !s.is_empty() && s.len() <= 4 && s.chars().all(|c| c.is_ascii_digit());
    if digits(inner) && inner.len() < line.len() && line.starts_with(dashes) {
        return true;
    }
    let squeezed: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    squeezed
        .strip_prefix('第')
        .and_then(|rest| rest.split_once('页'))
        .is_some_and(|(n, rest)| {
            digits(n)
                && (rest.is_empty()
                    || rest
                        .strip_prefix('共')
                        .and_then(|r| r.strip_suffix('页'))
                        .is_some_and(digits))
        })
}

/// The page's measure: the widest line in columns and the longest in characters, and whether
/// the text is hard-wrapped at all.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Measure {
    columns: usize,
    chars: usize,
    /// Several lines fill the measure: the text was wrapped (by width or by a count of
    /// characters). When not, it is laid out one paragraph per line and no line joins the
    /// next.
    wrapped: bool,
}

/// The deepest indent, in characters, of a line of running text.
const MAX_TEXT_INDENT: usize = 4;

/// How many lines must fill the measure for the text to count as hard-wrapped.
const FULL_LINES: usize = 2;

/// The measure of `lines`.
pub(crate) fn measure(lines: &[Option<Line>]) -> Measure {
    // A line set apart in columns is as wide as its gap makes it: it sets no measure.
    let running = || lines.iter().flatten().filter(|l| !l.set_apart);
    let columns = running().map(|l| l.width).max().unwrap_or(0);
    // Lines set far in (a centred heading, a signature set to the right) fill no measure of
    // characters: their indent is layout, not text.
    let chars = running()
        .filter(|l| l.chars.saturating_sub(l.text.chars().count()) <= MAX_TEXT_INDENT)
        .map(|l| l.chars)
        .max()
        .unwrap_or(0);
    let mut m = Measure {
        columns,
        chars,
        wrapped: true,
    };
    let full = lines
        .iter()
        .flatten()
        .filter(|l| m.fills(l, (1, 1)))
        .count();
    m.wrapped = full >= FULL_LINES;
    m
}

impl Measure {
    /// Whether `line` fills the measure, in columns or in characters, so that a next word
    /// of `next` (columns, characters) would not have fitted on it.
    pub(crate) fn fills(self, line: &Line, next: (usize, usize)) -> bool {
        let (columns, chars) = next;
        !line.set_apart
            && (line.width + columns + SLACK > self.columns
                || (self.chars > 0 && line.chars + chars > self.chars))
    }
}

/// Joins lines into paragraphs: hard wraps within a run of lines, page breaks across a blank
/// line where a paragraph stops in mid-sentence. `measure` is the widest line of the page.
pub(crate) fn paragraphs(
    lines: &[Option<Line>],
    measure: Measure,
    errata: &mut Errata,
) -> Vec<Paragraph> {
    let mut done: Vec<Paragraph> = Vec::new();
    // The paragraph being read.
    let mut current: Option<Paragraph> = None;
    let mut after_blank = false;
    // Paragraphs begin with an indent in `pdftotext -layout` output; then a page break may
    // also fall between two sentences of one paragraph.
    let indents = lines.iter().flatten().any(|l| l.indented);
    for line in lines {
        let Some(line) = line else {
            done.extend(current.take());
            after_blank = true;
            continue;
        };
        current = match current.take() {
            Some(mut p) if wraps_into(&p, line, measure) => {
                join_wrap(&mut p.text, &line.text, errata);
                p.has_stop |= has_stop(&line.text);
                p.last = line.extent();
                Some(p)
            }
            Some(p) => {
                done.push(p);
                Some(new_paragraph(line))
            }
            None => match done.pop() {
                Some(mut p) if after_blank && breaks_into(&p, line, measure, indents) => {
                    join_page_break(&mut p.text, &line.text, errata);
                    p.has_stop |= has_stop(&line.text);
                    p.last = line.extent();
                    Some(p)
                }
                previous => {
                    done.extend(previous);
                    Some(new_paragraph(line))
                }
            },
        };
        after_blank = false;
    }
    done.extend(current);
    done
}

/// Splits a paragraph where a space follows the end of a sentence (`收悉，现答复如下： 按照…`):
/// a web page flattened into one line keeps its paragraphs apart so, and a letter's own
/// sentences are never followed by one. Each split is recorded.
pub(crate) fn split_flattened(paragraphs: Vec<Paragraph>, errata: &mut Errata) -> Vec<Paragraph> {
    let mut out = Vec::with_capacity(paragraphs.len());
    for p in paragraphs {
        let mut rest = p.text.as_str();
        let mut pieces: Vec<&str> = Vec::new();
        while let Some(at) = flattened_break(rest) {
            let (piece, after) = rest.split_at(at);
            pieces.push(piece);
            rest = after.trim_start();
        }
        if pieces.is_empty() {
            out.push(p);
            continue;
        }
        pieces.push(rest);
        for (a, b) in pieces.iter().zip(pieces.iter().skip(1)) {
            record_flattened(a, b, errata);
        }
        out.extend(pieces.into_iter().map(|t| Paragraph::new(t.to_string())));
    }
    out
}

/// Records that `before` and `after` were one line, a space apart, and are shown as two
/// paragraphs.
pub(crate) fn record_flattened(before: &str, after: &str, errata: &mut Errata) {
    errata.group(Kind::FlattenedParagraphs, || {
        line_started(before, " ", after)
    });
}

/// An erratum's original and correction for `after`, which followed `before` on one line,
/// `gap` (spaces, or nothing) between, and is shown on a line of its own: the correction
/// says where the reader starts the new line (`\n`), so that it does not read as text taken
/// out.
pub(crate) fn line_started(before: &str, gap: &str, after: &str) -> (String, String) {
    let (tail, head) = (tail_context(before), head_context(after));
    (format!("{tail}{gap}{head}"), format!("{tail}\n{head}"))
}

/// Where a space after a sentence's end (or a colon) begins, before more text.
fn flattened_break(text: &str) -> Option<usize> {
    let mut prev: Option<char> = None;
    for (i, c) in text.char_indices() {
        if c.is_whitespace()
            && prev.is_some_and(|p| matches!(p, '。' | '！' | '？' | '：'))
            && !text.get(i..).unwrap_or("").trim_start().is_empty()
        {
            return Some(i);
        }
        prev = Some(c);
    }
    None
}

/// Joins the lines of one field (a title that wrapped, a long cc line) into one.
pub(crate) fn join_lines<'a>(
    lines: impl IntoIterator<Item = &'a Line>,
    errata: &mut Errata,
) -> String {
    let mut text = String::new();
    for (i, line) in lines.into_iter().enumerate() {
        if i == 0 {
            text.push_str(&line.text);
        } else {
            join_wrap(&mut text, &line.text, errata);
        }
    }
    text
}

fn new_paragraph(line: &Line) -> Paragraph {
    let mut p = Paragraph::new(line.text.clone());
    p.last = line.extent();
    p
}

/// The paragraph's last line was full, so `next` goes on its paragraph — unless the text is
/// not wrapped at all (one paragraph a line), `next` is indented, or it begins a part
/// (`二、`, `（一）`) after a finished sentence.
fn wraps_into(p: &Paragraph, next: &Line, measure: Measure) -> bool {
    let first_word = first_unit(&next.text).fold((0, 0), |(w, n), c| {
        (w + char_width(c, AmbiguousWidth::Narrow), n + 1)
    });
    let new_part = starts_part(&next.text) && ends_sentence(&p.text);
    let (width, chars) = p.last;
    let last = Line {
        text: String::new(),
        indented: false,
        width,
        chars,
        number: 0,
        set_apart: false,
    };
    measure.wrapped && !next.indented && !new_part && measure.fills(&last, first_word)
}

/// The characters of a line's first unbreakable unit: one Chinese character, a Latin word or
/// number, and whatever a space binds to them (`域 9 家`: no line breaks beside a space,
/// which extraction would have lost).
fn first_unit(text: &str) -> impl Iterator<Item = char> + '_ {
    let latin = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '%');
    let mut prev: Option<char> = None;
    text.chars().take_while(move |&c| {
        let glued = prev.is_none_or(|p| (latin(p) && latin(c)) || p == ' ' || c == ' ');
        prev = Some(c);
        glued
    })
}

/// A paragraph that stops in mid-sentence goes on after a page break, unless it is a bare
/// heading or the next one begins a part of its own. Where paragraphs begin with an indent
/// (`indents`), one whose last line was full goes on at an unindented line too.
fn breaks_into(previous: &Paragraph, next: &Line, measure: Measure, indents: bool) -> bool {
    let bare_heading = !previous.has_stop && starts_part(&previous.text);
    let mid_sentence = !ends_sentence(&previous.text) && !bare_heading && !starts_part(&next.text);
    mid_sentence || (indents && wraps_into(previous, next, measure))
}

/// Whether `text` ends a sentence (bold marks and spaces aside).
pub(crate) fn ends_sentence(text: &str) -> bool {
    let mut tail = text
        .trim_end_matches(|c: char| c == '*' || c.is_whitespace())
        .chars()
        .rev();
    match tail.next() {
        Some('。' | '！' | '？' | '；' | '：' | '!' | '?' | ';' | ':' | '…' | '）' | ')') => {
            true
        }
        Some('”' | '’' | '」' | '』') => {
            matches!(tail.next(), Some('。' | '！' | '？' | '…'))
        }
        _ => false,
    }
}

/// Joins a hard-wrapped line to its paragraph: directly between Chinese text, and between
/// two digits (a number the wrap parted: `安排了12` | `00万元` is 1200万元, not `12 00万元`,
/// whose `00万元` was drafted as a figure of 0), with a space between two Latin words.
fn join_wrap(text: &mut String, next: &str, errata: &mut Errata) {
    let latin = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
    let digit = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());
    let (last, first) = (text.chars().last(), next.chars().next());
    let glue = if latin(last) && latin(first) && !(digit(last) && digit(first)) {
        " "
    } else {
        ""
    };
    errata.group(Kind::HardWrap, || {
        let (tail, head) = (tail_context(text), head_context(next));
        (format!("{tail}\n{head}"), format!("{tail}{glue}{head}"))
    });
    text.push_str(glue);
    text.push_str(next);
}

/// Joins two halves of a sentence that a page break parted, and records it. When the first
/// half ends with what the second begins with (`战` | `战略性`), the repetition is kept and
/// recorded as a suspected erratum: it may be the extraction's or the letter's own.
fn join_page_break(text: &mut String, next: &str, errata: &mut Errata) {
    let (tail, head) = (tail_context(text), head_context(next));
    errata.single(
        format!("{tail}\n\n{head}"),
        format!("{tail}{head}"),
        "空行把一句话（或一段话）断成两段，疑为PDF分页所致，已接合为一段。",
    );
    if let Some(repeated) = repeated_across(text, next) {
        let n = repeated.chars().count();
        let kept: String = head.chars().skip(n).collect();
        let shown = if kept.is_empty() {
            head.clone()
        } else {
            kept.clone()
        };
        errata.suspected(
            format!("{tail}{head}"),
            format!("{tail}{kept}"),
            format!(
                "疑似提取所致：PDF分页处“{repeated}”重复（页末“{tail}”，次页首“{shown}…”）。\
                 正文暂保留两个，请对照原件：确属重复则删去一个并去掉 suspected，否则删去本条。"
            ),
        );
    }
    text.push_str(next);
}

/// The longest run of up to four Chinese characters that ends `before` and begins `after`.
fn repeated_across(before: &str, after: &str) -> Option<String> {
    let mut tail: Vec<char> = before.chars().rev().take(4).collect();
    tail.reverse();
    let head: Vec<char> = after.chars().take(4).collect();
    (1..=tail.len().min(head.len()))
        .rev()
        .map(|n| &tail[tail.len() - n..])
        .find(|run| run.iter().all(|&c| is_han(c)) && head.starts_with(run))
        .map(|run| run.iter().collect())
}

/// The end of `text` as an erratum quotes it: its last punctuation mark, if it ends with one,
/// and up to eight characters before it, stopping at punctuation or a space.
pub(crate) fn tail_context(text: &str) -> String {
    let mut rev = text.chars().rev().peekable();
    // Backwards: the mark, then what stands before it.
    let mark = rev.next_if(|&c| is_cjk_punct(c));
    let before = quoted(rev);
    before.iter().rev().chain(&mark).collect()
}

/// The start of `text` as an erratum quotes it: up to eight characters, stopping at
/// punctuation or a space.
pub(crate) fn head_context(text: &str) -> String {
    quoted(text.chars()).into_iter().collect()
}

/// The characters `chars` gives that an erratum quotes, in the order given: eight, or up to
/// [`CONTEXT_CHARS_MOST`] to finish a run of letters and digits, stopping at punctuation or a
/// space.
fn quoted(chars: impl Iterator<Item = char>) -> Vec<char> {
    let mut out: Vec<char> = Vec::new();
    for c in chars {
        if !is_context(c)
            || out.len() >= CONTEXT_CHARS_MOST
            || (out.len() >= CONTEXT_CHARS && !within_a_word(out.last(), c))
        {
            break;
        }
        out.push(c);
    }
    out
}

/// How many characters of context an erratum quotes on each side, at the least.
const CONTEXT_CHARS: usize = 8;

/// The most it quotes, to finish a run of letters and digits: a run longer than a number or
/// a code (a line of `AAAA…`) is cut, and each quotation costs the same whatever the text.
const CONTEXT_CHARS_MOST: usize = 24;

/// Whether `c` goes on the run of Latin letters and digits that `last` ends (`A2025` `0015`):
/// a quotation is not cut inside one, which would read as another number.
fn within_a_word(last: Option<&char>, c: char) -> bool {
    last.is_some_and(char::is_ascii_alphanumeric) && c.is_ascii_alphanumeric()
}

fn is_context(c: char) -> bool {
    !c.is_whitespace() && !is_cjk_punct(c) && c != '*'
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paras(text: &str) -> (Vec<String>, Vec<crate::letter::Erratum>) {
        let mut errata = Errata::default();
        let lines = lines(text, &mut errata);
        let m = measure(&lines);
        let out = paragraphs(&lines, m, &mut errata);
        (out.into_iter().map(|p| p.text).collect(), errata.finish())
    }

    #[test]
    fn a_page_break_inside_a_sentence_is_joined_and_listed() {
        let (out, errata) =
            paras("设立基金，大力发展科技金融，\n\n放大财政资金撬动作用。\n\n下一段。");
        assert_eq!(
            out,
            [
                "设立基金，大力发展科技金融，放大财政资金撬动作用。",
                "下一段。"
            ]
        );
        assert_eq!(errata.len(), 1);
        assert_eq!(errata[0].original, "大力发展科技金融，\n\n放大财政资金撬动");
        assert_eq!(errata[0].corrected, "大力发展科技金融，放大财政资金撬动");
    }

    #[test]
    fn a_character_repeated_across_a_page_break_is_kept_and_suspected() {
        let (out, errata) = paras("围绕我市战\n\n战略性新兴产业。");
        assert_eq!(out, ["围绕我市战战略性新兴产业。"]);
        let suspected: Vec<_> = errata.iter().filter(|e| e.suspected).collect();
        assert_eq!(suspected.len(), 1, "{errata:?}");
        assert_eq!(suspected[0].original, "围绕我市战战略性新兴产业");
        assert_eq!(suspected[0].corrected, "围绕我市战略性新兴产业");
    }

    #[test]
    fn a_heading_and_a_finished_sentence_are_not_joined() {
        let (out, _) = paras("二、关于某事的建议\n\n吸取采纳该建议。\n\n（一）做某事。");
        assert_eq!(out.len(), 3);
    }

    #[test]
    fn full_lines_are_joined_and_short_ones_end_the_paragraph() {
        let text = "一二三四五六七八九十\n一二三四五六七八九\n十一二。\n短行。";
        let (out, errata) = paras(text);
        assert_eq!(out[0], "一二三四五六七八九十一二三四五六七八九十一二。");
        assert_eq!(out[1], "短行。");
        assert!(
            errata
                .iter()
                .any(|e| e.note.contains("折行") && e.note.contains("共2处"))
        );
    }

    #[test]
    fn in_indented_text_a_page_break_after_a_full_line_goes_on_with_the_paragraph() {
        // Paragraphs begin indented; the first page ends on a full line that ends a sentence,
        // and the next page goes on unindented: one paragraph. An indented line after the
        // break begins a new one.
        let text =
            "    一二三四五六七八\n九十一二三四五六七。\n\n- 1 -\n\u{c}\n甲乙丙。\n    新段落。";
        let (out, _) = paras(&text.replace("\u{c}", "\n"));
        assert_eq!(
            out,
            ["一二三四五六七八九十一二三四五六七。甲乙丙。", "新段落。"]
        );
    }

    #[test]
    fn page_numbers_are_dropped() {
        let (out, errata) = paras("甲，\n\n- 2 -\n\n乙。");
        assert_eq!(out, ["甲，乙。"]);
        assert!(errata.iter().any(|e| e.original == "- 2 -"));
    }

    #[test]
    fn a_flattened_line_is_split_and_the_erratum_shows_the_new_line() {
        let mut errata = Errata::default();
        let out = split_flattened(
            vec![Paragraph::new("现答复如下： 按照原则办理。 谢谢。".into())],
            &mut errata,
        );
        let texts: Vec<&str> = out.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(texts, ["现答复如下：", "按照原则办理。", "谢谢。"]);
        let errata = errata.finish();
        assert_eq!(errata.len(), 1, "{errata:?}");
        assert_eq!(errata[0].original, "现答复如下： 按照原则办理");
        // Nothing was taken out: the correction starts a new line where the space was.
        assert_eq!(errata[0].corrected, "现答复如下：\n按照原则办理");
        assert!(errata[0].note.contains("共2处"), "{}", errata[0].note);
    }

    #[test]
    fn a_quotation_is_not_cut_inside_a_number() {
        assert_eq!(tail_context("第A20250015号"), "A20250015号");
        assert_eq!(head_context("A20250015号建议的答复"), "A20250015");
        // A run longer than any number is cut all the same.
        assert_eq!(head_context(&"A".repeat(1000)).len(), 24);
        assert_eq!(tail_context(&"7".repeat(1000)).len(), 24);
        // Chinese is cut at eight characters, as before.
        assert_eq!(tail_context("一二三四五六七八九十"), "三四五六七八九十");
    }
}
