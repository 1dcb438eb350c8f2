//! Provenance of `content/zhongshan-kjj-2021-142.yaml`: proof that the encoded letter is the
//! transcript of the published PDF (`content/source/zhongshan-kjj-2021-142.txt`), whole and in
//! order, that it adds nothing, and that its figures are the amounts the letter states.
//!
//! The two are compared after the changes that the encoding makes on purpose:
//! - the errata are applied to the transcript (each names its `original` and `corrected`);
//! - whitespace is ignored (page breaks, typesetting spaces), and checked on its own in
//!   `spaces_are_the_transcripts_own`;
//! - bold marks go, and so do ordinals (`一、`, `(一)`, `（一）`) and enumerators (`一是`), which
//!   the schema keeps as positions, not text. Where one stood, a structure mark stands instead
//!   (see [`SUGGESTION`]), so that the exact comparison also proves where suggestions, measures
//!   and points begin.
//!
//! Each test can fail on its own: deleting a sentence, inventing one, moving a point's start,
//! changing or dropping a figure, or folding a paragraph each make at least one of them fail.

use dafu::letter::{Figure, Letter};
use dafu::numbers::units::{Hedge, Unit};

const YAML: &str = include_str!("../content/zhongshan-kjj-2021-142.yaml");
const TRANSCRIPT: &str = include_str!("../content/source/zhongshan-kjj-2021-142.txt");

/// Chinese ordinals as the letter numbers its parts: `一、`, `（一）`, `一是`.
const ORDINALS: [char; 10] = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/// Structure marks: where a suggestion (`一、`), a measure (`（一）`) or a point (`一是`) begins.
/// They occur in neither text, so they can only match each other.
const SUGGESTION: char = '§';
const MEASURE: char = '¶';
const POINT: char = '•';
const MARKS: [char; 3] = [SUGGESTION, MEASURE, POINT];

/// Where a sentence ends; a line end ends one too.
const SENTENCE_ENDS: [char; 4] = ['。', '！', '？', '；'];

/// A hedge as the letter writes it before a figure, and the qualifier it stands for: the
/// letter's own word, so 超 stays 超.
const HEDGES: [(&str, &str); 7] = [
    ("近", "近"),
    ("超过", "超过"),
    ("超", "超"),
    ("约", "约"),
    ("最高", "最高"),
    ("累计", "累计"),
    ("共", "共"),
];

fn letter() -> Letter {
    serde_yaml::from_str::<Letter>(YAML)
        .expect("the letter's YAML parses into dafu::letter::Letter")
}

// ---------------------------------------------------------------------------------------------
// The letter as the reader shows it
// ---------------------------------------------------------------------------------------------

/// A run of the letter's text in reading order, with the figures the schema attaches to it.
struct Node<'a> {
    /// Where it is, for messages, e.g. `三（一）一是`.
    place: String,
    /// The structure mark it begins with, if it begins a suggestion, measure or point.
    mark: Option<char>,
    /// Its lines as the reader shows them.
    lines: Vec<String>,
    /// The figures stated in `lines`.
    figures: &'a [Figure],
}

impl Node<'_> {
    fn text(&self) -> String {
        self.lines.join("\n")
    }
}

fn node<'a>(
    place: String,
    mark: Option<char>,
    lines: Vec<String>,
    figures: &'a [Figure],
) -> Node<'a> {
    Node {
        place,
        mark,
        lines,
        figures,
    }
}

/// `2021-07-28` as the letter prints it: `2021年7月28日`.
fn date_in_chinese(iso: &str) -> String {
    let parts: Vec<u32> = iso
        .split('-')
        .map(|part| {
            part.parse()
                .unwrap_or_else(|_| panic!("signature date {iso:?} is not ISO 8601"))
        })
        .collect();
    let [year, month, day] = parts[..] else {
        panic!("signature date {iso:?} is not YYYY-MM-DD");
    };
    format!("{year}年{month}月{day}日")
}

/// The letter in reading order. The classification, the addressee and the date are rendered
/// as the letter prints them (`(A类)`, `…委员：`, `2021年7月28日`); the schema stores them bare.
/// A measure's heading is its title with the full stop that the schema leaves off.
fn nodes(letter: &Letter) -> Vec<Node<'_>> {
    let mut out = vec![node(
        "header".into(),
        None,
        letter
            .header_lines()
            .into_iter()
            .chain(letter.title.clone())
            .chain(letter.addressee.as_ref().map(|a| format!("{a}：")))
            .collect(),
        &[],
    )];
    out.push(node(
        "opening".into(),
        None,
        letter.opening.clone(),
        &letter.opening_figures,
    ));
    for (s, suggestion) in letter.suggestions.iter().enumerate() {
        let s_place = format!("{}、", ORDINALS[s]);
        out.push(node(
            format!("{s_place} title"),
            Some(SUGGESTION),
            vec![suggestion.title.clone()],
            &[],
        ));
        out.push(node(
            format!("{s_place} response"),
            None,
            vec![suggestion.response.clone()],
            &[],
        ));
        out.push(node(
            format!("{s_place} paragraphs"),
            None,
            suggestion.paragraphs.clone(),
            &suggestion.figures,
        ));
        for (m, measure) in suggestion.measures.iter().enumerate() {
            let m_place = format!("{}（{}）", ORDINALS[s], ORDINALS[m]);
            out.push(node(
                format!("{m_place} title"),
                Some(MEASURE),
                vec![format!("{}。", measure.title)],
                &[],
            ));
            out.push(node(
                format!("{m_place} paragraphs"),
                None,
                measure.paragraphs.clone(),
                &measure.figures,
            ));
            for (p, point) in measure.points.iter().enumerate() {
                out.push(node(
                    format!("{m_place}{}是", ORDINALS[p]),
                    Some(POINT),
                    vec![point.text.clone()],
                    &point.figures,
                ));
            }
        }
    }
    out.push(node("closing".into(), None, letter.closing.clone(), &[]));
    let footer = [
        letter.signature.issuer.clone(),
        letter.signature.date.as_deref().map(date_in_chinese),
    ];
    let lines = letter
        .contact
        .iter()
        .chain(&letter.disclosure)
        .chain(&letter.cc);
    out.push(node(
        "signature and footer".into(),
        None,
        footer.into_iter().flatten().chain(lines.cloned()).collect(),
        &[],
    ));
    out
}

/// The letter's lines in reading order, each node's first line led by its structure mark.
fn reading_lines(nodes: &[Node]) -> Vec<String> {
    let mut lines = Vec::new();
    for node in nodes {
        for (i, line) in node.lines.iter().enumerate() {
            match node.mark {
                Some(mark) if i == 0 => lines.push(format!("{mark}{line}")),
                _ => lines.push(line.clone()),
            }
        }
    }
    lines
}

/// The letter's stored text, node by node, for finding notes and errata in it. Nodes are joined
/// by a line end, so that nothing is found across two of them.
fn letter_text(nodes: &[Node]) -> String {
    nodes.iter().map(Node::text).collect::<Vec<_>>().join("\n")
}

// ---------------------------------------------------------------------------------------------
// The transcript, brought to the letter's terms
// ---------------------------------------------------------------------------------------------

/// The transcript with the errata applied (on the raw text: an erratum's `original` is the
/// extraction's own text, page-break blank lines included).
fn corrected_transcript(letter: &Letter) -> String {
    let mut text = TRANSCRIPT.to_string();
    for erratum in &letter.errata {
        text = text.replace(&erratum.original, &erratum.corrected);
    }
    text
}

/// A line with its leading ordinal (`一、`, `(一)`, `（一）`) replaced by the structure mark.
fn mark_ordinal(line: &str) -> String {
    let line = line.trim();
    for &ordinal in &ORDINALS {
        if let Some(rest) = line.strip_prefix(&format!("{ordinal}、")) {
            return format!("{SUGGESTION}{}", rest.trim_start());
        }
        for (open, close) in [('(', ')'), ('（', '）')] {
            if let Some(rest) = line.strip_prefix(&format!("{open}{ordinal}{close}")) {
                return format!("{MEASURE}{}", rest.trim_start());
            }
        }
    }
    line.to_string()
}

/// A line with each enumerator (`一是`…) replaced by the point mark, and how many there were.
/// Only where a point can begin (line start, after `。` or `：`), so that `是` in running text
/// after a numeral would be left alone and show up as a difference.
fn mark_enumerators(line: &str) -> (String, usize) {
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::new();
    let mut count = 0;
    let mut i = 0;
    while i < chars.len() {
        let at_point_start = matches!(out.chars().last(), None | Some('。') | Some('：'));
        if at_point_start && ORDINALS.contains(&chars[i]) && chars.get(i + 1) == Some(&'是') {
            out.push(POINT);
            count += 1;
            i += 2;
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    (out, count)
}

/// The transcript's lines in the letter's terms: errata applied, bold marks dropped, ordinals
/// and enumerators replaced by structure marks.
fn transcript_lines(letter: &Letter) -> Vec<String> {
    assert!(
        !TRANSCRIPT.contains(MARKS),
        "the transcript holds a structure mark; choose other marks"
    );
    corrected_transcript(letter)
        .lines()
        .map(|line| mark_enumerators(&mark_ordinal(&line.replace("**", ""))).0)
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Sentences and finding them
// ---------------------------------------------------------------------------------------------

/// Lines cut into sentences after `。！？；` and at line ends, whitespace and structure marks
/// removed; each keeps its final punctuation, so that changed punctuation shows too.
fn sentences(lines: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    for line in lines {
        let mut sentence = String::new();
        for c in line.chars() {
            if !c.is_whitespace() && !MARKS.contains(&c) {
                sentence.push(c);
            }
            if SENTENCE_ENDS.contains(&c) && !sentence.is_empty() {
                out.push(std::mem::take(&mut sentence));
            }
        }
        if !sentence.is_empty() {
            out.push(sentence);
        }
    }
    out
}

/// All of the lines as one string without whitespace (structure marks kept).
fn squeezed(lines: &[String]) -> String {
    lines
        .iter()
        .flat_map(|line| line.chars())
        .filter(|c| !c.is_whitespace())
        .collect()
}

fn unmarked(text: &str) -> String {
    text.chars().filter(|c| !MARKS.contains(c)).collect()
}

/// Up to `n` characters of `text` from byte offset `at`, for messages.
fn excerpt(text: &str, at: usize, n: usize) -> String {
    text.get(at..).unwrap_or_default().chars().take(n).collect()
}

/// Finds each needle in `haystack` in turn, each from the end of the previous match, so that
/// both presence and order are checked. Panics naming the first needle not found.
fn assert_in_order(needles: &[String], haystack: &str, what: &str, where_: &str) {
    let mut from = 0;
    let mut previous = "(start)";
    for (i, needle) in needles.iter().enumerate() {
        match haystack
            .get(from..)
            .and_then(|rest| rest.find(needle.as_str()))
        {
            Some(at) => {
                from += at + needle.len();
                previous = needle;
            }
            None => panic!(
                "{what} #{n} of {total} is not in {where_} (after the previous one):\n  \
                 missing:  {needle}\n  previous: {previous}\n  \
                 {where_} goes on: {rest}…\n  \
                 found anywhere at all: {anywhere}",
                n = i + 1,
                total = needles.len(),
                rest = excerpt(haystack, from, 60),
                anywhere = haystack.contains(needle.as_str()),
            ),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Amounts stated in Arabic numerals
// ---------------------------------------------------------------------------------------------

/// An amount that a text states in Arabic numerals with a unit: `超过 3.3 亿元` gives one,
/// `80、60、40万元` gives three (sharing `text`).
#[derive(Debug)]
struct Amount {
    /// In 元 for money (`万` ×10⁴, `亿` ×10⁸), else as written.
    value: f64,
    unit: String,
    /// The numerals through the unit, as written (spaces included).
    text: String,
}

/// Scans for numerals (digits and `.`, several joined by `、` making a list), then optional
/// whitespace, then `万` or `亿` and `元`, or one of the other figure units. Years (`2020年`),
/// dates, names (`5G`, `“3+4”`) and durations (`近 5 年`) have no such unit, so are not amounts.
fn amounts(text: &str) -> Vec<Amount> {
    let chars: Vec<char> = text.chars().collect();
    let is_numeral = |c: char| c.is_ascii_digit() || c == '.';
    let mut found = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        let mut numbers = Vec::new();
        loop {
            let from = i;
            while i < chars.len() && is_numeral(chars[i]) {
                i += 1;
            }
            numbers.push(chars[from..i].iter().collect::<String>());
            let list_goes_on =
                chars.get(i) == Some(&'、') && chars.get(i + 1).is_some_and(char::is_ascii_digit);
            if !list_goes_on {
                break;
            }
            i += 1;
        }
        let mut j = i;
        while chars.get(j).is_some_and(|c| c.is_whitespace()) {
            j += 1;
        }
        let scale = match chars.get(j) {
            Some('万') => 1e4,
            Some('亿') => 1e8,
            _ => 1.0,
        };
        if scale != 1.0 {
            j += 1;
        }
        let unit = chars.get(j).map(char::to_string).filter(|unit| {
            if scale == 1.0 {
                Unit::from_word(unit).is_some()
            } else {
                unit == "元"
            }
        });
        if let Some(unit) = unit {
            let text: String = chars[start..=j].iter().collect();
            for number in numbers {
                let value: f64 = number
                    .parse()
                    .unwrap_or_else(|_| panic!("{number:?} in {text:?} is not a number"));
                found.push(Amount {
                    value: value * scale,
                    unit: unit.clone(),
                    text: text.clone(),
                });
            }
            i = j + 1;
        }
    }
    found
}

/// Equal up to rounding: `6220.64 × 10⁴` is not exactly `62206400` in floating point.
fn same_value(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// Pairs amounts with figures of the same unit and value, one to one. Returns what is left
/// over on each side.
fn unpaired<'a, 'f>(
    stated: &'a [Amount],
    figures: &[&'f Figure],
) -> (Vec<&'a Amount>, Vec<&'f Figure>) {
    let mut free: Vec<Option<&Figure>> = figures.iter().copied().map(Some).collect();
    let mut lonely_amounts = Vec::new();
    for amount in stated {
        let partner = free.iter_mut().find(|slot| {
            slot.is_some_and(|figure| {
                figure.unit == amount.unit && same_value(figure.value, amount.value)
            })
        });
        match partner {
            Some(slot) => *slot = None,
            None => lonely_amounts.push(amount),
        }
    }
    (lonely_amounts, free.into_iter().flatten().collect())
}

fn all_figures(letter: &Letter) -> Vec<&Figure> {
    let mut figures: Vec<&Figure> = letter.opening_figures.iter().collect();
    for suggestion in &letter.suggestions {
        figures.extend(&suggestion.figures);
        for measure in &suggestion.measures {
            figures.extend(&measure.figures);
            for point in &measure.points {
                figures.extend(&point.figures);
            }
        }
    }
    figures
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{f900}'..='\u{faff}')
}

/// A space between a Chinese character and a Latin letter or a digit: typesetting, which the
/// encoding drops everywhere (one rule; `the_spacing_rule_rests_on_the_evidence` shows why).
fn is_typesetting_space(before: char, after: char) -> bool {
    (is_cjk(before) && after.is_ascii_alphanumeric())
        || (before.is_ascii_alphanumeric() && is_cjk(after))
}

// ---------------------------------------------------------------------------------------------
// The tests
// ---------------------------------------------------------------------------------------------

#[test]
fn every_transcript_sentence_is_in_the_letter_in_order() {
    let letter = letter();
    let transcript = sentences(&transcript_lines(&letter));
    let letter_squeezed = unmarked(&squeezed(&reading_lines(&nodes(&letter))));
    assert!(
        transcript.len() > 100,
        "only {} sentences in the transcript",
        transcript.len()
    );
    assert_in_order(
        &transcript,
        &letter_squeezed,
        "transcript sentence",
        "the letter",
    );
}

#[test]
fn every_letter_sentence_is_in_the_transcript_in_order() {
    let letter = letter();
    let ours = sentences(&reading_lines(&nodes(&letter)));
    let transcript_squeezed = unmarked(&squeezed(&transcript_lines(&letter)));
    assert_in_order(
        &ours,
        &transcript_squeezed,
        "letter sentence",
        "the transcript",
    );
}

/// The strongest form: without whitespace, the letter is the transcript character for
/// character, with suggestions, measures and points beginning exactly where the transcript's
/// ordinals and enumerators stand.
#[test]
fn the_letter_is_the_transcript_character_for_character() {
    let letter = letter();
    let ours: Vec<char> = squeezed(&reading_lines(&nodes(&letter))).chars().collect();
    let theirs: Vec<char> = squeezed(&transcript_lines(&letter)).chars().collect();
    if ours != theirs {
        let at = ours.iter().zip(&theirs).take_while(|(a, b)| a == b).count();
        let around = |text: &[char]| -> String {
            text[at.saturating_sub(20)..(at + 30).min(text.len())]
                .iter()
                .collect()
        };
        panic!(
            "the letter and the transcript part at character {at} \
             ({SUGGESTION} suggestion, {MEASURE} measure, {POINT} point begins):\n  \
             letter:     …{}…\n  transcript: …{}…",
            around(&ours),
            around(&theirs),
        );
    }
}

#[test]
fn the_letter_has_the_transcripts_structure() {
    let letter = letter();
    let measures: Vec<usize> = letter
        .suggestions
        .iter()
        .map(|s| s.measures.len())
        .collect();
    let points: Vec<usize> = letter
        .suggestions
        .iter()
        .flat_map(|s| s.measures.iter().map(|m| m.points.len()))
        .collect();
    assert_eq!(letter.suggestions.len(), 5, "suggestions");
    assert_eq!(measures, [3, 2, 4, 3, 3], "measures per suggestion");
    assert_eq!(measures.iter().sum::<usize>(), 15, "measures");
    assert_eq!(
        points,
        [3, 0, 2, 0, 0, 3, 0, 0, 0, 5, 0, 0, 2, 3, 0],
        "points per measure"
    );
    assert_eq!(points.iter().sum::<usize>(), 18, "points");

    // The same numbers, counted in the transcript itself.
    let marks = squeezed(&transcript_lines(&letter));
    let count = |mark: char| marks.chars().filter(|&c| c == mark).count();
    assert_eq!(
        count(SUGGESTION),
        letter.suggestions.len(),
        "suggestion headings in the transcript"
    );
    assert_eq!(count(MEASURE), 15, "measure headings in the transcript");
    assert_eq!(count(POINT), 18, "enumerators in the transcript");
}

#[test]
fn the_proposal_is_the_one_the_letter_names() {
    let letter = letter();
    let p = &letter.proposal;
    let (session, number) = (p.session.as_deref(), p.number.as_deref());
    let reference = format!(
        "{}提案第{}号",
        session.unwrap_or("?"),
        number.unwrap_or("?")
    );
    let title = letter.title.as_deref().unwrap_or_default();
    assert!(
        title.contains(&reference),
        "title {:?} lacks {reference:?}",
        letter.title
    );
    let quoted = format!("《{}》", p.title.as_deref().unwrap_or("?"));
    assert!(
        letter
            .opening
            .iter()
            .any(|paragraph| paragraph.contains(&quoted)),
        "the opening does not quote the proposal's title {quoted:?}"
    );
}

#[test]
fn figures_are_well_formed_and_stated_in_their_own_node() {
    let letter = letter();
    for node in nodes(&letter) {
        let text = node.text();
        for figure in node.figures {
            let at = format!("{}: figure {:?} ({})", node.place, figure.text, figure.what);
            assert!(
                text.contains(&figure.text),
                "{at}: its text is not in the node's text"
            );
            assert!(
                !figure.what.trim().is_empty(),
                "{at}: says not what it counts"
            );
            assert!(
                Unit::from_word(&figure.unit).is_some(),
                "{at}: unit {:?} not allowed",
                figure.unit
            );
            if let Some(q) = &figure.qualifier {
                assert!(
                    Hedge::from_word(q).is_some(),
                    "{at}: qualifier {q:?} not allowed"
                );
            }

            // The text is an optional hedge, then one amount: its value and unit are the figure's.
            let hedge: String = figure
                .text
                .chars()
                .take_while(|c| !c.is_ascii_digit())
                .collect();
            if !hedge.is_empty() {
                let implied = HEDGES
                    .iter()
                    .find(|(written, _)| *written == hedge)
                    .map(|(_, qualifier)| *qualifier)
                    .unwrap_or_else(|| {
                        panic!("{at}: {hedge:?} before the number is no known hedge")
                    });
                assert_eq!(
                    figure.qualifier.as_deref(),
                    Some(implied),
                    "{at}: the text says {hedge:?}"
                );
            }
            let stated = amounts(&figure.text);
            assert!(!stated.is_empty(), "{at}: its text states no amount");
            for amount in &stated {
                assert_eq!(
                    format!("{hedge}{}", amount.text),
                    figure.text,
                    "{at}: text is more than one amount"
                );
                assert_eq!(
                    amount.unit, figure.unit,
                    "{at}: the text's unit is {:?}",
                    amount.unit
                );
            }
            assert!(
                stated
                    .iter()
                    .any(|amount| same_value(amount.value, figure.value)),
                "{at}: value {} is none of {:?}",
                figure.value,
                stated.iter().map(|a| a.value).collect::<Vec<_>>()
            );
        }
    }
}

/// Each node's figures are exactly the amounts its text states: none missing, none extra,
/// none with another value, none on the wrong node.
#[test]
fn each_node_has_a_figure_for_each_amount_it_states() {
    let letter = letter();
    for node in nodes(&letter) {
        let stated = amounts(&node.text());
        let figures: Vec<&Figure> = node.figures.iter().collect();
        let (lonely_amounts, lonely_figures) = unpaired(&stated, &figures);
        assert!(
            lonely_amounts.is_empty() && lonely_figures.is_empty(),
            "{}: amounts stated without a figure: {lonely_amounts:?}; figures matching no stated amount: {lonely_figures:?}",
            node.place
        );
    }
}

#[test]
fn every_money_amount_in_the_transcript_has_a_figure() {
    let letter = letter();
    let stated: Vec<Amount> = amounts(TRANSCRIPT)
        .into_iter()
        .filter(|a| a.unit == "元")
        .collect();
    let money: Vec<&Figure> = all_figures(&letter)
        .into_iter()
        .filter(|f| f.unit == "元")
        .collect();
    let (lonely_amounts, lonely_figures) = unpaired(&stated, &money);
    assert!(
        lonely_amounts.is_empty(),
        "money in the transcript without a figure: {lonely_amounts:?}"
    );
    assert!(
        lonely_figures.is_empty(),
        "money figures not in the transcript: {lonely_figures:?}"
    );
    assert_eq!(
        money.len(),
        stated.len(),
        "money figures vs amounts in the transcript"
    );
}

/// The same for every amount, counts and percentages too.
#[test]
fn every_amount_in_the_transcript_has_a_figure() {
    let letter = letter();
    let stated = amounts(TRANSCRIPT);
    let figures = all_figures(&letter);
    let (lonely_amounts, lonely_figures) = unpaired(&stated, &figures);
    assert!(
        lonely_amounts.is_empty(),
        "amounts in the transcript without a figure: {lonely_amounts:?}"
    );
    assert!(
        lonely_figures.is_empty(),
        "figures not in the transcript: {lonely_figures:?}"
    );
    assert_eq!(
        figures.len(),
        stated.len(),
        "figures vs amounts in the transcript"
    );
}

/// The text the reader shows, block by block (headings with their numbering, points with
/// their enumerators), without editorial blocks.
fn shown_text() -> String {
    let tree = dafu::letter::tree::LetterTree::new(letter());
    tree.blocks
        .iter()
        .filter(|b| b.kind != dafu::letter::tree::BlockKind::Editorial)
        .map(|b| b.text.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn errata_describe_the_transcript_and_are_applied() {
    let letter = letter();
    let text = shown_text();
    assert!(
        !letter.errata.is_empty(),
        "no errata, yet the transcript has extraction artifacts"
    );
    for erratum in &letter.errata {
        let at = format!("erratum {:?} → {:?}", erratum.original, erratum.corrected);
        assert_ne!(erratum.original, erratum.corrected, "{at}: changes nothing");
        assert!(!erratum.note.trim().is_empty(), "{at}: has no note");
        assert!(
            TRANSCRIPT.contains(&erratum.original),
            "{at}: original is not in the transcript"
        );
        assert!(
            text.contains(&erratum.corrected),
            "{at}: corrected is not in what the reader shows"
        );
        assert!(
            !text.contains(&erratum.original),
            "{at}: original is still in what the reader shows"
        );
    }
}

/// Every ordinal the transcript types with ASCII brackets, `(一)`, has an erratum: the reader
/// shows `（一）`, and that change is not left silent.
#[test]
fn ascii_ordinals_are_each_listed_as_an_erratum() {
    let letter = letter();
    let ascii: Vec<&str> = TRANSCRIPT
        .lines()
        .filter(|l| l.starts_with('(') && l.chars().nth(1).is_some_and(|c| ORDINALS.contains(&c)))
        .collect();
    assert_eq!(ascii.len(), 3, "{ascii:?}");
    for line in ascii {
        assert!(
            letter
                .errata
                .iter()
                .any(|e| line.starts_with(&e.original) && e.corrected.starts_with('（')),
            "no erratum for {line:?}"
        );
    }
}

/// The note on 「围绕我市战⏎⏎战略性」 says the cause is uncertain, because the evidence is: of
/// the nine page breaks inside a sentence, this is the only one that repeats a character, so
/// the repetition is not something the extraction does at page breaks.
#[test]
fn the_repeated_zhan_is_the_only_page_break_that_repeats_a_character() {
    let paragraphs: Vec<&str> = TRANSCRIPT.split("\n\n").collect();
    let mut inside_a_sentence = 0;
    let mut repeating = Vec::new();
    for pair in paragraphs.windows(2) {
        let (Some(last), Some(first)) = (pair[0].trim_end().chars().last(), pair[1].chars().next())
        else {
            continue;
        };
        // A paragraph of the letter ends with 。 or ：; a heading or a line of the header ends
        // with a Chinese character but holds no ，or 。. A page break inside a sentence leaves
        // a Chinese character or a comma at the end of running text.
        let running_text = pair[0].contains(['，', '。']);
        if running_text && (is_cjk(last) || last == '，') && is_cjk(first) {
            inside_a_sentence += 1;
            if last == first {
                repeating.push(format!("{last}⏎{first}"));
            }
        }
    }
    assert_eq!(inside_a_sentence, 9, "page breaks inside a sentence");
    assert_eq!(repeating, ["战⏎战"]);
    let letter = letter();
    let erratum = letter
        .errata
        .iter()
        .find(|e| e.original.contains("战\n\n战"))
        .expect("an erratum for the repeated 战");
    assert!(
        erratum.note.contains("原因不能确定") && erratum.note.contains("笔误"),
        "the note claims more than the evidence: {}",
        erratum.note
    );
}

/// Every place where the transcript repeats a character or a word of up to four characters
/// (whitespace between them aside): `(what repeats, whether a page break lies between)`.
fn repetitions() -> Vec<(String, bool)> {
    let chars: Vec<(usize, char)> = TRANSCRIPT
        .char_indices()
        .filter(|(_, c)| !c.is_whitespace())
        .collect();
    let mut found = Vec::new();
    for n in 1..=4 {
        for i in 0..chars.len().saturating_sub(2 * n - 1) {
            let (a, b) = (&chars[i..i + n], &chars[i + n..i + 2 * n]);
            let same = a.iter().zip(b).all(|((_, x), (_, y))| x == y);
            if same && a.iter().all(|(_, c)| is_cjk(*c)) {
                let between = TRANSCRIPT
                    .get(a[n - 1].0..b[0].0)
                    .unwrap_or_default()
                    .to_string();
                let word: String = a.iter().map(|(_, c)| c).collect();
                found.push((word, between.contains("\n\n")));
            }
        }
    }
    found
}

/// One rule for a repeated character or word, stated once (in the erratum on the repeated
/// 战): repeated across a page break, it is suspected to come from the page break and one is
/// removed, as an erratum; repeated within a page, it is the letter's own and kept with a
/// note; a word that is doubled by nature (「大大提高」) is neither. The transcript has exactly
/// these three, and each is handled by the rule.
#[test]
fn repeated_characters_follow_one_stated_rule() {
    let found = repetitions();
    assert_eq!(
        found,
        [
            ("大".to_string(), false),
            ("战".to_string(), true),
            ("支持".to_string(), false),
        ],
        "repetitions in the transcript"
    );
    let letter = letter();
    let text = letter_text(&nodes(&letter));
    // Across a page break: one removed, recorded as an erratum that says the cause is only
    // suspected.
    let zhan = letter
        .errata
        .iter()
        .find(|e| e.original.contains("战\n\n战"))
        .expect("an erratum for the repeated 战");
    assert_eq!(zhan.corrected.matches('战').count(), 1);
    assert!(zhan.note.contains('疑'), "{}", zhan.note);
    // Within a page: kept verbatim, with a note.
    assert!(text.contains("重点支持支持"));
    assert!(
        letter.notes.iter().any(|n| n.text.contains("支持支持")),
        "no note on 支持支持"
    );
    // By nature: kept, and nothing said.
    assert!(text.contains("大大提高"));
    // The rule is stated once, and names both cases.
    let rule = "重复字的规则";
    let stating: Vec<&str> = letter
        .errata
        .iter()
        .map(|e| e.note.as_str())
        .chain(letter.notes.iter().map(|n| n.note.as_str()))
        .filter(|note| note.contains(&format!("{rule}，全文一条")))
        .collect();
    assert_eq!(stating.len(), 1, "the rule is stated once: {stating:?}");
    assert!(
        stating[0].contains("跨PDF分页") && stating[0].contains("同一页内"),
        "{}",
        stating[0]
    );
    let note = letter
        .notes
        .iter()
        .find(|n| n.text.contains("支持支持"))
        .map(|n| n.note.as_str())
        .unwrap_or_default();
    assert!(note.contains(rule), "the note points to the rule: {note}");
}

/// What the reader lays out differently from the transcript is an erratum too, one of each
/// kind, changing nothing but where a line begins: suggestion 一's title and response, which
/// the transcript prints on one line; and the points (一是…五是), which it writes inside
/// paragraphs, all 18 of them.
#[test]
fn layout_changes_are_errata_of_their_kind() {
    let letter = letter();
    let layout: Vec<&dafu::letter::Erratum> = letter
        .errata
        .iter()
        .filter(|e| e.note.starts_with("版式"))
        .collect();
    assert_eq!(layout.len(), 2, "one erratum per kind of layout change");
    for e in &layout {
        let bare = |t: &str| -> String { t.chars().filter(|c| !c.is_whitespace()).collect() };
        assert_eq!(bare(&e.original), bare(&e.corrected), "only layout: {e:?}");
        assert!(e.corrected.contains('\n'), "a line begins: {e:?}");
    }
    // The title and its response on one line: only suggestion 一's.
    let shared: Vec<&str> = TRANSCRIPT
        .lines()
        .filter(|l| mark_ordinal(l).starts_with(SUGGESTION) && l.contains(" 吸取采纳该建议"))
        .collect();
    assert_eq!(shared.len(), 1, "{shared:?}");
    let title = &letter.suggestions[0].title;
    let response = &letter.suggestions[0].response;
    assert!(
        layout
            .iter()
            .any(|e| e.original == format!("{title} {response}")
                && e.corrected == format!("{title}\n{response}")),
        "no erratum for {title} {response}"
    );
    // Points written inside a paragraph: every enumerator of the transcript stands after
    // other text on its line, and the erratum on them counts them all.
    let (mut inside, mut total) = (0, 0);
    for line in TRANSCRIPT.lines() {
        let (marked, n) = mark_enumerators(&line.replace("**", ""));
        total += n;
        inside += marked
            .match_indices(POINT)
            .filter(|(at, _)| *at > 0)
            .count();
    }
    assert_eq!((inside, total), (18, 18));
    let points = layout
        .iter()
        .find(|e| e.corrected.contains("\n二是"))
        .expect("an erratum for points inside a paragraph");
    assert!(points.note.contains("18处"), "{}", points.note);
}

/// Errata and notes claim no more than the evidence: a cause inferred says 疑, and wording
/// known only from the extraction is the extraction's, not the PDF's.
#[test]
fn errata_and_notes_claim_what_the_evidence_shows() {
    let letter = letter();
    let space = letter
        .errata
        .iter()
        .find(|e| e.original == "十二届五次 会议")
        .expect("the erratum on the title's space");
    assert!(space.note.contains("疑为"), "{}", space.note);
    let youshi = letter
        .notes
        .iter()
        .find(|n| n.text == "優勢")
        .expect("the note on 優勢");
    assert!(youshi.note.starts_with("提取文本如此"), "{}", youshi.note);
    assert!(!youshi.note.contains("原文如此"), "{}", youshi.note);
}

/// The one spacing rule (a space between a Chinese character and a Latin letter or digit is
/// typesetting) rests on this: every such space of the transcript lies in one run of pages on
/// which no Chinese character touches a letter or digit without one, and nowhere else has
/// one. 「德国 VDE」「5G 技术」「TCL 空调器」 are in that run.
#[test]
fn the_spacing_rule_rests_on_the_evidence() {
    let chars: Vec<char> = TRANSCRIPT.chars().collect();
    let mut spaced = Vec::new();
    let mut touching = Vec::new();
    for i in 1..chars.len() {
        let (a, b) = (chars[i - 1], chars[i]);
        if is_typesetting_space(a, b) {
            touching.push(i);
        }
        if b == ' ' && i + 1 < chars.len() && is_typesetting_space(a, chars[i + 1]) {
            spaced.push(i);
        }
    }
    let (first, last) = (spaced[0], spaced[spaced.len() - 1]);
    assert_eq!((spaced.len(), touching.len()), (81, 75));
    assert!(
        touching.iter().all(|&i| i < first || i > last),
        "a letter or digit touches a Chinese character among the spaced pages"
    );
    for kept_before in ["德国 VDE", "5G 技术", "TCL 空调器"] {
        let at = TRANSCRIPT.find(kept_before).expect("in the transcript");
        let before_space = kept_before.split(' ').next().unwrap_or_default();
        let space =
            TRANSCRIPT.get(..at).unwrap_or_default().chars().count() + before_space.chars().count();
        assert!(
            spaced.contains(&space) && (first..=last).contains(&space),
            "{kept_before} is one of the spaced run's spaces"
        );
    }
}

#[test]
fn editorial_notes_are_on_the_letters_own_wording() {
    let letter = letter();
    let text = letter_text(&nodes(&letter));
    for note in &letter.notes {
        assert!(
            !note.note.trim().is_empty(),
            "note on {:?} says nothing",
            note.text
        );
        assert!(
            text.contains(&note.text),
            "noted wording {:?} is not in the letter",
            note.text
        );
        // Kept verbatim: the wording is the transcript's, not a correction of it (its
        // typesetting spaces aside, which the one spacing rule drops: 「人才政策 24 条」).
        let bare: String = note.text.chars().filter(|c| !c.is_whitespace()).collect();
        assert!(
            squeezed(&[TRANSCRIPT.to_string()]).contains(&bare),
            "noted wording {:?} is not in the transcript",
            note.text
        );
    }
}

/// The tests above ignore whitespace; this one checks it. The letter keeps the spaces that
/// belong to the text (`重振虎威 加快高质量崛起`) and drops those that typesetting put between
/// Chinese and Latin letters or digits (`超过 100 家`, `德国 VDE`). A folded scalar, which puts spaces between Chinese
/// characters, or a literal block's trailing line end, fails here.
#[test]
fn spaces_are_the_transcripts_own() {
    let letter = letter();
    let nodes = nodes(&letter);
    for node in &nodes {
        for line in &node.lines {
            let at = format!("{}: {:?}", node.place, excerpt(line, 0, 30));
            assert!(!line.is_empty(), "{at}: empty line");
            assert!(
                !line.chars().any(|c| c.is_whitespace() && c != ' '),
                "{at}: holds a line end or other whitespace"
            );
            assert!(
                line.trim() == line && !line.contains("  "),
                "{at}: stray spaces"
            );
            let chars: Vec<char> = line.chars().collect();
            for w in chars.windows(3).filter(|w| w[1] == ' ') {
                let (before, after) = (w[0], w[2]);
                assert!(
                    !is_typesetting_space(before, after),
                    "{at}: keeps a space in {before} {after}"
                );
                assert!(
                    TRANSCRIPT.contains(&format!("{before} {after}")),
                    "{at}: space in {before} {after} is not the transcript's"
                );
            }
        }
    }

    // The converse: each space of the transcript that belongs to the text is in the letter.
    // Nodes are joined by a space here, since the transcript has one between a suggestion's
    // title and its response.
    let ours = nodes
        .iter()
        .flat_map(|n| n.lines.iter().cloned())
        .collect::<Vec<_>>()
        .join(" ");
    for line in transcript_lines(&letter) {
        let chars: Vec<char> = line.chars().collect();
        for w in chars
            .windows(3)
            .filter(|w| w[1] == ' ' && !w[0].is_whitespace() && !w[2].is_whitespace())
        {
            let (before, after) = (w[0], w[2]);
            if !is_typesetting_space(before, after) {
                assert!(
                    ours.contains(&format!("{before} {after}")),
                    "the transcript's space in {before} {after} is not in the letter"
                );
            }
        }
    }
}

/// The scanner that the figure tests rest on finds what it should, and only that.
#[test]
fn amounts_are_found_as_written() {
    let found = |text: &str| {
        amounts(text)
            .into_iter()
            .map(|a| (a.value, a.unit, a.text))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        found("扶持资金超过 3.3 亿元。"),
        [(330_000_000.0, "元".into(), "3.3 亿元".into())]
    );
    assert_eq!(
        found("分别为80、60、40万元"),
        [
            (800_000.0, "元".into(), "80、60、40万元".into()),
            (600_000.0, "元".into(), "80、60、40万元".into()),
            (400_000.0, "元".into(), "80、60、40万元".into()),
        ]
    );
    assert_eq!(found("额 6%比例"), [(6.0, "%".into(), "6%".into())]);
    assert_eq!(
        found("人才政策 24 条"),
        [(24.0, "条".into(), "24 条".into())]
    );
    assert!(
        found("2020 年，近 5 年，5G 技术，“3+4”，“1+1+9+N”，第125053号，2021年7月28日").is_empty()
    );
}

/// The phrase grammar that `dafu check` reads figures with finds, in the raw transcript
/// (extraction spaces and all), every amount the letter encodes, with its value, unit and the
/// hedge written before it; and besides them only the two counts the letter writes in Chinese
/// numerals (四个方面, 八项工作), which the schema leaves out (figures are amounts in Arabic
/// numerals).
#[test]
fn the_phrase_grammar_finds_every_amount_of_the_transcript() {
    use dafu::numbers::phrase;
    let letter = letter();
    let found = phrase::find_all(TRANSCRIPT);
    let mut stated: Vec<Amount> = Vec::new();
    let mut chinese = Vec::new();
    for f in &found {
        let text = TRANSCRIPT.get(f.range.clone()).unwrap_or_default();
        if !text.chars().any(|c| c.is_ascii_digit()) {
            chinese.push(text);
            continue;
        }
        for item in &f.phrase.items {
            stated.push(Amount {
                value: item.value,
                unit: f.phrase.unit.to_string(),
                text: text.to_string(),
            });
        }
    }
    assert_eq!(chinese, ["四个", "八项", "两场"]);
    let figures = all_figures(&letter);
    let (lonely_amounts, lonely_figures) = unpaired(&stated, &figures);
    assert!(lonely_amounts.is_empty(), "{lonely_amounts:?}");
    assert!(lonely_figures.is_empty(), "{lonely_figures:?}");
    // Hedges written right before a number are the figures' qualifiers, word for word.
    let hedged: Vec<(String, &str)> = found
        .iter()
        .filter_map(|f| {
            let text: String = TRANSCRIPT
                .get(f.range.clone())?
                .chars()
                .filter(|c| *c != ' ')
                .collect();
            Some((text, f.phrase.qualifier?))
        })
        .collect();
    for (text, q) in hedged {
        let figure = figures
            .iter()
            .find(|f| f.text == text)
            .unwrap_or_else(|| panic!("no figure {text}"));
        assert_eq!(figure.qualifier.as_deref(), Some(q), "{text}");
    }
}
