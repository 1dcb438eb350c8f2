//! The letter flattened once into nodes (for the outline) and blocks (for the reading pane).
//!
//! Nodes are stored in pre-order, so a node's descendants follow it contiguously and its
//! blocks, and those of its descendants, form one contiguous run of [`LetterTree::blocks`].
//! Everything the reader and the command line show is computed here, once, at load.

use std::ops::Range;

use super::places::FigurePlaces;
use super::quotes::Quotes;
use super::{EditorialNote, Erratum, Figure, Letter, Measure, Point, Section, Suggestion};
use crate::strings::Lang;

/// Between a breadcrumb's names (see [`LetterTree::breadcrumb`]).
pub use crate::text::truncate::CRUMB_JOIN;

/// Index of a node in [`LetterTree::nodes`]; stable for a given letter.
pub type NodeId = usize;

/// What part of the letter a node is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NodeKind {
    /// The header and the paragraphs before the first suggestion.
    Opening,
    /// A suggestion 一、关于…的建议 and the answer to it.
    Suggestion,
    /// A numbered section 一、… of a reply written section by section.
    Section,
    /// A measure （一）… of a suggestion.
    Measure,
    /// An enumerated point 一是… of a measure.
    Point,
    /// The closing paragraphs, signature and distribution lines.
    Closing,
}

/// One node of the outline.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// Stable key, as used in output meant for machines: `opening`, `s3`, `s3.m1`,
    /// `s3.m1.p2`, `sec2` (a section), `closing`.
    pub key: String,
    /// What part of the letter this is.
    pub kind: NodeKind,
    /// The enclosing node, if any.
    pub parent: Option<NodeId>,
    /// The nodes it encloses, in reading order.
    pub children: Vec<NodeId>,
    /// 0 for top-level nodes.
    pub depth: usize,
    /// The letter's own numbering: `三、`, `（一）`, `二是`; empty for opening and closing.
    pub label: String,
    /// The heading: a suggestion's or measure's title; a point's first sentence; empty for
    /// the opening and closing, whose names depend on the interface language.
    pub title: String,
    /// The node's own blocks (not its descendants').
    pub blocks: Range<usize>,
    /// The node's blocks and all of its descendants'.
    pub subtree_blocks: Range<usize>,
    /// Figures stated in the node's own text.
    pub figures: Vec<Figure>,
}

/// How a block of the reading pane is set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// Header lines: classification, issuer, document number; signature and distribution.
    Meta,
    /// The letter's title line.
    Title,
    /// A suggestion's heading.
    Heading,
    /// Running text.
    Paragraph,
    /// Editorial matter that is not the letter's text: notes on odd wording, errata.
    Editorial,
}

/// Why part of a block is set apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// The letter's numbering or a heading run into a paragraph.
    Heading,
    /// A figure; the index is into the node's `figures`.
    Figure(usize),
    /// Wording with an editorial note; the index is into `Letter::notes`.
    Note(usize),
    /// Text corrected from the extraction; the index is into `Letter::errata`.
    Erratum(usize),
}

/// A paragraph-like unit of the reading pane.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    /// The node the block belongs to.
    pub node: NodeId,
    /// How it is set.
    pub kind: BlockKind,
    /// Its text, sanitised.
    pub text: String,
    /// Byte ranges of `text` set apart, sorted by start; ranges may nest (a figure inside
    /// a heading) but the reader gives the later, narrower mark precedence.
    pub marks: Vec<(Range<usize>, Mark)>,
}

/// A loaded letter with its outline and reading blocks.
#[derive(Debug, Clone)]
pub struct LetterTree {
    /// The letter as loaded.
    pub letter: Letter,
    /// Nodes in pre-order.
    pub nodes: Vec<Node>,
    /// Blocks in reading order.
    pub blocks: Vec<Block>,
    /// The language the editorial notes' labels are in (see [`LetterTree::in_lang`]).
    pub lang: Lang,
    /// The file it was read from, as the reader names it (sanitised, [`LetterTree::with_source`]);
    /// `None` for the letter built into dafu and for a tree made in memory.
    pub source: Option<String>,
}

/// A Chinese numeral as the letter numbers things (一, 十二, 二十, 一百零一).
#[must_use]
pub fn chinese_numeral(n: usize) -> String {
    crate::numbers::chinese::write(u64::try_from(n).unwrap_or(u64::MAX))
}

/// `2021-07-28` → `2021年7月28日`, as letters print dates.
#[must_use]
pub fn chinese_date(iso: &str) -> String {
    match super::load::parse_date(iso) {
        Some((y, m, d)) => format!("{y}年{m}月{d}日"),
        None => iso.to_string(),
    }
}

struct Builder<'a> {
    letter: &'a Letter,
    /// The language of the editorial labels.
    lang: Lang,
    nodes: Vec<Node>,
    blocks: Vec<Block>,
    /// The letter's notes, then what of each erratum stands in the text (see [`Erratum::in_text`]),
    /// found in every block at once.
    editorial: Quotes<'a>,
    /// Whether each erratum's text (see [`Erratum::in_text`]) occurs in some block of the letter's text.
    placed: Vec<bool>,
    /// The figures of the node whose blocks are being added, ready to be found in each.
    figures: Option<(NodeId, FigurePlaces<'a>)>,
    /// Each node's figures as the letter holds them, for the finder above.
    node_figures: Vec<&'a [Figure]>,
    /// The errata whose text runs across a line break (a change of layout), not placed yet.
    spanning: SpanningErrata<'a>,
    /// The last block of the letter's text added (not a note under it).
    previous_text: Option<usize>,
    /// The block that says what the letter lacks, if it lacks anything.
    absent: Option<usize>,
}

/// The errata whose text (see [`Erratum::in_text`]) runs across a line break: where a
/// paragraph was split, or lines shown in another order. No block holds one whole; each is
/// set under the block that begins with its last line, after a block of text that ends with
/// its line before.
#[derive(Default)]
struct SpanningErrata<'a> {
    /// By their last line: each erratum, and its line before. A block is looked up by its
    /// starts of these lines' lengths, not compared with every erratum.
    by_last: foldhash::HashMap<&'a str, Vec<(usize, &'a str)>>,
    /// The lengths of the last lines, in bytes, ascending and each once.
    lengths: Vec<usize>,
    /// How many bytes the looking up and comparing may still cost: each block adds as much
    /// as the notes' finder is given for it, so that the work stays linear in the letter
    /// whatever its errata; what finds no place within it is listed at the end.
    budget: usize,
}

impl<'a> SpanningErrata<'a> {
    fn of(errata: &'a [Erratum]) -> Self {
        let mut spanning = Self::default();
        for (erratum, e) in errata.iter().enumerate() {
            let Some((rest, last)) = e.in_text().rsplit_once('\n') else {
                continue;
            };
            let before = rest.rsplit_once('\n').map_or(rest, |(_, line)| line);
            if !last.is_empty() && !before.is_empty() {
                spanning
                    .by_last
                    .entry(last)
                    .or_default()
                    .push((erratum, before));
                spanning.lengths.push(last.len());
            }
        }
        spanning.lengths.sort_unstable();
        spanning.lengths.dedup();
        spanning
    }

    /// The errata placed at the block `text`, about to be added after the block of text
    /// `previous`, with the length of their last line; each is placed once. Those `placed`
    /// already (found whole in a block) are let go.
    fn at(&mut self, previous: &str, text: &str, placed: &[bool]) -> Vec<(usize, usize)> {
        let mut here = Vec::new();
        if self.by_last.is_empty() {
            return here;
        }
        self.budget = self
            .budget
            .saturating_add(super::quotes::match_budget(text.len()));
        for &length in &self.lengths {
            let Some(start) = text.get(..length) else {
                // Past the block's end, or inside a character.
                if length > text.len() {
                    break;
                }
                continue;
            };
            let Some(cost) = self.budget.checked_sub(length) else {
                break;
            };
            self.budget = cost;
            let Some(errata) = self.by_last.get_mut(start) else {
                continue;
            };
            let budget = &mut self.budget;
            errata.retain(|&(erratum, before)| {
                if placed.get(erratum).copied().unwrap_or(true) {
                    return false;
                }
                let Some(cost) = budget.checked_sub(before.len()) else {
                    return true;
                };
                *budget = cost;
                let fits = previous.ends_with(before);
                if fits {
                    here.push((erratum, length));
                }
                !fits
            });
        }
        here
    }
}

impl<'a> Builder<'a> {
    fn open(
        &mut self,
        kind: NodeKind,
        key: String,
        parent: Option<NodeId>,
        label: String,
        title: String,
        figures: &'a [Figure],
    ) -> NodeId {
        let id = self.nodes.len();
        self.node_figures.push(figures);
        let depth = parent.map_or(0, |p| self.nodes[p].depth + 1);
        if let Some(p) = parent {
            self.nodes[p].children.push(id);
        }
        let start = self.blocks.len();
        self.nodes.push(Node {
            key,
            kind,
            parent,
            children: Vec::new(),
            depth,
            label,
            title,
            blocks: start..start,
            subtree_blocks: start..start,
            figures: figures.to_vec(),
        });
        id
    }

    /// Adds a block of the letter's text to `node`, marking its heading prefix, figures,
    /// odd wording and corrected text.
    fn block(&mut self, node: NodeId, kind: BlockKind, text: String, heading_bytes: usize) {
        let mut marks = Vec::new();
        if heading_bytes > 0 {
            marks.push((0..heading_bytes, Mark::Heading));
        }
        if self.figures.as_ref().is_none_or(|(id, _)| *id != node) {
            self.figures = Some((node, FigurePlaces::new(self.node_figures[node])));
        }
        if let Some((_, places)) = &self.figures {
            // Figures sharing one text (80、60、40万元) are marked once, by the first.
            for (i, range) in places.in_text(&text) {
                marks.push((range, Mark::Figure(i)));
            }
        }
        // Each note and erratum is marked where it first occurs in the block, and explained
        // under it, notes first, each in the letter's order.
        // Bounded as validation bounds it: the tree may be built while the letter is checked.
        let notes = self.letter.notes.len();
        let quoted = |i: usize| match self.letter.notes.get(i) {
            Some(note) => note.text.len(),
            None => self
                .letter
                .errata
                .get(i - notes)
                .map_or(0, |e| e.in_text().len()),
        };
        // Each quotation found, and the bytes it marks.
        let mut found: Vec<(usize, Range<usize>)> = (self.editorial)
            .find_in(&text, super::quotes::match_budget(text.len()))
            .matches
            .into_iter()
            .map(|(i, at)| (i, at..at + quoted(i)))
            .collect();
        if kind != BlockKind::Editorial {
            // A spanning erratum marks its last line, where the block begins.
            let spanning = self.spanning_at(&text);
            found.extend((spanning.into_iter()).map(|(erratum, last)| (notes + erratum, 0..last)));
            found.sort_unstable_by_key(|(i, at)| (*i, at.start));
        }
        let mut editorial = Vec::new();
        let mut last = None;
        for (i, at) in found {
            // Sorted by quotation, then start: the first of each quotation is its first place.
            if last.replace(i) == Some(i) {
                continue;
            }
            if let Some(note) = self.letter.notes.get(i) {
                marks.push((at, Mark::Note(i)));
                editorial.push(note_text(note, self.lang));
            } else if let Some(erratum) = self.letter.errata.get(i - notes) {
                marks.push((at, Mark::Erratum(i - notes)));
                editorial.push(erratum_text(erratum, self.lang));
                self.placed[i - notes] = true;
            }
        }
        marks.sort_by_key(|(r, _)| (r.start, std::cmp::Reverse(r.end)));
        if kind != BlockKind::Editorial {
            self.previous_text = Some(self.blocks.len());
        }
        self.blocks.push(Block {
            node,
            kind,
            text,
            marks,
        });
        for text in editorial {
            self.push_editorial(node, text);
        }
        self.nodes[node].blocks.end = self.blocks.len();
    }

    /// The spanning errata placed at the block `text`, about to be added, with the length of
    /// their last line ([`SpanningErrata::at`]).
    fn spanning_at(&mut self, text: &str) -> Vec<(usize, usize)> {
        let previous = (self.previous_text)
            .and_then(|i| self.blocks.get(i))
            .map_or("", |block| block.text.as_str());
        self.spanning.at(previous, text, &self.placed)
    }

    fn close(&mut self, node: NodeId) {
        let end = self.blocks.len();
        self.nodes[node].subtree_blocks.end = end;
    }

    /// The opening: the letter's header lines, title, addressee and first paragraphs.
    fn opening(&mut self) {
        let letter = self.letter;
        let opening = self.open(
            NodeKind::Opening,
            "opening".into(),
            None,
            String::new(),
            String::new(),
            &letter.opening_figures,
        );
        for line in letter.header_lines() {
            self.block(opening, BlockKind::Meta, line, 0);
        }
        if let Some(title) = &letter.title {
            self.block(opening, BlockKind::Title, title.clone(), 0);
        }
        if let Some(addressee) = &letter.addressee {
            self.block(opening, BlockKind::Paragraph, format!("{addressee}："), 0);
        }
        // What the header and signature lack is said once, at the head, so that a reader
        // knows it is the letter's and not the reader's omission.
        let missing = letter.missing();
        if !missing.is_empty() {
            self.absent = Some(self.blocks.len());
            let text = absent_text(&missing, self.lang, self.lang.editorial().absent);
            self.push_editorial(opening, text);
        }
        // A date the calendar does not have is not lacking: it is said there that it is
        // given, and what is wrong with it, as the import and `dafu check` say.
        if let Some((line, problem)) = letter.impossible_date() {
            let text = (self.lang.editorial().impossible_date)(line, &problem);
            self.push_editorial(opening, format!("※ {text}"));
        }
        for paragraph in &letter.opening {
            self.block(opening, BlockKind::Paragraph, paragraph.clone(), 0);
        }
        self.close(opening);
    }

    /// Suggestion `s` (0-based) with its heading, response, paragraphs and measures.
    fn suggestion(&mut self, s: usize, suggestion: &'a Suggestion) {
        let label = format!("{}、", chinese_numeral(s + 1));
        let node = self.open(
            NodeKind::Suggestion,
            format!("s{}", s + 1),
            None,
            label.clone(),
            suggestion.title.clone(),
            &suggestion.figures,
        );
        let heading = format!("{label}{}", suggestion.title);
        let heading_len = heading.len();
        self.block(node, BlockKind::Heading, heading, heading_len);
        if !suggestion.response.is_empty() {
            self.block(node, BlockKind::Paragraph, suggestion.response.clone(), 0);
        }
        for paragraph in &suggestion.paragraphs {
            self.block(node, BlockKind::Paragraph, paragraph.clone(), 0);
        }
        for (m, measure) in suggestion.measures.iter().enumerate() {
            self.measure(node, format!("s{}.m{}", s + 1, m + 1), m, measure);
        }
        self.close(node);
    }

    /// Section `s` (0-based): its heading and paragraphs, or a numbered paragraph whose
    /// number runs into its first paragraph.
    fn section(&mut self, s: usize, section: &'a Section) {
        let label = format!("{}、", chinese_numeral(s + 1));
        let first = section.paragraphs.first().map_or("", String::as_str);
        // The outline names a numbered paragraph by its first sentence, on one line.
        let title = match &section.title {
            Some(title) => title.clone(),
            None => crate::text::sanitize_line(&crate::text::paragraph_name(first)).into_owned(),
        };
        let key = format!("sec{}", s + 1);
        let node = self.open(
            NodeKind::Section,
            key.clone(),
            None,
            label.clone(),
            title,
            &section.figures,
        );
        let mut paragraphs = section.paragraphs.iter();
        if let Some(title) = &section.title {
            let heading = format!("{label}{title}");
            let heading_len = heading.len();
            self.block(node, BlockKind::Heading, heading, heading_len);
        } else {
            let first = paragraphs.next().map_or(String::new(), String::clone);
            let label_len = label.len();
            self.block(
                node,
                BlockKind::Paragraph,
                format!("{label}{first}"),
                label_len,
            );
        }
        for paragraph in paragraphs {
            self.block(node, BlockKind::Paragraph, paragraph.clone(), 0);
        }
        self.points(node, &key, &section.points);
        self.close(node);
    }

    /// Measure `m` (0-based) of the suggestion `parent`, keyed `key`, with its points.
    fn measure(&mut self, parent: NodeId, key: String, m: usize, measure: &'a Measure) {
        let label = format!("（{}）", chinese_numeral(m + 1));
        let node = self.open(
            NodeKind::Measure,
            key.clone(),
            Some(parent),
            label.clone(),
            measure.title.clone(),
            &measure.figures,
        );
        // The letter runs a measure's heading into its first paragraph.
        let heading = format!("{label}{}", Measure::heading(&measure.title));
        let heading_len = heading.len();
        let mut paragraphs = measure.paragraphs.iter();
        let first = paragraphs.next().map_or(String::new(), String::clone);
        self.block(
            node,
            BlockKind::Paragraph,
            format!("{heading}{first}"),
            heading_len,
        );
        for paragraph in paragraphs {
            self.block(node, BlockKind::Paragraph, paragraph.clone(), 0);
        }
        self.points(node, &key, &measure.points);
        self.close(node);
    }

    /// The points 一是、二是… of the measure or section `node`, keyed `{key}.p1`….
    fn points(&mut self, node: NodeId, key: &str, points: &'a [Point]) {
        for (p, point) in points.iter().enumerate() {
            let label = format!("{}是", chinese_numeral(p + 1));
            let pnode = self.open(
                NodeKind::Point,
                format!("{key}.p{}", p + 1),
                Some(node),
                label.clone(),
                // One line of the outline: a break inside the sentence must not make two.
                crate::text::sanitize_line(&crate::text::paragraph_name(&point.text)).into_owned(),
                &point.figures,
            );
            let label_len = label.len();
            self.block(
                pnode,
                BlockKind::Paragraph,
                format!("{label}{}", point.text),
                label_len,
            );
            self.close(pnode);
        }
    }

    /// The closing: last paragraphs, signature, date, contact, disclosure, cc, and the
    /// errata that correct no one place.
    fn closing(&mut self) {
        let letter = self.letter;
        let closing = self.open(
            NodeKind::Closing,
            "closing".into(),
            None,
            String::new(),
            String::new(),
            &letter.closing_figures,
        );
        for paragraph in &letter.closing {
            self.block(closing, BlockKind::Paragraph, paragraph.clone(), 0);
        }
        if let Some(issuer) = &letter.signature.issuer {
            self.block(closing, BlockKind::Meta, issuer.clone(), 0);
        }
        if let Some(date) = &letter.signature.date {
            self.block(closing, BlockKind::Meta, chinese_date(date), 0);
        }
        let lines = letter.contact.iter().chain(&letter.disclosure);
        for line in lines.chain(&letter.cc).chain(&letter.other_lines) {
            self.block(closing, BlockKind::Meta, line.clone(), 0);
        }
        // Errata that correct no one place (e.g. "page breaks were joined") are listed at the end.
        for (erratum, &placed) in letter.errata.iter().zip(&self.placed) {
            if !placed || erratum.in_text().is_empty() {
                self.blocks.push(Block {
                    node: closing,
                    kind: BlockKind::Editorial,
                    text: erratum_text(erratum, self.lang),
                    marks: Vec::new(),
                });
            }
        }
        self.nodes[closing].blocks.end = self.blocks.len();
        self.close(closing);
    }

    /// An editorial block of `node` (a note, an erratum, what the letter lacks), with no
    /// marks, that ends its blocks so far.
    fn push_editorial(&mut self, node: NodeId, text: String) {
        self.blocks.push(Block {
            node,
            kind: BlockKind::Editorial,
            text,
            marks: Vec::new(),
        });
        self.nodes[node].blocks.end = self.blocks.len();
    }

    /// Once the whole letter is read: the fields a text cut short lacks are said to be not
    /// in the text given, not lacking from the letter, whose end the text does not reach.
    /// The tree knows a text is cut short by the rule the importer warns by (its last
    /// paragraph stops mid-sentence, no one signed or dated it), read from the letter
    /// itself, so that it holds for a reviewed draft as for one read in memory: the
    /// importer's note where the text stops may have been reworded or deleted in review.
    fn absent_from_a_text_cut_short(&mut self) {
        if let Some(at) = self.absent
            && cut_short(self.letter, &self.blocks).is_some()
        {
            let label = self.lang.editorial().absent_from_text;
            self.blocks[at].text = absent_text(&self.letter.missing(), self.lang, label);
        }
    }
}

/// The fields the letter lacks, after `absent` (one of the labels in `lang`):
/// `※ 本函未载：文号、标题`.
fn absent_text(missing: &[&str], lang: Lang, absent: &str) -> String {
    let labels = lang.editorial();
    let names: Vec<&str> = missing
        .iter()
        .map(|m| {
            labels
                .fields
                .iter()
                .find(|(name, _)| name == m)
                .map_or(*m, |(_, label)| *label)
        })
        .collect();
    format!("※ {absent}{}", names.join(labels.list))
}

/// What ends a sentence, or a quotation or aside that ends one: a paragraph that ends with
/// none of these stops in mid-sentence.
const SENTENCE_ENDS: &str = "。！？；…”’」』）)!?.;";

/// The text of the last paragraph of `blocks` (the letter's, in reading order), when it
/// stops in mid-sentence and no one signed or dated `letter`: a text cut short (a page
/// copied in part, an extraction that stopped). A letter that is signed may close without a
/// stop (`特此答复`).
fn cut_short<'b>(letter: &Letter, blocks: &'b [Block]) -> Option<&'b str> {
    // Nor is a letter dated with a day the calendar does not have, as the import holds.
    if letter.signature.issuer.is_some()
        || letter.signature.date.is_some()
        || letter.impossible_date().is_some()
    {
        return None;
    }
    let last = blocks
        .iter()
        .rev()
        .find(|b| b.kind == BlockKind::Paragraph)?;
    let text = last.text.trim_end();
    (!text.ends_with(|c| SENTENCE_ENDS.contains(c))).then_some(text)
}

/// A note as set under its paragraph, its labels in `lang`: `※ 「優勢」原文如此…`.
fn note_text(note: &EditorialNote, lang: Lang) -> String {
    let labels = lang.editorial();
    let (open, close) = labels.quotes;
    format!(
        "※ {}{open}{}{close}{}{}",
        labels.note, note.text, labels.gap, note.note
    )
}

/// An erratum as set under its paragraph (or at the end), its labels in `lang`.
fn erratum_text(erratum: &Erratum, lang: Lang) -> String {
    // An original that spans a page break holds line breaks; show them as a symbol so the
    // note stays one paragraph.
    let shown = |s: &str| s.replace("\n\n", "⏎").replace('\n', "⏎");
    let labels = lang.editorial();
    let (open, close) = labels.quotes;
    let label = if erratum.suspected {
        labels.suspected
    } else {
        labels.erratum
    };
    format!(
        "※ {label}{open}{}{close}{}{open}{}{close}{}{}",
        shown(&erratum.original),
        labels.arrow,
        shown(&erratum.corrected),
        labels.gap,
        shown(&erratum.note)
    )
}

impl LetterTree {
    /// Flattens a letter into nodes and blocks, in reading order, with the editorial
    /// notes' labels in Chinese.
    #[must_use]
    pub fn new(letter: Letter) -> Self {
        Self::in_lang(letter, Lang::Zh)
    }

    /// The same tree with the editorial notes' labels in `lang` (`※ erratum: …`): what
    /// the reader, the plain text and search see is built once, in the interface's language.
    #[must_use]
    pub fn with_lang(self, lang: Lang) -> Self {
        if self.lang == lang {
            return self;
        }
        let source = self.source;
        Self {
            source,
            ..Self::in_lang(self.letter, lang)
        }
    }

    /// Flattens a letter into nodes and blocks, in reading order, with the editorial notes'
    /// labels in `lang`.
    #[must_use]
    pub fn in_lang(letter: Letter, lang: Lang) -> Self {
        let editorial = Quotes::for_many_texts(
            (letter.notes.iter().map(|n| n.text.as_str()))
                .chain(letter.errata.iter().map(Erratum::in_text)),
        );
        let mut b = Builder {
            letter: &letter,
            lang,
            nodes: Vec::new(),
            blocks: Vec::new(),
            editorial,
            placed: vec![false; letter.errata.len()],
            figures: None,
            node_figures: Vec::new(),
            spanning: SpanningErrata::of(&letter.errata),
            previous_text: None,
            absent: None,
        };
        b.opening();
        for (s, suggestion) in letter.suggestions.iter().enumerate() {
            b.suggestion(s, suggestion);
        }
        for (s, section) in letter.sections.iter().enumerate() {
            b.section(s, section);
        }
        b.closing();
        b.absent_from_a_text_cut_short();
        let Builder { nodes, blocks, .. } = b;
        Self {
            letter,
            nodes,
            blocks,
            lang,
            source: None,
        }
    }

    /// The text of the letter's last paragraph, when the letter stops in mid-sentence and no
    /// one signed or dated it: a text cut short, whose end (signature, date) is not in it.
    #[must_use]
    pub fn cut_short(&self) -> Option<&str> {
        cut_short(&self.letter, &self.blocks)
    }

    /// Whether the letter is an import no person has reviewed: a text imported just now
    /// (`dafu letter.txt`), or a draft still headed as `dafu import` wrote it
    /// ([`Letter::draft`]). The reader and the shelf say so.
    #[must_use]
    pub fn unreviewed_import(&self) -> bool {
        self.letter.draft
    }

    /// The same tree, known to have been read from the file at `path`: the reader names it
    /// (`=`).
    #[must_use]
    pub fn with_source(self, path: &std::path::Path) -> Self {
        Self {
            source: Some(crate::text::sanitize::path_line(path)),
            ..self
        }
    }

    /// The top-level nodes: opening, suggestions, closing.
    pub fn roots(&self) -> impl Iterator<Item = NodeId> + '_ {
        (0..self.nodes.len()).filter(|&id| self.nodes[id].parent.is_none())
    }

    /// The node of suggestion `n` (1-based), if the letter has it.
    #[must_use]
    pub fn suggestion(&self, n: usize) -> Option<NodeId> {
        self.roots()
            .filter(|&id| self.nodes[id].kind == NodeKind::Suggestion)
            .nth(n.checked_sub(1)?)
    }

    /// The node's ancestors, outermost first, then the node itself.
    #[must_use]
    pub fn path(&self, id: NodeId) -> Vec<NodeId> {
        let mut path = vec![id];
        let mut at = id;
        while let Some(parent) = self.nodes[at].parent {
            path.push(parent);
            at = parent;
        }
        path.reverse();
        path
    }

    /// The node's name as the outline and breadcrumbs show it: label and title for
    /// suggestions and measures, the label alone for points, the section name otherwise.
    #[must_use]
    pub fn name(&self, id: NodeId, lang: Lang) -> String {
        self.name_parts(id, lang).concat()
    }

    /// The two parts [`LetterTree::name`] joins (the second may be empty), borrowed: for
    /// a caller that writes the name into a longer string.
    #[must_use]
    pub fn name_parts(&self, id: NodeId, lang: Lang) -> [&str; 2] {
        let node = &self.nodes[id];
        match node.kind {
            NodeKind::Opening => [lang.strings().opening, ""],
            NodeKind::Closing => [lang.strings().closing, ""],
            NodeKind::Point => [&node.label, ""],
            NodeKind::Suggestion | NodeKind::Measure | NodeKind::Section => {
                [&node.label, &node.title]
            }
        }
    }

    /// The node as an outline row shows it: its name, or for a point its label and first
    /// sentence (`二是 推进机制创新。`).
    #[must_use]
    pub fn outline_label(&self, id: NodeId, lang: Lang) -> String {
        let node = &self.nodes[id];
        match node.kind {
            NodeKind::Point => format!("{} {}", node.label, node.title),
            _ => self.name(id, lang),
        }
    }

    /// `三、关于打造…的建议 › （一）提升企业技术支撑能力 › 二是`.
    #[must_use]
    pub fn breadcrumb(&self, id: NodeId, lang: Lang) -> String {
        self.path(id)
            .into_iter()
            .map(|n| self.name(n, lang))
            .collect::<Vec<_>>()
            .join(CRUMB_JOIN)
    }

    /// The text of the node and its descendants, one block a line, for copying and printing.
    #[must_use]
    pub fn subtree_text(&self, id: NodeId) -> String {
        self.blocks[self.nodes[id].subtree_blocks.clone()]
            .iter()
            .filter(|b| b.kind != BlockKind::Editorial)
            .map(|b| b.text.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// How many figures the node and its descendants state: what a collapsed outline row or
    /// a suggestion holds. Descendants follow a node in pre-order, deeper than it.
    #[must_use]
    pub fn figures_under(&self, id: NodeId) -> usize {
        self.nodes[self.subtree(id)]
            .iter()
            .map(|n| n.figures.len())
            .sum()
    }

    /// The node and its descendants, which follow it in pre-order, deeper than it.
    #[must_use]
    pub fn subtree(&self, id: NodeId) -> std::ops::Range<NodeId> {
        let depth = self.nodes[id].depth;
        let below = self.nodes[id + 1..]
            .iter()
            .take_while(|n| n.depth > depth)
            .count();
        id..id + 1 + below
    }

    /// All figures of the letter with the node stating each, in reading order.
    pub fn figures(&self) -> impl Iterator<Item = (NodeId, &Figure)> + '_ {
        self.nodes
            .iter()
            .enumerate()
            .flat_map(|(id, n)| n.figures.iter().map(move |f| (id, f)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree() -> LetterTree {
        LetterTree::new(crate::letter::load::embedded())
    }

    #[test]
    fn numerals_read_as_the_letter_writes_them() {
        assert_eq!(chinese_numeral(1), "一");
        assert_eq!(chinese_numeral(10), "十");
        assert_eq!(chinese_numeral(12), "十二");
        assert_eq!(chinese_numeral(20), "二十");
        assert_eq!(chinese_numeral(35), "三十五");
    }

    #[test]
    fn letter_has_five_suggestions_fifteen_measures_eighteen_points() {
        let t = tree();
        let count = |k| t.nodes.iter().filter(|n| n.kind == k).count();
        assert_eq!(count(NodeKind::Suggestion), 5);
        assert_eq!(count(NodeKind::Measure), 15);
        assert_eq!(count(NodeKind::Point), 18);
        assert_eq!(t.nodes.first().map(|n| n.kind), Some(NodeKind::Opening));
        assert_eq!(t.nodes.last().map(|n| n.kind), Some(NodeKind::Closing));
    }

    #[test]
    fn breadcrumb_names_suggestion_measure_and_point() {
        let t = tree();
        let id = t.nodes.iter().position(|n| n.key == "s3.m1.p2").unwrap();
        assert_eq!(
            t.breadcrumb(id, Lang::Zh),
            "三、关于打造新一代人工智能科技产业龙头企业的建议 › （一）提升企业技术支撑能力 › 二是"
        );
    }

    #[test]
    fn subtree_blocks_are_contiguous_and_cover_every_block() {
        let t = tree();
        let mut covered = 0;
        for root in t.roots() {
            let r = &t.nodes[root].subtree_blocks;
            assert_eq!(r.start, covered);
            covered = r.end;
        }
        assert_eq!(covered, t.blocks.len());
    }

    #[test]
    fn a_figure_is_not_marked_inside_a_longer_number() {
        let t = tree();
        let id = t.nodes.iter().position(|n| n.key == "s5.m1.p1").unwrap();
        let block = &t.blocks[t.nodes[id].blocks.start];
        let marked: Vec<&str> = block
            .marks
            .iter()
            .filter(|(_, m)| matches!(m, Mark::Figure(_)))
            .filter_map(|(r, _)| block.text.get(r.clone()))
            .collect();
        // 2家 (国赛获奖企业) is marked once, at its own place, not inside 共192家.
        assert_eq!(
            marked.iter().filter(|t| **t == "2家").count(),
            1,
            "{marked:?}"
        );
        let at = block.text.find("共192家").unwrap();
        assert!(
            block
                .marks
                .iter()
                .all(|(r, _)| !(r.start > at && r.start < at + "共192家".len())),
            "nothing is marked inside 共192家"
        );
    }

    #[test]
    fn every_figure_is_marked_in_its_node() {
        let t = tree();
        for (id, node) in t.nodes.iter().enumerate() {
            for (i, figure) in node.figures.iter().enumerate() {
                let first = node
                    .figures
                    .iter()
                    .position(|f| f.text == figure.text)
                    .unwrap();
                let marked = t.blocks[node.blocks.clone()]
                    .iter()
                    .any(|b| b.marks.iter().any(|(_, m)| *m == Mark::Figure(first)));
                assert!(
                    marked,
                    "figure {i} “{}” of {} is not marked",
                    figure.text, t.nodes[id].key
                );
            }
        }
    }
}
