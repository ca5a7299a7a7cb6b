//! Classification codes (政府收支分类科目): functional, economic and revenue codes.
//!
//! The Ministry of Finance's yearly *政府收支分类科目* has three parts: 收入分类 (revenue, four
//! levels 类/款/项/目), 支出功能分类 (functional expenditure, three levels 类/款/项) and 支出经济分类
//! (economic expenditure, two levels 类/款) — the last in two parallel sets since 财预〔2017〕98号:
//! 部门预算支出经济分类 (3xx, used by departmental tables) and 政府预算支出经济分类 (5xx).
//! (fiscal.md §1.1, §1.2, §1.5.)
//!
//! The hierarchy is purely positional: each level appends digits to its parent — 3 digits for
//! 类, then 2 per level, so functional codes have 3/5/7 digits and revenue codes 3/5/7/9.
//! Published tables print a code whole (`2080505`) or split over three columns
//! (`208 | 05 | 05`); both parse to the same [`Code`].
//!
//! A [`Code`] is eight bytes (scheme, length, value as an integer), `Copy`, and ordered in code
//! order: a parent sorts before its children, siblings by number.
//!
//! ```
//! use sunlit::Code;
//! use sunlit::classification::Scheme;
//! let split = Code::parse_split(Scheme::Functional, &["208", "05", "05"])?;
//! assert_eq!(split, Code::functional("2080505")?);
//! assert_eq!(split.scheme(), Scheme::Functional);
//! assert!(Code::functional("20805a").is_err());
//! # Ok::<(), sunlit::Error>(())
//! ```

use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// A classification scheme of the 政府收支分类科目.
///
/// ```
/// use sunlit::classification::Scheme;
/// assert_eq!(Scheme::Functional.level_lengths(), &[3, 5, 7]);
/// assert_eq!("dept_economic".parse::<Scheme>().unwrap(), Scheme::DeptEconomic);
/// assert!("cofog".parse::<Scheme>().is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Scheme {
    /// 支出功能分类 — functional expenditure classification: 类/款/项 = 3/5/7 digits, codes 2xx.
    Functional,
    /// 部门预算支出经济分类 — departmental economic classification: 类/款 = 3/5 digits, codes 3xx.
    DeptEconomic,
    /// 政府预算支出经济分类 — government economic classification: 类/款 = 3/5 digits, codes 5xx.
    GovEconomic,
    /// 收入分类 — revenue classification: 类/款/项/目 = 3/5/7/9 digits, codes 1xx.
    Revenue,
}

impl Scheme {
    /// All schemes.
    pub const ALL: [Scheme; 4] = [
        Scheme::Functional,
        Scheme::DeptEconomic,
        Scheme::GovEconomic,
        Scheme::Revenue,
    ];

    /// Digits of a code at each level, from level 1 down.
    ///
    /// ```
    /// assert_eq!(sunlit::classification::Scheme::Revenue.level_lengths(), &[3, 5, 7, 9]);
    /// ```
    pub fn level_lengths(self) -> &'static [u8] {
        match self {
            Scheme::Functional => &[3, 5, 7],
            Scheme::DeptEconomic | Scheme::GovEconomic => &[3, 5],
            Scheme::Revenue => &[3, 5, 7, 9],
        }
    }

    /// The deepest level of the scheme (3 for functional, 2 for economic, 4 for revenue).
    ///
    /// ```
    /// assert_eq!(sunlit::classification::Scheme::DeptEconomic.max_level(), 2);
    /// ```
    pub fn max_level(self) -> u8 {
        self.level_lengths().len() as u8
    }

    /// The stable id: `functional`, `dept_economic`, `gov_economic`, `revenue`.
    ///
    /// ```
    /// assert_eq!(sunlit::classification::Scheme::GovEconomic.id(), "gov_economic");
    /// ```
    pub fn id(self) -> &'static str {
        match self {
            Scheme::Functional => "functional",
            Scheme::DeptEconomic => "dept_economic",
            Scheme::GovEconomic => "gov_economic",
            Scheme::Revenue => "revenue",
        }
    }

    /// The Chinese name, e.g. `支出功能分类`.
    ///
    /// ```
    /// assert_eq!(sunlit::classification::Scheme::Revenue.name_zh(), "收入分类");
    /// ```
    pub fn name_zh(self) -> &'static str {
        match self {
            Scheme::Functional => "支出功能分类",
            Scheme::DeptEconomic => "部门预算支出经济分类",
            Scheme::GovEconomic => "政府预算支出经济分类",
            Scheme::Revenue => "收入分类",
        }
    }

    /// The digit every code of the scheme starts with: 2 functional, 3 departmental economic,
    /// 5 government economic, 1 revenue.
    fn leading_digit(self) -> u8 {
        match self {
            Scheme::Functional => b'2',
            Scheme::DeptEconomic => b'3',
            Scheme::GovEconomic => b'5',
            Scheme::Revenue => b'1',
        }
    }

    /// Parse a scheme id (`functional`, `dept_economic`, `gov_economic`, `revenue`) or its Chinese
    /// name.
    ///
    /// ```
    /// use sunlit::classification::Scheme;
    /// assert_eq!(Scheme::parse("支出功能分类").unwrap(), Scheme::Functional);
    /// assert!(Scheme::parse("economic").is_err());
    /// ```
    pub fn parse(text: &str) -> Result<Scheme> {
        let t = text.trim();
        Scheme::ALL
            .into_iter()
            .find(|s| s.id() == t || s.name_zh() == t)
            .ok_or_else(|| {
                Error::value(
                    "scheme",
                    text,
                    "expected functional, dept_economic, gov_economic or revenue",
                )
            })
    }
}

impl fmt::Display for Scheme {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

impl FromStr for Scheme {
    type Err = Error;
    fn from_str(s: &str) -> Result<Scheme> {
        Scheme::parse(s)
    }
}

/// A code of one of the [`Scheme`]s, at any of its levels.
///
/// ```
/// use sunlit::Code;
/// let c = Code::functional("2080505").unwrap();
/// assert_eq!(c, Code::functional_split(&["208", "05", "05"]).unwrap());
/// assert_eq!(c.level(), 3);
/// assert_eq!(c.level_name(), "项");
/// assert_eq!(c.parent().unwrap().to_string(), "20805");
/// assert!(Code::functional("208").unwrap().is_ancestor_of(c));
/// assert!(Code::functional("20805a5").is_err());
/// ```
#[derive(Clone, Copy, Debug)]
pub struct Code {
    scheme: Scheme,
    len: u8,
    value: u32,
}

const MAX_DIGITS: u8 = 9;

impl Code {
    /// Parse a whole code in `scheme`, e.g. `2080505`. Leading and trailing whitespace is ignored;
    /// anything but ASCII digits, a length that is not a level of the scheme, or a leading digit
    /// outside the scheme's range is an [`Error::Code`] naming the input.
    ///
    /// ```
    /// use sunlit::{Code, classification::Scheme};
    /// assert_eq!(Code::parse(Scheme::Revenue, "101010101").unwrap().level(), 4);
    /// assert!(Code::parse(Scheme::DeptEconomic, "3010101").is_err()); // no 项 level
    /// ```
    pub fn parse(scheme: Scheme, text: &str) -> Result<Code> {
        let t = text.trim();
        let fail = |reason: String| Error::Code {
            scheme,
            value: text.to_owned(),
            reason,
        };
        if t.is_empty() {
            return Err(fail("empty code".to_owned()));
        }
        if let Some(c) = t.chars().find(|c| !c.is_ascii_digit()) {
            return Err(fail(format!(
                "unexpected character {c:?}; a code is digits only"
            )));
        }
        let lens = scheme.level_lengths();
        if !lens.iter().any(|&l| usize::from(l) == t.len()) {
            return Err(fail(format!(
                "{} digits is no level of {} ({}); expected {}",
                t.len(),
                scheme.name_zh(),
                scheme.id(),
                lens.iter()
                    .zip(level_names(scheme))
                    .map(|(l, n)| format!("{l} ({n})"))
                    .collect::<Vec<_>>()
                    .join(", ")
            )));
        }
        if t.as_bytes().first() != Some(&scheme.leading_digit()) {
            return Err(fail(format!(
                "{} codes start with {}",
                scheme.id(),
                scheme.leading_digit() as char
            )));
        }
        // At most nine digits: fits u32.
        let value = t
            .bytes()
            .fold(0u32, |acc, b| acc * 10 + u32::from(b - b'0'));
        Ok(Code {
            scheme,
            len: t.len() as u8,
            value,
        })
    }

    /// Parse a code printed over split columns (`208 | 05 | 05`): the 类 part has three digits,
    /// every later part two. Trailing parts may be blank (a 类 row leaves 款 and 项 empty); a
    /// blank part followed by a filled one is an error, as is a part of the wrong width.
    ///
    /// ```
    /// use sunlit::{Code, classification::Scheme};
    /// let c = Code::parse_split(Scheme::Functional, &["208", "05", ""]).unwrap();
    /// assert_eq!(c.to_string(), "20805");
    /// assert!(Code::parse_split(Scheme::Functional, &["208", "", "05"]).is_err());
    /// assert!(Code::parse_split(Scheme::Functional, &["208", "5"]).is_err());
    /// ```
    pub fn parse_split<S: AsRef<str>>(scheme: Scheme, parts: &[S]) -> Result<Code> {
        let joined = parts
            .iter()
            .map(|p| p.as_ref().trim())
            .collect::<Vec<_>>()
            .join("|");
        let fail = |reason: String| Error::Code {
            scheme,
            value: joined.clone(),
            reason,
        };
        let whole = join_split(scheme, parts).map_err(|(_, reason)| fail(reason))?;
        Code::parse(scheme, &whole).map_err(|e| match e {
            Error::Code { reason, .. } => fail(reason),
            other => other,
        })
    }

    /// A functional (支出功能分类) code, e.g. `2080505`.
    ///
    /// ```
    /// assert_eq!(sunlit::Code::functional("208").unwrap().level_name(), "类");
    /// ```
    pub fn functional(text: &str) -> Result<Code> {
        Code::parse(Scheme::Functional, text)
    }

    /// A functional code from split columns, e.g. `["208", "05", "05"]`.
    ///
    /// ```
    /// assert_eq!(sunlit::Code::functional_split(&["221", "02"]).unwrap().to_string(), "22102");
    /// ```
    pub fn functional_split<S: AsRef<str>>(parts: &[S]) -> Result<Code> {
        Code::parse_split(Scheme::Functional, parts)
    }

    /// An economic code; the scheme follows from its first digit: 3xx is the departmental set
    /// (部门预算支出经济分类), 5xx the government set (政府预算支出经济分类). Anything else is an error.
    ///
    /// ```
    /// use sunlit::{Code, classification::Scheme};
    /// assert_eq!(Code::economic("30108").unwrap().scheme(), Scheme::DeptEconomic);
    /// assert_eq!(Code::economic("50102").unwrap().scheme(), Scheme::GovEconomic);
    /// assert!(Code::economic("40101").is_err());
    /// ```
    pub fn economic(text: &str) -> Result<Code> {
        Code::parse(economic_scheme(text.trim(), text)?, text)
    }

    /// An economic code from split columns, e.g. `["301", "08"]`; the scheme follows from the
    /// first digit as in [`Code::economic`].
    ///
    /// ```
    /// assert_eq!(sunlit::Code::economic_split(&["502", "01"]).unwrap().to_string(), "50201");
    /// ```
    pub fn economic_split<S: AsRef<str>>(parts: &[S]) -> Result<Code> {
        let first = parts.first().map(|p| p.as_ref().trim()).unwrap_or("");
        let joined = parts
            .iter()
            .map(|p| p.as_ref().trim())
            .collect::<Vec<_>>()
            .join("|");
        Code::parse_split(economic_scheme(first, &joined)?, parts)
    }

    /// A revenue (收入分类) code, e.g. `101010101`.
    ///
    /// ```
    /// assert_eq!(sunlit::Code::revenue("10101").unwrap().level_name(), "款");
    /// ```
    pub fn revenue(text: &str) -> Result<Code> {
        Code::parse(Scheme::Revenue, text)
    }

    /// A revenue code from split columns, e.g. `["101", "01", "01", "01"]`.
    ///
    /// ```
    /// assert_eq!(sunlit::Code::revenue_split(&["101", "01"]).unwrap().to_string(), "10101");
    /// ```
    pub fn revenue_split<S: AsRef<str>>(parts: &[S]) -> Result<Code> {
        Code::parse_split(Scheme::Revenue, parts)
    }

    /// The scheme of the code.
    ///
    /// ```
    /// assert_eq!(sunlit::Code::functional("201").unwrap().scheme(), sunlit::classification::Scheme::Functional);
    /// ```
    pub fn scheme(self) -> Scheme {
        self.scheme
    }

    /// The 1-based level: 1 = 类, 2 = 款, 3 = 项, 4 = 目.
    ///
    /// ```
    /// assert_eq!(sunlit::Code::functional("20805").unwrap().level(), 2);
    /// ```
    pub fn level(self) -> u8 {
        (self.len - 1) / 2
    }

    /// The Chinese name of the level: `类`, `款`, `项` or `目`.
    ///
    /// ```
    /// assert_eq!(sunlit::Code::revenue("101010101").unwrap().level_name(), "目");
    /// ```
    pub fn level_name(self) -> &'static str {
        level_names(self.scheme)
            .get(usize::from(self.level()).saturating_sub(1))
            .copied()
            .unwrap_or("")
    }

    /// Number of digits (3, 5, 7 or 9).
    ///
    /// ```
    /// assert_eq!(sunlit::Code::functional("2080505").unwrap().digit_count(), 7);
    /// ```
    pub fn digit_count(self) -> u8 {
        self.len
    }

    /// The code as an integer (`2080505`). Together with the scheme and the digit count it
    /// identifies the code; leading zeros cannot occur because every scheme starts with 1–5.
    ///
    /// ```
    /// assert_eq!(sunlit::Code::functional("2080505").unwrap().as_u32(), 2080505);
    /// ```
    pub fn as_u32(self) -> u32 {
        self.value
    }

    /// The code at `level` on this code's branch (itself at its own level), or `None` for a
    /// deeper level or level 0.
    ///
    /// ```
    /// let c = sunlit::Code::functional("2080505").unwrap();
    /// assert_eq!(c.at_level(1).unwrap().to_string(), "208");
    /// assert_eq!(c.at_level(4), None);
    /// ```
    pub fn at_level(self, level: u8) -> Option<Code> {
        if level == 0 || level > self.level() {
            return None;
        }
        let len = 1 + 2 * level;
        Some(Code {
            scheme: self.scheme,
            len,
            value: self.value / 10u32.pow(u32::from(self.len - len)),
        })
    }

    /// The parent code (one level up), `None` for a 类.
    ///
    /// ```
    /// let c = sunlit::Code::functional("208").unwrap();
    /// assert_eq!(c.parent(), None);
    /// ```
    pub fn parent(self) -> Option<Code> {
        self.at_level(self.level().wrapping_sub(1))
    }

    /// All ancestors, root (类) first, excluding the code itself.
    ///
    /// ```
    /// let c = sunlit::Code::functional("2080505").unwrap();
    /// let a: Vec<String> = c.ancestors().iter().map(|c| c.to_string()).collect();
    /// assert_eq!(a, ["208", "20805"]);
    /// ```
    pub fn ancestors(self) -> Vec<Code> {
        (1..self.level()).filter_map(|l| self.at_level(l)).collect()
    }

    /// Whether `self` is a strict ancestor of `other` (same scheme, shorter, a prefix).
    ///
    /// ```
    /// use sunlit::Code;
    /// let a = Code::functional("208").unwrap();
    /// assert!(a.is_ancestor_of(Code::functional("2080801").unwrap()));
    /// assert!(!a.is_ancestor_of(a));
    /// assert!(!a.is_ancestor_of(Code::functional("2101101").unwrap()));
    /// ```
    pub fn is_ancestor_of(self, other: Code) -> bool {
        self.scheme == other.scheme
            && self.len < other.len
            && other.at_level(self.level()) == Some(self)
    }

    /// The code as printed in split columns: `["208", "05", "05"]`.
    ///
    /// ```
    /// assert_eq!(sunlit::Code::functional("20805").unwrap().split(), ["208", "05"]);
    /// ```
    pub fn split(self) -> Vec<String> {
        let s = self.to_string();
        // 3 digits for the 类, then 2 per level (the code is ASCII digits of a level's length).
        let (head, mut rest) = s.split_at_checked(3).unwrap_or((&s, ""));
        let mut out = vec![head.to_owned()];
        while let Some((part, more)) = rest.split_at_checked(2) {
            out.push(part.to_owned());
            rest = more;
        }
        out
    }

    /// The digits as an integer (leading digit never 0, so the length follows from it).
    pub(crate) fn digits(self) -> u32 {
        self.value
    }

    /// The code of `scheme` whose digits are `value`, as [`Code::digits`] gave them: the caller
    /// took `value` from a valid code of that scheme (so no check is repeated here).
    pub(crate) fn from_digits(scheme: Scheme, value: u32) -> Code {
        let len = match value {
            0..=999 => 3,
            1_000..=99_999 => 5,
            100_000..=9_999_999 => 7,
            _ => 9,
        };
        Code { scheme, len, value }
    }

    fn sort_key(self) -> (Scheme, u32, u8) {
        let padded = self.value * 10u32.pow(u32::from(MAX_DIGITS - self.len));
        (self.scheme, padded, self.len)
    }
}

/// Split code parts joined into a whole code, or the 0-based part that is wrong and why.
fn join_split<S: AsRef<str>>(
    scheme: Scheme,
    parts: &[S],
) -> std::result::Result<String, (usize, String)> {
    let max = usize::from(scheme.max_level());
    let mut whole = String::with_capacity(9);
    // The first blank part: the level skipped if a later part is filled.
    let mut blank: Option<usize> = None;
    for (i, part) in parts.iter().enumerate() {
        let p = part.as_ref().trim();
        if p.is_empty() {
            blank = blank.or(Some(i));
            continue;
        }
        if let Some(b) = blank {
            return Err((
                b,
                format!(
                    "part {} ({}) is blank but part {} is filled; levels cannot be skipped",
                    b + 1,
                    level_names(scheme).get(b).copied().unwrap_or("?"),
                    i + 1
                ),
            ));
        }
        let Some(level) = level_names(scheme).get(i) else {
            return Err((
                i,
                format!(
                    "{} has only {max} levels, got a part at level {}",
                    scheme.id(),
                    i + 1
                ),
            ));
        };
        let width = if i == 0 { 3 } else { 2 };
        if p.len() != width || !p.bytes().all(|b| b.is_ascii_digit()) {
            return Err((
                i,
                format!("part {} ({level}) must be {width} digits, got {p:?}", i + 1),
            ));
        }
        whole.push_str(p);
    }
    if whole.is_empty() {
        return Err((0, "empty code".to_owned()));
    }
    Ok(whole)
}

/// Which of the split parts (0-based: 类, 款, 项, 目) makes them no code of `scheme`: the first
/// malformed or misplaced part, else the 类 part (whose leading digit decides the scheme).
pub(crate) fn faulty_split_part<S: AsRef<str>>(scheme: Scheme, parts: &[S]) -> usize {
    join_split(scheme, parts).err().map_or(0, |(i, _)| i)
}

fn economic_scheme(first: &str, value: &str) -> Result<Scheme> {
    match first.as_bytes().first() {
        Some(b'3') => Ok(Scheme::DeptEconomic),
        Some(b'5') => Ok(Scheme::GovEconomic),
        _ => Err(Error::Code {
            scheme: Scheme::DeptEconomic,
            value: value.to_owned(),
            reason: "an economic code starts with 3 (部门预算支出经济分类, 3xx) or 5 (政府预算支出经济分类, 5xx)"
                .to_owned(),
        }),
    }
}

/// The Chinese level names of a scheme, level 1 first.
fn level_names(scheme: Scheme) -> &'static [&'static str] {
    const NAMES: [&str; 4] = ["类", "款", "项", "目"];
    NAMES
        .get(..usize::from(scheme.max_level()))
        .unwrap_or(&NAMES)
}

impl PartialEq for Code {
    fn eq(&self, other: &Code) -> bool {
        self.scheme == other.scheme && self.len == other.len && self.value == other.value
    }
}

impl Eq for Code {}

impl Hash for Code {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.scheme.hash(state);
        self.len.hash(state);
        self.value.hash(state);
    }
}

impl PartialOrd for Code {
    fn partial_cmp(&self, other: &Code) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Code {
    /// Code order: by scheme, then digit by digit, a parent before its children.
    fn cmp(&self, other: &Code) -> Ordering {
        self.sort_key().cmp(&other.sort_key())
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:0width$}", self.value, width = usize::from(self.len))
    }
}

impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn order_is_code_order() {
        let mut v: Vec<Code> = ["20808", "2080505", "208", "20805", "210", "2080501"]
            .iter()
            .map(|s| Code::functional(s).unwrap())
            .collect();
        v.sort();
        let s: Vec<String> = v.iter().map(ToString::to_string).collect();
        assert_eq!(s, ["208", "20805", "2080501", "2080505", "20808", "210"]);
    }

    #[test]
    fn rejects_bad_codes_naming_input() {
        for (scheme, text) in [
            (Scheme::Functional, "20805a5"),
            (Scheme::Functional, "2080"),
            (Scheme::Functional, "208050501"),
            (Scheme::Functional, "3080505"),
            (Scheme::DeptEconomic, "3010101"),
            (Scheme::DeptEconomic, "50101"),
            (Scheme::Revenue, "2010101"),
            (Scheme::Functional, ""),
            (Scheme::Functional, "２０８"),
        ] {
            match Code::parse(scheme, text) {
                Err(Error::Code {
                    value, scheme: s, ..
                }) => {
                    assert_eq!(value, text);
                    assert_eq!(s, scheme);
                }
                other => panic!("{text:?}: {other:?}"),
            }
        }
        assert!(Code::economic("401").is_err());
        assert!(Code::economic_split(&["401", "01"]).is_err());
    }

    #[test]
    fn split_forms() {
        assert_eq!(
            Code::functional_split(&["208", "05", "05"]).unwrap(),
            Code::functional("2080505").unwrap()
        );
        assert_eq!(
            Code::functional_split(&[" 208 ", "", ""])
                .unwrap()
                .to_string(),
            "208"
        );
        assert!(Code::functional_split(&["208", "05", "05", "01"]).is_err());
        assert!(Code::functional_split(&["2080", "5"]).is_err());
        assert!(Code::functional_split(&["", "05"]).is_err());
        assert!(Code::functional_split::<&str>(&[]).is_err());
        let err = Code::functional_split(&["208", "0a", "05"]).unwrap_err();
        assert!(matches!(err, Error::Code { value, .. } if value == "208|0a|05"));
    }

    #[test]
    fn hierarchy() {
        let c = Code::revenue("101010101").unwrap();
        assert_eq!(c.level(), 4);
        let anc: Vec<String> = c.ancestors().iter().map(ToString::to_string).collect();
        assert_eq!(anc, ["101", "10101", "1010101"]);
        assert_eq!(c.split(), ["101", "01", "01", "01"]);
        let f = Code::functional("2080505").unwrap();
        let e = Code::economic("20805").err();
        assert!(e.is_some());
        assert!(!Code::revenue("101").unwrap().is_ancestor_of(f));
    }
}
