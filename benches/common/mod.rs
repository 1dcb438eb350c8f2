//! Scaled letters and a reader on a test screen, shared by the benchmarks (and the example and
//! test that check the generator).
//!
//! A scaled letter ×N is the real letter (`content/zhongshan-kjj-2021-142.yaml`) with its five
//! suggestions repeated N times: 5·N suggestions, each a copy of a real one. Copy 0 is the real
//! text; copy k (k ≥ 1) has every ASCII digit of the suggestion's text shifted by k (mod 10),
//! in its paragraphs and its figures' texts alike (so every figure still quotes its node, and
//! the loader's validation passes), and `（续k）` appended to its title (so that titles differ and
//! a search for a number or a title finds one copy, not all of them). The opening, closing,
//! errata and notes stay as they are. A copy's figures take the values their shifted texts say
//! (`dafu check` reads them) and drop their periods (a shifted year is no year) and their
//! `part_of` (a shifted part may outgrow its whole). No randomness: ×N is the same text on
//! every run and every machine.

#![allow(
    dead_code,
    reason = "each bench, example and test uses a different subset"
)]

use std::time::{Duration, Instant};

use dafu::action::Action;
use dafu::app::App;
use dafu::letter::load;
use dafu::letter::tree::LetterTree;
use dafu::letter::{Figure, Letter, Suggestion};
use dafu::strings::Lang;
use dafu::text::width::AmbiguousWidth;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// The real letter, as it ships.
pub const REAL_LETTER: &str = include_str!("../../content/zhongshan-kjj-2021-142.yaml");

/// The scales the benchmarks measure.
pub const SCALES: [usize; 4] = [1, 10, 100, 1000];

/// The screen the benchmarks draw on: the 120×36.
pub const SCREEN: (u16, u16) = (120, 36);

/// The scales to measure: [`SCALES`], or those listed in `DAFU_SCALES` (`1,10`), for a quick run.
#[must_use]
pub fn scales() -> Vec<usize> {
    match std::env::var("DAFU_SCALES") {
        Ok(list) => list
            .split(',')
            .filter_map(|s| s.trim().parse().ok())
            .collect(),
        Err(_) => SCALES.to_vec(),
    }
}

/// The letter ×`scale` (see the module's doc), not yet sanitised: it goes through the loader
/// as text, like a letter read from a file.
///
/// # Panics
/// If the real letter no longer parses (the test suite checks that it does).
#[must_use]
pub fn scaled_letter(scale: usize) -> Letter {
    let real: Letter = serde_yaml::from_str(REAL_LETTER).expect("the real letter parses");
    let mut letter = real.clone();
    letter.suggestions = (0..scale)
        .flat_map(|copy| real.suggestions.iter().map(move |s| vary(s, copy)))
        .collect();
    letter
}

/// The letter ×`scale` as YAML text, as a user would have it in a file.
///
/// # Panics
/// If the letter cannot be serialised (it always can).
#[must_use]
pub fn scaled_yaml(scale: usize) -> String {
    serde_yaml::to_string(&scaled_letter(scale)).expect("a letter serialises")
}

/// Copy `copy` of `suggestion`: digits shifted by `copy`, title marked with `copy`.
fn vary(suggestion: &Suggestion, copy: usize) -> Suggestion {
    if copy == 0 {
        return suggestion.clone();
    }
    let shift = u32::try_from(copy % 10).unwrap_or(0);
    let mut s = suggestion.clone();
    let digits = |text: &mut String| *text = shift_digits(text, shift);
    digits(&mut s.title);
    s.title.push_str(&format!("（续{copy}）"));
    digits(&mut s.response);
    s.paragraphs.iter_mut().for_each(digits);
    vary_figures(&mut s.figures, shift);
    for measure in &mut s.measures {
        digits(&mut measure.title);
        measure.paragraphs.iter_mut().for_each(digits);
        vary_figures(&mut measure.figures, shift);
        for point in &mut measure.points {
            digits(&mut point.text);
            vary_figures(&mut point.figures, shift);
        }
    }
    s
}

fn vary_figures(figures: &mut [Figure], shift: u32) {
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for figure in figures {
        figure.text = shift_digits(&figure.text, shift);
        figure.what = shift_digits(&figure.what, shift);
        // A shifted year is no year, and a shifted part may outgrow its whole (8项 of which
        // 4项 were chosen becomes 0项 and 6项).
        figure.part_of = None;
        figure.period = None;
        // Figures quoting one list take its amounts in order.
        let nth = seen.entry(figure.text.clone()).or_default();
        if let Ok(phrase) = dafu::numbers::phrase::parse(&figure.text) {
            figure.value = phrase.items[*nth % phrase.items.len()].value;
        }
        *nth += 1;
    }
}

/// `text` with every ASCII digit d replaced by (d + shift) mod 10: a map of single characters,
/// so a figure's text that occurs in its node's text still occurs in it afterwards.
fn shift_digits(text: &str, shift: u32) -> String {
    text.chars()
        .map(|c| match c.to_digit(10) {
            Some(d) if c.is_ascii_digit() => char::from_digit((d + shift) % 10, 10).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// What the reader does between reading the file and drawing: parse, sanitise and validate
/// (`load::from_bytes`), then flatten (`LetterTree::new`).
///
/// # Panics
/// If the scaled letter does not load: the generator is broken.
#[must_use]
pub fn load_tree(yaml: &str) -> LetterTree {
    let letter = load::from_bytes(yaml.as_bytes(), "scaled.yaml").expect("a scaled letter loads");
    LetterTree::new(letter)
}

/// `yaml` with its last figure of 1 given the value 2, which its text does not say: a letter
/// refused for a problem at its very end. Also the line of that value.
///
/// # Panics
/// If `yaml` has no figure of 1 (every scaled letter has).
#[must_use]
pub fn refused_at_its_end(yaml: &str) -> (String, usize) {
    let (before, after) = yaml
        .rsplit_once("value: 1.0\n")
        .expect("a figure of 1 in the last suggestion");
    let line = before.matches('\n').count() + 1;
    (format!("{before}value: 2.0\n{after}"), line)
}

/// A [`SCREEN`]-sized test terminal.
///
/// # Panics
/// Never: a test backend does not fail.
#[must_use]
pub fn screen() -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(SCREEN.0, SCREEN.1)).expect("test backend")
}

/// A reader on a test screen, drawn as the real runner draws it: one `Terminal`, reused, so
/// that every frame after the first is diffed against the last.
pub struct Reader {
    /// The app.
    pub app: App,
    /// The screen.
    pub terminal: Terminal<TestBackend>,
}

impl Reader {
    /// `App::new` on `tree` at [`SCREEN`], and its first frame.
    ///
    /// # Panics
    /// Never: a test backend does not fail.
    #[must_use]
    pub fn new(tree: LetterTree) -> Self {
        Self::on(tree, screen())
    }

    /// As [`Reader::new`], on a screen made beforehand (so that its cell buffers, a cost of
    /// the screen and not of the letter, can be left out of a memory measurement).
    #[must_use]
    pub fn on(tree: LetterTree, terminal: Terminal<TestBackend>) -> Self {
        let app = App::new(tree, Lang::Zh, AmbiguousWidth::Narrow, SCREEN);
        let mut reader = Self { app, terminal };
        reader.draw();
        reader
    }

    /// Draws a frame.
    ///
    /// # Panics
    /// Never: a test backend does not fail.
    pub fn draw(&mut self) {
        let app = &self.app;
        self.terminal
            .draw(|frame| dafu::ui::draw(app, frame))
            .expect("draw");
    }

    /// One keystroke: `update`, then a frame.
    pub fn key(&mut self, action: Action) {
        self.app.update(action);
        self.draw();
    }

    /// A resize to `width`×`height`: the screen, then `update(Resize)`, then a frame.
    pub fn resize(&mut self, width: u16, height: u16) {
        self.terminal.backend_mut().resize(width, height);
        self.key(Action::Resize { width, height });
    }

    /// Opens the search prompt and types `query` one character at a time, as a reader would.
    pub fn type_query(&mut self, query: &str) {
        self.key(Action::OpenSearch);
        for c in query.chars() {
            self.key(Action::SearchInsert(c.to_string()));
        }
    }

    /// Places the reader as the benchmarks do before a navigation keystroke: on the middle
    /// suggestion, so that nothing is cheap because it is near the start.
    pub fn go_to_middle(&mut self) {
        let suggestions = self
            .app
            .tree()
            .nodes
            .iter()
            .filter(|n| n.kind == dafu::letter::tree::NodeKind::Suggestion)
            .count();
        self.key(Action::JumpToSuggestion(suggestions.div_ceil(2).max(1)));
    }
}

/// How long an operation took: on the wall clock, and on this thread's CPU clock. On a shared
/// machine the wall clock also counts the time other processes held the cores; the CPU clock
/// counts only the work done, which is what the wall clock shows on an idle machine.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Timing {
    /// Elapsed time.
    pub wall: Duration,
    /// CPU time of this thread (user and system).
    pub cpu: Duration,
}

/// This thread's CPU time so far.
fn thread_cpu() -> Duration {
    let t = rustix::time::clock_gettime(rustix::time::ClockId::ThreadCPUTime);
    Duration::new(
        u64::try_from(t.tv_sec).unwrap_or(0),
        u32::try_from(t.tv_nsec).unwrap_or(0),
    )
}

/// Times `f`.
pub fn timed<R>(f: impl FnOnce() -> R) -> (R, Timing) {
    let (wall, cpu) = (Instant::now(), thread_cpu());
    let out = f();
    let timing = Timing {
        cpu: thread_cpu().saturating_sub(cpu),
        wall: wall.elapsed(),
    };
    (out, timing)
}

/// The median of `samples`, wall and CPU each on its own.
#[must_use]
pub fn median(samples: &[Timing]) -> Timing {
    let mid = |mut v: Vec<Duration>| {
        v.sort_unstable();
        v.get(v.len() / 2).copied().unwrap_or_default()
    };
    Timing {
        wall: mid(samples.iter().map(|t| t.wall).collect()),
        cpu: mid(samples.iter().map(|t| t.cpu).collect()),
    }
}

/// How many times to time an operation: at least `min` runs, then more until `time` has passed
/// or `max` runs are done.
#[derive(Debug, Clone, Copy)]
pub struct Runs {
    /// Runs always done.
    pub min: usize,
    /// Runs never exceeded.
    pub max: usize,
    /// Time after which no run is started once `min` are done.
    pub time: Duration,
}

impl Runs {
    fn more(&self, done: usize, started: Instant) -> bool {
        done < self.min || (done < self.max && started.elapsed() < self.time)
    }
}

/// Times `run` as [`Runs`] says; `setup` runs before each timed call, untimed, and hands it its
/// input; what `run` returns is dropped after the clock stops. Returns the medians.
pub fn time_median<T, R>(
    runs: Runs,
    mut setup: impl FnMut() -> T,
    mut run: impl FnMut(T) -> R,
) -> Timing {
    let started = Instant::now();
    let mut samples = Vec::new();
    while runs.more(samples.len(), started) {
        let input = setup();
        let (output, timing) = timed(|| run(input));
        samples.push(timing);
        drop(output);
    }
    median(&samples)
}

/// Times `step` on `state` as [`Runs`] says; `undo` runs after each timed call, untimed, to put
/// the state back (a backspace after a typed letter). Returns the medians.
pub fn time_on<S>(
    state: &mut S,
    runs: Runs,
    mut step: impl FnMut(&mut S),
    mut undo: impl FnMut(&mut S),
) -> Timing {
    let started = Instant::now();
    let mut samples = Vec::new();
    while runs.more(samples.len(), started) {
        let ((), timing) = timed(|| step(state));
        samples.push(timing);
        undo(state);
    }
    median(&samples)
}

/// A byte count as MiB, for the reports.
#[must_use]
pub fn mib(bytes: usize) -> f64 {
    // Exact below 2^52 bytes, far above any letter.
    bytes as f64 / (1024.0 * 1024.0)
}
