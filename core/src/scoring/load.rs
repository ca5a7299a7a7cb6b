//! Reading a scheme from JSON: strict (unknown keys, duplicate ids, a bad weight or evaluator are
//! errors naming the indicator and the key).

use std::collections::BTreeSet;
use std::path::Path;
use std::str::FromStr;

use rust_decimal::Decimal;
use serde_json::{Map, Value};

use super::{Evaluator, Indicator, Origin, Scheme, Source, Weight};
use crate::disclosure::Category;
use crate::error::{Error, Result};
use crate::finding::Severity;
use crate::input::Limits;

/// An error at `key` of the object at `at` (an indicator id or `scheme`).
fn bad(at: &str, key: &str, value: &str, reason: impl Into<String>) -> Error {
    Error::Input {
        line: 0,
        column: format!("{at}.{key}"),
        value: value.to_owned(),
        reason: reason.into(),
        cause: None,
    }
}

fn shown(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// The keys of an object, refusing any not in `allowed` (no check when `allowed` is empty).
fn object<'a>(v: &'a Value, at: &str, allowed: &[&str]) -> Result<&'a Map<String, Value>> {
    let map = v
        .as_object()
        .ok_or_else(|| bad(at, "", &shown(v), "expected a JSON object"))?;
    if allowed.is_empty() {
        return Ok(map);
    }
    only(map, at, allowed)?;
    Ok(map)
}

/// Refuse any key not in `allowed`.
fn only(map: &Map<String, Value>, at: &str, allowed: &[&str]) -> Result<()> {
    if let Some(k) = map.keys().find(|k| !allowed.contains(&k.as_str())) {
        return Err(bad(
            at,
            k,
            k,
            format!("unknown key; expected one of {}", allowed.join(", ")),
        ));
    }
    Ok(())
}

fn text(map: &Map<String, Value>, at: &str, key: &str) -> Result<String> {
    match map.get(key) {
        Some(Value::String(s)) if !s.trim().is_empty() => Ok(s.trim().to_owned()),
        Some(v) => Err(bad(at, key, &shown(v), "expected a non-empty string")),
        None => Err(bad(at, key, "", "missing")),
    }
}

fn opt_text(map: &Map<String, Value>, at: &str, key: &str) -> Result<Option<String>> {
    match map.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(_) => text(map, at, key).map(Some),
    }
}

/// A decimal written as a string (`"70"`, `"0.5"`) or an integer; a fractional JSON number is
/// refused (it has already become a binary float).
fn decimal(v: &Value, at: &str, key: &str) -> Result<Decimal> {
    let s = match v {
        Value::String(s) => s.trim().to_owned(),
        Value::Number(n) if n.is_i64() || n.is_u64() => n.to_string(),
        other => {
            return Err(bad(
                at,
                key,
                &shown(other),
                "expected a decimal as a string (\"70\", \"0.5\") or an integer",
            ));
        }
    };
    let d = Decimal::from_str(&s).map_err(|e| bad(at, key, &s, format!("not a decimal: {e}")))?;
    if d.is_sign_negative() {
        return Err(bad(at, key, &s, "must be 0 or more"));
    }
    Ok(d)
}

fn weight(map: &Map<String, Value>, at: &str) -> Result<Weight> {
    match map.get("weight") {
        Some(Value::String(s)) if matches!(s.trim(), "unknown" | "user-supplied" | "未公开") => {
            Ok(Weight::Unknown)
        }
        Some(v) => decimal(v, at, "weight").map(Weight::Known),
        None => Err(bad(
            at,
            "weight",
            "",
            "missing: give a decimal or \"unknown\" where it was never published",
        )),
    }
}

fn offset(map: &Map<String, Value>, at: &str) -> Result<i32> {
    match map.get("offset") {
        None => Ok(0),
        Some(v) => v
            .as_i64()
            .and_then(|n| i32::try_from(n).ok())
            .filter(|n| (-5..=5).contains(n))
            .ok_or_else(|| bad(at, "offset", &shown(v), "expected an integer from -5 to 5")),
    }
}

fn strings(map: &Map<String, Value>, at: &str, key: &str) -> Result<Vec<String>> {
    let items = map
        .get(key)
        .and_then(Value::as_array)
        .filter(|a| !a.is_empty())
        .ok_or_else(|| bad(at, key, "", "expected a non-empty array of strings"))?;
    items
        .iter()
        .map(|v| match v {
            Value::String(s) if !s.trim().is_empty() => Ok(s.trim().to_owned()),
            other => Err(bad(at, key, &shown(other), "expected a non-empty string")),
        })
        .collect()
}

fn source(s: &str, at: &str, key: &str) -> Result<Source> {
    match s {
        "annual_report" => Ok(Source::AnnualReport),
        "budget" => Ok(Source::Budget),
        "final" => Ok(Source::Final),
        "extra" => Ok(Source::Extra),
        _ => Err(bad(
            at,
            key,
            s,
            "expected annual_report, budget, final or extra",
        )),
    }
}

/// The evaluator object of a leaf.
fn evaluator(v: &Value, at: &str) -> Result<Evaluator> {
    const KEYS: &[&str] = &[
        "kind",
        "max",
        "offset",
        "sources",
        "rules",
        "severity",
        "source",
        "deduct",
        "categories",
        "local",
    ];
    let at = &format!("{at}.evaluator");
    let map = object(v, at, KEYS)?;
    let max = match map.get("max") {
        Some(v) => decimal(v, at, "max")?,
        None => Decimal::ONE_HUNDRED,
    };
    if max.is_zero() {
        return Err(bad(at, "max", "0", "the maximum must be more than 0"));
    }
    let offset = offset(map, at)?;
    let kind = text(map, at, "kind")?;
    Ok(match kind.as_str() {
        "manual" => Evaluator::Manual { max },
        "annual_report_present" => Evaluator::AnnualReportPresent { max, offset },
        "annual_report_on_time" => Evaluator::AnnualReportOnTime { max, offset },
        "documents_present" => Evaluator::DocumentsPresent {
            max,
            offset,
            sources: strings(map, at, "sources")?
                .iter()
                .map(|s| source(s, at, "sources"))
                .collect::<Result<_>>()?,
        },
        "findings_absent" => findings_absent(map, at, max, offset)?,
        "catalogue_categories" => Evaluator::CatalogueCategories {
            max,
            offset,
            categories: strings(map, at, "categories")?
                .iter()
                .map(|s| Category::parse(s).map_err(|e| bad(at, "categories", s, e.to_string())))
                .collect::<Result<_>>()?,
            local: match map.get("local") {
                None => false,
                Some(Value::Bool(b)) => *b,
                Some(v) => return Err(bad(at, "local", &shown(v), "expected true or false")),
            },
        },
        other => {
            return Err(bad(
                at,
                "kind",
                other,
                "expected manual, annual_report_present, annual_report_on_time, documents_present, findings_absent or catalogue_categories",
            ));
        }
    })
}

fn findings_absent(
    map: &Map<String, Value>,
    at: &str,
    max: Decimal,
    offset: i32,
) -> Result<Evaluator> {
    let severity = match opt_text(map, at, "severity")? {
        None => Severity::Error,
        Some(s) => Severity::from_str(&s).map_err(|e| bad(at, "severity", &s, e.to_string()))?,
    };
    let deduct = match map.get("deduct") {
        None | Some(Value::Null) => None,
        Some(v) => Some(decimal(v, at, "deduct")?),
    };
    Ok(Evaluator::FindingsAbsent {
        max,
        rules: strings(map, at, "rules")?,
        severity,
        source: source(&text(map, at, "source")?, at, "source")?,
        deduct,
        offset,
    })
}

/// One indicator and its children; ids collected to refuse duplicates.
fn indicator(v: &Value, at: &str, depth: usize, ids: &mut BTreeSet<String>) -> Result<Indicator> {
    const KEYS: &[&str] = &[
        "id",
        "name_zh",
        "name_en",
        "weight",
        "origin",
        "note",
        "children",
        "evaluator",
    ];
    let map = object(v, at, &[])?;
    let id = text(map, at, "id")?;
    let at = id.as_str();
    only(map, at, KEYS)?;
    if !ids.insert(id.clone()) {
        return Err(bad(at, "id", at, "duplicate indicator id"));
    }
    if depth > 6 {
        return Err(bad(at, "children", "", "indicators nest at most 6 levels"));
    }
    let origin = match opt_text(map, at, "origin")?.as_deref() {
        None | Some("published") => Origin::Published,
        Some("sunlit") => Origin::Sunlit,
        Some(o) => return Err(bad(at, "origin", o, "expected published or sunlit")),
    };
    let children = match map.get("children") {
        None => Vec::new(),
        Some(Value::Array(items)) if !items.is_empty() => items
            .iter()
            .map(|c| indicator(c, at, depth + 1, ids))
            .collect::<Result<_>>()?,
        Some(other) => {
            return Err(bad(
                at,
                "children",
                &shown(other),
                "expected a non-empty array",
            ));
        }
    };
    let evaluator = map.get("evaluator").map(|e| evaluator(e, at)).transpose()?;
    if children.is_empty() == evaluator.is_none() {
        return Err(bad(
            at,
            "evaluator",
            "",
            "an indicator has either children or an evaluator (a leaf), not both and not neither",
        ));
    }
    Ok(Indicator {
        weight: weight(map, at)?,
        name_zh: text(map, at, "name_zh")?,
        name_en: text(map, at, "name_en")?,
        note: opt_text(map, at, "note")?,
        id,
        origin,
        children,
        evaluator,
    })
}

impl Scheme {
    /// Read a scheme from JSON text: `id`, `version`, `name_zh`, `name_en`, `source`, `total`
    /// (default 100) and `indicators`, each with `id`, `name_zh`, `name_en`, `weight` (a decimal
    /// string, or `"unknown"` where never published), optional `origin` and `note`, and either
    /// `children` or an `evaluator` (docs/scoring.md). Errors name the indicator and key.
    ///
    /// ```
    /// use sunlit::scoring::Scheme;
    /// let s = Scheme::from_json(r#"{"id":"t","version":"1","name_zh":"测","name_en":"t","source":"-",
    ///   "indicators":[{"id":"a","name_zh":"甲","name_en":"a","weight":"1",
    ///                  "evaluator":{"kind":"manual","max":"10"}}]}"#)?;
    /// assert_eq!(s.indicators().len(), 1);
    /// let err = Scheme::from_json(r#"{"id":"t","version":"1","name_zh":"测","name_en":"t","source":"-",
    ///   "indicators":[{"id":"a","name_zh":"甲","name_en":"a","weight":"heavy",
    ///                  "evaluator":{"kind":"manual"}}]}"#).unwrap_err();
    /// assert!(err.to_string().contains("a.weight"));
    /// # Ok::<(), sunlit::Error>(())
    /// ```
    pub fn from_json(json: &str) -> Result<Scheme> {
        let v = crate::io::parse_json_with(json, &Limits::default())?;
        let at = "scheme";
        let map = object(
            &v,
            at,
            &[
                "id",
                "version",
                "name_zh",
                "name_en",
                "source",
                "total",
                "indicators",
            ],
        )?;
        let total = match map.get("total") {
            Some(t) => decimal(t, at, "total")?,
            None => Decimal::ONE_HUNDRED,
        };
        let mut ids = BTreeSet::new();
        let indicators = match map.get("indicators") {
            Some(Value::Array(items)) if !items.is_empty() => items
                .iter()
                .map(|c| indicator(c, at, 1, &mut ids))
                .collect::<Result<Vec<_>>>()?,
            other => {
                return Err(bad(
                    at,
                    "indicators",
                    &other.map(shown).unwrap_or_default(),
                    "expected a non-empty array",
                ));
            }
        };
        Ok(Scheme {
            id: text(map, at, "id")?,
            version: text(map, at, "version")?,
            name_zh: text(map, at, "name_zh")?,
            name_en: text(map, at, "name_en")?,
            source: text(map, at, "source")?,
            total,
            indicators,
        })
    }

    /// Read a scheme from a JSON file (UTF-8).
    ///
    /// ```
    /// let err = sunlit::scoring::Scheme::from_path("/no/such/scheme.json").unwrap_err();
    /// assert!(matches!(err, sunlit::Error::File { .. }));
    /// ```
    pub fn from_path(path: impl AsRef<Path>) -> Result<Scheme> {
        let text = crate::io::read_json_file(path.as_ref(), &Limits::default())?;
        Scheme::from_json(&text)
    }

    /// A shipped scheme by id ([`EMBEDDED`](super::EMBEDDED)): `cass-2022` or `xianning-2023`.
    ///
    /// ```
    /// assert!(sunlit::scoring::Scheme::embedded("xianning-2023").is_ok());
    /// let err = sunlit::scoring::Scheme::embedded("beijing-2099").unwrap_err();
    /// assert!(err.to_string().contains("cass-2022"));
    /// ```
    pub fn embedded(id: &str) -> Result<Scheme> {
        let (_, json) = super::EMBEDDED
            .iter()
            .find(|(k, _)| *k == id)
            .ok_or_else(|| Error::Field {
                field: "scheme",
                value: id.to_owned(),
                reason: format!(
                    "no embedded scheme of that id; expected one of {}",
                    super::EMBEDDED
                        .iter()
                        .map(|(k, _)| *k)
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            })?;
        Scheme::from_json(json)
    }
}
