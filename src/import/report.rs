//! The review report `dafu import` prints to stderr: what was found, every erratum, every
//! figure whose drafted `what` a person must check, and anything the importer was unsure of.

use std::io::{self, Write};

use super::Imported;
use crate::letter::{Figure, Letter};
use crate::text::sanitize::sanitize_line;

/// Where each figure stands, as the letter numbers it (`三（一）一是`), with the figure.
pub fn figures_by_place(letter: &Letter) -> Vec<(String, &Figure)> {
    let ordinal = super::tree::chinese;
    let mut out: Vec<(String, &Figure)> = letter
        .opening_figures
        .iter()
        .map(|f| ("开头".to_string(), f))
        .collect();
    for (s, suggestion) in letter.suggestions.iter().enumerate() {
        let s_place = format!("{}、", ordinal(s + 1));
        out.extend(suggestion.figures.iter().map(|f| (s_place.clone(), f)));
        for (m, measure) in suggestion.measures.iter().enumerate() {
            let m_place = format!("{}（{}）", ordinal(s + 1), ordinal(m + 1));
            out.extend(measure.figures.iter().map(|f| (m_place.clone(), f)));
            for (p, point) in measure.points.iter().enumerate() {
                let p_place = format!("{m_place}{}是", ordinal(p + 1));
                out.extend(point.figures.iter().map(|f| (p_place.clone(), f)));
            }
        }
    }
    for (s, section) in letter.sections.iter().enumerate() {
        let place = format!("{}、", ordinal(s + 1));
        out.extend(section.figures.iter().map(|f| (place.clone(), f)));
    }
    out
}

/// Writes the report. Everything quoted from the letter is made one inert line first.
///
/// # Errors
/// When writing fails.
pub fn write(imported: &Imported, out: &mut impl Write) -> io::Result<()> {
    let letter = &imported.letter;
    let measures: usize = letter.suggestions.iter().map(|s| s.measures.len()).sum();
    let points: usize = letter
        .suggestions
        .iter()
        .flat_map(|s| &s.measures)
        .map(|m| m.points.len())
        .sum();
    let figures = figures_by_place(letter);
    let per_suggestion: Vec<String> = letter
        .suggestions
        .iter()
        .map(|s| s.measures.len().to_string())
        .collect();
    if letter.sections.is_empty() {
        writeln!(
            out,
            "dafu import: {} suggestions, {measures} measures ({}), {points} points, {} figures, {} errata",
            letter.suggestions.len(),
            per_suggestion.join(", "),
            figures.len(),
            letter.errata.len(),
        )?;
    } else {
        let headed = letter.sections.iter().filter(|s| s.title.is_some()).count();
        writeln!(
            out,
            "dafu import: {} sections ({headed} with a heading, {} numbered paragraphs), {} figures, {} errata",
            letter.sections.len(),
            letter.sections.len() - headed,
            figures.len(),
            letter.errata.len(),
        )?;
    }
    write_errata(letter, out)?;
    write_notes(letter, out)?;
    write_figures(&figures, out)?;
    for warning in &imported.warnings {
        writeln!(out, "warning: {}", sanitize_line(warning))?;
    }
    Ok(())
}

/// Every erratum, the suspected ones set apart.
fn write_errata(letter: &Letter, out: &mut impl Write) -> io::Result<()> {
    if !letter.errata.is_empty() {
        writeln!(out, "errata (check each against the PDF):")?;
        for erratum in &letter.errata {
            let shown = |s: &str| sanitize_line(&s.replace('\n', "⏎")).into_owned();
            let mark = if erratum.suspected {
                "  ? suspected, NOT applied:"
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
fn write_notes(letter: &Letter, out: &mut impl Write) -> io::Result<()> {
    if !letter.notes.is_empty() {
        writeln!(
            out,
            "wording flagged for an editorial note (review, or delete the note):"
        )?;
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
fn write_figures(figures: &[(String, &Figure)], out: &mut impl Write) -> io::Result<()> {
    if !figures.is_empty() {
        writeln!(
            out,
            "figures whose `what` (and period, status) is a draft (review each):"
        )?;
        for (place, figure) in figures {
            let qualifier = figure
                .qualifier
                .as_deref()
                .map(|q| format!(" [{q}]"))
                .unwrap_or_default();
            let period = figure
                .period
                .as_deref()
                .map(|p| format!(" period {}", sanitize_line(p)))
                .unwrap_or_default();
            let planned = if figure.status.is_done() {
                ""
            } else {
                " planned"
            };
            writeln!(
                out,
                "  {place}: {} = {} {}{qualifier}{period}{planned} — what: {}",
                sanitize_line(&figure.text),
                figure.value,
                sanitize_line(&figure.unit),
                sanitize_line(&figure.what)
            )?;
        }
    }
    Ok(())
}
