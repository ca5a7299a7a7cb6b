//! The document as read, before any recognition: pages of text lines and grids of cells, each
//! cell with its provenance (file, page or sheet, row, column, the text as printed).
//!
//! Readers ([`SourceDocument::read`]) produce this from PDF, XLSX/XLS and CSV (UTF-8 or GBK);
//! recognition ([`Document`](crate::Document)) turns it into tables it knows.

use serde::{Deserialize, Serialize};

/// The file format a document was read from.
///
/// ```
/// use sunlit::document::SourceFormat;
/// assert_eq!(SourceFormat::from_name("a/b/预算.PDF"), Some(SourceFormat::Pdf));
/// assert_eq!(SourceFormat::from_name("x.txt"), None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceFormat {
    /// A text PDF (PDF files of scanned pages have no text and are refused).
    Pdf,
    /// An Office Open XML workbook.
    Xlsx,
    /// A legacy Excel workbook.
    Xls,
    /// Comma-separated values, UTF-8 (with or without BOM), GBK or GB18030.
    Csv,
    /// An HTML page (a report published as a web page): every `<table>` a grid, its ordinal the
    /// page of its cells; UTF-8, or GBK/GB2312/GB18030 as its `<meta charset>` declares.
    Html,
}

impl SourceFormat {
    /// The format a file name's extension says (case-insensitive), if any.
    ///
    /// ```
    /// assert_eq!(sunlit::document::SourceFormat::from_name("t.xlsx"), Some(sunlit::document::SourceFormat::Xlsx));
    /// assert_eq!(sunlit::document::SourceFormat::from_name("t"), None);
    /// ```
    pub fn from_name(name: &str) -> Option<SourceFormat> {
        let ext = name.rsplit_once('.')?.1.to_ascii_lowercase();
        match ext.as_str() {
            "pdf" => Some(SourceFormat::Pdf),
            "xlsx" | "xlsm" => Some(SourceFormat::Xlsx),
            "xls" => Some(SourceFormat::Xls),
            "csv" => Some(SourceFormat::Csv),
            "html" | "htm" | "xhtml" | "shtml" => Some(SourceFormat::Html),
            _ => None,
        }
    }

    /// The format a file's first bytes show, if any: `%PDF-` a PDF, a ZIP header an XLSX, an OLE
    /// header an XLS, an HTML tag (`<!DOCTYPE html`, `<html`, `<head`, `<body`, `<meta`, `<table`,
    /// after an optional BOM, whitespace and comments) an HTML page. CSV has no signature.
    ///
    /// ```
    /// use sunlit::document::SourceFormat;
    /// assert_eq!(SourceFormat::sniff(b"<!DOCTYPE html><html>"), Some(SourceFormat::Html));
    /// assert_eq!(SourceFormat::sniff(b"%PDF-1.7"), Some(SourceFormat::Pdf));
    /// assert_eq!(SourceFormat::sniff(b"a,b\n1,2\n"), None);
    /// ```
    pub fn sniff(bytes: &[u8]) -> Option<SourceFormat> {
        if bytes.starts_with(b"%PDF-") {
            Some(SourceFormat::Pdf)
        } else if bytes.starts_with(b"PK\x03\x04") {
            Some(SourceFormat::Xlsx)
        } else if bytes.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
            Some(SourceFormat::Xls)
        } else if super::html::looks_like_html(bytes) {
            Some(SourceFormat::Html)
        } else {
            None
        }
    }

    /// `pdf`, `xlsx`, `xls`, `csv` or `html`.
    ///
    /// ```
    /// assert_eq!(sunlit::document::SourceFormat::Csv.id(), "csv");
    /// ```
    pub fn id(self) -> &'static str {
        match self {
            SourceFormat::Pdf => "pdf",
            SourceFormat::Xlsx => "xlsx",
            SourceFormat::Xls => "xls",
            SourceFormat::Csv => "csv",
            SourceFormat::Html => "html",
        }
    }
}

/// Where a cell or a line was read: the file, the page (PDF, 1-based) or the sheet (workbook),
/// and the 1-based row and column in the grid as printed. For CSV the row is the physical line.
///
/// ```
/// let p = sunlit::document::Provenance { file: "a.pdf".into(), page: Some(3), sheet: None, row: 2, column: 4 };
/// assert_eq!(p.to_string(), "a.pdf p.3 r2 c4");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Provenance {
    /// The file as named to the reader.
    pub file: String,
    /// The 1-based page of a PDF.
    pub page: Option<u32>,
    /// The sheet of a workbook.
    pub sheet: Option<String>,
    /// The 1-based row within the table grid on that page or sheet (CSV: the physical line).
    pub row: u32,
    /// The 1-based column within that grid.
    pub column: u32,
}

impl std::fmt::Display for Provenance {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.file)?;
        if let Some(p) = self.page {
            write!(f, " p.{p}")?;
        }
        if let Some(s) = &self.sheet {
            write!(f, " [{s}]")?;
        }
        write!(f, " r{} c{}", self.row, self.column)
    }
}

/// One cell as printed: its text exactly as read (merged-cell spans and wrapped lines included,
/// with `\n` between wrapped lines), the same text normalised for matching, and where it was read.
///
/// ```
/// let c = sunlit::document::SourceCell::new("⼀般公共预算\n支出", sunlit::document::Provenance {
///     file: "a.pdf".into(), page: Some(1), sheet: None, row: 1, column: 1 });
/// assert_eq!(c.norm, "一般公共预算支出");
/// assert_eq!(c.text, "⼀般公共预算\n支出");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceCell {
    /// The text as printed (empty for a blank or merged-away cell).
    pub text: String,
    /// The text normalised for matching ([`normalize_text`](crate::document::normalize_text)): NFKC, CJK
    /// radicals mapped to their ideographs, all whitespace removed.
    pub norm: String,
    /// Where it was read.
    pub at: Provenance,
}

impl SourceCell {
    /// A cell from its printed text; the normalised form is computed.
    ///
    /// ```
    /// let c = sunlit::document::SourceCell::new(" 合　计 ", sunlit::document::Provenance {
    ///     file: "f".into(), page: None, sheet: None, row: 1, column: 1 });
    /// assert_eq!(c.norm, "合计");
    /// ```
    pub fn new(text: impl Into<String>, at: Provenance) -> SourceCell {
        let text = text.into();
        let norm = super::text::normalize_text(&text);
        SourceCell { text, norm, at }
    }

    /// Whether the cell prints nothing.
    ///
    /// ```
    /// let p = sunlit::document::Provenance { file: "f".into(), page: None, sheet: None, row: 1, column: 1 };
    /// assert!(sunlit::document::SourceCell::new(" \n", p).is_blank());
    /// ```
    pub fn is_blank(&self) -> bool {
        self.norm.is_empty()
    }
}

/// A line of running text on a page (titles, 单位：元, narrative), as printed, with its page.
///
/// ```
/// let l = sunlit::document::SourceLine::new(2, "单位：万元");
/// assert_eq!(l.norm, "单位:万元");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceLine {
    /// The 1-based page (or sheet index + 1 for workbooks, 1 for CSV).
    pub page: u32,
    /// The text as printed.
    pub text: String,
    /// The text normalised for matching.
    pub norm: String,
}

impl SourceLine {
    /// A line from its page and printed text.
    ///
    /// ```
    /// assert_eq!(sunlit::document::SourceLine::new(1, "表 一").norm, "表一");
    /// ```
    pub fn new(page: u32, text: impl Into<String>) -> SourceLine {
        let text = text.into();
        let norm = super::text::normalize_text(&text);
        SourceLine { page, text, norm }
    }
}

/// A grid of cells read from one place — a ruled table on one or more pages (continuations
/// joined), a sheet's used range, a CSV file — with the lines printed just above it (title,
/// 单位 line, table number) and, for a PDF, the pages it spans.
///
/// Rows keep every printed row, header rows included; every row has the same number of cells
/// (padded with blank cells). A merged cell's text is in its top-left cell; the cells it covers
/// are blank and listed in `merged`.
///
/// ```
/// let t = sunlit::document::SourceTable::default();
/// assert!(t.rows.is_empty() && t.pages.is_empty());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceTable {
    /// The 1-based pages the grid spans, in order (empty for CSV and workbooks).
    pub pages: Vec<u32>,
    /// The sheet it was read from (workbooks).
    pub sheet: Option<String>,
    /// Lines printed above the grid, nearest last (its title, 单位：元, 表一 …).
    pub context: Vec<SourceLine>,
    /// The rows, each with the same number of cells.
    pub rows: Vec<Vec<SourceCell>>,
    /// Merged ranges as 0-based (first row, first column, last row, last column), inclusive.
    pub merged: Vec<(u32, u32, u32, u32)>,
    /// The 0-based row indices at which a continuation on a new page starts (a repeated header
    /// there has been kept: recognition drops it).
    pub continuations: Vec<usize>,
}

/// A document as read: format, running text lines and grids, before recognition.
///
/// ```
/// let d = sunlit::document::SourceDocument::from_csv_bytes("t.csv", "a,b\n1,2\n".as_bytes(),
///     &sunlit::ReadOptions::default()).unwrap();
/// assert_eq!(d.tables.len(), 1);
/// assert_eq!(d.tables[0].rows[1][1].text, "2");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceDocument {
    /// The file as named to the reader.
    pub path: String,
    /// The format it was read as.
    pub format: SourceFormat,
    /// The number of pages (PDF), sheets (workbook) or 1 (CSV).
    pub pages: u32,
    /// The running text, page by page, top to bottom (table cells included as printed lines,
    /// so that narrative and titles can be searched).
    pub lines: Vec<SourceLine>,
    /// The grids, in reading order.
    pub tables: Vec<SourceTable>,
}

/// An [`Error::File`](crate::Error::File) naming the file a reader could not read.
pub(super) fn io(path: &str, reason: String) -> crate::error::Error {
    crate::error::Error::File {
        kind: std::io::ErrorKind::InvalidData,
        path: path.to_owned(),
        reason,
    }
}

/// A grid position as the 1-based `u32` of [`Provenance`] (saturating).
pub(super) fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}
