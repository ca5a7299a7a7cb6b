//! `sunlit.AnnualReport`, `sunlit.LegacyStatistics`: the annual report of disclosure work.

use std::path::PathBuf;

use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyList, PyMapping};
use rust_decimal::Decimal;
use sunlit::{
    AnnualReport,
    report::{
        LegacyChannel, LegacyStatistics, ProactiveCell, ProactiveColumn, ProactiveRow,
        ProactiveTable, ReportCheckOptions, ReportFormat, ReportInput, ReportTableKind,
        ReviewBlock, ReviewColumn, ReviewCount, ReviewTable, TableFiles,
    },
};

use crate::convert::{Int, Text, amount_text, opt_int};
use crate::errors::{IntoPy, input_error};
use crate::finding::{FindingList, wrap};
use crate::input::{PyInputOptions, input_options, strict_options};
use crate::request::PyDisclosureRequest;

/// The tables of one annual report of disclosure work (政府信息公开工作年度报告).
#[pyclass(module = "sunlit", name = "AnnualReport", frozen, eq)]
#[derive(Clone, PartialEq)]
pub struct PyAnnualReport(pub AnnualReport);

fn format_arg(format: Option<&str>, year: Option<i32>) -> PyResult<ReportFormat> {
    match (format, year) {
        (Some(f), _) => ReportFormat::parse(f).py(),
        (None, Some(y)) => ReportFormat::for_year(y).py(),
        (None, None) => Ok(ReportFormat::Y2021),
    }
}

/// A mapping of mappings (`{row: {column: value}}`), as (row, column, value) in order.
fn nested<'py>(
    obj: &Bound<'py, PyAny>,
    what: &str,
) -> PyResult<Vec<(String, String, Bound<'py, PyAny>)>> {
    let outer = obj.cast::<PyMapping>().map_err(|_| {
        input_error(
            0,
            what,
            "",
            "expected a dict of dicts {row: {column: value}}",
        )
    })?;
    let mut out = Vec::new();
    for item in outer.items()?.iter() {
        let (Text(row), inner): (Text, Bound<'py, PyAny>) = item.extract()?;
        let inner = inner.cast::<PyMapping>().map_err(|_| {
            input_error(0, &row, "", "expected a dict {column: value} for each row")
        })?;
        for pair in inner.items()?.iter() {
            let (Text(column), value): (Text, Bound<'py, PyAny>) = pair.extract()?;
            out.push((row.clone(), column, value));
        }
    }
    Ok(out)
}

fn proactive_table(obj: &Bound<'_, PyAny>, format: ReportFormat) -> PyResult<ProactiveTable> {
    let mut cells = Vec::new();
    for (row, column, value) in nested(obj, "proactive")? {
        let text = amount_text(&value)
            .map_err(|reason| input_error(0, &column, &value.to_string(), &reason))?;
        cells.push(ProactiveCell {
            row: ProactiveRow::from_label(&row, format).py()?,
            column: ProactiveColumn::from_label(&column, format).py()?,
            value: sunlit::money::parse_amount(&text)
                .map_err(|e| e.at(0, &column))
                .py()?,
        });
    }
    ProactiveTable::from_cells(format, &cells).py()
}

fn count_arg(value: &Bound<'_, PyAny>, column: &str) -> PyResult<i64> {
    if value.is_instance_of::<PyBool>() {
        return Err(input_error(
            0,
            column,
            &value.to_string(),
            "a count is an int",
        ));
    }
    value
        .extract::<i64>()
        .map_err(|_| input_error(0, column, &value.to_string(), "a count is an int"))
}

fn review_table(obj: &Bound<'_, PyAny>) -> PyResult<ReviewTable> {
    let mut counts = Vec::new();
    for (block, column, value) in nested(obj, "reviews")? {
        counts.push(ReviewCount {
            block: ReviewBlock::from_label(&block).py()?,
            column: ReviewColumn::parse(&column).py()?,
            count: count_arg(&value, &column)?,
        });
    }
    ReviewTable::from_counts(&counts).py()
}

/// The requests of a Python iterable, each a `sunlit.DisclosureRequest` (errors name the 1-based
/// position as `line`).
fn request_list(obj: &Bound<'_, PyAny>) -> PyResult<Vec<sunlit::DisclosureRequest>> {
    let mut out = Vec::new();
    for (i, item) in obj.try_iter()?.enumerate() {
        let item = item?;
        let req = item.cast::<PyDisclosureRequest>().map_err(|_| {
            input_error(
                i as u64 + 1,
                "requests",
                &item.to_string(),
                "expected a sunlit.DisclosureRequest",
            )
        })?;
        out.push(req.borrow().0.clone());
    }
    Ok(out)
}

fn kind_arg(kind: &str) -> PyResult<ReportTableKind> {
    ReportTableKind::parse(kind).py()
}

#[pymethods]
impl PyAnnualReport {
    /// Build a year's report. `requests` is a sequence of `sunlit.DisclosureRequest` (every
    /// request that may touch the year), counted into Table 3; `proactive` is a dict {row: {column: value}} of Table 2 figures
    /// (ids such as "rules"/"issued" or labels as printed; values Decimal, int or str); `reviews`
    /// a dict {block: {result: count}} ("review", "direct_suit", "suit_after_review";
    /// "upheld", "corrected", "other", "pending"). `format` "2021" or "2019" (default: the
    /// year's).
    #[staticmethod]
    #[pyo3(signature = (year, requests=None, proactive=None, reviews=None, format=None))]
    fn build(
        year: Int,
        requests: Option<&Bound<'_, PyAny>>,
        proactive: Option<&Bound<'_, PyAny>>,
        reviews: Option<&Bound<'_, PyAny>>,
        format: Option<Text>,
    ) -> PyResult<PyAnnualReport> {
        let year = year.get("year")?;
        let format = format_arg(format.as_deref(), Some(year))?;
        let requests = requests.map(request_list).transpose()?;
        let input = ReportInput {
            year,
            format: Some(format),
            requests: requests.as_deref(),
            proactive: proactive.map(|p| proactive_table(p, format)).transpose()?,
            reviews: reviews.map(review_table).transpose()?,
        };
        AnnualReport::build(&input).map(PyAnnualReport).py()
    }

    /// Read the tables of a published report, one CSV or JSON file per table (each optional).
    /// `options` (an `InputOptions`) sets the limits of every file (strict quoting only).
    #[staticmethod]
    #[pyo3(signature = (requests=None, reviews=None, proactive=None, format = Text::from("2021"), year=None, options=None), text_signature = "(requests=None, reviews=None, proactive=None, format=\"2021\", year=None, options=None)")]
    fn read_tables(
        py: Python<'_>,
        requests: Option<PathBuf>,
        reviews: Option<PathBuf>,
        proactive: Option<PathBuf>,
        format: Text,
        year: Option<Int>,
        options: Option<PyRef<'_, PyInputOptions>>,
    ) -> PyResult<PyAnnualReport> {
        let opts = strict_options(
            options.as_deref(),
            "the Rust AnnualReport::read_tables_with (Python reads report tables strictly)",
        )?;
        let year = opt_int(year, "year")?;
        let files = TableFiles {
            format: ReportFormat::parse(&format).py()?,
            year,
            proactive,
            requests,
            reviews,
        };
        py.detach(|| AnnualReport::read_tables_with(&files, &opts))
            .map(|(r, _)| PyAnnualReport(r))
            .py()
    }

    /// Read a report written by `to_json()`; `options` sets the limits.
    #[staticmethod]
    #[pyo3(signature = (text, options=None))]
    fn from_json(
        text: Text,
        options: Option<PyRef<'_, PyInputOptions>>,
    ) -> PyResult<PyAnnualReport> {
        AnnualReport::from_json_with(&text, &input_options(options.as_deref()))
            .map(PyAnnualReport)
            .py()
    }

    /// The year the report covers, or None.
    #[getter]
    fn year(&self) -> Option<i32> {
        self.0.year()
    }

    /// "2021" or "2019".
    #[getter]
    fn format(&self) -> &'static str {
        self.0.format().id()
    }

    /// The tables the report has: "proactive", "requests", "reviews".
    fn tables(&self) -> Vec<&'static str> {
        ReportTableKind::ALL
            .iter()
            .filter(|k| self.0.table(**k).is_some())
            .map(|k| k.id())
            .collect()
    }

    /// The columns of a table as (id, label) pairs, in printed order (Table 2: every column of
    /// every block).
    fn columns(&self, kind: Text) -> PyResult<Vec<(String, String)>> {
        let kind = kind_arg(&kind)?;
        let mut out: Vec<(String, String)> = Vec::new();
        if let Some(view) = self.0.table(kind) {
            for c in view.rows.iter().flat_map(|r| r.cells.iter()) {
                if !out.iter().any(|(id, _)| *id == c.column) {
                    out.push((c.column.clone(), c.label.clone()));
                }
            }
        }
        Ok(out)
    }

    /// The rows of a table ("proactive", "requests", "reviews") as dicts: id, label (as in the
    /// CSV), group, and values {column id: value} in printed order — ints for Tables 3 and 4,
    /// Decimal for Table 2, None for a blank cell.
    fn table<'py>(&self, py: Python<'py>, kind: Text) -> PyResult<Bound<'py, PyList>> {
        let kind = kind_arg(&kind)?;
        let view = self
            .0
            .table(kind)
            .ok_or_else(|| input_error(0, kind.id(), "", "the report does not have this table"))?;
        let list = PyList::empty(py);
        for row in view.rows {
            let d = PyDict::new(py);
            d.set_item("id", &row.id)?;
            d.set_item("label", &row.label)?;
            d.set_item("group", &row.group)?;
            let values = PyDict::new(py);
            for c in &row.cells {
                let v: Option<Bound<'py, PyAny>> = match (kind, c.value) {
                    (_, None) => None,
                    (ReportTableKind::Proactive, Some(v)) => Some(v.into_pyobject(py)?.into_any()),
                    (_, Some(v)) => Some(
                        i64::try_from(v)
                            .map_err(|_| input_error(0, &c.column, &v.to_string(), "not a count"))?
                            .into_pyobject(py)?
                            .into_any(),
                    ),
                };
                values.set_item(&c.column, v)?;
            }
            d.set_item("values", values)?;
            list.append(d)?;
        }
        Ok(list)
    }

    /// Check every table: the identities of the format, no negative counts, blank cells; with
    /// `last_year`, also 现行有效件数 against last year's Table 2.
    #[pyo3(signature = (last_year=None))]
    fn check(&self, last_year: Option<PyRef<'_, PyAnnualReport>>) -> FindingList {
        wrap(self.0.check(&ReportCheckOptions {
            last_year: last_year.as_ref().map(|r| &r.0),
        }))
    }

    /// The correction rate (纠错率) of a Table 4 block: corrected ÷ total × 100, half up.
    #[pyo3(
        signature = (block = Text::from("review"), places=Int::of(sunlit::money::PERCENT_PLACES as i64)),
        text_signature = "($self, block=\"review\", places=1)"
    )]
    fn correction_rate(&self, block: Text, places: Int) -> PyResult<Option<Decimal>> {
        let places = places.get("places")?;
        let block = ReviewBlock::from_label(&block).py()?;
        match self.0.reviews() {
            Some(t) => t.correction_rate(block, places).py(),
            None => Ok(None),
        }
    }

    /// The report as Markdown (official layout; group labels on the first row of their group).
    fn to_markdown(&self) -> String {
        self.0.to_markdown()
    }

    /// The report as a standalone HTML page (official layout, merged cells).
    fn to_html(&self) -> String {
        self.0.to_html()
    }

    /// The report as JSON (year, format, each table in its reading format).
    fn to_json(&self) -> String {
        self.0.to_json()
    }

    /// One table as CSV in the reading format.
    fn to_csv(&self, kind: Text) -> PyResult<String> {
        self.0.table_csv(kind_arg(&kind)?).py()
    }

    /// One table as JSON in the reading format.
    fn table_json(&self, kind: Text) -> PyResult<String> {
        self.0.table_json(kind_arg(&kind)?).py()
    }

    /// One table as Markdown.
    fn table_markdown(&self, kind: Text) -> PyResult<String> {
        self.0.table_markdown(kind_arg(&kind)?).py()
    }

    /// One table as an HTML fragment.
    fn table_html(&self, kind: Text) -> PyResult<String> {
        self.0.table_html(kind_arg(&kind)?).py()
    }

    fn __repr__(&self) -> String {
        format!(
            "AnnualReport(year={}, format={}, tables={:?})",
            self.0
                .year()
                .map_or_else(|| "None".to_owned(), |y| y.to_string()),
            self.0.format().id(),
            self.tables()
        )
    }
}

/// Pre-2019 statistics (政府信息公开情况统计): requests by channel, correction rates.
#[pyclass(module = "sunlit", name = "LegacyStatistics", frozen)]
pub struct PyLegacyStatistics(pub LegacyStatistics);

#[pymethods]
impl PyLegacyStatistics {
    /// Figures of one year: `requests` (申请总数), `channels` {channel: count} ("in_person",
    /// "fax", "email", "online", "letter", "other" or 当面 …), reconsideration and litigation
    /// cases with the number corrected (纠错). Unknown figures are None, not zero.
    #[new]
    #[pyo3(signature = (requests=None, channels=None, reviews=None, reviews_corrected=None, suits=None, suits_corrected=None, year=None))]
    fn new(
        requests: Option<Int>,
        channels: Option<&Bound<'_, PyAny>>,
        reviews: Option<Int>,
        reviews_corrected: Option<Int>,
        suits: Option<Int>,
        suits_corrected: Option<Int>,
        year: Option<Int>,
    ) -> PyResult<PyLegacyStatistics> {
        let requests = opt_int(requests, "requests")?;
        let reviews = opt_int(reviews, "reviews")?;
        let reviews_corrected = opt_int(reviews_corrected, "reviews_corrected")?;
        let suits = opt_int(suits, "suits")?;
        let suits_corrected = opt_int(suits_corrected, "suits_corrected")?;
        let year = opt_int(year, "year")?;
        let mut map = std::collections::BTreeMap::new();
        if let Some(c) = channels {
            let c = c
                .cast::<PyMapping>()
                .map_err(|_| input_error(0, "channels", "", "expected a dict {channel: count}"))?;
            for item in c.items()?.iter() {
                let (Text(k), v): (Text, Bound<'_, PyAny>) = item.extract()?;
                map.insert(LegacyChannel::parse(&k).py()?, count_arg(&v, &k)?);
            }
        }
        Ok(PyLegacyStatistics(LegacyStatistics {
            year,
            requests,
            channels: map,
            reviews,
            reviews_corrected,
            suits,
            suits_corrected,
        }))
    }

    /// The share of a channel in the requests, percent rounded half up to `places`.
    #[pyo3(
        signature = (channel, places=Int::of(sunlit::money::PERCENT_PLACES as i64)),
        text_signature = "($self, channel, places=1)"
    )]
    fn channel_share(&self, channel: Text, places: Int) -> PyResult<Option<Decimal>> {
        let places = places.get("places")?;
        self.0
            .channel_share(LegacyChannel::parse(&channel).py()?, places)
            .py()
    }

    /// Reconsideration correction rate (纠错率), percent, half up.
    #[pyo3(signature = (places=Int::of(sunlit::money::PERCENT_PLACES as i64)), text_signature = "($self, places=1)")]
    fn review_correction_rate(&self, places: Int) -> PyResult<Option<Decimal>> {
        self.0.review_correction_rate(places.get("places")?).py()
    }

    /// Litigation correction rate (纠错率), percent, half up.
    #[pyo3(signature = (places=Int::of(sunlit::money::PERCENT_PLACES as i64)), text_signature = "($self, places=1)")]
    fn suit_correction_rate(&self, places: Int) -> PyResult<Option<Decimal>> {
        self.0.suit_correction_rate(places.get("places")?).py()
    }

    /// Check the figures (channels within the total, corrected within the cases, no negatives).
    fn check(&self) -> FindingList {
        wrap(self.0.check())
    }

    /// Requests by channel.
    #[getter]
    fn channels(&self) -> Vec<(&'static str, i64)> {
        self.0.channels.iter().map(|(c, v)| (c.id(), *v)).collect()
    }

    /// 申请总数.
    #[getter]
    fn requests(&self) -> Option<i64> {
        self.0.requests
    }
}
