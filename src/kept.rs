//! What the reader keeps between runs, as plain data: where it is in a letter, which sections
//! are open, the marks, and why a state file was ignored. The app changes it
//! ([`crate::app::place`]), the state file stores it ([`crate::state`]), and the runner hands
//! it over in an action; it lives here, below all three.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::layout::Focus;
use crate::letter::tree::NodeId;

/// A place in a letter: the selected node, and the line at the top of the reading pane as
/// the block it shows and the byte where the line starts — so a different terminal width,
/// which wraps the lines anew, still opens at the same words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Spot {
    /// The selected node.
    pub node: NodeId,
    /// The block at the top of the reading pane.
    pub block: usize,
    /// Byte offset in that block's text where the top line starts.
    pub byte: usize,
}

/// What is kept of one letter between runs. The store keeps it as its JSON; a field missing
/// there (kept by an earlier dafu) takes its default.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Place {
    /// Where the reader was.
    pub at: Option<Spot>,
    /// The nodes whose children the outline showed.
    pub expanded: Vec<NodeId>,
    /// The marks, by their letter.
    pub marks: BTreeMap<char, Spot>,
    /// The pane that had the focus. A place kept before it was kept opens in the outline.
    #[serde(default)]
    pub focus: Focus,
}

/// What is kept of a shelf between runs: its order and the letter it was on. The store keeps
/// it as its JSON beside the letters' places, under the shelf's own key.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ShelfPlace {
    /// The order, by its name in English (`date`, `issuer`…).
    pub sort: String,
    /// The selected letter's file, as the shelf names it: relative to its folder, so that
    /// the folder named another way (`shelf`, `/tmp/shelf`) finds it.
    pub file: Option<String>,
}

/// What the shelf found kept from earlier runs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ShelfRestore {
    /// The shelf's order and letter, if they were kept (and `--fresh` was not given).
    pub place: Option<ShelfPlace>,
    /// Earlier search queries, oldest first.
    pub history: Vec<String>,
    /// Why the state file was ignored, if it was.
    pub problem: Option<StateProblem>,
}

/// Why the kept state was not used. The reader says so in the status row and carries on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StateProblem {
    /// Not a store dafu can read (damaged, of an older format, or not a regular file): set
    /// aside, and a new one made.
    Damaged,
    /// Another program's: set aside, and a new one made.
    Foreign,
    /// Written by a newer dafu, in a format this one does not know: set aside (not deleted).
    Newer,
    /// It could not be read at all (permissions, a directory in its place).
    Unreadable,
}

/// What the runner found kept from earlier runs, for [`crate::action::Message::Restore`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Restore {
    /// This letter's place, if one was kept (and `--fresh` was not given).
    pub place: Option<Place>,
    /// Earlier search queries, oldest first.
    pub history: Vec<String>,
    /// Why the state file was ignored, if it was.
    pub problem: Option<StateProblem>,
}
