//! The header and footer of a letter, found by their shape.
//!
//! Header, from the top: the classification `(A类)`, the issuer, the document number
//! `…〔2021〕142号`, the title (ending in `函` or `答复`), the addressee ending in `：`.
//! Footer, from the end: the signing body, the date `2021年7月28日`, then the contact line
//! `(联系人及电话：…)`, the disclosure `公开方式：…` and the copy line `抄送：…`. The proposal's
//! number and session come from the title, its title from the first book title in the opening.

use super::errata::Errata;
use super::layout::{Line, join_lines};
use super::tree::numeral_value;
use crate::letter::Proposal;

/// What the top of a letter gives.
#[derive(Debug)]
pub(crate) struct Header {
    pub classification: String,
    pub issuer: String,
    pub doc_number: String,
    pub title: String,
    pub addressee: String,
    /// Index into the lines of the first line after the addressee.
    pub body_start: usize,
}

/// What the end of a letter gives.
#[derive(Debug)]
pub(crate) struct Footer {
    pub issuer: String,
    /// ISO 8601.
    pub date: String,
    pub contact: Option<String>,
    pub disclosure: Option<String>,
    pub cc: Option<String>,
    /// Index into the lines of the signing body's line: the body ends before it.
    pub body_end: usize,
}

/// A problem that stops the import: the 1-based input line it concerns, and what is wrong.
pub(crate) type Problem = (usize, String);

/// How many non-blank lines from the top the document number may be sought in.
const HEADER_LINES: usize = 10;

/// Reads the header from the top of `lines`.
pub(crate) fn header(lines: &[Option<Line>], errata: &mut Errata) -> Result<Header, Problem> {
    let present: Vec<(usize, &Line)> = lines
        .iter()
        .enumerate()
        .filter_map(|(i, l)| l.as_ref().map(|l| (i, l)))
        .collect();
    let Some(&(_, first)) = present.first() else {
        return Err((1, "the text is empty; expected a reply letter".into()));
    };
    let mut k = 0;
    let classification = classification(&first.text);
    if classification.is_some() {
        k = 1;
    }
    let doc = present
        .iter()
        .take(HEADER_LINES)
        .position(|(_, l)| is_doc_number(&l.text))
        .filter(|&d| d >= k)
        .ok_or_else(|| {
            (
                first.number,
                "no document number (a line such as 中山科函〔2021〕142号) near the top".into(),
            )
        })?;
    let addressee = present
        .iter()
        .enumerate()
        .skip(doc + 1)
        .take(HEADER_LINES)
        .find(|(_, (_, l))| l.text.ends_with(['：', ':']))
        .map(|(a, _)| a)
        .ok_or_else(|| {
            (
                present[doc].1.number,
                "no addressee (a line ending in ：) after the title".into(),
            )
        })?;
    // The title runs to the last line ending in 函 or 复 before the addressee, or else to the
    // line before the addressee.
    let title_end = (doc + 1..addressee)
        .rev()
        .find(|&t| present[t].1.text.ends_with(['函', '复']))
        .unwrap_or(addressee - 1);
    let text_of = |range: std::ops::Range<usize>, errata: &mut Errata| {
        join_lines(present[range].iter().map(|(_, l)| *l), errata)
    };
    let issuer = text_of(k..doc, errata);
    let title = text_of(doc + 1..title_end + 1, errata);
    let addressee_text = text_of(title_end + 1..addressee + 1, errata);
    let addressee_text = addressee_text
        .trim_end_matches(['：', ':'])
        .trim()
        .to_string();
    Ok(Header {
        classification: classification.unwrap_or_default(),
        issuer,
        doc_number: present[doc].1.text.clone(),
        title,
        addressee: addressee_text,
        body_start: present[addressee].0 + 1,
    })
}

/// `(A类)`, `（B类）`, `A类` → `A类`.
fn classification(line: &str) -> Option<String> {
    let inner: String = line
        .trim_matches(['(', ')', '（', '）'])
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let mut chars = inner.chars();
    match (chars.next(), chars.next(), chars.next()) {
        (Some(class), Some('类'), None) if class.is_ascii_uppercase() => Some(inner),
        _ => None,
    }
}

/// `中山科函〔2021〕142号`: a year in brackets, then a number and 号, at the end of a short line.
fn is_doc_number(line: &str) -> bool {
    let chars: Vec<char> = line.chars().filter(|c| !c.is_whitespace()).collect();
    if chars.len() > 40 || chars.last() != Some(&'号') {
        return false;
    }
    chars.iter().enumerate().any(|(i, c)| {
        matches!(c, '〔' | '[' | '［' | '【' | '(' | '（')
            && chars
                .get(i + 1..i + 5)
                .is_some_and(|y| y.iter().all(char::is_ascii_digit))
            && chars
                .get(i + 5)
                .is_some_and(|c| matches!(c, '〕' | ']' | '］' | '】' | ')' | '）'))
            && chars.get(i + 6).is_some_and(char::is_ascii_digit)
    })
}

/// Reads the footer: the last date line after `from`, the signing body before it, and the
/// contact, disclosure and copy lines after it.
pub(crate) fn footer(
    lines: &[Option<Line>],
    from: usize,
    errata: &mut Errata,
    warnings: &mut Vec<String>,
) -> Result<Footer, Problem> {
    let last_line = lines.len();
    let (at, date) = (from..lines.len())
        .rev()
        .find_map(|i| {
            let line = lines[i].as_ref()?;
            date(&line.text).map(|d| (i, d))
        })
        .ok_or_else(|| {
            (
                last_line,
                "no date of signature (a line such as 2021年7月28日) after the addressee".into(),
            )
        })?;
    let (body_end, signer) = (from..at)
        .rev()
        .find_map(|i| lines[i].as_ref().map(|l| (i, l)))
        .ok_or_else(|| (at + 1, "no signing body on the line before the date".into()))?;
    let mut fields: Vec<(&str, Vec<&Line>)> = Vec::new();
    for line in lines[at + 1..].iter().flatten() {
        let text = line.text.trim_start_matches(['(', '（']);
        let field = if text.starts_with("联系人") || text.starts_with("联系电话") {
            Some("contact")
        } else if text.starts_with("公开方式") {
            Some("disclosure")
        } else if text.starts_with("抄送") {
            Some("cc")
        } else {
            None
        };
        match (field, fields.last_mut()) {
            (Some(name), _) => fields.push((name, vec![line])),
            (None, Some((_, lines))) => lines.push(line),
            (None, None) => {
                warnings.push(format!(
                    "line {}: after the date but not a contact, disclosure or cc line; kept as the contact line",
                    line.number
                ));
                fields.push(("contact", vec![line]));
            }
        }
    }
    let mut field = |name: &str, errata: &mut Errata| {
        let mut found = fields.iter().filter(|(n, _)| *n == name);
        let first = found.next()?;
        let text = join_lines(first.1.iter().copied(), errata);
        if let Some(again) = found.next() {
            warnings.push(format!(
                "line {}: a second {name} line; only the first is kept",
                again.1[0].number
            ));
        }
        Some(text)
    };
    Ok(Footer {
        issuer: signer.text.clone(),
        date,
        contact: field("contact", errata),
        disclosure: field("disclosure", errata),
        cc: field("cc", errata),
        body_end,
    })
}

/// `2021年7月28日` or `二〇二一年七月二十八日` alone on a line → `2021-07-28`.
fn date(line: &str) -> Option<String> {
    let squeezed: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    let (year, rest) = squeezed.split_once('年')?;
    let (month, rest) = rest.split_once('月')?;
    let day = rest.strip_suffix('日')?;
    let year: String = year
        .chars()
        .map(|c| match c {
            '〇' | '零' | 'О' => Some('0'),
            c if c.is_ascii_digit() => Some(c),
            c => numeral_value(&c.to_string())
                .and_then(|n| char::from_digit(u32::try_from(n).ok()?, 10)),
        })
        .collect::<Option<String>>()?;
    let number = |s: &str| {
        s.parse::<u32>()
            .ok()
            .or_else(|| numeral_value(s)?.try_into().ok())
    };
    let (year, month, day): (u32, u32, u32) = (year.parse().ok()?, number(month)?, number(day)?);
    let iso = format!("{year:04}-{month:02}-{day:02}");
    (year.to_string().len() == 4 && crate::letter::load::parse_date(&iso).is_some()).then_some(iso)
}

/// The proposal: its number and session from the title (`…关于中山市政协十二届五次会议提案
/// 第125053号答复的函`), its title from the first book title in the opening that names a
/// suggestion or proposal.
pub(crate) fn proposal(title: &str, opening: &[String], warnings: &mut Vec<String>) -> Proposal {
    let chars: Vec<char> = title.chars().collect();
    let mut number = None;
    let mut session = String::new();
    // The last 第…号 in the title.
    if let Some(hao) = chars.iter().rposition(|&c| c == '号') {
        let digits_start = (0..hao)
            .rev()
            .take_while(|&i| chars[i].is_ascii_digit())
            .last();
        if let Some(start) = digits_start
            && start > 0
            && chars[start - 1] == '第'
        {
            let digits: String = chars[start..hao].iter().collect();
            number = digits.parse().ok();
            let before: String = chars[..start - 1].iter().collect();
            let after_about = before
                .rsplit_once("关于")
                .map_or(before.as_str(), |(_, s)| s);
            session = after_about
                .trim_end_matches("代表建议")
                .trim_end_matches("提案")
                .trim_end_matches("建议")
                .to_string();
        }
    }
    if number.is_none() {
        warnings.push("the title names no proposal number (提案第…号); set proposal.number".into());
    }
    let quoted = opening.iter().find_map(|p| {
        p.split('《')
            .skip(1)
            .filter_map(|s| s.split_once('》').map(|(t, _)| t))
            .find(|t| t.ends_with("建议") || t.ends_with("提案") || t.ends_with("议案"))
            .map(str::to_string)
    });
    if quoted.is_none() {
        warnings.push("the opening quotes no 《…建议》; set proposal.title".into());
    }
    Proposal {
        number: number.unwrap_or(0),
        session,
        title: quoted.unwrap_or_default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_shapes() {
        assert_eq!(classification("(A类)").as_deref(), Some("A类"));
        assert_eq!(classification("（B 类）").as_deref(), Some("B类"));
        assert_eq!(classification("中山市科学技术局"), None);
        assert!(is_doc_number("中山科函〔2021〕142号"));
        assert!(is_doc_number("某府函[2020]7号"));
        assert!(!is_doc_number("提案第125053号"));
    }

    #[test]
    fn dates_in_both_numerals() {
        assert_eq!(date("2021年7月28日").as_deref(), Some("2021-07-28"));
        assert_eq!(
            date("二〇二一年七月二十八日").as_deref(),
            Some("2021-07-28")
        );
        assert_eq!(date("2021年2月30日"), None);
        assert_eq!(date("2021年上半年"), None);
    }

    #[test]
    fn proposal_from_title_and_opening() {
        let mut warnings = Vec::new();
        let p = proposal(
            "中山市科学技术局关于中山市政协十二届五次会议提案第125053号答复的函",
            &["您们提出的《关于某事的建议》收悉。".to_string()],
            &mut warnings,
        );
        assert_eq!(p.number, 125_053);
        assert_eq!(p.session, "中山市政协十二届五次会议");
        assert_eq!(p.title, "关于某事的建议");
        assert!(warnings.is_empty());
    }
}
