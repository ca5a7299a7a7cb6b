//! Request histories (依申请公开): a JSON object `{"received": "YYYY-MM-DD", "channel": …,
//! "applicant": …, "submitted": …, "events": [RequestEvent…], "as_of": …}` whose events are
//! pushed one by one onto a `DisclosureRequest` (the events as the bindings read them, through
//! serde); then its due date, status, timeline and findings. A refused event must leave the
//! request as it was (nothing half-applied); an accepted one is recorded.
#![no_main]

use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;
use serde_json::Value;
use sunlit::{
    DisclosureRequest, WorkCalendar,
    request::{Applicant, Channel, RequestEvent},
};

fn date(v: &Value, key: &str) -> Option<NaiveDate> {
    v.get(key)?.as_str()?.parse().ok()
}

fuzz_target!(|data: &[u8]| {
    let Ok(v) = serde_json::from_slice::<Value>(data) else {
        return;
    };
    let Some(received) = date(&v, "received") else {
        return;
    };
    let channel = v
        .get("channel")
        .and_then(Value::as_str)
        .and_then(|s| Channel::parse(s).ok())
        .unwrap_or(Channel::Online);
    let applicant = v
        .get("applicant")
        .and_then(Value::as_str)
        .and_then(|s| Applicant::parse(s).ok())
        .unwrap_or(Applicant::NaturalPerson);
    let mut req = DisclosureRequest::new(received, channel, applicant);
    if let Some(s) = date(&v, "submitted") {
        match req.clone().with_submitted(s) {
            Ok(r) => req = r,
            Err(_) => return,
        }
    }
    let cal = WorkCalendar::china();
    let events = v
        .get("events")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    for e in events {
        let Ok(event) = serde_json::from_value::<RequestEvent>(e) else {
            continue;
        };
        let before = req.clone();
        match req.push(event.clone(), &cal) {
            Ok(()) => assert_eq!(req.events().last(), Some(&event)),
            Err(_) => assert_eq!(req, before, "a refused {event:?} changed the request"),
        }
    }
    let _ = req.due_date(&cal);
    let _ = req.timeline(&cal);
    let as_of = date(&v, "as_of").unwrap_or(received);
    let _ = req.status(as_of, &cal);
    let _ = req.findings(as_of, &cal);
});
