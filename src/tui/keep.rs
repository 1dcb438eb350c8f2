//! Keeping the place between runs, the runner's half (the app's half is
//! [`crate::app::place`], the file's is [`crate::state`]).
//!
//! The state is read on a thread of its own, started before the terminal is probed, so that a
//! slow disk never holds back the first frame: the runner waits for it only briefly, and takes
//! it later if it comes late. After every action the runner publishes what is to be kept; it
//! is written when the reader ends, after the terminal is given back, by quitting or by a
//! signal (the signal thread calls [`save_latest`] before it exits). What the reader was
//! given ([`state::Base`]) goes with it, so that the save adds this run's changes to what
//! other readers saved meanwhile.

use std::io;
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver};
use std::sync::{Mutex, PoisonError};
use std::time::Duration;

use crate::app::App;
use crate::kept::Restore;
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

/// What the runner will save when the reader ends.
struct Snapshot {
    path: PathBuf,
    kept: Kept,
}

/// What a snapshot keeps: a letter's place and the history, or, on the shelf, the history.
enum Kept {
    Letter(state::Change),
    History {
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
        let loading = match &keeping.path {
            Some(path) if !keeping.fresh => {
                let (send, receive) = mpsc::channel();
                let (path, key) = (path.clone(), key.clone());
                let spawned = std::thread::Builder::new()
                    .name("state".into())
                    .spawn(move || {
                        let _ = send.send(state::load(&path, &key));
                    });
                spawned.ok().map(|_| receive)
            }
            _ => None,
        };
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

/// The shelf's link to the state file: the history it shares with the letters.
pub struct HistoryKeeper {
    path: Option<PathBuf>,
    /// The history the shelf was given, or last saved.
    base: Vec<String>,
}

impl HistoryKeeper {
    /// Starts reading the history (unless `keeping` says not to), given to `deliver` on a
    /// thread of its own when it is read: a slow disk never holds back the shelf.
    #[must_use]
    pub fn start(keeping: Keeping, deliver: impl FnOnce(Vec<String>) + Send + 'static) -> Self {
        if let Some(path) = keeping.path.clone().filter(|_| !keeping.fresh) {
            let _ = std::thread::Builder::new()
                .name("state".into())
                .spawn(move || deliver(state::load_history(&path).history));
        }
        Self {
            path: keeping.path,
            base: Vec::new(),
        }
    }

    /// The history the shelf now holds came from the store (or was just saved there by a
    /// letter closed): a save adds only what is searched after it.
    pub fn given(&mut self, history: &[String]) {
        self.base = history.to_vec();
    }

    /// Records the shelf's history now, for [`save_latest`].
    pub fn publish(&self, history: &[String]) {
        let Some(path) = &self.path else { return };
        publish(Snapshot {
            path: path.clone(),
            kept: Kept::History {
                base: self.base.clone(),
                history: history.to_vec(),
            },
        });
    }

    /// Writes the shelf's history now (before a letter is opened, which reads it there).
    pub fn save(&mut self, history: &[String]) {
        self.publish(history);
        if save_latest().is_ok() {
            self.given(history);
        }
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
            kept: Kept::History { base, history },
        }) => state::save_history(&path, &base, &history),
        None => Ok(()),
    }
}
