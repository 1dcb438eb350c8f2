//! The reader's state, and the one place it changes: [`App::update`].
//!
//! No drawing and no I/O happen here. What the reader must do outside itself (write an
//! OSC 52 copy to the terminal) is queued in [`App::effects`] for the runner to carry out.

/// The getters the reader ([`App`]) and the shelf ([`shelf::ShelfApp`]) share, of the fields
/// both have: the interface's language, how ambiguous characters are measured, the terminal's
/// size. Written once here, before the modules that use it.
macro_rules! screen_getters {
    () => {
        /// Interface language.
        #[must_use]
        pub fn lang(&self) -> Lang {
            self.lang
        }

        /// How ambiguous-width characters are measured.
        #[must_use]
        pub fn ambiguous(&self) -> AmbiguousWidth {
            self.ambiguous
        }

        /// Terminal size in cells.
        #[must_use]
        pub fn size(&self) -> (u16, u16) {
            self.size
        }
    };
}

pub mod figures_view;
pub mod history;
pub mod line_edit;
mod overlays;
pub mod place;
pub mod reading;
pub mod search;
pub mod shelf;

use std::borrow::Cow;
use std::sync::Arc;

use crate::action::{Action, Input, Message};
use crate::layout::{self, Areas, inner};
use crate::letter::tree::{LetterTree, NodeId};
use crate::strings::Lang;
use crate::text::truncate::truncate_start;
use crate::text::width::AmbiguousWidth;
use figures_view::FiguresView;
use place::{MarkKey, Spot};
use reading::{ReadingLayout, ReadingPos};
use search::Search;

pub use crate::layout::Focus;

/// The most bytes of text one copy sends. OSC 52 carries it base64-encoded (a third more),
/// and terminals cut or drop longer sequences (xterm's and hterm's limits are near 100 KB);
/// a 2 MB paragraph would otherwise send 3 MB to the terminal.
pub const COPY_LIMIT: usize = 64 * 1024;

/// The largest count a move takes (`9999j`).
const MAX_COUNT: usize = 9999;

/// A window drawn over the panes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    /// The list of keys.
    Help,
    /// The table of figures.
    Figures,
}

/// Something the runner must do outside the app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Put this text on the clipboard (OSC 52).
    Copy(String),
    /// Give the terminal back and stop the process until it is continued (Ctrl-Z).
    Suspend,
    /// Paint the whole screen again (Ctrl-L).
    Repaint,
}

/// A transient message in the status row, cleared by the next action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    /// What it says.
    pub text: String,
    /// Whether a row too narrow for it keeps its end rather than its start: `=`'s note ends
    /// with what it was asked for (the characters in view, the per cent) after a path that
    /// may be long.
    pub keeps_end: bool,
    /// Whether it says where the reader is (`=`): said again when a resize changes what is
    /// in view.
    pub says_where: bool,
    /// How many bytes at the end of a note cut at its start the row makes room for, its
    /// position and search count giving way, so that they are seen whole: `=`'s characters
    /// in view and per cent, after the file. None for other notes (0).
    pub end_kept_whole: usize,
}

impl Note {
    /// A note that a narrow row cuts at its end.
    #[must_use]
    pub fn new(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            keeps_end: false,
            says_where: false,
            end_kept_whole: 0,
        }
    }

    /// A note that a narrow row cuts at its start.
    #[must_use]
    pub fn keeping_end(text: impl Into<String>) -> Self {
        Self {
            keeps_end: true,
            ..Self::new(text)
        }
    }

    /// Where the reader is (`=`): cut at its start, and said again after a resize; `tail`,
    /// the end of `text` that says how far into the letter, is kept whole when it can be.
    #[must_use]
    pub fn saying_where(text: impl Into<String>, tail: &str) -> Self {
        let text = text.into();
        Self {
            says_where: true,
            end_kept_whole: if text.ends_with(tail) { tail.len() } else { 0 },
            ..Self::keeping_end(text)
        }
    }

    /// What the row makes room for, to be seen whole: the whole note, or the end of one cut
    /// at its start that must be ([`Note::end_kept_whole`]); empty when nothing must.
    #[must_use]
    pub fn kept_whole(&self) -> &str {
        if !self.keeps_end {
            return &self.text;
        }
        let from = self.text.len().saturating_sub(self.end_kept_whole);
        self.text.get(from..).unwrap_or_default()
    }

    /// The note as a row with `room` columns for it shows it: whole when it fits; cut at
    /// its start, marked, when its end matters more; else whole, for the row to cut at its
    /// end.
    #[must_use]
    pub fn fitted(&self, room: usize, mode: AmbiguousWidth) -> Cow<'_, str> {
        if self.keeps_end {
            truncate_start(&self.text, room, mode)
        } else {
            Cow::Borrowed(&self.text)
        }
    }
}

/// A digit typed of a count before a move (`12j`), in the reader and on the shelf: `count`
/// with `digit` after it, capped (a count is for a few lines, letters or pages, and must not
/// overflow); the note that shows it.
pub(crate) fn count_typed(count: &mut Option<usize>, digit: u8, lang: Lang) -> Note {
    let typed = (count.unwrap_or(0) * 10 + usize::from(digit)).min(MAX_COUNT);
    *count = Some(typed);
    Note::new(format!("{}{typed}", lang.strings().count_label))
}

/// Rows inside a pane's border; 0 for a pane not on the screen.
fn rows_inside(pane: Option<ratatui::layout::Rect>) -> usize {
    pane.map_or(0, |r| usize::from(inner(r).height))
}

/// The whole state of the reader.
#[derive(Debug)]
pub struct App {
    /// The letter; shared with the runner's worker that builds the search index.
    tree: Arc<LetterTree>,
    /// Interface language.
    lang: Lang,
    /// How ambiguous-width characters are measured.
    ambiguous: AmbiguousWidth,
    /// Terminal size in cells.
    size: (u16, u16),
    /// Which pane takes navigation keys.
    focus: Focus,
    /// The open overlay, if any.
    overlay: Option<Overlay>,
    /// Per node: are its children shown in the outline?
    expanded: Vec<bool>,
    /// The selected node.
    selected: NodeId,
    /// The node the reader is at: the selection, or, when the text was scrolled, the deepest
    /// node whose text is at the top of the reading pane (the last node when the end is in
    /// view), even inside a collapsed section. The status row names it.
    place: NodeId,
    /// The first visible row of the outline.
    outline_offset: usize,
    /// The first visible line of the reading pane.
    reading_top: ReadingPos,
    /// The reading pane's lines at the current width, wrapped as they are needed: after every
    /// action, at least the lines in view.
    reading: ReadingLayout,
    /// The words a resize keeps at the top of the reading pane: a block and a byte in it, the
    /// start of the top line when the text was last scrolled. Kept across resizes while the
    /// top line still holds it, so that going narrower and back does not drift up a line
    /// each time.
    resize_anchor: (usize, usize),
    /// Search state.
    search: Search,
    /// Figures view state: prepared when the view first opens, since the first frame does not
    /// show it (the money totals walk every figure), then kept, selection and sort with it.
    figures: Option<FiguresView>,
    /// First visible row of the help overlay.
    help_offset: usize,
    /// A message for the status row.
    note: Option<Note>,
    /// A block and byte range to set apart until the next action (a figure jumped to).
    spotlight: Option<(usize, std::ops::Range<usize>)>,
    /// Work for the runner.
    effects: Vec<Effect>,
    /// Set when the reader should end.
    should_quit: bool,
    /// Set when the reader should end with everything around it (Ctrl-C).
    interrupted: bool,
    /// The letter was opened from a shelf, which Esc goes back to.
    on_shelf: bool,
    /// A count typed before a move (`3` of `3j`), as in less and vim.
    count: Option<usize>,
    /// Marks set with `m` + letter.
    marks: std::collections::BTreeMap<char, Spot>,
    /// Where the reader was before the last jump: `''` goes back there.
    jumped_from: Option<Spot>,
    /// `m` or `'` typed, waiting for its letter.
    mark_key: Option<MarkKey>,
    /// The overlay `/` was pressed in (the figures view, the help), closed while the prompt
    /// is open so that the text shows the matches: Esc in the prompt brings it back as it was.
    prompt_over: Option<Overlay>,
}

impl App {
    /// A reader on `tree` for a terminal of `width`×`height`, top-level nodes collapsed
    /// except that suggestions show their measures.
    #[must_use]
    pub fn new(tree: LetterTree, lang: Lang, ambiguous: AmbiguousWidth, size: (u16, u16)) -> Self {
        // Nothing wrapped yet: `resize` sets the width, and each block is wrapped when needed.
        let reading = ReadingLayout::new(&tree, 0, ambiguous);
        let node_count = tree.nodes.len();
        let search = Search::new(&tree, lang);
        let mut app = Self {
            expanded: tree
                .nodes
                .iter()
                .map(|n| n.parent.is_none() && !n.children.is_empty())
                .collect(),
            figures: None,
            tree: Arc::new(tree),
            lang,
            ambiguous,
            size: (0, 0),
            focus: Focus::Outline,
            overlay: None,
            selected: 0,
            place: 0,
            outline_offset: 0,
            reading_top: ReadingPos::default(),
            reading,
            resize_anchor: (0, 0),
            search,
            help_offset: 0,
            note: None,
            spotlight: None,
            effects: Vec::new(),
            should_quit: false,
            interrupted: false,
            on_shelf: false,
            count: None,
            marks: std::collections::BTreeMap::new(),
            jumped_from: None,
            mark_key: None,
            prompt_over: None,
        };
        debug_assert_eq!(app.expanded.len(), node_count);
        app.resize(size.0, size.1);
        app
    }

    // ----- read-only view, for drawing and for tests -----

    /// The letter.
    #[must_use]
    pub fn tree(&self) -> &LetterTree {
        &self.tree
    }

    /// The letter, shared: for building the search index on another thread
    /// ([`crate::search::letter::ReaderIndex::build`]) without a copy.
    #[must_use]
    pub fn shared_tree(&self) -> Arc<LetterTree> {
        Arc::clone(&self.tree)
    }

    screen_getters!();

    /// Which pane takes navigation keys.
    #[must_use]
    pub fn focus(&self) -> Focus {
        self.focus
    }

    /// The open overlay, if any.
    #[must_use]
    pub fn overlay(&self) -> Option<Overlay> {
        self.overlay
    }

    /// Per node: are its children shown in the outline?
    #[must_use]
    pub fn expanded(&self) -> &[bool] {
        &self.expanded
    }

    /// The selected node.
    #[must_use]
    pub fn selected(&self) -> NodeId {
        self.selected
    }

    /// The first visible row of the outline.
    #[must_use]
    pub fn outline_offset(&self) -> usize {
        self.outline_offset
    }

    /// The first visible line of the reading pane.
    #[must_use]
    pub fn reading_top(&self) -> ReadingPos {
        self.reading_top
    }

    /// The reading pane's lines at the current width: those in view are always wrapped.
    #[must_use]
    pub fn reading(&self) -> &ReadingLayout {
        &self.reading
    }

    /// Search state.
    #[must_use]
    pub fn search(&self) -> &Search {
        &self.search
    }

    /// Figures view state, once the view has been opened.
    #[must_use]
    pub fn figures(&self) -> Option<&FiguresView> {
        self.figures.as_ref()
    }

    /// First visible row of the help overlay.
    #[must_use]
    pub fn help_offset(&self) -> usize {
        self.help_offset
    }

    /// A message for the status row.
    #[must_use]
    pub fn note(&self) -> Option<&Note> {
        self.note.as_ref()
    }

    /// A block and byte range to set apart until the next action (a figure jumped to).
    #[must_use]
    pub fn spotlight(&self) -> Option<&(usize, std::ops::Range<usize>)> {
        self.spotlight.as_ref()
    }

    /// Whether the letter was opened from the shelf: `q` goes back to it.
    #[must_use]
    pub fn on_shelf(&self) -> bool {
        self.on_shelf
    }

    /// Set when the reader should end.
    #[must_use]
    pub fn should_quit(&self) -> bool {
        self.should_quit
    }

    /// Whether the reader ended by Ctrl-C, which leaves the shelf around it too.
    #[must_use]
    pub fn interrupted(&self) -> bool {
        self.interrupted
    }

    /// The node the reader is at (see the field's description): the status row names it.
    #[must_use]
    pub fn place(&self) -> NodeId {
        self.place
    }

    /// The count typed so far for the next move, if any.
    #[must_use]
    pub fn count(&self) -> Option<usize> {
        self.count
    }

    /// Work the runner must do outside the app, taken from the queue.
    pub fn take_effects(&mut self) -> Vec<Effect> {
        std::mem::take(&mut self.effects)
    }

    /// The screen areas for the current size and focus.
    #[must_use]
    pub fn areas(&self) -> Areas {
        layout::areas(self.size.0, self.size.1, self.focus)
    }

    /// Rows of the outline pane's inside (0 when it is hidden).
    fn outline_rows(&self) -> usize {
        rows_inside(self.areas().outline)
    }

    /// Rows of the reading pane's inside as it is on the screen, or, with the outline alone
    /// on a narrow screen, as Tab will show it (0 only on a screen too small for any pane).
    /// The text is scrolled for the pane the reader will see: measured as hidden, with no
    /// rows, `n` from the outline would leave its match on the first row of the text Tab
    /// shows, and a resize could keep no match in view.
    fn reading_rows(&self) -> usize {
        rows_inside(layout::areas(self.size.0, self.size.1, Focus::Reading).reading)
    }

    /// Carries out one action. The only function that changes the reader's state.
    ///
    /// Resizing and quitting mean the same in every mode; anything else goes to the mode on
    /// top — an overlay, the search prompt, or the panes — which acts on what it knows and
    /// lets the rest pass.
    pub fn update(&mut self, input: impl Into<Input>) {
        let action = match input.into() {
            Input::Action(action) => action,
            Input::Message(message) => return self.receive(message),
        };
        if action == Action::Suspend {
            // Whatever is open stays as it was, to be found again after `fg`.
            self.effects.push(Effect::Suspend);
            return;
        }
        if action == Action::Repaint {
            // Nothing changes but the screen: a message stays.
            self.effects.push(Effect::Repaint);
            return;
        }
        if let Action::Resize { width, height } = action {
            // Not a key: a message stays until the next one. But where the reader is (`=`)
            // is said again, for what is now in view.
            let said_where = self.note.as_ref().is_some_and(|note| note.says_where);
            self.resize(width, height);
            if said_where {
                self.say_where();
            }
            return;
        }
        self.note = None;
        self.spotlight = None;
        match action {
            Action::Quit => self.should_quit = true,
            Action::Interrupt => {
                self.should_quit = true;
                self.interrupted = true;
            }
            action => match self.overlay {
                Some(Overlay::Help) => self.update_help(action),
                Some(Overlay::Figures) => self.update_figures(action),
                None if self.search.editing => self.update_prompt(action),
                None => {
                    // A jump remembers where it left, for `''`.
                    let before = place::is_jump(&action).then(|| self.spot());
                    self.update_panes(action);
                    if let Some(before) = before.filter(|b| *b != self.spot()) {
                        self.jumped_from = Some(before);
                    }
                }
            },
        }
        // What the next frame shows, wrapped here so that drawing only reads.
        self.prepare_view();
    }

    /// What the runner handed over: not the reader's doing, so a note or a key being typed
    /// stays as it was.
    fn receive(&mut self, message: Message) {
        match message {
            Message::IndexComing => return self.index_coming(),
            // A query typed before the index came runs now and may move the view.
            Message::IndexReady(index) => self.index_ready(*index),
            Message::Restore(restore) => {
                // It may come after the first keys (a slow store): a note they gave stays,
                // unless the store has one of its own.
                if restore.place.is_some() {
                    self.spotlight = None;
                }
                self.restore(*restore);
            }
            Message::OnShelf => self.on_shelf = true,
        }
        self.prepare_view();
    }

    /// The outline and the reading pane, with no overlay or prompt open.
    fn update_panes(&mut self, action: Action) {
        // A mark key applies to the key right after it, and only to that one.
        let mark_key = self.mark_key.take();
        if let Action::Count(digit) = action {
            self.type_count(digit);
            return;
        }
        // A count applies to the move that follows it, and only to that one.
        let counted = self.count.take();
        let times = counted.unwrap_or(1).max(1).cast_signed();
        match action {
            Action::Down => self.step(times),
            Action::Up => self.step(-times),
            Action::PageDown => self.page(times, 1),
            Action::PageUp => self.page(-times, 1),
            Action::HalfPageDown => self.page(times, 2),
            Action::HalfPageUp => self.page(-times, 2),
            Action::Unbound(key) => self.say_unbound(&key),
            Action::Back => self.back_to_outline(),
            // ← and `h` in the text go back to the outline, with one pane on the screen or
            // two (as → and `l` on a leaf of the outline go to its text).
            Action::Collapse if self.focus == Focus::Reading => self.back_to_outline(),
            // A count before g or G is a line of the text, as in less (the outline's digits
            // choose a suggestion, so a count is typed in the text alone).
            Action::First | Action::Last if let Some(n) = counted => self.go_to_line(n),
            Action::First => self.go_to_end(false),
            Action::Last => self.go_to_end(true),
            Action::Percent => {
                let to = (self.reading).at_percent(&self.tree, counted.unwrap_or(0));
                self.scroll_reading_to(to);
            }
            Action::Expand => self.expand_or_descend(),
            Action::Collapse => self.collapse_or_ascend(),
            Action::Toggle => self.toggle_or_open(),
            Action::NextSibling => self.sibling(1),
            Action::PrevSibling => self.sibling(-1),
            Action::JumpToSuggestion(n) => self.jump_to_suggestion(n),
            Action::ExpandAll => self.expanded.iter_mut().for_each(|e| *e = true),
            Action::CollapseAll => {
                self.expanded.iter_mut().for_each(|e| *e = false);
                let top = self.tree.path(self.selected)[0];
                self.select(top);
            }
            Action::SwitchFocus => self.switch_focus(),
            Action::Wheel { x, y, lines } => self.wheel(x, y, lines),
            Action::Click { x, y } => self.click(x, y),
            Action::OpenSearch => self.open_search(),
            Action::NextMatch => self.step_match(times),
            Action::PrevMatch => self.step_match(-times),
            Action::ToggleFilter => self.toggle_filter(),
            Action::OpenFigures => self.open_figures(),
            Action::OpenHelp => {
                self.overlay = Some(Overlay::Help);
                self.help_offset = 0;
            }
            Action::SetMark => {
                self.mark_key = Some(MarkKey::Set);
                self.note = Some(Note::new(self.lang.strings().mark_set_prompt));
            }
            Action::GoToMark => {
                self.mark_key = Some(MarkKey::Go);
                self.note = Some(Note::new(self.lang.strings().mark_go_prompt));
            }
            Action::MarkLetter(letter) => {
                if let Some(key) = mark_key {
                    self.mark_letter(key, letter);
                }
            }
            Action::Escape => self.escape(counted.is_some() || mark_key.is_some()),
            Action::Copy => self.copy_selected(),
            Action::WhereAmI => self.say_where(),
            // Keys of the prompt and of the figures view mean nothing here.
            _ => {}
        }
    }

    /// The first (or `last`) node of the outline, or the top (or end) of the text, as the
    /// focused pane goes.
    fn go_to_end(&mut self, last: bool) {
        if self.focus == Focus::Outline {
            let end = self.visible_nodes().len().saturating_sub(1);
            self.select_visible_index(if last { end } else { 0 });
        } else {
            let tree = &self.tree;
            let to = if last {
                self.reading.end(tree)
            } else {
                self.reading.start(tree)
            };
            self.scroll_reading_to(to);
        }
    }

    /// Line `n` of the text as it is wrapped now, counted from 1 (the last when it has fewer).
    fn go_to_line(&mut self, n: usize) {
        let start = self.reading.start(&self.tree);
        let delta = n.saturating_sub(1).min(isize::MAX.unsigned_abs());
        let to = self.reading.step(&self.tree, start, delta.cast_signed());
        self.scroll_reading_to(to);
    }

    /// A digit of a count typed before a move.
    fn type_count(&mut self, digit: u8) {
        self.note = Some(count_typed(&mut self.count, digit, self.lang));
    }

    /// Enter: opens or closes the selected node; on a leaf, which has nothing to toggle, moves
    /// to its text (with one pane on the screen, shows it).
    fn toggle_or_open(&mut self) {
        let leaf = self.tree.nodes[self.selected].children.is_empty();
        if leaf {
            self.focus = Focus::Reading;
            self.keep_selection_visible();
        } else {
            self.toggle(self.selected);
        }
    }

    /// Esc in the panes: it drops a count or a mark key being typed (`typing`), else a
    /// finished search, else goes back from the text shown alone, else leaves a letter opened
    /// from the shelf.
    fn escape(&mut self, typing: bool) {
        if typing {
            // The count or the mark key is dropped already; that was all Esc undoes.
            return;
        }
        if !self.search.query.is_empty() {
            self.search.clear();
        } else if self.text_alone() {
            self.back_to_outline();
        } else if self.on_shelf {
            self.should_quit = true;
        } else {
            // With nothing to undo it says so, as a key that does nothing here does, rather
            // than fail silently; it does not quit, which a stray Esc should never do.
            self.note = Some(Note::new(self.lang.strings().nothing_to_escape));
        }
    }

    /// Whether the text is the one pane on the screen.
    fn text_alone(&self) -> bool {
        self.focus == Focus::Reading && self.areas().outline.is_none()
    }

    /// From the text back to the outline, on the node in view.
    fn back_to_outline(&mut self) {
        self.focus = Focus::Outline;
        self.keep_selection_visible();
    }

    /// Says in the status row that `key` does nothing here, and where the keys are listed.
    fn say_unbound(&mut self, key: &str) {
        let strings = self.lang.strings();
        let text = format!("{}{key}{}", strings.unbound_key, strings.unbound_hint);
        self.note = Some(Note::new(text));
    }

    /// Says in the status row where the reader is, as less's `=` does: the file, the
    /// characters of the letter in view, and how far into it.
    fn say_where(&mut self) {
        // The text as it is shown, or, with the outline alone on the screen, as Tab would
        // show it.
        let rows = self.reading_rows();
        self.reading.prepare(&self.tree, self.reading_top, rows);
        let (first, last, total) = (self.reading).chars_in_view(&self.tree, self.reading_top, rows);
        let percent = self.reading.percent(self.reading_top, rows);
        let strings = self.lang.strings();
        let file = self
            .tree
            .source
            .as_deref()
            .unwrap_or(strings.built_in_letter);
        // What it says without the file: how far in, which a narrow row keeps whole.
        let tail = (strings.where_am_i)("", first, last, total, percent);
        self.note = Some(Note::saying_where(
            (strings.where_am_i)(file, first, last, total, percent),
            tail.trim_start(),
        ));
    }

    /// Selects suggestion `n`, or says there is none.
    fn jump_to_suggestion(&mut self, n: usize) {
        match self.tree.suggestion(n) {
            Some(id) => self.select(id),
            None => {
                let text = format!("{}{n}", self.lang.strings().no_suggestion);
                self.note = Some(Note::new(text));
            }
        }
    }

    /// Moves the focus to the other pane.
    /// With the outline alone on the screen, the text takes its place: what was asked for (a
    /// search's match, a figure) is in the text, not on the outline's row for its node.
    fn bring_text_forward(&mut self) {
        let areas = self.areas();
        if areas.outline.is_some() && areas.reading.is_none() {
            self.focus = Focus::Reading;
        }
    }

    fn switch_focus(&mut self) {
        self.focus = match self.focus {
            Focus::Outline => Focus::Reading,
            Focus::Reading => Focus::Outline,
        };
        // Back in the outline from the text, the reader is where they read: a place inside
        // a collapsed section is opened to and selected, so that the row lit is the one the
        // status row names, and Enter goes back to its text, not its section's.
        // The outline filtered to a search's matches may not show it even then: its nearest
        // ancestor shown stays selected.
        if self.focus == Focus::Outline && self.place != self.selected {
            self.reveal(self.place);
            if let Some(shown) = self.visible_ancestor(self.place) {
                self.selected = shown;
            }
        }
        self.keep_selection_visible();
    }

    /// Copies the selected node's text, with what it encloses, up to [`COPY_LIMIT`] bytes (the
    /// status row says when it is cut).
    fn copy_selected(&mut self) {
        let mut text = self.tree.subtree_text(self.selected);
        let strings = self.lang.strings();
        let note = if text.len() <= COPY_LIMIT {
            strings.copied.to_string()
        } else {
            let total = text.chars().count();
            let cut = text
                .char_indices()
                .map(|(at, c)| at + c.len_utf8())
                .take_while(|&end| end <= COPY_LIMIT)
                .last()
                .unwrap_or(0);
            text.truncate(cut);
            format!("{}{}/{total}", strings.copied_cut, text.chars().count())
        };
        self.effects.push(Effect::Copy(text));
        self.note = Some(Note::new(note));
    }

    // ----- outline -----

    /// The outline's rows: nodes whose ancestors are all expanded, or, with the search
    /// filter on, matching nodes and their ancestors.
    #[must_use]
    pub fn visible_nodes(&self) -> Vec<NodeId> {
        if self.search.filter && !self.search.matches.is_empty() {
            let shown = self.search.shown_nodes();
            return (0..self.tree.nodes.len()).filter(|&id| shown[id]).collect();
        }
        let mut out = Vec::with_capacity(self.tree.nodes.len());
        let mut id = 0;
        while id < self.tree.nodes.len() {
            out.push(id);
            if self.expanded[id] || self.tree.nodes[id].children.is_empty() {
                id += 1;
            } else {
                // Skip the collapsed node's descendants, which follow it in pre-order.
                id = self.tree.subtree(id).end;
            }
        }
        out
    }

    fn select_visible_index(&mut self, index: usize) {
        let visible = self.visible_nodes();
        if let Some(&id) = visible.get(index.min(visible.len().saturating_sub(1))) {
            self.select(id);
        }
    }

    /// Selects `id` as it stands, and makes it the place: no opening or scrolling.
    fn set_selected(&mut self, id: NodeId) {
        self.selected = id;
        self.place = id;
    }

    /// Expands every ancestor of `id`, so that its outline row shows.
    fn reveal(&mut self, id: NodeId) {
        for ancestor in self.tree.path(id) {
            if ancestor != id {
                self.expanded[ancestor] = true;
            }
        }
    }

    /// Selects `id`: opens its ancestors, keeps it in view in the outline, and brings its
    /// text to the top of the reading pane.
    fn select(&mut self, id: NodeId) {
        self.reveal(id);
        self.set_selected(id);
        self.keep_selection_visible();
        let block = self.tree.nodes[id].blocks.start;
        let line = self.reading.first_line_of(&self.tree, block);
        self.scroll_reading_raw(line);
    }

    /// Moves the outline's window so that the selected row is in it.
    fn keep_selection_visible(&mut self) {
        let rows = self.outline_rows().max(1);
        let visible = self.visible_nodes();
        let index = visible
            .iter()
            .position(|&n| n == self.selected)
            .unwrap_or(0);
        self.outline_offset =
            layout::offset_showing(self.outline_offset, index, rows, visible.len());
    }

    /// After node `id` opened: the outline's window moves so that what opened is in it, as
    /// much of it as fits under the node, which stays in view (opened on the last row, its
    /// children stood below the window).
    fn show_opened(&mut self, id: NodeId) {
        let rows = self.outline_rows().max(1);
        let visible = self.visible_nodes();
        let at = |node: NodeId| visible.iter().position(|&n| n == node);
        let (Some(node), Some(last)) = (
            at(id),
            self.tree.nodes[id].children.last().and_then(|&c| at(c)),
        ) else {
            return;
        };
        let offset = layout::offset_showing(self.outline_offset, last, rows, visible.len());
        self.outline_offset = layout::offset_showing(offset, node, rows, visible.len());
    }

    fn step(&mut self, delta: isize) {
        match self.focus {
            Focus::Outline => {
                let visible = self.visible_nodes();
                let index = visible
                    .iter()
                    .position(|&n| n == self.selected)
                    .unwrap_or(0);
                let next = index.saturating_add_signed(delta).min(visible.len() - 1);
                self.select(visible[next]);
            }
            Focus::Reading => self.scroll_reading_by(delta),
        }
    }

    /// Moves `pages` pages (negative: up) of the focused pane, each a `1/fraction` page.
    fn page(&mut self, pages: isize, fraction: usize) {
        // With the text beside the outline, a page is the text's, wherever the focus is: the
        // reader reads on (the outline follows), as Space and PageDown do in less, rather
        // than past a whole outline that fits the screen in one step.
        let paged = match self.focus {
            Focus::Outline if self.areas().reading.is_none() => Focus::Outline,
            _ => Focus::Reading,
        };
        match paged {
            Focus::Outline => {
                let rows = self.outline_rows();
                let step = (rows / fraction).max(1).cast_signed();
                let visible = self.visible_nodes();
                let index = |id| visible.iter().position(|&n| n == id).unwrap_or(0);
                let (from, offset) = (index(self.selected), self.outline_offset);
                self.step(pages.saturating_mul(step));
                let to = index(self.selected);
                // The outline turns with the selection, as a pager turns its page.
                self.outline_offset = layout::offset_paged(offset, from, to, rows, visible.len());
            }
            Focus::Reading => {
                // A whole page keeps one line of the previous one for context, as less does.
                let rows = if fraction == 1 {
                    self.reading_rows().saturating_sub(1)
                } else {
                    self.reading_rows() / fraction
                };
                let rows = rows.max(1).cast_signed();
                self.scroll_reading_by(pages.saturating_mul(rows));
            }
        }
    }

    fn toggle(&mut self, id: NodeId) {
        if !self.tree.nodes[id].children.is_empty() {
            self.expanded[id] = !self.expanded[id];
            self.keep_selection_visible();
            if self.expanded[id] {
                self.show_opened(id);
            }
        }
    }

    fn expand_or_descend(&mut self) {
        let node = &self.tree.nodes[self.selected];
        match node.children.first() {
            Some(&first) if self.expanded[self.selected] => self.select(first),
            Some(_) => {
                self.expanded[self.selected] = true;
                self.show_opened(self.selected);
            }
            // A leaf has nothing to open in the outline: its text is where `l` leads, as
            // Enter does.
            None if self.focus == Focus::Outline => self.toggle_or_open(),
            None => {}
        }
    }

    fn collapse_or_ascend(&mut self) {
        let node = &self.tree.nodes[self.selected];
        if !node.children.is_empty() && self.expanded[self.selected] {
            self.expanded[self.selected] = false;
            self.keep_selection_visible();
        } else if let Some(parent) = node.parent {
            self.select(parent);
        } else {
            // A move that cannot be made says why, as `''` before a jump does.
            self.note = Some(Note::new(self.lang.strings().top_level));
        }
    }

    fn sibling(&mut self, delta: isize) {
        let siblings: Vec<NodeId> = match self.tree.nodes[self.selected].parent {
            Some(p) => self.tree.nodes[p].children.clone(),
            None => self.tree.roots().collect(),
        };
        let index = siblings
            .iter()
            .position(|&n| n == self.selected)
            .unwrap_or(0);
        if let Some(&id) = index
            .checked_add_signed(delta)
            .and_then(|i| siblings.get(i))
        {
            self.select(id);
        }
    }

    // ----- reading pane -----

    /// The last line that may be at the top: the one a page above the letter's end.
    fn max_reading_top(&mut self) -> ReadingPos {
        let rows = self.reading_rows().max(1);
        let end = self.reading.end(&self.tree);
        self.reading
            .step(&self.tree, end, -(rows - 1).cast_signed())
    }

    fn scroll_reading_raw(&mut self, line: ReadingPos) {
        let line = self.reading.fit(&self.tree, line);
        // The start is never past the last page: knowing so needs no wrapping of the letter's
        // end, which the first frame would otherwise pay for.
        self.reading_top = if line == self.reading.start(&self.tree) {
            line
        } else {
            line.min(self.max_reading_top())
        };
    }

    /// Scrolls the reading pane, and lets the outline follow the section now in view.
    fn scroll_reading_to(&mut self, line: ReadingPos) {
        self.scroll_reading_raw(line);
        self.follow_reading();
    }

    fn scroll_reading_by(&mut self, delta: isize) {
        let line = self.reading.step(&self.tree, self.reading_top, delta);
        self.scroll_reading_to(line);
    }

    /// Whether `line` is among the reading pane's rows.
    fn in_view(&mut self, line: ReadingPos) -> bool {
        let rows = self.reading_rows().max(1);
        let bottom = self
            .reading
            .step(&self.tree, self.reading_top, (rows - 1).cast_signed());
        (self.reading_top..=bottom).contains(&line)
    }

    /// Puts `line` in view, a third of the way down when it has to move.
    fn show_reading_line(&mut self, line: ReadingPos) {
        if !self.in_view(line) {
            let rows = self.reading_rows().max(1);
            let top = self
                .reading
                .step(&self.tree, line, -(rows / 3).cast_signed());
            self.scroll_reading_raw(top);
        }
    }

    /// Wraps what the reading pane shows, for the frame to draw.
    fn prepare_view(&mut self) {
        let rows = self.reading_rows();
        self.reading.prepare(&self.tree, self.reading_top, rows);
    }

    /// The block and the byte where the line at `pos` starts: the blank line after a block
    /// is the block's end, where no line of text starts. The inverse of [`Self::line_at`].
    fn words_at(&self, pos: ReadingPos) -> (usize, usize) {
        self.reading.line(pos).map_or((0, 0), |line| {
            let text = &self.tree.blocks[line.block].text;
            if line.range.is_empty() && !text.is_empty() {
                (line.block, text.len())
            } else {
                (line.block, line.range.start)
            }
        })
    }

    /// The line holding byte `byte` of block `block` at the current width:
    /// the inverse of [`Self::words_at`].
    fn line_at(&mut self, block: usize, byte: usize) -> ReadingPos {
        let Some(text) = self.tree.blocks.get(block).map(|b| &b.text) else {
            return self.reading.end(&self.tree);
        };
        let mut byte = byte.min(text.len());
        while !text.is_char_boundary(byte) {
            byte -= 1;
        }
        if byte == text.len() && !text.is_empty() {
            // The blank line after the block (see `words_at`): the block's last line.
            self.reading.last_line_of(&self.tree, block)
        } else {
            self.reading.line_of(&self.tree, block, byte)
        }
    }

    /// Selects, in the outline, the deepest visible node whose text is at the top of the
    /// reading pane.
    fn follow_reading(&mut self) {
        // With the end in view the reader is at the last node, though its text is not at the
        // top: the signature must not be shown under the name of the paragraph above it.
        // (A letter that fits on one screen has its top in view too: it stays at the top.)
        let start = self.reading.start(&self.tree);
        let max = self.max_reading_top();
        let at_end = self.reading_top > start && self.reading_top >= max;
        let line = if at_end {
            self.reading.end(&self.tree)
        } else {
            self.reading_top
        };
        if let Some(line) = self.reading.line(line) {
            let node = self.tree.blocks[line.block].node;
            self.follow_node(node);
        }
    }

    /// Makes `node` the place and selects its nearest visible ancestor (itself when shown),
    /// without opening or scrolling anything.
    fn follow_node(&mut self, node: NodeId) {
        self.place = node;
        if let Some(id) = self.visible_ancestor(node) {
            self.selected = id;
            self.keep_selection_visible();
        }
    }

    /// A new terminal size: the reading pane's blocks are wrapped anew as they are needed,
    /// and the words at the top of the pane stay on its top line; the current match, when
    /// it was in view, stays in view.
    fn resize(&mut self, width: u16, height: u16) {
        // A match the reader sees is where they are, as the cursor is in helix: the lines
        // above it wrap to more rows in a narrower pane, and could push it off the page.
        // One scrolled out of view is not, and the words at the top are kept as without one.
        let current = self.current_match_in_view();
        // The words to keep at the top: those kept by the last resize while the top line still
        // holds them (a resize only re-wraps), else the start of the top line.
        let (block, byte) = self.resize_anchor;
        let kept = block < self.tree.blocks.len()
            && self.reading.line(self.reading_top).is_some()
            && self.line_at(block, byte) == self.reading_top;
        let anchor = if kept {
            self.resize_anchor
        } else {
            self.words_at(self.reading_top)
        };
        let from = self.size;
        self.size = (width, height);
        // The help's lines follow the width: the same row first, and still a full page at its
        // end (opened, it starts at its top, so a closed help needs nothing).
        if self.overlay == Some(Overlay::Help) || self.prompt_over == Some(Overlay::Help) {
            let rows = crate::keys::help_rows(self.lang, self.on_shelf);
            let sizes = (from, self.size);
            self.help_offset =
                overlays::help_offset_within(self.help_offset, &rows, self.ambiguous, sizes);
        }
        // Measured as if the reading pane were shown: on a narrow screen it is hidden while
        // the outline has focus, and Tab must not find it wrapped to nothing.
        let text_width = layout::reading_text_width(&layout::areas(width, height, Focus::Reading));
        self.reading.rewrap(text_width, self.ambiguous);
        if anchor.0 < self.tree.blocks.len() {
            let top = self.line_at(anchor.0, anchor.1);
            self.scroll_reading_raw(top);
        }
        self.resize_anchor = anchor;
        // Not on a screen too small for the pane: nothing is in view there, and the words at
        // the top, kept, bring the page back as it was when the screen grows again.
        if let Some((block, byte)) = current.filter(|_| self.reading_rows() > 0) {
            let line = self.reading.line_of(&self.tree, block, byte);
            self.show_reading_line(line);
        }
        self.keep_selection_visible();
        // Only the view on screen: opening it (`f`, or back from its prompt) fits it anew.
        let shown = self.overlay == Some(Overlay::Figures);
        if let Some(figures) = self.figures.as_mut().filter(|_| shown) {
            figures.fit(&self.tree, self.lang, self.ambiguous, self.size);
            figures.keep_visible(figures.list_rows(width, height));
        }
        self.prepare_view();
    }

    // ----- mouse -----

    fn wheel(&mut self, x: u16, y: u16, lines: i32) {
        let areas = self.areas();
        let delta = isize::try_from(lines).unwrap_or(0);
        if areas.reading.is_some_and(|r| r.contains((x, y).into())) {
            self.scroll_reading_by(delta);
        } else if areas.outline.is_some_and(|r| r.contains((x, y).into())) {
            let max = self
                .visible_nodes()
                .len()
                .saturating_sub(self.outline_rows());
            self.outline_offset = self.outline_offset.saturating_add_signed(delta).min(max);
        }
    }

    fn click(&mut self, x: u16, y: u16) {
        let areas = self.areas();
        let at = (x, y).into();
        if let Some(pane) = areas.outline.map(inner).filter(|p| p.contains(at)) {
            self.focus = Focus::Outline;
            let row = self.outline_offset + usize::from(y - pane.y);
            if let Some(&id) = self.visible_nodes().get(row) {
                // The marker ▸/▾ sits after two columns of indent per level.
                let depth = u16::try_from(self.tree.nodes[id].depth).unwrap_or(u16::MAX / 4);
                let marker = pane.x.saturating_add(depth.saturating_mul(2));
                // A click on the marker toggles the node as well; either way the text follows.
                // A second click on the selected row does what Enter does (as on the shelf):
                // with one pane on the screen, the way to a leaf's text.
                let again = self.selected == id;
                self.select(id);
                if (marker..marker.saturating_add(2)).contains(&x) {
                    self.toggle(id);
                } else if again {
                    self.toggle_or_open();
                }
            }
        } else if let Some(pane) = areas.reading.map(inner).filter(|p| p.contains(at)) {
            self.focus = Focus::Reading;
            self.prepare_view();
            let row = usize::from(y - pane.y);
            let block = self.reading.lines_from(self.reading_top).nth(row);
            if let Some(block) = block.map(|(_, l)| l.block) {
                let node = self.tree.blocks[block].node;
                self.follow_node(node);
            }
        }
    }

    /// `node` if the outline shows it, else its nearest ancestor that it shows.
    fn visible_ancestor(&self, node: NodeId) -> Option<NodeId> {
        let visible = self.visible_nodes();
        self.tree
            .path(node)
            .into_iter()
            .rev()
            .find(|n| visible.contains(n))
    }
}
