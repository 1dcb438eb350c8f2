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

/// `places` without those inside another's: `100%` written in `共100%` is that figure's, not
/// a place of its own (a figure quoting `100%` stands where it is written alone). Kept in
/// their order.
fn within_none(places: Vec<(usize, Range<usize>)>) -> Vec<(usize, Range<usize>)> {
    // By start, the longest first: a place is inside another when one that starts no later
    // ends no earlier.
    let mut order: Vec<usize> = (0..places.len()).collect();
    order.sort_by_key(|&i| (places[i].1.start, std::cmp::Reverse(places[i].1.end)));
    let mut inside = vec![false; places.len()];
    let mut reach: Option<usize> = None;
    for i in order {
        let range = &places[i].1;
        inside[i] = reach.is_some_and(|end| range.end <= end);
        reach = Some(reach.map_or(range.end, |end| end.max(range.end)));
    }
    (places.into_iter().zip(inside))
        .filter_map(|(place, inside)| (!inside).then_some(place))
        .collect()
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
        let alone: Vec<(usize, Range<usize>)> = (self.quotes)
            .find_in(text, match_budget(text.len()))
            .matches
            .into_iter()
            .filter_map(|(quotation, at)| {
                let figure = self.first[quotation];
                let quoted = self.figures[figure].text.as_str();
                stands_alone(text, at, quoted).then_some((figure, at..at + quoted.len()))
            })
            .collect();
        within_none(alone)
    }

    /// Where figure `figure` stands among `places` (those of its node's texts, in reading
    /// order, as [`FigurePlaces::in_text`] gives them): figures of one text are found at
    /// their own places, in order, when there are as many places as figures; a list's, when
    /// there are as many a place as its amounts (`80、60、40家` written twice and quoted by six
    /// figures: the fourth stands at the second); otherwise (`80、60、40万元` states three
    /// amounts at one place) all take the first.
    #[must_use]
    pub fn place_of<T: Clone>(&self, figure: usize, places: &[(usize, T)]) -> Option<T> {
        self.each_place(places).get(figure).cloned().flatten()
    }

    /// Where each figure stands among `places`, by [`FigurePlaces::place_of`]'s rule, all in
    /// one pass: a check of every figure of a node must not look for each one anew.
    #[must_use]
    pub fn each_place<T: Clone>(&self, places: &[(usize, T)]) -> Vec<Option<T>> {
        (self.each_place_told(places).into_iter())
            .map(|(place, _)| place)
            .collect()
    }

    /// [`FigurePlaces::each_place`], each with whether the rule tells it: `false` for a
    /// figure of a text that stands more often than its figures quote it and is not a list
    /// written once a place (`3.3万元` written twice, once inside words that are no figure,
    /// and quoted once): the first place is only a guess.
    #[must_use]
    pub fn each_place_told<T: Clone>(&self, places: &[(usize, T)]) -> Vec<(Option<T>, bool)> {
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
        // How many amounts each text states (three for `80、60、40家`): read once, and only
        // for a text that stands more than once and is quoted more often than it stands.
        let amounts: Vec<usize> = (0..texts)
            .map(|t| {
                let (stands, quoted) = (of_text[t].len(), quoting[t]);
                let text = self.figures[self.first[t]].text.as_str();
                let read = || crate::numbers::phrase::parse(text).map_or(1, |p| p.items.len());
                if stands > 1 && quoted > stands {
                    read().max(1)
                } else {
                    1
                }
            })
            .collect();
        let mut nth = vec![0_usize; texts];
        (self.distinct.iter())
            .map(|&t| {
                let n = nth[t];
                nth[t] += 1;
                let (stands, quoted) = (of_text[t].len(), quoting[t]);
                let (pick, told) = if stands == quoted {
                    (n, true)
                } else if stands > 1 && stands * amounts[t] == quoted {
                    (n / amounts[t], true)
                } else {
                    (0, stands <= 1)
                };
                (of_text[t].get(pick).map(|&p| p.clone()), told)
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A node's figures quoting `texts`, in order.
    fn figures(texts: &[&str]) -> Vec<Figure> {
        (texts.iter())
            .map(|text| {
                let yaml = format!("{{text: \"{text}\", value: 80, unit: 家, what: 企业}}");
                serde_yaml::from_str(&yaml).expect("a figure")
            })
            .collect()
    }

    /// Where each figure stands in `text`, by its place's start.
    fn starts(figures: &[Figure], text: &str) -> Vec<Option<usize>> {
        let places = FigurePlaces::new(figures);
        let found = places.in_text(text);
        let each = places.each_place(&found);
        each.into_iter().map(|r| r.map(|r| r.start)).collect()
    }

    /// A list written twice, and quoted by three figures a place: each stands where it is
    /// written, the fourth at the second; written once, all three stand at it.
    #[test]
    fn a_list_written_twice_has_its_figures_at_each_place_in_turn() {
        let text = "甲80、60、40家。2020年80、60、40家";
        let second = text.rfind("80").expect("the second list");
        let six = figures(&["80、60、40家"; 6]);
        let at = |n: usize| if n < 3 { Some(3) } else { Some(second) };
        assert_eq!(starts(&six, text), (0..6).map(at).collect::<Vec<_>>());
        let three = figures(&["80、60、40家"; 3]);
        assert_eq!(starts(&three, "甲80、60、40家。"), [Some(3); 3]);
        // A figure written again inside another's text stands where it is written alone.
        let hedged = "共100%。2020年100%";
        let both = figures(&["共100%", "100%"]);
        assert_eq!(starts(&both, hedged), [Some(0), hedged.rfind("100%")]);
        // One figure of a text written twice: its place is only guessed, and said so.
        let once = figures(&["3.3万元"]);
        let places = FigurePlaces::new(&once);
        let twice = "二、3.3万元\n2020年3.3万元";
        let told = places.each_place_told(&places.in_text(twice));
        assert_eq!(told, [(Some(6..15), false)]);
        let told = places.each_place_told(&places.in_text("2020年3.3万元"));
        assert_eq!(told, [(Some(7..16), true)]);
        // Two figures of a text written twice: one a place, as before.
        let two = figures(&["80、60、40家"; 2]);
        assert_eq!(starts(&two, text), [Some(3), Some(second)]);
    }
}
