//! `dafu figures`: every figure with its node's breadcrumb, as a table, CSV or JSON.

use std::io::{self, Write};

use serde::Serialize;

use super::pad;
use crate::figures::{UnitKind, display_value, trim_number};
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

/// One figure as the command line reports it.
#[derive(Debug, Serialize)]
struct Row<'a> {
    node: &'a str,
    breadcrumb: String,
    text: &'a str,
    value: f64,
    unit: &'a str,
    kind: UnitKind,
    what: &'a str,
    qualifier: Option<&'a str>,
}

fn rows(tree: &LetterTree, lang: Lang) -> Vec<Row<'_>> {
    tree.figures()
        .map(|(id, f)| Row {
            node: &tree.nodes[id].key,
            breadcrumb: tree.breadcrumb(id, lang),
            text: &f.text,
            value: f.value,
            unit: &f.unit,
            kind: UnitKind::of(f),
            what: &f.what,
            qualifier: f.qualifier.as_deref(),
        })
        .collect()
}

/// Writes every figure of the letter in `format`.
///
/// # Errors
/// When writing fails.
pub fn print(
    tree: &LetterTree,
    format: Format,
    lang: Lang,
    out: &mut impl Write,
) -> io::Result<()> {
    let rows = rows(tree, lang);
    match format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, &rows)?;
            writeln!(out)
        }
        Format::Csv => {
            writeln!(out, "node,breadcrumb,text,value,unit,what,qualifier")?;
            for r in &rows {
                let fields = [
                    r.node.to_string(),
                    r.breadcrumb.clone(),
                    r.text.to_string(),
                    trim_number(r.value, 2),
                    r.unit.to_string(),
                    r.what.to_string(),
                    r.qualifier.unwrap_or_default().to_string(),
                ];
                let line: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
                writeln!(out, "{}", line.join(","))?;
            }
            Ok(())
        }
        Format::Table => {
            let strings = lang.strings();
            let table: Vec<[String; 6]> = tree
                .figures()
                .zip(&rows)
                .map(|((_, f), r)| {
                    [
                        r.text.to_string(),
                        display_value(f),
                        r.unit.to_string(),
                        r.what.to_string(),
                        r.qualifier.unwrap_or_default().to_string(),
                        r.breadcrumb.clone(),
                    ]
                })
                .collect();
            let header = strings.figure_columns.map(str::to_string);
            let mut widths = [0usize; 6];
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

/// Quotes a CSV field when it holds a comma, quote or line break.
fn csv_field(field: &str) -> String {
    if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_string()
    }
}
