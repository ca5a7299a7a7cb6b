//! Annual reports (政府信息公开工作年度报告): the printed Tables 2, 3 and 4 of the 2021 (and 2019)
//! format, read straight from the grids into the report reader's CSV layouts
//! ([`ProactiveTable::read_csv`], [`RequestTable::read_csv`], [`ReviewTable::read_csv`]).

use super::SourceTable;
use crate::error::{Error, Result};
use crate::report::{AnnualReport, ProactiveTable, ReportFormat, RequestTable, ReviewTable};

fn clean(text: &str) -> String {
    text.split_whitespace().collect()
}

fn csv_text(rows: &[Vec<String>]) -> Result<String> {
    let mut w = csv::Writer::from_writer(Vec::new());
    for r in rows {
        w.write_record(r).map_err(|e| Error::Io {
            path: String::new(),
            reason: e.to_string(),
        })?;
    }
    let bytes = w.into_inner().map_err(|e| Error::Io {
        path: String::new(),
        reason: e.to_string(),
    })?;
    String::from_utf8(bytes).map_err(|e| Error::Io {
        path: String::new(),
        reason: e.to_string(),
    })
}

/// The grid's printed texts with vertically merged cells filled down.
fn filled(t: &SourceTable) -> Vec<Vec<String>> {
    let mut grid: Vec<Vec<String>> = t
        .rows
        .iter()
        .map(|r| r.iter().map(|c| clean(&c.text)).collect())
        .collect();
    for &(r0, c0, r1, _) in &t.merged {
        let (r0, c0, r1) = (r0 as usize, c0 as usize, r1 as usize);
        let text = grid
            .get(r0)
            .and_then(|r| r.get(c0))
            .cloned()
            .unwrap_or_default();
        for r in r0 + 1..=r1 {
            if let Some(cell) = grid.get_mut(r).and_then(|row| row.get_mut(c0))
                && cell.is_empty()
            {
                *cell = text.clone();
            }
        }
    }
    grid
}

fn is_count(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | '-'))
}

/// Table 3 (收到和处理政府信息公开申请情况): label columns then seven counts.
fn requests_csv(t: &SourceTable) -> Option<Vec<Vec<String>>> {
    let grid = filled(t);
    let first = grid
        .iter()
        .position(|r| r.first().is_some_and(|c| c.contains("本年新收")))?;
    let mut out = vec![
        [
            "label",
            "自然人",
            "商业企业",
            "科研机构",
            "社会公益组织",
            "法律服务机构",
            "其他",
            "总计",
        ]
        .iter()
        .map(|s| (*s).to_owned())
        .collect::<Vec<_>>(),
    ];
    // The last seven columns hold the counts; the ones before, the label parts: the row label,
    // or a group (（三）不予公开, printed down a merged cell, sometimes cut over two rows as
    // （四）无 | 法提供) beside its sub-rows.
    let rows: Vec<&Vec<String>> = grid.iter().skip(first).filter(|r| r.len() >= 8).collect();
    let mut group_of: Vec<Option<usize>> = vec![None; rows.len()];
    let mut groups: Vec<String> = Vec::new();
    let mut current: Option<usize> = None;
    for (i, r) in rows.iter().enumerate() {
        let n = r.len();
        let parts: Vec<&str> = r[..n - 7]
            .iter()
            .map(String::as_str)
            .filter(|s| !s.is_empty())
            .collect();
        let (Some(group), Some(_)) = (
            parts.len().checked_sub(2).and_then(|k| parts.get(k)),
            parts.last(),
        ) else {
            current = None;
            continue;
        };
        if group.starts_with('（') || group.starts_with('(') {
            if current.is_none_or(|g| groups.get(g).is_none_or(|t| !t.starts_with(group))) {
                groups.push((*group).to_owned());
                current = Some(groups.len() - 1);
            }
        } else if let Some(g) = current
            && let Some(text) = groups.get_mut(g)
            && !text.ends_with(group)
        {
            text.push_str(group); // the rest of a group cut over two rows
        }
        group_of[i] = current;
    }
    for (i, r) in rows.iter().enumerate() {
        let n = r.len();
        let counts = &r[n - 7..];
        let parts: Vec<&str> = r[..n - 7]
            .iter()
            .map(String::as_str)
            .filter(|s| !s.is_empty())
            .collect();
        let Some(last) = parts.last() else { continue };
        let label = match group_of[i].and_then(|g| groups.get(g)) {
            Some(group) if parts.len() >= 2 => format!("{group} {last}"),
            _ => (*last).to_owned(),
        };
        let mut row = vec![label];
        row.extend(counts.iter().cloned());
        out.push(row);
    }
    Some(out)
}

/// Table 4 (行政复议、行政诉讼): one line of fifteen counts, three blocks of five.
fn reviews_csv(t: &SourceTable) -> Option<Vec<Vec<String>>> {
    let grid = filled(t);
    let values: Vec<String> = grid
        .iter()
        .find(|r| r.len() >= 15 && r.iter().filter(|c| is_count(c)).count() >= 15)?
        .iter()
        .filter(|c| is_count(c))
        .cloned()
        .collect();
    let mut out = vec![
        [
            "block",
            "结果维持",
            "结果纠正",
            "其他结果",
            "尚未审结",
            "总计",
        ]
        .iter()
        .map(|s| (*s).to_owned())
        .collect::<Vec<_>>(),
    ];
    for (i, block) in ["行政复议", "未经复议直接起诉", "复议后起诉"]
        .iter()
        .enumerate()
    {
        let mut row = vec![(*block).to_owned()];
        row.extend(values.iter().skip(i * 5).take(5).cloned());
        out.push(row);
    }
    Some(out)
}

/// Table 2 (主动公开政府信息情况): blocks headed 信息内容 | column headings, then label | counts.
fn proactive_rows(t: &SourceTable, columns: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
    for r in filled(t) {
        let Some(first) = r.first() else { continue };
        if first.contains("信息内容") {
            *columns = r.iter().skip(1).cloned().collect();
            continue;
        }
        if first.starts_with("第二十条") || first.is_empty() {
            continue;
        }
        for (j, v) in r.iter().skip(1).enumerate() {
            if v.is_empty() {
                continue;
            }
            if let Some(c) = columns.get(j)
                && !c.is_empty()
            {
                out.push(vec![first.clone(), c.clone(), v.clone()]);
            }
        }
    }
}

/// An annual report as read: the report, the tables that could not be read (by name, with the
/// error) and the page each table starts on (by the name its findings carry).
pub(crate) type ReadReport = (
    AnnualReport,
    Vec<(&'static str, Error)>,
    Vec<(&'static str, u32)>,
);

/// Read an annual report's Tables 2, 3 and 4 from the grids, each on its own: a table that cannot
/// be read is named in the returned errors (the others are still read and checked). `None` when
/// no table of the report is printed. The format follows from the year (2021 format unless the
/// year says otherwise).
pub(crate) fn report_of(grids: &[SourceTable], year: Option<i32>) -> Option<ReadReport> {
    let format = year
        .and_then(|y| ReportFormat::for_year(y).ok())
        .unwrap_or_default();
    let mut report = AnnualReport::new(format, year);
    let mut errors: Vec<(&'static str, Error)> = Vec::new();
    let mut any = false;
    // The page each table starts on, by the name its findings carry.
    let mut pages: Vec<(&'static str, u32)> = Vec::new();
    let first_page = |t: &SourceTable| t.pages.first().copied();
    if let Some(p) = grids
        .iter()
        .find(|t| requests_csv(t).is_some())
        .and_then(first_page)
    {
        pages.push(("requests", p));
    }
    if let Some(p) = grids
        .iter()
        .find(|t| reviews_csv(t).is_some())
        .and_then(first_page)
    {
        pages.push(("reviews", p));
    }
    if let Some(p) = grids
        .iter()
        .find(|t| {
            t.rows
                .iter()
                .any(|r| r.first().is_some_and(|c| c.norm.starts_with("信息内容")))
        })
        .and_then(first_page)
    {
        pages.push(("proactive", p));
    }
    if let Some(requests) = grids.iter().find_map(requests_csv) {
        any = true;
        let requests = by_position(requests, format);
        let read = csv_text(&requests)
            .and_then(|text| RequestTable::read_csv(text.as_bytes(), format))
            .and_then(|t3| report.clone().with_requests(t3));
        match read {
            Ok(r) => report = r,
            Err(e) => errors.push(("表三", e)),
        }
    }
    let mut columns = Vec::new();
    let mut proactive = vec![vec![
        "label".to_owned(),
        "column".to_owned(),
        "value".to_owned(),
    ]];
    for t in grids {
        let is_t2 = t
            .rows
            .iter()
            .any(|r| r.first().is_some_and(|c| c.norm.starts_with("信息内容")))
            || (!columns.is_empty()
                && t.context.is_empty()
                && t.rows
                    .iter()
                    .any(|r| r.first().is_some_and(|c| c.norm.starts_with("第二十条"))));
        if is_t2 {
            proactive_rows(t, &mut columns, &mut proactive);
        }
    }
    if proactive.len() > 1 {
        any = true;
        let read = csv_text(&proactive)
            .and_then(|text| ProactiveTable::read_csv(text.as_bytes(), format))
            .and_then(|t2| report.clone().with_proactive(t2));
        match read {
            Ok(r) => report = r,
            Err(e) => errors.push(("表二", e)),
        }
    }
    if let Some(rows) = grids.iter().find_map(reviews_csv) {
        any = true;
        match csv_text(&rows).and_then(|text| ReviewTable::read_csv(text.as_bytes())) {
            Ok(t4) => report = report.with_reviews(t4),
            Err(e) => errors.push(("表四", e)),
        }
    }
    any.then_some((report, errors, pages))
}

/// Table 3 rows whose printed label the report reader does not take (characters lost in
/// extraction: `2.其他法律行政止公开`) get their row's official label — only when the table prints
/// exactly the rows of its format, and every label that does read is at its official place, so
/// the position is certain; otherwise the rows are left as printed (and reading fails, named).
fn by_position(mut rows: Vec<Vec<String>>, format: ReportFormat) -> Vec<Vec<String>> {
    use crate::report::RequestRow;
    let official = RequestRow::rows(format);
    if rows.len() != official.len() + 1 {
        return rows;
    }
    let placed = rows.iter().skip(1).zip(official).all(|(r, o)| {
        r.first()
            .is_none_or(|l| RequestRow::from_label(l, format).map_or(true, |got| got == *o))
    });
    if !placed {
        return rows;
    }
    for (r, o) in rows.iter_mut().skip(1).zip(official) {
        if let Some(l) = r.first_mut()
            && RequestRow::from_label(l, format).is_err()
        {
            *l = o.name_zh().to_owned();
        }
    }
    rows
}
