//! Table 3 built from request records: a synthetic year of several hundred requests covering
//! every outcome cell, every cell asserted against the generator's own count, in the 2021 and
//! 2019 formats; carried-over requests across the year boundaries. Data: `tests/data/report/`.

use chrono::NaiveDate;
use sunlit::{
    AnnualReport, DisclosureRequest, WorkCalendar,
    report::{ReportFormat, ReportInput, ReportTableKind, RequestColumn, RequestRow, RequestTable},
    request::{Applicant, Channel, Outcome},
};
use sunlit_tests::{field, read_table};

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap_or_else(|e| panic!("{s}: {e}"))
}

/// The records of `requests_2024.csv` as requests of the `request` module.
fn requests() -> Vec<DisclosureRequest> {
    let cal = WorkCalendar::china();
    read_table("report/requests_2024.csv", b',')
        .iter()
        .map(|row| {
            let id = field(row, "id");
            let mut req = DisclosureRequest::new(
                date(field(row, "received")),
                Channel::parse(field(row, "channel")).unwrap(),
                Applicant::parse(field(row, "applicant")).unwrap(),
            )
            .with_reference(id);
            let on = |column: &str| Some(field(row, column)).filter(|v| !v.is_empty()).map(date);
            if let Some(d) = on("correction_requested") {
                req.request_correction(d, &cal).unwrap();
            }
            if let Some(d) = on("correction_received") {
                req.receive_correction(d, &cal).unwrap();
            }
            if let Some(d) = on("fee_notice") {
                req.fee_notice(d, rust_decimal::Decimal::from(100), &cal)
                    .unwrap();
            }
            let closed = field(row, "closed");
            match field(row, "outcome") {
                "" => assert!(closed.is_empty(), "{id}"),
                "withdrawn" => req.withdraw(date(closed), &cal).unwrap(),
                outcome => {
                    let reason = Some(field(row, "reason")).filter(|r| !r.is_empty());
                    let outcome = Outcome::parse(outcome, reason).unwrap();
                    req.answer(date(closed), outcome, &cal)
                        .unwrap_or_else(|e| panic!("{id}: {e}"));
                }
            }
            req
        })
        .collect()
}

fn assert_every_cell(table: &RequestTable, expected: &str) {
    let rows = read_table(expected, b',');
    assert_eq!(rows.len(), table.rows().len(), "{expected}");
    for (row, r) in rows.iter().zip(table.rows()) {
        assert_eq!(field(row, "label"), r.label(), "{expected}");
        for c in RequestColumn::ALL {
            let want: i64 = field(row, c.name_zh()).parse().unwrap();
            assert_eq!(
                table.get(*r, *c).unwrap(),
                Some(want),
                "{expected}: {} {}",
                r.label(),
                c.name_zh()
            );
        }
    }
}

#[test]
fn a_synthetic_year_builds_every_cell() {
    let all = requests();
    assert!(all.len() >= 400, "{}", all.len());
    let report = AnnualReport::build(&ReportInput {
        year: 2024,
        requests: Some(&all),
        ..Default::default()
    })
    .unwrap();
    assert_eq!(report.format(), ReportFormat::Y2021);
    let table = report.requests().unwrap();
    assert_every_cell(table, "report/requests_2024_expected_2021.csv");
    assert!(report.check(&Default::default()).is_empty());
    // every outcome cell is reached: 21 result rows × 6 applicant columns
    for r in table.rows().iter().filter(|r| r.is_outcome()) {
        for c in RequestColumn::APPLICANTS {
            assert!(
                table.get(*r, c).unwrap().unwrap() >= 1,
                "{} {}",
                r.label(),
                c.name_zh()
            );
        }
    }
    // the same table as the rendered CSV
    let csv = std::fs::read_to_string(sunlit_tests::data_file(
        "report/requests_2024_expected_2021.csv",
    ))
    .unwrap();
    assert_eq!(report.table_csv(ReportTableKind::Requests).unwrap(), csv);
}

#[test]
fn the_2019_format_merges_other_handling() {
    let all = requests();
    let report = AnnualReport::build(&ReportInput {
        year: 2024,
        format: Some(ReportFormat::Y2019),
        requests: Some(&all),
        ..Default::default()
    })
    .unwrap();
    let table = report.requests().unwrap();
    assert_eq!(table.rows().len(), 23);
    assert_every_cell(table, "report/requests_2024_expected_2019.csv");
    assert!(table.check().is_empty());
    // and a 2020 report is in the 2019 format by default
    let r2020 = AnnualReport::build(&ReportInput {
        year: 2020,
        requests: Some(&[]),
        ..Default::default()
    })
    .unwrap();
    assert_eq!(r2020.format(), ReportFormat::Y2019);
}

#[test]
fn a_carried_over_request() {
    let cal = WorkCalendar::china();
    let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
    // received late in 2023, answered in 2024
    let mut across = DisclosureRequest::new(
        d(2023, 12, 27),
        Channel::Online,
        Applicant::ResearchInstitution,
    );
    across.carry_over(2023, &cal).unwrap();
    across
        .answer(
            d(2024, 1, 15),
            Outcome::parse("partly_granted", None).unwrap(),
            &cal,
        )
        .unwrap();
    // received in 2023, still open at the end of 2024
    let mut open = DisclosureRequest::new(
        d(2023, 12, 29),
        Channel::PostSigned,
        Applicant::NaturalPerson,
    );
    open.carry_over(2023, &cal).unwrap();
    let all = [across, open];

    let t2023 = RequestTable::from_requests(ReportFormat::Y2021, 2023, &all).unwrap();
    let t2024 = RequestTable::from_requests(ReportFormat::Y2021, 2024, &all).unwrap();
    let t2025 = RequestTable::from_requests(ReportFormat::Y2021, 2025, &all).unwrap();
    let cell = |t: &RequestTable, r, c| t.get(r, c).unwrap().unwrap();
    use RequestColumn as C;
    use RequestRow as R;
    // 2023: both new, both carried forward
    assert_eq!(cell(&t2023, R::New, C::Total), 2);
    assert_eq!(cell(&t2023, R::CarriedForward, C::Total), 2);
    assert_eq!(cell(&t2023, R::Total, C::Total), 0);
    // 2024: both carried over; one partly granted, one carried forward again
    assert_eq!(cell(&t2024, R::New, C::Total), 0);
    assert_eq!(cell(&t2024, R::CarriedOver, C::ResearchInstitution), 1);
    assert_eq!(cell(&t2024, R::CarriedOver, C::NaturalPerson), 1);
    assert_eq!(cell(&t2024, R::PartlyGranted, C::ResearchInstitution), 1);
    assert_eq!(cell(&t2024, R::Total, C::Total), 1);
    assert_eq!(cell(&t2024, R::CarriedForward, C::NaturalPerson), 1);
    // 2025: only the open one, carried over and forward
    assert_eq!(cell(&t2025, R::CarriedOver, C::Total), 1);
    assert_eq!(cell(&t2025, R::CarriedForward, C::Total), 1);
    for t in [&t2023, &t2024, &t2025] {
        assert!(t.check().is_empty());
    }
}

const APPLICANTS: [&str; 6] = [
    "natural_person",
    "commercial_enterprise",
    "research_institution",
    "public_welfare_organization",
    "legal_service_institution",
    "other_organization",
];
const CHANNELS: [&str; 6] = [
    "in_person",
    "online",
    "fax",
    "post_signed",
    "post_unsigned",
    "oral",
];
const OUTCOMES: [(&str, &str); 21] = [
    ("granted", ""),
    ("partly_granted", ""),
    ("withdrawn", ""),
    ("refused", "state_secret"),
    ("refused", "law_forbids"),
    ("refused", "security_stability"),
    ("refused", "third_party"),
    ("refused", "internal_affairs"),
    ("refused", "process_info"),
    ("refused", "enforcement_file"),
    ("refused", "admin_query"),
    ("cannot_provide", "not_held"),
    ("cannot_provide", "needs_new_work"),
    ("cannot_provide", "still_unclear"),
    ("not_processed", "petition"),
    ("not_processed", "repeat"),
    ("not_processed", "publication"),
    ("not_processed", "excessive"),
    ("not_processed", "confirm_reissue"),
    ("other", "other"),
    ("", ""),
];

proptest::proptest! {
    /// A report built from any set of request records passes its own check, in both formats,
    /// with requests received before, during and after the year (carried over in and out).
    #[test]
    fn a_report_built_from_records_passes_its_own_check(
        records in proptest::collection::vec(
            (0usize..6, 0usize..6, 0i64..600, 1i64..=20, 0usize..21),
            0..60,
        ),
    ) {
        let cal = WorkCalendar::china();
        let start = date("2023-09-01");
        let requests: Vec<DisclosureRequest> = records
            .iter()
            .map(|&(a, c, day, after, o)| {
                let received = start + chrono::Duration::days(day);
                let mut req = DisclosureRequest::new(
                    received,
                    Channel::parse(CHANNELS[c]).unwrap(),
                    Applicant::parse(APPLICANTS[a]).unwrap(),
                );
                let (kind, reason) = OUTCOMES[o];
                if let Ok(closed) = cal.add_workdays(received, after) {
                    // An event the history refuses is not recorded; the request stays open.
                    let _ = match kind {
                        "" => Ok(()),
                        "withdrawn" => req.withdraw(closed, &cal),
                        _ => req.answer(
                            closed,
                            Outcome::parse(kind, Some(reason).filter(|r| !r.is_empty())).unwrap(),
                            &cal,
                        ),
                    };
                }
                req
            })
            .collect();
        for (year, format) in [(2024, ReportFormat::Y2021), (2024, ReportFormat::Y2019), (2025, ReportFormat::Y2021)] {
            let report = AnnualReport::build(&ReportInput {
                year,
                format: Some(format),
                requests: Some(&requests),
                ..Default::default()
            })
            .unwrap();
            let findings = report.check(&Default::default());
            proptest::prop_assert!(findings.is_empty(), "{:?}", findings);
            // The report and its table survive JSON and CSV.
            proptest::prop_assert_eq!(&AnnualReport::from_json(&report.to_json()).unwrap(), &report);
            let table = report.requests().unwrap();
            let csv = table.to_csv_string().unwrap();
            proptest::prop_assert_eq!(&RequestTable::read_csv(csv.as_bytes(), format).unwrap(), table);
            proptest::prop_assert_eq!(&RequestTable::from_json(&table.to_json(), format).unwrap(), table);
        }
    }
}
