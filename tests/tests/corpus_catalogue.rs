//! Catalogue coverage of the codes printed in the real documents of the corpus (issue 14, "the
//! whole classification"): every distinct (catalogue year, code) printed in a budget or
//! final-account table of `tests/data/documents/manifest.json`, with the name as printed, and
//! whether the embedded catalogue knows the code in that year.
//!
//! The list is written to `target/catalogue-coverage.md` (`cargo nextest run -p sunlit-tests
//! --test integration corpus_catalogue:: --no-capture` prints the summary line).

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use serde_json::Value;
use sunlit::{Catalog, Document, ReadOptions, document::DocumentKind};
use sunlit_tests::data_file;

/// One distinct printed code: where it was seen and the names printed beside it.
#[derive(Default)]
struct Seen {
    names: BTreeMap<String, Vec<String>>,
    /// The documents printing it.
    documents: BTreeSet<String>,
}

/// The `catalogue.*` findings of every document, as report lines.
type CatalogueFindings = Vec<String>;

/// The documents each (year, code) of `core/data/classification/printed_names.csv` was read
/// from.
fn printed_sources() -> BTreeMap<(i32, String), BTreeSet<String>> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../core/data/classification/printed_names.csv");
    let mut reader = csv::Reader::from_path(path).expect("printed_names.csv");
    reader
        .records()
        .map(|r| {
            let r = r.expect("record");
            (
                (r[0].parse().expect("year"), r[1].to_owned()),
                r[3].split_whitespace().map(str::to_owned).collect(),
            )
        })
        .collect()
}

/// Every (year, scheme, code) printed in the corpus's budget and final-account tables.
fn printed_codes() -> (BTreeMap<(i32, String, String), Seen>, CatalogueFindings) {
    let manifest: Vec<Value> = serde_json::from_str(
        &std::fs::read_to_string(data_file("documents/manifest.json")).expect("manifest"),
    )
    .expect("manifest is JSON");
    let mut seen: BTreeMap<(i32, String, String), Seen> = BTreeMap::new();
    let mut findings = Vec::new();
    for entry in &manifest {
        let kind = entry["kind"].as_str().unwrap_or("");
        if kind != "budget" && kind != "final" {
            continue;
        }
        let path = entry["path"].as_str().unwrap_or_default();
        let mut opts = ReadOptions::default();
        if entry["format"].as_str() == Some("csv") {
            opts.kind = DocumentKind::parse(kind).ok();
            opts.year = entry["year"].as_i64().map(|y| y as i32);
            opts.unit = entry["unit"]
                .as_str()
                .and_then(|u| sunlit::Unit::parse(u).ok());
        }
        let doc = Document::read(data_file(&format!("documents/{path}")), &opts)
            .unwrap_or_else(|e| panic!("{path}: {e}"));
        let year = doc.year.expect("every budget of the corpus has its year");
        for f in doc
            .findings
            .iter()
            .filter(|f| f.rule.starts_with("catalogue."))
        {
            findings.push(format!(
                "{path} p{}: {} {:?} {} — {}",
                f.page.unwrap_or(0),
                f.rule,
                f.severity,
                f.printed.as_deref().unwrap_or(""),
                f.message_zh
            ));
        }
        for t in &doc.tables {
            let Some(table) = &t.table else { continue };
            for (i, row) in table.rows().iter().enumerate() {
                let Some(code) = row.code else { continue };
                let page = t
                    .row_at
                    .get(i)
                    .and_then(|&r| t.source.rows.get(r))
                    .and_then(|r| r.iter().find_map(|c| c.at.page))
                    .or(t.pages.first().copied())
                    .map(|p| p.to_string())
                    .unwrap_or_default();
                let e = seen
                    .entry((year, code.scheme().id().to_owned(), code.to_string()))
                    .or_default();
                e.documents.insert(path.to_owned());
                e.names
                    .entry(row.name.trim().to_owned())
                    .or_default()
                    .push(format!("{path} p{page}"));
            }
        }
    }
    (seen, findings)
}

#[test]
fn catalogue_covers_the_codes_printed_in_the_corpus() {
    let (seen, findings) = printed_codes();
    let catalog = Catalog::embedded();
    let sources = printed_sources();
    // Before: the seed of main (2024 and 2026 only), in the year printed and in any year.
    let seed = Catalog::seed();
    let seed_year = seen
        .keys()
        .filter(|(y, s, c)| {
            let code = sunlit::Code::parse(s.parse().expect("scheme"), c).expect("code");
            seed.name(code, *y).is_some()
        })
        .count();
    let seed_any = seen
        .keys()
        .filter(|(_, s, c)| {
            let code = sunlit::Code::parse(s.parse().expect("scheme"), c).expect("code");
            [2024, 2026].iter().any(|y| seed.name(code, *y).is_some())
        })
        .count();
    // Held out: a document's codes known without that document's own rows (from the seed,
    // the 类 names, or another document of the same year).
    let (mut held, mut held_total) = (0, 0);
    for ((year, scheme, code), s) in &seen {
        let parsed = sunlit::Code::parse(scheme.parse().expect("scheme"), code).expect("code");
        let base = seed.name(parsed, *year).is_some()
            || (parsed.level() == 1
                && sunlit::catalog::functional_class_name(parsed, *year).is_some());
        for d in &s.documents {
            held_total += 1;
            let others = sources
                .get(&(*year, code.clone()))
                .is_some_and(|src| src.iter().any(|x| x != d));
            if base || others {
                held += 1;
            }
        }
    }
    let mut report = String::from(
        "| year | scheme | code | printed name(s) | catalogue name | where |\n| --- | --- | --- | --- | --- | --- |\n",
    );
    let total = seen.len();
    let mut known = 0;
    let mut by_scheme: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut missing = Vec::new();
    for ((year, scheme, code), s) in &seen {
        let parsed = sunlit::Code::parse(scheme.parse().expect("scheme id"), code).expect("code");
        let name = catalog.name(parsed, *year);
        let e = by_scheme.entry(scheme.as_str()).or_default();
        e.1 += 1;
        if name.is_some() {
            known += 1;
            e.0 += 1;
        } else {
            missing.push(format!(
                "{year} {code} {:?}",
                s.names.keys().collect::<Vec<_>>()
            ));
        }
        let wheres: Vec<&String> = s.names.values().flatten().take(3).collect();
        let _ = writeln!(
            report,
            "| {year} | {scheme} | {code} | {} | {} | {} |",
            s.names.keys().cloned().collect::<Vec<_>>().join(" / "),
            name.unwrap_or("—"),
            wheres
                .iter()
                .map(|w| w.as_str())
                .collect::<Vec<_>>()
                .join("; ")
        );
    }
    let summary = format!(
        "catalogue coverage: {known} of {total} distinct (year, code) printed in the corpus ({}); {}",
        if total == 0 {
            "-".to_owned()
        } else {
            format!("{:.1}%", known as f64 * 100.0 / total as f64)
        },
        by_scheme
            .iter()
            .map(|(s, (k, n))| format!("{s} {k}/{n}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let pct = |a: usize, b: usize| format!("{:.1}%", a as f64 * 100.0 / b.max(1) as f64);
    let before = format!(
        "before (the seed alone): {seed_year} of {total} in the year printed ({}), {seed_any} in any seed year ({})",
        pct(seed_year, total),
        pct(seed_any, total)
    );
    let held_out = format!(
        "held out (each document against the catalogue without its own rows): {held} of {held_total} (document, year, code) ({})",
        pct(held, held_total)
    );
    let _ = writeln!(
        report,
        "\n{summary}\n\n{before}\n\n{held_out}\n\ncatalogue findings on the corpus:\n"
    );
    for f in &findings {
        let _ = writeln!(report, "- {f}");
    }
    println!("{summary}\n{before}\n{held_out}");
    for f in &findings {
        println!("{f}");
    }
    for m in &missing {
        println!("not in the catalogue: {m}");
    }
    let _ = std::fs::write(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/catalogue-coverage.md"),
        &report,
    );
    assert!(total >= 200, "only {total} distinct codes read");
    // A real case (verified in the page text): 上海市普陀区社会福利院 2024 单位预算, 表八 p.14 prints
    // "302 02 咨询费"; in the 2024 catalogue 30202 is 印刷费 and 咨询费 is 30203.
    assert!(
        findings.iter().any(|f| f.starts_with(
            "shanghai/putuo-welfare-unit-budget-2024.pdf p14: catalogue.name_of_other_code Warning 咨询费"
        )),
        "{findings:#?}"
    );
    assert!(
        !findings.iter().any(|f| f.contains("Error")),
        "catalogue errors on the corpus: {findings:#?}"
    );
    assert!(
        known * 100 >= total * 99,
        "catalogue coverage {known}/{total} is under 99%"
    );
}
