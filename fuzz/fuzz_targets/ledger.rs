//! Ledger CSV and JSON readers, with their input options. First byte: bit 0 JSON over CSV,
//! bit 1 lenient CSV quoting, bit 2 tight limits (4 KB, 8 rows, 64-byte fields, JSON depth 4).
//! Whatever reads must survive both writers losslessly: read → write → read (strict, default
//! limits) gives an equal ledger, and the second write is byte-identical to the first.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sunlit::{
    Ledger,
    input::{InputOptions, Limits, Quoting},
};

fn round_trip(ledger: &Ledger) {
    let csv = ledger.to_csv_string().expect("a read ledger writes as CSV");
    let from_csv =
        Ledger::read_csv_str(&csv).unwrap_or_else(|e| panic!("written CSV unreadable: {e}\n{csv}"));
    assert_eq!(
        &from_csv, ledger,
        "CSV round trip changed the ledger\n{csv}"
    );
    assert_eq!(from_csv.to_csv_string().unwrap(), csv);

    let json = ledger.to_json();
    let from_json =
        Ledger::from_json(&json).unwrap_or_else(|e| panic!("written JSON unreadable: {e}\n{json}"));
    assert_eq!(
        &from_json, ledger,
        "JSON round trip changed the ledger\n{json}"
    );
    assert_eq!(from_json.to_json(), json);
}

fuzz_target!(|data: &[u8]| {
    let Some((&sel, rest)) = data.split_first() else {
        return;
    };
    let mut opts = InputOptions::default();
    if sel & 2 != 0 {
        opts.quoting = Quoting::Lenient;
    }
    if sel & 4 != 0 {
        opts.limits = Limits {
            max_file_bytes: 4096,
            max_rows: 8,
            max_field_bytes: 64,
            max_json_depth: 4,
            max_cells: 64,
        };
    }
    let read = if sel & 1 == 0 {
        Ledger::read_csv_with(rest, &opts).map(|(ledger, _)| ledger)
    } else {
        match std::str::from_utf8(rest) {
            Ok(text) => Ledger::from_json_with(text, &opts),
            Err(_) => return,
        }
    };
    if let Ok(ledger) = read {
        round_trip(&ledger);
    }
});
