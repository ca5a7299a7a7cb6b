//! The findings report (sort, filter, CSV, JSON) on real findings: those of the corrupted golden
//! tables (`tests/data/tables/corrupted`), the granularity warnings of the 城管执法局 document and a
//! ledger's subtotal check — the same report the Python and Kotlin suites export.

use std::str::FromStr;

use rust_decimal::Decimal;
use sunlit::{
    Finding, Findings, RollupOptions, Severity,
    budget::Subtotals,
    finding::FindingFilter,
    tables::{DisclosureDocument, TableCheckOptions, TableLedgerOptions},
};
use sunlit_tests::{field, read_document, read_published_table, read_table};

/// What findings sort by: severity, rule, table, code, column.
type SortKey<'a> = (
    Severity,
    &'a str,
    Option<&'a str>,
    Option<&'a str>,
    Option<&'a str>,
);

/// Warnings first, then the errors of every corrupted copy, then a ledger finding: unsorted.
fn real_findings() -> Findings {
    let mut all = DisclosureDocument::new(read_document("tables/chengguan_2026", None))
        .unwrap()
        .check(&TableCheckOptions::default())
        .unwrap();
    assert!(all.iter().all(|f| f.severity == Severity::Warning));
    let cases = read_table("tables/corrupted/cases.csv", b',');
    let mut files: Vec<(&str, &str, &str)> = cases
        .iter()
        .map(|c| (field(c, "file"), field(c, "kind"), field(c, "unit")))
        .collect();
    files.dedup();
    for (file, kind, unit) in files {
        let t = read_published_table(&format!("tables/corrupted/{file}"), kind, unit);
        all.extend(t.check(&TableCheckOptions::default()).unwrap());
    }
    let broken = read_published_table(
        "tables/corrupted/class_total_changed.csv",
        "budget_general_functional",
        "元",
    );
    let ledger = broken
        .to_ledger(&TableLedgerOptions {
            year: 2026,
            unit: "u".into(),
            subtotals: true,
            ..Default::default()
        })
        .unwrap();
    let r = ledger
        .rollup(&RollupOptions {
            subtotals: Subtotals::Check,
            ..Default::default()
        })
        .unwrap();
    all.extend(r.findings().iter().cloned());
    all
}

#[test]
fn sorting_puts_errors_first_then_rule_table_code_column() {
    let mut all = real_findings();
    assert_eq!(all.as_slice()[0].severity, Severity::Warning); // as produced
    let n = all.len();
    all.sort();
    assert_eq!(all.len(), n);
    let first_warning = all
        .iter()
        .position(|f| f.severity == Severity::Warning)
        .unwrap();
    assert_eq!(first_warning, all.error_count());
    assert!(
        all.iter()
            .skip(first_warning)
            .all(|f| f.severity == Severity::Warning)
    );
    let keys: Vec<SortKey<'_>> = all
        .iter()
        .map(|f| {
            (
                f.severity,
                f.rule.as_str(),
                f.table.as_deref(),
                f.code.as_deref(),
                f.column.as_deref(),
            )
        })
        .collect();
    assert!(keys.windows(2).all(|w| w[0] <= w[1]), "{keys:#?}");
    assert_eq!(all.as_slice()[0].rule, "budget.subtotal_mismatch");
}

#[test]
fn filtering_by_rule_family_and_severity() {
    let all = real_findings();
    let tables_errors = all.filter(&FindingFilter {
        rules: vec!["tables.".into()],
        severity: Some(Severity::Error),
    });
    // Exactly the errors of the corrupted copies, in their order: not the ledger's finding, not
    // the granularity warnings.
    assert_eq!(tables_errors.len(), 7);
    assert!(
        tables_errors
            .iter()
            .all(|f| f.rule.starts_with("tables.") && f.severity == Severity::Error)
    );
    let warnings = all.filter(&FindingFilter {
        rules: vec!["tables.*".into()],
        severity: Some(Severity::Warning),
    });
    assert_eq!(warnings.len(), 4);
    let one_rule = all.filter(&FindingFilter {
        rules: vec![
            "tables.parent_sum".into(),
            "budget.subtotal_mismatch".into(),
        ],
        severity: None,
    });
    assert_eq!(one_rule.len(), 5);
    // A prefix without the dot is an exact rule id, which none has.
    let none = all.filter(&FindingFilter {
        rules: vec!["tables".into()],
        severity: None,
    });
    assert!(none.is_empty());
}

#[test]
fn csv_export_has_the_exact_header_and_survives_commas_and_quotes() {
    let mut all = real_findings();
    all.push(
        Finding::new(
            &sunlit::rules::tables::NARRATIVE,
            "情况说明：收入 1,234.56 万元，\"三公\"经费",
            "the narrative says \"1,234.56\", the table 1234.55",
        )
        .with_code("收入总计")
        .with_values(
            Decimal::from_str("1234.55").unwrap(),
            Decimal::from_str("1234.56").unwrap(),
        ),
    );
    let text = all.to_csv().unwrap();
    assert_eq!(
        text.lines().next(),
        Some(
            "rule,severity,table,code,column,expected,actual,difference,message_zh,message_en,page,printed"
        )
    );
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(records.len(), all.len());
    for (r, f) in records.iter().zip(all.iter()) {
        assert_eq!(r.len(), 12);
        assert_eq!(&r[0], f.rule);
        assert_eq!(&r[1], f.severity.id());
        assert_eq!(&r[3], f.code.as_deref().unwrap_or(""));
        assert_eq!(&r[5], f.expected.map(|d| d.to_string()).unwrap_or_default());
        assert_eq!(&r[8], f.message_zh);
        assert_eq!(&r[9], f.message_en);
    }
    // A real message with a comma (the subtotal printed as an item) is quoted, not split.
    let leaf = all
        .iter()
        .position(|f| f.rule == "tables.subtotal_as_leaf")
        .unwrap();
    assert!(all.as_slice()[leaf].message_en.contains(','));
    assert_eq!(&records[leaf][9], all.as_slice()[leaf].message_en);
    let last = records.last().unwrap();
    assert_eq!(
        &last[9],
        "the narrative says \"1,234.56\", the table 1234.55"
    );
    assert_eq!((&last[7], &last[4]), ("0.01", ""));
}

#[test]
fn json_export_keeps_amounts_as_strings() {
    let all = real_findings();
    let v: serde_json::Value = serde_json::from_str(&all.to_json()).unwrap();
    let items = v.as_array().unwrap();
    assert_eq!(items.len(), all.len());
    for (j, f) in items.iter().zip(all.iter()) {
        assert_eq!(j["rule"], f.rule.as_str());
        assert_eq!(j["severity"], f.severity.id());
        for (key, value) in [
            ("expected", f.expected),
            ("actual", f.actual),
            ("difference", f.difference),
        ] {
            match value {
                Some(d) => assert_eq!(j[key].as_str(), Some(d.to_string().as_str()), "{key}"),
                None => assert!(j[key].is_null(), "{key}"),
            }
        }
    }
    // 114.32 万元 stays 114.32, digit for digit — never a binary float.
    let row_sum = items
        .iter()
        .find(|j| j["rule"] == "tables.row_sum")
        .unwrap();
    assert_eq!(row_sum["expected"], "114.32");
    assert_eq!(row_sum["difference"], "-0.10");
    // And it reads back into the same findings.
    let again: Vec<Finding> = serde_json::from_value(v).unwrap();
    assert_eq!(again, all.into_vec());
}
