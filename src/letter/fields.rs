//! The letter's schema walked in one place: every text field, and every node that states
//! figures. Sanitising, validation, the figure check and the importer's repairs visit the
//! letter through these, so that a field added to the schema is added here once and reaches
//! all of them.

use std::borrow::Cow;

use super::load::locate::FieldPath;
use super::{
    EditorialNote, Erratum, Figure, Letter, Measure, Point, Proposal, Section, Signature,
    Suggestion,
};

/// Which part of a letter a text field belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// Lines around the letter's body: classification, issuer, document number, the
    /// proposal answered, signature, contact, disclosure and copy lines.
    Meta,
    /// The letter's own wording, which notes and errata quote: title, addressee, opening,
    /// suggestions, measures, points, closing.
    Body,
    /// A figure's strings: its text, unit, label, qualifier, period and `part_of`.
    Figure,
    /// Editorial matter: errata and notes.
    Editorial,
}

/// How a text field is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// One line: titles, labels, figures; a line break in it would forge a row.
    Line,
    /// Running text, whose line breaks are its own.
    Paragraphs,
}

/// Writes [`for_each_text`] and [`for_each_text_mut`] from one body: the walk is the same,
/// only the borrow differs (default binding modes give `&String` or `&mut String`).
macro_rules! text_visitor {
    (
        $(#[$doc:meta])* $name:ident,
        $suggestion_name:ident,
        $points_name:ident,
        $figures_name:ident
        $(, $mutability:ident)?
    ) => {
        fn $points_name<'a>(
            points: &'a $($mutability)? [Point],
            visit: &mut impl FnMut(Part, Form, &'a $($mutability)? String),
        ) {
            for point in points {
                let Point { text, figures } = point;
                visit(Part::Body, Form::Paragraphs, text);
                $figures_name(figures, visit);
            }
        }

        fn $figures_name<'a>(
            figures: &'a $($mutability)? [Figure],
            visit: &mut impl FnMut(Part, Form, &'a $($mutability)? String),
        ) {
            for figure in figures {
                let Figure { text, unit, what, qualifier, period, part_of, .. } = figure;
                let optional = qualifier.into_iter().chain(period).chain(part_of);
                for s in [text, unit, what].into_iter().chain(optional) {
                    visit(Part::Figure, Form::Line, s);
                }
            }
        }

        fn $suggestion_name<'a>(
            suggestion: &'a $($mutability)? Suggestion,
            visit: &mut impl FnMut(Part, Form, &'a $($mutability)? String),
        ) {
            use Form::{Line, Paragraphs};
            use Part::Body;
            let Suggestion { title, response, paragraphs, figures, measures } = suggestion;
            visit(Body, Line, title);
            visit(Body, Line, response);
            for s in paragraphs {
                visit(Body, Paragraphs, s);
            }
            $figures_name(figures, visit);
            for measure in measures {
                let Measure { title, paragraphs, figures, points } = measure;
                visit(Body, Line, title);
                for s in paragraphs {
                    visit(Body, Paragraphs, s);
                }
                $figures_name(figures, visit);
                $points_name(points, visit);
            }
        }

        $(#[$doc])*
        pub fn $name<'a>(
            letter: &'a $($mutability)? Letter,
            mut visit: impl FnMut(Part, Form, &'a $($mutability)? String),
        ) {
            use Form::{Line, Paragraphs};
            use Part::{Body, Editorial, Meta};
            let Letter {
                classification,
                issuer,
                doc_number,
                issued_by,
                title,
                proposal,
                addressee,
                opening,
                opening_figures,
                suggestions,
                sections,
                closing,
                closing_figures,
                signature,
                contact,
                contact_person,
                contact_phone,
                contact_unit,
                disclosure,
                cc,
                other_lines,
                errata,
                notes,
                draft: _,
            } = letter;
            let Proposal { number, session, title: proposal_title } = proposal;
            for s in [classification, issuer, doc_number, issued_by].into_iter().flatten() {
                visit(Meta, Line, s);
            }
            for s in [title, addressee].into_iter().flatten() {
                visit(Body, Line, s);
            }
            for s in [number, session, proposal_title].into_iter().flatten() {
                visit(Meta, Line, s);
            }
            for s in opening {
                visit(Body, Paragraphs, s);
            }
            $figures_name(opening_figures, &mut visit);
            for suggestion in suggestions {
                $suggestion_name(suggestion, &mut visit);
            }
            for section in sections {
                let Section { title, paragraphs, figures, points } = section;
                title.into_iter().for_each(|s| visit(Body, Line, s));
                for s in paragraphs {
                    visit(Body, Paragraphs, s);
                }
                $figures_name(figures, &mut visit);
                $points_name(points, &mut visit);
            }
            for s in closing {
                visit(Body, Paragraphs, s);
            }
            $figures_name(closing_figures, &mut visit);
            let Signature { issuer: signer, date } = signature;
            let named = [signer, date, contact_person, contact_phone, contact_unit, disclosure];
            let lines = contact.into_iter().chain(cc).chain(other_lines);
            for s in named.into_iter().flatten().chain(lines) {
                visit(Meta, Line, s);
            }
            // An erratum's original may span a page break: its line breaks are part of it.
            for Erratum { original, corrected, note, .. } in errata {
                for s in [original, corrected, note] {
                    visit(Editorial, Paragraphs, s);
                }
            }
            for note in notes {
                let EditorialNote { text, note } = note;
                visit(Editorial, Line, text);
                visit(Editorial, Paragraphs, note);
            }
        }
    };
}

text_visitor!(
    /// Calls `visit` with every text field of `letter`, in reading order: header lines,
    /// title, addressee, the body with each node's figures after its text, the sign-off,
    /// then errata and notes.
    for_each_text,
    for_each_suggestion_text,
    for_each_point_text,
    for_each_figure_text
);

text_visitor!(
    /// [`for_each_text`], for changing the fields in place.
    for_each_text_mut,
    for_each_suggestion_text_mut,
    for_each_point_text_mut,
    for_each_figure_text_mut,
    mut
);

/// A node of the letter that can state figures.
#[derive(Debug, Clone)]
pub struct FigureNode<'a> {
    /// The path of the node's `figures`.
    pub at: FieldPath,
    /// The node's own text: borrowed where it is one string, joined by line breaks where it
    /// is several paragraphs, so that nothing is read across two of them (the reader finds
    /// figures paragraph by paragraph: `40` ending one does not make `3万元` starting the
    /// next the tail of `403万元`).
    pub text: Cow<'a, str>,
    /// Its figures.
    pub figures: &'a [Figure],
    /// The suggestion or section it belongs to (0-based, sections after the suggestions);
    /// `None` for the opening.
    pub section: Option<usize>,
}

/// Every node that can state figures, in reading order: the opening, then each suggestion
/// (its verdict and paragraphs), its measures and their points, then each section, then the
/// closing.
#[must_use]
pub fn figure_nodes(letter: &Letter) -> Vec<FigureNode<'_>> {
    let root = FieldPath::default();
    let node = |at, text, figures, section| FigureNode {
        at,
        text,
        figures,
        section,
    };
    let mut nodes = vec![node(
        root.key("opening_figures"),
        letter.opening.join("\n").into(),
        &letter.opening_figures,
        None,
    )];
    for (s, suggestion) in letter.suggestions.iter().enumerate() {
        let at = root.key("suggestions").index(s);
        let section = Some(s);
        // The verdict may state a figure too (`已投入500万元解决。`).
        let said = (!suggestion.response.is_empty()).then_some(&suggestion.response);
        let text = said
            .into_iter()
            .chain(&suggestion.paragraphs)
            .map(String::as_str)
            .collect::<Vec<_>>()
            .join("\n")
            .into();
        nodes.push(node(at.key("figures"), text, &suggestion.figures, section));
        for (m, measure) in suggestion.measures.iter().enumerate() {
            let at = at.key("measures").index(m);
            let text = measure.paragraphs.join("\n").into();
            nodes.push(node(at.key("figures"), text, &measure.figures, section));
            for (p, point) in measure.points.iter().enumerate() {
                let at = at.key("points").index(p).key("figures");
                nodes.push(node(
                    at,
                    point.text.as_str().into(),
                    &point.figures,
                    section,
                ));
            }
        }
    }
    let after = letter.suggestions.len();
    for (s, section) in letter.sections.iter().enumerate() {
        let at = root.key("sections").index(s);
        let text = section.paragraphs.join("\n").into();
        let part = Some(after + s);
        nodes.push(node(at.key("figures"), text, &section.figures, part));
        for (p, point) in section.points.iter().enumerate() {
            let at = at.key("points").index(p).key("figures");
            nodes.push(node(at, point.text.as_str().into(), &point.figures, part));
        }
    }
    nodes.push(node(
        root.key("closing_figures"),
        letter.closing.join("\n").into(),
        &letter.closing_figures,
        None,
    ));
    nodes
}

/// All of a letter's own text ([`Part::Body`]), joined by line breaks, for checks that a
/// quotation occurs somewhere.
#[must_use]
pub fn letter_text(letter: &Letter) -> String {
    let mut all: Vec<&str> = Vec::new();
    for_each_text(letter, |part, _, text| {
        if part == Part::Body {
            all.push(text);
        }
    });
    all.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every string of the value, with the key it stands under.
    fn strings<'v>(value: &'v serde_yaml::Value, key: &'v str, out: &mut Vec<(&'v str, &'v str)>) {
        match value {
            serde_yaml::Value::String(s) => out.push((key, s)),
            serde_yaml::Value::Sequence(items) => items.iter().for_each(|v| strings(v, key, out)),
            serde_yaml::Value::Mapping(map) => {
                for (k, v) in map {
                    strings(v, k.as_str().unwrap_or_default(), out);
                }
            }
            _ => {}
        }
    }

    #[test]
    fn every_text_field_of_the_schema_is_visited() {
        let mut letter = super::super::load::embedded();
        for_each_text_mut(&mut letter, |_, _, s| *s = "visited".into());
        let value = serde_yaml::to_value(&letter).unwrap();
        let mut found = Vec::new();
        strings(&value, "", &mut found);
        // A status, a kind and a kind of money are enums, written as words; every other
        // string is a text field.
        let missed: Vec<_> = found
            .iter()
            .filter(|(key, s)| !matches!(*key, "status" | "kind" | "money_kind") && *s != "visited")
            .collect();
        assert!(missed.is_empty(), "not visited: {missed:?}");
        assert!(found.len() > 300, "{}", found.len());
    }

    #[test]
    fn figure_nodes_are_every_node_that_has_figures() {
        let letter = super::super::load::embedded();
        let nodes = figure_nodes(&letter);
        let listed: usize = nodes.iter().map(|n| n.figures.len()).sum();
        let tree = super::super::tree::LetterTree::new(letter.clone());
        assert_eq!(listed, tree.figures().count());
        assert!(
            nodes
                .iter()
                .all(|n| n.figures.iter().all(|f| n.text.contains(&f.text)))
        );
    }
}
