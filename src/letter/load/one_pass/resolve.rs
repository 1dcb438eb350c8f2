//! What a plain scalar is, read as `serde_yaml` 0.9 reads it: null, a boolean, an integer,
//! a float, or text. A letter `serde_yaml` writes (`dafu import`'s drafts) must read back as
//! it was written, so these rules are `serde_yaml`'s own (`de.rs`, MIT OR Apache-2.0, as
//! dafu is), kept to what a letter's schema asks of a scalar.

use std::num::ParseIntError;

use serde::de::{Unexpected, Visitor};

/// Visits a plain scalar with what it is: null (`~`, `null`, nothing), a boolean, an integer,
/// a float (not one written with leading zeros), or else text.
pub(super) fn visit_plain<'de, V: Visitor<'de>, E: serde::de::Error>(
    visitor: V,
    value: &str,
) -> Result<V::Value, E> {
    if is_null(value) {
        return visitor.visit_unit();
    }
    if let Some(boolean) = parse_bool(value) {
        return visitor.visit_bool(boolean);
    }
    if let Some(int) = parse_unsigned_int(value, u64::from_str_radix) {
        return visitor.visit_u64(int);
    }
    if let Some(int) = parse_negative_int(value, i64::from_str_radix) {
        return visitor.visit_i64(int);
    }
    if let Some(int) = parse_unsigned_int(value, u128::from_str_radix) {
        return visitor.visit_u128(int);
    }
    if let Some(int) = parse_negative_int(value, i128::from_str_radix) {
        return visitor.visit_i128(int);
    }
    if !digits_but_not_number(value)
        && let Some(float) = parse_f64(value)
    {
        return visitor.visit_f64(float);
    }
    visitor.visit_str(value)
}

/// What a plain scalar is, in the words of a refusal (`integer `5``, `string "x"`).
pub(super) fn unexpected(value: &str) -> Unexpected<'_> {
    if is_null(value) {
        Unexpected::Unit
    } else if let Some(boolean) = parse_bool(value) {
        Unexpected::Bool(boolean)
    } else if let Some(int) = parse_unsigned_int(value, u64::from_str_radix) {
        Unexpected::Unsigned(int)
    } else if let Some(int) = parse_negative_int(value, i64::from_str_radix) {
        Unexpected::Signed(int)
    } else if let Some(float) = parse_f64(value).filter(|_| !digits_but_not_number(value)) {
        Unexpected::Float(float)
    } else {
        Unexpected::Str(value)
    }
}

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

/// An integer written in hexadecimal, octal or binary after its prefix, if it is one.
fn with_radix<T>(
    digits: &str,
    prefix: &str,
    radix: u32,
    from_str_radix: fn(&str, u32) -> Result<T, ParseIntError>,
) -> Option<T> {
    let rest = digits.strip_prefix(prefix)?;
    if rest.starts_with(['+', '-']) {
        return None;
    }
    from_str_radix(rest, radix).ok()
}

/// A plain scalar as a non-negative integer (`7`, `+7`, `0x1F`, `0o17`, `0b101`), if it is one.
fn parse_unsigned_int<T>(
    value: &str,
    from_str_radix: fn(&str, u32) -> Result<T, ParseIntError>,
) -> Option<T> {
    let unpositive = value.strip_prefix('+').unwrap_or(value);
    for (prefix, radix) in [("0x", 16), ("0o", 8), ("0b", 2)] {
        if let Some(int) = with_radix(unpositive, prefix, radix, from_str_radix) {
            return Some(int);
        }
    }
    if unpositive.starts_with(['+', '-']) || digits_but_not_number(value) {
        return None;
    }
    from_str_radix(unpositive, 10).ok()
}

/// A plain scalar as a negative integer (`-7`, `-0x1F`), if it is one.
fn parse_negative_int<T>(
    value: &str,
    from_str_radix: fn(&str, u32) -> Result<T, ParseIntError>,
) -> Option<T> {
    for (prefix, radix) in [("-0x", 16), ("-0o", 8), ("-0b", 2)] {
        if let Some(rest) = value.strip_prefix(prefix)
            && let Ok(int) = from_str_radix(&format!("-{rest}"), radix)
        {
            return Some(int);
        }
    }
    if digits_but_not_number(value) {
        return None;
    }
    from_str_radix(value, 10).ok()
}

/// Leading zeros followed by digits (`016`): text, not a number (YAML 1.2).
fn digits_but_not_number(value: &str) -> bool {
    let digits = value.strip_prefix(['-', '+']).unwrap_or(value);
    digits.len() > 1
        && digits.starts_with('0')
        && digits.bytes().skip(1).all(|b| b.is_ascii_digit())
}
