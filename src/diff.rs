//! `dafu diff A B`: what changed between two versions of a letter — a draft from
//! `dafu import` and the letter a person made of it — node by node, as the letter numbers
//! its parts (`三（一）二是`).
//!
//! Nodes are paired by position; a node in one version only is listed as added or removed. A
//! changed text is shown by its changed middle with a little context
//! (`…资金[-超过 3.3-]{+超过3.3+}亿元…`). Figures are paired by their text and value, errata
//! by their original, notes by their text. One pass over each version (figures, errata and
//! notes are paired through hash maps), so the work is linear in the letters' size.

use std::collections::HashMap;
use std::io::{self, Write};

use crate::letter::tree::chinese_numeral;
use crate::letter::{EditorialNote, Erratum, Figure, Letter, Measure, Point, Suggestion};
use crate::text::sanitize::sanitize_line;

/// One difference between the two versions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// Where, as the letter numbers it: `header`, `opening`, `三（一）二是`, `errata`, ….
    pub place: String,
    /// What: a field (`title`, `text`, `figure 超过100家`), or the node itself.
    pub field: String,
    /// What it was, if it was there.
    pub old: Option<String>,
    /// What it is, if it is there.
    pub new: Option<String>,
}

/// Characters of unchanged context shown on each side of a changed middle.
const CONTEXT: usize = 8;

struct Diff {
    changes: Vec<Change>,
}

impl Diff {
    fn text(&mut self, place: &str, field: &str, old: &str, new: &str) {
        if old != new {
            self.changes.push(Change {
                place: place.to_string(),
                field: field.to_string(),
                old: Some(old.to_string()),
                new: Some(new.to_string()),
            });
        }
    }

    fn presence(&mut self, place: &str, field: &str, old: Option<String>, new: Option<String>) {
        if old != new {
            self.changes.push(Change {
                place: place.to_string(),
                field: field.to_string(),
                old,
                new,
            });
        }
    }

    fn paragraphs(&mut self, place: &str, field: &str, old: &[String], new: &[String]) {
        self.text(place, field, &old.join("\n"), &new.join("\n"));
    }

    fn figures(&mut self, place: &str, old: &[Figure], new: &[Figure]) {
        let key = |f: &Figure| (f.text.clone(), f.value.to_bits());
        let mut unmatched: HashMap<(String, u64), Vec<&Figure>> = HashMap::new();
        for f in new.iter().rev() {
            unmatched.entry(key(f)).or_default().push(f);
        }
        for f in old {
            let partner = unmatched.get_mut(&key(f)).and_then(Vec::pop);
            match partner {
                Some(g) => {
                    let field = format!("figure {}", f.text);
                    self.text(place, &format!("{field} unit"), &f.unit, &g.unit);
                    self.presence(
                        place,
                        &format!("{field} qualifier"),
                        f.qualifier.clone(),
                        g.qualifier.clone(),
                    );
                    self.text(place, &format!("{field} what"), &f.what, &g.what);
                    self.presence(
                        place,
                        &format!("{field} period"),
                        f.period.clone(),
                        g.period.clone(),
                    );
                    self.text(
                        place,
                        &format!("{field} status"),
                        &format!("{:?}", f.status),
                        &format!("{:?}", g.status),
                    );
                    self.presence(
                        place,
                        &format!("{field} part_of"),
                        f.part_of.clone(),
                        g.part_of.clone(),
                    );
                    self.presence(
                        place,
                        &format!("{field} money_kind"),
                        f.money_kind.map(|k| k.name().to_string()),
                        g.money_kind.map(|k| k.name().to_string()),
                    );
                }
                None => self.presence(place, "figure", Some(figure_line(f)), None),
            }
        }
        for f in new {
            if let Some(left) = unmatched.get_mut(&key(f))
                && left.iter().any(|g| std::ptr::eq(*g, f))
            {
                left.retain(|g| !std::ptr::eq(*g, f));
                self.presence(place, "figure", None, Some(figure_line(f)));
            }
        }
    }
}

fn figure_line(f: &Figure) -> String {
    let qualifier = f
        .qualifier
        .as_deref()
        .map(|q| format!(" [{q}]"))
        .unwrap_or_default();
    format!(
        "{} = {} {}{qualifier} ({})",
        f.text, f.value, f.unit, f.what
    )
}

/// The differences from `a` to `b`, in reading order.
#[must_use]
pub fn diff(a: &Letter, b: &Letter) -> Vec<Change> {
    let mut d = Diff {
        changes: Vec::new(),
    };
    header(&mut d, a, b);
    d.paragraphs("opening", "text", &a.opening, &b.opening);
    d.figures("opening", &a.opening_figures, &b.opening_figures);
    for s in 0..a.suggestions.len().max(b.suggestions.len()) {
        let place = format!("{}、", chinese_numeral(s + 1));
        match (a.suggestions.get(s), b.suggestions.get(s)) {
            (Some(x), Some(y)) => suggestion(&mut d, s, x, y),
            (x, y) => d.presence(
                &place,
                "suggestion",
                x.map(|x| x.title.clone()),
                y.map(|y| y.title.clone()),
            ),
        }
    }
    for s in 0..a.sections.len().max(b.sections.len()) {
        let place = format!("{}、", chinese_numeral(s + 1));
        match (a.sections.get(s), b.sections.get(s)) {
            (Some(x), Some(y)) => {
                d.presence(&place, "title", x.title.clone(), y.title.clone());
                d.paragraphs(&place, "paragraphs", &x.paragraphs, &y.paragraphs);
                d.figures(&place, &x.figures, &y.figures);
                points(&mut d, &place, &x.points, &y.points);
            }
            (x, y) => d.presence(
                &place,
                "section",
                x.map(|x| x.paragraphs.join("\n")),
                y.map(|y| y.paragraphs.join("\n")),
            ),
        }
    }
    d.paragraphs("closing", "text", &a.closing, &b.closing);
    footer(&mut d, a, b);
    errata(&mut d, &a.errata, &b.errata);
    notes(&mut d, &a.notes, &b.notes);
    d.changes
}

/// The header's fields, each present in one version, both or neither.
fn header(d: &mut Diff, a: &Letter, b: &Letter) {
    let h = "header";
    let fields = [
        ("classification", &a.classification, &b.classification),
        ("issuer", &a.issuer, &b.issuer),
        ("doc_number", &a.doc_number, &b.doc_number),
        ("issued_by", &a.issued_by, &b.issued_by),
        ("title", &a.title, &b.title),
        ("proposal.number", &a.proposal.number, &b.proposal.number),
        ("proposal.session", &a.proposal.session, &b.proposal.session),
        ("proposal.title", &a.proposal.title, &b.proposal.title),
        ("addressee", &a.addressee, &b.addressee),
    ];
    for (name, x, y) in fields {
        d.presence(h, name, x.clone(), y.clone());
    }
}

/// The signature and the lines around it.
fn footer(d: &mut Diff, a: &Letter, b: &Letter) {
    let f = "footer";
    let fields = [
        ("signature.issuer", &a.signature.issuer, &b.signature.issuer),
        ("signature.date", &a.signature.date, &b.signature.date),
        ("contact_person", &a.contact_person, &b.contact_person),
        ("contact_phone", &a.contact_phone, &b.contact_phone),
        ("contact_unit", &a.contact_unit, &b.contact_unit),
        ("disclosure", &a.disclosure, &b.disclosure),
    ];
    for (name, x, y) in fields {
        d.presence(f, name, x.clone(), y.clone());
    }
    d.paragraphs(f, "contact", &a.contact, &b.contact);
    d.paragraphs(f, "cc", &a.cc, &b.cc);
    d.paragraphs(f, "other_lines", &a.other_lines, &b.other_lines);
}

fn suggestion(d: &mut Diff, s: usize, x: &Suggestion, y: &Suggestion) {
    let place = format!("{}、", chinese_numeral(s + 1));
    d.text(&place, "title", &x.title, &y.title);
    d.text(&place, "response", &x.response, &y.response);
    d.paragraphs(&place, "paragraphs", &x.paragraphs, &y.paragraphs);
    d.figures(&place, &x.figures, &y.figures);
    for m in 0..x.measures.len().max(y.measures.len()) {
        let place = format!("{}（{}）", chinese_numeral(s + 1), chinese_numeral(m + 1));
        match (x.measures.get(m), y.measures.get(m)) {
            (Some(p), Some(q)) => measure(d, &place, p, q),
            (p, q) => d.presence(
                &place,
                "measure",
                p.map(|p| p.title.clone()),
                q.map(|q| q.title.clone()),
            ),
        }
    }
}

fn measure(d: &mut Diff, place: &str, x: &Measure, y: &Measure) {
    d.text(place, "title", &x.title, &y.title);
    d.paragraphs(place, "paragraphs", &x.paragraphs, &y.paragraphs);
    d.figures(place, &x.figures, &y.figures);
    points(d, place, &x.points, &y.points);
}

/// The points of a measure or a section at `place`, one by one.
fn points(d: &mut Diff, place: &str, x: &[Point], y: &[Point]) {
    for p in 0..x.len().max(y.len()) {
        let here = format!("{place}{}是", chinese_numeral(p + 1));
        match (x.get(p), y.get(p)) {
            (Some(p), Some(q)) => point(d, &here, p, q),
            (p, q) => d.presence(
                &here,
                "point",
                p.map(|p| p.text.clone()),
                q.map(|q| q.text.clone()),
            ),
        }
    }
}

fn point(d: &mut Diff, place: &str, x: &Point, y: &Point) {
    d.text(place, "text", &x.text, &y.text);
    d.figures(place, &x.figures, &y.figures);
}

fn errata(d: &mut Diff, old: &[Erratum], new: &[Erratum]) {
    let shown = |e: &Erratum| {
        let flag = if e.suspected { " (suspected)" } else { "" };
        format!("「{}」→「{}」{flag} {}", e.original, e.corrected, e.note)
    };
    let by_original: HashMap<&str, &Erratum> =
        new.iter().map(|e| (e.original.as_str(), e)).collect();
    let olds: HashMap<&str, &Erratum> = old.iter().map(|e| (e.original.as_str(), e)).collect();
    for e in old {
        match by_original.get(e.original.as_str()) {
            Some(f) if shown(e) != shown(f) => {
                d.presence("errata", "erratum", Some(shown(e)), Some(shown(f)));
            }
            Some(_) => {}
            None => d.presence("errata", "erratum", Some(shown(e)), None),
        }
    }
    for e in new
        .iter()
        .filter(|e| !olds.contains_key(e.original.as_str()))
    {
        d.presence("errata", "erratum", None, Some(shown(e)));
    }
}

fn notes(d: &mut Diff, old: &[EditorialNote], new: &[EditorialNote]) {
    let by_text: HashMap<&str, &str> = new
        .iter()
        .map(|n| (n.text.as_str(), n.note.as_str()))
        .collect();
    let olds: HashMap<&str, &str> = old
        .iter()
        .map(|n| (n.text.as_str(), n.note.as_str()))
        .collect();
    for n in old {
        let field = format!("note on {}", n.text);
        match by_text.get(n.text.as_str()) {
            Some(note) => d.text("notes", &field, &n.note, note),
            None => d.presence("notes", &field, Some(n.note.clone()), None),
        }
    }
    for n in new.iter().filter(|n| !olds.contains_key(n.text.as_str())) {
        d.presence(
            "notes",
            &format!("note on {}", n.text),
            None,
            Some(n.note.clone()),
        );
    }
}

/// `old` and `new` as their changed middle with a little context:
/// `…资金[-超过 3.3-]{+超过3.3+}亿元…`.
#[must_use]
pub fn inline(old: &str, new: &str) -> String {
    let a: Vec<char> = old.chars().collect();
    let b: Vec<char> = new.chars().collect();
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let max_suffix = a.len().min(b.len()) - prefix;
    let suffix = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take(max_suffix)
        .take_while(|(x, y)| x == y)
        .count();
    let lead_from = prefix.saturating_sub(CONTEXT);
    let lead: String = a[lead_from..prefix].iter().collect();
    let gone: String = a[prefix..a.len() - suffix].iter().collect();
    let came: String = b[prefix..b.len() - suffix].iter().collect();
    let tail_to = (a.len() - suffix + CONTEXT).min(a.len());
    let tail: String = a[a.len() - suffix..tail_to].iter().collect();
    let dots = |on: bool| if on { "…" } else { "" };
    let mut out = format!("{}{lead}", dots(lead_from > 0));
    if !gone.is_empty() {
        out.push_str(&format!("[-{gone}-]"));
    }
    if !came.is_empty() {
        out.push_str(&format!("{{+{came}+}}"));
    }
    out.push_str(&tail);
    out.push_str(dots(tail_to < a.len()));
    out
}

/// Prints the changes, one a line: `PLACE FIELD: …`, `+ PLACE FIELD: …` for what was added
/// and `- PLACE FIELD: …` for what was removed. Everything quoted is one inert line.
///
/// # Errors
/// When writing fails.
pub fn write(changes: &[Change], out: &mut impl Write) -> io::Result<()> {
    let line = |s: &str| sanitize_line(&s.replace('\n', "⏎")).into_owned();
    for c in changes {
        match (&c.old, &c.new) {
            (Some(old), Some(new)) => {
                writeln!(
                    out,
                    "~ {} {}: {}",
                    c.place,
                    c.field,
                    line(&inline(old, new))
                )?;
            }
            (Some(old), None) => writeln!(out, "- {} {}: {}", c.place, c.field, line(old))?,
            (None, Some(new)) => writeln!(out, "+ {} {}: {}", c.place, c.field, line(new))?,
            (None, None) => {}
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_shows_the_changed_middle() {
        assert_eq!(
            inline("扶持资金超过 3.3 亿元。", "扶持资金超过3.3亿元。"),
            "扶持资金超过[- 3.3 -]{+3.3+}亿元。"
        );
        assert_eq!(inline("甲乙丙", "甲丙"), "甲[-乙-]丙");
        assert_eq!(inline("甲", "甲乙"), "甲{+乙+}");
    }

    #[test]
    fn the_same_letter_has_no_changes() {
        let letter = crate::letter::load::embedded();
        assert!(diff(&letter, &letter).is_empty());
    }

    #[test]
    fn a_changed_point_and_a_removed_figure_are_listed_by_node() {
        let a = crate::letter::load::embedded();
        let mut b = a.clone();
        b.suggestions[2].measures[0].points[1].text.push_str("补。");
        let gone = b.suggestions[2].measures[0].points[0].figures.remove(1);
        b.notes.clear();
        let changes = diff(&a, &b);
        let places: Vec<(&str, &str)> = changes
            .iter()
            .map(|c| (c.place.as_str(), c.field.as_str()))
            .collect();
        assert_eq!(
            places[..2],
            [("三（一）一是", "figure"), ("三（一）二是", "text")]
        );
        assert_eq!(changes[0].old.as_deref(), Some(figure_line(&gone).as_str()));
        assert_eq!(changes[0].new, None);
        assert_eq!(changes.len(), 2 + a.notes.len());
    }
}
