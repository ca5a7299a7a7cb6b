//! `Ledger::from_arrow_batches` (feature `arrow`) on record batches built from the input: each
//! ledger column missing or of one of several Arrow types (utf8, large utf8, utf8 view,
//! dictionary, int64, decimal128 at a chosen scale, float64, boolean), with nulls, the values
//! drawn from a vocabulary of good and bad cells or made up; sometimes an unknown extra column;
//! the rows split into one or two batches.
//!
//! Asserts: no panic; a read ledger has one line per row and survives `to_arrow` →
//! `from_arrow` and CSV unchanged; an `Error::Input` names a row within the batches (0 for the
//! schema). When every column is text (or missing where that is allowed) and no cell needs CSV
//! quoting, the same cells written as CSV must read to the same ledger, or fail on the same
//! row (line − 1), column and value: the Arrow reader applies the CSV reader's rules.
#![no_main]

use std::sync::Arc;

use arrow_array::builder::{StringDictionaryBuilder, StringViewBuilder};
use arrow_array::types::UInt32Type;
use arrow_array::{
    ArrayRef, BooleanArray, Decimal128Array, Float64Array, Int64Array, LargeStringArray,
    RecordBatch, RecordBatchOptions, StringArray,
};
use arrow_schema::{Field, Schema};
use libfuzzer_sys::arbitrary::{Result, Unstructured};
use libfuzzer_sys::fuzz_target;
use sunlit::{Error, Ledger};

/// The ledger's columns, in CSV order.
const COLUMNS: [&str; 9] = sunlit::budget::LineRecord::COLUMNS;

/// Good and bad cells per column, for the input to pick from (or make up its own).
const VOCABULARY: [&[&str]; 9] = [
    &["2026", "2024", "0226", "-1", "99999", "2026.0", " 2026", ""],
    &[
        "general",
        "fund",
        "state_capital",
        "social_insurance",
        "一般公共预算",
        "General",
        "",
    ],
    &["budget", "adjusted", "final", "决算数", "plan", ""],
    &["u", "单位0001", " u ", "", "\u{feff}x"],
    &[
        "208", "20805", "2080505", "2080506", "2130101", "20", "2089999", "0", "",
    ],
    &["", "301", "30108", "50101", "3010", "x"],
    &["basic", "project", "基本支出", "business", ""],
    &["", "本级财力", "上级补助"],
    &[
        "1.25",
        "0",
        "-3",
        "1e5",
        "0.001",
        "2,614,680",
        "79228162514264337593543950335",
        "99999999999999999999999999999",
        "",
        "-0.00",
    ],
];

/// How a column is given.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Missing,
    Utf8,
    LargeUtf8,
    Utf8View,
    Dictionary,
    Int64,
    Decimal,
    Float,
    Boolean,
}

const KINDS: [Kind; 9] = [
    Kind::Missing,
    Kind::Utf8,
    Kind::LargeUtf8,
    Kind::Utf8View,
    Kind::Dictionary,
    Kind::Int64,
    Kind::Decimal,
    Kind::Float,
    Kind::Boolean,
];

fn is_text(kind: Kind) -> bool {
    matches!(
        kind,
        Kind::Utf8 | Kind::LargeUtf8 | Kind::Utf8View | Kind::Dictionary
    )
}

/// One column's cells (`None` is null).
fn cells(u: &mut Unstructured<'_>, column: usize, rows: usize) -> Result<Vec<Option<String>>> {
    (0..rows)
        .map(|_| {
            Ok(match u.int_in_range(0..=9u8)? {
                0 => None,
                1 => Some(String::from(u.arbitrary::<&str>()?)),
                _ => Some((*u.choose(VOCABULARY[column])?).to_owned()),
            })
        })
        .collect()
}

fn array(u: &mut Unstructured<'_>, kind: Kind, cells: &[Option<String>]) -> Result<ArrayRef> {
    Ok(match kind {
        Kind::Missing | Kind::Utf8 => Arc::new(StringArray::from(cells.to_vec())),
        Kind::LargeUtf8 => Arc::new(LargeStringArray::from(cells.to_vec())),
        Kind::Utf8View => {
            let mut b = StringViewBuilder::new();
            cells.iter().for_each(|c| b.append_option(c.as_deref()));
            Arc::new(b.finish())
        }
        Kind::Dictionary => {
            let mut b = StringDictionaryBuilder::<UInt32Type>::new();
            cells.iter().for_each(|c| b.append_option(c.as_deref()));
            Arc::new(b.finish())
        }
        Kind::Int64 => {
            let values: Vec<Option<i64>> = cells
                .iter()
                .map(|c| {
                    c.as_ref()
                        .map(|t| t.parse::<i64>().unwrap_or(t.len() as i64 - 3))
                })
                .collect();
            Arc::new(Int64Array::from(values))
        }
        Kind::Decimal => {
            let scale: i8 = u.int_in_range(-2..=6)?;
            let mut values = Vec::with_capacity(cells.len());
            for c in cells {
                values.push(match c {
                    None => None,
                    Some(_) => Some(i128::from(u.arbitrary::<i64>()?)),
                });
            }
            let a = Decimal128Array::from(values).with_precision_and_scale(38, scale);
            match a {
                Ok(a) => Arc::new(a),
                Err(_) => Arc::new(StringArray::from(cells.to_vec())),
            }
        }
        Kind::Float => Arc::new(Float64Array::from(
            cells
                .iter()
                .map(|c| c.as_ref().map(|t| t.len() as f64 / 4.0))
                .collect::<Vec<_>>(),
        )),
        Kind::Boolean => Arc::new(BooleanArray::from(
            cells
                .iter()
                .map(|c| c.as_ref().map(|t| t.is_empty()))
                .collect::<Vec<_>>(),
        )),
    })
}

/// The same cells as CSV text (blank for null or a missing column), or `None` if a cell would
/// need quoting.
fn as_csv(table: &[Vec<Option<String>>], kinds: &[Kind], rows: usize) -> Option<String> {
    let mut out = COLUMNS.join(",") + "\n";
    for r in 0..rows {
        let mut line = Vec::with_capacity(COLUMNS.len());
        for (c, kind) in kinds.iter().enumerate() {
            let cell = match kind {
                Kind::Missing => "",
                _ => table[c][r].as_deref().unwrap_or(""),
            };
            if cell.contains([',', '"', '\n', '\r']) {
                return None;
            }
            line.push(cell);
        }
        out.push_str(&line.join(","));
        out.push('\n');
    }
    Some(out)
}

fn check(data: &[u8]) -> Result<()> {
    let mut u = Unstructured::new(data);
    let rows: usize = u.int_in_range(0..=6)?;
    let mut kinds = Vec::with_capacity(COLUMNS.len());
    let mut table = Vec::with_capacity(COLUMNS.len());
    let mut fields = Vec::new();
    let mut arrays = Vec::new();
    for (c, name) in COLUMNS.iter().enumerate() {
        let kind = *u.choose(&KINDS)?;
        let column = cells(&mut u, c, rows)?;
        if kind != Kind::Missing {
            let a = array(&mut u, kind, &column)?;
            fields.push(Field::new(*name, a.data_type().clone(), true));
            arrays.push(a);
        }
        kinds.push(kind);
        table.push(column);
    }
    let extra = u.ratio(1, 16)?;
    if extra {
        fields.push(Field::new("remarks", arrow_schema::DataType::Utf8, true));
        arrays.push(Arc::new(StringArray::from(vec![Some("x"); rows])));
    }
    let options = RecordBatchOptions::new().with_row_count(Some(rows));
    let Ok(batch) =
        RecordBatch::try_new_with_options(Arc::new(Schema::new(fields)), arrays, &options)
    else {
        return Ok(());
    };
    let cut = u.int_in_range(0..=rows)?;
    let parts = [batch.slice(0, cut), batch.slice(cut, rows - cut)];
    let read = Ledger::from_arrow_batches(&parts);
    match &read {
        Ok(ledger) => {
            assert_eq!(ledger.len(), rows, "one line per row");
            // An amount of 27 or more integer digits, written at the column's scale ≥ 2, reads
            // back (fuzz/README.md, "What fuzzing found"; fixed in core/src/budget/arrow.rs).
            let back = Ledger::from_arrow(&ledger.to_arrow().expect("a ledger writes as Arrow"))
                .expect("written Arrow reads back");
            assert_eq!(&back, ledger, "Arrow round trip changed the ledger");
            let csv = ledger.to_csv_string().expect("a read ledger writes as CSV");
            assert_eq!(
                &Ledger::read_csv_str(&csv).expect("written CSV reads back"),
                ledger
            );
        }
        Err(Error::Input { line, .. }) => assert!(*line as usize <= rows, "row {line} of {rows}"),
        Err(_) => {}
    }
    let all_text = !extra
        && kinds.iter().enumerate().all(|(c, &k)| {
            is_text(k) || (k == Kind::Missing && matches!(COLUMNS[c], "economic" | "source"))
        });
    if let (true, Some(csv)) = (all_text, as_csv(&table, &kinds, rows)) {
        let from_csv = Ledger::read_csv_str(&csv);
        match (&read, &from_csv) {
            (Ok(a), Ok(c)) => assert_eq!(a, c, "Arrow and CSV readers differ on\n{csv}"),
            (
                Err(Error::Input {
                    line: l,
                    column: col,
                    value: v,
                    ..
                }),
                Err(Error::Input {
                    line: cl,
                    column: ccol,
                    value: cv,
                    ..
                }),
            ) => assert_eq!(
                (l + 1, col, v),
                (*cl, ccol, cv),
                "different errors on\n{csv}"
            ),
            (a, c) => panic!("Arrow gives {a:?}, CSV gives {c:?} on\n{csv}"),
        }
    }
    Ok(())
}

fuzz_target!(|data: &[u8]| {
    let _ = check(data);
});
