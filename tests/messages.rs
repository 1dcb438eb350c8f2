//! Every message in the interface's language: `check`'s refusals (the checks', the guard's
//! and the YAML parser's), the import's review report and its warnings, and a standard
//! output that cannot be written, in Chinese by default and in English with `--lang en`,
//! each keeping its `FILE:LINE:COL` and the path.

mod binary;

use binary::{LETTER_YAML, Output, Scratch, fixture, run};

/// The smallest valid letter, which the refusals below change one thing of.
const MINIMAL_YAML: &str = include_str!("fixtures/minimal.yaml");

/// Words that make an English sentence, as whole words: a message that holds one outside
/// its quotations is (partly) English.
const ENGLISH: [&str; 26] = [
    "the", "is", "not", "of", "a", "an", "and", "to", "in", "at", "its", "be", "it", "no", "by",
    "with", "found", "expected", "refused", "missing", "unknown", "invalid", "while", "differs",
    "struct", "enum",
];

/// `message` without what it quotes (“…”, `…`, 「…」, "…"): the letter's words, fields,
/// values, which stay as they are.
fn unquoted(message: &str) -> String {
    let mut out = String::new();
    let mut closing: Option<char> = None;
    for c in message.chars() {
        match closing {
            Some(close) if c == close => closing = None,
            Some(_) => {}
            None => match c {
                '“' => closing = Some('”'),
                '「' => closing = Some('」'),
                '`' | '"' => closing = Some(c),
                _ => out.push(c),
            },
        }
    }
    out
}

/// The English words of `message`, outside its quotations.
fn english_words(message: &str) -> Vec<String> {
    unquoted(message)
        .split(|c: char| !(c.is_ascii_alphabetic() || c == '_'))
        .filter(|word| ENGLISH.contains(&word.to_ascii_lowercase().as_str()))
        .map(str::to_string)
        .collect()
}

fn has_chinese(text: &str) -> bool {
    unquoted(text)
        .chars()
        .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

/// Asserts that `check` refuses `path` at `prefix` in both languages, in Chinese words by
/// default and in English ones with `--lang en`; returns the two messages.
#[track_caller]
fn refused_in_both(path: &str, what: &str) -> (String, String) {
    let zh = run(["check", path]);
    let en = run(["--lang", "en", "check", path]);
    assert_eq!(zh.code(), Some(2), "{what}: {zh:?}");
    assert_eq!(en.code(), Some(2), "{what}: {en:?}");
    let (zh, en) = (zh.stderr(), en.stderr());
    let place = |message: &str| -> String {
        // `FILE:LINE:COL: ` or `FILE: `, the same in both languages.
        let after = message.strip_prefix(path).unwrap_or_default();
        after.split(": ").next().unwrap_or_default().to_string()
    };
    assert!(zh.starts_with(path), "{what}: the path first: {zh}");
    assert_eq!(place(&zh), place(&en), "{what}: one place\n{zh}\n{en}");
    // What is said about the file, after its name.
    let said = |message: &str| message.strip_prefix(path).unwrap_or_default().to_string();
    let words = english_words(&said(&zh));
    assert!(
        words.is_empty(),
        "{what}: English words {words:?} in the Chinese interface: {zh}"
    );
    assert!(has_chinese(&said(&zh)), "{what}: {zh}");
    assert!(!english_words(&said(&en)).is_empty(), "{what}: {en}");
    (zh, en)
}

/// `yaml` written to a file in `scratch` named after `what`, and refused as
/// [`refused_in_both`] has it; the two messages.
#[track_caller]
fn refused_letter(scratch: &Scratch, what: &str, yaml: String) -> (String, String) {
    let path = scratch.write(&format!("{}.yaml", what.replace(' ', "-")), yaml);
    refused_in_both(&path.display().to_string(), what)
}

#[test]
fn every_bad_fixture_is_refused_in_chinese_at_the_place_the_english_names() {
    let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bad");
    let mut names: Vec<String> = std::fs::read_dir(&folder)
        .expect("the bad fixtures")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".yaml"))
        .collect();
    names.sort();
    assert!(names.len() >= 20, "{names:?}");
    for name in names {
        let path = fixture(&format!("bad/{name}"));
        let (zh, en) = refused_in_both(&path, &name);
        assert_ne!(zh, en, "{name}");
    }
}

/// The minimal letter with `from` replaced by `to` (once, and it must be there).
fn minimal_with(from: &str, to: &str) -> String {
    assert!(MINIMAL_YAML.contains(from), "{from}");
    MINIMAL_YAML.replacen(from, to, 1)
}

/// Letters refused by each check of a figure, a note, the contact lines, the shape and the
/// guard: the minimal letter with one thing wrong, and a word of the English refusal.
fn refusals() -> Vec<(&'static str, String, &'static str)> {
    let figure = "            qualifier: 共\n";
    let with_figure_field = |field: &str| minimal_with(figure, &format!("{figure}{field}\n"));
    // `contact` takes a line or a list of them, and reads what it is given to tell which.
    let deep = format!("contact: {}{}\n", "[".repeat(80), "]".repeat(80));
    vec![
        ("value", minimal_with("value: 3\n", "value: 4\n"), "differs"),
        (
            "text without a unit",
            minimal_with("- text: 共3家\n", "- text: 共3\n"),
            "no unit after its number",
        ),
        (
            "text going on",
            minimal_with("- text: 共3家\n", "- text: 共3家企业\n"),
            "goes on after its unit",
        ),
        ("unit", minimal_with("unit: 家", "unit: 项"), "unit “项”"),
        (
            "kind",
            with_figure_field("            kind: percent"),
            "kind",
        ),
        (
            "qualifier",
            minimal_with("qualifier: 共", "qualifier: 近"),
            "qualifier “近”",
        ),
        (
            "unknown qualifier",
            minimal_with("qualifier: 共", "qualifier: 大约"),
            "unknown qualifier",
        ),
        (
            "dropped qualifier",
            minimal_with(figure, ""),
            "no qualifier",
        ),
        (
            "negative",
            minimal_with("value: 3\n", "value: -3\n"),
            "minus",
        ),
        (
            "decimals",
            minimal_with("value: 3\n", "value: 0.001\n"),
            "decimal places",
        ),
        (
            "whole",
            minimal_with("value: 3\n", "value: 3.5\n"),
            "whole number",
        ),
        (
            "too large",
            minimal_with("value: 180000000", "value: 1.0e16"),
            "larger than",
        ),
        (
            "period not stated",
            with_figure_field("            period: 2020"),
            "does not say",
        ),
        (
            "not a period",
            with_figure_field("            period: 某年"),
            "not a period",
        ),
        (
            "planned",
            with_figure_field("            status: planned"),
            "planned",
        ),
        (
            "money kind of a count",
            with_figure_field("            money_kind: paid"),
            "not money",
        ),
        (
            "part of nothing",
            with_figure_field("            part_of: 99家"),
            "no figure",
        ),
        (
            "money kind worded elsewhere",
            kind_worded_elsewhere(),
            "its clause",
        ),
        (
            "figure text empty",
            minimal_with("text: 共3家", "text: ''"),
            "empty",
        ),
        (
            "part of a longer number",
            minimal_with("text: 共3家", "text: 3家").replacen("共3家企业", "共33家企业", 1),
            "longer number",
        ),
        (
            "listed twice",
            minimal_with(
                "        points:",
                "          - {text: 共3家, value: 3, unit: 家, what: 又一次, qualifier: 共}\n        points:",
            ),
            "listed 2 times",
        ),
        (
            "note",
            format!("{MINIMAL_YAML}notes:\n  - {{text: 不在信中, note: 说明}}\n"),
            "does not occur",
        ),
        (
            "empty note",
            format!("{MINIMAL_YAML}notes:\n  - {{text: '', note: 说明}}\n"),
            "empty",
        ),
        (
            "contact",
            format!("{MINIMAL_YAML}contact_person: 张三\n"),
            "contact line",
        ),
        (
            "shape",
            format!("{MINIMAL_YAML}sections:\n  - paragraphs: [第一段。]\n"),
            "both suggestions and sections",
        ),
        ("nesting", format!("{MINIMAL_YAML}{deep}"), "nest"),
        (
            "date",
            minimal_with("date: \"2021-07-28\"", "date: \"2021-7-28\""),
            "not a date",
        ),
        (
            "comments",
            "# 一封答复函\n\n# 待写\n".to_string(),
            "only comments",
        ),
        (
            "day",
            minimal_with("date: \"2021-07-28\"", "date: \"2021-02-29\""),
            "the calendar does not have",
        ),
        (
            "month",
            minimal_with("date: \"2021-07-28\"", "date: \"2020-13-26\""),
            "month 13, which the calendar does not have",
        ),
        (
            "month 00",
            minimal_with("date: \"2021-07-28\"", "date: \"2020-00-26\""),
            "month 00, which the calendar does not have",
        ),
        (
            "day 00",
            minimal_with("date: \"2021-07-28\"", "date: \"2021-07-00\""),
            "has days 01 to 31",
        ),
        (
            "anchor",
            minimal_with("issuer: 某局\n", "issuer: &i 某局\n"),
            "anchors and aliases",
        ),
        (
            "alias",
            format!("{MINIMAL_YAML}disclosure: *x\n"),
            "unknown anchor",
        ),
        (
            "line break of YAML 1.1",
            minimal_with(
                "title: 某局关于某提案答复的函",
                "title: '某局\u{2028}  关于某提案答复的函'",
            ),
            "line break to YAML 1.1",
        ),
        (
            "more than one document",
            format!("{MINIMAL_YAML}---\n{MINIMAL_YAML}"),
            "more than one document",
        ),
    ]
}

/// The minimal letter whose 近1.8亿元 is marked paid, a word of paid money (补助) standing in the
/// clause before its own: 「共3家企业获补助，投入资金近1.8亿元。」
fn kind_worded_elsewhere() -> String {
    minimal_with("共3家企业参与", "共3家企业获补助").replacen(
        "            qualifier: 近\n",
        "            qualifier: 近\n            money_kind: paid\n",
        1,
    )
}

/// A kind of money that the figure's own clause does not word is refused at the
/// `money_kind`, with the clause and the words looked for there, in both languages.
#[test]
fn a_money_kind_its_clause_does_not_word_is_refused_quoting_the_clause() {
    let scratch = Scratch::new("money-kind-clause");
    let (zh, en) = refused_letter(&scratch, "kind", kind_worded_elsewhere());
    let place = ":32:25: suggestions[0].measures[0].figures[1].money_kind: ";
    let zh_said = "“近1.8亿元”标为补助的金额，但它所在的分句“投入资金近1.8亿元”没有以下任何一词：补助 扶持 贴息 拨付 奖励 支出\n";
    let en_said = "“近1.8亿元” is marked paid money, but its clause “投入资金近1.8亿元” says none of 补助 扶持 贴息 拨付 奖励 支出\n";
    assert!(zh.ends_with(&format!("kind.yaml{place}{zh_said}")), "{zh}");
    assert!(en.ends_with(&format!("kind.yaml{place}{en_said}")), "{en}");
}

/// A sum with no money_kind is read as the kind its `what` words, and a chart adds it so:
/// a `what` that words a kind its clause does not (研发补助 for 「投入资金近1.8亿元」), or
/// one that makes an amount per award money paid, is refused at the `what`, quoting the
/// clause, in both languages.
#[test]
fn a_kind_read_from_what_that_its_clause_does_not_word_is_refused() {
    let scratch = Scratch::new("money-kind-read");
    let what = |text: &str| {
        minimal_with("共3家企业参与", "共3家企业获补助")
            .replacen(
                "            what: 投入资金\n",
                "            what: 研发补助\n",
                1,
            )
            .replacen("投入资金近1.8亿元", text, 1)
    };
    let place = ":30:19: suggestions[0].measures[0].figures[1].what: ";
    let (zh, en) = refused_letter(&scratch, "read", what("投入资金近1.8亿元"));
    let zh_said = "“近1.8亿元”按 what“研发补助”读作补助的金额，但它所在的分句“投入资金近1.8亿元”没有以下任何一词：补助 扶持 贴息 拨付 奖励 支出；请写明 money_kind，或照分句的用词写 what\n";
    let en_said = "“近1.8亿元” reads as paid money from its what “研发补助”, but its clause “投入资金近1.8亿元” says none of 补助 扶持 贴息 拨付 奖励 支出: give it a money_kind, or word its what as the clause does\n";
    assert!(zh.ends_with(&format!("read.yaml{place}{zh_said}")), "{zh}");
    assert!(en.ends_with(&format!("read.yaml{place}{en_said}")), "{en}");
    let (zh, en) = refused_letter(&scratch, "per award", what("补助额度近1.8亿元"));
    let zh_said = "“近1.8亿元”按 what“研发补助”读作补助的金额，但它所在的分句“补助额度近1.8亿元”说“额度”，是每项的金额：请写 money_kind: per_award\n";
    let en_said = "“近1.8亿元” reads as paid money from its what “研发补助”, but its clause “补助额度近1.8亿元” says 额度, an amount per award: write money_kind: per_award\n";
    assert!(
        zh.ends_with(&format!("per-award.yaml{place}{zh_said}")),
        "{zh}"
    );
    assert!(
        en.ends_with(&format!("per-award.yaml{place}{en_said}")),
        "{en}"
    );
}

/// The line of the shipped letter's YAML where `lines` first begins, counted from 1.
fn line_of_first(lines: &str) -> usize {
    let at = LETTER_YAML
        .find(lines)
        .expect("the lines are in the letter");
    1 + LETTER_YAML.get(..at).unwrap_or_default().lines().count()
}

/// A sum written 最高 is a ceiling: marked paid because its clause says 补助
/// (「最高补助分别为300、200、100万元」), it is refused at its `money_kind`, in both languages.
#[test]
fn a_ceiling_marked_as_money_paid_is_refused() {
    let scratch = Scratch::new("money-kind-ceiling");
    let cap = "                qualifier: 最高\n                money_kind: cap\n";
    // The line of its money_kind, after its qualifier's.
    let line = line_of_first(cap) + 1;
    let yaml = LETTER_YAML.replacen(cap, &cap.replace("cap", "paid"), 1);
    let (zh, en) = refused_letter(&scratch, "ceiling", yaml);
    let place = format!(
        "ceiling.yaml:{line}:29: suggestions[4].measures[0].points[0].figures[3].money_kind: "
    );
    let zh_said = "“300、200、100万元”写作“最高”，是上限：money_kind 应写 cap，而不是补助\n";
    let en_said =
        "“300、200、100万元” is written 最高, a ceiling: its money_kind is cap, not paid\n";
    assert!(zh.ends_with(&format!("{place}{zh_said}")), "{zh}");
    assert!(en.ends_with(&format!("{place}{en_said}")), "{en}");
}

/// A sum whose clause says 额度 is an amount per award: marked paid because the clause says
/// 补助 too (「补助额度分别为80、60、40万元」), it is refused at its `money_kind`, quoting the
/// clause, in both languages; the letter as shipped (per_award) passes.
#[test]
fn an_amount_per_award_marked_as_money_paid_is_refused() {
    let scratch = Scratch::new("money-kind-per-award");
    let per_award = "                money_kind: per_award\n";
    let line = line_of_first(per_award);
    let yaml = LETTER_YAML.replacen(per_award, &per_award.replace("per_award", "paid"), 1);
    let (zh, en) = refused_letter(&scratch, "per-award", yaml);
    let place = format!(
        "per-award.yaml:{line}:29: suggestions[4].measures[0].points[0].figures[0].money_kind: "
    );
    let clause = "补助额度分别为80、60、40万元";
    let zh_said = format!(
        "“80、60、40万元”标为补助的金额，但它所在的分句“{clause}”说“额度”，是每项的金额：money_kind 应写 per_award\n"
    );
    let en_said = format!(
        "“80、60、40万元” is marked paid money, but its clause “{clause}” says 额度, an amount per award: its money_kind is per_award\n"
    );
    assert!(zh.ends_with(&format!("{place}{zh_said}")), "{zh}");
    assert!(en.ends_with(&format!("{place}{en_said}")), "{en}");
}

/// An end of a range of amounts (「每家补助1至1.8亿元」) is no sum: read as money paid from its
/// `what`, or marked so, a chart would add it, and it is refused at that field, naming the
/// range, in both languages. Its last end marked cap, the most the range allows, passes.
#[test]
fn an_end_of_a_range_of_amounts_given_a_kind_that_adds_up_is_refused() {
    let scratch = Scratch::new("money-kind-range");
    let ranged = |paragraph: &str, text: &str, kind: &str| {
        minimal_with("投入资金近1.8亿元", paragraph)
            .replacen("- text: 近1.8亿元\n", &format!("- text: {text}\n"), 1)
            .replacen(
                "            what: 投入资金\n",
                "            what: 每家补助\n",
                1,
            )
            .replacen("            qualifier: 近\n", kind, 1)
    };
    let (zh, en) = refused_letter(
        &scratch,
        "upper",
        ranged("每家补助1至1.8亿元", "1.8亿元", ""),
    );
    let place = ":30:19: suggestions[0].measures[0].figures[1].what: ";
    let zh_said = "“1.8亿元”按 what“每家补助”读作补助的金额，但它是范围“1至1.8亿元”的一端，不是可以相加的数：money_kind 应写 cap，即范围允许的最高额\n";
    let en_said = "“1.8亿元” reads as paid money from its what “每家补助”, but it is an end of the range “1至1.8亿元”, which is no sum: its money_kind is cap, the most the range allows\n";
    assert!(zh.ends_with(&format!("upper.yaml{place}{zh_said}")), "{zh}");
    assert!(en.ends_with(&format!("upper.yaml{place}{en_said}")), "{en}");
    let paid = "            money_kind: paid\n";
    let lower = ranged("每家补助1.8亿元至2亿元", "1.8亿元", paid);
    let (zh, en) = refused_letter(&scratch, "lower", lower);
    let place = ":31:25: suggestions[0].measures[0].figures[1].money_kind: ";
    let zh_said = "“1.8亿元”标为补助的金额，但它是范围“1.8亿元至2亿元”的一端，不是可以相加的数：请去掉 money_kind，what 也不要写出金额的种类\n";
    let en_said = "“1.8亿元” is marked paid money, but it is an end of the range “1.8亿元至2亿元”, which is no sum: give it no money_kind, and a what that names no kind of money\n";
    assert!(zh.ends_with(&format!("lower.yaml{place}{zh_said}")), "{zh}");
    assert!(en.ends_with(&format!("lower.yaml{place}{en_said}")), "{en}");
    // Both ends with their units (the README's 「600元至1200元」), and full-width digits.
    for (n, paragraph) in [
        "每家补助1亿元至1.8亿元",
        "每家补助１至1.8亿元",
        "每家补助一至1.8亿元",
    ]
    .iter()
    .enumerate()
    {
        let (zh, en) = refused_letter(
            &scratch,
            &format!("unit {n}"),
            ranged(paragraph, "1.8亿元", paid),
        );
        assert!(
            zh.contains("的一端，不是可以相加的数：money_kind 应写 cap"),
            "{zh}"
        );
        assert!(
            en.contains("which is no sum: its money_kind is cap"),
            "{en}"
        );
    }
    let cap = "            money_kind: cap\n";
    for (n, paragraph) in ["每家补助1至1.8亿元", "每家补助1亿元至1.8亿元"]
        .iter()
        .enumerate()
    {
        let path = scratch.write(&format!("cap-{n}.yaml"), ranged(paragraph, "1.8亿元", cap));
        let out = run(["check", &path.display().to_string()]);
        assert_eq!(out.code(), Some(0), "{paragraph}: {out:?}");
    }
}

/// Letters with a value of the wrong type where each of the schema's mappings and choices is
/// expected, and the Chinese name the refusal gives what was expected.
fn wrong_types() -> Vec<(&'static str, String, &'static str)> {
    let figure = "            qualifier: 共\n";
    let with_figure_field = |field: &str| minimal_with(figure, &format!("{figure}{field}\n"));
    // A number as the list's first item, indented two more than the list's key.
    let first = |list: &str| {
        let indent = " ".repeat(list.len() - list.trim_start().len() + 2);
        minimal_with(list, &format!("{list}{indent}- 5\n"))
    };
    vec![
        ("letter", "- 5\n".to_string(), "应是一封答复函（映射）"),
        (
            "proposal",
            minimal_with(
                "proposal:\n  number: 1\n  session: 某会议\n  title: 关于某事的建议\n",
                "proposal: 5\n",
            ),
            "应是提案（映射）",
        ),
        (
            "suggestion",
            first("suggestions:\n"),
            "应是一条建议（映射）",
        ),
        ("measure", first("    measures:\n"), "应是一项措施（映射）"),
        ("point", first("        points:\n"), "应是一个要点（映射）"),
        (
            "figure",
            first("        figures:\n"),
            "应是一个数字（映射）",
        ),
        (
            "signature",
            minimal_with(
                "signature:\n  issuer: 某局\n  date: \"2021-07-28\"\n",
                "signature: 5\n",
            ),
            "应是落款（映射）",
        ),
        (
            "erratum",
            format!("{MINIMAL_YAML}errata: [5]\n"),
            "应是一条勘误（映射）",
        ),
        (
            "note",
            format!("{MINIMAL_YAML}notes: [5]\n"),
            "应是一条注释（映射）",
        ),
        (
            "section",
            format!("{MINIMAL_YAML}sections: [5]\n"),
            "应是一节（映射）",
        ),
        (
            "status",
            with_figure_field("            status: [1]"),
            "应是done、planned 或 design 之一",
        ),
        (
            "kind",
            with_figure_field("            kind: [1]"),
            "应是money、count、measure 或 percent 之一",
        ),
        (
            "money kind",
            with_figure_field("            money_kind: [1]"),
            "应是approved、allocated、paid、fund、running_total、cap、per_award 或 outcome 之一",
        ),
    ]
}

#[test]
fn a_value_of_the_wrong_type_is_refused_with_the_schemas_name_for_what_belongs_there() {
    let scratch = Scratch::new("wrong-types");
    for (what, yaml, chinese) in wrong_types() {
        let (zh, en) = refused_letter(&scratch, what, yaml);
        assert!(zh.contains(chinese), "{what}: {zh}");
        // The schema's words in English too, not the program's type names.
        assert!(en.contains("invalid type"), "{what}: {en}");
        assert!(
            !en.contains("struct ") && !en.contains("enum "),
            "{what}: {en}"
        );
    }
}

#[test]
fn an_unknown_field_is_refused_with_every_field_the_letter_takes() {
    let scratch = Scratch::new("unknown-field");
    let (_, en) = refused_letter(
        &scratch,
        "unknown field",
        format!("colour: red\n{MINIMAL_YAML}"),
    );
    for field in ["`classification`", "`suggestions`", "`sections`", "`notes`"] {
        assert!(en.contains(field), "{field} missing: {en}");
    }
    assert!(!en.contains(" … "), "not cut short: {en}");
}

#[test]
fn a_mistyped_value_of_a_megabyte_is_quoted_by_its_start() {
    let scratch = Scratch::new("long-value");
    let value = "长".repeat(400_000);
    let yaml = minimal_with(
        "proposal:\n  number: 1\n  session: 某会议\n  title: 关于某事的建议\n",
        &format!("proposal: {value}\n"),
    );
    let (zh, en) = refused_letter(&scratch, "a long value", yaml);
    let start = format!("\"{}…\"", "长".repeat(60));
    for message in [&zh, &en] {
        // The value's start, then what belongs there, whole.
        assert!(message.contains(&start), "{message:.200}");
        let count = message.chars().count();
        assert!(count < 300, "{count} characters");
    }
    assert!(en.ends_with("expected a proposal (a mapping)\n"), "{en}");
    assert!(zh.ends_with("应是提案（映射）\n"), "{zh}");
}

#[test]
fn a_long_unknown_choice_is_quoted_by_its_start_and_the_choices_whole() {
    let scratch = Scratch::new("long-variant");
    let figure = "            qualifier: 共\n";
    let value = "长".repeat(2000);
    let yaml = minimal_with(
        figure,
        &format!("{figure}            money_kind: {value}\n"),
    );
    let (zh, en) = refused_letter(&scratch, "a long choice", yaml);
    let start = format!("`{}…`", "长".repeat(60));
    // The choices whole, listed as each language lists them.
    for (message, last) in [
        (&zh, "`per_award`、`outcome`"),
        (&en, "`per_award`, `outcome`"),
    ] {
        assert!(message.contains(&start), "{message:.200}");
        assert!(message.trim_end().ends_with(last), "{message}");
    }
    assert!(zh.contains("未知的取值"), "{zh}");
}

#[test]
fn each_choice_the_schema_names_for_a_wrong_type_is_one_it_takes() {
    let scratch = Scratch::new("choices");
    let figure = "            qualifier: 共\n";
    let with_field = |field: &str| minimal_with(figure, &format!("{figure}{field}\n"));
    let refusal = |name: &str, yaml: String| {
        let path = scratch.write(name, yaml);
        run(["--lang", "en", "check", &path.display().to_string()]).stderr()
    };
    for field in ["status", "kind", "money_kind"] {
        // serde's own list of the variants, and the list the schema's words give.
        let unknown = refusal(
            "unknown.yaml",
            with_field(&format!("            {field}: nonesuch")),
        );
        let wrong = refusal(
            "wrong.yaml",
            with_field(&format!("            {field}: [1]")),
        );
        let taken: Vec<String> = unknown
            .split('`')
            .skip(3)
            .step_by(2)
            .map(str::to_string)
            .collect();
        let named: Vec<String> = wrong
            .trim_end()
            .rsplit("expected one of ")
            .next()
            .unwrap_or_default()
            .split(", ")
            .map(str::to_string)
            .collect();
        assert!(!taken.is_empty(), "{unknown}");
        assert_eq!(named, taken, "{field}: {wrong}\n{unknown}");
    }
}

#[test]
fn every_check_of_a_letter_refuses_in_the_interface_language() {
    let scratch = Scratch::new("refusals-in-both");
    for (what, yaml, english) in refusals() {
        let (_, en) = refused_letter(&scratch, what, yaml);
        assert!(en.contains(english), "{what}: the refusal meant: {en}");
    }
}

/// `dafu import` of `text`, in `lang` when given.
fn import(text: &str, lang: Option<&str>) -> Output {
    let mut args = vec!["import", text];
    if let Some(lang) = lang {
        args.splice(0..0, ["--lang", lang]);
    }
    let out = run(&args);
    assert_eq!(out.code(), Some(0), "{out:?}");
    out
}

#[test]
fn the_import_report_and_its_warnings_are_in_the_interface_language() {
    let transcript = "content/source/zhongshan-kjj-2021-142.txt";
    let zh = import(transcript, None).stderr();
    for heading in [
        "dafu import：5 条建议，15 项措施（3、2、4、3、3），18 个要点，56 个数字，",
        "勘误（请逐条对照 PDF 核对）：",
        "  ? 疑似，未改： 「围绕我市战战略性新兴产业」",
        "五（一）二是: 超87亿元 = 8700000000 元",
        "注意：用中文数字写的数字短语，未作为数字收录（是数据的请补上）：四个、八项",
    ] {
        assert!(zh.contains(heading), "{heading}\n{zh}");
    }
    for line in zh.lines() {
        let words = english_words(line);
        assert!(words.is_empty(), "English {words:?} in: {line}");
    }
    let en = import(transcript, Some("en")).stderr();
    assert!(
        en.starts_with("dafu import: 5 suggestions, 15 measures (3, 2, 4, 3, 3), 18 points"),
        "{en}"
    );
    assert!(
        en.contains("warning: figure phrases in Chinese numerals"),
        "{en}"
    );

    // A letter that lacks its header and its parts: the warnings that say so.
    let scratch = Scratch::new("import-warnings");
    let bare = scratch.write("bare.txt", "某委员：\n\n正文说了一件事。\n");
    let bare = bare.display().to_string();
    let zh = import(&bare, None).stderr();
    assert!(
        zh.contains("注意：原文没有这些项（草稿中已略去；PDF 中有的请补上）：classification、"),
        "{zh}"
    );
    assert!(zh.contains("注意：没有找到编号的部分"), "{zh}");
    // No suggestion: no list of each one's measures, not an empty pair of brackets.
    assert!(
        zh.starts_with("dafu import：0 条建议，0 项措施，0 个要点，"),
        "{zh}"
    );
    let en = import(&bare, Some("en")).stderr();
    assert!(
        en.starts_with("dafu import: 0 suggestions, 0 measures, 0 points, "),
        "{en}"
    );
    assert!(
        en.contains("warning: not in the letter (left out of the draft; add any the PDF has): classification, "),
        "{en}"
    );
    assert!(en.contains("warning: no numbered parts"), "{en}");
}

#[test]
fn a_suggestion_without_a_verdict_is_warned_of_in_the_interface_language() {
    let scratch = Scratch::new("import-no-verdict");
    let text = scratch.write(
        "no-verdict.txt",
        "某委员：\n\n您的建议收悉。现答复如下：\n\n一、关于某事的建议\n\n我们做了一些工作。\n\n特此函复。\n",
    );
    let text = text.display().to_string();
    let zh = import(&text, None).stderr();
    assert!(
        zh.contains("注意：一、关于某事的建议：没有找到答复意见"),
        "{zh}"
    );
    let en = import(&text, Some("en")).stderr();
    assert!(
        en.contains("warning: 一、关于某事的建议: no verdict"),
        "{en}"
    );
}

/// A file that cannot be read, in a folder (`check DIR`) and alone: the system's reason in
/// the interface's language, the path kept.
#[cfg(unix)]
#[test]
fn the_systems_reason_is_said_in_the_interface_language() {
    let scratch = Scratch::new("system-reason");
    // A folder that names itself as a letter file: read as one, the system says why not.
    let letter = scratch.path().join("loop.yaml");
    std::os::unix::fs::symlink(&letter, &letter).expect("a symbolic link to itself");
    let path = letter.display().to_string();
    let zh = run(["check", &path]).assert_refused(&format!("{path}: "));
    assert!(zh.contains("符号链接层数太多"), "{zh}");
    // The words after the path: a scratch folder's random name may spell one (`1Of07l`).
    assert!(english_words(&zh.replace(&path, "")).is_empty(), "{zh}");
    let en = run(["--lang", "en", "check", &path]).assert_refused(&format!("{path}: "));
    assert!(en.contains("Too many levels of symbolic links"), "{en}");
}

/// `text` without what it quotes in `'…'` (the arguments) and `<…>` (the usage's names).
fn without_arguments(text: &str) -> String {
    let mut out = String::new();
    let mut closing: Option<char> = None;
    for c in text.chars() {
        match closing {
            Some(close) if c == close => closing = None,
            Some(_) => {}
            None => match c {
                '\'' => closing = Some('\''),
                '<' => closing = Some('>'),
                _ => out.push(c),
            },
        }
    }
    out
}

#[test]
fn a_usage_error_is_said_in_the_interface_language() {
    for args in [
        vec!["--foo"],
        vec!["outline", "--depth", "0"],
        vec!["figures", "--format", "yaml"],
        vec!["search"],
        vec!["search", ""],
    ] {
        let zh = run(&args);
        assert_eq!(zh.code(), Some(2), "{args:?}: {zh:?}");
        let zh = zh.stderr();
        assert!(zh.starts_with("错误："), "{args:?}: {zh}");
        let words = english_words(&without_arguments(&zh));
        assert!(words.is_empty(), "{args:?}: English {words:?} in: {zh}");
        // Asked for in English, however it is asked, even when the rest cannot be read.
        let mut en_args = vec!["--lang", "en"];
        en_args.extend(&args);
        let en = run(&en_args).stderr();
        assert!(en.starts_with("error: "), "{args:?}: {en}");
        let mut equals = vec!["--lang=en"];
        equals.extend(&args);
        assert!(run(&equals).stderr().starts_with("error: "), "{args:?}");
    }
}

#[test]
fn a_shelfs_refused_letter_is_listed_with_its_reason_in_the_interface_language() {
    let scratch = Scratch::new("shelf-refused");
    let bad = std::fs::read(fixture("bad/wrong-type.yaml")).expect("the fixture");
    std::fs::create_dir(scratch.path().join("letters")).expect("a folder of letters");
    scratch.write("letters/wrong-type.yaml", bad);
    scratch.write("letters/minimal.yaml", MINIMAL_YAML);
    let folder = scratch.path().join("letters").display().to_string();
    let cache = scratch.path().join("cache").display().to_string();
    let list = |lang: &str| {
        let mut command = binary::dafu(["--lang", lang, "list", &folder, "--format", "json"]);
        command.env("XDG_CACHE_HOME", &cache);
        let out = binary::run_command(&mut command);
        assert_eq!(out.code(), Some(0), "{out:?}");
        out.stdout()
    };
    // Cold, then warm: the cache keeps the refusal, and it is said in the language asked.
    for _ in 0..2 {
        let zh = list("zh");
        assert!(
            zh.contains("wrong-type.yaml:13:14: suggestions: 类型不对：这里是整数 `5`，应是列表"),
            "{zh}"
        );
        let en = list("en");
        assert!(
            en.contains(
                "wrong-type.yaml:13:14: suggestions: invalid type: integer `5`, expected a sequence"
            ),
            "{en}"
        );
    }
}
