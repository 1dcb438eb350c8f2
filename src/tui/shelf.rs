//! The shelf's runner (`dafu DIR`, `dafu a.yaml b.txt …`): the list of letters on the
//! screen at once, filled as the letters are read on the other threads; a search of the
//! shelf on the other threads too; a letter opened in the reader and, when it is closed,
//! the shelf again at the same row.
//!
//! The first screen waits for no letter, nor for the folder's list: it is up at once, the
//! list comes when the folder is walked, on the reading thread, and each row fills in as its
//! letter comes (from the cache when it did not change), with a progress note.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::time::{Duration, Instant};

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, Event, KeyCode, KeyEvent, KeyModifiers};

use super::{
    Closed, Ended, Probed, Settings, TICK, draw, keep, letter_loop, lifecycle, new_app,
    probe_terminal, replies, with_terminal,
};
use crate::action::{Action, Message};
use crate::app::App;
use crate::app::shelf::{Known, ShelfApp, ShelfEffect, ShelfNews};
use crate::keymap::shelf_action_for;
use crate::shelf::walk::{self, Found};
use crate::shelf::{Options, cache, find, summaries_each};

/// How often the loop looks for letters read while some are still coming.
const NEWS_TICK: Duration = Duration::from_millis(20);

/// Runs the shelf of the letters named by `paths` until the user quits.
///
/// # Errors
/// When the terminal cannot be set up or read.
pub fn run(paths: &[PathBuf], settings: Settings) -> Result<(), Ended> {
    with_terminal(|terminal| shelf_loop(terminal, paths, settings))
}

/// What the shelf's runner holds besides the app.
struct Runner {
    /// The walk's list, shared with the threads that read it (not copied for each).
    found: Arc<[Found]>,
    settings: Settings,
    probed: Probed,
    /// News from the threads reading and searching the shelf.
    news: Receiver<ShelfNews>,
    send: mpsc::Sender<ShelfNews>,
    /// Set to stop the search running, if one is.
    search_stop: Option<Arc<AtomicBool>>,
    /// How many search threads are running: the shelf's reading gives way to them.
    searching: Arc<AtomicUsize>,
    /// The search history, which the shelf shares with its letters.
    history: keep::HistoryKeeper,
}

fn shelf_loop(
    terminal: &mut DefaultTerminal,
    paths: &[PathBuf],
    settings: Settings,
) -> Result<(), Ended> {
    let probed = probe_terminal(settings.ambiguous, settings.palette);
    let folder = match paths {
        [one] if walk::is_folder(one) => Some(one.as_path()),
        _ => None,
    };
    let size = terminal.size()?;
    let mut app = ShelfApp::listing(
        folder,
        settings.lang,
        probed.ambiguous,
        (size.width, size.height),
    );
    let mut runner = Runner::new(settings, probed, paths);
    runner.start(terminal, &mut app, paths)?;
    let mut repaint = false;
    let mut typed = std::mem::take(&mut runner.probed.typed);
    let mut replies = replies::Replies::default();
    while !app.should_quit() {
        let waiting = runner.take_news(&mut app);
        for effect in app.take_effects() {
            match effect {
                ShelfEffect::Suspend => {
                    lifecycle::suspend(&lifecycle::lock())?;
                    repaint = true;
                }
                ShelfEffect::Search { query, id } => {
                    // Kept if the shelf is left by a signal too.
                    runner.history.publish(app.kept_place(), app.history());
                    runner.search_in_background(query, id);
                }
                ShelfEffect::EndSearch => runner.stop_search(),
                ShelfEffect::Repaint => repaint = true,
                ShelfEffect::Open { row, query } => {
                    match runner.open(terminal, &mut app, row, query)? {
                        Closed::Quit => repaint = true,
                        Closed::Interrupted | Closed::Gone => return Ok(()),
                    }
                }
            }
        }
        repaint |= lifecycle::take_repaint();
        draw(terminal, &mut app, runner.probed.palette, repaint)?;
        repaint = false;
        replay(&mut app, std::mem::take(&mut typed));
        if app.should_quit() {
            break;
        }
        let mut tick = if waiting { NEWS_TICK } else { TICK };
        if let Some(deadline) = replies.deadline() {
            tick = tick.min(deadline.saturating_duration_since(Instant::now()));
        }
        match event::poll(tick) {
            Ok(true) => {
                let Ok(event) = event::read() else {
                    return Ok(());
                };
                replies.feed(event, Instant::now());
            }
            Ok(false) => replies.expire(Instant::now()),
            Err(_) => return Ok(()),
        }
        // What was typed, not the terminal's late answers (see `replies`).
        while let Some(event) = replies.next_event() {
            repaint |= matches!(event, Event::Resize(..));
            if let Some(action) = shelf_action_for(&app, &event) {
                app.update(action);
            }
        }
        // Kept if the shelf is quit, or left by a signal: its order and letter.
        runner.history.publish(app.kept_place(), app.history());
    }
    Ok(())
}

/// Keys typed while the terminal was asked are the reader's: taken after the first frame.
fn replay(app: &mut ShelfApp, typed: Vec<char>) {
    for c in typed {
        let key = Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
        if let Some(action) = shelf_action_for(app, &key) {
            app.update(action);
        }
    }
}

impl Runner {
    /// The runner of a shelf of `paths` started with `settings` on a terminal that said
    /// `probed`; what is kept of it, and the history, start being read.
    fn new(settings: Settings, probed: Probed, paths: &[PathBuf]) -> Self {
        let (send, news) = mpsc::channel();
        let history = {
            let send = send.clone();
            keep::HistoryKeeper::start(settings.keeping.clone(), paths, move |restore| {
                let _ = send.send(ShelfNews::History {
                    queries: restore.history,
                    problem: restore.problem,
                    place: restore.place,
                });
            })
        };
        Self {
            found: Arc::new([]),
            settings,
            probed,
            news,
            send,
            search_stop: None,
            searching: Arc::new(AtomicUsize::new(0)),
            history,
        }
    }

    /// How the shelf is read: through the cache, until `stop` is set, waiting while
    /// `give_way` counts a search running.
    fn options(stop: Option<Arc<AtomicBool>>, give_way: Option<Arc<AtomicUsize>>) -> Options {
        Options {
            cache: cache::default_path(),
            stop,
            give_way,
        }
    }

    /// Draws the first screen, then lists `paths` and reads the letters on the other
    /// threads: the walk of ten thousand files, and their rows from the cache, would each
    /// put it off.
    fn start(
        &self,
        terminal: &mut DefaultTerminal,
        app: &mut ShelfApp,
        paths: &[PathBuf],
    ) -> Result<(), Ended> {
        draw(terminal, app, self.probed.palette, false)?;
        self.read_in_background(paths);
        Ok(())
    }

    /// Lists `paths`, then reads every letter's row on the other threads, each sent as it
    /// comes.
    fn read_in_background(&self, paths: &[PathBuf]) {
        // The shelf keeps the list without the folders the walk holds open: it is searched
        // again for as long as the reader stays, and a folder renamed or replaced meanwhile
        // is then looked up by path, as the letters are read. This first reading keeps them.
        let list = |paths: &[PathBuf], send: &mpsc::Sender<ShelfNews>| {
            let found = walk::letter_files(paths);
            let kept: Arc<[Found]> = found.iter().map(Found::without_folder).collect();
            let _ = send.send(ShelfNews::Listed(kept));
            found
        };
        let (given, send) = (paths.to_vec(), self.send.clone());
        let searching = Arc::clone(&self.searching);
        let spawned = std::thread::Builder::new()
            .name("shelf".into())
            .spawn(move || {
                summaries_each(
                    || list(&given, &send),
                    &Self::options(None, Some(searching)),
                    |_, letter| letter.map_or_else(Known::Refused, |s| Known::Read(s.head)),
                    |i, known| {
                        let _ = send.send(ShelfNews::Read(i, known));
                    },
                );
            });
        // Without a thread the list is made here, its rows stay files, and each still opens
        // when asked.
        if spawned.is_err() {
            list(paths, &self.send);
        }
    }

    /// Searches every letter for `query` on the other threads, each count sent as it comes.
    /// The search before it, if it is still running, is stopped: its counts would be thrown
    /// away, and on a shelf not yet in the cache it would take the cores from this one for
    /// seconds.
    fn search_in_background(&mut self, query: String, id: u64) {
        self.stop_search();
        // Nothing listed yet: nothing to search, and no thread to start for it.
        if self.found.is_empty() {
            return;
        }
        let stop = Arc::new(AtomicBool::new(false));
        self.search_stop = Some(Arc::clone(&stop));
        let (found, send) = (Arc::clone(&self.found), self.send.clone());
        let running = Running::new(&self.searching);
        let _ = std::thread::Builder::new()
            .name("shelf-search".into())
            .spawn(move || {
                let _running = running;
                find::search_each(
                    || &found[..],
                    &Self::options(Some(stop), None),
                    &find::Query::new(&query),
                    |_, letter| letter.map(|searched| searched.hits.len()),
                    |row, count| {
                        // A letter the search could not read is refused on the shelf now,
                        // not when the shelf's reading, which waits for the search, comes
                        // to it: the search's title counts it as not searched.
                        let count = count.unwrap_or_else(|error| {
                            let _ = send.send(ShelfNews::Read(row, Known::Refused(error)));
                            0
                        });
                        let _ = send.send(ShelfNews::Found { id, row, count });
                    },
                );
            });
    }

    /// Stops the search running, if one is: the reader has cleared it or typed another.
    fn stop_search(&mut self) {
        if let Some(stop) = self.search_stop.take() {
            stop.store(true, Ordering::Relaxed);
        }
    }

    /// Takes what the threads sent since the last frame; returns whether more may come.
    fn take_news(&mut self, app: &mut ShelfApp) -> bool {
        let mut news = Vec::new();
        let open = loop {
            match self.news.try_recv() {
                Ok(item) => {
                    match &item {
                        // The list the searches and the letters opened are taken from.
                        ShelfNews::Listed(found) => self.found = Arc::clone(found),
                        ShelfNews::History { queries, .. } => self.history.read(queries),
                        _ => {}
                    }
                    news.push(item);
                }
                Err(TryRecvError::Empty) => break true,
                Err(TryRecvError::Disconnected) => break false,
            }
        };
        app.learn(news);
        let searching = app.search().is_some_and(|s| s.searched < app.rows().len());
        open && (!app.listed() || app.read() < app.rows().len() || searching)
    }

    /// Opens letter `row` in the reader, at the first match of `query`; comes back when it
    /// is closed.
    fn open(
        &mut self,
        terminal: &mut DefaultTerminal,
        shelf: &mut ShelfApp,
        row: usize,
        query: Option<String>,
    ) -> Result<Closed, Ended> {
        let Some(path) = shelf.rows().get(row).map(|r| r.path.clone()) else {
            return Ok(Closed::Quit);
        };
        let lang = self.settings.lang;
        let tree = match crate::shelf::read_letter(&path, lang) {
            Ok(tree) => tree,
            Err(error) => {
                // Changed since it was listed: the row says why now.
                shelf.learn([ShelfNews::Read(row, Known::Refused(error))]);
                return Ok(Closed::Quit);
            }
        };
        let mut keeper = keep::Keeper::start(self.settings.keeping.clone(), &tree);
        let probed = Probed {
            typed: Vec::new(),
            ..self.probed
        };
        // What the shelf searched since the store's history was known is the letter's own,
        // newest: saved with its place when it closes (or by a signal meanwhile).
        let searched = self.history.unsaved(shelf.history());
        let mut app = new_app(terminal, tree, lang, &probed, &mut keeper, searched)?;
        app.update(Message::OnShelf);
        let moved = open_at_match(&mut app, query);
        let closed = letter_loop(terminal, &mut app, keeper, self.probed.palette, moved);
        // Each letter keeps its own place, written as it is closed; what it searched is the
        // shelf's history too.
        let history = app.search().history().to_vec();
        self.history
            .letter_closed(&history, keep::save_latest().is_ok());
        shelf.learn([ShelfNews::LetterClosed(history)]);
        self.history
            .publish_again(shelf.kept_place(), shelf.history());
        closed
    }
}

/// A search thread counted as running for as long as it is held (dropped when the thread
/// ends, or with the closure of a thread that could not start).
struct Running(Arc<AtomicUsize>);

impl Running {
    fn new(searching: &Arc<AtomicUsize>) -> Self {
        searching.fetch_add(1, Ordering::Relaxed);
        Self(Arc::clone(searching))
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::Relaxed);
    }
}

/// Runs `query` in a letter just opened, as if typed: the reader goes to its first match,
/// with `n`/`N` for the next. Returns how many moves that was (none without a query).
fn open_at_match(app: &mut App, query: Option<String>) -> usize {
    let Some(query) = query else { return 0 };
    // From the letter's start, as less's `+/word` is: the place it kept (its last reading,
    // perhaps past the first match) would have the search begin there.
    for action in [
        Action::First,
        Action::OpenSearch,
        Action::SearchInsert(query),
        Action::SearchSubmit,
    ] {
        app.update(action);
    }
    1
}

/// Whether `paths` make a shelf rather than one letter: a folder, or several files.
#[must_use]
pub fn is_shelf(paths: &[PathBuf]) -> bool {
    paths.len() > 1 || paths.first().is_some_and(|p| walk::is_folder(Path::new(p)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kept::{Place, Restore, Spot};
    use crate::letter::{load, tree::LetterTree};
    use crate::strings::Lang;
    use crate::text::width::AmbiguousWidth;

    /// A letter opened from a searched shelf is at its first match even when the place it
    /// kept, read in time, is past it (the search would begin there).
    #[test]
    fn a_letter_opened_with_a_query_is_at_its_first_match_not_after_its_kept_place() {
        let tree = LetterTree::new(load::embedded());
        let block = tree.blocks.len() / 2;
        let node = tree.blocks[block].node;
        let mut app = App::new(tree, Lang::Zh, AmbiguousWidth::Narrow, (100, 30));
        let place = Place {
            at: Some(Spot {
                node,
                block,
                byte: 0,
            }),
            ..Place::default()
        };
        app.update(Message::Restore(Box::new(Restore {
            place: Some(place),
            ..Restore::default()
        })));
        assert_eq!(open_at_match(&mut app, Some("rgzn".into())), 1);
        assert_eq!(app.search().current, Some(0));
    }
}
