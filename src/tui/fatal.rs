//! The signals that mean a bug — ABRT, FPE, ILL, SEGV, BUS, TRAP, SYS — give the terminal back
//! and then end the reader as they would have: by the signal itself, with its usual status
//! (and a core dump where the system keeps them).
//!
//! signal-hook will not take SEGV, ILL or FPE (a handler that returns from a real fault runs
//! the faulting instruction again), and a handler of our own would need `unsafe` code. So
//! they are *blocked* in every thread of the reader (the mask is set before any thread
//! starts, and threads inherit it) and read from a signalfd by a thread of their own, which
//! restores the terminal, puts the signal's default action back and raises it on itself.
//! A signal sent to the reader (`kill -SEGV`) waits in the fd for that thread; a real fault
//! is delivered by the kernel whatever the mask says and ends the process at once: there is
//! nothing safe code can do then, and safe Rust does not fault.

use std::io;

use nix::sys::signal::{SigSet, Signal};
use nix::sys::signalfd::SignalFd;

use super::lifecycle;

/// The signals that mean a bug.
pub const FATAL: [Signal; 7] = [
    Signal::SIGABRT,
    Signal::SIGFPE,
    Signal::SIGILL,
    Signal::SIGSEGV,
    Signal::SIGBUS,
    Signal::SIGTRAP,
    Signal::SIGSYS,
];

/// Blocks the [`FATAL`] signals in this thread (and so in every thread it starts from now on)
/// and starts the thread that reads them. Call before any other thread is started.
///
/// # Errors
/// When the mask cannot be set, the signalfd made or the thread started.
pub fn spawn_fatal_signal_thread() -> io::Result<()> {
    let mut set = SigSet::empty();
    for signal in FATAL {
        set.add(signal);
    }
    set.thread_block().map_err(io::Error::from)?;
    let fd = SignalFd::new(&set).map_err(io::Error::from)?;
    std::thread::Builder::new()
        .name("fatal signals".into())
        .spawn(move || {
            loop {
                match fd.read_signal() {
                    Ok(Some(info)) => {
                        let signal = i32::try_from(info.ssi_signo).unwrap_or(libc_sigabrt());
                        end_by(signal);
                    }
                    Ok(None) => {}
                    // Interrupted by another signal: read again. Anything else: give up
                    // reading, and leave the signals to wait (they end nothing then).
                    Err(nix::errno::Errno::EINTR) => {}
                    Err(_) => return,
                }
            }
        })?;
    Ok(())
}

/// SIGABRT's number, for a signal number that does not fit (it always does).
fn libc_sigabrt() -> i32 {
    Signal::SIGABRT as i32
}

/// Gives the terminal back and ends the process by `signal`, with its default action. The
/// lock is held to the end, as for the other signals (`signals.rs`): a frame drawn between
/// the giving back and the end would hide the cursor again, on the shell's screen.
fn end_by(signal: i32) -> ! {
    let lock = lifecycle::lock();
    lifecycle::give_back(&lock);
    // Resets the action to the default, unblocks the signal in this thread and raises it
    // here: the process ends as `signal` ends it.
    let _ = signal_hook::low_level::emulate_default_handler(signal);
    // Only if that failed: end as the shell would report it.
    std::process::exit(128 + signal)
}
