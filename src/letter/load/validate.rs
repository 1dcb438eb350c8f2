//! What a valid letter is, beyond its schema: figures that quote their node with known units
//! and hedges and plausible values, notes that quote the letter, a date that is a date.

use std::collections::HashMap;

use super::LoadError;
use super::locate::{FieldPath, FigureAt, locate};
use crate::letter::fields::{FigureNode, figure_nodes, letter_text};
use crate::letter::places::{FigurePlaces, stands_alone};
use crate::letter::quotes::{Quotes, match_budget};
use crate::letter::{Erratum, Figure, Letter};
use crate::numbers::units::{Hedge, Unit};

/// Validates `letter`, read from `source`: each node's figures, then the checks over the
/// whole letter; the first problem is reported at its place in the file.
pub(super) fn validate(letter: &Letter, source: &str, name: &str) -> Result<(), LoadError> {
    // The nodes' problems first, as a reader of the file meets them.
    reported(
        node_problems(letter).or_else(|| letter_problems(letter)),
        source,
        name,
    )
}

/// The largest value a figure may have, in 元, as counted or in per cent: a thousand
/// trillion (千万亿). Anything larger is a typing error, and would print as `inf亿元` in totals.
pub const MAX_FIGURE_VALUE: f64 = 1e15;

/// Validation checks what the schema's types cannot: that figures quote their node, units
/// and hedges are known, values are plausible ([`node_problems`]), notes quote the letter,
/// and the date is a date ([`letter_problems`]). Errors carry the position of the offending
/// field, found by its path in the source.
///
/// The work is linear in the letter: each node's figures are found in its text in one pass,
/// all notes in the letter's text in another.
fn node_problems(letter: &Letter) -> Option<Problem> {
    let nodes = figure_nodes(letter);
    nodes
        .iter()
        .find_map(node_problem)
        // Each figure read from its own text: value, unit, qualifier, period, status, part_of.
        .or_else(|| crate::letter::check::nodes(&nodes).err())
}

/// The checks over the whole letter (see [`node_problems`]).
fn letter_problems(letter: &Letter) -> Option<Problem> {
    quotation_problems(letter)
        .or_else(|| date_problem(letter))
        .or_else(|| shape_problem(letter))
        .or_else(|| contact_problem(letter))
}

/// The contact person, phone and unit are read from the contact lines: each must stand in
/// one of them as written.
fn contact_problem(letter: &Letter) -> Option<Problem> {
    let fields = [
        ("contact_person", &letter.contact_person),
        ("contact_phone", &letter.contact_phone),
        ("contact_unit", &letter.contact_unit),
    ];
    fields.into_iter().find_map(|(key, value)| {
        let value = value.as_deref()?;
        let stated = !value.is_empty() && letter.contact.iter().any(|l| l.contains(value));
        (!stated).then(|| {
            (
                FieldPath::default().key(key),
                format!(
                    "“{value}” does not stand in any contact line; quote it as the line writes it"
                ),
            )
        })
    })
}

/// A letter answers suggestion by suggestion or section by section, never both: the reader
/// would not know in which order to show them.
fn shape_problem(letter: &Letter) -> Option<Problem> {
    (!letter.suggestions.is_empty() && !letter.sections.is_empty()).then(|| {
        (
            FieldPath::default().key("sections"),
            "the letter has both suggestions and sections; a reply is written one way: keep \
             one list"
                .to_string(),
        )
    })
}

/// A problem as the load error that reports it at its place in `source`.
fn reported(problem: Option<Problem>, source: &str, name: &str) -> Result<(), LoadError> {
    match problem {
        None => Ok(()),
        Some((at, message)) => Err(LoadError::new(
            name,
            locate(source, &at),
            format!("{at}: {message}"),
        )),
    }
}

/// A problem of a field, at its path.
type Problem = (FieldPath, String);

/// The first figure of `node` that does not quote its text, or whose unit, qualifier or
/// value is not one a letter can have.
fn node_problem(node: &FigureNode) -> Option<Problem> {
    let FigureNode {
        at, text, figures, ..
    } = node;
    // Each figure claims one place of its text that stands alone (`2家` is not inside
    // `192家`); figures of one text and one value, listed twice, need two places. (One
    // text may state several values: `80、60、40万元`.)
    let places = FigurePlaces::new(figures);
    let Some(starts_of) = places.starts(text, match_budget(text.len())) else {
        return Some((
            at.clone(),
            "figure texts overlap each other at too many places of the text to check".into(),
        ));
    };
    // How many of each text's places stand alone, counted once per text: many figures
    // quoting one text would otherwise each count the same places again.
    let alone_of: Vec<usize> = (0..places.texts())
        .map(|t| {
            let quoted = &figures[places.first_of_text(t)].text;
            starts_of[t]
                .iter()
                .filter(|&&at| stands_alone(text, at, quoted))
                .count()
        })
        .collect();
    let mut claimed: HashMap<(&str, u64), usize> = HashMap::new();
    for (f, figure) in figures.iter().enumerate() {
        let here = FigureAt::new(at, f);
        // A list (「80、60、80万元」) may state one value twice; its figures are held to its
        // items one by one (`check`), not counted here as repeats.
        let list = crate::numbers::phrase::parse(&figure.text).is_ok_and(|p| p.items.len() > 1);
        let claims = claimed
            .entry((figure.text.as_str(), figure.value.to_bits()))
            .or_insert(0);
        if !list {
            *claims += 1;
        }
        let t = places.text_of(f);
        let (anywhere, alone) = (starts_of[t].len(), alone_of[t]);
        if let Some(problem) = quotation_problem(&figure.text, anywhere, alone, *claims) {
            return Some((here.key("text"), problem));
        }
        if let Some(problem) = figure_field_problem(figure, &here) {
            return Some(problem);
        }
    }
    None
}

/// What is wrong with a figure's unit, qualifier or value, if anything.
fn figure_field_problem(figure: &Figure, here: &FigureAt<'_>) -> Option<Problem> {
    let Some(unit) = Unit::from_word(&figure.unit) else {
        return Some((
            here.key("unit"),
            format!(
                "unknown unit “{}”; expected one of {}",
                figure.unit,
                Unit::words()
            ),
        ));
    };
    if let Some(kind) = figure.kind
        && kind != unit.kind()
    {
        return Some((
            here.key("kind"),
            format!(
                "kind “{}” does not fit the unit “{}”, which is a {}",
                kind.name(),
                figure.unit,
                unit.kind().name()
            ),
        ));
    }
    if let Some(q) = &figure.qualifier
        && Hedge::from_word(q).is_none()
    {
        return Some((
            here.key("qualifier"),
            format!(
                "unknown qualifier “{q}”; expected one of {}",
                Hedge::words()
            ),
        ));
    }
    value_problem(figure).map(|problem| (here.key("value"), problem))
}

/// Notes that quote nothing of the letter, and notes and errata whose quotations overlap
/// at too many places to check.
fn quotation_problems(letter: &Letter) -> Option<Problem> {
    let root = FieldPath::default();
    let whole = letter_text(letter);
    // The errata's texts are looked for too: the reader finds them in every
    // block, and their overlaps must be bounded as the notes' are.
    // One text, the whole letter's: the automaton fastest to search.
    let quotes = Quotes::for_many_texts(
        (letter.notes.iter().map(|n| n.text.as_str()))
            .chain(letter.errata.iter().map(Erratum::in_text)),
    );
    let found = quotes.find_in(&whole, match_budget(whole.len()));
    if !found.complete {
        let at = root.key(if letter.notes.is_empty() {
            "errata"
        } else {
            "notes"
        });
        return Some((
            at,
            "notes and errata overlap each other at too many places of the letter to check".into(),
        ));
    }
    let note_starts = found.starts(letter.notes.len());
    letter.notes.iter().enumerate().find_map(|(n, note)| {
        let at = root.key("notes").index(n).key("text");
        if note.text.is_empty() {
            Some((
                at,
                "the note's text is empty; quote the wording it is about".into(),
            ))
        } else if note_starts[n].is_empty() {
            Some((
                at,
                format!("“{}” does not occur in the letter's text", note.text),
            ))
        } else {
            None
        }
    })
}

/// The signature's date, when it is given and is not a date.
fn date_problem(letter: &Letter) -> Option<Problem> {
    let date = letter.signature.date.as_deref()?;
    let message = calendar_problem(date)?;
    Some((FieldPath::default().key("signature").key("date"), message))
}

/// What is wrong with `date` as a date of the calendar written `YYYY-MM-DD`, in the words a
/// refusal says it (`dafu import` warns of a date line in them too); `None` when it is one.
#[must_use]
pub fn calendar_problem(date: &str) -> Option<String> {
    let message = match date_shape(date) {
        // Written as a date, of a day the month does not have (2021-02-30).
        Some((year, month, day, days)) if !(1..=days).contains(&day) => {
            format!(
                "“{date}” is a day the calendar does not have: month {month} of {year} has days 01 to {days}"
            )
        }
        Some(_) => return None,
        None => match date_parts(date) {
            // Written as a date, of a month the calendar does not have (2020-13-26): the
            // month is wrong, not the way the date is written.
            Some((_, month, _)) => format!(
                "“{date}” has month {month:02}, which the calendar does not have: months are \
                 01 to 12"
            ),
            None => format!(
                "“{}” is not a date like 2021-07-28 (four-digit year from {} to {}, two-digit \
                 month and day)",
                date,
                YEARS.start(),
                YEARS.end()
            ),
        },
    };
    Some(message)
}

/// What is wrong with a figure's text, given how often it occurs in its node's text
/// (`anywhere`), how often standing alone (`places`), and how many figures up to this one
/// quote it (`claims`).
fn quotation_problem(text: &str, anywhere: usize, places: usize, claims: usize) -> Option<String> {
    if text.is_empty() {
        Some("figure text is empty; quote the figure as the letter writes it (近1.8亿元)".into())
    } else if anywhere == 0 {
        Some(format!(
            "figure text “{text}” does not occur in its node's text"
        ))
    } else if places == 0 {
        Some(format!(
            "figure text “{text}” occurs in its node's text only as part of a longer \
             number; quote the whole number"
        ))
    } else if claims > places {
        Some(format!(
            "figure “{text}” is listed {claims} times with this value but stands \
             {places} time(s) in its node's text; remove the duplicate"
        ))
    } else {
        None
    }
}

/// What is wrong with a figure's value, if anything: it must be a finite, non-negative
/// number no larger than [`MAX_FIGURE_VALUE`], with at most two decimal places (a fen, or
/// a hundredth of a per cent), and whole for counts.
pub(crate) fn value_problem(figure: &Figure) -> Option<String> {
    let value = figure.value;
    // A 309-digit number or 5e-324 written out would fill the screen.
    let shown = if value != 0.0 && !(1e-3..1e15).contains(&value.abs()) {
        format!("{value:e}")
    } else {
        value.to_string()
    };
    if !value.is_finite() {
        // As YAML writes them (`.nan`, `.inf`): what the letter's author typed.
        let written = if value.is_nan() {
            ".nan"
        } else if value.is_sign_negative() {
            "-.inf"
        } else {
            ".inf"
        };
        return Some(format!(
            "value {written} is not a finite number; write the figure's value in digits, like 16 or 1.5"
        ));
    }
    if value.is_sign_negative() {
        // -0.0 is negative too: it would print as `-0家`.
        return Some(format!(
            "value {shown} must be a number of zero or more (without a minus sign)"
        ));
    }
    if value > MAX_FIGURE_VALUE {
        return Some(format!(
            "value {shown} is larger than {MAX_FIGURE_VALUE:e}; money is in 元, counts as \
             counted, percentages as the number before %"
        ));
    }
    let hundredths = value * 100.0;
    // Tolerant of binary fractions (0.1 × 100 is not exactly 10), no more: a part in a
    // million let 180000000.001 pass as two decimals. 5e-324 is not 0.
    let off_the_grid =
        (hundredths - hundredths.round()).abs() > 16.0 * f64::EPSILON * hundredths.max(1.0);
    if off_the_grid || (value > 0.0 && hundredths.round() == 0.0) {
        return Some(format!(
            "value {shown} has more than two decimal places; the letter's figures have at \
             most two (money is in 元)"
        ));
    }
    if Unit::from_word(&figure.unit).is_some_and(Unit::counts) && value.fract() != 0.0 {
        return Some(format!(
            "value {shown} is not a whole number, but “{}” counts whole things",
            figure.unit
        ));
    }
    None
}

/// The years a letter's date may have: a reply letter is written in living memory.
pub const YEARS: std::ops::RangeInclusive<u32> = 1900..=2100;

/// Parses an ISO date `YYYY-MM-DD` (exactly: four-digit year in [`YEARS`], two-digit month
/// and day, no sign) into (year, month, day).
#[must_use]
pub fn parse_date(date: &str) -> Option<(u32, u32, u32)> {
    let (year, month, day, days) = date_shape(date)?;
    (1..=days).contains(&day).then_some((year, month, day))
}

/// A date written `YYYY-MM-DD` with a year in [`YEARS`], whatever its month and day:
/// (year, month, day).
fn date_parts(date: &str) -> Option<(u32, u32, u32)> {
    let digits = |part: &str, len: usize| {
        (part.len() == len && part.bytes().all(|b| b.is_ascii_digit()))
            .then(|| part.parse::<u32>().ok())
            .flatten()
    };
    let mut parts = date.split('-');
    let year = digits(parts.next()?, 4)?;
    let month = digits(parts.next()?, 2)?;
    let day = digits(parts.next()?, 2)?;
    (parts.next().is_none() && YEARS.contains(&year)).then_some((year, month, day))
}

/// A date written `YYYY-MM-DD` with a year in [`YEARS`] and a month of the calendar, whatever
/// its day: (year, month, day, the days that month has).
fn date_shape(date: &str) -> Option<(u32, u32, u32, u32)> {
    let (year, month, day) = date_parts(date)?;
    let leap = year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    Some((year, month, day, days))
}
