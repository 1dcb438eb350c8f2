//! The rest of a large letter, read and checked on other threads while the reader shows its
//! start ([`crate::letter::load::preview`]); the runner hands the whole letter to the app
//! when it is ready, or ends the reader with the error that refuses it.
//!
//! In a debug build, `DAFU_TEST_REST_DELAY=MS` holds the worker back that many milliseconds
//! (see [`super::worker`]), so that the pseudo-terminal tests can act on the start for certain.

use std::sync::Arc;

use super::worker::Worker;
use crate::action::WholeLetter;
use crate::letter::load::LoadError;
use crate::letter::tree::LetterTree;

/// The worker reading the whole letter, until what it read is taken.
pub struct RestWorker(Worker<Result<LetterTree, LoadError>>);

impl RestWorker {
    /// Starts `read` (reading and checking the whole letter) on a thread of its own.
    ///
    /// # Errors
    /// When no thread can be started.
    pub fn start(
        read: impl FnOnce() -> Result<LetterTree, LoadError> + Send + 'static,
    ) -> std::io::Result<Self> {
        Worker::start("rest", "DAFU_TEST_REST_DELAY", read).map(Self)
    }

    /// Whether the letter is still being read.
    #[must_use]
    pub fn pending(&self) -> bool {
        self.0.pending()
    }

    /// The whole letter, or why it was refused, if it is read and not taken yet.
    ///
    /// # Panics
    /// If the worker panicked while reading (see [`Worker::take`]).
    pub fn take(&mut self) -> Option<Result<WholeLetter, LoadError>> {
        self.0
            .take()
            .map(|read| read.map(|tree| WholeLetter(Arc::new(tree))))
    }
}
