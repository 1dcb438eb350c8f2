//! Text for a terminal: sanitising, display widths, truncation and line breaking.
//!
//! Pure functions over `&str`, no ratatui types, in the order text flows through them:
//!
//! 1. [`sanitize()`] / [`sanitize_line`], once, when the letter is loaded: the only path by
//!    which a letter's text may reach the terminal. Control characters become visible symbols,
//!    bidi controls go, line endings become `\n`.
//! 2. [`str_width`] / [`grapheme_width`]: the one way widths are measured, given the
//!    terminal's [`AmbiguousWidth`] (`“ ” — … · ①` take 1 or 2 columns depending on it).
//! 3. [`wrap()`]: UAX #14 line breaking fitted by display width, as byte ranges into the
//!    text; draw each line's [`visible`] part.
//! 4. [`truncate()`] / [`first_sentence`] / [`paragraph_name`] for one-line places: tree rows, titles, status;
//!    [`columns`] for the command line's tables, fitted to a terminal.
//!
//! [`char_to_byte`] turns a place counted in `char`s (a caret, a parser's index) into a byte
//! offset.
//!
//! All byte ranges produced here lie on grapheme boundaries of the text they were computed
//! for; `str::get` turns them back into `&str`.

pub mod collate;
pub mod columns;
pub mod sanitize;
pub mod truncate;
pub mod width;
pub mod wrap;

pub use sanitize::{is_bidi_control, sanitize, sanitize_line};
pub use truncate::{ELLIPSIS, first_sentence, paragraph_name, truncate, truncate_start};
pub use width::{AmbiguousWidth, char_width, grapheme_width, str_width};
pub use wrap::{visible, wrap};

/// The byte offset of the `index`th `char` of `s`, or `s.len()` past its last.
#[must_use]
pub fn char_to_byte(s: &str, index: usize) -> usize {
    s.char_indices().nth(index).map_or(s.len(), |(i, _)| i)
}
