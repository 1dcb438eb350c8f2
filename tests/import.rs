//! `dafu import` against the hand-made letter: the transcript of 中山科函〔2021〕142号, imported,
//! must give the same header and footer, the same tree, the same text in every node (once the
//! suspected errata a person would accept are applied), and the same figures by text, value,
//! unit and qualifier. Fields that need a person (`what`, notes) are compared for presence.
//!
//! The same must hold for the transcript as other extractions give it: hard-wrapped at 40
//! columns, with CRLF line endings, without bold marks, with full-width digits. Each variant
//! is made here from the transcript.
//!
//! Every comparison collects its differences, and a failing test prints them all.

mod binary;
mod util;

use std::io::Write;
use std::path::Path;
use std::process::Stdio;

use dafu::figures::money::kind_of;
use dafu::import::{Imported, import, to_yaml};
use dafu::letter::fields::figure_nodes;
use dafu::letter::{Figure, Letter, MoneyKind, load};
use dafu::text::width::{AmbiguousWidth, char_width};

const TRANSCRIPT: &str = include_str!("../content/source/zhongshan-kjj-2021-142.txt");
const HAND_MADE: &str = include_str!("../content/zhongshan-kjj-2021-142.yaml");

fn hand_made() -> Letter {
    load::parse(HAND_MADE, "hand-made").expect("the hand-made letter loads")
}

/// Imports `text` and passes the draft through the loader, as `dafu check` would.
fn imported(text: &str) -> (Imported, Letter) {
    let imported = import(text).unwrap_or_else(|e| panic!("import failed: {e:?}"));
    let yaml = to_yaml(&imported, "test");
    let checked = load::parse(&yaml, "draft")
        .unwrap_or_else(|e| panic!("the draft fails check: {e}\n{yaml}"));
    (imported, checked)
}

/// Every text field of a letter's body, in reading order, for the suspected errata.
fn texts_mut(letter: &mut Letter) -> Vec<&mut String> {
    let mut out: Vec<&mut String> = letter.opening.iter_mut().collect();
    for s in &mut letter.suggestions {
        out.extend(s.paragraphs.iter_mut());
        for m in &mut s.measures {
            out.extend(m.paragraphs.iter_mut());
            out.extend(m.points.iter_mut().map(|p| &mut p.text));
        }
    }
    out.extend(letter.closing.iter_mut());
    out
}

/// The draft as a person accepts it: its suspected errata applied.
fn accepted(mut letter: Letter) -> Letter {
    let suspected: Vec<(String, String)> = letter
        .errata
        .iter()
        .filter(|e| e.suspected)
        .map(|e| (e.original.clone(), e.corrected.clone()))
        .collect();
    for text in texts_mut(&mut letter) {
        for (original, corrected) in &suspected {
            *text = text.replace(original, corrected);
        }
    }
    letter
}

/// The figures' facts, without `what`.
fn facts(figures: &[Figure]) -> Vec<(String, f64, String, Option<String>)> {
    figures
        .iter()
        .map(|f| (f.text.clone(), f.value, f.unit.clone(), f.qualifier.clone()))
        .collect()
}

/// Every difference between the imported letter and the hand-made one.
fn differences(ours: &Letter, theirs: &Letter) -> Vec<String> {
    let mut out = Vec::new();
    let mut same = |place: &str, a: &dyn std::fmt::Debug, b: &dyn std::fmt::Debug| {
        let (a, b) = (format!("{a:?}"), format!("{b:?}"));
        if a != b {
            out.push(format!("{place}:\n    imported:  {a}\n    hand-made: {b}"));
        }
    };
    same(
        "classification",
        &ours.classification,
        &theirs.classification,
    );
    same("issuer", &ours.issuer, &theirs.issuer);
    same("doc_number", &ours.doc_number, &theirs.doc_number);
    same("title", &ours.title, &theirs.title);
    same("proposal", &ours.proposal, &theirs.proposal);
    same("addressee", &ours.addressee, &theirs.addressee);
    same("opening", &ours.opening, &theirs.opening);
    same(
        "opening figures",
        &facts(&ours.opening_figures),
        &facts(&theirs.opening_figures),
    );
    same("closing", &ours.closing, &theirs.closing);
    same("signature", &ours.signature, &theirs.signature);
    same("contact", &ours.contact, &theirs.contact);
    same("disclosure", &ours.disclosure, &theirs.disclosure);
    same("cc", &ours.cc, &theirs.cc);
    let shape = |l: &Letter| -> Vec<Vec<usize>> {
        l.suggestions
            .iter()
            .map(|s| s.measures.iter().map(|m| m.points.len()).collect())
            .collect()
    };
    same(
        "points per measure per suggestion",
        &shape(ours),
        &shape(theirs),
    );
    for (s, (a, b)) in ours.suggestions.iter().zip(&theirs.suggestions).enumerate() {
        let place = format!("{}、", dafu::letter::tree::chinese_numeral(s + 1));
        same(&format!("{place} title"), &a.title, &b.title);
        same(&format!("{place} response"), &a.response, &b.response);
        same(&format!("{place} paragraphs"), &a.paragraphs, &b.paragraphs);
        same(
            &format!("{place} figures"),
            &facts(&a.figures),
            &facts(&b.figures),
        );
        for (m, (x, y)) in a.measures.iter().zip(&b.measures).enumerate() {
            let place = format!("{place}（{}）", dafu::letter::tree::chinese_numeral(m + 1));
            same(&format!("{place} title"), &x.title, &y.title);
            same(&format!("{place} paragraphs"), &x.paragraphs, &y.paragraphs);
            same(
                &format!("{place} figures"),
                &facts(&x.figures),
                &facts(&y.figures),
            );
            for (p, (u, v)) in x.points.iter().zip(&y.points).enumerate() {
                let place = format!("{place}{}是", dafu::letter::tree::chinese_numeral(p + 1));
                same(&format!("{place} text"), &u.text, &v.text);
                same(
                    &format!("{place} figures"),
                    &facts(&u.figures),
                    &facts(&v.figures),
                );
            }
        }
    }
    // What needs a person: present.
    let mut all: Vec<&Figure> = ours.opening_figures.iter().collect();
    for s in &ours.suggestions {
        all.extend(&s.figures);
        for m in &s.measures {
            all.extend(&m.figures);
            for p in &m.points {
                all.extend(&p.figures);
            }
        }
    }
    for f in all.iter().filter(|f| f.what.trim().is_empty()) {
        out.push(format!("figure {:?} has no `what`", f.text));
    }
    // Notes: each flags wording the hand-made letter flags too, and there are some.
    for note in &ours.notes {
        let known = theirs
            .notes
            .iter()
            .any(|n| n.text.contains(&note.text) || note.text.contains(&n.text));
        if !known || note.note.trim().is_empty() {
            out.push(format!(
                "note on {:?} flags wording the hand-made letter does not",
                note.text
            ));
        }
    }
    if ours.notes.is_empty() != theirs.notes.is_empty() {
        out.push(format!(
            "notes: {} imported, {} hand-made",
            ours.notes.len(),
            theirs.notes.len()
        ));
    }
    out
}

fn assert_like_hand_made(text: &str, variant: &str) -> Imported {
    let (imported, checked) = imported(text);
    let diffs = differences(&accepted(checked), &hand_made());
    assert!(
        diffs.is_empty(),
        "{variant}: the import differs from the hand-made letter in {} places:\n  {}",
        diffs.len(),
        diffs.join("\n  ")
    );
    imported
}

#[test]
fn the_transcript_imports_as_the_hand_made_letter() {
    let imported = assert_like_hand_made(TRANSCRIPT, "transcript");
    let letter = &imported.letter;
    assert_eq!(letter.suggestions.len(), 5);
    let measures: Vec<usize> = letter
        .suggestions
        .iter()
        .map(|s| s.measures.len())
        .collect();
    assert_eq!(measures, [3, 2, 4, 3, 3]);
    // The one thing left to a person: phrases in Chinese numerals, listed, not taken.
    assert_eq!(
        imported.warnings,
        [dafu::import::Warning::ChineseNumerals(vec![
            "四个".to_string(),
            "八项".to_string(),
            "两场".to_string()
        ])]
    );
}

/// The import drafts each figure's `what` from the figure's clause, the clause in which `dafu
/// check` looks for the word of a kind of money; so the kind read from a drafted `what` (the
/// draft says no `money_kind`) is the one the hand-made letter says, for every sum: 首期 of
/// 「首期10亿元」 reads as a fund's, as 规模 does.
#[test]
fn the_kinds_of_money_read_from_the_drafts_clauses_are_the_hand_made_letters() {
    let (_, draft) = imported(TRANSCRIPT);
    // Each sum's text, the kind its YAML says, and the kind it is read as.
    let money = |letter: &Letter| -> Vec<(String, Option<MoneyKind>, Option<MoneyKind>)> {
        (figure_nodes(letter).iter())
            .flat_map(|node| node.figures.iter())
            .filter(|f| f.unit == "元")
            .map(|f| (f.text.clone(), f.money_kind, kind_of(f)))
            .collect()
    };
    let drafted = money(&draft);
    let hand_made = money(&hand_made());
    assert_eq!(drafted.len(), 18);
    assert_eq!(drafted.len(), hand_made.len());
    for ((text, said, read), (hand_text, hand_said, _)) in drafted.iter().zip(&hand_made) {
        assert_eq!(text, hand_text);
        assert_eq!(*said, None, "{text}: a draft says no kind of its own");
        assert_eq!(read, hand_said, "{text}");
    }
}

/// The transcript as a narrow page would wrap it: lines of at most 40 columns, broken between
/// characters but never inside a Latin word or number, nor beside a space (as a typesetter
/// would not).
fn wrapped(text: &str, width: usize) -> String {
    wrapped_by(text, width, |c| char_width(c, AmbiguousWidth::Narrow))
}

/// Lines of at most `limit`, each character measured by `measure`, broken between units as
/// [`wrapped`] says.
fn wrapped_by(text: &str, limit: usize, measure: impl Fn(char) -> usize) -> String {
    let glued = |prev: char, c: char| {
        let latin = |c: char| c.is_ascii_alphanumeric() || c == '.' || c == '%';
        (latin(prev) && latin(c)) || prev == ' ' || c == ' '
    };
    let mut out = String::new();
    for line in text.lines() {
        let mut units: Vec<String> = Vec::new();
        let mut prev = None;
        for c in line.chars() {
            match (prev, units.last_mut()) {
                (Some(p), Some(unit)) if glued(p, c) => unit.push(c),
                _ => units.push(c.to_string()),
            }
            prev = Some(c);
        }
        let mut row = String::new();
        let mut row_width = 0;
        for unit in units {
            let w: usize = unit.chars().map(&measure).sum();
            if row_width + w > limit && !row.is_empty() {
                out.push_str(&row);
                out.push('\n');
                row.clear();
                row_width = 0;
            }
            row.push_str(&unit);
            row_width += w;
        }
        out.push_str(&row);
        out.push('\n');
    }
    out
}

/// The transcript as an export that wraps at a count of characters gives it: lines of at most
/// `count` characters, broken where [`wrapped`] breaks, so that a line holding digits is
/// narrower than one of Chinese only.
fn wrapped_by_characters(text: &str, count: usize) -> String {
    wrapped_by(text, count, |_| 1)
}

#[test]
fn the_transcript_hard_wrapped_at_40_characters_imports_the_same() {
    let text = wrapped_by_characters(TRANSCRIPT, 40);
    let narrower = text
        .lines()
        .filter(|l| l.chars().count() == 40 && l.contains(|c: char| c.is_ascii_digit()))
        .count();
    assert!(narrower > 10, "{narrower} full lines hold digits");
    assert_like_hand_made(&text, "wrapped at 40 characters");
}

#[test]
fn the_transcript_hard_wrapped_at_40_columns_imports_the_same() {
    let text = wrapped(TRANSCRIPT, 40);
    assert!(
        text.lines().count() > 3 * TRANSCRIPT.lines().count(),
        "the wrap did wrap"
    );
    let imported = assert_like_hand_made(&text, "wrapped at 40 columns");
    assert!(
        imported
            .letter
            .errata
            .iter()
            .any(|e| e.note.contains("折行")),
        "the hard wraps are not recorded as an erratum"
    );
}

/// The transcript as `pdftotext -layout` gives a letter: lines of at most 40 columns, each
/// paragraph's first line indented, no blank line between paragraphs, the header centred, the
/// signature and date pushed right; at each page break (a blank line of the transcript after
/// a line that stops mid-sentence) the page's number, centred, and a form feed.
fn laid_out(text: &str) -> String {
    let mut out = String::new();
    let mut page = 1;
    let mut in_header = true;
    let mut previous = "";
    for line in text.lines() {
        if line.is_empty() {
            // Headings and footer lines end without punctuation, but are no sentence.
            let heading = previous.chars().nth(1) == Some('、')
                || previous.starts_with("公开方式")
                || previous.ends_with('日');
            let mid_sentence = !heading && !previous.ends_with(['。', '：', '）', ')']);
            if mid_sentence && !in_header {
                out.push_str(&format!("\n{}- {page} -\n\u{c}", " ".repeat(18)));
                page += 1;
            }
            continue;
        }
        let footer_field =
            line.starts_with(['(', '公', '抄']) && previous.starts_with(['2', '(', '公']);
        let indent = if in_header && line != "(A类)" && !line.ends_with('：') {
            " ".repeat(8) // the header, centred
        } else if (line.starts_with("中山市科学技术局") && !in_header)
            || line.starts_with("2021年7月")
        {
            " ".repeat(24) // signature and date, pushed right
        } else if in_header || footer_field {
            String::new() // classification, addressee, footer lines
        } else {
            " ".repeat(4) // a paragraph's first line
        };
        if line.ends_with('：') && in_header {
            in_header = false;
        }
        // The first line carries the indent; the rest of the paragraph wraps at 40.
        let wrapped = wrapped(&format!("{indent}{line}"), 40);
        out.push_str(&wrapped);
        previous = line;
    }
    out
}

#[test]
fn the_transcript_laid_out_as_pdftotext_gives_it_imports_the_same() {
    let text = laid_out(TRANSCRIPT);
    assert!(text.contains("\u{c}") && text.contains("- 9 -"), "{text}");
    assert_eq!(
        text.matches("\n\n").count(),
        9,
        "blank lines only at the 9 page breaks"
    );
    let imported = assert_like_hand_made(&text, "laid out as pdftotext -layout gives it");
    assert!(
        imported
            .letter
            .errata
            .iter()
            .any(|e| e.original == "- 1 -" && e.note.contains("页码") && e.note.contains("共9处")),
        "page numbers are recorded: {:#?}",
        imported.letter.errata
    );
}

#[test]
fn the_transcript_with_crlf_line_endings_imports_the_same() {
    assert_like_hand_made(&TRANSCRIPT.replace('\n', "\r\n"), "CRLF");
}

#[test]
fn the_transcript_without_bold_marks_imports_the_same() {
    let imported = assert_like_hand_made(&TRANSCRIPT.replace("**", ""), "no bold marks");
    assert!(
        !imported
            .letter
            .errata
            .iter()
            .any(|e| e.original.contains("**"))
    );
}

#[test]
fn the_transcript_with_full_width_digits_imports_the_same() {
    let text: String = TRANSCRIPT
        .chars()
        .map(|c| match c.to_digit(10) {
            Some(d) if c.is_ascii_digit() => char::from_u32(u32::from('０') + d).unwrap_or(c),
            _ => c,
        })
        .collect();
    assert!(text.contains("１４２号"));
    let imported = assert_like_hand_made(&text, "full-width digits");
    assert!(
        imported
            .letter
            .errata
            .iter()
            .any(|e| e.note.contains("全角数字"))
    );
}

/// Each repair is an erratum that quotes the transcript and the draft; the character repeated
/// across a page break is kept in the text and only suspected.
#[test]
fn errata_quote_the_transcript_and_the_repeated_character_is_kept() {
    let (imported, _) = imported(TRANSCRIPT);
    let letter = &imported.letter;
    let text = texts_mut(&mut letter.clone())
        .into_iter()
        .map(|s| s.clone())
        .collect::<Vec<_>>()
        .join("\n");
    let text = format!("{}\n{text}", letter.title.as_deref().unwrap_or_default());
    let tree = dafu::letter::tree::LetterTree::new(letter.clone());
    let shown = (tree.blocks.iter())
        .map(|block| block.text.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    let page_breaks = letter
        .errata
        .iter()
        .filter(|e| e.original.contains("\n\n"))
        .count();
    assert_eq!(page_breaks, 9, "page breaks joined inside a sentence");
    for e in &letter.errata {
        if e.suspected {
            assert!(
                text.contains(&e.original),
                "suspected {:?} is not kept in the text",
                e.original
            );
            continue;
        }
        assert!(
            TRANSCRIPT.contains(&e.original),
            "{:?} is not the transcript's",
            e.original
        );
        let structural = e.original.contains("**") || e.original.starts_with('(');
        // A change of layout says where the reader starts a new line: it reads so on the
        // screen, where a point begins with its enumerator (二是), not in the fields.
        let on_screen = if e.corrected.contains('\n') {
            &shown
        } else {
            &text
        };
        if !structural {
            assert!(
                on_screen.contains(&e.corrected),
                "{:?} is not in the draft",
                e.corrected
            );
        }
    }
    let suspected: Vec<_> = letter.errata.iter().filter(|e| e.suspected).collect();
    assert_eq!(suspected.len(), 1, "{suspected:?}");
    assert!(suspected[0].original.contains("战战略性"));
    assert!(
        text.contains("围绕我市战战略性新兴产业"),
        "the repeated character was dropped"
    );
    // The points written inside paragraphs and shown each as a paragraph: 18, as the
    // shipped letter counts them, quoted where the transcript has no other repair.
    let points = (letter.errata.iter())
        .find(|e| e.note.starts_with("版式") && e.note.contains("一是"))
        .expect("the points split from their paragraphs are recorded");
    assert!(points.note.contains("共18处"), "{}", points.note);
    assert!(!points.original.contains("**"), "{}", points.original);
    for kind in ["十二届五次 会议", "德国 VDE", "**一是**", "(一) "] {
        assert!(
            letter.errata.iter().any(|e| e.original.contains(kind)),
            "no erratum for {kind:?}"
        );
    }
}

fn run(args: &[&str], stdin: Option<&str>) -> (i32, String, String) {
    let mut child = binary::dafu(args)
        .stdin(Stdio::piped())
        .spawn()
        .expect("dafu runs");
    if let Some(input) = stdin {
        child
            .stdin
            .take()
            .unwrap()
            .write_all(input.as_bytes())
            .unwrap();
    }
    drop(child.stdin.take());
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A path `name` in a scratch directory of its own, which lives as long as the first half.
fn temp(name: &str) -> (binary::Scratch, std::path::PathBuf) {
    let dir = binary::Scratch::new("import");
    let path = dir.join(name);
    (dir, path)
}

/// `-o -` is standard output, as `-` for the text is standard input: the draft is printed,
/// and no file named `-` is made (which a second run then refused to write over).
#[test]
fn output_dash_is_standard_output() {
    let (_dir, here) = temp("cwd");
    std::fs::create_dir(&here).expect("a working folder");
    let transcript = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("content/source/zhongshan-kjj-2021-142.txt");
    let transcript = transcript.to_str().unwrap();
    for _ in 0..2 {
        let out = binary::dafu(["import", transcript, "-o", "-"])
            .current_dir(&here)
            .output()
            .expect("dafu runs");
        assert_eq!(out.status.code(), Some(0), "{out:?}");
        assert!(
            String::from_utf8_lossy(&out.stdout).contains("suggestions:"),
            "{out:?}"
        );
        assert!(!here.join("-").exists(), "a file named -");
    }
}

#[test]
fn import_writes_a_draft_that_check_accepts_and_reports_to_stderr() {
    let (_dir_draft, draft) = temp("draft.yaml");
    let (code, stdout, stderr) = run(
        &[
            "--lang",
            "en",
            "import",
            "content/source/zhongshan-kjj-2021-142.txt",
            "-o",
            draft.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.is_empty());
    assert!(
        stderr.starts_with(
            "dafu import: 5 suggestions, 15 measures (3, 2, 4, 3, 3), 18 points, 56 figures,"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains("suspected, NOT applied: 「围绕我市战战略性新兴产业」"),
        "{stderr}"
    );
    assert!(
        stderr.contains("五（一）二是: 超87亿元 = 8700000000 元"),
        "{stderr}"
    );
    assert_eq!(
        stderr.matches(" — what: ").count(),
        56,
        "every figure's what is listed for review"
    );
    let (code, _, stderr) = run(&["check", draft.to_str().unwrap()], None);
    assert_eq!(code, 0, "{stderr}");
    let yaml = std::fs::read_to_string(&draft).unwrap();
    assert!(
        !yaml.contains(": >"),
        "a folded scalar would put spaces between characters"
    );
    assert!(
        yaml.contains(
            "\ntitle: 中山市科学技术局关于中山市政协十二届五次会议提案第125053号答复的函\n"
        )
    );
}

/// A draft stays an unreviewed import until its reviewer deletes the lines the import heads
/// it with: `dafu list` says so of the draft and not of the same letter without them, and the
/// reader's status row says so, as it does of a transcript read in memory.
#[test]
fn a_draft_is_an_unreviewed_import_until_the_lines_heading_it_are_deleted() {
    let (dir, draft) = temp("draft.yaml");
    let draft_arg = draft.to_str().unwrap();
    let (code, _, stderr) = run(
        &[
            "import",
            "content/source/zhongshan-kjj-2021-142.txt",
            "-o",
            draft_arg,
        ],
        None,
    );
    assert_eq!(code, 0, "{stderr}");
    let yaml = std::fs::read_to_string(&draft).unwrap();
    assert!(
        yaml.contains("delete these lines"),
        "the draft says what to do: {yaml}"
    );
    let reviewed: String = (yaml.lines())
        .skip_while(|line| line.starts_with('#'))
        .map(|line| format!("{line}\n"))
        .collect();
    let reviewed_path = dir.path().join("reviewed.yaml");
    std::fs::write(&reviewed_path, reviewed).unwrap();
    let (code, stdout, stderr) = run(
        &["list", "--format", "json", dir.path().to_str().unwrap()],
        None,
    );
    assert_eq!(code, 0, "{stderr}");
    let rows: serde_json::Value = serde_json::from_str(&stdout).expect("JSON");
    let unreviewed = |name: &str| {
        (rows.as_array().expect("an array").iter())
            .find(|row| row["path"].as_str().is_some_and(|p| p.ends_with(name)))
            .map(|row| row["unreviewed"].clone())
    };
    assert_eq!(
        unreviewed("draft.yaml"),
        Some(serde_json::Value::Bool(true)),
        "{stdout}"
    );
    assert_eq!(
        unreviewed("reviewed.yaml"),
        Some(serde_json::Value::Bool(false)),
        "{stdout}"
    );
    let lang = dafu::strings::Lang::En;
    for (path, marked) in [(&draft, true), (&reviewed_path, false)] {
        let tree = dafu::shelf::read_letter(path, lang).expect("the letter reads");
        let app = dafu::app::App::new(tree, lang, AmbiguousWidth::Narrow, (100, 30));
        let screen = util::screen(&app);
        let status = screen.lines().last().expect("a status row");
        assert_eq!(status.contains("unreviewed import"), marked, "{status}");
    }
}

#[test]
fn import_reads_standard_input() {
    let (code, stdout, _) = run(&["import", "-"], Some(TRANSCRIPT));
    assert_eq!(code, 0);
    let letter = load::parse(&stdout, "stdout").expect("the draft on stdout loads");
    assert_eq!(letter.doc_number.as_deref(), Some("中山科函〔2021〕142号"));
}

#[test]
fn a_letter_without_date_or_signer_is_drafted_and_the_lack_is_said() {
    let (_dir_file, file) = temp("notes.txt");
    std::fs::write(
        &file,
        "(A类)\n\n某局\n\n某函〔2021〕1号\n\n关于某事的函\n\n某委员：\n\n正文。\n",
    )
    .unwrap();
    let (code, stdout, stderr) = run(&["--lang", "en", "import", file.to_str().unwrap()], None);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.contains("# Not in the letter, so left out: proposal.number, proposal.session, proposal.title, signature.issuer, signature.date."),
        "{stdout}"
    );
    assert!(stdout.contains("\nsignature: {}\n"), "{stdout}");
    assert!(
        stderr.contains("warning: not in the letter") && stderr.contains("signature.date"),
        "{stderr}"
    );
}

#[test]
fn import_of_what_is_no_text_names_file_and_line() {
    let (code, _, stderr) = run(&["--lang", "en", "import", "-"], Some(""));
    assert_eq!(code, 2);
    assert!(
        stderr.contains("(stdin):1:1: the text is empty"),
        "{stderr}"
    );
    let (code, _, stderr) = run(&["import", "-"], Some(""));
    assert_eq!(code, 2);
    assert!(stderr.contains("(stdin):1:1: 文本是空的"), "{stderr}");
    // Bold marks alone are no words: refused as well, in both languages, not drafted into a
    // letter that its own check refuses.
    let (code, stdout, stderr) = run(&["--lang", "en", "import", "-"], Some("**\n\n  **  \n"));
    assert_eq!(code, 2, "{stdout}");
    assert!(
        stderr.contains("(stdin):1:1: the text has no words once its marks are taken out"),
        "{stderr}"
    );
    let (code, _, stderr) = run(&["import", "-"], Some("**"));
    assert_eq!(code, 2);
    assert!(
        stderr.contains("(stdin):1:1: 文本除标记外没有文字"),
        "{stderr}"
    );
    let (_dir_bad, bad) = temp("latin1.txt");
    std::fs::write(&bad, b"(A\xe0)\n").unwrap();
    let (code, _, stderr) = run(&["import", bad.to_str().unwrap()], None);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("latin1.txt:1:3: 不是有效的 UTF-8"),
        "in the interface's language: {stderr}"
    );
    // What is no text of a reply letter is refused where it shows, and nothing is written: a
    // binary file's NUL, a text without a Chinese character, a letter in YAML already (whose
    // keys and comments had become paragraphs of a draft that passed check).
    let (dir, draft) = temp("draft.yaml");
    let shipped = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("content/zhongshan-kjj-2021-142.yaml");
    let yaml = std::fs::read_to_string(shipped).expect("the shipped letter");
    for (name, text, said) in [
        (
            "binary.txt",
            "某局\n答复如下\0\0\0".to_string(),
            "binary.txt:2:5: 文本中有控制字符 U+0000，是二进制文件吗？",
        ),
        (
            "english.txt",
            "hello world\n".to_string(),
            "english.txt:1:1: 文本中没有汉字",
        ),
        (
            "letter.txt",
            yaml,
            "letter.txt: 已是 YAML 格式的答复函；请用 `dafu 文件` 打开",
        ),
    ] {
        let input = dir.path().join(name);
        std::fs::write(&input, text).unwrap();
        let (code, _, stderr) = run(
            &[
                "import",
                input.to_str().unwrap(),
                "-o",
                draft.to_str().unwrap(),
            ],
            None,
        );
        assert_eq!(code, 2, "{name}: {stderr}");
        assert!(stderr.contains(said), "{name}: {stderr}");
        assert!(!draft.exists(), "{name}: nothing written");
    }
}

/// A transcript saved as GBK (GB18030), as many government pages are, or as UTF-16 with its
/// byte-order mark (Windows' "Unicode"), imports as its UTF-8 text does, and the report says
/// which encoding it was read in; texts in other encodings that GBK's bytes hold are refused.
#[test]
fn a_gbk_or_utf16_transcript_imports_as_its_utf8_text_does() {
    let source = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/real-letters/shilin-weijian-2022.txt"),
    )
    .expect("the transcript reads");
    let (gbk, _, unmappable) = encoding_rs::GBK.encode(&source);
    assert!(!unmappable, "GBK has every character of the letter");
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(source.encode_utf16().flat_map(u16::to_le_bytes));
    let utf8 = dafu::import::from_bytes(source.as_bytes(), "shilin.txt").expect("imports");
    for (bytes, encoding) in [(gbk.into_owned(), "GBK/GB18030"), (utf16, "UTF-16LE")] {
        let imported = dafu::import::from_bytes(&bytes, "shilin.txt").expect("imports");
        assert_eq!(imported.letter, utf8.letter, "{encoding}");
        assert_eq!(
            imported.warnings[0],
            dafu::import::Warning::Decoded(encoding)
        );
    }
    // Texts in other encodings whose bytes GBK also decodes (to wrong Han characters) are
    // refused, not read as GBK: Big5, EUC-KR, Shift_JIS, and Latin-1 with an accented
    // letter before an ASCII one (ü then l).
    let others = [
        (
            encoding_rs::BIG5,
            "中山市科學技術局關於政協提案的答復函，現答復如下：一、加強頂層設計。",
        ),
        (
            encoding_rs::EUC_KR,
            "중산시 과학기술국의 정협 제안에 대한 답변 서한입니다. 감사합니다.",
        ),
        (
            encoding_rs::SHIFT_JIS,
            "中山市科学技術局の政協提案に対する回答書です。よろしくお願いします。",
        ),
        (
            encoding_rs::WINDOWS_1252,
            "Sehr geehrte Frau Müller, für die Straßenbahn in München danken wir.",
        ),
    ];
    for (encoding, text) in others {
        let (bytes, _, unmappable) = encoding.encode(text);
        assert!(!unmappable, "{}", encoding.name());
        assert!(std::str::from_utf8(&bytes).is_err(), "{}", encoding.name());
        let refused = dafu::import::from_bytes(&bytes, "other.txt")
            .map(|imported| imported.letter.opening)
            .expect_err(encoding.name());
        assert!(
            refused.message.starts_with("not valid UTF-8 text"),
            "{refused}"
        );
    }
    let (_dir, file) = temp("gbk.txt");
    std::fs::write(&file, encoding_rs::GBK.encode(&source).0).unwrap();
    let (code, stdout, stderr) = run(&["import", file.to_str().unwrap()], None);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("石林彝族自治县卫生健康局"), "{stdout}");
    assert!(
        stderr.contains("原文不是 UTF-8，已按 GBK/GB18030 编码读取"),
        "{stderr}"
    );
}

/// Figures in any unit, with hedges before or after the number, in every text of the letter:
/// the opening, a verdict, a section, the closing; past-tense 争取 is done, future 争取 planned.
/// A hedge after 万 (「3万余人」) is read as one before it is (「400余万元」): it had been a
/// number with no unit, left out.
#[test]
fn figures_in_any_unit_with_any_hedge_in_every_text() {
    let text = "某局\n关于某提案的答复\n某委员：\n        近年来先后争取2400万元，新建道路12公里，新增30多家企业，培训3万余人，覆盖率达95%以上。\n        一、关于修路的建议\n        吸取采纳该建议，已投入400余万元。\n        （一）修建道路\n        修路3000万元左右，铺设管道800米。\n        最后，明年将争取再投入50万元。\n        某局\n        2021年7月28日\n";
    let (_, letter) = imported(text);
    let facts = |figures: &[Figure]| -> Vec<(String, f64, String, Option<String>, String)> {
        figures
            .iter()
            .map(|f| {
                let status = format!("{:?}", f.status);
                (
                    f.text.clone(),
                    f.value,
                    f.unit.clone(),
                    f.qualifier.clone(),
                    status,
                )
            })
            .collect()
    };
    let fact = |t: &str, v: f64, u: &str, q: Option<&str>, s: &str| {
        (
            t.to_string(),
            v,
            u.to_string(),
            q.map(str::to_string),
            s.to_string(),
        )
    };
    assert_eq!(
        facts(&letter.opening_figures),
        [
            fact("2400万元", 24_000_000.0, "元", None, "Done"),
            fact("12公里", 12.0, "公里", None, "Done"),
            fact("30多家", 30.0, "家", Some("多"), "Done"),
            fact("3万余人", 30_000.0, "人", Some("余"), "Done"),
            fact("95%以上", 95.0, "%", Some("以上"), "Done"),
        ]
    );
    let kinds: Vec<&str> = letter
        .opening_figures
        .iter()
        .map(|f| f.kind().name())
        .collect();
    assert_eq!(kinds, ["money", "measure", "count", "count", "percent"]);
    let suggestion = &letter.suggestions[0];
    assert_eq!(suggestion.response, "吸取采纳该建议，已投入400余万元。");
    assert_eq!(
        facts(&suggestion.figures),
        [fact("400余万元", 4_000_000.0, "元", Some("余"), "Done")]
    );
    assert_eq!(
        facts(&suggestion.measures[0].figures),
        [
            fact("3000万元左右", 30_000_000.0, "元", Some("左右"), "Done"),
            fact("800米", 800.0, "米", None, "Done"),
        ]
    );
    assert_eq!(
        facts(&letter.closing_figures),
        [fact("50万元", 500_000.0, "元", None, "Planned")]
    );
}

/// A number the wrap parted (`安排了12` | `00万元`) is joined whole: a space had been put
/// between the halves, as between two Latin words, and `00万元` drafted as a figure of 0.
#[test]
fn a_number_parted_by_a_wrap_is_joined_whole() {
    let text = "关于县人大十届二次会议第3号建议的答复\n王丽代表：\n您提出的建议收悉，现答复如下：\n2022年，我局投入资金共计为全县农村饮水工程改造项目安排了12\n00万元，改造管网约36公里，惠及群众约3万余人，取得良好成效。\n感谢您的关心。\n某某县水利局\n2023年1月5日\n";
    let (_, letter) = imported(text);
    let paragraph = (letter.opening.iter())
        .find(|p| p.contains("安排了"))
        .expect("the paragraph");
    assert!(paragraph.contains("项目安排了1200万元，"), "{paragraph}");
    let figures: Vec<(&str, f64)> = (letter.opening_figures.iter())
        .map(|f| (f.text.as_str(), f.value))
        .collect();
    assert!(figures.contains(&("1200万元", 12_000_000.0)), "{figures:?}");
    assert!(figures.iter().all(|&(_, value)| value > 0.0), "{figures:?}");
}

/// Counts and measures in the words counties write them (人次, 株, 盏, 间, 册, 起, 平方公里…)
/// are figures: they had been left out unsaid, and 「20万株」 noted as a number with no unit,
/// which the reader then showed beside the letter's text as if the letter lacked one.
#[test]
fn counts_and_measures_in_the_words_counties_use_are_figures() {
    let text = "某局\n关于某提案的答复\n某委员：\n        近年来培训乡村教师3000人次，植树20万株，安装路灯1200盏，改造危房350间，发放图书5000册，接待游客120万人次，查处违法案件12起，治理水土流失面积15平方公里。\n        某局\n        2021年7月28日\n";
    let (imported, letter) = imported(text);
    let facts: Vec<(&str, f64, &str)> = (letter.opening_figures.iter())
        .map(|f| (f.text.as_str(), f.value, f.unit.as_str()))
        .collect();
    assert_eq!(
        facts,
        [
            ("3000人次", 3000.0, "人次"),
            ("20万株", 200_000.0, "株"),
            ("1200盏", 1200.0, "盏"),
            ("350间", 350.0, "间"),
            ("5000册", 5000.0, "册"),
            ("120万人次", 1_200_000.0, "人次"),
            ("12起", 12.0, "起"),
            ("15平方公里", 15.0, "平方公里"),
        ]
    );
    assert!(letter.notes.is_empty(), "{:?}", letter.notes);
    assert!(
        !(imported.warnings.iter()).any(|w| matches!(w, dafu::import::Warning::NoUnit(_))),
        "{:?}",
        imported.warnings
    );
}

/// Suggestions go on past 九十九、: 一百、 is the hundredth, not the ninety-ninth's text after a
/// page break.
#[test]
fn suggestions_are_numbered_past_ninety_nine() {
    let mut text =
        String::from("某局\n\n关于某提案的答复\n\n某委员：\n\n您的建议收悉。现答复如下：\n\n");
    for n in 1..=120 {
        text.push_str(&format!(
            "{}、关于第{n}件事的建议\n\n吸取采纳该建议。\n\n",
            dafu::letter::tree::chinese_numeral(n)
        ));
    }
    text.push_str("特此函复。\n\n某局\n\n2021年7月28日\n");
    let (imported, letter) = imported(&text);
    assert_eq!(letter.suggestions.len(), 120, "{:?}", imported.warnings);
    assert_eq!(dafu::letter::tree::chinese_numeral(100), "一百");
    assert_eq!(letter.suggestions[99].title, "关于第100件事的建议");
    assert_eq!(letter.suggestions[119].title, "关于第120件事的建议");
    assert!(
        letter
            .suggestions
            .iter()
            .all(|s| s.response == "吸取采纳该建议。"),
        "every verdict in its suggestion"
    );
    assert!(letter.errata.is_empty(), "{:#?}", letter.errata);
    assert_eq!(letter.closing, ["特此函复。"]);
}

/// `-o` names a file that exists: refused, the file left as it was, unless `--force`.
#[test]
fn import_never_overwrites_a_file_without_force() {
    let (_dir_kept, kept) = temp("reviewed.yaml");
    std::fs::write(&kept, "reviewed by hand\n").unwrap();
    let path = kept.to_str().unwrap();
    let args = [
        "import",
        "content/source/zhongshan-kjj-2021-142.txt",
        "-o",
        path,
    ];
    let (code, stdout, stderr) = run(&args, None);
    assert_eq!(code, 2, "{stderr}");
    assert!(stdout.is_empty());
    assert!(
        stderr.contains(&format!("{path}: 已存在，不予覆盖")),
        "{stderr}"
    );
    let (_, _, stderr) = run(&[&["--lang", "en"], &args[..]].concat(), None);
    assert!(
        stderr.contains(&format!("{path}: exists; refused")),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read_to_string(&kept).unwrap(),
        "reviewed by hand\n"
    );
    let forced = [
        "import",
        "content/source/zhongshan-kjj-2021-142.txt",
        "-o",
        path,
        "--force",
    ];
    let (code, _, stderr) = run(&forced, None);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        std::fs::read_to_string(&kept)
            .unwrap()
            .contains("doc_number: 中山科函")
    );
}

/// `-o` names the text being imported, by its own name or another: refused even with
/// `--force`, and the text is untouched.
#[test]
fn import_never_overwrites_its_input() {
    let (_dir_text, text) = temp("letter.txt");
    std::fs::write(&text, TRANSCRIPT).unwrap();
    let dir = text.parent().unwrap();
    let other_name = dir
        .join("..")
        .join(dir.file_name().unwrap())
        .join("letter.txt");
    for output in [text.clone(), other_name] {
        let out = output.to_str().unwrap();
        for force in [false, true] {
            let mut args = vec!["--lang", "en", "import", text.to_str().unwrap(), "-o", out];
            if force {
                args.push("--force");
            }
            let (code, _, stderr) = run(&args, None);
            assert_eq!(code, 2, "{stderr}");
            assert!(
                stderr.contains(&format!("{out}: is the text being imported; refused")),
                "{stderr}"
            );
        }
    }
    assert_eq!(std::fs::read_to_string(&text).unwrap(), TRANSCRIPT);
}

#[test]
fn diff_shows_what_a_person_changed_by_node() {
    let (_dir_draft, draft) = temp("diff-draft.yaml");
    let (code, _, _) = run(
        &[
            "--lang",
            "en",
            "import",
            "content/source/zhongshan-kjj-2021-142.txt",
            "-o",
            draft.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(code, 0);
    let (code, stdout, _) = run(
        &["diff", draft.to_str().unwrap(), draft.to_str().unwrap()],
        None,
    );
    assert_eq!(
        (code, stdout.as_str()),
        (1 - 1, ""),
        "a letter does not differ from itself"
    );
    let (code, stdout, stderr) = run(
        &[
            "diff",
            draft.to_str().unwrap(),
            "content/zhongshan-kjj-2021-142.yaml",
        ],
        None,
    );
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stdout.contains("~ 四（一）五是 text: …文件，围绕我市战[-战-]略性新兴产业、优…"),
        "{stdout}"
    );
    assert!(stdout.contains("+ notes note on 新工智能: "), "{stdout}");
    // Only the node the person changed shows, apart from what needs a person: `what`, the
    // drafted period, `part_of`, errata and notes.
    let judged = [
        " what: ",
        " period: ",
        " part_of: ",
        " money_kind: ",
        " status: ",
        " errata ",
        " notes ",
    ];
    let nodes: Vec<&str> = stdout
        .lines()
        .filter(|l| !judged.iter().any(|j| l.contains(j)))
        .collect();
    assert_eq!(nodes.len(), 1, "{nodes:#?}");
    // The text file itself can be one side.
    let (code, stdout, _) = run(
        &[
            "diff",
            "content/source/zhongshan-kjj-2021-142.txt",
            draft.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!((code, stdout.as_str()), (0, ""));
}

/// The transcript with its body (from the opening to the closing) written `times` times.
fn long_letter(times: usize) -> String {
    let start = TRANSCRIPT.find("您们提出的").expect("the opening");
    let end = TRANSCRIPT.find("综合而言").expect("the closing");
    let (head, rest) = TRANSCRIPT.split_at(start);
    let (body, tail) = rest.split_at(end - start);
    format!("{head}{}{tail}", body.repeat(times))
}

/// Odd shapes import whole: 200 bodies (2.8 MB), and one sentence broken by 100,000 page
/// breaks. (That the work is linear, `cargo bench --bench import` shows: ten times the text,
/// ten times the time.)
#[test]
fn long_and_broken_texts_import() {
    let long = long_letter(200);
    let imported = import(&long).expect("the long letter imports");
    assert_eq!(
        imported.letter.suggestions.len(),
        5,
        "ordinals repeat, so only the first run is a tree"
    );

    let broken = format!(
        "(A类)\n\n某局\n\n某函〔2021〕1号\n\n关于某事的函\n\n某委员：\n\n一、关于某事 {}完。\n\n某局\n2021年7月28日\n",
        "甲 1 家，\n\n".repeat(100_000)
    );
    let imported = import(&broken).expect("the broken letter imports");
    // The heading's own line is no sentence to continue: the other 99,999 breaks are joined.
    let joined = imported
        .letter
        .errata
        .iter()
        .filter(|e| e.original.contains("\n\n"))
        .count();
    assert_eq!(joined, 99_999);

    // A run of letters broken by as many page breaks: each quotation keeps to its bound,
    // not the whole run joined so far (which made the import quadratic).
    let run = format!(
        "(A类)\n\n某局\n\n某函〔2021〕1号\n\n关于某事的函\n\n某委员：\n\n一、关于某事 {}完。\n\n某局\n2021年7月28日\n",
        format!("{}\n\n", "A".repeat(100)).repeat(1_000)
    );
    let imported = import(&run).expect("the run imports");
    let breaks: Vec<usize> = (imported.letter.errata.iter())
        .filter(|e| e.original.contains("\n\n"))
        .map(|e| e.original.chars().count())
        .collect();
    assert_eq!(breaks.len(), 999);
    assert!(
        breaks.iter().all(|&n| n <= 2 * 24 + 2),
        "{:?}",
        breaks.iter().max()
    );

    // A section's paragraph of a million spaces before its point: each character is looked
    // at once for where a point may start (looked for backwards, it took minutes).
    let spaces = format!(
        "关于某事的答复\n\n某委员：\n\n一、基本情况\n\n说明{}甲。一是乙丙。\n\n二、其他\n\n完。\n\n某局\n2021年7月28日\n",
        " ".repeat(1_000_000)
    );
    let imported = import(&spaces).expect("the spaces import");
    let first = &imported.letter.sections[0];
    assert_eq!(first.points.len(), 1, "{:?}", first.points);
    assert_eq!(first.points[0].text, "乙丙。");
}

/// `dafu letter.txt`: the reader on an import made in memory, which its status row calls an
/// unreviewed import; the letter it ships with says nothing of the kind.
#[test]
fn the_reader_opens_a_text_and_says_it_is_an_unreviewed_import() {
    use dafu::app::App;
    use dafu::strings::Lang;
    use dafu::text::width::AmbiguousWidth;
    let tree = dafu::import::tree_from_path(Path::new("content/source/zhongshan-kjj-2021-142.txt"))
        .expect("the transcript opens");
    assert_eq!(tree.letter.suggestions.len(), 5);
    // The suspected erratum stands under the paragraph that keeps both characters.
    let holding = tree
        .blocks
        .iter()
        .find(|b| b.text.contains("围绕我市战战略性"))
        .expect("the text keeps the repeated character");
    let note = tree
        .blocks
        .iter()
        .find(|b| {
            b.text
                .starts_with("※ 疑似勘误（未改，待核对） 「围绕我市战战略性新兴产业」")
        })
        .expect("the suspected erratum is shown");
    assert_eq!(
        note.node, holding.node,
        "shown at its place, not at the end"
    );
    let app = App::new(tree, Lang::Zh, AmbiguousWidth::Narrow, (120, 36));
    let screen = util::screen(&app);
    let status = screen.lines().last().unwrap_or_default();
    assert!(status.contains("未经审阅的导入稿"), "{status}");
    let shipped = util::screen(&util::app(120, 36));
    assert!(
        !shipped.contains("未经审阅"),
        "the shipped letter is reviewed"
    );
    // The command-line faces open a text the same way.
    let (code, stdout, stderr) = run(
        &[
            "outline",
            "content/source/zhongshan-kjj-2021-142.txt",
            "--depth",
            "1",
        ],
        None,
    );
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("五、"), "{stdout}");
}

/// The report counts in English as a reader writes: one erratum, three numbered paragraphs.
#[test]
fn the_reports_counts_agree_with_their_number_in_english() {
    let (code, _, stderr) = run(
        &[
            "--lang",
            "en",
            "import",
            "tests/fixtures/real-letters/jiange-weijian-2020.txt",
        ],
        None,
    );
    assert_eq!(code, 0, "{stderr}");
    let first = stderr.lines().next().unwrap_or_default();
    assert_eq!(
        first,
        "dafu import: 3 sections (0 with a heading, 3 numbered paragraphs), 2 figures, 1 erratum"
    );
}

/// A range of amounts (「每人每月补助200至800元」) is no figure: its two ends are no sum, and
/// the schema has none for a range. It had been drafted as one figure of 800元, whose `what`
/// ended in 「200至」, and which a chart then added to the section's other sums as money paid.
/// Now neither end is drafted; the draft notes the range where it stands, and the report
/// lists it. Years written as a range stay a figure's period.
#[test]
fn a_range_of_amounts_is_noted_not_drafted_as_a_figure() {
    let (_dir, file) = temp("ranges.txt");
    let ranges = [
        "200至800元",
        "300-900元",
        "400～1000元",
        "500到1100元",
        "2万至5万元",
        "600元至1200元",
        "10%-20%",
    ];
    let sentences: String = (ranges.iter())
        .map(|r| format!("每人每月补助{r}，"))
        .collect();
    std::fs::write(
        &file,
        format!(
            "某县民政局\n关于县政协十届二次会议第12号提案的答复\n张委员：\n        \
             您提出的《关于提高困难群众生活补助的提案》收悉，现答复如下：\n        \
             2023年，我县{sentences}发放临时救助金150万元。\
             2021年至2023年，县财政累计安排资金1.5亿元。\n        某县民政局\n        \
             2023年7月28日\n"
        ),
    )
    .unwrap();
    let (code, draft, report) = run(&["--lang", "en", "import", file.to_str().unwrap()], None);
    assert_eq!(code, 0, "{report}");
    let letter = load::parse(&draft, "draft").expect("the draft passes check");
    let figures: Vec<(&str, Option<&str>)> = (letter.opening_figures.iter())
        .map(|f| (f.text.as_str(), f.period.as_deref()))
        .collect();
    assert_eq!(
        figures,
        [("150万元", Some("2023")), ("1.5亿元", Some("2021-2023"))],
        "{draft}"
    );
    let notes: Vec<(&str, &str)> = (letter.notes.iter())
        .map(|n| (n.text.as_str(), n.note.as_str()))
        .collect();
    for range in ranges {
        assert!(
            notes
                .iter()
                .any(|&(text, note)| text == range && note.contains("范围")),
            "{range}: {notes:?}"
        );
    }
    assert!(
        !(notes.iter()).any(|&(_, note)| note.contains("没有 dafu 认得的单位")),
        "2万 of 2万至5万元 is a range's end, not a number with no unit: {notes:?}"
    );
    assert!(
        report.contains(&format!(
            "warning: ranges, not taken as figures (a range's two ends are no sum; add the \
             figures the letter means): {}",
            ranges.join("、")
        )),
        "{report}"
    );
}

/// 计划 that names a programme (特岗计划, “三支一扶”计划, 行动计划实施以来) says nothing of a
/// plan: the figures of such a sentence had been drafted as planned, which the figures view
/// then showed as 计划 and no total added. 计划 the verb (计划明年, 计划投入, 计划于) still
/// makes its figures planned.
#[test]
fn a_programme_named_a_plan_is_no_plan() {
    let text = "某县教育局\n关于县人大十届二次会议第3号建议的答复\n王丽代表：\n        \
                您提出的建议收悉，现答复如下：\n        \
                2022年，我县通过特岗计划招聘教师120人。实施“三支一扶”计划，招募50人。\
                国培计划培训教师300人次。乡村振兴行动计划实施以来，新建道路12公里。\
                该计划共资助学生45名。\
                我县计划明年招聘教师80人。我局计划投入资金500万元。计划于2024年新建学校2所。\
                县财政年度计划投资300万元。特岗计划将招聘教师60人。\n        \
                某县教育局\n        2023年7月28日\n";
    let (_, letter) = imported(text);
    let statuses: Vec<(&str, String)> = (letter.opening_figures.iter())
        .map(|f| (f.text.as_str(), format!("{:?}", f.status)))
        .collect();
    let expected = [
        ("120人", "Done"),
        ("50人", "Done"),
        ("300人次", "Done"),
        ("12公里", "Done"),
        ("45名", "Done"),
        ("80人", "Planned"),
        ("500万元", "Planned"),
        ("2所", "Planned"),
        ("300万元", "Planned"),
        ("60人", "Planned"),
    ];
    let expected: Vec<(&str, String)> = (expected.iter())
        .map(|&(t, s)| (t, s.to_string()))
        .collect();
    assert_eq!(statuses, expected);
}

/// A short verdict is read wherever a letter writes one: as the first sentence of the
/// suggestion's first paragraph (「该建议已采纳。我局投入…」), without its full stop (a web
/// page's copy), as a class (「该建议属于A类。」), or after the heading's own full stop on its
/// line. Each had been left in the paragraphs and the suggestion reported with no verdict,
/// while a long sentence with 暂无法采纳 was taken.
#[test]
fn a_short_verdict_is_read_as_a_long_one_is() {
    let text = "某县交通运输局\n关于县人大十届二次会议第3号建议的答复\n王丽代表：\n        \
                您提出的建议收悉，现答复如下：\n        \
                一、关于加快农村公路建设的建议\n        \
                该建议已采纳。我局投入资金300万元，新建道路12公里。\n        \
                二、关于完善公交站台的建议\n        您的建议已被采纳\n        新建公交站台30个。\n        \
                三、关于农村客运的建议\n        该建议属于A类。\n        新增客运班线3条。\n        \
                四、关于设立专项基金的建议。该建议已采纳。\n        设立基金1000万元。\n        \
                五、关于设立公交专线的建议\n        \
                由于目前财力有限，该项建议暂无法采纳，我们将在今后的工作中积极创造条件逐步推进。\n        \
                感谢您对交通工作的关心。\n        某县交通运输局\n        2023年7月28日\n";
    let (imported, letter) = imported(text);
    let read: Vec<(&str, &str)> = (letter.suggestions.iter())
        .map(|s| (s.title.as_str(), s.response.as_str()))
        .collect();
    assert_eq!(
        read,
        [
            ("关于加快农村公路建设的建议", "该建议已采纳。"),
            ("关于完善公交站台的建议", "您的建议已被采纳"),
            ("关于农村客运的建议", "该建议属于A类。"),
            ("关于设立专项基金的建议", "该建议已采纳。"),
            (
                "关于设立公交专线的建议",
                "由于目前财力有限，该项建议暂无法采纳，我们将在今后的工作中积极创造条件逐步推进。"
            ),
        ]
    );
    assert_eq!(
        letter.suggestions[0].paragraphs,
        ["我局投入资金300万元，新建道路12公里。"]
    );
    assert_eq!(letter.suggestions[0].figures.len(), 2);
    assert!(
        !(imported.warnings.iter()).any(|w| matches!(w, dafu::import::Warning::NoVerdict { .. })),
        "{:?}",
        imported.warnings
    );
}
