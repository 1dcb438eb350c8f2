//! A line being typed at a prompt, edited as a shell's line editor edits it: the reader's
//! search prompt and the shelf's use the same keys, and this one function.

use crate::action::Action;
use crate::text::sanitize::sanitize_line;

/// What an action did to the line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edited {
    /// The text or the caret may have changed.
    Changed,
    /// Backspace on an empty line: the prompt closes, as in less and vim.
    Close,
    /// Not an edit of the line (Enter, Esc, the history…): the prompt decides.
    Not,
}

/// Applies `action` to the line `text` with its `caret` (counted in characters).
pub fn edit_line(text: &mut String, caret: &mut usize, action: &Action) -> Edited {
    // The caret counts characters; inserting and removing work in bytes.
    let at = crate::text::char_to_byte;
    let len = text.chars().count();
    *caret = (*caret).min(len);
    match action {
        Action::SearchInsert(typed) => {
            // Pasted or committed text may hold line breaks or controls: one inert line.
            let typed = sanitize_line(typed);
            text.insert_str(at(text, *caret), &typed);
            *caret += typed.chars().count();
        }
        Action::SearchBackspace if *caret > 0 => {
            *caret -= 1;
            text.remove(at(text, *caret));
        }
        Action::SearchBackspace if text.is_empty() => return Edited::Close,
        Action::SearchBackspace => {}
        Action::SearchDelete => {
            if *caret < len {
                text.remove(at(text, *caret));
            }
        }
        Action::SearchDeleteWord => {
            let chars: Vec<char> = text.chars().collect();
            let mut start = *caret;
            while start > 0 && chars[start - 1] == ' ' {
                start -= 1;
            }
            while start > 0 && chars[start - 1] != ' ' {
                start -= 1;
            }
            *text = chars[..start].iter().chain(&chars[*caret..]).collect();
            *caret = start;
        }
        Action::SearchDeleteToStart => {
            text.replace_range(..at(text, *caret), "");
            *caret = 0;
        }
        Action::SearchDeleteToEnd => text.truncate(at(text, *caret)),
        Action::SearchLeft => *caret = caret.saturating_sub(1),
        Action::SearchRight => *caret = (*caret + 1).min(len),
        Action::SearchHome => *caret = 0,
        Action::SearchEnd => *caret = len,
        _ => return Edited::Not,
    }
    Edited::Changed
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edited(text: &str, caret: usize, actions: &[Action]) -> (String, usize) {
        let (mut text, mut caret) = (text.to_string(), caret);
        for action in actions {
            edit_line(&mut text, &mut caret, action);
        }
        (text, caret)
    }

    #[test]
    fn edits_by_character_and_word_as_a_shell_does() {
        assert_eq!(
            edited("人工 智能", 5, &[Action::SearchDeleteWord]),
            ("人工 ".into(), 3)
        );
        assert_eq!(
            edited(
                "人工智能",
                2,
                &[Action::SearchBackspace, Action::SearchDelete]
            ),
            ("人能".into(), 1)
        );
        assert_eq!(
            edited("abc", 1, &[Action::SearchInsert("x\ny".into())]),
            ("ax ybc".into(), 4)
        );
        assert_eq!(
            edited("abcd", 2, &[Action::SearchDeleteToEnd, Action::SearchHome]),
            ("ab".into(), 0)
        );
        assert_eq!(
            edited("abcd", 2, &[Action::SearchDeleteToStart]),
            ("cd".into(), 0)
        );
    }

    #[test]
    fn backspace_on_an_empty_line_closes_and_other_keys_are_not_edits() {
        let (mut text, mut caret) = (String::new(), 0);
        assert_eq!(
            edit_line(&mut text, &mut caret, &Action::SearchBackspace),
            Edited::Close
        );
        assert_eq!(
            edit_line(&mut text, &mut caret, &Action::SearchSubmit),
            Edited::Not
        );
    }
}
