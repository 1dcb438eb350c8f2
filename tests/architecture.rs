//! The layers of ARCHITECTURE.md, held: a module names only modules of a lower layer, so the
//! module graph has no circle and, for one, the reader's state (`app`) never reaches up to
//! the drawing (`ui`), the keymap or the command line.

use std::path::{Path, PathBuf};

/// Each top-level module of `src/` and its layer; a module may use only lower layers.
const LAYERS: &[(&str, u8)] = &[
    ("text", 0),
    ("strings", 0),
    ("numbers", 0),
    ("layout", 0),
    ("letter", 1),
    ("search", 2),
    ("figures", 2),
    ("kept", 2),
    ("action", 3),
    ("state", 3),
    ("keys", 4),
    ("app", 5),
    ("import", 5),
    ("cli", 5),
    ("ui", 6),
    ("keymap", 6),
    ("diff", 6),
    ("colour", 7),
    ("tui", 8),
];

fn layer(module: &str) -> Option<u8> {
    LAYERS.iter().find(|(m, _)| *m == module).map(|(_, l)| *l)
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

/// `crate::NAME` uses in a file's code: comments and the unit tests at its end are skipped.
fn uses(source: &str) -> Vec<(usize, String)> {
    let code = source.split("#[cfg(test)]").next().unwrap_or_default();
    let mut out = Vec::new();
    for (n, line) in code.lines().enumerate() {
        if line.trim_start().starts_with("//") {
            continue;
        }
        for (i, _) in line.match_indices("crate::") {
            let name: String = line
                .get(i + "crate::".len()..)
                .unwrap_or_default()
                .chars()
                .take_while(|c| c.is_ascii_lowercase() || *c == '_')
                .collect();
            out.push((n + 1, name));
        }
    }
    out
}

#[test]
fn every_module_uses_only_lower_layers() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut problems = Vec::new();
    for file in files {
        let rel = file.strip_prefix(&src).expect("under src");
        let first = rel.components().next().expect("a path");
        let module = first
            .as_os_str()
            .to_string_lossy()
            .trim_end_matches(".rs")
            .to_string();
        if module == "main" || module == "lib" {
            continue;
        }
        let Some(own) = layer(&module) else {
            problems.push(format!(
                "{}: module `{module}` has no layer in LAYERS",
                rel.display()
            ));
            continue;
        };
        let source = std::fs::read_to_string(&file).expect("readable");
        for (line, used) in uses(&source) {
            if used == module {
                continue;
            }
            match layer(&used) {
                Some(l) if l < own => {}
                Some(l) => problems.push(format!(
                    "{}:{line}: `{module}` (layer {own}) uses `{used}` (layer {l})",
                    rel.display()
                )),
                None => problems.push(format!(
                    "{}:{line}: `{used}` has no layer in LAYERS",
                    rel.display()
                )),
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_layer_check_sees_a_use_that_reaches_up() {
    let source = "use crate::ui::draw;\n// crate::cli in a comment\nfn f() { crate::tui::run(); }\n#[cfg(test)]\nuse crate::app::App;\n";
    let found: Vec<String> = uses(source).into_iter().map(|(_, m)| m).collect();
    assert_eq!(found, ["ui", "tui"]);
}
