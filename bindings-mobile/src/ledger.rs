//! Budget ledgers, roll-ups and comparisons.

use std::sync::Arc;

use rust_decimal::Decimal;
use sunlit::budget::{Book, GroupKey, Hierarchy, Nature, Phase, Subtotals};

use crate::errors::{Result, SunlitError};
use crate::input::{InputOptions, core_options, strict_options};
use crate::progress::{ProgressListener, with_listener};
use sunlit::Finding;

/// One budget line. Codes are given as text and checked by the core.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct LedgerLine {
    /// Budget year.
    pub year: i32,
    /// Book.
    pub book: Book,
    /// Phase.
    pub phase: Phase,
    /// Department or unit.
    pub unit: String,
    /// Functional code (whole).
    pub functional: String,
    /// Economic code, if any.
    #[uniffi(default = None)]
    pub economic: Option<String>,
    /// Nature.
    pub nature: Nature,
    /// Fund source, if any.
    #[uniffi(default = None)]
    pub source: Option<String>,
    /// Amount in 元.
    pub amount: Decimal,
}

/// A dimension value to filter on, as text (`nature` = `basic`, `year` = `2026`; blank = none).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct GroupFilter {
    /// The dimension.
    pub key: GroupKey,
    /// Its value as text.
    pub value: String,
}

/// Options of a roll-up.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct RollupOptions {
    /// Group by these dimensions.
    #[uniffi(default = [])]
    pub by: Vec<GroupKey>,
    /// Which tree to climb (null: functional).
    #[uniffi(default = None)]
    pub hierarchy: Option<Hierarchy>,
    /// What to do with lines at two levels of one branch (null: reject).
    #[uniffi(default = None)]
    pub subtotals: Option<Subtotals>,
}

impl From<RollupOptions> for sunlit::RollupOptions {
    fn from(o: RollupOptions) -> Self {
        sunlit::RollupOptions {
            by: o.by,
            hierarchy: o.hierarchy.unwrap_or_default(),
            subtotals: o.subtotals.unwrap_or_default(),
        }
    }
}

/// One node of a roll-up.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct RollupRecord {
    /// The group's dimension values.
    pub group: Vec<GroupFilter>,
    /// The code.
    pub code: String,
    /// Its level (1 = 类).
    pub level: u8,
    /// Its name in the catalogue of the group's year, if known.
    pub name: Option<String>,
    /// Amount at or under the code.
    pub amount: Decimal,
}

/// Options of a comparison.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct CompareOptions {
    /// The two sides.
    pub axis: sunlit::budget::CompareAxis,
    /// How each side is rolled up.
    pub rollup: RollupOptions,
    /// Decimal places of the percentages, half up (null: the core's default, 2).
    #[uniffi(default = None)]
    pub places: Option<u32>,
}

/// One code of a comparison.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct ComparisonRow {
    /// Group values.
    pub group: Vec<GroupFilter>,
    /// Code.
    pub code: String,
    /// Level.
    pub level: u8,
    /// Base amount (null: nothing there, not zero).
    pub base: Option<Decimal>,
    /// Target amount.
    pub target: Option<Decimal>,
    /// target − base.
    pub difference: Option<Decimal>,
    /// target ÷ base × 100.
    pub rate: Option<Decimal>,
    /// (target − base) ÷ base × 100.
    pub growth: Option<Decimal>,
}

fn filters(f: &[GroupFilter]) -> Result<Vec<sunlit::budget::GroupValue>> {
    f.iter()
        .map(|g| sunlit::budget::GroupValue::parse(g.key, &g.value).map_err(SunlitError::from))
        .collect()
}

fn group_filters(by: &[GroupKey], values: &[sunlit::budget::GroupValue]) -> Vec<GroupFilter> {
    by.iter()
        .zip(values)
        .map(|(k, v)| GroupFilter {
            key: *k,
            value: v.text(),
        })
        .collect()
}

/// A budget ledger.
#[derive(Debug, uniffi::Object)]
pub struct Ledger(pub(crate) sunlit::Ledger);

pub(crate) fn wrap(l: sunlit::Ledger) -> Arc<Ledger> {
    Arc::new(Ledger(l))
}

constructors! { Ledger {
    /// Parse ledger CSV text (header
    /// year,book,phase,unit,functional,economic,nature,source,amount). `options` sets the
    /// limits; lenient quoting needs `ledgerFromCsvWith`.
    #[uniffi::constructor(default(options = None))]
    fn from_csv(text: String, options: Option<InputOptions>) -> Result<Arc<Ledger>> = {
        let opts = strict_options(options, "ledgerFromCsvWith")?;
        Ok(wrap(sunlit::Ledger::read_csv_with(text.as_bytes(), &opts)?.0))
    };
    /// Read a ledger CSV file; `options` sets the limits. `listener` is told how far a long
    /// load has got (`ProgressListener.onProgress(bytesRead, fileSize)`); an exception it throws
    /// becomes `SunlitException.Other` once the load is over.
    #[uniffi::constructor(default(options = None, listener = None))]
    fn read_csv(
        path: String,
        options: Option<InputOptions>,
        listener: Option<Arc<dyn ProgressListener>>,
    ) -> Result<Arc<Ledger>> = {
        let opts = strict_options(options, "ledgerFromCsvWith")?;
        let Some(listener) = listener else {
            return Ok(wrap(sunlit::Ledger::read_csv_path_with(&path, &opts)?.0));
        };
        let (ledger, _) = with_listener(listener.as_ref(), |tell| {
            sunlit::Ledger::read_csv_path_with_progress(&path, &opts, tell)
        })?;
        Ok(wrap(ledger))
    };
    /// Parse a ledger JSON array; `options` sets the limits. A duplicate key is an error.
    #[uniffi::constructor(default(options = None))]
    fn from_json(text: String, options: Option<InputOptions>) -> Result<Arc<Ledger>> =
        Ok(wrap(sunlit::Ledger::from_json_with(&text, &core_options(options)?)?));
    /// The lines of every part, one after another (e.g. compacted parts of a roll-up).
    #[uniffi::constructor]
    fn concat(parts: Vec<Arc<Ledger>>) -> Result<Arc<Ledger>> =
        Ok(wrap(sunlit::Ledger::concat(parts.iter().map(|p| &p.0))?));
    /// Build a ledger from records; errors name the 1-based record as `line`.
    #[uniffi::constructor]
    fn from_records(lines: Vec<LedgerLine>) -> Result<Arc<Ledger>> = {
        let mut ledger = sunlit::Ledger::with_capacity(lines.len());
        for (i, l) in lines.into_iter().enumerate() {
            let line = i as u64 + 1;
            let record = sunlit::budget::LineRecord {
                year: l.year.to_string(),
                book: l.book.id().to_owned(),
                phase: l.phase.id().to_owned(),
                unit: l.unit,
                functional: l.functional,
                economic: l.economic.unwrap_or_default(),
                nature: l.nature.id().to_owned(),
                source: l.source.unwrap_or_default(),
                amount: sunlit::money::format_amount(l.amount),
            };
            ledger.push(record.parse(line)?).map_err(|e| e.at(line, ""))?;
        }
        Ok(wrap(ledger))
    };
}}

methods! { Ledger(l) {
    /// Number of lines.
    fn len() -> u64 = l.0.len() as u64;
    /// Lines equal in every dimension added into one: the mergeable partial result of a
    /// roll-up (`Ledger.concat` of compacted parts rolls up to exactly the whole).
    fn compact() -> Result<Arc<Ledger>> = Ok(wrap(l.0.compact()?));
    /// Whether there are no lines.
    fn is_empty() -> bool = l.0.is_empty();
    /// The lines.
    fn lines() -> Vec<LedgerLine> = l.0.iter().map(|l| LedgerLine {
        year: l.year,
        book: l.book,
        phase: l.phase,
        unit: l.unit.to_owned(),
        functional: l.functional.to_string(),
        economic: l.economic.map(|c| c.to_string()),
        nature: l.nature,
        source: l.source.map(str::to_owned),
        amount: l.amount,
    }).collect();
    /// The ledger as CSV text.
    fn to_csv() -> Result<String> = Ok(l.0.to_csv_string()?);
    /// The ledger as JSON.
    fn to_json() -> String = l.0.to_json();
    /// The lines matching every filter (and under a functional code, if given).
    fn select(filters: Vec<GroupFilter>, under: Option<String>) -> Result<Arc<Ledger>> = {
        let under = under.map(|u| sunlit::Code::functional(&u)).transpose()?;
        Ok(wrap(l.0.select(&sunlit::budget::Selection { values: self::filters(&filters)?, under })))
    };
    /// Roll the lines up the classification tree.
    fn rollup(options: RollupOptions) -> Result<Arc<Rollup>> =
        Ok(Arc::new(Rollup(l.0.rollup(&options.into())?)));
    /// Compare two phases or two years, code by code.
    fn compare(options: CompareOptions) -> Result<Vec<ComparisonRow>> = {
        let by = options.rollup.by.clone();
        let mut opts = sunlit::budget::CompareOptions::new(options.axis);
        opts.rollup = options.rollup.into();
        opts.places = options.places.unwrap_or(opts.places);
        Ok(l.0.compare(&opts)?.rows.into_iter().map(|r| ComparisonRow {
            group: group_filters(&by, &r.group),
            code: r.code.to_string(),
            level: r.level,
            base: r.base,
            target: r.target,
            difference: r.difference,
            rate: r.rate,
            growth: r.growth,
        }).collect())
    };
    /// The ledger as a Fiscal Data Package (descriptor and CSV), names from the embedded seed.
    fn fiscal_data_package(name: String, title: Option<String>)
        -> Result<sunlit::fdp::FiscalDataPackage> =
        l.package(name, title);
    /// Write the Fiscal Data Package into `directory`; returns the path of datapackage.json.
    fn write_fiscal_data_package(directory: String, name: String, title: Option<String>)
        -> Result<String> =
        Ok(l.package(name, title)?.write(&directory)?.display().to_string());
    /// Codes missing from the embedded seed catalogue (or `year`'s), as findings.
    fn check_catalog(year: Option<i32>, economic: bool) -> Vec<Finding> = sunlit::Catalog::seed()
        .check_ledger(&l.0, &sunlit::catalog::CatalogCheckOptions { year, economic })
        .into_vec();
}}

impl Ledger {
    fn package(
        &self,
        name: String,
        title: Option<String>,
    ) -> Result<sunlit::fdp::FiscalDataPackage> {
        let opts = sunlit::fdp::FdpOptions {
            name,
            title,
            ..Default::default()
        };
        Ok(self
            .0
            .to_fiscal_data_package(sunlit::Catalog::seed(), &opts)?)
    }
}

/// The result of a roll-up.
#[derive(Debug, uniffi::Object)]
pub struct Rollup(sunlit::Rollup);

impl Rollup {
    fn code(&self, code: &str) -> Result<sunlit::Code> {
        Ok(match self.0.hierarchy() {
            Hierarchy::Functional => sunlit::Code::functional(code)?,
            Hierarchy::Economic => sunlit::Code::economic(code)?,
        })
    }
}

methods! { Rollup(r) {
    /// Amount at a code over the groups matching the filters; null when nothing is there.
    fn amount(code: String, filters: Vec<GroupFilter>) -> Result<Option<Decimal>> =
        Ok(r.0.amount(r.code(&code)?, &self::filters(&filters)?)?);
    /// Total (sum of the 类) over the groups matching the filters.
    fn total(filters: Vec<GroupFilter>) -> Result<Option<Decimal>> =
        Ok(r.0.total(&self::filters(&filters)?)?);
    /// Every node with its name from the embedded seed catalogue.
    fn records() -> Vec<RollupRecord> =
        r.0.records(sunlit::Catalog::seed()).into_iter().map(|n| RollupRecord {
        group: group_filters(r.0.by(), &n.group),
        code: n.code.to_string(),
        level: n.level,
        name: n.name,
        amount: n.amount,
    }).collect();
    /// Findings of the subtotal check.
    fn findings() -> Vec<Finding> = r.0.findings().as_slice().to_vec();
}}
