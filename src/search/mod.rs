//! PLACEHOLDER until the search module lands (replaced on merge).
use std::ops::Range;
/// Placeholder.
pub struct SearchIndex {
    docs: Vec<Vec<char>>,
}
/// Placeholder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    /// doc
    pub doc: usize,
    /// chars
    pub chars: Range<usize>,
}
impl SearchIndex {
    /// Placeholder.
    pub fn new<I: IntoIterator<Item = S>, S: AsRef<str>>(docs: I) -> Self {
        Self {
            docs: docs
                .into_iter()
                .map(|d| d.as_ref().chars().collect())
                .collect(),
        }
    }
    /// Placeholder.
    #[must_use]
    pub fn find(&self, query: &str) -> Vec<Match> {
        let q: Vec<char> = query.chars().collect();
        let mut out = Vec::new();
        if q.is_empty() {
            return out;
        }
        for (doc, d) in self.docs.iter().enumerate() {
            let mut i = 0;
            while i + q.len() <= d.len() {
                if d[i..i + q.len()] == q[..] {
                    out.push(Match {
                        doc,
                        chars: i..i + q.len(),
                    });
                    i += q.len();
                } else {
                    i += 1;
                }
            }
        }
        out
    }
}
