//! The reader on scaled letters (×1, ×10, ×100, ×1000; see `common`), timed with divan: load,
//! first frame at 120×36, a navigation keystroke, an incremental search keystroke, a resize;
//! then the peak heap of a session per scale, measured with a counting allocator.
//!
//! `cargo bench --bench scale`; `DAFU_SCALES=1,10` leaves out the slow scales. The budgets
//! and their verdicts are `cargo bench --bench budgets`.
//!
//! Keystrokes are timed one at a time (`sample_size = 1`): before each, untimed, the state is
//! put back (the typed letter deleted, the selection moved back), so every sample is the same
//! keystroke from the same state.

mod common;

use std::cell::RefCell;
use std::sync::OnceLock;

use common::{Reader, load_tree, mib, scaled_yaml};
use dafu::action::Action;
use dafu::letter::tree::LetterTree;
use divan::Bencher;
use peak_alloc::PeakAlloc;

#[global_allocator]
static ALLOC: PeakAlloc = PeakAlloc;

/// Every scale there is; the benchmarks take theirs from `common::scales()` (`DAFU_SCALES`).
const SCALES: [usize; 4] = common::SCALES;

fn main() {
    divan::main();
    print_memory();
}

/// The YAML and the loaded tree of a scale, made once per process.
fn letter(scale: usize) -> &'static (String, LetterTree) {
    static CACHE: [OnceLock<(String, LetterTree)>; SCALES.len()] =
        [const { OnceLock::new() }; SCALES.len()];
    let slot = SCALES.iter().position(|&s| s == scale).unwrap_or(0);
    CACHE[slot].get_or_init(|| {
        let yaml = scaled_yaml(scale);
        let tree = load_tree(&yaml);
        (yaml, tree)
    })
}

/// Parse, sanitise, validate, flatten.
#[divan::bench(args = common::scales(), max_time = 5)]
fn load(bencher: Bencher, scale: usize) {
    let (yaml, _) = letter(scale);
    bencher.bench_local(|| load_tree(yaml));
}

/// `App::new` (search index, wrapping) and the first draw at 120×36.
#[divan::bench(args = common::scales(), max_time = 5)]
fn first_frame(bencher: Bencher, scale: usize) {
    let (_, tree) = letter(scale);
    bencher
        .with_inputs(|| tree.clone())
        .bench_local_values(Reader::new);
}

/// A reader placed as the benchmarks place it: on the middle suggestion.
fn reader(scale: usize) -> RefCell<Reader> {
    let mut reader = Reader::new(letter(scale).1.clone());
    reader.go_to_middle();
    RefCell::new(reader)
}

/// `Down` and a draw in the outline, from the middle suggestion.
#[divan::bench(args = common::scales(), sample_size = 1, sample_count = 200, max_time = 3)]
fn navigate_outline(bencher: Bencher, scale: usize) {
    let reader = reader(scale);
    let start = reader.borrow().app.selected();
    bencher
        .with_inputs(|| {
            let mut r = reader.borrow_mut();
            if r.app.selected() != start {
                r.key(Action::Up);
            }
        })
        .bench_local_values(|()| reader.borrow_mut().key(Action::Down));
}

/// `Down` (a line's scroll) and a draw in the reading pane, from the middle suggestion.
#[divan::bench(args = common::scales(), sample_size = 1, sample_count = 200, max_time = 3)]
fn navigate_reading(bencher: Bencher, scale: usize) {
    let reader = reader(scale);
    reader.borrow_mut().key(Action::SwitchFocus);
    let start = reader.borrow().app.reading_top();
    bencher
        .with_inputs(|| {
            let mut r = reader.borrow_mut();
            if r.app.reading_top() != start {
                r.key(Action::Up);
            }
        })
        .bench_local_values(|()| reader.borrow_mut().key(Action::Down));
}

/// One more character typed into the search prompt, and a draw: the prompt holds `partial`.
fn search_keystroke(bencher: Bencher, scale: usize, partial: &str, next: &str) {
    let reader = reader(scale);
    reader.borrow_mut().type_query(partial);
    bencher
        .with_inputs(|| {
            let mut r = reader.borrow_mut();
            if r.app.search().query != partial {
                r.key(Action::SearchBackspace);
            }
        })
        .bench_local_values(|()| {
            reader
                .borrow_mut()
                .key(Action::SearchInsert(next.to_string()));
        });
}

/// `rengongzhinen` + `g` (pinyin, folding on).
#[divan::bench(args = common::scales(), sample_size = 1, sample_count = 100, max_time = 3)]
fn search_pinyin(bencher: Bencher, scale: usize) {
    search_keystroke(bencher, scale, "rengongzhinen", "g");
}

/// `人工智` + `能` (an input method's commit).
#[divan::bench(args = common::scales(), sample_size = 1, sample_count = 100, max_time = 3)]
fn search_hanzi(bencher: Bencher, scale: usize) {
    search_keystroke(bencher, scale, "人工智", "能");
}

/// `rgz` + `n` (initials).
#[divan::bench(args = common::scales(), sample_size = 1, sample_count = 100, max_time = 3)]
fn search_initials(bencher: Bencher, scale: usize) {
    search_keystroke(bencher, scale, "rgz", "n");
}

/// `z` on an empty prompt: the first letter, which matches the most.
#[divan::bench(args = common::scales(), sample_size = 1, sample_count = 100, max_time = 3)]
fn search_first_letter(bencher: Bencher, scale: usize) {
    search_keystroke(bencher, scale, "", "z");
}

/// A resize to another width (100 and 120 columns in turn: every sample re-wraps) and a draw.
#[divan::bench(args = common::scales(), sample_size = 1, sample_count = 100, max_time = 3)]
fn resize(bencher: Bencher, scale: usize) {
    let mut reader = reader(scale).into_inner();
    let mut narrow = false;
    bencher.bench_local(|| {
        narrow = !narrow;
        let width = if narrow { 100 } else { common::SCREEN.0 };
        reader.resize(width, common::SCREEN.1);
    });
}

/// Peak heap per scale over a session (load from the file's bytes, first frame, one keystroke
/// of each kind above), less the screen's cell buffers, against the YAML's size.
fn print_memory() {
    println!("\npeak heap of a session (load, first frame, one keystroke of each kind):");
    println!(
        "  {:>6} {:>10} {:>12} {:>10} {:>13} {:>10}",
        "scale", "YAML MiB", "peak MiB", "peak/YAML", "reader MiB", "held/YAML"
    );
    for scale in common::scales() {
        let yaml = scaled_yaml(scale);
        let screen = common::screen();
        let base = ALLOC.current_usage();
        ALLOC.reset_peak_usage();
        let bytes = yaml.as_bytes().to_vec();
        let tree = load_tree(std::str::from_utf8(&bytes).unwrap_or_default());
        drop(bytes);
        let mut reader = Reader::on(tree, screen);
        let held = ALLOC.current_usage().saturating_sub(base);
        reader.go_to_middle();
        reader.key(Action::Down);
        reader.type_query("rengongzhineng");
        reader.key(Action::SearchCancel);
        reader.resize(100, common::SCREEN.1);
        let peak = ALLOC.peak_usage().saturating_sub(base);
        drop(reader);
        let of_yaml = |bytes: usize| mib(bytes) / mib(yaml.len().max(1));
        println!(
            "  {:>6} {:>10.2} {:>12.1} {:>9.1}× {:>13.1} {:>9.1}×",
            format!("×{scale}"),
            mib(yaml.len()),
            mib(peak),
            of_yaml(peak),
            mib(held),
            of_yaml(held),
        );
    }
}
