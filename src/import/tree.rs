//! The letter's tree from its paragraphs: the opening, the suggestions (`一、`) with their
//! response sentence, their measures (`（一）`/`(一)`), the points of each (`一是…`), and the
//! closing.
//!
//! Ordinals must come in sequence (`一、` then `二、`; `（一）` again under each suggestion;
//! `一是` again under each measure), so an ordinal-looking word in running text (`一、二、三等奖`)
//! does not start a part. Titles are split from bodies as the letter does: a suggestion's
//! title ends at the space or full stop before its response; a measure's at its first `。`.

use super::errata::{Errata, Kind};
use crate::letter::{Measure, Point, Suggestion};

/// The body of a letter, between the addressee and the signature, as a tree.
#[derive(Debug, Default)]
pub(crate) struct Body {
    pub opening: Vec<String>,
    pub suggestions: Vec<Suggestion>,
    pub closing: Vec<String>,
}

/// Chinese ordinals as letters number their parts.
const DIGITS: [char; 9] = ['一', '二', '三', '四', '五', '六', '七', '八', '九'];

/// A Chinese numeral from 1 to 99 at the start of `chars`, and how many characters it takes.
fn numeral(chars: &[char]) -> Option<(usize, usize)> {
    let digit = |i: usize| {
        chars
            .get(i)
            .and_then(|c| DIGITS.iter().position(|d| d == c))
            .map(|d| d + 1)
    };
    let ten = |i: usize| chars.get(i) == Some(&'十');
    match (digit(0), ten(0)) {
        (Some(tens), _) if ten(1) => Some(match digit(2) {
            Some(units) => (tens * 10 + units, 3),
            None => (tens * 10, 2),
        }),
        (Some(n), _) => Some((n, 1)),
        (None, true) => Some(match digit(1) {
            Some(units) => (10 + units, 2),
            None => (10, 1),
        }),
        (None, false) => None,
    }
}

/// A whole string read as a Chinese numeral: `二十八` → 28.
pub(crate) fn numeral_value(s: &str) -> Option<usize> {
    let chars: Vec<char> = s.chars().collect();
    numeral(&chars)
        .filter(|&(_, len)| len == chars.len())
        .map(|(n, _)| n)
}

/// The ordinal in Chinese, for messages and errata: 1 → `一`, 12 → `十二`.
pub(crate) use crate::letter::tree::chinese_numeral as chinese;

/// How many characters of a paragraph an ordinal can take, spaces included: enough for
/// `（ 二十三 ）` and what follows it, so that recognising one never reads a whole paragraph.
const ORDINAL_CHARS: usize = 12;

/// The first characters of `text`, after leading spaces and bold marks, and the text from
/// there on.
fn head(text: &str) -> (Vec<char>, &str) {
    let trimmed = text.trim_start_matches(|c: char| c == '*' || c.is_whitespace());
    (trimmed.chars().take(ORDINAL_CHARS).collect(), trimmed)
}

/// The text after the first `n` characters of `trimmed`.
fn after(trimmed: &str, n: usize) -> String {
    trimmed
        .char_indices()
        .nth(n)
        .and_then(|(i, _)| trimmed.get(i..))
        .unwrap_or_default()
        .to_string()
}

/// `一、`: the suggestion's number and how many characters the ordinal takes.
fn suggestion_head(chars: &[char]) -> Option<(usize, usize)> {
    let (n, len) = numeral(chars)?;
    // `一、二、三等奖` is a list in running text, not a heading.
    let list = chars
        .get(len + 1)
        .is_some_and(|c| DIGITS.contains(c) || *c == '十');
    (chars.get(len) == Some(&'、') && !list).then_some((n, len + 1))
}

/// `（一）` or `(一) `: the measure's number, how many characters the ordinal (and the spaces
/// after it) take, and whether it is written otherwise than `（一）`.
fn measure_head(chars: &[char]) -> Option<(usize, usize, bool)> {
    let open = *chars.first()?;
    if !matches!(open, '(' | '（') {
        return None;
    }
    let mut i = 1;
    while chars.get(i).is_some_and(|c| c.is_whitespace()) {
        i += 1;
    }
    let (n, len) = numeral(chars.get(i..)?)?;
    i += len;
    while chars.get(i).is_some_and(|c| c.is_whitespace()) {
        i += 1;
    }
    let close = *chars.get(i)?;
    if !matches!(close, ')' | '）') {
        return None;
    }
    let mut end = i + 1;
    while chars.get(end).is_some_and(|c| c.is_whitespace()) {
        end += 1;
    }
    let odd = open == '(' || close == ')' || end > i + 1 || i > 1 + len;
    Some((n, end, odd))
}

/// `一、…`: the suggestion's number and the text after the ordinal.
pub(crate) fn suggestion_ordinal(text: &str) -> Option<(usize, String)> {
    let (chars, trimmed) = head(text);
    let (n, len) = suggestion_head(&chars)?;
    Some((n, after(trimmed, len)))
}

/// `（一）…` or `(一)…`: the measure's number, the text after the ordinal, and the ordinal as
/// written when it was typed with half-width brackets.
pub(crate) fn measure_ordinal(text: &str) -> Option<(usize, String, Option<String>)> {
    let (chars, trimmed) = head(text);
    let (n, len, odd) = measure_head(&chars)?;
    let written = odd.then(|| chars[..len].iter().collect());
    Some((n, after(trimmed, len), written))
}

/// Whether a paragraph begins a suggestion or a measure (by its shape, not its number). Reads
/// only the paragraph's first characters.
pub(crate) fn starts_part(text: &str) -> bool {
    let (chars, _) = head(text);
    suggestion_head(&chars).is_some() || measure_head(&chars).is_some()
}

/// Words that open a letter's closing paragraphs.
const CLOSING_OPENERS: [&str; 12] = [
    "综上",
    "综合而言",
    "总之",
    "总的来说",
    "专此",
    "特此",
    "此复",
    "最后",
    "再次感谢",
    "衷心感谢",
    "诚挚感谢",
    "感谢",
];

fn is_closing(text: &str) -> bool {
    CLOSING_OPENERS.iter().any(|w| text.starts_with(w))
        || ["专此答复", "特此答复", "特此函复"]
            .iter()
            .any(|w| text.contains(w))
}

/// The longest verdict, in characters.
const RESPONSE_CHARS: usize = 60;

/// A one-sentence verdict such as `吸取采纳该建议。`.
fn is_response(text: &str) -> bool {
    let chars: Vec<char> = text.chars().take(RESPONSE_CHARS + 1).collect();
    let inner_stops = chars
        .iter()
        .take(chars.len().saturating_sub(1))
        .filter(|c| matches!(c, '。' | '！' | '？'))
        .count();
    !starts_part(text)
        && chars.len() <= RESPONSE_CHARS
        && matches!(chars.last(), Some('。' | '：'))
        && inner_stops == 0
}

/// A suggestion heading's text after `一、`, split into title and response.
fn split_suggestion_heading(rest: &str) -> (String, String) {
    let chars: Vec<char> = rest.trim().chars().collect();
    // A space before a one-sentence verdict: `关于…的建议 吸取采纳该建议。` (a verdict is
    // short, so only the heading's last characters are tried).
    let from = chars.len().saturating_sub(RESPONSE_CHARS + 2);
    for (i, c) in chars.iter().enumerate().skip(from) {
        if c.is_whitespace() {
            let after: String = chars[i..].iter().collect::<String>().trim().to_string();
            if is_response(&after) {
                return (
                    chars[..i].iter().collect::<String>().trim().to_string(),
                    after,
                );
            }
        }
    }
    match chars.iter().position(|&c| c == '。') {
        Some(stop) => (
            chars[..stop].iter().collect(),
            chars[stop + 1..]
                .iter()
                .collect::<String>()
                .trim()
                .to_string(),
        ),
        None => (chars.iter().collect(), String::new()),
    }
}

/// A measure heading's text after `（一）`, split at its first full stop into the title and
/// the start of the body.
fn split_measure_heading(rest: &str) -> (String, String) {
    match rest.split_once('。') {
        Some((title, body)) => (title.trim().to_string(), body.trim().to_string()),
        None => (rest.trim().to_string(), String::new()),
    }
}

/// A measure while its paragraphs are read: the title and the body's paragraphs.
struct Open {
    title: String,
    body: Vec<String>,
}

/// Builds the tree. Problems a person should look at go to `warnings`.
pub(crate) fn body(
    paragraphs: Vec<String>,
    errata: &mut Errata,
    warnings: &mut Vec<String>,
) -> Body {
    let mut out = Body::default();
    // Per suggestion, its measures while they are read.
    let mut measures: Vec<Vec<Open>> = Vec::new();
    let mut in_closing = false;
    let mut awaiting_response = false;
    for text in paragraphs {
        let next_suggestion = out.suggestions.len() + 1;
        if !in_closing
            && let Some((n, rest)) = suggestion_ordinal(&text)
            && n == next_suggestion
        {
            let (title, response) = split_suggestion_heading(&rest);
            awaiting_response = response.is_empty();
            out.suggestions.push(Suggestion {
                title,
                response,
                paragraphs: Vec::new(),
                figures: Vec::new(),
                measures: Vec::new(),
            });
            measures.push(Vec::new());
            continue;
        }
        let was_awaiting = std::mem::take(&mut awaiting_response);
        if !in_closing
            && let Some(open) = measures.last_mut()
            && let Some((n, rest, written)) = measure_ordinal(&text)
            && n == open.len() + 1
        {
            if let Some(written) = written {
                errata.group(Kind::HalfWidthBrackets, || {
                    (written.clone(), format!("（{}）", chinese(n)))
                });
            }
            let (title, body) = split_measure_heading(&rest);
            open.push(Open {
                title,
                body: vec![body],
            });
            continue;
        }
        let has_text = !out.opening.is_empty() || !out.suggestions.is_empty();
        if !in_closing && has_text && is_closing(&text) {
            in_closing = true;
        }
        if in_closing {
            out.closing.push(text);
        } else if let Some(suggestion) = out.suggestions.last_mut() {
            let open = measures
                .last_mut()
                .expect("a suggestion has its measure list");
            if was_awaiting && open.is_empty() && is_response(&text) {
                suggestion.response = text;
            } else if let Some(measure) = open.last_mut() {
                measure.body.push(text);
            } else {
                suggestion.paragraphs.push(text);
            }
        } else {
            out.opening.push(text);
        }
    }
    for (s, (suggestion, open)) in out.suggestions.iter_mut().zip(measures).enumerate() {
        if suggestion.response.is_empty() {
            warnings.push(format!(
                "{}、{}: no response sentence (such as 吸取采纳该建议。) found",
                chinese(s + 1),
                suggestion.title
            ));
        }
        suggestion.measures = open.into_iter().map(points).collect();
    }
    out
}

/// Splits a measure's body into the paragraphs before its points and the points `一是…`.
fn points(open: Open) -> Measure {
    let mut paragraphs: Vec<String> = Vec::new();
    let mut points: Vec<String> = Vec::new();
    for part in open.body.iter().filter(|p| !p.trim().is_empty()) {
        let chars: Vec<char> = part.chars().collect();
        // Text of this paragraph not yet given to the paragraphs or a point.
        let mut from = 0;
        let mut new_part = true;
        let mut i = 0;
        while i < chars.len() {
            let enumerator = at_point_start(&chars, i)
                .then(|| numeral(&chars[i..]))
                .flatten()
                .filter(|&(n, len)| n == points.len() + 1 && chars.get(i + len) == Some(&'是'));
            if let Some((_, len)) = enumerator {
                give(&chars[from..i], new_part, &mut paragraphs, &mut points);
                points.push(String::new());
                new_part = false;
                i += len + 1;
                from = i;
            } else {
                i += 1;
            }
        }
        give(&chars[from..], new_part, &mut paragraphs, &mut points);
    }
    Measure {
        title: open.title,
        paragraphs,
        figures: Vec::new(),
        points: points
            .into_iter()
            .map(|text| Point {
                text,
                figures: Vec::new(),
            })
            .collect(),
    }
}

/// Gives a piece of a paragraph to the last point, or to the paragraphs before the points. A
/// piece that starts a paragraph of the source starts a paragraph (or a line of the point).
fn give(piece: &[char], new_part: bool, paragraphs: &mut Vec<String>, points: &mut [String]) {
    let piece: String = piece.iter().collect::<String>().trim().to_string();
    if piece.is_empty() {
        return;
    }
    match points.last_mut() {
        Some(point) if point.is_empty() => *point = piece,
        Some(point) => {
            if new_part {
                point.push('\n');
            }
            point.push_str(&piece);
        }
        None => match paragraphs.last_mut() {
            Some(last) if !new_part => last.push_str(&piece),
            _ => paragraphs.push(piece),
        },
    }
}

/// A point can begin at a paragraph's start or after `。；：！？`.
fn at_point_start(chars: &[char], i: usize) -> bool {
    let before = chars[..i].iter().rev().find(|c| !c.is_whitespace());
    before.is_none_or(|c| matches!(c, '。' | '；' | '：' | '！' | '？'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paragraphs(texts: &[&str]) -> Vec<String> {
        texts.iter().map(|t| (*t).to_string()).collect()
    }

    #[test]
    fn numerals_read_as_letters_number() {
        let n = |s: &str| numeral(&s.chars().collect::<Vec<_>>());
        assert_eq!(n("一、"), Some((1, 1)));
        assert_eq!(n("十、"), Some((10, 1)));
        assert_eq!(n("十二、"), Some((12, 2)));
        assert_eq!(n("二十、"), Some((20, 2)));
        assert_eq!(n("二十三、"), Some((23, 3)));
        assert_eq!(n("是"), None);
    }

    #[test]
    fn the_tree_is_read_in_sequence() {
        let mut errata = Errata::default();
        let mut warnings = Vec::new();
        let body = body(
            paragraphs(&[
                "您们的建议收悉。现答复如下：",
                "一、关于甲的建议 吸取采纳该建议。",
                "(一) 加强设计。前言：一是出台规划。二是推进创新，一、二、三等奖。",
                "（二）创新机制。正文。",
                "二、关于乙的建议",
                "吸取采纳该建议。",
                "（一）做事",
                "一是甲。二是乙。",
                "专此答复。",
            ]),
            &mut errata,
            &mut warnings,
        );
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(body.opening, ["您们的建议收悉。现答复如下："]);
        assert_eq!(body.suggestions.len(), 2);
        let first = &body.suggestions[0];
        assert_eq!(first.title, "关于甲的建议");
        assert_eq!(first.response, "吸取采纳该建议。");
        assert_eq!(first.measures[0].title, "加强设计");
        assert_eq!(first.measures[0].paragraphs, ["前言："]);
        let points: Vec<&str> = first.measures[0]
            .points
            .iter()
            .map(|p| p.text.as_str())
            .collect();
        assert_eq!(points, ["出台规划。", "推进创新，一、二、三等奖。"]);
        assert_eq!(first.measures[1].paragraphs, ["正文。"]);
        let second = &body.suggestions[1];
        assert_eq!(second.response, "吸取采纳该建议。");
        assert_eq!(second.measures[0].title, "做事");
        assert!(second.measures[0].paragraphs.is_empty());
        assert_eq!(second.measures[0].points.len(), 2);
        assert_eq!(body.closing, ["专此答复。"]);
        let errata = errata.finish();
        assert_eq!(errata[0].original, "(一) ");
        assert_eq!(errata[0].corrected, "（一）");
    }
}
