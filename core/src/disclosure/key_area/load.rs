//! Reading a checklist: the embedded national one, JSON text, a file; strict validation with
//! errors naming the line and field.

use std::collections::BTreeSet;
use std::path::Path;

use super::{Checklist, Item, Period};
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
        Checklist::from_json(&text).map_err(|e| match e {
            Error::Input {
                line,
                column,
                value,
                reason,
                cause,
            } => Error::Input {
                line,
                column,
                value,
                reason: format!("{}: {reason}", path.display()),
                cause,
            },
            other => other,
        })
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
