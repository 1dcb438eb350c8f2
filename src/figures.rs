//! Figures as a reader wants them: kinds of unit, values normalised for display.
//!
//! The letter's own wording of a figure is kept in [`Figure::text`]; this module only
//! derives from it.

use crate::letter::Figure;

/// The kind of a figure's unit, for filtering.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, clap::ValueEnum, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum UnitKind {
    /// Amounts in 元.
    Money,
    /// Counts of firms, projects, teams….
    Count,
    /// Percentages.
    Percent,
}

impl UnitKind {
    /// The kind of `figure`'s unit.
    #[must_use]
    pub fn of(figure: &Figure) -> Self {
        match figure.unit.as_str() {
            "元" => Self::Money,
            "%" => Self::Percent,
            _ => Self::Count,
        }
    }
}

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

/// The value as Chinese readers write amounts: `1.8亿元`, `1300万元`, `192家`, `6%`.
#[must_use]
pub fn display_value(figure: &Figure) -> String {
    match UnitKind::of(figure) {
        UnitKind::Money if figure.value >= 1e8 => {
            format!("{}亿元", trim_number(figure.value / 1e8, 4))
        }
        UnitKind::Money if figure.value >= 1e4 => {
            format!("{}万元", trim_number(figure.value / 1e4, 4))
        }
        _ => format!("{}{}", trim_number(figure.value, 2), figure.unit),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn money(value: f64) -> Figure {
        Figure {
            text: String::new(),
            value,
            unit: "元".into(),
            what: String::new(),
            qualifier: None,
        }
    }

    #[test]
    fn money_is_shown_in_yi_or_wan() {
        assert_eq!(display_value(&money(180_000_000.0)), "1.8亿元");
        assert_eq!(display_value(&money(62_206_400.0)), "6220.64万元");
        assert_eq!(display_value(&money(400_000.0)), "40万元");
        assert_eq!(display_value(&money(8_700_000_000.0)), "87亿元");
    }
}
