//! `dafu import` on the header and the signature in the forms offices write them: the date the
//! signature ends with (`二○二三年一月五日` with its zero typed as a circle, `2023.1.5`…), a
//! date of a day the calendar does not have, and the document number with its `签发人` on
//! one line. Each asserts what a reviewer checks: the draft's fields, its notes and errata,
//! and the report's words.

use dafu::import::{Imported, Warning, import, report, to_yaml};
use dafu::letter::tree::{BlockKind, LetterTree};
use dafu::letter::{Letter, load};
use dafu::strings::Lang;

/// Imports `text` and passes the draft through the loader, as `dafu check` would: the
/// import, the draft's YAML and the letter read back from it.
fn drafted(text: &str) -> (Imported, String, Letter) {
    let imported = import(text).unwrap_or_else(|e| panic!("import failed: {e:?}"));
    let yaml = to_yaml(&imported, "test.txt");
    let checked = load::parse(&yaml, "draft")
        .unwrap_or_else(|e| panic!("the draft fails check: {e}\n{yaml}"));
    (imported, yaml, checked)
}

/// The review report as `dafu import` writes it to standard error.
fn report_in(imported: &Imported, lang: Lang) -> String {
    let mut out = Vec::new();
    report::write(imported, lang, &mut out).expect("the report is written");
    String::from_utf8(out).expect("UTF-8")
}

/// A reply that ends with its closing, then `ending` (the signing body, the date…).
fn reply_ending(ending: &str) -> String {
    format!(
        "某某县水利局\n关于县政协十届二次会议第08号提案的答复\n孙丽委员：\n    \
         您提出的《关于加强农村饮水安全的提案》收悉，现答复如下：我局已将其列入年度计划。\n\
         感谢您的关心。\n{ending}\n"
    )
}

#[test]
fn a_date_in_the_forms_offices_write_it_ends_the_signature() {
    for date in [
        "二○二三年一月五日",
        "二O二三年一月五日",
        "二0二三年一月五日",
        "二零二三年一月五日",
        "2023.1.5",
        "2023-01-05",
        "2023/1/5",
    ] {
        let (imported, yaml, letter) = drafted(&reply_ending(&format!("某某县水利局\n{date}")));
        assert_eq!(
            letter.signature.issuer.as_deref(),
            Some("某某县水利局"),
            "{date}"
        );
        assert_eq!(
            letter.signature.date.as_deref(),
            Some("2023-01-05"),
            "{date}"
        );
        assert_eq!(letter.closing, ["感谢您的关心。"], "{date}");
        assert_eq!(
            letter.opening,
            ["您提出的《关于加强农村饮水安全的提案》收悉，现答复如下：我局已将其列入年度计划。"],
            "{date}"
        );
        assert!(letter.notes.is_empty(), "{date}: {:?}", letter.notes);
        assert!(!yaml.contains("stops mid-sentence"), "{date}:\n{yaml}");
        let said = report_in(&imported, Lang::En);
        assert!(!said.contains("mid-sentence"), "{date}:\n{said}");
    }
}

/// `2023年2月30日` is written as the letter's date, of a day February has not: it is not
/// taken as the date, nor left in the letter's text as words a text cut short stops with;
/// it is kept as written, and the report names its line and says what is wrong, in the words
/// `dafu check` refuses such a date with.
#[test]
fn a_date_the_calendar_does_not_have_is_named_with_its_line_and_kept_as_written() {
    let (imported, yaml, letter) = drafted(&reply_ending("某某县水利局\n2023年2月30日"));
    assert_eq!(letter.signature.issuer.as_deref(), Some("某某县水利局"));
    assert_eq!(letter.signature.date, None);
    assert_eq!(letter.other_lines, ["2023年2月30日"]);
    assert_eq!(letter.closing, ["感谢您的关心。"]);
    assert!(letter.notes.is_empty(), "{:?}", letter.notes);
    let said = report_in(&imported, Lang::En);
    assert!(
        said.contains(
            "warning: line 7, 「2023年2月30日」, is not a valid date (“2023-02-30” is a \
             day the calendar does not have: month 2 of 2023 has days 01 to 28): not taken as \
             the signature's date; the line is kept as written in other_lines"
        ),
        "{said}"
    );
    assert!(!said.contains("mid-sentence"), "{said}");
    // Its own warning says what is wrong with the date: not that the letter has none.
    assert!(
        !said.contains("signature.date"),
        "the date is no lack of the letter:\n{said}"
    );
    assert!(
        yaml.contains("# Line 7, 「2023年2月30日」, is not a valid date"),
        "{yaml}"
    );
    assert!(!yaml.contains("stops mid-sentence"), "{yaml}");
    let zh = report_in(&imported, Lang::Zh);
    assert!(
        zh.contains(
            "第 7 行「2023年2月30日」不是有效的日期（“2023-02-30”这一天不存在：2023 年 2 月只有 01 至 28 日）"
        ),
        "{zh}"
    );
    // Month 13, with no signing body before it.
    let (imported, _, letter) = drafted(&reply_ending("2023年13月5日"));
    assert_eq!(letter.other_lines, ["2023年13月5日"]);
    assert!(letter.notes.is_empty(), "{:?}", letter.notes);
    let said = report_in(&imported, Lang::En);
    assert!(
        said.contains("line 6, 「2023年13月5日」, is not a valid date (“2023-13-05” has month 13"),
        "{said}"
    );
}

/// A text that stops at `2023年1月5日印发` is noted where it stops, quoting whole numbers:
/// the quotation had begun inside the year (「023年1月5日印发」).
#[test]
fn a_note_where_the_text_stops_quotes_whole_numbers() {
    let (imported, _, letter) = drafted(&reply_ending("2023年1月5日印发"));
    let texts: Vec<&str> = letter.notes.iter().map(|n| n.text.as_str()).collect();
    assert_eq!(texts, ["2023年1月5日印发"]);
    let said = report_in(&imported, Lang::En);
    assert!(
        said.contains("(compare with the PDF): …2023年1月5日印发"),
        "{said}"
    );
    assert!(
        (imported.warnings.iter())
            .any(|w| *w == Warning::EndsMidSentence("…2023年1月5日印发".into())),
        "{:?}",
        imported.warnings
    );
}

/// The reply of the bug report: its document number and `签发人` on one line, `gap` between
/// them.
fn reply_signed_on_the_numbers_line(number: &str, gap: &str) -> String {
    format!(
        "某某县人民政府办公室\n{number}{gap}签发人：李华\n\
         关于县政协十届二次会议第08号提案的答复\n孙丽委员：\n    \
         您提出的《关于加强农村饮水安全的提案》收悉，现答复如下：……\n"
    )
}

/// `签发人：李华` after the document number on its line is read as it is on a line of its own:
/// the line is no addressee, and keeps its spaces (a header line's, not the letter's wording).
#[test]
fn a_document_number_and_its_signer_on_one_line_are_read_as_the_header() {
    for (number, gap) in [
        ("某政办函〔2023〕5号", " "),
        ("某政办函〔2023〕5号", "\t"),
        ("某政办函〔2023〕5号", "            "),
        ("某政办函[2023]5号", " "),
    ] {
        let (_, _, letter) = drafted(&reply_signed_on_the_numbers_line(number, gap));
        let case = format!("{number}{gap:?}");
        assert_eq!(
            letter.issuer.as_deref(),
            Some("某某县人民政府办公室"),
            "{case}"
        );
        assert_eq!(letter.doc_number.as_deref(), Some(number), "{case}");
        assert_eq!(letter.issued_by.as_deref(), Some("李华"), "{case}");
        assert_eq!(
            letter.title.as_deref(),
            Some("关于县政协十届二次会议第08号提案的答复"),
            "{case}"
        );
        assert_eq!(letter.addressee.as_deref(), Some("孙丽委员"), "{case}");
        assert_eq!(letter.proposal.number.as_deref(), Some("08"), "{case}");
        assert_eq!(
            letter.proposal.title.as_deref(),
            Some("关于加强农村饮水安全的提案"),
            "{case}"
        );
        assert_eq!(
            letter.opening,
            ["您提出的《关于加强农村饮水安全的提案》收悉，现答复如下：……"],
            "{case}"
        );
        assert!(letter.errata.is_empty(), "{case}: {:?}", letter.errata);
    }
}

/// A line set apart by a wide gap, wider than the page's lines of text, is no full line of
/// the measure: the text's hard wraps are still joined (they were left as lines when the
/// gap made the line the widest of the text), and the line joins nothing.
#[test]
fn a_header_line_set_apart_by_a_wide_gap_leaves_the_texts_wraps_joined() {
    let gap = " ".repeat(30);
    let text = format!(
        "某某县人民政府办公室\n某政办函〔2023〕5号{gap}签发人：李华\n\
         关于县政协十届二次会议第08号提案的答复\n孙丽委员：\n\
         \x20   您提出的《关于加强农村饮水安全的提案》收悉，现答\n\
         复如下：我县高度重视农村饮水安全工作，今年投入资金\n\
         三百万元，新建水厂两座，解决了三千人的饮水问题，群\n\
         众满意。\n\
         \x20   感谢您对我县工作的关心和支持。\n\
         某某县人民政府办公室\n2023年1月5日\n"
    );
    let (_, _, letter) = drafted(&text);
    assert_eq!(letter.issued_by.as_deref(), Some("李华"));
    assert_eq!(
        letter.title.as_deref(),
        Some("关于县政协十届二次会议第08号提案的答复")
    );
    assert_eq!(
        letter.opening,
        [
            "您提出的《关于加强农村饮水安全的提案》收悉，现答复如下：我县高度重视农村饮水安全工作，\
             今年投入资金三百万元，新建水厂两座，解决了三千人的饮水问题，群众满意。"
        ]
    );
    assert_eq!(letter.closing, ["感谢您对我县工作的关心和支持。"]);
}

/// 神木's letter with `签发人：高继强` after its document number, which heads it: the header
/// is read as from the letter as published (the signer on a line of its own), and the
/// change of order is recorded with the signer on the line the reader shows it on, under
/// which the reader sets the record.
#[test]
fn shenmus_letter_with_its_signer_on_the_numbers_line_reads_as_published() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/real-letters/shenmu-linye-2022.txt"
    );
    let published = std::fs::read_to_string(path).expect("the fixture");
    let one_line = published.replacen(
        "神林函〔2022〕31号\n\n神木市林业局\n\n类 别： B\n\n签发人：高继强",
        "神林函〔2022〕31号 签发人：高继强\n\n神木市林业局\n\n类 别： B",
        1,
    );
    assert_ne!(one_line, published, "the fixture's header has changed");
    let (_, _, as_published) = drafted(&published);
    let (_, _, letter) = drafted(&one_line);
    assert_eq!(letter.doc_number.as_deref(), Some("神林函〔2022〕31号"));
    assert_eq!(letter.issued_by.as_deref(), Some("高继强"));
    assert_eq!(letter.addressee.as_deref(), Some("李敏代表"));
    assert_eq!(letter.header_lines(), as_published.header_lines());
    assert_eq!(letter.opening, as_published.opening);
    let layout = (letter.errata.iter())
        .find(|e| e.note.starts_with("版式：页首各行"))
        .expect("the change of order recorded");
    assert_eq!(
        layout.original,
        "神林函〔2022〕31号 签发人：高继强\n神木市林业局\n类 别： B"
    );
    assert_eq!(
        layout.corrected,
        "类 别： B\n神木市林业局\n神林函〔2022〕31号\n签发人：高继强"
    );
    let tree = LetterTree::new(letter);
    let under = (tree.blocks.iter().enumerate())
        .find(|(_, b)| b.kind == BlockKind::Editorial && b.text.contains("版式：页首各行"))
        .and_then(|(at, _)| {
            tree.blocks[..at]
                .iter()
                .rev()
                .find(|b| b.kind != BlockKind::Editorial)
        })
        .expect("the record under a line");
    assert_eq!(under.text, "签发人：高继强");
}

/// The proposal's title written without quotation marks (「您提出的关于加快农村公路建设的建议
/// 收悉」) is read as a quoted one is: it had been reported missing, and the draft said the
/// letter has none. Words about the addressee (关于您提出的…) or running past a clause are no
/// title, and are still reported.
#[test]
fn a_proposal_title_without_quotation_marks_is_read() {
    let reply = |opening: &str| {
        format!(
            "某县交通运输局\n关于县人大十届二次会议第3号建议的答复\n王丽代表：\n    {opening}\n\
             感谢您的关心。\n某县交通运输局\n2023年1月5日\n"
        )
    };
    for (opening, title) in [
        (
            "您提出的关于加快农村公路建设的建议收悉，现答复如下：",
            "关于加快农村公路建设的建议",
        ),
        (
            "您在县政协十届二次会议上提出的关于加强农村饮水安全的提案收悉。",
            "关于加强农村饮水安全的提案",
        ),
        (
            "您提出的《关于加快农村公路建设的建议》收悉，关于资金的建议另行答复。",
            "关于加快农村公路建设的建议",
        ),
        (
            "您提出的关于奋力打造乡村旅游，切实增加农民收入的建议收悉，现函复如下：",
            "关于奋力打造乡村旅游，切实增加农民收入的建议",
        ),
    ] {
        let (imported, yaml, letter) = drafted(&reply(opening));
        assert_eq!(letter.proposal.title.as_deref(), Some(title), "{opening}");
        let report = report_in(&imported, Lang::En);
        assert!(!report.contains("proposal.title"), "{report}");
        assert!(!yaml.contains("proposal.title"), "{yaml}");
    }
    for opening in [
        "关于您提出的加快农村公路建设的建议，现答复如下：",
        "关于这一问题，我局高度重视，现就您的建议答复如下：",
        "关于此事，经研究，现对代表的建议答复如下：",
    ] {
        let (imported, _, letter) = drafted(&reply(opening));
        assert_eq!(letter.proposal.title, None, "{opening}");
        let report = report_in(&imported, Lang::En);
        assert!(report.contains("proposal.title"), "{report}");
    }
}
