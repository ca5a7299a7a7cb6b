//! Published budget and final-account tables, disclosure documents and their checks.

use std::sync::Arc;

use rust_decimal::Decimal;
use sunlit::{Finding, tables::TableKind};

use crate::errors::Result;
use crate::input::{InputOptions, core_options, strict_options};
use crate::ledger::Ledger;
use crate::money::AmountUnit;

/// The rounding step of printed cells per unit; null = exact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Record)]
pub struct Tolerance {
    /// Step of cells in 元.
    pub yuan: Option<Decimal>,
    /// Step of cells in 万元.
    pub wan_yuan: Option<Decimal>,
    /// Step of cells in 亿元.
    pub yi_yuan: Option<Decimal>,
}

impl From<Tolerance> for sunlit::money::ToleranceOptions {
    fn from(t: Tolerance) -> Self {
        sunlit::money::ToleranceOptions {
            yuan: t.yuan,
            wan_yuan: t.wan_yuan,
            yi_yuan: t.yi_yuan,
        }
    }
}

impl From<sunlit::money::ToleranceOptions> for Tolerance {
    fn from(t: sunlit::money::ToleranceOptions) -> Self {
        Tolerance {
            yuan: t.yuan,
            wan_yuan: t.wan_yuan,
            yi_yuan: t.yi_yuan,
        }
    }
}

#[uniffi::export]
impl Tolerance {
    /// The rounding step of cells printed in `unit` (zero when exact).
    pub fn step(&self, unit: AmountUnit) -> Result<Decimal> {
        Ok(sunlit::money::ToleranceOptions::from(*self).step(unit))
    }

    /// How far apart `cells` cells printed in `unit` may be through rounding alone: half a step
    /// each.
    pub fn allowed(&self, unit: AmountUnit, cells: u32) -> Result<Decimal> {
        Ok(sunlit::money::ToleranceOptions::from(*self).allowed(unit, cells as usize)?)
    }

    /// How far a sum of `addends` printed cells in `unit` may sit from its printed total: half a
    /// step × (addends + 1) — 0.005 × (n + 1) 万元 by default.
    pub fn sum_allowed(&self, unit: AmountUnit, addends: u32) -> Result<Decimal> {
        Ok(sunlit::money::ToleranceOptions::from(*self).sum_allowed(unit, addends as usize)?)
    }
}

/// The library's default tolerance: exact in 元, 0.01 steps in 万元 and 亿元.
#[uniffi::export]
pub fn default_tolerance() -> Tolerance {
    sunlit::money::ToleranceOptions::default().into()
}

/// Every unit exact.
#[uniffi::export]
pub fn exact_tolerance() -> Tolerance {
    sunlit::money::ToleranceOptions::exact().into()
}

/// Options of a check.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct TableCheckOptions {
    /// Check the granularity (细化程度) of detail tables (null: the core's default, yes).
    #[uniffi(default = None)]
    pub granularity: Option<bool>,
    /// Run the heuristic identities, warnings (null: the core's default, yes).
    #[uniffi(default = None)]
    pub heuristics: Option<bool>,
    /// The rounding tolerance (null: the default).
    #[uniffi(default = None)]
    pub tolerance: Option<Tolerance>,
}

impl From<TableCheckOptions> for sunlit::tables::TableCheckOptions {
    fn from(o: TableCheckOptions) -> Self {
        let d = sunlit::tables::TableCheckOptions::default();
        sunlit::tables::TableCheckOptions {
            tolerance: o.tolerance.map_or(d.tolerance, Into::into),
            granularity: o.granularity.unwrap_or(d.granularity),
            heuristics: o.heuristics.unwrap_or(d.heuristics),
        }
    }
}

/// One printed row.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct TableRow {
    /// CSV line or JSON row it was read from.
    pub line: u64,
    /// The code, or null for total and label rows.
    pub code: Option<String>,
    /// The name or label as printed.
    pub name: String,
    /// One cell per column; null = blank.
    pub cells: Vec<Option<Decimal>>,
    /// The side of a summary table the row is on: "income" (收) or "expenditure" (支); null
    /// outside summary tables.
    #[uniffi(default = None)]
    pub side: Option<String>,
}

/// What the table does not say about its ledger lines.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct TableLedgerOptions {
    /// Budget year.
    pub year: i32,
    /// Department or unit.
    pub unit: String,
    /// Book; required for all-funds tables.
    #[uniffi(default = None)]
    pub book: Option<sunlit::budget::Book>,
    /// Phase; otherwise from the kind.
    #[uniffi(default = None)]
    pub phase: Option<sunlit::budget::Phase>,
    /// Also emit the printed 类/款 subtotal rows, for a roll-up with `Subtotals.CHECK`.
    #[uniffi(default = false)]
    pub subtotals: bool,
    /// How far a leaf's parts may sit from its 合计 (null: the default tolerance).
    #[uniffi(default = None)]
    pub tolerance: Option<Tolerance>,
}

/// Recognise a printed title or file name as a table kind; null when it is none of the 18.
#[uniffi::export]
pub fn table_kind_of(title: String) -> Option<TableKind> {
    TableKind::from_title(&title)
}

/// What a printed column heading is: a column id ("total", "basic", "running_costs" …), or
/// "code", "name", "line_number" (行次 / 栏次), "group" (a merged heading over columns); null
/// when unknown.
#[uniffi::export]
pub fn heading_role_of(heading: String) -> Option<String> {
    use sunlit::tables::HeadingRole;
    sunlit::tables::HeadingRole::recognise(&heading).map(|r| {
        match r {
            HeadingRole::Column(c) => c.id(),
            HeadingRole::Code => "code",
            HeadingRole::Name => "name",
            HeadingRole::LineNumber => "line_number",
            HeadingRole::Group => "group",
        }
        .to_owned()
    })
}

/// The functional 类 code ("205") a line printed by name stands for (一、教育支出), in the
/// catalogue of `year` (null: any year); null when the name is no 类.
#[uniffi::export]
pub fn functional_class_of(name: String, year: Option<i32>) -> Option<String> {
    sunlit::catalog::functional_class_by_name(&name, year).map(|c| c.to_string())
}

/// One published table as printed.
#[derive(Debug, uniffi::Object)]
pub struct PublishedTable(pub(crate) sunlit::PublishedTable);

pub(crate) fn read_options(
    unit: AmountUnit,
    kind: Option<TableKind>,
    title: Option<String>,
) -> sunlit::tables::TableReadOptions {
    sunlit::tables::TableReadOptions {
        unit,
        kind,
        title,
        ..Default::default()
    }
}

#[uniffi::export]
impl PublishedTable {
    /// Read a table CSV file (header `code,name,<columns>` or `类,款,项,name,<columns>`);
    /// `options` sets the limits (lenient quoting needs `tableFromCsvWith`).
    #[uniffi::constructor(default(options = None))]
    pub fn read_csv(
        path: String,
        unit: AmountUnit,
        kind: Option<TableKind>,
        title: Option<String>,
        options: Option<InputOptions>,
    ) -> Result<Arc<PublishedTable>> {
        let mut opts = read_options(unit, kind, title);
        opts.input = strict_options(options, "tableFromCsvWith")?;
        Ok(Arc::new(PublishedTable(
            sunlit::PublishedTable::read_csv_path(&path, &opts)?,
        )))
    }

    /// Parse table CSV text; `options` sets the limits.
    #[uniffi::constructor(default(options = None))]
    pub fn from_csv(
        text: String,
        unit: AmountUnit,
        kind: Option<TableKind>,
        title: Option<String>,
        options: Option<InputOptions>,
    ) -> Result<Arc<PublishedTable>> {
        let mut opts = read_options(unit, kind, title);
        opts.input = strict_options(options, "tableFromCsvWith")?;
        Ok(Arc::new(PublishedTable(
            sunlit::PublishedTable::read_csv_str(&text, &opts)?,
        )))
    }

    /// Read a table JSON file; `options` sets the limits. A BOM or a non-UTF-8 (e.g. GBK) file
    /// is an Input error on line 1 saying so.
    #[uniffi::constructor(default(options = None))]
    pub fn read_json(path: String, options: Option<InputOptions>) -> Result<Arc<PublishedTable>> {
        Ok(Arc::new(PublishedTable(
            sunlit::PublishedTable::read_json_path_with(&path, &core_options(options)?)?,
        )))
    }

    /// Parse table JSON text; `options` sets the limits. A duplicate key is an error.
    #[uniffi::constructor(default(options = None))]
    pub fn from_json(text: String, options: Option<InputOptions>) -> Result<Arc<PublishedTable>> {
        Ok(Arc::new(PublishedTable(
            sunlit::PublishedTable::from_json_with(&text, &core_options(options)?)?,
        )))
    }

    /// Render a ledger (one unit, one year, one phase) into a functional table, names from the
    /// seed. For one book's table, lines of another book are refused (`SunlitException.Field`)
    /// unless `skipOtherBooks`; several units are `SunlitException.MixedDimension`.
    #[uniffi::constructor]
    pub fn from_ledger(
        ledger: Arc<Ledger>,
        options: sunlit::tables::RenderOptions,
    ) -> Result<Arc<PublishedTable>> {
        Ok(Arc::new(PublishedTable(
            sunlit::PublishedTable::from_ledger(&ledger.0, sunlit::Catalog::seed(), &options)?,
        )))
    }

    /// The kind, if known.
    pub fn kind(&self) -> Option<TableKind> {
        self.0.kind()
    }

    /// The printed title, if given.
    pub fn title(&self) -> Option<String> {
        self.0.title().map(str::to_owned)
    }

    /// The unit.
    pub fn unit(&self) -> AmountUnit {
        self.0.unit()
    }

    /// The column headings as printed.
    pub fn columns(&self) -> Vec<String> {
        self.0.columns().to_vec()
    }

    /// The rows.
    pub fn rows(&self) -> Vec<TableRow> {
        self.0
            .rows()
            .iter()
            .map(|r| TableRow {
                line: r.line,
                code: r.code.map(|c| c.to_string()),
                name: r.name.clone(),
                cells: r.cells.clone(),
                side: r.side.map(|s| s.id().to_owned()),
            })
            .collect()
    }

    /// Check the table on its own.
    pub fn check(&self, options: TableCheckOptions) -> Result<Vec<Finding>> {
        Ok(self.0.check(&options.into())?.into_vec())
    }

    /// The leaf rows as ledger lines (subtotals are not added), in 元.
    pub fn to_ledger(&self, options: TableLedgerOptions) -> Result<Arc<Ledger>> {
        let opts = sunlit::tables::TableLedgerOptions {
            year: options.year,
            unit: options.unit,
            book: options.book,
            phase: options.phase,
            subtotals: options.subtotals,
            tolerance: options.tolerance.map(Into::into).unwrap_or_default(),
        };
        Ok(Arc::new(Ledger(self.0.to_ledger(&opts)?)))
    }

    /// The table as CSV text.
    pub fn to_csv(&self) -> Result<String> {
        Ok(self.0.to_csv_string()?)
    }

    /// The table as JSON text.
    pub fn to_json(&self) -> String {
        self.0.to_json()
    }
}

/// The tables of one disclosure (one unit, one year, one phase).
#[derive(Debug, uniffi::Object)]
pub struct DisclosureDocument(sunlit::tables::DisclosureDocument);

#[uniffi::export]
impl DisclosureDocument {
    /// One table of each kind, all budget or all final-account tables.
    #[uniffi::constructor]
    pub fn new(
        tables: Vec<Arc<PublishedTable>>,
        narrative: Vec<sunlit::tables::NarrativeFigure>,
    ) -> Result<Arc<DisclosureDocument>> {
        let doc =
            sunlit::tables::DisclosureDocument::new(tables.iter().map(|t| t.0.clone()).collect())?;
        Ok(Arc::new(DisclosureDocument(doc.with_narrative(narrative))))
    }

    /// Check every table and every identity the tables allow.
    pub fn check(&self, options: TableCheckOptions) -> Result<Vec<Finding>> {
        Ok(self.0.check(&options.into())?.into_vec())
    }

    /// The tables.
    pub fn tables(&self) -> Vec<Arc<PublishedTable>> {
        self.0
            .tables()
            .iter()
            .map(|t| Arc::new(PublishedTable(t.clone())))
            .collect()
    }

    /// Budget or final (null when empty).
    pub fn phase(&self) -> Option<sunlit::budget::Phase> {
        self.0.phase()
    }

    /// The table of `kind`, or null when the document does not have it.
    pub fn table(&self, kind: TableKind) -> Option<Arc<PublishedTable>> {
        self.0
            .table(kind)
            .map(|t| Arc::new(PublishedTable(t.clone())))
    }
}
