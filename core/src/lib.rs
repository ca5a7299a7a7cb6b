#![doc = include_str!("lib.md")]
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod vocab;

// The README and docs/*.md, their Rust blocks run as doctests.
#[cfg(doctest)]
mod doctests;

#[cfg(feature = "uniffi")]
uniffi::setup_scaffolding!();

pub mod budget;
pub mod calendar;
pub mod catalog;
pub mod classification;
mod csv_strict;
pub mod disclosure;
pub mod document;
pub mod error;
pub mod fdp;
#[cfg(feature = "uniffi")]
pub mod ffi;
pub mod finding;
pub mod input;
mod io;
pub mod money;
pub mod narrative;
pub mod power;
pub mod report;
pub mod request;
pub mod rules;
pub mod scoring;
pub mod special_fund;
pub mod tables;

// The everyday entry points, also at the root (at most 20; everything else by its module path).
pub use budget::{Ledger, Rollup, RollupOptions};
pub use calendar::WorkCalendar;
pub use catalog::Catalog;
pub use classification::Code;
pub use document::{Document, ReadOptions};
pub use error::{Error, Result};
pub use finding::{Finding, Findings, Severity};
pub use money::Unit;
pub use power::PowerList;
pub use report::AnnualReport;
pub use request::DisclosureRequest;
pub use special_fund::SpecialFundList;
pub use tables::PublishedTable;

/// Re-export of the decimal type every amount uses.
pub use rust_decimal::Decimal;
