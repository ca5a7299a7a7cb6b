//! Published-table (预决算公开表格) CSV and JSON readers. First byte: bit 0 chooses JSON over CSV,
//! bits 1–2 the unit, the rest of it the table kind given (or none, to detect). Second byte:
//! bit 0 lenient CSV quoting, bit 1 tight limits (4 KB, 8 rows, 64-byte fields, JSON depth 4). Read → write →
//! read must give an equal table in both formats (source line numbers aside, which a rewritten
//! file cannot keep), and the second write must be byte-identical to the first.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sunlit::{
    PublishedTable, Unit,
    input::{InputOptions, Limits, Quoting},
    tables::{TableKind, TableReadOptions, TableRow},
};

fn rows(t: &PublishedTable) -> Vec<TableRow> {
    t.rows()
        .iter()
        .cloned()
        .map(|r| TableRow { line: 0, ..r })
        .collect()
}

type Shape<'a> = (Option<TableKind>, Unit, &'a [String], Vec<TableRow>, bool);

fn shape(t: &PublishedTable) -> Shape<'_> {
    (t.kind(), t.unit(), t.columns(), rows(t), t.sides_given())
}

fn round_trip(table: &PublishedTable) {
    let json = table.to_json();
    let from_json = PublishedTable::from_json(&json)
        .unwrap_or_else(|e| panic!("written JSON unreadable: {e}\n{json}"));
    assert_eq!(
        shape(&from_json),
        shape(table),
        "JSON round trip changed the table\n{json}"
    );
    assert_eq!(from_json.title(), table.title());
    assert_eq!(from_json.to_json(), json);

    if let Ok(csv) = table.to_csv_string() {
        let opts = TableReadOptions {
            unit: table.unit(),
            kind: table.kind(),
            title: table.title().map(str::to_owned),
            ..TableReadOptions::default()
        };
        let from_csv = PublishedTable::read_csv_str(&csv, &opts)
            .unwrap_or_else(|e| panic!("written CSV unreadable: {e}\n{csv}"));
        assert_eq!(
            shape(&from_csv),
            shape(table),
            "CSV round trip changed the table\n{csv}"
        );
        assert_eq!(from_csv.to_csv_string().unwrap(), csv);
    }
}

fuzz_target!(|data: &[u8]| {
    let [sel, input_sel, rest @ ..] = data else {
        return;
    };
    let (sel, input_sel) = (*sel, *input_sel);
    let mut input = InputOptions::default();
    if input_sel & 1 != 0 {
        input.quoting = Quoting::Lenient;
    }
    if input_sel & 2 != 0 {
        input.limits = Limits {
            max_file_bytes: 4096,
            max_rows: 8,
            max_field_bytes: 64,
            max_json_depth: 4,
            max_cells: 64,
        };
    }
    let unit = Unit::ALL[usize::from((sel >> 1) & 3) % Unit::ALL.len()];
    let kind = TableKind::ALL.get(usize::from(sel >> 3)).copied();
    let opts = TableReadOptions {
        unit,
        kind,
        input: input.clone(),
        ..TableReadOptions::default()
    };
    let read = if sel % 2 == 0 {
        PublishedTable::read_csv_with(rest, &opts).map(|(t, _)| t)
    } else {
        match std::str::from_utf8(rest) {
            Ok(text) => PublishedTable::from_json_with(text, &input),
            Err(_) => return,
        }
    };
    if let Ok(table) = read {
        round_trip(&table);
    }
});
