//! The reader's search: the prompt's text and caret, the matches, the current one, and the
//! outline filter. Matching itself is [`crate::search`]'s; this module only keeps state.

use std::ops::Range;
use std::sync::Arc;

use super::history::History;
use super::line_edit::{Edited, edit_line};
use super::place::Spot;
use super::{App, Focus, Note, ReadingPos};
use crate::action::Action;
use crate::letter::tree::{LetterTree, NodeId};
use crate::search::letter::ReaderIndex;
use crate::search::{Searcher, Sparse};
use crate::strings::Lang;

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

/// Every match of the query in the letter, in reading order.
///
/// Listed, or, for a query of one character, which can match a million places, kept as where
/// they start and placed in the blocks when asked (a few binary searches each): a first
/// letter costs no more than the screen it fills.
#[derive(Debug, Clone, Default)]
pub struct Matches {
    kind: Kind,
}

#[derive(Debug, Clone)]
enum Kind {
    Listed(Vec<BlockMatch>),
    Sparse {
        hits: Sparse,
        /// Per document of the index, its block, ascending.
        block_of_doc: Arc<[usize]>,
    },
}

impl Default for Kind {
    fn default() -> Self {
        Kind::Listed(Vec::new())
    }
}

impl PartialEq for Matches {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && self.iter().eq(other.iter())
    }
}

impl Eq for Matches {}

impl Matches {
    /// How many matches.
    #[must_use]
    pub fn len(&self) -> usize {
        match &self.kind {
            Kind::Listed(list) => list.len(),
            Kind::Sparse { hits, .. } => hits.len(),
        }
    }

    /// Whether there is none.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Match `i`, in reading order.
    #[must_use]
    pub fn get(&self, i: usize) -> Option<BlockMatch> {
        match &self.kind {
            Kind::Listed(list) => list.get(i).copied(),
            Kind::Sparse { hits, block_of_doc } => {
                let (doc, bytes) = hits.get(i)?;
                Some(BlockMatch::new(*block_of_doc.get(doc)?, bytes))
            }
        }
    }

    /// Every match, in reading order (each placed as it comes: for tests and small counts).
    pub fn iter(&self) -> impl Iterator<Item = BlockMatch> + '_ {
        (0..self.len()).filter_map(|i| self.get(i))
    }

    /// The index of the first match in block `block` or after it.
    #[must_use]
    pub fn first_from_block(&self, block: usize) -> usize {
        match &self.kind {
            Kind::Listed(list) => list.partition_point(|m| m.block() < block),
            Kind::Sparse { hits, block_of_doc } => {
                hits.before_doc(block_of_doc.partition_point(|&b| b < block))
            }
        }
    }

    /// The indices of the matches in block `block` that overlap its byte range `bytes`.
    fn overlapping(&self, block: usize, bytes: &Range<usize>) -> Range<usize> {
        let (first, end) = (
            self.first_from_block(block),
            self.first_from_block(block + 1),
        );
        // In a block, matches do not overlap: their starts and ends both ascend.
        let (mut low, mut high) = (first, end);
        while low < high {
            let mid = low + (high - low) / 2;
            if self.get(mid).is_some_and(|m| m.bytes().end <= bytes.start) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        let from = low;
        let mut high = end;
        while low < high {
            let mid = low + (high - low) / 2;
            if self.get(mid).is_some_and(|m| m.bytes().start < bytes.end) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        from..low
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
    pub matches: Matches,
    /// Index into `matches` of the current match.
    pub current: Option<usize>,
    /// Show only matching nodes (and their ancestors) in the outline.
    pub filter: bool,
    /// The query matched nothing in the letter's words, and dafu's own notes hold it: said
    /// as the query is typed, not only once Enter finds nothing.
    pub only_in_notes: bool,
    /// Where the reader was when the prompt opened (the selected node and the words at the
    /// top of the text, which a resize while typing keeps), so that Esc can go back.
    origin: Spot,
    /// The finished search the prompt replaced, given back by Esc (as less keeps its last
    /// search when a new one is abandoned).
    previous: Option<Previous>,
    /// Earlier queries, for ↑ and ↓; kept between runs by the runner.
    history: History,
    /// The index, or whether it is coming.
    index: IndexState,
    /// The language of the outline's labels, which the index reads.
    lang: Lang,
    /// What to do with the query when the index it waits for is ready, besides running it.
    deferred: Option<Deferred>,
    /// Per node, byte ranges of matches in its outline label.
    pub row_matches: Vec<Vec<Range<usize>>>,
    /// The nodes whose `row_matches` are not empty, to clear them quickly.
    rows_matched: Vec<NodeId>,
    /// Per node, while the filter is on: does it, or a descendant, hold a match?
    shown: Vec<bool>,
}

/// Where the search index stands.
enum IndexState {
    /// Not built, and nothing is building it: the first search builds it (a reader without a
    /// runner: tests, benchmarks).
    Unbuilt,
    /// The runner is building it and will hand it over ([`crate::action::Message::IndexReady`]); searches wait.
    Coming,
    /// Built.
    Ready(Box<Indexes>),
}

/// The index, searched incrementally.
struct Indexes {
    /// The blocks' texts.
    text: Searcher,
    /// Per document of `text`, its block.
    block_of_doc: Arc<[usize]>,
    /// The outline rows' labels, searched with the same engine so that the outline can
    /// highlight exactly what matched in a row.
    rows: Searcher,
    /// dafu's own notes, which a search does not read: a query that matches nothing else is
    /// looked for there, to say so ([`Search::only_in_notes`]).
    notes: Searcher,
}

impl Indexes {
    fn new(index: ReaderIndex) -> Self {
        Self {
            text: Searcher::new(index.text),
            block_of_doc: index.block_of_doc.into(),
            rows: Searcher::new(index.rows),
            notes: Searcher::new(index.notes),
        }
    }
}

/// The index of the reader in `state`: built now if nothing else builds it; `None` while the
/// runner is building it.
fn ready<'a>(state: &'a mut IndexState, tree: &LetterTree, lang: Lang) -> Option<&'a mut Indexes> {
    if matches!(state, IndexState::Unbuilt) {
        *state = IndexState::Ready(Box::new(Indexes::new(ReaderIndex::build(tree, lang))));
    }
    match state {
        IndexState::Ready(indexes) => Some(indexes),
        IndexState::Unbuilt | IndexState::Coming => None,
    }
}

/// What a query that waited for the index does once it has run, when the prompt is no longer
/// open: what it would have done at once had the index been ready.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Deferred {
    /// Enter was pressed: go to the first match from where the prompt opened, as typing
    /// would have, and finish the search as Enter does.
    Submitted,
    /// Esc brought back an earlier search: its current match and filter come back.
    Restored {
        current: Option<usize>,
        filter: bool,
    },
}

/// A finished search, as it stood when the prompt opened again.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Previous {
    query: String,
    /// What it was still to do when the index came, if it was waiting for the index.
    deferred: Option<Deferred>,
    current: Option<usize>,
    filter: bool,
}

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
    /// An empty search over `tree`'s text and its outline labels in `lang`. The index is
    /// built when a search first needs it, unless the runner says it is building it
    /// ([`crate::action::Message::IndexComing`]).
    #[must_use]
    pub fn new(tree: &LetterTree, lang: Lang) -> Self {
        let nodes = tree.nodes.len();
        Self {
            index: IndexState::Unbuilt,
            lang,
            deferred: None,
            row_matches: vec![Vec::new(); nodes],
            rows_matched: Vec::new(),
            shown: vec![false; nodes],
            query: String::new(),
            caret: 0,
            editing: false,
            matches: Matches::default(),
            current: None,
            filter: false,
            only_in_notes: false,
            origin: Spot {
                node: 0,
                block: 0,
                byte: 0,
            },
            previous: None,
            history: History::default(),
        }
    }

    /// Whether the query waits for the index, which the runner is still building: the
    /// prompt and the status row say so instead of giving a count.
    #[must_use]
    pub fn waiting(&self) -> bool {
        !self.query.is_empty() && matches!(self.index, IndexState::Coming)
    }

    /// Forgets the query and its matches.
    pub fn clear(&mut self) {
        self.query.clear();
        self.caret = 0;
        self.editing = false;
        self.matches = Matches::default();
        self.current = None;
        self.filter = false;
        self.only_in_notes = false;
        self.clear_nodes();
        self.deferred = None;
        if let IndexState::Ready(indexes) = &mut self.index {
            indexes.text.reset();
            indexes.rows.reset();
            indexes.notes.reset();
        }
    }

    /// Forgets which nodes and rows hold matches.
    fn clear_nodes(&mut self) {
        for id in self.rows_matched.drain(..) {
            if let Some(row) = self.row_matches.get_mut(id) {
                row.clear();
            }
        }
        self.shown.fill(false);
    }

    /// Runs the query: its matches in the text and in the outline's rows. While the index is
    /// coming, the query has no matches yet (see [`Search::waiting`]).
    fn run(&mut self, tree: &LetterTree) {
        // Reuse the allocation: a query can match hundreds of thousands of places.
        let mut matches = match std::mem::take(&mut self.matches.kind) {
            Kind::Listed(list) => list,
            Kind::Sparse { .. } => Vec::new(),
        };
        matches.clear();
        self.clear_nodes();
        self.only_in_notes = false;
        let Some(indexes) = ready(&mut self.index, tree, self.lang) else {
            self.matches.kind = Kind::Listed(matches);
            return;
        };
        let block_of_doc = &indexes.block_of_doc;
        // Which nodes hold a match is found when asked (see `own_match`, `mark_shown`): a
        // first letter can match in every block.
        if let Some(hits) = indexes.text.sparse(&self.query) {
            self.matches.kind = Kind::Sparse {
                hits,
                block_of_doc: Arc::clone(block_of_doc),
            };
        } else {
            indexes.text.search_bytes(&self.query, |doc, bytes| {
                matches.push(BlockMatch::new(block_of_doc[doc], bytes));
            });
            self.matches.kind = Kind::Listed(matches);
        }
        if self.matches.is_empty() && !self.query.trim().is_empty() {
            let mut found = false;
            indexes.notes.search_bytes(&self.query, |_, _| found = true);
            self.only_in_notes = found;
        }
        let (row_matches, rows_matched) = (&mut self.row_matches, &mut self.rows_matched);
        indexes.rows.search(&self.query, |hit| {
            if let Some(row) = row_matches.get_mut(hit.doc) {
                if row.is_empty() {
                    rows_matched.push(hit.doc);
                }
                row.push(hit.bytes);
            }
        });
    }

    /// Per node, while the filter is on: does it, or a descendant, hold a match? (Found when
    /// the filter comes on, for all the nodes at once: the filtered outline lists them.)
    #[must_use]
    pub fn shown_nodes(&self) -> &[bool] {
        &self.shown
    }

    /// Does one of node `id`'s own blocks hold a match? Two binary searches: the outline asks
    /// for the rows it draws.
    #[must_use]
    pub fn own_match(&self, tree: &LetterTree, id: NodeId) -> bool {
        tree.nodes
            .get(id)
            .is_some_and(|node| self.holds_match(&node.blocks))
    }

    /// Whether one of `blocks` holds a match.
    fn holds_match(&self, blocks: &Range<usize>) -> bool {
        !blocks.is_empty()
            && self.matches.first_from_block(blocks.start)
                < self.matches.first_from_block(blocks.end)
    }

    /// Finds [`Search::shown_nodes`], for the filter.
    fn mark_shown(&mut self, tree: &LetterTree) {
        let shown: Vec<bool> = tree
            .nodes
            .iter()
            .map(|node| self.holds_match(&node.subtree_blocks))
            .collect();
        self.shown = shown;
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
    ) -> impl Iterator<Item = (usize, BlockMatch)> {
        self.matches
            .overlapping(block, &bytes)
            .filter_map(|i| Some((i, self.matches.get(i)?)))
    }

    /// Earlier queries, oldest first (what ↑ recalls, newest first).
    #[must_use]
    pub fn history(&self) -> &[String] {
        self.history.entries()
    }

    /// Takes `queries` (oldest first, as the store keeps them) as the earlier history
    /// ([`History::set`]).
    pub(super) fn set_history(&mut self, queries: &[String]) {
        self.history.set(queries);
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
        match edit_line(&mut self.query, &mut self.caret, &action) {
            Edited::Changed => return Edit::Rerun,
            Edited::Close => return Edit::Close,
            Edited::Not => {}
        }
        match self.history.browse(&action, &self.query) {
            Some(query) => {
                self.caret = query.chars().count();
                self.query = query;
            }
            None => return Edit::Nothing,
        }
        Edit::Rerun
    }
}

impl Search {
    /// Brings back an earlier search's current match and filter, over its matches run again.
    fn restore_current(&mut self, tree: &LetterTree, current: Option<usize>, filter: bool) {
        let count = self.matches.len();
        self.current = current.filter(|&i| i < count);
        self.filter = filter && count > 0;
        if self.filter {
            self.mark_shown(tree);
        }
    }
}

impl App {
    /// The runner builds the index and will hand it over: searches wait for it.
    pub(super) fn index_coming(&mut self) {
        if matches!(self.search.index, IndexState::Unbuilt) {
            self.search.index = IndexState::Coming;
        }
    }

    /// The index the runner built: the query that waited for it runs, and does what it would
    /// have done had the index been there all along.
    pub(super) fn index_ready(&mut self, index: ReaderIndex) {
        if matches!(self.search.index, IndexState::Ready(_)) {
            // Built already (a search could not wait): the two are the same.
            return;
        }
        self.search.index = IndexState::Ready(Box::new(Indexes::new(index)));
        // A note that the index was being prepared (`n` pressed meanwhile) is out of date.
        let preparing = self.lang.strings().index_preparing;
        if self
            .note
            .as_ref()
            .is_some_and(|note| note.text == preparing)
        {
            self.note = None;
        }
        let deferred = self.search.deferred.take();
        if self.search.query.is_empty() {
            return;
        }
        if self.search.editing {
            self.rerun_search();
            return;
        }
        match deferred {
            Some(Deferred::Submitted) => {
                self.rerun_search();
                self.finish_submit();
            }
            Some(Deferred::Restored { current, filter }) => {
                self.search.run(&self.tree);
                self.search.restore_current(&self.tree, current, filter);
            }
            None => self.search.run(&self.tree),
        }
    }

    pub(super) fn open_search(&mut self) {
        let origin = self.spot();
        let search = &mut self.search;
        search.previous = (!search.query.is_empty()).then(|| Previous {
            query: search.query.clone(),
            deferred: search.deferred,
            current: search.current,
            filter: search.filter,
        });
        search.clear();
        search.editing = true;
        search.origin = origin;
        search.history.start_over();
    }

    pub(super) fn update_prompt(&mut self, action: Action) {
        self.search.history.typed(&action);
        let mut cancelled = false;
        match action {
            Action::SearchSubmit => self.submit_search(),
            Action::SearchCancel | Action::Escape => cancelled = true,
            // F1: the help over the prompt, which is there again, as it was, when it closes.
            Action::OpenHelp => {
                self.overlay = Some(super::Overlay::Help);
                self.help_offset = 0;
            }
            action => match self.search.edit(action) {
                Edit::Rerun => self.rerun_search(),
                Edit::Close => cancelled = true,
                Edit::Nothing => {}
            },
        }
        if cancelled {
            self.cancel_search();
        }
        if !self.search.editing {
            self.leave_prompt(cancelled);
        }
    }

    /// The prompt has closed: a search abandoned goes back to the overlay it was opened in,
    /// as it was (the figures view at its selection, the help at its page); a search made
    /// shows the text at its match, and `f` or `?` opens the overlay again.
    fn leave_prompt(&mut self, cancelled: bool) {
        match self.prompt_over.take().filter(|_| cancelled) {
            Some(super::Overlay::Figures) => self.open_figures(),
            over => self.overlay = over,
        }
    }

    /// Enter: the prompt closes on the query's matches, and the query joins the history.
    fn submit_search(&mut self) {
        // Spaces alone are no query (search drops them): as an empty Enter.
        if self.search.query.trim().is_empty() {
            self.search.query.clear();
            self.search.caret = 0;
            return self.repeat_last_search();
        }
        let search = &mut self.search;
        search.editing = false;
        if !search.query.is_empty() {
            search.history.remember(search.query.clone());
        }
        if search.waiting() {
            // The rest happens when the matches are known.
            search.deferred = Some(Deferred::Submitted);
            return;
        }
        self.finish_submit();
    }

    /// Enter on an empty prompt: as in less, the last search again. The search the prompt
    /// replaced comes back and goes on to its next match; without one, the newest query of
    /// the history runs from here; without any, the status row says there is none.
    fn repeat_last_search(&mut self) {
        if self.search.previous.is_some() {
            self.cancel_search();
            self.step_match(1);
            return;
        }
        match self.search.history.newest().map(str::to_string) {
            Some(query) => {
                self.search.caret = query.chars().count();
                self.search.query = query;
                self.rerun_search();
                self.submit_search();
            }
            None => {
                self.search.editing = false;
                self.note = Some(Note::new(self.lang.strings().no_search));
            }
        }
    }

    /// What Enter does once the query's matches are known: the jump is remembered, and a
    /// query that found nothing says so.
    fn finish_submit(&mut self) {
        // A search is a jump: `''` goes back to where the prompt opened.
        let from = self.search.origin;
        if from != self.spot() {
            self.jumped_from = Some(from);
        }
        self.show_current_match();
        let search = &self.search;
        if search.matches.is_empty() && !search.query.is_empty() {
            self.note = Some(Note::new(self.no_match_note()));
        }
    }

    /// What the status row says of a query that matched nothing: that dafu's own notes hold
    /// it, when they do.
    fn no_match_note(&self) -> &'static str {
        let strings = self.lang.strings();
        if self.search.only_in_notes {
            strings.only_in_notes
        } else {
            strings.no_match
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
            if self.search.waiting() {
                // Still waiting as it was (Enter pressed, nothing found yet), or waiting now.
                self.search.deferred = Some(previous.deferred.unwrap_or(Deferred::Restored {
                    current: previous.current,
                    filter: previous.filter,
                }));
            } else {
                self.search
                    .restore_current(&self.tree, previous.current, previous.filter);
            }
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
        let index = self.search.matches.first_from_block(origin.block);
        let index = if index < self.search.matches.len() {
            index
        } else {
            0
        };
        self.go_to_match(index);
    }

    fn go_to_match(&mut self, index: usize) {
        self.search.current = Some(index);
        let Some(m) = self.search.matches.get(index) else {
            return;
        };
        let node = self.tree.blocks[m.block()].node;
        // Open what hides the match, select it, and put its line in view.
        self.reveal(node);
        self.set_selected(node);
        self.keep_selection_visible();
        let line = self.reading.line_of(&self.tree, m.block(), m.bytes().start);
        self.show_reading_line(line);
    }

    /// Where the current match starts (its block and byte), if there is one and its line is
    /// in the reading pane.
    pub(super) fn current_match_in_view(&mut self) -> Option<(usize, usize)> {
        let m = self
            .search
            .current
            .and_then(|i| self.search.matches.get(i))?;
        let (block, byte) = (m.block(), m.bytes().start);
        let line = self.reading.line_of(&self.tree, block, byte);
        self.in_view(line).then_some((block, byte))
    }

    /// Whether the reader is at the current match: in the outline, on its node; in the text,
    /// with its line in view.
    fn at_current_match(&mut self) -> bool {
        match self.focus {
            Focus::Outline => {
                let current = self.search.current.and_then(|i| self.search.matches.get(i));
                current.is_some_and(|m| self.tree.blocks[m.block()].node == self.selected)
            }
            Focus::Reading => self.current_match_in_view().is_some(),
        }
    }

    /// Where the reader is, for a search to go on from: in the outline, the selected node's
    /// first line; in the text, the top of the reading pane.
    fn where_reading(&mut self) -> ReadingPos {
        match self.focus {
            Focus::Outline => {
                let block = self.tree.nodes[self.selected].blocks.start;
                self.reading.first_line_of(&self.tree, block)
            }
            Focus::Reading => self.reading_top,
        }
    }

    /// The index of the first match at or after the reading line `top` (the count when none
    /// is): a binary search, each step placing one match, so that a search of many
    /// thousands of matches places a few dozen.
    fn first_match_from(&mut self, top: ReadingPos) -> usize {
        let (mut low, mut high) = (0, self.search.matches.len());
        while low < high {
            let mid = low + (high - low) / 2;
            let before = self.search.matches.get(mid).is_some_and(|m| {
                self.reading.line_of(&self.tree, m.block(), m.bytes().start) < top
            });
            if before {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        low
    }

    /// With one pane on the screen and the outline in it, the text comes in its place once a
    /// search has gone to a match (Enter, `n`, `N`): the match is in the text, not in the
    /// outline's one line per node. While the query is typed the outline stays, following it.
    fn show_current_match(&mut self) {
        if self.search.current.is_some() {
            self.bring_text_forward();
        }
    }

    pub(super) fn step_match(&mut self, delta: isize) {
        if self.search.waiting() {
            self.note = Some(Note::new(self.lang.strings().index_preparing));
            return;
        }
        let count = self.search.matches.len();
        if count == 0 {
            let note = if self.search.query.is_empty() {
                self.lang.strings().no_search
            } else {
                self.no_match_note()
            };
            self.note = Some(Note::new(note));
            return;
        }
        // As less does: `n` goes on from the current match while the reader is at it; once
        // the reader has moved away from it (`g`, a page, another node), from where the
        // reader is: the first match at or after that place is `n`'s first step, the last
        // before it `N`'s.
        let current = self.search.current;
        let start = match current {
            Some(current) if self.at_current_match() => current.cast_signed(),
            _ => {
                let here = self.where_reading();
                let first = self.first_match_from(here).cast_signed();
                if delta > 0 { first - 1 } else { first }
            }
        };
        let next = start + delta;
        let strings = self.lang.strings();
        let index = if next >= count.cast_signed() {
            self.note = Some(Note::new(strings.wrapped_to_top));
            0
        } else if next < 0 {
            self.note = Some(Note::new(strings.wrapped_to_bottom));
            count - 1
        } else {
            next.cast_unsigned()
        };
        self.go_to_match(index);
        self.show_current_match();
    }

    pub(super) fn toggle_filter(&mut self) {
        if self.search.waiting() {
            self.note = Some(Note::new(self.lang.strings().index_preparing));
            return;
        }
        if self.search.query.is_empty() {
            self.note = Some(Note::new(self.lang.strings().no_search));
            return;
        }
        if self.search.matches.is_empty() {
            self.note = Some(Note::new(self.lang.strings().no_match));
            return;
        }
        self.search.filter = !self.search.filter;
        if self.search.filter {
            self.search.mark_shown(&self.tree);
        }
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
