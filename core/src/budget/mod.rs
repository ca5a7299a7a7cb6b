//! Budgets (预算) down to item level: line items, the ledger, roll-ups and comparisons.
//!
//! A [`LineItem`] is one amount of one budget: year, book (四本预算), phase (预算 / 调整预算 /
//! 决算), unit, functional code, optional economic code, nature (基本支出 / 项目支出 …),
//! optional fund source and the amount in 元. A [`Ledger`] holds many of them in columns.
//! [`Ledger::rollup`] adds them up the classification tree (项 → 款 → 类 → total), grouped by
//! any dimension; [`Ledger::compare`] sets two phases or two years side by side.
//!
//! The ledger and roll-up are also at the crate root ([`sunlit::Ledger`](crate::Ledger),
//! [`sunlit::Rollup`](crate::Rollup), [`sunlit::RollupOptions`](crate::RollupOptions)).
//!
//! ```
//! use sunlit::budget::{Book, Phase};
//! use sunlit::{Code, Ledger, RollupOptions};
//! let ledger = Ledger::read_csv_str("\
//! year,book,phase,unit,functional,economic,nature,source,amount
//! 2026,general,budget,城管执法局,2080505,,basic,,100
//! 2026,general,budget,城管执法局,2080801,,project,,50
//! ")?;
//! let rollup = ledger.rollup(&RollupOptions::default())?;
//! assert_eq!(rollup.amount(Code::functional("208")?, &[])?.unwrap().to_string(), "150");
//! assert_eq!(Book::parse("一般公共预算")?, Book::General);
//! assert!(Phase::parse("季度").is_err());
//! # Ok::<(), sunlit::Error>(())
//! ```

#[cfg(feature = "arrow")]
mod arrow;
mod compare;
mod fast_csv;
mod ledger;
mod ledger_io;
mod partial;
mod rollup;
mod rollup_fast;
#[cfg(test)]
mod tests;

pub use compare::{CompareAxis, CompareOptions, Comparison, ComparisonRow};
pub use ledger::{Ledger, Line, LineItem, LineRecord, Selection};
pub use rollup::{
    GroupKey, GroupValue, Hierarchy, Rollup, RollupGroup, RollupOptions, RollupRecord, RollupRow,
    Subtotals,
};

use crate::vocab::vocabulary;

vocabulary! {
    /// The four budgets (四本预算) of the Budget Law (预算法 2018 art. 5): every amount belongs to
    /// exactly one.
    pub enum Book("book") {
        /// 一般公共预算 — general public budget.
        General = "general", "一般公共预算" | "一般公共预算财政拨款" | "一般公共预算拨款";
        /// 政府性基金预算 — government-managed fund budget.
        Fund = "fund", "政府性基金预算" | "政府性基金预算财政拨款" | "政府性基金";
        /// 国有资本经营预算 — state-capital operating budget.
        StateCapital = "state_capital", "国有资本经营预算" | "国有资本经营预算财政拨款" | "国有资本经营";
        /// 社会保险基金预算 — social-insurance fund budget.
        SocialInsurance = "social_insurance", "社会保险基金预算" | "社保基金预算" | "社会保险基金";
    }
}

vocabulary! {
    /// The phase of a budget figure: the budget as approved (预算), the adjusted budget (调整预算)
    /// or the final account (决算) (预算法 2018, chapter 7 预算调整 and chapter 8 决算).
    pub enum Phase("phase") {
        /// 预算 — the budget as approved.
        Budget = "budget", "预算" | "预算数" | "年初预算";
        /// 调整预算 — the budget as adjusted during the year.
        Adjusted = "adjusted", "调整预算" | "调整预算数";
        /// 决算 — the final account (execution).
        Final = "final", "决算" | "决算数";
    }
}

vocabulary! {
    /// The nature of an expenditure as split in the published tables: 基本支出 (basic: staff and
    /// running costs) and 项目支出 (project), plus the three further columns of the final-account
    /// expenditure table (支出决算表; fiscal.md §2.2 table 3).
    pub enum Nature("nature") {
        /// 基本支出 — basic expenditure (人员经费 + 公用经费).
        Basic = "basic", "基本支出" | "基本";
        /// 项目支出 — project expenditure.
        Project = "project", "项目支出" | "项目";
        /// 上缴上级支出 — remittances to the superior unit (final accounts only).
        RemitToSuperior = "remit_to_superior", "上缴上级支出";
        /// 经营支出 — business-operation expenditure of public institutions (final accounts only).
        Business = "business", "经营支出";
        /// 对附属单位补助支出 — subsidies to affiliated units (final accounts only).
        SubsidyToAffiliates = "subsidy_to_affiliates", "对附属单位补助支出";
    }
}

pub(crate) use ledger::parse_parts as ledger_parse_parts;
