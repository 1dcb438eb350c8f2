//! What a plain scalar is where the schema asks for nothing, a boolean or a number, read as
//! `serde_yaml` 0.9 reads it (`de.rs`, MIT OR Apache-2.0, as dafu is), so that a letter
//! `serde_yaml` writes (`dafu import`'s drafts) reads back as it was written. Where the
//! schema asks for text, any scalar is its text as written (`title: 123`, `period: 2020`).

use serde::de::Unexpected;

/// Whether a plain scalar is null: written as nothing, `~` or `null`.
pub(super) fn is_null(value: &str) -> bool {
    matches!(value, "" | "null" | "Null" | "NULL" | "~")
}

/// A plain scalar as a boolean, if it is one.
pub(super) fn parse_bool(value: &str) -> Option<bool> {
    match value {
        "true" | "True" | "TRUE" => Some(true),
        "false" | "False" | "FALSE" => Some(false),
        _ => None,
    }
}

/// A plain scalar as a finite float (or `.inf`, `.nan`), if it is one.
pub(super) fn parse_f64(value: &str) -> Option<f64> {
    let unpositive = match value.strip_prefix('+') {
        Some(unpositive) if unpositive.starts_with(['+', '-']) => return None,
        Some(unpositive) => unpositive,
        None => value,
    };
    if matches!(unpositive, ".inf" | ".Inf" | ".INF") {
        return Some(f64::INFINITY);
    }
    if matches!(value, "-.inf" | "-.Inf" | "-.INF") {
        return Some(f64::NEG_INFINITY);
    }
    if matches!(value, ".nan" | ".NaN" | ".NAN") {
        return Some(f64::NAN.copysign(1.0));
    }
    unpositive.parse::<f64>().ok().filter(|f| f.is_finite())
}

/// Whether a plain scalar is a decimal number too large for a float (`1e400`), which
/// [`parse_f64`] does not take: said as that, not as text where a number belongs.
pub(super) fn overflows(value: &str) -> bool {
    let unsigned = value.strip_prefix(['+', '-']).unwrap_or(value);
    unsigned.starts_with(|c: char| c.is_ascii_digit() || c == '.')
        && unsigned.parse::<f64>().is_ok_and(f64::is_infinite)
}

/// Whether a plain scalar is an integer written in hexadecimal, octal or binary (`0x10`,
/// `-0o7`): a number to YAML, which a letter must write in decimal.
pub(super) fn in_another_radix(value: &str) -> bool {
    let unsigned = value.strip_prefix(['+', '-']).unwrap_or(value);
    [("0x", 16), ("0o", 8), ("0b", 2)]
        .iter()
        .any(|&(prefix, radix)| {
            unsigned.strip_prefix(prefix).is_some_and(|digits| {
                !digits.is_empty() && digits.chars().all(|c| c.is_digit(radix))
            })
        })
}

/// What a plain scalar is, in the words of a refusal (``integer `5` ``, `string "x"`); digits
/// after a leading zero (`016`) are text, as YAML 1.2 has them.
pub(super) fn unexpected(value: &str) -> Unexpected<'_> {
    let digits = value.strip_prefix(['+', '-']).unwrap_or(value);
    let leading_zero =
        digits.len() > 1 && digits.starts_with('0') && digits.bytes().all(|b| b.is_ascii_digit());
    if is_null(value) {
        Unexpected::Unit
    } else if let Some(boolean) = parse_bool(value) {
        Unexpected::Bool(boolean)
    } else if leading_zero {
        Unexpected::Str(value)
    } else if let Ok(int) = value.parse::<u64>() {
        Unexpected::Unsigned(int)
    } else if let Ok(int) = value.parse::<i64>() {
        Unexpected::Signed(int)
    } else if let Some(float) = parse_f64(value) {
        Unexpected::Float(float)
    } else {
        Unexpected::Str(value)
    }
}
