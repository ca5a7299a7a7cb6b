//! Rule ids written by hand in the documentation and the golden data are checked against the
//! registry (`sunlit::rules`): a renamed or split rule cannot leave a stale id behind, and a
//! golden case cannot expect a severity its rule does not have.

use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default()
}

fn markdown_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if p.is_dir() {
            if !name.starts_with('.') && name != "target" && name != "node_modules" {
                markdown_files(&p, out);
            }
        } else if name.ends_with(".md") {
            out.push(p);
        }
    }
}

/// Backquoted spans that look like a rule id: `family.name` with a registry family.
fn rule_like_spans(text: &str) -> Vec<String> {
    let families: Vec<&str> = sunlit::rules::all().map(|r| r.family).collect();
    let files = [
        "csv", "json", "md", "rs", "pdf", "html", "xls", "xlsx", "txt", "py", "kt",
    ];
    text.split('`')
        .skip(1)
        .step_by(2)
        .filter_map(|span| {
            let (family, name) = span.split_once('.')?;
            let ok = families.contains(&family)
                && !name.is_empty()
                && name.chars().all(|c| c.is_ascii_lowercase() || c == '_')
                && !files.contains(&name);
            ok.then(|| span.to_owned())
        })
        .collect()
}

#[test]
fn every_rule_id_in_the_markdown_is_in_the_registry() {
    let mut files = Vec::new();
    markdown_files(&root(), &mut files);
    assert!(files.len() > 5, "{files:?}");
    let mut stale = Vec::new();
    let mut seen = 0;
    for f in &files {
        let text = std::fs::read_to_string(f).unwrap_or_default();
        for id in rule_like_spans(&text) {
            seen += 1;
            if sunlit::rules::by_id(&id).is_none() {
                stale.push(format!("{}: `{id}`", f.display()));
            }
        }
    }
    assert!(seen > 50, "only {seen} rule ids found");
    assert!(
        stale.is_empty(),
        "rule ids not in the registry:\n{}",
        stale.join("\n")
    );
}

#[test]
fn golden_cases_expect_the_severity_of_their_rule() {
    let path = root().join("tests/data/tables/corrupted/cases.csv");
    let mut r = csv::Reader::from_path(&path).unwrap();
    let headers = r.headers().unwrap().clone();
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let (rule, severity) = (col("rule"), col("severity"));
    let mut n = 0;
    for record in r.records() {
        let record = record.unwrap();
        let id = &record[rule];
        let registered = sunlit::rules::by_id(id).unwrap_or_else(|| panic!("{id} unknown"));
        assert_eq!(registered.severity.id(), &record[severity], "{id}");
        n += 1;
    }
    assert!(n > 5);
}
