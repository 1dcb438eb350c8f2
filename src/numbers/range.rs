//! A range of amounts (「每人每月补助200至800元」「600元至1200元」「2万至5万元」): two ends of
//! one statement, never a sum. The import notes one rather than draft a figure of it, and
//! `dafu check` refuses a sum that stands as an end of one and is of a kind a chart adds up:
//! both read it with [`range_ending`].

use std::ops::Range;

/// What stands between the two ends of a range of amounts: the marks of a range of years
/// ([`super::period::RANGE_MARKS`]), and 到 (「200到800元」), which between years a letter
/// does not write.
const AMOUNT_RANGE_MARKS: [char; 8] = ['-', '—', '–', '－', '至', '~', '～', '到'];

/// What scales a numeral's digits: 「5千至1万元」「2万至5万元」.
const SCALES: [char; 3] = ['千', '万', '亿'];

/// A digit as letters write them: ASCII, full width (「１００至２００万元」), or a Chinese
/// numeral's digit (「一百至二百万元」).
fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c) || super::chinese::digit(c).is_some()
}

/// A character of a numeral after its first: a digit, a decimal point, or a Chinese
/// numeral's 十, 百 or 千 (「一百」「十五」).
fn in_numeral(c: char) -> bool {
    is_digit(c) || c == '.' || matches!(c, '十' | '百' | '千')
}

/// Whether a numeral may begin with `c`: a digit, or the 十 of 「十五」.
fn begins_numeral(c: char) -> bool {
    is_digit(c) || c == '十'
}

/// Which end of a range of amounts a sum is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum End {
    /// The first: 「600元」 of 「600元至1200元」.
    Lower,
    /// The last: 「800元」 of 「200至800元」, the most the range allows.
    Upper,
}

/// The range of amounts that the amount in `unit` written at `at` of `text` ends, if it ends
/// one: where the range stands, and which end the amount is. Its last end is read back over
/// a numeral (「200」「2万」「1.5」), perhaps with the same unit (「600元至」), before a mark,
/// not part of a name (「G210-800米」); its first end forward over a mark, a numeral and the
/// unit (「至1200元」). An amount in another unit is no end of it (「300万元至15个乡镇」).
/// Reads only the characters next to the amount, however long `text` is. The import notes
/// ranges with it, and `dafu check` refuses an end of one marked as money that adds up.
#[must_use]
pub fn range_ending(text: &str, at: Range<usize>, unit: &str) -> Option<(Range<usize>, End)> {
    let upper = || {
        let before = text.get(..at.start)?.strip_suffix(AMOUNT_RANGE_MARKS)?;
        let numeral = before.strip_suffix(unit).unwrap_or(before);
        let start = numeral_start(numeral)?;
        let named = (numeral.get(..start))
            .and_then(|t| t.chars().next_back())
            .is_some_and(|c| c.is_ascii_alphabetic());
        (!named).then_some((start..at.end, End::Upper))
    };
    let lower = || {
        let after = text.get(at.end..)?;
        let mark = after
            .chars()
            .next()
            .filter(|c| AMOUNT_RANGE_MARKS.contains(c))?;
        let rest = after.get(mark.len_utf8()..)?;
        let numeral = numeral_length(rest);
        let end = at.end + mark.len_utf8() + numeral + unit.len();
        (numeral > 0 && rest.get(numeral..)?.starts_with(unit))
            .then_some((at.start..end, End::Lower))
    };
    upper().or_else(lower)
}

/// Where the numeral that `text` ends with starts: digits, perhaps with a decimal point,
/// then perhaps a scale ([`SCALES`]); `None` when `text` ends with no digit.
fn numeral_start(text: &str) -> Option<usize> {
    let digits = text.strip_suffix(SCALES).unwrap_or(text);
    let start = digits
        .char_indices()
        .rev()
        .take_while(|&(_, c)| in_numeral(c))
        .last()
        .map(|(at, _)| at)?;
    (digits.get(start..)?)
        .starts_with(begins_numeral)
        .then_some(start)
}

/// How many bytes of a numeral `text` starts with: digits, perhaps with a decimal point,
/// then perhaps a scale ([`SCALES`]); 0 when it starts with no digit.
fn numeral_length(text: &str) -> usize {
    if !text.starts_with(begins_numeral) {
        return 0;
    }
    let digits = text.find(|c: char| !in_numeral(c)).unwrap_or(text.len());
    let scale = (text.get(digits..)).and_then(|rest| rest.chars().next());
    digits
        + scale
            .filter(|c| SCALES.contains(c))
            .map_or(0, char::len_utf8)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The range around the first `sum` of `text`, as text, and its end.
    fn around(text: &str, sum: &str) -> Option<(String, End)> {
        let at = text.find(sum)?;
        range_ending(text, at..at + sum.len(), "元")
            .map(|(r, end)| (text.get(r).unwrap_or_default().to_string(), end))
    }

    #[test]
    fn a_sum_after_a_numeral_and_a_mark_ends_a_range_and_one_before_begins_it() {
        for (text, sum, range, end) in [
            (
                "每人每月补助200至800元。",
                "800元",
                "200至800元",
                End::Upper,
            ),
            ("补助2万至5万元", "5万元", "2万至5万元", End::Upper),
            ("补助1.5-2万元", "2万元", "1.5-2万元", End::Upper),
            ("补助200到800元", "800元", "200到800元", End::Upper),
            ("补助600元至1200元", "600元", "600元至1200元", End::Lower),
            ("补助2万元～5万元", "2万元", "2万元～5万元", End::Lower),
            ("截至600元至1200元", "600元", "600元至1200元", End::Lower),
            (
                "每人每月补助600元至1200元。",
                "1200元",
                "600元至1200元",
                End::Upper,
            ),
            (
                "补助100万元到200万元",
                "200万元",
                "100万元到200万元",
                End::Upper,
            ),
            (
                "补助100万元－200万元",
                "200万元",
                "100万元－200万元",
                End::Upper,
            ),
            ("补助5千至1万元", "1万元", "5千至1万元", End::Upper),
            (
                "补助１００至２００万元",
                "２００万元",
                "１００至２００万元",
                End::Upper,
            ),
            (
                "补助一百至二百万元",
                "二百万元",
                "一百至二百万元",
                End::Upper,
            ),
            ("补助一千元至两千元", "一千元", "一千元至两千元", End::Lower),
            (
                "补助十五至二十万元",
                "二十万元",
                "十五至二十万元",
                End::Upper,
            ),
        ] {
            assert_eq!(around(text, sum), Some((range.to_string(), end)), "{text}");
        }
    }

    #[test]
    fn a_sum_next_to_a_name_another_unit_or_a_word_ends_no_range() {
        for (text, sum) in [
            ("改造G210-800万元", "800万元"),
            ("下达资金300万元至15个乡镇", "300万元"),
            ("下达资金300万元至各乡镇", "300万元"),
            ("共投入-800万元", "800万元"),
            ("截至800万元", "800万元"),
            ("截至600元的补助", "600元"),
            ("逐步提高至600元", "600元"),
            ("800万元", "800万元"),
        ] {
            assert_eq!(around(text, sum), None, "{text}");
        }
    }
}
