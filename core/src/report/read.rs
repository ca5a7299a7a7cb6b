//! Reading and writing the report's tables: one CSV or JSON file per table, labels as printed.
//!
//! - Table 2: `label,column,value` — one line per cell (`规章,本年制发件数,1`);
//! - Table 3: `label,自然人,商业企业,科研机构,社会公益组织,法律服务机构,其他,总计` — one line per
//!   official row, sub-rows written with their group (`（三）不予公开 1.属于国家秘密`);
//! - Table 4: `block,结果维持,结果纠正,其他结果,尚未审结,总计` — 行政复议, 未经复议直接起诉,
//!   复议后起诉.
//!
//! JSON holds the same thing as an array of objects keyed by the CSV header. Every row of the
//! format must be there exactly once; a blank cell stays blank (`None`); a bad cell is an
//! [`Error::Input`] naming its line (JSON: record number), column and text.

use std::fs::File;
use std::io::Read;
use std::path::Path;

use rust_decimal::Decimal;
use serde::Serialize;
use serde::ser::SerializeMap;
use serde_json::Value;

use super::proactive::ProactiveCell;
use super::{
    ProactiveColumn, ProactiveRow, ProactiveTable, ReportFormat, RequestColumn, RequestRow,
    RequestTable, ReviewBlock, ReviewColumn, ReviewTable,
};
use crate::error::{Error, Result};
use crate::finding::Finding;
use crate::io::{CsvTable, InputOptions, open, parse_json_with, write_err};
use crate::money::{format_amount, parse_amount};

/// One row of text fields, in the order of the expected columns.
pub(crate) struct TextRow {
    pub(crate) line: u64,
    pub(crate) fields: Vec<String>,
}

impl TextRow {
    fn get(&self, i: usize) -> &str {
        self.fields.get(i).map_or("", String::as_str)
    }
}

/// The rows of a CSV source whose header is exactly `columns` (any order).
/// With them, the warnings of the fields read under lenient quoting.
pub(crate) fn csv_rows<R: Read>(
    reader: R,
    columns: &[&str],
    opts: &InputOptions,
) -> Result<(Vec<TextRow>, Vec<Finding>)> {
    let mut table = CsvTable::read(reader, columns, opts)?;
    let mut rows = Vec::new();
    while let Some(row) = table.next_row()? {
        rows.push(TextRow {
            line: row.line,
            fields: (0..columns.len()).map(|i| row.get(i).to_owned()).collect(),
        });
    }
    Ok((rows, table.findings()))
}

/// The rows of a JSON array of objects keyed by `columns` (every key required, no other key).
pub(crate) fn json_rows(value: &Value, columns: &[&str]) -> Result<Vec<TextRow>> {
    let Value::Array(items) = value else {
        return Err(Error::Input {
            cause: None,
            line: 1,
            column: String::new(),
            value: String::new(),
            reason: format!(
                "a table is a JSON array of objects with the keys {}",
                columns.join(",")
            ),
        });
    };
    let mut rows = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let line = i as u64 + 1;
        let err = |column: &str, value: String, reason: String| Error::Input {
            cause: None,
            line,
            column: column.to_owned(),
            value,
            reason,
        };
        let Value::Object(map) = item else {
            return Err(err(
                "",
                item.to_string(),
                "each row is a JSON object".to_owned(),
            ));
        };
        if let Some(k) = map.keys().find(|k| !columns.contains(&k.trim())) {
            return Err(err(
                k,
                String::new(),
                format!("unknown key; the keys are {}", columns.join(",")),
            ));
        }
        let mut fields = Vec::with_capacity(columns.len());
        for c in columns {
            let v = map
                .iter()
                .find(|(k, _)| k.trim() == *c)
                .map(|(_, v)| v)
                .ok_or_else(|| err(c, String::new(), "missing key".to_owned()))?;
            fields.push(match v {
                Value::Null => String::new(),
                Value::String(s) => s.clone(),
                Value::Number(n) if n.is_i64() || n.is_u64() => n.to_string(),
                Value::Number(n) => {
                    return Err(err(
                        c,
                        n.to_string(),
                        "a fraction must be a JSON string (e.g. \"96171.6\"): JSON numbers are binary floating point".to_owned(),
                    ));
                }
                other => {
                    return Err(err(
                        c,
                        other.to_string(),
                        "expected a number, a string or null".to_owned(),
                    ));
                }
            });
        }
        rows.push(TextRow { line, fields });
    }
    Ok(rows)
}

/// A count as printed (`1,362`, `0`); blank and dashes are `None`; a fraction is an error.
fn parse_count(text: &str, line: u64, column: &str) -> Result<Option<i64>> {
    let Some(d) = parse_amount(text).map_err(|e| e.at(line, column))? else {
        return Ok(None);
    };
    let bad = |reason: &str| Error::Input {
        cause: None,
        line,
        column: column.to_owned(),
        value: text.to_owned(),
        reason: reason.to_owned(),
    };
    if !d.fract().is_zero() {
        return Err(bad("a count is a whole number"));
    }
    i64::try_from(d.trunc())
        .map(Some)
        .map_err(|_| bad("the count is too large"))
}

fn value_at(text: &str, line: u64, column: &str) -> Result<Option<Decimal>> {
    parse_amount(text).map_err(|e| e.at(line, column))
}

fn csv_string(header: &[&str], rows: impl IntoIterator<Item = Vec<String>>) -> Result<String> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(header).map_err(write_err)?;
    for r in rows {
        w.write_record(&r).map_err(write_err)?;
    }
    let bytes = w.into_inner().map_err(write_err)?;
    String::from_utf8(bytes).map_err(write_err)
}

fn cell_text(v: Option<i64>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

fn duplicate(line: u64, column: &str, value: &str, first: u64) -> Error {
    Error::Input {
        cause: None,
        line,
        column: column.to_owned(),
        value: value.to_owned(),
        reason: format!("the row appears twice (first on line {first})"),
    }
}

fn missing(field: &'static str, label: &str, reason: String) -> Error {
    Error::Field {
        field,
        value: label.to_owned(),
        reason,
    }
}

/// Read a table file: `.json` as JSON, anything else as CSV. Errors name the file.
pub(crate) fn read_file<T>(
    path: &Path,
    limits: &crate::io::Limits,
    csv: impl FnOnce(File) -> Result<T>,
    json: impl FnOnce(&str) -> Result<T>,
) -> Result<T> {
    let is_json = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"));
    let result = if is_json {
        crate::io::read_json_file(path, limits).and_then(|text| json(&text))
    } else {
        csv(open(path)?)
    };
    let name = path.display().to_string();
    result.map_err(|e| match e {
        Error::File { reason, kind, .. } => Error::File {
            kind,
            path: name,
            reason,
        },
        other => other.in_context(&name),
    })
}

// ---- Table 3 -------------------------------------------------------------------------------

/// The CSV header of Table 3.
pub(crate) const REQUEST_HEADER: [&str; 8] = [
    "label",
    "自然人",
    "商业企业",
    "科研机构",
    "社会公益组织",
    "法律服务机构",
    "其他",
    "总计",
];

impl RequestTable {
    fn from_text_rows(format: ReportFormat, rows: &[TextRow]) -> Result<RequestTable> {
        let mut table = RequestTable::blank(format);
        let all = RequestRow::rows(format);
        let mut seen: Vec<Option<u64>> = vec![None; all.len()];
        for row in rows {
            let label = row.get(0);
            let r = RequestRow::from_label(label, format).map_err(|e| e.at(row.line, "label"))?;
            let k = all.iter().position(|x| *x == r).unwrap_or(0);
            if let Some(first) = seen.get(k).copied().flatten() {
                return Err(duplicate(row.line, "label", label, first));
            }
            if let Some(s) = seen.get_mut(k) {
                *s = Some(row.line);
            }
            for (i, &c) in RequestColumn::ALL.iter().enumerate() {
                let header = REQUEST_HEADER.get(i + 1).copied().unwrap_or("");
                table.set(r, c, parse_count(row.get(i + 1), row.line, header)?)?;
            }
        }
        if let Some((r, _)) = all.iter().zip(&seen).find(|(_, s)| s.is_none()) {
            return Err(missing(
                "requests_table",
                &r.label(),
                format!(
                    "row missing: Table 3 of the {} format has {} rows, each once",
                    format.id(),
                    all.len()
                ),
            ));
        }
        Ok(table)
    }

    /// Read Table 3 from CSV with the header `label,自然人,商业企业,科研机构,社会公益组织,
    /// 法律服务机构,其他,总计` (any column order, optional BOM): one line per row of the format,
    /// labels as printed (variants tolerated, see [`RequestRow::from_label`]), counts as printed
    /// (`1,362`), blank cells blank.
    ///
    /// ```
    /// use sunlit::{Error, report::{ReportFormat, RequestTable}};
    /// let csv = "label,自然人,商业企业,科研机构,社会公益组织,法律服务机构,其他,总计\n\
    ///            一、本年新收政府信息公开申请数量,1,0,0,0,0,0,x\n";
    /// assert!(matches!(RequestTable::read_csv(csv.as_bytes(), ReportFormat::Y2021),
    ///     Err(Error::Input { line: 2, ref column, .. }) if column == "总计"));
    /// ```
    pub fn read_csv<R: Read>(reader: R, format: ReportFormat) -> Result<RequestTable> {
        RequestTable::read_csv_with(reader, format, &InputOptions::default()).map(|(t, _)| t)
    }

    /// [`RequestTable::read_csv`] with [`InputOptions`] (quoting and limits); returns the table
    /// and the warnings of the fields read under lenient quoting.
    ///
    /// ```
    /// use sunlit::{Error, input::{InputOptions, Limits}, report::{ReportFormat, RequestTable}};
    /// let csv = RequestTable::new(ReportFormat::Y2021).to_csv_string().unwrap();
    /// let (t, findings) = RequestTable::read_csv_with(csv.as_bytes(), ReportFormat::Y2021, &InputOptions::default()).unwrap();
    /// assert_eq!((t, findings.len()), (RequestTable::new(ReportFormat::Y2021), 0));
    /// let small = InputOptions { limits: Limits { max_rows: 3, ..Limits::default() }, ..Default::default() };
    /// assert!(matches!(RequestTable::read_csv_with(csv.as_bytes(), ReportFormat::Y2021, &small),
    ///     Err(Error::Limit { ref limit, line: 4, .. }) if limit == "max_rows"));
    /// ```
    pub fn read_csv_with<R: Read>(
        reader: R,
        format: ReportFormat,
        opts: &InputOptions,
    ) -> Result<(RequestTable, Vec<Finding>)> {
        let (rows, findings) = csv_rows(reader, &REQUEST_HEADER, opts)?;
        Ok((RequestTable::from_text_rows(format, &rows)?, findings))
    }

    /// Read Table 3 from a JSON array of objects keyed like the CSV header (counts as integers or
    /// strings, `null` for blank).
    ///
    /// ```
    /// use sunlit::report::{ReportFormat, RequestTable};
    /// let t = RequestTable::new(ReportFormat::Y2019);
    /// assert_eq!(RequestTable::from_json(&t.to_json(), ReportFormat::Y2019).unwrap(), t);
    /// assert!(RequestTable::from_json("[]", ReportFormat::Y2019).is_err()); // rows missing
    /// ```
    pub fn from_json(text: &str, format: ReportFormat) -> Result<RequestTable> {
        RequestTable::from_json_with(text, format, &InputOptions::default())
    }

    /// [`RequestTable::from_json`] within the limits of `opts`.
    ///
    /// ```
    /// use sunlit::{Error, input::{InputOptions, Limits}, report::{ReportFormat, RequestTable}};
    /// let json = RequestTable::new(ReportFormat::Y2019).to_json();
    /// assert!(RequestTable::from_json_with(&json, ReportFormat::Y2019, &InputOptions::default()).is_ok());
    /// let small = InputOptions { limits: Limits { max_rows: 2, ..Limits::default() }, ..Default::default() };
    /// assert!(matches!(RequestTable::from_json_with(&json, ReportFormat::Y2019, &small),
    ///     Err(Error::Limit { ref limit, .. }) if limit == "max_rows"));
    /// ```
    pub fn from_json_with(
        text: &str,
        format: ReportFormat,
        opts: &InputOptions,
    ) -> Result<RequestTable> {
        RequestTable::from_json_value(&parse_json_with(text, &opts.limits)?, format)
    }

    pub(crate) fn from_json_value(value: &Value, format: ReportFormat) -> Result<RequestTable> {
        RequestTable::from_text_rows(format, &json_rows(value, &REQUEST_HEADER)?)
    }

    /// Read Table 3 from a file: `.json` as JSON, anything else as CSV.
    ///
    /// ```
    /// use sunlit::report::{ReportFormat, RequestTable};
    /// assert!(matches!(RequestTable::read_path("/no/such.csv", ReportFormat::Y2021), Err(sunlit::Error::File { .. })));
    /// ```
    pub fn read_path(path: impl AsRef<Path>, format: ReportFormat) -> Result<RequestTable> {
        RequestTable::read_path_with(path, format, &InputOptions::default()).map(|(t, _)| t)
    }

    /// [`RequestTable::read_path`] with [`InputOptions`]; returns the table and the warnings of
    /// lenient quoting (CSV only).
    ///
    /// ```
    /// use sunlit::{Error, input::{InputOptions, Limits}, report::{ReportFormat, RequestTable}};
    /// let dir = tempfile::tempdir().unwrap();
    /// let path = dir.path().join("t3.json");
    /// std::fs::write(&path, RequestTable::new(ReportFormat::Y2021).to_json()).unwrap();
    /// assert!(RequestTable::read_path_with(&path, ReportFormat::Y2021, &InputOptions::default()).is_ok());
    /// let tiny = InputOptions { limits: Limits { max_file_bytes: 100, ..Limits::default() }, ..Default::default() };
    /// assert!(matches!(RequestTable::read_path_with(&path, ReportFormat::Y2021, &tiny),
    ///     Err(Error::Limit { ref limit, .. }) if limit == "max_file_bytes"));
    /// ```
    pub fn read_path_with(
        path: impl AsRef<Path>,
        format: ReportFormat,
        opts: &InputOptions,
    ) -> Result<(RequestTable, Vec<Finding>)> {
        read_file(
            path.as_ref(),
            &opts.limits,
            |f| RequestTable::read_csv_with(f, format, opts),
            |t| RequestTable::from_json_with(t, format, opts).map(|t| (t, Vec::new())),
        )
    }

    fn text_rows(&self) -> impl Iterator<Item = (String, &[Option<i64>; 7])> {
        self.cells().map(|(r, cells)| (r.label(), cells))
    }

    /// Table 3 as CSV in the reading format (official labels, sub-rows with their group).
    ///
    /// ```
    /// use sunlit::report::{ReportFormat, RequestTable};
    /// let csv = RequestTable::new(ReportFormat::Y2021).to_csv_string().unwrap();
    /// assert!(csv.starts_with("label,自然人,商业企业,科研机构,社会公益组织,法律服务机构,其他,总计\n"));
    /// assert_eq!(csv.lines().count(), 26);
    /// ```
    pub fn to_csv_string(&self) -> Result<String> {
        csv_string(
            &REQUEST_HEADER,
            self.text_rows().map(|(label, cells)| {
                std::iter::once(label)
                    .chain(cells.iter().map(|v| cell_text(*v)))
                    .collect()
            }),
        )
    }

    pub(crate) fn json_rows(&self) -> Vec<CountRow> {
        self.text_rows()
            .map(|(label, cells)| CountRow {
                key: "label",
                label,
                columns: &REQUEST_HEADER,
                values: cells.to_vec(),
            })
            .collect()
    }

    /// Table 3 as JSON in the reading format (counts as integers, blank as `null`).
    ///
    /// ```
    /// use sunlit::report::{ReportFormat, RequestTable};
    /// let json = RequestTable::new(ReportFormat::Y2021).to_json();
    /// assert!(json.contains("\"label\": \"（三）不予公开 1.属于国家秘密\""));
    /// ```
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(&self.json_rows()).unwrap_or_else(|_| "[]".to_owned())
    }
}

/// A JSON row of counts: the label key, then one key per column, in printed order.
pub(crate) struct CountRow {
    key: &'static str,
    label: String,
    columns: &'static [&'static str],
    values: Vec<Option<i64>>,
}

impl Serialize for CountRow {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.values.len() + 1))?;
        m.serialize_entry(self.key, &self.label)?;
        for (c, v) in self.columns.iter().skip(1).zip(&self.values) {
            m.serialize_entry(c, v)?;
        }
        m.end()
    }
}

// ---- Table 4 -------------------------------------------------------------------------------

/// The CSV header of Table 4.
pub(crate) const REVIEW_HEADER: [&str; 6] = [
    "block",
    "结果维持",
    "结果纠正",
    "其他结果",
    "尚未审结",
    "总计",
];

impl ReviewTable {
    fn from_text_rows(rows: &[TextRow]) -> Result<ReviewTable> {
        let mut table = ReviewTable::blank();
        let mut seen: [Option<u64>; 3] = [None; 3];
        for row in rows {
            let label = row.get(0);
            let b = ReviewBlock::from_label(label).map_err(|e| e.at(row.line, "block"))?;
            let k = ReviewBlock::ALL.iter().position(|x| *x == b).unwrap_or(0);
            if let Some(first) = seen.get(k).copied().flatten() {
                return Err(duplicate(row.line, "block", label, first));
            }
            if let Some(s) = seen.get_mut(k) {
                *s = Some(row.line);
            }
            for (i, &c) in ReviewColumn::ALL.iter().enumerate() {
                let header = REVIEW_HEADER.get(i + 1).copied().unwrap_or("");
                table.set(b, c, parse_count(row.get(i + 1), row.line, header)?);
            }
        }
        if let Some((b, _)) = ReviewBlock::ALL
            .iter()
            .zip(&seen)
            .find(|(_, s)| s.is_none())
        {
            return Err(missing(
                "reviews_table",
                b.name_zh(),
                "block missing: Table 4 has the blocks 行政复议, 未经复议直接起诉, 复议后起诉, each once"
                    .to_owned(),
            ));
        }
        Ok(table)
    }

    /// Read Table 4 from CSV with the header `block,结果维持,结果纠正,其他结果,尚未审结,总计` and
    /// the three blocks 行政复议, 未经复议直接起诉, 复议后起诉 (as printed; `行政诉讼 复议后起诉`
    /// and similar variants tolerated).
    ///
    /// ```
    /// use sunlit::report::{ReviewBlock, ReviewColumn, ReviewTable};
    /// let csv = "block,结果维持,结果纠正,其他结果,尚未审结,总计\n行政复议,3,1,0,1,5\n\
    ///            未经复议直接起诉,0,0,0,0,0\n行政诉讼（复议后起诉）,0,0,0,0,0\n";
    /// let t = ReviewTable::read_csv(csv.as_bytes()).unwrap();
    /// assert_eq!(t.get(ReviewBlock::Review, ReviewColumn::Total), Some(5));
    /// assert!(ReviewTable::read_csv("block,结果维持\n".as_bytes()).is_err());
    /// ```
    pub fn read_csv<R: Read>(reader: R) -> Result<ReviewTable> {
        ReviewTable::read_csv_with(reader, &InputOptions::default()).map(|(t, _)| t)
    }

    /// [`ReviewTable::read_csv`] with [`InputOptions`] (quoting and limits); returns the table
    /// and the warnings of the fields read under lenient quoting.
    ///
    /// ```
    /// use sunlit::{Error, input::{InputOptions, Limits}, report::ReviewTable};
    /// let csv = ReviewTable::new().to_csv_string().unwrap();
    /// assert!(ReviewTable::read_csv_with(csv.as_bytes(), &InputOptions::default()).is_ok());
    /// let small = InputOptions { limits: Limits { max_field_bytes: 4, ..Limits::default() }, ..Default::default() };
    /// assert!(matches!(ReviewTable::read_csv_with(csv.as_bytes(), &small),
    ///     Err(Error::Limit { ref limit, .. }) if limit == "max_field_bytes"));
    /// ```
    pub fn read_csv_with<R: Read>(
        reader: R,
        opts: &InputOptions,
    ) -> Result<(ReviewTable, Vec<Finding>)> {
        let (rows, findings) = csv_rows(reader, &REVIEW_HEADER, opts)?;
        Ok((ReviewTable::from_text_rows(&rows)?, findings))
    }

    /// Read Table 4 from a JSON array of objects keyed like the CSV header.
    ///
    /// ```
    /// use sunlit::report::ReviewTable;
    /// let t = ReviewTable::new();
    /// assert_eq!(ReviewTable::from_json(&t.to_json()).unwrap(), t);
    /// assert!(ReviewTable::from_json("{}").is_err());
    /// ```
    pub fn from_json(text: &str) -> Result<ReviewTable> {
        ReviewTable::from_json_with(text, &InputOptions::default())
    }

    /// [`ReviewTable::from_json`] within the limits of `opts`.
    ///
    /// ```
    /// use sunlit::{Error, input::{InputOptions, Limits}, report::ReviewTable};
    /// let json = ReviewTable::new().to_json();
    /// assert!(ReviewTable::from_json_with(&json, &InputOptions::default()).is_ok());
    /// let flat = InputOptions { limits: Limits { max_json_depth: 1, ..Limits::default() }, ..Default::default() };
    /// assert!(matches!(ReviewTable::from_json_with(&json, &flat),
    ///     Err(Error::Limit { ref limit, .. }) if limit == "max_json_depth"));
    /// ```
    pub fn from_json_with(text: &str, opts: &InputOptions) -> Result<ReviewTable> {
        ReviewTable::from_json_value(&parse_json_with(text, &opts.limits)?)
    }

    pub(crate) fn from_json_value(value: &Value) -> Result<ReviewTable> {
        ReviewTable::from_text_rows(&json_rows(value, &REVIEW_HEADER)?)
    }

    /// Read Table 4 from a file: `.json` as JSON, anything else as CSV.
    ///
    /// ```
    /// assert!(sunlit::report::ReviewTable::read_path("/no/such.json").is_err());
    /// ```
    pub fn read_path(path: impl AsRef<Path>) -> Result<ReviewTable> {
        ReviewTable::read_path_with(path, &InputOptions::default()).map(|(t, _)| t)
    }

    /// [`ReviewTable::read_path`] with [`InputOptions`]; returns the table and the warnings of
    /// lenient quoting (CSV only).
    ///
    /// ```
    /// use sunlit::{Error, input::{InputOptions, Limits}, report::ReviewTable};
    /// let dir = tempfile::tempdir().unwrap();
    /// let path = dir.path().join("t4.csv");
    /// std::fs::write(&path, ReviewTable::new().to_csv_string().unwrap()).unwrap();
    /// assert!(ReviewTable::read_path_with(&path, &InputOptions::default()).is_ok());
    /// let tiny = InputOptions { limits: Limits { max_file_bytes: 10, ..Limits::default() }, ..Default::default() };
    /// assert!(matches!(ReviewTable::read_path_with(&path, &tiny),
    ///     Err(Error::Limit { ref limit, .. }) if limit == "max_file_bytes"));
    /// ```
    pub fn read_path_with(
        path: impl AsRef<Path>,
        opts: &InputOptions,
    ) -> Result<(ReviewTable, Vec<Finding>)> {
        read_file(
            path.as_ref(),
            &opts.limits,
            |f| ReviewTable::read_csv_with(f, opts),
            |t| ReviewTable::from_json_with(t, opts).map(|t| (t, Vec::new())),
        )
    }

    fn block_values(&self, b: ReviewBlock) -> Vec<Option<i64>> {
        ReviewColumn::ALL.iter().map(|&c| self.get(b, c)).collect()
    }

    /// Table 4 as CSV in the reading format.
    ///
    /// ```
    /// let csv = sunlit::report::ReviewTable::new().to_csv_string().unwrap();
    /// assert_eq!(csv.lines().nth(2), Some("未经复议直接起诉,0,0,0,0,0"));
    /// ```
    pub fn to_csv_string(&self) -> Result<String> {
        csv_string(
            &REVIEW_HEADER,
            ReviewBlock::ALL.iter().map(|&b| {
                std::iter::once(b.name_zh().to_owned())
                    .chain(self.block_values(b).into_iter().map(cell_text))
                    .collect()
            }),
        )
    }

    pub(crate) fn json_rows(&self) -> Vec<CountRow> {
        ReviewBlock::ALL
            .iter()
            .map(|&b| CountRow {
                key: "block",
                label: b.name_zh().to_owned(),
                columns: &REVIEW_HEADER,
                values: self.block_values(b),
            })
            .collect()
    }

    /// Table 4 as JSON in the reading format.
    ///
    /// ```
    /// assert!(sunlit::report::ReviewTable::new().to_json().contains("\"block\": \"复议后起诉\""));
    /// ```
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(&self.json_rows()).unwrap_or_else(|_| "[]".to_owned())
    }
}

// ---- Table 2 -------------------------------------------------------------------------------

/// The CSV header of Table 2.
pub(crate) const PROACTIVE_HEADER: [&str; 3] = ["label", "column", "value"];

/// A JSON cell of Table 2.
#[derive(Serialize)]
pub(crate) struct ProactiveJson {
    label: &'static str,
    column: &'static str,
    value: Option<String>,
}

impl ProactiveTable {
    fn from_text_rows(format: ReportFormat, rows: &[TextRow]) -> Result<ProactiveTable> {
        let mut cells = Vec::with_capacity(rows.len());
        let mut lines = Vec::with_capacity(rows.len());
        for row in rows {
            let r = ProactiveRow::from_label(row.get(0), format)
                .map_err(|e| e.at(row.line, "label"))?;
            let c = ProactiveColumn::from_label(row.get(1), format)
                .map_err(|e| e.at(row.line, "column"))?;
            let value = value_at(row.get(2), row.line, "value")?;
            if c.is_count() && value.is_some_and(|v| !v.fract().is_zero()) {
                return Err(Error::Input {
                    cause: None,
                    line: row.line,
                    column: "value".to_owned(),
                    value: row.get(2).to_owned(),
                    reason: "a count is a whole number".to_owned(),
                });
            }
            cells.push(ProactiveCell {
                row: r,
                column: c,
                value,
            });
            lines.push(row.line);
        }
        let table = ProactiveTable::from_cells(format, &cells).map_err(|e| match e {
            Error::Input {
                line,
                column,
                value,
                reason,
                cause,
            } => Error::Input {
                cause,
                line: usize::try_from(line)
                    .ok()
                    .and_then(|l| lines.get(l.wrapping_sub(1)))
                    .copied()
                    .unwrap_or(line),
                column,
                value,
                reason,
            },
            other => other,
        })?;
        let given: Vec<(ProactiveRow, ProactiveColumn)> =
            cells.iter().map(|c| (c.row, c.column)).collect();
        if let Some(c) = table
            .cells()
            .into_iter()
            .find(|c| !given.contains(&(c.row, c.column)))
        {
            return Err(missing(
                "proactive_table",
                &format!("{} / {}", c.row.label(format), c.column.label(format)),
                format!(
                    "cell missing: every cell of Table 2 in the {} format is required (leave the value blank if it is not reported)",
                    format.id()
                ),
            ));
        }
        Ok(table)
    }

    /// Read Table 2 from CSV with the header `label,column,value`: one line per cell, row and
    /// column labels as printed (`规章,本年制发件数,1`; `行政事业性收费,本年收费金额（单位：万元）,
    /// 96171.6`). Every cell of the format is required; a blank value stays blank. Counts are
    /// whole numbers ([`ProactiveColumn::is_count`](crate::report::ProactiveColumn::is_count)): a
    /// fraction in any column but the amounts is an input error on column `value`.
    ///
    /// ```
    /// use sunlit::{Error, report::{ProactiveTable, ReportFormat}};
    /// let csv = "label,column,value\n规章,本年收费金额（单位：万元）,1\n";
    /// assert!(matches!(ProactiveTable::read_csv(csv.as_bytes(), ReportFormat::Y2021),
    ///     Err(Error::Input { line: 2, .. })));
    /// let csv = "label,column,value\n规章,本年制发件数,1.5\n";
    /// assert!(matches!(ProactiveTable::read_csv(csv.as_bytes(), ReportFormat::Y2021),
    ///     Err(Error::Input { line: 2, ref column, ref value, ref reason, .. })
    ///         if column == "value" && value == "1.5" && reason == "a count is a whole number"));
    /// ```
    pub fn read_csv<R: Read>(reader: R, format: ReportFormat) -> Result<ProactiveTable> {
        ProactiveTable::read_csv_with(reader, format, &InputOptions::default()).map(|(t, _)| t)
    }

    /// [`ProactiveTable::read_csv`] with [`InputOptions`] (quoting and limits); returns the table
    /// and the warnings of the fields read under lenient quoting.
    ///
    /// ```
    /// use sunlit::{Error, input::{InputOptions, Limits}, report::{ProactiveTable, ReportFormat}};
    /// let csv = ProactiveTable::new(ReportFormat::Y2021).to_csv_string().unwrap();
    /// assert!(ProactiveTable::read_csv_with(csv.as_bytes(), ReportFormat::Y2021, &InputOptions::default()).is_ok());
    /// let small = InputOptions { limits: Limits { max_rows: 2, ..Limits::default() }, ..Default::default() };
    /// assert!(matches!(ProactiveTable::read_csv_with(csv.as_bytes(), ReportFormat::Y2021, &small),
    ///     Err(Error::Limit { ref limit, .. }) if limit == "max_rows"));
    /// ```
    pub fn read_csv_with<R: Read>(
        reader: R,
        format: ReportFormat,
        opts: &InputOptions,
    ) -> Result<(ProactiveTable, Vec<Finding>)> {
        let (rows, findings) = csv_rows(reader, &PROACTIVE_HEADER, opts)?;
        Ok((ProactiveTable::from_text_rows(format, &rows)?, findings))
    }

    /// Read Table 2 from a JSON array of `{"label", "column", "value"}` objects (a fractional
    /// value must be a string).
    ///
    /// ```
    /// use sunlit::report::{ProactiveTable, ReportFormat};
    /// let t = ProactiveTable::new(ReportFormat::Y2019);
    /// assert_eq!(ProactiveTable::from_json(&t.to_json(), ReportFormat::Y2019).unwrap(), t);
    /// assert!(ProactiveTable::from_json(&t.to_json(), ReportFormat::Y2021).is_err());
    /// ```
    pub fn from_json(text: &str, format: ReportFormat) -> Result<ProactiveTable> {
        ProactiveTable::from_json_with(text, format, &InputOptions::default())
    }

    /// [`ProactiveTable::from_json`] within the limits of `opts`.
    ///
    /// ```
    /// use sunlit::{Error, input::{InputOptions, Limits}, report::{ProactiveTable, ReportFormat}};
    /// let json = ProactiveTable::new(ReportFormat::Y2021).to_json();
    /// assert!(ProactiveTable::from_json_with(&json, ReportFormat::Y2021, &InputOptions::default()).is_ok());
    /// let small = InputOptions { limits: Limits { max_file_bytes: 10, ..Limits::default() }, ..Default::default() };
    /// assert!(matches!(ProactiveTable::from_json_with(&json, ReportFormat::Y2021, &small),
    ///     Err(Error::Limit { ref limit, line: 0, .. }) if limit == "max_file_bytes"));
    /// ```
    pub fn from_json_with(
        text: &str,
        format: ReportFormat,
        opts: &InputOptions,
    ) -> Result<ProactiveTable> {
        ProactiveTable::from_json_value(&parse_json_with(text, &opts.limits)?, format)
    }

    pub(crate) fn from_json_value(value: &Value, format: ReportFormat) -> Result<ProactiveTable> {
        ProactiveTable::from_text_rows(format, &json_rows(value, &PROACTIVE_HEADER)?)
    }

    /// Read Table 2 from a file: `.json` as JSON, anything else as CSV.
    ///
    /// ```
    /// use sunlit::report::{ProactiveTable, ReportFormat};
    /// assert!(ProactiveTable::read_path("/no/such.csv", ReportFormat::Y2021).is_err());
    /// ```
    pub fn read_path(path: impl AsRef<Path>, format: ReportFormat) -> Result<ProactiveTable> {
        ProactiveTable::read_path_with(path, format, &InputOptions::default()).map(|(t, _)| t)
    }

    /// [`ProactiveTable::read_path`] with [`InputOptions`]; returns the table and the warnings
    /// of lenient quoting (CSV only).
    ///
    /// ```
    /// use sunlit::{Error, input::{InputOptions, Limits}, report::{ProactiveTable, ReportFormat}};
    /// let dir = tempfile::tempdir().unwrap();
    /// let path = dir.path().join("t2.csv");
    /// std::fs::write(&path, ProactiveTable::new(ReportFormat::Y2021).to_csv_string().unwrap()).unwrap();
    /// assert!(ProactiveTable::read_path_with(&path, ReportFormat::Y2021, &InputOptions::default()).is_ok());
    /// let tiny = InputOptions { limits: Limits { max_file_bytes: 10, ..Limits::default() }, ..Default::default() };
    /// assert!(matches!(ProactiveTable::read_path_with(&path, ReportFormat::Y2021, &tiny),
    ///     Err(Error::Limit { ref limit, .. }) if limit == "max_file_bytes"));
    /// ```
    pub fn read_path_with(
        path: impl AsRef<Path>,
        format: ReportFormat,
        opts: &InputOptions,
    ) -> Result<(ProactiveTable, Vec<Finding>)> {
        read_file(
            path.as_ref(),
            &opts.limits,
            |f| ProactiveTable::read_csv_with(f, format, opts),
            |t| ProactiveTable::from_json_with(t, format, opts).map(|t| (t, Vec::new())),
        )
    }

    pub(crate) fn json_rows(&self) -> Vec<ProactiveJson> {
        let f = self.format();
        self.cells()
            .into_iter()
            .map(|c| ProactiveJson {
                label: c.row.label(f),
                column: c.column.label(f),
                value: c.value.map(format_amount),
            })
            .collect()
    }

    /// Table 2 as CSV in the reading format.
    ///
    /// ```
    /// use sunlit::report::{ProactiveTable, ReportFormat};
    /// let csv = ProactiveTable::new(ReportFormat::Y2021).to_csv_string().unwrap();
    /// assert_eq!(csv.lines().nth(1), Some("规章,本年制发件数,"));
    /// ```
    pub fn to_csv_string(&self) -> Result<String> {
        csv_string(
            &PROACTIVE_HEADER,
            self.json_rows().into_iter().map(|c| {
                vec![
                    c.label.to_owned(),
                    c.column.to_owned(),
                    c.value.unwrap_or_default(),
                ]
            }),
        )
    }

    /// Table 2 as JSON in the reading format (values as strings, blank as `null`).
    ///
    /// ```
    /// use sunlit::report::{ProactiveTable, ReportFormat};
    /// assert!(ProactiveTable::new(ReportFormat::Y2021).to_json().contains("\"value\": null"));
    /// ```
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(&self.json_rows()).unwrap_or_else(|_| "[]".to_owned())
    }
}
