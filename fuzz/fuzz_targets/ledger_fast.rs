//! The ledger CSV fast path (core/src/budget/fast_csv.rs) against the strict reader, through the
//! public `Ledger` read API. The fast path takes what it can and hands everything else to the
//! strict reader, so whichever way a text goes, the answer must be the strict reader's.
//!
//! First byte: bit 0 — the rest is the whole file (else the canonical header is put before it,
//! so that mutations reach the lines); bit 1 — tight limits (4 KB, 8 rows, 64-byte fields); bit
//! 2 — also read it as a file (`read_csv_path_with`, the fast path's block-by-block stream) and
//! with progress (`read_csv_path_with_progress`: the reports never go down within one pass and
//! the last is the file's size).
//!
//! The strict reader alone is reached through lenient quoting, which differs from strict quoting
//! only on quotes; so a text without `"` must give under strict quoting (fast path first) the
//! same ledger as under lenient quoting (strict reader only), or the same error.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sunlit::{
    Error, Ledger,
    input::{InputOptions, Limits, Quoting},
};

const HEADER: &[u8] = b"year,book,phase,unit,functional,economic,nature,source,amount\n";

fn same(what: &str, a: &Result<Ledger, Error>, b: &Result<Ledger, Error>, text: &[u8]) {
    assert_eq!(a, b, "{what} differ on\n{}", String::from_utf8_lossy(text));
}

/// The text as a file, read by path with and without progress; both must equal `expected`.
fn by_path(text: &[u8], opts: &InputOptions, expected: &Result<Ledger, Error>) {
    let path = std::env::temp_dir().join(format!(
        "sunlit-fuzz-ledger-fast-{}.csv",
        std::process::id()
    ));
    std::fs::write(&path, text).expect("the temporary file is written");
    let read = Ledger::read_csv_path_with(&path, opts).map(|(l, _)| l);
    same(
        "read_csv_with and read_csv_path_with",
        expected,
        &read,
        text,
    );
    let mut seen: Vec<(u64, Option<u64>)> = Vec::new();
    let read =
        Ledger::read_csv_path_with_progress(&path, opts, &mut |done, size| seen.push((done, size)))
            .map(|(l, _)| l);
    same(
        "read_csv_with and read_csv_path_with_progress",
        expected,
        &read,
        text,
    );
    let size = text.len() as u64;
    assert_eq!(
        seen.last(),
        Some(&(size, Some(size))),
        "the last report is the file's size"
    );
    for pair in seen.windows(2) {
        // a pass restarts at 0 (the strict reader after the fast one); otherwise never back
        assert!(
            pair[1].0 >= pair[0].0 || pair[1].0 == 0,
            "progress went back: {seen:?}"
        );
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&sel, rest)) = data.split_first() else {
        return;
    };
    let text: Vec<u8> = if sel & 1 == 0 {
        [HEADER, rest].concat()
    } else {
        rest.to_vec()
    };
    let mut opts = InputOptions::default();
    if sel & 2 != 0 {
        opts.limits = Limits {
            max_file_bytes: 4096,
            max_rows: 8,
            max_field_bytes: 64,
            max_json_depth: 4,
            max_cells: 64,
        };
    }
    let fast = Ledger::read_csv_with(&text[..], &opts).map(|(l, findings)| {
        assert!(findings.is_empty(), "strict quoting gives no warnings");
        l
    });
    if !text.contains(&b'"') {
        let strict = Ledger::read_csv_with(
            &text[..],
            &InputOptions {
                quoting: Quoting::Lenient,
                ..opts.clone()
            },
        )
        .map(|(l, _)| l);
        same("the fast path and the strict reader", &fast, &strict, &text);
    }
    if sel & 4 != 0 {
        by_path(&text, &opts, &fast);
    }
    if let Ok(ledger) = &fast {
        // what was read writes and reads back unchanged
        let csv = ledger.to_csv_string().expect("a read ledger writes as CSV");
        assert_eq!(
            &Ledger::read_csv_str(&csv).expect("written CSV reads back"),
            ledger
        );
    }
});
