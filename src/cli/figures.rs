//! `dafu figures`: every figure with its node's id and breadcrumb, as a table, CSV or JSON,
//! in letter order or by value, optionally of one unit kind.

use std::io::{self, Write};

use serde::Serialize;

use super::{Give, Narrowing, Terminal, print_columns};
use crate::figures::money::{self, kind_of};
use crate::figures::{self, FigureSort, UnitKind, display_value, period_label, trim_number};
use crate::letter::tree::LetterTree;
use crate::letter::{MoneyKind, Status};
use crate::strings::Lang;

/// Output formats of `dafu figures`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    /// Columns aligned by display width.
    #[default]
    Table,
    /// RFC 4180 CSV with a header row.
    Csv,
    /// A JSON array of objects.
    Json,
}

/// What `dafu figures` prints, and how.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Output format.
    pub format: Format,
    /// Order of the figures (value: money by 元, then counts, then percentages).
    pub sort: FigureSort,
    /// Only figures of this kind, when set.
    pub unit: Option<UnitKind>,
    /// Interface language, for breadcrumbs and the table's headings.
    pub lang: Lang,
    /// The terminal the table is printed to, which it is fitted to; `None` for a pipe or a
    /// file, which get every cell whole.
    pub terminal: Option<Terminal>,
}

/// One figure as the command line reports it.
#[derive(Debug, Serialize)]
struct Row<'a> {
    /// The letter's file, when figures of a shelf are listed (`dafu figures DIR`).
    #[serde(skip_serializing_if = "Option::is_none")]
    letter: Option<&'a str>,
    /// The node's stable key (`s5.m1.p2`).
    node: &'a str,
    breadcrumb: String,
    text: &'a str,
    /// Money in 元, counts as counted, percentages as the number before `%`.
    value: f64,
    /// The value as the table shows it: `1.8亿元`.
    display: String,
    unit: &'a str,
    kind: UnitKind,
    what: &'a str,
    qualifier: Option<&'a str>,
    /// When, as the reader shows it in the interface's language (`2019-2020年`, `近5年`,
    /// `累计`; `2019–2020`, `past 5 years`, `cumulative`); null when the letter gives no
    /// period.
    period: Option<String>,
    /// `done`, `planned` or `design`.
    status: Status,
    /// The text of a figure that the letter says contains this one; null when none does.
    part_of: Option<&'a str>,
    /// For money: what kind of money it is (approved, allocated, paid, fund, running_total,
    /// cap, per_award, outcome); null for a figure that is not money (`kind` says so) or
    /// money whose kind is not known. Every row has every field, as `jq` and a spreadsheet
    /// expect.
    money_kind: Option<MoneyKind>,
}

fn rows<'a>(letter: Option<&'a str>, tree: &'a LetterTree, options: Options) -> Vec<Row<'a>> {
    figures::rows(tree, options.sort, options.unit)
        .into_iter()
        .map(|(id, i)| {
            let f = &tree.nodes[id].figures[i];
            let kind = f.kind();
            Row {
                letter,
                node: &tree.nodes[id].key,
                breadcrumb: tree.breadcrumb(id, options.lang),
                text: &f.text,
                value: f.value,
                display: display_value(f),
                unit: &f.unit,
                kind,
                what: &f.what,
                qualifier: f.qualifier.as_deref(),
                period: money::period_of(f).map(|p| period_label(&p, options.lang)),
                status: f.status,
                part_of: f.part_of.as_deref(),
                money_kind: (kind == UnitKind::Money).then(|| kind_of(f)).flatten(),
            }
        })
        .collect()
}

/// Writes the letter's figures as `options` ask; how many it wrote.
///
/// # Errors
/// When writing fails.
pub fn print(tree: &LetterTree, options: Options, out: &mut impl Write) -> io::Result<usize> {
    print_letters(&[(None, tree)], options, out)
}

/// Writes the figures of several letters as `options` ask, each letter's in turn, with a
/// first column naming the letter when it is named (`dafu figures DIR`); how many it wrote.
/// With none, the table is not written at all (its headings alone would read as a table
/// that lost its rows); CSV and JSON keep their header and `[]` for a script.
///
/// # Errors
/// When writing fails.
pub fn print_letters(
    letters: &[(Option<&str>, &LetterTree)],
    options: Options,
    out: &mut impl Write,
) -> io::Result<usize> {
    let named = letters.iter().any(|(name, _)| name.is_some());
    match options.format {
        Format::Json => {
            let all: Vec<Row> = letters
                .iter()
                .flat_map(|&(name, tree)| rows(name, tree, options))
                .collect();
            serde_json::to_writer_pretty(&mut *out, &all)?;
            writeln!(out)?;
            Ok(all.len())
        }
        Format::Csv => {
            // The columns `dafu figures` has always had, which scripts read by position,
            // then the period and status, then the kind of money and the figure this one is
            // part of, last as in the JSON. A shelf's rows start with their letter.
            let letter = if named { "letter," } else { "" };
            writeln!(
                out,
                "{letter}node,breadcrumb,text,value,unit,what,qualifier,period,status,\
                 money_kind,part_of"
            )?;
            let mut written = 0;
            for &(name, tree) in letters {
                let rows = rows(name, tree, options);
                print_csv(&rows, out)?;
                written += rows.len();
            }
            Ok(written)
        }
        Format::Table => print_table(letters, named, options, out),
    }
}

/// The figures as CSV, a line per figure (the header is the caller's).
fn print_csv(rows: &[Row], out: &mut impl Write) -> io::Result<()> {
    for r in rows {
        let line = [
            csv_text(r.node),
            csv_text(&r.breadcrumb),
            csv_text(r.text),
            // A number dafu formats itself: it stays a number for the spreadsheet.
            csv_field(&trim_number(r.value, 2)),
            csv_text(r.unit),
            csv_text(r.what),
            csv_text(r.qualifier.unwrap_or_default()),
            csv_text(&r.period.clone().unwrap_or_default()),
            csv_text(status_word(r.status)),
            // Empty for a figure that is not money, and for money of no known kind (the
            // JSON's null).
            csv_text(r.money_kind.map(MoneyKind::name).unwrap_or_default()),
            csv_text(r.part_of.unwrap_or_default()),
        ];
        let letter = r.letter.map(|l| csv_text(l) + ",").unwrap_or_default();
        writeln!(out, "{letter}{}", line.join(","))?;
    }
    Ok(())
}

/// The figures as the reader's table, in plain text: one unit per kind, decimal points in
/// one column, so that values compare at a glance; a shelf's rows start with their letter.
fn print_table(
    letters: &[(Option<&str>, &LetterTree)],
    named: bool,
    options: Options,
    out: &mut impl Write,
) -> io::Result<usize> {
    let strings = options.lang.strings();
    let mut header: Vec<String> = strings.figure_columns.map(str::to_string).to_vec();
    if named {
        header.insert(0, strings.letter_column.to_string());
    }
    let mut table: Vec<Vec<String>> = vec![header];
    for &(name, tree) in letters {
        let cells = figures::table_cells(
            tree,
            &figures::rows(tree, options.sort, options.unit),
            options.lang,
            |id| tree.breadcrumb(id, options.lang),
        );
        table.extend(cells.into_iter().map(|row| {
            let letter = named.then(|| name.unwrap_or_default().to_string());
            letter.into_iter().chain(row).collect()
        }));
    }
    let written = table.len() - 1;
    if written == 0 {
        return Ok(0);
    }
    // The value column, right-aligned so that its points stay in line.
    let shift = usize::from(named);
    let narrowing = options.terminal.map(|terminal| Narrowing {
        terminal,
        giving: if named {
            &FIGURES_GIVING_NAMED
        } else {
            &FIGURES_GIVING
        },
        // What is counted first, then the letter, the place and the quotation.
        taking_back: if named { &[4, 0, 7, 1] } else { &[3, 6, 0] },
    });
    print_columns(&table, Some(shift + 1), narrowing.as_ref(), out)?;
    Ok(written)
}

/// In a terminal narrower than the figures' table, what gives way: the place (its last
/// heading kept, and the numbers above it) and the quotation first, then what the figure counts, each further in turn,
/// and in the narrowest terminals the place is left out, then the period (below about 45
/// columns), and what is counted and (in English) the qualifier's words are cut further, so
/// that a row stays one line. The value and its unit keep their width: they are what the
/// table is read for.
const FIGURES_GIVING: [Give; 10] = [
    Give::crumb(6, 16),
    Give::end(0, 10),
    Give::end(3, 16),
    Give::crumb(6, 10),
    Give::end(3, 10),
    Give::end(0, 6),
    Give::leave_out(6),
    Give::leave_out(5),
    Give::end(3, 6),
    Give::end(4, 6),
];

/// [`FIGURES_GIVING`] for a shelf's table, whose letter column comes first: it gives way
/// after the place, the quotation and what is counted, keeping the file's name; in the
/// narrowest terminals the place and then the quotation are left out (the value, unit and
/// qualifier stand in their own columns), and last the period is cut, and below about 50
/// columns left out, and what is counted, the file and (in English) the qualifier's words
/// cut further: a row stays one line.
const FIGURES_GIVING_NAMED: [Give; 17] = [
    Give::crumb(7, 16),
    Give::end(1, 10),
    Give::end(4, 16),
    Give::path(0, 20),
    Give::crumb(7, 10),
    Give::end(4, 10),
    Give::path(0, 14),
    Give::leave_out(7),
    Give::leave_out(1),
    Give::end(4, 8),
    Give::path(0, 10),
    Give::end(6, 6),
    Give::leave_out(6),
    Give::end(4, 6),
    Give::path(0, 8),
    Give::end(5, 6),
    Give::path(0, 6),
];

/// A status as the CSV writes it.
fn status_word(status: Status) -> &'static str {
    match status {
        Status::Done => "done",
        Status::Planned => "planned",
        Status::Design => "design",
    }
}

/// The characters with which a cell starts a formula in a spreadsheet (OWASP, "CSV
/// Injection"): `=HYPERLINK(…)` in a figure's label would run when the file is opened.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A CSV field for text from the letter: a cell that a spreadsheet would run as a formula is
/// made text by a leading `'`, as OWASP advises, then quoted as needed.
pub(crate) fn csv_text(field: &str) -> String {
    if field.starts_with(FORMULA_STARTS) {
        csv_field(&format!("'{field}"))
    } else {
        csv_field(field)
    }
}

/// Quotes a CSV field when it holds a comma, quote or line break.
pub(crate) fn csv_field(field: &str) -> String {
    if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_only_what_needs_it() {
        assert_eq!(csv_field("80、60、40万元"), "80、60、40万元");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
    }

    #[test]
    fn csv_text_that_a_spreadsheet_would_run_is_neutralised() {
        assert_eq!(csv_text("=1+2"), "'=1+2");
        assert_eq!(csv_text("+1+2"), "'+1+2");
        assert_eq!(csv_text("-3"), "'-3");
        assert_eq!(csv_text("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_text("\t=1"), "'\t=1");
        assert_eq!(
            csv_text("=HYPERLINK(\"x\",\"y\")"),
            "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\""
        );
        assert_eq!(csv_text("a=1"), "a=1");
        assert_eq!(csv_text("科技企业"), "科技企业");
    }
}
