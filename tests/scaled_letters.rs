//! The benchmarks' scaled letters (`benches/common`) are valid letters of the expected size,
//! and the same on every run.

#[path = "../benches/common/mod.rs"]
mod common;

use dafu::letter::load;

#[test]
fn scale_one_is_the_real_letter() {
    let letter = load::parse(&common::scaled_yaml(1), "x1.yaml").expect("×1 loads");
    assert_eq!(letter, load::embedded());
}

#[test]
fn scale_ten_loads_with_fifty_distinct_suggestions() {
    let yaml = common::scaled_yaml(10);
    let letter = load::parse(&yaml, "x10.yaml").expect("×10 loads: every figure quotes its node");
    assert_eq!(letter.suggestions.len(), 50);
    let mut titles: Vec<&str> = letter
        .suggestions
        .iter()
        .map(|s| s.title.as_str())
        .collect();
    titles.sort_unstable();
    titles.dedup();
    assert_eq!(titles.len(), 50, "every copy's title differs");
    assert_eq!(
        yaml,
        common::scaled_yaml(10),
        "the generator is deterministic"
    );
}

#[test]
fn copies_differ_in_their_numbers() {
    let letter = common::scaled_letter(2);
    let (real, copy) = (&letter.suggestions[1], &letter.suggestions[6]);
    let figure = |s: &dafu::letter::Suggestion| s.measures[0].figures[0].text.clone();
    assert_eq!(figure(real), "共39项");
    assert_eq!(figure(copy), "共40项");
}

#[test]
fn a_scaled_letter_loads_as_the_letter_it_was_written_from() {
    let letter = common::scaled_letter(20);
    let yaml = common::scaled_yaml(20);
    assert_eq!(load::parse(&yaml, "x20.yaml").expect("×20 loads"), letter);
}
