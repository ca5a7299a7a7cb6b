//! [`AnnualReport`]: the tables of one year's report together.

use std::path::PathBuf;

use serde::Serialize;
use serde_json::Value;

use super::read::{CountRow, ProactiveJson};
use super::{ProactiveTable, ReportFormat, RequestTable, ReviewTable};
use crate::error::{Error, Result};
use crate::finding::{Finding, Findings};
use crate::io::{InputOptions, parse_json_with};
use crate::request::DisclosureRequest;
use crate::vocab::vocabulary;

vocabulary! {
    /// A table of figures of the annual report.
    pub enum ReportTableKind("report_table") {
        /// Table 2 主动公开政府信息情况 — proactive disclosure.
        Proactive = "proactive", "主动公开政府信息情况" | "二、主动公开政府信息情况" | "table2";
        /// Table 3 收到和处理政府信息公开申请情况 — requests received and handled.
        Requests = "requests", "收到和处理政府信息公开申请情况" | "三、收到和处理政府信息公开申请情况" | "table3";
        /// Table 4 政府信息公开行政复议、行政诉讼情况 — reconsideration and litigation.
        Reviews = "reviews", "政府信息公开行政复议、行政诉讼情况" | "四、政府信息公开行政复议、行政诉讼情况" | "table4";
    }
}

impl ReportTableKind {
    /// The section heading the table sits under in the report (`三、收到和处理政府信息公开申请情况`).
    ///
    /// ```
    /// assert_eq!(sunlit::report::ReportTableKind::Proactive.heading(), "二、主动公开政府信息情况");
    /// ```
    pub fn heading(self) -> &'static str {
        match self {
            ReportTableKind::Proactive => "二、主动公开政府信息情况",
            ReportTableKind::Requests => "三、收到和处理政府信息公开申请情况",
            ReportTableKind::Reviews => "四、政府信息公开行政复议、行政诉讼情况",
        }
    }
}

/// The files of a published report's tables, one per table, each optional: `.json` files are
/// read as JSON, others as CSV (see [`RequestTable::read_csv`], [`ReviewTable::read_csv`],
/// [`ProactiveTable::read_csv`]).
///
/// ```
/// use sunlit::report::{ReportFormat, TableFiles};
/// let files = TableFiles { reviews: Some("reviews.csv".into()), ..Default::default() };
/// assert_eq!(files.format, ReportFormat::Y2021);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TableFiles {
    /// The format the tables are printed in (default 2021).
    pub format: ReportFormat,
    /// The year the report covers, if known.
    pub year: Option<i32>,
    /// Table 2 主动公开政府信息情况.
    pub proactive: Option<PathBuf>,
    /// Table 3 收到和处理政府信息公开申请情况.
    pub requests: Option<PathBuf>,
    /// Table 4 政府信息公开行政复议、行政诉讼情况.
    pub reviews: Option<PathBuf>,
}

/// What a report is built from ([`AnnualReport::build`]): the year, the format (by default the
/// year's, [`ReportFormat::for_year`]) and the records or figures of each table, each optional.
///
/// ```
/// use sunlit::report::{ReportInput, ReviewTable};
/// let input = ReportInput { year: 2024, reviews: Some(ReviewTable::new()), ..Default::default() };
/// assert!(input.format.is_none() && input.requests.is_none());
/// ```
#[derive(Debug, Clone, Default)]
pub struct ReportInput<'a> {
    /// The year the report covers.
    pub year: i32,
    /// The format; `None` picks the one in force for `year`.
    pub format: Option<ReportFormat>,
    /// Table 3: the request records (every request that may touch the year: received in it, or
    /// earlier and closed in it or later); see [`RequestTable::from_requests`].
    pub requests: Option<&'a [DisclosureRequest]>,
    /// Table 2: the proactive-disclosure figures.
    pub proactive: Option<ProactiveTable>,
    /// Table 4: reconsideration and litigation cases.
    pub reviews: Option<ReviewTable>,
}

/// Options of [`AnnualReport::check`].
///
/// ```
/// let o = sunlit::report::ReportCheckOptions::default();
/// assert!(o.last_year.is_none());
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct ReportCheckOptions<'a> {
    /// Last year's report, for the cross-year check of Table 2 ([`rules::VALID_CARRY`](super::rules::VALID_CARRY)).
    pub last_year: Option<&'a AnnualReport>,
}

/// The tables of figures of one annual report (政府信息公开工作年度报告): Table 2 (proactive
/// disclosure), Table 3 (requests) and Table 4 (reconsideration and litigation), each optional,
/// all in one format.
///
/// ```
/// use sunlit::{AnnualReport, report::{ReportFormat, ReportTableKind, ReviewTable}};
/// let report = AnnualReport::new(ReportFormat::Y2021, Some(2024)).with_reviews(ReviewTable::new());
/// assert!(report.check(&Default::default()).is_empty());
/// assert!(report.to_html().contains("<th colspan=\"10\">行政诉讼</th>"));
/// assert!(report.table_csv(ReportTableKind::Requests).is_err()); // no Table 3 in this report
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnnualReport {
    format: ReportFormat,
    year: Option<i32>,
    pub(super) proactive: Option<ProactiveTable>,
    pub(super) requests: Option<RequestTable>,
    pub(super) reviews: Option<ReviewTable>,
}

fn format_mismatch(table: &str, table_format: ReportFormat, format: ReportFormat) -> Error {
    Error::value(
        "report_format",
        table_format.id(),
        format!(
            "the {table} table is in the {} format but the report in the {} format",
            table_format.id(),
            format.id()
        ),
    )
}

impl AnnualReport {
    /// A report without tables.
    ///
    /// ```
    /// use sunlit::{AnnualReport, report::ReportFormat};
    /// let r = AnnualReport::new(ReportFormat::Y2019, Some(2020));
    /// assert_eq!((r.format(), r.year()), (ReportFormat::Y2019, Some(2020)));
    /// ```
    pub fn new(format: ReportFormat, year: Option<i32>) -> AnnualReport {
        AnnualReport {
            format,
            year,
            proactive: None,
            requests: None,
            reviews: None,
        }
    }

    /// The format.
    ///
    /// ```
    /// use sunlit::{AnnualReport, report::ReportFormat};
    /// assert_eq!(AnnualReport::new(ReportFormat::Y2021, None).format(), ReportFormat::Y2021);
    /// ```
    pub fn format(&self) -> ReportFormat {
        self.format
    }

    /// The year the report covers, if known.
    ///
    /// ```
    /// use sunlit::{AnnualReport, report::ReportFormat};
    /// assert_eq!(AnnualReport::new(ReportFormat::Y2021, None).year(), None);
    /// ```
    pub fn year(&self) -> Option<i32> {
        self.year
    }

    /// Table 2, if the report has it.
    ///
    /// ```
    /// use sunlit::{AnnualReport, report::ReportFormat};
    /// assert!(AnnualReport::new(ReportFormat::Y2021, None).proactive().is_none());
    /// ```
    pub fn proactive(&self) -> Option<&ProactiveTable> {
        self.proactive.as_ref()
    }

    /// Table 3, if the report has it.
    ///
    /// ```
    /// use sunlit::{AnnualReport, report::ReportFormat};
    /// assert!(AnnualReport::new(ReportFormat::Y2021, None).requests().is_none());
    /// ```
    pub fn requests(&self) -> Option<&RequestTable> {
        self.requests.as_ref()
    }

    /// Table 4, if the report has it.
    ///
    /// ```
    /// use sunlit::{AnnualReport, report::ReportFormat};
    /// assert!(AnnualReport::new(ReportFormat::Y2021, None).reviews().is_none());
    /// ```
    pub fn reviews(&self) -> Option<&ReviewTable> {
        self.reviews.as_ref()
    }

    /// The report with Table 2; a table in another format is an error.
    ///
    /// ```
    /// use sunlit::{AnnualReport, report::{ProactiveTable, ReportFormat}};
    /// let r = AnnualReport::new(ReportFormat::Y2021, None);
    /// assert!(r.clone().with_proactive(ProactiveTable::new(ReportFormat::Y2021)).is_ok());
    /// assert!(r.with_proactive(ProactiveTable::new(ReportFormat::Y2019)).is_err());
    /// ```
    pub fn with_proactive(mut self, table: ProactiveTable) -> Result<AnnualReport> {
        if table.format() != self.format {
            return Err(format_mismatch("proactive", table.format(), self.format));
        }
        self.proactive = Some(table);
        Ok(self)
    }

    /// The report with Table 3; a table in another format is an error.
    ///
    /// ```
    /// use sunlit::{AnnualReport, report::{ReportFormat, RequestTable}};
    /// let r = AnnualReport::new(ReportFormat::Y2019, None);
    /// assert!(r.clone().with_requests(RequestTable::new(ReportFormat::Y2019)).is_ok());
    /// assert!(r.with_requests(RequestTable::new(ReportFormat::Y2021)).is_err());
    /// ```
    pub fn with_requests(mut self, table: RequestTable) -> Result<AnnualReport> {
        if table.format() != self.format {
            return Err(format_mismatch("requests", table.format(), self.format));
        }
        self.requests = Some(table);
        Ok(self)
    }

    /// The report with Table 4 (the same in both formats).
    ///
    /// ```
    /// use sunlit::{AnnualReport, report::{ReportFormat, ReviewTable}};
    /// let r = AnnualReport::new(ReportFormat::Y2021, None).with_reviews(ReviewTable::new());
    /// assert!(r.reviews().is_some());
    /// ```
    #[must_use]
    pub fn with_reviews(mut self, table: ReviewTable) -> AnnualReport {
        self.reviews = Some(table);
        self
    }

    /// Build a year's report from its records and figures: Table 3 counted from the requests
    /// ([`RequestTable::from_requests`]), Tables 2 and 4 as given. The format is the input's or
    /// the year's; tables given in another format are an error.
    ///
    /// ```
    /// use sunlit::{AnnualReport, report::{ProactiveTable, ReportFormat, ReportInput}};
    /// let input = ReportInput { year: 2020, proactive: Some(ProactiveTable::new(ReportFormat::Y2019)), ..Default::default() };
    /// assert_eq!(AnnualReport::build(&input)?.format(), ReportFormat::Y2019);
    /// let wrong = ReportInput { format: Some(ReportFormat::Y2021), ..input };
    /// assert!(AnnualReport::build(&wrong).is_err());
    /// # Ok::<(), sunlit::Error>(())
    /// ```
    pub fn build(input: &ReportInput<'_>) -> Result<AnnualReport> {
        crate::calendar::check_year("year", input.year)?;
        let format = match input.format {
            Some(f) => f,
            None => ReportFormat::for_year(input.year)?,
        };
        let mut report = AnnualReport::new(format, Some(input.year));
        if let Some(requests) = input.requests {
            report.requests = Some(RequestTable::from_requests(format, input.year, requests)?);
        }
        if let Some(t) = &input.proactive {
            report = report.with_proactive(t.clone())?;
        }
        if let Some(t) = &input.reviews {
            report = report.with_reviews(t.clone());
        }
        Ok(report)
    }

    /// Read the tables of a published report, one file per table (each optional).
    ///
    /// ```
    /// use sunlit::{AnnualReport, Error, report::TableFiles};
    /// let none = AnnualReport::read_tables(&TableFiles::default()).unwrap();
    /// assert!(none.requests().is_none());
    /// let missing = TableFiles { requests: Some("/no/such.csv".into()), ..Default::default() };
    /// assert!(matches!(AnnualReport::read_tables(&missing), Err(Error::File { .. })));
    /// ```
    pub fn read_tables(files: &TableFiles) -> Result<AnnualReport> {
        AnnualReport::read_tables_with(files, &InputOptions::default()).map(|(r, _)| r)
    }

    /// [`AnnualReport::read_tables`] with [`InputOptions`]: each file is read within its limits
    /// and quoting; returns the report and the warnings of lenient quoting of every CSV file.
    ///
    /// ```
    /// use sunlit::{
    ///     AnnualReport, Error,
    ///     input::{InputOptions, Limits},
    ///     report::{ReportFormat, ReviewTable, TableFiles},
    /// };
    /// let dir = tempfile::tempdir().unwrap();
    /// let path = dir.path().join("t4.csv");
    /// std::fs::write(&path, ReviewTable::new().to_csv_string().unwrap()).unwrap();
    /// let files = TableFiles { reviews: Some(path), ..Default::default() };
    /// let (report, findings) = AnnualReport::read_tables_with(&files, &InputOptions::default()).unwrap();
    /// assert!(report.reviews().is_some() && findings.is_empty());
    /// let tiny = InputOptions { limits: Limits { max_rows: 2, ..Limits::default() }, ..Default::default() };
    /// assert!(matches!(AnnualReport::read_tables_with(&files, &tiny),
    ///     Err(Error::Limit { ref limit, .. }) if limit == "max_rows"));
    /// ```
    pub fn read_tables_with(
        files: &TableFiles,
        opts: &InputOptions,
    ) -> Result<(AnnualReport, Vec<Finding>)> {
        let format = files.format;
        let mut report = AnnualReport::new(format, files.year);
        let mut findings = Vec::new();
        if let Some(p) = &files.proactive {
            let (t, f) = ProactiveTable::read_path_with(p, format, opts)?;
            report.proactive = Some(t);
            findings.extend(f);
        }
        if let Some(p) = &files.requests {
            let (t, f) = RequestTable::read_path_with(p, format, opts)?;
            report.requests = Some(t);
            findings.extend(f);
        }
        if let Some(p) = &files.reviews {
            let (t, f) = ReviewTable::read_path_with(p, opts)?;
            report.reviews = Some(t);
            findings.extend(f);
        }
        Ok((report, findings))
    }

    /// Check every table the report has (see [`ProactiveTable::check`],
    /// [`RequestTable::check`], [`ReviewTable::check`]); with last year's report, also the
    /// cross-year check of Table 2. Findings are sorted.
    ///
    /// ```
    /// use sunlit::{AnnualReport, report::{ReportFormat, ReviewBlock, ReviewColumn, ReviewTable}};
    /// let mut t = ReviewTable::new();
    /// t.set(ReviewBlock::Review, ReviewColumn::Corrected, Some(-1));
    /// let r = AnnualReport::new(ReportFormat::Y2021, None).with_reviews(t);
    /// let rules: Vec<_> = r.check(&Default::default()).iter().map(|f| f.rule.clone()).collect();
    /// assert_eq!(rules, ["report.negative_count", "report.review_total"]);
    /// ```
    pub fn check(&self, options: &ReportCheckOptions<'_>) -> Findings {
        let mut out = Findings::new();
        if let Some(t) = &self.proactive {
            out.extend(t.check(options.last_year.and_then(|r| r.proactive.as_ref())));
        }
        if let Some(t) = &self.requests {
            out.extend(t.check());
        }
        if let Some(t) = &self.reviews {
            out.extend(t.check());
        }
        out.sort();
        out
    }

    /// One table as CSV in the reading format; an error if the report lacks it.
    ///
    /// ```
    /// use sunlit::{AnnualReport, report::{ReportFormat, ReportTableKind, ReviewTable}};
    /// let r = AnnualReport::new(ReportFormat::Y2021, None).with_reviews(ReviewTable::new());
    /// assert!(r.table_csv(ReportTableKind::Reviews).unwrap().starts_with("block,"));
    /// assert!(r.table_csv(ReportTableKind::Proactive).is_err());
    /// ```
    pub fn table_csv(&self, kind: ReportTableKind) -> Result<String> {
        match kind {
            ReportTableKind::Proactive => self.need(kind, &self.proactive)?.to_csv_string(),
            ReportTableKind::Requests => self.need(kind, &self.requests)?.to_csv_string(),
            ReportTableKind::Reviews => self.need(kind, &self.reviews)?.to_csv_string(),
        }
    }

    /// One table as JSON in the reading format; an error if the report lacks it.
    ///
    /// ```
    /// use sunlit::{AnnualReport, report::{ReportFormat, ReportTableKind, ReviewTable}};
    /// let r = AnnualReport::new(ReportFormat::Y2021, None).with_reviews(ReviewTable::new());
    /// assert!(r.table_json(ReportTableKind::Reviews).unwrap().starts_with("["));
    /// assert!(r.table_json(ReportTableKind::Requests).is_err());
    /// ```
    pub fn table_json(&self, kind: ReportTableKind) -> Result<String> {
        Ok(match kind {
            ReportTableKind::Proactive => self.need(kind, &self.proactive)?.to_json(),
            ReportTableKind::Requests => self.need(kind, &self.requests)?.to_json(),
            ReportTableKind::Reviews => self.need(kind, &self.reviews)?.to_json(),
        })
    }

    pub(crate) fn need<'t, T>(&self, kind: ReportTableKind, table: &'t Option<T>) -> Result<&'t T> {
        table.as_ref().ok_or_else(|| {
            Error::value(
                "report_table",
                kind.id(),
                "the report does not have this table",
            )
        })
    }

    /// The whole report as JSON: `year`, `format` and each table in its reading format (`null`
    /// when absent). [`AnnualReport::from_json`] reads it back.
    ///
    /// ```
    /// use sunlit::{AnnualReport, report::{ReportFormat, ReviewTable}};
    /// let r = AnnualReport::new(ReportFormat::Y2021, Some(2024)).with_reviews(ReviewTable::new());
    /// let json = r.to_json();
    /// assert!(json.contains("\"format\": \"2021\""));
    /// assert_eq!(AnnualReport::from_json(&json).unwrap(), r);
    /// ```
    pub fn to_json(&self) -> String {
        #[derive(Serialize)]
        struct Json {
            year: Option<i32>,
            format: &'static str,
            proactive: Option<Vec<ProactiveJson>>,
            requests: Option<Vec<CountRow>>,
            reviews: Option<Vec<CountRow>>,
        }
        let json = Json {
            year: self.year,
            format: self.format.id(),
            proactive: self.proactive.as_ref().map(ProactiveTable::json_rows),
            requests: self.requests.as_ref().map(RequestTable::json_rows),
            reviews: self.reviews.as_ref().map(ReviewTable::json_rows),
        };
        serde_json::to_string_pretty(&json).unwrap_or_else(|_| "{}".to_owned())
    }

    /// Read a report written by [`AnnualReport::to_json`]: an object with `format` (required),
    /// `year` and the tables (each optional).
    ///
    /// ```
    /// use sunlit::AnnualReport;
    /// let r = AnnualReport::from_json(r#"{"format": "2019", "year": 2020}"#).unwrap();
    /// assert_eq!(r.year(), Some(2020));
    /// assert!(AnnualReport::from_json(r#"{"year": 2020}"#).is_err()); // no format
    /// assert!(AnnualReport::from_json(r#"{"format": "2019", "year": 0}"#).is_err());
    /// ```
    pub fn from_json(text: &str) -> Result<AnnualReport> {
        AnnualReport::from_json_with(text, &InputOptions::default())
    }

    /// [`AnnualReport::from_json`] within the limits of `opts` (size, items of any array,
    /// string length, nesting).
    ///
    /// ```
    /// use sunlit::{AnnualReport, Error, input::{InputOptions, Limits}};
    /// let json = r#"{"format": "2019", "year": 2020}"#;
    /// assert!(AnnualReport::from_json_with(json, &InputOptions::default()).is_ok());
    /// let tiny = InputOptions { limits: Limits { max_field_bytes: 3, ..Limits::default() }, ..Default::default() };
    /// assert!(matches!(AnnualReport::from_json_with(json, &tiny),
    ///     Err(Error::Limit { ref limit, .. }) if limit == "max_field_bytes"));
    /// ```
    pub fn from_json_with(text: &str, opts: &InputOptions) -> Result<AnnualReport> {
        let Value::Object(map) = parse_json_with(text, &opts.limits)? else {
            return Err(Error::value(
                "report",
                "",
                "a report is a JSON object with format, year, proactive, requests, reviews",
            ));
        };
        if let Some(k) = map.keys().find(|k| {
            !matches!(
                k.as_str(),
                "format" | "year" | "proactive" | "requests" | "reviews"
            )
        }) {
            return Err(Error::value(
                "report_key",
                k,
                "expected format, year, proactive, requests or reviews",
            ));
        }
        let format = match map.get("format") {
            Some(Value::String(s)) => ReportFormat::parse(s)?,
            other => {
                return Err(Error::value(
                    "report_format",
                    &other.map(Value::to_string).unwrap_or_default(),
                    "format is required: \"2021\" or \"2019\"",
                ));
            }
        };
        let year = match map.get("year") {
            None | Some(Value::Null) => None,
            Some(Value::Number(n)) => Some(
                n.as_i64()
                    .and_then(|y| i32::try_from(y).ok())
                    .ok_or_else(|| Error::value("year", &n.to_string(), "not a year"))?,
            ),
            Some(other) => return Err(Error::value("year", &other.to_string(), "not a year")),
        };
        if let Some(y) = year {
            crate::calendar::check_year("year", y)?;
        }
        let mut report = AnnualReport::new(format, year);
        let table = |key: &str| map.get(key).filter(|v| !v.is_null());
        if let Some(v) = table("proactive") {
            report.proactive = Some(
                ProactiveTable::from_json_value(v, format)
                    .map_err(|e| e.in_context("proactive"))?,
            );
        }
        if let Some(v) = table("requests") {
            report.requests = Some(
                RequestTable::from_json_value(v, format).map_err(|e| e.in_context("requests"))?,
            );
        }
        if let Some(v) = table("reviews") {
            report.reviews =
                Some(ReviewTable::from_json_value(v).map_err(|e| e.in_context("reviews"))?);
        }
        Ok(report)
    }
}
