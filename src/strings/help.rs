//! `dafu --help` in Chinese. clap renders the help from the English of the command line's
//! definition; in the Chinese interface each sentence it rendered, and each of clap's own
//! labels, is given in Chinese. Sentences are replaced whole, longest first, so that a short
//! one is never found inside a longer one. A sentence missing here stays English, and the
//! test of every command's help in Chinese (`tests/cli.rs`) says which.

/// Each sentence of the help as clap renders it, and in Chinese. A summary is rendered with
/// and without its closing full stop: the one without is replaced, and the stop follows.
const SENTENCES: &[(&str, &str)] = &[
    // dafu
    (
        "Read a Chinese official reply letter (答复) in the terminal.",
        "在终端中阅读政府部门的答复函。",
    ),
    (
        "Read a Chinese official reply letter (答复) in the terminal",
        "在终端中阅读政府部门的答复函",
    ),
    (
        "Without a FILE, dafu opens the letter it ships with: 中山科函〔2021〕142号, the \
         Zhongshan Science and Technology Bureau's reply to CPPCC proposal No. 125053 on the \
         new-generation AI industry. Any other letter written in the same YAML schema opens by \
         path.",
        "不给文件时，dafu 打开它自带的答复函：中山科函〔2021〕142号，中山市科学技术局对政协\
         第125053号提案（关于新一代人工智能产业）的答复。按同一 YAML 格式写成的其他答复函，\
         给出路径即可打开。",
    ),
    (
        "A letter in dafu's YAML schema (default: the letter built into dafu); a `.txt` file \
         is imported in memory (`dafu import`) and read as an unreviewed draft. A folder, or \
         several files, open as a shelf: the list of the letters. Before a subcommand, it is \
         the subcommand's FILE",
        "dafu YAML 格式的答复函（默认：dafu 自带的答复函）；`.txt` 文件在内存中导入（`dafu \
         import`），作为未审阅的草稿阅读。一个文件夹或几个文件作为书架打开：答复函的列表。\
         写在子命令之前时，它是子命令的文件",
    ),
    (
        "Interface language (the letter itself is never translated)",
        "界面语言（答复函本身从不翻译）",
    ),
    (
        "How wide the terminal draws ambiguous characters such as “ ” — …: `auto` asks it",
        "终端把 “ ” — … 这类宽度不定的字符画成几列：`auto` 询问终端",
    ),
    (
        "Colour: `auto` colours a terminal unless NO_COLOR is set (and not empty); `never` \
         marks by reverse video, underline and bold alone; `always` colours even a pipe",
        "颜色：`auto` 在终端上着色，除非设置了 NO_COLOR（且不为空）；`never` 只用反显、下划线\
         和粗体标示；`always` 连管道也着色",
    ),
    (
        "The terminal's background, for the reader's colours: `auto` asks the terminal, then \
         reads COLORFGBG, then assumes dark",
        "终端的背景，决定阅读器的配色：`auto` 先询问终端，再读 COLORFGBG，都没有时按深色",
    ),
    (
        "Start at the top, with no marks or search history from earlier runs; nothing kept is \
         erased (this run's place, marks and queries join it)",
        "从头开始，不带以前的书签和搜索历史；已保存的一概不删（本次的位置、书签和搜索加入其中）",
    ),
    // The values of the options.
    (
        "中文 (the default: the letter is Chinese, and so are most of its readers)",
        "中文（默认：答复函是中文，多数读者也是）",
    ),
    (
        "Ask the terminal at start-up; narrow when it does not answer",
        "启动时询问终端；终端不回答时按一列",
    ),
    (
        "One column, as most terminals draw them",
        "一列，大多数终端这样画",
    ),
    (
        "Two columns, as terminals set up for CJK draw them",
        "两列，为中日韩文字设置的终端这样画",
    ),
    (
        "Colour when writing to a terminal and `NO_COLOR` is unset or empty",
        "写到终端、且 `NO_COLOR` 未设置或为空时着色",
    ),
    (
        "Never: the reader marks with reverse video, underline and bold only; the command line \
         prints no escape sequences",
        "从不着色：阅读器只用反显、下划线和粗体标示；命令行不输出转义序列",
    ),
    (
        "Always, even to a pipe and even when `NO_COLOR` is set",
        "总是着色，写到管道、设置了 `NO_COLOR` 也着色",
    ),
    (
        "Ask the terminal (OSC 11), else read `COLORFGBG`, else dark",
        "询问终端（OSC 11），否则读 `COLORFGBG`，都没有时按深色",
    ),
    ("Dark background: light text", "深色背景：浅色文字"),
    ("Light background: dark text", "浅色背景：深色文字"),
    ("Columns aligned by display width", "按显示宽度对齐的列"),
    ("RFC 4180 CSV with a header row", "带表头行的 RFC 4180 CSV"),
    ("A JSON array of objects", "JSON 对象的数组"),
    ("As they stand in the letter", "按原文中的顺序"),
    (
        "Largest first within each kind: money by 元, then counts, then percentages. Values of \
         different kinds are never compared (87亿元 is not \"more\" than 2381家)",
        "每一类之内从大到小：先金额（按元），再数量，再百分比。不同类的数值从不相比（87亿元\
         并不比2381家“多”）",
    ),
    (
        "Grouped by unit (money, then count units in the schema's order, then %), each group in \
         letter order",
        "按单位分组（先金额，再按格式中的顺序列各数量单位，最后百分比），组内按原文顺序",
    ),
    ("Amounts in 元", "以元计的金额"),
    (
        "Counts of firms, projects, vehicles, people…",
        "企业、项目、车辆、人员……的数量",
    ),
    (
        "Lengths, areas, volumes, weights: km, 公里, 平方米, 亩, 方, 吨…",
        "长度、面积、体积、重量：km、公里、平方米、亩、方、吨……",
    ),
    ("Percentages", "百分比"),
    // The subcommands.
    (
        "Print the letter's outline, one node a line, numbered as in the letter",
        "打印答复函的提纲，每个节点一行，编号同原文",
    ),
    (
        "Show only this many levels (1 = the suggestions)",
        "只显示这么多层（1 = 各条建议）",
    ),
    (
        "Search the letter, or every letter of a folder (Chinese, or pinyin from a Latin \
         keyboard); exit 0 if found, 1 if not, 2 if a letter could not be read",
        "搜索答复函，或文件夹中的每封答复函（中文，或用拉丁字母键盘输入拼音）；找到时退出码为 \
         0，找不到为 1，有答复函无法读取时为 2",
    ),
    (
        "What to look for: Chinese text, pinyin (`rengongzhineng`) or initials (`rgzn`)",
        "要找的内容：中文、拼音（`rengongzhineng`）或拼音首字母（`rgzn`）",
    ),
    (
        "A letter file, or a folder of letters (default: the built-in letter)",
        "答复函文件，或答复函所在的文件夹（默认：自带的答复函）",
    ),
    (
        "A letter file (default: the built-in letter)",
        "答复函文件（默认：自带的答复函）",
    ),
    (
        "List every amount, count and percentage the letter (or each letter of a folder) states",
        "列出答复函（或文件夹中每封答复函）写明的每个金额、数量和百分比",
    ),
    ("Output format", "输出格式"),
    (
        "Order: as in the letter, or largest first (money by 元, then counts, then %)",
        "顺序：按原文，或从大到小（先金额，按元；再数量；再百分比）",
    ),
    ("Only figures of this kind", "只列这一类数字"),
    (
        "Check that FILE (or every letter of a folder) is a valid letter; print nothing when it \
         is",
        "检查文件（或文件夹中的每封答复函）是不是有效的答复函；有效时什么也不打印",
    ),
    (
        "The letter file, or folder of letters, to check",
        "要检查的答复函文件或文件夹",
    ),
    (
        "List the letters of a folder (a shelf): date, issuer, document number, proposal, class, \
         suggestions and figures, and what each answers (its proposal's title); a letter that \
         cannot be read is listed with its error",
        "列出文件夹（书架）中的答复函：日期、发文机关、文号、提案号、类别、建议数和数字数，\
         以及事由（所答复提案的题目）；无法读取的答复函连同错误一起列出",
    ),
    (
        "Folders of letters (`.yaml`, `.yml`, `.txt`), or letter files",
        "答复函所在的文件夹（`.yaml`、`.yml`、`.txt`），或答复函文件",
    ),
    (
        "Draft a letter from the plain text of a reply letter (`pdftotext -layout`, or a copy \
         from a PDF viewer); a review report goes to stderr",
        "从答复函的纯文本（`pdftotext -layout`，或从 PDF 阅读器复制的文字）起草一封答复函；\
         审阅报告写到标准错误",
    ),
    (
        "The text (`-` for standard input)",
        "纯文本（`-` 表示标准输入）",
    ),
    (
        "Write the YAML here instead of to standard output (`-` is standard output); never over \
         an existing file unless `--force`, and never over the text itself",
        "把 YAML 写到这里，而不是标准输出（`-` 即标准输出）；不给 `--force` 就不覆盖已有的文件，\
         也从不覆盖纯文本本身",
    ),
    (
        "Replace the file named by `-o` if it exists",
        "`-o` 指定的文件已存在时替换它",
    ),
    (
        "Show what changed from letter A to letter B (a draft and the reviewed letter), by node; \
         exit 0 when nothing did, 1 when something did",
        "按节点显示答复函 A 到答复函 B 的改动（如草稿与审阅后的答复函）；没有改动时退出码为 0，\
         有改动时为 1",
    ),
    (
        "The earlier version (a YAML letter, or a text to import)",
        "较早的版本（YAML 答复函，或要导入的纯文本）",
    ),
    ("The later version", "较晚的版本"),
    // clap's own.
    (
        "Print this message or the help of the given subcommand(s)",
        "打印本说明，或所给子命令的说明",
    ),
    (
        "Print help (see a summary with '-h')",
        "打印说明（'-h' 只看摘要）",
    ),
    (
        "Print help (see more with '--help')",
        "打印说明（'--help' 看详细说明）",
    ),
    ("Print version", "打印版本"),
    ("Print help for the subcommand(s)", "打印所给子命令的说明"),
];

/// clap's labels, as it renders them, and in Chinese.
const LABELS: &[(&str, &str)] = &[
    ("Usage: ", "用法："),
    ("Commands:", "命令："),
    ("Arguments:", "参数："),
    ("Options:", "选项："),
    ("Display options:", "显示选项："),
    ("Possible values:", "可选值："),
    ("[possible values: ", "[可选值："),
    ("[default: ", "[默认："),
    // `[env: DAFU_LANG=]` names the variable, not an empty value.
    ("[env: ", "[环境变量 "),
    ("=]", "]"),
    OPTIONS_TAG,
];

/// The names of what the arguments take (`<QUERY>`), in Chinese: given to clap before it
/// reads the command line, so that the help, the usage lines and the refusals name them alike
/// (and what a user typed is never rewritten). `A` and `B` stay: the letters compared.
pub const VALUE_NAMES: &[(&str, &str)] = &[
    ("FILE", "文件"),
    ("QUERY", "查询"),
    ("PATHS", "路径"),
    ("TEXT", "文本"),
    ("COMMAND", "命令"),
    ("DEPTH", "层数"),
    ("OUTPUT", "输出"),
    ("FORMAT", "格式"),
    ("SORT", "顺序"),
    ("UNIT", "种类"),
    ("LANG", "语言"),
    ("AMBIGUOUS_WIDTH", "宽度"),
    ("COLOR", "颜色"),
    ("THEME", "背景"),
];

/// The Chinese of the value name `name`, if it has one.
#[must_use]
pub fn value_name_in_chinese(name: &str) -> Option<&'static str> {
    VALUE_NAMES
        .iter()
        .find(|(en, _)| *en == name)
        .map(|(_, zh)| *zh)
}

/// The tag clap writes, in a usage line, for the options (and cannot be told to name
/// otherwise), and its Chinese.
pub const OPTIONS_TAG: (&str, &str) = ("[OPTIONS]", "[选项]");

/// `help`, as clap renders it from dafu's English, in Chinese.
#[must_use]
pub fn help_in_chinese(help: &str) -> String {
    let mut sentences: Vec<&(&str, &str)> = SENTENCES.iter().collect();
    sentences.sort_by_key(|(en, _)| std::cmp::Reverse(en.len()));
    let mut text = help.to_string();
    for (en, zh) in sentences.into_iter().chain(LABELS) {
        text = text.replace(en, zh);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_longer_sentence_is_replaced_whole_before_a_shorter_one_inside_it() {
        let help = "Read a Chinese official reply letter (答复) in the terminal.\n";
        assert_eq!(help_in_chinese(help), "在终端中阅读政府部门的答复函。\n");
        assert_eq!(
            help_in_chinese("  [FILE]  A letter file (default: the built-in letter)\n"),
            "  [FILE]  答复函文件（默认：自带的答复函）\n"
        );
    }

    #[test]
    fn clap_s_labels_are_given_in_chinese_and_what_they_hold_kept() {
        assert_eq!(
            help_in_chinese("Usage: dafu [OPTIONS]\n  [env: DAFU_LANG=] [default: zh]\n"),
            "用法：dafu [选项]\n  [环境变量 DAFU_LANG] [默认：zh]\n"
        );
    }

    #[test]
    fn no_sentence_is_given_twice() {
        for (i, (en, _)) in SENTENCES.iter().enumerate() {
            assert!(
                SENTENCES.iter().skip(i + 1).all(|(other, _)| other != en),
                "{en}"
            );
        }
    }
}
