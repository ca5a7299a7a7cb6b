//! Amounts (金额): exact decimals, the units 元 / 万元 / 亿元, and exact rounding.
//!
//! Every amount in sunlit is a [`rust_decimal::Decimal`]: 28 significant digits, no binary
//! floating point anywhere. Published tables print amounts in 元 (often to the 分, two decimals),
//! in 万元 (10⁴ 元, usually to 0.01) or in 亿元 (10⁸ 元); [`Unit`] converts between them exactly.
//!
//! A blank cell is **absent**, not zero: [`parse_amount`] returns `Ok(None)` for it, so a caller
//! can tell "not reported" from "reported as 0". Source: the tables themselves print blanks where
//! nothing is reported and state "本表无数据" in notes (fiscal.md §0 point 5).
//!
//! [`Unit`] is also at the crate root.
//!
//! ```
//! use sunlit::Unit;
//! use sunlit::money::parse_amount;
//! assert_eq!(parse_amount("96,282,213.44")?.unwrap().to_string(), "96282213.44");
//! assert_eq!(parse_amount("")?, None); // blank is absent, not zero
//! assert!(parse_amount("1e5").is_err());
//! assert_eq!(Unit::parse("万元")?, Unit::WanYuan);
//! # Ok::<(), sunlit::Error>(())
//! ```

use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// A unit of account as printed in a table heading (单位：元 / 万元 / 亿元).
///
/// ```
/// use sunlit::Unit;
/// use rust_decimal::Decimal;
/// let yuan = Unit::WanYuan.convert(Decimal::new(47483458, 4), Unit::Yuan).unwrap();
/// assert_eq!(yuan.to_string(), "47483458");
/// assert_eq!("万元".parse::<Unit>().unwrap(), Unit::WanYuan);
/// assert!("美元".parse::<Unit>().is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
// `Unit` is Kotlin's unit type: the bindings call it AmountUnit.
#[cfg_attr(feature = "uniffi", uniffi(name = "AmountUnit"))]
pub enum Unit {
    /// 元 — yuan.
    Yuan,
    /// 万元 — ten thousand yuan (10⁴).
    WanYuan,
    /// 亿元 — one hundred million yuan (10⁸).
    YiYuan,
}

impl Unit {
    /// All units, smallest first.
    pub const ALL: [Unit; 3] = [Unit::Yuan, Unit::WanYuan, Unit::YiYuan];

    /// The power of ten of one unit in 元 (0, 4, 8).
    ///
    /// ```
    /// assert_eq!(sunlit::Unit::YiYuan.exponent(), 8);
    /// ```
    pub fn exponent(self) -> u32 {
        match self {
            Unit::Yuan => 0,
            Unit::WanYuan => 4,
            Unit::YiYuan => 8,
        }
    }

    /// The Chinese symbol as printed: `元`, `万元`, `亿元`.
    ///
    /// ```
    /// assert_eq!(sunlit::Unit::WanYuan.symbol(), "万元");
    /// ```
    pub fn symbol(self) -> &'static str {
        match self {
            Unit::Yuan => "元",
            Unit::WanYuan => "万元",
            Unit::YiYuan => "亿元",
        }
    }

    /// The stable ASCII id: `yuan`, `wan_yuan`, `yi_yuan`.
    ///
    /// ```
    /// assert_eq!(sunlit::Unit::YiYuan.id(), "yi_yuan");
    /// ```
    pub fn id(self) -> &'static str {
        match self {
            Unit::Yuan => "yuan",
            Unit::WanYuan => "wan_yuan",
            Unit::YiYuan => "yi_yuan",
        }
    }

    /// Convert `amount` given in `self` into `to`, exactly.
    ///
    /// Going to a larger unit moves the decimal point left (`47483458` 元 = `4748.3458` 万元);
    /// going to a smaller one moves it right. An amount that would need more than 28 digits is
    /// an [`Error::Overflow`], never a rounded value.
    ///
    /// ```
    /// use sunlit::Unit;
    /// use rust_decimal::Decimal;
    /// let yuan = Decimal::new(47483458, 0);
    /// assert_eq!(Unit::Yuan.convert(yuan, Unit::WanYuan).unwrap().to_string(), "4748.3458");
    /// assert_eq!(Unit::YiYuan.convert(Decimal::new(648, 0), Unit::Yuan).unwrap().to_string(), "64800000000");
    /// assert!(Unit::YiYuan.convert(Decimal::MAX, Unit::Yuan).is_err());
    /// ```
    pub fn convert(self, amount: Decimal, to: Unit) -> Result<Decimal> {
        let shift = i64::from(self.exponent()) - i64::from(to.exponent());
        shift_decimal(amount, shift).ok_or_else(|| {
            Error::overflow(format!(
                "converting {amount} {} to {}",
                self.symbol(),
                to.symbol()
            ))
        })
    }

    /// Parse a unit from its symbol (`元`, `万元`, `亿元`), its id (`yuan`, `wan_yuan`,
    /// `yi_yuan`) or a printed heading such as `单位：万元`.
    ///
    /// ```
    /// use sunlit::Unit;
    /// assert_eq!(Unit::parse("单位：元").unwrap(), Unit::Yuan);
    /// assert!(Unit::parse("千元").is_err());
    /// ```
    pub fn parse(text: &str) -> Result<Unit> {
        let t = text.trim();
        let t = t
            .strip_prefix("单位：")
            .or_else(|| t.strip_prefix("单位:"))
            .unwrap_or(t)
            .trim();
        match t {
            "元" | "yuan" => Ok(Unit::Yuan),
            "万元" | "wan_yuan" => Ok(Unit::WanYuan),
            "亿元" | "yi_yuan" => Ok(Unit::YiYuan),
            _ => Err(Error::value(
                "unit",
                text,
                "expected 元, 万元 or 亿元 (or yuan, wan_yuan, yi_yuan)",
            )),
        }
    }
}

impl Default for Unit {
    /// 元, the unit of departmental budget tables.
    fn default() -> Unit {
        Unit::Yuan
    }
}

impl fmt::Display for Unit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.symbol())
    }
}

impl FromStr for Unit {
    type Err = Error;
    fn from_str(s: &str) -> Result<Unit> {
        Unit::parse(s)
    }
}

impl TryFrom<String> for Unit {
    type Error = Error;
    fn try_from(s: String) -> Result<Unit> {
        Unit::parse(&s)
    }
}

impl From<Unit> for String {
    fn from(u: Unit) -> String {
        u.symbol().to_owned()
    }
}

/// Multiply by 10^shift exactly, or `None` if the result does not fit.
fn shift_decimal(amount: Decimal, shift: i64) -> Option<Decimal> {
    let scale = i64::from(amount.scale());
    let mantissa = amount.mantissa();
    let new_scale = scale - shift;
    if new_scale >= 0 {
        let new_scale = u32::try_from(new_scale).ok()?;
        Decimal::try_from_i128_with_scale(mantissa, new_scale).ok()
    } else {
        let factor = 10i128.checked_pow(u32::try_from(-new_scale).ok()?)?;
        let m = mantissa.checked_mul(factor)?;
        Decimal::try_from_i128_with_scale(m, 0).ok()
    }
}

/// Texts printed in a cell to mean "nothing here": blank, `-`, `—`, `–`, `－`, `——`.
fn is_absent(t: &str) -> bool {
    matches!(t, "" | "-" | "—" | "–" | "－" | "——" | "--")
}

/// Parse an amount as printed in a budget table.
///
/// Accepts plain digits (`47483458`), thousands separators in groups of three
/// (`47,483,458`), decimals (`96,282,213.44`) and a leading sign (`-1,200.50`). A blank cell and
/// the dashes printed for "none" (`-`, `—`, `–`, `－`, `——`) are **absent** (`Ok(None)`), not
/// zero. Everything else is an [`Error::Amount`] naming the text: exponents (`1e5`), two
/// decimal points (`12.3.4`), `NaN`, letters, misplaced separators, and numbers that do not fit
/// 28 exact digits (never rounded, never wrapped).
///
/// ```
/// use sunlit::money::parse_amount;
/// assert_eq!(parse_amount("96,282,213.44").unwrap().unwrap().to_string(), "96282213.44");
/// assert_eq!(parse_amount("-1,200.50").unwrap().unwrap().to_string(), "-1200.50");
/// assert_eq!(parse_amount("—").unwrap(), None);
/// assert!(parse_amount("1e5").is_err());
/// assert!(parse_amount("12.3.4").is_err());
/// ```
pub fn parse_amount(text: &str) -> Result<Option<Decimal>> {
    let t = text.trim();
    if is_absent(t) {
        return Ok(None);
    }
    let fail = |reason: &str| Error::Amount {
        value: text.to_owned(),
        reason: reason.to_owned(),
    };
    if let Some(c) = t
        .chars()
        .find(|c| !(c.is_ascii_digit() || matches!(c, ',' | '.' | '-' | '+')))
    {
        return Err(fail(&format!(
            "unexpected character {c:?}: an amount is digits with optional sign, thousands separators and decimal point"
        )));
    }
    let (negative, body) = match (t.strip_prefix('-'), t.strip_prefix('+')) {
        (Some(rest), _) => (true, rest),
        (None, Some(rest)) => (false, rest),
        (None, None) => (false, t),
    };
    if body.contains(['-', '+']) {
        return Err(fail("a sign may only come first"));
    }
    let mut parts = body.split('.');
    let int_part = parts.next().unwrap_or("");
    let frac_part = parts.next();
    if parts.next().is_some() {
        return Err(fail("more than one decimal point"));
    }
    if int_part.is_empty() {
        return Err(fail("a digit is required before the decimal point"));
    }
    let mut mantissa: i128 = 0;
    let mut digit_count = 0u32;
    let mut push = |b: u8| -> Result<()> {
        mantissa = mantissa * 10 + i128::from(b - b'0');
        if mantissa != 0 {
            digit_count += 1;
        }
        // 2^96 − 1 has 29 digits; 28 always fit, 29 only below the bound.
        if digit_count > 29 || mantissa > MAX_MANTISSA {
            return Err(fail(
                "does not fit an exact decimal of 28 significant digits",
            ));
        }
        Ok(())
    };
    if int_part.contains(',') {
        let mut groups = int_part.split(',');
        let first = groups.next().unwrap_or("");
        if first.is_empty() || first.len() > 3 || groups.any(|g| g.len() != 3) {
            return Err(fail(
                "thousands separators must group the digits in threes (e.g. 47,483,458)",
            ));
        }
    }
    for b in int_part.bytes().filter(|b| *b != b',') {
        push(b)?;
    }
    let mut scale = 0u32;
    if let Some(frac) = frac_part {
        if frac.is_empty() {
            return Err(fail("a digit is required after the decimal point"));
        }
        if frac.contains(',') {
            return Err(fail("thousands separator after the decimal point"));
        }
        for b in frac.bytes() {
            push(b)?;
            scale += 1;
        }
        if scale > 28 {
            return Err(fail("more than 28 decimal places"));
        }
    }
    let value = if negative { -mantissa } else { mantissa };
    Decimal::try_from_i128_with_scale(value, scale)
        .map(Some)
        .map_err(|_| fail("does not fit an exact decimal of 28 significant digits"))
}

/// The largest mantissa of a `Decimal` (2^96 − 1).
const MAX_MANTISSA: i128 = 79_228_162_514_264_337_593_543_950_335;

/// Format an amount for CSV and JSON: plain digits, no separators, the scale kept
/// (`1200.50` stays `1200.50`). `parse_amount(format_amount(x)) == x` for every amount.
///
/// ```
/// use sunlit::money::{format_amount, parse_amount};
/// let x = parse_amount("-1,200.50").unwrap().unwrap();
/// assert_eq!(format_amount(x), "-1200.50");
/// assert_eq!(parse_amount(&format_amount(x)).unwrap(), Some(x));
/// ```
pub fn format_amount(amount: Decimal) -> String {
    amount.to_string()
}

/// Format an amount as printed, with thousands separators: `47,483,458`, `-1,200.50`.
///
/// ```
/// use sunlit::money::format_grouped;
/// use rust_decimal::Decimal;
/// assert_eq!(format_grouped(Decimal::new(4748345800, 2)), "47,483,458.00");
/// assert_eq!(format_grouped(Decimal::new(-120050, 2)), "-1,200.50");
/// ```
pub fn format_grouped(amount: Decimal) -> String {
    let plain = amount.to_string();
    let (sign, body) = match plain.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", plain.as_str()),
    };
    let (int_part, frac) = match body.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (body, None),
    };
    let mut out = String::with_capacity(plain.len() + int_part.len() / 3);
    out.push_str(sign);
    for (i, c) in int_part.chars().enumerate() {
        if i > 0 && (int_part.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}

/// `numerator / denominator`, rounded half away from zero (四舍五入) to `places` decimals,
/// computed exactly (no intermediate rounding). `Ok(None)` when the denominator is zero.
///
/// ```
/// use sunlit::money::div_round;
/// use rust_decimal::Decimal;
/// let q = div_round(Decimal::from(2), Decimal::from(3), 2).unwrap().unwrap();
/// assert_eq!(q.to_string(), "0.67");
/// assert_eq!(div_round(Decimal::ONE, Decimal::ZERO, 2).unwrap(), None);
/// ```
pub fn div_round(numerator: Decimal, denominator: Decimal, places: u32) -> Result<Option<Decimal>> {
    if denominator.is_zero() {
        return Ok(None);
    }
    if places > 28 {
        return Err(Error::value(
            "places",
            &places.to_string(),
            "at most 28 decimal places",
        ));
    }
    let overflow = || Error::overflow(format!("{numerator} / {denominator}"));
    let mut n = numerator.mantissa();
    let mut d = denominator.mantissa();
    if d < 0 {
        n = -n;
        d = -d;
    }
    // value = n / d * 10^e with e = scale(den) - scale(num) + places
    let e = i64::from(denominator.scale()) - i64::from(numerator.scale()) + i64::from(places);
    let negative = n < 0;
    let n = n.unsigned_abs();
    let d = d.unsigned_abs();
    let (mut q, mut r, divisor) = if e >= 0 {
        (n / d, n % d, d)
    } else {
        // Divide by d * 10^-e; if that overflows, the quotient is below one half: zero.
        match 10u128
            .checked_pow(u32::try_from(-e).map_err(|_| overflow())?)
            .and_then(|p| d.checked_mul(p))
        {
            Some(dd) => (n / dd, n % dd, dd),
            None => (0, n, u128::MAX),
        }
    };
    for _ in 0..e.max(0) {
        // r < divisor ≤ 2^96, so r * 10 cannot overflow u128.
        let r10 = r * 10;
        q = q
            .checked_mul(10)
            .and_then(|q| q.checked_add(r10 / divisor))
            .ok_or_else(overflow)?;
        r = r10 % divisor;
    }
    if divisor != u128::MAX && r >= divisor - r {
        q = q.checked_add(1).ok_or_else(overflow)?;
    }
    let q = i128::try_from(q).map_err(|_| overflow())?;
    let q = if negative { -q } else { q };
    Decimal::try_from_i128_with_scale(q, places)
        .map(Some)
        .map_err(|_| overflow())
}

/// Decimal places of a share or rate when the caller names none: one, as the 2021 annual-report
/// template's 纠错率 and the budget explanations' "占X.X%" are printed. The Python binding's
/// `places=` defaults read it (`share`, `correction_rate`, `channel_share`, …).
///
/// ```
/// use sunlit::money::{PERCENT_PLACES, percent};
/// use rust_decimal::Decimal;
/// let p = percent(Decimal::from(1), Decimal::from(3), PERCENT_PLACES).unwrap().unwrap();
/// assert_eq!(p.to_string(), "33.3");
/// ```
pub const PERCENT_PLACES: u32 = 1;

/// `part / whole × 100`, rounded half up to `places` decimals: the share or rate as printed
/// (`53.5` for 24,121 of 45,104 at one place). `Ok(None)` when `whole` is zero.
///
/// ```
/// use sunlit::money::percent;
/// use rust_decimal::Decimal;
/// let p = percent(Decimal::from(24121), Decimal::from(45104), 1).unwrap().unwrap();
/// assert_eq!(p.to_string(), "53.5");
/// assert_eq!(percent(Decimal::ONE, Decimal::ZERO, 1).unwrap(), None);
/// ```
pub fn percent(part: Decimal, whole: Decimal, places: u32) -> Result<Option<Decimal>> {
    let hundred = part
        .checked_mul(Decimal::ONE_HUNDRED)
        .ok_or_else(|| Error::overflow(format!("{part} × 100")))?;
    div_round(hundred, whole, places)
}

/// Add amounts exactly; an overflow is an [`Error::Overflow`] naming `operation`.
///
/// ```
/// use sunlit::money::checked_sum;
/// use rust_decimal::Decimal;
/// let s = checked_sum([Decimal::ONE, Decimal::TWO], "demo").unwrap();
/// assert_eq!(s, Decimal::from(3));
/// assert!(checked_sum([Decimal::MAX, Decimal::ONE], "demo").is_err());
/// ```
pub fn checked_sum(amounts: impl IntoIterator<Item = Decimal>, operation: &str) -> Result<Decimal> {
    amounts
        .into_iter()
        .try_fold(Decimal::ZERO, |acc, x| acc.checked_add(x))
        .ok_or_else(|| Error::overflow(operation))
}

/// The rounding tolerance (舍入误差) of printed tables: how far a printed total may sit from the
/// sum of its printed parts because every cell was rounded on its own.
///
/// A cell printed to a step *s* (0.01 for a table in 万元 given to two decimals) stands for any
/// exact value within half of *s* of it. A sum of *n* printed cells compared with its printed total
/// involves *n* + 1 rounded cells, so the two may differ by up to *s* ÷ 2 × (*n* + 1) — for a
/// 0.01-万元 table, 0.005 × (*n* + 1) 万元 — and still be consistent. Tables in 元 are exact by
/// default (given to the 分, nothing rounded): any difference is an error. Real final accounts in
/// 万元 are off by 0.01 in their totals (fiscal.md §0 point 3, §4.3); with this rule a sum of up to
/// eight cells that is off by 0.05 is still caught. Each step is configurable; `None` means exact.
///
/// ```
/// use sunlit::{Unit, money::ToleranceOptions};
/// use rust_decimal::Decimal;
/// let t = ToleranceOptions::default();
/// assert_eq!(t.sum_allowed(Unit::WanYuan, 3).unwrap().to_string(), "0.020"); // 0.005 × 4
/// assert_eq!(t.sum_allowed(Unit::Yuan, 3).unwrap(), Decimal::ZERO);
/// let loose = ToleranceOptions { yuan: Some(Decimal::ONE), ..Default::default() };
/// assert_eq!(loose.sum_allowed(Unit::Yuan, 1).unwrap().to_string(), "1.0");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record), uniffi(name = "Tolerance"))]
pub struct ToleranceOptions {
    /// Rounding step of cells printed in 元; `None` (the default) means exact.
    pub yuan: Option<Decimal>,
    /// Rounding step of cells printed in 万元; default 0.01.
    pub wan_yuan: Option<Decimal>,
    /// Rounding step of cells printed in 亿元; default 0.01.
    pub yi_yuan: Option<Decimal>,
}

impl Default for ToleranceOptions {
    fn default() -> ToleranceOptions {
        ToleranceOptions {
            yuan: None,
            wan_yuan: Some(Decimal::new(1, 2)),
            yi_yuan: Some(Decimal::new(1, 2)),
        }
    }
}

impl ToleranceOptions {
    /// Every unit exact: any difference is reported.
    ///
    /// ```
    /// let t = sunlit::money::ToleranceOptions::exact();
    /// assert!(t.sum_allowed(sunlit::Unit::WanYuan, 5).unwrap().is_zero());
    /// ```
    pub fn exact() -> ToleranceOptions {
        ToleranceOptions {
            yuan: None,
            wan_yuan: None,
            yi_yuan: None,
        }
    }

    /// The rounding step of cells printed in `unit` (zero when exact).
    ///
    /// ```
    /// use sunlit::{Unit, money::ToleranceOptions};
    /// assert_eq!(ToleranceOptions::default().step(Unit::WanYuan).to_string(), "0.01");
    /// assert!(ToleranceOptions::default().step(Unit::Yuan).is_zero());
    /// ```
    pub fn step(&self, unit: Unit) -> Decimal {
        match unit {
            Unit::Yuan => self.yuan,
            Unit::WanYuan => self.wan_yuan,
            Unit::YiYuan => self.yi_yuan,
        }
        .unwrap_or(Decimal::ZERO)
        .abs()
    }

    /// The largest difference, in `in_unit`, that rounding can explain when the compared cells
    /// are `cells` — pairs of (the unit a group of cells is printed in, how many cells) — each
    /// contributing half its step. Mixed units are how a 万元 figure is compared with a 元 table.
    ///
    /// ```
    /// use sunlit::{Unit, money::ToleranceOptions};
    /// let t = ToleranceOptions::default();
    /// // one 万元 cell against one exact 元 cell: 0.005 万元 = 50 元
    /// let a = t.allowed_mixed(&[(Unit::WanYuan, 1), (Unit::Yuan, 1)], Unit::Yuan).unwrap();
    /// assert_eq!(a.normalize().to_string(), "50");
    /// let huge = sunlit::money::ToleranceOptions { yi_yuan: Some(sunlit::Decimal::MAX), ..t };
    /// assert!(huge.allowed_mixed(&[(Unit::YiYuan, 1)], Unit::Yuan).is_err());
    /// ```
    pub fn allowed_mixed(&self, cells: &[(Unit, usize)], in_unit: Unit) -> Result<Decimal> {
        let half = Decimal::new(5, 1);
        let mut total = Decimal::ZERO;
        for &(unit, n) in cells {
            let per_cell = unit.convert(self.step(unit) * half, in_unit)?;
            let part = per_cell
                .checked_mul(Decimal::from(n))
                .ok_or_else(|| Error::overflow("rounding tolerance"))?;
            total = total
                .checked_add(part)
                .ok_or_else(|| Error::overflow("rounding tolerance"))?;
        }
        Ok(total)
    }

    /// The largest difference rounding can explain among `cells` cells all printed in `unit`:
    /// half the step × `cells`.
    ///
    /// ```
    /// use sunlit::{Decimal, Unit, money::ToleranceOptions};
    /// assert_eq!(ToleranceOptions::default().allowed(Unit::WanYuan, 2).unwrap().to_string(), "0.010");
    /// // A step so large that three half-steps do not fit 28 digits is an overflow error.
    /// let huge = ToleranceOptions { wan_yuan: Some(Decimal::MAX), ..Default::default() };
    /// assert!(matches!(huge.allowed(Unit::WanYuan, 3), Err(sunlit::Error::Overflow { .. })));
    /// ```
    pub fn allowed(&self, unit: Unit, cells: usize) -> Result<Decimal> {
        self.allowed_mixed(&[(unit, cells)], unit)
    }

    /// The tolerance of "a sum of `addends` printed cells equals its printed total", all in
    /// `unit`: half the step × (`addends` + 1), i.e. 0.005 × (n + 1) 万元 for a 0.01-万元 table.
    ///
    /// ```
    /// use sunlit::{Decimal, Unit, money::ToleranceOptions};
    /// assert_eq!(ToleranceOptions::default().sum_allowed(Unit::WanYuan, 1).unwrap().to_string(), "0.010");
    /// let huge = ToleranceOptions { wan_yuan: Some(Decimal::MAX), ..Default::default() };
    /// assert!(matches!(huge.sum_allowed(Unit::WanYuan, 2), Err(sunlit::Error::Overflow { .. })));
    /// ```
    pub fn sum_allowed(&self, unit: Unit, addends: usize) -> Result<Decimal> {
        self.allowed(unit, addends.saturating_add(1))
    }
}

/// Whether `exact` rounds to `printed`, as printed to `printed`'s own number of decimals (the
/// last printed digit is half a step each way): `648` 亿元 stands for 647.5 ≤ x ≤ 648.5.
///
/// ```
/// use sunlit::money::rounds_to;
/// use rust_decimal::Decimal;
/// assert!(rounds_to(Decimal::new(64812, 2), Decimal::from(648)));
/// assert!(!rounds_to(Decimal::new(64851, 2), Decimal::from(648)));
/// ```
pub fn rounds_to(exact: Decimal, printed: Decimal) -> bool {
    // At 28 decimals the half step is below the finest decimal: only equality rounds.
    let half_step = Decimal::try_new(5, printed.scale() + 1).unwrap_or(Decimal::ZERO);
    exact
        .checked_sub(printed)
        .is_some_and(|d| d.abs() <= half_step)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        Decimal::from_str_exact(s).unwrap()
    }

    #[test]
    fn parses_printed_forms() {
        assert_eq!(parse_amount("47483458").unwrap(), Some(d("47483458")));
        assert_eq!(parse_amount("47,483,458").unwrap(), Some(d("47483458")));
        assert_eq!(
            parse_amount(" 96,282,213.44 ").unwrap(),
            Some(d("96282213.44"))
        );
        assert_eq!(parse_amount("-1,200.50").unwrap(), Some(d("-1200.50")));
        assert_eq!(parse_amount("0.00").unwrap(), Some(Decimal::ZERO));
        assert_eq!(parse_amount("+5").unwrap(), Some(d("5")));
    }

    #[test]
    fn keeps_scale() {
        assert_eq!(
            parse_amount("1200.50").unwrap().unwrap().to_string(),
            "1200.50"
        );
    }

    #[test]
    fn blank_is_absent_not_zero() {
        for t in ["", "  ", "-", "—", "–", "－", "——"] {
            assert_eq!(parse_amount(t).unwrap(), None, "{t:?}");
        }
    }

    #[test]
    fn rejects_malformed() {
        for t in [
            "1e5",
            "12.3.4",
            "NaN",
            "abc",
            "1,2345",
            "12,34",
            ",123",
            "1.",
            ".5",
            "1-2",
            "--5",
            "1,234.5,6",
            "inf",
            "１２",
            "1 000",
            "5元",
        ] {
            let err = parse_amount(t).unwrap_err();
            assert!(
                matches!(&err, Error::Amount { value, .. } if value == t),
                "{t:?} gave {err:?}"
            );
        }
    }

    #[test]
    fn overflow_is_an_error() {
        assert!(parse_amount("99999999999999999999999999999999").is_err());
        assert!(parse_amount("0.00000000000000000000000000001").is_err());
        assert!(Unit::YiYuan.convert(Decimal::MAX, Unit::Yuan).is_err());
    }

    #[test]
    fn converts_exactly() {
        assert_eq!(
            Unit::Yuan.convert(d("1142200"), Unit::WanYuan).unwrap(),
            d("114.22")
        );
        assert_eq!(
            Unit::WanYuan.convert(d("114.22"), Unit::Yuan).unwrap(),
            d("1142200")
        );
        assert_eq!(
            Unit::YiYuan.convert(d("648"), Unit::WanYuan).unwrap(),
            d("6480000")
        );
        assert_eq!(
            Unit::Yuan.convert(d("0.01"), Unit::YiYuan).unwrap(),
            d("0.0000000001")
        );
    }

    #[test]
    fn exact_rounding() {
        assert_eq!(percent(d("245"), d("1408"), 1).unwrap(), Some(d("17.4")));
        assert_eq!(percent(d("65"), d("727"), 1).unwrap(), Some(d("8.9")));
        assert_eq!(div_round(d("1"), d("8"), 2).unwrap(), Some(d("0.13")));
        assert_eq!(div_round(d("-1"), d("8"), 2).unwrap(), Some(d("-0.13")));
        assert_eq!(div_round(d("1"), d("-8"), 2).unwrap(), Some(d("-0.13")));
        assert_eq!(div_round(d("0.005"), d("1"), 2).unwrap(), Some(d("0.01")));
        assert_eq!(
            div_round(d("0.00499999"), d("1"), 2).unwrap(),
            Some(d("0.00"))
        );
        assert_eq!(
            div_round(d("1"), d("79228162514264337593543950335"), 2).unwrap(),
            Some(d("0.00"))
        );
    }
}
