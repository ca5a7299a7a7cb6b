//! The annual report of disclosure work (政府信息公开工作年度报告) and the legacy statistics.

use std::collections::HashMap;
use std::sync::Arc;

use rust_decimal::Decimal;
use sunlit::{
    Finding,
    report::{
        LegacyChannel, ProactiveCell, ReportFormat, ReportTableKind, ReportTableView,
        RequestColumn, RequestRow, ReviewBlock, ReviewCount,
    },
};

use crate::errors::Result;
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

#[uniffi::export]
impl AnnualReport {
    /// Build a year's report from its request records and figures.
    #[uniffi::constructor]
    pub fn build(input: ReportInput) -> Result<Arc<AnnualReport>> {
        let format = match input.format {
            Some(f) => f,
            None => ReportFormat::for_year(input.year)?,
        };
        let proactive = input
            .proactive
            .map(|cells| sunlit::report::ProactiveTable::from_cells(format, &cells))
            .transpose()?;
        let reviews = input
            .reviews
            .map(|counts| sunlit::report::ReviewTable::from_counts(&counts))
            .transpose()?;
        let requests: Option<Vec<sunlit::DisclosureRequest>> = input
            .requests
            .map(|all| all.iter().map(|r| r.inner().clone()).collect());
        let report = sunlit::AnnualReport::build(&sunlit::report::ReportInput {
            year: input.year,
            format: Some(format),
            requests: requests.as_deref(),
            proactive,
            reviews,
        })?;
        Ok(Arc::new(AnnualReport(report)))
    }

    /// Read the tables of a published report, one file per table (each optional).
    #[uniffi::constructor]
    pub fn read_tables(files: TableFiles) -> Result<Arc<AnnualReport>> {
        let report = sunlit::AnnualReport::read_tables(&sunlit::report::TableFiles {
            format: files.format.unwrap_or_default(),
            year: files.year,
            proactive: files.proactive.map(Into::into),
            requests: files.requests.map(Into::into),
            reviews: files.reviews.map(Into::into),
        })?;
        Ok(Arc::new(AnnualReport(report)))
    }

    /// Read a report written by `toJson()`.
    #[uniffi::constructor]
    pub fn from_json(text: String) -> Result<Arc<AnnualReport>> {
        Ok(Arc::new(AnnualReport(sunlit::AnnualReport::from_json(
            &text,
        )?)))
    }

    /// The year the report covers.
    pub fn year(&self) -> Option<i32> {
        self.0.year()
    }

    /// The format.
    pub fn format(&self) -> ReportFormat {
        self.0.format()
    }

    /// A table as rows of labelled cells (null if the report lacks it).
    pub fn table(&self, kind: ReportTableKind) -> Option<ReportTableView> {
        self.0.table(kind)
    }

    /// Check every table; with last year's report, also the cross-year check of Table 2.
    pub fn check(&self, last_year: Option<Arc<AnnualReport>>) -> Vec<Finding> {
        self.0
            .check(&sunlit::report::ReportCheckOptions {
                last_year: last_year.as_deref().map(|r| &r.0),
            })
            .into_vec()
    }

    /// The correction rate (纠错率) of a Table 4 block, percent rounded half up (null without
    /// Table 4 or cases).
    pub fn correction_rate(&self, block: ReviewBlock, places: u32) -> Result<Option<Decimal>> {
        match self.0.reviews() {
            Some(t) => Ok(t.correction_rate(block, places)?),
            None => Ok(None),
        }
    }

    /// The count in a Table 3 cell (null: blank or no Table 3).
    pub fn request_count(&self, row: RequestRow, column: RequestColumn) -> Result<Option<i64>> {
        match self.0.requests() {
            Some(t) => Ok(t.get(row, column)?),
            None => Ok(None),
        }
    }

    /// The report as Markdown.
    pub fn to_markdown(&self) -> String {
        self.0.to_markdown()
    }

    /// The report as a standalone HTML page (official layout, merged cells).
    pub fn to_html(&self) -> String {
        self.0.to_html()
    }

    /// The report as JSON.
    pub fn to_json(&self) -> String {
        self.0.to_json()
    }

    /// One table as CSV in the reading format.
    pub fn table_csv(&self, kind: ReportTableKind) -> Result<String> {
        Ok(self.0.table_csv(kind)?)
    }

    /// One table as JSON in the reading format.
    pub fn table_json(&self, kind: ReportTableKind) -> Result<String> {
        Ok(self.0.table_json(kind)?)
    }

    /// One table as Markdown.
    pub fn table_markdown(&self, kind: ReportTableKind) -> Result<String> {
        Ok(self.0.table_markdown(kind)?)
    }

    /// One table as an HTML fragment.
    pub fn table_html(&self, kind: ReportTableKind) -> Result<String> {
        Ok(self.0.table_html(kind)?)
    }
}

/// Pre-2019 statistics: requests in total and by channel, reconsideration and litigation cases
/// with the number corrected (纠错). Unknown figures are null, not zero.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct LegacyStatistics {
    /// The year covered.
    #[uniffi(default = None)]
    pub year: Option<i32>,
    /// 申请总数.
    #[uniffi(default = None)]
    pub requests: Option<i64>,
    /// Requests by channel.
    #[uniffi(default)]
    pub channels: HashMap<LegacyChannel, i64>,
    /// Reconsideration cases.
    #[uniffi(default = None)]
    pub reviews: Option<i64>,
    /// Reconsideration cases corrected.
    #[uniffi(default = None)]
    pub reviews_corrected: Option<i64>,
    /// Litigation cases.
    #[uniffi(default = None)]
    pub suits: Option<i64>,
    /// Litigation cases corrected.
    #[uniffi(default = None)]
    pub suits_corrected: Option<i64>,
}

impl From<&LegacyStatistics> for sunlit::report::LegacyStatistics {
    fn from(s: &LegacyStatistics) -> Self {
        sunlit::report::LegacyStatistics {
            year: s.year,
            requests: s.requests,
            channels: s.channels.iter().map(|(k, v)| (*k, *v)).collect(),
            reviews: s.reviews,
            reviews_corrected: s.reviews_corrected,
            suits: s.suits,
            suits_corrected: s.suits_corrected,
        }
    }
}

#[uniffi::export]
impl LegacyStatistics {
    /// A channel's share of the requests, percent rounded half up to `places`.
    pub fn channel_share(&self, channel: LegacyChannel, places: u32) -> Result<Option<Decimal>> {
        Ok(sunlit::report::LegacyStatistics::from(self).channel_share(channel, places)?)
    }

    /// Reconsideration correction rate (纠错率), percent, half up.
    pub fn review_correction_rate(&self, places: u32) -> Result<Option<Decimal>> {
        Ok(sunlit::report::LegacyStatistics::from(self).review_correction_rate(places)?)
    }

    /// Litigation correction rate (纠错率), percent, half up.
    pub fn suit_correction_rate(&self, places: u32) -> Result<Option<Decimal>> {
        Ok(sunlit::report::LegacyStatistics::from(self).suit_correction_rate(places)?)
    }

    /// Check the figures.
    pub fn check(&self) -> Vec<Finding> {
        sunlit::report::LegacyStatistics::from(self)
            .check()
            .into_vec()
    }
}

/// An annual report read from its table files, with the warnings of lenient quoting.
#[derive(uniffi::Record)]
pub struct AnnualReportRead {
    /// The report.
    pub report: Arc<AnnualReport>,
    /// One `input.relaxed_quoting` warning per CSV field read leniently (none when strict).
    pub findings: Vec<Finding>,
}

/// Read the tables of a published report (one file per table, each optional) with `options`
/// (quoting and limits of every file), returning the warnings of lenient quoting.
#[uniffi::export]
pub fn annual_report_read_tables_with(
    files: TableFiles,
    options: crate::input::InputOptions,
) -> Result<AnnualReportRead> {
    let opts = crate::input::core_options(Some(options))?;
    let (report, findings) = sunlit::AnnualReport::read_tables_with(
        &sunlit::report::TableFiles {
            format: files.format.unwrap_or_default(),
            year: files.year,
            proactive: files.proactive.map(Into::into),
            requests: files.requests.map(Into::into),
            reviews: files.reviews.map(Into::into),
        },
        &opts,
    )?;
    Ok(AnnualReportRead {
        report: Arc::new(AnnualReport(report)),
        findings,
    })
}

/// Read a report written by `toJson()` within the limits of `options`.
#[uniffi::export]
pub fn annual_report_from_json_with(
    text: String,
    options: crate::input::InputOptions,
) -> Result<Arc<AnnualReport>> {
    let opts = crate::input::core_options(Some(options))?;
    Ok(Arc::new(AnnualReport(
        sunlit::AnnualReport::from_json_with(&text, &opts)?,
    )))
}
