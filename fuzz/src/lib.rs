//! What the document targets share: the first byte's choice of declared encoding and document
//! kind, the hook that lets a third-party reader's panic reach sunlit's guard, and every output
//! of a recognised document.

use sunlit::{
    Document, ReadOptions,
    document::{CheckOptions, DocumentKind},
};

/// Declared encodings a target can pick: none (detect), the three the readers know, and one
/// they must refuse by name.
const ENCODINGS: [Option<&str>; 5] = [
    None,
    Some("utf-8"),
    Some("gbk"),
    Some("gb18030"),
    Some("latin-9"),
];

/// Read options from a selector byte: bits 0–2 the declared encoding, the rest the document
/// kind given (none past the last kind).
pub fn options_of(sel: u8) -> ReadOptions {
    ReadOptions {
        encoding: ENCODINGS[usize::from(sel & 7) % ENCODINGS.len()].map(str::to_owned),
        kind: DocumentKind::ALL.get(usize::from(sel >> 3)).copied(),
        ..ReadOptions::default()
    }
}

/// The readers run calamine and pdfplumber under `catch_unwind` (`SourceDocument::from_bytes`
/// turns their panics on malformed bytes into an error). libfuzzer-sys's panic hook aborts on
/// every panic, caught or not; this hook lets a panic raised inside a crates.io dependency
/// unwind to that guard, and still aborts on any other panic. A dependency panic the guard does
/// not catch aborts too (libfuzzer-sys aborts when a panic leaves the target).
pub fn let_dependency_panics_unwind() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let aborting = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let in_dependency = info
                .location()
                .is_some_and(|l| l.file().contains("/.cargo/registry/"));
            if !in_dependency {
                aborting(info);
            }
        }));
    });
}

/// Every output of a recognised document; none may panic. The checks that run inside
/// `Document::from_source` (narrative, with the final account's budget sentences, and
/// completeness) have run already; the narrative statements and the identities across documents
/// (the document given as its own last year and budget, so that every identity is tried) run
/// here.
pub fn every_output(doc: &Document) {
    let _ = doc.narrative();
    let _ = doc.check(&CheckOptions {
        last_year: Some(doc),
        budget: Some(doc),
    });
    let _ = doc.to_json();
    let _ = doc.to_text();
    let _ = doc.to_html();
    let _ = doc.tables_csv();
    let _ = doc.tables_json();
    let _ = doc.located_findings();
}
