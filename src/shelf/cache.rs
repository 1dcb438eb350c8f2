//! The shelf's cache: what was read of each letter — its row, its text and its sieve (what
//! tells a search where it need not look, [`crate::search::sieve`]), or why it was refused —
//! kept in SQLite under `$XDG_CACHE_HOME/dafu/`, so that a second run parses no letter that
//! did not change, and a search builds the index of only the blocks it may match.
//!
//! A letter is keyed by its content: a 128-bit hash of its bytes (and of how it is read, as
//! YAML or as a transcript, and by which dafu), so a moved or copied letter is found again
//! and an edited one is read anew. The hash costs a read of the file; a file whose
//! [`Stamp`] (size, modification and change times, inode) is the one seen last time at its
//! path is taken to be unchanged without it, as `git` takes it.
//!
//! A cache is never an error for the reader: a store that cannot be opened or written is
//! done without, a damaged or newer one is set aside and made anew ([`crate::store`]), and
//! many dafu processes may use one at once (WAL; each run writes what it read a batch at a
//! time, one transaction each). What it holds can always be read again from the letters, so
//! it is written without waiting for the disk (`synchronous = OFF`): a power cut may lose
//! the last batches, or damage the file, which is then set aside and made anew.

use std::cell::{Cell, RefCell};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use rusqlite::{Connection, OptionalExtension, params};

use super::walk::Folder;
use super::{Block, Head, LetterText};
use crate::letter::load::LoadError;
use crate::letter::tree::CRUMB_JOIN;
use crate::search::sieve::Sieve;
use crate::store::{self, Reason, Schema};
use crate::text::sanitize::path_line;

mod ahead;

/// The format of the cache this dafu reads and writes (`PRAGMA user_version`): a cache of
/// any other is set aside and made anew.
pub const FORMAT: i32 = SCHEMA.version;

/// The cache's tables: where each file was last seen, and what each content reads as.
const SCHEMA: Schema = Schema {
    application_id: 0x6461_6673, // "dafs"
    // 2: the small columns before the text, so that a row's head is read without its text.
    // 3: each letter's sieve (`folded`, `sources`), so that a search reads the text of
    // only the letters, and builds the index of only the blocks, that it may match.
    // 4: where each block is (`places`), so that it is read without the others.
    // 5: each letter's pair filter (`pairs`), also copied beside each of its files, so that
    // the lookup that finds an unchanged file's key can rule the letter out for a literal
    // query, and its row in `letters` is not read at all.
    // 6: each document's pair filter (`block_pairs`), so that a letter that passes is sieved
    // without its folded text.
    // 7: what only some queries read (the folded text, its sources, the letter's pair
    // filter) in a table of its own (`folds`), and pages of 32 KiB: a letter a search reads
    // is then one page of half the size, its filters and its blocks.
    // 8: each breadcrumb as the part after an earlier one's (`parents`): kept whole,
    // breadcrumbs repeat every heading above each point, a quarter of a letter's row. Rows
    // of 16 KB, two to a page: neighbouring letters a search reads often share one.
    // 9: a file's stamp holds its change time and inode beside its size and modification
    // time ([`Stamp`]).
    // 10: the documents in UTF-16 (`docs`, [`docs_columns`]): a letter's row of 16 KB (the
    // median of the made letters) filled its page alone; of 12.8 KB, two share one.
    // 11: the refusals of a value of the wrong type name what the schema expects there
    // (`a letter (a mapping)`), no longer the program's type (`struct Letter`), and a
    // refusal is cut short past 480 characters, not 160 (the fields a letter takes, whole):
    // a refusal is kept in the words it was made in.
    // 12: an empty file's refusal says how to make a letter (`dafu import`), not to read a
    // README an installed dafu does not have.
    // 13: a letter's row counts its sections (`Head::sections`), so that a list tells a letter
    // written in sections from one that answers no suggestion.
    // 14: a transcript's row is read by the import of this version: no letterhead made from
    // the title's head (the issuer falls back to it), periods such as 今年以来, the layout
    // errata; a row read before would show what the import no longer says.
    // 15: a section's points (一是…) are nodes of their own, in a breadcrumb and a figure's
    // place.
    // 16: a row's class is the class without its label (`B` of `类别：B`).
    // 17: a numbered paragraph or a point is named in a breadcrumb by its first clause when
    // its first sentence is long (`根据县领导安排…`), not by the whole sentence.
    // 18: a sentence is long by its words, not its full stop: one of twenty characters and a
    // `。` is a whole name, no longer cut to drop the stop.
    // 19: a transcript in GBK/GB18030, or in UTF-16 after its byte-order mark, is read, no
    // longer refused; a text of bold marks alone is refused.
    // 20: a figure's year must be said alone where it stands, not only as the end of a
    // range (2020 of 2019-2020年): a letter that said so is refused.
    // 21: a tab in a line's indentation is refused as that ("a tab in the indentation"), not
    // in the scanner's words.
    // 22: a letter's row holds the title of the proposal it answers (`Head::subject`), which
    // a list shows to tell letters apart.
    // 23: a figure's money_kind must be worded in its own clause, not anywhere in its node
    // (paid for 「2020年安排352万元…」, 扶持 said a sentence before): a letter that said so is
    // refused, and a refusal quotes the clause.
    // 24: a sum written 最高 must be a cap when it has a money_kind: a letter that marked one
    // paid is refused.
    // 25: a sum whose clause says 额度 must not be of a kind that adds up: a letter that
    // marked one paid is refused.
    // 26: a sum with no money_kind must have its kind, as its `what` words it, worded in its
    // clause too.
    // 27: a figure's period and plan must be stated in its sentence up to the end of its
    // part (`；` parts a sentence), not anywhere in its node.
    // 28: a YAML draft that still begins with the lines `dafu import` heads it with is an
    // unreviewed import (`Head::unreviewed`).
    // 29: a list written more than once and quoted by its amounts a place has its figures at
    // each place in turn (their periods are checked there).
    // 30: a figure's text written inside another's (`100%` in `共100%`) is not a place of it.
    // 31: an import notes a number with no unit, draws no `what` across another number, says
    // its guessed errata as suspicions, and a letter cut short says what the text given
    // lacks.
    // 32: a figure whose place is only guessed (its text written more often than quoted) is
    // checked against its whole node.
    // 33: a hedge after 万 or 亿 (「3万余人」) is read: a transcript holds a figure there.
    // 34: the units counties write (人次, 株, 盏, 间, 册, 起, 平方公里…) make figures, and a
    // number a wrap parted is joined whole: a transcript holds more figures; work reported
    // done (已将, 已 after a plan word, 争取 since a time) is drafted done.
    // 35: 个百分点 is a unit; a list written with its units names what its amounts count;
    // a transcript that is no text is refused; dates in the forms offices write them and a
    // document number with its signer on one line are read.
    // 36: years written with 至 between two 年 (2021年至2023年) are drafted as a period.
    // 37: an empty file, or one of comments alone, is refused at 1:1; a value of .nan or
    // .inf is refused as not finite, and 1e400 as too large, not as text.
    // 38: an end of a range of amounts of a kind that adds up is refused; an import notes a
    // range rather than draft a figure of its end, drafts 计划 naming a programme as done,
    // reads short verdicts and an unquoted proposal title.
    // 39: a letter dated with a day the calendar does not have is dated impossibly, not
    // undated, and not taken for a text cut short.
    // 40: a range whose first end carries its unit (600元至1200元), is scaled by 千 or
    // written in full-width digits is read as one; a value must equal its text but for the
    // float's last bits, not within a part in a billion.
    // 41: a range of ordinals (第1-3批) is no figure and no range of amounts.
    // 42: an import drafts done what 实际 or 已 follows a plan with, what 成功争取 won, and
    // what was done 按照计划.
    // 43: a range written in Chinese numerals (一百至二百万元) is read as one by the check.
    // 44: the import reads ranges as the check does (numbers::range): a first end in
    // Chinese numerals or scaled by 千 makes a range too.
    version: 44,
    create: "
        CREATE TABLE files (
            path BLOB PRIMARY KEY,
            stamp BLOB NOT NULL,
            key BLOB NOT NULL,
            pairs BLOB
        ) WITHOUT ROWID;
        CREATE TABLE letters (
            key BLOB PRIMARY KEY,
            head TEXT,
            error_line INTEGER,
            error_column INTEGER,
            error TEXT,
            block_pairs BLOB,
            crumbs TEXT,
            parents BLOB,
            places BLOB,
            docs BLOB
        );
        CREATE TABLE folds (
            key BLOB PRIMARY KEY,
            folded TEXT NOT NULL,
            sources BLOB NOT NULL,
            pairs BLOB NOT NULL
        );
    ",
    // A letter's row fits one page, and so does its fold's: no overflow pages to chain
    // while writing them, nor to read while searching them. A search reads a page for each
    // letter that may hold its word: the smaller the page, the less it copies.
    page_size: 32768,
};

/// Between a letter's documents in the `docs` column (and between the parts of the `crumbs`
/// column): a control character, which sanitised text never holds.
const DOC_SEPARATOR: char = '\u{1f}';

/// In the `parents` column, a node whose breadcrumbs are kept whole.
const WHOLE: usize = u32::MAX as usize;

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

/// What a file looked like when last seen, as git's index keeps it: its size, its
/// modification time, the time its inode last changed and the inode. The modification time
/// can be set back (`touch -d`, an unpacked archive), the change time cannot: an edit that
/// keeps the size and puts the modification time back is still seen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp([u8; 32]);

impl Stamp {
    /// The stamp of the file at `path`, if it can be had: looked up by its name in `folder`,
    /// the folder it was listed in, when the walk holds that open.
    #[must_use]
    // `stat`'s fields differ in type from one machine to the next: a conversion needless
    // on one is needed on another.
    #[allow(clippy::useless_conversion)]
    pub fn of(path: &Path, folder: Option<&Folder>) -> Option<Self> {
        let stat = match folder.zip(path.file_name()) {
            Some((folder, name)) => folder.stat(name)?,
            None => rustix::fs::stat(path).ok()?,
        };
        let numbers = [
            u64::try_from(stat.st_size).ok()?,
            nanoseconds(stat.st_mtime, stat.st_mtime_nsec)?,
            nanoseconds(stat.st_ctime, stat.st_ctime_nsec)?,
            u64::try_from(stat.st_ino).ok()?,
        ];
        let mut stamp = [0; 32];
        for (place, number) in stamp.chunks_exact_mut(8).zip(numbers) {
            place.copy_from_slice(&number.to_le_bytes());
        }
        Some(Self(stamp))
    }
}

/// A time as nanoseconds since the epoch, as the stamp keeps it (`stat`'s fields differ in
/// type from one machine to the next).
fn nanoseconds(seconds: impl TryInto<i64>, nanos: impl TryInto<i64>) -> Option<u64> {
    let (seconds, nanos): (i64, i64) = (seconds.try_into().ok()?, nanos.try_into().ok()?);
    let nanos = seconds.checked_mul(1_000_000_000)?.checked_add(nanos)?;
    Some(nanos.cast_unsigned())
}

/// Whether a letter may hold what is looked for, told by its pair filter
/// ([`Sieve::pairs`]).
pub type PairTest<'a> = dyn Fn(&[u8]) -> bool + 'a;

/// What a run learnt of one content: the letter's row, text and sieve, or why it was
/// refused.
#[derive(Debug, Clone, PartialEq)]
pub enum Reading {
    /// Read: its row, its text and its sieve.
    Read(Head, Box<Fill>),
    /// Refused: where and why (the file's name is the caller's).
    Refused(Option<(usize, usize)>, String),
}

/// A letter's text and its sieve: what a search reads of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Fill {
    /// The searchable text.
    pub text: LetterText,
    /// The sieve of its documents.
    pub sieve: Sieve,
}

/// What the cache says of one content: its row, or why it was refused (where and why).
pub type Known<T> = Result<T, (Option<(usize, usize)>, String)>;

/// The refusal of the file at `path`, at `position`.
#[must_use]
pub fn refusal(path: &Path, (position, message): (Option<(usize, usize)>, String)) -> LoadError {
    LoadError {
        file: path_line(path),
        position,
        message,
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
    /// The connection that writes what the run learns: the one that opened the cache, kept
    /// (made anew after a write that failed).
    writer: Mutex<Option<Connection>>,
}

/// A connection to the cache for one thread (connections are not shared between threads).
#[derive(Debug)]
pub struct Lookup {
    connection: Connection,
    /// Whether a read transaction is open: one spans many lookups (the store is locked and
    /// checked once), and is ended while the thread reads a letter itself, so that the
    /// writer can fold what it wrote meanwhile into the file (a checkpoint waits for no
    /// reader that started after it wrote).
    reading: Cell<bool>,
    /// The rows of `files` read ahead, in this read transaction.
    ahead: RefCell<ahead::Ahead>,
}

impl Cache {
    /// Opens (or makes) the cache at `path`; `None` when it cannot be had, and the shelf is
    /// read without one. The connection that opened it is kept to write with: while it is
    /// open, SQLite's log and its index stay, and each reading thread's connection finds
    /// them rather than making them anew (the last connection closed removes them).
    #[must_use]
    pub fn open(path: &Path) -> Option<Self> {
        let store = store::open(path, &SCHEMA).ok()?;
        Some(Self {
            path: path.to_path_buf(),
            // A cache that cannot be written to is still read from.
            writer: Mutex::new(writing(store, path).ok()),
        })
    }

    /// A connection for one reading thread; `None` when the store cannot be opened again.
    #[must_use]
    pub fn lookup(&self) -> Option<Lookup> {
        let connection = store::connect(&self.path).ok()?;
        // Read by SQLite's own reads, not through a map of the file: a cache another process
        // cuts short while this one reads would be a bus error through a map, and a warm
        // search measured no slower without one.
        Some(Lookup {
            connection,
            reading: Cell::new(false),
            ahead: RefCell::default(),
        })
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
                self.forget_writer();
                if store::set_aside(&self.path, Reason::Damaged).is_ok()
                    && let Some(fresh) = Self::open(&self.path)
                {
                    let _ = fresh.write(learnt);
                }
            }
            Err(_) => self.forget_writer(),
            Ok(()) => {}
        }
    }

    /// Closes the writing connection: the next batch opens the store anew.
    fn forget_writer(&self) {
        if let Ok(mut writer) = self.writer.lock() {
            *writer = None;
        }
    }

    fn write(&self, learnt: &[Learnt]) -> rusqlite::Result<()> {
        let mut writer = self
            .writer
            .lock()
            .map_err(|_| rusqlite::Error::InvalidQuery)?;
        if writer.is_none() {
            let store = store::open(&self.path, &SCHEMA).map_err(|e| match e {
                store::OpenError::Sqlite(e) => e,
                store::OpenError::Io(e) => rusqlite::Error::ToSqlConversionFailure(Box::new(e)),
            })?;
            *writer = Some(writing(store, &self.path)?);
        }
        let Some(connection) = writer.as_mut() else {
            return Ok(());
        };
        let transaction = connection.transaction()?;
        {
            // The file's row after its content's: it copies the content's pair filter, from
            // the reading when there is one, else from the content's row.
            let mut file = transaction.prepare(
                "INSERT OR REPLACE INTO files (path, stamp, key, pairs)
                 VALUES (?1, ?2, ?3, COALESCE(?4, (SELECT pairs FROM folds WHERE key = ?3)))",
            )?;
            let mut letter = transaction.prepare(
                "INSERT OR REPLACE INTO letters (key, head, error_line, error_column, error,
                 block_pairs, crumbs, parents, places, docs)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            )?;
            let mut fold = transaction.prepare(
                "INSERT OR REPLACE INTO folds (key, folded, sources, pairs)
                 VALUES (?1, ?2, ?3, ?4)",
            )?;
            for Learnt {
                file: (path, stamp, key),
                reading,
            } in learnt
            {
                let mut pairs = None;
                if let Some(reading) = reading {
                    let row = Row::of(reading);
                    letter.execute(params![
                        &key.0[..],
                        row.head,
                        row.error_line,
                        row.error_column,
                        row.error,
                        row.block_pairs,
                        row.crumbs,
                        row.parents,
                        row.places,
                        row.docs
                    ])?;
                    if let Reading::Read(_, fill) = reading {
                        let sieve = &fill.sieve;
                        pairs = Some(sieve.pairs.as_slice());
                        fold.execute(params![&key.0[..], sieve.folded, sieve.sources, pairs])?;
                    }
                }
                let path = path.as_os_str().as_encoded_bytes();
                file.execute(params![path, &stamp.0[..], &key.0[..], pairs])?;
            }
        }
        transaction.commit()
    }
}

/// `texts` one after another, [`DOC_SEPARATOR`] between.
fn joined<'a>(texts: impl Iterator<Item = &'a str>) -> String {
    let mut joined = String::new();
    for (i, text) in texts.enumerate() {
        if i > 0 {
            joined.push(DOC_SEPARATOR);
        }
        joined.push_str(text);
    }
    joined
}

/// A reading as the `letters` table holds it.
#[derive(Debug, Default)]
struct Row<'a> {
    head: Option<String>,
    block_pairs: Option<&'a [u8]>,
    crumbs: Option<String>,
    parents: Option<Vec<u8>>,
    places: Option<Vec<u8>>,
    docs: Option<Vec<u8>>,
    error_line: Option<i64>,
    error_column: Option<i64>,
    error: Option<&'a str>,
}

impl<'a> Row<'a> {
    fn of(reading: &'a Reading) -> Self {
        match reading {
            Reading::Read(head, fill) => {
                let text = &fill.text;
                let (crumbs, parents) = crumb_parts(&text.crumbs);
                let (places, docs) = docs_columns(text);
                Row {
                    head: serde_json::to_string(head).ok(),
                    block_pairs: Some(fill.sieve.block_pairs.as_slice()),
                    crumbs: Some(crumbs),
                    parents: Some(parents),
                    places: Some(places),
                    docs: Some(docs),
                    ..Row::default()
                }
            }
            Reading::Refused(position, message) => Row {
                error_line: position.and_then(|(l, _)| i64::try_from(l).ok()),
                error_column: position.and_then(|(_, c)| i64::try_from(c).ok()),
                error: Some(message),
                ..Row::default()
            },
        }
    }
}

impl Lookup {
    /// Opens the read transaction the next queries share, if none is open. The rows read
    /// ahead are forgotten then: they belong to the transaction before (or to none, if it
    /// could not be opened, and the next statement may see what another process wrote).
    fn begin(&self) {
        if !self.reading.get() {
            self.ahead.borrow_mut().forget();
            if self.connection.execute_batch("BEGIN").is_ok() {
                self.reading.set(true);
            }
        }
    }

    /// Ends the read transaction, if one is open: the thread is about to read a letter
    /// itself, which takes long enough for the writer to want the store's log folded in.
    pub fn pause(&self) {
        if self.reading.replace(false) {
            let _ = self.connection.execute_batch("COMMIT");
        }
    }

    /// The key of the file at `path` when its stamp is the one last seen there, and whether
    /// its content may hold what `test`, if given, looks for in its pair filter
    /// ([`Sieve::pairs`]), read beside the key: `test`'s answer, or `true` when there is no
    /// filter (a refused letter has none).
    #[must_use]
    pub fn key_of_unchanged(
        &self,
        path: &Path,
        stamp: Stamp,
        test: Option<&PairTest<'_>>,
    ) -> Option<(Key, bool)> {
        self.begin();
        let mut ahead = self.ahead.borrow_mut();
        let path = path.as_os_str().as_encoded_bytes();
        let row = ahead.row(&self.connection, path, test.is_some())?;
        if row.stamp != stamp.0 {
            return None;
        }
        let holds = row
            .pairs
            .zip(test)
            .is_none_or(|(filter, test)| test(filter));
        Some((Key(row.key.try_into().ok()?), holds))
    }

    /// The row of the content `key`, or its refusal; `None` when it is not in the cache (or
    /// the cache cannot say).
    #[must_use]
    pub fn head(&self, key: Key) -> Option<Known<Head>> {
        self.begin();
        let mut statement = self
            .connection
            .prepare_cached(
                "SELECT error_line, error_column, error, head FROM letters WHERE key = ?1",
            )
            .ok()?;
        statement
            .query_row(params![&key.0[..]], |row| {
                let error: ErrorColumns = (row.get(0)?, row.get(1)?, row.get(2)?);
                if let Some(refused) = refused_of(error) {
                    return Ok(Some(Err(refused)));
                }
                let head: Option<String> = row.get(3)?;
                Ok(head.and_then(|head| serde_json::from_str(&head).ok().map(Ok)))
            })
            .optional()
            .ok()
            .flatten()
            .flatten()
    }

    /// The blocks of the content `key` that `sieve` lets through (given the columns of the
    /// letter's sieve that `reach` asks for; it says which documents, ascending), with their
    /// breadcrumbs, or its refusal; `None` when it is not in the cache. Only the blocks that
    /// pass are looked at.
    pub fn sieved_blocks(
        &self,
        key: Key,
        reach: Reach,
        sieve: impl FnOnce(SieveColumns<'_>) -> Vec<usize>,
    ) -> Option<Known<Vec<Block>>> {
        self.begin();
        // SQLite copies out every column a statement names: each asks for what it needs.
        let sql = match reach {
            Reach::Sources => {
                "SELECT error_line, error_column, error, NULL, NULL, NULL, NULL, NULL
                 FROM letters WHERE key = ?1"
            }
            Reach::Whole => {
                "SELECT error_line, error_column, error, NULL, crumbs, parents, places, docs
                 FROM letters WHERE key = ?1"
            }
            Reach::Pairs => {
                "SELECT error_line, error_column, error, block_pairs, crumbs, parents, places,
                 docs FROM letters WHERE key = ?1"
            }
        };
        let mut statement = self.connection.prepare_cached(sql).ok()?;
        let mut rows = statement.query(params![&key.0[..]]).ok()?;
        let row = rows.next().ok()??;
        let error: ErrorColumns = (row.get(0).ok()?, row.get(1).ok()?, row.get(2).ok()?);
        if let Some(refused) = refused_of(error) {
            return Some(Err(refused));
        }
        let bytes = |i| -> Option<Option<&[u8]>> { row.get_ref(i).ok()?.as_bytes_or_null().ok() };
        let places = bytes(6)?;
        let docs = if reach == Reach::Pairs {
            // A row without what its sieve needs is not known: the letter is read anew.
            sieve(SieveColumns {
                folded: None,
                sources: None,
                block_pairs: Some(bytes(3)??),
                docs: places.map_or(0, |places| places.len() / 8),
            })
        } else {
            self.with_fold(key, reach == Reach::Sources, |folded, sources| {
                sieve(SieveColumns {
                    folded: Some(folded),
                    sources,
                    block_pairs: None,
                    docs: 0,
                })
            })?
        };
        if docs.is_empty() {
            return Some(Ok(Vec::new()));
        }
        if reach != Reach::Sources {
            let columns = [bytes(4)??, bytes(5)??, places?, bytes(7)??];
            return blocks_of(columns, &docs).map(Ok);
        }
        let mut statement = self
            .connection
            .prepare_cached("SELECT crumbs, parents, places, docs FROM letters WHERE key = ?1")
            .ok()?;
        let mut rows = statement.query(params![&key.0[..]]).ok()?;
        let row = rows.next().ok()??;
        let bytes = |i| -> Option<&[u8]> { row.get_ref(i).ok()?.as_bytes_or_null().ok()? };
        blocks_of([bytes(0)?, bytes(1)?, bytes(2)?, bytes(3)?], &docs).map(Ok)
    }

    /// What `read` makes of the folded text of the content `key` and, if `sources`, its
    /// sources; `None` when they are not in the cache.
    fn with_fold<T>(
        &self,
        key: Key,
        sources: bool,
        read: impl FnOnce(&[u8], Option<&[u8]>) -> T,
    ) -> Option<T> {
        let sql = if sources {
            "SELECT folded, sources FROM folds WHERE key = ?1"
        } else {
            "SELECT folded, NULL FROM folds WHERE key = ?1"
        };
        let mut statement = self.connection.prepare_cached(sql).ok()?;
        let mut rows = statement.query(params![&key.0[..]]).ok()?;
        let row = rows.next().ok()??;
        let folded = row.get_ref(0).ok()?.as_bytes().ok()?;
        let sources = row.get_ref(1).ok()?.as_bytes_or_null().ok()?;
        Some(read(folded, sources))
    }
}

/// The store's connection, made ready to write the cache: a cache is read again from the
/// letters if lost, so it does not wait for the disk.
///
/// Caches set aside beside it for their format, older or newer, by this run or an earlier
/// one, are deleted: they are dafu's own (their id says so), no dafu reads a cache set aside
/// again, and each change of version would leave one as large as the cache. A damaged file
/// or another program's stays set aside.
fn writing(store: store::Store, path: &Path) -> rusqlite::Result<Connection> {
    store::remove_all_set_aside(path, &[Reason::Older, Reason::Newer]);
    store.connection.pragma_update(None, "synchronous", "OFF")?;
    Ok(store.connection)
}

/// The columns of a letter's sieve that [`Lookup::sieved_blocks`] read, as its reach asked.
#[derive(Debug, Clone, Copy)]
pub struct SieveColumns<'a> {
    /// Its folded text ([`Sieve::folded`]).
    pub folded: Option<&'a [u8]>,
    /// Its sources ([`Sieve::sources`]).
    pub sources: Option<&'a [u8]>,
    /// Its documents' own pair filters ([`Sieve::block_pairs`]).
    pub block_pairs: Option<&'a [u8]>,
    /// How many documents it has, when its blocks were read with its filters (else 0).
    pub docs: usize,
}

/// What [`Lookup::sieved_blocks`] reads of a letter's row at first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reach {
    /// Its folded text and its sources (for a query that reads as pinyin); its blocks after,
    /// only if one passes.
    Sources,
    /// Its folded text, and its blocks at once, for a literal query of one character (which
    /// a letter's pair filters cannot judge, and most letters hold).
    Whole,
    /// Its documents' own pair filters and its blocks at once, for a literal query of two
    /// characters or more, which a letter that passed its pair filter likely holds: one
    /// lookup of its row, and not its folded text.
    Pairs,
}

/// The columns of an error: line, column, message.
type ErrorColumns = (Option<i64>, Option<i64>, Option<String>);

/// The refusal the error columns hold, if they hold one.
fn refused_of((line, column, error): ErrorColumns) -> Option<(Option<(usize, usize)>, String)> {
    let message = error?;
    let position = line
        .zip(column)
        .and_then(|(l, c)| Some((usize::try_from(l).ok()?, usize::try_from(c).ok()?)));
    Some((position, message))
}

/// The `places` and `docs` columns of `text`. `docs` holds its documents one after another,
/// [`DOC_SEPARATOR`] between, in UTF-16 (little-endian): a Chinese character takes two bytes
/// there where UTF-8 takes three, and a letter's row is what a search reads of it, a whole
/// page for the few blocks it looks at (two rows fit a page where one did, docs/performance.md).
/// `places` says where each document is: its node and the byte of `docs` where it ends, four
/// bytes each, little-endian.
fn docs_columns(text: &LetterText) -> (Vec<u8>, Vec<u8>) {
    let mut places = Vec::with_capacity(8 * text.docs.len());
    let bytes: usize = text.docs.iter().map(|(_, doc)| doc.len()).sum();
    let mut docs = Vec::with_capacity(bytes);
    let separator = u16::try_from(u32::from(DOC_SEPARATOR)).unwrap_or_default();
    for (i, (node, doc)) in text.docs.iter().enumerate() {
        let units = (i > 0)
            .then_some(separator)
            .into_iter()
            .chain(doc.encode_utf16());
        for unit in units {
            docs.extend_from_slice(&unit.to_le_bytes());
        }
        push_number(&mut places, *node);
        push_number(&mut places, docs.len());
    }
    (places, docs)
}

/// The text of the bytes `bytes` of a `docs` column; `None` when they are not UTF-16.
fn text_of(bytes: &[u8]) -> Option<String> {
    if !bytes.len().is_multiple_of(2) {
        return None;
    }
    let units = bytes
        .chunks_exact(2)
        .map(|pair| u16::from_le_bytes([pair[0], pair[1]]));
    char::decode_utf16(units)
        .collect::<Result<String, _>>()
        .ok()
}

/// Each node's breadcrumbs as the `crumbs` and `parents` columns keep them. A node's
/// breadcrumb is most often an earlier node's (its parent's), then [`CRUMB_JOIN`], then its
/// name: only the name is kept, with the earlier node's place, four bytes little-endian
/// ([`WHOLE`] for breadcrumbs kept whole). Kept whole, they repeat every heading above each
/// point, a quarter of a letter's row.
fn crumb_parts(crumbs: &[[String; 2]]) -> (String, Vec<u8>) {
    let (mut parts, mut parents) = (Vec::with_capacity(2 * crumbs.len()), Vec::new());
    // The nodes a later one's breadcrumb may start with: the outline lists a parent before
    // its children, so a parent is on this stack when its children come.
    let mut open: Vec<usize> = Vec::new();
    for (node, pair) in crumbs.iter().enumerate() {
        let mut found = None;
        while let Some(&up) = open.last() {
            found = names_after(&crumbs[up], pair)
                .filter(|_| up < WHOLE)
                .map(|names| (up, names));
            if found.is_some() {
                break;
            }
            open.pop();
        }
        let (parent, names) = found.unwrap_or((WHOLE, [pair[0].as_str(), pair[1].as_str()]));
        push_number(&mut parents, parent);
        parts.extend(names);
        open.push(node);
    }
    (joined(parts.into_iter()), parents)
}

/// What follows breadcrumbs `up` and [`CRUMB_JOIN`] in `crumbs`, in both languages, when
/// they start so.
fn names_after<'a>(up: &[String; 2], crumbs: &'a [String; 2]) -> Option<[&'a str; 2]> {
    let after = |k: usize| {
        let rest: &'a str = crumbs[k].strip_prefix(up[k].as_str())?;
        rest.strip_prefix(CRUMB_JOIN)
    };
    Some([after(0)?, after(1)?])
}

/// The breadcrumbs of `node` from the parts of each node's ([`crumb_parts`], as far as it)
/// and the `parents` column; `None` when they do not read.
fn crumbs_of(parts: &[&[u8]], parents: &[u8], node: usize) -> Option<[String; 2]> {
    let mut chain = vec![node];
    let mut at = node;
    loop {
        match number_at(parents, at)? {
            WHOLE => break,
            // Always an earlier node: a later one could make a loop.
            up if up < at => {
                chain.push(up);
                at = up;
            }
            _ => return None,
        }
    }
    let mut pair = [String::new(), String::new()];
    for (k, crumb) in pair.iter_mut().enumerate() {
        for (i, &node) in chain.iter().rev().enumerate() {
            if i > 0 {
                crumb.push_str(CRUMB_JOIN);
            }
            crumb.push_str(std::str::from_utf8(parts.get(2 * node + k)?).ok()?);
        }
    }
    Some(pair)
}

/// The documents `docs` (ascending) of a letter as blocks, from its columns (`crumbs`,
/// `parents`, `places` and `docs`): each found by its place, the others not looked at.
fn blocks_of([crumbs, parents, places, texts]: [&[u8]; 4], docs: &[usize]) -> Option<Vec<Block>> {
    let separator = u8::try_from(DOC_SEPARATOR).ok()?;
    let number = |at: usize| number_at(places, at);
    let mut places = Vec::with_capacity(docs.len());
    for &doc in docs {
        let (node, end) = (number(2 * doc)?, number(2 * doc + 1)?);
        // After the end of the one before, and its separator (two bytes).
        let start = match doc {
            0 => 0,
            _ => number(2 * doc - 1)?.checked_add(2)?,
        };
        places.push((node, start, end));
    }
    // The breadcrumbs are split only as far as the last one needed.
    let needed = places
        .iter()
        .map(|&(node, _, _)| 2 * node + 2)
        .max()
        .unwrap_or(0);
    let crumbs: Vec<&[u8]> = split(crumbs, separator).take(needed).collect();
    let mut blocks = Vec::with_capacity(docs.len());
    for (node, start, end) in places {
        blocks.push(Block {
            crumbs: crumbs_of(&crumbs, parents, node)?,
            text: text_of(texts.get(start..end)?)?,
        });
    }
    Some(blocks)
}

/// The `at`th of the four-byte little-endian numbers `bytes` holds (the `places` and
/// `parents` columns), if it is there.
fn number_at(bytes: &[u8], at: usize) -> Option<usize> {
    let four = bytes.get(4 * at..4 * at + 4)?;
    usize::try_from(u32::from_le_bytes(four.try_into().ok()?)).ok()
}

/// Appends `number` to `bytes` as [`number_at`] reads it (`u32::MAX` when it is larger).
fn push_number(bytes: &mut Vec<u8>, number: usize) {
    bytes.extend_from_slice(&u32::try_from(number).unwrap_or(u32::MAX).to_le_bytes());
}

/// `bytes` split at each `separator`.
fn split(bytes: &[u8], separator: u8) -> impl Iterator<Item = &[u8]> {
    let mut from = 0;
    let mut ends = memchr::memchr_iter(separator, bytes).chain([bytes.len()]);
    std::iter::from_fn(move || {
        let end = ends.next()?;
        let part = bytes.get(from..end);
        from = end + 1;
        part
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pair(zh: &str, en: &str) -> [String; 2] {
        [zh.to_string(), en.to_string()]
    }

    /// Every node's breadcrumbs read back from what the columns keep of them.
    fn read_back(crumbs: &[[String; 2]]) -> Vec<Option<[String; 2]>> {
        let (parts, parents) = crumb_parts(crumbs);
        let parts: Vec<&[u8]> = split(parts.as_bytes(), 0x1f).collect();
        (0..crumbs.len())
            .map(|node| crumbs_of(&parts, &parents, node))
            .collect()
    }

    #[test]
    fn each_document_is_read_back_from_its_utf16_place_whatever_its_characters() {
        let docs = [
            "一是加强人才立法",
            "",
            "𠀀𪚥 beyond the first plane, and ASCII",
            "全角ＡＢＣ１２３，标点。",
        ];
        let text = LetterText {
            crumbs: (0..docs.len())
                .map(|n| pair(&format!("第{n}"), &format!("No. {n}")))
                .collect(),
            docs: docs
                .iter()
                .enumerate()
                .map(|(n, d)| (n, d.to_string()))
                .collect(),
        };
        let (places, columns) = docs_columns(&text);
        // Two bytes a character of the first plane, four beyond it, two a separator.
        let units: usize = docs.iter().map(|d| d.encode_utf16().count()).sum();
        assert_eq!(columns.len(), 2 * (units + docs.len() - 1));
        let (crumbs, parents) = crumb_parts(&text.crumbs);
        let read = |wanted: &[usize]| {
            blocks_of([crumbs.as_bytes(), &parents, &places, &columns], wanted).expect("read")
        };
        let all: Vec<usize> = (0..docs.len()).collect();
        let texts: Vec<String> = read(&all).into_iter().map(|b| b.text).collect();
        assert_eq!(texts, docs);
        let some = read(&[2, 3]);
        assert_eq!(some[0].text, docs[2]);
        assert_eq!(some[1].crumbs, text.crumbs[3]);
        // Bytes that end inside a character, or hold one half of a character beyond the first
        // plane (𠀀, the third document's first, at bytes 20–23), do not read.
        assert_eq!(text_of(&columns[..3]), None);
        assert_eq!(text_of(&columns[20..24]).as_deref(), Some("𠀀"));
        assert_eq!(text_of(&columns[20..22]), None);
        assert_eq!(text_of(&columns[22..24]), None);
    }

    #[test]
    fn a_file_listed_in_an_open_folder_has_the_stamp_its_path_gives() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let root = dir.path();
        std::fs::write(root.join("a.yaml"), "letter: 1\n").expect("written");
        std::os::unix::fs::symlink(root.join("a.yaml"), root.join("link.yaml")).expect("linked");
        let found = super::super::walk::letter_files(&[root.to_path_buf()]);
        assert_eq!(found.len(), 2);
        for item in &found {
            let super::super::walk::Found::File(path, folder) = item else {
                panic!("{item:?} is a letter file");
            };
            assert!(
                folder.is_some(),
                "{path:?} was listed in a folder held open"
            );
            let by_path = Stamp::of(path, None).expect("a stamp by path");
            assert_eq!(Stamp::of(path, folder.as_ref()), Some(by_path), "{path:?}");
        }
        // An edit is seen through the folder as it is by path.
        let before = Stamp::of(found[0].path(), None);
        std::fs::write(root.join("a.yaml"), "letter: 22\n").expect("written");
        let super::super::walk::Found::File(path, folder) = &found[0] else {
            panic!("a letter file");
        };
        let after = Stamp::of(path, folder.as_ref());
        assert_ne!(after, before);
        assert_eq!(after, Stamp::of(path, None));
        // A file gone is no stamp either way.
        std::fs::remove_file(path).expect("removed");
        assert_eq!(Stamp::of(path, folder.as_ref()), None);
    }

    #[test]
    fn breadcrumbs_are_kept_as_the_part_after_their_parents_and_read_back_whole() {
        let crumbs = [
            pair("开头", "Opening"),
            pair("一、建议", "一、建议"),
            pair("一、建议 › （一）措施", "一、建议 › （一）措施"),
            pair(
                "一、建议 › （一）措施 › 一是",
                "一、建议 › （一）措施 › 一是",
            ),
            pair(
                "一、建议 › （一）措施 › 二是 › 甲",
                "一、建议 › （一）措施 › 二是 › 甲",
            ),
            // A name that holds the joiner itself, and one in one language only.
            pair("一、建议 › a › b", "一、建议 › a › b"),
            pair("一、建议 › 乙", "Suggestion 1"),
            pair("", ""),
            pair(" › 空", " › empty"),
        ];
        let (parts, parents) = crumb_parts(&crumbs);
        assert!(
            parts.len() < crumbs.iter().flatten().map(String::len).sum::<usize>() / 2,
            "the headings are not repeated: {parts:?}"
        );
        let expected: Vec<Option<[String; 2]>> = crumbs.iter().cloned().map(Some).collect();
        assert_eq!(read_back(&crumbs), expected);
        assert_eq!(parents.len(), 4 * crumbs.len());
    }

    #[test]
    fn parents_that_do_not_read_give_no_breadcrumbs_rather_than_wrong_ones() {
        let crumbs = [pair("一", "1"), pair("一 › 二", "1 › 2")];
        let (parts, _) = crumb_parts(&crumbs);
        let parts: Vec<&[u8]> = split(parts.as_bytes(), 0x1f).collect();
        // Node 1 named as its own parent, or a parent after it: a loop, not a breadcrumb.
        for parents in [[WHOLE, 1], [1, 1], [1, WHOLE]] {
            let bytes: Vec<u8> = parents
                .iter()
                .flat_map(|&p| u32::try_from(p).expect("small").to_le_bytes())
                .collect();
            let node = if parents[1] == 1 { 1 } else { 0 };
            assert_eq!(crumbs_of(&parts, &bytes, node), None, "{parents:?}");
        }
        // Cut short.
        assert_eq!(crumbs_of(&parts, &[0, 0], 0), None);
    }
}
