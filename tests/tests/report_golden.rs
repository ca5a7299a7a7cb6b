//! The annual report (政府信息公开工作年度报告): published-style tables that add up, their label
//! variants and JSON twins, corrupted copies that each raise exactly their rule, the 2019 trial
//! format, round trips through CSV and JSON, the rendered layouts, and the seed's legacy figures.
//! Data: `tests/data/report/` (see its README).

use std::str::FromStr;

use rust_decimal::Decimal;
use sunlit::{
    AnnualReport, Error,
    money::percent,
    report::{
        LegacyChannel, LegacyStatistics, ProactiveCell, ProactiveColumn, ProactiveRow,
        ProactiveTable, ReportCheckOptions, ReportFormat, ReportTableKind, RequestColumn,
        RequestRow, RequestTable, ReviewBlock, ReviewColumn, TableFiles,
    },
};
use sunlit_tests::{data_file, field, read_table};

fn files(requests: &str, proactive: &str, reviews: &str) -> TableFiles {
    TableFiles {
        format: ReportFormat::Y2021,
        year: Some(2024),
        requests: Some(data_file(&format!("report/{requests}"))),
        proactive: Some(data_file(&format!("report/{proactive}"))),
        reviews: Some(data_file(&format!("report/{reviews}"))),
    }
}

fn published() -> AnnualReport {
    AnnualReport::read_tables(&files(
        "published_2024_requests.csv",
        "published_2024_proactive.csv",
        "published_2024_reviews.csv",
    ))
    .expect("published 2024 report")
}

fn last_year() -> AnnualReport {
    AnnualReport::read_tables(&TableFiles {
        year: Some(2023),
        proactive: Some(data_file("report/published_2023_proactive.csv")),
        ..Default::default()
    })
    .expect("published 2023 Table 2")
}

fn dec(s: &str) -> Option<Decimal> {
    (!s.is_empty()).then(|| Decimal::from_str(s).unwrap())
}

#[test]
fn published_report_adds_up() {
    let report = published();
    let last = last_year();
    let findings = report.check(&ReportCheckOptions {
        last_year: Some(&last),
    });
    assert!(findings.is_empty(), "{findings:?}");
    let t = report.requests().unwrap();
    assert_eq!(
        t.get(RequestRow::New, RequestColumn::Total).unwrap(),
        Some(1608)
    );
    assert_eq!(
        t.get(RequestRow::Total, RequestColumn::NaturalPerson)
            .unwrap(),
        Some(1269)
    );
    let reviews = report.reviews().unwrap();
    assert_eq!(
        reviews.get(ReviewBlock::Review, ReviewColumn::Total),
        Some(71)
    );
    assert_eq!(
        reviews.correction_rate(ReviewBlock::Review, 1).unwrap(),
        dec("12.7")
    );
    let p = report.proactive().unwrap();
    assert_eq!(
        p.get(ProactiveRow::Fees, ProactiveColumn::FeeAmount)
            .unwrap(),
        dec("96171.60")
    );
}

#[test]
fn every_cell_is_read_as_printed() {
    let report = published();
    let t = report.requests().unwrap();
    let rows = read_table("report/published_2024_requests.csv", b',');
    assert_eq!(rows.len(), t.rows().len());
    for (row, r) in rows.iter().zip(t.rows()) {
        assert_eq!(field(row, "label"), r.label());
        for c in RequestColumn::ALL {
            let expected = field(row, c.name_zh()).parse::<i64>().unwrap();
            assert_eq!(
                t.get(*r, *c).unwrap(),
                Some(expected),
                "{} {}",
                r.label(),
                c
            );
        }
    }
}

#[test]
fn json_tables_and_label_variants_read_the_same() {
    let csv = published();
    let json = AnnualReport::read_tables(&files(
        "published_2024_requests.json",
        "published_2024_proactive.json",
        "published_2024_reviews.json",
    ))
    .unwrap();
    assert_eq!(json, csv);
    let variants = RequestTable::read_path(
        data_file("report/published_2024_requests_variants.csv"),
        ReportFormat::Y2021,
    )
    .unwrap();
    assert_eq!(Some(&variants), csv.requests());
}

#[test]
fn corrupted_copies_raise_exactly_their_rule() {
    let last = last_year();
    let cases = read_table("report/corrupt/cases.csv", b',');
    assert_eq!(cases.len(), 8);
    for case in &cases {
        let file = format!("corrupt/{}", field(case, "file"));
        let (mut r, mut p, mut v) = (
            "published_2024_requests.csv".to_owned(),
            "published_2024_proactive.csv".to_owned(),
            "published_2024_reviews.csv".to_owned(),
        );
        match field(case, "table") {
            "requests" => r = file.clone(),
            "proactive" => p = file.clone(),
            "reviews" => v = file.clone(),
            other => panic!("unknown table {other}"),
        }
        let report = AnnualReport::read_tables(&files(&r, &p, &v)).unwrap();
        let findings = report.check(&ReportCheckOptions {
            last_year: Some(&last),
        });
        let rule = field(case, "rule");
        assert!(
            findings.iter().all(|f| f.rule == rule),
            "{file}: {findings:?}"
        );
        assert_eq!(
            findings.len(),
            field(case, "count").parse::<usize>().unwrap(),
            "{file}"
        );
        let f = &findings.as_slice()[0];
        assert_eq!(f.table.as_deref(), Some(field(case, "table")), "{file}");
        assert_eq!(f.code.as_deref(), Some(field(case, "code")), "{file}");
        assert_eq!(f.column.as_deref(), Some(field(case, "column")), "{file}");
        assert_eq!(f.expected, dec(field(case, "expected")), "{file}");
        assert_eq!(f.actual, dec(field(case, "actual")), "{file}");
    }
}

/// Table 2's counts are whole numbers (only the amounts may be fractional): each copy of
/// `unreadable/` fails to read with exactly its input error, and building refuses the same.
#[test]
fn a_fractional_count_is_refused() {
    let cases = read_table("report/unreadable/cases.csv", b',');
    assert_eq!(cases.len(), 2);
    for case in &cases {
        let file = field(case, "file");
        let format = ReportFormat::parse(field(case, "format")).unwrap();
        let path = data_file(&format!("report/unreadable/{file}"));
        let err = ProactiveTable::read_path(&path, format).unwrap_err();
        let Error::Input {
            line,
            column,
            value,
            reason,
            ..
        } = &err
        else {
            panic!("{file}: {err:?}");
        };
        assert_eq!(line.to_string(), field(case, "line"), "{file}");
        assert_eq!(column, field(case, "column"), "{file}");
        assert_eq!(value, field(case, "value"), "{file}");
        // read_path names the file before the reason.
        assert!(
            reason.ends_with(&format!(": {}", field(case, "reason"))),
            "{file}: {reason}"
        );
        let files = TableFiles {
            format,
            proactive: Some(path),
            ..Default::default()
        };
        assert!(
            matches!(AnnualReport::read_tables(&files), Err(Error::Input { .. })),
            "{file}"
        );
    }
    // Building: the same figure is a value error; the amounts keep their fractions.
    let cell = |row, column, v: Decimal| ProactiveCell {
        row,
        column,
        value: Some(v),
    };
    let half = Decimal::new(15, 1);
    let err = ProactiveTable::from_cells(
        ReportFormat::Y2021,
        &[cell(ProactiveRow::Rules, ProactiveColumn::Issued, half)],
    )
    .unwrap_err();
    assert!(
        matches!(&err, Error::Field { field, value, .. } if *field == "issued" && value == "1.5"),
        "{err:?}"
    );
    let mut t = ProactiveTable::new(ReportFormat::Y2019);
    assert!(matches!(
        t.set(
            ProactiveRow::Penalties,
            ProactiveColumn::ItemsChange,
            Some(Decimal::new(-125, 1))
        ),
        Err(Error::Field { .. })
    ));
    assert_eq!(t, ProactiveTable::new(ReportFormat::Y2019));
    t.set(
        ProactiveRow::Penalties,
        ProactiveColumn::ItemsChange,
        Some(Decimal::from(-12)),
    )
    .unwrap();
    t.set(
        ProactiveRow::Procurement,
        ProactiveColumn::ProcurementAmount,
        Some(Decimal::new(28643217, 2)),
    )
    .unwrap();
    assert!(
        ProactiveTable::from_cells(
            ReportFormat::Y2021,
            &[
                cell(
                    ProactiveRow::Fees,
                    ProactiveColumn::FeeAmount,
                    Decimal::new(9617160, 2)
                ),
                cell(
                    ProactiveRow::Rules,
                    ProactiveColumn::Valid,
                    Decimal::new(40, 1)
                ),
            ],
        )
        .is_ok()
    );
}

#[test]
fn the_2019_trial_format_reads_and_adds_up() {
    let report = AnnualReport::read_tables(&TableFiles {
        format: ReportFormat::Y2019,
        year: Some(2020),
        requests: Some(data_file("report/published_2020_requests_2019format.csv")),
        proactive: Some(data_file("report/published_2020_proactive_2019format.csv")),
        reviews: None,
    })
    .unwrap();
    assert!(report.check(&Default::default()).is_empty());
    let t = report.requests().unwrap();
    assert_eq!(t.rows().len(), 23);
    assert!(
        t.get(RequestRow::Other, RequestColumn::Total)
            .unwrap()
            .is_some()
    );
    assert!(t.get(RequestRow::OtherNoFee, RequestColumn::Total).is_err());
    let p = report.proactive().unwrap();
    assert_eq!(
        p.get(ProactiveRow::OtherServices, ProactiveColumn::ItemsChange)
            .unwrap(),
        dec("-3")
    );
    // A 2019 table is not a 2021 table: the single 其他处理 row is refused.
    assert!(
        RequestTable::read_path(
            data_file("report/published_2020_requests_2019format.csv"),
            ReportFormat::Y2021
        )
        .is_err()
    );
    let html = report.to_html();
    assert!(html.contains("<th rowspan=\"20\">三、本年度办理结果</th>"));
    assert!(html.contains("<th class=\"l\" colspan=\"2\">（六）其他处理</th>"));
    assert!(html.contains("<th>处理决定数量</th>"));
}

#[test]
fn tables_round_trip_through_csv_and_json() {
    let report = published();
    for kind in ReportTableKind::ALL {
        let dir = std::env::temp_dir().join(format!("sunlit-report-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let csv = dir.join(format!("{}.csv", kind.id()));
        let json = dir.join(format!("{}.json", kind.id()));
        std::fs::write(&csv, report.table_csv(*kind).unwrap()).unwrap();
        std::fs::write(&json, report.table_json(*kind).unwrap()).unwrap();
        let mut f = TableFiles {
            year: Some(2024),
            ..Default::default()
        };
        match kind {
            ReportTableKind::Proactive => f.proactive = Some(csv.clone()),
            ReportTableKind::Requests => f.requests = Some(csv.clone()),
            ReportTableKind::Reviews => f.reviews = Some(csv.clone()),
        }
        let back = AnnualReport::read_tables(&f).unwrap();
        assert_eq!(back.table(*kind), report.table(*kind), "{kind}");
        std::fs::remove_dir_all(&dir).ok();
    }
    assert_eq!(AnnualReport::from_json(&report.to_json()).unwrap(), report);
    // The CSV written is the file read, byte for byte.
    let original =
        std::fs::read_to_string(data_file("report/published_2024_requests.csv")).unwrap();
    assert_eq!(
        report.table_csv(ReportTableKind::Requests).unwrap(),
        original
    );
}

#[test]
fn rendered_layouts_follow_the_template() {
    let report = published();
    let html = report.to_html();
    assert!(html.contains("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"));
    assert!(html.contains("<th rowspan=\"22\">三、本年度办理结果</th>"));
    assert!(html.contains("<th rowspan=\"8\">（三）不予公开</th>"));
    assert!(html.contains("<th rowspan=\"3\">（四）无法提供</th>"));
    assert!(html.contains("<th rowspan=\"5\">（五）不予处理</th>"));
    assert!(html.contains("<th rowspan=\"3\">（六）其他处理</th>"));
    assert!(html.contains("<th colspan=\"5\">法人或其他组织</th>"));
    assert!(html.contains("<th colspan=\"10\">行政诉讼</th>"));
    assert!(html.contains("<th>本年收费金额（单位：万元）</th>"));
    assert!(html.contains("<td>96171.60</td>"));
    let md = report.to_markdown();
    assert!(md.contains("## 三、收到和处理政府信息公开申请情况"));
    assert!(md.contains(
        "| 一、本年新收政府信息公开申请数量 |  |  | 1269 | 142 | 21 | 26 | 104 | 46 | 1608 |"
    ));
    assert!(md.contains("|  |  | 2.其他法律行政法规禁止公开 | 26 |"));
    let view = report.table(ReportTableKind::Requests).unwrap();
    assert_eq!(view.rows.len(), 25);
    assert!(view.rows.iter().all(|r| r.cells.len() == 7));
}

#[test]
fn the_seed_articles_legacy_figures() {
    let rows = read_table("report/legacy_guangdong_2016.csv", b',');
    let stats = LegacyStatistics {
        year: Some(2016),
        requests: Some(45104),
        channels: [(LegacyChannel::InPerson, 24121)].into(),
        reviews: Some(1408),
        reviews_corrected: Some(245),
        suits: Some(727),
        suits_corrected: Some(65),
    };
    assert!(stats.check().is_empty());
    assert_eq!(rows.len(), 6);
    for row in &rows {
        let part = Decimal::from_str(field(row, "part")).unwrap();
        let whole = Decimal::from_str(field(row, "whole")).unwrap();
        let places: u32 = field(row, "places").parse().unwrap();
        let expected = dec(field(row, "percent"));
        assert_eq!(percent(part, whole, places).unwrap(), expected);
        let via_stats = match field(row, "measure") {
            "in_person_share" => stats.channel_share(LegacyChannel::InPerson, places),
            "review_correction_rate" => stats.review_correction_rate(places),
            "suit_correction_rate" => stats.suit_correction_rate(places),
            other => panic!("unknown measure {other}"),
        };
        let via_stats = via_stats.unwrap();
        assert_eq!(via_stats, expected);
        // printed exactly so: 53.5, not 53.50 or 53.48
        assert_eq!(via_stats.unwrap().to_string(), field(row, "percent"));
    }
}
