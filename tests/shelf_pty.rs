//! The shelf in a pseudo-terminal: `dafu DIR` opens the list of the folder's letters, a
//! search narrows it, Enter opens a letter at the match with the search active, `q` comes
//! back to the same row and `q` on the shelf quits — at 100×30, at 60×20 and in English.

mod binary;
#[allow(
    dead_code,
    reason = "the made shelf is shared with the tests and benchmarks"
)]
#[path = "../benches/common/shelf.rs"]
mod made;
#[path = "util/pty.rs"]
mod pty;

use made::MadeLetter;

/// How many made letters the shelf holds.
const LETTERS: usize = 30;

/// A folder of made letters and one broken file; the cache in its hidden `.cache`.
struct Shelf {
    dir: pty::TempDir,
    made: Vec<MadeLetter>,
}

impl Shelf {
    fn new(label: &str) -> Self {
        let dir = pty::TempDir::new(label);
        let made = made::write_shelf(&dir, LETTERS).expect("the letters are written");
        std::fs::write(dir.join("broken.yaml"), "issuer: [\n").expect("written");
        Self { dir, made }
    }

    fn start(&self, cols: u16, rows: u16, lang: &str, no_color: bool) -> pty::Pty {
        pty::Pty::spawn(
            self.options(cols, rows, lang)
                .env("NO_COLOR", no_color.then_some("1")),
        )
    }

    /// The shelf at 100×30 in Chinese, keeping its state (the search history) in `state`.
    fn start_keeping_in(&self, state: &std::path::Path) -> pty::Pty {
        let options = self.options(100, 30, "zh");
        pty::Pty::spawn(options.env("XDG_STATE_HOME", Some(state.to_str().expect("UTF-8"))))
    }

    /// How the shelf is started, at `cols`×`rows` in `lang`, its cache beside its letters.
    fn options(&self, cols: u16, rows: u16, lang: &str) -> pty::Options {
        let folder = self.dir.to_str().expect("a UTF-8 path");
        let args = ["--ambiguous-width", "narrow", "--lang", lang, folder];
        let cache = self.dir.join(".cache");
        pty::Options::new(cols, rows, &args)
            .env("XDG_CACHE_HOME", Some(cache.to_str().expect("UTF-8")))
    }

    /// What `dafu args` prints to a terminal `cols` wide (40 rows), the shelf's cache beside
    /// its letters, once it has exited.
    fn printed_in_terminal(&self, cols: u16, args: &[&str]) -> String {
        let cache = self.dir.join(".cache");
        let mut p = pty::Pty::spawn(
            pty::Options::new(cols, 40, args)
                .env("XDG_CACHE_HOME", Some(cache.to_str().expect("UTF-8"))),
        );
        p.wait_exit();
        String::from_utf8(p.raw()).expect("UTF-8")
    }

    /// The made letters whose text holds `word`, in the folder's order.
    fn holding(&self, word: &str) -> Vec<&MadeLetter> {
        self.made.iter().filter(|m| m.yaml.contains(word)).collect()
    }
}

/// The text of the list row drawn as selected (with a background of its own; the status
/// row, the last, has one too and is not a list row).
fn selected_row(s: &vt100::Screen) -> Option<String> {
    let (rows, _) = s.size();
    (2..rows.saturating_sub(1))
        .find(|&row| {
            s.cell(row, 0)
                .is_some_and(|c| c.bgcolor() != vt100::Color::Default || c.inverse())
        })
        .map(|row| pty::row_text(s, row))
}

/// Words of the interface the test looks for, in each language.
struct Words {
    shelf: &'static str,
    letters: &'static str,
    refused: &'static str,
    /// The query as the title and the status row quote it.
    quoted: &'static str,
}

const ZH: Words = Words {
    shelf: "书架",
    letters: "封",
    refused: "无法读取",
    quoted: "「rencailifa」",
};

const EN: Words = Words {
    shelf: "Shelf",
    letters: " letters",
    refused: "refused",
    quoted: "\"rencailifa\"",
};

/// The whole walk: the shelf opens, a search narrows it, Enter opens the second letter
/// found at its first match, `n` goes on, `q` comes back to the same row, Enter opens the
/// letter at its first match again, `q` quits.
fn walk_through(label: &str, (cols, rows): (u16, u16), lang: &str, words: &Words, no_color: bool) {
    let shelf = Shelf::new(label);
    let mut p = shelf.start(cols, rows, lang, no_color);
    let first = &shelf.made[0];
    p.wait_for("the shelf opens with its letters", |s| {
        let text = s.contents();
        text.contains(words.shelf) && text.contains(&first.date) && text.contains(words.refused)
    });
    assert!(
        p.screen_text()
            .contains(&format!("{LETTERS_AND_BROKEN}{}", words.letters)),
        "{}",
        p.dump()
    );

    // A search by pinyin narrows the shelf to the letters that hold the word.
    let holding = shelf.holding("人才立法");
    assert!(
        holding.len() > 1 && holding.len() < LETTERS,
        "the word tells letters apart"
    );
    p.send("/rencailifa\r");
    let found = format!("{} {}{}", words.quoted, holding.len(), words.letters);
    p.wait_for("the search narrows the shelf", |s| {
        pty::row_text(s, 0).contains(&found)
    });
    let second = holding[1];
    p.send("j");
    p.wait_for("the second letter found is selected", |s| {
        selected_row(s).is_some_and(|row| row.contains(&second.date))
    });
    let row = p.with_screen(selected_row).unwrap_or_default();
    assert!(!row.contains(&holding[0].date) || holding[0].date == second.date);

    // Enter opens it at the first match, the search active for n.
    p.send("\r");
    p.wait_for("the letter opens at its first match", |s| {
        pty::row_text(s, 0).contains(&second.doc_number)
            && pty::status_row(s).contains(&format!("{} 1/", words.quoted))
    });
    let at_first_match = p.with_screen(pty::status_row);
    p.send("n");
    p.wait_for("n goes to the next match", |s| {
        pty::status_row(s).contains(&format!("{} 2/", words.quoted))
    });

    // q comes back to the shelf, on the same row, the search still narrowing it.
    p.send("q");
    p.wait_for("back on the shelf at the same row", |s| {
        pty::row_text(s, 0).contains(&found) && selected_row(s).as_deref() == Some(row.as_str())
    });

    // Opened again, it is at its first match again, not at the place it kept past it.
    p.send("\r");
    p.wait_for("the letter opens again at its first match", |s| {
        pty::row_text(s, 0).contains(&second.doc_number) && pty::status_row(s) == at_first_match
    });
    p.send("q");
    p.wait_for("back on the shelf", |s| {
        pty::row_text(s, 0).contains(&found)
    });

    // q on the shelf quits.
    p.send("q");
    assert!(p.wait_exit().success());
}

/// The letters and the broken file, as the title counts them.
const LETTERS_AND_BROKEN: usize = LETTERS + 1;

#[test]
fn the_shelf_opens_narrows_opens_a_letter_at_the_match_and_comes_back() {
    walk_through("shelf-100", (100, 30), "zh", &ZH, false);
}

#[test]
fn the_same_at_60_by_20() {
    walk_through("shelf-60", (60, 20), "zh", &ZH, false);
}

#[test]
fn the_same_in_english() {
    walk_through("shelf-en", (100, 30), "en", &EN, false);
}

#[test]
fn the_same_without_colour_the_selection_in_reverse_video() {
    walk_through("shelf-mono", (100, 30), "zh", &ZH, true);
}

#[test]
fn the_terminals_late_answers_are_not_keys_on_the_shelf() {
    let shelf = Shelf::new("shelf-late");
    let folder = shelf.dir.to_str().expect("a UTF-8 path");
    let cache = shelf.dir.join(".cache");
    let start = |probe: pty::Probe| {
        let options = pty::Options::new(100, 30, &["--ambiguous-width", "narrow", folder])
            .env("XDG_CACHE_HOME", Some(cache.to_str().expect("UTF-8")))
            .probe(probe);
        let p = pty::Pty::spawn(options);
        p.wait_for("the shelf read", |s| {
            s.contents().contains(&shelf.made[0].date) && !pty::status_row(s).contains("正在读取")
        });
        p
    };
    // A terminal that answers at once, and `s` (the next order).
    let reference = start(pty::Probe::Narrow);
    reference.send("s");
    reference.wait_for("the next order", |s| {
        !pty::status_row(s).contains("排序：文件")
    });
    let wanted = reference.with_screen(pty::status_row);
    // One that answers after the probe stopped waiting: once the shelf is up.
    let p = start(pty::Probe::Silent);
    p.send_bytes(b"\x1b]11;rgb:0000/0000/0000\x1b\\\x1b[2;2R");
    // Written after the whole answer: the first key after it is the key.
    p.send("s");
    p.wait_until("the same order, no search typed", |s| {
        let got = pty::status_row(s);
        if got == wanted {
            Ok(())
        } else {
            Err(format!("{got:?}, not {wanted:?}"))
        }
    });
}

/// The list row drawn as selected, told from a refused letter's row (which has a background
/// of its own too) by the selection's colour, or its reverse video without colour.
fn selected_list_row(s: &vt100::Screen) -> Option<String> {
    let (rows, _) = s.size();
    (2..rows.saturating_sub(1))
        .find(|&row| {
            s.cell(row, 0)
                .is_some_and(|c| c.bgcolor() == vt100::Color::Idx(6) || c.inverse())
        })
        .map(|row| list_row(s, row))
}

/// A list row's text without the blanks after it: a selected row's background fills them,
/// and whether a blank cell was written depends on what the row showed before.
fn list_row(s: &vt100::Screen, row: u16) -> String {
    pty::row_text(s, row).trim_end().to_string()
}

/// Waits for the shelf read (its last row filled, no progress note).
fn wait_read(p: &pty::Pty, shelf: &Shelf) {
    let last = &shelf.made[LETTERS - 1];
    p.wait_for("the shelf read", |s| {
        let status = pty::status_row(s);
        s.contents().contains(&shelf.made[0].date)
            && !status.contains("正在读取")
            && !status.contains("reading")
            && (s.contents().contains(&last.date) || s.size().0 < 40)
    });
}

#[test]
fn question_mark_lists_the_shelfs_keys_at_60_by_20_in_english_without_colour() {
    let shelf = Shelf::new("shelf-help");
    let mut p = shelf.start(60, 20, "en", true);
    wait_read(&p, &shelf);
    p.send("?");
    p.wait_for("the shelf's keys", |s| {
        let text = s.contents();
        text.contains("╭ Keys") && text.contains("shelf: next letter")
    });
    // It pages to its end, the mouse last, and q closes it without quitting.
    p.send("G");
    p.wait_for("the end of the help", |s| s.contents().contains("mouse"));
    p.send("q");
    p.wait_for("the shelf again", |s| {
        !s.contents().contains("╭ Keys") && s.contents().contains(&shelf.made[0].date)
    });
    assert!(p.is_running(), "q closed the help only");
    p.send("q");
    assert!(p.wait_exit().success());
}

/// A mouse report as xterm's SGR mode writes it: `button` at the 0-based `col` and `row`.
fn mouse(button: u8, col: u16, row: u16, press: bool) -> String {
    let end = if press { 'M' } else { 'm' };
    format!("\x1b[<{button};{};{}{end}", col + 1, row + 1)
}

#[test]
fn the_wheel_moves_the_list_and_a_click_selects_a_letter_a_second_opens_it() {
    let shelf = Shelf::new("shelf-mouse");
    let mut p = shelf.start(100, 30, "zh", false);
    wait_read(&p, &shelf);
    // The selection starts on the first row (screen row 2).
    p.wait_for("the first row selected", |s| {
        selected_list_row(s) == Some(list_row(s, 2))
    });
    p.send(&mouse(65, 30, 10, true));
    p.wait_for("a notch down: three rows", |s| {
        selected_list_row(s) == Some(list_row(s, 5))
    });
    p.send(&mouse(64, 30, 10, true));
    p.wait_for("a notch up: back", |s| {
        selected_list_row(s) == Some(list_row(s, 2))
    });
    // A click on the eighth row selects it…
    let target = p.with_screen(|s| list_row(s, 9));
    p.send(&mouse(0, 30, 9, true));
    p.send(&mouse(0, 30, 9, false));
    p.wait_for("the clicked row selected", |s| {
        selected_list_row(s).as_deref() == Some(target.as_str())
    });
    // …and a second click opens its letter; q comes back to it.
    let dated: Vec<&MadeLetter> = shelf
        .made
        .iter()
        .filter(|m| target.contains(&m.date))
        .collect();
    assert!(
        !dated.is_empty(),
        "the clicked row is a made letter: {target}"
    );
    p.send(&mouse(0, 30, 9, true));
    p.send(&mouse(0, 30, 9, false));
    p.wait_for("its letter opens", |s| {
        let title = pty::row_text(s, 0);
        dated.iter().any(|m| title.contains(&m.doc_number))
    });
    p.send("q");
    p.wait_for("back on the same row", |s| {
        selected_list_row(s).as_deref() == Some(target.as_str())
    });
    p.send("q");
    assert!(p.wait_exit().success());
}

/// The local modes of a cooked terminal (Linux's values).
#[cfg(target_os = "linux")]
const ICANON: u64 = 0o2;
#[cfg(target_os = "linux")]
const ECHO: u64 = 0o10;

#[cfg(target_os = "linux")]
#[test]
fn ctrl_z_stops_the_shelf_with_the_terminal_given_back_and_fg_brings_it_back() {
    let shelf = Shelf::new("shelf-suspend");
    let mut p = shelf.start(100, 30, "zh", false);
    wait_read(&p, &shelf);
    p.send("j");
    p.wait_for("the second row selected", |s| {
        selected_list_row(s) == Some(list_row(s, 3))
    });
    p.send("\x1a");
    binary::wait::until(
        "the shelf to stop after Ctrl-Z",
        || match pty::process_state(p.pid()) {
            Some('T') => Ok(()),
            state => Err(format!("state {state:?}:\n{}", p.dump())),
        },
    );
    p.wait_for("the terminal given back", |s| {
        !s.alternate_screen()
            && s.mouse_protocol_mode() == vt100::MouseProtocolMode::None
            && !s.bracketed_paste()
            && !s.hide_cursor()
    });
    let flags = p.local_flags().expect("termios of the pty");
    assert_eq!(
        flags & (ICANON | ECHO),
        ICANON | ECHO,
        "cooked while stopped"
    );

    // As the shell's `fg`: the screen drawn over, then the shelf continued.
    p.emulate_output(b"\x1b[?1049h\x1b[2J\x1b[?1049l");
    p.emulate_output(b"\r\n[1]+  Stopped                 dafu\r\n$ fg\r\n");
    p.signal("CONT");
    p.wait_for("the shelf repainted, the same row selected", |s| {
        s.alternate_screen()
            && s.mouse_protocol_mode() != vt100::MouseProtocolMode::None
            && s.contents().contains("书架")
            && selected_list_row(s) == Some(list_row(s, 3))
    });
    let flags = p.local_flags().expect("termios of the pty");
    assert_eq!(flags & (ICANON | ECHO), 0, "raw again after fg");
    p.send("j");
    p.wait_for("j moves the selection after fg", |s| {
        selected_list_row(s) == Some(list_row(s, 4))
    });
    p.send("q");
    assert!(p.wait_exit().success());
}

/// The shelf's prompt shares the reader's history, kept between runs: ↑ recalls a query
/// searched in a letter opened from the shelf, then one searched on the shelf, newest first;
/// and so does the next run's.
#[test]
fn up_in_the_shelfs_prompt_recalls_what_was_searched_on_the_shelf_and_in_its_letters() {
    let shelf = Shelf::new("shelf-history");
    let state = pty::TempDir::new("shelf-history-state");
    let start = || shelf.start_keeping_in(&state);
    let mut p = start();
    wait_read(&p, &shelf);
    p.send("/rencailifa\r");
    let found = format!("「rencailifa」 {}封", shelf.holding("人才立法").len());
    p.wait_for("the search narrows the shelf", |s| {
        pty::row_text(s, 0).contains(&found)
    });
    // Each step: the keys, then what the status row shows.
    let steps = |p: &pty::Pty, steps: &[(&str, &str)]| {
        for (keys, shown) in steps {
            p.send(keys);
            p.wait_for(&format!("{keys:?} shows {shown}"), |s| {
                pty::status_row(s).contains(shown)
            });
        }
    };
    // Opened at its first match, the letter is searched for another word.
    steps(&p, &[("\r", "「rencailifa」 1/"), ("/科技\r", "「科技」")]);
    p.send("q");
    p.wait_for("back on the shelf", |s| {
        pty::row_text(s, 0).contains(&found)
    });
    // ↑ recalls the letter's query, then the shelf's; ↓ twice comes back to the empty
    // prompt; Esc closes it.
    let recalls = |p: &pty::Pty| {
        let (up, down) = ("\x1b[A", "\x1b[B");
        let recalled = [("/", "："), (up, "：科技"), (up, "：rencailifa")];
        steps(p, &recalled);
        p.send(&format!("{down}{down}"));
        p.wait_for("↓ twice comes back to the empty prompt", |s| {
            pty::status_row(s).trim_end().ends_with('：')
        });
        steps(p, &[("\x1b", "排序")]);
    };
    recalls(&p);
    p.send("q");
    assert!(p.wait_exit().success());

    let mut p = start();
    wait_read(&p, &shelf);
    recalls(&p);
    p.send("q");
    assert!(p.wait_exit().success());
}

/// The shelf opens where it was left: in the same order, on the same letter, as the reader
/// opens a letter at its place.
#[test]
fn the_shelf_opens_in_the_order_and_on_the_letter_it_was_left() {
    let shelf = Shelf::new("shelf-kept");
    let state = pty::TempDir::new("shelf-kept-state");
    let mut p = shelf.start_keeping_in(&state);
    wait_read(&p, &shelf);
    // Sorted by date (排序：日期), then four letters down.
    p.send("s");
    p.wait_for("sorted by date", |s| {
        pty::status_row(s).contains("排序：日期")
    });
    // From the first letter (the selection stays on its letter as the list is sorted).
    p.send("g4j");
    p.wait_for("the fifth letter selected", |s| {
        selected_list_row(s).is_some_and(|row| row == list_row(s, 6))
    });
    let left = p.with_screen(selected_list_row).expect("a row is selected");
    p.send("q");
    assert!(p.wait_exit().success());

    let mut p = shelf.start_keeping_in(&state);
    wait_read(&p, &shelf);
    p.wait_for("the same letter selected, in the same order", |s| {
        pty::status_row(s).contains("排序：日期") && selected_list_row(s).as_deref() == Some(&left)
    });
    p.send("q");
    assert!(p.wait_exit().success());
    // `--fresh` starts at the top, in the files' order.
    let folder = shelf.dir.to_str().expect("UTF-8");
    let args = ["--fresh", "--lang", "zh", folder];
    let cache = shelf.dir.join(".cache");
    let mut p = pty::Pty::spawn(
        pty::Options::new(100, 30, &args)
            .env("XDG_CACHE_HOME", Some(cache.to_str().expect("UTF-8")))
            .env("XDG_STATE_HOME", Some(state.to_str().expect("UTF-8"))),
    );
    wait_read(&p, &shelf);
    p.wait_for("the files' order, on the first letter", |s| {
        pty::status_row(s).contains("排序：文件")
            && selected_list_row(s).is_some_and(|row| row == list_row(s, 2))
    });
    p.send("q");
    assert!(p.wait_exit().success());
}

/// The shelf is the first to read the state store: one it finds damaged is set aside, and the
/// shelf's status row says so, as the reader's does.
#[test]
fn a_damaged_state_store_is_named_on_the_shelf_that_found_it() {
    let shelf = Shelf::new("shelf-damaged-state");
    let state = pty::TempDir::new("shelf-damaged-state-home");
    std::fs::create_dir_all(state.join("dafu")).expect("made");
    std::fs::write(state.join("dafu/state.db"), "{ not a store").expect("written");
    let mut p = shelf.start_keeping_in(&state);
    p.wait_for("the note", |s| {
        pty::status_row(s).contains("状态文件已损坏")
    });
    p.send("j");
    p.wait_for("the shelf works", |s| {
        !pty::status_row(s).contains("状态文件")
    });
    p.send("q");
    assert!(p.wait_exit().success());
}

#[test]
fn dafu_list_in_a_terminal_fits_its_width_and_a_pipe_gets_every_cell_whole() {
    let shelf = Shelf::new("list-width");
    let folder = shelf.dir.to_str().expect("a UTF-8 path");
    let width =
        |line: &str| dafu::text::width::str_width(line, dafu::text::width::AmbiguousWidth::Narrow);
    let piped = binary::run(["list", folder]);
    let piped = piped.stdout();
    assert!(piped.lines().any(|line| width(line) > 100), "{piped}");
    for cols in [60, 80] {
        let shown = shelf.printed_in_terminal(cols, &["--lang", "zh", "list", folder]);
        let lines: Vec<&str> = shown.lines().map(|l| l.trim_end_matches('\r')).collect();
        // The heading, each letter and the broken file, each on one line of the terminal.
        assert_eq!(lines.len(), LETTERS + 2, "{shown}");
        for line in &lines {
            assert!(width(line) <= usize::from(cols), "{cols}: {line}");
        }
        // Each letter's row keeps its date and the number of the proposal it answers, which
        // tells it from the others, and its file's name: whole at 80 columns, its start and
        // its number at 60.
        for made in &shelf.made {
            let proposal = format!("  {}  ", made.proposal);
            let row = lines.iter().find(|l| l.contains(&proposal));
            let row = row.unwrap_or_else(|| panic!("{proposal} has no row at {cols}: {shown}"));
            assert!(row.contains(&made.date), "{row}");
            let name = &made.file_name;
            if cols >= 80 {
                let file = row.split_whitespace().next().unwrap_or_default();
                assert!(file.ends_with(&format!("/{name}")), "{row}");
                // What the letter answers, the proposal's title: its first words at least.
                let subject: String = made.subject.chars().take(7).collect();
                assert!(row.contains(&subject), "the subject is cut short: {row}");
            } else {
                // The name's start, and its number whole: what tells made letters apart.
                let (stem, extension) = name.split_once('.').expect("a name with an extension");
                let (_, number) = stem.rsplit_once('-').expect("a numbered name");
                assert!(row.starts_with(stem.get(..3).expect("ASCII")), "{row}");
                assert!(row.contains(&format!("{number}.{extension}  ")), "{row}");
            }
        }
        assert!(
            lines[0].starts_with("文件") && lines[0].contains("事由"),
            "{shown}"
        );
    }
    // Narrower still, each row stays one line (they had wrapped below 60 columns): the
    // proposal's number and then the date give way; the file and the subject stay.
    for cols in [40, 50] {
        let shown = shelf.printed_in_terminal(cols, &["--lang", "zh", "list", folder]);
        let lines: Vec<&str> = shown.lines().map(|l| l.trim_end_matches('\r')).collect();
        assert_eq!(lines.len(), LETTERS + 2, "{cols}: {shown}");
        for line in &lines {
            assert!(width(line) <= usize::from(cols), "{cols}: {line}");
        }
        assert!(
            lines[0].starts_with("文件") && lines[0].contains("事由"),
            "{shown}"
        );
    }
}

#[test]
fn dafu_figures_in_a_terminal_fits_its_width_keeping_every_value() {
    let shelf = Shelf::new("figures-width");
    let folder = shelf.dir.to_str().expect("a UTF-8 path");
    let width =
        |line: &str| dafu::text::width::str_width(line, dafu::text::width::AmbiguousWidth::Narrow);
    let figures = |lines: &str| -> Vec<String> {
        (lines.lines())
            .map(|l| l.trim_end_matches('\r').to_string())
            .filter(|l| !l.contains("broken.yaml"))
            .collect()
    };
    // Piped, every cell whole: each row's value is the word that ends where the heading
    // `value` ends, the column being right-aligned.
    let piped = figures(&binary::run(["--lang", "en", "figures", folder]).stdout());
    let end = piped[0].find("value").expect("a value heading") + "value".len();
    let end = binary::display_column(&piped[0], end);
    let values: Vec<&str> = (piped.iter().skip(1))
        .map(|row| {
            let (at, _) = (row.char_indices())
                .find(|&(at, _)| binary::display_column(row, at) == end)
                .expect("the row reaches the value column");
            row.get(..at)
                .expect("a char boundary")
                .split_whitespace()
                .last()
                .expect("a value")
        })
        .collect();
    assert!(piped.iter().any(|row| width(row) > 100));
    for cols in [40, 50, 60, 80] {
        let shown = shelf.printed_in_terminal(cols, &["--lang", "en", "figures", folder]);
        let shown = figures(&shown);
        assert_eq!(shown.len(), piped.len(), "{shown:?}");
        for (row, value) in shown.iter().skip(1).zip(&values) {
            assert!(width(row) <= usize::from(cols), "{cols}: {row}");
            assert!(
                row.split_whitespace().any(|w| w == *value),
                "{cols}: {value} not in {row}"
            );
        }
    }
}

/// One letter's `dafu figures` in a narrow terminal: each figure a line (its rows had
/// wrapped below about 45 columns), the period and then what is counted giving way.
#[test]
fn dafu_figures_of_one_letter_in_a_narrow_terminal_keeps_a_row_a_line() {
    let shelf = Shelf::new("figures-narrow");
    let width =
        |line: &str| dafu::text::width::str_width(line, dafu::text::width::AmbiguousWidth::Narrow);
    let piped = binary::run(["figures"]).stdout();
    for lang in ["zh", "en"] {
        for cols in [40, 50] {
            let shown = shelf.printed_in_terminal(cols, &["--lang", lang, "figures"]);
            let lines: Vec<&str> = shown.lines().map(|l| l.trim_end_matches('\r')).collect();
            assert_eq!(lines.len(), piped.lines().count(), "{lang} {cols}: {shown}");
            for line in &lines {
                assert!(width(line) <= usize::from(cols), "{lang} {cols}: {line}");
            }
        }
    }
}

/// The shelf is searched as the query is typed, in the real binary: the list narrows before
/// Enter, and Esc in the prompt gives back the whole shelf on the letter that was selected.
#[test]
fn the_shelf_narrows_as_the_query_is_typed_and_esc_gives_it_back() {
    let shelf = Shelf::new("typed");
    let mut p = shelf.start(100, 30, "zh", false);
    wait_read(&p, &shelf);
    // The broken file comes first, by its name: three down is the third letter made.
    let third = shelf.made[2].proposal.to_string();
    p.send("3j");
    p.wait_for("the third letter selected", |s| {
        selected_list_row(s).is_some_and(|row| row.contains(&third))
    });
    let before = p.with_screen(selected_list_row);
    let holding = shelf.holding("人才立法");
    p.send("/rencai");
    p.wait_for("searched as typed", |s| {
        pty::row_text(s, 0).contains("「rencai」")
    });
    p.send("lifa");
    let found = format!("「rencailifa」 {}封", holding.len());
    p.wait_for("narrowed before Enter", |s| {
        pty::row_text(s, 0).contains(&found) && pty::status_row(s).contains("搜索书架：rencailifa")
    });
    p.send("\x1b");
    let whole = format!("书架  {LETTERS_AND_BROKEN}封");
    p.wait_for("the whole shelf again, on the same letter", |s| {
        pty::row_text(s, 0).contains(&whole) && selected_list_row(s) == before
    });
    p.send("q");
    assert!(p.wait_exit().success());
}
