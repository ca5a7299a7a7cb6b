//! The annual report of disclosure work (政府信息公开工作年度报告): build it from the year's records,
//! read and check a published one, render it in the official layout.
//!
//! Every department publishes its report for the past year by 31 January, every people's
//! government by 31 March (政府信息公开条例 2019 art. 49); its content is fixed by art. 50 and its
//! tables by the national format — 国办公开办函〔2021〕30号 from the 2021 reports on
//! ([`ReportFormat::Y2021`]), the trial format of 国办公开办函〔2019〕60号 for the 2019 and 2020
//! reports ([`ReportFormat::Y2019`]). The three tables of figures:
//!
//! - Table 2 主动公开政府信息情况 (proactive disclosure, art. 20 items) — [`ProactiveTable`];
//! - Table 3 收到和处理政府信息公开申请情况 (requests received and handled) — [`RequestTable`];
//! - Table 4 政府信息公开行政复议、行政诉讼情况 (reconsideration and litigation) — [`ReviewTable`].
//!
//! [`AnnualReport`] holds them for one year: built from counts and request records, or read from
//! one CSV or JSON file per table (labels as printed, common variants tolerated), checked against
//! the identities of the format ([`rules`]), and rendered to Markdown, HTML (merged group cells as
//! printed), CSV and JSON. Before 2019 there was no national format; the statistics forms of the
//! time counted requests by channel: [`LegacyStatistics`].
//!
//! [`AnnualReport`] is also at the crate root.
//!
//! ```
//! use sunlit::report::ReportFormat;
//! assert_eq!(ReportFormat::parse("试行")?, ReportFormat::Y2019);
//! assert_eq!(ReportFormat::default(), ReportFormat::Y2021);
//! assert!(ReportFormat::parse("2018").is_err());
//! # Ok::<(), sunlit::Error>(())
//! ```

mod annual;
mod labels;
mod legacy;
mod proactive;
mod read;
mod render;
mod requests;
mod reviews;

pub use annual::{AnnualReport, ReportCheckOptions, ReportInput, ReportTableKind, TableFiles};
pub use legacy::{LegacyChannel, LegacyStatistics};
pub use proactive::{ProactiveCell, ProactiveColumn, ProactiveRow, ProactiveTable};
pub use render::{ReportCell, ReportRow, ReportTableView};
pub use requests::{RequestColumn, RequestRow, RequestTable};
pub use reviews::{ReviewBlock, ReviewColumn, ReviewCount, ReviewTable};

pub(crate) use labels::label_key;
pub(crate) use proactive::TABLE as PROACTIVE_TABLE;
pub(crate) use render::esc;
pub(crate) use requests::TABLE as REQUESTS_TABLE;
pub(crate) use reviews::TABLE as REVIEWS_TABLE;

use crate::error::{Error, Result};
use crate::vocab::vocabulary;

pub(crate) use crate::rules::report as rules;

vocabulary! {
    /// The national format of the annual report (年度报告格式): the tables' rows and columns differ
    /// between the two. The default is the current format, 2021.
    #[derive(Default)]
    pub enum ReportFormat("report_format") {
        /// 国办公开办函〔2021〕30号 — the 2021 reports onward.
        #[default]
        Y2021 = "2021", "国办公开办函〔2021〕30号" | "2021版";
        /// 国办公开办函〔2019〕60号 — the trial format (试行) of the 2019 and 2020 reports.
        Y2019 = "2019", "国办公开办函〔2019〕60号" | "2019版" | "试行";
    }
}

impl ReportFormat {
    /// The format of the report on a given year: 2019 and 2020 in the trial format of
    /// 〔2019〕60号, 2021 onward in that of 〔2021〕30号. Earlier years had no national format (see
    /// [`LegacyStatistics`]): an error.
    ///
    /// ```
    /// use sunlit::report::ReportFormat;
    /// assert_eq!(ReportFormat::for_year(2024).unwrap(), ReportFormat::Y2021);
    /// assert_eq!(ReportFormat::for_year(2020).unwrap(), ReportFormat::Y2019);
    /// assert!(ReportFormat::for_year(2016).is_err());
    /// ```
    pub fn for_year(year: i32) -> Result<ReportFormat> {
        crate::calendar::check_year("year", year)?;
        match year {
            2021.. => Ok(ReportFormat::Y2021),
            2019..=2020 => Ok(ReportFormat::Y2019),
            _ => Err(Error::value(
                "year",
                &year.to_string(),
                "there is no national annual-report format before the 2019 reports; use LegacyStatistics",
            )),
        }
    }

    /// The document that fixes the format: `国办公开办函〔2021〕30号` or `国办公开办函〔2019〕60号`.
    ///
    /// ```
    /// assert_eq!(sunlit::report::ReportFormat::Y2019.document(), "国办公开办函〔2019〕60号");
    /// ```
    pub fn document(self) -> &'static str {
        self.name_zh()
    }
}

/// Check one cell: a blank is a [`rules::BLANK_CELL`] warning, a negative value (where the
/// column does not allow one) a [`rules::NEGATIVE_COUNT`] error.
pub(crate) fn check_cell(
    out: &mut crate::finding::Findings,
    table: &str,
    code: &str,
    column: &str,
    value: Option<rust_decimal::Decimal>,
    signed: bool,
) {
    use crate::finding::Finding;
    match value {
        None => out.push(
            Finding::new(
                &rules::BLANK_CELL,
                "单元格为空（空白不等于零），相关勾稽关系未检查",
                "blank cell (blank is not zero): the identities that need it were not checked",
            )
            .with_table(table)
            .with_code(code)
            .with_column(column),
        ),
        Some(v) if v.is_sign_negative() && !v.is_zero() && !signed => {
            let mut f = Finding::new(
                &rules::NEGATIVE_COUNT,
                "数量为负数",
                "a count or amount is negative",
            )
            .with_table(table)
            .with_code(code)
            .with_column(column);
            f.actual = Some(v);
            out.push(f);
        }
        Some(_) => {}
    }
}

/// An exact sum of counts as a decimal (never fails for the few dozen `i64` of a table).
pub(crate) fn count_decimal(v: i128) -> rust_decimal::Decimal {
    rust_decimal::Decimal::try_from_i128_with_scale(v, 0).unwrap_or(rust_decimal::Decimal::MAX)
}
