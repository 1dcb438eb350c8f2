//! The date a letter is signed with, alone on a line, in the forms offices write it:
//! `2021年7月28日`, `二〇二一年七月二十八日` (its zero also typed `○`, `O`, `0` or `零`),
//! `2021.7.28`, `2021-07-28`, `2021/7/28`. A line written as a date of a day the calendar does
//! not have (`2023年2月30日`) is told apart from a line that is no date: it is the letter's
//! date line, and what is wrong with it is said in the words `dafu check` refuses such a
//! date with.

use crate::numbers::chinese;

/// What a line alone that is written as a date gives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum DateLine {
    /// A date of the calendar, ISO 8601.
    Date(String),
    /// Written as a date, but of none the calendar has (`2023-02-30`, `2023-13-05`): what is
    /// wrong with it, as `dafu check` says it of the date written `YYYY-MM-DD`.
    NotInCalendar(String),
}

/// The characters offices type for `〇` in a year written in Chinese numerals: the circle
/// `○` (U+25CB), Latin `O`, the digit `0`, and `零`.
const ZEROS: [char; 6] = ['○', 'O', 'o', 'Ｏ', '0', '零'];

/// The line read as a date, when it is one alone (spaces aside).
pub(crate) fn date_line(line: &str) -> Option<DateLine> {
    let squeezed: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    let (year, month, day) = in_chinese_form(&squeezed).or_else(|| in_digits(&squeezed))?;
    let iso = format!("{year:04}-{month:02}-{day:02}");
    Some(match crate::letter::load::calendar_problem(&iso) {
        None => DateLine::Date(iso),
        Some(problem) => DateLine::NotInCalendar(problem),
    })
}

/// `2021年7月28日`, `二〇二一年七月二十八日`: year, month and day, each in Arabic or Chinese
/// numerals; a four-digit year, and a month and day of at most two digits.
fn in_chinese_form(text: &str) -> Option<(u32, u32, u32)> {
    let (year, rest) = text.split_once('年')?;
    let (month, rest) = rest.split_once('月')?;
    let day = rest.strip_suffix('日')?;
    let small = |part: &str| number(part).filter(|&n| n < 100);
    Some((year_number(year)?, small(month)?, small(day)?))
}

/// `2021.7.28`, `2021-07-28`, `2021/7/28`: four digits, then the month and the day of one or
/// two digits each, one separator between them.
fn in_digits(text: &str) -> Option<(u32, u32, u32)> {
    let separator = text
        .chars()
        .nth(4)
        .filter(|c| matches!(c, '.' | '-' | '/'))?;
    let mut parts = text.split(separator);
    let digits = |part: &str, lengths: std::ops::RangeInclusive<usize>| {
        let whole = lengths.contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit());
        whole.then(|| part.parse::<u32>().ok()).flatten()
    };
    let year = digits(parts.next()?, 4..=4)?;
    let month = digits(parts.next()?, 1..=2)?;
    let day = digits(parts.next()?, 1..=2)?;
    parts.next().is_none().then_some((year, month, day))
}

/// A whole number in Arabic digits or in Chinese numerals.
fn number(text: &str) -> Option<u32> {
    if text.bytes().all(|b| b.is_ascii_digit()) {
        return text.parse().ok();
    }
    u32::try_from(chinese::value_of(text)?).ok()
}

/// A year of four digits, in Arabic or Chinese numerals; in Chinese numerals, a zero typed as
/// one of [`ZEROS`] is read as `〇`.
fn year_number(year: &str) -> Option<u32> {
    let chinese_digit = |c: char| !ZEROS.contains(&c) && chinese::digit(c).is_some();
    let year = if year.chars().any(chinese_digit) {
        year.chars()
            .map(|c| if ZEROS.contains(&c) { '〇' } else { c })
            .collect()
    } else {
        year.to_string()
    };
    number(&year).filter(|n| (1000..=9999).contains(n))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(line: &str) -> Option<String> {
        match date_line(line)? {
            DateLine::Date(iso) => Some(iso),
            DateLine::NotInCalendar(_) => None,
        }
    }

    /// Each form once (an import of each is in `tests/import_header.rs`), and a year in
    /// Chinese numerals with its zero typed two ways at once.
    #[test]
    fn dates_in_the_forms_offices_write_them() {
        let dates = [
            (" 2021 年 7 月 28 日 ", "2021-07-28"),
            ("二〇二一年七月二十八日", "2021-07-28"),
            ("二○O二年十二月一日", "2002-12-01"),
            ("1999.12.31", "1999-12-31"),
            ("2024-02-29", "2024-02-29"),
            ("2020/6/1", "2020-06-01"),
        ];
        for (line, iso) in dates {
            assert_eq!(date(line).as_deref(), Some(iso), "{line}");
        }
    }

    #[test]
    fn what_is_no_date_alone_is_none() {
        for line in [
            "2021年上半年",
            "2023年1月5日印发",
            "2023.1",
            "2023.1.5.6",
            "2023-1/5",
            "023.1.5",
            "2023.001.5",
            "0915-4426580",
            "OO二三年一月五日",
            "二〇二三年一百月五日",
        ] {
            assert_eq!(date_line(line), None, "{line}");
        }
    }

    /// A day or month the calendar does not have is a date line still, and says what is
    /// wrong in `dafu check`'s words.
    #[test]
    fn a_date_the_calendar_does_not_have_says_why() {
        assert_eq!(
            date_line("2023年2月30日"),
            Some(DateLine::NotInCalendar(
                "“2023-02-30” is a day the calendar does not have: month 2 of 2023 has days 01 \
                 to 28"
                    .into()
            ))
        );
        assert_eq!(
            date_line("2023.13.5"),
            Some(DateLine::NotInCalendar(
                "“2023-13-05” has month 13, which the calendar does not have: months are 01 to \
                 12"
                .into()
            ))
        );
    }
}
