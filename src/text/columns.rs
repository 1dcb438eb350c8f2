//! A table's columns laid out for plain text: each as wide as its widest cell, and, in a
//! terminal narrower than the table, fitted to it: the columns a table names give way in turn
//! (cut with `…`, or left out), so that a row stays one line rather than wrapping back to the
//! margin through the columns. The command line's tables (`dafu list`, `dafu figures`) are
//! laid out here.

use std::borrow::Cow;

use super::truncate::{ELLIPSIS, truncate, truncate_crumb, truncate_path};
use super::width::{AmbiguousWidth, grapheme_width, str_width};
use unicode_segmentation::UnicodeSegmentation;

/// A cell for what a letter does not say.
pub const NOTHING: &str = "—";

/// The terminal a table is printed to, when standard output is one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Terminal {
    /// Its columns.
    pub width: usize,
    /// How it draws ambiguous characters (`--ambiguous-width`; narrow unless told, since a
    /// command that prints does not ask the terminal).
    pub mode: AmbiguousWidth,
}

/// A table fitted to its terminal: the terminal, and the columns that give way when the table
/// is wider, in the order they give.
#[derive(Debug, Clone, Copy)]
pub struct Narrowing<'a> {
    /// Where the table is printed.
    pub terminal: Terminal,
    /// The columns that give way, first to last.
    pub giving: &'a [Give],
    /// The columns that take back first what leaving a column out gave beyond the need: the
    /// one a reader wants longest first. Any other column cut takes back after them, in the
    /// order it was cut.
    pub taking_back: &'a [usize],
}

/// One column that gives way to fit a table to its terminal.
#[derive(Debug, Clone, Copy)]
pub struct Give {
    /// Which column (0 is the first).
    pub column: usize,
    /// The fewest columns it is cut to; 0 leaves the column out, with its heading, when the
    /// table is still too wide: a number cut to a few columns would say nothing.
    pub least: usize,
    /// Where its cells are cut.
    pub cut: Cut,
}

impl Give {
    /// `column` cut at its end, down to `least` columns.
    #[must_use]
    pub const fn end(column: usize, least: usize) -> Self {
        Self::cut(column, least, Cut::End)
    }

    /// `column`, of breadcrumbs, cut down to `least` columns ([`Cut::Crumb`]).
    #[must_use]
    pub const fn crumb(column: usize, least: usize) -> Self {
        Self::cut(column, least, Cut::Crumb)
    }

    /// `column`, of paths, cut down to `least` columns ([`Cut::Path`]).
    #[must_use]
    pub const fn path(column: usize, least: usize) -> Self {
        Self::cut(column, least, Cut::Path)
    }

    /// `column` left out.
    #[must_use]
    pub const fn leave_out(column: usize) -> Self {
        Self::cut(column, 0, Cut::End)
    }

    const fn cut(column: usize, least: usize, cut: Cut) -> Self {
        Self { column, least, cut }
    }
}

/// Where a cell too long for its column is cut, marked `…`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Cut {
    /// At its end: a title, what a figure counts.
    #[default]
    End,
    /// A breadcrumb: its last heading whole, and the numbers of those above it
    /// ([`truncate_crumb`]).
    Crumb,
    /// A file's path: its folders first, then the middle of its name
    /// ([`truncate_path`]).
    Path,
}

/// One column of a table as it is laid out.
#[derive(Debug, Clone, Copy)]
pub struct Column {
    /// As wide as its widest cell, or as it was cut to.
    pub width: usize,
    /// Not left out to fit the terminal.
    pub shown: bool,
    /// Where its cells are cut.
    pub cut: Cut,
    /// As wide as its widest cell below the heading.
    cells: usize,
    /// The fewest columns its heading keeps when cut: its first character and the mark.
    heading_least: usize,
    /// Every cell below the heading empty or [`NOTHING`], and a row below it.
    blank: bool,
}

impl Column {
    /// `cell` cut to the column's width where the column is cut.
    #[must_use]
    pub fn fitted<'a>(&self, cell: &'a str, mode: AmbiguousWidth) -> Cow<'a, str> {
        match self.cut {
            Cut::End => truncate(cell, self.width, mode),
            Cut::Crumb => truncate_crumb(cell, self.width, mode),
            Cut::Path => truncate_path(cell, self.width, mode),
        }
    }
}

/// The columns of `rows` (the heading first) as they are laid out, measured in `mode`: each
/// as wide as its widest cell, fitted to the terminal when `narrowing` names one.
#[must_use]
pub fn lay_out<R: AsRef<[String]>>(
    rows: &[R],
    narrowing: Option<&Narrowing>,
    mode: AmbiguousWidth,
) -> Vec<Column> {
    let mut columns: Vec<Column> = Vec::new();
    for (r, row) in rows.iter().enumerate() {
        for (i, cell) in row.as_ref().iter().enumerate() {
            let width = str_width(cell, mode);
            let cells = if r == 0 { 0 } else { width };
            // A heading alone, over no row, says what the table would hold: it stays.
            let says_nothing = rows.len() > 1 && (r == 0 || cell.is_empty() || cell == NOTHING);
            match columns.get_mut(i) {
                Some(column) => {
                    column.width = column.width.max(width);
                    column.cells = column.cells.max(cells);
                    column.blank &= says_nothing;
                }
                None => columns.push(Column {
                    width,
                    shown: true,
                    cut: Cut::End,
                    cells,
                    heading_least: heading_least(cell, mode),
                    blank: says_nothing,
                }),
            }
        }
    }
    if let Some(narrowing) = narrowing {
        narrow(&mut columns, narrowing);
    }
    columns
}

/// The fewest columns `heading` keeps when cut: its first character and the mark, as wide as
/// the terminal draws them.
fn heading_least(heading: &str, mode: AmbiguousWidth) -> usize {
    let first = heading.graphemes(true).next().unwrap_or_default();
    grapheme_width(first, mode) + grapheme_width(ELLIPSIS, mode)
}

/// Fits a table of `columns` (two spaces between) to its terminal: a column that says nothing
/// on any row is left out, then each giving column in turn is cut down to its least, or left
/// out, until the table fits; then, if it still does not, a heading wider than its column's
/// cells is cut to them (`qualif…` over `about`). The columns cut then take back what leaving
/// one out gave beyond the need.
fn narrow(columns: &mut [Column], narrowing: &Narrowing) {
    let natural: Vec<usize> = columns.iter().map(|c| c.width).collect();
    let table = |columns: &[Column]| {
        let shown = columns.iter().filter(|c| c.shown);
        shown.clone().map(|c| c.width).sum::<usize>() + 2 * shown.count().saturating_sub(1)
    };
    let room = narrowing.terminal.width;
    // A column that says nothing on any row (no letter refused or unreviewed, no class
    // given) is the first to go.
    for i in 0..columns.len() {
        if table(columns) > room && columns[i].blank {
            columns[i].shown = false;
        }
    }
    let mut cut = Vec::new();
    for give in narrowing.giving {
        let over = table(columns).saturating_sub(room);
        let Some(column) = columns.get_mut(give.column).filter(|_| over > 0) else {
            continue;
        };
        if give.least == 0 {
            column.shown = false;
        } else {
            column.width -= over.min(column.width.saturating_sub(give.least));
            column.cut = give.cut;
            cut.push(give.column);
        }
    }
    for i in 0..columns.len() {
        let over = table(columns).saturating_sub(room);
        let column = &mut columns[i];
        if column.shown {
            let least = column.cells.max(column.heading_least);
            column.width -= over.min(column.width.saturating_sub(least));
        }
    }
    for &taking in narrowing.taking_back.iter().chain(&cut) {
        let spare = room.saturating_sub(table(columns));
        if let (Some(column), Some(&whole)) = (columns.get_mut(taking), natural.get(taking))
            && column.shown
        {
            column.width += spare.min(whole.saturating_sub(column.width));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(cells: &[&[&str]]) -> Vec<Vec<String>> {
        (cells.iter())
            .map(|row| row.iter().map(ToString::to_string).collect())
            .collect()
    }

    fn narrowing(width: usize, mode: AmbiguousWidth, giving: &[Give]) -> Narrowing<'_> {
        Narrowing {
            terminal: Terminal { width, mode },
            giving,
            taking_back: &[],
        }
    }

    #[test]
    fn a_cut_heading_keeps_its_first_character_however_the_terminal_draws_the_mark() {
        let table = rows(&[&["期间/状态", "标题"]]);
        for mode in [AmbiguousWidth::Narrow, AmbiguousWidth::Wide] {
            let laid = lay_out(&table, Some(&narrowing(4, mode, &[])), mode);
            for (column, heading) in laid.iter().zip(&table[0]) {
                let cut = column.fitted(heading, mode);
                let first = heading.chars().next().expect("a heading");
                assert!(cut.starts_with(first), "{mode:?}: {cut}");
            }
        }
    }

    #[test]
    fn a_column_cut_takes_back_room_left_over_though_no_list_names_it() {
        // The title is cut first; leaving the note out then frees more than was needed: the
        // title takes it back, though `taking_back` is empty.
        let table = rows(&[
            &["title", "note"],
            &["a title of some length here", "a long note of many words"],
        ]);
        let giving = [Give::end(0, 10), Give::leave_out(1)];
        let mode = AmbiguousWidth::Narrow;
        let laid = lay_out(&table, Some(&narrowing(30, mode, &giving)), mode);
        assert!(!laid[1].shown);
        assert_eq!(laid[0].width, 27, "the title whole again");
    }
}
