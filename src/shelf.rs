//! A shelf of letters: a folder (or a list of files) read as one collection.
//!
//! The walk finds the letter files ([`walk`]); each letter is read on its own, on whichever
//! core is free ([`parallel`]), into what the shelf shows of it ([`head`]) and the text it
//! searches ([`LetterText`]); a letter that is refused keeps its place in the list with its
//! error and never hides the others. Results come back in the walk's order whatever the
//! order in which the cores finish.

pub mod cache;
pub mod find;
pub mod head;
pub mod parallel;
pub mod walk;

use std::ops::Deref;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock};

use crate::letter::load::{self, LoadError};
use crate::letter::tree::{CRUMB_JOIN, LetterTree};
use crate::strings::Lang;
pub use head::Head;

/// One letter of the shelf: its file and what reading it gave.
#[derive(Debug, Clone)]
pub struct Entry<T> {
    /// The file, as the walk found it.
    pub path: PathBuf,
    /// The letter as `T`, or why it was refused (at `FILE:LINE:COL` where there is a place).
    pub letter: Result<T, LoadError>,
}

/// What the shelf keeps of a letter it has read: the row it shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    /// The row of the list.
    pub head: Head,
}

/// A letter's searchable text, apart from its tree: each text block (as the reader's search
/// sees them, editorial notes left out) with the breadcrumb of the node it belongs to.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LetterText {
    /// Per node, its breadcrumb in Chinese and in English.
    pub crumbs: Vec<[String; 2]>,
    /// The searchable blocks in reading order: the node (into `crumbs`) and the text.
    pub docs: Vec<(usize, String)>,
}

impl LetterText {
    /// The searchable text of `tree`: its blocks as [`crate::search::letter::letter_docs`]
    /// gives them, their texts taken from the tree rather than copied (a letter is read for
    /// its text alone).
    #[must_use]
    pub fn from_tree(tree: LetterTree) -> Self {
        let crumbs = Self::crumbs_of(&tree);
        let docs = (tree.blocks.into_iter())
            .filter(crate::search::letter::searched)
            .map(|block| (block.node, block.text))
            .collect();
        Self { crumbs, docs }
    }

    /// Each node's breadcrumbs, in Chinese and in English.
    fn crumbs_of(tree: &LetterTree) -> Vec<[String; 2]> {
        // Each node's breadcrumb is its parent's and its name, as `LetterTree::breadcrumb`
        // joins them: made from the parent's (the outline lists a parent first), not from
        // every ancestor's name again.
        let mut crumbs: Vec<[String; 2]> = Vec::with_capacity(tree.nodes.len());
        for (id, node) in tree.nodes.iter().enumerate() {
            // A parent is always an earlier node (the tree adds it first).
            let up = node.parent.and_then(|parent| crumbs.get(parent));
            let crumb = |lang: Lang, at: usize| {
                let [label, title] = tree.name_parts(id, lang);
                match up {
                    // Written at once into a string of its size.
                    Some(up) => [up[at].as_str(), CRUMB_JOIN, label, title].concat(),
                    None => [label, title].concat(),
                }
            };
            let pair = [crumb(Lang::Zh, 0), crumb(Lang::En, 1)];
            crumbs.push(pair);
        }
        crumbs
    }

    /// Document `doc` as a block apart, with its breadcrumbs.
    #[must_use]
    pub fn block(&self, doc: usize) -> Option<Block> {
        let (node, text) = self.docs.get(doc)?;
        Some(Block {
            crumbs: self.crumbs.get(*node)?.clone(),
            text: text.clone(),
        })
    }
}

/// One searchable block of a letter apart from the others: its text and the breadcrumb of
/// its node, in Chinese and in English.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Block {
    /// The breadcrumb, in Chinese and in English.
    pub crumbs: [String; 2],
    /// The text.
    pub text: String,
}

/// Reads the letter at `path` as the reader opens it: a YAML letter loaded and checked, a
/// `.txt` transcript imported in memory and marked as an unreviewed import.
///
/// # Errors
/// Why the letter is refused, at its place.
pub fn read_letter(path: &Path, lang: Lang) -> Result<LetterTree, LoadError> {
    let tree = if crate::import::is_text(path) {
        crate::import::tree_from_path(path).map(|tree| tree.with_lang(lang))
    } else {
        load::from_path(path).map(|letter| LetterTree::in_lang(letter, lang))
    };
    tree.map(|tree| tree.with_source(path))
}

/// Every letter named by `paths` (files, and the letter files in folders, see [`walk`]),
/// each read and made into a `T` by `make`, on both cores, in the walk's order. A path that
/// cannot be walked is an entry with its error.
pub fn read_all<T: Send>(
    paths: &[PathBuf],
    lang: Lang,
    make: impl Fn(LetterTree) -> T + Sync,
) -> Vec<Entry<T>> {
    let found = walk::letter_paths(paths);
    let letters = parallel::map_in_order(&found, |item| match item {
        walk::Found::File(path, _) => read_letter(path, lang).map(&make),
        walk::Found::Unreadable(_, error) => Err(error.clone()),
    });
    found
        .into_iter()
        .zip(letters)
        .map(|(item, letter)| Entry {
            path: item.path().to_path_buf(),
            letter,
        })
        .collect()
}

/// How many letters' readings the cache is given at once: one transaction each.
const LEARN_BATCH: usize = 100;

/// How a shelf is read.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The cache file, if one is to be used ([`cache::default_path`]).
    pub cache: Option<PathBuf>,
    /// Set when what is being read is no longer wanted (a search the reader has replaced or
    /// cleared): no more letters are read, and those not read are not given to the caller.
    pub stop: Option<Arc<AtomicBool>>,
    /// While it counts a search running, no more letters are read, until it ends: a search
    /// of a shelf not yet in the cache reads the letters itself, and the shelf's reading of
    /// the same letters beside it read each letter twice and fought it for the cores and
    /// the cache (a search typed at once on a cold shelf of 10,000 letters finished after
    /// 6.5 s; giving way, after 3.4 s, about what `dafu search` takes alone). What the
    /// search read is in the cache then, and the reading goes on from it.
    pub give_way: Option<Arc<AtomicUsize>>,
}

/// The shelf's summaries of the letters named by `paths`, in the walk's order.
#[must_use]
pub fn summaries(paths: &[PathBuf], options: &Options) -> Vec<Entry<Summary>> {
    let mut letters: Vec<Option<Result<Summary, LoadError>>> = Vec::new();
    let found = summaries_each(
        || walk::letter_files(paths),
        options,
        |_, letter| letter,
        |i, letter| {
            if letters.len() <= i {
                letters.resize(i + 1, None);
            }
            letters[i] = Some(letter);
        },
    );
    found
        .into_iter()
        .zip(letters)
        .filter_map(|(item, letter)| {
            Some(Entry {
                path: item.path().to_path_buf(),
                letter: letter?,
            })
        })
        .collect()
}

/// Each letter `list` makes, summarised and made into an `R` by `map` (given the letter's
/// file too) on the thread that read it, then given to `done` with its place as soon as it is ready (so that a list can
/// fill as the letters come). The cache learns what was read as it goes, a batch at a time.
/// Returns the list.
pub fn summaries_each<R: Send, L: Deref<Target = [walk::Found]> + Send + Sync>(
    list: impl FnOnce() -> L,
    options: &Options,
    map: impl Fn(&walk::Found, Result<Summary, LoadError>) -> R + Sync,
    done: impl FnMut(usize, R),
) -> L {
    each_letter(
        list,
        options,
        || (),
        |(), lookup, item| {
            let (letter, learnt) = summary_of(lookup, item);
            (map(item, letter), learnt)
        },
        done,
    )
}

/// `work` on each letter `list` makes, on all cores, each thread with its own connection to
/// the cache and its own state made by `start` (the calling thread lists the letters while
/// the others start, and the first of them opens the cache); `done` gets each result with
/// its place as soon as it is ready, and the cache learns what `work` read, a batch at a
/// time, in one transaction each. Once `options.stop` is set, no more letters are read.
/// Returns the list.
pub fn each_letter<R: Send, S, L: Deref<Target = [walk::Found]> + Send + Sync>(
    list: impl FnOnce() -> L,
    options: &Options,
    start: impl Fn() -> S + Sync,
    work: impl Fn(&mut S, Option<&cache::Lookup>, &walk::Found) -> (R, Option<cache::Learnt>) + Sync,
    mut done: impl FnMut(usize, R),
) -> L {
    // Opened by the first thread that wants it, while the calling one lists the letters.
    let cache: OnceLock<Option<cache::Cache>> = OnceLock::new();
    let open = || {
        let opened = cache.get_or_init(|| options.cache.as_deref().and_then(cache::Cache::open));
        opened.as_ref()
    };
    let mut learnt = Vec::new();
    let found = parallel::for_each_listed(
        list,
        options.stop.as_deref(),
        || (open().and_then(cache::Cache::lookup), start()),
        |(lookup, state), item| {
            give_way(options, lookup.as_ref());
            work(state, lookup.as_ref(), item)
        },
        |i, (result, news)| {
            learnt.extend(news);
            // Written as it goes, a batch at a time: a reader who quits while a cold shelf
            // is read keeps what was read.
            if learnt.len() >= LEARN_BATCH
                && let Some(cache) = open()
            {
                cache.learn(&learnt);
                learnt.clear();
            }
            done(i, result);
        },
    );
    if let Some(Some(cache)) = cache.get() {
        cache.learn(&learnt);
    }
    found
}

/// Waits while `options.give_way` counts a search running, unless the reading is stopped.
/// The thread's read transaction ends first: held, it would keep the search's writes out of
/// the store's file, and show this thread the cache as it was before the search.
fn give_way(options: &Options, lookup: Option<&cache::Lookup>) {
    let Some(searches) = options.give_way.as_deref() else {
        return;
    };
    if searches.load(Ordering::Relaxed) > 0
        && let Some(lookup) = lookup
    {
        lookup.pause();
    }
    let stopped = || {
        options
            .stop
            .as_deref()
            .is_some_and(|s| s.load(Ordering::Relaxed))
    };
    while searches.load(Ordering::Relaxed) > 0 && !stopped() {
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
}

/// Where one letter's reading came from.
pub enum Got<T> {
    /// The cache, which knew its content: what `fetch` read there.
    Cached(T),
    /// The letter itself, read just now: its row, text and sieve, or why it was refused.
    Read(Result<Fresh, LoadError>),
}

/// One letter as `fetch` reads it from the cache when its file is unchanged or its content
/// known, else read anew; and what the cache should learn of it, its reading left for the
/// caller to give (see [`learnt_reading`]). `fetch` is told whether the content may hold
/// what `test`, if given, looks for in its pair filter, when an unchanged file's lookup
/// could tell (`true` when it could not).
///
/// # Errors
/// When the file cannot be read.
pub fn get<T>(
    lookup: Option<&cache::Lookup>,
    item: &walk::Found,
    test: Option<&cache::PairTest<'_>>,
    fetch: impl Fn(&cache::Lookup, cache::Key, bool) -> Option<T>,
) -> (Result<Got<T>, LoadError>, Option<cache::Learnt>) {
    let (path, folder) = match item {
        walk::Found::File(path, folder) => (path, folder.as_ref()),
        walk::Found::Unreadable(_, error) => return (Err(error.clone()), None),
    };
    let stamp = cache::Stamp::of(path, folder);
    if let (Some(lookup), Some(stamp)) = (lookup, stamp)
        && let Some((key, holds)) = lookup.key_of_unchanged(path, stamp, test)
        && let Some(known) = fetch(lookup, key, holds)
    {
        return (Ok(Got::Cached(known)), None);
    }
    let bytes = match load::read_file(path) {
        Ok(bytes) => bytes,
        Err(error) => return (Err(error), None),
    };
    let transcript = crate::import::is_text(path);
    let key = cache::Key::of(&bytes, transcript);
    let learnt = stamp.map(|stamp| cache::Learnt {
        file: (path.clone(), stamp, key),
        reading: None,
    });
    if let Some(lookup) = lookup
        && let Some(known) = fetch(lookup, key, true)
    {
        return (Ok(Got::Cached(known)), learnt);
    }
    if let Some(lookup) = lookup {
        lookup.pause();
    }
    (Ok(Got::Read(read_anew(&bytes, path, transcript))), learnt)
}

/// A letter read just now: its row, and its text and sieve (boxed: a letter read from the
/// cache, the common case, is small).
pub type Fresh = Box<(Head, cache::Fill)>;

/// Reads a letter's bytes as the reader does: its row, its text and its sieve.
fn read_anew(bytes: &[u8], path: &Path, transcript: bool) -> Result<Fresh, LoadError> {
    let name = path.display().to_string();
    let tree = if transcript {
        crate::import::tree_from_bytes(bytes, &name)
    } else {
        load::from_bytes(bytes, &name).map(LetterTree::new)
    }?;
    let head = Head::of(&tree);
    let text = LetterText::from_tree(tree);
    let sieve = crate::search::sieve::Sieve::new(text.docs.iter().map(|(_, doc)| doc));
    Ok(Box::new((head, cache::Fill { text, sieve })))
}

/// Gives `learnt` the reading of a letter read anew, for the cache to keep.
pub fn learnt_reading(
    learnt: Option<cache::Learnt>,
    read: Result<Fresh, LoadError>,
) -> Option<cache::Learnt> {
    let reading = match read {
        Ok(fresh) => {
            let (head, fill) = *fresh;
            cache::Reading::Read(head, Box::new(fill))
        }
        Err(e) => cache::Reading::Refused(e.position, e.message),
    };
    learnt.map(|learnt| cache::Learnt {
        reading: Some(reading),
        ..learnt
    })
}

/// One letter's summary, and what the cache should learn of it.
fn summary_of(
    lookup: Option<&cache::Lookup>,
    item: &walk::Found,
) -> (Result<Summary, LoadError>, Option<cache::Learnt>) {
    let (got, learnt) = get(lookup, item, None, |lookup, key, _| lookup.head(key));
    match got {
        Err(error) => (Err(error), learnt),
        Ok(Got::Cached(known)) => (
            known
                .map(|head| Summary { head })
                .map_err(|refused| cache::refusal(item.path(), refused)),
            learnt,
        ),
        Ok(Got::Read(read)) => {
            let summary = match &read {
                Ok(fresh) => Ok(Summary {
                    head: fresh.0.clone(),
                }),
                Err(error) => Err(error.clone()),
            };
            (summary, learnt_reading(learnt, read))
        }
    }
}
