//! `dafu check` for figures: every figure is read from its own text with the phrase grammar
//! ([`crate::numbers::phrase`]) and must say what its text says — value, unit and qualifier — and its
//! period, status, `part_of` and `money_kind` must be the letter's.
//!
//! The loader calls [`letter`] once, after the schema's own checks; an error names the field
//! by its path, which the loader turns into `FILE:LINE:COL`. Work is linear in the letter:
//! each node's text is read once ([`crate::numbers::phrase::find_all`]), and each figure is looked up
//! in maps built from it; a kind of money is looked for in the figure's own clause
//! ([`crate::numbers::clause`]), each clause read once a kind.

use std::collections::HashMap;
use std::ops::Range;

use super::fields::{FigureNode, figure_nodes};
use super::load::locate::{FieldPath, FigureAt};
use super::money_kind::kind_of;
use super::places::FigurePlaces;
use crate::letter::{Figure, Kind, Letter, MoneyKind, Status};
use crate::numbers::clause::Clauses;
use crate::numbers::period::{FORMS, Period};
use crate::numbers::phrase::{self, Phrase};
use crate::numbers::range::{End, range_ending};
use crate::numbers::trim_number;

/// A figure that disagrees with the letter: where (a path to the field) and why.
pub type Mismatch = (FieldPath, String);

/// Words by which a letter says that something is planned, not done.
pub const PLAN_WORDS: [&str; 6] = ["将", "计划", "拟", "预计", "力争", "争取"];

/// The most different periods one node's figures may name: a real paragraph names a few,
/// and the bound keeps the check linear (each is looked for once in the node's text).
pub const MAX_PERIODS_PER_NODE: usize = 64;

/// Checks every figure of `letter` against its own text and its node's.
///
/// # Errors
/// The first figure that disagrees, with the path of the field at fault.
pub fn letter(letter: &Letter) -> Result<(), Mismatch> {
    nodes(&figure_nodes(letter))
}

/// [`letter`], on the letter's figure nodes (from [`figure_nodes`]) when they are at hand.
///
/// # Errors
/// As [`letter`].
pub fn nodes(nodes: &[FigureNode]) -> Result<(), Mismatch> {
    let nodes: Vec<&FigureNode> = nodes.iter().filter(|n| !n.figures.is_empty()).collect();
    // Figures by text, per section, for `part_of`.
    let mut by_section: HashMap<Option<usize>, HashMap<&str, Vec<&Figure>>> = HashMap::new();
    for node in &nodes {
        let texts = by_section.entry(node.section).or_default();
        for f in node.figures {
            texts.entry(f.text.as_str()).or_default().push(f);
        }
    }
    for node in &nodes {
        let empty = HashMap::new();
        let section = by_section.get(&node.section).unwrap_or(&empty);
        check_node(node, section)?;
    }
    Ok(())
}

/// What the letter writes around one number: the hedge right before it, if any, and the
/// hedge that governs it from earlier in its clause.
type Hedges = (Option<&'static str>, Option<&'static str>);

/// A phrase's number and unit without its hedge: `超过100家` and `100家` share `100家`.
fn bare(text: &str, phrase: &Phrase) -> String {
    let rest = match phrase.qualifier {
        Some(q) => text.trim_start().strip_prefix(q).unwrap_or(text),
        None => text,
    };
    rest.trim().to_string()
}

fn check_node(node: &FigureNode, section: &HashMap<&str, Vec<&Figure>>) -> Result<(), Mismatch> {
    // Every phrase of the node's text, once, by its number and unit.
    let mut written: HashMap<String, Vec<Hedges>> = HashMap::new();
    for found in phrase::find_all(&node.text) {
        let text = node.text.get(found.range.clone()).unwrap_or_default();
        written
            .entry(bare(text, &found.phrase))
            .or_default()
            .push((found.phrase.qualifier, found.governing));
    }
    let mut quoting: HashMap<&str, usize> = HashMap::new();
    for f in node.figures {
        *quoting.entry(f.text.as_str()).or_default() += 1;
    }
    let mut seen: HashMap<&str, usize> = HashMap::new();
    // Where the figures stand, their clauses and sentences: found when a figure first needs
    // them (a period, a plan, a kind of money).
    let mut around: Option<Surroundings> = None;
    for (i, figure) in node.figures.iter().enumerate() {
        let here = FigureAt::new(&node.at, i);
        let text = figure.text.as_str();
        let phrase = phrase::parse(text).map_err(|e| {
            (
                here.key("text"),
                format!("“{text}” is not read as a figure: {e}"),
            )
        })?;
        let nth = {
            let n = seen.entry(text).or_default();
            *n += 1;
            *n - 1
        };
        check_unit(figure, &phrase, &here)?;
        check_value(figure, &phrase, nth, quoting[text], &here)?;
        let hedges = written
            .get(&bare(text, &phrase))
            .map_or(&[][..], Vec::as_slice);
        check_qualifier(figure, &phrase, hedges, &here)?;
        if let Some(p) = &figure.period {
            let around = around.get_or_insert_with(|| Surroundings::new(node));
            check_period(p, text, i, around, &here)?;
        }
        if figure.status == Status::Planned
            && !(around.get_or_insert_with(|| Surroundings::new(node))).says_a_plan(i)
        {
            return Err((
                here.key("status"),
                format!(
                    "“{text}” is marked planned, but its sentence (as far as a ；) says none of {}",
                    PLAN_WORDS.join(" ")
                ),
            ));
        }
        if let Some(container) = &figure.part_of {
            check_part_of(figure, container, section, &here)?;
        }
        if let Some(kind) = figure.money_kind {
            let around = around.get_or_insert_with(|| Surroundings::new(node));
            check_money_kind(figure, kind, &around.of(i, kind), &here)?;
        } else if let Some(kind) = kind_of(figure) {
            let around = around.get_or_insert_with(|| Surroundings::new(node));
            check_kind_worded(figure, kind, &around.of(i, kind), &here)?;
        }
    }
    Ok(())
}

/// Where each figure of a node stands, its clause (where its kind of money is worded) and its
/// statement (where its period and a plan are stated: 「2020年，…共192家企业参赛，…获奖企业15家」
/// dates each of its figures, but a year in the next sentence, or after the next `；`, dates
/// none of them); and what each clause and statement says, read once a question however many
/// figures stand there, so that the check stays linear in the node's text.
///
/// A statement runs from its sentence's start to the end of the figure's part of it, where
/// `；` parts a sentence ([`Clauses::parts`]): what the sentence said before the figure's part
/// dates it (「今年以来，清扫路面23784km；清运垃圾约1385方；…」 dates every item of its list),
/// what it says after does not (「…贴息6220.64万元；…2020年向366家…」).
struct Surroundings<'n> {
    text: &'n str,
    /// Where each figure stands, by the reader's rule ([`FigurePlaces`]), its clause and its
    /// statement; `None` for a figure that stands nowhere (which validation refuses before
    /// the check) or whose place is only guessed ([`FigurePlaces::each_place_told`]).
    places: Vec<Option<Place>>,
    /// Per clause (by its bounds) and kind of money, whether the clause words the kind.
    named: HashMap<(usize, usize, MoneyKind), bool>,
    /// Each period the node's figures name, read, or `None` when it is not one.
    periods: HashMap<&'n str, Option<Period>>,
    /// Per sentence (by its start) and period, where the sentence first states the period
    /// ends: each sentence is read once a period, however many parts it has.
    stated: HashMap<(usize, &'n str), Option<usize>>,
    /// Per sentence (by its start), where its first word of a plan ([`PLAN_WORDS`]) ends.
    plans: HashMap<usize, Option<usize>>,
}

/// Where a figure stands in its node's text, its clause, and its statement there: from its
/// sentence's start to the end of its part.
#[derive(Debug, Clone)]
struct Place {
    at: Range<usize>,
    clause: Range<usize>,
    sentence: Range<usize>,
    part_end: usize,
}

/// A figure's clause in its node's `text`, where the figure stands in it (`at`), and whether
/// the clause says one of a kind's words.
struct Worded<'n> {
    text: &'n str,
    clause: Range<usize>,
    at: Range<usize>,
    named: bool,
}

impl<'n> Surroundings<'n> {
    fn new(node: &'n FigureNode) -> Self {
        let text: &str = &node.text;
        let figures = FigurePlaces::new(node.figures);
        let (clauses, sentences) = (Clauses::new(text), Clauses::sentences(text));
        let parts = Clauses::parts(text);
        // A figure whose place the rule only guesses is read in its whole node, as every
        // figure was before its sentence was: the YAML cannot say which place it means.
        let places = (figures.each_place_told(&figures.in_text(text)).into_iter())
            .map(|(at, told)| {
                at.filter(|_| told).map(|at| Place {
                    clause: clauses.around(at.clone()),
                    sentence: sentences.around(at.clone()),
                    part_end: parts.around(at.clone()).end,
                    at,
                })
            })
            .collect();
        Self {
            text,
            places,
            named: HashMap::new(),
            periods: HashMap::new(),
            stated: HashMap::new(),
            plans: HashMap::new(),
        }
    }

    /// Figure `i`'s sentence, and where its statement ends in it; the node's whole text for a
    /// figure that stands nowhere.
    fn statement(&self, i: usize) -> (Range<usize>, usize) {
        let whole = || (0..self.text.len(), self.text.len());
        (self.places.get(i).cloned().flatten()).map_or_else(whole, |p| (p.sentence, p.part_end))
    }

    /// The period `p` read (`None` when it is not one); `Err(())` when the node names more
    /// different periods than [`MAX_PERIODS_PER_NODE`], each of which is looked for in each
    /// sentence at most once.
    fn period(&mut self, p: &'n str) -> Result<Option<Period>, ()> {
        if let Some(period) = self.periods.get(p) {
            return Ok(period.clone());
        }
        if self.periods.len() >= MAX_PERIODS_PER_NODE {
            return Err(());
        }
        let period = Period::parse(p);
        self.periods.insert(p, period.clone());
        Ok(period)
    }

    /// Whether figure `i`'s statement states `period` (named `p`).
    fn states(&mut self, i: usize, p: &'n str, period: &Period) -> bool {
        let (sentence, end) = self.statement(i);
        let text = self.text;
        let first = *(self.stated.entry((sentence.start, p))).or_insert_with(|| {
            let words = text.get(sentence.clone()).unwrap_or_default();
            period.first_stated_in(words).map(|e| sentence.start + e)
        });
        first.is_some_and(|first| first <= end)
    }

    /// Whether figure `i`'s statement says that something is planned ([`PLAN_WORDS`]).
    fn says_a_plan(&mut self, i: usize) -> bool {
        let (sentence, end) = self.statement(i);
        let text = self.text;
        let first = *(self.plans.entry(sentence.start)).or_insert_with(|| {
            let words = text.get(sentence.clone()).unwrap_or_default();
            (PLAN_WORDS.iter())
                .filter_map(|w| words.find(w).map(|at| sentence.start + at + w.len()))
                .min()
        });
        first.is_some_and(|first| first <= end)
    }

    /// Figure `i`'s clause, and whether it says one of `kind`'s words.
    fn of(&mut self, i: usize, kind: MoneyKind) -> Worded<'n> {
        let text = self.text;
        let (at, clause) = match self.places.get(i).cloned().flatten() {
            Some(Place { at, clause, .. }) => (at, clause),
            // Its place not told: the whole node's words.
            None => (0..0, 0..text.len()),
        };
        let words = text.get(clause.clone()).unwrap_or_default();
        let named = *(self.named.entry((clause.start, clause.end, kind)))
            .or_insert_with(|| kind.said_in(words));
        Worded {
            text,
            clause,
            at,
            named,
        }
    }
}

impl Worded<'_> {
    /// Whether the clause says `word`.
    fn says(&self, word: &str) -> bool {
        (self.text.get(self.clause.clone())).is_some_and(|clause| clause.contains(word))
    }

    /// The clause as a refusal quotes it: the figure and at most [`CLAUSE_QUOTED`]
    /// characters on each side of it, cut with `…` (read from the figure outwards, so that a
    /// long clause costs no more than the short one).
    fn quoted(&self) -> String {
        let part = |r: Range<usize>| self.text.get(r).unwrap_or_default();
        let before = part(self.clause.start..self.at.start);
        let from = before
            .char_indices()
            .rev()
            .nth(CLAUSE_QUOTED - 1)
            .map_or(0, |(i, _)| i);
        let after = part(self.at.end..self.clause.end);
        let to = after
            .char_indices()
            .nth(CLAUSE_QUOTED)
            .map_or(after.len(), |(i, _)| i);
        let lead = if from > 0 { "…" } else { "" };
        let tail = if to < after.len() { "…" } else { "" };
        format!(
            "{lead}{}{}{}{tail}",
            before.get(from..).unwrap_or_default(),
            part(self.at.clone()),
            after.get(..to).unwrap_or_default()
        )
    }
}

/// How many characters of a clause a refusal quotes on each side of its figure: enough to
/// show the words around it, not a paragraph that has no clause break.
const CLAUSE_QUOTED: usize = 30;

/// A figure's `money_kind` is for money, and the figure's own clause must name the kind in
/// one of its words: 「立项金额1300万元」 for approved, 「2020年安排352万元资金…」 for
/// allocated. A word elsewhere in the paragraph names another sum: 「政策扶持力度」 in the
/// sentence before does not make 352万元 paid.
fn check_money_kind(
    figure: &Figure,
    kind: MoneyKind,
    worded: &Worded<'_>,
    here: &FigureAt<'_>,
) -> Result<(), Mismatch> {
    let text = figure.text.as_str();
    if figure.kind() != Kind::Money {
        return Err((
            here.key("money_kind"),
            format!(
                "“{text}” is in {}, not money: only money has a money_kind",
                figure.unit
            ),
        ));
    }
    // A sum written 最高 is a ceiling one award may reach, whatever its clause calls the
    // money (「最高补助分别为300、200、100万元」): marked paid, a chart would add ceilings
    // as sums paid out.
    let ceiling = figure
        .qualifier
        .as_deref()
        .filter(|&q| MoneyKind::Cap.said_in(q));
    if let Some(ceiling) = ceiling.filter(|_| kind != MoneyKind::Cap) {
        return Err((
            here.key("money_kind"),
            format!(
                "“{text}” is written {ceiling}, a ceiling: its money_kind is cap, not {}",
                kind.name()
            ),
        ));
    }
    check_kind_worded(figure, kind, worded, here)
}

/// The kind of money a sum is given, by its `money_kind` or, without one, as its `what` words
/// it ([`kind_of`]; a chart adds it so), must be worded in the figure's own clause too, or the
/// YAML says what the letter does not: 研发补助 as the `what` of 「投入资金近1.8亿元」 would
/// add it up as money paid. A clause that says 额度 states what one award comes to
/// (「补助额度分别为80、60、40万元」), how many were made not stated: as money that adds up, a
/// chart would add three prizes' amounts as if each had been paid once.
fn check_kind_worded(
    figure: &Figure,
    kind: MoneyKind,
    worded: &Worded<'_>,
    here: &FigureAt<'_>,
) -> Result<(), Mismatch> {
    let (text, name) = (figure.text.as_str(), kind.name());
    // Refused where the kind was said, with the mend that fits there.
    let (key, said, per_award, unworded) = if figure.money_kind.is_some() {
        let said = format!("“{text}” is marked {name} money");
        ("money_kind", said, "its money_kind is per_award", "")
    } else {
        let said = format!(
            "“{text}” reads as {name} money from its what “{}”",
            figure.what
        );
        let mend = ": give it a money_kind, or word its what as the clause does";
        ("what", said, "write money_kind: per_award", mend)
    };
    let quoted = worded.quoted();
    // An end of a range of amounts (「每人每月补助200至800元」) is no sum of money given: as
    // money that adds up, a chart would add the range's end as if it had been paid. Its last
    // end is the most the range allows, a cap, which the range itself words.
    let range = (!worded.at.is_empty())
        .then(|| range_ending(worded.text, worded.at.clone(), &figure.unit))
        .flatten();
    if let Some((span, end)) = range.clone().filter(|_| kind.adds_up()) {
        let span = worded.text.get(span).unwrap_or_default();
        let mend = match end {
            End::Upper => "its money_kind is cap, the most the range allows",
            End::Lower => "give it no money_kind, and a what that names no kind of money",
        };
        return Err((
            here.key(key),
            format!("{said}, but it is an end of the range “{span}”, which is no sum: {mend}"),
        ));
    }
    let upper_end = range.is_some_and(|(_, end)| end == End::Upper);
    let per_award_word = (MoneyKind::PerAward.words().iter()).find(|w| worded.says(w));
    if let Some(word) = per_award_word.filter(|_| kind.adds_up()) {
        return Err((
            here.key(key),
            format!(
                "{said}, but its clause “{quoted}” says {word}, an amount per award: {per_award}"
            ),
        ));
    }
    // The last end of a range is a ceiling the range itself words.
    if !(worded.named || kind == MoneyKind::Cap && upper_end) {
        let words = kind.words().join(" ");
        return Err((
            here.key(key),
            format!("{said}, but its clause “{quoted}” says none of {words}{unworded}"),
        ));
    }
    Ok(())
}

/// The period `p` of the figure quoting `text` (the node's `i`th) must be one its statement
/// states ([`Surroundings::states`]).
fn check_period<'n>(
    p: &'n str,
    text: &str,
    i: usize,
    around: &mut Surroundings<'n>,
    here: &FigureAt<'_>,
) -> Result<(), Mismatch> {
    let period = around.period(p).map_err(|()| {
        (
            here.key("period"),
            format!("more than {MAX_PERIODS_PER_NODE} different periods in one node"),
        )
    })?;
    let period = period.ok_or_else(|| {
        (
            here.key("period"),
            format!("“{p}” is not a period; write {FORMS}"),
        )
    })?;
    if around.states(i, p, &period) {
        Ok(())
    } else {
        Err((
            here.key("period"),
            format!("the letter does not say “{p}” where “{text}” stands"),
        ))
    }
}

fn check_unit(figure: &Figure, phrase: &Phrase, here: &FigureAt<'_>) -> Result<(), Mismatch> {
    if figure.unit == phrase.unit {
        return Ok(());
    }
    Err((
        here.key("unit"),
        format!(
            "unit “{}” differs from the text “{}”, which is in {}",
            figure.unit, figure.text, phrase.unit
        ),
    ))
}

/// The `nth` figure quoting a list (「300、200、100万元」) takes its `nth` item; figures
/// quoting one amount all take it.
fn check_value(
    figure: &Figure,
    phrase: &Phrase,
    nth: usize,
    quoting: usize,
    here: &FigureAt<'_>,
) -> Result<(), Mismatch> {
    let items = phrase.items.len();
    if items > 1 && !quoting.is_multiple_of(items) {
        return Err((
            here.key("text"),
            format!(
                "“{}” states {items} amounts, but {quoting} figures quote it: one figure an amount",
                figure.text
            ),
        ));
    }
    let item = phrase
        .items
        .get(nth % items.max(1))
        .map_or(f64::NAN, |i| i.value);
    // Equal but for the last bits of a float (1.8 × 10^8 read from 「1.8亿」): a tolerance of
    // a part in a billion let 180000000.1 stand for 「近1.8亿元」.
    let close = (figure.value - item).abs() <= item.abs() * 16.0 * f64::EPSILON;
    if close {
        return Ok(());
    }
    let which = if items > 1 {
        format!(" for its amount {} of {items}", nth % items + 1)
    } else {
        String::new()
    };
    Err((
        here.key("value"),
        format!(
            "value {} differs from the text “{}”, which says {}{which}",
            trim_number(figure.value, 4),
            figure.text,
            trim_number(item, 4)
        ),
    ))
}

/// The qualifier is the word the text starts with; or, when the text has none, a word that
/// governs the number from earlier in its clause (「共认定…64家」); and a figure may not drop
/// a hedge the letter writes right before its number.
fn check_qualifier(
    figure: &Figure,
    phrase: &Phrase,
    hedges: &[Hedges],
    here: &FigureAt<'_>,
) -> Result<(), Mismatch> {
    let text = &figure.text;
    match (phrase.qualifier, figure.qualifier.as_deref()) {
        (Some(said), Some(q)) if said == q => Ok(()),
        (Some(said), Some(q)) => Err((
            here.key("qualifier"),
            format!("qualifier “{q}” differs from the text “{text}”, which says {said}"),
        )),
        (Some(said), None) => Err((
            here.key("text"),
            format!("the text “{text}” says {said}, but the figure has no qualifier"),
        )),
        (None, Some(q)) => {
            if hedges.iter().any(|&(a, g)| a == Some(q) || g == Some(q)) {
                Ok(())
            } else {
                Err((
                    here.key("qualifier"),
                    format!(
                        "qualifier “{q}” is not the letter's: neither “{text}” nor its clause says {q}"
                    ),
                ))
            }
        }
        (None, None) => match hedges {
            [(Some(said), _), rest @ ..] if rest.iter().all(|h| h.0.is_some()) => Err((
                here.key("text"),
                format!("the letter says {said}{text}: the figure drops its hedge"),
            )),
            _ => Ok(()),
        },
    }
}

fn check_part_of(
    figure: &Figure,
    container: &str,
    section: &HashMap<&str, Vec<&Figure>>,
    here: &FigureAt<'_>,
) -> Result<(), Mismatch> {
    let at = || here.key("part_of");
    match section.get(container).map(Vec::as_slice) {
        None | Some([]) => Err((
            at(),
            format!("no figure “{container}” in the same suggestion"),
        )),
        Some([one]) if std::ptr::eq(*one, figure) => {
            Err((at(), "a figure cannot be part of itself".to_string()))
        }
        Some([one]) if one.unit != figure.unit => Err((
            at(),
            format!(
                "“{container}” is in {}, “{}” in {}: one cannot contain the other",
                one.unit, figure.text, figure.unit
            ),
        )),
        // A part is no larger than its whole: 「遴选4项」 of 「8项」, not 8 of 4.
        Some([one]) if one.value < figure.value => Err((
            at(),
            format!(
                "“{container}” ({}) is less than “{}” ({}): a part is no larger than its whole",
                trim_number(one.value, 2),
                figure.text,
                trim_number(figure.value, 2)
            ),
        )),
        Some([_]) => Ok(()),
        Some(many) => Err((
            at(),
            format!(
                "{} figures of the same suggestion read “{container}”: part_of must name one",
                many.len()
            ),
        )),
    }
}
