//! Runs a full-screen program in a fresh 120×36 pseudo-terminal until its first frame is up,
//! then quits it with `q`: a harness for timing "start to first frame" from outside, the same
//! way for `dafu`, `less` and `jless` (`benches/common/first_frame.rs`, which the budgets
//! benchmark also runs).
//!
//! `first_frame COMMAND [ARG…]`: prints the time it took and exits with the command's status.
//! Time it with any benchmark runner as well, e.g.
//! `hyperfine 'target/release/examples/first_frame target/release/dafu --ambiguous-width narrow'
//! 'target/release/examples/first_frame less content/source/zhongshan-kjj-2021-142.txt'`.

#[path = "../benches/common/first_frame.rs"]
mod first_frame;

use anyhow::bail;
use portable_pty::CommandBuilder;

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((program, rest)) = args.split_first() else {
        bail!("usage: first_frame COMMAND [ARG...]");
    };
    let mut command = CommandBuilder::new(program);
    command.args(rest);
    let (took, status) = first_frame::run(command)?;
    eprintln!(
        "{program}: first frame and quit in {:.1} ms",
        took.as_secs_f64() * 1000.0
    );
    std::process::exit(i32::try_from(status).unwrap_or(1));
}
