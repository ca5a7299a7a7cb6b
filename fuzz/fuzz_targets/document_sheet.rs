//! The document reader for spreadsheet bytes (XLSX and XLS through calamine), then
//! recognition and every output of the recognised document. First byte: bit 0 XLS over XLSX.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sunlit::{Document, ReadOptions, SourceDocument, SourceFormat};

/// The readers run calamine and pdfplumber under `catch_unwind` (`SourceDocument::from_bytes`
/// turns their panics on malformed bytes into an error). libfuzzer-sys's panic hook aborts on
/// every panic, caught or not; this hook lets a panic raised inside a crates.io dependency
/// unwind to that guard, and still aborts on any other panic. A dependency panic the guard does
/// not catch aborts too (libfuzzer-sys aborts when a panic leaves the target).
fn let_dependency_panics_unwind() {
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

fuzz_target!(|data: &[u8]| {
    let_dependency_panics_unwind();
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
