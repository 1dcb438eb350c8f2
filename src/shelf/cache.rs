//! The shelf's cache: what was read of each letter — its row, its text, or why it was
//! refused — kept in SQLite under `$XDG_CACHE_HOME/dafu/`, so that a second run parses no
//! letter that did not change.
//!
//! A letter is keyed by its content: a 128-bit hash of its bytes (and of how it is read, as
//! YAML or as a transcript, and by which dafu), so a moved or copied letter is found again
//! and an edited one is read anew. The hash costs a read of the file; a file whose size and
//! modification time are those seen last time at its path is taken to be unchanged without
//! it, as `make` and `git` take it.
//!
//! A cache is never an error for the reader: a store that cannot be opened or written is
//! done without, a damaged or newer one is set aside and made anew ([`crate::store`]), and
//! many dafu processes may use one at once (WAL; each run writes what it read in one
//! transaction).

use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use rusqlite::{Connection, OptionalExtension, params};

use super::{Head, LetterText, Summary};
use crate::letter::load::LoadError;
use crate::store::{self, Reason, Schema};
use crate::text::sanitize::sanitize_line;

/// The cache's tables: where each file was last seen, and what each content reads as.
const SCHEMA: Schema = Schema {
    application_id: 0x6461_6673, // "dafs"
    // 2: the small columns before the text, so that a row's head is read without its text.
    version: 2,
    create: "
        CREATE TABLE files (
            path BLOB PRIMARY KEY,
            size INTEGER NOT NULL,
            mtime INTEGER NOT NULL,
            key BLOB NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE letters (
            key BLOB PRIMARY KEY,
            head TEXT,
            error_line INTEGER,
            error_column INTEGER,
            error TEXT,
            crumbs TEXT,
            nodes TEXT,
            docs TEXT
        );
    ",
};

/// Between a letter's documents in the `docs` column: a control character, which sanitised
/// text never holds.
const DOC_SEPARATOR: char = '\u{1f}';

/// The cache file: `$XDG_CACHE_HOME/dafu/shelf.db`, by default `~/.cache/dafu/shelf.db`.
#[must_use]
pub fn default_path() -> Option<PathBuf> {
    let absolute = |dir: PathBuf| dir.is_absolute().then_some(dir);
    let base = std::env::var_os("XDG_CACHE_HOME")
        .filter(|dir| !dir.is_empty())
        .map(PathBuf::from)
        .and_then(absolute)
        .or_else(|| {
            let home = std::env::var_os("HOME").filter(|h| !h.is_empty())?;
            absolute(PathBuf::from(home).join(".cache"))
        })?;
    Some(base.join("dafu").join("shelf.db"))
}

/// A letter's content key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key([u8; 16]);

impl Key {
    /// The key of a letter file's bytes, read as a transcript (`text`) or as YAML.
    #[must_use]
    pub fn of(bytes: &[u8], text: bool) -> Self {
        use std::hash::Hasher;
        let mut hasher = siphasher::sip128::SipHasher13::new_with_keys(0x6461_6675, 0x7368_656c);
        // Another dafu may read the same bytes otherwise: its readings are its own.
        hasher.write(env!("CARGO_PKG_VERSION").as_bytes());
        hasher.write_u8(u8::from(text));
        hasher.write(bytes);
        Self(siphasher::sip128::Hasher128::finish128(&hasher).as_bytes())
    }
}

/// A file's size and modification time, as last seen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    size: u64,
    mtime: i64,
}

impl Stamp {
    /// The stamp of the file at `path`, if it can be had.
    #[must_use]
    pub fn of(path: &Path) -> Option<Self> {
        let meta = std::fs::metadata(path).ok()?;
        let since = meta.modified().ok()?.duration_since(UNIX_EPOCH).ok()?;
        Some(Self {
            size: meta.len(),
            mtime: i64::try_from(since.as_nanos()).ok()?,
        })
    }
}

/// What the cache holds for one content: the letter's summary, or why it was refused.
#[derive(Debug, Clone, PartialEq)]
pub enum Reading {
    /// Read: its row, and its text when it was asked for.
    Read(Head, Option<LetterText>),
    /// Refused: where and why (the file's name is the caller's).
    Refused(Option<(usize, usize)>, String),
}

impl Reading {
    /// What a reading of `path` gave.
    #[must_use]
    pub fn of(result: &Result<Summary, LoadError>) -> Self {
        match result {
            Ok(summary) => Reading::Read(summary.head.clone(), summary.text.clone()),
            Err(e) => Reading::Refused(e.position, e.message.clone()),
        }
    }

    /// The reading as the shelf takes it, for the file at `path`.
    ///
    /// # Errors
    /// The refusal, naming `path`.
    pub fn into_result(self, path: &Path) -> Result<Summary, LoadError> {
        match self {
            Reading::Read(head, text) => Ok(Summary { head, text }),
            Reading::Refused(position, message) => Err(LoadError {
                file: sanitize_line(&path.display().to_string()).into_owned(),
                position,
                message,
            }),
        }
    }
}

/// What one run adds to the cache: where a file was seen, and what a content read as.
#[derive(Debug, Clone)]
pub struct Learnt {
    /// The file, its stamp and its content's key.
    pub file: (PathBuf, Stamp, Key),
    /// The content's reading, when it was not in the cache already.
    pub reading: Option<Reading>,
}

/// The cache open for a run.
#[derive(Debug)]
pub struct Cache {
    path: PathBuf,
}

/// A connection to the cache for one thread (connections are not shared between threads).
#[derive(Debug)]
pub struct Lookup {
    connection: Connection,
}

impl Cache {
    /// Opens (or makes) the cache at `path`; `None` when it cannot be had, and the shelf is
    /// read without one.
    #[must_use]
    pub fn open(path: &Path) -> Option<Self> {
        let store = store::open(path, &SCHEMA).ok()?;
        drop(store);
        Some(Self {
            path: path.to_path_buf(),
        })
    }

    /// A connection for one reading thread; `None` when the store cannot be opened again.
    #[must_use]
    pub fn lookup(&self) -> Option<Lookup> {
        let connection = Connection::open(&self.path).ok()?;
        connection.busy_timeout(store::BUSY_TIMEOUT).ok()?;
        Some(Lookup { connection })
    }

    /// Adds what a run learnt, in one transaction. A cache found damaged on the way is set
    /// aside and made anew with what this run learnt; a cache that cannot be written is left
    /// as it is (the next run reads those letters again).
    pub fn learn(&self, learnt: &[Learnt]) {
        if learnt.is_empty() {
            return;
        }
        match self.write(learnt) {
            Err(e) if store::damaged(&e) => {
                if store::set_aside(&self.path, Reason::Damaged).is_ok()
                    && let Some(fresh) = Self::open(&self.path)
                {
                    let _ = fresh.write(learnt);
                }
            }
            _ => {}
        }
    }

    fn write(&self, learnt: &[Learnt]) -> rusqlite::Result<()> {
        let mut store = store::open(&self.path, &SCHEMA).map_err(|e| match e {
            store::OpenError::Sqlite(e) => e,
            store::OpenError::Io(e) => rusqlite::Error::ToSqlConversionFailure(Box::new(e)),
        })?;
        let transaction = store.connection.transaction()?;
        {
            let mut file = transaction.prepare(
                "INSERT OR REPLACE INTO files (path, size, mtime, key) VALUES (?1, ?2, ?3, ?4)",
            )?;
            let mut letter = transaction.prepare(
                "INSERT OR REPLACE INTO letters
                 (key, head, error_line, error_column, error, crumbs, nodes, docs)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )?;
            for Learnt {
                file: (path, stamp, key),
                reading,
            } in learnt
            {
                let size = i64::try_from(stamp.size).unwrap_or(i64::MAX);
                file.execute(params![
                    path.as_os_str().as_encoded_bytes(),
                    size,
                    stamp.mtime,
                    &key.0[..]
                ])?;
                if let Some(reading) = reading {
                    let row = Row::of(reading);
                    letter.execute(params![
                        &key.0[..],
                        row.head,
                        row.error_line,
                        row.error_column,
                        row.error,
                        row.crumbs,
                        row.nodes,
                        row.docs
                    ])?;
                }
            }
        }
        transaction.commit()
    }
}

/// A reading as the `letters` table holds it.
#[derive(Debug, Default)]
struct Row {
    head: Option<String>,
    crumbs: Option<String>,
    nodes: Option<String>,
    docs: Option<String>,
    error_line: Option<i64>,
    error_column: Option<i64>,
    error: Option<String>,
}

impl Row {
    fn of(reading: &Reading) -> Self {
        match reading {
            Reading::Read(head, text) => {
                let text = text.as_ref();
                let separator = DOC_SEPARATOR.to_string();
                Row {
                    head: serde_json::to_string(head).ok(),
                    crumbs: text.and_then(|t| serde_json::to_string(&t.crumbs).ok()),
                    nodes: text.and_then(|t| {
                        let nodes: Vec<usize> = t.docs.iter().map(|(n, _)| *n).collect();
                        serde_json::to_string(&nodes).ok()
                    }),
                    docs: text.map(|t| {
                        let docs: Vec<&str> = t.docs.iter().map(|(_, d)| d.as_str()).collect();
                        docs.join(&separator)
                    }),
                    ..Row::default()
                }
            }
            Reading::Refused(position, message) => Row {
                error_line: position.and_then(|(l, _)| i64::try_from(l).ok()),
                error_column: position.and_then(|(_, c)| i64::try_from(c).ok()),
                error: Some(message.clone()),
                ..Row::default()
            },
        }
    }
}

impl Lookup {
    /// The key of the file at `path` when its stamp is the one last seen there.
    #[must_use]
    pub fn key_of_unchanged(&self, path: &Path, stamp: Stamp) -> Option<Key> {
        let size = i64::try_from(stamp.size).ok()?;
        let key: Vec<u8> = self
            .connection
            .query_row(
                "SELECT key FROM files WHERE path = ?1 AND size = ?2 AND mtime = ?3",
                params![path.as_os_str().as_encoded_bytes(), size, stamp.mtime],
                |row| row.get(0),
            )
            .optional()
            .ok()??;
        Some(Key(key.try_into().ok()?))
    }

    /// What the content `key` read as, with its text when `text` is asked for; `None` when
    /// it is not in the cache (or the cache cannot say).
    #[must_use]
    pub fn reading(&self, key: Key, text: bool) -> Option<Reading> {
        let columns = if text {
            "head, error_line, error_column, error, crumbs, nodes, docs"
        } else {
            "head, error_line, error_column, error, NULL, NULL, NULL"
        };
        let sql = format!("SELECT {columns} FROM letters WHERE key = ?1");
        self.connection
            .query_row(&sql, params![&key.0[..]], |row| {
                Ok(reading_of(
                    row.get(0)?,
                    (row.get(1)?, row.get(2)?, row.get(3)?),
                    text.then(|| -> rusqlite::Result<_> {
                        Ok((row.get(4)?, row.get(5)?, row.get(6)?))
                    })
                    .transpose()?,
                ))
            })
            .optional()
            .ok()
            .flatten()
            .flatten()
    }
}

/// The columns of an error: line, column, message.
type ErrorColumns = (Option<i64>, Option<i64>, Option<String>);

/// The columns of a text: crumbs, nodes, docs.
type TextColumns = (Option<String>, Option<String>, Option<String>);

/// A reading from the `letters` table's columns; `None` when they do not make one.
fn reading_of(
    head: Option<String>,
    (line, column, error): ErrorColumns,
    text: Option<TextColumns>,
) -> Option<Reading> {
    if let Some(message) = error {
        let position = line
            .zip(column)
            .and_then(|(l, c)| Some((usize::try_from(l).ok()?, usize::try_from(c).ok()?)));
        return Some(Reading::Refused(position, message));
    }
    let head: Head = serde_json::from_str(&head?).ok()?;
    let text = match text {
        None => None,
        Some((crumbs, nodes, docs)) => Some(text_of(&crumbs?, &nodes?, &docs?)?),
    };
    Some(Reading::Read(head, text))
}

/// A letter's text from its columns.
fn text_of(crumbs: &str, nodes: &str, docs: &str) -> Option<LetterText> {
    let crumbs: Vec<[String; 2]> = serde_json::from_str(crumbs).ok()?;
    let nodes: Vec<usize> = serde_json::from_str(nodes).ok()?;
    let texts = docs.split(DOC_SEPARATOR).map(str::to_string);
    // An empty letter has no document, which `split` would give as one empty one.
    let docs: Vec<(usize, String)> = nodes.into_iter().zip(texts).collect();
    Some(LetterText { crumbs, docs })
}
