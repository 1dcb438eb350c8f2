//! The command line on a shelf of letters: `dafu list`, and `search`, `figures` and `check`
//! given a folder. Each is a face of the shelf ([`crate::shelf`]) as the one-letter commands
//! are faces of the letter: one reading, one search engine, printed several ways.

use std::io::{self, Write};
use std::path::Path;

use serde::Serialize;

use super::figures::{Format, csv_field, csv_text};
use super::{SearchOptions, match_line, pad};
use crate::letter::load::LoadError;
use crate::shelf::{Entry, Summary, find};
use crate::strings::Lang;
use crate::text::sanitize::sanitize_line;
use crate::text::width::{AmbiguousWidth, str_width};

/// A letter's file as printed: shown inert, as a letter's text is.
#[must_use]
pub fn shown_path(path: &Path) -> String {
    sanitize_line(&path.display().to_string()).into_owned()
}

/// The errors of the letters that were refused, in the shelf's order.
pub fn refused<T>(entries: &[Entry<T>]) -> impl Iterator<Item = &LoadError> {
    entries.iter().filter_map(|e| e.letter.as_ref().err())
}

/// One letter as `dafu list` reports it (the JSON's fields, and the CSV's columns).
#[derive(Debug, Serialize)]
struct ListRow<'a> {
    path: String,
    date: Option<&'a str>,
    issuer: Option<&'a str>,
    doc_number: Option<&'a str>,
    classification: Option<&'a str>,
    title: Option<&'a str>,
    proposal: Option<u64>,
    suggestions: Option<usize>,
    figures: Option<usize>,
    /// Why the letter was refused, as `FILE:LINE:COL: …`.
    error: Option<String>,
    /// Imported from a transcript just now, not reviewed.
    unreviewed: bool,
}

impl<'a> ListRow<'a> {
    fn of(entry: &'a Entry<Summary>) -> Self {
        let path = shown_path(&entry.path);
        match &entry.letter {
            Ok(summary) => {
                let head = &summary.head;
                Self {
                    path,
                    date: head.date.as_deref(),
                    issuer: head.issuer.as_deref(),
                    doc_number: head.doc_number.as_deref(),
                    classification: head.classification.as_deref(),
                    title: head.title.as_deref(),
                    proposal: head.proposal,
                    suggestions: Some(head.suggestions),
                    figures: Some(head.figures),
                    error: None,
                    unreviewed: head.unreviewed,
                }
            }
            Err(error) => Self {
                path,
                date: None,
                issuer: None,
                doc_number: None,
                classification: None,
                title: None,
                proposal: None,
                suggestions: None,
                figures: None,
                error: Some(error.to_string()),
                unreviewed: false,
            },
        }
    }
}

/// `dafu list`: one row per letter, refused letters with their error.
///
/// # Errors
/// When writing fails.
pub fn list(
    entries: &[Entry<Summary>],
    format: Format,
    lang: Lang,
    out: &mut impl Write,
) -> io::Result<()> {
    let rows: Vec<ListRow> = entries.iter().map(ListRow::of).collect();
    match format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, &rows)?;
            writeln!(out)
        }
        Format::Csv => list_csv(&rows, out),
        Format::Table => list_table(&rows, lang, out),
    }
}

/// The CSV columns of `dafu list`, the JSON's fields in the same order.
const CSV_COLUMNS: &str = "path,date,issuer,doc_number,classification,title,proposal,suggestions,figures,error,unreviewed";

fn list_csv(rows: &[ListRow], out: &mut impl Write) -> io::Result<()> {
    writeln!(out, "{CSV_COLUMNS}")?;
    let text = |field: Option<&str>| csv_text(field.unwrap_or_default());
    let number = |n: Option<String>| csv_field(&n.unwrap_or_default());
    for r in rows {
        let line = [
            csv_text(&r.path),
            text(r.date),
            text(r.issuer),
            text(r.doc_number),
            text(r.classification),
            text(r.title),
            number(r.proposal.map(|n| n.to_string())),
            number(r.suggestions.map(|n| n.to_string())),
            number(r.figures.map(|n| n.to_string())),
            text(r.error.as_deref()),
            r.unreviewed.to_string(),
        ];
        writeln!(out, "{}", line.join(","))?;
    }
    Ok(())
}

/// The table's cells of one row: file, date, issuer, number, class, suggestions, figures,
/// state, and the title (or, for a refused letter, its error).
fn table_cells(r: &ListRow, lang: Lang) -> [String; 9] {
    let [unreviewed, refused] = lang.strings().list_states;
    let cell = |field: Option<&str>| field.unwrap_or("—").to_string();
    let count = |n: Option<usize>| n.map_or_else(|| "—".to_string(), |n| n.to_string());
    let state = if r.error.is_some() {
        refused
    } else if r.unreviewed {
        unreviewed
    } else {
        ""
    };
    [
        r.path.clone(),
        cell(r.date),
        cell(r.issuer),
        cell(r.doc_number),
        cell(r.classification),
        count(r.suggestions),
        count(r.figures),
        state.to_string(),
        r.error.clone().unwrap_or_else(|| cell(r.title)),
    ]
}

fn list_table(rows: &[ListRow], lang: Lang, out: &mut impl Write) -> io::Result<()> {
    let header = lang.strings().list_columns.map(str::to_string);
    let cells: Vec<[String; 9]> = rows.iter().map(|r| table_cells(r, lang)).collect();
    let mut widths = [0usize; 9];
    for row in std::iter::once(&header).chain(&cells) {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(str_width(cell, AmbiguousWidth::Narrow));
        }
    }
    for row in std::iter::once(&header).chain(&cells) {
        let mut line = String::new();
        for (i, (cell, &w)) in row.iter().zip(&widths).enumerate() {
            if i + 1 == row.len() {
                line.push_str(cell);
            } else {
                line.push_str(&pad(cell, w));
                line.push_str("  ");
            }
        }
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}

/// `dafu search QUERY DIR`: each match as `PATH: breadcrumb: …context…`, the letters in the
/// shelf's order; returns how many matches. Refused letters are not searched (the caller
/// reports them).
///
/// # Errors
/// When writing fails.
pub fn search(
    entries: &[Entry<Summary>],
    query: &str,
    options: SearchOptions,
    out: &mut impl Write,
) -> io::Result<usize> {
    let texts: Vec<_> = entries
        .iter()
        .map(|e| e.letter.as_ref().ok().and_then(|s| s.text.as_ref()))
        .collect();
    let marks = if options.color {
        ("\x1b[1;31m", "\x1b[0m")
    } else {
        ("", "")
    };
    let mut count = 0;
    let mut line = String::new();
    for found in find::find(&texts, query) {
        let (Some(entry), Some(Some(text))) = (entries.get(found.letter), texts.get(found.letter))
        else {
            continue;
        };
        let path = shown_path(&entry.path);
        for (doc, bytes) in found.hits {
            let prefix = format!("{path}: {}", text.crumb(doc, options.lang));
            line.clear();
            match_line(&mut line, &prefix, text.doc(doc), bytes, marks);
            out.write_all(line.as_bytes())?;
            count += 1;
        }
    }
    Ok(count)
}
