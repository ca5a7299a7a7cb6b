//! Recognition: from a [`SourceDocument`] to a [`Document`] — kind, year, issuer, money unit, the
//! tables it holds (by title variants and header shape), the standard tables it lacks, and the
//! findings of the checks, each pointing at where it was printed.

use std::path::Path;

use super::{DocumentKind, ReadOptions, SourceDocument, SourceTable};
use crate::error::Result;
use crate::finding::Findings;
use crate::money::Unit;
use crate::tables::{PublishedTable, TableKind};

/// One table of a document as recognised: its number in the standard set (表一 … 表九), kind,
/// printed title, unit, pages, the grid as printed (with provenance) and, when its rows could be
/// read, the [`PublishedTable`] the checks run on. `row_at[i]` / `column_at[j]` give the 0-based
/// source row / column of published row `i` / column `j`.
///
/// ```
/// let t = sunlit::document::DocumentTable::default();
/// assert!(t.table.is_none() && t.number.is_none());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocumentTable {
    /// The number in the standard nine (1–9), when recognised.
    pub number: Option<u8>,
    /// The kind, when recognised.
    pub kind: Option<TableKind>,
    /// The title as printed (empty when none was found).
    pub title: String,
    /// The money unit the table prints.
    pub unit: Option<Unit>,
    /// The 1-based pages it spans.
    pub pages: Vec<u32>,
    /// The grid as printed.
    pub source: SourceTable,
    /// The table as read, when its rows could be read.
    pub table: Option<PublishedTable>,
    /// For a table printed empty, the sentence that explains why (本表为空表 …).
    pub empty_note: Option<String>,
    /// For each row of `table`, the 0-based row of `source` it was read from.
    pub row_at: Vec<usize>,
    /// For each column of `table`, the 0-based column of `source` it was read from.
    pub column_at: Vec<usize>,
}

/// A published document, read and recognised, with the findings of its checks.
///
/// ```
/// use sunlit::{Document, ReadOptions, document::DocumentKind};
/// let doc = Document::from_csv_bytes("t.csv", "a,b\n1,2\n".as_bytes(), &ReadOptions::default()).unwrap();
/// assert_eq!(doc.kind, DocumentKind::Unknown);
/// assert_eq!(doc.tables.len(), 1); // kept, as printed
/// assert_eq!(doc.tables[0].kind, None); // not a table the library knows: no checks, no error
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// The file as named to the reader.
    pub path: String,
    /// What the document is.
    pub kind: DocumentKind,
    /// The year it is about (预算 / 决算 / 报告 year), when printed or given.
    pub year: Option<i32>,
    /// The issuing department or unit, when printed.
    pub issuer: Option<String>,
    /// The money unit of the document (tables may differ: see [`DocumentTable::unit`]).
    pub unit: Option<Unit>,
    /// The tables recognised, in reading order.
    pub tables: Vec<DocumentTable>,
    /// The numbers of the standard tables the document lacks (a table printed empty with an
    /// explaining sentence is present, not missing).
    pub missing: Vec<u8>,
    /// The findings of every check, each pointing at its page, row and column.
    pub findings: Findings,
    /// The document as read.
    pub source: SourceDocument,
    /// For a power list, its items as read from the printed grids (header spellings recognised
    /// by [`PowerField::recognise`](crate::power::PowerField::recognise), unknown columns kept as extra
    /// columns); its [`PowerList::check`](crate::PowerList::check) findings are in `findings`.
    pub power_list: Option<crate::PowerList>,
    /// For an annual report (政府信息公开工作年度报告), its Tables 2–4 as read from the printed
    /// grids (2021 format); their [`AnnualReport::check`](crate::AnnualReport::check) findings,
    /// located at page and printed cell, are in `findings`.
    pub annual_report: Option<crate::AnnualReport>,
}

impl Document {
    /// Read, recognise and check a document file (PDF needs the `pdf` feature).
    ///
    /// ```
    /// let err = sunlit::Document::read("missing.pdf", &sunlit::ReadOptions::default());
    /// assert!(err.is_err());
    /// ```
    pub fn read(path: impl AsRef<Path>, opts: &ReadOptions) -> Result<Document> {
        let source = SourceDocument::read(path, opts)?;
        Document::from_source(source, opts)
    }

    /// Read, recognise and check a CSV document from its bytes.
    ///
    /// ```
    /// let d = sunlit::Document::from_csv_bytes("x.csv", b"a\n", &sunlit::ReadOptions::default()).unwrap();
    /// assert_eq!(d.path, "x.csv");
    /// ```
    pub fn from_csv_bytes(name: &str, bytes: &[u8], opts: &ReadOptions) -> Result<Document> {
        Document::from_source(SourceDocument::from_csv_bytes(name, bytes, opts)?, opts)
    }

    /// Recognise and check a document already read: its kind, year, issuer and unit from its
    /// text (the values of `opts` win), each table by its title and, failing that, its header
    /// shape; the standard tables it lacks ([`ReadOptions::standard_tables`]); then the checks of
    /// [`DisclosureDocument::check`](crate::tables::DisclosureDocument::check) with every finding pointing at the page and printed text of
    /// its cell. A table that cannot be read into the checked layout is kept unchecked with an
    /// `info` finding ([`rules::document::UNREAD_TABLE`](crate::rules::document::UNREAD_TABLE)).
    ///
    /// ```
    /// use sunlit::{
    ///     Document, ReadOptions,
    ///     document::{
    ///         DocumentKind, Provenance, SourceCell, SourceDocument, SourceFormat, SourceLine, SourceTable,
    ///     },
    /// };
    /// let at = |r, c| Provenance { file: "x.pdf".into(), page: Some(3), sheet: None, row: r, column: c };
    /// let grid = [["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
    ///             ["201", "一般公共服务支出", "100.00", "60.00", "40.00"],
    ///             ["合计", "", "100.00", "60.00", "41.00"]];
    /// let rows = grid.iter().enumerate().map(|(i, r)| r.iter().enumerate()
    ///     .map(|(j, t)| SourceCell::new(*t, at(i as u32 + 1, j as u32 + 1))).collect()).collect();
    /// let table = SourceTable { pages: vec![3], rows,
    ///     context: vec![SourceLine::new(3, "2026年一般公共预算支出功能分类预算表"), SourceLine::new(3, "单位：万元")],
    ///     ..Default::default() };
    /// let source = SourceDocument { path: "x.pdf".into(), format: SourceFormat::Pdf, pages: 3,
    ///     lines: vec![SourceLine::new(1, "上海市某某局2026年部门预算")], tables: vec![table] };
    /// let doc = Document::from_source(source, &ReadOptions::default()).unwrap();
    /// assert_eq!((doc.kind, doc.year), (DocumentKind::Budget, Some(2026)));
    /// assert_eq!(doc.tables[0].number, Some(5));
    /// assert_eq!(doc.missing, [1, 2, 3, 4, 6, 7, 8, 9]);
    /// let err = doc.findings.iter().find(|f| f.rule == "tables.total_sum").unwrap();
    /// assert_eq!((err.page, err.printed.as_deref()), (Some(3), Some("41.00")));
    /// ```
    pub fn from_source(source: SourceDocument, opts: &ReadOptions) -> Result<Document> {
        super::build::recognise(source, opts)
    }
}

/// Give a table whose title names no kind the kind its plain title names
/// ([`TableKind::from_plain_title`]: 收入预算表, 支出预算表, 财政拨款支出预算表 of the four-table
/// budget template, printed after the unit's name `issuer`), when that kind is of the document's
/// phase and no other table's title names it — so a larger set keeping, say, a 财政拨款支出预算表
/// beside its 一般公共预算支出预算表 is not misread.
pub(crate) fn plain_titles(
    titled: Vec<(String, Option<TableKind>)>,
    phase: Option<crate::budget::Phase>,
    issuer: Option<&str>,
) -> Vec<(String, Option<TableKind>)> {
    let named: Vec<TableKind> = titled.iter().filter_map(|(_, k)| *k).collect();
    let mut given: Vec<TableKind> = Vec::new();
    titled
        .into_iter()
        .map(|(title, kind)| {
            let plain = kind
                .is_none()
                .then(|| TableKind::from_plain_title(&title, issuer))
                .flatten()
                .filter(|k| Some(k.phase()) == phase && !named.contains(k) && !given.contains(k));
            if let Some(k) = plain {
                given.push(k);
            }
            (title, kind.or(plain))
        })
        .collect()
}
