//! Kotlin and Swift bindings of sunlit, through uniffi proc-macros.
//!
//! One Rust module per core concept; each converts and delegates. Amounts cross as exact
//! strings and surface as `java.math.BigDecimal`; dates as `java.time.LocalDate`; errors as
//! `SunlitException` subclasses with structured fields.

uniffi::setup_scaffolding!();

// The domain enums and records, the custom types (Decimal, NaiveDate) and the FFI error are
// derived once in the core (its `uniffi` feature); this crate wraps the objects and exports the
// functions. Decimal and NaiveDate use the core's converters, so a bad value lifts to the same
// `SunlitException` wherever it appears.
uniffi::use_remote_type!(sunlit::rust_decimal::Decimal);
uniffi::use_remote_type!(sunlit::chrono::NaiveDate);

mod errors {
    pub use sunlit::ffi::{Result, SunlitError};
}

mod calendar;
mod code;
mod disclosure;
mod document;
mod finding;
mod input;
mod ledger;
mod money;
mod power;
mod report;
mod request;
mod rules;
mod special_fund;
mod tables;
mod vocab;

pub use calendar::WorkCalendar;
pub use code::Code;
pub use document::Document;
pub use errors::SunlitError;
pub use ledger::{Ledger, Rollup};
pub use power::{PowerItem, PowerList};
pub use report::AnnualReport;
pub use request::DisclosureRequest;
pub use tables::{DisclosureDocument, PublishedTable};
