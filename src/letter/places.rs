//! Where a node's figures stand in its text: the one rule that the loader's validation, the
//! reader's marks ([`super::tree`]) and [`crate::figures::locate`] all follow.
//!
//! A figure stands where its text occurs *alone* ([`stands_alone`]): `2家` inside `192家`
//! is not it. Figures that quote the same text are one quotation: found once, under the
//! first of them ([`FigurePlaces::first`]), and the n-th such figure is the n-th place.

use std::ops::Range;

use super::Figure;
use super::quotes::{Quotes, match_budget};

/// Whether the text before byte `at` ends in a digit or decimal point, so that a figure
/// found at `at` would be the tail of a longer number (`2家` inside `192家`).
#[must_use]
pub fn continues_a_number(haystack: &str, at: usize) -> bool {
    haystack
        .get(..at)
        .and_then(|before| before.chars().next_back())
        .is_some_and(|c| c.is_ascii_digit() || c == '.')
}

/// Whether `figure`, found at byte `at` of `text`, stands alone: not the tail of a longer
/// number (`2家` in `192家`), nor, when it ends in a digit, the head of one (`3` in `30家`).
#[must_use]
pub fn stands_alone(text: &str, at: usize, figure: &str) -> bool {
    if continues_a_number(text, at) {
        return false;
    }
    let ends_in_digit = figure
        .chars()
        .next_back()
        .is_some_and(|c| c.is_ascii_digit());
    let next = text
        .get(at + figure.len()..)
        .and_then(|after| after.chars().next());
    !(ends_in_digit && next.is_some_and(|c| c.is_ascii_digit() || c == '.'))
}

/// A node's figures, ready to be found in its text: its distinct figure texts, looked for
/// in one pass per text.
pub struct FigurePlaces<'a> {
    figures: &'a [Figure],
    /// For each distinct text, in the order of first appearance, the first figure with it.
    first: Vec<usize>,
    /// For each figure, the index of its text in `first`.
    distinct: Vec<usize>,
    quotes: Quotes<'a>,
}

impl<'a> FigurePlaces<'a> {
    /// Prepares to find `figures` (one node's) in its text.
    #[must_use]
    pub fn new(figures: &'a [Figure]) -> Self {
        let mut first: Vec<usize> = Vec::new();
        let mut seen: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
        let distinct = (0..figures.len())
            .map(|i| {
                *seen.entry(figures[i].text.as_str()).or_insert_with(|| {
                    first.push(i);
                    first.len() - 1
                })
            })
            .collect();
        let quotes = Quotes::new(first.iter().map(|&i| figures[i].text.as_str()));
        Self {
            figures,
            first,
            distinct,
            quotes,
        }
    }

    /// How many distinct texts the figures quote.
    #[must_use]
    pub fn texts(&self) -> usize {
        self.first.len()
    }

    /// The index, among the distinct texts, of figure `figure`'s text.
    #[must_use]
    pub fn text_of(&self, figure: usize) -> usize {
        self.distinct[figure]
    }

    /// The first figure quoting distinct text `text` (an index below [`FigurePlaces::texts`]).
    #[must_use]
    pub fn first_of_text(&self, text: usize) -> usize {
        self.first[text]
    }

    /// The figure that stands for the figures quoting the same text as `figure`: the first.
    #[must_use]
    pub fn first(&self, figure: usize) -> usize {
        self.first[self.distinct[figure]]
    }

    /// For each distinct text, every offset of `text` at which it starts, alone or not;
    /// `None` when the texts overlap at more than `budget` places (see
    /// [`Quotes::find_in`]).
    #[must_use]
    pub fn starts(&self, text: &str, budget: usize) -> Option<Vec<Vec<usize>>> {
        let found = self.quotes.find_in(text, budget);
        found.complete.then(|| found.starts(self.texts()))
    }

    /// Every place of `text` where a figure stands alone, as (the first figure with that
    /// text, its byte range), by text and then by start. Only the first
    /// [`match_budget`] places are looked at: a letter that passed validation has no more, and
    /// one that did not (the reader's outline is built while it is validated) costs no more.
    #[must_use]
    pub fn in_text(&self, text: &str) -> Vec<(usize, Range<usize>)> {
        self.quotes
            .find_in(text, match_budget(text.len()))
            .matches
            .into_iter()
            .filter_map(|(quotation, at)| {
                let figure = self.first[quotation];
                let quoted = self.figures[figure].text.as_str();
                stands_alone(text, at, quoted).then_some((figure, at..at + quoted.len()))
            })
            .collect()
    }

    /// Where figure `figure` stands among `places` (those of its node's texts, in reading
    /// order, as [`FigurePlaces::in_text`] gives them): figures of one text are found at
    /// their own places, in order, when there are as many places as figures; otherwise
    /// (`80、60、40万元` states three amounts at one place) all take the first.
    #[must_use]
    pub fn place_of<T: Clone>(&self, figure: usize, places: &[(usize, T)]) -> Option<T> {
        self.each_place(places).get(figure).cloned().flatten()
    }

    /// Where each figure stands among `places`, by [`FigurePlaces::place_of`]'s rule, all in
    /// one pass: a check of every figure of a node must not look for each one anew.
    #[must_use]
    pub fn each_place<T: Clone>(&self, places: &[(usize, T)]) -> Vec<Option<T>> {
        let texts = self.texts();
        let mut of_text: Vec<Vec<&T>> = vec![Vec::new(); texts];
        for (figure, place) in places {
            if let Some(mine) = self.distinct.get(*figure).and_then(|&t| of_text.get_mut(t)) {
                mine.push(place);
            }
        }
        let mut quoting = vec![0_usize; texts];
        for &t in &self.distinct {
            quoting[t] += 1;
        }
        let mut nth = vec![0_usize; texts];
        (self.distinct.iter())
            .map(|&t| {
                let n = nth[t];
                nth[t] += 1;
                let pick = if of_text[t].len() == quoting[t] { n } else { 0 };
                of_text[t].get(pick).map(|&p| p.clone())
            })
            .collect()
    }
}
