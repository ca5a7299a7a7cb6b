//! The reports of `sunlit check` on every real document of tests/data/documents: the stable JSON
//! (names of the issue), the text, the HTML page (one grid per recognised table, every finding
//! placed on a cell or listed), and the tables with provenance.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use serde_json::Value;
use sunlit::{Document, ReadOptions, document::documents_to_json};
use sunlit_tests::data_dir;

fn documents(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            documents(&p, out);
        } else if sunlit::document::SourceFormat::from_name(&p.display().to_string()).is_some() {
            out.push(p);
        }
    }
}

/// Every real document, read, recognised and checked once for all the tests.
fn real_documents() -> &'static [Document] {
    static DOCS: OnceLock<Vec<Document>> = OnceLock::new();
    DOCS.get_or_init(|| {
        let mut paths = Vec::new();
        documents(&data_dir().join("documents"), &mut paths);
        assert!(paths.len() >= 5, "the corpus has documents: {paths:?}");
        paths
            .iter()
            .map(|p| {
                Document::read(p, &ReadOptions::default())
                    .unwrap_or_else(|e| panic!("{}: {e}", p.display()))
            })
            .collect()
    })
}

fn keys(v: &Value, names: &[&str]) {
    for k in names {
        assert!(v.get(k).is_some(), "{k} missing in {v}");
    }
}

#[test]
fn the_json_of_every_real_document_has_the_stable_names() {
    let docs = real_documents();
    let all: Value = serde_json::from_str(&documents_to_json(docs)).unwrap();
    let list = all["documents"].as_array().unwrap();
    assert_eq!(list.len(), docs.len());
    for (d, v) in docs.iter().zip(list) {
        keys(
            v,
            &["path", "kind", "year", "tables", "missing", "findings"],
        );
        assert_eq!(v["path"], d.path.as_str());
        for t in v["tables"].as_array().unwrap() {
            keys(
                t,
                &["number", "kind", "title", "unit", "pages", "rows", "cells"],
            );
        }
        let numbers: Vec<&Value> = v["tables"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| &t["number"])
            .collect();
        for f in v["findings"].as_array().unwrap() {
            keys(
                f,
                &[
                    "rule", "severity", "table", "page", "row", "column", "printed", "expected",
                    "message",
                ],
            );
            assert!(
                f["table"].is_null() || numbers.contains(&&f["table"]),
                "{f}"
            );
            assert!(f["expected"].is_null() || f["expected"].is_string(), "{f}");
        }
    }
}

#[test]
fn the_text_and_the_page_of_every_real_document() {
    for d in real_documents() {
        let text = d.to_text();
        assert!(text.starts_with(&format!("文件 File: {}", d.path)));
        let errors = d.findings.error_count();
        assert!(
            text.contains(&format!("发现 Findings: {errors} error")),
            "{text}"
        );
        let html = d.to_html();
        assert!(html.ends_with("</html>\n") && !html.contains("<script"));
        let grids = d
            .tables
            .iter()
            .filter(|t| !t.source.rows.is_empty())
            .count();
        assert_eq!(
            html.matches("<table class=\"src\">").count(),
            grids,
            "{}",
            d.path
        );
        // every finding is shown: on its cell (a <sup> mark) and in the list under its table
        assert_eq!(
            html.matches("\" value=\"").count(),
            d.findings.len(),
            "{}",
            d.path
        );
        assert!(
            html.matches("<sup>").count() <= d.findings.len(),
            "{}",
            d.path
        );
    }
}

#[test]
fn the_tables_of_every_real_document_with_provenance() {
    for d in real_documents() {
        let csv = d.tables_csv().unwrap();
        let mut lines = csv.lines();
        assert_eq!(
            lines.next(),
            Some("table,kind,title,page,sheet,row,column,heading,row_label,text,amount")
        );
        let json: Value = serde_json::from_str(&d.tables_json()).unwrap();
        let cells: usize = json["tables"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t["cells"].as_array().unwrap().len())
            .sum();
        let records = csv::Reader::from_reader(csv.as_bytes()).records().count();
        assert_eq!(records, cells, "{}", d.path);
        let located = d.located_findings();
        assert_eq!(located.len(), d.findings.len());
    }
}
