//! The kept state: what the reader keeps between runs — per letter the place, the open
//! sections and the marks, and the search history — in an SQLite store in the XDG state
//! directory (`$XDG_STATE_HOME/dafu/state.db`, by default `~/.local/state/dafu/state.db`),
//! opened as every dafu store is ([`crate::store`]).
//!
//! Many readers may run at once and quit at once: each save is one transaction that adds what
//! its run changed to what is stored — the letter's place, the marks it set or moved beside
//! those other readers set ([`merge::marks`]), the queries it searched after the others'
//! ([`merge::new_queries`]) — so no reader's save undoes another's. Pruning keeps the
//! [`MAX_LETTERS`] letters and [`MAX_QUERIES`] queries used last, one statement each, by an
//! index.
//!
//! The store is a cache. One that is damaged, foreign or of another version is set aside and
//! reported ([`StateProblem`]), never fatal. A letter's place is keyed by a hash of its
//! content ([`letter_key`]), so a moved file keeps its place and an edited one starts clean.
//! The place is stored as the JSON of [`Place`], so what it holds is what the reader keeps.

pub mod merge;

use std::collections::BTreeMap;
use std::ffi::OsString;
use std::io;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};

use crate::kept::{Place, Restore, ShelfPlace, ShelfRestore, Spot, StateProblem};
use crate::letter::tree::LetterTree;
use crate::store::{self, Reason, Schema};

/// The most letters whose places are kept; the least recently read go first.
pub const MAX_LETTERS: usize = 200;

/// The most search queries kept (as many as the reader's history holds).
pub const MAX_QUERIES: usize = 100;

/// The store's name in the state directory.
const FILE_NAME: &str = "state.db";

/// The kept state's tables. `used` orders by last use: each save gives what it writes one
/// more than the largest there.
const SCHEMA: Schema = Schema {
    application_id: 0x6461_6673, // "dafs"
    version: 1,
    create: "
        CREATE TABLE places (
            letter TEXT PRIMARY KEY,
            used INTEGER NOT NULL,
            place TEXT NOT NULL
        );
        CREATE INDEX places_by_use ON places (used);
        CREATE TABLE history (
            query TEXT PRIMARY KEY,
            used INTEGER NOT NULL
        );
        CREATE INDEX history_by_use ON history (used);
    ",
    page_size: 4096,
};

/// The store's path: `$XDG_STATE_HOME/dafu/state.db`, or `$HOME/.local/state/…` when that is
/// unset, empty or relative (the XDG specification says to ignore a relative one). `None`
/// when neither gives an absolute directory: nothing is kept.
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

/// What a run started from: the marks and the history the reader was given (none for
/// `--fresh`, or a place that came too late to be used). A save changes only what differs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Base {
    /// The letter's marks the reader was given.
    pub marks: BTreeMap<char, Spot>,
    /// The history the reader was given, oldest first.
    pub history: Vec<String>,
}

/// What one run keeps: its letter's place and its history, and what it started from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// The letter's [`letter_key`].
    pub key: String,
    /// Where the run ended.
    pub place: Place,
    /// The history at the end, oldest first.
    pub history: Vec<String>,
    /// What the run started from.
    pub base: Base,
}

/// What is kept for the letter keyed `key`. A missing store is no problem (a first run);
/// anything that stops it being used is reported in [`Restore::problem`], never as an error.
#[must_use]
pub fn load(path: &Path, key: &str) -> Restore {
    let (place, history, problem) = load_for(path, key);
    Restore {
        place,
        history,
        problem,
    }
}

/// What is kept for the shelf keyed `key` ([`shelf_key`]): its order and letter, and the
/// history, as [`load`] reads a letter's.
#[must_use]
pub fn load_shelf(path: &Path, key: &str) -> ShelfRestore {
    let (place, history, problem) = load_for(path, key);
    ShelfRestore {
        place,
        history,
        problem,
    }
}

/// The shelf's key in the state file: a hash of the folder or files it was opened on, each
/// made absolute, so that the same folder named another way keeps its place. Nothing is read
/// from the disk for it (thousands of files named on the command line cost no wait).
#[must_use]
pub fn shelf_key(paths: &[PathBuf]) -> String {
    let mut hash = ContentHash::new();
    for path in paths {
        let absolute = std::path::absolute(path).unwrap_or_else(|_| path.clone());
        hash.add(absolute.as_os_str().as_encoded_bytes());
        hash.add(&[0]);
    }
    format!("shelf-{:016x}", hash.finish())
}

/// What is kept under `key`, as `T` (a letter's [`Place`] or a [`ShelfPlace`]), and the
/// history; why the store could not be used, if it could not.
fn load_for<T: serde::de::DeserializeOwned>(
    path: &Path,
    key: &str,
) -> (Option<T>, Vec<String>, Option<StateProblem>) {
    let (connection, problem) = match open(path) {
        Ok(opened) => opened,
        Err(_) => return (None, Vec::new(), Some(StateProblem::Unreadable)),
    };
    match read(&connection, key) {
        // A place that does not parse (edited by hand) is not trusted: the reader starts at
        // the top.
        Ok((place, history)) => (
            place.and_then(|json| serde_json::from_str(&json).ok()),
            history,
            problem,
        ),
        Err(e) => {
            drop(connection);
            let problem = if store::damaged(&e) {
                let _ = store::set_aside(path, Reason::Damaged);
                StateProblem::Damaged
            } else {
                StateProblem::Unreadable
            };
            (None, Vec::new(), Some(problem))
        }
    }
}

/// Keeps what `change` says in the store at `path`, beside what other letters and other
/// readers keep there, in one transaction.
///
/// # Errors
/// When the store cannot be opened or written (a store found damaged is set aside first).
pub fn save(path: &Path, change: &Change) -> io::Result<()> {
    save_with(path, |transaction| {
        write_place(transaction, change)?;
        write_history(transaction, &change.base.history, &change.history)
    })
}

/// Keeps the shelf's place under `key` ([`shelf_key`]), if there is one to keep, and the queries of `history` (oldest
/// first) that are new since `base`, the history the shelf was given, as [`save`] keeps a
/// letter's.
///
/// # Errors
/// As [`save`].
pub fn save_shelf(
    path: &Path,
    key: &str,
    place: Option<&ShelfPlace>,
    base: &[String],
    history: &[String],
) -> io::Result<()> {
    save_with(path, |transaction| {
        if let Some(place) = place {
            let json = serde_json::to_string(place)
                .map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))?;
            write_json(transaction, key, &json)?;
        }
        write_history(transaction, base, history)
    })
}

/// Opens the store at `path` and runs `write` in one transaction, then prunes.
fn save_with(
    path: &Path,
    write: impl FnOnce(&Connection) -> rusqlite::Result<()>,
) -> io::Result<()> {
    let (mut connection, _) = open(path).map_err(io::Error::other)?;
    let written = connection
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .and_then(|transaction| {
            write(&transaction)?;
            prune(&transaction)?;
            transaction.commit()
        });
    match written {
        Ok(()) => Ok(()),
        Err(e) => {
            drop(connection);
            if store::damaged(&e) {
                let _ = store::set_aside(path, Reason::Damaged);
            }
            Err(io::Error::other(e))
        }
    }
}

/// Opens the store; also says why a store found there was set aside, if one was.
fn open(path: &Path) -> Result<(Connection, Option<StateProblem>), store::OpenError> {
    let opened = store::open(path, &SCHEMA)?;
    let problem = opened.set_aside.as_ref().map(|aside| match aside.reason {
        Reason::Foreign => StateProblem::Foreign,
        Reason::Newer => StateProblem::Newer,
        Reason::Damaged | Reason::Older | Reason::NotAFile => StateProblem::Damaged,
    });
    Ok((opened.connection, problem))
}

/// What is kept under `key` (its JSON) and the history, in one read.
fn read(connection: &Connection, key: &str) -> rusqlite::Result<(Option<String>, Vec<String>)> {
    let transaction = connection.unchecked_transaction()?;
    let place: Option<String> = transaction
        .query_row("SELECT place FROM places WHERE letter = ?1", [key], |row| {
            row.get(0)
        })
        .optional()?;
    let mut newest_first: Vec<String> = transaction
        .prepare("SELECT query FROM history ORDER BY used DESC LIMIT ?1")?
        .query_map([MAX_QUERIES as i64], |row| row.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    newest_first.reverse();
    Ok((place, newest_first))
}

/// Writes the letter's place, with its marks merged with those stored.
fn write_place(transaction: &Connection, change: &Change) -> rusqlite::Result<()> {
    let stored: Option<String> = transaction
        .query_row(
            "SELECT place FROM places WHERE letter = ?1",
            [&change.key],
            |row| row.get(0),
        )
        .optional()?;
    let stored_marks = stored
        .and_then(|json| serde_json::from_str::<Place>(&json).ok())
        .map(|place| place.marks)
        .unwrap_or_default();
    let place = Place {
        marks: merge::marks(stored_marks, &change.base.marks, &change.place.marks),
        ..change.place.clone()
    };
    let json = serde_json::to_string(&place)
        .map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))?;
    write_json(transaction, &change.key, &json)
}

/// Writes what is kept under `key` as the newest used.
fn write_json(transaction: &Connection, key: &str, json: &str) -> rusqlite::Result<()> {
    transaction.execute(
        "INSERT INTO places (letter, used, place)
         VALUES (?1, (SELECT coalesce(max(used), 0) + 1 FROM places), ?2)
         ON CONFLICT (letter) DO UPDATE SET used = excluded.used, place = excluded.place",
        params![key, json],
    )?;
    Ok(())
}

/// Writes the queries searched since `base`, each as the newest.
fn write_history(
    transaction: &Connection,
    base: &[String],
    history: &[String],
) -> rusqlite::Result<()> {
    for query in merge::new_queries(base, history) {
        transaction.execute(
            "INSERT INTO history (query, used)
             VALUES (?1, (SELECT coalesce(max(used), 0) + 1 FROM history))
             ON CONFLICT (query) DO UPDATE SET used = excluded.used",
            [query],
        )?;
    }
    Ok(())
}

/// Drops the letters and queries used least recently beyond [`MAX_LETTERS`] and
/// [`MAX_QUERIES`]: one statement each, which the `used` index answers without a scan.
fn prune(connection: &Connection) -> rusqlite::Result<()> {
    for (table, keep) in [("places", MAX_LETTERS), ("history", MAX_QUERIES)] {
        connection.execute(
            &format!(
                "DELETE FROM {table} WHERE used <
                 (SELECT used FROM {table} ORDER BY used DESC LIMIT 1 OFFSET ?1)"
            ),
            [keep as i64 - 1],
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_state_directory_follows_xdg() {
        let p = |x: Option<&str>, h: Option<&str>| path_from(x.map(Into::into), h.map(Into::into));
        assert_eq!(
            p(Some("/s"), Some("/home/a")),
            Some(PathBuf::from("/s/dafu/state.db"))
        );
        assert_eq!(
            p(None, Some("/home/a")),
            Some(PathBuf::from("/home/a/.local/state/dafu/state.db"))
        );
        assert_eq!(
            p(Some(""), Some("/home/a")),
            Some(PathBuf::from("/home/a/.local/state/dafu/state.db")),
            "empty is unset"
        );
        assert_eq!(
            p(Some("relative"), Some("/home/a")),
            Some(PathBuf::from("/home/a/.local/state/dafu/state.db")),
            "a relative path is ignored, as XDG says"
        );
        assert_eq!(p(None, None), None);
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
