//! The search index, built on a thread of its own after the first frame, so that the reader
//! opens without waiting for it; the runner hands it to the app when it is ready.
//!
//! A test can hold the thread at a gate ([`super::hooks`]), so as to type before the index is
//! ready.

use std::thread::JoinHandle;

use crate::app::App;
use crate::search::letter::ReaderIndex;

/// The index being built, until it is taken.
pub enum IndexWorker {
    /// Being built on its thread.
    Building(JoinHandle<ReaderIndex>),
    /// Built, not taken yet.
    Built(Box<ReaderIndex>),
    /// Taken.
    Taken,
}

impl IndexWorker {
    /// Starts building the index of `app`'s letter, with its outline labels in `app`'s
    /// language. The letter is shared with the thread, not copied.
    ///
    /// # Errors
    /// When no thread can be started.
    pub fn start(app: &App) -> std::io::Result<Self> {
        let (tree, lang) = (app.shared_tree(), app.lang());
        std::thread::Builder::new()
            .name("index".into())
            .spawn(move || {
                super::hooks::wait_at("DAFU_TEST_INDEX_GATE");
                ReaderIndex::build(&tree, lang)
            })
            .map(Self::Building)
    }

    /// Builds the index of `app`'s letter on this thread, for when no thread can be started:
    /// the reader then waits for it once, after its first frame, rather than not at all.
    #[must_use]
    pub fn built_here(app: &App) -> Self {
        Self::Built(Box::new(ReaderIndex::build(&app.shared_tree(), app.lang())))
    }

    /// Whether the index is still being built.
    #[must_use]
    pub fn pending(&self) -> bool {
        matches!(self, Self::Building(handle) if !handle.is_finished())
    }

    /// The index, if it is ready and not taken yet.
    ///
    /// # Panics
    /// If the thread panicked while building (the panic is carried on here, where the
    /// runner's hook gives the terminal back).
    pub fn take(&mut self) -> Option<ReaderIndex> {
        if self.pending() {
            return None;
        }
        match std::mem::replace(self, Self::Taken) {
            Self::Building(handle) => Some(
                handle
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
            ),
            Self::Built(index) => Some(*index),
            Self::Taken => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::action::{Action, Message};
    use crate::letter::{load, tree::LetterTree};
    use crate::strings::Lang;
    use crate::text::width::AmbiguousWidth;

    #[test]
    fn an_index_built_here_is_ready_at_once_and_answers_the_query_that_waited() {
        let tree = LetterTree::new(load::embedded());
        let mut app = App::new(tree, Lang::Zh, AmbiguousWidth::Narrow, (120, 36));
        app.update(Message::IndexComing);
        app.update(Action::OpenSearch);
        app.update(Action::SearchInsert("rgzn".into()));
        assert!(app.search().waiting());
        let mut worker = IndexWorker::built_here(&app);
        let built = worker.take().expect("ready at once");
        assert!(!worker.pending());
        assert!(worker.take().is_none(), "taken once");
        app.update(Message::IndexReady(Box::new(built)));
        assert!(!app.search().waiting());
        assert!(!app.search().matches.is_empty());
    }
}
