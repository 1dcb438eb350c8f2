//! A query over the whole shelf: each letter's text searched by the reader's own engine
//! ([`SearchIndex`]), by the reader's rules (Chinese, pinyin, initials, traditional and
//! full-width forms folded), on all cores.
//!
//! A letter's sieve ([`crate::search::sieve`], kept in the cache) first says which of its
//! blocks the query cannot match; the index is built over the others only, and a letter none
//! of whose blocks can match is not read further. The sieve only narrows: every match, and
//! the text around it, comes from the index, which finds in a block what it would find there
//! among all the letter's blocks (a match never runs from one block into the next).

use std::ops::{Deref, Range};

use super::{Block, Got, Options, cache, each_letter, get, learnt_reading, summary_of, walk};
use crate::letter::load::LoadError;
use crate::search::sieve::SieveQuery;
use crate::search::{self, SearchIndex};
use crate::strings::Lang;

/// What one letter gave a query.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Searched {
    /// The letter's blocks that the query may match, in reading order (the others were not
    /// read).
    pub blocks: Vec<Block>,
    /// The matches: the block (into `blocks`) and the bytes there, in reading order.
    pub hits: Vec<(usize, Range<usize>)>,
}

impl Searched {
    /// The breadcrumb of block `block` in `lang`.
    #[must_use]
    pub fn crumb(&self, block: usize, lang: Lang) -> &str {
        let at = usize::from(lang == Lang::En);
        self.blocks
            .get(block)
            .and_then(|b| b.crumbs.get(at))
            .map_or("", String::as_str)
    }

    /// The text of block `block`.
    #[must_use]
    pub fn text(&self, block: usize) -> &str {
        self.blocks.get(block).map_or("", |b| b.text.as_str())
    }
}

/// A query, read once for the whole shelf.
#[derive(Debug, Clone)]
pub struct Query {
    text: String,
    /// The query as the engine reads it; `None` for a query that matches nothing (blank).
    parsed: Option<search::Query>,
    /// `None` for a query that matches nothing (blank).
    sieve: Option<SieveQuery>,
}

impl Query {
    /// `query` as the shelf searches for it.
    #[must_use]
    pub fn new(query: &str) -> Self {
        let parsed = search::Query::parse(query);
        Self {
            text: query.to_string(),
            sieve: parsed.as_ref().map(SieveQuery::of),
            parsed,
        }
    }
}

/// The matches of `query` in `blocks`, in reading order: the index's matches, built over
/// those blocks only.
#[must_use]
pub fn find_in(blocks: &[Block], query: &Query) -> Vec<(usize, Range<usize>)> {
    let Some(parsed) = query.parsed.as_ref().filter(|_| !blocks.is_empty()) else {
        return Vec::new();
    };
    let texts = blocks.iter().map(|block| block.text.as_str());
    let hits = SearchIndex::find_parsed_in(texts, &query.text, parsed).into_iter();
    hits.map(|hit| (hit.doc, hit.bytes)).collect()
}

/// Each letter `list` makes, searched for `query` and made into an `R` by `map` (given the
/// letter's file too) on the thread that searched it (so that the search is spread over the cores), then given to `done` with its
/// place as soon as it is ready. Letters not in the cache are read, and the cache learns
/// them, as [`super::summaries_each`] does. Once `options.stop` is set (the reader typed
/// another search), no more letters are searched.
pub fn search_each<R: Send, L: Deref<Target = [walk::Found]> + Send + Sync>(
    list: impl FnOnce() -> L,
    options: &Options,
    query: &Query,
    map: impl Fn(&walk::Found, Result<Searched, LoadError>) -> R + Sync,
    done: impl FnMut(usize, R),
) -> L {
    each_letter(
        list,
        options,
        || query.sieve.clone(),
        |sieve, lookup, item| {
            let (searched, learnt) = match sieve {
                Some(sieve) => search_of(lookup, item, sieve, query),
                None => blank(lookup, item),
            };
            (map(item, searched), learnt)
        },
        done,
    )
}

/// One letter searched for a query that matches nothing (blank): only whether it can be
/// read (as the shelf's summary knows it), and what the cache should learn of it.
fn blank(
    lookup: Option<&cache::Lookup>,
    item: &walk::Found,
) -> (Result<Searched, LoadError>, Option<cache::Learnt>) {
    let (summary, learnt) = summary_of(lookup, item);
    (summary.map(|_| Searched::default()), learnt)
}

/// One letter searched for `query` (sieved by `sieve`), and what the cache should learn of
/// it.
fn search_of(
    lookup: Option<&cache::Lookup>,
    item: &walk::Found,
    sieve: &mut SieveQuery,
    query: &Query,
) -> (Result<Searched, LoadError>, Option<cache::Learnt>) {
    let (pinyin, literal_pairs) = (sieve.is_pinyin(), sieve.has_pairs());
    let sieve = std::cell::RefCell::new(sieve);
    // Most letters do not hold a literal query: their pair filter, read beside their key,
    // says so, and their row in the cache is not read at all.
    let test = |filter: &[u8]| sieve.borrow().may_hold(filter);
    let fetch = |lookup: &cache::Lookup, key: cache::Key, holds: bool| {
        if !holds {
            return Some(Ok(Searched::default()));
        }
        let reach = if pinyin {
            cache::Reach::Sources
        } else if literal_pairs {
            cache::Reach::Pairs
        } else {
            cache::Reach::Whole
        };
        let blocks = lookup.sieved_blocks(key, reach, |columns| {
            let mut sieve = sieve.borrow_mut();
            match columns.block_pairs {
                // Filters that do not read let every block through, to the engine.
                Some(filters) => sieve
                    .block_docs(filters)
                    .unwrap_or_else(|| (0..columns.docs).collect()),
                None => sieve.docs(columns.folded.unwrap_or_default(), columns.sources),
            }
        })?;
        Some(blocks.map(|blocks| {
            let hits = find_in(&blocks, query);
            Searched { blocks, hits }
        }))
    };
    // A query of one character, or one that reads as pinyin, has no pairs for a filter to
    // judge: the filters are not read.
    let (got, learnt) = get(lookup, item, literal_pairs.then_some(&test), fetch);
    match got {
        Err(error) => (Err(error), learnt),
        Ok(Got::Cached(known)) => (
            known.map_err(|refused| cache::refusal(item.path(), refused)),
            learnt,
        ),
        Ok(Got::Read(read)) => {
            let searched = match &read {
                Ok(fresh) => {
                    let fill = &fresh.1;
                    let folded = fill.sieve.folded.as_bytes();
                    let docs = sieve.borrow_mut().docs(folded, Some(&fill.sieve.sources));
                    let blocks: Vec<Block> = docs
                        .iter()
                        .filter_map(|&doc| fill.text.block(doc))
                        .collect();
                    let hits = find_in(&blocks, query);
                    Ok(Searched { blocks, hits })
                }
                Err(error) => Err(error.clone()),
            };
            (searched, learnt_reading(learnt, read))
        }
    }
}
