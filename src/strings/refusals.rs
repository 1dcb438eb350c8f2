//! Why a letter, a text or a command line was refused, in Chinese: the loader, the checks,
//! the YAML parser and the command line's parser word their refusals in English where they
//! find them (the cache of a shelf keeps them so, and the parsers have no other words); the
//! command line and the shelf say them in the interface's language through [`in_chinese`]
//! and [`usage_in_chinese`], at the edge.
//!
//! Each refusal is a [`Template`]: its English words with `{}` where it quotes something
//! (a field, a figure's text, a number), and its Chinese words with `{1}`, `{2}`… for the
//! same quotations, in the order Chinese puts them. What is quoted is kept as it is, but for
//! the parser's own words ([`PHRASES`]), which are said in Chinese too.

/// A refusal's words in both languages.
#[derive(Debug, Clone, Copy)]
pub struct Template {
    /// As the loader writes it: `{}` where it quotes something.
    pub en: &'static str,
    /// In Chinese: `{1}`, `{2}`… for the first, second… quotation of [`Template::en`].
    pub zh: &'static str,
}

const fn t(en: &'static str, zh: &'static str) -> Template {
    Template { en, zh }
}

/// Every refusal with quotations, the more specific before one it would also match.
pub const TEMPLATES: &[Template] = &[
    // Reading the file.
    t(
        "file is {} bytes; letters larger than {} MiB are refused",
        "文件有 {1} 字节；大于 {2} MiB 的答复函不予读取",
    ),
    t(
        "file is larger than {} MiB; refused",
        "文件大于 {1} MiB，不予读取",
    ),
    t("larger than {} MiB; refused", "大于 {1} MiB，不予读取"),
    t(
        "control character U+{} in the text; is it a binary file? expected a reply letter",
        "文本中有控制字符 U+{1}，是二进制文件吗？应是一封答复函",
    ),
    t(
        "control character U+{} is not allowed in YAML; inside double quotes it can be written as \"\\u{}\"",
        "YAML 不允许控制字符 U+{1}；可以在双引号内写作 \"\\u{2}\"",
    ),
    t(
        "U+{} is a line break to YAML 1.1 and text to YAML 1.2; use a line break instead, or inside double quotes write it as \"\\u{}\"",
        "U+{1} 在 YAML 1.1 中是换行，在 YAML 1.2 中是文字；请改用换行，或在双引号内写作 \"\\u{2}\"",
    ),
    t(
        "`{}` is too large a number to hold; a figure's value is at most {}",
        "`{1}` 太大，无法作为数值；数值至多为 {2}",
    ),
    t(
        "`{}` is not a decimal number; write numbers in decimal digits, like 16 or 1.5",
        "`{1}` 不是十进制数；数字请用十进制写，如 16 或 1.5",
    ),
    // What the reader refuses besides the schema's faults.
    t(
        "the key `{}` appears twice in this mapping; give it once",
        "键 `{1}` 在同一个映射里出现了两次；只能写一次",
    ),
    t(
        "collections nest deeper than {} levels; refused",
        "嵌套超过 {1} 层，不予接受",
    ),
    t(
        "the tag `{}` is not allowed: a letter holds plain text and numbers",
        "不允许使用标签 `{1}`：答复函只含文字和数字",
    ),
    t(
        "the letter holds more than {} values; refused",
        "答复函有超过 {1} 个值，不予接受",
    ),
    // What a valid letter is.
    t(
        "“{}” does not stand in any contact line; quote it as the line writes it",
        "“{1}”不在任何一行联系方式中；请照该行的写法引用",
    ),
    t(
        "unknown unit “{}”; expected one of {}",
        "未知的单位“{1}”；应是以下之一：{2}",
    ),
    t(
        "kind “{}” does not fit the unit “{}”, which is a {}",
        "kind“{1}”与单位“{2}”不符，该单位是{3}",
    ),
    t(
        "unknown qualifier “{}”; expected one of {}",
        "未知的限定词“{1}”；应是以下之一：{2}",
    ),
    t(
        "“{}” does not occur in the letter's text",
        "“{1}”不在答复函的正文中",
    ),
    t(
        "“{}” is not a date like 2021-07-28 (four-digit year from {} to {}, two-digit month and day)",
        "“{1}”不是 2021-07-28 这样的日期（四位年份，{2} 至 {3}；月、日各两位）",
    ),
    t(
        "“{}” has month {}, which the calendar does not have: months are 01 to 12",
        "“{1}”的月份 {2} 不存在：月份只有 01 至 12",
    ),
    t(
        "“{}” is a day the calendar does not have: month {} of {} has days 01 to {}",
        "“{1}”这一天不存在：{3} 年 {2} 月只有 01 至 {4} 日",
    ),
    t(
        "figure text “{}” does not occur in its node's text",
        "数字原文“{1}”不在它所在节点的正文中",
    ),
    t(
        "figure text “{}” occurs in its node's text only as part of a longer number; quote the whole number",
        "数字原文“{1}”在它所在节点的正文中只是更长数字的一部分；请引用完整的数字",
    ),
    t(
        "figure “{}” is listed {} times with this value but stands {} time(s) in its node's text; remove the duplicate",
        "数字“{1}”以同一数值列了 {2} 次，在所在节点的正文中却只出现 {3} 次；请删去重复的",
    ),
    t(
        "value {} is not a finite number; write the figure's value in digits, like 16 or 1.5",
        "数值 {1} 不是有限的数；请用数字写出数值，如 16 或 1.5",
    ),
    t(
        "value {} must be a number of zero or more (without a minus sign)",
        "数值 {1} 须是零或正数（不带负号）",
    ),
    t(
        "value {} is larger than {}; money is in 元, counts as counted, percentages as the number before %",
        "数值 {1} 大于 {2}；金额以元计，数量照数，百分比写 % 前的数",
    ),
    t(
        "value {} has more than two decimal places; the letter's figures have at most two (money is in 元)",
        "数值 {1} 超过两位小数；答复函的数字至多两位小数（金额以元计）",
    ),
    t(
        "value {} is not a whole number, but “{}” counts whole things",
        "数值 {1} 不是整数，而“{2}”计的是整数",
    ),
    // Each figure read from its own text.
    t("“{}” is not read as a figure: {}", "“{1}”读不成数字：{2}"),
    // Why a figure's text is not read ([`crate::numbers::phrase::PhraseError`]).
    t(
        "the figure's text has no unit after its number (one of {})",
        "数字原文的数后面没有单位（应是以下之一：{1}）",
    ),
    t(
        "“{}” is marked planned, but its sentence (as far as a ；) says none of {}",
        "“{1}”标为计划（planned），但它所在的句子（以“；”为界）没有以下任何一词：{2}",
    ),
    t(
        "“{}” is in {}, not money: only money has a money_kind",
        "“{1}”的单位是{2}，不是金额：只有金额才有 money_kind",
    ),
    t(
        "“{}” is marked {} money, but its clause “{}” says {}, an amount per award: its money_kind is per_award",
        "“{1}”标为{2}的金额，但它所在的分句“{3}”说“{4}”，是每项的金额：money_kind 应写 per_award",
    ),
    t(
        "“{}” reads as {} money from its what “{}”, but its clause “{}” says {}, an amount per award: write money_kind: per_award",
        "“{1}”按 what“{3}”读作{2}的金额，但它所在的分句“{4}”说“{5}”，是每项的金额：请写 money_kind: per_award",
    ),
    t(
        "“{}” reads as {} money from its what “{}”, but its clause “{}” says none of {}: give it a money_kind, or word its what as the clause does",
        "“{1}”按 what“{3}”读作{2}的金额，但它所在的分句“{4}”没有以下任何一词：{5}；请写明 money_kind，或照分句的用词写 what",
    ),
    t(
        "“{}” is marked {} money, but it is an end of the range “{}”, which is no sum: its money_kind is cap, the most the range allows",
        "“{1}”标为{2}的金额，但它是范围“{3}”的一端，不是可以相加的数：money_kind 应写 cap，即范围允许的最高额",
    ),
    t(
        "“{}” is marked {} money, but it is an end of the range “{}”, which is no sum: give it no money_kind, and a what that names no kind of money",
        "“{1}”标为{2}的金额，但它是范围“{3}”的一端，不是可以相加的数：请去掉 money_kind，what 也不要写出金额的种类",
    ),
    t(
        "“{}” reads as {} money from its what “{}”, but it is an end of the range “{}”, which is no sum: its money_kind is cap, the most the range allows",
        "“{1}”按 what“{3}”读作{2}的金额，但它是范围“{4}”的一端，不是可以相加的数：money_kind 应写 cap，即范围允许的最高额",
    ),
    t(
        "“{}” reads as {} money from its what “{}”, but it is an end of the range “{}”, which is no sum: give it no money_kind, and a what that names no kind of money",
        "“{1}”按 what“{3}”读作{2}的金额，但它是范围“{4}”的一端，不是可以相加的数：what 请不要写出金额的种类（如补助、安排）",
    ),
    t(
        "“{}” is written {}, a ceiling: its money_kind is cap, not {}",
        "“{1}”写作“{2}”，是上限：money_kind 应写 cap，而不是{3}",
    ),
    t(
        "“{}” is marked {} money, but its clause “{}” says none of {}",
        "“{1}”标为{2}的金额，但它所在的分句“{3}”没有以下任何一词：{4}",
    ),
    t(
        "more than {} different periods in one node",
        "一个节点中有超过 {1} 个不同的期间",
    ),
    t("“{}” is not a period; write {}", "“{1}”不是期间；请写{2}"),
    t(
        "the letter does not say “{}” where “{}” stands",
        "答复函在“{2}”所在之处没有说“{1}”",
    ),
    t(
        "unit “{}” differs from the text “{}”, which is in {}",
        "单位“{1}”与原文“{2}”不符，原文的单位是{3}",
    ),
    t(
        "“{}” states {} amounts, but {} figures quote it: one figure an amount",
        "“{1}”列出 {2} 个数额，却有 {3} 个数字引用它：一个数额一个数字",
    ),
    t(
        "value {} differs from the text “{}”, which says {} for its amount {} of {}",
        "数值 {1} 与原文“{2}”不符，原文第 {4} 项（共 {5} 项）是 {3}",
    ),
    t(
        "value {} differs from the text “{}”, which says {}",
        "数值 {1} 与原文“{2}”不符，原文是 {3}",
    ),
    t(
        "qualifier “{}” differs from the text “{}”, which says {}",
        "限定词“{1}”与原文“{2}”不符，原文是“{3}”",
    ),
    t(
        "the text “{}” says {}, but the figure has no qualifier",
        "原文“{1}”有“{2}”，但这个数字没有 qualifier",
    ),
    t(
        "qualifier “{}” is not the letter's: neither “{}” nor its clause says {}",
        "限定词“{1}”不是原文的：“{2}”及其所在分句都没有“{3}”",
    ),
    t(
        "the letter says {}: the figure drops its hedge",
        "原文是“{1}”：这个数字漏掉了它的限定词",
    ),
    t(
        "no figure “{}” in the same suggestion",
        "同一条建议中没有数字“{1}”",
    ),
    t(
        "“{}” ({}) is less than “{}” ({}): a part is no larger than its whole",
        "“{1}”（{2}）小于“{3}”（{4}）：部分不能大于整体",
    ),
    t(
        "“{}” is in {}, “{}” in {}: one cannot contain the other",
        "“{1}”的单位是{2}，“{3}”的是{4}：两者不能互相包含",
    ),
    t(
        "{} figures of the same suggestion read “{}”: part_of must name one",
        "同一条建议中有 {1} 个数字写作“{2}”：part_of 只能指一个",
    ),
    // Importing a text, and writing its draft.
    t(
        "the draft would be {} MiB, larger than the {} MiB a letter may be; refused (import the letter in parts)",
        "草稿将有 {1} MiB，超过答复函上限 {2} MiB，不予写出（请分几部分导入）",
    ),
    // The parser's words (serde).
    t("missing field `{}`", "缺少字段 `{1}`"),
    t("duplicate field `{}`", "字段 `{1}` 重复"),
    t(
        "unknown field `{}`, expected one of {}",
        "未知字段 `{1}`；应是以下之一：{2}",
    ),
    t(
        "unknown field `{}`, expected {}",
        "未知字段 `{1}`；应是 {2}",
    ),
    t(
        "unknown field `{}`, there are no fields",
        "未知字段 `{1}`；这里没有字段",
    ),
    t(
        "unknown variant `{}`, expected one of {}",
        "未知的取值 `{1}`；应是以下之一：{2}",
    ),
    t(
        "unknown variant `{}`, expected {}",
        "未知的取值 `{1}`；应是 {2}",
    ),
    t(
        "invalid type: {}, expected {}",
        "类型不对：这里是{1}，应是{2}",
    ),
    t(
        "invalid value: {}, expected {}",
        "值不对：这里是{1}，应是{2}",
    ),
    t(
        "invalid length {}, expected {}",
        "长度不对：这里是 {1}，应是{2}",
    ),
    // The parser's words (saphyr): what it was reading, then the problem.
    t("while {}, {}", "{2}（在{1}中）"),
    t("unexpected character: `{}'", "意外的字符：`{1}'"),
    // The system's reason a file could not be read or written.
    t("{} (os error {})", "{1}（系统错误 {2}）"),
    // The command line's usage errors: clap's frame and words, and dafu's value checks.
    t("error: {}", "错误：{1}"),
    t("Usage: {}", "用法：{1}"),
    t("[possible values: {}]", "[可选值：{1}]"),
    t(
        "tip: to pass '{}' as a value, use '-- {}'",
        "提示：要把 '{1}' 当作值，请写 '-- {2}'",
    ),
    t(
        "tip: to pass '{}' as a value, use '{} -- {}'",
        "提示：要把 '{1}' 当作值，请写 '{2} -- {3}'",
    ),
    t(
        "tip: a similar argument exists: {}",
        "提示：有一个相似的参数：{1}",
    ),
    t(
        "tip: some similar arguments exist: {}",
        "提示：有几个相似的参数：{1}",
    ),
    t(
        "tip: a similar subcommand exists: {}",
        "提示：有一个相似的子命令：{1}",
    ),
    t(
        "tip: some similar subcommands exist: {}",
        "提示：有几个相似的子命令：{1}",
    ),
    t(
        "tip: a similar value exists: {}",
        "提示：有一个相似的值：{1}",
    ),
    t(
        "tip: some similar values exist: {}",
        "提示：有几个相似的值：{1}",
    ),
    t(
        "tip: subcommand '{}' exists; to use it, remove the '--' before it",
        "提示：有子命令 '{1}'；要用它，请去掉它前面的 '--'",
    ),
    t("unexpected argument '{}' found", "无法识别的参数 '{1}'"),
    t(
        "invalid value '{}' for '{}': {}",
        "'{2}' 的值 '{1}' 不对：{3}",
    ),
    t("invalid value '{}' for '{}'", "'{2}' 的值 '{1}' 不对"),
    t(
        "a value is required for '{}' but none was supplied",
        "'{1}' 需要一个值",
    ),
    t(
        "the argument '{}' cannot be used multiple times",
        "参数 '{1}' 只能用一次",
    ),
    t(
        "the argument '{}' cannot be used with '{}'",
        "参数 '{1}' 不能与 '{2}' 一起用",
    ),
    t("unrecognized subcommand '{}'", "没有子命令 '{1}'"),
];

/// Refusals and phrases without quotations: whole messages, or what a template quotes
/// (the parser's names of types and constructs, the checks' lists).
pub const PHRASES: &[(&str, &str)] = &[
    // Why a figure's text is not read ([`crate::numbers::phrase::PhraseError`]).
    ("the figure's text is empty", "数字原文是空的"),
    ("the figure's text holds no number", "数字原文中没有数"),
    (
        "the figure's text goes on after its unit",
        "数字原文在单位之后还有文字",
    ),
    (
        "the figure's number has too many digits",
        "数字原文的数位数太多",
    ),
    ("the figure's text is not an amount", "数字原文不是一个数量"),
    // dafu's own.
    ("collections nest too deep; refused", "嵌套太深，不予接受"),
    (
        "anchors and aliases (&name, *name) are not allowed: write each value out where it stands",
        "不允许使用锚点和别名（&名称、*名称）：请把每个值写在它所在之处",
    ),
    (
        "file is empty; expected a letter in dafu's YAML schema (`dafu import TEXT` drafts one from a reply's text)",
        "文件是空的；应是一封 dafu YAML 格式的答复函（`dafu import 文本` 可从答复函的文字起草一封）",
    ),
    (
        "file holds only comments; expected a letter in dafu's YAML schema (`dafu import TEXT` drafts one from a reply's text)",
        "文件只有注释；应是一封 dafu YAML 格式的答复函（`dafu import 文本` 可从答复函的文字起草一封）",
    ),
    (
        "the letter has both suggestions and sections; a reply is written one way: keep one list",
        "答复函同时有 suggestions 和 sections；一封答复只用一种写法：保留其中一个",
    ),
    (
        "figure texts overlap each other at too many places of the text to check",
        "数字原文彼此重叠之处太多，无法核对",
    ),
    (
        "notes and errata overlap each other at too many places of the letter to check",
        "注释与勘误彼此重叠之处太多，无法核对",
    ),
    (
        "the note's text is empty; quote the wording it is about",
        "注释的 text 是空的；请引用它所说明的原文",
    ),
    (
        "figure text is empty; quote the figure as the letter writes it (近1.8亿元)",
        "数字的 text 是空的；请照原文引用数字（如 近1.8亿元）",
    ),
    (
        "a figure cannot be part of itself",
        "数字不能是它自身的一部分",
    ),
    (
        "is the text being imported; refused (write the draft to another file)",
        "是正在导入的文本，不予覆盖（请把草稿写到另一个文件）",
    ),
    (
        "exists; refused (choose another name, or --force to replace it)",
        "已存在，不予覆盖（请换一个文件名，或用 --force 替换）",
    ),
    (
        "the text is empty; expected a reply letter",
        "文本是空的；应是一封答复函",
    ),
    (
        "the text has no words once its marks are taken out; expected a reply letter",
        "文本除标记外没有文字；应是一封答复函",
    ),
    (
        "the text has no Chinese characters; expected a reply letter",
        "文本中没有汉字；应是一封答复函",
    ),
    (
        "is a letter in YAML already; open it with `dafu FILE`, or check it with `dafu check FILE`",
        "已是 YAML 格式的答复函；请用 `dafu 文件` 打开，或用 `dafu check 文件` 检查",
    ),
    // What the checks quote.
    ("a list", "列表"),
    ("a mapping", "映射"),
    ("money", "金额"),
    ("count", "数量"),
    ("measure", "度量"),
    ("percent", "百分比"),
    ("approved", "立项"),
    ("allocated", "安排"),
    ("paid", "补助"),
    ("fund", "基金规模"),
    ("running_total", "累计"),
    ("cap", "上限"),
    ("per_award", "每项额度"),
    ("outcome", "效益"),
    (
        "a year (2020), years (2019-2020), 近5年, 2017年以来, 截止2020年底, 今年以来, 今年, 去年, 目前, 现有, 现在 or 累计",
        "年份（2020）、年份区间（2019-2020）、近5年、2017年以来、截止2020年底、今年以来、今年、去年、目前、现有、现在或累计",
    ),
    ("the figure's text is empty", "数字的原文是空的"),
    ("the figure's text holds no number", "数字的原文里没有数"),
    (
        "the figure's text goes on after its unit",
        "数字的原文在单位之后还有文字",
    ),
    ("the figure's number has too many digits", "数字的位数太多"),
    (
        "the figure's text is not an amount",
        "数字的原文不是一个数量",
    ),
    // The parser's names of what it found and expected (serde).
    ("a sequence", "列表"),
    ("sequence", "列表"),
    ("a map", "映射"),
    ("map", "映射"),
    ("a string", "文字"),
    ("unit value", "空值"),
    ("a boolean", "真假值"),
    ("a number", "数值"),
    ("a whole number", "整数"),
    ("f64", "数值"),
    ("u32", "整数"),
    ("a borrowed string", "文字"),
    ("a string or a list of strings", "文字或文字的列表"),
    (
        "deserializing from YAML containing more than one document is not supported",
        "一个文件只能有一个 YAML 文档",
    ),
    ("EOF while parsing a value", "文件在读取值时结束"),
    // What the schema expects where a value is of the wrong type.
    ("a letter (a mapping)", "一封答复函（映射）"),
    ("a proposal (a mapping)", "提案（映射）"),
    ("a section (a mapping)", "一节（映射）"),
    ("a suggestion (a mapping)", "一条建议（映射）"),
    ("a measure (a mapping)", "一项措施（映射）"),
    ("a point (a mapping)", "一个要点（映射）"),
    ("a figure (a mapping)", "一个数字（映射）"),
    ("a signature (a mapping)", "落款（映射）"),
    ("an erratum (a mapping)", "一条勘误（映射）"),
    ("an editorial note (a mapping)", "一条注释（映射）"),
    (
        "one of done, planned, design",
        "done、planned 或 design 之一",
    ),
    (
        "one of money, count, measure, percent",
        "money、count、measure 或 percent 之一",
    ),
    (
        "one of approved, allocated, paid, fund, running_total, cap, per_award, outcome",
        "approved、allocated、paid、fund、running_total、cap、per_award 或 outcome 之一",
    ),
    // The system's reasons (strerror).
    ("Is a directory", "是文件夹"),
    ("Not a directory", "路径中有一项不是文件夹"),
    ("No such file or directory", "没有这个文件或文件夹"),
    ("Permission denied", "没有权限"),
    ("Bad file descriptor", "文件描述符无效"),
    ("No space left on device", "磁盘已满"),
    ("Disk quota exceeded", "超出磁盘配额"),
    ("Input/output error", "输入输出错误"),
    ("Broken pipe", "管道已断开"),
    ("Read-only file system", "文件系统只读"),
    ("File name too long", "文件名太长"),
    ("Too many levels of symbolic links", "符号链接层数太多"),
    ("File too large", "文件太大"),
    ("Invalid argument", "参数无效"),
    ("No such device or address", "没有这个设备或地址"),
    // The command line's (clap's, and dafu's value checks).
    (
        "For more information, try '--help'.",
        "更多说明：dafu --help",
    ),
    (
        "the following required arguments were not provided:",
        "缺少以下必需的参数：",
    ),
    (
        "the depth counts levels from 1 (the suggestions); 0 shows nothing",
        "层数从 1（建议）数起；0 层什么也不显示",
    ),
    (
        "the query is empty; give the text, pinyin or initials to look for",
        "查询是空的；请给出要找的文字、拼音或首字母",
    ),
    ("invalid digit found in string", "不是数字"),
    ("number too large to fit in target type", "数字太大"),
    (
        "data did not match any variant of untagged enum OneOrMore",
        "这里应是一行文字，或文字的列表",
    ),
    // The parser's problems (saphyr).
    ("found unexpected end of stream", "文件意外结束"),
    ("did not find expected key", "这里应有一个键"),
    ("did not find expected node content", "这里应有内容"),
    ("did not find expected '-' indicator", "这里应有 '-'"),
    ("expected ',' or ']'", "这里应有 ',' 或 ']'"),
    ("did not find expected ',' or '}'", "这里应有 ',' 或 '}'"),
    (
        "mapping values are not allowed in this context",
        "这里不能有映射的值（冒号）",
    ),
    (
        "mapping keys are not allowed in this context",
        "这里不能有映射的键",
    ),
    (
        "block sequence entries are not allowed in this context",
        "这里不能有列表项（-）",
    ),
    ("found unknown escape character", "未知的转义字符"),
    ("found unexpected document indicator", "这里不应有文档标记"),
    (
        "did not find expected comment or line break",
        "这里应是注释或换行",
    ),
    (
        "did not find expected whitespace or line break",
        "这里应是空白或换行",
    ),
    ("found unknown anchor", "找不到这个锚点"),
    (
        "a quotation mark opened here is not closed on its line (or the lines after it are indented wrongly)",
        "此处开始的引号在本行没有闭合（或其后各行缩进不对）",
    ),
    (
        "a quotation mark opened here is never closed; the file ends first (is it cut short?)",
        "此处开始的引号直到文件结束都没有闭合（文件是否不全？）",
    ),
    ("invalid indentation in flow construct", "括号内的缩进不对"),
    (
        "wrongly indented line in block scalar",
        "块标量中有一行缩进不对",
    ),
    ("simple key expected", "这里应有一个键"),
    ("simple key expect ':'", "键后面应有 ':'"),
    ("misplaced bracket", "括号的位置不对"),
    ("unexpected end of plain scalar", "普通标量意外结束"),
    (
        "invalid trailing content after double-quoted scalar",
        "双引号标量之后不能再有内容",
    ),
    (
        "comment intercepting the multiline text",
        "多行文字中间不能有注释",
    ),
    ("found unprintable character", "有不可打印的字符"),
    ("expected whitespace", "这里应有空白"),
    ("did not find expected next token", "这里应有下一个记号"),
    (
        "':' must be followed by a valid YAML whitespace",
        "':' 后面须是空格（YAML 的空白）",
    ),
    (
        "'-' must be followed by a valid YAML whitespace",
        "'-' 后面须是空格（YAML 的空白）",
    ),
    (
        "a tab in the indentation: YAML indents with spaces",
        "缩进里有制表符：YAML 只能用空格缩进",
    ),
    ("tab cannot be used as indentation", "不能用制表符缩进"),
    ("tabs disallowed in this context", "这里不能有制表符"),
    (
        "tabs disallowed within this context (block indentation)",
        "这里不能用制表符缩进",
    ),
    (
        "a block scalar content cannot start with a tab",
        "块标量的内容不能以制表符开头",
    ),
    (
        "did not find expected hexadecimal number",
        "这里应有十六进制数字",
    ),
    (
        "found invalid Unicode character escape code",
        "转义码不是有效的 Unicode 字符",
    ),
    (
        "a byte order mark must not appear inside a document",
        "文档中间不能有字节顺序标记（BOM）",
    ),
    (
        "missing explicit document end marker before directive",
        "指令之前须有文档结束标记（...）",
    ),
    ("invalid indentation", "缩进不对"),
    ("unexpected eof", "文件意外结束"),
    ("found a tab", "有制表符"),
    (
        "did not find expected <document start>",
        "这里应是文档的开始（---）",
    ),
    (
        "did not find expected <document-start>",
        "这里应是文档的开始（---）",
    ),
    ("did not find expected <stream-start>", "这里应是文件的开始"),
    ("duplicate version directive", "%YAML 指令重复"),
    ("found incompatible YAML document", "YAML 版本不兼容"),
    ("illegal placement of ':' indicator", "':' 的位置不对"),
    (
        "invalid content after document end marker",
        "文档结束标记（...）之后不能有内容",
    ),
    ("invalid global tag character", "全局标签中有无效的字符"),
    ("invalid indentation for anchor", "锚点的缩进不对"),
    (
        "plain scalar cannot start with '-' followed by ,[]{}",
        "普通标量不能以 '-' 后跟 ,[]{} 开头",
    ),
    ("recursion limit exceeded", "嵌套太深，超过了解析器的上限"),
    (
        "the TAG directive must only be given at most once per handle in the same document",
        "同一文档中每个句柄的 %TAG 指令只能写一次",
    ),
    ("the handle wasn't declared", "这个标签句柄没有声明"),
    ("did not find expected '!'", "这里应有 '!'"),
    ("did not find expected tag URI", "这里应有标签的 URI"),
    (
        "found an incorrect leading UTF-8 byte",
        "UTF-8 的首字节不对",
    ),
    (
        "found an incorrect trailing UTF-8 byte",
        "UTF-8 的后续字节不对",
    ),
    ("found an invalid UTF-8 codepoint", "无效的 UTF-8 码点"),
    ("found an invalid escape sequence", "无效的转义序列"),
    ("found duplicated anchor", "锚点重复"),
    (
        "did not find expected digit or '.' character",
        "这里应有数字或 '.'",
    ),
    ("did not find expected version number", "这里应有版本号"),
    ("found extremely long version number", "版本号太长"),
    (
        "found an indentation indicator equal to 0",
        "缩进指示符不能是 0",
    ),
    ("could not find expected directive name", "这里应有指令名"),
    (
        "found unexpected non-alphabetical character",
        "有意外的非字母字符",
    ),
    ("did not find the expected '>'", "这里应有 '>'"),
    (
        "did not find expected alphabetic or numeric character",
        "这里应有字母或数字",
    ),
    // What the parser was reading when it met the problem.
    ("parsing a tag directive", "%TAG 指令"),
    ("parsing anchor", "锚点"),
    ("scanning TAG", "%TAG 指令"),
    ("scanning a YAML directive", "%YAML 指令"),
    ("scanning a directive", "指令"),
    ("scanning a verbatim tag", "原样标签"),
    ("scanning a plain scalar", "普通标量"),
    ("scanning a quoted scalar", "带引号的标量"),
    ("parsing a quoted scalar", "带引号的标量"),
    ("scanning a block scalar", "块标量"),
    ("scanning a tag", "标签"),
    ("parsing a tag", "标签"),
    ("parsing a block mapping", "块映射"),
    ("parsing a block collection", "块集合"),
    ("parsing a flow sequence", "方括号列表"),
    ("parsing a flow mapping", "花括号映射"),
    ("parsing a node", "节点"),
    ("parsing node", "节点"),
    ("scanning an anchor or alias", "锚点或别名"),
];

/// The parser's names of what it found (`integer `5``, `string "x"`): the word said in
/// Chinese, what follows it kept.
const FOUND: [(&str, &str); 5] = [
    ("integer", "整数"),
    ("floating point", "小数"),
    ("boolean", "真假值"),
    ("string", "文字"),
    ("character", "字符"),
];

/// How deep a quotation is itself read as a refusal (the parser's words inside dafu's).
const DEPTH: usize = 2;

/// `message` in Chinese, when it is one of the refusals above, after a field's path
/// (`suggestions[0].figures[1].unit: `), which is kept; `None` when it is not.
#[must_use]
pub fn in_chinese(message: &str) -> Option<String> {
    said(message, DEPTH).or_else(|| {
        // A field's path before the message, as the schema names it: kept. A path has no
        // colon and no space, so it can only end at the first ": " (and the message, which
        // may quote a long value full of them, is not read again from each one).
        let (path, rest) = message.split_once(": ")?;
        let is_path = !path.is_empty()
            && path
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '[' | ']'));
        if !is_path {
            return None;
        }
        said(rest, DEPTH).map(|zh| format!("{path}: {zh}"))
    })
}

/// A usage error as the command line's parser writes it, in Chinese line by line: its frame
/// (`error:`, `Usage:`, the tip) and its words where they are known, the arguments quoted
/// and the usage line kept. Its last line points at the help of the command its usage line
/// names, or, when it has none (a value refused), of `command` (`dafu figures`).
#[must_use]
pub fn usage_in_chinese(text: &str, command: &str) -> String {
    let mut out = String::with_capacity(text.len());
    // The command the usage line names (`dafu figures`): its help is the one to read.
    let mut command = command.to_string();
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches('\n');
        let words = body.trim_start();
        let indent = body.get(..body.len() - words.len()).unwrap_or_default();
        if let Some(usage) = words.strip_prefix("Usage: ") {
            // The command's words, before its arguments: a usage line clap fills with a
            // suggested option (`dafu figures --ambiguous-width <…> [FILE]`) names the
            // option after the command, not as a part of it.
            let names: Vec<&str> = (usage.split(' '))
                .take_while(|w| !w.starts_with(['[', '<', '-']))
                .collect();
            // dafu's own usage line, given with an error dafu found in a command's
            // arguments (`dafu check` without its file), names no command: the one the
            // arguments name stays.
            if names.len() > 1 {
                command = names.join(" ");
            }
        }
        if words == "For more information, try '--help'." {
            out.push_str(&format!("{indent}更多说明：{command} --help"));
            out.push_str(line.get(body.len()..).unwrap_or_default());
            continue;
        }
        match in_chinese(words) {
            Some(mut zh) => {
                // A usage line's only English left is clap's tag for the options (the names
                // of the values were given to clap in Chinese).
                if words.starts_with("Usage: ") {
                    let (en, tag) = super::help::OPTIONS_TAG;
                    zh = zh.replace(en, tag);
                }
                out.push_str(indent);
                out.push_str(&zh);
                out.push_str(line.get(body.len()..).unwrap_or_default());
            }
            None => out.push_str(line),
        }
    }
    out
}

/// `message` in Chinese as a whole phrase or one template; quotations read again, `depth`
/// times at most.
fn said(message: &str, depth: usize) -> Option<String> {
    if let Some((_, zh)) = PHRASES.iter().find(|(en, _)| *en == message) {
        return Some((*zh).to_string());
    }
    TEMPLATES.iter().find_map(|template| {
        let quoted = quotations(template.en, message)?;
        let mut quoted: Vec<String> = quoted.into_iter().map(|q| quotation(q, depth)).collect();
        // The names the parser expects, listed as a Chinese sentence lists them; what the
        // letter wrote (the other quotations) stays as it is.
        if template.en.ends_with("expected one of {}")
            && let Some(names) = quoted.last_mut()
        {
            *names = names_listed(names);
        }
        Some(fill(template.zh, &quoted))
    })
}

/// A quotation of a refusal: the parser's and the checks' own words in Chinese, anything
/// else (a field, a figure's text, a number) as it is.
fn quotation(quoted: &str, depth: usize) -> String {
    if let Some(zh) = depth.checked_sub(1).and_then(|d| said(quoted, d)) {
        return zh;
    }
    FOUND
        .iter()
        .find_map(|(en, zh)| {
            let rest = quoted.strip_prefix(en)?;
            (rest.is_empty() || rest.starts_with(' ')).then(|| format!("{zh}{rest}"))
        })
        .unwrap_or_else(|| quoted.to_string())
}

/// A list of names the parser expects (`` `title`, `issuer` ``) as a Chinese sentence lists
/// them, with `、`; anything else as it is.
fn names_listed(quoted: &str) -> String {
    let name = |item: &str| {
        item.strip_prefix('`')
            .and_then(|rest| rest.strip_suffix('`'))
            .is_some_and(|inner| !inner.is_empty() && !inner.contains(['`', ',']))
    };
    if quoted.contains("`, `") && quoted.split(", ").all(name) {
        quoted.replace("`, `", "`、`")
    } else {
        quoted.to_string()
    }
}

/// What `message` quotes where `template` has `{}`, when it is the template's; the first
/// place each literal part is found after the quotation before it (a quotation may be empty:
/// an empty argument is quoted `''`).
fn quotations<'m>(template: &str, message: &'m str) -> Option<Vec<&'m str>> {
    let parts: Vec<&str> = template.split("{}").collect();
    let (first, rest) = parts.split_first()?;
    let (last, middle) = rest.split_last()?;
    let body = message.strip_prefix(first)?.strip_suffix(last)?;
    let mut quoted = Vec::with_capacity(parts.len() - 1);
    let mut remaining = body;
    for part in middle {
        let at = remaining.find(part)?;
        quoted.push(remaining.get(..at)?);
        remaining = remaining.get(at + part.len()..)?;
    }
    quoted.push(remaining);
    Some(quoted)
}

/// `zh` with `{1}`, `{2}`… replaced by the quotations, in one pass over `zh`: a quotation
/// comes from the letter and may itself hold `{2}`, which is its text, not a slot to fill.
fn fill(zh: &str, quoted: &[String]) -> String {
    let mut out = String::with_capacity(zh.len() + quoted.iter().map(String::len).sum::<usize>());
    let mut rest = zh;
    while let Some((before, after)) = rest.split_once('{') {
        out.push_str(before);
        let slot = after.split_once('}').and_then(|(number, tail)| {
            let n: usize = number.parse().ok()?;
            Some((quoted.get(n.checked_sub(1)?)?, tail))
        });
        match slot {
            Some((quotation, tail)) => {
                out.push_str(quotation);
                rest = tail;
            }
            // Not a slot (or one with no quotation): the brace is the template's text.
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_template_quotes_in_chinese_what_it_quotes_in_english() {
        for template in TEMPLATES {
            let slots = template.en.matches("{}").count();
            for n in 1..=slots {
                assert!(
                    template.zh.contains(&format!("{{{n}}}")),
                    "{}: {{{n}}} missing in {}",
                    template.en,
                    template.zh
                );
            }
            assert!(!template.zh.contains(&format!("{{{}}}", slots + 1)));
        }
    }

    #[test]
    fn a_refusal_is_said_in_chinese_its_quotations_kept() {
        assert_eq!(
            in_chinese("suggestions[0].measures[0].figures[0].unit: unknown unit “只”; expected one of 元 家").as_deref(),
            Some("suggestions[0].measures[0].figures[0].unit: 未知的单位“只”；应是以下之一：元 家")
        );
        assert_eq!(
            in_chinese("suggestions: invalid type: integer `5`, expected a sequence").as_deref(),
            Some("suggestions: 类型不对：这里是整数 `5`，应是列表")
        );
        assert_eq!(
            in_chinese("while scanning a quoted scalar, found unexpected end of stream").as_deref(),
            Some("文件意外结束（在带引号的标量中）")
        );
        assert_eq!(in_chinese("something else entirely"), None);
    }

    /// Every problem the YAML parser (saphyr-parser 0.3) can report, as it words them.
    const PARSER_SAYS: &[&str] = &[
        "did not find expected <document start>",
        "did not find expected <stream-start>",
        "duplicate version directive",
        "found incompatible YAML document",
        "illegal placement of ':' indicator",
        "invalid content after document end marker",
        "invalid global tag character",
        "invalid indentation for anchor",
        "plain scalar cannot start with '-' followed by ,[]{}",
        "recursion limit exceeded",
        "the TAG directive must only be given at most once per handle in the same document",
        "the handle wasn't declared",
        "unexpected character: `#'",
        "mapping values are not allowed in this context",
        "while parsing a block collection, did not find expected '-' indicator",
        "while parsing a block mapping, did not find expected key",
        "while parsing a flow mapping, did not find expected ',' or '}'",
        "while parsing a flow sequence, expected ',' or ']'",
        "while parsing a node, did not find expected node content",
        "while parsing a quoted scalar, did not find expected hexadecimal number",
        "while parsing a quoted scalar, found invalid Unicode character escape code",
        "while parsing a quoted scalar, found unknown escape character",
        "while parsing a tag directive, did not find expected '!'",
        "while parsing a tag, did not find expected tag URI",
        "while parsing a tag, found an incorrect leading UTF-8 byte",
        "while parsing a tag, found an incorrect trailing UTF-8 byte",
        "while parsing a tag, found an invalid UTF-8 codepoint",
        "while parsing a tag, found an invalid escape sequence",
        "while parsing anchor, found duplicated anchor",
        "while parsing node, found unknown anchor",
        "while scanning TAG, did not find expected whitespace or line break",
        "while scanning a YAML directive, did not find expected digit or '.' character",
        "while scanning a YAML directive, did not find expected version number",
        "while scanning a YAML directive, found extremely long version number",
        "while scanning a block scalar, did not find expected comment or line break",
        "while scanning a block scalar, found an indentation indicator equal to 0",
        "while scanning a directive, could not find expected directive name",
        "while scanning a directive, did not find expected comment or line break",
        "while scanning a directive, found unexpected non-alphabetical character",
        "while scanning a plain scalar, found a tab",
        "while scanning a quoted scalar, found unexpected document indicator",
        "while scanning a tag, did not find expected '!'",
        "while scanning a tag, did not find expected whitespace or line break",
        "while scanning a verbatim tag, did not find the expected '>'",
        "while scanning an anchor or alias, did not find expected alphabetic or numeric character",
    ];

    #[test]
    fn every_problem_the_yaml_parser_reports_is_said_in_chinese() {
        for says in PARSER_SAYS {
            let zh = in_chinese(says).unwrap_or_default();
            // No word of English but names (`Unicode`, `%TAG`, `URI`, `UTF-8`).
            let words: Vec<&str> = zh
                .split(|c: char| !c.is_ascii_alphabetic())
                .filter(|w| w.len() > 2 && w.chars().all(|c| c.is_ascii_lowercase()))
                .collect();
            assert!(!zh.is_empty() && words.is_empty(), "{says} → {zh:?}");
        }
    }

    #[test]
    fn the_names_a_field_may_take_are_listed_as_chinese_lists_them() {
        assert_eq!(
            in_chinese("unknown field `titel`, expected one of `title`, `issuer`").as_deref(),
            Some("未知字段 `titel`；应是以下之一：`title`、`issuer`")
        );
        // A key the letter wrote is quoted as it is, whatever it holds.
        assert_eq!(
            in_chinese("unknown field `a`, `b`, expected one of `title`, `issuer`").as_deref(),
            Some("未知字段 `a`, `b`；应是以下之一：`title`、`issuer`")
        );
        assert_eq!(names_listed("`a`, `b`"), "`a`、`b`");
        assert_eq!(names_listed("`a, b`"), "`a, b`");
        assert_eq!(names_listed("`a`, b, `c`"), "`a`, b, `c`");
    }

    #[test]
    fn a_longer_template_is_not_taken_for_a_shorter_one() {
        let zh = in_chinese(
            "x.value: value 3 differs from the text “3、4家”, which says 4 for its amount 2 of 2",
        )
        .unwrap_or_default();
        assert_eq!(
            zh,
            "x.value: 数值 3 与原文“3、4家”不符，原文第 2 项（共 2 项）是 4"
        );
    }

    #[test]
    fn quotations_are_found_in_order() {
        assert_eq!(
            quotations("a {} b {} c", "a x b y b z c"),
            Some(vec!["x", "y b z"])
        );
        assert_eq!(
            quotations("'{}' for '{}'", "'' for 'q'"),
            Some(vec!["", "q"])
        );
        assert_eq!(quotations("a {} b", "a b"), None);
    }

    #[test]
    fn a_usage_error_is_said_in_chinese_line_by_line() {
        let clap = "error: unexpected argument '--foo' found\n\n  tip: to pass '--foo' as a \
                    value, use '-- --foo'\n\nUsage: dafu [OPTIONS] [文件]...\n\nFor more \
                    information, try '--help'.\n";
        assert_eq!(
            usage_in_chinese(clap, "dafu"),
            "错误：无法识别的参数 '--foo'\n\n  提示：要把 '--foo' 当作值，请写 '-- --foo'\n\n\
             用法：dafu [选项] [文件]...\n\n更多说明：dafu --help\n"
        );
    }

    #[test]
    fn a_commands_usage_error_points_at_that_commands_help() {
        let clap = "error: invalid value 'xml' for '--format <FORMAT>'\n\nUsage: dafu figures \
                    [OPTIONS] [FILE]\n\nFor more information, try '--help'.\n";
        assert!(
            usage_in_chinese(clap, "dafu").ends_with("\n\n更多说明：dafu figures --help\n"),
            "{}",
            usage_in_chinese(clap, "dafu")
        );
    }

    #[test]
    fn clap_s_tips_are_said_in_chinese_and_the_help_named_is_the_commands() {
        let clap = "error: unexpected argument '--bogus' found\n\n  tip: a similar argument \
                    exists: '--ambiguous-width'\n\nUsage: dafu figures --ambiguous-width \
                    <AMBIGUOUS_WIDTH> [FILE]\n\nFor more information, try '--help'.\n";
        assert_eq!(
            usage_in_chinese(clap, "dafu"),
            "错误：无法识别的参数 '--bogus'\n\n  提示：有一个相似的参数：'--ambiguous-width'\n\n\
             用法：dafu figures --ambiguous-width <AMBIGUOUS_WIDTH> [FILE]\n\n\
             更多说明：dafu figures --help\n"
        );
        for (tip, zh) in [
            (
                "tip: some similar values exist: 'table', 'csv'",
                "提示：有几个相似的值：'table', 'csv'",
            ),
            (
                "tip: subcommand 'list' exists; to use it, remove the '--' before it",
                "提示：有子命令 'list'；要用它，请去掉它前面的 '--'",
            ),
            (
                "tip: to pass 'list' as a value, use 'dafu -- list'",
                "提示：要把 'list' 当作值，请写 'dafu -- list'",
            ),
        ] {
            assert_eq!(in_chinese(tip).as_deref(), Some(zh));
        }
    }

    #[test]
    fn a_quotation_holding_a_slot_is_kept_as_it_is() {
        // What is quoted comes from the letter: a unit, a figure's text, a field may hold
        // `{1}` or `{2}`, which are not the template's to fill.
        assert_eq!(
            in_chinese("x.unit: unknown unit “{2}”; expected one of {1} 家").as_deref(),
            Some("x.unit: 未知的单位“{2}”；应是以下之一：{1} 家")
        );
        assert_eq!(
            in_chinese("the letter does not say “{2}{1}” where “{1}” stands").as_deref(),
            Some("答复函在“{1}”所在之处没有说“{2}{1}”")
        );
        assert_eq!(
            fill("{1}{2}{3}", &["{3}".into(), "{1}".into()]),
            "{3}{1}{3}"
        );
    }

    #[test]
    fn a_megabyte_refusal_with_many_colons_is_read_in_one_pass() {
        // A long run of path characters, then a colon and a space every few bytes: each
        // place the path could end is tried once, not by reading the path again.
        let mut message = "a".repeat(1 << 19);
        message.push_str(&": b".repeat((1 << 19) / 3));
        assert_eq!(in_chinese(&message), None);
        // A refusal quoting a megabyte value full of colons is still said whole.
        let value = "k: v ".repeat((1 << 20) / 5);
        let zh = in_chinese(&format!(
            "x.text: “{value}” does not occur in the letter's text"
        ));
        assert_eq!(zh, Some(format!("x.text: “{value}”不在答复函的正文中")));
    }
}
