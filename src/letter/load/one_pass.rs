//! The one reader of a letter's YAML: a `serde` deserializer over the streaming parser's
//! events (`saphyr-parser`), which builds the letter as it reads and refuses, at the event
//! where it goes wrong, what a letter cannot be:
//!
//! - a syntax error, in the parser's words at its mark;
//! - anything the schema does not take (a missing, unknown or repeated field, a value of the
//!   wrong type), in `serde`'s words with the path of the field, as `serde_yaml` said them;
//! - an anchor, an alias or a tag: no letter needs one, and refusing them is what bounds the
//!   work to the file's size (an alias would stand for a copy of what it names, so a small
//!   file could ask for gigabytes);
//! - nesting deeper than [`MAX_DEPTH`], more than [`MAX_NODES`] values, a second document.
//!
//! A scalar is its text wherever the schema asks for text (`title: 123` is the text `123`);
//! where it asks for nothing, a boolean or a number, it means what it means to `serde_yaml`
//! ([`resolve`]), which writes the letters that `dafu import` drafts: the tests read back what
//! it writes.

mod resolve;

use std::fmt;

use saphyr_parser::{Event, Parser, ScalarStyle, ScanError, StrInput, Tag};
use serde::Deserialize;
use serde::de::value::{MapDeserializer, SeqDeserializer};
use serde::de::{self, DeserializeSeed, IntoDeserializer, Unexpected, Visitor};

use super::locate::{FieldPath, Step};
use crate::letter::Letter;

/// How deep collections may nest. A letter needs six levels; the margin is generous, the
/// bound is what keeps a `[[[[…` file cheap.
pub const MAX_DEPTH: usize = 64;

/// How many nodes (scalars, keys, collections) a letter may hold. The letter that ships
/// holds about a thousand, the benchmark's letter scaled ×1000 about a million; the bound
/// keeps a file of millions of empty strings from costing gigabytes once each is a block.
pub const MAX_NODES: usize = 4 * 1024 * 1024;

/// A 1-based line and column, in characters.
type Position = (usize, usize);

/// Why a document given where a value was wanted ended; `serde_yaml`'s words.
const END: &str = "EOF while parsing a value";

/// The letter in `source`, read in one pass.
///
/// # Errors
/// The [`Fault`] where the reading stopped.
pub(super) fn read(source: &str) -> Result<Letter, Fault> {
    let mut events = Events {
        source,
        parser: Parser::new_from_str(source),
        peeked: None,
        depth: 0,
        nodes: 0,
    };
    events.next()?;
    let (event, at) = events.take()?;
    if !matches!(event, Event::DocumentStart(_)) {
        return Err(Fault::new(END).at(at));
    }
    let at = events.peek()?.1;
    let letter = Letter::deserialize(&mut events).map_err(|f| f.at(at))?;
    // One document, and nothing after it.
    let (mut event, mut at) = events.take()?;
    if matches!(event, Event::DocumentEnd) {
        (event, at) = events.take()?;
    }
    match event {
        Event::StreamEnd => Ok(letter),
        _ => Err(Fault::of_event(
            "deserializing from YAML containing more than one document is not supported",
            at,
        )),
    }
}

/// Why a letter's YAML was refused, and where.
#[derive(Debug)]
pub(super) struct Fault {
    message: String,
    /// Where, once known: the event that went wrong, or the start of the value that did.
    at: Option<Position>,
    /// The path of the value at fault, innermost step first, gathered as the fault leaves
    /// the collections it was found in (so a letter read without fault builds no path).
    within: Vec<Step>,
    /// A key given twice: refused at the key, not at the mapping that holds it.
    at_key: bool,
    /// Refused for what an event is (a syntax error, an anchor, a tag, a bound): its place
    /// says where, and no field's path is put before its words.
    bare: bool,
}

impl Fault {
    fn new(message: impl Into<String>) -> Self {
        Self {
            message: message.into(),
            at: None,
            within: Vec::new(),
            at_key: false,
            bare: false,
        }
    }

    /// A fault of the event at `at`, which its place alone says (see [`Fault::bare`]).
    fn of_event(message: impl Into<String>, at: Position) -> Self {
        Self {
            bare: true,
            ..Self::new(message).at(at)
        }
    }

    /// The fault at `at`, unless a closer place is known already.
    fn at(mut self, at: Position) -> Self {
        self.at.get_or_insert(at);
        self
    }

    /// The fault inside the value at `step` of the collection it leaves.
    fn within(mut self, step: Step) -> Self {
        if !self.bare {
            self.within.push(step);
        }
        self
    }

    /// Where the letter goes wrong.
    pub(super) fn position(&self) -> Option<Position> {
        self.at
    }
}

/// The message as `serde_yaml` wrote it: the path of the field first, when there is one.
impl fmt::Display for Fault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.within.is_empty() {
            return f.write_str(&self.message);
        }
        let path = FieldPath(self.within.iter().rev().cloned().collect());
        write!(f, "{path}: {}", self.message)
    }
}

impl std::error::Error for Fault {}

impl de::Error for Fault {
    fn custom<T: fmt::Display>(message: T) -> Self {
        Self::new(message.to_string())
    }

    fn duplicate_field(field: &'static str) -> Self {
        Self {
            at_key: true,
            ..Self::new(format!(
                "the key `{field}` appears twice in this mapping; give it once"
            ))
        }
    }

    fn invalid_type(unexpected: Unexpected<'_>, expected: &dyn de::Expected) -> Self {
        Self::custom(format_args!(
            "invalid type: {}, expected {}",
            excerpt(unexpected),
            in_words(expected)
        ))
    }

    fn unknown_variant(variant: &str, expected: &'static [&'static str]) -> Self {
        // serde's words, the value quoted by its start and the choices whole.
        let variant = start_of(variant);
        match expected {
            [one] => Self::custom(format_args!(
                "unknown variant `{variant}`, expected `{one}`"
            )),
            choices => {
                let choices: Vec<String> = choices.iter().map(|c| format!("`{c}`")).collect();
                Self::custom(format_args!(
                    "unknown variant `{variant}`, expected one of {}",
                    choices.join(", ")
                ))
            }
        }
    }

    fn invalid_value(unexpected: Unexpected<'_>, expected: &dyn de::Expected) -> Self {
        Self::custom(format_args!(
            "invalid value: {}, expected {}",
            excerpt(unexpected),
            in_words(expected)
        ))
    }
}

/// What serde expected, in a reader's words: its primitive types name themselves as Rust
/// does (`f64`, `u32`), which no one writing a letter should need to know.
fn in_words(expected: &dyn de::Expected) -> String {
    match expected.to_string().as_str() {
        "f64" | "f32" => "a number".to_string(),
        "u8" | "u16" | "u32" | "u64" | "usize" | "i32" | "i64" => "a whole number".to_string(),
        other => other.to_string(),
    }
}

/// Characters of a value a refusal quotes, at most: a mistyped value can be a whole file.
const QUOTED_CHARS: usize = 60;

/// What a refusal says of a value, as `serde` says it, a long text quoted by its start only
/// (`string "a[[[[…"`): the message stays a line a person can act on, and the list of what
/// was expected, after it, stays whole.
fn excerpt(unexpected: Unexpected<'_>) -> String {
    match unexpected {
        Unexpected::Str(text) => format!("string {:?}", start_of(text)),
        other => other.to_string(),
    }
}

/// The refusal of a quoted scalar that runs on past its line: a quotation mark left open.
const QUOTE_LEFT_OPEN: &str = "a quotation mark opened here is not closed on its line (or the lines after it are indented wrongly)";

/// The refusal of a quoted scalar the file ends in: a letter cut short inside a quotation.
const QUOTE_NEVER_CLOSED: &str =
    "a quotation mark opened here is never closed; the file ends first (is it cut short?)";

/// `text`, or its first [`QUOTED_CHARS`] characters and `…` when it is longer.
fn start_of(text: &str) -> std::borrow::Cow<'_, str> {
    match text.char_indices().nth(QUOTED_CHARS) {
        Some((end, _)) => format!("{}…", text.get(..end).unwrap_or_default()).into(),
        None => text.into(),
    }
}

/// A syntax error of the streaming parser, in its words, where the fault is.
fn syntax(error: &ScanError, source: &str) -> Fault {
    let mark = error.marker();
    let at = (mark.line(), mark.col() + 1);
    let info = error.info();
    // The scanner has its own nesting bound, met before ours on flow collections.
    if info.contains("recursion limit") {
        return Fault::of_event("collections nest too deep; refused", at);
    }
    // The parser marks where the token began: the start of a quoted scalar whose escape is
    // wrong, of a scalar or block a tab cut short, or the column after an indenting tab.
    // The reader is sent to the character itself.
    let here = (mark.index(), at);
    let found = if info.contains("tabs disallowed") {
        let line_start = (mark.index().saturating_sub(mark.col()), (mark.line(), 1));
        first_at(source, line_start, |c, _| c == '\t')
    } else if info.contains("tab") {
        first_at(source, here, |c, _| c == '\t')
    } else if info.contains("escape") || info.contains("hexadecimal") {
        // The first backslash that is not itself escaped and begins no escape YAML knows.
        let mut escaped = false;
        first_at(source, here, |c, rest| {
            let bad = !escaped && c == '\\' && !valid_escape(rest);
            escaped = !escaped && c == '\\';
            bad
        })
    } else {
        None
    };
    // A tab the line is indented with, whatever the scanner was reading when it met it: said
    // as what it is, and how to mend it, not in the scanner's terms ("while scanning a plain
    // scalar, found a tab").
    if info.contains("tab") && found.is_some_and(|(line, column)| indents(source, line, column)) {
        return Fault::of_event(TAB_IN_INDENTATION, found.unwrap_or(at));
    }
    // A quotation never closed runs on over the next lines, where the scanner finds them
    // indented wrongly or the file ended: said as what it most often is, at the quotation's
    // start.
    if info == "invalid indentation in quoted scalar" {
        return Fault::of_event(QUOTE_LEFT_OPEN, found.unwrap_or(at));
    }
    if info.contains("quoted scalar, found unexpected end of stream") {
        return Fault::of_event(QUOTE_NEVER_CLOSED, found.unwrap_or(at));
    }
    Fault::of_event(info, found.unwrap_or(at))
}

/// What a tab in a line's indentation is refused with.
pub(crate) const TAB_IN_INDENTATION: &str = "a tab in the indentation: YAML indents with spaces";

/// Whether the character at `line` and `column` (from 1) of `source` has only spaces and tabs
/// before it on its line.
fn indents(source: &str, line: usize, column: usize) -> bool {
    source
        .lines()
        .nth(line.saturating_sub(1))
        .is_some_and(|text| {
            text.chars()
                .take(column.saturating_sub(1))
                .all(|c| c == ' ' || c == '\t')
        })
}

/// Where the first character at or after the `index`th of `source` that is `wanted` (given
/// the text after it) stands, counting on from `at`, the `index`th character's line and
/// column.
fn first_at(
    source: &str,
    (index, at): (usize, Position),
    mut wanted: impl FnMut(char, &str) -> bool,
) -> Option<Position> {
    let (mut line, mut column) = at;
    let skipped = crate::text::char_to_byte(source, index);
    let rest = source.get(skipped..)?;
    for (i, c) in rest.char_indices() {
        if wanted(c, rest.get(i + c.len_utf8()..).unwrap_or_default()) {
            return Some((line, column));
        }
        match c {
            '\n' => (line, column) = (line + 1, 1),
            _ => column += 1,
        }
    }
    None
}

/// Whether `after`, the text after a backslash in a double-quoted scalar, begins an escape
/// YAML knows: one character, a line break, or `x`, `u`, `U` with 2, 4 or 8 hex digits of a
/// character.
fn valid_escape(after: &str) -> bool {
    let mut chars = after.chars();
    let digits = match chars.next() {
        Some('x') => 2,
        Some('u') => 4,
        Some('U') => 8,
        Some(c) => return "0abt\tnvfre \"/\\N_LP\n\r".contains(c),
        None => return false,
    };
    let hex: String = chars.take(digits).collect();
    hex.len() == digits
        && u32::from_str_radix(&hex, 16)
            .ok()
            .and_then(char::from_u32)
            .is_some()
}

/// Why a node with `anchor` and `tag` is refused, if it is.
fn unwanted(anchor: usize, tag: Option<&Tag>) -> Option<String> {
    if anchor > 0 {
        return Some(ANCHORS.to_string());
    }
    let tag = tag?;
    let shown = if tag.handle == "tag:yaml.org,2002:" {
        format!("!!{}", tag.suffix)
    } else {
        format!("{}{}", tag.handle, tag.suffix)
    };
    Some(format!(
        "the tag `{shown}` is not allowed: a letter holds plain text and numbers"
    ))
}

/// Why an anchor or an alias is refused.
const ANCHORS: &str =
    "anchors and aliases (&name, *name) are not allowed: write each value out where it stands";

/// The streaming parser's events, counted against the bounds as they come.
struct Events<'s> {
    /// The text read, for the place of a syntax error.
    source: &'s str,
    parser: Parser<'s, StrInput<'s>>,
    /// The event looked at and not yet taken, and where it starts.
    peeked: Option<(Event<'s>, Position)>,
    /// Open collections.
    depth: usize,
    /// Nodes met: scalars (keys among them) and collections.
    nodes: usize,
}

impl<'s> Events<'s> {
    /// The next event, taken.
    fn next(&mut self) -> Result<Event<'s>, Fault> {
        self.take().map(|(event, _)| event)
    }

    /// The next event, taken, and where it starts.
    fn take(&mut self) -> Result<(Event<'s>, Position), Fault> {
        match self.peeked.take() {
            Some(peeked) => Ok(peeked),
            None => self.read(),
        }
    }

    /// The next event, left to be taken, and where it starts.
    fn peek(&mut self) -> Result<(&Event<'s>, Position), Fault> {
        if self.peeked.is_none() {
            self.peeked = Some(self.read()?);
        }
        match &self.peeked {
            Some((event, at)) => Ok((event, *at)),
            None => Err(Fault::new(END)),
        }
    }

    /// Reads an event from the parser and counts it; refuses what a letter cannot hold.
    fn read(&mut self) -> Result<(Event<'s>, Position), Fault> {
        let (event, span) = match self.parser.next() {
            Some(Ok(read)) => read,
            Some(Err(error)) => return Err(syntax(&error, self.source)),
            None => return Err(Fault::new(END)),
        };
        let at = (span.start.line(), span.start.col() + 1);
        let refused = match &event {
            Event::Scalar(_, _, anchor, tag) => {
                self.nodes += 1;
                unwanted(*anchor, tag.as_deref())
            }
            Event::SequenceStart(anchor, tag) | Event::MappingStart(anchor, tag) => {
                self.nodes += 1;
                self.depth += 1;
                unwanted(*anchor, tag.as_deref()).or_else(|| {
                    (self.depth > MAX_DEPTH).then(|| {
                        format!("collections nest deeper than {MAX_DEPTH} levels; refused")
                    })
                })
            }
            Event::SequenceEnd | Event::MappingEnd => {
                self.depth = self.depth.saturating_sub(1);
                // A fault at the start of a line ends the block collection above it first:
                // said now, it is not hidden behind a field the collection then lacks.
                if let Some(Err(error)) = self.parser.peek() {
                    return Err(syntax(&error, self.source));
                }
                None
            }
            Event::Alias(_) => Some(ANCHORS.to_string()),
            Event::Nothing => Some(END.to_string()),
            Event::StreamStart
            | Event::StreamEnd
            | Event::DocumentStart(_)
            | Event::DocumentEnd => None,
        };
        let refused = refused.or_else(|| {
            (self.nodes > MAX_NODES)
                .then(|| format!("the letter holds more than {MAX_NODES} values; refused"))
        });
        match refused {
            Some(message) => Err(Fault::of_event(message, at)),
            None => Ok((event, at)),
        }
    }

    /// Whether the next event is a plain scalar that means null (nothing, `~`, `null`); it
    /// is taken if so.
    fn take_null(&mut self) -> Result<bool, Fault> {
        let null = matches!(
            self.peek()?.0,
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
    ) -> Result<V::Value, Fault> {
        let mut entries = Entries {
            events: self,
            key: None,
            key_at: (0, 0),
            index: 0,
        };
        let value = if is_map {
            visitor.visit_map(&mut entries)
        } else {
            visitor.visit_seq(&mut entries)
        };
        let (key_at, read) = (entries.key_at, entries.index);
        let value = value.map_err(|f| if f.at_key { f.at(key_at) } else { f })?;
        match (self.next()?, is_map) {
            (Event::MappingEnd, true) | (Event::SequenceEnd, false) => Ok(value),
            _ => Err(de::Error::invalid_length(read, &"fewer elements")),
        }
    }
}

/// The entries of the collection being read.
struct Entries<'e, 's> {
    events: &'e mut Events<'s>,
    /// The key of the value being read, for the path of a fault in it: a copy in a buffer
    /// used again, so that the parser's own copy is freed at once (kept, it would sit among
    /// the letter's strings as they are made, and hold memory apart).
    key: Option<String>,
    /// Where that key stands.
    key_at: Position,
    /// How many elements or keys have been read.
    index: usize,
}

impl<'de> de::SeqAccess<'de> for Entries<'_, '_> {
    type Error = Fault;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Fault> {
        let (event, at) = self.events.peek()?;
        if matches!(event, Event::SequenceEnd) {
            return Ok(None);
        }
        let index = self.index;
        self.index += 1;
        seed.deserialize(&mut *self.events)
            .map(Some)
            .map_err(|f| f.at(at).within(Step::Index(index)))
    }
}

impl<'de> de::MapAccess<'de> for Entries<'_, '_> {
    type Error = Fault;

    /// A key written as text is read from its text and kept, for the path of a fault in its
    /// value; any other key is read as a value would be.
    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Fault> {
        let (event, at) = self.events.peek()?;
        if matches!(event, Event::MappingEnd) {
            return Ok(None);
        }
        self.key_at = at;
        self.index += 1;
        let key = match self.events.take()? {
            (Event::Scalar(text, ..), _) => {
                let mut copy = self.key.take().unwrap_or_default();
                copy.clear();
                copy.push_str(&text);
                self.key = Some(copy);
                seed.deserialize(IntoDeserializer::<Fault>::into_deserializer(text.as_ref()))
            }
            other => {
                self.key = None;
                self.events.peeked = Some(other);
                seed.deserialize(&mut *self.events)
            }
        };
        key.map(Some).map_err(|f| f.at(at))
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Fault> {
        let at = self.events.peek()?.1;
        seed.deserialize(&mut *self.events).map_err(|f| {
            let key = self.key.as_deref().unwrap_or("?");
            f.at(at).within(Step::Key(key.to_string()))
        })
    }
}

/// A value the schema did not ask for here, in `serde`'s words: what the value is (as
/// `serde_yaml` resolves a plain scalar) and what was expected.
fn invalid_type(event: &Event<'_>, expected: &dyn de::Expected) -> Fault {
    let unexpected = match event {
        Event::Scalar(value, ScalarStyle::Plain, ..) => resolve::unexpected(value),
        Event::Scalar(value, ..) => Unexpected::Str(value),
        Event::SequenceStart(..) => Unexpected::Seq,
        Event::MappingStart(..) => Unexpected::Map,
        _ => return Fault::new(END),
    };
    de::Error::invalid_type(unexpected, expected)
}

/// Each call reads one value as `serde_yaml`'s deserializer reads it (`de.rs`), but that a
/// scalar asked for as anything (`contact`: a line or a list of lines) is its text, never a
/// number it may look like.
impl<'de> de::Deserializer<'de> for &mut Events<'_> {
    type Error = Fault;

    // The schema asks for none of these: what is given for one is taken as it stands (a
    // scalar as text, a collection as one), and the type refuses it if it must.
    serde::forward_to_deserialize_any! {
        i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 char bytes byte_buf unit unit_struct
        newtype_struct tuple tuple_struct ignored_any
    }

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Fault> {
        match self.next()? {
            Event::Scalar(value, ScalarStyle::Plain, ..) if resolve::is_null(&value) => {
                visitor.visit_unit()
            }
            Event::Scalar(value, ..) => visitor.visit_str(&value),
            Event::SequenceStart(..) => self.collection(visitor, false),
            Event::MappingStart(..) => self.collection(visitor, true),
            _ => Err(Fault::new(END)),
        }
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Fault> {
        let event = self.next()?;
        if let Event::Scalar(value, ScalarStyle::Plain, ..) = &event
            && let Some(boolean) = resolve::parse_bool(value)
        {
            return visitor.visit_bool(boolean);
        }
        Err(invalid_type(&event, &visitor))
    }

    /// A number written in decimal; one written in hexadecimal, octal or binary is refused
    /// saying what to write.
    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Fault> {
        let event = self.next()?;
        if let Event::Scalar(value, ScalarStyle::Plain, ..) = &event {
            if let Some(float) = resolve::parse_f64(value) {
                return visitor.visit_f64(float);
            }
            if resolve::overflows(value) {
                return Err(Fault::new(format!(
                    "`{value}` is too large a number to hold; a figure's value is at most {:e}",
                    super::validate::MAX_FIGURE_VALUE
                )));
            }
            if resolve::in_another_radix(value) {
                return Err(Fault::new(format!(
                    "`{value}` is not a decimal number; write numbers in decimal digits, like \
                     16 or 1.5"
                )));
            }
        }
        Err(invalid_type(&event, &visitor))
    }

    /// Any scalar is text, however it is written (`title: 123` is the text `123`); it is
    /// copied to its exact size (the parser's own copy has room to spare).
    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Fault> {
        match self.next()? {
            Event::Scalar(value, ..) => visitor.visit_str(&value),
            other => Err(invalid_type(&other, &visitor)),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Fault> {
        self.deserialize_str(visitor)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Fault> {
        self.deserialize_str(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Fault> {
        if self.take_null()? {
            visitor.visit_none()
        } else {
            visitor.visit_some(self)
        }
    }

    /// A sequence, or nothing (`opening:` with no value) for an empty one.
    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Fault> {
        match self.next()? {
            Event::SequenceStart(..) => self.collection(visitor, false),
            Event::Scalar(value, ScalarStyle::Plain, ..) if value.is_empty() => {
                visitor.visit_seq(SeqDeserializer::new(std::iter::empty::<()>()))
            }
            other => Err(invalid_type(&other, &visitor)),
        }
    }

    /// A mapping, or nothing (`proposal:` with no value) for an empty one.
    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Fault> {
        match self.next()? {
            Event::MappingStart(..) => self.collection(visitor, true),
            Event::Scalar(value, ScalarStyle::Plain, ..) if value.is_empty() => {
                visitor.visit_map(MapDeserializer::new(std::iter::empty::<((), ())>()))
            }
            other => Err(invalid_type(&other, &visitor)),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Fault> {
        self.deserialize_map(visitor)
    }

    /// A unit variant, written as its name (`kind: money`).
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Fault> {
        match self.next()? {
            Event::Scalar(name, ..) => visitor.visit_enum(name.into_owned().into_deserializer()),
            other => Err(invalid_type(&other, &visitor)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A letter around `body` (YAML lines at the top level, before the signature).
    fn letter(body: &str) -> String {
        format!("opening: [您好。]\n{body}\nsignature: {{issuer: 某局, date: 2021-07-28}}\n")
    }

    /// The letter `serde_yaml` writes of `letter`, read back.
    fn written_and_read(letter: &Letter) -> Result<Letter, Fault> {
        read(&serde_yaml::to_string(letter).unwrap())
    }

    #[test]
    fn every_letter_of_the_repository_reads_back_as_serde_yaml_writes_it() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut read_here = Vec::new();
        for dir in ["content", "tests/fixtures", "fuzz/seeds/load"] {
            for entry in std::fs::read_dir(root.join(dir)).unwrap() {
                let path = entry.unwrap().path();
                if path.extension().is_some_and(|e| e == "yaml")
                    && let Ok(source) = std::fs::read_to_string(&path)
                    && let Ok(letter) = read(&source)
                {
                    assert_eq!(written_and_read(&letter).unwrap(), letter, "{path:?}");
                    read_here.push(path.file_name().unwrap().to_string_lossy().into_owned());
                }
            }
        }
        for name in [
            "zhongshan-kjj-2021-142.yaml",
            "minimal.yaml",
            "english.yaml",
        ] {
            assert!(read_here.iter().any(|n| n == name), "{name}: {read_here:?}");
        }
    }

    #[test]
    fn scalars_written_every_way_read_as_yaml_means_them() {
        let closing = |body: &str| read(&letter(body)).unwrap().closing;
        // Plain over lines, quoted with escapes and folds.
        assert_eq!(
            closing(
                "closing:\n  - 甲乙\n    丙丁\n\n    戊\n  - '单''引号'\n  - \"双\\t引\\x41号\\u4e2d\\\n    续行\""
            ),
            ["甲乙 丙丁\n戊", "单'引号", "双\t引A号中续行"]
        );
        assert_eq!(
            closing("closing:\n  - \"\\N\\_\\L\\P\\e\\0\\/\""),
            ["\u{85}\u{a0}\u{2028}\u{2029}\u{1b}\0/"]
        );
        // Literal and folded blocks, with every chomping and an indentation indicator.
        assert_eq!(
            closing(
                "closing:\n  - |\n    一\n     二\n\n  - |-\n    三\n  - |+\n    四\n\n  - >\n    五\n    六\n\n    七\n  - |2\n     八\n"
            ),
            ["一\n 二\n", "三", "四\n\n", "五 六\n七\n", " 八\n"]
        );
        // Nothing, `~` and `null`: empty lists, absent options; text where text is asked.
        let none = read(&letter(
            "title: ~\ndoc_number: null\naddressee:\nclosing:\ncc:\ncontact: ~",
        ))
        .unwrap();
        assert_eq!(
            (none.title, none.doc_number, none.addressee),
            (None, None, None)
        );
        assert!(none.closing.is_empty() && none.cc.is_empty() && none.contact.is_empty());
        // Numbers where text is asked, and numbers where a number is.
        let numbers = read(&letter(
            "title: 123\nissuer: 1.5\nproposal: {number: 125053, session: 016, title: 0x1F}\n\
             contact: 0871-1234567\nopening_figures:\n  - {text: 1e3元, value: 1e3, unit: 元, what: x}\n\
             \x20 - {text: .5元, value: .5, unit: 元, what: x, period: 2020}\n\
             \x20 - {text: +2元, value: +2, unit: 元, what: x, kind: money, status: planned}",
        ))
        .unwrap();
        assert_eq!(numbers.title.as_deref(), Some("123"));
        assert_eq!(numbers.issuer.as_deref(), Some("1.5"));
        assert_eq!(numbers.proposal.number.as_deref(), Some("125053"));
        assert_eq!(numbers.proposal.session.as_deref(), Some("016"));
        assert_eq!(numbers.proposal.title.as_deref(), Some("0x1F"));
        assert_eq!(numbers.contact, ["0871-1234567"]);
        let values: Vec<f64> = numbers.opening_figures.iter().map(|f| f.value).collect();
        assert_eq!(values, [1000.0, 0.5, 2.0]);
        assert_eq!(numbers.opening_figures[1].period.as_deref(), Some("2020"));
        let errata = read(&letter(
            "errata: [{original: 甲, corrected: 乙, note: 丙, suspected: true}, {original: a, corrected: b, note: c, suspected: False}]",
        ))
        .unwrap()
        .errata;
        assert_eq!(
            errata.iter().map(|e| e.suspected).collect::<Vec<_>>(),
            [true, false]
        );
    }

    #[test]
    fn markers_comments_and_windows_line_breaks_read_the_same_letter() {
        let plain = letter("# 注\nclosing: [甲] # 注");
        let expected = read(&plain).unwrap();
        for source in [
            plain.replace('\n', "\r\n"),
            format!("---\n{plain}...\n"),
            format!("%YAML 1.2\n---\n{plain}"),
        ] {
            assert_eq!(read(&source).unwrap(), expected, "{source}");
        }
    }

    /// The refusal of `source`: where, and what it says.
    fn refused(source: &str) -> (Option<Position>, String) {
        let fault = read(source).expect_err(source);
        (fault.position(), fault.to_string())
    }

    #[test]
    fn each_refusal_says_what_is_wrong_and_where() {
        // Read as it is written: the schema asks for no list of lists, so only a field that
        // takes what it is given meets the bound.
        let deep = format!("contact: {}甲{}", "[".repeat(70), "]".repeat(70));
        for (body, at, says) in [
            (
                "title: &t 答复\naddressee: *t",
                (2, 8),
                "anchors and aliases",
            ),
            ("title: 答复\naddressee: *t", (3, 12), "unknown anchor"),
            ("closing: &c [甲]", (2, 10), "anchors and aliases"),
            (
                "title: !!str 答复",
                (2, 8),
                "the tag `!!str` is not allowed",
            ),
            (
                "title: !custom 答复",
                (2, 8),
                "the tag `!custom` is not allowed",
            ),
            (
                "title: 甲\ntitle: 乙",
                (3, 1),
                "the key `title` appears twice",
            ),
            (&deep, (2, 73), "nest deeper than 64 levels"),
            (
                "tilte: 答复",
                (2, 1),
                "unknown field `tilte`, expected one of",
            ),
            (
                "opening_figures: [{text: 共3家, value: 0x3, unit: 家, what: x}]",
                (2, 38),
                "opening_figures[0].value: `0x3` is not a decimal number",
            ),
            (
                "opening_figures: [{text: 共3家, value: '3', unit: 家, what: x}]",
                (2, 38),
                "opening_figures[0].value: invalid type: string \"3\", expected a number",
            ),
            (
                "opening_figures: [{text: 共3家, value: 3, what: x}]",
                (2, 19),
                "opening_figures[0]: missing field `unit`",
            ),
            (
                "errata: [{original: a, corrected: b, note: c, suspected: yes}]",
                (2, 58),
                "errata[0].suspected: invalid type: string \"yes\", expected a boolean",
            ),
            (
                "opening_figures: [{text: 共3家, value: 3, unit: 家, what: x, kind: Money}]",
                (2, 65),
                "opening_figures[0].kind: unknown variant `Money`, expected one of",
            ),
            (
                "title: [答复]",
                (2, 8),
                "title: invalid type: sequence, expected a string",
            ),
            (
                "title: \"答复",
                (2, 8),
                "a quotation mark opened here is not closed on its line",
            ),
            // Each fault where it is, not where its token began.
            ("title: \"a\n  b\\qc\"", (3, 4), "unknown escape character"),
            ("title: \"a\\\\q \\z\"", (2, 14), "unknown escape character"),
            ("title: \"a\\u00\"", (2, 10), "hexadecimal"),
            ("title: \"a\\uD800\"", (2, 10), "escape"),
            ("closing: |\n\ta", (3, 1), "tab in the indentation"),
            ("closing:\n\t- a", (3, 1), "tab in the indentation"),
            ("title: a\n\tb", (3, 1), "tab in the indentation"),
            // A fault at a line's start is said, not what the mapping above it then lacks.
            ("%bogus", (2, 1), "before directive"),
            ("contact: {a: b}", (2, 10), "untagged enum OneOrMore"),
            ("\u{feff}bogus: 1", (2, 1), "byte order mark"),
        ] {
            let (position, message) = refused(&letter(body));
            assert!(message.contains(says), "{body}: {message}");
            assert_eq!(position, Some(at), "{body}: {message}");
            // And said in Chinese in the Chinese interface.
            let zh = crate::strings::in_lang(&message, crate::strings::Lang::Zh);
            assert_ne!(zh, message, "{body}: no Chinese for {message}");
        }
        let (position, message) = refused(&format!("{}---\n{}", letter(""), letter("")));
        assert!(message.contains("more than one document"), "{message}");
        assert_eq!(position, Some((4, 1)));
        let (position, message) = refused("- 甲\n");
        assert!(message.contains("invalid type: sequence"), "{message}");
        assert_eq!(position, Some((1, 1)));
        let (position, message) = refused("opening: [您好。]\n");
        assert_eq!(message, "missing field `signature`");
        assert_eq!(position, Some((1, 1)));
        let (position, message) = refused("# only a comment\n");
        assert_eq!((position, message.as_str()), (Some((2, 1)), END));
        // The scanner's own bound on flow nesting, met before the reader's.
        let (position, message) = refused(&letter(&format!("contact: {}", "[".repeat(100_000))));
        assert_eq!(message, "collections nest too deep; refused");
        assert_eq!(position.map(|(line, _)| line), Some(2));
    }

    #[test]
    fn a_letter_of_more_values_than_the_bound_is_refused_at_the_one_past_it() {
        let many = format!("closing: [{}]", vec!["''"; MAX_NODES].join(","));
        let (position, message) = refused(&letter(&many));
        assert!(message.contains("more than"), "{message}");
        assert_eq!(position.map(|p| p.0), Some(2));
        let fewer = format!("closing: [{}]", vec!["''"; 1000].join(","));
        assert_eq!(read(&letter(&fewer)).unwrap().closing.len(), 1000);
    }

    proptest::proptest! {
        /// Any text in a letter's fields, as `serde_yaml` writes it (plain, quoted, escaped or
        /// in a block), reads back the same; or, where it writes a line break of YAML 1.1
        /// raw, is refused there by the loader before it is read.
        #[test]
        fn any_text_serde_yaml_writes_reads_back_the_same(
            texts in proptest::collection::vec("(?s).{0,12}", 1..6),
        ) {
            let mut letter = crate::letter::load::embedded();
            letter.title = Some(texts[0].clone());
            letter.closing.clone_from(&texts);
            letter.contact = texts.iter().rev().cloned().collect();
            letter.signature.issuer = texts.last().cloned();
            let source = serde_yaml::to_string(&letter).unwrap();
            if let Some(at) = super::super::first_refused(&source) {
                let c = source.get(at..).and_then(|rest| rest.chars().next()).unwrap();
                proptest::prop_assert!(super::super::is_old_line_break(c), "{:?}", c);
            } else {
                let read = read(&source);
                proptest::prop_assert!(read.as_ref().is_ok_and(|r| *r == letter), "{:?}", read);
            }
        }
    }
}
