//! Power-list (权责清单) and change-log CSV and JSON readers, with the legal-basis citations in
//! their cells. First byte: bit 0 JSON over CSV, bit 1 change log over power list. Read → write
//! → read must give an equal value through both writers, and rewriting must be a fixed point.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sunlit::{PowerList, power::ChangeLog};

fn list_round_trip(list: &PowerList) {
    let csv = list.to_csv_string().expect("a read list writes as CSV");
    let from_csv = PowerList::read_csv_str(&csv)
        .unwrap_or_else(|e| panic!("written CSV unreadable: {e}\n{csv}"));
    assert_eq!(&from_csv, list, "CSV round trip changed the list\n{csv}");
    assert_eq!(from_csv.to_csv_string().unwrap(), csv);

    let json = list.to_json();
    let from_json = PowerList::from_json(&json)
        .unwrap_or_else(|e| panic!("written JSON unreadable: {e}\n{json}"));
    assert_eq!(&from_json, list, "JSON round trip changed the list\n{json}");
    assert_eq!(from_json.to_json(), json);
}

fn log_round_trip(log: &ChangeLog) {
    let csv = log
        .to_csv_string()
        .expect("a read change log writes as CSV");
    let from_csv = ChangeLog::read_csv_str(&csv)
        .unwrap_or_else(|e| panic!("written CSV unreadable: {e}\n{csv}"));
    assert_eq!(
        &from_csv, log,
        "CSV round trip changed the change log\n{csv}"
    );
    assert_eq!(from_csv.to_csv_string().unwrap(), csv);

    let json = log.to_json();
    let from_json = ChangeLog::from_json(&json)
        .unwrap_or_else(|e| panic!("written JSON unreadable: {e}\n{json}"));
    assert_eq!(
        &from_json, log,
        "JSON round trip changed the change log\n{json}"
    );
    assert_eq!(from_json.to_json(), json);
}

fuzz_target!(|data: &[u8]| {
    let Some((&sel, rest)) = data.split_first() else {
        return;
    };
    let json = sel & 1 == 1;
    let text = if json {
        match std::str::from_utf8(rest) {
            Ok(t) => Some(t),
            Err(_) => return,
        }
    } else {
        None
    };
    if sel & 2 == 0 {
        let read = match text {
            Some(t) => PowerList::from_json(t),
            None => PowerList::read_csv(rest),
        };
        if let Ok(list) = read {
            list_round_trip(&list);
        }
    } else {
        let read = match text {
            Some(t) => ChangeLog::from_json(t),
            None => ChangeLog::read_csv(rest),
        };
        if let Ok(log) = read {
            log_round_trip(&log);
        }
    }
});
