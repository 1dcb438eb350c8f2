//! The one way a test waits: [`until`] looks again and again at something it can observe (the
//! screen, a child's exit, a thread's result) until it holds.
//!
//! It is a hang guard, not a speed assert. A condition that never comes (a broken build, a
//! reader that hangs) fails its test after [`HANG_GUARD`], with what was last seen, instead of
//! holding CI forever; a working build meets every condition long before, however loaded the
//! machine. No test says how soon something must happen: what is timed is in the benches
//! (`cargo bench --bench budgets`) or in the opt-in `#[ignore]`d `timing_…` tests.
//! `tests/architecture.rs` holds this: this file is the only one of `tests/` that reads the
//! clock outside a `timing_…` function.

#![allow(dead_code, reason = "each test crate uses a different subset")]

use std::sync::mpsc::{self, TryRecvError};
use std::time::{Duration, Instant};

/// How long [`until`] waits before it calls a test hung: minutes, far beyond anything a test
/// does on the slowest machine, so that reaching it means "never", not "slow".
pub const HANG_GUARD: Duration = Duration::from_secs(300);

/// How often [`until`] looks again.
const POLL: Duration = Duration::from_millis(5);

/// Waits until `look` returns `Ok`, and returns what it returned. `look` says in its `Err`
/// what it saw instead (the screen, stderr); after [`HANG_GUARD`] the test fails with `what`
/// it waited for and the last thing `look` saw.
#[track_caller]
pub fn until<T>(what: &str, mut look: impl FnMut() -> Result<T, String>) -> T {
    let start = Instant::now();
    loop {
        let seen = match look() {
            Ok(value) => return value,
            Err(seen) => seen,
        };
        assert!(
            start.elapsed() < HANG_GUARD,
            "hung: waited {HANG_GUARD:?} for {what}; last seen:\n{seen}"
        );
        std::thread::sleep(POLL);
    }
}

/// Runs `work` on a thread of its own and returns its result, waiting for it under the hang
/// guard ([`until`]). A thread that hangs is left behind: it ends with the test process.
#[track_caller]
pub fn on_a_thread<T: Send + 'static>(what: &str, work: impl FnOnce() -> T + Send + 'static) -> T {
    let (done, result) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = done.send(work());
    });
    until(what, || match result.try_recv() {
        Ok(value) => Ok(Some(value)),
        Err(TryRecvError::Empty) => Err("still working".to_string()),
        Err(TryRecvError::Disconnected) => Ok(None),
    })
    .unwrap_or_else(|| panic!("{what}: the thread panicked"))
}

/// Runs each of `tests` in turn and fails at the first that takes `limit` or longer: the time
/// limit of the opt-in `#[ignore]`d `timing_…` tests, kept here with the other clock reading.
#[track_caller]
pub fn timing_each_under(limit: Duration, tests: &[(&str, fn())]) {
    for (what, test) in tests {
        let started = Instant::now();
        test();
        let took = started.elapsed();
        assert!(took < limit, "{what}: {took:?}, over {limit:?}");
    }
}
