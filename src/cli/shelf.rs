//! The command line on a shelf of letters: `dafu list`, and `search`, `figures` and `check`
//! given a folder. Each is a face of the shelf ([`crate::shelf`]) as the one-letter commands
//! are faces of the letter: one reading, one search engine, printed several ways.

use std::collections::BTreeMap;
use std::io::{self, Write};
use std::path::PathBuf;

use serde::Serialize;

use super::figures::{Format, csv_field, csv_text};
use super::{Give, Narrowing, SearchOptions, Terminal, match_lines, print_columns};
use crate::letter::load::LoadError;
use crate::shelf::find::{self, Searched as Found};
use crate::shelf::head::{subject_or_title, suggestions_shown};
use crate::shelf::walk;
use crate::shelf::{Entry, Options, Summary};
use crate::strings::Lang;
use crate::text::columns::NOTHING;
use crate::text::sanitize::path_line;

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
    proposal: Option<&'a str>,
    suggestions: Option<usize>,
    figures: Option<usize>,
    /// Why the letter was refused, as `FILE:LINE:COL: …`.
    error: Option<String>,
    /// The same without the file (`LINE:COL: …`), for the table, whose row names it.
    #[serde(skip)]
    reason: Option<String>,
    /// Imported from a transcript just now, not reviewed.
    unreviewed: bool,
    /// The sections of a letter written in sections rather than suggestion by suggestion.
    sections: Option<usize>,
    /// The title of the proposal it answers.
    subject: Option<&'a str>,
    /// What the table shows to tell letters apart ([`subject_or_title`]).
    #[serde(skip)]
    subject_or_title: Option<&'a str>,
}

impl<'a> ListRow<'a> {
    /// The row of `entry`, named `path`.
    fn of(entry: &'a Entry<Summary>, path: String, lang: Lang) -> Self {
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
                    proposal: head.proposal.as_deref(),
                    suggestions: Some(head.suggestions),
                    figures: Some(head.figures),
                    error: None,
                    reason: None,
                    unreviewed: head.unreviewed,
                    sections: Some(head.sections),
                    subject: head.subject.as_deref(),
                    subject_or_title: subject_or_title(head),
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
                error: Some(error.in_lang(lang)),
                reason: Some(error.reason(lang)),
                unreviewed: false,
                sections: None,
                subject: None,
                subject_or_title: None,
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
    terminal: Option<Terminal>,
    out: &mut impl Write,
) -> io::Result<()> {
    // JSON escapes control characters itself (`\u001b`): each path as it is, for a script to
    // open, where the table and CSV show them as inert symbols (`␛`).
    let path = |entry: &Entry<Summary>| match format {
        Format::Json => entry.path.to_string_lossy().into_owned(),
        Format::Csv | Format::Table => path_line(&entry.path),
    };
    let rows: Vec<ListRow> = (entries.iter())
        .map(|e| ListRow::of(e, path(e), lang))
        .collect();
    match format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, &rows)?;
            writeln!(out)
        }
        Format::Csv => list_csv(&rows, out),
        Format::Table => list_table(&rows, lang, terminal, out),
    }
}

/// The CSV columns of `dafu list`, the JSON's fields in the same order.
const CSV_COLUMNS: &str = "path,date,issuer,doc_number,classification,title,proposal,suggestions,figures,error,unreviewed,sections,subject";

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
            text(r.proposal),
            number(r.suggestions.map(|n| n.to_string())),
            number(r.figures.map(|n| n.to_string())),
            text(r.error.as_deref()),
            r.unreviewed.to_string(),
            number(r.sections.map(|n| n.to_string())),
            text(r.subject),
        ];
        writeln!(out, "{}", line.join(","))?;
    }
    Ok(())
}

/// The table's cells of one row: file, date, issuer, number, proposal, class, suggestions,
/// figures, state, and what the letter answers (or, for a refused letter, its error, where in
/// the file named first: a refusal that named the file again lost its reason to a narrow
/// terminal).
fn table_cells(r: &ListRow, lang: Lang) -> [String; 10] {
    let [unreviewed, refused] = lang.strings().list_states;
    let cell = |field: Option<&str>| field.unwrap_or(NOTHING).to_string();
    let count = |n: Option<usize>| n.map_or_else(|| NOTHING.to_string(), |n| n.to_string());
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
        cell(r.proposal),
        cell(r.classification),
        r.suggestions
            .map_or_else(|| NOTHING.to_string(), suggestions_shown),
        count(r.figures),
        state.to_string(),
        r.reason.clone().unwrap_or_else(|| cell(r.subject_or_title)),
    ]
}

/// In a terminal narrower than the table, what gives way (after any column that says nothing
/// on any row, such as the state when every letter reads): the title (or error) and the
/// file's folders first, in turns (its name is kept), then the class is left out and the
/// issuer cut, then the document number and the two counts are left out, then the issuer is
/// cut further before the title, which tells letters apart best, then the title and the file
/// (whose name, numbered, may be all that tells made letters apart) in turns, and last the
/// issuer is left out. Below about 60 columns, the proposal's number is left out, then the
/// date: the file, the state and the title are what a row of a narrow terminal keeps.
const LIST_GIVING: [Give; 17] = [
    Give::end(9, 40),
    Give::path(0, 24),
    Give::end(9, 24),
    Give::path(0, 20),
    Give::leave_out(5),
    Give::end(2, 12),
    Give::leave_out(3),
    Give::leave_out(6),
    Give::leave_out(7),
    Give::end(2, 8),
    Give::end(9, 16),
    Give::path(0, 14),
    Give::end(9, 12),
    Give::end(2, 6),
    Give::leave_out(2),
    Give::leave_out(4),
    Give::leave_out(1),
];

fn list_table(
    rows: &[ListRow],
    lang: Lang,
    terminal: Option<Terminal>,
    out: &mut impl Write,
) -> io::Result<()> {
    // No letter, no table: what was missing is said on standard error, as `ls` says it,
    // and a heading over nothing would pass for a list.
    if rows.is_empty() {
        return Ok(());
    }
    let header = lang.strings().list_columns.map(str::to_string);
    let table: Vec<[String; 10]> = std::iter::once(header)
        .chain(rows.iter().map(|r| table_cells(r, lang)))
        .collect();
    let narrowing = terminal.map(|terminal| Narrowing {
        terminal,
        giving: &LIST_GIVING,
        // The title first, then the file and the issuer.
        taking_back: &[9, 0, 2],
    });
    print_columns(&table, None, narrowing.as_ref(), out)
}

/// What `dafu search` found on a shelf.
#[derive(Debug, Default)]
pub struct Searched {
    /// How many letters were searched (or refused).
    pub letters: usize,
    /// How many matches were printed.
    pub matches: usize,
    /// The letters that could not be read, in the shelf's order.
    pub refused: Vec<LoadError>,
}

/// `dafu search QUERY DIR`: each match as `PATH: breadcrumb: …context…`, the letters in the
/// shelf's order. Each letter is searched and its lines made on the thread that read it, as
/// ripgrep's workers do, and printed whole once the letters before it are; a letter's text
/// is dropped once it is searched, so the shelf is never in memory at once.
///
/// # Errors
/// When writing fails.
pub fn search(
    paths: &[PathBuf],
    reading: &Options,
    query: &str,
    options: SearchOptions,
    out: &mut impl Write,
) -> io::Result<Searched> {
    let marks = if options.color {
        ("\x1b[1;31m", "\x1b[0m")
    } else {
        ("", "")
    };
    let query = find::Query::new(query);
    let lines_of = |file: &walk::Found, letter: Result<Found, LoadError>| {
        let letter = letter?;
        let mut lines = String::new();
        if letter.hits.is_empty() {
            return Ok((0, lines));
        }
        let path = path_line(file.path());
        for block_hits in letter.hits.chunk_by(|a, b| a.0 == b.0) {
            let block = block_hits[0].0;
            let prefix = format!("{path}: {}", letter.crumb(block, options.lang));
            let bytes = block_hits.iter().map(|(_, bytes)| bytes.clone());
            match_lines(&mut lines, &prefix, letter.text(block), bytes, marks);
        }
        Ok((letter.hits.len(), lines))
    };
    let mut searched = Searched::default();
    let mut failed = None;
    let mut waiting = BTreeMap::new();
    let mut next = 0;
    let list = || walk::letter_files(paths);
    find::search_each(list, reading, &query, lines_of, |i, letter| {
        waiting.insert(i, letter);
        // Printed in the shelf's order, whichever core finished first.
        while let Some(letter) = waiting.remove(&next) {
            next += 1;
            searched.letters += 1;
            match letter {
                Ok((count, lines)) if failed.is_none() => {
                    searched.matches += count;
                    failed = out.write_all(lines.as_bytes()).err();
                }
                Ok(_) => {}
                Err(error) => searched.refused.push(error),
            }
        }
    });
    failed.map_or(Ok(searched), Err)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::width::AmbiguousWidth;

    /// At 80 columns a refused letter's row keeps where and why it was refused: its file is
    /// named once, at the row's start (it had been named again, and the cut left only that).
    #[test]
    fn a_refused_letter_keeps_its_reason_at_80_columns() {
        let file = "shelf/broken.yaml".to_string();
        let entries = [Entry {
            path: PathBuf::from(&file),
            letter: Err(LoadError {
                file,
                position: Some((1, 8)),
                message: "a quoted scalar is indented wrongly".into(),
            }),
        }];
        let terminal = Terminal {
            width: 80,
            mode: AmbiguousWidth::Narrow,
        };
        let mut out = Vec::new();
        list(&entries, Format::Table, Lang::En, Some(terminal), &mut out).unwrap();
        let out = String::from_utf8(out).unwrap();
        let row = out.lines().nth(1).unwrap_or_default();
        assert!(row.starts_with("shelf/broken.yaml"), "{out}");
        assert!(row.contains("1:8: a quoted scalar"), "{out}");
        assert_eq!(row.matches("broken.yaml").count(), 1, "{out}");
    }
}
