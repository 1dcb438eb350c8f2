//! Hooks for the pseudo-terminal tests, compiled only with the `test-hooks` feature: the test
//! suite turns it on (Cargo.toml lists dafu as its own dev-dependency with it), and a build
//! for use (`cargo build --release`, `cargo install`) never has it, so none of this is in it.
//!
//! - `DAFU_TEST_PANIC=draw`: the reader panics at the frame after the first event, so that the
//!   tests can see the panic hook give the terminal back.
//! - `DAFU_TEST_INDEX_GATE=FIFO`: the thread that builds the search index waits until the test
//!   opens FIFO (a named pipe it made) and closes it again; `DAFU_TEST_READ_GATE=FIFO`: a large
//!   letter is read only then, its note on the screen meanwhile; `DAFU_TEST_FRAME_GATE=FIFO`:
//!   the frame after the first event waits there, holding the terminal lock, before it reads
//!   the terminal's size (so that a test can resize or signal the reader in the middle of a
//!   frame). A gate the test opens once it has done what must come first, where a delay would
//!   only make the race unlikely. The test knows the reader has come to a gate when its open
//!   for writing returns, and lets it through when it closes the pipe.

#[cfg(feature = "test-hooks")]
use std::sync::atomic::{AtomicU8, Ordering};

/// Where the frame gate stands: not yet armed (no event yet), armed (the next frame waits),
/// passed (it waited once; it never waits again).
#[cfg(feature = "test-hooks")]
static FRAME_GATE: AtomicU8 = AtomicU8::new(0);

/// Before each frame of the reader: panics if the test asked for it (`DAFU_TEST_PANIC=draw`)
/// and an event has come; once one has, arms the frame gate ([`in_frame`]).
#[cfg(feature = "test-hooks")]
pub fn before_frame(events: usize) {
    let asked = std::env::var_os("DAFU_TEST_PANIC").is_some_and(|v| v == "draw");
    assert!(
        !(asked && events > 0),
        "DAFU_TEST_PANIC: a panic in the reader, as asked"
    );
    if events > 0 {
        let _ = FRAME_GATE.compare_exchange(0, 1, Ordering::SeqCst, Ordering::SeqCst);
    }
}

/// See the feature's version: without it, nothing.
#[cfg(not(feature = "test-hooks"))]
pub fn before_frame(_events: usize) {}

/// In a frame, under the terminal lock: the first frame after an event waits at
/// `DAFU_TEST_FRAME_GATE`, if the test holds one.
#[cfg(feature = "test-hooks")]
pub fn in_frame() {
    if FRAME_GATE
        .compare_exchange(1, 2, Ordering::SeqCst, Ordering::SeqCst)
        .is_ok()
    {
        wait_at("DAFU_TEST_FRAME_GATE");
    }
}

/// See the feature's version: without it, nothing.
#[cfg(not(feature = "test-hooks"))]
pub fn in_frame() {}

/// Waits at the gate the test names in `variable` (`DAFU_TEST_INDEX_GATE`,
/// `DAFU_TEST_READ_GATE`, `DAFU_TEST_FRAME_GATE`) until it opens it, if it holds one closed:
/// opening a named pipe for reading returns once the test has opened it for writing (so the
/// test knows the reader is here), and reading it ends once the test has closed it.
#[cfg(feature = "test-hooks")]
pub fn wait_at(variable: &str) {
    use std::io::Read as _;
    if let Some(fifo) = std::env::var_os(variable) {
        let _ = std::fs::File::open(fifo).and_then(|mut pipe| pipe.read_to_end(&mut Vec::new()));
    }
}

/// See the feature's version: without it, nothing.
#[cfg(not(feature = "test-hooks"))]
pub fn wait_at(_variable: &str) {}
