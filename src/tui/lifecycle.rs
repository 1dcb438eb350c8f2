//! Taking the terminal and giving it back: raw mode, the alternate screen, mouse reports and
//! bracketed paste on the way in; all of them off and the cursor shown on the way out,
//! whatever the way out is (quitting, a signal, a panic, Ctrl-Z).
//!
//! Every change of mode and every frame happens under one lock, [`lock`], so that a signal
//! handled on another thread never writes its restoring sequences into the middle of a
//! frame. The panic hook is the one exception: it runs on the panicking thread, which may
//! hold the lock already, and restores without it.

use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, MutexGuard, PoisonError};

use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EndSynchronizedUpdate, EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode,
    enable_raw_mode,
};

/// Held while drawing a frame or changing the terminal's modes.
static TERMINAL: Mutex<()> = Mutex::new(());

/// Whether the reader's modes are on (the terminal is taken).
static TAKEN: AtomicBool = AtomicBool::new(false);

/// Set when the screen must be painted again from scratch: the reader was stopped and
/// continued, and the shell drew over the terminal meanwhile.
static REPAINT: AtomicBool = AtomicBool::new(false);

/// Set while we stop ourselves, so that the SIGCONT that follows is known to be ours.
static OWN_STOP: AtomicBool = AtomicBool::new(false);

/// Takes the terminal lock. A thread that panicked while holding it poisons it; the terminal
/// still has to be given back, so the poison is ignored.
pub fn lock() -> MutexGuard<'static, ()> {
    TERMINAL.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Raw mode, the alternate screen, mouse reports and bracketed paste on. Call with the lock.
///
/// # Errors
/// When the terminal refuses a mode.
pub fn take(_lock: &MutexGuard<'static, ()>) -> io::Result<()> {
    TAKEN.store(true, Ordering::SeqCst);
    enable_raw_mode()?;
    execute!(
        io::stdout(),
        EnterAlternateScreen,
        EnableMouseCapture,
        EnableBracketedPaste
    )
}

/// Every mode [`take`] turned on turned off again, and the cursor shown (ratatui hides it
/// while drawing). Errors are ignored: the terminal may be gone. Call with the lock.
pub fn give_back(_lock: &MutexGuard<'static, ()>) {
    restore();
}

/// [`give_back`] without the lock, for the panic hook. Does nothing when the terminal is not
/// taken, so a hook left installed after the reader ended writes nothing.
fn restore() {
    if !TAKEN.swap(false, Ordering::SeqCst) {
        return;
    }
    let mut out = io::stdout();
    // A frame a panic interrupted ends first (see `whole_frame` in `tui.rs`): a terminal
    // still in its update would show nothing of what follows. Then mouse and paste, while
    // still on the screen that asked for them; then the main screen; raw mode off last, so
    // that nothing typed meanwhile is echoed onto the frame.
    let _ = execute!(
        out,
        EndSynchronizedUpdate,
        DisableMouseCapture,
        DisableBracketedPaste,
        LeaveAlternateScreen,
        Show
    );
    let _ = disable_raw_mode();
    let _ = out.flush();
}

/// Whether the reader's modes are on.
#[must_use]
pub fn is_taken() -> bool {
    TAKEN.load(Ordering::SeqCst)
}

/// Suspends the reader as `less` does on Ctrl-Z: gives the terminal back, stops the whole
/// process, and when it is continued (`fg`) takes the terminal again and asks for a full
/// repaint (see [`take_repaint`]). Call with the lock.
///
/// The process stops itself with SIGSTOP, not SIGTSTP: the kernel discards a SIGTSTP sent to
/// a process group with no parent in the session (an orphaned group, as under `setsid`), and
/// the reader would carry on in a terminal it no longer holds.
///
/// # Errors
/// When the terminal refuses a mode after the resume.
pub fn suspend(lock: &MutexGuard<'static, ()>) -> io::Result<()> {
    let was_taken = is_taken();
    give_back(lock);
    OWN_STOP.store(true, Ordering::SeqCst);
    if signal_hook::low_level::raise(signal_hook::consts::SIGSTOP).is_err() {
        OWN_STOP.store(false, Ordering::SeqCst);
    }
    // Here after SIGCONT.
    if was_taken {
        take(lock)?;
        REPAINT.store(true, Ordering::SeqCst);
    }
    Ok(())
}

/// Called on SIGCONT. After our own stop, [`suspend`] has already taken the terminal back.
/// After a stop we did not ask for (`kill -STOP`, which cannot be caught), the shell may
/// have put the terminal in its own modes: set ours again and repaint. Call with the lock.
///
/// # Errors
/// When the terminal refuses a mode.
pub fn continued(lock: &MutexGuard<'static, ()>) -> io::Result<()> {
    if OWN_STOP.swap(false, Ordering::SeqCst) || !is_taken() {
        return Ok(());
    }
    // crossterm enables raw mode only when it thinks it is off: turn it off first so that
    // it is set again even if the shell cooked the terminal meanwhile.
    let _ = disable_raw_mode();
    take(lock)?;
    REPAINT.store(true, Ordering::SeqCst);
    Ok(())
}

/// Whether a full repaint was asked for since the last call (and clears the request).
#[must_use]
pub fn take_repaint() -> bool {
    REPAINT.swap(false, Ordering::SeqCst)
}

/// Installs a panic hook that gives the terminal back before the previous hook prints the
/// message, so that the message lands on the main screen, in a cooked terminal with the
/// mouse and paste modes off. (ratatui's own hook restores only raw mode and the alternate
/// screen, and reports a failure with `eprintln!`, which itself panics when stderr is gone.)
pub fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}
