//! Wording that looks odd, flagged for a person: an editorial note drafted for each, to be
//! kept, rewritten or deleted. The text itself is never changed.
//!
//! Two shapes are found: traditional characters in a simplified text (`優勢`), and a
//! two-character word written twice (`支持支持`). Other slips (`新工智能`) need a reader.

use super::errata::is_han;
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

/// Notes on the odd wording of a whole letter.
pub(crate) fn notes(letter: &Letter) -> Vec<EditorialNote> {
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
    let last = last.rsplit('\n').next().unwrap_or(last);
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
                .map_or(0, |(at, _)| at);
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
