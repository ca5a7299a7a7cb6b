//! The document reader for CSV bytes (`SourceDocument::from_csv_bytes`: UTF-8 with or without
//! BOM, GBK, GB18030, strict quoting) and recognition of the grid as a budget, final account,
//! annual report or power list (`Document::from_source`), then every output of the recognised
//! document. First byte: the declared encoding (none, utf-8, gbk, gb18030, an unknown label) and
//! the document kind given (none or one of the kinds).
#![no_main]

use libfuzzer_sys::fuzz_target;
use sunlit::{Document, document::SourceDocument};

fuzz_target!(|data: &[u8]| {
    let Some((&sel, bytes)) = data.split_first() else {
        return;
    };
    let opts = sunlit_fuzz::options_of(sel);
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
        sunlit_fuzz::every_output(&doc);
    }
});
