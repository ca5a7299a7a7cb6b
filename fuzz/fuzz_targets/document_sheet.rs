//! The document reader for spreadsheet bytes (XLSX and XLS through calamine), then
//! recognition and every output of the recognised document. First byte: bit 0 XLS over XLSX.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sunlit::{
    Document, ReadOptions,
    document::{SourceDocument, SourceFormat},
};

fuzz_target!(|data: &[u8]| {
    sunlit_fuzz::let_dependency_panics_unwind();
    let Some((&sel, bytes)) = data.split_first() else {
        return;
    };
    let (name, format) = if sel & 1 == 0 {
        ("fuzz.xlsx", SourceFormat::Xlsx)
    } else {
        ("fuzz.xls", SourceFormat::Xls)
    };
    let opts = ReadOptions::default();
    let Ok(source) = SourceDocument::from_bytes(name, format, bytes, &opts) else {
        return;
    };
    if let Ok(doc) = Document::from_source(source, &opts) {
        sunlit_fuzz::every_output(&doc);
    }
});
