//! Figures found in a node's text: amounts, counts and percentages written in Arabic numerals
//! with a unit (`352万元`, `45个`, `6%`), a list sharing one unit (`80、60、40万元`: three
//! figures with one text), and the letter's hedge (`近1.8亿元`, `超过100家`, `约1900万元`).
//!
//! A hedge right before the number is part of the figure's text. A hedge further back in the
//! same clause (`共征集需求申报8项`, `最高额度200万元`) is the figure's qualifier but not part
//! of its text; it qualifies only the first figure after it, and not when it is part of
//! another word (`公共`) or hedges another number (`近5年`). `what` is drafted from the clause
//! around the figure and needs a person's review.

use crate::letter::{FIGURE_QUALIFIERS, FIGURE_UNITS, Figure};

/// Hedges written right before a number, longest first, and the qualifier each stands for.
const ADJACENT: [(&str, &str); 7] = [
    ("超过", "超过"),
    ("最高", "最高"),
    ("累计", "累计"),
    ("近", "近"),
    ("超", "超"),
    ("约", "约"),
    ("共", "共"),
];

/// Hedges that qualify a figure from further back in its clause.
const DISTANT: [&str; 3] = ["最高", "累计", "共"];

/// Words in which `共` is no hedge.
const NOT_HEDGES: [&str; 14] = [
    "公共", "共同", "共享", "共建", "共性", "共识", "共产", "中共", "共青", "共赢", "共担",
    "共治", "共商", "共生",
];

/// Where a clause ends.
fn ends_clause(c: char) -> bool {
    matches!(c, '，' | '。' | '；' | '：' | '！' | '？' | ',' | ';' | '\n')
}

/// One figure found, with where its text stands (in characters).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Found {
    pub text: String,
    pub value: f64,
    pub unit: String,
    pub qualifier: Option<String>,
    /// Characters `start..end` of the text are the figure's text.
    pub start: usize,
    pub end: usize,
    /// Its place in a list sharing one text (`80、60、40万元`): index and length.
    pub in_list: (usize, usize),
}

/// The qualifier a hedge stands for in this schema: `超` is `超过` where the schema knows no
/// `超`.
fn qualifier(hedge: &str) -> String {
    if hedge == "超" && !FIGURE_QUALIFIERS.contains(&"超") {
        "超过".to_string()
    } else {
        hedge.to_string()
    }
}

/// `number × 10^exp`, computed on the digits so that `6220.64万` is exactly 62206400.
fn scaled(number: &str, exp: usize) -> Option<f64> {
    let (int, frac) = number.split_once('.').unwrap_or((number, ""));
    let digits = if frac.len() <= exp {
        format!("{int}{frac}{}", "0".repeat(exp - frac.len()))
    } else {
        let (whole, rest) = frac.split_at(exp);
        format!("{int}{whole}.{rest}")
    };
    digits.parse().ok()
}

/// Every figure in `text`, in order.
pub(crate) fn find(text: &str) -> Vec<Found> {
    let chars: Vec<char> = text.chars().collect();
    let numeral = |c: char| c.is_ascii_digit() || c == '.';
    let mut found = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let starts_number = chars[i].is_ascii_digit()
            && i.checked_sub(1)
                .is_none_or(|p| !(chars[p].is_ascii_alphanumeric() || chars[p] == '.' || chars[p] == '第'));
        if !starts_number {
            i += 1;
            continue;
        }
        let start = i;
        let mut numbers = Vec::new();
        loop {
            let from = i;
            while i < chars.len() && numeral(chars[i]) {
                i += 1;
            }
            numbers.push(chars[from..i].iter().collect::<String>());
            if chars.get(i) == Some(&'、') && chars.get(i + 1).is_some_and(char::is_ascii_digit) {
                i += 1;
            } else {
                break;
            }
        }
        let mut j = i;
        let exp = match (chars.get(j), chars.get(j + 1)) {
            (Some('万'), Some('亿')) => 12,
            (Some('千'), _) => 3,
            (Some('万'), _) => 4,
            (Some('亿'), _) => 8,
            _ => 0,
        };
        j += match exp {
            12 => 2,
            0 => 0,
            _ => 1,
        };
        let unit = chars
            .get(j)
            .map(char::to_string)
            .filter(|u| FIGURE_UNITS.contains(&u.as_str()) && (exp == 0 || u != "%"));
        let Some(unit) = unit else {
            continue;
        };
        let end = j + 1;
        let before: String = chars[start.saturating_sub(2)..start].iter().collect();
        let adjacent = ADJACENT.iter().find(|(h, _)| before.ends_with(h));
        let (text_start, hedge) = match adjacent {
            Some((written, q)) => (start - written.chars().count(), Some(qualifier(q))),
            None => (start, distant_hedge(&chars, start)),
        };
        let figure_text: String = chars[text_start..end].iter().collect();
        let count = numbers.len();
        for (k, number) in numbers.iter().enumerate() {
            let Some(value) = scaled(number, exp) else {
                continue;
            };
            found.push(Found {
                text: figure_text.clone(),
                value,
                unit: unit.clone(),
                qualifier: hedge.clone(),
                start: text_start,
                end,
                in_list: (k, count),
            });
        }
        i = end;
    }
    found
}

/// A hedge further back in the clause of the number at `start`, with no number between.
fn distant_hedge(chars: &[char], start: usize) -> Option<String> {
    let clause_start = (0..start)
        .rev()
        .find(|&p| ends_clause(chars[p]))
        .map_or(0, |p| p + 1);
    let clause = &chars[clause_start..start];
    for at in (0..clause.len()).rev() {
        if clause[at].is_ascii_digit() {
            return None;
        }
        for hedge in DISTANT {
            let h: Vec<char> = hedge.chars().collect();
            if !clause[at..].starts_with(&h) {
                continue;
            }
            let around: String = chars[(clause_start + at).saturating_sub(1)
                ..(clause_start + at + h.len() + 1).min(chars.len())]
                .iter()
                .collect();
            let is_hedge = !NOT_HEDGES.iter().any(|w| around.contains(w))
                && !clause
                    .get(at + h.len())
                    .is_some_and(char::is_ascii_digit);
            if is_hedge {
                return Some(qualifier(hedge));
            }
        }
    }
    None
}

/// Words at the edges of a drafted `what` that say nothing about what is counted.
const FILLER_END: [&str; 9] = ["分别为", "分别是", "达到", "共计", "合计", "为", "达", "有", "是"];

/// A first draft of what a figure counts: its clause without the figure, and without the
/// figures before and after it in the clause (`国家级2个、省级27个` → `省级`). `before` and
/// `after` bound it: the end of the previous figure and the start of the next.
fn draft_what(chars: &[char], found: &Found, before_end: usize, after_start: usize) -> String {
    let clause_start = (before_end..found.start)
        .rev()
        .find(|&p| ends_clause(chars[p]))
        .map_or(before_end, |p| p + 1);
    // After the figure, a `、` ends it too: `国家级2个、省级27个`.
    let clause_end = (found.end..after_start)
        .find(|&p| ends_clause(chars[p]) || chars[p] == '、')
        .unwrap_or(after_start);
    let mut before: String = chars[clause_start..found.start].iter().collect();
    loop {
        let trimmed = FILLER_END
            .iter()
            .find_map(|f| before.strip_suffix(f))
            .map(str::to_string);
        match trimmed {
            Some(t) if !t.is_empty() => before = t,
            _ => break,
        }
    }
    let after: String = chars[found.end..clause_end].iter().collect();
    let edges = |c: char| c.is_whitespace() || c == '、';
    let mut what: String = format!("{}{}", before.trim_matches(edges), after.trim_matches(edges))
        .chars()
        .filter(|&c| c != '“' && c != '”')
        .collect();
    if what.chars().count() > 40 {
        what = what
            .chars()
            .skip(what.chars().count() - 40)
            .skip_while(|&c| c == '、')
            .collect();
    }
    if found.in_list.1 > 1 {
        what.push_str(&format!("（第{}项）", found.in_list.0 + 1));
    }
    if what.is_empty() {
        "（待填写）".to_string()
    } else {
        what
    }
}

/// The figures of a node's text, `what` drafted.
pub(crate) fn figures(text: &str) -> Vec<Figure> {
    let chars: Vec<char> = text.chars().collect();
    let found = find(text);
    found
        .iter()
        .enumerate()
        .map(|(k, f)| {
            // The neighbours: figures of one list share their place, so skip those.
            let before_end = found[..k]
                .iter()
                .rev()
                .find(|g| g.end <= f.start)
                .map_or(0, |g| g.end);
            let after_start = found[k + 1..]
                .iter()
                .find(|g| g.start >= f.end)
                .map_or(chars.len(), |g| g.start);
            Figure {
                what: draft_what(&chars, f, before_end, after_start),
                text: f.text.clone(),
                value: f.value,
                unit: f.unit.clone(),
                qualifier: f.qualifier.clone(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn brief(text: &str) -> Vec<(String, f64, String, Option<String>)> {
        find(text)
            .into_iter()
            .map(|f| (f.text, f.value, f.unit, f.qualifier))
            .collect()
    }

    #[test]
    fn amounts_with_hedges_near_and_far() {
        let over = qualifier("超");
        assert_eq!(
            brief("企业超过100家，近5年支持96家企业，扶持资金超过3.3亿元，贴息6220.64万元"),
            [
                ("超过100家".into(), 100.0, "家".into(), Some("超过".into())),
                ("96家".into(), 96.0, "家".into(), None),
                ("超过3.3亿元".into(), 330_000_000.0, "元".into(), Some("超过".into())),
                ("6220.64万元".into(), 62_206_400.0, "元".into(), None),
            ]
        );
        assert_eq!(
            brief("累计审批贷款超87亿元"),
            [("超87亿元".into(), 8_700_000_000.0, "元".into(), Some(over))]
        );
        assert_eq!(
            brief("项目共征集需求申报8项，经遴选4项"),
            [
                ("8项".into(), 8.0, "项".into(), Some("共".into())),
                ("4项".into(), 4.0, "项".into(), None),
            ]
        );
        assert_eq!(
            brief("已涵盖公共技术服务单位45个"),
            [("45个".into(), 45.0, "个".into(), None)]
        );
    }

    #[test]
    fn a_list_is_several_figures_with_one_text() {
        let found = brief("最高补助分别为300、200、100万元。");
        let values: Vec<f64> = found.iter().map(|f| f.1).collect();
        assert_eq!(values, [3_000_000.0, 2_000_000.0, 1_000_000.0]);
        assert!(found.iter().all(|f| f.0 == "300、200、100万元" && f.3.as_deref() == Some("最高")));
    }

    #[test]
    fn years_names_and_ordinals_are_no_figures() {
        assert!(brief("2020年，近5年，5G技术，“3+4”，“1+1+9+N”，第125053号，2021年7月28日，第3项").is_empty());
        assert_eq!(brief("6%比例").len(), 1);
    }

    #[test]
    fn what_is_drafted_from_the_clause() {
        let figures = figures("2020年，共认定我市总部企业64家。");
        assert_eq!(figures[0].what, "共认定我市总部企业");
        let list = super::figures("补助额度分别为80、60、40万元。");
        assert_eq!(list[1].what, "补助额度（第2项）");
    }
}
