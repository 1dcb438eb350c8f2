//! The shelf's cache under `$XDG_CACHE_HOME/dafu/`: readers at once on one shelf, a damaged
//! or newer cache file, a letter changed on disk. Each reader must show the right letters,
//! and the cache must lose nothing.

mod binary;
#[allow(
    dead_code,
    reason = "the made shelf is shared with the tests and benchmarks"
)]
#[path = "../benches/common/shelf.rs"]
mod made;

use std::path::{Path, PathBuf};
use std::process::Child;

use binary::{Output, dafu, finish, run_command};

/// How many letters the shelf holds.
const LETTERS: usize = 24;

struct Shelf {
    dir: binary::Scratch,
    made: Vec<made::MadeLetter>,
}

impl Shelf {
    fn new() -> Self {
        let dir = binary::Scratch::new("shelf-cache");
        std::fs::create_dir(dir.path().join("letters")).expect("made");
        let made = made::write_shelf(&dir.path().join("letters"), LETTERS).expect("written");
        Self { dir, made }
    }

    fn letters(&self) -> PathBuf {
        self.dir.path().join("letters")
    }

    fn cache_home(&self) -> PathBuf {
        self.dir.path().join("cache")
    }

    fn cache_file(&self) -> PathBuf {
        self.cache_home().join("dafu/shelf.db")
    }

    fn list(&self) -> Child {
        let mut command = dafu(["list", "--format", "json"]);
        command
            .arg(self.letters())
            .env("XDG_CACHE_HOME", self.cache_home());
        command.spawn().expect("dafu starts")
    }

    fn list_now(&self) -> Output {
        let mut command = dafu(["list", "--format", "json"]);
        command
            .arg(self.letters())
            .env("XDG_CACHE_HOME", self.cache_home());
        run_command(&mut command)
    }

    /// Asserts that `out` lists every letter with its own issuer, document number and date,
    /// issuers first taken from `issuer_of`.
    #[track_caller]
    fn assert_right(&self, out: &Output, issuer_of: impl Fn(&made::MadeLetter) -> String) {
        assert_eq!(out.code(), Some(0), "{out:?}");
        assert!(
            out.stderr.is_empty(),
            "nothing said about the cache: {out:?}"
        );
        let rows: Vec<serde_json::Value> = serde_json::from_str(&out.stdout()).expect("JSON");
        assert_eq!(rows.len(), self.made.len());
        for (row, m) in rows.iter().zip(&self.made) {
            let path = self.letters().join(&m.file_name);
            assert_eq!(row["path"], path.to_str().expect("UTF-8"));
            assert_eq!(row["issuer"], issuer_of(m).as_str());
            assert_eq!(row["doc_number"], m.doc_number.as_str());
            assert_eq!(row["date"], m.date.as_str());
            assert_eq!(row["error"], serde_json::Value::Null);
        }
    }

    /// How many files and letter contents the cache holds.
    fn cached(&self) -> (i64, i64) {
        let db = rusqlite::Connection::open(self.cache_file()).expect("the cache opens");
        let count = |table: &str| {
            db.query_row(&format!("SELECT count(*) FROM {table}"), [], |row| {
                row.get(0)
            })
            .expect("counted")
        };
        (count("files"), count("letters"))
    }

    /// Asserts that the cache holds a row for every file and every letter.
    #[track_caller]
    fn assert_every_letter_cached(&self) {
        let letters = i64::try_from(LETTERS).expect("small");
        assert_eq!(self.cached(), (letters, letters));
    }

    /// The files set aside beside the cache, by the word in their names.
    fn set_aside(&self, word: &str) -> Vec<PathBuf> {
        let dir = self
            .cache_file()
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_default();
        std::fs::read_dir(dir)
            .expect("the cache folder")
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.to_string_lossy().contains(&format!("shelf.db.{word}-")))
            .collect()
    }
}

fn issuer(m: &made::MadeLetter) -> String {
    m.issuer.clone()
}

#[test]
fn two_readers_at_once_on_a_cold_shelf_both_list_it_and_the_cache_keeps_every_letter() {
    let shelf = Shelf::new();
    let (a, b) = (shelf.list(), shelf.list());
    let (a, b) = (finish(a), finish(b));
    shelf.assert_right(&a, issuer);
    shelf.assert_right(&b, issuer);
    shelf.assert_every_letter_cached();
    // A third, warm, reads the same from the cache.
    shelf.assert_right(&shelf.list_now(), issuer);
}

#[test]
fn a_damaged_cache_is_set_aside_and_made_anew_while_another_reader_runs() {
    let shelf = Shelf::new();
    shelf.assert_right(&shelf.list_now(), issuer);
    // Another program's scribble over the cache.
    let garbage = b"not a database, not at all ".repeat(100);
    std::fs::write(shelf.cache_file(), &garbage).expect("written");
    let (a, b) = (shelf.list(), shelf.list());
    let (a, b) = (finish(a), finish(b));
    shelf.assert_right(&a, issuer);
    shelf.assert_right(&b, issuer);
    let aside = shelf.set_aside("damaged");
    assert_eq!(aside.len(), 1, "set aside once: {aside:?}");
    assert_eq!(
        std::fs::read(&aside[0]).expect("kept"),
        garbage,
        "never deleted"
    );
    shelf.assert_every_letter_cached();
}

#[test]
fn a_cache_damaged_inside_is_rebuilt_without_a_word_to_the_reader() {
    let shelf = Shelf::new();
    shelf.assert_right(&shelf.list_now(), issuer);
    // Fold the log into the file, then keep only its first pages: the header still says
    // SQLite, the tables are gone.
    drop(rusqlite::Connection::open(shelf.cache_file()).expect("opens"));
    let bytes = std::fs::read(shelf.cache_file()).expect("read");
    std::fs::write(shelf.cache_file(), &bytes[..bytes.len().min(8192)]).expect("cut");
    for suffix in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", shelf.cache_file().display()));
    }
    shelf.assert_right(&shelf.list_now(), issuer);
    assert_eq!(
        shelf.set_aside("damaged").len(),
        1,
        "found damaged when used"
    );
    shelf.assert_right(&shelf.list_now(), issuer);
    shelf.assert_every_letter_cached();
}

#[test]
fn a_newer_cache_is_replaced_and_deleted_not_left_beside_it() {
    let shelf = Shelf::new();
    shelf.assert_right(&shelf.list_now(), issuer);
    let db = rusqlite::Connection::open(shelf.cache_file()).expect("opens");
    db.pragma_update(None, "user_version", 99).expect("stamped");
    drop(db);
    shelf.assert_right(&shelf.list_now(), issuer);
    // No dafu reads a cache set aside again: kept, it would be as large as the cache.
    assert_eq!(shelf.set_aside("newer"), Vec::<PathBuf>::new());
    shelf.assert_every_letter_cached();
}

#[test]
fn caches_earlier_versions_set_aside_are_swept_and_nothing_else_is() {
    let shelf = Shelf::new();
    shelf.assert_right(&shelf.list_now(), issuer);
    let dir = shelf.cache_file().parent().expect("a folder").to_path_buf();
    let swept = [
        "shelf.db.older-1796617650-21437",
        "shelf.db.older-1796617650-21437-wal",
        "shelf.db.newer-1796658809-15765",
    ];
    let kept = [
        "shelf.db.damaged-1796617650-21437",
        "shelf.db.foreign-1796617650-21437",
        "shelf.db.older-notes.txt",
        "state.db.older-1796617650-21437",
        "notes.txt",
    ];
    for name in swept.iter().chain(&kept) {
        std::fs::write(dir.join(name), name).expect("written");
    }
    shelf.assert_right(&shelf.list_now(), issuer);
    for name in swept {
        assert!(!dir.join(name).exists(), "{name} is swept");
    }
    for name in kept {
        assert_eq!(
            std::fs::read_to_string(dir.join(name)).ok().as_deref(),
            Some(name),
            "{name} stays"
        );
    }
}

#[test]
fn a_letter_changed_on_disk_is_read_again_while_another_reader_runs() {
    let shelf = Shelf::new();
    shelf.assert_right(&shelf.list_now(), issuer);
    // The first letter gets another issuer; the file's size changes with it.
    let first = &shelf.made[0];
    let path = shelf.letters().join(&first.file_name);
    let changed = first.yaml.replacen(&first.issuer, "中山市审计局", 2);
    assert_ne!(changed, first.yaml);
    std::fs::write(&path, &changed).expect("rewritten");
    let renamed = |m: &made::MadeLetter| {
        if m.file_name == first.file_name {
            "中山市审计局".to_string()
        } else {
            m.issuer.clone()
        }
    };
    let (a, b) = (shelf.list(), shelf.list());
    shelf.assert_right(&finish(a), renamed);
    shelf.assert_right(&finish(b), renamed);
    // Changed back, and to the same size with a later time: the cache does not hold on to
    // the reading of another content.
    std::fs::write(&path, &first.yaml).expect("rewritten");
    shelf.assert_right(&shelf.list_now(), issuer);
    let same_size = first
        .yaml
        .replacen(&first.date, &first.date.replace('-', "/"), 1);
    assert_eq!(same_size.len(), first.yaml.len());
    let before = std::fs::metadata(&path).and_then(|m| m.modified());
    std::fs::write(&path, &same_size).expect("rewritten");
    // A later time, set rather than waited for (a file system's clock may be coarse).
    let later = before.expect("a modification time") + std::time::Duration::from_secs(1);
    let file = std::fs::File::options().write(true).open(&path);
    file.and_then(|f| f.set_modified(later))
        .expect("set the time");
    let out = shelf.list_now();
    let rows: Vec<serde_json::Value> = serde_json::from_str(&out.stdout()).expect("JSON");
    let error = rows[0]["error"].as_str().unwrap_or_default();
    assert!(
        error.contains("signature.date"),
        "the new content is read: {error}"
    );
}
