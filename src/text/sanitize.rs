//! Making untrusted text safe to print on a terminal.
//!
//! A letter's YAML comes from outside; a control character in it is an escape sequence
//! waiting to happen (`ESC ] 0 ;` retitles the window, `ESC ] 52 ;` writes the clipboard) and a
//! bidi override (U+202E) makes the screen lie about the order of the text. ratatui filters
//! some of this in some paths but not all (`Span` drops `char::is_control`, `Cell::set_symbol`
//! does not, and bidi controls pass both), so the text is
//! cleaned once, here, when it is loaded, and every other path can trust it.

use std::borrow::Cow;

/// What to do with one character.
enum Fix {
    /// Copy it unchanged.
    Keep,
    /// Leave it out.
    Drop,
    /// Write this instead.
    Replace(char),
}

/// The line separator that every other line ending becomes.
const NEWLINE: char = '\n';

/// Shown in place of a C1 control (U+0080–U+009F): these have no visible "control picture" in
/// Unicode, and in practice they are almost always mis-decoded Windows-1252 bytes (U+0085 is
/// usually a mangled `…`), so the replacement character says "something was lost here" best.
const C1_SYMBOL: char = '\u{FFFD}';

/// Shown in place of DEL: SYMBOL FOR DELETE `␡`.
const DEL_SYMBOL: char = '\u{2421}';

/// Whether `c` is one of the invisible characters that reorder text on screen: the explicit
/// embeddings and overrides (U+202A–U+202E), the isolates (U+2066–U+2069), the directional
/// marks (U+200E, U+200F, U+061C), or a byte-order mark (U+FEFF), which is invisible and has no
/// business inside a letter.
#[must_use]
pub fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{FEFF}'
    )
}

/// Decides the fate of `c`; `next` is the character after it (for `\r\n`) and `single_line`
/// says whether line breaks must become spaces.
fn fix(c: char, next: Option<char>, single_line: bool) -> Fix {
    let newline = if single_line { ' ' } else { NEWLINE };
    match c {
        '\n' if single_line => Fix::Replace(' '),
        '\n' => Fix::Keep,
        // `\r\n` is one line ending: drop the `\r` and let the `\n` stand for both.
        '\r' if next == Some('\n') => Fix::Drop,
        '\r' | '\u{2028}' | '\u{2029}' => Fix::Replace(newline),
        // A tab's width depends on the column it lands in, which the wrapper cannot know.
        '\t' => Fix::Replace(' '),
        // C0 controls get their control pictures, U+2400 + code: ESC becomes `␛`, NUL `␀`.
        '\0'..='\u{1F}' => Fix::Replace(char::from_u32(0x2400 + u32::from(c)).unwrap_or(C1_SYMBOL)),
        '\u{7F}' => Fix::Replace(DEL_SYMBOL),
        '\u{80}'..='\u{9F}' => Fix::Replace(C1_SYMBOL),
        c if is_bidi_control(c) => Fix::Drop,
        _ => Fix::Keep,
    }
}

/// Appends `c` to `out` as `f` says.
fn apply(out: &mut String, c: char, f: Fix) {
    match f {
        Fix::Keep => out.push(c),
        Fix::Drop => {}
        Fix::Replace(r) => out.push(r),
    }
}

/// Shared body of [`sanitize`] and [`sanitize_line`]: copies nothing when nothing changes.
fn clean(s: &str, single_line: bool) -> Cow<'_, str> {
    let mut chars = s.char_indices().peekable();
    // Most texts are clean: look for the first character that needs a fix before allocating.
    let (at, first_char, first_fix) = loop {
        let Some((i, c)) = chars.next() else {
            return Cow::Borrowed(s);
        };
        let next = chars.peek().map(|&(_, n)| n);
        match fix(c, next, single_line) {
            Fix::Keep => {}
            f => break (i, c, f),
        }
    };
    let mut out = String::with_capacity(s.len() + 8);
    out.push_str(s.get(..at).unwrap_or_default());
    apply(&mut out, first_char, first_fix);
    while let Some((_, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        apply(&mut out, c, fix(c, next, single_line));
    }
    Cow::Owned(out)
}

/// Makes `s` safe to print: the one path by which a letter's text may reach a terminal.
///
/// - `\r\n`, a lone `\r`, LINE SEPARATOR (U+2028) and PARAGRAPH SEPARATOR (U+2029) become `\n`,
///   so that line breaking and display see one kind of line ending.
/// - `\t` becomes one space (its width would depend on the column).
/// - Other C0 controls become their visible control pictures from the U+2400 block
///   (ESC → `␛`, NUL → `␀`, BEL → `␇`), DEL becomes `␡`, and C1 controls (U+0080–U+009F)
///   become `�` (U+FFFD): the reader sees that something odd was there, the terminal sees
///   no escape sequence.
/// - Bidirectional controls and the byte-order mark are removed (see [`is_bidi_control`]).
///
/// Afterwards no character of the result is [`char::is_control`] except `\n`. Returns the
/// input unchanged (borrowed) when nothing needed fixing.
#[must_use]
pub fn sanitize(s: &str) -> Cow<'_, str> {
    clean(s, false)
}

/// Like [`sanitize`], for places with room for one line only (titles, status rows, table
/// cells): every line ending becomes a space as well, so the result contains no `\n`.
#[must_use]
pub fn sanitize_line(s: &str) -> Cow<'_, str> {
    clean(s, true)
}

/// A path as one line safe to print: how every message and note names a file, whatever
/// bytes its name holds.
#[must_use]
pub fn path_line(path: &std::path::Path) -> String {
    sanitize_line(&path.display().to_string()).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_safe(out: &str) {
        for c in out.chars() {
            assert!(c == '\n' || !c.is_control(), "control {c:?} in {out:?}");
            assert!(!is_bidi_control(c), "bidi control {c:?} in {out:?}");
        }
    }

    #[test]
    fn clean_text_is_borrowed() {
        let s = "（一）加强顶层设计，支持资金近1.8亿元。\n“放管服”改革";
        assert!(matches!(sanitize(s), Cow::Borrowed(_)));
        assert_eq!(sanitize(s), s);
    }

    #[test]
    fn osc_title_escape_is_made_visible() {
        let out = sanitize("标题\x1b]0;pwned\x07正文");
        assert_eq!(out, "标题␛]0;pwned␇正文");
        assert_safe(&out);
    }

    #[test]
    fn osc52_clipboard_write_is_made_visible() {
        let out = sanitize("\x1b]52;c;cm0gLXJmIH4K\x1b\\");
        assert_eq!(out, "␛]52;c;cm0gLXJmIH4K␛\\");
        assert_safe(&out);
    }

    #[test]
    fn csi_and_8bit_csi_are_neutralised() {
        // 0x9B is the 8-bit CSI, which some terminals still honour.
        let out = sanitize("a\x1b[2Jb\u{9b}2Jc");
        assert_eq!(out, "a␛[2Jb\u{FFFD}2Jc");
        assert_safe(&out);
    }

    #[test]
    fn bidi_override_is_removed() {
        let out = sanitize("资金\u{202E}元亿8.1\u{202C}近");
        assert_eq!(out, "资金元亿8.1近");
        let out = sanitize("\u{FEFF}\u{2066}a\u{2069}\u{200E}\u{200F}\u{061C}b");
        assert_eq!(out, "ab");
    }

    #[test]
    fn line_endings_become_newlines() {
        assert_eq!(sanitize("a\r\nb\rc\u{2028}d\u{2029}e\n"), "a\nb\nc\nd\ne\n");
        assert_eq!(sanitize("\r\r\n"), "\n\n");
        assert_eq!(sanitize("a\r"), "a\n");
    }

    #[test]
    fn tab_del_nul_and_c1() {
        assert_eq!(sanitize("a\tb\x7fc\0d\u{85}e"), "a b␡c␀d\u{FFFD}e");
    }

    #[test]
    fn sanitize_line_has_no_newlines() {
        assert_eq!(
            sanitize_line("第一行\r\n第二行\n第三行\r第四\u{2028}"),
            "第一行 第二行 第三行 第四 "
        );
        assert_eq!(sanitize_line("标题\x1b]0;x\x07"), "标题␛]0;x␇");
        assert!(matches!(
            sanitize_line("中山科函〔2021〕142号"),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn every_c0_and_c1_control_is_replaced() {
        let all: String = (0u32..=0x9F).filter_map(char::from_u32).collect();
        let out = sanitize(&all);
        assert_safe(&out);
        assert_eq!(out.matches('\n').count(), 2, "the \\n and the \\r");
        assert!(!sanitize_line(&all).contains('\n'));
    }
}
