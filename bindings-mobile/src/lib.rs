//! Kotlin and Swift bindings of sunlit, through uniffi proc-macros.
//!
//! One Rust module per core concept; each converts and delegates. Amounts cross as exact
//! strings and surface as `java.math.BigDecimal`; dates as `java.time.LocalDate`; errors as
//! `SunlitException` subclasses with structured fields.

uniffi::setup_scaffolding!();

mod calendar;
mod code;
mod disclosure;
mod document;
mod errors;
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
mod types;
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
