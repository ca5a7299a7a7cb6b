//! Layouts beyond the standard nine-table form, on the real Jiangsu provincial department budgets
//! of the corpus (`tests/data/documents/jiangsu/`, provenance in `SOURCE.md`): twelve tables
//! '公开01表' … '公开12表' mapped by title to the standard nine, captions inside Excel-made grids,
//! one-amount function / economic tables with 合计 first, a single-row 支出预算总表, and no false
//! error finding.

use rust_decimal::Decimal;
use sunlit::{Document, ReadOptions, Severity, tables::TableColumn};
use sunlit_tests::data_file;

fn read(name: &str) -> Document {
    Document::read(
        data_file(&format!("documents/jiangsu/{name}")),
        &ReadOptions::default(),
    )
    .expect("readable")
}

fn amount(doc: &Document, number: u8, code: Option<&str>, label: &str) -> Option<Decimal> {
    let t = doc
        .tables
        .iter()
        .filter(|t| t.number == Some(number))
        .find_map(|t| t.table.as_ref())?;
    let row = t.rows().iter().find(|r| match code {
        Some(c) => r.code.is_some_and(|x| x.to_string() == c),
        None => sunlit::document::normalize_text(&r.name) == label,
    })?;
    let col = t
        .column(TableColumn::Amount)
        .or_else(|| t.column(TableColumn::Total))
        .unwrap_or(0);
    row.cells.get(col).copied().flatten()
}

/// No error finding about the tables. The explanation text's real errors (`narrative.*`, listed
/// and hand-checked in tests/data/documents/narrative.json) are the narrative test's business.
fn no_errors(doc: &Document) {
    let errors: Vec<String> = doc
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error && !f.rule.starts_with("narrative."))
        .map(ToString::to_string)
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn excel_made_twelve_table_budget_is_mapped_to_the_nine() {
    let doc = read("jiangsu-cppcc-office-budget-tables-2019.pdf");
    assert_eq!(doc.year, Some(2019), "year from the captions");
    for n in [1, 2, 3, 4, 5, 6, 8, 9] {
        assert!(
            doc.tables.iter().any(|t| t.number == Some(n)),
            "table {n} recognised"
        );
    }
    assert_eq!(doc.missing, vec![7]);
    let d = |s: &str| s.parse::<Decimal>().ok();
    assert_eq!(amount(&doc, 5, None, "合计"), d("13297.11"));
    assert_eq!(amount(&doc, 5, Some("2010201"), ""), d("5223.22"));
    assert_eq!(amount(&doc, 8, Some("302"), ""), d("1130.74"));
    no_errors(&doc);
}

#[test]
fn word_made_budget_with_scattered_cells_is_read() {
    let doc = read("jiangsu-procuratorate-budget-2019.pdf");
    let d = |s: &str| s.parse::<Decimal>().ok();
    assert_eq!(amount(&doc, 5, None, "合计"), d("24169.74"));
    assert_eq!(amount(&doc, 5, Some("2040401"), ""), d("12268.62"));
    // 公开08 continues on p.19 without a repeated header.
    assert_eq!(amount(&doc, 8, Some("303"), ""), d("1491.50"));
    assert_eq!(amount(&doc, 8, Some("30216"), ""), d("70.00"));
    // 支出预算总表: one row, its figures a column left of their headings.
    let t3 = doc
        .tables
        .iter()
        .find(|t| t.number == Some(3))
        .and_then(|t| t.table.as_ref())
        .expect("table 3 read");
    let row = t3.rows().first().expect("one row");
    let basic = t3.column(TableColumn::Basic).expect("基本支出");
    assert_eq!(row.cells.get(basic).copied().flatten(), d("15844.04"));
    no_errors(&doc);
}

#[test]
fn numbered_captions_of_2017_are_mapped_and_continuations_joined() {
    let doc = read("jiangsu-high-court-budget-2017.pdf");
    assert_eq!(doc.year, Some(2017));
    let d = |s: &str| s.parse::<Decimal>().ok();
    assert_eq!(amount(&doc, 5, Some("204"), ""), d("23513.11"));
    // 九 continues on p.16; its first row there (30206 电费) was read as a text line.
    assert_eq!(amount(&doc, 8, Some("30206"), ""), d("235.00"));
    assert_eq!(amount(&doc, 8, Some("302"), ""), d("3528.37"));
    no_errors(&doc);
}

fn cell(doc: &Document, number: u8, row: &str, column: TableColumn) -> Option<Decimal> {
    doc.tables
        .iter()
        .filter(|t| t.number == Some(number))
        .filter_map(|t| t.table.as_ref())
        .find_map(|t| {
            let r = t
                .rows()
                .iter()
                .find(|r| sunlit::document::normalize_text(&r.name).ends_with(row))?;
            r.cells.get(t.column(column)?).copied().flatten()
        })
}

#[test]
fn three_block_summary_income_list_and_three_public_with_extra_columns() {
    let doc = read("jiangsu-procuratorate-budget-2019.pdf");
    let d = |s: &str| s.parse::<Decimal>().ok();
    // 收支预算总表: three blocks, wrapped '三、单位预留机动经' / '费' with its amount between.
    assert_eq!(
        cell(&doc, 1, "单位预留机动经费", TableColumn::Amount),
        d("3990.40")
    );
    assert_eq!(
        cell(&doc, 1, "公共安全支出", TableColumn::Amount),
        d("16593.12")
    );
    assert_eq!(
        cell(&doc, 1, "支出合计", TableColumn::Amount),
        d("24169.74")
    );
    // 收入预算总表 as a list.
    assert_eq!(
        cell(&doc, 2, "收入总计", TableColumn::Amount),
        d("24169.74")
    );
    // “三公”经费、会议费、培训费: 3-level header, figures without separators ('80', '237').
    assert_eq!(cell(&doc, 9, "", TableColumn::AbroadTravel), d("80"));
    assert_eq!(cell(&doc, 9, "", TableColumn::VehicleOperation), d("237"));
    assert_eq!(cell(&doc, 9, "", TableColumn::Total), d("1276.7"));
    // 机关运行经费支出预算表 read as part of table 9.
    assert!(
        doc.tables
            .iter()
            .any(|t| t.number == Some(9) && t.kind.is_none() && t.table.is_some())
    );
    // 政府性基金 table printed empty: recognised as table 6.
    assert!(doc.tables.iter().any(|t| t.number == Some(6)));
}
