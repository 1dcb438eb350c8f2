//! Colour as the terminal sees it: `NO_COLOR`, `--color never|auto|always` and `--theme`,
//! read from the real binary's output — the reader's cells through a terminal emulator, the
//! command line's bytes as written.

mod binary;
#[path = "util/pty.rs"]
mod pty;

use pty::{Options, Probe, Pty, cell, find, row_text, status_row};

const DOC_NUMBER: &str = "中山科函〔2021〕142号";

/// What `dafu search` marks a match with when it colours.
const BOLD_RED: &[u8] = b"\x1b[1;31m";

/// The reader, once its first screen is drawn whole (the status row is its last row).
fn start(options: Options) -> Pty {
    let p = Pty::spawn(options);
    p.wait_for_text(DOC_NUMBER);
    p.wait_until("the first screen drawn", |s| {
        let status = status_row(s);
        if status.trim_end().ends_with("q退出") {
            Ok(())
        } else {
            Err(status)
        }
    });
    p
}

/// The column of the reading pane's left border (the second `╭` on the pane's top row).
fn split(s: &vt100::Screen) -> u16 {
    let (_, cols) = s.size();
    (0..cols)
        .filter(|&c| cell(s, 1, c) == "╭")
        .nth(1)
        .expect("two panes side by side")
}

/// Every cell drawn with a foreground or background colour: `(row, col, text)`.
fn coloured_cells(s: &vt100::Screen) -> Vec<(u16, u16, String)> {
    let (rows, cols) = s.size();
    let mut out = Vec::new();
    for r in 0..rows {
        for c in 0..cols {
            let Some(cell) = s.cell(r, c) else { continue };
            if cell.fgcolor() != vt100::Color::Default || cell.bgcolor() != vt100::Color::Default {
                out.push((r, c, cell.contents().to_string()));
            }
        }
    }
    out
}

/// The glyphs of row `r` from column `from` to `to` (exclusive) with their cells; the right
/// half of a wide glyph is skipped.
fn glyphs(s: &vt100::Screen, r: u16, from: u16, to: u16) -> Vec<&vt100::Cell> {
    (from..to)
        .filter_map(|c| s.cell(r, c))
        .filter(|cell| !cell.is_wide_continuation())
        .collect()
}

/// Marked without colour: reverse video, underline or bold.
fn marked(cell: &vt100::Cell) -> bool {
    cell.inverse() || cell.underline() || cell.bold()
}

/// Every place `word` shows in rows 1 to the last but one, in either pane, and whether all
/// its glyphs are marked: `(row, all marked)`.
fn occurrences(s: &vt100::Screen, word: &str) -> Vec<(u16, bool)> {
    let (rows, cols) = s.size();
    let wanted: Vec<String> = word.chars().map(String::from).collect();
    let mut out = Vec::new();
    for r in 1..rows - 1 {
        let row = glyphs(s, r, 0, cols);
        for start in 0..row.len().saturating_sub(wanted.len() - 1) {
            let here = &row[start..start + wanted.len()];
            if here.iter().zip(&wanted).all(|(c, w)| c.contents() == *w) {
                out.push((r, here.iter().all(|c| marked(c))));
            }
        }
    }
    out
}

#[test]
fn no_color_marks_the_selected_row_and_every_match_without_colour() {
    let p =
        start(Options::new(120, 36, &["--ambiguous-width", "narrow"]).env("NO_COLOR", Some("1")));
    p.send("2");
    p.wait_until("suggestion 2 selected", suggestion_2_selected);
    p.with_screen(|s| {
        assert_eq!(coloured_cells(s), vec![], "{}", s.contents());
        let split = split(s);
        let (rows, _) = s.size();
        let reversed: Vec<u16> = (2..rows - 2)
            .filter(|&r| glyphs(s, r, 1, split - 1).iter().any(|c| c.inverse()))
            .collect();
        assert_eq!(reversed.len(), 1, "reversed outline rows {reversed:?}");
        let row = reversed[0];
        assert!(
            row_text(s, row).contains("二、关于"),
            "{}",
            row_text(s, row)
        );
        // The whole row, not a cell of it: the selection reads as a bar.
        let text_cells: Vec<_> = glyphs(s, row, 1, split - 1)
            .into_iter()
            .filter(|c| !c.contents().trim().is_empty())
            .collect();
        let plain: Vec<&str> = text_cells
            .iter()
            .filter(|c| !c.inverse())
            .map(|c| c.contents())
            .collect();
        assert!(plain.is_empty(), "{plain:?} in {}", row_text(s, row));
    });
    p.send("/人工智能\r");
    p.wait_until("the search kept", |s| {
        let status = status_row(s);
        if status.contains("「人工智能」") {
            Ok(())
        } else {
            Err(status)
        }
    });
    p.with_screen(|s| {
        assert_eq!(coloured_cells(s), vec![], "{}", s.contents());
        let found = occurrences(s, "人工智能");
        assert!(
            found.len() >= 3,
            "matches on screen: {found:?}\n{}",
            s.contents()
        );
        let unmarked: Vec<_> = found.iter().filter(|(_, ok)| !ok).collect();
        assert!(
            unmarked.is_empty(),
            "unmarked matches on rows {unmarked:?}\n{}",
            s.contents()
        );
    });
}

#[test]
fn color_never_draws_no_colour_and_empty_no_color_does_not_count() {
    let never = start(Options::new(100, 30, &["--color", "never"]));
    never.with_screen(|s| assert_eq!(coloured_cells(s), vec![]));
    // NO_COLOR set but empty means unset, as no-color.org says.
    let empty = start(Options::new(100, 30, &[]).env("NO_COLOR", Some("")));
    empty.with_screen(|s| assert!(!coloured_cells(s).is_empty()));
}

#[test]
fn color_always_colours_the_reader_even_under_no_color() {
    // `always` overrides NO_COLOR, as it does on the command line (no-color.org allows it).
    let always = start(
        Options::new(100, 30, &["--color", "always", "--theme", "dark"]).env("NO_COLOR", Some("1")),
    );
    always.with_screen(|s| {
        assert!(
            coloured_cells(s).len() > 100,
            "the reader drew in colour under --color always: {} cells",
            coloured_cells(s).len()
        );
        assert!(yellow_text(s) > 0, "figures in yellow on the dark palette");
    });
}

/// Cells drawn in yellow or bright yellow letters, which vanish on a white background.
fn yellow_text(s: &vt100::Screen) -> usize {
    let (rows, cols) = s.size();
    (0..rows)
        .flat_map(|r| (0..cols).map(move |c| (r, c)))
        .filter_map(|(r, c)| s.cell(r, c))
        .filter(|c| !c.contents().trim().is_empty())
        .filter(|c| matches!(c.fgcolor(), vt100::Color::Idx(3 | 11)))
        .count()
}

#[test]
fn the_theme_follows_the_terminal_background_then_colorfgbg_then_dark() {
    // The first screen's figures (in the opening) are yellow on a dark background.
    let dark = start(Options::new(120, 36, &[]));
    dark.with_screen(|s| assert!(yellow_text(s) > 0, "{}", s.contents()));
    let forced = start(Options::new(120, 36, &["--theme", "light"]));
    forced.with_screen(|s| assert_eq!(yellow_text(s), 0));
    // A terminal that answers OSC 11 with white: its answer comes before the position report.
    let white = start(
        Options::new(120, 36, &[])
            .probe(Probe::Reply(b"\x1b]11;rgb:ffff/ffff/ffff\x1b\\\x1b[2;2R")),
    );
    white.with_screen(|s| assert_eq!(yellow_text(s), 0, "{}", s.contents()));
    // No answer to OSC 11: COLORFGBG says light.
    let fgbg = start(Options::new(120, 36, &[]).env("COLORFGBG", Some("0;15")));
    fgbg.with_screen(|s| assert_eq!(yellow_text(s), 0));
    // A black answer wins over COLORFGBG, and --theme dark over both.
    let black = start(
        Options::new(120, 36, &[])
            .env("COLORFGBG", Some("0;15"))
            .probe(Probe::Reply(b"\x1b]11;rgb:0000/0000/0000\x07\x1b[2;2R")),
    );
    black.with_screen(|s| assert!(yellow_text(s) > 0));
}

#[test]
fn a_key_typed_during_the_background_question_is_kept() {
    let p = start(
        Options::new(120, 36, &[]).probe(Probe::Reply(b"2\x1b]11;rgb:ffff/ffff/ffff\x07\x1b[2;2R")),
    );
    p.wait_until("the typed 2 selects suggestion 2", suggestion_2_selected);
    p.with_screen(|s| {
        assert!(!s.contents().contains("11;rgb"), "{}", s.contents());
        assert_eq!(yellow_text(s), 0);
    });
}

/// `dafu search 银行` on a terminal, with `args` before the query and `env` set; its bytes.
fn search_on_terminal(args: &[&str], env: &[(&str, &str)]) -> Vec<u8> {
    let mut all = args.to_vec();
    all.extend(["search", "银行"]);
    let mut options = Options::new(200, 50, &all);
    for (key, value) in env {
        options = options.env(key, Some(value));
    }
    let mut p = Pty::spawn(options);
    assert!(p.wait_exit().success());
    p.raw()
}

#[test]
fn search_on_a_terminal_colours_unless_no_color_or_never() {
    let plain = search_on_terminal(&[], &[]);
    assert!(find(&plain, BOLD_RED).is_some(), "a terminal gets colour");
    for (args, env) in [
        (&[][..], &[("NO_COLOR", "1")][..]),
        (&["--color", "never"][..], &[][..]),
    ] {
        let out = search_on_terminal(args, env);
        assert!(find(&out, "银行".as_bytes()).is_some());
        assert!(
            find(&out, b"\x1b").is_none(),
            "{args:?} {env:?}: {}",
            String::from_utf8_lossy(&out)
        );
    }
    // The explicit option wins over the variable.
    let always = search_on_terminal(&["--color", "always"], &[("NO_COLOR", "1")]);
    assert!(find(&always, BOLD_RED).is_some());
}

/// `dafu ARGS` with its output to a pipe; stdout.
fn piped(args: &[&str], no_color: Option<&str>) -> Vec<u8> {
    let mut command = binary::dafu(args);
    command.env_remove("NO_COLOR");
    if let Some(value) = no_color {
        command.env("NO_COLOR", value);
    }
    let out = command.output().expect("run dafu");
    assert!(out.status.code().is_some_and(|c| c < 2), "{out:?}");
    out.stdout
}

#[test]
fn color_always_colours_a_pipe_and_nothing_else_does() {
    let always = piped(&["--color", "always", "search", "银行"], Some("1"));
    assert!(find(&always, BOLD_RED).is_some());
    let always_after = piped(&["search", "银行", "--color", "always"], None);
    assert!(find(&always_after, BOLD_RED).is_some(), "a global option");
    for args in [
        &["search", "银行"][..],
        &["--color", "auto", "search", "银行"],
        &["--color", "never", "outline"],
        &["figures"],
        &["--help"],
        &["search", "--help"],
        &[],
    ] {
        for no_color in [None, Some("1")] {
            let out = piped(args, no_color);
            assert!(!out.is_empty(), "{args:?}");
            assert!(find(&out, b"\x1b").is_none(), "{args:?} {no_color:?}");
        }
    }
}

#[test]
fn nothing_is_asked_when_width_and_colours_are_given() {
    for args in [
        &["--ambiguous-width", "narrow", "--theme", "dark"][..],
        &["--ambiguous-width", "wide", "--theme", "light"],
        &["--ambiguous-width", "narrow", "--color", "never"],
    ] {
        let p = start(Options::new(100, 30, args));
        assert_eq!(p.requests(), 0, "{args:?}");
        assert!(find(&p.raw(), b"\x1b]11;").is_none(), "{args:?}");
    }
    // The defaults ask both questions in one round trip: one position request.
    let p = start(Options::new(100, 30, &[]));
    assert_eq!(p.requests(), 1);
    assert!(find(&p.raw(), b"\x1b]11;?\x1b\\").is_some());
}

/// The status row names suggestion 2: it is selected.
fn suggestion_2_selected(s: &vt100::Screen) -> Result<(), String> {
    let status = status_row(s);
    if status.trim_start().starts_with("二、关于") {
        Ok(())
    } else {
        Err(status)
    }
}
