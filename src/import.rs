//! `dafu import`: the plain text of a reply letter (as `pdftotext -layout` or a copy from a
//! PDF viewer gives it) → a draft letter in dafu's schema, for a person to review.
//!
//! The text passes through, in order:
//! 1. line endings and full-width digits normalised ([`errata`]);
//! 2. lines, page numbers dropped ([`layout`]); the header and footer found by their shape
//!    ([`header`]);
//! 3. the body's lines joined into paragraphs: hard wraps, and page breaks inside a sentence
//!    ([`layout`]); bold marks dropped;
//! 4. the tree: suggestions, responses, measures, points ([`tree`]);
//! 5. stray spaces removed from every text ([`errata`]);
//! 6. figures found in each node's text, `what` drafted ([`figures`]); odd wording, and
//!    numbers with no unit that are not taken as figures, flagged ([`notes`]).
//!
//! Every repair is recorded as an erratum; the importer never drops a character silently. Each
//! step is one pass over its text, so the whole import is linear in the text's length.

mod date;
mod errata;
mod figures;
mod header;
pub use header::issuer_before;
mod layout;
mod notes;
mod ordinal;
pub mod report;
mod tree;

use std::io::Read;
use std::path::Path;

use crate::letter::fields::{Part, for_each_text_mut};
use crate::letter::load::{DRAFT_MARK, LoadError, MAX_FILE_BYTES};
use crate::letter::{Figure, Letter, Proposal, Signature};
use crate::strings;
use crate::text::sanitize::{path_line, sanitize_line};
use errata::Errata;

/// A draft letter and what the importer wants a person to know about it.
#[derive(Debug, Clone)]
pub struct Imported {
    /// The draft, in dafu's schema; `dafu check` accepts it.
    pub letter: Letter,
    /// Things the importer was unsure of, one line each.
    pub warnings: Vec<Warning>,
}

/// Something the importer was unsure of, for a person to review; the report says it in the
/// interface's language (`report::write`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Warning {
    /// A suggestion with no verdict (吸取采纳该建议。): its ordinal (`三`) and title.
    NoVerdict {
        /// The suggestion's ordinal, as the letter numbers it.
        ordinal: String,
        /// Its title.
        title: String,
    },
    /// Phrases in Chinese numerals, not taken as figures.
    ChineseNumerals(Vec<String>),
    /// Numbers with no unit after them, not taken as figures.
    NoUnit(Vec<String>),
    /// Ranges of amounts (`200至800元`), not taken as figures: their two ends are no sum.
    Ranges(Vec<String>),
    /// The header and signature fields the letter does not have, left out of the draft.
    Lacks(Vec<String>),
    /// The fields the text does not have, left out of the draft, when the text stops
    /// mid-sentence: the letter may have them, in what was not given.
    NotInText(Vec<String>),
    /// No numbered part was found: the whole body is the opening.
    NoParts,
    /// The text stops mid-sentence with no signature after it (its last words): the
    /// transcript may be cut short.
    EndsMidSentence(String),
    /// The text was not UTF-8 but this encoding (`GB18030`, `UTF-16LE`), read as it.
    Decoded(&'static str),
    /// The signature's date line is written as a date the calendar does not have
    /// (`2023年2月30日`): kept as written in `other_lines`, not taken as the date.
    NotADate {
        /// 1-based line of the input.
        line: usize,
        /// The line as written.
        text: String,
        /// What is wrong with it, in the words `dafu check` refuses such a date with.
        problem: String,
    },
}

/// Why a text could not be imported: the 1-based line it concerns, and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportError {
    /// 1-based line of the input.
    pub line: usize,
    /// 1-based column (in characters) of the line.
    pub column: usize,
    /// What is missing or wrong, in plain words.
    pub message: String,
}

impl ImportError {
    /// The error as the loader reports its own: `FILE:LINE:1: message`.
    #[must_use]
    pub fn in_file(self, name: &str) -> LoadError {
        LoadError {
            file: sanitize_line(name).into_owned(),
            position: Some((self.line, self.column)),
            message: self.message,
        }
    }
}

/// Imports the letter in `text`.
///
/// # Errors
/// When the text is empty: nothing of a letter's header is required (a published letter may
/// lack any of it), but a letter has some text.
pub fn import(text: &str) -> Result<Imported, ImportError> {
    let text = normalise(text);
    refuse_non_text(&text)?;
    let mut errata = Errata::of(&text);
    let mut warnings = Vec::new();
    let text = errata::full_width_digits(&text, &mut errata);
    let lines = layout::lines(&text, &mut errata);
    has_lines(&lines)?;
    let head = header::header(&lines, &mut errata);
    let measure = layout::measure(&lines);
    let foot = header::footer(&lines, head.body_start, measure, &mut errata);
    warnings.extend(foot.not_a_date.as_ref().map(header::NotADate::warning));
    let body_lines = body_lines(&lines, &head, &foot);
    let paragraphs = layout::paragraphs(&body_lines, measure, &mut errata);
    let paragraphs = layout::split_flattened(paragraphs, &mut errata);
    // A paragraph of bold marks alone is gone with them (its erratum says so).
    let paragraphs = paragraphs
        .iter()
        .map(|p| errata::bold_marks(&p.text, &mut errata))
        .filter(|p| !p.trim().is_empty())
        .collect();
    let body = tree::body(
        paragraphs,
        head.addressee.as_deref(),
        &mut errata,
        &mut warnings,
    );
    let contact = header::contact_fields(&foot.contact);
    let mut letter = Letter {
        classification: head.classification,
        issuer: head.issuer,
        doc_number: head.doc_number,
        issued_by: head.issued_by,
        title: head.title,
        proposal: Proposal::default(),
        addressee: head.addressee,
        opening: body.opening,
        opening_figures: Vec::new(),
        suggestions: body.suggestions,
        sections: body.sections,
        closing: body.closing,
        closing_figures: Vec::new(),
        signature: Signature {
            issuer: foot.issuer,
            date: foot.date,
        },
        contact: foot.contact,
        contact_person: contact.person,
        contact_phone: contact.phone,
        contact_unit: contact.unit,
        disclosure: foot.disclosure,
        cc: foot.cc,
        other_lines: foot.other_lines,
        errata: Vec::new(),
        notes: Vec::new(),
        draft: true,
    };
    has_words(&letter).and_then(|()| has_chinese(&text))?;
    repair_spaces(&mut letter, &mut errata);
    // The proposal's number and title are quoted from the opening, now repaired.
    letter.proposal = header::proposal(letter.title.as_deref(), &letter.opening);
    let left_out = find_figures(&mut letter, &mut warnings);
    letter.notes = notes::notes(&letter, &left_out);
    letter.errata = errata.finish();
    let cut = cut_short(&letter, &warnings);
    // A text cut short says so where it stops, for the reader as for the reviewer.
    if let Some(note) = cut
        .as_deref()
        .and_then(|words| notes::cut_short(&letter, words))
    {
        letter.notes.push(note);
    }
    let lacking = lacks(&letter, &warnings, cut);
    warnings.extend(lacking);
    Ok(Imported { letter, warnings })
}

/// Refuses what is no text of a reply letter: a NUL, which a binary file holds and no text
/// does, at its place. Other control characters a copied page may carry (an escape) are the
/// loader's to make inert, as in any letter.
fn refuse_non_text(text: &str) -> Result<(), ImportError> {
    let stray = |c: char| c == '\0';
    let found = (text.lines().enumerate()).find_map(|(i, line)| {
        let (column, c) = line.chars().enumerate().find(|&(_, c)| stray(c))?;
        Some((i + 1, column + 1, c))
    });
    if let Some((line, column, c)) = found {
        return Err(ImportError {
            line,
            column,
            message: format!(
                "control character U+{:04X} in the text; is it a binary file? expected a reply letter",
                u32::from(c)
            ),
        });
    }
    Ok(())
}

/// Refuses a text with no Chinese character at all (`hello world`): no reply letter is
/// written without one.
fn has_chinese(text: &str) -> Result<(), ImportError> {
    text.chars()
        .any(errata::is_han)
        .then_some(())
        .ok_or_else(|| ImportError {
            line: 1,
            column: 1,
            message: "the text has no Chinese characters; expected a reply letter".into(),
        })
}

/// Refuses an empty text: nothing of a letter's header is required, but a letter has some
/// text.
fn has_lines(lines: &[Option<layout::Line>]) -> Result<(), ImportError> {
    if lines.iter().all(Option::is_none) {
        return Err(ImportError {
            line: 1,
            column: 1,
            message: "the text is empty; expected a reply letter".into(),
        });
    }
    Ok(())
}

/// Refuses a letter that holds no words: a text of marks alone (`**`) makes none.
fn has_words(letter: &Letter) -> Result<(), ImportError> {
    let mut any = false;
    crate::letter::fields::for_each_text(letter, |_, _, text| {
        any = any || !text.trim().is_empty();
    });
    any.then_some(()).ok_or_else(|| ImportError {
        line: 1,
        column: 1,
        message: "the text has no words once its marks are taken out; expected a reply letter"
            .into(),
    })
}

/// The body's lines: what follows the addressee's colon on its line, then the lines between
/// the header and the footer.
fn body_lines(
    lines: &[Option<layout::Line>],
    head: &header::Header,
    foot: &header::Footer,
) -> Vec<Option<layout::Line>> {
    let between = lines
        .get(head.body_start..foot.body_end.max(head.body_start))
        .unwrap_or_default();
    let first = head.body_head.clone().map(Some);
    first.into_iter().chain(between.iter().cloned()).collect()
}

/// Warnings on what the letter lacks: header fields (but those `warnings` say more of),
/// numbered parts, its end (`cut`: the last words of a text cut short, [`cut_short`]).
fn lacks(letter: &Letter, warnings: &[Warning], cut: Option<String>) -> Vec<Warning> {
    let mut out = Vec::new();
    let missing: Vec<String> = (left_out(letter, warnings).iter())
        .map(ToString::to_string)
        .collect();
    if !missing.is_empty() {
        out.push(if cut.is_some() {
            Warning::NotInText(missing)
        } else {
            Warning::Lacks(missing)
        });
    }
    if letter.suggestions.is_empty() && letter.sections.is_empty() {
        out.push(Warning::NoParts);
    }
    if let Some(words) = cut {
        out.push(Warning::EndsMidSentence(words));
    }
    out
}

/// The header and signature fields the draft leaves out, as the letter lacks them: not the
/// date, when the text has a date line of a day the calendar does not have (its own warning
/// says so, and the line is in `other_lines`).
fn left_out(letter: &Letter, warnings: &[Warning]) -> Vec<&'static str> {
    let dated = has_date_line(warnings);
    let mut missing = letter.missing();
    missing.retain(|&field| !(dated && field == "signature.date"));
    missing
}

/// Whether the text has a date line of a day the calendar does not have (its warning is
/// among `warnings`): the letter is dated, though the draft leaves the date out.
fn has_date_line(warnings: &[Warning]) -> bool {
    (warnings.iter()).any(|w| matches!(w, Warning::NotADate { .. }))
}

/// The last words of a letter whose text stops mid-sentence and that no one signed or dated:
/// a transcript cut short (a copied page, a partial extraction), by the reader's rule
/// ([`crate::letter::tree::LetterTree::cut_short`]), which says so of the fields such a text
/// lacks. The words start and end outside a number (「2023年1月5日印发」, not 「023年…」).
fn cut_short(letter: &Letter, warnings: &[Warning]) -> Option<String> {
    // A letter signed or dated is not cut short: no tree is built to find its last paragraph.
    // Nor is one with a date line, though of a day the calendar does not have.
    if letter.signature.issuer.is_some()
        || letter.signature.date.is_some()
        || has_date_line(warnings)
    {
        return None;
    }
    let tree = crate::letter::tree::LetterTree::new(letter.clone());
    let text = tree.cut_short()?;
    let from = text
        .char_indices()
        .rev()
        .nth(9)
        .map_or(0, |(at, _)| notes::start_outside_number(text, at));
    Some(format!(
        "{}{}",
        notes::CUT_SHORT_MARK,
        text.get(from..).unwrap_or(text)
    ))
}

/// Whether `path` names plain text to import rather than a YAML letter: `.txt`, or `-`.
#[must_use]
pub fn is_text(path: &Path) -> bool {
    path == Path::new("-")
        || path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("txt"))
}

/// The reader's tree for the text at `path`: imported in memory, through the loader, and
/// marked as an unreviewed import so that the reader says so.
///
/// # Errors
/// As [`from_path`], and the loader's errors (which would be a bug of the importer).
pub fn tree_from_path(path: &Path) -> Result<crate::letter::tree::LetterTree, LoadError> {
    unreviewed(&from_path(path)?, &path.display().to_string())
}

/// Reads and imports the text at `path` (`-` for standard input), with the loader's limits
/// and its `FILE:LINE:COL` errors.
///
/// # Errors
/// When the file cannot be read, is too large, is not UTF-8, or is no letter.
pub fn from_path(path: &Path) -> Result<Imported, LoadError> {
    let name = if path == Path::new("-") {
        "(stdin)".to_string()
    } else {
        path.display().to_string()
    };
    let fail = |message: String| LoadError {
        file: sanitize_line(&name).into_owned(),
        position: None,
        message,
    };
    let mut bytes = Vec::new();
    let read = if path == Path::new("-") {
        std::io::stdin()
            .lock()
            .take(MAX_FILE_BYTES + 1)
            .read_to_end(&mut bytes)
    } else {
        if path.is_dir() {
            return Err(fail(strings::FOLDER_NOT_TEXT.en.into()));
        }
        std::fs::File::open(path).and_then(|f| f.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes))
    };
    read.map_err(|e| fail(crate::letter::load::io_message(&e)))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(fail(format!(
            "larger than {} MiB; refused",
            MAX_FILE_BYTES / (1024 * 1024)
        )));
    }
    from_bytes(&bytes, &name)
}

/// The reader's tree for a text already read (`name` for messages), as [`tree_from_path`]
/// gives it.
///
/// # Errors
/// As [`from_bytes`], and the loader's errors.
pub fn tree_from_bytes(
    bytes: &[u8],
    name: &str,
) -> Result<crate::letter::tree::LetterTree, LoadError> {
    unreviewed(&from_bytes(bytes, name)?, name)
}

/// The reader's tree of an import: its draft goes through the loader (sanitised, validated)
/// exactly as if it had been saved and opened, and the tree says it is an unreviewed import.
fn unreviewed(
    imported: &Imported,
    name: &str,
) -> Result<crate::letter::tree::LetterTree, LoadError> {
    let yaml = to_yaml(imported, name);
    fits(&yaml, name, MAX_FILE_BYTES)?;
    // The draft begins as `dafu import` heads it: the tree is an unreviewed import.
    Ok(crate::letter::tree::LetterTree::new(
        crate::letter::load::parse(&yaml, name)?,
    ))
}

/// Imports a text already read; `name` is the file in messages.
///
/// # Errors
/// When the text is not UTF-8 or is no letter.
pub fn from_bytes(bytes: &[u8], name: &str) -> Result<Imported, LoadError> {
    crate::letter::load::refuse_pdf(bytes, &sanitize_line(name))?;
    let (text, decoded) = match std::str::from_utf8(bytes) {
        Ok(text) => (std::borrow::Cow::Borrowed(text), None),
        Err(e) => match decoded(bytes) {
            Some((text, encoding)) => (std::borrow::Cow::Owned(text), Some(encoding)),
            None => {
                let message = strings::TEXT_NOT_UTF8.en;
                return Err(crate::letter::load::not_utf8(bytes, &e, name, message));
            }
        },
    };
    // A letter in YAML already (a draft, a letter dafu ships) is opened or checked as it is:
    // imported, its keys and comments had become paragraphs of a letter that passed check.
    if looks_like_yaml(&text) && crate::letter::load::parse(&text, name).is_ok() {
        return Err(LoadError {
            file: sanitize_line(name).into_owned(),
            position: None,
            message: "is a letter in YAML already; open it with `dafu FILE`, or check it with `dafu check FILE`".into(),
        });
    }
    let mut imported = import(&text).map_err(|e| e.in_file(name))?;
    if let Some(encoding) = decoded {
        imported.warnings.insert(0, Warning::Decoded(encoding));
    }
    Ok(imported)
}

/// Whether `text` begins as a YAML letter does, its first line of words a key
/// (`classification: A类`, `title:`): only such a text is parsed as one before it is
/// imported, so that a transcript is not read twice.
fn looks_like_yaml(text: &str) -> bool {
    let first = (text.lines())
        .map(str::trim)
        .find(|line| !line.is_empty() && !line.starts_with('#') && line != &"---");
    first.is_some_and(|line| {
        let key = line.split(':').next().unwrap_or_default();
        line.contains(':')
            && !key.is_empty()
            && key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
    })
}

/// A text that is not UTF-8 read in the encoding Chinese pages are published in when they
/// are not: UTF-16 after its byte-order mark (Windows' "Unicode" text), which the file says
/// itself, or GBK/GB18030 (GB2312 is part of it) when a detector of encodings (the one
/// browsers use) takes the bytes for it; with the encoding's name. GBK's byte ranges hold
/// those of Big5, EUC-KR and most of Shift_JIS, and an accented Latin-1 letter before an
/// ASCII one: decoded as GBK, each is a page of wrong Han characters, so the guess decides,
/// and such a text is refused. `None` also for a text with a NUL, or, as GBK, no Han.
fn decoded(bytes: &[u8]) -> Option<(String, &'static str)> {
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        let text = encoding
            .decode_without_bom_handling_and_without_replacement(bytes.get(bom..)?)?
            .into_owned();
        return (!text.contains('\0')).then_some((text, encoding.name()));
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    if detector.guess(None, chardetng::Utf8Detection::Deny) != encoding_rs::GBK {
        return None;
    }
    let text = encoding_rs::GB18030
        .decode_without_bom_handling_and_without_replacement(bytes)?
        .into_owned();
    let han = text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    (han && !text.contains('\0')).then_some((text, "GBK/GB18030"))
}

/// The draft of `imported` (from `source`) as YAML that `dafu check` accepts.
///
/// # Errors
/// When the draft would be larger than a letter may be ([`MAX_FILE_BYTES`]), or, as a bug of
/// the importer, fails the check.
pub fn draft(imported: &Imported, source: &str) -> Result<String, LoadError> {
    let yaml = to_yaml(imported, source);
    fits(&yaml, source, MAX_FILE_BYTES)?;
    // The draft passes `dafu check`, or this is a bug worth an error, not a bad file.
    crate::letter::load::parse(&yaml, "(draft)")?;
    Ok(yaml)
}

/// Refuses a draft larger than `limit` bytes, which `dafu check` would refuse to read.
fn fits(yaml: &str, source: &str, limit: u64) -> Result<(), LoadError> {
    let size = yaml.len() as u64;
    if size <= limit {
        return Ok(());
    }
    let mib = |b: u64| b.div_ceil(1024 * 1024);
    Err(LoadError {
        file: sanitize_line(source).into_owned(),
        position: None,
        message: format!(
            "the draft would be {} MiB, larger than the {} MiB a letter may be; refused \
             (import the letter in parts)",
            mib(size),
            mib(limit)
        ),
    })
}

/// Whether the draft of `text` may be written to `output`: never over the text itself, and
/// over another existing file only when `force`.
///
/// # Errors
/// The refusal, naming `output`.
pub fn may_write(text: &Path, output: &Path, force: bool) -> Result<(), LoadError> {
    let refuse = |message: &str| LoadError {
        file: path_line(output),
        position: None,
        message: message.to_string(),
    };
    let same = output == text
        || matches!(
            (std::fs::canonicalize(text), std::fs::canonicalize(output)),
            (Ok(a), Ok(b)) if a == b
        );
    if same {
        return Err(refuse(
            "is the text being imported; refused (write the draft to another file)",
        ));
    }
    if !force && output.symlink_metadata().is_ok() {
        return Err(refuse(
            "exists; refused (choose another name, or --force to replace it)",
        ));
    }
    Ok(())
}

/// Writes the draft to `path`: as a new file, so that a file made since [`may_write`] looked
/// is not replaced either, unless `force`.
///
/// # Errors
/// When the file exists (without `force`) or cannot be written.
pub fn write_draft(path: &Path, yaml: &str, force: bool) -> Result<(), LoadError> {
    use std::io::Write;
    let name = path_line(path);
    let mut options = std::fs::OpenOptions::new();
    options.write(true);
    if force {
        options.create(true).truncate(true);
    } else {
        options.create_new(true);
    }
    options
        .open(path)
        .and_then(|mut f| f.write_all(yaml.as_bytes()))
        .map_err(|e| LoadError {
            file: name,
            position: None,
            message: match e.kind() {
                std::io::ErrorKind::AlreadyExists => {
                    "exists; refused (choose another name, or --force to replace it)".into()
                }
                std::io::ErrorKind::NotFound => strings::NO_SUCH_FOLDER.en.into(),
                std::io::ErrorKind::PermissionDenied => strings::NOT_WRITABLE.en.into(),
                _ => e.to_string(),
            },
        })
}

/// Line endings as `\n` (a form feed, a page break, as a blank line), no byte-order mark.
fn normalise(text: &str) -> String {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // Bidirectional controls are removed at load (see `text::sanitize`); removed here first,
    // so that the figures found are those `dafu check` will read (`100` + U+202E + `80万元`
    // is `10080万元` to it).
    let text: String = text
        .chars()
        .filter(|&c| !crate::text::sanitize::is_bidi_control(c))
        .collect();
    text.replace("\r\n", "\n").replace(['\r', '\u{c}'], "\n")
}

/// Spaces repaired in every line and paragraph of the letter's wording, in reading order (so
/// that the errata list them in that order). The lines around it (header fields, contact,
/// copy and other lines) keep their spaces: there a space parts a name from a number or two
/// items of a list (`张春明 0871-67785176`, `联系人：辛长生   联系电话：…`).
fn repair_spaces(letter: &mut Letter, errata: &mut Errata) {
    for_each_text_mut(letter, |part, _, text| {
        if part == Part::Body {
            *text = errata::spaces(text, errata);
        }
    });
}

/// Figures of each node, found in the node's own text. Phrases in Chinese numerals, numbers
/// with no unit after them and ranges of amounts, which are not taken, are listed in
/// `warnings` for a person to judge; the last two are returned, for notes where they stand.
fn find_figures(letter: &mut Letter, warnings: &mut Vec<Warning>) -> notes::LeftOut {
    let mut skipped: Vec<String> = Vec::new();
    let mut left_out = notes::LeftOut::default();
    let mut of = |paragraphs: &[String]| -> Vec<Figure> {
        paragraphs
            .iter()
            .flat_map(|p| {
                let found = figures::figures(p);
                skipped.extend(found.skipped);
                let unitless = found.unitless.into_iter().map(|r| (r, notes::Left::NoUnit));
                let ranges = found.ranges.into_iter().map(|r| (r, notes::Left::Range));
                left_out.add(p, unitless.chain(ranges));
                found.figures
            })
            .collect()
    };
    letter.opening_figures = of(&letter.opening);
    for section in &mut letter.sections {
        section.figures = of(&section.paragraphs);
        for point in &mut section.points {
            point.figures = of(std::slice::from_ref(&point.text));
        }
    }
    letter.closing_figures = of(&letter.closing);
    for suggestion in &mut letter.suggestions {
        // The verdict may state a figure too: read with the paragraphs, as `check` reads it.
        let said = (!suggestion.response.is_empty()).then(|| suggestion.response.clone());
        let texts: Vec<String> = said
            .into_iter()
            .chain(suggestion.paragraphs.clone())
            .collect();
        suggestion.figures = of(&texts);
        for measure in &mut suggestion.measures {
            measure.figures = of(&measure.paragraphs);
            for point in &mut measure.points {
                point.figures = of(std::slice::from_ref(&point.text));
            }
        }
    }
    if !skipped.is_empty() {
        warnings.push(Warning::ChineseNumerals(skipped));
    }
    let numbers = left_out.numbers(notes::Left::NoUnit);
    if !numbers.is_empty() {
        warnings.push(Warning::NoUnit(numbers));
    }
    let ranges = left_out.numbers(notes::Left::Range);
    if !ranges.is_empty() {
        warnings.push(Warning::Ranges(ranges));
    }
    left_out
}

/// Keys that stay in the draft even when empty: the signature, which says it has neither a
/// body nor a date by being empty (`signature: {}`).
const KEPT: [&str; 1] = ["signature"];

/// The draft as YAML, with a comment on what to review and what the letter lacks. Chinese text
/// comes out as plain or quoted scalars (never folded, which would put spaces between
/// characters); empty fields are left out.
///
/// # Panics
/// Never: a `Letter` always serialises.
#[must_use]
pub fn to_yaml(imported: &Imported, source: &str) -> String {
    let letter = &imported.letter;
    let mut value = serde_yaml::to_value(letter).expect("a letter serialises");
    prune(&mut value);
    let body = serde_yaml::to_string(&value).expect("a YAML value serialises");
    let source = sanitize_line(source);
    let missing = left_out(letter, &imported.warnings);
    // A text cut short may not hold what the letter has: the import said so already.
    let cut = (imported.warnings.iter()).any(|w| matches!(w, Warning::NotInText(_)));
    let lacking = if cut {
        "Not in the text given (it stops mid-sentence)"
    } else {
        "Not in the letter"
    };
    let missing = if missing.is_empty() {
        String::new()
    } else {
        format!(
            "# {lacking}, so left out: {}. Add any the PDF has.\n",
            missing.join(", ")
        )
    };
    format!(
        "{DRAFT_MARK} from {source}; not yet reviewed. Before use:\n\
         # - compare every node's text with the PDF;\n\
         # - check each erratum; those with `suspected: true` are NOT applied: apply or delete;\n\
         # - every figure's `what` is a draft from its sentence: rewrite it;\n\
         # - every note flags wording that looks odd: keep, rewrite or delete it;\n\
         # then run `dafu check` on this file, and delete these lines: while the first is here,\n\
         # dafu shows the letter as an unreviewed import.\n{missing}{}{body}",
        not_a_date(&imported.warnings)
    )
}

/// The draft's comment on a date line of a day the calendar does not have, if the text has
/// one: the reviewer corrects it from the PDF.
fn not_a_date(warnings: &[Warning]) -> String {
    (warnings.iter())
        .find_map(|w| match w {
            Warning::NotADate {
                line,
                text,
                problem,
            } => Some(format!(
                "# Line {line}, 「{}」, is not a valid date ({}): kept in other_lines, \
                 not taken as signature.date. Correct it from the PDF.\n",
                sanitize_line(text),
                sanitize_line(problem)
            )),
            _ => None,
        })
        .unwrap_or_default()
}

fn prune(value: &mut serde_yaml::Value) {
    match value {
        serde_yaml::Value::Mapping(map) => {
            map.retain(|key, v| {
                let kept = key.as_str().is_some_and(|k| KEPT.contains(&k));
                // An empty verdict is the schema's default; other strings are kept as they are.
                let no_verdict =
                    key.as_str() == Some("response") && v.as_str().is_some_and(str::is_empty);
                let empty = v.is_null() || v.as_sequence().is_some_and(Vec::is_empty) || no_verdict;
                kept || !empty
            });
            for (_, v) in map.iter_mut() {
                prune(v);
            }
        }
        serde_yaml::Value::Sequence(items) => items.iter_mut().for_each(prune),
        // Whole numbers as the letter writes them (`180000000`, not `180000000.0`).
        serde_yaml::Value::Number(n) => {
            if let Some(f) = n.as_f64()
                && f.fract() == 0.0
                && (0.0..9.0e15).contains(&f)
            {
                #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                let whole = f as u64;
                *n = whole.into();
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_draft_larger_than_a_letter_may_be_is_refused_with_the_reason() {
        let yaml = "x".repeat(3 * 1024 * 1024);
        assert!(fits(&yaml, "big.txt", 4 * 1024 * 1024).is_ok());
        let error = fits(&yaml, "big.txt", 2 * 1024 * 1024).unwrap_err();
        assert_eq!(error.file, "big.txt");
        assert!(
            error
                .message
                .contains("the draft would be 3 MiB, larger than the 2 MiB"),
            "{error}"
        );
    }
}
