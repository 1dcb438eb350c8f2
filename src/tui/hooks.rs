//! Hooks for the pseudo-terminal tests, compiled only with the `test-hooks` feature: the test
//! suite turns it on (Cargo.toml lists dafu as its own dev-dependency with it), and a build
//! for use (`cargo build --release`, `cargo install`) never has it, so none of this is in it.
//!
//! - `DAFU_TEST_PANIC=draw`: the reader panics at the frame after the first event, so that the
//!   tests can see the panic hook give the terminal back.
//! - `DAFU_TEST_INDEX_GATE=FIFO`: the thread that builds the search index waits until the test
//!   opens FIFO (a named pipe it made) for writing; `DAFU_TEST_READ_GATE=FIFO`: a large letter
//!   is read only then, its note on the screen meanwhile. A gate the test opens once it has
//!   done what must come first, where a delay would only make the race unlikely.

/// Panics if the test asked for it (`DAFU_TEST_PANIC=draw`) and an event has come.
#[cfg(feature = "test-hooks")]
pub fn panic_if_asked(events: usize) {
    let asked = std::env::var_os("DAFU_TEST_PANIC").is_some_and(|v| v == "draw");
    assert!(
        !(asked && events > 0),
        "DAFU_TEST_PANIC: a panic in the reader, as asked"
    );
}

/// See the feature's version: without it, nothing.
#[cfg(not(feature = "test-hooks"))]
pub fn panic_if_asked(_events: usize) {}

/// Waits at the gate the test names in `variable` (`DAFU_TEST_INDEX_GATE`,
/// `DAFU_TEST_READ_GATE`) until it opens it, if it holds one closed: opening a named pipe for
/// reading returns once the other end is opened for writing.
#[cfg(feature = "test-hooks")]
pub fn wait_at(variable: &str) {
    if let Some(fifo) = std::env::var_os(variable) {
        let _ = std::fs::File::open(fifo);
    }
}

/// See the feature's version: without it, nothing.
#[cfg(not(feature = "test-hooks"))]
pub fn wait_at(_variable: &str) {}
