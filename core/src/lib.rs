#![doc = include_str!("../../README.md")]
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod vocab;

mod budget;
mod catalog;
mod classification;
mod error;
mod fdp;
mod finding;
mod io;
mod money;
mod special_fund;
mod tables;

pub use budget::{
    Book, CompareAxis, CompareOptions, Comparison, ComparisonRow, GroupKey, GroupValue, Hierarchy,
    Ledger, Line, LineItem, LineRecord, Nature, Phase, Rollup, RollupGroup, RollupOptions,
    RollupRecord, RollupRow, Selection, Subtotals,
};
pub use catalog::{Catalog, CatalogCheckOptions};
pub use classification::{Code, Scheme};
pub use error::{Error, Result};
pub use fdp::{FdpOptions, FiscalDataPackage};
pub use finding::{Finding, FindingFilter, Findings, Severity};
pub use money::{
    ToleranceOptions, Unit, checked_sum, div_round, format_amount, format_grouped, parse_amount,
    percent, rounds_to,
};
pub use special_fund::{
    Allocation, FundCheckOptions, FundStage, SpecialFund, SpecialFundList, StageDate,
};
pub use tables::{
    DisclosureDocument, NarrativeFigure, PublishedTable, RenderOptions, RowLabel,
    TableCheckOptions, TableColumn, TableKind, TableLedgerOptions, TableReadOptions, TableRow,
};

/// Re-export of the decimal type every amount uses.
pub use rust_decimal::Decimal;

/// The stable rule ids of every check, grouped by domain. Each constant's documentation cites
/// the rule's source.
pub mod rules {
    /// Budget ledger checks.
    pub mod budget {
        pub use crate::budget::rules::*;
    }
    /// Catalogue checks.
    pub mod catalog {
        pub use crate::catalog::rules::*;
    }
    /// Special-fund checks (专项资金).
    pub mod special_fund {
        pub use crate::special_fund::rules::*;
    }
    /// Published-table checks (预决算公开表格): in-table sums, structure, granularity and the
    /// cross-table identities of fiscal.md §2.3.
    pub mod tables {
        pub use crate::tables::rules::*;
    }
}
