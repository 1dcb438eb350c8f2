//! The README says what the program does; these tests hold it to the program's own tables.

use dafu::keys::markdown_table;
use dafu::strings::Lang;

const README: &str = include_str!("../README.md");

/// The text between `<!-- begin NAME -->` and `<!-- end NAME -->` in the README.
fn section(name: &str) -> &'static str {
    let begin = format!("<!-- begin {name} -->\n");
    let end = format!("<!-- end {name} -->");
    let start = README
        .find(&begin)
        .unwrap_or_else(|| panic!("README has no `{begin}` marker"))
        + begin.len();
    let stop = README[start..]
        .find(&end)
        .unwrap_or_else(|| panic!("README has no `{end}` marker"));
    &README[start..start + stop]
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
