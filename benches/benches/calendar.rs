//! Working-day arithmetic over the official calendar: a million deadline queries (figures in
//! benches/README.md).

use std::hint::black_box;
use std::time::Duration;

use chrono::{Days, NaiveDate};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use sunlit::{
    DisclosureRequest, WorkCalendar,
    report::{ReportFormat, RequestTable},
    request::{Applicant, Channel, Outcome},
};

/// `n` dates drawn uniformly from 2008-01-01 … 2025-12-31 (seeded: the same dates everywhere).
fn dates(n: usize) -> Vec<NaiveDate> {
    let mut rng = ChaCha8Rng::seed_from_u64(2024);
    let first = NaiveDate::from_ymd_opt(2008, 1, 1).expect("date");
    (0..n)
        .map(|_| first + Days::new(rng.random_range(0..6575)))
        .collect()
}

fn bench(c: &mut Criterion) {
    let n = std::env::var("SUNLIT_BENCH_QUERIES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000);
    let cal = WorkCalendar::china();
    let days = dates(n);

    let mut g = c.benchmark_group(format!("calendar_{n}"));
    g.sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5))
        .throughput(Throughput::Elements(n as u64));
    g.bench_function("is_workday", |b| {
        b.iter(|| {
            days.iter()
                .filter(|d| cal.is_workday(**d).expect("covered"))
                .count()
        })
    });
    g.bench_function("add_workdays_20", |b| {
        b.iter(|| {
            days.iter()
                .map(|d| cal.add_workdays(*d, black_box(20)).expect("covered"))
                .max()
        })
    });
    let spans: Vec<(NaiveDate, NaiveDate)> =
        days.iter().map(|d| (*d, *d + Days::new(60))).collect();
    g.bench_function("workdays_between_60_days", |b| {
        b.iter(|| {
            spans
                .iter()
                .map(|(a, z)| cal.workdays_between(*a, *z).expect("covered"))
                .sum::<i64>()
        })
    });
    g.finish();

    // A whole request: replay of a consulted, extended history and its status.
    let requests: Vec<DisclosureRequest> = days
        .iter()
        .take(100_000)
        .map(|d| {
            let mut r = DisclosureRequest::new(*d, Channel::Online, Applicant::NaturalPerson);
            let s = *d + Days::new(3);
            r.start_consultation(s, sunlit::request::ConsultParty::ThirdParty, &cal)
                .expect("history");
            r.end_consultation(s + Days::new(10), &cal)
                .expect("history");
            r.extend(s + Days::new(11), 10, &cal).expect("history");
            r
        })
        .collect();
    let mut g = c.benchmark_group("request_100000");
    g.sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5))
        .throughput(Throughput::Elements(requests.len() as u64));
    g.bench_function("status_of_consulted_extended_request", |b| {
        b.iter(|| {
            requests
                .iter()
                .map(|r| {
                    r.status(r.received() + Days::new(90), &cal)
                        .expect("status")
                        .overdue_by
                })
                .sum::<i64>()
        })
    });
    g.finish();

    // An annual report's Table 3 (收到和处理政府信息公开申请情况) tallied from a million request
    // records: received on the dates above, every second one answered 15 days later (granted,
    // refused as a state secret or "not held" in turn), the rest still open; the report of 2016,
    // the middle of the dates' range, so the year's new, carried-over, answered and
    // carried-forward requests all occur.
    let outcomes = [
        Outcome::parse("granted", None).expect("outcome"),
        Outcome::parse("refused", Some("state_secret")).expect("outcome"),
        Outcome::parse("cannot_provide", Some("not_held")).expect("outcome"),
    ];
    let all: Vec<DisclosureRequest> = days
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let mut r = DisclosureRequest::new(*d, Channel::Online, Applicant::NaturalPerson);
            if i % 2 == 0 {
                r.answer(*d + Days::new(15), outcomes[i % 3], &cal)
                    .expect("answer");
            }
            r
        })
        .collect();
    let mut g = c.benchmark_group(format!("report_{}", all.len()));
    g.sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5))
        .throughput(Throughput::Elements(all.len() as u64));
    g.bench_function("request_table_from_requests", |b| {
        b.iter(|| {
            RequestTable::from_requests(ReportFormat::Y2021, 2016, black_box(&all)).expect("table")
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
