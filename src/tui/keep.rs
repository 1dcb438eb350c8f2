//! Keeping the place between runs, the runner's half (the app's half is
//! [`crate::app::place`], the file's is [`crate::state`]).
//!
//! The state file is read on a thread of its own, started before the terminal is probed, so
//! that a slow disk never holds back the first frame: the runner waits for it only briefly,
//! and takes it later if it comes late. After every action the runner publishes what is to be
//! kept; it is written when the reader ends, by quitting or by a signal (the signal thread
//! calls [`save_latest`] before it exits).

use std::io;
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver};
use std::sync::{Mutex, PoisonError};
use std::time::Duration;

use crate::app::App;
use crate::kept::{Place, Restore};
use crate::letter::tree::LetterTree;
use crate::state;

/// Where the state is kept, and whether to use it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keeping {
    /// The state file (see [`state::path`]); `None` keeps nothing.
    pub path: Option<PathBuf>,
    /// `--fresh`: do not read the state file; start at the top, with no marks and no history
    /// from earlier runs. The place this run ends at is still kept, for the next one.
    pub fresh: bool,
}

/// What the runner will save when the reader ends.
struct Snapshot {
    path: PathBuf,
    key: String,
    place: Place,
    history: Vec<String>,
}

/// The latest [`Snapshot`], published after every action.
static LATEST: Mutex<Option<Snapshot>> = Mutex::new(None);

/// The runner's link to the state file for one letter.
pub struct Keeper {
    path: Option<PathBuf>,
    key: String,
    /// The state file being read, until it is taken.
    loading: Option<Receiver<Restore>>,
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
                        let _ = send.send(state::load(&path).restore_for(&key));
                    });
                spawned.ok().map(|_| receive)
            }
            _ => None,
        };
        Self {
            path: keeping.path,
            key,
            loading,
        }
    }

    /// A keeper for a letter not read to its end yet, whose key is not known: it reads and
    /// keeps nothing until [`Keeper::start`] takes its place, once the letter is read.
    #[must_use]
    pub fn waiting() -> Self {
        Self {
            path: None,
            key: String::new(),
            loading: None,
        }
    }

    /// What was kept, if the state file has been read within `wait`; `None` if it has not
    /// (ask again later), was not asked for, or was taken already.
    pub fn take(&mut self, wait: Duration) -> Option<Restore> {
        let receiver = self.loading.as_ref()?;
        match receiver.recv_timeout(wait) {
            Ok(restore) => {
                self.loading = None;
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
        let snapshot = Snapshot {
            path: path.clone(),
            key: self.key.clone(),
            place: app.kept_place(),
            history: app.search().history().to_vec(),
        };
        *LATEST.lock().unwrap_or_else(PoisonError::into_inner) = Some(snapshot);
    }
}

/// Writes the latest published place to the state file (once: it is taken).
///
/// # Errors
/// When the state file cannot be written.
pub fn save_latest() -> io::Result<()> {
    let snapshot = LATEST.lock().unwrap_or_else(PoisonError::into_inner).take();
    match snapshot {
        Some(s) => state::save(&s.path, &s.key, s.place, s.history),
        None => Ok(()),
    }
}
