//! The letter's tree from its paragraphs: the opening, the numbered parts, and the closing.
//!
//! A letter is answered in one of two ways. Suggestion by suggestion: a heading that names
//! one (`一、关于…的建议`, `…的问题`), its verdict (`吸取采纳该建议。`, only from the phrases
//! letters use for one; a short one that names what it judges, `该建议已采纳。`, also at the
//! head of the first paragraph), its measures (`（一）`) and their points (`一是…`). Or section by
//! section: a heading (`一、基本情况`) or a numbered paragraph (`一、我县按照…。`) that
//! stays a paragraph. Ordinals must come in sequence (`一、` then `二、`), so an
//! ordinal-looking word in running text (`一、二、三等奖`) does not start a part. The closing
//! is the run of closing paragraphs after the last part (`感谢…`, `特此函复`, `此致`, `敬礼`),
//! so a word of thanks early in the letter does not end it.

use super::errata::{Errata, Kind};
use super::{Warning, ordinal};
use crate::letter::{Measure, Point, Section, Suggestion};

/// The body of a letter, between the addressee and the signature, as a tree.
#[derive(Debug, Default)]
pub(crate) struct Body {
    pub opening: Vec<String>,
    pub suggestions: Vec<Suggestion>,
    pub sections: Vec<Section>,
    pub closing: Vec<String>,
}

pub(crate) use crate::letter::tree::chinese_numeral;

/// Words that open a letter's closing paragraphs.
const CLOSING_OPENERS: [&str; 24] = [
    "综上",
    "综合而言",
    "总之",
    "总的来说",
    "专此",
    "特此",
    "此复",
    "此致",
    "敬礼",
    "最后",
    "再次感谢",
    "衷心感谢",
    "诚挚感谢",
    "感谢",
    "以上答复",
    "恳请",
    "欢迎",
    "希望",
    "如有不妥",
    "请批评指正",
    // The invitation to say what the reader thinks of the reply (您对我们的办理和答复有何意见
    // 和建议，请填写在“征询意见表”中): the last words of many county replies.
    "您对",
    "如您对",
    "如对",
    "如有意见",
];

/// Whether a paragraph belongs to the closing: it opens with a closing word, or names the
/// addressee first (`周博委员，感谢您…`).
fn is_closing(text: &str, addressee: Option<&str>) -> bool {
    let text = text.trim_start();
    let text = addressee
        .and_then(|a| text.strip_prefix(a))
        .map_or(text, |rest| rest.trim_start_matches(['，', ',', '：']));
    CLOSING_OPENERS.iter().any(|w| text.starts_with(w))
        || ["专此答复", "特此答复", "特此函复"]
            .iter()
            .any(|w| text.contains(w))
}

/// Where the closing starts: after the last numbered part, the trailing run of closing
/// paragraphs; never the first paragraph.
fn closing_start(paragraphs: &[String], addressee: Option<&str>) -> usize {
    let mut start = paragraphs.len();
    while start > 1
        && ordinal::part(&paragraphs[start - 1]).is_none()
        && is_closing(&paragraphs[start - 1], addressee)
    {
        start -= 1;
    }
    start
}

/// The longest verdict, in characters.
const RESPONSE_CHARS: usize = 60;

/// Words by which a letter gives its verdict on a suggestion.
const VERDICT_WORDS: [&str; 9] = [
    "采纳",
    "吸取",
    "留作参考",
    "作为参考",
    "已解决",
    "正在解决",
    "列入计划",
    "难以解决",
    "暂不具备",
];

/// Classes a reply gives a suggestion (A类: solved or adopted, B类: being solved or planned,
/// C类: left for reference), which say its verdict as its words do.
const CLASS_MARKS: [&str; 6] = ["A类", "B类", "C类", "Ａ类", "Ｂ类", "Ｃ类"];

/// Words by which a verdict names what it is on: the suggestion, or what it raised.
const NAMES_WHAT_IS_JUDGED: [&str; 6] = ["建议", "提案", "议案", "意见", "问题", "所提"];

/// A one-sentence verdict such as `吸取采纳该建议。`: short, one sentence ending as a sentence
/// does, in the words letters use for one ([`VERDICT_WORDS`]), or a plain verdict
/// ([`is_plain_verdict`]).
fn is_response(text: &str) -> bool {
    one_sentence(text).is_some_and(|last| {
        matches!(last, '。' | '：')
            && (VERDICT_WORDS.iter().any(|w| text.contains(w)) || is_plain_verdict(text))
    })
}

/// A paragraph that is a verdict: as [`is_response`], or a plain verdict whose full stop a
/// web page's copy dropped (「您的建议已被采纳」). Only a paragraph of its own may lack it: in
/// a heading a stray space may part its words (「一、关于 采纳群众意见…的建议」).
fn is_response_paragraph(text: &str) -> bool {
    is_response(text)
        || one_sentence(text)
            .is_some_and(|last| super::errata::is_han(last) && is_plain_verdict(text))
}

/// The last character of `text` when it is one short sentence ([`RESPONSE_CHARS`] at most,
/// no full stop inside) that begins no part.
fn one_sentence(text: &str) -> Option<char> {
    let chars: Vec<char> = text.chars().take(RESPONSE_CHARS + 1).collect();
    let (&last, inner) = chars.split_last()?;
    let inner_stops = inner.iter().any(|c| matches!(c, '。' | '！' | '？'));
    (!ordinal::starts_part(text) && chars.len() <= RESPONSE_CHARS && !inner_stops).then_some(last)
}

/// A verdict that names what it judges, in a verdict's words or as a class
/// (「该建议已采纳」「该建议属于A类」): named, it is told from a sentence of work done that
/// happens to say 吸取 (「吸取先进经验」).
fn is_plain_verdict(text: &str) -> bool {
    let says = VERDICT_WORDS
        .iter()
        .chain(&CLASS_MARKS)
        .any(|w| text.contains(w));
    says && NAMES_WHAT_IS_JUDGED.iter().any(|w| text.contains(w))
}

/// The paragraph `text` split into the plain verdict it begins with, one sentence
/// ([`is_plain_verdict`]), and the rest: 「该建议已采纳。我局投入资金300万元…」. Only its
/// first [`RESPONSE_CHARS`] characters are looked at.
fn split_leading_verdict(text: &str) -> Option<(String, String)> {
    let (at, stop) = (text.char_indices())
        .take(RESPONSE_CHARS)
        .find(|&(_, c)| matches!(c, '。' | '！'))?;
    let end = at + stop.len_utf8();
    let (verdict, rest) = (text.get(..end)?, text.get(end..)?.trim_start());
    let plain = one_sentence(verdict).is_some() && is_plain_verdict(verdict);
    (plain && !rest.is_empty()).then(|| (verdict.trim().to_string(), rest.to_string()))
}

/// Whether `chars` end with `word`.
fn ends_with_word(chars: &[char], word: &str) -> bool {
    let n = word.chars().count();
    chars.len() >= n && chars[chars.len() - n..].iter().copied().eq(word.chars())
}

/// A suggestion heading's text after `一、`, split into title and verdict: `关于…的建议
/// 吸取采纳该建议。`, or after the heading's own full stop, `关于…的建议。该建议已采纳。` (a
/// verdict is short, so only the heading's last characters are tried).
fn split_suggestion_heading(rest: &str) -> (String, String) {
    let chars: Vec<char> = rest.trim().chars().collect();
    let from = chars.len().saturating_sub(RESPONSE_CHARS + 2);
    for (i, c) in chars.iter().enumerate().skip(from) {
        let ends_title =
            *c == '。' && (SUGGESTION_ENDINGS.iter()).any(|e| ends_with_word(&chars[..i], e));
        if c.is_whitespace() || ends_title {
            let after = if ends_title { i + 1 } else { i };
            let after: String = chars[after..].iter().collect::<String>().trim().to_string();
            if is_response(&after) {
                return (
                    chars[..i].iter().collect::<String>().trim().to_string(),
                    after,
                );
            }
        }
    }
    (
        chars.iter().collect::<String>().trim().to_string(),
        String::new(),
    )
}

/// Words a heading that names a suggestion ends with.
const SUGGESTION_ENDINGS: [&str; 5] = ["建议", "问题", "意见", "提案", "议案"];

/// Whether a part's text after `一、` is a heading that names a suggestion: one line without a
/// full stop (a verdict after a space aside) that ends as suggestions are named.
fn names_suggestion(rest: &str) -> bool {
    let (title, _) = split_suggestion_heading(rest);
    let title = title.trim_end_matches(['”', '」', '’', '》']);
    !title.contains(['。', '！', '？']) && SUGGESTION_ENDINGS.iter().any(|e| title.ends_with(e))
}

/// The longest heading of a section, in characters.
const HEADING_CHARS: usize = 40;

/// A section from its first paragraph's text after `一、`: a heading (`基本情况`: short, no
/// sentence punctuation), or a numbered paragraph.
fn section(rest: &str) -> Section {
    let rest = rest.trim();
    let heading = rest.chars().count() <= HEADING_CHARS
        && !rest.contains(['。', '！', '？', '；', '，', '：'])
        && !rest.is_empty();
    Section {
        title: heading.then(|| rest.to_string()),
        paragraphs: if heading {
            Vec::new()
        } else {
            vec![rest.to_string()]
        },
        figures: Vec::new(),
        points: Vec::new(),
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
    addressee: Option<&str>,
    errata: &mut Errata,
    warnings: &mut Vec<Warning>,
) -> Body {
    let mut out = Body::default();
    let mut paragraphs = paragraphs;
    out.closing = paragraphs.split_off(closing_start(&paragraphs, addressee));
    let by_suggestion = paragraphs
        .iter()
        .find_map(|p| ordinal::part(p).filter(|(n, _)| *n == 1))
        .is_some_and(|(_, rest)| names_suggestion(rest));
    if by_suggestion {
        suggestions(paragraphs, &mut out, errata, warnings);
    } else {
        sections(paragraphs, &mut out, errata);
    }
    out
}

/// The body read section by section; a section's points 一是、二是… are split from its
/// paragraphs as a measure's are.
fn sections(paragraphs: Vec<String>, out: &mut Body, errata: &mut Errata) {
    for p in paragraphs {
        if let Some((n, rest)) = ordinal::part(&p)
            && n == out.sections.len() + 1
        {
            out.sections.push(section(rest));
            continue;
        }
        match out.sections.last_mut() {
            Some(section) => section.paragraphs.push(p),
            None => out.opening.push(p),
        }
    }
    for section in &mut out.sections {
        let (paragraphs, points) =
            split_points(std::mem::take(&mut section.paragraphs), "", errata);
        section.paragraphs = paragraphs;
        section.points = points;
    }
}

/// The body read suggestion by suggestion.
fn suggestions(
    paragraphs: Vec<String>,
    out: &mut Body,
    errata: &mut Errata,
    warnings: &mut Vec<Warning>,
) {
    // Per suggestion, its measures while they are read.
    let mut measures: Vec<Vec<Open>> = Vec::new();
    let mut awaiting_response = false;
    for text in paragraphs {
        if let Some((n, rest)) = ordinal::part(&text)
            && n == out.suggestions.len() + 1
        {
            let (title, response) = split_suggestion_heading(rest);
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
        if let Some(open) = measures.last_mut()
            && let Some((n, rest, written)) = ordinal::measure(&text)
            && n == open.len() + 1
        {
            if let Some(written) = written {
                errata.group(Kind::HalfWidthBrackets, || {
                    (written.clone(), format!("（{}）", chinese_numeral(n)))
                });
            }
            let (title, body) = split_measure_heading(rest);
            open.push(Open {
                title,
                body: vec![body],
            });
            continue;
        }
        match (out.suggestions.last_mut(), measures.last_mut()) {
            (Some(suggestion), Some(open)) => {
                let first = was_awaiting && open.is_empty();
                if first && is_response_paragraph(&text) {
                    suggestion.response = text;
                } else if let Some((verdict, rest)) =
                    first.then(|| split_leading_verdict(&text)).flatten()
                {
                    suggestion.response = verdict;
                    suggestion.paragraphs.push(rest);
                } else if let Some(measure) = open.last_mut() {
                    measure.body.push(text);
                } else {
                    suggestion.paragraphs.push(text);
                }
            }
            _ => out.opening.push(text),
        }
    }
    for (s, (suggestion, open)) in out.suggestions.iter_mut().zip(measures).enumerate() {
        if suggestion.response.is_empty() {
            warnings.push(Warning::NoVerdict {
                ordinal: chinese_numeral(s + 1),
                title: suggestion.title.clone(),
            });
        }
        suggestion.measures = open.into_iter().map(|o| points(o, errata)).collect();
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

/// Splits a measure's body into the paragraphs before its points and the points `一是…`.
fn points(open: Open, errata: &mut Errata) -> Measure {
    // The body's first paragraph is what followed the heading on its line.
    let heading = Measure::heading(&open.title);
    let (paragraphs, points) = split_points(open.body, &heading, errata);
    Measure {
        title: open.title,
        paragraphs,
        figures: Vec::new(),
        points,
    }
}

/// `body` split into the paragraphs before its points and the points `一是…`. `lead` is what
/// stood before the body's first paragraph on its line (a measure's heading). A point that
/// began inside a paragraph is shown as a paragraph of its own: a change of layout, recorded
/// (once per letter, with its count), as the shipped letter records it.
fn split_points(body: Vec<String>, lead: &str, errata: &mut Errata) -> (Vec<String>, Vec<Point>) {
    let mut paragraphs: Vec<String> = Vec::new();
    let mut points: Vec<String> = Vec::new();
    for (index, part) in body.iter().enumerate() {
        if part.trim().is_empty() {
            continue;
        }
        let chars: Vec<char> = part.chars().collect();
        let lead = if index == 0 { lead.trim_end() } else { "" };
        // Text of this paragraph not yet given to the paragraphs or a point.
        let mut from = 0;
        let mut new_part = true;
        let mut i = 0;
        // The last character before `i` that is not whitespace, kept as the walk goes: looked
        // for backwards at each character, a paragraph of spaces took quadratic time.
        let mut before: Option<char> = lead.chars().next_back();
        while i < chars.len() {
            // The enumerator's characters (its numeral and 是), if the next point's starts here.
            let enumerator = point_may_start(before).then(|| {
                let head: String = chars[i..].iter().take(8).collect();
                let (n, len) = ordinal::point(&head)?;
                let taken = head.get(..len).map_or(1, |h| h.chars().count()).max(1);
                (n == points.len() + 1).then_some(taken)
            });
            if let Some(taken) = enumerator.flatten() {
                if before.is_some() {
                    record_point_split(lead, &chars, i, errata);
                }
                give(&chars[from..i], new_part, &mut paragraphs, &mut points);
                points.push(String::new());
                new_part = false;
                before = chars.get(i + taken - 1).copied().or(before);
                i += taken;
                from = i;
            } else {
                before = Some(chars[i]).filter(|c| !c.is_whitespace()).or(before);
                i += 1;
            }
        }
        give(&chars[from..], new_part, &mut paragraphs, &mut points);
    }
    let points = points
        .into_iter()
        .map(|text| Point {
            text,
            figures: Vec::new(),
        })
        .collect();
    (paragraphs, points)
}

/// Records that the point at `at` of a paragraph's `chars` (after `lead`, on the same line)
/// began inside the paragraph and is shown as a paragraph of its own.
fn record_point_split(lead: &str, chars: &[char], at: usize, errata: &mut Errata) {
    errata.group(Kind::PointsSplit, || {
        // The quotation is a few characters either side: only a window of the paragraph is
        // copied, and only for the places that may be the example.
        const WINDOW: usize = 32;
        let before: String = if at < WINDOW {
            lead.chars().chain(chars[..at].iter().copied()).collect()
        } else {
            chars[at - WINDOW..at].iter().collect()
        };
        let after: String = chars[at..].iter().take(WINDOW).collect();
        // A space before the point (`管理； 二是`) is taken out with the line break: quoted.
        let kept = before.trim_end();
        let gap = before.get(kept.len()..).unwrap_or_default();
        super::layout::line_started(kept, gap, &after)
    });
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

/// A point can begin at a paragraph's start or after `。；：！？` (`before`: the last
/// character before it that is not whitespace, if any).
fn point_may_start(before: Option<char>) -> bool {
    before.is_none_or(|c| matches!(c, '。' | '；' | '：' | '！' | '？'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paragraphs(texts: &[&str]) -> Vec<String> {
        texts.iter().map(|t| (*t).to_string()).collect()
    }

    #[test]
    fn suggestions_are_read_in_sequence() {
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
            None,
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
        // 一是 and 二是 after 前言：, and 二是 after 一是甲。: written inside a paragraph,
        // shown each on its own. 一是甲 began its paragraph.
        assert_eq!(errata[1].original, "前言：一是出台规划");
        assert_eq!(errata[1].corrected, "前言：\n一是出台规划");
        assert!(errata[1].note.contains("共3处"), "{}", errata[1].note);
    }

    /// A point after a space (`管理； 二是`) is recorded with the space, taken out with the
    /// line break, and the words before it as context.
    #[test]
    fn a_point_after_a_space_is_recorded_with_the_space() {
        let mut errata = Errata::default();
        let texts = ["收悉。", "一、甲", "二、乙。加强管理； 一是改进。", "此致"];
        let read = body(paragraphs(&texts), None, &mut errata, &mut Vec::new());
        assert_eq!(read.sections[1].points.len(), 1);
        let errata = errata.finish();
        assert_eq!(errata[0].original, "加强管理； 一是改进");
        assert_eq!(errata[0].corrected, "加强管理；\n一是改进");
    }

    /// A short verdict that names what it judges is read at the head of the suggestion's
    /// first paragraph, and without its full stop when it is a paragraph of its own; a
    /// sentence of work done, and a heading's words after a stray space, are no verdict.
    #[test]
    fn plain_verdicts_are_read_and_work_done_is_not() {
        let read = |texts: &[&str]| {
            let mut warnings = Vec::new();
            let body = body(
                paragraphs(texts),
                None,
                &mut Errata::default(),
                &mut warnings,
            );
            let s = &body.suggestions[0];
            (s.title.clone(), s.response.clone(), s.paragraphs.clone())
        };
        assert_eq!(
            read(&["一、关于甲的建议", "该建议已采纳。已修路。"]),
            (
                "关于甲的建议".into(),
                "该建议已采纳。".into(),
                vec!["已修路。".into()]
            )
        );
        assert_eq!(
            read(&["一、关于甲的建议", "所提问题已解决"]),
            ("关于甲的建议".into(), "所提问题已解决".into(), vec![])
        );
        // Work done that says 吸取, and a second sentence's verdict, stay the paragraph.
        for paragraph in ["我局吸取先进经验。新建道路。", "我局已修路。该建议已采纳。"]
        {
            let (_, response, paragraphs) = read(&["一、关于甲的建议", paragraph]);
            assert_eq!(
                (response.as_str(), paragraphs),
                ("", vec![paragraph.to_string()])
            );
        }
        let (title, response, _) = read(&["一、关于 采纳群众意见改善公交的建议", "已修路。"]);
        assert_eq!(title, "关于 采纳群众意见改善公交的建议");
        assert_eq!(response, "");
    }

    /// A point that follows a measure's heading on its line is shown on a line of its own:
    /// recorded with the heading as its context.
    #[test]
    fn a_point_after_a_measures_heading_on_its_line_is_recorded() {
        let mut errata = Errata::default();
        let texts = [
            "收悉。",
            "一、关于甲的建议",
            "采纳。",
            "（一）做事。一是甲。",
            "此致",
        ];
        let body = body(paragraphs(&texts), None, &mut errata, &mut Vec::new());
        assert_eq!(body.suggestions[0].measures[0].points[0].text, "甲。");
        let errata = errata.finish();
        assert_eq!(errata.len(), 1, "{errata:?}");
        assert_eq!(errata[0].original, "做事。一是甲");
        assert_eq!(errata[0].corrected, "做事。\n一是甲");
    }

    #[test]
    fn numbered_paragraphs_stay_paragraphs_and_thanks_early_do_not_close() {
        let mut errata = Errata::default();
        let mut warnings = Vec::new();
        let body = body(
            paragraphs(&[
                "您的提案收悉，现答复如下：",
                "首先，感谢您的关注。",
                "一、基本情况",
                "近年来做了许多。",
                "二、我局正在调研。论证结果提交审议。",
                "感谢您的支持。",
                "此致",
                "敬礼",
            ]),
            None,
            &mut errata,
            &mut warnings,
        );
        assert!(body.suggestions.is_empty());
        assert_eq!(
            body.opening,
            ["您的提案收悉，现答复如下：", "首先，感谢您的关注。"]
        );
        assert_eq!(body.sections.len(), 2);
        assert_eq!(body.sections[0].title.as_deref(), Some("基本情况"));
        assert_eq!(body.sections[0].paragraphs, ["近年来做了许多。"]);
        assert_eq!(body.sections[1].title, None);
        assert_eq!(
            body.sections[1].paragraphs,
            ["我局正在调研。论证结果提交审议。"]
        );
        assert_eq!(body.closing, ["感谢您的支持。", "此致", "敬礼"]);
    }

    #[test]
    fn numbering_goes_on_past_ninety_nine() {
        let mut texts = vec!["收悉。".to_string()];
        for n in 1..=120 {
            texts.push(format!("{}、关于第{n}事的建议", chinese_numeral(n)));
            texts.push("吸取采纳该建议。".to_string());
        }
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let mut errata = Errata::default();
        let body = body(paragraphs(&refs), None, &mut errata, &mut Vec::new());
        assert_eq!(body.suggestions.len(), 120);
        assert_eq!(body.suggestions[99].title, "关于第100事的建议");
        assert_eq!(body.suggestions[119].title, "关于第120事的建议");
        assert!(errata.finish().is_empty());
    }
}
