//! Ledger CSV and JSON readers. First byte even: the rest is CSV; odd: JSON. Whatever reads
//! must survive both writers losslessly: read → write → read gives an equal ledger, and the
//! second write is byte-identical to the first.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sunlit::Ledger;

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
    let read = if sel % 2 == 0 {
        Ledger::read_csv(rest)
    } else {
        match std::str::from_utf8(rest) {
            Ok(text) => Ledger::from_json(text),
            Err(_) => return,
        }
    };
    if let Ok(ledger) = read {
        round_trip(&ledger);
    }
});
