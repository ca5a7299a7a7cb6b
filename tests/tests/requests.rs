//! Request timelines from `requests.json` — plain, late, overdue, corrected, consulted, extended,
//! across Spring Festival and the year boundary, fees, abandoned, withdrawn — and every
//! impossible history refused with the event named; plus invariants by property testing.

use std::str::FromStr;

use proptest::prelude::*;
use sunlit::{
    Decimal, DisclosureRequest, Error, WorkCalendar,
    request::{Applicant, Channel, ConsultParty, EventKind, Outcome, RequestState},
};
use sunlit_tests::{date, opt_str, read_json, str_at};

fn request(c: &serde_json::Value) -> sunlit::Result<DisclosureRequest> {
    let req = DisclosureRequest::new(
        date(str_at(c, "received")),
        Channel::parse(str_at(c, "channel")).unwrap(),
        Applicant::parse(str_at(c, "applicant")).unwrap(),
    );
    match opt_str(c, "submitted") {
        Some(s) => req.with_submitted(date(s)),
        None => Ok(req),
    }
}

/// Apply one event of the cases file through the named method.
fn apply(
    req: &mut DisclosureRequest,
    e: &serde_json::Value,
    cal: &WorkCalendar,
) -> sunlit::Result<()> {
    let on = || date(str_at(e, "on"));
    match str_at(e, "event") {
        "correction_requested" => req.request_correction(on(), cal),
        "correction_received" => req.receive_correction(on(), cal),
        "consultation_started" => {
            let party = opt_str(e, "party")
                .map_or(ConsultParty::default(), |p| ConsultParty::parse(p).unwrap());
            req.start_consultation(on(), party, cal)
        }
        "consultation_ended" => req.end_consultation(on(), cal),
        "extended" => req.extend(on(), e["workdays"].as_u64().unwrap() as u32, cal),
        "fee_notice" => req.fee_notice(on(), Decimal::from_str(str_at(e, "amount")).unwrap(), cal),
        "fee_paid" => req.pay_fee(on(), cal),
        "answered" => {
            let outcome = Outcome::parse(str_at(e, "outcome"), opt_str(e, "reason"))?;
            req.answer(on(), outcome, cal)
        }
        "withdrawn" => req.withdraw(on(), cal),
        "carried_over" => req.carry_over(e["year"].as_i64().unwrap() as i32, cal),
        other => panic!("unknown event {other}"),
    }
}

#[test]
fn request_timelines() {
    let cal = WorkCalendar::china();
    let v = read_json("disclosure/requests.json");
    let cases = v["cases"].as_array().unwrap();
    assert!(cases.len() >= 12);
    for c in cases {
        let name = str_at(c, "name");
        let mut req = request(c).unwrap();
        for e in c["events"].as_array().unwrap() {
            apply(&mut req, e, &cal).unwrap_or_else(|err| panic!("{name}: {err}"));
        }
        assert_eq!(
            req.due_date(&cal).unwrap(),
            opt_str(c, "due").map(date),
            "{name}"
        );
        for s in c["status"].as_array().unwrap() {
            let as_of = date(str_at(s, "as_of"));
            let st = req.status(as_of, &cal).unwrap();
            let at = format!("{name} @ {as_of}");
            assert_eq!(st.state.id(), str_at(s, "state"), "{at}");
            assert_eq!(st.clock.id(), str_at(s, "clock"), "{at}");
            assert_eq!(st.due, opt_str(s, "due").map(date), "{at}");
            assert_eq!(st.overdue_by, s["overdue_by"].as_i64().unwrap(), "{at}");
            assert_eq!(st.remaining, s["remaining"].as_i64().unwrap(), "{at}");
            if let Some(expected) = s["findings"].as_array() {
                let got: Vec<(String, String, Option<Decimal>, Option<Decimal>)> = req
                    .findings(as_of, &cal)
                    .unwrap()
                    .iter()
                    .map(|f| {
                        (
                            f.rule.clone(),
                            f.severity.id().to_owned(),
                            f.expected,
                            f.actual,
                        )
                    })
                    .collect();
                let want: Vec<_> = expected
                    .iter()
                    .map(|f| {
                        let n = |k: &str| f[k].as_i64().map(Decimal::from);
                        (
                            str_at(f, "rule").to_owned(),
                            str_at(f, "severity").to_owned(),
                            n("expected"),
                            n("actual"),
                        )
                    })
                    .collect();
                assert_eq!(got, want, "{at}");
            }
        }
        // The timeline lists every recorded event once, in date order, plus the milestones.
        let t = req.timeline(&cal).unwrap();
        let recorded = t.iter().filter(|e| e.recorded).count();
        assert_eq!(recorded, req.events().len() + 1, "{name}");
        assert!(t.windows(2).all(|w| w[0].date <= w[1].date), "{name}");
        assert_eq!(t[0].kind, EventKind::Received);
        if let Some(due) = opt_str(c, "due") {
            assert!(
                t.iter()
                    .any(|e| e.kind == EventKind::AnswerDue && e.date == date(due))
            );
        }
        // Every recorded event of the request cites its articles where it has any.
        assert!(t.iter().filter(|e| e.recorded).all(|e| !e.note.is_empty()));
    }
}

#[test]
fn findings_of_late_and_overdue_requests() {
    let cal = WorkCalendar::china();
    let mut req = DisclosureRequest::new(
        date("2024-09-20"),
        Channel::Online,
        Applicant::NaturalPerson,
    )
    .with_reference("2024-017");
    let overdue = req.findings(date("2024-10-24"), &cal).unwrap();
    assert_eq!(overdue.len(), 1);
    assert_eq!(overdue.as_slice()[0].rule, sunlit::rules::request::OVERDUE);
    req.answer(date("2024-10-25"), Outcome::Granted, &cal)
        .unwrap();
    let late = req.findings(date("2024-11-01"), &cal).unwrap();
    let f = &late.as_slice()[0];
    assert_eq!(f.rule, sunlit::rules::request::ANSWERED_LATE);
    assert_eq!(f.code.as_deref(), Some("2024-017"));
    assert_eq!(f.difference.unwrap().to_string(), "2");
    assert!(req.findings(date("2024-10-23"), &cal).unwrap().is_empty());
}

#[test]
fn impossible_histories_are_errors_naming_the_event() {
    let cal = WorkCalendar::china();
    let v = read_json("disclosure/requests.json");
    let cases = v["impossible"].as_array().unwrap();
    assert!(cases.len() >= 18);
    for c in cases {
        let name = str_at(c, "name");
        let expected = str_at(c, "event");
        let err = match request(c) {
            Err(e) => {
                assert!(c["index"].is_null(), "{name}: {e}");
                e
            }
            Ok(mut req) => {
                let events = c["events"].as_array().unwrap();
                let index = c["index"].as_u64().unwrap() as usize;
                for (i, e) in events.iter().take(index).enumerate() {
                    apply(&mut req, e, &cal)
                        .unwrap_or_else(|err| panic!("{name}: event {i}: {err}"));
                }
                let before = req.events().len();
                let err = apply(&mut req, &events[index], &cal).expect_err(name);
                assert_eq!(req.events().len(), before, "{name}: nothing recorded");
                err
            }
        };
        match err {
            Error::History { event, reason, .. } => {
                assert_eq!(event.id(), expected, "{name}: {reason}");
                assert!(!reason.is_empty());
            }
            other => panic!("{name}: {other:?}"),
        }
    }
}

proptest! {
    /// A request answered on day d is on time iff d ≤ due, and its lateness in working days is
    /// the working days between the due date and the answer.
    #[test]
    fn lateness_is_the_working_days_past_due(received in 0i64..2500, after in 0i64..80) {
        let cal = WorkCalendar::china();
        let r = date("2010-01-01") + chrono::Duration::days(received);
        let on = r + chrono::Duration::days(after);
        let mut req = DisclosureRequest::new(r, Channel::InPerson, Applicant::NaturalPerson);
        let due = req.due_date(&cal).unwrap().unwrap();
        prop_assert_eq!(cal.workdays_between(r, due).unwrap(), 20);
        req.answer(on, Outcome::Granted, &cal).unwrap();
        let s = req.status(on, &cal).unwrap();
        if on <= due {
            prop_assert_eq!(s.state, RequestState::AnsweredOnTime);
            prop_assert_eq!(s.overdue_by, 0);
        } else {
            prop_assert_eq!(s.state, RequestState::AnsweredLate);
            prop_assert_eq!(s.overdue_by, cal.workdays_between(due, on).unwrap());
        }
    }

    /// A consultation moves the due date by exactly the working days it occupied, its first and
    /// last day included (the receipt day itself never counts).
    #[test]
    fn consultation_pauses_for_exactly_its_length(received in 0i64..2500, start in 0i64..25, len in 0i64..30) {
        let cal = WorkCalendar::china();
        let r = date("2010-01-01") + chrono::Duration::days(received);
        let mut req = DisclosureRequest::new(r, Channel::Online, Applicant::NaturalPerson);
        let due = req.due_date(&cal).unwrap().unwrap();
        let s = r + chrono::Duration::days(start);
        prop_assume!(s <= due);
        let e = s + chrono::Duration::days(len);
        req.start_consultation(s, ConsultParty::ThirdParty, &cal).unwrap();
        req.end_consultation(e, &cal).unwrap();
        let paused = cal.workdays_between(s.pred_opt().unwrap().max(r), e).unwrap();
        prop_assert_eq!(req.due_date(&cal).unwrap(), Some(cal.add_workdays(due, paused).unwrap()));
    }
}

/// A history is replayed on the calendar each query is given (DESIGN: "Why does every event of a
/// request take a calendar?"): a correction asked for on the 7th working day under the national
/// calendar is on the 8th under a local one that works a Saturday, and the query fails naming it.
#[test]
fn queries_replay_the_history_on_the_calendar_given() {
    let cal = WorkCalendar::china();
    let mut req = DisclosureRequest::new(
        date("2024-03-01"),
        Channel::InPerson,
        Applicant::NaturalPerson,
    );
    req.request_correction(date("2024-03-12"), &cal).unwrap(); // 7th working day
    assert!(req.status(date("2024-03-13"), &cal).is_ok());
    let local = cal
        .with_local(&sunlit::calendar::LocalCalendar {
            name: "a Saturday worked".into(),
            workdays: vec![date("2024-03-09")],
            ..Default::default()
        })
        .unwrap();
    for err in [
        req.status(date("2024-03-13"), &local).unwrap_err(),
        req.due_date(&local).unwrap_err(),
        req.timeline(&local).unwrap_err(),
    ] {
        assert!(
            matches!(&err, Error::History { event, .. } if *event == sunlit::request::EventKind::CorrectionRequested),
            "{err:?}"
        );
    }
}
