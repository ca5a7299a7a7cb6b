//! The document reader for PDF bytes (feature `pdf`: text lines and ruled tables through
//! pdfplumber), then recognition and every output of the recognised document. The whole input
//! is the PDF.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sunlit::{
    Document, ReadOptions,
    document::{SourceDocument, SourceFormat},
};

fuzz_target!(|data: &[u8]| {
    sunlit_fuzz::let_dependency_panics_unwind();
    let opts = ReadOptions::default();
    let Ok(source) = SourceDocument::from_bytes("fuzz.pdf", SourceFormat::Pdf, data, &opts) else {
        return;
    };
    if let Ok(doc) = Document::from_source(source, &opts) {
        sunlit_fuzz::every_output(&doc);
    }
});
