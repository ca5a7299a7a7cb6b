//! The evaluators and the scheme reader of `sunlit::scoring`, one behaviour per test, on small
//! hand-made evidence (the real documents are in tests/tests/scoring.rs).

use chrono::NaiveDate;
use rust_decimal::Decimal;
use sunlit::disclosure::{CatalogueEntry, Category};
use sunlit::document::DocumentKind;
use sunlit::scoring::{Evidence, EvidenceDocument, OrganKind, Scheme};
use sunlit::{Finding, rules};

/// A one-leaf scheme with the given evaluator JSON.
fn leaf(evaluator: &str) -> Scheme {
    Scheme::from_json(&format!(
        r#"{{"id":"t","version":"1","name_zh":"测","name_en":"t","source":"-",
            "indicators":[{{"id":"a","name_zh":"甲","name_en":"a","weight":"1","evaluator":{evaluator}}}]}}"#
    ))
    .unwrap()
}

fn report(year: i32, published: Option<&str>) -> EvidenceDocument {
    let mut d = EvidenceDocument::new("r.pdf", DocumentKind::AnnualReport, Some(year));
    d.published = published.map(|p| p.parse().unwrap());
    d
}

fn total(s: &Scheme, e: &Evidence) -> String {
    s.score(e).unwrap().total.to_string()
}

#[test]
fn a_department_report_is_due_on_31_january_and_a_government_report_on_31_march() {
    let s = leaf(r#"{"kind":"annual_report_on_time"}"#);
    let mut dept = Evidence::new("局", OrganKind::Department, 2024);
    dept.documents.push(report(2024, Some("2025-01-31")));
    assert_eq!(total(&s, &dept), "100.00"); // the day itself is on time
    dept.documents[0] = report(2024, Some("2025-02-01"));
    assert_eq!(total(&s, &dept), "0.00");
    let mut gov = Evidence::new("府", OrganKind::Government, 2024);
    gov.documents.push(report(2024, Some("2025-02-01")));
    assert_eq!(total(&s, &gov), "100.00");
    gov.documents[0] = report(2024, None);
    let score = s.score(&gov).unwrap();
    assert_eq!(score.total.to_string(), "0.00");
    assert_eq!(
        score.findings.as_slice()[0].rule,
        rules::scoring::MISSING_EVIDENCE
    );
}

#[test]
fn a_report_on_another_year_is_not_the_report_of_the_year() {
    let s = leaf(r#"{"kind":"annual_report_present"}"#);
    let mut e = Evidence::new("府", OrganKind::Government, 2024);
    e.documents.push(report(2023, Some("2024-02-01")));
    assert_eq!(total(&s, &e), "0.00");
    let s = leaf(r#"{"kind":"annual_report_present","offset":-1}"#);
    assert_eq!(total(&s, &e), "100.00");
}

#[test]
fn findings_absent_deducts_per_finding_down_to_zero_and_ignores_less_serious_ones() {
    let s = leaf(
        r#"{"kind":"findings_absent","rules":["report."],"source":"annual_report","deduct":"40"}"#,
    );
    let mut e = Evidence::new("府", OrganKind::Government, 2024);
    let mut r = report(2024, None);
    r.findings
        .push(Finding::new(&rules::report::REVIEW_TOTAL, "甲", "a"));
    r.findings
        .push(Finding::new(&rules::report::BLANK_CELL, "乙", "b")); // a warning
    e.documents.push(r.clone());
    assert_eq!(total(&s, &e), "60.00");
    r.findings
        .push(Finding::new(&rules::report::ROW_TOTAL, "丙", "c"));
    r.findings
        .push(Finding::new(&rules::report::OUTCOME_TOTAL, "丁", "d"));
    e.documents[0] = r;
    assert_eq!(total(&s, &e), "0.00"); // 100 − 3 × 40, floored
    let none = Evidence::new("府", OrganKind::Government, 2024);
    assert_eq!(total(&s, &none), "0.00"); // no report: missing evidence, not full marks
}

#[test]
fn extra_findings_count_only_for_families_the_evidence_says_were_checked() {
    let s = leaf(
        r#"{"kind":"findings_absent","rules":["directory."],"severity":"warning","source":"extra"}"#,
    );
    let mut e = Evidence::new("府", OrganKind::Government, 2024);
    let score = s.score(&e).unwrap();
    assert_eq!(score.total.to_string(), "0.00");
    assert!(
        score
            .to_text()
            .contains("does not say directory. was checked")
    );
    e.checked.push("directory.".into());
    assert_eq!(total(&s, &e), "100.00");
    e.findings
        .push(Finding::new(&rules::report::REVIEW_TOTAL, "甲", "a")); // another family
    assert_eq!(total(&s, &e), "100.00");
}

#[test]
fn catalogue_categories_score_the_share_covered_in_the_year() {
    let s = leaf(
        r#"{"kind":"catalogue_categories","categories":["budgets","regulations","penalties"]}"#,
    );
    let mut e = Evidence::new("府", OrganKind::Government, 2024);
    let entry = |cat: Category, day: &str| CatalogueEntry {
        index: "x/2024-001".into(),
        title: "t".into(),
        category: cat,
        published: Some(day.parse::<NaiveDate>().unwrap()),
        ..Default::default()
    };
    e.catalogue.push(entry(Category::Budgets, "2024-03-01"));
    e.catalogue.push(entry(Category::Regulations, "2023-12-31")); // another year
    let score = s.score(&e).unwrap();
    assert_eq!(score.total.to_string(), "33.33"); // 1/3, rounded half up at the end
    assert_eq!(score.exact.round_dp(6).to_string(), "33.333333");
}

#[test]
fn local_categories_follow_the_organs_level() {
    let s = leaf(r#"{"kind":"catalogue_categories","categories":["budgets"],"local":true}"#);
    let mut e = Evidence::new("乡", OrganKind::Government, 2024);
    e.catalogue.push(CatalogueEntry {
        index: "x/2024-001".into(),
        title: "预算".into(),
        category: Category::Budgets,
        published: NaiveDate::from_ymd_opt(2024, 3, 1),
        ..Default::default()
    });
    let score = s.score(&e).unwrap(); // no level: the art. 21 categories are unknown
    assert_eq!(
        score.findings.as_slice()[0].rule,
        rules::scoring::MISSING_EVIDENCE
    );
    e.level = Some(sunlit::disclosure::OrganLevel::Township);
    // budgets + the eight art. 21 categories of a township: 1 of 9 covered
    let score = s.score(&e).unwrap();
    assert_eq!(score.total.to_string(), "11.11");
    assert!(score.to_text().contains("land_expropriation (土地征收): 0"));
}

#[test]
fn a_manual_score_out_of_range_is_an_error_finding_and_scores_zero() {
    let s = leaf(r#"{"kind":"manual","max":"10"}"#);
    let mut e = Evidence::new("府", OrganKind::Government, 2024);
    e.manual.push(("a".into(), Decimal::from(12)));
    let score = s.score(&e).unwrap();
    assert_eq!(score.total.to_string(), "0.00");
    assert_eq!(
        score.findings.as_slice()[0].rule,
        rules::scoring::MANUAL_OUT_OF_RANGE
    );
    e.manual[0].1 = "7.5".parse().unwrap();
    assert_eq!(total(&s, &e), "75.00");
    // A manual score naming no manual indicator is not ignored silently.
    e.manual.push(("no.such".into(), Decimal::from(5)));
    let score = s.score(&e).unwrap();
    assert_eq!(score.total.to_string(), "75.00");
    assert_eq!(
        score.findings.as_slice()[0].rule,
        rules::scoring::MANUAL_OUT_OF_RANGE
    );
    assert_eq!(
        score.findings.as_slice()[0].code.as_deref(),
        Some("no.such")
    );
}

#[test]
fn rounding_is_half_up_at_the_end_only() {
    // Three leaves of 1/3 each, scored 0.005 / 1 on one: 100/3 × 0.005 = 0.1666… → 0.17.
    let s = Scheme::from_json(
        r#"{"id":"t","version":"1","name_zh":"测","name_en":"t","source":"-","total":"1",
            "indicators":[
              {"id":"a","name_zh":"甲","name_en":"a","weight":"1","evaluator":{"kind":"manual","max":"1"}},
              {"id":"b","name_zh":"乙","name_en":"b","weight":"1","evaluator":{"kind":"manual","max":"1"}},
              {"id":"c","name_zh":"丙","name_en":"c","weight":"1","evaluator":{"kind":"manual","max":"1"}}]}"#,
    )
    .unwrap();
    let mut e = Evidence::new("府", OrganKind::Government, 2024);
    for id in ["a", "b", "c"] {
        e.manual.push((id.into(), "0.015".parse().unwrap()));
    }
    // exact: 3 × (1/3 × 0.015) = 0.015 → 0.02 half up (rounding each part first would give 0.00)
    assert_eq!(total(&s, &e), "0.02");
}

#[test]
fn a_bad_scheme_is_an_error_naming_the_indicator_and_key() {
    let cases = [
        (
            r#""weight":"heavy","evaluator":{"kind":"manual"}"#,
            "a.weight",
        ),
        (
            r#""weight":"1","evaluator":{"kind":"guess"}"#,
            "a.evaluator.kind",
        ),
        (
            r#""weight":"1","evaluator":{"kind":"manual","max":0.5}"#,
            "a.evaluator.max",
        ),
        (
            r#""weight":"1","evaluator":{"kind":"manual"},"colour":"red""#,
            "a.colour",
        ),
        (r#""weight":"-1","evaluator":{"kind":"manual"}"#, "a.weight"),
        (r#""weight":"1""#, "a.evaluator"),
        (
            r#""weight":"1","evaluator":{"kind":"findings_absent","rules":["x."],"source":"blog"}"#,
            "a.evaluator.source",
        ),
        (
            r#""weight":"1","evaluator":{"kind":"catalogue_categories","categories":["gossip"]}"#,
            "a.evaluator.categories",
        ),
    ];
    for (body, at) in cases {
        let json = format!(
            r#"{{"id":"t","version":"1","name_zh":"测","name_en":"t","source":"-",
                "indicators":[{{"id":"a","name_zh":"甲","name_en":"a",{body}}}]}}"#
        );
        let err = Scheme::from_json(&json).unwrap_err();
        assert!(
            matches!(err, sunlit::Error::Input { ref column, .. } if column == at),
            "{body}: {err}"
        );
    }
    let dup = r#"{"id":"t","version":"1","name_zh":"测","name_en":"t","source":"-","indicators":[
        {"id":"a","name_zh":"甲","name_en":"a","weight":"1","evaluator":{"kind":"manual"}},
        {"id":"a","name_zh":"乙","name_en":"b","weight":"1","evaluator":{"kind":"manual"}}]}"#;
    assert!(
        Scheme::from_json(dup)
            .unwrap_err()
            .to_string()
            .contains("duplicate indicator id")
    );
}

#[test]
fn every_embedded_scheme_loads_and_says_which_weights_are_unknown() {
    for (id, _) in sunlit::scoring::EMBEDDED {
        let s = Scheme::embedded(id).unwrap();
        assert_eq!(s.id(), *id);
    }
    let x = Scheme::embedded("xianning-2023").unwrap();
    assert_eq!(
        x.indicators()[1].weight,
        sunlit::scoring::Weight::Known(30.into())
    );
    assert_eq!(x.unknown_weights().len(), 13);
    assert_eq!(
        Scheme::embedded("cass-2022")
            .unwrap()
            .unknown_weights()
            .len(),
        5
    );
}
