//! Unified social credit codes (统一社会信用代码) of GB 32100—2015 (法人和其他组织统一社会信用代码编码规则):
//! 18 characters from a 31-character alphabet, the last a check character.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// The code alphabet of GB 32100—2015: the digits and the capital letters without I, O, S, V
/// and Z. A character's value is its index.
const ALPHABET: &[u8; 31] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";
/// Weights of positions 1–17 (3^(i−1) mod 31).
const WEIGHTS: [u32; 17] = [
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
];

fn value_of(c: char) -> Option<u32> {
    let b = u8::try_from(c).ok()?;
    ALPHABET.iter().position(|&a| a == b).map(|i| i as u32)
}

/// The check character (校验码) of GB 32100—2015 for the first 17 characters of a code:
/// C18 = 31 − (Σ Ci·Wi mod 31), where 31 becomes `0` and the result is read back through the
/// alphabet (30 → `Y`). The 17 characters must come from the code alphabet (digits and capitals
/// except I, O, S, V, Z); anything else is an [`Error::Field`] with the field `credit code`.
///
/// ```
/// use sunlit::power::credit_code_check_char;
/// assert_eq!(credit_code_check_char("12441500196720244").unwrap(), 'T');
/// assert_eq!(credit_code_check_char("11511301083372204").unwrap(), '3');
/// assert!(credit_code_check_char("1244150019672024I").is_err()); // I is not in the alphabet
/// assert!(credit_code_check_char("1244").is_err());
/// ```
pub fn credit_code_check_char(first17: &str) -> Result<char> {
    let err = |reason: String| Error::value("credit_code", first17, reason);
    let count = first17.chars().count();
    if count != 17 {
        return Err(err(format!(
            "expected the 17 characters before the check character, got {count}"
        )));
    }
    let mut sum: u32 = 0;
    for (i, (c, w)) in first17.chars().zip(WEIGHTS).enumerate() {
        let v = value_of(c).ok_or_else(|| {
            err(format!(
                "character {} ({c:?}) is not in the code alphabet 0-9 A-H J-N P-R T-U W-Y",
                i + 1
            ))
        })?;
        sum += v * w;
    }
    let check = (31 - sum % 31) % 31;
    Ok(ALPHABET.get(check as usize).map_or('0', |&b| char::from(b)))
}

/// A unified social credit code (统一社会信用代码) whose length, alphabet and check character
/// are valid under GB 32100—2015. Parsing never alters the text: no case folding, no trimming
/// inside.
///
/// ```
/// use sunlit::{Error, power::CreditCode};
/// let c = CreditCode::parse("12441500196720244T").unwrap();
/// assert_eq!(c.as_str(), "12441500196720244T");
/// assert_eq!(c.region(), "441500");
/// match CreditCode::parse("12441500196720244X") {
///     Err(Error::Field { field, reason, .. }) => {
///         assert_eq!(field, "credit_code");
///         assert!(reason.contains("check character"));
///     }
///     other => panic!("{other:?}"),
/// }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct CreditCode(String);

impl CreditCode {
    /// Parse and validate a code (surrounding whitespace ignored): 18 characters of the code
    /// alphabet whose last is the check character of [`credit_code_check_char`].
    ///
    /// ```
    /// use sunlit::power::CreditCode;
    /// assert!(CreditCode::parse(" 115113010833722043 ").is_ok());
    /// assert!(CreditCode::parse("115113010833722044").is_err()); // wrong check character
    /// assert!(CreditCode::parse("11511301083372204").is_err()); // 17 characters
    /// assert!(CreditCode::parse("12441500196720244t").is_err()); // lower case is not in the alphabet
    /// ```
    pub fn parse(text: &str) -> Result<CreditCode> {
        let t = text.trim();
        let err = |reason: String| Error::value("credit_code", text, reason);
        let count = t.chars().count();
        if count != 18 {
            return Err(err(format!(
                "a unified social credit code has 18 characters, got {count}"
            )));
        }
        let split = t.char_indices().last().map_or(0, |(i, _)| i);
        let (first17, last) = t.split_at(split);
        let expected = credit_code_check_char(first17).map_err(|e| match e {
            Error::Field { reason, .. } => err(reason),
            other => other,
        })?;
        let actual = last.chars().next().unwrap_or_default();
        if actual != expected {
            return Err(err(format!(
                "check character {actual:?} does not match the computed {expected:?} (GB 32100—2015)"
            )));
        }
        Ok(CreditCode(t.to_owned()))
    }

    /// Whether `text` is a valid code ([`CreditCode::parse`] succeeds).
    ///
    /// ```
    /// assert!(sunlit::power::CreditCode::is_valid("12441500196720244T"));
    /// assert!(!sunlit::power::CreditCode::is_valid("12441500196720244"));
    /// ```
    pub fn is_valid(text: &str) -> bool {
        CreditCode::parse(text).is_ok()
    }

    /// The code as text.
    ///
    /// ```
    /// assert_eq!(sunlit::power::CreditCode::parse("115113010833722043").unwrap().as_str(), "115113010833722043");
    /// ```
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Character 1: the registration administration (登记管理部门码; `1` = 机构编制, `5` = 民政,
    /// `9` = 工商 …).
    ///
    /// ```
    /// assert_eq!(sunlit::power::CreditCode::parse("115113010833722043").unwrap().registrar(), '1');
    /// ```
    pub fn registrar(&self) -> char {
        self.0.chars().next().unwrap_or_default()
    }

    /// Characters 3–8: the administrative-division code (登记管理机关行政区划码) of the
    /// registering authority.
    ///
    /// ```
    /// assert_eq!(sunlit::power::CreditCode::parse("115113010833722043").unwrap().region(), "511301");
    /// ```
    pub fn region(&self) -> &str {
        self.0.get(2..8).unwrap_or("")
    }

    /// Characters 9–17: the organisation code (主体标识码, 组织机构代码).
    ///
    /// ```
    /// assert_eq!(sunlit::power::CreditCode::parse("12441500196720244T").unwrap().organisation(), "196720244");
    /// ```
    pub fn organisation(&self) -> &str {
        self.0.get(8..17).unwrap_or("")
    }
}

impl fmt::Display for CreditCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::str::FromStr for CreditCode {
    type Err = Error;
    fn from_str(s: &str) -> Result<CreditCode> {
        CreditCode::parse(s)
    }
}

impl TryFrom<String> for CreditCode {
    type Error = Error;
    fn try_from(s: String) -> Result<CreditCode> {
        CreditCode::parse(&s)
    }
}

impl From<CreditCode> for String {
    fn from(c: CreditCode) -> String {
        c.0
    }
}
