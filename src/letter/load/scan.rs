//! A second, streaming look at a letter's YAML, for what `serde_yaml` cannot do: bound what a
//! hostile file costs before it is parsed into values, and find the line and column of a field
//! that failed validation after it was.
//!
//! `serde_yaml` expands every alias into a full copy of its anchor (so a few kilobytes of
//! aliases to a long string can ask for gigabytes) and parses deeply nested flow collections
//! in quadratic time; it also keeps no positions for values once parsed. `saphyr-parser`
//! streams events with their spans, so one pass can stop a bomb early and find any field.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::fmt;

use saphyr_parser::{Event, Parser, Tag};

/// How deep collections may nest. A letter needs six levels; the margin is generous, the
/// bound is what keeps a `[[[[…` file cheap.
pub const MAX_DEPTH: usize = 64;

/// How many bytes of scalar text the document may hold once its aliases are expanded. A
/// real letter holds tens of KiB.
pub const MAX_EXPANDED_BYTES: usize = 256 * 1024 * 1024;

/// How many nodes (scalars, keys, collections) the document may hold once its aliases are
/// expanded. Bytes alone do not bound a bomb: an alias of a list of empty strings adds no
/// bytes, yet the parser builds a value, of tens of bytes, for each. The letter that ships
/// holds about a thousand nodes, the benchmark's letter scaled ×1000 about a million.
pub const MAX_EXPANDED_NODES: usize = 4 * 1024 * 1024;

/// One step of a path into the document: a mapping key or a sequence index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// The value under this key of a mapping.
    Key(String),
    /// The element at this index of a sequence.
    Index(usize),
}

/// A path to a field, e.g. `suggestions[2].measures[0].figures[1].unit`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FieldPath(pub Vec<Step>);

impl FieldPath {
    /// This path extended by a key.
    #[must_use]
    pub fn key(&self, key: &str) -> Self {
        let mut steps = self.0.clone();
        steps.push(Step::Key(key.to_string()));
        Self(steps)
    }

    /// This path extended by an index.
    #[must_use]
    pub fn index(&self, index: usize) -> Self {
        let mut steps = self.0.clone();
        steps.push(Step::Index(index));
        Self(steps)
    }
}

/// The path of one figure under its node's `figures`, made into a [`FieldPath`] only when a
/// problem is reported: checking a letter of a million figures then builds no path at all.
#[derive(Debug, Clone, Copy)]
pub struct FigureAt<'a> {
    figures: &'a FieldPath,
    index: usize,
}

impl<'a> FigureAt<'a> {
    /// The figure at `index` of the list at `figures`.
    #[must_use]
    pub fn new(figures: &'a FieldPath, index: usize) -> Self {
        Self { figures, index }
    }

    /// The path of the figure's field `key`.
    #[must_use]
    pub fn key(&self, key: &str) -> FieldPath {
        self.figures.index(self.index).key(key)
    }
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, step) in self.0.iter().enumerate() {
            match step {
                Step::Key(k) if i == 0 => write!(f, "{k}")?,
                Step::Key(k) => write!(f, ".{k}")?,
                Step::Index(n) => write!(f, "[{n}]")?,
            }
        }
        Ok(())
    }
}

/// Why the guard refused a document, and where (1-based line and column).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    /// 1-based line and column of the event that crossed the bound, or of the fault.
    pub position: (usize, usize),
    /// What was exceeded, or what is wrong.
    pub message: String,
    /// Whether the document is refused for what it holds, or could not be read at all.
    pub kind: RefusalKind,
}

/// Whether the guard read the document and refused it, or could not read it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RefusalKind {
    /// The document nests or expands past a bound, repeats a key, or carries a tag a letter
    /// has no use for.
    Refused,
    /// The streaming parser found a syntax error here (the walk stopped there, so nothing
    /// after it was bounded). `serde_yaml` usually finds the same error, in its own words.
    Syntax,
}

impl Refusal {
    fn refused(position: (usize, usize), message: String) -> Self {
        Self {
            position,
            message,
            kind: RefusalKind::Refused,
        }
    }
}

/// One open collection while walking the events.
struct Open<'s> {
    frame: Frame<'s>,
    /// True for a collection used as a mapping key: it stands at no path.
    is_key: bool,
}

/// What an open collection is, with what the walk needs of it.
enum Frame<'s> {
    Map {
        /// The key of the value being read, when paths are followed.
        key: Option<Cow<'s, str>>,
        /// The keys met so far: YAML forbids a key twice in one mapping, and `serde_yaml`
        /// reports it without a position. Borrowed from the source where the key is written
        /// as it reads.
        keys: HashSet<Cow<'s, str>>,
        want_key: bool,
        anchor: usize,
        at_start: Size,
    },
    Seq {
        next: usize,
        anchor: usize,
        at_start: Size,
    },
}

/// What a stretch of the document costs once its aliases are expanded.
#[derive(Debug, Clone, Copy, Default)]
struct Size {
    /// Bytes of scalar text.
    bytes: usize,
    /// Nodes: scalars (keys among them) and collections.
    nodes: usize,
}

impl Size {
    fn add(&mut self, other: Size) {
        self.bytes = self.bytes.saturating_add(other.bytes);
        self.nodes = self.nodes.saturating_add(other.nodes);
    }

    fn since(self, start: Size) -> Size {
        Size {
            bytes: self.bytes - start.bytes,
            nodes: self.nodes - start.nodes,
        }
    }
}

/// Walks the events of `source`, calling `visit` with the path and 1-based position of every
/// value node (scalars, aliases and collections, not mapping keys); stops early when `visit`
/// returns `Some`. Returns what `visit` returned, or a refusal when the document nests or
/// expands past the bounds. A syntax error ends the walk quietly: the real parser reports
/// syntax errors, with its own wording. With no `visit`, no path is kept: the walk only guards.
fn walk<T>(
    source: &str,
    mut visit: Option<impl FnMut(&[Step], (usize, usize)) -> Option<T>>,
) -> Result<Option<T>, Refusal> {
    let mut walk = Walk {
        follow_paths: visit.is_some(),
        ..Walk::default()
    };
    for event in Parser::new_from_str(source) {
        let (event, span) = event.map_err(|e| parser_refusal(&e))?;
        let position = (span.start.line(), span.start.col() + 1);
        if starts_node(&event) {
            let is_key = walk.place(&event, position)?;
            if let Some(message) = unwanted_tag(&event) {
                return Err(Refusal::refused(position, message));
            }
            if !is_key
                && let Some(visit) = visit.as_mut()
                && let Some(found) = visit(&walk.path, position)
            {
                return Ok(Some(found));
            }
            walk.count(&event, position)?;
            walk.open(event, is_key, position)?;
        } else if matches!(event, Event::SequenceEnd | Event::MappingEnd) {
            walk.close();
        }
    }
    Ok(None)
}

/// Whether `event` begins a node: a scalar, an alias or a collection.
fn starts_node(event: &Event<'_>) -> bool {
    matches!(
        event,
        Event::Scalar(..) | Event::Alias(_) | Event::SequenceStart(..) | Event::MappingStart(..)
    )
}

/// The streaming parser's error as a refusal at its position.
fn parser_refusal(e: &saphyr_parser::ScanError) -> Refusal {
    let position = (e.marker().line(), e.marker().col() + 1);
    // The scanner has its own nesting bound, met before ours on flow collections.
    if e.info().contains("recursion limit") {
        return Refusal::refused(position, "collections nest too deep; refused".to_string());
    }
    Refusal {
        position,
        message: e.info().to_string(),
        kind: RefusalKind::Syntax,
    }
}

/// Where [`walk`] is in the document, and what the document has cost so far.
#[derive(Default)]
struct Walk<'s> {
    /// Whether [`Walk::path`] is kept: only a search for a field needs it.
    follow_paths: bool,
    /// The open collections, outermost first.
    frames: Vec<Open<'s>>,
    /// What the document costs so far, with aliases counted as what they stand for.
    size: Size,
    /// What each anchored node cost, for its aliases.
    anchor_sizes: HashMap<usize, Size>,
    /// The path of the node being read.
    path: Vec<Step>,
}

impl<'s> Walk<'s> {
    /// Places a node that starts at `position`: a mapping's key (returns true), or a value
    /// whose step is pushed onto the path. A key given twice in one mapping is refused.
    fn place(&mut self, event: &Event<'s>, position: (usize, usize)) -> Result<bool, Refusal> {
        match self.frames.last_mut().map(|o| &mut o.frame) {
            Some(Frame::Map {
                key,
                keys,
                want_key,
                ..
            }) if *want_key => {
                *want_key = false;
                let Event::Scalar(value, ..) = event else {
                    *key = None;
                    return Ok(true);
                };
                if !keys.insert(value.clone()) {
                    return Err(Refusal::refused(
                        position,
                        format!("the key `{value}` appears twice in this mapping; give it once"),
                    ));
                }
                *key = self.follow_paths.then(|| value.clone());
                return Ok(true);
            }
            Some(Frame::Map { key, .. }) if self.follow_paths => {
                let key = key.as_deref().unwrap_or_default().to_string();
                self.path.push(Step::Key(key));
            }
            Some(Frame::Seq { next, .. }) => {
                if self.follow_paths {
                    self.path.push(Step::Index(*next));
                }
                *next += 1;
            }
            Some(Frame::Map { .. }) | None => {}
        }
        Ok(false)
    }

    /// Adds what the node costs, an alias as what it stands for; refuses past the bounds.
    fn count(&mut self, event: &Event<'_>, position: (usize, usize)) -> Result<(), Refusal> {
        match event {
            Event::Scalar(value, _, anchor, _) => {
                let scalar = Size {
                    bytes: value.len(),
                    nodes: 1,
                };
                self.size.add(scalar);
                if *anchor > 0 {
                    self.anchor_sizes.insert(*anchor, scalar);
                }
            }
            Event::Alias(anchor) => {
                let stands_for = self.anchor_sizes.get(anchor).copied().unwrap_or_default();
                self.size.add(stands_for);
            }
            // The collection itself; its elements count as they come.
            _ => self.size.add(Size { bytes: 0, nodes: 1 }),
        }
        match too_big(self.size) {
            Some(message) => Err(Refusal::refused(position, message)),
            None => Ok(()),
        }
    }

    /// Opens the collection that `event` starts, or ends the value that it is; refuses
    /// nesting past [`MAX_DEPTH`].
    fn open(
        &mut self,
        event: Event<'s>,
        is_key: bool,
        position: (usize, usize),
    ) -> Result<(), Refusal> {
        // The collection's own node counts in its anchor's size.
        let at_start = Size {
            nodes: self.size.nodes - 1,
            ..self.size
        };
        let frame = match event {
            Event::SequenceStart(anchor, _) => Frame::Seq {
                next: 0,
                anchor,
                at_start,
            },
            Event::MappingStart(anchor, _) => Frame::Map {
                key: None,
                keys: HashSet::new(),
                want_key: true,
                anchor,
                at_start,
            },
            _ => {
                if !is_key {
                    end_value(&mut self.frames, &mut self.path);
                }
                return Ok(());
            }
        };
        self.frames.push(Open { frame, is_key });
        if self.frames.len() > MAX_DEPTH {
            return Err(Refusal::refused(
                position,
                format!("collections nest deeper than {MAX_DEPTH} levels; refused"),
            ));
        }
        Ok(())
    }

    /// Closes the innermost collection, recording its size under its anchor.
    fn close(&mut self) {
        let Some(open) = self.frames.pop() else {
            return;
        };
        let (Frame::Map {
            anchor, at_start, ..
        }
        | Frame::Seq {
            anchor, at_start, ..
        }) = open.frame;
        if anchor > 0 {
            self.anchor_sizes.insert(anchor, self.size.since(at_start));
        }
        if !open.is_key {
            end_value(&mut self.frames, &mut self.path);
        }
    }
}

/// The core schema's tags a letter may use; `!!binary` would show base64 as text, other
/// tags mean nothing to dafu.
const PLAIN_TAGS: [&str; 7] = ["str", "int", "float", "bool", "null", "seq", "map"];

/// Why the tag on `event`, if any, is refused: one that is not a core schema's plain tag,
/// or one that says the node is what it is not (`!!int 答复的函`, `!!map` on a scalar).
fn unwanted_tag(event: &Event<'_>) -> Option<String> {
    let tag: &Cow<'_, Tag> = match event {
        Event::Scalar(_, _, _, tag)
        | Event::SequenceStart(_, tag)
        | Event::MappingStart(_, tag) => tag.as_ref()?,
        _ => return None,
    };
    let core = tag.handle == "tag:yaml.org,2002:";
    let shown = if core {
        format!("!!{}", tag.suffix)
    } else {
        format!("{}{}", tag.handle, tag.suffix)
    };
    if !core || !PLAIN_TAGS.contains(&tag.suffix.as_str()) {
        return Some(format!(
            "the tag `{shown}` is not allowed: a letter holds plain text and numbers"
        ));
    }
    let fits = match event {
        Event::Scalar(value, ..) => scalar_fits(&tag.suffix, value),
        Event::SequenceStart(..) => tag.suffix == "seq",
        _ => tag.suffix == "map",
    };
    (!fits).then(|| {
        let node = match event {
            Event::Scalar(value, ..) => {
                let start: String = value.chars().take(40).collect();
                format!("“{}”", crate::text::sanitize::sanitize_line(&start))
            }
            Event::SequenceStart(..) => "a list".to_string(),
            _ => "a mapping".to_string(),
        };
        format!("the tag `{shown}` does not fit {node}; remove the tag")
    })
}

/// Whether a scalar written `value` is what the core schema's tag `suffix` says it is.
fn scalar_fits(suffix: &str, value: &str) -> bool {
    match suffix {
        "str" => true,
        "null" => matches!(value, "" | "~" | "null" | "Null" | "NULL"),
        "bool" => matches!(
            value,
            "true" | "True" | "TRUE" | "false" | "False" | "FALSE"
        ),
        "int" => is_core_int(value),
        "float" => is_core_float(value),
        _ => false,
    }
}

/// `[-+]?[0-9]+`, `0o[0-7]+` or `0x[0-9a-fA-F]+` (the core schema's integers).
fn is_core_int(value: &str) -> bool {
    let digits = |s: &str, radix: u32| !s.is_empty() && s.chars().all(|c| c.is_digit(radix));
    if let Some(octal) = value.strip_prefix("0o") {
        return digits(octal, 8);
    }
    if let Some(hex) = value.strip_prefix("0x") {
        return digits(hex, 16);
    }
    digits(value.strip_prefix(['-', '+']).unwrap_or(value), 10)
}

/// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`, `[-+]?.inf` or `.nan` (the core
/// schema's floats; an integer is one too).
fn is_core_float(value: &str) -> bool {
    let unsigned = value.strip_prefix(['-', '+']).unwrap_or(value);
    if matches!(unsigned, ".inf" | ".Inf" | ".INF") || matches!(value, ".nan" | ".NaN" | ".NAN") {
        return true;
    }
    let (number, exponent) = match unsigned.find(['e', 'E']) {
        Some(at) => (
            unsigned.get(..at).unwrap_or_default(),
            unsigned.get(at + 1..),
        ),
        None => (unsigned, None),
    };
    let all_digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    let (whole, fraction) = number.split_once('.').unwrap_or((number, ""));
    let mantissa =
        all_digits(whole) && all_digits(fraction) && (!whole.is_empty() || !fraction.is_empty());
    let exponent_fits = exponent.is_none_or(|e| {
        let e = e.strip_prefix(['-', '+']).unwrap_or(e);
        !e.is_empty() && all_digits(e)
    });
    mantissa && exponent_fits
}

/// Why a document of this expanded size is refused, if it is.
fn too_big(size: Size) -> Option<String> {
    if size.bytes > MAX_EXPANDED_BYTES {
        return Some(format!(
            "aliases expand the letter past {} MiB of text; refused",
            MAX_EXPANDED_BYTES / (1024 * 1024)
        ));
    }
    if size.nodes > MAX_EXPANDED_NODES {
        return Some(format!(
            "the letter holds more than {MAX_EXPANDED_NODES} values once its aliases are \
             expanded; refused"
        ));
    }
    None
}

/// After a value ends: its parent mapping wants a key next, and the path steps back out.
fn end_value(frames: &mut [Open], path: &mut Vec<Step>) {
    match frames.last_mut().map(|o| &mut o.frame) {
        Some(Frame::Map { want_key, .. }) => {
            *want_key = true;
            path.pop();
        }
        Some(Frame::Seq { .. }) => {
            path.pop();
        }
        None => {}
    }
}

/// Refuses a document that nests too deep, whose aliases expand too far, that repeats a key
/// in a mapping or carries a tag such as `!!binary`; reports the first syntax error the
/// streaming parser meets (see [`RefusalKind::Syntax`]).
///
/// # Errors
/// The [`Refusal`], with the position of the event that crossed the bound or the fault.
pub fn guard(source: &str) -> Result<(), Refusal> {
    type Visit = fn(&[Step], (usize, usize)) -> Option<()>;
    walk(source, None::<Visit>).map(|_| ())
}

/// The 1-based line and column of the value at `path`, if the document has one there.
#[must_use]
pub fn locate(source: &str, path: &FieldPath) -> Option<(usize, usize)> {
    walk(
        source,
        Some(|at: &[Step], position| (at == path.0.as_slice()).then_some(position)),
    )
    .ok()
    .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_core_tag_must_say_what_the_scalar_is() {
        for (suffix, fits, does_not) in [
            (
                "int",
                &["7", "-3", "+0", "0o17", "0x1F"][..],
                &["答复的函", "1.5", "0x", ""][..],
            ),
            (
                "float",
                &[
                    "1.5", "-.5", "2.", "1e3", "3E-2", ".inf", "-.Inf", ".nan", "7",
                ][..],
                &["答复的函", ".", "1e", "e3", "1.2.3", ""][..],
            ),
            (
                "bool",
                &["true", "False", "TRUE"][..],
                &["yes", "答复的函"][..],
            ),
            ("null", &["", "~", "null", "NULL"][..], &["none", "0"][..]),
            ("str", &["答复的函", "7", ""][..], &[][..]),
        ] {
            for value in fits {
                assert!(scalar_fits(suffix, value), "!!{suffix} {value:?}");
            }
            for value in does_not {
                assert!(!scalar_fits(suffix, value), "!!{suffix} {value:?}");
            }
        }
    }

    fn path(steps: &[&str]) -> FieldPath {
        FieldPath(
            steps
                .iter()
                .map(|s| match s.parse() {
                    Ok(n) => Step::Index(n),
                    Err(_) => Step::Key((*s).to_string()),
                })
                .collect(),
        )
    }

    const DOC: &str = "a: 1\nlist:\n  - x: foo\n    y: [1, 2]\n  - x: bar\n    y: {k: v}\nz: end\n";

    #[test]
    fn locates_values_by_path() {
        assert_eq!(locate(DOC, &path(&["a"])), Some((1, 4)));
        assert_eq!(locate(DOC, &path(&["list", "1", "x"])), Some((5, 8)));
        assert_eq!(locate(DOC, &path(&["list", "0", "y", "1"])), Some((4, 12)));
        assert_eq!(locate(DOC, &path(&["list", "1", "y", "k"])), Some((6, 12)));
        assert_eq!(locate(DOC, &path(&["z"])), Some((7, 4)));
        assert_eq!(locate(DOC, &path(&["nope"])), None);
    }

    #[test]
    fn a_key_given_twice_is_refused_however_many_keys_the_mapping_has() {
        let mapping =
            |keys: &[usize]| -> String { keys.iter().map(|k| format!("k{k}: {k}\n")).collect() };
        let distinct: Vec<usize> = (0..40).collect();
        assert!(guard(&mapping(&distinct)).is_ok());
        for (first, again) in [(3, 9), (3, 30), (20, 35)] {
            let mut keys: Vec<usize> = (0..40).collect();
            keys[again] = first;
            let refusal = guard(&mapping(&keys)).unwrap_err();
            assert!(
                refusal
                    .message
                    .contains(&format!("`k{first}` appears twice")),
                "{refusal:?}"
            );
            assert_eq!(refusal.position.0, again + 1);
        }
    }

    #[test]
    fn path_displays_as_in_messages() {
        assert_eq!(path(&["list", "1", "x"]).to_string(), "list[1].x");
    }

    #[test]
    fn deep_nesting_is_refused_early() {
        let deep = "[".repeat(100_000);
        let refusal = guard(&deep).unwrap_err();
        assert!(refusal.message.contains("nest"), "{refusal:?}");
        let deep_maps = "{a: ".repeat(100_000);
        assert!(guard(&deep_maps).is_err());
    }

    #[test]
    fn alias_bombs_are_refused() {
        let mut doc = String::from("a: &a \"");
        doc.push_str(&"x".repeat(1 << 20));
        doc.push_str("\"\nb: [");
        doc.push_str(&vec!["*a"; 300].join(", "));
        doc.push_str("]\n");
        let refusal = guard(&doc).unwrap_err();
        assert!(refusal.message.contains("aliases"), "{refusal:?}");
        // Nested collections multiply.
        let mut laughs = String::from("l0: &l0 [\"lol\"]\n");
        for i in 1..30 {
            laughs.push_str(&format!("l{i}: &l{i} [*l{p}, *l{p}, *l{p}]\n", p = i - 1));
        }
        assert!(guard(&laughs).is_err());
    }

    #[test]
    fn aliases_of_empty_strings_are_refused_by_their_count() {
        // No scalar bytes at all, yet 200,000 × 1,000 values once expanded.
        let mut doc = String::from("e: &e [");
        doc.push_str(&vec!["''"; 200_000].join(","));
        doc.push_str("]\nm:\n");
        doc.push_str(&"  - *e\n".repeat(1_000));
        let refusal = guard(&doc).unwrap_err();
        assert!(refusal.message.contains("values"), "{refusal:?}");
        // At the alias that crossed the bound, not at the start.
        let line = MAX_EXPANDED_NODES / 200_001 + 2;
        assert!(refusal.position.0.abs_diff(line) <= 2, "{refusal:?}");
    }

    #[test]
    fn ordinary_documents_pass() {
        assert!(guard(DOC).is_ok());
        let letter = crate::letter::load::EMBEDDED_LETTER;
        assert!(guard(letter).is_ok());
        // The walk reaches the end of the real letter: its last fields are found.
        let date = FieldPath::default().key("signature").key("date");
        let (line, _) = locate(letter, &date).expect("signature.date is found");
        assert!(letter.lines().nth(line - 1).unwrap().contains("2021-07-28"));
    }
}
