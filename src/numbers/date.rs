//! A line that is a date alone, in the forms offices sign letters with: `2021年7月28日`,
//! `二〇二一年七月二十八日` (its zero also typed `○`, `O`, `0` or `零`), `2021.7.28`,
//! `2021-07-28`, `2021/7/28`. It is read as written, whether or not the calendar has the day
//! (`2023年2月30日` is read as 2023, 2, 30): the letter tier asks the calendar
//! (`crate::letter::load::calendar_problem`), so that a letter whose date line names a day
//! the calendar does not have is known to be dated, impossibly, and not said to be undated.

use super::chinese;

/// The characters offices type for `〇` in a year written in Chinese numerals: the circle
/// `○` (U+25CB), Latin `O`, the digit `0`, and `零`.
const ZEROS: [char; 6] = ['○', 'O', 'o', 'Ｏ', '0', '零'];

/// The line (spaces aside) read as a date alone: its year of four digits, month and day as
/// written, each of at most two digits; `None` for a line that is anything more or less.
/// `dafu import` reads a transcript's date line with it too (`src/import/date.rs`), so that
/// the reader says of a letter what the import says of its text.
#[must_use]
pub fn written(line: &str) -> Option<(u32, u32, u32)> {
    let squeezed: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    with_characters(&squeezed).or_else(|| with_separators(&squeezed))
}

/// The line read as a date alone ([`written`]), written `YYYY-MM-DD` as the schema and
/// `dafu check` write dates, whether or not the calendar has the day.
#[must_use]
pub fn written_iso(line: &str) -> Option<String> {
    let (year, month, day) = written(line)?;
    Some(format!("{year:04}-{month:02}-{day:02}"))
}

/// `2021年7月28日`, `二〇二一年七月二十八日`: the year, month and day each in Arabic or Chinese
/// numerals, before 年, 月 and 日.
fn with_characters(text: &str) -> Option<(u32, u32, u32)> {
    let (year, rest) = text.split_once('年')?;
    let (month, rest) = rest.split_once('月')?;
    let day = rest.strip_suffix('日')?;
    let small = |part: &str| whole(part).filter(|&n| n < 100);
    Some((four_digit_year(year)?, small(month)?, small(day)?))
}

/// `2021.7.28`, `2021-07-28`, `2021/7/28`: four digits, then the month and the day of one or
/// two digits each, with one separator throughout.
fn with_separators(text: &str) -> Option<(u32, u32, u32)> {
    let separator = (text.chars().nth(4)).filter(|c| matches!(c, '.' | '-' | '/'))?;
    let digits = |part: Option<&str>, lengths: std::ops::RangeInclusive<usize>| {
        let part = part?;
        let fits = lengths.contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit());
        fits.then(|| part.parse::<u32>().ok()).flatten()
    };
    let mut parts = text.split(separator);
    let year = digits(parts.next(), 4..=4)?;
    let (month, day) = (digits(parts.next(), 1..=2)?, digits(parts.next(), 1..=2)?);
    parts.next().is_none().then_some((year, month, day))
}

/// A whole number in Arabic digits or in Chinese numerals.
fn whole(text: &str) -> Option<u32> {
    if text.bytes().all(|b| b.is_ascii_digit()) {
        return text.parse().ok();
    }
    u32::try_from(chinese::value_of(text)?).ok()
}

/// A year of four digits, in Arabic or Chinese numerals; in Chinese numerals, a zero typed as
/// one of [`ZEROS`] is read as `〇`.
fn four_digit_year(year: &str) -> Option<u32> {
    let chinese_digit = |c: char| !ZEROS.contains(&c) && chinese::digit(c).is_some();
    let year: String = if year.chars().any(chinese_digit) {
        let zero = |c: char| if ZEROS.contains(&c) { '〇' } else { c };
        year.chars().map(zero).collect()
    } else {
        year.to_string()
    };
    whole(&year).filter(|n| (1000..=9999).contains(n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_the_forms_offices_write_them() {
        let dates = [
            (" 2021 年 7 月 28 日 ", (2021, 7, 28)),
            ("二〇二一年七月二十八日", (2021, 7, 28)),
            ("二○O二年十二月一日", (2002, 12, 1)),
            ("1999.12.31", (1999, 12, 31)),
            ("2024-02-29", (2024, 2, 29)),
            ("2020/6/1", (2020, 6, 1)),
        ];
        for (line, date) in dates {
            assert_eq!(written(line), Some(date), "{line}");
        }
    }

    /// Read as written: the calendar is asked elsewhere.
    #[test]
    fn a_day_or_month_the_calendar_does_not_have_is_read_as_written() {
        assert_eq!(written("2023年2月30日"), Some((2023, 2, 30)));
        assert_eq!(written("二〇二三年二月三十日"), Some((2023, 2, 30)));
        assert_eq!(written("2023.13.5"), Some((2023, 13, 5)));
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
            assert_eq!(written(line), None, "{line}");
        }
    }
}
