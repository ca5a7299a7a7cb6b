//! Arrow in and out (feature `arrow`): the golden 城管执法局 2026 ledger through an Arrow record
//! batch rolls up to the same published figures, a roll-up done in compacted parts is the
//! roll-up of the whole, and bad Arrow input is an error naming row, column and value — floats
//! refused, blank not zero.

use std::sync::Arc;

use arrow_array::{ArrayRef, Float64Array, Int64Array, RecordBatch, StringArray};
use sunlit::{Error, Ledger, RollupOptions, budget::GroupKey};
use sunlit_tests::data_file;

fn golden() -> Ledger {
    Ledger::read_csv_path(data_file("budget/chengguan_2026_ledger.csv")).expect("golden ledger")
}

fn by_nature() -> RollupOptions {
    RollupOptions {
        by: vec![GroupKey::Nature],
        ..Default::default()
    }
}

/// A batch of text columns named as given.
fn text_batch(columns: &[(&str, Vec<Option<&str>>)]) -> RecordBatch {
    let arrays: Vec<(&str, ArrayRef)> = columns
        .iter()
        .map(|(n, v)| (*n, Arc::new(StringArray::from(v.clone())) as ArrayRef))
        .collect();
    RecordBatch::try_from_iter(arrays).unwrap()
}

fn one_line(amount: ArrayRef) -> RecordBatch {
    let t = |s: &str| Arc::new(StringArray::from(vec![s])) as ArrayRef;
    RecordBatch::try_from_iter([
        ("year", Arc::new(Int64Array::from(vec![2026])) as ArrayRef),
        ("book", t("一般公共预算")),
        ("phase", t("预算")),
        ("unit", t("城管执法局")),
        ("functional", t("2120104")),
        ("nature", t("项目支出")),
        ("amount", amount),
    ])
    .unwrap()
}

#[test]
fn golden_ledger_survives_arrow_and_rolls_up_the_same() {
    let ledger = golden();
    let batch = ledger.to_arrow().unwrap();
    assert_eq!(batch.num_rows(), 10);
    let back = Ledger::from_arrow(&batch).unwrap();
    assert_eq!(back, ledger);
    let a = ledger.rollup(&by_nature()).unwrap();
    let b = back.rollup(&by_nature()).unwrap();
    assert_eq!(a, b);
    // the roll-up as a batch: one row per node, the grouping column first
    let rb = a.to_arrow().unwrap();
    assert_eq!(rb.num_rows(), a.rows().count());
    let names: Vec<String> = rb
        .schema()
        .fields()
        .iter()
        .map(|f| f.name().clone())
        .collect();
    assert_eq!(names, ["nature", "code", "level", "amount"]);
}

#[test]
fn compacted_parts_merge_to_the_golden_rollup() {
    let ledger = golden();
    let lines: Vec<_> = ledger.iter().map(|l| l.to_item()).collect();
    let mut parts = Vec::new();
    for chunk in lines.chunks(3) {
        let mut part = Ledger::new();
        for item in chunk {
            part.push(item.clone()).unwrap();
        }
        // through Arrow, as a worker would ship it
        let shipped = part.compact().unwrap().to_arrow().unwrap();
        parts.push(Ledger::from_arrow(&shipped).unwrap());
    }
    let merged = Ledger::concat(&parts).unwrap();
    assert_eq!(
        merged.rollup(&by_nature()).unwrap().groups(),
        ledger.rollup(&by_nature()).unwrap().groups()
    );
}

#[test]
fn text_and_integer_columns_are_read_with_the_csv_rules() {
    let b = one_line(Arc::new(StringArray::from(vec!["10,992,193.00"])));
    let l = Ledger::from_arrow(&b).unwrap();
    assert_eq!(l.get(0).unwrap().amount.to_string(), "10992193.00");
    let b = one_line(Arc::new(Int64Array::from(vec![10_992_193])));
    assert_eq!(
        Ledger::from_arrow(&b)
            .unwrap()
            .get(0)
            .unwrap()
            .amount
            .to_string(),
        "10992193"
    );
}

#[test]
fn a_float_amount_column_is_refused() {
    let b = one_line(Arc::new(Float64Array::from(vec![0.1])));
    let err = Ledger::from_arrow(&b).unwrap_err();
    assert!(
        matches!(err, Error::Input { line: 0, ref column, ref reason, .. }
            if column == "amount" && reason.contains("float")),
        "{err:?}"
    );
}

#[test]
fn a_null_amount_is_blank_not_zero() {
    let b = one_line(Arc::new(StringArray::from(vec![None::<&str>])));
    let err = Ledger::from_arrow(&b).unwrap_err();
    assert!(
        matches!(err, Error::Input { line: 1, ref column, .. } if column == "amount"),
        "{err:?}"
    );
}

#[test]
fn a_bad_code_names_its_row_across_batches() {
    let good = golden().to_arrow().unwrap();
    let cols = |code: &'static str| {
        vec![
            ("year", vec![Some("2026")]),
            ("book", vec![Some("general")]),
            ("phase", vec![Some("budget")]),
            ("unit", vec![Some("u")]),
            ("functional", vec![Some(code)]),
            ("nature", vec![Some("basic")]),
            ("amount", vec![Some("1")]),
        ]
    };
    let bad = text_batch(&cols("2O8"));
    let err = Ledger::from_arrow_batches([&good, &bad]).unwrap_err();
    assert!(
        matches!(err, Error::Input { line: 11, ref column, ref value, .. }
            if column == "functional" && value == "2O8"),
        "{err:?}"
    );
    let mut extra = cols("208");
    extra.push(("remark", vec![Some("x")]));
    let err = Ledger::from_arrow(&text_batch(&extra)).unwrap_err();
    assert!(
        matches!(err, Error::Input { line: 0, ref column, .. } if column == "remark"),
        "{err:?}"
    );
}

#[test]
fn amounts_with_more_places_widen_the_column_scale_exactly() {
    let ledger = Ledger::read_csv_str(
        "year,book,phase,unit,functional,economic,nature,source,amount\n\
         2026,general,budget,u,2080505,,basic,,1.005\n\
         2026,general,budget,u,2080505,,project,,2\n\
         2026,general,budget,u,2080506,,basic,src,-0.01\n",
    )
    .unwrap();
    let batch = ledger.to_arrow().unwrap();
    assert_eq!(
        batch.schema().field(8).data_type().to_string(),
        "Decimal128(38, 3)"
    );
    let back = Ledger::from_arrow(&batch).unwrap();
    let amounts: Vec<String> = back.iter().map(|l| l.amount.to_string()).collect();
    assert_eq!(amounts, ["1.005", "2.000", "-0.010"]);
    assert_eq!(back, ledger);
    assert_eq!(back.get(2).unwrap().source, Some("src"));
    assert_eq!(back.get(0).unwrap().source, None);
}
