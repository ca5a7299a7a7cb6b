//! Annual reports of disclosure work (政府信息公开工作年度报告, 2021 format) read straight from
//! their PDFs (tests/data/documents/manifest-annual.json, sources in SOURCE-annual.md) and web pages
//! (the Fujian HTML reports of manifest.json, sources in SOURCE.md): kind and
//! year, every hand-checked figure of Tables 2–4, exactly the real errors and no false error
//! finding, every finding located at its page (and printed cell where it has one).

use rust_decimal::Decimal;
use serde_json::Value;
use sunlit::{
    AnnualReport, Document, ReadOptions, Severity,
    document::DocumentKind,
    report::{ProactiveColumn, ProactiveRow, RequestColumn, RequestRow, ReviewBlock, ReviewColumn},
};
use sunlit_tests::data_file;

fn manifest() -> Vec<Value> {
    let text = std::fs::read_to_string(data_file("documents/manifest-annual.json")).unwrap();
    serde_json::from_str::<Value>(&text)
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

fn read(m: &Value) -> Document {
    let path = format!("documents/{}", m["path"].as_str().unwrap());
    Document::read(data_file(&path), &ReadOptions::default()).unwrap()
}

/// The last part of a manifest label (`法人或其他组织/商业企业` → `商业企业`).
fn leaf(label: &str) -> &str {
    label.rsplit('/').next().unwrap()
}

/// The figure the report holds at a manifest (table, row, column), as printed text.
fn figure(report: &AnnualReport, table: u64, row: &str, column: &str) -> Option<String> {
    let format = report.format();
    match table {
        2 => {
            let r = ProactiveRow::from_label(row, format).unwrap();
            let c = ProactiveColumn::from_label(column, format).unwrap();
            let v = report.proactive().unwrap().get(r, c).unwrap();
            v.map(|d: Decimal| d.normalize().to_string())
        }
        3 => {
            let r = RequestRow::from_label(&row.replace('/', " "), format).unwrap();
            let c = RequestColumn::ALL
                .iter()
                .copied()
                .find(|c| c.name_zh() == leaf(column))
                .unwrap();
            report
                .requests()
                .unwrap()
                .get(r, c)
                .unwrap()
                .map(|v| v.to_string())
        }
        4 => {
            let b = ReviewBlock::from_label(row).unwrap();
            let c = ReviewColumn::ALL
                .iter()
                .copied()
                .find(|c| c.name_zh() == column)
                .unwrap();
            report.reviews().unwrap().get(b, c).map(|v| v.to_string())
        }
        _ => panic!("table {table}"),
    }
}

fn check(m: &Value) {
    let path = m["path"].as_str().unwrap();
    let doc = read(m);
    assert_eq!(doc.kind, DocumentKind::AnnualReport, "{path}");
    assert_eq!(doc.year, m["year"].as_i64().map(|y| y as i32), "{path}");
    let report = doc.annual_report.as_ref().expect(path);
    assert_eq!(report.year(), doc.year, "{path}");
    assert!(report.proactive().is_some(), "{path}: Table 2");
    assert!(report.requests().is_some(), "{path}: Table 3");
    assert!(report.reviews().is_some(), "{path}: Table 4");

    // Every hand-checked figure, exactly.
    for f in m["figures"].as_array().unwrap() {
        let (table, row, column) = (
            f["table"].as_u64().unwrap(),
            f["row"].as_str().unwrap(),
            f["column"].as_str().unwrap(),
        );
        let want = f["value"].as_str().unwrap();
        assert_eq!(
            figure(report, table, row, column).as_deref(),
            Some(want),
            "{path}: table {table} {row} / {column}"
        );
    }

    // Exactly the real errors, each at its page and printed cell with the expected figure.
    let errors: Vec<_> = doc
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .collect();
    let real = m["errors"].as_array().unwrap();
    assert_eq!(errors.len(), real.len(), "{path}: {errors:#?}");
    for e in real {
        let block = ReviewBlock::from_label(e["row"].as_str().unwrap()).unwrap();
        let found = errors
            .iter()
            .find(|f| {
                f.table.as_deref() == Some("reviews")
                    && f.code.as_deref() == Some(block.name_zh())
                    && f.column.as_deref() == e["column"].as_str()
            })
            .unwrap_or_else(|| panic!("{path}: real error {e} not reported"));
        assert_eq!(found.rule, "report.review_total");
        assert_eq!(found.page, e["page"].as_u64().map(|p| p as u32), "{path}");
        assert_eq!(found.printed.as_deref(), e["printed"].as_str(), "{path}");
        assert_eq!(
            found.expected.map(|d| d.to_string()).as_deref(),
            e["expected"].as_str(),
            "{path}"
        );
    }

    // Every finding of the report located: a page always, the printed text where it is a cell's.
    for f in doc.findings.iter() {
        assert!(f.page.is_some(), "{path}: finding without page: {f:?}");
        if f.rule.starts_with("report.") && f.rule != "report.blank_cell" {
            assert!(
                f.printed.is_some(),
                "{path}: finding without printed cell: {f:?}"
            );
        }
    }
}

#[test]
fn hongze_2023_reports_its_two_wrong_totals_and_nothing_else() {
    let m = manifest();
    let doc = m
        .iter()
        .find(|d| d["path"] == "jiangsu/huaian-hongze-annual-report-2023.pdf")
        .unwrap();
    check(doc);
}

#[test]
fn hongze_2024_reads_clean() {
    let m = manifest();
    let doc = m
        .iter()
        .find(|d| d["path"] == "jiangsu/huaian-hongze-annual-report-2024.pdf")
        .unwrap();
    check(doc);
}

#[test]
fn huaian_city_2024_reads_clean_across_the_page_split_label() {
    let m = manifest();
    let doc = m
        .iter()
        .find(|d| d["path"] == "jiangsu/huaian-annual-report-2024.pdf")
        .unwrap();
    check(doc);
    let report = read(doc).annual_report.unwrap();
    let t = report.requests().unwrap();
    // （四）无|法提供 split over pages 4 and 5: its second sub-row still under （四）.
    assert_eq!(
        t.get(RequestRow::CannotProvideNeedsNewWork, RequestColumn::Total)
            .unwrap(),
        Some(11)
    );
    // The three sub-rows of （六）其他处理 printed separately.
    assert_eq!(
        t.get(RequestRow::OtherNoCorrection, RequestColumn::Total)
            .unwrap(),
        Some(71)
    );
}

#[test]
fn a_typo_and_a_group_printed_as_one_row_are_read_without_guessing() {
    let m = manifest();
    let m = m
        .iter()
        .find(|d| d["path"] == "jiangsu/huaian-hongze-annual-report-2023.pdf")
        .unwrap();
    let doc = read(m);
    let t = doc.annual_report.as_ref().unwrap().requests().unwrap();
    // "2.其他法律行政止公开" is the row 2.其他法律行政法规禁止公开.
    assert_eq!(
        t.get(RequestRow::RefusedLawForbids, RequestColumn::Total)
            .unwrap(),
        Some(0)
    );
    assert_eq!(
        t.get(RequestRow::RefusedEnforcementFile, RequestColumn::Total)
            .unwrap(),
        Some(1)
    );
    // （六）其他处理 printed as one row of zeros: each sub-row is zero, with an info note.
    assert_eq!(
        t.get(RequestRow::OtherOther, RequestColumn::Total).unwrap(),
        Some(0)
    );
    let note = doc
        .findings
        .iter()
        .find(|f| f.rule == "document.unread_table" && f.table.as_deref() == Some("requests"))
        .unwrap();
    assert_eq!((note.severity, note.page), (Severity::Info, Some(4)));
}

/// The 平潭综合实验区 (Fujian) reports of 2023–2025, saved portal pages (HTML): every cell of
/// Tables 2–4 as hand-checked in tests/data/documents/manifest.json, no error finding.
#[test]
fn pingtan_html_reports_read_every_cell_and_clean() {
    let text = std::fs::read_to_string(data_file("documents/manifest.json")).unwrap();
    let all: Vec<Value> = serde_json::from_str(&text).unwrap();
    let fujian: Vec<&Value> = all
        .iter()
        .filter(|d| d["format"] == "html" && d["kind"] == "annual_report")
        .collect();
    assert_eq!(fujian.len(), 3);
    for m in fujian {
        check(m);
        assert_eq!(m["figures"].as_array().unwrap().len(), 200);
    }
}

/// Where a cell of a web page was printed: its table's ordinal as the page, the row and column
/// of the grid with the spans expanded; the spans are recorded as merged ranges.
#[test]
fn pingtan_2023_cells_carry_their_table_row_and_column() {
    let doc = Document::read(
        data_file("documents/fujian/pingtan-annual-report-2023.html"),
        &ReadOptions::default(),
    )
    .unwrap();
    assert_eq!(doc.source.format, sunlit::document::SourceFormat::Html);
    assert_eq!(doc.source.tables.len(), 3);
    let requests = &doc.source.tables[1];
    assert_eq!(requests.pages, [2]);
    assert_eq!(
        requests.context.last().unwrap().text,
        "三、收到和处理政府信息公开申请情况"
    );
    let total = &requests.rows[3][9];
    assert_eq!(total.text, "81");
    assert_eq!(
        (total.at.page, total.at.row, total.at.column),
        (Some(2), 4, 10)
    );
    // The corner cell (colspan=3 rowspan=3), 申请人情况 (colspan=7) and 三、本年度办理结果 (rowspan=22).
    for span in [(0, 0, 2, 2), (0, 3, 0, 9), (5, 0, 26, 0)] {
        assert!(requests.merged.contains(&span), "{span:?}");
    }
    assert_eq!(requests.rows[2][4].text, "商业\n企业");
}
