//! The plain-text faces of the reader: print, outline, search, figures.
//!
//! Each writes to any `io::Write`, so tests call them directly and `main` hands them stdout.
//! All text reaching the output was sanitised at load.

pub mod figures;
pub mod shelf;

use std::io::{self, Write};
use std::ops::Range;

use crate::letter::tree::{BlockKind, LetterTree};
use crate::search::letter::letter_index;
use crate::strings::Lang;
use crate::text::columns;
pub use crate::text::columns::{Give, Narrowing, Terminal};
use crate::text::sanitize::sanitize_line;
use crate::text::truncate::fit;
use crate::text::width::{AmbiguousWidth, str_width};

/// `help` (clap's, one sentence a line) laid out for a terminal `width` columns wide: a line
/// longer than that is broken where Chinese and English may break ([`crate::text::wrap`]:
/// never before `，。）`), its continuation at the line's own indent, so that a description
/// stays in its column rather than wrapping back to the margin. Ambiguous characters
/// (“ ” — …) count as wide: the help fits whatever the terminal makes of them.
#[must_use]
pub fn wrap_help(help: &str, width: usize) -> String {
    let mut out = String::with_capacity(help.len());
    for line in help.split_inclusive('\n') {
        let text = line.trim_end_matches('\n');
        let body = text.trim_start_matches(' ');
        // A value's description (`- auto:   Ask the terminal…`) goes on under itself, not
        // under its name: the hanging indent takes in `- name:` and the spaces after it.
        let name = value_name_width(body);
        let hanging = text.len() - body.len() + name;
        let room = width.saturating_sub(hanging);
        if room < 10 || str_width(text, AmbiguousWidth::Wide) <= width {
            out.push_str(line);
            continue;
        }
        let (name, description) = body.split_at(name);
        let indent = " ".repeat(hanging);
        for (i, range) in crate::text::wrap::wrap(description, room, AmbiguousWidth::Wide)
            .into_iter()
            .enumerate()
        {
            let shown = crate::text::wrap::visible(description, range);
            if i == 0 {
                out.push_str(text.get(..text.len() - body.len()).unwrap_or_default());
                out.push_str(name);
            } else {
                out.push_str(&indent);
            }
            out.push_str(description.get(shown).unwrap_or_default());
            out.push('\n');
        }
    }
    out
}

/// The bytes of a help line's `- name:` and the spaces after it, for a line that lists a value
/// of an option (`- narrow: One column…`); 0 for any other. All ASCII: bytes are columns.
fn value_name_width(body: &str) -> usize {
    let Some(rest) = body.strip_prefix("- ") else {
        return 0;
    };
    let name = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
        .unwrap_or(rest.len());
    match rest.get(name..).and_then(|after| after.strip_prefix(':')) {
        Some(after) if name > 0 => body.len() - after.trim_start_matches(' ').len(),
        _ => 0,
    }
}

/// How many characters of context `dafu search` shows on each side of a match.
const CONTEXT_CHARS: usize = 24;

/// Prints the whole letter as plain text, one block a paragraph, indented by depth.
///
/// # Errors
/// When writing fails (a closed pipe is the caller's to treat as success).
pub fn print_letter(tree: &LetterTree, out: &mut impl Write) -> io::Result<()> {
    let mut first = true;
    for block in &tree.blocks {
        if !first {
            writeln!(out)?;
        }
        first = false;
        let depth = tree.nodes[block.node].depth;
        let indent = "  ".repeat(depth);
        let prefix = if block.kind == BlockKind::Editorial {
            "  "
        } else {
            ""
        };
        writeln!(out, "{indent}{prefix}{}", block.text)?;
    }
    Ok(())
}

/// Prints the outline, one node a line, numbered as in the letter; `depth` 1 shows only
/// the top level.
///
/// # Errors
/// When writing fails.
pub fn print_outline(
    tree: &LetterTree,
    depth: Option<usize>,
    lang: Lang,
    out: &mut impl Write,
) -> io::Result<()> {
    for (id, node) in tree.nodes.iter().enumerate() {
        if depth.is_some_and(|d| node.depth >= d) {
            continue;
        }
        let indent = "  ".repeat(node.depth);
        writeln!(out, "{indent}{}", tree.outline_label(id, lang))?;
    }
    Ok(())
}

/// Options of `dafu search`.
#[derive(Debug, Clone, Copy)]
pub struct SearchOptions {
    /// Mark matches with bold red (`--color`: by default only on a terminal, and not under
    /// `NO_COLOR`).
    pub color: bool,
    /// Interface language, for breadcrumbs.
    pub lang: Lang,
}

/// Prints each match as `breadcrumb: …context…`; returns how many matched.
///
/// The matches are the reader's: found by the same index over the same blocks
/// ([`letter_index`]). The context is found by stepping [`CONTEXT_CHARS`] characters out from
/// the match's byte range, so each match costs the same however long its paragraph is.
///
/// # Errors
/// When writing fails.
pub fn search(
    tree: &LetterTree,
    query: &str,
    options: SearchOptions,
    out: &mut impl Write,
) -> io::Result<usize> {
    let found = find(tree, query);
    print_found(tree, &found, options, out)
}

/// Whether `query`, which matches nothing of `tree`'s text, is found in dafu's own notes and
/// errata under it, which a search does not read: `dafu search` then says so, as the reader
/// does, rather than leave the reader to wonder at a word seen on the screen.
#[must_use]
pub fn only_in_notes(tree: &LetterTree, query: &str) -> bool {
    let notes = crate::search::letter::note_docs(tree);
    !crate::search::SearchIndex::new(notes)
        .find_hits(query)
        .is_empty()
}

/// The matches of `query` in `tree`'s text, as (block, the byte ranges matched there), in
/// reading order: what [`search`] prints.
#[must_use]
pub fn find(tree: &LetterTree, query: &str) -> Vec<(usize, Vec<Range<usize>>)> {
    let (index, block_of_doc) = letter_index(tree);
    let mut found: Vec<(usize, Vec<Range<usize>>)> = Vec::new();
    for hit in index.find_hits(query) {
        let block = block_of_doc[hit.doc];
        match found.last_mut() {
            Some((last, hits)) if *last == block => hits.push(hit.bytes),
            _ => found.push((block, vec![hit.bytes])),
        }
    }
    found
}

/// Prints what [`find`] found in `tree`'s blocks, each match with its breadcrumb and context
/// ([`match_lines`]); returns how many matches.
///
/// # Errors
/// When the output cannot be written.
pub fn print_found(
    tree: &LetterTree,
    found: &[(usize, Vec<Range<usize>>)],
    options: SearchOptions,
    out: &mut impl Write,
) -> io::Result<usize> {
    let (on, off) = if options.color {
        ("\x1b[1;31m", "\x1b[0m")
    } else {
        ("", "")
    };
    // A block's lines are put together here and written at once: one write per block.
    let mut line = String::new();
    let mut count = 0;
    for &(block_id, ref hits) in found {
        let Some(text) = tree.blocks.get(block_id).map(|b| b.text.as_str()) else {
            continue;
        };
        count += hits.len();
        // What is known per block (its breadcrumb) is found once per block, not per match.
        let crumb = tree.breadcrumb(tree.blocks[block_id].node, options.lang);
        line.clear();
        match_lines(&mut line, &crumb, text, hits.iter().cloned(), (on, off));
        out.write_all(line.as_bytes())?;
    }
    Ok(count)
}

/// Adds to `lines` the matches `hits` of one block as `dafu search` prints them:
/// `crumb: …before MATCH after…` and a line break, each match between `marks` (the colour's
/// escape codes, or nothing). A match that falls within the context an earlier match's line
/// shows is marked on that line, as `rg` marks a line's every match, not printed on a line of
/// its own: two matches in a short heading had printed the same line twice, told apart only
/// by colour. A paragraph's own line breaks are shown as spaces.
pub(crate) fn match_lines(
    lines: &mut String,
    crumb: &str,
    text: &str,
    hits: impl IntoIterator<Item = Range<usize>>,
    (on, off): (&str, &str),
) {
    let part = |r: Range<usize>| sanitize_line(text.get(r).unwrap_or_default());
    let mut rest = hits.into_iter().peekable();
    while let Some(first) = rest.next() {
        let (before, matched, after) = context(text, first.clone());
        let lead = if before.start > 0 { "…" } else { "" };
        for piece in [crumb, ": ", lead, &part(before), on, &part(matched), off] {
            lines.push_str(piece);
        }
        // The end of what is marked so far: a match overlapping it is marked from there.
        let mut marked = first.end;
        while let Some(next) = rest.next_if(|next| next.end <= after.end) {
            let from = next.start.max(marked);
            for piece in [
                &part(marked..from),
                on,
                &part(from..next.end.max(from)),
                off,
            ] {
                lines.push_str(piece);
            }
            marked = marked.max(next.end);
        }
        let tail = if after.end < text.len() { "…" } else { "" };
        for piece in [&part(marked..after.end), tail, "\n"] {
            lines.push_str(piece);
        }
    }
}

/// The byte ranges of `text` to print for a match at `bytes`: up to [`CONTEXT_CHARS`]
/// characters before it, the match, and up to as many after it.
fn context(text: &str, bytes: Range<usize>) -> (Range<usize>, Range<usize>, Range<usize>) {
    let start = text
        .get(..bytes.start)
        .and_then(|before| before.char_indices().rev().nth(CONTEXT_CHARS - 1))
        .map_or(0, |(at, _)| at);
    let end = text
        .get(bytes.end..)
        .and_then(|after| after.char_indices().nth(CONTEXT_CHARS))
        .map_or(text.len(), |(at, _)| bytes.end + at);
    (start..bytes.start, bytes.clone(), bytes.end..end)
}

/// Writes `rows` (the header first) as columns two spaces apart, each as wide as its widest
/// cell and the last not padded; the column `right_aligned`, if any, stands right-aligned so
/// that its decimal points line up.
///
/// A pipe or a file gets every cell whole (narrow ambiguous width: it has no terminal to
/// ask). A terminal (`narrowing`) gets no row wider than itself, as far as the giving columns
/// can give: each is cut in turn, with `…`, down to its least width (or left out), so that a
/// row is one line rather than wrapped back to the margin through the columns.
///
/// # Errors
/// When `out` cannot be written to.
pub fn print_columns<R: AsRef<[String]>>(
    rows: &[R],
    right_aligned: Option<usize>,
    narrowing: Option<&Narrowing>,
    out: &mut impl Write,
) -> io::Result<()> {
    let mode = narrowing.map_or(AmbiguousWidth::Narrow, |n| n.terminal.mode);
    let columns = columns::lay_out(rows, narrowing, mode);
    let last = columns.iter().rposition(|c| c.shown).unwrap_or_default();
    for row in rows {
        let mut line = String::new();
        for (i, (cell, column)) in row.as_ref().iter().zip(&columns).enumerate() {
            if !column.shown {
                continue;
            }
            let cut = column.fitted(cell, mode);
            if i == last {
                line.push_str(&cut);
                break;
            }
            line.push_str(&fit(&cut, column.width, Some(i) == right_aligned, mode));
            line.push_str("  ");
        }
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::letter::load;

    /// `rows` as `print_columns` prints them, fitted to `width` columns when given.
    fn columns(rows: &[[&str; 4]], width: Option<usize>, giving: &[Give]) -> Vec<String> {
        let rows: Vec<Vec<String>> = (rows.iter())
            .map(|row| row.iter().map(ToString::to_string).collect())
            .collect();
        let narrowing = width.map(|width| Narrowing {
            terminal: Terminal {
                width,
                mode: AmbiguousWidth::Narrow,
            },
            giving,
            taking_back: &[3, 0],
        });
        let mut out = Vec::new();
        print_columns(&rows, Some(1), narrowing.as_ref(), &mut out).unwrap();
        String::from_utf8(out)
            .unwrap()
            .lines()
            .map(String::from)
            .collect()
    }

    const TABLE: [[&str; 4]; 3] = [
        ["文件", "数值", "类别", "标题"],
        [
            "/home/reader/replies/2021/baiyin-2022.txt",
            "8,000",
            "A类",
            "关于对市政协八届一次会议第016号提案的答复",
        ],
        ["/home/reader/replies/2021/jiange.txt", "6", "—", "—"],
    ];

    const GIVING: [Give; 3] = [Give::end(3, 10), Give::path(0, 16), Give::leave_out(2)];

    #[test]
    fn a_table_in_a_narrow_terminal_fits_it_keeping_file_names_and_leaving_out_what_gives_most() {
        let whole = columns(&TABLE, None, &GIVING);
        assert!(
            str_width(&whole[1], AmbiguousWidth::Narrow) > 90,
            "{whole:?}"
        );
        for width in [60, 50, 40] {
            let fitted = columns(&TABLE, Some(width), &GIVING);
            for line in &fitted {
                assert!(
                    str_width(line, AmbiguousWidth::Narrow) <= width,
                    "{width}: {line}"
                );
            }
            // The file's name stays (its folders go); the title is cut, not lost; the value
            // stays right-aligned, whole.
            assert!(fitted[1].contains("baiyin-2022.txt") && fitted[1].starts_with('…'));
            assert!(fitted[2].contains("jiange.txt"));
            assert!(fitted[1].contains("8,000") && fitted[2].contains("    6  "));
            assert!(
                fitted[1].ends_with('…') && fitted[1].contains("关于对"),
                "{fitted:?}"
            );
        }
        // At 60 the class still has its room; at 40 it is left out, heading and all, and the
        // title takes back what that gave beyond the need.
        assert!(columns(&TABLE, Some(60), &GIVING)[0].contains("类别"));
        let narrowest = columns(&TABLE, Some(40), &GIVING);
        assert!(!narrowest[0].contains("类别") && !narrowest[1].contains("A类"));
        let title = |line: &str| line.rsplit("  ").next().unwrap().to_string();
        assert!(
            str_width(&title(&narrowest[1]), AmbiguousWidth::Narrow) > 10,
            "{narrowest:?}"
        );
    }

    #[test]
    fn a_heading_wider_than_its_cells_is_cut_to_them_only_when_nothing_else_gives() {
        let table = [
            ["value", "unit", "qualifier", "period/status"],
            ["8,000", "万元", "about", "2020"],
        ];
        let no_giving: [Give; 0] = [];
        let widths = |width| {
            let lines = columns(&table, Some(width), &no_giving);
            (lines[0].clone(), lines[1].clone())
        };
        let (heading, row) = widths(40);
        assert_eq!(heading, "value  unit  qualifier  period/status");
        assert_eq!(row, "8,000  万元  about      2020");
        let (heading, row) = widths(30);
        assert_eq!(heading, "value  unit  qual…  period/st…");
        assert_eq!(row, "8,000  万元  about  2020");
    }

    #[test]
    fn a_column_that_says_nothing_on_any_row_is_the_first_to_go() {
        let table = [
            ["文件", "状态", "类别", "标题"],
            [
                "a.yaml",
                "",
                "—",
                "关于对市政协八届一次会议第016号提案的答复",
            ],
            [
                "b.yaml",
                "",
                "A类",
                "关于县第十八届人大第一次会议第122号建议答复的函",
            ],
        ];
        let whole = columns(&table, None, &GIVING);
        assert!(whole[0].contains("状态"));
        let fitted = columns(&table, Some(50), &GIVING);
        // The state, empty on every row, goes before the title is cut; the class, which
        // one letter gives, stays.
        assert!(
            !fitted[0].contains("状态") && fitted[0].contains("类别"),
            "{fitted:?}"
        );
        assert!(
            fitted
                .iter()
                .all(|l| str_width(l, AmbiguousWidth::Narrow) <= 50)
        );
        assert_eq!(columns(&table, Some(200), &GIVING), whole);
    }

    #[test]
    fn a_heading_over_no_row_is_kept_however_narrow_the_terminal() {
        // Not left out as saying nothing, which would print an empty line: cut as far as
        // a heading is.
        let heading = [["文件", "状态", "类别", "标题"]];
        let printed = columns(&heading, Some(10), &GIVING);
        assert_eq!(printed.len(), 1);
        assert!(
            printed[0].contains('件') && printed[0].contains('状'),
            "{printed:?}"
        );
    }

    #[test]
    fn a_table_that_fits_its_terminal_is_printed_as_to_a_pipe() {
        let whole = columns(&TABLE, None, &GIVING);
        let widest = whole
            .iter()
            .map(|l| str_width(l, AmbiguousWidth::Narrow))
            .max();
        assert_eq!(columns(&TABLE, widest, &GIVING), whole);
        assert_eq!(columns(&TABLE, Some(400), &GIVING), whole);
    }

    #[test]
    fn a_help_line_too_wide_is_broken_at_its_own_indent_and_keeps_every_character() {
        let help = "选项：\n      --lang <LANG>\n          界面语言（答复函本身从不翻译） \
                    [环境变量：DAFU_LANG=] [默认：zh] [可选值：zh, en]\n  -h\n";
        let wrapped = wrap_help(help, 40);
        let lines: Vec<&str> = wrapped.lines().collect();
        assert!(lines.len() > 4, "{wrapped}");
        for line in &lines {
            assert!(str_width(line, AmbiguousWidth::Wide) <= 40, "{line}");
        }
        // The description and its continuations at its indent; the short lines as they were.
        assert_eq!(&lines[..2], ["选项：", "      --lang <LANG>"]);
        let description = &lines[2..lines.len() - 1];
        assert!(
            description
                .iter()
                .all(|l| l.starts_with("          ") && l.len() > 10)
        );
        assert!(
            !description
                .iter()
                .any(|l| l.trim_start().starts_with(['，', '）', '：']))
        );
        assert_eq!(lines.last(), Some(&"  -h"));
        let joined: String = description.iter().map(|l| l.trim()).collect();
        let whole: String = help
            .lines()
            .nth(2)
            .unwrap_or_default()
            .split_whitespace()
            .collect();
        assert_eq!(joined.replace(' ', ""), whole);
    }

    #[test]
    fn a_values_description_goes_on_under_itself_not_under_its_name() {
        let help = "          - value: 每一类之内从大到小：先金额（按元），再数量，再百分比。\
                    不同类的数值从不相比（87亿元并不比2381家“多”）\n";
        let wrapped = wrap_help(help, 60);
        let lines: Vec<&str> = wrapped.lines().collect();
        assert!(lines.len() > 1, "{wrapped}");
        assert!(
            lines[0].starts_with("          - value: 每一类"),
            "{wrapped}"
        );
        for line in &lines[1..] {
            let text = line.trim_start_matches(' ');
            assert_eq!(
                line.len() - text.len(),
                19,
                "under the description: {wrapped}"
            );
        }
    }

    #[test]
    fn a_help_that_fits_is_left_as_it_is() {
        let help = "用法：dafu [OPTIONS]\n\n  -h, --help\n          打印说明\n";
        assert_eq!(wrap_help(help, 80), help);
    }

    /// `dafu search QUERY` on the minimal letter with `paragraph` added to its opening.
    fn search_with(paragraph: &str, query: &str) -> String {
        let minimal = include_str!("../tests/fixtures/minimal.yaml");
        let mut letter = load::parse(minimal, "minimal.yaml").expect("the minimal letter loads");
        letter.opening.push(paragraph.to_string());
        let tree = LetterTree::new(letter);
        let options = SearchOptions {
            color: false,
            lang: Lang::Zh,
        };
        let mut out = Vec::new();
        search(&tree, query, options, &mut out).expect("writing to memory");
        String::from_utf8(out).expect("UTF-8")
    }

    #[test]
    fn context_is_up_to_24_characters_each_side() {
        let paragraph = format!("{}丙丁{}", "前".repeat(30), "后".repeat(30));
        assert_eq!(
            search_with(&paragraph, "丙丁"),
            format!("开头: …{}丙丁{}…\n", "前".repeat(24), "后".repeat(24))
        );
        assert_eq!(
            search_with("前丙丁后", "丙丁"),
            "开头: 前丙丁后\n",
            "no ellipsis where the paragraph ends"
        );
    }

    #[test]
    fn a_match_within_an_earlier_lines_context_is_marked_there_and_one_past_it_has_its_own() {
        let text = format!("甲丙丁乙丙丁{}丙丁", "戊".repeat(30));
        let at = |n: usize| {
            let start = text
                .match_indices("丙丁")
                .nth(n)
                .map(|(at, _)| at)
                .unwrap_or(0);
            start..start + "丙丁".len()
        };
        let mut lines = String::new();
        match_lines(&mut lines, "c", &text, [at(0), at(1), at(2)], ("[", "]"));
        assert_eq!(
            lines,
            format!(
                "c: 甲[丙丁]乙[丙丁]{}…\nc: …{}[丙丁]\n",
                "戊".repeat(21),
                "戊".repeat(24)
            )
        );
    }

    #[test]
    fn line_breaks_in_the_context_are_shown_as_spaces() {
        assert_eq!(
            search_with("第一行丙丁\n第二行丙丁", "丙丁"),
            "开头: 第一行丙丁 第二行丙丁\n",
            "two matches a line shows are one line"
        );
    }
}
