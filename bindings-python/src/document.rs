//! `sunlit.read_document`, `sunlit.Document`, `sunlit.DocumentTable`: a published document (PDF,
//! XLSX/XLS, CSV, HTML page) read, recognised and checked by the core, and its reports.

use std::path::PathBuf;

use pyo3::prelude::*;
use sunlit::{
    Document, ReadOptions, Unit,
    document::{CheckOptions, DocumentKind, DocumentTable},
    tables::TableKind,
};

use crate::convert::{Int, Text, opt_int};
use crate::errors::IntoPy;
use crate::finding::{FindingList, wrap};
use crate::input::{PyInputOptions, input_options};
use crate::tables::PyPublishedTable;

/// One table of a document as recognised: number (1–9), kind, title, unit, pages, the grid as
/// printed and, when its rows could be read, the table the checks ran on.
#[pyclass(module = "sunlit", name = "DocumentTable", frozen)]
#[derive(Clone)]
pub struct PyDocumentTable(pub DocumentTable);

#[pymethods]
impl PyDocumentTable {
    /// The number in the standard nine (1–9), or None.
    #[getter]
    fn number(&self) -> Option<u8> {
        self.0.number
    }
    /// The kind id (e.g. "budget_general_functional"), or None.
    #[getter]
    fn kind(&self) -> Option<&'static str> {
        self.0.kind.map(TableKind::id)
    }
    /// The title as printed ("" when none was found).
    #[getter]
    fn title(&self) -> &str {
        &self.0.title
    }
    /// The unit the table prints: "元", "万元" or "亿元", or None.
    #[getter]
    fn unit(&self) -> Option<&'static str> {
        self.0.unit.map(Unit::symbol)
    }
    /// The 1-based pages it spans.
    #[getter]
    fn pages(&self) -> Vec<u32> {
        self.0.pages.clone()
    }
    /// For a table printed empty, the sentence that explains why, or None.
    #[getter]
    fn empty_note(&self) -> Option<&str> {
        self.0.empty_note.as_deref()
    }
    /// The grid as printed: a list of rows, each a list of cell texts (merged-away cells "").
    #[getter]
    fn rows(&self) -> Vec<Vec<String>> {
        self.0
            .source
            .rows
            .iter()
            .map(|r| r.iter().map(|c| c.text.clone()).collect())
            .collect()
    }
    /// The table as read (a sunlit.PublishedTable), or None when its rows could not be read.
    #[getter]
    fn table(&self) -> Option<PyPublishedTable> {
        self.0.table.clone().map(PyPublishedTable)
    }
    fn __repr__(&self) -> String {
        format!(
            "DocumentTable(number={}, kind={}, title={:?}, rows={})",
            self.0.number.map_or("None".to_owned(), |n| n.to_string()),
            self.0.kind.map_or("None", TableKind::id),
            self.0.title,
            self.0.source.rows.len()
        )
    }
}

/// A published document, read, recognised and checked.
#[pyclass(module = "sunlit", name = "Document", frozen)]
#[derive(Clone)]
pub struct PyDocument(pub Document);

#[pymethods]
impl PyDocument {
    /// The file as named to the reader.
    #[getter]
    fn path(&self) -> &str {
        &self.0.path
    }
    /// "budget", "final", "annual_report", "power_list" or "unknown".
    #[getter]
    fn kind(&self) -> &'static str {
        self.0.kind.id()
    }
    /// The file format: "pdf", "xlsx", "xls" or "csv".
    #[getter]
    fn format(&self) -> &'static str {
        self.0.source.format.id()
    }
    /// The year it is about, or None.
    #[getter]
    fn year(&self) -> Option<i32> {
        self.0.year
    }
    /// The issuing department or unit, or None.
    #[getter]
    fn issuer(&self) -> Option<&str> {
        self.0.issuer.as_deref()
    }
    /// The money unit of the document: "元", "万元" or "亿元", or None.
    #[getter]
    fn unit(&self) -> Option<&'static str> {
        self.0.unit.map(Unit::symbol)
    }
    /// The tables recognised, in reading order.
    #[getter]
    fn tables(&self) -> Vec<PyDocumentTable> {
        self.0.tables.iter().cloned().map(PyDocumentTable).collect()
    }
    /// The numbers of the standard tables the document lacks.
    #[getter]
    fn missing(&self) -> Vec<u32> {
        self.0.missing.iter().map(|&n| u32::from(n)).collect()
    }
    /// The findings of every check (sunlit.Finding), each pointing at where it was printed.
    #[getter]
    fn findings(&self) -> FindingList {
        wrap(self.0.located_findings())
    }
    /// The number of findings of severity "error".
    #[getter]
    fn error_count(&self) -> usize {
        self.0.findings.error_count()
    }
    /// The identities that join this document to others (`identity.*`): `last_year`, last
    /// year's final account of the same department (its 年末结转和结余 against this document's
    /// 年初结转和结余 / 上年结转), and `budget`, for a final account the budget of the same year
    /// (its "三公" figures against the final's 预算数). Findings name both files; documents that
    /// do not match (another department or scope, years that do not follow) give an
    /// `identity.not_compared` info saying why. Returns the new findings only.
    #[pyo3(signature = (*, last_year=None, budget=None))]
    fn check(
        &self,
        last_year: Option<PyRef<'_, PyDocument>>,
        budget: Option<PyRef<'_, PyDocument>>,
    ) -> FindingList {
        let opts = CheckOptions {
            last_year: last_year.as_deref().map(|d| &d.0),
            budget: budget.as_deref().map(|d| &d.0),
        };
        wrap(self.0.check(&opts))
    }
    /// This document with the findings of `check(last_year=…, budget=…)` added to its own (what
    /// `sunlit check --last-year … --budget …` reports).
    #[pyo3(signature = (*, last_year=None, budget=None))]
    fn with_checks(
        &self,
        last_year: Option<PyRef<'_, PyDocument>>,
        budget: Option<PyRef<'_, PyDocument>>,
    ) -> PyDocument {
        let opts = CheckOptions {
            last_year: last_year.as_deref().map(|d| &d.0),
            budget: budget.as_deref().map(|d| &d.0),
        };
        PyDocument(self.0.clone().with_checks(&opts))
    }
    /// The stable JSON of `sunlit check --json` for this document (amounts as strings).
    fn to_json(&self) -> String {
        self.0.to_json()
    }
    /// A readable report: header, then the findings grouped by table, errors first.
    fn to_text(&self) -> String {
        self.0.to_text()
    }
    /// One self-contained HTML page: each table as printed with its findings marked.
    fn to_html(&self) -> String {
        self.0.to_html()
    }
    /// The recognised tables cell by cell with provenance, as CSV.
    fn tables_csv(&self) -> PyResult<String> {
        self.0.tables_csv().py()
    }
    /// The recognised tables cell by cell with provenance, as JSON.
    fn tables_json(&self) -> String {
        self.0.tables_json()
    }
    /// The figures of the explanation text (sunlit.NarrativeStatement), in reading order; their
    /// checks (narrative.*) are among `findings`.
    fn narrative(&self) -> Vec<crate::narrative::PyNarrativeStatement> {
        self.0
            .narrative()
            .into_iter()
            .map(crate::narrative::PyNarrativeStatement)
            .collect()
    }
    fn __repr__(&self) -> String {
        format!(
            "Document(path={:?}, kind={:?}, year={}, tables={}, findings={})",
            self.0.path,
            self.0.kind.id(),
            self.0.year.map_or("None".to_owned(), |y| y.to_string()),
            self.0.tables.len(),
            self.0.findings.len()
        )
    }
}

/// Read, recognise and check a published document (PDF, XLSX/XLS, CSV in UTF-8 or GBK, or an HTML
/// page: each `<table>` a grid, its ordinal the page). Only what is given overrides the core's
/// defaults: `encoding` of a CSV or page ("utf-8", "gbk", "gb18030"; detected when None), `kind` ("budget", "final", …, or 部门预算 …), `unit` ("元", "万元") and
/// `year` when the document does not print them. `input` (an `InputOptions`) sets the limits
/// (file size for every format; rows and field length for CSV; grid cells for sheets and HTML
/// tables; strict quoting only). Errors are
/// SunlitError subclasses (FileError for an unreadable file, LimitError beyond a limit).
#[pyfunction]
#[pyo3(signature = (path, *, encoding=None, kind=None, unit=None, year=None, input=None))]
pub fn read_document(
    py: Python<'_>,
    path: PathBuf,
    encoding: Option<Text>,
    kind: Option<Text>,
    unit: Option<Text>,
    year: Option<Int>,
    input: Option<PyRef<'_, PyInputOptions>>,
) -> PyResult<PyDocument> {
    let year = opt_int(year, "year")?;
    let mut opts = ReadOptions {
        input: input_options(input.as_deref()),
        ..ReadOptions::default()
    };
    if let Some(e) = encoding {
        opts.encoding = Some(e.0);
    }
    if let Some(k) = kind {
        opts.kind = Some(DocumentKind::parse(&k).py()?);
    }
    if let Some(u) = unit {
        opts.unit = Some(Unit::parse(&u).py()?);
    }
    if let Some(y) = year {
        opts.year = Some(y);
    }
    py.detach(|| Document::read(&path, &opts))
        .map(PyDocument)
        .py()
}

fn docs(documents: &[PyRef<'_, PyDocument>]) -> Vec<Document> {
    documents.iter().map(|d| d.0.clone()).collect()
}

/// Several documents as `{"documents": [...]}` (the output of `sunlit check --json`).
#[pyfunction]
pub fn documents_to_json(documents: Vec<PyRef<'_, PyDocument>>) -> String {
    sunlit::document::documents_to_json(&docs(&documents))
}

/// Several documents as one readable report.
#[pyfunction]
pub fn documents_to_text(documents: Vec<PyRef<'_, PyDocument>>) -> String {
    sunlit::document::documents_to_text(&docs(&documents))
}

/// Several documents on one self-contained HTML page.
#[pyfunction]
pub fn documents_to_html(documents: Vec<PyRef<'_, PyDocument>>) -> String {
    sunlit::document::documents_to_html(&docs(&documents))
}
