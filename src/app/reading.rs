//! The reading pane's lines, wrapped lazily: a block is wrapped the first time one of its lines
//! is needed — in view, crossed by a scroll, holding a match or a mark jumped to — and kept
//! until the width or the ambiguous mode changes.
//!
//! A place in the text is a [`ReadingPos`], a block and a line within it, not a line number
//! of the whole letter: a line number would need every block before it wrapped, so that `G`,
//! a jump or a resize would cost the whole letter (0.6 s on a letter of 24 MiB). With
//! positions, a move costs the lines it shows and the blocks it crosses.

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

/// A line of the reading pane: the block it belongs to and its index among the block's lines
/// (the blank line after a block, when there is one, is the block's last). Ordered as the
/// lines are read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ReadingPos {
    /// The block.
    pub block: usize,
    /// The line within the block.
    pub line: usize,
}

/// The letter's lines for one pane width, wrapped block by block as they are needed.
///
/// The methods that may wrap take `&mut self` and are called from
/// [`App::update`](crate::app::App::update), which wraps the lines in view after every action;
/// drawing reads the wrapped lines only ([`lines_from`](Self::lines_from)). So drawing stays a
/// pure function of the app with no cache hidden behind a shared reference (no cells filled
/// during a frame), the app stays `Sync`, and the wrapping a key causes is paid, and timed, in
/// `update`.
#[derive(Debug, Clone, Default)]
pub struct ReadingLayout {
    /// The text width the lines are wrapped to.
    width: usize,
    /// The ambiguous-width mode they are measured in.
    mode: AmbiguousWidth,
    /// Per block: its lines once wrapped, with the blank line after it when there is one.
    wrapped: Vec<Option<Box<[ReadingLine]>>>,
    /// Per block, the bytes of text before it, and the whole letter's at the end: the
    /// percentage in the pane's title, which must not wait for every block to be wrapped.
    bytes_before: Vec<usize>,
}

impl ReadingLayout {
    /// A layout of `tree` at `width` columns, nothing wrapped yet. Costs a pass over the
    /// blocks (not their text).
    #[must_use]
    pub fn new(tree: &LetterTree, width: usize, mode: AmbiguousWidth) -> Self {
        let mut bytes_before = Vec::with_capacity(tree.blocks.len() + 1);
        let mut total = 0usize;
        bytes_before.push(0);
        for block in &tree.blocks {
            total = total.saturating_add(block.text.len());
            bytes_before.push(total);
        }
        Self {
            width,
            mode,
            wrapped: vec![None; tree.blocks.len()],
            bytes_before,
        }
    }

    /// The text width the lines are wrapped to.
    #[must_use]
    pub fn width(&self) -> usize {
        self.width
    }

    /// The ambiguous-width mode the lines are measured in.
    #[must_use]
    pub fn mode(&self) -> AmbiguousWidth {
        self.mode
    }

    /// Takes a new width or mode: every wrapped block is dropped (a pass over the blocks, not
    /// their text), to be wrapped again when needed. The same width and mode keep them.
    pub fn rewrap(&mut self, width: usize, mode: AmbiguousWidth) {
        if (width, mode) != (self.width, self.mode) {
            self.width = width;
            self.mode = mode;
            self.wrapped.fill(None);
        }
    }

    /// How many blocks are wrapped now: what the reader has needed so far.
    #[must_use]
    pub fn wrapped_blocks(&self) -> usize {
        self.wrapped.iter().filter(|b| b.is_some()).count()
    }

    /// The lines of `block`, wrapped now if they were not.
    pub fn lines_of(&mut self, tree: &LetterTree, block: usize) -> &[ReadingLine] {
        let (width, mode) = (self.width, self.mode);
        let Some(slot) = self.wrapped.get_mut(block) else {
            return &[];
        };
        slot.get_or_insert_with(|| wrap_block(tree, block, width, mode))
    }

    /// The lines of `block` if it is wrapped, else none.
    #[must_use]
    pub fn wrapped_lines(&self, block: usize) -> &[ReadingLine] {
        self.wrapped
            .get(block)
            .and_then(Option::as_deref)
            .unwrap_or_default()
    }

    /// The line at `pos`, if its block is wrapped and has it.
    #[must_use]
    pub fn line(&self, pos: ReadingPos) -> Option<&ReadingLine> {
        self.wrapped_lines(pos.block).get(pos.line)
    }

    /// The wrapped lines from `pos` on, in reading order, up to the first block not wrapped.
    pub fn lines_from(
        &self,
        pos: ReadingPos,
    ) -> impl Iterator<Item = (ReadingPos, &ReadingLine)> + '_ {
        self.wrapped
            .get(pos.block..)
            .unwrap_or_default()
            .iter()
            .map_while(Option::as_deref)
            .zip(pos.block..)
            .flat_map(move |(lines, block)| {
                let skip = if block == pos.block { pos.line } else { 0 };
                lines
                    .iter()
                    .enumerate()
                    .skip(skip)
                    .map(move |(line, l)| (ReadingPos { block, line }, l))
            })
    }

    /// Wraps the blocks that `rows` lines from `top` reach: what a frame shows.
    pub fn prepare(&mut self, tree: &LetterTree, top: ReadingPos, rows: usize) {
        let (mut block, mut skip, mut left) = (top.block, top.line, rows);
        while left > 0 && block < self.wrapped.len() {
            let here = self.lines_of(tree, block).len().saturating_sub(skip);
            left = left.saturating_sub(here);
            block += 1;
            skip = 0;
        }
    }

    /// The first line of the first block from `block` on that has lines.
    fn next_with_lines(&mut self, tree: &LetterTree, block: usize) -> Option<ReadingPos> {
        (block..self.wrapped.len()).find_map(|b| {
            (!self.lines_of(tree, b).is_empty()).then_some(ReadingPos { block: b, line: 0 })
        })
    }

    /// The last line of the last block up to `block` (included) that has lines.
    fn prev_with_lines(&mut self, tree: &LetterTree, block: usize) -> Option<ReadingPos> {
        let end = block.saturating_add(1).min(self.wrapped.len());
        (0..end).rev().find_map(|b| {
            let len = self.lines_of(tree, b).len();
            len.checked_sub(1).map(|line| ReadingPos { block: b, line })
        })
    }

    /// The letter's first line.
    pub fn start(&mut self, tree: &LetterTree) -> ReadingPos {
        self.next_with_lines(tree, 0).unwrap_or_default()
    }

    /// The letter's last line.
    pub fn end(&mut self, tree: &LetterTree) -> ReadingPos {
        let last = self.wrapped.len().saturating_sub(1);
        self.prev_with_lines(tree, last).unwrap_or_default()
    }

    /// The first line of `block`, or of the next block with lines when it has none (the
    /// letter's last line when none after it has).
    pub fn first_line_of(&mut self, tree: &LetterTree, block: usize) -> ReadingPos {
        match self.next_with_lines(tree, block) {
            Some(pos) => pos,
            None => self.end(tree),
        }
    }

    /// The last line of `block` (the blank line after it, when there is one), or the line
    /// before it when it has none.
    pub fn last_line_of(&mut self, tree: &LetterTree, block: usize) -> ReadingPos {
        match self.prev_with_lines(tree, block) {
            Some(pos) => pos,
            None => self.start(tree),
        }
    }

    /// The line holding byte `at` of block `block`.
    pub fn line_of(&mut self, tree: &LetterTree, block: usize, at: usize) -> ReadingPos {
        let lines = self.lines_of(tree, block);
        if lines.is_empty() {
            return self.first_line_of(tree, block);
        }
        // The block's text lines, in order of their starts (the blank line after it, which it
        // also owns, comes last and is left out): a block of a million lines is searched in
        // twenty steps.
        let text_lines = lines.partition_point(|l| !l.range.is_empty());
        let own = lines.get(..text_lines).unwrap_or_default();
        let line = own
            .partition_point(|l| l.range.start <= at)
            .saturating_sub(1);
        ReadingPos { block, line }
    }

    /// `pos` if it names a line, else the nearest line that does: the block's last when the
    /// block has fewer lines (a place kept from another width), the letter's end past it.
    pub fn fit(&mut self, tree: &LetterTree, pos: ReadingPos) -> ReadingPos {
        let len = self.lines_of(tree, pos.block).len();
        if pos.line < len {
            pos
        } else if pos.block < self.wrapped.len() && len > 0 {
            ReadingPos {
                block: pos.block,
                line: len - 1,
            }
        } else if pos.block < self.wrapped.len() {
            self.first_line_of(tree, pos.block)
        } else {
            self.end(tree)
        }
    }

    /// The line `delta` lines after `pos` (before it when negative), stopping at the letter's
    /// first and last lines. Wraps only the blocks it crosses.
    pub fn step(&mut self, tree: &LetterTree, pos: ReadingPos, delta: isize) -> ReadingPos {
        let mut pos = self.fit(tree, pos);
        let mut left = delta.unsigned_abs();
        if self.line(pos).is_none() {
            return pos; // A letter without lines.
        }
        if delta >= 0 {
            loop {
                let last = self.lines_of(tree, pos.block).len() - 1;
                let room = last - pos.line;
                if left <= room {
                    pos.line += left;
                    return pos;
                }
                match self.next_with_lines(tree, pos.block + 1) {
                    Some(next) => {
                        left -= room + 1;
                        pos = next;
                    }
                    None => {
                        pos.line = last;
                        return pos;
                    }
                }
            }
        }
        loop {
            if left <= pos.line {
                pos.line -= left;
                return pos;
            }
            match pos
                .block
                .checked_sub(1)
                .and_then(|b| self.prev_with_lines(tree, b))
            {
                Some(prev) => {
                    left -= pos.line + 1;
                    pos = prev;
                }
                None => {
                    pos.line = 0;
                    return pos;
                }
            }
        }
    }

    /// How many lines `to` is after `from` (0 when it is not after it). Wraps the blocks
    /// between them.
    pub fn lines_between(&mut self, tree: &LetterTree, from: ReadingPos, to: ReadingPos) -> usize {
        if to <= from {
            return 0;
        }
        if to.block == from.block {
            return to.line - from.line;
        }
        let mut count = self
            .lines_of(tree, from.block)
            .len()
            .saturating_sub(from.line);
        for block in from.block + 1..to.block {
            count += self.lines_of(tree, block).len();
        }
        count + to.line
    }

    /// How far into the letter the reader is with `rows` lines shown from `top`, in percent
    /// of its text's bytes up to the end of the last line shown (as less gives a byte
    /// percentage when it does not know the line count): it never goes down as the text
    /// scrolls on, and is 100 only when the letter's last words are in view.
    #[must_use]
    pub fn percent(&self, top: ReadingPos, rows: usize) -> usize {
        let total = self.bytes_before.last().copied().unwrap_or(0);
        let Some((pos, line)) = self.lines_from(top).take(rows.max(1)).last() else {
            return 100;
        };
        let before = self.bytes_before.get(pos.block).copied().unwrap_or(total);
        let shown = if line.range.is_empty() {
            // A blank line: its block is read to its end.
            self.bytes_before
                .get(pos.block + 1)
                .copied()
                .unwrap_or(total)
        } else {
            before.saturating_add(line.range.end)
        };
        shown
            .saturating_mul(100)
            .checked_div(total)
            .map_or(100, |p| p.min(100))
    }

    /// The line holding the byte `percent` per cent into the letter's text, as less's `N%`
    /// goes: the measure [`Self::percent`] gives back. Wraps only the block it lands in.
    pub fn at_percent(&mut self, tree: &LetterTree, percent: usize) -> ReadingPos {
        let total = self.bytes_before.last().copied().unwrap_or(0);
        if percent >= 100 {
            return self.end(tree);
        }
        let target = total.saturating_mul(percent) / 100;
        // The last block that starts at or before the target.
        let block = self
            .bytes_before
            .partition_point(|&before| before <= target)
            .saturating_sub(1)
            .min(self.wrapped.len().saturating_sub(1));
        let at = target - self.bytes_before.get(block).copied().unwrap_or(0);
        self.line_of(tree, block, at)
    }

    /// The first and last characters shown with `rows` lines from `top`, counted from 1
    /// through the letter's text (its blocks one after another), and how many characters it
    /// has: what `=` says, as less says the bytes in view. Counts every character of the
    /// letter once, and none of dafu's notes and errata under its paragraphs, whose words
    /// are the interface's (the count had differed between `--lang en` and Chinese).
    #[must_use]
    pub fn chars_in_view(
        &self,
        tree: &LetterTree,
        top: ReadingPos,
        rows: usize,
    ) -> (usize, usize, usize) {
        let text_of = |block: usize| {
            (tree.blocks.get(block))
                .filter(|b| b.kind != BlockKind::Editorial)
                .map_or("", |b| b.text.as_str())
        };
        let chars_to =
            |block: usize, end: usize| text_of(block).get(..end).map_or(0, |t| t.chars().count());
        let mut before = Vec::with_capacity(tree.blocks.len() + 1);
        let mut total = 0;
        for block in 0..tree.blocks.len() {
            before.push(total);
            total += text_of(block).chars().count();
        }
        before.push(total);
        let mut shown = self
            .lines_from(top)
            .take(rows.max(1))
            .map(|(_, line)| line)
            .filter(|line| !line.range.is_empty() && !text_of(line.block).is_empty());
        let Some(first) = shown.next() else {
            // Only blank lines in view (or none): the place after the block above.
            let at = before.get(top.block + 1).copied().unwrap_or(total);
            return (at, at, total);
        };
        let last = shown.last().unwrap_or(first);
        let at = |block: usize, end: usize| {
            before
                .get(block)
                .map_or(total, |b| b + chars_to(block, end))
        };
        (
            at(first.block, first.range.start) + 1,
            at(last.block, last.range.end),
            total,
        )
    }

    /// Every line of `tree` at `width` columns, counted by wrapping every block and keeping
    /// none: for reports of a letter's size, never for the reader's moves.
    #[must_use]
    pub fn line_count(tree: &LetterTree, width: usize, mode: AmbiguousWidth) -> usize {
        (0..tree.blocks.len())
            .map(|block| wrap_block(tree, block, width, mode).len())
            .sum()
    }
}

/// The lines of block `block` of `tree` at `width` columns, with the blank line that parts it
/// from the next block. Editorial notes hang under the paragraph they annotate, without one.
fn wrap_block(
    tree: &LetterTree,
    block: usize,
    width: usize,
    mode: AmbiguousWidth,
) -> Box<[ReadingLine]> {
    let Some(b) = tree.blocks.get(block) else {
        return Box::default();
    };
    let mut lines: Vec<ReadingLine> = wrap(&b.text, width.max(1), mode)
        .into_iter()
        .map(|range| {
            let shown_end = visible(&b.text, range.clone()).end;
            ReadingLine {
                block,
                range,
                shown_end,
            }
        })
        .collect();
    if tree
        .blocks
        .get(block + 1)
        .is_some_and(|next| next.kind != BlockKind::Editorial)
    {
        lines.push(ReadingLine {
            block,
            range: 0..0,
            shown_end: 0,
        });
    }
    lines.into_boxed_slice()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::letter::load;

    /// Every line of the letter, in order, with its position.
    fn all_lines(layout: &mut ReadingLayout, tree: &LetterTree) -> Vec<(ReadingPos, ReadingLine)> {
        (0..tree.blocks.len())
            .flat_map(|block| {
                layout
                    .lines_of(tree, block)
                    .iter()
                    .enumerate()
                    .map(|(line, l)| (ReadingPos { block, line }, l.clone()))
                    .collect::<Vec<_>>()
            })
            .collect()
    }

    #[test]
    fn line_of_finds_the_line_holding_each_byte() {
        let tree = LetterTree::new(load::embedded());
        for width in [10, 37, 120] {
            let mut layout = ReadingLayout::new(&tree, width, AmbiguousWidth::Narrow);
            for (pos, line) in all_lines(&mut layout, &tree) {
                if line.range.is_empty() {
                    continue;
                }
                for at in [line.range.start, line.range.end - 1] {
                    assert_eq!(layout.line_of(&tree, line.block, at), pos, "{width} {at}");
                }
            }
            // A block's first line for offset 0, and its last text line past its end.
            let block = 20;
            let last = all_lines(&mut layout, &tree)
                .into_iter()
                .rev()
                .find(|(_, l)| l.block == block && !l.range.is_empty())
                .map(|(pos, _)| pos);
            assert_eq!(
                layout.line_of(&tree, block, 0),
                ReadingPos { block, line: 0 }
            );
            assert_eq!(Some(layout.line_of(&tree, block, usize::MAX)), last);
        }
    }

    #[test]
    fn a_percentage_lands_on_the_line_holding_that_byte_as_the_percent_shown_reads_it() {
        let tree = LetterTree::new(load::embedded());
        for width in [23, 80] {
            let mut layout = ReadingLayout::new(&tree, width, AmbiguousWidth::Wide);
            let lines = all_lines(&mut layout, &tree);
            assert_eq!(layout.at_percent(&tree, 0), lines[0].0);
            assert_eq!(layout.at_percent(&tree, 100), lines.last().unwrap().0);
            assert_eq!(layout.at_percent(&tree, 250), lines.last().unwrap().0);
            for percent in [1, 10, 33, 50, 99] {
                let at = layout.at_percent(&tree, percent);
                let index = lines.iter().position(|(pos, _)| *pos == at).unwrap();
                // Shown alone, its line reaches the percentage, and the line before it
                // does not go past it.
                assert!(layout.percent(at, 1) >= percent, "{width} {percent}");
                if let Some((before, _)) = index.checked_sub(1).map(|i| &lines[i]) {
                    assert!(layout.percent(*before, 1) <= percent, "{width} {percent}");
                }
            }
        }
    }

    #[test]
    fn steps_count_lines_across_blocks_as_the_whole_list_does() {
        let tree = LetterTree::new(load::embedded());
        let mut layout = ReadingLayout::new(&tree, 41, AmbiguousWidth::Wide);
        let lines = all_lines(&mut layout, &tree);
        let mut fresh = ReadingLayout::new(&tree, 41, AmbiguousWidth::Wide);
        let start = fresh.start(&tree);
        assert_eq!(start, lines[0].0);
        assert_eq!(fresh.end(&tree), lines.last().unwrap().0);
        for (i, (pos, _)) in lines.iter().enumerate().step_by(7) {
            for delta in [0, 1, 5, 40, 300] {
                let ahead = lines
                    .get(i + delta)
                    .map_or(lines.last().unwrap().0, |l| l.0);
                assert_eq!(fresh.step(&tree, *pos, delta.cast_signed()), ahead);
                let back = lines[i.saturating_sub(delta)].0;
                assert_eq!(fresh.step(&tree, *pos, -delta.cast_signed()), back);
            }
            assert_eq!(fresh.lines_between(&tree, start, *pos), i);
            // The lines from a position are the list's, from its index.
            let from: Vec<_> = fresh.lines_from(*pos).take(3).map(|(p, _)| p).collect();
            let want: Vec<_> = lines.iter().skip(i).take(from.len()).map(|l| l.0).collect();
            assert_eq!(from, want);
        }
        assert_eq!(
            ReadingLayout::line_count(&tree, 41, AmbiguousWidth::Wide),
            lines.len()
        );
    }

    #[test]
    fn editorial_notes_hang_under_their_paragraph_without_a_blank_line() {
        let tree = LetterTree::new(load::embedded());
        let note = tree
            .blocks
            .iter()
            .position(|b| b.kind == BlockKind::Editorial)
            .expect("the letter has an editorial note");
        let mut layout = ReadingLayout::new(&tree, 120, AmbiguousWidth::Narrow);
        let before = layout.lines_of(&tree, note - 1).last().unwrap().clone();
        assert!(!before.range.is_empty(), "no blank line before the note");
        let first = layout.lines_of(&tree, 0).last().unwrap().clone();
        assert!(
            first.range.is_empty(),
            "a blank line after a title or paragraph"
        );
    }

    #[test]
    fn only_what_is_asked_for_is_wrapped_and_a_new_width_drops_it() {
        let tree = LetterTree::new(load::embedded());
        let mut layout = ReadingLayout::new(&tree, 80, AmbiguousWidth::Narrow);
        assert_eq!(layout.wrapped_blocks(), 0);
        let end = layout.end(&tree);
        layout.prepare(&tree, end, 30);
        assert!(layout.wrapped_blocks() <= 2, "{}", layout.wrapped_blocks());
        layout.rewrap(80, AmbiguousWidth::Narrow);
        assert!(layout.wrapped_blocks() > 0, "the same width keeps them");
        layout.rewrap(60, AmbiguousWidth::Narrow);
        assert_eq!(layout.wrapped_blocks(), 0);
    }

    #[test]
    fn the_percentage_grows_with_the_text_shown_and_is_100_only_at_the_end() {
        let tree = LetterTree::new(load::embedded());
        let mut layout = ReadingLayout::new(&tree, 60, AmbiguousWidth::Narrow);
        let lines = all_lines(&mut layout, &tree);
        let rows = 20;
        let last_top = lines.len() - rows;
        let mut previous = 0;
        for (i, (pos, _)) in lines.iter().enumerate().take(last_top + 1) {
            let percent = layout.percent(*pos, rows);
            assert!(percent >= previous, "{percent} after {previous} at {i}");
            assert_eq!(percent == 100, i == last_top, "{percent} at {i}");
            previous = percent;
        }
    }
}
