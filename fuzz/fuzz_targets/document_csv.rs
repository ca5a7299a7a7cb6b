//! The document reader for CSV bytes (`SourceDocument::from_csv_bytes`: UTF-8 with or without
//! BOM, GBK, GB18030, strict quoting) and recognition of the grid as a budget, final account,
//! annual report or power list (`Document::from_source`), then every output of the recognised
//! document. First byte: the declared encoding (none, utf-8, gbk, gb18030, an unknown label) and
//! the document kind given (none or one of the kinds).
#![no_main]

use libfuzzer_sys::fuzz_target;
use sunlit::{Document, DocumentKind, ReadOptions, SourceDocument};

const ENCODINGS: [Option<&str>; 5] = [
    None,
    Some("utf-8"),
    Some("gbk"),
    Some("gb18030"),
    Some("latin-9"),
];

fuzz_target!(|data: &[u8]| {
    let Some((&sel, bytes)) = data.split_first() else {
        return;
    };
    let encoding = ENCODINGS[usize::from(sel & 7) % ENCODINGS.len()].map(str::to_owned);
    let kind = DocumentKind::ALL.get(usize::from(sel >> 3)).copied();
    let opts = ReadOptions {
        encoding,
        kind,
        ..ReadOptions::default()
    };
    let Ok(source) = SourceDocument::from_csv_bytes("fuzz.csv", bytes, &opts) else {
        return;
    };
    for t in &source.tables {
        for row in &t.rows {
            for cell in row {
                assert!(cell.at.row >= 1, "row numbers are 1-based: {cell:?}");
            }
        }
    }
    if let Ok(doc) = Document::from_source(source, &opts) {
        sunlit_fuzz_outputs(&doc);
    }
});

fn sunlit_fuzz_outputs(doc: &Document) {
    let _ = doc.to_json();
    let _ = doc.to_text();
    let _ = doc.to_html();
    let _ = doc.tables_csv();
    let _ = doc.tables_json();
    let _ = doc.located_findings();
}
