//! The letter's own numbering at the head of a paragraph: `一、` (a suggestion or a
//! section), `（一）` or `(一)` (a measure), `一是` (a point), read with the one
//! Chinese-numeral reader ([`crate::numbers::chinese`]), at any size (`一百、`).

use crate::numbers::chinese::read_whole;

/// How many characters of a paragraph an ordinal can take, spaces included: enough for
/// `（ 一百二十三 ）` and what follows it, so that recognising one never reads a whole
/// paragraph.
const ORDINAL_CHARS: usize = 16;

/// The text after leading spaces and bold marks.
fn trimmed(text: &str) -> &str {
    text.trim_start_matches(|c: char| c == '*' || c.is_whitespace())
}

/// The first [`ORDINAL_CHARS`] characters of `text`.
fn prefix(text: &str) -> &str {
    let end = crate::text::char_to_byte(text, ORDINAL_CHARS);
    text.get(..end).unwrap_or(text)
}

/// A Chinese numeral at the start of `text` (only its first characters are read): its value
/// and length in bytes.
pub(crate) fn numeral(text: &str) -> Option<(usize, usize)> {
    let (n, len) = read_whole(prefix(text))?;
    Some((usize::try_from(n).ok()?, len))
}

/// `一、…`: the part's number and the text after the ordinal. `一、二、三等奖` is a list in
/// running text, not a heading.
pub(crate) fn part(text: &str) -> Option<(usize, &str)> {
    let text = trimmed(text);
    let (n, len) = numeral(text)?;
    let rest = text.get(len..)?.strip_prefix('、')?;
    let list = rest.starts_with(|c: char| crate::numbers::chinese::digit(c).is_some() || c == '十');
    (!list).then_some((n, rest))
}

/// `（一）…` or `(一) …`: the measure's number, the text after the ordinal, and the ordinal as
/// written when it was typed otherwise than `（一）`.
pub(crate) fn measure(text: &str) -> Option<(usize, &str, Option<String>)> {
    let text = trimmed(text);
    let open = text.chars().next().filter(|c| matches!(c, '(' | '（'))?;
    let inner = text.get(open.len_utf8()..)?;
    let after_open = inner.trim_start();
    let (n, len) = numeral(after_open)?;
    let after_number = after_open.get(len..)?;
    let before_close = after_number.trim_start();
    let close = before_close
        .chars()
        .next()
        .filter(|c| matches!(c, ')' | '）'))?;
    let after_close = before_close.get(close.len_utf8()..)?;
    let rest = after_close.trim_start();
    let odd = open == '('
        || close == ')'
        || rest.len() < after_close.len()
        || after_open.len() < inner.len()
        || before_close.len() < after_number.len();
    let written = odd.then(|| {
        text.get(..text.len() - rest.len())
            .unwrap_or_default()
            .to_string()
    });
    Some((n, rest, written))
}

/// Whether a paragraph begins a part or a measure (by its shape, not its number). Reads only
/// the paragraph's first characters.
pub(crate) fn starts_part(text: &str) -> bool {
    part(text).is_some() || measure(text).is_some()
}

/// `一是` at the start of `text`: the point's number and the length of the enumerator.
pub(crate) fn point(text: &str) -> Option<(usize, usize)> {
    let (n, len) = numeral(text)?;
    text.get(len..)?
        .starts_with('是')
        .then_some((n, len + '是'.len_utf8()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinals_at_any_size() {
        assert_eq!(part("一、关于"), Some((1, "关于")));
        assert_eq!(part("二十三、甲"), Some((23, "甲")));
        assert_eq!(part("九十九、甲"), Some((99, "甲")));
        assert_eq!(part("一百、甲"), Some((100, "甲")));
        assert_eq!(part("一百零一、甲"), Some((101, "甲")));
        assert_eq!(part("一、二、三等奖"), None);
        assert_eq!(part("是、"), None);
        assert_eq!(measure("（一）甲"), Some((1, "甲", None)));
        assert_eq!(measure("(一) 甲"), Some((1, "甲", Some("(一) ".into()))));
        assert_eq!(measure("（一百）甲").map(|m| m.0), Some(100));
        assert_eq!(point("三是甲"), Some((3, "三是".len())));
        assert_eq!(point("三甲"), None);
    }
}
