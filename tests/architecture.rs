//! The house as ARCHITECTURE.md describes it, held: a module names only modules of its own
//! tier or a lower one; no circle between modules or between files; no function over 80
//! lines. Every line of `src/` is read except comments and the `#[cfg(test)]` modules.
//!
//! And the tests as they must stay: none of them waits on the clock. No test sleeps, times or
//! sets a deadline, but the opt-in `#[ignore]`d `timing_…` ones, and the one hang guard
//! (`tests/util/wait.rs`) that every wait goes through. The tests and the benchmarks start the
//! binary and make scratch directories one way (`tests/binary/start.rs`).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Each top-level module of `src/` and its tier; a module may use only its own tier and lower.
const TIERS: &[(&str, u8)] = &[
    // Text and numbers.
    ("text", 0),
    ("strings", 0),
    ("numbers", 0),
    ("layout", 0),
    ("store", 0),
    // The letter.
    ("letter", 1),
    // What is made of a letter.
    ("search", 2),
    ("figures", 2),
    ("import", 2),
    ("diff", 2),
    ("kept", 2),
    ("state", 2),
    ("shelf", 2),
    // The reader's model.
    ("action", 3),
    ("keys", 3),
    ("app", 3),
    // The front ends.
    ("ui", 4),
    ("keymap", 4),
    ("colour", 4),
    ("cli", 4),
    ("tui", 4),
];

/// The longest a function may be, in lines, from its signature to its closing brace.
const MAX_FUNCTION_LINES: usize = 80;

fn tier(module: &str) -> Option<u8> {
    TIERS.iter().find(|(m, _)| *m == module).map(|(_, t)| *t)
}

/// A file of `src/`: its module path (`import::layout`) and its code.
struct SourceFile {
    path: PathBuf,
    module: Vec<String>,
    code: String,
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src is readable") {
        let path = entry.expect("an entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Every file of `src/` but `main.rs` and `lib.rs`, with its code as [`code`] gives it.
fn sources() -> Vec<SourceFile> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    files
        .into_iter()
        .filter_map(|path| {
            let rel = path
                .strip_prefix(&src)
                .expect("under src")
                .with_extension("");
            let module: Vec<String> = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            if module == ["main"] || module == ["lib"] {
                return None;
            }
            let code = code(&std::fs::read_to_string(&path).expect("readable"));
            Some(SourceFile {
                path: rel.with_extension("rs"),
                module,
                code,
            })
        })
        .collect()
}

/// `source` with comments, the insides of string and character literals, and every
/// `#[cfg(test)]` module blanked out, line breaks kept (so that line numbers still hold).
fn code(source: &str) -> String {
    let plain = blank_comments_and_literals(source);
    let mut out = String::with_capacity(plain.len());
    let mut lines = plain.split_inclusive('\n').peekable();
    while let Some(line) = lines.next() {
        let is_test_module = line.trim() == "#[cfg(test)]"
            && lines
                .peek()
                .is_some_and(|next| next.trim_start().starts_with("mod ") && next.contains('{'));
        if !is_test_module {
            out.push_str(line);
            continue;
        }
        // Blank the attribute and the module, up to its closing brace.
        out.push('\n');
        let mut depth = 0usize;
        for line in lines.by_ref() {
            depth += line.matches('{').count();
            depth = depth.saturating_sub(line.matches('}').count());
            out.push('\n');
            if depth == 0 {
                break;
            }
        }
    }
    out
}

/// `source` with comments removed and string and character literals emptied (`""`, `' '`),
/// line breaks kept.
fn blank_comments_and_literals(source: &str) -> String {
    let chars: Vec<char> = source.chars().collect();
    let mut out = String::with_capacity(source.len());
    let mut i = 0;
    // Keeps only the line breaks of chars[from..to].
    let breaks = |from: usize, to: usize| -> String {
        chars[from..to.min(chars.len())]
            .iter()
            .filter(|&&c| c == '\n')
            .collect()
    };
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let end = find(&chars, i + 2, &['*', '/']).map_or(chars.len(), |e| e + 2);
            out.push_str(&breaks(i, end));
            i = end;
        } else if c == 'r' && matches!(next, Some('"' | '#')) && !ident_before(&chars, i) {
            let hashes = chars[i + 1..].iter().take_while(|&&h| h == '#').count();
            let mut close = vec!['"'];
            close.extend(std::iter::repeat_n('#', hashes));
            let end = find(&chars, i + 2 + hashes, &close).map_or(chars.len(), |e| e + close.len());
            out.push_str("\"\"");
            out.push_str(&breaks(i, end));
            i = end;
        } else if c == '"' {
            let mut j = i + 1;
            while j < chars.len() && chars[j] != '"' {
                j += if chars[j] == '\\' { 2 } else { 1 };
            }
            out.push_str("\"\"");
            out.push_str(&breaks(i, j));
            i = j + 1;
        } else if c == '\'' && char_literal_len(&chars[i..]).is_some() {
            out.push_str("' '");
            i += char_literal_len(&chars[i..]).unwrap_or(1);
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

/// Whether an identifier character stands right before `i` (`br"…"` is a literal, `for"` is
/// not written).
fn ident_before(chars: &[char], i: usize) -> bool {
    i > 0 && (chars[i - 1].is_alphanumeric() || chars[i - 1] == '_')
}

/// The length of the character literal at the start of `chars` (`'a'`, `'\n'`, `'\u{1b}'`),
/// or `None` for a lifetime.
fn char_literal_len(chars: &[char]) -> Option<usize> {
    match chars.get(1)? {
        '\\' => chars.iter().skip(2).position(|&c| c == '\'').map(|p| p + 3),
        _ => (chars.get(2) == Some(&'\'')).then_some(3),
    }
}

fn find(chars: &[char], from: usize, needle: &[char]) -> Option<usize> {
    (from..chars.len()).find(|&i| chars[i..].starts_with(needle))
}

/// Every path a line of `code` names from `crate::`, `super::` or `self::`, as (line, path
/// from the crate's root), groups (`super::{a, b::C}`) taken apart.
fn paths(code: &str, module: &[String]) -> Vec<(usize, Vec<String>)> {
    let mut out = Vec::new();
    for (n, line) in code.lines().enumerate() {
        for start in ["crate::", "super::", "self::"] {
            for (at, _) in line.match_indices(start) {
                let before = line.get(..at).unwrap_or_default();
                if before.ends_with(|c: char| c.is_alphanumeric() || c == '_') {
                    continue;
                }
                let mut base = match start {
                    "crate::" => Vec::new(),
                    "super::" => module[..module.len().saturating_sub(1)].to_vec(),
                    _ => module.to_vec(),
                };
                let mut rest = line.get(at + start.len()..).unwrap_or_default();
                while let Some(after) = rest.strip_prefix("super::") {
                    base.pop();
                    rest = after;
                }
                for tail in expand(rest) {
                    let mut path = base.clone();
                    path.extend(tail);
                    out.push((n + 1, path));
                }
            }
        }
    }
    out
}

/// The paths at the start of `rest` (`a::b::C`, or each of `{a, b::C}`), as their segments.
fn expand(rest: &str) -> Vec<Vec<String>> {
    let mut segments = Vec::new();
    let mut rest = rest;
    loop {
        let name: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        if name.is_empty() {
            break;
        }
        rest = rest.get(name.len()..).unwrap_or_default();
        segments.push(name);
        match rest.strip_prefix("::") {
            Some(after) => rest = after,
            None => return vec![segments],
        }
    }
    let Some(group) = rest.strip_prefix('{') else {
        return vec![segments];
    };
    let inside = group.split('}').next().unwrap_or_default();
    inside
        .split(',')
        .flat_map(|item| expand(item.trim()))
        .map(|tail| segments.iter().cloned().chain(tail).collect())
        .collect()
}

/// The module a path names: its longest start that is a file of `src/`.
fn resolve<'m>(path: &[String], modules: &'m BTreeSet<Vec<String>>) -> Option<&'m Vec<String>> {
    (1..=path.len()).rev().find_map(|n| modules.get(&path[..n]))
}

/// Whether one module is the other or holds it: Rust's parent and child name each other.
fn related(a: &[String], b: &[String]) -> bool {
    a.starts_with(b) || b.starts_with(a)
}

#[test]
fn every_module_uses_only_its_tier_and_lower() {
    let mut problems = Vec::new();
    for file in sources() {
        let own = &file.module[0];
        let Some(own_tier) = tier(own) else {
            problems.push(format!(
                "{}: `{own}` has no tier in TIERS",
                file.path.display()
            ));
            continue;
        };
        for (line, path) in paths(&file.code, &file.module) {
            let Some(used) = path.first().filter(|used| *used != own) else {
                continue;
            };
            match tier(used) {
                Some(t) if t <= own_tier => {}
                Some(t) => problems.push(format!(
                    "{}:{line}: `{own}` (tier {own_tier}) uses `{used}` (tier {t})",
                    file.path.display()
                )),
                None => problems.push(format!(
                    "{}:{line}: `{used}` has no tier in TIERS",
                    file.path.display()
                )),
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The first circle in `graph`, as the nodes around it, if there is one.
fn circle<N: Ord + Clone>(graph: &BTreeMap<N, BTreeSet<N>>) -> Option<Vec<N>> {
    // Depth first, colouring nodes: on the current path, or done.
    fn visit<N: Ord + Clone>(
        node: &N,
        graph: &BTreeMap<N, BTreeSet<N>>,
        path: &mut Vec<N>,
        done: &mut BTreeSet<N>,
    ) -> Option<Vec<N>> {
        if let Some(at) = path.iter().position(|n| n == node) {
            return Some(path[at..].to_vec());
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.clone());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(found) = visit(next, graph, path, done) {
                return Some(found);
            }
        }
        path.pop();
        done.insert(node.clone());
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|node| visit(node, graph, &mut Vec::new(), &mut done))
}

/// What each node names.
type Graph<N> = BTreeMap<N, BTreeSet<N>>;

/// Which file names which, and which top-level module which, parents and children aside.
fn graphs() -> (Graph<Vec<String>>, Graph<String>) {
    let files = sources();
    let modules: BTreeSet<Vec<String>> = files.iter().map(|f| f.module.clone()).collect();
    let mut by_file = BTreeMap::new();
    let mut by_module: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in &files {
        let uses: &mut BTreeSet<Vec<String>> = by_file.entry(file.module.clone()).or_default();
        for (_, path) in paths(&file.code, &file.module) {
            let Some(used) = resolve(&path, &modules) else {
                continue;
            };
            if !related(used, &file.module) {
                uses.insert(used.clone());
            }
            if used[0] != file.module[0] {
                let own = by_module.entry(file.module[0].clone()).or_default();
                own.insert(used[0].clone());
            }
        }
    }
    (by_file, by_module)
}

#[test]
fn no_circle_between_modules_or_files() {
    let (files, modules) = graphs();
    assert!(files.len() > 50, "the files of src/ were read");
    assert_eq!(circle(&modules), None, "modules that name each other");
    assert_eq!(circle(&files), None, "files that name each other");
}

/// Each function of `code` longer than [`MAX_FUNCTION_LINES`]: (its first line, its length).
fn long_functions(code: &str) -> Vec<(usize, usize)> {
    let lines: Vec<&str> = code.lines().collect();
    (0..lines.len())
        .filter(|&start| starts_function(lines[start]))
        .filter_map(|start| Some((start + 1, function_length(&lines[start..])?)))
        .filter(|&(_, length)| length > MAX_FUNCTION_LINES)
        .collect()
}

/// How many lines the function that begins `lines` spans, to its closing brace; `None` for a
/// declaration without a body (in a trait).
fn function_length(lines: &[&str]) -> Option<usize> {
    let mut depth = 0usize;
    let mut opened = false;
    for (n, line) in lines.iter().enumerate() {
        for c in line.chars() {
            match c {
                '{' => (depth, opened) = (depth + 1, true),
                '}' => depth = depth.saturating_sub(1),
                ';' if !opened => return None,
                _ => {}
            }
            if opened && depth == 0 {
                return Some(n + 1);
            }
        }
    }
    None
}

/// Whether `line` begins a function: `fn name`, after `pub`, `pub(crate)`, `const` and the like.
fn starts_function(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    let before_fn = words.iter().position(|w| *w == "fn");
    before_fn.is_some_and(|at| {
        words[..at]
            .iter()
            .all(|w| w.starts_with("pub") || matches!(*w, "const" | "async" | "unsafe" | "extern"))
    })
}

#[test]
fn no_function_is_over_80_lines() {
    let mut problems = Vec::new();
    for file in sources() {
        for (line, length) in long_functions(&file.code) {
            problems.push(format!("{}:{line}: {length} lines", file.path.display()));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_checks_see_what_they_look_for() {
    let module = vec!["import".to_string(), "layout".to_string()];
    // A use that reaches up, past a comment, a string and a function-level cfg(test); the
    // test module at the end is skipped, and what follows it is read.
    let source = "use crate::ui::draw;\n// crate::cli in a comment\nlet s = \"crate::tui\";\n\
                  #[cfg(test)]\nfn helper() { crate::app::f(); }\n#[cfg(test)]\nmod tests {\n\
                  use crate::keymap;\n}\nuse super::{tree::starts_part, header};\n";
    let read = code(source);
    let found: Vec<Vec<String>> = paths(&read, &module).into_iter().map(|(_, p)| p).collect();
    let expect = |p: &[&str]| p.iter().map(|s| (*s).to_string()).collect::<Vec<_>>();
    assert_eq!(
        found,
        [
            expect(&["ui", "draw"]),
            expect(&["app", "f"]),
            expect(&["import", "tree", "starts_part"]),
            expect(&["import", "header"]),
        ]
    );
    // Two files that name each other are a circle.
    let a = vec!["a".to_string()];
    let b = vec!["b".to_string()];
    let graph = BTreeMap::from([
        (a.clone(), BTreeSet::from([b.clone()])),
        (b.clone(), BTreeSet::from([a.clone()])),
    ]);
    assert_eq!(circle(&graph), Some(vec![a, b]));
    // A function of 81 lines is long; braces in strings and characters do not count.
    let body = "    let x = '{';\n".repeat(79);
    let long = code(&format!("pub(crate) fn f() {{\n{body}}}\n"));
    assert_eq!(long_functions(&long), [(1, 81)]);
    let short = code(&format!("fn g() {{\n{}}}\n", "    \"}\";\n".repeat(78)));
    assert!(long_functions(&short).is_empty());
}

/// The words of code that wait on the clock or time something, in any case: `sleep`,
/// `Instant::now`, `elapsed()`, `recv_timeout`, a `TIMEOUT`, a `DEADLINE`. (A `Duration` alone
/// measures nothing: a file's time set a second later, a process's CPU time.)
const CLOCK_WORDS: [&str; 5] = ["sleep", "instant", "elapsed", "timeout", "deadline"];

/// The one file of `tests/` that may wait on the clock: the hang guard every wait goes through.
const HANG_GUARD: &str = "util/wait.rs";

/// Every line of `code` (a file of `tests/`, as [`blank_comments_and_literals`] gives it) that
/// waits on the clock outside a `timing_…` function, and every `timing_…` test that is not
/// `#[ignore]`d: (line, what is wrong).
fn clock_in_tests(code: &str) -> Vec<(usize, String)> {
    let lines: Vec<&str> = code.lines().collect();
    let mut problems = Vec::new();
    let mut timing_until = 0;
    for (n, line) in lines.iter().enumerate() {
        if starts_function(line) && line.contains("fn timing_") {
            let attributes: Vec<&str> = lines[..n]
                .iter()
                .rev()
                .take_while(|l| l.trim_start().starts_with("#["))
                .copied()
                .collect();
            let test = attributes.iter().any(|a| a.trim() == "#[test]");
            if test && !attributes.iter().any(|a| a.contains("#[ignore")) {
                problems.push((n + 1, "a `timing_…` test that is not `#[ignore]`d".into()));
            }
            timing_until = n + function_length(&lines[n..]).unwrap_or(1);
        }
        if n < timing_until {
            continue;
        }
        let lower = line.to_lowercase();
        if let Some(word) = CLOCK_WORDS.iter().find(|w| lower.contains(*w)) {
            problems.push((n + 1, format!("`{word}`: {}", line.trim())));
        }
    }
    problems
}

/// Issue 22: no test sleeps to synchronise and the default suite asserts no wall-clock or CPU
/// time. A test waits for what it can see (the screen, an exit, a gate it opens), through
/// the one hang guard; what is timed is in the benches or in an `#[ignore]`d `timing_…` test.
#[test]
fn no_test_waits_on_the_clock_but_the_timing_ones_and_the_hang_guard() {
    let tests = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let mut files = Vec::new();
    rust_files(&tests, &mut files);
    files.sort();
    let mut problems = Vec::new();
    let mut read = 0;
    for path in files {
        let rel = path.strip_prefix(&tests).expect("under tests");
        if rel.starts_with("fixtures") || rel == Path::new(HANG_GUARD) {
            continue;
        }
        read += 1;
        let source = std::fs::read_to_string(&path).expect("readable");
        for (line, problem) in clock_in_tests(&blank_comments_and_literals(&source)) {
            problems.push(format!("tests/{}:{line}: {problem}", rel.display()));
        }
    }
    assert!(read > 30, "the files of tests/ were read");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_clock_check_sees_what_it_looks_for() {
    let source = "fn helper() {\n    std::thread::sleep(X);\n}\n// Instant in a comment\n\
                  let s = \"elapsed\";\n#[test]\n#[ignore = \"timing\"]\nfn timing_ok() {\n\
                  let t = Instant::now();\n}\nfn timing_helper() -> Duration {\n    d\n}\n\
                  #[test]\nfn timing_not_ignored() {\n}\nconst DEADLINE: u8 = 1;\n";
    let found: Vec<usize> = clock_in_tests(&blank_comments_and_literals(source))
        .into_iter()
        .map(|(line, _)| line)
        .collect();
    assert_eq!(found, [2, 15, 17]);
}

/// What starts the binary or makes a scratch directory by hand: the `tempfile` crate, the
/// system's temporary directory, the binary's path.
const BY_HAND: [&str; 4] = ["tempfile", "temp_dir", "CARGO_BIN_EXE", "::DAFU"];

/// The one file that does those: the way the tests and the benchmarks start dafu.
const START: &str = "tests/binary/start.rs";

/// Issue 22: one temp-dir helper and one way to start the binary, for the tests, the
/// benchmarks and the examples alike.
#[test]
fn the_binary_is_started_and_directories_made_one_way() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in ["tests", "benches", "examples"] {
        rust_files(&root.join(dir), &mut files);
    }
    files.sort();
    let mut problems = Vec::new();
    for path in &files {
        let rel = path.strip_prefix(root).expect("under the crate");
        let this = rel == Path::new("tests/architecture.rs");
        if this || rel == Path::new(START) || rel.starts_with("tests/fixtures") {
            continue;
        }
        let source = std::fs::read_to_string(path).expect("readable");
        for (n, line) in source.lines().enumerate() {
            let code = line.split("//").next().unwrap_or_default();
            if let Some(word) = BY_HAND.iter().find(|w| code.contains(*w)) {
                problems.push(format!(
                    "{}:{}: `{word}`: {}",
                    rel.display(),
                    n + 1,
                    line.trim()
                ));
            }
        }
    }
    assert!(
        files.len() > 40,
        "the files of tests/, benches/ and examples/ were read"
    );
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
