//! The shelf's budgets (issue 25), on a shelf of made letters (`common/shelf.rs`: the shipped
//! letter with other issuers, numbers, dates and suggestions), 10,000 of them by default
//! (`DAFU_SHELF_LETTERS=1000` for a quick run), every program timed side by side in one run:
//!
//! - warm `dafu search WORD DIR` (the cache filled) against `rg WORD DIR`;
//! - cold `dafu search WORD DIR` (an empty cache) against `dafu check DIR`;
//! - the shelf's first screen (`dafu DIR` in a 120×36 pseudo-terminal, start to first frame
//!   and `q`), cold against `dafu check DIR`, warm against `less`'s first screen on one letter;
//! - the heap of the open shelf (every letter's row, read through the cache, in the shelf's
//!   state) against the folder's bytes.
//!
//! Each program runs `DAFU_SHELF_RUNS` times (3 by default) and the median is reported, on the
//! wall clock: these are whole processes, and the machine may be shared, so the figures are
//! noisy. A benchmark reports; it does not gate: the process succeeds whatever the verdicts.

#[path = "common/first_frame.rs"]
mod first_frame;
#[allow(
    dead_code,
    reason = "the made shelf is shared with the tests and the example"
)]
#[path = "common/shelf.rs"]
mod made;
#[path = "common/programs.rs"]
mod programs;
#[path = "../tests/binary/start.rs"]
mod start;

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use dafu::app::shelf::{Known, ShelfApp, ShelfNews};
use dafu::shelf::{Options, summaries_each, walk};
use dafu::strings::Lang;
use dafu::text::width::AmbiguousWidth;
use peak_alloc::PeakAlloc;

#[global_allocator]
static ALLOC: PeakAlloc = PeakAlloc;

/// The word searched: in about half of the made letters.
const WORD: &str = "人才立法";
/// The same word in pinyin, which `rg` cannot read.
const PINYIN: &str = "rencailifa";

fn main() {
    let letters: usize = number("DAFU_SHELF_LETTERS", 10_000);
    let runs: usize = number("DAFU_SHELF_RUNS", 3);
    let dir = start::Scratch::new("shelf-bench");
    let shelf = dir.join("letters");
    std::fs::create_dir_all(&shelf).expect("a folder for the shelf");
    let started = Instant::now();
    made::write_shelf(&shelf, letters).expect("the made letters are written");
    let bytes = folder_bytes(&shelf);
    println!(
        "shelf: {letters} made letters, {:.1} MiB, written in {:.1} s; {runs} runs each, medians",
        mib(bytes),
        started.elapsed().as_secs_f64()
    );
    let measured = measure(&dir, &shelf, runs);
    let heap = open_shelf_heap(&shelf, &dir.join("warm"));
    report(&measured, heap, bytes);
}

/// A number from the environment, or `default`.
fn number(variable: &str, default: usize) -> usize {
    std::env::var(variable)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn mib(bytes: usize) -> f64 {
    bytes as f64 / (1024.0 * 1024.0)
}

fn folder_bytes(folder: &Path) -> usize {
    walk::letter_files(&[folder.to_path_buf()])
        .iter()
        .filter_map(|f| std::fs::metadata(f.path()).ok())
        .map(|m| usize::try_from(m.len()).unwrap_or(0))
        .sum()
}

/// The medians of each program.
#[derive(Debug, Default)]
struct Measured {
    check: Duration,
    search_cold: Duration,
    search_warm: Duration,
    pinyin_warm: Duration,
    rg: Option<Duration>,
    shelf_cold: Duration,
    shelf_warm: Duration,
    less: Option<Duration>,
    list_warm: Duration,
}

/// The programs timed, by their place among the samples.
const CHECK: usize = 0;
const COLD: usize = 1;
const WARM: usize = 2;
const PINYIN_WARM: usize = 3;
const RG: usize = 4;
const SHELF_COLD: usize = 5;
const SHELF_WARM: usize = 6;
const LESS: usize = 7;
const LIST: usize = 8;

/// One round, in order: first what only reads (the warm runs, `rg`, `less`), then what
/// writes (the cold runs, each filling a cache of about 330 MB, removed and its writes waited
/// for as soon as it is timed, [`settle`]). A program timed just after a cold run, while the
/// kernel writes out what it wrote, is slowed by it: the warm search, timed straight after the
/// cold one, took 1.16× `rg`'s time there and 0.95× away from it (docs/performance.md).
const ROUND: [&[usize]; 6] = [
    &[WARM, RG],
    &[PINYIN_WARM],
    &[SHELF_WARM, LESS],
    &[LIST],
    &[CHECK, COLD],
    &[SHELF_COLD],
];

fn measure(dir: &Path, shelf: &Path, runs: usize) -> Measured {
    let folder = shelf.display().to_string();
    let warm = dir.join("warm");
    let state = dir.join("state");
    let one_letter = shelf.join("letter-00000.yaml").display().to_string();
    let (rg, less) = (
        programs::tool("DAFU_RG", "rg"),
        programs::tool("DAFU_LESS", "less"),
    );
    let dafu = |args: &[&str]| start::dafu(args);
    // The warm cache: filled once by a run that reads every letter's text, its writes waited
    // for before anything is timed.
    timed(&mut dafu(&["search", WORD, &folder]), &warm);
    settle(None);
    let reader = |cache: &Path| {
        let args = ["--ambiguous-width", "narrow", "--theme", "dark", &folder];
        let mut command = start::in_terminal(args);
        command.env("XDG_CACHE_HOME", cache);
        command.env("XDG_STATE_HOME", &state);
        first_frame::run(command).map_or(Duration::MAX, |(took, _)| took)
    };
    let one = |program: usize, run: usize| -> Option<Duration> {
        let cold = |what: &str| dir.join(format!("cold-{what}-{run}"));
        let took = match program {
            // `check` reads no cache; each cold run has an empty one of its own.
            CHECK => timed(&mut dafu(&["check", &folder]), &warm),
            COLD => {
                let cache = cold("search");
                let took = timed(&mut dafu(&["search", WORD, &folder]), &cache);
                settle(Some(&cache));
                took
            }
            WARM => timed(&mut dafu(&["search", WORD, &folder]), &warm),
            PINYIN_WARM => timed(&mut dafu(&["search", PINYIN, &folder]), &warm),
            RG => timed(Command::new(rg.as_ref()?).args([WORD, &folder]), &warm),
            SHELF_COLD => {
                let cache = cold("reader");
                let took = reader(&cache);
                settle(Some(&cache));
                took
            }
            SHELF_WARM => reader(&warm),
            LESS => {
                let command = programs::in_a_terminal(less.as_ref()?, &[&one_letter]);
                first_frame::run(command).map_or(Duration::MAX, |t| t.0)
            }
            LIST => timed(&mut dafu(&["list", &folder]), &warm),
            _ => return None,
        };
        Some(took)
    };
    let mut samples: [Vec<Duration>; 9] = Default::default();
    for run in 0..runs {
        for group in ROUND {
            // The two programs a budget compares run one after the other, each first in
            // every other round.
            let mut order = group.to_vec();
            if run % 2 == 1 {
                order.reverse();
            }
            for program in order {
                samples[program].extend(one(program, run));
            }
        }
    }
    let [
        check,
        cold,
        warm,
        pinyin,
        rg,
        shelf_cold,
        shelf_warm,
        less,
        list,
    ] = &mut samples;
    Measured {
        check: median(check).unwrap_or_default(),
        search_cold: median(cold).unwrap_or_default(),
        search_warm: median(warm).unwrap_or_default(),
        pinyin_warm: median(pinyin).unwrap_or_default(),
        rg: median(rg),
        shelf_cold: median(shelf_cold).unwrap_or_default(),
        shelf_warm: median(shelf_warm).unwrap_or_default(),
        less: median(less),
        list_warm: median(list).unwrap_or_default(),
    }
}

fn median(samples: &mut [Duration]) -> Option<Duration> {
    samples.sort_unstable();
    samples.get(samples.len() / 2).copied()
}

/// The heap the open shelf holds once every letter's row is in: the walk, the rows read
/// through the warm cache as the reader's thread reads them, and the shelf's state.
fn open_shelf_heap(shelf: &Path, cache_home: &Path) -> usize {
    let cache = cache_home.join("dafu").join("shelf.db");
    ALLOC.reset_peak_usage();
    let base = ALLOC.current_usage();
    let found = walk::letter_files(&[shelf.to_path_buf()]);
    let files = found.iter().map(|f| f.path().to_path_buf()).collect();
    let mut app = ShelfApp::new(
        files,
        Some(shelf),
        Lang::Zh,
        AmbiguousWidth::Narrow,
        (120, 36),
    );
    let options = Options {
        cache: Some(cache),
        stop: None,
        give_way: None,
    };
    let mut news = Vec::new();
    summaries_each(
        || &found[..],
        &options,
        |_, letter| match letter {
            Ok(summary) => Known::Read(summary.head),
            Err(error) => Known::Refused(error),
        },
        |i, known| news.push(ShelfNews::Read(i, known)),
    );
    app.learn(news);
    let peak = ALLOC.peak_usage().saturating_sub(base);
    assert_eq!(app.read(), app.rows().len(), "every letter read");
    peak
}

fn report(m: &Measured, heap: usize, bytes: usize) {
    let secs = |d: Duration| format!("{:.3} s", d.as_secs_f64());
    println!();
    println!("{:<52} {:>10}", "program", "median");
    let lines: [(&str, Option<Duration>); 9] = [
        ("dafu check DIR", Some(m.check)),
        (
            "dafu search 人才立法 DIR, cold (empty cache)",
            Some(m.search_cold),
        ),
        ("dafu search 人才立法 DIR, warm", Some(m.search_warm)),
        ("dafu search rencailifa DIR, warm", Some(m.pinyin_warm)),
        ("rg 人才立法 DIR", m.rg),
        ("dafu DIR, first screen, cold", Some(m.shelf_cold)),
        ("dafu DIR, first screen, warm", Some(m.shelf_warm)),
        ("less, first screen, one letter", m.less),
        ("dafu list DIR, warm", Some(m.list_warm)),
    ];
    for (name, took) in lines {
        let took = took.map_or_else(|| "(not found)".to_string(), secs);
        println!("{name:<52} {took:>10}");
    }
    println!();
    let ratio = |a: Duration, b: Duration| a.as_secs_f64() / b.as_secs_f64().max(1e-9);
    let verdict = |name: &str, value: Option<f64>, limit: f64| match value {
        Some(v) => {
            let pass = if v <= limit { "PASS" } else { "FAIL" };
            println!("{pass}  {name:<50} {v:>8.2} (≤ {limit})");
        }
        None => println!("----  {name:<50} (a program was not found)"),
    };
    verdict(
        "warm search ÷ rg",
        m.rg.map(|rg| ratio(m.search_warm, rg)),
        1.0,
    );
    verdict(
        "cold search ÷ check",
        Some(ratio(m.search_cold, m.check)),
        1.2,
    );
    verdict(
        "first screen cold ÷ check",
        Some(ratio(m.shelf_cold, m.check)),
        0.2,
    );
    verdict(
        "first screen warm ÷ less on one letter",
        m.less.map(|less| ratio(m.shelf_warm, less)),
        3.0,
    );
    verdict(
        "open shelf's heap ÷ the folder's bytes",
        Some(heap as f64 / bytes.max(1) as f64),
        1.0,
    );
    println!("(open shelf's heap: {:.1} MiB)", mib(heap));
}

/// Removes the cache under `cache_home`, if given (a cold run's, not wanted again), and waits
/// for the machine's writes to reach the disk: what is timed next is not slowed by them.
fn settle(cache_home: Option<&Path>) {
    if let Some(cache_home) = cache_home {
        let _ = std::fs::remove_dir_all(cache_home);
    }
    let _ = Command::new("sync").status();
}

/// Runs `command` with its cache under `cache_home`, its output discarded; returns how long
/// it took.
fn timed(command: &mut Command, cache_home: &Path) -> Duration {
    programs::time_quietly(command.env("XDG_CACHE_HOME", cache_home)).unwrap_or(Duration::MAX)
}
