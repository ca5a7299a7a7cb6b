//! Regressions of issue 11 for the CSV and JSON readers and writers: physical line numbers,
//! strict quoting, duplicate JSON keys, located encoding and width errors, numbers shown as
//! written, limits, and writes that never leave a half-written file.
//!
//! The tests of the first part use only the readers' original signatures, so they run unchanged
//! against the code before the fix (where each of them fails).

use sunlit::{Error, Ledger, PowerList, PublishedTable, tables::TableReadOptions};

const HEADER: &str = "year,book,phase,unit,functional,economic,nature,source,amount";
const OK: &str = "2026,general,budget,u,208,,basic,,1";
const BAD: &str = "2026,general,budget,u,208,,basic,,x";

fn input_err<T: std::fmt::Debug>(r: Result<T, Error>) -> (u64, String, String, String) {
    match r {
        Err(Error::Input {
            line,
            column,
            value,
            reason,
            ..
        }) => (line, column, value, reason),
        other => panic!("expected an input error, got {other:?}"),
    }
}

fn ledger_line(text: &str) -> u64 {
    input_err(Ledger::read_csv_str(text)).0
}

#[test]
fn csv_lines_are_physical_lines_with_every_line_ending() {
    // LF, CRLF, CR: the bad row is on line 3.
    for eol in ["\n", "\r\n", "\r"] {
        let text = [HEADER, OK, BAD, ""].join(eol);
        assert_eq!(ledger_line(&text), 3, "line ending {eol:?}");
    }
    // Blank lines are skipped but counted (LF, CRLF, CR).
    for eol in ["\n", "\r\n", "\r"] {
        let text = [HEADER, "", OK, "", "", BAD, ""].join(eol);
        assert_eq!(ledger_line(&text), 6, "blank lines with {eol:?}");
    }
    // A quoted field holding line breaks moves the following rows down.
    for eol in ["\n", "\r\n", "\r"] {
        let text = [
            HEADER,
            "2026,general,budget,\"a",
            "b",
            "c\",208,,basic,,1",
            BAD,
            "",
        ]
        .join(eol);
        assert_eq!(ledger_line(&text), 5, "quoted line breaks with {eol:?}");
    }
}

#[test]
fn table_csv_lines_are_physical_lines() {
    for eol in ["\n", "\r\n", "\r"] {
        let text = ["code,name,合计", "", "208,x,1", "209,y,1.2.3", ""].join(eol);
        let (line, column, value, _) = input_err(PublishedTable::read_csv_str(
            &text,
            &TableReadOptions::default(),
        ));
        assert_eq!(
            (line, column.as_str(), value.as_str()),
            (4, "合计", "1.2.3"),
            "{eol:?}"
        );
    }
}

#[test]
fn power_list_csv_lines_are_physical_lines() {
    let text = "权力分类,事项名称,行使层级\r\n\r\n行政许可,x,省级\r\n行政许可,y,天庭\r\n";
    let (line, column, ..) = input_err(PowerList::read_csv_str(text));
    assert_eq!((line, column.as_str()), (4, "行使层级"));
}

#[test]
fn malformed_quoting_is_an_error_naming_line_column_and_text() {
    // `"1,0"00` was read as 1000.
    let text = format!("{HEADER}\n{OK}\n2026,general,budget,u,208,,basic,,\"1,0\"00\n");
    let (line, column, value, reason) = input_err(Ledger::read_csv_str(&text));
    assert_eq!(
        (line, column.as_str(), value.as_str()),
        (3, "amount", "\"1,0\"00")
    );
    assert!(reason.contains("quot"), "{reason}");
    // A quote inside an unquoted field.
    let text = format!("{HEADER}\n2026,general,budget,u\"v,208,,basic,,1\n");
    let (line, column, value, _) = input_err(Ledger::read_csv_str(&text));
    assert_eq!((line, column.as_str(), value.as_str()), (2, "unit", "u\"v"));
    // A quote never closed: the line it opens on.
    let text = format!("{HEADER}\n{OK}\n2026,general,budget,\"u,208,,basic,,1\n{OK}\n");
    let (line, column, ..) = input_err(Ledger::read_csv_str(&text));
    assert_eq!((line, column.as_str()), (3, "unit"));
    // The same in a published table.
    let (line, column, value, _) = input_err(PublishedTable::read_csv_str(
        "code,name,合计\n208,x,\"1,0\"00\n",
        &TableReadOptions::default(),
    ));
    assert_eq!(
        (line, column.as_str(), value.as_str()),
        (2, "合计", "\"1,0\"00")
    );
}

#[test]
fn a_wrong_field_count_names_the_column_and_the_counts() {
    let text = format!("{HEADER}\n{OK}\n2026,general,budget\n");
    let (line, column, value, reason) = input_err(Ledger::read_csv_str(&text));
    assert_eq!((line, column.as_str()), (3, "unit"));
    assert_eq!(value, "2026,general,budget");
    assert!(reason.contains("3 fields but the header has 9"), "{reason}");
    let text = format!("{HEADER}\n{OK},extra\n");
    let (line, column, _, reason) = input_err(Ledger::read_csv_str(&text));
    assert_eq!((line, column.as_str()), (2, "field 10"));
    assert!(reason.contains("10 fields"), "{reason}");
}

#[test]
fn gbk_bytes_in_a_utf8_csv_are_located_and_shown() {
    let (gbk, _, _) = encoding_rs::GBK.encode("教育局");
    let mut bytes = format!("{HEADER}\r\n{OK}\r\n2026,general,budget,").into_bytes();
    bytes.extend_from_slice(&gbk);
    bytes.extend_from_slice(b",208,,basic,,1\r\n");
    let (line, column, value, reason) = input_err(Ledger::read_csv(bytes.as_slice()));
    assert_eq!((line, column.as_str()), (3, "unit"));
    assert!(!value.is_empty());
    assert!(
        reason.contains("教育局") && reason.contains("GBK"),
        "{reason}"
    );
}

#[test]
fn duplicate_json_keys_are_errors() {
    let dup = r#"[{"year":2026,"book":"general","phase":"budget","unit":"u",
        "functional":"208","nature":"basic",
        "amount":"9.99", "amount":"1.00"}]"#;
    let (line, column, ..) = input_err(Ledger::from_json(dup));
    assert_eq!((line, column.as_str()), (3, "amount"));
    // In a table: a repeated key, and keys that are one column once trimmed.
    let dup = r#"{"columns": ["合计"], "rows": [{"name": "x", "cells": {"合计": "9.99", "合计": "1.00"}}]}"#;
    assert_eq!(input_err(PublishedTable::from_json(dup)).1, "合计");
    let trimmed = r#"{"columns": ["合计"], "rows": [{"name": "x", "cells": {"合计": "9.99", " 合计 ": "1.00"}}]}"#;
    let (_, column, _, reason) = input_err(PublishedTable::from_json(trimmed));
    assert!(column.trim() == "合计", "{column:?}");
    assert!(
        reason.contains("once trimmed")
            && reason.contains("\" 合计 \"")
            && reason.contains("\"合计\""),
        "{reason}"
    );
    // Top-level keys too, and in a power list.
    let dup = r#"{"columns": ["合计"], "columns": ["x"], "rows": []}"#;
    assert_eq!(input_err(PublishedTable::from_json(dup)).1, "columns");
    let dup = r#"{"items": [{"权力分类": "行政许可", "事项名称": "x", "事项名称": "y"}]}"#;
    assert!(PowerList::from_json(dup).is_err());
}

#[test]
fn json_integers_beyond_64_bits_are_shown_as_written() {
    let big = r#"[{"year":2026,"book":"general","phase":"budget","unit":"u",
        "functional":"208","nature":"basic","amount":123456789012345678901234}]"#;
    let (line, _, value, _) = input_err(Ledger::from_json(big));
    assert_eq!((line, value.as_str()), (2, "123456789012345678901234"));
}

#[test]
fn json_files_with_a_bom_or_gbk_name_line_and_cause() {
    let dir = tempfile::tempdir().unwrap();
    let bom = dir.path().join("bom.json");
    std::fs::write(&bom, b"\xEF\xBB\xBF{\"columns\": [], \"rows\": []}").unwrap();
    let (line, _, _, reason) = input_err(PublishedTable::read_json_path(&bom));
    assert_eq!(line, 1);
    assert!(reason.contains("BOM"), "{reason}");
    let gbk = dir.path().join("gbk.json");
    let (bytes, _, _) =
        encoding_rs::GBK.encode("{\"columns\": [\"合计\"],\n \"title\": \"教育局\", \"rows\": []}");
    std::fs::write(&gbk, &bytes).unwrap();
    let (line, _, value, reason) = input_err(PublishedTable::read_json_path(&gbk));
    assert_eq!(line, 1);
    assert!(!value.is_empty());
    assert!(
        reason.contains("GBK") && reason.contains("合计"),
        "{reason}"
    );
}

#[test]
fn a_failed_write_leaves_the_previous_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ledger.csv");
    let ledger = Ledger::read_csv_str(&format!("{HEADER}\n{OK}\n")).unwrap();
    ledger.write_csv_path(&path).unwrap();
    let before = std::fs::read(&path).unwrap();
    // A write that fails (here: the target is a directory) leaves no temporary file.
    assert!(Ledger::new().write_csv_path(dir.path()).is_err());
    // Writing a good file replaces it whole, and no temporary file is left behind.
    Ledger::new().write_csv_path(&path).unwrap();
    assert_ne!(std::fs::read(&path).unwrap(), before);
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 1, "{names:?}");
}

// ---- The options of the fix: limits and lenient quoting (new API). ----

use sunlit::input::{InputOptions, Limits, Quoting};

fn limit_err<T: std::fmt::Debug>(r: Result<T, Error>) -> (String, u64, u64, u64, String) {
    match r {
        Err(e @ Error::Limit { .. }) => {
            let message = e.to_string();
            let Error::Limit {
                limit,
                line,
                value,
                cap,
            } = e
            else {
                unreachable!()
            };
            (limit, line, value, cap, message)
        }
        other => panic!("expected a limit error, got {other:?}"),
    }
}

fn with_limits(limits: Limits) -> InputOptions {
    InputOptions {
        limits,
        ..InputOptions::default()
    }
}

#[test]
fn limits_have_sane_defaults_and_are_errors_naming_how_to_raise_them() {
    let d = Limits::default();
    assert_eq!(
        (
            d.max_file_bytes,
            d.max_rows,
            d.max_field_bytes,
            d.max_json_depth
        ),
        (2 * 1024 * 1024 * 1024, 50_000_000, 1024 * 1024, 64)
    );
    let text = format!("{HEADER}\n{OK}\n{OK}\n");
    // File size.
    let o = with_limits(Limits {
        max_file_bytes: 10,
        ..Limits::default()
    });
    let (limit, line, value, cap, message) = limit_err(Ledger::read_csv_with(text.as_bytes(), &o));
    assert_eq!(
        (limit.as_str(), line, value, cap),
        ("max_file_bytes", 0, 11, 10)
    );
    assert!(message.contains("raise Limits.max_file_bytes"), "{message}");
    // Rows (the header counts).
    let o = with_limits(Limits {
        max_rows: 2,
        ..Limits::default()
    });
    let (limit, line, value, cap, _) = limit_err(Ledger::read_csv_with(text.as_bytes(), &o));
    assert_eq!((limit.as_str(), line, value, cap), ("max_rows", 3, 3, 2));
    // Field length.
    let o = with_limits(Limits {
        max_field_bytes: 5,
        ..Limits::default()
    });
    let (limit, line, value, cap, _) = limit_err(Ledger::read_csv_with(text.as_bytes(), &o));
    assert_eq!(
        (limit.as_str(), line, value, cap),
        ("max_field_bytes", 1, 10, 5)
    );
    // JSON depth, and the default refusing a deeply nested document.
    let deep = format!("{}{}", "[".repeat(100), "]".repeat(100));
    let (limit, _, value, cap, _) = limit_err(Ledger::from_json(&deep));
    assert_eq!((limit.as_str(), value, cap), ("max_json_depth", 65, 64));
    // JSON rows and string length.
    let o = with_limits(Limits {
        max_rows: 1,
        ..Limits::default()
    });
    assert_eq!(
        limit_err(Ledger::from_json_with("[{}, {}]", &o)).0,
        "max_rows"
    );
    let o = with_limits(Limits {
        max_field_bytes: 3,
        ..Limits::default()
    });
    let long = r#"{"columns": ["合计"], "rows": []}"#;
    assert_eq!(
        limit_err(PublishedTable::from_json_with(long, &o)).0,
        "max_field_bytes"
    );
    // Tables and documents take them through their options.
    let t = TableReadOptions {
        input: with_limits(Limits {
            max_rows: 1,
            ..Limits::default()
        }),
        ..TableReadOptions::default()
    };
    assert_eq!(
        limit_err(PublishedTable::read_csv_str(
            "code,name,合计\n208,x,1\n",
            &t
        ))
        .0,
        "max_rows"
    );
    let r = sunlit::ReadOptions {
        input: with_limits(Limits {
            max_file_bytes: 3,
            ..Limits::default()
        }),
        ..sunlit::ReadOptions::default()
    };
    let e = sunlit::document::SourceDocument::from_csv_bytes("t.csv", b"a,b\n1,2\n", &r);
    assert_eq!(limit_err(e).0, "max_file_bytes");
}

#[test]
fn lenient_quoting_reads_messy_fields_and_says_so_for_each() {
    let text = format!("{HEADER}\r\n2026,general,budget,u\"v,208,,basic,,\"1,0\"00\r\n{OK}\r\n");
    let lenient = InputOptions {
        quoting: Quoting::Lenient,
        ..InputOptions::default()
    };
    let (ledger, findings) = Ledger::read_csv_with(text.as_bytes(), &lenient).unwrap();
    assert_eq!(ledger.len(), 2);
    assert_eq!(ledger.iter().next().unwrap().unit, "u\"v");
    assert_eq!(findings.len(), 2);
    assert!(findings.iter().all(|f| f.rule == "input.relaxed_quoting"
        && f.severity == sunlit::Severity::Warning
        && f.message_en.contains("line 2")));
    assert_eq!(findings[0].column.as_deref(), Some("unit"));
    assert_eq!(findings[1].printed.as_deref(), Some("\"1,0\"00"));
    // Strict (the default) refuses the same text; a table's plain reader refuses lenient
    // options (its warnings would be lost) and points to read_csv_with.
    assert!(Ledger::read_csv_with(text.as_bytes(), &InputOptions::default()).is_err());
    let t = TableReadOptions {
        input: lenient,
        ..TableReadOptions::default()
    };
    assert!(matches!(
        PublishedTable::read_csv_str("code,name,合计\n208,x,1\n", &t),
        Err(Error::Field { .. })
    ));
    let (table, findings) =
        PublishedTable::read_csv_with("code,name,合计\n208,x,\"1,0\"00\n".as_bytes(), &t).unwrap();
    assert_eq!(table.rows()[0].cells[0].unwrap().to_string(), "1000");
    assert_eq!(findings.len(), 1);
}

#[test]
fn holiday_json_refuses_duplicate_keys_too() {
    // The holiday reader deserialises into structs, and serde refuses a repeated field (a guard,
    // not a regression: this held before).
    let dup = r#"{"year": 2027, "year": 2026, "days": [
        {"name": "元旦", "date": "2027-01-01", "isOffDay": true}]}"#;
    assert!(sunlit::WorkCalendar::china().with_year_json(dup).is_err());
    let dup = r#"{"year": 2027, "days": [
        {"name": "元旦", "date": "2027-01-01", "date": "2027-01-02", "isOffDay": true}]}"#;
    assert!(sunlit::WorkCalendar::china().with_year_json(dup).is_err());
}

// ---- Every reader of a user file or text takes the options (limits and quoting). ----

fn tiny(limits: Limits) -> InputOptions {
    with_limits(limits)
}

const ROWS_1: Limits = Limits {
    max_file_bytes: 2 << 30,
    max_rows: 1,
    max_field_bytes: 1 << 20,
    max_json_depth: 64,
    max_cells: 10_000_000,
};

#[test]
fn every_reader_of_user_input_takes_input_options() {
    use sunlit::{
        AnnualReport, Catalog, WorkCalendar,
        classification::Scheme,
        power::ChangeLog,
        report::{ProactiveTable, ReportFormat, RequestTable, ReviewTable, TableFiles},
    };
    let rows = tiny(ROWS_1);
    let dir = tempfile::tempdir().unwrap();
    // Change logs: CSV text and file, JSON.
    let log = "变更类型,事项名称\n取消,x\n取消,y\n";
    assert_eq!(
        limit_err(ChangeLog::read_csv_with(log.as_bytes(), &rows)).0,
        "max_rows"
    );
    let path = dir.path().join("log.csv");
    std::fs::write(&path, log).unwrap();
    assert_eq!(
        limit_err(ChangeLog::read_csv_path_with(&path, &rows)).0,
        "max_rows"
    );
    let json = ChangeLog::read_csv_str(log).unwrap().to_json();
    assert_eq!(
        limit_err(ChangeLog::from_json_with(&json, &rows)).0,
        "max_rows"
    );
    // Power-list files.
    let path = dir.path().join("list.csv");
    std::fs::write(&path, "权力分类,事项名称\n行政许可,x\n").unwrap();
    assert_eq!(
        limit_err(PowerList::read_csv_path_with(&path, &rows)).0,
        "max_rows"
    );
    let path = dir.path().join("list.json");
    std::fs::write(
        &path,
        PowerList::read_csv_path(dir.path().join("list.csv"))
            .unwrap()
            .to_json(),
    )
    .unwrap();
    let flat = tiny(Limits {
        max_json_depth: 1,
        ..Limits::default()
    });
    assert_eq!(
        limit_err(PowerList::read_json_path_with(&path, &flat)).0,
        "max_json_depth"
    );
    // Report tables: CSV, JSON, files; the annual report from files and from JSON.
    let f = ReportFormat::Y2021;
    let t2 = ProactiveTable::new(f);
    let t3 = RequestTable::new(f);
    let t4 = ReviewTable::new();
    let t2_csv = t2.to_csv_string().unwrap();
    let t3_csv = t3.to_csv_string().unwrap();
    let t4_csv = t4.to_csv_string().unwrap();
    assert_eq!(
        limit_err(ProactiveTable::read_csv_with(t2_csv.as_bytes(), f, &rows)).0,
        "max_rows"
    );
    assert_eq!(
        limit_err(RequestTable::read_csv_with(t3_csv.as_bytes(), f, &rows)).0,
        "max_rows"
    );
    assert_eq!(
        limit_err(ReviewTable::read_csv_with(t4_csv.as_bytes(), &rows)).0,
        "max_rows"
    );
    assert_eq!(
        limit_err(ProactiveTable::from_json_with(&t2.to_json(), f, &rows)).0,
        "max_rows"
    );
    assert_eq!(
        limit_err(RequestTable::from_json_with(&t3.to_json(), f, &rows)).0,
        "max_rows"
    );
    assert_eq!(
        limit_err(ReviewTable::from_json_with(&t4.to_json(), &rows)).0,
        "max_rows"
    );
    let files = TableFiles {
        format: f,
        year: Some(2024),
        proactive: Some(dir.path().join("t2.csv")),
        requests: Some(dir.path().join("t3.json")),
        reviews: Some(dir.path().join("t4.csv")),
    };
    std::fs::write(files.proactive.as_ref().unwrap(), &t2_csv).unwrap();
    std::fs::write(files.requests.as_ref().unwrap(), t3.to_json()).unwrap();
    std::fs::write(files.reviews.as_ref().unwrap(), &t4_csv).unwrap();
    let (report, findings) =
        AnnualReport::read_tables_with(&files, &InputOptions::default()).unwrap();
    assert!(report.requests().is_some() && findings.is_empty());
    let none = TableFiles {
        proactive: None,
        requests: None,
        reviews: None,
        ..files.clone()
    };
    for one in [
        TableFiles {
            proactive: files.proactive.clone(),
            ..none.clone()
        },
        TableFiles {
            requests: files.requests.clone(),
            ..none.clone()
        },
        TableFiles {
            reviews: files.reviews.clone(),
            ..none.clone()
        },
    ] {
        assert_eq!(
            limit_err(AnnualReport::read_tables_with(&one, &rows)).0,
            "max_rows"
        );
    }
    let small = tiny(Limits {
        max_file_bytes: 100,
        ..Limits::default()
    });
    assert_eq!(
        limit_err(AnnualReport::from_json_with(&report.to_json(), &small)).0,
        "max_file_bytes"
    );
    // The catalogue.
    let mut c = Catalog::new();
    let cat = "code,name,level,parent\n229,其他支出,1,\n";
    assert_eq!(
        limit_err(c.load_csv_with(Scheme::Functional, 2026, cat.as_bytes(), &rows)).0,
        "max_rows"
    );
    assert!(c.years(Scheme::Functional).is_empty());
    // Holiday files.
    let year = r#"{"year": 2027, "papers": [], "days": [
        {"name": "元旦", "date": "2027-01-01", "isOffDay": true},
        {"name": "元旦", "date": "2027-01-02", "isOffDay": true}]}"#;
    assert!(
        WorkCalendar::china()
            .with_year_json_with(year, &InputOptions::default())
            .is_ok()
    );
    assert_eq!(
        limit_err(WorkCalendar::china().with_year_json_with(year, &rows)).0,
        "max_rows"
    );
}

#[test]
fn lenient_quoting_reaches_change_logs_report_tables_and_the_catalogue() {
    use sunlit::{Catalog, classification::Scheme, power::ChangeLog, report::ReviewTable};
    let lenient = InputOptions {
        quoting: Quoting::Lenient,
        ..InputOptions::default()
    };
    let (log, findings) = ChangeLog::read_csv_with(
        "变更类型,事项名称\n取消,\"道路\"运输\n".as_bytes(),
        &lenient,
    )
    .unwrap();
    assert_eq!(log.records[0].name, "道路运输");
    assert_eq!(
        (findings.len(), findings[0].rule.as_str()),
        (1, "input.relaxed_quoting")
    );
    let t4 = ReviewTable::new()
        .to_csv_string()
        .unwrap()
        .replace("行政复议,", "\"行政\"复议,");
    assert!(ReviewTable::read_csv(t4.as_bytes()).is_err());
    let (_, findings) = ReviewTable::read_csv_with(t4.as_bytes(), &lenient).unwrap();
    assert_eq!(findings.len(), 1);
    let mut c = Catalog::new();
    let cat = "code,name,level,parent\n229,\"其他\"支出,1,\n";
    let (n, findings) = c
        .load_csv_with(Scheme::Functional, 2026, cat.as_bytes(), &lenient)
        .unwrap();
    assert_eq!((n, findings.len()), (1, 1));
}

#[test]
fn holiday_json_is_capped_by_default() {
    // The holiday reader deserialised straight into structs: unknown keys nested 100 deep and a
    // 2 MB name were read whole. Now the default limits apply, as to every JSON reader.
    let cal = sunlit::WorkCalendar::china();
    let deep = format!(
        r#"{{"year": 2027, "papers": {}{}, "days": [{{"name": "元旦", "date": "2027-01-01", "isOffDay": true}}]}}"#,
        "[".repeat(100),
        "]".repeat(100)
    );
    assert_eq!(limit_err(cal.with_year_json(&deep)).0, "max_json_depth");
    let long = format!(
        r#"{{"year": 2027, "days": [{{"name": "{}", "date": "2027-01-01", "isOffDay": true}}]}}"#,
        "元".repeat(700_000)
    );
    assert_eq!(limit_err(cal.with_year_json(&long)).0, "max_field_bytes");
    // A byte-order mark is named as such.
    let bom = "\u{feff}{\"year\": 2027, \"days\": []}";
    assert!(
        input_err(cal.with_year_json(bom))
            .3
            .contains("byte-order mark")
    );
}

#[test]
fn messages_show_a_bounded_prefix_of_long_values() {
    // A 1 MB+ value in an amount, a code, a vocabulary word and a CSV cell: the message shows
    // the first 200 characters and the length; `bounded()` keeps the same prefix in the fields.
    let long = "9".repeat(1_100_000) + "x";
    let marker = "… (1100001 characters)";
    let errors = [
        sunlit::money::parse_amount(&long).unwrap_err(),
        sunlit::Code::functional(&long).unwrap_err(),
        sunlit::input::Quoting::parse(&long).unwrap_err(),
        Ledger::read_csv_with(
            format!("{HEADER}\n2026,general,budget,u,208,,basic,,{long}\n").as_bytes(),
            &with_limits(Limits {
                max_field_bytes: 2 << 20,
                ..Limits::default()
            }),
        )
        .unwrap_err(),
    ];
    for e in errors {
        let message = e.to_string();
        assert!(
            message.len() < 3_000,
            "{} characters: {}",
            message.len(),
            &message[..300]
        );
        assert!(message.contains(marker), "{message}");
        assert!(
            message.contains(&format!("\"{}\"{marker}", "9".repeat(200))),
            "{message}"
        );
        let bounded = e.bounded();
        let value = match &bounded {
            Error::Amount { value, .. }
            | Error::Code { value, .. }
            | Error::Field { value, .. }
            | Error::Input { value, .. } => value.clone(),
            other => panic!("{other:?}"),
        };
        assert_eq!(value, format!("{}{marker}", "9".repeat(200)));
        assert!(format!("{bounded:?}").len() < 3_000);
    }
    // Short values are shown whole, as before.
    assert_eq!(
        sunlit::money::parse_amount("1x").unwrap_err().to_string(),
        "invalid amount \"1x\": unexpected character 'x': an amount is digits with optional sign, thousands separators and decimal point"
    );
}

/// A bad cell keeps its own error as the cause of the located input error: the code, its scheme
/// and its reason stay structured (`source()`), not only flattened into the reason text.
#[test]
fn a_located_cell_error_keeps_its_cause() {
    use std::error::Error as _;
    let csv = "year,book,phase,unit,functional,economic,nature,source,amount\n\
               2026,general,budget,u,2O8,,basic,,1\n";
    let err = sunlit::Ledger::read_csv(csv.as_bytes()).unwrap_err();
    let Error::Input {
        line,
        ref column,
        cause: Some(ref cause),
        ..
    } = err
    else {
        panic!("{err:?}");
    };
    assert_eq!((line, column.as_str()), (2, "functional"));
    assert!(
        matches!(**cause, Error::Code { scheme: sunlit::classification::Scheme::Functional, ref value, .. } if value == "2O8"),
        "{cause:?}"
    );
    // `source()` gives the cause (boxed, as the field holds it) to error-chain reporters
    let source = err.source().and_then(|s| s.downcast_ref::<Box<Error>>());
    assert_eq!(source, Some(cause));
    assert_eq!(err.source().map(|s| s.to_string()), Some(cause.to_string()));
}
