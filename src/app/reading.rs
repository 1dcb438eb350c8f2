//! The reading pane's lines: every block wrapped once for a width, with blank lines between.

use std::ops::Range;

use crate::letter::tree::{BlockKind, LetterTree};
use crate::text::width::AmbiguousWidth;
use crate::text::wrap::{visible, wrap};

/// One screen line of the reading pane.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadingLine {
    /// The block the line belongs to (a blank line belongs to the block before it).
    pub block: usize,
    /// Byte range of the block's text on this line; empty for a blank line.
    pub range: Range<usize>,
    /// Where the part of the line to draw ends: `range` without the spaces and the line break
    /// that hang at its end ([`visible`]). Found once, here, because a line can hang a
    /// million spaces, and a frame should not walk them again.
    pub shown_end: usize,
}

impl ReadingLine {
    /// The byte range of the block's text to draw on this line.
    #[must_use]
    pub fn shown(&self) -> Range<usize> {
        self.range.start..self.shown_end
    }
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
                    shown_end: 0,
                });
            }
            first_line.push(lines.len());
            for range in wrap(&block.text, width.max(1), mode) {
                let shown_end = visible(&block.text, range.clone()).end;
                lines.push(ReadingLine {
                    block: i,
                    range,
                    shown_end,
                });
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
        let end = self
            .first_line
            .get(block + 1)
            .copied()
            .unwrap_or(self.lines.len());
        // The block's own lines, in order of their starts (the blank line after it, which it
        // also owns, comes last and is left out): a block of a million lines is searched in
        // twenty steps.
        let own = self.lines.get(start..end).unwrap_or_default();
        let text_lines = own.partition_point(|l| !l.range.is_empty());
        let own = own.get(..text_lines).unwrap_or_default();
        start
            + own
                .partition_point(|l| l.range.start <= at)
                .saturating_sub(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::letter::load;

    #[test]
    fn line_of_finds_the_line_holding_each_byte() {
        let tree = LetterTree::new(load::embedded());
        for width in [10, 37, 120] {
            let layout = ReadingLayout::new(&tree, width, AmbiguousWidth::Narrow);
            for (i, line) in layout.lines.iter().enumerate() {
                if line.range.is_empty() {
                    continue;
                }
                for at in [line.range.start, line.range.end - 1] {
                    assert_eq!(layout.line_of(line.block, at), i, "{width} {at}");
                }
            }
            // A block's first line for offset 0, and its last line past its end.
            let block = 20;
            let last = (0..layout.lines.len())
                .rev()
                .find(|&i| layout.lines[i].block == block && !layout.lines[i].range.is_empty());
            assert_eq!(layout.line_of(block, 0), layout.first_line[block]);
            assert_eq!(Some(layout.line_of(block, usize::MAX)), last);
        }
    }
}
