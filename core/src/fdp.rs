//! Fiscal Data Package export (OpenSpending, v0.3 "model" style; fiscal.md §3.1): a ledger as a
//! tabular data package — `datapackage.json` plus one CSV — with a `model` declaring the
//! measures (one per phase, with currency, factor, direction and phase) and the dimensions
//! (fiscal year, administrative unit, book, functional 类/款/项 and economic 类/款 as attributes
//! linked by `parent`, nature, fund source).
//!
//! Chinese codes are prefix-concatenated (2080505 under 20805 under 208), which does not fit the
//! dotted code values the spec recommends, so each level is its own attribute and column
//! (`functional_lei`, `functional_kuan`, `functional_xiang`), with names from a catalogue as
//! `labelfor` attributes. Amounts are plain exact digits in 元 (`factor` 1): the scale lives in
//! the model, never in the values.
//!
//! ```
//! use sunlit::fdp::FdpOptions;
//! use sunlit::{Catalog, Ledger};
//! let package = Ledger::new().to_fiscal_data_package(Catalog::seed(), &FdpOptions::default())?;
//! assert_eq!(package.resource_path, "ledger.csv");
//! assert!(package.descriptor.contains("\"model\""));
//! # Ok::<(), sunlit::Error>(())
//! ```

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rust_decimal::Decimal;
use serde_json::{Map, Value, json};

use crate::budget::{Book, Ledger, Nature, Phase};
use crate::catalog::Catalog;
use crate::classification::Code;
use crate::error::{Error, Result};
use crate::io::{write_err, write_string};
use crate::money::format_amount;

/// Options of [`Ledger::to_fiscal_data_package`].
///
/// ```
/// let o = sunlit::fdp::FdpOptions::default();
/// assert_eq!((o.name.as_str(), o.currency.as_str(), o.country.as_str()), ("sunlit-ledger", "CNY", "CN"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FdpOptions {
    /// The package name (lower case, `-`, `_`, `.` and digits).
    pub name: String,
    /// A human title.
    pub title: Option<String>,
    /// The resource name; the CSV is `<resource>.csv`.
    pub resource: String,
    /// ISO 4217 currency of the amounts.
    pub currency: String,
    /// ISO 3166-1 alpha-2 country code.
    pub country: String,
}

impl Default for FdpOptions {
    fn default() -> FdpOptions {
        FdpOptions {
            name: "sunlit-ledger".to_owned(),
            title: None,
            resource: "ledger".to_owned(),
            currency: "CNY".to_owned(),
            country: "CN".to_owned(),
        }
    }
}

/// A Fiscal Data Package in memory: the descriptor and the data file.
///
/// ```
/// let p = sunlit::Ledger::new().to_fiscal_data_package(sunlit::Catalog::seed(), &Default::default()).unwrap();
/// assert_eq!(p.resource_path, "ledger.csv");
/// assert!(p.descriptor.contains("\"model\""));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct FiscalDataPackage {
    /// `datapackage.json`.
    pub descriptor: String,
    /// The CSV data.
    pub csv: String,
    /// The CSV's file name, relative to the descriptor.
    pub resource_path: String,
}

impl FiscalDataPackage {
    /// Write `datapackage.json` and the CSV into `dir` (created if missing); returns the
    /// descriptor's path.
    ///
    /// ```
    /// let p = sunlit::Ledger::new().to_fiscal_data_package(sunlit::Catalog::seed(), &Default::default()).unwrap();
    /// assert!(p.write("/proc/no/such/dir").is_err());
    /// assert!(p.write("").is_err()); // an empty path names no directory
    /// ```
    pub fn write(&self, dir: impl AsRef<Path>) -> Result<PathBuf> {
        let dir = dir.as_ref();
        if dir.as_os_str().is_empty() {
            return Err(Error::File {
                kind: std::io::ErrorKind::InvalidInput,
                path: String::new(),
                reason: "an empty path names no directory; give the directory to write into"
                    .to_owned(),
            });
        }
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, &e))?;
        let data = dir.join(&self.resource_path);
        crate::io::write_bytes(&data, self.csv.as_bytes())?;
        let descriptor = dir.join("datapackage.json");
        crate::io::write_bytes(&descriptor, self.descriptor.as_bytes())?;
        Ok(descriptor)
    }
}

/// The FDP phase of a ledger phase.
fn fdp_phase(p: Phase) -> &'static str {
    match p {
        Phase::Budget => "approved",
        Phase::Adjusted => "adjusted",
        Phase::Final => "executed",
    }
}

type Key = (
    i32,
    String,
    Book,
    Code,
    Option<Code>,
    Nature,
    Option<String>,
);

const LEVELS: [(&str, u8); 3] = [("lei", 1), ("kuan", 2), ("xiang", 3)];
/// The economic classification has two levels (类/款).
const ECONOMIC_LEVELS: [(&str, u8); 2] = [("lei", 1), ("kuan", 2)];

impl Ledger {
    /// The ledger as a Fiscal Data Package: one CSV row per (year, unit, book, functional code,
    /// economic code, nature, source) with one measure column per phase present (`approved` =
    /// 预算, `adjusted` = 调整预算, `executed` = 决算; lines of the same key and phase are added
    /// exactly), direction `expenditure`, and the classification levels as separate attributes
    /// named from `catalog` (blank when it lacks the code). Validate it with `frictionless
    /// validate datapackage.json`.
    ///
    /// ```
    /// use sunlit::{Catalog, Ledger, fdp::FdpOptions};
    /// let ledger = Ledger::read_csv_str("year,book,phase,unit,functional,economic,nature,source,amount\n\
    ///     2026,general,budget,u,2080505,30108,basic,,2302464\n2026,general,final,u,2080505,30108,basic,,2300000.50\n").unwrap();
    /// let p = ledger.to_fiscal_data_package(Catalog::seed(), &FdpOptions::default()).unwrap();
    /// let mut lines = p.csv.lines();
    /// assert!(lines.next().unwrap().ends_with(",nature,source,approved,executed"));
    /// assert!(lines.next().unwrap().ends_with(",basic,,2302464,2300000.50"));
    /// assert!(p.descriptor.contains("\"phase\": \"executed\""));
    /// // Two lines of one key and phase whose exact sum does not fit 28 digits: an error.
    /// let max = sunlit::Decimal::MAX;
    /// let huge = Ledger::read_csv_str(&format!("year,book,phase,unit,functional,economic,nature,source,amount\n\
    ///     2026,general,budget,u,2080505,,basic,,{max}\n2026,general,budget,u,2080505,,basic,,{max}\n")).unwrap();
    /// assert!(matches!(huge.to_fiscal_data_package(Catalog::seed(), &FdpOptions::default()),
    ///     Err(sunlit::Error::Overflow { .. })));
    /// ```
    pub fn to_fiscal_data_package(
        &self,
        catalog: &Catalog,
        opts: &FdpOptions,
    ) -> Result<FiscalDataPackage> {
        let totals = Totals::of(self)?;
        let measures = totals.measures();
        let header = header(&measures);
        let csv = data_csv(&header, &totals.rows, &measures, catalog)?;
        let descriptor = descriptor(opts, &header, &measures, totals.years)?;
        Ok(FiscalDataPackage {
            descriptor,
            csv,
            resource_path: format!("{}.csv", opts.resource),
        })
    }
}

/// A ledger's amounts added per key and phase, with the phases present and the years spanned.
struct Totals {
    /// One entry per key: the exact sum of each phase (indexed as [`Phase::ALL`]).
    rows: BTreeMap<Key, [Option<Decimal>; 3]>,
    /// Which phases (indexed as [`Phase::ALL`]) have at least one line.
    phases: [bool; 3],
    /// The first and last fiscal year, if the ledger has lines.
    years: Option<(i32, i32)>,
}

impl Totals {
    /// Add the ledger's lines of the same key and phase exactly (an overflow is an error).
    fn of(ledger: &Ledger) -> Result<Totals> {
        let mut t = Totals {
            rows: BTreeMap::new(),
            phases: [false; 3],
            years: None,
        };
        for l in ledger.iter() {
            let key: Key = (
                l.year,
                l.unit.to_owned(),
                l.book,
                l.functional,
                l.economic,
                l.nature,
                l.source.map(str::to_owned),
            );
            let p = Phase::ALL.iter().position(|p| *p == l.phase).unwrap_or(0);
            if let Some(flag) = t.phases.get_mut(p) {
                *flag = true;
            }
            let slot = t.rows.entry(key).or_default();
            if let Some(cell) = slot.get_mut(p) {
                let acc = cell.unwrap_or(Decimal::ZERO);
                *cell = Some(
                    acc.checked_add(l.amount)
                        .ok_or_else(|| Error::overflow("fiscal data package amount"))?,
                );
            }
            t.years = Some(match t.years {
                None => (l.year, l.year),
                Some((a, b)) => (a.min(l.year), b.max(l.year)),
            });
        }
        Ok(t)
    }

    /// The phases present, in [`Phase::ALL`] order, with their index: one measure each.
    fn measures(&self) -> Vec<(usize, Phase)> {
        Phase::ALL
            .iter()
            .enumerate()
            .filter(|(i, _)| self.phases.get(*i).copied().unwrap_or(false))
            .map(|(i, p)| (i, *p))
            .collect()
    }
}

/// The CSV header: dimensions, classification levels with their names, then one column per measure.
fn header(measures: &[(usize, Phase)]) -> Vec<String> {
    let mut header: Vec<String> = vec!["fiscal_year".into(), "admin".into(), "book".into()];
    for (name, _) in LEVELS {
        header.push(format!("functional_{name}"));
        header.push(format!("functional_{name}_name"));
    }
    for (name, _) in ECONOMIC_LEVELS {
        header.push(format!("economic_{name}"));
        header.push(format!("economic_{name}_name"));
    }
    header.extend(["nature".to_owned(), "source".to_owned()]);
    header.extend(measures.iter().map(|(_, p)| fdp_phase(*p).to_owned()));
    header
}

/// The data CSV: the header, then one record per key.
fn data_csv(
    header: &[String],
    rows: &BTreeMap<Key, [Option<Decimal>; 3]>,
    measures: &[(usize, Phase)],
    catalog: &Catalog,
) -> Result<String> {
    write_string(|buf| {
        let mut w = csv::Writer::from_writer(buf);
        w.write_record(header).map_err(write_err)?;
        for (key, amounts) in rows {
            w.write_record(record(key, amounts, measures, catalog))
                .map_err(write_err)?;
        }
        w.flush().map_err(write_err)
    })
}

/// One CSV record: the key's columns, each classification level with its catalogue name, and the
/// amount of each measure (blank when the key has no line of that phase).
fn record(
    (year, unit, book, functional, economic, nature, source): &Key,
    amounts: &[Option<Decimal>; 3],
    measures: &[(usize, Phase)],
    catalog: &Catalog,
) -> Vec<String> {
    let mut rec = vec![year.to_string(), unit.clone(), book.id().to_owned()];
    for (_, level) in LEVELS {
        push_level(&mut rec, functional.at_level(level), catalog, *year);
    }
    for (_, level) in ECONOMIC_LEVELS {
        push_level(
            &mut rec,
            economic.and_then(|e| e.at_level(level)),
            catalog,
            *year,
        );
    }
    rec.push(nature.id().to_owned());
    rec.push(source.clone().unwrap_or_default());
    for (i, _) in measures {
        rec.push(
            amounts
                .get(*i)
                .copied()
                .flatten()
                .map(format_amount)
                .unwrap_or_default(),
        );
    }
    rec
}

/// Push a classification level's code and its catalogue name (both blank when missing).
fn push_level(rec: &mut Vec<String>, c: Option<Code>, catalog: &Catalog, year: i32) {
    rec.push(c.map(|c| c.to_string()).unwrap_or_default());
    rec.push(
        c.and_then(|c| catalog.name(c, year))
            .unwrap_or("")
            .to_owned(),
    );
}

/// The resource schema's fields: `fiscal_year` an integer, measures numbers, the rest strings.
fn schema_fields(header: &[String], measures: &[(usize, Phase)]) -> Vec<Value> {
    header
        .iter()
        .map(|h| {
            let ty = if h == "fiscal_year" {
                "integer"
            } else if measures.iter().any(|(_, p)| fdp_phase(*p) == h) {
                "number"
            } else {
                "string"
            };
            json!({"name": h, "type": ty})
        })
        .collect()
}

/// The model's measures: one per phase present, in 元 (`factor` 1), direction `expenditure`.
fn model_measures(measures: &[(usize, Phase)], opts: &FdpOptions) -> Map<String, Value> {
    let mut model_measures = Map::new();
    for (_, p) in measures {
        let id = fdp_phase(*p);
        model_measures.insert(
            id.to_owned(),
            json!({
                "source": id,
                "resource": opts.resource,
                "currency": opts.currency,
                "factor": 1,
                "direction": "expenditure",
                "phase": id,
                "title": p.name_zh(),
            }),
        );
    }
    model_measures
}

/// A classification dimension: one attribute per level linked to the level above by `parent`,
/// each with its `labelfor` name attribute.
fn hierarchy(scheme: &str, levels: &[(&str, u8)]) -> Value {
    let mut attrs = Map::new();
    let mut previous: Option<String> = None;
    for (name, _) in levels {
        let code = format!("{scheme}_{name}");
        let mut a = json!({"source": code});
        if let (Some(p), Some(obj)) = (&previous, a.as_object_mut()) {
            obj.insert("parent".to_owned(), Value::String(p.clone()));
        }
        attrs.insert(code.clone(), a);
        attrs.insert(
            format!("{code}_name"),
            json!({"source": format!("{code}_name"), "labelfor": code}),
        );
        previous = Some(code);
    }
    let keys: Vec<String> = levels
        .iter()
        .map(|(n, _)| format!("{scheme}_{n}"))
        .collect();
    json!({
        "dimensionType": "classification",
        "classificationType": scheme,
        "attributes": attrs,
        "primaryKey": keys,
    })
}

/// `datapackage.json`: the resource with its schema, the model, the title and the fiscal period.
fn descriptor(
    opts: &FdpOptions,
    header: &[String],
    measures: &[(usize, Phase)],
    years: Option<(i32, i32)>,
) -> Result<String> {
    let fields = schema_fields(header, measures);
    let model_measures = model_measures(measures, opts);
    let (start, end) = years.unwrap_or((0, 0));
    let mut descriptor = json!({
        "name": opts.name,
        "profile": "tabular-data-package",
        "countryCode": opts.country,
        "granularity": "aggregated",
        "resources": [{
            "name": opts.resource,
            "path": format!("{}.csv", opts.resource),
            "profile": "tabular-data-resource",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "schema": {"fields": fields, "missingValues": [""]},
        }],
        "model": {
            "measures": model_measures,
            "dimensions": {
                "fiscal-year": {"dimensionType": "datetime", "attributes": {"fiscal_year": {"source": "fiscal_year"}}, "primaryKey": "fiscal_year"},
                "administrative-classification": {"dimensionType": "classification", "classificationType": "administrative", "attributes": {"admin": {"source": "admin"}}, "primaryKey": "admin"},
                "book": {"dimensionType": "other", "attributes": {"book": {"source": "book"}}, "primaryKey": "book"},
                "functional-classification": hierarchy("functional", &LEVELS),
                "economic-classification": hierarchy("economic", &ECONOMIC_LEVELS),
                "nature": {"dimensionType": "other", "attributes": {"nature": {"source": "nature"}}, "primaryKey": "nature"},
                "source": {"dimensionType": "other", "attributes": {"source": {"source": "source"}}, "primaryKey": "source"},
            },
        },
    });
    if let Some(obj) = descriptor.as_object_mut() {
        if let Some(t) = &opts.title {
            obj.insert("title".to_owned(), Value::String(t.clone()));
        }
        if years.is_some() {
            obj.insert(
                "fiscalPeriod".to_owned(),
                json!({"start": format!("{start:04}-01-01"), "end": format!("{end:04}-12-31")}),
            );
        }
    }
    serde_json::to_string_pretty(&descriptor).map_err(|e| Error::File {
        kind: std::io::ErrorKind::Other,
        path: "datapackage.json".to_owned(),
        reason: e.to_string(),
    })
}
