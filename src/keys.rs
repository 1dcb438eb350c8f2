//! The reader's key bindings, once: every binding is one row of [`BINDINGS`] — the keys, the
//! action, and what it does in Chinese and English. The event lookup ([`crate::keymap`]), the
//! help overlay and the README's key table are all read from it (a test compares the README
//! with [`markdown_table`]), so they cannot drift apart.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::action::Action;
use crate::strings::Lang;

/// Where a binding applies. A key is looked up in the most particular mode first: the
/// prompt; else the figures view, then any overlay; else the focused pane; then everywhere
/// outside the prompt ([`Mode::Browse`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Everywhere, before any other binding.
    Always,
    /// The outline and the reading pane, and the overlays where they do not bind the key.
    Browse,
    /// The outline, when it has the focus.
    Outline,
    /// The reading pane, when it has the focus.
    Reading,
    /// The help or the figures view.
    Overlay,
    /// The figures view.
    Figures,
    /// The search prompt; any other printable key is typed into the query.
    Prompt,
    /// The shelf's list of letters (`dafu DIR`); then the moves of [`Mode::Browse`].
    Shelf,
}

/// One key as a binding names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// A printable character, typed without Ctrl (Shift is part of the character).
    Char(char),
    /// A letter typed with Ctrl.
    Ctrl(char),
    /// A named key (arrows, Enter, PgDn…), without Ctrl.
    Code(KeyCode),
    /// The digits 1–9; the action receives the digit (a suggestion's number).
    Digits,
    /// The digits 0–9; the action receives the digit (a count).
    CountDigits,
}

/// One row of the key table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    /// Where it applies.
    pub mode: Mode,
    /// The keys, any of which does it.
    pub keys: &'static [Key],
    /// What it does ([`Key::Digits`] fills in the digit).
    pub action: Action,
    /// What it does, in Chinese.
    pub zh: &'static str,
    /// What it does, in English.
    pub en: &'static str,
}

impl Binding {
    /// The description in `lang`.
    #[must_use]
    pub fn describe(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Zh => self.zh,
            Lang::En => self.en,
        }
    }

    /// The keys as the help and the README write them: `↓ j`, `PgDn Ctrl-d`.
    #[must_use]
    pub fn keys_label(&self, lang: Lang) -> String {
        self.keys
            .iter()
            .map(|k| key_name(*k, lang))
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn action_for(&self, key: &KeyEvent, ctrl: bool) -> Option<Action> {
        self.keys.iter().find_map(|k| match (*k, key.code) {
            (Key::Ctrl(c), KeyCode::Char(typed)) if ctrl && typed == c => Some(self.action.clone()),
            (Key::Char(c), KeyCode::Char(typed)) if !ctrl && typed == c => {
                Some(self.action.clone())
            }
            (Key::Code(code), typed) if !ctrl && typed == code => Some(self.action.clone()),
            (Key::Digits, KeyCode::Char(d @ '1'..='9')) if !ctrl => Some(Action::JumpToSuggestion(
                d.to_digit(10).map_or(1, |n| n as usize),
            )),
            (Key::CountDigits, KeyCode::Char(d @ '0'..='9')) if !ctrl => Some(Action::Count(
                d.to_digit(10)
                    .and_then(|n| u8::try_from(n).ok())
                    .unwrap_or(0),
            )),
            _ => None,
        })
    }
}

/// How a key is written in the help and the README.
fn key_name(key: Key, lang: Lang) -> String {
    match key {
        Key::Char(' ') => match lang {
            Lang::Zh => "空格".into(),
            Lang::En => "Space".into(),
        },
        Key::Char(c) => c.to_string(),
        Key::Ctrl(c) => format!("Ctrl-{c}"),
        Key::Digits => "1–9".into(),
        Key::CountDigits => "0–9".into(),
        Key::Code(code) => match code {
            KeyCode::Down => "↓".into(),
            KeyCode::Up => "↑".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::BackTab => "Shift-Tab".into(),
            other => other.to_string(),
        },
    }
}

/// How the status row names a key that does nothing where it was pressed (`F5`, `Ctrl-x`,
/// `Backspace`); `None` for what is no key of its own (a modifier pressed alone, a lock, a
/// media key), which passes without a word.
#[must_use]
pub fn describe(key: &KeyEvent, lang: Lang) -> Option<String> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let alt = key.modifiers.contains(KeyModifiers::ALT);
    let name = match key.code {
        KeyCode::Char(c) if c.is_control() => return None,
        // Ctrl-\ Ctrl-] Ctrl-^ Ctrl-_ send the bytes of Ctrl-4 to Ctrl-7, which is how the
        // key arrives; named as a person presses it.
        KeyCode::Char(c @ '4'..='7') if ctrl => {
            let typed = match c {
                '4' => '\\',
                '5' => ']',
                '6' => '^',
                _ => '_',
            };
            format!("Ctrl-{typed}")
        }
        KeyCode::Char(c) if ctrl => format!("Ctrl-{c}"),
        KeyCode::Char(c) => key_name(Key::Char(c), lang),
        KeyCode::Modifier(_)
        | KeyCode::Media(_)
        | KeyCode::Null
        | KeyCode::CapsLock
        | KeyCode::NumLock
        | KeyCode::ScrollLock
        | KeyCode::KeypadBegin => return None,
        code => {
            let name = key_name(Key::Code(code), lang);
            if ctrl { format!("Ctrl-{name}") } else { name }
        }
    };
    Some(if alt { format!("Alt-{name}") } else { name })
}

/// Every key binding of the reader, in the order the help lists them.
pub const BINDINGS: &[Binding] = &[
    Binding {
        mode: Mode::Browse,
        keys: &[Key::Code(KeyCode::Down), Key::Char('j')],
        action: Action::Down,
        zh: "下一项（正文中：向下滚动一行）",
        en: "next node (text pane: scroll down a line)",
    },
    Binding {
        mode: Mode::Browse,
        keys: &[Key::Code(KeyCode::Up), Key::Char('k')],
        action: Action::Up,
        zh: "上一项（正文中：向上滚动一行）",
        en: "previous node (text pane: scroll up a line)",
    },
    Binding {
        mode: Mode::Browse,
        keys: &[Key::Code(KeyCode::Right), Key::Char('l')],
        action: Action::Expand,
        zh: "展开，或进入第一个子项；在末级条目上读它的正文",
        en: "expand, or go to the first child; on a leaf, its text",
    },
    Binding {
        mode: Mode::Browse,
        keys: &[Key::Code(KeyCode::Left), Key::Char('h')],
        action: Action::Collapse,
        zh: "折叠，或回到上一级；在正文中回到目录",
        en: "collapse, or the parent; in the text, the outline",
    },
    Binding {
        mode: Mode::Outline,
        keys: &[Key::Code(KeyCode::Enter)],
        action: Action::Toggle,
        zh: "目录：展开 / 折叠；末级项：到它的正文",
        en: "outline: toggle the node; on a leaf, go to its text",
    },
    Binding {
        mode: Mode::Reading,
        keys: &[Key::Code(KeyCode::Enter)],
        action: Action::Down,
        zh: "正文：向下滚动一行",
        en: "text: scroll down a line",
    },
    Binding {
        mode: Mode::Outline,
        // Backspace goes back a level in both panes: in the text to the outline, in the
        // outline up, as h does (it had been the one key of the panes bound in one alone).
        keys: &[Key::Code(KeyCode::Backspace)],
        action: Action::Collapse,
        zh: "目录：同 h，折叠或回到上一级",
        en: "outline: as h, collapse or go to the parent",
    },
    Binding {
        mode: Mode::Reading,
        keys: &[Key::Code(KeyCode::Backspace)],
        action: Action::Back,
        zh: "正文：回到目录（h、← 也可；只显示一栏时 Esc 也可）",
        en: "text: to the outline (also h, ←; one pane: Esc)",
    },
    Binding {
        mode: Mode::Browse,
        keys: &[Key::Char('J')],
        action: Action::NextSibling,
        zh: "下一个同级项",
        en: "next sibling",
    },
    Binding {
        mode: Mode::Browse,
        keys: &[Key::Char('K')],
        action: Action::PrevSibling,
        zh: "上一个同级项",
        en: "previous sibling",
    },
    Binding {
        mode: Mode::Outline,
        keys: &[Key::Digits],
        action: Action::JumpToSuggestion(1),
        zh: "目录：跳到第 N 条建议",
        en: "outline: jump to suggestion N",
    },
    Binding {
        mode: Mode::Reading,
        keys: &[Key::CountDigits],
        action: Action::Count(0),
        zh: "正文：下一步重复 N 次（3j、2空格）",
        en: "text: a count for the next move (3j, 2 Space)",
    },
    Binding {
        mode: Mode::Reading,
        keys: &[Key::Char('%')],
        action: Action::Percent,
        zh: "正文：N% 到全文的百分之 N 处",
        en: "text: N% goes N per cent into the letter",
    },
    Binding {
        mode: Mode::Browse,
        keys: &[Key::Char('E')],
        action: Action::ExpandAll,
        zh: "全部展开",
        en: "expand all",
    },
    Binding {
        mode: Mode::Browse,
        keys: &[Key::Char('C')],
        action: Action::CollapseAll,
        zh: "全部折叠",
        en: "collapse all",
    },
    Binding {
        mode: Mode::Browse,
        keys: &[Key::Char('g'), Key::Char('<'), Key::Code(KeyCode::Home)],
        action: Action::First,
        zh: "第一项（正文中：开头；Ng：第 N 行）",
        en: "first node (text pane: top; Ng: line N)",
    },
    Binding {
        mode: Mode::Browse,
        keys: &[Key::Char('G'), Key::Char('>'), Key::Code(KeyCode::End)],
        action: Action::Last,
        zh: "最后一项（正文中：结尾；NG：第 N 行）",
        en: "last node (text pane: end; NG: line N)",
    },
    Binding {
        mode: Mode::Browse,
        // Space and `b` as in less, from the outline too: Enter opens and closes a node.
        keys: &[Key::Code(KeyCode::PageDown), Key::Char(' '), Key::Ctrl('f')],
        action: Action::PageDown,
        zh: "向下翻页（正文在旁时翻正文，目录跟随）",
        en: "page down (the text if shown; the outline follows)",
    },
    Binding {
        mode: Mode::Browse,
        keys: &[Key::Code(KeyCode::PageUp), Key::Char('b'), Key::Ctrl('b')],
        action: Action::PageUp,
        zh: "向上翻页（正文在旁时翻正文，目录跟随）",
        en: "page up (the text if shown; the outline follows)",
    },
    Binding {
        mode: Mode::Browse,
        keys: &[Key::Char('d'), Key::Ctrl('d')],
        action: Action::HalfPageDown,
        zh: "向下翻半页",
        en: "half a page down",
    },
    Binding {
        mode: Mode::Browse,
        keys: &[Key::Char('u'), Key::Ctrl('u')],
        action: Action::HalfPageUp,
        zh: "向上翻半页",
        en: "half a page up",
    },
    Binding {
        mode: Mode::Browse,
        keys: &[Key::Code(KeyCode::Tab), Key::Code(KeyCode::BackTab)],
        action: Action::SwitchFocus,
        zh: "在目录和正文之间切换",
        en: "switch focus between outline and text",
    },
    Binding {
        mode: Mode::Browse,
        keys: &[Key::Char('/')],
        action: Action::OpenSearch,
        zh: "搜索：汉字、拼音或首字母",
        en: "search: Chinese, pinyin or initials",
    },
    Binding {
        mode: Mode::Browse,
        keys: &[Key::Char('n')],
        action: Action::NextMatch,
        zh: "下一个匹配；移开后从所在处找起（回绕时提示）",
        en: "next match; once you move, the next from here (wraps)",
    },
    Binding {
        mode: Mode::Browse,
        keys: &[Key::Char('N')],
        action: Action::PrevMatch,
        zh: "上一个匹配；移开后从所在处往回找",
        en: "previous match; after you move, back from here",
    },
    Binding {
        mode: Mode::Browse,
        keys: &[Key::Char('&')],
        action: Action::ToggleFilter,
        zh: "目录只显示匹配的项及其上级",
        en: "outline shows only matching nodes and their ancestors",
    },
    Binding {
        mode: Mode::Browse,
        keys: &[Key::Char('m')],
        action: Action::SetMark,
        zh: "加字母：设书签（如 ma，跨次保留）",
        en: "m + letter: set a mark (kept between runs)",
    },
    Binding {
        mode: Mode::Browse,
        keys: &[Key::Char('\'')],
        action: Action::GoToMark,
        zh: "加字母：到书签；''：回到跳转前",
        en: "' + letter: go to the mark; '': back before the jump",
    },
    Binding {
        mode: Mode::Browse,
        keys: &[Key::Char('f')],
        action: Action::OpenFigures,
        zh: "数字一览",
        en: "figures view",
    },
    Binding {
        mode: Mode::Browse,
        keys: &[Key::Char('y')],
        action: Action::Copy,
        zh: "复制所选项的文字（OSC 52）",
        en: "copy the selected node's text (OSC 52)",
    },
    Binding {
        mode: Mode::Browse,
        keys: &[Key::Char('=')],
        action: Action::WhereAmI,
        zh: "我在哪里：文件、屏上的字、百分比（同 less）",
        en: "where am I: the file, the text in view, the per cent",
    },
    Binding {
        mode: Mode::Browse,
        keys: &[Key::Char('?'), Key::Code(KeyCode::F(1))],
        action: Action::OpenHelp,
        zh: "帮助",
        en: "help",
    },
    Binding {
        mode: Mode::Browse,
        keys: &[Key::Code(KeyCode::Esc)],
        action: Action::Escape,
        zh: "关闭浮层，或清除搜索",
        en: "close the overlay, or clear the search",
    },
    Binding {
        mode: Mode::Browse,
        keys: &[Key::Char('q')],
        action: Action::Quit,
        zh: "退出",
        en: "quit",
    },
    Binding {
        mode: Mode::Always,
        keys: &[Key::Ctrl('z')],
        action: Action::Suspend,
        zh: "挂起（在 shell 中用 fg 回来）",
        en: "suspend (fg in the shell returns)",
    },
    Binding {
        mode: Mode::Always,
        keys: &[Key::Ctrl('l')],
        action: Action::Repaint,
        zh: "重画屏幕（被别的程序写乱时）",
        en: "repaint the screen (another program wrote over it)",
    },
    Binding {
        mode: Mode::Always,
        keys: &[Key::Ctrl('c')],
        action: Action::Interrupt,
        zh: "退出（在搜索框和浮层中也可用）",
        en: "quit (also from the prompt and overlays)",
    },
    Binding {
        mode: Mode::Overlay,
        keys: &[Key::Char('q'), Key::Code(KeyCode::Esc)],
        action: Action::Escape,
        zh: "帮助、数字一览：关闭",
        en: "help, figures: close",
    },
    Binding {
        mode: Mode::Overlay,
        keys: &[Key::Char(' ')],
        action: Action::PageDown,
        zh: "帮助、数字一览：向下翻页（翻页键、d、g、G 同正文）",
        en: "help, figures: page down (paging keys, d, g, G too)",
    },
    Binding {
        mode: Mode::Overlay,
        keys: &[Key::Char('b')],
        action: Action::PageUp,
        zh: "帮助、数字一览：向上翻页",
        en: "help, figures: page up",
    },
    Binding {
        mode: Mode::Figures,
        keys: &[Key::Char('s')],
        action: Action::CycleSort,
        zh: "数字一览：切换排序",
        en: "figures: cycle the order",
    },
    Binding {
        mode: Mode::Figures,
        keys: &[Key::Char('u')],
        action: Action::CycleUnitFilter,
        zh: "数字一览：切换单位筛选",
        en: "figures: cycle the unit filter",
    },
    Binding {
        mode: Mode::Figures,
        keys: &[Key::Char('c')],
        action: Action::ToggleFiguresChart,
        zh: "数字一览：表格 / 金额图",
        en: "figures: table or money chart",
    },
    Binding {
        mode: Mode::Figures,
        keys: &[Key::Char('/')],
        action: Action::OpenSearch,
        zh: "数字一览：搜索正文；在搜索框按 Esc 回到这里",
        en: "figures: search the letter; Esc in the prompt: back",
    },
    Binding {
        mode: Mode::Figures,
        keys: &[Key::Code(KeyCode::Enter)],
        action: Action::Activate,
        zh: "数字一览：跳到原文",
        en: "figures: go to the figure in the text",
    },
    Binding {
        mode: Mode::Figures,
        keys: &[Key::CountDigits],
        action: Action::Count(0),
        zh: "数字一览：下一步重复 N 次（5j）；NG 到第 N 个",
        en: "figures: a count for the next move (5j); NG: row N",
    },
    Binding {
        mode: Mode::Shelf,
        keys: &[Key::Code(KeyCode::Enter)],
        action: Action::Activate,
        zh: "书架：打开答复函（有搜索时停在第一处，n/N 继续）",
        en: "shelf: open the letter (at its first match; n/N next)",
    },
    Binding {
        mode: Mode::Shelf,
        keys: &[Key::Char('=')],
        action: Action::WhereAmI,
        zh: "书架：所选答复函的文件，第几封",
        en: "shelf: the letter's file and its place in the list",
    },
    Binding {
        mode: Mode::Shelf,
        keys: &[Key::Char('s')],
        action: Action::CycleSort,
        zh: "书架：按文件、日期、发文机关、文号、提案号排序",
        en: "shelf: sort by file, date, issuer, number, proposal",
    },
    Binding {
        mode: Mode::Shelf,
        keys: &[Key::Code(KeyCode::Esc)],
        action: Action::Escape,
        zh: "书架：清除搜索；在答复函中 q、Esc 回到书架",
        en: "shelf: clear the search; q or Esc in a letter: back",
    },
    Binding {
        mode: Mode::Shelf,
        keys: &[Key::CountDigits],
        action: Action::Count(0),
        zh: "书架：下一步重复 N 次（3j）；NG 到第 N 封",
        en: "shelf: a count for the next move (3j); NG: letter N",
    },
    Binding {
        mode: Mode::Shelf,
        keys: &[Key::Code(KeyCode::Down), Key::Char('j')],
        action: Action::Down,
        zh: "书架：下一封",
        en: "shelf: next letter",
    },
    Binding {
        mode: Mode::Shelf,
        keys: &[Key::Code(KeyCode::Up), Key::Char('k')],
        action: Action::Up,
        zh: "书架：上一封",
        en: "shelf: previous letter",
    },
    Binding {
        mode: Mode::Shelf,
        keys: &[Key::Code(KeyCode::PageDown), Key::Char(' '), Key::Ctrl('f')],
        action: Action::PageDown,
        zh: "书架：向下翻一页（同 less；d、Ctrl-d 半页）",
        en: "shelf: page down (as in less; d, Ctrl-d half a page)",
    },
    Binding {
        mode: Mode::Shelf,
        keys: &[Key::Code(KeyCode::PageUp), Key::Char('b'), Key::Ctrl('b')],
        action: Action::PageUp,
        zh: "书架：向上翻一页（u、Ctrl-u 半页）",
        en: "shelf: page up (u, Ctrl-u half a page)",
    },
    Binding {
        mode: Mode::Shelf,
        keys: &[Key::Char('g'), Key::Char('<'), Key::Code(KeyCode::Home)],
        action: Action::First,
        zh: "书架：第一封",
        en: "shelf: first letter",
    },
    Binding {
        mode: Mode::Shelf,
        keys: &[Key::Char('G'), Key::Char('>'), Key::Code(KeyCode::End)],
        action: Action::Last,
        zh: "书架：最后一封",
        en: "shelf: last letter",
    },
    Binding {
        mode: Mode::Prompt,
        keys: &[Key::Code(KeyCode::Enter)],
        action: Action::SearchSubmit,
        zh: "搜索框：保留查询；空着回车：再搜上一次",
        en: "prompt: keep the query; empty: the last search again",
    },
    Binding {
        mode: Mode::Prompt,
        keys: &[Key::Code(KeyCode::Esc)],
        action: Action::SearchCancel,
        zh: "搜索框：取消，恢复之前的搜索",
        en: "prompt: cancel, keeping the earlier search",
    },
    Binding {
        mode: Mode::Prompt,
        keys: &[Key::Code(KeyCode::F(1))],
        action: Action::OpenHelp,
        zh: "搜索框：帮助（关闭后回到搜索框）",
        en: "prompt: help (closing it comes back here)",
    },
    Binding {
        mode: Mode::Prompt,
        keys: &[Key::Code(KeyCode::Up)],
        action: Action::SearchHistoryPrev,
        zh: "搜索框：上一条历史（跨次保留）",
        en: "prompt: previous query (history kept between runs)",
    },
    Binding {
        mode: Mode::Prompt,
        keys: &[Key::Code(KeyCode::Down)],
        action: Action::SearchHistoryNext,
        zh: "搜索框：下一条历史",
        en: "prompt: next query in the history",
    },
    Binding {
        mode: Mode::Prompt,
        keys: &[Key::Code(KeyCode::Left)],
        action: Action::SearchLeft,
        zh: "搜索框：光标左移",
        en: "prompt: caret left",
    },
    Binding {
        mode: Mode::Prompt,
        keys: &[Key::Code(KeyCode::Right)],
        action: Action::SearchRight,
        zh: "搜索框：光标右移",
        en: "prompt: caret right",
    },
    Binding {
        mode: Mode::Prompt,
        keys: &[Key::Code(KeyCode::Home), Key::Ctrl('a')],
        action: Action::SearchHome,
        zh: "搜索框：到开头",
        en: "prompt: caret to the start",
    },
    Binding {
        mode: Mode::Prompt,
        keys: &[Key::Code(KeyCode::End), Key::Ctrl('e')],
        action: Action::SearchEnd,
        zh: "搜索框：到结尾",
        en: "prompt: caret to the end",
    },
    Binding {
        mode: Mode::Prompt,
        keys: &[Key::Code(KeyCode::Backspace)],
        action: Action::SearchBackspace,
        zh: "搜索框：删除前一个字",
        en: "prompt: delete before the caret",
    },
    Binding {
        mode: Mode::Prompt,
        keys: &[Key::Code(KeyCode::Delete)],
        action: Action::SearchDelete,
        zh: "搜索框：删除后一个字",
        en: "prompt: delete under the caret",
    },
    Binding {
        mode: Mode::Prompt,
        keys: &[Key::Ctrl('w')],
        action: Action::SearchDeleteWord,
        zh: "搜索框：删除前一个词",
        en: "prompt: delete the word before the caret",
    },
    Binding {
        mode: Mode::Prompt,
        keys: &[Key::Ctrl('u')],
        action: Action::SearchDeleteToStart,
        zh: "搜索框：删除光标前的全部",
        en: "prompt: delete everything before the caret",
    },
    Binding {
        mode: Mode::Prompt,
        keys: &[Key::Ctrl('k')],
        action: Action::SearchDeleteToEnd,
        zh: "搜索框：删除光标后的全部",
        en: "prompt: delete from the caret to the end",
    },
];

/// The first binding of `mode` that `key` triggers (`ctrl`: Ctrl is held).
#[must_use]
pub fn lookup(mode: Mode, key: &KeyEvent, ctrl: bool) -> Option<Action> {
    BINDINGS
        .iter()
        .filter(|b| b.mode == mode)
        .find_map(|b| b.action_for(key, ctrl))
}

/// The key table as the README shows it: a Markdown table of keys and what they do, in
/// `lang`, one row a binding.
#[must_use]
pub fn markdown_table(lang: Lang) -> String {
    let mut out = String::from("| key | does |\n| --- | --- |\n");
    for binding in BINDINGS {
        let keys = binding
            .keys
            .iter()
            .map(|k| format!("`{}`", key_name(*k, lang)))
            .collect::<Vec<_>>()
            .join(" ");
        // A `|` in a cell would end it.
        let does = binding.describe(lang).replace('|', "\\|");
        out.push_str(&format!("| {keys} | {does} |\n"));
    }
    out
}

/// The reader's help rows: the keys and what they do, one row a binding, then the mouse.
/// The shelf's own keys are left to the shelf's help, where they work.
#[must_use]
pub fn help_rows(lang: Lang, on_shelf: bool) -> Vec<(String, &'static str)> {
    let strings = lang.strings();
    let (mouse, badge) = (strings.help_mouse, strings.help_badge);
    // In a letter opened from the shelf, `q` and an Esc with nothing to close go back to it.
    let describe = |b: &Binding| match (b.mode, &b.action) {
        (Mode::Browse, Action::Quit) if on_shelf => strings.help_back_to_shelf,
        (Mode::Browse, Action::Escape) if on_shelf => strings.help_escape_on_shelf,
        _ => b.describe(lang),
    };
    BINDINGS
        .iter()
        .filter(|b| b.mode != Mode::Shelf)
        .map(|b| (b.keys_label(lang), describe(b)))
        .chain([
            (mouse.0.to_string(), mouse.1),
            (badge.0.to_string(), badge.1),
        ])
        .collect()
}

/// Where the shelf's help lists a binding: its own keys first, then the search, the help and
/// quitting, the keys of everywhere, and the prompt's editing and history; `None` for a
/// binding the shelf does not have. The help pages with the keys its
/// border names, as the reader's does.
fn shelf_group(binding: &Binding) -> Option<u8> {
    match binding.mode {
        Mode::Shelf => Some(0),
        Mode::Browse => matches!(
            binding.action,
            Action::OpenSearch | Action::OpenHelp | Action::Quit
        )
        .then_some(1),
        Mode::Always => Some(2),
        Mode::Prompt => Some(3),
        Mode::Outline | Mode::Reading | Mode::Overlay | Mode::Figures => None,
    }
}

/// The shelf's help rows: its keys and what they do, then the mouse.
#[must_use]
pub fn shelf_help_rows(lang: Lang) -> Vec<(String, &'static str)> {
    let mouse = lang.strings().shelf_help_mouse;
    let mut bindings: Vec<(u8, &Binding)> = BINDINGS
        .iter()
        .filter_map(|b| Some((shelf_group(b)?, b)))
        .collect();
    // Stable: within a group, the table's order.
    bindings.sort_by_key(|(group, _)| *group);
    bindings
        .into_iter()
        .map(|(_, b)| (b.keys_label(lang), b.describe(lang)))
        .chain(std::iter::once((mouse.0.to_string(), mouse.1)))
        .collect()
}
