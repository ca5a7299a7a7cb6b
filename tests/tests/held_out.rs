//! Real documents first met as unseen documents (`tests/data/documents/heldout.json`, provenance
//! in `SOURCE-heldout.md`): their error and warning findings are exactly the ones a careful
//! reader confirms — the false findings they once gave (a header misread, a bracketed whole, a
//! page number in a sentence, template words beside a zero) stay gone.

use std::collections::BTreeMap;

use serde_json::Value;
use sunlit::{Document, ReadOptions, Severity};
use sunlit_tests::data_file;

fn manifest() -> Value {
    let text = std::fs::read_to_string(data_file("documents/heldout.json")).expect("manifest");
    serde_json::from_str(&text).expect("json")
}

/// (rule, page, printed text or table name) of the findings of one severity.
fn found(doc: &Document, severity: Severity) -> Vec<(String, Option<u32>, String)> {
    doc.findings
        .iter()
        .filter(|f| f.severity == severity)
        .map(|f| {
            let what = f
                .printed
                .clone()
                .or_else(|| f.table.clone())
                .unwrap_or_default();
            (f.rule.to_string(), f.page, what)
        })
        .collect()
}

fn expected(entry: &Value, key: &str) -> Vec<(String, Option<u32>, String)> {
    entry[key]
        .as_array()
        .expect(key)
        .iter()
        .map(|e| {
            (
                e[0].as_str().expect("rule").to_owned(),
                e[1].as_u64().and_then(|p| u32::try_from(p).ok()),
                e[2].as_str().expect("text").to_owned(),
            )
        })
        .collect()
}

/// Each found finding matches one expected (rule, page, text contained), one to one.
fn assert_same(
    path: &str,
    what: &str,
    got: &[(String, Option<u32>, String)],
    want: &[(String, Option<u32>, String)],
) {
    assert_eq!(
        got.len(),
        want.len(),
        "{path}: {what} {got:?}, expected {want:?}"
    );
    for w in want {
        assert!(
            got.iter()
                .any(|g| g.0 == w.0 && g.1 == w.1 && g.2.contains(&w.2)),
            "{path}: expected {what} {w:?} not found in {got:?}"
        );
    }
}

#[test]
fn held_out_documents_give_exactly_their_real_findings() {
    let m = manifest();
    let docs = m["documents"].as_array().expect("documents");
    assert_eq!(docs.len(), 4);
    for d in docs {
        let path = d["path"].as_str().expect("path");
        let doc = Document::read(
            data_file(&format!("documents/{path}")),
            &ReadOptions::default(),
        )
        .expect("read");
        assert_eq!(doc.kind.id(), d["kind"].as_str().expect("kind"), "{path}");
        assert_eq!(
            doc.year,
            d["year"].as_i64().and_then(|y| i32::try_from(y).ok()),
            "{path}"
        );
        assert_same(
            path,
            "errors",
            &found(&doc, Severity::Error),
            &expected(d, "errors"),
        );
        assert_same(
            path,
            "warnings",
            &found(&doc, Severity::Warning),
            &expected(d, "warnings"),
        );
        let mut infos: BTreeMap<String, u64> = BTreeMap::new();
        for (rule, _, _) in found(&doc, Severity::Info) {
            *infos.entry(rule).or_default() += 1;
        }
        for (rule, n) in d["infos"].as_object().expect("infos") {
            assert_eq!(
                infos.get(rule).copied().unwrap_or(0),
                n.as_u64().expect("count"),
                "{path}: {rule}"
            );
        }
        let read: Vec<u8> = doc
            .tables
            .iter()
            .filter(|t| t.table.as_ref().is_some_and(|x| !x.rows().is_empty()))
            .filter_map(|t| t.number)
            .collect();
        for n in d["read"].as_array().expect("read") {
            let n = u8::try_from(n.as_u64().expect("n")).expect("u8");
            assert!(read.contains(&n), "{path}: table {n} not read ({read:?})");
        }
    }
}

#[test]
fn a_grid_caption_row_is_not_the_header() {
    // 江苏省人大常委会办公厅 2017, 一般公共预算基本支出预算表 (p.17): 301 工资福利支出 2,928.98 is a
    // row with its code, not an amount 301 under a header 部门： … 单位：万元.
    let doc = Document::read(
        data_file("documents/jiangsu/jiangsu-npc-office-budget-2017.pdf"),
        &ReadOptions::default(),
    )
    .expect("read");
    let t = doc
        .tables
        .iter()
        .find(|t| t.number == Some(8))
        .and_then(|t| t.table.as_ref())
        .expect("table 8");
    let row = t
        .rows()
        .iter()
        .find(|r| r.code.as_ref().is_some_and(|c| c.to_string() == "301"))
        .expect("row 301");
    assert_eq!(row.name, "工资福利支出");
    assert!(
        doc.findings
            .iter()
            .all(|f| f.rule != "tables.duplicate_row")
    );
}

#[test]
fn a_share_of_either_whole_of_its_sentence_is_not_reported() {
    // 西南大学 2021: "收入预算490,808.40万元（本年预算收入390,140.45万元），其中：一般公共预算拨款收入
    // 216,552.53万元，占总收入的44.12%" — 44.12 % of 490,808.40, not of the figure in brackets.
    let doc = Document::read(
        data_file("documents/chongqing/swu-budget-2021.pdf"),
        &ReadOptions::default(),
    )
    .expect("read");
    let st = doc.narrative();
    let share = st
        .iter()
        .find(|s| s.printed.contains("216,552.53"))
        .expect("the statement");
    assert_eq!(share.share.map(|r| r.to_string()), Some("44.12".to_owned()));
    assert!(doc.findings.iter().all(|f| f.rule != "narrative.share"));
}
