//! The annual report of disclosure work (政府信息公开工作年度报告) and the legacy statistics.

use std::sync::Arc;

use rust_decimal::Decimal;
use sunlit::{
    Finding,
    report::{
        ProactiveCell, ReportFormat, ReportTableKind, ReportTableView, RequestColumn, RequestRow,
        ReviewBlock, ReviewCount,
    },
};

use crate::errors::Result;
use crate::input::{InputOptions, core_options};
use crate::request::DisclosureRequest;

/// What a report is built from.
#[derive(Debug, Clone, uniffi::Record)]
pub struct ReportInput {
    /// The year the report covers.
    pub year: i32,
    /// The format (null: the year's).
    #[uniffi(default = None)]
    pub format: Option<ReportFormat>,
    /// Table 3: the request records (every request that may touch the year).
    #[uniffi(default = None)]
    pub requests: Option<Vec<Arc<DisclosureRequest>>>,
    /// Table 2 cells (those not given stay blank).
    #[uniffi(default = None)]
    pub proactive: Option<Vec<ProactiveCell>>,
    /// Table 4 cases by block and result (totals computed).
    #[uniffi(default = None)]
    pub reviews: Option<Vec<ReviewCount>>,
}

/// The files of a published report's tables (`.json` read as JSON, others as CSV).
#[derive(Debug, Clone, uniffi::Record)]
pub struct TableFiles {
    /// The format the tables are printed in.
    #[uniffi(default = None)]
    pub format: Option<ReportFormat>,
    /// The year the report covers.
    #[uniffi(default = None)]
    pub year: Option<i32>,
    /// Table 2.
    #[uniffi(default = None)]
    pub proactive: Option<String>,
    /// Table 3.
    #[uniffi(default = None)]
    pub requests: Option<String>,
    /// Table 4.
    #[uniffi(default = None)]
    pub reviews: Option<String>,
}

/// The tables of one annual report.
#[derive(Debug, PartialEq, Eq, uniffi::Object)]
#[uniffi::export(Eq)]
pub struct AnnualReport(sunlit::AnnualReport);

fn wrap(r: sunlit::AnnualReport) -> Arc<AnnualReport> {
    Arc::new(AnnualReport(r))
}

impl From<TableFiles> for sunlit::report::TableFiles {
    fn from(f: TableFiles) -> Self {
        sunlit::report::TableFiles {
            format: f.format.unwrap_or_default(),
            year: f.year,
            proactive: f.proactive.map(Into::into),
            requests: f.requests.map(Into::into),
            reviews: f.reviews.map(Into::into),
        }
    }
}

constructors! { AnnualReport {
    /// Build a year's report from its request records and figures.
    #[uniffi::constructor]
    fn build(input: ReportInput) -> Result<Arc<AnnualReport>> = {
        let format = match input.format {
            Some(f) => f,
            None => ReportFormat::for_year(input.year)?,
        };
        let proactive = input.proactive.map(|c| sunlit::report::ProactiveTable::from_cells(format, &c));
        let reviews = input.reviews.map(|counts| sunlit::report::ReviewTable::from_counts(&counts));
        let requests: Option<Vec<sunlit::DisclosureRequest>> =
            input.requests.map(|all| all.iter().map(|r| r.inner().clone()).collect());
        Ok(wrap(sunlit::AnnualReport::build(&sunlit::report::ReportInput {
            year: input.year,
            format: Some(format),
            requests: requests.as_deref(),
            proactive: proactive.transpose()?,
            reviews: reviews.transpose()?,
        })?))
    };
    /// Read the tables of a published report, one file per table (each optional).
    #[uniffi::constructor]
    fn read_tables(files: TableFiles) -> Result<Arc<AnnualReport>> =
        Ok(wrap(sunlit::AnnualReport::read_tables(&files.into())?));
    /// Read a report written by `toJson()`.
    #[uniffi::constructor]
    fn from_json(text: String) -> Result<Arc<AnnualReport>> =
        Ok(wrap(sunlit::AnnualReport::from_json(&text)?));
}}

methods! { AnnualReport(r) {
    /// The year the report covers.
    fn year() -> Option<i32> = r.0.year();
    /// The format.
    fn format() -> ReportFormat = r.0.format();
    /// A table as rows of labelled cells (null if the report lacks it).
    fn table(kind: ReportTableKind) -> Option<ReportTableView> = r.0.table(kind);
    /// Check every table; with last year's report, also the cross-year check of Table 2.
    fn check(last_year: Option<Arc<AnnualReport>>) -> Vec<Finding> =
        r.0.check(&sunlit::report::ReportCheckOptions { last_year: last_year.as_deref().map(|l| &l.0) })
            .into_vec();
    /// The correction rate (纠错率) of a Table 4 block, percent rounded half up (null without
    /// Table 4 or cases).
    fn correction_rate(block: ReviewBlock, places: u32) -> Result<Option<Decimal>> =
        match r.0.reviews() {
        Some(t) => Ok(t.correction_rate(block, places)?),
        None => Ok(None),
    };
    /// The count in a Table 3 cell (null: blank or no Table 3).
    fn request_count(row: RequestRow, column: RequestColumn) -> Result<Option<i64>> =
        match r.0.requests() {
        Some(t) => Ok(t.get(row, column)?),
        None => Ok(None),
    };
    /// The report as Markdown.
    fn to_markdown() -> String = r.0.to_markdown();
    /// The report as a standalone HTML page (official layout, merged cells).
    fn to_html() -> String = r.0.to_html();
    /// The report as JSON.
    fn to_json() -> String = r.0.to_json();
    /// One table as CSV in the reading format.
    fn table_csv(kind: ReportTableKind) -> Result<String> = Ok(r.0.table_csv(kind)?);
    /// One table as JSON in the reading format.
    fn table_json(kind: ReportTableKind) -> Result<String> = Ok(r.0.table_json(kind)?);
    /// One table as Markdown.
    fn table_markdown(kind: ReportTableKind) -> Result<String> = Ok(r.0.table_markdown(kind)?);
    /// One table as an HTML fragment.
    fn table_html(kind: ReportTableKind) -> Result<String> = Ok(r.0.table_html(kind)?);
}}

/// An annual report read from its table files, with the warnings of lenient quoting.
#[derive(uniffi::Record)]
pub struct AnnualReportRead {
    /// The report.
    pub report: Arc<AnnualReport>,
    /// One `input.relaxed_quoting` warning per CSV field read leniently (none when strict).
    pub findings: Vec<Finding>,
}

functions! {
    /// Read the tables of a published report (one file per table, each optional) with `options`
    /// (quoting and limits of every file), returning the warnings of lenient quoting.
    fn annual_report_read_tables_with(files: TableFiles, options: InputOptions)
        -> Result<AnnualReportRead> =
        {
        let opts = core_options(Some(options))?;
        let (report, findings) = sunlit::AnnualReport::read_tables_with(&files.into(), &opts)?;
        Ok(AnnualReportRead { report: wrap(report), findings })
    };
    /// Read a report written by `toJson()` within the limits of `options`.
    fn annual_report_from_json_with(text: String, options: InputOptions)
        -> Result<Arc<AnnualReport>> =
        Ok(wrap(sunlit::AnnualReport::from_json_with(&text, &core_options(Some(options))?)?));
}
