//! Reading a figure as the letter writes it: 「近1.8亿元」「超87亿元」「300、200、100万元」
//! 「共192家」「6%」「一百二十项」「百分之六」.
//!
//! One grammar serves two uses: [`parse`] reads exactly one figure's text (so `dafu check` can
//! compare a figure's `value`, `unit` and `qualifier` with its own words), and [`find_all`]
//! finds every figure phrase in running text (so a letter can be encoded from a transcript),
//! each with the hedge written before it and the one that governs it from earlier in its
//! clause ([`governing_qualifier`]). Both make one pass over their input and look back at most
//! [`CLAUSE_LOOKBACK`] characters, so they are linear in its length; [`read_number`] reads a
//! bare number (`5`, `五`) with the same rules.
//!
//! The grammar, informally:
//!
//! ```text
//! phrase    = [qualifier] (percent-of | items unit)
//! qualifier = 超过 | 最高 | 累计 | 近 | 超 | 约 | 共            (kept as the letter wrote it)
//! items     = item ("、" item)*                                (「300、200、100万元」: one amount each)
//! item      = number [multiplier]
//! number    = arabic | chinese
//! arabic    = digits ["." digits]     digits in ASCII or full width (０-９, "．"); "1,000" grouping
//! chinese   = 〇零一二两三四五六七八九 with 十百千万亿 (and 壹贰叁…拾佰仟), ["点" digits]
//! multiplier= 百 | 千 | 万 | 亿, increasing (「3千万」「1.2万亿」)
//! unit      = 元 | 家 | 项 | 个 | 名 | 件 | 条 | 支 | % | ％
//! percent-of= 百分之 number                                   (a percentage)
//! ```
//!
//! A list item without a multiplier of its own takes the last item's: 「300、200、100万元」
//! is 3,000,000元, 2,000,000元 and 1,000,000元. Spaces (ASCII or U+3000) may stand between
//! the parts of a phrase, as text extracted from a PDF often has them (「超过 100 家」), but not
//! inside a number.

use std::fmt;

use super::chinese::{Whole, digit, unit};
use super::units::{Hedge, Place, Unit};
use std::ops::Range;

/// The hedges written before a number, longest first so that 超过 is read before 超.
fn qualifiers() -> impl Iterator<Item = &'static str> {
    Hedge::of_place(Place::Before).map(Hedge::word)
}

/// One amount of a phrase: its value and where its number stands.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    /// The value: money in 元, counts as counted, percentages as the number before `%`.
    pub value: f64,
    /// Byte range of the item's number (and its own multiplier) in the text that was read.
    pub range: Range<usize>,
}

/// A figure phrase, read.
#[derive(Debug, Clone, PartialEq)]
pub struct Phrase {
    /// The hedge as the letter wrote it (`超`, not `超过`, when it says 超), if any.
    pub qualifier: Option<&'static str>,
    /// The amounts, in the order written: one for 「1300万元」, three for 「80、60、40万元」.
    pub items: Vec<Item>,
    /// The unit's word (one of [`Unit`]; `％` is read as `%`).
    pub unit: &'static str,
}

/// A phrase found in running text.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// Byte range of the whole phrase, qualifier included.
    pub range: Range<usize>,
    /// What it says.
    pub phrase: Phrase,
    /// A qualifier that does not touch the number but governs it from earlier in its clause
    /// (「最高补助分别为300、200、100万元」「共认定我市总部企业64家」): see
    /// [`governing_qualifier`]. `None` when the phrase has a qualifier of its own.
    pub governing: Option<&'static str>,
}

/// Why a text is not one figure phrase. Positions are byte offsets into the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PhraseError {
    /// The text is empty or only spaces.
    Empty,
    /// No number where one was expected.
    NoNumber {
        /// Where the number should start.
        at: usize,
    },
    /// A number with no unit after it (`1300万` without 元).
    NoUnit {
        /// Where the unit should stand.
        at: usize,
    },
    /// Text follows the phrase (`1300万元资金`).
    Trailing {
        /// Where the extra text starts.
        at: usize,
    },
    /// A number with more digits than any amount has.
    TooLong {
        /// Where the number starts.
        at: usize,
    },
    /// A percentage with a multiplier (`6万%`), or a list of percentages written `百分之…、…`.
    Malformed {
        /// Where it goes wrong.
        at: usize,
    },
}

impl fmt::Display for PhraseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Empty => write!(f, "the figure's text is empty"),
            Self::NoNumber { .. } => write!(f, "the figure's text holds no number"),
            Self::NoUnit { .. } => write!(
                f,
                "the figure's text has no unit after its number (one of {})",
                Unit::words()
            ),
            Self::Trailing { .. } => write!(f, "the figure's text goes on after its unit"),
            Self::TooLong { .. } => write!(f, "the figure's number has too many digits"),
            Self::Malformed { .. } => write!(f, "the figure's text is not an amount"),
        }
    }
}

impl std::error::Error for PhraseError {}

/// Reads `text` as exactly one figure phrase.
///
/// # Errors
/// A [`PhraseError`] when `text` is not one phrase from start to end.
pub fn parse(text: &str) -> Result<Phrase, PhraseError> {
    let start = skip_spaces(text, 0);
    if start == text.len() {
        return Err(PhraseError::Empty);
    }
    let (qualifier, after_q) = match qualifier_at(text, start) {
        Some(q) => (Some(q), skip_spaces(text, start + q.len())),
        None => (None, start),
    };
    match phrase_at(text, after_q) {
        Attempt::Phrase(items, unit, end, hedge) => {
            let rest = skip_spaces(text, end);
            if rest == text.len() {
                Ok(Phrase {
                    qualifier: qualifier.or(hedge),
                    items,
                    unit,
                })
            } else {
                Err(PhraseError::Trailing { at: end })
            }
        }
        Attempt::NotANumber => Err(PhraseError::NoNumber { at: after_q }),
        Attempt::NoUnit(end) => Err(PhraseError::NoUnit { at: end }),
        Attempt::Error(e, _) => Err(e),
    }
}

/// Reads `text` as exactly one number, Arabic or Chinese, with no unit: `5`, `五`, `1.8`.
#[must_use]
pub fn read_number(text: &str) -> Option<f64> {
    let n = number_at(text, 0).ok()??;
    (n.end == text.len()).then(|| n.value())
}

/// Every figure phrase in `text`, in order, each with its byte range and what it says.
///
/// Beyond [`parse`], running text needs three rules: a number preceded by 第 is an ordinal
/// (第十三个五年规划), not a count; a lone Chinese 一 before a count unit (一个更宽广的舞台)
/// is the article "a"; and a number that is not followed by a unit (2020年, 5G, 一是) is
/// skipped whole, so its tail is never read as a number of its own.
#[must_use]
pub fn find_all(text: &str) -> Vec<Found> {
    let mut out = Vec::new();
    let mut at = 0;
    while at < text.len() {
        // Most characters start no number: passed over at the cost of decoding them.
        let Some((offset, c)) = text
            .get(at..)
            .and_then(|rest| rest.char_indices().find(|&(_, c)| may_start_number(c)))
        else {
            break;
        };
        at += offset;
        if !starts_number(text, at) {
            at += c.len_utf8();
            continue;
        }
        let attempt = phrase_at(text, at);
        let end = match &attempt {
            Attempt::Phrase(_, _, end, _) | Attempt::NoUnit(end) => *end,
            Attempt::Error(_, end) => (*end).max(number_end(text, at)),
            Attempt::NotANumber => number_end(text, at),
        };
        // Always move forward, past the whole number, so that work stays linear and the
        // tail of a number is never a number of its own.
        let next = end.max(at + c.len_utf8());
        if let Attempt::Phrase(items, unit, end, hedge) = attempt
            && !is_ordinal(text, at)
            && !is_article(text, &items, unit)
        {
            let (before, start) = qualifier_before(text, at);
            let qualifier = before.or(hedge);
            let governing = match qualifier {
                Some(_) => None,
                None => governing_qualifier(text, at),
            };
            out.push(Found {
                range: start..end,
                governing,
                phrase: Phrase {
                    qualifier,
                    items,
                    unit,
                },
            });
        }
        at = next;
    }
    out
}

/// How far back, in characters, [`governing_qualifier`] looks: a clause of a letter is
/// rarely longer, and the bound keeps [`find_all`] linear.
pub const CLAUSE_LOOKBACK: usize = 40;

/// The qualifier that governs a figure starting at byte `at` without touching it: the
/// nearest hedge written before a number, earlier in the same clause (no `，。；：、！？` between), at most
/// [`CLAUSE_LOOKBACK`] characters back, that is not followed at once by a number of its own
/// (in 「近5年支持96家企业」 近 belongs to 5年, not to 96家). 「最高补助分别为300万元」 → 最高.
#[must_use]
pub fn governing_qualifier(text: &str, at: usize) -> Option<&'static str> {
    let before = text.get(..at)?;
    for (steps, (i, c)) in before.char_indices().rev().enumerate() {
        if steps >= CLAUSE_LOOKBACK || is_clause_break(c) {
            return None;
        }
        if let Some(q) = qualifiers()
            .find(|q| before.get(i..).is_some_and(|r| r.starts_with(q)))
            .filter(|q| !in_another_word(text, i, q))
        {
            // 超过 read from its 过 would be missed; from its 超 it is found whole.
            if !starts_number(text, skip_spaces(text, i + q.len())) || i + q.len() == at {
                return Some(q);
            }
        }
    }
    None
}

/// Characters that, before or after a one-character hedge, make it part of another word:
/// 公共 (public), 共同, 超高清, 超算, 近年来, 附近, 制约, 约定….
const WORDS_AROUND: [(&str, &str, &str); 3] = [
    ("共", "公", "同享建识产性赢"),
    ("超", "", "高算市级越声导大前"),
    ("约", "制节合签预契邀条公", "定束请谈"),
];

/// Whether the hedge `q` at byte `at` of `text` is part of another word (see
/// [`WORDS_AROUND`]); 近 is such a part before 年期日来代似况邻 or after 附接亲.
fn in_another_word(text: &str, at: usize, q: &str) -> bool {
    let before = text.get(..at).and_then(|b| b.chars().next_back());
    let after = text.get(at + q.len()..).and_then(|a| a.chars().next());
    let near = ("近", "附接亲", "年期日来代似况邻");
    WORDS_AROUND
        .iter()
        .chain(std::iter::once(&near))
        .any(|&(word, preceding, following)| {
            word == q
                && (before.is_some_and(|c| preceding.contains(c))
                    || after.is_some_and(|c| following.contains(c)))
        })
}

/// Punctuation that ends a clause for [`governing_qualifier`].
fn is_clause_break(c: char) -> bool {
    matches!(
        c,
        '，' | '。' | '；' | '：' | '、' | '！' | '？' | ',' | ';' | ':' | '!' | '?' | '\n'
    )
}

/// The outcome of reading a phrase at a position.
enum Attempt {
    /// Items, unit, the end of the phrase, and a hedge written after the number (`余`, `多`)
    /// or after the unit (`以上`, `左右`).
    Phrase(Vec<Item>, &'static str, usize, Option<&'static str>),
    /// No number starts here.
    NotANumber,
    /// Numbers, but no unit; the end of what was read.
    NoUnit(usize),
    /// Something a figure cannot be; and how far it was read, so that running text is
    /// read on from there, not again.
    Error(PhraseError, usize),
}

/// Reads `items unit` or `百分之 number` at `at`.
fn phrase_at(text: &str, at: usize) -> Attempt {
    if let Some(rest) = text.get(at..)
        && rest.starts_with("百分之")
    {
        return percent_of(text, skip_spaces(text, at + "百分之".len()));
    }
    // Items: each a number with an optional multiplier, separated by 、.
    let mut numbers: Vec<(Number, Option<i32>, Range<usize>)> = Vec::new();
    let mut hedge: Option<&'static str> = None;
    let mut pos = at;
    let (unit, unit_start) = loop {
        let n = match number_at(text, pos) {
            Ok(Some(n)) => n,
            Ok(None) if numbers.is_empty() => return Attempt::NotANumber,
            // 「300、」 followed by no number: the list ended before the 、.
            Ok(None) => return Attempt::NoUnit(numbers.last().map_or(pos, |n| n.2.end)),
            Err(e) => return Attempt::Error(e, pos),
        };
        let item_start = pos;
        // 「400余万元」「30多家」: a hedge between the number and the rest, in a phrase of one
        // amount.
        let (inside, after_n) = hedge_inside(text, n.end, numbers.is_empty());
        hedge = hedge.or(inside);
        // 「1900 万元」: extraction may put a space before the multiplier too.
        let (multiplier, after_m) = match multiplier_at(text, skip_spaces(text, after_n)) {
            (Some(m), end) => (Some(m), end),
            (None, _) => (None, after_n),
        };
        // 「3万余人」「1.2万多户」: the hedge after the multiplier, where none came before it.
        let (after_multiplier, after_m) = match multiplier {
            Some(_) if hedge.is_none() => hedge_inside(text, after_m, numbers.is_empty()),
            _ => (None, after_m),
        };
        hedge = hedge.or(after_multiplier);
        numbers.push((n, multiplier, item_start..after_m));
        let after = skip_spaces(text, after_m);
        if let Some(unit) = unit_at(text, after) {
            break (unit, after);
        }
        // 「30多家」 is read; 「30多」 with no unit after it is no phrase, and neither is
        // a list whose first item has a hedge.
        if hedge.is_some() {
            return Attempt::NoUnit(after_m);
        }
        match text.get(after..) {
            Some(rest) if rest.starts_with('、') => {
                let next = skip_spaces(text, after + '、'.len_utf8());
                if !starts_number(text, next) {
                    return Attempt::NoUnit(after_m);
                }
                pos = next;
            }
            _ => return Attempt::NoUnit(after_m),
        }
    };
    let last_multiplier = numbers.last().and_then(|n| n.1);
    if unit.0 == "%" && numbers.iter().any(|n| n.1.is_some()) {
        return Attempt::Error(PhraseError::Malformed { at: unit_start }, unit_start);
    }
    let items = numbers
        .into_iter()
        .map(|(n, m, range)| {
            let scale = m.or(last_multiplier).unwrap_or(0);
            Item {
                value: n.scaled(scale),
                range,
            }
        })
        .collect();
    let (unit, unit_len) = unit;
    let end = unit_start + unit_len;
    // 「95%以上」「3000万元左右」: a hedge after the unit, when none came inside.
    let after = hedge
        .is_none()
        .then(|| Hedge::at_start(text.get(end..)?, Place::After).map(Hedge::word))
        .flatten();
    let end = end + after.map_or(0, str::len);
    Attempt::Phrase(items, unit, end, hedge.or(after))
}

/// Reads the number of `百分之 number` at `from`: a percentage.
fn percent_of(text: &str, from: usize) -> Attempt {
    match number_at(text, from) {
        Ok(Some(n)) => Attempt::Phrase(
            vec![Item {
                value: n.value(),
                range: from..n.end,
            }],
            "%",
            n.end,
            None,
        ),
        Ok(None) => Attempt::Error(PhraseError::NoNumber { at: from }, from),
        Err(e) => Attempt::Error(e, from),
    }
}

/// A hedge right after a number ending at `at` (`余`, `多`), taken only for the first number
/// of a phrase (`first`): the hedge and where the phrase goes on.
fn hedge_inside(text: &str, at: usize, first: bool) -> (Option<&'static str>, usize) {
    match text.get(at..) {
        Some(rest) if first => Hedge::at_start(rest, Place::Inside)
            .map_or((None, at), |h| (Some(h.word()), at + h.word().len())),
        _ => (None, at),
    }
}

/// A number as read: an integer mantissa and a power of ten, so that 1160.77 is kept exactly
/// (116077 × 10⁻²) until it is turned into a value once.
#[derive(Debug, Clone, Copy)]
struct Number {
    mantissa: u128,
    exponent: i32,
    end: usize,
}

impl Number {
    fn value(self) -> f64 {
        self.scaled(0)
    }

    /// The value times 10^`power`, correctly rounded from the exact decimal: the standard
    /// parser reads the decimal as written, and rounds once.
    fn scaled(self, power: i32) -> f64 {
        format!("{}e{}", self.mantissa, self.exponent + power)
            .parse()
            .unwrap_or(f64::NAN)
    }
}

/// The most digits a number may have: u128 holds 38, and no amount needs more.
const MAX_DIGITS: usize = 30;

/// Reads a number (Arabic or Chinese) at `at`; `Ok(None)` when none starts there.
fn number_at(text: &str, at: usize) -> Result<Option<Number>, PhraseError> {
    let Some(c) = text.get(at..).and_then(|s| s.chars().next()) else {
        return Ok(None);
    };
    if arabic_digit(c).is_some() {
        arabic_at(text, at).map(Some)
    } else if digit(c).is_some() || c == '十' || c == '拾' {
        chinese_at(text, at).map(Some)
    } else {
        Ok(None)
    }
}

/// Whether `c` can be the first character of a number (see [`starts_number`]).
fn may_start_number(c: char) -> bool {
    arabic_digit(c).is_some() || digit(c).is_some() || matches!(c, '十' | '拾' | '百')
}

/// Whether a number starts at `at` (or 百分之).
fn starts_number(text: &str, at: usize) -> bool {
    let Some(rest) = text.get(at..) else {
        return false;
    };
    rest.starts_with("百分之")
        || rest.chars().next().is_some_and(|c| {
            arabic_digit(c).is_some() || digit(c).is_some() || c == '十' || c == '拾'
        })
}

/// Where the number starting at `at` ends (for skipping it whole).
fn number_end(text: &str, at: usize) -> usize {
    let mut end = at;
    for (i, c) in text.get(at..).unwrap_or("").char_indices() {
        if arabic_digit(c).is_some()
            || digit(c).is_some()
            || unit(c).is_some()
            || matches!(c, '.' | '．' | '点' | '百' | '分' | '之')
        {
            end = at + i + c.len_utf8();
        } else {
            break;
        }
    }
    end
}

fn arabic_digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => c.to_digit(10),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

/// Reads `digits [(,ddd)*] [. digits]`.
fn arabic_at(text: &str, at: usize) -> Result<Number, PhraseError> {
    let rest = text.get(at..).unwrap_or("");
    let mut mantissa: u128 = 0;
    let mut exponent: i32 = 0;
    let mut digits = 0usize;
    let mut in_fraction = false;
    let mut end = at;
    let mut chars = rest.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if let Some(d) = arabic_digit(c) {
            digits += 1;
            if digits > MAX_DIGITS {
                return Err(PhraseError::TooLong { at });
            }
            mantissa = mantissa * 10 + u128::from(d);
            if in_fraction {
                exponent -= 1;
            }
            end = at + i + c.len_utf8();
        } else if (c == '.' || c == '．') && !in_fraction {
            // A decimal point only when a digit follows (「3.」 ends a sentence in some texts).
            match chars.peek() {
                Some(&(_, next)) if arabic_digit(next).is_some() => in_fraction = true,
                _ => break,
            }
        } else if c == ',' && !in_fraction && is_digit_group(rest, i + 1) {
            // 「1,000」: a comma followed by exactly three digits groups thousands.
        } else {
            break;
        }
    }
    Ok(Number {
        mantissa,
        exponent,
        end,
    })
}

/// Whether exactly three digits start at byte `i` of `s` and no digit follows them.
fn is_digit_group(s: &str, i: usize) -> bool {
    let mut chars = s.get(i..).unwrap_or("").chars();
    (0..3).all(|_| chars.next().and_then(arabic_digit).is_some())
        && chars.next().and_then(arabic_digit).is_none()
}

/// Reads a Chinese numeral: 一百二十, 两千万, 一亿二千万, 二〇二〇, 三点五, 一千二 (=1200).
fn chinese_at(text: &str, at: usize) -> Result<Number, PhraseError> {
    let rest = text.get(at..).unwrap_or("");
    let too_long = PhraseError::TooLong { at };
    let mut whole = Whole::new();
    let mut count = 0usize;
    let mut end = at;
    let mut fraction: Option<(u128, i32)> = None;
    let mut chars = rest.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        count += 1;
        if count > MAX_DIGITS {
            return Err(too_long);
        }
        if let Some(d) = digit(c) {
            if !whole.digit(d).ok_or(too_long.clone())? {
                break;
            }
        } else if let Some(unit) = unit(c) {
            whole.unit(unit).ok_or(too_long.clone())?;
        } else if c == '点' && chars.peek().is_some_and(|&(_, n)| digit(n).is_some()) {
            end = at + i + c.len_utf8();
            fraction = Some(chinese_fraction(&mut chars, at, &mut end)?);
            break;
        } else {
            break;
        }
        end = at + i + c.len_utf8();
    }
    let whole = whole.value();
    Ok(match fraction {
        None => Number {
            mantissa: whole,
            exponent: 0,
            end,
        },
        Some((f, e)) => {
            let scale = 10u128
                .checked_pow(e.unsigned_abs())
                .ok_or(too_long.clone())?;
            Number {
                mantissa: whole.checked_mul(scale).ok_or(too_long.clone())? + f,
                exponent: e,
                end,
            }
        }
    })
}

/// Reads the digits after 点 from `chars` (of the numeral at `at`), moving `end` past them:
/// the fraction as digits and a negative power of ten.
fn chinese_fraction(
    chars: &mut std::iter::Peekable<std::str::CharIndices<'_>>,
    at: usize,
    end: &mut usize,
) -> Result<(u128, i32), PhraseError> {
    let too_long = PhraseError::TooLong { at };
    let mut f: u128 = 0;
    let mut e: i32 = 0;
    while let Some(&(j, n)) = chars.peek() {
        let Some(d) = digit(n) else { break };
        f = f.checked_mul(10).ok_or(too_long.clone())? + d;
        e -= 1;
        // 「三点〇〇〇…」 keeps f at 0: bound the digits, not only the value.
        if e.unsigned_abs() as usize > MAX_DIGITS {
            return Err(too_long);
        }
        *end = at + j + n.len_utf8();
        chars.next();
    }
    Ok((f, e))
}

/// Reads a multiplier after a number (`万`, `亿`, `千万`, `万亿`, `百万`), as a power of ten.
fn multiplier_at(text: &str, at: usize) -> (Option<i32>, usize) {
    let mut power = 0;
    let mut last = 0;
    let mut end = at;
    for (i, c) in text.get(at..).unwrap_or("").char_indices() {
        let p = match c {
            '百' => 2,
            '千' => 3,
            '万' => 4,
            '亿' => 8,
            _ => break,
        };
        // Increasing only: 千万, 万亿; not 万千.
        if p <= last {
            break;
        }
        power += p;
        last = p;
        end = at + i + c.len_utf8();
    }
    ((end > at).then_some(power), end)
}

/// The unit at `at`, if one stands there: its word and how many bytes it takes.
fn unit_at(text: &str, at: usize) -> Option<(&'static str, usize)> {
    Unit::at_start(text.get(at..)?).map(|(unit, len)| (unit.word(), len))
}

/// The qualifier that starts at `at`, if any.
fn qualifier_at(text: &str, at: usize) -> Option<&'static str> {
    let rest = text.get(at..)?;
    Hedge::at_start(rest, Place::Before).map(Hedge::word)
}

/// The qualifier that ends right before `at` (spaces allowed between), and where the phrase
/// then starts.
fn qualifier_before(text: &str, at: usize) -> (Option<&'static str>, usize) {
    let before = text.get(..at).unwrap_or("");
    let trimmed = before.trim_end_matches([' ', '\u{3000}']);
    match qualifiers()
        .find(|q| trimmed.ends_with(q) && !in_another_word(text, trimmed.len() - q.len(), q))
    {
        Some(q) => (Some(q), trimmed.len() - q.len()),
        None => (None, at),
    }
}

/// Whether the number at `at` follows 第 (an ordinal).
fn is_ordinal(text: &str, at: usize) -> bool {
    text.get(..at)
        .unwrap_or("")
        .trim_end_matches([' ', '\u{3000}'])
        .ends_with('第')
}

/// Whether the phrase is a lone Chinese 一 before a count unit: the article, 一个舞台.
fn is_article(text: &str, items: &[Item], unit: &str) -> bool {
    matches!(items, [item] if text.get(item.range.clone()) == Some("一"))
        && !matches!(unit, "元" | "%")
}

/// The first position at or after `at` that is not a space.
fn skip_spaces(text: &str, at: usize) -> usize {
    let rest = text.get(at..).unwrap_or("");
    at + (rest.len() - rest.trim_start_matches([' ', '\u{3000}']).len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> (Option<&'static str>, Vec<f64>, &'static str) {
        let p = parse(text).unwrap_or_else(|e| panic!("{text}: {e}"));
        (
            p.qualifier,
            p.items.iter().map(|i| i.value).collect(),
            p.unit,
        )
    }

    #[test]
    fn arabic_amounts_with_multipliers() {
        assert_eq!(one("近1.8亿元"), (Some("近"), vec![180_000_000.0], "元"));
        assert_eq!(one("1300万元"), (None, vec![13_000_000.0], "元"));
        assert_eq!(one("超87亿元"), (Some("超"), vec![8_700_000_000.0], "元"));
        assert_eq!(
            one("超过3.3亿元"),
            (Some("超过"), vec![330_000_000.0], "元")
        );
        assert_eq!(one("共1160.77万元"), (Some("共"), vec![11_607_700.0], "元"));
        assert_eq!(one("6220.64万元"), (None, vec![62_206_400.0], "元"));
        assert_eq!(one("3千万元"), (None, vec![30_000_000.0], "元"));
        assert_eq!(one("1.2万亿元"), (None, vec![1.2e12], "元"));
        assert_eq!(one("500元"), (None, vec![500.0], "元"));
        assert_eq!(one("1,000元"), (None, vec![1000.0], "元"));
        assert_eq!(one("1.2万家"), (None, vec![12_000.0], "家"));
    }

    #[test]
    fn counts_percentages_and_qualifiers() {
        assert_eq!(one("共192家"), (Some("共"), vec![192.0], "家"));
        assert_eq!(one("8项"), (None, vec![8.0], "项"));
        assert_eq!(one("6%"), (None, vec![6.0], "%"));
        assert_eq!(one("6.5％"), (None, vec![6.5], "%"));
        assert_eq!(one("百分之六"), (None, vec![6.0], "%"));
        assert_eq!(one("最高200万元"), (Some("最高"), vec![2_000_000.0], "元"));
        assert_eq!(one("累计24条"), (Some("累计"), vec![24.0], "条"));
        assert_eq!(one("约1900万元"), (Some("约"), vec![19_000_000.0], "元"));
        for unit in Unit::all().map(Unit::word) {
            assert_eq!(one(&format!("3{unit}")).2, unit);
        }
    }

    #[test]
    fn hedges_after_the_number_are_read() {
        assert_eq!(one("400余万元"), (Some("余"), vec![4_000_000.0], "元"));
        assert_eq!(one("30多家"), (Some("多"), vec![30.0], "家"));
        assert_eq!(one("500余个"), (Some("余"), vec![500.0], "个"));
        assert_eq!(one("3万余人"), (Some("余"), vec![30_000.0], "人"));
        assert_eq!(one("12.5个百分点"), (None, vec![12.5], "个百分点"));
        assert_eq!(one("1.2万多户"), (Some("多"), vec![12_000.0], "户"));
        assert_eq!(one("2亿余元"), (Some("余"), vec![200_000_000.0], "元"));
        // One hedge a phrase: 「400余万余元」 is no phrase.
        assert!(find_all("400余万余元").is_empty());
        assert_eq!(
            one("3000万元左右"),
            (Some("左右"), vec![30_000_000.0], "元")
        );
        assert_eq!(one("95%以上"), (Some("以上"), vec![95.0], "%"));
        assert_eq!(one("23784km"), (None, vec![23784.0], "km"));
        assert_eq!(one("约1385方"), (Some("约"), vec![1385.0], "方"));
        assert_eq!(one("203根"), (None, vec![203.0], "根"));
        let found = find_all("完成了95%以上，新增30多家，投资3000万元左右。");
        let said: Vec<Option<&str>> = found.iter().map(|f| f.phrase.qualifier).collect();
        assert_eq!(said, [Some("以上"), Some("多"), Some("左右")]);
    }

    #[test]
    fn full_width_digits_and_spaces_from_extraction() {
        assert_eq!(one("１３００万元"), (None, vec![13_000_000.0], "元"));
        assert_eq!(one("３．３亿元"), (None, vec![330_000_000.0], "元"));
        assert_eq!(one("超过 100 家"), (Some("超过"), vec![100.0], "家"));
        assert_eq!(one("约 1900 万元"), (Some("约"), vec![19_000_000.0], "元"));
    }

    #[test]
    fn chinese_numerals() {
        let cases: [(&str, f64); 14] = [
            ("一百二十项", 120.0),
            ("两家", 2.0),
            ("十家", 10.0),
            ("十二个", 12.0),
            ("二十个", 20.0),
            ("一千零五名", 1005.0),
            ("一千二百三十四件", 1234.0),
            ("一千二件", 1200.0),
            ("两千万元", 20_000_000.0),
            ("一亿二千万元", 120_000_000.0),
            ("三点五亿元", 350_000_000.0),
            ("二〇二〇个", 2020.0),
            ("壹佰贰拾元", 120.0),
            ("十万元", 100_000.0),
        ];
        for (text, value) in cases {
            assert_eq!(one(text).1, vec![value], "{text}");
        }
    }

    #[test]
    fn a_list_is_read_item_by_item() {
        let p = parse("300、200、100万元").expect("a list");
        let values: Vec<f64> = p.items.iter().map(|i| i.value).collect();
        assert_eq!(values, vec![3_000_000.0, 2_000_000.0, 1_000_000.0]);
        let text = "300、200、100万元";
        let items: Vec<&str> = p
            .items
            .iter()
            .filter_map(|i| text.get(i.range.clone()))
            .collect();
        assert_eq!(items, vec!["300", "200", "100万"]);
        assert_eq!(
            one("80、60、40万元").1,
            vec![800_000.0, 600_000.0, 400_000.0]
        );
        // An item with its own multiplier keeps it.
        assert_eq!(one("1亿、5000万元").1, vec![100_000_000.0, 50_000_000.0]);
    }

    #[test]
    fn what_is_not_one_phrase_is_refused() {
        assert_eq!(parse(""), Err(PhraseError::Empty));
        assert_eq!(parse("近"), Err(PhraseError::NoNumber { at: "近".len() }));
        assert_eq!(
            parse("1300万"),
            Err(PhraseError::NoUnit {
                at: "1300万".len()
            })
        );
        assert_eq!(
            parse("1300万元资金"),
            Err(PhraseError::Trailing {
                at: "1300万元".len()
            })
        );
        assert!(matches!(parse("6万%"), Err(PhraseError::Malformed { .. })));
        assert!(matches!(
            parse(&format!("{}元", "9".repeat(100))),
            Err(PhraseError::TooLong { .. })
        ));
        assert!(matches!(
            parse(&format!("{}元", "九".repeat(100))),
            Err(PhraseError::TooLong { .. })
        ));
    }

    fn found(text: &str) -> Vec<(&str, Option<&'static str>, Vec<f64>, &'static str)> {
        find_all(text)
            .into_iter()
            .map(|f| {
                (
                    text.get(f.range).unwrap_or(""),
                    f.phrase.qualifier,
                    f.phrase.items.iter().map(|i| i.value).collect(),
                    f.phrase.unit,
                )
            })
            .collect()
    }

    #[test]
    fn running_text_yields_each_phrase_with_its_range() {
        let text = "我市现有人工智能相关高新技术企业超过100家，近5年支持96家企业，扶持资金超过3.3亿元。\
                    2020年，立项3项，立项金额1300万元。";
        assert_eq!(
            found(text),
            vec![
                ("超过100家", Some("超过"), vec![100.0], "家"),
                ("96家", None, vec![96.0], "家"),
                ("超过3.3亿元", Some("超过"), vec![330_000_000.0], "元"),
                ("3项", None, vec![3.0], "项"),
                ("1300万元", None, vec![13_000_000.0], "元"),
            ]
        );
    }

    #[test]
    fn running_text_keeps_lists_whole_and_skips_what_is_no_figure() {
        let text = "对获得全国总决赛一、二、三等奖的企业，最高补助分别为300、200、100万元。\
                    共192家企业参赛，国家级2个、省级27个，第十三个五年规划，提供一个更宽广的舞台，\
                    按6%比例，累计审批贷款超87亿元，5G技术，意见提出八项工作。";
        assert_eq!(
            found(text),
            vec![
                (
                    "300、200、100万元",
                    None,
                    vec![3_000_000.0, 2_000_000.0, 1_000_000.0],
                    "元"
                ),
                ("共192家", Some("共"), vec![192.0], "家"),
                ("2个", None, vec![2.0], "个"),
                ("27个", None, vec![27.0], "个"),
                ("6%", None, vec![6.0], "%"),
                ("超87亿元", Some("超"), vec![8_700_000_000.0], "元"),
                ("八项", None, vec![8.0], "项"),
            ]
        );
    }

    #[test]
    fn the_tail_of_a_number_is_not_a_number() {
        assert_eq!(
            found("共192家"),
            vec![("共192家", Some("共"), vec![192.0], "家")]
        );
        assert_eq!(found("2019-2020年高端科研机构"), vec![]);
        assert_eq!(found("联系电话88303920)"), vec![]);
    }

    #[test]
    fn extraction_spaces_are_read_through() {
        assert_eq!(
            found("公共技术服务单位 45 个，合计补助金额约 1900 万元。"),
            vec![
                ("45 个", None, vec![45.0], "个"),
                ("约 1900 万元", Some("约"), vec![19_000_000.0], "元"),
            ]
        );
    }

    #[test]
    fn a_qualifier_may_govern_a_figure_from_earlier_in_its_clause() {
        let text =
            "最高补助分别为300、200、100万元。共认定我市总部企业64家。近5年支持96家企业，共征集8项";
        let at = |s: &str| text.find(s).unwrap_or(0);
        assert_eq!(governing_qualifier(text, at("300")), Some("最高"));
        assert_eq!(governing_qualifier(text, at("64家")), Some("共"));
        // 近 belongs to 5年; the comma ends the clause before 共.
        assert_eq!(governing_qualifier(text, at("96家")), None);
        assert_eq!(governing_qualifier(text, at("8项")), Some("共"));
        let all = find_all(text);
        let governing: Vec<Option<&str>> = all.iter().map(|f| f.governing).collect();
        assert_eq!(governing, vec![Some("最高"), Some("共"), None, Some("共")]);
    }

    proptest::proptest! {
        /// Any text of numerals, units, hedges and punctuation: no panic, and every range is
        /// a whole phrase on character boundaries that reads back as what was found.
        #[test]
        fn any_text_is_read_without_panic(
            text in "[0-9０-９.．,〇零一二两三四五六七八九十百千万亿点分之、%％元家项个第超过近约共最高累计 ]{0,48}"
        ) {
            for found in find_all(&text) {
                let phrase = text.get(found.range.clone());
                proptest::prop_assert!(phrase.is_some());
                let again = parse(phrase.unwrap_or_default());
                proptest::prop_assert_eq!(again.map(|p| p.unit), Ok(found.phrase.unit));
            }
            let _ = parse(&text);
            let _ = read_number(&text);
        }
    }

    #[test]
    fn long_runs_of_zeros_after_a_point_are_refused_not_a_panic() {
        let text = format!("三点{}元", "〇".repeat(200));
        assert!(matches!(parse(&text), Err(PhraseError::TooLong { .. })));
    }

    #[test]
    fn a_hedge_inside_another_word_is_no_hedge() {
        // 公共 is "public", 近年来 "in recent years", 超高清 "ultra-HD".
        let text = "公共技术服务单位 45 个，近年来支持3家，超高清视频产业基地2个，节约资金5万元";
        let at = |s: &str| text.find(s).unwrap_or(0);
        for figure in ["45 个", "3家", "2个", "5万元"] {
            assert_eq!(governing_qualifier(text, at(figure)), None, "{figure}");
        }
        assert!(
            find_all("公共3家")
                .iter()
                .all(|f| f.phrase.qualifier.is_none())
        );
        assert_eq!(found("总共3家")[0].1, Some("共"), "总共 is a hedge");
    }

    #[test]
    fn finding_is_linear_in_the_text() {
        // A long list without a unit, and a long run of digits-like characters, each read
        // once: quadratic work would take minutes here.
        let list = "1、".repeat(200_000);
        let digits = "一二".repeat(200_000);
        let percents = "1万、".repeat(100_000);
        let long = format!("{}{}", "1、".repeat(100_000), "9".repeat(40));
        let text = format!(
            "{list}x{digits}y{percents}1万%z{long}元 {}",
            "3家，".repeat(100_000)
        );
        let start = std::time::Instant::now();
        let all = find_all(&text);
        assert_eq!(all.len(), 100_000);
        assert!(start.elapsed().as_secs() < 10, "{:?}", start.elapsed());
    }
}
