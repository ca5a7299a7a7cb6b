//! Reading real published documents into a `SourceDocument`: PDF tables continued over pages,
//! merged header cells, context lines; workbook sheets with merged cells; GBK CSV; errors that
//! name the place. The documents are described in tests/data/documents/SOURCE-readers.md.

use sunlit::{
    Error, ReadOptions,
    document::{SourceDocument, SourceFormat, SourceTable},
};
use sunlit_tests::data_file;

const SFJ: &str = "documents/shanghai/putuo-sfj-budget-2026.pdf";
const WANLI: &str = "documents/shanghai/putuo-wanli-budget-2024.pdf";
const TEMPLATE: &str = "documents/readers/shanghai_putuo_dept_budget_template.xlsx";
const GBK_CSV: &str = "documents/readers/shanghai_putuo_sfj_2026_table1_gbk.csv";
const FULIYUAN: &str = "documents/shanghai/putuo-welfare-unit-budget-2024.pdf";
const XLS: &str = "documents/readers/shanghai_putuo_sfj_2026_tables_1_9.xls";
const PROCURATORATE: &str = "documents/jiangsu/jiangsu-procuratorate-budget-2019.pdf";
const HIGH_COURT: &str = "documents/jiangsu/jiangsu-high-court-budget-2017.pdf";

fn read(relative: &str) -> SourceDocument {
    SourceDocument::read(data_file(relative), &ReadOptions::default()).unwrap()
}

fn titled<'a>(doc: &'a SourceDocument, title: &str) -> &'a SourceTable {
    doc.tables
        .iter()
        .find(|t| t.context.iter().any(|l| l.norm.contains(title)))
        .unwrap_or_else(|| panic!("no table titled {title}"))
}

fn texts(row: &[sunlit::document::SourceCell]) -> Vec<&str> {
    row.iter().map(|c| c.text.as_str()).collect()
}

#[test]
fn a_table_continued_over_four_pages_is_joined() {
    let start = std::time::Instant::now();
    let doc = read(WANLI);
    let spent = start.elapsed();
    assert_eq!(doc.format, SourceFormat::Pdf);
    assert_eq!(doc.pages, 33);
    // Debug builds are slow; the release figure (about 2 ms a page) is in the report.
    assert!(spent.as_secs() < 20, "{spent:?}");
    let t = titled(&doc, "2024年部门收入预算总表");
    // Page 15 holds only its 合计 row, ruled as a grid of its own with merged label cells.
    assert_eq!(t.pages, vec![11, 12, 13, 14, 15]);
    assert_eq!(t.continuations, vec![15, 33, 51, 69]);
    assert_eq!(t.rows[69][0].text, "合计");
    assert_eq!(t.rows[69][0].at.page, Some(15));
    let width = t.rows[0].len();
    assert!(t.rows.iter().all(|r| r.len() == width));
    // The first row of each continuation is on its page, row 1 of that page's grid.
    for (&k, &page) in t.continuations.iter().zip(&t.pages[1..4]) {
        for (j, c) in t.rows[k].iter().enumerate() {
            assert_eq!(c.at.page, Some(page));
            assert_eq!(c.at.row, 1);
            assert_eq!(c.at.column as usize, j + 1);
        }
    }
    assert_eq!(
        texts(&t.rows[15])[..5],
        ["201", "38", "02", "一般行政管理事务", "135,200"]
    );
    // Context: title, then the 编制部门 … 单位：元 line, nearest last.
    let ctx: Vec<&str> = t.context.iter().map(|l| l.text.as_str()).collect();
    assert_eq!(
        ctx.last().copied(),
        Some("编制部门：上海市普陀区人民政府万里街道办事处 单位：元")
    );
    // Every grid of the document is rectangular; every cell has a page.
    for t in &doc.tables {
        let w = t.rows[0].len();
        for r in &t.rows {
            assert_eq!(r.len(), w);
            assert!(
                r.iter()
                    .all(|c| c.at.page.is_some_and(|p| t.pages.contains(&p)))
            );
        }
    }
}

#[test]
fn a_continuation_with_a_repeated_header_keeps_it() {
    let doc = read(SFJ);
    let t = titled(&doc, "2026年部门一般公共预算支出功能分类预算表");
    assert_eq!(t.pages, vec![15, 16]);
    let k = t.continuations[0];
    // The header is printed again on page 16; recognition drops it.
    assert_eq!(texts(&t.rows[k]), texts(&t.rows[0]));
    assert_eq!(t.rows[k][0].at.page, Some(16));
    // Without a repeated header: 支出预算总表 continues on page 13 with its next 项.
    let t = titled(&doc, "2026年部门支出预算总表");
    assert_eq!(t.pages, vec![12, 13]);
    let k = t.continuations[0];
    assert_eq!(
        texts(&t.rows[k])[..4],
        ["208", "05", "06", "机关事业单位职业年金缴费支出"]
    );
    assert_eq!(
        t.rows[k][4].at.to_string(),
        format!("{} p.13 r1 c5", data_file(SFJ).display())
    );
}

#[test]
fn merged_header_cells_keep_their_text_top_left() {
    let doc = read(SFJ);
    let t = titled(&doc, "三公");
    assert_eq!(t.pages, vec![21]);
    assert_eq!(t.rows[0][0].text, "“三公”经费预算数");
    assert!(t.rows[0][1..6].iter().all(|c| c.is_blank()));
    assert!(t.merged.contains(&(0, 0, 0, 5)));
    // Wrapped labels keep their line break; the normalised text drops it.
    assert_eq!(t.rows[0][6].text, "机关运行经费预算\n数");
    assert_eq!(t.rows[0][6].norm, "机关运行经费预算数");
    assert!(t.context.last().unwrap().norm.contains("单位:万元"));
    // The running text holds titles and narrative, page by page.
    assert_eq!(doc.lines[0].text, "上海市普陀区2026年区级部门预算");
    assert!(doc.lines.windows(2).all(|w| w[0].page <= w[1].page));
    assert!(
        doc.lines
            .iter()
            .any(|l| l.page == 22 && l.norm.contains("三公"))
    );
}

#[test]
fn digits_stay_on_their_labels_line() {
    // Every amount printed in the 支出预算总表 appears on a line together with its label.
    let doc = read(SFJ);
    let line = doc
        .lines
        .iter()
        .find(|l| l.page == 13 && l.text.starts_with("208 05 06"))
        .unwrap();
    assert_eq!(
        line.text,
        "208 05 06 机关事业单位职业年金缴费支出 919739.00 919739.00 0.00"
    );
}

#[test]
fn workbook_sheets_with_merged_cells() {
    let doc = read(TEMPLATE);
    assert_eq!(doc.format, SourceFormat::Xlsx);
    assert_eq!(doc.pages, 17);
    assert_eq!(doc.tables.len(), 17);
    let (i, t) = doc
        .tables
        .iter()
        .enumerate()
        .find(|(_, t)| t.sheet.as_deref() == Some("部门收支总表"))
        .unwrap();
    assert_eq!(t.rows[1][0].text, "2026年部门财务收支预算总表");
    assert!(t.merged.contains(&(1, 0, 1, 3)));
    assert!(t.rows[1][1..].iter().all(|c| c.is_blank()));
    assert_eq!(t.rows[3][3].text, "单位：元");
    let at = &t.rows[6][1].at;
    assert_eq!(
        (at.page, at.sheet.as_deref(), at.row, at.column),
        (None, Some("部门收支总表"), 7, 2)
    );
    assert_eq!(t.rows[6][1].text, "预算数");
    // Lines: the sheet's rows, page = sheet index + 1.
    let page = u32::try_from(i + 1).unwrap();
    assert!(
        doc.lines
            .iter()
            .any(|l| l.page == page && l.text == "2026年部门财务收支预算总表")
    );
}

#[test]
fn a_gbk_csv_is_detected_or_declared() {
    let bytes = std::fs::read(data_file(GBK_CSV)).unwrap();
    assert!(std::str::from_utf8(&bytes).is_err());
    let doc = read(GBK_CSV);
    let t = &doc.tables[0];
    assert_eq!(t.rows[0][0].text, "2026年部门财务收支预算总表");
    assert_eq!(
        texts(&t.rows[4]),
        [
            "一、财政拨款收入",
            "96,282,213.44",
            "一、公共安全支出",
            "87,267,272.44"
        ]
    );
    // CRLF: the fifth record is on physical line 5.
    assert_eq!(t.rows[4][1].at.row, 5);
    assert!(t.rows.iter().all(|r| r.len() == 4));
    let declared = ReadOptions {
        encoding: Some("gbk".into()),
        ..ReadOptions::default()
    };
    assert_eq!(
        SourceDocument::read(data_file(GBK_CSV), &declared).unwrap(),
        doc
    );
    // Declared wrongly: an error naming the byte and the line, never a mis-decoding.
    let wrong = ReadOptions {
        encoding: Some("utf-8".into()),
        ..ReadOptions::default()
    };
    let e = SourceDocument::read(data_file(GBK_CSV), &wrong).unwrap_err();
    let msg = e.to_string();
    assert!(matches!(e, Error::File { .. }));
    assert!(msg.contains("byte 0xC4 at byte offset 4 (line 1)"), "{msg}");
}

#[test]
fn csv_line_numbers_with_crlf_cr_and_blank_lines() {
    let text = "项目,金额\r\n\r\n教育支出,\"1,000.00\"\r\"多行\r\n说明\",2\r\n\r\n合计,3\r\n";
    let doc =
        SourceDocument::from_csv_bytes("t.csv", text.as_bytes(), &ReadOptions::default()).unwrap();
    let lines: Vec<(u32, &str)> = doc.tables[0]
        .rows
        .iter()
        .map(|r| (r[0].at.row, r[0].text.as_str()))
        .collect();
    assert_eq!(
        lines,
        [
            (1, "项目"),
            (3, "教育支出"),
            (4, "多行\r\n说明"),
            (7, "合计")
        ]
    );
    assert_eq!(doc.tables[0].rows[1][1].text, "1,000.00");
}

#[test]
fn csv_malformed_quoting_is_an_error() {
    let e = SourceDocument::from_csv_bytes(
        "t.csv",
        "项目,金额\n教育支出,\"1,0\"00\n".as_bytes(),
        &ReadOptions::default(),
    )
    .unwrap_err()
    .to_string();
    assert!(e.contains("t.csv"), "{e}");
    assert!(e.contains("line 2, column \"field 2\""), "{e}");
}

/// A one-page PDF with no text (as a scan without OCR would be, minus the image).
fn blank_pdf() -> Vec<u8> {
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        "<< /Length 0 >>\nstream\n\nendstream",
    ];
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, o) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{o}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for o in offsets {
        out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

#[test]
fn a_pdf_without_text_layer_is_refused_clearly() {
    let e = SourceDocument::from_bytes(
        "scan.pdf",
        SourceFormat::Pdf,
        &blank_pdf(),
        &ReadOptions::default(),
    )
    .unwrap_err();
    match e {
        Error::File { path, reason, kind } => {
            assert_eq!(kind, std::io::ErrorKind::InvalidData);
            assert_eq!(path, "scan.pdf");
            assert!(reason.contains("no text layer"), "{reason}");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn malformed_pdfs_are_errors_not_panics() {
    let good = std::fs::read(data_file(SFJ)).unwrap();
    for cut in [0, 10, 1000, good.len() / 2, good.len() - 10] {
        let r = SourceDocument::from_bytes(
            "cut.pdf",
            SourceFormat::Pdf,
            &good[..cut],
            &ReadOptions::default(),
        );
        if let Err(e) = r {
            assert!(matches!(e, Error::File { .. }), "{e:?}");
        }
    }
}

#[test]
fn a_grid_printing_its_own_title_gets_it_as_context_and_is_not_a_continuation() {
    let doc = read(FULIYUAN);
    let t = titled(&doc, "2024年预算单位财政拨款收支预算总表");
    // Page 10 is ruled as a whole: the title and 单位 line are grid rows, kept in the grid and
    // given as context; the grid does not continue page 9's table.
    assert_eq!(t.pages, vec![10]);
    assert_eq!(t.rows[1][0].text, "2024年预算单位财政拨款收支预算总表");
    let ctx: Vec<&str> = t.context.iter().map(|l| l.text.as_str()).collect();
    assert_eq!(
        ctx,
        [
            "2024年预算单位财政拨款收支预算总表",
            "编制单位：上海市普陀区社会福利院 单位：元"
        ]
    );
    let before = titled(&doc, "2024年预算单位支出预算总表");
    assert_eq!(before.pages, vec![9]);
}

#[test]
fn an_xls_workbook_with_merged_cells_and_numbers() {
    let doc = read(XLS);
    assert_eq!(doc.format, SourceFormat::Xls);
    assert_eq!(doc.pages, 2);
    let t = &doc.tables[1];
    assert_eq!(t.sheet.as_deref(), Some("表九 三公经费"));
    assert!(t.merged.contains(&(2, 0, 2, 5)));
    assert!(t.merged.contains(&(2, 6, 4, 6)));
    assert_eq!(t.rows[2][0].text, "“三公”经费预算数");
    assert!(t.rows[3][6].is_blank() && t.rows[4][6].is_blank());
    // Numbers print as the spreadsheet shows them, without float artefacts.
    assert_eq!(
        texts(&t.rows[5]),
        ["10.81", "0", "0.83", "9.98", "0", "9.98", "217.83"]
    );
    let at = &t.rows[5][6].at;
    assert_eq!(
        (at.page, at.sheet.as_deref(), at.row, at.column),
        (None, Some("表九 三公经费"), 6, 7)
    );
    let t = &doc.tables[0];
    assert_eq!(texts(&t.rows[4])[1], "96282213.44");
    assert!(
        doc.lines
            .iter()
            .any(|l| l.page == 2 && l.norm == "编制部门:上海市普陀区司法局单位:万元")
    );
}

#[test]
fn a_continuation_ruled_with_fewer_columns_is_laid_onto_the_grid() {
    // Jiangsu 2019 (Excel export, double rules): 公开08表 continues on page 19 with 5 grid
    // columns where page 18 has 9; each cell lands under its column.
    let doc = read(PROCURATORATE);
    let t = titled(&doc, "一般公共预算基本支出预算表(经济科目)");
    assert_eq!(t.pages, vec![18, 19]);
    let k = t.continuations[0];
    let above = &t.rows[k - 1];
    let first = &t.rows[k];
    let col =
        |r: &[sunlit::document::SourceCell], text: &str| r.iter().position(|c| c.text == text);
    assert_eq!(col(above, "30102"), col(first, "30103"));
    assert_eq!(col(above, "津贴补贴"), col(first, "奖金"));
    assert_eq!(col(above, "6,372.51"), col(first, "180.14"));
    // Provenance is the cell's own grid on its page.
    let amount = &first[col(first, "180.14").unwrap()];
    assert_eq!(
        (amount.at.page, amount.at.row, amount.at.column),
        (Some(19), 1, 3)
    );
}

#[test]
fn a_row_printed_above_a_continued_grid_is_not_lost() {
    // Word 2007: the first row of a table continued on page 14 is printed above the rulings.
    let doc = read(HIGH_COURT);
    let t = titled(&doc, "五、2017年度江苏省高级人民法院部门财政拨款支出预算表");
    assert_eq!(t.pages, vec![13, 14]);
    let labels: Vec<(&str, &str)> = t.rows[t.rows.len() - 3..]
        .iter()
        .map(|r| (r[2].text.as_str(), r[4].text.as_str()))
        .collect();
    assert_eq!(
        labels,
        [
            ("住房改革支出", "2,989.14"),
            ("住房公积金", "1,029.15"),
            ("提租补贴", "1,959.99")
        ]
    );
    let recovered = &t.rows[t.rows.len() - 2][0];
    assert_eq!((recovered.at.page, recovered.at.row), (Some(14), 1));
}
