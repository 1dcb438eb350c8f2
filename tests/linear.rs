//! Letters of odd shapes cost time in proportion to their size: one paragraph of a million
//! spaces or newlines, a megabyte paragraph searched for `a`, a query matching a million places,
//! 128k figures quoting one text (checked, listed, and gone to from the figures view), 50k sums
//! of money in one clause of a megabyte (each one's kind checked there), a megabyte paragraph
//! of one range of amounts imported.
//!
//! Each test checks what a reader sees at these sizes (the screen, the count, the output); its
//! work runs on a thread of its own under the hang guard ([`wait::on_a_thread`]), so that
//! work that never ends fails instead of hanging. The quadratic code these tests pin took
//! minutes at these sizes; linear code takes well under a second, even in a debug build: the
//! opt-in [`timing_each_shape_takes_under_ten_seconds`] holds that
//! (`cargo test --test linear -- --ignored`), and `cargo bench --bench budgets` times search
//! and check against the letter's size.

mod util;
#[path = "util/wait.rs"]
mod wait;

use std::io::{self, Write};

use dafu::action::Action;
use dafu::app::reading::{ReadingLayout, ReadingPos};
use dafu::app::{App, Focus};
use dafu::cli::{SearchOptions, search};
use dafu::letter::tree::LetterTree;
use dafu::letter::{Figure, Letter, MoneyKind, load};
use dafu::strings::Lang;
use dafu::text::width::AmbiguousWidth;
use util::{buffer_text, draw};

/// A million, the size of the odd shapes.
const MILLION: usize = 1_000_000;

/// The minimal letter (tests/fixtures/minimal.yaml) with `paragraph` added to its opening,
/// written out as YAML and loaded back: the letter a user would open from a file.
fn letter_with(paragraph: &str) -> Letter {
    let minimal = include_str!("fixtures/minimal.yaml");
    let mut letter = load::parse(minimal, "minimal.yaml").expect("the minimal letter loads");
    letter.opening.push(paragraph.to_string());
    let yaml = serde_yaml::to_string(&letter).expect("a letter serialises");
    load::parse(&yaml, "shape.yaml").expect("the shaped letter loads")
}

/// A reader on `letter`, as the runner starts it (120×36, Chinese interface).
fn reader(letter: Letter) -> App {
    App::new(
        LetterTree::new(letter),
        Lang::Zh,
        AmbiguousWidth::Narrow,
        (120, 36),
    )
}

/// One keystroke as the runner handles it: `update`, then a frame.
fn press(app: &mut App, action: Action) -> String {
    app.update(action);
    buffer_text(draw(app).backend().buffer())
}

/// Resizes to `width`×36 and draws.
fn resize(app: &mut App, width: u16) -> String {
    press(app, Action::Resize { width, height: 36 })
}

/// The reading line holding text that starts with `start`, at `app`'s width.
fn reading_line_starting_with(app: &App, start: &str) -> Option<ReadingPos> {
    let mut layout = app.reading().clone();
    (0..app.tree().blocks.len()).find_map(|block| {
        let text = &app.tree().blocks[block].text;
        let line = layout.lines_of(app.tree(), block).iter().position(|l| {
            text.get(l.range.clone())
                .is_some_and(|t| t.starts_with(start))
        })?;
        Some(ReadingPos { block, line })
    })
}

#[test]
fn a_paragraph_of_a_million_spaces_wraps_in_linear_time() {
    let letter = letter_with(&format!("空格之前{}空格之后。", " ".repeat(MILLION)));
    let (app, first) = wait::on_a_thread("the first frame and a resize", move || {
        let mut app = reader(letter);
        let first = buffer_text(draw(&app).backend().buffer());
        resize(&mut app, 80);
        (app, first)
    });
    // The spaces hang at the end of the line they follow, out of sight; what comes after
    // them starts the next line, so both ends are on the first screen.
    assert!(first.contains("空格之前"), "{first}");
    assert!(first.contains("空格之后。"), "{first}");
    let before = reading_line_starting_with(&app, "空格之前").expect("a line starts 空格之前");
    assert_eq!(
        reading_line_starting_with(&app, "空格之后"),
        Some(ReadingPos {
            line: before.line + 1,
            ..before
        })
    );
}

#[test]
fn a_paragraph_of_a_million_newlines_wraps_in_linear_time() {
    let letter = letter_with(&format!("换行之前{}换行之后。", "\n".repeat(MILLION)));
    let (app, end) = wait::on_a_thread("the first frame, a resize and End", move || {
        let mut app = reader(letter);
        resize(&mut app, 80);
        press(&mut app, Action::SwitchFocus);
        let end = press(&mut app, Action::Last);
        (app, end)
    });
    // Each newline ends a line: a million lines, the last of them in view after End.
    let lines = ReadingLayout::line_count(app.tree(), app.reading().width(), app.ambiguous());
    assert!(lines > MILLION, "{lines}");
    assert!(end.contains("换行之后。"), "{end}");
}

/// A writer that counts lines and keeps the first few, so that a million lines of output need
/// not be held.
#[derive(Default)]
struct Lines {
    count: usize,
    kept: Vec<u8>,
}

impl Write for Lines {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.count += buf.iter().filter(|&&b| b == b'\n').count();
        if self.kept.len() < 4096 {
            self.kept.extend_from_slice(buf);
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// How many places `query` matches in the minimal letter itself (`a` matches the `A` of
/// `A类` and, by pinyin, the 案 of 提案).
fn matches_in_minimal_letter(query: &str) -> usize {
    let tree = LetterTree::new(letter_with("。"));
    let (index, _) = dafu::search::letter::letter_index(&tree);
    index.find(query).len()
}

#[test]
fn searching_a_megabyte_paragraph_for_a_prints_in_linear_time() {
    let tree = LetterTree::new(letter_with(&"a".repeat(MILLION)));
    let (count, out) = wait::on_a_thread("`dafu search a` on a 1 MB paragraph", move || {
        let mut out = Lines::default();
        let options = SearchOptions {
            color: false,
            lang: Lang::Zh,
        };
        let count = search(&tree, "a", options, &mut out).expect("writing to memory");
        (count, out)
    });
    let elsewhere = matches_in_minimal_letter("a");
    assert_eq!(count, MILLION + elsewhere);
    // Each line shows a match with up to 24 characters of context on each side, and marks
    // there the 24 matches its context after it shows: a line for every 25 matches (the
    // minimal letter's own matches, in other blocks, a line each).
    assert_eq!(out.count, MILLION.div_ceil(25) + elsewhere);
    let kept = String::from_utf8(out.kept).expect("UTF-8 output");
    let lines: Vec<&str> = kept.lines().skip(elsewhere).collect();
    let context = |n: usize| "a".repeat(n);
    assert_eq!(lines[0], format!("开头: a{}…", context(24)));
    for line in [lines[1], lines[30]] {
        assert_eq!(line, format!("开头: …{}a{}…", context(24), context(24)));
    }
}

/// Types `query` at the prompt, submits it, and then presses the keys a reader presses while
/// a query is active (j, n, N, Tab, y, PgDn, G, Tab, j), each followed by a frame. Returns the
/// screen after each step.
fn keys_with_an_active_query(app: &mut App, query: &str) -> Vec<String> {
    let mut screens = vec![press(app, Action::OpenSearch)];
    screens.push(press(app, Action::SearchInsert(query.to_string())));
    screens.push(press(app, Action::SearchSubmit));
    for action in [
        Action::Down,
        Action::NextMatch,
        Action::NextMatch,
        Action::PrevMatch,
        Action::SwitchFocus,
        Action::Down,
        Action::Copy,
        Action::PageDown,
        Action::NextMatch,
        Action::Last,
        Action::SwitchFocus,
        Action::Down,
    ] {
        screens.push(press(app, action));
    }
    screens
}

#[test]
fn keys_with_a_query_matching_a_million_places_take_linear_time() {
    let letter = letter_with(&"a".repeat(MILLION));
    let (app, screens) =
        wait::on_a_thread("keys with `/a` active on a 1 MB paragraph", move || {
            let mut app = reader(letter);
            let screens = keys_with_an_active_query(&mut app, "a");
            (app, screens)
        });
    let count = app.search().matches.len();
    assert_eq!(count, MILLION + matches_in_minimal_letter("a"));
    // After the submit the first match is current; `j` moves to the next node, away from
    // it, so `n` goes on from there (as less goes on from where the reader is), and then
    // n, N move by one each.
    let status = |i: usize| screens[i].lines().last().unwrap_or_default().to_string();
    assert!(status(2).contains(&format!("1/{count}")), "{}", status(2));
    let at = current_match(&status(4), count);
    // No match stands after the node `j` moved to: `n` comes round to the first.
    assert_eq!(at, 1, "{}", status(4));
    assert!(status(4).contains("已回到第一个匹配"), "{}", status(4));
    assert_eq!(current_match(&status(5), count), at + 1, "{}", status(5));
    assert_eq!(current_match(&status(6), count), at, "{}", status(6));
    assert_eq!(app.focus(), Focus::Outline);
}

#[test]
fn keys_with_a_query_matching_a_whole_megabyte_of_chinese_take_linear_time() {
    // 中 is three bytes: a 1 MB paragraph of it.
    let letter = letter_with(&"中".repeat(MILLION / 3));
    let (app, screens) =
        wait::on_a_thread("keys with `/中` active on a 1 MB paragraph", move || {
            let mut app = reader(letter);
            let screens = keys_with_an_active_query(&mut app, "中");
            (app, screens)
        });
    let count = app.search().matches.len();
    assert_eq!(count, MILLION / 3 + matches_in_minimal_letter("中"));
    let status = |i: usize| screens[i].lines().last().unwrap_or_default().to_string();
    let at = current_match(&status(4), count);
    assert_eq!(current_match(&status(5), count), at + 1, "{}", status(5));
    // The matches in view are highlighted: the paragraph's lines are on the screen.
    assert!(screens[5].contains(&"中".repeat(20)), "{}", screens[5]);
}

/// The current match's number in a status row that says `N/count`.
fn current_match(status: &str, count: usize) -> usize {
    let shown = format!("/{count}");
    let end = status
        .find(&shown)
        .expect("the match count in the status row");
    let digits = status.get(..end).expect("a char boundary");
    let start = digits
        .rfind(|c: char| !c.is_ascii_digit())
        .map_or(0, |i| i + 1);
    digits
        .get(start..)
        .and_then(|n| n.parse().ok())
        .expect("a match number")
}

/// The title of the reading pane: `正文 N%`.
fn reading_title(screen: &str) -> String {
    let row = screen.lines().nth(1).unwrap_or_default();
    let (_, title) = row.split_once("正文").expect("the reading pane's title");
    let percent = title.split('─').next().unwrap_or_default().trim();
    format!("正文 {percent}")
}

#[test]
fn a_long_letter_wraps_only_the_paragraphs_the_reader_shows() {
    const PARAGRAPHS: usize = 5000;
    let mut letter = letter_with("开头。");
    letter.opening.extend(
        (0..PARAGRAPHS).map(|i| format!("第{i}段：{}", "这是一段用来撑长来函的文字。".repeat(8))),
    );
    let mut app = reader(letter);
    let blocks = app.tree().blocks.len();
    assert!(blocks > PARAGRAPHS);
    assert_eq!(
        reading_title(&press(&mut app, Action::SwitchFocus)),
        "正文 0%"
    );
    // The end, a resize there, a jump to a match in the middle and back, a mark, a page.
    assert_eq!(reading_title(&press(&mut app, Action::Last)), "正文 100%");
    let end = resize(&mut app, 70);
    assert_eq!(reading_title(&end), "正文 100%");
    assert!(end.contains("专此答复。"), "{end}");
    press(&mut app, Action::OpenSearch);
    press(&mut app, Action::SearchInsert("第2500段".into()));
    let middle = press(&mut app, Action::SearchSubmit);
    assert!(middle.contains("第2500段"), "{middle}");
    let percent: usize = reading_title(&middle)
        .trim_start_matches("正文 ")
        .trim_end_matches('%')
        .parse()
        .expect("a percentage");
    assert!((45..=55).contains(&percent), "{percent}% in the middle");
    press(&mut app, Action::SetMark);
    press(&mut app, Action::MarkLetter('a'));
    press(&mut app, Action::First);
    press(&mut app, Action::PageDown);
    press(&mut app, Action::GoToMark);
    let back = press(&mut app, Action::MarkLetter('a'));
    assert!(back.contains("第2500段"), "{back}");
    press(
        &mut app,
        Action::Wheel {
            x: 10,
            y: 10,
            lines: 3,
        },
    );
    // A few screens' worth of paragraphs, not the letter.
    let wrapped = app.reading().wrapped_blocks();
    assert!(wrapped < 60, "{wrapped} of {blocks} blocks wrapped");
}

/// The minimal letter whose measure says `共3家、` `figures` times, with as many figures
/// quoting `共3家`, each written out on one line: the file `dafu check` would be given.
fn many_figures_on_one_text(figures: usize) -> String {
    let minimal = include_str!("fixtures/minimal.yaml");
    let paragraph = "          - 共3家企业参与，投入资金近1.8亿元。\n";
    let first_figure = "          - text: 共3家\n";
    let (before, after) = minimal.split_once(first_figure).expect("the first figure");
    let before = before.replace(
        paragraph,
        &format!(
            "          - {}\n          - 投入资金近1.8亿元。\n",
            "共3家、".repeat(figures)
        ),
    );
    let (first, rest) = after
        .split_once("          - text: 近1.8亿元")
        .expect("the second");
    let again = "          - {text: 共3家, value: 3, unit: 家, what: 参与企业, qualifier: 共}\n"
        .repeat(figures - 1);
    format!("{before}          - text: 共3家\n{first}{again}          - text: 近1.8亿元{rest}")
}

#[test]
fn checking_128k_figures_that_quote_one_text_takes_linear_time() {
    // Each figure counted the places of its text anew: 128k figures took 101 s.
    let yaml = many_figures_on_one_text(128 * 1024);
    let checked = wait::on_a_thread("checking 128k figures of one text", move || {
        load::parse(&yaml, "many.yaml")
            .map(|letter| letter.suggestions[0].measures[0].figures.len())
    });
    assert_eq!(checked.expect("the letter is valid"), 128 * 1024 + 1);
    // One figure more than places is still found.
    let yaml = many_figures_on_one_text(4).replacen("共3家、", "", 1);
    let refused = load::parse(&yaml, "many.yaml").expect_err("a duplicate too many");
    assert!(
        refused
            .to_string()
            .contains("listed 4 times with this value but stands 3 time(s)"),
        "{refused}"
    );
}

/// A transcript that stops mid-sentence, one sentence written again and again for three
/// megabytes: no fewer of its last words than the whole paragraph occur only where it stops,
/// so the drafted note quotes all of it, and the note's words are looked for where the draft
/// is checked. The automaton that looked for them was a DFA, whose making grows with the
/// square of a repetitive quotation: 66 KB took 15 s, a megabyte would have taken hours.
#[test]
fn importing_and_checking_a_text_cut_short_of_three_megabytes_takes_linear_time() {
    let text = "我局高度重视此项工作，".repeat(90_000);
    let notes = wait::on_a_thread("importing a text cut short and checking it", move || {
        let imported = dafu::import::import(&text).expect("a text imports");
        let yaml = dafu::import::to_yaml(&imported, "cut.txt");
        load::parse(&yaml, "cut.yaml").map(|letter| letter.notes)
    });
    let notes = notes.expect("the draft passes check");
    assert_eq!(notes.len(), 1, "{:?}", notes.first().map(|n| &n.note));
    assert!(
        notes[0].note.contains("所据文本可能不全"),
        "{}",
        notes[0].note
    );
    assert_eq!(notes[0].text.chars().count(), 11 * 90_000);
}

/// A megabyte paragraph of one range of amounts written again and again (「补助2万至5万元，」):
/// none is a figure, and each is noted, quoting as few words as tell it apart. Their
/// quotations had been looked for once a range, each found wherever the others were: the
/// matches ran past the budget, so none was noted, after seconds spent making an automaton of
/// 45,000 alike quotations.
#[test]
fn importing_a_megabyte_paragraph_of_one_range_notes_it_in_linear_time() {
    let text = format!(
        "关于某事的答复\n某委员：\n{}完。\n某局\n2021年7月28日\n",
        "补助2万至5万元，".repeat(45_000)
    );
    let letter = wait::on_a_thread("importing a paragraph of one range", move || {
        let imported = dafu::import::import(&text).expect("a text imports");
        let yaml = dafu::import::to_yaml(&imported, "ranges.txt");
        load::parse(&yaml, "ranges.yaml")
    });
    let letter = letter.expect("the draft passes check");
    assert!(letter.opening_figures.is_empty());
    assert!(!letter.notes.is_empty());
    assert!(letter.notes.len() <= 64, "{}", letter.notes.len());
    for note in &letter.notes {
        assert!(note.text.contains("2万至5万元"), "{}", note.text);
        assert!(note.note.contains("是一个范围"), "{}", note.note);
    }
}

/// How many sums of money [`sums_in_one_clause`] writes in one clause: about a megabyte.
const SUMS: usize = 50_000;

/// The minimal letter whose opening adds one clause of [`SUMS`] sums of money
/// (`资金1万元、资金2万元…`), each a figure marked `kind`, and after them all the last of
/// the words of paid money that a check looks for (「…用于支出。」), as YAML: the file `dafu check`
/// would be given.
fn sums_in_one_clause(kind: MoneyKind) -> String {
    let minimal = include_str!("fixtures/minimal.yaml");
    let mut letter = load::parse(minimal, "minimal.yaml").expect("the minimal letter loads");
    let list: Vec<String> = (1..=SUMS).map(|i| format!("资金{i}万元")).collect();
    let clause = format!("{}用于支出。", list.join("、"));
    assert!(clause.len() > MILLION * 95 / 100, "{}", clause.len());
    letter.opening.push(clause);
    let figure = &letter.suggestions[0].measures[0].figures[1];
    letter.opening_figures = (1..=SUMS)
        .map(|i| Figure {
            text: format!("{i}万元"),
            value: i as f64 * 1e4,
            qualifier: None,
            money_kind: Some(kind),
            ..figure.clone()
        })
        .collect();
    serde_yaml::to_string(&letter).expect("a letter serialises")
}

/// Each of 50,000 sums in one clause of a megabyte is checked for its kind of money there: the
/// clause, whose word of paid money stands after them all, is read once for the kind, not once
/// a figure (which read 300,000 megabytes, six words a figure: 48 s in a debug build). A kind the
/// clause does not word is refused, the clause quoted around the figure, not whole.
#[test]
fn checking_the_kinds_of_50k_sums_in_one_clause_takes_linear_time() {
    let yaml = sums_in_one_clause(MoneyKind::Paid);
    let checked = wait::on_a_thread("checking the kinds of 50k sums in one clause", move || {
        load::parse(&yaml, "sums.yaml").map(|letter| letter.opening_figures.len())
    });
    assert_eq!(checked.expect("every sum is worded paid"), SUMS);
    let yaml = sums_in_one_clause(MoneyKind::Approved);
    let refused = wait::on_a_thread("refusing 50k sums approved", move || {
        load::parse(&yaml, "sums.yaml").expect_err("no sum is approved")
    });
    let message = refused.to_string();
    assert!(
        message.contains("opening_figures[0].money_kind: “1万元” is marked approved money, but its clause “资金1万元、资金2万元、资金3万元、资金4万元、资金5万元、资金6万元…” says none of 立项"),
        "{message:.400}"
    );
}

/// Errata that run across a line break (a change of layout) are set under the block that
/// begins with their last line. Each block is looked up by its starts, not compared with
/// every erratum: twenty thousand errata over twenty thousand paragraphs that all begin as
/// their last lines do (`第…`) cost no more than the paragraphs, and the one that fits, listed
/// after them all, is set under its paragraph. Twenty thousand whose last line does begin a
/// paragraph but whose line before never ends the one above are compared until a budget
/// bounded by the letter's size runs out, and are listed at the end.
#[test]
fn many_errata_across_line_breaks_over_many_paragraphs_take_linear_time() {
    const MANY: usize = 20_000;
    let mut letter = letter_with("开头。");
    letter
        .opening
        .extend((0..MANY).map(|i| format!("第{i}段。")));
    let erratum = |original: String, corrected: String, note: &str| dafu::letter::Erratum {
        original,
        corrected,
        note: note.into(),
        suspected: false,
    };
    letter.errata.extend((0..MANY).map(|i| {
        erratum(
            format!("未{i} 第零"),
            format!("未{i}\n第零"),
            "版式：无处可放。",
        )
    }));
    letter.errata.extend((0..MANY).map(|i| {
        erratum(
            format!("未{i} 第1段。"),
            format!("未{i}\n第1段。"),
            "版式：前行不合。",
        )
    }));
    letter.errata.push(erratum(
        "第8段。第9段。".into(),
        "第8段。\n第9段。".into(),
        "版式：分段。",
    ));
    let yaml = serde_yaml::to_string(&letter).expect("a letter serialises");
    let tree = wait::on_a_thread("the tree of 20k spanning errata", move || {
        LetterTree::new(load::parse(&yaml, "spanning.yaml").expect("the letter loads"))
    });
    let ninth = (tree.blocks.iter())
        .position(|b| b.text == "第9段。")
        .expect("the ninth paragraph");
    assert!(
        tree.blocks[ninth + 1].text.contains("版式：分段。"),
        "the erratum that fits is under its paragraph: {:?}",
        tree.blocks[ninth + 1].text
    );
    // The others, placed nowhere, are listed at the end, every one.
    let unplaced = (tree.blocks.iter())
        .filter(|b| b.text.contains("版式：无处可放。") || b.text.contains("版式：前行不合。"))
        .count();
    assert_eq!(unplaced, 2 * MANY);
}

/// The letter of [`many_figures_on_one_text`] with `figures` figures, loaded.
fn many_figures_letter(figures: usize) -> Letter {
    load::parse(&many_figures_on_one_text(figures), "many.yaml").expect("the letter is valid")
}

/// `dafu figures` writes a row per figure; finding each figure's place anew from the start of
/// its text (as the reader's Enter does for one) would make it quadratic.
#[test]
fn listing_128k_figures_that_quote_one_text_takes_linear_time() {
    const FIGURES: usize = 128 * 1024;
    let tree = LetterTree::new(many_figures_letter(FIGURES));
    let (table, csv) = wait::on_a_thread("`dafu figures` of 128k figures of one text", move || {
        let print = |format| {
            let mut out = Lines::default();
            let options = dafu::cli::figures::Options {
                format,
                ..Default::default()
            };
            dafu::cli::figures::print(&tree, options, &mut out).expect("writing to memory");
            out
        };
        let table = print(dafu::cli::figures::Format::Table);
        (table, print(dafu::cli::figures::Format::Csv))
    });
    // A header, then a line per figure: the 128k that quote 共3家 and 近1.8亿元.
    assert_eq!(table.count, 1 + FIGURES + 1);
    assert_eq!(csv.count, 1 + FIGURES + 1);
    let kept = String::from_utf8(csv.kept).expect("UTF-8 output");
    let rows: Vec<&str> = kept.lines().skip(1).take(2).collect();
    let row = "s1.m1,一、关于某事的建议 › （一）做某事,共3家,3,家,参与企业,共,,done,,";
    assert_eq!(rows, [row, row]);
}

/// The reader's figures view lists every figure and, on Enter, finds the one selected in its
/// text: the last of 128k quoting one text is found at its own place, the last of them.
#[test]
fn going_to_the_last_of_128k_figures_of_one_text_takes_linear_time() {
    const FIGURES: usize = 128 * 1024;
    let letter = many_figures_letter(FIGURES);
    let (app, screen) = wait::on_a_thread("f, G, k and Enter on 128k figures", move || {
        let mut app = reader(letter);
        press(&mut app, Action::OpenFigures);
        // The last row is 近1.8亿元; the one above it, the last figure quoting 共3家.
        press(&mut app, Action::Last);
        press(&mut app, Action::Up);
        let screen = press(&mut app, Action::Activate);
        (app, screen)
    });
    // Each figure of a text stated as many times stands at its own place: the last at the
    // last 共3家 of the paragraph, set apart on the screen.
    let (block, range) = app.spotlight().cloned().expect("a figure set apart");
    let text = &app.tree().blocks[block].text;
    assert_eq!(text.get(range.clone()), Some("共3家"));
    assert_eq!(Some(range.start), text.rfind("共3家"));
    assert_eq!(text.matches("共3家").count(), FIGURES);
    // The paragraph's end is in view, and the paragraph after it.
    assert!(screen.contains("共3家、共3家、"), "{screen}");
    assert!(screen.contains("投入资金近1.8亿元。"), "{screen}");
}

#[test]
fn copying_a_two_megabyte_paragraph_sends_at_most_the_limit_and_says_so() {
    let paragraph = "复制".repeat(MILLION / 3);
    let mut app = reader(letter_with(&paragraph));
    // The opening, which holds the paragraph, is the first node.
    let screen = press(&mut app, Action::Copy);
    let copies: Vec<String> = app
        .take_effects()
        .into_iter()
        .filter_map(|effect| match effect {
            dafu::app::Effect::Copy(text) => Some(text),
            _ => None,
        })
        .collect();
    assert_eq!(copies.len(), 1);
    assert!(
        copies[0].len() <= dafu::app::COPY_LIMIT,
        "{}",
        copies[0].len()
    );
    assert!(
        copies[0].contains("复制复制"),
        "the paragraph is what is copied"
    );
    let status = screen.lines().last().unwrap_or_default().to_string();
    assert!(status.contains("只把开头发给了终端剪贴板"), "{status}");
    let counted = format!("{}/", copies[0].chars().count());
    assert!(status.contains(&counted), "{status}");
}

/// Each test above within 10 s, its letter made and its work done: linear work takes well
/// under a second even in a debug build, quadratic minutes. Opt-in, as a wall clock on a
/// shared machine is.
#[test]
#[ignore = "timing: cargo test --test linear -- --ignored"]
fn timing_each_shape_takes_under_ten_seconds() {
    let shapes: [(&str, fn()); 13] = [
        (
            "a million spaces",
            a_paragraph_of_a_million_spaces_wraps_in_linear_time,
        ),
        (
            "a million newlines",
            a_paragraph_of_a_million_newlines_wraps_in_linear_time,
        ),
        (
            "search a 1 MB paragraph",
            searching_a_megabyte_paragraph_for_a_prints_in_linear_time,
        ),
        (
            "keys with a million matches",
            keys_with_a_query_matching_a_million_places_take_linear_time,
        ),
        (
            "keys with a megabyte of matches",
            keys_with_a_query_matching_a_whole_megabyte_of_chinese_take_linear_time,
        ),
        (
            "5,000 paragraphs",
            a_long_letter_wraps_only_the_paragraphs_the_reader_shows,
        ),
        (
            "128k figures on one text",
            checking_128k_figures_that_quote_one_text_takes_linear_time,
        ),
        (
            "dafu figures of 128k figures on one text",
            listing_128k_figures_that_quote_one_text_takes_linear_time,
        ),
        (
            "the figures view's last of 128k figures",
            going_to_the_last_of_128k_figures_of_one_text_takes_linear_time,
        ),
        (
            "the kinds of 50k sums in one clause",
            checking_the_kinds_of_50k_sums_in_one_clause_takes_linear_time,
        ),
        (
            "20k errata across line breaks",
            many_errata_across_line_breaks_over_many_paragraphs_take_linear_time,
        ),
        (
            "a text cut short of 3 MB",
            importing_and_checking_a_text_cut_short_of_three_megabytes_takes_linear_time,
        ),
        (
            "a 1 MB paragraph of one range",
            importing_a_megabyte_paragraph_of_one_range_notes_it_in_linear_time,
        ),
    ];
    wait::timing_each_under(std::time::Duration::from_secs(10), &shapes);
}
