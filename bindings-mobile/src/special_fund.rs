//! Special funds (专项资金).

use chrono::NaiveDate;
use rust_decimal::Decimal;
use sunlit::{Finding, FundStage};

use crate::errors::Result;
use crate::money::AmountUnit;

/// A stage and its date.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct StageDate {
    /// The stage.
    pub stage: FundStage,
    /// When.
    pub date: NaiveDate,
}

/// One allocation of a fund.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Allocation {
    /// The recipient.
    pub recipient: String,
    /// The amount, in the fund's unit.
    pub amount: Decimal,
    /// The region.
    #[uniffi(default = None)]
    pub region: Option<String>,
    /// The date.
    #[uniffi(default = None)]
    pub date: Option<NaiveDate>,
}

/// A special fund.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct SpecialFund {
    /// Name.
    pub name: String,
    /// Managing department.
    pub department: String,
    /// Year.
    pub year: i32,
    /// Approved amount.
    pub approved: Decimal,
    /// Unit of the amounts.
    pub unit: AmountUnit,
    /// Stage dates.
    #[uniffi(default = [])]
    pub stages: Vec<StageDate>,
    /// Allocations.
    #[uniffi(default = [])]
    pub allocations: Vec<Allocation>,
}

/// A published list of funds with its printed count and total.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct SpecialFundList {
    /// The funds.
    pub funds: Vec<SpecialFund>,
    /// The published total, as printed.
    #[uniffi(default = None)]
    pub published_total: Option<Decimal>,
    /// Its unit.
    pub total_unit: AmountUnit,
    /// The published count.
    #[uniffi(default = None)]
    pub published_count: Option<u32>,
}

/// Options of the special-fund checks.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct FundCheckOptions {
    /// Days after approval within which the allocation must be disclosed.
    #[uniffi(default = 20)]
    pub disclosure_days: u32,
    /// The checking date.
    #[uniffi(default = None)]
    pub as_of: Option<NaiveDate>,
}

fn core(f: &SpecialFund) -> sunlit::SpecialFund {
    let f = f.clone();
    sunlit::SpecialFund {
        name: f.name,
        department: f.department,
        year: f.year,
        approved: f.approved,
        unit: f.unit,
        stages: f
            .stages
            .into_iter()
            .map(|s| sunlit::StageDate {
                stage: s.stage,
                date: s.date,
            })
            .collect(),
        allocations: f
            .allocations
            .into_iter()
            .map(|a| sunlit::Allocation {
                recipient: a.recipient,
                region: a.region,
                amount: a.amount,
                date: a.date,
            })
            .collect(),
    }
}

fn options(o: FundCheckOptions) -> sunlit::FundCheckOptions {
    sunlit::FundCheckOptions {
        disclosure_days: o.disclosure_days,
        as_of: o.as_of,
    }
}

fn core_list(list: &SpecialFundList) -> sunlit::SpecialFundList {
    sunlit::SpecialFundList {
        funds: list.funds.iter().map(core).collect(),
        published_total: list.published_total,
        total_unit: list.total_unit,
        published_count: list.published_count,
    }
}

#[uniffi::export]
impl SpecialFund {
    /// The exact sum of the allocations, in the fund's unit (`SunlitException.Overflow` if it
    /// does not fit).
    pub fn allocated(&self) -> Result<Decimal> {
        Ok(core(self).allocated()?)
    }

    /// Check the fund: allocations within the approved amount, stages in order, no allocation
    /// before approval, disclosure within the period.
    pub fn check(&self, options: FundCheckOptions) -> Result<Vec<Finding>> {
        Ok(core(self).check(&self::options(options)).into_vec())
    }
}

#[uniffi::export]
impl SpecialFundList {
    /// The exact sum of the approved amounts, in `totalUnit`.
    pub fn total(&self) -> Result<Decimal> {
        Ok(core_list(self).total()?)
    }

    /// Check the count, the total as printed and every fund.
    pub fn check(&self, options: FundCheckOptions) -> Result<Vec<Finding>> {
        Ok(core_list(self).check(&self::options(options))?.into_vec())
    }
}

/// Check one fund (the same as `SpecialFund.check`).
#[uniffi::export]
pub fn check_special_fund(fund: SpecialFund, options: FundCheckOptions) -> Result<Vec<Finding>> {
    fund.check(options)
}

/// Check a list of funds: count, total as printed, every fund (the same as
/// `SpecialFundList.check`).
#[uniffi::export]
pub fn check_special_fund_list(
    list: SpecialFundList,
    options: FundCheckOptions,
) -> Result<Vec<Finding>> {
    list.check(options)
}
