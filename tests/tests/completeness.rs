//! Completeness (`completeness.*`) and the identities across tables and documents
//! (`identity.*`) on real published documents (tests/data/documents, SOURCE.md): the pairs of
//! 西南大学 (final accounts 2023 → 2024, budget 2024 after final 2023, budget and final of 2023)
//! and Shanghai documents; edited copies of real documents (one table, one section or one column
//! taken away) as a supplement.

use sunlit::{
    Document, Finding, ReadOptions, Severity,
    document::{CheckOptions, SourceCell, SourceDocument},
    rules,
};
use sunlit_tests::data_file;

fn read(path: &str) -> Document {
    Document::read(
        data_file(&format!("documents/{path}")),
        &ReadOptions::default(),
    )
    .unwrap()
}

fn source(path: &str) -> SourceDocument {
    SourceDocument::read(
        data_file(&format!("documents/{path}")),
        &ReadOptions::default(),
    )
    .unwrap()
}

fn with_rule<'a>(
    findings: impl IntoIterator<Item = &'a Finding>,
    family: &str,
) -> Vec<&'a Finding> {
    findings
        .into_iter()
        .filter(|f| f.rule.starts_with(family))
        .collect()
}

#[test]
fn a_final_account_opening_balance_is_compared_with_last_years_closing_balance() {
    let f2023 = read("chongqing/swu-final-2023.pdf");
    let f2024 = read("chongqing/swu-final-2024.pdf");
    let found = f2024.check(&CheckOptions {
        last_year: Some(&f2023),
        ..CheckOptions::default()
    });
    assert_eq!(found.len(), 1, "{found:?}");
    let f = &found.as_slice()[0];
    assert_eq!(f.rule, rules::identity::CARRY_OVER);
    assert_eq!(f.severity, Severity::Warning);
    assert_eq!(f.actual.unwrap().to_string(), "106700.90");
    assert_eq!(f.expected.unwrap().to_string(), "106848.91");
    assert!(
        f.message_zh.contains("swu-final-2024.pdf") && f.message_zh.contains("swu-final-2023.pdf")
    );
}

#[test]
fn a_budget_carry_over_is_an_estimate_and_only_an_info() {
    let f2023 = read("chongqing/swu-final-2023.pdf");
    let b2024 = read("chongqing/swu-budget-2024.pdf");
    let found = b2024.check(&CheckOptions {
        last_year: Some(&f2023),
        ..CheckOptions::default()
    });
    assert_eq!(found.len(), 1, "{found:?}");
    let f = &found.as_slice()[0];
    assert_eq!(f.rule, rules::identity::CARRY_OVER_ESTIMATE);
    assert_eq!(f.severity, Severity::Info);
    assert_eq!(f.actual.unwrap().to_string(), "106848.41");
    assert_eq!(f.expected.unwrap().to_string(), "106848.91");
}

#[test]
fn documents_that_do_not_match_are_not_compared_and_the_reason_is_said() {
    let f2023 = read("chongqing/swu-final-2023.pdf");
    let b2023 = read("chongqing/swu-budget-2023.pdf");
    let czj_final = read("shanghai/putuo-czj-final-2024.pdf");
    let czj_budget = read("shanghai/putuo-czj-budget-2025.pdf");
    let cases = [
        // The MoE final prints no "三公" 预算数.
        (
            f2023.check(&CheckOptions {
                budget: Some(&b2023),
                ..CheckOptions::default()
            }),
            "三公",
        ),
        // Budget of the next year given as the budget.
        (
            czj_final.check(&CheckOptions {
                budget: Some(&czj_budget),
                ..CheckOptions::default()
            }),
            "年度不符",
        ),
        // Another department.
        (
            czj_final.check(&CheckOptions {
                last_year: Some(&f2023),
                ..CheckOptions::default()
            }),
            "部门不同",
        ),
        // A budget given as last year's final account: both kinds named in Chinese.
        (
            f2023.check(&CheckOptions {
                last_year: Some(&b2023),
                ..CheckOptions::default()
            }),
            "应为部门决算，实为部门预算",
        ),
    ];
    for (found, why) in cases {
        assert_eq!(found.len(), 1, "{found:?}");
        let f = &found.as_slice()[0];
        assert_eq!(f.rule, rules::identity::NOT_COMPARED);
        assert_eq!(f.severity, Severity::Info);
        assert!(f.message_zh.contains(why), "{}", f.message_zh);
    }
    let other = read("shanghai/putuo-ghzy-final-2024.pdf");
    let found = czj_final.check(&CheckOptions {
        budget: None,
        last_year: Some(&other),
    });
    assert!(found.as_slice()[0].message_zh.contains("年度不符"));
}

#[test]
fn a_final_accounts_three_public_budget_figures_are_compared_with_the_budget() {
    // The 2024 budget of 普陀区财政局 is not in the corpus; its 2025 budget says "2025年“三公”经费
    // 预算数为0.95万元，与2024年预算持平", so read as 2024's its 表九 must agree with the 2024
    // final's 预算数 (0.95 = 公务接待费 0.95).
    let czj_final = read("shanghai/putuo-czj-final-2024.pdf");
    let as_2024 = ReadOptions {
        year: Some(2024),
        ..ReadOptions::default()
    };
    let path = data_file("documents/shanghai/putuo-czj-budget-2025.pdf");
    let budget = Document::read(&path, &as_2024).unwrap();
    assert_eq!(budget.year, Some(2024));
    let opts = CheckOptions {
        budget: Some(&budget),
        ..CheckOptions::default()
    };
    assert!(czj_final.check(&opts).is_empty());
    // Edited: 公务接待费 1.95 instead of 0.95 in the budget's 表九 (and its 合计).
    let mut src = SourceDocument::read(&path, &as_2024).unwrap();
    let mut edited = 0;
    for t in &mut src.tables {
        if !t.context.iter().any(|l| l.norm.contains("三公")) {
            continue;
        }
        for c in t.rows.iter_mut().flatten() {
            if c.text.trim() == "0.95" {
                *c = SourceCell::new("1.95", c.at.clone());
                edited += 1;
            }
        }
    }
    assert_eq!(edited, 2);
    let budget = Document::from_source(src, &as_2024).unwrap();
    let found = czj_final.check(&CheckOptions {
        budget: Some(&budget),
        ..CheckOptions::default()
    });
    assert_eq!(found.len(), 2, "{found:?}");
    for f in found.iter() {
        assert_eq!(f.rule, rules::identity::BUDGET_COLUMN, "{f}");
        assert_eq!(f.severity, Severity::Warning);
        assert_eq!(
            (
                f.actual.unwrap().to_string(),
                f.expected.unwrap().to_string()
            ),
            ("0.95".into(), "1.95".into())
        );
        assert!(
            f.message_zh.contains("putuo-czj-budget-2025.pdf")
                && f.message_zh.contains("putuo-czj-final-2024.pdf")
        );
    }
    // Nothing given: nothing added.
    let checked = czj_final.clone().with_checks(&CheckOptions::default());
    assert_eq!(checked.findings, czj_final.findings);
}

#[test]
fn personnel_and_running_costs_of_table_one_against_table_eight() {
    // 上海市普陀区司法局 2026 单位预算: 表一 prints 人员经费 20,374,181 / 公用经费 1,744,680,
    // 表八's 合计 20,272,981.00 / 1,845,880.34 (pdftotext p.8 and p.19).
    let doc = read("shanghai/putuo-sfj-unit-budget-2026.pdf");
    let found = with_rule(doc.findings.iter(), "identity.");
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(
        found
            .iter()
            .all(|f| f.rule == rules::identity::PERSONNEL_PUBLIC)
    );
    assert_eq!(found[0].actual.unwrap().to_string(), "20374181");
    // Where both tables agree (普陀区人民政府办公室 2025 单位预算), nothing.
    let ok = read("shanghai/putuo-govoffice-unit-budget-2025.pdf");
    assert!(with_rule(ok.findings.iter(), "identity.").is_empty());
}

#[test]
fn one_table_taken_out_of_a_complete_document_is_one_finding() {
    let mut src = source("shanghai/putuo-shgzb-final-2024.pdf");
    src.tables
        .retain(|t| !t.context.iter().any(|l| l.norm.contains("三公")));
    let doc = Document::from_source(src, &ReadOptions::default()).unwrap();
    assert_eq!(doc.missing, [7]);
    let found = with_rule(doc.findings.iter(), "completeness.");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].rule, rules::completeness::MISSING_TABLE);
    assert_eq!(found[0].severity, Severity::Warning);
    // The original: nothing.
    let whole = read("shanghai/putuo-shgzb-final-2024.pdf");
    assert!(with_rule(whole.findings.iter(), "completeness.").is_empty());
}

#[test]
fn a_table_the_contents_list_names_and_the_body_lacks() {
    // 万里街道 2024: the 目录 lists the nine tables; 表五 taken away.
    let mut src = source("shanghai/putuo-wanli-budget-2024.pdf");
    src.tables.retain(|t| {
        !t.context
            .iter()
            .any(|l| l.norm.contains("一般公共预算支出功能分类预算表"))
    });
    let doc = Document::from_source(src, &ReadOptions::default()).unwrap();
    assert_eq!(doc.missing, [5]);
    let found = with_rule(doc.findings.iter(), "completeness.");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].rule, rules::completeness::CONTENTS_TABLE);
    assert!(
        found[0]
            .printed
            .as_deref()
            .unwrap()
            .contains("一般公共预算支出功能分类预算表")
    );
}

#[test]
fn an_excerpt_or_another_template_gets_one_info_not_a_warning_per_table() {
    for path in [
        "chongqing/swu-final-2024.pdf", // MoE four-table template
        "jiangsu/jiangsu-procuratorate-budget-2019.pdf", // no 表七 before 2021
    ] {
        let doc = read(path);
        let found = with_rule(doc.findings.iter(), "completeness.");
        assert_eq!(found.len(), 1, "{path}: {found:?}");
        assert_eq!(found[0].rule, rules::completeness::MISSING_UNSURE);
    }
    let opts = ReadOptions {
        kind: Some(sunlit::document::DocumentKind::Final),
        year: Some(2024),
        unit: Some(sunlit::Unit::WanYuan),
        ..ReadOptions::default()
    };
    let csv = Document::read(
        data_file("documents/shanghai/putuo-ghzy-final-2024-table5.gbk.csv"),
        &opts,
    )
    .unwrap();
    let found = with_rule(csv.findings.iter(), "completeness.");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].rule, rules::completeness::MISSING_UNSURE);
}

#[test]
fn empty_tables_with_and_without_their_sentence() {
    // 上海市财政局 2025 单位预算: 表六/表七 printed with a header and an empty 合计, no sentence.
    let doc = read("shanghai/shanghai-czj-unit-budget-2025.pdf");
    let found = with_rule(doc.findings.iter(), "completeness.");
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(
        found
            .iter()
            .all(|f| f.rule == rules::completeness::EMPTY_UNEXPLAINED)
    );
    // 江苏省人民检察院 2019 ('此表为空' in the grid) and 江苏省政协办公厅 2019 ('注：本部门无该项目'):
    // explained.
    for path in [
        "jiangsu/jiangsu-procuratorate-budget-2019.pdf",
        "jiangsu/jiangsu-cppcc-office-budget-tables-2019.pdf",
    ] {
        let doc = read(path);
        let t6 = doc.tables.iter().find(|t| t.number == Some(6)).unwrap();
        assert!(t6.empty_note.is_some(), "{path}");
        assert!(
            !doc.findings
                .iter()
                .any(|f| f.rule == rules::completeness::EMPTY_UNEXPLAINED)
        );
    }
}

#[test]
fn an_annual_report_without_one_of_its_sections() {
    let path = "jiangsu/huaian-hongze-annual-report-2024.pdf";
    let whole = read(path);
    assert!(with_rule(whole.findings.iter(), "completeness.").is_empty());
    let mut src = source(path);
    src.lines.retain(|l| !l.norm.contains("主要问题"));
    let doc = Document::from_source(src, &ReadOptions::default()).unwrap();
    let found = with_rule(doc.findings.iter(), "completeness.");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].rule, rules::completeness::ANNUAL_SECTION);
    assert!(found[0].message_zh.contains("五、存在的主要问题及改进情况"));
}

#[test]
fn a_power_list_without_its_legal_basis_column() {
    let path = "xinjiang/karamay-kjj-power-list-2024.xls";
    let whole = read(path);
    assert!(with_rule(whole.findings.iter(), "completeness.").is_empty());
    let mut src = source(path);
    let mut renamed = 0;
    for t in &mut src.tables {
        for row in &mut t.rows {
            for c in row.iter_mut() {
                if c.norm.contains("依据") && !c.norm.contains("责任") && !c.norm.contains("追责")
                {
                    *c = SourceCell::new("备考", c.at.clone());
                    renamed += 1;
                }
            }
        }
    }
    assert!(renamed > 0);
    let doc = Document::from_source(src, &ReadOptions::default()).unwrap();
    let found = with_rule(doc.findings.iter(), "completeness.");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].rule, rules::completeness::POWER_COLUMN);
}
