//! The document reader for spreadsheet bytes (XLSX and XLS through calamine), then
//! recognition and every output of the recognised document. First byte: bit 0 XLS over XLSX.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sunlit::{Document, ReadOptions, SourceDocument, SourceFormat};

fuzz_target!(|data: &[u8]| {
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
        let _ = doc.to_json();
        let _ = doc.to_text();
        let _ = doc.to_html();
        let _ = doc.tables_csv();
        let _ = doc.tables_json();
        let _ = doc.located_findings();
    }
});
