//! One piece of work done on a thread of its own after the first frame (the search index, the
//! rest of a large letter), taken by the runner's loop once it is done.
//!
//! A test-only delay: in a debug build (`cfg(debug_assertions)`, as `cargo test` builds the
//! binary), the environment variable a worker is started with (`DAFU_TEST_INDEX_DELAY`,
//! `DAFU_TEST_REST_DELAY`) set to a number of milliseconds makes it wait that long before it
//! starts, so that the pseudo-terminal tests can act before the work is done for certain
//! rather than by a race. Release builds do not contain the check.

use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::time::Duration;

/// The work being done, until what it made is taken.
pub struct Worker<T> {
    receiver: Option<Receiver<T>>,
    /// What the work is, for the panic that reports a worker that died.
    what: &'static str,
}

impl<T: Send + 'static> Worker<T> {
    /// Starts `work` on a thread named `what`, after the test-only delay that `delay_variable`
    /// asks for (see the module's documentation).
    ///
    /// # Errors
    /// When no thread can be started.
    pub fn start(
        what: &'static str,
        delay_variable: &str,
        work: impl FnOnce() -> T + Send + 'static,
    ) -> std::io::Result<Self> {
        let delay = test_delay(delay_variable);
        let (send, receive) = mpsc::channel();
        std::thread::Builder::new()
            .name(what.into())
            .spawn(move || {
                if let Some(delay) = delay {
                    std::thread::sleep(delay);
                }
                // The reader may have ended meanwhile: nobody to hand it to is no failure.
                let _ = send.send(work());
            })?;
        Ok(Self {
            receiver: Some(receive),
            what,
        })
    }

    /// Work done already (on the caller's thread), ready to be taken.
    #[must_use]
    pub fn done(what: &'static str, made: T) -> Self {
        let (send, receive) = mpsc::channel();
        // The receiver is held right here, so the send cannot fail.
        let _ = send.send(made);
        Self {
            receiver: Some(receive),
            what,
        }
    }

    /// Whether the work is still being done.
    #[must_use]
    pub fn pending(&self) -> bool {
        self.receiver.is_some()
    }

    /// What the work made, if it is done and not taken yet.
    ///
    /// # Panics
    /// If the worker panicked (the panic is carried on here, where the runner's hook gives
    /// the terminal back).
    pub fn take(&mut self) -> Option<T> {
        let receiver = self.receiver.as_ref()?;
        match receiver.try_recv() {
            Ok(made) => {
                self.receiver = None;
                Some(made)
            }
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => {
                self.receiver = None;
                panic!("the worker making {} died", self.what);
            }
        }
    }
}

/// The test-only delay `variable` asks for (see the module's documentation).
fn test_delay(variable: &str) -> Option<Duration> {
    if !cfg!(debug_assertions) {
        return None;
    }
    let ms = std::env::var(variable).ok()?.parse().ok()?;
    Some(Duration::from_millis(ms))
}
