//! The narrative checks (`narrative.*`, issue 14) on real documents: the golden statements of
//! `tests/data/documents/narrative.json` (hand-verified: every true statement passes, every real
//! error is reported), and errors planted in the text lines of real documents — each reported
//! exactly once with its rule, while the unedited document gives no narrative error beyond its
//! real ones.

use serde_json::Value;
use sunlit::document::SourceDocument;
use sunlit::{Document, Finding, ReadOptions, Severity};
use sunlit_tests::data_file;

fn source(path: &str) -> SourceDocument {
    SourceDocument::read(
        data_file(&format!("documents/{path}")),
        &ReadOptions::default(),
    )
    .expect("read")
}

fn narrative_errors(doc: &Document) -> Vec<Finding> {
    doc.findings
        .iter()
        .filter(|f| f.rule.starts_with("narrative.") && f.severity == Severity::Error)
        .cloned()
        .collect()
}

/// Replace `from` by `to` in the one line of `page` that holds it; panics when no line (or more
/// than one) does, so that a planted error cannot silently miss.
fn plant(src: &SourceDocument, page: u32, from: &str, to: &str) -> SourceDocument {
    let mut out = src.clone();
    let hits: Vec<usize> = out
        .lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.page == page && l.text.contains(from))
        .map(|(i, _)| i)
        .collect();
    assert_eq!(hits.len(), 1, "p.{page} lines holding {from:?}: {hits:?}");
    let i = hits[0];
    let text = out.lines[i].text.replacen(from, to, 1);
    out.lines[i] = sunlit::document::SourceLine::new(page, text);
    out
}

/// Each plant: document, page, text, replacement, the rule it must trigger.
const PLANTS: &[(&str, u32, &str, &str, &str)] = &[
    // 住房公积金 384.67 → 394.67 (the tables print 3,846,700 元).
    (
        "shanghai/putuo-wanli-budget-2025.pdf",
        8,
        "科目384.67万元",
        "科目394.67万元",
        "narrative.value",
    ),
    // 购房补贴 334.08万元 quoted as 334.08元.
    (
        "shanghai/putuo-wanli-budget-2025.pdf",
        8,
        "科目334.08万元",
        "科目334.08元",
        "narrative.unit",
    ),
    // A placeholder left in.
    (
        "shanghai/putuo-wanli-budget-2025.pdf",
        8,
        "主要用于其他城乡社区支出",
        "主要用于XX支出",
        "narrative.placeholder",
    ),
    // 比2024年预算 → 比2025年预算 in the 2025 budget.
    (
        "shanghai/putuo-wanli-budget-2025.pdf",
        6,
        "财政拨款收入18,976.76万元，比2024年预算增加",
        "财政拨款收入18,976.76万元，比2025年预算增加",
        "narrative.year",
    ),
    // "为0" said of a line with a budget (事业单位离退休 85,300 元).
    (
        "shanghai/putuo-wanli-budget-2025.pdf",
        7,
        "科目8.53万元",
        "科目0.00万元",
        "narrative.zero",
    ),
    // 收入预算 with two digits swapped.
    (
        "shanghai/putuo-wanli-budget-2025.pdf",
        6,
        "收入预算18,976.76万元",
        "收入预算18,967.76万元",
        "narrative.value",
    ),
    // A wrong share: 6.2 of 2946.25 is 0.21 %.
    (
        "shanghai/putuo-czj-final-2024.pdf",
        21,
        "占0.21%",
        "占0.31%",
        "narrative.share",
    ),
    // 减少 … 增长: the direction words contradict each other.
    (
        "shanghai/putuo-czj-final-2024.pdf",
        21,
        "下降2.10%",
        "增长2.10%",
        "narrative.direction",
    ),
    // A wrong rate: 56.95 of 3,052.34 is 1.87 %.
    (
        "shanghai/putuo-czj-final-2024.pdf",
        21,
        "下降1.87%",
        "下降1.97%",
        "narrative.rate",
    ),
    // A template alternative left in.
    (
        "shanghai/putuo-czj-final-2024.pdf",
        21,
        "下降2.10%",
        "下降（增长）2.10%",
        "narrative.template",
    ),
    // A rate without its % sign.
    (
        "shanghai/putuo-czj-final-2024.pdf",
        21,
        "下降1.87%",
        "下降1.87",
        "narrative.template",
    ),
    // 完成年初预算的 98.20 % → 97.20 % (2,940.05 of 2,993.92 is 98.20 %).
    (
        "shanghai/putuo-czj-final-2024.pdf",
        21,
        "成年初预算的98.20%",
        "成年初预算的97.20%",
        "narrative.budget_completion",
    ),
    // 决算数小于预算数 → 大于 (1,511.89 against a 年初预算 of 1,560.05).
    (
        "shanghai/putuo-czj-final-2024.pdf",
        22,
        "决算数小于预算数的主要原因：人员进出",
        "决算数大于预算数的主要原因：人员进出",
        "narrative.budget_comparison",
    ),
    // 持平 said of 60.99 against a 年初预算 of 62.29 (2.1 % apart; 持平 allows 1 %).
    (
        "shanghai/putuo-czj-final-2024.pdf",
        22,
        "算数小于预算数的主要原因：预算按周全保障测算，实际执行基本贴合预期。",
        "算数与预算数持平的主要原因：预算按周全保障测算，实际执行基本贴合预期。",
        "narrative.budget_comparison",
    ),
    // 公务接待费 完成预算的 13.68 % → 31.68 %: its budget (2.85) is only in the 三公 table.
    (
        "shanghai/putuo-ghzy-final-2024.pdf",
        25,
        "完成预算的 13.68%。",
        "完成预算的 31.68%。",
        "narrative.budget_completion",
    ),
    // 完成全年预算数的 98.69 % → 96.69 % (51.32 of 52.00 is 98.69 %).
    (
        "shanghai/putuo-shgzb-final-2024.pdf",
        18,
        "完成全年预算数的 98.69%",
        "完成全年预算数的 96.69%",
        "narrative.budget_completion",
    ),
];

#[test]
fn every_planted_error_is_reported_once_with_its_rule() {
    let opts = ReadOptions::default();
    let mut read: std::collections::BTreeMap<&str, (SourceDocument, Vec<Finding>)> =
        std::collections::BTreeMap::new();
    for (path, page, from, to, rule) in PLANTS {
        let (clean_src, before) = read.entry(path).or_insert_with(|| {
            let src = source(path);
            let clean = Document::from_source(src.clone(), &opts).expect("clean");
            let before = narrative_errors(&clean);
            (src, before)
        });
        let (clean_src, before) = (&*clean_src, &*before);
        let planted =
            Document::from_source(plant(clean_src, *page, from, to), &opts).expect("planted");
        let after = narrative_errors(&planted);
        let new: Vec<&Finding> = after.iter().filter(|f| !before.contains(f)).collect();
        assert_eq!(new.len(), 1, "{path} p.{page} {from} → {to}: {new:#?}");
        assert_eq!(new[0].rule, *rule, "{path} p.{page} {from} → {to}");
        assert_eq!(new[0].page, Some(*page));
        let sentence = new[0].printed.as_deref().unwrap_or("");
        assert!(
            sentence.contains(&sunlit::document::normalize_text(to)),
            "the finding quotes the sentence: {sentence}"
        );
        // Nothing the clean document reported disappears.
        assert!(before.iter().all(|f| after.contains(f)), "{path}: {from}");
    }
}

#[test]
fn an_unedited_clean_document_has_no_narrative_error() {
    let doc = Document::from_source(
        source("shanghai/putuo-wanli-budget-2025.pdf"),
        &ReadOptions::default(),
    )
    .expect("doc");
    assert!(doc.narrative().len() > 40);
    assert_eq!(narrative_errors(&doc), Vec::<Finding>::new());
}

fn golden() -> Value {
    serde_json::from_str(
        &std::fs::read_to_string(data_file("documents/narrative.json")).expect("narrative.json"),
    )
    .expect("json")
}

/// Every statement verified by hand: a `pass` gives no narrative finding on its sentence, an
/// `error` gives one of its rule; and the document reports no narrative error that is not listed.
#[test]
fn golden_statements_of_real_documents() {
    let g = golden();
    let docs = g["documents"].as_array().expect("documents");
    assert!(docs.len() >= 4);
    let (mut checked, mut passed, mut errors, mut infos) = (0, 0, 0, 0);
    for d in docs {
        let path = d["path"].as_str().expect("path");
        let doc = Document::from_source(source(path), &ReadOptions::default()).expect("doc");
        let found = narrative_errors(&doc);
        let statements = doc.narrative();
        for s in d["statements"].as_array().expect("statements") {
            let page = s["page"].as_u64().and_then(|p| u32::try_from(p).ok());
            let figure = s["figure"].as_str().expect("figure");
            let verdict = s["verdict"].as_str().expect("verdict");
            let on_sentence = |f: &&Finding| {
                f.page == page && f.printed.as_deref().is_some_and(|t| t.contains(figure))
            };
            checked += 1;
            if s["extracted"].as_bool().unwrap_or(true) {
                assert!(
                    statements.iter().any(|st| Some(st.page) == page
                        && (st.sentence.contains(figure)
                            || st
                                .change
                                .as_ref()
                                .is_some_and(|c| c.sentence.contains(figure)))),
                    "{path} p.{page:?}: {figure} not extracted"
                );
            }
            match verdict {
                "pass" => {
                    let hits: Vec<&Finding> = found.iter().filter(on_sentence).collect();
                    let rules: Vec<&str> = s["other_rules_on_sentence"]
                        .as_array()
                        .map(|a| a.iter().filter_map(Value::as_str).collect())
                        .unwrap_or_default();
                    assert!(
                        hits.iter().all(|f| rules.contains(&f.rule.as_str())),
                        "{path} p.{page:?}: true statement {figure} reported: {hits:#?}"
                    );
                    passed += 1;
                }
                "info" => {
                    // Not an error (e.g. a rate cut off instead of rounded): reported as an info.
                    let rule = s["rule"].as_str().expect("rule");
                    assert!(
                        doc.findings
                            .iter()
                            .filter(on_sentence)
                            .any(|f| f.rule == rule && f.severity == Severity::Info),
                        "{path} p.{page:?}: {figure} ({rule}) not reported as an info"
                    );
                    infos += 1;
                }
                _ => {
                    let rule = s["rule"].as_str().expect("rule");
                    assert!(
                        found.iter().filter(on_sentence).any(|f| f.rule == rule),
                        "{path} p.{page:?}: real error {figure} ({rule}) not reported"
                    );
                    errors += 1;
                }
            }
        }
        let listed = d["errors"].as_u64().unwrap_or(0);
        assert_eq!(
            found.len() as u64,
            listed,
            "{path}: narrative errors {found:#?}"
        );
    }
    println!(
        "golden: {checked} statements, {passed} true passed, {errors} real errors reported, {infos} infos"
    );
}

/// The blank official template (上海市普陀区 部门预算 template, tests/data/documents/readers):
/// its explanation text is still XX and 增加（减少）, which the checks report.
#[test]
fn the_blank_official_template_reports_its_placeholders() {
    let doc = Document::read(
        data_file("documents/readers/shanghai_putuo_dept_budget_template.xlsx"),
        &ReadOptions::default(),
    )
    .expect("template");
    let rules: std::collections::BTreeSet<String> =
        narrative_errors(&doc).into_iter().map(|f| f.rule).collect();
    assert_eq!(
        rules.into_iter().collect::<Vec<_>>(),
        ["narrative.placeholder", "narrative.template"]
    );
}
