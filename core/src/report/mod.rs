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

/// Rule ids of the annual-report checks.
pub mod rules {
    /// `report.column_identity` (error): in a column of Table 3, 一 (new requests) + 二 (carried
    /// over from last year) ≠ （七）总计 (handled) + 四 (carried forward). Source: the top-left
    /// cell of Table 3 in 国办公开办函〔2021〕30号, "（本列数据的勾稽关系为：第一项加第二项之和，
    /// 等于第三项加第四项之和）", the same table as in the trial format of 国办公开办函〔2019〕60号
    /// (disclosure.md §2.4). The finding sits on row 四, expected = 一 + 二 − （七）.
    pub const COLUMN_IDENTITY: &str = "report.column_identity";
    /// `report.outcome_total` (error): in a column of Table 3, （七）总计 ≠ the sum of the result
    /// rows （一） to （六） with all their sub-rows. Source: Table 3 of 国办公开办函〔2021〕30号
    /// (and 〔2019〕60号): every request handled is counted under exactly one result — "区分处理的，
    /// 只计这一情形，不计其他情形" — and （七）总计 closes the block 三、本年度办理结果.
    pub const OUTCOME_TOTAL: &str = "report.outcome_total";
    /// `report.row_total` (error): in a row of Table 3, 总计 ≠ 自然人 + the five columns of
    /// 法人或其他组织 (商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他). Source: the column layout
    /// of Table 3 in 国办公开办函〔2021〕30号 (and 〔2019〕60号), which has no organisation subtotal.
    pub const ROW_TOTAL: &str = "report.row_total";
    /// `report.review_total` (error): in a block of Table 4 (行政复议, 未经复议直接起诉,
    /// 复议后起诉), 总计 ≠ 结果维持 + 结果纠正 + 其他结果 + 尚未审结. Source: Table 4 of
    /// 国办公开办函〔2021〕30号 (the same in 〔2019〕60号), which reports the reconsideration and
    /// litigation of 政府信息公开条例 2019 art. 50(3).
    pub const REVIEW_TOTAL: &str = "report.review_total";
    /// `report.valid_carry` (warning): in Table 2 (2021 format), 现行有效件数 of rules or normative
    /// documents ≠ last year's 现行有效件数 + 本年制发件数 − 本年废止件数. Source: the columns of the
    /// art. 20(1) block of Table 2 in 国办公开办函〔2021〕30号 and the cross-year check of public
    /// checkers (disclosure.md §2.3). A warning: documents with a fixed period of validity lapse
    /// without being repealed.
    pub const VALID_CARRY: &str = "report.valid_carry";
    /// `report.negative_count` (error): a negative number in a cell that counts documents,
    /// decisions, requests or cases, or holds fees collected (every cell except 2019's
    /// 本年增/减). Source: the cells of Tables 2–4 of 国办公开办函〔2021〕30号 and 〔2019〕60号 are
    /// counts (件数, 数量) and amounts collected.
    pub const NEGATIVE_COUNT: &str = "report.negative_count";
    /// `report.blank_cell` (warning): a cell of a published table is blank. Blank is not zero:
    /// the identities that need the cell are not checked. Source: every cell of Tables 2–4 of
    /// 国办公开办函〔2021〕30号 (and 〔2019〕60号) asks for a figure.
    pub const BLANK_CELL: &str = "report.blank_cell";
    /// `report.legacy_channel_sum` (error): in pre-2019 statistics the requests by channel add up
    /// to more than 申请总数 (or, when all six channels are given, not to it). Source: the
    /// statistics forms issued under the 2007 regulations count 申请总数 and "其中" 当面, 传真,
    /// 电子邮件, 网上, 信函, 其他形式 (disclosure.md §2.7).
    pub const LEGACY_CHANNEL_SUM: &str = "report.legacy_channel_sum";
    /// `report.legacy_corrected` (error): more cases corrected (纠错) than cases, for
    /// reconsideration (行政复议) or litigation (行政诉讼). Source: 纠错 counts a subset of the cases
    /// (the statistics forms of disclosure.md §2.7; 结果纠正 of Table 4 in the 2021 format).
    pub const LEGACY_CORRECTED: &str = "report.legacy_corrected";
}

vocabulary! {
    /// The national format of the annual report (年度报告格式): the tables' rows and columns differ
    /// between the two. The default is the current format, 2021.
    #[derive(Default)]
    pub enum ReportFormat("report format") {
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
    /// use sunlit::ReportFormat;
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
    /// assert_eq!(sunlit::ReportFormat::Y2019.document(), "国办公开办函〔2019〕60号");
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
    use crate::finding::{Finding, Severity};
    match value {
        None => out.push(
            Finding::new(
                rules::BLANK_CELL,
                Severity::Warning,
                "单元格为空（空白不等于零），相关勾稽关系未检查",
                "blank cell (blank is not zero): the identities that need it were not checked",
            )
            .with_table(table)
            .with_code(code)
            .with_column(column),
        ),
        Some(v) if v.is_sign_negative() && !v.is_zero() && !signed => {
            let mut f = Finding::new(
                rules::NEGATIVE_COUNT,
                Severity::Error,
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
