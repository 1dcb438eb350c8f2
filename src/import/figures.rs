//! Figures found in a node's text, read with the shared figure grammar
//! ([`crate::numbers::phrase`]): amounts, counts and percentages (`352万元`, `45个`, `6%`), a
//! list sharing one unit (`80、60、40万元`: three figures with one text), and the letter's hedge
//! (`近1.8亿元`, `超87亿元`, or from earlier in the clause: `共认定…64家`).
//!
//! The importer takes the phrases written in Arabic numerals, as the schema's figures are;
//! phrases in Chinese numerals (`八项工作`, `四个方面`) are mostly wording, not data, and are
//! listed for a person instead. `what` is drafted from the clause around the figure (the one
//! `dafu check` reads a kind of money in, [`crate::numbers::clause`]), so that the kind read
//! from a drafted `what` is one its clause words, and within it from the words between the
//! numbers before and after the figure, figures or not (`1.2万` of 「在500余个小区增设了1.2万
//! 停车位」): the words past another number are about that number; the period
//! from the words of its sentence (`2020年`, `近5年`, `目前`…), the status from its plan words
//! (`将`, `计划`…, not 计划 naming a programme: 特岗计划) in its sentence before it, or in its
//! clause after it a plan with its time (`…8000万元的项目即将开工`, `将于`);
//! all need a person's review.

use crate::letter::load::value_problem;
use crate::letter::places::stands_alone;
use std::ops::Range;

use crate::letter::check::PLAN_WORDS;
use crate::letter::{Figure, Status};
use crate::numbers::clause::{Clauses, ends_part, ends_sentence};
use crate::numbers::period::{Period, RANGE_MARKS, begins_a_range};
use crate::numbers::phrase::{self, Found};
use crate::numbers::range::{End, range_ending};
use crate::numbers::units::{Hedge, Place, Unit};

/// Figures of a node's text, and the phrases that were not taken: in Chinese numerals, or with
/// a value `dafu check` would refuse.
pub(crate) struct NodeFigures {
    pub figures: Vec<Figure>,
    pub skipped: Vec<String>,
    /// Where numbers in 万 or 亿 with no unit after them stand (`1.2万` of `1.2万停车位`):
    /// quantities the vocabulary has no measure word for, left to a person.
    pub unitless: Vec<Range<usize>>,
    /// Where ranges of amounts stand (`200至800元`), from their first number to their last
    /// one's unit: not taken as figures ([`ranges`]).
    pub ranges: Vec<Range<usize>>,
}

/// The figures of a node's text, `what`, period and status drafted.
pub(crate) fn figures(text: &str) -> NodeFigures {
    let found = phrase::find_all(text);
    let clauses = Clauses::new(text);
    let bare = bare_numbers(text, &found);
    let ranges = ranges(text, &found);
    let mut out = NodeFigures {
        figures: Vec::new(),
        skipped: Vec::new(),
        unitless: unitless(text, &bare, &ranges.spans),
        ranges: Vec::new(),
    };
    let numbers = numbers(text, &found, &bare);
    // Where each figure's phrase stands and its unit, for the figures that are a phrase's
    // one amount: a list written with its units says what it counts once.
    let mut spans: Vec<Option<(Range<usize>, &str)>> = Vec::new();
    for (f, &in_range) in found.iter().zip(&ranges.ends) {
        let Some(written) = text.get(f.range.clone()) else {
            continue;
        };
        if in_range {
            continue;
        }
        if !arabic(text, f) {
            out.skipped.push(written.to_string());
            continue;
        }
        let drafted = draft(text, (f, &numbers), &clauses, written);
        // A value `dafu check` refuses (3.3家, a count with a fraction) is left to a person:
        // the draft must pass check, and a list is taken whole or not at all.
        // So is a phrase that `dafu check` would read as the tail of a longer number (`3万元`
        // of `3.33.3万元`).
        let trimmed = written.trim_start();
        let at = f.range.start + (written.len() - trimmed.len());
        let alone = stands_alone(text, at, trimmed.trim_end());
        if !alone || drafted.iter().any(|f| value_problem(f).is_some()) {
            out.skipped.push(written.to_string());
        } else {
            let one = (drafted.len() == 1).then(|| (f.range.clone(), f.phrase.unit));
            spans.extend(std::iter::repeat_n(one, drafted.len()));
            out.figures.extend(drafted);
        }
    }
    name_lists(text, &mut out.figures, &spans);
    out.ranges = ranges.spans;
    out
}

/// Whether phrase `f` of `text` is written in Arabic numerals, as the schema's figures are.
fn arabic(text: &str, f: &Found) -> bool {
    (f.phrase.items.first())
        .and_then(|i| text.get(i.range.clone()))
        .is_some_and(|n| n.starts_with(|c: char| c.is_ascii_digit()))
}

/// The ranges of amounts of a node's text: where each stands, and which phrases are their
/// ends.
struct Ranges {
    /// Where each range stands, from its first number to its last one's unit, in order.
    spans: Vec<Range<usize>>,
    /// Per phrase of `found`, whether it is an end of a range.
    ends: Vec<bool>,
}

/// The ranges of amounts among the phrases `found` of `text` (in order): a phrase in Arabic
/// numerals that ends one, as [`range_ending`] reads it (「200至800元」「600元至1200元」
/// 「2万至5万元」「1.5-2万元」), and the phrase of its first end, if it is one. A range is no
/// figure: its two ends are no sum, and drafted as a figure of its last amount, a chart added
/// it to the sums around it. Years are no phrase (年 is no unit): a range of years stays a
/// period (「2021年至2023年」).
fn ranges(text: &str, found: &[Found]) -> Ranges {
    let mut out = Ranges {
        spans: Vec::new(),
        ends: vec![false; found.len()],
    };
    for (k, f) in found.iter().enumerate() {
        if !arabic(text, f) {
            continue;
        }
        let Some((span, End::Upper)) = range_ending(text, f.range.clone(), f.phrase.unit) else {
            continue;
        };
        out.ends[k] = true;
        // The first end written as a phrase of its own (「600元」 of 「600元至1200元」).
        if let Some(j) = k
            .checked_sub(1)
            .filter(|&j| found[j].range.end > span.start)
        {
            out.ends[j] = true;
        }
        // A range of ordinals (「第1-3批」「第3至5名」) counts nothing: no figure, and no
        // note of a range of amounts.
        let ordinal = (text.get(..span.start)).is_some_and(|t| t.ends_with('第'));
        if !ordinal {
            out.spans.push(span);
        }
    }
    out
}

/// Figures written one after another, each with its unit and a 、 between them, of which
/// only the first says what they count (「补助额度分别为80万元、60万元、40万元」): each counts
/// what the first does, as the items of 「80、60、40万元」 do (`补助额度（第2项）`). `spans`
/// gives, for each figure that is its phrase's one amount, where the phrase stands and its
/// unit.
fn name_lists(text: &str, figures: &mut [Figure], spans: &[Option<(Range<usize>, &str)>]) {
    let mut i = 0;
    while i < figures.len() {
        // The figures after the i-th that go on its list.
        let mut end = i + 1;
        while end < figures.len() && listed_after(text, spans, end - 1, end, &figures[end]) {
            end += 1;
        }
        if end - i > 1 && figures[i].what != UNKNOWN_WHAT {
            let what = figures[i].what.clone();
            for (k, figure) in figures[i..end].iter_mut().enumerate() {
                figure.what = format!("{what}（第{}项）", k + 1);
            }
        }
        i = end;
    }
}

/// Whether figure `next` (`figure`) goes on the list of figure `previous`: both are one
/// amount in one unit, only a 、 between them, and `next` counts nothing of its own words.
fn listed_after(
    text: &str,
    spans: &[Option<(Range<usize>, &str)>],
    previous: usize,
    next: usize,
    figure: &Figure,
) -> bool {
    let (Some(Some((before, unit))), Some(Some((after, next_unit)))) =
        (spans.get(previous), spans.get(next))
    else {
        return false;
    };
    let between = text.get(before.end..after.start).unwrap_or_default();
    between.trim() == "、" && unit == next_unit && figure.what == UNKNOWN_WHAT
}

/// An Arabic number outside every figure phrase: its digits and the 万, 亿, 千 or 百 after
/// them, with a hedge written inside it (`1200余`, `400余万`, `3万余`).
struct Bare {
    range: Range<usize>,
    /// Where its multiplier ends: where a unit would stand.
    scaled: usize,
    /// Whether 万 or 亿 multiplies it.
    multiplied: bool,
}

/// The Arabic numbers of `text` outside every phrase `found` (which are in order, so one pass
/// over both is enough), each read whole.
fn bare_numbers(text: &str, found: &[Found]) -> Vec<Bare> {
    let mut out = Vec::new();
    let number = |c: char| c.is_ascii_digit() || c == '.';
    let hedge = |at: usize| {
        let rest = text.get(at..).unwrap_or_default();
        Hedge::at_start(rest, Place::Inside).map_or(0, |h| h.word().len())
    };
    let mut phrases = found.iter().peekable();
    let mut at = 0;
    while let Some(start) = text
        .get(at..)
        .and_then(|r| r.find(|c: char| c.is_ascii_digit()))
        .map(|i| at + i)
    {
        let rest = text.get(start..).unwrap_or_default();
        let digits = start + rest.find(|c: char| !number(c)).unwrap_or(rest.len());
        let scale_at = digits + hedge(digits);
        let after = text.get(scale_at..).unwrap_or_default();
        let scale = after
            .find(|c: char| !matches!(c, '万' | '亿' | '千' | '百'))
            .unwrap_or(after.len());
        let multiplied = after.get(..scale).is_some_and(|m| m.contains(['万', '亿']));
        // Without a multiplier, a hedge after the digits is theirs (1200余), not a number's.
        let scaled = if scale == 0 { digits } else { scale_at + scale };
        let end = scaled + hedge(scaled);
        while phrases.next_if(|f| f.range.end <= start).is_some() {}
        let inside = phrases.peek().is_some_and(|f| f.range.contains(&start));
        let begins_number = text.get(..start).is_none_or(|b| !b.ends_with(number));
        if begins_number && !inside {
            out.push(Bare {
                range: start..end,
                scaled,
                multiplied,
            });
        }
        at = end.max(start + 1);
    }
    out
}

/// Where the numbers of `bare` in 万 or 亿 with no unit after them stand (`1.2万停车位`), up
/// to their multiplier; not those that begin a range of `ranges` (in order), whose unit is
/// its last amount's (`2万` of `2万至5万元`).
fn unitless(text: &str, bare: &[Bare], ranges: &[Range<usize>]) -> Vec<Range<usize>> {
    let begins_range = |b: &Bare| {
        ranges
            .binary_search_by_key(&b.range.start, |r| r.start)
            .is_ok()
    };
    (bare.iter())
        .filter(|b| b.multiplied && !begins_range(b))
        .filter(|b| Unit::at_start(text.get(b.scaled..).unwrap_or_default()).is_none())
        .map(|b| b.range.start..b.scaled)
        .collect()
}

/// Where the numbers of `text` that count or measure something stand, in order: the phrases
/// `found`, and the numbers of `bare` that are quantities ([`is_quantity`]). The words of
/// one are not what another counts: they bound each figure's `what`.
fn numbers(text: &str, found: &[Found], bare: &[Bare]) -> Vec<Range<usize>> {
    let quantities = (bare.iter())
        .filter(|b| is_quantity(text, b.range.clone()))
        .map(|b| b.range.clone());
    let mut out: Vec<Range<usize>> = found.iter().map(|f| f.range.clone()).collect();
    out.extend(quantities);
    out.sort_by_key(|r| r.start);
    out
}

/// Whether the number at `range` of `text` (outside any figure) counts or measures something,
/// as `1.2万` of 「增设了1.2万停车位」 or `1200` of 「1200余个」 do: not an ordinal (第3批),
/// a date or a time (2020年, 2月底, 近5年, 8日), a document's year or number (〔2020〕81号),
/// a part of a name (5G, G210, A20250015), nor the first number of a range, which is read
/// with its last (1-6月).
fn is_quantity(text: &str, range: Range<usize>) -> bool {
    let before = text.get(..range.start).and_then(|b| b.chars().next_back());
    let after = text.get(range.end..).unwrap_or_default();
    let next = after.chars().next();
    let latin = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphabetic());
    !(begins_a_range(after)
        || latin(before)
        || latin(next)
        || matches!(before, Some('第' | '〔' | '﹝' | '[' | '［' | '【'))
        || matches!(next, Some('年' | '月' | '日' | '号')))
}

/// The figures that phrase `f` (in `text`, written `written`) states, one per amount, with
/// `what`, qualifier, period and status drafted from the words around it: `what` and a plan
/// said after the figure from its clause (`clauses`, as `dafu check` reads a kind of money
/// there), between the `numbers` (in order, [`numbers`]) before and after it.
fn draft(
    text: &str,
    (f, numbers): (&Found, &[Range<usize>]),
    clauses: &Clauses,
    written: &str,
) -> Vec<Figure> {
    let qualifier = f.phrase.qualifier.or(f.governing).map(str::to_string);
    // The neighbouring numbers bound `what`: the words past another number are about it.
    let before_end = numbers
        .partition_point(|g| g.end <= f.range.start)
        .checked_sub(1)
        .map_or(0, |g| numbers[g].end);
    let after_start = numbers
        .get(numbers.partition_point(|g| g.start < f.range.end))
        .map_or(text.len(), |g| g.start);
    let clause = clauses.around(f.range.clone());
    // The figure's clause, without the words of the numbers before and after it.
    let own = clause.start.max(before_end)..clause.end.min(after_start).max(f.range.end);
    let what = draft_what(text, f.range.clone(), own.clone());
    // The part of its sentence up to the figure (`；` parts a sentence), and the sentence up
    // to it: a period said at the head of a list (`今年以来，清扫路面23784km；清运垃圾约
    // 1385方`) dates each of its items, as `dafu check` reads it.
    let sentence = sentence_before(text, f, ends_part);
    // Read back as `dafu check` reads it; the sentence (a part of the node's text) is
    // where it was found, and reading only that keeps the work linear.
    let whole = sentence_before(text, f, ends_sentence);
    let period = list_period(draft_period(sentence), draft_period(whole))
        .filter(|p| Period::parse(p).is_some_and(|period| period.stated_in(whole)));
    // The plan may be said after the figure, in its own clause: 「投资8000万元的…项目即将开工
    // 建设」.
    let after = text.get(f.range.end..own.end).unwrap_or_default();
    let status = if plans(sentence) || plans_after(after) {
        Status::Planned
    } else {
        Status::Done
    };
    let items = f.phrase.items.len();
    let mut drafted = Vec::with_capacity(items);
    for (i, item) in f.phrase.items.iter().enumerate() {
        let what = if items > 1 {
            format!("{what}（第{}项）", i + 1)
        } else {
            what.clone()
        };
        drafted.push(Figure {
            text: written.trim().to_string(),
            value: item.value,
            unit: f.phrase.unit.to_string(),
            kind: Unit::from_word(f.phrase.unit).map(Unit::kind),
            what,
            qualifier: qualifier.clone(),
            period: period.clone(),
            status,
            part_of: None,
            money_kind: None,
        });
    }
    drafted
}

/// Words before 争取 that make it done: 「先后争取2400万元」 reports money won.
const DONE_BEFORE: [&str; 6] = ["先后", "已经", "已", "累计", "共", "成功"];

/// Whether the sentence up to its figure says the figure is planned: one of the plan words,
/// and no 已 after the last of them (「我局将继续推进，2022年已完成改造356公里」 reports work
/// done). Not a plan: 将 after 已 (「已将…纳入预算」: has put), nor 争取 written of what is done
/// (「先后争取」「争取到」「争取了」, or in a sentence of what was done since a time:
/// 「今年以来，我局争取上级补助资金近2亿元」).
fn plans(sentence: &str) -> bool {
    let plan = |w: &str, at: usize| {
        let before = sentence.get(..at).unwrap_or("");
        let after = sentence.get(at + w.len()..).unwrap_or("");
        match w {
            "将" => !before.ends_with('已') && !before.ends_with("已经"),
            "争取" => {
                !(DONE_BEFORE.iter().any(|d| before.ends_with(d))
                    || after.starts_with(['到', '了'])
                    || before.contains("以来"))
            }
            "计划" => !names_a_programme(before, after),
            _ => true,
        }
    };
    let last = (PLAN_WORDS.iter())
        .flat_map(|w| (sentence.match_indices(w)).filter(|&(at, _)| plan(w, at)))
        .map(|(at, w)| at + w.len())
        .max();
    // 已 or 实际 after the plan says what was done (「原计划投资500万元，实际完成投资600万元」).
    last.is_some_and(|end| {
        let after = sentence.get(end..).unwrap_or_default();
        !(after.contains('已') || after.contains("实际"))
    })
}

/// Words right before 计划 that make it a programme's name, not a plan: 特岗计划, 国培计划,
/// 行动计划, 该计划 (「通过特岗计划招聘教师120人」 reports teachers taken on). Not 年度 or
/// 工作: 「年度计划投资300万元」 is money planned.
const PROGRAMME_BEFORE: [&str; 14] = [
    "特岗",
    "国培",
    "省培",
    "三支一扶",
    "春蕾",
    "英才",
    "西部",
    "行动",
    "专项",
    "工程",
    "人才",
    "该",
    "这一",
    "这项",
];

/// Words right after 计划 that say the programme it names has run: 「…行动计划实施以来，新建
/// 道路12公里」.
const PROGRAMME_AFTER: [&str; 4] = ["实施以来", "启动以来", "开展以来", "以来"];

/// Whether 计划, between `before` and `after`, names a programme (a noun) rather than says a
/// plan (the verb of 计划投入, 计划明年, 计划于): a quotation closes right before it
/// (「实施“三支一扶”计划」), it is a programme's name ([`PROGRAMME_BEFORE`]), or the programme
/// has run since ([`PROGRAMME_AFTER`]). A plan said besides (特岗计划将招聘) is still one.
fn names_a_programme(before: &str, after: &str) -> bool {
    before.ends_with(['”', '」', '』', '》', '"'])
        // 「按照计划，…完成改造30公里」: the plan followed, not a plan made.
        || ["按照", "按", "根据", "依照"].iter().any(|w| before.ends_with(w))
        || PROGRAMME_BEFORE.iter().any(|w| before.ends_with(w))
        || PROGRAMME_AFTER.iter().any(|w| after.starts_with(w))
}

/// Whether `after`, the words of a figure's clause after it, say a plan
/// ([`PLAN_WORDS_AFTER`]); not 计划于 of a programme (「…的特岗计划于2020年启动」).
fn plans_after(after: &str) -> bool {
    PLAN_WORDS_AFTER.iter().any(|w| {
        (after.match_indices(w)).any(|(at, _)| {
            let before = after.get(..at).unwrap_or_default();
            let rest = after.get(at + "计划".len()..).unwrap_or_default();
            !(w.starts_with("计划") && names_a_programme(before, rest))
        })
    })
}

/// The words that say a plan after a figure, in its clause: each a plan with its time or
/// verb, not `将` alone, which there is most often the object's mark
/// (「投入资金5000万元将旧厂房改造为孵化器」), nor `拟` (虚拟, 模拟) or `预计` (比预计增长).
const PLAN_WORDS_AFTER: [&str; 7] = ["即将", "将于", "将在", "计划于", "拟于", "预计于", "预计将"];

/// How far back, in characters, the words that date a figure are sought: a sentence of a
/// letter is rarely longer, and the bound keeps the import linear.
const SENTENCE_LOOKBACK: usize = 160;

/// The sentence up to a figure, from where `ends` last ends one (at most
/// [`SENTENCE_LOOKBACK`] characters of it): where the words that date it or plan it stand.
fn sentence_before<'t>(text: &'t str, f: &Found, ends: fn(char) -> bool) -> &'t str {
    let before = text.get(..f.range.start).unwrap_or_default();
    let mut start = 0;
    for (steps, (i, c)) in before.char_indices().rev().enumerate() {
        if ends(c) {
            start = i + c.len_utf8();
            break;
        }
        if steps >= SENTENCE_LOOKBACK {
            start = i;
            break;
        }
    }
    before.get(start..).unwrap_or_default()
}

/// The period of a figure in one item of a `；`-list: the item's own (`own`), or else the
/// one the sentence gave before it (`head`, the list's). An item's `累计` counts from a head
/// that says since when (`今年以来…；…累计23880km`), and is a running total of its own after
/// a year (`2020年新增10家；累计建成50家`).
fn list_period(own: Option<String>, head: Option<String>) -> Option<String> {
    match own.as_deref() {
        Some("累计") => head
            .filter(|h| h.ends_with("以来") || h.starts_with('近'))
            .or(own),
        Some(_) => own,
        None => head,
    }
}

/// Years named from the letter's own that a draft takes as a figure's period, the longer
/// first: not after a character that makes them part of another word (至今年均, 如今年轻).
/// Not `去年`, which a sentence names most often to compare with (比去年增长).
const DRAFTED_RELATIVE: [&[char]; 2] = [&['今', '年', '以', '来'], &['今', '年']];

/// The period the sentence gives the figure: the last of `2020年`, `2019-2020年`, `近5年`,
/// `2017年以来`, `截止2020年底`, `今年以来`, `今年`, `目前`, `现有`, `累计` before it, in the
/// letter's words; `累计` only when no other came before it.
fn draft_period(sentence: &str) -> Option<String> {
    let chars: Vec<char> = sentence.chars().collect();
    let digits_at = |i: usize| {
        chars
            .get(i..)
            .map_or(0, |r| r.iter().take_while(|c| c.is_ascii_digit()).count())
    };
    let year_at = |i: usize| -> Option<String> {
        (digits_at(i) == 4 && chars.get(i + 4) == Some(&'年'))
            .then(|| chars[i..i + 4].iter().collect())
    };
    let mut last: Option<String> = None;
    let mut i = 0;
    while i < chars.len() {
        let rest = &chars[i..];
        let starts_number = i == 0 || !chars[i - 1].is_ascii_digit();
        if let Some((period, taken)) = word_period(&chars, i, last.as_deref()) {
            last = Some(period);
            i += taken;
        } else if rest.starts_with(&['截', '止']) || rest.starts_with(&['截', '至']) {
            let mut end = i + 2;
            if let Some(_year) = year_at(end) {
                end += 5;
                if matches!(chars.get(end), Some('底' | '末')) {
                    end += 1;
                } else if digits_at(end) > 0 {
                    let d = digits_at(end);
                    if chars.get(end + d) == Some(&'月') {
                        end += d + 1;
                    }
                }
                last = Some(chars[i..end].iter().collect());
            }
            i = end;
        } else if chars[i] == '近'
            && digits_at(i + 1) > 0
            && chars.get(i + 1 + digits_at(i + 1)) == Some(&'年')
        {
            let d = digits_at(i + 1);
            last = Some(chars[i..i + d + 2].iter().collect());
            i += d + 2;
        } else if starts_number && digits_at(i) == 4 {
            let first: String = chars[i..i + 4].iter().collect();
            let dash = chars.get(i + 4).copied();
            if matches!(dash, Some('-' | '—' | '–' | '至')) && year_at(i + 5).is_some() {
                last = Some(format!("{first}-{}", year_at(i + 5).unwrap_or_default()));
                i += 10;
            } else if year_at(i).is_some() {
                // 「2021年至2023年」: years, as 「2021-2023年」 are.
                let to = chars.get(i + 5);
                let range = to
                    .is_some_and(|c| RANGE_MARKS.contains(c))
                    .then(|| year_at(i + 6))
                    .flatten();
                let since = chars[i + 5..].starts_with(&['以', '来']);
                i += if range.is_some() { 11 } else { 5 };
                last = Some(match range {
                    Some(end) => format!("{first}-{end}"),
                    None if since => format!("{first}年以来"),
                    None => first,
                });
            } else {
                i += 4;
            }
        } else {
            i += 1;
        }
    }
    last
}

/// A period written in words at `i` of `chars` (`今年以来`, `今年`, `累计`, `目前`, `现有`):
/// what it makes the sentence's period, the one before it being `last`, and how many
/// characters it takes.
fn word_period(chars: &[char], i: usize, last: Option<&str>) -> Option<(String, usize)> {
    let rest = chars.get(i..)?;
    // Once per character of every sentence before a figure: most begin no such word.
    if !matches!(rest.first(), Some('今' | '累' | '目' | '现')) {
        return None;
    }
    let after_word = i > 0 && chars.get(i - 1).is_some_and(|&c| "至如迄而距".contains(c));
    if let Some(words) = DRAFTED_RELATIVE
        .iter()
        .find(|w| rest.starts_with(w))
        .filter(|_| !after_word)
    {
        return Some((words.iter().collect(), words.len()));
    }
    if rest.starts_with(&['累', '计']) {
        // A running total counted from a period the sentence gave (2020年以来…累计) is of
        // that period: 累计 is then its hedge, not its time.
        return Some((last.unwrap_or("累计").to_string(), 2));
    }
    [['目', '前'], ['现', '有']]
        .iter()
        .find(|w| rest.starts_with(*w))
        .map(|w| (w.iter().collect(), 2))
}

/// A first draft of what a figure counts: its clause without the figure, and without the
/// numbers before and after it (`国家级2个、省级27个` → `省级`); `own` is the figure's clause
/// from the end of the previous number to the start of the next.
fn draft_what(text: &str, figure: Range<usize>, own: Range<usize>) -> String {
    let before = text.get(own.start..figure.start).unwrap_or_default();
    let after = text.get(figure.end..own.end).unwrap_or_default();
    // After the figure, a `、` ends what it counts: `国家级2个、省级27个`.
    let after = after.split('、').next().unwrap_or(after);
    let mut before = before.to_string();
    while let Some(shorter) = FILLER_END
        .iter()
        .find_map(|f| before.strip_suffix(f))
        .filter(|s| !s.is_empty())
        .map(str::to_string)
    {
        before = shorter;
    }
    let edges = |c: char| c.is_whitespace() || c == '、';
    let before = without_example_mark(before.trim_matches(edges));
    let what: String = format!("{}{}", before, after.trim_matches(edges))
        .chars()
        .filter(|&c| c != '“' && c != '”')
        .collect();
    let count = what.chars().count();
    let what: String = if count > 40 {
        what.chars()
            .skip(count - 40)
            .skip_while(|&c| c == '、')
            .collect()
    } else {
        what
    };
    if what.is_empty() {
        UNKNOWN_WHAT.to_string()
    } else {
        what
    }
}

/// The `what` of a figure whose words say nothing of what it counts, for a person to fill.
const UNKNOWN_WHAT: &str = "（待填写）";

/// The words that open an example at the start of a clause (「如投资8000万元的…项目」): they
/// say the figure is an instance, not what it counts.
const EXAMPLE_MARKS: [&str; 4] = ["例如", "比如", "诸如", "如"];

/// What follows 如 in the words that begin with it (如期, 如实, 如数, 如约…): there 如 is no
/// example's mark, and stays.
const AFTER_RU_IN_WORDS: [char; 21] = [
    '期', '实', '何', '此', '今', '果', '下', '同', '意', '数', '约', '常', '愿', '上', '前', '需',
    '有', '若', '初', '故', '一',
];

/// `before`, the clause's words before its figure, without an example's mark at its start
/// (nor the space or colon after one: 比如 新建…, 例如：…).
fn without_example_mark(before: &str) -> &str {
    let after_mark = |c: char| c.is_whitespace() || matches!(c, '：' | ':' | '，' | ',');
    EXAMPLE_MARKS
        .iter()
        .find_map(|mark| before.strip_prefix(mark).map(|rest| (*mark, rest)))
        // A bare 如 before a character that makes a word with it is the word's.
        .filter(|(mark, rest)| *mark != "如" || !rest.starts_with(AFTER_RU_IN_WORDS))
        .map(|(_, rest)| rest.trim_start_matches(after_mark))
        .filter(|rest| !rest.is_empty())
        .unwrap_or(before)
}

/// Words at the end of a drafted `what` that say nothing about what is counted.
const FILLER_END: [&str; 9] = [
    "分别为",
    "分别是",
    "达到",
    "共计",
    "合计",
    "为",
    "达",
    "有",
    "是",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn brief(text: &str) -> Vec<(String, f64, String, Option<String>)> {
        figures(text)
            .figures
            .into_iter()
            .map(|f| (f.text, f.value, f.unit, f.qualifier))
            .collect()
    }

    #[test]
    fn hedges_near_and_far_but_not_inside_a_word() {
        assert_eq!(
            brief("项目共征集需求申报8项，已涵盖公共技术服务单位45个，近5年支持96家企业"),
            [
                ("8项".into(), 8.0, "项".into(), Some("共".into())),
                ("45个".into(), 45.0, "个".into(), None),
                ("96家".into(), 96.0, "家".into(), None),
            ]
        );
    }

    #[test]
    fn chinese_numerals_are_listed_not_taken() {
        let found = figures("推进八项工作，共39项。");
        assert_eq!(found.figures.len(), 1);
        assert_eq!(found.skipped, ["八项"]);
        let text = "在500余个小区增设了1.2万停车位，投资3万元。";
        let found = figures(text);
        let unitless: Vec<&str> = (found.unitless.iter())
            .filter_map(|r| text.get(r.clone()))
            .collect();
        assert_eq!(unitless, ["1.2万"]);
        assert_eq!(found.figures.len(), 2);
    }

    /// A figure's `what` is not drawn from across another number: the words past it are
    /// what that number counts. 1.2万 has no unit after it and is no figure, but 停车位 is
    /// what it counts, not what 500余个 counts (Linyi's letter).
    #[test]
    fn what_is_not_drawn_from_across_another_number() {
        let what = |text: &str| figures(text).figures[0].what.clone();
        let linyi = "2024年，我市在老旧小区改造中，克服老旧小区院内面积小、布局难等问题，\
                     在500余个小区增设了1.2万停车位，极大缓解了老旧小区停车难问题。";
        assert_eq!(figures(linyi).figures.len(), 1);
        assert_eq!(what(linyi), "在小区增设了");
        // Nor across a number in neither 万 nor 亿 (1200), nor, before the figure, across
        // one.
        assert_eq!(what("为30个小区新增1200停车位。"), "为小区新增");
        assert_eq!(what("新增1200余停车位的小区30个。"), "停车位的小区");
        // A date, a time, an ordinal, a document's number, a name and a range's first
        // number count nothing: they stay words of the figure.
        for (text, drafted) in [
            ("2021年2月新建站台30个。", "2021年2月新建站台"),
            ("近5年支持企业96家。", "近5年支持企业"),
            ("1-6月完成投资300万元。", "1-6月完成投资"),
            ("第3批试点小区20个。", "第3批试点小区"),
            (
                "依〔2020〕81号文件安排资金300万元。",
                "依〔2020〕81号文件安排资金",
            ),
            ("支持5G基站建设项目30个。", "支持5G基站建设项目"),
        ] {
            assert_eq!(what(text), drafted, "{text}");
        }
    }

    #[test]
    fn a_plan_said_after_the_figure_in_its_clause_makes_it_planned_and_no_further() {
        let found = figures(
            "如投资8000万元的医院项目即将开工建设；投资6000万元的医养大楼已投入使用，将继续完善。",
        )
        .figures;
        assert_eq!(found[0].status, Status::Planned, "即将, in its own clause");
        assert_eq!(
            found[1].status,
            Status::Done,
            "将 in the next clause is not its"
        );
        // After the figure, 将 marking the object, 拟 in 虚拟 and 模拟, 预计 in a comparison
        // say no plan.
        for done in [
            "去年我局投入资金5000万元将旧厂房改造为孵化器，已投入使用。",
            "投入资金5000万元建设虚拟现实产业园。",
            "安排300万元用于模拟仿真平台建设。",
            "共扶持企业30家实现产值比预计增长。",
        ] {
            assert_eq!(figures(done).figures[0].status, Status::Done, "{done}");
        }
        let found = figures("安排资金300万元，项目将于明年开工。").figures;
        assert_eq!(
            found[0].status,
            Status::Done,
            "将于 in the next clause is not its"
        );
        let found = figures("投资300万元的项目将于明年开工。").figures;
        assert_eq!(found[0].status, Status::Planned, "将于, in its own clause");
    }

    /// Work reported done is not drafted as a plan: 将 after 已 (has put), 已 after the
    /// plan word, 争取 in a sentence of what was done since a time.
    #[test]
    fn work_reported_done_is_not_a_plan() {
        for done in [
            "市财政已将养护资金纳入预算，每年安排养护资金超过5000万元。",
            "我局将继续推进，2022年已完成改造356公里。",
            "今年以来，我局争取上级补助资金近2亿元，完成农村公路提档升级356公里。",
        ] {
            let found = figures(done).figures;
            assert!(!found.is_empty(), "{done}");
            for figure in &found {
                assert_eq!(figure.status, Status::Done, "{done}: {}", figure.text);
            }
        }
        // What is planned stays so.
        for planned in [
            "我局将投入资金500万元，新建道路10公里。",
            "明年计划新建公交站台30个。",
            "力争2025年完成改造100公里。",
        ] {
            for figure in &figures(planned).figures {
                assert_eq!(figure.status, Status::Planned, "{planned}: {}", figure.text);
            }
        }
    }

    /// 计划 naming a programme, before the figure or after it in its clause, is no plan;
    /// 计划 the verb is one.
    #[test]
    fn a_programme_named_a_plan_is_no_plan() {
        let status = |text: &str| figures(text).figures[0].status;
        for done in [
            "通过特岗计划招聘教师120人。",
            "实施“三支一扶”计划，招募50人。",
            "实施《乡村振兴人才计划》，培训150人。",
            "该计划共资助学生45名。",
            "行动计划实施以来新建道路12公里。",
            "招募50人的特岗计划于2020年启动。",
            "按照计划，2022年完成改造30公里。",
            "2022年，我局成功争取上级补助资金800万元。",
        ] {
            assert_eq!(status(done), Status::Done, "{done}");
        }
        for planned in [
            "我局计划投入资金500万元。",
            "年度计划投资300万元。",
            "投资300万元的项目计划于明年开工。",
            "特岗计划将招聘教师60人。",
        ] {
            assert_eq!(status(planned), Status::Planned, "{planned}");
        }
        // What was planned, then what was done.
        let both = figures("原计划投资500万元，实际完成投资600万元。").figures;
        let statuses: Vec<Status> = both.iter().map(|f| f.status).collect();
        assert_eq!(statuses, [Status::Planned, Status::Done]);
    }

    #[test]
    fn what_period_and_status_are_drafted_from_the_sentence() {
        // Years written with 至 between two 年 are years, as 2021-2023年 are.
        for text in [
            "2021年至2023年，县财政累计安排资金1.5亿元。",
            "2021-2023年，县财政累计安排资金1.5亿元。",
            "2021年—2023年，县财政累计安排资金1.5亿元。",
        ] {
            let found = figures(text).figures;
            assert_eq!(found[0].period.as_deref(), Some("2021-2023"), "{text}");
        }
        let found =
            figures("2020年，共认定我市总部企业64家。我市将组建基金，总规模50亿元。").figures;
        assert_eq!(found[0].what, "共认定我市总部企业");
        assert_eq!(found[0].period.as_deref(), Some("2020"));
        assert_eq!(found[0].status, Status::Done);
        assert_eq!(found[1].status, Status::Planned);
        assert_eq!(found[1].period, None);
        let list = figures("补助额度分别为80、60、40万元。").figures;
        assert_eq!(list[1].what, "补助额度（第2项）");
        assert_eq!(list[1].value, 600_000.0);
        // Written with its unit each time, a list says what it counts once, as well: its
        // later amounts had been left with nothing (（待填写）).
        for text in [
            "补助额度分别为80万元、60万元、40万元。",
            "补助额度分别为80万元、 60万元、40万元。",
        ] {
            let list = figures(text).figures;
            let whats: Vec<&str> = list.iter().map(|f| f.what.as_str()).collect();
            assert_eq!(
                whats,
                [
                    "补助额度（第1项）",
                    "补助额度（第2项）",
                    "补助额度（第3项）"
                ],
                "{text}"
            );
        }
        // Each with words of its own, or in other units, they are no list.
        let apart = figures("建成国家级2个、省级27个，投资300万元、新建道路12公里。").figures;
        let whats: Vec<&str> = apart.iter().map(|f| f.what.as_str()).collect();
        assert_eq!(whats, ["建成国家级", "省级", "投资", "新建道路"]);
    }

    /// A range of amounts is no figure: neither end is drafted (800元 of 「200至800元」 had
    /// been, its `what` ending in 「200至」), and its first number is no number with no unit
    /// (2万 of 「2万至5万元」).
    #[test]
    fn a_range_of_amounts_is_no_figure() {
        for range in [
            "200至800元",
            "200-800元",
            "200～800元",
            "200~800元",
            "200—800元",
            "200到800元",
            "2万至5万元",
            "1.5-2万元",
            "200元至800元",
            "2万元-5万元",
            "10%-20%",
            "200至约800元",
        ] {
            let text = format!("每人每月补助{range}，发放救助金150万元。");
            let found = figures(&text);
            let texts: Vec<&str> = found.figures.iter().map(|f| f.text.as_str()).collect();
            assert_eq!(texts, ["150万元"], "{range}");
            assert_eq!(found.figures[0].what, "发放救助金", "{range}");
            let spans: Vec<&str> = (found.ranges.iter())
                .filter_map(|r| text.get(r.clone()))
                .collect();
            assert_eq!(spans, [range], "{range}");
            assert!(found.unitless.is_empty(), "{range}: {:?}", found.unitless);
        }
        // Amounts in other units, a number that is a name's, a mark that begins a word, and
        // years: no range.
        for (text, drafted) in [
            ("下达资金300万元至15个乡镇。", &["300万元", "15个"][..]),
            ("投入资金200万元到位。", &["200万元"]),
            ("改造G210-800米路段。", &["800米"]),
            ("2021年至2023年，累计安排资金1.5亿元。", &["1.5亿元"]),
            // A range of ordinals counts nothing: neither a figure nor a range noted.
            ("第1-3批项目已完工，投入资金1.5亿元。", &["1.5亿元"]),
            ("第3至5名各奖励1万元。", &["1万元"]),
        ] {
            let found = figures(text);
            let texts: Vec<&str> = found.figures.iter().map(|f| f.text.as_str()).collect();
            assert_eq!(texts, drafted, "{text}");
            assert!(found.ranges.is_empty(), "{text}");
        }
    }

    #[test]
    fn an_examples_mark_is_no_part_of_what_is_counted() {
        let what = |text: &str| figures(text).figures[0].what.clone();
        assert_eq!(
            what("功能日趋完善，如投资8000万元的县人民医院项目即将开工建设。"),
            "投资的县人民医院项目即将开工建设"
        );
        assert_eq!(what("例如新建公交站台30个。"), "新建公交站台");
        // 如 that begins a word is kept.
        assert_eq!(what("如期完成改造项目12个。"), "如期完成改造项目");
        assert_eq!(what("如实登记企业45家。"), "如实登记企业");
        assert_eq!(what("如数拨付补助资金300万元。"), "如数拨付补助资金");
        assert_eq!(what("如约完成改造项目12个。"), "如约完成改造项目");
        assert_eq!(what("比如 新建站台30个。"), "新建站台");
        assert_eq!(what("例如：新建站台30个。"), "新建站台");
    }

    #[test]
    fn periods_in_the_letters_words() {
        assert_eq!(
            draft_period("我市现有人工智能企业超过100家，近5年支持").as_deref(),
            Some("近5年")
        );
        assert_eq!(
            draft_period("2019-2020年高端科研机构创新专项，支持").as_deref(),
            Some("2019-2020")
        );
        assert_eq!(
            draft_period("截止2020年底，我市引进").as_deref(),
            Some("截止2020年底")
        );
        assert_eq!(
            draft_period("2017年以来，越来越多").as_deref(),
            Some("2017年以来")
        );
        assert_eq!(draft_period("目前全市拥有").as_deref(), Some("目前"));
        assert_eq!(
            draft_period("今年以来，公路养护").as_deref(),
            Some("今年以来")
        );
        // 累计 after a period counts from it: the period stays, 累计 is the hedge.
        assert_eq!(
            draft_period("2020年以来，公路养护累计清扫路面").as_deref(),
            Some("2020年以来")
        );
        assert_eq!(
            draft_period("公路养护累计清扫路面").as_deref(),
            Some("累计")
        );
        // A year compared with is no period of the figure, nor 今年 inside another word.
        assert_eq!(draft_period("比去年增长"), None);
        assert_eq!(draft_period("如今年轻人口流出").as_deref(), None);
        assert_eq!(
            draft_period("自2015年至今年均增长率").as_deref(),
            Some("2015")
        );
    }

    #[test]
    fn an_item_of_a_list_takes_its_own_period_or_else_the_lists() {
        let head = |s: &str| Some(s.to_string());
        assert_eq!(list_period(None, head("今年以来")), head("今年以来"));
        assert_eq!(list_period(head("2021"), head("2020")), head("2021"));
        // 累计 counts from a head that says since when; after a year it is all time.
        assert_eq!(
            list_period(head("累计"), head("今年以来")),
            head("今年以来")
        );
        assert_eq!(list_period(head("累计"), head("近5年")), head("近5年"));
        assert_eq!(list_period(head("累计"), head("2020")), head("累计"));
        assert_eq!(draft_period("聚焦九大板块，打造"), None);
    }
}
