//! Custom types: exact decimals and calendar dates cross the FFI as strings and arrive as
//! `java.math.BigDecimal` / `java.time.LocalDate` in Kotlin (see `uniffi.toml`). Never floats.

use chrono::NaiveDate;
use rust_decimal::Decimal;

uniffi::custom_type!(Decimal, String, {
    remote,
    lower: |d| d.to_string(),
    try_lift: |s| Ok(Decimal::from_str_exact(&s)?),
});

uniffi::custom_type!(NaiveDate, String, {
    remote,
    lower: |d| d.to_string(),
    try_lift: |s| Ok(s.parse::<NaiveDate>()?),
});
