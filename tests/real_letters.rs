//! `dafu import` on twelve reply letters as their web pages publish them
//! (`tests/fixtures/real-letters/`, each with its source in the README there), and on two of
//! them laid out three more ways (`variants/`). Each imports as it is into a draft that
//! `dafu check` accepts; per letter, its header fields, its structure (suggestions or
//! sections), closing, signing body (or none), date (or none), contact and copy lines and the
//! fields read from them, and every quantity written in Arabic numerals as a figure; and every
//! sentence of the letter is in the draft.

mod binary;

use std::path::{Path, PathBuf};

use dafu::letter::tree::{BlockKind, LetterTree};
use dafu::letter::{Letter, load};

/// What a person reading the letter finds in it.
struct Expected {
    file: &'static str,
    classification: Option<&'static str>,
    issuer: Option<&'static str>,
    doc_number: Option<&'static str>,
    issued_by: Option<&'static str>,
    title: Option<&'static str>,
    /// Number, session, title.
    proposal: [Option<&'static str>; 3],
    addressee: Option<&'static str>,
    /// Suggestion titles, in order.
    suggestions: &'static [&'static str],
    /// Sections: the heading, or the start of the numbered paragraph.
    sections: &'static [&'static str],
    /// How each closing paragraph starts.
    closing: &'static [&'static str],
    signer: Option<&'static str>,
    date: Option<&'static str>,
    contact: &'static [&'static str],
    /// Person, phone, unit.
    contact_fields: [Option<&'static str>; 3],
    cc: &'static [&'static str],
    /// Text, value, unit, qualifier.
    figures: &'static [(&'static str, f64, &'static str, Option<&'static str>)],
}

const NONE: [Option<&str>; 3] = [None, None, None];

const LETTERS: [Expected; 12] = [
    Expected {
        file: "baiyin-ziranziyuan-2022.txt",
        classification: None,
        issuer: None,
        doc_number: None,
        issued_by: None,
        title: Some("关于对市政协八届一次会议第016号提案的答复"),
        proposal: [
            Some("016"),
            Some("市政协八届一次会议"),
            Some("将黄河石林国家地质公园自然保护地生态红线划定调整建议"),
        ],
        addressee: Some("周博委员"),
        suggestions: &[],
        sections: &[],
        closing: &["周博委员，感谢您对生态保护红线"],
        signer: Some("白银市自然资源局"),
        date: Some("2022-09-05"),
        contact: &[],
        contact_fields: NONE,
        cc: &[],
        figures: &[],
    },
    Expected {
        file: "changzhou-jiaotong-2015.txt",
        classification: None,
        issuer: None,
        doc_number: None,
        issued_by: None,
        title: Some("关于对常州市十五届人大四次会议代表建议第0043号的答复"),
        proposal: [
            Some("0043"),
            Some("常州市十五届人大四次会议"),
            Some("关于加强西林地区公交设施建设的建议"),
        ],
        addressee: Some("徐亚红代表"),
        suggestions: &[],
        sections: &[],
        closing: &["恳请一如既往", "此致", "敬礼"],
        signer: Some("常州市交通运输局"),
        date: Some("2015-06-02"),
        contact: &[],
        contact_fields: NONE,
        cc: &[],
        figures: &[("300个", 300.0, "个", None)],
    },
    Expected {
        file: "jiange-weijian-2020.txt",
        classification: None,
        issuer: None,
        doc_number: None,
        issued_by: None,
        title: None,
        proposal: [
            Some("47"),
            None,
            Some("关于提升新县城医疗救治能力解决群众就医难的建设"),
        ],
        addressee: Some("王海燕、张贵能、何静、王勋勇委员"),
        suggestions: &[],
        sections: &[
            "根据县领导安排",
            // Its points 一是、二是、三是 are its own nodes, after its first sentence.
            "新县城的医疗资源已在逐步强化。",
            "县委县政府正在谈判",
        ],
        closing: &[],
        signer: Some("剑阁县卫生健康局"),
        date: Some("2020-10-26"),
        contact: &[],
        contact_fields: NONE,
        cc: &[],
        figures: &[
            ("8000万元", 80_000_000.0, "元", None),
            ("6000万元", 60_000_000.0, "元", None),
        ],
    },
    Expected {
        file: "linyi-zhujian-2025-partial.txt",
        classification: Some("办理类型：A"),
        issuer: None,
        doc_number: Some("临建建议字〔2025〕第1号"),
        issued_by: None,
        title: Some("对市二十届人大四次会议第A20250015号建议的答复"),
        proposal: [
            Some("A20250015"),
            Some("市二十届人大四次会议"),
            Some("关于改善老旧小区停车难的提案"),
        ],
        addressee: Some("窦兴芳代表"),
        suggestions: &["关于“优化资源利用，通过合理规划小区内的空地和边角地带，增加停车位”的建议"],
        sections: &[],
        closing: &[],
        signer: None,
        date: None,
        contact: &[],
        contact_fields: NONE,
        cc: &[],
        figures: &[("500余个", 500.0, "个", Some("余"))],
    },
    Expected {
        file: "longyao-zhengfu-2021.txt",
        classification: None,
        issuer: None,
        doc_number: None,
        issued_by: None,
        title: Some("对隆尧县第十五届人民代表大会第六次会议第60号建议的答复"),
        proposal: [
            Some("60"),
            Some("隆尧县第十五届人民代表大会第六次会议"),
            Some("关于做好乡村道路养护工作"),
        ],
        addressee: Some("王运强代表"),
        suggestions: &[],
        sections: &[],
        closing: &[],
        signer: None,
        date: Some("2021-09-12"),
        contact: &[],
        contact_fields: NONE,
        cc: &[],
        figures: &[
            ("23784km", 23784.0, "km", Some("累计")),
            ("约1385方", 1385.0, "方", Some("约")),
            ("65km", 65.0, "km", None),
            ("126km", 126.0, "km", None),
            ("203根", 203.0, "根", None),
            ("累计23880km", 23880.0, "km", Some("累计")),
        ],
    },
    Expected {
        file: "maguan-jiaotong-2023.txt",
        classification: None,
        // Named at the head of the title only: no letterhead of its own.
        issuer: None,
        doc_number: None,
        issued_by: None,
        title: Some("马关县交通运输局关于马关县第十八届人大二次会议第64号建议的答复函"),
        proposal: [
            Some("64"),
            Some("马关县第十八届人大二次会议"),
            Some("关于维修坡脚镇桐子林至上弯腰树道路的建议"),
        ],
        addressee: Some("陈万惠代表"),
        suggestions: &[],
        sections: &[],
        closing: &["感谢你对交通运输工作的关心和支持"],
        signer: Some("马关县交通运输局"),
        date: Some("2023-08-08"),
        contact: &["联系人及电话：徐盛，15398318981"],
        contact_fields: [Some("徐盛"), Some("15398318981"), None],
        cc: &[],
        figures: &[],
    },
    Expected {
        file: "nangong-jiaotong-2018.txt",
        classification: None,
        // Named at the head of the title only: no letterhead of its own.
        issuer: None,
        doc_number: None,
        issued_by: None,
        title: Some("南宫市交通运输局对南宫市第九届人民代表大会第二次会议的第46号建议的答复"),
        proposal: [
            Some("46"),
            Some("南宫市第九届人民代表大会第二次会议"),
            Some("乡间路维护的建议"),
        ],
        addressee: Some("秦振兴代表"),
        suggestions: &[],
        sections: &[],
        // The invitation to give an opinion of the reply closes the letter too.
        closing: &[
            "您对我们的办理和答复有何意见和建议",
            "感谢您对我们工作的关心和支持。",
        ],
        signer: None,
        date: Some("2018-06-28"),
        contact: &[],
        contact_fields: NONE,
        cc: &[],
        figures: &[],
    },
    Expected {
        file: "ningshan-zhujian-2019.txt",
        classification: Some("类别：B"),
        issuer: None,
        doc_number: None,
        issued_by: None,
        title: Some("关于对宁陕县第十八届人民代表大会第四次会议第1号建议的复函"),
        proposal: [
            Some("1"),
            Some("宁陕县第十八届人民代表大会第四次会议"),
            Some("关于城市公交车正常运营的建议"),
        ],
        addressee: Some("曹树秀代表"),
        suggestions: &[],
        sections: &[],
        closing: &["感谢您一直以来"],
        signer: Some("宁陕县住房和城乡建设局"),
        date: Some("2019-07-19"),
        contact: &["联系人：辛长生         联系电话：0915-6825850"],
        contact_fields: [Some("辛长生"), Some("0915-6825850"), None],
        cc: &[],
        figures: &[("2条", 2.0, "条", Some("共"))],
    },
    Expected {
        file: "shenmu-linye-2022.txt",
        classification: Some("类 别： B"),
        issuer: Some("神木市林业局"),
        doc_number: Some("神林函〔2022〕31号"),
        issued_by: Some("高继强"),
        title: None,
        proposal: [
            Some("118"),
            None,
            Some("关于彻底整治和美化东山香炉山底环境的议案"),
        ],
        addressee: Some("李敏代表"),
        suggestions: &[],
        sections: &[],
        closing: &[],
        signer: Some("神木市林业局"),
        date: Some("2022-07-27"),
        contact: &[],
        contact_fields: NONE,
        cc: &[],
        figures: &[],
    },
    Expected {
        file: "shilin-weijian-2022.txt",
        classification: None,
        issuer: Some("石林彝族自治县卫生健康局"),
        doc_number: None,
        issued_by: None,
        title: Some("关于县第十八届人大第一次会议第122号建议答复的函"),
        proposal: [
            Some("122"),
            Some("县第十八届人大第一次会议"),
            Some("关于重建新建村卫生室的建议"),
        ],
        addressee: Some("王红兰代表"),
        suggestions: &[],
        sections: &["基本情况", "意见建议办理情况", "下步工作方向"],
        closing: &["感谢您对我县农村卫生健康工作", "以上答复，如有不妥"],
        signer: Some("石林彝族自治县卫生健康局"),
        date: Some("2022-06-28"),
        contact: &["（联系人及电话：张春明 0871-67785176）"],
        contact_fields: [Some("张春明"), Some("0871-67785176"), None],
        cc: &[],
        figures: &[],
    },
    Expected {
        file: "yanshan-lincao-2019.txt",
        classification: None,
        // Named at the head of the title only: no letterhead of its own.
        issuer: None,
        doc_number: None,
        issued_by: None,
        title: Some(
            "砚山县林业和草原局对中国人民政治协商会议砚山县九届委员会第三次会议第124号提案的答复",
        ),
        proposal: [
            Some("124"),
            Some("中国人民政治协商会议砚山县九届委员会第三次会议"),
            Some("关于修建千庄、顶丘防火隔离带的建议"),
        ],
        addressee: Some("李忠文委员"),
        suggestions: &[],
        sections: &[],
        closing: &["感谢您对砚山县林草工作的关心和支持！"],
        signer: None,
        date: Some("2019-06-17"),
        contact: &["联系单位和联系人及电话：县林业和草原局 黑绍刚 3123363"],
        contact_fields: [Some("黑绍刚"), Some("3123363"), Some("县林业和草原局")],
        cc: &[],
        figures: &[],
    },
    Expected {
        file: "ziyang-wenguanglvyou-2017.txt",
        classification: None,
        issuer: Some("紫阳县文广旅游局"),
        doc_number: None,
        issued_by: None,
        title: Some("关于对县政协十二届一次会议第24号提案的复函"),
        proposal: [
            Some("24"),
            Some("县政协十二届一次会议"),
            Some("关于奋力打造乡村旅游，切实增加农民收入的建议"),
        ],
        addressee: Some("张朝琴等委员"),
        suggestions: &[],
        sections: &[
            "我县按照先规划后建设",
            "我局目前正在加大",
            "我们重视村民",
            "我县旅游发展公司",
        ],
        closing: &["感谢您对我县旅游资源的关注与厚爱", "特此函复"],
        signer: Some("紫阳县文广旅游局"),
        date: Some("2017-08-25"),
        contact: &["联系单位：紫阳县文广旅游局", "联系电话：0915─4426580"],
        contact_fields: [None, Some("0915─4426580"), Some("紫阳县文广旅游局")],
        cc: &[],
        figures: &[],
    },
];

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/real-letters")
        .join(name)
}

/// The letter at `path` imported, its draft written and read back as `dafu check` reads it.
fn imported(path: &Path) -> Letter {
    let imported = dafu::import::from_path(path)
        .unwrap_or_else(|e| panic!("{} does not import: {e}", path.display()));
    let yaml = dafu::import::draft(&imported, "test")
        .unwrap_or_else(|e| panic!("the draft of {} fails check: {e}", path.display()));
    load::parse(&yaml, "draft").unwrap_or_else(|e| panic!("{e}"))
}

/// Every difference between the draft and what the letter says.
fn differences(letter: &Letter, e: &Expected) -> Vec<String> {
    let mut out = Vec::new();
    let mut same = |what: &str, got: String, want: String| {
        if got != want {
            out.push(format!("{what}:\n    got:  {got}\n    want: {want}"));
        }
    };
    let s = |o: &Option<String>| format!("{o:?}");
    let w = |o: Option<&str>| format!("{:?}", o.map(str::to_string));
    same(
        "classification",
        s(&letter.classification),
        w(e.classification),
    );
    same("issuer", s(&letter.issuer), w(e.issuer));
    same("doc_number", s(&letter.doc_number), w(e.doc_number));
    same("issued_by", s(&letter.issued_by), w(e.issued_by));
    same("title", s(&letter.title), w(e.title));
    let p = &letter.proposal;
    same("proposal.number", s(&p.number), w(e.proposal[0]));
    same("proposal.session", s(&p.session), w(e.proposal[1]));
    same("proposal.title", s(&p.title), w(e.proposal[2]));
    same("addressee", s(&letter.addressee), w(e.addressee));
    let titles: Vec<&str> = letter
        .suggestions
        .iter()
        .map(|s| s.title.as_str())
        .collect();
    same(
        "suggestions",
        format!("{titles:?}"),
        format!("{:?}", e.suggestions),
    );
    let sections: Vec<bool> = letter
        .sections
        .iter()
        .zip(e.sections)
        .map(|(s, want)| match &s.title {
            Some(title) => title == want,
            None => s.paragraphs.first().is_some_and(|p| p.starts_with(want)),
        })
        .collect();
    same(
        "sections",
        format!("{} {sections:?}", letter.sections.len()),
        format!("{} {:?}", e.sections.len(), vec![true; e.sections.len()]),
    );
    let closing: Vec<bool> = letter
        .closing
        .iter()
        .zip(e.closing)
        .map(|(p, want)| p.starts_with(want))
        .collect();
    same(
        "closing",
        format!("{} {closing:?} {:?}", letter.closing.len(), letter.closing),
        format!(
            "{} {:?} {:?}",
            e.closing.len(),
            vec![true; e.closing.len()],
            letter.closing
        ),
    );
    same("signer", s(&letter.signature.issuer), w(e.signer));
    same("date", s(&letter.signature.date), w(e.date));
    same(
        "contact",
        format!("{:?}", letter.contact),
        format!("{:?}", e.contact),
    );
    let fields = [
        &letter.contact_person,
        &letter.contact_phone,
        &letter.contact_unit,
    ];
    for ((name, got), want) in ["person", "phone", "unit"]
        .iter()
        .zip(fields)
        .zip(e.contact_fields)
    {
        same(&format!("contact {name}"), s(got), w(want));
    }
    same("cc", format!("{:?}", letter.cc), format!("{:?}", e.cc));
    let figures: Vec<(String, f64, String, Option<String>)> = letter
        .opening_figures
        .iter()
        .chain(letter.sections.iter().flat_map(|s| {
            s.figures
                .iter()
                .chain(s.points.iter().flat_map(|p| &p.figures))
        }))
        .chain(letter.suggestions.iter().flat_map(|s| &s.figures))
        .map(|f| (f.text.clone(), f.value, f.unit.clone(), f.qualifier.clone()))
        .collect();
    let want: Vec<(String, f64, String, Option<String>)> = e
        .figures
        .iter()
        .map(|&(t, v, u, q)| (t.into(), v, u.into(), q.map(str::to_string)))
        .collect();
    same("figures", format!("{figures:?}"), format!("{want:?}"));
    out
}

/// The draft's text as the reader shows it (numbering, the addressee's colon, the date as
/// the letter prints it; editorial matter left out), without spaces (the importer removes
/// stray ones and records each).
fn draft_text(letter: &Letter) -> String {
    let tree = LetterTree::new(letter.clone());
    tree.blocks
        .iter()
        .filter(|b| b.kind != BlockKind::Editorial)
        .map(|b| b.text.as_str())
        .collect::<String>()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// Every sentence of the letter's text (its lines cut at 。！？；), without spaces, that the
/// draft lacks. Page numbers (`— 1 —`) are the layout's, not the letter's.
fn sentences_missing(source: &str, letter: &Letter) -> Vec<String> {
    let draft = draft_text(letter);
    let page_number = |l: &str| {
        l.chars()
            .all(|c| c.is_whitespace() || c.is_ascii_digit() || matches!(c, '—' | '-' | '\u{c}'))
    };
    source
        .trim_start_matches('\u{feff}')
        .lines()
        .filter(|l| !page_number(l))
        .flat_map(|l| l.split(['。', '！', '？', '；']))
        .map(|s| s.chars().filter(|c| !c.is_whitespace()).collect::<String>())
        .filter(|s| !s.is_empty() && !draft.contains(s.as_str()))
        .collect()
}

/// Each header line the reader shows (the letterhead, the document number…) that it shows
/// more often than the letter writes it: a line the draft makes up, such as the issuer named
/// at the head of the title shown again on a line of its own.
fn header_lines_added(source: &str, letter: &Letter) -> Vec<String> {
    let draft = draft_text(letter);
    let source: String = source.chars().filter(|c| !c.is_whitespace()).collect();
    letter
        .header_lines()
        .into_iter()
        .map(|line| {
            line.chars()
                .filter(|c| !c.is_whitespace())
                .collect::<String>()
        })
        .filter(|line| draft.matches(line.as_str()).count() > source.matches(line.as_str()).count())
        .collect()
}

/// Every correction can be found in the draft, each once in the list, and no two errata
/// quote overlapping text of one block.
fn errata_not_found(letter: &Letter) -> Vec<String> {
    let tree = LetterTree::new(letter.clone());
    let texts: Vec<&str> = tree
        .blocks
        .iter()
        .filter(|b| b.kind != BlockKind::Editorial)
        .map(|b| b.text.as_str())
        .collect();
    // A correction that starts a line (`\n`) ends one block and begins the next.
    let joined = texts.join("\n");
    let mut out = Vec::new();
    for (i, e) in letter.errata.iter().enumerate() {
        let said = e.in_text();
        let found = if said.contains('\n') {
            joined.contains(said)
        } else {
            texts.iter().any(|t| t.contains(said))
        };
        if !said.is_empty() && !found {
            out.push(format!("erratum {i}: “{said}” is nowhere in the draft"));
        }
        if letter.errata[..i]
            .iter()
            .any(|f| f.original == e.original && f.corrected == e.corrected)
        {
            out.push(format!("erratum {i} is listed twice"));
        }
    }
    for block in &tree.blocks {
        let mut spans: Vec<std::ops::Range<usize>> = block
            .marks
            .iter()
            .filter(|(_, m)| matches!(m, dafu::letter::tree::Mark::Erratum(_)))
            .map(|(r, _)| r.clone())
            .collect();
        spans.sort_by_key(|r| r.start);
        if spans.windows(2).any(|w| w[0].end > w[1].start) {
            out.push(format!("errata overlap in “{}”", block.text));
        }
    }
    out
}

#[test]
fn every_real_letter_imports_into_a_draft_that_check_accepts_with_what_it_says() {
    let mut failures = Vec::new();
    for e in &LETTERS {
        let path = fixture(e.file);
        let letter = imported(&path);
        let mut problems = differences(&letter, e);
        let source = std::fs::read_to_string(&path).unwrap();
        for missing in sentences_missing(&source, &letter) {
            problems.push(format!("sentence not in the draft: {missing}"));
        }
        for added in header_lines_added(&source, &letter) {
            problems.push(format!("header line not in the letter: {added}"));
        }
        problems.extend(errata_not_found(&letter));
        if !problems.is_empty() {
            failures.push(format!("{}:\n  {}", e.file, problems.join("\n  ")));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_layout_of_a_letter_imports_as_the_letter() {
    let mut failures = Vec::new();
    for letter in ["shilin-weijian-2022", "ziyang-wenguanglvyou-2017"] {
        let plain = imported(&fixture(&format!("{letter}.txt")));
        for layout in ["crlf-bom", "pdftotext-layout", "webcopy"] {
            let path = fixture(&format!("variants/{letter}-{layout}.txt"));
            let mut got = imported(&path);
            for problem in errata_not_found(&got) {
                failures.push(format!("{letter} as {layout}: {problem}"));
            }
            // The repairs differ with the layout (page numbers, hard wraps); the letter not.
            got.errata.clone_from(&plain.errata);
            if got != plain {
                failures.push(format!("{letter} as {layout}:\n{got:#?}"));
            }
            let source = std::fs::read_to_string(&path).unwrap();
            let missing = sentences_missing(&source, &got);
            if !missing.is_empty() {
                failures.push(format!(
                    "{letter} as {layout}: not in the draft: {missing:?}"
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The name of every transcript under `tests/fixtures/real-letters/`: the twelve letters, then
/// two of them in their other layouts.
fn every_transcript() -> Vec<String> {
    let mut names: Vec<String> = LETTERS.iter().map(|e| e.file.to_string()).collect();
    for letter in ["shilin-weijian-2022", "ziyang-wenguanglvyou-2017"] {
        for layout in ["crlf-bom", "pdftotext-layout", "webcopy"] {
            names.push(format!("variants/{letter}-{layout}.txt"));
        }
    }
    names
}

/// An erratum says a cause it guesses as a suspicion (疑为…): a space taken out, or a text
/// joined at a blank line or parted at a space, may be the web page's or the PDF's own
/// layout as well as the extraction's. (A line wrapped at the page's measure is a wrap.)
#[test]
fn an_erratum_says_the_cause_it_guesses_as_a_suspicion() {
    let nangong = imported(&fixture("nangong-jiaotong-2018.txt"));
    let space = (nangong.errata.iter())
        .find(|e| e.original == "交通运输局 对南宫市第")
        .expect("the erratum on the space in 南宫's title");
    assert_eq!(
        space.note,
        "两个汉字之间多一个空格，疑为提取时混入，已删去。"
    );
    // Every erratum, in every transcript, that takes out a space or a blank line and
    // changes nothing else (lines put in another order change more).
    let words = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    let mut guessed = Vec::new();
    for name in every_transcript() {
        for e in imported(&fixture(&name)).errata {
            let spaced = e.original.contains([' ', '\u{3000}']) || e.original.contains("\n\n");
            if spaced && words(&e.original) == words(&e.corrected) {
                assert!(e.note.contains("疑为"), "{name}: {e:?}");
                guessed.push(e.original);
            }
        }
    }
    // The space in 南宫's title and its paragraphs run into one line; the blank line inside
    // a sentence of 石林 as pdftotext lays it out.
    for original in [
        "交通运输局 对南宫市第",
        "秦振兴代表： 您提出的关于",
        "道政府等部门尽快\n\n商议协调",
    ] {
        assert!(
            guessed.iter().any(|g| g == original),
            "{original}: {guessed:?}"
        );
    }
}

#[test]
fn the_binary_imports_each_letter_with_exit_0_and_check_accepts_the_draft() {
    let dir = binary::Scratch::new("real-letters");
    for (i, name) in every_transcript().iter().enumerate() {
        let draft = dir.path().join(format!("{i}.yaml"));
        let import = binary::run([
            "--lang".as_ref(),
            "en".as_ref(),
            "import".as_ref(),
            fixture(name).as_os_str(),
            "-o".as_ref(),
            draft.as_os_str(),
        ]);
        let report = String::from_utf8_lossy(&import.stderr);
        if name.starts_with("linyi") {
            assert!(
                report.contains("numbers with no unit dafu knows after them, not taken as figures (add any that are data): 1.2万"),
                "{report}"
            );
        }
        if name.starts_with("shilin") {
            assert!(
                report
                    .contains("dafu import: 3 sections (3 with a heading, 0 numbered paragraphs)"),
                "{report}"
            );
            assert!(
                report.contains("warning: not in the letter (left out of the draft; add any the PDF has): classification, doc_number"),
                "{report}"
            );
        }
        assert_eq!(
            import.code(),
            Some(0),
            "{name}: {}",
            String::from_utf8_lossy(&import.stderr)
        );
        let check = binary::run(["check".as_ref(), draft.as_os_str()]);
        assert_eq!(
            check.code(),
            Some(0),
            "{name}: {}",
            String::from_utf8_lossy(&check.stderr)
        );
    }
}

mod util;

/// The reader on an imported letter, `lang`, `width`×`height`.
fn reader_on(name: &str, lang: dafu::strings::Lang, size: (u16, u16)) -> dafu::app::App {
    let tree = dafu::import::tree_from_path(&fixture(name))
        .expect("imports")
        .with_lang(lang);
    dafu::app::App::new(tree, lang, dafu::text::width::AmbiguousWidth::Narrow, size)
}

#[test]
fn the_outline_shows_numbered_sections_and_the_reader_what_the_letter_lacks() {
    use dafu::strings::Lang;
    let app = reader_on("shilin-weijian-2022.txt", Lang::Zh, (100, 30));
    let screen = util::screen(&app);
    for row in ["一、基本情况", "二、意见建议办理情况", "三、下步工作方向"]
    {
        assert!(screen.contains(row), "{screen}");
    }
    assert!(screen.contains("※ 本函未载：答复类别、文号"), "{screen}");
    // A body named in the title or the signature is not said to be missing: only the
    // letterhead, the line of its own, is.
    let app = reader_on("yanshan-lincao-2019.txt", Lang::Zh, (100, 30));
    let screen = util::screen(&app);
    assert!(
        screen.contains("本函未载：答复类别、发文机关标志、"),
        "{screen}"
    );
    // A letter without number or title is named by the body that wrote it; its numbered
    // paragraphs by their first sentence.
    let app = reader_on("jiange-weijian-2020.txt", Lang::En, (60, 20));
    let screen = util::screen(&app);
    assert!(
        screen.lines().next().unwrap().contains("剑阁县卫生健康局"),
        "{screen}"
    );
    assert!(screen.contains("一、根据县领导安排"), "{screen}");
    let app = reader_on("jiange-weijian-2020.txt", Lang::En, (100, 30));
    let screen = util::screen(&app);
    assert!(
        screen.contains("※ not in the letter: reply class, letterhead, document"),
        "{screen}"
    );
}

/// 临沂's text stops mid-sentence: the reader says its letterhead, signing body and date
/// are not in the text given, not that the letter has none (its end may hold them), in
/// either language, read in memory or from its draft.
#[test]
fn what_a_text_cut_short_lacks_is_said_to_be_not_in_the_text_given() {
    use dafu::strings::Lang;
    let file = "linyi-zhujian-2025-partial.txt";
    let screen = util::screen(&reader_on(file, Lang::Zh, (100, 30)));
    assert!(
        screen.contains("※ 所据文本未载：发文机关标志、落款单位、日期"),
        "{screen}"
    );
    assert!(!screen.contains("本函未载"), "{screen}");
    let screen = util::screen(&reader_on(file, Lang::En, (100, 30)));
    assert!(
        screen.contains("※ not in the text given: letterhead, signing body, date"),
        "{screen}"
    );
    let draft = LetterTree::new(imported(&fixture(file)));
    assert!(
        (draft.blocks.iter()).any(|b| b.text == "※ 所据文本未载：发文机关标志、落款单位、日期"),
        "the draft, read back"
    );
    // The import's report and the draft's head say the same, and of a letter that is whole,
    // that the letter lacks what it lacks.
    let lacks = |file: &str| {
        let imported = dafu::import::from_path(&fixture(file)).expect("imports");
        let yaml = dafu::import::to_yaml(&imported, file);
        let head = yaml
            .lines()
            .find(|l| l.starts_with("# Not in"))
            .map(str::to_string);
        let said = (imported.warnings.iter()).find_map(|w| match w {
            dafu::import::Warning::Lacks(_) => Some("lacks"),
            dafu::import::Warning::NotInText(_) => Some("not in the text"),
            _ => None,
        });
        (head.unwrap_or_default(), said)
    };
    let (head, said) = lacks(file);
    assert!(
        head.starts_with("# Not in the text given (it stops mid-sentence), so left out: "),
        "{head}"
    );
    assert_eq!(said, Some("not in the text"));
    let (head, said) = lacks("longyao-zhengfu-2021.txt");
    assert!(
        head.starts_with("# Not in the letter, so left out: "),
        "{head}"
    );
    assert_eq!(said, Some("lacks"));
}

/// 临沂's 1.2万 has no unit after it and is no figure: the reader says so under its
/// paragraph, where a person who opens the text finds it, not only the import's report.
#[test]
fn a_number_left_out_for_want_of_a_unit_is_noted_under_its_paragraph() {
    let file = "linyi-zhujian-2025-partial.txt";
    let tree = dafu::import::tree_from_path(&fixture(file)).expect("imports");
    let at = (tree.blocks.iter())
        .position(|b| b.kind == BlockKind::Paragraph && b.text.contains("增设了1.2万停车位"))
        .expect("the paragraph of 1.2万");
    let under: Vec<&str> = (tree.blocks[at + 1..].iter())
        .take_while(|b| b.kind == BlockKind::Editorial)
        .map(|b| b.text.as_str())
        .collect();
    assert!(
        under.contains(
            &"※ 「1.2万」“1.2万”后面没有 dafu 认得的单位，未作为数字收录。（导入时自动标出，请核对）"
        ),
        "{under:?}"
    );
    // And the draft quotes no figure of it: the note is all a reader has.
    let letter = imported(&fixture(file));
    let figures = &letter.suggestions[0].figures;
    assert!(
        figures.iter().all(|f| !f.text.contains("1.2万")),
        "{figures:?}"
    );
}

#[test]
fn a_letter_named_only_by_its_title_is_listed_by_that_body() {
    for (file, issuer) in [
        ("nangong-jiaotong-2018.txt", "南宫市交通运输局"),
        ("yanshan-lincao-2019.txt", "砚山县林业和草原局"),
    ] {
        let letter = imported(&fixture(file));
        // Neither a letterhead nor a signing body: the title's head names it.
        assert_eq!(letter.issuer, None, "{file}");
        assert_eq!(letter.signature.issuer, None, "{file}");
        assert_eq!(dafu::shelf::head::issuer(&letter), Some(issuer), "{file}");
    }
}

#[test]
fn only_the_letter_cut_short_is_said_to_stop_mid_sentence() {
    for e in &LETTERS {
        let imported = dafu::import::from_path(&fixture(e.file)).expect("imports");
        let cut: Vec<&dafu::import::Warning> = (imported.warnings.iter())
            .filter(|w| matches!(w, dafu::import::Warning::EndsMidSentence(_)))
            .collect();
        if e.file.contains("partial") {
            assert_eq!(
                cut,
                [&dafu::import::Warning::EndsMidSentence(
                    "…停车位建设，提高停车".into()
                )],
                "{}",
                e.file
            );
            // The reader says so too, where the text stops: a note on its last words,
            // under the last paragraph, after the notes on the words before them.
            let tree = LetterTree::new(imported.letter.clone());
            let last = (tree.blocks.iter())
                .rposition(|b| b.kind != BlockKind::Editorial)
                .expect("a block of text");
            assert!(tree.blocks[last].text.ends_with("提高停车"));
            let note = tree.blocks.last().expect("a block");
            assert!(tree.blocks.len() > last + 1);
            assert!(
                note.text.contains("「停车位建设，提高停车」") && note.text.contains("可能不全"),
                "{}",
                note.text
            );
        } else {
            // Signed, dated, or ended with a stop (特此答复 after a signature is no cut).
            assert!(cut.is_empty(), "{}: {cut:?}", e.file);
            let note = (imported.letter.notes.iter()).find(|n| n.note.contains("可能不全"));
            assert!(note.is_none(), "{}: {note:?}", e.file);
        }
    }
}

#[test]
fn a_period_at_the_head_of_a_list_dates_each_of_its_items() {
    // 今年以来，公路养护累计清扫路面23784km；清运垃圾约1385方；…公路巡养累计23880km。
    let letter = imported(&fixture("longyao-zhengfu-2021.txt"));
    let periods: Vec<Option<&str>> = (letter.opening_figures.iter())
        .map(|f| f.period.as_deref())
        .collect();
    assert_eq!(periods.len(), 6, "{periods:?}");
    assert!(
        periods.iter().all(|p| *p == Some("今年以来")),
        "{periods:?}"
    );
    // 累计 stays their hedge.
    let hedges: Vec<Option<&str>> = (letter.opening_figures.iter())
        .map(|f| f.qualifier.as_deref())
        .collect();
    assert_eq!(
        hedges.iter().filter(|q| **q == Some("累计")).count(),
        2,
        "{hedges:?}"
    );
}

#[test]
fn lines_the_reader_shows_in_another_order_are_recorded_as_layout() {
    let moved = |file: &str, note: &str| {
        imported(&fixture(file))
            .errata
            .iter()
            .filter(|e| e.note.contains(note))
            .map(|e| (e.original.clone(), e.corrected.clone()))
            .collect::<Vec<_>>()
    };
    let head = "页首各行在原文中是这个次序";
    assert_eq!(
        moved("shenmu-linye-2022.txt", head),
        [(
            "神林函〔2022〕31号\n神木市林业局\n类 别： B\n签发人：高继强".to_string(),
            "类 别： B\n神木市林业局\n神林函〔2022〕31号\n签发人：高继强".to_string()
        )]
    );
    let foot = "位于落款之前";
    assert_eq!(
        moved("ziyang-wenguanglvyou-2017.txt", foot),
        [(
            "联系单位：紫阳县文广旅游局\n联系电话：0915─4426580\n紫阳县文广旅游局\n2017年8月25日"
                .to_string(),
            "紫阳县文广旅游局\n2017年8月25日\n联系单位：紫阳县文广旅游局\n联系电话：0915─4426580"
                .to_string()
        )]
    );
    // Letters whose lines keep their order say nothing of it.
    for file in ["baiyin-ziranziyuan-2022.txt", "maguan-jiaotong-2023.txt"] {
        assert!(
            moved(file, head).is_empty() && moved(file, foot).is_empty(),
            "{file}"
        );
    }
}

#[test]
fn a_section_that_enumerates_its_points_has_them_as_nodes_with_their_figures() {
    // 剑阁: 二、新县城的医疗资源已在逐步强化。一是…二是…三是…如投资8000万元的…；投资6000万元的…
    let letter = imported(&fixture("jiange-weijian-2020.txt"));
    let second = &letter.sections[1];
    assert_eq!(second.paragraphs, ["新县城的医疗资源已在逐步强化。"]);
    let starts: Vec<String> = (second.points.iter())
        .map(|p| p.text.chars().take(6).collect())
        .collect();
    assert_eq!(starts, ["将部分特色专", "县人民医院的", "基础设施建设"]);
    let texts = |figures: &[dafu::letter::Figure]| -> Vec<String> {
        figures.iter().map(|f| f.text.clone()).collect()
    };
    assert!(second.figures.is_empty());
    assert_eq!(texts(&second.points[2].figures), ["8000万元", "6000万元"]);
    // The outline shows them under the section, as a measure's points.
    let tree = LetterTree::new(letter.clone());
    let keys: Vec<&str> = (tree.nodes.iter())
        .map(|n| n.key.as_str())
        .filter(|k| k.starts_with("sec2"))
        .collect();
    assert_eq!(keys, ["sec2", "sec2.p1", "sec2.p2", "sec2.p3"]);
}

#[test]
fn check_reads_a_sections_points_and_refuses_a_figure_there_at_its_place() {
    let imported = dafu::import::from_path(&fixture("jiange-weijian-2020.txt")).expect("imports");
    let yaml = dafu::import::draft(&imported, "test").expect("the draft passes check");
    let wrong = yaml.replacen("value: 80000000", "value: 70000000", 1);
    assert_ne!(wrong, yaml);
    let error = load::parse(&wrong, "draft").expect_err("a value its text does not say");
    let line = wrong
        .lines()
        .position(|l| l.contains("value: 70000000"))
        .expect("the value's line")
        + 1;
    let said = error.to_string();
    assert!(said.starts_with(&format!("draft:{line}:")), "{said}");
    assert!(said.contains("sections[1].points[2].figures[0]"), "{said}");
}

#[test]
fn diff_names_a_changed_point_of_a_section_by_its_place() {
    let a = imported(&fixture("jiange-weijian-2020.txt"));
    let mut b = a.clone();
    b.sections[1].points[1].text.push_str("补。");
    let places: Vec<(String, String)> = dafu::diff::diff(&a, &b)
        .into_iter()
        .map(|c| (c.place, c.field))
        .collect();
    assert_eq!(places, [("二、二是".to_string(), "text".to_string())]);
}

/// 剑阁 writes its three points inside the paragraph of 二、; the reader starts each on a
/// line of its own, and the draft says so, as the shipped letter does (版式).
#[test]
fn points_written_inside_a_paragraph_are_recorded_as_a_change_of_layout() {
    let letter = imported(&fixture("jiange-weijian-2020.txt"));
    let layout: Vec<_> = (letter.errata.iter())
        .filter(|e| e.note.starts_with("版式"))
        .collect();
    assert_eq!(layout.len(), 1, "{layout:?}");
    assert_eq!(layout[0].original, "资源已在逐步强化。一是将部分特色专");
    assert_eq!(layout[0].corrected, "资源已在逐步强化。\n一是将部分特色专");
    assert!(layout[0].note.contains("共3处"), "{}", layout[0].note);
}

/// A change of layout is explained where it is: under the paragraph that now begins a line
/// (剑阁's first point; 南宫's paragraph after the addressee), and under the header lines
/// shown in another order (神木), not after the date at the letter's end.
#[test]
fn a_change_of_layout_is_explained_under_the_lines_it_changed() {
    for (file, under) in [
        ("jiange-weijian-2020.txt", "一是将部分特色专科"),
        ("nangong-jiaotong-2018.txt", "您提出的关于"),
        ("shenmu-linye-2022.txt", "签发人"),
    ] {
        let tree = LetterTree::new(imported(&fixture(file)));
        // The errata whose correction starts a new line (shown ⏎).
        let explained = (tree.blocks.iter().enumerate())
            .filter(|(_, b)| b.kind == BlockKind::Editorial && b.text.contains("⏎"))
            .map(|(at, _)| at)
            .collect::<Vec<_>>();
        assert!(!explained.is_empty(), "{file}");
        for at in explained {
            let above = (tree.blocks[..at].iter())
                .rev()
                .find(|b| b.kind != BlockKind::Editorial)
                .expect("a block above");
            assert!(
                above.text.contains(under),
                "{file}: the change of layout is under {:?}",
                above.text
            );
        }
    }
}

/// A numbered paragraph with no title is named by its first sentence, and by its first
/// clause when that sentence is long: 剑阁's 一、 is one long sentence, and a breadcrumb (the
/// status row, a search's `PATH: name: …`) that held it whole repeated the paragraph.
#[test]
fn a_long_numbered_paragraph_is_named_by_its_first_clause() {
    let tree = LetterTree::new(imported(&fixture("jiange-weijian-2020.txt")));
    let first = (tree.nodes.iter())
        .position(|n| n.label == "一、")
        .expect("section 一");
    assert_eq!(tree.nodes[first].title, "根据县领导安排…");
    assert_eq!(
        tree.breadcrumb(first, dafu::strings::Lang::Zh),
        "一、根据县领导安排…"
    );
    // A short first sentence is the name whole.
    let second = (tree.nodes.iter())
        .position(|n| n.label == "二、")
        .expect("section 二");
    assert_eq!(tree.nodes[second].title, "新县城的医疗资源已在逐步强化。");
}

/// A letter that states no figure (石林's) has a figures view that says so, in the table and
/// in the money chart, in both languages; Enter there says it too, rather than nothing.
#[test]
fn the_figures_view_of_a_letter_without_figures_says_it_has_none() {
    use dafu::action::Action::{Activate, OpenFigures, ToggleFiguresChart};
    use dafu::strings::Lang;
    let status = |app: &dafu::app::App| {
        let screen = util::screen(app);
        screen.lines().last().unwrap_or_default().to_string()
    };
    for lang in [Lang::Zh, Lang::En] {
        let strings = lang.strings();
        let mut app = reader_on("shilin-weijian-2022.txt", lang, (100, 30));
        assert!(
            app.tree().figures().next().is_none(),
            "石林's letter states no figure"
        );
        app.update(OpenFigures);
        for (said, chart) in [(strings.figures_none, false), (strings.chart_none, true)] {
            if chart {
                app.update(ToggleFiguresChart);
            }
            let screen = util::screen(&app);
            assert!(screen.contains(said), "{screen}");
            assert!(!screen.contains("1亿"), "no axis for no bar: {screen}");
            app.update(Activate);
            assert!(status(&app).contains(said), "{}", status(&app));
        }
    }
}

/// 常州's reply with its date changed to 2023年2月30日, a day the calendar does not have
/// (`tests/fixtures/impossible-date.txt`, a copy of `changzhou-jiaotong-2015.txt`).
fn impossible_date_fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/impossible-date.txt")
}

/// Regression: `dafu FILE.txt` on a transcript signed 2023年2月30日 said 「本函未载：…、日期」,
/// that the letter states no date, where it states one the calendar does not have. The
/// reader says it is given and what is wrong with it, in `dafu check`'s words (as the
/// import's report does), and lists no date among what the letter lacks; in English too; read
/// in memory as `dafu FILE.txt` reads it, and from its draft.
#[test]
fn a_date_the_calendar_does_not_have_is_said_to_be_impossible_not_absent() {
    use dafu::strings::Lang;
    let path = impossible_date_fixture();
    let said = [
        (
            Lang::Zh,
            "※ 本函未载：答复类别、发文机关标志、文号",
            "※ 本函所署日期「2023年2月30日」不是有效的日期（“2023-02-30”这一天不存在：\
             2023 年 2 月只有 01 至 28 日）",
        ),
        (
            Lang::En,
            "※ not in the letter: reply class, letterhead, document number",
            "※ the letter is dated \"2023年2月30日\", which is not a valid date \
             (“2023-02-30” is a day the calendar does not have: month 2 of 2023 has days 01 \
             to 28)",
        ),
    ];
    for (lang, absent, impossible) in said {
        let tree = dafu::shelf::read_letter(&path, lang).expect("reads");
        let texts: Vec<&str> = (tree.blocks.iter()).map(|b| b.text.as_str()).collect();
        assert!(texts.contains(&absent), "{lang:?}: {texts:#?}");
        assert!(texts.contains(&impossible), "{lang:?}: {texts:#?}");
        // On the screen, at the head of the letter, whole.
        let app = dafu::app::App::new(
            tree,
            lang,
            dafu::text::width::AmbiguousWidth::Narrow,
            (120, 36),
        );
        let screen = util::screen(&app);
        let joined: String = (screen.lines())
            .map(|l| l.trim_matches(|c: char| c == '│' || c.is_whitespace()))
            .collect();
        let squeezed = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        assert!(
            squeezed(&joined).contains(&squeezed(impossible)),
            "{screen}"
        );
    }
    // The draft, read back, says the same.
    let draft = LetterTree::new(imported(&path));
    assert!(
        (draft.blocks.iter()).any(|b| b.text.starts_with("※ 本函所署日期「2023年2月30日」")),
        "the draft, read back"
    );
    assert!(
        !(draft.blocks.iter()).any(|b| b.text.contains("未载") && b.text.contains("日期")),
        "the draft, read back"
    );
}

/// The reader's rule and the import's agree on which date lines are of a day the calendar
/// does not have: the import reads them (`src/import/date.rs`) to warn and leave the date
/// out, the reader (`dafu::numbers::date`) to say so; a line the import takes as the date, or
/// as no date at all, the reader does not call impossible.
#[test]
fn the_reader_calls_impossible_the_date_lines_the_import_warns_of() {
    let text = std::fs::read_to_string(impossible_date_fixture()).expect("the fixture");
    let lines = [
        ("2023年2月30日", true),
        ("二〇二三年二月三十日", true),
        ("二○二三年十三月一日", true),
        ("2023.2.29", true),
        ("2024-02-30", true),
        ("2023/4/31", true),
        ("0999.1.5", true),
        ("2024年2月29日", false),
        ("2023.1.5", false),
        ("2023年上半年", false),
    ];
    for (line, impossible) in lines {
        let imported = dafu::import::import(&text.replace("2023年2月30日", line))
            .unwrap_or_else(|e| panic!("{line}: {e:?}"));
        let warned =
            (imported.warnings.iter()).any(|w| matches!(w, dafu::import::Warning::NotADate { .. }));
        assert_eq!(warned, impossible, "{line}: the import");
        let said = imported.letter.impossible_date();
        assert_eq!(said.is_some(), impossible, "{line}: the reader, {said:?}");
        assert_eq!(
            imported.letter.missing().contains(&"signature.date"),
            !impossible && imported.letter.signature.date.is_none(),
            "{line}"
        );
    }
}
