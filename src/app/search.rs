//! The reader's search: the prompt's text and caret, the matches, the current one, and the
//! outline filter. Matching itself is [`crate::search`]'s; this module only keeps state.

use std::ops::Range;

use super::place::Spot;
use super::{App, Note};
use crate::action::Action;
use crate::letter::tree::{LetterTree, NodeId};
use crate::search::letter::letter_index;
use crate::search::{SearchIndex, Searcher};
use crate::strings::Lang;
use crate::text::char_to_byte;
use crate::text::sanitize::sanitize_line;

/// A match, placed in the reading pane's blocks.
///
/// Twelve bytes: a one-letter query can match a million places, and all of them are kept
/// while the query is active. A letter is at most 64 MiB, so its blocks and their byte
/// offsets are counted in `u32`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BlockMatch {
    block: u32,
    start: u32,
    end: u32,
}

impl BlockMatch {
    /// A match of bytes `bytes` in block `block`.
    ///
    /// # Panics
    /// If `block` or the offsets exceed `u32::MAX`: a letter that large is refused at load.
    #[must_use]
    pub fn new(block: usize, bytes: Range<usize>) -> Self {
        let to_u32 = |n: usize| u32::try_from(n).expect("letters are refused above 64 MiB");
        Self {
            block: to_u32(block),
            start: to_u32(bytes.start),
            end: to_u32(bytes.end),
        }
    }

    /// The block holding the match.
    #[must_use]
    pub fn block(&self) -> usize {
        self.block as usize
    }

    /// Byte range of the match in the block's text.
    #[must_use]
    pub fn bytes(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// Search state.
pub struct Search {
    /// The query as typed.
    pub query: String,
    /// Caret position in characters.
    pub caret: usize,
    /// True while the prompt takes keys.
    pub editing: bool,
    /// Every match in the letter, in reading order.
    pub matches: Vec<BlockMatch>,
    /// Index into `matches` of the current match.
    pub current: Option<usize>,
    /// Show only matching nodes (and their ancestors) in the outline.
    pub filter: bool,
    /// Where the reader was when the prompt opened (the selected node and the words at the
    /// top of the text, which a resize while typing keeps), so that Esc can go back.
    origin: Spot,
    /// The finished search the prompt replaced, given back by Esc (as less keeps its last
    /// search when a new one is abandoned).
    previous: Option<Previous>,
    /// Earlier queries, oldest first, for ↑ and ↓; kept between runs by the runner.
    history: Vec<String>,
    /// While ↑/↓ browse the history: the entry in the prompt.
    recalled: Option<usize>,
    /// What was typed before ↑ first recalled an entry, given back by ↓ past the newest.
    draft: String,
    /// The blocks' texts, searched incrementally.
    searcher: Searcher,
    block_of_doc: Vec<usize>,
    /// The outline rows' labels, searched with the same engine so that the outline can
    /// highlight exactly what matched in a row.
    rows: Searcher,
    /// Per node, byte ranges of matches in its outline label.
    pub row_matches: Vec<Vec<Range<usize>>>,
    /// The nodes whose `row_matches` are not empty, to clear them quickly.
    rows_matched: Vec<NodeId>,
    /// Per node: does one of its own blocks hold a match?
    own_match: Vec<bool>,
    /// Per node: does it, or a descendant, hold a match?
    shown: Vec<bool>,
}

/// A finished search, as it stood when the prompt opened again.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Previous {
    query: String,
    current: Option<usize>,
    filter: bool,
}

/// The most queries the history keeps (less keeps 100 too).
pub const HISTORY_LIMIT: usize = 100;

/// The longest query, in characters, the history takes from a state file: a query is a few
/// words, and a damaged file must not fill the prompt with a novel.
const HISTORY_QUERY_CHARS: usize = 200;

impl std::fmt::Debug for Search {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Search")
            .field("query", &self.query)
            .field("caret", &self.caret)
            .field("editing", &self.editing)
            .field("matches", &self.matches.len())
            .field("current", &self.current)
            .field("filter", &self.filter)
            .finish_non_exhaustive()
    }
}

impl Search {
    /// An empty search over `tree`'s text and its outline labels in `lang`; builds the
    /// indexes once.
    #[must_use]
    pub fn new(tree: &LetterTree, lang: Lang) -> Self {
        let (index, block_of_doc) = letter_index(tree);
        let nodes = tree.nodes.len();
        let rows = SearchIndex::new((0..nodes).map(|id| tree.outline_label(id, lang)));
        Self {
            rows: Searcher::new(rows),
            row_matches: vec![Vec::new(); nodes],
            rows_matched: Vec::new(),
            own_match: vec![false; nodes],
            shown: vec![false; nodes],
            query: String::new(),
            caret: 0,
            editing: false,
            matches: Vec::new(),
            current: None,
            filter: false,
            origin: Spot {
                node: 0,
                block: 0,
                byte: 0,
            },
            previous: None,
            history: Vec::new(),
            recalled: None,
            draft: String::new(),
            searcher: Searcher::new(index),
            block_of_doc,
        }
    }

    /// Forgets the query and its matches.
    pub fn clear(&mut self) {
        self.query.clear();
        self.caret = 0;
        self.editing = false;
        self.matches.clear();
        self.current = None;
        self.filter = false;
        self.clear_nodes();
        self.searcher.reset();
        self.rows.reset();
    }

    /// Forgets which nodes and rows hold matches.
    fn clear_nodes(&mut self) {
        for id in self.rows_matched.drain(..) {
            if let Some(row) = self.row_matches.get_mut(id) {
                row.clear();
            }
        }
        self.own_match.fill(false);
        self.shown.fill(false);
    }

    fn run(&mut self, tree: &LetterTree) {
        // Reuse the allocation: a one-letter query can match hundreds of thousands of places.
        let mut matches = std::mem::take(&mut self.matches);
        matches.clear();
        let block_of_doc = &self.block_of_doc;
        self.searcher.search(&self.query, |hit| {
            matches.push(BlockMatch::new(block_of_doc[hit.doc], hit.bytes));
        });
        self.matches = matches;
        self.clear_nodes();
        let (row_matches, rows_matched) = (&mut self.row_matches, &mut self.rows_matched);
        self.rows.search(&self.query, |hit| {
            if let Some(row) = row_matches.get_mut(hit.doc) {
                if row.is_empty() {
                    rows_matched.push(hit.doc);
                }
                row.push(hit.bytes);
            }
        });
        // Per node, once per query rather than per frame: its own match, and the way to it.
        let mut last_block = None;
        for m in &self.matches {
            if last_block == Some(m.block()) {
                continue;
            }
            last_block = Some(m.block());
            let node = tree.blocks[m.block()].node;
            self.own_match[node] = true;
            let mut at = Some(node);
            while let Some(id) = at {
                if self.shown[id] {
                    // Its ancestors were marked with it.
                    break;
                }
                self.shown[id] = true;
                at = tree.nodes[id].parent;
            }
        }
    }

    /// Per node: does it, or a descendant, hold a match? Computed once per query.
    #[must_use]
    pub fn shown_nodes(&self) -> &[bool] {
        &self.shown
    }

    /// Per node: does one of its own blocks hold a match? Computed once per query.
    #[must_use]
    pub fn own_matches(&self) -> &[bool] {
        &self.own_match
    }

    /// The matches in block `block` that overlap its byte range `bytes` (one line's worth),
    /// with their indices in [`Search::matches`], for highlighting.
    ///
    /// Matches are in reading order and do not overlap, so both their starts and their ends
    /// ascend: the first one is found by binary search, and only those on the line are
    /// visited, however many the block holds.
    pub fn in_range(
        &self,
        block: usize,
        bytes: Range<usize>,
    ) -> impl Iterator<Item = (usize, &BlockMatch)> {
        let first = self.matches.partition_point(|m| {
            m.block() < block || (m.block() == block && m.bytes().end <= bytes.start)
        });
        self.matches
            .iter()
            .enumerate()
            .skip(first)
            .take_while(move |(_, m)| m.block() == block && m.bytes().start < bytes.end)
    }

    fn byte_caret(&self) -> usize {
        char_to_byte(&self.query, self.caret)
    }

    /// Earlier queries, oldest first (what ↑ recalls, newest first).
    #[must_use]
    pub fn history(&self) -> &[String] {
        &self.history
    }

    /// Takes `queries` (oldest first, as a state file keeps them) as the history: each made one
    /// inert line, empty and overlong ones dropped, repeats kept once (the newest), at most
    /// [`HISTORY_LIMIT`].
    pub(super) fn set_history(&mut self, queries: &[String]) {
        self.history.clear();
        for query in queries {
            let query = sanitize_line(query);
            if !query.is_empty() && query.chars().count() <= HISTORY_QUERY_CHARS {
                self.remember(query.into_owned());
            }
        }
        self.recalled = None;
    }

    /// Adds `query` to the history as its newest entry.
    fn remember(&mut self, query: String) {
        self.history.retain(|q| *q != query);
        self.history.push(query);
        let excess = self.history.len().saturating_sub(HISTORY_LIMIT);
        self.history.drain(..excess);
    }

    /// Puts history entry `index` (or, for `None`, the draft) in the prompt, caret at its end.
    fn recall(&mut self, index: Option<usize>) {
        self.query = match index {
            Some(i) => self.history[i].clone(),
            None => std::mem::take(&mut self.draft),
        };
        self.recalled = index;
        self.caret = self.query.chars().count();
    }
}

/// What an action of the prompt did to its query.
enum Edit {
    /// The query or caret changed: run the search again.
    Rerun,
    /// Nothing to do.
    Nothing,
    /// Backspace on an empty prompt closes it, as in less and vim.
    Close,
}

impl Search {
    /// Applies an action that edits the query, moves the caret or recalls the history.
    fn edit(&mut self, action: Action) -> Edit {
        match action {
            Action::SearchInsert(text) => {
                // Pasted or committed text may hold line breaks or controls: one inert line.
                let text = sanitize_line(&text);
                let at = self.byte_caret();
                self.query.insert_str(at, &text);
                self.caret += text.chars().count();
            }
            Action::SearchBackspace => {
                if self.caret > 0 {
                    self.caret -= 1;
                    let at = self.byte_caret();
                    self.query.remove(at);
                } else if self.query.is_empty() {
                    // Backspace on an empty prompt closes it, as in less and vim.
                    return Edit::Close;
                }
            }
            Action::SearchDelete => {
                if self.caret < self.query.chars().count() {
                    let at = self.byte_caret();
                    self.query.remove(at);
                }
            }
            Action::SearchDeleteWord => {
                let chars: Vec<char> = self.query.chars().collect();
                let mut start = self.caret;
                while start > 0 && chars[start - 1] == ' ' {
                    start -= 1;
                }
                while start > 0 && chars[start - 1] != ' ' {
                    start -= 1;
                }
                let rest: String = chars[..start].iter().chain(&chars[self.caret..]).collect();
                self.query = rest;
                self.caret = start;
            }
            Action::SearchDeleteToStart => {
                let at = self.byte_caret();
                self.query.replace_range(..at, "");
                self.caret = 0;
            }
            Action::SearchDeleteToEnd => {
                let at = self.byte_caret();
                self.query.truncate(at);
            }
            Action::SearchHistoryPrev => {
                let older = match self.recalled {
                    None if self.history.is_empty() => return Edit::Nothing,
                    None => {
                        self.draft = self.query.clone();
                        self.history.len() - 1
                    }
                    Some(0) => return Edit::Nothing,
                    Some(i) => i - 1,
                };
                self.recall(Some(older));
            }
            Action::SearchHistoryNext => match self.recalled {
                None => return Edit::Nothing,
                Some(i) if i + 1 < self.history.len() => self.recall(Some(i + 1)),
                Some(_) => self.recall(None),
            },
            Action::SearchLeft => self.caret = self.caret.saturating_sub(1),
            Action::SearchRight => {
                self.caret = (self.caret + 1).min(self.query.chars().count());
            }
            Action::SearchHome => self.caret = 0,
            Action::SearchEnd => self.caret = self.query.chars().count(),
            _ => return Edit::Nothing,
        }
        Edit::Rerun
    }
}

impl App {
    pub(super) fn open_search(&mut self) {
        let origin = self.spot();
        let search = &mut self.search;
        search.previous = (!search.query.is_empty()).then(|| Previous {
            query: search.query.clone(),
            current: search.current,
            filter: search.filter,
        });
        search.clear();
        search.editing = true;
        search.origin = origin;
        search.recalled = None;
        search.draft.clear();
    }

    pub(super) fn update_prompt(&mut self, action: Action) {
        // An edit makes the query the reader's own again: ↑ starts over from the newest entry.
        if !matches!(
            action,
            Action::SearchHistoryPrev
                | Action::SearchHistoryNext
                | Action::SearchLeft
                | Action::SearchRight
                | Action::SearchHome
                | Action::SearchEnd
        ) {
            self.search.recalled = None;
        }
        match action {
            Action::SearchSubmit => self.submit_search(),
            Action::SearchCancel | Action::Escape => self.cancel_search(),
            action => match self.search.edit(action) {
                Edit::Rerun => self.rerun_search(),
                Edit::Close => self.cancel_search(),
                Edit::Nothing => {}
            },
        }
    }

    /// Enter: the prompt closes on the query's matches, and the query joins the history.
    fn submit_search(&mut self) {
        let search = &mut self.search;
        search.editing = false;
        if !search.query.is_empty() {
            search.remember(search.query.clone());
        }
        // A search is a jump: `''` goes back to where the prompt opened.
        let from = search.origin;
        if from != self.spot() {
            self.jumped_from = Some(from);
        }
        let search = &self.search;
        if search.matches.is_empty() && !search.query.is_empty() {
            self.note = Some(Note(self.lang.strings().no_match.to_string()));
        }
    }

    /// Closes the prompt: the reader goes back to where it was, and the search the prompt
    /// replaced comes back with its matches and its current one, so that `n` goes on from it.
    fn cancel_search(&mut self) {
        let origin = self.search.origin;
        self.search.clear();
        if let Some(previous) = self.search.previous.take() {
            self.search.query = previous.query;
            self.search.caret = self.search.query.chars().count();
            self.search.run(&self.tree);
            let count = self.search.matches.len();
            self.search.current = previous.current.filter(|&i| i < count);
            self.search.filter = previous.filter && count > 0;
        }
        self.set_selected(origin.node);
        let line = self.line_at(origin.block, origin.byte);
        self.scroll_reading_raw(line);
        self.keep_selection_visible();
    }

    /// Runs the query again and moves to the first match at or after where the reader was
    /// when the prompt opened.
    fn rerun_search(&mut self) {
        self.search.run(&self.tree);
        let origin = self.search.origin;
        if self.search.matches.is_empty() {
            self.search.current = None;
            self.set_selected(origin.node);
            let line = self.line_at(origin.block, origin.byte);
            self.scroll_reading_raw(line);
            self.keep_selection_visible();
            return;
        }
        let origin_block = origin.block;
        let index = self
            .search
            .matches
            .partition_point(|m| m.block() < origin_block);
        let index = if index < self.search.matches.len() {
            index
        } else {
            0
        };
        self.go_to_match(index);
    }

    fn go_to_match(&mut self, index: usize) {
        self.search.current = Some(index);
        let m = self.search.matches[index];
        let node = self.tree.blocks[m.block()].node;
        // Open what hides the match, select it, and put its line in view.
        self.reveal(node);
        self.set_selected(node);
        self.keep_selection_visible();
        let line = self.reading.line_of(&self.tree, m.block(), m.bytes().start);
        self.show_reading_line(line);
    }

    pub(super) fn step_match(&mut self, delta: isize) {
        let count = self.search.matches.len();
        if count == 0 {
            let strings = self.lang.strings();
            let note = if self.search.query.is_empty() {
                strings.no_search
            } else {
                strings.no_match
            };
            self.note = Some(Note(note.to_string()));
            return;
        }
        let current = self.search.current.unwrap_or(0);
        let next = current.cast_signed() + delta;
        let strings = self.lang.strings();
        let index = if next >= count.cast_signed() {
            self.note = Some(Note(strings.wrapped_to_top.to_string()));
            0
        } else if next < 0 {
            self.note = Some(Note(strings.wrapped_to_bottom.to_string()));
            count - 1
        } else {
            next.cast_unsigned()
        };
        self.go_to_match(index);
    }

    pub(super) fn toggle_filter(&mut self) {
        if self.search.query.is_empty() {
            self.note = Some(Note(self.lang.strings().no_search.to_string()));
            return;
        }
        if self.search.matches.is_empty() {
            self.note = Some(Note(self.lang.strings().no_match.to_string()));
            return;
        }
        self.search.filter = !self.search.filter;
        let visible = self.visible_nodes();
        if !visible.contains(&self.selected)
            && let Some(&first) = visible.first()
        {
            self.set_selected(first);
        }
        self.outline_offset = 0;
        self.keep_selection_visible();
    }
}
