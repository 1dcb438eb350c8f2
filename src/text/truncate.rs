//! PLACEHOLDER until the text module lands (replaced on merge).
use super::width::{AmbiguousWidth, str_width};
use std::borrow::Cow;
use unicode_segmentation::UnicodeSegmentation;
/// Placeholder.
#[must_use]
pub fn truncate(s: &str, max: usize, mode: AmbiguousWidth) -> Cow<'_, str> {
    if str_width(s, mode) <= max {
        return Cow::Borrowed(s);
    }
    let ell = str_width("…", mode);
    let mut out = String::new();
    let mut w = 0;
    for g in s.graphemes(true) {
        let gw = str_width(g, mode);
        if w + gw + ell > max {
            break;
        }
        out.push_str(g);
        w += gw;
    }
    if w + ell <= max {
        out.push('…');
    }
    Cow::Owned(out)
}
