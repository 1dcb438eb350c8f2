//! Which files of a folder are letters: the walk of the shelf.
//!
//! A folder gives its `.yaml`, `.yml` and `.txt` files, and those of its subfolders, sorted
//! by name so that the shelf's order is the same on every run and every machine; hidden
//! files and folders (`.git`, `.cache`) are passed over, as `rg` and `ls` pass them, and a
//! link to a folder is not followed (a link back up would walk for ever), while a link to a
//! letter is read, and one to nothing listed with its error. A file named directly is read
//! whatever its name.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use crate::letter::load::LoadError;
use crate::text::sanitize::path_line;

/// What the walk found at one place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    /// A file to read as a letter.
    File(PathBuf),
    /// A path that could not be walked (missing, unreadable), with why.
    Unreadable(PathBuf, LoadError),
}

impl Found {
    /// The path found.
    #[must_use]
    pub fn path(&self) -> &Path {
        match self {
            Found::File(path) | Found::Unreadable(path, _) => path,
        }
    }
}

/// The extensions of letter files in a folder (compared without regard to case).
const LETTER_EXTENSIONS: [&str; 3] = ["yaml", "yml", "txt"];

/// Whether a file found in a folder is a letter by its name (`name`'s bytes): its extension,
/// as [`Path::extension`] reads it, is one of [`LETTER_EXTENSIONS`]. Read off the bytes:
/// ten thousand names are judged before the first letter is read.
fn is_letter_name(name: &[u8]) -> bool {
    match name.iter().rposition(|&b| b == b'.') {
        Some(dot) if dot > 0 => {
            let extension = &name[dot + 1..];
            (LETTER_EXTENSIONS.iter()).any(|known| extension.eq_ignore_ascii_case(known.as_bytes()))
        }
        _ => false,
    }
}

/// Whether a name is hidden (`.git`).
fn is_hidden(name: &[u8]) -> bool {
    name.starts_with(b".")
}

/// The letters named by `paths`, in order: a file as itself, a folder as its letter files.
#[must_use]
pub fn letter_files(paths: &[PathBuf]) -> Vec<Found> {
    let mut found = Vec::new();
    for path in paths {
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() => walk_folder(path, &mut found),
            Ok(_) => found.push(Found::File(path.clone())),
            Err(e) => found.push(unreadable(path, &e)),
        }
    }
    found
}

/// Whether `path` is a folder (the command line reads it as a shelf).
#[must_use]
pub fn is_folder(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|meta| meta.is_dir())
}

fn unreadable(path: &Path, error: &std::io::Error) -> Found {
    let error = LoadError {
        file: path_line(path),
        position: None,
        message: error.to_string(),
    };
    Found::Unreadable(path.to_path_buf(), error)
}

/// The letter files under `folder`, depth first, each folder's entries sorted by name.
fn walk_folder(folder: &Path, found: &mut Vec<Found>) {
    let entries = match std::fs::read_dir(folder) {
        Ok(entries) => entries,
        Err(e) => return found.push(unreadable(folder, &e)),
    };
    // The entry's own type, from the folder's listing: no file is opened or stat'ed twice.
    let mut entries: Vec<(OsString, Option<std::fs::FileType>)> = entries
        .filter_map(Result::ok)
        .map(|entry| (entry.file_name(), entry.file_type().ok()))
        .filter(|(name, _)| !is_hidden(name.as_encoded_bytes()))
        .collect();
    // By name: within one folder, the same order as by path's components. Names in one
    // folder differ, so an unstable sort gives the one order.
    entries.sort_unstable_by(|a, b| a.0.as_encoded_bytes().cmp(b.0.as_encoded_bytes()));
    for (name, kind) in entries {
        let Some(kind) = kind else { continue };
        // A link to a folder is not walked into; a link to a file is read, and a link to
        // nothing is a letter that cannot be read, listed with why (as a file named on the
        // command line would be), not passed over in silence.
        if kind.is_dir() {
            walk_folder(&folder.join(name), found);
        } else if is_letter_name(name.as_encoded_bytes()) {
            let path = folder.join(name);
            if kind.is_file() {
                found.push(Found::File(path));
            } else if kind.is_symlink() {
                match std::fs::metadata(&path) {
                    Ok(meta) if meta.is_file() => found.push(Found::File(path)),
                    Ok(_) => {}
                    Err(e) => found.push(unreadable(&path, &e)),
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_gives_its_letter_files_sorted_and_skips_the_rest() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let root = dir.path();
        for name in ["b.yaml", "a.txt", "c.YML", "notes.md", ".hidden.yaml"] {
            std::fs::write(root.join(name), "x").expect("written");
        }
        std::fs::create_dir(root.join("sub")).expect("made");
        std::fs::write(root.join("sub/d.yaml"), "x").expect("written");
        std::fs::create_dir(root.join(".git")).expect("made");
        std::fs::write(root.join(".git/e.yaml"), "x").expect("written");
        let found: Vec<PathBuf> = letter_files(&[root.to_path_buf()])
            .iter()
            .map(|f| {
                f.path()
                    .strip_prefix(root)
                    .expect("under root")
                    .to_path_buf()
            })
            .collect();
        let names: Vec<&str> = found.iter().filter_map(|p| p.to_str()).collect();
        assert_eq!(names, ["a.txt", "b.yaml", "c.YML", "sub/d.yaml"]);
    }

    #[test]
    fn a_letter_is_known_by_its_extension_as_paths_read_it() {
        let names = [
            "a.yaml",
            "a.YML",
            "b.txt",
            "yaml",
            "a.",
            "a.yaml.bak",
            "a.md",
            "..yaml",
            "报告.TXT",
            "a.yml ",
            "tar.gz",
        ];
        for name in names {
            let by_path = Path::new(name).extension().is_some_and(|e| {
                LETTER_EXTENSIONS
                    .iter()
                    .any(|known| e.eq_ignore_ascii_case(known))
            });
            assert_eq!(is_letter_name(name.as_bytes()), by_path, "{name}");
        }
    }

    #[test]
    fn a_link_to_nothing_is_listed_with_its_error_and_a_link_to_a_folder_is_not_walked() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let root = dir.path();
        std::fs::write(root.join("a.yaml"), "x").expect("written");
        std::os::unix::fs::symlink("a.yaml", root.join("b.yaml")).expect("linked");
        std::os::unix::fs::symlink("gone.yaml", root.join("c.yaml")).expect("linked");
        std::os::unix::fs::symlink(".", root.join("d.yaml")).expect("linked");
        let found = letter_files(&[root.to_path_buf()]);
        let names: Vec<(&str, bool)> = found
            .iter()
            .map(|f| {
                let name = f.path().file_name().and_then(|n| n.to_str()).unwrap_or("");
                (name, matches!(f, Found::File(_)))
            })
            .collect();
        assert_eq!(
            names,
            [("a.yaml", true), ("b.yaml", true), ("c.yaml", false)]
        );
        let Found::Unreadable(_, error) = &found[2] else {
            unreachable!("checked above")
        };
        assert!(error.to_string().contains("c.yaml: "), "{error}");
    }

    #[test]
    fn a_missing_path_is_found_with_its_error() {
        let found = letter_files(&[PathBuf::from("/no/such/shelf")]);
        assert!(
            matches!(&found[..], [Found::Unreadable(_, e)] if e.to_string().starts_with("/no/such/shelf: ")),
            "{found:?}"
        );
    }
}
