//! The methods special-fund records carry in Kotlin and Swift, and their options.

use rust_decimal::Decimal;

use super::Result;
use crate::{Finding, SpecialFundList, special_fund::SpecialFund};

/// Options of the special-fund checks, as the bindings take them: a field left null takes the
/// core's default ([`crate::special_fund::FundCheckOptions::default`]), so no default is restated here.
#[derive(Debug, Clone, Default, PartialEq, Eq, uniffi::Record)]
pub struct FundCheckOptions {
    /// Days after approval within which the allocation must be disclosed (null: the core's
    /// default).
    #[uniffi(default = None)]
    pub disclosure_days: Option<u32>,
    /// The checking date.
    #[uniffi(default = None)]
    pub as_of: Option<chrono::NaiveDate>,
}

impl From<FundCheckOptions> for crate::special_fund::FundCheckOptions {
    fn from(o: FundCheckOptions) -> Self {
        let d = crate::special_fund::FundCheckOptions::default();
        crate::special_fund::FundCheckOptions {
            disclosure_days: o.disclosure_days.unwrap_or(d.disclosure_days),
            as_of: o.as_of.or(d.as_of),
        }
    }
}

#[uniffi::export]
impl SpecialFund {
    /// The exact sum of the allocations, in the fund's unit (`SunlitException.Overflow` if it
    /// does not fit).
    #[uniffi::method(name = "allocated")]
    fn ffi_allocated(&self) -> Result<Decimal> {
        Ok(self.allocated()?)
    }

    /// Check the fund: allocations within the approved amount, stages in order, no allocation
    /// before approval, disclosure within the period.
    #[uniffi::method(name = "check")]
    fn ffi_check(&self, options: FundCheckOptions) -> Result<Vec<Finding>> {
        Ok(self.check(&options.into()).into_vec())
    }
}

#[uniffi::export]
impl SpecialFundList {
    /// The exact sum of the approved amounts, in `totalUnit`.
    #[uniffi::method(name = "total")]
    fn ffi_total(&self) -> Result<Decimal> {
        Ok(self.total()?)
    }

    /// Check the count, the total as printed and every fund.
    #[uniffi::method(name = "check")]
    fn ffi_check(&self, options: FundCheckOptions) -> Result<Vec<Finding>> {
        Ok(self.check(&options.into())?.into_vec())
    }
}
