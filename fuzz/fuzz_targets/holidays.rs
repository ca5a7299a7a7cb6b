//! Holiday data: the official year file (holiday-cn JSON, `WorkCalendar::with_year_json`) and
//! a local layer (`LocalCalendar` JSON, `WorkCalendar::with_local`). First byte: bit 0 local
//! layer over year file; the rest of it a day offset and a count of working days. Whatever
//! loads must answer every day of every covered year, and `workdays_between(d, add_workdays(d,
//! n)) == n` for n ≥ 0 from every day tried.
#![no_main]

use chrono::{Days, NaiveDate};
use libfuzzer_sys::fuzz_target;
use sunlit::{WorkCalendar, calendar::LocalCalendar};

fn exercise(cal: &WorkCalendar, offset: u64, n: i64) {
    for year in cal.covered_years() {
        assert!(cal.is_covered(year));
        let days = cal.days(year);
        for d in &days {
            assert_eq!(cal.day(d.date).as_ref(), Some(d));
        }
        let Some(start) =
            NaiveDate::from_ymd_opt(year, 1, 1).and_then(|d| d.checked_add_days(Days::new(offset)))
        else {
            continue;
        };
        let _ = cal.is_workday(start);
        if let Ok(end) = cal.add_workdays(start, n) {
            assert!(end >= start || n < 0);
            if n >= 0 {
                assert_eq!(
                    cal.workdays_between(start, end).unwrap(),
                    n,
                    "from {start} by {n}"
                );
            }
            if n > 0 {
                assert!(cal.is_workday(end).unwrap(), "{end} is not a working day");
            }
        }
        let _ = cal.next_workday(start);
        let _ = cal.workday_on_or_after(start);
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&sel, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let offset = u64::from(sel >> 1) * 3 % 366;
    let n = i64::from(sel >> 2) - 16;
    let base = WorkCalendar::china();
    let cal = if sel & 1 == 0 {
        base.with_year_json(text)
    } else {
        match serde_json::from_str::<LocalCalendar>(text) {
            Ok(local) => base.with_local(&local),
            Err(_) => return,
        }
    };
    if let Ok(cal) = cal {
        exercise(&cal, offset, n);
    }
});
