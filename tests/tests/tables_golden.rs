//! Published tables on the golden data of `tests/data/tables` (see its README): the 城管执法局
//! 2026 budget tables (fiscal.md §4.1) hold every identity; each corrupted copy raises exactly
//! the findings listed in `corrupted/cases.csv`; a synthetic 万元 final account off by 0.01
//! through rounding passes, the same with a 0.05 error fails once.

use std::str::FromStr;

use rust_decimal::Decimal;
use sunlit::{
    Catalog, Finding, Ledger, PublishedTable, RollupOptions, Severity, Unit,
    money::ToleranceOptions,
    tables::{DisclosureDocument, RenderOptions, TableCheckOptions, TableKind, TableLedgerOptions},
};
use sunlit_tests::{data_file, field, read_document, read_published_table, read_table};

fn errors(findings: &sunlit::Findings) -> Vec<&Finding> {
    findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .collect()
}

#[test]
fn chengguan_document_has_no_errors() {
    let doc = DisclosureDocument::new(read_document("tables/chengguan_2026", None)).unwrap();
    assert_eq!(doc.tables().len(), 4);
    let findings = doc.check(&TableCheckOptions::default()).unwrap();
    assert!(errors(&findings).is_empty(), "{findings:#?}");
    // The economic table holds only the 类 totals fiscal.md gives: granularity warns, per 类.
    let warnings: Vec<(&str, &str)> = findings
        .iter()
        .map(|f| (f.rule.as_str(), f.code.as_deref().unwrap_or("")))
        .collect();
    assert_eq!(
        warnings,
        [
            ("tables.granularity", "301"),
            ("tables.granularity", "302"),
            ("tables.granularity", "303"),
            ("tables.granularity", "310")
        ]
    );
    let g = findings.as_slice()[0].clone();
    assert_eq!(
        (g.expected, g.actual),
        (Some(Decimal::from(5)), Some(Decimal::from(3)))
    );
}

#[test]
fn chengguan_identities_are_really_checked() {
    // 机关运行经费 507.25 万元 ≈ 公用经费 5,072,538 元 within 0.005 万元; 507.26 is not.
    let t9 = read_published_table(
        "tables/chengguan_2026/t9_three_public.csv",
        "budget_three_public",
        "万元",
    );
    let csv = t9.to_csv_string().unwrap().replace(",507.25", ",507.26");
    let off = PublishedTable::read_csv_str(
        &csv,
        &sunlit::tables::TableReadOptions {
            unit: Unit::WanYuan,
            kind: Some(TableKind::BudgetThreePublic),
            title: None,
            ..Default::default()
        },
    )
    .unwrap();
    let doc = DisclosureDocument::new(read_document("tables/chengguan_2026", None))
        .unwrap()
        .tables()
        .iter()
        .filter(|t| t.kind() != Some(TableKind::BudgetThreePublic))
        .cloned()
        .chain([off])
        .collect::<Vec<_>>();
    let f = DisclosureDocument::new(doc)
        .unwrap()
        .check(&TableCheckOptions::default())
        .unwrap();
    let rc: Vec<&Finding> = f
        .iter()
        .filter(|f| f.rule == "tables.running_costs")
        .collect();
    assert_eq!(rc.len(), 1);
    assert_eq!(rc[0].severity, Severity::Warning);
    assert_eq!(rc[0].expected, Some(Decimal::from_str("507.2538").unwrap()));
    // T8 合计 ≠ T5 基本支出 合计 is identity 5.
    let t8 = read_published_table(
        "tables/chengguan_2026/t8_basic_economic.csv",
        "budget_basic_economic",
        "元",
    );
    let csv = t8
        .to_csv_string()
        .unwrap()
        .replace(",合计,36197265", ",合计,36197266");
    let t8 = PublishedTable::read_csv_str(
        &csv,
        &sunlit::tables::TableReadOptions {
            kind: Some(TableKind::BudgetBasicEconomic),
            ..Default::default()
        },
    )
    .unwrap();
    let t5 = read_published_table(
        "tables/chengguan_2026/t5_general_functional.csv",
        "budget_general_functional",
        "元",
    );
    let f = DisclosureDocument::new(vec![t5, t8])
        .unwrap()
        .check(&TableCheckOptions::default())
        .unwrap();
    let rules: Vec<&str> = errors(&f).iter().map(|f| f.rule.as_str()).collect();
    assert!(rules.contains(&"tables.basic_economic"), "{rules:?}");
}

#[test]
fn every_corrupted_copy_raises_exactly_its_findings() {
    let cases = read_table("tables/corrupted/cases.csv", b',');
    let mut files: Vec<&str> = cases.iter().map(|c| field(c, "file")).collect();
    files.dedup();
    assert_eq!(files.len(), 5);
    for file in files {
        let rows: Vec<_> = cases.iter().filter(|c| field(c, "file") == file).collect();
        let t = read_published_table(
            &format!("tables/corrupted/{file}"),
            field(rows[0], "kind"),
            field(rows[0], "unit"),
        );
        let findings = t.check(&TableCheckOptions::default()).unwrap();
        let got: Vec<[String; 6]> = errors(&findings)
            .iter()
            .map(|f| {
                [
                    f.rule.clone(),
                    f.severity.id().to_owned(),
                    f.code.clone().unwrap_or_default(),
                    f.column.clone().unwrap_or_default(),
                    f.expected
                        .map(|d| d.normalize().to_string())
                        .unwrap_or_default(),
                    f.actual
                        .map(|d| d.normalize().to_string())
                        .unwrap_or_default(),
                ]
            })
            .collect();
        let want: Vec<[String; 6]> = rows
            .iter()
            .map(|c| {
                ["rule", "severity", "code", "column", "expected", "actual"].map(|k| {
                    let v = field(c, k);
                    match Decimal::from_str(v) {
                        Ok(d) if k == "expected" || k == "actual" => d.normalize().to_string(),
                        _ => v.to_owned(),
                    }
                })
            })
            .collect();
        assert_eq!(got, want, "{file}");
    }
}

#[test]
fn rounded_final_accounts_pass_and_a_real_error_is_found() {
    let doc = DisclosureDocument::new(read_document("tables/synthetic_final_2024", None)).unwrap();
    let findings = doc.check(&TableCheckOptions::default()).unwrap();
    assert!(errors(&findings).is_empty(), "{findings:#?}");
    // The rounding artefacts are real: checked exactly, the same document is full of them.
    let exact = TableCheckOptions {
        tolerance: ToleranceOptions::exact(),
        ..Default::default()
    };
    assert!(errors(&doc.check(&exact).unwrap()).len() >= 5);

    let broken = DisclosureDocument::new(read_document(
        "tables/synthetic_final_2024",
        Some(("final_summary", "f1_summary_error.csv")),
    ))
    .unwrap();
    let findings = broken.check(&TableCheckOptions::default()).unwrap();
    let errs = errors(&findings);
    assert_eq!(errs.len(), 1, "{findings:#?}");
    let f = errs[0];
    assert_eq!(f.rule, "tables.summary_balance");
    assert_eq!(f.code.as_deref(), Some("收入总计"));
    assert_eq!(f.expected, Some(Decimal::from_str("664.72").unwrap()));
    assert_eq!(f.actual, Some(Decimal::from_str("664.67").unwrap()));
}

#[test]
fn a_table_becomes_ledger_lines_and_renders_back() {
    let t5 = read_published_table(
        "tables/chengguan_2026/t5_general_functional.csv",
        "budget_general_functional",
        "元",
    );
    let opts = TableLedgerOptions {
        year: 2026,
        unit: "上海市普陀区城市管理行政执法局".into(),
        ..Default::default()
    };
    let ledger = t5.to_ledger(&opts).unwrap();
    // Leaves only: the ledger of the budget golden data, line for line.
    let golden = Ledger::read_csv_path(data_file("budget/chengguan_2026_ledger.csv")).unwrap();
    assert_eq!(ledger, golden);
    // With the printed subtotals as lines, the ledger's own subtotal check agrees, and it catches
    // the corrupted 类.
    let with = |t: &PublishedTable| {
        t.to_ledger(&TableLedgerOptions {
            subtotals: true,
            ..opts.clone()
        })
        .unwrap()
        .rollup(&RollupOptions {
            subtotals: sunlit::budget::Subtotals::Check,
            ..Default::default()
        })
        .unwrap()
    };
    let checked = with(&t5);
    assert!(checked.findings().is_empty());
    assert_eq!(checked.total(&[]).unwrap(), Some(Decimal::from(47_483_458)));
    let broken = read_published_table(
        "tables/corrupted/class_total_changed.csv",
        "budget_general_functional",
        "元",
    );
    let f = with(&broken);
    let codes: Vec<(&str, Option<&str>)> = f
        .findings()
        .iter()
        .map(|f| (f.rule.as_str(), f.code.as_deref()))
        .collect();
    assert_eq!(codes, [("budget.subtotal_mismatch", Some("208"))]);
    let r = ledger.rollup(&RollupOptions::default()).unwrap();
    assert_eq!(r.total(&[]).unwrap(), Some(Decimal::from(47_483_458)));
    let back = PublishedTable::from_ledger(
        &ledger,
        Catalog::seed(),
        &RenderOptions {
            kind: Some(TableKind::BudgetGeneralFunctional),
            ..Default::default()
        },
    )
    .unwrap();
    let cells = |t: &PublishedTable| -> Vec<(String, Vec<Option<Decimal>>)> {
        t.rows()
            .iter()
            .map(|r| (r.key(), r.cells.clone()))
            .collect()
    };
    assert_eq!(cells(&back), cells(&t5));
    let names =
        |t: &PublishedTable| -> Vec<String> { t.rows().iter().map(|r| r.name.clone()).collect() };
    assert_eq!(names(&back), names(&t5));
    assert!(
        back.check(&TableCheckOptions::default())
            .unwrap()
            .is_empty()
    );
    // Rendered in 万元 the cells are rounded one by one, and the result still checks.
    let wan = PublishedTable::from_ledger(
        &ledger,
        Catalog::seed(),
        &RenderOptions {
            kind: Some(TableKind::BudgetGeneralFunctional),
            unit: Unit::WanYuan,
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(
        wan.rows()[0].cells[0],
        Some(Decimal::from_str("639.71").unwrap())
    );
    assert!(errors(&wan.check(&TableCheckOptions::default()).unwrap()).is_empty());
}

#[test]
fn csv_and_json_forms_are_the_same_table() {
    let t5 = read_published_table(
        "tables/chengguan_2026/t5_general_functional.csv",
        "budget_general_functional",
        "元",
    );
    let json = t5.to_json();
    let again = PublishedTable::from_json(&json).unwrap();
    assert_eq!(again.kind(), t5.kind());
    assert_eq!(again.to_csv_string().unwrap(), t5.to_csv_string().unwrap());
    let whole = PublishedTable::read_csv_str(
        &t5.to_csv_string().unwrap(),
        &sunlit::tables::TableReadOptions {
            kind: t5.kind(),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(whole.rows().len(), t5.rows().len());
    // The title in a file name is recognised.
    let dir = std::env::temp_dir().join(format!("sunlit-tables-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("2026年城管执法局一般公共预算支出功能分类预算表.csv");
    std::fs::write(&path, t5.to_csv_string().unwrap()).unwrap();
    let named = PublishedTable::read_csv_path(&path, &Default::default()).unwrap();
    assert_eq!(named.kind(), Some(TableKind::BudgetGeneralFunctional));
    std::fs::remove_dir_all(&dir).unwrap();
}
