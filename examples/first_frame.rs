//! Runs a full-screen program in a fresh 120×36 pseudo-terminal until its first frame is up,
//! then quits it with `q`: a harness for timing "start to first frame" from outside, the same
//! way for `dafu` and for `less`.
//!
//! `first_frame COMMAND [ARG…]`: starts COMMAND with `TERM=xterm-256color`, reads its output
//! until it switches to the alternate screen (`ESC [ ? 1049 h`, which both `dafu` and `less`
//! send before drawing), types `q` (which either reads only after its first frame is drawn),
//! reads on until it exits, and exits with its status. Time the whole thing with any
//! benchmark runner, e.g.
//! `hyperfine 'target/release/examples/first_frame target/release/dafu --ambiguous-width narrow'
//! 'target/release/examples/first_frame less content/source/zhongshan-kjj-2021-142.txt'`.

use std::io::{Read, Write};

use anyhow::{Context, bail};
use portable_pty::{CommandBuilder, PtySize, native_pty_system};

/// What a full-screen program sends before its first frame.
const ALTERNATE_SCREEN: &[u8] = b"\x1b[?1049h";

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((program, rest)) = args.split_first() else {
        bail!("usage: first_frame COMMAND [ARG...]");
    };
    let pair = native_pty_system().openpty(PtySize {
        rows: 36,
        cols: 120,
        pixel_width: 0,
        pixel_height: 0,
    })?;
    let mut command = CommandBuilder::new(program);
    command.args(rest);
    command.env("TERM", "xterm-256color");
    command.cwd(std::env::current_dir().context("current directory")?);
    let mut child = pair.slave.spawn_command(command)?;
    // Only the child holds the terminal's other end now, so reading ends when it exits.
    drop(pair.slave);
    let mut output = pair.master.try_clone_reader()?;
    // Kept until the child exits: dropping it would send an end-of-file.
    let mut keyboard = pair.master.take_writer()?;
    let mut seen: Vec<u8> = Vec::new();
    let mut typed = false;
    let mut buffer = [0u8; 65536];
    loop {
        let read = match output.read(&mut buffer) {
            Ok(0) | Err(_) => break, // The child has gone: EOF, or EIO on Linux.
            Ok(n) => n,
        };
        if !typed {
            seen.extend_from_slice(buffer.get(..read).unwrap_or_default());
            if seen
                .windows(ALTERNATE_SCREEN.len())
                .any(|w| w == ALTERNATE_SCREEN)
            {
                keyboard.write_all(b"q")?;
                keyboard.flush()?;
                typed = true;
                seen = Vec::new();
            }
        }
    }
    let status = child.wait()?;
    std::process::exit(i32::try_from(status.exit_code()).unwrap_or(1));
}
