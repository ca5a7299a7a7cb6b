//! The document reader for HTML pages (`SourceDocument::from_bytes` with `SourceFormat::Html`:
//! BOM, declared or `<meta>` charset, tables with rowspan/colspan, text between tables), then
//! recognition (`Document::from_source`) and every output of the recognised document. First
//! byte: the declared encoding (none, utf-8, gbk, gb18030, an unknown label) and the document
//! kind given (none or one of the kinds); the rest is the page.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sunlit::{
    Document,
    document::{SourceDocument, SourceFormat},
};

fuzz_target!(|data: &[u8]| {
    let Some((&sel, bytes)) = data.split_first() else {
        return;
    };
    let opts = sunlit_fuzz::options_of(sel);
    let Ok(source) = SourceDocument::from_bytes("fuzz.html", SourceFormat::Html, bytes, &opts)
    else {
        return;
    };
    for line in &source.lines {
        assert!(line.page >= 1, "pages are 1-based: {line:?}");
    }
    for t in &source.tables {
        assert!(
            t.pages.iter().all(|&p| p >= 1),
            "pages are 1-based: {:?}",
            t.pages
        );
        for row in &t.rows {
            for cell in row {
                assert!(cell.at.row >= 1, "row numbers are 1-based: {cell:?}");
                assert!(cell.at.column >= 1, "column numbers are 1-based: {cell:?}");
                assert!(
                    cell.at.page.is_some_and(|p| p >= 1),
                    "an HTML cell's page (its table's ordinal) is 1-based: {cell:?}"
                );
            }
        }
    }
    if let Ok(doc) = Document::from_source(source, &opts) {
        sunlit_fuzz::every_output(&doc);
    }
});
