//! Published documents in (公开文件读取): read a department budget, final account, annual report or
//! power list as governments publish it — a text PDF, an XLSX/XLS workbook, a CSV in UTF-8 or
//! GBK, or an HTML page — recognise what it is and which tables it holds, and check it.
//!
//! Two stages, each usable alone:
//! 1. **Reading** ([`SourceDocument::read`]): positioned characters → lines → table grids
//!    (PDF, behind the `pdf` cargo feature), sheets with merged cells (XLSX/XLS), HTML tables with
//!    their rowspan/colspan expanded (one grid per `<table>`, its ordinal as the page), CSV with its
//!    encoding detected or declared. Every cell keeps its provenance ([`Provenance`]) and the text
//!    as printed; matching uses the normalised text ([`normalize_text`]).
//! 2. **Recognition** ([`Document::read`], [`Document::from_source`]): the document's kind, year,
//!    issuer and money unit from its own text; each of the nine budget or final-account tables by
//!    title and header shape; continuation pages joined; header rows flattened; summary lines
//!    tied to their 类 by name; then the checks of [`DisclosureDocument::check`](crate::tables::DisclosureDocument::check)
//!    with every finding pointing at the page, row and column where it was printed.
//!
//! [`Document`] and [`ReadOptions`] are also at the crate root.
//!
//! ```
//! use sunlit::document::normalize_text;
//! use sunlit::{Document, ReadOptions};
//! assert_eq!(normalize_text("⼀般公共预算⽀出"), "一般公共预算支出"); // Kangxi radicals
//! assert!(Document::read("/no/such/预算.pdf", &ReadOptions::default()).is_err());
//! ```

mod annual;
mod assemble;
mod build;
mod completeness;
pub(crate) mod delimited;
mod html;
mod identities;
mod layouts;
mod output;
#[cfg(feature = "pdf")]
mod pdf;
mod recognise;
pub(crate) use crate::rules::document as rules;
mod sheet;
mod source;
mod text;

pub use identities::CheckOptions;
pub use output::{documents_to_html, documents_to_json, documents_to_text};
pub use recognise::{Document, DocumentTable};
pub use source::{Provenance, SourceCell, SourceDocument, SourceFormat, SourceLine, SourceTable};
pub use text::normalize_text;

use std::path::Path;

use crate::error::{Error, Result};
use crate::money::Unit;
use crate::tables::TableCheckOptions;

/// How to read a published document. Everything is detected from the document unless given here.
///
/// ```
/// let o = sunlit::ReadOptions::default();
/// assert_eq!(o.encoding, None); // CSV encoding detected
/// assert_eq!(o.kind, None);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReadOptions {
    /// The encoding of a CSV file or HTML page (`utf-8`, `gbk`, `gb18030`; for a page it overrides
    /// its `<meta charset>`); `None` detects it: UTF-8 (with or
    /// without BOM) when the bytes are valid UTF-8, else GB18030 when they decode without error,
    /// else an error — never a silent mis-decoding.
    pub encoding: Option<String>,
    /// The document's kind, when known; detected from its text otherwise.
    pub kind: Option<DocumentKind>,
    /// The money unit, when the document does not print it (单位：元 / 万元).
    pub unit: Option<Unit>,
    /// The year, when the document does not print it.
    pub year: Option<i32>,
    /// Options of the table checks.
    pub check: TableCheckOptions,
    /// The numbers (1–9) of the tables a budget or final account must print; `None` is the
    /// national minimum of nine (财预〔2016〕143号; fiscal.md §2.1, §2.2). Each absent one is listed
    /// in [`Document::missing`] and reported under `completeness.*`.
    pub standard_tables: Option<Vec<u8>>,
    /// Input limits (file size, rows, field length) and CSV quoting. CSV documents are read with
    /// strict quoting only (a lenient request is an error).
    pub input: crate::io::InputOptions,
}

crate::vocab::vocabulary! {
    /// What a published document is.
    pub enum DocumentKind("document_kind") {
        /// 部门预算 / 单位预算 — a departmental or unit budget.
        Budget = "budget", "部门预算" | "单位预算" | "预算";
        /// 部门决算 / 单位决算 — a departmental or unit final account.
        Final = "final", "部门决算" | "单位决算" | "决算";
        /// 政府信息公开工作年度报告 — the annual report of disclosure work.
        AnnualReport = "annual_report", "政府信息公开工作年度报告" | "年度报告" | "年报";
        /// 权责清单 — a power and responsibility list.
        PowerList = "power_list", "权责清单" | "权力清单";
        /// Not recognised.
        Unknown = "unknown", "未识别";
    }
}

/// Run a reader built on a third-party parser (calamine, pdfplumber) so that a panic inside it
/// on malformed bytes (e.g. calamine's assertion on a truncated XLS sector table) becomes an
/// [`Error::File`] naming the file instead of unwinding into the caller. The panic message is
/// kept in the reason. (Built with `panic = "abort"`, a panic still aborts.)
fn guarded<T>(name: &str, read: impl FnOnce() -> Result<T>) -> Result<T> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(read)).unwrap_or_else(|payload| {
        let detail = payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        Err(Error::File {
            kind: std::io::ErrorKind::InvalidData,
            path: name.to_owned(),
            reason: format!("malformed file: its reader failed ({detail})"),
        })
    })
}

impl SourceDocument {
    /// Read a document from a file. The format follows from the extension (`.pdf`, `.xlsx`,
    /// `.xls`, `.csv`, `.html`/`.htm`) and the content: a file whose name says nothing is read as
    /// its first bytes show ([`SourceFormat::sniff`]), and a `.xls`/`.xlsx` file that is in fact an
    /// HTML page (portals often serve HTML tables under an Excel name) is read as HTML. A PDF
    /// needs the `pdf` feature (the Python and mobile bindings enable it).
    ///
    /// ```
    /// let err = sunlit::document::SourceDocument::read("no/such/file.csv", &sunlit::ReadOptions::default());
    /// assert!(matches!(err, Err(sunlit::Error::File { .. })));
    /// let err = sunlit::document::SourceDocument::read("notes.txt", &sunlit::ReadOptions::default());
    /// assert!(err.is_err());
    /// ```
    pub fn read(path: impl AsRef<Path>, opts: &ReadOptions) -> Result<SourceDocument> {
        let path = path.as_ref();
        let name = path.display().to_string();
        let bytes = crate::io::read_file(path, |f| crate::io::read_capped(f, &opts.input.limits))?;
        let format = match (SourceFormat::from_name(&name), SourceFormat::sniff(&bytes)) {
            (Some(SourceFormat::Xls | SourceFormat::Xlsx), Some(SourceFormat::Html)) => {
                SourceFormat::Html
            }
            (Some(f), _) | (None, Some(f)) => f,
            (None, None) => {
                return Err(Error::File {
                    kind: std::io::ErrorKind::Unsupported,
                    path: name.clone(),
                    reason: "unknown file type: expected .pdf, .xlsx, .xls, .csv or .html"
                        .to_owned(),
                });
            }
        };
        SourceDocument::from_bytes(&name, format, &bytes, opts)
    }

    /// Read a document from its bytes, in the given format; `name` is used in provenance and
    /// errors. PDF (feature `pdf`): running text lines (grouped with a tolerance relative to the
    /// font size) and ruled tables with merged spans and the lines above them; a table continued
    /// on the next page is joined when nothing but a page number follows it and nothing
    /// title-like precedes the next page's first grid of the same width; a label split over the
    /// page break is folded back into its row. A PDF without a text layer is an
    /// [`Error::File`] saying so. XLSX/XLS: one grid per sheet, merged ranges recorded, numbers as
    /// the spreadsheet shows them in General format (15 significant digits, never rounded to
    /// fewer decimals). CSV: see [`SourceDocument::from_csv_bytes`]. Malformed bytes are an
    /// [`Error::File`], never a panic, even where the spreadsheet or PDF parser underneath panics.
    ///
    /// ```
    /// use sunlit::{ReadOptions, document::{SourceDocument, SourceFormat}};
    /// let d = SourceDocument::from_bytes("t.csv", SourceFormat::Csv, "a\n1\n".as_bytes(),
    ///     &ReadOptions::default()).unwrap();
    /// assert_eq!(d.format, SourceFormat::Csv);
    /// // Not a workbook: an error naming the file.
    /// let err = SourceDocument::from_bytes("t.xlsx", SourceFormat::Xlsx, b"not a zip",
    ///     &ReadOptions::default()).unwrap_err();
    /// assert!(err.to_string().contains("t.xlsx"));
    /// ```
    pub fn from_bytes(
        name: &str,
        format: SourceFormat,
        bytes: &[u8],
        opts: &ReadOptions,
    ) -> Result<SourceDocument> {
        match format {
            SourceFormat::Csv => SourceDocument::from_csv_bytes(name, bytes, opts),
            SourceFormat::Xlsx | SourceFormat::Xls => guarded(name, || {
                sheet::read_workbook(name, format, bytes, &opts.input.limits)
            }),
            SourceFormat::Html => {
                html::read_html(name, bytes, opts.encoding.as_deref(), &opts.input.limits)
            }
            #[cfg(feature = "pdf")]
            SourceFormat::Pdf => guarded(name, || pdf::read_pdf(name, bytes)),
            #[cfg(not(feature = "pdf"))]
            SourceFormat::Pdf => Err(Error::File {
                kind: std::io::ErrorKind::Unsupported,
                path: name.to_owned(),
                reason: "reading PDF needs the `pdf` feature of sunlit".to_owned(),
            }),
        }
    }

    /// Read a CSV file's bytes (UTF-8 with or without BOM, GBK or GB18030; see
    /// [`ReadOptions::encoding`]) as one grid, rows padded to the widest. Decoding never
    /// replaces a byte: what does not decode is an error naming its byte offset and line. Each
    /// cell's provenance row is the physical line its record starts on (CRLF, LF or a lone CR end a
    /// line; blank lines are skipped but counted). Malformed quoting (`"1,0"00`, a quote inside
    /// an unquoted field, a quote never closed) is an error, not a guess.
    ///
    /// ```
    /// use sunlit::{ReadOptions, document::SourceDocument};
    /// let d = SourceDocument::from_csv_bytes("t.csv", "合计\r\n\r\n1\r\n".as_bytes(),
    ///     &ReadOptions::default()).unwrap();
    /// assert_eq!(d.tables[0].rows[0][0].text, "合计");
    /// assert_eq!(d.tables[0].rows[1][0].at.row, 3); // physical line 3
    ///
    /// // GBK is detected; declared wrongly it is an error, not mojibake.
    /// let gbk = b"\xCF\xEE\xC4\xBF\n"; // 项目 in GBK
    /// let d = SourceDocument::from_csv_bytes("t.csv", gbk, &ReadOptions::default()).unwrap();
    /// assert_eq!(d.tables[0].rows[0][0].text, "项目");
    /// let utf8 = ReadOptions { encoding: Some("utf-8".into()), ..ReadOptions::default() };
    /// let err = SourceDocument::from_csv_bytes("t.csv", gbk, &utf8).unwrap_err();
    /// assert!(err.to_string().contains("byte offset 0 (line 1)"));
    ///
    /// let err = SourceDocument::from_csv_bytes("t.csv", "a,\"1,0\"00\n".as_bytes(),
    ///     &ReadOptions::default()).unwrap_err();
    /// assert!(matches!(err, sunlit::Error::Input { line: 1, ref column, ref value, .. }
    ///     if column == "field 2" && value == "\"1,0\"00"));
    /// ```
    pub fn from_csv_bytes(name: &str, bytes: &[u8], opts: &ReadOptions) -> Result<SourceDocument> {
        delimited::read_csv(name, bytes, opts.encoding.as_deref(), &opts.input)
    }
}
