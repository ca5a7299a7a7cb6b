//! Special funds (专项资金). The records (`SpecialFund`, `SpecialFundList`, `StageDate`,
//! `Allocation`), their methods and `FundCheckOptions` are the core's (`sunlit::ffi`).

use sunlit::ffi::FundCheckOptions;
use sunlit::{Finding, SpecialFundList, special_fund::SpecialFund};

use crate::errors::Result;

functions! {
    /// Check one fund (the same as `SpecialFund.check`).
    fn check_special_fund(fund: SpecialFund, options: FundCheckOptions) -> Result<Vec<Finding>> =
        Ok(fund.check(&options.into()).into_vec());
    /// Check a list of funds: count, total as printed, every fund (the same as
    /// `SpecialFundList.check`).
    fn check_special_fund_list(list: SpecialFundList, options: FundCheckOptions)
        -> Result<Vec<Finding>> =
        Ok(list.check(&options.into())?.into_vec());
}
