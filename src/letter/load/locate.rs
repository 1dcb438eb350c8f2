//! Where a field of a letter stands in its file: the path that names it
//! (`suggestions[2].measures[0].figures[1].unit`) and, when a check after reading refuses it,
//! its line and column, found by walking the file's events again. Only a refused letter is
//! walked, so the reading of a valid one keeps no positions.

use std::fmt;

use saphyr_parser::{Event, Parser};

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

/// An open collection while [`locate`] walks the events.
enum Frame {
    /// A mapping: whether its next node is a key, and the key of the value being read.
    Map { want_key: bool, key: String },
    /// A sequence, and the index of its next element.
    Seq { next: usize },
}

/// The 1-based line and column of the value at `path` in `source`, if it has one there.
///
/// `source` is a letter the reader took: its keys are text and it has no alias (a
/// collection written as a key, or an alias, is refused before any check asks where a field
/// is).
#[must_use]
pub fn locate(source: &str, path: &FieldPath) -> Option<(usize, usize)> {
    let mut frames: Vec<Frame> = Vec::new();
    let mut at: Vec<Step> = Vec::new();
    for event in Parser::new_from_str(source) {
        let (event, span) = event.ok()?;
        if matches!(event, Event::SequenceEnd | Event::MappingEnd) {
            frames.pop();
            end_value(&mut frames, &mut at);
            continue;
        }
        let is_key = match frames.last_mut() {
            Some(Frame::Map { want_key, key }) if *want_key => {
                *want_key = false;
                *key = match &event {
                    Event::Scalar(value, ..) => value.to_string(),
                    _ => String::new(),
                };
                true
            }
            Some(Frame::Map { key, .. }) => {
                at.push(Step::Key(key.clone()));
                false
            }
            Some(Frame::Seq { next }) => {
                at.push(Step::Index(*next));
                *next += 1;
                false
            }
            None => false,
        };
        let starts_node = matches!(
            event,
            Event::Scalar(..) | Event::SequenceStart(..) | Event::MappingStart(..)
        );
        if starts_node && !is_key && at == path.0 {
            return Some((span.start.line(), span.start.col() + 1));
        }
        match event {
            Event::SequenceStart(..) => frames.push(Frame::Seq { next: 0 }),
            Event::MappingStart(..) => frames.push(Frame::Map {
                want_key: true,
                key: String::new(),
            }),
            Event::Scalar(..) if !is_key => end_value(&mut frames, &mut at),
            _ => {}
        }
    }
    None
}

/// After a value ends: its mapping wants a key next, and the path steps back out.
fn end_value(frames: &mut [Frame], at: &mut Vec<Step>) {
    match frames.last_mut() {
        Some(Frame::Map { want_key, .. }) => {
            *want_key = true;
            at.pop();
        }
        Some(Frame::Seq { .. }) => {
            at.pop();
        }
        None => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn path_displays_as_in_messages() {
        assert_eq!(path(&["list", "1", "x"]).to_string(), "list[1].x");
    }

    #[test]
    fn the_last_field_of_the_real_letter_is_found() {
        let letter = crate::letter::load::EMBEDDED_LETTER;
        let date = FieldPath::default().key("signature").key("date");
        let (line, _) = locate(letter, &date).expect("signature.date is found");
        assert!(letter.lines().nth(line - 1).unwrap().contains("2021-07-28"));
    }
}
