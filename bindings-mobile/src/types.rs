//! Custom types: exact decimals and calendar dates cross the FFI as strings and arrive as
//! `java.math.BigDecimal` / `java.time.LocalDate` in Kotlin (see `uniffi.toml`). Never floats.
//!
//! A `BigDecimal` the core cannot hold exactly (more than 28 significant digits, or more than 28
//! decimal places) fails to lift. The lift error is a [`SunlitError::Amount`], so a function that
//! returns `Result<_, SunlitError>` hands it to Kotlin as `SunlitException.Amount` (uniffi returns
//! a failed argument lift as the function's own error when the types match); a function that
//! cannot fail has no error to return it as, and uniffi raises its `InternalException` instead.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::errors::SunlitError;

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
