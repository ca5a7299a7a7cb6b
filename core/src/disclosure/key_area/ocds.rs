//! The Open Contracting Data Standard link: an OCDS release or release package (JSON) read into
//! the checklist's published facts — the tender, each award and each contract with its date and
//! value — for the 公共资源配置 and 重大建设项目 items.
//!
//! Amounts are read from the JSON text exactly as written (a number literal or a numeric
//! string) into a [`Decimal`], never through a binary float; a blank (`""`, `null`, absent) is
//! `None`, not zero. Dates are the calendar date printed at the start of an ISO 8601 value
//! (`2017-02-23T00:00:00.000Z` → 2017-02-23), without converting time zones; a blank date is
//! `None`. What OCDS leaves to publishers is read leniently (`tag` as a string or a list,
//! unknown fields ignored); what cannot be read is an error naming the line and the field.
//!
//! ```
//! use sunlit::disclosure::key_area::ocds::{OcdsMapping, read};
//! let json = r#"{"releases": [{"ocid": "ocds-x-1", "id": "1", "date": "2024-03-05T09:00:00Z",
//!   "tag": ["award"], "awards": [{"id": "a1", "date": "2024-03-01", "value": {"amount": 12345678901234567.89, "currency": "CNY"}}]}]}"#;
//! let facts = read(json, &OcdsMapping::default())?;
//! assert_eq!(facts[0].item.as_deref(), Some("public_resources.procurement_award"));
//! assert_eq!(facts[0].amount.unwrap().to_string(), "12345678901234567.89"); // exact
//! assert!(read("{\"releases\": [{\"date\": \"yesterday\"}]}", &OcdsMapping::default()).is_err());
//! # Ok::<(), sunlit::Error>(())
//! ```

use std::path::Path;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Deserialize;
use serde_json::value::RawValue;

use super::PublishedFact;
use crate::error::{Error, Result};
use crate::input::Limits;

/// Which checklist items the tender, awards and contracts of a release are facts of.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct OcdsMapping {
    /// The item of the tender (default `public_resources.procurement_notice`).
    pub tender: String,
    /// The item of each award (default `public_resources.procurement_award`).
    pub award: String,
    /// The item of each contract (default `public_resources.procurement_contract`).
    pub contract: String,
}

impl Default for OcdsMapping {
    /// Government procurement (公共资源配置, 国办发〔2017〕97号).
    fn default() -> Self {
        OcdsMapping {
            tender: "public_resources.procurement_notice".to_owned(),
            award: "public_resources.procurement_award".to_owned(),
            contract: "public_resources.procurement_contract".to_owned(),
        }
    }
}

impl OcdsMapping {
    /// Major construction projects (重大建设项目, 国办发〔2017〕94号): tender, awards and
    /// contracts are all facts of `major_projects.tender` (招标投标信息).
    ///
    /// ```
    /// let m = sunlit::disclosure::key_area::ocds::OcdsMapping::major_projects();
    /// assert_eq!(m.award, "major_projects.tender");
    /// ```
    pub fn major_projects() -> OcdsMapping {
        let item = "major_projects.tender".to_owned();
        OcdsMapping {
            tender: item.clone(),
            award: item.clone(),
            contract: item,
        }
    }
}

#[derive(Deserialize)]
struct Package<'a> {
    #[serde(borrow, default)]
    releases: Option<Vec<Release<'a>>>,
}

#[derive(Deserialize, Default)]
struct Release<'a> {
    #[serde(borrow, default)]
    ocid: Option<&'a RawValue>,
    #[serde(borrow, default)]
    date: Option<&'a RawValue>,
    #[serde(borrow, default)]
    tender: Option<Stage<'a>>,
    #[serde(borrow, default)]
    awards: Option<Vec<Stage<'a>>>,
    #[serde(borrow, default)]
    contracts: Option<Vec<Stage<'a>>>,
}

#[derive(Deserialize, Default)]
struct Stage<'a> {
    #[serde(borrow, default)]
    id: Option<&'a RawValue>,
    #[serde(borrow, default)]
    title: Option<&'a RawValue>,
    #[serde(borrow, default)]
    date: Option<&'a RawValue>,
    #[serde(borrow, default, rename = "dateSigned")]
    date_signed: Option<&'a RawValue>,
    #[serde(borrow, default, rename = "tenderPeriod")]
    tender_period: Option<Period<'a>>,
    #[serde(borrow, default)]
    value: Option<Value<'a>>,
}

#[derive(Deserialize, Default)]
struct Period<'a> {
    #[serde(borrow, default, rename = "startDate")]
    start_date: Option<&'a RawValue>,
}

#[derive(Deserialize, Default)]
struct Value<'a> {
    #[serde(borrow, default)]
    amount: Option<&'a RawValue>,
    #[serde(borrow, default)]
    currency: Option<&'a RawValue>,
}

/// Read the published facts of an OCDS release or release package (`{"releases": [...]}`),
/// release by release: the tender (formed on its tender period's start, else the release
/// date), each award (formed on its date) and each contract (formed on its signing date), all
/// published on the release's date. A syntax error, a duplicate key, an object where a value
/// should be, a date that is not ISO 8601 or an amount that is not an exact decimal is an
/// [`Error::Input`] naming the line and field.
///
/// ```
/// use sunlit::disclosure::key_area::ocds::{OcdsMapping, read};
/// let facts = read(r#"{"ocid": "o", "date": "2024-01-02", "tender": {"id": "t", "value": {"amount": ""}}}"#, &OcdsMapping::default())?;
/// assert_eq!((facts.len(), facts[0].amount), (1, None)); // blank is not zero
/// let err = read(r#"{"date": "2024-01-02", "tender": {"value": {"amount": 1234567890.12345678901234567890123}}}"#, &OcdsMapping::default()).unwrap_err();
/// assert!(matches!(err, sunlit::Error::Input { ref column, .. } if column == "tender.value.amount"));
/// # Ok::<(), sunlit::Error>(())
/// ```
pub fn read(text: &str, mapping: &OcdsMapping) -> Result<Vec<PublishedFact>> {
    crate::io::parse_json_with(text, &Limits::default())?;
    let shape = |e: serde_json::Error| Error::Input {
        line: (e.line() as u64).max(1),
        column: String::new(),
        value: String::new(),
        reason: format!("not an OCDS release or release package: {e}"),
        cause: None,
    };
    let package: Package<'_> = serde_json::from_str(text).map_err(shape)?;
    let releases = match package.releases {
        Some(list) => list,
        None => vec![serde_json::from_str::<Release<'_>>(text).map_err(shape)?],
    };
    let mut facts = Vec::new();
    for r in &releases {
        release_facts(text, r, mapping, &mut facts)?;
    }
    Ok(facts)
}

/// Read an OCDS file; see [`read`].
///
/// ```
/// use sunlit::disclosure::key_area::ocds::{OcdsMapping, read_path};
/// assert!(matches!(read_path("/no/such/ocds.json", &OcdsMapping::default()), Err(sunlit::Error::File { .. })));
/// ```
pub fn read_path(path: impl AsRef<Path>, mapping: &OcdsMapping) -> Result<Vec<PublishedFact>> {
    let path = path.as_ref();
    let text = crate::io::read_json_file(path, &Limits::default())?;
    let mut facts = read(&text, mapping)?;
    for f in &mut facts {
        f.source = Some(format!(
            "{}#{}",
            path.display(),
            f.source.as_deref().unwrap_or("")
        ));
    }
    Ok(facts)
}

fn release_facts(
    text: &str,
    r: &Release<'_>,
    mapping: &OcdsMapping,
    out: &mut Vec<PublishedFact>,
) -> Result<()> {
    let published = date(text, r.date, "date")?;
    let ocid = string(text, r.ocid, "ocid")?.unwrap_or_default();
    if let Some(t) = &r.tender {
        let start = t.tender_period.as_ref().and_then(|p| p.start_date);
        let formed = date(text, start, "tender.tenderPeriod.startDate")?.or(published);
        out.push(stage(
            text,
            t,
            "tender",
            &mapping.tender,
            &ocid,
            formed,
            published,
        )?);
    }
    for a in r.awards.iter().flatten() {
        let formed = date(text, a.date, "awards.date")?;
        out.push(stage(
            text,
            a,
            "awards",
            &mapping.award,
            &ocid,
            formed,
            published,
        )?);
    }
    for c in r.contracts.iter().flatten() {
        let formed = date(text, c.date_signed, "contracts.dateSigned")?;
        out.push(stage(
            text,
            c,
            "contracts",
            &mapping.contract,
            &ocid,
            formed,
            published,
        )?);
    }
    Ok(())
}

fn stage(
    text: &str,
    s: &Stage<'_>,
    what: &str,
    item: &str,
    ocid: &str,
    formed: Option<NaiveDate>,
    published: Option<NaiveDate>,
) -> Result<PublishedFact> {
    let id = string(text, s.id, &format!("{what}.id"))?.unwrap_or_default();
    let title = string(text, s.title, &format!("{what}.title"))?.unwrap_or_default();
    let value = s.value.as_ref();
    let amount = amount(
        text,
        value.and_then(|v| v.amount),
        &format!("{what}.value.amount"),
    )?;
    let currency = string(
        text,
        value.and_then(|v| v.currency),
        &format!("{what}.value.currency"),
    )?
    .filter(|c| !c.is_empty());
    Ok(PublishedFact {
        item: Some(item.to_owned()),
        title: format!("{ocid} {what} {id} {title}").trim().to_owned(),
        formed,
        published,
        amount,
        currency,
        source: Some(format!("{ocid}/{what}/{id}")),
    })
}

/// The 1-based line of a raw value inside `text`.
fn line_of(text: &str, raw: &RawValue) -> u64 {
    let offset = (raw.get().as_ptr() as usize).saturating_sub(text.as_ptr() as usize);
    1 + text.get(..offset).unwrap_or("").matches('\n').count() as u64
}

fn bad(text: &str, raw: &RawValue, field: &str, reason: &str) -> Error {
    Error::Input {
        line: line_of(text, raw),
        column: field.to_owned(),
        value: raw.get().chars().take(80).collect(),
        reason: reason.to_owned(),
        cause: None,
    }
}

/// A string, number or null as text; `None` for null.
fn string(text: &str, raw: Option<&RawValue>, field: &str) -> Result<Option<String>> {
    let Some(raw) = raw else { return Ok(None) };
    match serde_json::from_str::<serde_json::Value>(raw.get()) {
        Ok(serde_json::Value::Null) => Ok(None),
        Ok(serde_json::Value::String(s)) => Ok(Some(s)),
        Ok(serde_json::Value::Number(_)) => Ok(Some(raw.get().to_owned())),
        _ => Err(bad(text, raw, field, "expected a string")),
    }
}

fn date(text: &str, raw: Option<&RawValue>, field: &str) -> Result<Option<NaiveDate>> {
    let Some(s) = string(text, raw, field)?.filter(|s| !s.trim().is_empty()) else {
        return Ok(None);
    };
    let day = s
        .get(..10)
        .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
    match (day, raw) {
        (Some(d), _) => Ok(Some(d)),
        (None, Some(raw)) => Err(bad(text, raw, field, "not an ISO 8601 date (YYYY-MM-DD…)")),
        (None, None) => Ok(None),
    }
}

fn amount(text: &str, raw: Option<&RawValue>, field: &str) -> Result<Option<Decimal>> {
    let Some(raw) = raw else { return Ok(None) };
    let literal = raw.get().trim();
    let digits = if let Some(inner) = literal.strip_prefix('"').and_then(|l| l.strip_suffix('"')) {
        inner.trim()
    } else if literal == "null" {
        return Ok(None);
    } else {
        literal
    };
    if digits.is_empty() {
        return Ok(None);
    }
    let parsed = if digits.contains(['e', 'E']) {
        Decimal::from_scientific(digits).ok()
    } else {
        Decimal::from_str_exact(digits).ok()
    };
    parsed.map(Some).ok_or_else(|| {
        bad(
            text,
            raw,
            field,
            "not an exact decimal amount (at most 28 significant digits, no rounding)",
        )
    })
}
