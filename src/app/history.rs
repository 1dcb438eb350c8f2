//! The queries searched before, for ↑ and ↓ in a search prompt: the reader's and the
//! shelf's, which share one history (kept between runs by the runner, see
//! [`crate::state`]), as a shell's prompts share theirs.

use crate::action::Action;
use crate::text::sanitize::sanitize_line;

/// The most queries the history keeps (less keeps 100 too).
pub const HISTORY_LIMIT: usize = 100;

/// The longest query, in characters, the history takes from a state file: a query is a few
/// words, and a damaged file must not fill the prompt with a novel.
const HISTORY_QUERY_CHARS: usize = 200;

/// Earlier queries, and where ↑/↓ are in them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct History {
    /// Oldest first.
    entries: Vec<String>,
    /// While ↑/↓ browse the history: the entry in the prompt.
    recalled: Option<usize>,
    /// What was typed before ↑ first recalled an entry, given back by ↓ past the newest.
    draft: String,
}

impl History {
    /// Earlier queries, oldest first (what ↑ recalls, newest first).
    #[must_use]
    pub fn entries(&self) -> &[String] {
        &self.entries
    }

    /// The newest query.
    #[must_use]
    pub fn newest(&self) -> Option<&str> {
        self.entries.last().map(String::as_str)
    }

    /// Takes `queries` (oldest first, as the store keeps them) as the earlier history: each
    /// made one inert line, empty and overlong ones dropped, repeats kept once (the newest),
    /// at most [`HISTORY_LIMIT`]. Queries searched before they came (the store was slow)
    /// stay the newest: they are this run's, and a save keeps them.
    pub fn set(&mut self, queries: &[String]) {
        let this_run = std::mem::take(&mut self.entries);
        for query in queries {
            let query = sanitize_line(query);
            if !query.is_empty() && query.chars().count() <= HISTORY_QUERY_CHARS {
                self.remember(query.into_owned());
            }
        }
        for query in this_run {
            self.remember(query);
        }
        self.recalled = None;
    }

    /// Adds `query` to the history as its newest entry.
    pub fn remember(&mut self, query: String) {
        self.entries.retain(|q| *q != query);
        self.entries.push(query);
        let excess = self.entries.len().saturating_sub(HISTORY_LIMIT);
        self.entries.drain(..excess);
    }

    /// `action` was typed in the prompt: anything but ↑/↓ and the caret's moves makes the query
    /// the reader's own again ([`History::start_over`]).
    pub fn typed(&mut self, action: &Action) {
        if !matches!(
            action,
            Action::SearchHistoryPrev
                | Action::SearchHistoryNext
                | Action::SearchLeft
                | Action::SearchRight
                | Action::SearchHome
                | Action::SearchEnd
        ) {
            self.start_over();
        }
    }

    /// The prompt opened, or its query became the reader's own: ↑ starts over from the
    /// newest entry.
    pub fn start_over(&mut self) {
        self.recalled = None;
    }

    /// ↑ (`SearchHistoryPrev`) or ↓ (`SearchHistoryNext`) in a prompt holding `query`: what
    /// the prompt holds next, or `None` when there is nowhere to go (or `action` is neither).
    pub fn browse(&mut self, action: &Action, query: &str) -> Option<String> {
        let index = match action {
            Action::SearchHistoryPrev => match self.recalled {
                None if self.entries.is_empty() => return None,
                None => {
                    self.draft = query.to_string();
                    Some(self.entries.len() - 1)
                }
                Some(0) => return None,
                Some(i) => Some(i - 1),
            },
            Action::SearchHistoryNext => match self.recalled {
                None => return None,
                Some(i) if i + 1 < self.entries.len() => Some(i + 1),
                Some(_) => None,
            },
            _ => return None,
        };
        self.recalled = index;
        Some(match index {
            Some(i) => self.entries[i].clone(),
            None => std::mem::take(&mut self.draft),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn history(queries: &[&str]) -> History {
        let mut history = History::default();
        for q in queries {
            history.remember((*q).to_string());
        }
        history
    }

    #[test]
    fn up_recalls_newest_first_and_down_comes_back_to_what_was_typed() {
        let mut h = history(&["人才", "银行"]);
        let up = Action::SearchHistoryPrev;
        let down = Action::SearchHistoryNext;
        assert_eq!(h.browse(&up, "草稿").as_deref(), Some("银行"));
        assert_eq!(h.browse(&up, "银行").as_deref(), Some("人才"));
        assert_eq!(h.browse(&up, "人才"), None, "the oldest is the end");
        assert_eq!(h.browse(&down, "人才").as_deref(), Some("银行"));
        assert_eq!(h.browse(&down, "银行").as_deref(), Some("草稿"));
        assert_eq!(
            h.browse(&down, "草稿"),
            None,
            "past the draft there is nothing"
        );
    }

    #[test]
    fn an_edit_starts_over_from_the_newest_a_caret_move_does_not() {
        let mut h = history(&["人才", "银行"]);
        let up = Action::SearchHistoryPrev;
        h.browse(&up, "");
        h.typed(&Action::SearchLeft);
        assert_eq!(h.browse(&up, "银行").as_deref(), Some("人才"));
        h.typed(&Action::SearchInsert("x".into()));
        assert_eq!(h.browse(&up, "人才x").as_deref(), Some("银行"));
    }

    #[test]
    fn a_repeat_moves_to_the_newest_and_the_oldest_go_past_the_limit() {
        let mut h = history(&["甲", "乙", "甲"]);
        assert_eq!(h.entries(), ["乙", "甲"]);
        for i in 0..HISTORY_LIMIT + 5 {
            h.remember(i.to_string());
        }
        assert_eq!(h.entries().len(), HISTORY_LIMIT);
        assert_eq!(h.newest(), Some((HISTORY_LIMIT + 4).to_string().as_str()));
    }

    #[test]
    fn kept_queries_come_before_this_runs_and_bad_ones_are_left_out() {
        let mut h = history(&["本次"]);
        let kept = [
            "旧".to_string(),
            String::new(),
            "长".repeat(HISTORY_QUERY_CHARS + 1),
            "本次".to_string(),
            "a\u{1b}[31mb".to_string(),
        ];
        h.set(&kept);
        assert_eq!(h.entries().len(), 3);
        assert_eq!(h.entries()[0], "旧");
        assert!(!h.entries()[1].contains('\u{1b}'), "made inert");
        assert_eq!(h.newest(), Some("本次"), "this run's stay the newest");
    }
}
