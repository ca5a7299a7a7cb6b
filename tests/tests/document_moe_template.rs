//! The four-table template of the universities under the Ministry of Education (西南大学 2023 and
//! 2024 部门预算, 2023 决算: tests/data/documents/chongqing, SOURCE.md), read by its structure —
//! title variants, two-row headers with "其中" sub-columns, balances carried forward — on small
//! grids laid out as those documents print them (the real files are in the corpus test).

use sunlit::{
    Document, ReadOptions, Severity,
    document::{
        DocumentKind, Provenance, SourceCell, SourceDocument, SourceFormat, SourceLine, SourceTable,
    },
};

/// A grid on `page` with its title and unit printed above it and `merged` header ranges.
fn grid(page: u32, title: &str, rows: &[&[&str]], merged: &[(u32, u32, u32, u32)]) -> SourceTable {
    let at = |r: usize, c: usize| Provenance {
        file: "moe.pdf".into(),
        page: Some(page),
        sheet: None,
        row: r as u32 + 1,
        column: c as u32 + 1,
    };
    SourceTable {
        pages: vec![page],
        rows: rows
            .iter()
            .enumerate()
            .map(|(i, r)| {
                r.iter()
                    .enumerate()
                    .map(|(j, t)| SourceCell::new(*t, at(i, j)))
                    .collect()
            })
            .collect(),
        context: vec![
            SourceLine::new(page, title),
            SourceLine::new(page, "单位：万元"),
        ],
        merged: merged.to_vec(),
        ..Default::default()
    }
}

fn document(cover: &str, tables: Vec<SourceTable>) -> Document {
    let source = SourceDocument {
        path: "moe.pdf".into(),
        format: SourceFormat::Pdf,
        pages: 12,
        lines: vec![SourceLine::new(1, cover)],
        tables,
    };
    Document::from_source(source, &ReadOptions::default()).unwrap()
}

fn errors(doc: &Document) -> Vec<String> {
    doc.findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(ToString::to_string)
        .collect()
}

/// The column ids of table `number` as read.
fn roles(doc: &Document, number: u8) -> Vec<&'static str> {
    let t = doc.tables.iter().find(|t| t.number == Some(number));
    let table = t.and_then(|t| t.table.as_ref()).expect("table read");
    table.column_roles().iter().map(|r| r.id()).collect()
}

/// 收支预算总表 as SWU-B23 p7 prints it: 支出总计 = 本年支出合计 + 结转下年.
fn budget_summary() -> SourceTable {
    grid(
        7,
        "示例大学收支预算总表",
        &[
            &["收 入", "", "支 出", ""],
            &["项目", "预算数", "项目", "预算数"],
            &["一、财政拨款", "100.00", "一、教育支出", "130.00"],
            &["二、事业收入", "40.00", "", ""],
            &["本年收入合计", "140.00", "本年支出合计", "130.00"],
            &["上年结转", "10.00", "结转下年", "20.00"],
            &["收 入 总 计", "150.00", "支 出 总 计", "150.00"],
        ],
        &[(0, 0, 0, 1), (0, 2, 0, 3)],
    )
}

/// 收入预算表 as SWU-B23 p8 prints it: 上年结转 and 使用非财政拨款结余 are parts of 收入合计,
/// 事业收入 is a merged heading over 金额 and 其中：教育收费.
fn budget_income(primary_total: &str) -> SourceTable {
    grid(
        8,
        "示例大学收入预算表",
        &[
            &[
                "科目\n编码",
                "科目名称",
                "收入合计",
                "上年结转",
                "财政拨款\n收入",
                "事业收入",
                "",
                "使用非财\n政拨款结\n余",
            ],
            &["", "", "", "", "", "金额", "其中：教\n育收费", ""],
            &[
                "", "合计", "150.00", "10.00", "100.00", "30.00", "25.00", "10.00",
            ],
            &[
                "205",
                "教育支出",
                "150.00",
                "10.00",
                "100.00",
                "30.00",
                "25.00",
                "10.00",
            ],
            &[
                "20502",
                "普通教育",
                "150.00",
                "10.00",
                "100.00",
                "30.00",
                "25.00",
                "10.00",
            ],
            &[
                "2050202",
                "小学教育",
                primary_total,
                "",
                "60.00",
                "0.50",
                "",
                "",
            ],
            &[
                "2050205",
                "高等教育",
                "89.50",
                "10.00",
                "40.00",
                "29.50",
                "25.00",
                "10.00",
            ],
        ],
        &[(0, 5, 0, 6)],
    )
}

/// 支出预算表 / 财政拨款支出预算表 (SWU-B24 p10, p11): one line of figures under every level.
fn budget_expenditure(page: u32, title: &str, [total, basic, project]: [&str; 3]) -> SourceTable {
    grid(
        page,
        title,
        &[
            &["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
            &["205", "教育支出", total, basic, project],
            &["20502", "普通教育", total, basic, project],
            &["2050205", "高等教育", total, basic, project],
            &["合计", "", total, basic, project],
        ],
        &[],
    )
}

fn budget(primary_total: &str) -> Document {
    document(
        "示例大学2023年度部门预算",
        vec![
            budget_summary(),
            budget_income(primary_total),
            budget_expenditure(9, "示例大学支出预算表", ["130.00", "100.00", "30.00"]),
            budget_expenditure(
                10,
                "示例大学财政拨款支出预算表",
                ["100.00", "80.00", "20.00"],
            ),
        ],
    )
}

#[test]
fn the_four_budget_tables_are_tables_1_2_3_and_5_and_the_others_are_named_missing() {
    let doc = budget("60.50");
    assert_eq!(doc.kind, DocumentKind::Budget);
    let numbers: Vec<u8> = doc.tables.iter().filter_map(|t| t.number).collect();
    assert_eq!(numbers, [1, 2, 3, 5]);
    assert_eq!(doc.missing, [4, 6, 7, 8, 9]);
    assert!(doc.tables.iter().all(|t| t.table.is_some()));
}

#[test]
fn an_of_which_sub_column_is_read_as_a_part_of_its_parent_and_never_summed() {
    let doc = budget("60.50");
    assert_eq!(
        roles(&doc, 2),
        [
            "total",
            "carried_over",
            "appropriation",
            "operating_income",
            "of_which",
            "use_of_balance"
        ]
    );
    // 合计 150 = 10 + 100 + 30 + 10 (教育收费 25 is inside 事业收入 30); 支出总计 150 includes
    // 结转下年 20, which the expenditure table (130) does not hold.
    assert_eq!(errors(&doc), Vec::<String>::new());
}

#[test]
fn a_wrong_row_of_an_income_table_with_balance_columns_is_reported() {
    // 2050202: 60.00 + 0.50 = 60.50, printed 60.00 (SWU-B23 p8 prints 9,645.51 for 9,646.01).
    let doc = budget("60.00");
    let found: Vec<_> = doc
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error && f.rule == "tables.row_sum")
        .collect();
    assert_eq!(found.len(), 1, "{:?}", errors(&doc));
    assert_eq!(found[0].code.as_deref(), Some("2050202"));
    assert_eq!(found[0].expected, Some("60.50".parse().unwrap()));
}

/// 表 2：高等学校收入决算表 as SWU-F23 p10 prints it (a title sunlit recognised before).
fn final_income() -> SourceTable {
    grid(
        10,
        "表 2：高等学校收入决算表",
        &[
            &[
                "科目编码",
                "科目名称",
                "本年收入合\n计",
                "财政拨款收\n入",
                "事业收入",
                "",
                "其他收入",
            ],
            &["", "", "", "", "金额", "其中：教育\n收费", ""],
            &[
                "205",
                "教育支出",
                "140.00",
                "100.00",
                "30.00",
                "20.00",
                "10.00",
            ],
            &[
                "20502",
                "普通教育",
                "140.00",
                "100.00",
                "30.00",
                "20.00",
                "10.00",
            ],
            &[
                "2050205",
                "高等教育",
                "140.00",
                "100.00",
                "30.00",
                "20.00",
                "10.00",
            ],
            &["", "合计", "140.00", "100.00", "30.00", "20.00", "10.00"],
        ],
        &[(0, 4, 0, 5)],
    )
}

#[test]
fn the_of_which_column_of_a_final_income_table_is_never_added_into_the_row_sum() {
    // 本年收入合计 140 = 100 + 30 + 10; adding 其中：教育收费 20 instead of 金额 30 gave six
    // false row_sum errors on SWU-F23 p10–11.
    let doc = document("示例大学2023年度部门决算", vec![final_income()]);
    assert_eq!(errors(&doc), Vec::<String>::new());
    let t = doc.tables.iter().find(|t| t.number == Some(2)).unwrap();
    let table = t.table.as_ref().unwrap();
    let sub = table
        .columns()
        .iter()
        .position(|c| c == "事业收入")
        .unwrap();
    assert_eq!(table.rows()[0].cells[sub], Some("30.00".parse().unwrap()));
}

#[test]
fn a_plain_title_does_not_take_a_kind_another_table_names() {
    // 江苏 2019: a 财政拨款支出预算表 beside the 一般公共预算支出预算表 (table 5) is not table 5.
    let doc = document(
        "某市某局2019年部门预算",
        vec![
            budget_expenditure(
                16,
                "某市某局财政拨款支出预算表",
                ["130.00", "100.00", "30.00"],
            ),
            budget_expenditure(
                18,
                "某市某局一般公共预算支出预算表",
                ["100.00", "80.00", "20.00"],
            ),
            budget_expenditure(22, "某市某局政府采购支出预算表", ["10.00", "", "10.00"]),
        ],
    );
    let numbers: Vec<Option<u8>> = doc.tables.iter().map(|t| t.number).collect();
    // Nor is a 政府采购支出预算表 the 支出预算表 of the four-table set.
    assert_eq!(numbers, [None, Some(5), None]);
}

#[test]
fn the_final_accounts_appropriation_table_is_table_5_with_its_project_sub_columns() {
    let income = final_income();
    let appropriation = grid(
        14,
        "表 4：高等学校财政拨款支出决算表",
        &[
            &["项目", "", "", "", "本年支出", "", "", ""],
            &[
                "科目编码",
                "",
                "",
                "科目名称",
                "合计",
                "基本支出",
                "项目支出",
                "",
            ],
            &["", "", "", "", "", "", "小计", "其中：基本建设资金支\n出"],
            &["类", "款", "项", "合计", "100.00", "70.00", "30.00", "5.00"],
            &[
                "205",
                "",
                "",
                "教育支出",
                "100.00",
                "70.00",
                "30.00",
                "5.00",
            ],
            &[
                "20502",
                "",
                "",
                "普通教育",
                "100.00",
                "70.00",
                "30.00",
                "5.00",
            ],
            &[
                "2050205",
                "",
                "",
                "高等教育",
                "100.00",
                "70.00",
                "30.00",
                "5.00",
            ],
        ],
        &[
            (0, 0, 0, 3),
            (0, 4, 0, 7),
            (1, 0, 2, 2),
            (1, 3, 2, 3),
            (1, 4, 2, 4),
            (1, 5, 2, 5),
            (1, 6, 1, 7),
        ],
    );
    let doc = document("示例大学2023年度部门决算", vec![income, appropriation]);
    assert_eq!(doc.kind, DocumentKind::Final);
    let numbers: Vec<u8> = doc.tables.iter().filter_map(|t| t.number).collect();
    assert_eq!(numbers, [2, 5]);
    assert_eq!(
        roles(&doc, 2),
        [
            "total",
            "appropriation",
            "operating_income",
            "of_which",
            "other_income"
        ]
    );
    assert_eq!(roles(&doc, 5), ["total", "basic", "project", "of_which"]);
    assert_eq!(errors(&doc), Vec::<String>::new());
    assert!(
        !doc.findings
            .iter()
            .any(|f| f.rule == "document.duplicate_table"),
        "{:?}",
        doc.findings
    );
}
