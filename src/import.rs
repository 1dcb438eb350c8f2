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
//! 6. figures found in each node's text, `what` drafted ([`figures`]); odd wording flagged
//!    ([`notes`]).
//!
//! Every repair is recorded as an erratum; the importer never drops a character silently. Each
//! step is one pass over its text, so the whole import is linear in the text's length.

mod errata;
mod figures;
mod header;
mod layout;
mod notes;
pub mod report;
mod tree;

use std::io::Read;
use std::path::Path;

use crate::letter::fields::{Part, for_each_text_mut};
use crate::letter::load::{LoadError, MAX_FILE_BYTES};
use crate::letter::{Figure, Letter, Proposal, Signature};
use crate::text::sanitize::sanitize_line;
use errata::Errata;

/// A draft letter and what the importer wants a person to know about it.
#[derive(Debug, Clone)]
pub struct Imported {
    /// The draft, in dafu's schema; `dafu check` accepts it.
    pub letter: Letter,
    /// Things the importer was unsure of, one line each.
    pub warnings: Vec<String>,
}

/// Why a text could not be imported: the 1-based line it concerns, and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportError {
    /// 1-based line of the input.
    pub line: usize,
    /// What is missing or wrong, in plain words.
    pub message: String,
}

impl ImportError {
    /// The error as the loader reports its own: `FILE:LINE:1: message`.
    #[must_use]
    pub fn in_file(self, name: &str) -> LoadError {
        LoadError {
            file: sanitize_line(name).into_owned(),
            position: Some((self.line, 1)),
            message: self.message,
        }
    }
}

/// Imports the letter in `text`.
///
/// # Errors
/// When the text has no recognisable header (document number, addressee) or signature date,
/// which every reply letter has and the schema requires.
pub fn import(text: &str) -> Result<Imported, ImportError> {
    let mut errata = Errata::default();
    let mut warnings = Vec::new();
    let text = normalise(text);
    let text = errata::full_width_digits(&text, &mut errata);
    let lines = layout::lines(&text, &mut errata);
    let problem = |(line, message): header::Problem| ImportError { line, message };
    let head = header::header(&lines, &mut errata).map_err(problem)?;
    let foot =
        header::footer(&lines, head.body_start, &mut errata, &mut warnings).map_err(problem)?;
    let body_lines = lines
        .get(head.body_start..foot.body_end)
        .unwrap_or_default();
    let measure = layout::measure(&lines);
    let paragraphs = layout::paragraphs(body_lines, measure, &mut errata);
    let paragraphs = paragraphs
        .iter()
        .map(|p| errata::bold_marks(&p.text, &mut errata))
        .collect();
    let body = tree::body(paragraphs, &mut errata, &mut warnings);

    let mut letter = Letter {
        classification: head.classification,
        issuer: head.issuer,
        doc_number: head.doc_number,
        title: head.title,
        proposal: Proposal {
            number: 0,
            session: String::new(),
            title: String::new(),
        },
        addressee: head.addressee,
        opening: body.opening,
        opening_figures: Vec::new(),
        suggestions: body.suggestions,
        closing: body.closing,
        signature: Signature {
            issuer: foot.issuer,
            date: foot.date,
        },
        contact: foot.contact,
        disclosure: foot.disclosure,
        cc: foot.cc,
        errata: Vec::new(),
        notes: Vec::new(),
    };
    repair_spaces(&mut letter, &mut errata);
    // The proposal's title is quoted from the opening, now repaired.
    letter.proposal = header::proposal(&letter.title, &letter.opening, &mut warnings);
    find_figures(&mut letter, &mut warnings);
    letter.notes = notes::notes(&letter);
    letter.errata = errata.finish();
    if letter.suggestions.is_empty() {
        warnings.push("no suggestions (一、…) found: the whole body is the opening".into());
    }
    Ok(Imported { letter, warnings })
}

/// A Chinese ordinal as letters number their parts: 3 → `三`, 12 → `十二`.
#[must_use]
pub fn ordinal(n: usize) -> String {
    tree::chinese(n)
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
/// As [`letter_from_path`].
pub fn tree_from_path(path: &Path) -> Result<crate::letter::tree::LetterTree, LoadError> {
    let mut tree = crate::letter::tree::LetterTree::new(letter_from_path(path)?);
    tree.unreviewed_import = true;
    Ok(tree)
}

/// Imports the text at `path` into a letter as the reader opens it: the draft goes through
/// the loader (sanitised, validated) exactly as if it had been saved and opened.
///
/// # Errors
/// As [`from_path`], and the loader's errors (which would be a bug of the importer).
pub fn letter_from_path(path: &Path) -> Result<Letter, LoadError> {
    let imported = from_path(path)?;
    let name = path.display().to_string();
    crate::letter::load::parse(&to_yaml(&imported.letter, &name), &name)
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
            return Err(fail("is a directory, not a text file".into()));
        }
        std::fs::File::open(path).and_then(|f| f.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes))
    };
    read.map_err(|e| {
        fail(match e.kind() {
            std::io::ErrorKind::NotFound => "no such file".to_string(),
            _ => e.to_string(),
        })
    })?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(fail(format!(
            "larger than {} MiB; refused",
            MAX_FILE_BYTES / (1024 * 1024)
        )));
    }
    from_bytes(&bytes, &name)
}

/// The reader's tree for a text already read (`name` for messages), as [`tree_from_path`]
/// gives it: imported, through the loader, marked as an unreviewed import.
///
/// # Errors
/// As [`from_bytes`], and the loader's errors.
pub fn tree_from_bytes(
    bytes: &[u8],
    name: &str,
) -> Result<crate::letter::tree::LetterTree, LoadError> {
    let imported = from_bytes(bytes, name)?;
    let letter = crate::letter::load::parse(&to_yaml(&imported.letter, name), name)?;
    let mut tree = crate::letter::tree::LetterTree::new(letter);
    tree.unreviewed_import = true;
    Ok(tree)
}

/// Imports a text already read; `name` is the file in messages.
///
/// # Errors
/// When the text is not UTF-8 or is no letter.
pub fn from_bytes(bytes: &[u8], name: &str) -> Result<Imported, LoadError> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let before = String::from_utf8_lossy(bytes.get(..e.valid_up_to()).unwrap_or_default());
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        LoadError {
            file: sanitize_line(name).into_owned(),
            position: Some((line, column)),
            message: "not valid UTF-8 text (convert it first, e.g. with iconv)".into(),
        }
    })?;
    import(text).map_err(|e| e.in_file(name))
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

/// Spaces repaired in every line and paragraph of the letter's wording and of the lines
/// around it, in reading order (so that the errata list them in that order).
fn repair_spaces(letter: &mut Letter, errata: &mut Errata) {
    for_each_text_mut(letter, |part, _, text| {
        if matches!(part, Part::Meta | Part::Body) {
            *text = errata::spaces(text, errata);
        }
    });
}

/// Figures of each node, found in the node's own text. Phrases in Chinese numerals, which
/// are not taken, are listed in `warnings` for a person to judge.
fn find_figures(letter: &mut Letter, warnings: &mut Vec<String>) {
    let mut skipped: Vec<String> = Vec::new();
    let mut of = |paragraphs: &[String]| -> Vec<Figure> {
        paragraphs
            .iter()
            .flat_map(|p| {
                let found = figures::figures(p);
                skipped.extend(found.skipped);
                found.figures
            })
            .collect()
    };
    letter.opening_figures = of(&letter.opening);
    for suggestion in &mut letter.suggestions {
        suggestion.figures = of(&suggestion.paragraphs);
        for measure in &mut suggestion.measures {
            measure.figures = of(&measure.paragraphs);
            for point in &mut measure.points {
                point.figures = of(std::slice::from_ref(&point.text));
            }
        }
    }
    if !skipped.is_empty() {
        warnings.push(format!(
            "figure phrases in Chinese numerals, not taken as figures (add any that are data): {}",
            skipped.join("、")
        ));
    }
}

/// Top-level keys that may be left out when empty (the schema defaults them).
const OPTIONAL: [&str; 12] = [
    "period",
    "part_of",
    "opening_figures",
    "paragraphs",
    "figures",
    "measures",
    "points",
    "closing",
    "errata",
    "notes",
    "qualifier",
    "contact",
];

/// The draft as YAML, with a comment on what to review. Chinese text comes out as plain or
/// quoted scalars (never folded, which would put spaces between characters); empty optional
/// fields are left out.
///
/// # Panics
/// Never: a `Letter` always serialises.
#[must_use]
pub fn to_yaml(letter: &Letter, source: &str) -> String {
    let mut value = serde_yaml::to_value(letter).expect("a letter serialises");
    prune(&mut value);
    let body = serde_yaml::to_string(&value).expect("a YAML value serialises");
    let source = sanitize_line(source);
    format!(
        "# Drafted by `dafu import` from {source}; not yet reviewed. Before use:\n\
         # - compare every node's text with the PDF;\n\
         # - check each erratum; those with `suspected: true` are NOT applied: apply or delete;\n\
         # - every figure's `what` is a draft from its sentence: rewrite it;\n\
         # - every note flags wording that looks odd: keep, rewrite or delete it;\n\
         # then run `dafu check` on this file.\n{body}"
    )
}

fn prune(value: &mut serde_yaml::Value) {
    match value {
        serde_yaml::Value::Mapping(map) => {
            map.retain(|key, v| {
                let optional = key
                    .as_str()
                    .is_some_and(|k| OPTIONAL.contains(&k) || matches!(k, "disclosure" | "cc"));
                let empty = v.is_null() || v.as_sequence().is_some_and(Vec::is_empty);
                !(optional && empty)
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
