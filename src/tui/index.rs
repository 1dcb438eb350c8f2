//! The search index, built on a worker thread after the first frame, so that the reader
//! opens without waiting for it; the runner hands it to the app when it is ready.
//!
//! A test-only delay: in a debug build (`cfg(debug_assertions)`, as `cargo test` builds the
//! binary), `DAFU_TEST_INDEX_DELAY=MS` makes the worker wait that many milliseconds before it
//! builds, so that the pseudo-terminal tests can type before the index is ready for certain
//! rather than by a race. Release builds do not contain the check.

use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::time::Duration;

use crate::action::BuiltIndex;
use crate::app::App;
use crate::search::letter::ReaderIndex;

/// The worker building the index, until its index is taken.
pub struct IndexWorker {
    receiver: Option<Receiver<ReaderIndex>>,
}

impl IndexWorker {
    /// Starts building the index of `app`'s letter, with its outline labels in `app`'s
    /// language. The letter is shared with the worker, not copied.
    ///
    /// # Errors
    /// When no thread can be started.
    pub fn start(app: &App) -> std::io::Result<Self> {
        let (tree, lang) = (app.shared_tree(), app.lang());
        let delay = test_delay();
        let (send, receive) = mpsc::channel();
        std::thread::Builder::new()
            .name("index".into())
            .spawn(move || {
                if let Some(delay) = delay {
                    std::thread::sleep(delay);
                }
                // The reader may have ended meanwhile: nobody to hand it to is no failure.
                let _ = send.send(ReaderIndex::build(&tree, lang));
            })?;
        Ok(Self {
            receiver: Some(receive),
        })
    }

    /// Builds the index of `app`'s letter on this thread, for when no worker can be started:
    /// the reader then waits for it once, after its first frame, rather than not at all.
    #[must_use]
    pub fn built_here(app: &App) -> Self {
        let (send, receive) = mpsc::channel();
        // The receiver is held right here, so the send cannot fail.
        let _ = send.send(ReaderIndex::build(&app.shared_tree(), app.lang()));
        Self {
            receiver: Some(receive),
        }
    }

    /// Whether the index is still being built.
    #[must_use]
    pub fn pending(&self) -> bool {
        self.receiver.is_some()
    }

    /// The index, if it is ready and not taken yet.
    ///
    /// # Panics
    /// If the worker panicked while building (the panic is carried on here, where the
    /// runner's hook gives the terminal back).
    pub fn take(&mut self) -> Option<BuiltIndex> {
        let receiver = self.receiver.as_ref()?;
        match receiver.try_recv() {
            Ok(index) => {
                self.receiver = None;
                Some(BuiltIndex(Arc::new(index)))
            }
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => {
                self.receiver = None;
                panic!("the search index could not be built");
            }
        }
    }
}

/// The test-only delay (see the module's documentation).
fn test_delay() -> Option<Duration> {
    if !cfg!(debug_assertions) {
        return None;
    }
    let ms = std::env::var("DAFU_TEST_INDEX_DELAY").ok()?.parse().ok()?;
    Some(Duration::from_millis(ms))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::action::Action;
    use crate::letter::{load, tree::LetterTree};
    use crate::strings::Lang;
    use crate::text::width::AmbiguousWidth;

    #[test]
    fn an_index_built_here_is_ready_at_once_and_answers_the_query_that_waited() {
        let tree = LetterTree::new(load::embedded());
        let mut app = App::new(tree, Lang::Zh, AmbiguousWidth::Narrow, (120, 36));
        app.update(Action::IndexComing);
        app.update(Action::OpenSearch);
        app.update(Action::SearchInsert("rgzn".into()));
        assert!(app.search().waiting());
        let mut worker = IndexWorker::built_here(&app);
        let built = worker.take().expect("ready at once");
        assert!(!worker.pending());
        app.update(Action::IndexReady(built));
        assert!(!app.search().waiting());
        assert!(!app.search().matches.is_empty());
    }
}
