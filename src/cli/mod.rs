//! The plain-text faces of the reader: print, outline, search, figures.
//!
//! Each writes to any `io::Write`, so tests call them directly and `main` hands them stdout.
//! All text reaching the output was sanitised at load.

pub mod figures;

use std::io::{self, Write};

use crate::letter::tree::{BlockKind, LetterTree};
use crate::search::letter::letter_index;
use crate::strings::Lang;
use crate::text::sanitize::sanitize_line;
use crate::text::width::{AmbiguousWidth, str_width};

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
    /// Mark matches with ANSI reverse video (only when stdout is a terminal).
    pub color: bool,
    /// Interface language, for breadcrumbs.
    pub lang: Lang,
}

/// Prints each match as `breadcrumb: …context…`; returns how many matched.
///
/// # Errors
/// When writing fails.
pub fn search(
    tree: &LetterTree,
    query: &str,
    options: SearchOptions,
    out: &mut impl Write,
) -> io::Result<usize> {
    let (index, block_of_doc) = letter_index(tree);
    let matches = index.find(query);
    for m in &matches {
        let block = &tree.blocks[block_of_doc[m.doc]];
        let chars: Vec<char> = block.text.chars().collect();
        let start = m.chars.start.saturating_sub(CONTEXT_CHARS);
        let end = (m.chars.end + CONTEXT_CHARS).min(chars.len());
        let before: String = chars[start..m.chars.start].iter().collect();
        let hit: String = chars[m.chars.clone()].iter().collect();
        let after: String = chars[m.chars.end..end].iter().collect();
        let lead = if start > 0 { "…" } else { "" };
        let tail = if end < chars.len() { "…" } else { "" };
        let (on, off) = if options.color {
            ("\x1b[1;31m", "\x1b[0m")
        } else {
            ("", "")
        };
        // One match, one line: a paragraph's own line breaks are shown as spaces.
        let (before, hit, after) = (
            sanitize_line(&before),
            sanitize_line(&hit),
            sanitize_line(&after),
        );
        writeln!(
            out,
            "{}: {lead}{before}{on}{hit}{off}{after}{tail}",
            tree.breadcrumb(block.node, options.lang)
        )?;
    }
    Ok(matches.len())
}

/// Pads `s` with spaces to `width` display columns (narrow ambiguous width: output to a
/// pipe or file has no terminal to ask).
#[must_use]
pub fn pad(s: &str, width: usize) -> String {
    let w = str_width(s, AmbiguousWidth::Narrow);
    format!("{s}{}", " ".repeat(width.saturating_sub(w)))
}
