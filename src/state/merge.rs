//! What a reader's save adds to what other readers saved meanwhile: the state is shared by
//! every reader that runs, and a save replaces only what this run changed.

use std::collections::BTreeMap;

use crate::kept::Spot;

/// The marks to keep: those `stored` now, with the changes this run made to the marks it
/// started from (`base`): the marks it set or moved, and the ones it no longer has.
#[must_use]
pub fn marks(
    mut stored: BTreeMap<char, Spot>,
    base: &BTreeMap<char, Spot>,
    ours: &BTreeMap<char, Spot>,
) -> BTreeMap<char, Spot> {
    for letter in base.keys() {
        if !ours.contains_key(letter) {
            stored.remove(letter);
        }
    }
    for (letter, spot) in ours {
        if base.get(letter) != Some(spot) {
            stored.insert(*letter, *spot);
        }
    }
    stored
}

/// The queries this run searched, oldest first: what follows the longest start of `ours`
/// (the history now) that keeps the order of `base` (the history it started with). A query
/// searched again moves to the end of the history, so it is among them; the ones it
/// passed over are not.
#[must_use]
pub fn new_queries<'a>(base: &[String], ours: &'a [String]) -> &'a [String] {
    let mut in_base = base.iter();
    let kept = ours
        .iter()
        .take_while(|query| in_base.any(|b| b == *query))
        .count();
    ours.get(kept..).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spot(node: usize) -> Spot {
        Spot {
            node,
            block: 0,
            byte: 0,
        }
    }

    fn marks_of(list: &[(char, usize)]) -> BTreeMap<char, Spot> {
        list.iter().map(|&(c, n)| (c, spot(n))).collect()
    }

    #[test]
    fn marks_set_elsewhere_meanwhile_are_kept() {
        let stored = marks_of(&[('a', 1), ('b', 2)]);
        let base = marks_of(&[('a', 1)]);
        let ours = marks_of(&[('a', 1), ('c', 3)]);
        assert_eq!(
            marks(stored, &base, &ours),
            marks_of(&[('a', 1), ('b', 2), ('c', 3)])
        );
    }

    #[test]
    fn a_mark_moved_or_dropped_in_this_run_wins() {
        let stored = marks_of(&[('a', 1), ('b', 2)]);
        let base = marks_of(&[('a', 1), ('b', 2)]);
        let ours = marks_of(&[('a', 9)]);
        assert_eq!(marks(stored, &base, &ours), marks_of(&[('a', 9)]));
    }

    #[test]
    fn a_fresh_run_adds_its_marks_to_the_stored_ones() {
        let stored = marks_of(&[('a', 1), ('b', 2)]);
        let ours = marks_of(&[('b', 7)]);
        assert_eq!(
            marks(stored, &BTreeMap::new(), &ours),
            marks_of(&[('a', 1), ('b', 7)])
        );
    }

    fn strings(list: &[&str]) -> Vec<String> {
        list.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn the_new_queries_are_what_this_run_searched() {
        let base = strings(&["a", "b", "c"]);
        assert!(new_queries(&base, &base).is_empty());
        assert_eq!(new_queries(&base, &strings(&["a", "b", "c", "d"])), ["d"]);
        // `a` searched again moves to the end; b and c were not searched.
        assert_eq!(new_queries(&base, &strings(&["b", "c", "a"])), ["a"]);
        // The oldest dropped past the limit.
        assert_eq!(new_queries(&base, &strings(&["b", "c", "e"])), ["e"]);
        assert_eq!(new_queries(&[], &strings(&["x", "y"])), ["x", "y"]);
    }
}
