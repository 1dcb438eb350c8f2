//! Which files of a folder are letters: the walk of the shelf.
//!
//! A folder gives its `.yaml`, `.yml` and `.txt` files, and those of its subfolders, sorted
//! by name so that the shelf's order is the same on every run and every machine; hidden
//! files and folders (`.git`, `.cache`) are passed over, as `rg` and `ls` pass them, and a
//! link to a folder is not followed (a link back up would walk for ever), while a link to a
//! letter is read, and one to nothing listed with its error. A file named directly is read
//! whatever its name. The folders that hold letters are kept open with them ([`Folder`], the
//! first [`OPEN_FOLDERS`] of them), so that each letter's stamp is looked up by its name.

use std::ffi::{OsStr, OsString};
use std::os::fd::OwnedFd;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::letter::load::LoadError;
use crate::text::sanitize::path_line;

/// What the walk found at one place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    /// A file to read as a letter, and the folder it was listed in when the walk holds it
    /// open.
    File(PathBuf, Option<Folder>),
    /// A path that could not be walked (missing, unreadable), with why.
    Unreadable(PathBuf, LoadError),
}

impl Found {
    /// The same, without the folder held open.
    #[must_use]
    pub fn without_folder(&self) -> Self {
        match self {
            Found::File(path, _) => Found::File(path.clone(), None),
            Found::Unreadable(..) => self.clone(),
        }
    }

    /// The path found.
    #[must_use]
    pub fn path(&self) -> &Path {
        match self {
            Found::File(path, _) | Found::Unreadable(path, _) => path,
        }
    }
}

/// A folder the walk listed, held open: a letter's stamp is looked up by its name there,
/// where its whole path would be walked again by the kernel for each file (a twentieth of a
/// warm search, [`crate::shelf::cache::Stamp`]).
#[derive(Debug, Clone)]
pub struct Folder(Arc<OwnedFd>);

impl Folder {
    /// The folder at `path`, opened; `None` when it cannot be, or is no longer a folder
    /// (`O_DIRECTORY`: a file put in its place is not opened, nor waited on if it is a pipe).
    fn open(path: &Path) -> Option<Self> {
        use rustix::fs::{Mode, OFlags};
        let flags = OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC;
        let fd = rustix::fs::open(path, flags, Mode::empty()).ok()?;
        Some(Self(Arc::new(fd)))
    }

    /// The status of the file `name` in this folder (links followed, as `stat` follows
    /// them).
    #[must_use]
    pub fn stat(&self, name: &OsStr) -> Option<rustix::fs::Stat> {
        rustix::fs::statat(&*self.0, name, rustix::fs::AtFlags::empty()).ok()
    }
}

/// The same folder opened once.
impl PartialEq for Folder {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl Eq for Folder {}

/// How many folders one walk holds open: enough for a shelf kept in one folder, or by year
/// or by office; a tree of more folders has the rest looked up by path, well inside the
/// limit on open files (often 1,024) that the cache and the letters also count against.
const OPEN_FOLDERS: usize = 64;

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

/// The letters named by `paths`, in order: a file as itself, a folder as its letter files,
/// the first [`OPEN_FOLDERS`] folders that hold letters kept open with them.
#[must_use]
pub fn letter_files(paths: &[PathBuf]) -> Vec<Found> {
    walk(paths, OPEN_FOLDERS)
}

/// The same letters without their folders: for a reader that reads each letter by its path
/// (`check`, `figures`), and has no use for the handles.
#[must_use]
pub fn letter_paths(paths: &[PathBuf]) -> Vec<Found> {
    walk(paths, 0)
}

/// The letters named by `paths`, at most `room` of their folders held open.
fn walk(paths: &[PathBuf], mut room: usize) -> Vec<Found> {
    let mut found = Vec::new();
    for path in paths {
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() => walk_folder(path, &mut found, &mut room),
            Ok(_) => found.push(Found::File(path.clone(), None)),
            Err(e) => found.push(unreadable(path, &e)),
        }
    }
    found
}

/// `paths` split into those that are there (files, folders, links to either) and why each
/// of the others cannot be walked: what `dafu list` says of a path named that is not there,
/// as `ls` says it, rather than listing it as a letter.
#[must_use]
pub fn there(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<LoadError>) {
    let (mut found, mut missing) = (Vec::new(), Vec::new());
    for path in paths {
        match std::fs::metadata(path) {
            Ok(_) => found.push(path.clone()),
            Err(e) => missing.push(walk_error(path, &e)),
        }
    }
    (found, missing)
}

/// Whether `path` is a folder (the command line reads it as a shelf).
#[must_use]
pub fn is_folder(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|meta| meta.is_dir())
}

fn unreadable(path: &Path, error: &std::io::Error) -> Found {
    Found::Unreadable(path.to_path_buf(), walk_error(path, error))
}

/// Why `path` could not be walked, in the words a letter that cannot be read is refused in
/// (`no such file`, whether it is named or found in a folder).
fn walk_error(path: &Path, error: &std::io::Error) -> LoadError {
    LoadError {
        file: path_line(path),
        position: None,
        message: crate::letter::load::io_message(error),
    }
}

/// The letter files under `folder`, depth first, each folder's entries sorted by name;
/// `room` is how many more folders may be held open.
fn walk_folder(folder: &Path, found: &mut Vec<Found>, room: &mut usize) {
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
    // Opened with its first letter: a folder of folders is not held.
    let mut held: Option<Option<Folder>> = None;
    let mut hold = |room: &mut usize| {
        held.get_or_insert_with(|| {
            let folder = (*room > 0).then(|| Folder::open(folder)).flatten();
            *room -= usize::from(folder.is_some());
            folder
        })
        .clone()
    };
    for (name, kind) in entries {
        let Some(kind) = kind else { continue };
        // A link to a folder is not walked into; a link to a file is read, and a link to
        // nothing is a letter that cannot be read, listed with why (as a file named on the
        // command line would be), not passed over in silence.
        if kind.is_dir() {
            walk_folder(&folder.join(name), found, room);
        } else if is_letter_name(name.as_encoded_bytes()) {
            let path = folder.join(name);
            if kind.is_file() {
                found.push(Found::File(path, hold(room)));
            } else if kind.is_symlink() {
                match std::fs::metadata(&path) {
                    Ok(meta) if meta.is_file() => found.push(Found::File(path, hold(room))),
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
    fn a_walk_holds_at_most_so_many_folders_open_and_still_finds_every_letter() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let root = dir.path();
        let folders = OPEN_FOLDERS + 3;
        for k in 0..folders {
            let sub = root.join(format!("{k:03}"));
            std::fs::create_dir(&sub).expect("made");
            for name in ["a.yaml", "b.txt"] {
                std::fs::write(sub.join(name), "x").expect("written");
            }
        }
        let found = letter_files(&[root.to_path_buf()]);
        assert_eq!(found.len(), 2 * folders);
        let held: Vec<&Folder> = found
            .iter()
            .filter_map(|f| match f {
                Found::File(_, folder) => folder.as_ref(),
                Found::Unreadable(..) => None,
            })
            .collect();
        // The root holds no letter and is not held; each of the first folders is held once,
        // for both its letters.
        assert_eq!(held.len(), 2 * OPEN_FOLDERS);
        let mut distinct = held.clone();
        distinct.dedup();
        assert_eq!(distinct.len(), OPEN_FOLDERS);
        assert!(matches!(&found[2 * folders - 1], Found::File(_, None)));
        // Read by path, the same letters, no folder held.
        let by_path = letter_paths(&[root.to_path_buf()]);
        let without: Vec<Found> = found.iter().map(Found::without_folder).collect();
        assert_eq!(by_path, without);
    }

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
                (name, matches!(f, Found::File(..)))
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
