//! The output of `sunlit check`: reports of a checked [`Document`] — the stable JSON of
//! `sunlit check --json`, a readable text report, one self-contained HTML page showing each table
//! as printed with its findings marked on their cells, and the recognised tables cell by cell
//! with provenance (CSV, JSON).
//!
//! Every binding and the command line call these; none re-implements them. Amounts are written as
//! exact strings, never floats; a blank cell stays blank, never zero.
//!
//! A finding is placed on its cell when its table (by the name the checks give it), its row (code
//! or printed label) and its column (heading) are found in a recognised table whose rows and
//! columns map back to the grid as printed ([`DocumentTable::row_at`], [`DocumentTable::column_at`]).
//! A finding that cannot be placed is still reported, listed under its table or the document.

use std::fmt::Write as _;

use rust_decimal::Decimal;
use serde::Serialize;
use serde_json::Value;

use super::{Document, DocumentTable, SourceCell};
use crate::error::Result;
use crate::finding::{Finding, Findings, Severity};
use crate::io::{write_err, write_string};
use crate::tables::{PublishedTable, TableColumn};

/// The Chinese numerals of the standard table numbers (表一 … 表九).
const NUMERALS: [&str; 10] = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/// `表五` for 5; `表12` beyond the nine.
fn table_name(number: u8) -> String {
    match NUMERALS.get(usize::from(number)) {
        Some(n) if number > 0 => format!("表{n}"),
        _ => format!("表{number}"),
    }
}

/// Where a finding sits in a document: the index of its table in [`Document::tables`] and, when
/// the row (and column) could be found, the 0-based source row and column of its cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct Place {
    table: Option<usize>,
    row: Option<usize>,
    column: Option<usize>,
    /// The source column of the row's label, for a row of a side-by-side block.
    label: Option<usize>,
}

/// Where the cells of a recognised table were printed (see [`DocumentTable::cell_map`]).
#[derive(Debug, Default)]
struct CellMap {
    /// (source row, source column) → (published row, published column).
    cells: rustc_hash::FxHashMap<(usize, usize), (usize, usize)>,
    /// Source row → the published rows read from it, each with its label's source column when
    /// the row is one of several blocks side by side.
    rows: rustc_hash::FxHashMap<usize, Vec<(usize, Option<usize>)>>,
}

impl CellMap {
    /// The published cell printed at (`r`, `c`).
    fn cell(&self, r: usize, c: usize) -> Option<(usize, usize)> {
        self.cells.get(&(r, c)).copied()
    }

    /// The published row a source cell belongs to: the cell's own, else the one row read from
    /// that source row, else (side by side) the block whose label is printed at or left of it.
    fn row(&self, r: usize, c: usize) -> Option<usize> {
        if let Some((i, _)) = self.cell(r, c) {
            return Some(i);
        }
        match self.rows.get(&r)?.as_slice() {
            [(i, _)] => Some(*i),
            many => many
                .iter()
                .filter(|(_, l)| l.is_some_and(|l| l <= c))
                .max_by_key(|(_, l)| *l)
                .map(|(i, _)| *i),
        }
    }
}

/// How the checks name a table: its kind's Chinese name, else its printed title.
fn names_table(t: &DocumentTable, name: &str) -> bool {
    if let Some(pt) = &t.table
        && pt.label() == name
    {
        return true;
    }
    t.kind.is_some_and(|k| k.name_zh() == name) || (!t.title.is_empty() && t.title == name)
}

fn same_heading(a: &str, b: &str) -> bool {
    a == b
        || matches!((TableColumn::recognise(a), TableColumn::recognise(b)), (Some(x), Some(y)) if x == y)
}

impl DocumentTable {
    /// The source cell of published row `row` and column `column`, if both map to the grid.
    fn cell_at(&self, row: usize, column: usize) -> Option<&SourceCell> {
        self.source.rows.get(row)?.get(column)
    }

    /// Whether published row `i` shares its source row with another (two blocks printed side by
    /// side, 收 | 支), and which of them it is (0 for the first).
    fn side(&self, i: usize) -> (bool, usize) {
        let Some(&r) = self.row_at.get(i) else {
            return (false, 0);
        };
        let before = self.row_at.iter().take(i).filter(|&&x| x == r).count();
        let shared = self.row_at.iter().filter(|&&x| x == r).count() > 1;
        (shared, before)
    }

    /// The source column of published row `i`'s label as printed: the one cell of its source row
    /// that prints it, or, when both blocks side by side print it, the `k`-th (`k` = its block).
    fn label_column(&self, i: usize) -> Option<usize> {
        let row = self.table.as_ref()?.rows().get(i)?;
        let src = self.source.rows.get(*self.row_at.get(i)?)?;
        let label = super::normalize_text(&row.name);
        let (_, k) = self.side(i);
        let hits: Vec<usize> = src
            .iter()
            .enumerate()
            .filter(|(_, c)| !label.is_empty() && c.norm == label)
            .map(|(c, _)| c)
            .collect();
        match hits.as_slice() {
            [one] => Some(*one),
            many => many.get(k).copied(),
        }
    }

    /// The source column of published cell (`i`, `j`), when it can be told for certain: the
    /// column's source column, shifted for a row of the second side-by-side block by the distance
    /// between its label and the first block's label on the same source row; `None` when that
    /// distance cannot be found or the cell printed does not read as the amount of the table.
    fn source_column(&self, i: usize, j: usize) -> Option<usize> {
        let t = self.table.as_ref()?;
        let base = *self.column_at.get(j)?;
        let (shared, _) = self.side(i);
        let c = if shared {
            let r = *self.row_at.get(i)?;
            let first = self.row_at.iter().position(|&x| x == r)?;
            let shift = self.label_column(i)? as isize - self.label_column(first)? as isize;
            usize::try_from(base as isize + shift).ok()?
        } else {
            base
        };
        let cell = self.source.rows.get(*self.row_at.get(i)?)?.get(c)?;
        let value = t.rows().get(i)?.cells.get(j).copied().flatten();
        match (crate::money::parse_amount(&cell.text), value) {
            (Ok(Some(printed)), Some(read)) if printed != read => None,
            _ => Some(c),
        }
    }

    /// Where each published cell was printed, both ways: (source row, source column) →
    /// (published row, published column).
    fn cell_map(&self) -> CellMap {
        let mut map = CellMap::default();
        let Some(t) = &self.table else {
            return map;
        };
        for (i, row) in t.rows().iter().enumerate() {
            let Some(&r) = self.row_at.get(i) else {
                continue;
            };
            for j in 0..row.cells.len() {
                if let Some(c) = self.source_column(i, j) {
                    map.cells.insert((r, c), (i, j));
                }
            }
            let label = if self.side(i).0 {
                self.label_column(i)
            } else {
                None
            };
            map.rows.entry(r).or_default().push((i, label));
        }
        map
    }

    /// The amount read for published cell (`i`, `j`), `None` when blank.
    fn amount(&self, i: usize, j: usize) -> Option<Decimal> {
        self.table
            .as_ref()?
            .rows()
            .get(i)?
            .cells
            .get(j)
            .copied()
            .flatten()
    }

    /// The number of rows and of numeric cells of the table as read (0, 0 when it was not read).
    fn counts(&self) -> (usize, usize) {
        self.table.as_ref().map_or((0, 0), |t| {
            let cells = t
                .rows()
                .iter()
                .map(|r| r.cells.iter().filter(|c| c.is_some()).count())
                .sum();
            (t.rows().len(), cells)
        })
    }

    /// `表五 一般公共预算支出功能分类预算表` — the number when known and the title (or kind).
    fn heading(&self) -> String {
        let title = if self.title.is_empty() {
            self.kind
                .map(|k| k.name_zh().to_owned())
                .unwrap_or_default()
        } else {
            self.title.replace('\n', "")
        };
        match (self.number, title.is_empty()) {
            (Some(n), false) => format!("{} {title}", table_name(n)),
            (Some(n), true) => table_name(n),
            (None, false) => title,
            (None, true) => "未识别的表格 unrecognised table".to_owned(),
        }
    }

    fn pages_text(&self) -> String {
        let pages = if self.pages.is_empty() {
            &self.source.pages
        } else {
            &self.pages
        };
        match (pages.first(), pages.last()) {
            (Some(a), Some(b)) if a == b => format!("p.{a}"),
            (Some(a), Some(b)) => format!("p.{a}–{b}"),
            _ => String::new(),
        }
    }
}

impl Document {
    /// Where a finding sits: its table, row and column as printed, as far as they can be found.
    fn place(&self, f: &Finding) -> Place {
        let Some(name) = f.table.as_deref() else {
            return Place::default();
        };
        let Some((ti, t)) = self
            .tables
            .iter()
            .enumerate()
            .find(|(_, t)| names_table(t, name))
        else {
            return Place::default();
        };
        let mut place = Place {
            table: Some(ti),
            ..Place::default()
        };
        let Some(pt) = &t.table else {
            return place;
        };
        let Some(i) = f
            .code
            .as_deref()
            .and_then(|code| pt.rows().iter().position(|r| r.key() == code.trim()))
        else {
            return place;
        };
        place.row = t
            .row_at
            .get(i)
            .copied()
            .filter(|&r| r < t.source.rows.len());
        if place.row.is_none() {
            return place;
        }
        place.label = if t.side(i).0 { t.label_column(i) } else { None };
        if let Some(col) = f.column.as_deref() {
            place.column = pt
                .columns()
                .iter()
                .position(|c| same_heading(c, col))
                .and_then(|j| t.source_column(i, j));
        }
        place
    }

    /// The source cell a finding points at (its column's cell, else its row's first printed
    /// cell), with the place.
    fn finding_cell(&self, f: &Finding) -> (Place, Option<&SourceCell>) {
        let p = self.place(f);
        let t = p.table.and_then(|i| self.tables.get(i));
        let cell = match (t, p.row, p.column) {
            (Some(t), Some(r), Some(c)) => t.cell_at(r, c),
            (Some(t), Some(r), None) => match p.label {
                Some(l) => t.cell_at(r, l),
                None => t
                    .source
                    .rows
                    .get(r)
                    .and_then(|row| row.iter().find(|c| !c.is_blank())),
            },
            _ => None,
        };
        (p, cell)
    }

    /// The page of a finding: as the check gave it, else where its cell is printed.
    fn finding_page(&self, f: &Finding, cell: Option<&SourceCell>) -> Option<u32> {
        f.page.or_else(|| cell.and_then(|c| c.at.page))
    }

    /// The printed text of a finding's cell: as the check gave it, else the cell's text when the
    /// finding's column was found.
    fn finding_printed(&self, f: &Finding, p: Place, cell: Option<&SourceCell>) -> Option<String> {
        f.printed.clone().or_else(|| {
            p.column
                .and(cell)
                .map(|c| c.text.clone())
                .filter(|t| !t.trim().is_empty())
        })
    }

    /// The findings with the page and the printed text of their cell filled in where the check
    /// did not give them and the cell was found in a recognised table (see the module
    /// documentation); the order is kept.
    ///
    /// ```
    /// use sunlit::{Document, Finding, ReadOptions, Severity};
    /// let mut d = Document::from_csv_bytes("x.csv", b"a\n", &ReadOptions::default())?;
    /// d.findings.push(Finding::new(&sunlit::rules::document::UNREAD_TABLE, "提示", "note").with_page(3));
    /// assert_eq!(d.located_findings().as_slice()[0].page, Some(3)); // as given
    /// # Ok::<(), sunlit::Error>(())
    /// ```
    pub fn located_findings(&self) -> Findings {
        Findings::from(
            self.findings
                .iter()
                .map(|f| {
                    let (p, cell) = self.finding_cell(f);
                    let mut f2 = f.clone();
                    f2.page = self.finding_page(f, cell);
                    f2.printed = self.finding_printed(f, p, cell);
                    f2
                })
                .collect::<Vec<_>>(),
        )
    }

    /// The counts of findings by severity: (errors, warnings, infos).
    fn severity_counts(&self) -> (usize, usize, usize) {
        let n = |s: Severity| self.findings.iter().filter(|f| f.severity == s).count();
        (n(Severity::Error), n(Severity::Warning), n(Severity::Info))
    }

    /// The document in the stable schema of [`Document::to_json`], fields in their order.
    fn json_doc(&self) -> JsonDoc<'_> {
        let tables = self
            .tables
            .iter()
            .map(|t| {
                let (rows, cells) = t.counts();
                JsonTable {
                    number: t.number,
                    kind: t.kind.map(|k| k.id()),
                    title: &t.title,
                    unit: t.unit.map(|u| u.symbol()),
                    pages: &t.pages,
                    rows,
                    cells,
                    read: t.table.is_some(),
                    columns: t.table.as_ref().map(|pt| pt.columns()),
                    empty_note: t.empty_note.as_deref(),
                }
            })
            .collect();
        let findings = self
            .findings
            .iter()
            .map(|f| {
                let (p, cell) = self.finding_cell(f);
                let t = p.table.and_then(|i| self.tables.get(i));
                JsonFinding {
                    rule: &f.rule,
                    severity: f.severity.id(),
                    table: t.and_then(|t| t.number),
                    table_name: f.table.as_deref(),
                    page: self.finding_page(f, cell),
                    row: f.code.as_deref(),
                    column: f.column.as_deref(),
                    printed: self.finding_printed(f, p, cell),
                    expected: f.expected.map(|d| d.to_string()),
                    actual: f.actual.map(|d| d.to_string()),
                    difference: f.difference.map(|d| d.to_string()),
                    message: format!("{} / {}", f.message_zh, f.message_en),
                    message_zh: &f.message_zh,
                    message_en: &f.message_en,
                    cell: cell.map(|c| JsonAt {
                        page: c.at.page,
                        sheet: c.at.sheet.as_deref(),
                        row: c.at.row,
                        column: c.at.column,
                    }),
                }
            })
            .collect();
        let (error, warning, info) = self.severity_counts();
        JsonDoc {
            path: &self.path,
            format: self.source.format.id(),
            kind: self.kind.id(),
            year: self.year,
            issuer: self.issuer.as_deref(),
            unit: self.unit.map(|u| u.symbol()),
            pages: self.source.pages,
            tables,
            missing: &self.missing,
            findings,
            counts: JsonCounts {
                error,
                warning,
                info,
            },
        }
    }

    /// The document as the JSON value of [`Document::to_json`].
    ///
    /// ```
    /// let d = sunlit::Document::from_csv_bytes("x.csv", b"a\n", &sunlit::ReadOptions::default()).unwrap();
    /// assert_eq!(d.to_json_value()["kind"], "unknown");
    /// ```
    pub fn to_json_value(&self) -> Value {
        serde_json::to_value(self.json_doc()).unwrap_or(Value::Null)
    }

    /// The document as JSON in the stable schema of `sunlit check --json`: `path`, `kind`
    /// (`budget`, `final`, `annual_report`, `power_list`, `unknown`), `year`, `tables` (each with
    /// `number`, `kind`, `title`, `unit`, `pages`, `rows`, `cells` — the counts of rows and numeric
    /// cells read), `missing` (table numbers), `findings` (each with `rule`, `severity`, `table`
    /// (number), `page`, `row` (code or label), `column` (heading), `printed`, `expected`,
    /// `message` (Chinese / English)); more fields may be added, none renamed. Amounts are strings.
    ///
    /// ```
    /// use sunlit::{Document, Finding, ReadOptions, Severity};
    /// use rust_decimal::Decimal;
    /// let mut d = Document::from_csv_bytes("x.csv", b"a\n", &ReadOptions::default())?;
    /// d.findings.push(Finding::new(&sunlit::rules::tables::ROW_SUM, "合计不等", "total differs")
    ///     .with_values(Decimal::new(1001, 1), Decimal::from(100)));
    /// let v: serde_json::Value = serde_json::from_str(&d.to_json()).unwrap();
    /// assert_eq!(v["findings"][0]["expected"], "100.1"); // a string, never a float
    /// assert_eq!(v["findings"][0]["message"], "合计不等 / total differs");
    /// assert!(v["missing"].as_array().unwrap().is_empty());
    /// # Ok::<(), sunlit::Error>(())
    /// ```
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(&self.json_doc()).unwrap_or_else(|_| "{}".to_owned())
    }

    /// A readable report for people: a header (file, kind, year, issuer, unit, the tables found,
    /// the tables missing, the counts of findings), then the findings grouped by table — tables
    /// with errors first, errors first within a table — each with its page, row, column, the
    /// figure as printed, the expected figure and the message in Chinese and English.
    ///
    /// ```
    /// use sunlit::{Document, Finding, ReadOptions, Severity, document::DocumentKind};
    /// let mut d = Document::from_csv_bytes("x.csv", b"a\n", &ReadOptions::default())?;
    /// d.kind = DocumentKind::Budget;
    /// d.missing = vec![6, 7];
    /// d.findings.push(Finding::new(&sunlit::rules::tables::RUNNING_COSTS, "注意", "look"));
    /// let text = d.to_text();
    /// assert!(text.contains("部门预算 budget"));
    /// assert!(text.contains("缺少 Missing: 表六, 表七"));
    /// assert!(text.contains("[warning] tables.running_costs"));
    /// assert!(text.contains("注意 / look"));
    /// # Ok::<(), sunlit::Error>(())
    /// ```
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "文件 File: {}", self.path);
        let mut head = format!("类型 Kind: {} {}", self.kind.name_zh(), self.kind.id());
        if let Some(y) = self.year {
            let _ = write!(head, " · 年度 Year: {y}");
        }
        if let Some(i) = &self.issuer {
            let _ = write!(head, " · 单位 Issuer: {i}");
        }
        if let Some(u) = self.unit {
            let _ = write!(head, " · 金额单位 Unit: {}", u.symbol());
        }
        let _ = writeln!(out, "{head}");
        if self.tables.is_empty() {
            let _ = writeln!(out, "表格 Tables found: 无 none");
        } else {
            let _ = writeln!(out, "表格 Tables found ({}):", self.tables.len());
            for t in &self.tables {
                let (rows, cells) = t.counts();
                let mut line = format!("  {}", t.heading());
                let pages = t.pages_text();
                if !pages.is_empty() {
                    let _ = write!(line, " ({pages})");
                }
                if let Some(u) = t.unit {
                    let _ = write!(line, " 单位 {}", u.symbol());
                }
                if let Some(note) = &t.empty_note {
                    let _ = write!(line, " — 空表 empty: {note}");
                } else if t.table.is_some() {
                    let _ = write!(line, " — {rows} 行 rows, {cells} 数 cells");
                } else {
                    let _ = write!(line, " — 未读出 not read");
                }
                let _ = writeln!(out, "{line}");
            }
        }
        let missing: Vec<String> = self.missing.iter().map(|&n| table_name(n)).collect();
        let _ = writeln!(
            out,
            "缺少 Missing: {}",
            if missing.is_empty() {
                "无 none".to_owned()
            } else {
                missing.join(", ")
            }
        );
        let (e, w, i) = self.severity_counts();
        let _ = writeln!(
            out,
            "发现 Findings: {e} error, {w} warning, {i} info{}",
            if e == 0 {
                " — 未发现错误 no errors"
            } else {
                ""
            }
        );
        for (ti, group) in self.finding_groups() {
            let title = ti.and_then(|i| self.tables.get(i)).map_or_else(
                || "文件 Document".to_owned(),
                |t| {
                    let pages = t.pages_text();
                    if pages.is_empty() {
                        t.heading()
                    } else {
                        format!("{} ({pages})", t.heading())
                    }
                },
            );
            let _ = writeln!(out, "\n== {title} ==");
            for f in group {
                out.push_str(&self.finding_text(f));
            }
        }
        out
    }

    /// The findings grouped by the table they are placed in (`None`: not in a recognised
    /// table), groups with errors first, then in reading order; errors first within a group.
    fn finding_groups(&self) -> Vec<(Option<usize>, Vec<&Finding>)> {
        let mut groups: Vec<(Option<usize>, Vec<&Finding>)> = Vec::new();
        for f in self.findings.iter() {
            let ti = self.place(f).table;
            match groups.iter_mut().find(|(t, _)| *t == ti) {
                Some((_, g)) => g.push(f),
                None => groups.push((ti, vec![f])),
            }
        }
        for (_, g) in &mut groups {
            g.sort_by_key(|f| f.severity);
        }
        groups.sort_by_key(|(ti, g)| {
            (
                g.iter().map(|f| f.severity).min(),
                ti.map_or(usize::MAX, |i| i),
            )
        });
        groups
    }

    fn finding_text(&self, f: &Finding) -> String {
        let (p, cell) = self.finding_cell(f);
        let mut at = Vec::new();
        if let Some(page) = self.finding_page(f, cell) {
            at.push(format!("p.{page}"));
        }
        if let Some(s) = cell.and_then(|c| c.at.sheet.as_ref()) {
            at.push(format!("[{s}]"));
        }
        if let Some(code) = &f.code {
            at.push(format!("行 row {code}"));
        }
        if let Some(col) = &f.column {
            at.push(format!("列 column {col}"));
        }
        if let (Some(c), Some(_)) = (cell, p.column) {
            at.push(format!("(r{} c{})", c.at.row, c.at.column));
        }
        let mut out = format!("  [{}] {}", f.severity.id(), f.rule);
        if !at.is_empty() {
            let _ = write!(out, "  {}", at.join(" · "));
        }
        out.push('\n');
        let mut values = Vec::new();
        if let Some(printed) = self.finding_printed(f, p, cell) {
            values.push(format!("印刷 printed {}", printed.replace('\n', " ")));
        } else if let Some(a) = f.actual {
            values.push(format!("实际 actual {a}"));
        }
        if let Some(e) = f.expected {
            values.push(format!("应为 expected {e}"));
        }
        if let Some(d) = f.difference {
            values.push(format!("差额 difference {d}"));
        }
        if !values.is_empty() {
            let _ = writeln!(out, "    {}", values.join(" · "));
        }
        let _ = writeln!(out, "    {} / {}", f.message_zh, f.message_en);
        out
    }

    /// One self-contained HTML page (UTF-8, styles inline, no scripts): a summary at the top
    /// (counts by severity, the tables found and missing), then each recognised table as printed,
    /// merged cells as spans, every finding marked on its cell (coloured by severity, the message
    /// shown on hover through the cell's `title`) and listed under its table.
    ///
    /// ```
    /// use sunlit::{Document, Finding, ReadOptions, Severity};
    /// let d = Document::from_csv_bytes("x.csv", b"a\n", &ReadOptions::default())?;
    /// let html = d.to_html();
    /// assert!(html.starts_with("<!DOCTYPE html>") && html.contains("<meta charset=\"utf-8\">"));
    /// assert!(!html.contains("<script"));
    /// # Ok::<(), sunlit::Error>(())
    /// ```
    pub fn to_html(&self) -> String {
        documents_to_html(std::slice::from_ref(self))
    }

    /// One document's section of the HTML report: its facts, the findings at a glance, then the
    /// document's own findings and each table as printed with its findings.
    fn html_section(&self, out: &mut String, doc: usize) {
        let _ = writeln!(out, "<section class=\"doc\">\n<h1>{}</h1>", esc(&self.path));
        self.html_facts(out, doc);
        // Number the findings once, in the order of the text report.
        let groups = self.finding_groups();
        let mut numbered: Vec<(usize, &Finding, Place)> = Vec::new();
        for (_, g) in &groups {
            for f in g {
                numbered.push((numbered.len() + 1, f, self.place(f)));
            }
        }
        let unplaced: Vec<&(usize, &Finding, Place)> = numbered
            .iter()
            .filter(|(_, _, p)| p.table.is_none())
            .collect();
        self.html_glance(out, doc, &numbered);
        if !unplaced.is_empty() {
            let _ = writeln!(out, "<h2>文件 Document</h2>");
            self.html_finding_list(out, doc, &unplaced);
        }
        for (ti, t) in self.tables.iter().enumerate() {
            let mine: Vec<&(usize, &Finding, Place)> = numbered
                .iter()
                .filter(|(_, _, p)| p.table == Some(ti))
                .collect();
            self.html_table(out, (doc, ti), t, &mine);
        }
        out.push_str("</section>\n");
    }

    /// The document's facts (kind, year, issuer, unit), its count of findings by severity, the
    /// tables found (linked) and the tables missing.
    fn html_facts(&self, out: &mut String, doc: usize) {
        let mut facts = vec![format!(
            "类型 Kind: <b>{} {}</b>",
            esc(self.kind.name_zh()),
            self.kind.id()
        )];
        if let Some(y) = self.year {
            facts.push(format!("年度 Year: <b>{y}</b>"));
        }
        if let Some(i) = &self.issuer {
            facts.push(format!("单位 Issuer: <b>{}</b>", esc(i)));
        }
        if let Some(u) = self.unit {
            facts.push(format!("金额单位 Unit: <b>{}</b>", u.symbol()));
        }
        let _ = writeln!(out, "<p class=\"facts\">{}</p>", facts.join(" · "));
        let (e, w, i) = self.severity_counts();
        let _ = writeln!(
            out,
            "<p class=\"summary\"><span class=\"badge error\">{e} 错误 error</span> <span class=\"badge warning\">{w} 警告 warning</span> <span class=\"badge info\">{i} 提示 info</span></p>"
        );
        let found: Vec<String> = self
            .tables
            .iter()
            .enumerate()
            .map(|(i, t)| format!("<a href=\"#d{doc}t{i}\">{}</a>", esc(&t.heading())))
            .collect();
        let _ = writeln!(
            out,
            "<p>表格 Tables found ({}): {}</p>",
            found.len(),
            if found.is_empty() {
                "无 none".to_owned()
            } else {
                found.join("；")
            }
        );
        let missing: Vec<String> = self.missing.iter().map(|&n| table_name(n)).collect();
        let _ = writeln!(
            out,
            "<p class=\"{}\">缺少 Missing: {}</p>",
            if missing.is_empty() { "ok" } else { "missing" },
            if missing.is_empty() {
                "无 none".to_owned()
            } else {
                missing.join(", ")
            }
        );
    }

    /// One table: its heading (pages, unit), its note of emptiness, its grid with the findings
    /// marked, and the list of its findings.
    fn html_table(
        &self,
        out: &mut String,
        (doc, ti): (usize, usize),
        t: &DocumentTable,
        mine: &[&(usize, &Finding, Place)],
    ) {
        let mut h = esc(&t.heading());
        let pages = t.pages_text();
        if !pages.is_empty() {
            let _ = write!(h, " <small>{pages}</small>");
        }
        if let Some(u) = t.unit {
            let _ = write!(h, " <small>单位：{}</small>", u.symbol());
        }
        // A grid nothing was recognised in (a table of contents, a cover) is folded away.
        let fold = t.number.is_none() && t.kind.is_none() && mine.is_empty();
        if fold {
            let _ = writeln!(out, "<details id=\"d{doc}t{ti}\"><summary>{h}</summary>");
        } else {
            let _ = writeln!(out, "<h2 id=\"d{doc}t{ti}\">{h}</h2>");
        }
        if let Some(note) = &t.empty_note {
            let _ = writeln!(out, "<p class=\"note\">空表 empty: {}</p>", esc(note));
        }
        self.html_grid(out, t, mine);
        if !mine.is_empty() {
            self.html_finding_list(out, doc, mine);
        }
        if fold {
            out.push_str("</details>\n");
        }
    }

    /// A table's grid as printed, in HTML, each finding marked on its cell.
    fn html_grid(&self, out: &mut String, t: &DocumentTable, mine: &[&(usize, &Finding, Place)]) {
        let rows = &t.source.rows;
        if rows.is_empty() {
            return;
        }
        let (span, covered) = grid_spans(t);
        let map = t.cell_map();
        out.push_str("<table class=\"src\">\n");
        for (r, row) in rows.iter().enumerate() {
            let cont = if r > 0 && t.source.continuations.contains(&r) {
                " class=\"cont\""
            } else {
                ""
            };
            let _ = write!(out, "<tr{cont}>");
            for (c, cell) in row.iter().enumerate() {
                if covered
                    .get(r)
                    .and_then(|x| x.get(c))
                    .copied()
                    .unwrap_or(false)
                {
                    continue;
                }
                let here: Vec<&&(usize, &Finding, Place)> = mine
                    .iter()
                    .filter(|(_, f, p)| {
                        p.row == Some(r)
                            && (p.column == Some(c)
                                || (p.column.is_none()
                                    && p.label.or_else(|| self.row_first_cell(t, r)) == Some(c)))
                            && f.table.is_some()
                    })
                    .collect();
                let span = span.get(r).and_then(|x| x.get(c)).copied();
                html_cell(out, t, &map, (r, c), cell, span, &here);
            }
            out.push_str("</tr>\n");
        }
        out.push_str("</table>\n");
    }

    fn row_first_cell(&self, t: &DocumentTable, r: usize) -> Option<usize> {
        t.source.rows.get(r)?.iter().position(|c| !c.is_blank())
    }

    /// The errors and warnings at the top of the page, each linking to its place in the list
    /// under its table (infos are counted in the summary only).
    fn html_glance(&self, out: &mut String, doc: usize, numbered: &[(usize, &Finding, Place)]) {
        let shown: Vec<&(usize, &Finding, Place)> = numbered
            .iter()
            .filter(|(_, f, _)| f.severity != Severity::Info)
            .collect();
        if shown.is_empty() {
            return;
        }
        out.push_str("<ul class=\"glance\">\n");
        for (n, f, p) in shown {
            let (_, cell) = self.finding_cell(f);
            let mut at = Vec::new();
            if let Some(t) = p.table.and_then(|i| self.tables.get(i)) {
                at.push(esc(&t.heading()));
            }
            if let Some(page) = self.finding_page(f, cell) {
                at.push(format!("p.{page}"));
            }
            for v in [&f.code, &f.column].into_iter().flatten() {
                at.push(esc(v));
            }
            let mut values = Vec::new();
            if let Some(printed) = self.finding_printed(f, *p, cell) {
                values.push(format!("印刷 printed {}", esc(&printed)));
            }
            if let Some(e) = f.expected {
                values.push(format!("应为 expected {e}"));
            }
            let _ = writeln!(
                out,
                "<li class=\"{sev}\"><a href=\"#d{doc}f{n}\">#{n}</a> <b>{sev}</b> {rule} — {at}{colon}{values}</li>",
                sev = f.severity.id(),
                rule = esc(&f.rule),
                at = at.join(" · "),
                colon = if values.is_empty() { "" } else { ": " },
                values = values.join(" · "),
            );
        }
        out.push_str("</ul>\n");
    }

    fn html_finding_list(&self, out: &mut String, doc: usize, items: &[&(usize, &Finding, Place)]) {
        out.push_str("<ol class=\"findings\">\n");
        for (n, f, _) in items {
            let text = self.finding_text(f);
            let _ = writeln!(
                out,
                "<li id=\"d{doc}f{n}\" value=\"{n}\" class=\"{}\"><pre>{}</pre></li>",
                f.severity.id(),
                esc(text.trim_end())
            );
        }
        out.push_str("</ol>\n");
    }

    /// The recognised tables cell by cell with provenance, as CSV: one row per printed cell of
    /// each table (and per blank cell of its amount area), with the header
    /// [`Document::TABLES_CSV_HEADER`]. `heading` and `row_label` name the column and row the cell
    /// was read into; `amount` is the amount read (blank when the cell is blank or not an amount).
    ///
    /// ```
    /// use sunlit::{Document, ReadOptions, document::DocumentTable};
    /// let mut d = Document::from_csv_bytes("x.csv", "合计\n\"1,234\"\n".as_bytes(), &ReadOptions::default())?;
    /// d.tables = vec![DocumentTable { number: Some(9), source: d.source.tables[0].clone(), ..Default::default() }];
    /// let csv = d.tables_csv()?;
    /// assert!(csv.starts_with("table,kind,title,page,sheet,row,column,heading,row_label,text,amount\n"));
    /// assert!(csv.contains("9,,,,,2,1,,,\"1,234\",\n"));
    /// # Ok::<(), sunlit::Error>(())
    /// ```
    pub fn tables_csv(&self) -> Result<String> {
        write_string(|buf| {
            let mut w = csv::Writer::from_writer(buf);
            w.write_record(Document::TABLES_CSV_HEADER)
                .map_err(write_err)?;
            for t in &self.tables {
                for c in table_cells(t) {
                    w.write_record([
                        t.number.map(|n| n.to_string()).unwrap_or_default(),
                        t.kind.map(|k| k.id().to_owned()).unwrap_or_default(),
                        t.title.clone(),
                        c.cell.at.page.map(|p| p.to_string()).unwrap_or_default(),
                        c.cell.at.sheet.clone().unwrap_or_default(),
                        c.cell.at.row.to_string(),
                        c.cell.at.column.to_string(),
                        c.heading.unwrap_or_default(),
                        c.row_label.unwrap_or_default(),
                        c.cell.text.clone(),
                        c.amount.map(|a| a.to_string()).unwrap_or_default(),
                    ])
                    .map_err(write_err)?;
                }
            }
            w.flush().map_err(write_err)
        })
    }

    /// The header of [`Document::tables_csv`].
    pub const TABLES_CSV_HEADER: [&'static str; 11] = [
        "table",
        "kind",
        "title",
        "page",
        "sheet",
        "row",
        "column",
        "heading",
        "row_label",
        "text",
        "amount",
    ];

    /// The recognised tables with provenance as JSON: `{"path", "tables": [{"number", "kind",
    /// "title", "unit", "pages", "empty_note", "columns", "cells": [{"page", "sheet", "row",
    /// "column", "heading", "row_label", "text", "amount"}]}]}` — the cells as in
    /// [`Document::tables_csv`], amounts as strings.
    ///
    /// ```
    /// use sunlit::{Document, ReadOptions, document::DocumentTable};
    /// let mut d = Document::from_csv_bytes("x.csv", "合计\n1\n".as_bytes(), &ReadOptions::default())?;
    /// d.tables = vec![DocumentTable { number: Some(9), source: d.source.tables[0].clone(), ..Default::default() }];
    /// let v: serde_json::Value = serde_json::from_str(&d.tables_json()).unwrap();
    /// assert_eq!(v["tables"][0]["number"], 9);
    /// assert_eq!(v["tables"][0]["cells"][1]["text"], "1");
    /// # Ok::<(), sunlit::Error>(())
    /// ```
    pub fn tables_json(&self) -> String {
        #[derive(Serialize)]
        struct Cell<'a> {
            page: Option<u32>,
            sheet: Option<&'a str>,
            row: u32,
            column: u32,
            heading: Option<String>,
            row_label: Option<String>,
            text: &'a str,
            amount: Option<String>,
        }
        #[derive(Serialize)]
        struct Table<'a> {
            number: Option<u8>,
            kind: Option<&'static str>,
            title: &'a str,
            unit: Option<&'static str>,
            pages: &'a [u32],
            empty_note: Option<&'a str>,
            columns: Option<&'a [String]>,
            cells: Vec<Cell<'a>>,
        }
        #[derive(Serialize)]
        struct Tables<'a> {
            path: &'a str,
            tables: Vec<Table<'a>>,
        }
        let tables = self
            .tables
            .iter()
            .map(|t| Table {
                number: t.number,
                kind: t.kind.map(|k| k.id()),
                title: &t.title,
                unit: t.unit.map(|u| u.symbol()),
                pages: &t.pages,
                empty_note: t.empty_note.as_deref(),
                columns: t.table.as_ref().map(|pt| pt.columns()),
                cells: table_cells(t)
                    .into_iter()
                    .map(|c| Cell {
                        page: c.cell.at.page,
                        sheet: c.cell.at.sheet.as_deref(),
                        row: c.cell.at.row,
                        column: c.cell.at.column,
                        heading: c.heading,
                        row_label: c.row_label,
                        text: &c.cell.text,
                        amount: c.amount.map(|a| a.to_string()),
                    })
                    .collect(),
            })
            .collect();
        serde_json::to_string_pretty(&Tables {
            path: &self.path,
            tables,
        })
        .unwrap_or_else(|_| "{}".to_owned())
    }
}

/// Per position of a grid, its (rows, columns) span: (1, 1) unless a merged range starts there.
type Spans = Vec<Vec<(usize, usize)>>;

/// The spans of the merged ranges of a grid that lie within it (rows, columns), and the cells
/// they cover, which are skipped when the grid is drawn.
fn grid_spans(t: &DocumentTable) -> (Spans, Vec<Vec<bool>>) {
    let rows = &t.source.rows;
    let height = rows.len();
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    // Spans of merged ranges that lie within the grid; the cells they cover are skipped.
    let mut span = vec![vec![(1usize, 1usize); width]; height];
    let mut covered = vec![vec![false; width]; height];
    for &(r0, c0, r1, c1) in &t.source.merged {
        let (r0, c0, r1, c1) = (r0 as usize, c0 as usize, r1 as usize, c1 as usize);
        if r0 > r1 || c0 > c1 || r1 >= height || c1 >= width {
            continue;
        }
        if covered
            .get(r0)
            .and_then(|r| r.get(c0))
            .copied()
            .unwrap_or(true)
        {
            continue;
        }
        if let Some(s) = span.get_mut(r0).and_then(|r| r.get_mut(c0)) {
            *s = (r1 - r0 + 1, c1 - c0 + 1);
        }
        for row in covered.iter_mut().take(r1 + 1).skip(r0) {
            for (c, cell) in row.iter_mut().enumerate().take(c1 + 1).skip(c0) {
                *cell = *cell || c != c0;
            }
        }
        for row in covered.iter_mut().take(r1 + 1).skip(r0 + 1) {
            if let Some(cell) = row.get_mut(c0) {
                *cell = true;
            }
        }
    }
    (span, covered)
}

/// The tooltip of a cell: each finding on it, numbered, with its expected value.
fn cell_tip(here: &[&&(usize, &Finding, Place)]) -> String {
    let tip: Vec<String> = here
        .iter()
        .map(|(n, f, _)| {
            let mut s = format!(
                "#{n} [{}] {}: {} / {}",
                f.severity.id(),
                f.rule,
                f.message_zh,
                f.message_en
            );
            if let Some(e) = f.expected {
                let _ = write!(s, " (应为 expected {e})");
            }
            s
        })
        .collect();
    tip.join("\n")
}

/// One cell of a grid drawn in HTML: its span, a class for an amount and for the worst finding
/// on it (the findings in its tooltip and as numbered marks), `th` for a heading.
fn html_cell(
    out: &mut String,
    t: &DocumentTable,
    map: &CellMap,
    (r, c): (usize, usize),
    cell: &SourceCell,
    span: Option<(usize, usize)>,
    here: &[&&(usize, &Finding, Place)],
) {
    let mut attrs = String::new();
    if let Some((rs, cs)) = span {
        if rs > 1 {
            let _ = write!(attrs, " rowspan=\"{rs}\"");
        }
        if cs > 1 {
            let _ = write!(attrs, " colspan=\"{cs}\"");
        }
    }
    let published = map.cell(r, c);
    let numeric = published.is_some_and(|(i, j)| t.amount(i, j).is_some());
    let mut classes = Vec::new();
    if numeric {
        classes.push("n");
    }
    if let Some(sev) = here.iter().map(|(_, f, _)| f.severity).min() {
        classes.push(sev.id());
        let _ = write!(attrs, " title=\"{}\"", esc(&cell_tip(here)));
    }
    if !classes.is_empty() {
        let _ = write!(attrs, " class=\"{}\"", classes.join(" "));
    }
    let tag = if t.table.is_some() && published.is_none() && map.row(r, c).is_none() {
        "th"
    } else {
        "td"
    };
    let marks: String = here
        .iter()
        .map(|(n, _, _)| format!("<sup>{n}</sup>"))
        .collect();
    let _ = write!(
        out,
        "<{tag}{attrs}>{}{marks}</{tag}>",
        esc(&cell.text).replace('\n', "<br>")
    );
}

/// A document in the stable JSON schema (field order as written).
#[derive(Serialize)]
struct JsonDoc<'a> {
    path: &'a str,
    format: &'static str,
    kind: &'static str,
    year: Option<i32>,
    issuer: Option<&'a str>,
    unit: Option<&'static str>,
    pages: u32,
    tables: Vec<JsonTable<'a>>,
    missing: &'a [u8],
    findings: Vec<JsonFinding<'a>>,
    counts: JsonCounts,
}

#[derive(Serialize)]
struct JsonTable<'a> {
    number: Option<u8>,
    kind: Option<&'static str>,
    title: &'a str,
    unit: Option<&'static str>,
    pages: &'a [u32],
    rows: usize,
    cells: usize,
    read: bool,
    columns: Option<&'a [String]>,
    empty_note: Option<&'a str>,
}

#[derive(Serialize)]
struct JsonFinding<'a> {
    rule: &'a str,
    severity: &'static str,
    table: Option<u8>,
    table_name: Option<&'a str>,
    page: Option<u32>,
    row: Option<&'a str>,
    column: Option<&'a str>,
    printed: Option<String>,
    expected: Option<String>,
    actual: Option<String>,
    difference: Option<String>,
    message: String,
    message_zh: &'a str,
    message_en: &'a str,
    cell: Option<JsonAt<'a>>,
}

#[derive(Serialize)]
struct JsonAt<'a> {
    page: Option<u32>,
    sheet: Option<&'a str>,
    row: u32,
    column: u32,
}

#[derive(Serialize)]
struct JsonCounts {
    error: usize,
    warning: usize,
    info: usize,
}

/// One cell of [`Document::tables_csv`].
struct CellRecord<'a> {
    cell: &'a SourceCell,
    heading: Option<String>,
    row_label: Option<String>,
    amount: Option<Decimal>,
}

/// The printed cells of a table and the blank cells of its amount area, row by row.
fn table_cells(t: &DocumentTable) -> Vec<CellRecord<'_>> {
    let mut out = Vec::new();
    let map = t.cell_map();
    let rows = t
        .table
        .as_ref()
        .map(PublishedTable::rows)
        .unwrap_or_default();
    let columns = t
        .table
        .as_ref()
        .map(PublishedTable::columns)
        .unwrap_or_default();
    for (r, row) in t.source.rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            let published = map.cell(r, c);
            if cell.is_blank() && published.is_none() {
                continue;
            }
            let heading = match published {
                Some((_, j)) => columns.get(j),
                None => t
                    .column_at
                    .iter()
                    .position(|&x| x == c)
                    .and_then(|j| columns.get(j)),
            };
            out.push(CellRecord {
                cell,
                heading: heading.cloned(),
                row_label: map.row(r, c).and_then(|i| rows.get(i)).map(|r| r.key()),
                amount: published.and_then(|(i, j)| t.amount(i, j)),
            });
        }
    }
    out
}

/// Several documents as one JSON object, `{"documents": [...]}`, each as in
/// [`Document::to_json`] — the output of `sunlit check --json`.
///
/// ```
/// let d = sunlit::Document::from_csv_bytes("x.csv", b"a\n", &sunlit::ReadOptions::default())?;
/// let v: serde_json::Value = serde_json::from_str(&sunlit::document::documents_to_json(&[d])).unwrap();
/// assert_eq!(v["documents"][0]["path"], "x.csv");
/// assert_eq!(sunlit::document::documents_to_json(&[]), "{\n  \"documents\": []\n}");
/// # Ok::<(), sunlit::Error>(())
/// ```
pub fn documents_to_json(documents: &[Document]) -> String {
    #[derive(Serialize)]
    struct Documents<'a> {
        documents: Vec<JsonDoc<'a>>,
    }
    let documents = documents.iter().map(Document::json_doc).collect();
    serde_json::to_string_pretty(&Documents { documents }).unwrap_or_else(|_| "{}".to_owned())
}

/// Several documents as one readable report: each as in [`Document::to_text`], separated by a
/// blank line.
///
/// ```
/// let a = sunlit::Document::from_csv_bytes("a.csv", b"x\n", &sunlit::ReadOptions::default())?;
/// let b = sunlit::Document::from_csv_bytes("b.csv", b"x\n", &sunlit::ReadOptions::default())?;
/// let text = sunlit::document::documents_to_text(&[a, b]);
/// assert!(text.contains("文件 File: a.csv") && text.contains("文件 File: b.csv"));
/// # Ok::<(), sunlit::Error>(())
/// ```
pub fn documents_to_text(documents: &[Document]) -> String {
    documents
        .iter()
        .map(Document::to_text)
        .collect::<Vec<_>>()
        .join("\n")
}

/// Several documents on one self-contained HTML page, each as in [`Document::to_html`], with
/// the totals of all of them at the top when there are several.
///
/// ```
/// let a = sunlit::Document::from_csv_bytes("a.csv", b"x\n", &sunlit::ReadOptions::default())?;
/// let html = sunlit::document::documents_to_html(&[a]);
/// assert!(html.contains("<h1>a.csv</h1>"));
/// assert!(sunlit::document::documents_to_html(&[]).contains("</html>"));
/// # Ok::<(), sunlit::Error>(())
/// ```
pub fn documents_to_html(documents: &[Document]) -> String {
    let title = match documents {
        [one] => format!("sunlit check — {}", one.path),
        _ => format!("sunlit check — {} documents", documents.len()),
    };
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        esc(&title)
    );
    if documents.len() > 1 {
        let (mut e, mut w, mut i) = (0, 0, 0);
        for d in documents {
            let (a, b, c) = d.severity_counts();
            e += a;
            w += b;
            i += c;
        }
        let _ = writeln!(
            out,
            "<p class=\"summary\">{} 份文件 documents: <span class=\"badge error\">{e} 错误 error</span> <span class=\"badge warning\">{w} 警告 warning</span> <span class=\"badge info\">{i} 提示 info</span></p>",
            documents.len()
        );
    }
    for (i, d) in documents.iter().enumerate() {
        d.html_section(&mut out, i);
    }
    out.push_str(LEGEND);
    out.push_str("</body>\n</html>\n");
    out
}

const LEGEND: &str = "<p class=\"legend\"><span class=\"error\">错误 error</span> <span class=\"warning\">警告 warning</span> <span class=\"info\">提示 info</span> — 鼠标悬停查看说明 hover a marked cell for the message</p>\n";

const STYLE: &str = "body{font-family:\"Noto Sans CJK SC\",\"Source Han Sans SC\",\"WenQuanYi Micro Hei\",\"Microsoft YaHei\",\"PingFang SC\",sans-serif;margin:24px;color:#000;background:#fff}\
h1{font-size:20px;word-break:break-all}a{color:inherit}h2{font-size:17px;margin-top:28px}h2 small{font-weight:normal;color:#444}\
.facts,.summary{font-size:15px}\
.badge{display:inline-block;padding:2px 10px;border-radius:10px;font-weight:bold}\
.badge.error{background:#ffcdd2;color:#b71c1c}.badge.warning{background:#fff3c4;color:#7a5a00}.badge.info{background:#dbe9ff;color:#0d47a1}\
p.missing{color:#b71c1c;font-weight:bold}p.note{color:#444}\
table.src{border-collapse:collapse;margin:6px 0 10px}\
table.src th,table.src td{border:1px solid #000;padding:3px 6px;font-size:13px;line-height:1.35;height:1.35em;vertical-align:middle}\
table.src th{font-weight:normal;background:#f3f3f3;text-align:center}\
table.src td{text-align:left}table.src td.n{text-align:right;white-space:nowrap}\
table.src tr.cont td,table.src tr.cont th{border-top:3px double #000}\
table.src .error{background:#ffcdd2;outline:2px solid #c62828}\
table.src .warning{background:#fff3c4;outline:2px solid #f9a825}\
table.src .info{background:#dbe9ff;outline:2px solid #1565c0}\
sup{color:#b71c1c;font-weight:bold;margin-left:2px}\
ul.glance{font-size:14px;padding-left:20px}ul.glance li{margin:2px 0}ul.glance li.error b{color:#b71c1c}ul.glance li.warning b{color:#7a5a00}\
details{margin-top:20px}details summary{font-size:15px;font-weight:bold;cursor:pointer}\
ol.findings{font-size:13px}ol.findings pre{margin:2px 0;white-space:pre-wrap;font-family:inherit}\
ol.findings li.error::marker{color:#c62828}ol.findings li.warning::marker{color:#b58900}\
.legend span{padding:1px 6px}.legend .error{background:#ffcdd2}.legend .warning{background:#fff3c4}.legend .info{background:#dbe9ff}";

use crate::report::esc;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::ReadOptions;
    use crate::tables::{TableCheckOptions, TableKind, TableReadOptions};

    /// A 表五 printed as a CSV grid, its 合计 one 元 off, recognised by hand.
    fn sample() -> Document {
        let grid = "一般公共预算支出功能分类预算表,,,\n\
                    科目编码,科目名称,合计,基本支出\n\
                    208,社会保障和就业支出,\"1,000\",\"1,000\"\n\
                    ,合计,\"1,001\",\"1,000\"\n";
        let mut d =
            Document::from_csv_bytes("t5.csv", grid.as_bytes(), &ReadOptions::default()).unwrap();
        // Recognised by hand, so that these tests do not depend on recognition.
        d.tables.clear();
        d.missing.clear();
        let mut source = d.source.tables[0].clone();
        source.merged.push((0, 0, 0, 3));
        let table = PublishedTable::read_csv_str(
            "code,name,合计,基本支出\n208,社会保障和就业支出,\"1,000\",\"1,000\"\n,合计,\"1,001\",\"1,000\"\n",
            &TableReadOptions {
                kind: Some(TableKind::BudgetGeneralFunctional),
                ..Default::default()
            },
        )
        .unwrap();
        d.findings = table.check(&TableCheckOptions::default()).unwrap();
        d.tables.push(DocumentTable {
            number: Some(5),
            kind: Some(TableKind::BudgetGeneralFunctional),
            title: "一般公共预算支出功能分类预算表".into(),
            unit: None,
            pages: vec![],
            source,
            table: Some(table),
            empty_note: None,
            row_at: vec![2, 3],
            column_at: vec![2, 3],
        });
        d.missing = vec![6];
        d
    }

    #[test]
    fn a_finding_is_placed_on_its_printed_cell() {
        let d = sample();
        assert!(d.findings.error_count() > 0, "{:?}", d.findings);
        let v = d.to_json_value();
        let f = v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["severity"] == "error" && f["column"] == "合计")
            .unwrap();
        assert_eq!(f["table"], 5);
        assert_eq!(f["printed"], "1,001");
        assert_eq!(f["cell"]["row"], 4);
        assert_eq!(f["cell"]["column"], 3);
        assert_eq!(v["tables"][0]["rows"], 2);
        assert_eq!(v["tables"][0]["cells"], 4);
        assert_eq!(v["missing"][0], 6);
        let located = d.located_findings();
        let f = located
            .iter()
            .find(|f| f.severity == Severity::Error && f.column.as_deref() == Some("合计"))
            .unwrap();
        assert_eq!(f.printed.as_deref(), Some("1,001"));
        assert_eq!(f.page, None); // a CSV has no pages
    }

    #[test]
    fn text_and_html_mark_the_finding() {
        let d = sample();
        let text = d.to_text();
        assert!(
            text.contains("== 表五 一般公共预算支出功能分类预算表 =="),
            "{text}"
        );
        assert!(text.contains("印刷 printed 1,001"), "{text}");
        let html = d.to_html();
        assert!(html.contains("colspan=\"4\""), "{html}");
        assert!(html.contains("title=\"#1 [error] tables.row_sum"), "{html}");
        assert!(
            html.contains("class=\"n error\">1,001<sup>1</sup>"),
            "{html}"
        );
        assert!(html.contains("<sup>1</sup>"));
        assert_eq!(html.matches("<tr").count(), 4);
    }

    #[test]
    fn tables_csv_gives_every_cell_with_its_row_and_heading() {
        let d = sample();
        let csv = d.tables_csv().unwrap();
        assert!(
            csv.contains("5,budget_general_functional,一般公共预算支出功能分类预算表,,,4,3,合计,合计,\"1,001\",1001\n"),
            "{csv}"
        );
        let v: Value = serde_json::from_str(&d.tables_json()).unwrap();
        assert_eq!(v["tables"][0]["columns"][0], "合计");
    }

    #[test]
    fn a_finding_on_the_right_of_two_blocks_side_by_side_marks_the_right_cell() {
        let grid = "收入,,支出,\n项目,预算数,项目,预算数\n收入总计,10,支出总计,11\n";
        let mut d =
            Document::from_csv_bytes("t1.csv", grid.as_bytes(), &ReadOptions::default()).unwrap();
        let table = PublishedTable::read_csv_str(
            "code,name,预算数\n,收入总计,10\n,支出总计,11\n",
            &TableReadOptions {
                kind: Some(TableKind::BudgetSummary),
                ..Default::default()
            },
        )
        .unwrap();
        d.tables = vec![DocumentTable {
            number: Some(1),
            kind: Some(TableKind::BudgetSummary),
            source: d.source.tables[0].clone(),
            table: Some(table),
            row_at: vec![2, 2],
            column_at: vec![1],
            ..Default::default()
        }];
        d.findings = Findings::from(vec![
            Finding::new(&crate::rules::tables::SUMMARY_BALANCE, "不平", "unbalanced")
                .with_table(TableKind::BudgetSummary.name_zh())
                .with_code("支出总计")
                .with_column("预算数"),
            Finding::new(&crate::rules::tables::RUNNING_COSTS, "行", "row")
                .with_table(TableKind::BudgetSummary.name_zh())
                .with_code("支出总计"),
        ]);
        let v = d.to_json_value();
        assert_eq!(v["findings"][0]["printed"], "11");
        assert_eq!(v["findings"][0]["cell"]["column"], 4);
        assert_eq!(v["findings"][1]["cell"]["column"], 3); // the row's label, on the right
        let csv = d.tables_csv().unwrap();
        assert!(csv.contains(",3,4,预算数,支出总计,11,11\n"), "{csv}");
        assert!(csv.contains(",3,2,预算数,收入总计,10,10\n"), "{csv}");
        assert!(csv.contains(",3,3,,支出总计,支出总计,\n"), "{csv}");
    }

    #[test]
    fn a_merged_range_outside_the_grid_is_ignored() {
        let mut d = sample();
        if let Some(t) = d.tables.first_mut() {
            t.source.merged = vec![(0, 0, 9, 9), (1, 1, 0, 0)];
        }
        let html = d.to_html();
        assert!(!html.contains("colspan"));
    }
}
