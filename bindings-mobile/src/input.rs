//! Input options of the readers: CSV quoting and the limits (file size, rows, field length, JSON
//! depth), and the readers that return the warnings of lenient quoting.

use std::sync::Arc;

use sunlit::Finding;

use crate::errors::Result;
use crate::ledger::Ledger;
use crate::money::AmountUnit;
use crate::tables::{PublishedTable, read_options};

/// How a reader reads its input. `quoting` is "strict" (default: malformed CSV quoting is an
/// error) or "lenient" (kept as text, one `input.relaxed_quoting` warning per field; only the
/// `*With` readers return those). A limit left null keeps its default: 2 GiB, 50,000,000 rows
/// (header included), 1 MiB per field, JSON depth 64. Exceeding one throws
/// `SunlitException.Limit` naming it.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct InputOptions {
    /// "strict" or "lenient" (null: the core's default, strict).
    #[uniffi(default = None)]
    pub quoting: Option<String>,
    /// Largest input in bytes (default 2 GiB).
    #[uniffi(default = None)]
    pub max_file_bytes: Option<u64>,
    /// Most CSV records or items of one JSON array (default 50,000,000).
    #[uniffi(default = None)]
    pub max_rows: Option<u64>,
    /// Longest CSV field or JSON string in bytes (default 1 MiB).
    #[uniffi(default = None)]
    pub max_field_bytes: Option<u64>,
    /// Deepest JSON nesting (default 64).
    #[uniffi(default = None)]
    pub max_json_depth: Option<u64>,
    /// Most positions of one grid a document reader lays out from a sheet or HTML table
    /// (default 10,000,000).
    #[uniffi(default = None)]
    pub max_cells: Option<u64>,
}

/// The core options of optional mobile options.
pub(crate) fn core_options(o: Option<InputOptions>) -> Result<sunlit::input::InputOptions> {
    let Some(o) = o else {
        return Ok(sunlit::input::InputOptions::default());
    };
    let d = sunlit::input::Limits::default();
    Ok(sunlit::input::InputOptions {
        quoting: o
            .quoting
            .as_deref()
            .map(sunlit::input::Quoting::parse)
            .transpose()?
            .unwrap_or_default(),
        limits: sunlit::input::Limits {
            max_file_bytes: o.max_file_bytes.unwrap_or(d.max_file_bytes),
            max_rows: o.max_rows.unwrap_or(d.max_rows),
            max_field_bytes: o.max_field_bytes.unwrap_or(d.max_field_bytes),
            max_json_depth: o.max_json_depth.unwrap_or(d.max_json_depth),
            max_cells: o.max_cells.unwrap_or(d.max_cells),
        },
    })
}

/// Options for a reader that returns no warnings: lenient quoting is refused (its warnings
/// would be lost), naming the `*With` reader to use.
pub(crate) fn strict_options(
    o: Option<InputOptions>,
    with: &str,
) -> Result<sunlit::input::InputOptions> {
    let o = core_options(o)?;
    if o.quoting == sunlit::input::Quoting::Lenient {
        return Err(sunlit::Error::Field {
            field: "quoting",
            value: "lenient".to_owned(),
            reason: format!(
                "lenient quoting reports a warning for every relaxed field: use {with}, which returns them"
            ),
        }
        .into());
    }
    Ok(o)
}

/// A ledger read with its warnings.
#[derive(uniffi::Record)]
pub struct LedgerRead {
    /// The ledger.
    pub ledger: Arc<Ledger>,
    /// One `input.relaxed_quoting` warning per field read leniently.
    pub findings: Vec<Finding>,
}

/// A table read with its warnings.
#[derive(uniffi::Record)]
pub struct TableRead {
    /// The table.
    pub table: Arc<PublishedTable>,
    /// One `input.relaxed_quoting` warning per field read leniently.
    pub findings: Vec<Finding>,
}

functions! {
    /// Parse ledger CSV text with `options`, returning the warnings of lenient quoting.
    fn ledger_from_csv_with(text: String, options: InputOptions) -> Result<LedgerRead> = {
        let opts = core_options(Some(options))?;
        let (ledger, findings) = sunlit::Ledger::read_csv_with(text.as_bytes(), &opts)?;
        Ok(LedgerRead { ledger: crate::ledger::wrap(ledger), findings })
    };
    /// Parse table CSV text with `options`, returning the warnings of lenient quoting.
    export(default(kind = None, title = None))
    fn table_from_csv_with(
        text: String,
        unit: AmountUnit,
        options: InputOptions,
        kind: Option<sunlit::tables::TableKind>,
        title: Option<String>,
    )
        -> Result<TableRead> = {
        let opts = read_options(unit, kind, title, Some(options), "")?;
        let (table, findings) = sunlit::PublishedTable::read_csv_with(text.as_bytes(), &opts)?;
        Ok(TableRead { table: crate::tables::wrap(table), findings })
    };
}
