//! Text for a terminal: sanitising, display widths, truncation and line breaking.
//!
//! Pure functions over `&str`, no ratatui types, in the order text flows through them:
//!
//! 1. [`sanitize`] / [`sanitize_line`], once, when the letter is loaded: the only path by
//!    which a letter's text may reach the terminal. Control characters become visible symbols,
//!    bidi controls go, line endings become `\n`.
//! 2. [`str_width`] / [`grapheme_width`]: the one way widths are measured, given the
//!    terminal's [`AmbiguousWidth`] (`“ ” — … · ①` take 1 or 2 columns depending on it).
//! 3. [`wrap`]: UAX #14 line breaking fitted by display width, as byte ranges into the
//!    text; draw each line's [`visible`] part.
//! 4. [`truncate`] / [`first_sentence`] for one-line places: tree rows, titles, status.
//!
//! All byte ranges produced here lie on grapheme boundaries of the text they were computed
//! for; [`slice()`] turns them back into `&str`.

pub mod sanitize;
pub mod truncate;
pub mod width;
pub mod wrap;

use std::ops::Range;

pub use sanitize::{is_bidi_control, sanitize, sanitize_line};
pub use truncate::{ELLIPSIS, first_sentence, truncate, truncate_start};
pub use width::{AmbiguousWidth, char_width, grapheme_width, is_ambiguous, str_width};
pub use wrap::{visible, wrap};

/// The part of `s` at byte range `range`, for ranges this module produced from `s` itself
/// ([`wrap`], [`visible`]).
///
/// This is the crate's one audited string slice by computed byte offsets; everywhere else uses
/// `str::get`. Those ranges are built from `grapheme_indices`, so they lie on character
/// boundaries by construction.
///
/// # Panics
///
/// If `range` is out of bounds or not on character boundaries of `s`, which means it was
/// computed for a different text: a bug in the caller, better found loudly.
#[must_use]
#[expect(
    clippy::string_slice,
    reason = "ranges come from grapheme iteration over this same text; see the doc comment"
)]
pub fn slice(s: &str, range: Range<usize>) -> &str {
    &s[range]
}
