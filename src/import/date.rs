//! The date a letter is signed with, alone on a line, in the forms offices write it:
//! `2021年7月28日`, `二〇二一年七月二十八日` (its zero also typed `○`, `O`, `0` or `零`),
//! `2021.7.28`, `2021-07-28`, `2021/7/28`. A line written as a date of a day the calendar does
//! not have (`2023年2月30日`) is told apart from a line that is no date: it is the letter's
//! date line, and what is wrong with it is said in the words `dafu check` refuses such a
//! date with.

/// What a line alone that is written as a date gives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum DateLine {
    /// A date of the calendar, ISO 8601.
    Date(String),
    /// Written as a date, but of none the calendar has (`2023-02-30`, `2023-13-05`): what is
    /// wrong with it, as `dafu check` says it of the date written `YYYY-MM-DD`.
    NotInCalendar(String),
}

/// The line read as a date, when it is one alone (spaces aside), as the reader reads a
/// letter's date line ([`crate::numbers::date::written_iso`]): the import and the reader say
/// the same of it.
pub(crate) fn date_line(line: &str) -> Option<DateLine> {
    let iso = crate::numbers::date::written_iso(line)?;
    Some(match crate::letter::load::calendar_problem(&iso) {
        None => DateLine::Date(iso),
        Some(problem) => DateLine::NotInCalendar(problem),
    })
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

    /// The forms are `numbers::date`'s, tested there; a date line is given in ISO 8601, and
    /// what is no date alone is none.
    #[test]
    fn a_date_line_is_given_in_iso_8601() {
        assert_eq!(date("2020/6/1").as_deref(), Some("2020-06-01"));
        assert_eq!(date("二○O二年十二月一日").as_deref(), Some("2002-12-01"));
        assert_eq!(date_line("2023年1月5日印发"), None);
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
