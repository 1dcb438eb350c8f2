//! The review report `dafu import` prints to stderr: what was found, every erratum, every
//! figure whose drafted `what` a person must check, and anything the importer was unsure of.

use std::io::{self, Write};

use super::{Imported, Warning};
use crate::letter::tree::chinese_numeral;
use crate::letter::{Figure, Letter};
use crate::strings::{Lang, ReportLabels};
use crate::text::sanitize::sanitize_line;

/// Where each figure stands, as the letter numbers it (`三（一）一是`; the opening's as
/// `opening` says), with the figure.
pub fn figures_by_place<'l>(letter: &'l Letter, opening: &str) -> Vec<(String, &'l Figure)> {
    let mut out: Vec<(String, &Figure)> = letter
        .opening_figures
        .iter()
        .map(|f| (opening.to_string(), f))
        .collect();
    for (s, suggestion) in letter.suggestions.iter().enumerate() {
        let s_place = format!("{}、", chinese_numeral(s + 1));
        out.extend(suggestion.figures.iter().map(|f| (s_place.clone(), f)));
        for (m, measure) in suggestion.measures.iter().enumerate() {
            let m_place = format!("{}（{}）", chinese_numeral(s + 1), chinese_numeral(m + 1));
            out.extend(measure.figures.iter().map(|f| (m_place.clone(), f)));
            for (p, point) in measure.points.iter().enumerate() {
                let p_place = format!("{m_place}{}是", chinese_numeral(p + 1));
                out.extend(point.figures.iter().map(|f| (p_place.clone(), f)));
            }
        }
    }
    for (s, section) in letter.sections.iter().enumerate() {
        let place = format!("{}、", chinese_numeral(s + 1));
        out.extend(section.figures.iter().map(|f| (place.clone(), f)));
        for (p, point) in section.points.iter().enumerate() {
            let p_place = format!("{place}{}是", chinese_numeral(p + 1));
            out.extend(point.figures.iter().map(|f| (p_place.clone(), f)));
        }
    }
    out
}

/// Writes the report in `lang`. Everything quoted from the letter is made one inert line
/// first.
///
/// # Errors
/// When writing fails.
pub fn write(imported: &Imported, lang: Lang, out: &mut impl Write) -> io::Result<()> {
    let words = lang.report();
    let letter = &imported.letter;
    let measures: usize = letter.suggestions.iter().map(|s| s.measures.len()).sum();
    let points: usize = letter
        .suggestions
        .iter()
        .flat_map(|s| &s.measures)
        .map(|m| m.points.len())
        .sum();
    let figures = figures_by_place(letter, words.opening);
    let per_suggestion: Vec<usize> = letter
        .suggestions
        .iter()
        .map(|s| s.measures.len())
        .collect();
    let counts = if letter.sections.is_empty() {
        (words.suggestion_counts)(
            letter.suggestions.len(),
            measures,
            &per_suggestion,
            points,
            figures.len(),
            letter.errata.len(),
        )
    } else {
        let headed = letter.sections.iter().filter(|s| s.title.is_some()).count();
        (words.section_counts)(
            letter.sections.len(),
            headed,
            letter.sections.len() - headed,
            figures.len(),
            letter.errata.len(),
        )
    };
    writeln!(out, "{counts}")?;
    write_errata(letter, words, out)?;
    write_notes(letter, words, out)?;
    write_figures(&figures, words, out)?;
    for warning in &imported.warnings {
        writeln!(
            out,
            "{}{}",
            words.warning,
            sanitize_line(&warning_text(warning, words))
        )?;
    }
    Ok(())
}

/// What a warning says, in the report's words.
fn warning_text(warning: &Warning, words: &ReportLabels) -> String {
    match warning {
        Warning::NoVerdict { ordinal, title } => (words.no_verdict)(ordinal, title),
        Warning::ChineseNumerals(phrases) => {
            format!("{}{}", words.chinese_numerals, phrases.join(words.phrases))
        }
        Warning::NoUnit(numbers) => format!("{}{}", words.no_unit, numbers.join(words.phrases)),
        Warning::Ranges(ranges) => format!("{}{}", words.ranges, ranges.join(words.phrases)),
        Warning::Lacks(fields) => format!("{}{}", words.lacks, fields.join(words.fields)),
        Warning::NotInText(fields) => {
            format!("{}{}", words.not_in_text, fields.join(words.fields))
        }
        Warning::NoParts => words.no_parts.to_string(),
        Warning::EndsMidSentence(last) => format!("{}{last}", words.ends_mid_sentence),
        Warning::Decoded(encoding) => (words.decoded)(encoding),
        Warning::NotADate {
            line,
            text,
            problem,
        } => (words.not_a_date)(*line, text, problem),
    }
}

/// Every erratum, the suspected ones set apart.
fn write_errata(letter: &Letter, words: &ReportLabels, out: &mut impl Write) -> io::Result<()> {
    if !letter.errata.is_empty() {
        writeln!(out, "{}", words.errata)?;
        for erratum in &letter.errata {
            let shown = |s: &str| sanitize_line(&s.replace('\n', "⏎")).into_owned();
            let mark = if erratum.suspected {
                words.suspected
            } else {
                "  -"
            };
            writeln!(
                out,
                "{mark} 「{}」→「{}」 {}",
                shown(&erratum.original),
                shown(&erratum.corrected),
                shown(&erratum.note)
            )?;
        }
    }
    Ok(())
}

/// Wording the importer flagged for an editorial note.
fn write_notes(letter: &Letter, words: &ReportLabels, out: &mut impl Write) -> io::Result<()> {
    if !letter.notes.is_empty() {
        writeln!(out, "{}", words.notes)?;
        for note in &letter.notes {
            writeln!(
                out,
                "  - 「{}」 {}",
                sanitize_line(&note.text),
                sanitize_line(&note.note)
            )?;
        }
    }
    Ok(())
}

/// Every figure with its place and drafted fields.
fn write_figures(
    figures: &[(String, &Figure)],
    words: &ReportLabels,
    out: &mut impl Write,
) -> io::Result<()> {
    if !figures.is_empty() {
        writeln!(out, "{}", words.figures)?;
        for (place, figure) in figures {
            let qualifier = figure
                .qualifier
                .as_deref()
                .map(|q| format!(" [{q}]"))
                .unwrap_or_default();
            let period = figure
                .period
                .as_deref()
                .map(|p| format!("{}{}", words.period, sanitize_line(p)))
                .unwrap_or_default();
            let planned = if figure.status.is_done() {
                ""
            } else {
                words.planned
            };
            writeln!(
                out,
                "  {place}: {} = {} {}{qualifier}{period}{planned}{}{}",
                sanitize_line(&figure.text),
                figure.value,
                sanitize_line(&figure.unit),
                words.what,
                sanitize_line(&figure.what)
            )?;
        }
    }
    Ok(())
}
