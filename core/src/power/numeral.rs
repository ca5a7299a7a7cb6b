//! Numbers as written in Chinese legal citations (中文数字): 第十二条, 第一百零五条, 第（三）项,
//! 第12条. Strict: a form that is ambiguous or malformed (一百五, 十十, 二二) is an error, never
//! a guess.

use crate::error::{Error, Result};

fn digit_value(c: char) -> Option<u32> {
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

fn unit_value(c: char) -> Option<u32> {
    Some(match c {
        '十' | '拾' => 10,
        '百' | '佰' => 100,
        '千' | '仟' => 1000,
        _ => return None,
    })
}

/// Whether `c` can occur in a number of [`parse_numeral`] (an Arabic digit, ASCII or full
/// width, or a Chinese numeral character).
pub(crate) fn is_numeral_char(c: char) -> bool {
    c.is_ascii_digit()
        || ('０'..='９').contains(&c)
        || digit_value(c).is_some()
        || unit_value(c).is_some()
}

/// Parse a number as written in a citation: Arabic digits (ASCII `12` or full width `１２`) or
/// Chinese numerals up to 9999 (`十二`, `二十`, `一百零五`, `一千零一十`, `两百`, the financial
/// forms `壹贰叁`, and `〇`/`零` for zero). Ambiguous colloquial forms such as `一百五` (150 or
/// 105?) and malformed ones (`十十`, `二二`, `百`) are an [`Error::Field`] with the field
/// `numeral`.
///
/// ```
/// use sunlit::power::parse_numeral;
/// assert_eq!(parse_numeral("十二").unwrap(), 12);
/// assert_eq!(parse_numeral("一百零五").unwrap(), 105);
/// assert_eq!(parse_numeral("一千零一十").unwrap(), 1010);
/// assert_eq!(parse_numeral("１２").unwrap(), 12);
/// assert_eq!(parse_numeral("12").unwrap(), 12);
/// assert!(parse_numeral("一百五").is_err()); // 150 or 105? refused
/// assert!(parse_numeral("十A").is_err());
/// ```
pub fn parse_numeral(text: &str) -> Result<u32> {
    let t = text.trim();
    let err = |reason: &str| Error::value("numeral", text, reason);
    if t.is_empty() {
        return Err(err("empty"));
    }
    if t.chars()
        .all(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
    {
        let mut n: u32 = 0;
        for c in t.chars() {
            let d = if c.is_ascii_digit() {
                u32::from(c) - u32::from('0')
            } else {
                u32::from(c) - u32::from('０')
            };
            n = n
                .checked_mul(10)
                .and_then(|n| n.checked_add(d))
                .ok_or_else(|| err("too large"))?;
        }
        return Ok(n);
    }
    let chars: Vec<char> = t.chars().collect();
    if let [only] = chars.as_slice()
        && digit_value(*only) == Some(0)
    {
        return Ok(0);
    }
    let mut total: u32 = 0;
    let mut digit: Option<u32> = None;
    // Larger than any unit: no unit seen yet.
    let mut last_unit: u32 = 10_000;
    let mut zero = false;
    for (i, &c) in chars.iter().enumerate() {
        if let Some(d) = digit_value(c) {
            if d == 0 {
                if digit.is_some() || last_unit == 10_000 || zero {
                    return Err(err("零 must stand between two units (一百零五)"));
                }
                zero = true;
                continue;
            }
            if digit.is_some() {
                return Err(err("two digits in a row; write 二十二, not 二二"));
            }
            digit = Some(d);
        } else if let Some(u) = unit_value(c) {
            if u >= last_unit {
                return Err(err("units must decrease (千 → 百 → 十)"));
            }
            let n = match digit {
                Some(d) => d,
                None if u == 10 && i == 0 => 1,
                None => return Err(err("a unit needs a digit before it (一百, not 百)")),
            };
            total += n * u;
            last_unit = u;
            digit = None;
            zero = false;
        } else {
            return Err(err("not a number in Arabic or Chinese numerals"));
        }
    }
    match digit {
        Some(d) if last_unit == 10 || last_unit == 10_000 || zero => Ok(total + d),
        Some(_) => Err(err(
            "ambiguous: write 一百五十 or 一百零五, not 一百五 (a bare digit after 百 or 千)",
        )),
        None if zero => Err(err("a number cannot end in 零")),
        None => Ok(total),
    }
}

/// Write `n` in Chinese numerals as statutes number their articles: `十二`, `一百零五`,
/// `一千零一十`; 0 is `零`; numbers above 9999 are written in Arabic digits.
///
/// ```
/// use sunlit::power::{chinese_numeral, parse_numeral};
/// assert_eq!(chinese_numeral(12), "十二");
/// assert_eq!(chinese_numeral(112), "一百一十二");
/// assert_eq!(chinese_numeral(1001), "一千零一");
/// assert_eq!(parse_numeral(&chinese_numeral(305)).unwrap(), 305);
/// assert_eq!(chinese_numeral(12_000), "12000");
/// ```
pub fn chinese_numeral(n: u32) -> String {
    const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    if n == 0 {
        return "零".to_owned();
    }
    if n > 9999 {
        return n.to_string();
    }
    let places = [(1000, "千"), (100, "百"), (10, "十"), (1, "")];
    let mut out = String::new();
    let mut pending_zero = false;
    for (value, unit) in places {
        let d = (n / value % 10) as usize;
        if d == 0 {
            if !out.is_empty() {
                pending_zero = true;
            }
            continue;
        }
        if pending_zero {
            out.push('零');
            pending_zero = false;
        }
        if !(value == 10 && d == 1 && out.is_empty()) {
            out.push_str(DIGITS[d]);
        }
        out.push_str(unit);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_number_round_trips() {
        for n in 0..=9999 {
            let text = chinese_numeral(n);
            assert_eq!(parse_numeral(&text).unwrap(), n, "{text}");
        }
    }

    #[test]
    fn accepted_and_refused_forms() {
        for (text, n) in [
            ("一十二", 12),
            ("两百", 200),
            ("二百零三", 203),
            ("一千零一", 1001),
            ("一千二百", 1200),
            ("壹佰零伍", 105),
            ("〇", 0),
            ("007", 7),
        ] {
            assert_eq!(parse_numeral(text).unwrap(), n, "{text}");
        }
        for text in [
            "",
            "十十",
            "二二",
            "百",
            "一百五",
            "一千二",
            "一百零",
            "零五",
            "十百",
            "1a",
        ] {
            assert!(parse_numeral(text).is_err(), "{text}");
        }
    }
}
