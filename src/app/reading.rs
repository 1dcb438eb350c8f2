//! The reading pane's lines: every block wrapped once for a width, with blank lines between.

use std::ops::Range;

use crate::letter::tree::{BlockKind, LetterTree};
use crate::text::width::AmbiguousWidth;
use crate::text::wrap::wrap;

/// One screen line of the reading pane.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadingLine {
    /// The block the line belongs to (a blank line belongs to the block before it).
    pub block: usize,
    /// Byte range of the block's text on this line; empty for a blank line.
    pub range: Range<usize>,
}

/// All lines of the letter for one pane width. Built once per width: scrolling and
/// drawing only index into it.
#[derive(Debug, Clone, Default)]
pub struct ReadingLayout {
    /// The text width the lines were wrapped to.
    pub width: usize,
    /// The ambiguous-width mode they were measured in.
    pub mode: AmbiguousWidth,
    /// Every line, in reading order.
    pub lines: Vec<ReadingLine>,
    /// For each block, the index of its first line.
    pub first_line: Vec<usize>,
}

impl ReadingLayout {
    /// Wraps every block of `tree` to `width` columns.
    #[must_use]
    pub fn new(tree: &LetterTree, width: usize, mode: AmbiguousWidth) -> Self {
        let mut lines = Vec::new();
        let mut first_line = Vec::with_capacity(tree.blocks.len());
        for (i, block) in tree.blocks.iter().enumerate() {
            // Editorial notes hang under the paragraph they annotate, without a gap.
            if i > 0 && block.kind != BlockKind::Editorial {
                lines.push(ReadingLine {
                    block: i - 1,
                    range: 0..0,
                });
            }
            first_line.push(lines.len());
            for range in wrap(&block.text, width.max(1), mode) {
                lines.push(ReadingLine { block: i, range });
            }
        }
        Self {
            width,
            mode,
            lines,
            first_line,
        }
    }

    /// The line holding byte `at` of block `block`.
    #[must_use]
    pub fn line_of(&self, block: usize, at: usize) -> usize {
        let start = self.first_line.get(block).copied().unwrap_or(0);
        let mut line = start;
        for (i, l) in self.lines.iter().enumerate().skip(start) {
            if l.block != block {
                break;
            }
            if l.range.start <= at && !l.range.is_empty() {
                line = i;
            }
        }
        line
    }
}
