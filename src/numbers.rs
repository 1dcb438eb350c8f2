//! Numbers as Chinese official letters write them, read without knowing what a letter is:
//! a figure's phrase ([`phrase`]: 「近1.8亿元」「300、200、100万元」「一百二十项」), the period a
//! figure holds for ([`period`]: 2020, 2019-2020, 近5年, 累计), the clause it stands in
//! ([`clause`]), a line that is a date alone ([`date`]: 2021年7月28日, 2021.7.28), and a number
//! written back without trailing zeros ([`trim_number`]). The loader
//! checks figures with them, the figures view shows them, and `dafu import` finds figures in
//! running text with them.

pub mod chinese;
pub mod clause;
pub mod date;
pub mod period;
pub mod phrase;
pub mod range;
pub mod units;

/// `value` with at most `decimals` decimals and no trailing zeros: 1.80 → `1.8`.
#[must_use]
pub fn trim_number(value: f64, decimals: usize) -> String {
    let s = format!("{value:.decimals$}");
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}
