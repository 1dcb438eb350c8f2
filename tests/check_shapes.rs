//! Well-formed letters of odd shapes, through `dafu check`: the work must stay linear in the
//! file, and a file that asks for more than a letter could need must be refused at once.
//!
//! Each test runs at a size where quadratic work takes minutes and linear work well under a
//! second, and checks what a user sees: the exit status, the message and its position. How
//! long they take is the opt-in [`timing_each_shape_is_checked_within_fifteen_seconds`]
//! (`cargo test --test check_shapes -- --ignored`); `cargo bench --bench budgets` times
//! `dafu check` against the letter's size.

mod binary;

use std::ffi::OsStr;

use binary::{Scratch, dafu, run_command};

/// The smallest valid letter, to build the shapes on.
const MINIMAL_YAML: &str = include_str!("fixtures/minimal.yaml");

/// Runs `dafu check` on `yaml` (written to a scratch file).
#[track_caller]
fn check(name: &str, yaml: &str) -> binary::Output {
    let scratch = Scratch::new(name);
    let path = scratch.write("letter.yaml", yaml);
    run_command(&mut dafu([OsStr::new("check"), path.as_os_str()]))
}

/// A letter whose one measure states `n` figures: `另有1项，另有2项，…` in its paragraph,
/// each listed as a figure.
fn letter_with_figures(n: usize) -> String {
    let paragraph: String = (1..=n).map(|i| format!("另有{i}项，")).collect();
    let mut figures = String::new();
    for i in 1..=n {
        figures.push_str(&format!(
            "          - {{text: {i}项, value: {i}, unit: 项, what: 编号}}\n"
        ));
    }
    let yaml = MINIMAL_YAML
        .replacen(
            "          - 共3家企业参与，投入资金近1.8亿元。\n",
            &format!("          - {paragraph}\n"),
            1,
        )
        .replacen(
            "        figures:\n",
            &format!("        figures:\n{figures}"),
            1,
        );
    // The minimal letter's own two figures no longer quote the paragraph.
    let start = yaml
        .find("          - text: 共3家")
        .expect("the first figure");
    let end = yaml.find("        points:").expect("the points");
    let (before, after) = (yaml.get(..start), yaml.get(end..));
    format!(
        "{}{}",
        before.unwrap_or_default(),
        after.unwrap_or_default()
    )
}

#[test]
fn fifty_thousand_figures_in_one_node_are_checked_in_linear_time() {
    let yaml = letter_with_figures(50_000);
    let out = check("figures-50k", &yaml);
    assert_eq!(out.code(), Some(0), "{out:?}");
    assert!(out.stderr.is_empty(), "{out:?}");
}

/// A letter of `n` paragraphs of text, with `n` editorial notes, each quoting its own
/// paragraph's last words.
fn letter_with_notes(n: usize) -> String {
    let mut opening = String::from("opening:\n");
    let mut notes = String::from("notes:\n");
    for i in 0..n {
        opening.push_str(&format!(
            "  - 人工智能产业发展第{i}段，推动新一代信息技术与实体经济深度融合，编号{i}号。\n"
        ));
        notes.push_str(&format!("  - {{text: 编号{i}号。, note: 第{i}条注。}}\n"));
    }
    let yaml = MINIMAL_YAML.replacen("opening:\n  - 您们的建议收悉。现答复如下：\n", &opening, 1);
    format!("{yaml}{notes}")
}

#[test]
fn twenty_thousand_notes_are_checked_in_linear_time() {
    let yaml = letter_with_notes(20_000);
    assert!(yaml.len() > 1_500_000, "a letter of {} bytes", yaml.len());
    let out = check("notes-20k", &yaml);
    assert_eq!(out.code(), Some(0), "{out:?}");
    assert!(out.stderr.is_empty(), "{out:?}");
}

#[test]
fn aliases_of_a_list_of_empty_strings_are_refused_at_once() {
    // 200,000 empty strings, repeated by alias into 1,000 measures: no text at all, but
    // 200 million values once expanded (a 613 KB file). dafu once tried, and ran out of
    // memory (the memory limit makes that a failure, not a stalled machine); it now refuses
    // the anchor before reading on.
    let empties = vec!["''"; 200_000].join(",");
    let measure = format!("      - &m\n        title: 做某事\n        paragraphs: [{empties}]\n");
    let measures = format!("{measure}{}", "      - *m\n".repeat(999));
    let yaml = MINIMAL_YAML.replacen(
        "      - title: 做某事\n        paragraphs:\n          - 共3家企业参与，投入资金近1.8亿元。\n",
        &measures,
        1,
    );
    assert!(
        yaml.len() > 600_000 && yaml.contains("*m"),
        "the bomb is built"
    );
    let scratch = Scratch::new("empty-strings-bomb");
    let path = scratch.write("bomb.yaml", &yaml);
    let check = [OsStr::new("check"), path.as_os_str()];
    let out = run_command(&mut binary::dafu_with_memory_limit(2_000_000, check));
    assert_eq!(out.signal(), None, "dafu crashed\n{out:?}");
    let message = out.assert_refused(&format!("{}:", path.display()));
    // FILE:LINE:COL, at the anchor.
    let position = message
        .strip_prefix(&format!("{}:", path.display()))
        .and_then(|rest| rest.split(": ").next())
        .unwrap_or_default();
    let line: usize = position
        .split(':')
        .next()
        .and_then(|l| l.parse().ok())
        .unwrap_or_else(|| panic!("no line in {message}"));
    assert!(
        yaml.lines().nth(line - 1).is_some_and(|l| l.contains("&m")),
        "{message}"
    );
    assert!(message.contains("锚点和别名"), "{message}");
}

/// Each shape above, its file made and checked, within 15 s: linear work takes a fraction of a
/// second in a debug build, quadratic minutes. Opt-in, as a wall clock on a shared machine is.
#[test]
#[ignore = "timing: cargo test --test check_shapes -- --ignored"]
fn timing_each_shape_is_checked_within_fifteen_seconds() {
    let shapes: [(&str, fn()); 3] = [
        (
            "50,000 figures",
            fifty_thousand_figures_in_one_node_are_checked_in_linear_time,
        ),
        (
            "20,000 notes",
            twenty_thousand_notes_are_checked_in_linear_time,
        ),
        (
            "aliases of empty strings",
            aliases_of_a_list_of_empty_strings_are_refused_at_once,
        ),
    ];
    binary::wait::timing_each_under(std::time::Duration::from_secs(15), &shapes);
}
