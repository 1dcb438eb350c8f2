//! Repairs of extraction artifacts, each recorded as an erratum.
//!
//! A repair never happens silently: it is either listed on its own (a page break joined inside
//! a sentence, a stray space between two Chinese characters) or, for artifacts that recur by
//! the dozen (typesetting spaces, bold marks, hard line wraps), listed once per kind with its
//! first occurrence as the example and a count. A character repeated across a page break is
//! only *suspected*: the text keeps both, and the erratum proposes the correction.

use crate::letter::Erratum;

/// Artifacts that recur, listed once per kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Kind {
    /// A line ended where the page's line ended, inside a paragraph.
    HardWrap,
    /// A space between a Chinese character and a digit or Latin letter (typesetting spacing).
    TypesettingSpace,
    /// A space beside full-width punctuation.
    PunctuationSpace,
    /// Bold marks `**` from a Markdown-ish extraction.
    Bold,
    /// An ordinal typed with half-width brackets, `(一)`.
    HalfWidthBrackets,
    /// Full-width digits `０-９`.
    FullWidthDigits,
    /// A page number line between pages.
    PageNumber,
    /// Paragraphs that a web page ran into one line, parted by a space.
    FlattenedParagraphs,
    /// Points 一是、二是… written inside a paragraph, each shown as a paragraph of its own.
    PointsSplit,
}

impl Kind {
    fn note(self, count: usize) -> String {
        let many = if count > 1 {
            format!("此为一例，共{count}处，均已同样处理。")
        } else {
            String::new()
        };
        let what = match self {
            Kind::HardWrap => "提取时按版面折行，一段话被断成多行，已接合为一段。",
            Kind::TypesettingSpace => {
                "汉字与阿拉伯数字或拉丁字母之间的空格，疑为排版时的间距在提取中所成，已删去。"
            }
            Kind::PunctuationSpace => "标点旁的空格，疑为提取时混入，已删去。",
            Kind::Bold => "加粗标记，不是正文，已删去。",
            Kind::HalfWidthBrackets => "序号的半角括号，与全角“（一）”是同一编号，按序号存储。",
            Kind::FullWidthDigits => "全角数字，已改为半角数字。",
            Kind::PageNumber => "PDF页码，不是正文，已删去。",
            Kind::FlattenedParagraphs => {
                "句末标点后隔着空格又接下文，疑为网页把几段排成了一行，已按段分开。"
            }
            Kind::PointsSplit => {
                "版式：原文“一是”“二是”等各点写在段落之中；这里每一点另起一段显示，文字不变。"
            }
        };
        format!("{what}{many}")
    }
}

#[derive(Debug)]
struct Group {
    kind: Kind,
    original: String,
    corrected: String,
    count: usize,
    /// Whether the example's original is the transcript's, word for word.
    verbatim: bool,
    /// How many later places were tried as the example while it was not.
    tries: usize,
}

/// How many later places a kind's example is looked for among, when the first is not the
/// transcript's word for word (another repair was made inside it): bounded, so that the
/// look stays linear in the transcript.
const EXAMPLE_TRIES: usize = 8;

/// The errata of one import, in the order they are found.
#[derive(Debug, Default)]
pub(crate) struct Errata {
    single: Vec<Erratum>,
    groups: Vec<Group>,
    /// The transcript, for a recurring kind's example to quote it word for word; empty when
    /// not known, and the first place is the example.
    source: String,
}

impl Errata {
    /// The errata of an import of the transcript `source`.
    pub(crate) fn of(source: &str) -> Self {
        Self {
            source: source.to_string(),
            ..Self::default()
        }
    }

    /// Records one repair of its own.
    pub(crate) fn single(&mut self, original: String, corrected: String, note: &str) {
        self.single.push(Erratum {
            original,
            corrected,
            note: note.to_string(),
            suspected: false,
        });
    }

    /// Records a suspected artifact: the text keeps `original`, `corrected` is proposed.
    pub(crate) fn suspected(&mut self, original: String, corrected: String, note: String) {
        self.single.push(Erratum {
            original,
            corrected,
            note,
            suspected: true,
        });
    }

    /// Records one more repair of a recurring kind. The first is kept as the example,
    /// unless another repair was made inside its quotation: then one of the next few that
    /// quotes the transcript word for word, if any does, so that a reader finds it there.
    pub(crate) fn group(&mut self, kind: Kind, example: impl FnOnce() -> (String, String)) {
        let source = &self.source;
        let verbatim = |original: &str| source.is_empty() || source.contains(original);
        if let Some(group) = self.groups.iter_mut().find(|g| g.kind == kind) {
            group.count += 1;
            if !group.verbatim && group.tries < EXAMPLE_TRIES {
                group.tries += 1;
                let (original, corrected) = example();
                if verbatim(&original) {
                    (group.original, group.corrected) = (original, corrected);
                    group.verbatim = true;
                }
            }
        } else {
            let (original, corrected) = example();
            self.groups.push(Group {
                kind,
                verbatim: verbatim(&original),
                original,
                corrected,
                count: 1,
                tries: 0,
            });
        }
    }

    /// All errata: those of their own first, in the order found, then one per recurring kind.
    pub(crate) fn finish(mut self) -> Vec<Erratum> {
        self.groups.sort_by_key(|g| g.kind);
        let mut out = self.single;
        out.extend(self.groups.into_iter().map(|g| Erratum {
            note: g.kind.note(g.count),
            original: g.original,
            corrected: g.corrected,
            suspected: false,
        }));
        out
    }
}

/// A CJK ideograph (the letter's own characters, not punctuation).
pub(crate) fn is_han(c: char) -> bool {
    matches!(c,
        '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{f900}'..='\u{faff}'
        | '\u{20000}'..='\u{2ffff}' | '〇')
}

/// Full-width and CJK punctuation: `，。、；：？！“”‘’（）《》〈〉【】〔〕…—·`.
pub(crate) fn is_cjk_punct(c: char) -> bool {
    matches!(c,
        '\u{3001}'..='\u{3003}' | '\u{3008}'..='\u{3011}' | '\u{3014}'..='\u{301f}'
        | '\u{ff01}'..='\u{ff0f}' | '\u{ff1a}'..='\u{ff20}' | '\u{ff3b}'..='\u{ff40}'
        | '\u{ff5b}'..='\u{ff65}' | '\u{2018}'..='\u{201f}' | '\u{2026}' | '\u{2014}' | '\u{00b7}')
}

/// A space as extraction leaves it: ASCII, no-break or ideographic.
fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{3000}' | '\t')
}

/// Full-width digits become ASCII ones; one erratum for all of them.
pub(crate) fn full_width_digits(text: &str, errata: &mut Errata) -> String {
    if !text.contains(|c: char| ('０'..='９').contains(&c)) {
        return text.to_string();
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        if !('０'..='９').contains(&chars[i]) {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && ('０'..='９').contains(&chars[i]) {
            let digit = u32::from(chars[i]) - u32::from('０');
            out.push(char::from_digit(digit, 10).unwrap_or('0'));
            i += 1;
        }
        errata.group(Kind::FullWidthDigits, || {
            let run: String = chars[start..i].iter().collect();
            let ascii: String = run
                .chars()
                .map(|c| char::from_digit(u32::from(c) - u32::from('０'), 10).unwrap_or('0'))
                .collect();
            (run, ascii)
        });
    }
    out
}

/// Bold marks `**` removed; one erratum for all of them, its example the first marked word.
pub(crate) fn bold_marks(text: &str, errata: &mut Errata) -> String {
    if !text.contains("**") {
        return text.to_string();
    }
    let example = || {
        let after = text.split_once("**").map_or("", |(_, rest)| rest);
        match after.split_once("**") {
            Some((word, _)) if word.chars().count() <= 12 && !word.contains('\n') => {
                (format!("**{word}**"), word.to_string())
            }
            _ => ("**".to_string(), String::new()),
        }
    };
    for _ in text.matches("**") {
        errata.group(Kind::Bold, example);
    }
    text.replace("**", "")
}

/// Spaces that extraction put into running text, removed; those that belong to it kept.
///
/// - between a Chinese character and a digit or Latin letter (`超过 100 家`, `德国 VDE`,
///   `5G 技术`): typesetting spacing, dropped;
/// - beside full-width punctuation (`， 2020`): dropped;
/// - between two Chinese characters (`十二届五次 会议`): dropped as stray, each listed on its
///   own, unless inside quotation marks or a book title, where it is the text's own
///   (`“重振虎威 加快高质量崛起”`);
/// - between Latin words: kept.
///
/// Runs of spaces that stay are kept as one space; line ends are left alone.
pub(crate) fn spaces(text: &str, errata: &mut Errata) -> String {
    if !text.contains(is_space) {
        return text.to_string();
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    // Depth of “…” and 《…》 before the current position.
    let mut quoted: i32 = 0;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if !is_space(c) {
            match c {
                '“' | '《' | '「' => quoted += 1,
                '”' | '》' | '」' => quoted -= 1,
                _ => {}
            }
            out.push(c);
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && is_space(chars[i]) {
            i += 1;
        }
        let before = start.checked_sub(1).map(|j| chars[j]);
        let after = chars.get(i).copied();
        let (Some(b), Some(a)) = (before, after) else {
            // At the start or end of the text: trimmed without ceremony.
            continue;
        };
        if b == '\n' || a == '\n' {
            continue;
        }
        let latin = |c: char| c.is_ascii_alphanumeric();
        if (is_han(b) && latin(a)) || (latin(b) && is_han(a)) {
            errata.group(Kind::TypesettingSpace, || {
                typesetting_example(&chars, start, i)
            });
        } else if is_cjk_punct(b) || is_cjk_punct(a) {
            errata.group(Kind::PunctuationSpace, || window(&chars, start, i, 4));
        } else if is_han(b) && is_han(a) && quoted <= 0 {
            let (original, corrected) = window(&chars, start, i, 5);
            errata.single(
                original,
                corrected,
                "两个汉字之间多一个空格，疑为提取时混入，已删去。",
            );
        } else {
            out.push(' ');
        }
    }
    out
}

/// Up to `n` characters of the same line either side of the spaces `start..end`, with and
/// without them.
fn window(chars: &[char], start: usize, end: usize, n: usize) -> (String, String) {
    let from = (0..start)
        .rev()
        .take(n)
        .take_while(|&j| chars[j] != '\n')
        .last()
        .unwrap_or(start);
    let to = (end..chars.len())
        .take(n)
        .take_while(|&j| chars[j] != '\n')
        .last()
        .map_or(end, |j| j + 1);
    let original: String = chars[from..to].iter().collect();
    let corrected: String = chars[from..start].iter().chain(&chars[end..to]).collect();
    (original, corrected)
}

/// The first typesetting space as a reader would quote it: `超过 100 家` → `超过100家`.
fn typesetting_example(chars: &[char], start: usize, end: usize) -> (String, String) {
    let latin = |c: char| c.is_ascii_alphanumeric() || c == '.';
    let word = |c: char| is_han(c) || latin(c) || c == '%';
    // Back over the number or word (if the space follows one), then up to two characters.
    let mut from = start;
    while from > 0 && latin(chars[from - 1]) {
        from -= 1;
    }
    let mut taken = 0;
    while from > 0 && taken < 2 && word(chars[from - 1]) {
        from -= 1;
        taken += 1;
    }
    // Forward over the number or word, its own spaces, and the character after it.
    let mut to = end;
    while to < chars.len() && latin(chars[to]) {
        to += 1;
    }
    while to < chars.len() && is_space(chars[to]) {
        to += 1;
    }
    if to < chars.len() && is_han(chars[to]) {
        to += 1;
    }
    let original: String = chars[from..to].iter().collect();
    let corrected: String = original.chars().filter(|&c| !is_space(c)).collect();
    (original, corrected)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn repaired(text: &str) -> (String, Vec<Erratum>) {
        let mut errata = Errata::default();
        let out = spaces(text, &mut errata);
        (out, errata.finish())
    }

    #[test]
    fn typesetting_spaces_go_and_spaces_between_latin_words_stay() {
        let (out, errata) =
            repaired("企业超过 100 家，德国 VDE、5G 技术，资金 3.3 亿元，Deutsche Bank");
        assert_eq!(
            out,
            "企业超过100家，德国VDE、5G技术，资金3.3亿元，Deutsche Bank"
        );
        assert_eq!(errata.len(), 1, "{errata:?}");
        assert_eq!(errata[0].original, "超过 100 家");
        assert_eq!(errata[0].corrected, "超过100家");
        assert!(errata[0].note.contains("共6处"), "{}", errata[0].note);
    }

    #[test]
    fn a_stray_space_between_chinese_is_listed_but_a_quoted_one_kept() {
        let (out, errata) = repaired("十二届五次 会议提出“重振虎威 加快高质量崛起”");
        assert_eq!(out, "十二届五次会议提出“重振虎威 加快高质量崛起”");
        assert_eq!(errata.len(), 1);
        assert_eq!(errata[0].original, "十二届五次 会议提出“");
        assert!(!errata[0].suspected);
    }

    /// A space beside a number, beside punctuation or between two Chinese characters may
    /// be the page's own spacing: its cause is said as a suspicion.
    #[test]
    fn a_space_taken_out_is_suspected_of_the_extraction_not_said_to_be_its() {
        let (_, errata) = repaired("企业超过 100 家 ，十二届五次 会议");
        assert_eq!(errata.len(), 3, "{errata:?}");
        for erratum in &errata {
            assert!(erratum.note.contains("疑为"), "{}", erratum.note);
        }
    }

    #[test]
    fn full_width_digits_become_ascii_once_listed() {
        let mut errata = Errata::default();
        let out = full_width_digits("２０２０年共１９２家", &mut errata);
        assert_eq!(out, "2020年共192家");
        let errata = errata.finish();
        assert_eq!(errata.len(), 1);
        assert_eq!(
            (errata[0].original.as_str(), errata[0].corrected.as_str()),
            ("２０２０", "2020")
        );
    }

    #[test]
    fn bold_marks_go_with_the_first_marked_word_as_example() {
        let mut errata = Errata::default();
        let out = bold_marks("主要有：**一是**出台。**二是**推进。", &mut errata);
        assert_eq!(out, "主要有：一是出台。二是推进。");
        let errata = errata.finish();
        assert_eq!(errata[0].original, "**一是**");
        assert!(errata[0].note.contains("共4处"));
    }

    /// A kind's example is the first place that quotes the transcript word for word: one
    /// with another repair inside it (bold marks taken out) is not found there.
    #[test]
    fn a_kinds_example_quotes_the_transcript_word_for_word() {
        let mut errata = Errata::of("甲：**一是**乙。丙：一是丁。");
        errata.group(Kind::PointsSplit, || {
            ("甲：一是乙".into(), "甲：\n一是乙".into())
        });
        errata.group(Kind::PointsSplit, || {
            ("丙：一是丁".into(), "丙：\n一是丁".into())
        });
        let errata = errata.finish();
        assert_eq!(errata[0].original, "丙：一是丁");
        assert!(errata[0].note.contains("共2处"), "{}", errata[0].note);
    }
}
