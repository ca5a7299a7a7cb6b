//! The methods the rounding tolerance (`ToleranceOptions`, Kotlin `Tolerance`) carries in Kotlin
//! and Swift, and its two presets.

use rust_decimal::Decimal;

use super::Result;
use crate::{Unit, money::ToleranceOptions};

// Named as the record is in Kotlin and Swift.
#[uniffi::export(name = "Tolerance")]
impl ToleranceOptions {
    /// The rounding step of cells printed in `unit` (zero when exact).
    #[uniffi::method(name = "step")]
    fn ffi_step(&self, unit: Unit) -> Result<Decimal> {
        Ok(self.step(unit))
    }

    /// How far apart `cells` cells printed in `unit` may be through rounding alone: half a step
    /// each.
    #[uniffi::method(name = "allowed")]
    fn ffi_allowed(&self, unit: Unit, cells: u32) -> Result<Decimal> {
        Ok(self.allowed(unit, cells as usize)?)
    }

    /// How far a sum of `addends` printed cells in `unit` may sit from its printed total: half a
    /// step × (addends + 1) — 0.005 × (n + 1) 万元 by default.
    #[uniffi::method(name = "sum_allowed")]
    fn ffi_sum_allowed(&self, unit: Unit, addends: u32) -> Result<Decimal> {
        Ok(self.sum_allowed(unit, addends as usize)?)
    }
}

/// The library's default tolerance: exact in 元, 0.01 steps in 万元 and 亿元.
#[uniffi::export]
fn default_tolerance() -> ToleranceOptions {
    ToleranceOptions::default()
}

/// Every unit exact.
#[uniffi::export]
fn exact_tolerance() -> ToleranceOptions {
    ToleranceOptions::exact()
}
