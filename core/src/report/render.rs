//! Rendering the report's tables: a neutral row view, Markdown and HTML in the official layout.
//!
//! HTML reproduces the printed tables with merged cells (`rowspan`/`colspan`): the identity note
//! in Table 3's top-left cell, the 申请人情况 and 法人或其他组织 headings over their columns, the
//! block 三、本年度办理结果 and the groups （三）–（六） down the left, Table 4's 行政诉讼 over its
//! two blocks. Markdown cannot merge cells; a group label is printed on the first row of its group
//! and left blank below, which reads the same.

use std::fmt::Write as _;

use rust_decimal::Decimal;
use serde::Serialize;

use super::annual::{AnnualReport, ReportTableKind};
use super::proactive::{self, ProactiveTable};
use super::requests::{
    APPLICANT_HEADING, COLUMN_NOTE, ORGANISATION_HEADING, RESULTS_LABEL, RequestColumn,
    RequestTable,
};
use super::reviews::{LITIGATION_HEADING, ReviewBlock, ReviewColumn, ReviewTable};
use crate::error::Result;
use crate::money::format_amount;

/// One cell of a [`ReportRow`]: column id, column label as printed, value (`None`: blank).
///
/// ```
/// use sunlit::{AnnualReport, report::{ReportFormat, ReportTableKind, ReviewTable}};
/// let r = AnnualReport::new(ReportFormat::Y2021, None).with_reviews(ReviewTable::new());
/// let view = r.table(ReportTableKind::Reviews).unwrap();
/// assert_eq!(view.rows[0].cells[1].label, "结果纠正");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ReportCell {
    /// The column id (`natural_person`, `corrected`, `valid` …).
    pub column: String,
    /// The column heading as printed.
    pub label: String,
    /// The value; counts are whole numbers, Table 2's fee amount is in 万元.
    pub value: Option<Decimal>,
}

/// One row of a [`ReportTableView`].
///
/// ```
/// use sunlit::{AnnualReport, report::{ReportFormat, ReportTableKind, RequestTable}};
/// let r = AnnualReport::new(ReportFormat::Y2021, None).with_requests(RequestTable::new(ReportFormat::Y2021)).unwrap();
/// let row = &r.table(ReportTableKind::Requests).unwrap().rows[4];
/// assert_eq!((row.id.as_str(), row.label.as_str()), ("refused_state_secret", "（三）不予公开 1.属于国家秘密"));
/// assert_eq!(row.group.as_deref(), Some("（三）不予公开"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ReportRow {
    /// The row id (`new`, `refused_state_secret`, `review`, `rules` …).
    pub id: String,
    /// The label as in the reading format (sub-rows of Table 3 with their group).
    pub label: String,
    /// The innermost merged cell the row sits in: Table 3's `（三）不予公开` or
    /// `三、本年度办理结果`, Table 2's art. 20 item, Table 4's `行政诉讼`.
    pub group: Option<String>,
    /// The cells, in printed order.
    pub cells: Vec<ReportCell>,
}

/// A table of the report as rows of labelled cells, for programs (the Python and Kotlin
/// `table()`).
///
/// ```
/// use sunlit::{AnnualReport, report::{ReportFormat, ReportTableKind, RequestTable}};
/// let r = AnnualReport::new(ReportFormat::Y2021, None).with_requests(RequestTable::new(ReportFormat::Y2021)).unwrap();
/// let view = r.table(ReportTableKind::Requests).unwrap();
/// assert_eq!(view.title, "三、收到和处理政府信息公开申请情况");
/// assert_eq!((view.rows.len(), view.rows[0].cells.len()), (25, 7));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ReportTableView {
    /// Which table.
    pub kind: ReportTableKind,
    /// The section heading it sits under.
    pub title: String,
    /// The rows, in printed order.
    pub rows: Vec<ReportRow>,
}

fn count_cell(column: &str, label: &str, v: Option<i64>) -> ReportCell {
    ReportCell {
        column: column.to_owned(),
        label: label.to_owned(),
        value: v.map(Decimal::from),
    }
}

fn requests_view(t: &RequestTable) -> Vec<ReportRow> {
    t.cells()
        .map(|(r, cells)| ReportRow {
            id: r.id().to_owned(),
            label: r.label(),
            group: r
                .group()
                .or(r.in_results().then_some(RESULTS_LABEL))
                .map(str::to_owned),
            cells: RequestColumn::ALL
                .iter()
                .zip(cells)
                .map(|(c, v)| count_cell(c.id(), c.name_zh(), *v))
                .collect(),
        })
        .collect()
}

fn reviews_view(t: &ReviewTable) -> Vec<ReportRow> {
    ReviewBlock::ALL
        .iter()
        .map(|&b| ReportRow {
            id: b.id().to_owned(),
            label: b.name_zh().to_owned(),
            group: (b != ReviewBlock::Review).then(|| LITIGATION_HEADING.to_owned()),
            cells: ReviewColumn::ALL
                .iter()
                .map(|&c| count_cell(c.id(), c.name_zh(), t.get(b, c)))
                .collect(),
        })
        .collect()
}

fn proactive_view(t: &ProactiveTable) -> Vec<ReportRow> {
    let f = t.format();
    let mut rows: Vec<ReportRow> = Vec::new();
    for c in t.cells() {
        let cell = ReportCell {
            column: c.column.id().to_owned(),
            label: c.column.label(f).to_owned(),
            value: c.value,
        };
        match rows.last_mut() {
            Some(last) if last.id == c.row.id() => last.cells.push(cell),
            _ => rows.push(ReportRow {
                id: c.row.id().to_owned(),
                label: c.row.label(f).to_owned(),
                group: Some(c.row.item().to_owned()),
                cells: vec![cell],
            }),
        }
    }
    rows
}

/// Escape text for HTML (`&`, `<`, `>`, `"`).
pub(crate) fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

fn count_text(v: Option<i64>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

fn md_row(cells: &[String]) -> String {
    format!("| {} |\n", cells.join(" | "))
}

fn md_rule(label_columns: usize, value_columns: usize) -> String {
    let cells: Vec<String> = std::iter::repeat_n(":---".to_owned(), label_columns)
        .chain(std::iter::repeat_n("---:".to_owned(), value_columns))
        .collect();
    md_row(&cells)
}

const STYLE: &str = "body{font-family:\"Noto Sans CJK SC\",\"Source Han Sans SC\",\"WenQuanYi Micro Hei\",\"Microsoft YaHei\",\"PingFang SC\",sans-serif;margin:24px;color:#000;background:#fff}\
h1{font-size:20px}h2{font-size:17px;margin-top:24px}\
table.report{border-collapse:collapse;margin:6px 0 16px}\
table.report th,table.report td{border:1px solid #000;padding:4px 8px;font-size:14px;line-height:1.4}\
table.report th{font-weight:normal;text-align:center;vertical-align:middle}\
table.report th.l{text-align:left}\
table.report td{text-align:right;min-width:3em}\
table.report thead th,table.report th[rowspan]{white-space:nowrap}\
table.report th.note{font-size:12px;white-space:normal;min-width:14em}";

impl ProactiveTable {
    fn markdown(&self) -> String {
        let f = self.format();
        let mut out = String::new();
        for (item, columns, rows) in proactive::layout(f) {
            let _ = write!(out, "**{item}**\n\n");
            let header: Vec<String> = std::iter::once(proactive::CONTENT_HEADING.to_owned())
                .chain(columns.iter().map(|c| c.label(f).to_owned()))
                .collect();
            out.push_str(&md_row(&header));
            out.push_str(&md_rule(1, columns.len()));
            for &r in rows {
                let cells: Vec<String> = std::iter::once(r.label(f).to_owned())
                    .chain(columns.iter().map(|&c| {
                        self.get(r, c)
                            .ok()
                            .flatten()
                            .map(format_amount)
                            .unwrap_or_default()
                    }))
                    .collect();
                out.push_str(&md_row(&cells));
            }
            out.push('\n');
        }
        out
    }

    fn html(&self) -> String {
        let f = self.format();
        let mut out = String::new();
        for (item, columns, rows) in proactive::layout(f) {
            let _ = write!(
                out,
                "<table class=\"report proactive\">\n<tr><th colspan=\"{}\">{}</th></tr>\n<tr><th>{}</th>",
                columns.len() + 1,
                esc(item),
                proactive::CONTENT_HEADING
            );
            for c in columns {
                let _ = write!(out, "<th>{}</th>", esc(c.label(f)));
            }
            out.push_str("</tr>\n");
            for &r in rows {
                let _ = write!(out, "<tr><th class=\"l\">{}</th>", esc(r.label(f)));
                for &c in columns {
                    let v = self.get(r, c).ok().flatten().map(format_amount);
                    let _ = write!(out, "<td>{}</td>", v.unwrap_or_default());
                }
                out.push_str("</tr>\n");
            }
            out.push_str("</table>\n");
        }
        out
    }
}

impl RequestTable {
    fn markdown(&self) -> String {
        let mut out = format!("{COLUMN_NOTE}\n\n");
        let _ = write!(
            out,
            "{APPLICANT_HEADING}：{}；{ORGANISATION_HEADING}：{}；{}。\n\n",
            RequestColumn::NaturalPerson.name_zh(),
            RequestColumn::APPLICANTS
                .iter()
                .skip(1)
                .map(|c| c.name_zh())
                .collect::<Vec<_>>()
                .join("、"),
            RequestColumn::Total.name_zh()
        );
        let header: Vec<String> = [APPLICANT_HEADING, "", ""]
            .into_iter()
            .chain(RequestColumn::ALL.iter().map(|c| c.name_zh()))
            .map(str::to_owned)
            .collect();
        out.push_str(&md_row(&header));
        out.push_str(&md_rule(3, 7));
        let mut in_results = false;
        let mut group: Option<&str> = None;
        for (r, cells) in self.cells() {
            let labels: [String; 3] = if !r.in_results() {
                [r.name_zh().to_owned(), String::new(), String::new()]
            } else {
                let first_result = !in_results;
                in_results = true;
                let block = if first_result { RESULTS_LABEL } else { "" };
                match r.group() {
                    Some(g) => {
                        let show = group != Some(g);
                        group = Some(g);
                        [
                            block.to_owned(),
                            if show { g.to_owned() } else { String::new() },
                            r.name_zh().to_owned(),
                        ]
                    }
                    None => {
                        group = None;
                        [block.to_owned(), r.name_zh().to_owned(), String::new()]
                    }
                }
            };
            let row: Vec<String> = labels
                .into_iter()
                .chain(cells.iter().map(|v| count_text(*v)))
                .collect();
            out.push_str(&md_row(&row));
        }
        out.push('\n');
        out
    }

    fn html(&self) -> String {
        let rows = self.rows();
        let results = rows.iter().filter(|r| r.in_results()).count();
        let mut out = String::from("<table class=\"report requests\">\n<thead>\n");
        let _ = write!(
            out,
            "<tr><th class=\"note\" colspan=\"3\" rowspan=\"3\">{}</th><th colspan=\"7\">{}</th></tr>",
            esc(COLUMN_NOTE),
            APPLICANT_HEADING
        );
        out.push('\n');
        let _ = write!(
            out,
            "<tr><th rowspan=\"2\">{}</th><th colspan=\"5\">{}</th><th rowspan=\"2\">{}</th></tr>\n<tr>",
            RequestColumn::NaturalPerson.name_zh(),
            ORGANISATION_HEADING,
            RequestColumn::Total.name_zh()
        );
        for c in RequestColumn::APPLICANTS.iter().skip(1) {
            let _ = write!(out, "<th>{}</th>", c.name_zh());
        }
        out.push_str("</tr>\n</thead>\n<tbody>\n");
        let mut in_results = false;
        let mut group: Option<&str> = None;
        for (r, cells) in self.cells() {
            out.push_str("<tr>");
            if !r.in_results() {
                let _ = write!(
                    out,
                    "<th class=\"l\" colspan=\"3\">{}</th>",
                    esc(r.name_zh())
                );
            } else {
                if !in_results {
                    in_results = true;
                    let _ = write!(out, "<th rowspan=\"{results}\">{RESULTS_LABEL}</th>");
                }
                match r.group() {
                    Some(g) => {
                        if group != Some(g) {
                            group = Some(g);
                            let span = rows.iter().filter(|x| x.group() == Some(g)).count();
                            let _ = write!(out, "<th rowspan=\"{span}\">{}</th>", esc(g));
                        }
                        let _ = write!(out, "<th class=\"l\">{}</th>", esc(r.name_zh()));
                    }
                    None => {
                        group = None;
                        let _ = write!(
                            out,
                            "<th class=\"l\" colspan=\"2\">{}</th>",
                            esc(r.name_zh())
                        );
                    }
                }
            }
            for v in cells {
                let _ = write!(out, "<td>{}</td>", count_text(*v));
            }
            out.push_str("</tr>\n");
        }
        out.push_str("</tbody>\n</table>\n");
        out
    }
}

impl ReviewTable {
    fn markdown(&self) -> String {
        let n = ReviewColumn::ALL.len();
        let blank = || String::new();
        let mut header = vec![ReviewBlock::Review.name_zh().to_owned()];
        header.extend(std::iter::repeat_with(blank).take(n - 1));
        header.push(LITIGATION_HEADING.to_owned());
        header.extend(std::iter::repeat_with(blank).take(2 * n - 1));
        let mut out = md_row(&header);
        out.push_str(&md_rule(0, 3 * n));
        let mut blocks: Vec<String> = std::iter::repeat_with(blank).take(n).collect();
        for b in [ReviewBlock::DirectSuit, ReviewBlock::SuitAfterReview] {
            blocks.push(b.name_zh().to_owned());
            blocks.extend(std::iter::repeat_with(blank).take(n - 1));
        }
        out.push_str(&md_row(&blocks));
        let labels: Vec<String> = (0..3)
            .flat_map(|_| ReviewColumn::ALL.iter().map(|c| c.name_zh().to_owned()))
            .collect();
        out.push_str(&md_row(&labels));
        let values: Vec<String> = ReviewBlock::ALL
            .iter()
            .flat_map(|&b| ReviewColumn::ALL.iter().map(move |&c| (b, c)))
            .map(|(b, c)| count_text(self.get(b, c)))
            .collect();
        out.push_str(&md_row(&values));
        out.push('\n');
        out
    }

    fn html(&self) -> String {
        let n = ReviewColumn::ALL.len();
        let mut out = String::from("<table class=\"report reviews\">\n<thead>\n");
        let _ = write!(
            out,
            "<tr><th colspan=\"{n}\" rowspan=\"2\">{}</th><th colspan=\"{}\">{LITIGATION_HEADING}</th></tr>\n<tr>",
            ReviewBlock::Review.name_zh(),
            2 * n
        );
        for b in [ReviewBlock::DirectSuit, ReviewBlock::SuitAfterReview] {
            let _ = write!(out, "<th colspan=\"{n}\">{}</th>", b.name_zh());
        }
        out.push_str("</tr>\n<tr>");
        for _ in ReviewBlock::ALL {
            for c in ReviewColumn::ALL {
                let _ = write!(out, "<th>{}</th>", c.name_zh());
            }
        }
        out.push_str("</tr>\n</thead>\n<tbody>\n<tr>");
        for &b in ReviewBlock::ALL {
            for &c in ReviewColumn::ALL {
                let _ = write!(out, "<td>{}</td>", count_text(self.get(b, c)));
            }
        }
        out.push_str("</tr>\n</tbody>\n</table>\n");
        out
    }
}

impl AnnualReport {
    /// One table as rows of labelled cells, or `None` if the report lacks it.
    ///
    /// ```
    /// use sunlit::{AnnualReport, report::{ProactiveTable, ReportFormat, ReportTableKind}};
    /// let r = AnnualReport::new(ReportFormat::Y2021, None).with_proactive(ProactiveTable::new(ReportFormat::Y2021)).unwrap();
    /// let view = r.table(ReportTableKind::Proactive).unwrap();
    /// assert_eq!(view.rows[0].cells.len(), 3); // 规章: 本年制发件数, 本年废止件数, 现行有效件数
    /// assert!(r.table(ReportTableKind::Reviews).is_none());
    /// ```
    pub fn table(&self, kind: ReportTableKind) -> Option<ReportTableView> {
        let rows = match kind {
            ReportTableKind::Proactive => proactive_view(self.proactive()?),
            ReportTableKind::Requests => requests_view(self.requests()?),
            ReportTableKind::Reviews => reviews_view(self.reviews()?),
        };
        Some(ReportTableView {
            kind,
            title: kind.heading().to_owned(),
            rows,
        })
    }

    fn tables(&self) -> impl Iterator<Item = ReportTableKind> {
        ReportTableKind::ALL
            .iter()
            .copied()
            .filter(|&k| self.table_markdown(k).is_ok())
    }

    fn title(&self) -> String {
        match self.year() {
            Some(y) => format!("{y}年政府信息公开工作年度报告（统计表格）"),
            None => "政府信息公开工作年度报告（统计表格）".to_owned(),
        }
    }

    /// One table in Markdown (official layout; group labels on the first row of their group);
    /// an error if the report lacks it.
    ///
    /// ```
    /// use sunlit::{AnnualReport, report::{ReportFormat, ReportTableKind, ReviewTable}};
    /// let r = AnnualReport::new(ReportFormat::Y2021, None).with_reviews(ReviewTable::new());
    /// assert!(r.table_markdown(ReportTableKind::Reviews).unwrap().starts_with("| 行政复议 |"));
    /// assert!(r.table_markdown(ReportTableKind::Requests).is_err());
    /// ```
    pub fn table_markdown(&self, kind: ReportTableKind) -> Result<String> {
        Ok(match kind {
            ReportTableKind::Proactive => self.need(kind, &self.proactive)?.markdown(),
            ReportTableKind::Requests => self.need(kind, &self.requests)?.markdown(),
            ReportTableKind::Reviews => self.need(kind, &self.reviews)?.markdown(),
        })
    }

    /// One table as an HTML `<table>` fragment in the official layout (merged cells); an error if
    /// the report lacks it.
    ///
    /// ```
    /// use sunlit::{AnnualReport, report::{ReportFormat, ReportTableKind, RequestTable}};
    /// let r = AnnualReport::new(ReportFormat::Y2019, None).with_requests(RequestTable::new(ReportFormat::Y2019))?;
    /// let html = r.table_html(ReportTableKind::Requests)?;
    /// assert!(html.contains("<th rowspan=\"20\">三、本年度办理结果</th>"));
    /// assert!(r.table_html(ReportTableKind::Proactive).is_err());
    /// # Ok::<(), sunlit::Error>(())
    /// ```
    pub fn table_html(&self, kind: ReportTableKind) -> Result<String> {
        Ok(match kind {
            ReportTableKind::Proactive => self.need(kind, &self.proactive)?.html(),
            ReportTableKind::Requests => self.need(kind, &self.requests)?.html(),
            ReportTableKind::Reviews => self.need(kind, &self.reviews)?.html(),
        })
    }

    /// The report's tables as a Markdown document: a title, the format, each table under its
    /// section heading.
    ///
    /// ```
    /// use sunlit::{AnnualReport, report::{ReportFormat, RequestTable}};
    /// let r = AnnualReport::new(ReportFormat::Y2021, Some(2024)).with_requests(RequestTable::new(ReportFormat::Y2021))?;
    /// let md = r.to_markdown();
    /// assert!(md.starts_with("# 2024年政府信息公开工作年度报告（统计表格）"));
    /// assert!(md.contains("| 三、本年度办理结果 | （一）予以公开 |  | 0 |"));
    /// assert!(md.contains("|  | （三）不予公开 | 1.属于国家秘密 | 0 |"));
    /// # Ok::<(), sunlit::Error>(())
    /// ```
    pub fn to_markdown(&self) -> String {
        let mut out = format!(
            "# {}\n\n格式：{}\n\n",
            self.title(),
            self.format().document()
        );
        for kind in self.tables() {
            let _ = write!(out, "## {}\n\n", kind.heading());
            out.push_str(&self.table_markdown(kind).unwrap_or_default());
        }
        out
    }

    /// The report's tables as a standalone HTML page (UTF-8, styles inline), each table in the
    /// official layout with merged cells.
    ///
    /// ```
    /// use sunlit::{AnnualReport, report::{ReportFormat, RequestTable}};
    /// let r = AnnualReport::new(ReportFormat::Y2021, Some(2024)).with_requests(RequestTable::new(ReportFormat::Y2021))?;
    /// let html = r.to_html();
    /// assert!(html.starts_with("<!DOCTYPE html>"));
    /// assert!(html.contains("<th rowspan=\"8\">（三）不予公开</th>"));
    /// # Ok::<(), sunlit::Error>(())
    /// ```
    pub fn to_html(&self) -> String {
        let title = esc(&self.title());
        let mut out = format!(
            "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<h1>{title}</h1>\n<p>格式：{}</p>\n",
            esc(self.format().document())
        );
        for kind in self.tables() {
            let _ = writeln!(out, "<h2>{}</h2>", esc(kind.heading()));
            out.push_str(&self.table_html(kind).unwrap_or_default());
        }
        out.push_str("</body>\n</html>\n");
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{ReportFormat, RequestRow};

    #[test]
    fn html_spans_match_the_rows() {
        for f in [ReportFormat::Y2021, ReportFormat::Y2019] {
            let t = RequestTable::new(f);
            let html = t.html();
            let rows = RequestRow::rows(f);
            let groups = if f == ReportFormat::Y2021 { 4 } else { 3 };
            assert_eq!(html.matches("<tr>").count(), 3 + rows.len());
            // the header's three, the results block, and one per group
            assert_eq!(html.matches("rowspan=").count(), 3 + 1 + groups);
            assert_eq!(html.matches("<td>").count(), rows.len() * 7);
        }
    }
}
