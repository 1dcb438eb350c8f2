//! Wording that looks odd, flagged for a person: an editorial note drafted for each, to be
//! kept, rewritten or deleted. The text itself is never changed.
//!
//! Two shapes are found: traditional characters in a simplified text (`優勢`), and a
//! two-character word written twice (`支持支持`). Other slips (`新工智能`) need a reader.
//! Notes are drafted too where the text stops mid-sentence, on each number in 万 or 亿 with
//! no unit after it (`1.2万停车位`), and on each range of amounts (`200至800元`), which are
//! not taken as figures.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use super::errata::is_han;
use crate::letter::quotes::{Quotes, match_budget};
use crate::letter::{EditorialNote, Letter};

/// The simplified form of one character, or `None` when it is not traditional.
fn simplified(c: char) -> Option<char> {
    if !is_han(c) {
        return None;
    }
    Some(crate::search::t2s::simplified(c)).filter(|&s| s != c)
}

/// Notes on odd wording in one text, appended to `out` unless already there.
fn scan(text: &str, out: &mut Vec<EditorialNote>) {
    let chars: Vec<char> = text.chars().collect();
    let mut add = |text: String, note: String| {
        if !out.iter().any(|n| n.text == text) {
            out.push(EditorialNote { text, note });
        }
    };
    let mut i = 0;
    while i < chars.len() {
        if simplified(chars[i]).is_some() {
            let start = i;
            while i < chars.len() && simplified(chars[i]).is_some() {
                i += 1;
            }
            let run: String = chars[start..i].iter().collect();
            let plain: String = chars[start..i]
                .iter()
                .map(|&c| simplified(c).unwrap_or(c))
                .collect();
            add(
                run,
                format!("原文如此：简体文本中用了繁体字，即“{plain}”。（导入时自动标出，请核对）"),
            );
            continue;
        }
        if let Some(w) = chars.get(i..i + 4)
            && w.iter().all(|&c| is_han(c))
            && w[0] == w[2]
            && w[1] == w[3]
            && w[0] != w[1]
        {
            let word: String = w[..2].iter().collect();
            add(
                w.iter().collect(),
                format!("原文如此，“{word}”重复。（导入时自动标出，请核对）"),
            );
            i += 4;
            continue;
        }
        i += 1;
    }
}

/// Notes on the odd wording of a whole letter, and on its numbers `left_out`.
pub(crate) fn notes(letter: &Letter, numbers: &LeftOut) -> Vec<EditorialNote> {
    let mut out = Vec::new();
    let mut texts: Vec<&str> = Vec::new();
    crate::letter::fields::for_each_text(letter, |part, _, text| {
        if part == crate::letter::fields::Part::Body {
            texts.push(text);
        }
    });
    for text in texts {
        scan(text, &mut out);
    }
    // A number left out (for want of a unit, or as a range) is said where it stands, for the
    // reader as for the reviewer: the report's warning reaches only those who import on the
    // command line.
    let noted = left_out(letter, numbers, &out);
    out.extend(noted);
    out
}

/// Why a number was not taken as a figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Left {
    /// A number in 万 or 亿 with no unit after it (`1.2万` of 「增设了1.2万停车位」).
    NoUnit,
    /// A range of amounts (`200至800元`): its two ends are no sum.
    Range,
}

/// Numbers not taken as figures: each text that holds one, once, and each number as its
/// text's index, its byte range there and why it was left out.
#[derive(Debug, Default)]
pub(crate) struct LeftOut {
    texts: Vec<String>,
    numbers: Vec<(usize, Range<usize>, Left)>,
}

impl LeftOut {
    /// The numbers of `text` at their ranges, each left out for its reason, in the order
    /// they stand.
    pub(crate) fn add(
        &mut self,
        text: &str,
        numbers: impl IntoIterator<Item = (Range<usize>, Left)>,
    ) {
        let mut numbers: Vec<(Range<usize>, Left)> = numbers.into_iter().collect();
        if numbers.is_empty() {
            return;
        }
        numbers.sort_by_key(|(r, _)| r.start);
        let t = self.texts.len();
        self.texts.push(text.to_string());
        self.numbers
            .extend(numbers.into_iter().map(|(r, why)| (t, r, why)));
    }

    /// The numbers left out for `why`, as written, in order.
    pub(crate) fn numbers(&self, why: Left) -> Vec<String> {
        (self.numbers.iter())
            .filter(|(_, _, w)| *w == why)
            .filter_map(|(t, r, _)| self.texts[*t].get(r.clone()))
            .map(str::to_string)
            .collect()
    }
}

/// The drafted note on a number left out for `why`.
fn left_out_note(number: &str, why: Left) -> String {
    match why {
        Left::NoUnit => format!(
            "“{number}”后面没有 dafu 认得的单位，未作为数字收录。（导入时自动标出，请核对）"
        ),
        Left::Range => format!(
            "“{number}”是一个范围，两端不是可以相加的数，未作为数字收录。（导入时自动标出，请核对）"
        ),
    }
}

/// How many characters a quotation has before and after its number, round by round: one
/// more at a time at first, after it first (where its unit would stand), so that it quotes
/// as few as tell its place, then more, up to a clause or so: a note quotes words, not a
/// paragraph. Each round is one pass over the letter, for all the numbers not yet told apart.
const WIDENED_BY: [(usize, usize); 12] = [
    (0, 0),
    (0, 1),
    (1, 1),
    (1, 2),
    (2, 2),
    (2, 3),
    (3, 3),
    (4, 4),
    (6, 6),
    (8, 8),
    (12, 12),
    (20, 20),
];

/// Whether `c` ends a line: a character the loader makes a line break of in a paragraph, and
/// a space in a note, whose text is one line.
fn ends_line(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}')
}

/// Whether `c` is part of a number: a digit, Arabic or Chinese (`〇`, also typed `○`), or a
/// Chinese numeral's unit (`十`…`亿`).
fn in_number(c: char) -> bool {
    c.is_ascii_digit()
        || c == '○'
        || crate::numbers::chinese::digit(c).is_some()
        || crate::numbers::chinese::unit(c).is_some()
}

/// Whether a quotation of `text` may start or end at `at` without parting a number
/// (`2023`, `1.5`, `二〇二三`): not between two of its characters.
fn outside_number(text: &str, at: usize) -> bool {
    let (Some(before), Some(after)) = (text.get(..at), text.get(at..)) else {
        return true;
    };
    let mut back = before.chars().rev();
    let mut ahead = after.chars();
    let (Some(last), Some(next)) = (back.next(), ahead.next()) else {
        return true;
    };
    // A decimal point or a thousands' comma between digits is the number's too.
    let digit = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());
    let point = |c: char| matches!(c, '.' | ',');
    let parted = (in_number(last) && in_number(next))
        || (point(last) && digit(back.next()) && next.is_ascii_digit())
        || (point(next) && last.is_ascii_digit() && digit(ahead.next()));
    !parted
}

/// The start of a quotation of `text` at `at` or before it, outside a number.
pub(crate) fn start_outside_number(text: &str, at: usize) -> usize {
    let earlier = (text.get(..at).unwrap_or_default().char_indices().rev()).map(|(i, _)| i);
    std::iter::once(at)
        .chain(earlier)
        .find(|&i| outside_number(text, i))
        .unwrap_or(0)
}

/// The end of a quotation of `text` at `at` or after it, outside a number.
fn end_outside_number(text: &str, at: usize) -> usize {
    (text.get(at..).unwrap_or_default().char_indices())
        .map(|(i, _)| at + i)
        .find(|&i| outside_number(text, i))
        .unwrap_or(text.len())
}

/// `range` of `text` widened by up to `before` and `after` characters, within its line
/// ([`ends_line`]), and further to the ends of a number it would part.
fn widened(text: &str, range: &Range<usize>, (before, after): (usize, usize)) -> Range<usize> {
    let in_line = |c: char| !ends_line(c);
    let start = (text.get(..range.start).unwrap_or_default())
        .char_indices()
        .rev()
        .take_while(|&(_, c)| in_line(c))
        .take(before)
        .last()
        .map_or(range.start, |(at, _)| at);
    let more: usize = (text.get(range.end..).unwrap_or_default())
        .chars()
        .take_while(|&c| in_line(c))
        .take(after)
        .map(char::len_utf8)
        .sum();
    start_outside_number(text, start)..end_outside_number(text, range.end + more)
}

/// A note on each number `left_out` (a number in 万 or 亿 with no unit after it, a range of
/// amounts), that it was not taken as a figure, and why: quoting the letter's words around it, as few as occur nowhere
/// else in the letter (a note stands under every paragraph that holds its words), within its
/// line (a note's text is one line). Each round quotes the numbers not yet told apart with
/// more words ([`WIDENED_BY`]), and looks for them all in one pass over the letter; a number
/// whose words are written elsewhere too (a sentence written twice) is quoted with the most,
/// which stand, with the number, in each place. None that `existing` notes already quote,
/// and none past the matches a letter may hold (numbers alike past telling in one pass).
pub(crate) fn left_out(
    letter: &Letter,
    unitless: &LeftOut,
    existing: &[EditorialNote],
) -> Vec<EditorialNote> {
    if unitless.numbers.is_empty() {
        return Vec::new();
    }
    let whole = crate::letter::fields::letter_text(letter);
    let mut quoted: Vec<Option<Range<usize>>> = vec![None; unitless.numbers.len()];
    let mut pending: Vec<usize> = (0..unitless.numbers.len()).collect();
    for (round, &by) in WIDENED_BY.iter().enumerate() {
        if pending.is_empty() {
            break;
        }
        let widest = round + 1 == WIDENED_BY.len();
        let windows: Vec<Range<usize>> = (pending.iter())
            .map(|&n| {
                let (t, range, _) = &unitless.numbers[n];
                widened(&unitless.texts[*t], range, by)
            })
            .collect();
        let text_of = |k: usize| {
            let (t, _, _) = &unitless.numbers[pending[k]];
            unitless.texts[*t]
                .get(windows[k].clone())
                .unwrap_or_default()
        };
        // Each quotation looked for once, however many numbers it quotes: a paragraph of one
        // sentence written again and again made as many alike quotations as numbers, each
        // found wherever all the others are (their matches past the budget, and none noted),
        // and the automaton's making grew with the square of their number.
        let mut distinct: HashMap<&str, usize> = HashMap::new();
        let quotation: Vec<usize> = (0..pending.len())
            .map(|k| {
                let next = distinct.len();
                *distinct.entry(text_of(k)).or_insert(next)
            })
            .collect();
        let mut quotations = vec![""; distinct.len()];
        for (words, q) in distinct {
            quotations[q] = words;
        }
        let quotes = Quotes::for_many_texts(quotations.iter().copied());
        let found = quotes.find_in(&whole, match_budget(whole.len()));
        if !found.complete {
            break;
        }
        let starts = found.starts(quotations.len());
        let mut next = Vec::new();
        for (k, &n) in pending.iter().enumerate() {
            if starts[quotation[k]].len() == 1 || widest {
                quoted[n] = Some(windows[k].clone());
            } else {
                next.push(n);
            }
        }
        pending = next;
    }
    let mut out: Vec<EditorialNote> = Vec::new();
    let mut known: HashSet<&str> = existing.iter().map(|n| n.text.as_str()).collect();
    for (n, window) in quoted.into_iter().enumerate() {
        let (t, range, why) = &unitless.numbers[n];
        let text = &unitless.texts[*t];
        let (Some(words), Some(number)) =
            (window.and_then(|w| text.get(w)), text.get(range.clone()))
        else {
            continue;
        };
        if known.insert(words) {
            out.push(EditorialNote {
                text: words.to_string(),
                note: left_out_note(number, *why),
            });
        }
    }
    out
}

/// What heads the last words of a text cut short in the report: `…提高停车`.
pub(crate) const CUT_SHORT_MARK: &str = "…";

/// The drafted note on the last words of a text cut short.
pub(crate) const CUT_SHORT_NOTE: &str =
    "原文在此句中结束，其后没有落款和日期：所据文本可能不全，请对照原件。";

/// The note on `words` (as [`super::cut_short`] gives them, after [`CUT_SHORT_MARK`]), the
/// last words of a text cut short: set under the paragraph where the text stops, and so
/// quoting as many of its last words as it takes to occur there alone (a note stands under
/// every paragraph that holds its words). None when no quotation does, or the words are not
/// the letter's own (a short point's words with its enumerator): a note quotes the letter,
/// within one line.
pub(crate) fn cut_short(letter: &Letter, words: &str) -> Option<EditorialNote> {
    let words = words.strip_prefix(CUT_SHORT_MARK).unwrap_or(words);
    let mut texts: Vec<&str> = Vec::new();
    // The letter's own wording, as a note quotes it: not an erratum's.
    crate::letter::fields::for_each_text(letter, |part, _, text| {
        if part == crate::letter::fields::Part::Body {
            texts.push(text);
        }
    });
    let last = texts
        .iter()
        .find(|t| t.trim_end().ends_with(words))?
        .trim_end();
    // A note's text is one line (the loader makes each line break of it a space): the
    // quotation is taken from the last line alone.
    let last = last.rsplit(ends_line).next().unwrap_or(last);
    let occurrences = |quoted: &str| {
        texts
            .iter()
            .map(|t| t.matches(quoted).count())
            .sum::<usize>()
    };
    // The last words, then more of them, then the whole paragraph: a few looks at the letter.
    let chars = last.chars().count();
    let quoted = [words.chars().count(), 20, 40, chars]
        .into_iter()
        .find_map(|n| {
            let from = last
                .char_indices()
                .nth(chars.saturating_sub(n))
                .map_or(0, |(at, _)| start_outside_number(last, at));
            let quoted = last.get(from..)?;
            (occurrences(quoted) == 1).then_some(quoted)
        })
        // A note quotes words: a text left empty (a paragraph of bold marks alone) has none.
        .filter(|quoted| !quoted.trim().is_empty())?;
    Some(EditorialNote {
        text: quoted.to_string(),
        note: CUT_SHORT_NOTE.to_string(),
    })
}

#[cfg(test)]
mod tests {

    /// The note on a text cut short quotes enough of its last words to occur only where the
    /// text stops: 提高停车 stands earlier too, so more is quoted.
    #[test]
    fn a_cut_short_note_quotes_words_found_only_where_the_text_stops() {
        let mut letter = crate::letter::load::embedded();
        letter.closing = vec![
            "我们将提高停车管理水平。".into(),
            "下一步我们将持续推进，提高停车".into(),
        ];
        let note = cut_short(&letter, "…提高停车").expect("a note");
        let mut count = 0;
        crate::letter::fields::for_each_text(&letter, |_, _, text| {
            count += text.matches(note.text.as_str()).count();
        });
        assert_eq!(count, 1, "{}", note.text);
        assert_eq!(note.text, "下一步我们将持续推进，提高停车");
    }

    use super::*;

    /// The notes on the unit-less numbers of `paragraphs`, made the letter's closing.
    fn unitless_notes(paragraphs: &[&str]) -> Vec<EditorialNote> {
        let mut letter = crate::letter::load::embedded();
        letter.closing = paragraphs.iter().map(ToString::to_string).collect();
        let mut unitless = LeftOut::default();
        for p in paragraphs {
            let found = super::super::figures::figures(p);
            unitless.add(p, found.unitless.into_iter().map(|r| (r, Left::NoUnit)));
        }
        super::left_out(&letter, &unitless, &letter.notes)
    }

    /// A number left out for want of a unit gets a note that quotes as few of the words
    /// around it as occur nowhere else in the letter, within its line: the number alone,
    /// where it stands alone; more, where it stands elsewhere too (in 1.2万元, or a sentence
    /// written twice, whose note stands under both).
    #[test]
    fn a_number_with_no_unit_is_noted_where_it_stands_alone() {
        let notes = unitless_notes(&["在500余个小区增设了1.2万停车位。"]);
        assert_eq!(notes.len(), 1);
        assert_eq!(notes[0].text, "1.2万");
        assert_eq!(
            notes[0].note,
            "“1.2万”后面没有 dafu 认得的单位，未作为数字收录。（导入时自动标出，请核对）"
        );
        let notes = unitless_notes(&["投资1.2万元，增设了1.2万停车位。"]);
        let texts: Vec<&str> = notes.iter().map(|n| n.text.as_str()).collect();
        assert_eq!(texts, ["1.2万停"]);
        // Within its line: a line break ends the words quoted.
        let twice = "增设了1.2万停车位\n增设了1.2万停车位";
        let notes = unitless_notes(&[twice]);
        let texts: Vec<&str> = notes.iter().map(|n| n.text.as_str()).collect();
        assert_eq!(texts, ["增设了1.2万停车位"]);
    }

    /// A number's note widened to tell it apart quotes whole numbers around it: 「2023年1.2万
    /// 停车」, not 「3年1.2万停车」, which began inside the year.
    #[test]
    fn a_number_with_no_unit_is_noted_with_whole_numbers_around_it() {
        let notes = unitless_notes(&["2023年1.2万停车位。", "2024年1.2万停车位。"]);
        let texts: Vec<&str> = notes.iter().map(|n| n.text.as_str()).collect();
        assert_eq!(texts, ["2023年1.2万停车", "2024年1.2万停车"]);
    }

    #[test]
    fn traditional_characters_and_doubled_words_are_flagged() {
        let mut out = Vec::new();
        scan(
            "结合传统产业的優勢，重点支持支持高端软件，常常如此",
            &mut out,
        );
        let texts: Vec<&str> = out.iter().map(|n| n.text.as_str()).collect();
        assert_eq!(texts, ["優勢", "支持支持"]);
        assert!(out[0].note.contains("优势"));
    }
}
