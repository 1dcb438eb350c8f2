//! Everything the reader can be asked to do. Keys and mouse events become `Action`s in
//! [`crate::keymap`]; only [`crate::app::App::update`] carries them out, with the runner's
//! [`Message`]s.

/// One request to the reader.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Outline: next visible node. Reading pane: scroll down a line. Overlays: next row.
    Down,
    /// Outline: previous visible node. Reading pane: scroll up a line. Overlays: previous row.
    Up,
    /// Expand the selected node, or go to its first child when it is expanded.
    Expand,
    /// Collapse the selected node, or go to its parent when it is collapsed or a leaf.
    Collapse,
    /// Expand or collapse the selected node.
    Toggle,
    /// Next sibling of the selected node.
    NextSibling,
    /// Previous sibling of the selected node.
    PrevSibling,
    /// Select suggestion N (1-based; opening and closing are not counted).
    JumpToSuggestion(usize),
    /// Expand every node.
    ExpandAll,
    /// Collapse every node.
    CollapseAll,
    /// First node (outline) or top of the text (reading pane).
    First,
    /// Last visible node (outline) or end of the text (reading pane).
    Last,
    /// Reading pane: as far into the text as the count before it says, in per cent of its
    /// text (`50%`), as in less; the top without one.
    Percent,
    /// A page down in the focused pane.
    PageDown,
    /// A page up in the focused pane.
    PageUp,
    /// Half a page down in the focused pane.
    HalfPageDown,
    /// Half a page up in the focused pane.
    HalfPageUp,
    /// A digit of a count for the next move (`3j`, `2 Space`), as in less and vim.
    Count(u8),
    /// A key that does nothing here; the status row says so, naming it.
    Unbound(String),
    /// Move focus between the outline and the reading pane.
    SwitchFocus,
    /// From the text back to the outline (Backspace; with one pane on screen, also Esc,
    /// `h` and ←, as a phone's back).
    Back,
    /// Mouse wheel at a screen cell; positive `lines` scrolls down.
    Wheel {
        /// Column of the pointer.
        x: u16,
        /// Row of the pointer.
        y: u16,
        /// Lines to scroll; negative is up.
        lines: i32,
    },
    /// Left click at a screen cell.
    Click {
        /// Column of the pointer.
        x: u16,
        /// Row of the pointer.
        y: u16,
    },
    /// Open the search prompt.
    OpenSearch,
    /// Insert text at the prompt's caret (a typed character, an input method's commit, or
    /// a bracketed paste).
    SearchInsert(String),
    /// Delete the character before the caret.
    SearchBackspace,
    /// Delete the character under the caret.
    SearchDelete,
    /// Move the caret one character left.
    SearchLeft,
    /// Move the caret one character right.
    SearchRight,
    /// Move the caret to the start of the query.
    SearchHome,
    /// Move the caret to the end of the query.
    SearchEnd,
    /// Delete the word before the caret (Ctrl-W).
    SearchDeleteWord,
    /// Delete everything before the caret (Ctrl-U).
    SearchDeleteToStart,
    /// Delete everything from the caret on (Ctrl-K).
    SearchDeleteToEnd,
    /// Put the previous (older) query of the history in the prompt (↑).
    SearchHistoryPrev,
    /// Put the next (newer) query of the history in the prompt, or what was being typed (↓).
    SearchHistoryNext,
    /// Keep the query and return to navigation.
    SearchSubmit,
    /// Close the prompt, go back to where the reader was, and bring back the search that was
    /// there before the prompt opened.
    SearchCancel,
    /// Go to the next match, wrapping.
    NextMatch,
    /// Go to the previous match, wrapping.
    PrevMatch,
    /// Show only matching nodes and their ancestors in the outline, or everything again.
    ToggleFilter,
    /// Open the figures view.
    OpenFigures,
    /// In the figures view: cycle the sort order.
    CycleSort,
    /// In the figures view: cycle the unit filter.
    CycleUnitFilter,
    /// In the figures view: switch between the table and the money chart.
    ToggleFiguresChart,
    /// Open the selected row of an overlay (figures: jump to the figure's node).
    Activate,
    /// Open the help overlay.
    OpenHelp,
    /// Close the open overlay, or clear a finished search.
    Escape,
    /// Copy the selected node's text to the clipboard (OSC 52).
    Copy,
    /// Say where the reader is: the file, the characters in view, the per cent (less's `=`).
    WhereAmI,
    /// The terminal now has this size.
    Resize {
        /// Columns.
        width: u16,
        /// Rows.
        height: u16,
    },
    /// `m`: the next letter sets a mark at the current place, as in less.
    SetMark,
    /// `'`: the next letter goes to that mark; `''` goes back to before the last jump.
    GoToMark,
    /// The letter typed after `m` or `'`.
    MarkLetter(char),
    /// Give the terminal back and stop, as Ctrl-Z does in `less`; carry on after `fg`.
    Suspend,
    /// Paint the whole screen again, as Ctrl-L does in `less`: another program wrote over it.
    Repaint,
    /// Leave the reader (`q`; a letter opened from the shelf goes back to the shelf).
    Quit,
    /// Leave dafu altogether, from anywhere, the shelf's letters included (Ctrl-C).
    Interrupt,
}

/// What the runner hands the reader, made or read in the background: nothing a person asks
/// for, so kept apart from [`Action`].
#[derive(Debug)]
pub enum Message {
    /// What was kept from earlier runs (the place, marks, search history), or why the state
    /// file was ignored.
    Restore(Box<crate::kept::Restore>),
    /// The runner is building the search index in the background and will hand it over with
    /// [`Message::IndexReady`]: until then a search waits for it rather than building it.
    IndexComing,
    /// The search index, built in the background: a search that waited for it runs now.
    IndexReady(Box<crate::search::letter::ReaderIndex>),
    /// The letter was opened from a shelf: Esc, with nothing else to close, goes back to it.
    OnShelf,
}

/// What [`crate::app::App::update`] carries out: a person's action or the runner's message.
#[derive(Debug)]
pub enum Input {
    /// Asked for by a person.
    Action(Action),
    /// Handed over by the runner.
    Message(Message),
}

impl From<Action> for Input {
    fn from(action: Action) -> Self {
        Input::Action(action)
    }
}

impl From<Message> for Input {
    fn from(message: Message) -> Self {
        Input::Message(message)
    }
}
