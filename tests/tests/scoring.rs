//! Transparency scoring on real documents (issue 15): the golden case of
//! tests/data/scoring/golden.json — real organs scored on the Xianning 2023 scheme from their
//! documents in tests/data/documents, ranked, and explained; the same file drives the Python
//! and Kotlin tests.

use rust_decimal::Decimal;
use serde_json::Value;
use sunlit::scoring::{
    Evidence, EvidenceDocument, IndicatorScore, OrganKind, OrganScore, Scheme, rank,
};
use sunlit_tests::data_file;

fn golden() -> Value {
    let text = std::fs::read_to_string(data_file("scoring/golden.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

/// The scheme of the golden file with its stated weights.
fn scheme(g: &Value) -> Scheme {
    let weights: Vec<(String, Decimal)> = g["weights"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(k, v)| (k.clone(), v.as_str().unwrap().parse().unwrap()))
        .collect();
    Scheme::embedded(g["scheme"].as_str().unwrap())
        .unwrap()
        .with_weights(&weights)
        .unwrap()
}

fn evidence(case: &Value, organ: &Value) -> Evidence {
    let kind = OrganKind::parse(case["kind"].as_str().unwrap()).unwrap();
    let year = i32::try_from(case["year"].as_i64().unwrap()).unwrap();
    let mut e = Evidence::new(organ["organ"].as_str().unwrap(), kind, year);
    for d in organ["documents"].as_array().unwrap() {
        let published = d["published"].as_str().map(|s| s.parse().unwrap());
        let path = data_file(d["path"].as_str().unwrap());
        e.documents
            .push(EvidenceDocument::read(path, published).unwrap());
    }
    e
}

fn scores(g: &Value, case: &Value) -> Vec<OrganScore> {
    let s = scheme(g);
    case["organs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| s.score(&evidence(case, o)).unwrap())
        .collect()
}

fn find<'a>(nodes: &'a [IndicatorScore], id: &str) -> Option<&'a IndicatorScore> {
    nodes.iter().find_map(|n| {
        if n.id == id {
            Some(n)
        } else {
            find(&n.children, id)
        }
    })
}

fn shown(d: Decimal) -> String {
    let mut r = d.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
    r.rescale(2);
    r.to_string()
}

/// Every organ of every case: its total, place, tie, key indicator scores and facts as in the
/// golden file; each explained as text with every first-level indicator.
#[test]
fn real_organs_score_and_rank_as_in_the_golden_file() {
    let g = golden();
    for case in g["cases"].as_array().unwrap() {
        let name = case["name"].as_str().unwrap();
        let sc = scores(&g, case);
        let ranking = rank(&sc).unwrap();
        for (organ, s) in case["organs"].as_array().unwrap().iter().zip(&sc) {
            let want = &organ["expected"];
            let who = format!("{name}: {}", s.organ);
            assert_eq!(
                s.total.to_string(),
                want["total"].as_str().unwrap(),
                "{who}"
            );
            let r = ranking.iter().find(|r| r.organ == s.organ).unwrap();
            assert_eq!(u64::from(r.rank), want["rank"].as_u64().unwrap(), "{who}");
            assert_eq!(r.tied, want["tied"].as_bool().unwrap(), "{who}");
            for (id, v) in want["scores"].as_object().unwrap() {
                let node = find(&s.indicators, id).unwrap_or_else(|| panic!("{who}: {id}"));
                assert_eq!(shown(node.score), v.as_str().unwrap(), "{who}: {id}");
            }
            for (id, facts) in want["facts"].as_object().unwrap() {
                let node = find(&s.indicators, id).unwrap();
                let have: Vec<String> = node.facts.iter().map(ToString::to_string).collect();
                for f in facts.as_array().unwrap() {
                    assert!(
                        have.iter().any(|h| h == f.as_str().unwrap()),
                        "{who}: {id}: {f} not in {have:?}"
                    );
                }
            }
            let missing = want["missing_evidence"].as_u64().unwrap();
            let n = s
                .findings
                .iter()
                .filter(|f| f.rule == "scoring.missing_evidence")
                .count();
            assert_eq!(n as u64, missing, "{who}");
            assert_eq!(
                s.findings.len() as u64,
                missing,
                "{who}: only missing evidence"
            );
            let text = s.to_text();
            for first in &s.indicators {
                assert!(text.contains(&first.name_zh), "{who}");
            }
            assert!(s.to_markdown().contains("| 1 | 第三方机构测评"));
        }
    }
}

/// The ranking of the departments separates them by what their budgets show, and the
/// explanation names the findings that cost points.
#[test]
fn the_explanation_names_the_findings_that_cost_points() {
    let g = golden();
    let case = &g["cases"][0];
    let sc = scores(&g, case);
    let wanli = sc.iter().find(|s| s.organ.contains("万里")).unwrap();
    let text = wanli.to_text();
    assert!(text.contains("finding: tables.parent_sum ×4"), "{text}");
    let v: Value = serde_json::from_str(&wanli.to_json()).unwrap();
    assert_eq!(v["total"], "4.20");
    assert_eq!(v["indicators"][0]["id"], "xianning-2023.third_party");
    let md = sunlit::scoring::Ranked::to_markdown(&rank(&sc).unwrap());
    assert!(
        md.contains("| 4 | 上海市普陀区人民政府万里街道办事处 | 4.20 |  |"),
        "{md}"
    );
}

/// The golden scores need the stated weights: the scheme as published refuses, naming the
/// first indicator whose weight was never published.
#[test]
fn the_published_scheme_refuses_to_score_without_the_unpublished_weights() {
    let g = golden();
    let case = &g["cases"][1];
    let e = evidence(case, &case["organs"][0]);
    let raw = Scheme::embedded("xianning-2023").unwrap();
    let err = raw.score(&e).unwrap_err();
    assert!(
        matches!(err, sunlit::Error::Field { field: "weight", ref value, .. }
        if value == "xianning-2023.proactive"),
        "{err}"
    );
    assert_eq!(
        raw.unknown_weights().len(),
        g["weights"].as_object().unwrap().len()
    );
}

/// Scores of two cases (other year) cannot be ranked together.
#[test]
fn cases_of_different_years_are_not_ranked_together() {
    let g = golden();
    let mut all = scores(&g, &g["cases"][0]);
    all.extend(scores(&g, &g["cases"][1]));
    assert!(matches!(
        rank(&all),
        Err(sunlit::Error::MixedDimension { .. })
    ));
}
