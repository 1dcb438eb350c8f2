//! Keeping the place between runs, the runner's half (the app's half is
//! [`crate::app::place`], the file's is [`crate::state`]).
//!
//! The state is read on a thread of its own, started before the terminal is probed, so that a
//! slow disk never holds back the first frame: the runner waits for it only briefly, and takes
//! it later if it comes late. After every action the runner publishes what is to be kept; it
//! is written when the reader ends, after the terminal is given back, by quitting or by a
//! signal (the signal thread calls [`save_latest`] before it exits), and for a letter opened
//! from the shelf when it is closed. What the reader was given ([`state::Base`]) goes with it,
//! so that the save adds this run's changes to what other readers saved meanwhile. The shelf
//! keeps the history alone ([`HistoryKeeper`]), which it shares with the letters it opens.

use std::io;
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver};
use std::sync::{Mutex, PoisonError};
use std::time::Duration;

use crate::app::App;
use crate::app::history::History;
use crate::kept::{Restore, ShelfPlace, ShelfRestore};
use crate::letter::tree::LetterTree;
use crate::state;

/// Where the state is kept, and whether to use it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keeping {
    /// The store (see [`state::path`]); `None` keeps nothing.
    pub path: Option<PathBuf>,
    /// `--fresh`: do not read the store; start at the top, with no marks and no history from
    /// earlier runs. Nothing kept is erased: what this run keeps joins it.
    pub fresh: bool,
}

/// What the runner will save when the reader ends (or a letter opened from the shelf closes).
struct Snapshot {
    path: PathBuf,
    kept: Kept,
}

/// What a snapshot keeps: a letter's place and the history, or the shelf's place and the
/// history.
enum Kept {
    Letter(state::Change),
    Shelf {
        /// The shelf's key ([`state::shelf_key`]).
        key: String,
        /// Its order and letter, once there is something to keep.
        place: Option<ShelfPlace>,
        /// The history the shelf was given.
        base: Vec<String>,
        /// The history now.
        history: Vec<String>,
    },
}

/// The latest [`Snapshot`], published after every action.
static LATEST: Mutex<Option<Snapshot>> = Mutex::new(None);

/// The runner's link to the state file for one letter.
pub struct Keeper {
    path: Option<PathBuf>,
    key: String,
    /// The state being read, until it is taken.
    loading: Option<Receiver<Restore>>,
    /// What the reader was given.
    base: state::Base,
}

impl Keeper {
    /// Starts reading the state for `tree` (unless `keeping` says not to).
    #[must_use]
    pub fn start(keeping: Keeping, tree: &LetterTree) -> Self {
        let key = state::letter_key(tree);
        let loading = keeping.to_read().and_then(|path| {
            let (send, receive) = mpsc::channel();
            let key = key.clone();
            read_on_a_thread(move || {
                let _ = send.send(state::load(&path, &key));
            })
            .then_some(receive)
        });
        Self {
            path: keeping.path,
            key,
            loading,
            base: state::Base::default(),
        }
    }

    /// Whether the store is still being read.
    #[must_use]
    pub fn pending(&self) -> bool {
        self.loading.is_some()
    }

    /// What was kept, if the store has been read within `wait`; `None` if it has not (ask
    /// again later), was not asked for, or was taken already. Once the reader has `moved`,
    /// the kept place would pull it away: only the history is given.
    pub fn take(&mut self, wait: Duration, moved: bool) -> Option<Restore> {
        let receiver = self.loading.as_ref()?;
        match receiver.recv_timeout(wait) {
            Ok(mut restore) => {
                self.loading = None;
                if moved {
                    restore.place = None;
                }
                self.base = state::Base {
                    marks: restore
                        .place
                        .as_ref()
                        .map(|place| place.marks.clone())
                        .unwrap_or_default(),
                    history: restore.history.clone(),
                };
                Some(restore)
            }
            Err(mpsc::RecvTimeoutError::Timeout) => None,
            Err(mpsc::RecvTimeoutError::Disconnected) => {
                self.loading = None;
                None
            }
        }
    }

    /// Records what to keep of `app` now, for [`save_latest`].
    pub fn publish(&self, app: &App) {
        let Some(path) = &self.path else { return };
        publish(Snapshot {
            path: path.clone(),
            kept: Kept::Letter(state::Change {
                key: self.key.clone(),
                place: app.kept_place(),
                history: app.search().history().to_vec(),
                base: self.base.clone(),
            }),
        });
    }
}

/// Makes `snapshot` the one [`save_latest`] writes.
fn publish(snapshot: Snapshot) {
    *LATEST.lock().unwrap_or_else(PoisonError::into_inner) = Some(snapshot);
}

/// The shelf's link to the state file: its order and letter, and the history it shares with
/// the letters.
pub struct HistoryKeeper {
    path: Option<PathBuf>,
    /// The shelf's key ([`state::shelf_key`]).
    key: String,
    /// The place last published, not published again until it changes.
    published: Option<(Option<ShelfPlace>, Vec<String>)>,
    /// The history as the store holds it, as far as the shelf knows: what it was given, and
    /// what the last letter closed saved. A save adds what was searched since.
    base: Vec<String>,
}

impl HistoryKeeper {
    /// Starts reading what is kept of the shelf opened on `paths` and the history (unless
    /// `keeping` says not to), given to `deliver` on a thread of its own when it is read,
    /// with why the store was set aside if it was: a slow disk never holds back the shelf.
    #[must_use]
    pub fn start(
        keeping: Keeping,
        paths: &[PathBuf],
        deliver: impl FnOnce(ShelfRestore) + Send + 'static,
    ) -> Self {
        let key = state::shelf_key(paths);
        if let Some(path) = keeping.to_read() {
            let key = key.clone();
            read_on_a_thread(move || deliver(state::load_shelf(&path, &key)));
        }
        Self {
            path: keeping.path,
            key,
            published: None,
            base: Vec::new(),
        }
    }

    /// The store's history, read at the start, has come. After a letter saved the history,
    /// what it read is older than what the letter saved: merged as the shelf's history merges
    /// them.
    pub fn read(&mut self, history: &[String]) {
        let mut merged = History::default();
        merged.set(&self.base);
        merged.set(history);
        self.base = merged.entries().to_vec();
    }

    /// A letter opened from the shelf was closed with `history`, and saved it (`saved`).
    pub fn letter_closed(&mut self, history: &[String], saved: bool) {
        if saved {
            self.base = history.to_vec();
        }
    }

    /// What of the shelf's `history` was searched since the store's was known: what a letter
    /// opened now is given as its own, newest, and saves when it closes.
    #[must_use]
    pub fn unsaved(&self, history: &[String]) -> Vec<String> {
        crate::state::merge::new_queries(&self.base, history).to_vec()
    }

    /// Records the shelf's place and history now, for [`save_latest`]; nothing when they
    /// are as last recorded (this is called after every action).
    pub fn publish(&mut self, place: Option<ShelfPlace>, history: &[String]) {
        let Some(path) = &self.path else { return };
        // Compared before anything is copied: most calls find nothing changed.
        if (self.published.as_ref()).is_some_and(|(p, h)| *p == place && h == history) {
            return;
        }
        self.published = Some((place.clone(), history.to_vec()));
        let history = history.to_vec();
        publish(Snapshot {
            path: path.clone(),
            kept: Kept::Shelf {
                key: self.key.clone(),
                place,
                base: self.base.clone(),
                history,
            },
        });
    }

    /// Records the shelf's place and history again, whether or not they changed: a letter
    /// closed meanwhile took the snapshot's place.
    pub fn publish_again(&mut self, place: Option<ShelfPlace>, history: &[String]) {
        self.published = None;
        self.publish(place, history);
    }
}

/// Runs `read` on a thread of its own, named for the state; whether it could be started.
fn read_on_a_thread(read: impl FnOnce() + Send + 'static) -> bool {
    std::thread::Builder::new()
        .name("state".into())
        .spawn(read)
        .is_ok()
}

impl Keeping {
    /// The store to read at the start, unless there is none or `--fresh` says not to.
    fn to_read(&self) -> Option<PathBuf> {
        self.path.clone().filter(|_| !self.fresh)
    }
}

/// Writes the latest published place to the store (once: it is taken).
///
/// # Errors
/// When the store cannot be written.
pub fn save_latest() -> io::Result<()> {
    let snapshot = LATEST.lock().unwrap_or_else(PoisonError::into_inner).take();
    match snapshot {
        Some(Snapshot {
            path,
            kept: Kept::Letter(change),
        }) => state::save(&path, &change),
        Some(Snapshot {
            path,
            kept:
                Kept::Shelf {
                    key,
                    place,
                    base,
                    history,
                },
        }) => state::save_shelf(&path, &key, place.as_ref(), &base, &history),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn queries(list: &[&str]) -> Vec<String> {
        list.iter().map(ToString::to_string).collect()
    }

    fn keeper() -> HistoryKeeper {
        HistoryKeeper::start(
            Keeping {
                path: None,
                fresh: true,
            },
            &[],
            |_| {},
        )
    }

    #[test]
    fn what_the_shelf_searched_since_the_store_was_read_is_the_letters_own() {
        let mut keeper = keeper();
        keeper.read(&queries(&["旧"]));
        assert_eq!(keeper.unsaved(&queries(&["旧", "rclf"])), ["rclf"]);
    }

    #[test]
    fn the_stores_history_read_late_does_not_undo_what_a_letter_saved() {
        let mut keeper = keeper();
        // Before the store's history came, a letter was opened, searched 科技, and saved.
        keeper.letter_closed(&queries(&["rclf", "科技"]), true);
        keeper.read(&queries(&["旧"]));
        assert_eq!(keeper.unsaved(&queries(&["旧", "rclf", "科技"])), [""; 0]);
        assert_eq!(
            keeper.unsaved(&queries(&["旧", "rclf", "科技", "新"])),
            ["新"]
        );
    }

    #[test]
    fn a_letter_that_could_not_save_leaves_its_queries_unsaved() {
        let mut keeper = keeper();
        keeper.read(&queries(&["旧"]));
        keeper.letter_closed(&queries(&["旧", "科技"]), false);
        assert_eq!(keeper.unsaved(&queries(&["旧", "科技"])), ["科技"]);
    }
}
