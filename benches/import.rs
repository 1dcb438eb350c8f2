//! `dafu import` on the letter's transcript (budget: 50 ms), with and without writing the
//! YAML, and on the transcript's body written 10 and 100 times, which shows the work linear:
//! ten times the text, ten times the time.

use dafu::import::{import, to_yaml};

const TRANSCRIPT: &str = include_str!("../content/source/zhongshan-kjj-2021-142.txt");

fn main() {
    divan::main();
}

/// The transcript with its body (opening to closing) written `times` times.
fn long_letter(times: usize) -> String {
    let start = TRANSCRIPT.find("您们提出的").expect("the opening");
    let end = TRANSCRIPT.find("综合而言").expect("the closing");
    let (head, rest) = TRANSCRIPT.split_at(start);
    let (body, tail) = rest.split_at(end - start);
    format!("{head}{}{tail}", body.repeat(times))
}

/// Text to draft letter, in memory.
#[divan::bench]
fn letter() -> usize {
    let imported = import(divan::black_box(TRANSCRIPT)).expect("the transcript imports");
    imported.letter.suggestions.len()
}

/// What `dafu import FILE` does: the draft, its YAML, and the loader's check of that YAML.
#[divan::bench]
fn letter_to_checked_yaml() -> usize {
    let imported = import(divan::black_box(TRANSCRIPT)).expect("the transcript imports");
    let yaml = to_yaml(&imported, "bench");
    dafu::letter::load::parse(&yaml, "bench").expect("the draft passes check");
    yaml.len()
}

/// The body written 1, 10 and 100 times.
#[divan::bench(args = [1, 10, 100], sample_count = 20)]
fn scaled(bencher: divan::Bencher, times: usize) {
    let text = long_letter(times);
    bencher.bench(|| import(divan::black_box(&text)).map(|i| i.letter.errata.len()));
}
