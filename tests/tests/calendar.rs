//! Working days over the official calendar: every listed day of every official file, every
//! holiday block and make-up working day 2007–2026, hand-checked spot days, deadlines across
//! Spring Festival, National Day and the year boundary, uncovered years, run-time files, local
//! layers; and the arithmetic's invariants by property testing.

use chrono::{Datelike, NaiveDate, Weekday};
use proptest::prelude::*;
use sunlit::{
    Error, WorkCalendar,
    calendar::{LocalCalendar, Uncovered},
};
use sunlit_tests::{date, field, holidays_dir, read_json, read_table, str_at};

fn is_weekend(d: NaiveDate) -> bool {
    matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
}

/// Every listed day of every official file, read independently of the library.
fn listed() -> Vec<(NaiveDate, bool, i32)> {
    let mut out = Vec::new();
    for year in 2007..=2027 {
        let path = holidays_dir().join(format!("{year}.json"));
        let text = std::fs::read_to_string(&path).unwrap();
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(v["year"], year);
        for d in v["days"].as_array().unwrap() {
            out.push((
                date(d["date"].as_str().unwrap()),
                d["isOffDay"].as_bool().unwrap(),
                year,
            ));
        }
    }
    out
}

#[test]
fn every_day_2007_2026_follows_the_official_files() {
    let cal = WorkCalendar::china();
    let listed = listed();
    assert_eq!(listed.len(), 678);
    let mut checked = 0;
    for &(d, off, _) in &listed {
        if (2007..=2026).contains(&d.year()) {
            assert_eq!(cal.is_workday(d).unwrap(), !off, "{d}");
            checked += 1;
        }
    }
    assert_eq!(checked, 676); // 2006-12-30/31 (in 2007.json) are in an uncovered year
    let first = date("2007-01-01");
    for d in first.iter_days().take_while(|d| d.year() <= 2026) {
        if !listed.iter().any(|(l, _, _)| *l == d) {
            assert_eq!(cal.is_workday(d).unwrap(), !is_weekend(d), "{d}");
        }
    }
}

#[test]
fn every_holiday_block_and_make_up_day() {
    let cal = WorkCalendar::china();
    // The neighbours of the first block of 2007 lie in 2006: weekends only there, plus the days
    // the 2007 file lists.
    let edge = cal.with_uncovered(Uncovered::WeekendsOnly);
    let blocks = read_table("disclosure/holiday_blocks.csv", b',');
    assert_eq!(blocks.len(), 132);
    for year in 2007..=2026 {
        let n = blocks
            .iter()
            .filter(|b| date(field(b, "first")).year() == year)
            .count();
        assert!(n >= 5, "{year}: {n} blocks");
    }
    for b in &blocks {
        let (first, last) = (date(field(b, "first")), date(field(b, "last")));
        let days: i64 = field(b, "days").parse().unwrap();
        assert_eq!((last - first).num_days() + 1, days);
        for d in first.iter_days().take_while(|d| *d <= last) {
            assert!(!cal.is_workday(d).unwrap(), "{d} in {}", field(b, "name"));
        }
        assert!(
            edge.is_workday(first.pred_opt().unwrap()).unwrap(),
            "{first}"
        );
        assert!(edge.is_workday(last.succ_opt().unwrap()).unwrap(), "{last}");
        // the block ends, so the next working day after its eve is the day after it
        assert_eq!(
            edge.next_workday(first.pred_opt().unwrap()).unwrap(),
            last.succ_opt().unwrap()
        );
    }
    let makeup = read_table("disclosure/makeup_days.csv", b',');
    assert_eq!(makeup.len(), 133);
    for m in &makeup {
        let d = date(field(m, "date"));
        if d.year() >= 2007 {
            assert!(cal.is_workday(d).unwrap(), "{d}");
        } else {
            assert!(edge.is_workday(d).unwrap(), "{d}");
        }
        assert_eq!(is_weekend(d), d != date("2020-02-03"), "{d}");
        assert!(!cal.day(d).unwrap_or_else(|| panic!("{d} listed")).off);
    }
}

#[test]
fn hand_checked_spot_days() {
    let cal = WorkCalendar::china();
    let v = read_json("disclosure/calendar.json");
    let checks = v["spot_checks"].as_array().unwrap();
    assert!(checks.len() >= 30);
    for c in checks {
        let d = date(str_at(c, "date"));
        assert_eq!(
            cal.is_workday(d).unwrap(),
            c["workday"].as_bool().unwrap(),
            "{d}: {}",
            str_at(c, "why")
        );
    }
}

#[test]
fn deadlines_across_spring_festival_national_day_and_the_year_boundary() {
    let cal = WorkCalendar::china();
    let v = read_json("disclosure/calendar.json");
    for c in v["deadlines"].as_array().unwrap() {
        let start = date(str_at(c, "start"));
        let n = c["workdays"].as_i64().unwrap();
        let due = date(str_at(c, "due"));
        assert_eq!(
            cal.add_workdays(start, n).unwrap(),
            due,
            "{}",
            str_at(c, "name")
        );
        if n > 0 {
            assert_eq!(cal.workdays_between(start, due).unwrap(), n);
            assert!(cal.is_workday(due).unwrap());
        }
        if n == 1 {
            assert_eq!(cal.next_workday(start).unwrap(), due);
        }
    }
    for c in v["between"].as_array().unwrap() {
        let (a, b) = (date(str_at(c, "a")), date(str_at(c, "b")));
        assert_eq!(
            cal.workdays_between(a, b).unwrap(),
            c["workdays"].as_i64().unwrap(),
            "({a}, {b}]"
        );
    }
}

#[test]
fn uncovered_years_are_errors_naming_the_year_unless_weekends_only() {
    let cal = WorkCalendar::china();
    let v = read_json("disclosure/calendar.json");
    for c in v["uncovered"].as_array().unwrap() {
        let d = date(str_at(c, "date"));
        let result = match str_at(c, "call") {
            "is_workday" => cal.is_workday(d).map(|_| ()),
            "add_workdays" => cal
                .add_workdays(d, c["workdays"].as_i64().unwrap())
                .map(|_| ()),
            other => panic!("unknown call {other}"),
        };
        let year = c["year"].as_i64().unwrap() as i32;
        match result {
            Err(Error::UncoveredYear {
                year: y, covered, ..
            }) => {
                assert_eq!(y, year, "{}", str_at(c, "name"));
                assert_eq!(covered, "2007–2026");
            }
            other => panic!("{}: {other:?}", str_at(c, "name")),
        }
    }
    let lenient = cal.with_uncovered(Uncovered::WeekendsOnly);
    for c in v["weekends_only"].as_array().unwrap() {
        let start = date(str_at(c, "start"));
        assert_eq!(
            lenient
                .add_workdays(start, c["workdays"].as_i64().unwrap())
                .unwrap(),
            date(str_at(c, "due")),
            "{}",
            str_at(c, "name")
        );
    }
    assert!(!cal.is_covered(2027));
    assert!(cal.days(2027).is_empty());
}

#[test]
fn a_year_file_loaded_at_run_time_counts_like_the_embedded_one() {
    let text = std::fs::read_to_string(holidays_dir().join("2024.json")).unwrap();
    let cal = WorkCalendar::weekends_only().with_year_json(&text).unwrap();
    assert_eq!(cal.covered_years(), [2024]);
    let strict = cal.with_uncovered(Uncovered::Error);
    let china = WorkCalendar::china();
    for d in date("2024-01-01")
        .iter_days()
        .take_while(|d| d.year() == 2024)
    {
        assert_eq!(strict.is_workday(d).unwrap(), china.is_workday(d).unwrap());
    }
    assert!(strict.is_workday(date("2025-01-02")).is_err());
    // An empty file (like 2027.json) leaves its year uncovered; a real one covers it.
    let empty = r#"{"year": 2027, "papers": [], "days": []}"#;
    assert!(!china.with_year_json(empty).unwrap().is_covered(2027));
    let next = r#"{"year": 2027, "papers": ["https://example.invalid/synthetic"], "days": [
        {"name": "元旦", "date": "2026-12-31", "isOffDay": true},
        {"name": "元旦", "date": "2027-01-01", "isOffDay": true}]}"#;
    let with_2027 = china.with_year_json(next).unwrap();
    assert_eq!(with_2027.covered_years().last(), Some(&2027));
    assert!(!with_2027.is_workday(date("2026-12-31")).unwrap()); // late December from the 2027 file
    assert_eq!(
        with_2027.add_workdays(date("2026-12-30"), 1).unwrap(),
        date("2027-01-04")
    );
    // A file that contradicts another year's file, or lists a date outside its year, is refused.
    let bad = r#"{"year": 2027, "days": [{"name": "x", "date": "2026-10-01", "isOffDay": false}]}"#;
    assert!(matches!(
        china.with_year_json(bad),
        Err(Error::Input { line: 1, .. })
    ));
    // 2018-12-29 is a Saturday worked in the 2019 file; a 2018 file calling it off contradicts it.
    let clash =
        r#"{"year": 2018, "days": [{"name": "x", "date": "2018-12-29", "isOffDay": true}]}"#;
    assert!(matches!(
        china.with_year_json(clash),
        Err(Error::Input { line: 1, .. })
    ));
    let twice = r#"{"year": 2025, "days": [{"name": "x", "date": "2025-05-01", "isOffDay": true},
        {"name": "x", "date": "2025-05-01", "isOffDay": true}]}"#;
    assert!(matches!(
        china.with_year_json(twice),
        Err(Error::Input { line: 2, .. })
    ));
    assert!(matches!(
        china.with_year_json("{"),
        Err(Error::Input { .. })
    ));
}

#[test]
fn local_layers_win_over_the_official_data() {
    let china = WorkCalendar::china();
    let local = LocalCalendar {
        name: "local test".into(),
        holidays: vec![date("2024-03-05")],
        workdays: vec![date("2024-03-09"), date("2024-10-07")],
    };
    let cal = china.with_local(&local).unwrap();
    assert!(!cal.is_workday(date("2024-03-05")).unwrap());
    assert!(cal.is_workday(date("2024-03-09")).unwrap()); // a Saturday
    assert!(cal.is_workday(date("2024-10-07")).unwrap()); // overrides 国庆节
    assert_eq!(
        china.add_workdays(date("2024-03-04"), 5).unwrap(),
        date("2024-03-11")
    );
    assert_eq!(
        cal.add_workdays(date("2024-03-04"), 5).unwrap(),
        date("2024-03-11") // 03-05 lost, 03-09 gained
    );
    assert_eq!(
        china
            .workdays_between(date("2024-03-08"), date("2024-03-10"))
            .unwrap(),
        0
    );
    assert_eq!(
        cal.workdays_between(date("2024-03-08"), date("2024-03-10"))
            .unwrap(),
        1
    );
    let day = cal.day(date("2024-10-07")).unwrap();
    assert!(day.local && !day.off && day.name == "local test");
    assert!(!cal.is_covered(2030));
    let later = LocalCalendar {
        name: "later".into(),
        holidays: vec![date("2024-03-09")],
        ..Default::default()
    };
    assert!(
        !cal.with_local(&later)
            .unwrap()
            .is_workday(date("2024-03-09"))
            .unwrap()
    );
}

/// A date of 2008–2024, so that 200 working days either way stay within 2007–2026.
fn covered_date() -> impl Strategy<Value = NaiveDate> {
    (0i64..(365 * 17)).prop_map(|i| date("2008-01-01") + chrono::Duration::days(i))
}

proptest! {
    #[test]
    fn add_and_between_are_inverse(d in covered_date(), n in 0i64..200) {
        let cal = WorkCalendar::china();
        let due = cal.add_workdays(d, n).unwrap();
        prop_assert_eq!(cal.workdays_between(d, due).unwrap(), n);
        prop_assert!(due >= d);
        if n > 0 {
            prop_assert!(cal.is_workday(due).unwrap());
            // the day before the due date is one working day short
            prop_assert_eq!(cal.workdays_between(d, due.pred_opt().unwrap()).unwrap(), n - 1);
        }
    }

    #[test]
    fn counting_back_lands_on_a_working_day(d in covered_date(), n in 1i64..200) {
        let cal = WorkCalendar::china();
        let back = cal.add_workdays(d, -n).unwrap();
        prop_assert!(back < d);
        prop_assert!(cal.is_workday(back).unwrap());
        let own = i64::from(cal.is_workday(d).unwrap());
        prop_assert_eq!(cal.workdays_between(back, d).unwrap(), n - 1 + own);
    }

    #[test]
    fn between_is_additive_and_antisymmetric(a in covered_date(), b in covered_date(), c in covered_date()) {
        let cal = WorkCalendar::china();
        let ab = cal.workdays_between(a, b).unwrap();
        prop_assert_eq!(ab + cal.workdays_between(b, c).unwrap(), cal.workdays_between(a, c).unwrap());
        prop_assert_eq!(cal.workdays_between(b, a).unwrap(), -ab);
    }

    #[test]
    fn on_or_after_is_the_first_working_day(d in covered_date()) {
        let cal = WorkCalendar::china();
        let w = cal.workday_on_or_after(d).unwrap();
        prop_assert!(cal.is_workday(w).unwrap());
        prop_assert_eq!(cal.workdays_between(d, w).unwrap(), i64::from(w != d));
    }
}

/// Issue 11 defect 8: a holiday file's dates lie in its declared year (or the last week of the
/// December before, for the 元旦 break across the turn of the year, as 2019.json lists
/// 2018-12-29…31); a file whose only dates are of the December before does not make its year
/// covered but is refused, naming the date.
#[test]
fn a_holiday_file_covers_only_its_own_year() {
    let cal = WorkCalendar::china();
    let eve =
        r#"{"year": 2027, "days": [{"name": "元旦", "date": "2026-12-31", "isOffDay": true}]}"#;
    let err = cal.with_year_json(eve).unwrap_err();
    assert!(
        matches!(err, Error::Input { line: 1, ref column, ref value, .. } if column == "date" && value == "2026-12-31"),
        "{err:?}"
    );
    let early = r#"{"year": 2027, "days": [
        {"name": "x", "date": "2026-12-01", "isOffDay": true},
        {"name": "元旦", "date": "2027-01-01", "isOffDay": true}]}"#;
    assert!(matches!(cal.with_year_json(early),
        Err(Error::Input { line: 1, ref value, .. }) if value == "2026-12-01"));
    let next =
        r#"{"year": 2027, "days": [{"name": "元旦", "date": "2028-01-01", "isOffDay": true}]}"#;
    assert!(cal.with_year_json(next).is_err());
    // The real shape: the break starts on 2026-12-31 and the file lists 2027 days too.
    let turn = r#"{"year": 2027, "days": [
        {"name": "元旦", "date": "2026-12-31", "isOffDay": true},
        {"name": "元旦", "date": "2027-01-01", "isOffDay": true}]}"#;
    let loaded = cal.with_year_json(turn).unwrap();
    assert!(loaded.is_covered(2027));
    assert!(!loaded.is_workday(date("2026-12-31")).unwrap());
    // An empty file still leaves its year uncovered.
    let empty = r#"{"year": 2027, "days": []}"#;
    assert!(!cal.with_year_json(empty).unwrap().is_covered(2027));
}

/// Issue 11 defect 7: years outside 1949–9999 are refused wherever they enter: holiday files,
/// local layers, calendar queries and their results, ledger years, request dates.
#[test]
fn impossible_years_are_refused() {
    let cal = WorkCalendar::china();
    let zero = r#"{"year": 0, "days": [{"name": "x", "date": "0000-01-01", "isOffDay": true}]}"#;
    let err = cal.with_year_json(zero).unwrap_err();
    assert!(
        matches!(err, Error::Input { line: 0, ref column, ref value, .. } if column == "year" && value == "0"),
        "{err:?}"
    );
    let far = r#"{"year": 10000, "days": []}"#;
    assert!(cal.with_year_json(far).is_err());
    let lenient = WorkCalendar::weekends_only();
    let d0 = NaiveDate::from_ymd_opt(0, 1, 3).unwrap();
    for r in [
        lenient.is_workday(d0).map(|_| ()),
        lenient.add_workdays(d0, 5).map(|_| ()),
        lenient.add_workdays(d0, 0).map(|_| ()),
        lenient.workdays_between(d0, date("2024-01-01")).map(|_| ()),
        lenient.workdays_between(date("2024-01-01"), d0).map(|_| ()),
        lenient.add_workdays(date("9999-12-30"), 5).map(|_| ()),
        lenient.add_workdays(date("1949-01-03"), -5).map(|_| ()),
        lenient.next_workday(date("9999-12-31")).map(|_| ()),
        lenient
            .with_local(&LocalCalendar {
                holidays: vec![d0],
                ..Default::default()
            })
            .map(|_| ()),
    ] {
        let err = r.unwrap_err();
        assert!(
            matches!(err, Error::Field { field, .. } if field == "date" || field == "local_calendar"),
            "{err:?}"
        );
        assert!(err.to_string().contains("1949–9999"), "{err}");
    }
    assert!(lenient.is_workday(date("1949-01-03")).unwrap());
    assert!(lenient.is_workday(date("9999-12-31")).unwrap());

    let csv = "year,book,phase,unit,functional,economic,nature,source,amount\n0000,general,budget,u,208,,basic,,1\n";
    let err = sunlit::Ledger::read_csv_str(csv).unwrap_err();
    assert!(
        matches!(err, Error::Input { line: 2, ref column, .. } if column == "year"),
        "{err:?}"
    );
    let mut ledger = sunlit::Ledger::new();
    let item = sunlit::budget::LineItem {
        year: 0,
        book: sunlit::budget::Book::General,
        phase: sunlit::budget::Phase::Budget,
        unit: "u".into(),
        functional: sunlit::Code::functional("208").unwrap(),
        economic: None,
        nature: sunlit::budget::Nature::Basic,
        source: None,
        amount: 1.into(),
    };
    assert!(ledger.push(item).is_err());
    assert!(sunlit::Ledger::from_json(r#"[{"year": "0000", "book": "general", "phase": "budget", "unit": "u", "functional": "208", "economic": null, "nature": "basic", "source": null, "amount": "1"}]"#).is_err());

    let req = sunlit::DisclosureRequest::new(
        NaiveDate::from_ymd_opt(0, 3, 1).unwrap(),
        sunlit::request::Channel::Online,
        sunlit::request::Applicant::NaturalPerson,
    );
    let err = req.status(date("2024-01-01"), &lenient).unwrap_err();
    assert!(matches!(err, Error::History { .. }), "{err:?}");
}

proptest! {
    /// Monotonicity: more working days never end earlier; a later end never counts fewer.
    #[test]
    fn add_and_between_are_monotone(d in covered_date(), n in 0i64..150, m in 0i64..150) {
        let cal = WorkCalendar::china();
        let (lo, hi) = (n.min(m), n.max(m));
        let (a, b) = (cal.add_workdays(d, lo).unwrap(), cal.add_workdays(d, hi).unwrap());
        prop_assert!(a <= b);
        prop_assert!(cal.workdays_between(d, a).unwrap() <= cal.workdays_between(d, b).unwrap());
    }

    /// Over the whole supported range (weekends only): add and between are inverse, and a step
    /// outside 1949–9999 is an error, never a panic.
    #[test]
    fn weekends_only_is_inverse_over_the_supported_years(days in 0i64..(8051 * 365), n in -400i64..400) {
        let cal = WorkCalendar::weekends_only();
        let d = date("1949-01-01") + chrono::Duration::days(days);
        match cal.add_workdays(d, n) {
            Ok(due) if n >= 0 => prop_assert_eq!(cal.workdays_between(d, due).unwrap(), n),
            Ok(back) => {
                let own = i64::from(cal.is_workday(d).unwrap());
                prop_assert_eq!(cal.workdays_between(back, d).unwrap(), -n - 1 + own);
            }
            Err(e) => prop_assert!(matches!(e, Error::Field { .. }), "{:?}", e),
        }
    }
}

/// A count of working days no calendar in the supported years can hold is an error, whichever way
/// it counts (before, `add_workdays(d, 2^31)` stepped through uncovered years one by one for about
/// 100 s in a debug build; now the first year past 9999 stops it).
#[test]
fn huge_counts_are_refused_without_walking_the_years() {
    for cal in [WorkCalendar::china(), WorkCalendar::weekends_only()] {
        for n in [
            1_i64 << 31,
            -(1_i64 << 31),
            i64::MAX,
            i64::MIN,
            10_000_000,
            -10_000_000,
        ] {
            let got = cal.add_workdays(date("2024-06-03"), n);
            assert!(
                matches!(
                    got,
                    Err(Error::Overflow { .. } | Error::UncoveredYear { .. } | Error::Field { .. })
                ),
                "{n}: {got:?}"
            );
        }
    }
}
