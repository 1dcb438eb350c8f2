//! The search index, built on a worker thread after the first frame, so that the reader
//! opens without waiting for it; the runner hands it to the app when it is ready.
//!
//! In a debug build, `DAFU_TEST_INDEX_DELAY=MS` holds the worker back that many milliseconds
//! (see [`super::worker`]).

use std::sync::Arc;

use super::worker::Worker;
use crate::action::BuiltIndex;
use crate::app::App;
use crate::search::letter::ReaderIndex;

/// What the worker is called, and the panic says.
const WHAT: &str = "index";

/// The worker building the index, until its index is taken.
pub struct IndexWorker(Worker<ReaderIndex>);

impl IndexWorker {
    /// Starts building the index of `app`'s letter, with its outline labels in `app`'s
    /// language. The letter is shared with the worker, not copied.
    ///
    /// # Errors
    /// When no thread can be started.
    pub fn start(app: &App) -> std::io::Result<Self> {
        let (tree, lang) = (app.shared_tree(), app.lang());
        Worker::start(WHAT, "DAFU_TEST_INDEX_DELAY", move || {
            ReaderIndex::build(&tree, lang)
        })
        .map(Self)
    }

    /// Builds the index of `app`'s letter on this thread, for when no worker can be started:
    /// the reader then waits for it once, after its first frame, rather than not at all.
    #[must_use]
    pub fn built_here(app: &App) -> Self {
        Self(Worker::done(
            WHAT,
            ReaderIndex::build(&app.shared_tree(), app.lang()),
        ))
    }

    /// Whether the index is still being built.
    #[must_use]
    pub fn pending(&self) -> bool {
        self.0.pending()
    }

    /// The index, if it is ready and not taken yet.
    ///
    /// # Panics
    /// If the worker panicked while building (see [`Worker::take`]).
    pub fn take(&mut self) -> Option<BuiltIndex> {
        self.0.take().map(|index| BuiltIndex(Arc::new(index)))
    }
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
