//! The rest of a large letter, read and checked on other threads while the reader shows its
//! start ([`crate::letter::load::preview`]); the runner hands the whole letter to the app
//! when it is ready, or ends the reader with the error that refuses it.
//!
//! A test-only delay: in a debug build (`cfg(debug_assertions)`, as `cargo test` builds the
//! binary), `DAFU_TEST_REST_DELAY=MS` makes the worker wait that many milliseconds before it
//! hands the letter over, so that the pseudo-terminal tests can act on the start for certain
//! rather than by a race. Release builds do not contain the check.

use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::time::Duration;

use crate::action::WholeLetter;
use crate::letter::load::LoadError;
use crate::letter::tree::LetterTree;

/// The worker reading the whole letter, until what it read is taken.
pub struct RestWorker {
    receiver: Option<Receiver<Result<LetterTree, LoadError>>>,
}

impl RestWorker {
    /// Starts `read` (reading and checking the whole letter) on a thread of its own.
    ///
    /// # Errors
    /// When no thread can be started.
    pub fn start(
        read: impl FnOnce() -> Result<LetterTree, LoadError> + Send + 'static,
    ) -> std::io::Result<Self> {
        let delay = test_delay();
        let (send, receive) = mpsc::channel();
        std::thread::Builder::new()
            .name("rest".into())
            .spawn(move || {
                let read = read();
                if let Some(delay) = delay {
                    std::thread::sleep(delay);
                }
                // The reader may have ended meanwhile: nobody to hand it to is no failure.
                let _ = send.send(read);
            })?;
        Ok(Self {
            receiver: Some(receive),
        })
    }

    /// Whether the letter is still being read.
    #[must_use]
    pub fn pending(&self) -> bool {
        self.receiver.is_some()
    }

    /// The whole letter, or why it was refused, if it is read and not taken yet.
    ///
    /// # Panics
    /// If the worker panicked while reading (the panic is carried on here, where the
    /// runner's hook gives the terminal back).
    pub fn take(&mut self) -> Option<Result<WholeLetter, LoadError>> {
        let receiver = self.receiver.as_ref()?;
        match receiver.try_recv() {
            Ok(read) => {
                self.receiver = None;
                Some(read.map(|tree| WholeLetter(Arc::new(tree))))
            }
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => {
                self.receiver = None;
                panic!("the letter could not be read to its end");
            }
        }
    }
}

/// The test-only delay (see the module's documentation).
fn test_delay() -> Option<Duration> {
    if !cfg!(debug_assertions) {
        return None;
    }
    let ms = std::env::var("DAFU_TEST_REST_DELAY").ok()?.parse().ok()?;
    Some(Duration::from_millis(ms))
}
