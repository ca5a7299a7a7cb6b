#![doc = include_str!("../../README.md")]
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod vocab;

mod budget;
mod catalog;
mod classification;
mod error;
mod finding;
mod io;
mod money;

pub use budget::{
    Book, CompareAxis, CompareOptions, Comparison, ComparisonRow, GroupKey, GroupValue, Hierarchy,
    Ledger, Line, LineItem, LineRecord, Nature, Phase, Rollup, RollupGroup, RollupOptions,
    RollupRecord, RollupRow, Selection, Subtotals,
};
pub use catalog::{Catalog, CatalogCheckOptions};
pub use classification::{Code, Scheme};
pub use error::{Error, Result};
pub use finding::{Finding, FindingFilter, Findings, Severity};
pub use money::{
    Unit, checked_sum, div_round, format_amount, format_grouped, parse_amount, percent,
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
}
