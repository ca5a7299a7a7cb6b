//! Published budget and final-account tables (部门预算 / 部门决算公开表格): read them as printed,
//! check every identity with a unit-aware rounding tolerance, and move between the printed layout
//! and the ledger.
//!
//! A [`PublishedTable`] is one table as printed; [`PublishedTable::check`] runs the checks inside
//! it, [`DisclosureDocument::check`] those of each table plus the identities that bind the tables
//! of one document (one unit, one year, one phase). Every check is a rule with a stable id in
//! [`rules`] and a severity: *error* for an identity that must hold up to rounding, *warning* for a
//! heuristic; `sunlit::rules::tables` maps each to the identities of fiscal.md §2.3. An identity
//! whose tables are not all in the document is **not checked**.
//!
//! For a recogniser (a PDF or spreadsheet grid → [`PublishedTable`]):
//! - **Headings**: [`HeadingRole::recognise`] says what a printed heading is — an amount column
//!   ([`TableColumn`]), the code or name column, a line number (行次 / 栏次: leave it out) or a
//!   merged group heading; the spellings are data (`core/src/tables/headers.csv`, with sources).
//!   A heading it does not know is kept with [`PublishedTable::new_keeping_unknown`] as
//!   [`TableColumn::Other`], shown and written back but never checked.
//! - **Summary tables** (收支总表, 财政拨款收支总表): one table, the income side's rows first, then
//!   the expenditure side's, each row with its [`RowSide`] (`side` column 收 / 支 in CSV). One set
//!   of columns for both sides: the income side's figure may sit in its own 预算数 / 决算数 column
//!   ([`PublishedTable::side_amount_column`]). 总计 printed on both sides is then 收入总计 and 支出总计.
//! - **Lines by name**: expenditure lines printed without a code (一、教育支出) are tied to their
//!   functional 类 by [`functional_class_by_name`](crate::catalog::functional_class_by_name) — keep the
//!   name as printed and leave the code empty; a name that is no 类 gives an info.
//! - **"三公" with 预算数 / 决算数 sub-columns**: [`PublishedTable::from_figure_columns`] from the
//!   flattened headings (`合计/预算数` …) and the line of figures.
//! - **Layouts**: 人员经费 + 公用经费 columns stand for 基本支出 where no 基本支出 column is printed.
//!
//! Tolerance: amounts are compared exactly in 元 tables and within the rounding of the printed
//! cells in 万元 tables ([`ToleranceOptions`]): a sum of *n* printed cells
//! may differ from its printed total by 0.005 × (*n* + 1) 万元. A discrepancy is reported once, at
//! the lowest level that shows it: a 类 row that disagrees with its 款 rows is reported there, not
//! again at the 合计 row whose sum it spoils.
//!
//! [`PublishedTable`] is also at the crate root.
//!
//! ```
//! use sunlit::PublishedTable;
//! use sunlit::tables::{TableKind, TableReadOptions};
//! let opts = TableReadOptions { kind: Some(TableKind::BudgetGeneralFunctional), ..Default::default() };
//! let table = PublishedTable::read_csv_str("code,name,合计\n208,x,1\n20805,y,1\n", &opts)?;
//! assert_eq!(table.rows().len(), 2);
//! assert!(PublishedTable::read_csv_str("code,name,合计\n208,x,12.3.4\n", &opts).is_err());
//! # Ok::<(), sunlit::Error>(())
//! ```

mod check;
mod convert;
mod document;
mod headers;
mod kind;
mod read;
mod table;

pub use convert::{RenderOptions, TableLedgerOptions};
pub use document::{DisclosureDocument, NarrativeFigure};
pub use headers::HeadingRole;
pub use kind::TableKind;
pub(crate) use kind::normalize as normalize_label;
pub use table::{PublishedTable, RowLabel, RowSide, TableColumn, TableReadOptions, TableRow};

use crate::money::ToleranceOptions;

/// Options of [`PublishedTable::check`] and [`DisclosureDocument::check`].
///
/// ```
/// let o = sunlit::tables::TableCheckOptions::default();
/// assert!(o.granularity && o.heuristics);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TableCheckOptions {
    /// The rounding tolerance per unit (exact for 元, 0.01 steps for 万元 by default).
    pub tolerance: ToleranceOptions,
    /// Check the granularity (细化程度) of detail tables ([`rules::GRANULARITY`]).
    pub granularity: bool,
    /// Run the heuristic identities (warnings: [`rules::RUNNING_COSTS`],
    /// [`rules::SOCIAL_INSURANCE_MIRROR`], [`rules::INCOME_EXPENDITURE_MIRROR`]).
    pub heuristics: bool,
}

impl Default for TableCheckOptions {
    fn default() -> TableCheckOptions {
        TableCheckOptions {
            tolerance: ToleranceOptions::default(),
            granularity: true,
            heuristics: true,
        }
    }
}

pub(crate) use crate::rules::tables as rules;
