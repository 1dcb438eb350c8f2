//! Keeping the place, as less and e-book readers do: where the reader is in a letter, which
//! sections are open, the marks (`m` + letter, `'` + letter) and the spot `''` goes back to.
//!
//! Only state and its changes live here; the runner reads and writes the state file
//! ([`crate::state`]) and hands what it read to the app in [`crate::action::Message::Restore`].

use super::{App, Note};
use crate::action::Action;
pub use crate::kept::{Place, Restore, Spot, StateProblem};
use crate::strings::Lang;

/// What a mark key does with the letter that follows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkKey {
    /// `m`: set a mark here.
    Set,
    /// `'`: go to a mark.
    Go,
}

/// Whether `action` moves the reader far enough that `''` should bring it back, as less
/// remembers the place before `g`, `G`, a search or a mark.
pub(super) fn is_jump(action: &Action) -> bool {
    matches!(
        action,
        Action::First
            | Action::Last
            | Action::Percent
            | Action::JumpToSuggestion(_)
            | Action::NextMatch
            | Action::PrevMatch
            | Action::MarkLetter(_)
    )
}

impl App {
    /// Where the reader is now.
    #[must_use]
    pub fn spot(&self) -> Spot {
        let (block, byte) = self.words_at(self.reading_top);
        Spot {
            node: self.selected,
            block,
            byte,
        }
    }

    /// What to keep of this letter for the next run.
    #[must_use]
    pub fn kept_place(&self) -> Place {
        Place {
            at: Some(self.spot()),
            expanded: (0..self.expanded.len())
                .filter(|&id| self.expanded[id])
                .collect(),
            marks: self.marks.clone(),
            focus: self.focus,
        }
    }

    /// The mark key waiting for its letter, if any.
    #[must_use]
    pub fn mark_key(&self) -> Option<MarkKey> {
        self.mark_key
    }

    /// Whether `spot` names a node and a block of this letter.
    fn spot_fits(&self, spot: &Spot) -> bool {
        spot.node < self.tree.nodes.len() && spot.block < self.tree.blocks.len()
    }

    /// Puts the reader at `spot` (which must fit): its node selected and revealed, its line
    /// at the top of the text.
    fn go_to_spot(&mut self, spot: Spot) {
        self.reveal(spot.node);
        self.set_selected(spot.node);
        let line = self.line_at(spot.block, spot.byte);
        self.scroll_reading_raw(line);
        self.keep_selection_visible();
        // The status row names the node in view: the one at the top, if it is inside the
        // selected one.
        if let Some(top) = self.reading.line(self.reading_top) {
            let node = self.tree.blocks[top.block].node;
            if self.tree.path(node).contains(&spot.node) {
                self.place = node;
            }
        }
    }

    /// Takes what the runner found kept from earlier runs. Anything that does not fit this
    /// letter (a hand-edited or damaged file that still parsed) is left out, never trusted.
    pub(super) fn restore(&mut self, restore: Restore) {
        self.search.set_history(&restore.history);
        if let Some(problem) = restore.problem {
            self.note = Some(problem_note(problem, self.lang));
        }
        let Some(place) = restore.place else { return };
        self.focus = place.focus;
        let nodes = self.tree.nodes.len();
        // Kept places always list their open nodes, none when everything was collapsed.
        if place.expanded.iter().all(|&id| id < nodes) {
            self.expanded.fill(false);
            for id in place.expanded {
                self.expanded[id] = true;
            }
        }
        self.marks = place
            .marks
            .into_iter()
            .filter(|(letter, spot)| letter.is_ascii_alphabetic() && self.spot_fits(spot))
            .collect();
        match place.at.filter(|spot| self.spot_fits(spot)) {
            Some(spot) => self.go_to_spot(spot),
            None => self.keep_selection_visible(),
        }
    }

    /// The letter after `m` or `'`.
    pub(super) fn mark_letter(&mut self, key: MarkKey, letter: char) {
        let strings = self.lang.strings();
        match key {
            MarkKey::Go if letter == '\'' => match self.jumped_from {
                // `''` swaps: pressed again, it comes back.
                Some(spot) if self.spot_fits(&spot) => self.go_to_spot(spot),
                _ => self.note = Some(Note::new(strings.no_jump)),
            },
            _ if !letter.is_ascii_alphabetic() => {
                self.note = Some(Note::new(strings.mark_letters));
            }
            MarkKey::Set => {
                self.marks.insert(letter, self.spot());
                self.note = Some(Note::new(format!("{}{letter}", strings.mark_set)));
            }
            MarkKey::Go => match self.marks.get(&letter).copied() {
                Some(spot) if self.spot_fits(&spot) => self.go_to_spot(spot),
                _ => self.note = Some(Note::new(format!("{}{letter}", strings.no_mark))),
            },
        }
    }
}

/// What the status row says of a state store that could not be used (the reader's and the
/// shelf's, whichever read it first).
pub(super) fn problem_note(problem: StateProblem, lang: Lang) -> Note {
    let strings = lang.strings();
    Note::new(match problem {
        StateProblem::Damaged => strings.state_damaged,
        StateProblem::Foreign => strings.state_foreign,
        StateProblem::Newer => strings.state_newer,
        StateProblem::Unreadable => strings.state_unreadable,
    })
}
