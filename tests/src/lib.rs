//! Helpers shared by the integration tests: where the golden data lives and how to read the
//! small table formats it uses.

use std::path::PathBuf;

/// The directory of the golden data shared by the Rust, Python and Kotlin suites.
pub fn data_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data")
}

/// A file under [`data_dir`].
pub fn data_file(relative: &str) -> PathBuf {
    data_dir().join(relative)
}

/// Read a CSV (or, with `delimiter = b'\t'`, TSV) file with a header into rows of
/// `(column → value)` pairs, in file order.
pub fn read_table(relative: &str, delimiter: u8) -> Vec<Vec<(String, String)>> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .quoting(delimiter != b'\t')
        .from_path(data_file(relative))
        .unwrap_or_else(|e| panic!("cannot read {relative}: {e}"));
    let header: Vec<String> = reader
        .headers()
        .expect("header")
        .iter()
        .map(str::to_owned)
        .collect();
    reader
        .records()
        .map(|r| {
            let r = r.expect("record");
            header
                .iter()
                .cloned()
                .zip(r.iter().map(str::to_owned))
                .collect()
        })
        .collect()
}

/// The value of `column` in a row from [`read_table`].
pub fn field<'a>(row: &'a [(String, String)], column: &str) -> &'a str {
    row.iter()
        .find(|(k, _)| k == column)
        .map(|(_, v)| v.as_str())
        .unwrap_or_else(|| panic!("no column {column}"))
}

/// Read one published table of the golden data, with its kind id and unit as in a
/// `document.csv` or `cases.csv` row.
pub fn read_published_table(relative: &str, kind: &str, unit: &str) -> sunlit::PublishedTable {
    let opts = sunlit::tables::TableReadOptions {
        unit: unit.parse().expect("unit"),
        kind: Some(kind.parse().expect("kind")),
        title: None,
        ..Default::default()
    };
    sunlit::PublishedTable::read_csv_path(data_file(relative), &opts)
        .unwrap_or_else(|e| panic!("cannot read {relative}: {e}"))
}

/// Read the tables listed in `<dir>/document.csv` (`file,kind,unit`), replacing the file of
/// one kind by `replace` (kind id, file) when given.
pub fn read_document(dir: &str, replace: Option<(&str, &str)>) -> Vec<sunlit::PublishedTable> {
    read_table(&format!("{dir}/document.csv"), b',')
        .iter()
        .map(|row| {
            let kind = field(row, "kind");
            let file = match replace {
                Some((k, f)) if k == kind => f,
                _ => field(row, "file"),
            };
            read_published_table(&format!("{dir}/{file}"), kind, field(row, "unit"))
        })
        .collect()
}

/// Read a JSON file under [`data_dir`].
pub fn read_json(relative: &str) -> serde_json::Value {
    let text = std::fs::read_to_string(data_file(relative))
        .unwrap_or_else(|e| panic!("cannot read {relative}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{relative}: {e}"))
}

/// An ISO date `YYYY-MM-DD`.
pub fn date(text: &str) -> chrono::NaiveDate {
    text.parse()
        .unwrap_or_else(|e| panic!("bad date {text:?}: {e}"))
}

/// The string at `key` of a JSON object (`None` for null or missing).
pub fn opt_str<'a>(v: &'a serde_json::Value, key: &str) -> Option<&'a str> {
    v.get(key).and_then(serde_json::Value::as_str)
}

/// The string at `key` of a JSON object; panics when missing.
pub fn str_at<'a>(v: &'a serde_json::Value, key: &str) -> &'a str {
    opt_str(v, key).unwrap_or_else(|| panic!("no string {key} in {v}"))
}

/// The directory of the embedded official holiday files (`core/data/holidays-cn`).
pub fn holidays_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../core/data/holidays-cn")
}

/// Undo the `\n` escapes of the golden TSV files (a TSV cell cannot hold a line break).
pub fn unescape(text: &str) -> String {
    text.replace("\\n", "\n")
}
