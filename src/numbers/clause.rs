//! A figure's clause (分句): the words of its sentence from the punctuation that ends the
//! clause before it to the punctuation that ends its own, the words after the figure
//! included. `dafu check` looks there for the word of a figure's kind of money, and
//! `dafu import` drafts a figure's `what` from it: one rule, so that what a draft says of a
//! figure is what the check reads.
//!
//! A clause ends at `，。；：！？` (and `, ;`) and at a line break. `、` does not end one: it
//! joins words inside a clause (「通过网上银行、手机银行等线上渠道」), and so one verb or noun
//! governs a whole list: 「安排市级资金300万元、省级资金200万元」, 「分别给予80万元、60万元、
//! 40万元奖励」, 「补助额度分别为80、60、40万元」. A word may stand after its figure
//! (「2020年安排352万元资金支持…」, 「给予80、60、40万元奖励」) as well as before it.
//!
//! The clause breaks of a text are found once ([`Clauses::new`]); each figure's clause is then
//! a look-up, so that a paragraph of a megabyte and fifty thousand figures is read once, not
//! once a figure.

use std::ops::Range;

/// Whether `c` ends a clause. A `,` between two digits groups them (`1,000`) and ends nothing;
/// [`Clauses::new`] passes it over.
#[must_use]
pub fn ends_clause(c: char) -> bool {
    matches!(
        c,
        '，' | '。' | '；' | '：' | '！' | '？' | ',' | ';' | '\n'
    )
}

/// Whether `c` ends a sentence: `。！？` and a line break.
#[must_use]
pub fn ends_sentence(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '\n')
}

/// Whether `c` ends a sentence or a part of one: a sentence's end, or `；`, which parts the
/// statements of one sentence (「…累计审批贷款超87亿元，贴息6220.64万元；…2020年向366家…」)
/// and the items of a list a lead governs (「今年以来，…：清运垃圾约1385方；修整路基65km；…」).
#[must_use]
pub fn ends_part(c: char) -> bool {
    ends_sentence(c) || matches!(c, '；' | ';')
}

/// Where the clauses (or the sentences) of one text end: the byte range of each break, in
/// order.
#[derive(Debug, Clone, Default)]
pub struct Clauses {
    breaks: Vec<Range<usize>>,
    len: usize,
}

impl Clauses {
    /// The clause breaks of `text`, in one pass.
    #[must_use]
    pub fn new(text: &str) -> Self {
        Self::ending_at(text, ends_clause)
    }

    /// The sentence breaks of `text` ([`ends_sentence`]), in one pass: [`Clauses::around`]
    /// then gives the sentence of some words.
    #[must_use]
    pub fn sentences(text: &str) -> Self {
        Self::ending_at(text, ends_sentence)
    }

    /// The breaks between the parts of `text`'s sentences ([`ends_part`]), in one pass.
    #[must_use]
    pub fn parts(text: &str) -> Self {
        Self::ending_at(text, ends_part)
    }

    fn ending_at(text: &str, ends: fn(char) -> bool) -> Self {
        let mut breaks = Vec::new();
        let mut before: Option<char> = None;
        let mut chars = text.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            let grouping = c == ','
                && before.is_some_and(|b| b.is_ascii_digit())
                && chars.peek().is_some_and(|&(_, n)| n.is_ascii_digit());
            if ends(c) && !grouping {
                breaks.push(i..i + c.len_utf8());
            }
            before = Some(c);
        }
        Self {
            breaks,
            len: text.len(),
        }
    }

    /// The clause of the words at `range` (a figure's): from the end of the last clause break
    /// before them to the start of the first one after them, or the text's start and end
    /// where there is none. A break inside `range` does not split it.
    #[must_use]
    pub fn around(&self, range: Range<usize>) -> Range<usize> {
        let before = self.breaks.partition_point(|b| b.end <= range.start);
        let after = self.breaks.partition_point(|b| b.start < range.end);
        let start = before
            .checked_sub(1)
            .and_then(|i| self.breaks.get(i))
            .map_or(0, |b| b.end);
        let end = self.breaks.get(after).map_or(self.len, |b| b.start);
        start..end.max(range.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The clause of the first `figure` in `text`, as text.
    fn clause_of<'t>(text: &'t str, figure: &str) -> &'t str {
        let at = text.find(figure).unwrap_or_default();
        let clause = Clauses::new(text).around(at..at + figure.len());
        text.get(clause).unwrap_or_default()
    }

    #[test]
    fn a_clause_runs_from_the_break_before_its_figure_to_the_break_after() {
        let text = "加大政策扶持力度。2020年安排352万元资金支持智能环卫车、可穿戴设备等9家企业，推动发展。";
        assert_eq!(
            clause_of(text, "352万元"),
            "2020年安排352万元资金支持智能环卫车、可穿戴设备等9家企业"
        );
        // At the text's ends, the clause is bounded by them.
        assert_eq!(clause_of("首期10亿元", "10亿元"), "首期10亿元");
        assert_eq!(
            clause_of("总规模50亿元，首期10亿元", "10亿元"),
            "首期10亿元"
        );
        // A line break (between a node's paragraphs) ends one too.
        assert_eq!(clause_of("补助\n安排300万元", "300万元"), "安排300万元");
    }

    #[test]
    fn a_list_and_the_words_joined_by_its_dun_hao_are_one_clause() {
        let text = "对获奖企业，分别给予80万元、60万元、40万元奖励；另有安排。";
        for figure in ["80万元", "60万元", "40万元"] {
            assert_eq!(
                clause_of(text, figure),
                "分别给予80万元、60万元、40万元奖励"
            );
        }
        assert_eq!(
            clause_of("补助额度分别为80、60、40万元。", "80、60、40万元"),
            "补助额度分别为80、60、40万元"
        );
    }

    #[test]
    fn a_comma_that_groups_digits_ends_no_clause() {
        let text = "拨付补助资金1,000万元,另安排200万元";
        assert_eq!(clause_of(text, "1,000万元"), "拨付补助资金1,000万元");
        assert_eq!(clause_of(text, "200万元"), "另安排200万元");
    }
}
