//! An annual report of disclosure work (政府信息公开工作年度报告) read straight from its printed
//! grids: Table 2 (二、主动公开政府信息情况), Table 3 (三、收到和处理政府信息公开申请情况) and Table 4
//! (四、政府信息公开行政复议、行政诉讼情况) of the national format of 国办公开办函〔2021〕30号, mapped
//! onto [`AnnualReport`] by their printed labels and checked with [`AnnualReport::check`], every
//! finding located at the page and printed text of its cell.
//!
//! Labels are matched after [`normalize_text`](super::normalize_text) and the report module's
//! label keys. Sub-rows of Table 3 are found by their group (（三）…（六）) and number, and the
//! printed label must then resemble the official one (tolerating typos such as
//! `2.其他法律行政止公开`). A layout that cannot be mapped with certainty gives an `info` finding
//! and the cells concerned stay blank — never a guess.

use std::collections::HashMap;

use rust_decimal::Decimal;

use super::rules;
use super::{SourceCell, SourceTable};
use crate::finding::{Finding, Findings};
use crate::report::label_key;
use crate::report::{
    AnnualReport, ProactiveColumn, ProactiveRow, ProactiveTable, ReportCheckOptions, ReportFormat,
    ReportTableKind, RequestColumn, RequestRow, RequestTable, ReviewBlock, ReviewColumn,
    ReviewTable, rules as report_rules,
};

/// Where a cell of the report was printed, keyed by the (table, code, column) its findings use.
type Places = HashMap<(String, String, String), (u32, String)>;

/// The format of the report's tables: the national format of 2021, unless the year is before
/// 2021 (the 2019 trial format, whose tables are not yet read: a note, and `None`).
fn format_of(year: Option<i32>, notes: &mut Findings) -> Option<ReportFormat> {
    match year {
        Some(y) if y < 2021 => {
            notes.push(Finding::new(
                &rules::UNREAD_TABLE,
                format!("{y}年度报告使用2019年试行格式，其表格尚不能从版面读取，未检查"),
                format!(
                    "the {y} report is in the 2019 trial format, whose tables are not yet read from print; not checked"
                ),
            ));
            None
        }
        _ => Some(ReportFormat::Y2021),
    }
}

/// The grids of Table 3 and Table 4 among the wide grids.
fn table_grids<'a>(wide: &[&'a SourceTable]) -> (Option<&'a SourceTable>, Option<&'a SourceTable>) {
    // Table 3 by its row 一 as a cell of its own (running text may name it inside a sentence);
    // Table 4 by its litigation block headings as cells of their own.
    let requests_grid = wide
        .iter()
        .copied()
        .find(|t| t.rows.iter().any(|r| new_row(r)));
    let review_keys = [
        label_key(ReviewBlock::DirectSuit.name_zh()),
        label_key(ReviewBlock::SuitAfterReview.name_zh()),
    ];
    let reviews_grid = wide.iter().copied().find(|t| {
        t.rows
            .iter()
            .flatten()
            .any(|c| review_keys.contains(&label_key(&c.norm)))
    });
    (requests_grid, reviews_grid)
}

/// The report as it is read table by table, with where its cells were printed and the findings.
struct ReportReading {
    format: ReportFormat,
    report: AnnualReport,
    places: Places,
    /// Reading notes.
    notes: Findings,
    /// The codes of the sub-rows of groups printed as one row (not reported blank).
    suppress: Vec<String>,
    /// The checks of groups printed as one row (made here, not by the report).
    extra: Findings,
}

impl ReportReading {
    /// Table 2, from the grids that are neither Table 3 nor Table 4.
    fn proactive(&mut self, others: &[&SourceTable]) {
        if let Some(t) = read_proactive(others, self.format, &mut self.places, &mut self.notes) {
            match self.report.clone().with_proactive(t) {
                Ok(r) => self.report = r,
                Err(e) => {
                    self.notes
                        .push(unread(crate::report::PROACTIVE_TABLE, None, &e.to_string()));
                }
            }
        } else {
            self.notes.push(unread(
                crate::report::PROACTIVE_TABLE,
                None,
                "未找到该表 / table not found",
            ));
        }
    }

    /// Table 3, from its grid; groups printed as one row are checked here.
    fn requests(&mut self, grid: Option<&SourceTable>) {
        let Some(g) = grid else {
            self.notes.push(unread(
                crate::report::REQUESTS_TABLE,
                None,
                "未找到该表 / table not found",
            ));
            return;
        };
        let Some((t, merged)) = read_requests(g, self.format, &mut self.places, &mut self.notes)
        else {
            return;
        };
        for m in &merged {
            for r in &m.rows {
                self.suppress.push(r.label());
            }
        }
        outcome_with_merged(&t, &merged, &mut self.extra);
        match self.report.clone().with_requests(t) {
            Ok(r) => self.report = r,
            Err(e) => self.notes.push(unread(
                crate::report::REQUESTS_TABLE,
                g.pages.first().copied(),
                &e.to_string(),
            )),
        }
    }

    /// Table 4, from its grid.
    fn reviews(&mut self, grid: Option<&SourceTable>) {
        match grid {
            Some(g) => {
                if let Some(t) = read_reviews(g, &mut self.places, &mut self.notes) {
                    self.report = self.report.clone().with_reviews(t);
                }
            }
            None => self.notes.push(unread(
                crate::report::REVIEWS_TABLE,
                None,
                "未找到该表 / table not found",
            )),
        }
    }

    /// The report and its findings: the reading notes, then the checks, located; `None` when no
    /// table was read.
    fn finish(self) -> (Option<AnnualReport>, Findings) {
        let report = self.report;
        if report.proactive().is_none() && report.requests().is_none() && report.reviews().is_none()
        {
            return (None, self.notes);
        }
        let mut out = self.notes;
        for f in report
            .check(&ReportCheckOptions::default())
            .into_iter()
            .chain(self.extra)
        {
            // A blank cell of a group printed as one row is not blank in print: the group's figure
            // is reported once (its info finding), not as blank sub-rows.
            if f.rule == report_rules::BLANK_CELL
                && f.table.as_deref() == Some(crate::report::REQUESTS_TABLE)
                && self
                    .suppress
                    .iter()
                    .any(|code| f.code.as_deref() == Some(code.as_str()))
            {
                continue;
            }
            out.push(locate(f, &self.places));
        }
        (Some(report), out)
    }
}

/// The report read from the grids of a document, and the findings (reading notes and the checks
/// of [`AnnualReport::check`], located). `None` when no table of the report was found.
pub(crate) fn annual_report_of(
    grids: &[SourceTable],
    year: Option<i32>,
) -> (Option<AnnualReport>, Findings) {
    let mut notes = Findings::new();
    let Some(format) = format_of(year, &mut notes) else {
        return (None, notes);
    };
    // Only grids of at least two columns: running text comes out as one-column tables.
    let wide: Vec<&SourceTable> = grids
        .iter()
        .filter(|t| t.rows.first().is_some_and(|r| r.len() >= 2))
        .collect();
    let (requests_grid, reviews_grid) = table_grids(&wide);
    let others: Vec<&SourceTable> = wide
        .iter()
        .copied()
        .filter(|t| {
            !requests_grid.is_some_and(|r| std::ptr::eq(r, *t))
                && !reviews_grid.is_some_and(|r| std::ptr::eq(r, *t))
        })
        .collect();
    let mut reading = ReportReading {
        format,
        report: AnnualReport::new(format, year),
        places: Places::new(),
        notes,
        suppress: Vec::new(),
        extra: Findings::new(),
    };
    reading.proactive(&others);
    reading.requests(requests_grid);
    reading.reviews(reviews_grid);
    reading.finish()
}

/// A finding with the page and printed text of its cell, when known.
fn locate(mut f: Finding, places: &Places) -> Finding {
    let key = (
        f.table.clone().unwrap_or_default(),
        f.code.clone().unwrap_or_default(),
        f.column.clone().unwrap_or_default(),
    );
    if let Some((page, printed)) = places.get(&key) {
        f = f.with_page(*page).with_printed(printed.clone());
    }
    f
}

/// The heading of a table of the report, from its id in findings.
fn heading(table: &str) -> &'static str {
    match table {
        t if t == crate::report::PROACTIVE_TABLE => ReportTableKind::Proactive.heading(),
        t if t == crate::report::REQUESTS_TABLE => ReportTableKind::Requests.heading(),
        _ => ReportTableKind::Reviews.heading(),
    }
}

/// An `info` finding: a table of the report, or part of it, could not be read with certainty
/// (`table` is the id the report checks use: `proactive`, `requests`, `reviews`).
fn unread(table: &str, page: Option<u32>, reason: &str) -> Finding {
    note(
        table,
        page,
        &format!("未能确定读取：{reason}"),
        &format!("could not be read with certainty: {reason}"),
    )
}

/// An `info` finding on the layout of a table of the report.
fn note(table: &str, page: Option<u32>, zh: &str, en: &str) -> Finding {
    let h = heading(table);
    let mut f = Finding::new(
        &rules::UNREAD_TABLE,
        format!("年度报告表格“{h}”{zh}"),
        format!("annual-report table {h:?}: {en}"),
    )
    .with_table(table);
    if let Some(p) = page {
        f = f.with_page(p);
    }
    f
}

/// An `info` finding on one cell that does not read as a number (kept blank).
fn unread_cell(table: &str, cell: &SourceCell) -> Finding {
    let mut f = Finding::new(
        &rules::UNREAD_CELL,
        format!("单元格“{}”不是数字，按空白处理", cell.text.trim()),
        format!(
            "the cell {:?} is not a number; kept blank",
            cell.text.trim()
        ),
    )
    .with_table(table)
    .with_printed(cell.text.trim());
    if let Some(p) = cell.at.page {
        f = f.with_page(p);
    }
    f
}

/// The number a cell prints: `Ok(None)` when blank, `Err(())` when it is not a number.
fn number(cell: &SourceCell) -> Result<Option<Decimal>, ()> {
    let t: String = cell.norm.chars().filter(|c| *c != ',').collect();
    if t.is_empty() {
        return Ok(None);
    }
    t.parse::<Decimal>().map(Some).map_err(|_| ())
}

/// A count: a whole number, or `Err(())`.
fn count(cell: &SourceCell) -> Result<Option<i64>, ()> {
    match number(cell)? {
        None => Ok(None),
        Some(d) if d.fract().is_zero() => i64::try_from(d).map(Some).map_err(|_| ()),
        Some(_) => Err(()),
    }
}

fn page_of(cell: &SourceCell) -> u32 {
    cell.at.page.unwrap_or(0)
}

fn place(places: &mut Places, table: &str, code: &str, column: &str, cell: &SourceCell) {
    places.insert(
        (table.to_owned(), code.to_owned(), column.to_owned()),
        (page_of(cell), cell.text.trim().to_owned()),
    );
}

/// Table 2: every row whose first cell is a row label of the format, its figures under the
/// column headings of the nearest heading row above (headings of the value columns; a page break
/// may repeat them without `信息内容`).
fn read_proactive(
    grids: &[&SourceTable],
    format: ReportFormat,
    places: &mut Places,
    notes: &mut Findings,
) -> Option<ProactiveTable> {
    const T: &str = crate::report::PROACTIVE_TABLE;
    let mut table = ProactiveTable::new(format);
    let mut seen: Vec<ProactiveRow> = Vec::new();
    for g in grids {
        let mut heading: Vec<(usize, ProactiveColumn)> = Vec::new();
        for row in &g.rows {
            let cols: Vec<(usize, ProactiveColumn)> = row
                .iter()
                .enumerate()
                .skip(1)
                .filter(|(_, c)| !c.norm.is_empty())
                .filter_map(|(j, c)| {
                    ProactiveColumn::from_label(&c.norm, format)
                        .ok()
                        .map(|k| (j, k))
                })
                .collect();
            if !cols.is_empty() {
                heading = cols;
                continue;
            }
            let Some(first) = row.first() else { continue };
            if first.norm.is_empty() {
                continue;
            }
            let Ok(r) = ProactiveRow::from_label(&first.norm, format) else {
                continue;
            };
            if seen.contains(&r) {
                notes.push(unread(
                    crate::report::PROACTIVE_TABLE,
                    first.at.page,
                    &format!(
                        "“{}”行重复出现，只读第一次 / row printed twice",
                        r.name_zh()
                    ),
                ));
                continue;
            }
            seen.push(r);
            for (j, cell) in row.iter().enumerate().skip(1) {
                let col = heading.iter().find(|(k, _)| *k == j).map(|(_, c)| *c);
                let value = match number(cell) {
                    Ok(v) => v,
                    Err(()) => {
                        notes.push(unread_cell(T, cell));
                        None
                    }
                };
                let Some(col) = col else {
                    if value.is_some() {
                        notes.push(unread(
                            crate::report::PROACTIVE_TABLE,
                            cell.at.page,
                            &format!(
                                "“{}”行的数字“{}”不在可识别的栏目下 / a figure under no known heading",
                                r.name_zh(),
                                cell.text.trim()
                            ),
                        ));
                    }
                    continue;
                };
                match table.set(r, col, value) {
                    Ok(()) => place(places, T, r.label(format), col.label(format), cell),
                    Err(e) => notes.push(unread(T, cell.at.page, &e.to_string())),
                }
            }
        }
    }
    if seen.is_empty() { None } else { Some(table) }
}

/// Whether a row of a grid is row 一 of Table 3 (本年新收政府信息公开申请数量, in a cell of its own).
fn new_row(row: &[SourceCell]) -> bool {
    let key = label_key(RequestRow::New.name_zh());
    row.iter().any(|c| label_key(&c.norm) == key)
}

/// A group of Table 3 printed as one row where the format has sub-rows (（六）其他处理 in one
/// row): its figures, the sub-rows it stands for, and where it was printed.
struct MergedGroup {
    rows: Vec<RequestRow>,
    values: Vec<(RequestColumn, Option<i64>, SourceCell)>,
}

/// The group number of a cell that starts with `(一)` … `(七)`.
fn group_number(norm: &str) -> Option<usize> {
    let mut it = norm.chars();
    if it.next() != Some('(') {
        return None;
    }
    let numeral = it.next()?;
    let n = "一二三四五六七".chars().position(|c| c == numeral)?;
    (it.next() == Some(')')).then_some(n + 1)
}

/// The sub-row number of a cell that starts with `1.` or `1、`, and the rest of its label.
fn sub_number(norm: &str) -> Option<(usize, &str)> {
    let digits = norm.chars().take_while(char::is_ascii_digit).count();
    if digits == 0 {
        return None;
    }
    let rest = norm.get(digits..)?;
    let sep = rest.chars().next()?;
    if !matches!(sep, '.' | '、') {
        return None;
    }
    let n = norm.get(..digits)?.parse().ok()?;
    Some((n, rest.get(sep.len_utf8()..)?))
}

/// The length of the longest common subsequence of two strings, in characters.
fn common(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev = vec![0usize; b.len() + 1];
    for ca in a.chars() {
        let mut cur = vec![0usize; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let v = if ca == *cb {
                prev.get(j).copied().unwrap_or(0) + 1
            } else {
                prev.get(j + 1)
                    .copied()
                    .unwrap_or(0)
                    .max(cur.get(j).copied().unwrap_or(0))
            };
            if let Some(slot) = cur.get_mut(j + 1) {
                *slot = v;
            }
        }
        prev = cur;
    }
    prev.last().copied().unwrap_or(0)
}

/// Whether a printed sub-row label is the official one, allowing a typo or a dropped word: the
/// common subsequence covers at least 70 % of both.
fn resembles(printed: &str, official: &str) -> bool {
    let (p, o) = (label_key(printed), label_key(official));
    let (lp, lo) = (p.chars().count(), o.chars().count());
    if lp == 0 || lo == 0 {
        return false;
    }
    let c = common(&p, &o);
    c * 10 >= lp * 7 && c * 10 >= lo * 7
}

/// The official label of the group of some sub-rows (`（六）其他处理`).
fn group_label(rows: &[RequestRow]) -> &'static str {
    rows.first().and_then(|r| r.group()).unwrap_or_default()
}

/// The sub-rows of group `n` ((三) … (六)) in the format, in printed order.
fn group_rows(format: ReportFormat, n: usize) -> Vec<RequestRow> {
    let numeral = "一二三四五六七".chars().nth(n.wrapping_sub(1));
    RequestRow::rows(format)
        .iter()
        .copied()
        .filter(|r| {
            r.group()
                .and_then(|g| g.chars().nth(1))
                .is_some_and(|c| Some(c) == numeral)
        })
        .collect()
}

/// The applicant columns of Table 3, from the heading rows above its row 一.
fn request_columns(g: &SourceTable, first_data: usize) -> Vec<(usize, RequestColumn)> {
    let mut columns: Vec<(usize, RequestColumn)> = Vec::new();
    for row in g.rows.iter().take(first_data) {
        for (j, c) in row.iter().enumerate() {
            let key = label_key(&c.norm);
            if let Some(k) = RequestColumn::ALL
                .iter()
                .find(|k| label_key(k.name_zh()) == key)
            {
                columns.push((j, *k));
            }
        }
    }
    columns
}

/// The figures of one printed row of Table 3, by applicant column, with their cells.
type RowValues<'c> = Vec<(RequestColumn, Option<i64>, &'c SourceCell)>;

/// The reading of Table 3's rows, one printed row at a time.
struct RequestRows<'a> {
    format: ReportFormat,
    /// The page of the table's grid.
    page: Option<u32>,
    /// The applicant columns and the first of them (the label is printed left of it).
    columns: Vec<(usize, RequestColumn)>,
    first_value: usize,
    places: &'a mut Places,
    notes: &'a mut Findings,
    table: RequestTable,
    seen: Vec<RequestRow>,
    merged: Vec<MergedGroup>,
    /// The group ((三) … (六)) the rows below belong to.
    group: Option<usize>,
}

impl RequestRows<'_> {
    /// Read one printed row: its figures under the row of the format its label names.
    fn row(&mut self, row: &[SourceCell]) {
        const T: &str = crate::report::REQUESTS_TABLE;
        let text: Vec<&SourceCell> = row
            .iter()
            .take(self.first_value)
            .filter(|c| !c.norm.is_empty())
            .collect();
        let values = self.values(row);
        let label_page = text.first().and_then(|c| c.at.page).or(self.page);
        let joined: String = text.iter().map(|c| c.norm.as_str()).collect();
        if let Some(n) = text.iter().find_map(|c| group_number(&c.norm)) {
            self.group = Some(n);
        }
        let target = if let Some((n, rest)) = text.iter().find_map(|c| sub_number(&c.norm)) {
            self.sub_row(n, rest, &joined, label_page)
        } else if let Ok(r) = RequestRow::from_label(&joined, self.format) {
            if !r.in_results() {
                self.group = None;
            }
            Some(r)
        } else {
            let rows = group_rows(self.format, self.group.unwrap_or(0));
            let printed_group = text.iter().any(|c| group_number(&c.norm).is_some());
            if printed_group && !rows.is_empty() {
                self.group_in_one_row(rows, &values, &joined, label_page);
                return;
            }
            self.not_a_row(&values, &joined, label_page);
            None
        };
        let Some(r) = target else { return };
        if self.seen.contains(&r) {
            self.notes.push(unread(
                T,
                label_page,
                &format!("“{}”行重复出现，只读第一次 / row printed twice", r.label()),
            ));
            return;
        }
        self.seen.push(r);
        self.set(r, &values);
    }

    /// The row's figures under the applicant columns; a cell that is not a count is noted and
    /// read as blank.
    fn values<'c>(&mut self, row: &'c [SourceCell]) -> RowValues<'c> {
        let notes = &mut *self.notes;
        self.columns
            .iter()
            .filter_map(|(j, k)| row.get(*j).map(|c| (*k, c)))
            .map(|(k, c)| match count(c) {
                Ok(v) => (k, v, c),
                Err(()) => {
                    notes.push(unread_cell(crate::report::REQUESTS_TABLE, c));
                    (k, None, c)
                }
            })
            .collect()
    }

    /// The sub-row `n` of the current group, when its printed label resembles the official one.
    fn sub_row(
        &mut self,
        n: usize,
        rest: &str,
        joined: &str,
        label_page: Option<u32>,
    ) -> Option<RequestRow> {
        let rows = group_rows(self.format, self.group.unwrap_or(0));
        match rows.get(n.wrapping_sub(1)) {
            Some(r) if resembles(rest, r.name_zh()) => Some(*r),
            _ => {
                self.notes.push(unread(
                    crate::report::REQUESTS_TABLE,
                    label_page,
                    &format!(
                        "行“{}”不能确定对应格式中的哪一行，未读 / row label not matched with certainty",
                        joined
                    ),
                ));
                None
            }
        }
    }

    /// A group printed as one row where the format has sub-rows: all zero, so are its sub-rows;
    /// otherwise its sub-rows stay blank and the group's figures are kept for its own checks.
    fn group_in_one_row(
        &mut self,
        rows: Vec<RequestRow>,
        values: &RowValues<'_>,
        joined: &str,
        label_page: Option<u32>,
    ) {
        const T: &str = crate::report::REQUESTS_TABLE;
        let all_zero = values.iter().all(|(_, v, _)| *v == Some(0));
        if all_zero {
            for r in &rows {
                self.set(*r, values);
                self.seen.push(*r);
            }
            self.notes.push(
                note(
                    T,
                    label_page,
                    &format!(
                        "中“{joined}”印为一行（格式分{}个子行）；各栏均为0，故各子行均为0",
                        rows.len()
                    ),
                    &format!(
                        "{joined:?} is printed as one row (the format has {} sub-rows); all its figures are 0, so are its sub-rows",
                        rows.len()
                    ),
                )
                .with_code(group_label(&rows)),
            );
        } else {
            self.notes.push(
                unread(
                    T,
                    label_page,
                    &format!(
                        "“{joined}”印为一行（格式分{}个子行），数字不能分到子行，子行留空 / the group is printed as one row; its figures cannot be split into the sub-rows, which stay blank",
                        rows.len()
                    ),
                )
                .with_code(group_label(&rows)),
            );
            self.seen.extend(rows.iter().copied());
            self.merged.push(MergedGroup {
                rows,
                values: values
                    .iter()
                    .map(|(k, v, c)| (*k, *v, (*c).clone()))
                    .collect(),
            });
        }
    }

    /// A row whose label is no row of the table: noted, unless it is blank (or the heading
    /// 本年度办理结果) with no figures.
    fn not_a_row(&mut self, values: &RowValues<'_>, joined: &str, label_page: Option<u32>) {
        let blank = values.iter().all(|(_, v, _)| v.is_none());
        if !(blank && (joined.is_empty() || label_key(joined) == "本年度办理结果")) {
            self.notes.push(unread(
                crate::report::REQUESTS_TABLE,
                label_page,
                &format!("行“{joined}”不是该表的行，未读 / not a row of the table"),
            ));
        }
    }

    /// The figures of row `r`, each placed at its printed cell.
    fn set(&mut self, r: RequestRow, values: &RowValues<'_>) {
        for (k, v, c) in values {
            if self.table.set(r, *k, *v).is_ok() {
                place(
                    self.places,
                    crate::report::REQUESTS_TABLE,
                    &r.label(),
                    k.name_zh(),
                    c,
                );
            }
        }
    }
}

/// Table 3: the applicant columns by their headings, each row by its label (sub-rows by group
/// and number, their label checked against the official one).
fn read_requests(
    g: &SourceTable,
    format: ReportFormat,
    places: &mut Places,
    notes: &mut Findings,
) -> Option<(RequestTable, Vec<MergedGroup>)> {
    const T: &str = crate::report::REQUESTS_TABLE;
    let page = g.pages.first().copied();
    let first_data = g.rows.iter().position(|r| new_row(r))?;
    // The applicant columns, from the heading rows.
    let columns = request_columns(g, first_data);
    let complete = RequestColumn::ALL
        .iter()
        .all(|k| columns.iter().filter(|(_, c)| c == k).count() == 1);
    if !complete {
        notes.push(unread(
            T,
            page,
            "申请人情况各栏（自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他、总计）未能一一对应 / the applicant columns could not be matched one to one",
        ));
        return None;
    }
    let first_value = columns.iter().map(|(j, _)| *j).min().unwrap_or(0);
    let mut rows = RequestRows {
        format,
        page,
        columns,
        first_value,
        places,
        notes,
        table: RequestTable::blank(format),
        seen: Vec::new(),
        merged: Vec::new(),
        group: None,
    };
    for row in g.rows.iter().skip(first_data) {
        rows.row(row);
    }
    Some((rows.table, rows.merged))
}

/// The identities [`RequestTable::check`] cannot see where a group is printed as one row (its
/// sub-rows are blank), checked here with the group's printed figures: the row's 总计 = its
/// applicant columns ([`report_rules::ROW_TOTAL`]) and （七）总计 = Σ results
/// ([`report_rules::OUTCOME_TOTAL`]).
fn outcome_with_merged(t: &RequestTable, merged: &[MergedGroup], out: &mut Findings) {
    if merged.is_empty() {
        return;
    }
    // Each group row: 总计 = the applicant columns ([`report_rules::ROW_TOTAL`]).
    for m in merged {
        let parts: Option<i128> = m
            .values
            .iter()
            .filter(|(k, _, _)| *k != RequestColumn::Total)
            .map(|(_, v, _)| v.map(i128::from))
            .sum();
        let total = m.values.iter().find(|(k, _, _)| *k == RequestColumn::Total);
        if let (Some(sum), Some((_, Some(t), cell))) = (parts, total)
            && sum != i128::from(*t)
        {
            let group = group_label(&m.rows);
            let mut f = Finding::new(
                &report_rules::ROW_TOTAL,
                "总计不等于自然人与法人或其他组织各列之和",
                "总计 is not the sum of the applicant columns",
            )
            .with_table(crate::report::REQUESTS_TABLE)
            .with_code(group)
            .with_column(RequestColumn::Total.name_zh())
            .with_values(
                crate::report::count_decimal(sum),
                crate::report::count_decimal(i128::from(*t)),
            )
            .with_printed(cell.text.trim());
            if let Some(p) = cell.at.page {
                f = f.with_page(p);
            }
            out.push(f);
        }
    }
    let in_group = |r: &RequestRow| merged.iter().any(|m| m.rows.contains(r));
    for &c in RequestColumn::ALL {
        let others: Option<i128> = t
            .rows()
            .iter()
            .filter(|r| r.is_outcome() && !in_group(r))
            .map(|&r| t.get(r, c).ok().flatten().map(i128::from))
            .sum();
        let groups: Option<i128> = merged
            .iter()
            .map(|m| {
                m.values
                    .iter()
                    .find(|(k, _, _)| *k == c)
                    .and_then(|(_, v, _)| v.map(i128::from))
            })
            .sum();
        let total = t.get(RequestRow::Total, c).ok().flatten().map(i128::from);
        if let (Some(a), Some(b), Some(total)) = (others, groups, total)
            && a + b != total
        {
            out.push(
                Finding::new(
                    &report_rules::OUTCOME_TOTAL,
                    "（七）总计不等于各项办理结果之和",
                    "（七）总计 is not the sum of the results above it",
                )
                .with_table(crate::report::REQUESTS_TABLE)
                .with_code(RequestRow::Total.label())
                .with_column(c.name_zh())
                .with_values(
                    crate::report::count_decimal(a + b),
                    crate::report::count_decimal(total),
                ),
            );
        }
    }
}

/// For each column of Table 4's grid, from the heading rows above row `data`: its block (the
/// nearest block heading at or left of it in a heading row) and its result column.
fn review_headings(
    g: &SourceTable,
    data: usize,
) -> (Vec<Option<ReviewBlock>>, Vec<Option<ReviewColumn>>) {
    let width = g.rows.first().map_or(0, Vec::len);
    let mut block_at: Vec<Option<ReviewBlock>> = vec![None; width];
    let mut column_at: Vec<Option<ReviewColumn>> = vec![None; width];
    for row in g.rows.iter().take(data) {
        let mut current: Option<ReviewBlock> = None;
        for (j, c) in row.iter().enumerate() {
            let key = label_key(&c.norm);
            let col = ReviewColumn::ALL
                .iter()
                .find(|k| label_key(k.name_zh()) == key)
                .copied();
            if let Some(k) = col {
                if let Some(slot) = column_at.get_mut(j) {
                    *slot = Some(k);
                }
            } else if !key.is_empty() {
                current = ReviewBlock::ALL
                    .iter()
                    .find(|b| label_key(b.name_zh()) == key)
                    .copied();
            }
            if let (Some(b), Some(slot)) = (current, block_at.get_mut(j)) {
                *slot = Some(b);
            }
        }
    }
    (block_at, column_at)
}

/// Table 4: for each column, its block (行政复议, 未经复议直接起诉, 复议后起诉: the nearest block
/// heading at or left of it in a heading row) and its result (结果维持 … 总计); the figures from
/// the first row of numbers. All fifteen cells must be matched one to one.
fn read_reviews(g: &SourceTable, places: &mut Places, notes: &mut Findings) -> Option<ReviewTable> {
    const T: &str = crate::report::REVIEWS_TABLE;
    let tid = crate::report::REVIEWS_TABLE;
    let page = g.pages.first().copied();
    let is_numbers = |r: &Vec<SourceCell>| {
        r.iter().any(|c| !c.norm.is_empty()) && r.iter().all(|c| number(c).is_ok())
    };
    let Some(data) = g.rows.iter().position(is_numbers) else {
        notes.push(unread(T, page, "未找到数字行 / no row of figures"));
        return None;
    };
    let (block_at, column_at) = review_headings(g, data);
    let mut cells: Vec<(ReviewBlock, ReviewColumn, &SourceCell)> = Vec::new();
    if let Some(row) = g.rows.get(data) {
        for (j, c) in row.iter().enumerate() {
            match (
                block_at.get(j).copied().flatten(),
                column_at.get(j).copied().flatten(),
            ) {
                (Some(b), Some(k)) => cells.push((b, k, c)),
                _ if c.norm.is_empty() => {}
                _ => {
                    notes.push(unread(
                        T,
                        c.at.page.or(page),
                        &format!(
                            "数字“{}”不在可识别的栏目下 / a figure under no known heading",
                            c.text.trim()
                        ),
                    ));
                    return None;
                }
            }
        }
    }
    let complete = ReviewBlock::ALL.iter().all(|b| {
        ReviewColumn::ALL.iter().all(|k| {
            cells
                .iter()
                .filter(|(cb, ck, _)| cb == b && ck == k)
                .count()
                == 1
        })
    });
    if !complete {
        notes.push(unread(
            T,
            page,
            "十五个栏目未能一一对应 / the fifteen cells could not be matched one to one",
        ));
        return None;
    }
    let mut table = ReviewTable::blank();
    for (b, k, c) in cells {
        let v = match count(c) {
            Ok(v) => v,
            Err(()) => {
                notes.push(unread_cell(tid, c));
                None
            }
        };
        table.set(b, k, v);
        place(places, tid, b.name_zh(), k.name_zh(), c);
    }
    Some(table)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Provenance;
    use crate::finding::Severity;

    fn grid(page: u32, rows: &[Vec<String>]) -> SourceTable {
        let width = rows.iter().map(Vec::len).max().unwrap_or(0);
        let rows = rows
            .iter()
            .enumerate()
            .map(|(i, r)| {
                (0..width)
                    .map(|j| {
                        let at = Provenance {
                            file: "r.pdf".into(),
                            page: Some(page),
                            sheet: None,
                            row: i as u32 + 1,
                            column: j as u32 + 1,
                        };
                        SourceCell::new(r.get(j).cloned().unwrap_or_default(), at)
                    })
                    .collect()
            })
            .collect();
        SourceTable {
            pages: vec![page],
            rows,
            ..Default::default()
        }
    }

    fn row(label: &[&str], values: [i64; 7]) -> Vec<String> {
        let mut r: Vec<String> = label.iter().map(|s| (*s).to_owned()).collect();
        r.resize(3, String::new());
        r.extend(values.iter().map(i64::to_string));
        r
    }

    fn heading() -> Vec<Vec<String>> {
        let h = |v: &[&str]| v.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        vec![
            h(&["（本列数据的勾稽关系为：…）", "", "", "申请人情况"]),
            h(&[
                "",
                "",
                "",
                "自然人",
                "法人或其他组织",
                "",
                "",
                "",
                "",
                "总计",
            ]),
            h(&[
                "",
                "",
                "",
                "",
                "商业企业",
                "科研机构",
                "社会公益组织",
                "法律服务机构",
                "其他",
                "",
            ]),
        ]
    }

    /// Table 3 with every row of the 2021 format (zeros), 3 new requests, 1 granted, and
    /// （六）其他处理 printed as one row of `other`; （七）总计 printed as `total`.
    fn requests(other: [i64; 7], total: [i64; 7]) -> SourceTable {
        let mut rows = heading();
        let n = |v: i64| [v, 0, 0, 0, 0, 0, v];
        for r in RequestRow::rows(ReportFormat::Y2021) {
            let values = match r {
                RequestRow::New => n(3),
                RequestRow::Granted => n(1),
                RequestRow::Total => total,
                _ => n(0),
            };
            match r.group() {
                Some(g) if g.contains('六') => {
                    if *r == RequestRow::OtherNoCorrection {
                        rows.push(row(&["", g], other));
                    }
                }
                Some(g) => rows.push(row(&["", g, r.name_zh()], values)),
                None => rows.push(row(&[&r.label()], values)),
            }
        }
        grid(4, &rows)
    }

    fn rules_of(f: &Findings) -> Vec<(String, Severity)> {
        f.iter().map(|f| (f.rule.clone(), f.severity)).collect()
    }

    #[test]
    fn a_group_printed_as_one_row_with_figures_is_not_split() {
        let (report, f) = annual_report_of(&[requests(n(2), n(3))], Some(2024));
        let t = report.unwrap();
        let t = t.requests().unwrap();
        assert_eq!(
            t.get(RequestRow::OtherOther, RequestColumn::Total).unwrap(),
            None
        );
        assert_eq!(
            t.get(RequestRow::Granted, RequestColumn::Total).unwrap(),
            Some(1)
        );
        // No error, no blank-cell warning for the unsplit sub-rows; one note on the group.
        assert!(f.iter().all(|f| f.severity != Severity::Error), "{f:?}");
        assert!(
            f.iter().all(|f| f.rule != report_rules::BLANK_CELL),
            "{f:?}"
        );
        let note = f
            .iter()
            .find(|f| f.rule == rules::UNREAD_TABLE && f.message_zh.contains("其他处理"))
            .unwrap();
        assert_eq!((note.severity, note.page), (Severity::Info, Some(4)));
    }

    fn n(v: i64) -> [i64; 7] {
        [v, 0, 0, 0, 0, 0, v]
    }

    #[test]
    fn identities_through_a_group_printed_as_one_row_are_checked() {
        // （七）总计 printed 4 where 1 granted + 2 other = 3; the group row's 总计 printed 5.
        let (_, f) = annual_report_of(&[requests([2, 0, 0, 0, 0, 0, 5], n(4))], Some(2024));
        let outcome = f
            .iter()
            .find(|f| {
                f.rule == report_rules::OUTCOME_TOTAL && f.column.as_deref() == Some("自然人")
            })
            .unwrap();
        assert_eq!(
            (outcome.page, outcome.printed.as_deref()),
            (Some(4), Some("4"))
        );
        assert_eq!(outcome.expected, Some(Decimal::from(3)));
        let row = f
            .iter()
            .find(|f| f.rule == report_rules::ROW_TOTAL)
            .unwrap();
        assert_eq!(row.code.as_deref(), Some("（六）其他处理"));
        assert_eq!((row.page, row.printed.as_deref()), (Some(4), Some("5")));
    }

    #[test]
    fn an_unknown_sub_row_is_reported_not_guessed() {
        let mut g = requests(n(2), n(3));
        // Rename 1.属于国家秘密 to something else.
        for r in &mut g.rows {
            if let Some(c) = r.get_mut(2)
                && c.text == "1.属于国家秘密"
            {
                *c = SourceCell::new("1.完全另外一件事", c.at.clone());
            }
        }
        let (report, f) = annual_report_of(&[g], Some(2024));
        let t = report.unwrap();
        assert_eq!(
            t.requests()
                .unwrap()
                .get(RequestRow::RefusedStateSecret, RequestColumn::Total)
                .unwrap(),
            None
        );
        assert!(f.iter().any(|f| f.rule == rules::UNREAD_TABLE
            && f.severity == Severity::Info
            && f.message_zh.contains("完全另外一件事")));
        assert!(
            f.iter().all(|f| f.severity != Severity::Error),
            "{:?}",
            rules_of(&f)
        );
    }

    #[test]
    fn a_review_table_without_all_fifteen_cells_is_not_read() {
        let h = |v: &[&str]| v.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        let g = grid(
            5,
            &[
                h(&["行政复议", "", "", "", "", "行政诉讼"]),
                h(&[
                    "结果维持",
                    "结果纠正",
                    "其他结果",
                    "尚未审结",
                    "总计",
                    "复议后起诉",
                ]),
                h(&["1", "0", "0", "0", "1", "2"]),
            ],
        );
        let (report, f) = annual_report_of(&[g], Some(2024));
        assert!(report.is_none());
        assert!(f.iter().any(|f| f.rule == rules::UNREAD_TABLE
            && f.table.as_deref() == Some("reviews")
            && f.page == Some(5)));
        assert!(f.iter().all(|f| f.severity == Severity::Info));
    }

    #[test]
    fn a_report_in_the_2019_format_is_noted_not_read() {
        let (report, f) = annual_report_of(&[], Some(2020));
        assert!(report.is_none());
        assert_eq!(
            rules_of(&f),
            [(rules::UNREAD_TABLE.id.to_owned(), Severity::Info)]
        );
    }

    #[test]
    fn labels_and_numbers() {
        assert_eq!(group_number("(四)无"), Some(4));
        assert_eq!(group_number("法提供"), None);
        assert_eq!(
            sub_number("2.其他法律行政止公开"),
            Some((2, "其他法律行政止公开"))
        );
        assert_eq!(sub_number("3、其他"), Some((3, "其他")));
        assert!(resembles(
            "其他法律行政止公开",
            "2.其他法律行政法规禁止公开"
        ));
        assert!(!resembles("重复申请", "1.信访举报投诉类申请"));
        assert_eq!(group_rows(ReportFormat::Y2021, 6).len(), 3);
        assert_eq!(group_rows(ReportFormat::Y2021, 3).len(), 8);
    }
}
