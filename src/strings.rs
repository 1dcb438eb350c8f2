//! Every user-visible label of the interface, in Chinese and English.
//!
//! The letter's own text is never translated; only the interface around it is.

pub mod help;
pub mod refusals;

use std::borrow::Cow;

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
    /// The same in a letter opened from the shelf, where `q` goes back to it.
    pub shelf_letter_hints: &'static str,
    /// What `q` does in a letter opened from the shelf, as the help says it.
    pub help_back_to_shelf: &'static str,
    /// What Esc does there.
    pub help_escape_on_shelf: &'static str,
    /// Before the hints when only one pane shows: Tab reaches the other.
    pub tab_hint: &'static str,
    /// The hints when the full ones do not fit: the other pane, and help.
    pub short_hints: &'static str,
    /// Title of the help overlay.
    pub help_title: &'static str,
    /// Key hints in the help overlay's bottom border.
    pub help_hints: &'static str,
    /// The help overlay's last row, after the keys of [`crate::keys::BINDINGS`]: the mouse.
    pub help_mouse: (&'static str, &'static str),
    /// The help overlay's row that says what an outline row's badge (`#5`) counts.
    pub help_badge: (&'static str, &'static str),
    /// Title of the figures overlay.
    pub figures_title: &'static str,
    /// The figures table of a letter that states no figure, and Enter there.
    pub figures_none: &'static str,
    /// The money chart of a letter that states no sum of money, and Enter there.
    pub chart_none: &'static str,
    /// Column headings of the figures table: text, value, unit, what, qualifier, period, where.
    pub figure_columns: [&'static str; 7],
    /// Heading of the letter column of a shelf's figures (`dafu figures DIR`).
    pub letter_column: &'static str,
    /// Column headings of `dafu list`: file, date, issuer, document number, the number of the
    /// proposal (or suggestion) answered, class, suggestions, figures, state, title.
    pub list_columns: [&'static str; 10],
    /// `dafu list`: the state of an unreviewed import, and of a refused letter.
    pub list_states: [&'static str; 2],
    /// Before a state every letter of a shelf shares, said once in its title: `均`未审阅,
    /// `all `unreviewed.
    pub shelf_all: &'static str,
    /// The shelf's column of counts, suggestions/figures, in its nine columns.
    pub shelf_counts: &'static str,
    /// The shelf's title, before its folder.
    pub shelf_title: &'static str,
    /// The shelf's orders: by file, date, issuer, document number.
    pub shelf_sorts: [&'static str; 5],
    /// Before the shelf's order in the status row.
    pub shelf_sort_label: &'static str,
    /// The shelf's count of letters, after the number.
    pub shelf_letters: &'static str,
    /// The shelf's count of matches, after the number.
    pub shelf_matches: &'static str,
    /// While letters are being read: before `n/N`.
    pub shelf_reading: &'static str,
    /// While the shelf's folder is being listed, before any row.
    pub shelf_listing: &'static str,
    /// While the shelf is being searched: before `n/N`.
    pub shelf_searching: &'static str,
    /// A letter not read yet, in the list.
    pub shelf_unread: &'static str,
    /// The shelf's key hints in the status row.
    pub shelf_hints: &'static str,
    /// The shelf's keys on a narrow status row: help and quit.
    pub shelf_short_hints: &'static str,
    /// A key that does nothing on the shelf.
    pub shelf_unbound: &'static str,
    /// The shelf's search prompt.
    pub shelf_prompt: &'static str,
    /// The shelf's help, its last row: the mouse.
    pub shelf_help_mouse: (&'static str, &'static str),
    /// A folder with no letter in it.
    pub shelf_empty: &'static str,
    /// Search prompt label.
    pub search_prompt: &'static str,
    /// Status note when a search finds nothing.
    pub no_match: &'static str,
    /// When a search finds nothing in the letter's words but dafu's own notes and errata,
    /// which are on the screen, hold the query.
    pub only_in_notes: &'static str,
    /// When a key needs a search and there is none (`&`, `n` before any `/`).
    pub no_search: &'static str,
    /// In place of the match count while the search index is still being built: the query is
    /// kept, and runs when the index is ready.
    pub index_preparing: &'static str,
    /// The note on the screen while a large letter is being read, before its first frame.
    pub reading_letter: &'static str,
    /// A key that does nothing here, before its name.
    pub unbound_key: &'static str,
    /// After the unbound key's name: where the keys are listed.
    pub unbound_hint: &'static str,
    /// Before N when the letter has no suggestion N.
    pub no_suggestion: &'static str,
    /// `h`, ← or Backspace in the outline on a node with no parent and nothing to collapse.
    pub top_level: &'static str,
    /// Esc in the panes with nothing to close, clear or go back from.
    pub nothing_to_escape: &'static str,
    /// Before a count being typed (`3` of `3j`).
    pub count_label: &'static str,
    /// Status note when `n` wraps past the last match.
    pub wrapped_to_top: &'static str,
    /// Status note when `N` wraps past the first match.
    pub wrapped_to_bottom: &'static str,
    /// Status note after a copy.
    pub copied: &'static str,
    /// Where the reader is (`=`), given the file, the first and last characters in view,
    /// the letter's characters and the per cent; `{}` in that order.
    pub where_am_i: fn(&str, usize, usize, usize, usize) -> String,
    /// Where the shelf's selection is (`=`), given the file, its place in the list and the
    /// list's length.
    pub shelf_where: fn(&str, usize, usize) -> String,
    /// After a shelf search's count: how many letters were refused, and so not searched.
    pub shelf_unsearched: fn(usize) -> String,
    /// What `=` says on the shelf when no letter is selected (none listed, or none found).
    pub shelf_none_selected: &'static str,
    /// The file named by `=` for the letter built into dafu.
    pub built_in_letter: &'static str,
    /// Status note after a copy cut at the limit, before `copied/total` characters.
    pub copied_cut: &'static str,
    /// Status note while the letter is a text imported just now, not reviewed (`dafu a.txt`).
    pub unreviewed: &'static str,
    /// Status note when the outline filter is on.
    pub filtered: &'static str,
    /// Mark of a figure-count badge, before the number (e.g. `#3`).
    pub figure_badge: &'static str,
    /// Figures view: the label before the sort's name, e.g. `排序：`.
    pub figures_sort_label: &'static str,
    /// Figures view: names of the sorts (letter order, value, unit).
    pub figures_sorts: [&'static str; 3],
    /// Figures view: the label before the unit filter's name.
    pub figures_filter_label: &'static str,
    /// Figures view: names of the unit filters (all, money, counts, percentages).
    pub figures_filters: [&'static str; 5],
    /// Figures view: key hints under the table.
    pub figures_table_hints: &'static str,
    /// Figures view: key hints under the chart.
    pub figures_chart_hints: &'static str,
    /// Title of the money chart.
    pub chart_title: &'static str,
    /// Says on the chart that bar lengths are logarithmic.
    pub log_scale: &'static str,
    /// In the chart's scale row, on a screen too narrow for bars: the columns they need.
    pub chart_too_narrow: fn(usize) -> String,
    /// Chart legend, first sentence, after the `~` mark: what it means.
    pub legend_hedged: &'static str,
    /// Chart legend, second sentence, after the glyph of an added bar: what it means.
    pub legend_added: &'static str,
    /// Chart legend, second sentence, after the glyph of a bar left out: what it means.
    pub legend_left_out: &'static str,
    /// Short names of the kinds of money, in `MoneyKind::ALL` order: the chart's tags.
    pub money_kinds: [&'static str; 8],
    /// The tag of money whose kind is not known.
    pub unclassified: &'static str,
    /// What a sum of each kind is, and whether such sums are added, in `MoneyKind::ALL`
    /// order: the detail line's reason where no verdict is known, and for kinds never added.
    pub money_kind_reasons: [&'static str; 8],
    /// A kind of money with its period, as reasons and totals name them: (kind, period) →
    /// `2020年补助`, `paid (2020)`.
    pub kind_in_period: fn(&str, &str) -> String,
    /// A total's label, before its amount: (kind in period, from `kind_in_period`) →
    /// `2020年补助合计 `, `total paid (2020): `.
    pub total_label: fn(&str) -> String,
    /// Before a total that is approximate (a part is 近 or 约).
    pub approx: &'static str,
    /// Before a total that is a lower bound (a part is 超 or 超过).
    pub at_least: &'static str,
    /// Instead of a total in a section's heading, when nothing can be added honestly.
    pub no_total: &'static str,
    /// Why nothing was added: each sum that adds up is alone in its kind and period (the
    /// kinds in their periods, joined).
    pub why_apart: fn(&str) -> String,
    /// Why nothing was added: one sum that adds up, alone (its kind in its period).
    pub why_one: fn(&str) -> String,
    /// Why nothing was added: no sum of a kind that adds up.
    pub why_none_adds_up: &'static str,
    /// After why nothing was added, the kinds of the section's other sums, left out (a kind
    /// never added, a plan, a part of another sum…), joined.
    pub also_left_out: fn(&str) -> String,
    /// A sum added to a total (its kind in its period).
    pub reason_added: fn(&str) -> String,
    /// Left out: the letter reports it as planned.
    pub reason_planned: &'static str,
    /// Left out: the letter gives it as part of a scheme's design.
    pub reason_design: &'static str,
    /// Left out: the letter gives it no period.
    pub reason_no_period: &'static str,
    /// Left out: the letter counts it within another figure (which [`Strings::part_of`]
    /// names before it).
    pub reason_part_of: &'static str,
    /// A figure the letter counts within another (`part_of`): the whole, as the figures view
    /// says it.
    pub part_of: fn(&str) -> String,
    /// Left out: nothing else of its kind and period to add it to (its kind in its period).
    pub reason_alone: fn(&str) -> String,
    /// Left out: what kind of money it is is not known.
    pub reason_unclassified: &'static str,
    /// A figure the letter reports as planned.
    pub planned: &'static str,
    /// A figure of a scheme's design, neither done nor planned (「1个平台体系」).
    pub design: &'static str,
    /// A sum counted within another (`part_of`), as a summary names why it was left out.
    pub part: &'static str,
    /// A sum the letter gives no period, as a summary names why it was left out.
    pub no_period: &'static str,
    /// A kind of money and why a sum of it was left out: `补助（计划）`, `paid (part)`.
    pub kind_because: fn(&str, &str) -> String,
    /// The letter's qualifier (近, 超过, 共…) as the interface shows it: the letter's own
    /// word in Chinese, plain words in English.
    pub qualifier: fn(&str) -> String,
    /// Whether periods are shown in English words (`past 5 years`) rather than the letter's
    /// (`近5年`).
    pub english_periods: bool,
    /// Whether a sum of a kind of money the letter words in several ways is named by its own
    /// word (扶持, 贴息, 补助 are all money paid), rather than by the kind's label, whose
    /// plain word covers them all (`paid`).
    pub own_money_words: bool,
    /// Which item of a list a figure is: (item, of how many), with what separates it from
    /// the amount that follows.
    pub list_item: fn(usize, usize) -> String,
    /// Between the periods of one row, and between figures a total adds.
    pub list_separator: &'static str,
    /// Notes under the chart on how the totals were made.
    pub chart_notes: [&'static str; 2],
    /// Status note after `m`, waiting for the mark's letter.
    pub mark_set_prompt: &'static str,
    /// Status note after `'`, waiting for the mark's letter.
    pub mark_go_prompt: &'static str,
    /// Before the letter of a mark just set.
    pub mark_set: &'static str,
    /// Before the letter of a mark that was never set.
    pub no_mark: &'static str,
    /// When the key after `m` or `'` is not a letter.
    pub mark_letters: &'static str,
    /// `''` before any jump.
    pub no_jump: &'static str,
    /// The state file (place, marks, history) could not be read as a store, and was set aside.
    pub state_damaged: &'static str,
    /// The state file is not dafu's, and was set aside.
    pub state_foreign: &'static str,
    /// The state file is from a newer dafu, and was set aside (renamed, not deleted).
    pub state_newer: &'static str,
    /// The state file could not be read, and was ignored.
    pub state_unreadable: &'static str,
}

const ZH: Strings = Strings {
    opening: "开头",
    closing: "结尾",
    outline: "目录",
    reading: "正文",
    too_small: "终端太小，至少需要",
    hints: "?帮助 /搜索 f数字 q退出",
    shelf_letter_hints: "?帮助 /搜索 f数字 q回书架",
    help_back_to_shelf: "回到书架（在书架上按 q 退出）",
    help_escape_on_shelf: "关闭浮层，或清除搜索；都没有时回到书架",
    tab_hint: "Tab切换 ",
    short_hints: "Tab切换 ?帮助",
    help_title: "按键",
    help_hints: "j k 空格 b 翻页  q 关闭",
    help_mouse: ("鼠标", "滚轮滚动；单击选择，再单击同 Enter；单击▸展开"),
    help_badge: ("#5", "目录中：这一条写明的数字个数（折起时连同其下）"),
    figures_title: "数字一览",
    figures_none: "本函没有载明数字",
    chart_none: "本函没有载明金额",
    // The sixth column says when and, for what is not done, its state (2021年、计划).
    figure_columns: ["原文", "数值", "单位", "内容", "限定", "期间/状态", "位置"],
    letter_column: "答复函",
    list_columns: [
        "文件",
        "日期",
        "发文机关",
        "文号",
        "提案号",
        "类别",
        "建议",
        "数字",
        "状态",
        "事由",
    ],
    list_states: ["未审阅", "无法读取"],
    shelf_all: "均",
    shelf_counts: "建议/数字",
    shelf_title: "书架",
    shelf_sorts: ["文件", "日期", "发文机关", "文号", "提案号"],
    shelf_sort_label: "排序：",
    shelf_letters: "封",
    shelf_matches: "处",
    shelf_reading: "正在读取",
    shelf_listing: "正在列出文件…",
    shelf_searching: "正在搜索",
    shelf_unread: "…",
    shelf_hints: "Enter打开 /搜索 s排序 ?帮助 q退出",
    shelf_short_hints: "?帮助 q退出",
    shelf_unbound: "书架上此键无用，按 ? 查看按键",
    shelf_prompt: "搜索书架：",
    shelf_help_mouse: ("鼠标", "滚轮移动所选；单击选择，再单击打开"),
    shelf_empty: "这里没有答复函（.yaml .yml .txt）",
    search_prompt: "搜索：",
    no_match: "无匹配",
    only_in_notes: "只见于 dafu 的注释：注释不搜索",
    no_search: "还没有搜索，按 / 开始",
    index_preparing: "正在准备索引…",
    reading_letter: "正在读取",
    unbound_key: "此处未定义按键 ",
    unbound_hint: "，按 ? 查看按键",
    no_suggestion: "没有这一条建议：",
    top_level: "已在最上一级，没有可折叠的",
    nothing_to_escape: "Esc：没有可关闭或清除的（q 退出）",
    count_label: "次数：",
    wrapped_to_top: "已回到第一个匹配",
    wrapped_to_bottom: "已回到最后一个匹配",
    // OSC 52 is not answered: whether the terminal took it is not known.
    copied: "已发给终端剪贴板（OSC 52）",
    where_am_i: |file, first, last, total, percent| {
        format!("{file}　字 {first}–{last}/{total}　{percent}%")
    },
    built_in_letter: "内置的答复",
    shelf_where: |file, at, of| format!("{file}　第 {at}/{of} 封"),
    shelf_unsearched: |n| format!("（{n} 封无法读取，未搜索）"),
    shelf_none_selected: "没有选中的答复函",
    copied_cut: "只把开头发给了终端剪贴板（它有长度上限），字数 ",
    unreviewed: "未经审阅的导入稿",
    filtered: "筛选",
    figure_badge: "#",
    figures_sort_label: "排序：",
    figures_sorts: ["原文顺序", "数值", "单位"],
    figures_filter_label: "筛选：",
    figures_filters: ["全部", "金额", "数量", "度量", "百分比"],
    figures_table_hints: "s排序 u筛选 c金额图 Enter跳到原文 Esc关闭",
    figures_chart_hints: "c表格 Enter跳到原文 Esc关闭",
    chart_title: "金额图",
    log_scale: "对数刻度",
    chart_too_narrow: |columns| format!("窗口太窄，不画条形：需 {columns} 列"),
    legend_hedged: "表示原文是约数或上限（近、超、超过、约、最高）。",
    legend_added: "计入本条合计，",
    legend_left_out: "不计入。",
    money_kinds: [
        "立项", "安排", "补助", "规模", "累计", "上限", "每项", "效益",
    ],
    unclassified: "未分类",
    money_kind_reasons: [
        "立项金额",
        "安排的资金",
        "补助或拨付的资金",
        "不计入：基金规模不是已付出的钱",
        "不计入：累计数跨越多年，不与某一期间的金额相加",
        "不计入：最高额是上限，不是实付金额",
        "不计入：每项的额度，项数未知",
        "不计入：经济效益是成效，不是给出的钱",
    ],
    kind_in_period: |kind, period| format!("{period}{kind}"),
    total_label: |kind_in_period| format!("{kind_in_period}合计 "),
    approx: "约",
    at_least: "至少",
    no_total: "无合计",
    why_apart: |sums| format!("种类或期间不同，不相加：{sums}"),
    why_one: |sum| format!("只有一项可相加的金额：{sum}"),
    why_none_adds_up: "没有可相加的金额",
    also_left_out: |kinds| format!("；不计入：{kinds}"),
    reason_added: |sum| format!("计入{sum}合计"),
    reason_planned: "不计入：原文说的是计划，尚未发生",
    reason_design: "不计入：这是体系的设计，不是已发生的金额",
    reason_no_period: "不计入：原文没有说是哪段时间的",
    reason_part_of: "不计入：部分不与整体相加",
    part_of: |whole| format!("是{whole}的一部分"),
    reason_alone: |sum| format!("{sum}；本条没有同种类、同期间的金额可与之相加"),
    reason_unclassified: "不计入：看不出是哪种金额",
    planned: "计划",
    design: "设计",
    part: "部分",
    no_period: "无期间",
    kind_because: |kind, why| format!("{kind}（{why}）"),
    qualifier: str::to_string,
    english_periods: false,
    own_money_words: true,
    list_item: |k, n| format!("第{k}项（共{n}项）"),
    list_separator: "、",
    chart_notes: [
        "合计只加同一种类（立项、安排，或补助、扶持、贴息等拨付）、同一期间、已经发生的金额，不把部分与整体相加。",
        "含近或约的合计标「约」，含超或超过的标「至少」。",
    ],
    mark_set_prompt: "设书签：按一个字母",
    mark_go_prompt: "跳到书签：按字母；' 回到跳转前的位置",
    mark_set: "已设书签 ",
    no_mark: "没有这个书签：",
    mark_letters: "书签用字母 a–z、A–Z",
    no_jump: "还没有跳转过，'' 无处可回",
    state_damaged: "状态文件已损坏，已移到一旁（阅读位置从头开始）",
    state_foreign: "状态文件不是 dafu 的，已移到一旁",
    state_newer: "状态文件来自更新版本的 dafu，已移到一旁（未删除）",
    state_unreadable: "无法读取状态文件，已忽略",
};

const EN: Strings = Strings {
    opening: "Opening",
    closing: "Closing",
    outline: "Outline",
    reading: "Text",
    too_small: "terminal too small; dafu needs",
    hints: "? help  / search  f figures  q quit",
    shelf_letter_hints: "? help  / search  f figures  q shelf",
    help_back_to_shelf: "back to the shelf (q there quits)",
    help_escape_on_shelf: "close the overlay or the search; else: the shelf",
    tab_hint: "Tab other pane  ",
    short_hints: "Tab pane  ? help",
    help_title: "Keys",
    help_hints: "j k Space b scroll  q close",
    help_mouse: (
        "mouse",
        "wheel scrolls; click: select, again: Enter; ▸: toggle",
    ),
    help_badge: ("#5", "outline: a row's figures (closed: and those below)"),
    figures_title: "Figures",
    figures_none: "the letter states no figures",
    chart_none: "the letter states no sums of money",
    figure_columns: [
        "text",
        "value",
        "unit",
        "what",
        "qualifier",
        "period/status",
        "where",
    ],
    letter_column: "letter",
    list_columns: [
        "file",
        "date",
        "issuer",
        "number",
        "proposal",
        "class",
        "suggestions",
        "figures",
        "state",
        "subject",
    ],
    list_states: ["unreviewed", "refused"],
    shelf_all: "all ",
    shelf_counts: "sugg/figs",
    shelf_title: "Shelf",
    shelf_sorts: ["file", "date", "issuer", "number", "proposal"],
    shelf_sort_label: "sort: ",
    shelf_letters: " letters",
    shelf_matches: " matches",
    shelf_reading: "reading",
    shelf_listing: "listing the files…",
    shelf_searching: "searching",
    shelf_unread: "…",
    shelf_hints: "Enter open /search s sort ?help q quit",
    shelf_short_hints: "?help q quit",
    shelf_unbound: "not a shelf key; ? lists the keys",
    shelf_prompt: "search the shelf: ",
    shelf_help_mouse: (
        "mouse",
        "wheel: move the selection; click: select, again: open",
    ),
    shelf_empty: "no letters here (.yaml .yml .txt)",
    search_prompt: "search: ",
    no_match: "no match",
    only_in_notes: "only in dafu's notes, which search skips",
    no_search: "no search yet; / starts one",
    index_preparing: "preparing the index…",
    reading_letter: "reading",
    unbound_key: "nothing is bound to ",
    unbound_hint: " here; ? lists the keys",
    no_suggestion: "the letter has no suggestion ",
    top_level: "top level: nothing to collapse",
    nothing_to_escape: "Esc: nothing to close; q quits",
    count_label: "count: ",
    wrapped_to_top: "wrapped to the first match",
    wrapped_to_bottom: "wrapped to the last match",
    copied: "sent to the terminal's clipboard (OSC 52)",
    where_am_i: |file, first, last, total, percent| {
        format!("{file}  chars {first}–{last}/{total}  {percent}%")
    },
    built_in_letter: "the letter built into dafu",
    shelf_where: |file, at, of| format!("{file}  letter {at} of {of}"),
    shelf_unsearched: |n| format!(" ({n} refused, not searched)"),
    shelf_none_selected: "no letter is selected",
    copied_cut: "sent the start only to the terminal's clipboard (it has a limit), characters ",
    unreviewed: "unreviewed import",
    filtered: "filtered",
    figure_badge: "#",
    figures_sort_label: "sort: ",
    figures_sorts: ["letter order", "value", "unit"],
    figures_filter_label: "filter: ",
    figures_filters: ["all", "money", "counts", "measures", "percentages"],
    figures_table_hints: "s sort  u filter  c chart  Enter go to text  Esc close",
    figures_chart_hints: "c table  Enter go to text  Esc close",
    chart_title: "money chart",
    log_scale: "log scale",
    chart_too_narrow: |columns| format!("too narrow for bars: {columns} columns"),
    legend_hedged: "marks a sum given as nearly, over, about or at most.",
    legend_added: "is added to its section's total, ",
    legend_left_out: "is not.",
    money_kinds: [
        "approved",
        "allocated",
        "paid",
        "fund",
        "running total",
        "cap",
        "per award",
        "outcome",
    ],
    unclassified: "unclassified",
    money_kind_reasons: [
        "money approved with projects",
        "money allocated",
        "money paid or granted",
        "left out: the size of a fund, not money paid",
        "left out: a running total over years, not added to one period's sums",
        "left out: a ceiling, not an amount paid",
        "left out: an amount per award; how many were paid is not stated",
        "left out: a result, not money given",
    ],
    kind_in_period: |kind, period| format!("{kind} ({period})"),
    total_label: |kind_in_period| format!("total {kind_in_period}: "),
    approx: "about ",
    at_least: "at least ",
    no_total: "no total",
    why_apart: |sums| format!("kinds or periods differ, not added: {sums}"),
    why_one: |sum| format!("only one sum that adds up: {sum}"),
    why_none_adds_up: "no sum that adds up",
    also_left_out: |kinds| format!("; left out: {kinds}"),
    reason_added: |sum| format!("added to the total {sum}"),
    reason_planned: "left out: the letter reports a plan",
    reason_design: "left out: part of a scheme's design, not money spent",
    reason_no_period: "left out: the letter does not say for which period",
    reason_part_of: "left out: a part is not added to its whole",
    part_of: |whole| format!("part of {whole}"),
    reason_alone: |sum| format!("{sum}: no other sum of its kind and period to add it to"),
    reason_unclassified: "left out: what kind of money it is is not clear",
    planned: "planned",
    design: "design",
    part: "part",
    no_period: "no period",
    kind_because: |kind, why| format!("{kind} ({why})"),
    qualifier: |q| {
        match q {
            "近" => "nearly",
            "超" | "超过" | "余" | "多" => "over",
            "约" | "左右" => "about",
            "最高" | "以下" => "at most",
            "以上" => "at least",
            "以内" => "within",
            "累计" => "cumulative",
            "共" => "in all",
            other => other,
        }
        .to_string()
    },
    english_periods: true,
    own_money_words: false,
    list_item: |k, n| format!("item {k} of {n}: "),
    list_separator: ", ",
    chart_notes: [
        "A total adds sums of one kind (approved, allocated or paid) and one period, done, no part with its whole.",
        "With a part nearly or about, the total is about; with a part over, at least.",
    ],
    mark_set_prompt: "set mark: type a letter",
    mark_go_prompt: "go to mark: type a letter; ' goes back to before the last jump",
    mark_set: "mark set: ",
    no_mark: "no such mark: ",
    mark_letters: "marks are the letters a–z and A–Z",
    no_jump: "no jump yet: '' has nowhere to go back to",
    state_damaged: "state file damaged; set aside (starting from the top)",
    state_foreign: "state file is not dafu's; set aside",
    state_newer: "state file is from a newer dafu; set aside (not deleted)",
    state_unreadable: "state file could not be read; ignored",
};

/// How the reader and the plain text set an editorial note or erratum under its paragraph:
/// `※ 勘误 「original」→「corrected」why` in Chinese, `※ erratum "original" → "corrected" why`
/// in English. The quoted texts and the explanation are the letter file's; the rest is here.
#[derive(Debug)]
pub struct EditorialLabels {
    /// Before a note's quotation (`note: `); may be empty.
    pub note: &'static str,
    /// Before a correction's quotations.
    pub erratum: &'static str,
    /// Before a suspected extraction artifact left as it is.
    pub suspected: &'static str,
    /// Opening and closing quotation marks around the letter's words (and a search's).
    pub quotes: (&'static str, &'static str),
    /// Between the original and the corrected text.
    pub arrow: &'static str,
    /// Between the quotation and the explanation.
    pub gap: &'static str,
    /// Before the list of header and signature fields the letter does not have.
    pub absent: &'static str,
    /// Before the same list when the text stops mid-sentence with no signature or date
    /// after it: the fields are not in the text as given, which may be cut short, and the
    /// letter may well have them.
    pub absent_from_text: &'static str,
    /// A letter dated with a day the calendar does not have, given its date line as
    /// written and what is wrong with it (in the words `dafu check` says it in English):
    /// said where what the letter lacks is said, since it lacks no date.
    pub impossible_date: fn(&str, &str) -> String,
    /// Each field [`crate::letter::Letter::missing`] may name, and its label here.
    pub fields: [(&'static str, &'static str); 10],
    /// Between two labels of a list.
    pub list: &'static str,
}

const ZH_EDITORIAL: EditorialLabels = EditorialLabels {
    note: "",
    erratum: "勘误 ",
    suspected: "疑似勘误（未改，待核对） ",
    quotes: ("「", "」"),
    arrow: "→",
    gap: "",
    absent: "本函未载：",
    absent_from_text: "所据文本未载：",
    impossible_date: |line, problem| {
        let problem = refusals::in_chinese(problem).unwrap_or_else(|| problem.to_string());
        format!("本函所署日期「{line}」不是有效的日期（{problem}）")
    },
    fields: [
        ("classification", "答复类别"),
        // The letterhead, a line of its own: a letter without one may name its body in
        // the title or the signature.
        ("issuer", "发文机关标志"),
        ("doc_number", "文号"),
        ("title", "标题"),
        ("proposal.number", "建议（提案）编号"),
        ("proposal.session", "会议届次"),
        ("proposal.title", "建议（提案）题目"),
        ("addressee", "收件人"),
        ("signature.issuer", "落款单位"),
        ("signature.date", "日期"),
    ],
    list: "、",
};

const EN_EDITORIAL: EditorialLabels = EditorialLabels {
    note: "note: ",
    erratum: "erratum: ",
    suspected: "suspected erratum (not changed; to be checked): ",
    quotes: ("\"", "\""),
    arrow: " → ",
    gap: " ",
    absent: "not in the letter: ",
    absent_from_text: "not in the text given: ",
    impossible_date: |line, problem| {
        format!("the letter is dated \"{line}\", which is not a valid date ({problem})")
    },
    fields: [
        ("classification", "reply class"),
        ("issuer", "letterhead"),
        ("doc_number", "document number"),
        ("title", "title"),
        ("proposal.number", "proposal number"),
        ("proposal.session", "session"),
        ("proposal.title", "proposal title"),
        ("addressee", "addressee"),
        ("signature.issuer", "signing body"),
        ("signature.date", "date"),
    ],
    list: ", ",
};

impl Lang {
    /// The labels of editorial notes and errata in this language.
    #[must_use]
    pub fn editorial(self) -> &'static EditorialLabels {
        match self {
            Lang::Zh => &ZH_EDITORIAL,
            Lang::En => &EN_EDITORIAL,
        }
    }

    /// The labels in this language.
    #[must_use]
    pub fn strings(self) -> &'static Strings {
        match self {
            Lang::Zh => &ZH,
            Lang::En => &EN,
        }
    }
}

/// One of dafu's own messages about a file or a command, in both languages. Load errors are
/// made in English (their tests and the parser's words are); the command line says these in
/// the interface's language ([`in_lang`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Words {
    /// In English, as the loader writes it.
    pub en: &'static str,
    /// In Chinese.
    pub zh: &'static str,
}

impl Words {
    /// The words in `lang`.
    #[must_use]
    pub fn of(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Zh => self.zh,
            Lang::En => self.en,
        }
    }
}

/// A file that is not there.
pub const NO_SUCH_FILE: Words = Words {
    en: "no such file",
    zh: "没有这个文件",
};
/// A file that may not be read.
pub const PERMISSION_DENIED: Words = Words {
    en: "permission denied",
    zh: "没有读取权限",
};
/// A folder given as a letter.
pub const FOLDER_NOT_LETTER: Words = Words {
    en: "is a directory, not a letter file",
    zh: "是文件夹，不是答复函文件",
};
/// A folder checked that holds no letter.
pub const NO_LETTERS_IN_FOLDER: Words = Words {
    en: "holds no letter files (.yaml, .yml, .txt); nothing was checked",
    zh: "没有答复函文件（.yaml、.yml、.txt），没有检查任何文件",
};
/// A folder listed, searched or whose figures were asked that holds no letter: said, so that
/// an empty table or no match is not taken for the folder's answer.
pub const NO_LETTER_FILES: Words = Words {
    en: "holds no letter files (.yaml, .yml, .txt)",
    zh: "没有答复函文件（.yaml、.yml、.txt）",
};
/// A figures table with no row (`dafu figures`): said on stderr in place of a table of
/// headings alone.
pub const NO_FIGURES: Words = Words {
    en: "no figures",
    zh: "没有载明数字",
};
/// [`NO_FIGURES`] when `--unit` chose the figures.
pub const NO_FIGURES_OF_UNIT: Words = Words {
    en: "no figures of the unit asked for: --unit",
    zh: "没有载明所选单位的数字：--unit",
};
/// A folder given as a text to import.
pub const FOLDER_NOT_TEXT: Words = Words {
    en: "is a directory, not a text file",
    zh: "是文件夹，不是文本文件",
};
/// A PDF given as a letter or a text: its text has to be taken out first.
pub const PDF_NOT_TEXT: Words = Words {
    en: "is a PDF, not text: take its text out first with `pdftotext -layout`, then \
         `dafu import` the .txt",
    zh: "是 PDF，不是文本：请先用 pdftotext -layout 取出文字，再用 dafu import 导入 .txt 文件",
};
/// A letter not in UTF-8.
pub const LETTER_NOT_UTF8: Words = Words {
    en: "not valid UTF-8 text (letters must be saved as UTF-8)",
    zh: "不是有效的 UTF-8 文本（答复函须存为 UTF-8）",
};
/// A text to import not in UTF-8.
pub const TEXT_NOT_UTF8: Words = Words {
    en: "not valid UTF-8 text, nor GB18030 (GBK) or UTF-16 (convert it first, e.g. with iconv)",
    zh: "不是有效的 UTF-8 文本，也不是 GB18030（GBK）或 UTF-16（请先转换，例如用 iconv）",
};
/// A directory missing on the way to a file to write.
pub const NO_SUCH_FOLDER: Words = Words {
    en: "no such directory",
    zh: "没有这个文件夹",
};
/// A file that may not be written.
pub const NOT_WRITABLE: Words = Words {
    en: "no permission to write it",
    zh: "没有写入权限",
};

/// Every message of [`Words`] that a load error can carry.
const LOAD_WORDS: [Words; 9] = [
    NO_SUCH_FOLDER,
    NOT_WRITABLE,
    NO_SUCH_FILE,
    PERMISSION_DENIED,
    FOLDER_NOT_LETTER,
    FOLDER_NOT_TEXT,
    PDF_NOT_TEXT,
    LETTER_NOT_UTF8,
    TEXT_NOT_UTF8,
];

/// A load error's `message` in `lang`: dafu's own [`Words`], and in Chinese every refusal
/// of the loader, the checks and the YAML parser ([`refusals`]); a message none of them
/// knows as it is.
#[must_use]
pub fn in_lang(message: &str, lang: Lang) -> Cow<'_, str> {
    if let Some(words) = LOAD_WORDS.iter().find(|w| w.en == message) {
        return Cow::Borrowed(words.of(lang));
    }
    match lang {
        Lang::En => Cow::Borrowed(message),
        Lang::Zh => refusals::in_chinese(message).map_or(Cow::Borrowed(message), Cow::Owned),
    }
}

/// Two letter files for one command, one before the subcommand and one after it.
#[must_use]
pub fn two_files(before: &str, after: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => {
            format!("给了两个答复函文件：子命令前的 {before} 和子命令后的 {after}；只能给一个")
        }
        Lang::En => {
            format!(
                "two letter files, {before} before the subcommand and {after} after it; give one"
            )
        }
    }
}

/// A file before a subcommand that takes its files after it, which would be ignored.
#[must_use]
pub fn file_before_unused(file: &str, command: &str, lang: Lang) -> String {
    let usage = files_after(command, lang);
    match lang {
        Lang::Zh => {
            format!("{command} 之前的 {file} 用不上：{command} 的文件写在它后面（{usage}）")
        }
        Lang::En => format!(
            "{file} before `{command}` is not used: {command} takes its files after it ({usage})"
        ),
    }
}

/// How `command` (one that takes its files after it) is written with them, named as its
/// help names them.
fn files_after(command: &str, lang: Lang) -> &'static str {
    match (command, lang) {
        ("list", Lang::Zh) => "dafu list 路径…",
        ("list", Lang::En) => "dafu list PATHS…",
        ("import", Lang::Zh) => "dafu import 文本",
        ("import", Lang::En) => "dafu import TEXT",
        _ => "dafu diff A B",
    }
}

/// Several letters before a subcommand.
#[must_use]
pub fn several_before(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "子命令前给了几个答复函；只能给一个，或一个文件夹",
        Lang::En => "several letters before the subcommand; give one, or a folder",
    }
}

/// `check` without a file.
#[must_use]
pub fn check_needs_file(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "check 需要一个答复函文件（或文件夹）：dafu check FILE",
        Lang::En => "check needs a letter FILE (or a folder) to check: dafu check FILE",
    }
}

/// Standard output could not be written: before the system's reason.
#[must_use]
pub fn cannot_write_stdout(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "dafu：无法写入标准输出：",
        Lang::En => "dafu: cannot write to standard output: ",
    }
}

/// The words of the review report `dafu import` writes to standard error.
#[derive(Debug)]
pub struct ReportLabels {
    /// The count of a letter answered by suggestions: suggestions, measures, the measures of
    /// each suggestion, points, figures, errata.
    pub suggestion_counts: fn(usize, usize, &[usize], usize, usize, usize) -> String,
    /// The count of a letter in sections: sections, headed ones, numbered paragraphs,
    /// figures, errata.
    pub section_counts: fn(usize, usize, usize, usize, usize) -> String,
    /// Heading of the errata.
    pub errata: &'static str,
    /// Before an erratum suspected and not applied.
    pub suspected: &'static str,
    /// Heading of the wording flagged for a note.
    pub notes: &'static str,
    /// Heading of the figures to review.
    pub figures: &'static str,
    /// Before a figure's period.
    pub period: &'static str,
    /// After a figure the letter reports as planned.
    pub planned: &'static str,
    /// Before a figure's drafted `what`.
    pub what: &'static str,
    /// Before each warning.
    pub warning: &'static str,
    /// Where the opening's figures stand.
    pub opening: &'static str,
    /// A suggestion without a verdict: its ordinal and its title.
    pub no_verdict: fn(&str, &str) -> String,
    /// Before the phrases in Chinese numerals that were not taken.
    pub chinese_numerals: &'static str,
    /// Before the numbers with no unit that were not taken.
    pub no_unit: &'static str,
    /// Before the ranges of amounts that were not taken.
    pub ranges: &'static str,
    /// Before the fields the letter does not have.
    pub lacks: &'static str,
    /// Before the fields a text cut short does not have.
    pub not_in_text: &'static str,
    /// No numbered part was found.
    pub no_parts: &'static str,
    /// A text read in another encoding than UTF-8, named.
    pub decoded: fn(&str) -> String,
    /// Before the last words of a text that stops mid-sentence, unsigned.
    pub ends_mid_sentence: &'static str,
    /// A date line of a day the calendar does not have: its line, its text, and what is
    /// wrong with it (as the loader words it, in English).
    pub not_a_date: fn(usize, &str, &str) -> String,
    /// Between the phrases of a warning's list.
    pub phrases: &'static str,
    /// Between the fields of a warning's list.
    pub fields: &'static str,
}

/// The measures of each suggestion, between `open` and `close`: nothing when there is no
/// suggestion, so a letter without numbered parts is not reported with empty brackets.
fn per_suggestion(each: &[usize], open: &str, between: &str, close: &str) -> String {
    if each.is_empty() {
        return String::new();
    }
    let each: Vec<String> = each.iter().map(usize::to_string).collect();
    format!("{open}{}{close}", each.join(between))
}

const ZH_REPORT: ReportLabels = ReportLabels {
    suggestion_counts: |suggestions, measures, each, points, figures, errata| {
        format!(
            "dafu import：{suggestions} 条建议，{measures} 项措施{}，{points} 个要点，\
             {figures} 个数字，{errata} 条勘误",
            per_suggestion(each, "（", "、", "）")
        )
    },
    section_counts: |sections, headed, numbered, figures, errata| {
        format!(
            "dafu import：{sections} 个部分（{headed} 个有标题，{numbered} 个编号段落），\
             {figures} 个数字，{errata} 条勘误"
        )
    },
    errata: "勘误（请逐条对照 PDF 核对）：",
    suspected: "  ? 疑似，未改：",
    notes: "标出待加编者注的措辞（请审阅，或删去该注）：",
    figures: "数字的 what（及期间、状态）是草拟的（请逐条审阅）：",
    period: " 期间 ",
    planned: " 计划",
    what: " — what：",
    warning: "注意：",
    opening: "开头",
    no_verdict: |ordinal, title| {
        format!("{ordinal}、{title}：没有找到答复意见（如 吸取采纳该建议。）")
    },
    chinese_numerals: "用中文数字写的数字短语，未作为数字收录（是数据的请补上）：",
    no_unit: "后面没有 dafu 认得的单位的数，未作为数字收录（是数据的请补上）：",
    ranges: "数的范围，未作为数字收录（范围的两端不能相加；请按原文之意补上数字）：",
    lacks: "原文没有这些项（草稿中已略去；PDF 中有的请补上）：",
    not_in_text: "所据文本没有这些项（文本可能不全；草稿中已略去，PDF 中有的请补上）：",
    no_parts: "没有找到编号的部分（一、…）：整个正文都作为开头",
    decoded: |encoding| format!("原文不是 UTF-8，已按 {encoding} 编码读取（草稿存为 UTF-8）"),
    ends_mid_sentence: "原文在句中结束，后面没有落款和日期，可能不全（请对照 PDF）：",
    not_a_date: |line, text, problem| {
        let problem = refusals::in_chinese(problem).unwrap_or_else(|| problem.to_string());
        format!(
            "第 {line} 行「{text}」不是有效的日期（{problem}），未作为落款日期收录；\
             该行原样保留在 other_lines（请对照 PDF 改正）"
        )
    },
    phrases: "、",
    fields: "、",
};

/// `n` and the noun for it, one or many: `1 erratum`, `2 errata`.
fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

const EN_REPORT: ReportLabels = ReportLabels {
    suggestion_counts: |suggestions, measures, each, points, figures, errata| {
        format!(
            "dafu import: {}, {}{}, {}, {}, {}",
            counted(suggestions, "suggestion", "suggestions"),
            counted(measures, "measure", "measures"),
            per_suggestion(each, " (", ", ", ")"),
            counted(points, "point", "points"),
            counted(figures, "figure", "figures"),
            counted(errata, "erratum", "errata"),
        )
    },
    section_counts: |sections, headed, numbered, figures, errata| {
        format!(
            "dafu import: {} ({headed} with a heading, {}), {}, {}",
            counted(sections, "section", "sections"),
            counted(numbered, "numbered paragraph", "numbered paragraphs"),
            counted(figures, "figure", "figures"),
            counted(errata, "erratum", "errata"),
        )
    },
    errata: "errata (check each against the PDF):",
    suspected: "  ? suspected, NOT applied:",
    notes: "wording flagged for an editorial note (review, or delete the note):",
    figures: "figures whose `what` (and period, status) is a draft (review each):",
    period: " period ",
    planned: " planned",
    what: " — what: ",
    warning: "warning: ",
    opening: "opening",
    no_verdict: |ordinal, title| {
        format!("{ordinal}、{title}: no verdict (such as 吸取采纳该建议。) found")
    },
    chinese_numerals: "figure phrases in Chinese numerals, not taken as figures (add any that are data): ",
    no_unit: "numbers with no unit dafu knows after them, not taken as figures (add any that are data): ",
    ranges: "ranges, not taken as figures (a range's two ends are no sum; add the figures the letter means): ",
    lacks: "not in the letter (left out of the draft; add any the PDF has): ",
    not_in_text: "not in the text given, which may be incomplete (left out of the draft; add any the PDF has): ",
    no_parts: "no numbered parts (一、…) found: the whole body is the opening",
    decoded: |encoding| format!("the text is not UTF-8: read as {encoding} (the draft is UTF-8)"),
    ends_mid_sentence: "the text stops mid-sentence, with no signature or date after it; it \
                        may be cut short (compare with the PDF): ",
    not_a_date: |line, text, problem| {
        format!(
            "line {line}, 「{text}」, is not a valid date ({problem}): not taken as \
             the signature's date; the line is kept as written in other_lines (correct it \
             from the PDF)"
        )
    },
    phrases: "、",
    fields: ", ",
};

impl Lang {
    /// The words of `dafu import`'s review report in this language.
    #[must_use]
    pub fn report(self) -> &'static ReportLabels {
        match self {
            Lang::Zh => &ZH_REPORT,
            Lang::En => &EN_REPORT,
        }
    }
}

/// A word on the command line that is neither a file nor a command, and the command it is
/// near.
#[must_use]
pub fn not_a_command(typed: &str, meant: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{typed} 既不是文件，也不是命令；是要用 {meant} 吗？"),
        Lang::En => format!("`{typed}` is neither a file nor a command; did you mean `{meant}`?"),
    }
}
