//! PLACEHOLDER until the text module lands (replaced on merge).
use super::width::{AmbiguousWidth, str_width};
use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;
/// Placeholder: greedy wrap at grapheme boundaries.
#[must_use]
pub fn wrap(s: &str, width: usize, mode: AmbiguousWidth) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut w = 0;
    for (at, g) in s.grapheme_indices(true) {
        let gw = str_width(g, mode);
        if w + gw > width.max(1) && at > start {
            out.push(start..at);
            start = at;
            w = 0;
        }
        w += gw;
    }
    if start < s.len() || out.is_empty() {
        out.push(start..s.len());
    }
    out
}
