//! Published budget and final-account tables, disclosure documents and their checks.

use std::sync::Arc;

use rust_decimal::Decimal;
use sunlit::{
    Catalog, Finding,
    tables::{HeadingRole, TableKind},
};

use crate::errors::Result;
use crate::input::{InputOptions, core_options, strict_options};
use crate::ledger::Ledger;
use crate::money::AmountUnit;

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
    pub tolerance: Option<sunlit::money::ToleranceOptions>,
}

impl From<TableCheckOptions> for sunlit::tables::TableCheckOptions {
    fn from(o: TableCheckOptions) -> Self {
        let d = sunlit::tables::TableCheckOptions::default();
        sunlit::tables::TableCheckOptions {
            tolerance: o.tolerance.unwrap_or(d.tolerance),
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
    pub tolerance: Option<sunlit::money::ToleranceOptions>,
}

functions! {
    /// Recognise a printed title or file name as a table kind; null when it is none of the 18.
    fn table_kind_of(title: String) -> Option<TableKind> = TableKind::from_title(&title);
    /// What a printed column heading is: a column id ("total", "basic", "running_costs" …), or
    /// "code", "name", "line_number" (行次 / 栏次), "group" (a merged heading over columns); null
    /// when unknown.
    fn heading_role_of(heading: String) -> Option<String> =
        HeadingRole::recognise(&heading).map(|r| {
        match r {
            HeadingRole::Column(c) => c.id(),
            HeadingRole::Code => "code",
            HeadingRole::Name => "name",
            HeadingRole::LineNumber => "line_number",
            HeadingRole::Group => "group",
        }
        .to_owned()
    });
    /// The functional 类 code ("205") a line printed by name stands for (一、教育支出), in the
    /// catalogue of `year` (null: any year); null when the name is no 类.
    fn functional_class_of(name: String, year: Option<i32>) -> Option<String> =
        sunlit::catalog::functional_class_by_name(&name, year).map(|c| c.to_string());
}

/// One published table as printed.
#[derive(Debug, uniffi::Object)]
pub struct PublishedTable(pub(crate) sunlit::PublishedTable);

pub(crate) fn wrap(t: sunlit::PublishedTable) -> Arc<PublishedTable> {
    Arc::new(PublishedTable(t))
}

/// The read options of a table: its unit, kind and title, and `input` (strict quoting unless
/// `with` is empty: a reader that returns no warnings refuses lenient quoting, naming `with`).
pub(crate) fn read_options(
    unit: AmountUnit,
    kind: Option<TableKind>,
    title: Option<String>,
    input: Option<InputOptions>,
    with: &str,
) -> Result<sunlit::tables::TableReadOptions> {
    let input = if with.is_empty() {
        core_options(input)?
    } else {
        strict_options(input, with)?
    };
    Ok(sunlit::tables::TableReadOptions {
        unit,
        kind,
        title,
        input,
    })
}

constructors! { PublishedTable {
    /// Read a table CSV file (header `code,name,<columns>` or `类,款,项,name,<columns>`);
    /// `options` sets the limits (lenient quoting needs `tableFromCsvWith`).
    #[uniffi::constructor(default(options = None))]
    fn read_csv(
        path: String,
        unit: AmountUnit,
        kind: Option<TableKind>,
        title: Option<String>,
        options: Option<InputOptions>,
    )
        -> Result<Arc<PublishedTable>> = {
        let opts = read_options(unit, kind, title, options, "tableFromCsvWith")?;
        Ok(wrap(sunlit::PublishedTable::read_csv_path(&path, &opts)?))
    };
    /// Parse table CSV text; `options` sets the limits.
    #[uniffi::constructor(default(options = None))]
    fn from_csv(
        text: String,
        unit: AmountUnit,
        kind: Option<TableKind>,
        title: Option<String>,
        options: Option<InputOptions>,
    )
        -> Result<Arc<PublishedTable>> = {
        let opts = read_options(unit, kind, title, options, "tableFromCsvWith")?;
        Ok(wrap(sunlit::PublishedTable::read_csv_str(&text, &opts)?))
    };
    /// Read a table JSON file; `options` sets the limits. A BOM or a non-UTF-8 (e.g. GBK) file
    /// is an Input error on line 1 saying so.
    #[uniffi::constructor(default(options = None))]
    fn read_json(path: String, options: Option<InputOptions>) -> Result<Arc<PublishedTable>> =
        Ok(wrap(sunlit::PublishedTable::read_json_path_with(&path, &core_options(options)?)?));
    /// Parse table JSON text; `options` sets the limits. A duplicate key is an error.
    #[uniffi::constructor(default(options = None))]
    fn from_json(text: String, options: Option<InputOptions>) -> Result<Arc<PublishedTable>> =
        Ok(wrap(sunlit::PublishedTable::from_json_with(&text, &core_options(options)?)?));
    /// Render a ledger (one unit, one year, one phase) into a functional table, names from the
    /// seed. For one book's table, lines of another book are refused (`SunlitException.Field`)
    /// unless `skipOtherBooks`; several units are `SunlitException.MixedDimension`.
    #[uniffi::constructor]
    fn from_ledger(ledger: Arc<Ledger>, options: sunlit::tables::RenderOptions)
        -> Result<Arc<PublishedTable>> =
        Ok(wrap(sunlit::PublishedTable::from_ledger(&ledger.0, Catalog::seed(), &options)?));
}}

methods! { PublishedTable(t) {
    /// The kind, if known.
    fn kind() -> Option<TableKind> = t.0.kind();
    /// The printed title, if given.
    fn title() -> Option<String> = t.0.title().map(str::to_owned);
    /// The unit.
    fn unit() -> AmountUnit = t.0.unit();
    /// The column headings as printed.
    fn columns() -> Vec<String> = t.0.columns().to_vec();
    /// The rows.
    fn rows() -> Vec<TableRow> = t.0.rows().iter().map(|r| TableRow {
        line: r.line,
        code: r.code.map(|c| c.to_string()),
        name: r.name.clone(),
        cells: r.cells.clone(),
        side: r.side.map(|s| s.id().to_owned()),
    }).collect();
    /// Check the table on its own.
    fn check(options: TableCheckOptions) -> Result<Vec<Finding>> =
        Ok(t.0.check(&options.into())?.into_vec());
    /// The leaf rows as ledger lines (subtotals are not added), in 元.
    fn to_ledger(options: TableLedgerOptions) -> Result<Arc<Ledger>> = {
        let opts = sunlit::tables::TableLedgerOptions {
            year: options.year,
            unit: options.unit,
            book: options.book,
            phase: options.phase,
            subtotals: options.subtotals,
            tolerance: options.tolerance.unwrap_or_default(),
        };
        Ok(crate::ledger::wrap(t.0.to_ledger(&opts)?))
    };
    /// The table as CSV text.
    fn to_csv() -> Result<String> = Ok(t.0.to_csv_string()?);
    /// The table as JSON text.
    fn to_json() -> String = t.0.to_json();
}}

/// The tables of one disclosure (one unit, one year, one phase).
#[derive(Debug, uniffi::Object)]
pub struct DisclosureDocument(sunlit::tables::DisclosureDocument);

constructors! { DisclosureDocument {
    /// One table of each kind, all budget or all final-account tables.
    #[uniffi::constructor]
    fn new(tables: Vec<Arc<PublishedTable>>, narrative: Vec<sunlit::tables::NarrativeFigure>)
        -> Result<Arc<DisclosureDocument>> =
        {
        let doc = sunlit::tables::DisclosureDocument::new(tables.iter().map(|t| t.0.clone()).collect())?;
        Ok(Arc::new(DisclosureDocument(doc.with_narrative(narrative))))
    };
}}

methods! { DisclosureDocument(d) {
    /// Check every table and every identity the tables allow.
    fn check(options: TableCheckOptions) -> Result<Vec<Finding>> =
        Ok(d.0.check(&options.into())?.into_vec());
    /// The tables.
    fn tables() -> Vec<Arc<PublishedTable>> = d.0.tables().iter().cloned().map(wrap).collect();
    /// Budget or final (null when empty).
    fn phase() -> Option<sunlit::budget::Phase> = d.0.phase();
    /// The table of `kind`, or null when the document does not have it.
    fn table(kind: TableKind) -> Option<Arc<PublishedTable>> = d.0.table(kind).cloned().map(wrap);
}}
