//! Regression tests for what fuzzing found (fuzz/README.md): each input is the minimised one
//! from the fuzz target named, without its selector byte.

use sunlit::{
    ReadOptions,
    document::{SourceDocument, SourceFormat},
    power::ChangeLog,
};

/// fuzz target `power_list` (selector 3: change log, JSON): a blank `remarks` read from JSON
/// was kept as `Some("")`, which CSV writes as a blank cell and reads back as absent, so the
/// record changed on a round trip.
#[test]
fn change_log_json_blank_text_survives_a_csv_round_trip() {
    let input = br#"[{"kind":"added","name":" x ","code":"\u65e0","remarks":""}]"#;
    let log = ChangeLog::from_json(std::str::from_utf8(input).unwrap()).unwrap();
    let csv = log.to_csv_string().unwrap();
    assert_eq!(ChangeLog::read_csv_str(&csv).unwrap(), log, "{csv}");
    assert_eq!(ChangeLog::from_json(&log.to_json()).unwrap(), log);
}

/// fuzz target `power_list`: a JSON record with a blank name was accepted, though the CSV
/// reader refuses it, so its CSV could not be read back.
#[test]
fn change_log_json_blank_name_is_refused() {
    let input = r#"[{"kind":"added","name":"  "}]"#;
    assert!(matches!(
        ChangeLog::from_json(input),
        Err(sunlit::Error::Input { line: 1, ref column, .. }) if column == "name"
    ));
}

/// fuzz target `document_sheet` (selector 1: XLS): a 512-byte compound-file header whose
/// sector size makes calamine's sector table an odd length tripped calamine's `assert_eq!` in
/// `to_u32` and panicked through `SourceDocument::from_bytes`. It is an `Error::File` now.
#[test]
fn xls_reader_turns_a_calamine_panic_into_an_error() {
    let bytes = include_bytes!("fuzz_regressions/document_sheet_cfb_assert.xls");
    let err =
        SourceDocument::from_bytes("bad.xls", SourceFormat::Xls, bytes, &ReadOptions::default())
            .unwrap_err();
    assert!(
        matches!(err, sunlit::Error::File { ref path, .. } if path == "bad.xls"),
        "{err:?}"
    );
}

/// fuzz target `ledger` (selector 0: CSV): the year `0226` was read as 226, which the writer
/// prints as `226` and the reader then refuses, so a read ledger could not be read back. A
/// year with a leading zero is refused where it is read, naming line and column.
#[test]
fn ledger_year_with_a_leading_zero_is_refused() {
    let input = "year,book,phase,unit,functional,economic,nature,source,amount\n\
                 0226,general,budget,u,2080506,,basic,,1151232\n";
    assert!(matches!(
        sunlit::Ledger::read_csv_str(input),
        Err(sunlit::Error::Input { line: 2, ref column, ref value, .. }) if column == "year" && value == "0226"
    ));
}

/// fuzz target `document_sheet` (selector 1: XLS, 10-minute run of 16:04): a compound file
/// whose directory sector chain loops back on itself made calamine grow a buffer without end
/// (libFuzzer: out-of-memory, a 4 GiB allocation in `calamine::cfb::Sectors::get_chain`). The
/// reader refuses such a file before calamine follows the chain.
#[test]
fn xls_reader_refuses_a_looping_sector_chain() {
    let bytes = include_bytes!("fuzz_regressions/document_sheet_cfb_cycle.xls");
    let err = SourceDocument::from_bytes(
        "loop.xls",
        SourceFormat::Xls,
        bytes,
        &ReadOptions::default(),
    )
    .unwrap_err();
    assert!(
        matches!(err, sunlit::Error::File { ref path, ref reason, kind: std::io::ErrorKind::InvalidData } if path == "loop.xls" && reason.contains("loops")),
        "{err:?}"
    );
}

/// fuzz target `document_sheet` (selector 1: XLS, 10-minute run of 16:19 after the fix above):
/// a DIMENSIONS record claiming about 3·10¹³ cells made calamine reserve room for them all
/// (AddressSanitizer: allocation-size-too-big in `Xls::parse_workbook`; without the sanitizer an
/// allocation failure aborts the process, which no `catch_unwind` can stop). The reader
/// refuses a claim beyond BIFF8's 65,536 rows and 256 columns before calamine reads it.
#[test]
fn xls_reader_refuses_impossible_dimensions() {
    let bytes = include_bytes!("fuzz_regressions/document_sheet_huge_dimensions.xls");
    let err = SourceDocument::from_bytes(
        "dims.xls",
        SourceFormat::Xls,
        bytes,
        &ReadOptions::default(),
    )
    .unwrap_err();
    assert!(
        matches!(err, sunlit::Error::File { ref reason, .. } if reason.contains("DIMENSIONS")),
        "{err:?}"
    );
}

/// The checks of the XLS tests here refuse no real workbook of the test data: every `.xls`
/// under tests/data/documents still reads, with at least one table.
#[test]
fn real_xls_workbooks_still_read() {
    let root = std::path::PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/data/documents"
    ));
    let mut dirs = vec![root.clone()];
    let mut files = Vec::new();
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("xls"))
            {
                files.push(path);
            }
        }
    }
    assert!(files.len() >= 3, "{files:?}");
    for path in files {
        let file = path.strip_prefix(&root).unwrap().display().to_string();
        let bytes = std::fs::read(&path).unwrap();
        let doc =
            SourceDocument::from_bytes(&file, SourceFormat::Xls, &bytes, &ReadOptions::default())
                .unwrap_or_else(|e| panic!("{file}: {e}"));
        assert!(!doc.tables.is_empty(), "{file}");
    }
}

/// fuzz target `document_sheet` (selector 1: XLS, run of 16:33 on 3fccaea, after 4 min 54 s): a
/// cell record far outside BIFF8's 256 columns makes calamine's `Range::from_sparse` allocate
/// a dense grid of 65,536 × 65,536 cells (137 GB; ASan out-of-memory, without it an allocation
/// failure that aborts the process). The reader walks the workbook stream's records and refuses
/// such a cell before calamine builds the range (on the code before the fix, this test aborts:
/// run it under a memory limit, `ulimit -v 3000000`).
#[test]
fn xls_reader_refuses_a_cell_beyond_the_sheet() {
    let bytes = include_bytes!("fuzz_regressions/document_sheet_dense_range.xls");
    let err = SourceDocument::from_bytes(
        "dense.xls",
        SourceFormat::Xls,
        bytes,
        &ReadOptions::default(),
    )
    .unwrap_err();
    assert!(
        matches!(err, sunlit::Error::File { ref path, ref reason, kind: std::io::ErrorKind::InvalidData }
            if path == "dense.xls" && reason.contains("offset") && reason.contains("column")),
        "{err:?}"
    );
}

/// fuzz target `scalars` (selector 7, run of 16:54 on 9ed1e5f, after ≈ 200 s): NFKC turns
/// U+0384 GREEK TONOS into a space and U+0301; removing the space left `Η` + U+0301, which a
/// second normalisation composes to `Ή`: `normalize_text` was not idempotent, so a normalised
/// label could fail to match itself normalised again.
#[test]
fn normalize_text_is_idempotent_across_a_removed_space() {
    let once = sunlit::document::normalize_text("Η΄");
    assert_eq!(once, "Ή");
    assert_eq!(sunlit::document::normalize_text(&once), once);
}

/// fuzz target `scalars` (selector 4, run of 17:09 on cd64739, after 343 s): `TimeLimit::parse`
/// reads `0月` as zero months, which `Display` writes as `即办` (immediate), read back as zero
/// working days: the value changed on a round trip. Fixed: only a zero in working days is
/// written `即办`; a zero in months or calendar days keeps its unit (`0个月`, `0日`).
#[test]
fn time_limit_of_zero_months_survives_a_round_trip() {
    let t = sunlit::power::TimeLimit::parse("0月").unwrap();
    assert_eq!(sunlit::power::TimeLimit::parse(&t.to_string()).unwrap(), t);
}

/// fuzz target `document_sheet` (selector 1: XLS, the 528-second run after e0abdc2): a 5.6 KB
/// XLS whose one LABELSST cell sits at row 60,931 was laid out as a dense grid of 60,931 × 7
/// positions (426,000 cells, 4.4 MB of HTML), and the outputs worked through every one of them
/// (libFuzzer timeout). A run of blank rows or columns is now kept as its first two, so the
/// grid is a few rows long and the far cell keeps its own sheet row in its provenance.
#[test]
fn xls_reader_keeps_a_far_cell_without_laying_out_the_blank_rows() {
    let bytes = include_bytes!("fuzz_regressions/document_sheet_sparse_timeout.xls");
    let doc =
        SourceDocument::from_bytes("far.xls", SourceFormat::Xls, bytes, &ReadOptions::default())
            .unwrap();
    let cells: usize = doc
        .tables
        .iter()
        .map(|t| t.rows.iter().map(Vec::len).sum::<usize>())
        .sum();
    assert!(cells < 1_000, "{cells} cells");
    let far = doc
        .tables
        .iter()
        .flat_map(|t| t.rows.iter().flatten())
        .filter(|c| !c.text.trim().is_empty())
        .map(|c| c.at.row)
        .max()
        .unwrap();
    assert_eq!(far, 60_931);
}

/// An XLSX of 1.5 KB with cells at A1, B1 and XFD1048576 (made with Python's zipfile; the
/// worksheet XML is three `<c>` elements). calamine's `worksheet_range` lays a sheet out over
/// the bounding box of its cells — here 17 billion positions, an allocation that aborts the
/// process. The reader takes the cells one by one and keeps runs of blank rows and columns as
/// their first two: a 5 × 5 grid holding all three values at their own positions.
#[test]
fn xlsx_reader_reads_two_far_cells_without_a_dense_grid() {
    let bytes = include_bytes!("fuzz_regressions/sheet_two_far_cells.xlsx");
    let doc = SourceDocument::from_bytes(
        "far.xlsx",
        SourceFormat::Xlsx,
        bytes,
        &ReadOptions::default(),
    )
    .unwrap();
    let t = &doc.tables[0];
    assert_eq!((t.rows.len(), t.rows[0].len()), (4, 5));
    let printed: Vec<(u32, u32, &str)> = t
        .rows
        .iter()
        .flatten()
        .filter(|c| !c.text.is_empty())
        .map(|c| (c.at.row, c.at.column, c.text.as_str()))
        .collect();
    assert_eq!(
        printed,
        [(1, 1, "合计"), (1, 2, "12.5"), (1_048_576, 16_384, "7")]
    );
}

/// The grid of a sheet is checked against `Limits::max_cells` before it is built: an error
/// naming the limit, the grid's size and the cap.
#[test]
fn a_sheet_grid_beyond_max_cells_is_a_limit_error() {
    let bytes = include_bytes!("fuzz_regressions/sheet_two_far_cells.xlsx");
    let mut opts = ReadOptions::default();
    opts.input.limits.max_cells = 19;
    let err = SourceDocument::from_bytes("far.xlsx", SourceFormat::Xlsx, bytes, &opts).unwrap_err();
    assert!(
        matches!(err, sunlit::Error::Limit { ref limit, value: 20, cap: 19, .. } if limit == "max_cells"),
        "{err:?}"
    );
    opts.input.limits.max_cells = 20;
    assert!(SourceDocument::from_bytes("far.xlsx", SourceFormat::Xlsx, bytes, &opts).is_ok());
}

/// An HTML table whose first cell spans every row and 1,000 columns (`rowspan=0`) over 20,000
/// empty rows would be 20 million positions from 200 KB; it is a `max_cells` error.
#[test]
fn an_html_table_spanning_millions_of_positions_is_a_limit_error() {
    let page = format!(
        "<table><tr><td rowspan=0 colspan=1000>x</td></tr>{}</table>",
        "<tr><td></td></tr>".repeat(20_000)
    );
    let err = SourceDocument::from_bytes(
        "wide.html",
        SourceFormat::Html,
        page.as_bytes(),
        &ReadOptions::default(),
    )
    .unwrap_err();
    assert!(
        matches!(err, sunlit::Error::Limit { ref limit, cap: 10_000_000, .. } if limit == "max_cells"),
        "{err:?}"
    );
}

/// fuzz target `document_sheet` (selector 0: XLSX, the 10-minute run of 19:08 after the grid
/// fix): 13.5 KB of compound (OLE) file given as XLSX. calamine's XLSX reader opens a compound
/// file to look for the streams of a password-protected workbook, without the checks the XLS
/// path runs first, and followed a looping sector chain until it asked for 4 GiB
/// (libFuzzer: out-of-memory in `calamine::cfb::Sectors::get_chain` under
/// `check_for_password_protected`). Such a file is now read as the XLS it is, checks first: an
/// `Error::File` saying what the file is.
#[test]
fn an_xlsx_that_is_a_compound_file_gets_the_xls_checks() {
    let bytes = include_bytes!("fuzz_regressions/document_sheet_xlsx_cfb_cycle.xlsx");
    let err = SourceDocument::from_bytes(
        "ole.xlsx",
        SourceFormat::Xlsx,
        bytes,
        &ReadOptions::default(),
    )
    .unwrap_err();
    assert!(
        matches!(err, sunlit::Error::File { ref path, ref reason, .. }
            if path == "ole.xlsx" && reason.contains("compound (OLE) file") && reason.contains("loops")),
        "{err:?}"
    );
}

/// A real .xls workbook under an .xlsx name is read (as XLS) rather than refused.
#[test]
fn an_xls_named_xlsx_is_read() {
    let bytes = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/data/documents/xinjiang/karamay-ybj-power-list-2024.xls"
    ))
    .unwrap();
    let d = SourceDocument::from_bytes(
        "x.xlsx",
        SourceFormat::Xlsx,
        &bytes,
        &ReadOptions::default(),
    )
    .unwrap();
    assert_eq!(d.format, SourceFormat::Xls);
    assert!(!d.tables.is_empty());
}

/// Found by `ledger_arrow` (fuzz/README.md): an amount of 27 or more integer digits reads from
/// CSV, but `to_arrow` writes the amount column at scale ≥ 2 (分), where it has more than 28
/// significant digits, and `from_arrow` refused what `to_arrow` wrote. Fixed in
/// core/src/budget/arrow.rs: reading back, the fraction's trailing zeros that do not fit are dropped.
#[test]
#[cfg(feature = "arrow")]
fn ledger_arrow_round_trip_keeps_an_amount_of_29_digits() {
    let ledger = sunlit::Ledger::read_csv_str(
        "year,book,phase,unit,functional,economic,nature,source,amount\n\
         2026,general,budget,u,2080505,,basic,,79228162514264337593543950335\n",
    )
    .unwrap();
    let batch = ledger.to_arrow().unwrap();
    assert_eq!(sunlit::Ledger::from_arrow(&batch).unwrap(), ledger);
}

/// The round-trip fix above is for decimal columns only: the same figure as text reads as the CSV
/// reader reads it — refused, with the line, column and value named.
#[test]
#[cfg(feature = "arrow")]
fn a_text_amount_with_zeros_beyond_28_digits_is_refused_as_in_csv() {
    let csv = "year,book,phase,unit,functional,economic,nature,source,amount\n\
               2026,general,budget,u,2080505,,basic,,79228162514264337593543950335.00\n";
    assert!(sunlit::Ledger::read_csv_str(csv).is_err());
    let ledger = sunlit::Ledger::read_csv_str(&csv.replace(".00\n", "\n")).unwrap();
    let batch = ledger.to_arrow().unwrap();
    let amount = arrow_cast::cast(batch.column(8), &arrow_schema::DataType::Utf8).unwrap();
    let mut columns = batch.columns().to_vec();
    columns[8] = amount;
    let fields: Vec<arrow_schema::Field> = batch
        .schema()
        .fields()
        .iter()
        .zip(&columns)
        .map(|(f, c)| arrow_schema::Field::new(f.name(), c.data_type().clone(), true))
        .collect();
    let text = arrow_array::RecordBatch::try_new(
        std::sync::Arc::new(arrow_schema::Schema::new(fields)),
        columns,
    )
    .unwrap();
    assert!(matches!(
        sunlit::Ledger::from_arrow(&text),
        Err(sunlit::Error::Input { line: 1, ref column, .. }) if column == "amount"
    ));
}
