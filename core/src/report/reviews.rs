//! Table 4 政府信息公开行政复议、行政诉讼情况: reconsideration and litigation caused by disclosure
//! work (政府信息公开条例 2019 art. 50(3)).

use rust_decimal::Decimal;

use super::labels::{find_by_key, key_without_prefix, label_key};
use super::{check_cell, count_decimal, rules};
use crate::error::{Error, Result};
use crate::finding::{Finding, Findings};
use crate::money::percent;
use crate::vocab::vocabulary;

/// The table id used in findings.
pub(crate) const TABLE: &str = "reviews";
/// The heading over the two litigation blocks.
pub(crate) const LITIGATION_HEADING: &str = "行政诉讼";

vocabulary! {
    /// A block of Table 4: administrative reconsideration, or administrative litigation split by
    /// whether the suit followed a reconsideration.
    pub enum ReviewBlock("review_block") {
        /// 行政复议 — administrative reconsideration.
        Review = "review", "行政复议";
        /// 行政诉讼 · 未经复议直接起诉 — suits brought directly, without reconsideration.
        DirectSuit = "direct_suit", "未经复议直接起诉" | "行政诉讼未经复议直接起诉";
        /// 行政诉讼 · 复议后起诉 — suits brought after reconsideration.
        SuitAfterReview = "suit_after_review", "复议后起诉" | "行政诉讼复议后起诉";
    }
}

vocabulary! {
    /// A column of a Table 4 block: the result of the cases, or their total.
    pub enum ReviewColumn("review_column") {
        /// 结果维持 — the decision was upheld.
        Upheld = "upheld", "结果维持";
        /// 结果纠正 — the decision was corrected (纠错).
        Corrected = "corrected", "结果纠正" | "纠错";
        /// 其他结果 — another result.
        Other = "other", "其他结果";
        /// 尚未审结 — not yet decided.
        Pending = "pending", "尚未审结";
        /// 总计 — all cases of the block.
        Total = "total", "总计";
    }
}

impl ReviewBlock {
    fn index(self) -> usize {
        match self {
            ReviewBlock::Review => 0,
            ReviewBlock::DirectSuit => 1,
            ReviewBlock::SuitAfterReview => 2,
        }
    }

    /// Find a block by its printed label (`行政复议`, `未经复议直接起诉`, `行政诉讼 复议后起诉` …,
    /// punctuation and spaces tolerated) or id.
    ///
    /// ```
    /// use sunlit::report::ReviewBlock;
    /// assert_eq!(ReviewBlock::from_label("行政诉讼-复议后起诉").unwrap(), ReviewBlock::SuitAfterReview);
    /// assert!(ReviewBlock::from_label("信访").is_err());
    /// ```
    pub fn from_label(text: &str) -> Result<ReviewBlock> {
        let candidates: Vec<(ReviewBlock, Vec<String>)> = ReviewBlock::ALL
            .iter()
            .map(|&b| (b, vec![label_key(b.name_zh()), b.id().to_owned()]))
            .collect();
        find_by_key(&key_without_prefix(text, LITIGATION_HEADING), &candidates)
            .or_else(|| find_by_key(text.trim(), &candidates))
            .ok_or_else(|| {
                Error::value(
                    "review_block",
                    text,
                    "expected 行政复议, 未经复议直接起诉 or 复议后起诉",
                )
            })
    }
}

impl ReviewColumn {
    fn index(self) -> usize {
        match self {
            ReviewColumn::Upheld => 0,
            ReviewColumn::Corrected => 1,
            ReviewColumn::Other => 2,
            ReviewColumn::Pending => 3,
            ReviewColumn::Total => 4,
        }
    }
}

/// A number of cases of one block with one result, as given to [`ReviewTable::from_counts`].
///
/// ```
/// use sunlit::report::{ReviewBlock, ReviewColumn, ReviewCount};
/// let c = ReviewCount { block: ReviewBlock::Review, column: ReviewColumn::Corrected, count: 245 };
/// assert_eq!(c.count, 245);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ReviewCount {
    /// Reconsideration, direct suit or suit after reconsideration.
    pub block: ReviewBlock,
    /// The result (not 总计: totals are computed).
    pub column: ReviewColumn,
    /// The number of cases.
    pub count: i64,
}

/// Table 4 政府信息公开行政复议、行政诉讼情况: 15 numbers, the five columns 结果维持 · 结果纠正 ·
/// 其他结果 · 尚未审结 · 总计 for each of 行政复议, 未经复议直接起诉 and 复议后起诉. The same in the
/// 2019 and 2021 formats. A cell is `None` when a published table leaves it blank.
///
/// ```
/// use sunlit::report::{ReviewBlock as B, ReviewColumn as C, ReviewCount, ReviewTable};
/// let t = ReviewTable::from_counts(&[
///     ReviewCount { block: B::Review, column: C::Upheld, count: 1163 },
///     ReviewCount { block: B::Review, column: C::Corrected, count: 245 },
/// ])?;
/// assert_eq!(t.get(B::Review, C::Total), Some(1408));
/// assert_eq!(t.correction_rate(B::Review, 1)?.unwrap().to_string(), "17.4");
/// assert!(t.check().is_empty());
/// # Ok::<(), sunlit::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewTable {
    cells: [[Option<i64>; 5]; 3],
}

impl Default for ReviewTable {
    fn default() -> ReviewTable {
        ReviewTable::new()
    }
}

impl ReviewTable {
    /// A table with every number zero.
    ///
    /// ```
    /// use sunlit::report::{ReviewBlock, ReviewColumn, ReviewTable};
    /// assert_eq!(ReviewTable::new().get(ReviewBlock::DirectSuit, ReviewColumn::Total), Some(0));
    /// ```
    pub fn new() -> ReviewTable {
        ReviewTable {
            cells: [[Some(0); 5]; 3],
        }
    }

    /// A table with every cell blank.
    pub(crate) fn blank() -> ReviewTable {
        ReviewTable {
            cells: [[None; 5]; 3],
        }
    }

    /// A table from counts of cases by block and result; each block's 总计 is their sum. Counts
    /// of one cell add up. Giving a 总计, a negative count, or an overflowing sum is an error.
    ///
    /// ```
    /// use sunlit::report::{ReviewBlock as B, ReviewColumn as C, ReviewCount, ReviewTable};
    /// let total = ReviewCount { block: B::Review, column: C::Total, count: 3 };
    /// assert!(ReviewTable::from_counts(&[total]).is_err());
    /// ```
    pub fn from_counts(counts: &[ReviewCount]) -> Result<ReviewTable> {
        let mut t = ReviewTable::new();
        for (i, c) in counts.iter().enumerate() {
            let line = i as u64 + 1;
            if c.column == ReviewColumn::Total {
                return Err(Error::Input { cause: None,
                    line,
                    column: c.block.id().to_owned(),
                    value: c.column.id().to_owned(),
                    reason: "总计 is computed from the results; give upheld, corrected, other or pending".to_owned(),
                });
            }
            if c.count < 0 {
                return Err(Error::Input {
                    cause: None,
                    line,
                    column: c.column.id().to_owned(),
                    value: c.count.to_string(),
                    reason: "a number of cases cannot be negative".to_owned(),
                });
            }
            t.add(c.block, c.column, c.count)?;
        }
        Ok(t)
    }

    /// Add cases to one result of a block (the block's 总计 grows with it).
    fn add(&mut self, block: ReviewBlock, column: ReviewColumn, n: i64) -> Result<()> {
        let row = self
            .cells
            .get_mut(block.index())
            .ok_or_else(|| Error::value("review_block", block.id(), "no such block"))?;
        for j in [column.index(), ReviewColumn::Total.index()] {
            if let Some(cell) = row.get_mut(j) {
                let old = cell.unwrap_or(0);
                *cell = Some(
                    old.checked_add(n)
                        .ok_or_else(|| Error::overflow(format!("adding {} cases", block.id())))?,
                );
            }
        }
        Ok(())
    }

    /// The number in a cell (`None`: blank).
    ///
    /// ```
    /// use sunlit::report::{ReviewBlock, ReviewColumn, ReviewTable};
    /// assert_eq!(ReviewTable::new().get(ReviewBlock::Review, ReviewColumn::Pending), Some(0));
    /// ```
    pub fn get(&self, block: ReviewBlock, column: ReviewColumn) -> Option<i64> {
        self.cells
            .get(block.index())
            .and_then(|r| r.get(column.index()).copied())
            .flatten()
    }

    /// Set one cell as published (the total is not recomputed).
    ///
    /// ```
    /// use sunlit::report::{ReviewBlock, ReviewColumn, ReviewTable};
    /// let mut t = ReviewTable::new();
    /// t.set(ReviewBlock::Review, ReviewColumn::Total, Some(2));
    /// assert_eq!(t.check().as_slice()[0].rule, "report.review_total");
    /// ```
    pub fn set(&mut self, block: ReviewBlock, column: ReviewColumn, value: Option<i64>) {
        if let Some(cell) = self
            .cells
            .get_mut(block.index())
            .and_then(|r| r.get_mut(column.index()))
        {
            *cell = value;
        }
    }

    /// The correction rate (纠错率) of a block: 结果纠正 ÷ 总计 × 100, rounded half up to
    /// `places`; `None` when a cell is blank or the total is zero.
    ///
    /// ```
    /// use sunlit::report::{ReviewBlock as B, ReviewColumn as C, ReviewCount, ReviewTable};
    /// let t = ReviewTable::from_counts(&[
    ///     ReviewCount { block: B::DirectSuit, column: C::Upheld, count: 662 },
    ///     ReviewCount { block: B::DirectSuit, column: C::Corrected, count: 65 },
    /// ])?;
    /// assert_eq!(t.correction_rate(B::DirectSuit, 1)?.unwrap().to_string(), "8.9");
    /// assert_eq!(t.correction_rate(B::Review, 1)?, None); // no cases
    /// # Ok::<(), sunlit::Error>(())
    /// ```
    pub fn correction_rate(&self, block: ReviewBlock, places: u32) -> Result<Option<Decimal>> {
        match (
            self.get(block, ReviewColumn::Corrected),
            self.get(block, ReviewColumn::Total),
        ) {
            (Some(c), Some(t)) => percent(Decimal::from(c), Decimal::from(t), places),
            _ => Ok(None),
        }
    }

    /// Check Table 4: each block's 总计 is the sum of its four results ([`rules::REVIEW_TOTAL`]),
    /// no number is negative ([`rules::NEGATIVE_COUNT`]), blank cells are warnings
    /// ([`rules::BLANK_CELL`]).
    ///
    /// ```
    /// use sunlit::report::{ReviewBlock, ReviewColumn, ReviewTable};
    /// let mut t = ReviewTable::new();
    /// t.set(ReviewBlock::DirectSuit, ReviewColumn::Other, None);
    /// let f = t.check();
    /// assert_eq!((f.len(), f.as_slice()[0].rule.as_str()), (1, "report.blank_cell"));
    /// ```
    pub fn check(&self) -> Findings {
        let mut out = Findings::new();
        for &block in ReviewBlock::ALL {
            for &column in ReviewColumn::ALL {
                let value = self.get(block, column).map(Decimal::from);
                check_cell(
                    &mut out,
                    TABLE,
                    block.name_zh(),
                    column.name_zh(),
                    value,
                    false,
                );
            }
            let parts: Option<i128> = ReviewColumn::ALL
                .iter()
                .filter(|c| **c != ReviewColumn::Total)
                .map(|&c| self.get(block, c).map(i128::from))
                .sum();
            if let (Some(sum), Some(total)) = (parts, self.get(block, ReviewColumn::Total))
                && sum != i128::from(total)
            {
                let expected = count_decimal(sum);
                out.push(
                    Finding::new(
                        &rules::REVIEW_TOTAL,
                        "总计不等于结果维持、结果纠正、其他结果、尚未审结之和",
                        "总计 is not the sum of upheld, corrected, other and pending",
                    )
                    .with_table(TABLE)
                    .with_code(block.name_zh())
                    .with_column(ReviewColumn::Total.name_zh())
                    .with_values(expected, Decimal::from(total)),
                );
            }
        }
        out
    }
}
