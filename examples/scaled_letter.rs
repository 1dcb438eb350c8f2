//! Writes the scaled letter ×N (see `benches/common`) to stdout, for timing the binary on it:
//! `cargo run --release --example scaled_letter -- 1000 > x1000.yaml`, then
//! `dafu x1000.yaml`, `dafu search rgzn x1000.yaml`.

#[path = "../benches/common/mod.rs"]
mod common;

use std::io::Write;

fn main() -> std::io::Result<()> {
    let scale = std::env::args()
        .nth(1)
        .and_then(|arg| arg.parse().ok())
        .unwrap_or(1);
    let mut out = std::io::stdout().lock();
    out.write_all(common::scaled_yaml(scale).as_bytes())?;
    out.flush()
}
