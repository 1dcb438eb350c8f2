//! `dafu search QUERY DIR` through the shelf's cache. A warm search (the cache filled: each
//! letter's sieve says which blocks the query may match, and only those are searched) must
//! print exactly what a cold one prints, and exactly what the reader's engine finds in each
//! letter on its own (`dafu search QUERY FILE`), for every kind of query: characters, pinyin,
//! initials, traditional and full-width forms, case, and a word found nowhere. A cache of an
//! older format is set aside and made anew, never an error.

mod binary;
#[allow(
    dead_code,
    reason = "the made shelf is shared with the tests and benchmarks"
)]
#[path = "../benches/common/shelf.rs"]
mod made;

use std::path::{Path, PathBuf};

use binary::{Output, Scratch, dafu, run_command};
use dafu::cli::SearchOptions;
use dafu::strings::Lang;

/// How many made letters the shelf holds.
const MADE: usize = 8;

/// Two real published replies, as their web pages give them: imported in memory.
const TRANSCRIPTS: [&str; 2] = [
    "tests/fixtures/real-letters/shenmu-linye-2022.txt",
    "tests/fixtures/real-letters/ziyang-wenguanglvyou-2017.txt",
];

/// The made letter written with traditional characters and full-width Latin letters where
/// the shipped one has simplified characters and ASCII: what folding must find.
const FORMS: &str = "forms.yaml";

/// A small shelf in a temporary folder, its cache beside it.
struct Shelf {
    dir: Scratch,
}

impl Shelf {
    fn new() -> Self {
        let dir = Scratch::new("shelf-search");
        std::fs::create_dir(dir.path().join("letters")).expect("made");
        let letters = dir.path().join("letters");
        made::write_shelf(&letters, MADE).expect("the made letters are written");
        for transcript in TRANSCRIPTS {
            let source = Path::new(env!("CARGO_MANIFEST_DIR")).join(transcript);
            let name = transcript.rsplit('/').next().unwrap_or(transcript);
            std::fs::copy(source, letters.join(name)).expect("copied");
        }
        let forms = made::made_letter(MADE)
            .yaml
            .replace("优势", "優勢")
            .replace("发展", "發展")
            .replace("TCL", "ＴＣＬ");
        std::fs::write(letters.join(FORMS), forms).expect("written");
        Self { dir }
    }

    fn letters(&self) -> PathBuf {
        self.dir.path().join("letters")
    }

    /// `dafu search QUERY DIR` with its cache under `cache`.
    fn search(&self, query: &str, cache: &str) -> Output {
        let mut command = dafu(["search", query]);
        command
            .arg(self.letters())
            .env("XDG_CACHE_HOME", self.dir.path().join(cache));
        run_command(&mut command)
    }

    /// What the reader's engine finds of `query` in each letter on its own, as `dafu search
    /// QUERY FILE` prints it, each line after its file's name: the letters in the shelf's
    /// order (by name).
    fn each_letter(&self, query: &str) -> String {
        let mut files: Vec<PathBuf> = std::fs::read_dir(self.letters())
            .expect("the shelf")
            .map(|entry| entry.expect("an entry").path())
            .collect();
        files.sort();
        let options = SearchOptions {
            color: false,
            lang: Lang::Zh,
        };
        let mut expected = String::new();
        for file in files {
            let tree = dafu::shelf::read_letter(&file, Lang::Zh).expect("every letter reads");
            let mut out = Vec::new();
            dafu::cli::search(&tree, query, options, &mut out).expect("written");
            for line in String::from_utf8(out).expect("UTF-8").lines() {
                expected.push_str(&format!("{}: {line}\n", file.display()));
            }
        }
        expected
    }
}

/// Queries of every kind the reader knows, and some made from the letters' own words.
fn queries() -> Vec<String> {
    let mut queries: Vec<String> = [
        // Characters; a word in the transcripts only.
        "人才立法",
        "林业",
        // Pinyin, whole, with a typed syllable boundary, by initials, mixed.
        "rencailifa",
        "rencai lifa",
        "rclf",
        "rencailf",
        // Traditional and simplified: each finds both.
        "優勢",
        "优势",
        "發展",
        // Full-width and case.
        "ＴＣＬ",
        "tcl",
        "Tcl空调",
        // Found nowhere, by characters and by pinyin.
        "不在任何一封信里",
        "qqqqzzzz",
        // One letter: every character whose reading starts with it.
        "z",
    ]
    .map(String::from)
    .to_vec();
    // Runs of the shipped letter's words, as characters, as pinyin and as initials.
    let text = made::made_letter(0).yaml;
    let words: Vec<&str> = text
        .lines()
        .filter_map(|line| line.trim().strip_prefix("- text: "))
        .collect();
    for (n, word) in words.iter().enumerate().step_by(7).take(5) {
        let run: String = word.chars().skip(n % 5).take(2 + n % 3).collect();
        if run.chars().count() < 2 {
            continue;
        }
        let readings: Vec<String> = run
            .chars()
            .map(|ch| {
                dafu::search::pinyin::readings(ch)
                    .into_iter()
                    .next()
                    .unwrap_or_else(|| ch.to_string())
            })
            .collect();
        let initials: String = readings.iter().filter_map(|r| r.chars().next()).collect();
        queries.extend([run, readings.concat(), initials]);
    }
    queries
}

#[test]
fn a_warm_search_prints_what_a_cold_one_and_the_readers_engine_print_for_every_kind_of_query() {
    let shelf = Shelf::new();
    for (n, query) in queries().iter().enumerate() {
        // Each query first on an empty cache of its own: cold, then warm.
        let cache = format!("cache-{n}");
        let cold = shelf.search(query, &cache);
        let warm = shelf.search(query, &cache);
        let expected = shelf.each_letter(query);
        let found = if expected.is_empty() { 1 } else { 0 };
        assert_eq!(cold.code(), Some(found), "{query:?} cold: {cold:?}");
        assert_eq!(warm.code(), Some(found), "{query:?} warm: {warm:?}");
        assert_eq!(
            cold.stdout(),
            expected,
            "{query:?}: cold against each letter"
        );
        assert_eq!(
            warm.stdout(),
            expected,
            "{query:?}: warm against each letter"
        );
        assert!(warm.stderr.is_empty(), "{query:?}: {warm:?}");
    }
    // And a cache filled by one query serves every other.
    let shared = "cache-shared";
    shelf.search("人才立法", shared);
    for query in queries() {
        let warm = shelf.search(&query, shared);
        assert_eq!(
            warm.stdout(),
            shelf.each_letter(&query),
            "{query:?} warm, shared"
        );
    }
}

#[test]
fn the_traditional_and_full_width_letter_is_found_by_both_forms() {
    // What the test above relies on: the forms letter differs, and is found.
    let shelf = Shelf::new();
    for query in ["优势", "優勢", "tcl", "ＴＣＬ"] {
        let out = shelf.search(query, "cache");
        assert!(
            out.stdout().lines().any(|l| l.contains(FORMS)),
            "{query:?}: {out:?}"
        );
    }
}

/// The shelf's cache as the previous version of dafu made it (format 2: no sieves).
const OLD_SCHEMA: &str = "
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
    INSERT INTO letters (key, head, docs) VALUES (x'00', '{}', 'an old reading');
";

/// A cache of an older format is dafu's own and read by no dafu again: it is deleted, not
/// set aside (each upgrade had left one as large as the cache beside it), and made anew.
#[test]
fn a_cache_of_the_older_format_is_deleted_and_made_anew() {
    let shelf = Shelf::new();
    let file = shelf.dir.path().join("old/dafu/shelf.db");
    std::fs::create_dir_all(file.parent().expect("a folder")).expect("made");
    let old = rusqlite::Connection::open(&file).expect("made");
    old.execute_batch(OLD_SCHEMA).expect("the old tables");
    old.pragma_update(None, "application_id", 0x6461_6673)
        .expect("stamped");
    old.pragma_update(None, "user_version", 2).expect("stamped");
    drop(old);
    let out = shelf.search("人才立法", "old");
    assert_eq!(out.code(), Some(0), "{out:?}");
    assert!(
        out.stderr.is_empty(),
        "nothing said about the cache: {out:?}"
    );
    assert_eq!(out.stdout(), shelf.each_letter("人才立法"));
    let aside: Vec<PathBuf> = std::fs::read_dir(file.parent().expect("a folder"))
        .expect("listed")
        .map(|e| e.expect("an entry").path())
        .filter(|p| p.to_string_lossy().contains("shelf.db."))
        .collect();
    assert!(aside.is_empty(), "deleted, companions too: {aside:?}");
    let new = rusqlite::Connection::open(&file).expect("opens");
    let version: i32 = new
        .pragma_query_value(None, "user_version", |row| row.get(0))
        .expect("read");
    assert_eq!(version, dafu::shelf::cache::FORMAT);
    for sql in [
        "SELECT count(*) FROM folds",
        "SELECT count(*) FROM files JOIN letters USING (key)
         WHERE files.pairs IS NOT NULL AND letters.block_pairs IS NOT NULL",
    ] {
        let sieves: i64 = new.query_row(sql, [], |row| row.get(0)).expect("counted");
        assert_eq!(
            sieves,
            i64::try_from(MADE + 3).expect("small"),
            "every letter: {sql}"
        );
    }
    // The next run is warm, and finds the same.
    assert_eq!(
        shelf.search("rclf", "old").stdout(),
        shelf.each_letter("rclf")
    );
}

#[test]
fn a_row_without_its_filters_or_its_folded_text_is_read_anew_not_taken_for_no_match() {
    // What another program, or a fault SQLite does not see, may leave: the filters gone
    // from every letter's row, or its folded text. No letter may then pass for one without
    // the word: each is read again, and found as the engine finds it.
    let shelf = Shelf::new();
    shelf.search("人才立法", "cache");
    let store = shelf.dir.path().join("cache/dafu/shelf.db");
    for loss in [
        "UPDATE files SET pairs = NULL; UPDATE letters SET block_pairs = NULL;",
        "DELETE FROM folds;",
    ] {
        let db = rusqlite::Connection::open(&store).expect("opens");
        db.execute_batch(loss).expect("emptied");
        drop(db);
        for query in ["人才立法", "人", "rclf", "不在任何一封信里"] {
            let warm = shelf.search(query, "cache");
            assert_eq!(warm.stdout(), shelf.each_letter(query), "{loss} {query:?}");
            assert!(warm.stderr.is_empty(), "{loss} {query:?}: {warm:?}");
        }
    }
}

#[test]
fn a_copied_letter_is_known_by_its_content_and_its_file_gets_the_content_s_filter() {
    let shelf = Shelf::new();
    shelf.search("人才立法", "cache");
    let copy = shelf.letters().join("letter-copy.yaml");
    std::fs::copy(shelf.letters().join("letter-00000.yaml"), &copy).expect("copied");
    for query in ["人才立法", "科学技术", "不在任何一封信里"] {
        assert_eq!(
            shelf.search(query, "cache").stdout(),
            shelf.each_letter(query),
            "{query:?}"
        );
    }
    let db =
        rusqlite::Connection::open(shelf.dir.path().join("cache/dafu/shelf.db")).expect("opens");
    let filter = |name: &str| -> Option<Vec<u8>> {
        let path = shelf.letters().join(name);
        db.query_row(
            "SELECT pairs FROM files WHERE path = ?1",
            [path.as_os_str().as_encoded_bytes()],
            |row| row.get(0),
        )
        .expect("a row")
    };
    let original = filter("letter-00000.yaml");
    assert!(original.is_some(), "the original's filter");
    assert_eq!(
        filter("letter-copy.yaml"),
        original,
        "the copy's, from the content's row"
    );
}

/// The letter of `shelf`'s first file, its word (one of two it may hold), and the output of
/// a cold search for it, which lists that letter.
fn first_letter_and_its_word(shelf: &Shelf) -> (PathBuf, String, &'static str) {
    let letter = shelf.letters().join("letter-00000.yaml");
    let yaml = std::fs::read_to_string(&letter).expect("read");
    let word = ["人才立法", "科学技术"]
        .into_iter()
        .find(|w| yaml.contains(w))
        .expect("the letter holds one of the words");
    let cold = shelf.search(word, "cache");
    assert!(cold.stdout().contains("letter-00000.yaml"), "{cold:?}");
    (letter, yaml, word)
}

#[test]
fn a_warm_search_reads_the_cache_not_the_letters() {
    // The letter's text as the cache holds it, with the word taken out (the letter's file
    // still holds it): a warm search goes by the cache, and no longer finds the word there.
    let shelf = Shelf::new();
    let (letter, _, word) = first_letter_and_its_word(&shelf);
    let db =
        rusqlite::Connection::open(shelf.dir.path().join("cache/dafu/shelf.db")).expect("opens");
    // The documents are kept in UTF-16, little-endian.
    let key = "(SELECT key FROM files WHERE path = ?1)";
    let path = letter.as_os_str().as_encoded_bytes();
    let docs: Vec<u8> = db
        .query_row(
            &format!("SELECT docs FROM letters WHERE key = {key}"),
            [path],
            |row| row.get(0),
        )
        .expect("the letter's documents");
    let units: Vec<u16> = docs
        .chunks_exact(2)
        .map(|pair| u16::from_le_bytes([pair[0], pair[1]]))
        .collect();
    let text = String::from_utf16(&units).expect("UTF-16");
    assert!(text.contains(word), "the cache holds the word");
    let changed: Vec<u8> = (text.replace(word, "某某某某").encode_utf16())
        .flat_map(u16::to_le_bytes)
        .collect();
    let rows = db
        .execute(
            &format!("UPDATE letters SET docs = ?2 WHERE key = {key}"),
            rusqlite::params![path, changed],
        )
        .expect("the cached text changed");
    assert_eq!(rows, 1);
    drop(db);
    let warm = shelf.search(word, "cache");
    assert!(!warm.stdout().contains("letter-00000.yaml"), "{warm:?}");
    assert!(
        std::fs::read_to_string(&letter)
            .expect("read")
            .contains(word)
    );
}

#[test]
fn a_letter_rewritten_to_its_size_and_time_is_read_anew() {
    // Another word, the same size, the modification time put back: what `touch -d` or an
    // unpacked archive leaves. The file's change time says it changed.
    let shelf = Shelf::new();
    let (letter, yaml, word) = first_letter_and_its_word(&shelf);
    let modified = std::fs::metadata(&letter)
        .and_then(|m| m.modified())
        .expect("a time");
    let other = "某".repeat(word.chars().count());
    std::fs::write(&letter, yaml.replace(word, &other)).expect("rewritten");
    std::fs::File::options()
        .write(true)
        .open(&letter)
        .and_then(|f| f.set_modified(modified))
        .expect("the time put back");
    assert_eq!(
        std::fs::metadata(&letter).expect("a stamp").len(),
        u64::try_from(yaml.len()).expect("small")
    );
    let warm = shelf.search(word, "cache");
    assert!(!warm.stdout().contains("letter-00000.yaml"), "{warm:?}");
    let found = shelf.search(&other, "cache");
    assert!(found.stdout().contains("letter-00000.yaml"), "{found:?}");
}

#[test]
fn a_search_that_is_stopped_searches_no_more_letters_and_keeps_what_it_read() {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};

    use dafu::shelf::{Options, find, walk};

    let shelf = Shelf::new();
    let found = walk::letter_files(&[shelf.letters()]);
    let query = find::Query::new("人工智能");
    let cache = shelf.dir.path().join("cache/shelf.db");
    let searched = |stop: &Arc<AtomicBool>, stop_after_one: bool| {
        let options = Options {
            cache: Some(cache.clone()),
            stop: Some(Arc::clone(stop)),
            give_way: None,
        };
        let mut done = 0;
        // What the shelf's runner does to a search the reader replaced or cleared, here as
        // soon as one letter is searched.
        let map = |_: &walk::Found, _| {
            if stop_after_one {
                stop.store(true, Ordering::Relaxed);
            }
        };
        find::search_each(|| &found[..], &options, &query, map, |_, ()| done += 1);
        done
    };
    let cores = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
    let stopped = searched(&Arc::new(AtomicBool::new(false)), true);
    assert!(
        stopped >= 1 && stopped <= cores.min(found.len()),
        "{stopped} letters"
    );
    // Each letter it read, it kept: the cache knows those files, no more and no fewer.
    let known: i64 = rusqlite::Connection::open(&cache)
        .and_then(|c| c.query_row("SELECT count(*) FROM files", [], |row| row.get(0)))
        .expect("the cache reads");
    assert_eq!(usize::try_from(known).ok(), Some(stopped));
    let going = Arc::new(AtomicBool::new(false));
    assert_eq!(
        searched(&going, false),
        found.len(),
        "every letter, when not stopped"
    );
    going.store(true, Ordering::Relaxed);
    assert_eq!(searched(&going, false), 0, "stopped before it starts");
}

/// The shelf's reading gives way to a search: while a search is counted as running it reads
/// no letter (the search reads them, and fills the cache), and it reads them all once the
/// search ends. Side by side, the two had read each cold letter twice and fought over the
/// cache: a search begun at once on a cold shelf took twice as long.
#[test]
fn the_shelfs_reading_waits_while_a_search_runs_and_then_reads_every_letter() {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};

    use dafu::shelf::{Options, find, summaries_each, walk};

    let shelf = Shelf::new();
    let found = walk::letter_files(&[shelf.letters()]);
    let cache = shelf.dir.path().join("cache/shelf.db");
    let searching = Arc::new(AtomicUsize::new(1));
    let read = AtomicUsize::new(0);
    let reading_options = Options {
        cache: Some(cache.clone()),
        stop: None,
        give_way: Some(Arc::clone(&searching)),
    };
    std::thread::scope(|scope| {
        let reading = scope.spawn(|| {
            summaries_each(
                || &found[..],
                &reading_options,
                |_, _| (),
                |_, ()| {
                    read.fetch_add(1, Ordering::Relaxed);
                },
            );
        });
        // The search, as the shelf's runner makes it, reads every letter of the cold shelf
        // meanwhile.
        let options = Options {
            cache: Some(cache.clone()),
            stop: None,
            give_way: None,
        };
        let mut searched = 0;
        let query = find::Query::new("人工智能");
        find::search_each(
            || &found[..],
            &options,
            &query,
            |_, _| (),
            |_, ()| searched += 1,
        );
        assert_eq!(searched, found.len());
        assert_eq!(
            read.load(Ordering::Relaxed),
            0,
            "nothing read while searching"
        );
        searching.store(0, Ordering::Relaxed);
        reading.join().expect("the reading ends");
    });
    assert_eq!(
        read.load(Ordering::Relaxed),
        found.len(),
        "every letter after"
    );
}
