//! The header and footer of a letter, each line read by what it says, in any order.
//!
//! Header, from the top to the addressee (`…代表：`, `…委员：`): the classification (`(A类)`,
//! `类别：B`, `类 别： B`, `办理类型：A`), the document number (`〔2021〕142号`, `﹝2022﹞47号`,
//! `[2020]7号`, `〔2025〕第1号`, with more after it on its line), `签发人：…`, the issuer (a
//! line that names a body), and the title (the other lines, joined). Any of them may be
//! missing. Footer, from the end: the date ([`super::date`]; a line written as a date the
//! calendar does not have is kept among the other lines, and said), the signing body before
//! it (a line that names a body, or nobody), and the labelled lines around them: contact
//! (`联系人`, `联系电话`, `联系单位`, before the signature or after the date), copy (`抄送`,
//! `抄报`) and disclosure (`公开方式`); any other line after the date is kept as it is. The
//! proposal's number and session come from the title or the opening, its title from the
//! opening's first quotation, or else from its words 关于…的建议 (or 的提案, 的议案).

use super::date::{DateLine, date_line};
use super::errata::Errata;
use super::layout::{Line, Measure, join_lines};
use crate::letter::Proposal;

/// What the top of a letter gives.
#[derive(Debug, Default)]
pub(crate) struct Header {
    pub classification: Option<String>,
    pub issuer: Option<String>,
    pub doc_number: Option<String>,
    pub issued_by: Option<String>,
    pub title: Option<String>,
    pub addressee: Option<String>,
    /// Text after the addressee's colon on the addressee's line: the body's first line.
    pub body_head: Option<Line>,
    /// Index into the lines of the first line of the body.
    pub body_start: usize,
}

/// What the end of a letter gives.
#[derive(Debug, Default)]
pub(crate) struct Footer {
    pub issuer: Option<String>,
    /// ISO 8601.
    pub date: Option<String>,
    pub contact: Vec<String>,
    pub disclosure: Option<String>,
    pub cc: Vec<String>,
    pub other_lines: Vec<String>,
    /// The date line, when it is written as a date the calendar does not have: it is kept
    /// in `other_lines`, and `date` is left out.
    pub not_a_date: Option<NotADate>,
    /// Index into the lines of the first line after the body.
    pub body_end: usize,
}

/// A date line written as a date the calendar does not have (`2023年2月30日`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct NotADate {
    /// 1-based line of the input.
    pub line: usize,
    /// The line as written.
    pub text: String,
    /// What is wrong with it, as `dafu check` says it of the date written `YYYY-MM-DD`.
    pub problem: String,
}

impl NotADate {
    /// The report's warning of it.
    pub(crate) fn warning(&self) -> super::Warning {
        super::Warning::NotADate {
            line: self.line,
            text: self.text.clone(),
            problem: self.problem.clone(),
        }
    }
}

/// How many non-blank lines from the top the addressee is sought in.
const HEADER_LINES: usize = 12;

/// How many non-blank lines from the end the date is sought in.
const FOOTER_LINES: usize = 10;

/// The longest addressee, in characters (`农工党中山市委会，罗宇峰等委员`).
const ADDRESSEE_CHARS: usize = 40;

/// Punctuation that a sentence has and a name or a header line does not.
fn has_sentence_punct(text: &str) -> bool {
    text.contains(['。', '！', '？', '；', '《', '》', '“', '”', '!', '?', ';'])
}

/// Reads the header from the top of `lines`.
pub(crate) fn header(lines: &[Option<Line>], errata: &mut Errata) -> Header {
    let present: Vec<(usize, &Line)> = lines
        .iter()
        .enumerate()
        .filter_map(|(i, l)| l.as_ref().map(|l| (i, l)))
        .collect();
    let addressee_at = present
        .iter()
        .take(HEADER_LINES)
        .position(|(_, l)| addressee(&l.text).is_some());
    // Without an addressee, the header is what comes before the first sentence.
    let header_end = addressee_at.unwrap_or_else(|| {
        present
            .iter()
            .take(HEADER_LINES)
            .position(|(_, l)| has_sentence_punct(&l.text) || l.text.contains('，'))
            .unwrap_or(0)
    });
    let mut head = Header::default();
    let title_lines = read_header_lines(&present[..header_end], &mut head, errata);
    if !title_lines.is_empty() {
        head.title = Some(join_lines(title_lines.iter().copied(), errata));
    }
    match addressee_at.map(|a| present[a]) {
        Some((i, line)) => {
            let (name, rest) = addressee(&line.text).unwrap_or_default();
            head.addressee = Some(name.to_string());
            let spaced = rest.starts_with(char::is_whitespace);
            let rest = rest.trim();
            if !rest.is_empty() {
                // `秦振兴代表： 您提出的…`: a web page's paragraphs flattened into one line.
                if spaced {
                    let name_and_colon = line.text.get(..line.text.len() - rest.len());
                    let before = name_and_colon.unwrap_or_default().trim_end();
                    super::layout::record_flattened(before, rest, errata);
                }
                head.body_head = Some(Line {
                    text: rest.to_string(),
                    indented: false,
                    width: line.width,
                    chars: line.chars,
                    number: line.number,
                    set_apart: line.set_apart,
                });
            }
            head.body_start = i + 1;
        }
        None => {
            head.body_start = present.get(header_end).map_or(lines.len(), |(i, _)| *i);
        }
    }
    head
}

/// What a header line is, in the order the reader shows them (the schema's, not always the
/// letter's).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum HeaderLine {
    Class,
    Letterhead,
    Number,
    Signer,
    Title,
}

/// Reads one line of the header into `head`: a known field, or a line of the title. Says
/// which it was.
fn read_header_line<'l>(
    text: &str,
    head: &mut Header,
    title: &mut Vec<&'l Line>,
    line: &'l Line,
) -> HeaderLine {
    if head.classification.is_none()
        && let Some(class) = classification(text)
    {
        head.classification = Some(class);
        HeaderLine::Class
    } else if let Some(name) = labelled(text, &["签发人"]) {
        head.issued_by = Some(name.to_string());
        HeaderLine::Signer
    } else if head.doc_number.is_none()
        && let Some((number, rest)) = doc_number(text)
    {
        head.doc_number = Some(number.to_string());
        if let Some(name) = labelled(rest.trim(), &["签发人"]) {
            head.issued_by = Some(name.to_string());
        }
        HeaderLine::Number
    } else if head.issuer.is_none() && title.is_empty() && is_body_name(text) {
        head.issuer = Some(text.trim().to_string());
        HeaderLine::Letterhead
    } else {
        title.push(line);
        HeaderLine::Title
    }
}

/// Reads the header's lines before the addressee into `head`, each by what it says, and
/// records their order where the reader shows them in another; the lines of the title.
fn read_header_lines<'l>(
    present: &[(usize, &'l Line)],
    head: &mut Header,
    errata: &mut Errata,
) -> Vec<&'l Line> {
    let mut title_lines: Vec<&Line> = Vec::new();
    // Each header line, what it is, in the letter's order, and the lines the reader shows
    // of it.
    let mut written: Vec<(HeaderLine, &str)> = Vec::new();
    let mut shown: Vec<(HeaderLine, String)> = Vec::new();
    for &(_, line) in present {
        let signed = head.issued_by.is_some();
        let place = read_header_line(&line.text, head, &mut title_lines, line);
        written.push((place, line.text.trim()));
        match (&head.doc_number, &head.issued_by) {
            // `签发人：…` after the number on its line: the reader shows it on a line of its
            // own, as it shows one written so.
            (Some(number), Some(name)) if place == HeaderLine::Number && !signed => {
                shown.push((place, number.clone()));
                shown.push((HeaderLine::Signer, format!("签发人：{name}")));
            }
            _ => shown.push((place, line.text.trim().to_string())),
        }
    }
    record_header_order(&written, shown, errata);
    title_lines
}

/// Records, as a change of layout, header lines that the reader shows in another order than
/// the letter writes them (`神林函〔2022〕31号` above `类 别： B`): the reader's order is the
/// schema's, and the letter's is said openly rather than lost. `written` are the letter's
/// lines, `shown` the reader's of them, both in the letter's order.
fn record_header_order(
    written: &[(HeaderLine, &str)],
    mut shown: Vec<(HeaderLine, String)>,
    errata: &mut Errata,
) {
    if written.windows(2).all(|pair| pair[0].0 <= pair[1].0) {
        return;
    }
    shown.sort_by_key(|(place, _)| *place);
    let original: Vec<&str> = written.iter().map(|&(_, line)| line).collect();
    let reordered: Vec<&str> = shown.iter().map(|(_, line)| line.as_str()).collect();
    errata.single(
        original.join("\n"),
        reordered.join("\n"),
        "版式：页首各行在原文中是这个次序；这里按答复类别、发文机关标志、文号、签发人、标题的次序显示，文字不变。",
    );
}

/// The value of a line `LABEL：value` (spaces allowed anywhere in the label), for one of
/// `labels`.
fn labelled<'t>(text: &'t str, labels: &[&str]) -> Option<&'t str> {
    let (label, value) = text.split_once('：').or_else(|| text.split_once(':'))?;
    let label: String = label
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '(' | '（'))
        .collect();
    let value = value.trim().trim_end_matches([')', '）']).trim();
    (labels.contains(&label.as_str()) && !value.is_empty()).then_some(value)
}

/// The addressee's line `…代表：` (and what follows the colon on it): a name before a colon,
/// short, with no sentence punctuation and no label of another field, nor a document number
/// (`某政办函〔2023〕5号 签发人：李华` is the number and its signer).
fn addressee(text: &str) -> Option<(&str, &str)> {
    let (name, rest) = text.split_once('：').or_else(|| text.split_once(':'))?;
    let name = name.trim();
    let label = |l: &str| name.replace(' ', "").starts_with(l);
    let other_field = ["类别", "签发人", "办理", "联系", "抄送", "抄报", "公开"]
        .iter()
        .any(|l| label(l))
        || classification(text).is_some()
        || doc_number(text).is_some()
        || name.contains("如下");
    let fits = !name.is_empty()
        && name.chars().count() <= ADDRESSEE_CHARS
        && !has_sentence_punct(name)
        && !name.ends_with(['局', '府', '会'])
        && !other_field;
    fits.then_some((name, rest))
}

/// `(A类)`, `（B类）`, `A类` → `A类`; `类别：B`, `类 别： B`, `办理类型：A`, `办理结果：C` →
/// the line as written.
fn classification(line: &str) -> Option<String> {
    let inner: String = line
        .trim_matches(['(', ')', '（', '）'])
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let mut chars = inner.chars();
    if let (Some(class), Some('类'), None) = (chars.next(), chars.next(), chars.next())
        && class.is_ascii_uppercase()
    {
        return Some(inner);
    }
    let value = labelled(
        line,
        &["类别", "公开类别", "办理结果", "办理类型", "答复类别"],
    )?;
    let value: String = value.chars().filter(|c| !c.is_whitespace()).collect();
    let short = value.chars().count() <= 3 && value.starts_with(|c: char| c.is_ascii_uppercase());
    short.then(|| line.trim().to_string())
}

/// A document number at the head of `line` (`中山科函〔2021〕142号`, `临建建议字〔2025〕第1号`):
/// the number, and the rest of the line after its `号`.
fn doc_number(line: &str) -> Option<(&str, &str)> {
    let line = line.trim();
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let open = chars
        .iter()
        .position(|&(_, c)| matches!(c, '〔' | '﹝' | '[' | '［' | '【' | '(' | '（'))?;
    let prefix = line.get(..chars[open].0)?;
    if open > 30 || has_sentence_punct(prefix) || prefix.contains(['，', '：']) {
        return None;
    }
    let digit = |i: usize| chars.get(i).is_some_and(|(_, c)| c.is_ascii_digit());
    let year = (open + 1..open + 5).all(digit);
    let close = chars
        .get(open + 5)
        .is_some_and(|(_, c)| matches!(c, '〕' | '﹞' | ']' | '］' | '】' | ')' | '）'));
    if !year || !close {
        return None;
    }
    let mut i = open + 6;
    if chars.get(i).is_some_and(|(_, c)| *c == '第') {
        i += 1;
    }
    let start = i;
    while digit(i) {
        i += 1;
    }
    let hao = chars.get(i).filter(|(_, c)| *c == '号')?;
    (i > start).then(|| {
        let end = hao.0 + '号'.len_utf8();
        (
            line.get(..end).unwrap_or(line),
            line.get(end..).unwrap_or(""),
        )
    })
}

/// Words a body's name ends with: 局, 委员会, 人民政府, 办公室, 中心….
const BODY_ENDINGS: [&str; 20] = [
    "局",
    "委员会",
    "委",
    "政府",
    "办公室",
    "办",
    "院",
    "厅",
    "部",
    "中心",
    "会",
    "所",
    "公司",
    "处",
    "站",
    "队",
    "馆",
    "社",
    "署",
    "司",
];

/// Whether a line names a body (an issuer or a signing body): short, no punctuation, and
/// ending as the names of bodies end.
fn is_body_name(text: &str) -> bool {
    let text = text.trim();
    let chars = text.chars().count();
    (2..=30).contains(&chars)
        && !text.contains(|c: char| {
            crate::import::errata::is_cjk_punct(c) || c.is_ascii_punctuation() || c.is_whitespace()
        })
        && BODY_ENDINGS.iter().any(|e| text.ends_with(e))
}

/// The issuer at the head of a title that names it (`某局关于…`, `某局 对…`). Not the
/// draft's `issuer`, which is the letterhead, a line of its own: a shelf lists a letter by
/// it when the letter has neither letterhead nor signing body.
#[must_use]
pub fn issuer_before(title: &str) -> Option<&str> {
    let at = title.find("关于").or_else(|| title.find('对'))?;
    let before = title.get(..at)?.trim();
    is_body_name(before).then_some(before)
}

/// The kind of a labelled line around the signature.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Labelled {
    Contact,
    Cc,
    Disclosure,
}

/// Whether the line is a contact, copy or disclosure line, by its label.
fn labelled_kind(text: &str) -> Option<Labelled> {
    let bare: String = text
        .trim_start_matches(['(', '（'])
        .chars()
        .filter(|c| !c.is_whitespace())
        .take(6)
        .collect();
    if bare.starts_with("联系") && text.contains(['：', ':']) {
        Some(Labelled::Contact)
    } else if bare.starts_with("抄送") || bare.starts_with("抄报") {
        Some(Labelled::Cc)
    } else if bare.starts_with("公开方式") || bare.starts_with("公开属性") {
        Some(Labelled::Disclosure)
    } else {
        None
    }
}

/// Reads the footer: the last date line, the signing body before it, the labelled lines
/// around them, and every other line after the date.
pub(crate) fn footer(
    lines: &[Option<Line>],
    from: usize,
    measure: Measure,
    errata: &mut Errata,
) -> Footer {
    let present: Vec<(usize, &Line)> = lines
        .iter()
        .enumerate()
        .skip(from)
        .filter_map(|(i, l)| l.as_ref().map(|l| (i, l)))
        .collect();
    let mut foot = Footer {
        body_end: lines.len(),
        ..Footer::default()
    };
    let dated = present
        .iter()
        .rev()
        .take(FOOTER_LINES)
        .position(|(_, l)| date_line(&l.text).is_some())
        .map(|back| present.len() - 1 - back);
    // Where the signature block begins: at the date, or else at the trailing labelled lines.
    let mut top = match dated {
        Some(d) => {
            read_date(present[d].1, &mut foot);
            d
        }
        None => {
            let mut top = present.len();
            while top > 0 && labelled_kind(&present[top - 1].1.text).is_some() {
                top -= 1;
            }
            top
        }
    };
    let after: Vec<&Line> = present[dated.map_or(top, |d| d + 1)..]
        .iter()
        .map(|(_, l)| *l)
        .collect();
    for text in unwrapped(&after, measure, errata) {
        take_labelled(&mut foot, &text, true);
    }
    if top > 0 && is_body_name(&present[top - 1].1.text) {
        foot.issuer = Some(present[top - 1].1.text.trim().to_string());
        top -= 1;
    }
    // Contact and copy lines before the signature, in their order.
    let mut first = top;
    while first > 0 && labelled_kind(&present[first - 1].1.text).is_some() {
        first -= 1;
    }
    let before: Vec<String> = present[first..top]
        .iter()
        .map(|(_, l)| l.text.clone())
        .collect();
    // The reader shows these lines after the signature (the schema keeps no place for them):
    // a change of layout, said openly.
    let signed_to = dated.map_or(top + usize::from(foot.issuer.is_some()), |d| d + 1);
    let signature: Vec<&str> = (present.get(top..signed_to).unwrap_or_default().iter())
        .map(|(_, l)| l.text.trim())
        .collect();
    record_lines_moved_after(&before, &signature, errata);
    take_before_signature(&mut foot, &before);
    foot.body_end = present.get(first).map_or(lines.len(), |(i, _)| *i);
    foot
}

/// Reads the date `line` into `foot`: its date, or, when it is written as a date the
/// calendar does not have, the line as it is among the lines after the signature (the
/// schema's date is one of the calendar), and what is wrong with it.
fn read_date(line: &Line, foot: &mut Footer) {
    match date_line(&line.text) {
        Some(DateLine::Date(iso)) => foot.date = Some(iso),
        Some(DateLine::NotInCalendar(problem)) => {
            foot.other_lines.push(line.text.trim().to_string());
            foot.not_a_date = Some(NotADate {
                line: line.number,
                text: line.text.trim().to_string(),
                problem,
            });
        }
        None => {}
    }
}

/// Files the contact and copy lines written `before` the signature ahead of those after it.
fn take_before_signature(foot: &mut Footer, before: &[String]) {
    let mut early = Footer::default();
    for text in before {
        take_labelled(&mut early, text, false);
    }
    early.contact.append(&mut foot.contact);
    foot.contact = early.contact;
    early.cc.append(&mut foot.cc);
    foot.cc = early.cc;
    foot.disclosure = early.disclosure.take().or(foot.disclosure.take());
}

/// Records, as a change of layout, the contact and copy lines `before` the `signature` that
/// the reader shows after it.
fn record_lines_moved_after(before: &[String], signature: &[&str], errata: &mut Errata) {
    if before.is_empty() || signature.is_empty() {
        return;
    }
    let before: Vec<&str> = before.iter().map(|l| l.trim()).collect();
    errata.single(
        [before.as_slice(), signature].concat().join("\n"),
        [signature, before.as_slice()].concat().join("\n"),
        "版式：这几行在原文中位于落款之前；这里显示在落款之后，文字不变。",
    );
}

/// The lines after the signature, a labelled line that wrapped (it fills the measure, and
/// the next line has no label) joined to its continuation.
fn unwrapped(lines: &[&Line], measure: Measure, errata: &mut Errata) -> Vec<String> {
    let mut out: Vec<Vec<&Line>> = Vec::new();
    for &line in lines {
        match out.last_mut() {
            Some(group)
                if labelled_kind(&line.text).is_none()
                    && group.last().is_some_and(|last| {
                        labelled_kind(&group[0].text).is_some() && measure.fills(last, (1, 1))
                    }) =>
            {
                group.push(line);
            }
            _ => out.push(vec![line]),
        }
    }
    out.into_iter()
        .map(|group| join_lines(group, errata))
        .collect()
}

/// Files one line of the footer under its label; a line with none is kept in `other_lines`
/// when `others` (after the date), and cannot come here otherwise.
fn take_labelled(foot: &mut Footer, text: &str, others: bool) {
    let text = text.trim().to_string();
    match labelled_kind(&text) {
        Some(Labelled::Contact) => foot.contact.push(text),
        Some(Labelled::Cc) => foot.cc.push(text),
        Some(Labelled::Disclosure) if foot.disclosure.is_none() => foot.disclosure = Some(text),
        _ if others => foot.other_lines.push(text),
        _ => {}
    }
}

/// The contact person, phone and unit, as the contact lines write them.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct ContactFields {
    pub person: Option<String>,
    pub phone: Option<String>,
    pub unit: Option<String>,
}

/// Labels of contact lines, longest first where one begins another.
const CONTACT_LABELS: [&str; 7] = [
    "联系单位和联系人及电话",
    "联系人及电话",
    "联系人及联系电话",
    "联系单位",
    "联系电话",
    "联系方式",
    "联系人",
];

/// Reads the person, phone and unit from the contact lines: each labelled value, and the
/// parts of a value that names several (`张春明 0871-67785176`, `徐盛，15398318981`,
/// `县林业和草原局 黑绍刚 3123363`), each verbatim.
pub(crate) fn contact_fields(lines: &[String]) -> ContactFields {
    let mut out = ContactFields::default();
    for line in lines {
        let line = line.trim().trim_start_matches(['(', '（']);
        let line = line.trim_end_matches([')', '）']);
        let mut rest = line;
        while let Some((label, after)) = next_label(rest) {
            let end = next_label_at(after).unwrap_or(after.len());
            let value = after.get(..end).unwrap_or(after);
            rest = after.get(end..).unwrap_or("");
            let parts: Vec<&str> = value
                .split(|c: char| c.is_whitespace() || matches!(c, '，' | ',' | '、'))
                .filter(|p| !p.is_empty())
                .collect();
            for part in parts {
                let slot = if is_phone(part) {
                    &mut out.phone
                } else if label == "联系单位" || is_body_name(part) {
                    &mut out.unit
                } else if label == "联系电话" {
                    &mut out.phone
                } else {
                    &mut out.person
                };
                slot.get_or_insert_with(|| part.to_string());
            }
        }
    }
    out
}

/// The first contact label in `text` followed by a colon: the label and the text after the
/// colon.
fn next_label(text: &str) -> Option<(&'static str, &str)> {
    let at = next_label_at(text)?;
    let from = text.get(at..)?;
    let label = CONTACT_LABELS.iter().find(|l| from.starts_with(*l))?;
    let after = from.get(label.len()..)?.trim_start();
    let after = after
        .strip_prefix('：')
        .or_else(|| after.strip_prefix(':'))?;
    Some((label, after.trim_start()))
}

/// Where the next contact label followed by a colon starts in `text`.
fn next_label_at(text: &str) -> Option<usize> {
    text.char_indices().map(|(i, _)| i).find(|&i| {
        let from = text.get(i..).unwrap_or("");
        CONTACT_LABELS.iter().any(|l| {
            from.strip_prefix(l)
                .is_some_and(|r| r.trim_start().starts_with(['：', ':']))
        })
    })
}

/// A telephone number: digits with dashes (`0871-67785176`, `0915─4426580`, `3123363`).
fn is_phone(part: &str) -> bool {
    let digits = part.chars().filter(char::is_ascii_digit).count();
    digits >= 5
        && part
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '-' | '─' | '—' | '－' | '–' | '(' | ')'))
}

/// The proposal: its number and session from the title (`…关于中山市政协十二届五次会议提案
/// 第125053号答复的函`), or its number from the opening (`（第016号）`); its title from the
/// first quotation in the opening that names a suggestion or proposal, or else from its words
/// that name one without quotation marks ([`unquoted_title`]).
pub(crate) fn proposal(title: Option<&str>, opening: &[String]) -> Proposal {
    let mut out = Proposal::default();
    if let Some(title) = title
        && let Some((number, at)) = last_numbered(title)
    {
        out.number = Some(number.to_string());
        out.session = session(title.get(..at).unwrap_or_default());
    }
    let first = opening.first().map_or("", String::as_str);
    if out.number.is_none() {
        out.number = last_numbered(first).map(|(n, _)| n.to_string());
    }
    out.title = quoted_title(first).or_else(|| unquoted_title(first));
    out
}

/// The last `第…号` whose number is in Arabic digits (with a letter before them, as in
/// `第A20250015号`): the number, and where its `第` stands.
fn last_numbered(text: &str) -> Option<(&str, usize)> {
    let mut found = None;
    for (at, _) in text.match_indices('第') {
        let after = text.get(at + '第'.len_utf8()..).unwrap_or("");
        let len = after
            .char_indices()
            .find(|&(i, c)| !(c.is_ascii_digit() || (i == 0 && c.is_ascii_uppercase())))
            .map_or(after.len(), |(i, _)| i);
        let number = after.get(..len).unwrap_or("");
        if number.chars().any(|c| c.is_ascii_digit())
            && after.get(len..).is_some_and(|r| r.starts_with('号'))
        {
            found = Some((number, at));
        }
    }
    found
}

/// The session in the title's words before the proposal's number: after `关于` (and its
/// `对`) or `对`, without `代表建议`, `提案`, `建议` or a final `的`.
fn session(before: &str) -> Option<String> {
    let after_about = match before.rsplit_once("关于") {
        Some((_, s)) => s.strip_prefix('对').unwrap_or(s),
        None => before.split_once('对').map_or(before, |(_, s)| s),
    };
    let mut s = after_about.trim();
    for tail in ["的", "代表建议", "委员提案", "提案", "建议", "议案"] {
        s = s.strip_suffix(tail).unwrap_or(s);
    }
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_string())
}

/// The most characters of a proposal's title written without quotation marks: it is sought
/// within this many characters of each 关于, which keeps the search linear in the opening.
const UNQUOTED_TITLE_CHARS: usize = 80;

/// What ends a proposal's title written without quotation marks.
const UNQUOTED_TITLE_ENDS: [&str; 3] = ["的建议", "的提案", "的议案"];

/// What follows a proposal's title in the opening when it is received
/// (「…的建议收悉」「…的提案（第12号）已收悉」): a title written without quotation marks is
/// taken across a comma (「关于奋力打造乡村旅游，切实增加农民收入的建议」) only before one of
/// them, where words that run on to the next clause (「关于此事，经研究，对代表的建议答复如
/// 下」) are none.
const RECEIVED: [&str; 6] = ["收悉", "已收悉", "已交", "（", "(", "第"];

/// The proposal's title written without quotation marks in the opening, as the quoted one is
/// read (「您提出的关于加快农村公路建设的建议收悉」): from a 关于 to the nearest 的建议, 的提案
/// or 的议案 after it, within one sentence and [`UNQUOTED_TITLE_CHARS`]; across a comma only
/// when [`RECEIVED`] follows. Not words that name the addressee (「关于您提出的…的建议」),
/// which say what the letter answers, not its title.
fn unquoted_title(opening: &str) -> Option<String> {
    let breaks = |c: char| {
        matches!(
            c,
            '。' | '；' | '：' | '！' | '？' | ';' | '《' | '“' | '\n'
        )
    };
    (opening.match_indices("关于")).find_map(|(at, _)| {
        let rest = opening.get(at..)?;
        let end = (rest.char_indices())
            .take(UNQUOTED_TITLE_CHARS)
            .take_while(|&(_, c)| !breaks(c))
            .map(|(i, c)| i + c.len_utf8())
            .find(|&end| {
                let head = rest.get(..end).unwrap_or_default();
                UNQUOTED_TITLE_ENDS.iter().any(|e| head.ends_with(e))
            })?;
        let (title, after) = (rest.get(..end)?, rest.get(end..)?);
        let clauses = !title.contains(['，', ',']) || RECEIVED.iter().any(|r| after.starts_with(r));
        (clauses && !title.contains(['您', '你'])).then(|| title.to_string())
    })
}

/// The first quotation (`《…》`, `“…”`) of the opening that names a suggestion or proposal:
/// one that begins with `关于` or ends with `建议`, `提案` or `议案`.
fn quoted_title(opening: &str) -> Option<String> {
    let names = |t: &str| {
        t.starts_with("关于") || t.ends_with("建议") || t.ends_with("提案") || t.ends_with("议案")
    };
    let mut rest = opening;
    while let Some(at) = rest.find(['《', '“']) {
        let open = rest.get(at..)?.chars().next()?;
        let close = if open == '《' { '》' } else { '”' };
        let inside = rest.get(at + open.len_utf8()..)?;
        let (quoted, after) = inside.split_once(close)?;
        if names(quoted) {
            return Some(quoted.to_string());
        }
        rest = after;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_shapes() {
        assert_eq!(classification("(A类)").as_deref(), Some("A类"));
        assert_eq!(classification("（B 类）").as_deref(), Some("B类"));
        assert_eq!(classification("类 别： B").as_deref(), Some("类 别： B"));
        assert_eq!(
            classification("办理类型：A").as_deref(),
            Some("办理类型：A")
        );
        assert_eq!(classification("中山市科学技术局"), None);
        assert_eq!(
            doc_number("中山科函〔2021〕142号"),
            Some(("中山科函〔2021〕142号", ""))
        );
        assert_eq!(doc_number("某府函[2020]7号"), Some(("某府函[2020]7号", "")));
        assert_eq!(
            doc_number("自然资函﹝2022﹞47号"),
            Some(("自然资函﹝2022﹞47号", ""))
        );
        assert_eq!(
            doc_number("神林函〔2022〕31号  签发人：高继强"),
            Some(("神林函〔2022〕31号", "  签发人：高继强"))
        );
        assert_eq!(
            doc_number("临建建议字〔2025〕第1号"),
            Some(("临建建议字〔2025〕第1号", ""))
        );
        assert_eq!(doc_number("提案第125053号"), None);
        assert_eq!(
            addressee("秦振兴代表： 您提出的"),
            Some(("秦振兴代表", " 您提出的"))
        );
        assert_eq!(addressee("类别：B"), None);
        assert_eq!(addressee("签发人：高继强"), None);
    }

    #[test]
    fn proposal_from_title_or_opening() {
        let p = proposal(
            Some("中山市科学技术局关于中山市政协十二届五次会议提案第125053号答复的函"),
            &["您们提出的《关于某事的建议》收悉。".to_string()],
        );
        assert_eq!(p.number.as_deref(), Some("125053"));
        assert_eq!(p.session.as_deref(), Some("中山市政协十二届五次会议"));
        assert_eq!(p.title.as_deref(), Some("关于某事的建议"));
        let p = proposal(
            Some("关于对市政协八届一次会议第016号提案的答复"),
            &["您提出的《将某某调整建议》（第016号）收悉。".to_string()],
        );
        assert_eq!(p.number.as_deref(), Some("016"));
        assert_eq!(p.session.as_deref(), Some("市政协八届一次会议"));
        assert_eq!(p.title.as_deref(), Some("将某某调整建议"));
        let p = proposal(
            None,
            &["您提出的《关于甲的议案》（第118号）已收悉。".to_string()],
        );
        assert_eq!(p.number.as_deref(), Some("118"));
        assert_eq!(p.session, None);
    }

    #[test]
    fn contact_lines_give_person_phone_and_unit_verbatim() {
        let fields = contact_fields(&["（联系人及电话：张春明 0871-67785176）".to_string()]);
        assert_eq!(fields.person.as_deref(), Some("张春明"));
        assert_eq!(fields.phone.as_deref(), Some("0871-67785176"));
        let fields = contact_fields(&["联系人：辛长生         联系电话：0915-6825850".to_string()]);
        assert_eq!(fields.person.as_deref(), Some("辛长生"));
        assert_eq!(fields.phone.as_deref(), Some("0915-6825850"));
        let fields =
            contact_fields(&["联系单位和联系人及电话：县林业和草原局 黑绍刚 3123363".to_string()]);
        assert_eq!(fields.unit.as_deref(), Some("县林业和草原局"));
        assert_eq!(fields.person.as_deref(), Some("黑绍刚"));
        assert_eq!(fields.phone.as_deref(), Some("3123363"));
    }
}
