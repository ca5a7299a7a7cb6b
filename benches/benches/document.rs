//! Published documents: read, recognise and check a real department PDF (issue 10's goal: a
//! 30-page department PDF in under 1 s on the project's 2-core machine).
//!
//! `SUNLIT_BENCH_PDF=path.pdf` picks the document; by default the largest PDF of the corpus in
//! `tests/data/documents/` is used.

use std::path::{Path, PathBuf};

use criterion::{Criterion, criterion_group, criterion_main};
use sunlit::{Document, ReadOptions, document::SourceDocument};

fn pdfs(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            pdfs(&p, out);
        } else if p.extension().is_some_and(|x| x.eq_ignore_ascii_case("pdf")) {
            out.push(p);
        }
    }
}

fn document(c: &mut Criterion) {
    let path = match std::env::var_os("SUNLIT_BENCH_PDF") {
        Some(p) => PathBuf::from(p),
        None => {
            let mut all = Vec::new();
            pdfs(
                &Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/data/documents"),
                &mut all,
            );
            match all
                .into_iter()
                .max_by_key(|p| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0))
            {
                Some(p) => p,
                None => {
                    eprintln!("no PDF in tests/data/documents; set SUNLIT_BENCH_PDF");
                    return;
                }
            }
        }
    };
    let opts = ReadOptions::default();
    let pages = match SourceDocument::read(&path, &opts) {
        Ok(d) => d.pages,
        Err(e) => {
            eprintln!("{}: {e}", path.display());
            return;
        }
    };
    eprintln!("{}: {pages} pages", path.display());
    let mut g = c.benchmark_group("document");
    g.sample_size(10);
    g.bench_function("pdf_read", |b| {
        b.iter(|| SourceDocument::read(&path, &opts).map(|d| d.tables.len()))
    });
    g.bench_function("pdf_read_recognise_check", |b| {
        b.iter(|| Document::read(&path, &opts).map(|d| d.findings.len()))
    });
    g.finish();
}

criterion_group!(benches, document);
criterion_main!(benches);
