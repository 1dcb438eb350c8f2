//! How long a keystroke takes: `SearchIndex::find` over the letter, and over a hundred copies
//! of it (as a hundred times as many documents), for the queries a reader types.

use dafu::search::{SearchIndex, Searcher};

const LETTER: &str = include_str!("../content/source/zhongshan-kjj-2021-142.txt");

/// Queries: full pinyin, the characters themselves, initials, and one letter (the worst case
/// for incremental search: every 中/在/智/… matches).
const QUERIES: &[&str] = &["rengongzhineng", "人工智能", "rgzn", "z"];

fn main() {
    divan::main();
}

/// The letter's paragraphs, `copies` times over.
fn paragraphs(copies: usize) -> Vec<&'static str> {
    let once: Vec<&str> = LETTER
        .lines()
        .filter(|line| !line.trim().is_empty())
        .collect();
    std::iter::repeat_n(once, copies).flatten().collect()
}

#[divan::bench(args = QUERIES)]
fn find_letter(bencher: divan::Bencher, query: &str) {
    let index = SearchIndex::new(paragraphs(1));
    bencher.bench(|| index.find(divan::black_box(query)));
}

#[divan::bench(args = QUERIES, sample_count = 30)]
fn find_letter_x100(bencher: divan::Bencher, query: &str) {
    let index = SearchIndex::new(paragraphs(100));
    bencher.bench(|| index.find(divan::black_box(query)));
}

/// What the reader pays once, at load.
#[divan::bench(args = [1, 100], sample_count = 10)]
fn build(bencher: divan::Bencher, copies: usize) {
    let docs = paragraphs(copies);
    bencher.bench(|| SearchIndex::new(divan::black_box(&docs)));
}

/// A reader typing each query into the prompt, one character at a time, with a [`Searcher`]
/// that narrows each keystroke's search to the previous one's matches.
#[divan::bench(args = QUERIES, sample_count = 30)]
fn type_letter_x100(bencher: divan::Bencher, query: &str) {
    let mut searcher = Searcher::new(SearchIndex::new(paragraphs(100)));
    let chars: Vec<char> = query.chars().collect();
    let prefixes: Vec<String> = (1..=chars.len())
        .map(|n| chars.iter().take(n).collect())
        .collect();
    bencher.bench_local(|| {
        searcher.reset();
        let mut count = 0;
        for prefix in &prefixes {
            searcher.search(divan::black_box(prefix), |_| count += 1);
        }
        count
    });
}
