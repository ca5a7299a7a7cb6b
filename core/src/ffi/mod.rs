//! The uniffi (Kotlin/Swift) form of the library, behind the `uniffi` feature: the custom types
//! and the one FFI error. The domain enums and plain records derive their uniffi form where they
//! are defined (`cfg_attr(feature = "uniffi", derive(uniffi::Enum))`), so `bindings-mobile`
//! only wraps the objects and exports the functions.
//!
//! Exact decimals and calendar dates cross the FFI as strings and arrive as
//! `java.math.BigDecimal` / `java.time.LocalDate` in Kotlin (see `core/uniffi.toml`). Never
//! floats. A `BigDecimal` the core cannot hold exactly (more than 28 significant digits, or more
//! than 28 decimal places) fails to lift with a [`SunlitError::Amount`], a date the core cannot
//! hold with a [`SunlitError::Field`]; a function that returns `Result<_, SunlitError>` hands it
//! to Kotlin as `SunlitException.Amount` / `.Field` (uniffi returns a failed argument lift as the
//! function's own error when the types match — which is why the error lives here, beside the
//! custom types that raise it, and not in `bindings-mobile`).

mod error;
mod legacy;
mod special_fund;
mod tolerance;

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::report::LegacyChannel;

pub use error::{Result, SunlitError};
pub use special_fund::FundCheckOptions;

uniffi::custom_type!(Decimal, String, {
    remote,
    lower: |d| d.to_string(),
    try_lift: |s| Decimal::from_str_exact(&s).map_err(|e| SunlitError::Amount {
        reason: format!("{e}: an amount must fit 28 significant digits and 28 decimal places"),
        value: s,
    }.into()),
});

uniffi::custom_type!(NaiveDate, String, {
    remote,
    lower: |d| d.to_string(),
    try_lift: |s| s.parse::<NaiveDate>().map_err(|e| SunlitError::Field {
        field: "date".to_owned(),
        reason: format!("{e}: a date is YYYY-MM-DD"),
        value: s,
    }.into()),
});

/// The columns of a power item beyond the known ones (`PowerItem::extra`), a map in Kotlin.
pub type ExtraColumns = BTreeMap<String, String>;

uniffi::custom_type!(ExtraColumns, HashMap<String, String>, {
    remote,
    lower: |m| m.into_iter().collect(),
    try_lift: |m| Ok(m.into_iter().collect()),
});

/// Requests by channel (`LegacyStatistics::channels`), a map in Kotlin.
pub type ChannelCounts = BTreeMap<LegacyChannel, i64>;

uniffi::custom_type!(ChannelCounts, HashMap<LegacyChannel, i64>, {
    remote,
    lower: |m| m.into_iter().collect(),
    try_lift: |m| Ok(m.into_iter().collect()),
});
