//! Amount helpers: parsing as printed, exact unit conversion, exact percentages.

use pyo3::prelude::*;
use rust_decimal::Decimal;
use sunlit::Unit;

use crate::convert::{Int, Text, decimal_arg};
use crate::errors::IntoPy;

/// Parse an amount as printed (`"47,483,458"`, `"-1,200.50"`); None for blank and dashes.
#[pyfunction]
pub fn parse_amount(text: Text) -> PyResult<Option<Decimal>> {
    sunlit::money::parse_amount(&text).py()
}

/// Convert an amount between 元, 万元 and 亿元, exactly.
#[pyfunction]
#[pyo3(signature = (amount, from_unit, to_unit))]
pub fn convert(amount: &Bound<'_, PyAny>, from_unit: Text, to_unit: Text) -> PyResult<Decimal> {
    let amount = decimal_arg(amount, "amount")?;
    let from = Unit::parse(&from_unit).py()?;
    let to = Unit::parse(&to_unit).py()?;
    from.convert(amount, to).py()
}

/// `part / whole × 100` rounded half up to `places`; None when whole is zero.
#[pyfunction]
#[pyo3(signature = (part, whole, places=Int::of(sunlit::money::PERCENT_PLACES as i64)), text_signature = "(part, whole, places=1)")]
pub fn share(
    part: &Bound<'_, PyAny>,
    whole: &Bound<'_, PyAny>,
    places: Int,
) -> PyResult<Option<Decimal>> {
    let places = places.get("places")?;
    let part = decimal_arg(part, "part")?;
    let whole = decimal_arg(whole, "whole")?;
    sunlit::money::percent(part, whole, places).py()
}
