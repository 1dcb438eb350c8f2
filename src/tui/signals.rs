//! Signals and a vanishing terminal, handled on threads of their own so that they act even
//! while the main thread is busy or waiting for a key.
//!
//! Both threads change the terminal only under [`lifecycle::lock`], which the main thread
//! holds while it draws: a signal never writes into the middle of a frame.

use std::io;

use signal_hook::consts::{
    SIGALRM, SIGCONT, SIGHUP, SIGINT, SIGIO, SIGPIPE, SIGPROF, SIGQUIT, SIGTERM, SIGTSTP, SIGUSR1,
    SIGUSR2, SIGVTALRM, SIGXCPU, SIGXFSZ,
};

use super::lifecycle;

/// Every catchable signal whose default action ends the process (KILL and STOP cannot be
/// caught), but for those that mean a bug (see `fatal.rs`). Each ends the reader with the
/// terminal given back, the place kept and status 128 + the signal.
pub const TERMINATING: [i32; 13] = [
    SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGPIPE, SIGVTALRM, SIGXCPU,
    SIGXFSZ, SIGPROF, SIGIO,
];

/// Linux's power failure and stack fault signals, which end a process by default.
#[cfg(target_os = "linux")]
const LINUX_ONLY: [i32; 2] = [
    nix::sys::signal::Signal::SIGPWR as i32,
    nix::sys::signal::Signal::SIGSTKFLT as i32,
];
#[cfg(not(target_os = "linux"))]
const LINUX_ONLY: [i32; 0] = [];

/// Starts the thread that handles [`TERMINATING`] signals, SIGTSTP (suspend, as Ctrl-Z) and
/// SIGCONT (take the terminal again after a stop).
///
/// # Errors
/// When the handlers cannot be installed.
pub fn spawn_signal_thread() -> io::Result<()> {
    let mut wanted = TERMINATING.to_vec();
    wanted.extend(LINUX_ONLY);
    wanted.extend([SIGTSTP, SIGCONT]);
    let mut signals = signal_hook::iterator::Signals::new(wanted)?;
    std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            for signal in signals.forever() {
                let lock = lifecycle::lock();
                match signal {
                    SIGTSTP => {
                        // An error here means the terminal is gone: the watchdog ends us.
                        let _ = lifecycle::suspend(&lock);
                    }
                    SIGCONT => {
                        let _ = lifecycle::continued(&lock);
                    }
                    _ => end(&lock, signal),
                }
            }
        })?;
    Ok(())
}

/// Gives the terminal back, keeps the place (as quitting does: a closed terminal window is
/// the commonest way out), and exits with the status a shell gives a process that `signal`
/// ended (128 + its number). Never returns; the lock is held to the end, so no frame starts.
fn end(lock: &std::sync::MutexGuard<'static, ()>, signal: i32) -> ! {
    lifecycle::give_back(lock);
    let _ = super::keep::save_latest();
    std::process::exit(128 + signal)
}

/// Starts a thread that ends the reader as soon as its terminal goes away.
///
/// When the other end of a pseudo-terminal closes, reading it returns end-of-file forever,
/// and crossterm retries at once: the reader would spin at full CPU (crossterm issue 793).
/// SIGHUP does not come to a process without a controlling terminal (`setsid`, `nohup`).
/// So this thread waits in `poll` on standard input and output asking for no event at all:
/// the kernel still reports a hang-up (POLLHUP), an error or a closed descriptor, and
/// nothing else wakes the thread, so it costs no CPU and steals no key.
///
/// # Errors
/// When the thread cannot be started.
pub fn spawn_hangup_watchdog() -> io::Result<()> {
    use rustix::event::{PollFd, PollFlags, poll};
    std::thread::Builder::new()
        .name("hangup watchdog".into())
        .spawn(|| {
            let (stdin, stdout) = (io::stdin(), io::stdout());
            let mut fds = [
                PollFd::new(&stdin, PollFlags::empty()),
                PollFd::new(&stdout, PollFlags::empty()),
            ];
            loop {
                match poll(&mut fds, None) {
                    Ok(n) if n > 0 => break,
                    Ok(_) | Err(rustix::io::Errno::INTR) => {}
                    // poll itself failing is no sign that the terminal went away.
                    Err(_) => return,
                }
            }
            end(&lifecycle::lock(), SIGHUP);
        })?;
    Ok(())
}
