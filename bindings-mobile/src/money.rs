//! Amount helpers.

use rust_decimal::Decimal;
use sunlit::Unit;

use crate::errors::Result;

/// 元, 万元, 亿元. (Named `AmountUnit` because `Unit` is taken in Kotlin.)
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum AmountUnit {
    /// 元.
    Yuan,
    /// 万元 (10⁴ 元).
    WanYuan,
    /// 亿元 (10⁸ 元).
    YiYuan,
}

impl From<AmountUnit> for Unit {
    fn from(u: AmountUnit) -> Unit {
        match u {
            AmountUnit::Yuan => Unit::Yuan,
            AmountUnit::WanYuan => Unit::WanYuan,
            AmountUnit::YiYuan => Unit::YiYuan,
        }
    }
}

impl From<Unit> for AmountUnit {
    fn from(u: Unit) -> AmountUnit {
        match u {
            Unit::Yuan => AmountUnit::Yuan,
            Unit::WanYuan => AmountUnit::WanYuan,
            Unit::YiYuan => AmountUnit::YiYuan,
        }
    }
}

/// Parse an amount as printed; null for blank and dashes.
#[uniffi::export]
pub fn parse_amount(text: String) -> Result<Option<Decimal>> {
    Ok(sunlit::parse_amount(&text)?)
}

/// Convert between units, exactly.
#[uniffi::export]
pub fn convert(amount: Decimal, from: AmountUnit, to: AmountUnit) -> Result<Decimal> {
    Ok(Unit::from(from).convert(amount, to.into())?)
}

/// part ÷ whole × 100 rounded half up to `places`; null when whole is zero.
#[uniffi::export]
pub fn share(part: Decimal, whole: Decimal, places: u32) -> Result<Option<Decimal>> {
    Ok(sunlit::percent(part, whole, places)?)
}
