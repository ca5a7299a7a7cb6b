//! Annual-report (政府信息公开工作年度报告) table readers: the proactive-disclosure table, the
//! request table and the review table, each in CSV and JSON, in both report formats, and the
//! whole report as JSON. First byte: bit 0 JSON over CSV, bit 1 the 2019 format, bits 2–3 the
//! table (proactive, requests, reviews, whole report). Read → write → read must give an equal
//! table, in both formats, and rewriting must be a fixed point; a report's check must not panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sunlit::{
    AnnualReport,
    report::{ProactiveTable, ReportFormat, RequestTable, ReviewTable},
};

macro_rules! round_trip {
    ($t:expr, $csv_read:expr, $json_read:expr) => {{
        let t = $t;
        let csv = t.to_csv_string().expect("a read table writes as CSV");
        let from_csv = $csv_read(csv.as_bytes())
            .unwrap_or_else(|e| panic!("written CSV unreadable: {e}\n{csv}"));
        assert_eq!(&from_csv, &t, "CSV round trip changed the table\n{csv}");
        assert_eq!(from_csv.to_csv_string().unwrap(), csv);
        let json = t.to_json();
        let from_json =
            $json_read(&json).unwrap_or_else(|e| panic!("written JSON unreadable: {e}\n{json}"));
        assert_eq!(&from_json, &t, "JSON round trip changed the table\n{json}");
        assert_eq!(from_json.to_json(), json);
    }};
}

fuzz_target!(|data: &[u8]| {
    let Some((&sel, rest)) = data.split_first() else {
        return;
    };
    let json = sel & 1 == 1;
    let format = if sel & 2 == 0 {
        ReportFormat::Y2021
    } else {
        ReportFormat::Y2019
    };
    let text = std::str::from_utf8(rest).ok();
    if json && text.is_none() {
        return;
    }
    match (sel >> 2) & 3 {
        0 => {
            let read = match text.filter(|_| json) {
                Some(t) => ProactiveTable::from_json(t, format),
                None => ProactiveTable::read_csv(rest, format),
            };
            if let Ok(t) = read {
                let _ = t.check(None);
                round_trip!(
                    t,
                    |b: &[u8]| ProactiveTable::read_csv(b, format),
                    |s: &str| ProactiveTable::from_json(s, format)
                );
            }
        }
        1 => {
            let read = match text.filter(|_| json) {
                Some(t) => RequestTable::from_json(t, format),
                None => RequestTable::read_csv(rest, format),
            };
            if let Ok(t) = read {
                let _ = t.check();
                round_trip!(
                    t,
                    |b: &[u8]| RequestTable::read_csv(b, format),
                    |s: &str| RequestTable::from_json(s, format)
                );
            }
        }
        2 => {
            let read = match text.filter(|_| json) {
                Some(t) => ReviewTable::from_json(t),
                None => ReviewTable::read_csv(rest),
            };
            if let Ok(t) = read {
                let _ = t.check();
                round_trip!(t, ReviewTable::read_csv, ReviewTable::from_json);
            }
        }
        _ => {
            let Some(text) = text else { return };
            if let Ok(r) = AnnualReport::from_json(text) {
                let _ = r.check(&Default::default());
                let json = r.to_json();
                let again = AnnualReport::from_json(&json)
                    .unwrap_or_else(|e| panic!("written JSON unreadable: {e}\n{json}"));
                assert_eq!(again, r, "JSON round trip changed the report\n{json}");
                assert_eq!(again.to_json(), json);
            }
        }
    }
});
