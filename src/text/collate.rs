//! Orders of names and numbers as a Chinese reader expects them: by each character's pinyin
//! (阿坝, 澳门, 白银, 常州…, as a Chinese index is ordered), not by the characters' code points,
//! which follow no order a reader knows; and numbers within text by their value (〔2024〕9号
//! before 〔2024〕10号), not digit by digit.

use std::cmp::Ordering;

use pinyin::ToPinyin;

/// `a` and `b` in a Chinese index's order: by the pinyin of each character in turn (its most
/// common reading, without tone; a Latin letter by itself without case), so that 石林 (shi
/// lin) comes before 十堰 (shi yan); then, for the same readings, by the characters
/// themselves, so that the order is total.
#[must_use]
pub fn chinese(a: &str, b: &str) -> Ordering {
    readings(a).cmp(readings(b)).then_with(|| a.cmp(b))
}

/// Places whose first character has another reading in most words, as their names read:
/// 长沙 is `chang sha`, where 长 alone reads `zhang`; 重庆 `chong`, 厦门 `xia`, 六安 `lu`.
const PLACE_READINGS: &[(&str, &[&str])] = &[
    ("长沙", &["chang", "sha"]),
    ("长春", &["chang", "chun"]),
    ("长治", &["chang", "zhi"]),
    ("重庆", &["chong", "qing"]),
    ("厦门", &["xia", "men"]),
    ("六安", &["lu", "an"]),
    ("蚌埠", &["beng", "bu"]),
];

/// The readings of `text`, in order: a place of [`PLACE_READINGS`] as its name reads, any
/// other character as [`reading`] reads it.
fn readings(text: &str) -> impl Iterator<Item = Reading> + '_ {
    let mut rest = text;
    let mut place: std::slice::Iter<'static, &'static str> = [].iter();
    std::iter::from_fn(move || {
        if let Some(syllable) = place.next() {
            return Some(Reading::Letters(syllable));
        }
        if let Some((name, syllables)) = PLACE_READINGS.iter().find(|(n, _)| rest.starts_with(n)) {
            rest = rest.get(name.len()..).unwrap_or_default();
            place = syllables.iter();
            return place.next().map(|syllable| Reading::Letters(syllable));
        }
        let ch = rest.chars().next()?;
        rest = rest.get(ch.len_utf8()..).unwrap_or_default();
        Some(reading(ch))
    })
}

/// `a` and `b` with each run of ASCII digits compared by its value and the text between by
/// [`chinese`]: document numbers (中山科函〔2021〕9号, 〔2021〕10号) in the order of their years
/// and numbers.
#[must_use]
pub fn natural(a: &str, b: &str) -> Ordering {
    let mut runs = (Runs(a), Runs(b));
    loop {
        match (runs.0.next(), runs.1.next()) {
            (None, None) => return a.cmp(b),
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(x), Some(y)) if x == y => {}
            (Some(x), Some(y)) => {
                let order = match (is_number(x), is_number(y)) {
                    (true, true) => by_value(x, y),
                    // A number before words, as 9 comes before 九 in an index.
                    (true, false) => Ordering::Less,
                    (false, true) => Ordering::Greater,
                    (false, false) => chinese(x, y),
                };
                if order.is_ne() {
                    return order;
                }
            }
        }
    }
}

/// What a character is ordered by: its reading, or itself.
#[derive(PartialEq, Eq, PartialOrd, Ord)]
enum Reading {
    /// A letter of the alphabet, or the letters of a reading (`chang` for 常).
    Letters(&'static str),
    /// Anything else (digits, punctuation, characters without a reading), after the letters.
    Other(char),
}

fn reading(ch: char) -> Reading {
    if let Ok(byte) = u8::try_from(ch)
        && byte.is_ascii_alphabetic()
    {
        // Its own reading, a letter long: `Zeta局` among the Z's.
        let at = usize::from(byte.to_ascii_lowercase() - b'a');
        return Reading::Letters(ALPHABET.get(at..=at).unwrap_or_default());
    }
    match ch.to_pinyin() {
        Some(pinyin) => Reading::Letters(pinyin.plain()),
        None => Reading::Other(ch),
    }
}

/// The Latin letters, each a reading of one letter to compare with the pinyin of characters.
const ALPHABET: &str = "abcdefghijklmnopqrstuvwxyz";

fn is_number(run: &str) -> bool {
    run.bytes().next().is_some_and(|b| b.is_ascii_digit())
}

/// Two runs of digits by their value: the one with fewer digits once leading zeros are
/// dropped is the smaller (no overflow however long), then digit by digit.
fn by_value(a: &str, b: &str) -> Ordering {
    let (a, b) = (a.trim_start_matches('0'), b.trim_start_matches('0'));
    a.len().cmp(&b.len()).then_with(|| a.cmp(b))
}

/// The runs of a text: each a run of ASCII digits or a run of anything else.
struct Runs<'a>(&'a str);

impl<'a> Iterator for Runs<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let first = self.0.bytes().next()?;
        let digits = first.is_ascii_digit();
        // Digits are ASCII: the run ends at a byte boundary that is a character's.
        let end = (self.0.bytes())
            .position(|b| b.is_ascii_digit() != digits)
            .unwrap_or(self.0.len());
        let (run, rest) = self.0.split_at(end);
        self.0 = rest;
        Some(run)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// `sort_by` may panic on an order that is not total: each order must be one.
        #[test]
        fn each_order_is_total(
            texts in prop::collection::vec("[长沙常州重庆厦门西安六安石林十堰a-cZ0-9〔〕号 ]{0,6}", 3)
        ) {
            for order in [chinese as fn(&str, &str) -> Ordering, natural] {
                let (a, b, c) = (&texts[0], &texts[1], &texts[2]);
                prop_assert_eq!(order(a, b), order(b, a).reverse());
                prop_assert_eq!(order(a, b) == Ordering::Equal, a == b);
                if order(a, b).is_le() && order(b, c).is_le() {
                    prop_assert!(order(a, c).is_le(), "{:?} {:?} {:?}", a, b, c);
                }
            }
        }
    }

    fn sorted(names: &[&str], order: fn(&str, &str) -> Ordering) -> Vec<String> {
        let mut names: Vec<String> = names.iter().map(ToString::to_string).collect();
        names.sort_by(|a, b| order(a, b));
        names
    }

    #[test]
    fn issuers_are_ordered_by_their_pinyin() {
        let names = ["Zeta局", "己局", "常州局", "澳门局", "白银局", "阿坝局"];
        assert_eq!(
            sorted(&names, chinese),
            ["阿坝局", "澳门局", "白银局", "常州局", "己局", "Zeta局"]
        );
        let cities = [
            "长沙市财政局",
            "郑州市财政局",
            "重庆市财政局",
            "西安市",
            "厦门市",
            "常州市",
            "北京市",
        ];
        assert_eq!(
            sorted(&cities, chinese),
            [
                "北京市",
                "长沙市财政局",
                "常州市",
                "重庆市财政局",
                "西安市",
                "厦门市",
                "郑州市财政局"
            ],
            "长沙 (chang sha) before 常州 (chang zhou), 重庆 under C, 西安 (xi) before 厦门 (xia)"
        );
        let counties = [
            "剑阁", "南宫", "宁陕", "常州", "白银", "石林", "砚山", "神木", "紫阳", "马关",
        ];
        assert_eq!(
            sorted(&counties, chinese),
            [
                "白银", "常州", "剑阁", "马关", "南宫", "宁陕", "神木", "石林", "砚山", "紫阳"
            ]
        );
    }

    #[test]
    fn the_order_is_total_and_a_prefix_comes_first() {
        assert_eq!(chinese("白银", "白银市"), Ordering::Less);
        assert_eq!(chinese("白银", "白银"), Ordering::Equal);
        // The second character's reading decides before the first's code point.
        assert_eq!(chinese("石林", "十堰"), Ordering::Less);
        // The same reading, different characters: still an order, the same both ways.
        assert_eq!(chinese("石", "十"), chinese("十", "石").reverse());
        assert_ne!(chinese("石", "十"), Ordering::Equal);
    }

    #[test]
    fn document_numbers_are_ordered_by_year_then_number() {
        let numbers = [
            "白函〔2024〕2号",
            "白函〔2024〕10号",
            "白函〔2024〕1号",
            "白函〔2023〕100号",
            "白函〔2024〕9号",
            "阿函〔2024〕5号",
        ];
        assert_eq!(
            sorted(&numbers, natural),
            [
                "阿函〔2024〕5号",
                "白函〔2023〕100号",
                "白函〔2024〕1号",
                "白函〔2024〕2号",
                "白函〔2024〕9号",
                "白函〔2024〕10号",
            ]
        );
    }

    #[test]
    fn long_and_zero_padded_numbers_are_compared_by_value() {
        assert_eq!(natural("第007号", "第7号"), "第007号".cmp("第7号"));
        assert_eq!(natural("第08号", "第10号"), Ordering::Less);
        let long = "9".repeat(40);
        assert_eq!(natural(&long, &format!("1{long}")), Ordering::Less);
        assert_eq!(natural("", "1"), Ordering::Less);
    }
}
