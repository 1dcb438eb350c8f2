//! Every user-visible label of the interface, in Chinese and English.
//!
//! The letter's own text is never translated; only the interface around it is.

/// The interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Lang {
    /// 中文 (the default: the letter is Chinese, and so are most of its readers).
    #[default]
    Zh,
    /// English.
    En,
}

/// The interface's labels in one language.
#[derive(Debug)]
pub struct Strings {
    /// Outline name of the part before the first suggestion.
    pub opening: &'static str,
    /// Outline name of the part after the last suggestion.
    pub closing: &'static str,
    /// Title of the outline pane.
    pub outline: &'static str,
    /// Title of the reading pane.
    pub reading: &'static str,
    /// Shown instead of the interface when the terminal is too small.
    pub too_small: &'static str,
    /// Short key hints for the status row.
    pub hints: &'static str,
    /// Title of the help overlay.
    pub help_title: &'static str,
    /// Rows of the help overlay: key, what it does.
    pub help: &'static [(&'static str, &'static str)],
    /// Title of the figures overlay.
    pub figures_title: &'static str,
    /// Column headings of the figures table.
    pub figure_columns: [&'static str; 6],
    /// Search prompt label.
    pub search_prompt: &'static str,
    /// Status note when a search finds nothing.
    pub no_match: &'static str,
    /// Status note when `n` wraps past the last match.
    pub wrapped_to_top: &'static str,
    /// Status note when `N` wraps past the first match.
    pub wrapped_to_bottom: &'static str,
    /// Status note after a copy.
    pub copied: &'static str,
    /// Status note when the outline filter is on.
    pub filtered: &'static str,
    /// Mark of a figure-count badge, before the number (e.g. `#3`).
    pub figure_badge: &'static str,
}

const ZH: Strings = Strings {
    opening: "开头",
    closing: "结尾",
    outline: "目录",
    reading: "正文",
    too_small: "终端太小",
    hints: "?帮助 /搜索 f数字 q退出",
    help_title: "按键",
    help: &[
        ("↓ j / ↑ k", "下一项 / 上一项（正文中：滚动一行）"),
        ("→ l", "展开，或进入第一个子项"),
        ("← h", "折叠，或回到上一级"),
        ("Enter 空格", "展开 / 折叠"),
        ("J / K", "下一个 / 上一个同级项"),
        ("1–9", "跳到第 N 条建议"),
        ("E / C", "全部展开 / 全部折叠"),
        ("g Home / G End", "第一项 / 最后一项"),
        ("PgDn Ctrl-d / PgUp Ctrl-u", "翻页"),
        ("Tab", "在目录和正文之间切换"),
        ("/", "搜索（可用拼音）"),
        ("n / N", "下一个 / 上一个匹配"),
        ("&", "只显示匹配的项"),
        ("f", "数字一览"),
        ("y", "复制所选项的文字（OSC 52）"),
        ("?", "帮助；Esc 关闭"),
        ("q Ctrl-C", "退出"),
        ("鼠标", "滚轮滚动；单击选择；单击▸展开"),
    ],
    figures_title: "数字一览",
    figure_columns: ["原文", "数值", "单位", "内容", "限定", "位置"],
    search_prompt: "搜索：",
    no_match: "无匹配",
    wrapped_to_top: "已回到第一个匹配",
    wrapped_to_bottom: "已回到最后一个匹配",
    copied: "已复制",
    filtered: "筛选",
    figure_badge: "#",
};

const EN: Strings = Strings {
    opening: "Opening",
    closing: "Closing",
    outline: "Outline",
    reading: "Text",
    too_small: "terminal too small",
    hints: "? help  / search  f figures  q quit",
    help_title: "Keys",
    help: &[
        (
            "↓ j / ↑ k",
            "next / previous node (text pane: scroll a line)",
        ),
        ("→ l", "expand, or go to the first child"),
        ("← h", "collapse, or go to the parent"),
        ("Enter Space", "toggle the node"),
        ("J / K", "next / previous sibling"),
        ("1–9", "jump to suggestion N"),
        ("E / C", "expand all / collapse all"),
        ("g Home / G End", "first / last node"),
        ("PgDn Ctrl-d / PgUp Ctrl-u", "page down / up"),
        ("Tab", "switch between outline and text"),
        ("/", "search (pinyin works too)"),
        ("n / N", "next / previous match"),
        ("&", "show only matching nodes"),
        ("f", "figures"),
        ("y", "copy the node's text (OSC 52)"),
        ("?", "help; Esc closes"),
        ("q Ctrl-C", "quit"),
        ("mouse", "wheel scrolls; click selects; click ▸ toggles"),
    ],
    figures_title: "Figures",
    figure_columns: ["text", "value", "unit", "what", "hedge", "where"],
    search_prompt: "search: ",
    no_match: "no match",
    wrapped_to_top: "wrapped to the first match",
    wrapped_to_bottom: "wrapped to the last match",
    copied: "copied",
    filtered: "filtered",
    figure_badge: "#",
};

impl Lang {
    /// The labels in this language.
    #[must_use]
    pub fn strings(self) -> &'static Strings {
        match self {
            Lang::Zh => &ZH,
            Lang::En => &EN,
        }
    }
}
