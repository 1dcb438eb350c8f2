//! When a figure holds: the period the letter gives it, read from the `period` the YAML
//! writes in the letter's own words.
//!
//! Totals add only figures of one period ([`Period::same_as`]): a five-year amount and a 2020
//! amount are not added, nor a running total (累计) and a year's.

use std::fmt;

/// A figure's period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Period {
    /// One year: `2020` or `2020年`.
    Year(u16),
    /// Years from the first to the last: `2019-2020`, `2019—2020年`.
    Years(u16, u16),
    /// The last N years: `近5年`.
    Recent(u16),
    /// From a year until the letter: `2017年以来`.
    Since(u16),
    /// Up to a date, as the letter writes it: `截止2020年底`, `截至2021年6月`.
    UpTo(String),
    /// At the time of the letter: `目前`, `现有`, as written.
    Current(String),
    /// A running total with no stated start: `累计`.
    Running,
    /// A year named from the letter's own (`今年`, `今年以来`, `去年`), as written: the
    /// letter's date says which, and a total adds it only to the same words.
    Relative(String),
}

/// The years a period may name: anything else is a typing slip, not a year.
const YEARS: std::ops::RangeInclusive<u16> = 1900..=2100;

/// Words that put a figure at the time of the letter.
const NOW_WORDS: [&str; 3] = ["目前", "现有", "现在"];

/// Years named from the letter's own, and how English says each.
pub const RELATIVE_YEARS: [(&str, &str); 3] = [
    ("今年以来", "since the start of the year"),
    ("今年", "this year"),
    ("去年", "last year"),
];

/// How a period may be written, for error messages.
pub const FORMS: &str = "a year (2020), years (2019-2020), 近5年, 2017年以来, 截止2020年底, 今年以来, 今年, 去年, 目前, 现有, 现在 or 累计";

impl Period {
    /// Reads a period as the YAML writes it; `None` when it is none of the forms.
    #[must_use]
    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim();
        if text == "累计" {
            return Some(Self::Running);
        }
        if NOW_WORDS.contains(&text) {
            return Some(Self::Current(text.to_string()));
        }
        if RELATIVE_YEARS.iter().any(|(words, _)| *words == text) {
            return Some(Self::Relative(text.to_string()));
        }
        if let Some(rest) = text
            .strip_prefix("截至")
            .or_else(|| text.strip_prefix("截止"))
        {
            // A date must name its year: 截止2020年底.
            return year_prefix(rest).map(|_| Self::UpTo(text.to_string()));
        }
        if let Some(n) = text.strip_prefix('近').and_then(|r| r.strip_suffix('年')) {
            let n = super::phrase::read_number(n)?;
            return ((1.0..=100.0).contains(&n) && n.fract() == 0.0)
                .then(|| Self::Recent(u16::try_from(n as u32).unwrap_or(0)));
        }
        if let Some(year) = text.strip_suffix("年以来") {
            return year_of(year).map(Self::Since);
        }
        let bare = text.strip_suffix('年').unwrap_or(text);
        for dash in ['-', '—', '–', '至', '~', '～'] {
            if let Some((a, b)) = bare.split_once(dash) {
                let a = year_of(a.strip_suffix('年').unwrap_or(a))?;
                let b = year_of(b)?;
                return (a < b).then_some(Self::Years(a, b));
            }
        }
        year_of(bare).map(Self::Year)
    }

    /// Whether two figures of these periods cover the same time, so that they may be added.
    /// `目前` and `现有` both mean the time of the letter.
    #[must_use]
    pub fn same_as(&self, other: &Self) -> bool {
        match (self, other) {
            (Self::Current(_), Self::Current(_)) => true,
            _ => self == other,
        }
    }

    /// Whether `text` (the figure's statement) states this period in its own words: a year
    /// as `2020年`, years as `2019-2020年` (or with `—`, `至`), the rest as written.
    #[must_use]
    pub fn stated_in(&self, text: &str) -> bool {
        self.first_stated_in(text).is_some()
    }

    /// Where, in bytes, the first statement of this period in `text` ends ([`Period::stated_in`]):
    /// a figure whose statement is only the start of `text`, up to some end, is dated by it
    /// when it ends there or before.
    #[must_use]
    pub fn first_stated_in(&self, text: &str) -> Option<usize> {
        let first_end = |said: &str| text.find(said).map(|at| at + said.len());
        match self {
            // A year the text states alone: not an end of a range (2020 of 2019-2020年, 2019
            // of 2019年至2020年).
            Self::Year(y) => (text.match_indices(&format!("{y}年")))
                .find(|&(at, year)| {
                    let after = text.get(at + year.len()..).unwrap_or_default();
                    !ends_a_range(text.get(..at).unwrap_or_default()) && !begins_a_range(after)
                })
                .map(|(at, year)| at + year.len()),
            Self::Years(a, b) => (RANGE_MARKS.iter())
                .flat_map(|d| [format!("{a}{d}{b}"), format!("{a}年{d}{b}")])
                .filter_map(|said| first_end(&said))
                .min(),
            _ => first_end(&self.to_string()),
        }
    }
}

/// Whether `before` (what comes before a year) ends with the start of a range of years: a
/// year, perhaps with its 年, then a dash, `至` or a tilde (`2019-`, `2019年至`).
fn ends_a_range(before: &str) -> bool {
    let Some(rest) = before.strip_suffix(RANGE_MARKS) else {
        return false;
    };
    let rest = rest.strip_suffix('年').unwrap_or(rest);
    rest.chars()
        .rev()
        .take(4)
        .filter(char::is_ascii_digit)
        .count()
        == 4
}

/// Whether `after` (what follows a year's 年, or any number) goes on to the end of a range: a
/// dash, `至` or a tilde, then a digit (`至2020年`, `-6月`).
pub(crate) fn begins_a_range(after: &str) -> bool {
    after
        .strip_prefix(RANGE_MARKS)
        .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))
}

/// What stands between the years of a range.
pub(crate) const RANGE_MARKS: [char; 6] = ['-', '—', '–', '至', '~', '～'];

/// A period as the reader shows it: `2020年`, `2019-2020年`, `近5年`, `2017年以来`,
/// `截止2020年底`, `目前`, `累计`.
impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Year(y) => write!(f, "{y}年"),
            Self::Years(a, b) => write!(f, "{a}-{b}年"),
            Self::Recent(n) => write!(f, "近{n}年"),
            Self::Since(y) => write!(f, "{y}年以来"),
            Self::UpTo(text) | Self::Current(text) | Self::Relative(text) => f.write_str(text),
            Self::Running => f.write_str("累计"),
        }
    }
}

impl Period {
    /// The period in English words, for an English interface: `2020`, `2019–2020`, `past 5
    /// years`, `since 2017`, `to end-2020`, `current`, `cumulative`. A date the reader cannot
    /// put in words keeps its year: `to 2021`.
    #[must_use]
    pub fn english(&self) -> String {
        match self {
            Self::Year(y) => y.to_string(),
            Self::Years(a, b) => format!("{a}–{b}"),
            Self::Recent(1) => "past year".to_string(),
            Self::Recent(n) => format!("past {n} years"),
            Self::Since(y) => format!("since {y}"),
            Self::UpTo(text) => format!("to {}", english_date(text)),
            Self::Current(_) => "current".to_string(),
            Self::Running => "cumulative".to_string(),
            Self::Relative(text) => (RELATIVE_YEARS.iter())
                .find(|(words, _)| words == text)
                .map_or_else(|| text.clone(), |(_, english)| (*english).to_string()),
        }
    }
}

/// Month names, for dates in English.
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The date of an `UpTo` period (`截止2020年底`, `截至2021年6月`) in English: `end-2020`,
/// `June 2021`, `end of June 2021`, `30 June 2021`; the bare year for any other form.
fn english_date(text: &str) -> String {
    let rest = text
        .strip_prefix("截至")
        .or_else(|| text.strip_prefix("截止"))
        .unwrap_or(text);
    let Some(year) = year_prefix(rest) else {
        return rest.to_string();
    };
    let after = rest.get(4..).unwrap_or_default();
    let after = after.strip_prefix('年').unwrap_or(after);
    if matches!(after, "底" | "末" | "年底" | "年末") {
        return format!("end-{year}");
    }
    let month = after
        .split_once('月')
        .and_then(|(m, rest)| Some((m.parse::<usize>().ok()?, rest)))
        .and_then(|(m, rest)| Some((*MONTHS.get(m.checked_sub(1)?)?, rest)));
    match month {
        Some((name, "" | "份")) => format!("{name} {year}"),
        Some((name, "底" | "末")) => format!("end of {name} {year}"),
        Some((name, day)) => match day.strip_suffix('日').map(str::parse::<u8>) {
            Some(Ok(d)) if (1..=31).contains(&d) => format!("{d} {name} {year}"),
            _ => year.to_string(),
        },
        None => year.to_string(),
    }
}

/// A year of four ASCII digits in [`YEARS`].
fn year_of(text: &str) -> Option<u16> {
    if text.len() != 4 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok().filter(|y| YEARS.contains(y))
}

/// The year at the start of `text` (`2020年底` → 2020).
fn year_prefix(text: &str) -> Option<u16> {
    year_of(text.get(..4)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_form_is_read_and_shown_in_the_letters_words() {
        let cases = [
            ("2020", Period::Year(2020), "2020年"),
            ("2020年", Period::Year(2020), "2020年"),
            ("2019-2020", Period::Years(2019, 2020), "2019-2020年"),
            ("2019—2020年", Period::Years(2019, 2020), "2019-2020年"),
            ("近5年", Period::Recent(5), "近5年"),
            ("近五年", Period::Recent(5), "近5年"),
            ("2017年以来", Period::Since(2017), "2017年以来"),
            (
                "截止2020年底",
                Period::UpTo("截止2020年底".into()),
                "截止2020年底",
            ),
            ("目前", Period::Current("目前".into()), "目前"),
            ("累计", Period::Running, "累计"),
            ("今年以来", Period::Relative("今年以来".into()), "今年以来"),
            ("去年", Period::Relative("去年".into()), "去年"),
        ];
        for (text, period, shown) in cases {
            assert_eq!(Period::parse(text), Some(period.clone()), "{text}");
            assert_eq!(period.to_string(), shown);
        }
    }

    #[test]
    fn every_form_has_english_words() {
        let cases = [
            ("2020", "2020"),
            ("2019-2020", "2019–2020"),
            ("近5年", "past 5 years"),
            ("近1年", "past year"),
            ("2017年以来", "since 2017"),
            ("截止2020年底", "to end-2020"),
            ("截至2021年6月", "to June 2021"),
            ("截至2021年6月底", "to end of June 2021"),
            ("截至2021年6月30日", "to 30 June 2021"),
            ("截至2021年上半年", "to 2021"),
            ("目前", "current"),
            ("现有", "current"),
            ("累计", "cumulative"),
            ("今年以来", "since the start of the year"),
            ("今年", "this year"),
            ("去年", "last year"),
        ];
        for (text, english) in cases {
            let period = Period::parse(text).unwrap_or_else(|| panic!("{text}"));
            assert_eq!(period.english(), english, "{text}");
            assert!(english.is_ascii() || english.contains('–'), "{english}");
        }
    }

    #[test]
    fn what_is_no_period_is_refused() {
        for text in [
            "",
            "前年以来",
            "20",
            "1800",
            "2020-2019",
            "近0年",
            "截止去年",
            "2020年上半",
            "累计的",
        ] {
            assert_eq!(Period::parse(text), None, "{text}");
        }
    }

    #[test]
    fn periods_are_the_same_only_when_they_cover_the_same_time() {
        let p = |t: &str| Period::parse(t).unwrap();
        assert!(p("2020").same_as(&p("2020年")));
        assert!(!p("近5年").same_as(&p("2020")));
        assert!(!p("累计").same_as(&p("2020")));
        assert!(p("目前").same_as(&p("现有")));
        assert!(!p("2019-2020").same_as(&p("2020")));
        // A year named from the letter's is added only to the same words: the letter's date
        // is not read to make 今年 2021.
        assert!(p("今年以来").same_as(&p("今年以来")));
        assert!(!p("今年以来").same_as(&p("今年")));
        assert!(!p("今年").same_as(&p("2021")));
    }

    #[test]
    fn a_period_is_stated_in_its_nodes_words() {
        let text = "2019-2020年高端科研机构创新专项，近5年支持96家企业，截止2020年底";
        for t in ["2019-2020", "近5年", "截止2020年底", "2020"] {
            assert!(Period::parse(t).unwrap().stated_in(text), "{t}");
        }
        for t in ["2021", "累计", "近3年", "2018-2020"] {
            assert!(!Period::parse(t).unwrap().stated_in(text), "{t}");
        }
        // A year that only ends or begins a range is not stated alone.
        for range in ["2019-2020年高端科研机构", "2019年至2020年", "2019年—2020年"] {
            for year in ["2019", "2020"] {
                assert!(
                    !Period::parse(year).unwrap().stated_in(range),
                    "{year} in {range}"
                );
            }
            assert!(
                Period::parse("2019-2020").unwrap().stated_in(range),
                "{range}"
            );
        }
    }
}
