//! Amount helpers.

use rust_decimal::Decimal;

use crate::errors::Result;

/// 元, 万元, 亿元: the core's `Unit`, named `AmountUnit` in Kotlin because `Unit` is taken
/// there (its `uniffi(name)` in the core).
pub use sunlit::Unit as AmountUnit;

functions! {
    /// Parse an amount as printed; null for blank and dashes.
    fn parse_amount(text: String) -> Result<Option<Decimal>> = Ok(sunlit::money::parse_amount(&text)?);
    /// Convert between units, exactly.
    fn convert(amount: Decimal, from: AmountUnit, to: AmountUnit) -> Result<Decimal> =
        Ok(from.convert(amount, to)?);
    /// part ÷ whole × 100 rounded half up to `places`; null when whole is zero.
    fn share(part: Decimal, whole: Decimal, places: u32) -> Result<Option<Decimal>> =
        Ok(sunlit::money::percent(part, whole, places)?);
}
