//! The README says what the program does; these tests hold it to the program's own tables
//! and its own first screen.

mod util;

use dafu::keys::markdown_table;
use dafu::strings::Lang;

const README: &str = include_str!("../README.md");

/// The text between `<!-- begin NAME -->` and `<!-- end NAME -->` in the README.
fn section(name: &str) -> &'static str {
    let begin = format!("<!-- begin {name} -->\n");
    let end = format!("<!-- end {name} -->");
    let (_, after) = README
        .split_once(&begin)
        .unwrap_or_else(|| panic!("README has no `{begin}` marker"));
    let (inside, _) = after
        .split_once(&end)
        .unwrap_or_else(|| panic!("README has no `{end}` marker"));
    inside
}

#[test]
fn readme_key_table_is_the_keymaps_table() {
    let expected = markdown_table(Lang::En);
    assert_eq!(
        section("keys"),
        expected,
        "the README's key table differs from src/keys.rs; paste this between its markers:\n{expected}"
    );
}

#[test]
fn readme_picture_is_the_first_screen() {
    let app = util::app(100, 30);
    let screen: String = util::screen(&app)
        .lines()
        .map(|line| format!("{}\n", line.trim_end()))
        .collect();
    let expected = format!("```text\n{screen}```\n");
    assert_eq!(
        section("first-screen"),
        expected,
        "the README's picture is not the reader's first screen at 100×30; paste this between \
         its markers:\n{expected}"
    );
}
