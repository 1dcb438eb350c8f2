//! The letter read in one pass of the streaming parser, guarded as it is read.
//!
//! The careful way reads a letter twice: the guard walks the streaming parser's events to
//! bound nesting and aliases ([`super::scan`]), then `serde_yaml` parses the whole text again
//! and holds all of its events while it builds the letter. A letter as people write it has no
//! anchor, alias or tag, and fits the schema: this reader builds it straight from the guard's
//! events, and declines — leaving the letter to the careful way, which refuses it with its
//! position and its words — at the first thing it is not sure of: an anchor, an alias, a tag,
//! nesting or a size past the guard's bounds, a syntax error, anything the schema does not
//! take, or a second document. What it builds is what the careful way builds: scalars mean
//! what they mean to `serde_yaml` ([`resolve`]), and the tests hold the two readers to the
//! same letters.

mod resolve;

use std::borrow::Cow;

use saphyr_parser::{Event, Parser, ScalarStyle, StrInput};
use serde::Deserialize;
use serde::de::value::{MapDeserializer, SeqDeserializer};
use serde::de::{self, DeserializeSeed, IntoDeserializer, Visitor};

use super::scan::{MAX_DEPTH, MAX_EXPANDED_BYTES, MAX_EXPANDED_NODES};
use crate::letter::Letter;

/// The letter in `source`, if it is read in one pass; `None` when the careful way must read
/// it (see the module's doc).
pub(super) fn read(source: &str) -> Option<Letter> {
    let mut events = Events {
        parser: Parser::new_from_str(source),
        peeked: None,
        depth: 0,
        nodes: 0,
        bytes: 0,
    };
    if !matches!(events.next().ok()?, Event::StreamStart)
        || !matches!(events.next().ok()?, Event::DocumentStart(_))
    {
        return None;
    }
    let letter = Letter::deserialize(&mut events).ok()?;
    // One document, and nothing after it.
    let mut end = events.next().ok()?;
    if matches!(end, Event::DocumentEnd) {
        end = events.next().ok()?;
    }
    matches!(end, Event::StreamEnd).then_some(letter)
}

/// Why the one-pass reader gave the letter to the careful way; it needs no words, since the
/// careful way says what is wrong.
#[derive(Debug)]
struct Declined;

impl std::fmt::Display for Declined {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("left to the careful reader")
    }
}

impl std::error::Error for Declined {}

impl de::Error for Declined {
    fn custom<T: std::fmt::Display>(_: T) -> Self {
        Self
    }
}

/// The streaming parser's events, counted against the guard's bounds as they come.
struct Events<'s> {
    parser: Parser<'s, StrInput<'s>>,
    /// The event looked at and not yet taken.
    peeked: Option<Event<'s>>,
    /// Open collections.
    depth: usize,
    /// Nodes met: scalars (keys among them) and collections.
    nodes: usize,
    /// Bytes of scalar text met.
    bytes: usize,
}

impl<'s> Events<'s> {
    /// The next event, taken.
    fn next(&mut self) -> Result<Event<'s>, Declined> {
        match self.peeked.take() {
            Some(event) => Ok(event),
            None => self.read(),
        }
    }

    /// The next event, left to be taken.
    fn peek(&mut self) -> Result<&Event<'s>, Declined> {
        if self.peeked.is_none() {
            self.peeked = Some(self.read()?);
        }
        self.peeked.as_ref().ok_or(Declined)
    }

    /// Reads an event from the parser and counts it: what the guard would refuse, or what
    /// might make `serde_yaml` read the letter otherwise (an anchor, an alias, a tag), is
    /// declined.
    fn read(&mut self) -> Result<Event<'s>, Declined> {
        let (event, _) = self.parser.next().ok_or(Declined)?.map_err(|_| Declined)?;
        match &event {
            Event::Scalar(value, _, anchor, tag) => {
                self.nodes += 1;
                self.bytes = self.bytes.saturating_add(value.len());
                if *anchor > 0 || tag.is_some() {
                    return Err(Declined);
                }
            }
            Event::SequenceStart(anchor, tag) | Event::MappingStart(anchor, tag) => {
                self.nodes += 1;
                self.depth += 1;
                if *anchor > 0 || tag.is_some() || self.depth > MAX_DEPTH {
                    return Err(Declined);
                }
            }
            Event::SequenceEnd | Event::MappingEnd => self.depth -= 1,
            Event::Alias(_) | Event::Nothing => return Err(Declined),
            Event::StreamStart
            | Event::StreamEnd
            | Event::DocumentStart(_)
            | Event::DocumentEnd => {}
        }
        if self.nodes > MAX_EXPANDED_NODES || self.bytes > MAX_EXPANDED_BYTES {
            return Err(Declined);
        }
        Ok(event)
    }

    /// The next event if it is a scalar: its text and whether it is plain (unquoted).
    fn scalar(&mut self) -> Result<(Cow<'s, str>, bool), Declined> {
        match self.next()? {
            Event::Scalar(value, style, ..) => Ok((value, style == ScalarStyle::Plain)),
            _ => Err(Declined),
        }
    }

    /// Whether the next event is a plain scalar that means null (nothing, `~`, `null`); it
    /// is taken if so.
    fn take_null(&mut self) -> Result<bool, Declined> {
        let null = matches!(
            self.peek()?,
            Event::Scalar(value, ScalarStyle::Plain, ..) if resolve::is_null(value)
        );
        if null {
            self.next()?;
        }
        Ok(null)
    }

    /// The collection just opened (a mapping when `is_map`, else a sequence), visited to its
    /// end.
    fn collection<'de, V: Visitor<'de>>(
        &mut self,
        visitor: V,
        is_map: bool,
    ) -> Result<V::Value, Declined> {
        let value = if is_map {
            visitor.visit_map(Entries { events: self })?
        } else {
            visitor.visit_seq(Entries { events: self })?
        };
        // `serde_yaml` refuses a collection its visitor did not read to the end.
        match (self.next()?, is_map) {
            (Event::MappingEnd, true) | (Event::SequenceEnd, false) => Ok(value),
            _ => Err(Declined),
        }
    }
}

/// The entries of the collection being read.
struct Entries<'e, 's> {
    events: &'e mut Events<'s>,
}

impl<'de> de::SeqAccess<'de> for Entries<'_, '_> {
    type Error = Declined;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Declined> {
        if matches!(self.events.peek()?, Event::SequenceEnd) {
            return Ok(None);
        }
        seed.deserialize(&mut *self.events).map(Some)
    }
}

impl<'de> de::MapAccess<'de> for Entries<'_, '_> {
    type Error = Declined;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Declined> {
        if matches!(self.events.peek()?, Event::MappingEnd) {
            return Ok(None);
        }
        seed.deserialize(&mut *self.events).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Declined> {
        seed.deserialize(&mut *self.events)
    }
}

/// Declines what a letter's schema never asks for (integers, bytes, values ignored): the
/// careful way reads it, or refuses it.
macro_rules! declined {
    ($($method:ident),*) => {
        $(fn $method<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Declined> {
            Err(Declined)
        })*
    };
}

/// Each call reads one value as `serde_yaml`'s deserializer reads it (`de.rs`), from the
/// events of a document with no anchor, alias or tag.
impl<'de> de::Deserializer<'de> for &mut Events<'_> {
    type Error = Declined;

    declined!(
        deserialize_i8,
        deserialize_i16,
        deserialize_i32,
        deserialize_i64,
        deserialize_i128,
        deserialize_u8,
        deserialize_u16,
        deserialize_u32,
        deserialize_u64,
        deserialize_u128,
        deserialize_bytes,
        deserialize_byte_buf,
        deserialize_ignored_any
    );

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Declined> {
        match self.next()? {
            Event::Scalar(value, ScalarStyle::Plain, ..) => resolve::visit_plain(visitor, &value),
            Event::Scalar(value, ..) => visitor.visit_str(&value),
            Event::SequenceStart(..) => self.collection(visitor, false),
            Event::MappingStart(..) => self.collection(visitor, true),
            _ => Err(Declined),
        }
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Declined> {
        match self.scalar()? {
            (value, true) => visitor.visit_bool(resolve::parse_bool(&value).ok_or(Declined)?),
            _ => Err(Declined),
        }
    }

    fn deserialize_f32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Declined> {
        self.deserialize_f64(visitor)
    }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Declined> {
        match self.scalar()? {
            (value, true) => visitor.visit_f64(resolve::parse_f64(&value).ok_or(Declined)?),
            _ => Err(Declined),
        }
    }

    fn deserialize_char<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Declined> {
        self.deserialize_str(visitor)
    }

    /// Any scalar is text, however it is written (`title: 123` is the text `123`); it is
    /// copied to its exact size (the parser's own copy has room to spare).
    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Declined> {
        visitor.visit_str(&self.scalar()?.0)
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Declined> {
        self.deserialize_str(visitor)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Declined> {
        self.deserialize_str(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Declined> {
        if self.take_null()? {
            visitor.visit_none()
        } else {
            visitor.visit_some(self)
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Declined> {
        match self.scalar()? {
            (value, true) if resolve::is_null(&value) => visitor.visit_unit(),
            _ => Err(Declined),
        }
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        visitor: V,
    ) -> Result<V::Value, Declined> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        visitor: V,
    ) -> Result<V::Value, Declined> {
        visitor.visit_newtype_struct(self)
    }

    /// A sequence, or nothing (`opening:` with no value) for an empty one.
    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Declined> {
        match self.next()? {
            Event::SequenceStart(..) => self.collection(visitor, false),
            Event::Scalar(value, ScalarStyle::Plain, ..) if value.is_empty() => {
                visitor.visit_seq(SeqDeserializer::new(std::iter::empty::<()>()))
            }
            _ => Err(Declined),
        }
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        _: usize,
        visitor: V,
    ) -> Result<V::Value, Declined> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: usize,
        visitor: V,
    ) -> Result<V::Value, Declined> {
        self.deserialize_seq(visitor)
    }

    /// A mapping, or nothing (`proposal:` with no value) for an empty one.
    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Declined> {
        match self.next()? {
            Event::MappingStart(..) => self.collection(visitor, true),
            Event::Scalar(value, ScalarStyle::Plain, ..) if value.is_empty() => {
                visitor.visit_map(MapDeserializer::new(std::iter::empty::<((), ())>()))
            }
            _ => Err(Declined),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Declined> {
        self.deserialize_map(visitor)
    }

    /// A unit variant, written as its name (`kind: money`).
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Declined> {
        let (name, _) = self.scalar()?;
        visitor.visit_enum(name.into_owned().into_deserializer())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::letter::load::scan;

    /// The letter read once, after checking that the careful way reads the same letter
    /// from `source` whenever the one pass reads one; `None` also when the loader does not
    /// ask the one pass (a character it refuses first, or a line break of YAML 1.1).
    fn read_both(source: &str) -> Option<Letter> {
        let source = source.strip_prefix('\u{feff}').unwrap_or(source);
        let characters = super::super::Characters::of(source);
        if characters.first_refused.is_some() || characters.old_line_breaks {
            return None;
        }
        let once = read(source);
        if let Some(letter) = &once {
            assert!(scan::guard(source).is_ok(), "the guard refuses:\n{source}");
            let careful: Letter = serde_yaml::from_str(source)
                .unwrap_or_else(|e| panic!("serde_yaml refuses: {e}\n{source}"));
            assert_eq!(&careful, letter, "\n{source}");
        }
        once
    }

    /// A letter around `body` (YAML lines at the top level, before the signature).
    fn letter(body: &str) -> String {
        format!("opening: [您好。]\n{body}\nsignature: {{issuer: 某局, date: 2021-07-28}}\n")
    }

    #[test]
    fn every_letter_of_the_repository_is_read_as_the_careful_way_reads_it() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut read_once = Vec::new();
        for dir in [
            "content",
            "tests/fixtures",
            "tests/fixtures/bad",
            "tests/fixtures/fuzz/load",
            "fuzz/seeds/load",
        ] {
            for entry in std::fs::read_dir(root.join(dir)).unwrap() {
                let path = entry.unwrap().path();
                if path.extension().is_some_and(|e| e == "yaml")
                    && let Ok(source) = std::fs::read_to_string(&path)
                    && read_both(&source).is_some()
                {
                    read_once.push(path.file_name().unwrap().to_string_lossy().into_owned());
                }
            }
        }
        // The letters as people write them are read in one pass.
        for name in [
            "zhongshan-kjj-2021-142.yaml",
            "minimal.yaml",
            "english.yaml",
        ] {
            assert!(read_once.iter().any(|n| n == name), "{name}: {read_once:?}");
        }
    }

    #[test]
    fn scalars_written_every_way_read_as_the_careful_way_reads_them() {
        for body in [
            // Plain scalars over several lines, quoted ones with escapes and folds.
            "closing:\n  - 甲乙\n    丙丁\n\n    戊\n  - '单''引号'\n  - \"双\\t引\\x41号\\u4e2d\\\n    续行\"",
            "closing:\n  - \"\\N\\_\\L\\P\\e\\0\\/\"",
            // Literal and folded blocks, with every chomping and an indentation indicator.
            "closing:\n  - |\n    一\n     二\n\n  - |-\n    三\n  - |+\n    四\n\n  - >\n    五\n    六\n\n    七\n  - |2\n     八\n",
            // Nothing, `~` and `null`: empty lists, absent options, text when text is asked.
            "title: ~\ndoc_number: null\naddressee:\nclosing:\ncc:\ncontact: ~",
            "suggestions:\n  - title: 关于某事的建议\n    response:\n    measures:",
            // Numbers where text is asked, and numbers where a number is.
            "title: 123\nissuer: 1.5\nproposal: {number: 125053, session: 016, title: 0x1F}",
            "proposal: {number: '016'}\ncontact: 0871-1234567\ncc: [甲, 乙]",
            "opening_figures:\n  - {text: 共3家, value: 3, unit: 家, what: 企业}\n  - {text: 1e3元, value: 1e3, unit: 元, what: x}\n  - {text: .5元, value: .5, unit: 元, what: x, period: 2020}\n  - {text: +2元, value: +2, unit: 元, what: x, period: 2019-2020, kind: money, status: planned, money_kind: running_total}",
            "errata: [{original: 甲, corrected: 乙, note: 丙, suspected: true}, {original: a, corrected: b, note: c, suspected: False}]",
            // A document marker, a comment, an end marker; line breaks of Windows.
            "# 注\nclosing: [甲] # 注",
        ] {
            let source = letter(body);
            assert!(read_both(&source).is_some(), "not read once:\n{source}");
            let windows = source.replace('\n', "\r\n");
            assert!(read_both(&windows).is_some(), "not read once:\n{windows}");
            let marked = format!("---\n{source}...\n");
            assert!(read_both(&marked).is_some(), "not read once:\n{marked}");
        }
    }

    #[test]
    fn what_the_careful_way_must_judge_is_left_to_it() {
        let deep = format!("closing: {}甲{}", "[".repeat(70), "]".repeat(70));
        for body in [
            // What the guard bounds or refuses.
            "title: &t 答复\naddressee: *t",
            "title: !!str 答复",
            "title: !custom 答复",
            "title: 甲\ntitle: 乙",
            deep.as_str(),
            // What does not fit the schema.
            "tilte: 答复",
            "opening_figures: [{text: 共3家, value: 0x3, unit: 家, what: x}]",
            "opening_figures: [{text: 共3家, value: '3', unit: 家, what: x}]",
            "errata: [{original: a, corrected: b, note: c, suspected: yes}]",
            "opening_figures: [{text: 共3家, value: 3, unit: 家, what: x, kind: Money}]",
            "contact: {a: 1}",
            "title: [答复]",
            // Syntax the streaming parser refuses.
            "title: \"答复",
        ] {
            let source = letter(body);
            assert_eq!(read_both(&source), None, "{source}");
        }
        assert_eq!(
            read_both(&format!("{}---\n{}", letter(""), letter(""))),
            None
        );
        assert_eq!(read_both("- 甲\n"), None);
    }

    #[test]
    fn the_bounds_of_the_guard_hold() {
        // Past the guard's count of values, though each is nothing.
        let many = format!("closing: [{}]", vec!["''"; MAX_EXPANDED_NODES].join(","));
        assert_eq!(read(&letter(&many)), None);
        let fewer = format!("closing: [{}]", vec!["''"; 1000].join(","));
        assert!(read_both(&letter(&fewer)).is_some());
    }

    proptest::proptest! {
        /// Any text in a letter's fields, as `serde_yaml` writes it (plain, quoted, escaped or
        /// in a block), reads back the same both ways.
        #[test]
        fn any_text_reads_the_same_both_ways(
            texts in proptest::collection::vec("(?s).{0,12}", 1..6),
        ) {
            let mut letter = crate::letter::load::embedded();
            letter.title = Some(texts[0].clone());
            letter.closing.clone_from(&texts);
            letter.contact = texts.iter().rev().cloned().collect();
            letter.signature.issuer = texts.last().cloned();
            let source = serde_yaml::to_string(&letter).unwrap();
            let once = read_both(&source);
            if !source.contains(['\u{85}', '\u{2028}', '\u{2029}']) {
                proptest::prop_assert!(once.is_some(), "{}", source);
            }
        }
    }
}
