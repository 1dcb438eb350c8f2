//! PLACEHOLDER until the text module lands (replaced on merge).
/// Placeholder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum AmbiguousWidth {
    /// n
    #[default]
    Narrow,
    /// w
    Wide,
}
/// Placeholder.
#[must_use]
pub fn str_width(s: &str, mode: AmbiguousWidth) -> usize {
    use unicode_width::UnicodeWidthStr;
    match mode {
        AmbiguousWidth::Narrow => s.width(),
        AmbiguousWidth::Wide => s.width_cjk(),
    }
}
