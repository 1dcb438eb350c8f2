//! Loading a letter: bytes → checked, sanitised [`Letter`].
//!
//! This is the only module that reads YAML: one pass of the streaming parser
//! ([`one_pass`]), then the checks a schema cannot make ([`validate`]). Every error names the
//! file and, where one exists, the line and column, in the `FILE:LINE:COL: message` form
//! that editors and terminals can jump to.

pub mod locate;
mod one_pass;
mod validate;

pub(crate) use validate::value_problem;
pub use validate::{MAX_FIGURE_VALUE, YEARS, calendar_problem, parse_date};

use std::borrow::Cow;
use std::fmt;
use std::io::Read;
use std::path::Path;

use super::Letter;
use super::fields::{Form, Part, for_each_text_mut};
use crate::strings::{self, Lang};
use crate::text::sanitize::{sanitize, sanitize_line};

/// The letter that ships inside the binary.
pub const EMBEDDED_LETTER: &str = include_str!("../../content/zhongshan-kjj-2021-142.yaml");

/// The name under which the embedded letter is reported in messages.
pub const EMBEDDED_NAME: &str = "content/zhongshan-kjj-2021-142.yaml";

/// Files larger than this are refused before parsing: a real letter is a few tens of KiB,
/// and refusing early keeps a hostile file from costing memory.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// How a draft `dafu import` writes begins: while its first line still begins so, the letter
/// is an import no one has reviewed ([`Letter::draft`]), and the reader and the shelf say so.
pub const DRAFT_MARK: &str = "# Drafted by `dafu import`";

/// Why a letter could not be loaded, with the file and (where known) the position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    /// The file as the user named it.
    pub file: String,
    /// 1-based line and column, when the problem has a position.
    pub position: Option<(usize, usize)>,
    /// What is wrong, in plain words.
    pub message: String,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.in_lang(Lang::En))
    }
}

impl std::error::Error for LoadError {}

impl LoadError {
    /// The error as the command line says it in `lang`: dafu's own words about a file in the
    /// interface's language, the parser's and the checks' as they are.
    #[must_use]
    pub fn in_lang(&self, lang: Lang) -> String {
        self.naming(&self.file, lang)
    }

    /// As [`LoadError::in_lang`], the file called `file` (a shelf names it as its list does).
    #[must_use]
    pub fn naming(&self, file: &str, lang: Lang) -> String {
        let separator = if self.position.is_some() { ":" } else { ": " };
        format!("{file}{separator}{}", self.reason(lang))
    }

    /// What is wrong and where, without the file: `LINE:COL: …`, or the message alone (a
    /// table whose row names the file already).
    #[must_use]
    pub fn reason(&self, lang: Lang) -> String {
        // The message can quote the file's own text; keep it to one inert line.
        let message = crate::text::sanitize::sanitize_line(&self.message);
        let message = strings::in_lang(&message, lang);
        match self.position {
            Some((line, column)) => format!("{line}:{column}: {message}"),
            None => message.into_owned(),
        }
    }

    fn new(file: &str, position: Option<(usize, usize)>, message: impl Into<String>) -> Self {
        Self {
            file: crate::text::sanitize::sanitize_line(file).into_owned(),
            position,
            message: shorten(&message.into()),
        }
    }
}

/// Characters of a message kept from its start and its end when it is cut short: room for
/// the longest list of fields the schema gives whole (the letter's own, about 330), and
/// little enough that a quoted value of megabytes is not.
const MESSAGE_HEAD: usize = 480;
/// See [`MESSAGE_HEAD`].
const MESSAGE_TAIL: usize = 60;

/// A message cut to its start and end when it is long: the parser quotes a mistyped value
/// whole (`invalid type: string "…", expected …`), and a value can be megabytes long.
fn shorten(message: &str) -> String {
    let count = message.chars().count();
    if count <= MESSAGE_HEAD + MESSAGE_TAIL + 3 {
        return message.to_string();
    }
    let head: String = message.chars().take(MESSAGE_HEAD).collect();
    let tail: String = message.chars().skip(count - MESSAGE_TAIL).collect();
    format!("{head} … {tail}")
}

/// Loads the letter embedded in the binary.
///
/// The embedded letter is trusted: the test suite runs it through every check
/// (`embedded_letter_passes_every_check`), so start-up reads and sanitises it, and skips the
/// validation that protects against wrong letters. A file given by path gets it too
/// ([`from_path`]).
///
/// # Panics
/// Never in a released build: the embedded letter is checked by the test suite.
#[must_use]
pub fn embedded() -> Letter {
    let mut letter = one_pass::read(EMBEDDED_LETTER).expect("the embedded letter is valid");
    sanitize_letter(&mut letter);
    letter
}

/// Reads and loads the letter at `path`: read, parse (bounded as it is read), sanitise and
/// validate, in that order, each step linear in the file.
///
/// # Errors
/// A [`LoadError`] when the file cannot be read, is too large, is not UTF-8, is not valid
/// YAML, does not fit the schema, or fails validation.
pub fn from_path(path: &Path) -> Result<Letter, LoadError> {
    let bytes = read_file(path)?;
    from_bytes(&bytes, &path.display().to_string())
}

/// The letter given on standard input (`dafu check -`), named `(stdin)` in its errors.
///
/// # Errors
/// A [`LoadError`] when standard input cannot be read, is larger than [`MAX_FILE_BYTES`], or
/// is not a valid letter.
pub fn from_stdin() -> Result<Letter, LoadError> {
    let name = "(stdin)";
    let mut bytes = Vec::new();
    std::io::stdin()
        .lock()
        .take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| LoadError::new(name, None, io_message(&e)))?;
    from_bytes(&bytes, name)
}

/// The bytes of the file at `path`, refused when it is a directory or larger than
/// [`MAX_FILE_BYTES`], for [`from_bytes`] (under the name `path.display()`).
///
/// # Errors
/// A [`LoadError`] when the file cannot be read or is too large.
pub fn read_file(path: &Path) -> Result<Vec<u8>, LoadError> {
    let name = path.display().to_string();
    let metadata =
        std::fs::metadata(path).map_err(|e| LoadError::new(&name, None, io_message(&e)))?;
    if metadata.is_dir() {
        return Err(LoadError::new(&name, None, strings::FOLDER_NOT_LETTER.en));
    }
    if metadata.len() > MAX_FILE_BYTES {
        return Err(LoadError::new(
            &name,
            None,
            format!(
                "file is {} bytes; letters larger than {} MiB are refused",
                metadata.len(),
                MAX_FILE_BYTES / (1024 * 1024)
            ),
        ));
    }
    // The size above is what the file system reports; a device or pipe reports 0 and may
    // never end, so the read itself is bounded too.
    // Room for all of it at once (and the byte that tells a file grown past the bound), so
    // that a large letter is not copied as the buffer grows.
    let expected = usize::try_from(metadata.len().min(MAX_FILE_BYTES) + 1).unwrap_or(0);
    let mut bytes = Vec::with_capacity(expected);
    std::fs::File::open(path)
        .and_then(|f| f.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes))
        .map_err(|e| LoadError::new(&name, None, io_message(&e)))?;
    refuse_pdf(&bytes, &name)?;
    Ok(bytes)
}

/// A PDF, refused with the way to its text: its bytes would otherwise be "not UTF-8".
///
/// # Errors
/// When `bytes` start as a PDF does (`%PDF-`).
pub fn refuse_pdf(bytes: &[u8], name: &str) -> Result<(), LoadError> {
    if bytes.starts_with(b"%PDF-") {
        return Err(LoadError::new(name, None, strings::PDF_NOT_TEXT.en));
    }
    Ok(())
}

/// Loads a letter from raw bytes; `name` is used in error messages.
///
/// # Errors
/// As [`from_path`], less the I/O.
pub fn from_bytes(bytes: &[u8], name: &str) -> Result<Letter, LoadError> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(LoadError::new(
            name,
            None,
            format!(
                "file is larger than {} MiB; refused",
                MAX_FILE_BYTES / (1024 * 1024)
            ),
        ));
    }
    let source = std::str::from_utf8(bytes)
        .map_err(|e| not_utf8(bytes, &e, name, strings::LETTER_NOT_UTF8.en))?;
    parse(source, name)
}

/// The refusal of `bytes` (the file `name`) as not UTF-8, saying `message`, at the line and
/// column of the first bad byte.
#[must_use]
pub fn not_utf8(bytes: &[u8], error: &std::str::Utf8Error, name: &str, message: &str) -> LoadError {
    let valid = bytes.get(..error.valid_up_to()).unwrap_or_default();
    // Everything before the bad byte is valid UTF-8, so it can be measured in characters.
    let before = String::from_utf8_lossy(valid);
    LoadError::new(name, Some(line_column(&before)), message)
}

/// Parses, sanitises and validates a letter from text.
///
/// # Errors
/// A [`LoadError`] for YAML syntax, schema mismatch or failed validation.
pub fn parse(source: &str, name: &str) -> Result<Letter, LoadError> {
    // A byte-order mark is legal at the start of a UTF-8 file; YAML parsers differ on it.
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    if source.trim().is_empty() {
        return Err(LoadError::new(
            name,
            Some((1, 1)),
            "file is empty; expected a letter in dafu's YAML schema (`dafu import TEXT` drafts one from a reply's text)",
        ));
    }
    if let Some(at) = first_refused(source) {
        return Err(control_character_error(source, at, name));
    }
    // The parser would say the file ended while a value was read, at a line past its last.
    if holds_no_value(source) {
        return Err(LoadError::new(
            name,
            Some((1, 1)),
            "file holds only comments; expected a letter in dafu's YAML schema (`dafu import TEXT` drafts one from a reply's text)",
        ));
    }
    // One pass of the streaming parser reads the letter and refuses it where it goes wrong.
    let mut letter = one_pass::read(source)
        .map_err(|fault| LoadError::new(name, fault.position(), fault.to_string()))?;
    sanitize_letter(&mut letter);
    validate::validate(&letter, source, name)?;
    letter.draft = source.starts_with(DRAFT_MARK);
    Ok(letter)
}

/// Whether `source` (not blank) holds nothing but comments, blank lines, directives and
/// document markers (`---`, `...`): every line break YAML knows counts, and only its own white
/// space (space, tab) is blank, so that a line of `　` is a value.
fn holds_no_value(source: &str) -> bool {
    source.split(['\n', '\r']).all(|line| {
        let line = line.trim_matches([' ', '\t']);
        // A marker is one when white space or the line's end follows it (`---#` is text).
        let line = ["---", "..."]
            .iter()
            .find_map(|marker| line.strip_prefix(marker))
            .filter(|rest| rest.is_empty() || rest.starts_with([' ', '\t']))
            .map_or(line, |rest| rest.trim_start_matches([' ', '\t']));
        // A directive (`%YAML 1.2`) says how to read, not what.
        line.is_empty() || line.starts_with(['#', '%'])
    })
}

/// The refusal of the raw control character at byte `at`, at its line and column, saying
/// how to write it instead.
fn control_character_error(source: &str, at: usize, name: &str) -> LoadError {
    let c = source
        .get(at..)
        .and_then(|rest| rest.chars().next())
        .unwrap_or_default();
    let code = u32::from(c);
    let message = if is_old_line_break(c) {
        format!(
            "U+{code:04X} is a line break to YAML 1.1 and text to YAML 1.2; use a line break \
             instead, or inside double quotes write it as \"\\u{code:04X}\""
        )
    } else {
        format!(
            "control character U+{code:04X} is not allowed in YAML; inside double quotes it can \
             be written as \"\\u{code:04X}\""
        )
    };
    LoadError::new(
        name,
        Some(line_column(source.get(..at).unwrap_or_default())),
        message,
    )
}

/// A character that only YAML 1.1 counts as a line break. `serde_yaml` writes one raw and
/// indents the line after it (`'甲\u{2028}  乙'`), which a reader of YAML 1.2 reads as text
/// and spaces: such a letter is refused where the character stands, never read otherwise
/// than it was written.
fn is_old_line_break(c: char) -> bool {
    matches!(c, '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// Where the first character a letter may not hold raw starts: YAML allows tab, line breaks
/// and the printable characters (YAML 1.2, 5.1), and a letter none of YAML 1.1's own line
/// breaks ([`is_old_line_break`]).
fn first_refused(source: &str) -> Option<usize> {
    let allowed = |c: char| {
        matches!(c, '\t' | '\n' | '\r' | ' '..='~' | '\u{a0}'..='\u{d7ff}'
            | '\u{e000}'..='\u{fffd}' | '\u{10000}'..)
            && !is_old_line_break(c)
    };
    source
        .char_indices()
        .find(|&(_, c)| !allowed(c))
        .map(|(at, _)| at)
}

/// An error reading a file, in dafu's own words where it has them.
#[must_use]
pub fn io_message(error: &std::io::Error) -> String {
    match error.kind() {
        std::io::ErrorKind::NotFound => strings::NO_SUCH_FILE.en.to_string(),
        std::io::ErrorKind::PermissionDenied => strings::PERMISSION_DENIED.en.to_string(),
        _ => error.to_string(),
    }
}

/// 1-based line and column (in characters) of the end of `before`.
fn line_column(before: &str) -> (usize, usize) {
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// Sanitises every string of the letter, once, at load: from here on nothing from the file
/// can carry an escape sequence to the terminal, the clipboard or stdout. Paragraphs keep
/// their line breaks ([`sanitize`]); one-line fields — titles, labels, figures — lose them
/// ([`sanitize_line`]), so that no field can forge a line of the outline or of a table.
fn sanitize_letter(letter: &mut Letter) {
    for_each_text_mut(letter, sanitize_field);
}

fn sanitize_field(_: Part, form: Form, s: &mut String) {
    let clean = match form {
        Form::Line => sanitize_line(s),
        Form::Paragraphs => sanitize(s),
    };
    if let Cow::Owned(clean) = clean {
        *s = clean;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn minimal() -> String {
        "classification: A类\nissuer: 某局\ndoc_number: 某函〔2021〕1号\ntitle: 答复的函\n\
         proposal: {number: 1, session: 某会议, title: 某建议}\naddressee: 某委员\n\
         opening: [您好。]\nsuggestions:\n  - title: 关于某事的建议\n    response: 吸取采纳该建议。\n\
         \x20   measures:\n      - title: 做某事\n        paragraphs: [共3家企业。]\n\
         \x20       figures: [{text: 共3家, value: 3, unit: 家, what: 企业, qualifier: 共}]\n\
         signature: {issuer: 某局, date: 2021-07-28}\n"
            .to_string()
    }

    #[test]
    fn characters_yaml_refuses_are_found_where_they_start() {
        for (c, refused) in [
            ('\u{1}', true),
            ('\u{7f}', true),
            ('\u{9b}', true),
            ('\u{fffe}', true),
            ('\u{85}', true),
            ('\u{2028}', true),
            ('\t', false),
            ('势', false),
            ('\u{1f600}', false),
        ] {
            let text = format!("优{c}势");
            let expected = refused.then_some("优".len());
            assert_eq!(first_refused(&text), expected, "U+{:04X}", u32::from(c));
        }
    }

    #[test]
    fn a_line_break_of_yaml_1_1_is_refused_where_it_stands() {
        // `serde_yaml` writes U+2028 raw and indents the line after it; read as YAML 1.2
        // reads it, the text would gain the indentation.
        assert_eq!(
            serde_yaml::to_string(&["您\u{2028}好"]).unwrap(),
            "- '您\u{2028}  好'\n"
        );
        for c in ['\u{85}', '\u{2028}', '\u{2029}'] {
            let source = minimal().replace("opening: [您好。]", &format!("opening: ['您{c}  好']"));
            let error = parse(&source, "t.yaml").unwrap_err();
            assert_eq!(error.position, Some((7, 13)), "{error}");
            assert!(error.message.contains("line break to YAML 1.1"), "{error}");
        }
    }

    #[test]
    fn minimal_letter_loads() {
        let letter = parse(&minimal(), "t.yaml").unwrap();
        assert_eq!(letter.suggestions[0].measures[0].figures[0].value, 3.0);
    }

    #[test]
    fn embedded_letter_loads() {
        let letter = embedded();
        assert_eq!(letter.suggestions.len(), 5);
    }

    #[test]
    fn embedded_letter_passes_every_check() {
        // Start-up trusts the embedded letter; this is what earns the trust.
        let checked = parse(EMBEDDED_LETTER, EMBEDDED_NAME).expect("the embedded letter is valid");
        assert_eq!(checked, embedded());
    }

    #[test]
    fn missing_field_names_position() {
        // The signature is the one key a letter must have (it may be empty): a letter cut
        // short loses it.
        let source = minimal().replace("signature: {issuer: 某局, date: 2021-07-28}\n", "");
        let error = parse(&source, "t.yaml").unwrap_err();
        assert!(error.to_string().starts_with("t.yaml:"), "{error}");
        assert!(error.message.contains("signature"), "{error}");
        assert!(error.position.is_some());
    }

    #[test]
    fn nothing_of_the_header_or_signature_is_required() {
        let source = "opening: [您好。]\nsignature: {}\n";
        let letter = parse(source, "t.yaml").unwrap();
        assert_eq!(letter.title, None);
        assert_eq!(letter.signature.date, None);
        assert_eq!(letter.missing().len(), 10);
    }

    #[test]
    fn suggestions_and_sections_together_are_refused() {
        let source = minimal().replace(
            "signature:",
            "sections:\n  - paragraphs: [甲。]\nsignature:",
        );
        let error = parse(&source, "t.yaml").unwrap_err();
        assert!(
            error.message.contains("both suggestions and sections"),
            "{error}"
        );
        assert!(error.position.is_some());
    }

    #[test]
    fn a_contact_field_must_stand_in_a_contact_line() {
        let with = |fields: &str| minimal().replace("signature:", &format!("{fields}\nsignature:"));
        let good = with("contact: 联系人：张三 0871-1234567\ncontact_person: 张三");
        assert!(parse(&good, "t.yaml").is_ok());
        let bad = with("contact: 联系人：张三 0871-1234567\ncontact_phone: 0871-7654321");
        let error = parse(&bad, "t.yaml").unwrap_err();
        assert!(
            error.message.contains("does not stand in any contact line"),
            "{error}"
        );
        assert!(error.position.is_some());
    }

    #[test]
    fn a_kind_that_does_not_fit_its_unit_is_refused() {
        let source = minimal().replace("unit: 家,", "unit: 家, kind: money,");
        let error = parse(&source, "t.yaml").unwrap_err();
        assert!(
            error.message.contains("kind “money” does not fit"),
            "{error}"
        );
        let source = minimal().replace("unit: 家,", "unit: 家, kind: count,");
        assert!(parse(&source, "t.yaml").is_ok());
    }

    #[test]
    fn figure_not_in_text_is_refused_with_position() {
        let source = minimal().replace("text: 共3家", "text: 共4家");
        let error = parse(&source, "t.yaml").unwrap_err();
        assert_eq!(error.position.map(|p| p.0), Some(14), "{error}");
        assert!(error.message.contains("共4家"), "{error}");
    }

    #[test]
    fn figures_that_overlap_everywhere_are_refused_not_counted() {
        // `1`, `11`, … `1`×20 each match at nearly every place of a run of 1,000 ones.
        let figures: Vec<String> = (1..=20)
            .map(|n| format!("{{text: '{}', value: 1, unit: 家, what: x}}", "1".repeat(n)))
            .collect();
        let source = minimal()
            .replace("[共3家企业。]", &format!("['{}']", "1".repeat(1000)))
            .replace(
                "[{text: 共3家, value: 3, unit: 家, what: 企业, qualifier: 共}]",
                &format!("[{}]", figures.join(", ")),
            );
        let error = parse(&source, "t.yaml").unwrap_err();
        assert!(error.message.contains("overlap"), "{error}");
        assert_eq!(error.position.map(|p| p.0), Some(14), "{error}");
    }

    #[test]
    fn a_figure_opening_a_paragraph_is_not_the_tail_of_the_number_ending_the_one_before() {
        // The reader finds 共3家 alone at the start of its paragraph; so must the check.
        let source = minimal().replace("[共3家企业。]", "[企业40, 共3家企业。]");
        let letter = parse(&source, "t.yaml").unwrap();
        assert_eq!(letter.suggestions[0].measures[0].paragraphs.len(), 2);
    }

    #[test]
    fn unknown_unit_is_refused() {
        let source = minimal().replace("unit: 家", "unit: 只");
        let error = parse(&source, "t.yaml").unwrap_err();
        assert!(error.message.contains("unknown unit"), "{error}");
    }

    #[test]
    fn escapes_are_sanitised_at_load() {
        let source = minimal().replace("opening: [您好。]", "opening: [\"您好\\e]0;pwned\\a。\"]");
        let letter = parse(&source, "t.yaml").unwrap();
        assert!(!letter.opening[0].contains('\u{1b}'));
        assert!(!letter.opening[0].contains('\u{7}'));
    }

    #[test]
    fn invalid_utf8_reports_line_and_column() {
        let mut bytes = b"classification: A\nissuer: x".to_vec();
        bytes.push(0xff);
        let error = from_bytes(&bytes, "bad.yaml").unwrap_err();
        assert_eq!(error.position, Some((2, 10)));
    }

    #[test]
    fn a_file_of_comments_and_document_markers_alone_is_refused_as_such() {
        for source in [
            "# c\n\n# d\n",
            "# c\n---\n",
            "---\n",
            "# c\n...\n",
            "--- # c\r\n",
            "%YAML 1.2\n---\n# c\n",
        ] {
            let error = parse(source, "c.yaml").unwrap_err();
            assert!(
                error.message.starts_with("file holds only comments"),
                "{source:?}: {error}"
            );
            // At the file's start, as every refusal names a place.
            assert_eq!(error.position, Some((1, 1)), "{source:?}");
        }
        // A letter written with old Mac line breaks, a comment first, is a letter.
        let minimal = include_str!("../../tests/fixtures/minimal.yaml").replace('\n', "\r");
        assert!(parse(&format!("# 注释\r{minimal}"), "mac.yaml").is_ok());
        // A raw control character is refused as such, where it stands.
        let error = parse("# 注\u{2028}classification: A\n", "ls.yaml").unwrap_err();
        assert!(error.message.contains("U+2028"), "{error}");
        // `---#` is a value (a comment needs white space before it).
        let error = parse("---#\n", "text.yaml").unwrap_err();
        assert!(
            !error.message.starts_with("file holds only comments"),
            "{error}"
        );
        // An ideographic space is a value to YAML, not blank.
        let error = parse("# c\n\u{3000}\n", "ws.yaml").unwrap_err();
        assert!(
            !error.message.starts_with("file holds only comments"),
            "{error}"
        );
    }

    #[test]
    fn empty_file_is_refused() {
        let error = parse("  \n", "e.yaml").unwrap_err();
        assert_eq!(
            error.to_string(),
            "e.yaml:1:1: file is empty; expected a letter in dafu's YAML schema (`dafu import TEXT` drafts one from a reply's text)"
        );
    }
}
