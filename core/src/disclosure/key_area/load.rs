//! Reading a checklist: the embedded national one, JSON text, a file; strict validation with
//! errors naming the line and field.

use std::collections::BTreeSet;
use std::path::Path;

use super::{Checklist, Item, KeyAreaReport, Period, PublishedFact};
use crate::disclosure::CatalogueEntry;
use crate::error::{Error, Result};
use crate::input::Limits;

const NATIONAL: &str = include_str!("../../../data/key_areas/national.json");

impl Checklist {
    /// The national checklist shipped with the library (`core/data/key_areas/national.json`).
    ///
    /// ```
    /// let list = sunlit::disclosure::key_area::Checklist::embedded();
    /// assert_eq!(list.id, "national");
    /// assert!(list.areas.iter().any(|a| a.name == "预决算"));
    /// ```
    pub fn embedded() -> Checklist {
        // The embedded file is checked by the test `embedded_checklist_is_valid`; should it
        // ever fail to parse, an empty checklist is returned rather than a panic.
        Checklist::from_json(NATIONAL).unwrap_or_else(|_| Checklist {
            format: FORMAT.to_owned(),
            id: "national".to_owned(),
            version: String::new(),
            title: String::new(),
            areas: Vec::new(),
        })
    }

    /// Read a checklist from JSON text. A syntax error, a duplicate key, an unknown or missing
    /// field, a wrong type, a duplicate item id, a period of 0 days, an impossible fixed date,
    /// an item without keywords, a verified item without a source or an unverified one
    /// without a note is an [`Error::Input`] naming the line and the field.
    ///
    /// ```
    /// use sunlit::{Error, disclosure::key_area::Checklist};
    /// let err = Checklist::from_json("{\"format\": \"sunlit.key_areas\", \"id\": \"x\",\n \"version\": \"1\", \"title\": \"t\", \"areas\": [{\"id\": \"a\", \"name\": \"n\", \"itmes\": []}]}").unwrap_err();
    /// assert!(matches!(err, Error::Input { line: 2, ref column, .. } if column == "itmes"));
    /// let ok = Checklist::from_json(r#"{"format": "sunlit.key_areas", "id": "x", "version": "1", "title": "t", "areas": []}"#)?;
    /// assert!(ok.areas.is_empty());
    /// # Ok::<(), sunlit::Error>(())
    /// ```
    pub fn from_json(text: &str) -> Result<Checklist> {
        crate::io::parse_json_with(text, &Limits::default())?;
        let list: Checklist = serde_json::from_str(text).map_err(|e| serde_error(text, &e))?;
        list.validate(text)?;
        Ok(list)
    }

    /// Read a checklist from a JSON file; errors as [`Checklist::from_json`], with the file's
    /// path at the start of the reason.
    ///
    /// ```
    /// use sunlit::disclosure::key_area::Checklist;
    /// let err = Checklist::from_path("/no/such/checklist.json").unwrap_err();
    /// assert!(matches!(err, sunlit::Error::File { .. }));
    /// ```
    pub fn from_path(path: impl AsRef<Path>) -> Result<Checklist> {
        let path = path.as_ref();
        let text = crate::io::read_json_file(path, &Limits::default())?;
        Checklist::from_json(&text).map_err(|e| e.in_context(&path.display().to_string()))
    }

    fn validate(&self, text: &str) -> Result<()> {
        if self.format != FORMAT {
            return Err(at(
                text,
                "\"format\"",
                "format",
                &self.format,
                "must be \"sunlit.key_areas\"",
            ));
        }
        let mut ids = BTreeSet::new();
        for area in &self.areas {
            if !ids.insert(area.id.as_str()) {
                return Err(at(text, &area.id, "id", &area.id, "duplicate area id"));
            }
            for item in &area.items {
                if !ids.insert(item.id.as_str()) {
                    return Err(at(text, &item.id, "id", &item.id, "duplicate item id"));
                }
                item.validate(text)?;
            }
        }
        Ok(())
    }
}

const FORMAT: &str = "sunlit.key_areas";

impl Item {
    fn validate(&self, text: &str) -> Result<()> {
        let fail = |field: &str, reason: &str| Err(at(text, &self.id, field, &self.id, reason));
        match &self.period {
            Some(Period::WorkingDays { days: 0, .. } | Period::CalendarDays { days: 0, .. }) => {
                return fail(
                    "period",
                    "a period of 0 days; omit the period or give N ≥ 1",
                );
            }
            Some(Period::FixedDate { month, day, .. })
                if chrono::NaiveDate::from_ymd_opt(2024, *month, *day).is_none() =>
            {
                return fail("period", "the fixed date does not exist");
            }
            _ => {}
        }
        if self.keywords.all.is_empty() && self.keywords.any.is_empty() {
            return fail(
                "keywords",
                "an item needs keywords (all or any) to be matched",
            );
        }
        if self.verified && self.sources.is_empty() {
            return fail(
                "sources",
                "a verified item must give the source it was checked against",
            );
        }
        if !self.verified && self.note.as_deref().is_none_or(str::is_empty) {
            return fail(
                "note",
                "an unverified item must say in a note what was not verified",
            );
        }
        Ok(())
    }
}

/// An error located at the line where `needle` (an id) first appears as a JSON string.
fn at(text: &str, needle: &str, field: &str, value: &str, reason: &str) -> Error {
    let quoted = if needle.starts_with('"') {
        needle.to_owned()
    } else {
        format!("\"{needle}\"")
    };
    let line = text.find(&quoted).map_or(1, |p| {
        1 + text.get(..p).unwrap_or("").matches('\n').count() as u64
    });
    Error::Input {
        line,
        column: field.to_owned(),
        value: value.to_owned(),
        reason: reason.to_owned(),
        cause: None,
    }
}

/// A serde error as an [`Error::Input`]: its line, and the field named in its message
/// (`unknown field `x``, `missing field `x``).
fn serde_error(text: &str, e: &serde_json::Error) -> Error {
    let message = e.to_string();
    let field = message
        .split('`')
        .nth(1)
        .filter(|_| message.contains("field"))
        .unwrap_or("")
        .to_owned();
    let line = e.line() as u64;
    let shown = text
        .lines()
        .nth(line.saturating_sub(1) as usize)
        .unwrap_or("")
        .trim();
    Error::Input {
        line: line.max(1),
        column: field,
        value: shown.chars().take(80).collect(),
        reason: format!("not a valid checklist: {message}"),
        cause: None,
    }
}

/// Parse JSON `text` strictly (duplicate keys, limits) and then as `T`; a serde error is an
/// [`Error::Input`] naming its line and field.
fn typed<T: serde::de::DeserializeOwned>(text: &str) -> Result<T> {
    crate::io::parse_json_with(text, &Limits::default())?;
    serde_json::from_str(text).map_err(|e| serde_error(text, &e))
}

/// Read catalogue entries from a JSON array of [`CatalogueEntry`] in its serde form (`index`,
/// `title`, `formed`, `published` as `YYYY-MM-DD`, `category` by id …), e.g. an export the CLI
/// reads. Errors name the line and field.
///
/// ```
/// use sunlit::disclosure::key_area::entries_from_json;
/// let e = entries_from_json(r#"[{"index": "1", "title": "某县2024年政府预算", "formed": "2024-01-10"}]"#)?;
/// assert_eq!(e[0].formed.unwrap().to_string(), "2024-01-10");
/// let err = entries_from_json("[{\"index\": \"1\",\n \"title\": \"t\", \"formed\": \"2024-02-30\"}]").unwrap_err();
/// assert!(matches!(err, sunlit::Error::Input { line: 2, .. }));
/// # Ok::<(), sunlit::Error>(())
/// ```
pub fn entries_from_json(text: &str) -> Result<Vec<CatalogueEntry>> {
    typed(text)
}

/// Read published facts from a JSON array of [`PublishedFact`] (as [`facts_to_json`] writes
/// them). Errors name the line and field.
///
/// ```
/// use sunlit::disclosure::key_area::{facts_from_json, facts_to_json};
/// let f = facts_from_json(r#"[{"title": "t", "amount": "180739.20", "published": "2017-02-03"}]"#)?;
/// assert_eq!(f[0].amount.unwrap().to_string(), "180739.20");
/// assert_eq!(facts_from_json(&facts_to_json(&f))?, f);
/// assert!(facts_from_json(r#"[{"title": "t", "amount": 1.5}]"#).is_err()); // amounts are strings
/// # Ok::<(), sunlit::Error>(())
/// ```
pub fn facts_from_json(text: &str) -> Result<Vec<PublishedFact>> {
    typed(text)
}

/// Published facts as a JSON array (amounts as exact decimal strings).
///
/// ```
/// use sunlit::disclosure::key_area::{PublishedFact, facts_to_json};
/// let json = facts_to_json(&[PublishedFact { title: "t".into(), amount: Some(sunlit::Decimal::new(15, 1)), ..Default::default() }]);
/// assert!(json.contains("\"amount\":\"1.5\""));
/// ```
pub fn facts_to_json(facts: &[PublishedFact]) -> String {
    serde_json::to_string(facts).unwrap_or_else(|_| "[]".to_owned())
}

impl Checklist {
    /// The checklist as JSON, in the format [`Checklist::from_json`] reads.
    ///
    /// ```
    /// use sunlit::disclosure::key_area::Checklist;
    /// let list = Checklist::embedded();
    /// assert_eq!(Checklist::from_json(&list.to_json())?, list);
    /// # Ok::<(), sunlit::Error>(())
    /// ```
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

impl KeyAreaReport {
    /// The report as JSON: checklist, organ, year, the items with their states, the findings.
    ///
    /// ```
    /// use sunlit::WorkCalendar;
    /// use sunlit::disclosure::OrganLevel;
    /// use sunlit::disclosure::key_area::{Checklist, Organ, OrganKind};
    /// let organ = Organ { name: "某县财政局".into(), level: OrganLevel::County, kind: OrganKind::Finance };
    /// let json = Checklist::embedded().check(&[], &[], &organ, 2024, &WorkCalendar::china()).to_json();
    /// assert!(json.contains("\"state\":\"missing\""));
    /// ```
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}
