//! The 城管执法局 2026 budget (fiscal.md §4.1): its 项-level lines must roll up to every
//! published 类, 款 and 合计 figure, exactly; and every malformed row of `bad_rows.tsv` must be
//! reported with its line, column and text.

use std::str::FromStr;

use rust_decimal::Decimal;
use sunlit::{
    Catalog, Code, Error, Ledger, RollupOptions,
    budget::{GroupKey, GroupValue, Nature},
    catalog::CatalogCheckOptions,
};
use sunlit_tests::{data_file, field, read_table};

fn ledger() -> Ledger {
    Ledger::read_csv_path(data_file("budget/chengguan_2026_ledger.csv")).expect("golden ledger")
}

#[test]
fn rollup_reproduces_every_published_figure() {
    let ledger = ledger();
    assert_eq!(ledger.len(), 10);
    let r = ledger
        .rollup(&RollupOptions {
            by: vec![GroupKey::Nature],
            ..Default::default()
        })
        .unwrap();
    let rows = read_table("budget/chengguan_2026_expected.csv", b',');
    assert_eq!(rows.len(), 19);
    for row in &rows {
        let code = field(row, "code");
        for (column, filter) in [
            ("total", vec![]),
            ("basic", vec![GroupValue::Nature(Nature::Basic)]),
            ("project", vec![GroupValue::Nature(Nature::Project)]),
        ] {
            let expected = match field(row, column) {
                "" => None,
                v => Some(Decimal::from_str(v).unwrap()),
            };
            let actual = if code.is_empty() {
                r.total(&filter).unwrap()
            } else {
                r.amount(Code::functional(code).unwrap(), &filter).unwrap()
            };
            assert_eq!(actual, expected, "{code} {column}");
        }
    }
}

#[test]
fn rollup_names_and_levels_come_from_the_seed() {
    let r = ledger().rollup(&RollupOptions::default()).unwrap();
    let records = r.records(Catalog::seed());
    let rows = read_table("budget/chengguan_2026_expected.csv", b',');
    let coded: Vec<_> = rows
        .iter()
        .filter(|r| !field(r, "code").is_empty())
        .collect();
    assert_eq!(records.len(), coded.len());
    for (rec, row) in records.iter().zip(coded) {
        assert_eq!(rec.code.to_string(), field(row, "code"));
        assert_eq!(rec.level.to_string(), field(row, "level"));
        assert_eq!(rec.name.as_deref(), Some(field(row, "name")));
        assert_eq!(rec.amount.to_string(), field(row, "total"));
    }
    assert!(
        Catalog::seed()
            .check_ledger(&ledger(), &CatalogCheckOptions::default())
            .is_empty()
    );
}

#[test]
fn csv_and_json_round_trips_lose_nothing() {
    let ledger = ledger();
    let again = Ledger::read_csv_str(&ledger.to_csv_string().unwrap()).unwrap();
    assert_eq!(again, ledger);
    assert_eq!(Ledger::from_json(&ledger.to_json()).unwrap(), ledger);
}

#[test]
fn every_bad_row_names_line_column_and_value() {
    let header = "year,book,phase,unit,functional,economic,nature,source,amount";
    let good = "2026,general,budget,u,2080505,,basic,,100";
    let cases = read_table("budget/bad_rows.tsv", b'\t');
    assert!(cases.len() >= 20);
    for case in &cases {
        let h = match field(case, "header") {
            "" => header,
            h => h,
        };
        let text = format!("{h}\n{good}\n{}\n", field(case, "row"));
        match Ledger::read_csv_str(&text) {
            Err(Error::Input {
                line,
                column,
                value,
                ..
            }) => {
                let name = field(case, "name");
                assert_eq!(line.to_string(), field(case, "line"), "{name}");
                assert_eq!(column, field(case, "column"), "{name}");
                assert_eq!(value, field(case, "value"), "{name}");
            }
            other => panic!(
                "{}: expected an input error, got {other:?}",
                field(case, "name")
            ),
        }
    }
}
