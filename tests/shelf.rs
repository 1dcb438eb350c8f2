//! The command line on a shelf of letters: `dafu list` in its three formats, `search`,
//! `figures` and `check` given a folder. The shelf holds made letters (the shipped one with
//! other issuers, numbers, dates and suggestions), two real transcripts imported in memory,
//! and one broken letter.

mod binary;
#[allow(
    dead_code,
    reason = "the made shelf is shared with the tests and benchmarks"
)]
#[path = "../benches/common/shelf.rs"]
mod made;

use std::collections::BTreeSet;
use std::path::Path;

use binary::{Output, dafu, parse_csv, run_command};
use made::MadeLetter;

/// How many made letters the small shelf holds.
const MADE: usize = 12;

/// The real transcripts on the shelf, two published replies as their web pages give them (a
/// document number first and no title; a title, no number, the contact before the signature).
const TRANSCRIPTS: [&str; 2] = [
    "tests/fixtures/real-letters/shenmu-linye-2022.txt",
    "tests/fixtures/real-letters/ziyang-wenguanglvyou-2017.txt",
];

/// A transcript's name on the shelf.
fn name_of(transcript: &str) -> &str {
    transcript.rsplit('/').next().unwrap_or(transcript)
}

/// The broken letter's name.
const BROKEN: &str = "broken.yaml";

/// A small shelf in a temporary folder.
struct Shelf {
    dir: binary::Scratch,
    made: Vec<MadeLetter>,
    /// Where the broken letter is broken: its line and column.
    broken_at: (usize, usize),
}

impl Shelf {
    fn new() -> Self {
        let dir = binary::Scratch::new("shelf");
        let made = made::write_shelf(dir.path(), MADE).expect("the made letters are written");
        for transcript in TRANSCRIPTS {
            let source = Path::new(env!("CARGO_MANIFEST_DIR")).join(transcript);
            std::fs::copy(source, dir.path().join(name_of(transcript))).expect("copied");
        }
        // A made letter whose date does not exist: refused at the date's value.
        let good = made::made_letter(MADE).yaml;
        let line = good
            .lines()
            .position(|l| l.trim_start().starts_with("date:"))
            .expect("a date line");
        let broken: Vec<String> = good
            .lines()
            .enumerate()
            .map(|(n, l)| {
                if n == line {
                    "  date: 2021-02-30".to_string()
                } else {
                    l.to_string()
                }
            })
            .collect();
        std::fs::write(dir.path().join(BROKEN), broken.join("\n")).expect("written");
        Self {
            dir,
            made,
            broken_at: (line + 1, 9),
        }
    }

    /// Runs dafu with `args`, its cache in the shelf's hidden `.cache` folder (which the
    /// walk passes over).
    fn run<const N: usize>(&self, args: [&str; N]) -> Output {
        let mut command = dafu(args);
        command.env("XDG_CACHE_HOME", self.dir.path().join(".cache"));
        run_command(&mut command)
    }

    fn path(&self) -> &str {
        self.dir.path().to_str().expect("a UTF-8 path")
    }

    fn file(&self, name: &str) -> String {
        format!("{}/{name}", self.path())
    }

    /// The letters whose text holds `word`, by file: the made letters whose YAML has it, and
    /// the transcripts that have it once their line breaks and spaces are taken out.
    fn holding(&self, word: &str) -> BTreeSet<String> {
        let made = self.made.iter().filter(|m| m.yaml.contains(word));
        let made = made.map(|m| self.file(&m.file_name));
        let transcripts = TRANSCRIPTS.iter().filter(|t| {
            let text = std::fs::read_to_string(self.file(name_of(t))).expect("a transcript");
            let joined: String = text.split_whitespace().collect();
            joined.contains(word)
        });
        made.chain(transcripts.map(|t| self.file(name_of(t))))
            .collect()
    }
}

/// The files named at the start of each line of `dafu search` output.
fn files_named(stdout: &str) -> BTreeSet<String> {
    stdout
        .lines()
        .map(|line| line.split(": ").next().unwrap_or_default().to_string())
        .collect()
}

#[test]
fn list_as_a_table_shows_every_letter_marks_the_imports_and_the_refused_one() {
    let shelf = Shelf::new();
    let out = shelf.run(["list", shelf.path()]);
    assert_eq!(out.code(), Some(0), "{out:?}");
    let stdout = out.stdout();
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 1 + MADE + TRANSCRIPTS.len() + 1, "{stdout}");
    assert!(lines[0].starts_with("文件"), "{}", lines[0]);
    for m in &shelf.made {
        let row = lines
            .iter()
            .find(|l| l.starts_with(&shelf.file(&m.file_name)))
            .expect("a row per made letter");
        // What it answers, not its title, which names only the proposal's number.
        for field in [&m.date, &m.issuer, &m.doc_number, &m.subject] {
            assert!(row.contains(field.as_str()), "{field} missing from {row}");
        }
        assert!(!row.contains("答复的函"), "{row}");
        assert!(!row.contains("未审阅"), "{row}");
    }
    for transcript in TRANSCRIPTS {
        let file = shelf.file(name_of(transcript));
        let row = lines.iter().find(|l| l.starts_with(&file)).expect("a row");
        assert!(
            row.contains("未审阅"),
            "an import is marked unreviewed: {row}"
        );
    }
    // The second transcript is written in sections: it answers no suggestion one by one, and
    // its suggestions read `—`, not 0 (file, date, issuer, number, class, suggestions…).
    let sections = shelf.file(name_of(TRANSCRIPTS[1]));
    let row = lines
        .iter()
        .find(|l| l.starts_with(&sections))
        .expect("a row");
    let cells: Vec<&str> = row.split_whitespace().collect();
    assert_eq!(cells[5], "—", "{row}");
    let (line, column) = shelf.broken_at;
    let row = lines
        .iter()
        .find(|l| l.starts_with(&shelf.file(BROKEN)))
        .expect("a row");
    assert!(row.contains("无法读取"), "{row}");
    // The row names the file first; its error says where in it, and does not name it again.
    assert!(
        row.contains(&format!("  {line}:{column}: ")),
        "the error at its place: {row}"
    );
    assert_eq!(row.matches(BROKEN).count(), 1, "{row}");
}

#[test]
fn list_as_json_gives_the_named_fields_of_every_letter() {
    let shelf = Shelf::new();
    let out = shelf.run(["list", "--format", "json", shelf.path()]);
    assert_eq!(out.code(), Some(0), "{out:?}");
    let rows: Vec<serde_json::Value> = serde_json::from_str(&out.stdout()).expect("JSON");
    assert_eq!(rows.len(), MADE + TRANSCRIPTS.len() + 1);
    let fields: BTreeSet<&str> = [
        "path",
        "date",
        "issuer",
        "doc_number",
        "classification",
        "title",
        "proposal",
        "suggestions",
        "figures",
        "error",
        "unreviewed",
        "sections",
        "subject",
    ]
    .into();
    for row in &rows {
        let keys: BTreeSet<&str> = row
            .as_object()
            .expect("an object")
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(keys, fields);
    }
    let row_of = |file: &str| {
        rows.iter()
            .find(|r| r["path"] == file)
            .unwrap_or_else(|| panic!("no row for {file}"))
    };
    for m in &shelf.made {
        let row = row_of(&shelf.file(&m.file_name));
        assert_eq!(row["date"], m.date.as_str());
        assert_eq!(row["issuer"], m.issuer.as_str());
        assert_eq!(row["doc_number"], m.doc_number.as_str());
        assert_eq!(row["proposal"], m.proposal.to_string());
        assert_eq!(row["suggestions"], m.suggestions.len());
        assert!(row["figures"].as_u64().is_some_and(|n| n > 0), "{row}");
        assert_eq!(row["error"], serde_json::Value::Null);
        assert_eq!(row["unreviewed"], false);
        assert_eq!(row["sections"], 0, "written suggestion by suggestion");
        assert_eq!(row["subject"], m.subject.as_str());
        assert!(
            row["title"]
                .as_str()
                .is_some_and(|t| t.ends_with("答复的函"))
        );
    }
    for transcript in TRANSCRIPTS {
        let row = row_of(&shelf.file(name_of(transcript)));
        assert_eq!(row["unreviewed"], true, "{row}");
        assert_eq!(row["error"], serde_json::Value::Null, "{row}");
    }
    // 神木 writes its class `类 别： B`: a list gives the class, B.
    let shenmu = row_of(&shelf.file(name_of(TRANSCRIPTS[0])));
    assert_eq!(shenmu["classification"], "B", "{shenmu}");
    // Its subject is the proposal's title the import found in its opening.
    assert_eq!(
        shenmu["subject"], "关于彻底整治和美化东山香炉山底环境的议案",
        "{shenmu}"
    );
    // The second transcript answers in sections, no suggestion one by one: a script tells it
    // from a reply that answered nothing.
    let sections = row_of(&shelf.file(name_of(TRANSCRIPTS[1])));
    assert_eq!(sections["suggestions"], 0, "{sections}");
    assert!(
        sections["sections"].as_u64().is_some_and(|n| n > 0),
        "{sections}"
    );
    let broken = row_of(&shelf.file(BROKEN));
    let (line, column) = shelf.broken_at;
    let error = broken["error"].as_str().expect("an error");
    assert!(
        error.starts_with(&format!("{}:{line}:{column}: ", shelf.file(BROKEN))),
        "{error}"
    );
    assert_eq!(broken["issuer"], serde_json::Value::Null);
}

#[test]
fn list_as_json_gives_a_path_with_control_characters_exactly_and_the_table_inert() {
    let shelf = Shelf::new();
    let name = "escape\u{1b}]0;title\u{7}.yaml";
    let made = shelf.made[0].file_name.clone();
    std::fs::copy(shelf.file(&made), shelf.file(name)).expect("copied");
    let out = shelf.run(["list", "--format", "json", shelf.path()]);
    assert_eq!(out.code(), Some(0), "{out:?}");
    assert!(!out.stdout.contains(&0x1b), "JSON escapes ESC itself");
    let rows: Vec<serde_json::Value> = serde_json::from_str(&out.stdout()).expect("JSON");
    let path = rows
        .iter()
        .filter_map(|r| r["path"].as_str())
        .find(|p| p.contains("escape"))
        .expect("a row for the file");
    assert_eq!(path, shelf.file(name));
    assert!(std::path::Path::new(path).is_file(), "a script can open it");
    let table = shelf.run(["list", shelf.path()]);
    assert!(!table.stdout.contains(&0x1b), "{table:?}");
    assert!(
        table.stdout().contains("escape␛]0;title␇.yaml"),
        "{table:?}"
    );
}

#[test]
fn list_as_csv_has_a_header_and_a_record_per_letter() {
    let shelf = Shelf::new();
    let out = shelf.run(["list", "--format", "csv", shelf.path()]);
    assert_eq!(out.code(), Some(0), "{out:?}");
    let records = parse_csv(&out.stdout());
    assert_eq!(
        records[0],
        [
            "path",
            "date",
            "issuer",
            "doc_number",
            "classification",
            "title",
            "proposal",
            "suggestions",
            "figures",
            "error",
            "unreviewed",
            "sections",
            "subject"
        ]
    );
    assert_eq!(records.len(), 1 + MADE + TRANSCRIPTS.len() + 1);
    for m in &shelf.made {
        let record = records
            .iter()
            .find(|r| r[0] == shelf.file(&m.file_name))
            .expect("a record");
        assert_eq!(record[1], m.date);
        assert_eq!(record[2], m.issuer);
        assert_eq!(record[3], m.doc_number);
        assert_eq!(record[6], m.proposal.to_string());
        assert_eq!(record[7], m.suggestions.len().to_string());
        assert_eq!(record[9], "");
        assert_eq!(record[11], "0");
    }
    let broken = records
        .iter()
        .find(|r| r[0] == shelf.file(BROKEN))
        .expect("a record");
    assert!(broken[9].starts_with(&shelf.file(BROKEN)), "{broken:?}");
    assert_eq!(broken[11], "", "a refused letter has no count: {broken:?}");
}

#[test]
fn search_by_characters_names_exactly_the_letters_that_hold_the_word() {
    let shelf = Shelf::new();
    let word = "人才立法";
    let holding = shelf.holding(word);
    let lacking = shelf
        .made
        .iter()
        .filter(|m| !holding.contains(&shelf.file(&m.file_name)));
    assert!(
        !holding.is_empty() && lacking.count() > 0,
        "the word must tell letters apart"
    );
    let out = shelf.run(["search", word, shelf.path()]);
    assert_eq!(files_named(&out.stdout()), holding);
    // As grep: a letter that could not be read makes the status 2, whatever was found.
    assert_eq!(out.code(), Some(2), "{out:?}");
    assert!(out.stderr().starts_with(&shelf.file(BROKEN)), "{out:?}");
    for line in out.stdout().lines() {
        assert!(
            line.contains(word),
            "each line shows the match in context: {line}"
        );
        assert!(line.contains(" › "), "each line has its breadcrumb: {line}");
    }
}

#[test]
fn search_by_pinyin_and_initials_names_the_same_letters() {
    let shelf = Shelf::new();
    let holding = shelf.holding("人才立法");
    // The first run fills the cache, the others read it: each way names the same letters,
    // typed in pinyin, in initials, or partly in characters (their pairs judged by the
    // letters' filters, the letters by pinyin).
    for query in ["rencailifa", "rencailf", "人才lifa", "rc立法", "人才lf"] {
        let out = shelf.run(["search", query, shelf.path()]);
        assert_eq!(files_named(&out.stdout()), holding, "{query}");
    }
}

#[test]
fn search_reaches_the_imported_transcripts_through_traditional_forms() {
    let shelf = Shelf::new();
    // 覆蓋 is the traditional form of 覆盖: only the forestry bureau's reply has it.
    let out = shelf.run(["search", "森林覆蓋率", shelf.path()]);
    assert_eq!(
        files_named(&out.stdout()),
        BTreeSet::from([shelf.file("shenmu-linye-2022.txt")])
    );
}

#[test]
fn search_exits_as_grep_does_on_a_shelf_that_reads() {
    let shelf = Shelf::new();
    std::fs::remove_file(shelf.file(BROKEN)).expect("removed");
    let found = shelf.run(["search", "rgzn", shelf.path()]);
    assert_eq!(found.code(), Some(0), "{found:?}");
    assert!(found.stderr.is_empty());
    let none = shelf.run(["search", "没有这个词语", shelf.path()]);
    assert_eq!(none.code(), Some(1), "{none:?}");
    assert!(none.stdout.is_empty());
}

#[test]
fn figures_of_a_shelf_have_a_letter_column() {
    let shelf = Shelf::new();
    let out = shelf.run(["figures", "--format", "csv", shelf.path()]);
    let records = parse_csv(&out.stdout());
    assert_eq!(records[0][0], "letter");
    assert_eq!(records[0][1], "node");
    // Each made letter's figures are its own letter's: those of the shipped letter's
    // suggestions it kept, and the opening's.
    let shipped = shelf.run(["figures", "--format", "csv"]);
    let shipped = parse_csv(&shipped.stdout());
    for m in &shelf.made {
        let rows = records
            .iter()
            .filter(|r| r[0] == shelf.file(&m.file_name))
            .count();
        let kept: Vec<String> = m
            .suggestions
            .iter()
            .map(|s| format!("s{}", s + 1))
            .collect();
        let expected = shipped[1..]
            .iter()
            .filter(|r| {
                let top = r[0].split('.').next().unwrap_or_default();
                top == "opening" || top == "closing" || kept.iter().any(|k| k == top)
            })
            .count();
        assert_eq!(rows, expected, "{}", m.file_name);
    }
    let table = shelf.run(["figures", shelf.path()]);
    let header = table
        .stdout()
        .lines()
        .next()
        .unwrap_or_default()
        .to_string();
    assert!(header.starts_with("答复函"), "{header}");
    // The refused letter is reported, and makes the status 2.
    assert_eq!(out.code(), Some(2));
    assert!(out.stderr().starts_with(&shelf.file(BROKEN)), "{out:?}");
}

#[test]
fn check_refuses_only_the_broken_letter_at_its_place() {
    let shelf = Shelf::new();
    let out = shelf.run(["check", shelf.path()]);
    assert_eq!(out.code(), Some(2), "{out:?}");
    assert!(out.stdout.is_empty());
    let stderr = out.stderr();
    let (line, column) = shelf.broken_at;
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 1, "{stderr}");
    assert!(
        lines[0].starts_with(&format!("{}:{line}:{column}: ", shelf.file(BROKEN))),
        "{stderr}"
    );
    std::fs::remove_file(shelf.file(BROKEN)).expect("removed");
    let clean = shelf.run(["check", shelf.path()]);
    assert_eq!(clean.code(), Some(0), "{clean:?}");
    assert!(clean.stdout.is_empty() && clean.stderr.is_empty());
}

#[test]
fn check_of_a_folder_without_letters_says_it_checked_nothing() {
    let shelf = Shelf::new();
    let empty = shelf.dir.path().join("empty");
    std::fs::create_dir(&empty).expect("made");
    std::fs::write(empty.join("notes.md"), "not a letter").expect("written");
    let empty = empty.to_str().expect("UTF-8");
    for (lang, words) in [("zh", "没有检查任何文件"), ("en", "nothing was checked")] {
        let out = shelf.run(["--lang", lang, "check", empty]);
        assert_eq!(out.code(), Some(0), "nothing refused: {out:?}");
        assert!(out.stderr().starts_with(&format!("{empty}: ")), "{out:?}");
        assert!(out.stderr().contains(words), "{out:?}");
    }
    // A folder with letters says nothing of the sort.
    let out = shelf.run(["check", shelf.path()]);
    assert!(!out.stderr().contains("没有检查任何文件"), "{out:?}");
}

/// `list`, `figures` and `search` of a folder without letters say so, beside their empty
/// answer (a header, no match): the folder was not read as a shelf that answers nothing.
#[test]
fn list_figures_and_search_of_a_folder_without_letters_say_it_holds_none() {
    let shelf = Shelf::new();
    let empty = shelf.dir.path().join("empty");
    std::fs::create_dir(&empty).expect("made");
    let empty = empty.to_str().expect("UTF-8");
    let run = |args: &[&str]| {
        let mut command = dafu(args);
        command.env("XDG_CACHE_HOME", shelf.dir.path().join(".cache"));
        run_command(&mut command)
    };
    for (command, code) in [
        (&["list"][..], 0),
        (&["figures"], 0),
        (&["search", "人才"], 1),
    ] {
        for (lang, words) in [("zh", "没有答复函文件"), ("en", "holds no letter files")] {
            let args = [&["--lang", lang], command, &[empty]].concat();
            let out = run(&args);
            assert_eq!(out.code(), Some(code), "{args:?}: {out:?}");
            let said = format!("{empty}: ");
            assert!(
                out.stderr().starts_with(&said) && out.stderr().contains(words),
                "{out:?}"
            );
            // A list of no letters is no table, not a heading over nothing.
            if command == ["list"] {
                assert!(out.stdout.is_empty(), "{out:?}");
            }
        }
    }
    // A folder with letters says nothing of the sort.
    for command in [&["list"][..], &["search", "人才"]] {
        let out = run(&[command, &[shelf.path()]].concat());
        assert!(!out.stderr().contains("没有答复函文件"), "{out:?}");
    }
}

#[test]
fn a_missing_folder_is_an_error_not_an_empty_shelf() {
    let shelf = Shelf::new();
    let out = shelf.run(["list", "/no/such/shelf"]);
    assert_eq!(out.code(), Some(2), "{out:?}");
    assert!(out.stderr().starts_with("/no/such/shelf: "), "{out:?}");
    assert!(
        !out.stdout().contains("/no/such/shelf"),
        "not a row: {out:?}"
    );
    // Named beside a shelf that is there, as `ls` does: the shelf listed, the error said.
    let out = shelf.run(["list", "--format", "json", "/no/such/shelf", shelf.path()]);
    assert_eq!(out.code(), Some(2), "{out:?}");
    assert!(out.stderr().starts_with("/no/such/shelf: "), "{out:?}");
    let rows: Vec<serde_json::Value> = serde_json::from_str(&out.stdout()).expect("JSON");
    assert_eq!(rows.len(), MADE + TRANSCRIPTS.len() + 1);
    // `dafu DIR` without a terminal prints the same list, and says the same.
    let out = shelf.run(["/no/such/shelf", shelf.path()]);
    assert_eq!(out.code(), Some(2), "{out:?}");
    assert!(out.stderr().starts_with("/no/such/shelf: "), "{out:?}");
    assert!(
        !out.stdout().contains("/no/such/shelf"),
        "not a row: {out:?}"
    );
}

#[test]
fn a_letters_searchable_text_has_each_nodes_breadcrumb_in_both_languages() {
    // The shelf makes the breadcrumbs it keeps from each node's parent's: they must be the
    // tree's own, in Chinese and in English, for a made letter and the transcripts.
    let shelf = Shelf::new();
    let mut files = vec![shelf.dir.path().join(&shelf.made[0].file_name)];
    files.extend(TRANSCRIPTS.map(|t| shelf.dir.path().join(name_of(t))));
    let mut nested = 0;
    for file in files {
        for lang in [dafu::strings::Lang::Zh, dafu::strings::Lang::En] {
            let tree = dafu::shelf::read_letter(&file, lang).expect("reads");
            let text = dafu::shelf::LetterText::from_tree(tree.clone());
            assert_eq!(text.crumbs.len(), tree.nodes.len(), "{}", file.display());
            for (id, crumbs) in text.crumbs.iter().enumerate() {
                let expected = [
                    tree.breadcrumb(id, dafu::strings::Lang::Zh),
                    tree.breadcrumb(id, dafu::strings::Lang::En),
                ];
                assert_eq!(crumbs, &expected, "{} node {id}", file.display());
            }
            nested += text
                .crumbs
                .iter()
                .filter(|[zh, _]| zh.contains(" › "))
                .count();
        }
    }
    assert!(nested > 0, "nodes with a parent among them");
}

#[test]
fn a_letters_text_taken_from_its_tree_is_the_text_made_from_it() {
    // A cold shelf takes each block's text out of the tree it no longer needs; what it keeps
    // must be the blocks the reader's search reads, editorial notes left out (the English
    // fixture has notes and errata), each with its node.
    let shelf = Shelf::new();
    let mut files = vec![
        shelf.dir.path().join(&shelf.made[0].file_name),
        std::path::PathBuf::from("tests/fixtures/english.yaml"),
    ];
    files.extend(TRANSCRIPTS.map(|t| shelf.dir.path().join(name_of(t))));
    let mut editorial = 0;
    for file in files {
        let tree = dafu::shelf::read_letter(&file, dafu::strings::Lang::Zh).expect("reads");
        let made: Vec<(usize, String)> = dafu::search::letter::letter_docs(&tree)
            .map(|(block, text)| (tree.blocks[block].node, text.to_string()))
            .collect();
        editorial += tree.blocks.len() - made.len();
        let taken = dafu::shelf::LetterText::from_tree(tree);
        assert_eq!(taken.docs, made, "{}", file.display());
    }
    assert!(editorial > 0, "editorial notes among the blocks");
}
