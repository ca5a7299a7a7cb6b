//! Published documents (PDF, XLSX/XLS, CSV) read, recognised and checked by the core, and their
//! reports: the stable JSON of `sunlit check --json`, a readable text, an HTML page with the
//! findings marked on the tables as printed, the tables with provenance.

use std::sync::Arc;

use sunlit::{Finding, document::DocumentKind, tables::TableKind};

use crate::errors::Result;
use crate::money::AmountUnit;
use crate::tables::{PublishedTable, TableCheckOptions};

/// How to read a document; every field left null keeps the core's default (detected from the
/// document).
#[derive(Debug, Clone, PartialEq, Eq, Default, uniffi::Record)]
pub struct DocumentOptions {
    /// The encoding of a CSV file ("utf-8", "gbk", "gb18030"); null detects it.
    #[uniffi(default = None)]
    pub encoding: Option<String>,
    /// The document's kind, when known.
    #[uniffi(default = None)]
    pub kind: Option<DocumentKind>,
    /// The money unit, when the document does not print it.
    #[uniffi(default = None)]
    pub unit: Option<AmountUnit>,
    /// The year, when the document does not print it.
    #[uniffi(default = None)]
    pub year: Option<i32>,
    /// Options of the table checks (null: the core's).
    #[uniffi(default = None)]
    pub check: Option<TableCheckOptions>,
    /// Input limits (file size for every format; rows and field length for CSV; grid cells for
    /// sheets and HTML tables) and quoting
    /// (CSV documents are read strictly: "lenient" is an error). Null: the defaults.
    #[uniffi(default = None)]
    pub input: Option<crate::input::InputOptions>,
}

impl DocumentOptions {
    /// The core's read options: each field given replaces the core's default.
    fn core(self) -> Result<sunlit::ReadOptions> {
        let d = sunlit::ReadOptions::default();
        Ok(sunlit::ReadOptions {
            encoding: self.encoding.or(d.encoding),
            kind: self.kind.or(d.kind),
            unit: self.unit.or(d.unit),
            year: self.year.or(d.year),
            check: self.check.map_or(d.check, Into::into),
            input: crate::input::core_options(self.input)?,
            ..d
        })
    }
}

/// One table of a document as recognised.
#[derive(Debug, Clone, uniffi::Record)]
pub struct DocumentTable {
    /// The number in the standard nine (1–9), when recognised.
    pub number: Option<u8>,
    /// The kind, when recognised.
    pub kind: Option<TableKind>,
    /// The title as printed ("" when none was found).
    pub title: String,
    /// The money unit the table prints.
    pub unit: Option<AmountUnit>,
    /// The 1-based pages it spans.
    pub pages: Vec<u32>,
    /// For a table printed empty, the sentence that explains why.
    pub empty_note: Option<String>,
    /// The grid as printed: rows of cell texts (merged-away cells "").
    pub rows: Vec<Vec<String>>,
    /// The table as read, when its rows could be read.
    pub table: Option<Arc<PublishedTable>>,
}

impl From<&sunlit::document::DocumentTable> for DocumentTable {
    fn from(t: &sunlit::document::DocumentTable) -> Self {
        DocumentTable {
            number: t.number,
            kind: t.kind,
            title: t.title.clone(),
            unit: t.unit,
            pages: t.pages.clone(),
            empty_note: t.empty_note.clone(),
            rows: t
                .source
                .rows
                .iter()
                .map(|r| r.iter().map(|c| c.text.clone()).collect())
                .collect(),
            table: t.table.clone().map(|p| Arc::new(PublishedTable(p))),
        }
    }
}

/// A published document, read, recognised and checked.
#[derive(Debug, uniffi::Object)]
pub struct Document(pub(crate) sunlit::Document);

constructors! { Document {
    /// Read, recognise and check a document file (.pdf, .xlsx, .xls, .csv).
    #[uniffi::constructor]
    fn read(path: String, options: DocumentOptions) -> Result<Arc<Document>> =
        Ok(Arc::new(Document(sunlit::Document::read(path, &options.core()?)?)));
}}

methods! { Document(d) {
    /// The file as named to the reader.
    fn path() -> String = d.0.path.clone();
    /// What the document is.
    fn kind() -> DocumentKind = d.0.kind;
    /// The year it is about, when printed or given.
    fn year() -> Option<i32> = d.0.year;
    /// The issuing department or unit, when printed.
    fn issuer() -> Option<String> = d.0.issuer.clone();
    /// The money unit of the document.
    fn unit() -> Option<AmountUnit> = d.0.unit;
    /// The tables recognised, in reading order.
    fn tables() -> Vec<DocumentTable> = d.0.tables.iter().map(Into::into).collect();
    /// The numbers of the standard tables the document lacks.
    fn missing() -> Vec<u8> = d.0.missing.clone();
    /// The findings of every check, each pointing at where it was printed.
    fn findings() -> Vec<Finding> = d.0.located_findings().into_vec();
    /// The number of findings of severity error.
    fn error_count() -> u32 = u32::try_from(d.0.findings.error_count()).unwrap_or(u32::MAX);
    /// The identities that join this document to others (`identity.*`): `last_year`, last year's
    /// final account of the same department (its 年末结转和结余 against this document's
    /// 年初结转和结余 / 上年结转), and `budget`, for a final account the budget of the same year
    /// (its "三公" figures against the final's 预算数). Findings name both files; documents that do
    /// not match give an `identity.not_compared` info saying why. The new findings only.
    fn check(last_year: Option<Arc<Document>>, budget: Option<Arc<Document>>) -> Vec<Finding> =
        d.0.check(&cross(last_year.as_deref(), budget.as_deref())).into_vec();
    /// This document with the findings of `check(lastYear, budget)` added to its own.
    fn with_checks(last_year: Option<Arc<Document>>, budget: Option<Arc<Document>>) -> Arc<Document> =
        Arc::new(Document(d.0.clone().with_checks(&cross(last_year.as_deref(), budget.as_deref()))));
    /// The stable JSON of `sunlit check --json` for this document (amounts as strings).
    fn to_json() -> String = d.0.to_json();
    /// A readable report: header, then the findings grouped by table, errors first.
    fn to_text() -> String = d.0.to_text();
    /// One self-contained HTML page: each table as printed with its findings marked.
    fn to_html() -> String = d.0.to_html();
    /// The recognised tables cell by cell with provenance, as CSV.
    fn tables_csv() -> Result<String> = Ok(d.0.tables_csv()?);
    /// The recognised tables cell by cell with provenance, as JSON.
    fn tables_json() -> String = d.0.tables_json();
    /// The figures of the explanation text, in reading order; their checks (narrative.*) are
    /// among `findings`.
    fn narrative() -> Vec<sunlit::narrative::NarrativeStatement> = d.0.narrative();
}}

/// The core's options of the identities across documents.
fn cross<'a>(
    last_year: Option<&'a Document>,
    budget: Option<&'a Document>,
) -> sunlit::document::CheckOptions<'a> {
    sunlit::document::CheckOptions {
        last_year: last_year.map(|d| &d.0),
        budget: budget.map(|d| &d.0),
    }
}

fn docs(documents: &[Arc<Document>]) -> Vec<sunlit::Document> {
    documents.iter().map(|d| d.0.clone()).collect()
}

functions! {
    /// Read, recognise and check a document file (the same as `Document.read`).
    fn read_document(path: String, options: DocumentOptions) -> Result<Arc<Document>> =
        Document::read(path, options);
    /// Several documents as `{"documents": [...]}` (the output of `sunlit check --json`).
    fn documents_to_json(documents: Vec<Arc<Document>>) -> String =
        sunlit::document::documents_to_json(&docs(&documents));
    /// Several documents as one readable report.
    fn documents_to_text(documents: Vec<Arc<Document>>) -> String =
        sunlit::document::documents_to_text(&docs(&documents));
    /// Several documents on one self-contained HTML page.
    fn documents_to_html(documents: Vec<Arc<Document>>) -> String =
        sunlit::document::documents_to_html(&docs(&documents));
}
