//! PLACEHOLDER until the text module lands (replaced on merge).
/// Placeholder.
#[must_use]
pub fn sanitize(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_control() && c != '\n' {
                '\u{fffd}'
            } else {
                c
            }
        })
        .collect()
}
/// Placeholder.
#[must_use]
pub fn sanitize_line(s: &str) -> String {
    sanitize(s).replace('\n', " ")
}
