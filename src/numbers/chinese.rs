//! Chinese numerals, read and written by one reader: the figures' phrases (「一百二十项」), the
//! letter's ordinals (`一、` … `九十九、` `一百、` `一百零一、`, `（十二）`, `三是`) and dates
//! (`二〇二一年七月二十八日`) all go through [`Whole`], and every ordinal the reader shows is
//! written by [`write()`].

/// Reads a whole Chinese numeral (no `点`) at the start of `text`: its value and its length in
/// bytes; `None` when no numeral starts there or it overflows.
#[must_use]
pub fn read_whole(text: &str) -> Option<(u64, usize)> {
    let mut whole = Whole::new();
    let mut end = 0;
    for (i, c) in text.char_indices() {
        if let Some(d) = digit(c) {
            if !whole.digit(d)? {
                break;
            }
        } else if let Some(u) = unit(c) {
            whole.unit(u)?;
        } else {
            break;
        }
        end = i + c.len_utf8();
    }
    (end > 0)
        .then(|| Some((u64::try_from(whole.value()).ok()?, end)))
        .flatten()
}

/// A whole string read as one Chinese numeral: `二十八` → 28, `一百零一` → 101.
#[must_use]
pub fn value_of(text: &str) -> Option<u64> {
    read_whole(text)
        .filter(|&(_, len)| len == text.len())
        .map(|(n, _)| n)
}

/// `n` written as letters number their parts: 1 → `一`, 12 → `十二`, 100 → `一百`,
/// 101 → `一百零一`, 110 → `一百一十`, 2021 → `二千零二十一`; 0 → `零`.
#[must_use]
pub fn write(n: u64) -> String {
    const DIGITS: [char; 10] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
    const PLACES: [(u64, char); 3] = [(1000, '千'), (100, '百'), (10, '十')];
    if n == 0 {
        return "零".into();
    }
    if n >= 100_000_000 {
        return join(write(n / 100_000_000), '亿', n % 100_000_000, 10_000_000);
    }
    if n >= 10_000 {
        return join(write(n / 10_000), '万', n % 10_000, 1000);
    }
    let mut out = String::new();
    let mut zero = false;
    let mut rest = n;
    for (place, name) in PLACES {
        let d = rest / place;
        rest %= place;
        if d == 0 {
            zero |= !out.is_empty();
            continue;
        }
        if zero {
            out.push('零');
            zero = false;
        }
        // 十二, not 一十二, at the head of a number below twenty.
        if !(place == 10 && d == 1 && out.is_empty()) {
            out.push(DIGITS[usize::try_from(d).unwrap_or(0)]);
        }
        out.push(name);
    }
    if rest > 0 {
        if zero {
            out.push('零');
        }
        out.push(DIGITS[usize::try_from(rest).unwrap_or(0)]);
    }
    out
}

/// `high` then `name` (万 or 亿), then `low`, with 零 when `low` does not fill its places
/// (`top` is its highest place): 一万零五, 一万二千.
fn join(high: String, name: char, low: u64, top: u64) -> String {
    let mut out = high;
    out.push(name);
    if low > 0 {
        if low < top {
            out.push('零');
        }
        let low = write(low);
        // 一万零一十 reads as letters write it: 一万零十 would not.
        if low.starts_with('十') {
            out.push('一');
        }
        out.push_str(&low);
    }
    out
}

pub(crate) fn digit(c: char) -> Option<u128> {
    Some(match c {
        '〇' | '零' => 0,
        '一' | '壹' => 1,
        '二' | '两' | '贰' => 2,
        '三' | '叁' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

/// 十百千 (and 拾佰仟) inside a section; 万 and 亿 close a section.
pub(crate) fn unit(c: char) -> Option<u128> {
    Some(match c {
        '十' | '拾' => 10,
        '百' | '佰' => 100,
        '千' | '仟' => 1000,
        '万' => 10_000,
        '亿' => 100_000_000,
        _ => return None,
    })
}

/// The whole part of a Chinese numeral, as it is read character by character.
pub(crate) struct Whole {
    /// Positional digits (二〇二〇), used when no 十百千万亿 appears.
    positional: u128,
    saw_unit: bool,
    /// Whole 亿s.
    total: u128,
    /// Whole 万s below 亿.
    section: u128,
    /// Below 万.
    current: u128,
    digit: Option<u128>,
    last_unit: u128,
    after_zero: bool,
}

impl Whole {
    pub(crate) fn new() -> Self {
        Self {
            positional: 0,
            saw_unit: false,
            total: 0,
            section: 0,
            current: 0,
            digit: None,
            last_unit: 1,
            after_zero: false,
        }
    }

    /// Takes the digit `d`: `Some(false)` when it ends the numeral instead (two digits in a
    /// row after a unit, without 零 between), `None` when the number overflows.
    pub(crate) fn digit(&mut self, d: u128) -> Option<bool> {
        if d == 0 {
            self.after_zero = true;
        }
        self.positional = self.positional.checked_mul(10)?.checked_add(d)?;
        if let Some(prev) = self.digit
            && self.saw_unit
            && prev != 0
        {
            return Some(false);
        }
        self.digit = Some(d);
        Some(true)
    }

    /// Takes the unit `unit` (10, 100, 1000, 10⁴ or 10⁸); `None` when the number overflows.
    pub(crate) fn unit(&mut self, unit: u128) -> Option<()> {
        self.saw_unit = true;
        let d = self.digit.take();
        match unit {
            10 | 100 | 1000 => {
                let times = d.unwrap_or(1).checked_mul(unit)?;
                self.current = self.current.checked_add(times)?;
                self.last_unit = unit;
            }
            10_000 => {
                let below = (self.current + d.unwrap_or(0)).max(1);
                self.section = self.section.checked_add(below.checked_mul(10_000)?)?;
                self.current = 0;
                self.last_unit = 1;
            }
            _ => {
                let below = (self.section + self.current + d.unwrap_or(0)).max(1);
                self.total = self
                    .total
                    .checked_add(below)
                    .and_then(|t| t.checked_mul(100_000_000))?;
                self.section = 0;
                self.current = 0;
                self.last_unit = 1;
            }
        }
        self.after_zero = false;
        Some(())
    }

    /// The value read.
    pub(crate) fn value(&self) -> u128 {
        if !self.saw_unit {
            return self.positional;
        }
        // A digit after 千/百 with nothing between is short for the next place: 一千二 is 1200.
        let tail = match self.digit {
            Some(d) if !self.after_zero && self.last_unit >= 100 => d * (self.last_unit / 10),
            Some(d) => d,
            None => 0,
        };
        self.total + self.section + self.current + tail
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_and_read_back_at_any_size() {
        for (n, s) in [
            (1, "一"),
            (10, "十"),
            (12, "十二"),
            (20, "二十"),
            (99, "九十九"),
            (100, "一百"),
            (101, "一百零一"),
            (110, "一百一十"),
            (120, "一百二十"),
            (1000, "一千"),
            (1005, "一千零五"),
            (2021, "二千零二十一"),
            (10_005, "一万零五"),
            (12_000, "一万二千"),
        ] {
            assert_eq!(write(n), s);
            assert_eq!(value_of(s), Some(n), "{s}");
        }
        for n in 1..=1200 {
            assert_eq!(value_of(&write(n)), Some(n), "{n}");
        }
    }

    #[test]
    fn a_numeral_ends_where_its_characters_end() {
        assert_eq!(read_whole("一百、关于"), Some((100, "一百".len())));
        assert_eq!(read_whole("二〇二一年"), Some((2021, "二〇二一".len())));
        assert_eq!(read_whole("是"), None);
        assert_eq!(value_of("十二月"), None);
    }
}
