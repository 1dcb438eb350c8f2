//! Fitting one line of text into a fixed number of columns.

use std::borrow::Cow;

use unicode_segmentation::UnicodeSegmentation;

use super::width::{AmbiguousWidth, grapheme_width, str_width};

/// The mark that ends a cut text. It is East Asian Ambiguous, so it takes 1 column in
/// [`AmbiguousWidth::Narrow`] and 2 in [`AmbiguousWidth::Wide`].
pub const ELLIPSIS: &str = "…";

/// Fits `s` into `max` display columns under `mode`.
///
/// If `s` fits it is returned unchanged (borrowed). Otherwise the result is the longest prefix
/// of whole graphemes that leaves room for [`ELLIPSIS`], with trailing whitespace removed
/// (`标题 …` looks like a gap, `标题…` like a cut), followed by `…`. A wide character that
/// does not fit is dropped whole, never split. When `max` is narrower than the ellipsis itself
/// (`max` 1 in wide mode) the result is the longest prefix that fits, without a mark.
///
/// Always: `str_width(result, mode) <= max`, and the result is a prefix of `s`, possibly followed
/// by `…`; `max == 0` gives `""`. `s` should be one line ([`crate::text::sanitize_line`]): a
/// `\n` counts 0 columns here.
#[must_use]
pub fn truncate(s: &str, max: usize, mode: AmbiguousWidth) -> Cow<'_, str> {
    let Some((budget, marked)) = room(s, max, mode) else {
        return Cow::Borrowed(s);
    };
    let end = fitting(s.grapheme_indices(true), budget, mode).map_or(0, |(i, g)| i + g.len());
    let prefix = s.get(..end).unwrap_or_default();
    if marked {
        Cow::Owned(format!("{}{ELLIPSIS}", prefix.trim_end()))
    } else {
        Cow::Borrowed(prefix)
    }
}

/// `text` cut to `width` columns and padded to exactly `width`, on the left when
/// `right_aligned`: one cell of a table.
#[must_use]
pub fn fit(text: &str, width: usize, right_aligned: bool, mode: AmbiguousWidth) -> String {
    let cut = truncate(text, width, mode);
    let pad = " ".repeat(width.saturating_sub(str_width(&cut, mode)));
    if right_aligned {
        format!("{pad}{cut}")
    } else {
        format!("{cut}{pad}")
    }
}

/// Fits `s` into `max` display columns under `mode` by cutting its *start*: `…` then the
/// longest suffix of whole graphemes that fits. For a breadcrumb, whose useful part is its
/// end (`…› （二）创新工作机制`). Always `str_width(result, mode) <= max`.
#[must_use]
pub fn truncate_start(s: &str, max: usize, mode: AmbiguousWidth) -> Cow<'_, str> {
    let Some((budget, marked)) = room(s, max, mode) else {
        return Cow::Borrowed(s);
    };
    let start = fitting(s.grapheme_indices(true).rev(), budget, mode).map_or(s.len(), |(i, _)| i);
    let suffix = s.get(start..).unwrap_or_default();
    if marked {
        Cow::Owned(format!("{ELLIPSIS}{}", suffix.trim_start()))
    } else {
        Cow::Borrowed(suffix)
    }
}

/// Between a breadcrumb's names (`二、… › 三是`): the letter's tree joins them so, and
/// [`truncate_crumb`] cuts them apart.
pub const CRUMB_JOIN: &str = " › ";

/// The fewest columns [`truncate_crumb`] leaves a heading above the last that it cuts: its
/// number and the mark (`（一）…`, `二、新…`). With less, the breadcrumb keeps its end as
/// [`truncate_start`] keeps it.
const CRUMB_PART_LEAST: usize = 7;

/// Fits a breadcrumb (names joined by [`CRUMB_JOIN`]) into `max` display columns under
/// `mode`: whole when it fits; else its last name whole, and the names above it cut at their
/// ends, sharing the rest (a short one whole, what it leaves to the longer ones), so that
/// each keeps its number (`二、新县城… › 三是`): cut at its start, a breadcrumb had lost the
/// numbers that say where it is (`…步强化。 › 三是`). A last name too long for that is cut as
/// [`truncate_start`] cuts; a heading alone is cut at its end, after its number. Always
/// `str_width(result, mode) <= max`.
#[must_use]
pub fn truncate_crumb(s: &str, max: usize, mode: AmbiguousWidth) -> Cow<'_, str> {
    if str_width(s, mode) <= max {
        return Cow::Borrowed(s);
    }
    let Some((above, last)) = s.rsplit_once(CRUMB_JOIN) else {
        // One heading: its number stays (`一、关于健全…`); cut at its start, the status row
        // had said `…产业发展管理服务机制的建议`, which of five suggestions not said.
        return match heading_number(s) {
            Some(_) => truncate(s, max, mode),
            None => truncate_start(s, max, mode),
        };
    };
    let parts: Vec<&str> = above.split(CRUMB_JOIN).collect();
    let joins = str_width(CRUMB_JOIN, mode) * parts.len();
    let room = max.saturating_sub(str_width(last, mode) + joins);
    let widths: Vec<usize> = parts.iter().map(|part| str_width(part, mode)).collect();
    let shares = shares(&widths, room);
    let cut_too_short = (widths.iter().zip(&shares))
        .any(|(&width, &share)| width > share && share < CRUMB_PART_LEAST);
    if cut_too_short {
        return numbered(&parts, last, max, mode)
            .map_or_else(|| truncate_start(s, max, mode), Cow::Owned);
    }
    let mut out = String::with_capacity(s.len());
    for (part, share) in parts.iter().zip(shares) {
        out.push_str(&truncate(part, share, mode));
        out.push_str(CRUMB_JOIN);
    }
    out.push_str(last);
    Cow::Owned(out)
}

/// A breadcrumb too narrow for its headings' names, by their numbers alone (as the letter
/// numbers a place: `三、（一） › 一是`), then with its last name after them, cut at its end
/// (`三、（一）一是`, `二、（一）大力支…`); `None` when a heading has no number, or the
/// numbers leave the last name too little room.
fn numbered(parts: &[&str], last: &str, max: usize, mode: AmbiguousWidth) -> Option<String> {
    let numbers: String = parts
        .iter()
        .map(|part| heading_number(part))
        .collect::<Option<_>>()?;
    let joined = format!("{numbers}{CRUMB_JOIN}{last}");
    if str_width(&joined, mode) <= max {
        return Some(joined);
    }
    let room = max.checked_sub(str_width(&numbers, mode))?;
    (room >= CRUMB_LAST_LEAST).then(|| format!("{numbers}{}", truncate(last, room, mode)))
}

/// The fewest columns [`numbered`] leaves the last name after the numbers: a character and
/// the mark, or a point's `一是`.
const CRUMB_LAST_LEAST: usize = 4;

/// The number a heading begins with, its mark included: `三、` of `三、关于…`, `（一）` of
/// `（一）加强…`; `None` for a name without one (`开头`).
fn heading_number(heading: &str) -> Option<&str> {
    let end = heading
        .char_indices()
        .take(6)
        .find(|&(_, c)| matches!(c, '、' | '）'))
        .map(|(at, c)| at + c.len_utf8())?;
    heading.get(..end)
}

/// `room` shared among parts `widths` wide: the narrowest first, each its width when it fits
/// its even share of what is left, else that share. Never more than `room` in all.
fn shares(widths: &[usize], room: usize) -> Vec<usize> {
    let mut order: Vec<usize> = (0..widths.len()).collect();
    order.sort_by_key(|&i| widths[i]);
    let mut shares = vec![0; widths.len()];
    let mut left = room;
    for (taken, &i) in order.iter().enumerate() {
        let share = left / (widths.len() - taken);
        shares[i] = widths[i].min(share);
        left -= shares[i];
    }
    shares
}

/// Fits a file's path into `max` display columns under `mode`: whole when it fits; else its
/// folders give way first (`…/baiyin-2022.txt`), and a name too long even alone keeps its
/// start and its end (`baiyin-zi…-2022.txt`): the names of one folder's letters differ at
/// either. Always `str_width(result, mode) <= max`.
#[must_use]
pub fn truncate_path(s: &str, max: usize, mode: AmbiguousWidth) -> Cow<'_, str> {
    let Some((budget, marked)) = room(s, max, mode) else {
        return Cow::Borrowed(s);
    };
    // Split where the system splits a path (`/`, and `\` too on Windows).
    let name = s
        .rfind(std::path::is_separator)
        .and_then(|at| s.get(at + 1..))
        .unwrap_or(s);
    if !marked {
        return truncate(name, max, mode);
    }
    if name.len() < s.len() {
        // The folders' place marked, with their `/` when there is room for it.
        let separator = std::path::MAIN_SEPARATOR;
        for in_folder in [
            format!("{ELLIPSIS}{separator}{name}"),
            format!("{ELLIPSIS}{name}"),
        ] {
            if str_width(&in_folder, mode) <= max {
                return Cow::Owned(in_folder);
            }
        }
    }
    Cow::Owned(cut_middle(name, budget, mode))
}

/// Fits a path relative to a shelf's folder into `max` columns: as [`truncate_path`], but
/// its folders are the shelf's own sub-folders, which tell its letters apart and order them
/// (`variants/…`), so a path too long is cut in its middle whole, keeping the start of its
/// folders and the end of its name (`variants/shi…-bom.txt`), not its folders first.
#[must_use]
pub fn truncate_relative_path(s: &str, max: usize, mode: AmbiguousWidth) -> Cow<'_, str> {
    match room(s, max, mode) {
        Some((budget, true)) if s.contains(std::path::is_separator) => {
            Cow::Owned(cut_middle(s, budget, mode))
        }
        _ => truncate_path(s, max, mode),
    }
}

/// `name` cut in its middle to `budget` columns and the ellipsis: its start and its end,
/// and the number it ends with whole when some of the start still stands beside it.
fn cut_middle(name: &str, budget: usize, mode: AmbiguousWidth) -> String {
    // The start takes half the room, the end the rest of it.
    let head_end = fitting(name.grapheme_indices(true), budget.div_ceil(2), mode)
        .map_or(0, |(i, g)| i + g.len());
    let head = name.get(..head_end).unwrap_or_default();
    let left = budget.saturating_sub(str_width(head, mode));
    let tail_start = fitting(name.grapheme_indices(true).rev(), left, mode)
        .map_or(name.len(), |(i, _)| i)
        .max(head_end);
    // The number a name ends with (`letter-00012.yaml`) is what tells a folder's numbered
    // letters apart: kept whole when some of the start still stands beside it.
    let numbered = last_number(name).filter(|&at| {
        at < tail_start
            && str_width(name.get(at..).unwrap_or_default(), mode) + NAME_HEAD_KEPT <= budget
    });
    // Some of the start stands beside the number (a wide first character may not fit the
    // room left), or the cut is the balanced one.
    let beside_number = numbered.and_then(|at| {
        let left = budget - str_width(name.get(at..).unwrap_or_default(), mode);
        let head_end = fitting(name.grapheme_indices(true), left, mode)
            .map_or(0, |(i, g)| i + g.len())
            .min(at);
        (head_end > 0).then(|| (name.get(..head_end).unwrap_or_default(), at))
    });
    let (head, tail_start) = beside_number.unwrap_or((head, tail_start));
    let tail = name.get(tail_start..).unwrap_or_default();
    format!("{head}{ELLIPSIS}{tail}")
}

/// The fewest columns of a name's start kept beside the number it ends with.
const NAME_HEAD_KEPT: usize = 1;

/// Where the number `name` ends with begins: the run of ASCII digits just before its
/// extension (or its end), if it has one.
fn last_number(name: &str) -> Option<usize> {
    let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
    let digits = stem.len() - stem.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    (digits > 0).then(|| stem.len() - digits)
}

/// `None` when `s` fits in `max` columns; otherwise the columns left for text and whether
/// the ellipsis fits beside it (it does not when `max` is narrower than the mark itself).
fn room(s: &str, max: usize, mode: AmbiguousWidth) -> Option<(usize, bool)> {
    if str_width(s, mode) <= max {
        return None;
    }
    let ellipsis_width = grapheme_width(ELLIPSIS, mode);
    let marked = ellipsis_width <= max;
    Some((if marked { max - ellipsis_width } else { max }, marked))
}

/// The last of `graphemes` (walked from either end) that still fits in `budget` columns,
/// whole graphemes only: a wide character that does not fit is dropped, never split.
fn fitting<'s>(
    graphemes: impl Iterator<Item = (usize, &'s str)>,
    budget: usize,
    mode: AmbiguousWidth,
) -> Option<(usize, &'s str)> {
    let mut used = 0;
    let mut last = None;
    for (i, g) in graphemes {
        used += grapheme_width(g, mode);
        if used > budget {
            break;
        }
        last = Some((i, g));
    }
    last
}

/// Closing marks that belong to the sentence they follow: `他说：“好。”` ends after the `”`.
const SENTENCE_CLOSERS: [char; 8] = ['”', '’', '」', '』', '）', '》', '〕', '】'];

/// The first sentence of `s`: up to and including the first `。`, `！` or `？` (and any closing
/// quotes or brackets right after it, so that a quoted sentence keeps its `”`), or all of `s`
/// when it has none. Used for one-line previews of paragraphs.
#[must_use]
pub fn first_sentence(s: &str) -> &str {
    let Some(stop) = s.find(['。', '！', '？']) else {
        return s;
    };
    // Each of the three terminators is three bytes in UTF-8.
    let mut end = stop + '。'.len_utf8();
    for c in s.get(end..).unwrap_or_default().chars() {
        if !SENTENCE_CLOSERS.contains(&c) {
            break;
        }
        end += c.len_utf8();
    }
    s.get(..end).unwrap_or(s)
}

/// The most characters of a paragraph's name ([`paragraph_name`]).
pub const NAME_CHARS: usize = 20;

/// What names a paragraph that has no title (a numbered paragraph, a point 一是…) in the
/// outline, a breadcrumb and a search's line: its first sentence, and of a long one, its
/// first clause or its first [`NAME_CHARS`] characters, with `…` for the rest. A name the
/// length of its paragraph repeated the paragraph after it, in a search's `PATH: name: …`.
/// A sentence is long by its words: its full stop and closing quotes are not cut to save a
/// character or two (`…轮流坐诊…` had stood for a sentence one `。` too long).
#[must_use]
pub fn paragraph_name(paragraph: &str) -> std::borrow::Cow<'_, str> {
    let sentence = first_sentence(paragraph);
    let words = sentence
        .trim_end_matches(|c| matches!(c, '。' | '！' | '？') || SENTENCE_CLOSERS.contains(&c));
    if words.chars().nth(NAME_CHARS).is_none() {
        return sentence.into();
    }
    let clause = (sentence.char_indices())
        .take(NAME_CHARS)
        .skip(4)
        .find(|&(_, c)| matches!(c, '，' | '；' | '：' | '、'))
        .map(|(at, _)| at);
    let end = clause.unwrap_or_else(|| {
        (sentence.char_indices())
            .nth(NAME_CHARS)
            .map_or(sentence.len(), |(at, _)| at)
    });
    format!("{}{ELLIPSIS}", sentence.get(..end).unwrap_or(sentence)).into()
}

#[cfg(test)]
mod tests {
    use super::*;
    use AmbiguousWidth::{Narrow, Wide};

    #[test]
    fn a_paragraph_is_named_by_its_first_sentence_or_clause() {
        assert_eq!(
            paragraph_name("出台相关政策规划。2019年9月，市政府出台"),
            "出台相关政策规划。"
        );
        assert_eq!(
            paragraph_name("根据县领导安排，我局正在组织专班就新县城医疗资源整合进行调研、论证。"),
            "根据县领导安排…"
        );
        // No clause within the first characters: those characters.
        let long = "将部分特色专科已落地在新县城如肿瘤放疗专科介入治疗医养等。";
        assert_eq!(
            paragraph_name(long),
            "将部分特色专科已落地在新县城如肿瘤放疗专…"
        );
        assert_eq!(paragraph_name(""), "");
        // Twenty characters and a full stop: whole, not its words cut to drop the stop.
        let twenty = "选派专家到乡镇卫生院轮流坐诊方便群众就医。";
        assert_eq!(twenty.chars().count(), 21);
        assert_eq!(paragraph_name(twenty), twenty);
        let quoted = "他说：“加强顶层设计完善政策体系推动集聚。”然后";
        assert_eq!(
            paragraph_name(quoted),
            "他说：“加强顶层设计完善政策体系推动集聚。”"
        );
    }

    #[test]
    fn a_breadcrumb_keeps_each_heading_s_number_and_its_last_name() {
        let crumb = "二、新县城的医疗资源已在逐步强化。 › 三是";
        assert_eq!(truncate_crumb(crumb, 60, Narrow), crumb);
        assert_eq!(truncate_crumb(crumb, 16, Narrow), "二、新县… › 三是");
        let deep =
            "四、关于引进培育新一代智能产业人才的建议 › （一）推进人才立法，落实人才政策 › 二是";
        let cut = truncate_crumb(deep, 30, Narrow);
        assert_eq!(cut, "四、关于… › （一）推… › 二是");
        assert!(str_width(&cut, Narrow) <= 30);
        // A short heading whole, what it leaves to the long one.
        let short = "一、短 › （一）推进人才立法落实人才政策和措施 › 二是";
        assert_eq!(
            truncate_crumb(short, 32, Narrow),
            "一、短 › （一）推进人才… › 二是"
        );
        // Too little room to keep （一） and its mark with some of its name: the numbers alone.
        let numbers = "（一）推进人才立法 › （二）促进产业公共服务 › 二是";
        assert_eq!(truncate_crumb(numbers, 22, Narrow), "（一）（二） › 二是");
        // Less room: the numbers and the last name, cut at its end if need be.
        assert_eq!(truncate_crumb(numbers, 16, Narrow), "（一）（二）二是");
        let measure =
            "二、关于引进培育一批人工智能开放性创新中心的建议 › （一）大力支持科技创新平台建设";
        assert_eq!(truncate_crumb(measure, 15, Narrow), "二、（一）大力…");
        // Less still, or a heading without a number: the end, as before.
        assert_eq!(
            truncate_crumb(numbers, 14, Narrow),
            truncate_start(numbers, 14, Narrow)
        );
        let opening = "开头段落很长很长很长 › 第二段";
        assert_eq!(
            truncate_crumb(opening, 12, Narrow),
            truncate_start(opening, 12, Narrow)
        );
        // Too little room for a heading's name: its number and the last name.
        assert_eq!(truncate_crumb(crumb, 10, Narrow), "二、三是");
        assert_eq!(
            truncate_crumb(crumb, 7, Narrow),
            truncate_start(crumb, 7, Narrow)
        );
        // Not a breadcrumb: its end.
        assert_eq!(
            truncate_crumb("开头与结尾之间的一段", 9, Narrow),
            "…间的一段"
        );
        // A heading alone: its number and the start of its name.
        let heading = "五、关于构建新一代人工智能产业发展融资平台的建议";
        assert_eq!(truncate_crumb(heading, 16, Narrow), "五、关于构建新…");
        for max in 0..60 {
            assert!(
                str_width(&truncate_crumb(deep, max, Narrow), Narrow) <= max,
                "{max}"
            );
        }
    }

    #[test]
    fn a_path_loses_its_folders_first_then_the_middle_of_its_name() {
        let path = "/home/reader/replies/baiyin-ziranziyuan-2022.txt";
        assert_eq!(truncate_path(path, 60, Narrow), path);
        assert_eq!(
            truncate_path(path, 30, Narrow),
            "…/baiyin-ziranziyuan-2022.txt"
        );
        assert_eq!(
            truncate_path(path, 28, Narrow),
            "…baiyin-ziranziyuan-2022.txt"
        );
        let cut = truncate_path(path, 20, Narrow);
        assert_eq!(cut, "baiyin-zir…-2022.txt");
        for max in 0..60 {
            for mode in [Narrow, Wide] {
                let cut = truncate_path(path, max, mode);
                assert!(str_width(&cut, mode) <= max, "{max}: {cut}");
            }
        }
        // A numbered name keeps its number whole, and what of its start fits beside it.
        assert_eq!(
            truncate_path("letter-00012.yaml", 14, Narrow),
            "let…00012.yaml"
        );
        assert_eq!(
            truncate_path("/shelf/letter-00012.yaml", 12, Narrow),
            "l…00012.yaml"
        );
        assert_eq!(truncate_path("letter-00012.yaml", 9, Narrow), "lett…yaml");
        // Only the number the name ends with: not one inside it.
        assert_eq!(
            truncate_path("scan-2021-final-reply.txt", 16, Narrow),
            "scan-202…ply.txt"
        );
        // A wide start that leaves no room beside the number: the balanced cut.
        let cut = truncate_path("答复00012.yaml", 12, Narrow);
        assert!(
            cut.starts_with('答') && str_width(&cut, Narrow) <= 12,
            "{cut}"
        );
        // A path within a shelf keeps the start of its folders, which order its letters.
        assert_eq!(
            truncate_relative_path("variants/shilin-weijian-2022-crlf-bom.txt", 24, Narrow),
            "variants/shi…rlf-bom.txt"
        );
        assert_eq!(
            truncate_relative_path("shilin-weijian-2022-crlf-bom.txt", 24, Narrow),
            truncate_path("shilin-weijian-2022-crlf-bom.txt", 24, Narrow)
        );
        // A wide name, cut between characters, never through one.
        assert_eq!(
            truncate_path("答复/中山市科学技术局答复.txt", 13, Narrow),
            "中山市…复.txt"
        );
    }

    #[test]
    fn fit_pads_by_display_width() {
        assert_eq!(fit("近1.8亿元", 12, true, Narrow), "   近1.8亿元");
        assert_eq!(fit("支出", 6, false, Narrow), "支出  ");
        assert_eq!(fit("中山市科学技术局", 7, false, Narrow), "中山市…");
    }

    const FUNDS: &str = "全市累计投入科技资金近1.8亿元。";

    #[test]
    fn fitting_text_is_borrowed() {
        assert!(matches!(truncate(FUNDS, 100, Narrow), Cow::Borrowed(_)));
        assert_eq!(truncate(FUNDS, str_width(FUNDS, Wide), Wide), FUNDS);
        assert_eq!(truncate("", 0, Narrow), "");
    }

    #[test]
    fn wide_character_that_does_not_fit_is_dropped_whole() {
        // 全市 is 4 columns, … 1: 5 fits; at 6 the next 累 (2) would make 7.
        assert_eq!(truncate(FUNDS, 5, Narrow), "全市…");
        assert_eq!(truncate(FUNDS, 6, Narrow), "全市…");
        assert_eq!(truncate(FUNDS, 7, Narrow), "全市累…");
    }

    #[test]
    fn ellipsis_counts_two_in_wide_mode() {
        assert_eq!(truncate(FUNDS, 6, Wide), "全市…");
        assert_eq!(truncate(FUNDS, 5, Wide), "全…");
        assert_eq!(str_width(&truncate(FUNDS, 5, Wide), Wide), 4);
    }

    #[test]
    fn tiny_widths() {
        assert_eq!(truncate(FUNDS, 0, Narrow), "");
        assert_eq!(truncate(FUNDS, 0, Wide), "");
        assert_eq!(truncate(FUNDS, 1, Narrow), "…");
        // The ellipsis alone is too wide: the longest prefix that fits, here nothing.
        assert_eq!(truncate(FUNDS, 1, Wide), "");
        assert_eq!(truncate("abc", 1, Wide), "a");
        assert_eq!(truncate(FUNDS, 2, Narrow), "…");
    }

    #[test]
    fn numbers_and_quotes_are_cut_at_graphemes() {
        assert_eq!(truncate("“放管服”改革", 6, Narrow), "“放管…");
        assert_eq!(truncate("“放管服”改革", 6, Wide), "“放…");
        assert_eq!(truncate("近1.8亿元", 5, Narrow), "近1.…");
    }

    #[test]
    fn whitespace_before_the_cut_is_dropped() {
        assert_eq!(truncate("（一） 加强顶层设计", 8, Narrow), "（一）…");
    }

    #[test]
    fn combining_marks_stay_with_their_base() {
        assert_eq!(truncate("e\u{301}e\u{301}e\u{301}", 2, Narrow), "e\u{301}…");
    }

    #[test]
    fn truncating_the_start_keeps_the_end() {
        let crumb = "一、关于健全新一代人工智能产业发展管理服务机制的建议 › （二）创新工作机制";
        let cut = truncate_start(crumb, 24, Narrow);
        assert!(
            cut.starts_with(ELLIPSIS) && cut.ends_with("（二）创新工作机制"),
            "{cut}"
        );
        assert!(str_width(&cut, Narrow) <= 24);
        for max in 0..40 {
            for mode in [Narrow, Wide] {
                let cut = truncate_start(crumb, max, mode);
                assert!(str_width(&cut, mode) <= max, "{max} {mode:?}: {cut}");
                assert!(crumb.ends_with(cut.trim_start_matches(ELLIPSIS)));
            }
        }
        assert_eq!(truncate_start("短", 10, Narrow), "短");
    }

    #[test]
    fn first_sentence_stops_at_chinese_terminators() {
        assert_eq!(
            first_sentence("（一）加强顶层设计。近年来，我市……"),
            "（一）加强顶层设计。"
        );
        assert_eq!(first_sentence("是否可行？请研究。"), "是否可行？");
        assert_eq!(first_sentence("好！"), "好！");
        assert_eq!(first_sentence("没有句号的标题"), "没有句号的标题");
        assert_eq!(first_sentence(""), "");
        assert_eq!(first_sentence("他说：“好。”然后"), "他说：“好。”");
        // ASCII full stops are not sentence ends in a Chinese text: 1.8 must stay whole.
        assert_eq!(first_sentence("近1.8亿元。余"), "近1.8亿元。");
    }
}
