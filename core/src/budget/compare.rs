//! Comparisons: budget against final account (执行率) and year over year (增长率).

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use super::rollup::{GroupKey, GroupValue, RollupOptions};
use super::{Ledger, Phase, Selection};
use crate::classification::Code;
use crate::error::{Error, Result};
use crate::money::percent;

/// What two sides a comparison sets against each other.
///
/// ```
/// use sunlit::budget::{CompareAxis, Phase};
/// let execution = CompareAxis::Phase { base: Phase::Budget, target: Phase::Final };
/// let growth = CompareAxis::Year { base: 2025, target: 2026 };
/// assert_ne!(execution, growth);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum CompareAxis {
    /// Two phases of the same year(s): `Budget` → `Final` gives the execution rate (预算执行率 =
    /// 决算数 ÷ 预算数); `Adjusted` → `Final` against the adjusted budget.
    Phase {
        /// The denominator phase.
        base: Phase,
        /// The numerator phase.
        target: Phase,
    },
    /// Two years of the same phase: year-over-year change (同比增长).
    Year {
        /// The earlier year.
        base: i32,
        /// The later year.
        target: i32,
    },
}

/// Options of [`Ledger::compare`].
///
/// ```
/// use sunlit::budget::{CompareAxis, CompareOptions, Phase};
/// let o = CompareOptions::new(CompareAxis::Phase { base: Phase::Budget, target: Phase::Final });
/// assert_eq!(o.places, 2);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompareOptions {
    /// The two sides.
    pub axis: CompareAxis,
    /// How each side is rolled up (grouping, tree, subtotals). Grouping by the compared
    /// dimension itself is an error.
    pub rollup: RollupOptions,
    /// Decimal places of the percentages (rounded half up, 四舍五入).
    pub places: u32,
}

impl CompareOptions {
    /// Compare along `axis`, ungrouped, percentages to two places.
    ///
    /// ```
    /// let o = sunlit::budget::CompareOptions::new(sunlit::budget::CompareAxis::Year { base: 2025, target: 2026 });
    /// assert!(o.rollup.by.is_empty());
    /// ```
    pub fn new(axis: CompareAxis) -> CompareOptions {
        CompareOptions {
            axis,
            rollup: RollupOptions::default(),
            places: 2,
        }
    }
}

/// One code of a comparison.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ComparisonRow {
    /// The group's dimension values.
    pub group: Vec<GroupValue>,
    /// The code.
    pub code: Code,
    /// Its level.
    pub level: u8,
    /// Amount on the base side (`None`: nothing there — not zero).
    pub base: Option<Decimal>,
    /// Amount on the target side.
    pub target: Option<Decimal>,
    /// `target − base`, when both sides have an amount.
    pub difference: Option<Decimal>,
    /// `target ÷ base × 100` (执行率 for phases), when both sides have an amount and base ≠ 0.
    pub rate: Option<Decimal>,
    /// `(target − base) ÷ base × 100` (增长率 for years), likewise.
    pub growth: Option<Decimal>,
}

/// The result of [`Ledger::compare`]: one row per group and code present on either side.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comparison {
    /// The rows, groups in key order, codes in code order.
    pub rows: Vec<ComparisonRow>,
}

impl Comparison {
    /// The row of `code` in the group with exactly these `group` values (in `by` order).
    ///
    /// ```
    /// let c = sunlit::budget::Comparison { rows: vec![] };
    /// assert!(c.get(sunlit::Code::functional("208").unwrap(), &[]).is_none());
    /// ```
    pub fn get(&self, code: Code, group: &[GroupValue]) -> Option<&ComparisonRow> {
        self.rows
            .iter()
            .find(|r| r.code == code && r.group == group)
    }
}

impl Ledger {
    /// Set two phases or two years side by side, code by code, with the difference, the rate
    /// (target as a percentage of base: the execution rate 执行率 for budget → final) and the
    /// growth (增长率), exact and rounded half up to `places`.
    ///
    /// ```
    /// use sunlit::{Code, Ledger, budget::{CompareAxis, CompareOptions, Phase}};
    /// let ledger = Ledger::read_csv_str("\
    /// year,book,phase,unit,functional,economic,nature,source,amount
    /// 2024,general,budget,u,2010601,,basic,,200
    /// 2024,general,final,u,2010601,,basic,,191
    /// ").unwrap();
    /// let c = ledger.compare(&CompareOptions::new(CompareAxis::Phase { base: Phase::Budget, target: Phase::Final })).unwrap();
    /// let row = c.get(Code::functional("201").unwrap(), &[]).unwrap();
    /// assert_eq!(row.rate.unwrap().to_string(), "95.50");
    /// assert_eq!(row.difference.unwrap().to_string(), "-9");
    /// ```
    pub fn compare(&self, opts: &CompareOptions) -> Result<Comparison> {
        let (compared, base_sel, target_sel) = match opts.axis {
            CompareAxis::Phase { base, target } => (
                GroupKey::Phase,
                GroupValue::Phase(base),
                GroupValue::Phase(target),
            ),
            CompareAxis::Year { base, target } => (
                GroupKey::Year,
                GroupValue::Year(base),
                GroupValue::Year(target),
            ),
        };
        if base_sel == target_sel {
            return Err(Error::value(
                "axis",
                &base_sel.text(),
                "base and target are the same",
            ));
        }
        if opts.rollup.by.contains(&compared) {
            return Err(Error::value(
                "by",
                compared.id(),
                "cannot group by the dimension being compared",
            ));
        }
        let side = |v: GroupValue| {
            self.select(&Selection {
                values: vec![v],
                under: None,
            })
            .rollup(&opts.rollup)
        };
        let base = side(base_sel)?;
        let target = side(target_sel)?;
        type Sides = (Option<Decimal>, Option<Decimal>);
        let mut joined: BTreeMap<(Vec<GroupValue>, Code), Sides> = BTreeMap::new();
        for r in base.rows() {
            joined.entry((r.group.to_vec(), r.code)).or_default().0 = Some(r.amount);
        }
        for r in target.rows() {
            joined.entry((r.group.to_vec(), r.code)).or_default().1 = Some(r.amount);
        }
        let mut rows = Vec::with_capacity(joined.len());
        for ((group, code), (b, t)) in joined {
            let (difference, rate, growth) = match (b, t) {
                (Some(b), Some(t)) => {
                    let diff = t
                        .checked_sub(b)
                        .ok_or_else(|| Error::overflow(format!("{t} − {b}")))?;
                    (
                        Some(diff),
                        percent(t, b, opts.places)?,
                        percent(diff, b, opts.places)?,
                    )
                }
                _ => (None, None, None),
            };
            rows.push(ComparisonRow {
                group,
                code,
                level: code.level(),
                base: b,
                target: t,
                difference,
                rate,
                growth,
            });
        }
        Ok(Comparison { rows })
    }
}
