//! The state file: what the reader keeps between runs — per letter the place, the open
//! sections and the marks, and the search history — in the XDG state directory
//! (`$XDG_STATE_HOME/dafu/state.json`, by default `~/.local/state/dafu/state.json`).
//!
//! The file is a cache. One that is damaged, foreign or from a newer dafu is ignored and
//! reported ([`StateProblem`]), never fatal. A letter's entry is keyed by a hash of its
//! content ([`letter_key`]), so a moved file keeps its place and an edited one starts clean.
//! Writes go to a temporary file in the same directory, renamed over the old one, so that
//! a crash or a second reader never leaves half a file.

use std::collections::BTreeMap;
use std::ffi::OsString;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::kept::{Place, Restore, StateProblem};
use crate::letter::tree::LetterTree;

/// What the file's `format` field says: a JSON file without it is not ours.
const FORMAT: &str = "dafu-state";

/// The format version this dafu writes and reads. A file with a higher one is left alone.
pub const VERSION: u32 = 1;

/// The largest state file read; a bigger one is damaged (a hundred letters' places and a
/// hundred queries take a few kilobytes).
const MAX_BYTES: u64 = 4 << 20;

/// The most letters whose places are kept; the least recently read go first.
const MAX_LETTERS: usize = 200;

/// The file's name in the state directory.
const FILE_NAME: &str = "state.json";

/// The state file as written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StateFile {
    /// Always [`FORMAT`].
    pub format: String,
    /// [`VERSION`] when written by this dafu.
    pub version: u32,
    /// Search queries, oldest first.
    #[serde(default)]
    pub history: Vec<String>,
    /// Per letter (by [`letter_key`]), its place.
    #[serde(default)]
    pub letters: BTreeMap<String, LetterEntry>,
}

impl Default for StateFile {
    fn default() -> Self {
        Self {
            format: FORMAT.to_string(),
            version: VERSION,
            history: Vec::new(),
            letters: BTreeMap::new(),
        }
    }
}

/// One letter's kept place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LetterEntry {
    /// When it was last read (seconds since 1970), to drop the oldest beyond [`MAX_LETTERS`].
    pub used: u64,
    /// The place.
    #[serde(flatten)]
    pub place: Place,
}

/// The state file's path: `$XDG_STATE_HOME/dafu/state.json`, or `$HOME/.local/state/…` when
/// that is unset, empty or relative (the XDG specification says to ignore a relative one).
/// `None` when neither gives an absolute directory: nothing is kept.
#[must_use]
pub fn path_from(xdg_state_home: Option<OsString>, home: Option<OsString>) -> Option<PathBuf> {
    let absolute = |v: Option<OsString>| v.map(PathBuf::from).filter(|p| p.is_absolute());
    let base =
        absolute(xdg_state_home).or_else(|| absolute(home).map(|h| h.join(".local/state")))?;
    Some(base.join("dafu").join(FILE_NAME))
}

/// [`path_from`] with this process's environment.
#[must_use]
pub fn path() -> Option<PathBuf> {
    path_from(std::env::var_os("XDG_STATE_HOME"), std::env::var_os("HOME"))
}

/// A letter's key in the state file: a hash of its content as the reader shows it (the nodes'
/// keys and the blocks' texts), in hex. The places kept are indices into these, so any edit
/// that could move them gives a new key.
#[must_use]
pub fn letter_key(tree: &LetterTree) -> String {
    let mut hash = ContentHash::new();
    hash.add(&tree.nodes.len().to_le_bytes());
    for node in &tree.nodes {
        hash.add_str(&node.key);
    }
    hash.add(&tree.blocks.len().to_le_bytes());
    for block in &tree.blocks {
        hash.add(&block.node.to_le_bytes());
        hash.add_str(&block.text);
    }
    format!("{:016x}", hash.finish())
}

/// A fast, fixed (never seeded, so stable across runs and builds) 64-bit hash, eight bytes
/// at a time: a 64 MiB letter is hashed in milliseconds. Not cryptographic: it tells letters
/// apart, it does not defend against someone forging one.
struct ContentHash {
    state: u64,
}

impl ContentHash {
    const MULTIPLIER: u64 = 0x9E37_79B9_7F4A_7C15;

    fn new() -> Self {
        Self {
            state: 0x6461_6675_7374_6174, // "dafustat"
        }
    }

    fn mix(&mut self, word: u64) {
        self.state = (self.state ^ word)
            .wrapping_mul(Self::MULTIPLIER)
            .rotate_left(29);
    }

    fn add(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0; 8];
            word.copy_from_slice(chunk);
            self.mix(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        let mut word = [0; 8];
        word[..rest.len()].copy_from_slice(rest);
        // The length ends each piece, so that "ab"+"c" and "a"+"bc" differ.
        self.mix(u64::from_le_bytes(word));
        self.mix(bytes.len() as u64);
    }

    fn add_str(&mut self, s: &str) {
        self.add(s.as_bytes());
    }

    fn finish(&self) -> u64 {
        // MurmurHash3's finaliser: every input bit reaches every output bit.
        let mut h = self.state;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        h ^ (h >> 33)
    }
}

/// What was read from the state file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Loaded {
    /// The file's contents (empty when there was none or it was ignored).
    pub file: StateFile,
    /// Why it was ignored, if it was.
    pub problem: Option<StateProblem>,
}

impl Loaded {
    /// What the reader of the letter keyed `key` takes from it.
    #[must_use]
    pub fn restore_for(&self, key: &str) -> Restore {
        Restore {
            place: self.file.letters.get(key).map(|entry| entry.place.clone()),
            history: self.file.history.clone(),
            problem: self.problem,
        }
    }
}

/// Reads the state file at `path`. A missing file is no problem (a first run); anything else
/// that stops it being used is reported in [`Loaded::problem`], never as an error.
#[must_use]
pub fn load(path: &Path) -> Loaded {
    match read(path) {
        Ok(None) => Loaded::default(),
        Ok(Some(bytes)) => match parse(&bytes) {
            Ok(file) => Loaded {
                file,
                problem: None,
            },
            Err(problem) => Loaded {
                file: StateFile::default(),
                problem: Some(problem),
            },
        },
        Err(problem) => Loaded {
            file: StateFile::default(),
            problem: Some(problem),
        },
    }
}

/// The file's bytes, `None` when there is no file.
fn read(path: &Path) -> Result<Option<Vec<u8>>, StateProblem> {
    let file = match std::fs::File::open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(_) => return Err(StateProblem::Unreadable),
    };
    let mut bytes = Vec::new();
    file.take(MAX_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|_| StateProblem::Unreadable)?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(StateProblem::Damaged);
    }
    Ok(Some(bytes))
}

/// Parses a state file, telling a damaged file from a foreign or a newer one.
///
/// # Errors
/// Why the bytes are not a state file this dafu can use.
pub fn parse(bytes: &[u8]) -> Result<StateFile, StateProblem> {
    let value: serde_json::Value =
        serde_json::from_slice(bytes).map_err(|_| StateProblem::Damaged)?;
    let Some(object) = value.as_object() else {
        return Err(StateProblem::Foreign);
    };
    if object.get("format").and_then(serde_json::Value::as_str) != Some(FORMAT) {
        return Err(StateProblem::Foreign);
    }
    match object.get("version").and_then(serde_json::Value::as_u64) {
        Some(version) if version > u64::from(VERSION) => return Err(StateProblem::Newer),
        Some(version) if version == u64::from(VERSION) => {}
        _ => return Err(StateProblem::Damaged),
    }
    serde_json::from_value(value).map_err(|_| StateProblem::Damaged)
}

/// Keeps `place` for the letter keyed `key` and `history` as the search history, in the state
/// file at `path`, keeping what other letters have there. A file from a newer dafu is left as
/// it is; a damaged or foreign one is replaced.
///
/// # Errors
/// When the directory or the file cannot be written.
pub fn save(path: &Path, key: &str, place: Place, history: Vec<String>) -> io::Result<()> {
    let loaded = load(path);
    if loaded.problem == Some(StateProblem::Newer) {
        return Ok(());
    }
    let mut file = loaded.file;
    let used = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    file.letters
        .insert(key.to_string(), LetterEntry { used, place });
    while file.letters.len() > MAX_LETTERS {
        let oldest = file
            .letters
            .iter()
            .min_by_key(|(_, entry)| entry.used)
            .map(|(key, _)| key.clone());
        match oldest {
            Some(oldest) => file.letters.remove(&oldest),
            None => break,
        };
    }
    file.history = history;
    let json = serde_json::to_vec(&file).map_err(io::Error::other)?;
    write_atomically(path, &json)
}

/// Writes `bytes` to a temporary file beside `path` and renames it over `path`: readers see
/// the old file or the new one, never a part. The directory is made (private: the history
/// says what was searched) if it is missing.
fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
    let dir = path
        .parent()
        .ok_or_else(|| io::Error::other("the state file has no directory"))?;
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)?;
    let temporary = dir.join(format!(".{FILE_NAME}.{}.tmp", std::process::id()));
    let written = (|| {
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(true)
            .mode(0o600)
            .open(&temporary)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&temporary, path)
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
    written
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kept::Spot;

    #[test]
    fn the_state_directory_follows_xdg() {
        let p = |x: Option<&str>, h: Option<&str>| path_from(x.map(Into::into), h.map(Into::into));
        assert_eq!(
            p(Some("/s"), Some("/home/a")),
            Some(PathBuf::from("/s/dafu/state.json"))
        );
        assert_eq!(
            p(None, Some("/home/a")),
            Some(PathBuf::from("/home/a/.local/state/dafu/state.json"))
        );
        assert_eq!(
            p(Some(""), Some("/home/a")),
            Some(PathBuf::from("/home/a/.local/state/dafu/state.json")),
            "empty is unset"
        );
        assert_eq!(
            p(Some("relative"), Some("/home/a")),
            Some(PathBuf::from("/home/a/.local/state/dafu/state.json")),
            "a relative path is ignored, as XDG says"
        );
        assert_eq!(p(None, None), None);
    }

    #[test]
    fn damaged_foreign_and_newer_files_are_told_apart() {
        assert_eq!(parse(b"{\"format\": \"dafu-st"), Err(StateProblem::Damaged));
        assert_eq!(parse(b"\xff\xfe"), Err(StateProblem::Damaged));
        assert_eq!(parse(b"[1, 2]"), Err(StateProblem::Foreign));
        assert_eq!(
            parse(br#"{"editor.fontSize": 14}"#),
            Err(StateProblem::Foreign)
        );
        assert_eq!(
            parse(br#"{"format": "dafu-state", "version": 99}"#),
            Err(StateProblem::Newer)
        );
        assert_eq!(
            parse(br#"{"format": "dafu-state", "version": 1, "history": "not a list"}"#),
            Err(StateProblem::Damaged)
        );
        assert_eq!(
            parse(br#"{"format": "dafu-state", "version": 1}"#),
            Ok(StateFile::default())
        );
    }

    #[test]
    fn a_place_survives_the_round_trip() {
        let spot = Spot {
            node: 3,
            block: 7,
            byte: 42,
        };
        let place = Place {
            at: Some(spot),
            expanded: vec![0, 3],
            marks: [('a', spot), ('Z', spot)].into_iter().collect(),
            ..Place::default()
        };
        let mut file = StateFile {
            history: vec!["银行".into()],
            ..StateFile::default()
        };
        file.letters.insert(
            "k".into(),
            LetterEntry {
                used: 1,
                place: place.clone(),
            },
        );
        let json = serde_json::to_vec(&file).unwrap();
        assert_eq!(parse(&json), Ok(file));
    }

    #[test]
    fn the_key_changes_with_the_text_and_only_with_it() {
        let tree = || LetterTree::new(crate::letter::load::embedded());
        let (a, b) = (tree(), tree());
        assert_eq!(letter_key(&a), letter_key(&b));
        let mut edited = tree();
        edited.blocks[3].text.push('。');
        assert_ne!(letter_key(&a), letter_key(&edited));
    }
}
