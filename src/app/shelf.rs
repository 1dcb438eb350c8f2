//! The shelf's state: the letters of a folder as a list, sorted, narrowed by a search, one
//! of them selected. Like the reader's [`App`](super::App), it changes only in
//! [`ShelfApp::update`], from a person's [`Action`] or the runner's [`ShelfNews`]; what must
//! happen outside (open a letter, search the shelf) is asked for as a [`ShelfEffect`].

use std::cmp::Ordering;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::Note;
use super::history::History;
use super::line_edit::{Edited, edit_line};
use super::overlays::{Paged, page_help};
use super::place::problem_note;
use crate::action::Action;
use crate::kept::{ShelfPlace, StateProblem};
use crate::letter::load::LoadError;
use crate::shelf::Head;
use crate::shelf::walk::Found;
use crate::strings::Lang;
use crate::text::collate;
use crate::text::sanitize::sanitize_line;
use crate::text::width::AmbiguousWidth;

/// What the shelf knows of one letter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Known {
    /// Not read yet: only its file.
    Unread,
    /// Read: its row.
    Read(Head),
    /// Refused, with the error.
    Refused(LoadError),
}

/// One letter of the shelf.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShelfRow {
    /// The file.
    pub path: PathBuf,
    /// The file as shown: relative to the shelf's folder, sanitised.
    pub name: String,
    /// What is known of it.
    pub known: Known,
}

impl ShelfRow {
    /// Why the letter was refused, as `NAME:LINE:COL: …` in `lang`: the file by the name the
    /// list shows it under, so that a narrow row keeps room for the reason.
    #[must_use]
    pub fn refusal(&self, lang: Lang) -> Option<String> {
        match &self.known {
            Known::Refused(error) => Some(error.naming(&self.name, lang)),
            _ => None,
        }
    }
}

/// The order of the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortKey {
    /// By file name (the walk's order).
    #[default]
    File,
    /// Newest first.
    Date,
    /// By issuer, then newest first.
    Issuer,
    /// By document number.
    Number,
    /// By the number of the proposal (or suggestion) answered, as a session's replies are
    /// filed: by value, 9 before 10.
    Proposal,
}

impl SortKey {
    fn next(self) -> Self {
        match self {
            SortKey::File => SortKey::Date,
            SortKey::Date => SortKey::Issuer,
            SortKey::Issuer => SortKey::Number,
            SortKey::Number => SortKey::Proposal,
            SortKey::Proposal => SortKey::File,
        }
    }

    /// Every order, in the order `s` goes through them.
    const ALL: [SortKey; 5] = [
        SortKey::File,
        SortKey::Date,
        SortKey::Issuer,
        SortKey::Number,
        SortKey::Proposal,
    ];

    /// Its name in the kept state, the same in every language and every version.
    #[must_use]
    pub fn id(self) -> &'static str {
        match self {
            SortKey::File => "file",
            SortKey::Date => "date",
            SortKey::Issuer => "issuer",
            SortKey::Number => "number",
            SortKey::Proposal => "proposal",
        }
    }

    /// The order named `id` in the kept state, if one is.
    #[must_use]
    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|key| key.id() == id)
    }

    /// Its name in `lang`.
    #[must_use]
    pub fn label(self, lang: Lang) -> &'static str {
        let names = lang.strings().shelf_sorts;
        match self {
            SortKey::File => names[0],
            SortKey::Date => names[1],
            SortKey::Issuer => names[2],
            SortKey::Number => names[3],
            SortKey::Proposal => names[4],
        }
    }
}

/// A search over the shelf: its query and, per letter, how many matches it has there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShelfSearch {
    /// The query.
    pub query: String,
    /// Which search this is: news of an earlier one is not this one's.
    pub id: u64,
    /// Per row, its matches once searched.
    pub counts: Vec<Option<usize>>,
    /// How many letters were searched so far.
    pub searched: usize,
}

impl ShelfSearch {
    /// How many letters hold a match, and how many matches, so far.
    #[must_use]
    pub fn totals(&self) -> (usize, usize) {
        self.counts
            .iter()
            .flatten()
            .filter(|&&n| n > 0)
            .fold((0, 0), |(letters, matches), &n| (letters + 1, matches + n))
    }
}

/// The runner's news for the shelf.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShelfNews {
    /// The folder was listed: its letter files, in the walk's order (a shelf made while
    /// listing has no rows before).
    Listed(Arc<[Found]>),
    /// Letter `row` was read (its row, or its error).
    Read(usize, Known),
    /// Search `id` found `count` matches in letter `row`.
    Found {
        /// The search.
        id: u64,
        /// The letter.
        row: usize,
        /// Its matches.
        count: usize,
    },
    /// The history kept between runs, as the store was read at the start: the shelf's own
    /// queries of this run stay the newest.
    History {
        /// Oldest first.
        queries: Vec<String>,
        /// The shelf's order and letter when it was last closed, if they were kept.
        place: Option<ShelfPlace>,
        /// Why the store was set aside or could not be read, if it was: the status row says
        /// so, as the reader's does (the shelf is the first to read it).
        problem: Option<StateProblem>,
    },
    /// A letter opened from the shelf was closed with this history: the shelf's, given to
    /// it when it opened, and what was searched in it (one history for both).
    LetterClosed(Vec<String>),
}

/// What the shelf asks the runner to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShelfEffect {
    /// Open letter `row`, at the first match of `query` when there is one.
    Open {
        /// The letter.
        row: usize,
        /// The search to carry into it.
        query: Option<String>,
    },
    /// Search every letter for `query` (search `id`).
    Search {
        /// The query.
        query: String,
        /// The search's id, for its news.
        id: u64,
    },
    /// Stop the search running, if one is: the reader cleared it.
    EndSearch,
    /// Paint the whole screen again (Ctrl-L).
    Repaint,
    /// Give the terminal back and stop until continued (Ctrl-Z).
    Suspend,
}

/// The search prompt being typed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ShelfPrompt {
    /// The query so far.
    pub text: String,
    /// The caret, in characters.
    pub caret: usize,
    /// Whether the query was changed since the prompt opened: the shelf is searched as it is
    /// typed, as the reader's letter is, and so shows something else than it did.
    edited: bool,
    /// The shelf as it was when the prompt opened, which Esc gives back.
    before: Before,
}

/// The search and the selection when the search prompt opened.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
struct Before {
    search: Option<ShelfSearch>,
    selected: Option<usize>,
    moved: bool,
}

/// The shelf's whole state.
#[derive(Debug)]
pub struct ShelfApp {
    rows: Vec<ShelfRow>,
    /// Whether the list of files is there yet (see [`ShelfApp::listing`]).
    listed: bool,
    /// The folder the rows are named relative to.
    folder: Option<PathBuf>,
    /// The rows shown, in order: sorted, and narrowed by the search.
    shown: Vec<usize>,
    /// The selected row (by row, so that it stays as the list fills and reorders).
    selected: Option<usize>,
    /// The first shown row on the screen.
    offset: usize,
    /// The reader moved the selection since the list last began anew (a search): until
    /// then, the selection stays on the first row as the list fills.
    moved: bool,
    /// The letter the reader had selected when they opened the prompt they left with Esc,
    /// over a search that had not finished and so is searched again: selected once the
    /// search finds it, unless the reader moves first.
    awaited: Option<usize>,
    sort: SortKey,
    /// The order and letter kept from the last run, until the list is there to take them
    /// (and not taken if the reader has moved, sorted or searched first).
    kept: Option<ShelfPlace>,
    /// Whether the store has answered with what it keeps of the shelf (perhaps nothing).
    kept_read: bool,
    /// A count typed before a move (`3j`, `12G`), as in the reader.
    count: Option<usize>,
    /// The help over the shelf (`?`, F1), at its first row in view.
    help: Option<usize>,
    prompt: Option<ShelfPrompt>,
    search: Option<ShelfSearch>,
    /// The query of the newest search, kept after Esc clears it: an empty Enter runs it again.
    last_query: Option<String>,
    /// Earlier queries, for ↑ and ↓ in the prompt: the reader's history, shared.
    history: History,
    searches: u64,
    read: usize,
    lang: Lang,
    ambiguous: AmbiguousWidth,
    size: (u16, u16),
    note: Option<Note>,
    effects: Vec<ShelfEffect>,
    quit: bool,
}

/// Rows above and below the list: the title, the column headings, the status row.
pub const SHELF_CHROME_ROWS: u16 = 3;

impl ShelfApp {
    /// A shelf of the letter files `paths`, named relative to `folder` when under it, none
    /// of them read yet.
    #[must_use]
    pub fn new(
        paths: Vec<PathBuf>,
        folder: Option<&Path>,
        lang: Lang,
        ambiguous: AmbiguousWidth,
        size: (u16, u16),
    ) -> Self {
        let mut app = Self::listing(folder, lang, ambiguous, size);
        app.list(paths);
        app.reorder();
        app
    }

    /// A shelf whose folder is still being listed: its first screen is up at once, and its
    /// rows come with [`ShelfNews::Listed`] (ten thousand files take a walk of their own,
    /// and a slow disk, or one not read for a while, much longer).
    #[must_use]
    pub fn listing(
        folder: Option<&Path>,
        lang: Lang,
        ambiguous: AmbiguousWidth,
        size: (u16, u16),
    ) -> Self {
        Self {
            rows: Vec::new(),
            listed: false,
            folder: folder.map(Path::to_path_buf),
            shown: Vec::new(),
            selected: None,
            offset: 0,
            moved: false,
            awaited: None,
            count: None,
            sort: SortKey::File,
            kept: None,
            kept_read: false,
            help: None,
            prompt: None,
            search: None,
            last_query: None,
            history: History::default(),
            searches: 0,
            read: 0,
            lang,
            ambiguous,
            size,
            note: None,
            effects: Vec::new(),
            quit: false,
        }
    }

    /// The rows of the files `paths`, none read yet, in no order yet; a search typed while
    /// the folder was listed is made again over them.
    fn list(&mut self, paths: impl IntoIterator<Item = PathBuf>) {
        let folder = self.folder.as_deref();
        self.rows = paths
            .into_iter()
            .map(|path| {
                let shown = folder
                    .and_then(|f| path.strip_prefix(f).ok())
                    .unwrap_or(&path);
                // Thousands of rows before the first screen: a name that is text is copied
                // once, not formatted and then copied.
                ShelfRow {
                    name: sanitize_line(&shown.to_string_lossy()).into_owned(),
                    path,
                    known: Known::Unread,
                }
            })
            .collect();
        self.listed = true;
        self.read = 0;
        if let Some(query) = self.search.as_ref().map(|s| s.query.clone()) {
            self.start_search(query);
        }
    }

    // ----- read-only view, for drawing and for tests -----

    /// Every letter, in the walk's order.
    #[must_use]
    pub fn rows(&self) -> &[ShelfRow] {
        &self.rows
    }

    /// The rows shown, in order.
    #[must_use]
    pub fn shown(&self) -> &[usize] {
        &self.shown
    }

    /// The selected row, if any is shown.
    #[must_use]
    pub fn selected(&self) -> Option<usize> {
        self.selected
    }

    /// The first shown row on the screen (an index into [`ShelfApp::shown`]).
    #[must_use]
    pub fn offset(&self) -> usize {
        self.offset
    }

    /// The order of the list.
    #[must_use]
    pub fn sort(&self) -> SortKey {
        self.sort
    }

    /// The help's first row in view, while the help is open.
    #[must_use]
    pub fn help_offset(&self) -> Option<usize> {
        self.help
    }

    /// The prompt, while a search is being typed.
    #[must_use]
    pub fn prompt(&self) -> Option<&ShelfPrompt> {
        self.prompt.as_ref()
    }

    /// The search narrowing the list, if any.
    #[must_use]
    pub fn search(&self) -> Option<&ShelfSearch> {
        self.search.as_ref()
    }

    /// Earlier queries, oldest first, this run's with those kept before.
    #[must_use]
    pub fn history(&self) -> &[String] {
        self.history.entries()
    }

    /// Whether the list of files is there (see [`ShelfApp::listing`]).
    #[must_use]
    pub fn listed(&self) -> bool {
        self.listed
    }

    /// How many letters are read (or refused) so far.
    #[must_use]
    pub fn read(&self) -> usize {
        self.read
    }

    screen_getters!();

    /// A note for the status row.
    #[must_use]
    pub fn note(&self) -> Option<&Note> {
        self.note.as_ref()
    }

    /// Whether the shelf should end.
    #[must_use]
    pub fn should_quit(&self) -> bool {
        self.quit
    }

    /// What the runner is asked to do, taken.
    pub fn take_effects(&mut self) -> Vec<ShelfEffect> {
        std::mem::take(&mut self.effects)
    }

    /// How many list rows the screen holds.
    #[must_use]
    pub fn page(&self) -> usize {
        usize::from(self.size.1.saturating_sub(SHELF_CHROME_ROWS)).max(1)
    }

    // ----- the one place the state changes -----

    /// Carries out a person's action.
    pub fn update(&mut self, action: Action) {
        self.note = None;
        match action {
            Action::Resize { width, height } => {
                let from = self.size;
                self.size = (width, height);
                // The help's lines follow the width: the same row first, and still a full
                // page at its end.
                if let Some(offset) = self.help {
                    let rows = crate::keys::shelf_help_rows(self.lang);
                    let within = super::overlays::help_offset_within(
                        offset,
                        &rows,
                        self.ambiguous,
                        (from, self.size),
                    );
                    self.help = Some(within);
                }
            }
            Action::Quit | Action::Interrupt => self.quit = true,
            Action::Suspend => self.effects.push(ShelfEffect::Suspend),
            Action::Repaint => self.effects.push(ShelfEffect::Repaint),
            action if self.help.is_some() => self.update_help(action),
            action if self.prompt.is_some() => self.update_prompt(action),
            action => self.update_list(action),
        }
        self.keep_selection_visible();
    }

    /// Takes in the runner's news, all that came since the last frame at once: the list is
    /// sorted and narrowed once for all of it.
    pub fn learn(&mut self, news: impl IntoIterator<Item = ShelfNews>) {
        let mut changed = false;
        for item in news {
            changed |= self.learn_one(item);
        }
        if changed {
            self.reorder();
            self.keep_selection_visible();
        }
    }

    /// Takes in one piece of news; returns whether the list's order may have changed.
    fn learn_one(&mut self, news: ShelfNews) -> bool {
        match news {
            ShelfNews::Listed(found) => {
                self.list(found.iter().map(|f| f.path().to_path_buf()));
                self.take_kept();
                true
            }
            ShelfNews::Read(row, known) => {
                if let Some(r) = self.rows.get_mut(row) {
                    if r.known == Known::Unread {
                        self.read += 1;
                    }
                    r.known = known;
                }
                self.sort != SortKey::File
            }
            ShelfNews::Found { id, row, count } => {
                let Some(search) = self.search.as_mut().filter(|s| s.id == id) else {
                    return false;
                };
                if let Some(slot) = search.counts.get_mut(row) {
                    if slot.is_none() {
                        search.searched += 1;
                    }
                    *slot = Some(count);
                }
                count > 0
            }
            ShelfNews::History {
                queries,
                problem,
                place,
            } => {
                self.history.set(&queries);
                if let Some(problem) = problem {
                    self.note = Some(problem_note(problem, self.lang));
                }
                self.kept = place;
                self.kept_read = true;
                self.take_kept();
                true
            }
            ShelfNews::LetterClosed(queries) => {
                self.history = History::default();
                self.history.set(&queries);
                false
            }
        }
    }

    /// The help pages with the list's keys and the wheel; Esc, `q`, `?` or F1 close it, and
    /// the prompt or the list is there again as it was. Any other key says so.
    fn update_help(&mut self, action: Action) {
        let Some(offset) = self.help else { return };
        let rows = crate::keys::shelf_help_rows(self.lang);
        let rows = super::overlays::help_line_count(&rows, self.ambiguous, self.size);
        match page_help(&action, offset, rows, self.size.1) {
            Paged::At(offset) => self.help = Some(offset),
            Paged::Closed => self.help = None,
            // `/` from the help: the prompt (the one under the help, if it was open).
            Paged::Not if action == Action::OpenSearch => {
                self.help = None;
                if self.prompt.is_none() {
                    self.open_prompt();
                }
            }
            Paged::Not => self.note = Some(Note::new(self.lang.strings().shelf_unbound)),
        }
    }

    fn update_list(&mut self, action: Action) {
        if let Action::Count(digit) = action {
            self.note = Some(super::count_typed(&mut self.count, digit, self.lang));
            return;
        }
        // A count applies to the move that follows it, and only to that one: `3j` three
        // letters down, `12G` (or `12g`) the twelfth letter, as less goes to a line.
        let counted = self.count.take();
        let times = counted.unwrap_or(1).max(1).cast_signed();
        let page = self.page().cast_signed();
        if matches!(
            action,
            Action::Down
                | Action::Up
                | Action::Wheel { .. }
                | Action::PageDown
                | Action::PageUp
                | Action::HalfPageDown
                | Action::HalfPageUp
                | Action::First
                | Action::Last
                | Action::Click { .. }
        ) {
            self.moved = true;
            self.awaited = None;
        }
        match action {
            Action::Down => self.step(times),
            Action::Up => self.step(-times),
            // The wheel moves the list as many rows as it scrolls a pane.
            Action::Wheel { lines, .. } => self.step(lines.try_into().unwrap_or(0)),
            Action::PageDown => self.turn(page * times),
            Action::PageUp => self.turn(-page * times),
            Action::HalfPageDown => self.turn(page / 2 * times),
            Action::HalfPageUp => self.turn(-page / 2 * times),
            Action::First | Action::Last if let Some(n) = counted => {
                let last = self.shown.len().saturating_sub(1);
                self.select_at(n.saturating_sub(1).min(last));
            }
            Action::First => self.select_at(0),
            Action::Last => self.select_at(self.shown.len().saturating_sub(1)),
            Action::Click { y, .. } => self.click(y),
            Action::Activate | Action::Toggle => self.open_selected(),
            Action::CycleSort => {
                self.sort = self.sort.next();
                self.reorder();
            }
            Action::OpenSearch => {
                self.history.start_over();
                self.open_prompt();
            }
            Action::OpenHelp => self.help = Some(0),
            Action::WhereAmI => self.say_where(),
            Action::Escape if self.search.is_some() => {
                self.end_search();
                self.reorder();
            }
            // Said, as the reader says it: a key that does nothing silently reads as broken.
            Action::Escape => self.note = Some(Note::new(self.lang.strings().nothing_to_escape)),
            _ => self.note = Some(Note::new(self.lang.strings().shelf_unbound)),
        }
    }

    /// Opens the search prompt, keeping the search that is on for Esc to give back.
    fn open_prompt(&mut self) {
        self.prompt = Some(ShelfPrompt {
            before: Before {
                search: self.search.clone(),
                selected: self.selected,
                moved: self.moved,
            },
            ..ShelfPrompt::default()
        });
    }

    fn update_prompt(&mut self, action: Action) {
        let Some(prompt) = self.prompt.as_mut() else {
            return;
        };
        self.history.typed(&action);
        let before = prompt.text.clone();
        match edit_line(&mut prompt.text, &mut prompt.caret, &action) {
            Edited::Changed => {}
            Edited::Close => self.cancel_prompt(),
            Edited::Not => match action {
                Action::SearchSubmit => self.submit(),
                Action::SearchCancel | Action::Escape => self.cancel_prompt(),
                // F1: the help over the prompt, which is there again when the help closes.
                Action::OpenHelp => self.help = Some(0),
                Action::SearchHistoryPrev | Action::SearchHistoryNext => {
                    if let Some(query) = self.history.browse(&action, &prompt.text) {
                        prompt.caret = query.chars().count();
                        prompt.text = query;
                    }
                }
                _ => {}
            },
        }
        if let Some(prompt) = self.prompt.as_mut()
            && prompt.text != before
        {
            prompt.edited = true;
            let query = prompt.text.trim().to_string();
            self.search_live(query);
        }
    }

    /// The shelf searched for the query as it stands in the prompt: the list narrows as it is
    /// typed (the search before it stopped), and is whole again while it is empty. Nothing is
    /// remembered until Enter.
    fn search_live(&mut self, query: String) {
        if self.search.as_ref().is_some_and(|s| s.query == query) {
            return;
        }
        if query.is_empty() {
            self.end_search();
        } else {
            self.start_search(query);
            self.moved = false;
        }
        self.reorder();
    }

    /// Esc in the prompt: it closes, and the shelf is as it was when it opened: its search
    /// given back whole (searched again only if it had not finished), or none if none was on,
    /// and the selection on the same letter.
    fn cancel_prompt(&mut self) {
        let Some(prompt) = self.prompt.take() else {
            return;
        };
        if !prompt.edited {
            return;
        }
        let before = prompt.before;
        match before.search {
            Some(search) if search.searched >= self.rows.len() => {
                // The search typed since is stopped; its news are not this one's.
                self.end_search();
                self.search = Some(search);
            }
            Some(search) => {
                self.start_search(search.query);
                // Left on the first row as the list fills, it would stay there.
                self.awaited = before.selected.filter(|_| before.moved);
            }
            None => self.end_search(),
        }
        self.selected = before.selected;
        self.moved = before.moved;
        self.reorder();
    }

    /// Enter in the prompt: the shelf is searched for the query, and narrows to the letters
    /// that hold it as the runner finds them. An empty Enter is, as in the reader, the last
    /// search again: the one on stays; one Esc cleared comes back; without any, the status
    /// row says there is none. A prompt the reader emptied shows the whole shelf, and Enter
    /// keeps it so.
    fn submit(&mut self) {
        let Some(prompt) = self.prompt.take() else {
            return;
        };
        let query = prompt.text.trim().to_string();
        if !query.is_empty() {
            return self.search_for(query);
        }
        // Emptied by the reader, the prompt already shows the whole shelf: Enter keeps it.
        if self.search.is_some() || prompt.edited {
            return;
        }
        let last = (self.last_query.clone()).or_else(|| self.history.newest().map(str::to_string));
        match last {
            Some(query) => self.search_for(query),
            None => self.note = Some(Note::new(self.lang.strings().no_search)),
        }
    }

    /// A search for `query`, remembered: the list begins anew and fills as the runner finds
    /// it, unless the prompt has already searched for it as it was typed.
    fn search_for(&mut self, query: String) {
        self.history.remember(query.clone());
        self.last_query = Some(query.clone());
        self.search_live(query);
    }

    /// The search on, if one is, ended: the runner stops it.
    fn end_search(&mut self) {
        self.awaited = None;
        if self.search.take().is_some() {
            self.effects.push(ShelfEffect::EndSearch);
        }
    }

    /// A search for `query` over the rows there are, asked of the runner.
    fn start_search(&mut self, query: String) {
        self.awaited = None;
        self.searches += 1;
        let id = self.searches;
        self.search = Some(ShelfSearch {
            query: query.clone(),
            id,
            counts: vec![None; self.rows.len()],
            searched: 0,
        });
        self.effects.push(ShelfEffect::Search { query, id });
    }

    /// Says in the status row which file the selected row is, and where in the list, as
    /// less's `=` names the file: the list shows letters by their headers, not their files.
    fn say_where(&mut self) {
        let strings = self.lang.strings();
        let place = self
            .position()
            .and_then(|at| Some((at + 1, self.rows.get(self.selected?)?)));
        self.note = Some(match place {
            // By the name the list knows it by (under the shelf's folder); a row too narrow
            // for it keeps the place in the list and cuts the name's start.
            Some((at, row)) => {
                Note::keeping_end((strings.shelf_where)(&row.name, at, self.shown.len()))
            }
            None => Note::new(strings.shelf_none_selected),
        });
    }

    fn open_selected(&mut self) {
        // Enter on an empty list (a search that found nothing) says so, not nothing.
        let Some(row) = self.selected else {
            self.note = Some(Note::new(self.lang.strings().shelf_none_selected));
            return;
        };
        match self.rows.get(row).map(|r| &r.known) {
            Some(Known::Refused(_)) => self.note = self.rows[row].refusal(self.lang).map(Note::new),
            Some(_) => self.effects.push(ShelfEffect::Open {
                row,
                query: self.search.as_ref().map(|s| s.query.clone()),
            }),
            None => {}
        }
    }

    /// A click on a row selects it; on the selected row, opens it.
    fn click(&mut self, y: u16) {
        let first = 2;
        let Some(at) = y.checked_sub(first).map(usize::from) else {
            return;
        };
        if at >= self.page() {
            return;
        }
        let index = self.offset + at;
        if let Some(&row) = self.shown.get(index) {
            if self.selected == Some(row) {
                self.open_selected();
            } else {
                self.selected = Some(row);
            }
        }
    }

    fn position(&self) -> Option<usize> {
        let selected = self.selected?;
        self.shown.iter().position(|&r| r == selected)
    }

    fn step(&mut self, delta: isize) {
        let at = self.position().unwrap_or(0).cast_signed();
        let last = self.shown.len().saturating_sub(1).cast_signed();
        self.select_at((at + delta).clamp(0, last.max(0)).cast_unsigned());
    }

    /// A page key: the selection moves `delta` rows and the list turns with it.
    fn turn(&mut self, delta: isize) {
        let from = self.position().unwrap_or(0);
        self.step(delta);
        let to = self.position().unwrap_or(0);
        let (rows, len) = (self.page(), self.shown.len());
        self.offset = crate::layout::offset_paged(self.offset, from, to, rows, len);
    }

    fn select_at(&mut self, index: usize) {
        self.selected = self.shown.get(index).copied();
    }

    /// The shown rows, sorted and narrowed again; the selection stays on its letter when it
    /// is still shown, else goes to the first (or to the letter awaited, once it is shown).
    fn reorder(&mut self) {
        let keep = |row: &usize| match &self.search {
            // A letter not searched yet is not shown: the list fills as the search goes.
            Some(search) => search.counts.get(*row).copied().flatten().unwrap_or(0) > 0,
            None => true,
        };
        let mut shown: Vec<usize> = (0..self.rows.len()).filter(keep).collect();
        let rows = &self.rows;
        let sort = self.sort;
        shown.sort_by(|&a, &b| compare(&rows[a], &rows[b], sort).then(a.cmp(&b)));
        self.shown = shown;
        if let Some(row) = self.awaited.filter(|row| self.shown.contains(row)) {
            self.selected = Some(row);
            self.awaited = None;
        } else if self.position().is_none() || (self.search.is_some() && !self.moved) {
            self.selected = self.shown.first().copied();
        }
    }

    /// Takes the order and letter kept from the last run, once the list is there, unless the
    /// reader has already moved, sorted or searched: the shelf opens where it was left.
    fn take_kept(&mut self) {
        if !self.listed {
            return;
        }
        let Some(place) = self.kept.take() else {
            return;
        };
        if self.reader_acted() {
            return;
        }
        self.sort = SortKey::from_id(&place.sort).unwrap_or_default();
        if let Some(row) = (self.rows.iter()).position(|r| place.file.as_ref() == Some(&r.name)) {
            self.selected = Some(row);
        }
    }

    /// Whether the reader has moved, sorted or searched: then the shelf is where they put it,
    /// not where the last run left it.
    fn reader_acted(&self) -> bool {
        self.moved || self.search.is_some() || self.sort != SortKey::default()
    }

    /// What the shelf keeps for the next run: its order and the letter selected; `None`
    /// while the place kept from the last run may still come and the reader has not moved,
    /// so that quitting before a slow store answers does not overwrite it.
    #[must_use]
    pub fn kept_place(&self) -> Option<ShelfPlace> {
        let taken = self.kept_read && self.kept.is_none();
        let row = self.selected.and_then(|row| self.rows.get(row));
        (taken || self.reader_acted()).then(|| ShelfPlace {
            sort: self.sort.id().to_string(),
            file: row.map(|r| r.name.clone()),
        })
    }

    fn keep_selection_visible(&mut self) {
        let at = self.position().unwrap_or(0);
        self.offset = crate::layout::offset_showing(self.offset, at, self.page(), self.shown.len());
    }
}

/// The order of two rows by `key`: letters not read yet, and fields a letter does not give,
/// come last. Dates newest first; issuers by their pinyin, as a Chinese index orders them;
/// document numbers by issuer's pinyin, then year and number by value (〔2024〕9号 before
/// 〔2024〕10号).
fn compare(a: &ShelfRow, b: &ShelfRow, key: SortKey) -> Ordering {
    let date: fn(&Head) -> Option<&str> = |h| h.date.as_deref();
    let issuer: fn(&Head) -> Option<&str> = |h| h.issuer.as_deref();
    let number: fn(&Head) -> Option<&str> = |h| h.doc_number.as_deref();
    let proposal: fn(&Head) -> Option<&str> = |h| h.proposal.as_deref();
    let newest = |a: &str, b: &str| b.cmp(a);
    match key {
        SortKey::File => Ordering::Equal,
        SortKey::Date => given_first(field(a, date), field(b, date), newest),
        SortKey::Issuer => given_first(field(a, issuer), field(b, issuer), collate::chinese)
            .then_with(|| given_first(field(a, date), field(b, date), newest)),
        SortKey::Number => given_first(field(a, number), field(b, number), collate::natural),
        SortKey::Proposal => given_first(field(a, proposal), field(b, proposal), collate::natural),
    }
}

/// A field of a read row.
fn field(row: &ShelfRow, f: fn(&Head) -> Option<&str>) -> Option<&str> {
    match &row.known {
        Known::Read(head) => f(head),
        _ => None,
    }
}

/// Two fields in `order`, a field not given after any given.
fn given_first(
    a: Option<&str>,
    b: Option<&str>,
    order: impl Fn(&str, &str) -> Ordering,
) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) => order(a, b),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the status row's note says.
    fn note_text(app: &ShelfApp) -> Option<&str> {
        app.note().map(|note| note.text.as_str())
    }

    fn head(date: &str, issuer: &str) -> Head {
        Head {
            date: Some(date.into()),
            issuer: Some(issuer.into()),
            ..Head::default()
        }
    }

    /// A shelf of three letters, read: b (2020, 乙), a (2022, 乙), c (undated, 一).
    fn shelf() -> ShelfApp {
        let paths = ["b.yaml", "a.yaml", "c.yaml"].map(PathBuf::from).to_vec();
        let mut app = ShelfApp::new(paths, None, Lang::Zh, AmbiguousWidth::Narrow, (80, 20));
        app.learn([
            ShelfNews::Read(0, Known::Read(head("2020-01-01", "乙"))),
            ShelfNews::Read(1, Known::Read(head("2022-01-01", "乙"))),
            ShelfNews::Read(
                2,
                Known::Read(Head {
                    issuer: Some("一".into()),
                    ..Head::default()
                }),
            ),
        ]);
        app
    }

    /// The store's news of a shelf left sorted by `sort` on `file`.
    fn kept(sort: &str, file: &str) -> ShelfNews {
        ShelfNews::History {
            queries: Vec::new(),
            problem: None,
            place: Some(ShelfPlace {
                sort: sort.into(),
                file: Some(file.into()),
            }),
        }
    }

    #[test]
    fn the_shelf_opens_in_the_order_and_on_the_letter_it_was_left() {
        // The kept place comes after the list…
        let mut app = shelf();
        app.learn([kept("date", "c.yaml")]);
        assert_eq!(app.sort, SortKey::Date);
        assert_eq!(app.selected(), Some(2));
        assert_eq!(
            app.kept_place(),
            Some(ShelfPlace {
                sort: "date".into(),
                file: Some("c.yaml".into())
            })
        );
        // …or before it, while the folder is still listed.
        let mut app = ShelfApp::listing(None, Lang::Zh, AmbiguousWidth::Narrow, (80, 20));
        app.learn([kept("issuer", "a.yaml")]);
        let found: Arc<[Found]> = ["b.yaml", "a.yaml"]
            .map(|p| Found::File(PathBuf::from(p), None))
            .into();
        app.learn([ShelfNews::Listed(found)]);
        assert_eq!((app.sort, app.selected()), (SortKey::Issuer, Some(1)));
    }

    #[test]
    fn nothing_is_kept_before_the_store_has_answered_unless_the_reader_moved() {
        let mut app = shelf();
        assert_eq!(app.kept_place(), None);
        app.update(Action::Down);
        assert_eq!(app.kept_place().and_then(|p| p.file), Some("a.yaml".into()));
        // Listed before the store answers: still nothing until it has.
        let mut app = ShelfApp::listing(None, Lang::Zh, AmbiguousWidth::Narrow, (80, 20));
        app.learn([kept("date", "a.yaml")]);
        assert_eq!(app.kept_place(), None, "not listed: the kept place waits");
        let found: Arc<[Found]> = [Found::File(PathBuf::from("a.yaml"), None)].into();
        app.learn([ShelfNews::Listed(found)]);
        assert_eq!(app.kept_place().map(|p| p.sort), Some("date".into()));
    }

    #[test]
    fn a_kept_place_does_not_move_a_reader_who_moved_first_nor_name_a_letter_gone() {
        let mut app = shelf();
        app.update(Action::Down);
        app.learn([kept("date", "c.yaml")]);
        assert_eq!((app.sort, app.selected()), (SortKey::File, Some(1)));
        // A letter no longer there: the order is kept, the first letter selected.
        let mut app = shelf();
        app.learn([kept("proposal", "gone.yaml")]);
        assert_eq!(app.sort, SortKey::Proposal);
        assert_eq!(app.position(), Some(0));
        // An order this dafu does not know: the file's.
        let mut app = shelf();
        app.learn([kept("colour", "a.yaml")]);
        assert_eq!((app.sort, app.selected()), (SortKey::File, Some(1)));
    }

    /// `query` typed at the shelf's prompt and submitted, as a person does.
    fn submit_search(app: &mut ShelfApp, query: &str) {
        app.update(Action::OpenSearch);
        app.update(Action::SearchInsert(query.into()));
        app.update(Action::SearchSubmit);
    }

    /// The search the shelf asks the runner for.
    fn asked(query: &str, id: u64) -> ShelfEffect {
        ShelfEffect::Search {
            query: query.into(),
            id,
        }
    }

    /// A shelf searched for `rgzn`, found in its second letter alone.
    fn searched_rgzn() -> ShelfApp {
        let mut app = shelf();
        submit_search(&mut app, "rgzn");
        assert_eq!(app.take_effects(), [asked("rgzn", 1)]);
        app.learn([ShelfNews::Found {
            id: 1,
            row: 1,
            count: 2,
        }]);
        app
    }

    fn listed(names: &[&str]) -> ShelfNews {
        let found: Vec<Found> = names
            .iter()
            .map(|n| Found::File(PathBuf::from(n), None))
            .collect();
        ShelfNews::Listed(found.into())
    }

    /// The store's history, `queries`, read with no problem.
    fn stored(queries: &[&str]) -> ShelfNews {
        ShelfNews::History {
            queries: queries.iter().map(ToString::to_string).collect(),
            problem: None,
            place: None,
        }
    }

    /// The prompt's text after `arrows`, each `↑` (the history's previous) or `↓` (next).
    fn recalled(app: &mut ShelfApp, arrows: &str) -> String {
        for arrow in arrows.chars() {
            app.update(match arrow {
                '↑' => Action::SearchHistoryPrev,
                _ => Action::SearchHistoryNext,
            });
        }
        app.prompt().map(|p| p.text.clone()).unwrap_or_default()
    }

    #[test]
    fn up_in_the_prompt_recalls_the_queries_searched_newest_first_with_those_kept_before() {
        let mut app = shelf();
        submit_search(&mut app, "rclf");
        // The store's history comes late: this run's query stays the newest.
        app.learn([stored(&["科技", "银行"])]);
        app.update(Action::OpenSearch);
        app.update(Action::SearchInsert("草".into()));
        assert_eq!(recalled(&mut app, "↑"), "rclf");
        assert_eq!(
            app.prompt().map(|p| p.caret),
            Some(4),
            "the caret at its end"
        );
        assert_eq!(recalled(&mut app, "↑↑"), "科技");
        assert_eq!(recalled(&mut app, "↑"), "科技", "the oldest is the end");
        assert_eq!(recalled(&mut app, "↓↓"), "rclf");
        assert_eq!(recalled(&mut app, "↓"), "草", "what was typed");
        app.update(Action::SearchSubmit);
        assert_eq!(app.history(), ["科技", "银行", "rclf", "草"]);
    }

    #[test]
    fn a_state_store_set_aside_is_said_in_the_status_row() {
        let mut app = shelf();
        app.learn([ShelfNews::History {
            queries: Vec::new(),
            problem: Some(StateProblem::Damaged),
            place: None,
        }]);
        assert_eq!(note_text(&app), Some(Lang::Zh.strings().state_damaged));
    }

    #[test]
    fn a_letter_closed_gives_the_shelf_its_history_in_its_order() {
        let mut app = shelf();
        submit_search(&mut app, "rclf");
        // The letter was given the shelf's history, and searched 科技 after it.
        app.learn([ShelfNews::LetterClosed(vec!["rclf".into(), "科技".into()])]);
        app.update(Action::OpenSearch);
        assert_eq!(recalled(&mut app, "↑"), "科技");
    }

    #[test]
    fn an_empty_enter_with_no_search_yet_runs_the_newest_kept_query() {
        let mut app = shelf();
        app.learn([stored(&["银行"])]);
        submit_search(&mut app, "");
        assert_eq!(app.search().map(|s| s.query.as_str()), Some("银行"));
    }

    #[test]
    fn a_shelf_still_listing_has_no_rows_and_takes_them_with_the_list() {
        let folder = Path::new("/shelf");
        let mut app = ShelfApp::listing(Some(folder), Lang::Zh, AmbiguousWidth::Narrow, (80, 20));
        assert!(!app.listed());
        assert!(app.rows().is_empty() && app.selected().is_none());
        app.update(Action::Down);
        app.learn([listed(&[
            "/shelf/b.yaml",
            "/shelf/sub/a.yaml",
            "/else/c.txt",
        ])]);
        assert!(app.listed());
        let names: Vec<&str> = app.rows().iter().map(|r| r.name.as_str()).collect();
        assert_eq!(
            names,
            ["b.yaml", "sub/a.yaml", "/else/c.txt"],
            "named under the folder"
        );
        assert_eq!(
            app.selected(),
            Some(0),
            "the first row, as a shelf listed at once"
        );
        assert_eq!(app.read(), 0);
    }

    #[test]
    fn a_search_made_while_the_folder_is_listed_is_made_again_over_its_letters() {
        let mut app = ShelfApp::listing(None, Lang::Zh, AmbiguousWidth::Narrow, (80, 20));
        submit_search(&mut app, "rclf");
        let before = app.take_effects();
        assert!(
            matches!(&before[..], [ShelfEffect::Search { query, .. }] if query == "rclf"),
            "{before:?}"
        );
        app.learn([listed(&["a.yaml", "b.yaml"])]);
        let again = app.take_effects();
        let [ShelfEffect::Search { query, id }] = &again[..] else {
            panic!("searched again: {again:?}");
        };
        assert_eq!(query, "rclf");
        let search = app.search().expect("the search is on");
        assert_eq!((search.id, search.counts.len()), (*id, 2));
        // The first search's news (over no letters) is not this one's.
        app.learn([ShelfNews::Found {
            id: *id,
            row: 1,
            count: 3,
        }]);
        assert_eq!(app.shown(), [1]);
        assert_eq!(app.search().map(ShelfSearch::totals), Some((1, 3)));
    }

    #[test]
    fn equals_names_the_selected_letter_s_file_and_its_place_in_the_list() {
        let mut app = shelf();
        app.update(Action::CycleSort);
        app.update(Action::WhereAmI);
        // The selection stays on b.yaml, second by date (a.yaml, of 2022, first): its
        // place in the list as shown, not as read.
        assert_eq!(app.shown(), [1, 0, 2]);
        assert_eq!(note_text(&app), Some("b.yaml　第 2/3 封"));
        let paths = [PathBuf::from("/letters/2022/信\u{1b}[2J.yaml")].to_vec();
        let folder = Some(Path::new("/letters"));
        let mut odd = ShelfApp::new(paths, folder, Lang::En, AmbiguousWidth::Narrow, (80, 20));
        odd.update(Action::WhereAmI);
        assert_eq!(
            note_text(&odd),
            Some("2022/信␛[2J.yaml  letter 1 of 1"),
            "under the shelf's folder, made safe to print"
        );
        // A search that finds nothing leaves no letter selected: `=` says so.
        submit_search(&mut app, "无此词");
        let Some(search) = app.search().map(|s| s.id) else {
            panic!("a search is on");
        };
        for row in 0..3 {
            app.learn([ShelfNews::Found {
                id: search,
                row,
                count: 0,
            }]);
        }
        assert!(app.shown().is_empty() && app.selected().is_none());
        app.update(Action::WhereAmI);
        assert_eq!(note_text(&app), Some("没有选中的答复函"));
    }

    #[test]
    fn clearing_a_search_asks_the_runner_to_stop_it() {
        let mut app = shelf();
        submit_search(&mut app, "rclf");
        assert!(matches!(
            &app.take_effects()[..],
            [ShelfEffect::Search { .. }]
        ));
        app.update(Action::Escape);
        assert!(app.search().is_none());
        let effects = app.take_effects();
        assert!(
            matches!(&effects[..], [ShelfEffect::EndSearch]),
            "{effects:?}"
        );
        // With no search on, Esc has nothing to stop, and says so.
        app.update(Action::Escape);
        assert!(app.take_effects().is_empty());
        assert_eq!(note_text(&app), Some(Lang::Zh.strings().nothing_to_escape));
    }

    #[test]
    fn sorting_by_date_puts_the_newest_first_and_the_undated_last() {
        let mut app = shelf();
        assert_eq!(app.shown(), [0, 1, 2]);
        app.update(Action::CycleSort);
        assert_eq!(app.sort(), SortKey::Date);
        assert_eq!(app.shown(), [1, 0, 2]);
        app.update(Action::CycleSort);
        assert_eq!(app.sort(), SortKey::Issuer);
        assert_eq!(app.shown(), [2, 1, 0], "一 before 乙, newest first within");
    }

    #[test]
    fn issuers_sort_by_pinyin_and_numbers_by_year_then_number() {
        let paths = ["a.yaml", "b.yaml", "c.yaml"].map(PathBuf::from).to_vec();
        let mut app = ShelfApp::new(paths, None, Lang::Zh, AmbiguousWidth::Narrow, (80, 20));
        let letter = |issuer: &str, number: &str| {
            Known::Read(Head {
                issuer: Some(issuer.into()),
                doc_number: Some(number.into()),
                ..Head::default()
            })
        };
        app.learn([
            ShelfNews::Read(0, letter("常州市交通运输局", "常交函〔2015〕10号")),
            ShelfNews::Read(1, letter("白银市自然资源局", "常交函〔2015〕9号")),
            ShelfNews::Read(2, letter("阿坝州林业局", "常交函〔2014〕12号")),
        ]);
        app.update(Action::CycleSort);
        app.update(Action::CycleSort);
        assert_eq!(app.sort(), SortKey::Issuer);
        assert_eq!(app.shown(), [2, 1, 0], "a, bai, chang: not by code point");
        app.update(Action::CycleSort);
        assert_eq!(app.sort(), SortKey::Number);
        assert_eq!(app.shown(), [2, 1, 0], "2014 first, then 9 before 10");
    }

    #[test]
    fn a_count_before_a_move_repeats_it_and_before_g_goes_to_that_letter() {
        let paths = (0..40)
            .map(|i| PathBuf::from(format!("{i:02}.yaml")))
            .collect();
        let mut app = ShelfApp::new(paths, None, Lang::Zh, AmbiguousWidth::Narrow, (80, 20));
        app.update(Action::Count(3));
        assert!(
            app.note().is_some_and(|n| n.text.ends_with('3')),
            "the count is shown"
        );
        app.update(Action::Down);
        assert_eq!(app.position(), Some(3));
        // Only the next move: `j` again goes one.
        app.update(Action::Down);
        assert_eq!(app.position(), Some(4));
        app.update(Action::Count(1));
        app.update(Action::Count(2));
        app.update(Action::Last);
        assert_eq!(app.position(), Some(11), "12G: the twelfth letter");
        app.update(Action::Count(9));
        app.update(Action::Count(9));
        app.update(Action::First);
        assert_eq!(app.position(), Some(39), "past the end: the last");
        app.update(Action::Count(2));
        app.update(Action::Up);
        assert_eq!(app.position(), Some(37));
    }

    #[test]
    fn proposals_sort_by_their_numbers_value_and_the_sort_comes_round_to_the_files() {
        let paths = ["a.yaml", "b.yaml", "c.yaml", "d.yaml"]
            .map(PathBuf::from)
            .to_vec();
        let mut app = ShelfApp::new(paths, None, Lang::Zh, AmbiguousWidth::Narrow, (80, 20));
        let letter = |proposal: Option<&str>| {
            Known::Read(Head {
                proposal: proposal.map(Into::into),
                ..Head::default()
            })
        };
        app.learn([
            ShelfNews::Read(0, letter(Some("125"))),
            ShelfNews::Read(1, letter(None)),
            ShelfNews::Read(2, letter(Some("016"))),
            ShelfNews::Read(3, letter(Some("24"))),
        ]);
        for _ in 0..4 {
            app.update(Action::CycleSort);
        }
        assert_eq!(app.sort(), SortKey::Proposal);
        assert_eq!(app.shown(), [2, 3, 0, 1], "016, 24, 125, then none");
        app.update(Action::CycleSort);
        assert_eq!(app.sort(), SortKey::File);
        assert_eq!(app.shown(), [0, 1, 2, 3]);
    }

    #[test]
    fn the_selection_stays_on_its_letter_when_the_order_changes() {
        let mut app = shelf();
        app.update(Action::Down);
        assert_eq!(app.selected(), Some(1));
        app.update(Action::CycleSort);
        assert_eq!(app.selected(), Some(1), "the same letter, now first");
    }

    #[test]
    fn a_search_narrows_the_list_as_counts_come_and_enter_opens_with_the_query() {
        let mut app = shelf();
        submit_search(&mut app, "rgzn");
        let effects = app.take_effects();
        assert_eq!(
            effects,
            [ShelfEffect::Search {
                query: "rgzn".into(),
                id: 1
            }]
        );
        assert!(app.shown().is_empty(), "nothing shown before it is found");
        app.learn([
            ShelfNews::Found {
                id: 1,
                row: 2,
                count: 3,
            },
            ShelfNews::Found {
                id: 1,
                row: 0,
                count: 0,
            },
        ]);
        assert_eq!(app.shown(), [2]);
        // News of an earlier search is not this one's.
        app.learn([ShelfNews::Found {
            id: 0,
            row: 1,
            count: 5,
        }]);
        assert_eq!(app.shown(), [2]);
        app.update(Action::Activate);
        assert_eq!(
            app.take_effects(),
            [ShelfEffect::Open {
                row: 2,
                query: Some("rgzn".into())
            }]
        );
        app.update(Action::Escape);
        assert_eq!(app.shown(), [0, 1, 2], "Esc clears the search");
    }

    /// The shelf is searched as the query is typed, as the reader's letter is: each change
    /// asks for a search (the runner stops the one before), an emptied prompt shows the whole
    /// shelf, Esc gives back the search that was on, and only Enter remembers a query.
    #[test]
    fn the_shelf_narrows_as_the_query_is_typed_and_esc_gives_back_the_search_before() {
        let mut app = searched_rgzn();
        assert_eq!(app.shown(), [1]);
        app.update(Action::OpenSearch);
        assert_eq!(
            app.take_effects(),
            [],
            "opening the prompt searches nothing"
        );
        assert_eq!(app.shown(), [1]);
        app.update(Action::SearchInsert("科".into()));
        app.update(Action::SearchInsert("技".into()));
        assert_eq!(app.take_effects(), [asked("科", 2), asked("科技", 3)]);
        assert_eq!(app.search().map(|s| s.query.as_str()), Some("科技"));
        assert!(app.shown().is_empty(), "nothing shown before it is found");
        app.learn([ShelfNews::Found {
            id: 3,
            row: 2,
            count: 1,
        }]);
        assert_eq!(app.shown(), [2]);
        // Emptied, the prompt shows the whole shelf.
        app.update(Action::SearchBackspace);
        app.update(Action::SearchBackspace);
        assert_eq!(app.take_effects(), [asked("科", 4), ShelfEffect::EndSearch]);
        assert_eq!(app.shown(), [0, 1, 2]);
        // Esc: the search on when the prompt opened, searched again (it had not finished).
        app.update(Action::SearchInsert("x".into()));
        app.update(Action::SearchCancel);
        assert_eq!(app.prompt(), None);
        assert_eq!(app.take_effects(), [asked("x", 5), asked("rgzn", 6)]);
        assert_eq!(app.history(), ["rgzn"], "only Enter remembers a query");
        // Finished, it is given back as it was, on the letter the reader had selected.
        app.learn((0..3).map(|row| ShelfNews::Found {
            id: 6,
            row,
            count: row,
        }));
        assert_eq!(app.shown(), [1, 2]);
        app.update(Action::Down);
        assert_eq!(app.selected(), Some(2));
        app.update(Action::OpenSearch);
        app.update(Action::SearchInsert("y".into()));
        assert!(app.shown().is_empty());
        app.update(Action::SearchCancel);
        assert_eq!(app.take_effects(), [asked("y", 7), ShelfEffect::EndSearch]);
        assert_eq!(app.shown(), [1, 2], "no search again");
        assert_eq!(app.selected(), Some(2), "the same letter");
        // Emptied by the reader, the prompt shows the whole shelf, and Enter keeps it.
        app.update(Action::OpenSearch);
        app.update(Action::SearchInsert("y".into()));
        app.update(Action::SearchBackspace);
        app.update(Action::SearchSubmit);
        assert_eq!(app.take_effects(), [asked("y", 8), ShelfEffect::EndSearch]);
        assert_eq!(app.shown(), [0, 1, 2]);
        // Enter on what the prompt already searched for asks for nothing more.
        app.update(Action::OpenSearch);
        app.update(Action::SearchInsert("科".into()));
        app.update(Action::SearchSubmit);
        assert_eq!(app.take_effects(), [asked("科", 9)]);
        assert_eq!(app.history(), ["rgzn", "科"]);
    }

    /// Esc over a search that had not finished searches it again: the letter the reader had
    /// moved to is selected again once the search finds it, not left on the first row; a
    /// move while it is awaited is the reader's, and stays.
    #[test]
    fn esc_over_an_unfinished_search_selects_the_letter_again_once_found() {
        let found = |id, row| ShelfNews::Found { id, row, count: 1 };
        let mut app = shelf();
        submit_search(&mut app, "rgzn");
        app.learn([found(1, 0), found(1, 2)]);
        app.update(Action::Down);
        assert_eq!((app.shown(), app.selected()), (&[0, 2][..], Some(2)));
        let escaped = |app: &mut ShelfApp| {
            app.update(Action::OpenSearch);
            app.update(Action::SearchInsert("x".into()));
            app.update(Action::SearchCancel);
        };
        escaped(&mut app);
        assert_eq!(app.take_effects()[1..], [asked("x", 2), asked("rgzn", 3)]);
        app.learn([found(3, 0)]);
        assert_eq!(app.selected(), Some(0), "the only letter found yet");
        app.learn([found(3, 2)]);
        assert_eq!(app.selected(), Some(2), "the letter selected before");
        // Searched again, and the reader moves before their letter is found.
        escaped(&mut app);
        app.learn([found(5, 0)]);
        app.update(Action::First);
        app.learn([found(5, 2)]);
        assert_eq!(app.selected(), Some(0), "where the reader moved");
    }

    /// Enter on a list a search left empty says that no letter is selected, rather than
    /// nothing, while the status row offers Enter to open one.
    #[test]
    fn enter_on_an_empty_list_says_no_letter_is_selected() {
        let mut app = shelf();
        submit_search(&mut app, "zzzz");
        app.learn((0..3).map(|row| ShelfNews::Found {
            id: 1,
            row,
            count: 0,
        }));
        assert!(app.shown().is_empty());
        app.take_effects();
        app.update(Action::Activate);
        assert_eq!(app.take_effects(), []);
        assert_eq!(
            note_text(&app),
            Some(app.lang.strings().shelf_none_selected)
        );
    }

    /// The help says of Enter in the prompt "empty: the last search again", on the shelf as
    /// in the reader.
    #[test]
    fn an_empty_enter_is_the_last_search_again() {
        let mut app = shelf();
        app.update(Action::OpenSearch);
        app.update(Action::SearchSubmit);
        assert_eq!(app.take_effects(), []);
        assert_eq!(
            note_text(&app),
            Some(app.lang.strings().no_search),
            "none yet"
        );
        assert_eq!(app.shown(), [0, 1, 2]);

        let mut app = searched_rgzn();
        // With the search on, it stays as it is.
        app.update(Action::OpenSearch);
        app.update(Action::SearchSubmit);
        assert_eq!(app.take_effects(), []);
        assert_eq!(app.shown(), [1]);
        // Cleared by Esc (and stopped), it comes back.
        app.update(Action::Escape);
        assert_eq!(app.shown(), [0, 1, 2]);
        assert_eq!(app.take_effects(), [ShelfEffect::EndSearch]);
        app.update(Action::OpenSearch);
        app.update(Action::SearchSubmit);
        assert_eq!(app.take_effects(), [asked("rgzn", 2)]);
        assert!(app.shown().is_empty(), "the list begins anew");
    }

    #[test]
    fn a_refused_letter_says_why_under_its_shown_name_instead_of_opening() {
        let folder = PathBuf::from("/letters");
        let path = folder.join("2021").join("b.yaml");
        let mut app = ShelfApp::new(
            vec![path.clone()],
            Some(&folder),
            Lang::Zh,
            AmbiguousWidth::Narrow,
            (60, 20),
        );
        let error = LoadError {
            file: path.display().to_string(),
            position: Some((3, 1)),
            message: "bad".into(),
        };
        app.learn([ShelfNews::Read(0, Known::Refused(error))]);
        app.update(Action::Activate);
        assert!(app.take_effects().is_empty());
        assert_eq!(note_text(&app), Some("2021/b.yaml:3:1: bad"));
    }
}
