//! `dafu search` finds what the reader finds: for each query, the same matches in the same
//! order — the same words marked, under the same heading, at the same place in their
//! paragraph — on the letter and on a scaled letter. The command line searches without the
//! reader's index, so this holds the two ways of searching together.

#[allow(
    dead_code,
    reason = "the helpers are shared with tests/cli.rs, which uses the rest"
)]
mod binary;
#[path = "../benches/common/mod.rs"]
mod common;

use std::ops::Range;

use binary::{Scratch, run};
use dafu::action::Action;
use dafu::app::App;
use dafu::letter::load;
use dafu::letter::tree::LetterTree;
use dafu::strings::Lang;
use dafu::text::sanitize::sanitize_line;
use dafu::text::width::AmbiguousWidth;

/// How `dafu --color always search` marks a match.
const ON: &str = "\x1b[1;31m";
const OFF: &str = "\x1b[0m";

/// Chinese, full pinyin, initials, syllables and initials mixed, a traditional form, full-width
/// forms (of brackets, and of Latin letters that also read as pinyin).
const QUERIES: [&str; 8] = [
    "人工智能",
    "rengongzhineng",
    "rgzn",
    "rengzn",
    "優勢",
    "（一）",
    "ＴＣＬ",
    "科技",
];

/// One match as a reader of `dafu search` sees it.
#[derive(Debug, PartialEq, Eq)]
struct Seen {
    /// The heading the line starts with.
    crumb: String,
    /// The marked words.
    matched: String,
    /// The context shown before them, without the `…` that says it is cut.
    before: String,
}

/// The reader's matches of `query`, in order, as (block, byte range).
fn reader_matches(tree: LetterTree, query: &str) -> Vec<(usize, Range<usize>)> {
    let mut app = App::new(tree, Lang::Zh, AmbiguousWidth::Narrow, (120, 36));
    app.update(Action::OpenSearch);
    app.update(Action::SearchInsert(query.to_string()));
    app.search()
        .matches
        .iter()
        .map(|m| (m.block(), m.bytes()))
        .collect()
}

/// The lines of `dafu --color always search QUERY [FILE]`, read back into matches.
fn printed(query: &str, file: Option<&str>) -> Vec<Seen> {
    let mut args = vec!["--lang", "zh", "--color", "always", "search", query];
    args.extend(file);
    let out = run(args);
    assert!(out.stderr.is_empty(), "{out:?}");
    out.stdout()
        .lines()
        .map(|line| {
            let (crumb, rest) = line.split_once(": ").expect("heading: context");
            let (before, rest) = rest.split_once(ON).expect("a marked match");
            let (matched, _) = rest.split_once(OFF).expect("the mark ends");
            Seen {
                crumb: crumb.to_string(),
                matched: matched.to_string(),
                before: before.trim_start_matches('…').to_string(),
            }
        })
        .collect()
}

/// Asserts that `dafu search QUERY [FILE]` prints the reader's matches of each query on
/// `tree` (the same letter).
#[track_caller]
fn assert_same_matches(file: Option<&str>, tree: &LetterTree) {
    for query in QUERIES {
        let expected = reader_matches(tree.clone(), query);
        let seen = printed(query, file);
        assert!(!expected.is_empty(), "{query} is in the letter");
        assert_eq!(seen.len(), expected.len(), "{query}: {seen:#?}");
        for (seen, (block, bytes)) in seen.iter().zip(&expected) {
            let block = &tree.blocks[*block];
            let text = block.text.as_str();
            assert_eq!(seen.crumb, tree.breadcrumb(block.node, Lang::Zh), "{query}");
            let matched = text.get(bytes.clone()).expect("a match on char boundaries");
            assert_eq!(seen.matched, sanitize_line(matched), "{query}");
            // The context before the match is what stands before it in its paragraph.
            let before = sanitize_line(text.get(..bytes.start).unwrap_or_default());
            assert!(before.ends_with(&seen.before), "{query}: {seen:?}");
            assert_eq!(
                seen.before.is_empty(),
                before.is_empty(),
                "{query}: {seen:?}"
            );
        }
    }
}

#[test]
fn search_prints_the_readers_matches_in_the_letter() {
    let tree = LetterTree::new(load::embedded());
    assert_same_matches(None, &tree);
}

#[test]
fn search_prints_the_readers_matches_in_a_scaled_letter() {
    let yaml = common::scaled_yaml(20);
    let scratch = Scratch::new("search-stream-x20");
    let path = scratch.write("x20.yaml", &yaml);
    let tree = common::load_tree(&yaml);
    let path = path.to_str().expect("a UTF-8 scratch path");
    assert_same_matches(Some(path), &tree);
}
