//! Writes a shelf of N made letters into a folder, for trying and timing the shelf:
//! `cargo run --release --example shelf -- 10000 /tmp/shelf`, then `dafu /tmp/shelf`,
//! `dafu list /tmp/shelf`, `dafu search rgzn /tmp/shelf`.
//!
//! Letter `i` is the shipped letter with another issuer, document number, date and proposal
//! number, and a subset of its suggestions; each passes `dafu check`.

#[allow(
    dead_code,
    reason = "the made shelf is shared with the tests and benchmarks"
)]
#[path = "../benches/common/shelf.rs"]
mod shelf;

use std::path::PathBuf;

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let count: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(100);
    let dir = args
        .next()
        .map_or_else(|| PathBuf::from("shelf"), PathBuf::from);
    std::fs::create_dir_all(&dir)?;
    let made = shelf::write_shelf(&dir, count)?;
    eprintln!("{} letters in {}", made.len(), dir.display());
    Ok(())
}
