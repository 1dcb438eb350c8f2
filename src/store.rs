//! The one way dafu opens an SQLite store (the kept state, the shelf's cache): a file many
//! readers may open at once, as SQLite's "application file format" advice has it.
//!
//! - **Many processes at once**: write-ahead logging (readers never wait for a writer, and a
//!   writer waits for another at most [`BUSY_TIMEOUT`]); every change is a transaction, so
//!   no reader sees half of one and none is lost.
//! - **Ours, and of a version we know**: the file carries its schema's `application_id` and
//!   `user_version`. A file that is damaged, another program's, or of another version is
//!   *set aside* (renamed beside itself: `state.db.damaged-<time>-<pid>`) and a new one made;
//!   the caller says so to the user ([`Store::set_aside`]). Only a cache, which is made again
//!   from the letters, deletes what it set aside, and only for its format
//!   ([`remove_all_set_aside`]).
//! - **Regular files only**: anything else at the path or at its `-wal`/`-shm`/`-journal`
//!   companions (a FIFO, whose open or read would wait for ever; a symbolic link, which a
//!   write would follow; a directory) is set aside before SQLite opens it, and SQLite opens
//!   its files with `O_NOFOLLOW`. A new file is private (0600, made with `O_EXCL`), its
//!   directory too (0700): a history says what was searched.

use std::fmt;
use std::io;
use std::os::unix::fs::{DirBuilderExt, MetadataExt, OpenOptionsExt};
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::config::DbConfig;
use rusqlite::{Connection, ErrorCode, OpenFlags, TransactionBehavior};

/// How long a writer waits for another to finish before giving up. Saves are a few rows:
/// twelve readers quitting at once wait milliseconds; a store some other program holds
/// locked costs at most this.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(2);

/// What a store holds: how to tell it is ours, its version, and how to make it.
#[derive(Debug, Clone, Copy)]
pub struct Schema {
    /// `PRAGMA application_id`: tells this store from any other SQLite file.
    pub application_id: i32,
    /// `PRAGMA user_version`: the format this dafu reads and writes. A store of any other
    /// version is set aside and made anew.
    pub version: i32,
    /// The statements that make the tables and indexes of a new store, run in the
    /// transaction that stamps it with the id and the version.
    pub create: &'static str,
    /// The size of a new store's pages, in bytes (a power of two from 512 to 65536): large
    /// pages for a store of large rows, which then need no chains of overflow pages.
    pub page_size: u32,
}

/// Why a store was set aside.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// Not an SQLite file, or one SQLite finds damaged.
    Damaged,
    /// An SQLite file of another program.
    Foreign,
    /// Written by a newer dafu, in a format this one does not know.
    Newer,
    /// Written by an older dafu, in a format this one no longer reads.
    Older,
    /// Not a regular file: a FIFO, a symbolic link, a directory, a device.
    NotAFile,
}

impl Reason {
    /// The word in the set-aside file's name.
    fn word(self) -> &'static str {
        match self {
            Reason::Damaged => "damaged",
            Reason::Foreign => "foreign",
            Reason::Newer => "newer",
            Reason::Older => "older",
            Reason::NotAFile => "not-a-file",
        }
    }
}

/// A store that was set aside: why, and where it is now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetAside {
    /// Why.
    pub reason: Reason,
    /// Its new name (its companions, if any, beside it with their suffixes).
    pub to: PathBuf,
}

/// An open store.
#[derive(Debug)]
pub struct Store {
    /// The connection, in WAL mode with [`BUSY_TIMEOUT`].
    pub connection: Connection,
    /// The store found at the path and set aside, if one was.
    pub set_aside: Option<SetAside>,
}

/// Why a store could not be opened at all.
#[derive(Debug)]
pub enum OpenError {
    /// The directory or the file could not be made or moved.
    Io(io::Error),
    /// SQLite refused (a read-only directory, a full disk, a lock held too long).
    Sqlite(rusqlite::Error),
}

impl fmt::Display for OpenError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OpenError::Io(e) => e.fmt(f),
            OpenError::Sqlite(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for OpenError {}

impl From<io::Error> for OpenError {
    fn from(e: io::Error) -> Self {
        OpenError::Io(e)
    }
}

impl From<rusqlite::Error> for OpenError {
    fn from(e: rusqlite::Error) -> Self {
        OpenError::Sqlite(e)
    }
}

/// The companions SQLite keeps beside a store.
const COMPANIONS: [&str; 3] = ["-wal", "-shm", "-journal"];

/// Opens the store at `path` as `schema` describes, making it (and its directory) when it is
/// missing and setting aside what is there when it is not a store of this schema.
///
/// # Errors
/// When the directory, the file or SQLite refuses (see [`OpenError`]).
pub fn open(path: &Path, schema: &Schema) -> Result<Store, OpenError> {
    make_directory(path)?;
    let mut set_aside = None;
    // Twice at most: a second store found wrong is someone else's doing, not ours to chase.
    for _ in 0..2 {
        if let Some(aside) = set_aside_if_not_files(path)? {
            set_aside = Some(aside);
        }
        make_private_file(path)?;
        let found = std::fs::symlink_metadata(path)?;
        let connection = connect(path)?;
        let found_now = if !sqlite_header(path)? {
            Ok(Found::Wrong(Reason::Damaged))
        } else {
            match prepare(&connection, schema, found.len() == 0) {
                Ok(()) => identify(&connection, schema),
                Err(e) if damaged(&e) => Ok(Found::Wrong(Reason::Damaged)),
                Err(e) => Err(e),
            }
        };
        match found_now {
            Ok(Found::Ours) => {
                return Ok(Store {
                    connection,
                    set_aside,
                });
            }
            Ok(Found::Empty) => {
                create(&connection, schema)?;
                return Ok(Store {
                    connection,
                    set_aside,
                });
            }
            Ok(Found::Wrong(reason)) => {
                drop(connection);
                set_aside = set_aside_found(path, &found, reason)?.or(set_aside);
            }
            Err(e) => return Err(e.into()),
        }
    }
    Err(OpenError::Io(io::Error::other(
        "the store was replaced by a wrong one twice while being opened",
    )))
}

/// Whether `error` says the store's file is damaged (rather than busy, full or unwritable):
/// a caller that meets it after [`open`] may [`set_aside`] the store.
#[must_use]
pub fn damaged(error: &rusqlite::Error) -> bool {
    matches!(
        error.sqlite_error_code(),
        Some(ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase)
    )
}

/// Sets the store at `path` and its companions aside for `reason`; `None` when there was
/// nothing there.
///
/// # Errors
/// When something is there and cannot be renamed.
pub fn set_aside(path: &Path, reason: Reason) -> io::Result<Option<SetAside>> {
    let to = aside_name(path, reason);
    let mut moved = false;
    for suffix in std::iter::once("").chain(COMPANIONS) {
        match std::fs::rename(with_suffix(path, suffix), with_suffix(&to, suffix)) {
            Ok(()) => moved = true,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => return Err(e),
        }
    }
    Ok(moved.then_some(SetAside { reason, to }))
}

/// Deletes every store set aside beside `path` for one of `reasons`, by this process or an
/// earlier one, with its companions: for a store that can always be made again (a cache).
/// Only names this module gives (`<name>.<reason>-<seconds>-<pid>`, a companion's suffix
/// after) and only regular files are removed; anything else beside it stays.
pub fn remove_all_set_aside(path: &Path, reasons: &[Reason]) {
    let name = path.file_name().and_then(|n| n.to_str());
    let (Some(directory), Some(name)) = (path.parent(), name) else {
        return;
    };
    let Ok(entries) = std::fs::read_dir(directory) else {
        return;
    };
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let set_aside = file_name
            .to_str()
            .and_then(|file| file.strip_prefix(name)?.strip_prefix('.'))
            .is_some_and(|rest| reasons.iter().any(|r| names_set_aside(rest, *r)));
        if set_aside && entry.file_type().is_ok_and(|t| t.is_file()) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Whether `rest` (a file name after the store's name and a dot) is what [`aside_name`]
/// makes for `reason`, or one of its companions.
fn names_set_aside(rest: &str, reason: Reason) -> bool {
    let Some(stamp) = rest
        .strip_prefix(reason.word())
        .and_then(|r| r.strip_prefix('-'))
    else {
        return false;
    };
    let stamp = COMPANIONS
        .iter()
        .find_map(|suffix| stamp.strip_suffix(suffix))
        .unwrap_or(stamp);
    stamp.split_once('-').is_some_and(|(seconds, pid)| {
        [seconds, pid]
            .iter()
            .all(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
    })
}

/// What [`identify`] found in an open store.
enum Found {
    /// A store of this schema and version.
    Ours,
    /// An empty file: a new store, to be made.
    Empty,
    /// Not one to use, for this reason.
    Wrong(Reason),
}

/// Tells what the open file is, by its id, its version and whether it has tables.
///
/// The three are read in one transaction, from one state of the store. Read one statement
/// at a time, another process making the store could commit between them (the id read
/// before, the tables after): an unstamped store with tables, taken for another program's
/// and set aside with all that process then wrote in it.
fn identify(connection: &Connection, schema: &Schema) -> rusqlite::Result<Found> {
    let read = || -> rusqlite::Result<(i32, i32, i64)> {
        let snapshot =
            rusqlite::Transaction::new_unchecked(connection, TransactionBehavior::Deferred)?;
        let id = snapshot.pragma_query_value(None, "application_id", |row| row.get(0))?;
        let version = snapshot.pragma_query_value(None, "user_version", |row| row.get(0))?;
        let tables =
            snapshot.query_row("SELECT count(*) FROM sqlite_master", [], |row| row.get(0))?;
        // Only read: nothing to keep.
        snapshot.rollback()?;
        Ok((id, version, tables))
    };
    let (id, version, tables) = match read() {
        Ok(found) => found,
        Err(e) if damaged(&e) => return Ok(Found::Wrong(Reason::Damaged)),
        Err(e) => return Err(e),
    };
    Ok(if id == 0 && version == 0 && tables == 0 {
        Found::Empty
    } else if id != schema.application_id {
        Found::Wrong(Reason::Foreign)
    } else if version > schema.version {
        Found::Wrong(Reason::Newer)
    } else if version < schema.version {
        Found::Wrong(Reason::Older)
    } else {
        Found::Ours
    })
}

/// Whether the file at `path` (a regular file) is empty or starts as an SQLite file does.
/// SQLite itself takes a file shorter than a page for an empty database, and would write
/// over a few bytes of something else without a word.
fn sqlite_header(path: &Path) -> io::Result<bool> {
    use std::io::Read;
    const HEADER: &[u8; 16] = b"SQLite format 3\0";
    let mut start = Vec::with_capacity(HEADER.len());
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(
            i32::try_from((rustix::fs::OFlags::NOFOLLOW | rustix::fs::OFlags::NONBLOCK).bits())
                .unwrap_or_default(),
        )
        .open(path)?
        .take(HEADER.len() as u64)
        .read_to_end(&mut start)?;
    Ok(start.is_empty() || start == HEADER)
}

/// Makes the tables of an empty store and stamps it, in one transaction; another process
/// may have done so meanwhile, and then this does nothing. Returns whether it made them.
fn create(connection: &Connection, schema: &Schema) -> rusqlite::Result<bool> {
    let transaction =
        rusqlite::Transaction::new_unchecked(connection, TransactionBehavior::Immediate)?;
    let version: i32 = transaction.pragma_query_value(None, "user_version", |row| row.get(0))?;
    if version != 0 {
        return Ok(false);
    }
    transaction.execute_batch(schema.create)?;
    transaction.pragma_update(None, "application_id", schema.application_id)?;
    transaction.pragma_update(None, "user_version", schema.version)?;
    transaction.commit()?;
    Ok(true)
}

/// Opens the file with SQLite, waiting up to [`BUSY_TIMEOUT`] for other writers. SQLite
/// reads nothing yet: a damaged file is found by [`prepare`] or [`identify`].
///
/// # Errors
/// When SQLite cannot open it.
pub fn connect(path: &Path) -> rusqlite::Result<Connection> {
    let connection =
        Connection::open_with_flags(path, OpenFlags::default() | OpenFlags::SQLITE_OPEN_NOFOLLOW)?;
    connection.busy_timeout(BUSY_TIMEOUT)?;
    // One plan per statement, whatever values are bound: otherwise SQLite (built with
    // STAT4) prepares a statement with a range or a LIMIT anew each time it is run with
    // other values, which cost more than the lookups themselves.
    connection.set_db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG, true)?;
    Ok(connection)
}

/// Puts the store in WAL mode: readers never wait for a writer. A store still `empty` is
/// given its page size first, which WAL mode then fixes; a store that has pages is not asked
/// (the pragma reads the schema, under a lock that another process may hold), and a size
/// that cannot be set is only the default one.
fn prepare(connection: &Connection, schema: &Schema, empty: bool) -> rusqlite::Result<()> {
    if empty {
        let _ = connection.pragma_update(None, "page_size", schema.page_size);
    }
    // Switching to WAL takes a lock of its own, which the busy handler does not always wait
    // for when many processes open a new store at once: try again for as long.
    let started = std::time::Instant::now();
    loop {
        match connection
            .pragma_update_and_check(None, "journal_mode", "WAL", |row| row.get::<_, String>(0))
        {
            Ok(_) => break,
            Err(e) if busy(&e) && started.elapsed() < BUSY_TIMEOUT => {
                std::thread::sleep(Duration::from_millis(5));
            }
            Err(e) => return Err(e),
        }
    }
    // In WAL mode, NORMAL loses at most the last transactions on a power cut, never the file.
    connection.pragma_update(None, "synchronous", "NORMAL")
}

/// Whether `error` is another process holding the store.
fn busy(error: &rusqlite::Error) -> bool {
    matches!(
        error.sqlite_error_code(),
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked)
    )
}

/// Makes the store's directory, private, if it is missing.
fn make_directory(path: &Path) -> io::Result<()> {
    let dir = path
        .parent()
        .ok_or_else(|| io::Error::other("the store has no directory"))?;
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
}

/// Makes an empty, private store file when there is none (an empty file is an empty SQLite
/// database). `O_EXCL` makes it only if nothing, not even a dangling link, is there.
fn make_private_file(path: &Path) -> io::Result<()> {
    match std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
    {
        Err(e) if e.kind() != io::ErrorKind::AlreadyExists => Err(e),
        _ => Ok(()),
    }
}

/// Sets the store aside when it or a companion is there but is not a regular file.
fn set_aside_if_not_files(path: &Path) -> io::Result<Option<SetAside>> {
    let not_a_file =
        |p: &Path| std::fs::symlink_metadata(p).is_ok_and(|meta| !meta.file_type().is_file());
    let any = std::iter::once("")
        .chain(COMPANIONS)
        .any(|suffix| not_a_file(&with_suffix(path, suffix)));
    if any {
        set_aside(path, Reason::NotAFile)
    } else {
        Ok(None)
    }
}

/// Sets aside the store found at `path` for `reason`, unless another process has set it
/// aside and made a new one meanwhile (then the file there is not the one found wrong).
fn set_aside_found(
    path: &Path,
    found: &std::fs::Metadata,
    reason: Reason,
) -> io::Result<Option<SetAside>> {
    match std::fs::symlink_metadata(path) {
        Ok(now) if now.dev() == found.dev() && now.ino() == found.ino() => set_aside(path, reason),
        _ => Ok(None),
    }
}

/// `state.db` → `state.db.damaged-<seconds>-<pid>`: beside it, never over another.
fn aside_name(path: &Path, reason: Reason) -> PathBuf {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let suffix = format!(".{}-{seconds}-{}", reason.word(), std::process::id());
    with_suffix(path, &suffix)
}

/// `path` with `suffix` added to its file name.
fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_os_string();
    name.push(suffix);
    PathBuf::from(name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::{FileTypeExt, PermissionsExt};

    const SCHEMA: Schema = Schema {
        application_id: 0x7465_7374, // "test"
        version: 2,
        create: "CREATE TABLE things (name TEXT PRIMARY KEY);",
        page_size: 4096,
    };

    fn add(store: &Store, name: &str) {
        store
            .connection
            .execute("INSERT INTO things (name) VALUES (?1)", [name])
            .unwrap();
    }

    fn names(store: &Store) -> Vec<String> {
        let mut statement = store
            .connection
            .prepare("SELECT name FROM things ORDER BY name")
            .unwrap();
        statement
            .query_map([], |row| row.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap()
    }

    #[test]
    fn a_new_store_is_made_private_in_wal_mode_and_found_again() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("deep/er/test.db");
        let store = open(&path, &SCHEMA).unwrap();
        assert!(names(&store).is_empty());
        assert_eq!(store.set_aside, None);
        add(&store, "a");
        let mode: String = store
            .connection
            .pragma_query_value(None, "journal_mode", |row| row.get(0))
            .unwrap();
        assert_eq!(mode, "wal");
        let file = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(file & 0o777, 0o600);
        let dir_mode = std::fs::metadata(path.parent().unwrap())
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(dir_mode & 0o777, 0o700);
        drop(store);
        let again = open(&path, &SCHEMA).unwrap();
        assert_eq!(names(&again), ["a"]);
    }

    /// Opens a store at `path` where `bytes` were, and checks what was set aside.
    fn set_aside_for(path: &Path, reason: Reason) -> SetAside {
        let store = open(path, &SCHEMA).unwrap();
        assert!(
            names(&store).is_empty(),
            "a new store replaces the one set aside"
        );
        let aside = store.set_aside.expect("set aside");
        assert_eq!(aside.reason, reason);
        assert!(
            aside.to.parent() == path.parent()
                && aside.to.to_string_lossy().contains(reason.word()),
            "{aside:?}"
        );
        aside
    }

    #[test]
    fn a_damaged_file_is_set_aside_untouched_and_a_new_store_made() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("test.db");
        let bytes = b"{\"format\": \"dafu-state\"} and then some garbage".repeat(200);
        std::fs::write(&path, &bytes).unwrap();
        let aside = set_aside_for(&path, Reason::Damaged);
        assert_eq!(std::fs::read(&aside.to).unwrap(), bytes);
    }

    #[test]
    fn a_few_bytes_of_something_else_are_set_aside_too() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("test.db");
        std::fs::write(&path, "{ not json").unwrap();
        let aside = set_aside_for(&path, Reason::Damaged);
        assert_eq!(std::fs::read_to_string(&aside.to).unwrap(), "{ not json");
    }

    #[test]
    fn a_foreign_newer_or_older_store_is_set_aside() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("test.db");
        for (id, version, reason) in [
            (0x1234, 2, Reason::Foreign),
            (0, 2, Reason::Foreign),
            (SCHEMA.application_id, 3, Reason::Newer),
            (SCHEMA.application_id, 1, Reason::Older),
        ] {
            let other = Connection::open(&path).unwrap();
            other
                .execute_batch("CREATE TABLE theirs (x); INSERT INTO theirs VALUES (1);")
                .unwrap();
            other.pragma_update(None, "application_id", id).unwrap();
            other.pragma_update(None, "user_version", version).unwrap();
            drop(other);
            let aside = set_aside_for(&path, reason);
            let kept = Connection::open(&aside.to).unwrap();
            let x: i64 = kept
                .query_row("SELECT x FROM theirs", [], |row| row.get(0))
                .unwrap();
            assert_eq!(x, 1, "set aside whole");
            std::fs::remove_file(&path).unwrap();
            for suffix in COMPANIONS {
                let _ = std::fs::remove_file(with_suffix(&path, suffix));
            }
        }
    }

    #[test]
    fn a_fifo_is_set_aside_without_being_opened() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("test.db");
        let made = std::process::Command::new("mkfifo")
            .arg(&path)
            .status()
            .unwrap();
        assert!(made.success());
        // Were the FIFO opened and read, this would wait for a writer for ever.
        let aside = set_aside_for(&path, Reason::NotAFile);
        assert!(
            std::fs::symlink_metadata(&aside.to)
                .unwrap()
                .file_type()
                .is_fifo()
        );
    }

    #[test]
    fn a_symbolic_link_at_the_store_or_a_companion_is_never_followed() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("precious.txt");
        std::fs::write(&target, "do not touch").unwrap();
        for suffix in ["", "-wal", "-shm"] {
            let path = dir.path().join("test.db");
            let link = with_suffix(&path, suffix);
            std::os::unix::fs::symlink(&target, &link).unwrap();
            let store = open(&path, &SCHEMA).unwrap();
            add(&store, "a");
            drop(store);
            assert_eq!(std::fs::read_to_string(&target).unwrap(), "do not touch");
            assert!(!std::fs::symlink_metadata(&link).is_ok_and(|m| m.file_type().is_symlink()));
            for s in ["", "-wal", "-shm"] {
                let _ = std::fs::remove_file(with_suffix(&path, s));
            }
        }
    }

    #[test]
    fn twelve_processes_making_the_store_at_once_lose_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("test.db");
        let barrier = std::sync::Barrier::new(12);
        std::thread::scope(|scope| {
            for n in 0..12 {
                let (path, barrier) = (&path, &barrier);
                scope.spawn(move || {
                    barrier.wait();
                    let store = open(path, &SCHEMA).unwrap();
                    assert_eq!(store.set_aside, None);
                    add(&store, &format!("{n:02}"));
                });
            }
        });
        let store = open(&path, &SCHEMA).unwrap();
        assert_eq!(names(&store).len(), 12);
    }

    /// Another process makes the tables and stamps the store while this one is telling what
    /// the store is: at every step of SQLite's reading (a progress handler, called every
    /// instruction, lets the other process's transaction land there), what this one finds
    /// is the empty store or the made one, never a store of another program.
    #[test]
    fn a_store_made_while_it_is_being_identified_is_never_taken_for_another_programs() {
        let dir = tempfile::tempdir().unwrap();
        let mut landed_after_reading = 0;
        for step in 1.. {
            let path = dir.path().join(format!("test-{step}.db"));
            make_private_file(&path).unwrap();
            let maker = connect(&path).unwrap();
            prepare(&maker, &SCHEMA, true).unwrap();
            let mut reader = connect(&path).unwrap();
            prepare(&reader, &SCHEMA, true).unwrap();
            let fired = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
            let (mut maker, mut count, flag) = (Some(maker), 0, fired.clone());
            let handler = move || {
                count += 1;
                if count == step
                    && let Some(maker) = maker.take()
                {
                    assert!(create(&maker, &SCHEMA).unwrap());
                    flag.store(true, std::sync::atomic::Ordering::SeqCst);
                }
                false
            };
            reader.progress_handler(1, Some(handler)).unwrap();
            let found = identify(&reader, &SCHEMA).unwrap();
            if !fired.load(std::sync::atomic::Ordering::SeqCst) {
                // Past the last step of the reading: every place was tried.
                assert!(step > 1 && landed_after_reading > 0);
                break;
            }
            reader.progress_handler(1, None::<fn() -> bool>).unwrap();
            match found {
                Found::Ours => {}
                Found::Empty => {
                    landed_after_reading += 1;
                    // Making it again finds it made, and leaves it as the other one made it.
                    assert!(!create(&reader, &SCHEMA).unwrap());
                    assert!(matches!(identify(&reader, &SCHEMA).unwrap(), Found::Ours));
                }
                Found::Wrong(reason) => {
                    panic!("made while read at step {step}, taken as {reason:?}")
                }
            }
        }
    }
}
