//! `dafu import` on random text: it never panics, and whatever it drafts passes `dafu check`.

use dafu::import::{import, to_yaml};
use dafu::letter::load;
use proptest::prelude::*;
use proptest::sample::select;

/// Pieces a reply letter's body is made of, artifacts included: ordinals, enumerators, bold
/// marks, figures with hedges and lists, numbers in 万 with no unit after them (whose notes
/// quote the words around them), spaces, page breaks, punctuation, Latin, full-width digits,
/// a repeated character, escape sequences.
const PIECES: &[&str] = &[
    "一、",
    "二、",
    "三、",
    "十一、",
    "（一）",
    "(二) ",
    "（ 三 ）",
    "一是",
    "二是",
    "三是",
    "**",
    "关于",
    "建议",
    "吸取采纳该建议。",
    "我市",
    "企业",
    "资金",
    "共",
    "近",
    "超过",
    "超",
    "约",
    "最高",
    "累计",
    "公共",
    "100",
    "3.3",
    "80、60、40",
    "２０２０",
    "万元",
    "亿元",
    "万",
    "1.2万",
    "余",
    "家",
    "项",
    "个",
    "%",
    "年",
    "2020年",
    "近5年",
    "目前",
    "将",
    "计划",
    " ",
    "  ",
    "\u{3000}",
    "\n",
    "\n\n",
    "\r\n",
    "\u{c}",
    "。",
    "，",
    "：",
    "；",
    "、",
    "“",
    "”",
    "《",
    "》",
    "德国",
    "VDE",
    "5G",
    "战",
    "战略",
    "優勢",
    "支持支持",
    "- 2 -",
    "\u{1b}[31m",
    "\u{202e}",
    "综合而言，",
    "专此答复。",
];

fn body() -> impl Strategy<Value = String> {
    prop::collection::vec(select(PIECES), 0..120).prop_map(|pieces| pieces.concat())
}

const HEADER: &str =
    "(A类)\n\n某局\n\n某函〔2021〕1号\n\n某局关于某会议提案第1号答复的函\n\n某委员：\n\n";
const FOOTER: &str =
    "\n\n某局\n2021年7月28日\n\n(联系人及电话：某，1)\n\n公开方式：主动公开\n\n抄送：某。\n";

/// Bodies random runs found whose drafts `dafu check` refused, each kept here so that it is
/// tried on every run: a hedge before a paragraph break (共 / 100万元), a list that states a
/// value twice, full-width digits before a line break, a year listed twice, a list written
/// twice with a year before the second (each of its figures is dated where it stands), a
/// figure written again inside another's text (共100% … 2020年100%: the second stands alone),
/// a figure written again where no figure was taken (二、3.3万元 … 2020年3.3万元: which place
/// it means is not told, and it is read in its whole paragraph).
#[test]
fn bodies_that_once_drafted_a_refused_letter_now_pass_check() {
    for body in [
        "共\n100万元一、",
        "80、60、4080、60、40万元",
        "２０２０\r\n100万元",
        "2020、2020支",
        "3.33.3万元",
        "（一）3.3家",
        "二、100\u{202e}80、60、40万元",
        "万元80、60、40个\r\n2020年80、60、40个",
        "共100%\n2020年100%",
        "共3.3亿元。3.3亿元累计",
        "二、3.3万元\n2020年3.3万元",
        "80、60、40万元\n80、60、40万元累计",
    ] {
        let text = format!("{HEADER}{body}{FOOTER}");
        let imported = import(&text).expect("a letter with a header and a date imports");
        let yaml = to_yaml(&imported, "random");
        if let Err(e) = load::parse(&yaml, "draft") {
            panic!("{body:?}: the draft fails check: {e}\n--- yaml:\n{yaml}");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// A letter's frame around a random body imports, and the draft passes check.
    #[test]
    fn a_random_body_drafts_a_letter_that_passes_check(body in body()) {
        let text = format!("{HEADER}{body}{FOOTER}");
        let imported = import(&text).expect("a letter with a header and a date imports");
        let yaml = to_yaml(&imported, "random");
        if let Err(e) = load::parse(&yaml, "draft") {
            panic!("the draft fails check: {e}\n--- text:\n{text:?}\n--- yaml:\n{yaml}");
        }
        prop_assert_eq!(imported.letter.signature.date.as_deref(), Some("2021-07-28"));
        prop_assert_eq!(imported.letter.disclosure.as_deref(), Some("公开方式：主动公开"));
    }

    /// Any text at all: an error or a draft, never a panic.
    #[test]
    fn any_text_imports_or_is_refused_without_a_panic(text in prop::collection::vec(select(PIECES), 0..80).prop_map(|p| p.concat())) {
        if let Ok(imported) = import(&text) {
            let yaml = to_yaml(&imported, "random");
            prop_assert!(load::parse(&yaml, "draft").is_ok(), "{}", yaml);
        }
    }
}

/// A text that stops on an empty point (`：一是`), unsigned: the note on its last words quoted
/// an erratum's text, which is no wording of the letter, and the draft was refused. The
/// note quotes the letter's own wording, or is not made. A text cut short whose last line
/// occurs earlier too: the note quoted across the line break, which a note's one line cannot
/// hold, and the draft was refused.
#[test]
fn a_text_cut_short_on_an_empty_point_drafts_a_letter_that_passes_check() {
    let last_line_repeated = format!(
        "一、（一）{}\n一是一、\n一是一是一是一是家",
        "一、".repeat(29)
    );
    for text in [
        "一、\n：一是",
        "一、甲\n乙：一是",
        "一、\n甲。一是丙",
        &last_line_repeated,
    ] {
        let imported = import(text).expect("a text imports");
        let yaml = to_yaml(&imported, "random");
        if let Err(e) = load::parse(&yaml, "draft") {
            panic!("{text:?}: the draft fails check: {e}\n--- yaml:\n{yaml}");
        }
    }
}
