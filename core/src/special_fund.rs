//! Special funds (专项资金): earmarked funds with an approved amount, a process from application to
//! supervision, and allocations to recipients.
//!
//! Provincial budget drafts list them with their whole process — 申报 (application), 审批
//! (approval), 分配 (allocation), 公开 (disclosure), 监督 (supervision) — made public; the seed
//! article's province disclosed "50 special funds totalling 648亿元" that way. No public
//! machine-readable schema exists (fiscal.md §2.5), so the model is the one the article
//! describes: a fund, its stage dates, its allocations, and a list of funds with a published
//! count and total.
//!
//! [`SpecialFundList`] is also at the crate root.
//!
//! ```
//! use sunlit::{SpecialFundList, Unit};
//! let list = SpecialFundList {
//!     funds: vec![],
//!     published_total: None,
//!     total_unit: Unit::YiYuan,
//!     published_count: Some(50),
//! };
//! let findings = list.check(&Default::default())?;
//! assert_eq!(findings.as_slice()[0].rule, "special_fund.list_count");
//! # Ok::<(), sunlit::Error>(())
//! ```

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::error::{Error, Result};
use crate::finding::{Finding, Findings};
use crate::money::{Unit, rounds_to};
use crate::rules::Rule;
use crate::vocab::vocabulary;

pub(crate) use crate::rules::special_fund as rules;

vocabulary! {
    /// A stage of a special fund's process (专项资金全过程), in order: 申报 → 审批 → 分配 → 公开 → 监督.
    pub enum FundStage("stage") {
        /// 申报 — application.
        Application = "application", "申报";
        /// 审批 — approval.
        Approval = "approval", "审批" | "批准";
        /// 分配 — allocation.
        Allocation = "allocation", "分配" | "下达";
        /// 公开 — disclosure of the allocation.
        Disclosure = "disclosure", "公开";
        /// 监督 — supervision and evaluation.
        Supervision = "supervision", "监督" | "监督评价" | "绩效评价";
    }
}

/// A stage and the date it happened.
///
/// ```
/// use sunlit::special_fund::{FundStage, StageDate};
/// let s = StageDate { stage: FundStage::Approval, date: "2016-03-01".parse().unwrap() };
/// assert_eq!(s.stage.name_zh(), "审批");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct StageDate {
    /// The stage.
    pub stage: FundStage,
    /// When it happened.
    pub date: NaiveDate,
}

/// One allocation (分配结果) of a fund: who receives how much, where, when.
///
/// ```
/// let a = sunlit::special_fund::Allocation { recipient: "某市交通运输局".into(), region: Some("某市".into()),
///     amount: sunlit::Decimal::from(1200), date: None };
/// assert_eq!(a.amount.to_string(), "1200");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Allocation {
    /// The recipient (unit, project or person).
    pub recipient: String,
    /// The amount, in the fund's unit.
    pub amount: Decimal,
    /// The region, if stated.
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub region: Option<String>,
    /// The date of the allocation, if stated.
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub date: Option<NaiveDate>,
}

/// A special fund (专项资金): name, managing department, year, approved amount (in `unit`), the
/// dated stages of its process and its allocations.
///
/// ```
/// use sunlit::{
///     Unit,
///     special_fund::{Allocation, FundCheckOptions, FundStage, SpecialFund, StageDate},
/// };
/// let d = |s: &str| s.parse().unwrap();
/// let fund = SpecialFund {
///     name: "交通建设专项资金".into(), department: "省交通运输厅".into(), year: 2016,
///     approved: "12.5".parse().unwrap(), unit: Unit::YiYuan,
///     stages: vec![StageDate { stage: FundStage::Approval, date: d("2016-03-01") },
///                  StageDate { stage: FundStage::Disclosure, date: d("2016-03-31") }],
///     allocations: vec![Allocation { recipient: "甲市".into(), region: None, amount: "13".parse().unwrap(), date: None }],
/// };
/// let f = fund.check(&FundCheckOptions::default());
/// let rules: Vec<&str> = f.iter().map(|x| x.rule.as_str()).collect();
/// assert_eq!(rules, ["special_fund.late_disclosure", "special_fund.over_allocated"]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SpecialFund {
    /// The fund's name.
    pub name: String,
    /// The managing department (主管部门).
    pub department: String,
    /// The budget year.
    pub year: i32,
    /// The approved amount.
    pub approved: Decimal,
    /// The unit of `approved` and of the allocations.
    pub unit: Unit,
    /// The stages that have happened, with their dates (any order).
    #[cfg_attr(feature = "uniffi", uniffi(default = []))]
    pub stages: Vec<StageDate>,
    /// The allocations.
    #[cfg_attr(feature = "uniffi", uniffi(default = []))]
    pub allocations: Vec<Allocation>,
}

/// Options of the special-fund checks.
///
/// ```
/// let o = sunlit::special_fund::FundCheckOptions::default();
/// assert_eq!(o.disclosure_days, 20);
/// assert_eq!(o.as_of, None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FundCheckOptions {
    /// Days after approval within which the allocation must be disclosed (default 20, after
    /// 预算法 art. 14's period for budgets).
    pub disclosure_days: u32,
    /// The checking date: when given, a fund approved more than `disclosure_days` before it
    /// without a disclosure is reported ([`rules::NOT_DISCLOSED`]).
    pub as_of: Option<NaiveDate>,
}

impl Default for FundCheckOptions {
    fn default() -> FundCheckOptions {
        FundCheckOptions {
            disclosure_days: 20,
            as_of: None,
        }
    }
}

fn fund_finding(
    rule: &Rule,
    fund: &SpecialFund,
    column: Option<&str>,
    zh: String,
    en: String,
) -> Finding {
    let f = Finding::new(rule, zh, en)
        .with_table("专项资金")
        .with_code(fund.name.clone());
    match column {
        Some(c) => f.with_column(c),
        None => f,
    }
}

impl SpecialFund {
    /// The date of `stage`, if recorded (the first, if recorded twice).
    ///
    /// ```
    /// use sunlit::{Unit, special_fund::{FundStage, SpecialFund}};
    /// let f = SpecialFund { name: "x".into(), department: "d".into(), year: 2016,
    ///     approved: 1.into(), unit: Unit::Yuan, stages: vec![], allocations: vec![] };
    /// assert_eq!(f.date_of(FundStage::Approval), None);
    /// ```
    pub fn date_of(&self, stage: FundStage) -> Option<NaiveDate> {
        self.stages
            .iter()
            .find(|s| s.stage == stage)
            .map(|s| s.date)
    }

    /// The sum of the allocations, exactly; an [`Error::Overflow`] when it does not fit 28
    /// digits.
    ///
    /// ```
    /// use sunlit::{Decimal, Error, Unit, special_fund::{Allocation, SpecialFund}};
    /// let a = |x: Decimal| Allocation { recipient: "r".into(), region: None, amount: x, date: None };
    /// let f = SpecialFund { name: "x".into(), department: "d".into(), year: 2016,
    ///     approved: 10.into(), unit: Unit::Yuan, stages: vec![], allocations: vec![a(4.into()), a(5.into())] };
    /// assert_eq!(f.allocated().unwrap().to_string(), "9");
    /// let huge = SpecialFund { allocations: vec![a(Decimal::MAX), a(Decimal::MAX)], ..f };
    /// assert!(matches!(huge.allocated(), Err(Error::Overflow { .. })));
    /// ```
    pub fn allocated(&self) -> Result<Decimal> {
        crate::money::checked_sum(
            self.allocations.iter().map(|a| a.amount),
            "allocations of a special fund",
        )
    }

    /// Check the fund: allocations within the approved amount ([`rules::OVER_ALLOCATED`]),
    /// stages in order ([`rules::STAGE_ORDER`]), no allocation before approval
    /// ([`rules::ALLOCATION_BEFORE_APPROVAL`]), disclosure within the period
    /// ([`rules::LATE_DISCLOSURE`], [`rules::NOT_DISCLOSED`]). Sorted findings.
    ///
    /// ```
    /// use sunlit::{Unit, special_fund::{FundCheckOptions, FundStage, SpecialFund, StageDate}};
    /// let d = |s: &str| s.parse().unwrap();
    /// let fund = SpecialFund { name: "x".into(), department: "d".into(), year: 2016,
    ///     approved: 10.into(), unit: Unit::WanYuan, allocations: vec![],
    ///     stages: vec![StageDate { stage: FundStage::Approval, date: d("2016-03-01") }] };
    /// assert!(fund.check(&FundCheckOptions::default()).is_empty());
    /// let late = fund.check(&FundCheckOptions { as_of: Some(d("2016-04-01")), ..Default::default() });
    /// assert_eq!(late.as_slice()[0].rule, "special_fund.not_disclosed");
    /// assert_eq!(late.as_slice()[0].actual.unwrap().to_string(), "31");
    /// ```
    pub fn check(&self, opts: &FundCheckOptions) -> Findings {
        let mut out = Findings::new();
        self.check_allocated_total(&mut out);
        // Stages in order.
        self.check_stages_once(&mut out);
        self.check_stage_dates(&mut out);
        let approval = self.date_of(FundStage::Approval);
        if let Some(ap) = approval {
            self.check_allocations_after(ap, &mut out);
            self.check_disclosure(ap, opts, &mut out);
        }
        out.sort();
        out
    }
}

/// The steps of [`SpecialFund::check`].
impl SpecialFund {
    /// [`rules::OVER_ALLOCATED`]: the allocations add up within the approved amount.
    fn check_allocated_total(&self, out: &mut Findings) {
        match self.allocated() {
            Ok(sum) if sum > self.approved => out.push(
                fund_finding(
                    &rules::OVER_ALLOCATED,
                    self,
                    Some("allocations"),
                    format!(
                        "{} 的分配合计 {sum} {} 超过批准金额 {} {}",
                        self.name, self.unit, self.approved, self.unit
                    ),
                    format!(
                        "{}: allocations of {sum} {} exceed the approved {} {}",
                        self.name, self.unit, self.approved, self.unit
                    ),
                )
                .with_values(self.approved, sum),
            ),
            Ok(_) => {}
            Err(e) => out.push(fund_finding(
                &rules::OVER_ALLOCATED,
                self,
                Some("allocations"),
                format!("{} 的分配合计无法计算：{e}", self.name),
                format!("{}: the allocations cannot be added up: {e}", self.name),
            )),
        }
    }

    /// [`rules::STAGE_ORDER`]: no stage recorded twice.
    fn check_stages_once(&self, out: &mut Findings) {
        let mut seen: Vec<FundStage> = Vec::new();
        for s in &self.stages {
            if seen.contains(&s.stage) {
                out.push(fund_finding(
                    &rules::STAGE_ORDER,
                    self,
                    Some(s.stage.id()),
                    format!("{} 的{}阶段记录了两次", self.name, s.stage.name_zh()),
                    format!(
                        "{}: the {} stage is recorded twice",
                        self.name,
                        s.stage.id()
                    ),
                ));
            }
            seen.push(s.stage);
        }
    }

    /// [`rules::STAGE_ORDER`]: no stage dated before an earlier stage.
    fn check_stage_dates(&self, out: &mut Findings) {
        for later in FundStage::ALL {
            let Some(ld) = self.date_of(*later) else {
                continue;
            };
            let earlier = FundStage::ALL
                .iter()
                .take_while(|s| *s != later)
                .filter_map(|s| self.date_of(*s).map(|d| (*s, d)))
                .find(|(_, d)| *d > ld);
            if let Some((e, ed)) = earlier {
                out.push(fund_finding(
                    &rules::STAGE_ORDER,
                    self,
                    Some(later.id()),
                    format!(
                        "{} 的{}（{ld}）早于{}（{ed}）",
                        self.name,
                        later.name_zh(),
                        e.name_zh()
                    ),
                    format!(
                        "{}: {} ({ld}) is dated before {} ({ed})",
                        self.name,
                        later.id(),
                        e.id()
                    ),
                ));
            }
        }
    }

    /// [`rules::ALLOCATION_BEFORE_APPROVAL`]: no allocation dated before approval on `ap`.
    fn check_allocations_after(&self, ap: NaiveDate, out: &mut Findings) {
        for a in &self.allocations {
            if let Some(d) = a.date
                && d < ap
            {
                out.push(fund_finding(
                    &rules::ALLOCATION_BEFORE_APPROVAL,
                    self,
                    Some(&a.recipient),
                    format!(
                        "{} 向{}的分配（{d}）早于审批（{ap}）",
                        self.name,
                        a.recipient,
                        ap = ap
                    ),
                    format!(
                        "{}: the allocation to {} ({d}) predates approval ({ap})",
                        self.name, a.recipient
                    ),
                ));
            }
        }
    }

    /// [`rules::LATE_DISCLOSURE`], [`rules::NOT_DISCLOSED`]: disclosed within the period after
    /// approval on `ap` (or, not yet disclosed, the period not over at `as_of`).
    fn check_disclosure(&self, ap: NaiveDate, opts: &FundCheckOptions, out: &mut Findings) {
        let days = Decimal::from(opts.disclosure_days);
        match self.date_of(FundStage::Disclosure) {
            Some(dd) => {
                let elapsed = (dd - ap).num_days();
                if elapsed > i64::from(opts.disclosure_days) {
                    out.push(
                        fund_finding(
                            &rules::LATE_DISCLOSURE,
                            self,
                            Some(FundStage::Disclosure.id()),
                            format!(
                                "{} 于审批后第{elapsed}天公开（{dd}），超过{}天",
                                self.name, opts.disclosure_days
                            ),
                            format!(
                                "{}: disclosed {elapsed} days after approval ({dd}), more than {}",
                                self.name, opts.disclosure_days
                            ),
                        )
                        .with_values(days, Decimal::from(elapsed)),
                    );
                }
            }
            None => {
                if let Some(as_of) = opts.as_of {
                    let elapsed = (as_of - ap).num_days();
                    if elapsed > i64::from(opts.disclosure_days) {
                        out.push(
                            fund_finding(
                                &rules::NOT_DISCLOSED,
                                self,
                                Some(FundStage::Disclosure.id()),
                                format!("{} 审批后{elapsed}天（截至{as_of}）仍未公开", self.name),
                                format!("{}: not disclosed {elapsed} days after approval (as of {as_of})", self.name),
                            )
                            .with_values(days, Decimal::from(elapsed)),
                        );
                    }
                }
            }
        }
    }
}

/// A published list of special funds with its printed count and total (the seed's "50 项、648亿元").
///
/// ```
/// use sunlit::{SpecialFundList, Unit};
/// let list = SpecialFundList { funds: vec![], published_total: None, total_unit: Unit::YiYuan, published_count: Some(50) };
/// let f = list.check(&Default::default()).unwrap();
/// assert_eq!(f.as_slice()[0].rule, "special_fund.list_count");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SpecialFundList {
    /// The funds.
    pub funds: Vec<SpecialFund>,
    /// The published total, as printed, in `total_unit`.
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub published_total: Option<Decimal>,
    /// The unit of the published total (亿元 in the seed).
    pub total_unit: Unit,
    /// The published number of funds.
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub published_count: Option<u32>,
}

impl Default for SpecialFundList {
    /// An empty list with no printed count or total, its total in 亿元 (the unit lists of funds
    /// are published in). The bindings take their defaults from here.
    ///
    /// ```
    /// let list = sunlit::SpecialFundList::default();
    /// assert_eq!(list.total_unit, sunlit::Unit::YiYuan);
    /// assert!(list.funds.is_empty() && list.published_count.is_none());
    /// ```
    fn default() -> Self {
        SpecialFundList {
            funds: Vec::new(),
            published_total: None,
            total_unit: Unit::YiYuan,
            published_count: None,
        }
    }
}

impl SpecialFundList {
    /// The exact sum of the approved amounts, in `total_unit`; an [`Error::Overflow`] when an
    /// amount or the sum does not fit 28 digits in that unit.
    ///
    /// ```
    /// use sunlit::{Decimal, Error, SpecialFundList, Unit, special_fund::SpecialFund};
    /// let f = |x: Decimal| SpecialFund { name: "x".into(), department: "d".into(), year: 2016,
    ///     approved: x, unit: Unit::WanYuan, stages: vec![], allocations: vec![] };
    /// let list = SpecialFundList { funds: vec![f(60_000.into()), f(4_800.into())], published_total: None,
    ///     total_unit: Unit::YiYuan, published_count: None };
    /// assert_eq!(list.total().unwrap().to_string(), "6.4800");
    /// // Decimal::MAX 万元 has no exact value in 元.
    /// let huge = SpecialFundList { funds: vec![f(Decimal::MAX)], total_unit: Unit::Yuan, ..list };
    /// assert!(matches!(huge.total(), Err(Error::Overflow { .. })));
    /// ```
    pub fn total(&self) -> Result<Decimal> {
        let mut sum = Decimal::ZERO;
        for f in &self.funds {
            let v = f.unit.convert(f.approved, self.total_unit)?;
            sum = sum
                .checked_add(v)
                .ok_or_else(|| Error::overflow("total of a list of special funds"))?;
        }
        Ok(sum)
    }

    /// Check the list: the count ([`rules::LIST_COUNT`]), the total as printed
    /// ([`rules::LIST_TOTAL`]) and every fund ([`SpecialFund::check`]). Sorted findings; an
    /// [`Error::Overflow`] when the total cannot be computed ([`SpecialFundList::total`]).
    ///
    /// ```
    /// use sunlit::{SpecialFundList, Unit, special_fund::SpecialFund};
    /// let f = |x: &str| SpecialFund { name: "x".into(), department: "d".into(), year: 2016,
    ///     approved: x.parse().unwrap(), unit: Unit::YiYuan, stages: vec![], allocations: vec![] };
    /// let list = SpecialFundList { funds: vec![f("600.2"), f("47.6")], published_total: Some(648.into()),
    ///     total_unit: Unit::YiYuan, published_count: Some(2) };
    /// assert!(list.check(&Default::default()).unwrap().is_empty()); // 647.8 prints as 648
    /// // A total that cannot be computed is an error, not a finding.
    /// let max = sunlit::Decimal::MAX.to_string();
    /// let huge = SpecialFundList { funds: vec![f(&max), f(&max)], ..list };
    /// assert!(matches!(huge.check(&Default::default()), Err(sunlit::Error::Overflow { .. })));
    /// ```
    pub fn check(&self, opts: &FundCheckOptions) -> Result<Findings> {
        let mut out = Findings::new();
        if let Some(n) = self.published_count {
            let actual = self.funds.len();
            if u32::try_from(actual).ok() != Some(n) {
                out.push(
                    Finding::new(
                        &rules::LIST_COUNT,
                        format!("公布{n}项专项资金，清单列出{actual}项"),
                        format!("{n} funds are published but the list holds {actual}"),
                    )
                    .with_table("专项资金")
                    .with_code("合计")
                    .with_column("count")
                    .with_values(Decimal::from(n), Decimal::from(actual)),
                );
            }
        }
        if let Some(printed) = self.published_total {
            let exact = self.total()?;
            if !rounds_to(exact, printed) {
                let u = self.total_unit;
                out.push(
                    Finding::new(
                        &rules::LIST_TOTAL,
                        format!("各项专项资金合计 {exact} {u}，与公布的 {printed} {u} 不符"),
                        format!("the funds add up to {exact} {u}, which does not print as the published {printed} {u}"),
                    )
                    .with_table("专项资金")
                    .with_code("合计")
                    .with_column("approved")
                    .with_values(printed, exact),
                );
            }
        }
        for f in &self.funds {
            out.extend(f.check(opts));
        }
        out.sort();
        Ok(out)
    }
}
