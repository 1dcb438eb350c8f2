//! `dafu figures`: every figure with its node's id and breadcrumb, as a table, CSV or JSON,
//! in letter order or by value, optionally of one unit kind.

use std::io::{self, Write};

use serde::Serialize;

use super::pad;
use crate::figures::money::{self, MoneyRole};
use crate::figures::{
    self, FigureSort, UnitKind, align_on_point, comparable_value, display_value, trim_number,
};
use crate::letter::Status;
use crate::letter::tree::LetterTree;
use crate::strings::Lang;
use crate::text::width::{AmbiguousWidth, str_width};

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
}

/// One figure as the command line reports it.
#[derive(Debug, Serialize)]
struct Row<'a> {
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
    /// When, as the reader shows it (`2019-2020年`, `近5年`, `累计`); null when the letter
    /// gives no period.
    period: Option<String>,
    /// `done` or `planned`.
    status: Status,
    /// The text of a figure that may contain this one.
    #[serde(skip_serializing_if = "Option::is_none")]
    part_of: Option<&'a str>,
    /// For money: spending (added into totals), stock, cap, per_award, outcome….
    #[serde(skip_serializing_if = "Option::is_none")]
    role: Option<MoneyRole>,
}

fn rows(tree: &LetterTree, options: Options) -> Vec<Row<'_>> {
    figures::rows(tree, options.sort, options.unit)
        .into_iter()
        .map(|(id, i)| {
            let f = &tree.nodes[id].figures[i];
            Row {
                node: &tree.nodes[id].key,
                breadcrumb: tree.breadcrumb(id, options.lang),
                text: &f.text,
                value: f.value,
                display: display_value(f),
                unit: &f.unit,
                kind: UnitKind::of(f),
                what: &f.what,
                qualifier: f.qualifier.as_deref(),
                period: money::period_of(f).map(|p| p.to_string()),
                status: f.status,
                part_of: f.part_of.as_deref(),
                role: MoneyRole::of(f),
            }
        })
        .collect()
}

/// Writes the letter's figures as `options` ask.
///
/// # Errors
/// When writing fails.
pub fn print(tree: &LetterTree, options: Options, out: &mut impl Write) -> io::Result<()> {
    let rows = rows(tree, options);
    match options.format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, &rows)?;
            writeln!(out)
        }
        Format::Csv => {
            // The columns `dafu figures` has always had, which scripts read by position, then
            // the period and status; the money role is in the JSON.
            writeln!(
                out,
                "node,breadcrumb,text,value,unit,what,qualifier,period,status"
            )?;
            for r in &rows {
                let fields = [
                    r.node.to_string(),
                    r.breadcrumb.clone(),
                    r.text.to_string(),
                    trim_number(r.value, 2),
                    r.unit.to_string(),
                    r.what.to_string(),
                    r.qualifier.unwrap_or_default().to_string(),
                    r.period.clone().unwrap_or_default(),
                    status_word(r.status).to_string(),
                ];
                let line: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
                writeln!(out, "{}", line.join(","))?;
            }
            Ok(())
        }
        Format::Table => {
            let strings = options.lang.strings();
            // One unit per kind, decimal points in one column: values compare at a glance.
            let (numbers, units): (Vec<String>, Vec<String>) =
                figures::rows(tree, options.sort, options.unit)
                    .into_iter()
                    .map(|(id, i)| comparable_value(&tree.nodes[id].figures[i]))
                    .unzip();
            let numbers = align_on_point(&numbers);
            let table: Vec<[String; 7]> = rows
                .iter()
                .zip(numbers.into_iter().zip(units))
                .map(|(r, (value, unit))| {
                    [
                        r.text.to_string(),
                        value,
                        unit,
                        r.what.to_string(),
                        r.qualifier.unwrap_or_default().to_string(),
                        when(r, strings.planned, strings.list_separator),
                        r.breadcrumb.clone(),
                    ]
                })
                .collect();
            let header = strings.figure_columns.map(str::to_string);
            let mut widths = [0usize; 7];
            for row in std::iter::once(&header).chain(&table) {
                for (w, cell) in widths.iter_mut().zip(row) {
                    *w = (*w).max(str_width(cell, AmbiguousWidth::Narrow));
                }
            }
            for row in std::iter::once(&header).chain(&table) {
                let mut line = String::new();
                for (i, (cell, w)) in row.iter().zip(widths).enumerate() {
                    if i + 1 == row.len() {
                        line.push_str(cell);
                    } else if i == 1 {
                        // Values stand right-aligned, so that their points stay in line.
                        let cell_w = str_width(cell, AmbiguousWidth::Narrow);
                        line.push_str(&" ".repeat(w.saturating_sub(cell_w)));
                        line.push_str(cell);
                        line.push_str("  ");
                    } else {
                        line.push_str(&pad(cell, w));
                        line.push_str("  ");
                    }
                }
                writeln!(out, "{}", line.trim_end())?;
            }
            Ok(())
        }
    }
}

/// A status as the CSV writes it.
fn status_word(status: Status) -> &'static str {
    match status {
        Status::Done => "done",
        Status::Planned => "planned",
    }
}

/// The period and status of a row as the table shows them.
fn when(row: &Row, planned: &str, separator: &str) -> String {
    match (&row.period, row.status) {
        (Some(p), Status::Planned) => format!("{p}{separator}{planned}"),
        (Some(p), Status::Done) => p.clone(),
        (None, Status::Planned) => planned.to_string(),
        (None, Status::Done) => String::new(),
    }
}

/// Quotes a CSV field when it holds a comma, quote or line break.
fn csv_field(field: &str) -> String {
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
}
