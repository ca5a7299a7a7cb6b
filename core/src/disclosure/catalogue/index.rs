//! Index numbers (索引号) of disclosure-catalogue entries.
//!
//! The common national pattern is `前段码/后段码`: the front part identifies the organ, the back
//! part is the year the item was formed and a serial number within the organ's year
//! (`11370000MB28542883/2024-00123`; the issue's own example `11370000MB28542867` has a wrong
//! check character: GB 32100—2015 gives `W`). The pattern is the one the General Office of the State
//! Council's secretariat set out for catalogue systems in 2008 (国务院办公厅秘书局《政府信息公开
//! 目录系统实施指引（试行）》: 前段码 = the organ's 组织机构代码, 后段码 = four-digit year and
//! five-digit serial); since 2015 organs print their 18-character unified social credit code
//! (统一社会信用代码, GB 32100—2015) as the front part. (The guide is cited from the issue and
//! the domain notes; its text was not found in the reference corpora available to this work.)
//!
//! Real portals vary and each real variant is parsed as its own [`IndexKind`], never guessed:
//!
//! | kind | example | front part |
//! | --- | --- | --- |
//! | `credit_code` | `11370000MB28542883/2024-00123` | 18-character unified social credit code, check character of GB 32100—2015 verified |
//! | `organization_code` | `003129766/201901-00336` | 9-character organization code (组织机构代码), check character of GB 11714—1997 verified |
//! | `local_code` | `6107280000/2024-001005` | a local numeric organ code (digits only, 6–12 long, not 9 or 18: e.g. 镇巴县's region code 610728 + 0000) |
//!
//! The back part is a year (`2024`) or a year and month (`201901`), a hyphen and a serial of 1–10
//! digits (kept as printed, leading zeros included). An optional classification segment may sit
//! between the two parts (`organ/category/2024-00123`).

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::power::credit_code_check_char;
use crate::vocab::vocabulary;

vocabulary! {
    /// What the front part (前段码) of an index number is.
    pub enum IndexKind("index_kind") {
        /// 统一社会信用代码 — an 18-character unified social credit code (GB 32100—2015).
        CreditCode = "credit_code", "统一社会信用代码";
        /// 组织机构代码 — a 9-character organization code (GB 11714—1997), as in the 2008 guide.
        OrganizationCode = "organization_code", "组织机构代码";
        /// 地方编码 — a local numeric organ code without a check character (region code and an
        /// organ number, e.g. `6107280000`).
        LocalCode = "local_code", "地方编码";
    }
}

/// A parsed index number (索引号): front part (the organ's code), optional classification
/// segment, year (and month), serial. Display prints it back exactly as parsed.
///
/// ```
/// use sunlit::disclosure::catalogue::{IndexKind, IndexNumber};
/// let n = IndexNumber::parse("11370000MB28542883/2024-00123")?;
/// assert_eq!((n.kind, n.year, n.serial.as_str()), (IndexKind::CreditCode, 2024, "00123"));
/// assert_eq!(n.check_ok, Some(true));
/// assert_eq!(n.to_string(), "11370000MB28542883/2024-00123");
/// # Ok::<(), sunlit::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct IndexNumber {
    /// What the front part is.
    pub kind: IndexKind,
    /// The front part (前段码) as printed.
    pub organ: String,
    /// The classification segment between front and back part, if printed.
    pub category: Option<String>,
    /// The year of the back part.
    pub year: i32,
    /// The month, when the back part is `YYYYMM-serial`.
    pub month: Option<u32>,
    /// The serial as printed (leading zeros kept).
    pub serial: String,
    /// Whether the front part's check character is right (`None` for a local code, which has
    /// none). A wrong one is a `directory.bad_check_character` finding of a catalogue check.
    pub check_ok: Option<bool>,
}

/// The value of a character of the GB 11714 organization-code alphabet (digits 0–9, capital
/// letters A–Z as 10–35).
fn org_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' | 'A'..='Z' => c.to_digit(36),
        _ => None,
    }
}

/// The check character of a 9-character organization code (GB 11714—1997) for its first 8
/// characters: C9 = 11 − (Σ Ci·Wi mod 11) with weights 3, 7, 9, 10, 5, 8, 4, 2; 10 is written
/// `X`, 11 is written `0`. Characters outside 0–9 and A–Z are an error.
///
/// ```
/// use sunlit::disclosure::catalogue::organization_code_check_char;
/// assert_eq!(organization_code_check_char("00312976")?, '6');
/// assert_eq!(organization_code_check_char("MB285428")?, '8');
/// assert!(organization_code_check_char("0031297").is_err());
/// assert!(organization_code_check_char("0031297a").is_err());
/// # Ok::<(), sunlit::Error>(())
/// ```
pub fn organization_code_check_char(first8: &str) -> Result<char> {
    const WEIGHTS: [u32; 8] = [3, 7, 9, 10, 5, 8, 4, 2];
    let err = |reason: String| Error::value("organization_code", first8, reason);
    if first8.chars().count() != 8 {
        return Err(err(
            "expected the 8 characters before the check character".into()
        ));
    }
    let mut sum = 0;
    for (i, (c, w)) in first8.chars().zip(WEIGHTS).enumerate() {
        let v = org_value(c).ok_or_else(|| {
            err(format!(
                "character {} ({c:?}) is not a digit or capital letter",
                i + 1
            ))
        })?;
        sum += v * w;
    }
    Ok(match 11 - sum % 11 {
        10 => 'X',
        11 => '0',
        d => char::from_digit(d, 10).unwrap_or('0'),
    })
}

/// The kind of a front part and whether its check character is right; `None` when the text is
/// no front part of a known kind.
fn classify(organ: &str) -> Option<(IndexKind, Option<bool>)> {
    let n = organ.chars().count();
    let digits = organ.chars().all(|c| c.is_ascii_digit());
    if n == 18
        && organ
            .chars()
            .all(|c| c.is_ascii_digit() || c.is_ascii_uppercase())
    {
        let (first, last) = organ.split_at(17);
        let ok = credit_code_check_char(first).ok()? == last.chars().next()?;
        return Some((IndexKind::CreditCode, Some(ok)));
    }
    if n == 9
        && organ
            .chars()
            .all(|c| c.is_ascii_digit() || c.is_ascii_uppercase())
    {
        let (first, last) = organ.split_at(8);
        let ok = organization_code_check_char(first).ok()? == last.chars().next()?;
        return Some((IndexKind::OrganizationCode, Some(ok)));
    }
    if digits && (6..=12).contains(&n) {
        return Some((IndexKind::LocalCode, None));
    }
    None
}

/// The year and month of a back part's date (`2024`, `201901`).
fn date_part(text: &str) -> Option<(i32, Option<u32>)> {
    if !text.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let year: i32 = text.get(..4)?.parse().ok()?;
    if !(1949..=2100).contains(&year) {
        return None;
    }
    match text.len() {
        4 => Some((year, None)),
        6 => {
            let month: u32 = text.get(4..)?.parse().ok()?;
            (1..=12).contains(&month).then_some((year, Some(month)))
        }
        _ => None,
    }
}

impl IndexNumber {
    /// Parse an index number (surrounding whitespace ignored): `front/[category/]YYYY[MM]-serial`
    /// with a front part of an [`IndexKind`]. A wrong check character still parses (the number is
    /// as printed) with `check_ok: Some(false)`; anything else that does not fit is an
    /// [`Error::Field`] with field `index_number` saying what is wrong.
    ///
    /// ```
    /// use sunlit::{Error, disclosure::catalogue::{IndexKind, IndexNumber}};
    /// let n = IndexNumber::parse("003129766/201901-00336")?;
    /// assert_eq!((n.kind, n.year, n.month), (IndexKind::OrganizationCode, 2019, Some(1)));
    /// let n = IndexNumber::parse("6107280000/2024-001005")?;
    /// assert_eq!((n.kind, n.check_ok), (IndexKind::LocalCode, None));
    /// assert_eq!(IndexNumber::parse("003129765/2019-1")?.check_ok, Some(false));
    /// let err = IndexNumber::parse("6107280000/24-001005").unwrap_err();
    /// assert!(matches!(err, Error::Field { field: "index_number", .. }));
    /// # Ok::<(), sunlit::Error>(())
    /// ```
    pub fn parse(text: &str) -> Result<IndexNumber> {
        let t = text.trim();
        let err = |reason: &str| Error::value("index_number", text, reason);
        let parts: Vec<&str> = t.split('/').collect();
        let (organ, category, back) = match parts.as_slice() {
            [o, b] => (*o, None, *b),
            [o, c, b] if !c.is_empty() && c.chars().all(|c| c.is_ascii_alphanumeric()) => {
                (*o, Some((*c).to_owned()), *b)
            }
            _ => {
                return Err(err(
                    "expected front/YYYY-serial (or front/category/YYYY-serial)",
                ));
            }
        };
        let (kind, check_ok) = classify(organ).ok_or_else(|| {
            err("the front part is no 18-character credit code, 9-character organization code or 6–12-digit local code")
        })?;
        let (date, serial) = back
            .split_once('-')
            .ok_or_else(|| err("the back part needs a hyphen between date and serial"))?;
        let (year, month) = date_part(date)
            .ok_or_else(|| err("the date part is not YYYY or YYYYMM (1949–2100)"))?;
        if serial.is_empty() || serial.len() > 10 || !serial.chars().all(|c| c.is_ascii_digit()) {
            return Err(err("the serial must be 1–10 digits"));
        }
        Ok(IndexNumber {
            kind,
            organ: organ.to_owned(),
            category,
            year,
            month,
            serial: serial.to_owned(),
            check_ok,
        })
    }

    /// Make an index number in the common national pattern `front/YYYY-NNNNN` (five-digit
    /// serial, as the 2008 guide sets out) for an organ whose front part is a valid unified social
    /// credit code or organization code, or a local code. A front part of no kind, or with a wrong
    /// check character, is an error; so is a serial beyond five digits or a year outside 1949–2100.
    ///
    /// ```
    /// use sunlit::disclosure::catalogue::IndexNumber;
    /// let n = IndexNumber::generate("11370000MB28542883", 2024, 123)?;
    /// assert_eq!(n.to_string(), "11370000MB28542883/2024-00123");
    /// assert!(IndexNumber::generate("11370000MB28542867", 2024, 1).is_err()); // check character: W
    /// assert!(IndexNumber::generate("003129766", 2024, 100_000).is_err());
    /// # Ok::<(), sunlit::Error>(())
    /// ```
    pub fn generate(organ: &str, year: i32, serial: u32) -> Result<IndexNumber> {
        if serial > 99_999 {
            return Err(Error::value(
                "index_number",
                &serial.to_string(),
                "the serial of the national pattern has at most five digits",
            ));
        }
        let n = IndexNumber::parse(&format!("{organ}/{year:04}-{serial:05}"))?;
        if n.check_ok == Some(false) {
            return Err(Error::value(
                "index_number",
                organ,
                format!("wrong check character for a {}", n.kind.name_zh()),
            ));
        }
        Ok(n)
    }
}

impl fmt::Display for IndexNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/", self.organ)?;
        if let Some(c) = &self.category {
            write!(f, "{c}/")?;
        }
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "{m:02}")?;
        }
        write!(f, "-{}", self.serial)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_variants_parse_and_print_back() {
        for text in [
            "11370000MB28542883/2024-00123",
            "003129766/201901-00336",
            "6107280000/2024-001005",
            "003129766/ABC/2019-1",
        ] {
            let n = IndexNumber::parse(text).unwrap();
            assert_eq!(n.to_string(), text);
        }
    }

    #[test]
    fn malformed_ones_are_errors() {
        for text in [
            "",
            "/",
            "6107280000",
            "6107280000/2024",
            "6107280000/2024-",
            "6107280000/2024-12a",
            "61072800/1948-1",
            "abc/2024-1",
            "6107280000/202413-1",
            "a/b/c/2024-1",
            "6107280000/2024-12345678901",
            "１１/2024-1",
        ] {
            assert!(IndexNumber::parse(text).is_err(), "{text}");
        }
    }

    #[test]
    fn check_characters() {
        assert_eq!(
            IndexNumber::parse("11370000MB28542867/2024-1")
                .unwrap()
                .check_ok,
            Some(false)
        );
        assert_eq!(organization_code_check_char("00001434").unwrap(), '9');
    }
}
