//! The document reader for PDF bytes (feature `pdf`: text lines and ruled tables through
//! pdfplumber), then recognition and every output of the recognised document. The whole input
//! is the PDF.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sunlit::{Document, ReadOptions, SourceDocument, SourceFormat};

fuzz_target!(|data: &[u8]| {
    let opts = ReadOptions::default();
    let Ok(source) = SourceDocument::from_bytes("fuzz.pdf", SourceFormat::Pdf, data, &opts) else {
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
